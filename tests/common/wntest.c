/*
 * wntest.c - invariant checks shared by the tests, fuzz targets and
 * benchmarks. Written against the public API only.
 */
#include "wntest.h"

#include <dirent.h>
#include <malloc.h> /* malloc_usable_size: the hook counts bytes without a header */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wnt_fail(char *err, size_t errlen, const char *fmt, ...) {
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return 0;
}

/* Decode one UTF-8 sequence strictly; returns its length or 0 if invalid. */
static size_t u8_decode(const unsigned char *s, size_t n, unsigned long *cp) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    unsigned long v;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if (s[k] < lo || s[k] > hi)
            return 0;
        v = (v << 6) | (s[k] & 0x3Fu);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = v;
    return len;
}

int wnt_utf8_valid(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned long cp;
        size_t k = u8_decode(u + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

int wnt_is_blank_cp(unsigned long cp) {
    if (cp <= 0x20)
        return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

/* ------------------------------------------------------------------ JSON */

typedef struct jp {
    const char *s;
    size_t n, i;
    int depth;
} jp;

static void ws(jp *p) {
    while (p->i < p->n &&
           (p->s[p->i] == ' ' || p->s[p->i] == '\n' || p->s[p->i] == '\r' || p->s[p->i] == '\t'))
        p->i++;
}

static int value(jp *p);

static int string(jp *p) {
    if (p->i >= p->n || p->s[p->i] != '"')
        return 0;
    p->i++;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            p->i++;
            if (p->i >= p->n)
                return 0;
            char e = p->s[p->i];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++) {
                    if (p->i + (size_t)k >= p->n)
                        return 0;
                    char h = p->s[p->i + (size_t)k];
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                          (h >= 'A' && h <= 'F')))
                        return 0;
                }
                p->i += 5;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e))
                return 0;
            p->i++;
            continue;
        }
        if (c >= 0x80) {
            unsigned long cp;
            size_t k = u8_decode((const unsigned char *)p->s + p->i, p->n - p->i, &cp);
            if (!k)
                return 0;
            p->i += k;
            continue;
        }
        p->i++;
    }
    return 0;
}

static int number(jp *p) {
    size_t start = p->i;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (p->i >= p->n)
        return 0;
    if (p->s[p->i] == '0') {
        p->i++;
    } else if (p->s[p->i] >= '1' && p->s[p->i] <= '9') {
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
    } else {
        return 0;
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        size_t d = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == d)
            return 0;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        size_t d = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == d)
            return 0;
    }
    return p->i > start;
}

static int literal(jp *p, const char *lit) {
    size_t m = strlen(lit);
    if (p->n - p->i < m || memcmp(p->s + p->i, lit, m) != 0)
        return 0;
    p->i += m;
    return 1;
}

static int container(jp *p, char open, char close) {
    if (++p->depth > 64)
        return 0;
    p->i++; /* open */
    (void)open;
    ws(p);
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        p->depth--;
        return 1;
    }
    for (;;) {
        ws(p);
        if (close == '}') {
            if (!string(p))
                return 0;
            ws(p);
            if (p->i >= p->n || p->s[p->i] != ':')
                return 0;
            p->i++;
            ws(p);
        }
        if (!value(p))
            return 0;
        ws(p);
        if (p->i >= p->n)
            return 0;
        if (p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->s[p->i] == close) {
            p->i++;
            p->depth--;
            return 1;
        }
        return 0;
    }
}

static int value(jp *p) {
    ws(p);
    if (p->i >= p->n)
        return 0;
    switch (p->s[p->i]) {
    case '{':
        return container(p, '{', '}');
    case '[':
        return container(p, '[', ']');
    case '"':
        return string(p);
    case 't':
        return literal(p, "true");
    case 'f':
        return literal(p, "false");
    case 'n':
        return literal(p, "null");
    default:
        return number(p);
    }
}

