/*
 * test-alloc-fail.c - allocation failure everywhere. For every document of
 * the fuzz seed corpus and a few generated ones, for every combination of
 * option flags, and for N = 1, 2, 3, ... it fails the N-th allocation made
 * through the allocator hook (and, in a second pass, every allocation from
 * the N-th on) until the call succeeds: wn_parse(), wn_parse_to_json(),
 * wn_render_json() and wn_render_json_to(). Every failing call must return
 * WN_ERR_NOMEM, hand out nothing and leave no allocation behind; the call
 * that finally succeeds must give the same JSON as the default allocator.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "stress.h"
#include "wntest.h"

typedef wnt_hook hook;

static void arm(hook *h, long fail_at, int fail_on) {
    wnt_hook_arm(h, fail_at, fail_on);
}

typedef struct text {
    char *p;
    size_t n;
    char name[96];
} text;

static text texts[64];
static size_t ntexts;

static void add_text(const char *name, char *p, size_t n) {
    ck_assert_uint_lt(ntexts, sizeof texts / sizeof texts[0]);
    texts[ntexts].p = p;
    texts[ntexts].n = n;
    snprintf(texts[ntexts].name, sizeof texts[ntexts].name, "%.95s", name);
    ntexts++;
}

static int by_name(const void *a, const void *b) {
    return strcmp(((const text *)a)->name, ((const text *)b)->name);
}

/* The fuzz seeds (WN_FUZZ_SEEDS) and a few generated documents. */
static void load_texts(void) {
    const char *dir = getenv("WN_FUZZ_SEEDS");
    ck_assert_msg(dir != NULL, "WN_FUZZ_SEEDS is not set");
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot list %s", dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n = 0;
        char *p = wnt_read_file(path, &n);
        ck_assert_msg(p != NULL, "cannot read %s", path);
        add_text(e->d_name, p, n);
    }
    closedir(d);
    qsort(texts, ntexts, sizeof texts[0], by_name);
    static const char *const generated[] = {"ordinary",  "invalid-utf8", "entities",
                                            "combining", "attributions", "title-runs"};
    for (size_t i = 0; i < sizeof generated / sizeof generated[0]; i++) {
        wns_buf b = {0};
        const wns_kind *k = wns_kind_named(generated[i]);
        ck_assert_ptr_nonnull(k);
        k->make(&b, 3000);
        add_text(generated[i], b.p, b.n);
    }
    /* large enough for every growth path: more lines than the first line
     * array holds, arena chunks of every size, a big scratch buffer */
    wns_buf big = {0};
    wns_ordinary(&big, 200 * 1024, 9);
    add_text("ordinary-200k", big.p, big.n);
    /* JSON much longer than its input (every quote and backslash escaped),
     * so that the renderer must grow its buffer */
    wns_buf q = {0};
    for (int i = 0; i < 8000; i++)
        wns_puts(&q, i % 1000 == 999 ? "\n" : "\"\\");
    add_text("quotes", q.p, q.n);
}

static void free_texts(void) {
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i].p);
    ntexts = 0;
}

/* Options with these flags and allocator (NULL: the default one). */
static wn_options options_with(unsigned flags, const wn_allocator *al) {
    wn_options o;
    wn_options_init(&o);
    o.flags = flags;
    o.allocator = al;
    return o;
}

static char *reference(const text *t, unsigned flags, unsigned jflags, size_t *n) {
    wn_options o = options_with(flags, NULL);
    char *json = NULL;
    ck_assert_int_eq(wn_parse_to_json(t->p, t->n, &o, jflags, &json, n), WN_OK);
    return json;
}

/* Fail the N-th allocation of wn_parse() (or every one from the N-th on)
 * for N = 1, 2, ... until it succeeds. Returns the allocations it took. */
static long parse_loop(const text *t, unsigned flags, int fail_on, const char *ref, size_t rn) {
    hook h = {0};
    wn_allocator al = wnt_hook_allocator(&h);
    wn_options o = options_with(flags, &al);
    for (long n = 1;; n++) {
        arm(&h, n, fail_on);
        wn_doc *doc = (wn_doc *)&h;
        int st = wn_parse(t->p, t->n, &o, &doc);
        if (st == WN_OK) {
            ck_assert_msg(!h.failed, "%s: wn_parse succeeded after a failed allocation", t->name);
            arm(&h, 0, 0);
            char *json = NULL;
            size_t jn = 0;
            ck_assert_int_eq(wn_render_json(doc, 0, &json, &jn), WN_OK);
            ck_assert_msg(jn == rn && memcmp(json, ref, jn) == 0,
                          "%s: the allocator hook changed the result", t->name);
            wn_free(json);
            wn_doc_free(doc);
            ck_assert_msg(h.live == 0, "%s: %ld blocks left after wn_doc_free", t->name, h.live);
            return n - 1;
        }
        ck_assert_msg(st == WN_ERR_NOMEM, "%s, flags %u, failing allocation %ld: %s", t->name,
                      flags, n, wn_strerror(st));
        ck_assert_msg(doc == NULL, "%s: a failed parse stored a document", t->name);
        ck_assert_msg(h.live == 0, "%s, flags %u, failing allocation %ld%s: %ld blocks leaked",
                      t->name, flags, n, fail_on ? " and after" : "", h.live);
        ck_assert_msg(n < 1000000, "%s: no end to the allocations", t->name);
    }
}

