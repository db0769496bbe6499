/*
 * wirenews.h - public API of libwirenews.
 *
 * wirenews turns one news article delivered as plain text (by a scraper, a
 * wire feed, a copy-paste) into typed blocks: headline, dek, byline,
 * timestamp, paragraph, subhead, list, tweet, related, caption and noise.
 * The data model is described in OUTPUT.md (data model version 1); the JSON
 * rendered by wn_render_json() follows it exactly.
 *
 * Conventions used throughout this header:
 *
 *  - Every function is available since 0.1 unless it says otherwise.
 *  - Functions that can fail return an int status: WN_OK (0) or one of the
 *    WN_ERR_* codes. wn_strerror() describes a status. The library never
 *    prints, never calls abort() or exit(), and leaks nothing on failure.
 *  - Strings come back as a pointer plus a length (written through the
 *    optional `len` out-parameter, which may be NULL). Every returned string
 *    is valid UTF-8 and also NUL-terminated for convenience. A field that is
 *    null in the data model comes back as NULL with *len set to 0.
 *  - Strings and blocks borrowed from a document stay valid until that
 *    document is passed to wn_doc_free(). Memory the library hands over to
 *    the caller (rendered JSON) is released with wn_free().
 *  - Getters tolerate NULL handles and out-of-range indexes: they return
 *    NULL, 0 or -1 as documented, never crash.
 *  - Thread safety: the library has no global mutable state. Different
 *    documents may be parsed, read, rendered and freed on different threads
 *    at the same time. One document may be read from several threads at once
 *    (all getters and the renderers only read it); wn_doc_free() must not
 *    race with any other use of the same document.
 *  - Results never depend on the process locale.
 */
#ifndef WIRENEWS_H
#define WIRENEWS_H

#include <stddef.h>

#include "wirenews_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && !defined(WN_STATIC)
#ifdef WN_BUILDING
#define WN_EXPORT __declspec(dllexport)
#else
#define WN_EXPORT __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define WN_EXPORT __attribute__((visibility("default")))
#else
#define WN_EXPORT
#endif

/* ------------------------------------------------------------------------ */
/* Status codes. Values only grow; existing values never change meaning.    */
/* ------------------------------------------------------------------------ */

/** Success. Since 0.1. */
#define WN_OK 0
/** A required pointer argument was NULL, or an argument is malformed
 *  (for example an options struct whose struct_size is too small). Since 0.1. */
#define WN_ERR_INVALID 1
/** Memory could not be allocated. Nothing was leaked and no output was
 *  produced. Since 0.1. */
#define WN_ERR_NOMEM 2
/** An option or flag word contains bits this version does not know. Since 0.1. */
#define WN_ERR_FLAGS 3
/** The input is larger than this build can address. Since 0.1. */
#define WN_ERR_TOO_LARGE 4
/** A caller-supplied output callback reported failure. Since 0.1. */
#define WN_ERR_WRITE 5

/**
 * Describe a status code.
 *
 * Returns a static, NUL-terminated English sentence (never NULL) describing
 * `status`; an unknown code gives "unknown wirenews status". The string is
 * owned by the library and must not be freed. Since 0.1.
 */
WN_EXPORT const char *wn_strerror(int status);

/* ------------------------------------------------------------------------ */
/* Version                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * The library's version as "MAJOR.MINOR.PATCH" (static string, never NULL).
 * Compare with WN_VERSION_STRING to detect a header/library mismatch. Since 0.1.
 */
WN_EXPORT const char *wn_version(void);

/**
 * The library's version as MAJOR * 10000 + MINOR * 100 + PATCH, the same
 * encoding as WN_VERSION_NUMBER. Since 0.1.
 */
WN_EXPORT int wn_version_number(void);

/* ------------------------------------------------------------------------ */
/* Allocation                                                               */
/* ------------------------------------------------------------------------ */

/**
 * A per-parse allocator. Every byte wirenews allocates for a document, its
 * rendering, and its temporary parse state goes through these three
 * functions, each called with `ctx` as its first argument. They behave like
 * malloc(), realloc() and free(): `malloc` and `realloc` return NULL on
 * failure (wirenews then fails with WN_ERR_NOMEM), `free` accepts NULL.
 * The struct is copied by wn_parse(), so it need not outlive the call, but
 * `ctx` and the functions must stay usable until every document and every
 * rendering made with them has been freed. Since 0.1.
 */
typedef struct wn_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} wn_allocator;

