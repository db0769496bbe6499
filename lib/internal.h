/*
 * internal.h - types and helpers shared by the stages of the wirenews
 * pipeline. Not installed.
 *
 * The pipeline, one file per stage:
 *
 *   api.c         input: argument checks, options, the parse driver
 *   lines.c       bytes -> physical lines (LF, CRLF, CR), blank lines dropped
 *   wrap.c        hard-wrapped text: which lines continue the line before
 *   units.c       lines -> units (logical lines) with cleaned text + features
 *   clean.c       text cleaning (white space, UTF-8, NFC), used by units.c
 *   entities.c    HTML character references, used by clean.c
 *   recognizers/  one file per block type or cue, run in order by assemble.c
 *   assemble.c    runs the recognizers, then units -> blocks
 *   doc.c         the public accessors of a parsed document
 *   json.c        rendering: document -> JSON
 *
 * Shared services: mem.c (allocator, arena), lex.c (characters, words,
 * names of months and days), dates.c (date and time expressions),
 * urls.c (links in text), hash.c (hashing).
 */
#ifndef WN_INTERNAL_H
#define WN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "wirenews.h"

#if defined(__GNUC__)
#define WN_LIKELY(x) __builtin_expect(!!(x), 1)
#define WN_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* inlined even where the compiler would not: a small helper whose
 * arguments are constants at its call sites */
#define WN_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define WN_LIKELY(x) (x)
#define WN_UNLIKELY(x) (x)
#define WN_ALWAYS_INLINE inline
#endif

/* A borrowed string: pointer plus length. p == NULL means "null". */
typedef struct wn_sv {
    const char *p;
    size_t n;
} wn_sv;

static inline wn_sv wn_sv_make(const char *p, size_t n) {
    wn_sv s;
    s.p = p;
    s.n = n;
    return s;
}

/* ------------------------------------------------------------------ mem.c */

/* The default allocator (malloc/realloc/free). */
extern const wn_allocator wn_default_allocator;

void *wn_mem_alloc(const wn_allocator *al, size_t n);
void *wn_mem_realloc(const wn_allocator *al, void *p, size_t n);
void wn_mem_free(const wn_allocator *al, void *p);

/* A bump allocator made of chunks obtained from an allocator. All strings
 * and arrays of a document live in its arena and go away together. */
typedef struct wn_chunk wn_chunk;
typedef struct wn_arena {
    const wn_allocator *al;
    wn_chunk *chunks;
    char *cur;
    char *lim;
    size_t next_size;
    size_t expect; /* see wn_arena_expect(); 0: none */
    int failed;    /* an allocation failed: the parse must end with WN_ERR_NOMEM */
} wn_arena;

void wn_arena_init(wn_arena *ar, const wn_allocator *al);
void wn_arena_release(wn_arena *ar);
/* The arena will hold about n bytes: its first chunk is made that large (or
 * as large as the first request, if that is more) when it is more than a
 * first chunk would be. A document whose size is known up front then fits
 * in one chunk instead of a doubling series whose last chunk is mostly
 * unused. Allocates nothing by itself. */
void wn_arena_expect(wn_arena *ar, size_t n);
/* n bytes aligned for any object, or NULL (and ar->failed set). */
void *wn_arena_alloc(wn_arena *ar, size_t n);
/* n bytes without alignment (for text), or NULL (and ar->failed set). */
char *wn_arena_alloc_bytes(wn_arena *ar, size_t n);
/* Bytes the arena can hand out before it needs a new chunk. */
static inline size_t wn_arena_room(const wn_arena *ar) {
    return ar->cur ? (size_t)(ar->lim - ar->cur) : 0;
}
/* Give back the tail of the most recent byte allocation p of `had` bytes,
 * keeping `keep` bytes. A no-op when p was not the last allocation. */
void wn_arena_shrink(wn_arena *ar, char *p, size_t had, size_t keep);
/* Copy of [p, p+n) with a NUL after it, or NULL. */
char *wn_arena_strndup(wn_arena *ar, const char *p, size_t n);
/* wn_sv copy of [p, p+n) (NUL-terminated), or a null wn_sv on failure. */
wn_sv wn_arena_sv(wn_arena *ar, const char *p, size_t n);

/* Memory handed to the caller, released by wn_free() through the allocator
 * recorded in front of it. NULL on failure. (api.c) */
void *wn_owned_alloc(const wn_allocator *al, size_t n);
/* Grow or shrink such memory (ptr may be NULL); NULL on failure, ptr intact. */
void *wn_owned_realloc(const wn_allocator *al, void *ptr, size_t n);

/* A growable byte buffer on an allocator (scratch space, rendering). */
typedef struct wn_buf {
    const wn_allocator *al;
    char *p;
    size_t n;
    size_t cap;
    int failed;
} wn_buf;

