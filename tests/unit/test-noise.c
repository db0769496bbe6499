/* Unit tests of noise lines: separators, counters, share prompts, boilerplate. */
#include "unit.h"

/* The line between two sentences of a story, parsed. */
static wn_doc *parse_between(const char *line) {
    char buf[1024];
    snprintf(buf, sizeof buf,
             "The council approved the plan on a narrow vote late on Monday night.\n"
             "%s\n"
             "Opponents said they would appeal the decision in the regional court.\n",
             line);
    return parse(buf);
}

static void expect_noise(const char *line, const char *reason) {
    wn_doc *d = parse_between(line);
    ck_assert_msg(wn_doc_block_count(d) == 3, "%s: %zu blocks", line, wn_doc_block_count(d));
    ck_assert_msg(wn_block_type(blk(d, 1)) == WN_BLOCK_NOISE, "%s: got %s", line,
                  type_name_at(d, 1));
    ck_text(wn_block_reason, blk(d, 1), reason);
    wn_doc_free(d);
}

START_TEST(separators) {
    expect_noise("___", "separator");
    expect_noise("* * *", "separator");
    expect_noise("-", "separator");
    expect_noise("\xE2\x80\xA2", "separator");
}
END_TEST

/* A rule of 70 dashes is a separator; one letter or digit anywhere in it
 * (every offset, both ends of each class's range) makes it text. Letters
 * and digits are counted sixteen bytes at a time, the rest byte by byte. */
START_TEST(one_letter_in_a_rule) {
    expect_noise("----------------------------------------------------------------------",
                 "separator");
    static const char marks[] = {'A', 'Z', 'a', 'z', '0', '9'};
    for (size_t m = 0; m < sizeof marks; m++)
        for (size_t at = 0; at < 70; at++) {
            char line[72];
            memset(line, '-', 70);
            line[70] = '\0';
            line[at] = marks[m];
            wn_doc *d = parse_between(line);
            ck_assert_msg(wn_doc_block_count(d) == 3 && wn_block_type(blk(d, 1)) != WN_BLOCK_NOISE,
                          "'%c' at %zu: %s", marks[m], at, type_name_at(d, 1));
            wn_doc_free(d);
        }
}
END_TEST

START_TEST(counters) {
    expect_noise("0", "counter");
    expect_noise("1,284 Comments", "counter");
    expect_noise("12k SHARES SHARE THIS ARTICLE", "counter");
    expect_noise("350 Retweets", "counter");
}
END_TEST

START_TEST(share_prompts) {
    expect_noise("Share this article", "share");
    expect_noise("Follow the Weekly Ledger on Twitter and Instagram", "share");
    expect_noise("Subscribe to our podcast for the week's best interviews!", "share");
    expect_noise("Email Facebook Twitter Print", "share");
}
END_TEST

START_TEST(boilerplate) {
    expect_noise("Advertisement", "boilerplate");
    expect_noise("ADVERTISEMENT", "boilerplate");
    expect_noise("Story continues below", "boilerplate");
    expect_noise("Continue reading below", "boilerplate");
    expect_noise("Home \xC2\xBB Local News \xC2\xBB Millbrook", "boilerplate");
    expect_noise("News > Region > Council", "boilerplate");
    expect_noise("Sport \xE2\x80\xBA Rowing \xE2\x80\xBA Regatta results", "boilerplate");
    expect_noise("Article continues below this advertisement", "boilerplate");
    expect_noise("Advertisement - scroll to keep reading", "boilerplate");
    expect_noise("https://www.example-news.org/2021/05/harbour-vote.html", "boilerplate");
    expect_noise("desk.editor@example-news.org", "boilerplate");
    expect_noise("We may earn a commission through affiliate links on this page.", "boilerplate");
    expect_noise("Sign up for our morning newsletter to get stories like this in your inbox.",
                 "share");
}
END_TEST

START_TEST(contact_and_provenance_lines) {
    expect_noise("Write to Jane Doe at jane.doe@example-news.org", "boilerplate");
    expect_noise("Email the author at desk@example-news.org or follow her on Twitter.",
                 "boilerplate");
    expect_noise("This story was originally published on Example News.", "boilerplate");
    expect_noise("View this post on Instagram", "boilerplate");
}
END_TEST

START_TEST(gallery_and_player_chrome) {
    expect_noise("Enlarge this image", "boilerplate");
    expect_noise("toggle caption", "boilerplate");
    expect_noise("Show Thumbnails", "boilerplate");
    expect_noise("3 of 12", "counter");
}
END_TEST

START_TEST(story_text_is_not_noise) {
    wn_doc *d = parse("The council approved the plan on a narrow vote.\n"
                      "Follow the money, the auditor told members, and you will find the answer.\n"
                      "Share prices of the builder rose by 4 percent after the vote.\n"
                      "The advertisement ran for six weeks on local radio.\n");
    ck_types(d, "paragraph paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

/* A line telling readers where to write is boilerplate when an e-mail
 * address is in it, '@' and a dot after it; the full stop that ends the
 * line is not that dot, in a line of a dozen words or of 25 (the longest
 * such a line may be). */
START_TEST(closing_full_stop_is_not_an_address) {
    static const char *const lines[] = {
        "Email your questions for the mayor to the desk at tips@newsroom.",
        "Email your questions about the budget, the new bus routes, the parks and the school "
        "plans for the mayor to the city desk at tips@newsroom."};
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        wn_doc *d = parse_between(lines[k]);
        ck_types(d, "paragraph paragraph paragraph");
        wn_doc_free(d);
    }
}
END_TEST

/* A short line between two pieces of junk is junk too, unless story text
 * follows the junk; a line with a block of another kind after it (a
 * link) is not between two pieces of junk. `rest` follows a paragraph, a
 * prompt and the short line; the types of the document are `want`, and
 * the short line's reason `reason` when it is junk (NULL: it is not). */
static void after_prompt_and_short_line(const char *rest, const char *want, const char *reason) {
    char text[512];
    snprintf(text, sizeof text,
             "The ferry will run twice a day until September, the operator said.\n"
             "Advertisement\nHarbour notes\n%s",
             rest);
    wn_doc *d = parse(text);
    ck_types(d, want);
    if (reason)
        ck_text(wn_block_reason, blk(d, 2), reason);
    wn_doc_free(d);
}

START_TEST(short_line_between_junk) {
    after_prompt_and_short_line("Share this article\n", "paragraph noise noise noise",
                                "boilerplate");
    after_prompt_and_short_line("Share this article\n"
                                "The operator expects the first sailing to be full on Monday.\n",
                                "paragraph noise paragraph noise paragraph", NULL);
    after_prompt_and_short_line("RELATED: County approves bridge budget after long debate\n"
                                "The operator expects the first sailing to be full on Monday.\n",
                                "paragraph noise paragraph related paragraph", NULL);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("noise");
    TCase *tc = tcase_create("noise");
    tcase_add_test(tc, separators);
    tcase_add_test(tc, one_letter_in_a_rule);
    tcase_add_test(tc, counters);
    tcase_add_test(tc, share_prompts);
    tcase_add_test(tc, boilerplate);
    tcase_add_test(tc, contact_and_provenance_lines);
    tcase_add_test(tc, gallery_and_player_chrome);
    tcase_add_test(tc, story_text_is_not_noise);
    tcase_add_test(tc, closing_full_stop_is_not_an_address);
    tcase_add_test(tc, short_line_between_junk);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
