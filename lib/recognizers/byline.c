/*
 * byline.c - authorship and credit lines: "By Jane Doe and John Roe,
 * Associated Press", end-of-story credits ("Reporting by ...; Editing by
 * ...", "Associated Press writers A and B contributed to this report.",
 * "Contributing: Name", "Original story by Name at ..."), and the wire
 * sign-off alone on the last line ("REUTER"). Authors are split out of the
 * line; editors, organisations and roles are left out.
 */
#include "recognizers.h"
#include "tables.h"

#define WN_MAX_AUTHORS 32

/* Words that make a byline segment an organisation or a role, not a name. */
/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const org_words[] = {
    "abc",        "afp",         "agency",     "analyst",       "ap",          "associated",
    "at",         "bbc",         "bloomberg",  "business",      "cbs",         "chief",
    "chronicle",  "cnbc",        "cnn",        "columnist",     "contributor", "correspondent",
    "daily",      "desk",        "digital",    "editor",        "express",     "gazette",
    "global",     "group",       "guardian",   "health",        "herald",      "inc",
    "inc.",       "independent", "insider",    "international", "journal",     "llc",
    "ltd",        "magazine",    "mail",       "media",         "monthly",     "national",
    "nbc",        "network",     "news",       "npr",           "observer",    "online",
    "political",  "post",        "press",      "radio",         "report",      "reporter",
    "reports",    "reuters",     "review",     "science",       "senior",      "service",
    "services",   "sports",      "staff",      "standard",      "team",        "tech",
    "technology", "telegraph",   "television", "times",         "today",       "tribune",
    "tv",         "usa",         "weekly",     "wire",          "writer",      "writers"};
WN_SORTED_KEYS(org_words, WN_KEYS_ORG_WORDS);

/* Sorted, lower case, no entry a prefix of another (tests/check-sorted.py):
 * looked up by bisection. */
static const char *const editor_leads[] = {"edited by", "editing by", "graphics by",
                                           "photo by",  "photos by",  "video by"};
/* Sorted, lower case, no entry a prefix of another (tests/check-sorted.py):
 * looked up by bisection. */
static const char *const reporter_leads[] = {"additional reporting by",
                                             "by",
                                             "compiled by",
                                             "original story by",
                                             "reported by",
                                             "reporting by",
                                             "story by",
                                             "text by",
                                             "words by",
                                             "writing by",
                                             "written by"};

static int is_name_segment(const char *s, size_t n) {
    size_t pos = 0, words = 0;
    wn_word w;
    while (wn_next_word(s, n, &pos, &w)) {
        wn_word c = wn_word_core(w);
        if (!c.n)
            continue;
        words++;
        if (WN_SORTED_IN(c.p, c.n, org_words))
            return 0;
        if (!wn_word_capitalized(c, 0))
            return 0;
    }
    return words >= 1 && words <= 5;
}

/* Names found so far: v[0..n) are set, the rest is never read (so a
 * names needs only n = 0 to start; it is declared on hot paths). */
typedef struct names {
    wn_sv v[WN_MAX_AUTHORS];
    size_t n;
} names;

/* "CNN's Jane Doe", "Fox News' John Roe": drop the outlet before the name. */
static void strip_possessive(const char **s, size_t *n) {
    size_t pos = 0;
    wn_word w;
    int words = 0;
    while (words < 5 && wn_next_word(*s, *n, &pos, &w)) {
        words++;
        size_t k = w.n;
        int poss = (k > 2 && (w.p[k - 1] == 's' || w.p[k - 1] == 'S') && (w.p[k - 2] == '\'')) ||
                   (k > 4 && (w.p[k - 1] == 's') && (unsigned char)w.p[k - 2] == 0x99 &&
                    (unsigned char)w.p[k - 3] == 0x80 && (unsigned char)w.p[k - 4] == 0xE2) ||
                   (k > 1 && w.p[k - 1] == '\'' && (w.p[k - 2] == 's' || w.p[k - 2] == 'S'));
        if (poss) {
            *n -= pos;
            *s += pos;
            wn_trim(s, n);
            return;
        }
    }
}

static void add_name(names *out, const char *s, size_t n) {
    wn_trim(&s, &n);
    while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ')' || s[n - 1] == ';'))
        n--;
    if (n && s[0] == '(') {
        s++;
        n--;
    }
    wn_trim(&s, &n);
    strip_possessive(&s, &n);
    /* "JANE DOE FOR MAILONLINE", "Kim Lee in Boston": affiliation and place
     * are not part of the name */
    size_t f = wn_ci_find(s, n, " for ");
    if (f != SIZE_MAX)
        n = f;
    f = wn_find(s, n, " in ");
    if (f != SIZE_MAX)
        n = f;
    if (!n || out->n >= WN_MAX_AUTHORS || !is_name_segment(s, n))
        return;
    if (n < 2)
        return;
    out->v[out->n++] = wn_sv_make(s, n);
}

