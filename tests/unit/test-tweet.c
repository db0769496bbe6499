/* Unit tests of embedded posts. */
#include "unit.h"

START_TEST(text_line_then_attribution) {
    wn_doc *d =
        parse("Residents crowded the pier as the first ferry left on time.\n"
              "Proud of our crew today, first sailing on schedule! pic.twitter.com/AbCdEf123\n"
              "\xE2\x80\x94 Harbour Ferries (@HarbourFerries) June 4, 2021\n"
              "The company plans four more sailings a day from July.\n");
    ck_types(d, "paragraph tweet paragraph");
    const wn_block *t = blk(d, 1);
    ck_text(wn_block_text, t,
            "Proud of our crew today, first sailing on schedule! pic.twitter.com/AbCdEf123");
    ck_text(wn_block_author, t, "Harbour Ferries");
    ck_text(wn_block_handle, t, "HarbourFerries");
    ck_text(wn_block_date, t, "2021-06-04");
    ck_assert_uint_eq(wn_block_links_count(t), 1);
    ck_assert_pstr_eq(wn_block_links_at(t, 0, NULL), "pic.twitter.com/AbCdEf123");
    wn_doc_free(d);
}
END_TEST

START_TEST(whole_post_on_one_line) {
    wn_doc *d =
        parse("The mayor replied within minutes.\n"
              "We will fix the potholes on Elm Street this week. https://t.co/Xy12Ab \xE2\x80\x93 "
              "Mayor Jo Park (@MayorJoPark) 3 March 2020\n"
              "Crews were seen on the street the next morning.\n");
    ck_types(d, "paragraph tweet paragraph");
    const wn_block *t = blk(d, 1);
    ck_text(wn_block_text, t,
            "We will fix the potholes on Elm Street this week. https://t.co/Xy12Ab");
    ck_text(wn_block_author, t, "Mayor Jo Park");
    ck_text(wn_block_handle, t, "MayorJoPark");
    ck_text(wn_block_date, t, "2020-03-03");
    ck_assert_pstr_eq(wn_block_links_at(t, 0, NULL), "https://t.co/Xy12Ab");
    wn_doc_free(d);
}
END_TEST

START_TEST(glued_link_is_found) {
    wn_doc *d = parse("Ferry timetable for the summer season is outhttps://t.co/Qw3rTy\n"
                      "- Harbour Ferries (@HarbourFerries) May 30, 2021\n");
    const wn_block *t = must_find(d, WN_BLOCK_TWEET, 0);
    ck_assert_uint_eq(wn_block_links_count(t), 1);
    ck_assert_pstr_eq(wn_block_links_at(t, 0, NULL), "https://t.co/Qw3rTy");
    wn_doc_free(d);
}
END_TEST

START_TEST(run_of_posts_same_attribution) {
    wn_doc *d = parse("He posted twice that evening.\n"
                      "The first part of a long thought about the harbour...\n"
                      "\xE2\x80\x94 Sam Reed (@samreed) April 2, 2019\n"
                      "...and the second part, which ends the thought.\n"
                      "\xE2\x80\x94 Sam Reed (@samreed) April 2, 2019\n"
                      "Neither post was deleted.\n");
    ck_types(d, "paragraph tweet tweet paragraph");
    ck_text(wn_block_text, blk(d, 2), "...and the second part, which ends the thought.");
    wn_doc_free(d);
}
END_TEST

START_TEST(attribution_without_full_date) {
    wn_doc *d = parse("Quiet morning at the market today. \xE2\x80\x94 Ana Ruiz (@anaruiz) 2019\n");
    const wn_block *t = must_find(d, WN_BLOCK_TWEET, 0);
    ck_assert_ptr_null(wn_block_date(t, NULL));
    ck_text(wn_block_handle, t, "anaruiz");
    wn_doc_free(d);
}
END_TEST

START_TEST(entity_dash) {
    wn_doc *d = parse("Polls close at eight tonight. &mdash; Election Desk (@ElectionDesk) "
                      "November 3, 2020\n");
    const wn_block *t = must_find(d, WN_BLOCK_TWEET, 0);
    ck_text(wn_block_author, t, "Election Desk");
    ck_text(wn_block_date, t, "2020-11-03");
    wn_doc_free(d);
}
END_TEST

START_TEST(handle_in_running_text_is_no_tweet) {
    wn_doc *d =
        parse("The agency (@CityWater) said the outage would last two days.\n"
              "Repairs began on Monday, a spokesperson (@cw_press) added in a statement.\n");
    ck_types(d, "paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

/* The search for the handle's '@' near the end of a line reads the bytes
 * in blocks: an attribution is found wherever its '@' falls among them,
 * on lines shorter than the bytes searched and on longer ones. */
START_TEST(handle_found_at_every_offset) {
    static const char post[] = "Boats stayed in port all day as the wind rose along the coast and "
                               "the harbour master closed the channel to small craft";
    char line[512];
    for (int len = 1; len < (int)sizeof post; len++) {
        snprintf(line, sizeof line, "%.*s \xE2\x80\x94 Lu Ma (@luma) 2019\n", len, post);
        wn_doc *d = parse(line);
        const wn_block *t = find(d, WN_BLOCK_TWEET, 0);
        ck_assert_msg(t != NULL, "no tweet with %d bytes of post", len);
        ck_text(wn_block_handle, t, "luma");
        wn_doc_free(d);
    }
}
END_TEST

/* Attribution lines of 9 to 18 bytes: the handle is looked for byte by
 * byte below sixteen and in blocks from there. */
START_TEST(short_attribution_lines) {
    static const char handle[] = "abcdefgh";
    char text[256];
    for (int name = 1; name <= 3; name++) {
        for (int len = 1; len < (int)sizeof handle; len++) {
            snprintf(text, sizeof text,
                     "Rain fell on the valley towns for a whole week.\n"
                     "\xE2\x80\x94 %.*s (@%.*s)\n",
                     name, "Ali", len, handle);
            wn_doc *d = parse(text);
            const wn_block *t = find(d, WN_BLOCK_TWEET, 0);
            ck_assert_msg(t != NULL, "no tweet with a name of %d and a handle of %d bytes", name,
                          len);
            ck_assert_uint_eq(wn_block_handle(t, NULL) ? strlen(wn_block_handle(t, NULL)) : 0,
                              (unsigned)len);
            wn_doc_free(d);
        }
    }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("tweet");
    TCase *tc = tcase_create("tweet");
    tcase_add_test(tc, text_line_then_attribution);
    tcase_add_test(tc, whole_post_on_one_line);
    tcase_add_test(tc, glued_link_is_found);
    tcase_add_test(tc, run_of_posts_same_attribution);
    tcase_add_test(tc, attribution_without_full_date);
    tcase_add_test(tc, entity_dash);
    tcase_add_test(tc, handle_in_running_text_is_no_tweet);
    tcase_add_test(tc, handle_found_at_every_offset);
    tcase_add_test(tc, short_attribution_lines);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
