/* Unit tests of the lexical helpers (lex.c, internal.h) that scan eight
 * bytes at a time: each is checked against a byte-by-byte reference at
 * every offset and alignment, so a fast path that skips or invents a
 * match fails here. */
#include "unit.h"

#include "internal.h"
#include "recognizers/recognizers.h"

/* Where lit first occurs in s, byte by byte; ASCII case folded when ci. */
static size_t naive_find(const char *s, size_t n, const char *lit, int ci) {
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m) {
            unsigned char a = (unsigned char)s[i + k], b = (unsigned char)lit[k];
            if (ci && a >= 'A' && a <= 'Z')
                a = (unsigned char)(a | 0x20);
            if (ci && b >= 'A' && b <= 'Z')
                b = (unsigned char)(b | 0x20);
            if (a != b)
                break;
            k++;
        }
        if (k == m)
            return i;
    }
    return SIZE_MAX;
}

/* A small deterministic generator: the tests are the same every run. */
static unsigned next_rand(unsigned *state) {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7FFF;
}

START_TEST(ci_find_in_words) {
    const char *s = "Members of the Harbour Board PHOTOGRAPHED by a reporter; photo: archive";
    size_t n = strlen(s);
    ck_assert_uint_eq(wn_ci_find(s, n, "photo"), naive_find(s, n, "photo", 1));
    ck_assert_uint_eq(wn_ci_find(s, n, "photo"), (size_t)(strstr(s, "PHOTO") - s));
    ck_assert_uint_eq(wn_ci_find(s, n, "archive"), n - 7); /* the last possible offset */
    ck_assert_uint_eq(wn_ci_find(s, n - 1, "archive"), SIZE_MAX);
    ck_assert_uint_eq(wn_ci_find(s, n, "; photo"), (size_t)(strstr(s, "; photo") - s));
    ck_assert_uint_eq(wn_ci_find(s, n, " board "), (size_t)(strstr(s, " Board ") - s));
    ck_assert_uint_eq(wn_ci_find(s, n, ""), 0);
    ck_assert_uint_eq(wn_ci_find(s, 3, "members"), SIZE_MAX);
    /* in the last `window` bytes only, the offset counted from s */
    ck_assert_uint_eq(wn_ci_find_tail(s, n, 7, "ARCHIVE"), n - 7);
    ck_assert_uint_eq(wn_ci_find_tail(s, n, 6, "archive"), SIZE_MAX);
    ck_assert_uint_eq(wn_ci_find_tail(s, n, 16, "photo"), (size_t)(strstr(s, "photo:") - s));
    ck_assert_uint_eq(wn_ci_find_tail(s, n, n + 5, "members"), 0);
    /* OR-ing 0x20 must not make '@' match '`' or '[' match '{' */
    ck_assert_uint_eq(wn_ci_find("@@@@@@@@@@@@`x", 14, "`x"), 12);
    ck_assert_uint_eq(wn_ci_find("[[[[[[[[[[[[{", 13, "{"), 12);
    ck_assert_uint_eq(wn_ci_find("@@@@@@@@@@@@@@@@", 16, "`"), SIZE_MAX);
    /* a letter's case partner is the only other byte that folds onto it */
    ck_assert_uint_eq(wn_ci_find("\xC1\xC1\xC1\xC1\xC1\xC1\xC1\xC1\xC1"
                                 "a",
                                 10, "A"),
                      9);
}
END_TEST

/* wn_find (one-byte needles by memchr, longer ones through wn_find_n) and
 * wn_ci_find against the byte-by-byte search. */
START_TEST(finds_agree_with_reference) {
    static const char alphabet[] = "aAbB @`[{ \xC3\xA9.";
    static const char *const needles[] = {"a", "B",  "ab",       "Ba a",      "@",   "`a",
                                          "{", " b", "\xC3\xA9", "aaaaaaaaa", "a.b", "a@"};
    unsigned state = 7;
    char buf[80];
    for (int round = 0; round < 4000; round++) {
        size_t n = next_rand(&state) % sizeof buf;
        for (size_t i = 0; i < n; i++)
            buf[i] = alphabet[next_rand(&state) % (sizeof alphabet - 1)];
        for (size_t off = 0; off < 8 && off <= n; off++) {
            /* a copy of exactly the bytes searched: a sanitizer sees a read
             * past them */
            char *t = malloc(n - off ? n - off : 1);
            ck_assert_ptr_nonnull(t);
            memcpy(t, buf + off, n - off);
            for (size_t k = 0; k < sizeof needles / sizeof needles[0]; k++) {
                ck_assert_uint_eq(wn_ci_find(t, n - off, needles[k]),
                                  naive_find(t, n - off, needles[k], 1));
                ck_assert_uint_eq(wn_find(t, n - off, needles[k]),
                                  naive_find(t, n - off, needles[k], 0));
            }
            free(t);
        }
    }
}
END_TEST

START_TEST(next_space_agrees_with_reference) {
    unsigned state = 11;
    char buf[64];
    for (int round = 0; round < 4000; round++) {
        size_t n = next_rand(&state) % sizeof buf;
        for (size_t i = 0; i < n; i++)
            buf[i] = next_rand(&state) % 9 ? (char)('a' + next_rand(&state) % 26) : ' ';
        for (size_t from = 0; from <= n; from++) {
            size_t want = from;
            while (want < n && buf[want] != ' ')
                want++;
            ck_assert_uint_eq(wn_next_space(buf, from, n), want);
        }
    }
}
END_TEST

START_TEST(swar_first_finds_the_first_flagged_byte) {
    for (size_t k = 0; k < 8; k++) {
        unsigned char bytes[8] = {'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
        bytes[k] = ' ';
        if (k < 7)
            bytes[7] = ' '; /* a later match must not win */
        ck_assert_uint_eq(wn_swar_first(wn_swar_eq(wn_load64(bytes), ' ')), k);
    }
}
END_TEST

/* Does one of the phrases start at a word start (offset 0 or after a
 * space) of s? */
static int naive_phrases_find(const char *const *phrases, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && s[i - 1] != ' ')
            continue;
        for (const char *const *ph = phrases; *ph; ph++)
            if (naive_find(s + i, n - i, *ph, 1) == 0)
                return 1;
    }
    return 0;
}

START_TEST(phrases_found_at_word_starts) {
    static const char *const phrases[] = {"read the full story", "sign up today", "ALL CAPS", NULL};
    wn_phrases set;
    wn_phrases_init(&set, phrases);
    const char *yes[] = {"Read The Full Story here", "You can sign up today.",
                         "then read the full story", "all caps and more"};
    const char *no[] = {"Thread the full story", "sign up toda", "", "sign",
                        "they said to sign up to"};
    for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++)
        ck_assert_msg(wn_phrases_find(&set, yes[k], strlen(yes[k])), "%s", yes[k]);
    for (size_t k = 0; k < sizeof no / sizeof no[0]; k++)
        ck_assert_msg(!wn_phrases_find(&set, no[k], strlen(no[k])), "%s", no[k]);
}
END_TEST

START_TEST(phrases_found_at_every_offset) {
    /* texts of up to 300 bytes (scanned 16 or 32 bytes at a time, the last
     * chunk overlapping the one before), a phrase or a near miss of it
     * after every word, in capitals or not */
    static const char *const phrases[] = {"terms of use", "read the full story", NULL};
    static const char *const found[] = {"terms of use", "Read The Full Story", "TERMS OF USE"};
    static const char *const missed[] = {"terms on use", "read the full storm", "terms_of use",
                                         "xterms of use"};
    static const char *const fillers[] = {"a", "bc", "def", "read", "terms", "of"};
    wn_phrases set;
    wn_phrases_init(&set, phrases);
    char buf[400];
    for (size_t words = 0; words < 45; words++)
        for (size_t at = 0; at <= words; at++)
            for (size_t v = 0; v < 7; v++) {
                const char *insert = v < 3 ? found[v] : missed[v - 3];
                size_t n = 0;
                for (size_t w = 0; w <= words; w++) {
                    const char *word = w == at ? insert : fillers[(w * 7 + words) % 6];
                    if (n)
                        buf[n++] = ' ';
                    memcpy(buf + n, word, strlen(word));
                    n += strlen(word);
                }
                char *text = malloc(n); /* exactly n bytes: a read past them is seen */
                ck_assert_ptr_nonnull(text);
                memcpy(text, buf, n);
                ck_assert_msg(wn_phrases_find(&set, text, n) == (v < 3), "%.*s", (int)n, text);
                free(text);
            }
}
END_TEST

