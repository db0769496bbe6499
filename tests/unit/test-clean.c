/* Unit tests of text cleaning: spaces, invisible characters, invalid UTF-8,
 * NFC, character references. */
#include "unit.h"

static void expect_clean(const char *raw, const char *want, unsigned flags) {
    wn_doc *d = parse_with(raw, strlen(raw), flags);
    ck_assert_uint_eq(wn_doc_block_count(d), 1);
    ck_text(wn_block_text, blk(d, 0), want);
    wn_doc_free(d);
}

START_TEST(spaces_collapse) {
    expect_clean("The mayor\xC2\xA0spoke\t\tfor  ten\xE2\x80\x89minutes.",
                 "The mayor spoke for ten minutes.", WN_OPT_DEFAULT);
    expect_clean("A\xE2\x80\x83\xE2\x80\x83wide gap and a narrow\xE2\x80\xAFone, here.",
                 "A wide gap and a narrow one, here.", WN_OPT_DEFAULT);
}
END_TEST

/* Runs of plain ASCII are copied sixteen and eight bytes at a time and
 * stop at what needs a closer look: two spaces, a tab or another control
 * byte (the lowest and the highest, DEL), a character reference or a byte
 * above ASCII must be cleaned at every offset of a run, whatever came
 * before it in the run. */
START_TEST(specials_at_every_offset) {
    static const char *const special[][2] = {{"  ", " "},    {" \t ", " "},           {"\t", " "},
                                             {"\x01", " "},  {"\x1F", " "},           {"\x7F", " "},
                                             {"&amp;", "&"}, {"\xC3\xA9", "\xC3\xA9"}};
    static const char *const words = "The ferry left the harbour at dawn and the crew ";
    for (size_t k = 0; k < sizeof special / sizeof special[0]; k++)
        for (size_t pad = 1; pad < 40; pad++) {
            char raw[256], want[256];
            snprintf(raw, sizeof raw, "%.*s%s%s", (int)pad, words, special[k][0],
                     "waved from the deck for a while.");
            snprintf(want, sizeof want, "%.*s%s%s", (int)pad, words, special[k][1],
                     "waved from the deck for a while.");
            /* a space next to a space collapses into it */
            char *w = want;
            for (char *q = want; *q; q++)
                if (!(q[0] == ' ' && q[1] == ' '))
                    *w++ = *q;
            *w = '\0';
            expect_clean(raw, want, WN_OPT_DEFAULT);
        }
}
END_TEST

START_TEST(invisible_characters) {
    /* U+200B and U+FEFF go, U+200D stays (emoji sequences need it) */
    expect_clean("Zero\xE2\x80\x8Bwidth and\xEF\xBB\xBF marks go away here.",
                 "Zerowidth and marks go away here.", WN_OPT_DEFAULT);
    expect_clean("The family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 emoji stays whole.",
                 "The family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 emoji stays whole.",
                 WN_OPT_DEFAULT);
}
END_TEST

START_TEST(invalid_utf8_becomes_replacement) {
    expect_clean("Bad \xFF byte and \xE2\x80 cut sequence end.",
                 "Bad \xEF\xBF\xBD byte and \xEF\xBF\xBD cut sequence end.", WN_OPT_DEFAULT);
    /* an encoded surrogate is invalid: one U+FFFD per byte it cannot start */
    expect_clean("Surrogate \xED\xA0\x80 here.",
                 "Surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD here.", WN_OPT_DEFAULT);
}
END_TEST

/* Every invalid byte takes three bytes in the cleaned text: the room kept
 * for a unit's text must hold that many, or the next unit's text is
 * written over its end. */
START_TEST(replacements_fill_their_room) {
    for (size_t k = 1; k <= 48; k++) {
        char raw[128], want[256];
        size_t r = 0, w = 0;
        r += (size_t)snprintf(raw + r, sizeof raw - r, "Odd ");
        w += (size_t)snprintf(want + w, sizeof want - w, "Odd ");
        for (size_t j = 0; j < k; j++) {
            raw[r++] = (char)0xFF;
            memcpy(want + w, "\xEF\xBF\xBD", 3);
            w += 3;
        }
        snprintf(raw + r, sizeof raw - r, " bytes.\n\nThe next paragraph stays whole.");
        snprintf(want + w, sizeof want - w, " bytes.");
        wn_doc *d = parse_with(raw, strlen(raw), WN_OPT_DEFAULT);
        ck_assert_uint_eq(wn_doc_block_count(d), 2);
        ck_text(wn_block_text, blk(d, 0), want);
        ck_text(wn_block_text, blk(d, 1), "The next paragraph stays whole.");
        wn_doc_free(d);
    }
}
END_TEST

