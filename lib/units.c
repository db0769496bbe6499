/*
 * units.c - the units stage: group physical lines into units (a line, or
 * the lines of a hard-wrapped paragraph as decided by wrap.c), clean each
 * unit's text (clean.c) and measure what the recognizers look at: words,
 * case, the last significant character, links, a list marker, a hash.
 */
#include "internal.h"

/* Case, Title Case, sentence breaks and links are measured on short units
 * only: the cues that need them (titles, headings, link lines, credits)
 * never run longer. Longer units get the cheap features. */
#define WN_FEATURE_SPAN 256

static const char *const small_words[] = {
    "a",   "an",   "the",  "and", "or",   "but",  "nor",  "for",  "so",   "yet", "of",
    "in",  "on",   "at",   "to",  "by",   "up",   "as",   "is",   "if",   "it",  "off",
    "per", "via",  "vs",   "vs.", "with", "from", "into", "onto", "over", "than", "that",
    "upon", "out", "amid", "de",  "la",   "le",   "von",  "van",  "der",  "&",   NULL};

static int is_small_word(wn_word w) {
    if (w.n > 4 || w.n == 0) /* all are short */
        return 0;
    unsigned char c = (unsigned char)(w.p[0] | 0x20);
    if (!(c == 'a' || c == 'b' || c == 'd' || c == 'f' || c == 'i' || c == 'l' || c == 'n' ||
          c == 'o' || c == 'p' || c == 's' || c == 't' || c == 'u' || c == 'v' || c == 'w' ||
          c == 'y' || c == '&'))
        return 0;
    return wn_ci_in(w.p, w.n, small_words);
}

/* Can the text hold a link? Every link has a dot followed by a letter or
 * digit (a sentence's full stop is followed by a space). */
static int may_hold_link(const char *s, size_t n) {
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '.', (size_t)(end - p))) != NULL) {
        p++;
        if (p < end && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
            return 1;
        if (p < end && *p >= '0' && *p <= '9')
            return 1;
    }
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
    int bullet = cp == '-' || cp == '*' || cp == 0x2022 /* • */ || cp == 0x00B7 /* · */ ||
                 cp == 0x2013 /* – */ || cp == 0x25AA || cp == 0x25A0 || cp == 0x25CF ||
                 cp == 0x25CB || cp == 0x25E6 || cp == 0x25BA || cp == 0x27A4 || cp == 0x2023 ||
                 cp == 0x2043;
    if (bullet && i < n && s[i] == ' ')
        return i + 1;
    return 0;
}

/* Abbreviations after which a full stop does not end a sentence. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "st", "jr", "sr", "gen", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "prof", "rev", "hon", "pres", "supt", "det", "insp",
    "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "u.s", "u.k", "u.n",
    "d.c", "e.g", "i.e", "etc", "approx", "dept", "univ", "calif", "fla", "mass", "penn",
    NULL};

/* Does the text hold a sentence end followed by another sentence
 * ("... interjected. “Do you ...")? */
static int sentence_break(const char *s, size_t n) {
    for (size_t i = 1; i + 2 < n; i++) {
        char c = s[i];
        if (c != '.' && c != '!') /* "100 million? Ratings ..." stays one title */
            continue;
        size_t k = i + 1;
        /* closing quotes after the stop */
        while (k < n && (s[k] == '"' || s[k] == '\'' ||
                         (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
                          ((unsigned char)s[k + 2] == 0x9D || (unsigned char)s[k + 2] == 0x99))))
            k += (unsigned char)s[k] == 0xE2 ? 3 : 1;
        if (k >= n || s[k] != ' ' || k + 1 >= n)
            continue;
        size_t j = k + 1;
        uint32_t next = wn_u8_next(s, n, &j);
        if (!wn_is_upper(next) && !wn_is_quote(next))
            continue;
        if (c == '.') {
            /* the word before the stop: an initial or an abbreviation? */
            size_t w = i;
            while (w > 0 && s[w - 1] != ' ')
                w--;
            size_t wl = i - w;
            if (wl <= 1 || (wl == 2 && wn_is_upper((unsigned char)s[w])))
                continue;
            const char *ws = s + w;
            while (wl && (ws[0] == '(' || ws[0] == '"'))
                ws++, wl--;
            if (wn_ci_in(ws, wl, abbreviations))
                continue;
            /* "N.C." style abbreviations: a dot inside the word */
            if (memchr(ws, '.', wl))
                continue;
        }
        return 1;
    }
    return 0;
}

