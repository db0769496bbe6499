/*
 * lines.c - the lines stage: split the input into physical lines (LF, CRLF
 * or a lone CR end a line), trim white space from both ends, and keep the
 * lines that have anything left, with their indentation, the number of blank
 * lines before them, their width, flags that tell the cleaner whether a
 * line is plain ASCII and a flag for a break plainly mid-sentence (see
 * wrap.c). One pass over the bytes, thirty-two at a time with AVX2 (the
 * whole stage is built twice, and the processor picks) and sixteen with
 * SSE2 where the line holds nothing special.
 *
 * "White space" here is exactly what the coverage rule of OUTPUT.md lets a
 * span leave out: ASCII white space (including \x1c-\x1f), U+0085, the Zs
 * space separators, U+2028, U+2029, and the invisible U+200B and U+FEFF
 * (so a byte-order mark is trimmed like a space).
 */
#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Length of the multi-byte white-space character starting at s[i], or 0. */
static size_t uws_len(const unsigned char *s, size_t i, size_t n) {
    unsigned c = s[i];
    if (c == 0xC2) {
        if (i + 1 < n && (s[i + 1] == 0x85 || s[i + 1] == 0xA0))
            return 2;
        return 0;
    }
    if (i + 2 >= n)
        return 0;
    unsigned b = s[i + 1], d = s[i + 2];
    switch (c) {
    case 0xE1:
        return (b == 0x9A && d == 0x80) ? 3 : 0;
    case 0xE2:
        if (b == 0x80)
            return ((d >= 0x80 && d <= 0x8B) || d == 0xA8 || d == 0xA9 || d == 0xAF) ? 3 : 0;
        return (b == 0x81 && d == 0x9F) ? 3 : 0;
    case 0xE3:
        return (b == 0x80 && d == 0x80) ? 3 : 0;
    case 0xEF:
        return (b == 0xBB && d == 0xBF) ? 3 : 0;
    default:
        return 0;
    }
}

/* Length of a multi-byte white-space character ending at s[e] (exclusive),
 * not reaching before `lo`, or 0. */
static size_t uws_len_before(const unsigned char *s, size_t lo, size_t e) {
    if (e - lo >= 2 && uws_len(s, e - 2, e) == 2)
        return 2;
    if (e - lo >= 3 && uws_len(s, e - 3, e) == 3)
        return 3;
    return 0;
}

static inline int ascii_ws(unsigned c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
}

static WN_ALWAYS_INLINE int push_line(wn_parser *p, size_t *cap, const wn_line *l) {
    if (p->nlines == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        if (ncap > SIZE_MAX / sizeof(wn_line))
            return -1;
        wn_line *nl = wn_work_realloc(&p->work, p->al, p->lines, *cap * sizeof(wn_line),
                                      ncap * sizeof(wn_line));
        if (!nl)
            return -1;
        p->lines = nl;
        *cap = ncap;
    }
    p->lines[p->nlines++] = *l;
    return 0;
}

/* Skip leading white space at s[i]; returns the new offset, indent in *cols. */
static WN_ALWAYS_INLINE size_t skip_indent(const unsigned char *s, size_t i, size_t n,
                                           uint32_t *cols) {
    uint32_t indent = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c == ' ') {
            indent++;
            i++;
        } else if (c == '\t') {
            indent = (indent + 8) & ~7u;
            i++;
        } else if (c != '\n' && c != '\r' && ascii_ws(c)) {
            indent++;
            i++;
        } else if (c >= 0x80) {
            size_t k = uws_len(s, i, n);
            if (!k)
                break;
            /* zero-width characters take no column */
            if (!(k == 3 && ((s[i] == 0xE2 && s[i + 2] == 0x8B) || s[i] == 0xEF)))
                indent++;
            i += k;
        } else {
            break;
        }
    }
    *cols = indent;
    return i;
}

