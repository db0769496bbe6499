/*
 * caption.c - photo and video captions, found by their credit: a closing
 * "(Photo by ...)", "(AP Photo/...)", "(EPA)", "(AFP/Getty)"; "Credit: ..."
 * (even glued to the last word), "Photograph: ...", "REUTERS/Name", an
 * agency glued after the final full stop ("...in New York.Reuters"); a
 * credit alone on its line ("Getty Images"); the BBC's "Image copyright /
 * Getty Images / Image caption / <text>" group; and a video title with its
 * running time ("... 1:42"). The caption text excludes the credit.
 */
#include "recognizers.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char *const credit_leads[] = {
    "photo by", "photos by",     "photo:",        "photos:",     "photograph by", "photograph:",
    "picture:", "pictures:",     "picture by",    "image:",      "images:",       "image by",
    "credit:",  "photo credit:", "image credit:", "courtesy of", "courtesy:",     "file photo:",
    NULL};

/* Credit text without its lead-in ("Photo by ", "Credit: "). */
static wn_sv strip_credit_lead(const char *s, size_t n) {
    size_t k = wn_lead_in(s, n, credit_leads);
    if (k) {
        s += k;
        n -= k;
    }
    wn_trim(&s, &n);
    return wn_sv_make(s, n);
}

/* Does a credit-like phrase name an agency or photographer? */
static int credit_words(const char *s, size_t n) {
    if (n == 0 || wn_count_words_upto(s, n, 8) > 8)
        return 0;
    if (wn_lead_in(s, n, credit_leads) || wn_ci_prefix(s, n, "AP Photo") ||
        wn_ci_prefix(s, n, "Pool") || wn_ci_prefix(s, n, "File"))
        return 1;
    /* any part, split at '/' ' ' '-', that is an agency */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '/' && s[j] != ',')
            j++;
        const char *part = s + i;
        size_t pn = j - i;
        wn_trim(&part, &pn);
        if (wn_is_agency(part, pn))
            return 1;
        /* "Getty Images", "Reuters Pictures": first word an agency */
        size_t sp = wn_find(part, pn, " ");
        if (sp != SIZE_MAX && wn_is_agency(part, sp))
            return 1;
        i = j + 1;
    }
    return 0;
}

static void set_caption(wn_parser *p, size_t i, const char *text, size_t tn, wn_sv credit) {
    wn_trim(&text, &tn);
    /* a leading gallery counter ("6 Beijing hospital ...") is not caption text */
    if (credit.p && tn > 3 && wn_is_digit((unsigned char)text[0])) {
        size_t k = 0;
        while (k < tn && k < 3 && wn_is_digit((unsigned char)text[k]))
            k++;
        if (k < tn && text[k] == ' ' && k + 1 < tn && (unsigned char)text[k + 1] >= 'A' &&
            (unsigned char)text[k + 1] <= 'Z') {
            text += k + 1;
            tn -= k + 1;
        }
    }
    wn_mark(p, i, WN_BLOCK_CAPTION);
    p->blocks[i].text = wn_keep(p, text, tn);
    wn_block_extra *x = credit.p ? wn_extra(p, i) : NULL;
    if (x)
        x->f[WN_F_CREDIT] = wn_keep(p, credit.p, credit.n);
}