/* Split "A, B and C" / "A & B" into names; organisations and roles between
 * them ("Jane Doe, Los Angeles Times") are left out. */
static void split_names(names *out, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        size_t cut = SIZE_MAX, skip = 0;
        for (; e < n; e++) {
            if (s[e] == ',' || s[e] == ';') {
                cut = e;
                skip = 1;
                break;
            }
            if (wn_ci_prefix(s + e, n - e, " and ") || wn_ci_prefix(s + e, n - e, " & ")) {
                cut = e;
                skip = s[e + 1] == '&' ? 3 : 5;
                break;
            }
        }
        if (cut == SIZE_MAX)
            cut = n;
        add_name(out, s + i, cut - i);
        i = cut + skip;
    }
}

static void store(wn_parser *p, size_t i, const names *nm) {
    wn_block *b = &p->blocks[i];
    wn_mark(p, i, WN_BLOCK_BYLINE);
    b->text = wn_sv_make(p->units[i].text, p->units[i].len);
    if (!nm->n)
        return;
    wn_sv *arr = wn_arena_alloc(p->arena, nm->n * sizeof(wn_sv));
    wn_block_extra *x = wn_extra(p, i);
    if (!arr || !x)
        return;
    for (size_t k = 0; k < nm->n; k++)
        arr[k] = wn_keep(p, nm->v[k].p, nm->v[k].n);
    x->arr = arr;
    x->narr = nm->n;
}