#if defined(__SSE2__)
static inline unsigned bits16(unsigned m) {
    m = m - ((m >> 1) & 0x5555u);
    m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
    m = (m + (m >> 4)) & 0x0F0Fu;
    return (m + (m >> 8)) & 0x1Fu;
}
#endif

#if defined(__SSE2__)
/* The sum of the two 64-bit lanes of v. */
static inline size_t lanes_sum(__m128i v) {
    __m128i high = _mm_unpackhi_epi64(v, v);
#if defined(__x86_64__) || defined(_M_X64)
    return (size_t)_mm_cvtsi128_si64(v) + (size_t)_mm_cvtsi128_si64(high);
#else /* 32-bit x86: size_t has 32 bits, and so has each lane's sum */
    return (size_t)(uint32_t)_mm_cvtsi128_si32(v) + (size_t)(uint32_t)_mm_cvtsi128_si32(high);
#endif
}

/* What scan_line() gathers about a line so far. */
typedef struct line_stats {
    uint64_t high, ctrl, amp, dspace;
    size_t cont; /* continuation bytes: the width is the bytes less these */
} line_stats;

/* Add the bytes of a 16-byte block v that `keep` selects (bit k: byte k;
 * the bytes before the line end). */
static inline void block_stats(line_stats *st, __m128i v, unsigned keep) {
    const __m128i sp20 = _mm_set1_epi8(' '), amp26 = _mm_set1_epi8('&'), del = _mm_set1_epi8(0x7F),
                  c0 = _mm_set1_epi8(0x20), lead = _mm_set1_epi8((char)0xC0);
    unsigned hi = (unsigned)_mm_movemask_epi8(v) & keep;
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp20)) & keep;
    if (hi) {
        st->high = 1;
        /* continuation bytes 0x80..0xBF are below 0xC0 as signed bytes */
        st->cont += bits16((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, lead)) & keep);
    }
    st->ctrl |= (((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, c0)) & ~hi) |
                 (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, del))) &
                keep;
    st->amp |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, amp26)) & keep;
    st->dspace |= sp & (sp >> 1);
}
#endif

/* Scan the content of a line from s[i] to its end; returns the offset of
 * the line end, its width in code points (its bytes less the continuation
 * bytes) and its flags. Sixteen bytes at a time with SSE2, eight with
 * plain 64-bit words elsewhere. */
static WN_ALWAYS_INLINE size_t scan_line(const unsigned char *s, size_t i, size_t n,
                                         uint32_t *flags_out, size_t *width_out) {
    uint64_t high = 0, ctrl = 0, amp = 0, dspace = 0;
    size_t start = i, cont = 0;
    unsigned prev_space = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    line_stats st = {0, 0, 0, 0, 0};
    const __m128i one = _mm_set1_epi8(1), ampersand = _mm_set1_epi8('&'),
                  space = _mm_set1_epi8(' ');
    int found_end = 0;
    __m128i pairs = _mm_setzero_si128(); /* lanes where a space follows a space */
    const __m128i c1f = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F),
                  lead = _mm_set1_epi8((char)0xC0), zero = _mm_setzero_si128();
    __m128i highv = zero, conts = zero;
    /* one byte to spare past each block: each block looks for two spaces
     * across its end too, so no space is carried from block to block (a
     * plain block's double spaces are found by comparing its bytes with
     * the ones after them) */
    while (i + 17 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* the control bytes (line ends among them: the unsigned minimum
         * with 0x1F is the byte), DEL and '&'. A block with none of those
         * adds its double spaces, its bytes of 0x80 or above (ORed) and
         * its continuation bytes (summed) to lanes, without a branch:
         * whether a block holds a curly quote or an accented letter is a
         * coin toss to the branch predictor. */
        __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v), _mm_cmpeq_epi8(v, del)),
            _mm_cmpeq_epi8(v, ampersand));
        if (!_mm_movemask_epi8(special)) {
            __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            pairs = _mm_or_si128(
                pairs, _mm_and_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(next, space)));
            highv = _mm_or_si128(highv, v);
            conts = _mm_add_epi64(conts,
                                  _mm_sad_epu8(_mm_and_si128(_mm_cmplt_epi8(v, lead), one), zero));
            i += 16;
            continue;
        }
        unsigned eol =
            (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
        if (eol) {
            /* the block of the line end: only the bytes before it count,
             * and the loops below are not needed */
            unsigned nkeep = (unsigned)__builtin_ctz(eol);
            block_stats(&st, v, (1u << nkeep) - 1);
            i += nkeep;
            found_end = 1;
            break;
        }
        block_stats(&st, v, 0xFFFFu);
        st.dspace |= s[i + 15] == ' ' && s[i + 16] == ' ';
        i += 16;
    }
    high = st.high | (uint64_t)(_mm_movemask_epi8(highv) != 0);
    ctrl = st.ctrl;
    amp = st.amp;
    dspace = st.dspace | (uint64_t)(_mm_movemask_epi8(pairs) != 0);
    cont = st.cont + lanes_sum(conts);
    if (found_end)
        n = i;
