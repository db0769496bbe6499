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

/* Open addressing, one 8-byte entry a slot: the high 32 bits of the key's
 * hash and the head index + 1 (0 = empty). A match on the stored bits is
 * only a candidate: the texts are compared before anything is marked. */
typedef struct table {
    uint64_t *e;
    size_t mask;
} table;

static int table_init(wn_parser *p, table *t, size_t n) {
    size_t cap = 16;
    while (cap < n + n / 2)
        cap *= 2;
    t->e = wn_work_alloc(&p->work, p->al, cap * sizeof(uint64_t));
    if (!t->e)
        return -1;
    memset(t->e, 0, cap * sizeof(uint64_t));
    t->mask = cap - 1;
    return 0;
}

static void table_free(wn_parser *p, table *t) {
    wn_work_free(&p->work, p->al, t->e);
}

static inline uint64_t entry_tag(uint64_t key) {
    return key & 0xFFFFFFFF00000000ull;
}

static inline size_t entry_head(uint64_t e) {
    return (size_t)(uint32_t)e - 1;
}

static void table_put(table *t, uint64_t key, size_t head) {
    size_t h = (size_t)key & t->mask;
    for (int k = 0; k < WN_MAX_PROBE; k++, h = (h + 1) & t->mask) {
        if (!t->e[h]) {
            t->e[h] = entry_tag(key) | (uint32_t)(head + 1);
            return;
        }
    }
}

/* A hash of unit k's whole text: its key where that is one (a short
 * text, or any text where keys are not used), else made now. */
