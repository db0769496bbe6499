/* Unit tests of timestamp lines and their ISO values. */
#include "unit.h"

static void expect_value(const char *line, const char *iso) {
    char buf[512];
    snprintf(buf, sizeof buf,
             "Harbour ferry makes first crossing in a decade\n%s\n"
             "The first ferry in ten years crossed the bay on Tuesday.\n",
             line);
    wn_doc *d = parse(buf);
    const wn_block *t = find(d, WN_BLOCK_TIMESTAMP, 0);
    ck_assert_msg(t != NULL, "no timestamp for \"%s\"", line);
    ck_assert_pstr_eq(wn_block_value(t, NULL), iso);
    ck_assert_pstr_eq(wn_block_text(t, NULL), line);
    ck_assert_pstr_eq(wn_doc_published(d, NULL), iso);
    wn_doc_free(d);
}

START_TEST(dated_lines) {
    expect_value("June 4, 2021", "2021-06-04");
    expect_value("Published: Jun. 4, 2021 at 9:15 a.m. ET", "2021-06-04T09:15");
    expect_value("Friday, 4 June 2021 21:07 BST", "2021-06-04T21:07");
    expect_value("Updated 2021-06-04T21:07:33+02:00", "2021-06-04T21:07:33+02:00");
    expect_value("Sept. 30, 2020 - 10:05 pm", "2020-09-30T22:05");
    expect_value("06/04/2021 11:30 AM", "2021-06-04T11:30");
    expect_value("12:40, Fri, Jun 4, 2021 | UPDATED: 13:02, Fri, Jun 4, 2021", "2021-06-04T12:40");
}
END_TEST

START_TEST(undated_times) {
    expect_value("Updated at 1:23 p.m.", NULL);
    expect_value("9 p.m.", NULL);
    expect_value("5 hours ago", NULL);
}
END_TEST

START_TEST(not_timestamps) {
    wn_doc *d = parse("The vote is set for June 4, 2021, the council said.\n"
                      "June was the wettest month on record.\n"
                      "2021\n");
    ck_assert_ptr_null(find(d, WN_BLOCK_TIMESTAMP, 0));
    wn_doc_free(d);
}
END_TEST

START_TEST(impossible_dates) {
    wn_doc *d = parse("Harbour ferry makes first crossing in a decade\nFebruary 30, 2021\n"
                      "The first ferry in ten years crossed the bay.\n");
    ck_assert_ptr_null(find(d, WN_BLOCK_TIMESTAMP, 0));
    wn_doc_free(d);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("timestamp");
    TCase *tc = tcase_create("timestamp");
    tcase_add_test(tc, dated_lines);
    tcase_add_test(tc, undated_times);
    tcase_add_test(tc, not_timestamps);
    tcase_add_test(tc, impossible_dates);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