#endif
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t eol = wn_swar_eq(w, '\n') | wn_swar_eq(w, '\r');
        if (eol)
            break;
        uint64_t hi = w & WN_HIGHS;
        uint64_t sp = wn_swar_eq(w, ' ');
        if (hi) {
            high = 1;
            /* continuation bytes (10xxxxxx) start no new code point */
            cont += wn_swar_count(hi & ~(w << 1));
        }
        ctrl |= wn_swar_below(w, 0x20) | wn_swar_eq(w, 0x7F);
        amp |= wn_swar_eq(w, '&');
        dspace |= (sp & (sp >> 8)) | (prev_space ? (sp & 0x80) : 0);
        prev_space = (unsigned)(sp >> 63);
        i += 8;
    }
    for (; i < n; i++) {
        unsigned c = s[i];
        if (c == '\n' || c == '\r')
            break;
        if (c >= 0x80) {
            high = 1;
            cont += (c & 0xC0) == 0x80;
            prev_space = 0;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            ctrl = 1;
        else if (c == '&')
            amp = 1;
        if (c == ' ') {
            if (prev_space)
                dspace = 1;
            prev_space = 1;
        } else {
            prev_space = 0;
        }
    }
    *flags_out = (high ? WN_LF_HIGH : 0) | (ctrl ? WN_LF_CTRL : 0) | (amp ? WN_LF_AMP : 0) |
                 (dspace ? WN_LF_DSPACE : 0);
    *width_out = i - start - cont;
    return i;
}

#if WN_HAVE_AVX2_TARGET
/* What scan_line32() adds up in lanes: pairs of spaces, the bytes ORed
 * (for one of 0x80 or above) and the continuation bytes, counted in byte
 * lanes. Named members, so that they stay in registers. */
typedef struct line_lanes {
    __m256i pairs, highv, conts;
} line_lanes;

/* Adds the 32 bytes v to the lanes; next: the 32 bytes one further on. */
__attribute__((target("avx2"))) static inline void lanes32(line_lanes *ln, __m256i v,
                                                           const unsigned char *next) {
    const __m256i space = _mm256_set1_epi8(' ');
    __m256i after = _mm256_loadu_si256((const __m256i *)(const void *)next);
    ln->pairs = _mm256_or_si256(
        ln->pairs, _mm256_and_si256(_mm256_cmpeq_epi8(v, space), _mm256_cmpeq_epi8(after, space)));
    ln->highv = _mm256_or_si256(ln->highv, v);
    /* continuation bytes 0x80..0xBF are below 0xC0 as signed bytes */
    ln->conts = _mm256_sub_epi8(ln->conts, _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xC0), v));
}