/* Words of collapsed text: spaces + 1, saturating. Eight bytes at a time. */
static uint32_t count_words(const char *s, size_t n) {
    size_t spaces = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t t = w ^ 0x2020202020202020ull;
        uint64_t z = ~(((t & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full) | t) &
                     0x8080808080808080ull; /* 0x80 where a byte is a space */
        spaces += (size_t)__builtin_popcountll(z);
    }
    for (; i < n; i++)
        spaces += s[i] == ' ';
    size_t words = n ? spaces + 1 : 0;
    return words > 0xFFFF ? 0xFFFF : (uint32_t)words;
}

static uint8_t end_class(const char *s, size_t n) {
    size_t i = n;
    while (i > 0) {
        size_t j = i;
        uint32_t cp = wn_u8_prev(s, &j);
        if (cp == ' ' || wn_is_closer(cp)) {
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

static void measure(wn_unit *u) {
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
        u->nwords = count_words(s, n);
    } else {
        size_t pos = 0, upper = 0, lower = 0, sig = 0, sigcap = 0, alnum = 0;
        wn_word w;
        uint32_t words = 0;
        while (wn_next_word(s, n, &pos, &w)) {
            words++;
            for (size_t k = 0; k < w.n;) {
                uint32_t cp = wn_u8_next(w.p, w.n, &k);
                if (wn_is_upper(cp))
                    upper++;
                else if (wn_is_lower(cp))
                    lower++;
                if (wn_is_alnum(cp))
                    alnum++;
            }
            wn_word c = wn_word_core(w);
            if (words > 1 && c.n && !is_small_word(c)) {
                size_t k = 0;
                uint32_t cp = wn_u8_next(c.p, c.n, &k);
                if (wn_is_alpha(cp) || wn_is_digit(cp)) {
                    sig++;
                    sigcap += wn_is_upper(cp) || wn_is_digit(cp);
                }
            }
        }
        u->nwords = words;
        if (upper >= 2 && lower == 0)
            f |= WN_UF_CAPS;
        if (sig >= 2 && sigcap * 4 >= sig * 3 && (f & WN_UF_UPPER0))
            f |= WN_UF_TITLE;
        if (alnum == 0)
            f |= WN_UF_NOALNUM;
    }
    if (n > WN_FEATURE_SPAN) {
        /* a long line without a letter or digit (a rule of dashes) */
        int any = 0;
        for (size_t k = 0; k < n && !any; k++) {
            unsigned char c = (unsigned char)s[k];
            any = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
        }
        if (!any)
            f |= WN_UF_NOALNUM;
    }

    /* links matter on short lines (titles, link lines) and on one-word
     * lines; every link has a dot in its host */
    size_t a, b, pos = 0;
    if ((n <= WN_FEATURE_SPAN || u->nwords == 1) && may_hold_link(s, n) &&
        wn_next_link(s, n, &pos, &a, &b)) {
        f |= WN_UF_URL;
        if (a == 0 && b == n)
            f |= WN_UF_URLONLY;
    }
    wn_sv place, agency;
    if (wn_dateline_parse(s, n, &place, &agency))
        f |= WN_UF_DATELINE;
    if (n <= WN_FEATURE_SPAN && sentence_break(s, n))
        f |= WN_UF_SENTENCES;
    u->feat = f;
    u->hash = wn_hash(u->text, u->len, 0);
}

void wn_units_build(wn_parser *p) {
    size_t n = p->nlines, count = 0;
    for (size_t i = 0; i < n; i++)
        count += !p->cont[i];
    p->units = wn_mem_alloc(p->al, (count ? count : 1) * sizeof(wn_unit));
    if (!p->units) {
        wn_fail_nomem(p);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && p->cont[j + 1])
            j++;
        wn_unit *u = &p->units[k];
        memset(u, 0, sizeof *u);
        u->first = (uint32_t)i;
        u->last = (uint32_t)j;
        u->dup_of = WN_NO_UNIT;
        u->text = wn_clean_lines(p, i, j, &u->len);
        if (!u->text) {
            if (p->status == WN_OK)
                wn_fail_nomem(p);
            return;
        }
        measure(u);
        k++;
        i = j + 1;
    }
    p->nunits = k;
}
