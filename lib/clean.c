/*
 * clean.c - text cleaning, as OUTPUT.md defines it: HTML character
 * references decoded (unless disabled), invalid UTF-8 replaced by U+FFFD,
 * every space separator, tab and control character turned into one plain
 * space with runs collapsed and ends trimmed, U+200B and U+FEFF removed,
 * then Unicode NFC. Lines of one unit are joined with a space.
 *
 * Pure printable-ASCII lines (the common case) are copied as they are; the
 * slow path runs only on lines that need it, and NFC (utf8proc) only on text
 * holding a character that a quick check cannot prove already normalized.
 */
#include <utf8proc.h>

#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Can cp (>= 0x80) appear in NFC text whatever surrounds it? Conservative:
 * a 0 sends the text through full normalization, which is always right. */
static int nfc_safe(uint32_t cp) {
    if (cp < 0x300)
        return 1; /* Latin-1 and Latin Extended: all NFC_QC=Yes, none combine */
    if (cp >= 0x2010 && cp < 0x2070)
        return 1; /* punctuation: dashes, quotes, ellipsis */
    if (cp >= 0x1F000 && cp < 0x1FB00)
        return 1; /* emoji and pictographs */
    if (cp == 0xFFFD)
        return 1; /* what invalid UTF-8 becomes */
    if (cp >= 0x1100 && cp < 0x1200)
        return 0; /* Hangul jamo compose algorithmically */
    const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
    if (pr->combining_class != 0)
        return 0;
    if (pr->comb_index != UINT16_MAX && pr->comb_index >= 0x8000)
        return 0; /* can compose with the character before it */
    if (pr->decomp_type == 0 && pr->decomp_seqindex != UINT16_MAX) {
        /* canonical decomposition: fine only if it composes back to cp
         * (not for singletons such as U+212B ANGSTROM SIGN, nor exclusions) */
        if (pr->comp_exclusion)
            return 0;
        utf8proc_int32_t d[8];
        int last = 0;
        utf8proc_ssize_t k =
            utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8, UTF8PROC_DECOMPOSE, &last);
        if (k < 2 || k > 8)
            return 0;
        utf8proc_ssize_t r = utf8proc_normalize_utf32(d, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        return r == 1 && (uint32_t)d[0] == cp;
    }
    return 1;
}

/* Characters turned into a plain space (besides ASCII white space and
 * controls): C1 controls, NEL, the Zs space separators, line/paragraph
 * separators. */
static int is_space_cp(uint32_t cp) {
    if (cp < 0xA1)
        return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0);
    return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

typedef struct cleaner {
    char *out; /* write position */
    char *base;
    int pending; /* a space is owed before the next visible character */
    int need_nfc;
} cleaner;

/* The space owed before a visible character, if any. */
static inline void pay_space(cleaner *c) {
    if (c->pending) {
        *c->out++ = ' ';
        c->pending = 0;
    }
}

static inline void emit_cp(cleaner *c, uint32_t cp) {
    if (is_space_cp(cp)) {
        c->pending = c->out != c->base;
        return;
    }
    if (cp == 0x200B || cp == 0xFEFF)
        return;
    pay_space(c);
    if (cp == 0xFFFD) { /* invalid UTF-8: common in hostile input */
        memcpy(c->out, "\xEF\xBF\xBD", 3);
        c->out += 3;
        return;
    }
    c->out += wn_u8_encode(cp, c->out);
    if (!c->need_nfc && cp >= 0x300 && !nfc_safe(cp))
        c->need_nfc = 1;
}

/* Decode one UTF-8 sequence at s[i] (s[i] >= 0x80). Returns the code point
 * and advances *i; an invalid sequence gives U+FFFD for its maximal valid
 * prefix (at least one byte), as the Unicode standard recommends. */
static uint32_t decode_u8(const unsigned char *s, size_t n, size_t *i) {
    size_t k = *i;
    unsigned c = s[k];
    unsigned lo = 0x80, hi = 0xBF;
    int need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *i = k + 1;
        return 0xFFFD;
    }
    k++;
    for (int j = 0; j < need; j++, k++) {
        if (k >= n || s[k] < lo || s[k] > hi) {
            *i = k;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[k] & 0x3Fu);
        lo = 0x80;
        hi = 0xBF;
    }
    *i = k;
    return cp;
}

/* Does s[i] start one of U+2010..U+2027 (E2 80 90..A7), the dashes,
 * quotes, bullets and the ellipsis of news copy? Cleaning copies them as
 * they are: no space, and NFC leaves them alone. */
