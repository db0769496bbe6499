/*
 * bench.h - shared pieces of the wirenews benchmark: a growable byte
 * buffer, the input corpus (one buffer plus article offsets), the
 * wire-style text generator and the engines timed side by side
 * (wirenews, md4c, cmark, a memchr line scan).
 */
#ifndef WN_BENCH_H
#define WN_BENCH_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ buffers */

/* A growable byte buffer; allocation failure ends the program (this is a
 * benchmark, not the library). */
typedef struct wnb_buf {
    char *p;
    size_t n, cap;
} wnb_buf;

void wnb_buf_reserve(wnb_buf *b, size_t extra);
void wnb_buf_put(wnb_buf *b, const char *s, size_t n);
void wnb_buf_puts(wnb_buf *b, const char *s);
void wnb_buf_putc(wnb_buf *b, char c);
void wnb_buf_free(wnb_buf *b);

/* An input: articles back to back in one buffer. Article i is the bytes
 * [off[i], off[i+1]); the articles cover the whole buffer. */
typedef struct wnb_input {
    char name[64];
    wnb_buf text;
    size_t *off; /* narticles + 1 entries */
    size_t narticles, offcap;
} wnb_input;

void wnb_input_add_article(wnb_input *in, const char *s, size_t n);
/* Close the current article (the bytes added since the last call). */
void wnb_input_end_article(wnb_input *in);
void wnb_input_free(wnb_input *in);

/* ------------------------------------------------------------------ gen.c */

/* Deterministic pseudo-random generator (splitmix64). */
typedef struct wnb_rng {
    uint64_t s;
} wnb_rng;

uint64_t wnb_rand(wnb_rng *r);
/* Uniform in [0, n). */
size_t wnb_below(wnb_rng *r, size_t n);

/* Append generated wire-style articles to `in` until it holds at least
 * `bytes` bytes. The same seed gives the same text, and a smaller size is
 * a prefix of a larger one. */
void wnb_generate(wnb_input *in, size_t bytes, uint64_t seed);

/* ------------------------------------------------------------------ engines.c */

/* One engine parses one document; it returns a number derived from the
 * result (kept in a sink so the work cannot be optimised away), or -1 on
 * failure. */
typedef long long (*wnb_doc_fn)(const char *p, size_t n);

typedef struct wnb_engine {
    const char *key;   /* short name used in the report */
    const char *label; /* what is timed */
    wnb_doc_fn run;    /* NULL: not available in this build */
    const char *why;   /* why it is unavailable */
} wnb_engine;

/* The engines, in report order; *count receives their number. */
const wnb_engine *wnb_engines(size_t *count);

/* Library versions as "name version" strings for the report. */
const char *wnb_md4c_version(void);
const char *wnb_cmark_version(void);
const char *wnb_utf8proc_version(void);

/* Exact heap accounting of one wirenews parse (or parse + JSON) through
 * the allocator hook: peak live bytes and the number of allocations. */
typedef struct wnb_heap {
    size_t peak, live, allocs;
} wnb_heap;

int wnb_wirenews_heap(const char *p, size_t n, int with_json, wnb_heap *h);

/* Count wirenews blocks of each type (index 1..11) for one document. */
int wnb_wirenews_types(const char *p, size_t n, size_t counts[12]);

#endif
