/*
 * json.c - the rendering stage: a document as the JSON of OUTPUT.md (data
 * model version 1), compact or indented, into one buffer the caller frees
 * with wn_free(), or streamed through a callback in bounded pieces.
 */
#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define WN_JSON_CHUNK (64u * 1024u)
#define WN_JSON_DEPTH 8

typedef struct jw {
    /* growable mode: base is an owned allocation (wn_owned_alloc layout) */
    char *buf;
    size_t n, cap;
    const wn_allocator *al;
    /* streaming mode */
    wn_write_fn write;
    void *ctx;
    int status;
    int pretty;
    int depth;
    int has_item[WN_JSON_DEPTH];
} jw;

static void jw_flush(jw *w) {
    if (w->write && w->n && w->status == WN_OK) {
        if (w->write(w->ctx, w->buf, w->n) != 0)
            w->status = WN_ERR_WRITE;
        w->n = 0;
    }
}

/* Make room for `need` bytes. */
static int jw_room(jw *w, size_t need) {
    if (w->status != WN_OK)
        return 0;
    if (w->cap - w->n >= need)
        return 1;
    if (w->write) {
        jw_flush(w);
        if (w->status != WN_OK)
            return 0;
        if (w->cap >= need)
            return 1;
    }
    /* grow by a quarter: the first size is a close guess, so a document
     * that outgrows it needs only a little more, and doubling a buffer of
     * the input's size would double the peak */
    size_t cap = w->cap ? w->cap : 4096;
    while (cap - w->n < need) {
        if (cap > SIZE_MAX / 5 * 4) {
            w->status = WN_ERR_NOMEM;
            return 0;
        }
        cap += cap / 4;
    }
    char *nb = w->write ? wn_mem_realloc(w->al, w->buf, cap) : wn_owned_realloc(w->al, w->buf, cap);
    if (!nb) {
        w->status = WN_ERR_NOMEM;
        return 0;
    }
    w->buf = nb;
    w->cap = cap;
    return 1;
}

static void jw_raw_slow(jw *w, const char *s, size_t n) {
    if (w->write && n > WN_JSON_CHUNK) {
        /* large pieces go out in chunks */
        while (n) {
            size_t k = n < WN_JSON_CHUNK ? n : WN_JSON_CHUNK;
            jw_raw_slow(w, s, k);
            s += k;
            n -= k;
        }
        return;
    }
    if (!jw_room(w, n))
        return;
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}

static inline void jw_raw(jw *w, const char *s, size_t n) {
    if (WN_LIKELY(w->cap - w->n >= n && w->status == WN_OK)) {
        memcpy(w->buf + w->n, s, n);
        w->n += n;
        return;
    }
    jw_raw_slow(w, s, n);
}

static inline void jw_byte(jw *w, char c) {
    if (WN_LIKELY(w->cap - w->n >= 1 && w->status == WN_OK)) {
        w->buf[w->n++] = c;
        return;
    }
    jw_raw_slow(w, &c, 1);
}

/* A string literal: its length is known when compiling. */
#define jw_lit(w, s) jw_raw((w), (s), sizeof(s) - 1)

static void jw_newline(jw *w) {
    if (!w->pretty)
        return;
    if (!jw_room(w, 1 + (size_t)w->depth * 2))
        return;
    w->buf[w->n++] = '\n';
    for (int k = 0; k < w->depth; k++) {
        w->buf[w->n++] = ' ';
        w->buf[w->n++] = ' ';
    }
}

static const char hexd[] = "0123456789abcdef";

/* Does any byte of w need escaping: '"', '\\' or a control below 0x20?
 * Bytes of 0x80 and above (UTF-8) need none. */
static inline uint64_t needs_escape(uint64_t w) {
    return wn_swar_eq(w, '"') | wn_swar_eq(w, '\\') | wn_swar_below(w, 0x20);
}

#if defined(__SSE2__)
/* The bytes of v that need escaping, one bit each: '"', '\\' and the
 * control bytes (max(v, 0x1F) == 0x1F, compared unsigned). */