static void parse_to_json_loop(const text *t, unsigned flags, const char *ref, size_t rn) {
    hook h = {0};
    wn_allocator al = wnt_hook_allocator(&h);
    wn_options o = options_with(flags, &al);
    for (long n = 1;; n++) {
        arm(&h, n, 0);
        char *json = (char *)&h;
        size_t jn = 12345;
        int st = wn_parse_to_json(t->p, t->n, &o, 0, &json, &jn);
        if (st == WN_OK) {
            ck_assert_msg(jn == rn && memcmp(json, ref, jn) == 0, "%s: JSON differs", t->name);
            wn_free(json);
            ck_assert_int_eq(h.live, 0);
            return;
        }
        ck_assert_msg(st == WN_ERR_NOMEM && json == NULL && jn == 0,
                      "%s: wn_parse_to_json failed wrongly at allocation %ld", t->name, n);
        ck_assert_msg(h.live == 0, "%s: wn_parse_to_json leaked at allocation %ld", t->name, n);
    }
}

typedef struct sinkbuf {
    wns_buf b;
    long writes, fail_at;
} sinkbuf;

static int sink(void *ctx, const char *p, size_t n) {
    sinkbuf *s = ctx;
    if (++s->writes == s->fail_at)
        return -1;
    wns_put(&s->b, p, n);
    return 0;
}

/* Rendering a parsed document under allocation failure, and with a
 * callback that fails on its N-th call. */
static void render_loops(const text *t, unsigned flags) {
    for (unsigned jflags = 0; jflags <= WN_JSON_PRETTY; jflags += WN_JSON_PRETTY) {
        size_t rn = 0;
        char *ref = reference(t, flags, jflags, &rn);
        hook h = {0};
        wn_allocator al = wnt_hook_allocator(&h);
        wn_options o = options_with(flags, &al);
        wn_doc *doc = NULL;
        ck_assert_int_eq(wn_parse(t->p, t->n, &o, &doc), WN_OK);
        long base = h.live;
        for (long n = 1;; n++) {
            arm(&h, n, 0);
            char *json = (char *)&h;
            size_t jn = 1;
            int st = wn_render_json(doc, jflags, &json, &jn);
            if (st == WN_OK) {
                ck_assert_msg(jn == rn && memcmp(json, ref, rn) == 0, "%s: JSON differs", t->name);
                wn_free(json);
                break;
            }
            ck_assert_msg(st == WN_ERR_NOMEM && json == NULL && jn == 0,
                          "%s: wn_render_json failed wrongly at allocation %ld", t->name, n);
            ck_assert_msg(h.live == base, "%s: wn_render_json leaked", t->name);
        }
        for (long n = 1;; n++) {
            arm(&h, n, 0);
            sinkbuf s = {{0}, 0, 0};
            int st = wn_render_json_to(doc, jflags, sink, &s);
            free(s.b.p);
            ck_assert_msg(h.live == base, "%s: wn_render_json_to leaked", t->name);
            if (st == WN_OK)
                break;
            ck_assert_int_eq(st, WN_ERR_NOMEM);
        }
        for (long n = 1;; n++) {
            arm(&h, 0, 0);
            sinkbuf s = {{0}, 0, n};
            int st = wn_render_json_to(doc, jflags, sink, &s);
            if (st == WN_OK) {
                ck_assert_msg(s.b.n == rn && memcmp(s.b.p, ref, rn) == 0,
                              "%s: streamed JSON differs", t->name);
                free(s.b.p);
                break;
            }
            free(s.b.p);
            ck_assert_msg(st == WN_ERR_WRITE, "%s: a failing callback gave %s", t->name,
                          wn_strerror(st));
            ck_assert_int_eq(s.writes, n);
            ck_assert_int_eq(h.live, base);
        }
        wn_doc_free(doc);
        ck_assert_int_eq(h.live, 0);
        wn_free(ref);
    }
}

START_TEST(parse_fails_cleanly) {
    load_texts();
    long total = 0;
    for (size_t i = 0; i < ntexts; i++) {
        for (unsigned flags = 0; flags <= WN_OPT_ALL; flags++) {
            size_t rn = 0;
            char *ref = reference(&texts[i], flags, 0, &rn);
            long a = parse_loop(&texts[i], flags, 0, ref, rn);
            long b = parse_loop(&texts[i], flags, 1, ref, rn);
            ck_assert_int_eq(a, b);
            total += a;
            wn_free(ref);
        }
    }
    printf("wn_parse: %zu documents x 4 flag sets, %ld failing allocations, each twice\n", ntexts,
           total);
    free_texts();
}
END_TEST

START_TEST(parse_to_json_fails_cleanly) {
    load_texts();
    for (size_t i = 0; i < ntexts; i++) {
        size_t rn = 0;
        char *ref = reference(&texts[i], WN_OPT_DEFAULT, 0, &rn);
        parse_to_json_loop(&texts[i], WN_OPT_DEFAULT, ref, rn);
        wn_free(ref);
    }
    free_texts();
}
END_TEST

START_TEST(rendering_fails_cleanly) {
    load_texts();
    for (size_t i = 0; i < ntexts; i++)
        render_loops(&texts[i], i % 2 ? WN_OPT_DEFAULT : 0);
    free_texts();
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("alloc-fail");
    TCase *tc = tcase_create("alloc-fail");
    tcase_set_timeout(tc, 1200);
    tcase_add_test(tc, parse_fails_cleanly);
    tcase_add_test(tc, parse_to_json_fails_cleanly);
    tcase_add_test(tc, rendering_fails_cleanly);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
