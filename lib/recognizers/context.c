/*
 * context.c - cues that come from a line's neighbours:
 *
 *  - links under a group header ("DON'T MISS", "Related Coverage",
 *    "Read more:"): each title line below the header is a related link;
 *  - a link card: a title repeated after a section slug ("Title /
 *    POLITICS / Title"), found before the headline is (wn_rec_cards);
 *  - a headline with a kicker ("Internal memo: Guards falsified records")
 *    or a gallery tag ("..., in pictures", "[Video]") between paragraphs;
 *  - a run of title lines after the story's last paragraph;
 *  - a short line sitting between two pieces of junk is junk too.
 */
#include "recognizers.h"

#define WN_LINK_MAX_WORDS 25

static const char *const header_phrases[] = {"related",
                                             "related coverage",
                                             "related articles",
                                             "related stories",
                                             "related content",
                                             "related links",
                                             "related reading",
                                             "related video",
                                             "related videos",
                                             "don't miss",
                                             "dont miss",
                                             "read more",
                                             "read more below",
                                             "read also",
                                             "also read",
                                             "see also",
                                             "recommended",
                                             "recommended for you",
                                             "recommended reading",
                                             "you may also like",
                                             "you might also like",
                                             "must read",
                                             "most read",
                                             "most popular",
                                             "trending",
                                             "trending now",
                                             "top stories",
                                             "more stories",
                                             "more news",
                                             "latest news",
                                             "latest",
                                             "editor's picks",
                                             "editors' picks",
                                             "further reading",
                                             "more coverage",
                                             "watch more",
                                             NULL};

static int is_group_header(const wn_unit *u) {
    if (u->kind != WN_BLOCK_NOISE || u->reason != WN_REASON_BOILERPLATE || u->nwords > 6)
        return 0;
    const char *s = u->text;
    size_t n = u->len;
    while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    if (wn_ci_in(s, n, header_phrases))
        return 1;
    /* "Related Internet Links", "More on this story" (marked by the noise
     * recognizer only when short and set as a heading) */
    if (wn_lead_in(s, n, (const char *const[]){"related", "more on", NULL}))
        return 1;
    /* "More from CNN", "More on this story", "Also on NPR" */
    return wn_lead_in(s, n,
                      (const char *const[]){"more from", "more stories from", "also on",
                                            "more news from", "latest from", NULL}) != 0;
}

static int link_title(const wn_unit *u) {
    return wn_free_unit(u) && wn_title_like(u, WN_LINK_MAX_WORDS) && !(u->feat & WN_UF_DATELINE);
}

/* A link card: Title, SLUG, Title again. */
void wn_rec_cards(wn_parser *p) {
    for (size_t i = 0; i < p->nunits; i = wn_next_head(p, i)) {
        wn_unit *u = &p->units[i];
        if (!u->has_later_dup || !link_title(u))
            continue;
        size_t s = wn_next_head(p, i);
        if (s >= p->nunits)
            continue;
        size_t k = wn_next_head(p, s);
        const wn_unit *su = &p->units[s];
        if (k >= p->nunits || p->units[k].dup_of != i || !wn_free_unit(su) || su->nwords > 4 ||
            !(su->feat & WN_UF_CAPS))
            continue;
        wn_related_bare(p, i);
        wn_mark_noise(p, s, WN_REASON_BOILERPLATE);
    }
}

#define WN_TAG(lit)                                                                                \
    { lit, sizeof(lit) - 1 }
static const struct {
    const char *s;
    size_t n;
} gallery_tags[] = {WN_TAG("in pictures"),
                    WN_TAG("in photos"),
                    WN_TAG("in pics"),
                    WN_TAG("[video]"),
                    WN_TAG("(video)"),
                    WN_TAG("- video"),
                    WN_TAG("\xE2\x80\x93 video"),
                    WN_TAG("\xE2\x80\x94 video"),
                    WN_TAG("[photos]"),
                    WN_TAG("(photos)"),
                    WN_TAG("[watch]"),
                    WN_TAG("- live"),
                    WN_TAG("\xE2\x80\x93 live"),
                    WN_TAG("[gallery]"),
                    WN_TAG("[pictures]")};
#undef WN_TAG /* the amalgamated source is one file */

static int ends_with_tag(const wn_unit *u) {
    /* the last byte first (with bit 0x20 set on both sides): most lines
     * end in none of the tags' last letters */
    if (!u->len)
        return 0;
    unsigned last = (unsigned char)u->text[u->len - 1] | 0x20u;
    for (size_t k = 0; k < sizeof gallery_tags / sizeof gallery_tags[0]; k++) {
        size_t m = gallery_tags[k].n;
        if (u->len > m && ((unsigned char)gallery_tags[k].s[m - 1] | 0x20u) == last &&
            wn_ci_eq(u->text + u->len - m, m, gallery_tags[k].s))
            return 1;
    }
    return 0;
}

/* "Internal memo: Federal prison guards falsified records": a kicker of a
 * few words, a colon, a headline (which may run to two sentences). */
