/*
 * entities.c - HTML character references (&mdash; &#8217; &#x2014;) left in
 * text by sloppy extractors. Decoded by clean.c when WN_OPT_DECODE_ENTITIES
 * is on. Named references need their ';' except the legacy few that HTML
 * itself accepts without one (&amp &lt &nbsp &copy ...), and then only when
 * no letter, digit or '=' follows.
 */
#include <stdlib.h>

#include "internal.h"

struct wn_entity {
    const char *name;
    uint32_t cp1, cp2;
    int legacy;
};

#include "entities-table.h"

#define WN_NENTITIES (sizeof wn_entities / sizeof wn_entities[0])
#define WN_ENTITY_MAXNAME 32

/* Code points HTML substitutes for the C1 range in numeric references. */
static const uint16_t win1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static size_t decode_numeric(const char *s, size_t n, uint32_t cp[2], int *ncp) {
    size_t i = 2; /* "&#" */
    int hex = 0;
    if (i < n && (s[i] == 'x' || s[i] == 'X')) {
        hex = 1;
        i++;
    }
    size_t digits_start = i;
    uint32_t v = 0;
    int overflow = 0;
    for (; i < n; i++) {
        int d = hex ? hexval((unsigned char)s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
        if (d < 0)
            break;
        if (!overflow) {
            v = v * (hex ? 16u : 10u) + (uint32_t)d;
            if (v > 0x10FFFF)
                overflow = 1;
        }
    }
    if (i == digits_start)
        return 0;
    if (i < n && s[i] == ';')
        i++;
    if (overflow || v == 0 || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
    else if (v >= 0x80 && v <= 0x9F)
        v = win1252[v - 0x80];
    cp[0] = v;
    *ncp = 1;
    return i;
}

static int cmp_name(const char *a, size_t an, const char *b) {
    size_t bn = strlen(b);
    size_t m = an < bn ? an : bn;
    int c = memcmp(a, b, m);
    if (c)
        return c;
    return an < bn ? -1 : an > bn ? 1 : 0;
}

static const struct wn_entity *lookup(const char *name, size_t len) {
    size_t lo = 0, hi = WN_NENTITIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_name(name, len, wn_entities[mid].name);
        if (c == 0)
            return &wn_entities[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

size_t wn_entity_decode(const char *s, size_t n, uint32_t cp[2], int *ncp) {
    if (n < 3 || s[0] != '&')
        return 0;
    if (s[1] == '#')
        return decode_numeric(s, n, cp, ncp);
    size_t i = 1;
    while (i < n && i <= WN_ENTITY_MAXNAME && wn_ascii_alnum((unsigned char)s[i]))
        i++;
    size_t len = i - 1;
    if (len == 0 || len > WN_ENTITY_MAXNAME)
        return 0;
    const struct wn_entity *e = lookup(s + 1, len);
    if (!e)
        return 0;
    if (i < n && s[i] == ';') {
        i++;
    } else if (!e->legacy || (i < n && s[i] == '=')) {
        return 0;
    }
    cp[0] = e->cp1;
    cp[1] = e->cp2;
    *ncp = e->cp2 ? 2 : 1;
    return i;
}