/**
 * Release memory the library handed to the caller (for example the buffer
 * filled by wn_render_json()). It is released through the allocator it was
 * made with. NULL is accepted and ignored. Since 0.1.
 */
WN_EXPORT void wn_free(void *ptr);

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/** Repeat detection: a later verbatim copy of a block becomes `noise` with
 *  reason "duplicate". On by default. Since 0.1. */
#define WN_OPT_DEDUPE (1u << 0)
/** Decode HTML character references (&mdash; &#8217; ...) in text
 *  and before recognizing structure. On by default. Since 0.1. */
#define WN_OPT_DECODE_ENTITIES (1u << 1)
/** The flags wn_options_init() sets. Since 0.1. */
#define WN_OPT_DEFAULT (WN_OPT_DEDUPE | WN_OPT_DECODE_ENTITIES)
/** Every flag bit this version knows; any other bit makes wn_parse() fail
 *  with WN_ERR_FLAGS. Since 0.1. */
#define WN_OPT_ALL (WN_OPT_DEDUPE | WN_OPT_DECODE_ENTITIES)

/**
 * Parse options. The struct carries its own size so that later versions can
 * append fields without breaking callers built against this one: always
 * fill it with wn_options_init() first, then change what you need.
 * Fields after `struct_size` bytes are treated as absent (their defaults
 * apply). Since 0.1.
 */
typedef struct wn_options {
    /** sizeof(wn_options) as the caller was compiled; set by wn_options_init(). */
    size_t struct_size;
    /** WN_OPT_* bits. */
    unsigned int flags;
    /** Allocator for this parse, or NULL for the C library's malloc/realloc/free. */
    const wn_allocator *allocator;
} wn_options;

/**
 * Fill `opts` with the defaults: struct_size = sizeof(wn_options),
 * flags = WN_OPT_DEFAULT, allocator = NULL. A NULL `opts` is ignored. Since 0.1.
 */
WN_EXPORT void wn_options_init(wn_options *opts);

/* ------------------------------------------------------------------------ */
/* Parsing                                                                  */
/* ------------------------------------------------------------------------ */

/** Opaque parsed article. Since 0.1. */
typedef struct wn_doc wn_doc;
/** Opaque block of a parsed article, borrowed from its wn_doc. Since 0.1. */
typedef struct wn_block wn_block;

/**
 * Parse one article.
 *
 * `data` points to `len` bytes of the article exactly as received: UTF-8
 * (a BOM, invalid sequences and NUL bytes are all accepted), LF, CRLF or CR
 * line ends. No NUL terminator is needed or looked for. `data` may be NULL
 * only when `len` is 0. The bytes are not retained: the caller may free them
 * as soon as wn_parse() returns.
 *
 * `opts` may be NULL for the defaults (see wn_options_init()).
 *
 * On success returns WN_OK and stores a new document in *out, which the
 * caller releases with wn_doc_free(). On failure returns WN_ERR_INVALID
 * (out is NULL, data is NULL with len > 0, opts malformed), WN_ERR_FLAGS
 * (unknown option bits), WN_ERR_TOO_LARGE or WN_ERR_NOMEM, and stores NULL
 * in *out when `out` is not NULL. Since 0.1.
 */
WN_EXPORT int wn_parse(const char *data, size_t len, const wn_options *opts, wn_doc **out);

/** Release a document and everything borrowed from it. NULL is ignored. Since 0.1. */
WN_EXPORT void wn_doc_free(wn_doc *doc);

/* ------------------------------------------------------------------------ */
/* Document accessors                                                       */
/* ------------------------------------------------------------------------ */

/** Number of blocks (0 for NULL or an input with no visible text). Since 0.1. */
WN_EXPORT size_t wn_doc_block_count(const wn_doc *doc);

/** Block `index` in input order, or NULL when out of range. Since 0.1. */
WN_EXPORT const wn_block *wn_doc_block(const wn_doc *doc, size_t index);

/** Length in bytes of the input the document was parsed from. Since 0.1. */
WN_EXPORT size_t wn_doc_input_size(const wn_doc *doc);

/** Text of the first headline block, or NULL when there is none. Since 0.1. */
WN_EXPORT const char *wn_doc_headline(const wn_doc *doc, size_t *len);
/** Text of the first dek block, or NULL. Since 0.1. */
WN_EXPORT const char *wn_doc_dek(const wn_doc *doc, size_t *len);
/** Text of the first byline block, or NULL. Since 0.1. */
WN_EXPORT const char *wn_doc_byline(const wn_doc *doc, size_t *len);
/** ISO 8601 value of the first timestamp block, or NULL (also when that
 *  block's value is null). Since 0.1. */