static int kicker_headline(const wn_unit *u) {
    if (!wn_free_unit(u) || u->nwords > 40 || (u->feat & (WN_UF_LOWER0 | WN_UF_DATELINE)) ||
        u->endc == WN_END_PERIOD || u->endc == WN_END_COLON)
        return 0;
    size_t colon = wn_find(u->text, u->len, ": ");
    if (colon == SIZE_MAX || colon > 60)
        return 0;
    size_t kw = wn_count_words_upto(u->text, colon, 6);
    size_t rest = wn_count_words_upto(u->text + colon + 2, u->len - colon - 2, 4);
    return kw >= 2 && kw <= 6 && rest >= 4;
}

/* One walk over the heads for three cues, in an order that reads what
 * the earlier ones left: the title lines under a group header become
 * links (all of them below it, before the walk gets there); a head
 * between paragraphs with a gallery tag or a kicker becomes a link; and
 * the story text (undecided, paragraph or list) ends at the last such
 * head, which is returned (SIZE_MAX: none). Each step changes only the
 * head it stands on or heads after it, so a head's kind is settled when
 * the walk leaves it. */
static size_t headers_and_kickers(wn_parser *p) {
    int seen_body = 0;
    size_t last_body = SIZE_MAX;
    for (size_t i = 0; i < p->nunits; i = wn_next_head(p, i)) {
        wn_unit *u = &p->units[i];
        if (is_group_header(u)) {
            size_t k = wn_next_head(p, i);
            while (k < p->nunits && link_title(&p->units[k])) {
                wn_related_bare(p, k);
                k = wn_next_head(p, k);
            }
        }
        if (!wn_free_unit(u))
            seen_body |= u->kind == WN_BLOCK_PARAGRAPH || u->kind == WN_BLOCK_HEADLINE;
        else if ((link_title(u) && ends_with_tag(u)) || (seen_body && kicker_headline(u)))
            wn_related_bare(p, i);
        else
            seen_body = 1;
        if (u->kind == 0 || u->kind == WN_BLOCK_PARAGRAPH || u->kind == WN_BLOCK_LIST)
            last_body = i;
    }
    return last_body;
}

/* A run of two or more title lines after the story's last text (found by
 * headers_and_kickers(), so that the pass stays linear). A run that ends
 * before that text is never one, so the walk starts at the run that holds
 * the last text head, or at that head: in an article, a few heads from the
 * end instead of the top. */
static void trailing_title_runs(wn_parser *p, size_t last_body) {
    size_t start = 0;
    if (last_body != SIZE_MAX) {
        start = last_body;
        for (size_t b; link_title(&p->units[start]) && (b = wn_prev_head(p, start)) != SIZE_MAX &&
                       link_title(&p->units[b]);)
            start = b;
    }
    for (size_t i = start; i < p->nunits;) {
        if (!link_title(&p->units[i])) {
            i = wn_next_head(p, i);
            continue;
        }
        size_t j = i, count = 1, next;
        while ((next = wn_next_head(p, j)) < p->nunits && link_title(&p->units[next])) {
            j = next;
            count++;
        }
        /* two or more lines after the story text, and they must read as
         * links: after junk (a prompt, a separator) or every line in Title
         * Case (asked last: it is measured word by word) */
        int links = count >= 2 && i > 0 && !(last_body != SIZE_MAX && last_body > j);
        if (links) {
            size_t before = wn_prev_head(p, i);
            if (before == SIZE_MAX || p->units[before].kind != WN_BLOCK_NOISE)
                for (size_t k = i; k <= j && links; k = wn_next_head(p, k))
                    links = wn_title_case(&p->units[k]);
        }
        if (links)
            for (size_t k = i; k <= j; k = wn_next_head(p, k))
                wn_related_bare(p, k);
        i = wn_next_head(p, j);
    }
}

/* A short line between two noise blocks, with no story text right after
 * the junk, is junk too. */
static void junk_between_junk(wn_parser *p) {
    /* backwards, so that junk found further down counts for lines above;
     * `after` is the first head after the current one that is not noise
     * (nunits when there is none), kept up to date as lines become junk, so
     * that no run of noise is walked more than once */
    size_t after = p->nunits, b = p->nunits; /* b: the head after i, the last one seen */
    for (size_t i = p->nunits; i-- > 0;) {
        wn_unit *u = &p->units[i];
        if (u->join)
            continue;
        if (wn_free_unit(u) && u->nwords <= 10 && u->endc != WN_END_PERIOD &&
            (b >= p->nunits || p->units[b].kind == WN_BLOCK_NOISE)) {
            size_t a = wn_prev_head(p, i);
            if (a != SIZE_MAX && p->units[a].kind == WN_BLOCK_NOISE &&
                !(after < p->nunits && wn_free_unit(&p->units[after])))
                wn_mark_noise(p, i, WN_REASON_BOILERPLATE);
        }
        if (u->kind != WN_BLOCK_NOISE)
            after = i;
        b = i;
    }
}

void wn_rec_context(wn_parser *p) {
    trailing_title_runs(p, headers_and_kickers(p));
    junk_between_junk(p);
}