static uint64_t whole_hash(const wn_parser *p, size_t k) {
    const wn_unit *u = &p->units[k];
    if (u->len <= WN_HASH_KEY_WHOLE || !wn_keyed_hashes(p))
        return u->hash;
    return wn_hash(u->text, u->len, 2);
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

/* The key a block is filed and looked up under once its own key has met
 * another text's: a hash of its units' whole texts (not a block key by
 * more than chance: another start). */
static uint64_t block_whole_key(const wn_parser *p, size_t i) {
    uint64_t h = whole_hash(p, i) ^ 0xD6E8FEB86659FD93ull;
    for (size_t k = i + 1; k < p->nunits && p->units[k].join; k++)
        h = (h ^ whole_hash(p, k)) * 0x9E3779B97F4A7C15ull + k - i;
    return h;
}

/* The earlier block with the text of block i filed under `key`, or
 * SIZE_MAX; *met is set when a block with the key's tag and other text
 * was found on the way. */
static WN_ALWAYS_INLINE size_t find_same(const wn_parser *p, const table *t, uint64_t key, size_t i,
                                         int *met) {
    size_t h = (size_t)key & t->mask;
    for (int k = 0; k < WN_MAX_PROBE && t->e[h]; k++, h = (h + 1) & t->mask) {
        size_t e = entry_head(t->e[h]);
        if (entry_tag(t->e[h]) != entry_tag(key))
            continue;
        if (same_block(p, e, i))
            return e;
        *met = 1;
    }
    return SIZE_MAX;
}

/* Text without a trailing "..." or "…": the length of what is left, or 0
 * when the text is not truncated that way. The text is read only when the
 * unit's features say it ends so: in a document too large for the caches
 * reading the end of every text costs a miss a block. */
static size_t truncated_prefix(const wn_unit *u) {
    if (!(u->feat & WN_UF_ELLIPSIS))
        return 0;
    size_t n = u->len - 3;
    const char *s = u->text;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
        n--;
    return n >= WN_PREFIX ? n : 0;
}

static size_t find_prefix(const wn_parser *p, const table *t, const wn_unit *u, size_t plen,
                          size_t i) {
    uint64_t key = wn_hash(u->text, WN_PREFIX, 1);
    size_t h = (size_t)key & t->mask;
    int seen = 0;
    for (int k = 0; k < WN_MAX_PROBE && t->e[h] && seen < WN_MAX_PREFIX_CANDIDATES;
         k++, h = (h + 1) & t->mask) {
        size_t e = entry_head(t->e[h]);
        if (entry_tag(t->e[h]) != entry_tag(key) || e == i)
            continue;
        seen++;
        const wn_unit *v = &p->units[e];
        if (v->len > plen && memcmp(v->text, u->text, plen) == 0)
            return e;
    }
    return SIZE_MAX;
}

/* In a document too large for the caches every lookup in the tables is a
 * miss: their slots are random addresses, and so is the text hashed for
 * the table of prefixes. So the keys of the next WN_AHEAD block heads are
 * computed ahead of their lookups, and their slots and texts fetched while
 * the blocks before them are looked up. A repeat costs two more misses,
 * each waiting on the one before: the earlier block's unit record, then
 * its text. So WN_NEAR blocks ahead, when its slot has arrived, the block's
 * first candidate in the table is read and its record fetched, and
 * WN_SOON blocks ahead the candidate's text. (Nothing here changes a join,
 * so the heads seen ahead are the heads looked up; the candidates are only
 * hints: what is fetched never decides anything.) */
#define WN_AHEAD 16
#define WN_NEAR 8
#define WN_SOON 3
/* Up to this many block heads (about a megabyte of text) the table, the
 * records and the texts stay in the caches, and the keys are computed as
 * each head is looked up: fetching ahead would only cost instructions. */
#define WN_CACHED_HEADS 4096
#define WN_HINT_PROBE 4 /* slots read for a candidate: the first ones, in one cache line or two */

typedef struct lookahead {
    uint64_t key[WN_AHEAD]; /* block keys of heads first, first + 1, ... */
    size_t cand[WN_AHEAD];  /* an earlier head with the key's tag, or SIZE_MAX */
    size_t first, last;     /* counts of heads looked up and keyed */
    size_t next;            /* the next head to key */
} lookahead;

static void lookahead_init(lookahead *la) {
    la->first = la->last = la->next = 0;
}

static size_t first_candidate(const table *t, uint64_t key) {
    size_t h = (size_t)key & t->mask;
    for (int k = 0; k < WN_HINT_PROBE && t->e[h]; k++, h = (h + 1) & t->mask)
        if (entry_tag(t->e[h]) == entry_tag(key))
            return entry_head(t->e[h]);
    return SIZE_MAX;
}

static void lookahead_fill(const wn_parser *p, lookahead *la, const table *whole) {
    while (la->last - la->first < WN_AHEAD && la->next < p->nunits) {
        uint64_t key = block_hash(p, la->next);
        la->key[la->last % WN_AHEAD] = key;
        la->cand[la->last % WN_AHEAD] = SIZE_MAX;
        wn_prefetch(&whole->e[(size_t)key & whole->mask]);
        wn_prefetch(p->units[la->next].text);
        la->last++;
        la->next = wn_next_head(p, la->next);
    }
    size_t near = la->first + WN_NEAR, soon = la->first + WN_SOON;
    if (near < la->last) {
        size_t c = first_candidate(whole, la->key[near % WN_AHEAD]);
        la->cand[near % WN_AHEAD] = c;
        if (c != SIZE_MAX)
            wn_prefetch(&p->units[c]);
    }
    if (soon < la->last && la->cand[soon % WN_AHEAD] != SIZE_MAX)
        wn_prefetch(p->units[la->cand[soon % WN_AHEAD]].text);
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
    /* the tables are sized by the block heads, the units not joined to
     * the block before them (counted as they are joined: a pass over the
     * units to count them is, in a document too large for the caches, a
     * stream of every unit record); the table of prefixes only when some
     * unit ends in an ellipsis and may be a truncated copy to look up */
    size_t heads = p->nunits - p->njoined;
    int truncated = p->nellipsis != 0;
    table whole, prefix;
    whole.e = prefix.e = NULL;
    whole.mask = prefix.mask = 0;
    if (table_init(p, &whole, heads) || (truncated && table_init(p, &prefix, heads))) {
        table_free(p, &whole);
        table_free(p, &prefix);
        wn_fail_nomem(p);
        return;
    }
    lookahead la;
    lookahead_init(&la);
    int ahead = heads > WN_CACHED_HEADS; /* the same keys either way */
    for (size_t i = 0; i < p->nunits; i = wn_next_head(p, i)) {
        wn_unit *u = &p->units[i];
        uint64_t key;
        if (ahead) {
            lookahead_fill(p, &la, &whole);
            key = la.key[la.first % WN_AHEAD];
            la.first++;
        } else {
            key = block_hash(p, i);
        }
        /* a block whose key meets another text's is looked up under a key
         * of its whole text too, and filed under that one: texts alike
         * where keys look (written from one template) neither pile up in
         * one probing chain nor fall off its end */
        int met = 0;
        size_t of = find_same(p, &whole, key, i, &met);
        if (WN_UNLIKELY(met) && of == SIZE_MAX) {
            key = block_whole_key(p, i);
            of = find_same(p, &whole, key, i, &met);
        }
        if (of == SIZE_MAX && truncated) {
            size_t plen = truncated_prefix(u);
            if (plen)
                of = find_prefix(p, &prefix, u, plen, i);
        }
        if (of != SIZE_MAX) {
            mark_duplicate(p, i, of);
            continue;
        }
        table_put(&whole, key, i);
        if (truncated && u->len >= WN_PREFIX)
            table_put(&prefix, wn_hash(u->text, WN_PREFIX, 1), i);
    }
    table_free(p, &whole);
    table_free(p, &prefix);
}
