/*
 * tweet.c - embedded posts flattened to text. The cue is the attribution
 * that closes every embedded post: "— Name (@handle) Month D, YYYY" (the
 * dash may be an em or en dash, a hyphen or a double hyphen). It either
 * stands on its own line, after the line(s) of the post's text, or ends the
 * line that holds the whole post. A run of posts gives one block each.
 */
#include "recognizers.h"

#define WN_MAX_HANDLE 20
#define WN_MAX_NAME 100
#define WN_MAX_POST 1200 /* bytes of post text on the line above an attribution */

typedef struct attribution {
    size_t dash; /* offset where the attribution starts */
    size_t name_s, name_e;
    size_t handle_s, handle_e;
    wn_when when;
    int has_date;
} attribution;

static int is_handle_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The dash that introduces the name ending at `end`: the nearest one before
 * it that is followed by a space. Returns its offset or SIZE_MAX. */
static size_t find_dash(const char *s, size_t end) {
    size_t lim = end > WN_MAX_NAME ? end - WN_MAX_NAME : 0;
    size_t i = end;
    while (i > lim) {
        size_t j = i;
        uint32_t cp = wn_u8_prev(s, &j);
        if ((wn_is_dash(cp) || cp == 0x2015) && i < end && s[i] == ' ') {
            /* "--" counts as one dash */
            if (cp == '-' && j > 0 && s[j - 1] == '-')
                j--;
            return j;
        }
        if (cp == ';' && j >= 6 && (wn_ci_prefix(s + j - 6, 7, "&mdash;") == 7))
            return j - 6; /* character references left undecoded */
        i = j;
    }
    return SIZE_MAX;
}

/* The date (or nothing) after the closing parenthesis of the handle. */
static int parse_tail(const char *s, size_t n, attribution *a) {
    const char *t = s;
    size_t tn = n;
    wn_trim(&t, &tn);
    if (tn == 0)
        return 1;
    memset(&a->when, 0, sizeof a->when);
    a->when.hour = a->when.second = -1;
    size_t k = wn_parse_date(t, tn, &a->when);
    if (k && tn - k <= 2) {
        a->has_date = 1;
        return 1;
    }
    /* a partial date ("March 2016") or a time: short, no full date */
    return tn <= 30 && wn_count_words_upto(t, tn, 5) <= 5;
}

/* The handle's "(@" sits near the end of an attribution: only the date
 * (or a short tail) follows it. */
#define WN_ATTR_TAIL 72

/* Is there an '@' in s[0..n), n <= WN_ATTR_TAIL? Asked of every line, and
 * almost always no: with SSE2 the whole blocks and the block that ends at n
 * are compared and their answers ORed, one test at the end. */
static int has_at_sign(const char *s, size_t n) {
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i at = _mm_set1_epi8('@');
        __m128i any = _mm_setzero_si128();
        size_t k = 0;
        for (; k + 16 <= n; k += 16)
            any = _mm_or_si128(
                any, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + k)), at));
        if (k < n)
            any = _mm_or_si128(
                any,
                _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)), at));
        return _mm_movemask_epi8(any) != 0;
    }
#endif
    for (size_t k = 0; k < n; k++)
        if (s[k] == '@')
            return 1;
    return 0;
}

