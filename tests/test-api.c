/*
 * test-api.c - the public API's contract: arguments, status codes, version
 * agreement, ownership, options, the allocator hook and allocation failure.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "wntest.h"

static const char article[] =
    "Harbour ferry makes first crossing in a decade\n"
    "\n"
    "By Maria Keller, Weekly Ledger\n"
    "June 4, 2021\n"
    "\n"
    "MILLBROOK (Ledger) \xE2\x80\x94 The first ferry in ten years crossed the bay on Tuesday.\n"
    "Tickets for the summer sold out within two days &mdash; a record.\n"
    "Proud of our crew today! pic.twitter.com/AbCdEf123\n"
    "\xE2\x80\x94 Harbour Ferries (@HarbourFerries) June 4, 2021\n"
    "RELATED: County approves bridge budget\n"
    "Passengers wave from the deck. (Photo by Dana Lee/Getty Images)\n"
    "Tickets for the summer sold out within two days &mdash; a record.\n"
    "Advertisement\n";

/* ------------------------------------------------------------------ version */

START_TEST(version_agrees) {
    ck_assert_str_eq(wn_version(), WN_VERSION_STRING);
    ck_assert_str_eq(wn_version(), WN_MESON_VERSION);
    ck_assert_int_eq(wn_version_number(), WN_VERSION_NUMBER);
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", WN_VERSION_MAJOR, WN_VERSION_MINOR, WN_VERSION_PATCH);
    ck_assert_str_eq(buf, WN_MESON_VERSION);
    ck_assert_int_eq(WN_VERSION_NUMBER,
                     WN_VERSION_MAJOR * 10000 + WN_VERSION_MINOR * 100 + WN_VERSION_PATCH);
}
END_TEST

START_TEST(status_strings) {
    const int codes[] = {WN_OK,        WN_ERR_INVALID,   WN_ERR_NOMEM,
                         WN_ERR_FLAGS, WN_ERR_TOO_LARGE, WN_ERR_WRITE};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *s = wn_strerror(codes[i]);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_gt((int)strlen(s), 3);
        for (size_t j = 0; j < i; j++)
            ck_assert_str_ne(s, wn_strerror(codes[j]));
    }
    ck_assert_str_eq(wn_strerror(12345), "unknown wirenews status");
    ck_assert_str_eq(wn_strerror(-1), "unknown wirenews status");
}
END_TEST

/* ------------------------------------------------------------------ arguments */

START_TEST(parse_arguments) {
    wn_doc *doc = (wn_doc *)0x1;
    ck_assert_int_eq(wn_parse("x", 1, NULL, NULL), WN_ERR_INVALID);
    ck_assert_int_eq(wn_parse(NULL, 5, NULL, &doc), WN_ERR_INVALID);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(wn_parse(NULL, 0, NULL, &doc), WN_OK);
    ck_assert_uint_eq(wn_doc_block_count(doc), 0);
    wn_doc_free(doc);

    wn_options o;
    wn_options_init(&o);
    ck_assert_uint_eq(o.struct_size, sizeof o);
    ck_assert_uint_eq(o.flags, WN_OPT_DEFAULT);
    ck_assert_ptr_null(o.allocator);
    o.flags = 1u << 20;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, &o, &doc), WN_ERR_FLAGS);
    ck_assert_ptr_null(doc);
    wn_options_init(&o);
    o.struct_size = 1;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, &o, &doc), WN_ERR_INVALID);
    wn_options_init(&o);
    wn_allocator broken = {NULL, NULL, NULL, NULL};
    o.allocator = &broken;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, &o, &doc), WN_ERR_INVALID);
    wn_options_init(NULL); /* tolerated */
}
END_TEST

START_TEST(older_smaller_options_struct) {
    /* a caller built when the struct ended after `flags` */
    wn_options o;
    wn_options_init(&o);
    o.struct_size = sizeof(size_t) + sizeof(unsigned int);
    o.allocator = (const wn_allocator *)0xdead; /* beyond struct_size: must be ignored */
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, &o, &doc), WN_OK);
    wn_doc_free(doc);
}
END_TEST

