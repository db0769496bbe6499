/*
 * lex.c - lexical helpers shared by the recognizers: UTF-8 stepping over
 * cleaned text, the library's own character classes (never <ctype.h>, so
 * the locale cannot change results), words, and names of months and days.
 */
#include <utf8proc.h>

#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

uint32_t wn_u8_next_slow(const char *s, size_t n, size_t *i) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = *i;
    uint32_t c = u[k];
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || k + (size_t)len > n) { /* cannot happen in cleaned text */
        *i = k + 1;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x7Fu >> len);
    for (int j = 1; j < len; j++)
        cp = (cp << 6) | (u[k + (size_t)j] & 0x3Fu);
    *i = k + (size_t)len;
    return cp;
}

uint32_t wn_u8_prev(const char *s, size_t *i) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = *i;
    if (k == 0)
        return 0;
    size_t start = k - 1;
    while (start > 0 && (u[start] & 0xC0) == 0x80 && k - start < 4)
        start--;
    size_t j = start;
    uint32_t cp = wn_u8_next(s, k, &j);
    *i = start;
    return cp;
}

size_t wn_u8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int wn_is_upper_slow(uint32_t cp) {
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int wn_is_lower_slow(uint32_t cp) {
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

int wn_is_alpha_slow(uint32_t cp) {
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int wn_is_quote(uint32_t cp) {
    return cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB ||
           cp == 0x2039 || cp == 0x203A;
}

int wn_is_closer(uint32_t cp) {
    return cp == ')' || cp == ']' || cp == '}' || wn_is_quote(cp);
}

/* wn_lower_ascii()'s table, written out by the preprocessor */
#define WN_LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : (c))
#define WN_LOWER4(c) WN_LOWER(c), WN_LOWER((c) + 1), WN_LOWER((c) + 2), WN_LOWER((c) + 3)
#define WN_LOWER16(c) WN_LOWER4(c), WN_LOWER4((c) + 4), WN_LOWER4((c) + 8), WN_LOWER4((c) + 12)
#define WN_LOWER64(c)                                                                              \
    WN_LOWER16(c), WN_LOWER16((c) + 16), WN_LOWER16((c) + 32), WN_LOWER16((c) + 48)
const unsigned char wn_lower_table[256] = {WN_LOWER64(0), WN_LOWER64(64), WN_LOWER64(128),
                                           WN_LOWER64(192)};
#undef WN_LOWER64
#undef WN_LOWER16
#undef WN_LOWER4
#undef WN_LOWER

size_t wn_ci_prefix(const char *s, size_t n, const char *lit) {
    size_t k = 0;
    for (; lit[k]; k++) {
        if (k >= n || wn_lower_ascii((unsigned char)s[k]) != wn_lower_ascii((unsigned char)lit[k]))
            return 0;
    }
    return k;
}

int wn_ci_eq(const char *s, size_t n, const char *lit) {
    return wn_ci_prefix(s, n, lit) == n && strlen(lit) == n;
}

int wn_ci_in(const char *s, size_t n, const char *const *list) {
    if (n == 0)
        return 0;
    unsigned char f = wn_lower_ascii((unsigned char)s[0]);
    for (; *list; list++) {
        const char *l = *list;
        if (wn_lower_ascii((unsigned char)l[0]) != f) /* most entries fail here */
            continue;
        if (wn_ci_prefix(s, n, l) == n && l[n] == '\0')
            return 1;
    }
    return 0;
}

size_t wn_find_n(const char *s, size_t n, const char *lit, size_t m) {
    if (m == 0)
        return 0;
    if (m > n)
        return SIZE_MAX;
    const char *end = s + n - m + 1;
    for (const char *q = s; q < end;) {
        const char *h = memchr(q, lit[0], (size_t)(end - q));
        if (!h)
            break;
        if (memcmp(h, lit, m) == 0)
            return (size_t)(h - s);
        q = h + 1;
    }
    return SIZE_MAX;
}

#if defined(__SSE2__)
/* Add to *total the bytes of s from *i on that `match` flags (lanes of
 * 0xFF), `match` being an expression of the block `v` just loaded; sixteen
 * bytes at a time up to the last whole block, *i advanced past them. */
#define WN_COUNT_BLOCKS(s, n, i, total, match)                                                     \
    do {                                                                                           \
        const __m128i zero_ = _mm_setzero_si128();                                                 \
        while (*(i) + 16 <= (n)) {                                                                 \
            size_t blocks_ = ((n) - *(i)) / 16;                                                    \
            if (blocks_ > 255) /* a lane counts to 255 at most */                                  \
                blocks_ = 255;                                                                     \
            __m128i acc_ = zero_;                                                                  \
            for (size_t k_ = 0; k_ < blocks_; k_++, *(i) += 16) {                                  \
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)((s) + *(i)));          \
                acc_ = _mm_sub_epi8(acc_, (match));                                                \
            }                                                                                      \
            __m128i sad_ = _mm_sad_epu8(acc_, zero_);                                              \
            *(total) += (size_t)_mm_cvtsi128_si32(sad_) + (size_t)_mm_extract_epi16(sad_, 4);      \
        }                                                                                          \
    } while (0)
#endif

size_t wn_count_two(const char *s, size_t n, unsigned char a, unsigned char b, size_t *nb) {
    size_t ta = 0, tb = 0, i = 0;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b),
                  zero = _mm_setzero_si128();
    while (i + 16 <= n) {
        size_t blocks = (n - i) / 16;
        if (blocks > 254) /* a lane counts to 255 at most, the last block's included */
            blocks = 254;
        __m128i acc_a = zero, acc_b = zero;
        for (size_t k = 0; k < blocks; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            acc_a = _mm_sub_epi8(acc_a, _mm_cmpeq_epi8(v, va));
            acc_b = _mm_sub_epi8(acc_b, _mm_cmpeq_epi8(v, vb));
        }
        if (i + 16 > n && i < n) { /* the last bytes, in the block that ends at n */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)),
                    fresh = wn_lanes_from(i - (n - 16));
            acc_a = _mm_sub_epi8(acc_a, _mm_and_si128(_mm_cmpeq_epi8(v, va), fresh));
            acc_b = _mm_sub_epi8(acc_b, _mm_and_si128(_mm_cmpeq_epi8(v, vb), fresh));
            i = n;
        }
        __m128i sa = _mm_sad_epu8(acc_a, zero), sb = _mm_sad_epu8(acc_b, zero);
        ta += (size_t)_mm_cvtsi128_si32(sa) + (size_t)_mm_extract_epi16(sa, 4);
        tb += (size_t)_mm_cvtsi128_si32(sb) + (size_t)_mm_extract_epi16(sb, 4);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w = wn_load64(s + i);
        ta += wn_swar_count(wn_swar_eq(w, a));
        tb += wn_swar_count(wn_swar_eq(w, b));
    }
    for (; i < n; i++) {
        ta += (unsigned char)s[i] == a;
        tb += (unsigned char)s[i] == b;
    }
    *nb = tb;
    return ta;
}