static inline int news_punct_at(const unsigned char *s, size_t i, size_t n) {
    return s[i] == 0xE2 && n - i >= 3 && s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0xA7;
}

static void clean_bytes(cleaner *cl, const unsigned char *s, size_t n, int entities) {
    /* work on a local copy: stores through the output pointer could alias
     * the state otherwise, and the compiler would reload it every byte */
    cleaner local = *cl, *c = &local;
    size_t i = 0;
    while (i < n) {
        unsigned ch = s[i];
        if (ch > 0x20 && ch < 0x7F && ch != '&') {
            pay_space(c);
            /* copy the run of plain ASCII, single spaces between words included;
             * eight bytes at a time while no byte needs a closer look */
            size_t j = i + 1;
            uint64_t prev_last = 0;
            int stopped = 0; /* j is at the first byte that needs a closer look */
#if defined(__SSE2__)
            /* sixteen at a time: a byte below 0x20, DEL or above (one more
             * than the byte is below 0x21 as a signed byte), '&', or a
             * space before a space, the pair across the block's end too
             * (so no space is carried into the loops below) */
            const __m128i c20 = _mm_set1_epi8(0x20), amp = _mm_set1_epi8('&'),
                          one = _mm_set1_epi8(1), c21 = _mm_set1_epi8(0x21);
            while (j + 17 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j)),
                        next = _mm_loadu_si128((const __m128i *)(const void *)(s + j + 1));
                __m128i twice = _mm_and_si128(_mm_cmpeq_epi8(v, c20), _mm_cmpeq_epi8(next, c20));
                __m128i stop = _mm_or_si128(
                    _mm_or_si128(_mm_cmplt_epi8(_mm_add_epi8(v, one), c21), _mm_cmpeq_epi8(v, amp)),
                    twice);
                unsigned m = (unsigned)_mm_movemask_epi8(stop);
                if (m) {
                    /* the bytes before the first stop are plain or single
                     * spaces before plain bytes: the byte loop below would
                     * walk over them one by one */
                    j += (size_t)__builtin_ctz(m);
                    stopped = 1;
                    break;
                }
                j += 16;
            }
#endif
            while (!stopped && j + 8 <= n) {
                uint64_t w = wn_load64(s + j);
                uint64_t sp = wn_swar_eq(w, ' ');
                if ((w & WN_HIGHS) || wn_swar_below(w, 0x20) || wn_swar_eq(w, '&') ||
                    wn_swar_eq(w, 0x7F) || (sp & (sp >> 8)) || (prev_last & sp & 0x80))
                    break;
                prev_last = (sp >> 63) << 7; /* 0x80 when the word ended in a space */
                j += 8;
            }
            /* a space ending the stretch is for the byte loop to judge */
            if (j > i + 1 && s[j - 1] == ' ')
                j--;
            for (;;) {
                if (j < n && s[j] > 0x20 && s[j] < 0x7F && s[j] != '&') {
                    j++;
                } else if (j + 1 < n && s[j] == ' ' && s[j + 1] > 0x20 && s[j + 1] < 0x7F &&
                           s[j + 1] != '&') {
                    j += 2;
                } else {
                    break;
                }
            }
            memcpy(c->out, s + i, j - i);
            c->out += j - i;
            i = j;
            continue;
        }
        if (ch == '&') {
            uint32_t cps[2];
            int ncp = 0;
            size_t k = entities ? wn_entity_decode((const char *)s + i, n - i, cps, &ncp) : 0;
            if (k) {
                for (int q = 0; q < ncp; q++)
                    emit_cp(c, cps[q]);
                i += k;
            } else {
                emit_cp(c, '&');
                i++;
            }
            continue;
        }
        if (ch < 0x80) {
            emit_cp(c, ch); /* white space and controls */
            i++;
            continue;
        }
        if (news_punct_at(s, i, n)) {
            pay_space(c);
            memcpy(c->out, s + i, 3);
            c->out += 3;
            i += 3;
            continue;
        }
        emit_cp(c, decode_u8(s, n, &i));
    }
    *cl = local;
}

/* Put each run of non-starters (combining class > 0) of c[0..n) in
 * canonical order: a stable sort by combining class. utf8proc_decompose()
 * does this with a gnome sort, quadratic in the length of a run, which a
 * line of a million combining marks turns into hours; short runs are
 * sorted by insertion here, long ones by counting (classes are 1..254),
 * so the cost stays linear. `tmp` has room for n code points, or is NULL
 * when no run is longer than WN_SHORT_RUN. */
#define WN_SHORT_RUN 16

/* While a word is normalized each code point carries its combining class
 * in the bits above the 21 of a code point, looked up once. */