START_TEST(null_tolerant_getters) {
    size_t len = 99;
    ck_assert_uint_eq(wn_doc_block_count(NULL), 0);
    ck_assert_ptr_null(wn_doc_block(NULL, 0));
    ck_assert_uint_eq(wn_doc_input_size(NULL), 0);
    ck_assert_ptr_null(wn_doc_headline(NULL, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(wn_doc_dek(NULL, NULL));
    ck_assert_ptr_null(wn_doc_byline(NULL, NULL));
    ck_assert_ptr_null(wn_doc_published(NULL, NULL));
    ck_assert_ptr_null(wn_doc_dateline(NULL));
    ck_assert_int_eq(wn_block_type(NULL), 0);
    ck_assert_ptr_null(wn_block_type_name(0));
    ck_assert_ptr_null(wn_block_type_name(99));
    ck_assert_uint_eq(wn_block_start(NULL), 0);
    ck_assert_uint_eq(wn_block_end(NULL), 0);
    len = 99;
    ck_assert_ptr_null(wn_block_text(NULL, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(wn_block_reason(NULL, NULL));
    ck_assert_ptr_null(wn_block_value(NULL, NULL));
    ck_assert_int_eq(wn_block_has_dateline(NULL), 0);
    ck_assert_ptr_null(wn_block_dateline_place(NULL, NULL));
    ck_assert_ptr_null(wn_block_dateline_agency(NULL, NULL));
    ck_assert_ptr_null(wn_block_author(NULL, NULL));
    ck_assert_ptr_null(wn_block_handle(NULL, NULL));
    ck_assert_ptr_null(wn_block_date(NULL, NULL));
    ck_assert_ptr_null(wn_block_attribution(NULL, NULL));
    ck_assert_uint_eq(wn_block_links_count(NULL), 0);
    ck_assert_ptr_null(wn_block_links_at(NULL, 0, NULL));
    ck_assert_ptr_null(wn_block_label(NULL, NULL));
    ck_assert_ptr_null(wn_block_title(NULL, NULL));
    ck_assert_ptr_null(wn_block_url(NULL, NULL));
    ck_assert_ptr_null(wn_block_credit(NULL, NULL));
    ck_assert_uint_eq(wn_block_authors_count(NULL), 0);
    ck_assert_ptr_null(wn_block_authors_at(NULL, 0, NULL));
    ck_assert_uint_eq(wn_block_items_count(NULL), 0);
    ck_assert_ptr_null(wn_block_items_at(NULL, 0, NULL));
    ck_assert_int_eq(wn_block_ordered(NULL), 0);
    wn_doc_free(NULL);
    wn_free(NULL);
}
END_TEST

START_TEST(getters_check_the_type) {
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, NULL, &doc), WN_OK);
    for (size_t i = 0; i < wn_doc_block_count(doc); i++) {
        const wn_block *b = wn_doc_block(doc, i);
        int t = wn_block_type(b);
        if (t != WN_BLOCK_TWEET) {
            ck_assert_ptr_null(wn_block_handle(b, NULL));
            ck_assert_uint_eq(wn_block_links_count(b), 0);
        }
        if (t != WN_BLOCK_RELATED)
            ck_assert_ptr_null(wn_block_title(b, NULL));
        if (t != WN_BLOCK_NOISE)
            ck_assert_ptr_null(wn_block_reason(b, NULL));
        if (t != WN_BLOCK_BYLINE)
            ck_assert_uint_eq(wn_block_authors_count(b), 0);
    }
    wn_doc_free(doc);
}
END_TEST

START_TEST(render_arguments) {
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, NULL, &doc), WN_OK);
    char *out = (char *)0x1;
    size_t len = 7;
    ck_assert_int_eq(wn_render_json(NULL, 0, &out, &len), WN_ERR_INVALID);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(wn_render_json(doc, 0, NULL, &len), WN_ERR_INVALID);
    ck_assert_int_eq(wn_render_json(doc, 1u << 9, &out, &len), WN_ERR_FLAGS);
    ck_assert_int_eq(wn_render_json_to(doc, 0, NULL, NULL), WN_ERR_INVALID);
    ck_assert_int_eq(wn_render_json_to(NULL, 0, NULL, NULL), WN_ERR_INVALID);
    ck_assert_int_eq(wn_parse_to_json(article, 5, NULL, 0, NULL, NULL), WN_ERR_INVALID);
    ck_assert_int_eq(wn_parse_to_json(article, 5, NULL, 1u << 9, &out, NULL), WN_ERR_FLAGS);
    wn_doc_free(doc);
}
END_TEST

