/*
 * fuzz-common.c - checks shared by the fuzz targets: the wntest invariants
 * and a small JSON reader whose result is compared with the getters.
 */
#include "fuzz-common.h"

#include <stdarg.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wntest.h"

/* ------------------------------------------------------------------ JSON values */

enum { JV_NULL, JV_FALSE, JV_TRUE, JV_NUM, JV_STR, JV_ARR, JV_OBJ };

typedef struct jv {
    int kind;
    unsigned long long num; /* JV_NUM: a non-negative integer; num_ok says so */
    int num_ok;
    char *s; /* JV_STR: decoded bytes, NUL-terminated */
    size_t slen;
    struct jv *items; /* JV_ARR, JV_OBJ: values */
    char **keys;      /* JV_OBJ: decoded keys */
    size_t n, cap;
} jv;

typedef struct jr {
    const char *s;
    size_t n, i;
    int depth;
    int oom;
} jr;

static void jv_free(jv *v) {
    free(v->s);
    for (size_t k = 0; k < v->n; k++) {
        jv_free(&v->items[k]);
        if (v->keys)
            free(v->keys[k]);
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

static void skip_ws(jr *r) {
    while (r->i < r->n &&
           (r->s[r->i] == ' ' || r->s[r->i] == '\n' || r->s[r->i] == '\r' || r->s[r->i] == '\t'))
        r->i++;
}

static int hex4(jr *r, unsigned *out) {
    if (r->n - r->i < 4)
        return 0;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char h = r->s[r->i++];
        v <<= 4;
        if (h >= '0' && h <= '9')
            v |= (unsigned)(h - '0');
        else if (h >= 'a' && h <= 'f')
            v |= (unsigned)(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
            v |= (unsigned)(h - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static size_t put_utf8(unsigned long cp, char *o) {
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A string at r->i (on the opening quote), decoded into a malloc'd buffer. */
static char *read_string(jr *r, size_t *len) {
    if (r->i >= r->n || r->s[r->i] != '"')
        return NULL;
    r->i++;
    size_t start = r->i;
    while (r->i < r->n && r->s[r->i] != '"')
        r->i += r->s[r->i] == '\\' ? 2 : 1;
    if (r->i >= r->n)
        return NULL;
    /* decoded text is never longer than the escaped text */
    char *out = malloc(r->i - start + 1);
    if (!out) {
        r->oom = 1;
        return NULL;
    }
    size_t o = 0;
    r->i = start;
    while (r->s[r->i] != '"') {
        unsigned char c = (unsigned char)r->s[r->i];
        if (c < 0x20)
            goto bad;
        if (c != '\\') {
            out[o++] = (char)c;
            r->i++;
            continue;
        }
        char e = r->s[r->i + 1];
        r->i += 2;
        switch (e) {
        case '"':
            out[o++] = '"';
            break;
        case '\\':
            out[o++] = '\\';
            break;
        case '/':
            out[o++] = '/';
            break;
        case 'b':
            out[o++] = '\b';
            break;
        case 'f':
            out[o++] = '\f';
            break;
        case 'n':
            out[o++] = '\n';
            break;
        case 'r':
            out[o++] = '\r';
            break;
        case 't':
            out[o++] = '\t';
            break;
        case 'u': {
            unsigned hi, lo;
            if (!hex4(r, &hi))
                goto bad;
            unsigned long cp = hi;
            if (hi >= 0xD800 && hi <= 0xDBFF) {
                if (r->n - r->i < 6 || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u')
                    goto bad;
                r->i += 2;
                if (!hex4(r, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    goto bad;
                cp = 0x10000 + ((unsigned long)(hi - 0xD800) << 10) + (lo - 0xDC00);
            } else if (hi >= 0xDC00 && hi <= 0xDFFF) {
                goto bad;
            }
            o += put_utf8(cp, out + o);
            break;
        }
        default:
            goto bad;
        }
    }
    r->i++; /* closing quote */
    out[o] = '\0';
    *len = o;
    return out;
bad:
    free(out);
    return NULL;
}

static int read_value(jr *r, jv *v);

static int push(jr *r, jv *v, char *key) {
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        jv *ni = realloc(v->items, cap * sizeof *ni);
        if (!ni)
            goto oom;
        v->items = ni;
        if (v->kind == JV_OBJ) {
            char **nk = realloc(v->keys, cap * sizeof *nk);
            if (!nk)
                goto oom;
            v->keys = nk;
        }
        v->cap = cap;
    }
    memset(&v->items[v->n], 0, sizeof v->items[v->n]);
    if (v->kind == JV_OBJ)
        v->keys[v->n] = key;
    v->n++;
    return 1;
oom:
    free(key);
    r->oom = 1;
    return 0;
}

static int read_container(jr *r, jv *v, char close) {
    if (++r->depth > 32)
        return 0;
    r->i++;
    skip_ws(r);
    if (r->i < r->n && r->s[r->i] == close) {
        r->i++;
        r->depth--;
        return 1;
    }
    for (;;) {
        skip_ws(r);
        char *key = NULL;
        if (close == '}') {
            size_t kl;
            key = read_string(r, &kl);
            if (!key)
                return 0;
            for (size_t k = 0; k < v->n; k++)
                if (strcmp(v->keys[k], key) == 0) { /* duplicate key */
                    free(key);
                    return 0;
                }
            skip_ws(r);
            if (r->i >= r->n || r->s[r->i] != ':') {
                free(key);
                return 0;
            }
            r->i++;
        }
        if (!push(r, v, key) || !read_value(r, &v->items[v->n - 1]))
            return 0;
        skip_ws(r);
        if (r->i < r->n && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->n && r->s[r->i] == close) {
            r->i++;
            r->depth--;
            return 1;
        }
        return 0;
    }
}

static int read_literal(jr *r, const char *lit) {
    size_t m = strlen(lit);
    if (r->n - r->i < m || memcmp(r->s + r->i, lit, m) != 0)
        return 0;
    r->i += m;
    return 1;
}

static int read_number(jr *r, jv *v) {
    v->kind = JV_NUM;
    v->num_ok = 1;
    size_t start = r->i;
    if (r->i < r->n && r->s[r->i] == '-') {
        v->num_ok = 0;
        r->i++;
    }
    size_t digits = r->i;
    while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9') {
        unsigned d = (unsigned)(r->s[r->i] - '0');
        if (v->num > (ULLONG_MAX - d) / 10)
            v->num_ok = 0;
        else
            v->num = v->num * 10 + d;
        r->i++;
    }
    if (r->i == digits || (r->s[digits] == '0' && r->i - digits > 1))
        return 0;
    if (r->i < r->n && (r->s[r->i] == '.' || r->s[r->i] == 'e' || r->s[r->i] == 'E'))
        return 0; /* the renderer writes integers only */
    return r->i > start;
}

static int read_value(jr *r, jv *v) {
    skip_ws(r);
    if (r->i >= r->n)
        return 0;
    switch (r->s[r->i]) {
    case '{':
        v->kind = JV_OBJ;
        return read_container(r, v, '}');
    case '[':
        v->kind = JV_ARR;
        return read_container(r, v, ']');
    case '"':
        v->kind = JV_STR;
        v->s = read_string(r, &v->slen);
        return v->s != NULL;
    case 't':
        v->kind = JV_TRUE;
        return read_literal(r, "true");
    case 'f':
        v->kind = JV_FALSE;
        return read_literal(r, "false");
    case 'n':
        v->kind = JV_NULL;
        return read_literal(r, "null");
    default:
        return read_number(r, v);
    }
}

/* ------------------------------------------------------------------ comparison */

static const jv *get(const jv *obj, const char *key) {
    if (!obj || obj->kind != JV_OBJ)
        return NULL;
    for (size_t k = 0; k < obj->n; k++)
        if (strcmp(obj->keys[k], key) == 0)
            return &obj->items[k];
    return NULL;
}

/* A JSON string-or-null against a getter's (pointer, length). */
static int same_str(const jv *v, const char *s, size_t n) {
    if (!v)
        return 0;
    if (!s)
        return v->kind == JV_NULL;
    return v->kind == JV_STR && v->slen == n && memcmp(v->s, s, n) == 0;
}

typedef const char *(*getter)(const wn_block *, size_t *);
typedef const char *(*getter_at)(const wn_block *, size_t, size_t *);

static int same_field(const jv *blk, const char *key, const wn_block *b, getter g, size_t i,
                      char *err, size_t errlen) {
    size_t n;
    const char *s = g(b, &n);
    if (!same_str(get(blk, key), s, n))
        return wnt_fail(err, errlen, "block %zu: JSON \"%s\" differs from its getter", i, key);
    return 1;
}

static int same_array(const jv *blk, const char *key, const wn_block *b, size_t count, getter_at g,
                      size_t i, char *err, size_t errlen) {
    const jv *a = get(blk, key);
    if (!a || a->kind != JV_ARR || a->n != count)
        return wnt_fail(err, errlen, "block %zu: JSON \"%s\" is not an array of %zu", i, key,
                        count);
    for (size_t k = 0; k < count; k++) {
        size_t n;
        const char *s = g(b, k, &n);
        if (!s || !same_str(&a->items[k], s, n))
            return wnt_fail(err, errlen, "block %zu: JSON \"%s\"[%zu] differs from its getter", i,
                            key, k);
    }
    return 1;
}

/* Keys each type carries besides "type" and "span" (OUTPUT.md). */
static size_t expected_keys(int type, int has_dateline) {
    switch (type) {
    case WN_BLOCK_BYLINE:
        return 2; /* text, authors */
    case WN_BLOCK_TIMESTAMP:
        return 2; /* text, value */
    case WN_BLOCK_PARAGRAPH:
        return has_dateline ? 2 : 1;
    case WN_BLOCK_LIST:
        return 2; /* items, ordered */
    case WN_BLOCK_TWEET:
        return 6; /* text, author, handle, date, links, attribution */
    case WN_BLOCK_RELATED:
        return 3; /* label, title, url */
    case WN_BLOCK_CAPTION:
        return 2; /* text, credit */
    case WN_BLOCK_NOISE:
        return 2; /* text, reason */
    default:
        return 1; /* text */
    }
}

static int same_dateline(const jv *d, const wn_block *b) {
    if (!b)
        return d && d->kind == JV_NULL;
    size_t pn, an;
    const char *place = wn_block_dateline_place(b, &pn);
    const char *agency = wn_block_dateline_agency(b, &an);
    return d && d->kind == JV_OBJ && d->n == 2 && same_str(get(d, "place"), place, pn) &&
           same_str(get(d, "agency"), agency, an);
}

static int check_block(const jv *o, const wn_block *b, size_t i, char *err, size_t errlen) {
    if (!o || o->kind != JV_OBJ)
        return wnt_fail(err, errlen, "block %zu is not a JSON object", i);
    int t = wn_block_type(b);
    const char *name = wn_block_type_name(t);
    const jv *type = get(o, "type"), *span = get(o, "span");
    if (!name || !same_str(type, name, strlen(name)))
        return wnt_fail(err, errlen, "block %zu: JSON type differs from wn_block_type()", i);
    if (!span || span->kind != JV_ARR || span->n != 2 || span->items[0].kind != JV_NUM ||
        span->items[1].kind != JV_NUM || !span->items[0].num_ok || !span->items[1].num_ok ||
        span->items[0].num != (unsigned long long)wn_block_start(b) ||
        span->items[1].num != (unsigned long long)wn_block_end(b))
        return wnt_fail(err, errlen, "block %zu: JSON span differs from wn_block_start/end()", i);
    if (o->n != 2 + expected_keys(t, wn_block_has_dateline(b)))
        return wnt_fail(err, errlen, "block %zu (%s): %zu keys in the JSON", i, name, o->n);
    if (t != WN_BLOCK_LIST && t != WN_BLOCK_RELATED &&
        !same_field(o, "text", b, wn_block_text, i, err, errlen))
        return 0;
    switch (t) {
    case WN_BLOCK_BYLINE:
        return same_array(o, "authors", b, wn_block_authors_count(b), wn_block_authors_at, i, err,
                          errlen);
    case WN_BLOCK_TIMESTAMP:
        return same_field(o, "value", b, wn_block_value, i, err, errlen);
    case WN_BLOCK_PARAGRAPH:
        if (wn_block_has_dateline(b) && !same_dateline(get(o, "dateline"), b))
            return wnt_fail(err, errlen, "block %zu: JSON dateline differs from its getters", i);
        return 1;
    case WN_BLOCK_LIST: {
        const jv *ord = get(o, "ordered");
        if (!ord || ord->kind != (wn_block_ordered(b) ? JV_TRUE : JV_FALSE))
            return wnt_fail(err, errlen, "block %zu: JSON \"ordered\" differs", i);
        return same_array(o, "items", b, wn_block_items_count(b), wn_block_items_at, i, err,
                          errlen);
    }
    case WN_BLOCK_TWEET:
        return same_field(o, "author", b, wn_block_author, i, err, errlen) &&
               same_field(o, "handle", b, wn_block_handle, i, err, errlen) &&
               same_field(o, "date", b, wn_block_date, i, err, errlen) &&
               same_field(o, "attribution", b, wn_block_attribution, i, err, errlen) &&
               same_array(o, "links", b, wn_block_links_count(b), wn_block_links_at, i, err,
                          errlen);
    case WN_BLOCK_RELATED:
        return same_field(o, "label", b, wn_block_label, i, err, errlen) &&
               same_field(o, "title", b, wn_block_title, i, err, errlen) &&
               same_field(o, "url", b, wn_block_url, i, err, errlen);
    case WN_BLOCK_CAPTION:
        return same_field(o, "credit", b, wn_block_credit, i, err, errlen);
    case WN_BLOCK_NOISE:
        return same_field(o, "reason", b, wn_block_reason, i, err, errlen);
    default:
        return 1;
    }
}

static int check_top(const jv *root, const wn_doc *doc, char *err, size_t errlen) {
    typedef const char *(*docgetter)(const wn_doc *, size_t *);
    static const docgetter getters[] = {wn_doc_headline, wn_doc_dek, wn_doc_byline,
                                        wn_doc_published};
    static const char *const keys[] = {"headline", "dek", "byline", "published"};
    if (!root || root->kind != JV_OBJ || root->n != 7)
        return wnt_fail(err, errlen, "the JSON is not an object of 7 keys");
    const jv *version = get(root, "version");
    if (!version || version->kind != JV_NUM || version->num != 1)
        return wnt_fail(err, errlen, "JSON version is not 1");
    for (size_t g = 0; g < 4; g++) {
        size_t n;
        const char *s = getters[g](doc, &n);
        if (!same_str(get(root, keys[g]), s, n))
            return wnt_fail(err, errlen, "JSON \"%s\" differs from wn_doc_%s()", keys[g], keys[g]);
    }
    if (!same_dateline(get(root, "dateline"), wn_doc_dateline(doc)))
        return wnt_fail(err, errlen, "JSON dateline differs from wn_doc_dateline()");
    const jv *blocks = get(root, "blocks");
    size_t nb = wn_doc_block_count(doc);
    if (!blocks || blocks->kind != JV_ARR || blocks->n != nb)
        return wnt_fail(err, errlen, "JSON has %zu blocks, wn_doc_block_count() says %zu",
                        blocks && blocks->kind == JV_ARR ? blocks->n : 0, nb);
    for (size_t i = 0; i < nb; i++)
        if (!check_block(&blocks->items[i], wn_doc_block(doc, i), i, err, errlen))
            return 0;
    return 1;
}

int wnf_json_matches_doc(const wn_doc *doc, char *err, size_t errlen) {
    for (unsigned flags = 0; flags <= WN_JSON_PRETTY; flags += WN_JSON_PRETTY) {
        char *json = NULL;
        size_t n = 0;
        int st = wn_render_json(doc, flags, &json, &n);
        if (st != WN_OK)
            return wnt_fail(err, errlen, "wn_render_json: %s", wn_strerror(st));
        jr r = {json, n, 0, 0, 0};
        jv root;
        memset(&root, 0, sizeof root);
        int ok = read_value(&r, &root);
        skip_ws(&r);
        if (r.oom)
            ok = wnt_fail(err, errlen, "out of memory reading the JSON");
        else if (!ok || r.i != n)
            ok = wnt_fail(err, errlen, "the JSON does not read back (byte %zu of %zu)", r.i, n);
        else
            ok = check_top(&root, doc, err, errlen);
        jv_free(&root);
        wn_free(json);
        if (!ok)
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ one input */

int wnf_check_input(const char *in, size_t len, const wn_options *opts, char *err, size_t errlen) {
    wn_doc *doc = NULL;
    int st = wn_parse(in, len, opts, &doc);
    if (st != WN_OK)
        return wnt_fail(err, errlen, "wn_parse: %s", wn_strerror(st));
    int ok = wnt_check_doc(in, len, doc, err, errlen) && wnf_json_matches_doc(doc, err, errlen);
    if (ok) {
        char *a = NULL, *b = NULL;
        size_t an = 0, bn = 0;
        int sa = wn_render_json(doc, 0, &a, &an);
        int sb = wn_parse_to_json(in, len, opts, 0, &b, &bn);
        if (sa != WN_OK || sb != WN_OK || an != bn || memcmp(a, b, an) != 0)
            ok = wnt_fail(err, errlen,
                          "wn_parse_to_json() differs from wn_parse() + wn_render_json()");
        wn_free(a);
        wn_free(b);
    }
    wn_doc_free(doc);
    return ok;
}

void wnf_die(const char *what, const char *err, size_t len) {
    fprintf(stderr, "wirenews fuzz: %s: %s (input of %zu bytes)\n", what, err, len);
    fflush(stderr);
    abort();
}
