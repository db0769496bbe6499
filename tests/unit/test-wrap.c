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

/* Outside hard-wrapped text, a line of 55 columns or more that ends in a
 * lower-case word or a comma is joined with the next line when that one
 * starts with a lower-case word: the break is plainly mid-sentence. Not
 * when a blank line or a deeper indent comes between, the first line is
 * short or ends a sentence, or the next line starts with a link. */
START_TEST(mid_sentence_break_joins) {
    static const struct {
        const char *text;
        size_t blocks;
    } cases[] = {
        {"The ferry operator said the new timetable would start in the\n"
         "spring, once the harbour works are finished.\n",
         1},
        {"The ferry operator said the new timetable would start soon,\n"
         "once the harbour works are finished.\n",
         1},
        {"The ferry operator said the new timetable would start in the\n"
         "\n"
         "spring, once the harbour works are finished.\n",
         2},
        {"The ferry operator said the new timetable would start in the\n"
         "    spring, once the harbour works are finished.\n",
         2},
        {"The ferry operator said the timetable starts in the\n"
         "spring, once the harbour works are finished.\n",
         2},
        {"The ferry operator said the new timetable would start in May.\n"
         "spring works on the harbour are finished by then.\n",
         2},
        {"The ferry operator said the new timetable is posted on the\n"
         "example.org page with the fares for the season.\n",
         2},
        {"The ferry operator said the new timetable is posted by the\n"
         "news@harbourferries, with the fares for the season.\n",
         2},
        {"The ferry operator said the new timetable is posted under\n"
         "ferries/timetable on its site with the fares for the season.\n",
         2},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        wn_doc *d = parse(cases[k].text);
        ck_assert_msg(wn_doc_block_count(d) == cases[k].blocks, "case %zu: %zu blocks", k,
                      wn_doc_block_count(d));
        wn_doc_free(d);
    }
}
END_TEST

/* Ten paragraphs wrapped at 48 columns (about fifty lines), each line as
 * long as the words allow, and `extra` lines of about 150 columns (each a
 * paragraph of its own) appended to text. */
static size_t wrapped_with_long_lines(char *out, size_t extra) {
    static const char *const words[] = {
        "the",   "harbour", "board", "met",       "again", "on",    "Thursday", "to",
        "weigh", "a",       "plan",  "for",       "three", "new",   "berths",   "and",
        "a",     "longer",  "quay",  "which",     "local", "boat",  "owners",   "say",
        "has",   "been",    "put",   "off",       "for",   "years", "while",    "costs",
        "kept",  "rising",  "as",    "materials", "grew",  "scarce"};
    size_t n = 0, k = 0;
    for (int para = 0; para < 10; para++) {
        size_t col = 0;
        for (int w = 0; w < 36; w++, k++) {
            const char *word = words[k % (sizeof words / sizeof words[0])];
            size_t len = strlen(word);
            if (col && col + 1 + len > 48) {
                out[n++] = '\n';
                col = 0;
            } else if (col) {
                out[n++] = ' ';
                col++;
            }
            memcpy(out + n, word, len);
            n += len;
            col += len;
        }
        n += (size_t)sprintf(out + n, ".\n\n");
    }
    for (size_t e = 0; e < extra; e++) {
        for (int w = 0; w < 25; w++)
            n += (size_t)sprintf(out + n, w ? " notes" : "Notes");
        n += (size_t)sprintf(out + n, ".\n\n");
    }
    out[n] = '\0';
    return n;
}

/* The wrap width is the 95th percentile of line widths: up to one line in
 * twenty may be longer and the text is still judged wrapped at its own
 * width (its paragraphs joined); one more and it is not, so each wrapped
 * line stays a unit of its own. */
START_TEST(wrap_width_is_the_95th_percentile) {
    char text[8192];
    size_t seen_allowed = 0;
    for (size_t extra = 0; extra <= 4; extra++) {
        size_t n = wrapped_with_long_lines(text, extra), lines = 0;
        for (size_t i = 0; i < n; i++)
            lines += text[i] == '\n' && i > 0 && text[i - 1] != '\n';
        size_t allowed = lines / 20;
        seen_allowed |= (size_t)1 << allowed;
        wn_doc *d = parse(text);
        size_t blocks = wn_doc_block_count(d);
        if (extra <= allowed)
            ck_assert_msg(blocks == 10 + extra, "%zu of %zu lines long: %zu blocks", extra, lines,
                          blocks);
        else
            ck_assert_msg(blocks > lines / 2, "%zu of %zu lines long: %zu blocks", extra, lines,
                          blocks);
        wn_doc_free(d);
    }
    /* the boundary was crossed: 2 of 40-59 lines allowed, 3 given */
    ck_assert_uint_eq(seen_allowed, (size_t)1 << 2);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("wrap");
    TCase *tc = tcase_create("wrap");
    tcase_add_test(tc, indented_paragraphs_join);
    tcase_add_test(tc, blank_line_paragraphs_join);
    tcase_add_test(tc, one_paragraph_per_line_stays);
    tcase_add_test(tc, mid_sentence_break_joins);
    tcase_add_test(tc, wrap_width_is_the_95th_percentile);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
