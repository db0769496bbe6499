/*
 * test-threads.c - thread safety: 8 threads parse different documents at
 * the same time (default allocator and each its own allocator hook), and 8
 * threads read and render one shared document at the same time. Every
 * result must equal the one computed on a single thread. Run under
 * ThreadSanitizer with -Db_sanitize=thread.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "stress.h"
#include "wntest.h"

#define NTHREADS 8
#define ROUNDS 6

typedef struct doc_in {
    wns_buf text;
    char *json; /* reference rendering, computed on one thread */
    size_t json_len;
} doc_in;

static doc_in docs[NTHREADS];
static pthread_barrier_t start_line;

/* Eight different documents: ordinary text of different sizes and seeds,
 * hard-wrapped, CR-only, hostile bytes. */
static void make_docs(void) {
    static const char *const families[] = {"ordinary",     "hard-wrapped", "cr-only",
                                           "invalid-utf8", "every-byte",   "bullets",
                                           "attributions", "title-runs"};
    for (int i = 0; i < NTHREADS; i++) {
        memset(&docs[i], 0, sizeof docs[i]);
        const wns_kind *k = wns_kind_named(families[i]);
        ck_assert_ptr_nonnull(k);
        k->make(&docs[i].text, (size_t)(48 + 16 * i) * 1024);
        int st = wn_parse_to_json(docs[i].text.p, docs[i].text.n, NULL, 0, &docs[i].json,
                                  &docs[i].json_len);
        ck_assert_int_eq(st, WN_OK);
    }
}

static void free_docs(void) {
    for (int i = 0; i < NTHREADS; i++) {
        free(docs[i].text.p);
        wn_free(docs[i].json);
    }
}

/* ------------------------------------------------------------------ allocator */

typedef struct counter {
    long live;
    long calls;
} counter;

static void *c_malloc(void *ctx, size_t n) {
    counter *c = ctx;
    void *p = malloc(n);
    c->calls++;
    if (p)
        c->live++;
    return p;
}

static void *c_realloc(void *ctx, void *p, size_t n) {
    counter *c = ctx;
    void *r = realloc(p, n);
    c->calls++;
    if (r && !p)
        c->live++;
    return r;
}

static void c_free(void *ctx, void *p) {
    counter *c = ctx;
    if (p)
        c->live--;
    free(p);
}

/* ------------------------------------------------------------------ parsing */

typedef struct job {
    int index;
    char err[256];
    int failures;
} job;

static void *parse_worker(void *arg) {
    job *j = arg;
    counter c = {0, 0};
    wn_allocator al = {c_malloc, c_realloc, c_free, &c};
    pthread_barrier_wait(&start_line);
    for (int r = 0; r < ROUNDS && !j->failures; r++) {
        /* each thread walks over all documents, starting at its own */
        const doc_in *d = &docs[(j->index + r) % NTHREADS];
        wn_options o;
        wn_options_init(&o);
        if (r % 2)
            o.allocator = &al;
        wn_doc *doc = NULL;
        int st = wn_parse(d->text.p, d->text.n, &o, &doc);
        if (st != WN_OK) {
            snprintf(j->err, sizeof j->err, "wn_parse: %s", wn_strerror(st));
            j->failures++;
            break;
        }
        char *json = NULL;
        size_t n = 0;
        st = wn_render_json(doc, 0, &json, &n);
        if (st != WN_OK || n != d->json_len || memcmp(json, d->json, n) != 0) {
            snprintf(j->err, sizeof j->err, "round %d: JSON differs from the single-thread one", r);
            j->failures++;
        }
        wn_free(json);
        if (r == 0 && !j->failures &&
            !wnt_check_doc(d->text.p, d->text.n, doc, j->err, sizeof j->err))
            j->failures++;
        wn_doc_free(doc);
    }
    if (c.live != 0 && !j->failures) {
        snprintf(j->err, sizeof j->err, "%ld allocations not freed", c.live);
        j->failures++;
    }
    return NULL;
}

START_TEST(parse_on_eight_threads) {
    make_docs();
    pthread_t t[NTHREADS];
    job jobs[NTHREADS];
    ck_assert_int_eq(pthread_barrier_init(&start_line, NULL, NTHREADS), 0);
    for (int i = 0; i < NTHREADS; i++) {
        memset(&jobs[i], 0, sizeof jobs[i]);
        jobs[i].index = i;
        ck_assert_int_eq(pthread_create(&t[i], NULL, parse_worker, &jobs[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    pthread_barrier_destroy(&start_line);
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_msg(jobs[i].failures == 0, "thread %d: %s", i, jobs[i].err);
    free_docs();
}
END_TEST

/* ------------------------------------------------------------------ one shared document */

typedef struct reader {
    const wn_doc *doc;
    const char *json;
    size_t json_len;
    int pretty;
    int failures;
    char err[256];
} reader;

static int sink(void *ctx, const char *p, size_t n) {
    wns_put(ctx, p, n);
    return 0;
}

static void *read_worker(void *arg) {
    reader *rd = arg;
    pthread_barrier_wait(&start_line);
    for (int r = 0; r < ROUNDS && !rd->failures; r++) {
        size_t total = 0;
        for (size_t i = 0; i < wn_doc_block_count(rd->doc); i++) {
            size_t len = 0;
            const wn_block *b = wn_doc_block(rd->doc, i);
            if (wn_block_text(b, &len))
                total += len;
            total += wn_block_items_count(b) + wn_block_links_count(b);
        }
        (void)total;
        wns_buf out = {0};
        int st = wn_render_json_to(rd->doc, rd->pretty ? WN_JSON_PRETTY : 0, sink, &out);
        if (!rd->pretty &&
            (st != WN_OK || out.n != rd->json_len || memcmp(out.p, rd->json, out.n) != 0)) {
            snprintf(rd->err, sizeof rd->err, "shared document rendered differently");
            rd->failures++;
        }
        free(out.p);
    }
    return NULL;
}

START_TEST(read_one_document_on_eight_threads) {
    make_docs();
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(docs[0].text.p, docs[0].text.n, NULL, &doc), WN_OK);
    pthread_t t[NTHREADS];
    reader rd[NTHREADS];
    ck_assert_int_eq(pthread_barrier_init(&start_line, NULL, NTHREADS), 0);
    for (int i = 0; i < NTHREADS; i++) {
        memset(&rd[i], 0, sizeof rd[i]);
        rd[i].doc = doc;
        rd[i].json = docs[0].json;
        rd[i].json_len = docs[0].json_len;
        rd[i].pretty = i % 2;
        ck_assert_int_eq(pthread_create(&t[i], NULL, read_worker, &rd[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    pthread_barrier_destroy(&start_line);
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_msg(rd[i].failures == 0, "thread %d: %s", i, rd[i].err);
    wn_doc_free(doc);
    free_docs();
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, parse_on_eight_threads);
    tcase_add_test(tc, read_one_document_on_eight_threads);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