/* "... text (Photo by X)" / "(EPA)" at the very end. */
static int paren_credit(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    if (n < 3 || s[n - 1] != ')')
        return 0;
    int depth = 0;
    size_t open = SIZE_MAX;
    for (size_t k = n; k > 0; k--) {
        if (s[k - 1] == ')')
            depth++;
        else if (s[k - 1] == '(' && --depth == 0) {
            open = k - 1;
            break;
        }
    }
    if (open == SIZE_MAX)
        return 0;
    const char *in = s + open + 1;
    size_t inn = n - open - 2;
    wn_trim(&in, &inn);
    if (!credit_words(in, inn))
        return 0;
    /* "(Reporting by ...)" and friends are bylines, not credits */
    if (wn_ci_find(in, inn, "reporting") != SIZE_MAX || wn_ci_find(in, inn, "editing") != SIZE_MAX)
        return 0;
    if (!wn_lead_in(in, inn, credit_leads) && !wn_ci_prefix(in, inn, "AP Photo")) {
        /* a bare agency: the text before must read as a caption, not as a
         * sentence, and must not spell the name out ("Environmental
         * Protection Agency (EPA)") */
        size_t b = open;
        while (b > 0 && s[b - 1] == ' ')
            b--;
        if (b == 0 || s[b - 1] == '.' || u->nwords > 60)
            return 0;
        size_t words = 0, w = b;
        int match = 1;
        for (size_t q = inn; q > 0 && match; q--) {
            while (w > 0 && s[w - 1] == ' ')
                w--;
            size_t ws = w;
            while (ws > 0 && s[ws - 1] != ' ')
                ws--;
            if (ws == w || (s[ws] | 0x20) != (in[q - 1] | 0x20))
                match = 0;
            w = ws;
            words++;
        }
        if (match && words == inn)
            return 0;
    }
    set_caption(p, i, s, open, strip_credit_lead(in, inn));
    return 1;
}

/* "...treatmentCredit: EPA", "... Mandatory Credit: Name-USA TODAY Sports - RTR4JDW4",
 * "... Photograph: Name/Agency". */
/* Last place in s[win..n) where the cue stands (ASCII case-insensitive), or
 * SIZE_MAX. Cues that end in ':' are looked for from each colon back, the
 * others (rare) by a search. */
static size_t last_cue(const char *s, size_t n, size_t win, const char *cue, size_t m,
                       const size_t *colons, size_t ncolons) {
    if (cue[m - 1] == ':') {
        for (size_t c = ncolons; c-- > 0;) { /* colons in order: the last first */
            size_t k = colons[c] + 1;
            if (k >= m && k - m >= win && wn_ci_prefix(s + k - m, m, cue) == m)
                return k - m;
        }
        return SIZE_MAX;
    }
    size_t at = SIZE_MAX, from = win, k;
    while ((k = wn_ci_find_n(s + from, n - from, cue, m)) != SIZE_MAX) {
        at = from + k;
        from = at + 1;
    }
    return at;
}

