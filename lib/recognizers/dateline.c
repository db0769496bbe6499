/*
 * dateline.c - the dateline that opens wire copy: "WASHINGTON (AP) —",
 * "HAYWARD, Calif. (AP) —", "LONDON, March 7 (Reuters) -", "SEOUL, Aug. 20
 * (Yonhap) --", "WELLINGTON, March 2 -", "Washington (CNN)", "(Reuters) -".
 * The place is an ALL-CAPS name (or any capitalised name directly followed
 * by an agency in parentheses) with its state or country as written; a
 * date after it is dropped; the agency loses its parentheses. It is taken
 * out of the paragraph's text.
 */
#include "recognizers.h"

#define WN_MAX_PLACE_WORDS 4

static int caps_word(const char *s, size_t n) {
    size_t letters = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = wn_u8_next(s, n, &i);
        if (wn_is_lower(cp))
            return 0;
        if (wn_is_upper(cp))
            letters++;
        else if (!(cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == '&'))
            return 0;
    }
    return letters >= 1;
}

/* "(AP)" or a press-release wire's "/PRNewswire/" at s[i]: returns the
 * offset after the closing mark and the agency, or 0. */
static size_t agency_at(const char *s, size_t n, size_t i, wn_sv *agency) {
    if (i >= n || (s[i] != '(' && s[i] != '/'))
        return 0;
    char end = s[i] == '(' ? ')' : '/';
    size_t close = i + 1;
    while (close < n && close - i <= 30 && s[close] != end)
        close++;
    if (close >= n || s[close] != end || close == i + 1)
        return 0;
    const char *a = s + i + 1;
    size_t an = close - i - 1;
    size_t pos = 0, words = 0;
    wn_word w;
    while (wn_next_word(a, an, &pos, &w)) {
        words++;
        for (size_t k = 0; k < w.n; k++)
            if (wn_is_digit((unsigned char)w.p[k]) || w.p[k] == ':' || w.p[k] == ',')
                return 0;
        if (!wn_word_capitalized(w, 0))
            return 0;
    }
    if (words < 1 || words > 3)
        return 0;
    *agency = wn_sv_make(a, an);
    return close + 1;
}

/* A dash separator at s[i] (after a space): " — ", " - ", " -- ", " – ".
 * Returns the offset after it and the spaces that follow, or 0. */
static WN_ALWAYS_INLINE size_t dash_at(const char *s, size_t n, size_t i) {
    if (i >= n)
        return 0;
    size_t k = i;
    uint32_t cp = wn_u8_next(s, n, &k);
    if (!wn_is_dash(cp))
        return 0;
    if (cp == '-' && k < n && s[k] == '-')
        k++;
    if (k >= n || s[k] != ' ')
        return 0;
    while (k < n && s[k] == ' ')
        k++;
    return k;
}

/* The text after a dateline must start a sentence. */
static int starts_text(const char *s, size_t n, size_t i) {
    if (i >= n)
        return 0;
    size_t k = i;
    uint32_t cp = wn_u8_next(s, n, &k);
    return wn_is_upper(cp) || wn_is_digit(cp) || wn_is_quote(cp);
}

/* Do the words a place would be made of run into a word in lower case?
 * The place's words (the first, then capitalised ones, none ending in a
 * comma) stop at a word in lower case, and a place may not hold one: most
 * sentences ("The mayor said ...", "Police in Ohio said ...") are turned
 * away here, before the search for a dash or an agency and before the
 * words are read one by one. 0 when it cannot tell. */
static int place_runs_into_lower(const char *s, size_t n) {
    size_t e = 0, lim = n < 64 ? n : 64; /* longer words: not decided here */
    for (int word = 0; word < WN_MAX_PLACE_WORDS; word++) {
        if (word > 0 && !(s[e] >= 'A' && s[e] <= 'Z'))
            return 0;
        e = wn_next_space(s, e, lim);
        if (e == 0 || e == lim || s[e - 1] == ',')
            return 0;
        while (e < n && s[e] == ' ')
            e++;
        if (e >= n)
            return 0;
        if (s[e] >= 'a' && s[e] <= 'z')
            return 1;
    }
    return 0;
}

/* Returns the length of the dateline prefix of s (0 if none); place and
 * agency (null when absent) point into s. */
