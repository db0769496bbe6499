/*
 * units.c - the units stage: group physical lines into units (a line, or
 * the lines of a hard-wrapped paragraph as decided by wrap.c), clean each
 * unit's text (clean.c) and measure what the recognizers look at: words,
 * case, the last significant character, links, a list marker, a hash.
 */
#include "internal.h"
#include "recognizers/tables.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Case, Title Case, sentence breaks and links are measured on short units
 * only: the cues that need them (titles, headings, link lines, credits)
 * never run longer. Longer units get the cheap features. */
#define WN_FEATURE_SPAN 256

#define P2(a, b) (((uint32_t)(a) << 8) | (uint32_t)(b))
#define P3(a, b, c) ((P2(a, b) << 8) | (uint32_t)(c))
#define P4(a, b, c, d) ((P3(a, b, c) << 8) | (uint32_t)(d))

/* Short function words that Title Case leaves in lower case ("of", "the",
 * "with"). All have at most four letters: the word's length and its bytes,
 * folded to lower case, make one number, and a multiply takes it to its
 * slot of a table where no two of the words meet (were two to meet, the
 * second initializer of a slot would fail the build: -Woverride-init, on
 * with -Wextra). One load and one comparison, no branch on the word. */
#define W(n, v) (((uint64_t)(n) << 32) | (uint64_t)(v))
#define SW_SLOT(k) ((size_t)(((uint64_t)(k)*0x63B2148E996FBDDDull) >> 57))
#define SW(k) [SW_SLOT(k)] = (k)
static const uint64_t small_words[128] = {
    SW(W(1, 'a')),
    SW(W(1, '&')),
    SW(W(2, P2('a', 'n'))),
    SW(W(2, P2('o', 'f'))),
    SW(W(2, P2('i', 'n'))),
    SW(W(2, P2('o', 'n'))),
    SW(W(2, P2('a', 't'))),
    SW(W(2, P2('t', 'o'))),
    SW(W(2, P2('b', 'y'))),
    SW(W(2, P2('u', 'p'))),
    SW(W(2, P2('a', 's'))),
    SW(W(2, P2('i', 's'))),
    SW(W(2, P2('i', 'f'))),
    SW(W(2, P2('i', 't'))),
    SW(W(2, P2('d', 'e'))),
    SW(W(2, P2('l', 'a'))),
    SW(W(2, P2('l', 'e'))),
    SW(W(2, P2('v', 's'))),
    SW(W(2, P2('o', 'r'))),
    SW(W(2, P2('s', 'o'))),
    SW(W(3, P3('t', 'h', 'e'))),
    SW(W(3, P3('a', 'n', 'd'))),
    SW(W(3, P3('b', 'u', 't'))),
    SW(W(3, P3('n', 'o', 'r'))),
    SW(W(3, P3('f', 'o', 'r'))),
    SW(W(3, P3('y', 'e', 't'))),
    SW(W(3, P3('o', 'f', 'f'))),
    SW(W(3, P3('p', 'e', 'r'))),
    SW(W(3, P3('v', 'i', 'a'))),
    SW(W(3, P3('v', 's', '.'))),
    SW(W(3, P3('o', 'u', 't'))),
    SW(W(3, P3('v', 'o', 'n'))),
    SW(W(3, P3('v', 'a', 'n'))),
    SW(W(3, P3('d', 'e', 'r'))),
    SW(W(4, P4('w', 'i', 't', 'h'))),
    SW(W(4, P4('f', 'r', 'o', 'm'))),
    SW(W(4, P4('i', 'n', 't', 'o'))),
    SW(W(4, P4('o', 'n', 't', 'o'))),
    SW(W(4, P4('o', 'v', 'e', 'r'))),
    SW(W(4, P4('t', 'h', 'a', 'n'))),
    SW(W(4, P4('t', 'h', 'a', 't'))),
    SW(W(4, P4('u', 'p', 'o', 'n'))),
    SW(W(4, P4('a', 'm', 'i', 'd'))),
};