START_TEST(phrases_agree_with_reference) {
    /* long phrases (found by their first eight bytes), short ones (compared
     * at every word) and phrases sharing their first eight bytes */
    static const char *const phrases[] = {"follow us on", "follow up",       "follow usual", "ab",
                                          "ab cd",        "\xC2\xA9 notice", "terms of use", NULL};
    static const char *const words[] = {"follow", "FOLLOW", "us", "Us",  "on",
                                        "up",     "usual",  "ab", "cd",  "\xC2\xA9",
                                        "notice", "terms",  "of", "use", "x"};
    wn_phrases set;
    wn_phrases_init(&set, phrases);
    static const char *const longer[] = {"follow us on", "follow usual", "\xC2\xA9 notice",
                                         "terms of use", NULL};
    wn_phrases set_long;
    wn_phrases_init(&set_long, longer);
    unsigned state = 3;
    char buf[320];
    for (int round = 0; round < 20000; round++) {
        /* up to six words, or up to 60 (texts past the 64 bytes of one mask
         * of spaces, ending anywhere in the next) */
        size_t n = 0, count = next_rand(&state) % (round % 2 ? 60 : 7);
        for (size_t w = 0; w < count; w++) {
            const char *word = words[next_rand(&state) % (sizeof words / sizeof words[0])];
            if (n + strlen(word) + 1 >= sizeof buf)
                break;
            if (n)
                buf[n++] = ' ';
            memcpy(buf + n, word, strlen(word));
            n += strlen(word);
        }
        /* a copy of exactly n bytes, so that a sanitizer sees a read past it */
        char *text = malloc(n ? n : 1);
        ck_assert_ptr_nonnull(text);
        memcpy(text, buf, n);
        ck_assert_int_eq(wn_phrases_find(&set, text, n), naive_phrases_find(phrases, text, n));
        ck_assert_int_eq(wn_phrases_find(&set_long, text, n), naive_phrases_find(longer, text, n));
        free(text);
    }
}
END_TEST

/* Bisection in a sorted list finds exactly what a scan of the list does,
 * whatever the case of the probe, including entries with bytes above
 * ASCII and entries that are prefixes of others. */
START_TEST(month_and_weekday_names) {
    static const struct {
        const char *s;
        int month, weekday;
    } cases[] = {
        {"January", 1, 0}, {"FEB", 2, 0},        {"mar.", 3, 0},       {"Apr", 4, 0},
        {"May", 5, 0},     {"june", 6, 0},       {"Jul.", 7, 0},       {"AUGUST", 8, 0},
        {"Sept.", 9, 0},   {"sep", 9, 0},        {"September", 9, 0},  {"Oct", 10, 0},
        {"nov.", 11, 0},   {"December", 12, 0},  {"Septembers", 0, 0}, {"Mayo", 0, 0},
        {"Ma", 0, 0},      {"Ja.", 0, 0},        {"", 0, 0},           {"Monday", 0, 1},
        {"tues.", 0, 2},   {"Tue", 0, 2},        {"WEDNESDAY", 0, 3},  {"Thurs", 0, 4},
        {"thu.", 0, 4},    {"Fri", 0, 5},        {"saturday", 0, 6},   {"Sun.", 0, 7},
        {"Sundays", 0, 0}, {"Wednesdays", 0, 0}, {"Fr", 0, 0},         {"Xmas", 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t n = strlen(cases[k].s);
        ck_assert_msg(wn_month(cases[k].s, n) == cases[k].month, "month of %s", cases[k].s);
        ck_assert_msg(wn_weekday(cases[k].s, n) == cases[k].weekday, "weekday of %s", cases[k].s);
    }
}
END_TEST

START_TEST(sorted_in_agrees_with_scan) {
    static const char *const sorted[] = {"ap",     "ap news", "dont",   "don\xE2\x80\x99t miss",
                                         "e-mail", "email",   "google", "google+",
                                         "x"};
    static const char *const scan[] = {
        "ap", "ap news", "don\xE2\x80\x99t miss", "dont", "e-mail", "email", "google", "google+",
        "x",  NULL};
    uint16_t sorted_keys[sizeof sorted / sizeof sorted[0]];
    wn_sorted_keys(sorted, sizeof sorted / sizeof sorted[0], sorted_keys);
    static const char *const probes[] = {
        "AP",   "ap",    "Ap News", "ap new",  "apn",    "DON\xE2\x80\x99T MISS",
        "dont", "DONT ", "don",     "Google+", "GOOGLE", "googl",
        "X",    "y",     "",        "e-mail",  "email",  "emails",
        "a"};
    for (size_t k = 0; k < sizeof probes / sizeof probes[0]; k++) {
        const char *w = probes[k];
        ck_assert_msg(WN_SORTED_IN(w, strlen(w), sorted) == wn_ci_in(w, strlen(w), scan),
                      "probe \"%s\"", w);
    }
    ck_assert_int_eq(WN_SORTED_IN("Google+", 7, sorted), 1);
    ck_assert_int_eq(WN_SORTED_IN("googl", 5, sorted), 0);
}
END_TEST

/* Every slice of a sorted list (every start, every length) answers as a
 * scan of the same slice does: entries of one and two bytes, entries that
 * share their first two bytes, a byte above ASCII second, and probes in any
 * case that fall before, between, inside and after the entries. */
START_TEST(sorted_in_agrees_with_scan_on_every_slice) {
    static const char *const sorted[] = {
        "a",  "ab",        "abc", "abd",    "ac", "b",  "ba", "bab", "c",  "ca", "cab",
        "da", "d\xC3\xA9", "e",   "e-mail", "ea", "eb", "x",  "xa",  "xy", "z",  "z\xC3\xA9"};
    static const char *const probes[] = {
        "A",   "AB",     "Abc",       "abD", "abe",      "ab ", "aa", "b",         "BA",
        "bAb", "bb",     "cA",        "caB", "cac",      "d",   "DA", "D\xC3\xA9", "d\xC3",
        "e",   "E-Mail", "e-mai",     "eA",  "ec",       "w",   "x",  "XY",        "xz",
        "y",   "Z",      "z\xC3\xA9", "zz",  "\xC3\xA9", "0",   "-",  "ab\0",      "a\0"};
    const size_t nsorted = sizeof sorted / sizeof sorted[0];
    uint16_t keys[sizeof sorted / sizeof sorted[0]];
    wn_sorted_keys(sorted, nsorted, keys);
    for (size_t from = 0; from < nsorted; from++)
        for (size_t count = 0; from + count <= nsorted; count++)
            for (size_t k = 0; k < sizeof probes / sizeof probes[0]; k++) {
                const char *w = probes[k];
                /* the last two probes hold a NUL byte */
                size_t n = k + 2 >= sizeof probes / sizeof probes[0] ? strlen(w) + 1 : strlen(w);
                int found = 0;
                for (size_t j = from; j < from + count; j++)
                    found |= wn_ci_eq(w, n, sorted[j]);
                ck_assert_msg(wn_sorted_in(w, n, sorted + from, keys + from, count) == found,
                              "probe \"%s\", entries %zu..%zu", w, from, from + count);
            }
}
END_TEST

/* In a sorted list where no entry is a prefix of another, the lead-in
 * found by bisection is the one the scan of the list finds: the same
 * length, the same word boundary (an ASCII letter or digit after the lead
 * refuses it, anything else accepts it). */
START_TEST(sorted_lead_in_agrees_with_scan) {
    static const char *const sorted[] = {"click here", "copy link", "share on", "share or comment",
                                         "share the",  "share:",    "sign up",  "written by"};
    static const char *const scan[] = {"share on",         "share:",     "share the",
                                       "share or comment", "sign up",    "copy link",
                                       "click here",       "written by", NULL};
    static const char *const probes[] = {"Share on Facebook",
                                         "share onward",
                                         "SHARE THE STORY",
                                         "share these",
                                         "Share: Twitter",
                                         "share:x",
                                         "Share or comment on this",
                                         "share or",
                                         "Sign up",
                                         "Sign up7",
                                         "sign up\xC3\xA9",
                                         "sign upon",
                                         "Written by a reader",
                                         "Click here.",
                                         "copy",
                                         "zebra crossing",
                                         "a",
                                         ""};
    for (size_t k = 0; k < sizeof probes / sizeof probes[0]; k++) {
        const char *w = probes[k];
        ck_assert_msg(WN_SORTED_LEAD_IN(w, strlen(w), sorted) == wn_lead_in(w, strlen(w), scan),
                      "probe \"%s\"", w);
    }
    ck_assert_uint_eq(WN_SORTED_LEAD_IN("Share the news", 14, sorted), 9);
    ck_assert_uint_eq(WN_SORTED_LEAD_IN("share these", 11, sorted), 0);
}
END_TEST

/* Byte counts sixteen at a time, with per-lane counters that must be
 * summed before they wrap (255 blocks) and a last block that overlaps the
 * bytes counted before it: every length up to 300 and texts long enough
 * for several sums, against a count byte by byte. */
START_TEST(byte_counts_agree_with_reference) {
    static char buf[9000];
    uint32_t seed = 12345;
    for (size_t k = 0; k < sizeof buf; k++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = (seed >> 16) % 7;
        buf[k] = r == 0 ? ' ' : r == 1 ? (char)0xBD : r == 2 ? (char)0xC3 : (char)('a' + r);
    }
    /* a stretch that is all spaces: every lane counts up to its limit */
    memset(buf + 4096, ' ', 4500);
    for (size_t off = 0; off < 3; off++)
        for (size_t n = 0; off + n <= sizeof buf; n = n < 300 ? n + 1 : n * 2 + 7) {
            size_t sp = 0, bd = 0, high = 0;
            for (size_t k = off; k < off + n; k++) {
                sp += buf[k] == ' ';
                bd += (unsigned char)buf[k] == 0xBD;
                high += (unsigned char)buf[k] >= 0x80;
            }
            size_t nb = SIZE_MAX;
            ck_assert_uint_eq(wn_count_two(buf + off, n, ' ', 0xBD, &nb), sp);
            ck_assert_uint_eq(nb, bd);
            ck_assert_uint_eq(wn_count_two(buf + off, n, 0xBD, ' ', &nb), bd);
            ck_assert_uint_eq(nb, sp);
            ck_assert_uint_eq(wn_count_high(buf + off, n), high);
        }
    size_t nb;
    ck_assert_uint_eq(wn_count_two(buf + 4096, 4500, ' ', 'q', &nb), 4500);
    ck_assert_uint_eq(nb, 0);
    /* 255 blocks and a few bytes: the last block, read over the bytes before
     * it, must not take a lane past 255 */
    for (size_t r = 1; r < 16; r++) {
        ck_assert_uint_eq(wn_count_two(buf + 4096, 255 * 16 + r, ' ', 'q', &nb), 255 * 16 + r);
        ck_assert_uint_eq(wn_count_two(buf + 4096, 254 * 16 + r, ' ', 'q', &nb), 254 * 16 + r);
    }
}
END_TEST

/* Byte masks of up to 64 bytes, the last block read overlapping the one
 * before it: every length and offset, against a byte-by-byte scan. */
START_TEST(byte_masks_agree_with_reference) {
    char buf[80];
    for (size_t k = 0; k < sizeof buf; k++)
        buf[k] = ":|-x \xE2"[(k * 7 + k / 5) % 6];
    static const unsigned char b[4] = {':', '|', '-', 0xE2};
    for (size_t off = 0; off < 16; off++)
        for (size_t n = 0; n <= 64; n++) {
            uint64_t m[4], want[4] = {0, 0, 0, 0};
            wn_byte_masks(buf + off, n, b, m);
            for (size_t k = 0; k < n; k++)
                for (int j = 0; j < 4; j++)
                    if ((unsigned char)buf[off + k] == b[j])
                        want[j] |= (uint64_t)1 << k;
            for (int j = 0; j < 4; j++)
                ck_assert_msg(m[j] == want[j], "offset %zu, %zu bytes, byte %d", off, n, j);
        }
}
END_TEST

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Repeat detection compares texts whose hashes are equal: texts that differ
 * in one byte, at any offset and in any bit, and the prefixes of one text,
 * must all hash apart (a collision would only cost a comparison, but many
 * would make repeats slow to find). Lengths on both sides of 8, 16 and 32
 * bytes, where the hash reads a text in different steps, and blocks of 32
 * with a last one that overlaps the one before it or not. */
START_TEST(hash_separates_near_texts) {
    static const size_t lengths[] = {1, 7, 8, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 70};
    static uint64_t h[70 * 255 + 71];
    char text[70];
    for (size_t k = 0; k < sizeof text; k++)
        text[k] = (char)('a' + k % 23);
    for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
        size_t len = lengths[li], m = 0;
        for (size_t at = 0; at < len; at++)
            for (unsigned d = 1; d < 256; d++) {
                text[at] = (char)((unsigned char)text[at] ^ d);
                h[m++] = wn_hash(text, len, 0);
                text[at] = (char)((unsigned char)text[at] ^ d);
            }
        h[m++] = wn_hash(text, len, 0);
        if (len == sizeof text)
            for (size_t n = 0; n < sizeof text; n++)
                h[m++] = wn_hash(text, n, 0);
        qsort(h, m, sizeof h[0], cmp_u64);
        for (size_t k = 1; k < m; k++)
            ck_assert_msg(h[k] != h[k - 1], "two of %zu near texts of %zu bytes hash alike", m,
                          len);
    }
}
END_TEST

