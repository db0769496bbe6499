/*
 * doc.c - the public accessors of a parsed document and its blocks. Every
 * getter tolerates NULL and out-of-range arguments and never writes to the
 * document, so a document may be read from several threads at once.
 */
#include "internal.h"

const wn_block_extra wn_no_extra;

static const char *sv_out(wn_sv s, size_t *len) {
    if (len)
        *len = s.p ? s.n : 0;
    return s.p;
}

static const char *none(size_t *len) {
    if (len)
        *len = 0;
    return NULL;
}

size_t wn_doc_block_count(const wn_doc *doc) {
    return doc ? doc->nblocks : 0;
}

const wn_block *wn_doc_block(const wn_doc *doc, size_t index) {
    if (!doc || index >= doc->nblocks)
        return NULL;
    return &doc->blocks[index];
}

size_t wn_doc_input_size(const wn_doc *doc) {
    return doc ? doc->input_size : 0;
}

static const char *doc_text(const wn_doc *doc, size_t index, size_t *len) {
    if (!doc || index >= doc->nblocks)
        return none(len);
    return sv_out(doc->blocks[index].text, len);
}

const char *wn_doc_headline(const wn_doc *doc, size_t *len) {
    return doc_text(doc, doc ? doc->i_headline : SIZE_MAX, len);
}

const char *wn_doc_dek(const wn_doc *doc, size_t *len) {
    return doc_text(doc, doc ? doc->i_dek : SIZE_MAX, len);
}

const char *wn_doc_byline(const wn_doc *doc, size_t *len) {
    return doc_text(doc, doc ? doc->i_byline : SIZE_MAX, len);
}

const char *wn_doc_published(const wn_doc *doc, size_t *len) {
    if (!doc || doc->i_timestamp >= doc->nblocks)
        return none(len);
    return sv_out(wn_extra_of(&doc->blocks[doc->i_timestamp])->f[WN_F_VALUE], len);
}

const wn_block *wn_doc_dateline(const wn_doc *doc) {
    return doc ? wn_doc_block(doc, doc->i_dateline) : NULL;
}

/* The names, each in a slot of WN_TYPE_SLOT bytes, with their lengths,
 * known when compiling. */
#define WN_TYPE_NAMES(X)                                                                           \
    X("headline")                                                                                  \
    X("dek") X("byline") X("timestamp") X("paragraph") X("subhead") X("list") X("tweet")           \
        X("related") X("caption") X("noise")
#define WN_NAME_SLOT(s) s,
#define WN_NAME_LEN(s) sizeof(s) - 1,
static const char type_name_slots[][WN_TYPE_SLOT] = {"", WN_TYPE_NAMES(WN_NAME_SLOT)};
static const uint8_t type_name_lens[] = {0, WN_TYPE_NAMES(WN_NAME_LEN)};
_Static_assert(sizeof type_name_lens == WN_BLOCK_NOISE + 1, "a name for every block type");

wn_sv wn_type_name_sv(int type) {
    if (type < WN_BLOCK_HEADLINE || type > WN_BLOCK_NOISE)
        return wn_sv_make(NULL, 0);
    return wn_sv_make(type_name_slots[type], type_name_lens[type]);
}

int wn_block_type(const wn_block *block) {
    return block ? block->type : 0;
}

const char *wn_block_type_name(int type) {
    return wn_type_name_sv(type).p;
}

size_t wn_block_start(const wn_block *block) {
    return block ? block->start : 0;
}

size_t wn_block_end(const wn_block *block) {
    return block ? block->end : 0;
}

const char *wn_block_text(const wn_block *block, size_t *len) {
    return block ? sv_out(block->text, len) : none(len);
}

static const char *const reason_names[] = {NULL,    "duplicate",   "counter",
                                           "share", "boilerplate", "separator"};

const char *wn_block_reason(const wn_block *block, size_t *len) {
    if (!block || block->type != WN_BLOCK_NOISE || block->reason < WN_REASON_DUPLICATE ||
        block->reason > WN_REASON_SEPARATOR)
        return none(len);
    const char *r = reason_names[block->reason];
    if (len)
        *len = strlen(r);
    return r;
}

/* Field `slot` of a block of type `type`, or NULL. */
static const char *field(const wn_block *block, int type, int slot, size_t *len) {
    if (!block || block->type != type)
        return none(len);
    return sv_out(wn_extra_of(block)->f[slot], len);
}

const char *wn_block_value(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_TIMESTAMP, WN_F_VALUE, len);
}

int wn_block_has_dateline(const wn_block *block) {
    return block && block->type == WN_BLOCK_PARAGRAPH && block->has_dateline;
}

const char *wn_block_dateline_place(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_PARAGRAPH, WN_F_PLACE, len);
}

const char *wn_block_dateline_agency(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_PARAGRAPH, WN_F_AGENCY, len);
}

const char *wn_block_author(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_TWEET, WN_F_AUTHOR, len);
}

const char *wn_block_handle(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_TWEET, WN_F_HANDLE, len);
}

const char *wn_block_date(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_TWEET, WN_F_DATE, len);
}

const char *wn_block_attribution(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_TWEET, WN_F_ATTRIBUTION, len);
}

const char *wn_block_label(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_RELATED, WN_F_LABEL, len);
}

const char *wn_block_title(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_RELATED, WN_F_TITLE, len);
}

const char *wn_block_url(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_RELATED, WN_F_URL, len);
}

const char *wn_block_credit(const wn_block *block, size_t *len) {
    return field(block, WN_BLOCK_CAPTION, WN_F_CREDIT, len);
}

/* Array field of a block of type `type`. */
static size_t arr_count(const wn_block *block, int type) {
    return block && block->type == type ? wn_extra_of(block)->narr : 0;
}

static const char *arr_at(const wn_block *block, int type, size_t index, size_t *len) {
    if (!block || block->type != type || index >= wn_extra_of(block)->narr)
        return none(len);
    return sv_out(wn_extra_of(block)->arr[index], len);
}

size_t wn_block_links_count(const wn_block *block) {
    return arr_count(block, WN_BLOCK_TWEET);
}

const char *wn_block_links_at(const wn_block *block, size_t index, size_t *len) {
    return arr_at(block, WN_BLOCK_TWEET, index, len);
}

size_t wn_block_authors_count(const wn_block *block) {
    return arr_count(block, WN_BLOCK_BYLINE);
}

const char *wn_block_authors_at(const wn_block *block, size_t index, size_t *len) {
    return arr_at(block, WN_BLOCK_BYLINE, index, len);
}

size_t wn_block_items_count(const wn_block *block) {
    return arr_count(block, WN_BLOCK_LIST);
}

const char *wn_block_items_at(const wn_block *block, size_t index, size_t *len) {
    return arr_at(block, WN_BLOCK_LIST, index, len);
}

int wn_block_ordered(const wn_block *block) {
    return block && block->type == WN_BLOCK_LIST && block->ordered;
}