static int is_small_word(const char *p, size_t n, size_t room) {
    if (n == 0 || n > 4)
        return 0;
    uint32_t v = 0;
    if (room >= 4) {
        /* four bytes in one load, the word's n kept: no byte may be 0x80
         * or above, capitals get 0x20 (a byte from 'A' to 'Z' is one that
         * adding 0x3F lifts to 0x80 and adding 0x25 does not) */
        uint32_t x;
        memcpy(&x, p, 4);
        uint32_t le = x & (n == 4 ? 0xFFFFFFFFu : ((1u << (8 * n)) - 1u));
        if (le & 0x80808080u)
            return 0;
        uint32_t caps = (le + 0x3F3F3F3Fu) & ~(le + 0x25252525u) & 0x80808080u;
        le |= caps >> 2;
        v = ((le & 0xFFu) << 24 | (le & 0xFF00u) << 8 | (le >> 8 & 0xFF00u) | le >> 24) >>
            (8 * (4 - n));
    } else {
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)p[k];
            if (c >= 0x80)
                return 0;
            v = (v << 8) | ((c >= 'A' && c <= 'Z') ? (c | 0x20u) : c);
        }
    }
    return small_words[SW_SLOT(W(n, v))] == W(n, v);
}

typedef struct word_stats {
    uint32_t words, upper, lower, alnum, digits;
    uint32_t replaced; /* U+FFFD: bytes that were not UTF-8 */
} word_stats;

static inline int core_punct(unsigned char c) {
    return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
           c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*';
}

static void count_class(uint32_t cp, word_stats *st) {
    if (wn_is_upper(cp))
        st->upper++;
    else if (wn_is_lower(cp))
        st->lower++;
    if (wn_is_alnum(cp))
        st->alnum++;
}

/* Words of collapsed text: spaces + 1, saturating. */
static uint32_t count_words(size_t spaces, size_t n) {
    size_t words = n ? spaces + 1 : 0;
    return words > 0xFFFF ? 0xFFFF : (uint32_t)words;
}

/* Text a quarter or more of whose bytes are replacement characters (U+FFFD,
 * what bytes that are not UTF-8 became): mis-decoded bytes, not words. */
static int garbled(size_t replaced, size_t n) {
    return replaced >= 4 && replaced * 12 >= n;
}

/* garbled() for a long line, whose characters are not classified one by
 * one. The last byte of U+FFFD, 0xBD, is rare in text: a line with too few
 * of those bytes (bd, counted in the pass that counts its spaces) is let go
 * at once; otherwise the whole sequences EF BF BD are counted, eight ends at
 * a time. */
static int long_line_garbled(const char *s, size_t n, size_t bd) {
    if (!garbled(bd, n))
        return 0;
    size_t count = 0, i;
    for (i = 2; i + 8 <= n; i += 8)
        count += wn_swar_count(wn_swar_eq(wn_load64(s + i), 0xBD) &
                               wn_swar_eq(wn_load64(s + i - 1), 0xBF) &
                               wn_swar_eq(wn_load64(s + i - 2), 0xEF));
    const unsigned char *u = (const unsigned char *)s;
    for (; i < n; i++)
        count += (u[i] == 0xBD) & (u[i - 1] == 0xBF) & (u[i - 2] == 0xEF);
    return garbled(count, n);
}

/* Per byte, five 12-bit counters added at once: upper-case letter, lower-case
 * letter, digit (ASCII), byte of a multi-byte character, space. Units
 * measured this way are at most WN_FEATURE_SPAN bytes long, so no field
 * overflows into the next. */
#define BC_FIELD(acc, k) ((uint32_t)(((acc) >> (12 * (k))) & 0xFFF))
/* clang-format off */
static const uint64_t byte_class[256] = {
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0, 0, 0x1000000000000ull, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
    0x1000000ull, 0x1000000ull, 0x1000000ull, 0x1000000ull, 0x1000000ull, 0x1000000ull,
    0x1000000ull, 0x1000000ull, 0x1000000ull, 0x1000000ull, 0, 0,
    0, 0, 0, 0, 0, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull, 0x1ull,
    0x1ull, 0, 0, 0, 0, 0,
    0, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull,
    0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull,
    0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull,
    0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull, 0x1000ull,
    0x1000ull, 0x1000ull, 0x1000ull, 0, 0, 0,
    0, 0, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
    0x1000000000ull, 0x1000000000ull, 0x1000000000ull, 0x1000000000ull,
};
/* clang-format on */

