/*
 * api.c - the input stage and the library's entry points: argument and
 * option checks, the parse driver that runs the stages in order (lines ->
 * wrap -> units -> assemble), status strings, version, and release of
 * memory handed to the caller.
 */
#include <stddef.h>

#include "internal.h"

/* Offsets are kept in size_t and line numbers in 32 bits: the input must
 * leave room for both, and for the worst-case growth of cleaned text. */
#define WN_MAX_INPUT (SIZE_MAX / 16)

const char *wn_strerror(int status) {
    switch (status) {
    case WN_OK:
        return "success";
    case WN_ERR_INVALID:
        return "invalid argument";
    case WN_ERR_NOMEM:
        return "out of memory";
    case WN_ERR_FLAGS:
        return "unknown option or flag bits";
    case WN_ERR_TOO_LARGE:
        return "input too large";
    case WN_ERR_WRITE:
        return "the output callback reported an error";
    default:
        return "unknown wirenews status";
    }
}

const char *wn_version(void) {
    return WN_VERSION_STRING;
}

int wn_version_number(void) {
    return WN_VERSION_NUMBER;
}

void wn_options_init(wn_options *opts) {
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
    opts->flags = WN_OPT_DEFAULT;
    opts->allocator = NULL;
}

int wn_fail_nomem(wn_parser *p) {
    if (p->status == WN_OK)
        p->status = WN_ERR_NOMEM;
    return p->status;
}

/* Read the options; returns a status. */
static int read_options(const wn_options *opts, unsigned *flags, const wn_allocator **al) {
    *flags = WN_OPT_DEFAULT;
    *al = &wn_default_allocator;
    if (!opts)
        return WN_OK;
    if (opts->struct_size < offsetof(wn_options, flags) + sizeof opts->flags)
        return WN_ERR_INVALID;
    if (opts->flags & ~(unsigned)WN_OPT_ALL)
        return WN_ERR_FLAGS;
    *flags = opts->flags;
    if (opts->struct_size >= offsetof(wn_options, allocator) + sizeof opts->allocator &&
        opts->allocator) {
        const wn_allocator *a = opts->allocator;
        if (!a->malloc || !a->realloc || !a->free)
            return WN_ERR_INVALID;
        *al = a;
    }
    return WN_OK;
}

/* The work region of a small input (see wn_work in internal.h): room for
 * a non-blank line in every 48 bytes (the dev corpus has one in 180) with
 * its unit record and its share of the two repeat tables. An input whose
 * region would pass WN_WORK_MAX gets none. */
#define WN_WORK_MAX (96u * 1024u)
#define WN_WORK_LINE_BYTES 48u

static size_t work_size(size_t len) {
    if (len > WN_WORK_MAX)
        return 0;
    size_t lines = len / WN_WORK_LINE_BYTES + 32;
    size_t n = lines * (sizeof(wn_line) + sizeof(wn_unit) + 6 * sizeof(uint64_t)) +
               WN_UNITS_PAD * sizeof(wn_unit) + 2 * 16 * sizeof(uint64_t);
    return n <= WN_WORK_MAX ? n : 0;
}

/* Lines are needed only until units are built: give them back before the
 * recognizers run, to keep the peak low. */
static void release_lines(wn_parser *p) {
    wn_work_free(&p->work, p->al, p->lines);
    p->lines = NULL;
}

static void release_parser(wn_parser *p) {
    release_lines(p);
    wn_work_free(&p->work, p->al, p->units);
    p->units = NULL;
    wn_work_release(&p->work, p->al);
    wn_buf_release(&p->scratch);
}

/* wn_parse() and the tests' wn_parse_window(), each with its own copy
 * (a call between the two, one per parse, showed as a slower parse). */