static int lead_credit(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
#define WN_CUE(lit, after)                                                                         \
    { lit, sizeof(lit) - 1, after }
    /* in the order they are tried; those that open with "Credit" and have
     * no colon are searched for only where one search found the word */
    static const struct {
        const char *text;
        unsigned char len, after_credit;
    } cues[] = {WN_CUE("Credit:", 0),     WN_CUE("Credit...", 1), WN_CUE("Credit\xE2\x80\xA6", 1),
                WN_CUE("Photograph:", 0), WN_CUE("Photo:", 0),    WN_CUE("Picture:", 0),
                WN_CUE("Image:", 0),      WN_CUE("Photos:", 0),   WN_CUE(". Photo by ", 0)};
#undef WN_CUE /* the amalgamated source is one file */
    /* the credit ends the line: look only near the end, and only when a cue
     * can be there (they all end in ':' or in an ellipsis) */
    size_t win = n > 160 ? n - 160 : 0;
    if (!memchr(s + win, ':', n - win) && wn_find(s + win, n - win, "Credit") == SIZE_MAX &&
        wn_find(s + win, n - win, "Photo by") == SIZE_MAX)
        return 0;
    size_t colons[16], ncolons = 0;
    for (const char *q = s + win; ncolons < 16 && (q = memchr(q, ':', (size_t)(s + n - q))); q++)
        colons[ncolons++] = (size_t)(q - s);
    int credit = wn_ci_find(s + win, n - win, "credit") != SIZE_MAX;
    for (size_t ci = 0; ci < sizeof cues / sizeof cues[0]; ci++) {
        if (cues[ci].after_credit && !credit)
            continue;
        const char *cue = cues[ci].text;
        size_t m = cues[ci].len;
        size_t at = last_cue(s, n, win, cue, m, colons, ncolons);
        if (at == SIZE_MAX || (at == 0 && wn_ci_prefix(cue, m, "Credit") == 0))
            continue;
        const char *cr = s + at + m;
        size_t cn = n - at - m;
        wn_trim(&cr, &cn);
        /* drop a trailing picture id (" - RTR4JDW4") */
        if (cn > 4) {
            size_t dash = SIZE_MAX;
            for (size_t q = cn; q > 3; q--)
                if (cr[q - 3] == ' ' && cr[q - 2] == '-' && cr[q - 1] == ' ') {
                    dash = q - 3;
                    break;
                }
            if (dash != SIZE_MAX) {
                int id = 1, digit = 0;
                for (size_t q = dash + 3; q < cn; q++) {
                    unsigned char ch = (unsigned char)cr[q];
                    digit |= wn_is_digit(ch);
                    id &= (ch >= 'A' && ch <= 'Z') || wn_is_digit(ch);
                }
                if (id && digit)
                    cn = dash;
            }
        }
        if (cn == 0 || wn_count_words_upto(cr, cn, 8) > 8 || wn_find(cr, cn, ". ") != SIZE_MAX)
            continue;
        size_t tn = at;
        if (tn >= 10 && wn_ci_prefix(s + tn - 10, 10, "Mandatory "))
            tn -= 10;
        if (cue[0] == '.')
            tn++; /* ". Photo by": keep the full stop with the text */
        set_caption(p, i, s, tn, wn_sv_make(cr, cn));
        return 1;
    }
    return 0;
}

/* "... in Tokyo. REUTERS/Kim Kyung-Hoon" */
static int slash_credit(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    static const char *const slash_agencies[] = {"REUTERS/", "Reuters/", "AFP/",      "EPA/",
                                                 "AP/",      "EPA-EFE/", "AP Photo/", NULL};
    size_t win = n > 80 ? n - 80 : 0;
    if (!memchr(s + win, '/', n - win))
        return 0;
    for (const char *const *a = slash_agencies; *a; a++) {
        size_t at = wn_find(s + win, n - win, *a);
        if (at != SIZE_MAX)
            at += win;
        if (at == SIZE_MAX || (at > 0 && s[at - 1] != ' '))
            continue;
        const char *cr = s + at;
        size_t cn = n - at;
        if (wn_count_words_upto(cr, cn, 6) > 6 || wn_find(cr, cn, ". ") != SIZE_MAX)
            continue;
        set_caption(p, i, s, at, wn_sv_make(cr, cn));
        return 1;
    }
    return 0;
}

/* "...outside a co-working space in New York.Reuters" */
static int glued_agency(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    size_t dot = wn_last_byte(s, n, '.');
    if (dot == SIZE_MAX || dot + 1 >= n || dot == 0 || s[dot - 1] == ' ' || s[dot + 1] == ' ')
        return 0;
    if (!wn_is_agency(s + dot + 1, n - dot - 1) || u->nwords < 4)
        return 0;
    set_caption(p, i, s, dot + 1, wn_sv_make(s + dot + 1, n - dot - 1));
    return 1;
}

/* "Getty Images", "(Photo: John Smith/AP)" alone on a line. */
static int credit_only(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    if (u->nwords > 6)
        return 0;
    if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
        s++;
        n -= 2;
    }
    int photo = wn_lead_in(s, n, credit_leads) || wn_ci_find(s, n, "images") != SIZE_MAX ||
                wn_ci_find(s, n, "getty") != SIZE_MAX || wn_ci_find(s, n, "photo") != SIZE_MAX ||
                wn_ci_find(s, n, "shutterstock") != SIZE_MAX || wn_find(s, n, "/") != SIZE_MAX;
    if (!photo || !credit_words(s, n))
        return 0;
    set_caption(p, i, "", 0, strip_credit_lead(s, n));
    return 1;
}

