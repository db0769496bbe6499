/*
 * test-regress.c - regressions for what the fuzzers and the pathological
 * inputs found, each reproduced from its minimized input (the files in
 * regress/ are the exact inputs libFuzzer saved, minimized):
 *
 *  1. lines.c took the truncated sequence E2 80 followed by an ASCII byte
 *     for a white-space character, so the ASCII byte after it belonged to no
 *     block (regress/parse/uws-truncated.bin: E2 80 'd').
 *  2. urls.c stopped a link at the continuation byte of a character in its
 *     path, so link strings ended inside a character: invalid UTF-8
 *     (regress/parse/link-cut-utf8*.bin, three inputs the fuzzers saved).
 *  3. Quadratic time, found by the pathological inputs: a link followed by
 *     many unbalanced closers (urls.c trimmed one closer per scan of the
 *     link), hosts glued to accented letters (urls.c rescanned the host from
 *     every letter after an accent), short lines between noise lines
 *     (context.c walked every run of noise to the end of the text), and
 *     long runs of combining marks (utf8proc's canonical ordering is a
 *     gnome sort). Each must now take linear time.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <wirenews.h>

#include "stress.h"
#include "wntest.h"

static char *regress_file(const char *name, size_t *len) {
    const char *dir = getenv("WN_REGRESS_DIR");
    ck_assert_msg(dir != NULL, "WN_REGRESS_DIR is not set");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *p = wnt_read_file(path, len);
    ck_assert_msg(p != NULL, "cannot read %s", path);
    return p;
}

static void check_all_options(const char *in, size_t len) {
    char err[256];
    ck_assert_msg(wnt_parse_check_options(in, len, NULL, err, sizeof err), "%s", err);
}

/* ------------------------------------------------------------------ 1 */

START_TEST(truncated_space_sequence_keeps_the_next_byte) {
    size_t len;
    char *in = regress_file("parse/uws-truncated.bin", &len);
    check_all_options(in, len);
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(in, len, NULL, &doc), WN_OK);
    ck_assert_uint_eq(wn_doc_block_count(doc), 1);
    ck_assert_uint_eq(wn_block_start(wn_doc_block(doc, 0)), 0);
    ck_assert_uint_eq(wn_block_end(wn_doc_block(doc, 0)), 3);
    wn_doc_free(doc);
    free(in);
    /* every lead of a multi-byte space, cut short by every ASCII byte */
    static const char *const leads[] = {"\xE2\x80", "\xE2\x81", "\xE1\x9A",
                                        "\xE3\x80", "\xEF\xBB", "\xC2"};
    for (size_t l = 0; l < sizeof leads / sizeof leads[0]; l++)
        for (int c = 1; c < 0x80; c++) {
            char buf[8];
            size_t k = strlen(leads[l]);
            memcpy(buf, leads[l], k);
            buf[k] = (char)c;
            buf[k + 1] = 'x';
            check_all_options(buf, k + 2);
            check_all_options(buf, k + 1);
        }
}
END_TEST

/* ------------------------------------------------------------------ 2 */

START_TEST(links_end_between_characters) {
    /* a combining accent, an HTML-decoded hyphen, a hyphen then a dash,
     * each right after a link's path */
    static const char *const files[] = {"parse/link-cut-utf8.bin", "parse/link-cut-utf8-entity.bin",
                                        "parse/link-cut-utf8-dashes.bin"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t len;
        char *in = regress_file(files[f], &len);
        check_all_options(in, len);
        free(in);
    }
    static const char post[] = "Our new timetable: example.com/caf\xC3\xA9/horaires "
                               "https://example.org/\xE2\x82\xAC\xF0\x9F\x98\x80)\n"
                               "\xE2\x80\x94 Harbour Ferries (@HarbourFerries) June 4, 2021\n";
    check_all_options(post, sizeof post - 1);
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(post, sizeof post - 1, NULL, &doc), WN_OK);
    const wn_block *b = wn_doc_block(doc, 0);
    ck_assert_int_eq(wn_block_type(b), WN_BLOCK_TWEET);
    ck_assert_uint_eq(wn_block_links_count(b), 2);
    ck_assert_str_eq(wn_block_links_at(b, 0, NULL), "example.com/caf\xC3\xA9/horaires");
    /* an emoji (U+1F600, at or above U+3000) ends a link: at its first byte */
    ck_assert_str_eq(wn_block_links_at(b, 1, NULL), "https://example.org/\xE2\x82\xAC");
    wn_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ 3 */

