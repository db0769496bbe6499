/*
 * subhead.c - headings inside the body: a short line without a closing
 * full stop (a question mark is fine), not opening in lower case, that
 * stands between pieces of the story and introduces the paragraphs (or the
 * list) after it. Never the first line of a text: a text without a title
 * has no headline, and its first line is not promoted to a heading either.
 * The last recognizer, and not a pass of its own: assembly asks it of each
 * undecided head as it finishes the blocks (wn_subhead_at()).
 */
#include "recognizers.h"

#define WN_SUBHEAD_MAX_WORDS 17
#define WN_SUBHEAD_SHORT 12

/* Does the head before k introduce the body, k being the head after it? */
static int introduces_body(const wn_parser *p, size_t k) {
    if (k >= p->nunits)
        return 0;
    const wn_unit *n = &p->units[k];
    if (n->kind == WN_BLOCK_LIST)
        return 1;
    return wn_free_unit(n) && !wn_title_like(n, WN_SUBHEAD_MAX_WORDS);
}

int wn_subhead_at(wn_parser *p, size_t i, size_t next) {
    wn_unit *u = &p->units[i];
    if (i == 0 || !wn_free_unit(u)) /* unit 0 is the first head: never joined */
        return 0;
    if (!wn_title_like(u, WN_SUBHEAD_MAX_WORDS) || u->bullet || (u->feat & WN_UF_DATELINE) ||
        wn_unit_has_url(u))
        return 0;
    if (!introduces_body(p, next))
        return 0;
    if (u->nwords > WN_SUBHEAD_SHORT) {
        /* a long heading must sit between full sentences */
        size_t a = wn_prev_head(p, i);
        if (a == SIZE_MAX || p->units[a].endc != WN_END_PERIOD)
            return 0;
    }
    wn_mark(p, i, WN_BLOCK_SUBHEAD);
    p->blocks[i].text = wn_sv_make(u->text, u->len);
    return 1;
}
