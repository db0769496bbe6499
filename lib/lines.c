/*
 * lines.c - the lines stage: split the input into physical lines (LF, CRLF
 * or a lone CR end a line), trim white space from both ends, and keep the
 * lines that have anything left, with their indentation, the number of blank
 * lines before them, their width and flags that tell the cleaner whether a
 * line is plain ASCII. One pass over the bytes.
 *
 * "White space" here is exactly what the coverage rule of OUTPUT.md lets a
 * span leave out: ASCII white space (including \x1c-\x1f), U+0085, the Zs
 * space separators, U+2028, U+2029, and the invisible U+200B and U+FEFF
 * (so a byte-order mark is trimmed like a space).
 */
#include "internal.h"

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
            return (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) ? 3 : 0;
        return (b == 0x81 && d == 0x9F) ? 3 : 0;
    case 0xE3:
        return (b == 0x80 && d == 0x80) ? 3 : 0;
    case 0xEF:
        return (b == 0xBB && d == 0xBF) ? 3 : 0;
    default:
        return 0;
    }
}

static inline int ascii_ws(unsigned c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
}

static int push_line(wn_parser *p, size_t *cap, const wn_line *l) {
    if (p->nlines == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        if (ncap > SIZE_MAX / sizeof(wn_line))
            return -1;
        wn_line *nl = wn_mem_realloc(p->al, p->lines, ncap * sizeof(wn_line));
        if (!nl)
            return -1;
        p->lines = nl;
        *cap = ncap;
    }
    p->lines[p->nlines++] = *l;
    return 0;
}

void wn_lines_split(wn_parser *p) {
    const unsigned char *s = (const unsigned char *)p->in;
    size_t n = p->len;
    size_t cap = 0;
    uint32_t blanks = 0;
    size_t i = 0;
    while (i < n) {
        /* leading white space */
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
        size_t cstart = i, cend = i;
        uint32_t flags = 0, width = 0, wend = 0;
        unsigned prev = 0;
        while (i < n) {
            unsigned c = s[i];
            if (WN_LIKELY(c > 0x20 && c < 0x7F && c != '&')) {
                i++;
                width++;
                cend = i;
                wend = width;
                prev = c;
                continue;
            }
            if (c == '\n' || c == '\r')
                break;
            if (c == ' ') {
                if (prev == ' ')
                    flags |= WN_LF_DSPACE;
                width++;
                i++;
                prev = c;
                continue;
            }
            if (c == '&') {
                flags |= WN_LF_AMP;
            } else if (c < 0x80) {
                flags |= WN_LF_CTRL; /* tab, other controls, DEL */
                width++;
                i++;
                prev = ' ';
                if (!ascii_ws(c)) {
                    cend = i;
                    wend = width;
                }
                continue;
            } else {
                flags |= WN_LF_HIGH;
                size_t k = uws_len(s, i, n);
                if (k) {
                    width++;
                    i += k;
                    prev = ' ';
                    continue;
                }
                if ((c & 0xC0) == 0x80) { /* continuation byte: no new column */
                    i++;
                    cend = i;
                    continue;
                }
            }
            width++;
            i++;
            cend = i;
            wend = width;
            prev = c;
        }
        if (cend > cstart) {
            wn_line l;
            l.start = cstart;
            l.end = cend;
            l.indent = indent;
            l.blanks = blanks;
            l.flags = flags;
            l.width = wend;
            if (push_line(p, &cap, &l) != 0) {
                wn_fail_nomem(p);
                return;
            }
            blanks = 0;
        } else if (blanks < UINT32_MAX) {
            blanks++;
        }
        if (i < n) { /* the line end */
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                i += 2;
            else
                i++;
        }
    }
}