int wnt_json_valid(const char *s, size_t n, char *err, size_t errlen) {
    jp p = {s, n, 0, 0};
    if (!value(&p))
        return wnt_fail(err, errlen, "invalid JSON near byte %zu", p.i);
    ws(&p);
    if (p.i != n)
        return wnt_fail(err, errlen, "trailing bytes after JSON at %zu", p.i);
    return 1;
}

/* ------------------------------------------------------------------ documents */

static int check_str(const char *s, size_t len, const char *what, size_t block, char *err,
                     size_t errlen) {
    if (!s)
        return len == 0
                   ? 1
                   : wnt_fail(err, errlen, "block %zu: %s NULL with length %zu", block, what, len);
    if (s[len] != '\0')
        return wnt_fail(err, errlen, "block %zu: %s not NUL-terminated", block, what);
    if (strlen(s) != len)
        return wnt_fail(err, errlen, "block %zu: %s holds a NUL byte", block, what);
    if (!wnt_utf8_valid(s, len))
        return wnt_fail(err, errlen, "block %zu: %s is not valid UTF-8", block, what);
    return 1;
}

typedef const char *(*getter)(const wn_block *, size_t *);

typedef struct sink {
    char *p;
    size_t n;
} sink;

static int append(void *ctx, const char *data, size_t len) {
    sink *s = ctx;
    char *nb = realloc(s->p, s->n + len + 1);
    if (!nb)
        return -1;
    memcpy(nb + s->n, data, len);
    s->n += len;
    nb[s->n] = '\0';
    s->p = nb;
    return 0;
}

static int check_json(const wn_doc *doc, unsigned flags, char *err, size_t errlen) {
    char *out = NULL;
    size_t n = 0;
    int st = wn_render_json(doc, flags, &out, &n);
    if (st != WN_OK)
        return wnt_fail(err, errlen, "render failed: %s", wn_strerror(st));
    int ok = wnt_json_valid(out, n, err, errlen) && strlen(out) == n;
    if (ok) {
        sink s = {NULL, 0};
        st = wn_render_json_to(doc, flags, append, &s);
        if (st != WN_OK || s.n != n || (n && memcmp(s.p, out, n) != 0))
            ok = wnt_fail(err, errlen, "streamed JSON differs from the buffered JSON");
        free(s.p);
    }
    wn_free(out);
    return ok;
}

