/*
 * subhead.c - headings inside the body: a short line without a closing
 * full stop (a question mark is fine), not opening in lower case, that
 * stands between pieces of the story and introduces the paragraphs (or the
 * list) after it. Never the first line of a text: a text without a title
 * has no headline, and its first line is not promoted to a heading either.
 */
#include "recognizers.h"

#define WN_SUBHEAD_MAX_WORDS 17
#define WN_SUBHEAD_SHORT 12

static int introduces_body(const wn_parser *p, size_t i) {
    size_t k = wn_next_head(p, i);
    if (k >= p->nunits)
        return 0;
    const wn_unit *n = &p->units[k];
    if (n->kind == WN_BLOCK_LIST)
        return 1;
    return wn_free_unit(n) && !wn_title_like(n, WN_SUBHEAD_MAX_WORDS);
}

void wn_rec_subhead(wn_parser *p) {
    int first = 1;
    for (size_t i = 0; i < p->nunits; i = wn_next_head(p, i)) {
        wn_unit *u = &p->units[i];
        int was_first = first;
        first = 0;
        if (was_first || !wn_free_unit(u))
            continue;
        if (!wn_title_like(u, WN_SUBHEAD_MAX_WORDS) || u->bullet || (u->feat & WN_UF_DATELINE) ||
            wn_unit_has_url(u))
            continue;
        if (!introduces_body(p, i))
            continue;
        if (u->nwords > WN_SUBHEAD_SHORT) {
            /* a long heading must sit between full sentences */
            size_t a = wn_prev_head(p, i);
            if (a == SIZE_MAX || p->units[a].endc != WN_END_PERIOD)
                continue;
        }
        wn_mark(p, i, WN_BLOCK_SUBHEAD);
        p->blocks[i].text = wn_sv_make(u->text, u->len);
    }
}