/* Bytes of a multi-byte character in [s, s+n) handed to count_class. */
static void count_high(const char *s, size_t n, word_stats *w) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    while (k < n) {
        if (k + 8 <= n) { /* skip plain ASCII, up to the first high byte */
            uint64_t high = wn_load64(u + k) & WN_HIGHS;
            if (!high) {
                k += 8;
                continue;
            }
            k += wn_swar_first(high);
        } else if (u[k] < 0x80) {
            k++;
            continue;
        }
        /* U+2000..U+203F (spaces, dashes, quotes, bullets): never a letter
         * or a digit, so no class to count */
        if (u[k] == 0xE2 && k + 2 < n && u[k + 1] == 0x80 && (u[k + 2] & 0xC0) == 0x80) {
            k += 3;
            continue;
        }
        if (u[k] == 0xEF && k + 2 < n && u[k + 1] == 0xBF && u[k + 2] == 0xBD) {
            w->replaced++; /* neither a letter nor a digit */
            k += 3;
            continue;
        }
        count_class(wn_u8_next_slow(s, n, &k), w);
    }
}

/* Words and letter case of short text: one table lookup and one addition
 * per byte; characters beyond ASCII are classified through utf8proc only
 * when the text has them. (Title Case, one step per word, is measured
 * only when a recognizer asks: wn_title_case().) */
#if defined(__SSE2__)
/* Lanes of v whose byte lies in [lo, hi]: shifted so that lo becomes -128,
 * one signed comparison. */
static inline __m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {
    __m128i t = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));
    return _mm_cmplt_epi8(t, _mm_set1_epi8((char)(-128 + (hi - lo) + 1)));
}

static inline uint64_t lane_sum(__m128i c) {
    __m128i s = _mm_sad_epu8(c, _mm_setzero_si128());
    return (uint64_t)_mm_cvtsi128_si32(s) + (uint64_t)_mm_extract_epi16(s, 4);
}
#endif

#if WN_HAVE_AVX2_TARGET
/* in_range() of 32 lanes. */
__attribute__((target("avx2"))) static inline __m256i in_range32(__m256i v, unsigned char lo,
                                                                 unsigned char hi) {
    __m256i t = _mm256_add_epi8(v, _mm256_set1_epi8((char)(0x80 - lo)));
    return _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(-128 + (hi - lo) + 1)), t);
}

/* The counters of class_counts32(): upper, lower, digit, high, space; a
 * lane each. Named members, so that they stay in registers. */
typedef struct class_lanes {
    __m256i up, lo, dg, hi, sp;
} class_lanes;

/* Adds the classes of the bytes of v to the counters. */
__attribute__((target("avx2"))) static inline void add_classes32(class_lanes *c, __m256i v) {
    c->up = _mm256_sub_epi8(c->up, in_range32(v, 'A', 'Z'));
    c->lo = _mm256_sub_epi8(c->lo, in_range32(v, 'a', 'z'));
    c->dg = _mm256_sub_epi8(c->dg, in_range32(v, '0', '9'));
    c->hi = _mm256_sub_epi8(c->hi, _mm256_cmpgt_epi8(_mm256_setzero_si256(), v));
    c->sp = _mm256_sub_epi8(c->sp, _mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')));
}

/* The lane sums of a counter (each at most WN_FEATURE_SPAN, under 2^12),
 * moved to the field `shift`. */
__attribute__((target("avx2"))) static inline __m256i field32(__m256i c, int shift) {
    return _mm256_slli_epi64(_mm256_sad_epu8(c, _mm256_setzero_si256()), shift);
}

/* class_counts() for 32 <= n <= WN_FEATURE_SPAN with AVX2: first the
 * n % 32 bytes at the start, as a block of 32 whose other bytes are
 * replaced by one of no class (a control byte), then 32 bytes at a time;
 * the fields are put together in the lanes and added up once. */
__attribute__((target("avx2"))) static uint64_t class_counts32(const unsigned char *u, size_t n) {
    const __m256i zero = _mm256_setzero_si256();
    class_lanes c = {zero, zero, zero, zero, zero};
    const __m256i index =
        _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                         21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
    size_t k = n % 32;
    __m256i head = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)k), index);
    add_classes32(&c,
                  _mm256_blendv_epi8(_mm256_set1_epi8(0x01),
                                     _mm256_loadu_si256((const __m256i *)(const void *)u), head));
    for (; k < n; k += 32)
        add_classes32(&c, _mm256_loadu_si256((const __m256i *)(const void *)(u + k)));
    __m256i sum =
        _mm256_add_epi64(_mm256_add_epi64(field32(c.up, 0), field32(c.lo, 12)),
                         _mm256_add_epi64(_mm256_add_epi64(field32(c.dg, 24), field32(c.hi, 36)),
                                          field32(c.sp, 48)));
    __m128i h = _mm_add_epi64(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
    return (uint64_t)_mm_cvtsi128_si64(h) + (uint64_t)_mm_extract_epi64(h, 1);
}
#endif