/* The core of a word: punctuation and quotes stripped from both ends,
 * whether the word starts or ends with a letter, a digit or neither. */
START_TEST(word_core_strips_both_ends) {
    static const char *const cases[][2] = {
        {"harbour", "harbour"},
        {"harbour.", "harbour"},
        {"(harbour)", "harbour"},
        {"\xE2\x80\x9Charbour\xE2\x80\x9D", "harbour"},
        {"harbour\xE2\x80\xA6", "harbour"},
        {"'90s", "90s"},
        {"9.", "9"},
        {"A-1", "A-1"},
        {"x", "x"},
        {"...", ""},
        {"U.S.", "U.S"},
        {"ferry,", "ferry"},
        {"\"Ferry\"", "Ferry"},
        {"caf\xC3\xA9", "caf\xC3\xA9"},
        {"\xC3\xA9t\xC3\xA9!", "\xC3\xA9t\xC3\xA9"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        wn_word w = {cases[k][0], strlen(cases[k][0])};
        wn_word c = wn_word_core(w);
        ck_assert_msg(c.n == strlen(cases[k][1]) && memcmp(c.p, cases[k][1], c.n) == 0,
                      "core of \"%s\": \"%.*s\", want \"%s\"", cases[k][0], (int)c.n, c.p,
                      cases[k][1]);
    }
}
END_TEST

/* Every ASCII byte around a word: stripped exactly when it is one of the
 * punctuation marks a word's core leaves out. */
/* The tables generated into lib/recognizers/tables.h when compiling are
 * what the word lists build at run time; after a list or the hashing
 * changes, tables-gen.py must run again. */
START_TEST(generated_tables_are_current) {
    ck_assert_msg(wn_noise_tables_current(),
                  "noise.c: run python3 lib/recognizers/tables-gen.py lib > "
                  "lib/recognizers/tables.h");
    ck_assert_msg(wn_byline_tables_current(),
                  "byline.c: run python3 lib/recognizers/tables-gen.py lib > "
                  "lib/recognizers/tables.h");
    ck_assert_msg(wn_related_tables_current(),
                  "related.c: run python3 lib/recognizers/tables-gen.py lib > "
                  "lib/recognizers/tables.h");
}
END_TEST

START_TEST(closer_ascii_agrees_with_closer) {
    for (unsigned c = 0; c < 0x80; c++)
        ck_assert_msg(wn_is_closer_ascii(c) == wn_is_closer(c), "byte 0x%02X", c);
}
END_TEST

START_TEST(dashes_and_trimming) {
    /* the hyphen, U+2010..U+2015 and the minus sign; not their neighbours */
    static const uint32_t dashes[] = {'-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212};
    static const uint32_t others[] = {',', '.', 0x200F, 0x2016, 0x2211, 0x2213, 0xAD, 0x2E3A};
    for (size_t k = 0; k < sizeof dashes / sizeof dashes[0]; k++)
        ck_assert_msg(wn_is_dash(dashes[k]), "U+%04X", (unsigned)dashes[k]);
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        ck_assert_msg(!wn_is_dash(others[k]), "U+%04X", (unsigned)others[k]);
    /* spaces go from both ends, and nothing else */
    const char *s = "  ferry times \t ";
    size_t n = strlen(s);
    wn_trim(&s, &n);
    ck_assert_uint_eq(n, 13);
    ck_assert_int_eq(memcmp(s, "ferry times \t", 13), 0);
    const char *blank = "   ";
    size_t bn = 3;
    wn_trim(&blank, &bn);
    ck_assert_uint_eq(bn, 0);
}
END_TEST

START_TEST(word_core_knows_every_ascii_byte) {
    static const char punct[] = "\"'()*,.:;!?[]";
    for (unsigned c = 1; c < 0x80; c++) {
        char b[4] = {(char)c, 'q', (char)c, 0};
        wn_word c1 = wn_word_core((wn_word){b, 3});
        int strip = strchr(punct, (int)c) != NULL;
        ck_assert_msg(strip ? (c1.p == b + 1 && c1.n == 1) : (c1.p == b && c1.n == 3),
                      "byte 0x%02X: core at %d, %zu bytes", c, (int)(c1.p - b), c1.n);
        /* after a letter, once ("q.") and twice ("qq.."): the first makes
         * the shortcut for one stop, the second does not */
        char t[4] = {'q', (char)c, 0, 0};
        wn_word c2 = wn_word_core((wn_word){t, 2});
        ck_assert_msg(c2.p == t && c2.n == (strip ? 1u : 2u), "q + byte 0x%02X: %zu bytes", c,
                      c2.n);
        char d[4] = {'q', 'q', (char)c, (char)c};
        wn_word c3 = wn_word_core((wn_word){d, 4});
        ck_assert_msg(c3.p == d && c3.n == (strip ? 2u : 4u), "qq + 2 x byte 0x%02X: %zu bytes", c,
                      c3.n);
    }
}
END_TEST

/* The last of a byte, eight bytes at a time from the end: every length and
 * offset, the byte planted nowhere, once or twice, against a scan. */
START_TEST(last_byte_agrees_with_reference) {
    char buf[48];
    unsigned seed = 99;
    for (int round = 0; round < 200; round++) {
        for (size_t k = 0; k < sizeof buf; k++)
            buf[k] = (char)('a' + next_rand(&seed) % 3);
        for (int planted = 0; planted < 3; planted++) {
            if (planted)
                buf[next_rand(&seed) % sizeof buf] = '.';
            for (size_t off = 0; off < 4; off++)
                for (size_t n = 0; off + n <= sizeof buf; n++) {
                    size_t want = SIZE_MAX;
                    for (size_t k = 0; k < n; k++)
                        if (buf[off + k] == '.')
                            want = k;
                    ck_assert_uint_eq(wn_last_byte(buf + off, n, '.'), want);
                }
        }
    }
}
END_TEST

/* The first two letters of a list's entries: every text that starts with
 * an entry, in any case, may; texts that start otherwise may not, unless
 * some entry does not start with two letters. */
START_TEST(lead_pairs_turn_away_other_starts) {
    static const char *const list[] = {"click here", "join us on", "share:", "tweet this"};
    wn_lead_pairs lp;
    WN_LEAD_PAIRS_INIT(&lp, list);
    static const char *const may[] = {"click here to read",
                                      "CLICK HERE",
                                      "Join us on Friday",
                                      "Share: the bridge",
                                      "tWeet this",
                                      "sh",
                                      "Jo"};
    for (size_t k = 0; k < sizeof may / sizeof may[0]; k++)
        ck_assert_msg(wn_lead_pairs_may(&lp, may[k], strlen(may[k])), "\"%s\"", may[k]);
    static const char *const others[] = {"The bridge opened", "c",  "lick here", "ajoin", "Cat",
                                         "[click here]",      "@j", "Jz",        "tx",    ""};
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        ck_assert_msg(!wn_lead_pairs_may(&lp, others[k], strlen(others[k])), "\"%s\"", others[k]);
    /* an entry whose second byte is not a letter, or that has one byte */
    static const char *const dash[] = {"by", "e-mail"};
    WN_LEAD_PAIRS_INIT(&lp, dash);
    ck_assert(wn_lead_pairs_may(&lp, "The", 3));
    static const char *const one[] = {"by", "x"};
    WN_LEAD_PAIRS_INIT(&lp, one);
    ck_assert(wn_lead_pairs_may(&lp, "The", 3));
}
END_TEST

/* wn_any_of3 at every length up to 100 with each of its bytes at every
 * place, alone: the overlapping last block and the byte loop both count. */
START_TEST(any_of3_finds_each_byte_anywhere) {
    static const unsigned char want[3] = {'(', '-', 0xE2};
    char buf[100];
    for (size_t n = 0; n <= sizeof buf; n++) {
        memset(buf, 'x', sizeof buf);
        ck_assert_msg(!wn_any_of3(buf, n, '(', '-', 0xE2), "nothing to find in %zu bytes", n);
        for (size_t at = 0; at < n; at++)
            for (int k = 0; k < 3; k++) {
                memset(buf, 'x', sizeof buf);
                buf[at] = (char)want[k];
                ck_assert_msg(wn_any_of3(buf, n, '(', '-', 0xE2), "0x%02X at %zu of %zu", want[k],
                              at, n);
                /* beyond the span it does not count */
                ck_assert(!wn_any_of3(buf, at, '(', '-', 0xE2));
            }
    }
}
END_TEST

/* wn_tail_cues, byte by byte: a ':' or '/', a "Credit" or "Photo by", or
 * else the last '.'. */
static int tail_cues_reference(const char *t, size_t tn, size_t *dot) {
    for (size_t i = 0; i < tn; i++)
        if (t[i] == ':' || t[i] == '/' || (tn - i >= 6 && memcmp(t + i, "Credit", 6) == 0) ||
            (tn - i >= 8 && memcmp(t + i, "Photo by", 8) == 0))
            return 1;
    *dot = SIZE_MAX;
    for (size_t i = 0; i < tn; i++)
        if (t[i] == '.')
            *dot = i;
    return 0;
}

/* Tails of every length up to 200 made of the cue bytes and the letters
 * of the cue words, in the 32-byte steps, in the blocks of the rest and in
 * the bytes after the last one, with cue words cut off by the end of the
 * tail. */
START_TEST(tail_cues_agree_with_reference) {
    static const char alphabet[] = "CreditPhoto by..x  ";
    static const char *const plants[] = {"Credit", "Photo by", "Photo b", "Credi", ":", "/", "."};
    unsigned state = 11;
    char t[200];
    for (int round = 0; round < 3000; round++) {
        size_t tn = (size_t)round % (sizeof t + 1);
        for (size_t i = 0; i < tn; i++)
            t[i] = alphabet[next_rand(&state) % (sizeof alphabet - 1)];
        const char *plant = plants[next_rand(&state) % (sizeof plants / sizeof plants[0])];
        size_t pn = strlen(plant);
        if (tn >= pn && round % 3) /* at the end, or anywhere */
            memcpy(t + (round % 2 ? tn - pn : next_rand(&state) % (tn - pn + 1)), plant, pn);
        size_t dot = 7, want_dot = 7;
        int got = wn_tail_cues(t, tn, &dot), want = tail_cues_reference(t, tn, &want_dot);
        ck_assert_msg(got == want, "round %d (%zu bytes): %d, want %d", round, tn, got, want);
        if (!want)
            ck_assert_msg(dot == want_dot, "round %d: last '.' at %zu, want %zu", round, dot,
                          want_dot);
    }
}
END_TEST

/* Units joined to the block before them are counted as they are joined
 * (repeat detection sizes its tables by the block heads from that count):
 * after the recognizers, the count is the number of units marked joined. */
START_TEST(joined_units_are_counted) {
    const char *text = "Harbor ferries resume their winter timetable\n\n"
                       "The three changes riders will notice first:\n\n"
                       "- earlier boats on weekdays\n"
                       "- a new stop at the north pier\n"
                       "- later boats on Saturdays\n\n"
                       "We are back on the water from Monday.\n"
                       "\u2014 Harbor Transit (@harbortransit) March 3, 2025\n\n"
                       "Officials said the timetable would hold until spring.\n";
    wn_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.al = wn_default_allocator;
    wn_arena_init(&doc.arena, &doc.al);
    doc.i_headline = doc.i_dek = doc.i_byline = doc.i_timestamp = doc.i_dateline = SIZE_MAX;
    wn_parser p;
    memset(&p, 0, sizeof p);
    p.in = text;
    p.len = strlen(text);
    p.flags = WN_OPT_DEFAULT;
    p.al = &doc.al;
    p.arena = &doc.arena;
    p.status = WN_OK;
    wn_buf_init(&p.scratch, p.al);
    wn_lines_split(&p);
    wn_wrap_detect(&p);
    wn_units_build(&p);
    wn_assemble(&p, &doc);
    ck_assert_int_eq(p.status, WN_OK);
    size_t joined = 0;
    for (size_t k = 0; k < p.nunits; k++)
        joined += p.units[k].join;
    /* the list's second and third items, the post's attribution line */
    ck_assert_uint_eq(joined, 3);
    ck_assert_uint_eq(p.njoined, joined);
    wn_mem_free(p.al, p.lines);
    wn_mem_free(p.al, p.units);
    wn_buf_release(&p.scratch);
    wn_mem_free(&doc.al, doc.blocks);
    wn_arena_release(&doc.arena);
}
END_TEST

/* The line, wrap and unit stages over text, as wn_parse() runs them, into
 * p (its arena: *arena); release_units() gives everything back. */
static void build_units(wn_parser *p, wn_arena *arena, const char *text) {
    wn_arena_init(arena, &wn_default_allocator);
    memset(p, 0, sizeof *p);
    p->in = text;
    p->len = strlen(text);
    p->flags = WN_OPT_DEFAULT;
    p->al = &wn_default_allocator;
    p->arena = arena;
    p->status = WN_OK;
    wn_buf_init(&p->scratch, p->al);
    wn_lines_split(p);
    wn_wrap_detect(p);
    wn_units_build(p);
    ck_assert_int_eq(p->status, WN_OK);
}

static void release_units(wn_parser *p, wn_arena *arena) {
    wn_mem_free(p->al, p->lines);
    wn_mem_free(p->al, p->units);
    wn_buf_release(&p->scratch);
    wn_arena_release(arena);
}

/* A block's extra fields are made once, on the first wn_extra() for it,
 * zeroed, and found again by every later call (the unit says whether they
 * were made, so that the block record is written, not read, the first
 * time); a block nobody asked for has none. */
START_TEST(extra_fields_made_once) {
    const char *text = "The ferry left at noon.\n\nIt reached the island by two.\n\n"
                       "Nobody was aboard on the way back.\n";
    wn_arena arena;
    wn_parser p;
    build_units(&p, &arena, text);
    ck_assert_uint_eq(p.nunits, 3);
    p.blocks = calloc(p.nunits, sizeof *p.blocks);
    ck_assert_ptr_nonnull(p.blocks);
    wn_block_extra *x0 = wn_extra(&p, 0);
    ck_assert_ptr_nonnull(x0);
    for (int f = 0; f < WN_NFIELDS; f++)
        ck_assert_ptr_null(x0->f[f].p);
    ck_assert_ptr_null(x0->arr);
    x0->f[WN_F_PLACE] = wn_sv_make("Harbor", 6);
    ck_assert_ptr_eq(wn_extra(&p, 0), x0);
    ck_assert_ptr_eq(x0->f[WN_F_PLACE].p, "Harbor");
    wn_block_extra *x2 = wn_extra(&p, 2);
    ck_assert_ptr_nonnull(x2);
    ck_assert_ptr_ne(x2, x0);
    ck_assert_ptr_eq(wn_extra(&p, 2), x2);
    ck_assert_ptr_eq(p.blocks[0].x, x0);
    ck_assert_ptr_null(p.blocks[1].x);
    ck_assert_ptr_eq(p.blocks[2].x, x2);
    free(p.blocks);
    release_units(&p, &arena);
}
END_TEST

/* The features of the first unit of text, through the line, wrap and unit
 * stages as wn_parse() runs them; its word count in *nwords and whether it
 * is in Title Case in *title when asked. */
static unsigned first_unit_words(const char *text, unsigned *endc, int *url, uint32_t *nwords,
                                 int *title) {
    wn_arena arena;
    wn_parser p;
    build_units(&p, &arena, text);
    ck_assert_uint_ge(p.nunits, 1);
    unsigned feat = p.units[0].feat;
    *endc = p.units[0].endc;
    *url = wn_unit_has_url(&p.units[0]);
    if (nwords)
        *nwords = p.units[0].nwords;
    if (title)
        *title = wn_title_case(&p.units[0]);
    release_units(&p, &arena);
    return feat;
}

static unsigned first_unit_measures_url(const char *text, unsigned *endc, int *url) {
    return first_unit_words(text, endc, url, NULL, NULL);
}

static unsigned first_unit_measures(const char *text, unsigned *endc) {
    int url;
    return first_unit_measures_url(text, endc, &url);
}

static unsigned first_unit_features(const char *text) {
    unsigned endc;
    return first_unit_measures(text, &endc);
}

/* A short unit's letters beyond ASCII are counted whether or not news
 * punctuation stands beside them; a line whose only bytes beyond ASCII are
 * news punctuation is copied as it is and has none to count. */
START_TEST(letters_beyond_ascii_beside_news_punctuation) {
    static const struct {
        const char *text;
        unsigned set, clear;
    } cases[] = {
        /* capitals only beyond ASCII, in curly quotes */
        {"\u201C\u00C9\u00C9 \u00C0\u00C0\u201D\n", WN_UF_CAPS, WN_UF_NOALNUM},
        {"\u00C9\u00C9 \u00C0\u00C0 \u2014 \u00D6\u00D6\n", WN_UF_CAPS, WN_UF_NOALNUM},
        /* the one letter is beyond ASCII, between dashes */
        {"\u2014 \u00E9 \u2014\n", 0, WN_UF_NOALNUM | WN_UF_CAPS},
        /* news punctuation only, beside ASCII */
        {"\u201CNEWS FLASH\u201D\n", WN_UF_CAPS, WN_UF_NOALNUM},
        {"\u2014 \u2018 \u2026 \u2014\n", WN_UF_NOALNUM, WN_UF_CAPS},
        {"\u2018Mixed case\u2019 \u2014 words\n", 0, WN_UF_CAPS | WN_UF_NOALNUM},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        unsigned f = first_unit_features(cases[k].text);
        ck_assert_msg((f & cases[k].set) == cases[k].set && !(f & cases[k].clear),
                      "case %zu: features %#x", k, f);
    }
}
END_TEST

/* How a unit ends: closing quotes, brackets and a space before them are
 * looked past, in ASCII and beyond. */
START_TEST(end_class_looks_past_closers) {
    static const struct {
        const char *text;
        unsigned endc;
    } cases[] = {
        {"The council met on Tuesday.\n", WN_END_PERIOD},
        {"The mayor said \"we will see.\"\n", WN_END_PERIOD},
        {"The mayor said \xE2\x80\x9Cwe will see.\xE2\x80\x9D\n", WN_END_PERIOD},
        {"(Reporting by the city desk.)\n", WN_END_PERIOD},
        {"She left the room. \"\n", WN_END_PERIOD},
        {"Was it 'the end?'\n", WN_END_QUESTION},
        {"What comes next?]\n", WN_END_QUESTION},
        {"Stop the count!}\n", WN_END_EXCLAIM},
        {"Results at a glance:\n", WN_END_COLON},
        {"first the budget, then the roads,\n", WN_END_OTHERPUNCT},
        {"and then \xE2\x80\x94\n", WN_END_OTHERPUNCT},
        {"Market update \xE2\x80\xA6\n", WN_END_PERIOD},
        {"Election night 2024\n", WN_END_WORD},
        {"Dinner at the caf\xC3\xA9\n", WN_END_WORD},
        {"\"Hello\"\n", WN_END_WORD},
        {"\"\"\n", WN_END_NONE},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        unsigned endc = 99;
        first_unit_measures(cases[k].text, &endc);
        ck_assert_msg(endc == cases[k].endc, "%s: end class %u, want %u", cases[k].text, endc,
                      cases[k].endc);
    }
}
END_TEST

/* A link is looked for in short text that has a dot before a lower-case
 * letter or "://" (an address by number has only the latter), and in a
 * line of one word however long; a line that is one link is marked so. */
START_TEST(links_by_number_are_found) {
    static const struct {
        const char *text;
        int url;
        unsigned only;
    } cases[] = {
        {"The files are at http://192.168.10.20/files for now\n", 1, 0},
        {"Read it on example.com today\n", 1, 0},
        {"The vote was 3:2 in favour\n", 0, 0},
        {"It ended at 10.30 and we left\n", 0, 0},
        {"https://example.com/a/long/path/to/the/story/of/the/harbour/ferry/and/its/crew/"
         "who/sailed/every/morning/at/dawn/across/the/bay/to/the/old/town/and/back/again/"
         "before/the/markets/opened/and/the/first/visitors/arrived/on/the/quay/and/the/"
         "harbour/master/rang/the/bell/index.html\n",
         1, WN_UF_URLONLY},
        {"(example.com)\n", 1, 0},
        {"(example.com\n", 1, 0},
        {"example.com\n", 1, WN_UF_URLONLY},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        unsigned endc;
        int url = -1;
        unsigned feat = first_unit_measures_url(cases[k].text, &endc, &url);
        ck_assert_msg(url == cases[k].url && (feat & WN_UF_URLONLY) == cases[k].only,
                      "%s: link %d, features %#x", cases[k].text, url, feat);
    }
}
END_TEST

/* Letter case beyond ASCII: each character counted once, whatever bytes
 * share its eight-byte window, and punctuation of U+2000..U+203F (skipped
 * without a lookup) never counted as a letter, while the letter-like
 * symbols after it are. */
START_TEST(letter_case_beyond_ascii) {
    static const struct {
        const char *text;
        unsigned caps, noalnum;
    } cases[] = {
        {"A \xE2\x80\x9C"
         "1\xE2\x80\x9D 2\n",
         0, 0}, /* one capital only */
        {"\xC3\x89"
         "COLE \xE2\x80\x9C"
         "NOUVELLE\xE2\x80\x9D \xC3\x80 PARIS\n",
         1, 0},
        {"\xC3\x89"
         "cole \xE2\x80\x94 "
         "\xC3\x80 PARIS\n",
         0, 0},
        {"\xE2\x84\x82 \xE2\x84\x82\n", 1, 0}, /* U+2102, a capital */
        {"\xE2\x80\x9C \xE2\x80\x94 \xE2\x80\xA2 \xE2\x80\x9D\n", 0, 1},
        {"\xE2\x80\x9C\xC3\xA9\xE2\x80\x9D\n", 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        unsigned f = first_unit_features(cases[k].text);
        ck_assert_msg(!(f & WN_UF_CAPS) == !cases[k].caps, "case %zu: CAPS %u", k,
                      (f & WN_UF_CAPS) != 0);
        ck_assert_msg(!(f & WN_UF_NOALNUM) == !cases[k].noalnum, "case %zu: NOALNUM %u", k,
                      (f & WN_UF_NOALNUM) != 0);
    }
}
END_TEST

/* Title Case: at least two significant words after the first and three
 * capitalised to each other one, the first word capitalised. Every order
 * of up to six words of five kinds (capitalised, lower case, a small
 * word Title Case leaves lower, one in brackets, a number) after a first
 * word in both cases: the
 * answer must not depend on where the lower-case words stand. */
START_TEST(title_case_counts_every_word) {
    static const char *const kinds[] = {"Harbour", "harbour", "of", "(Harbour)", "42"};
    for (unsigned first = 0; first < 2; first++) {
        for (unsigned len = 1; len <= 6; len++) {
            unsigned combos = 1;
            for (unsigned k = 0; k < len; k++)
                combos *= 5;
            for (unsigned c = 0; c < combos; c++) {
                char text[160];
                size_t o = (size_t)snprintf(text, sizeof text, "%s", first ? "Ferries" : "ferries");
                unsigned sig = 0, sigcap = 0;
                for (unsigned k = 0, v = c; k < len; k++, v /= 5) {
                    o += (size_t)snprintf(text + o, sizeof text - o, " %s", kinds[v % 5]);
                    sig += v % 5 != 2;
                    sigcap += v % 5 == 0 || v % 5 >= 3;
                }
                snprintf(text + o, sizeof text - o, "\n");
                int want = first && sig >= 2 && sigcap * 4 >= sig * 3;
                unsigned endc;
                int url, title;
                first_unit_words(text, &endc, &url, NULL, &title);
                ck_assert_msg(!title == !want, "%s: Title Case %d", text, title);
            }
        }
    }
}
END_TEST

/* WN_UF_TITLELIKE, measured once with the unit, says what
 * wn_title_like() asked of the unit's other measures on every call: 1 to
 * WN_TITLE_MAX_WORDS words, not ending in a period, a colon or other
 * punctuation (a comma, a semicolon, a dash), and none of a lower-case
 * start, no letter or digit, a bare link, two sentences, garbled bytes.
 * Units of 1 to 27 words with each ending and opening. */
START_TEST(titlelike_is_read_from_the_measures) {
    static const char *const opens[] = {"Harbour",
                                        "harbour",
                                        "42",
                                        "\"Harbour",
                                        "--",
                                        "www.example.com/news",
                                        "Storm hits. Harbour",
                                        "\xFF\xFE\xFD\xFC\xFB"};
    static const char *const ends[] = {
        "", ".", ":", ",", "?", "!", " \xE2\x80\x94", "\xE2\x80\xA6"};
    char text[512];
    int seen = 0, unseen = 0;
    for (size_t o = 0; o < sizeof opens / sizeof opens[0]; o++) {
        for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
            for (int words = 1; words <= WN_TITLE_MAX_WORDS + 2; words++) {
                int len = snprintf(text, sizeof text, "%s", opens[o]);
                for (int w = 1; w < words; w++)
                    len += snprintf(text + len, sizeof text - (size_t)len, " Pier");
                snprintf(text + len, sizeof text - (size_t)len, "%s\n", ends[e]);
                unsigned endc;
                int url;
                uint32_t nwords;
                unsigned f = first_unit_words(text, &endc, &url, &nwords, NULL);
                int want = nwords >= 1 && nwords <= WN_TITLE_MAX_WORDS && endc != WN_END_PERIOD &&
                           endc != WN_END_COLON && endc != WN_END_OTHERPUNCT &&
                           !(f & (WN_UF_LOWER0 | WN_UF_NOALNUM | WN_UF_URLONLY | WN_UF_SENTENCES |
                                  WN_UF_GARBLED));
                ck_assert_msg(!(f & WN_UF_TITLELIKE) == !want, "%s: TITLELIKE %u, want %d", text,
                              (f & WN_UF_TITLELIKE) != 0, want);
                /* and wn_title_like() adds the caller's limit on the words */
                wn_unit u;
                memset(&u, 0, sizeof u);
                u.feat = (uint16_t)f;
                u.nwords = nwords;
                ck_assert_int_eq(wn_title_like(&u, nwords), want);
                ck_assert_int_eq(wn_title_like(&u, WN_TITLE_MAX_WORDS), want);
                ck_assert_int_eq(wn_title_like(&u, nwords - 1), 0);
                seen += want;
                unseen += !want;
            }
        }
    }
    ck_assert_int_gt(seen, 50); /* both answers are well represented */
    ck_assert_int_gt(unseen, 200);
}
END_TEST

/* More than one sentence is measured on every unit that could still be a
 * title: up to WN_TITLE_MAX_WORDS words, opening with a capital, a digit
 * or a quotation mark, and ending in a word, '?' or '!'. */
START_TEST(sentences_where_titles_are_read) {
    static const char *const two[] = {
        "Storm hits coast. Residents flee inland\n",
        "\"Bridge closed for repairs. Detours signposted\"\n",
        "42 ferries cancelled. More delays expected tomorrow?\n",
        ("Storm hits the coast with heavy rain and strong winds through the night. Residents "
         "of the low valley towns flee inland to shelters\n"),
        "Wind warning issued! Schools stay shut\n",
    };
    for (size_t k = 0; k < sizeof two / sizeof two[0]; k++) {
        unsigned f = first_unit_features(two[k]);
        ck_assert_msg(f & WN_UF_SENTENCES, "%s: no second sentence", two[k]);
    }
    static const char *const one[] = {
        "Storm hits coast as residents flee inland\n",
        "Mr. Hale visits the harbour\n",
        "Ferries run 2.5 hours late\n",
    };
    for (size_t k = 0; k < sizeof one / sizeof one[0]; k++) {
        unsigned f = first_unit_features(one[k]);
        ck_assert_msg(!(f & WN_UF_SENTENCES), "%s: a second sentence", one[k]);
    }
}
END_TEST

START_TEST(unit_classes_are_counted_at_every_offset) {
    /* units of 1 to 256 bytes (measured 16 or 32 bytes at a time, the last
     * block overlapping the one before) with one odd byte at each offset:
     * a letter or a digit in a rule of '=' (NOALNUM, NODIGIT), a small
     * letter in capitals (CAPS) */
    char text[300];
    unsigned endc;
    for (size_t n = 1; n <= 256; n++)
        for (size_t at = 0; at < n; at++) {
            memset(text, '=', n);
            strcpy(text + n, "\n");
            ck_assert_msg(first_unit_measures(text, &endc) & WN_UF_NOALNUM, "%zu", n);
            text[at] = 'q';
            unsigned f = first_unit_measures(text, &endc);
            ck_assert_msg(!(f & WN_UF_NOALNUM) && (f & WN_UF_NODIGIT), "%zu at %zu", n, at);
            text[at] = '7';
            f = first_unit_measures(text, &endc);
            ck_assert_msg(!(f & (WN_UF_NOALNUM | WN_UF_NODIGIT)), "%zu at %zu", n, at);
            if (n < 2)
                continue;
            memset(text, 'Q', n);
            ck_assert_msg(first_unit_measures(text, &endc) & WN_UF_CAPS, "%zu", n);
            text[at] = 'q';
            ck_assert_msg(!(first_unit_measures(text, &endc) & WN_UF_CAPS), "%zu at %zu", n, at);
        }
}
END_TEST

/* Short units (up to 256 bytes) are measured sixteen bytes at a time,
 * the last bytes in one more block that overlaps the ones before it: the
 * words of lines of every length from 1 to 256 bytes, spaces anywhere,
 * must be counted once each. The lines open in lower case, so the count is
 * the spaces' and no Title Case test runs. */
START_TEST(short_unit_words_are_counted_once) {
    static const char *const words[] = {"a", "of", "the", "pier", "9", "harbour", "ferries"};
    unsigned state = 5;
    char text[300];
    for (int round = 0; round < 2000; round++) {
        size_t want = 1 + (size_t)round % 256, len = 0;
        uint32_t spaces = 0;
        text[len++] = 'x';
        while (len < want) {
            const char *w = words[next_rand(&state) % (sizeof words / sizeof words[0])];
            if (len + 1 + strlen(w) > want) {
                text[len++] = 'y'; /* fill up to the length wanted */
                continue;
            }
            text[len++] = ' ';
            spaces++;
            memcpy(text + len, w, strlen(w));
            len += strlen(w);
        }
        text[len++] = '\n';
        text[len] = '\0';
        unsigned endc;
        int url;
        uint32_t nwords;
        first_unit_words(text, &endc, &url, &nwords, NULL);
        ck_assert_msg(nwords == spaces + 1, "%zu bytes: %u words, want %u", want, nwords,
                      spaces + 1);
    }
}
END_TEST

/* Width (code points) and flags of the line s[0..n), byte by byte. */
static void line_reference(const char *s, size_t n, uint32_t *width, uint32_t *flags) {
    *width = 0;
    *flags = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        *width += (c & 0xC0) != 0x80;
        if (c >= 0x80)
            *flags |= WN_LF_HIGH;
        else if (c < 0x20 || c == 0x7F)
            *flags |= WN_LF_CTRL;
        if (c == '&')
            *flags |= WN_LF_AMP;
        if (c == ' ' && k && s[k - 1] == ' ')
            *flags |= WN_LF_DSPACE;
    }
}

/* The lines stage alone over text[0..n); the caller frees p.lines. */
static wn_parser split_lines(const char *text, size_t n) {
    wn_parser p;
    memset(&p, 0, sizeof p);
    p.in = text;
    p.len = n;
    p.al = &wn_default_allocator;
    wn_lines_split(&p);
    ck_assert_int_eq(p.status, WN_OK);
    return p;
}

/* Split `line` followed by `rest` (a line end and the next line) and
 * check the first line against line_reference(); `what` names the case. */
static void check_line_scan(const char *line, size_t len, const char *rest, const char *what) {
    size_t n = len + strlen(rest);
    char *buf = malloc(n);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, line, len);
    memcpy(buf + len, rest, n - len);
    wn_parser p = split_lines(buf, n);
    ck_assert_uint_eq(p.nlines, 2);
    uint32_t width, flags;
    line_reference(line, len, &width, &flags);
    ck_assert_msg(p.lines[0].end == len && p.lines[0].width == width && p.lines[0].flags == flags,
                  "%s: end %zu width %u flags %u, want width %u flags %u", what, p.lines[0].end,
                  p.lines[0].width, p.lines[0].flags, width, flags);
    wn_mem_free(p.al, p.lines);
    free(buf);
}

