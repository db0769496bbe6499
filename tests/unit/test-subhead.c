/* Unit tests of headings inside the body. */
#include "unit.h"

START_TEST(headings_between_paragraphs) {
    wn_doc *d = parse("The first ferry in ten years crossed the bay on Tuesday morning.\n"
                      "Tickets for the summer sold out within two days.\n"
                      "Why the route closed\n"
                      "The old service stopped in 2011 after the pier was damaged by a storm.\n"
                      "WHAT COMES NEXT\n"
                      "The operator plans four more sailings a day from July.\n"
                      "Will the tourists come back?\n"
                      "Hotels on the east bank say bookings are already up.\n");
    ck_types(d, "paragraph paragraph subhead paragraph subhead paragraph subhead paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(not_headings) {
    wn_doc *d = parse("The first ferry in ten years crossed the bay on Tuesday morning.\n"
                      "\xE2\x80\x9CIt works,\xE2\x80\x9D the captain said. \xE2\x80\x9C"
                      "Did you doubt it?\xE2\x80\x9D\n"
                      "Tickets for the summer sold out within two days.\n"
                      "the operator said it would add sailings\n"
                      "Hotels on the east bank say bookings are already up.\n"
                      "A short line at the very end\n");
    ck_assert_ptr_null(find(d, WN_BLOCK_SUBHEAD, 0));
    wn_doc_free(d);
}
END_TEST

START_TEST(first_line_is_never_a_heading) {
    wn_doc *d =
        parse("Ferries\nThe first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_assert_ptr_null(find(d, WN_BLOCK_SUBHEAD, 0));
    wn_doc_free(d);
    /* a short title that no recognizer takes (it opens with a digit, so
     * it is no section label, and has too few words for a headline) is
     * still no heading: it is the first line of the text */
    d = parse("2 Ferries\nThe first ferry in ten years crossed the bay on Tuesday morning.\n");
    ck_types(d, "paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

/* A short capitalised line between paragraphs that holds a link is a
 * pointer to a site, not a heading. */
START_TEST(link_is_not_a_heading) {
    wn_doc *d = parse("The council met on Tuesday to discuss the new harbour plan for the town.\n\n"
                      "Harbour Plans At harbour.example.org\n\n"
                      "The plan includes a new ferry terminal and a car park, the mayor said.\n\n"
                      "Work could start next spring if the council approves the budget.\n");
    ck_types(d, "paragraph paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("subhead");
    TCase *tc = tcase_create("subhead");
    tcase_add_test(tc, headings_between_paragraphs);
    tcase_add_test(tc, not_headings);
    tcase_add_test(tc, first_line_is_never_a_heading);
    tcase_add_test(tc, link_is_not_a_heading);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
