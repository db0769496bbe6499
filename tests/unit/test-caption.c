/* Unit tests of photo captions and credits. */
#include "unit.h"

static const wn_block *one_caption(wn_doc *d) {
    return must_find(d, WN_BLOCK_CAPTION, 0);
}

START_TEST(photo_by) {
    wn_doc *d = parse("Volunteers stack sandbags along the river in Millbrook on June 3, 2021. "
                      "(Photo by Dana Lee/Getty Images)\n"
                      "The river is expected to peak on Friday.\n");
    const wn_block *c = one_caption(d);
    ck_text(wn_block_text, c,
            "Volunteers stack sandbags along the river in Millbrook on June 3, 2021.");
    ck_text(wn_block_credit, c, "Dana Lee/Getty Images");
    wn_doc_free(d);
}
END_TEST

START_TEST(agency_in_parentheses) {
    wn_doc *d =
        parse("The river is expected to peak on Friday.\n"
              "Firefighters carry an elderly resident to a boat in the flooded square (AFP/Getty)\n"
              "More rain is forecast for the weekend.\n");
    ck_types(d, "paragraph caption paragraph");
    ck_text(wn_block_credit, blk(d, 1), "AFP/Getty");
    wn_doc_free(d);
}
END_TEST

START_TEST(acronym_is_not_a_credit) {
    wn_doc *d = parse("The rules were written by the Environmental Protection Agency (EPA)\n"
                      "They take effect next year.\n");
    ck_assert_ptr_null(find(d, WN_BLOCK_CAPTION, 0));
    wn_doc_free(d);
}
END_TEST

START_TEST(credit_glued_to_text) {
    wn_doc *d = parse("4 A rescue boat waits beside the flooded high streetCredit: PA\n");
    const wn_block *c = one_caption(d);
    ck_text(wn_block_text, c, "A rescue boat waits beside the flooded high street");
    ck_text(wn_block_credit, c, "PA");
    wn_doc_free(d);
}
END_TEST

START_TEST(agency_slash_name) {
    wn_doc *d = parse("A worker checks the gauge at the dam near Millbrook, June 3, 2021. "
                      "REUTERS/Sam Okafor\n");
    ck_text(wn_block_credit, one_caption(d), "REUTERS/Sam Okafor");
    wn_doc_free(d);
}
END_TEST

START_TEST(credit_alone) {
    wn_doc *d = parse("The river is expected to peak on Friday.\nGetty Images\n"
                      "More rain is forecast for the weekend.\n");
    ck_types(d, "paragraph caption paragraph");
    ck_text(wn_block_text, blk(d, 1), "");
    ck_text(wn_block_credit, blk(d, 1), "Getty Images");
    wn_doc_free(d);
}
END_TEST

START_TEST(image_copyright_group) {
    wn_doc *d = parse("The river is expected to peak on Friday.\n\n"
                      "     Image copyright\n     Alamy\n\n\n     Image caption\n\n"
                      "       The old bridge was closed in 2019\n\n"
                      "More rain is forecast for the weekend.\n");
    ck_types(d, "paragraph caption paragraph");
    ck_text(wn_block_text, blk(d, 1), "The old bridge was closed in 2019");
    ck_text(wn_block_credit, blk(d, 1), "Alamy");
    wn_doc_free(d);
}
END_TEST

START_TEST(glued_agency_after_full_stop) {
    wn_doc *d =
        parse("Markets Today\nTraders watch screens on the exchange floor in Frankfurt.Reuters\n"
              "Stocks fell for a third day on Tuesday.\n");
    const wn_block *c = one_caption(d);
    ck_text(wn_block_credit, c, "Reuters");
    ck_text(wn_block_text, c, "Traders watch screens on the exchange floor in Frankfurt.");
    wn_doc_free(d);
}
END_TEST

START_TEST(credit_after_the_last_sentence) {
    wn_doc *d = parse("Passengers wave from the deck on Sunday. Photo by Dana Lee/Reuters\n"
                      "Crowds gather at the pier on June 1, 2021. AP Photo/Rosa Lind\n"
                      "A photo by the harbour master showed the damage to the pier last winter.\n");
    ck_types(d, "caption caption paragraph");
    ck_text(wn_block_text, blk(d, 0), "Passengers wave from the deck on Sunday.");
    ck_text(wn_block_credit, blk(d, 0), "Dana Lee/Reuters");
    ck_text(wn_block_credit, blk(d, 1), "AP Photo/Rosa Lind");
    wn_doc_free(d);
}
END_TEST

START_TEST(labels_with_commas) {
    /* the later layout: a comma after each label, the credit as "Image source" */
    wn_doc *d = parse("The river is expected to peak on Friday.\n"
                      "Image source, Alamy\n"
                      "Image caption, The old bridge was closed in 2019\n"
                      "More rain is forecast for the weekend.\n"
                      "Media caption, Watch: the water rises under the old bridge\n"
                      "Crews will inspect the bridge once the water falls.\n");
    ck_types(d, "paragraph caption paragraph caption paragraph");
    ck_text(wn_block_text, blk(d, 1), "The old bridge was closed in 2019");
    ck_text(wn_block_credit, blk(d, 1), "Alamy");
    ck_text(wn_block_text, blk(d, 3), "Watch: the water rises under the old bridge");
    wn_doc_free(d);
}
END_TEST

START_TEST(garbled_line_is_no_caption) {
    /* bytes that are not UTF-8 (each becomes U+FFFD) around a credit cue:
     * mis-decoded text, not a photo credit */
    wn_doc *d = parse("The river is expected to peak on Friday.\n"
                      "\xFF\xFE\x80\x81 Photo: \xFA\xFB\xC0\xC1/Reuters \xF8\xF9\n"
                      "More rain is forecast for the weekend.\n");
    ck_types(d, "paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

START_TEST(long_garbled_line_is_no_caption) {
    /* the same past the length up to which lines are measured word by word:
     * 120 bytes that are not UTF-8 become 360 bytes of U+FFFD */
    char text[1024];
    size_t n = 0;
    n += (size_t)snprintf(text, sizeof text, "The river is expected to peak on Friday.\n");
    for (int k = 0; k < 30; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, "\xFF\xFE\x80\x81 ");
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "the bridge at dawn. (Photo: Jane Doe/Reuters)\n"
                          "More rain is forecast for the weekend.\n");
    wn_doc *d = parse_with(text, n, WN_OPT_DEFAULT);
    ck_types(d, "paragraph paragraph paragraph");
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("caption");
    TCase *tc = tcase_create("caption");
    tcase_add_test(tc, photo_by);
    tcase_add_test(tc, agency_in_parentheses);
    tcase_add_test(tc, acronym_is_not_a_credit);
    tcase_add_test(tc, credit_glued_to_text);
    tcase_add_test(tc, agency_slash_name);
    tcase_add_test(tc, credit_alone);
    tcase_add_test(tc, image_copyright_group);
    tcase_add_test(tc, glued_agency_after_full_stop);
    tcase_add_test(tc, credit_after_the_last_sentence);
    tcase_add_test(tc, labels_with_commas);
    tcase_add_test(tc, garbled_line_is_no_caption);
    tcase_add_test(tc, long_garbled_line_is_no_caption);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
