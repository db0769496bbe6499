/*
 * mem.c - memory: the per-parse allocator, the arena that holds a
 * document's strings and arrays, and growable scratch buffers.
 */
#include <stdlib.h>

#include "internal.h"

static void *default_malloc(void *ctx, size_t n) {
    (void)ctx;
    return malloc(n);
}

static void *default_realloc(void *ctx, void *p, size_t n) {
    (void)ctx;
    return realloc(p, n);
}

static void default_free(void *ctx, void *p) {
    (void)ctx;
    free(p);
}

const wn_allocator wn_default_allocator = {default_malloc, default_realloc, default_free, NULL};

void *wn_mem_alloc(const wn_allocator *al, size_t n) {
    return al->malloc(al->ctx, n ? n : 1);
}

void *wn_mem_realloc(const wn_allocator *al, void *p, size_t n) {
    return al->realloc(al->ctx, p, n ? n : 1);
}

void wn_mem_free(const wn_allocator *al, void *p) {
    if (p)
        al->free(al->ctx, p);
}

/* ------------------------------------------------------------------ arena */

struct wn_chunk {
    wn_chunk *next;
    size_t size;
    /* data follows, aligned to max_align_t */
};

#define WN_ALIGN 16u
#define WN_CHUNK_HEAD ((sizeof(wn_chunk) + WN_ALIGN - 1) & ~(size_t)(WN_ALIGN - 1))
#define WN_ARENA_FIRST (16u * 1024u)
#define WN_ARENA_MAX (8u * 1024u * 1024u)

void wn_arena_init(wn_arena *ar, const wn_allocator *al) {
    ar->al = al;
    ar->chunks = NULL;
    ar->cur = NULL;
    ar->lim = NULL;
    ar->next_size = WN_ARENA_FIRST;
    ar->expect = 0;
    ar->failed = 0;
}

void wn_arena_release(wn_arena *ar) {
    wn_chunk *c = ar->chunks;
    while (c) {
        wn_chunk *next = c->next;
        wn_mem_free(ar->al, c);
        c = next;
    }
    ar->chunks = NULL;
    ar->cur = ar->lim = NULL;
}

/* Get a new chunk able to hold n bytes. Large requests get a chunk of their
 * own, linked behind the current one so that the current chunk's free space
 * stays usable. */
static char *arena_grow(wn_arena *ar, size_t n) {
    if (n > SIZE_MAX - WN_CHUNK_HEAD - WN_ALIGN) {
        ar->failed = 1;
        return NULL;
    }
    /* the first chunk of an arena that expects a size holds all of it (or
     * the first request, if that is larger): it is the current chunk */
    int expected = !ar->chunks && ar->expect > ar->next_size;
    int dedicated = !expected && n > ar->next_size / 4;
    size_t size = expected ? (n > ar->expect ? n : ar->expect) : dedicated ? n : ar->next_size;
    wn_chunk *c = wn_mem_alloc(ar->al, WN_CHUNK_HEAD + size);
    if (!c) {
        ar->failed = 1;
        return NULL;
    }
    c->size = size;
    char *data = (char *)c + WN_CHUNK_HEAD;
    if (dedicated && ar->chunks) {
        c->next = ar->chunks->next;
        ar->chunks->next = c;
        return data;
    }
    c->next = ar->chunks;
    ar->chunks = c;
    ar->cur = data + n;
    ar->lim = data + size;
    if (!dedicated && !expected && ar->next_size < WN_ARENA_MAX)
        ar->next_size *= 2;
    return data;
}

void wn_arena_expect(wn_arena *ar, size_t n) {
    ar->expect = n;
}

char *wn_arena_alloc_bytes(wn_arena *ar, size_t n) {
    if (ar->failed)
        return NULL;
    if ((size_t)(ar->lim - ar->cur) >= n && ar->cur) {
        char *r = ar->cur;
        ar->cur += n;
        return r;
    }
    return arena_grow(ar, n);
}

void *wn_arena_alloc(wn_arena *ar, size_t n) {
    if (ar->failed)
        return NULL;
    if (ar->cur) {
        uintptr_t c = (uintptr_t)ar->cur;
        size_t pad = (size_t)((WN_ALIGN - (c & (WN_ALIGN - 1))) & (WN_ALIGN - 1));
        if ((size_t)(ar->lim - ar->cur) >= pad && (size_t)(ar->lim - ar->cur) - pad >= n) {
            char *r = ar->cur + pad;
            ar->cur = r + n;
            return r;
        }
    }
    /* chunk data starts aligned */
    return arena_grow(ar, n);
}

