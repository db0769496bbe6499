/*
 * related.c - pointers to other stories introduced by a lead-in:
 * "RELATED: ...", "Read more: ...", "READ MORE: ...", "SEE ALSO: ...",
 * "[Read more: ...]", "(Graphic: ... - here)". The label is kept as written
 * without its colon, the title without label and brackets; a bare URL on
 * the line after (or at the end of the title) is the link's target. A
 * lead-in with nothing after it is the header of a group of links and is
 * boilerplate noise (the links under it are found by context.c).
 */
#include "recognizers.h"
#include "tables.h"

/* Lead-ins that always announce another story. */
/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const strong_labels[] = {"also read",
                                            "also see",
                                            "click here",
                                            "don't miss",
                                            "dont miss",
                                            "don\xe2\x80\x99t miss",
                                            "full coverage",
                                            "further reading",
                                            "icymi",
                                            "in case you missed it",
                                            "latest",
                                            "more",
                                            "more coverage",
                                            "more from",
                                            "more on this",
                                            "more on this story",
                                            "must read",
                                            "must see",
                                            "previously",
                                            "read",
                                            "read also",
                                            "read more",
                                            "read next",
                                            "recommended",
                                            "recommended reading",
                                            "related",
                                            "related article",
                                            "related articles",
                                            "related content",
                                            "related coverage",
                                            "related link",
                                            "related links",
                                            "related reading",
                                            "related stories",
                                            "related story",
                                            "related video",
                                            "see also",
                                            "top stories",
                                            "trending",
                                            "watch",
                                            "watch more"};
WN_SORTED_KEYS(strong_labels, WN_KEYS_STRONG_LABELS);

/* Lead-ins that may also open a run-in paragraph: only for a short title. */
/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const weak_labels[] = {
    "analysis",      "background", "chart",    "commentary",   "editorial", "explainer",
    "fact box",      "factbox",    "gallery",  "graphic",      "graphics",  "in pictures",
    "interactive",   "listen",     "live",     "live updates", "map",       "opinion",
    "photo gallery", "photos",     "pictures", "podcast",      "quiz",      "special report",
    "timeline",      "video",      "videos"};
WN_SORTED_KEYS(weak_labels, WN_KEYS_WEAK_LABELS);

/* The first two letters of every label, built when compiling (tables.h). */
static const wn_lead_pairs label_pairs = WN_LABEL_LEAD_PAIRS;

int wn_related_tables_current(void) {
    wn_lead_pairs strong, weak;
    memset(&strong, 0, sizeof strong);
    memset(&weak, 0, sizeof weak);
    WN_LEAD_PAIRS_INIT(&strong, strong_labels);
    WN_LEAD_PAIRS_INIT(&weak, weak_labels);
    for (size_t k = 0; k < 26; k++)
        strong.second[k] |= weak.second[k];
    strong.any |= weak.any;
    return wn_lead_pairs_equal(&strong, &label_pairs);
}

static int is_label(const char *s, size_t n, int *strong) {
    *strong = WN_SORTED_IN(s, n, strong_labels);
    return *strong || WN_SORTED_IN(s, n, weak_labels);
}

static void set_related(wn_parser *p, size_t i, wn_sv label, const char *t, size_t tn) {
    wn_block_extra *b = wn_extra(p, i);
    if (!b)
        return;
    wn_mark(p, i, WN_BLOCK_RELATED);
    wn_trim(&t, &tn);
    /* a link at the end of the title is its target */
    size_t pos = 0, a, e, la = SIZE_MAX, le = 0;
    while (wn_next_link(t, tn, &pos, &a, &e)) {
        la = a;
        le = e;
    }
    if (la != SIZE_MAX && le == tn && la > 0) {
        b->f[WN_F_URL] = wn_keep(p, t + la, le - la);
        tn = la;
        while (tn && (t[tn - 1] == ' ' || t[tn - 1] == '-' || t[tn - 1] == ':'))
            tn--;
    }
    b->f[WN_F_LABEL] = label.p ? wn_keep(p, label.p, label.n) : label;
    b->f[WN_F_TITLE] = wn_keep(p, t, tn);
    /* a bare URL on the next line belongs to the link */
    size_t j = i + 1;
    if (j < p->nunits && !p->units[j].join && (p->units[j].feat & WN_UF_URLONLY) &&
        !b->f[WN_F_URL].p && (p->units[j].kind == 0 || p->units[j].kind == WN_BLOCK_NOISE)) {
        p->units[j].reason = 0;
        wn_join(p, i, j);
        b->f[WN_F_URL] = wn_sv_make(p->units[j].text, p->units[j].len);
    }
}