void wn_buf_init(wn_buf *b, const wn_allocator *al);
void wn_buf_release(wn_buf *b);
/* Make room for `extra` more bytes; 0 on success, -1 (and b->failed) on failure. */
int wn_buf_reserve(wn_buf *b, size_t extra);
void wn_buf_put(wn_buf *b, const char *p, size_t n);

/* The work region: a parse's temporary arrays (its lines, its units, the
 * repeat tables), which die with the parse, carved from one allocation
 * made up front when the input is small. A 5 KB article otherwise makes
 * five or six allocations of a few kilobytes each (too large for the C
 * library's fast per-thread caches), and their malloc and free were more
 * time than any stage but the line split, the cleaner and the units'
 * measures. An array that does not fit comes from the allocator as
 * before, and so does every array of a large input (no region), each
 * given back as soon as it is done with, which keeps a large input's peak
 * where it was. */
typedef struct wn_work {
    char *base, *cur, *lim; /* the region; all NULL when there is none */
    char *last;             /* the latest array carved, which can grow in place */
} wn_work;

/* A region of n bytes; -1 when it cannot be had (w is then without one). */
int wn_work_init(wn_work *w, const wn_allocator *al, size_t n);
void wn_work_release(wn_work *w, const wn_allocator *al);
/* n bytes aligned to 64 (a cache line) in the region, else from the
 * allocator; NULL on failure. */
void *wn_work_alloc(wn_work *w, const wn_allocator *al, size_t n);
/* Grow (or shrink) p, of `had` bytes, to n bytes, in place when it is the
 * latest array of the region and the room is there; NULL on failure, p
 * intact. */
void *wn_work_realloc(wn_work *w, const wn_allocator *al, void *p, size_t had, size_t n);
/* Give p back to the allocator when it came from there (a region's
 * arrays go when the region does). */
void wn_work_free(wn_work *w, const wn_allocator *al, void *p);

/* ------------------------------------------------------------------ document */

/* Noise reasons (stored in wn_block.reason). */
enum {
    WN_REASON_NONE = 0,
    WN_REASON_DUPLICATE,
    WN_REASON_COUNTER,
    WN_REASON_SHARE,
    WN_REASON_BOILERPLATE,
    WN_REASON_SEPARATOR
};

/* Slots of wn_block.f[] by block type. */
enum {
    /* tweet */
    WN_F_AUTHOR = 0,
    WN_F_HANDLE = 1,
    WN_F_DATE = 2,
    WN_F_ATTRIBUTION = 3,
    /* related */
    WN_F_LABEL = 0,
    WN_F_TITLE = 1,
    WN_F_URL = 2,
    /* caption */
    WN_F_CREDIT = 0,
    /* timestamp */
    WN_F_VALUE = 0,
    /* paragraph */
    WN_F_PLACE = 0,
    WN_F_AGENCY = 1
};

#define WN_NFIELDS 4

/* The fields beyond the text, which most blocks (plain paragraphs) do not
 * have: kept apart so that a block costs 48 bytes, not 120. */
typedef struct wn_block_extra {
    wn_sv f[WN_NFIELDS];
    wn_sv *arr; /* tweet links, byline authors, list items */
    size_t narr;
} wn_block_extra;

struct wn_block {
    uint8_t type;    /* WN_BLOCK_* */
    uint8_t reason;  /* WN_REASON_* for noise */
    uint8_t ordered; /* list: numbered */
    uint8_t has_dateline;
    size_t start, end; /* span in the input */
    wn_sv text;        /* cleaned text (null for list and related) */
    wn_block_extra *x; /* NULL: every field null, no array */
};

/* The extra fields of a block for reading: all null when it has none. */
extern const wn_block_extra wn_no_extra;
static inline const wn_block_extra *wn_extra_of(const wn_block *b) {
    return b->x ? b->x : &wn_no_extra;
}

struct wn_doc {
    wn_allocator al; /* the allocator everything below came from */
    wn_arena arena;
    wn_block *blocks;
    int blocks_in_arena; /* blocks lie in the arena, not in an allocation of their own */
    size_t nblocks;
    size_t input_size;
    /* first block of each kind the top level reports, or SIZE_MAX */
    size_t i_headline, i_dek, i_byline, i_timestamp, i_dateline;
};

/* ------------------------------------------------------------------ lines.c */

/* Flags of a physical line's content. */
enum {
    WN_LF_HIGH = 1u << 0,    /* bytes >= 0x80 */
    WN_LF_CTRL = 1u << 1,    /* control bytes, tabs, DEL */
    WN_LF_AMP = 1u << 2,     /* '&' (maybe a character reference) */
    WN_LF_DSPACE = 1u << 3,  /* two spaces in a row */
    WN_LF_CONT = 1u << 4,    /* continues the line before (wrap.c) */
    WN_LF_MIDBREAK = 1u << 5 /* the break before is plainly mid-sentence (lines.c) */
};

