/*
 * common.c - helpers shared by the recognizers: walking block heads,
 * marking units, title-likeness, lead-in words, agency names.
 */
#include "recognizers.h"
#include "tables.h"

size_t wn_prev_head(const wn_parser *p, size_t i) {
    size_t k = i;
    while (k > 0) {
        k--;
        if (!p->units[k].join)
            return k;
    }
    return SIZE_MAX;
}

void wn_join(wn_parser *p, size_t i, size_t j) {
    p->njoined += !p->units[j].join;
    p->units[j].join = 1;
    p->units[j].kind = p->units[i].kind;
}

wn_block_extra *wn_extra(wn_parser *p, size_t i) {
    /* the unit, which the caller has at hand, says whether the fields were
     * made: the block record is written the first time, not read, and in a
     * large document it is far out of the cache (a miss a block) */
    wn_block *b = &p->blocks[i];
    if (p->units[i].has_extra)
        return b->x;
    wn_block_extra *x = wn_arena_alloc(p->arena, sizeof *x);
    if (!x)
        return NULL;
    memset(x, 0, sizeof *x);
    b->x = x;
    p->units[i].has_extra = 1;
    return x;
}

wn_sv wn_keep(wn_parser *p, const char *s, size_t n) {
    return wn_arena_sv(p->arena, s, n);
}

size_t wn_lead_in(const char *s, size_t n, const char *const *leads) {
    if (n == 0)
        return 0;
    unsigned char f = wn_lower_ascii((unsigned char)s[0]);
    for (; *leads; leads++) {
        if (wn_lower_ascii((unsigned char)(*leads)[0]) != f)
            continue;
        size_t k = wn_ci_prefix(s, n, *leads);
        if (!k)
            continue;
        if (k < n) {
            unsigned char c = (unsigned char)s[k];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                continue;
        }
        return k;
    }
    return 0;
}

/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const agencies[] = {"aap",
                                       "afp",
                                       "afp/getty",
                                       "afp/getty images",
                                       "alamy",
                                       "anadolu",
                                       "ansa",
                                       "ap",
                                       "associated press",
                                       "bloomberg",
                                       "corbis",
                                       "dpa",
                                       "efe",
                                       "epa",
                                       "epa-efe",
                                       "getty",
                                       "getty images",
                                       "getty images/istockphoto",
                                       "istock",
                                       "kyodo",
                                       "newscom",
                                       "nurphoto",
                                       "pa",
                                       "pa images",
                                       "press association",
                                       "reuter",
                                       "reuters",
                                       "shutterstock",
                                       "sipa",
                                       "sputnik",
                                       "tass",
                                       "upi",
                                       "wireimage",
                                       "xinhua",
                                       "yonhap",
                                       "zuma",
                                       "zuma press"};
WN_SORTED_KEYS(agencies, WN_KEYS_AGENCIES);

int wn_is_agency(const char *s, size_t n) {
    return WN_SORTED_IN(s, n, agencies);
}

size_t wn_count_words_upto(const char *s, size_t n, size_t cap) {
    size_t pos = 0, k = 0;
    wn_word w;
    while (k <= cap && wn_next_word(s, n, &pos, &w))
        k++;
    return k;
}