static inline unsigned escape_bits(__m128i v) {
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  c1f = _mm_set1_epi8(0x1F);
    return (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                     _mm_cmpeq_epi8(_mm_max_epu8(v, c1f), c1f)));
}
#endif

/* Offset of the first byte of s that needs escaping, or n. Sixteen bytes
 * at a time with SSE2, then eight with plain 64-bit words. */
static size_t plain_run(const char *s, size_t n) {
    size_t j = 0;
#if defined(__SSE2__)
    for (; j + 16 <= n; j += 16) {
        unsigned bits = escape_bits(_mm_loadu_si128((const __m128i *)(const void *)(s + j)));
        if (bits)
            return j + (size_t)__builtin_ctz(bits);
    }
    if (j < n && n >= 16) {
        /* the last sixteen bytes, those before j (tested already) shifted out */
        unsigned bits = escape_bits(_mm_loadu_si128((const __m128i *)(const void *)(s + n - 16))) >>
                        (j - (n - 16));
        return bits ? j + (size_t)__builtin_ctz(bits) : n;
    }
#endif
    for (; j + 8 <= n; j += 8)
        if (needs_escape(wn_load64(s + j)))
            break;
    while (j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' && s[j] != '\\')
        j++;
    return j;
}

/* The escape of byte c (one that needs it) at o; returns its length. */
static size_t escape_byte(char *o, unsigned char c) {
    o[0] = '\\';
    switch (c) {
    case '"':
        o[1] = '"';
        return 2;
    case '\\':
        o[1] = '\\';
        return 2;
    case '\n':
        o[1] = 'n';
        return 2;
    case '\t':
        o[1] = 't';
        return 2;
    case '\r':
        o[1] = 'r';
        return 2;
    default:
        o[1] = 'u';
        o[2] = '0';
        o[3] = '0';
        o[4] = hexd[c >> 4];
        o[5] = hexd[c & 15];
        return 6;
    }
}

#if defined(__SSE2__)
/* Store the 16 bytes at s to o; returns escape_bits() of them. */
static inline unsigned copy_and_test16(const char *s, char *o) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    _mm_storeu_si128((__m128i *)(void *)o, v);
    return escape_bits(v);
}
#endif

#if WN_HAVE_AVX2_TARGET
/* copy_and_test16() of 32 bytes, with AVX2. */
__attribute__((target("avx2"))) static inline unsigned copy_and_test32(const char *s, char *o) {
    const __m256i quote = _mm256_set1_epi8('"'), bslash = _mm256_set1_epi8('\\'),
                  c1f = _mm256_set1_epi8(0x1F);
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
    _mm256_storeu_si256((__m256i *)(void *)o, v);
    return (unsigned)_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, bslash)),
                        _mm256_cmpeq_epi8(_mm256_max_epu8(v, c1f), c1f)));
}
#endif

#if defined(__SSE2__)
/* Store the block of 16 bytes at s (32 when `wide`, which only an AVX2
 * body may ask for) to o; returns the bytes that need escaping. */
static WN_ALWAYS_INLINE unsigned copy_and_test(const char *s, char *o, int wide) {
#if WN_HAVE_AVX2_TARGET
    if (wide)
        return copy_and_test32(s, o);
#endif
    (void)wide;
    return copy_and_test16(s, o);
}

/* Escape s[0..n) straight into the buffer at o, which has room for all of
 * s as it is: each block is stored as it is while it is tested, and the
 * output moves on past the plain ones, so plain text is copied in the same
 * pass that tests it. A block is stored only when a block of s remains, so
 * the room never runs out before s does. Returns how much of s was done
 * (the rest, if any, goes the general way). Blocks of 16 bytes, or of 32
 * when `wide`. */
