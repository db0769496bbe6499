/* Unit tests of the top of an article: headline, dek, kickers. */
#include "unit.h"

START_TEST(headline_and_dek) {
    wn_doc *d =
        parse("Harbour ferry makes first crossing in a decade\n\n"
              "A restored route links the two halves of the bay again, and the operator "
              "hopes tourists will follow.\n\n"
              "MILLBROOK \xE2\x80\x94 The first ferry in ten years crossed the bay on Tuesday.\n");
    ck_types(d, "headline dek paragraph");
    ck_assert_pstr_eq(wn_doc_headline(d, NULL), "Harbour ferry makes first crossing in a decade");
    ck_assert_pstr_eq(wn_doc_dek(d, NULL),
                      "A restored route links the two halves of the bay again, and the operator "
                      "hopes tourists will follow.");
    wn_doc_free(d);
}
END_TEST

/* A line of eight words or more without a full stop under the headline is
 * a dek when it reads as a sentence, and not when it is in Title Case (a
 * second title, here taken for a heading). */
START_TEST(title_case_line_is_not_a_dek) {
    wn_doc *d =
        parse("Harbour ferry makes first crossing in a decade\n\n"
              "Restored Route Links Both Halves Of The Bay Again After Ten Years\n\n"
              "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n");
    ck_types(d, "headline subhead paragraph");
    wn_doc_free(d);
    d = parse("Harbour ferry makes first crossing in a decade\n\n"
              "A restored route links both halves of the bay again after ten years\n\n"
              "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n");
    ck_types(d, "headline dek paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(lede_is_not_a_dek) {
    /* the sentence after the title names the day of the news: it is the lede */
    wn_doc *d =
        parse("Harbour ferry makes first crossing in a decade\n"
              "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n"
              "Tickets for the summer sold out within two days.\n");
    ck_types(d, "headline paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(no_title_line_no_headline) {
    wn_doc *d = parse("The first ferry in ten years crossed the bay on Tuesday morning.\n"
                      "Tickets for the summer sold out within two days.\n"
                      "The operator plans four more sailings a day from July.\n");
    ck_types(d, "paragraph paragraph paragraph");
    ck_assert_ptr_null(wn_doc_headline(d, NULL));
    wn_doc_free(d);
}
END_TEST

START_TEST(section_kicker_above_title) {
    wn_doc *d = parse("Travel\n"
                      "Harbour ferry makes first crossing in a decade\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_types(d, "noise headline paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(all_caps_wire_title) {
    wn_doc *d = parse("HARBOUR FERRY RETURNS AFTER DECADE\n\n"
                      "    MILLBROOK, June 4 - The first ferry in ten years crossed\n"
                      "the bay on Tuesday, the operator said.\n");
    ck_types(d, "headline paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(teaser_above_repeated_title) {
    wn_doc *d = parse("The operator says tourists will follow the restored route across the bay.\n"
                      "Harbour Ferry Makes First Crossing In A Decade\n"
                      "Harbour Ferry Makes First Crossing In A Decade\n"
                      "The first ferry in ten years crossed the bay on Tuesday.\n");
    ck_types(d, "dek headline noise paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(caption_glued_before_title) {
    wn_doc *d = parse("Passengers board the ferry in Millbrook. | AP Photo/Rosa Lind Harbour ferry "
                      "makes first crossing in a decade\n"
                      "The first ferry in ten years crossed the bay on Tuesday.\n");
    ck_assert_pstr_eq(wn_doc_headline(d, NULL), "Harbour ferry makes first crossing in a decade");
    wn_doc_free(d);
}
END_TEST

START_TEST(dated_caption_before_dateline) {
    wn_doc *d =
        parse("Passengers board the ferry in Millbrook June 4, 2021.\n"
              "MILLBROOK (Ledger) - The first ferry in ten years crossed the bay on Tuesday.\n");
    ck_types(d, "caption paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(attributed_lede_is_not_a_dek) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "The first ferry in ten years crossed the bay, the operator said.\n"
                      "Tickets for the summer sold out within two days.\n");
    ck_types(d, "headline paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(short_dek_above_byline_and_time) {
    /* no full stop and only six words, but the byline and the time follow:
     * still the front matter, so a standfirst, and the bare name its author */
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "Restored route reunites the bay's towns\n"
                      "Rosa Lind\n"
                      "Published 09:15, 4 June 2021\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_types(d, "headline dek byline timestamp paragraph");
    ck_assert_pstr_eq(wn_doc_dek(d, NULL), "Restored route reunites the bay's towns");
    ck_assert_uint_eq(wn_block_authors_count(blk(d, 2)), 1);
    wn_doc_free(d);
}
END_TEST

START_TEST(short_line_before_lede_is_not_a_dek) {
    /* the same line with the lede right after it reads as a second title */
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "Restored route reunites the bay's towns\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n"
                      "Tickets for the summer sold out within two days.\n");
    ck_assert_ptr_null(wn_doc_dek(d, NULL));
    wn_doc_free(d);
}
END_TEST

START_TEST(breadcrumb_above_title) {
    wn_doc *d = parse("Home \xC2\xBB News \xC2\xBB Coast\n"
                      "Harbour ferry makes first crossing in a decade\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_types(d, "noise headline paragraph");
    wn_doc_free(d);
}
END_TEST

/* A line with a link in it is neither the headline nor the standfirst. */
START_TEST(link_is_neither_headline_nor_dek) {
    wn_doc *d =
        parse("Ferry Returns To harbour.example.org After A Decade\n\n"
              "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n\n"
              "Tickets for the summer sold out within two days of going on sale.\n");
    ck_types(d, "paragraph paragraph paragraph");
    wn_doc_free(d);
    static const char *const front = "Ferry returns to the harbour after a decade\n\n"
                                     "A new service links the two towns again, with tickets sold "
                                     "at %s\n\nBy Sam Reed\nMarch 3, 2024\n\n"
                                     "The first ferry in ten years crossed the bay on Tuesday.\n";
    char buf[512];
    snprintf(buf, sizeof buf, front, "the harbour office");
    d = parse(buf);
    ck_types(d, "headline dek byline timestamp paragraph");
    wn_doc_free(d);
    snprintf(buf, sizeof buf, front, "ferry.example.com");
    d = parse(buf);
    ck_types(d, "headline paragraph byline timestamp paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("headline");
    TCase *tc = tcase_create("headline");
    tcase_add_test(tc, headline_and_dek);
    tcase_add_test(tc, lede_is_not_a_dek);
    tcase_add_test(tc, title_case_line_is_not_a_dek);
    tcase_add_test(tc, attributed_lede_is_not_a_dek);
    tcase_add_test(tc, no_title_line_no_headline);
    tcase_add_test(tc, section_kicker_above_title);
    tcase_add_test(tc, all_caps_wire_title);
    tcase_add_test(tc, teaser_above_repeated_title);
    tcase_add_test(tc, caption_glued_before_title);
    tcase_add_test(tc, dated_caption_before_dateline);
    tcase_add_test(tc, short_dek_above_byline_and_time);
    tcase_add_test(tc, short_line_before_lede_is_not_a_dek);
    tcase_add_test(tc, breadcrumb_above_title);
    tcase_add_test(tc, link_is_neither_headline_nor_dek);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