size_t wn_dateline_parse(const char *s, size_t n, wn_sv *place, wn_sv *agency) {
    *place = wn_sv_make(NULL, 0);
    *agency = wn_sv_make(NULL, 0);
    if (n < 6)
        return 0;
    if (s[0] != '(' && !wn_is_upper((unsigned char)s[0]) && (unsigned char)s[0] < 0x80)
        return 0;
    if (s[0] != '(' && place_runs_into_lower(s, n))
        return 0;
    /* every dateline has an agency in parentheses or a dash near the start */
    size_t head = n < 90 ? n : 90;
    if (s[0] != '(' && !wn_any_of3(s, head, '(', '-', 0xE2))
        return 0;
    size_t i;
    if (s[0] == '(') { /* "(CNN) ..." */
        i = agency_at(s, n, 0, agency);
        if (!i)
            return 0;
        while (i < n && s[i] == ' ')
            i++;
        size_t d = dash_at(s, n, i);
        if (d)
            i = d;
        if (!starts_text(s, n, i)) {
            *agency = wn_sv_make(NULL, 0);
            return 0;
        }
        return i;
    }
    /* the place: ALL-CAPS words, or capitalised words right before "(" */
    size_t pos = 0, words = 0, place_end = 0, caps = 1;
    wn_word w;
    while (words < WN_MAX_PLACE_WORDS + 1 && wn_next_word(s, n, &pos, &w)) {
        if (w.p[0] == '(' || wn_is_dash((unsigned char)w.p[0]) ||
            (w.n >= 3 && (unsigned char)w.p[0] == 0xE2))
            break;
        size_t wn = w.n;
        int comma = w.p[wn - 1] == ',';
        if (comma)
            wn--;
        if (!caps_word(w.p, wn)) {
            if (!wn_word_capitalized(w, 0))
                return 0;
            caps = 0;
        }
        words++;
        place_end = (size_t)(w.p - s) + wn;
        if (comma)
            break;
    }
    if (words == 0 || words > WN_MAX_PLACE_WORDS)
        return 0;
    i = place_end;
    if (i < n && s[i] == ',') {
        i++;
        while (i < n && s[i] == ' ')
            i++;
        /* a date ("March 7", "Aug. 20", "Oct. 24, 2024") or a region
         * ("Calif.", "N.C.", "Ukraine") */
        int dated = 0;
        for (int part = 0; part < 3 && i < n; part++) {
            size_t e = i;
            while (e < n && s[e] != ',' && s[e] != '(' && !(s[e] == ' ' && dash_at(s, n, e + 1)))
                e++;
            const char *seg = s + i;
            size_t sn = e - i;
            wn_trim(&seg, &sn);
            size_t sp = wn_find(seg, sn, " ");
            int is_date =
                sp != SIZE_MAX && wn_month(seg, sp) && wn_is_digit((unsigned char)seg[sp + 1]);
            /* the year after the date; a press-release wire may follow it
             * without a comma ("Oct. 24, 2024 /PRNewswire/") */
            size_t year = 0;
            while (dated && year < sn && year < 4 && wn_is_digit((unsigned char)seg[year]))
                year++;
            if (year == 4 && (sn == 4 || seg[4] == ' ')) {
                e = (size_t)(seg - s) + 4;
                is_date = 1;
            }
            if (!is_date) {
                if (part > 0 || wn_count_words_upto(seg, sn, 3) > 3 || sn == 0 ||
                    !wn_is_upper((unsigned char)seg[0]))
                    return 0;
                place_end = (size_t)(seg - s) + sn;
            }
            dated = is_date;
            i = e;
            if (i < n && s[i] == ',') {
                i++;
                while (i < n && s[i] == ' ')
                    i++;
                continue;
            }
            break;
        }
    }
    while (i < n && s[i] == ' ')
        i++;
    size_t a = agency_at(s, n, i, agency);
    if (a) {
        i = a;
        while (i < n && s[i] == ' ')
            i++;
    } else if (!caps) {
        return 0; /* "Washington —" needs the agency to be a dateline */
    }
    size_t d = dash_at(s, n, i);
    if (d)
        i = d;
    else if (!a)
        return 0;
    if (!starts_text(s, n, i)) {
        *agency = wn_sv_make(NULL, 0);
        return 0;
    }
    *place = wn_sv_make(s, place_end);
    return i;
}

int wn_dateline_take(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    wn_sv place, agency;
    size_t k = wn_dateline_parse(u->text, u->len, &place, &agency);
    if (!k)
        return 0;
    wn_block *b = &p->blocks[i];
    wn_block_extra *x = wn_extra(p, i);
    if (!x)
        return -1;
    b->has_dateline = 1;
    if (place.p)
        x->f[WN_F_PLACE] = wn_keep(p, place.p, place.n);
    if (agency.p)
        x->f[WN_F_AGENCY] = wn_keep(p, agency.p, agency.n);
    b->text = wn_sv_make(u->text + k, u->len - k);
    return 0;
}
