/* Unit tests of link finding (urls.c), including the URL cases of the
 * twitter-text conformance suite read from ../shared when it is there. */
#include "unit.h"

#include "internal.h"

/* The share of conformance cases that must agree (percent). */
#ifndef WN_CONFORMANCE_FLOOR
#define WN_CONFORMANCE_FLOOR 75
#endif

/* All links of s, joined with '|'. */
static void links_of(const char *s, char *out, size_t cap) {
    size_t n = strlen(s), pos = 0, a, e;
    out[0] = '\0';
    while (wn_next_link(s, n, &pos, &a, &e)) {
        if (out[0])
            strncat(out, "|", cap - strlen(out) - 1);
        size_t have = strlen(out), k = e - a;
        if (have + k + 1 > cap)
            break;
        memcpy(out + have, s + a, k);
        out[have + k] = '\0';
    }
}

#define ck_links(text, want)                                                                       \
    do {                                                                                           \
        char got_[512];                                                                            \
        links_of((text), got_, sizeof got_);                                                       \
        ck_assert_msg(strcmp(got_, (want)) == 0, "links of \"%s\": got \"%s\", want \"%s\"",       \
                      (text), got_, (want));                                                       \
    } while (0)

START_TEST(links_in_posts) {
    ck_links("new timetable https://t.co/Ab12Cd pic.twitter.com/Xy34Ef",
             "https://t.co/Ab12Cd|pic.twitter.com/Xy34Ef");
    ck_links("glued to a wordhttps://t.co/Ab12Cd.", "https://t.co/Ab12Cd");
    ck_links("(see http://example.com/a_(b)) and www.example.org.",
             "http://example.com/a_(b)|www.example.org");
    ck_links("bit.ly/3xYz and t.co/abc", "bit.ly/3xYz|t.co/abc");
    ck_links("no links: e.g. U.S. officials, 3.5 percent, foo.bar, a@b.com", "");
    ck_links("\xE2\x80\x9Chttps://example.com/x\xE2\x80\x9D", "https://example.com/x");
}
END_TEST

/* Unescape a double-quoted YAML string starting at s (after the quote). */
static int yaml_string(const char **s, char *out, size_t cap) {
    size_t n = 0;
    const char *p = *s;
    while (*p && *p != '"') {
        char c = *p++;
        if (c == '\\') {
            char e = *p++;
            if (e == 'n')
                c = '\n';
            else if (e == 't')
                c = '\t';
            else if (e == 'u' || e == 'U' || e == 'x')
                return 0; /* escapes we do not need: skip the case */
            else
                c = e;
        }
        if (n + 1 >= cap)
            return 0;
        out[n++] = c;
    }
    if (*p != '"')
        return 0;
    out[n] = '\0';
    *s = p + 1;
    return 1;
}

START_TEST(bare_hosts_need_a_known_top_level_domain) {
    /* every listed domain, the first and last of the sorted list included;
     * unknown and upper-case ones are not links without a scheme */
    ck_links("see quay.ai, harbour.online and ferry.us or pier.xyz, dock.news",
             "quay.ai|harbour.online|ferry.us|dock.news");
    ck_links("FERRY.COM and ferry.c and ferry.comx", "");
    ck_links("timetables at ferry.co.uk and ferry.io/summer.", "ferry.co.uk|ferry.io/summer");
}
END_TEST