/* A physical line that is not blank. Offsets are into the input. */
typedef struct wn_line {
    size_t start, end; /* content without leading and trailing white space */
    uint32_t indent;   /* columns of leading white space (tab stops of 8) */
    uint32_t blanks;   /* blank lines between this line and the previous one */
    uint32_t flags;    /* WN_LF_* */
    uint32_t width;    /* code points of content, saturating */
} wn_line;

/* ------------------------------------------------------------------ units */

/* Features of a unit's cleaned text (wn_unit.feat). */
enum {
    WN_UF_CAPS = 1u << 0, /* letters are all upper case (at least two) */
    /* 1u << 1: free (Title Case is asked for with wn_title_case()) */
    /* 1u << 2: free (a link inside the text is asked for with wn_unit_has_url()) */
    WN_UF_URLONLY = 1u << 3,    /* the whole text is one link */
    WN_UF_LOWER0 = 1u << 4,     /* starts with a lower-case letter */
    WN_UF_UPPER0 = 1u << 5,     /* starts with an upper-case letter */
    WN_UF_DIGIT0 = 1u << 6,     /* starts with a digit */
    WN_UF_QUOTE0 = 1u << 7,     /* starts with a quotation mark */
    WN_UF_NOALNUM = 1u << 8,    /* no letter and no digit at all */
    WN_UF_DATELINE = 1u << 9,   /* opens with a dateline */
    WN_UF_SENTENCES = 1u << 10, /* more than one sentence (measured on title candidates) */
    WN_UF_GARBLED = 1u << 11,   /* much of it replacement characters (bytes not UTF-8) */
    WN_UF_ELLIPSIS = 1u << 12,  /* the text ends in "..." or an ellipsis character */
    WN_UF_NODIGIT = 1u << 13,   /* no ASCII digit at all (measured on short units only) */
    /* what wn_title_like() asks of every title, decided once when the
     * unit is measured: 1..WN_TITLE_MAX_WORDS words, not ending in a
     * period, a colon or other punctuation (WN_END_OTHERPUNCT), none of
     * LOWER0, NOALNUM, URLONLY, SENTENCES, GARBLED */
    WN_UF_TITLELIKE = 1u << 14
};
/* No title has more words: wn_title_like() turns longer units away, and
 * the features only it reads are measured up to this many words. */
#define WN_TITLE_MAX_WORDS 25

/* Last significant character of a unit (wn_unit.endc), closing quotes and
 * brackets skipped. */
enum {
    WN_END_NONE = 0,
    WN_END_PERIOD, /* . or an ellipsis */
    WN_END_QUESTION,
    WN_END_EXCLAIM,
    WN_END_COLON,
    WN_END_OTHERPUNCT, /* , ; - and the like */
    WN_END_WORD        /* letter, digit or symbol */
};

#define WN_NO_UNIT UINT32_MAX

/* A unit is a logical line: one physical line, or the lines of one
 * hard-wrapped paragraph. Recognizers classify units; a block is a unit
 * plus the units that join it. */
typedef struct wn_unit {
    size_t start, end; /* span in the input: its first line's start to its last line's end */
    char *text;        /* cleaned text, NUL-terminated, in the doc arena */
    size_t len;
    uint64_t hash;   /* wn_hash_key() of text (whole: see wn_keyed_hashes()) */
    uint32_t nwords; /* words, saturating at 0xFFFF for long text */
    uint32_t dup_of; /* earlier block with the same text, or WN_NO_UNIT */
    uint16_t feat;   /* WN_UF_* */
    /* kind and join side by side: wn_free_unit() tests both at once */
    uint8_t kind;          /* WN_BLOCK_* decided so far, 0 = undecided */
    uint8_t join;          /* 1: part of the block of the unit before */
    uint8_t endc;          /* WN_END_* */
    uint8_t reason;        /* WN_REASON_* when kind is noise */
    uint8_t bullet;        /* bytes of a leading list marker and its space */
    uint8_t ordered;       /* the marker is a number */
    uint8_t has_later_dup; /* a later block repeats this one */
    uint8_t has_extra;     /* the block's extra fields were made (wn_extra()) */
} wn_unit;

/* ------------------------------------------------------------------ parser */

/* The zeroed unit records after the last one: wn_next_head() stops at the
 * first (it is never joined), and the passes that fetch a text
 * WN_TEXT_AHEAD units ahead need not test that the unit exists. */
#define WN_TEXT_AHEAD 12
#define WN_UNITS_PAD WN_TEXT_AHEAD