static int count_sink(void *ctx, const char *p, size_t n) {
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

/* CPU seconds of one parse + render, every run starting with the memory of
 * the runs before given back to the system (so that a run does not get the
 * pages an earlier, larger run already touched for free). */
static double parse_seconds(const char *in, size_t len) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    double t0 = wns_cpu_seconds();
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(in, len, NULL, &doc), WN_OK);
    size_t out = 0;
    ck_assert_int_eq(wn_render_json_to(doc, 0, count_sink, &out), WN_OK);
    wn_doc_free(doc);
    return wns_cpu_seconds() - t0;
}

/* The family, at a size where the old quadratic code needed tens of
 * seconds, must take about twice as long as at half that size: at most 3x
 * (quadratic time gives 4x, linear 2x; the best of three runs each). Runs
 * under a tenth of a second are too short to judge and pass: the old code
 * needed far longer. The benchmark holds the limits against ordinary text. */
static void linear_enough(const char *family, size_t size) {
    const wns_kind *k = wns_kind_named(family);
    ck_assert_ptr_nonnull(k);
    wns_buf in = {0}, half = {0};
    k->make(&in, 16 * 1024);
    check_all_options(in.p, in.n);
    in.n = 0;
    k->make(&in, size);
    k->make(&half, size / 2);
    double t = 1e30, th = 1e30; /* best of three, the two sizes taking turns */
    for (int r = 0; r < 3; r++) {
        double x = parse_seconds(half.p, half.n);
        th = x < th ? x : th;
        x = parse_seconds(in.p, in.n);
        t = x < t ? x : t;
    }
    double ratio = (t / th) * (2.0 * (double)half.n / (double)in.n);
    size_t n = in.n;
    free(in.p);
    free(half.p);
    printf("%s: %zu bytes in %.3f s, %.2f times the time of half of it\n", family, n, t, ratio);
    ck_assert_msg(t < 0.1 || ratio <= 3.0,
                  "%s: %zu bytes took %.3f s, %.2f times as long as half of it", family, n, t,
                  ratio);
}

START_TEST(link_with_many_closers_is_linear) {
    linear_enough("link-closers", 256 * 1024);
}
END_TEST

START_TEST(hosts_glued_to_accents_are_linear) {
    linear_enough("glued-hosts", 256 * 1024);
}
END_TEST

START_TEST(junk_between_junk_is_linear) {
    linear_enough("junk-sandwich", 2 * 1024 * 1024);
}
END_TEST

START_TEST(combining_marks_are_linear) {
    linear_enough("combining", 256 * 1024);
    /* still exactly NFC: class 220 sorted before class 230, then composed
     * (as Python's unicodedata.normalize("NFC") gives it) */
    static const char in[] = "a\xCC\x81\xCC\x96\xCC\x81\xCC\x96 o\xCC\x88\xCC\xA3";
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(in, sizeof in - 1, NULL, &doc), WN_OK);
    ck_assert_str_eq(wn_block_text(wn_doc_block(doc, 0), NULL),
                     "\xC3\xA1\xCC\x96\xCC\x96\xCC\x81 \xE1\xBB\x8D\xCC\x88");
    wn_doc_free(doc);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("regress");
    TCase *tc = tcase_create("regress");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, truncated_space_sequence_keeps_the_next_byte);
    tcase_add_test(tc, links_end_between_characters);
    tcase_add_test(tc, link_with_many_closers_is_linear);
    tcase_add_test(tc, hosts_glued_to_accents_are_linear);
    tcase_add_test(tc, junk_between_junk_is_linear);
    tcase_add_test(tc, combining_marks_are_linear);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