static int failing_writer(void *ctx, const char *data, size_t len) {
    (void)data;
    (void)len;
    int *calls = ctx;
    return ++*calls >= 1 ? -1 : 0;
}

START_TEST(writer_error_is_reported) {
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, NULL, &doc), WN_OK);
    int calls = 0;
    ck_assert_int_eq(wn_render_json_to(doc, 0, failing_writer, &calls), WN_ERR_WRITE);
    ck_assert_int_eq(calls, 1);
    wn_doc_free(doc);
}
END_TEST

START_TEST(parse_to_json_matches) {
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, NULL, &doc), WN_OK);
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    ck_assert_int_eq(wn_render_json(doc, WN_JSON_PRETTY, &a, &na), WN_OK);
    ck_assert_int_eq(wn_parse_to_json(article, sizeof article - 1, NULL, WN_JSON_PRETTY, &b, &nb),
                     WN_OK);
    ck_assert_uint_eq(na, nb);
    ck_assert_str_eq(a, b);
    ck_assert_uint_eq(strlen(a), na);
    wn_free(a);
    wn_free(b);
    wn_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ content */

START_TEST(document_fields) {
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, NULL, &doc), WN_OK);
    char err[256];
    ck_assert_msg(wnt_check_doc(article, sizeof article - 1, doc, err, sizeof err), "%s", err);
    ck_assert_str_eq(wn_doc_headline(doc, NULL), "Harbour ferry makes first crossing in a decade");
    ck_assert_str_eq(wn_doc_byline(doc, NULL), "By Maria Keller, Weekly Ledger");
    ck_assert_str_eq(wn_doc_published(doc, NULL), "2021-06-04");
    const wn_block *dl = wn_doc_dateline(doc);
    ck_assert_ptr_nonnull(dl);
    ck_assert_str_eq(wn_block_dateline_place(dl, NULL), "MILLBROOK");
    ck_assert_str_eq(wn_block_dateline_agency(dl, NULL), "Ledger");
    ck_assert_uint_eq(wn_doc_input_size(doc), sizeof article - 1);
    /* the repeated paragraph is noise; the first copy keeps its type */
    size_t last = wn_doc_block_count(doc) - 1;
    ck_assert_int_eq(wn_block_type(wn_doc_block(doc, last)), WN_BLOCK_NOISE);
    ck_assert_str_eq(wn_block_reason(wn_doc_block(doc, last - 1), NULL), "duplicate");
    wn_doc_free(doc);
}
END_TEST

START_TEST(options_change_results) {
    wn_options o;
    wn_options_init(&o);
    o.flags = WN_OPT_DECODE_ENTITIES; /* no repeat detection */
    char *json = NULL;
    ck_assert_int_eq(wn_parse_to_json(article, sizeof article - 1, &o, 0, &json, NULL), WN_OK);
    ck_assert_ptr_null(strstr(json, "\"duplicate\""));
    wn_free(json);
    o.flags = WN_OPT_DEDUPE; /* references left as written */
    ck_assert_int_eq(wn_parse_to_json(article, sizeof article - 1, &o, 0, &json, NULL), WN_OK);
    ck_assert_ptr_nonnull(strstr(json, "&mdash;"));
    wn_free(json);
    ck_assert_int_eq(wn_parse_to_json(article, sizeof article - 1, NULL, 0, &json, NULL), WN_OK);
    ck_assert_ptr_null(strstr(json, "&mdash;"));
    ck_assert_ptr_nonnull(strstr(json, "\"duplicate\""));
    wn_free(json);
}
END_TEST