size_t wn_count_high(const char *s, size_t n) {
    size_t total = 0, i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    WN_COUNT_BLOCKS(s, n, &i, &total, _mm_cmplt_epi8(v, zero));
#endif
    for (; i + 8 <= n; i += 8)
        total += wn_swar_count(wn_load64(s + i) & WN_HIGHS);
    for (; i < n; i++)
        total += (unsigned char)s[i] >= 0x80;
    return total;
}

void wn_byte_masks(const char *s, size_t n, const unsigned char b[4], uint64_t m[4]) {
    /* in locals: stores through m could alias s for all the compiler knows */
    uint64_t m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    size_t i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i v0 = _mm_set1_epi8((char)b[0]), v1 = _mm_set1_epi8((char)b[1]),
                      v2 = _mm_set1_epi8((char)b[2]), v3 = _mm_set1_epi8((char)b[3]);
        /* whole blocks, the last one overlapping the one before it */
        for (;;) {
            if (i + 16 > n)
                i = n - 16;
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            m0 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, v0)) << i;
            m1 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, v1)) << i;
            m2 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, v2)) << i;
            m3 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, v3)) << i;
            i += 16;
            if (i >= n)
                break;
        }
    }
#endif
    const unsigned char b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        m0 |= (uint64_t)(c == b0) << i;
        m1 |= (uint64_t)(c == b1) << i;
        m2 |= (uint64_t)(c == b2) << i;
        m3 |= (uint64_t)(c == b3) << i;
    }
    m[0] = m0;
    m[1] = m1;
    m[2] = m2;
    m[3] = m3;
}