static WN_ALWAYS_INLINE size_t escaped_blocks(jw *w, const char *s, size_t n, char *o, int wide) {
    const size_t width = wide ? 32 : 16;
    size_t i = 0;
    int plain_before = 0; /* the block before o copies the one before s + i */
    while (i + width <= n) {
        unsigned bits = copy_and_test(s + i, o, wide);
        if (!bits) {
            i += width;
            o += width;
            plain_before = 1;
            continue;
        }
        unsigned k = (unsigned)__builtin_ctz(bits);
        i += k;
        w->n = (size_t)(o - w->buf) + k;
        char esc[6];
        jw_raw(w, esc, escape_byte(esc, (unsigned char)s[i]));
        i++;
        if (w->status != WN_OK || w->cap - w->n < n - i)
            return i;
        o = w->buf + w->n;
        plain_before = 0;
    }
    if (i < n && plain_before) {
        /* the last block of s: the bytes before s + i were copied as they
         * are, so storing the block over them changes nothing (and what
         * it stores past the rest of s is in the room, and overwritten
         * when the rest goes the general way) */
        size_t d = i - (n - width);
        if (!(copy_and_test(s + n - width, o - d, wide) >> d)) {
            o += n - i;
            i = n;
        }
    }
    w->n = (size_t)(o - w->buf);
    return i;
}
#endif

#if WN_HAVE_AVX2_TARGET
__attribute__((target("avx2"))) static size_t escaped_blocks32(jw *w, const char *s, size_t n) {
    return escaped_blocks(w, s, n, w->buf + w->n, 1);
}
#endif

/* Escape s[0..n) while the buffer has room for the rest of it as it is
 * (see escaped_blocks()); returns how much of s was done. */
static size_t jw_escaped_fast(jw *w, const char *s, size_t n) {
#if defined(__SSE2__)
    if (n < 16 || w->status != WN_OK || w->cap - w->n < n)
        return 0;
#if WN_HAVE_AVX2_TARGET
    if (n >= 32 && wn_have_avx2())
        return escaped_blocks32(w, s, n);
#endif
    return escaped_blocks(w, s, n, w->buf + w->n, 0);
#else
    (void)w;
    (void)s;
    (void)n;
    return 0;
#endif
}

static void jw_escaped(jw *w, const char *s, size_t n) {
    size_t i = jw_escaped_fast(w, s, n);
    while (i < n) {
        size_t j = i + plain_run(s + i, n - i);
        if (j > i)
            jw_raw(w, s + i, j - i);
        if (j >= n)
            break;
        char esc[6];
        jw_raw(w, esc, escape_byte(esc, (unsigned char)s[j]));
        i = j + 1;
    }
}

/* A string in quotes, or null; `escape` 0 for text known to need no
 * escaping (a block type's name). */
static WN_ALWAYS_INLINE void jw_quoted(jw *w, wn_sv s, int escape) {
    if (!s.p) {
        jw_lit(w, "null");
        return;
    }
    jw_byte(w, '"');
    if (escape)
        jw_escaped(w, s.p, s.n);
    else
        jw_raw(w, s.p, s.n);
    jw_byte(w, '"');
}

static void jw_str(jw *w, wn_sv s) {
    jw_quoted(w, s, 1);
}

static void jw_type(jw *w, int type) {
    jw_quoted(w, wn_type_name_sv(type), 0);
}

/* Start a value inside the current container: comma and indentation. */
static void jw_item(jw *w) {
    if (w->depth > 0 && w->depth <= WN_JSON_DEPTH) {
        if (w->has_item[w->depth - 1])
            jw_byte(w, ',');
        w->has_item[w->depth - 1] = 1;
    }
    jw_newline(w);
}

/* A key: `quoted` is the key with its quotes and colon ("\"type\":").
 * Inlined at every key, so its copy is of a known length. */
static WN_ALWAYS_INLINE void jw_key_raw(jw *w, const char *quoted, size_t n) {
    jw_item(w);
    jw_raw(w, quoted, n);
    if (w->pretty)
        jw_byte(w, ' ');
}
#define jw_key(w, key) jw_key_raw((w), "\"" key "\":", sizeof("\"" key "\":") - 1)

static void jw_open(jw *w, char c) {
    jw_byte(w, c);
    w->depth++;
    if (w->depth <= WN_JSON_DEPTH)
        w->has_item[w->depth - 1] = 0;
}