/* The five byte_class counters of s[0..n), n <= WN_FEATURE_SPAN, as one
 * word of 12-bit fields: sixteen bytes at a time with SSE2 and the bytes
 * after the last whole block as one more block (a lane counts at most
 * seventeen), or 32 at a time with AVX2 (class_counts32()); a text
 * shorter than sixteen bytes through the table. */
static uint64_t class_counts(const unsigned char *u, size_t n) {
    uint64_t acc = 0, acc2 = 0;
    size_t k = 0;
#if WN_HAVE_AVX2_TARGET
    if (n >= 32 && wn_have_avx2())
        return class_counts32(u, n);
#endif
#if defined(__SSE2__)
    __m128i up = _mm_setzero_si128(), lo = up, dg = up, hi = up, sp = up;
    const __m128i space = _mm_set1_epi8(' '), zero = _mm_setzero_si128();
    for (; k + 16 <= n; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + k));
        up = _mm_sub_epi8(up, in_range(v, 'A', 'Z'));
        lo = _mm_sub_epi8(lo, in_range(v, 'a', 'z'));
        dg = _mm_sub_epi8(dg, in_range(v, '0', '9'));
        hi = _mm_sub_epi8(hi, _mm_cmplt_epi8(v, zero));
        sp = _mm_sub_epi8(sp, _mm_cmpeq_epi8(v, space));
    }
    if (k && k < n) { /* the last bytes, in the block that ends at n */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16)),
                fresh = wn_lanes_from(k - (n - 16));
        up = _mm_sub_epi8(up, _mm_and_si128(in_range(v, 'A', 'Z'), fresh));
        lo = _mm_sub_epi8(lo, _mm_and_si128(in_range(v, 'a', 'z'), fresh));
        dg = _mm_sub_epi8(dg, _mm_and_si128(in_range(v, '0', '9'), fresh));
        hi = _mm_sub_epi8(hi, _mm_and_si128(_mm_cmplt_epi8(v, zero), fresh));
        sp = _mm_sub_epi8(sp, _mm_and_si128(_mm_cmpeq_epi8(v, space), fresh));
        k = n;
    }
    if (k)
        acc = lane_sum(up) | lane_sum(lo) << 12 | lane_sum(dg) << 24 | lane_sum(hi) << 36 |
              lane_sum(sp) << 48;
#endif
    for (; k + 2 <= n; k += 2) {
        acc += byte_class[u[k]];
        acc2 += byte_class[u[k + 1]];
    }
    if (k < n)
        acc += byte_class[u[k]];
    return acc + acc2;
}

/* as_is: every byte beyond ASCII is part of news punctuation (see
 * wn_clean_lines()), which has no class to count. */
static void measure_words(const char *s, size_t n, int as_is, word_stats *st) {
    const unsigned char *u = (const unsigned char *)s;
    uint64_t acc = class_counts(u, n);
    word_stats w;
    memset(&w, 0, sizeof w);
    w.upper = BC_FIELD(acc, 0);
    w.lower = BC_FIELD(acc, 1);
    w.digits = BC_FIELD(acc, 2);
    w.alnum = w.upper + w.lower + w.digits;
    if (BC_FIELD(acc, 3) != 0 && !as_is)
        count_high(s, n, &w);
    /* cleaned text has single spaces and none at either end */
    w.words = n ? BC_FIELD(acc, 4) + 1 : 0;
    *st = w;
}

