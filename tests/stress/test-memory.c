/*
 * test-memory.c - how much memory one document needs, through the
 * allocator hook: a parse must stay within twice the input, a parse with
 * JSON within three times, and the multiple must not grow with the input.
 * The figures are for ordinary article text (stress.h); text of very short
 * lines costs more per byte and is not held to them.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "stress.h"
#include "wntest.h"

/* Options whose allocator is the hook h, armed (al must outlive the calls
 * made with them). */
static wn_options hooked(wnt_hook *h, wn_allocator *al) {
    *al = wnt_hook_allocator(h);
    wnt_hook_arm(h, 0, 0);
    wn_options o;
    wn_options_init(&o);
    o.allocator = al;
    return o;
}

/* About `size` bytes of the stress family `kind` (stress.h). */
static wns_buf family_text(const char *kind, size_t size) {
    const wns_kind *k = wns_kind_named(kind);
    ck_assert_ptr_nonnull(k);
    wns_buf b = {0};
    k->make(&b, size);
    return b;
}

/* Peak bytes of wn_parse() (json = 0) or wn_parse_to_json() (json = 1) of
 * text of the family `kind`, as a multiple of the input size; a parse must
 * give more than `blocks` blocks. */
static double peak_ratio(const char *kind, size_t size, int json, size_t blocks) {
    wns_buf b = family_text(kind, size);
    wnt_hook h = {0};
    wn_allocator al;
    wn_options o = hooked(&h, &al);
    if (json) {
        char *out = NULL;
        ck_assert_int_eq(wn_parse_to_json(b.p, b.n, &o, 0, &out, NULL), WN_OK);
        wn_free(out);
    } else {
        wn_doc *doc = NULL;
        ck_assert_int_eq(wn_parse(b.p, b.n, &o, &doc), WN_OK);
        ck_assert_uint_gt(wn_doc_block_count(doc), blocks);
        wn_doc_free(doc);
    }
    ck_assert_int_eq(h.live, 0);
    double r = (double)h.peak / (double)b.n;
    free(b.p);
    return r;
}

/* The peak of 1 MB and of 4 MB of article text stays within `bound` times
 * the input, and does not grow with the input. */
static void ck_peak_bound(int json, size_t blocks, double bound) {
    const char *what = json ? "parse + JSON" : "parse";
    double small = peak_ratio("ordinary", 1u << 20, json, blocks),
           large = peak_ratio("ordinary", 4u << 20, json, blocks);
    ck_assert_msg(small <= bound, "%s of 1 MB: peak %.2f x input", what, small);
    ck_assert_msg(large <= bound, "%s of 4 MB: peak %.2f x input", what, large);
    ck_assert_msg(large <= small + 0.05, "peak grows with the input: %.2f -> %.2f", small, large);
}

/* The document's arena is sized from the input, and the block array is
 * trimmed to the blocks kept: no chunk of a doubling series left mostly
 * empty, no record of a unit that was joined to another. */
START_TEST(parse_peak_within_twice_the_input) {
    ck_peak_bound(0, 100, 2.0);
}
END_TEST

/* The JSON buffer starts at a close guess and grows by a quarter, not by
 * doubling, when the guess is short. */
START_TEST(json_peak_within_three_times_the_input) {
    ck_peak_bound(1, 0, 3.0);
}
END_TEST

/* Bytes that are not UTF-8 clean to three bytes each, and this text is one
 * unit: its first allocation is larger than the arena's expected size, and
 * must become the arena's first chunk instead of leaving that one unused. */
START_TEST(parse_peak_of_text_larger_than_its_input) {
    double r = peak_ratio("invalid-utf8", 4u << 20, 0, 0);
    ck_assert_msg(r <= 3.0, "parse of 4 MB of invalid UTF-8: peak %.2f x input", r);
}
END_TEST

/* The buffer wn_render_json() hands out starts at a guess from the blocks:
 * never much more than the JSON it ends up holding, and not short of it by
 * much either when the text outgrows the input. */
static void ck_json_buffer(const char *kind, size_t size) {
    wns_buf b = family_text(kind, size);
    wnt_hook h = {0};
    wn_allocator al;
    wn_options o = hooked(&h, &al);
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(b.p, b.n, &o, &doc), WN_OK);
    size_t doc_bytes = h.bytes;
    wnt_hook_arm(&h, 0, 0);
    char *out = NULL;
    size_t n = 0;
    ck_assert_int_eq(wn_render_json(doc, 0, &out, &n), WN_OK);
    size_t buffer = h.peak - doc_bytes;
    ck_assert_msg(buffer <= n + n / 10, "%s: a buffer of %zu bytes for %zu bytes of JSON", kind,
                  buffer, n);
    wn_free(out);
    wn_doc_free(doc);
    free(b.p);
}

START_TEST(json_buffer_close_to_its_content) {
    ck_json_buffer("ordinary", 2u << 20);
    ck_json_buffer("invalid-utf8", 2u << 20);
    /* a verbatim repeat is a noise block with a reason: more keys a block */
    ck_json_buffer("identical-lines", 2u << 20);
}
END_TEST

/* JSON much longer than its input (every byte escaped): the buffer grows
 * past its guess, and the result is still whole. */
START_TEST(json_outgrowing_its_guess) {
    wns_buf q = {0};
    for (int i = 0; i < 200000; i++)
        wns_puts(&q, i % 400 == 399 ? "\n\n" : "\"\\");
    char *out = NULL;
    size_t n = 0;
    ck_assert_int_eq(wn_parse_to_json(q.p, q.n, NULL, 0, &out, &n), WN_OK);
    ck_assert_uint_gt(n, 2 * q.n);
    ck_assert_uint_eq(strlen(out), n);
    ck_assert_str_eq(out + n - 2, "]}");
    wn_free(out);
    free(q.p);
}
END_TEST

static Suite *memory_suite(void) {
    Suite *s = suite_create("memory");
    TCase *tc = tcase_create("peak");
    tcase_add_test(tc, parse_peak_within_twice_the_input);
    tcase_add_test(tc, json_peak_within_three_times_the_input);
    tcase_add_test(tc, parse_peak_of_text_larger_than_its_input);
    tcase_add_test(tc, json_buffer_close_to_its_content);
    tcase_add_test(tc, json_outgrowing_its_guess);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(memory_suite)