/* scan_line() thirty-two bytes at a time with AVX2, for a parse on a
 * processor that has it (split_avx2()). A block with no control byte, DEL
 * or '&' adds its double spaces, its bytes of 0x80 or above and its
 * continuation bytes to lanes; any other block has the bytes from its line
 * end on replaced by a letter first and its control bytes and '&' noted,
 * and then adds to the same lanes, so the only way out of the loop is the
 * line end. The continuation bytes' byte lanes (a lane counts to 255) are
 * added up every 255 blocks. The bytes left when fewer than 33 remain in
 * the input (the byte after a block is read for the spaces across its
 * end) go to scan_line(). */
__attribute__((target("avx2"))) static inline size_t
scan_line32(const unsigned char *s, size_t i, size_t n, uint32_t *flags_out, size_t *width_out) {
    const __m256i c1f = _mm256_set1_epi8(0x1F), del = _mm256_set1_epi8(0x7F),
                  amp = _mm256_set1_epi8('&'), nl = _mm256_set1_epi8('\n'),
                  cr = _mm256_set1_epi8('\r'), letter = _mm256_set1_epi8('a'),
                  zero = _mm256_setzero_si256();
    const __m256i index =
        _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                         21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
    line_lanes ln = {zero, zero, zero};
    __m256i contv = zero;
    uint32_t ctrl = 0, amps = 0;
    size_t start = i, blocks = 0;
    int found_end = 0;
    while (i + 33 <= n) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v); /* controls, line ends */
        if (WN_UNLIKELY(_mm256_movemask_epi8(_mm256_or_si256(
                low, _mm256_or_si256(_mm256_cmpeq_epi8(v, del), _mm256_cmpeq_epi8(v, amp)))))) {
            uint32_t eol = (uint32_t)_mm256_movemask_epi8(
                _mm256_or_si256(_mm256_cmpeq_epi8(v, nl), _mm256_cmpeq_epi8(v, cr)));
            unsigned keep = eol ? (unsigned)__builtin_ctz(eol) : 32;
            v = _mm256_blendv_epi8(letter, v,
                                   _mm256_cmpgt_epi8(_mm256_set1_epi8((char)keep), index));
            ctrl |= (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
                _mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v), _mm256_cmpeq_epi8(v, del)));
            amps |= (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, amp));
            if (eol) { /* the bytes before the line end, and then out */
                lanes32(&ln, v, s + i + 1);
                i += keep;
                found_end = 1;
                break;
            }
        }
        lanes32(&ln, v, s + i + 1);
        if (WN_UNLIKELY(++blocks == 255)) {
            contv = _mm256_add_epi64(contv, _mm256_sad_epu8(ln.conts, zero));
            ln.conts = zero;
            blocks = 0;
        }
        i += 32;
    }
    contv = _mm256_add_epi64(contv, _mm256_sad_epu8(ln.conts, zero));
    __m128i c = _mm_add_epi64(_mm256_castsi256_si128(contv), _mm256_extracti128_si256(contv, 1));
    size_t cont = (size_t)_mm_cvtsi128_si64(c) + (size_t)_mm_extract_epi64(c, 1);
    uint32_t flags = (_mm256_movemask_epi8(ln.highv) ? WN_LF_HIGH : 0) | (ctrl ? WN_LF_CTRL : 0) |
                     (amps ? WN_LF_AMP : 0) | (_mm256_movemask_epi8(ln.pairs) ? WN_LF_DSPACE : 0);
    size_t width = i - start - cont;
    if (!found_end) {
        /* the last bytes of the input (a pair of spaces across i was seen
         * above: the byte after the last block was read) */
        size_t rest;
        uint32_t rest_flags;
        i = scan_line(s, i, n, &rest_flags, &rest);
        flags |= rest_flags;
        width += rest;
    }
    *flags_out = flags;
    *width_out = width;
    return i;
}
#endif