int wn_any_of3(const char *s, size_t n, unsigned char a, unsigned char b, unsigned char c) {
    size_t i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b),
                      vc = _mm_set1_epi8((char)c);
        /* whole blocks, the last one overlapping the one before it */
        for (;;) {
            if (i + 16 > n)
                i = n - 16;
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i eq = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                      _mm_cmpeq_epi8(v, vc));
            if (_mm_movemask_epi8(eq))
                return 1;
            i += 16;
            if (i >= n)
                return 0;
        }
    }
#endif
    for (; i < n; i++) {
        unsigned char x = (unsigned char)s[i];
        if (x == a || x == b || x == c)
            return 1;
    }
    return 0;
}

size_t wn_ci_find_n(const char *s, size_t n, const char *lit, size_t m) {
    if (m == 0)
        return 0;
    if (m > n)
        return SIZE_MAX;
    unsigned char f = wn_lower_ascii((unsigned char)lit[0]);
    size_t last = n - m; /* the last offset a match can start at */
    size_t i = 0;
#if defined(__SSE2__)
    if (m >= 2) {
        /* sixteen candidates tested at once, by the first two bytes, each
         * with 0x20 ORed in: that folds the case of letters, and what else
         * it lets through the comparison turns away. One byte alone would
         * let through every space, or every 'a', each a call and a branch
         * that goes either way. The byte after each block is there: a
         * match has m >= 2 bytes. */
        const __m128i x20 = _mm_set1_epi8(0x20), b0 = _mm_set1_epi8((char)(f | 0x20u)),
                      b1 = _mm_set1_epi8((char)(wn_lower_ascii((unsigned char)lit[1]) | 0x20u));
        for (; i + 16 <= last + 1; i += 16) {
            __m128i v = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), x20),
                    next = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)),
                                        x20);
            for (unsigned cand = (unsigned)_mm_movemask_epi8(
                     _mm_and_si128(_mm_cmpeq_epi8(v, b0), _mm_cmpeq_epi8(next, b1)));
                 cand; cand &= cand - 1) {
                size_t k = i + (size_t)__builtin_ctz(cand);
                if (wn_ci_prefix(s + k, n - k, lit))
                    return k;
            }
        }
    }
#endif
    if (f >= 'a' && f <= 'z') {
        /* OR-ing 0x20 into every byte folds its upper case onto it (and
         * nothing else), so eight candidates are tested at once */
        for (; i + 8 <= last + 1; i += 8) {
            uint64_t t = wn_swar_eq(wn_load64(s + i) | (WN_ONES * 0x20u), f);
            for (; t; t &= t - 1) {
                size_t k = i + wn_swar_first(t);
                if (wn_ci_prefix(s + k, n - k, lit))
                    return k;
            }
        }
    } else {
        for (const char *h; i <= last && (h = memchr(s + i, f, last + 1 - i)) != NULL;) {
            i = (size_t)(h - s);
            if (wn_ci_prefix(h, n - i, lit))
                return i;
            i++;
        }
        return SIZE_MAX;
    }
    unsigned char F = (unsigned char)(f - 32);
    const unsigned char *u = (const unsigned char *)s;
    for (; i <= last; i++)
        if ((u[i] == f || u[i] == F) && wn_ci_prefix(s + i, n - i, lit))
            return i;
    return SIZE_MAX;
}