/* Where the lead-in ends: at a colon, at a bar or dash set off by spaces
 * ("ALSO READ | title", "READ MORE - title"), or, without a separator, after
 * the leading words in capitals ("ALSO READ Title of the story"). *ln is the
 * label's length, *skip the separator's. */
static int label_end(const char *s, size_t n, size_t *ln, size_t *skip) {
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " -- "};
    size_t lim = n < 40 ? n : 40;
    /* the first colon, or an earlier separator: a space, then '|', '-' or
     * a UTF-8 dash; the candidates from one pass over the first bytes, the
     * earliest one that opens a separator wins */
    static const unsigned char marks[4] = {':', '|', '-', 0xE2};
    uint64_t m[4];
    wn_byte_masks(s, lim, marks, m);
    size_t best = m[0] ? (size_t)__builtin_ctzll(m[0]) : lim, best_skip = 1;
    uint64_t cand = (m[1] | m[2] | m[3]) & ~(uint64_t)1;
    if (best < 64)
        cand &= ((uint64_t)1 << best) - 1;
    for (; cand; cand &= cand - 1) {
        size_t k = (size_t)__builtin_ctzll(cand) - 1;
        if (s[k] != ' ') /* every separator opens with a space */
            continue;
        size_t j = 0;
        while (j < sizeof seps / sizeof seps[0] && !wn_ci_prefix(s + k, n - k, seps[j]))
            j++;
        if (j < sizeof seps / sizeof seps[0]) {
            best = k;
            best_skip = strlen(seps[j]);
            break;
        }
    }
    if (best < lim) {
        *ln = best;
        *skip = best_skip;
        return 1;
    }
    /* capitals: the label is the run of upper-case words before the first
     * word that has a lower-case letter */
    size_t k = 0;
    while (k < lim && !(s[k] >= 'a' && s[k] <= 'z'))
        k++;
    if (k >= lim || k == 0)
        return 0;
    while (k > 0 && s[k - 1] != ' ')
        k--; /* back to the start of the mixed-case word */
    if (k == 0 || !(s[k] >= 'A' && s[k] <= 'Z'))
        return 0;
    *ln = k - 1;
    *skip = 0;
    return 1;
}

/* "LABEL: title", possibly wrapped in brackets or parentheses. */
static int labelled(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *s = u->text;
    size_t n = u->len;
    int wrapped = 0;
    if (n >= 2 && ((s[0] == '[' && s[n - 1] == ']') || (s[0] == '(' && s[n - 1] == ')'))) {
        s++;
        n -= 2;
        wrapped = 1;
    }
    /* the label opens the text: most paragraphs are turned away on their
     * first two letters, before the search for where a label would end */
    const char *open = s;
    size_t on = n;
    wn_trim(&open, &on);
    if (!wn_lead_pairs_may(&label_pairs, open, on))
        return 0;
    size_t ln, skip;
    if (!label_end(s, n, &ln, &skip))
        return 0;
    const char *lab = s;
    wn_trim(&lab, &ln);
    int strong;
    if (!ln || !is_label(lab, ln, &strong))
        return 0;
    if (skip == 0 && !strong)
        return 0;
    const char *t = s + (lab - s) + ln + skip;
    size_t tn = n - (size_t)(t - s);
    wn_trim(&t, &tn);
    if (tn == 0) {
        wn_mark_noise(p, i, WN_REASON_BOILERPLATE); /* header of a group of links */
        return 1;
    }
    size_t words = wn_count_words_upto(t, tn, 40);
    /* without a separator the label could be the capitalised opening of a
     * sentence ("MORE Britons than ever..."): a title only, no full stop */
    int loose = !strong || skip == 0;
    if (strong && words > 40)
        return 0;
    if (loose && (words > 20 || (!wrapped && t[tn - 1] == '.')))
        return 0;
    set_related(p, i, wn_sv_make(lab, ln), t, tn);
    return 1;
}

void wn_rec_related(wn_parser *p) {
    for (size_t i = p->near_from; i < p->near_to; i++) {
        wn_fetch_text_ahead(p, i);
        if (wn_free_unit(&p->units[i]))
            labelled(p, i);
    }
}

void wn_related_bare(wn_parser *p, size_t i) {
    const wn_unit *u = &p->units[i];
    const char *t = u->text + u->bullet;
    set_related(p, i, wn_sv_make(NULL, 0), t, u->len - u->bullet);
}