/* "By Jane Doe and John Roe, Associated Press" */
static WN_ALWAYS_INLINE int by_line(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    if (u->nwords > 16 || n < 5 || !(s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y') && s[2] == ' '))
        return 0;
    if (u->endc == WN_END_PERIOD && !(n > 3 && s[n - 3] == ' ' && s[n - 1] == '.') &&
        wn_find(s, n, "Jr.") == SIZE_MAX)
        return 0;
    wn_word w;
    size_t pos = 3;
    if (!wn_next_word(s, n, &pos, &w) || !wn_word_capitalized(w, 0))
        return 0;
    names nm = {0};
    const char *rest = s + 3;
    size_t rn = n - 3;
    /* "By Name | Org" */
    size_t bar = wn_find(rest, rn, "|");
    if (bar != SIZE_MAX)
        rn = bar;
    split_names(&nm, rest, rn);
    if (!nm.n)
        return 0;
    store(p, i, &nm);
    return 1;
}

/* Credits at the end of a story. */
static WN_ALWAYS_INLINE int credit_line(wn_parser *p, size_t i, const wn_lead_pairs *reporters) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    if (u->nwords > 60)
        return 0;
    names nm;
    nm.n = 0;
    const char *t = s;
    size_t tn = n;
    if (tn && t[0] == '(' && t[tn - 1] == ')') {
        t++;
        tn -= 2;
    }
    if (wn_lead_pairs_may(reporters, t, tn) && WN_SORTED_LEAD_IN(t, tn, reporter_leads) &&
        !wn_lead_in(t, tn, (const char *const[]){"by", NULL})) {
        /* segments separated by ';': keep reporters, skip editors */
        size_t i0 = 0;
        while (i0 < tn) {
            size_t e = i0;
            while (e < tn && t[e] != ';')
                e++;
            const char *seg = t + i0;
            size_t sn = e - i0;
            wn_trim(&seg, &sn);
            size_t k = WN_SORTED_LEAD_IN(seg, sn, reporter_leads);
            if (k && !WN_SORTED_LEAD_IN(seg, sn, editor_leads)) {
                /* "Original story by Name at Outlet: ..." */
                const char *nm_s = seg + k;
                size_t nm_n = sn - k;
                size_t at = wn_find(nm_s, nm_n, " at ");
                if (at != SIZE_MAX)
                    nm_n = at;
                size_t colon = wn_find(nm_s, nm_n, ":");
                if (colon != SIZE_MAX)
                    nm_n = colon;
                split_names(&nm, nm_s, nm_n);
            }
            i0 = e + 1;
        }
        if (!nm.n)
            return 0;
        store(p, i, &nm);
        return 1;
    }
    /* "... contributed to this report." */
    size_t c = SIZE_MAX;
    /* "... contributed to this report." / "... contributed reporting." */
    size_t e = n;
    while (e && (s[e - 1] == '.' || s[e - 1] == ')'))
        e--;
    /* the last letter first: most paragraphs end in neither word */
    unsigned char last = e ? (unsigned char)(s[e - 1] | 0x20) : 0;
    int ends_report = (last == 't' && e >= 6 && wn_ci_eq(s + e - 6, 6, "report")) ||
                      (last == 'g' && e >= 9 && wn_ci_eq(s + e - 9, 9, "reporting"));
    if (n > 30 && ends_report && wn_ci_find_tail(s, n, 40, " contribut") != SIZE_MAX) {
        c = wn_ci_find_tail(s, n, 40, " contributed to this report");
        if (c == SIZE_MAX)
            c = wn_ci_find_tail(s, n, 40, " contributed reporting");
    }
    if (c != SIZE_MAX) {
        const char *ns = s;
        size_t nn = c;
        /* drop the role: "Associated Press writers", "Staff writer" */
        static const char *const roles[] = {" writers ",  " writer ",         " reporters ",
                                            " reporter ", " correspondents ", " correspondent ",
                                            NULL};
        for (const char *const *r = roles; *r; r++) {
            size_t at = wn_ci_find(ns, nn, *r);
            if (at != SIZE_MAX) {
                size_t skip = at + strlen(*r);
                ns += skip;
                nn -= skip;
                break;
            }
        }
        split_names(&nm, ns, nn);
        if (!nm.n)
            return 0;
        store(p, i, &nm);
        return 1;
    }
    /* "Contributing: Name" */
    static const char *const contributing[] = {
        "contributing:", "contributors:", "contributing reporters:", NULL};
    size_t k = tn && (t[0] | 0x20) == 'c' ? wn_lead_in(t, tn, contributing) : 0;
    if (k) {
        split_names(&nm, t + k, tn - k);
        if (nm.n) {
            store(p, i, &nm);
            return 1;
        }
    }
    return 0;
}

/* Role words that follow a name on a credit line without "By". */
/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const role_words[] = {
    "analyst", "bureau",     "chief",    "columnist", "contributor", "correspondent", "critic",
    "editor",  "journalist", "producer", "reporter",  "staff",       "writer"};
WN_SORTED_KEYS(role_words, WN_KEYS_ROLE_WORDS);

/* "Maria Keller Transport correspondent", "Jane Doe, Senior Writer",
 * "Jane Doe | Reuters": a name (two capitalised words, three with an
 * initial) followed by a role or an outlet, near the top of the article. */
static int role_line(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    if (u->nwords < 3 || u->nwords > 8 || u->endc != WN_END_WORD || !(u->feat & WN_UF_UPPER0))
        return 0;
    size_t pos = 0, taken = 0, name_end = 0;
    wn_word w;
    int role = 0;
    while (wn_next_word(u->text, u->len, &pos, &w)) {
        wn_word c = wn_word_core(w);
        if (taken < 2 || (taken == 2 && name_end && c.n && wn_word_capitalized(c, 0) &&
                          u->text[name_end - 1] == '.')) {
            if (!wn_word_capitalized(c, 0) || WN_SORTED_IN(c.p, c.n, role_words))
                return 0;
            taken++;
            name_end = (size_t)(c.p - u->text) + c.n;
            if (w.p[w.n - 1] == ',')
                taken = taken < 2 ? 0 : taken;
            continue;
        }
        if (WN_SORTED_IN(c.p, c.n, role_words) || (w.n == 1 && w.p[0] == '|'))
            role = 1;
        /* "Jane Doe, CNN", "John Roe, Associated Press": an outlet after the name */
        if (taken == 2 && name_end && u->text[name_end] == ',' &&
            (wn_is_agency(c.p, c.n) || WN_SORTED_IN(c.p, c.n, org_words)))
            role = 1;
    }
    if (!role || taken < 2)
        return 0;
    names nm = {0};
    add_name(&nm, u->text, name_end);
    if (!nm.n)
        return 0;
    store(p, i, &nm);
    return 1;
}

/* "REUTER", "--IANS", "(AFP)" alone on one of the last lines: the wire's
 * sign-off. Only editors' initials ("abc/xyz") may follow it. */
static WN_ALWAYS_INLINE int sign_off(wn_parser *p, size_t i, size_t last_long) {
    const wn_unit *u = &p->units[i];
    if (u->nwords != 1 || (last_long != SIZE_MAX && last_long > i))
        return 0;
    const char *s = u->text;
    size_t n = u->len;
    while (n && (s[0] == '-' || s[0] == '(')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ')' || s[n - 1] == '.'))
        n--;
    static const char *const wires[] = {"reuter", "reuters", "ap",   "afp", "upi", "dpa",
                                        "xinhua", "ians",    "pti",  "ani", "efe", "ansa",
                                        "kyodo",  "yonhap",  "-30-", "###", NULL};
    if (!(n && wn_ci_in(s, n, wires)) && !wn_ci_in(u->text, u->len, wires))
        return 0;
    names nm = {0};
    store(p, i, &nm);
    for (size_t k = wn_next_head(p, i); k < p->nunits; k = wn_next_head(p, k))
        if (wn_free_unit(&p->units[k]))
            wn_mark_noise(p, k, WN_REASON_BOILERPLATE);
    return 1;
}

