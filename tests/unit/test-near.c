/* Unit tests of the windows the near recognizers take (assemble.c): a
 * document parsed with windows of any size, down to one unit, gives the
 * same JSON as one parsed as a whole. The texts put every cue the near
 * recognizers look for around a unit (a post above its attribution line,
 * a BBC credit and caption group, a bare URL after a link, lines that
 * other recognizers mark first) at every offset from a window's edge. */
#include "unit.h"

#include "internal.h"

/* A small deterministic generator: the tests are the same every run. */
static unsigned next_rand(unsigned *state) {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7FFF;
}

static char *render(const char *text, size_t len, size_t window, size_t *out_len) {
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse_window(text, len, NULL, window, &doc), WN_OK);
    char *json = NULL;
    ck_assert_int_eq(wn_render_json(doc, 0, &json, out_len), WN_OK);
    wn_doc_free(doc);
    return json;
}

/* The windows tried: every size up to a few times what one recognizer
 * reaches, then a few larger ones. */
static const size_t windows[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 23, 31, 64};

/* Does every window give the whole document's JSON? The first window
 * that does not is named in *bad. */
static int same_for_every_window(const char *text, size_t len, size_t *bad) {
    size_t whole_len;
    char *whole = render(text, len, 0, &whole_len);
    int same = 1;
    for (size_t k = 0; k < sizeof windows / sizeof windows[0] && same; k++) {
        size_t n;
        char *got = render(text, len, windows[k], &n);
        if (n != whole_len || memcmp(got, whole, n) != 0) {
            same = 0;
            *bad = windows[k];
        }
        wn_free(got);
    }
    wn_free(whole);
    return same;
}

/* Lines of the kinds the near recognizers decide, and lines that look
 * like their cues but are taken by an earlier recognizer. */
static const char *const pool[] = {
    "Image copyright",
    "Image caption",
    "Image source, Harbour Pictures",
    "Staff Photographer",
    "Advertisement",
    "Share this article",
    "Updated 10:42 a.m. ET, March 3, 2024",
    "4,120 shares",
    "* * *",
    "The ferry was late again this morning, and the queue reached the car park.",
    "Heading out to the harbour to see the new ferry, more soon",
    "\xE2\x80\x94 Dana Whitfield (@danawhit) March 3, 2024",
    "RELATED: Council votes to rebuild the old swing bridge",
    "https://example.com/news/swing-bridge",
    "Read more: Why the ferry timetable keeps slipping",
    "Commuters said they had given up on the morning crossing altogether.",
    "A spokesman for the operator said repairs would take another week.",
    "Photo: Lee Marsh/Harbour Pictures",
    "The harbour master at the pier on Tuesday. (Lee Marsh/Harbour Pictures)",
    "Follow Dana on Twitter",
};
#define POOL_SIZE (sizeof pool / sizeof pool[0])

/* Lines from the pool one after the other, each its own paragraph (or,
 * when `tight`, with no blank line between some of them). */
static size_t build(char *out, size_t cap, const size_t *picks, size_t n, int tight,
                    unsigned *state) {
    size_t o = 0;
    for (size_t k = 0; k < n; k++) {
        const char *line = pool[picks[k] % POOL_SIZE];
        size_t len = strlen(line);
        ck_assert(o + len + 2 < cap);
        memcpy(out + o, line, len);
        o += len;
        out[o++] = '\n';
        if (!tight || next_rand(state) % 3 == 0)
            out[o++] = '\n';
    }
    out[o] = '\0';
    return o;
}

/* The patterns whose units reach furthest, each at every offset from the
 * start of the document and with paragraphs after it (the last units are
 * all taken in the last window): a BBC group whose last line is a line the noise
 * recognizer takes first (caption text only when it is free), a post
 * above its attribution, a link with its bare URL. */
START_TEST(cues_at_every_offset) {
    static const size_t patterns[][5] = {
        {0, 3, 1, 4, 9}, {0, 4, 1, 5, 9}, {0, 6, 1, 7, 9}, {10, 11, 9, 12, 13}, {1, 8, 0, 5, 4},
    };
    char text[4096];
    unsigned state = 7;
    for (size_t pat = 0; pat < sizeof patterns / sizeof patterns[0]; pat++) {
        for (size_t lead = 0; lead < 24; lead++) {
            size_t picks[40], n = 0;
            for (size_t k = 0; k < lead; k++)
                picks[n++] = 9 + (k % 2) * 6; /* plain paragraphs before it */
            for (size_t k = 0; k < 5; k++)
                picks[n++] = patterns[pat][k];
            for (size_t k = 0; k < 10; k++)
                picks[n++] = 16 - (k % 2); /* and after it */
            size_t len = build(text, sizeof text, picks, n, 0, &state);
            size_t bad = 0;
            ck_assert_msg(same_for_every_window(text, len, &bad),
                          "pattern %zu after %zu paragraphs: window %zu differs", pat, lead, bad);
        }
    }
}
END_TEST

/* Random documents from the pool, with and without blank lines between
 * the lines. */
START_TEST(random_documents) {
    char text[16384];
    unsigned state = 2024;
    for (int doc = 0; doc < 400; doc++) {
        size_t picks[120], n = 20 + next_rand(&state) % 100;
        for (size_t k = 0; k < n; k++)
            picks[k] = next_rand(&state);
        size_t len = build(text, sizeof text, picks, n, doc % 2, &state);
        size_t bad = 0;
        ck_assert_msg(same_for_every_window(text, len, &bad), "document %d: window %zu differs",
                      doc, bad);
    }
}
END_TEST

static void same_article(const char *name, const char *text, size_t len, void *ctx) {
    (void)ctx;
    ck_assert_msg(text != NULL, "cannot read %s", name);
    size_t bad = 0;
    ck_assert_msg(same_for_every_window(text, len, &bad), "%s: window %zu differs", name, bad);
}

/* The dev corpus when it is beside the checkout (WN_CORPUS_DIR). */
START_TEST(corpus_articles) {
    const char *dir = getenv("WN_CORPUS_DIR");
    int count = dir ? wnt_each_article(dir, same_article, NULL) : -1;
    if (count < 0) {
        printf("near: corpus not found, its articles not tried\n");
        return;
    }
    ck_assert_int_gt(count, 0);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("near");
    TCase *tc = tcase_create("near");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, cues_at_every_offset);
    tcase_add_test(tc, random_documents);
    tcase_add_test(tc, corpus_articles);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
