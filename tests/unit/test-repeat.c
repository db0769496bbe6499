/* Unit tests of repeat detection. */
#include "unit.h"

static const char *const text =
    "Harbour ferry makes first crossing in a decade\n"
    "\n"
    "Harbour ferry makes first crossing in a decade\n"
    "The first ferry in ten years crossed the bay on Tuesday morning.\n"
    "Tickets for the summer sold out within two days, the operator said.\n"
    "Tickets for the summer sold out within two days, the operator said.\n"
    "The first ferry in ten years crossed the bay on...\n";

START_TEST(later_copies_are_noise) {
    wn_doc *d = parse(text);
    ck_types(d, "headline noise paragraph paragraph noise noise");
    ck_text(wn_block_reason, blk(d, 1), "duplicate");
    ck_text(wn_block_reason, blk(d, 4), "duplicate");
    /* a truncated copy ending in "..." is a repeat too */
    ck_text(wn_block_reason, blk(d, 5), "duplicate");
    wn_doc_free(d);
}
END_TEST

START_TEST(option_off_keeps_copies) {
    wn_doc *d = parse_with(text, strlen(text), WN_OPT_DECODE_ENTITIES);
    ck_assert_ptr_null(find(d, WN_BLOCK_NOISE, 0));
    wn_doc_free(d);
}
END_TEST

START_TEST(same_attribution_different_posts) {
    wn_doc *d = parse("First post of the evening about the ferry.\n"
                      "\xE2\x80\x94 Sam Reed (@samreed) April 2, 2019\n"
                      "Second post of the evening about the ferry.\n"
                      "\xE2\x80\x94 Sam Reed (@samreed) April 2, 2019\n");
    ck_types(d, "tweet tweet");
    wn_doc_free(d);
}
END_TEST

START_TEST(many_copies_stay_linear) {
    /* 50,000 copies of one line: each later copy is found through the hash table */
    const char *line = "The same line again, as a broken page repeats it.\n";
    size_t n = 50000, m = strlen(line);
    char *big = malloc(n * m + 1);
    ck_assert_ptr_nonnull(big);
    for (size_t i = 0; i < n; i++)
        memcpy(big + i * m, line, m);
    big[n * m] = '\0';
    wn_doc *d = parse_with(big, n * m, WN_OPT_DEFAULT);
    ck_assert_uint_eq(wn_doc_block_count(d), n);
    ck_assert_int_eq(wn_block_type(blk(d, 0)), WN_BLOCK_PARAGRAPH);
    ck_assert_int_eq(wn_block_type(blk(d, n - 1)), WN_BLOCK_NOISE);
    wn_doc_free(d);
    free(big);
}
END_TEST

/* Distinct lines before the blocks a test looks at: with thousands of
 * blocks, repeat detection computes keys and fetches candidates ahead of
 * their lookups (in a document too large for the caches); with a few it
 * looks each block up at once. Both must find the same copies. */
#define WN_TEST_FILLER 5000

static char *with_filler(size_t lines, const char *tail, size_t tail_len, size_t *len) {
    size_t cap = lines * 64 + tail_len + 1, o = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    for (size_t k = 0; k < lines; k++)
        o += (size_t)snprintf(buf + o, cap - o,
                              "Gauge %zu on the north quay read %zu this morning.\n", k, k % 13);
    memcpy(buf + o, tail, tail_len);
    *len = o + tail_len;
    buf[*len] = '\0';
    return buf;
}

static void copies_far_apart(size_t filler) {
    /* forty distinct lines, then copies of three of them and a copy of a
     * fourth cut short by an ellipsis character: the keys of the blocks
     * must not shift when they are computed ahead of their lookups */
    char buf[8192];
    size_t o = 0;
    for (int k = 0; k < 40; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Notice %d: the reading room on floor %d opens late today.\n", k,
                              k % 7);
    o += (size_t)snprintf(buf + o, sizeof buf - o,
                          "Notice 3: the reading room on floor 3 opens late today.\n"
                          "Notice 17: the reading room on floor 3 opens late today.\n"
                          "Notice 20: the reading room on floor 6 opens \xE2\x80\xA6\n"
                          "Notice 35: the reading room on floor 0 opens late today.\n"
                          "Notice 36: the reading room, it said...\n");
    size_t len;
    char *doc = with_filler(filler, buf, o, &len);
    wn_doc *d = parse_with(doc, len, WN_OPT_DEFAULT);
    ck_assert_uint_eq(wn_doc_block_count(d), filler + 45);
    for (size_t k = 0; k < filler + 40; k++)
        ck_assert_int_ne(wn_block_type(blk(d, k)), WN_BLOCK_NOISE);
    for (size_t k = filler + 40; k < filler + 44; k++) {
        ck_assert_int_eq(wn_block_type(blk(d, k)), WN_BLOCK_NOISE);
        ck_text(wn_block_reason, blk(d, k), "duplicate");
    }
    /* ends in "..." but starts like no earlier block past its first words */
    ck_assert_int_ne(wn_block_type(blk(d, filler + 44)), WN_BLOCK_NOISE);
    wn_doc_free(d);
    free(doc);
}