typedef struct wn_parser {
    const char *in; /* the input as given */
    size_t len;
    unsigned flags; /* WN_OPT_* */
    const wn_allocator *al;
    wn_arena *arena; /* the document's arena: everything that outlives the parse */
    wn_buf scratch;  /* temporary text */
    wn_work work;    /* where lines, units and the repeat tables go (small inputs) */
    wn_line *lines;  /* non-blank physical lines */
    size_t nlines;
    size_t ncont;     /* lines that continue the line before (WN_LF_CONT) */
    size_t nmidbreak; /* lines with WN_LF_MIDBREAK */
    wn_unit *units;   /* nunits records, then WN_UNITS_PAD zeroed ones */
    size_t nunits;
    size_t nellipsis;          /* units whose text ends in "..." (WN_UF_ELLIPSIS) */
    size_t njoined;            /* units joined to the block before them (wn_join) */
    wn_block *blocks;          /* one per unit; compacted into the document at the end */
    size_t window;             /* units the near recognizers take at a time (0: all) */
    size_t near_from, near_to; /* the units a near recognizer looks at now */
    int status;                /* WN_OK until something fails */
} wn_parser;

/* The units the near recognizers take at a time in wn_parse() (see
 * assemble.c): about two megabytes of text and unit records, which stay
 * in the cache from one recognizer to the next. */
#define WN_NEAR_WINDOW 8192
/* wn_parse() with the near recognizers taking `window` units at a time (0:
 * the whole document at once). The result is the same for every window;
 * the tests hold it to that. */
int wn_parse_window(const char *data, size_t len, const wn_options *opts, size_t window,
                    wn_doc **out);

/* Are the units' texts hashed by their keys (wn_hash_key()) rather than
 * whole? In an input of up to WN_KEYED_INPUT bytes, where the texts stay in
 * the caches: the few blocks whose keys meet another text's are hashed
 * whole when repeat detection finds that (repeat.c). A larger input has
 * every text hashed whole while it is measured and in the cache: hashing
 * and comparing later read the texts back from memory, and text written
 * from templates has many long lines alike where keys look. */
#define WN_KEYED_INPUT ((size_t)1 << 20)
static inline int wn_keyed_hashes(const wn_parser *p) {
    return p->len <= WN_KEYED_INPUT;
}

/* Record an out-of-memory failure; returns the status. */
int wn_fail_nomem(wn_parser *p);
/* True when the parse has failed and stages must stop. */
static inline int wn_failed(const wn_parser *p) {
    return p->status != WN_OK || p->arena->failed || p->scratch.failed;
}

/* The name of a WN_BLOCK_* type with its length ({NULL, 0} for none):
 * what wn_block_type_name() returns. Each name lies in a slot of
 * WN_TYPE_SLOT bytes (zeros after it), so a copy of that many bytes from
 * its start stays inside the slot. (doc.c) */
#define WN_TYPE_SLOT 16
wn_sv wn_type_name_sv(int type);

/* Stages. Each returns nothing; failures are recorded in p->status. */
void wn_lines_split(wn_parser *p);
void wn_wrap_detect(wn_parser *p);
void wn_units_build(wn_parser *p);
/* Does the unit's text (after a list marker) hold a link? Only short text
 * and one-word lines are looked at. Not a feature measured for every unit:
 * the few recognizers that turn a line with a link away ask last, when the
 * rest of their test has passed. */
int wn_unit_has_url(const wn_unit *u);
/* Is the unit in Title Case: a capital first, no full stop at the end, at
 * least two significant words after the first (not the small words Title
 * Case leaves lower) and three of them capitalised (or a number) to each
 * other one? Units of up to 256 bytes (WN_FEATURE_SPAN) only. A few
 * recognizers ask it of a few units (short lines, runs of titles), so it
 * is measured when asked, one step per word, not with every unit. */
int wn_title_case(const wn_unit *u);
/* Run the recognizers and move the blocks into the document. */
void wn_assemble(wn_parser *p, wn_doc *doc);

/* Length of a dateline opening s ("WASHINGTON (AP) — "), 0 if none; place
 * and agency (null when absent) point into s. (recognizers/dateline.c) */
size_t wn_dateline_parse(const char *s, size_t n, wn_sv *place, wn_sv *agency);

/* ------------------------------------------------------------------ clean.c */

/* Clean the bytes of lines [first, last] (joined by one space) into
 * p->scratch, then copy the result into the arena. Returns the cleaned text
 * (NUL-terminated) and its length through *len, or NULL on failure. *as_is
 * is set when the lines were copied as they are: every byte beyond ASCII in
 * the text is then part of news punctuation, U+2010..U+2027. */
char *wn_clean_lines(wn_parser *p, size_t first, size_t last, size_t *len, int *as_is);

/* Decode one character reference at s[0] == '&' (n bytes available).
 * On success stores up to two code points in cp[] (count in *ncp) and
 * returns the bytes consumed; returns 0 when s does not start one. */
size_t wn_entity_decode(const char *s, size_t n, uint32_t cp[2], int *ncp);

/* ------------------------------------------------------------------ lex.c */