#define WN_BYLINE_TOP 8 /* credit lines without "By" only near the top */

/* The second line of a byline: the outlet, the role or the place of the
 * author named just above ("BBC News, Leeds", "Staff Writer", "Associated
 * Press"). A short run of capitalised words naming an organisation or a
 * role, or an outlet and a place separated by a comma. */
static int byline_second_line(wn_parser *p, size_t i, size_t prev) {
    const wn_unit *u = &p->units[i];
    if (prev >= p->nunits || p->units[prev].kind != WN_BLOCK_BYLINE || u->nwords > 5 ||
        u->endc != WN_END_WORD || !(u->feat & WN_UF_UPPER0) || u->bullet || wn_unit_has_url(u))
        return 0;
    size_t pos = 0;
    wn_word w;
    int org = 0;
    while (wn_next_word(u->text, u->len, &pos, &w)) {
        wn_word c = wn_word_core(w);
        if (!c.n || !wn_word_capitalized(c, 0))
            return 0;
        org |= WN_SORTED_IN(c.p, c.n, org_words) || wn_is_agency(c.p, c.n);
    }
    if (!org)
        return 0;
    names nm = {0};
    store(p, i, &nm);
    return 1;
}

/* "Sam Whitaker" alone on a line, right above or below the publication
 * time: the bare name of the author in the front matter. Two or three
 * capitalised words (no digits, no organisation word, nothing after them). */
static int bare_name_line(wn_parser *p, size_t i, size_t prev) {
    const wn_unit *u = &p->units[i];
    if (u->nwords < 2 || u->nwords > 3 || u->endc != WN_END_WORD || !(u->feat & WN_UF_UPPER0) ||
        (u->feat & WN_UF_DATELINE) || u->bullet || wn_unit_has_url(u))
        return 0;
    size_t next = wn_next_head(p, i);
    int by_time = (prev < p->nunits && p->units[prev].kind == WN_BLOCK_TIMESTAMP) ||
                  (next < p->nunits && p->units[next].kind == WN_BLOCK_TIMESTAMP);
    if (!by_time)
        return 0;
    for (size_t k = 0; k < u->len; k++) {
        unsigned char c = (unsigned char)u->text[k];
        if ((c >= '0' && c <= '9') || c == ',' || c == ':' || c == '|' || c == '(')
            return 0;
    }
    names nm = {0};
    add_name(&nm, u->text, u->len);
    if (!nm.n || nm.v[0].n != u->len)
        return 0;
    store(p, i, &nm);
    return 1;
}

static const wn_lead_pairs reporter_pairs = WN_REPORTER_LEAD_PAIRS;

int wn_byline_tables_current(void) {
    wn_lead_pairs built;
    memset(&built, 0, sizeof built);
    WN_LEAD_PAIRS_INIT(&built, reporter_leads);
    return wn_lead_pairs_equal(&built, &reporter_pairs);
}

void wn_rec_byline(wn_parser *p) {
    /* the last block head that is more than a sign-off or editors'
     * initials, looked for from the end: in an article a few heads */
    size_t last_long = SIZE_MAX;
    for (size_t i = p->nunits; i-- > 0;) {
        const wn_unit *u = &p->units[i];
        if (!u->join && (u->nwords > 2 || u->endc == WN_END_PERIOD)) {
            last_long = i;
            break;
        }
    }
    size_t heads = 0, prev = SIZE_MAX;
    for (size_t i = 0; i < p->nunits; prev = i, i = wn_next_head(p, i), heads++) {
        wn_fetch_text_ahead(p, i);
        if (!wn_free_unit(&p->units[i]))
            continue;
        if (by_line(p, i) || credit_line(p, i, &reporter_pairs) || sign_off(p, i, last_long))
            continue;
        if (heads < WN_BYLINE_TOP && !role_line(p, i) && heads > 0 &&
            !byline_second_line(p, i, prev))
            bare_name_line(p, i, prev);
    }
}
