/*
 * repeat.c - verbatim repeats: a block whose text repeats an earlier
 * block's text is noise with reason "duplicate" (the first copy keeps its
 * type), and so is a truncated copy that ends in "..." and starts like an
 * earlier block (a page's meta description). Blocks are compared through a
 * hash table, never pairwise, and probing is bounded, so the cost stays
 * linear whatever the input. Runs only with WN_OPT_DEDUPE.
 */
#include "recognizers.h"

#define WN_MAX_PROBE 64
#define WN_PREFIX 20
#define WN_MAX_PREFIX_CANDIDATES 8

typedef struct table {
    uint32_t *slot; /* head index + 1; 0 = empty */
    uint64_t *key;
    size_t mask;
} table;

static int table_init(wn_parser *p, table *t, size_t n) {
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    t->slot = wn_mem_alloc(p->al, cap * sizeof(uint32_t));
    t->key = wn_mem_alloc(p->al, cap * sizeof(uint64_t));
    if (!t->slot || !t->key)
        return -1;
    memset(t->slot, 0, cap * sizeof(uint32_t));
    t->mask = cap - 1;
    return 0;
}

static void table_free(wn_parser *p, table *t) {
    wn_mem_free(p->al, t->slot);
    wn_mem_free(p->al, t->key);
}

static void table_put(table *t, uint64_t key, size_t head) {
    size_t h = (size_t)key & t->mask;
    for (int k = 0; k < WN_MAX_PROBE; k++, h = (h + 1) & t->mask) {
        if (!t->slot[h]) {
            t->slot[h] = (uint32_t)(head + 1);
            t->key[h] = key;
            return;
        }
    }
}

/* Texts of the blocks headed by a and b are the same. */
static int same_block(const wn_parser *p, size_t a, size_t b) {
    size_t ea = wn_next_head(p, a), eb = wn_next_head(p, b);
    if (ea - a != eb - b)
        return 0;
    for (size_t k = 0; k < ea - a; k++) {
        const wn_unit *x = &p->units[a + k], *y = &p->units[b + k];
        if (x->len != y->len || x->hash != y->hash || memcmp(x->text, y->text, x->len) != 0)
            return 0;
    }
    return 1;
}

static uint64_t block_hash(const wn_parser *p, size_t i) {
    uint64_t h = p->units[i].hash;
    for (size_t k = i + 1; k < p->nunits && p->units[k].join; k++)
        h = (h ^ p->units[k].hash) * 0x9E3779B97F4A7C15ull + k - i;
    return h;
}

static size_t find_same(const wn_parser *p, const table *t, uint64_t key, size_t i) {
    size_t h = (size_t)key & t->mask;
    for (int k = 0; k < WN_MAX_PROBE && t->slot[h]; k++, h = (h + 1) & t->mask) {
        size_t e = t->slot[h] - 1;
        if (t->key[h] == key && same_block(p, e, i))
            return e;
    }
    return SIZE_MAX;
}

/* Text without a trailing "..." or "…": the length of what is left, or 0
 * when the text is not truncated that way. */
static size_t truncated_prefix(const wn_unit *u) {
    size_t n = u->len;
    const char *s = u->text;
    if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0)
        n -= 3;
    else if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0)
        n -= 3;
    else
        return 0;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
        n--;
    return n >= WN_PREFIX ? n : 0;
}

static size_t find_prefix(const wn_parser *p, const table *t, const wn_unit *u, size_t plen,
                          size_t i) {
    uint64_t key = wn_hash(u->text, WN_PREFIX, 1);
    size_t h = (size_t)key & t->mask;
    int seen = 0;
    for (int k = 0; k < WN_MAX_PROBE && t->slot[h] && seen < WN_MAX_PREFIX_CANDIDATES;
         k++, h = (h + 1) & t->mask) {
        size_t e = t->slot[h] - 1;
        if (t->key[h] != key || e == i)
            continue;
        seen++;
        const wn_unit *v = &p->units[e];
        if (v->len > plen && memcmp(v->text, u->text, plen) == 0)
            return e;
    }
    return SIZE_MAX;
}

static void mark_duplicate(wn_parser *p, size_t i, size_t of) {
    wn_unit *u = &p->units[i];
    u->dup_of = (uint32_t)of;
    p->units[of].has_later_dup = 1;
    if (u->kind != WN_BLOCK_NOISE) {
        wn_mark_noise(p, i, WN_REASON_DUPLICATE);
        for (size_t k = i + 1; k < p->nunits && p->units[k].join; k++)
            p->units[k].kind = WN_BLOCK_NOISE;
    }
}

void wn_rec_repeat(wn_parser *p) {
    if (!(p->flags & WN_OPT_DEDUPE) || p->nunits < 2)
        return;
    table whole, prefix;
    whole.slot = prefix.slot = NULL;
    whole.key = prefix.key = NULL;
    if (table_init(p, &whole, p->nunits) || table_init(p, &prefix, p->nunits)) {
        table_free(p, &whole);
        table_free(p, &prefix);
        wn_fail_nomem(p);
        return;
    }
    for (size_t i = 0; i < p->nunits; i = wn_next_head(p, i)) {
        wn_unit *u = &p->units[i];
        uint64_t key = block_hash(p, i);
        size_t of = find_same(p, &whole, key, i);
        if (of == SIZE_MAX) {
            size_t plen = truncated_prefix(u);
            if (plen)
                of = find_prefix(p, &prefix, u, plen, i);
        }
        if (of != SIZE_MAX) {
            mark_duplicate(p, i, of);
            continue;
        }
        table_put(&whole, key, i);
        if (u->len >= WN_PREFIX)
            table_put(&prefix, wn_hash(u->text, WN_PREFIX, 1), i);
    }
    table_free(p, &whole);
    table_free(p, &prefix);
}