/* Eight bytes with bit 0x20 set in each: capitals become lower case, and
 * bytes that are equal case-insensitively stay equal (others may become
 * equal too: a key only finds candidates). */
static inline uint64_t fold8(uint64_t w) {
    return w | (WN_ONES * 0x20u);
}

static inline unsigned phrase_hash(uint64_t key) {
    return (unsigned)((key * 0x9E3779B97F4A7C15ull) >> (64 - WN_PHRASE_HASH_BITS));
}

static inline unsigned filter_hash(uint64_t key) {
    return (unsigned)((key * 0x9E3779B97F4A7C15ull) >> (64 - WN_PHRASE_FILTER_BITS));
}

void wn_phrases_init(wn_phrases *set, const char *const *phrases) {
    memset(set->slot, 0, sizeof set->slot);
    memset(set->filter, 0, sizeof set->filter);
    memset(set->nib, 0, sizeof set->nib);
    set->list = phrases;
    set->nkeys = set->nshort = 0;
    for (size_t np = 0; phrases[np] && np < WN_MAX_PHRASES; np++) {
        if (strlen(phrases[np]) < WN_PHRASE_KEY) {
            set->shorter[set->nshort++] = (uint8_t)np;
            continue;
        }
        uint64_t key = fold8(wn_load64(phrases[np]));
        unsigned h = phrase_hash(key), f = filter_hash(key);
        set->filter[f / 64] |= 1ull << (f % 64);
        for (unsigned b = 0; b < WN_PHRASE_NIB; b++)
            set->nib[b][(key >> (8 * b)) & 15u] |= (uint8_t)(1u << WN_PHRASE_BUCKET(key));
        set->key[set->nkeys] = key;
        set->idx[set->nkeys] = (uint8_t)np;
        set->next[set->nkeys] = set->slot[h];
        set->slot[h] = (uint8_t)(set->nkeys + 1);
        set->nkeys++;
    }
}

/* ASCII case-insensitive order of s against the lower-case lit. */
static int ci_cmp(const char *s, size_t n, const char *lit) {
    size_t k = 0;
    for (; k < n && lit[k]; k++) {
        unsigned char a = wn_lower_ascii((unsigned char)s[k]), b = (unsigned char)lit[k];
        if (a != b)
            return a < b ? -1 : 1;
    }
    if (k < n)
        return 1;
    return lit[k] ? -1 : 0;
}

/* ci_cmp, deciding on the first byte without a call when it differs (as
 * it does for most entries a bisection visits); `first` is s[0] in lower
 * case, n >= 1. */
static inline int ci_cmp_first(const char *s, size_t n, unsigned char first, const char *lit) {
    unsigned char b = (unsigned char)lit[0];
    if (first != b)
        return first < b ? -1 : 1;
    return ci_cmp(s, n, lit);
}

int wn_phrases_equal(const wn_phrases *a, const wn_phrases *b) {
    /* member by member: the bytes between members need not agree */
    return a->list == b->list && a->nkeys == b->nkeys && a->nshort == b->nshort &&
           memcmp(a->filter, b->filter, sizeof a->filter) == 0 &&
           memcmp(a->nib, b->nib, sizeof a->nib) == 0 &&
           memcmp(a->slot, b->slot, sizeof a->slot) == 0 &&
           memcmp(a->next, b->next, sizeof a->next) == 0 &&
           memcmp(a->key, b->key, sizeof a->key) == 0 &&
           memcmp(a->idx, b->idx, sizeof a->idx) == 0 &&
           memcmp(a->shorter, b->shorter, sizeof a->shorter) == 0;
}

int wn_lead_pairs_equal(const wn_lead_pairs *a, const wn_lead_pairs *b) {
    return a->any == b->any && memcmp(a->second, b->second, sizeof a->second) == 0;
}