/* Blank lines, of nothing or of white space only (ASCII, no-break and
 * ideographic spaces), are counted, not kept: with every kind of line end,
 * k of them between two lines give the second line blanks == k; at the
 * end of the input they leave no line. */
START_TEST(blank_lines_are_counted) {
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    static const char *const fills[] = {"", "   ", "\t \t", "\xC2\xA0 \xE3\x80\x80"};
    char text[256];
    for (size_t e = 0; e < 3; e++)
        for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++)
            for (uint32_t k = 0; k <= 3; k++) {
                size_t n = (size_t)snprintf(text, sizeof text, "First line.%s", ends[e]);
                for (uint32_t b = 0; b < k; b++)
                    n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", fills[f], ends[e]);
                n += (size_t)snprintf(text + n, sizeof text - n, "Second line.%s%s", ends[e],
                                      fills[f]);
                wn_parser p = split_lines(text, n);
                ck_assert_msg(p.nlines == 2 && p.lines[0].blanks == 0 && p.lines[1].blanks == k,
                              "end %zu fill %zu: %zu lines, blanks %u, want 2 lines and %u", e, f,
                              p.nlines, p.nlines > 1 ? p.lines[1].blanks : 0, k);
                wn_mem_free(p.al, p.lines);
            }
}
END_TEST