static void jw_close(jw *w, char c) {
    int had = w->depth <= WN_JSON_DEPTH ? w->has_item[w->depth - 1] : 1;
    w->depth--;
    if (had)
        jw_newline(w);
    jw_byte(w, c);
}

/* Decimal, two digits a division. The digits end at tmp[WN_DIGITS_END]
 * with zeros after them, so when the buffer has room a fixed-size copy
 * (no call) moves them and some zeros; only the digits count. Returns
 * where in tmp they start. */
#define WN_DIGITS_END 24
static size_t size_digits(char tmp[2 * WN_DIGITS_END], size_t v) {
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    memset(tmp + WN_DIGITS_END, 0, WN_DIGITS_END); /* what the copy takes after the digits */
    size_t k = WN_DIGITS_END;
    while (v >= 100) {
        size_t r = v % 100;
        v /= 100;
        k -= 2;
        memcpy(tmp + k, pairs + 2 * r, 2);
    }
    if (v >= 10) {
        k -= 2;
        memcpy(tmp + k, pairs + 2 * v, 2);
    } else {
        tmp[--k] = (char)('0' + v);
    }
    return k;
}

static void jw_size(jw *w, size_t v) {
    char tmp[2 * WN_DIGITS_END];
    size_t k = size_digits(tmp, v), n = WN_DIGITS_END - k;
    if (WN_LIKELY(w->cap - w->n >= WN_DIGITS_END && w->status == WN_OK)) {
        memcpy(w->buf + w->n, tmp + k, WN_DIGITS_END);
        w->n += n;
        return;
    }
    jw_raw(w, tmp + k, n);
}

/* The head of a block in compact JSON, `,{"type":"NAME","span":[S,E]`
 * and, when `text` is set, `,"text":"` (the text's key and opening quote),
 * written under one test of the room: what jw_item(), jw_open(), jw_key(),
 * jw_type() and jw_size() write piece by piece, with the same commas and
 * the same state after it. Returns 0, having written nothing, when the
 * output is indented, the buffer lacks the room or the nesting is deeper
 * than the writer tracks. */
#define WN_HEAD_ROOM (1 + 9 + WN_TYPE_SLOT + 10 + WN_DIGITS_END + 1 + WN_DIGITS_END + 1 + 9)
static int block_head_fast(jw *w, const wn_block *b, int text) {
    wn_sv t = wn_type_name_sv(b->type);
    if (w->pretty || w->status != WN_OK || !t.p || w->depth < 1 || w->depth >= WN_JSON_DEPTH ||
        w->cap - w->n < WN_HEAD_ROOM)
        return 0;
    char *o = w->buf + w->n, tmp[2 * WN_DIGITS_END];
    int *item = &w->has_item[w->depth - 1];
    *o = ',';
    o += *item != 0; /* a comma after an earlier block */
    *item = 1;
    memcpy(o, "{\"type\":\"", 9);
    o += 9;
    memcpy(o, t.p, WN_TYPE_SLOT);
    o += t.n;
    memcpy(o, "\",\"span\":[", 10);
    o += 10;
    size_t k = size_digits(tmp, b->start);
    memcpy(o, tmp + k, WN_DIGITS_END);
    o += WN_DIGITS_END - k;
    *o++ = ',';
    k = size_digits(tmp, b->end);
    memcpy(o, tmp + k, WN_DIGITS_END);
    o += WN_DIGITS_END - k;
    *o++ = ']';
    memcpy(o, ",\"text\":\"", 9);
    o += text ? 9 : 0;
    w->n = (size_t)(o - w->buf);
    w->depth++;
    w->has_item[w->depth - 1] = 1; /* the block's keys have begun */
    return 1;
}

static void jw_strings(jw *w, const wn_sv *arr, size_t n) {
    jw_open(w, '[');
    for (size_t k = 0; k < n; k++) {
        jw_item(w);
        jw_str(w, arr[k]);
    }
    jw_close(w, ']');
}