void wn_lead_pairs_init(wn_lead_pairs *lp, const char *const *list, size_t count) {
    memset(lp->second, 0, sizeof lp->second);
    lp->any = 0;
    for (size_t k = 0; k < count; k++) {
        unsigned a = (unsigned char)list[k][0] - 'a';
        unsigned b = a < 26 ? (unsigned char)list[k][1] - 'a' : 26;
        if (b < 26)
            lp->second[a] |= 1u << b;
        else
            lp->any = 1;
    }
}

/* The first two bytes of an entry (0 after a one-byte entry), as a number
 * that sorts like the entries. */
static inline unsigned pair_key(const char *e) {
    return (unsigned)(unsigned char)e[0] << 8 | (unsigned char)e[1];
}

void wn_sorted_keys(const char *const *list, size_t count, uint16_t *keys) {
    for (size_t k = 0; k < count; k++)
        keys[k] = (uint16_t)pair_key(list[k]);
}

int wn_sorted_in(const char *s, size_t n, const char *const *list, const uint16_t *keys,
                 size_t count) {
    if (n == 0 || count == 0)
        return 0; /* no entry is empty */
    /* the first entry whose first two bytes are not below those of s,
     * found without branches (a bisection's turns are a coin toss to the
     * branch predictor); then the few entries that share those two bytes */
    unsigned key = (unsigned)wn_lower_ascii((unsigned char)s[0]) << 8 |
                   (n > 1 ? wn_lower_ascii((unsigned char)s[1]) : 0u);
    size_t b = 0;
    for (size_t len = count; len > 1;) {
        size_t half = len / 2;
        b += keys[b + half] < key ? half : 0;
        len -= half;
    }
    b += keys[b] < key;
    for (; b < count && keys[b] == key; b++) {
        int c = ci_cmp(s, n, list[b]);
        if (c <= 0)
            return c == 0;
    }
    return 0;
}

size_t wn_sorted_lead_in(const char *s, size_t n, const char *const *list, size_t count) {
    if (n == 0)
        return 0;
    /* the last entry <= s: an entry that is a prefix of s sorts before it,
     * and any entry between the two would have that entry as a prefix */
    unsigned char first = wn_lower_ascii((unsigned char)s[0]);
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ci_cmp_first(s, n, first, list[mid]) >= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    size_t k = wn_ci_prefix(s, n, list[lo - 1]);
    if (!k)
        return 0;
    unsigned char c = k < n ? (unsigned char)s[k] : ' ';
    return (c >= '0' && c <= '9') || (wn_lower_ascii(c) >= 'a' && wn_lower_ascii(c) <= 'z') ? 0 : k;
}

/* Does a phrase of WN_PHRASE_KEY bytes or more start at s[i]? Needs
 * n - i >= WN_PHRASE_KEY. */
static inline int key_at(const wn_phrases *set, const char *s, size_t n, size_t i) {
    uint64_t key = fold8(wn_load64(s + i));
    for (unsigned k = set->slot[phrase_hash(key)]; k; k = set->next[k - 1])
        if (set->key[k - 1] == key && wn_ci_prefix(s + i, n - i, set->list[set->idx[k - 1]]))
            return 1;
    return 0;
}

#if defined(__SSE2__)
/* Might a key start at p (eight bytes readable)? Bit 0 says, without a
 * branch: the bit of its finer hash. */
static inline uint64_t key_maybe_at(const wn_phrases *set, const char *p) {
    unsigned f = filter_hash(fold8(wn_load64(p)));
    return set->filter[f / 64] >> (f % 64);
}

/* The spaces among the 16 bytes at s, bit b for s[b]. */
static inline unsigned spaces16(const char *s) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
}

/* Might a key start after one of the spaces flagged in m, a mask of the 16
 * bytes at s? The first four word starts are looked up unconditionally, a
 * missing one as if `last`, the highest bit m may have, were set: the
 * number of words in 16 bytes is a coin toss to the branch predictor, and
 * this way the branch taken is the same for nearly every chunk. More than
 * four spaces answer yes too (five lookups ran no faster: more work for
 * the few chunks with a fifth word). */