/* The line scanner reads thirty-two (with AVX2), sixteen or eight bytes
 * at a time, skips blocks with nothing special in one test, and stops at
 * the block that holds the line end: a special byte (a UTF-8 letter, a
 * control byte, DEL, a tab, '&', two spaces) at every offset of lines of
 * every length up to 100 (three 32-byte blocks and more) must give the
 * same width and flags as a byte-by-byte count, and the bytes of the line
 * end and of the next line must not count. Lines of up to 40 bytes are
 * tried before every kind of line end and next line, longer ones before
 * one. */
START_TEST(line_scan_agrees_with_reference) {
    static const char *const specials[] = {"\xC3\xA9", "\x01", "\x7F", "\t", "&", "  ", "a"};
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    static const char *const next[] = {"x", "& \xC3\xA9\x02  tail of the next line, long enough"};
    char line[128];
    for (size_t len = 1; len <= 100; len++)
        for (size_t sp = 0; sp < sizeof specials / sizeof specials[0]; sp++)
            for (size_t at = 1; at + 1 < len; at++)
                for (size_t e = 0; e < 3; e++)
                    for (size_t x = 0; x < 2; x++) {
                        if (len > 40 && (e > 0 || x == 0))
                            continue; /* one line end past 40 bytes */
                        memset(line, 'b', len);
                        size_t sl = strlen(specials[sp]);
                        if (at + sl >= len)
                            continue;
                        memcpy(line + at, specials[sp], sl);
                        char rest[64], what[96];
                        snprintf(rest, sizeof rest, "%s%s", ends[e], next[x]);
                        snprintf(what, sizeof what,
                                 "line of %zu bytes, special %zu at %zu, end %zu", len, sp, at, e);
                        check_line_scan(line, len, rest, what);
                    }
}
END_TEST