/* "Sen. Reid To Trump: Rescind Bannon Appointment 1:42" */
static int video_title(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    if (u->nwords < 3 || u->nwords > 25 || n < 6)
        return 0;
    size_t k = n;
    while (k > 0 && (wn_is_digit((unsigned char)s[k - 1]) || s[k - 1] == ':'))
        k--;
    size_t tn = n - k;
    if (k == 0 || s[k - 1] != ' ' || tn < 4 || tn > 8 || s[n - 3] != ':' ||
        !wn_is_digit((unsigned char)s[k]))
        return 0;
    wn_mark(p, i, WN_BLOCK_CAPTION);
    p->blocks[i].text = wn_sv_make(u->text, u->len);
    return 1;
}

/* Length of a BBC-style label at the start of a unit ("Image copyright",
 * "Image source, ", "Image caption, ") with the comma or colon after it;
 * 0 when the unit does not open with one of the labels. */
static size_t bbc_label(const wn_unit *u, const char *const *labels) {
    for (; *labels; labels++) {
        size_t k = wn_ci_prefix(u->text, u->len, *labels);
        if (!k)
            continue;
        if (k < u->len && u->text[k] != ' ' && u->text[k] != ',' && u->text[k] != ':')
            continue; /* "Image captions" */
        if (k < u->len && (u->text[k] == ',' || u->text[k] == ':'))
            k++;
        return k;
    }
    return 0;
}

static const char *const bbc_credit_labels[] = {"Image copyright", "Image source", NULL};
static const char *const bbc_caption_labels[] = {"Image caption", "Media caption", NULL};

/* BBC: "Image copyright" [credit] ["Image caption" [text]], one block; the
 * later layout puts a comma after each label ("Image source, Getty Images"). */
static int bbc_group(wn_parser *p, size_t i) {
    wn_unit *u = &p->units[i];
    size_t k = bbc_label(u, bbc_credit_labels);
    size_t kc = k ? 0 : bbc_label(u, bbc_caption_labels);
    if (!k && !kc)
        return 0;
    wn_sv credit = wn_sv_make(NULL, 0), text = wn_sv_make("", 0);
    size_t j = i;
    if (k) {
        const char *c = u->text + k;
        size_t cn = u->len - k;
        wn_trim(&c, &cn);
        if (cn) {
            credit = wn_sv_make(c, cn);
        } else if (j + 1 < p->nunits && wn_free_unit(&p->units[j + 1]) &&
                   p->units[j + 1].nwords <= 6) {
            j++;
            credit = wn_sv_make(p->units[j].text, p->units[j].len);
        }
        if (j + 1 < p->nunits && wn_free_unit(&p->units[j + 1])) {
            kc = bbc_label(&p->units[j + 1], bbc_caption_labels);
            if (kc)
                j++;
        }
    }
    wn_mark(p, i, WN_BLOCK_CAPTION);
    if (kc) {
        const wn_unit *cu = &p->units[j];
        const char *t = cu->text + kc;
        size_t tn = cu->len - kc;
        wn_trim(&t, &tn);
        if (tn) {
            text = wn_sv_make(t, tn);
        } else if (j + 1 < p->nunits && wn_free_unit(&p->units[j + 1]) &&
                   p->units[j + 1].nwords <= 80) {
            j++;
            text = wn_sv_make(p->units[j].text, p->units[j].len);
        }
    }
    for (size_t q = i + 1; q <= j; q++)
        wn_join(p, i, q);
    p->blocks[i].text = text;
    wn_block_extra *x = credit.p ? wn_extra(p, i) : NULL;
    if (x)
        x->f[WN_F_CREDIT] = credit;
    return 1;
}