START_TEST(copies_far_apart_and_ellipsis_character) {
    copies_far_apart(0);
    copies_far_apart(WN_TEST_FILLER);
}
END_TEST

static void copies_close_behind(size_t filler) {
    /* copies one to four blocks after their first, inside the window of
     * blocks whose candidates are fetched ahead: a first copy inserted
     * after its copy's candidate was read must still be found */
    char buf[8192];
    size_t o = 0, n = 0;
    int first[64];
    for (int k = 0; k < 60; k++, n++) {
        int of = k % 5 == 4 ? k - 1 - (k / 5) % 4 : k;
        first[k] = of;
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Bulletin %d: the river path near gate %d is closed for repairs.\n",
                              first[of], of % 9);
    }
    size_t len;
    char *doc = with_filler(filler, buf, o, &len);
    wn_doc *d = parse_with(doc, len, WN_OPT_DEFAULT);
    ck_assert_uint_eq(wn_doc_block_count(d), filler + n);
    for (size_t k = 0; k < n; k++) {
        if (first[k] != (int)k) {
            ck_assert_int_eq(wn_block_type(blk(d, filler + k)), WN_BLOCK_NOISE);
            ck_text(wn_block_reason, blk(d, filler + k), "duplicate");
        } else {
            ck_assert_int_ne(wn_block_type(blk(d, filler + k)), WN_BLOCK_NOISE);
        }
    }
    wn_doc_free(d);
    free(doc);
}

START_TEST(copies_close_behind_their_first) {
    copies_close_behind(0);
    copies_close_behind(WN_TEST_FILLER);
}
END_TEST

/* In an input of up to a megabyte a long paragraph is looked up by a key
 * of its length and of its first, middle and last 32 bytes (beyond, by a
 * hash of its whole text). Paragraphs alike in all of those and
 * different elsewhere are different paragraphs; a true copy is still a
 * copy. Each paragraph here is 300 bytes: "Ward NNNN" falls between its
 * first 32 bytes and its middle ones (bytes 134 to 165). */
static size_t alike_paragraph(char *buf, size_t cap, unsigned ward) {
    int n =
        snprintf(buf, cap,
                 "The county surveyors walked the flood lines again this week, from the old "
                 "mills to Ward %04u, marking every culvert that backed up during the storms "
                 "of last winter, and their report, due before the autumn budget, will "
                 "rank the repairs by total cost and by the number of homes each one would keep "
                 "dry.\n",
                 ward % 10000);
    ck_assert_int_eq(n, 301);
    return (size_t)n;
}

static void alike_paragraphs(size_t count) {
    /* and true copies of the seventh and of the last */
    const unsigned copies[] = {7, (unsigned)count - 1};
    size_t total = count + 2;
    char line[512];
    size_t cap = total * 301 + 1, o = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    for (size_t k = 0; k < total; k++) {
        alike_paragraph(line, sizeof line, k < count ? (unsigned)k : copies[k - count]);
        memcpy(buf + o, line, 301);
        o += 301;
    }
    buf[o] = '\0';
    wn_doc *d = parse_with(buf, o, WN_OPT_DEFAULT);
    ck_assert_uint_eq(wn_doc_block_count(d), total);
    for (size_t k = 0; k < count; k++)
        ck_assert_msg(wn_block_type(blk(d, k)) != WN_BLOCK_NOISE, "paragraph %zu is noise", k);
    for (size_t k = count; k < total; k++) {
        ck_assert_msg(wn_block_type(blk(d, k)) == WN_BLOCK_NOISE, "copy of %u missed of %zu",
                      copies[k - count], count);
        ck_text(wn_block_reason, blk(d, k), "duplicate");
    }
    wn_doc_free(d);
    free(buf);
}

START_TEST(long_paragraphs_alike_where_keyed) {
    alike_paragraphs(12);
    /* many, in under a megabyte: every key meets the first paragraph's,
     * and the copy of the last is found through a key of its whole text */
    alike_paragraphs(3000);
    /* more than a megabyte: the texts are hashed whole, and the keys of
     * the blocks are computed ahead of their lookups */
    alike_paragraphs(WN_TEST_FILLER);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("repeat");
    TCase *tc = tcase_create("repeat");
    tcase_add_test(tc, later_copies_are_noise);
    tcase_add_test(tc, option_off_keeps_copies);
    tcase_add_test(tc, same_attribution_different_posts);
    tcase_add_test(tc, many_copies_stay_linear);
    tcase_add_test(tc, copies_far_apart_and_ellipsis_character);
    tcase_add_test(tc, copies_close_behind_their_first);
    tcase_add_test(tc, long_paragraphs_alike_where_keyed);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