START_TEST(nfc) {
    /* e + combining acute -> é ; Angstrom sign -> Å */
    expect_clean("Caf\x65\xCC\x81 owners met in the square.",
                 "Caf\xC3\xA9 owners met in the square.", WN_OPT_DEFAULT);
    expect_clean("A length of one \xE2\x84\xAB was measured.",
                 "A length of one \xC3\x85 was measured.", WN_OPT_DEFAULT);
    /* Hangul jamo compose into a syllable */
    expect_clean("The name \xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 was read.",
                 "The name \xEA\xB0\x81 was read.", WN_OPT_DEFAULT);
    /* marks in the wrong order: reordered by class, then composed */
    expect_clean("A long \xE1\xB9\xA9 and s\xCC\x87\xCC\xA3 here.",
                 "A long \xE1\xB9\xA9 and \xE1\xB9\xA9 here.", WN_OPT_DEFAULT);
    /* a run of twenty marks (past the insertion sort): classes 230 and 220
     * alternating become ten of 220 then ten of 230, the first composing */
    expect_clean(
        "Marks a\xCC\x81\xCC\x96\xCC\x81\xCC\x96\xCC\x81\xCC\x96\xCC\x81\xCC\x96\xCC\x81"
        "\xCC\x96\xCC\x81\xCC\x96\xCC\x81\xCC\x96\xCC\x81\xCC\x96\xCC\x81\xCC\x96\xCC\x81"
        "\xCC\x96 end.",
        "Marks \xC3\xA1\xCC\x96\xCC\x96\xCC\x96\xCC\x96\xCC\x96\xCC\x96\xCC\x96\xCC\x96\xCC"
        "\x96\xCC\x96\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC"
        "\x81 end.",
        WN_OPT_DEFAULT);
    /* a composition exclusion decomposes and stays decomposed; a character
     * with a three-mark decomposition is its own NFC */
    expect_clean("Greek \xCE\xB9\xCD\x84 and \xE1\xBE\x82 stay.",
                 "Greek \xCE\x90 and \xE1\xBE\x82 stay.", WN_OPT_DEFAULT);
    /* eight characters of four code points each in one word: past the
     * room reserved for the word's code points, which must grow */
    expect_clean("Eight \xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82"
                 "\xE1\xBE\x82\xE1\xBE\x82\xCC\x81 here.",
                 "Eight \xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82\xE1\xBE\x82"
                 "\xE1\xBE\x82\xE1\xBE\x82\xCC\x81 here.",
                 WN_OPT_DEFAULT);
    expect_clean("The Devanagari \xE0\xA5\x98 letter.",
                 "The Devanagari \xE0\xA4\x95\xE0\xA4\xBC letter.", WN_OPT_DEFAULT);
}
END_TEST

START_TEST(character_references) {
    expect_clean(
        "Prices rose &mdash; again &#8212; by 5&#x25; at AT&T&#8217;s stores &amp; more.",
        "Prices rose \xE2\x80\x94 again \xE2\x80\x94 by 5% at AT&T\xE2\x80\x99s stores & more.",
        WN_OPT_DEFAULT);
    expect_clean("Legacy &copy 2020 and &nbsp;spaced &lt;tags&gt; here.",
                 "Legacy \xC2\xA9 2020 and spaced <tags> here.", WN_OPT_DEFAULT);
    expect_clean("Unknown &bogus; and &#0; stay safe.",
                 "Unknown &bogus; and \xEF\xBF\xBD stay safe.", WN_OPT_DEFAULT);
    expect_clean("Kept &mdash; as written.", "Kept &mdash; as written.", WN_OPT_DEDUPE);
}
END_TEST

START_TEST(controls_are_spaces) {
    const char text[] = "Tabs\tand\x01 controls\x7F and a NUL\0byte here.";
    wn_doc *d = parse_with(text, sizeof text - 1, WN_OPT_DEFAULT);
    ck_text(wn_block_text, blk(d, 0), "Tabs and controls and a NUL byte here.");
    wn_doc_free(d);
}
END_TEST

