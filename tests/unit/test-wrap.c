/* Unit tests of hard-wrapped text: paragraphs broken at a fixed width are
 * joined again; one paragraph per line is left alone. */
#include "unit.h"

static const char *const indented =
    "RIVER TOWN OPENS NEW BRIDGE\n"
    "\n"
    "    MILLBROOK, June 4 - The county opened a new steel bridge\n"
    "over the Weir river on Tuesday, ending two years of detours\n"
    "for farmers and school buses on the east bank.\n"
    "    The bridge cost 14 mln dlrs, officials said, and was paid\n"
    "for by a state grant approved last spring.\n"
    "    Traffic engineers expect about 3,000 vehicles a day to use\n"
    "it once the harvest season begins.\n"
    " REUTER\n";

START_TEST(indented_paragraphs_join) {
    wn_doc *d = parse(indented);
    ck_types(d, "headline paragraph paragraph paragraph byline");
    const wn_block *p = blk(d, 1);
    ck_text(wn_block_text, p,
            "The county opened a new steel bridge over the Weir river on Tuesday, ending two "
            "years of detours for farmers and school buses on the east bank.");
    ck_text(wn_block_dateline_place, p, "MILLBROOK");
    ck_text(wn_block_text, blk(d, 3),
            "Traffic engineers expect about 3,000 vehicles a day to use it once the harvest "
            "season begins.");
    wn_doc_free(d);
}
END_TEST

static const char *const blank_separated =
    "The committee spent most of the evening on the budget, which\n"
    "has grown by a third since the last election and now covers\n"
    "two new libraries and a swimming pool.\n"
    "\n"
    "Several members asked why the pool had been added so late in\n"
    "the process, and whether residents had been consulted at all\n"
    "before the plans were drawn up by the council's engineers.\n"
    "\n"
    "The chair promised a public meeting before the final vote in\n"
    "the autumn, when the full costs are expected to be known.\n";

START_TEST(blank_line_paragraphs_join) {
    wn_doc *d = parse(blank_separated);
    ck_types(d, "paragraph paragraph paragraph");
    ck_text(wn_block_text, blk(d, 2),
            "The chair promised a public meeting before the final vote in the autumn, when the "
            "full costs are expected to be known.");
    wn_doc_free(d);
}
END_TEST

static const char *const one_per_line =
    "The committee spent most of the evening on the budget, which has grown by a third since the "
    "last election.\n"
    "Several members asked why the pool had been added so late in the process.\n"
    "The chair promised a public meeting before the final vote in the autumn.\n"
    "Residents will be able to comment online until the end of the month.\n";

START_TEST(one_paragraph_per_line_stays) {
    wn_doc *d = parse(one_per_line);
    ck_types(d, "paragraph paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("wrap");
    TCase *tc = tcase_create("wrap");
    tcase_add_test(tc, indented_paragraphs_join);
    tcase_add_test(tc, blank_line_paragraphs_join);
    tcase_add_test(tc, one_paragraph_per_line_stays);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