/* Does "Credit" or "Photo by" start at t[k]? */
static WN_ALWAYS_INLINE int credit_word_at(const char *t, size_t tn, size_t k) {
    return (tn - k >= 6 && memcmp(t + k, "Credit", 6) == 0) ||
           (tn - k >= 8 && memcmp(t + k, "Photo by", 8) == 0);
}

/* Offset of the last '.' of t[0..tn), or SIZE_MAX: sixteen bytes at a time
 * from the end with SSE2 (a paragraph's last full stop is near its end). */
static size_t last_period(const char *t, size_t tn) {
    size_t e = tn;
#if defined(__SSE2__)
    const __m128i period = _mm_set1_epi8('.');
    for (; e >= 16; e -= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + e - 16));
        unsigned d = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, period));
        if (d)
            return e - 16 + 31 - (size_t)__builtin_clz(d);
    }
#endif
    while (e > 0)
        if (t[--e] == '.')
            return e;
    return SIZE_MAX;
}

#if defined(__SSE2__)
/* The ':' and '/' bytes of v (stops). */
static inline __m128i tail_stops(__m128i v) {
    return _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
                        _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
}

/* The 'C' bytes of v before an 'r' and its 'P' bytes before an 'h' (next:
 * the bytes one further on), where "Credit" or "Photo by" may start: far
 * fewer than the capitals alone, which start many names, and each one
 * found costs a comparison and a branch that goes either way. */
static inline __m128i tail_pairs(__m128i v, __m128i next) {
    return _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('C')),
                                      _mm_cmpeq_epi8(next, _mm_set1_epi8('r'))),
                        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('P')),
                                      _mm_cmpeq_epi8(next, _mm_set1_epi8('h'))));
}

/* A cue among the bytes from t[i] whose masks these are: a stop, or a
 * capital that starts a credit word. */
static WN_ALWAYS_INLINE int step_cues(const char *t, size_t tn, size_t i, int stops,
                                      uint32_t caps) {
    if (stops)
        return 1;
    for (; caps; caps &= caps - 1)
        if (credit_word_at(t, tn, i + (size_t)__builtin_ctz(caps)))
            return 1;
    return 0;
}
#endif

#if WN_HAVE_AVX2_TARGET
/* A cue among the 32 bytes at t + i (i + 33 <= tn: the byte after them is
 * there). */
__attribute__((target("avx2"))) static inline int cues32_at(const char *t, size_t tn, size_t i) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(t + i)),
            next = _mm256_loadu_si256((const __m256i *)(const void *)(t + i + 1));
    __m256i stop = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(':')),
                                   _mm256_cmpeq_epi8(v, _mm256_set1_epi8('/')));
    __m256i cand =
        _mm256_or_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('C')),
                                         _mm256_cmpeq_epi8(next, _mm256_set1_epi8('r'))),
                        _mm256_and_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('P')),
                                         _mm256_cmpeq_epi8(next, _mm256_set1_epi8('h'))));
    return _mm256_movemask_epi8(_mm256_or_si256(stop, cand)) &&
           step_cues(t, tn, i, _mm256_movemask_epi8(stop), (uint32_t)_mm256_movemask_epi8(cand));
}

/* wn_tail_cues() for tn >= 33 with AVX2 (its answer, not the full stop):
 * the 32 bytes before the last byte first, then thirty-two bytes a step
 * from the start up to them (the last step may overlap them: a candidate
 * seen twice gives the same answer), then the last byte, which can only be
 * a stop. The block at the end comes first so that every block is tested
 * by the one loop body, with its constants in registers. */
__attribute__((target("avx2"))) static int tail_cues32(const char *t, size_t tn) {
    for (size_t i = tn - 33, next = 0;; i = next, next += 32) {
        if (cues32_at(t, tn, i))
            return 1;
        if (next + 33 >= tn)
            break;
    }
    return t[tn - 1] == ':' || t[tn - 1] == '/';
}
#endif