START_TEST(strings_outlive_the_input) {
    char *copy = malloc(sizeof article);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, article, sizeof article);
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(copy, sizeof article - 1, NULL, &doc), WN_OK);
    memset(copy, 'x', sizeof article - 1);
    free(copy);
    ck_assert_str_eq(wn_doc_headline(doc, NULL), "Harbour ferry makes first crossing in a decade");
    wn_doc_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ allocator */

typedef struct counting {
    size_t allocs, frees, live_bytes_hint;
    long fail_at; /* fail the N-th allocation (1-based); 0 = never */
    long calls;
    int magic;
    int poison; /* hand out memory full of 0xFF bytes */
} counting;

static void *c_malloc(void *ctx, size_t n) {
    counting *c = ctx;
    ck_assert_int_eq(c->magic, 42);
    if (c->fail_at && ++c->calls == c->fail_at)
        return NULL;
    void *p = malloc(n);
    if (p)
        c->allocs++;
    if (p && c->poison)
        memset(p, 0xFF, n);
    return p;
}

static void *c_realloc(void *ctx, void *p, size_t n) {
    counting *c = ctx;
    ck_assert_int_eq(c->magic, 42);
    if (c->fail_at && ++c->calls == c->fail_at)
        return NULL;
    void *r = realloc(p, n);
    if (r && !p)
        c->allocs++;
    return r;
}

static void c_free(void *ctx, void *p) {
    counting *c = ctx;
    ck_assert_int_eq(c->magic, 42);
    if (p)
        c->frees++;
    free(p);
}

/* Default options with the counting allocator over c; *al holds the
 * allocator and must outlive the options. */
static wn_options counting_options(counting *c, wn_allocator *al) {
    al->malloc = c_malloc;
    al->realloc = c_realloc;
    al->free = c_free;
    al->ctx = c;
    wn_options o;
    wn_options_init(&o);
    o.allocator = al;
    return o;
}

START_TEST(allocator_hook_sees_everything) {
    counting c = {0, 0, 0, 0, 0, 42, 0};
    wn_allocator al;
    wn_options o = counting_options(&c, &al);
    wn_doc *doc = NULL;
    ck_assert_int_eq(wn_parse(article, sizeof article - 1, &o, &doc), WN_OK);
    /* a small input's temporary arrays (its lines, its units, the repeat
     * tables) share one work region and its blocks lie in the document's
     * arena: three allocations (the document, the region, the arena's
     * chunk), not one per array */
    ck_assert_uint_gt(wn_doc_block_count(doc), 5);
    ck_assert_uint_gt(c.allocs, 0);
    ck_assert_uint_le(c.allocs, 3);
    char *json = NULL;
    ck_assert_int_eq(wn_render_json(doc, 0, &json, NULL), WN_OK);
    wn_doc_free(doc);
    ck_assert_uint_eq(c.allocs, c.frees + 1); /* the JSON is still ours */
    wn_free(json);
    ck_assert_uint_eq(c.allocs, c.frees);
}
END_TEST

/* The same JSON when every allocation comes full of 0xFF bytes: a parse
 * that read memory it had not written (a record past the last unit, a
 * field left unset) would see garbage instead of the zeros fresh pages
 * give. */
START_TEST(allocator_memory_is_not_trusted) {
    counting c = {0, 0, 0, 0, 0, 42, 1};
    wn_allocator al;
    wn_options o = counting_options(&c, &al);
    /* texts that end in a block of one line (the article) and in a block
     * of two joined lines (a tweet): the walk from head to head stops at
     * the record after the last unit */
    static const char tail_tweet[] =
        "Ferry crews rehearsed the crossing all week.\n"
        "Proud of our crew today! pic.twitter.com/AbCdEf123\n"
        "\xE2\x80\x94 Harbour Ferries (@HarbourFerries) June 4, 2021\n";
    const char *texts[] = {article, tail_tweet};
    size_t lens[] = {sizeof article - 1, sizeof tail_tweet - 1};
    for (size_t t = 0; t < 2; t++) {
        char *want = NULL, *got = NULL;
        ck_assert_int_eq(wn_parse_to_json(texts[t], lens[t], NULL, 0, &want, NULL), WN_OK);
        ck_assert_int_eq(wn_parse_to_json(texts[t], lens[t], &o, 0, &got, NULL), WN_OK);
        ck_assert_str_eq(got, want);
        wn_free(want);
        wn_free(got);
    }
}
END_TEST

