/*
 * recognizers.h - the recognizers, one file per block type or cue, and the
 * helpers they share. assemble.c runs them in this order:
 *
 *   tweet.c      embedded posts: text lines + "— Name (@handle) Date"
 *   timestamp.c  publication and update times
 *   noise.c      separators, counters, share prompts, boilerplate lines
 *   caption.c    photo captions and credits
 *   related.c    "RELATED: ...", "Read more: ...", link groups
 *   byline.c     "By ...", "Reporting by ...", "... contributed to this report"
 *   list.c       bullet and numbered lists, summary highlights
 *   repeat.c     verbatim repeats (reason "duplicate"), hashed
 *   context.c    link cards ("Title / SLUG / Title"), then, after the
 *                headline: link groups, title runs, junk between junk
 *   headline.c   headline, dek and section kickers at the top
 *   subhead.c    headings inside the body
 *   dateline.c   "WASHINGTON (AP) —" at the start of paragraphs
 *
 * Each looks only at units still undecided (kind 0) unless it says
 * otherwise, so an earlier recognizer wins.
 */
#ifndef WN_RECOGNIZERS_H
#define WN_RECOGNIZERS_H

#include "../internal.h"

/* The near recognizers: each looks at the units from p->near_from to
 * p->near_to (exclusive) in order, and for unit i reads and writes no
 * unit before i - WN_NEAR_BACK or after i + WN_NEAR_AHEAD (a post above
 * its attribution line; a BBC credit and caption group of up to four
 * lines; a bare URL after a link). Nothing else of the parser's state
 * decides what they do: what they add to (the count of joined units, the
 * arena) is read only after them, and the text they fetch ahead is a
 * hint through a pointer no recognizer changes. assemble.c runs them
 * together over windows of the document on that promise
 * (tests/unit/test-near.c holds it to it): widen the bounds before a
 * recognizer here reaches further. */
#define WN_NEAR_BACK 1
#define WN_NEAR_AHEAD 3
void wn_rec_tweet(wn_parser *p);
void wn_rec_timestamp(wn_parser *p);
void wn_rec_noise(wn_parser *p);
void wn_rec_caption(wn_parser *p);
void wn_rec_related(wn_parser *p);
/* The recognizers that walk the whole document (the end of the story, a
 * table of every block, the front matter). */
void wn_rec_byline(wn_parser *p);
void wn_rec_list(wn_parser *p);
void wn_rec_repeat(wn_parser *p);
void wn_rec_cards(wn_parser *p);
void wn_rec_headline(wn_parser *p);
void wn_rec_context(wn_parser *p);
/* Make head i a subhead when it is one (1; 0 when not); `next` is the
 * head after it (wn_next_head(), which the caller has). Not a pass of its
 * own: the assembly pass asks it of each head in order, before the head
 * is finished, when every other recognizer has run. It reads the head
 * after i, which assembly has not reached, and the ending of the head
 * before it, which assembly does not change. */
int wn_subhead_at(wn_parser *p, size_t i, size_t next);
/* Take the dateline out of paragraph i, whose unit's features say it may
 * start with one (WN_UF_DATELINE): the block gets the place and agency and
 * its text starts after the dateline. 0, or -1 when memory ran out. */
int wn_dateline_take(wn_parser *p, size_t i);

/* Do the tables generated into tables.h (tables-gen.py) equal what the
 * word lists of noise.c, byline.c and related.c build at run time
 * (wn_phrases_init(), wn_lead_pairs_init())? For the tests. */
int wn_noise_tables_current(void);
int wn_byline_tables_current(void);
int wn_related_tables_current(void);

/* ---------------------------------------------------------------- helpers */

static inline int wn_free_unit(const wn_unit *u) {
    return u->kind == 0 && !u->join;
}

static inline void wn_prefetch(const void *a) {
#if defined(__GNUC__)
    __builtin_prefetch(a);
#else
    (void)a;
#endif
}

/* Ask for the text of the unit WN_TEXT_AHEAD after unit i < p->nunits,
 * for the passes that read the text of (nearly) every unit they walk: in a
 * document larger than the caches each text is a miss, and one asked for
 * this far ahead has arrived by the time the pass gets to it. Only a hint:
 * past the last unit the records are zeroed, and a prefetch of NULL does
 * nothing. */
static inline void wn_fetch_text_ahead(const wn_parser *p, size_t i) {
    wn_prefetch(p->units[i + WN_TEXT_AHEAD].text);
}

/* Index of the next block head after unit i < p->nunits (units joined to
 * a block are skipped), or p->nunits. Inline: every pass walks the heads
 * with it. */
static inline size_t wn_next_head(const wn_parser *p, size_t i) {
    size_t k = i + 1;
    while (p->units[k].join) /* units[nunits] is a sentinel: never joined */
        k++;
    return k;
}
/* Index of the block head before i, or SIZE_MAX. */
size_t wn_prev_head(const wn_parser *p, size_t i);

/* Decide unit i. Only the unit record: the block's type and reason are
 * copied from it when the blocks are assembled (finish_block), so the
 * block records are not touched while the passes run. */
static inline void wn_mark(wn_parser *p, size_t i, int kind) {
    p->units[i].kind = (uint8_t)kind;
}

static inline void wn_mark_noise(wn_parser *p, size_t i, int reason) {
    p->units[i].kind = WN_BLOCK_NOISE;
    p->units[i].reason = (uint8_t)reason;
}
/* Make unit j part of the block whose head is i (j > i). */
void wn_join(wn_parser *p, size_t i, size_t j);

/* A short line that reads as a title: no closing period, at most
 * `max_words` words (never more than WN_TITLE_MAX_WORDS), not starting
 * with a lower-case letter, one sentence. The tests that do not depend on
 * `max_words` are one feature bit (measured with the unit): the passes ask
 * this of nearly every unit. */
static inline int wn_title_like(const wn_unit *u, uint32_t max_words) {
    return (u->feat & WN_UF_TITLELIKE) && u->nwords <= max_words;
}

/* Copy [s, s+n) into the document arena (NUL-terminated); null on failure. */
wn_sv wn_keep(wn_parser *p, const char *s, size_t n);
/* The extra fields of block i for writing, made (all null) on first use;
 * NULL when memory ran out (the parse then fails). Whether they were made
 * is the unit's has_extra, not the block's pointer: a block's fields are
 * dropped only when the blocks are finished, after the last call. */
wn_block_extra *wn_extra(wn_parser *p, size_t i);

/* Does the text of u start with one of the lead-ins (case-insensitive,
 * whole words)? Returns the length matched, 0 when none does. */
size_t wn_lead_in(const char *s, size_t n, const char *const *leads);

/* Is the word a well-known news or photo agency ("AP", "Reuters", "Getty",
 * "AFP", ...)? */
int wn_is_agency(const char *s, size_t n);

/* The credit cues of a caption's tail t[0..tn), in one pass (caption.c):
 * 1 when it holds ':', '/', "Credit" or "Photo by"; otherwise 0, with the
 * offset of its last '.' in *dot (SIZE_MAX when it has none). */
int wn_tail_cues(const char *t, size_t tn, size_t *dot);

/* Make unit i a related block with no label whose title is its text
 * (without a list marker). */
void wn_related_bare(wn_parser *p, size_t i);

/* Number of words (space-separated) in [s, s+n), counted no further than
 * cap + 1: enough to test "more than cap words" without reading a long
 * line to its end. */
size_t wn_count_words_upto(const char *s, size_t n, size_t cap);

#endif /* WN_RECOGNIZERS_H */
