/*
 * engines.c - what the benchmark times, one document at a time: wirenews
 * (parse only; parse + JSON), md4c (md_parse with no-op callbacks; md_html
 * into a buffer), cmark (cmark_parse_document; parse + cmark_render_html),
 * and a plain memchr line scan as the ceiling. md4c and cmark are optional:
 * without them the engine is listed with the reason it was skipped.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <wirenews.h>

#ifdef WNB_HAVE_MD4C
#include <md4c.h>
#endif
#ifdef WNB_HAVE_MD4C_HTML
#include <md4c-html.h>
#endif
#ifdef WNB_HAVE_CMARK
#include <cmark.h>
#endif

#include "bench.h"

/* ------------------------------------------------------------------ buffers */

void wnb_buf_reserve(wnb_buf *b, size_t extra) {
    if (b->cap - b->n >= extra)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->n < extra)
        cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np)
        abort();
    b->p = np;
    b->cap = cap;
}

void wnb_buf_put(wnb_buf *b, const char *s, size_t n) {
    wnb_buf_reserve(b, n);
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
}

void wnb_buf_puts(wnb_buf *b, const char *s) {
    wnb_buf_put(b, s, strlen(s));
}

void wnb_buf_putc(wnb_buf *b, char c) {
    wnb_buf_reserve(b, 1);
    b->p[b->n++] = c;
}

void wnb_buf_free(wnb_buf *b) {
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

void wnb_input_add_article(wnb_input *in, const char *s, size_t n) {
    wnb_buf_put(&in->text, s, n);
}

void wnb_input_end_article(wnb_input *in) {
    if (in->narticles + 2 > in->offcap) {
        size_t cap = in->offcap ? in->offcap * 2 : 1024;
        size_t *no = realloc(in->off, cap * sizeof *no);
        if (!no)
            abort();
        in->off = no;
        in->offcap = cap;
    }
    if (in->narticles == 0)
        in->off[0] = 0;
    in->off[++in->narticles] = in->text.n;
}

void wnb_input_free(wnb_input *in) {
    wnb_buf_free(&in->text);
    free(in->off);
    in->off = NULL;
    in->narticles = in->offcap = 0;
}

/* ------------------------------------------------------------------ wirenews */

static long long wn_parse_only(const char *p, size_t n) {
    wn_doc *doc = NULL;
    if (wn_parse(p, n, NULL, &doc) != WN_OK)
        return -1;
    long long r = (long long)wn_doc_block_count(doc);
    wn_doc_free(doc);
    return r;
}

static long long wn_parse_json(const char *p, size_t n) {
    char *json = NULL;
    size_t len = 0;
    if (wn_parse_to_json(p, n, NULL, 0, &json, &len) != WN_OK)
        return -1;
    long long r = (long long)len + (unsigned char)json[len / 2];
    wn_free(json);
    return r;
}

/* A counting allocator: a 16-byte header holds each block's size. */
#define HEAD 16u

static void *count_malloc(void *ctx, size_t n) {
    wnb_heap *h = ctx;
    char *p = malloc(n + HEAD);
    if (!p)
        return NULL;
    memcpy(p, &n, sizeof n);
    h->live += n;
    h->allocs++;
    if (h->live > h->peak)
        h->peak = h->live;
    return p + HEAD;
}

static void *count_realloc(void *ctx, void *ptr, size_t n) {
    wnb_heap *h = ctx;
    if (!ptr)
        return count_malloc(ctx, n);
    size_t old;
    char *base = (char *)ptr - HEAD;
    memcpy(&old, base, sizeof old);
    char *p = realloc(base, n + HEAD);
    if (!p)
        return NULL;
    memcpy(p, &n, sizeof n);
    h->live = h->live - old + n;
    h->allocs++;
    if (h->live > h->peak)
        h->peak = h->live;
    return p + HEAD;
}

static void count_free(void *ctx, void *ptr) {
    wnb_heap *h = ctx;
    if (!ptr)
        return;
    size_t old;
    char *base = (char *)ptr - HEAD;
    memcpy(&old, base, sizeof old);
    h->live -= old;
    free(base);
}

int wnb_wirenews_heap(const char *p, size_t n, int with_json, wnb_heap *h) {
    wn_allocator al = {count_malloc, count_realloc, count_free, h};
    wn_options opts;
    wn_options_init(&opts);
    opts.allocator = &al;
    h->live = 0;
    size_t before = h->peak;
    h->peak = 0;
    int st;
    if (with_json) {
        char *json = NULL;
        st = wn_parse_to_json(p, n, &opts, 0, &json, NULL);
        wn_free(json);
    } else {
        wn_doc *doc = NULL;
        st = wn_parse(p, n, &opts, &doc);
        wn_doc_free(doc);
    }
    if (before > h->peak)
        h->peak = before;
    return st == WN_OK ? 0 : -1;
}

int wnb_wirenews_types(const char *p, size_t n, size_t counts[12]) {
    wn_doc *doc = NULL;
    if (wn_parse(p, n, NULL, &doc) != WN_OK)
        return -1;
    for (size_t i = 0; i < wn_doc_block_count(doc); i++) {
        int t = wn_block_type(wn_doc_block(doc, i));
        if (t >= 1 && t <= 11)
            counts[t]++;
    }
    wn_doc_free(doc);
    return 0;
}

/* ------------------------------------------------------------------ md4c */

#ifdef WNB_HAVE_MD4C
static int md_block(MD_BLOCKTYPE t, void *d, void *u) {
    (void)d;
    (*(long long *)u) += (long long)t;
    return 0;
}

static int md_span(MD_SPANTYPE t, void *d, void *u) {
    (void)d;
    (*(long long *)u) += (long long)t;
    return 0;
}

static int md_text(MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
    (void)t;
    (void)s;
    (*(long long *)u) += (long long)n;
    return 0;
}

static long long md4c_parse(const char *p, size_t n) {
    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.abi_version = 0;
    parser.flags = 0; /* CommonMark */
    parser.enter_block = md_block;
    parser.leave_block = md_block;
    parser.enter_span = md_span;
    parser.leave_span = md_span;
    parser.text = md_text;
    long long sum = 0;
    if ((uint64_t)n > 0xFFFFFFFFull) /* MD_SIZE is 32 bits */
        return -1;
    if (md_parse(p, (MD_SIZE)n, &parser, &sum) != 0)
        return -1;
    return sum;
}
#endif

#ifdef WNB_HAVE_MD4C_HTML
static wnb_buf md_out;

static void md_html_out(const MD_CHAR *s, MD_SIZE n, void *u) {
    wnb_buf_put(u, s, n);
}

static long long md4c_html(const char *p, size_t n) {
    md_out.n = 0;
    if ((uint64_t)n > 0xFFFFFFFFull)
        return -1;
    if (md_html(p, (MD_SIZE)n, md_html_out, &md_out, 0, 0) != 0)
        return -1;
    return (long long)md_out.n;
}
#endif

/* ------------------------------------------------------------------ cmark */

#ifdef WNB_HAVE_CMARK
static long long cmark_parse_only(const char *p, size_t n) {
    cmark_node *doc = cmark_parse_document(p, n, CMARK_OPT_DEFAULT);
    if (!doc)
        return -1;
    long long r = cmark_node_first_child(doc) != NULL;
    cmark_node_free(doc);
    return r;
}

static long long cmark_parse_html(const char *p, size_t n) {
    cmark_node *doc = cmark_parse_document(p, n, CMARK_OPT_DEFAULT);
    if (!doc)
        return -1;
    char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
    long long r = html ? (long long)strlen(html) : -1;
    cmark_get_default_mem_allocator()->free(html);
    cmark_node_free(doc);
    return r;
}
#endif

/* ------------------------------------------------------------------ memchr */

static long long memchr_lines(const char *p, size_t n) {
    long long lines = 0, bytes = 0;
    const char *e = p + n;
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        const char *end = nl ? nl : e;
        bytes += end - p;
        lines++;
        p = nl ? nl + 1 : e;
    }
    return lines * 131 + bytes;
}

