/*
 * test-invariants.c - generated and hostile input: whatever the bytes, a
 * parse succeeds, its spans cover every non-space byte exactly once, its
 * strings are valid UTF-8 and its JSON is valid.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "wntest.h"

static void check_bytes(const char *in, size_t len) {
    char err[256];
    ck_assert_msg(wnt_parse_check(in, len, err, sizeof err), "%s", err);
    /* and with every option combination */
    ck_assert_msg(wnt_parse_check_options(in, len, NULL, err, sizeof err), "%s", err);
}

/* xorshift64*: reproducible pseudo-random bytes */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

START_TEST(random_bytes) {
    char buf[4096];
    for (int round = 0; round < 300; round++) {
        size_t len = (size_t)(rnd() % sizeof buf);
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)(rnd() & 0xFF);
        check_bytes(buf, len);
    }
}
END_TEST

/* Pieces the recognizers look for, glued together at random. */
static const char *const tokens[] = {
    "\xE2\x80\x94 ",
    "(@",
    "pic.twitter.com/",
    "https://t.co/",
    "RELATED: ",
    "Read more:",
    "(AP) ",
    "WASHINGTON ",
    "March 18, 2025",
    "By ",
    "Jane Doe",
    " and ",
    "\n",
    "\r\n",
    "\r",
    "  ",
    "\t",
    "&mdash;",
    "&#8217;",
    "&amp",
    "&#x1F600;",
    "Image copyright",
    "Image caption",
    "Getty Images",
    "(Photo by ",
    ")",
    "Credit: ",
    "REUTERS/",
    "- ",
    "* ",
    "1. ",
    "\xE2\x80\xA2 ",
    "___",
    "0",
    "7k SHARES",
    "Advertisement",
    "Story highlights",
    "Reporting by ",
    "; Editing by ",
    " contributed to this report.",
    "10 p.m.",
    "2019-11-19T08:57:40+01:00",
    "The",
    "Council",
    "said",
    ".",
    ",",
    ":",
    "?",
    "\xE2\x80\x9C",
    "\xE2\x80\x9D",
    "\xC2\xA0",
    "\xE2\x80\x8B",
    "\xEF\xBB\xBF",
    "\xCC\x81",
    "e\xCC\x81",
    "\xFF",
    "\xC3",
    "\xED\xA0\x80",
    "\xF0\x9F\x98",
    "\0",
    "www.example.org",
    "@user",
    "#tag",
    "...",
    "\xE2\x80\xA6",
    "[",
    "]",
    "(",
    "|",
    "/",
    "PUBLISHED:",
    "Updated",
    "ALL CAPS LINE",
    "In pictures",
    "[Video]",
    "Follow us on Twitter",
};

START_TEST(token_soup) {
    char buf[8192];
    size_t ntok = sizeof tokens / sizeof tokens[0];
    for (int round = 0; round < 1500; round++) {
        size_t len = 0, want = (size_t)(rnd() % 2000);
        while (len < want) {
            const char *t = tokens[rnd() % ntok];
            size_t tl = t[0] ? strlen(t) : 1; /* the "\0" token is one NUL byte */
            if (len + tl > sizeof buf)
                break;
            memcpy(buf + len, t, tl);
            len += tl;
        }
        check_bytes(buf, len);
    }
}
END_TEST

START_TEST(every_byte_value) {
    char buf[256 * 3];
    for (int i = 0; i < 256; i++) {
        buf[3 * i] = (char)i;
        buf[3 * i + 1] = ' ';
        buf[3 * i + 2] = (char)(255 - i);
    }
    check_bytes(buf, sizeof buf);
    for (int i = 0; i < 256; i++) {
        char one = (char)i;
        check_bytes(&one, 1);
    }
}
END_TEST

START_TEST(invalid_utf8_classes) {
    static const char *const bad[] = {
        "\x80",
        "\xBF",
        "\xC0\xAF",
        "\xC1\xBF",
        "\xE0\x80\xAF",
        "\xE0\x9F\xBF",
        "\xED\xA0\x80",
        "\xED\xBF\xBF",
        "\xF0\x80\x80\xAF",
        "\xF4\x90\x80\x80",
        "\xF5\x80\x80\x80",
        "\xFE",
        "\xFF",
        "\xC2",
        "\xE2\x82",
        "\xF0\x9F\x98",
        "\xC2\xC2",
        "\xE2\x28\xA1",
        "\xF8\x88\x80\x80\x80",
    };
    char buf[256];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int n =
            snprintf(buf, sizeof buf, "Text before %s text after.\n%s\n%s", bad[i], bad[i], bad[i]);
        check_bytes(buf, (size_t)n);
    }
}
END_TEST

START_TEST(cr_only_and_nul) {
    const char cr[] = "Title of the story here\r\rFirst paragraph of it.\rSecond one.\r\r\r";
    check_bytes(cr, sizeof cr - 1);
    const char nul[] = "\0\0\0\n\0 \0\nText\0with\0NULs.\n\0";
    check_bytes(nul, sizeof nul - 1);
}
END_TEST

START_TEST(one_megabyte_line) {
    size_t n = 1 << 20;
    char *buf = malloc(n);
    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < n; i++)
        buf[i] = "The quick brown fox \xE2\x80\x94 jumps. "[i % 31];
    char err[256];
    ck_assert_msg(wnt_parse_check(buf, n, err, sizeof err), "%s", err);
    free(buf);
}
END_TEST

START_TEST(hundred_thousand_blank_lines) {
    size_t n = 100000;
    char *buf = malloc(n * 2 + 64);
    ck_assert_ptr_nonnull(buf);
    size_t len = 0;
    len += (size_t)sprintf(buf, "A headline line on top\n");
    for (size_t i = 0; i < n; i++) { /* empty lines, and some holding a space */
        if (i % 3 == 0)
            buf[len++] = ' ';
        buf[len++] = '\n';
    }
    len += (size_t)sprintf(buf + len, "The end.");
    char err[256];
    ck_assert_msg(wnt_parse_check(buf, len, err, sizeof err), "%s", err);
    free(buf);
}
END_TEST

START_TEST(many_short_lines) {
    /* 20,000 lines of patterns the recognizers react to */
    static const char *const lines[] = {
        "- item", "1. item", "(@x)",      "\xE2\x80\x94 A (@b) May 1, 2020", "RELATED:", "AD",
        "By A B", "10 p.m.", "X: y z w v"};
    size_t cap = 20000 * 40, len = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < 20000; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s\n", lines[rnd() % 9]);
    check_bytes(buf, len);
    free(buf);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("invariants");
    TCase *tc = tcase_create("invariants");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, random_bytes);
    tcase_add_test(tc, token_soup);
    tcase_add_test(tc, every_byte_value);
    tcase_add_test(tc, invalid_utf8_classes);
    tcase_add_test(tc, cr_only_and_nul);
    tcase_add_test(tc, one_megabyte_line);
    tcase_add_test(tc, hundred_thousand_blank_lines);
    tcase_add_test(tc, many_short_lines);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