int wn_tail_cues(const char *t, size_t tn, size_t *dot) {
    size_t i = 0;
#if WN_HAVE_AVX2_TARGET
    if (tn >= 33 && wn_have_avx2()) {
        if (tail_cues32(t, tn))
            return 1;
        *dot = last_period(t, tn);
        return 0;
    }
#endif
#if defined(__SSE2__)
    if (tn >= 16) {
        /* thirty-two bytes a step (and the byte after them), then the
         * last sixteen (overlapping the bytes before them: a candidate
         * seen twice gives the same answer); one test a step for all */
        for (; i + 33 <= tn; i += 32) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(t + i)),
                    v1 = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 16)),
                    n0 = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 1)),
                    n1 = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 17));
            __m128i stop = _mm_or_si128(tail_stops(v0), tail_stops(v1));
            __m128i c0 = tail_pairs(v0, n0), c1 = tail_pairs(v1, n1);
            if (_mm_movemask_epi8(_mm_or_si128(stop, _mm_or_si128(c0, c1))) &&
                step_cues(t, tn, i, _mm_movemask_epi8(stop),
                          (uint32_t)_mm_movemask_epi8(c0) | (uint32_t)_mm_movemask_epi8(c1) << 16))
                return 1;
        }
        /* the rest, 32 bytes or fewer: a block from i when more than
         * sixteen are left, then the last sixteen, whose last byte starts
         * no cue word (its next byte counts as 0) */
        while (i < tn) {
            if (i + 16 > tn)
                i = tn - 16;
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
            __m128i next = i + 17 <= tn
                               ? _mm_loadu_si128((const __m128i *)(const void *)(t + i + 1))
                               : _mm_srli_si128(v, 1);
            __m128i stop = tail_stops(v), cand = tail_pairs(v, next);
            if (_mm_movemask_epi8(_mm_or_si128(stop, cand)) &&
                step_cues(t, tn, i, _mm_movemask_epi8(stop), (uint32_t)_mm_movemask_epi8(cand)))
                return 1;
            i += 16;
        }
    }
#endif
    for (; i < tn; i++) {
        char c = t[i];
        if (c == ':' || c == '/' || ((c == 'C' || c == 'P') && credit_word_at(t, tn, i)))
            return 1;
    }
    *dot = last_period(t, tn);
    return 0;
}

/* Can the end of the text hold a credit at all? Every credit cue ends a
 * line with ')' or holds ':', '/', "Credit" or an agency glued to a full
 * stop near the end; one look at the tail rules most paragraphs out. */
static int tail_may_credit(const wn_unit *u) {
    const char *s = u->text;
    size_t n = u->len, from = n > 160 ? n - 160 : 0;
    if (n && (s[n - 1] == ')' || wn_is_digit((unsigned char)s[n - 1])))
        return 1;
    size_t k;
    if (wn_tail_cues(s + from, n - from, &k))
        return 1;
    /* an agency glued after the last full stop: "...New York.Reuters" */
    if (k == SIZE_MAX)
        return 0;
    const char *dot = s + from + k;
    return dot + 1 < s + n && dot[1] != ' ' && wn_is_agency(dot + 1, (size_t)(s + n - dot - 1));
}

void wn_rec_caption(wn_parser *p) {
    for (size_t i = p->near_from; i < p->near_to; i++) {
        wn_fetch_text_ahead(p, i);
        wn_unit *u = &p->units[i];
        if (!wn_free_unit(u) || u->bullet || (u->feat & WN_UF_GARBLED))
            continue; /* captions are text, not mis-decoded bytes */
        if (((u->text[0] | 0x20) == 'i' || (u->text[0] | 0x20) == 'm') && bbc_group(p, i))
            continue;
        if (u->nwords <= 6 && credit_only(p, i))
            continue;
        if (u->nwords > 90 || !tail_may_credit(u))
            continue; /* captions are short, and credits have their cues */
        if (paren_credit(p, i) || lead_credit(p, i) || slash_credit(p, i) || glued_agency(p, i))
            continue;
        video_title(p, i);
    }
}