static void render_dateline(jw *w, const wn_block *blk) {
    const wn_block_extra *b = wn_extra_of(blk);
    jw_open(w, '{');
    jw_key(w, "place");
    jw_str(w, b->f[WN_F_PLACE]);
    jw_key(w, "agency");
    jw_str(w, b->f[WN_F_AGENCY]);
    jw_close(w, '}');
}

static void render_block(jw *w, const wn_block *b) {
    const wn_block_extra *x = wn_extra_of(b);
    /* the text's key goes with the head for the types that have a text */
    int with_text = b->type != WN_BLOCK_LIST && b->type != WN_BLOCK_RELATED && b->text.p;
    int fast = block_head_fast(w, b, with_text);
    if (!fast) {
        jw_item(w);
        jw_open(w, '{');
        jw_key(w, "type");
        jw_type(w, b->type);
        jw_key(w, "span");
        jw_byte(w, '[');
        jw_size(w, b->start);
        if (w->pretty)
            jw_lit(w, ", ");
        else
            jw_byte(w, ',');
        jw_size(w, b->end);
        jw_byte(w, ']');
    }
    switch (b->type) {
    case WN_BLOCK_LIST:
        jw_key(w, "items");
        jw_strings(w, x->arr, x->narr);
        jw_key(w, "ordered");
        if (b->ordered)
            jw_lit(w, "true");
        else
            jw_lit(w, "false");
        break;
    case WN_BLOCK_RELATED:
        jw_key(w, "label");
        jw_str(w, x->f[WN_F_LABEL]);
        jw_key(w, "title");
        jw_str(w, x->f[WN_F_TITLE]);
        jw_key(w, "url");
        jw_str(w, x->f[WN_F_URL]);
        break;
    default:
        if (fast && with_text) { /* the head has the key and the opening quote */
            jw_escaped(w, b->text.p, b->text.n);
            jw_byte(w, '"');
            break;
        }
        jw_key(w, "text");
        jw_str(w, b->text);
        break;
    }
    switch (b->type) {
    case WN_BLOCK_BYLINE:
        jw_key(w, "authors");
        jw_strings(w, x->arr, x->narr);
        break;
    case WN_BLOCK_TIMESTAMP:
        jw_key(w, "value");
        jw_str(w, x->f[WN_F_VALUE]);
        break;
    case WN_BLOCK_PARAGRAPH:
        if (b->has_dateline) {
            jw_key(w, "dateline");
            render_dateline(w, b);
        }
        break;
    case WN_BLOCK_TWEET:
        jw_key(w, "author");
        jw_str(w, x->f[WN_F_AUTHOR]);
        jw_key(w, "handle");
        jw_str(w, x->f[WN_F_HANDLE]);
        jw_key(w, "date");
        jw_str(w, x->f[WN_F_DATE]);
        jw_key(w, "links");
        jw_strings(w, x->arr, x->narr);
        jw_key(w, "attribution");
        jw_str(w, x->f[WN_F_ATTRIBUTION]);
        break;
    case WN_BLOCK_CAPTION:
        jw_key(w, "credit");
        jw_str(w, x->f[WN_F_CREDIT]);
        break;
    case WN_BLOCK_NOISE: {
        size_t len;
        const char *r = wn_block_reason(b, &len);
        jw_key(w, "reason");
        jw_str(w, wn_sv_make(r, len));
        break;
    }
    default:
        break;
    }
    jw_close(w, '}');
}

static wn_sv doc_field(const wn_doc *doc, size_t index) {
    if (index >= doc->nblocks)
        return wn_sv_make(NULL, 0);
    return doc->blocks[index].text;
}