START_TEST(quotes_and_dashes_kept) {
    expect_clean("\xE2\x80\x9CWe\xE2\x80\x99re ready,\xE2\x80\x9D she said \xE2\x80\x93 twice.",
                 "\xE2\x80\x9CWe\xE2\x80\x99re ready,\xE2\x80\x9D she said \xE2\x80\x93 twice.",
                 WN_OPT_DEFAULT);
}
END_TEST

/* Each character of U+2000..U+203F, glued between two words and after a
 * space: the spaces among them become one space, U+200B goes, the rest
 * (dashes, quotes, bullets, the ellipsis, marks) stay as they are. */
START_TEST(general_punctuation_each) {
    for (unsigned cp = 0x2000; cp <= 0x203F; cp++) {
        char ch[4] = {(char)0xE2, (char)(0x80 | (cp >> 6 & 0x3F)), (char)(0x80 | (cp & 0x3F)), 0};
        int space = (cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F;
        char raw[64], want[64];
        snprintf(raw, sizeof raw, "Left%sright and left %sright.", ch, ch);
        if (space)
            snprintf(want, sizeof want, "Left right and left right.");
        else if (cp == 0x200B)
            snprintf(want, sizeof want, "Leftright and left right.");
        else
            snprintf(want, sizeof want, "Left%sright and left %sright.", ch, ch);
        expect_clean(raw, want, WN_OPT_DEFAULT);
    }
}
END_TEST

/* A line whose only bytes beyond ASCII are dashes, quotes and the ellipsis
 * (U+2010..U+2027) is copied as it is; one character outside that range
 * anywhere in the line, at every offset of the sixteen-byte steps that
 * look for those bytes, still gets the line cleaned: U+00A0 and U+2028
 * become a space, a sequence cut short becomes U+FFFD, "e" and a
 * combining accent become one character. */
START_TEST(news_punctuation_only_lines) {
    expect_clean(
        "\xE2\x80\x9CWe sail at dawn,\xE2\x80\x9D the skipper said \xE2\x80\x94 twice\xE2\x80\xA6",
        "\xE2\x80\x9CWe sail at dawn,\xE2\x80\x9D the skipper said \xE2\x80\x94 twice\xE2\x80\xA6",
        WN_OPT_DEFAULT);
    static const char *const other[][2] = {{"\xC2\xA0", " "},
                                           {"\xE2\x80\xA8", " "},
                                           {"\xE2\x80\x8F", "\xE2\x80\x8F"},
                                           {"\xE2\x80", "\xEF\xBF\xBD"},
                                           {"e\xCC\x81", "\xC3\xA9"}};
    static const char *const words = "Twas the ferry crew waving from the deck at dawn ";
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++)
        for (size_t pad = 1; pad < 44; pad++) {
            char raw[256], want[256];
            snprintf(raw, sizeof raw, "\xE2\x80\x99%.*s%sand sailed \xE2\x80\x93 north.", (int)pad,
                     words, other[k][0]);
            snprintf(want, sizeof want, "\xE2\x80\x99%.*s%sand sailed \xE2\x80\x93 north.",
                     (int)pad, words, other[k][1]);
            /* a space next to a space collapses into it */
            char *w = want;
            for (char *q = want; *q; q++)
                if (!(q[0] == ' ' && q[1] == ' '))
                    *w++ = *q;
            *w = '\0';
            expect_clean(raw, want, WN_OPT_DEFAULT);
        }
    /* a sequence cut short by the end of the text, in memory that ends
     * there too (a read past it is an error under the sanitizers) */
    static const char cut[] = "The ferry\xE2\x80\x99s last word \xE2\x80";
    char *exact = malloc(sizeof cut - 1);
    ck_assert_ptr_nonnull(exact);
    memcpy(exact, cut, sizeof cut - 1);
    wn_doc *d = parse_with(exact, sizeof cut - 1, WN_OPT_DEFAULT);
    ck_text(wn_block_text, blk(d, 0), "The ferry\xE2\x80\x99s last word \xEF\xBF\xBD");
    wn_doc_free(d);
    free(exact);
}
END_TEST

/* Lines of 34 to 100 bytes (the 32-byte steps of the test for news
 * punctuation, with AVX2, and the block that ends two bytes before the
 * line's end) with a curly quote (at every offset that straddles a step
 * or comes near the end, and some others) and one character that does
 * need cleaning at every offset after it: the line is cleaned,
 * wherever the two fall against the steps (a quote's bytes may straddle
 * two of them, and the character may sit in the last two bytes, which
 * only a quote before them can cover). */