START_TEST(twitter_text_conformance) {
    const char *shared = getenv("WN_SHARED_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/conformance/twitter-text/extract.yml", shared ? shared : "");
    size_t len;
    char *yml = shared ? wnt_read_file(path, &len) : NULL;
    if (!yml) {
        fprintf(stderr, "twitter-text conformance: %s not found, skipping\n", path);
        return;
    }
    char *sec = strstr(yml, "\n  urls:\n");
    char *end = sec ? strstr(sec + 1, "\n  urls_with_indices:") : NULL;
    ck_assert_ptr_nonnull(end);
    *end = '\0';
    int cases = 0, passed = 0;
    char text[2048], want[2048], got[2048], item[1024];
    for (char *t = strstr(sec, "text: \""); t; t = strstr(t, "text: \"")) {
        const char *p = t + 7;
        t += 7;
        if (!yaml_string(&p, text, sizeof text))
            continue;
        const char *ex = strstr(p, "expected: [");
        if (!ex)
            break;
        ex += 11;
        want[0] = '\0';
        int ok = 1;
        while (*ex == ' ' || *ex == '"' || *ex == ',') {
            if (*ex == '"') {
                ex++;
                if (!yaml_string(&ex, item, sizeof item)) {
                    ok = 0;
                    break;
                }
                if (want[0])
                    strcat(want, "|");
                strncat(want, item, sizeof want - strlen(want) - 1);
            } else {
                ex++;
            }
        }
        if (!ok)
            continue;
        links_of(text, got, sizeof got);
        cases++;
        if (strcmp(got, want) == 0)
            passed++;
        else if (getenv("WN_VERBOSE"))
            fprintf(stderr, "conformance miss: \"%s\": got \"%s\", want \"%s\"\n", text, got, want);
    }
    free(yml);
    fprintf(stderr, "twitter-text urls: %d of %d cases agree\n", passed, cases);
    ck_assert_int_ge(cases, 50);
    /* the subset of twitter-text's rules we implement: a floor that catches regressions */
    ck_assert_int_ge(passed * 100, cases * WN_CONFORMANCE_FLOOR);
}
END_TEST

/* The scan tests eight offsets at a time for the bytes where a link can
 * start (an 'h' of a scheme, a byte after a space, a bracket, a quote or a
 * byte above ASCII): a link must be found at every offset in the block,
 * after every such byte, and glued to the word before it. */
START_TEST(links_at_every_offset) {
    static const char *const before[] = {" ", "(", "[", "\"", "'", "\t", " \xE2\x80\x9C", "x"};
    static const char *const links[] = {"ferry.example.com/timetable", "https://t.co/Ab3",
                                        "HTTP://harbour.org"};
    for (size_t b = 0; b < sizeof before / sizeof before[0]; b++)
        for (size_t l = 0; l < sizeof links / sizeof links[0]; l++)
            for (size_t pad = 0; pad < 20; pad++) {
                char text[128], want[64];
                size_t o = 0;
                for (size_t k = 0; k < pad; k++)
                    text[o++] = (char)('a' + k % 26);
                o += (size_t)snprintf(text + o, sizeof text - o, "%s%s and more", before[b],
                                      links[l]);
                /* glued to a word, a link with a scheme is found where the
                 * scheme starts; one without is the whole word */
                int glued = strcmp(before[b], "x") == 0;
                if (glued && l == 0)
                    snprintf(want, sizeof want, "%.*s", (int)(o - strlen(" and more")), text);
                else
                    snprintf(want, sizeof want, "%s", links[l]);
                char got[512];
                links_of(text, got, sizeof got);
                ck_assert_msg(strcmp(got, want) == 0, "\"%s\": got \"%s\", want \"%s\"", text, got,
                              want);
            }
}
END_TEST

/* A link holds a dot that a host character follows, and the scan goes from
 * one such dot to the next: full stops, decimals and abbreviations before,
 * between and after links must neither hide a link nor make one. */
START_TEST(links_among_other_dots) {
    ck_links("The U.S. team won 3.5 points at 9 p.m. on Friday. Details at www.harbour.org. "
             "More on https://t.co/Xy9 today.",
             "www.harbour.org|https://t.co/Xy9");
    ck_links("Rates rose 2.5 percent.See harbour.org/rates for more, or e.g.the list at "
             "ferry.example.com.",
             "harbour.org/rates|ferry.example.com");
    /* a control byte is not a word start, but a scheme is found anywhere */
    ck_links("A note\x01https://t.co/a and\x01www.ferry.com end", "https://t.co/a");
    ck_links("Stops...then. www.x.co/a.b. and (pic.twitter.com/AbC) end.",
             "www.x.co/a.b|pic.twitter.com/AbC");
    ck_links("No links here. None at all, not even in 4.5 or U.K. or a.m.", "");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("links");
    TCase *tc = tcase_create("links");
    tcase_add_test(tc, links_in_posts);
    tcase_add_test(tc, bare_hosts_need_a_known_top_level_domain);
    tcase_add_test(tc, twitter_text_conformance);
    tcase_add_test(tc, links_at_every_offset);
    tcase_add_test(tc, links_among_other_dots);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
