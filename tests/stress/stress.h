/*
 * stress.h - generated input for the stress tests, the pathological-input
 * benchmark and the peak-memory probe: ordinary article-like text of any
 * size, and inputs built to defeat the recognizers. Everything is
 * deterministic (a fixed seed) and written from invented words.
 */
#ifndef WN_STRESS_H
#define WN_STRESS_H

#include <stddef.h>
#include <stdint.h>

/* A growable byte buffer; on allocation failure the program exits. */
typedef struct wns_buf {
    char *p;
    size_t n, cap;
} wns_buf;

void wns_put(wns_buf *b, const void *p, size_t n);
void wns_puts(wns_buf *b, const char *s);
void wns_putc(wns_buf *b, char c);

/* Ordinary article text of at least `size` bytes (a little more: whole
 * paragraphs): headline, byline, dateline, paragraphs of invented sentences
 * with quotes and numbers, subheads, a list now and then, a caption and a
 * related link; no two paragraphs alike. */
void wns_ordinary(wns_buf *b, size_t size, uint64_t seed);

/* One pathological input family: `make` writes about `size` bytes. */
typedef struct wns_kind {
    const char *name; /* short name, as on the benchmark's command line */
    const char *what; /* one line for the table */
    size_t size;      /* the size the issue asks for (bytes) */
    int cost_limit;   /* 1: must cost at most 3x ordinary text per MB; 0: lines of a few
                       * bytes, where the cost per line dominates (reported, and
                       * still held to linear time) */
    void (*make)(wns_buf *b, size_t size);
} wns_kind;

/* Every family, ordinary text first; *count gets their number. */
const wns_kind *wns_kinds(size_t *count);
/* The family with that name, or NULL. */
const wns_kind *wns_kind_named(const char *name);

/* CPU time of this process in seconds. */
double wns_cpu_seconds(void);

#endif