/* A line whose only bytes beyond ASCII are curly quotes is copied as it
 * is (wn_clean_lines() says so): with one quote at every offset of lines
 * of 34 to 100 bytes, and a second one right after it, so that quotes
 * straddle every step of the 32-byte test with AVX2 and the block that
 * ends two bytes before the line's end, and end the line. */
START_TEST(news_punctuation_lines_copied_as_they_are) {
    char line[128];
    for (size_t len = 34; len <= 100; len++)
        for (size_t q = 0; q + 3 <= len; q++)
            for (int two = 0; two < 2; two++) {
                if (two && q + 6 > len)
                    continue;
                for (size_t i = 0; i < len; i++)
                    line[i] = i % 7 == 6 ? ' ' : (char)('a' + i % 26);
                line[0] = 'A';
                line[len - 1] = 'z';
                memcpy(line + q, "\xE2\x80\x9C", 3);
                if (two)
                    memcpy(line + q + 3, "\xE2\x80\x99", 3);
                line[len] = '\0';
                wn_arena arena;
                wn_parser p;
                build_units(&p, &arena, line);
                ck_assert_uint_eq(p.nlines, 1);
                size_t n;
                int as_is = 0;
                ck_assert_ptr_nonnull(wn_clean_lines(&p, 0, 0, &n, &as_is));
                ck_assert_msg(as_is && n == len, "%zu bytes, quote at %zu (%d): as_is %d", len, q,
                              two, as_is);
                release_units(&p, &arena);
            }
}
END_TEST