START_TEST(news_punctuation_beside_other_bytes) {
    static const char *const other[][2] = {{"\x80", "\xEF\xBF\xBD"}, {"e\xCC\x81", "\xC3\xA9"}};
    static const char quote[] = "\xE2\x80\x9D";
    char raw[128], want[160];
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
        size_t ol = strlen(other[k][0]), wl = strlen(other[k][1]);
        for (size_t len = 34; len <= 100; len += len < 70 ? 1 : 3)
            for (size_t q = 1; q + 3 + ol <= len; q += (q % 32 >= 28 || q + 9 >= len) ? 1 : 9)
                for (size_t at = q + 3; at + ol <= len; at++) {
                    /* letters, a space now and then, the quote at q and
                     * the other character at `at` */
                    for (size_t i = 0; i < len; i++)
                        raw[i] = i % 6 == 5 ? ' ' : (char)('a' + i % 26);
                    raw[0] = 'T';
                    raw[len - 1] = '.';
                    memcpy(raw + q, quote, 3);
                    memcpy(raw + at, other[k][0], ol);
                    raw[len] = '\0';
                    memcpy(want, raw, at);
                    memcpy(want + at, other[k][1], wl);
                    strcpy(want + at + wl, raw + at + ol);
                    expect_clean(raw, want, WN_OPT_DEFAULT);
                }
    }
}
END_TEST

/* The lines of a hard-wrapped paragraph are cleaned as one: a line of
 * news punctuation only does not let a later line that needs cleaning
 * through as it is. */
START_TEST(wrapped_lines_cleaned_together) {
    static const char *const text = "The committee spent most of the evening on the \xE2\x80\x9C"
                                    "budget,\xE2\x80\x9D which\n"
                                    "has grown by a third since the last\xC2\xA0"
                                    "election and now covers\n"
                                    "two new libraries and a swimming pool.\n"
                                    "\n"
                                    "Several members asked why the pool had been added so late in\n"
                                    "the process, and whether residents had been consulted at all\n"
                                    "before the plans were drawn up by the council's engineers.\n";
    wn_doc *d = parse(text);
    ck_types(d, "paragraph paragraph");
    ck_text(wn_block_text, blk(d, 0),
            "The committee spent most of the evening on the \xE2\x80\x9C"
            "budget,\xE2\x80\x9D which has "
            "grown by a third since the last election and now covers two new libraries and a "
            "swimming pool.");
    wn_doc_free(d);
}
END_TEST

START_TEST(space_runs_at_every_offset) {
    /* runs of spaces, tabs and no-break spaces wherever they fall relative to
     * eight-byte words collapse to one space */
    const char *const gaps[] = {"  ", " \t", "\t ", " \xC2\xA0", "   "};
    for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++)
        for (int k = 1; k < 24; k++) {
            char raw[128], want[128];
            snprintf(raw, sizeof raw,
                     "%.*s%sending with more words here x\xE2\x80\x9Cq\xE2\x80\x9D", k,
                     "abcdefghijklmnopqrstuvwxyz", gaps[g]);
            snprintf(want, sizeof want,
                     "%.*s ending with more words here x\xE2\x80\x9Cq\xE2\x80\x9D", k,
                     "abcdefghijklmnopqrstuvwxyz");
            expect_clean(raw, want, WN_OPT_DEFAULT);
        }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("clean");
    TCase *tc = tcase_create("clean");
    tcase_add_test(tc, spaces_collapse);
    tcase_add_test(tc, specials_at_every_offset);
    tcase_add_test(tc, news_punctuation_only_lines);
    tcase_add_test(tc, news_punctuation_beside_other_bytes);
    tcase_add_test(tc, wrapped_lines_cleaned_together);
    tcase_add_test(tc, invisible_characters);
    tcase_add_test(tc, replacements_fill_their_room);
    tcase_add_test(tc, invalid_utf8_becomes_replacement);
    tcase_add_test(tc, nfc);
    tcase_add_test(tc, character_references);
    tcase_add_test(tc, controls_are_spaces);
    tcase_add_test(tc, quotes_and_dashes_kept);
    tcase_add_test(tc, space_runs_at_every_offset);
    tcase_add_test(tc, general_punctuation_each);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
