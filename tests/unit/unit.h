/*
 * unit.h - helpers for the recognizer unit tests: parse a text written for
 * the test, check the invariants on it, and look at its blocks.
 */
#ifndef WN_UNIT_H
#define WN_UNIT_H

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "wntest.h"

static inline wn_doc *parse_with(const char *text, size_t len, unsigned flags) {
    wn_options o;
    wn_options_init(&o);
    o.flags = flags;
    wn_doc *doc = NULL;
    int st = wn_parse(text, len, &o, &doc);
    ck_assert_msg(st == WN_OK, "wn_parse: %s", wn_strerror(st));
    char err[256];
    ck_assert_msg(wnt_check_doc(text, len, doc, err, sizeof err), "invariant: %s", err);
    return doc;
}

/* Parse a NUL-terminated text with the default options. */
static inline wn_doc *parse(const char *text) {
    return parse_with(text, strlen(text), WN_OPT_DEFAULT);
}

static inline const wn_block *blk(const wn_doc *doc, size_t i) {
    const wn_block *b = wn_doc_block(doc, i);
    ck_assert_msg(b != NULL, "no block %zu (document has %zu)", i, wn_doc_block_count(doc));
    return b;
}

static inline const char *type_name_at(const wn_doc *doc, size_t i) {
    return wn_block_type_name(wn_block_type(blk(doc, i)));
}

/* The types of all blocks, as "headline paragraph tweet ...". */
static inline void types_of(const wn_doc *doc, char *out, size_t cap) {
    out[0] = '\0';
    for (size_t i = 0; i < wn_doc_block_count(doc); i++) {
        const char *t = wn_block_type_name(wn_block_type(wn_doc_block(doc, i)));
        if (i)
            strncat(out, " ", cap - strlen(out) - 1);
        strncat(out, t, cap - strlen(out) - 1);
    }
}

#define ck_types(doc, expected)                                                                    \
    do {                                                                                           \
        char got_[2048];                                                                           \
        types_of((doc), got_, sizeof got_);                                                        \
        ck_assert_msg(strcmp(got_, (expected)) == 0, "types: got \"%s\", want \"%s\"", got_,       \
                      (expected));                                                                 \
    } while (0)

/* First block of a type (nth = 0 for the first), or NULL. */
static inline const wn_block *find(const wn_doc *doc, int type, size_t nth) {
    for (size_t i = 0; i < wn_doc_block_count(doc); i++) {
        const wn_block *b = wn_doc_block(doc, i);
        if (wn_block_type(b) == type && nth-- == 0)
            return b;
    }
    return NULL;
}

static inline const wn_block *must_find(const wn_doc *doc, int type, size_t nth) {
    const wn_block *b = find(doc, type, nth);
    char got[2048];
    types_of(doc, got, sizeof got);
    ck_assert_msg(b != NULL, "no %s #%zu among: %s", wn_block_type_name(type), nth, got);
    return b;
}

#define ck_text(getter, block, expected) ck_assert_pstr_eq(getter((block), NULL), (expected))

#endif
