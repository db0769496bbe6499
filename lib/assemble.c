/*
 * assemble.c - the assembly stage: run the recognizers in order over the
 * units, then in one last pass ask the subhead recognizer of each head
 * still undecided, call whatever is left a paragraph, take datelines out
 * of paragraphs, and turn each block (a head unit plus the units joined to
 * it) into a wn_block of the document with its span and text.
 */
#include "recognizers/recognizers.h"

typedef void (*wn_stage)(wn_parser *p);

/* The order matters: an earlier recognizer's decision stands. The near
 * recognizers come first, then those that walk the whole document.
 * Subheads come last, in the pass that finishes the blocks
 * (wn_subhead_at()). */
static const wn_stage near_stages[] = {wn_rec_tweet, wn_rec_timestamp, wn_rec_noise, wn_rec_caption,
                                       wn_rec_related};
#define WN_NEAR_STAGES (sizeof near_stages / sizeof near_stages[0])
static const wn_stage stages[] = {
    wn_rec_byline, wn_rec_list, wn_rec_repeat, wn_rec_cards, wn_rec_headline, wn_rec_context,
};

/* How far each near recognizer stays behind the one before it: what one
 * reads or writes around a unit (WN_NEAR_BACK before it, WN_NEAR_AHEAD
 * after it) and one more. */
#define WN_NEAR_LAG (WN_NEAR_BACK + WN_NEAR_AHEAD + 1)

/* The near recognizers over the document, `window` units at a time: each
 * recognizer's turn at a window stops WN_NEAR_LAG units before the turn
 * of the one before it, so that each unit is seen exactly as when each
 * recognizer walks the whole document before the next one starts. Every
 * unit a recognizer reads or writes has been left by the recognizers
 * before it (they are ahead by more than it reaches forward plus what
 * they write ahead) and not yet reached by those after it (they are
 * behind by more than they write forward plus what it reads back). In a
 * document larger than the caches a window's unit records and texts stay
 * in the cache from one recognizer to the next instead of coming from
 * memory five times. An article of a few hundred units is one window. */
static void near_windows(wn_parser *p) {
    size_t n = p->nunits, window = p->window, done[WN_NEAR_STAGES] = {0};
    for (size_t end = 0; done[WN_NEAR_STAGES - 1] < n;) {
        end = n - end > window ? end + window : n + WN_NEAR_LAG * WN_NEAR_STAGES;
        for (size_t s = 0; s < WN_NEAR_STAGES; s++) {
            size_t lag = WN_NEAR_LAG * s;
            size_t to = end > lag ? end - lag : 0;
            if (to > n)
                to = n;
            if (to > done[s]) {
                p->near_from = done[s];
                p->near_to = to;
                near_stages[s](p);
                done[s] = to;
            }
        }
        if (wn_failed(p))
            return;
    }
}

/* The near recognizers, one after the other over the whole document when
 * it is one window (an article), else near_windows(). */
static void near_pass(wn_parser *p) {
    if (p->window && p->nunits > p->window) {
        near_windows(p);
        return;
    }
    p->near_from = 0;
    p->near_to = p->nunits;
    for (size_t s = 0; s < WN_NEAR_STAGES; s++)
        near_stages[s](p);
}

/* Text of all units of a block joined with `sep`, in the arena. */
static WN_ALWAYS_INLINE wn_sv joined_text(wn_parser *p, size_t first, size_t last, char sep) {
    if (first == last)
        return wn_sv_make(p->units[first].text, p->units[first].len);
    size_t total = 0;
    for (size_t k = first; k <= last; k++)
        total += p->units[k].len + 1;
    char *r = wn_arena_alloc_bytes(p->arena, total);
    if (!r)
        return wn_sv_make(NULL, 0);
    size_t o = 0;
    for (size_t k = first; k <= last; k++) {
        const wn_unit *u = &p->units[k];
        if (!u->len)
            continue;
        if (o)
            r[o++] = sep;
        memcpy(r + o, u->text, u->len);
        o += u->len;
    }
    r[o] = '\0';
    return wn_sv_make(r, o);
}

