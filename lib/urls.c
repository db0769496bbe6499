/*
 * urls.c - links in text, after the rules of twitter-text's extractor in
 * simplified form: a link with a scheme (http, https) is found wherever it
 * starts, even glued to the word before it ("Systemhttps://t.co/x"); a link
 * without a scheme ("pic.twitter.com/x", "t.co/x", "www.example.org",
 * "latimes.com/news/...") must start a word and end in a known top-level
 * domain. Trailing punctuation and unbalanced closing brackets are not part
 * of a link.
 */
#include "internal.h"
#include "recognizers/tables.h"

/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const generic_tlds[] = {
    "ai",  "app",  "au",     "biz", "blog", "ca",   "cn",   "co", "com", "de", "dev",
    "edu", "fr",   "gov",    "in",  "info", "int",  "io",   "jp", "ly",  "me", "mil",
    "net", "news", "online", "org", "ru",   "site", "tech", "tv", "uk",  "us"};
WN_SORTED_KEYS(generic_tlds, WN_KEYS_GENERIC_TLDS);

static int is_lower_alpha(unsigned char c) {
    return c >= 'a' && c <= 'z';
}

static int is_host_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c >= 0x80;
}

/* Characters that end a link. */
static int stops_link(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' ||
        c == '|' || c == '\\' || c == '^' || c == '\'')
        return 1;
    if (c >= 0x80) {
        size_t j = i;
        uint32_t cp = wn_u8_next(s, n, &j);
        /* quotes, ellipsis, spaces, and CJK text right after a link */
        if (wn_is_quote(cp) || cp == 0x2026 || cp == 0xA0 || cp >= 0x3000)
            return 1;
    }
    return 0;
}

static int is_trailing_punct(unsigned char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
           c == '*';
}

/* End of the link whose path part starts at i. The scan steps over whole
 * characters (a link never ends inside one), and counts brackets as it goes
 * so that trimming unbalanced closers costs nothing per closer. */
static size_t link_end(const char *s, size_t n, size_t i) {
    size_t e = i;
    ptrdiff_t paren = 0, bracket = 0; /* opened minus closed in [i, e) */
    while (e < n && !stops_link(s, n, e)) {
        unsigned char c = (unsigned char)s[e];
        paren += (c == '(') - (c == ')');
        bracket += (c == '[') - (c == ']');
        if (c < 0x80)
            e++;
        else
            (void)wn_u8_next(s, n, &e);
    }
    /* trim trailing punctuation and unbalanced closers */
    while (e > i) {
        char c = s[e - 1];
        if (is_trailing_punct((unsigned char)c)) {
            e--;
        } else if (c == ')' && paren < 0) {
            paren++;
            e--;
        } else if (c == ']' && bracket < 0) {
            bracket++;
            e--;
        } else {
            break;
        }
    }
    return e;
}

/* Parse a host at s[i]: labels separated by dots, none starting or
 * ending with '-'. Returns the end of the host, or 0 when there is none;
 * *tld_ok tells whether the last label is a top-level domain we accept
 * without a scheme, *valid whether it can be one at all. *resume is the
 * first offset after i where a host could start and end differently: a
 * start between i and *resume scans the same labels to the same end (or
 * to the same bad label), so it cannot find a link that this scan missed. */
static size_t parse_host(const char *s, size_t n, size_t i, int *tld_ok, int *valid,
                         size_t *resume) {
    size_t k = i, label_start = i;
    int dots = 0;
    *tld_ok = 0;
    *valid = 0;
    *resume = i;
    for (;;) {
        size_t ls = k;
        while (k < n && (is_host_char((unsigned char)s[k]) || s[k] == '_') &&
               !(k + 2 < n && (unsigned char)s[k] == 0xE3 && (unsigned char)s[k + 1] == 0x80))
            k++;
        if (k == ls || s[ls] == '-' || s[k - 1] == '-') {
            *resume = ls;
            return 0;
        }
        label_start = ls;
        if (k + 1 < n && s[k] == '.' && is_host_char((unsigned char)s[k + 1])) {
            dots++;
            k++;
            continue;
        }
        break;
    }
    *resume = k;
    if (dots == 0)
        return 0;
    size_t tl = k - label_start;
    int lower = 1, digits = 1, dash = 0, underscore = 0;
    for (size_t q = label_start; q < k; q++) {
        unsigned char c = (unsigned char)s[q];
        lower &= is_lower_alpha(c);
        digits &= c >= '0' && c <= '9';
        dash |= c == '-';
        underscore |= c == '_';
    }
    *valid = tl >= 2 && !underscore && (!dash || wn_ci_prefix(s + label_start, tl, "xn--")) &&
             (!digits || dots == 3);
    if (lower && tl >= 2 && WN_SORTED_IN(s + label_start, tl, generic_tlds))
        *tld_ok = 1;
    return k;
}

static int scheme_at(const char *s, size_t n, size_t i) {
    size_t k = wn_ci_prefix(s + i, n - i, "https://");
    if (!k)
        k = wn_ci_prefix(s + i, n - i, "http://");
    return (int)k;
}