/* Fail the N-th allocation for N = 1, 2, ... until a parse succeeds: every
 * failing parse says "out of memory" and leaves nothing behind. */
static void alloc_failure_loop(const char *text, size_t len, int render) {
    for (long n = 1;; n++) {
        counting c = {0, 0, 0, n, 0, 42, 0};
        wn_allocator al;
        wn_options o = counting_options(&c, &al);
        char *json = NULL;
        int st = render ? wn_parse_to_json(text, len, &o, 0, &json, NULL)
                        : wn_parse(text, len, &o, (wn_doc **)&json);
        if (st == WN_OK) {
            if (render)
                wn_free(json);
            else
                wn_doc_free((wn_doc *)json);
            ck_assert_uint_eq(c.allocs, c.frees);
            ck_assert_int_gt(n, 1);
            return;
        }
        ck_assert_int_eq(st, WN_ERR_NOMEM);
        ck_assert_ptr_null(json);
        ck_assert_msg(c.allocs == c.frees, "failing allocation %ld: %zu allocations, %zu frees", n,
                      c.allocs, c.frees);
        ck_assert_int_lt(n, 100000);
    }
}

START_TEST(allocation_failure) {
    alloc_failure_loop(article, sizeof article - 1, 0);
    alloc_failure_loop(article, sizeof article - 1, 1);
    const char odd[] = "Caf\x65\xCC\x81 \xFF\xFE &amp; \xE2\x80\x8B\n\n- a\n- b\n1. c\n2. d\n";
    alloc_failure_loop(odd, sizeof odd - 1, 1);
}
END_TEST

/* Blocks of two documents: the same types, spans and texts. */
static void assert_same_blocks(const wn_doc *a, const wn_doc *b) {
    ck_assert_uint_eq(wn_doc_block_count(a), wn_doc_block_count(b));
    for (size_t i = 0; i < wn_doc_block_count(a); i++) {
        const wn_block *x = wn_doc_block(a, i), *y = wn_doc_block(b, i);
        ck_assert_int_eq(wn_block_type(x), wn_block_type(y));
        ck_assert_uint_eq(wn_block_start(x), wn_block_start(y));
        ck_assert_uint_eq(wn_block_end(x), wn_block_end(y));
        size_t nx = 0, ny = 0;
        const char *tx = wn_block_text(x, &nx), *ty = wn_block_text(y, &ny);
        ck_assert_int_eq(tx == NULL, ty == NULL);
        ck_assert_uint_eq(nx, ny);
        if (tx)
            ck_assert_int_eq(memcmp(tx, ty, nx), 0);
    }
}

/* Market stalls, one a line: every seventh repeats the one seven lines up
 * and every ninth is cut off with "..." (the repeat tables, both of them),
 * with a blank line after every fifth. */
static size_t stall_lines(char *out, size_t cap, int lines, int terse) {
    size_t n = 0;
    for (int k = 0; k < lines; k++) {
        int stall = k % 7 == 6 ? k - 7 : k;
        int w = terse        ? snprintf(out + n, cap - n, "S%d.\n", stall)
                : k % 9 == 8 ? snprintf(out + n, cap - n,
                                        "Stall %d sells pears and plums from the...\n", stall)
                             : snprintf(out + n, cap - n, "Stall %d sells pears and plums%s\n",
                                        stall, k % 5 == 4 ? ".\n" : ".");
        ck_assert(w > 0 && (size_t)w < cap - n);
        n += (size_t)w;
    }
    return n;
}

/* The same text parsed with a work region and without one (blank lines
 * appended take it past the size that gets a region, and add no block):
 * the same blocks for texts whose lines fit the first capacity of the
 * lines (64), outgrow it and grow in place (70, 130), fill the region so
 * that the repeat tables go to the allocator (800 lines of about 35
 * bytes), leave no room for the units, which go to the allocator, while
 * the tables take the lines' place once they are given back (500 lines
 * of 4 to 6 bytes, where the region expects a line in 48 bytes), and
 * outgrow the region themselves (3,000 such lines). */