static inline int chunk_may_match(const wn_phrases *set, const char *s, unsigned m, unsigned last) {
    uint64_t hit = 0;
#pragma GCC unroll 8
    for (int k = 0; k < 4; k++) {
        hit |= key_maybe_at(set, s + __builtin_ctz(m | last) + 1);
        m &= m - 1;
    }
    return (int)(hit & 1u) | (m != 0);
}

/* Does a key start after one of the spaces flagged in m, a mask of the 16
 * bytes at s + j? */
static int keys_after(const wn_phrases *set, const char *s, size_t n, size_t j, unsigned m) {
    for (; m; m &= m - 1)
        if (key_at(set, s, n, j + (size_t)__builtin_ctz(m) + 1))
            return 1;
    return 0;
}

#if WN_HAVE_AVX2_TARGET
/* A set's six nibble tables, each in both halves of a register: named
 * members, so that they stay in registers (an array of them went through
 * the stack, twelve loads and stores a call, which cost more than the
 * search of a short text). */
typedef struct nib_regs {
    __m256i t0, t1, t2, t3, t4, t5;
} nib_regs;
_Static_assert(WN_PHRASE_NIB == 6, "starts32() and keys_find32() name six tables");

/* The candidates among the 32 word starts after the bytes at p: bit b when
 * p[b] is a space and the low halves of the bytes after it are those of a
 * key of one bucket (see wn_phrases). The case of letters is in the high
 * halves: nothing to fold. */
__attribute__((target("avx2"))) static inline uint32_t starts32(const char *p, const nib_regs *t) {
    const __m256i low = _mm256_set1_epi8(0x0F);
#define WN_NIB_AT(b, tab)                                                                          \
    _mm256_shuffle_epi8(                                                                           \
        (tab),                                                                                     \
        _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(const void *)(p + 1 + (b))), low))
    __m256i acc = _mm256_and_si256(
        _mm256_and_si256(_mm256_and_si256(WN_NIB_AT(0, t->t0), WN_NIB_AT(1, t->t1)),
                         _mm256_and_si256(WN_NIB_AT(2, t->t2), WN_NIB_AT(3, t->t3))),
        _mm256_and_si256(_mm256_and_si256(WN_NIB_AT(4, t->t4), WN_NIB_AT(5, t->t5)),
                         _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(const void *)p),
                                           _mm256_set1_epi8(' '))));
#undef WN_NIB_AT
    return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(acc, _mm256_setzero_si256()));
}

/* keys_find16() with AVX2 for end = n - 8 >= 32: first the 32 bytes that
 * end at end, then the spaces before them, 32 at a time from the start
 * (the last block may overlap the first: a candidate seen twice gives the
 * same answer), so that every block goes through one loop body; only the
 * candidates of starts32() are looked up. The tables are loaded again
 * after each lookup (a call, which may change every vector register), so
 * the scan itself keeps them in registers. */
__attribute__((target("avx2"))) static int keys_find32(const wn_phrases *set, const char *s,
                                                       size_t n) {
    size_t end = n - WN_PHRASE_KEY, j = end - 32, next = 0;
    for (;;) {
#define WN_NIB_TABLE(b)                                                                            \
    _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)set->nib[b]))
        const nib_regs t = {WN_NIB_TABLE(0), WN_NIB_TABLE(1), WN_NIB_TABLE(2),
                            WN_NIB_TABLE(3), WN_NIB_TABLE(4), WN_NIB_TABLE(5)};
#undef WN_NIB_TABLE
        uint32_t m;
        while (WN_LIKELY((m = starts32(s + j, &t)) == 0)) {
            if (next + 32 >= end)
                return 0;
            j = next;
            next += 32;
        }
        if (keys_after(set, s, n, j, m))
            return 1;
        if (next + 32 >= end)
            return 0;
        j = next;
        next += 32;
    }
}
#endif