int wnt_check_doc(const char *in, size_t len, const wn_doc *doc, char *err, size_t errlen) {
    if (!doc)
        return wnt_fail(err, errlen, "no document");
    if (wn_doc_input_size(doc) != len)
        return wnt_fail(err, errlen, "input size %zu, expected %zu", wn_doc_input_size(doc), len);
    size_t nb = wn_doc_block_count(doc);
    unsigned char *cover = calloc(len + 1, 1);
    if (!cover)
        return wnt_fail(err, errlen, "out of memory in the test");
    size_t prev_end = 0;
    int ok = 1;
    for (size_t i = 0; i < nb && ok; i++) {
        const wn_block *b = wn_doc_block(doc, i);
        if (!b) {
            ok = wnt_fail(err, errlen, "block %zu is NULL", i);
            break;
        }
        int t = wn_block_type(b);
        if (!wn_block_type_name(t)) {
            ok = wnt_fail(err, errlen, "block %zu has unknown type %d", i, t);
            break;
        }
        size_t s = wn_block_start(b), e = wn_block_end(b);
        if (s > e || e > len || s < prev_end) {
            ok = wnt_fail(err, errlen, "block %zu span [%zu,%zu) out of order or bounds", i, s, e);
            break;
        }
        if (s == e) {
            ok = wnt_fail(err, errlen, "block %zu has an empty span", i);
            break;
        }
        prev_end = e;
        memset(cover + s, 1, e - s);
        static const getter getters[] = {wn_block_text,
                                         wn_block_reason,
                                         wn_block_value,
                                         wn_block_dateline_place,
                                         wn_block_dateline_agency,
                                         wn_block_author,
                                         wn_block_handle,
                                         wn_block_date,
                                         wn_block_attribution,
                                         wn_block_label,
                                         wn_block_title,
                                         wn_block_url,
                                         wn_block_credit};
        static const char *const names[] = {"text",   "reason", "value", "place",       "agency",
                                            "author", "handle", "date",  "attribution", "label",
                                            "title",  "url",    "credit"};
        for (size_t g = 0; g < sizeof getters / sizeof getters[0] && ok; g++) {
            size_t l = 12345;
            const char *v = getters[g](b, &l);
            ok = check_str(v, l, names[g], i, err, errlen);
        }
        if (!ok)
            break;
        if ((t == WN_BLOCK_LIST || t == WN_BLOCK_RELATED) != (wn_block_text(b, NULL) == NULL)) {
            ok = wnt_fail(err, errlen, "block %zu: text presence does not match its type", i);
            break;
        }
        if (t == WN_BLOCK_NOISE && !wn_block_reason(b, NULL)) {
            ok = wnt_fail(err, errlen, "block %zu: noise without a reason", i);
            break;
        }
        if (t == WN_BLOCK_RELATED && !wn_block_title(b, NULL)) {
            ok = wnt_fail(err, errlen, "block %zu: related without a title", i);
            break;
        }
        size_t counts[3] = {wn_block_links_count(b), wn_block_authors_count(b),
                            wn_block_items_count(b)};
        for (size_t k = 0; k < counts[0] && ok; k++) {
            size_t l;
            const char *v = wn_block_links_at(b, k, &l);
            ok = v && check_str(v, l, "link", i, err, errlen);
        }
        for (size_t k = 0; k < counts[1] && ok; k++) {
            size_t l;
            const char *v = wn_block_authors_at(b, k, &l);
            ok = v && check_str(v, l, "author", i, err, errlen);
        }
        for (size_t k = 0; k < counts[2] && ok; k++) {
            size_t l;
            const char *v = wn_block_items_at(b, k, &l);
            ok = v && check_str(v, l, "item", i, err, errlen);
        }
        if (ok &&
            (wn_block_links_at(b, counts[0], NULL) || wn_block_authors_at(b, counts[1], NULL) ||
             wn_block_items_at(b, counts[2], NULL)))
            ok = wnt_fail(err, errlen, "block %zu: array getter past its count", i);
    }
    if (ok && wn_doc_block(doc, nb) != NULL)
        ok = wnt_fail(err, errlen, "wn_doc_block past the count is not NULL");
    /* every byte outside the spans must be white space */
    const unsigned char *u = (const unsigned char *)in;
    for (size_t i = 0; i < len && ok;) {
        unsigned long cp;
        size_t k = u8_decode(u + i, len - i, &cp);
        int blank = k && wnt_is_blank_cp(cp);
        if (!k)
            k = 1;
        for (size_t q = i; q < i + k && ok; q++)
            if (!cover[q] && !blank)
                ok = wnt_fail(err, errlen, "byte %zu (0x%02x) is in no block", q, u[q]);
        i += k;
    }
    free(cover);
    if (!ok)
        return 0;
    /* top-level getters */
    typedef const char *(*docgetter)(const wn_doc *, size_t *);
    static const docgetter tops[] = {wn_doc_headline, wn_doc_dek, wn_doc_byline, wn_doc_published};
    static const char *const topnames[] = {"headline", "dek", "byline", "published"};
    for (size_t g = 0; g < 4; g++) {
        size_t l = 12345;
        const char *v = tops[g](doc, &l);
        if (!check_str(v, l, topnames[g], 0, err, errlen))
            return 0;
    }
    const wn_block *dl = wn_doc_dateline(doc);
    if (dl && (wn_block_type(dl) != WN_BLOCK_PARAGRAPH || !wn_block_has_dateline(dl)))
        return wnt_fail(err, errlen, "wn_doc_dateline is not a paragraph with a dateline");
    return check_json(doc, 0, err, errlen) && check_json(doc, WN_JSON_PRETTY, err, errlen);
}

