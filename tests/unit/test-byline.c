/* Unit tests of bylines and credit lines. */
#include "unit.h"

static void expect_authors(const wn_block *b, const char *const *names, size_t n) {
    ck_assert_int_eq(wn_block_type(b), WN_BLOCK_BYLINE);
    ck_assert_uint_eq(wn_block_authors_count(b), n);
    for (size_t i = 0; i < n; i++)
        ck_assert_pstr_eq(wn_block_authors_at(b, i, NULL), names[i]);
}

START_TEST(by_line_with_organisation) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "By Maria Keller and Tom O'Hara, Weekly Ledger\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    const char *const names[] = {"Maria Keller", "Tom O'Hara"};
    expect_authors(must_find(d, WN_BLOCK_BYLINE, 0), names, 2);
    ck_assert_pstr_eq(wn_doc_byline(d, NULL), "By Maria Keller and Tom O'Hara, Weekly Ledger");
    wn_doc_free(d);
}
END_TEST

START_TEST(three_authors_with_initial) {
    wn_doc *d = parse("By Ann B. Cole, Raj Patel & Lee Wong\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    const char *const names[] = {"Ann B. Cole", "Raj Patel", "Lee Wong"};
    expect_authors(blk(d, 0), names, 3);
    wn_doc_free(d);
}
END_TEST

START_TEST(by_in_a_sentence_is_no_byline) {
    wn_doc *d = parse("By the time the ferry docked, a crowd of several hundred had gathered.\n"
                      "By Tuesday the tickets had sold out.\n");
    ck_types(d, "paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(reporting_credits) {
    wn_doc *d =
        parse("The ferry will run twice a day until September.\n"
              "Reporting by Ines Duarte; additional reporting by Kofi Mensah and Yuki Sato; "
              "Editing by Paul Grant\n");
    const char *const names[] = {"Ines Duarte", "Kofi Mensah", "Yuki Sato"};
    expect_authors(blk(d, 1), names, 3);
    wn_doc_free(d);
}
END_TEST

START_TEST(contributed_to_this_report) {
    wn_doc *d =
        parse("The ferry will run twice a day until September.\n"
              "Associated Press writers Lena Fox and Omar Haddad contributed to this report.\n");
    const char *const names[] = {"Lena Fox", "Omar Haddad"};
    expect_authors(blk(d, 1), names, 2);
    wn_doc_free(d);
    /* "contributed reporting", in capitals too */
    d = parse("The ferry will run twice a day until September.\n"
              "Staff writer Priya Nair contributed reporting.\n"
              "GINA MOLL CONTRIBUTED TO THIS REPORT.\n");
    const char *const nair[] = {"Priya Nair"};
    expect_authors(blk(d, 1), nair, 1);
    ck_assert_int_eq(wn_block_type(blk(d, 2)), WN_BLOCK_BYLINE);
    wn_doc_free(d);
}
END_TEST

START_TEST(contributing_and_sign_off) {
    wn_doc *d = parse("The ferry will run twice a day until September.\n"
                      "Contributing: Dana Whitfield\n");
    const char *const names[] = {"Dana Whitfield"};
    expect_authors(blk(d, 1), names, 1);
    wn_doc_free(d);
    d = parse("The ferry will run twice a day until September.\n REUTER\n");
    ck_types(d, "paragraph byline");
    ck_assert_uint_eq(wn_block_authors_count(blk(d, 1)), 0);
    wn_doc_free(d);
    /* dashes before the wire's name, editors' initials after it */
    d = parse("The ferry will run twice a day until September.\n--AFP\nkl/mn\n");
    ck_types(d, "paragraph byline noise");
    wn_doc_free(d);
    /* a one-word line with the story going on after it is no sign-off */
    d = parse("The ferry will run twice a day until September.\nAFP\n"
              "The operator expects the first sailing to be full.\n");
    ck_assert_int_ne(wn_block_type(blk(d, 1)), WN_BLOCK_BYLINE);
    wn_doc_free(d);
    /* an embedded post after it is no story text: its short text is the
     * block; its long attribution line is joined to it and does not count */
    d = parse("The ferry will run twice a day until September.\nAFP\nWow\n"
              "\xE2\x80\x94 Harbour Ferries (@harbourferries) March 3, 2021\n");
    ck_types(d, "paragraph byline tweet");
    wn_doc_free(d);
}
END_TEST

START_TEST(name_and_outlet_or_role) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "Maria Keller, Associated Press\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    const char *const names[] = {"Maria Keller"};
    expect_authors(blk(d, 1), names, 1);
    wn_doc_free(d);
    d = parse("Harbour ferry makes first crossing in a decade\n"
              "Tom O'Hara Transport correspondent\n"
              "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    const char *const names2[] = {"Tom O'Hara"};
    expect_authors(blk(d, 1), names2, 1);
    wn_doc_free(d);
}
END_TEST

START_TEST(bare_name_next_to_the_time) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "Published 09:15, 4 June 2021\n"
                      "Maria Keller\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_types(d, "headline timestamp byline paragraph");
    const char *const names[] = {"Maria Keller"};
    expect_authors(blk(d, 2), names, 1);
    wn_doc_free(d);
    /* a short capitalised line with no time beside it is not a byline */
    d = parse("Harbour ferry makes first crossing in a decade\n"
              "Maria Keller\n"
              "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_assert_int_ne(wn_block_type(blk(d, 1)), WN_BLOCK_BYLINE);
    wn_doc_free(d);
}
END_TEST

START_TEST(outlet_and_place_under_the_name) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n"
                      "By Maria Keller\n"
                      "Ledger News, Millbrook\n"
                      "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_types(d, "headline byline byline paragraph");
    ck_assert_uint_eq(wn_block_authors_count(blk(d, 2)), 0);
    wn_doc_free(d);
    /* a subhead-like line after the byline that names no outlet stays */
    d = parse("Harbour ferry makes first crossing in a decade\n"
              "By Maria Keller\n"
              "Millbrook Harbour\n"
              "The first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_assert_int_ne(wn_block_type(blk(d, 2)), WN_BLOCK_BYLINE);
    wn_doc_free(d);
}
END_TEST

/* Under a byline or next to the time, a line with a link in it is not
 * the author's outlet or bare name. */
START_TEST(link_lines_stay_out_of_the_byline) {
    wn_doc *d =
        parse("Ferry returns to the harbour after a decade\n\n"
              "By Sam Reed\nHarbour.example.org News\n\n"
              "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n");
    ck_types(d, "headline byline paragraph paragraph");
    wn_doc_free(d);
    d = parse("Ferry returns to the harbour after a decade\n\n"
              "Visit Harbour.example.org\nMarch 3, 2024 10:15 AM\n\n"
              "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n");
    ck_types(d, "headline paragraph timestamp paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("byline");
    TCase *tc = tcase_create("byline");
    tcase_add_test(tc, by_line_with_organisation);
    tcase_add_test(tc, three_authors_with_initial);
    tcase_add_test(tc, by_in_a_sentence_is_no_byline);
    tcase_add_test(tc, reporting_credits);
    tcase_add_test(tc, contributed_to_this_report);
    tcase_add_test(tc, contributing_and_sign_off);
    tcase_add_test(tc, name_and_outlet_or_role);
    tcase_add_test(tc, bare_name_next_to_the_time);
    tcase_add_test(tc, outlet_and_place_under_the_name);
    tcase_add_test(tc, link_lines_stay_out_of_the_byline);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