static void finish_block(wn_parser *p, size_t i, size_t last) {
    wn_block *b = &p->blocks[i];
    const wn_unit *u = &p->units[i];
    b->type = u->kind;
    b->start = u->start;
    b->end = p->units[last].end;
    if (b->type == WN_BLOCK_NOISE) {
        /* whatever a block was before it became noise, noise keeps all its
         * text (no wn_extra() comes after this: see its has_extra) */
        b->x = NULL;
        b->has_dateline = 0;
        b->text = joined_text(p, i, last, ' ');
        b->reason = u->reason ? u->reason : WN_REASON_BOILERPLATE;
        return;
    }
    b->reason = 0;
    if (b->type == WN_BLOCK_LIST || b->type == WN_BLOCK_RELATED) {
        b->text = wn_sv_make(NULL, 0);
        return;
    }
    if (!b->text.p)
        b->text = joined_text(p, i, last, b->type == WN_BLOCK_TWEET ? '\n' : ' ');
}

void wn_assemble(wn_parser *p, wn_doc *doc) {
    size_t n = p->nunits;
    /* one block per unit, owned by the document: compacted in place and
     * trimmed at the end. A small input's blocks (one with a work region)
     * go in the document's arena, whose first chunk has room for them,
     * instead of an allocation of their own; a large input's stay apart,
     * so that the trim gives their tail back. */
    size_t bytes = (n ? n : 1) * sizeof(wn_block);
    doc->blocks_in_arena = p->work.base != NULL;
    p->blocks = doc->blocks_in_arena ? wn_arena_alloc(p->arena, bytes) : wn_mem_alloc(p->al, bytes);
    if (!p->blocks) {
        wn_fail_nomem(p);
        return;
    }
    doc->blocks = p->blocks;
    memset(p->blocks, 0, bytes);
    near_pass(p);
    if (wn_failed(p))
        return;
    for (size_t s = 0; s < sizeof stages / sizeof stages[0]; s++) {
        stages[s](p);
        if (wn_failed(p))
            return;
    }
    /* then, block by block in one pass (each step reads and writes only
     * its own block): an undecided head may be a subhead (the last
     * recognizer, asked here instead of in a walk of its own), what is
     * still undecided is a paragraph, a paragraph gives up its dateline,
     * the block is finished, and its record moves down over the units
     * joined to the blocks before it */
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        /* the texts read here (a paragraph's dateline, the units of a
         * block joined into one text) are, in a document larger than the
         * caches, misses unless asked for ahead */
        wn_fetch_text_ahead(p, i);
        size_t next = wn_next_head(p, i);
        const wn_unit *u = &p->units[i];
        if (u->kind == 0 && !wn_subhead_at(p, i, next))
            wn_mark(p, i, WN_BLOCK_PARAGRAPH);
        if (u->kind == WN_BLOCK_PARAGRAPH && (u->feat & WN_UF_DATELINE) &&
            wn_dateline_take(p, i) != 0)
            return;
        finish_block(p, i, next - 1);
        if (wn_failed(p))
            return;
        if (k != i)
            doc->blocks[k] = p->blocks[i]; /* k < i: nothing unread is overwritten */
        const wn_block *b = &doc->blocks[k];
        switch (b->type) {
        case WN_BLOCK_HEADLINE:
            if (doc->i_headline == SIZE_MAX)
                doc->i_headline = k;
            break;
        case WN_BLOCK_DEK:
            if (doc->i_dek == SIZE_MAX)
                doc->i_dek = k;
            break;
        case WN_BLOCK_BYLINE:
            if (doc->i_byline == SIZE_MAX)
                doc->i_byline = k;
            break;
        case WN_BLOCK_TIMESTAMP:
            if (doc->i_timestamp == SIZE_MAX)
                doc->i_timestamp = k;
            break;
        case WN_BLOCK_PARAGRAPH:
            if (b->has_dateline && doc->i_dateline == SIZE_MAX)
                doc->i_dateline = k;
            break;
        default:
            break;
        }
        k++;
        i = next;
    }
    doc->nblocks = k;
    if (k < n && doc->blocks_in_arena) {
        wn_arena_shrink(p->arena, (char *)doc->blocks, bytes, (k ? k : 1) * sizeof(wn_block));
    } else if (k < n) {
        /* give back the tail; the blocks are reached by index from here on */
        wn_block *trimmed = wn_mem_realloc(p->al, doc->blocks, (k ? k : 1) * sizeof(wn_block));
        if (!trimmed) {
            wn_fail_nomem(p); /* every failed allocation fails the parse */
            return;
        }
        doc->blocks = p->blocks = trimmed;
    }
}
