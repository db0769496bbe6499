/* Unit tests of the lines stage: line ends, blank lines, BOM, spans. */
#include "unit.h"

static const char *const para1 = "The harbour board met on Thursday to discuss the new ferry.";
static const char *const para2 = "Its chair said the vote would come next month.";

static void two_paragraphs(const char *text, size_t len) {
    wn_doc *d = parse_with(text, len, WN_OPT_DEFAULT);
    ck_types(d, "paragraph paragraph");
    ck_text(wn_block_text, blk(d, 0), para1);
    ck_text(wn_block_text, blk(d, 1), para2);
    wn_doc_free(d);
}

START_TEST(lf_crlf_cr_agree) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s\n%s\n", para1, para2);
    two_paragraphs(buf, strlen(buf));
    snprintf(buf, sizeof buf, "%s\r\n%s\r\n", para1, para2);
    two_paragraphs(buf, strlen(buf));
    snprintf(buf, sizeof buf, "%s\r%s\r", para1, para2);
    two_paragraphs(buf, strlen(buf));
    snprintf(buf, sizeof buf, "%s\r\n\r\n\r\n%s", para1, para2);
    two_paragraphs(buf, strlen(buf));
}
END_TEST

START_TEST(bom_is_not_text) {
    char buf[512];
    snprintf(buf, sizeof buf, "\xEF\xBB\xBF%s\n%s\n", para1, para2);
    wn_doc *d = parse(buf);
    ck_types(d, "paragraph paragraph");
    ck_assert_uint_eq(wn_block_start(blk(d, 0)), 3);
    ck_text(wn_block_text, blk(d, 0), para1);
    wn_doc_free(d);
}
END_TEST

START_TEST(spans_exclude_surrounding_space) {
    const char *text = "  \t The harbour board met on Thursday.  \n\n  Its chair said so.\t\n";
    wn_doc *d = parse(text);
    ck_assert_uint_eq(wn_doc_block_count(d), 2);
    ck_assert_uint_eq(wn_block_start(blk(d, 0)), 4);
    ck_assert_uint_eq(wn_block_end(blk(d, 0)), 4 + strlen("The harbour board met on Thursday."));
    size_t s = wn_block_start(blk(d, 1));
    ck_assert_int_eq(memcmp(text + s, "Its chair", 9), 0);
    ck_assert_int_eq(text[wn_block_end(blk(d, 1)) - 1], '.');
    wn_doc_free(d);
}
END_TEST

START_TEST(empty_and_blank_inputs) {
    const char *const inputs[] = {"",
                                  "\n",
                                  "\r\n\r\n",
                                  "   \t  \n  ",
                                  "\xC2\xA0\xE2\x80\x83\n",
                                  "\xEF\xBB\xBF",
                                  "\xE2\x80\x8B \xE3\x80\x80"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        wn_doc *d = parse(inputs[i]);
        ck_assert_uint_eq(wn_doc_block_count(d), 0);
        wn_doc_free(d);
    }
}
END_TEST

START_TEST(nul_bytes_are_covered) {
    const char text[] = "The vote was close.\n\0\0\n\0Nine members agreed.\n";
    wn_doc *d = parse_with(text, sizeof text - 1, WN_OPT_DEFAULT);
    ck_assert_uint_ge(wn_doc_block_count(d), 2);
    ck_text(wn_block_text, blk(d, 0), "The vote was close.");
    wn_doc_free(d);
}
END_TEST

START_TEST(unicode_blank_lines_separate) {
    /* a line of no-break and ideographic spaces is blank */
    const char *text = "First line of the story.\n\xC2\xA0\xC2\xA0\xE3\x80\x80\nSecond line.\n";
    wn_doc *d = parse(text);
    ck_types(d, "paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lines");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, lf_crlf_cr_agree);
    tcase_add_test(tc, bom_is_not_text);
    tcase_add_test(tc, spans_exclude_surrounding_space);
    tcase_add_test(tc, empty_and_blank_inputs);
    tcase_add_test(tc, nul_bytes_are_covered);
    tcase_add_test(tc, unicode_blank_lines_separate);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
