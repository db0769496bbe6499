/*
 * fuzz-options.c - libFuzzer target for the options and the allocator hook.
 *
 * The last four bytes of the input steer the call (so that a plain article
 * is a useful seed: its text stays whole), the rest is the article:
 *
 *   byte -1  bit 0 dedupe, bit 1 entities, bit 2 pretty JSON,
 *            bit 3 an options struct from an older caller (no allocator
 *            field: the hook must not be used), bits 4-6 all set: an
 *            unknown flag bit (must give WN_ERR_FLAGS), bit 7 a struct too
 *            small to hold the flags (must give WN_ERR_INVALID)
 *   byte -2  N: fail the N-th allocation of the parse (0: none)
 *   byte -3  bit 7: add (bits 0-6) * 256 to N; bit 6 of byte -4: fail
 *            every allocation from the N-th on, not just the N-th
 *   byte -4  bits 0-5: M, fail the M-th allocation of the rendering
 *            (0: none), and make the streaming callback fail on its M-th call
 *
 * Whatever happens: a failing parse or rendering returns WN_ERR_NOMEM (or
 * WN_ERR_WRITE for the callback), produces nothing and leaks nothing; a
 * successful one gives exactly the document the default allocator gives,
 * with every invariant of fuzz-parse.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "fuzz-common.h"
#include "wntest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef wnt_hook hook;

static void arm(hook *h, long fail_at, int fail_on) {
    wnt_hook_arm(h, fail_at, fail_on);
}

typedef struct writer {
    long calls, fail_at;
} writer;

static int w_write(void *ctx, const char *p, size_t n) {
    writer *w = ctx;
    (void)p;
    (void)n;
    return ++w->calls == w->fail_at;
}

/* The JSON of a parse with the default allocator: what every other run
 * must reproduce. */
static char *reference(const char *in, size_t len, unsigned flags, unsigned jflags, size_t *n) {
    wn_options o;
    wn_options_init(&o);
    o.flags = flags;
    char *json = NULL;
    int st = wn_parse_to_json(in, len, &o, jflags, &json, n);
    if (st != WN_OK)
        wnf_die("fuzz-options", wn_strerror(st), len);
    return json;
}

static void same_json(const char *json, size_t n, const char *ref, size_t rn, size_t len) {
    if (n != rn || memcmp(json, ref, n) != 0)
        wnf_die("fuzz-options", "the allocator changed the result", len);
}

/* Rendering under allocation failure and a failing callback. */
static void render_failures(const wn_doc *doc, hook *h, unsigned jflags, long m, const char *ref,
                            size_t rn, size_t len) {
    long before = h->live;
    arm(h, m, 0);
    char *json = NULL;
    size_t n = 0;
    int st = wn_render_json(doc, jflags, &json, &n);
    if (st == WN_OK) {
        same_json(json, n, ref, rn, len);
        wn_free(json);
    } else if (st != WN_ERR_NOMEM || !h->failed || json) {
        wnf_die("fuzz-options", "wn_render_json failed without running out of memory", len);
    }
    if (h->live != before)
        wnf_die("fuzz-options", "wn_render_json leaked", len);
    arm(h, m, 0);
    writer w = {0, m};
    st = wn_render_json_to(doc, jflags, w_write, &w);
    int want_write = m && w.calls >= m;
    if (!(st == WN_OK || (st == WN_ERR_NOMEM && h->failed) || (st == WN_ERR_WRITE && want_write)))
        wnf_die("fuzz-options", "wn_render_json_to gave an unexpected status", len);
    if (h->live != before)
        wnf_die("fuzz-options", "wn_render_json_to leaked", len);
    arm(h, 0, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 4)
        return 0;
    const char *in = (const char *)data;
    size_t len = size - 4;
    unsigned c0 = data[size - 1], c1 = data[size - 2], c2 = data[size - 3], c3 = data[size - 4];
    unsigned flags = c0 & WN_OPT_ALL;
    unsigned jflags = (c0 & 4) ? WN_JSON_PRETTY : 0;
    long n = (long)c1 + ((c2 & 0x80) ? (long)(c2 & 0x7F) * 256 : 0);
    int fail_on = (c3 & 0x40) != 0;
    long m = (long)(c3 & 0x3F);

    hook h;
    memset(&h, 0, sizeof h);
    wn_allocator al = wnt_hook_allocator(&h);
    wn_options o;
    wn_options_init(&o);
    o.flags = flags;
    o.allocator = &al;
    wn_doc *doc = (wn_doc *)&h;

    if (c0 & 0x80) {
        o.struct_size = sizeof o.struct_size;
        if (wn_parse(in, len, &o, &doc) != WN_ERR_INVALID || doc || h.calls)
            wnf_die("fuzz-options", "a too small options struct was not rejected", len);
        return 0;
    }
    if ((c0 & 0x70) == 0x70) {
        o.flags |= 1u << (4 + (c1 & 15));
        if (wn_parse(in, len, &o, &doc) != WN_ERR_FLAGS || doc || h.calls)
            wnf_die("fuzz-options", "unknown flag bits were not rejected", len);
        return 0;
    }

    size_t rn = 0;
    char *ref = reference(in, len, flags, jflags, &rn);
    char err[256];

    if (c0 & 8) {
        /* an older caller's struct ends before `allocator`: the hook is not there */
        o.struct_size = offsetof(wn_options, allocator);
        if (!wnf_check_input(in, len, &o, err, sizeof err))
            wnf_die("fuzz-options (old struct)", err, len);
        if (h.calls)
            wnf_die("fuzz-options", "an allocator beyond struct_size was used", len);
        wn_free(ref);
        return 0;
    }

    /* parse, failing the n-th allocation (or every one from the n-th on) */
    arm(&h, n, fail_on);
    int st = wn_parse(in, len, &o, &doc);
    if (st != WN_OK) {
        if (st != WN_ERR_NOMEM || !h.failed || doc)
            wnf_die("fuzz-options", "wn_parse failed without running out of memory", len);
        if (h.live)
            wnf_die("fuzz-options", "a failed wn_parse leaked", len);
    } else {
        arm(&h, 0, 0);
        if (!wnt_check_doc(in, len, doc, err, sizeof err) ||
            !wnf_json_matches_doc(doc, err, sizeof err))
            wnf_die("fuzz-options", err, len);
        render_failures(doc, &h, jflags, m, ref, rn, len);
        wn_doc_free(doc);
        if (h.live)
            wnf_die("fuzz-options", "wn_doc_free left memory behind", len);
    }

    /* the one-call form under the same failure */
    arm(&h, n, fail_on);
    char *json = NULL;
    size_t jn = 0;
    st = wn_parse_to_json(in, len, &o, jflags, &json, &jn);
    if (st == WN_OK) {
        same_json(json, jn, ref, rn, len);
        wn_free(json);
    } else if (st != WN_ERR_NOMEM || !h.failed || json) {
        wnf_die("fuzz-options", "wn_parse_to_json failed without running out of memory", len);
    }
    if (h.live)
        wnf_die("fuzz-options", "wn_parse_to_json leaked", len);
    wn_free(ref);
    return 0;
}