/* Mentions, hashtags and cashtags are not links: "#test.com", "$t.co". */
static int tagged(const char *s, size_t i) {
    return i > 0 && (s[i - 1] == '#' || s[i - 1] == '@' || s[i - 1] == '$');
}

/* A link starting at i, by the rules above: its span into *start and
 * *end. *resume (see parse_host) carries from one start to the next. */
static int link_at(const char *s, size_t n, size_t i, size_t *resume, size_t *start, size_t *end) {
    unsigned char c = (unsigned char)s[i];
    if ((c == 'h' || c == 'H') && !tagged(s, i)) {
        int k = scheme_at(s, n, i);
        if (k) {
            int tld_ok, valid;
            size_t skip;
            size_t h = parse_host(s, n, i + (size_t)k, &tld_ok, &valid, &skip);
            if (h && valid) {
                size_t e = link_end(s, n, h);
                *start = i;
                *end = e < h ? h : e;
                return 1;
            }
        }
    }
    /* a link without a scheme must start a word */
    if (is_host_char(c) && c < 0x80 && !tagged(s, i)) {
        unsigned char pc = i ? (unsigned char)s[i - 1] : ' ';
        int word_start = i == 0 || pc == ' ' || pc == '\n' || pc == '\t' || pc == '(' ||
                         pc == '[' || pc == '"' || pc == '\'' || pc >= 0x80;
        if (word_start && i >= *resume) {
            int tld_ok, valid;
            size_t h = parse_host(s, n, i, &tld_ok, &valid, resume);
            if (h && tld_ok && !(h < n && s[h] == '@')) {
                int www = wn_ci_prefix(s + i, n - i, "www.") != 0;
                int path = h < n && s[h] == '/';
                size_t e = path ? link_end(s, n, h) : h;
                if (www || path || h - i >= 4) {
                    *start = i;
                    *end = e < h ? h : e;
                    return 1;
                }
            }
        }
    }
    return 0;
}

/* The offsets among s[i, i + 8) where link_at() can find anything, as a
 * WN_HIGHS mask: an 'h' or 'H' (a scheme), or a byte after one of the
 * bytes that start a word (see link_at). Elsewhere link_at() neither finds
 * a link nor moves *resume, so the scan skips those offsets eight at a
 * time. Needs i >= 1 and i + 8 <= n. */
static inline uint64_t link_cues(const char *s, size_t i) {
    uint64_t w = wn_load64(s + i), before = wn_load64(s + i - 1);
    return wn_swar_eq(w | (WN_ONES * 0x20u), 'h') | wn_swar_eq(before, ' ') |
           wn_swar_eq(before, '\n') | wn_swar_eq(before, '\t') | wn_swar_eq(before, '(') |
           wn_swar_eq(before, '[') | wn_swar_eq(before, '"') | wn_swar_eq(before, '\'') |
           (before & WN_HIGHS);
}

/* The first link starting in [i, b), with *resume as in link_at(). */
static int link_in(const char *s, size_t n, size_t i, size_t b, size_t *resume, size_t *start,
                   size_t *end) {
    if (i == 0 && i < b && link_at(s, n, i++, resume, start, end))
        return 1;
    for (; i + 8 <= b; i += 8)
        for (uint64_t m = link_cues(s, i); m; m &= m - 1)
            if (link_at(s, n, i + wn_swar_first(m), resume, start, end))
                return 1;
    for (; i < b; i++)
        if (link_at(s, n, i, resume, start, end))
            return 1;
    return 0;
}

/* Offset of the first dot at or after i that a host character follows, or
 * SIZE_MAX. */
static size_t next_host_dot(const char *s, size_t n, size_t i) {
    const char *p = s + i, *lim = s + n;
    while (p < lim && (p = memchr(p, '.', (size_t)(lim - p))) != NULL) {
        if (p + 1 < lim && is_host_char((unsigned char)p[1]))
            return (size_t)(p - s);
        p++;
    }
    return SIZE_MAX;
}

int wn_next_link(const char *s, size_t n, size_t *pos, size_t *start, size_t *end) {
    size_t i = *pos;
    /* Every link has a host with a dot that a host character follows, and
     * no byte of a link is white space or a control byte. So a link starts
     * in the run of such bytes around the next of those dots, or after it:
     * the offsets before the run are skipped, and the ones in it are tried
     * in order (a sentence's full stop is followed by a space). */
    while (i < n) {
        size_t d = next_host_dot(s, n, i);
        if (d == SIZE_MAX)
            break;
        size_t a = d, b = d;
        while (a > i && (unsigned char)s[a - 1] > ' ')
            a--;
        while (b < n && (unsigned char)s[b] > ' ')
            b++;
        size_t resume = 0; /* no link starts a word before this offset (see parse_host) */
        if (link_in(s, n, a, b, &resume, start, end)) {
            *pos = *end;
            return 1;
        }
        i = b;
    }
    *pos = n;
    return 0;
}

int wn_is_link(const char *s, size_t n) {
    size_t pos = 0, a, b;
    return n && wn_next_link(s, n, &pos, &a, &b) && a == 0 && b == n;
}
