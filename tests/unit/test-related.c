/* Unit tests of links to other stories. */
#include "unit.h"

static const char *const lede =
    "The county opened its new bridge over the Weir river on Tuesday.\n";
static const char *const body = "Traffic engineers expect about 3,000 vehicles a day to use it.\n";

static wn_doc *between(const char *lines) {
    char buf[2048];
    snprintf(buf, sizeof buf, "%s%s%s", lede, lines, body);
    return parse(buf);
}

START_TEST(labelled) {
    const char *const cases[][3] = {
        {"RELATED: County approves bridge budget after long debate\n", "RELATED",
         "County approves bridge budget after long debate"},
        {"Read more: Why the old bridge had to close\n", "Read more",
         "Why the old bridge had to close"},
        {"[Read more: Farmers count the cost of detours]\n", "Read more",
         "Farmers count the cost of detours"},
        {"SEE ALSO: A short history of the Weir crossings\n", "SEE ALSO",
         "A short history of the Weir crossings"},
        {"[ READ MORE: Where the detour signs will go ]\n", "READ MORE",
         "Where the detour signs will go"},
        {"(Graphic: Bridge traffic since 2010 - here)\n", "Graphic",
         "Bridge traffic since 2010 - here"},
        {"ALSO READ | Ferry service to resume once the bridge opens\n", "ALSO READ",
         "Ferry service to resume once the bridge opens"},
        {"Read more \xE2\x80\x94 Who pays for the bridge upkeep\n", "Read more",
         "Who pays for the bridge upkeep"},
        {"DON\xE2\x80\x99T MISS Ten walks along the Weir this autumn\n", "DON\xE2\x80\x99T MISS",
         "Ten walks along the Weir this autumn"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_doc *d = between(cases[i][0]);
        ck_types(d, "paragraph related paragraph");
        ck_text(wn_block_label, blk(d, 1), cases[i][1]);
        ck_text(wn_block_title, blk(d, 1), cases[i][2]);
        ck_assert_ptr_null(wn_block_text(blk(d, 1), NULL));
        wn_doc_free(d);
    }
}
END_TEST

START_TEST(url_line_belongs_to_link) {
    wn_doc *d = between("RELATED: County approves bridge budget\n\n"
                        "https://www.example-news.org/local/bridge-budget-2021.html\n");
    ck_types(d, "paragraph related paragraph");
    ck_text(wn_block_url, blk(d, 1), "https://www.example-news.org/local/bridge-budget-2021.html");
    wn_doc_free(d);
}
END_TEST

START_TEST(group_header_and_links) {
    wn_doc *d = between("MORE FROM THE LEDGER\n"
                        "Farmers count the cost of detours\n"
                        "Inside the workshop that built the new span\n"
                        "Five bridges that changed the county\n");
    ck_types(d, "paragraph noise related related related paragraph");
    ck_text(wn_block_reason, blk(d, 1), "boilerplate");
    ck_assert_ptr_null(wn_block_label(blk(d, 2), NULL));
    ck_text(wn_block_title, blk(d, 3), "Inside the workshop that built the new span");
    wn_doc_free(d);
}
END_TEST

START_TEST(header_with_colon_alone) {
    wn_doc *d = between("Read more:\n");
    ck_types(d, "paragraph noise paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(link_card_with_slug) {
    wn_doc *d = between("Bridge Builders Race The Winter Frost\n"
                        "LOCAL NEWS\n"
                        "Bridge Builders Race The Winter Frost\n");
    ck_types(d, "paragraph related noise noise paragraph");
    ck_text(wn_block_reason, blk(d, 3), "duplicate");
    wn_doc_free(d);
}
END_TEST

START_TEST(kicker_headline_between_paragraphs) {
    wn_doc *d =
        between("Long delays: Commuters spent a combined million hours on detours last year\n");
    ck_types(d, "paragraph related paragraph");
    ck_text(wn_block_title, blk(d, 1),
            "Long delays: Commuters spent a combined million hours on detours last year");
    wn_doc_free(d);
}
END_TEST

/* A title ending in a gallery or video tag, in any case, between
 * paragraphs is a link to another story; without the tag it is not. */
START_TEST(gallery_tags_between_paragraphs) {
    static const char *const tagged[] = {
        "Harbour Festival Boats In Pictures\n", "Ferry Crew Rescue Drill [Video]\n",
        "Storm Hits The Coast \xE2\x80\x93 Live\n", "Night Market Opens (Photos)\n"};
    for (size_t k = 0; k < sizeof tagged / sizeof tagged[0]; k++) {
        wn_doc *d = between(tagged[k]);
        ck_types(d, "paragraph related paragraph");
        wn_doc_free(d);
    }
    wn_doc *d = between("Harbour Festival Boats In The Rain\n");
    ck_assert_int_ne(wn_block_type(blk(d, 1)), WN_BLOCK_RELATED);
    wn_doc_free(d);
}
END_TEST

START_TEST(bulleted_titles_after_the_story) {
    wn_doc *d = parse("The county opened its new bridge over the Weir river on Tuesday.\n"
                      "Traffic engineers expect about 3,000 vehicles a day to use it.\n"
                      "- Five Bridges That Changed The County\n"
                      "- Photos: Building The New Weir Crossing\n"
                      "Follow the Ledger on Facebook.\n");
    ck_types(d, "paragraph paragraph related related noise");
    ck_text(wn_block_title, blk(d, 2), "Five Bridges That Changed The County");
    wn_doc_free(d);
}
END_TEST

/* Two bullets between two paragraphs and a prompt. */
static wn_doc *two_bullets(const char *first, const char *second) {
    char text[512];
    snprintf(text, sizeof text,
             "The county opened its new bridge over the Weir river on Tuesday.\n"
             "Traffic engineers expect about 3,000 vehicles a day to use it.\n"
             "- %s\n- %s\nFollow the Ledger on Facebook.\n",
             first, second);
    return parse(text);
}

/* Title Case leaves short function words in lower case ("of", "the",
 * "in", "with"): such titles are titles all the same. Small words in
 * capitals ("At The") are still small words: without them the second pair
 * of bullets has one capitalised word in two and stays a list. */
START_TEST(bulleted_titles_with_small_words) {
    wn_doc *d = two_bullets("Five Bridges of the County and the Towns Between",
                            "A Guide to the New Crossing in Pictures, with Maps");
    ck_types(d, "paragraph paragraph related related noise");
    ck_text(wn_block_title, blk(d, 3), "A Guide to the New Crossing in Pictures, with Maps");
    wn_doc_free(d);
    d = two_bullets("Lunch At The Pier and a walk", "Dinner On The Quay with a view");
    ck_types(d, "paragraph paragraph list noise");
    wn_doc_free(d);
}
END_TEST

/* Every small word, in lower case between capitalised words, keeps a
 * bulleted title a title; other short words in lower case do not: two
 * of four words after the first are too few capitals. */
START_TEST(each_small_word_keeps_titles) {
    static const char *const small[] = {
        "a",    "&",    "an",   "of",   "in",   "on",   "at",   "to",   "by",  "up",  "as",
        "is",   "if",   "it",   "de",   "la",   "le",   "vs",   "or",   "so",  "the", "and",
        "but",  "nor",  "for",  "yet",  "off",  "per",  "via",  "out",  "von", "van", "der",
        "with", "from", "into", "onto", "over", "than", "that", "upon", "amid"};
    static const char *const other[] = {"cat", "dog", "boat", "sun",  "red", "big", "new",
                                        "old", "few", "two",  "ship", "sea", "key", "mill"};
    char a[96], b[96];
    for (size_t k = 0; k < sizeof small / sizeof small[0] + sizeof other / sizeof other[0]; k++) {
        int is_small = k < sizeof small / sizeof small[0];
        const char *w = is_small ? small[k] : other[k - sizeof small / sizeof small[0]];
        snprintf(a, sizeof a, "Bridges %s Towns %s Rivers", w, w);
        snprintf(b, sizeof b, "Ferries %s Quays %s Harbours", w, w);
        wn_doc *d = two_bullets(a, b);
        char got[256];
        types_of(d, got, sizeof got);
        const char *want = is_small ? "paragraph paragraph related related noise"
                                    : "paragraph paragraph list noise";
        ck_assert_msg(strcmp(got, want) == 0, "\"%s\": got %s", w, got);
        wn_doc_free(d);
    }
}
END_TEST

/* Two short lines after the last paragraph, not after junk: links when
 * every one is in Title Case, story text when they read as sentences. */
START_TEST(title_case_run_after_the_story) {
    static const char *const story =
        "Harbour ferry makes first crossing in a decade\n\n"
        "The first ferry in ten years crossed the bay on Tuesday, the operator said.\n\n"
        "Tickets for the summer sold out within two days, and more sailings are planned.\n\n";
    char text[512];
    snprintf(text, sizeof text, "%s%s", story,
             "Island Bus Timetable Changes For Summer\n\n"
             "Lighthouse Museum Reopens After Long Repairs\n");
    wn_doc *d = parse(text);
    ck_types(d, "headline paragraph paragraph related related");
    wn_doc_free(d);
    snprintf(text, sizeof text, "%s%s", story,
             "Island bus timetable changes for summer\n\n"
             "Lighthouse museum reopens after long repairs\n");
    d = parse(text);
    ck_types(d, "headline paragraph paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

/* A kicker headline after such a run is a link itself, and no story
 * text: the run before it is still after the story. */
START_TEST(title_case_run_before_a_kicker) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\n\n"
                      "The first ferry in ten years crossed the bay on Tuesday, the operator "
                      "said.\n\n"
                      "Tickets for the summer sold out within two days, and more sailings are "
                      "planned.\n\n"
                      "Island Bus Timetable Changes For Summer\n\n"
                      "Lighthouse Museum Reopens After Long Repairs\n\n"
                      "Harbour notes: Gulls return to the pier as the summer season starts\n");
    ck_types(d, "headline paragraph paragraph related related related");
    wn_doc_free(d);
}
END_TEST

START_TEST(run_in_label_is_paragraph) {
    wn_doc *d =
        between("Analysis: the numbers suggest the bridge will pay for itself within a decade.\n");
    ck_types(d, "paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(capitalised_opening_is_paragraph) {
    const char *const cases[] = {
        "MORE drivers than ever used the crossing in its first week.\n",
        "MORE Britons than expected crossed the Weir by bridge on its first day.\n",
        "LATEST figures show the bridge carried 21,000 cars in a week.\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_doc *d = between(cases[i]);
        ck_types(d, "paragraph paragraph paragraph");
        wn_doc_free(d);
    }
}
END_TEST

START_TEST(heading_of_a_link_box) {
    wn_doc *d = between("Related Internet Links\n"
                        "Millbrook Harbour Authority\n"
                        "Weir Valley Tourism\n");
    ck_types(d, "paragraph noise related related paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("related");
    TCase *tc = tcase_create("related");
    tcase_add_test(tc, labelled);
    tcase_add_test(tc, url_line_belongs_to_link);
    tcase_add_test(tc, group_header_and_links);
    tcase_add_test(tc, header_with_colon_alone);
    tcase_add_test(tc, link_card_with_slug);
    tcase_add_test(tc, kicker_headline_between_paragraphs);
    tcase_add_test(tc, title_case_run_before_a_kicker);
    tcase_add_test(tc, gallery_tags_between_paragraphs);
    tcase_add_test(tc, bulleted_titles_after_the_story);
    tcase_add_test(tc, bulleted_titles_with_small_words);
    tcase_add_test(tc, each_small_word_keeps_titles);
    tcase_add_test(tc, title_case_run_after_the_story);
    tcase_add_test(tc, run_in_label_is_paragraph);
    tcase_add_test(tc, capitalised_opening_is_paragraph);
    tcase_add_test(tc, heading_of_a_link_box);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