#define WN_CP_BITS 21

static utf8proc_int32_t with_class(uint32_t cp, const utf8proc_property_t *pr) {
    return (utf8proc_int32_t)(cp | ((uint32_t)pr->combining_class << WN_CP_BITS));
}

static uint8_t ccc(utf8proc_int32_t packed) {
    return (uint8_t)((uint32_t)packed >> WN_CP_BITS);
}

static void order_run(utf8proc_int32_t *c, size_t n, utf8proc_int32_t *tmp) {
    if (n <= WN_SHORT_RUN || !tmp) {
        for (size_t i = 1; i < n; i++) {
            utf8proc_int32_t v = c[i];
            uint8_t cv = ccc(v);
            size_t j = i;
            for (; j > 0 && ccc(c[j - 1]) > cv; j--)
                c[j] = c[j - 1];
            c[j] = v;
        }
        return;
    }
    size_t start[257];
    memset(start, 0, sizeof start);
    for (size_t i = 0; i < n; i++)
        start[ccc(c[i]) + 1]++;
    for (size_t k = 1; k < 257; k++)
        start[k] += start[k - 1];
    for (size_t i = 0; i < n; i++)
        tmp[start[ccc(c[i])]++] = c[i];
    memcpy(c, tmp, n * sizeof *c);
}

/* Length of the longest run of non-starters in c[0..n). */
static size_t longest_run(const utf8proc_int32_t *c, size_t n) {
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = ccc(c[i]) ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* Canonical decomposition of the valid UTF-8 [s, s+n), character by
 * character (no reordering), into *c, each code point with its combining
 * class (with_class()); *c has room for *cap code points
 * and grows when a character expands past it. Returns the count, -1 when
 * memory runs out, -2 if utf8proc refuses a character (*c is still the
 * caller's to free). */
static utf8proc_ssize_t decompose(const wn_allocator *al, const char *s, size_t n,
                                  utf8proc_int32_t **c, size_t *cap, utf8proc_option_t opt) {
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = wn_u8_next(s, n, &i);
        if (k + 4 > *cap) { /* a character decomposes into at most 4 */
            size_t ncap = *cap + *cap / 2 + 8;
            utf8proc_int32_t *nc = wn_mem_realloc(al, *c, ncap * sizeof **c);
            if (!nc)
                return -1;
            *c = nc;
            *cap = ncap;
        }
        /* most characters that need normalizing (combining marks) have no
         * decomposition: no call to decompose them; Hangul syllables have
         * theirs computed, not in the table */
        const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
        if (pr->decomp_seqindex == UINT16_MAX && !(cp >= 0xAC00 && cp <= 0xD7A3)) {
            (*c)[k++] = with_class(cp, pr);
            continue;
        }
        int boundclass = 0;
        utf8proc_ssize_t r = utf8proc_decompose_char(
            (utf8proc_int32_t)cp, *c + k, (utf8proc_ssize_t)(*cap - k), opt, &boundclass);
        if (r < 0 || (size_t)r > *cap - k)
            return -2; /* not expected for valid UTF-8: canonical decompositions are short */
        for (utf8proc_ssize_t q = 0; q < r; q++, k++)
            (*c)[k] = with_class((uint32_t)(*c)[k], utf8proc_get_property((*c)[k]));
    }
    return (utf8proc_ssize_t)k;
}

/* NFC of one word (no spaces inside) appended to b. Spaces are starters
 * that never compose, so normalizing word by word equals normalizing the
 * whole text, and keeps the temporary code point buffer small. */
static void nfc_word(wn_parser *p, wn_buf *b, const char *s, size_t n) {
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    /* room for the code points (bytes but continuation bytes) and a few
     * more; a character that expands grows it */
    size_t cap = n + 8;
    for (size_t i = 0; i + 8 <= n; i += 8)
        cap -= wn_swar_count(wn_swar_eq(wn_load64(s + i) & (WN_ONES * 0xC0u), 0x80));
    utf8proc_int32_t *tmp = wn_mem_alloc(p->al, cap * sizeof(utf8proc_int32_t));
    if (!tmp) {
        b->failed = 1;
        return;
    }
    utf8proc_ssize_t got = decompose(p->al, s, n, &tmp, &cap, opt);
    if (got < 0) {
        wn_mem_free(p->al, tmp);
        if (got == -1)
            b->failed = 1;
        else
            wn_buf_put(b, s, n); /* keep the word as it is */
        return;
    }
    utf8proc_int32_t *sorted = NULL;
    if (longest_run(tmp, (size_t)got) > WN_SHORT_RUN) {
        sorted = wn_mem_alloc(p->al, ((size_t)got + 1) * sizeof(utf8proc_int32_t));
        if (!sorted) {
            wn_mem_free(p->al, tmp);
            b->failed = 1;
            return;
        }
    }
    for (size_t i = 0; i < (size_t)got;) {
        size_t j = i;
        while (j < (size_t)got && ccc(tmp[j]))
            j++;
        if (j - i > 1)
            order_run(tmp + i, j - i, sorted);
        i = j + 1;
    }
    for (size_t i = 0; i < (size_t)got; i++)
        tmp[i] &= (1 << WN_CP_BITS) - 1; /* the classes off again */
    utf8proc_ssize_t len = utf8proc_reencode(tmp, got, opt);
    if (len >= 0)
        wn_buf_put(b, (const char *)tmp, (size_t)len);
    else
        wn_buf_put(b, s, n);
    wn_mem_free(p->al, sorted);
    wn_mem_free(p->al, tmp);
}

static int word_needs_nfc(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        if (u[i] == 0xEF && i + 2 < n && u[i + 1] == 0xBF && u[i + 2] == 0xBD) {
            i += 3; /* U+FFFD, common in hostile input */
            continue;
        }
        if (!nfc_safe(wn_u8_next(s, n, &i)))
            return 1;
    }
    return 0;
}