START_TEST(work_region_changes_nothing) {
    static char text[300 * 1024];
    const int counts[] = {40, 70, 130, 800, 500, 3000};
    for (size_t t = 0; t < sizeof counts / sizeof counts[0]; t++) {
        size_t n = stall_lines(text, sizeof text, counts[t], t >= 4);
        size_t padded = n + 200 * 1024;
        memset(text + n, '\n', padded - n);
        counting c = {0, 0, 0, 0, 0, 42, 1};
        wn_allocator al;
        wn_options o = counting_options(&c, &al);
        wn_doc *small = NULL, *large = NULL;
        ck_assert_int_eq(wn_parse(text, n, &o, &small), WN_OK);
        ck_assert_int_eq(wn_parse(text, padded, NULL, &large), WN_OK);
        ck_assert_uint_ge(wn_doc_block_count(small), (size_t)counts[t] / 5);
        assert_same_blocks(small, large);
        wn_doc_free(small);
        wn_doc_free(large);
        ck_assert_uint_eq(c.allocs, c.frees);
    }
}
END_TEST

/* Escape a block's text the way OUTPUT.md asks, one byte at a time. */
static size_t escape_ref(const char *s, size_t n, char *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[k++] = '\\';
            out[k++] = (char)c;
        } else if (c < 0x20) {
            k += (size_t)sprintf(out + k, "\\u%04x", c);
        } else {
            out[k++] = (char)c;
        }
    }
    out[k] = '\0';
    return k;
}

/* Quotes and backslashes at every offset of the renderer's 8-, 16- and
 * 32-byte steps, and at every distance from the end of the text (the last
 * block overlaps the one before it), next to letters beyond ASCII, which
 * are written as they are. */
START_TEST(json_escapes_at_every_offset) {
    for (size_t at = 0; at < 72; at++)
        for (size_t after = 0; after < 40; after += (at < 40 ? 1 : 7)) {
            char text[256], want[512];
            size_t n = 0;
            n += (size_t)sprintf(text, "Ma\xC3\xB1"
                                       "ana the committee met again. ");
            for (size_t k = 0; k < at; k++)
                text[n++] = (char)('a' + k % 26);
            n += (size_t)sprintf(text + n,
                                 " \"quoted\" a\\b caf\xC3\xA9 \xE2\x80\x94 and the \"vote\"");
            for (size_t k = 0; k < after; k++)
                text[n++] = (char)('a' + k % 26);
            text[n++] = '\n';
            wn_doc *doc = NULL;
            ck_assert_int_eq(wn_parse(text, n, NULL, &doc), WN_OK);
            ck_assert_uint_ge(wn_doc_block_count(doc), 1);
            size_t len = 0;
            const char *t = wn_block_text(wn_doc_block(doc, wn_doc_block_count(doc) - 1), &len);
            ck_assert_ptr_nonnull(t);
            ck_assert_ptr_nonnull(memchr(t, '\\', len));
            escape_ref(t, len, want);
            char *json = NULL;
            ck_assert_int_eq(wn_render_json(doc, 0, &json, NULL), WN_OK);
            ck_assert_msg(strstr(json, want) != NULL, "offset %zu, %zu after: %s not in %s", at,
                          after, want, json);
            wn_free(json);
            wn_doc_free(doc);
        }
}
END_TEST

/* A growing copy of what wn_render_json_to() hands out. */
typedef struct sink {
    char *p;
    size_t n, cap;
} sink;

static int sink_write(void *ctx, const char *data, size_t len) {
    sink *k = ctx;
    if (k->n + len > k->cap) {
        k->cap = (k->n + len) * 2;
        k->p = realloc(k->p, k->cap);
        ck_assert_ptr_nonnull(k->p);
    }
    memcpy(k->p + k->n, data, len);
    k->n += len;
    return 0;
}

/* Long documents whose paragraphs hold quotes and backslashes at varying
 * places: streamed in bounded pieces, the JSON is the same as rendered into
 * one buffer, so escaping is right wherever a piece's end falls (before a
 * string, inside it, right after an escape); and every paragraph's text is
 * in it escaped as OUTPUT.md says. */