/* ------------------------------------------------------------------ table */

static const wnb_engine engines[] = {
    {"wn-parse", "wirenews wn_parse + wn_doc_free", wn_parse_only, NULL},
    {"wn-json", "wirenews wn_parse_to_json + wn_free", wn_parse_json, NULL},
#ifdef WNB_HAVE_MD4C
    {"md4c-parse", "md4c md_parse, no-op callbacks", md4c_parse, NULL},
#else
    {"md4c-parse", "md4c md_parse, no-op callbacks", NULL, "md4c not found (libmd4c-dev)"},
#endif
#ifdef WNB_HAVE_MD4C_HTML
    {"md4c-html", "md4c md_html into a buffer", md4c_html, NULL},
#else
    {"md4c-html", "md4c md_html into a buffer", NULL, "md4c-html not found (libmd4c-html0-dev)"},
#endif
#ifdef WNB_HAVE_CMARK
    {"cmark-parse", "cmark_parse_document + cmark_node_free", cmark_parse_only, NULL},
    {"cmark-html", "cmark parse + cmark_render_html", cmark_parse_html, NULL},
#else
    {"cmark-parse", "cmark_parse_document + cmark_node_free", NULL,
     "cmark not found (libcmark-dev)"},
    {"cmark-html", "cmark parse + cmark_render_html", NULL, "cmark not found (libcmark-dev)"},
#endif
    {"memchr", "memchr('\\n') line scan", memchr_lines, NULL},
};

const wnb_engine *wnb_engines(size_t *count) {
    *count = sizeof engines / sizeof engines[0];
    return engines;
}

const char *wnb_md4c_version(void) {
#ifdef WNB_MD4C_VERSION
    return WNB_MD4C_VERSION;
#else
    return "not found";
#endif
}

const char *wnb_cmark_version(void) {
#ifdef WNB_HAVE_CMARK
    return cmark_version_string();
#else
    return "not found";
#endif
}

const char *wnb_utf8proc_version(void) {
    return utf8proc_version();
}
