/*
 * headline.c - the top of the article: the headline (the first line that
 * reads as a title: short, no closing period, not a dateline), the dek (the
 * summary sentence next to it, which unlike a lede carries no day of the
 * week and no "said"), section kickers above the title ("Sports", "Review"), and what is
 * left of the front matter before the dateline (a dated photo caption, a
 * promo line). A text without a title line has no headline: the first
 * sentence is never promoted.
 */
#include "recognizers.h"

#define WN_HEADLINE_MAX_WORDS 24
#define WN_HEADLINE_MAX_BYTES 250
#define WN_DEK_MAX_WORDS 60
#define WN_FRONT_MATTER 8 /* units before the dateline that count as the top */

static const char *const day_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday",    NULL};

static int headline_like(const wn_unit *u) {
    return wn_title_like(u, WN_HEADLINE_MAX_WORDS) && u->nwords >= 3 &&
           u->len <= WN_HEADLINE_MAX_BYTES && !(u->feat & WN_UF_DATELINE) && !u->bullet &&
           !wn_unit_has_url(u);
}

/* Words of hard-news attribution: a lede says who said it; a dek rarely. */
static const char *const said_words[] = {"said", "told", NULL};

/* A lede names the day of the news and attributes it ("officials said");
 * a dek does neither. */
static int reads_as_lede(const wn_unit *u) {
    size_t pos = 0;
    wn_word w;
    while (wn_next_word(u->text, u->len, &pos, &w)) {
        wn_word c = wn_word_core(w);
        if (c.n >= 6 && wn_ci_in(c.p, c.n, day_names) && (unsigned char)c.p[0] <= 'Z')
            return 1;
        if (c.n == 4 && wn_ci_in(c.p, c.n, said_words) && (unsigned char)c.p[0] >= 'a')
            return 1;
    }
    return 0;
}

/* Next head after i that is not noise, or nunits. */
static size_t next_content(const wn_parser *p, size_t i) {
    size_t k = wn_next_head(p, i);
    while (k < p->nunits && p->units[k].kind == WN_BLOCK_NOISE)
        k = wn_next_head(p, k);
    return k;
}

/* header: the line is still in the front matter (a byline or the
 * publication time follows it), so it cannot be the lede. */
static int dek_like(const wn_unit *u, int header) {
    if (!wn_free_unit(u) || (u->feat & (WN_UF_DATELINE | WN_UF_LOWER0)) || u->bullet)
        return 0;
    if (u->nwords < (header ? 5 : 6) || u->nwords > WN_DEK_MAX_WORDS || wn_unit_has_url(u))
        return 0;
    /* a standfirst may go without its full stop, but then it must read as a
     * sentence (not a second title) unless the front matter goes on after it */
    if (u->endc != WN_END_PERIOD && u->endc != WN_END_QUESTION && u->endc != WN_END_EXCLAIM &&
        !(u->endc == WN_END_WORD && (header || (u->nwords >= 8 && !wn_title_case(u)))))
        return 0;
    return !reads_as_lede(u);
}

/* Does the front matter (a byline or a publication time) follow unit i? */
static int header_follows(const wn_parser *p, size_t i) {
    size_t k = next_content(p, i);
    return k < p->nunits &&
           (p->units[k].kind == WN_BLOCK_BYLINE || p->units[k].kind == WN_BLOCK_TIMESTAMP);
}

static void set_text(wn_parser *p, size_t i, int kind, const char *s, size_t n) {
    wn_mark(p, i, kind);
    p->blocks[i].text = wn_sv_make(s, n);
}

/* "Caption text | AP Photo/First Last Title of the story": the title is
 * what follows the photographer's name (two words, three with an initial). */