int wn_title_case(const wn_unit *u) {
    const char *s = u->text + u->bullet;
    size_t n = u->len - u->bullet;
    if (!(u->feat & WN_UF_UPPER0) || u->endc == WN_END_PERIOD || n > WN_FEATURE_SPAN)
        return 0;
    const unsigned char *t = (const unsigned char *)s;
    uint32_t sig = 0, sigcap = 0; /* significant words after the first, capitalised ones */
    size_t i = wn_next_space(s, 0, n) + 1;
    while (i < n) {
        size_t e = wn_next_space(s, i, n), a = i, b = e;
        while (a < b && core_punct(t[a]))
            a++;
        while (b > a && core_punct(t[b - 1]))
            b--;
        wn_word c = {s + a, b - a};
        if (e > i && (t[i] >= 0x80 || t[e - 1] >= 0x80)) { /* curly quotes around it */
            wn_word word = {s + i, e - i};
            c = wn_word_core(word);
        }
        if (c.n && !is_small_word(c.p, c.n, (size_t)(s + n - c.p))) {
            size_t at = 0;
            uint32_t cp = wn_u8_next(c.p, c.n, &at);
            if (wn_is_alpha(cp) || wn_is_digit(cp)) {
                sig++;
                sigcap += wn_is_upper(cp) || wn_is_digit(cp);
            }
        }
        i = e + 1;
    }
    return sig >= 2 && sigcap * 4 >= sig * 3;
}

/* Can the text hold a link? Every link has a dot followed by a letter or
 * digit (a sentence's full stop is followed by a space). */
static int may_hold_link(const char *s, size_t n) {
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '.', (size_t)(end - p))) != NULL) {
        p++;
        /* "example.com", "t.co": a lower-case letter after the dot; links by
         * address ("http://10.0.0.1") have a scheme */
        if (p < end && *p >= 'a' && *p <= 'z')
            return 1;
    }
    /* "://": each colon (rare) checked in place */
    for (p = s; (p = memchr(p, ':', (size_t)(end - p))) != NULL; p++)
        if (end - p >= 3 && p[1] == '/' && p[2] == '/')
            return 1;
    return 0;
}

/* Length of a list marker at the start of s ("- ", "• ", "1. ", "12) "),
 * including the space after it; sets *ordered for numbers. */
static size_t list_marker(const char *s, size_t n, int *ordered) {
    *ordered = 0;
    if (n < 3)
        return 0;
    size_t i = 0;
    if (wn_is_digit((unsigned char)s[0])) {
        while (i < n && i < 3 && wn_is_digit((unsigned char)s[i]))
            i++;
        if (i < n && (s[i] == '.' || s[i] == ')') && i + 1 < n && s[i + 1] == ' ') {
            *ordered = 1;
            return i + 2;
        }
        return 0;
    }
    uint32_t cp = wn_u8_next(s, n, &i);
    if (i >= n || s[i] != ' ') /* a marker is one character and a space */
        return 0;
    int bullet = cp == '-' || cp == '*' || cp == 0x2022 /* • */ || cp == 0x00B7 /* · */ ||
                 cp == 0x2013 /* – */ || cp == 0x25AA || cp == 0x25A0 || cp == 0x25CF ||
                 cp == 0x25CB || cp == 0x25E6 || cp == 0x25BA || cp == 0x27A4 || cp == 0x2023 ||
                 cp == 0x2043;
    return bullet ? i + 1 : 0;
}

/* Abbreviations after which a full stop does not end a sentence. */
/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const abbreviations[] = {
    "adm", "approx", "apr",  "aug",  "ave", "blvd", "calif", "capt", "cmdr", "co",   "col",  "corp",
    "d.c", "dec",    "dept", "det",  "dr",  "e.g",  "etc",   "feb",  "fla",  "ft",   "gen",  "gov",
    "hon", "i.e",    "inc",  "insp", "jan", "jr",   "jul",   "jun",  "lt",   "ltd",  "mar",  "mass",
    "mr",  "mrs",    "ms",   "mt",   "no",  "nov",  "oct",   "penn", "pres", "prof", "rep",  "rev",
    "sen", "sep",    "sept", "sgt",  "sr",  "st",   "supt",  "u.k",  "u.n",  "u.s",  "univ", "vs"};
WN_SORTED_KEYS(abbreviations, WN_KEYS_ABBREVIATIONS);

/* Does the text hold a sentence end followed by another sentence
 * ("... interjected. “Do you ...")? */
/* Is the stop at s[i] ('.' or '!') the end of a sentence followed by
 * another one? */