/* NFC of cleaned text into p->scratch: the words that need it are
 * normalized, the text between them is copied in one piece. */
static void nfc_text(wn_parser *p, const char *s, size_t n) {
    wn_buf *b = &p->scratch;
    b->n = 0;
    size_t i = 0, copied = 0;
    while (i < n) {
        size_t e = wn_next_space(s, i, n);
        if (word_needs_nfc(s + i, e - i)) {
            wn_buf_put(b, s + copied, i - copied);
            nfc_word(p, b, s + i, e - i);
            copied = e;
        }
        i = e + 1;
    }
    wn_buf_put(b, s + copied, n - copied);
}

#if WN_HAVE_AVX2_TARGET
/* The bytes of v, v1 (one further on) and v2 (two further on) that start
 * one of U+2010..U+2027 (E2 80 90..A7), as a mask. */
__attribute__((target("avx2"))) static inline uint32_t punct_starts32(__m256i v, __m256i v1,
                                                                      __m256i v2) {
    __m256i t = _mm256_sub_epi8(v2, _mm256_set1_epi8((char)0x90)); /* 0..0x17: 90..A7 */
    return (uint32_t)_mm256_movemask_epi8(
        _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xE2)),
                                          _mm256_cmpeq_epi8(v1, _mm256_set1_epi8((char)0x80))),
                         _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8(0x17)), t)));
}

/* only_news_punct() for n >= 34 with AVX2, without a branch on the text:
 * 32 bytes a step, each byte of 0x80 or above wanted inside one of those
 * characters (a start covers itself and the two bytes after it: starts
 * are at least three apart, so the covers do not overlap). The bytes past
 * the last whole step are the block that ends two bytes before n (its
 * bytes already seen masked out) and the last two bytes, which only a
 * start before them can cover. */
__attribute__((target("avx2"))) static int only_news_punct32(const unsigned char *s, size_t n) {
    uint64_t spill = 0; /* the covers that reach into the next block */
    uint32_t bad = 0;
    size_t i = 0;
    for (; i + 34 <= n; i += 32) {
        const unsigned char *b = s + i;
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)b);
        uint64_t st = punct_starts32(v, _mm256_loadu_si256((const __m256i *)(const void *)(b + 1)),
                                     _mm256_loadu_si256((const __m256i *)(const void *)(b + 2)));
        uint64_t cover = st | st << 1 | st << 2 | spill;
        bad |= (uint32_t)_mm256_movemask_epi8(v) & ~(uint32_t)cover;
        spill = cover >> 32;
    }
    /* the block at j = n - 34, its bytes before i already seen */
    size_t j = n - 34, seen = i - j;
    const unsigned char *b = s + j;
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)b);
    uint64_t st = punct_starts32(v, _mm256_loadu_si256((const __m256i *)(const void *)(b + 1)),
                                 _mm256_loadu_si256((const __m256i *)(const void *)(b + 2)));
    uint64_t cover = (st | st << 1 | st << 2 | spill << seen) & (~(uint64_t)0 << seen);
    uint32_t high = (uint32_t)_mm256_movemask_epi8(v);
    bad |= high & ~(uint32_t)cover & (uint32_t)(~(uint64_t)0 << seen);
    uint32_t last2 = (uint32_t)(s[n - 2] >= 0x80) | (uint32_t)(s[n - 1] >= 0x80) << 1;
    bad |= last2 & ~(uint32_t)(cover >> 32);
    return bad == 0;
}
#endif

