/*
 * stress-peak.c - peak memory of one parse, for the memory table of the
 * README: generate an input family (see stress.h) of the given size, parse
 * it, stream the JSON to a counter, and print the input size, the blocks,
 * and the library's own peak heap as seen through the allocator hook.
 * Run it under `/usr/bin/time -v` for the process's maximum resident set
 * (which also holds the input itself and the generator's scratch).
 *
 * Usage: stress-peak FAMILY MEGABYTES    generate the input in memory
 *        stress-peak --file PATH           parse a file (read at its exact size)
 *        stress-peak --write FAMILY MEGABYTES   print the generated input instead
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "stress.h"

/* Every block carries its size in front, so that the hook knows how many
 * bytes are live. */
#define HEAD 16

typedef struct meter {
    size_t live, peak;
} meter;

static void *m_malloc(void *ctx, size_t n) {
    meter *m = ctx;
    char *p = malloc(n + HEAD);
    if (!p)
        return NULL;
    memcpy(p, &n, sizeof n);
    m->live += n;
    if (m->live > m->peak)
        m->peak = m->live;
    return p + HEAD;
}

static void m_free(void *ctx, void *ptr) {
    meter *m = ctx;
    if (!ptr)
        return;
    char *p = (char *)ptr - HEAD;
    size_t n;
    memcpy(&n, p, sizeof n);
    m->live -= n;
    free(p);
}

static void *m_realloc(void *ctx, void *ptr, size_t n) {
    meter *m = ctx;
    if (!ptr)
        return m_malloc(ctx, n);
    char *p = (char *)ptr - HEAD;
    size_t old;
    memcpy(&old, p, sizeof old);
    char *np = realloc(p, n + HEAD);
    if (!np)
        return NULL;
    memcpy(np, &n, sizeof n);
    m->live = m->live - old + n;
    if (m->live > m->peak)
        m->peak = m->live;
    return np + HEAD;
}

/* Read a whole file into a buffer of exactly its size (no slack, no
 * doubling), so that the resident set is the input plus the parse. */
static int read_exact(const char *path, wns_buf *b) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return -1;
    }
    b->p = malloc((size_t)size + 1);
    b->n = b->p ? fread(b->p, 1, (size_t)size, f) : 0;
    fclose(f);
    return b->p && b->n == (size_t)size ? 0 : -1;
}

static int count_sink(void *ctx, const char *p, size_t n) {
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

int main(int argc, char **argv) {
    wns_buf in = {0};
    const char *what;
    if (argc == 3 && strcmp(argv[1], "--file") == 0) {
        if (read_exact(argv[2], &in) != 0) {
            fprintf(stderr, "stress-peak: cannot read %s\n", argv[2]);
            return 2;
        }
        what = argv[2];
    } else if (argc == 3 && wns_kind_named(argv[1])) {
        double mb = atof(argv[2]);
        if (mb <= 0) {
            fprintf(stderr, "stress-peak: MEGABYTES must be positive\n");
            return 2;
        }
        wns_kind_named(argv[1])->make(&in, (size_t)(mb * 1024 * 1024));
        what = argv[1];
    } else if (argc == 4 && strcmp(argv[1], "--write") == 0 && wns_kind_named(argv[2])) {
        wns_kind_named(argv[2])->make(&in, (size_t)(atof(argv[3]) * 1024 * 1024));
        int ok = fwrite(in.p, 1, in.n, stdout) == in.n && fflush(stdout) == 0;
        free(in.p);
        return ok ? 0 : 1;
    } else {
        fprintf(stderr, "usage: stress-peak FAMILY MEGABYTES | --file PATH | "
                        "--write FAMILY MEGABYTES\n");
        return 2;
    }
    meter m = {0, 0};
    wn_allocator al = {m_malloc, m_realloc, m_free, &m};
    wn_options o;
    wn_options_init(&o);
    o.allocator = &al;
    double t0 = wns_cpu_seconds();
    wn_doc *doc = NULL;
    int st = wn_parse(in.p, in.n, &o, &doc);
    size_t blocks = wn_doc_block_count(doc), json = 0;
    if (st == WN_OK)
        st = wn_render_json_to(doc, 0, count_sink, &json);
    wn_doc_free(doc);
    double t = wns_cpu_seconds() - t0;
    if (st != WN_OK) {
        fprintf(stderr, "stress-peak: %s: %s\n", what, wn_strerror(st));
        return 1;
    }
    printf("%s: input %zu bytes (%.1f MB), %zu blocks, JSON %zu bytes, %.2f s\n", what, in.n,
           (double)in.n / (1 << 20), blocks, json, t);
    printf("library peak heap %zu bytes = %.2f x input\n", m.peak,
           in.n ? (double)m.peak / (double)in.n : 0.0);
    free(in.p);
    return 0;
}
