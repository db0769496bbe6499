/*
 * bench-pathological.c - the cost of inputs built to defeat the recognizers
 * against ordinary article text: a 64 MB single line, 1,000,000 blank lines,
 * 200,000 identical lines, 100,000 attribution-looking lines, 10 MB of "(@",
 * deep runs of bullets, every byte value, invalid UTF-8 of every class,
 * CR-only text, and the families that once made a stage quadratic.
 *
 * For each family it parses the input at its full size and at half of it
 * (wn_parse + wn_render_json_to into a counting sink + wn_doc_free, best of
 * three runs, CPU time) and prints a Markdown table: MB/s, the cost per MB
 * relative to ordinary text, and how much longer the full size took than
 * the half. It fails (exit 1) when a family costs more than 3x ordinary
 * text per MB, or when doubling the input more than doubles the time
 * (with 25% allowed for timer and memory-hierarchy noise). Families made of lines of a few bytes
 * (one-letter lines, short lines between noise) are held to linear time
 * only: their cost per MB is the cost per line, reported in the table.
 *
 * Usage: bench-pathological [--scale F] [NAME...]
 *   --scale F  multiply every size by F (e.g. 0.1 for a quick look)
 *   NAME       only these families (ordinary is always measured)
 * Run by `meson test --benchmark` / `meson benchmark`, never by `meson test`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <wirenews.h>

#include "stress.h"

#define MAX_COST 3.0
/* 2x, plus 25% for noise: a family whose instruction count doubles exactly
 * (as callgrind counts it) can take up to 2.3x the CPU time when its working
 * set crosses a cache or TLB size; quadratic time gives 4x */
#define MAX_DOUBLING 2.5
#define RUNS 3

static int count_sink(void *ctx, const char *p, size_t n) {
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

/* Seconds of CPU for one parse + render of [in, in+len). Every run starts
 * with the memory of the runs before given back to the system, so that each
 * pays for the pages it touches, whatever ran before it. */
static double time_once(const char *in, size_t len) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    double t0 = wns_cpu_seconds();
    wn_doc *doc = NULL;
    int st = wn_parse(in, len, NULL, &doc);
    size_t out = 0;
    if (st == WN_OK)
        st = wn_render_json_to(doc, 0, count_sink, &out);
    wn_doc_free(doc);
    double t = wns_cpu_seconds() - t0;
    if (st != WN_OK) {
        fprintf(stderr, "bench-pathological: parse failed: %s\n", wn_strerror(st));
        exit(2);
    }
    return t > 1e-6 ? t : 1e-6;
}

typedef struct result {
    double mbps, per_mb, doubling;
    size_t size;
} result;

static result measure(const wns_kind *k, double scale) {
    result r;
    wns_buf full = {0}, half = {0};
    size_t size = (size_t)((double)k->size * scale);
    if (size < 1024)
        size = 1024;
    k->make(&full, size);
    k->make(&half, size / 2);
    /* best of RUNS, the two sizes taking turns */
    double tf = 1e30, th = 1e30;
    for (int i = 0; i < RUNS; i++) {
        double t = time_once(half.p, half.n);
        th = t < th ? t : th;
        t = time_once(full.p, full.n);
        tf = t < tf ? t : tf;
    }
    r.size = full.n;
    r.mbps = (double)full.n / 1e6 / tf;
    r.per_mb = tf / ((double)full.n / 1e6);
    r.doubling = (tf / th) * ((double)half.n * 2.0 / (double)full.n); /* exact 2x sizes */
    free(full.p);
    free(half.p);
    return r;
}

static int wanted(const char *name, int argc, char **argv, int first) {
    if (first >= argc || strcmp(name, "ordinary") == 0)
        return 1;
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

static void human(size_t n, char *out, size_t cap) {
    if (n >= (1u << 20))
        snprintf(out, cap, "%.1f MB", (double)n / (1 << 20));
    else
        snprintf(out, cap, "%.0f KB", (double)n / 1024);
}

static void usage(FILE *f) {
    size_t nk;
    const wns_kind *kinds = wns_kinds(&nk);
    fprintf(f,
            "usage: bench-pathological [--scale F] [NAME...]\n"
            "Parse inputs built to defeat the recognizers and compare their cost per MB\n"
            "with ordinary article text (parse + streamed JSON, CPU time, best of %d).\n"
            "Exit 1 when a family costs more than %.1fx ordinary text per MB or doubling\n"
            "its input more than %.1fx its time.\n\n"
            "  --scale F  multiply every size by F (0.1 for a quick look)\n"
            "  NAME       only these families (ordinary is always measured):\n",
            RUNS, MAX_COST, MAX_DOUBLING);
    for (size_t i = 0; i < nk; i++)
        fprintf(f, "    %-16s %s\n", kinds[i].name, kinds[i].what);
}

int main(int argc, char **argv) {
    double scale = 1.0;
    int first = 1;
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc > 2 && strcmp(argv[1], "--scale") == 0) {
        scale = atof(argv[2]);
        first = 3;
        if (scale <= 0) {
            fprintf(stderr, "bench-pathological: --scale needs a positive number\n");
            return 2;
        }
    }
    for (int i = first; i < argc; i++)
        if (!wns_kind_named(argv[i])) {
            fprintf(stderr, "bench-pathological: no input family named '%s' (--help lists them)\n",
                    argv[i]);
            return 2;
        }
    size_t nk;
    const wns_kind *kinds = wns_kinds(&nk);
    printf("wirenews %s: parse + streamed JSON, CPU time, best of %d runs\n\n", wn_version(), RUNS);
    printf("| input | size | MB/s | cost per MB vs ordinary | time for 2x input |\n");
    printf("|---|---:|---:|---:|---:|\n");
    fflush(stdout);
    double base = 0;
    int bad = 0;
    for (size_t i = 0; i < nk; i++) {
        if (!wanted(kinds[i].name, argc, argv, first))
            continue;
        result r = measure(&kinds[i], scale);
        if (i == 0)
            base = r.per_mb;
        double cost = r.per_mb / base;
        int slow = kinds[i].cost_limit && cost > MAX_COST;
        int superlinear = r.doubling > MAX_DOUBLING;
        char size[32];
        human(r.size, size, sizeof size);
        printf("| %s: %s | %s | %.1f | %.2fx%s | %.2fx%s |\n", kinds[i].name, kinds[i].what, size,
               r.mbps, cost, slow ? " **FAIL**" : (kinds[i].cost_limit ? "" : " (no limit)"),
               r.doubling, superlinear ? " **FAIL**" : "");
        fflush(stdout);
        bad |= slow || superlinear;
    }
    printf("\nlimits: cost per MB <= %.1fx ordinary text (except the families of lines of a few\n"
           "bytes, marked \"no limit\", where the cost per line dominates); doubling the input\n"
           "<= %.1fx the time (2x plus 25%% for timer and cache noise)\n",
           MAX_COST, MAX_DOUBLING);
    return bad ? 1 : 0;
}