static int ends_sentence_at(const char *s, size_t n, size_t i) {
    char c = s[i];
    size_t k = i + 1;
    /* closing quotes after the stop */
    while (k < n && (s[k] == '"' || s[k] == '\'' ||
                     (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
                      ((unsigned char)s[k + 2] == 0x9D || (unsigned char)s[k + 2] == 0x99))))
        k += (unsigned char)s[k] == 0xE2 ? 3 : 1;
    if (k >= n || s[k] != ' ' || k + 1 >= n)
        return 0;
    size_t j = k + 1;
    uint32_t next = wn_u8_next(s, n, &j);
    if (!wn_is_upper(next) && !wn_is_quote(next))
        return 0;
    if (c == '.') {
        /* the word before the stop: an initial or an abbreviation? */
        size_t w = i;
        while (w > 0 && s[w - 1] != ' ')
            w--;
        size_t wl = i - w;
        if (wl <= 1 || (wl == 2 && wn_is_upper((unsigned char)s[w])))
            return 0;
        const char *ws = s + w;
        while (wl && (ws[0] == '(' || ws[0] == '"'))
            ws++, wl--;
        if (WN_SORTED_IN(ws, wl, abbreviations))
            return 0;
        /* "N.C." style abbreviations: a dot inside the word */
        if (memchr(ws, '.', wl))
            return 0;
    }
    return 1;
}

/* Does the text hold a sentence end followed by another sentence
 * ("... interjected. “Do you ...")? Only '.' and '!' count: "100 million?
 * Ratings ..." stays one title. */
static int sentence_break(const char *s, size_t n) {
    for (int q = 0; q < 2; q++) {
        char stop = q ? '!' : '.';
        const char *p = s + 1, *end = s + n;
        while (p < end && (p = memchr(p, stop, (size_t)(end - p))) != NULL) {
            size_t i = (size_t)(p - s);
            if (i + 2 < n && ends_sentence_at(s, n, i))
                return 1;
            p++;
        }
    }
    return 0;
}

static uint8_t end_class(const char *s, size_t n) {
    size_t i = n;
    while (i > 0) {
        size_t j = i - 1;
        uint32_t cp = (unsigned char)s[j];
        int skip;        /* a space or a closer, which the class looks past */
        if (cp < 0x80) { /* an ASCII byte: no decoding */
            skip = cp == ' ' || wn_is_closer_ascii(cp);
        } else {
            j = i;
            cp = wn_u8_prev(s, &j);
            skip = wn_is_closer(cp);
        }
        if (skip) {
            i = j;
            continue;
        }
        if (cp == '.' || cp == 0x2026)
            return WN_END_PERIOD;
        if (cp == '?')
            return WN_END_QUESTION;
        if (cp == '!')
            return WN_END_EXCLAIM;
        if (cp == ':')
            return WN_END_COLON;
        if (cp == ',' || cp == ';' || wn_is_dash(cp))
            return WN_END_OTHERPUNCT;
        return WN_END_WORD;
    }
    return WN_END_NONE;
}