/* Is every byte of s[0..n) at or above 0x80 part of one of U+2010..U+2027
 * (news_punct_at())? Cleaning copies those as they are, so a line whose only bytes beyond ASCII
 * they are needs no cleaning at all when it has no other reason to (controls, two spaces in a row,
 * '&'). Most lines of English news with anything beyond ASCII are such lines. */
static int only_news_punct(const unsigned char *s, size_t n) {
    size_t i = 0;
#if WN_HAVE_AVX2_TARGET
    if (n >= 34 && wn_have_avx2())
        return only_news_punct32(s, n);
#endif
    for (;;) {
        /* on to the next byte >= 0x80 */
#if defined(__SSE2__)
        for (;;) {
            if (i + 16 > n)
                break;
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
            if (m) {
                i += (size_t)__builtin_ctz(m);
                break;
            }
            i += 16;
        }
#endif
        while (i < n && s[i] < 0x80)
            i++;
        if (i >= n)
            return 1;
        if (!news_punct_at(s, i, n))
            return 0;
        i += 3;
    }
}

char *wn_clean_lines(wn_parser *p, size_t first, size_t last, size_t *len, int *as_is) {
    const wn_line *ln = p->lines;
    int entities = (p->flags & WN_OPT_DECODE_ENTITIES) != 0;
    uint32_t slow = WN_LF_HIGH | WN_LF_CTRL | WN_LF_DSPACE | (entities ? WN_LF_AMP : 0);
    size_t total = 0, need_slow = 0;
    for (size_t k = first; k <= last; k++) {
        total += ln[k].end - ln[k].start + 1;
        need_slow |= ln[k].flags & slow;
    }
    if (need_slow == WN_LF_HIGH) {
        need_slow = 0;
        for (size_t k = first; k <= last && !need_slow; k++)
            if ((ln[k].flags & WN_LF_HIGH) &&
                !only_news_punct((const unsigned char *)p->in + ln[k].start,
                                 ln[k].end - ln[k].start))
                need_slow = WN_LF_HIGH;
    }
    *as_is = !need_slow;
    if (!need_slow) {
        /* plain ASCII, or news punctuation besides: join the lines as
         * they are */
        char *r = wn_arena_alloc_bytes(p->arena, total);
        if (!r)
            return NULL;
        char *o = r;
        for (size_t k = first; k <= last; k++) {
            if (k > first)
                *o++ = ' ';
            memcpy(o, p->in + ln[k].start, ln[k].end - ln[k].start);
            o += ln[k].end - ln[k].start;
        }
        *o = '\0';
        *len = (size_t)(o - r);
        return r;
    }
    /* An ASCII byte yields at most one byte, any other byte at most three
     * (an invalid byte becomes U+FFFD). Where the arena has room for three
     * bytes a byte, that serves as the bound without counting the high
     * bytes: what is not written is given back below either way. */
    size_t bound = total;
    if (wn_arena_room(p->arena) / 3 > total) {
        bound = 3 * total;
    } else {
        for (size_t k = first; k <= last; k++)
            if (ln[k].flags & WN_LF_HIGH)
                bound += 2 * wn_count_high(p->in + ln[k].start, ln[k].end - ln[k].start);
    }
    char *r = wn_arena_alloc_bytes(p->arena, bound + 1);
    if (!r)
        return NULL;
    cleaner c;
    c.base = c.out = r;
    c.pending = 0;
    c.need_nfc = 0;
    for (size_t k = first; k <= last; k++) {
        if (k > first)
            c.pending = c.out != c.base;
        clean_bytes(&c, (const unsigned char *)p->in + ln[k].start, ln[k].end - ln[k].start,
                    entities);
    }
    size_t n = (size_t)(c.out - c.base);
    if (c.need_nfc) {
        nfc_text(p, r, n);
        if (p->scratch.failed)
            return NULL;
        if (p->scratch.n <= bound) {
            memcpy(r, p->scratch.p, p->scratch.n);
            n = p->scratch.n;
        } else {
            wn_arena_shrink(p->arena, r, bound + 1, 0);
            r = wn_arena_strndup(p->arena, p->scratch.p, p->scratch.n);
            if (!r)
                return NULL;
            *len = p->scratch.n;
            return r;
        }
    }
    r[n] = '\0';
    wn_arena_shrink(p->arena, r, bound + 1, n + 1);
    *len = n;
    return r;
}