/* Decode the code point at s[*i] of valid UTF-8 and advance *i. */
uint32_t wn_u8_next_slow(const char *s, size_t n, size_t *i);
static inline uint32_t wn_u8_next(const char *s, size_t n, size_t *i) {
    unsigned char c = (unsigned char)s[*i];
    if (WN_LIKELY(c < 0x80)) {
        (*i)++;
        return c;
    }
    return wn_u8_next_slow(s, n, i);
}
/* Decode the code point that ends just before s[*i] and move *i to its start. */
uint32_t wn_u8_prev(const char *s, size_t *i);
/* Encode cp as UTF-8 into out (4 bytes room); returns the byte count. */
size_t wn_u8_encode(uint32_t cp, char *out);

int wn_is_upper_slow(uint32_t cp);
int wn_is_lower_slow(uint32_t cp);
int wn_is_alpha_slow(uint32_t cp);
/* Character classes: ASCII inline, the rest through utf8proc. */
static inline int wn_is_upper(uint32_t cp) {
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : wn_is_upper_slow(cp);
}
static inline int wn_is_lower(uint32_t cp) {
    return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : wn_is_lower_slow(cp);
}
static inline int wn_is_alpha(uint32_t cp) {
    return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : wn_is_alpha_slow(cp);
}
static inline int wn_is_digit(uint32_t cp) {
    return cp >= '0' && cp <= '9';
}
static inline int wn_is_alnum(uint32_t cp) {
    return wn_is_digit(cp) || wn_is_alpha(cp);
}
/* - – — ― and the minus sign (inline: asked of each character of some
 * tests) */
static inline int wn_is_dash(uint32_t cp) {
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}
/* " ' “ ” ‘ ’ « » „ */
int wn_is_quote(uint32_t cp);
/* ) ] } and closing quotes */
int wn_is_closer(uint32_t cp);
/* wn_is_closer() for an ASCII byte (c < 0x80), inline: ) ] } " ' */
static inline int wn_is_closer_ascii(unsigned c) {
    return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'';
}

/* ASCII case-insensitive: does s start with lit? Returns strlen(lit) or 0. */
size_t wn_ci_prefix(const char *s, size_t n, const char *lit);
/* ASCII case-insensitive equality of s and lit. */
int wn_ci_eq(const char *s, size_t n, const char *lit);
/* Does s equal (case-insensitively) one of the NULL-terminated list? */
int wn_ci_in(const char *s, size_t n, const char *const *list);
/* Find lit[0..m) in s (case-sensitive); returns its offset or SIZE_MAX. */
size_t wn_find_n(const char *s, size_t n, const char *lit, size_t m);
/* The same for a NUL-terminated lit. Inline, so that the length of a
 * literal is known when compiling and a one-byte lit is a memchr(). */
static inline size_t wn_find(const char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (m == 1) {
        const char *h = n ? memchr(s, lit[0], n) : NULL;
        return h ? (size_t)(h - s) : SIZE_MAX;
    }
    return wn_find_n(s, n, lit, m);
}
/* How many bytes of s equal a (returned) and how many equal b (in *nb), in
 * one pass; how many are 0x80 or above. Sixteen bytes at a time with SSE2
 * (per-lane counters summed every 255 blocks; wn_count_two() sums every
 * 254 and reads the bytes after the last whole block as one more block
 * that ends at n), eight with 64-bit words elsewhere. */
size_t wn_count_two(const char *s, size_t n, unsigned char a, unsigned char b, size_t *nb);
size_t wn_count_high(const char *s, size_t n);
/* Where the bytes b[0..3] occur in s[0..n), n <= 64: bit k of m[j] is set
 * when s[k] == b[j]. One pass, sixteen bytes at a time with SSE2; no byte
 * beyond s + n is read. */
void wn_byte_masks(const char *s, size_t n, const unsigned char b[4], uint64_t m[4]);
/* Does s[0..n) hold a, b or c? One pass over a short span, sixteen bytes
 * at a time with SSE2, stopping at the first block that has one; cheaper
 * than three memchr() calls when the bytes are rare. */
int wn_any_of3(const char *s, size_t n, unsigned char a, unsigned char b, unsigned char c);
/* ASCII case-insensitive search for the NUL-terminated lit, given its
 * length m. */
size_t wn_ci_find_n(const char *s, size_t n, const char *lit, size_t m);
/* The same, with strlen(lit) as m. Inline, so that the length of a
 * literal is known when compiling. */
static inline size_t wn_ci_find(const char *s, size_t n, const char *lit) {
    return wn_ci_find_n(s, n, lit, strlen(lit));
}
/* The same, only in the last `window` bytes (cues that end a line);
 * returns the offset in s or SIZE_MAX. */