int wnt_parse_check(const char *in, size_t len, char *err, size_t errlen) {
    wn_doc *doc = NULL;
    int st = wn_parse(in, len, NULL, &doc);
    if (st != WN_OK)
        return wnt_fail(err, errlen, "wn_parse failed: %s", wn_strerror(st));
    int ok = wnt_check_doc(in, len, doc, err, errlen);
    wn_doc_free(doc);
    return ok;
}

int wnt_parse_check_options(const char *in, size_t len, size_t *blocks, char *err, size_t errlen) {
    for (unsigned f = 0; f <= WN_OPT_ALL; f++) {
        wn_options o;
        wn_options_init(&o);
        o.flags = f;
        wn_doc *doc = NULL;
        int st = wn_parse(in, len, &o, &doc);
        if (st != WN_OK)
            return wnt_fail(err, errlen, "flags %u: wn_parse failed: %s", f, wn_strerror(st));
        char why[200];
        int ok = wnt_check_doc(in, len, doc, why, sizeof why);
        if (f == WN_OPT_DEFAULT && blocks)
            *blocks = wn_doc_block_count(doc);
        wn_doc_free(doc);
        if (!ok)
            return wnt_fail(err, errlen, "flags %u: %s", f, why);
    }
    return 1;
}

char *wnt_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

int wnt_each_article(const char *dir, wnt_article_fn fn, void *ctx) {
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = wnt_read_file(path, &len);
        fn(e->d_name, text, len, ctx);
        free(text);
        count++;
    }
    closedir(d);
    return count;
}

/* ------------------------------------------------------- failing allocator */

#define WNT_HOOK_MAGIC 0x5EEDu

static wnt_hook *hook_of(void *ctx) {
    wnt_hook *h = ctx;
    if (!h || h->magic != WNT_HOOK_MAGIC) {
        fprintf(stderr, "wntest: allocator called with a wrong context\n");
        abort();
    }
    return h;
}

static int hook_refuse(wnt_hook *h) {
    h->calls++;
    if (h->fail_at && (h->calls == h->fail_at || (h->fail_on && h->calls > h->fail_at))) {
        h->failed++;
        return 1;
    }
    return 0;
}

static void hook_count(wnt_hook *h, void *gone, void *got) {
    if (gone)
        h->bytes -= malloc_usable_size(gone);
    if (got)
        h->bytes += malloc_usable_size(got);
    if (h->bytes > h->peak)
        h->peak = h->bytes;
}

static void *hook_malloc(void *ctx, size_t n) {
    wnt_hook *h = hook_of(ctx);
    if (hook_refuse(h))
        return NULL;
    void *p = malloc(n);
    if (p)
        h->live++;
    hook_count(h, NULL, p);
    return p;
}

static void *hook_realloc(void *ctx, void *p, size_t n) {
    wnt_hook *h = hook_of(ctx);
    if (hook_refuse(h))
        return NULL;
    size_t had = p ? malloc_usable_size(p) : 0;
    void *r = realloc(p, n);
    if (r && !p)
        h->live++;
    if (r) {
        h->bytes -= had;
        hook_count(h, NULL, r);
    }
    return r;
}

static void hook_free(void *ctx, void *p) {
    wnt_hook *h = hook_of(ctx);
    if (p)
        h->live--;
    hook_count(h, p, NULL);
    free(p);
}

void wnt_hook_arm(wnt_hook *h, long fail_at, int fail_on) {
    h->magic = WNT_HOOK_MAGIC;
    h->calls = 0;
    h->failed = 0;
    h->fail_at = fail_at;
    h->fail_on = fail_on;
    h->peak = h->bytes;
}

wn_allocator wnt_hook_allocator(wnt_hook *h) {
    wn_allocator al = {hook_malloc, hook_realloc, hook_free, h};
    h->magic = WNT_HOOK_MAGIC;
    return al;
}