void wn_arena_shrink(wn_arena *ar, char *p, size_t had, size_t keep) {
    if (p && keep <= had && p + had == ar->cur)
        ar->cur = p + keep;
}

char *wn_arena_strndup(wn_arena *ar, const char *p, size_t n) {
    if (n == SIZE_MAX) {
        ar->failed = 1;
        return NULL;
    }
    char *r = wn_arena_alloc_bytes(ar, n + 1);
    if (!r)
        return NULL;
    if (n)
        memcpy(r, p, n);
    r[n] = '\0';
    return r;
}

wn_sv wn_arena_sv(wn_arena *ar, const char *p, size_t n) {
    char *r = wn_arena_strndup(ar, p, n);
    return wn_sv_make(r, r ? n : 0);
}

/* ------------------------------------------------------------------ buffers */

void wn_buf_init(wn_buf *b, const wn_allocator *al) {
    b->al = al;
    b->p = NULL;
    b->n = 0;
    b->cap = 0;
    b->failed = 0;
}

void wn_buf_release(wn_buf *b) {
    wn_mem_free(b->al, b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

int wn_buf_reserve(wn_buf *b, size_t extra) {
    if (b->failed)
        return -1;
    if (extra <= b->cap - b->n)
        return 0;
    if (extra > SIZE_MAX / 2 - b->n) {
        b->failed = 1;
        return -1;
    }
    size_t want = b->n + extra;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < want)
        cap *= 2;
    char *np = wn_mem_realloc(b->al, b->p, cap);
    if (!np) {
        b->failed = 1;
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}

void wn_buf_put(wn_buf *b, const char *p, size_t n) {
    if (wn_buf_reserve(b, n) != 0)
        return;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
}

/* ------------------------------------------------------------------ work region */

#define WN_WORK_ALIGN 64u

/* No region: every array comes from the allocator. */
static void work_none(wn_work *w) {
    w->base = w->cur = w->lim = w->last = NULL;
}

int wn_work_init(wn_work *w, const wn_allocator *al, size_t n) {
    work_none(w);
    if (n > SIZE_MAX - WN_WORK_ALIGN)
        return -1;
    char *b = wn_mem_alloc(al, n + WN_WORK_ALIGN);
    if (!b)
        return -1;
    w->base = b;
    /* the arrays start on a cache line: a unit record is one */
    uintptr_t c = (uintptr_t)b;
    w->cur = b + ((WN_WORK_ALIGN - (c & (WN_WORK_ALIGN - 1))) & (WN_WORK_ALIGN - 1));
    w->lim = b + n + WN_WORK_ALIGN;
    return 0;
}

void wn_work_release(wn_work *w, const wn_allocator *al) {
    wn_mem_free(al, w->base);
    work_none(w);
}

/* Did p come from the region? (Compared as integers: the pointers may
 * belong to different objects.) */
static int in_work(const wn_work *w, const void *p) {
    uintptr_t a = (uintptr_t)p;
    return w->base && a >= (uintptr_t)w->base && a < (uintptr_t)w->lim;
}

/* The region's n bytes from `at` (n <= lim - at) are taken: the next
 * array starts on the cache line after them. */
static void take(wn_work *w, char *at, size_t n) {
    size_t step = (n + WN_WORK_ALIGN - 1) & ~(size_t)(WN_WORK_ALIGN - 1);
    w->cur = step <= (size_t)(w->lim - at) ? at + step : w->lim;
    w->last = at;
}

void *wn_work_alloc(wn_work *w, const wn_allocator *al, size_t n) {
    if (!n)
        n = 1; /* two arrays never share an address */
    if (w->base && n <= (size_t)(w->lim - w->cur)) {
        char *r = w->cur;
        take(w, r, n);
        return r;
    }
    return wn_mem_alloc(al, n);
}

void *wn_work_realloc(wn_work *w, const wn_allocator *al, void *p, size_t had, size_t n) {
    if (!p)
        return wn_work_alloc(w, al, n);
    if (!in_work(w, p))
        return wn_mem_realloc(al, p, n);
    char *c = p;
    if (c == w->last && n <= (size_t)(w->lim - c)) {
        take(w, c, n); /* the latest array grows (or shrinks) in place */
        return p;
    }
    /* moved: to the region's free end or to the allocator */
    void *q = wn_work_alloc(w, al, n);
    if (!q)
        return NULL;
    memcpy(q, p, had < n ? had : n);
    return q;
}

void wn_work_free(wn_work *w, const wn_allocator *al, void *p) {
    if (!in_work(w, p))
        wn_mem_free(al, p); /* a region's arrays go with the region */
}