static void measure(wn_unit *u, int as_is, size_t whole) {
    int ordered = 0;
    u->bullet = (uint8_t)list_marker(u->text, u->len, &ordered);
    u->ordered = (uint8_t)ordered;
    /* case, words and ends are measured on the text after a list marker */
    const char *s = u->text + u->bullet;
    size_t n = u->len - u->bullet;
    uint16_t f = 0;

    /* first character */
    size_t i = 0;
    if (n) {
        uint32_t cp = wn_u8_next(s, n, &i);
        if (wn_is_upper(cp))
            f |= WN_UF_UPPER0;
        else if (wn_is_lower(cp))
            f |= WN_UF_LOWER0;
        else if (wn_is_digit(cp))
            f |= WN_UF_DIGIT0;
        else if (wn_is_quote(cp))
            f |= WN_UF_QUOTE0;
    }
    u->endc = end_class(s, n);

    if (n > WN_FEATURE_SPAN) {
        /* the spaces and the 0xBD bytes in one pass */
        size_t bd, spaces = wn_count_two(s, n, ' ', 0xBD, &bd);
        u->nwords = count_words(spaces, n);
        if (long_line_garbled(s, n, bd))
            f |= WN_UF_GARBLED;
    } else {
        word_stats st;
        measure_words(s, n, as_is, &st);
        u->nwords = st.words;
        if (st.upper >= 2 && st.lower == 0)
            f |= WN_UF_CAPS;
        if (st.alnum == 0)
            f |= WN_UF_NOALNUM;
        if (st.digits == 0 && !ordered) /* a numbered list marker has digits */
            f |= WN_UF_NODIGIT;
        if (garbled(st.replaced, n))
            f |= WN_UF_GARBLED;
    }
    if (n > WN_FEATURE_SPAN) {
        /* a long line without a letter or digit (a rule of dashes) */
        int any = 0;
        for (size_t k = 0; k < n && !any; k++) {
            unsigned char c = (unsigned char)s[k];
            any = wn_ascii_alnum(c) || c >= 0x80;
        }
        if (!any)
            f |= WN_UF_NOALNUM;
    }

    /* a line that is one link has no space in it */
    size_t a, b, pos = 0;
    if (u->nwords == 1 && may_hold_link(s, n) && wn_next_link(s, n, &pos, &a, &b) && a == 0 &&
        b == n)
        f |= WN_UF_URLONLY;
    wn_sv place, agency;
    if (wn_dateline_parse(s, n, &place, &agency))
        f |= WN_UF_DATELINE;
    /* the word count, the ending and the first letter of a title; more
     * than one sentence only matters to a unit that has them (see
     * WN_UF_TITLELIKE) */
    int titled = u->nwords && u->nwords <= WN_TITLE_MAX_WORDS && u->endc != WN_END_PERIOD &&
                 u->endc != WN_END_COLON && u->endc != WN_END_OTHERPUNCT && !(f & WN_UF_LOWER0);
    if (titled && n <= WN_FEATURE_SPAN && sentence_break(s, n))
        f |= WN_UF_SENTENCES;
    if (titled && !(f & (WN_UF_NOALNUM | WN_UF_URLONLY | WN_UF_SENTENCES | WN_UF_GARBLED)))
        f |= WN_UF_TITLELIKE;
    if (u->len >= 3 && (memcmp(u->text + u->len - 3, "...", 3) == 0 ||
                        memcmp(u->text + u->len - 3, "\xE2\x80\xA6", 3) == 0))
        f |= WN_UF_ELLIPSIS;
    u->feat = f;
    u->hash = wn_hash_key(u->text, u->len, whole, 0);
}

int wn_unit_has_url(const wn_unit *u) {
    /* links matter on short lines (titles, link lines) and on one-word
     * lines; every link has a dot in its host */
    const char *s = u->text + u->bullet;
    size_t n = u->len - u->bullet, a, b, pos = 0;
    return (n <= WN_FEATURE_SPAN || u->nwords == 1) && may_hold_link(s, n) &&
           wn_next_link(s, n, &pos, &a, &b);
}

void wn_units_build(wn_parser *p) {
    size_t n = p->nlines, count = n - p->ncont;
    /* the size cannot wrap where size_t is 64 bits (fewer than 2^32
     * lines); where it is 32, a large input could make it */
    if (count > SIZE_MAX / sizeof(wn_unit) - WN_UNITS_PAD) {
        wn_fail_nomem(p);
        return;
    }
    p->units = wn_work_alloc(&p->work, p->al, (count + WN_UNITS_PAD) * sizeof(wn_unit));
    if (!p->units) {
        wn_fail_nomem(p);
        return;
    }
    size_t k = 0;
    size_t whole = wn_keyed_hashes(p) ? WN_HASH_KEY_WHOLE : SIZE_MAX;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && (p->lines[j + 1].flags & WN_LF_CONT))
            j++;
        wn_unit *u = &p->units[k];
        memset(u, 0, sizeof *u);
        u->start = p->lines[i].start;
        u->end = p->lines[j].end;
        u->dup_of = WN_NO_UNIT;
        int as_is;
        u->text = wn_clean_lines(p, i, j, &u->len, &as_is);
        if (!u->text) {
            if (p->status == WN_OK)
                wn_fail_nomem(p);
            return;
        }
        measure(u, as_is, whole);
        p->nellipsis += (u->feat & WN_UF_ELLIPSIS) != 0;
        k++;
        i = j + 1;
    }
    p->nunits = k;
    memset(&p->units[k], 0, WN_UNITS_PAD * sizeof(wn_unit));
}