WN_EXPORT const char *wn_doc_published(const wn_doc *doc, size_t *len);
/** The first paragraph block that opens with a dateline, or NULL. Its
 *  place and agency are read with wn_block_dateline_place() and
 *  wn_block_dateline_agency(). Since 0.1. */
WN_EXPORT const wn_block *wn_doc_dateline(const wn_doc *doc);

/* ------------------------------------------------------------------------ */
/* Blocks                                                                   */
/* ------------------------------------------------------------------------ */

/* Block types. Values only grow. Since 0.1. */
#define WN_BLOCK_HEADLINE 1
#define WN_BLOCK_DEK 2
#define WN_BLOCK_BYLINE 3
#define WN_BLOCK_TIMESTAMP 4
#define WN_BLOCK_PARAGRAPH 5
#define WN_BLOCK_SUBHEAD 6
#define WN_BLOCK_LIST 7
#define WN_BLOCK_TWEET 8
#define WN_BLOCK_RELATED 9
#define WN_BLOCK_CAPTION 10
#define WN_BLOCK_NOISE 11

/** The block's WN_BLOCK_* type, or 0 for a NULL block. Since 0.1. */
WN_EXPORT int wn_block_type(const wn_block *block);

/** Name of a WN_BLOCK_* type as written in the JSON ("headline", "tweet",
 *  ...), or NULL for an unknown type. Static string. Since 0.1. */
WN_EXPORT const char *wn_block_type_name(int type);

/** Start of the block's span: byte offset into the input as given. The span
 *  [start, end) covers the block's source lines without surrounding white
 *  space; spans of different blocks never overlap, and together they contain
 *  every byte of the input that is not white space. Since 0.1. */
WN_EXPORT size_t wn_block_start(const wn_block *block);
/** End (exclusive) of the block's span. Since 0.1. */
WN_EXPORT size_t wn_block_end(const wn_block *block);

/**
 * Cleaned text of the block: NFC, every space separator as one plain space,
 * runs collapsed, ends trimmed, U+200B/U+FEFF removed, invalid UTF-8 as
 * U+FFFD, character references decoded (unless disabled). For a paragraph it
 * excludes a leading dateline; for a caption it excludes the credit; for a
 * tweet it is the post's text lines joined with "\n". NULL for list and
 * related blocks, which carry `items` and `title` instead. Since 0.1.
 */
WN_EXPORT const char *wn_block_text(const wn_block *block, size_t *len);

/** Noise blocks: why the block is not part of the story: "duplicate",
 *  "counter", "share", "boilerplate" or "separator". NULL otherwise. Since 0.1. */
WN_EXPORT const char *wn_block_reason(const wn_block *block, size_t *len);

/** Timestamp blocks: ISO 8601 value ("2019-11-14T10:40", "2010-12-07"), or
 *  NULL when the line fixes no calendar date. Since 0.1. */
WN_EXPORT const char *wn_block_value(const wn_block *block, size_t *len);

/** Paragraph blocks: 1 when the paragraph opened with a dateline (taken out
 *  of its text), 0 otherwise (and for other types). Since 0.1. */
WN_EXPORT int wn_block_has_dateline(const wn_block *block);
/** Dateline place as written ("WASHINGTON", "HAYWARD, Calif."), or NULL
 *  (no dateline, or only an agency leads). Since 0.1. */
WN_EXPORT const char *wn_block_dateline_place(const wn_block *block, size_t *len);
/** Dateline agency without parentheses ("AP", "Reuters"), or NULL. Since 0.1. */
WN_EXPORT const char *wn_block_dateline_agency(const wn_block *block, size_t *len);

/** Tweet blocks: the poster's display name, or NULL. Since 0.1. */
WN_EXPORT const char *wn_block_author(const wn_block *block, size_t *len);
/** Tweet blocks: the handle without "@", or NULL. Since 0.1. */
WN_EXPORT const char *wn_block_handle(const wn_block *block, size_t *len);
/** Tweet blocks: the post's date as YYYY-MM-DD, or NULL when the
 *  attribution has no full date. Since 0.1. */