/* Lines of thousands of letters of two, three and four bytes: the line
 * scanner's fast path adds each block's continuation bytes to lanes and
 * sums them at the line's end, and over hundreds of blocks (past 255, where
 * a count kept in a byte would wrap) the width is still the number of
 * letters. */
START_TEST(line_scan_counts_long_lines) {
    static const char *const letters[] = {"\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x93\xB0"};
    static const size_t blocks[] = {254, 255, 256, 508, 509, 510, 511, 512, 600};
    for (size_t l = 0; l < sizeof letters / sizeof letters[0]; l++)
        for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
            size_t len = blocks[b] * 16 + l, ll = strlen(letters[l]);
            char *line = malloc(len);
            ck_assert_ptr_nonnull(line);
            for (size_t k = 0; k < len; k++)
                line[k] = letters[l][k % ll];
            /* whole letters only, and a word break now and then */
            len -= len % ll;
            for (size_t k = 50 * ll; k + ll < len; k += 50 * ll)
                memset(line + k, ' ', ll);
            char what[96];
            snprintf(what, sizeof what, "letter %zu over %zu blocks", l, blocks[b]);
            check_line_scan(line, len, "\nnext\n", what);
            free(line);
        }
}
END_TEST

/* Lines mixing single and double spaces with the special bytes, at
 * random places: plain blocks find their double spaces by comparing each
 * byte with the one after it, across the block's end too, so a space
 * before or after a plain block must pair only with its neighbour, and
 * the width must be the bytes less the continuation bytes. */