static void render(jw *w, const wn_doc *doc) {
    jw_open(w, '{');
    jw_key(w, "version");
    jw_lit(w, "1");
    jw_key(w, "headline");
    jw_str(w, doc_field(doc, doc->i_headline));
    jw_key(w, "dek");
    jw_str(w, doc_field(doc, doc->i_dek));
    jw_key(w, "byline");
    jw_str(w, doc_field(doc, doc->i_byline));
    jw_key(w, "dateline");
    if (doc->i_dateline < doc->nblocks)
        render_dateline(w, &doc->blocks[doc->i_dateline]);
    else
        jw_lit(w, "null");
    jw_key(w, "published");
    jw_str(w, doc->i_timestamp < doc->nblocks
                  ? wn_extra_of(&doc->blocks[doc->i_timestamp])->f[WN_F_VALUE]
                  : wn_sv_make(NULL, 0));
    jw_key(w, "blocks");
    jw_open(w, '[');
    for (size_t k = 0; k < doc->nblocks; k++)
        render_block(w, &doc->blocks[k]);
    jw_close(w, ']');
    jw_close(w, '}');
    if (w->pretty)
        jw_byte(w, '\n');
}

int wn_render_json_to(const wn_doc *doc, unsigned int flags, wn_write_fn write, void *ctx) {
    if (!doc || !write)
        return WN_ERR_INVALID;
    if (flags & ~(unsigned)WN_JSON_ALL)
        return WN_ERR_FLAGS;
    jw w;
    memset(&w, 0, sizeof w);
    w.al = &doc->al;
    w.write = write;
    w.ctx = ctx;
    w.pretty = (flags & WN_JSON_PRETTY) != 0;
    w.status = WN_OK;
    w.buf = wn_mem_alloc(w.al, WN_JSON_CHUNK);
    if (!w.buf)
        return WN_ERR_NOMEM;
    w.cap = WN_JSON_CHUNK;
    render(&w, doc);
    jw_flush(&w);
    wn_mem_free(w.al, w.buf);
    return w.status;
}

int wn_render_json(const wn_doc *doc, unsigned int flags, char **out, size_t *out_len) {
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!doc || !out)
        return WN_ERR_INVALID;
    if (flags & ~(unsigned)WN_JSON_ALL)
        return WN_ERR_FLAGS;
    jw w;
    memset(&w, 0, sizeof w);
    w.al = &doc->al;
    w.pretty = (flags & WN_JSON_PRETTY) != 0;
    w.status = WN_OK;
    /* render straight into memory the caller will own, sized from the
     * blocks and grown when needed; trimmed to fit at the end. The text is
     * about the input's size (escapes add a little, the white space between
     * lines is dropped; bytes that were not UTF-8 grow to three). Around it
     * a block takes 33 bytes of keys and punctuation, its type's name, two
     * offsets of up to as many digits as the input's size has, and for
     * noise 24 more for the reason. */
    size_t text = 0, digits = 1;
    for (size_t v = doc->input_size; v >= 10; v /= 10)
        digits++;
    size_t guess = doc->input_size / 32 + 256;
    for (size_t k = 0; k < doc->nblocks; k++) {
        const wn_block *b = &doc->blocks[k];
        text += b->text.n;
        guess +=
            33 + wn_type_name_sv(b->type).n + 2 * digits + (b->type == WN_BLOCK_NOISE ? 24 : 0);
    }
    guess += text > doc->input_size ? text : doc->input_size;
    w.buf = wn_owned_alloc(w.al, guess);
    if (!w.buf)
        return WN_ERR_NOMEM;
    w.cap = guess;
    render(&w, doc);
    jw_byte(&w, '\0');
    if (w.status != WN_OK) {
        wn_free(w.buf);
        return w.status;
    }
    char *r = w.buf;
    if (w.cap - w.n > 4096) {
        char *shrunk = wn_owned_realloc(w.al, w.buf, w.n);
        if (shrunk)
            r = shrunk;
    }
    *out = r;
    if (out_len)
        *out_len = w.n - 1;
    return WN_OK;
}

int wn_parse_to_json(const char *data, size_t len, const wn_options *opts, unsigned int json_flags,
                     char **out, size_t *out_len) {
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out)
        return WN_ERR_INVALID;
    if (json_flags & ~(unsigned)WN_JSON_ALL)
        return WN_ERR_FLAGS;
    wn_doc *doc = NULL;
    int st = wn_parse(data, len, opts, &doc);
    if (st != WN_OK)
        return st;
    st = wn_render_json(doc, json_flags, out, out_len);
    wn_doc_free(doc);
    return st;
}
