/* Unit tests of lists. */
#include "unit.h"

START_TEST(bullets_under_heading) {
    wn_doc *d = parse("The council published its plan for the waterfront on Monday.\n"
                      "What the plan includes\n"
                      "- A new ferry terminal with room for two boats\n"
                      "- Wider pavements along the harbour wall\n"
                      "- A covered market on the old coal wharf\n"
                      "Work is due to start in the spring.\n");
    ck_types(d, "paragraph subhead list paragraph");
    const wn_block *l = blk(d, 2);
    ck_assert_uint_eq(wn_block_items_count(l), 3);
    ck_assert_pstr_eq(wn_block_items_at(l, 1, NULL), "Wider pavements along the harbour wall");
    ck_assert_int_eq(wn_block_ordered(l), 0);
    ck_assert_ptr_null(wn_block_text(l, NULL));
    wn_doc_free(d);
}
END_TEST

START_TEST(numbered_with_blank_lines) {
    wn_doc *d = parse("Residents listed their main worries.\n\n"
                      "1. Parking near the terminal\n\n"
                      "2. Noise from early sailings\n\n"
                      "3. The cost of tickets\n\n"
                      "The council will answer them at a meeting in May.\n");
    const wn_block *l = must_find(d, WN_BLOCK_LIST, 0);
    ck_assert_uint_eq(wn_block_items_count(l), 3);
    ck_assert_int_eq(wn_block_ordered(l), 1);
    ck_assert_pstr_eq(wn_block_items_at(l, 2, NULL), "The cost of tickets");
    wn_doc_free(d);
}
END_TEST

START_TEST(glued_highlights) {
    wn_doc *d = parse("Story highlights The ferry is the first in ten years to cross the bay\n\n"
                      "Tickets for the summer sold out in two days\n\n"
                      "MILLBROOK (Ledger) \xE2\x80\x94 The first ferry in a decade crossed the bay "
                      "on Tuesday.\n");
    ck_types(d, "list paragraph");
    const wn_block *l = blk(d, 0);
    ck_assert_uint_eq(wn_block_items_count(l), 2);
    ck_assert_pstr_eq(wn_block_items_at(l, 1, NULL), "Tickets for the summer sold out in two days");
    wn_doc_free(d);
}
END_TEST

START_TEST(single_marker_is_no_list) {
    wn_doc *d = parse("The council published its plan on Monday.\n"
                      "- and then, the mayor added, nothing happened for a year.\n"
                      "Work is due to start in the spring.\n");
    ck_assert_ptr_null(find(d, WN_BLOCK_LIST, 0));
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("list");
    tcase_add_test(tc, bullets_under_heading);
    tcase_add_test(tc, numbered_with_blank_lines);
    tcase_add_test(tc, glued_highlights);
    tcase_add_test(tc, single_marker_is_no_list);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