static WN_ALWAYS_INLINE int parse_window(const char *data, size_t len, const wn_options *opts,
                                         size_t window, wn_doc **out) {
    if (out)
        *out = NULL;
    if (!out || (!data && len))
        return WN_ERR_INVALID;
    unsigned flags;
    const wn_allocator *al;
    int st = read_options(opts, &flags, &al);
    if (st != WN_OK)
        return st;
    if (len > WN_MAX_INPUT)
        return WN_ERR_TOO_LARGE;

    wn_doc *doc = al->malloc(al->ctx, sizeof *doc);
    if (!doc)
        return WN_ERR_NOMEM;
    memset(doc, 0, sizeof *doc);
    doc->al = *al;
    wn_arena_init(&doc->arena, &doc->al);
    /* cleaned text takes about the input's size, the blocks' extra fields
     * and joined texts a little more */
    wn_arena_expect(&doc->arena, len + len / 8);
    doc->input_size = len;
    doc->i_headline = doc->i_dek = doc->i_byline = doc->i_timestamp = doc->i_dateline = SIZE_MAX;

    wn_parser p;
    memset(&p, 0, sizeof p);
    p.in = data ? data : "";
    p.len = len;
    p.flags = flags;
    p.al = &doc->al;
    p.arena = &doc->arena;
    p.status = WN_OK;
    p.window = window;
    wn_buf_init(&p.scratch, p.al);
    size_t work = work_size(len);
    if (work && wn_work_init(&p.work, p.al, work) != 0)
        p.status = WN_ERR_NOMEM; /* every failed allocation fails the parse */

    if (!wn_failed(&p))
        wn_lines_split(&p);
    if (!wn_failed(&p) && p.nlines >= UINT32_MAX)
        p.status = WN_ERR_TOO_LARGE;
    if (!wn_failed(&p))
        wn_wrap_detect(&p);
    if (!wn_failed(&p))
        wn_units_build(&p);
    release_lines(&p);
    if (!wn_failed(&p))
        wn_assemble(&p, doc);

    st = p.status;
    if (st == WN_OK && wn_failed(&p))
        st = WN_ERR_NOMEM;
    release_parser(&p);
    if (st != WN_OK) {
        wn_doc_free(doc);
        return st;
    }
    *out = doc;
    return WN_OK;
}

int wn_parse(const char *data, size_t len, const wn_options *opts, wn_doc **out) {
    return parse_window(data, len, opts, WN_NEAR_WINDOW, out);
}

int wn_parse_window(const char *data, size_t len, const wn_options *opts, size_t window,
                    wn_doc **out) {
    return parse_window(data, len, opts, window, out);
}

void wn_doc_free(wn_doc *doc) {
    if (!doc)
        return;
    wn_allocator al = doc->al;
    if (!doc->blocks_in_arena)
        wn_mem_free(&al, doc->blocks);
    wn_arena_release(&doc->arena);
    al.free(al.ctx, doc);
}

/* ------------------------------------------------------------------ owned memory */

/* Memory handed to the caller starts with the allocator that made it, so
 * wn_free() needs nothing else. */
typedef struct wn_owned {
    wn_allocator al;
} wn_owned;

#define WN_OWNED_HEAD ((sizeof(wn_owned) + 15u) & ~(size_t)15u)

void *wn_owned_alloc(const wn_allocator *al, size_t n) {
    if (n > SIZE_MAX - WN_OWNED_HEAD)
        return NULL;
    wn_owned *h = al->malloc(al->ctx, WN_OWNED_HEAD + n);
    if (!h)
        return NULL;
    h->al = *al;
    return (char *)h + WN_OWNED_HEAD;
}

void *wn_owned_realloc(const wn_allocator *al, void *ptr, size_t n) {
    if (!ptr)
        return wn_owned_alloc(al, n);
    if (n > SIZE_MAX - WN_OWNED_HEAD)
        return NULL;
    wn_owned *h = (wn_owned *)(void *)((char *)ptr - WN_OWNED_HEAD);
    wn_owned *nh = al->realloc(al->ctx, h, WN_OWNED_HEAD + n);
    if (!nh)
        return NULL;
    return (char *)nh + WN_OWNED_HEAD;
}

void wn_free(void *ptr) {
    if (!ptr)
        return;
    wn_owned *h = (wn_owned *)(void *)((char *)ptr - WN_OWNED_HEAD);
    wn_allocator al = h->al;
    al.free(al.ctx, h);
}
