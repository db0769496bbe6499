/* Unit tests of datelines. */
#include "unit.h"

static void expect_dateline(const char *line, const char *place, const char *agency,
                            const char *text) {
    wn_doc *d = parse(line);
    const wn_block *b = blk(d, 0);
    ck_assert_msg(wn_block_has_dateline(b), "no dateline in \"%s\"", line);
    ck_assert_pstr_eq(wn_block_dateline_place(b, NULL), place);
    ck_assert_pstr_eq(wn_block_dateline_agency(b, NULL), agency);
    ck_assert_pstr_eq(wn_block_text(b, NULL), text);
    ck_assert_ptr_eq(wn_doc_dateline(d), b);
    wn_doc_free(d);
}

START_TEST(forms) {
    expect_dateline("MILLBROOK (AP) \xE2\x80\x94 The ferry crossed the bay on Tuesday.",
                    "MILLBROOK", "AP", "The ferry crossed the bay on Tuesday.");
    expect_dateline("PORT ELLEN, Scotland (Reuters) - The ferry crossed on Tuesday.",
                    "PORT ELLEN, Scotland", "Reuters", "The ferry crossed on Tuesday.");
    expect_dateline("SALEM, Ore., March 3 (AP) -- The ferry crossed on Tuesday.", "SALEM, Ore.",
                    "AP", "The ferry crossed on Tuesday.");
    expect_dateline("OSLO, Jan. 9 - The ferry crossed on Tuesday.", "OSLO", NULL,
                    "The ferry crossed on Tuesday.");
    expect_dateline("(Ledger) The ferry crossed on Tuesday.", NULL, "Ledger",
                    "The ferry crossed on Tuesday.");
    expect_dateline("Millbrook (Ledger) The ferry crossed on Tuesday.", "Millbrook", "Ledger",
                    "The ferry crossed on Tuesday.");
    expect_dateline("Port Ellen Harbour (Ledger) \xE2\x80\x94 The ferry crossed on Tuesday.",
                    "Port Ellen Harbour", "Ledger", "The ferry crossed on Tuesday.");
    /* a lower-case word right after the place's comma: the date */
    expect_dateline("OSLO, jan. 9 - The ferry crossed on Tuesday.", "OSLO", NULL,
                    "The ferry crossed on Tuesday.");
    expect_dateline("ST. LOUIS \xE2\x80\x93 \xE2\x80\x9CIt works,\xE2\x80\x9D the captain said.",
                    "ST. LOUIS", NULL, "\xE2\x80\x9CIt works,\xE2\x80\x9D the captain said.");
}
END_TEST

START_TEST(not_datelines) {
    const char *const lines[] = {
        "A HUNTER who shot a rabbit has fallen ill, officials say.",
        "A THIRD case has been reported in the region \xE2\x80\x93 with more expected.",
        "UP NEXT",
        "Millbrook \xE2\x80\x94 a town of 3,000 \xE2\x80\x94 voted on Tuesday.",
        "NEW: The ferry is running late this morning.",
        "Gov. Ann Cole (D) said the ferry was safe.",
        "09.45 Reuters - THE FERRY HAS DOCKED SAFELY",
        "Millbrook residents (and visitors) \xE2\x80\x94 all of them \xE2\x80\x94 cheered.",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        wn_doc *d = parse(lines[i]);
        ck_assert_msg(!wn_block_has_dateline(blk(d, 0)), "dateline found in \"%s\"", lines[i]);
        wn_doc_free(d);
    }
}
END_TEST

START_TEST(press_release_wire) {
    expect_dateline("MILLBROOK, Ore., May 4, 2023 /Ledgerwire/ -- The ferry operator today "
                    "reported record sales.",
                    "MILLBROOK, Ore.", "Ledgerwire",
                    "The ferry operator today reported record sales.");
    expect_dateline("OSLO, Jan. 9, 2023 (LEDGER WIRE) -- The ferry operator today reported sales.",
                    "OSLO", "LEDGER WIRE", "The ferry operator today reported sales.");
}
END_TEST

/* The document's dateline is found by its block's index, which counts
 * blocks, not lines: a list's items joined into one block come before it. */
START_TEST(dateline_index_after_joined_lines) {
    wn_doc *d = parse("Ferry service to resume\n\n"
                      "- Boats leave the north pier every hour\n"
                      "- Tickets go on sale at the kiosk\n"
                      "- Bicycles ride free until June\n\n"
                      "MILLBROOK (AP) \xE2\x80\x94 The ferry crossed the bay on Tuesday.\n\n"
                      "The captain said the crossing was calm.\n");
    ck_assert_uint_eq(wn_doc_block_count(d), 4);
    ck_assert_int_eq(wn_block_type(blk(d, 1)), WN_BLOCK_LIST);
    ck_assert_ptr_eq(wn_doc_dateline(d), blk(d, 2));
    ck_assert_pstr_eq(wn_block_text(blk(d, 2), NULL), "The ferry crossed the bay on Tuesday.");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("dateline");
    TCase *tc = tcase_create("dateline");
    tcase_add_test(tc, forms);
    tcase_add_test(tc, not_datelines);
    tcase_add_test(tc, press_release_wire);
    tcase_add_test(tc, dateline_index_after_joined_lines);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