static inline size_t wn_ci_find_tail(const char *s, size_t n, size_t window, const char *lit) {
    size_t from = n > window ? n - window : 0;
    size_t k = wn_ci_find(s + from, n - from, lit);
    return k == SIZE_MAX ? k : from + k;
}
/* A set of phrases (compared ASCII case-insensitively) to look for at the
 * word starts of a text. A phrase of WN_PHRASE_KEY bytes or more is found
 * through its first eight bytes with bit 0x20 set in each (which folds the
 * case of letters and keeps every pair of bytes equal case-insensitively
 * equal): one load, an OR, a hash and a byte load a word, and a comparison
 * only when some key has that hash (a few words in a hundred). Shorter
 * phrases are compared at every word. Built by wn_phrases_init(), or for
 * the library's own lists when compiling (recognizers/tables.h, written by
 * recognizers/tables-gen.py with the same folding, hash and order). */
#define WN_MAX_PHRASES 200
#define WN_PHRASE_KEY 8
#define WN_PHRASE_HASH_BITS 10
#define WN_PHRASE_SLOTS (1u << WN_PHRASE_HASH_BITS)
/* A finer hash of the same product (the slot's is its top bits) marks the
 * keys in a bit table, which rules out nearly all words without a branch. */
#define WN_PHRASE_FILTER_BITS 13
/* Where the processor has AVX2, 32 word starts at a time are first tested
 * by the low halves of their first WN_PHRASE_NIB bytes, each looked up in
 * a table of 16 bytes: bit b of entry x of table k says that a key of
 * bucket b (the low three bits of its second byte) has x as the low half
 * of its byte k. Only a word for which some bucket has all its halves is
 * looked up by its key (about one word start in two hundred). */
#define WN_PHRASE_NIB 6
#define WN_PHRASE_BUCKET(key) (((key) >> 8) & 7u)
typedef struct wn_phrases {
    const char *const *list;
    uint64_t filter[(1u << WN_PHRASE_FILTER_BITS) / 64]; /* a bit per key's finer hash */
    uint8_t nib[WN_PHRASE_NIB][16];                      /* [byte][its low half]: buckets */
    uint8_t slot[WN_PHRASE_SLOTS];   /* 1 + the first key of each hash, 0: none */
    uint8_t next[WN_MAX_PHRASES];    /* 1 + the next key of the same hash, 0: none */
    uint64_t key[WN_MAX_PHRASES];    /* first eight bytes, folded */
    uint8_t idx[WN_MAX_PHRASES];     /* the phrase of each key */
    uint8_t shorter[WN_MAX_PHRASES]; /* the phrases without a key */
    uint8_t nkeys, nshort;
} wn_phrases;
void wn_phrases_init(wn_phrases *set, const char *const *phrases);
/* Do two sets hold the same tables (a generated one against one built)? */
int wn_phrases_equal(const wn_phrases *a, const wn_phrases *b);
/* Does a phrase of the set start at a word start of s? */
int wn_phrases_find(const wn_phrases *set, const char *s, size_t n);
/* Is s (ASCII case-insensitively) in a list of non-empty lower-case
 * strings sorted by byte value? Bisection over `keys`, the first two bytes
 * of each entry as wn_sorted_keys() makes them: one small array, where the
 * entries themselves would cost a load through a pointer at every step. */
int wn_sorted_in(const char *s, size_t n, const char *const *list, const uint16_t *keys,
                 size_t count);
/* The keys of a sorted list: the first byte of each entry, then its second
 * (0 after a one-byte entry). */
void wn_sorted_keys(const char *const *list, size_t count, uint16_t *keys);
/* The same for a sorted array (no NULL at its end) in scope, whose keys are
 * in scope as list_keys (WN_SORTED_KEYS). */