START_TEST(json_streamed_equals_buffered) {
    unsigned state = 7;
    for (int round = 0; round < 6; round++) {
        size_t cap = 400 * 1024, n = 0;
        char *text = malloc(cap);
        ck_assert_ptr_nonnull(text);
        for (int para = 0; para < 700 + 37 * round; para++) {
            size_t words = 8 + (state = state * 1103515245u + 12345u) % (40 + 13 * round);
            n += (size_t)sprintf(text + n, "The");
            for (size_t w = 0; w < words; w++) {
                state = state * 1103515245u + 12345u;
                unsigned r = (state >> 16) % 11;
                const char *word = r == 0   ? "\"said\""
                                   : r == 1 ? "a\\b"
                                   : r == 2 ? "caf\xC3\xA9"
                                            : "council";
                n += (size_t)sprintf(text + n, " %s", word);
            }
            n += (size_t)sprintf(text + n, " today.\n\n");
        }
        wn_doc *doc = NULL;
        ck_assert_int_eq(wn_parse(text, n, NULL, &doc), WN_OK);
        char *json = NULL;
        size_t len = 0;
        ck_assert_int_eq(wn_render_json(doc, 0, &json, &len), WN_OK);
        sink k = {NULL, 0, 0};
        ck_assert_int_eq(wn_render_json_to(doc, 0, sink_write, &k), WN_OK);
        ck_assert_uint_eq(k.n, len);
        ck_assert_msg(memcmp(k.p, json, len) == 0, "round %d: streamed JSON differs", round);
        char *want = malloc(6 * cap);
        ck_assert_ptr_nonnull(want);
        for (size_t b = 0; b < wn_doc_block_count(doc); b++) {
            size_t tl = 0;
            const char *t = wn_block_text(wn_doc_block(doc, b), &tl);
            escape_ref(t, tl, want);
            ck_assert_msg(strstr(json, want) != NULL, "round %d, block %zu", round, b);
        }
        free(want);
        free(k.p);
        wn_free(json);
        wn_doc_free(doc);
        free(text);
    }
}
END_TEST

/* Spans written in decimal two digits at a time: a paragraph that starts
 * at 0 and ends at every length up to 1100 bytes (one, two, three and four
 * digits, and each of their edges). */
START_TEST(json_spans_in_decimal) {
    char text[1200];
    for (size_t len = 1; len <= 1100; len++) {
        for (size_t k = 0; k < len; k++)
            text[k] = k % 6 == 5 ? ' ' : 'a';
        text[len - 1] = 'z';
        wn_doc *doc = NULL;
        ck_assert_int_eq(wn_parse(text, len, NULL, &doc), WN_OK);
        char *json = NULL;
        ck_assert_int_eq(wn_render_json(doc, 0, &json, NULL), WN_OK);
        char want[48];
        snprintf(want, sizeof want, "\"span\":[0,%zu]", len);
        ck_assert_msg(strstr(json, want) != NULL, "%s not in %s", want, json);
        wn_free(json);
        wn_doc_free(doc);
    }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, version_agrees);
    tcase_add_test(tc, status_strings);
    tcase_add_test(tc, parse_arguments);
    tcase_add_test(tc, older_smaller_options_struct);
    tcase_add_test(tc, null_tolerant_getters);
    tcase_add_test(tc, getters_check_the_type);
    tcase_add_test(tc, render_arguments);
    tcase_add_test(tc, writer_error_is_reported);
    tcase_add_test(tc, parse_to_json_matches);
    tcase_add_test(tc, json_escapes_at_every_offset);
    tcase_add_test(tc, json_streamed_equals_buffered);
    tcase_add_test(tc, json_spans_in_decimal);
    tcase_add_test(tc, document_fields);
    tcase_add_test(tc, options_change_results);
    tcase_add_test(tc, strings_outlive_the_input);
    tcase_add_test(tc, allocator_hook_sees_everything);
    tcase_add_test(tc, allocator_memory_is_not_trusted);
    tcase_add_test(tc, work_region_changes_nothing);
    tcase_add_test(tc, allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
