/*
 * wrap.c - hard-wrapped text: decide which physical lines continue the line
 * before them, so that a paragraph broken mid-sentence at a fixed width
 * becomes one unit again.
 *
 * The cue is the one a typesetter would use: a line was broken by the
 * wrapper (not by the author) when the first word of the next line would not
 * have fitted on it. The wrap width is estimated from the document (the
 * 95th percentile of line widths). A document counts as hard-wrapped when
 * its widths are modest and most adjacent line pairs show that kind of
 * break; then adjacent lines are joined unless a blank line, a deeper indent
 * (the first line of an indented paragraph) or a short line (the last line
 * of a paragraph) separates them. Text with one paragraph per line is left
 * alone.
 */
#include "internal.h"

#define WN_WRAP_MAX_WIDTH 200
#define WN_WRAP_MIN_WIDTH 40 /* prose is not wrapped narrower; tables of figures are */
#define WN_HIST 256

static uint32_t line_cols(const wn_line *l) {
    return l->indent + l->width;
}

/* Width in code points of the first word of a line. */
static uint32_t first_word_cols(const wn_parser *p, const wn_line *l) {
    uint32_t w = 0;
    for (size_t i = l->start; i < l->end; i++) {
        unsigned char c = (unsigned char)p->in[i];
        if (c == ' ' || c == '\t')
            break;
        w += (c & 0xC0) != 0x80;
    }
    return w;
}

/* Line i continues the line before; counted once, whoever says so. */
static void continue_line(wn_parser *p, size_t i) {
    p->ncont += !(p->lines[i].flags & WN_LF_CONT);
    p->lines[i].flags |= WN_LF_CONT;
}

static int breaks_mid_sentence(const wn_parser *p, const wn_line *a, const wn_line *b) {
    unsigned char last = (unsigned char)p->in[a->end - 1];
    unsigned char first = (unsigned char)p->in[b->start];
    if (first >= 'a' && first <= 'z')
        return 1;
    return !(last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
             last == 0x9D /* end of ” */);
}

static int fits_break(const wn_parser *p, size_t i, uint32_t width) {
    const wn_line *a = &p->lines[i - 1], *b = &p->lines[i];
    return line_cols(a) + 1 + first_word_cols(p, b) > width;
}

/* Outside hard-wrapped documents, a line still continues the one before
 * when the break is plainly mid-sentence: the line before ends in a
 * lower-case word or a comma and this one starts with a lower-case word
 * (not a link). Catches short wrapped texts the width test cannot judge.
 * The line split has flagged those lines (WN_LF_MIDBREAK) and counted
 * them: most documents have none, and then there is nothing to walk. */
static void mid_sentence_joins(wn_parser *p) {
    for (size_t i = 1, left = p->nmidbreak; left; i++)
        if (p->lines[i].flags & WN_LF_MIDBREAK) {
            continue_line(p, i);
            left--;
        }
}

void wn_wrap_detect(wn_parser *p) {
    size_t n = p->nlines;
    if (n < 4) {
        mid_sentence_joins(p);
        return;
    }

    /* wrap width: 95th percentile of line widths, the smallest width that
     * at most n / 20 lines exceed; counted down from the widest line, since
     * in text that is not wrapped the long lines settle it at once, and in
     * a short text of short lines the empty counts above it are not walked
     * (counts fit 32 bits: there are fewer than UINT32_MAX lines) */
    uint32_t hist[WN_HIST + 1];
    memset(hist, 0, sizeof hist);
    uint32_t width = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t w = line_cols(&p->lines[i]);
        w = w > WN_HIST ? WN_HIST : w;
        hist[w]++;
        width = w > width ? w : width;
    }
    size_t allowed = n / 20, above = 0;
    while (width > 0 && above + hist[width] <= allowed)
        above += hist[width--];
    if (width > WN_WRAP_MAX_WIDTH || width < WN_WRAP_MIN_WIDTH) {
        mid_sentence_joins(p);
        return;
    }

    size_t pairs = 0, fits = 0, mid = 0;
    for (size_t i = 1; i < n; i++) {
        if (p->lines[i].blanks)
            continue;
        pairs++;
        if (fits_break(p, i, width)) {
            fits++;
            mid += (size_t)breaks_mid_sentence(p, &p->lines[i - 1], &p->lines[i]);
        }
    }
    if (pairs < 3 || fits * 2 < pairs || mid * 10 < fits * 3) {
        mid_sentence_joins(p);
        return;
    }

    for (size_t i = 1; i < n; i++) {
        const wn_line *a = &p->lines[i - 1], *b = &p->lines[i];
        if (b->blanks || b->indent > a->indent)
            continue;
        if (fits_break(p, i, width))
            continue_line(p, i);
    }
}