/* The offset after the line end at s[i] (CRLF, LF or a lone CR), or n. */
static inline size_t past_line_end(const unsigned char *s, size_t i, size_t n) {
    if (i >= n)
        return n;
    return i + ((s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1);
}

/* Is the break between line a and the next line b, a line that follows
 * it without a blank line and starts with a lower-case letter (the rare
 * cue, tested by the caller first), plainly mid-sentence? Line a is at
 * least 55 columns wide and ends in a lower-case word or a comma, and b's
 * first word is not a link (no '/', '@' or '.' in it) and is indented no
 * deeper. wrap.c joins such lines outside hard-wrapped documents; the
 * bytes are read here, while they are in the cache. */
static WN_ALWAYS_INLINE int mid_sentence(const unsigned char *s, const wn_line *a,
                                         const wn_line *b) {
    if (b->indent > a->indent || a->width < 55)
        return 0;
    unsigned char last = s[a->end - 1];
    if (!((last >= 'a' && last <= 'z') || last == ','))
        return 0;
    for (size_t k = b->start; k < b->end && s[k] != ' '; k++)
        if (s[k] == '/' || s[k] == '@' || s[k] == '.')
            return 0;
    return 1;
}

/* The lines stage, its lines scanned by scan_line32() when `wide`;
 * inlined into split_avx2() and into wn_lines_split(), so its helpers are
 * inlined into both (they are marked so: with two callers gcc would
 * otherwise call them). */
static WN_ALWAYS_INLINE void split_lines(wn_parser *p, int wide) {
    const unsigned char *s = (const unsigned char *)p->in;
    size_t n = p->len;
    size_t cap = 0;
    uint32_t blanks = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t indent;
        i = skip_indent(s, i, n, &indent);
        if (i >= n || s[i] == '\n' || s[i] == '\r') {
            /* a blank line (or white space only): nothing to scan */
            if (blanks < UINT32_MAX)
                blanks++;
            i = past_line_end(s, i, n);
            continue;
        }
        size_t cstart = i, width;
        uint32_t flags;
#if WN_HAVE_AVX2_TARGET
        size_t eol =
            wide ? scan_line32(s, i, n, &flags, &width) : scan_line(s, i, n, &flags, &width);
#else
        (void)wide;
        size_t eol = scan_line(s, i, n, &flags, &width);
#endif
        /* trailing white space */
        size_t cend = eol;
        while (cend > cstart) {
            unsigned c = s[cend - 1];
            if (c < 0x80) {
                if (!ascii_ws(c))
                    break;
                cend--;
                width--;
                continue;
            }
            size_t k = uws_len_before(s, cstart, cend);
            if (!k)
                break;
            cend -= k;
            width--;
        }
        if (cend > cstart) {
            wn_line l;
            l.start = cstart;
            l.end = cend;
            l.indent = indent;
            l.blanks = blanks;
            l.flags = flags;
            l.width = width > UINT32_MAX ? UINT32_MAX : (uint32_t)width;
            if (s[cstart] >= 'a' && s[cstart] <= 'z' && !blanks && p->nlines &&
                mid_sentence(s, &p->lines[p->nlines - 1], &l)) {
                l.flags |= WN_LF_MIDBREAK;
                p->nmidbreak++;
            }
            if (push_line(p, &cap, &l) != 0) {
                wn_fail_nomem(p);
                return;
            }
            blanks = 0;
        } else if (blanks < UINT32_MAX) {
            blanks++;
        }
        i = past_line_end(s, eol, n);
    }
}

#if WN_HAVE_AVX2_TARGET
/* The whole stage built for AVX2: every vector instruction has three
 * operands, and gcc inlines scan_line32() into the loop (clang 14 calls
 * it, which costs it a little of the gain). */
__attribute__((target("avx2"))) static void split_avx2(wn_parser *p) {
    split_lines(p, 1);
}
#endif

void wn_lines_split(wn_parser *p) {
#if WN_HAVE_AVX2_TARGET
    if (wn_have_avx2()) {
        split_avx2(p);
        return;
    }
#endif
    split_lines(p, 0);
}
