/*
 * timestamp.c - lines that state when the story was published or updated:
 * the whole line is a date and/or time with the words that go around one
 * ("Published", "Updated at", a day name, a time zone, "5 hours ago").
 * The value is ISO 8601 when the line fixes a calendar date (with the time
 * when one is given), null otherwise ("Updated at 1:23 p.m.", "10 p.m.").
 */
#include "recognizers.h"

void wn_rec_timestamp(wn_parser *p) {
    for (size_t i = p->near_from; i < p->near_to; i++) {
        wn_fetch_text_ahead(p, i);
        wn_unit *u = &p->units[i];
        /* every date, time and "5 hours ago" has a digit */
        if (!wn_free_unit(u) || u->nwords > 20 || (u->feat & WN_UF_NODIGIT))
            continue;
        wn_when w;
        if (!wn_parse_timestamp_line(u->text, u->len, &w))
            continue;
        wn_mark(p, i, WN_BLOCK_TIMESTAMP);
        wn_block *b = &p->blocks[i];
        b->text = wn_sv_make(u->text, u->len);
        char iso[40];
        size_t k = wn_when_iso(&w, 1, iso);
        wn_block_extra *x = k ? wn_extra(p, i) : NULL;
        if (x)
            x->f[WN_F_VALUE] = wn_keep(p, iso, k);
    }
}