/* wn_phrases_find() for a set without short phrases, n >= 16: the spaces
 * before end = n - 8 (a word after one has eight bytes), 16 at a time. The
 * bytes left over are one more chunk, the 16 bytes that end at end, with
 * the spaces already seen masked out. */
static int keys_find16(const wn_phrases *set, const char *s, size_t n) {
    size_t end = n - WN_PHRASE_KEY, j = 0;
#if WN_HAVE_AVX2_TARGET
    if (end >= 32 && wn_have_avx2())
        return keys_find32(set, s, n);
#endif
    for (; j + 16 <= end; j += 16) {
        unsigned m = spaces16(s + j);
        if (WN_UNLIKELY(chunk_may_match(set, s + j, m, 1u << 15)) && keys_after(set, s, n, j, m))
            return 1;
    }
    if (j == end)
        return 0;
    size_t at = end > 16 ? end - 16 : 0;
    unsigned last = 1u << (end - at - 1); /* the byte before end */
    unsigned m = spaces16(s + at) & (~0u << (j - at)) & ((last << 1) - 1);
    return chunk_may_match(set, s + at, m, last) && keys_after(set, s, n, at, m);
}
#endif

/* Does a phrase of the set start at s[i]? */
static inline int phrase_at(const wn_phrases *set, const char *s, size_t n, size_t i) {
    for (unsigned k = 0; k < set->nshort; k++)
        if (wn_ci_prefix(s + i, n - i, set->list[set->shorter[k]]))
            return 1;
    return n - i >= WN_PHRASE_KEY && key_at(set, s, n, i);
}

int wn_phrases_find(const wn_phrases *set, const char *s, size_t n) {
    if (n == 0)
        return 0;
    if (phrase_at(set, s, n, 0))
        return 1;
    /* the word starts are the bytes after the spaces: the spaces of eight
     * bytes at a time, so that finding the next word does not wait for the
     * test of the last one. Without short phrases only the starts with
     * eight bytes after them are tested, and those have them. */
    size_t j = 0;
    if (!set->nshort) {
#if defined(__SSE2__)
        if (n >= 16)
            return keys_find16(set, s, n);
#endif
        size_t end = n > WN_PHRASE_KEY ? n - WN_PHRASE_KEY : 0;
        for (; j + 8 <= end; j += 8)
            for (uint64_t m = wn_swar_eq(wn_load64(s + j), ' '); m; m &= m - 1)
                if (key_at(set, s, n, j + wn_swar_first(m) + 1))
                    return 1;
        for (; j < end; j++)
            if (s[j] == ' ' && key_at(set, s, n, j + 1))
                return 1;
        return 0;
    }
    for (; j + 8 <= n; j += 8)
        for (uint64_t m = wn_swar_eq(wn_load64(s + j), ' '); m; m &= m - 1)
            if (phrase_at(set, s, n, j + wn_swar_first(m) + 1))
                return 1;
    for (; j < n; j++)
        if (s[j] == ' ' && phrase_at(set, s, n, j + 1))
            return 1;
    return 0;
}

int wn_next_word(const char *s, size_t n, size_t *pos, wn_word *w) {
    size_t i = *pos;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n)
        return 0;
    size_t end = wn_next_space(s, i, n);
    w->p = s + i;
    w->n = end - i;
    *pos = end;
    return 1;
}

static int is_word_punct(uint32_t cp) {
    return wn_is_quote(cp) || cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == ',' ||
           cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == '*' ||
           cp == 0x2026;
}

/* The ASCII bytes of is_word_punct(): " ' ( ) * , . : ; ! ? [ ]; c < 0x80. */
static inline int ascii_word_punct(unsigned char c) {
    static const uint64_t lo = (1ull << '!') | (1ull << '"') | (1ull << '\'') | (1ull << '(') |
                               (1ull << ')') | (1ull << '*') | (1ull << ',') | (1ull << '.') |
                               (1ull << ':') | (1ull << ';') | (1ull << '?');
    static const uint64_t hi = (1ull << ('[' - 64)) | (1ull << (']' - 64));
    return (int)(((c < 64 ? lo : hi) >> (c & 63u)) & 1u);
}

