/*
 * list.c - lists: consecutive lines opening with the same kind of marker
 * ("-", "•", "*", "1.", "2)"), blank lines between them allowed; the
 * markers are stripped from the items. A run of bulleted titles after the
 * story's last paragraph is a set of links to other stories (related), not
 * a list. Summary highlights ("Story highlights ...", "Key points") that
 * open an article without markers form a list too.
 */
#include "recognizers.h"

#define WN_MAX_HIGHLIGHT_WORDS 40

/* Headings of summary highlights. Only the first can share its line with
 * the first item (CNN's layout); the others must stand alone. */
static const char *const highlight_leads[] = {"story highlights",
                                              "highlights",
                                              "key points",
                                              "key takeaways",
                                              "takeaways",
                                              "quick takes",
                                              "quick take",
                                              "in brief",
                                              "at a glance",
                                              "what you need to know",
                                              "tl;dr",
                                              NULL};

static void make_list(wn_parser *p, size_t first, size_t last, int ordered) {
    size_t count = 0;
    for (size_t k = first; k <= last; k++)
        count += !p->units[k].join || k == first;
    wn_sv *items = wn_arena_alloc(p->arena, count * sizeof(wn_sv));
    wn_block_extra *x = wn_extra(p, first);
    if (!items || !x)
        return;
    wn_mark(p, first, WN_BLOCK_LIST);
    size_t n = 0;
    for (size_t k = first; k <= last; k++) {
        wn_unit *u = &p->units[k];
        if (k > first)
            wn_join(p, first, k);
        items[n++] = wn_sv_make(u->text + u->bullet, u->len - u->bullet);
    }
    x->arr = items;
    x->narr = n;
    p->blocks[first].ordered = (uint8_t)ordered;
}

/* Last unit that may be story text (undecided or paragraph), or SIZE_MAX. */
static size_t last_story_unit(const wn_parser *p) {
    for (size_t k = p->nunits; k-- > 0;) {
        const wn_unit *u = &p->units[k];
        if (!u->join && (u->kind == 0 || u->kind == WN_BLOCK_PARAGRAPH) && !u->bullet)
            return k;
    }
    return SIZE_MAX;
}

static size_t bullet_run(wn_parser *p, size_t i, size_t last_story) {
    const wn_unit *u = &p->units[i];
    size_t j = i;
    while (j + 1 < p->nunits && wn_free_unit(&p->units[j + 1]) && p->units[j + 1].bullet &&
           p->units[j + 1].ordered == u->ordered)
        j++;
    if (j == i)
        return i + 1;
    int titles = 1;
    for (size_t k = i; k <= j && titles; k++) {
        const wn_unit *t = &p->units[k];
        titles = t->nwords <= 25 && wn_title_case(t); /* Title Case ends in no full stop */
    }
    int body_follows = last_story != SIZE_MAX && last_story > j;
    if (titles && !u->ordered && !body_follows) {
        for (size_t k = i; k <= j; k++)
            wn_related_bare(p, k);
    } else {
        make_list(p, i, j, u->ordered);
    }
    return j + 1;
}

static int highlight_item(const wn_unit *u) {
    return wn_free_unit(u) && u->nwords <= WN_MAX_HIGHLIGHT_WORDS && u->endc != WN_END_COLON &&
           !(u->feat & WN_UF_DATELINE);
}

static size_t highlights(wn_parser *p, size_t i) {
    wn_unit *u = &p->units[i];
    size_t k = wn_lead_in(u->text, u->len, highlight_leads);
    if (!k)
        return 0;
    size_t first = i;
    if (k == u->len || (k + 1 == u->len && u->text[k] == ':')) {
        wn_mark(p, i, WN_BLOCK_SUBHEAD); /* the heading alone on its line */
        p->blocks[i].text = wn_sv_make(u->text, u->len);
        first = i + 1;
        if (first < p->nunits && p->units[first].bullet)
            return first; /* marked items: an ordinary list */
    } else if (u->nwords > WN_MAX_HIGHLIGHT_WORDS ||
               !wn_ci_prefix(u->text, u->len, highlight_leads[0])) {
        return 0;
    }
    size_t last = first;
    if (last >= p->nunits || !highlight_item(&p->units[last]))
        return first > i ? first : 0;
    while (last + 1 < p->nunits && highlight_item(&p->units[last + 1]) &&
           !p->units[last + 1].bullet && p->units[last + 1].endc != WN_END_PERIOD)
        last++;
    if (last == first && first == i)
        return 0; /* one line on its own is no list */
    make_list(p, first, last, 0);
    return last + 1;
}

void wn_rec_list(wn_parser *p) {
    /* highlights only open an article: look at the first few units */
    for (size_t i = 0; i < p->nunits && i < 4; i++) {
        if (wn_free_unit(&p->units[i]) && highlights(p, i))
            break;
    }
    size_t last_story = last_story_unit(p);
    for (size_t i = 0; i < p->nunits;) {
        if (wn_free_unit(&p->units[i]) && p->units[i].bullet)
            i = bullet_run(p, i, last_story);
        else
            i++;
    }
}