#define WN_SORTED_IN(s, n, list)                                                                   \
    wn_sorted_in((s), (n), (list), list##_keys, sizeof(list) / sizeof((list)[0]))
/* Define list_keys from KEYS, the initializer tables-gen.py writes into
 * recognizers/tables.h from the list (the test "generated-tables" fails
 * while it is out of date; a list whose length changed fails to compile).
 * A new list looked up so goes into SORTED_LISTS in tables-gen.py. */
#define WN_SORTED_KEYS(list, KEYS)                                                                 \
    static const uint16_t list##_keys[] = KEYS;                                                    \
    _Static_assert(sizeof(list##_keys) / sizeof(list##_keys[0]) ==                                 \
                       sizeof(list) / sizeof((list)[0]),                                           \
                   #list ": run lib/recognizers/tables-gen.py")
/* Does s start with an entry of such a list, followed by the end of s or
 * by a byte that is not an ASCII letter or digit? Returns the entry's
 * length or 0. No entry of the list may be a prefix of another: then the
 * only candidate is the last entry that sorts at or before s, found by
 * bisection. */
size_t wn_sorted_lead_in(const char *s, size_t n, const char *const *list, size_t count);
#define WN_SORTED_LEAD_IN(s, n, list)                                                              \
    wn_sorted_lead_in((s), (n), (list), sizeof(list) / sizeof((list)[0]))

/* The first two letters of the entries of such a list, for turning away
 * at once a text that can start with none of them: `second[a]` holds a bit
 * for each second letter of the entries whose first letter is a (bit 0:
 * 'a'). `any`: some entry does not start with two letters, so every text
 * may start with one. Built by wn_lead_pairs_init(), or when compiling
 * (recognizers/tables.h). */
typedef struct wn_lead_pairs {
    uint32_t second[26];
    int any;
} wn_lead_pairs;
void wn_lead_pairs_init(wn_lead_pairs *lp, const char *const *list, size_t count);
int wn_lead_pairs_equal(const wn_lead_pairs *a, const wn_lead_pairs *b);
#define WN_LEAD_PAIRS_INIT(lp, list)                                                               \
    wn_lead_pairs_init((lp), (list), sizeof(list) / sizeof((list)[0]))
/* May s start (ASCII case-insensitively) with an entry of the list? */
static inline int wn_lead_pairs_may(const wn_lead_pairs *lp, const char *s, size_t n) {
    if (lp->any)
        return 1;
    if (n < 2)
        return 0;
    unsigned a = ((unsigned char)s[0] | 0x20u) - 'a', b = ((unsigned char)s[1] | 0x20u) - 'a';
    return a < 26 && b < 26 && ((lp->second[a] >> b) & 1u);
}

/* Eight bytes at a time ("SIMD within a register"). */
#define WN_ONES 0x0101010101010101ull
#define WN_HIGHS 0x8080808080808080ull

/* 0x80 in every byte of w that equals b (exact: no false positives). */
static inline uint64_t wn_swar_eq(uint64_t w, unsigned b) {
    uint64_t t = w ^ (WN_ONES * b);
    return ~(((t & ~WN_HIGHS) + ~WN_HIGHS) | t) & WN_HIGHS;
}

/* 0x80 in every byte of w that is an ASCII byte below b (b <= 0x80). */
static inline uint64_t wn_swar_below(uint64_t w, unsigned b) {
    uint64_t low = w & ~WN_HIGHS;
    return ~(low + WN_ONES * (0x80u - b)) & ~w & WN_HIGHS;
}

/* How many bytes of a WN_HIGHS-only mask are set. */
static inline size_t wn_swar_count(uint64_t mask) {
    return (size_t)(((mask >> 7) * WN_ONES) >> 56);
}

static inline uint64_t wn_load64(const void *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Index (0-7) in memory order of the first byte flagged in a non-zero
 * WN_HIGHS-style mask of eight bytes loaded with wn_load64(). */
static inline size_t wn_swar_first(uint64_t mask) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)(__builtin_ctzll(mask) >> 3);
#else
    unsigned char b[8];
    memcpy(b, &mask, 8);
    size_t k = 0;
    while (!b[k])
        k++;
    return k;
#endif
}

/* Index (0-7) in memory order of the last byte flagged in such a mask. */
static inline size_t wn_swar_last(uint64_t mask) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)((63 - __builtin_clzll(mask)) >> 3);
#else
    unsigned char b[8];
    memcpy(b, &mask, 8);
    size_t k = 7;
    while (!b[k])
        k--;
    return k;
#endif
}

/* Offset of the last byte c in s[0..n), or SIZE_MAX. Eight bytes at a time
 * from the end. */
static inline size_t wn_last_byte(const char *s, size_t n, unsigned char c) {
    size_t k = n;
    for (; k >= 8; k -= 8) {
        uint64_t t = wn_swar_eq(wn_load64(s + k - 8), c);
        if (t)
            return k - 8 + wn_swar_last(t);
    }
    while (k > 0 && (unsigned char)s[k - 1] != c)
        k--;
    return k ? k - 1 : SIZE_MAX;
}

#if defined(__SSE2__)
/* The lanes from `done` on (0 <= done <= 16) all ones, the others zero: for
 * the last 16 bytes of a text, read as one more block that overlaps the
 * `done` bytes counted already. One block in place of a loop over the few
 * bytes left, whose number is a coin toss to the branch predictor. */
static inline __m128i wn_lanes_from(size_t done) {
    const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return _mm_cmpgt_epi8(index, _mm_set1_epi8((char)((int)done - 1)));
}
#endif

/* AVX2 code beside the SSE2 baseline: a few scans have a second body in a
 * function with __attribute__((target("avx2"))), taken per call when
 * wn_have_avx2() says the processor (and the system, which must save the
 * wide registers) has it; the library itself is built for plain x86-64
 * (64-bit only: the AVX2 bodies read 64-bit lanes into registers).
 * Defining WN_NO_AVX2 leaves them out (tests/run-all builds the library so
 * to test the SSE2 bodies on a processor that has AVX2). */
#if defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) &&       \
    !defined(WN_NO_AVX2)
#define WN_HAVE_AVX2_TARGET 1
#include <immintrin.h>
static inline int wn_have_avx2(void) {
    return __builtin_cpu_supports("avx2");
}
#else
#define WN_HAVE_AVX2_TARGET 0
#endif