wn_word wn_word_core_strip(wn_word w) {
    if (w.n && wn_ascii_alnum((unsigned char)w.p[0])) {
        unsigned char last = (unsigned char)w.p[w.n - 1];
        /* many words end with one stop or comma: "said.", "Tuesday," */
        if (w.n >= 2 && last < 0x80 && ascii_word_punct(last) &&
            wn_ascii_alnum((unsigned char)w.p[w.n - 2])) {
            w.n--;
            return w;
        }
    }
    const unsigned char *u = (const unsigned char *)w.p;
    size_t i = 0;
    while (i < w.n) {
        if (u[i] < 0x80) { /* ASCII punctuation without decoding */
            if (!ascii_word_punct(u[i]))
                break;
            i++;
            continue;
        }
        size_t j = i;
        uint32_t cp = wn_u8_next(w.p, w.n, &j);
        if (!is_word_punct(cp))
            break;
        i = j;
    }
    size_t e = w.n;
    while (e > i) {
        if (u[e - 1] < 0x80) {
            if (!ascii_word_punct(u[e - 1]))
                break;
            e--;
            continue;
        }
        size_t j = e;
        uint32_t cp = wn_u8_prev(w.p, &j);
        if (!is_word_punct(cp))
            break;
        e = j;
    }
    wn_word r;
    r.p = w.p + i;
    r.n = e - i;
    return r;
}

int wn_word_capitalized(wn_word w, int digit_ok) {
    wn_word c = wn_word_core(w);
    if (c.n == 0)
        return 0;
    size_t i = 0;
    uint32_t cp = wn_u8_next(c.p, c.n, &i);
    return wn_is_upper(cp) || (digit_ok && wn_is_digit(cp));
}

/* ------------------------------------------------------------------ names */

static const char *const months[12][3] = {
    {"january", "jan", NULL}, {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},   {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},    {"august", "aug", NULL},   {"september", "sept", "sep"},
    {"october", "oct", NULL}, {"november", "nov", NULL}, {"december", "dec", NULL},
};

/* The index + 1 of the name in names[count][3] (variants of one name
 * share their first three letters; NULL ends a short row) that s[0..n)
 * spells in any case, or 0. Words longer than the longest name, or whose
 * first three letters no name has, are turned away before any comparison. */
static int name_in(const char *s, size_t n, const char *const (*names)[3], int count,
                   size_t longest) {
    if (n && s[n - 1] == '.')
        n--; /* "Aug." */
    if (n < 3 || n > longest)
        return 0;
    unsigned char f = (unsigned char)s[0] | 0x20, g = (unsigned char)s[1] | 0x20,
                  h = (unsigned char)s[2] | 0x20;
    for (int m = 0; m < count; m++) {
        const char *name = names[m][0];
        if ((unsigned char)name[0] != f || (unsigned char)name[1] != g ||
            (unsigned char)name[2] != h)
            continue;
        for (int k = 0; k < 3 && names[m][k]; k++)
            if (wn_ci_eq(s, n, names[m][k]))
                return m + 1;
    }
    return 0;
}

int wn_month(const char *s, size_t n) {
    return name_in(s, n, months, 12, sizeof "september" - 1);
}

static const char *const weekdays[7][3] = {
    {"monday", "mon", NULL},      {"tuesday", "tue", "tues"}, {"wednesday", "wed", NULL},
    {"thursday", "thu", "thurs"}, {"friday", "fri", NULL},    {"saturday", "sat", NULL},
    {"sunday", "sun", NULL},
};

int wn_weekday(const char *s, size_t n) {
    return name_in(s, n, weekdays, 7, sizeof "wednesday" - 1);
}