WN_EXPORT const char *wn_block_date(const wn_block *block, size_t *len);
/** Tweet blocks: the attribution line as written (cleaned), or NULL. Since 0.1. */
WN_EXPORT const char *wn_block_attribution(const wn_block *block, size_t *len);
/** Tweet blocks: number of links found in the post's text (a link glued to
 *  the word before it is found too). 0 for other types. Since 0.1. */
WN_EXPORT size_t wn_block_links_count(const wn_block *block);
/** Tweet blocks: link `index`, or NULL when out of range. Since 0.1. */
WN_EXPORT const char *wn_block_links_at(const wn_block *block, size_t index, size_t *len);

/** Related blocks: the lead-in as written without its colon ("RELATED",
 *  "Read more"), or NULL for a bare title. Since 0.1. */
WN_EXPORT const char *wn_block_label(const wn_block *block, size_t *len);
/** Related blocks: the linked story's title (label and wrapping brackets
 *  removed). NULL for other types. Since 0.1. */
WN_EXPORT const char *wn_block_title(const wn_block *block, size_t *len);
/** Related blocks: the link target when a bare URL line belongs to the
 *  block, or NULL. Since 0.1. */
WN_EXPORT const char *wn_block_url(const wn_block *block, size_t *len);

/** Caption blocks: the photographer/agency credit, or NULL. Since 0.1. */
WN_EXPORT const char *wn_block_credit(const wn_block *block, size_t *len);

/** Byline blocks: number of author names. 0 for other types. Since 0.1. */
WN_EXPORT size_t wn_block_authors_count(const wn_block *block);
/** Byline blocks: author name `index`, or NULL when out of range. Since 0.1. */
WN_EXPORT const char *wn_block_authors_at(const wn_block *block, size_t index, size_t *len);

/** List blocks: number of items (markers stripped). 0 for other types. Since 0.1. */
WN_EXPORT size_t wn_block_items_count(const wn_block *block);
/** List blocks: item `index`, or NULL when out of range. Since 0.1. */
WN_EXPORT const char *wn_block_items_at(const wn_block *block, size_t index, size_t *len);
/** List blocks: 1 for a numbered list, 0 for bullets (and other types). Since 0.1. */
WN_EXPORT int wn_block_ordered(const wn_block *block);

/* ------------------------------------------------------------------------ */
/* JSON rendering                                                           */
/* ------------------------------------------------------------------------ */

/** Indent the JSON with two spaces, one key per line. Since 0.1. */
#define WN_JSON_PRETTY (1u << 0)
/** Every JSON flag bit this version knows. Since 0.1. */
#define WN_JSON_ALL (WN_JSON_PRETTY)

/**
 * Render a document as the JSON of OUTPUT.md (data model version 1).
 *
 * On success returns WN_OK, stores a NUL-terminated UTF-8 buffer in *out and
 * its length (without the NUL) in *out_len (if not NULL); the caller releases
 * the buffer with wn_free(). The buffer is allocated with the allocator the
 * document was parsed with. On failure returns WN_ERR_INVALID (doc or out
 * NULL), WN_ERR_FLAGS (unknown flag bits) or WN_ERR_NOMEM and stores NULL in
 * *out. Since 0.1.
 */
WN_EXPORT int wn_render_json(const wn_doc *doc, unsigned int flags, char **out, size_t *out_len);

/**
 * Output callback for wn_render_json_to(): write `len` bytes at `data`;
 * return 0 to go on, anything else to stop rendering. Since 0.1.
 */
typedef int (*wn_write_fn)(void *ctx, const char *data, size_t len);

/**
 * Render a document as JSON through a callback, in pieces of bounded size,
 * without building the whole text in memory (for very large documents).
 * The bytes written are exactly those wn_render_json() would return. Returns
 * WN_OK, WN_ERR_INVALID (doc or write NULL), WN_ERR_FLAGS, WN_ERR_NOMEM, or
 * WN_ERR_WRITE when the callback returned non-zero. Since 0.1.
 */
WN_EXPORT int wn_render_json_to(const wn_doc *doc, unsigned int flags, wn_write_fn write,
                                void *ctx);

/**
 * Parse and render in one call: the same as wn_parse() followed by
 * wn_render_json() and wn_doc_free(), for callers that only want the JSON
 * (bindings, batch tools). Returns any status of those two calls; on failure
 * *out is NULL. Release the buffer with wn_free(). Since 0.1.
 */
WN_EXPORT int wn_parse_to_json(const char *data, size_t len, const wn_options *opts,
                               unsigned int json_flags, char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* WIRENEWS_H */