static int split_glued_caption(wn_parser *p, size_t i) {
    wn_unit *u = &p->units[i];
    size_t bar = wn_find(u->text, u->len, " | ");
    if (bar == SIZE_MAX)
        return 0;
    const char *c = u->text + bar + 3;
    size_t cn = u->len - bar - 3;
    size_t slash = wn_find(c, cn, "/");
    if (slash == SIZE_MAX || slash > 20 ||
        !(wn_is_agency(c, slash) || wn_ci_find(c, slash, "photo") != SIZE_MAX))
        return 0;
    size_t pos = slash + 1;
    wn_word w;
    int taken = 0;
    while (taken < 3 && wn_next_word(c, cn, &pos, &w)) {
        taken++;
        if (taken == 2 && !(w.n == 2 && w.p[1] == '.'))
            break; /* "Mel Evans": done; "J. Scott Applewhite": one more */
    }
    while (pos < cn && c[pos] == ' ')
        pos++;
    size_t words = pos < cn ? wn_count_words_upto(c + pos, cn - pos, WN_HEADLINE_MAX_WORDS) : 0;
    if (taken < 2 || words < 3 || words > WN_HEADLINE_MAX_WORDS)
        return 0;
    set_text(p, i, WN_BLOCK_HEADLINE, c + pos, cn - pos);
    return 1;
}

/* Front matter left over above a dateline paragraph: a photo caption that
 * ends with its date is a caption; another short line is a promo or label. */
static void front_leftovers(wn_parser *p) {
    size_t dl = SIZE_MAX, heads = 0;
    for (size_t i = 0; i < p->nunits && heads < WN_FRONT_MATTER; i = wn_next_head(p, i), heads++)
        if (wn_free_unit(&p->units[i]) && (p->units[i].feat & WN_UF_DATELINE)) {
            dl = i;
            break;
        }
    if (dl == SIZE_MAX)
        return;
    for (size_t i = 0; i < dl; i = wn_next_head(p, i)) {
        wn_unit *u = &p->units[i];
        if (!wn_free_unit(u) || u->nwords > 60)
            continue;
        /* "... in Mumbai May 13, 2014." */
        size_t end = u->len;
        while (end && (u->text[end - 1] == '.' || u->text[end - 1] == ' '))
            end--;
        size_t start = end;
        int spaces = 0;
        while (start > 0 && spaces < 3) {
            start--;
            if (u->text[start] == ' ')
                spaces++;
        }
        if (spaces == 3)
            start++;
        wn_when w;
        memset(&w, 0, sizeof w);
        size_t k = wn_parse_date(u->text + start, end - start, &w);
        if (k && start + k == end && u->endc == WN_END_PERIOD) {
            set_text(p, i, WN_BLOCK_CAPTION, u->text, u->len);
        } else if (u->nwords <= 20) {
            wn_mark_noise(p, i, WN_REASON_BOILERPLATE);
        }
    }
}

void wn_rec_headline(wn_parser *p) {
    size_t c = 0;
    while (c < p->nunits && !wn_free_unit(&p->units[c]))
        c = wn_next_head(p, c);
    if (c >= p->nunits)
        return;
    /* a one- or two-word section label above the title */
    wn_unit *u = &p->units[c];
    if (u->nwords <= 2 && u->endc != WN_END_PERIOD && !(u->feat & WN_UF_DIGIT0) &&
        next_content(p, c) < p->nunits) {
        wn_mark_noise(p, c, WN_REASON_BOILERPLATE);
        while (c < p->nunits && !wn_free_unit(&p->units[c]))
            c = wn_next_head(p, c);
        if (c >= p->nunits)
            return;
        u = &p->units[c];
    }
    size_t h = SIZE_MAX;
    if (u->endc != WN_END_PERIOD && split_glued_caption(p, c)) {
        h = c;
    } else if (headline_like(u)) {
        h = c;
        set_text(p, h, WN_BLOCK_HEADLINE, u->text, u->len);
    } else if (u->endc == WN_END_PERIOD) {
        /* a teaser above the title: the title is repeated right after it */
        size_t c2 = next_content(p, c);
        if (c2 < p->nunits && wn_free_unit(&p->units[c2]) && headline_like(&p->units[c2]) &&
            p->units[c2].has_later_dup && p->units[wn_next_head(p, c2)].dup_of == c2) {
            h = c2;
            set_text(p, h, WN_BLOCK_HEADLINE, p->units[c2].text, p->units[c2].len);
            if (dek_like(u, 0))
                set_text(p, c, WN_BLOCK_DEK, u->text, u->len);
        }
    }
    if (h != SIZE_MAX) {
        size_t d = next_content(p, h);
        if (d < p->nunits && dek_like(&p->units[d], header_follows(p, d)))
            set_text(p, d, WN_BLOCK_DEK, p->units[d].text, p->units[d].len);
    }
    front_leftovers(p);
}