static int find_attribution(const char *s, size_t n, attribution *a) {
    size_t end = n, lim = n > WN_ATTR_TAIL ? n - WN_ATTR_TAIL : 0;
    if (!has_at_sign(s + lim, n - lim))
        return 0; /* most lines: no handle near the end */
    for (int tries = 0; tries < 4; tries++) {
        /* last "(@" before end */
        size_t at = SIZE_MAX;
        for (size_t i = end; i >= 2 && i > lim; i--) {
            if (s[i - 2] == '(' && s[i - 1] == '@') {
                at = i - 2;
                break;
            }
        }
        if (at == SIZE_MAX)
            return 0;
        end = at;
        size_t h = at + 2, k = h;
        while (k < n && k - h <= WN_MAX_HANDLE && is_handle_char((unsigned char)s[k]))
            k++;
        if (k == h || k - h > WN_MAX_HANDLE || k >= n || s[k] != ')')
            continue;
        memset(a, 0, sizeof *a);
        if (!parse_tail(s + k + 1, n - k - 1, a))
            continue;
        size_t ne = at;
        while (ne > 0 && s[ne - 1] == ' ')
            ne--;
        size_t dash = find_dash(s, ne);
        if (dash == SIZE_MAX)
            continue;
        size_t ns = dash;
        while (ns < ne && s[ns] != ' ')
            ns++; /* past the dash (or "&mdash;") */
        while (ns < ne && s[ns] == ' ')
            ns++;
        if (ns >= ne)
            continue;
        a->dash = dash;
        a->name_s = ns;
        a->name_e = ne;
        a->handle_s = h;
        a->handle_e = k;
        return 1;
    }
    return 0;
}

static void collect_links(wn_parser *p, wn_block_extra *b, const char *s, size_t n) {
    size_t pos = 0, a, e, count = 0;
    while (wn_next_link(s, n, &pos, &a, &e))
        count++;
    if (!count)
        return;
    wn_sv *arr = wn_arena_alloc(p->arena, count * sizeof(wn_sv));
    if (!arr)
        return;
    pos = 0;
    size_t k = 0;
    while (k < count && wn_next_link(s, n, &pos, &a, &e))
        arr[k++] = wn_keep(p, s + a, e - a);
    b->arr = arr;
    b->narr = k;
}

static void fill(wn_parser *p, size_t head, const char *s, const attribution *a, wn_sv text,
                 const char *attr, size_t attr_n) {
    wn_block_extra *b = wn_extra(p, head);
    if (!b)
        return;
    p->blocks[head].text = text;
    b->f[WN_F_AUTHOR] = wn_keep(p, s + a->name_s, a->name_e - a->name_s);
    b->f[WN_F_HANDLE] = wn_keep(p, s + a->handle_s, a->handle_e - a->handle_s);
    if (a->has_date) {
        char iso[32];
        size_t k = wn_when_iso(&a->when, 0, iso);
        b->f[WN_F_DATE] = wn_keep(p, iso, k);
    }
    b->f[WN_F_ATTRIBUTION] = wn_keep(p, attr, attr_n);
    if (text.p)
        collect_links(p, b, text.p, text.n);
}

/* May unit j hold the text of the post attributed on the line after it? */
static int post_text(const wn_parser *p, size_t j) {
    const wn_unit *t = &p->units[j];
    return wn_free_unit(t) && t->len <= WN_MAX_POST && t->endc != WN_END_COLON;
}

void wn_rec_tweet(wn_parser *p) {
    for (size_t i = p->near_from; i < p->near_to; i++) {
        wn_unit *u = &p->units[i];
        if (!wn_free_unit(u) || u->len < 6)
            continue;
        attribution a;
        if (!find_attribution(u->text, u->len, &a))
            continue;
        if (a.dash == 0) {
            /* attribution on its own line: the post is the line above */
            if (i > 0 && post_text(p, i - 1)) {
                wn_mark(p, i - 1, WN_BLOCK_TWEET);
                wn_join(p, i - 1, i);
                wn_unit *t = &p->units[i - 1];
                fill(p, i - 1, u->text, &a, wn_sv_make(t->text, t->len), u->text, u->len);
            } else {
                wn_mark(p, i, WN_BLOCK_TWEET);
                fill(p, i, u->text, &a, wn_sv_make("", 0), u->text, u->len);
            }
        } else {
            /* the whole post on one line */
            size_t te = a.dash;
            while (te > 0 && u->text[te - 1] == ' ')
                te--;
            wn_mark(p, i, WN_BLOCK_TWEET);
            fill(p, i, u->text, &a, wn_keep(p, u->text, te), u->text + a.dash, u->len - a.dash);
        }
    }
}