/* Offset of the next space in s at or after i, or n. Sixteen bytes at a
 * time with SSE2, eight without: words are short and a call to memchr per
 * word costs more than the word. Sixteen take nearly every word in one
 * step, where eight leave the branch to the length of the word. */
static inline size_t wn_next_space(const char *s, size_t i, size_t n) {
#if defined(__SSE2__)
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t t = wn_swar_eq(wn_load64(s + i), ' ');
        if (t)
            return i + wn_swar_first(t);
        i += 8;
    }
    while (i < n && s[i] != ' ')
        i++;
    return i;
}

/* Words are separated by single spaces in cleaned text. */
typedef struct wn_word {
    const char *p;
    size_t n;
} wn_word;
/* Next word at or after *pos; returns 0 at the end. */
int wn_next_word(const char *s, size_t n, size_t *pos, wn_word *w);
/* A byte in ASCII lower case (the 26 capitals folded, every other byte as
 * it is): one load where a range test and a select took four
 * instructions, on every byte a case-insensitive comparison reads. */
extern const unsigned char wn_lower_table[256];
static inline unsigned char wn_lower_ascii(unsigned char c) {
    return wn_lower_table[c];
}
/* An ASCII letter or digit: never punctuation, and never part of a
 * multi-byte character. */
static inline int wn_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z');
}
/* wn_word_core() of a word that does not start and end with an ASCII
 * letter or digit. */
wn_word wn_word_core_strip(wn_word w);
/* Word with leading/trailing punctuation (quotes, brackets, commas, ...)
 * removed. Inline: most words start and end with a letter or a digit,
 * and have nothing to strip. */
static inline wn_word wn_word_core(wn_word w) {
    if (w.n && wn_ascii_alnum((unsigned char)w.p[0]) && wn_ascii_alnum((unsigned char)w.p[w.n - 1]))
        return w;
    return wn_word_core_strip(w);
}
/* Does the word start with an upper-case letter (or a digit when digit_ok)? */
int wn_word_capitalized(wn_word w, int digit_ok);

/* Month name or abbreviation ("March", "Mar", "Mar.", "Sept.") -> 1..12, else 0. */
int wn_month(const char *s, size_t n);
/* Day name or abbreviation -> 1..7, else 0. */
int wn_weekday(const char *s, size_t n);

/* Trim ASCII spaces from both ends of [*s, *s+*n). Inline: most texts
 * have none, and a call would cost more than the two tests. */
static inline void wn_trim(const char **s, size_t *n) {
    while (*n && (*s)[0] == ' ') {
        (*s)++;
        (*n)--;
    }
    while (*n && (*s)[*n - 1] == ' ')
        (*n)--;
}

/* ------------------------------------------------------------------ dates.c */

typedef struct wn_when {
    int year, month, day;     /* 0 when absent */
    int hour, minute, second; /* hour < 0 when absent; second < 0 when absent */
    char tz[7];               /* "+01:00" / "Z" from ISO text, else "" */
} wn_when;

/* If the whole of s is a date/time statement ("Monday, November 18, 2019,
 * 04:05 pm PT", "Updated at 1:23 p.m.", "2019-11-19T08:57:40+01:00"),
 * fill *w and return 1. */
int wn_parse_timestamp_line(const char *s, size_t n, wn_when *w);
/* Parse a calendar date at the start of s ("March 18, 2025", "18 March 2025",
 * "Mar. 18, 2025", "2025-03-18"). Returns bytes consumed or 0. */
size_t wn_parse_date(const char *s, size_t n, wn_when *w);
/* ISO 8601 text for w into out (at least 32 bytes): date, or date and time.
 * Returns the length, 0 when w has no full date. */
size_t wn_when_iso(const wn_when *w, int with_time, char *out);

/* ------------------------------------------------------------------ urls.c */

/* Find the next link in s at or after *pos: sets [*start, *end) and
 * advances *pos. Links glued to a word before them ("Systemhttps://t.co/x")
 * are found. Returns 0 when there is none. */
int wn_next_link(const char *s, size_t n, size_t *pos, size_t *start, size_t *end);
/* Is the whole of s one link (with or without a scheme)? */
int wn_is_link(const char *s, size_t n);

/* ------------------------------------------------------------------ hash.c */

uint64_t wn_hash(const void *p, size_t n, uint64_t seed);
/* A key of s[0..n): wn_hash() up to `whole` bytes (WN_HASH_KEY_WHOLE, or
 * SIZE_MAX for a hash of any text); beyond, a hash of the length and of
 * the first, middle and last 32 bytes only, so that keying a paragraph
 * costs what keying a line does. Equal texts have equal keys; texts with
 * equal keys may differ. */
#define WN_HASH_KEY_WHOLE 96
uint64_t wn_hash_key(const void *p, size_t n, size_t whole, uint64_t seed);

#endif /* WN_INTERNAL_H */