START_TEST(line_scan_agrees_on_mixed_lines) {
    /* a round draws from the first 8 pieces (plain text and single
     * spaces), the first 13 (special bytes too) or all (double spaces) */
    static const char *const pieces[] = {
        "bbbb", "bbbb", "bbbb", "bbbb", "bbbb",     "bbbb",         " ",
        " ",    "&",    "\t",   "\x01", "\xC3\xA9", "\xE2\x80\x9C", "  "};
    static const size_t drawn[] = {8, 13, 14};
    uint64_t r = 0x2545F4914F6CDD1Dull;
    char line[160];
    for (int round = 0; round < 30000; round++) {
        size_t len = 0, want = 1 + (size_t)(round % 120);
        while (len < want) {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            const char *piece = pieces[(r >> 32) % drawn[round % 3]];
            size_t pl = strlen(piece);
            memcpy(line + len, piece, pl);
            len += pl;
        }
        line[0] = line[len - 1] = 'b'; /* no white space to trim at either end */
        char what[48];
        snprintf(what, sizeof what, "round %d, %zu bytes", round, len);
        check_line_scan(line, len, "\n  next line & more", what);
    }
}
END_TEST

/* Case folding touches the 26 ASCII capitals and nothing else: every
 * pair of bytes, each way round, in wn_ci_prefix() and in a sorted list. */
START_TEST(case_folding_is_ascii_only) {
    /* the first disagreement, if any (one assertion at the end: Check
     * records every assertion it evaluates) */
    unsigned bad_a = 0, bad_b = 0;
    const char *bad = NULL;
    char s[3] = {0, 'x', 0}, lit[3] = {0, 'x', 0}, one[2] = {0, 0};
    const char *const list[] = {one};
    for (unsigned a = 1; a < 256 && !bad; a++) {
        s[0] = (char)a;
        unsigned fa = a >= 'A' && a <= 'Z' ? a | 0x20 : a;
        for (unsigned b = 1; b < 256 && !bad; b++) {
            unsigned fb = b >= 'A' && b <= 'Z' ? b | 0x20 : b;
            lit[0] = one[0] = (char)b;
            uint16_t key;
            wn_sorted_keys(list, 1, &key);
            if ((wn_ci_prefix(s, 2, lit) == 2) != (fa == fb))
                bad = "wn_ci_prefix";
            /* a sorted list holds lower case only */
            else if (fb == b && wn_sorted_in(s, 1, list, &key, 1) != (fa == b))
                bad = "wn_sorted_in";
            bad_a = a;
            bad_b = b;
        }
    }
    ck_assert_msg(!bad, "%s: bytes 0x%02X and 0x%02X", bad, bad_a, bad_b);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("lex");
    tcase_add_test(tc, ci_find_in_words);
    tcase_add_test(tc, finds_agree_with_reference);
    tcase_add_test(tc, next_space_agrees_with_reference);
    tcase_add_test(tc, swar_first_finds_the_first_flagged_byte);
    tcase_add_test(tc, phrases_found_at_word_starts);
    tcase_add_test(tc, phrases_found_at_every_offset);
    tcase_add_test(tc, phrases_agree_with_reference);
    tcase_add_test(tc, sorted_in_agrees_with_scan);
    tcase_add_test(tc, sorted_in_agrees_with_scan_on_every_slice);
    tcase_add_test(tc, month_and_weekday_names);
    tcase_add_test(tc, sorted_lead_in_agrees_with_scan);
    tcase_add_test(tc, line_scan_agrees_with_reference);
    tcase_add_test(tc, news_punctuation_lines_copied_as_they_are);
    tcase_add_test(tc, blank_lines_are_counted);
    tcase_add_test(tc, line_scan_agrees_on_mixed_lines);
    tcase_add_test(tc, line_scan_counts_long_lines);
    tcase_add_test(tc, unit_classes_are_counted_at_every_offset);
    tcase_add_test(tc, short_unit_words_are_counted_once);
    tcase_add_test(tc, word_core_strips_both_ends);
    tcase_add_test(tc, word_core_knows_every_ascii_byte);
    tcase_add_test(tc, closer_ascii_agrees_with_closer);
    tcase_add_test(tc, dashes_and_trimming);
    tcase_add_test(tc, generated_tables_are_current);
    tcase_add_test(tc, end_class_looks_past_closers);
    tcase_add_test(tc, title_case_counts_every_word);
    tcase_add_test(tc, sentences_where_titles_are_read);
    tcase_add_test(tc, titlelike_is_read_from_the_measures);
    tcase_add_test(tc, links_by_number_are_found);
    tcase_add_test(tc, any_of3_finds_each_byte_anywhere);
    tcase_add_test(tc, last_byte_agrees_with_reference);
    tcase_add_test(tc, lead_pairs_turn_away_other_starts);
    tcase_add_test(tc, tail_cues_agree_with_reference);
    tcase_add_test(tc, joined_units_are_counted);
    tcase_add_test(tc, letter_case_beyond_ascii);
    tcase_add_test(tc, byte_counts_agree_with_reference);
    tcase_add_test(tc, hash_separates_near_texts);
    tcase_add_test(tc, byte_masks_agree_with_reference);
    tcase_add_test(tc, case_folding_is_ascii_only);
    tcase_add_test(tc, extra_fields_made_once);
    tcase_add_test(tc, letters_beyond_ascii_beside_news_punctuation);
    suite_add_tcase(s, tc);
    return s;
}

WN_UNIT_MAIN(suite)
