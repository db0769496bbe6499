/*
 * stress-gen.c - generated input: ordinary article text of any size and
 * the pathological families of the benchmark (see stress.h). All words are
 * invented for the purpose; nothing comes from a real article.
 */
#define _POSIX_C_SOURCE 200809L

#include "stress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ buffer */

void wns_put(wns_buf *b, const void *p, size_t n) {
    if (b->cap - b->n < n + 1) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->n < n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            fprintf(stderr, "stress: out of memory generating %zu bytes\n", b->n + n);
            exit(2);
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void wns_puts(wns_buf *b, const char *s) {
    wns_put(b, s, strlen(s));
}

void wns_putc(wns_buf *b, char c) {
    wns_put(b, &c, 1);
}

double wns_cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ ordinary text */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[next(r) % COUNT(a)])

static const char *const subjects[] = {"The council",
                                       "The harbour board",
                                       "Local farmers",
                                       "The school district",
                                       "Two nurses",
                                       "A group of parents",
                                       "The ferry company",
                                       "The mayor's office",
                                       "Volunteers",
                                       "The county engineer",
                                       "Shop owners on Mill Road",
                                       "The water authority",
                                       "Residents",
                                       "The fire chief",
                                       "A panel of judges",
                                       "The regional museum",
                                       "Bus drivers",
                                       "The planning committee",
                                       "An independent auditor",
                                       "The library trustees"};
static const char *const verbs[] = {
    "approved", "rejected",  "postponed", "questioned", "welcomed", "praised", "criticised",
    "reviewed", "announced", "defended",  "paid for",   "opened",   "closed",  "delayed",
    "extended", "published", "discussed", "measured",   "repaired", "replaced"};
static const char *const objects[] = {"a plan to widen the coast road",
                                      "the new budget for the harbour",
                                      "repairs to the old stone bridge",
                                      "a second bus line to the hospital",
                                      "the report on winter flooding",
                                      "longer opening hours at the pool",
                                      "a survey of the northern wetlands",
                                      "the price of parking permits",
                                      "a fund for small bakeries",
                                      "the timetable for the night ferry",
                                      "plans for a solar farm near the quarry",
                                      "the rules for street markets",
                                      "a study of traffic near the schools",
                                      "new lights for the football ground",
                                      "the sale of the empty post office",
                                      "a festival in the market square"};
static const char *const tails[] = {"on Tuesday",
                                    "after a long debate",
                                    "for the third year in a row",
                                    "despite protests",
                                    "without a vote",
                                    "at a packed meeting",
                                    "late on Friday",
                                    "earlier this month",
                                    "by a narrow margin",
                                    "with little fanfare",
                                    "before the summer break",
                                    "in a written statement",
                                    "after months of delay",
                                    "in front of reporters"};
static const char *const names[] = {"Ada Lindqvist", "Tomas Brenner", "Ellen Fisk", "Sam Okafor",
                                    "Rita Vos",      "Karl Vint",     "Mira Sand",  "Olu Ade",
                                    "Hana Mori",     "Pia Holm",      "Jakob Ree",  "Lena Ortiz"};
static const char *const roles[] = {
    "a council member",     "the harbour master", "a local teacher",       "who runs the bakery",
    "the county treasurer", "a retired pilot",    "the head of the union", "a nurse"};
static const char *const places[] = {"PORTMERE", "GREYFIELD",  "DUNMORE",   "KESTON",
                                     "ELMSFORD", "SALT CREEK", "BRIARWOOD", "OSTER POINT"};

static void number(wns_buf *b, rng *r) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%u", (unsigned)(next(r) % 100000));
    wns_puts(b, tmp);
}

static void sentence(wns_buf *b, rng *r) {
    switch (next(r) % 5) {
    case 0:
        wns_puts(b, "\xE2\x80\x9C");
        wns_puts(b, PICK(r, subjects));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, verbs));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, objects));
        wns_puts(b, ",\xE2\x80\x9D said ");
        wns_puts(b, PICK(r, names));
        wns_puts(b, ", ");
        wns_puts(b, PICK(r, roles));
        wns_puts(b, ".");
        break;
    case 1:
        wns_puts(b, "About ");
        number(b, r);
        wns_puts(b, " people ");
        wns_puts(b, PICK(r, verbs));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, objects));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, tails));
        wns_puts(b, ".");
        break;
    default:
        wns_puts(b, PICK(r, subjects));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, verbs));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, objects));
        wns_puts(b, " ");
        wns_puts(b, PICK(r, tails));
        wns_puts(b, ", and ");
        number(b, r);
        wns_puts(b, " of them ");
        wns_puts(b, PICK(r, verbs));
        wns_puts(b, " it.");
        break;
    }
}

static void paragraph(wns_buf *b, rng *r) {
    size_t k = 2 + next(r) % 4;
    for (size_t i = 0; i < k; i++) {
        if (i)
            wns_puts(b, " ");
        sentence(b, r);
    }
    wns_puts(b, "\n\n");
}

void wns_ordinary(wns_buf *b, size_t size, uint64_t seed) {
    rng r = {seed};
    size_t start = b->n;
    while (b->n - start < size) {
        /* the top of one article */
        wns_puts(b, PICK(&r, subjects));
        wns_puts(b, " ");
        wns_puts(b, PICK(&r, verbs));
        wns_puts(b, " ");
        wns_puts(b, PICK(&r, objects));
        wns_puts(b, "\n\nBy ");
        wns_puts(b, PICK(&r, names));
        wns_puts(b, " and ");
        wns_puts(b, PICK(&r, names));
        wns_puts(b, "\nMarch ");
        number(b, &r);
        wns_puts(b, ", 2025\n\n");
        wns_puts(b, PICK(&r, places));
        wns_puts(b, " (AP) \xE2\x80\x94 ");
        paragraph(b, &r);
        for (int p = 0; p < 24 && b->n - start < size; p++) {
            paragraph(b, &r);
            switch (next(&r) % 12) {
            case 0:
                wns_puts(b, "What comes next\n\n");
                break;
            case 1:
                for (int i = 0; i < 3; i++) {
                    wns_puts(b, "- ");
                    sentence(b, &r);
                    wns_puts(b, "\n");
                }
                wns_puts(b, "\n");
                break;
            case 2:
                wns_puts(b, "RELATED: ");
                wns_puts(b, PICK(&r, subjects));
                wns_puts(b, " ");
                wns_puts(b, PICK(&r, verbs));
                wns_puts(b, " ");
                wns_puts(b, PICK(&r, objects));
                wns_puts(b, "\n\n");
                break;
            case 3:
                wns_puts(b, PICK(&r, subjects));
                wns_puts(b, " at the meeting on Monday. (Photo by ");
                wns_puts(b, PICK(&r, names));
                wns_puts(b, "/Getty Images)\n\n");
                break;
            default:
                break;
            }
        }
    }
}

/* ------------------------------------------------------------------ families */

/* Repeat `unit` until the buffer holds about `size` bytes. */
static void repeat(wns_buf *b, const char *unit, size_t size) {
    size_t m = strlen(unit);
    while (b->n + m <= size)
        wns_put(b, unit, m);
}

static void make_ordinary(wns_buf *b, size_t size) {
    wns_ordinary(b, size, 1);
}

/* One line of ordinary words, no line end. */
static void make_single_line(wns_buf *b, size_t size) {
    wns_ordinary(b, size, 2);
    for (size_t i = 0; i < b->n; i++)
        if (b->p[i] == '\n')
            b->p[i] = ' ';
}

static void make_blank_lines(wns_buf *b, size_t size) {
    wns_puts(b, "A headline above a million blank lines\n");
    repeat(b, "\n", size);
    wns_puts(b, "The only paragraph, after the blank lines.\n");
}

static void make_identical_lines(wns_buf *b, size_t size) {
    repeat(b, "The council approved the harbour budget on Tuesday after a long debate.\n", size);
}

/* Lines that each look like a post's attribution, with different handles. */
static void make_attributions(wns_buf *b, size_t size) {
    char line[128];
    for (unsigned i = 0; b->n < size; i++) {
        snprintf(line, sizeof line, "%sHarbour Ferry News %u (@harbour_%u) March %u, 2025\n",
                 i % 3 == 0 ? "\xE2\x80\x94 "
                            : (i % 3 == 1 ? "-- " : "A post on the ferry \xE2\x80\x94 "),
                 i, i % 100000, 1 + i % 28);
        wns_puts(b, line);
    }
}

static void make_at_run(wns_buf *b, size_t size) {
    repeat(b, "(@", size);
}

/* Long runs of bullet lines, each with many nested markers. */
static void make_bullets(wns_buf *b, size_t size) {
    static const char *const marks[] = {"- ", "* ", "\xE2\x80\xA2 ", "1. ", "2) ", "\xC2\xB7 "};
    for (unsigned i = 0; b->n < size; i++) {
        for (unsigned k = 0; k < 1 + i % 40; k++)
            wns_puts(b, marks[(i / 64 + k) % COUNT(marks)]);
        wns_puts(b, i % 5 ? "New Bus Line Opens" : "An item that ends in a full stop.");
        wns_puts(b, "\n");
    }
}

static void make_every_byte(wns_buf *b, size_t size) {
    rng r = {3};
    while (b->n < size) {
        for (unsigned c = 0; c < 256; c++)
            wns_putc(b, (char)c);
        for (unsigned k = 0; k < 256; k++)
            wns_putc(b, (char)(next(&r) & 0xFF));
    }
}

/* Every class of invalid UTF-8, between short words and line ends. */
static void make_invalid_utf8(wns_buf *b, size_t size) {
    static const char *const bad[] = {
        "\x80",
        "\xBF",
        "\x80\x80\x80", /* lone continuation bytes */
        "\xC0\xAF",
        "\xC1\xBF", /* overlong two-byte */
        "\xE0\x80\xAF",
        "\xE0\x9F\xBF", /* overlong three-byte */
        "\xF0\x80\x80\xAF",
        "\xF0\x8F\xBF\xBF", /* overlong four-byte */
        "\xED\xA0\x80",
        "\xED\xBF\xBF", /* surrogates */
        "\xF4\x90\x80\x80",
        "\xF7\xBF\xBF\xBF", /* above U+10FFFF */
        "\xF8\x88\x80\x80\x80",
        "\xFC\x84\x80\x80\x80\x80", /* five and six bytes */
        "\xFE",
        "\xFF",
        "\xC3",
        "\xE2\x80",
        "\xF0\x9F\x98", /* bad leads, truncated */
        "\xC3\x28",
        "\xE2\x28\xA1",
        "\xF0\x28\x8C\xBC", /* bad continuation */
    };
    for (unsigned i = 0; b->n < size; i++) {
        wns_puts(b, "word");
        wns_puts(b, bad[i % COUNT(bad)]);
        wns_puts(b, i % 7 == 6 ? "\n" : " ");
    }
}

static void make_cr_only(wns_buf *b, size_t size) {
    wns_ordinary(b, size, 4);
    for (size_t i = 0; i < b->n; i++)
        if (b->p[i] == '\n')
            b->p[i] = '\r';
}

/* The attribution that makes the line before it (or the text before it on
 * its line) an embedded post, whose links are all collected. */
#define ATTRIBUTION " \xE2\x80\x94 Harbour Ferries (@HarbourFerries) June 4, 2021\n"

/* A post made of hosts glued to accented letters: each letter after an
 * accent starts a word that the link finder used to rescan to the end of
 * the host (quadratic). */
static void make_glued_hosts(wns_buf *b, size_t size) {
    size_t end = size > 64 ? size - 64 : 0;
    repeat(b,
           "\xC3\xA9"
           "a.",
           end);
    wns_puts(b, ATTRIBUTION);
}

/* A post whose link is followed by a long run of unbalanced closers: the
 * link finder trimmed one closer per scan of the whole link (quadratic). */
static void make_link_closers(wns_buf *b, size_t size) {
    size_t end = size > 64 ? size - 64 : 0;
    wns_puts(b, "See http://example.com/page");
    repeat(b, ")", end);
    wns_puts(b, ATTRIBUTION);
}

/* Short lines between noise lines: junk-between-junk walked every run of
 * noise to the end of the text for each line (quadratic). */
static void make_junk_sandwich(wns_buf *b, size_t size) {
    char line[64];
    for (unsigned i = 0; b->n < size; i++) {
        snprintf(line, sizeof line, "Advertisement\nItem %u\n", i);
        wns_puts(b, line);
    }
}

/* One letter with a long run of combining marks of two classes in
 * descending order: the canonical ordering of NFC was a gnome sort. */
static void make_combining(wns_buf *b, size_t size) {
    wns_puts(b, "a");
    repeat(b, "\xCC\x81\xCC\x96", size); /* U+0301 (230) U+0316 (220) */
}

/* Single-character lines: the most lines (and blocks) per byte. */
static void make_short_lines(wns_buf *b, size_t size) {
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
    for (unsigned i = 0; b->n < size; i++) {
        wns_putc(b, letters[i % 26]);
        wns_putc(b, '\n');
    }
}

/* Character references, valid and not, back to back. */
static void make_entities(wns_buf *b, size_t size) {
    for (unsigned i = 0; b->n < size; i++) {
        wns_puts(b, "&amp;&#8217;&mdash;&#x1F600;&nbsp&notanentity;&#99999999999;&&#;");
        if (i % 8 == 7)
            wns_puts(b, "\n");
    }
}

/* Ordinary text hard-wrapped at 70 columns. */
static void make_hard_wrapped(wns_buf *b, size_t size) {
    wns_buf t = {0};
    wns_ordinary(&t, size, 5);
    size_t col = 0, last_space = SIZE_MAX;
    for (size_t i = 0; i < t.n; i++) {
        char c = t.p[i];
        wns_putc(b, c);
        if (c == '\n') {
            col = 0;
            last_space = SIZE_MAX;
            continue;
        }
        if (c == ' ')
            last_space = b->n - 1;
        if (++col >= 70 && last_space != SIZE_MAX) {
            b->p[last_space] = '\n';
            col = b->n - last_space - 1;
            last_space = SIZE_MAX;
        }
    }
    free(t.p);
}

/* Posts whose text runs for a whole line before the attribution. */
static void make_long_posts(wns_buf *b, size_t size) {
    wns_buf t = {0};
    wns_ordinary(&t, 64 * 1024, 6);
    for (size_t i = 0; i < t.n; i++)
        if (t.p[i] == '\n')
            t.p[i] = ' ';
    while (b->n < size) {
        wns_put(b, t.p, t.n);
        wns_puts(b, " https://t.co/AbCdEf \xE2\x80\x94 Harbour Ferries (@HarbourFerries) June 4, "
                    "2021\n");
    }
    free(t.p);
}

/* Title lines under group headers, noise and counters: the context rules. */
static void make_title_runs(wns_buf *b, size_t size) {
    char line[128];
    for (unsigned i = 0; b->n < size; i++) {
        snprintf(line, sizeof line,
                 "Related Coverage\nNew Bus Line %u Opens On Main Street\n"
                 "Council Votes On Harbour Plan %u\n%u Comments\nShare this article\n",
                 i, i, i % 1000);
        wns_puts(b, line);
    }
}

/* Long paragraphs of one length, alike in their first, middle and last
 * 32 bytes (what repeat detection keys a long text by) and different a
 * few bytes before their last 32: each is compared with the earlier ones
 * its key meets, and the comparison must not read them all. */
static void make_keyed_alike(wns_buf *b, size_t size) {
    char line[640];
    for (unsigned i = 0; b->n < size; i++) {
        int n = snprintf(line, sizeof line,
                         "The harbour works went on through the night, the cranes lit from the "
                         "quay and the barges waiting their turn in the outer basin, while the "
                         "night shift logged every lift and every delay in the yard book, which "
                         "the port office reads each morning before the tide tables are set. The "
                         "foreman said the schedule still held, though the wind had turned and "
                         "two of the older cranes were slow, and the last of the stone for the "
                         "new wall came in an hour late on lift %08u, then the crews moved the "
                         "barges to the inner berths.\n",
                         i);
        wns_put(b, line, (size_t)n);
    }
}

static const wns_kind kinds[] = {
    {"ordinary", "ordinary article text (the reference)", 32u << 20, 1, make_ordinary},
    {"single-line", "one 64 MB line of article words", 64u << 20, 1, make_single_line},
    {"blank-lines", "1,000,000 blank lines", 1000000, 1, make_blank_lines},
    {"identical-lines", "200,000 identical lines (repeat detection)", 200000u * 73, 1,
     make_identical_lines},
    {"attributions", "100,000 lines that look like post attributions", 100000u * 52, 1,
     make_attributions},
    {"at-run", "10 MB of \"(@\"", 10u << 20, 1, make_at_run},
    {"bullets", "deep runs of bullets (1-40 nested markers a line)", 16u << 20, 1, make_bullets},
    {"every-byte", "every byte value, then random bytes", 16u << 20, 1, make_every_byte},
    {"invalid-utf8", "invalid UTF-8 of every class between words", 16u << 20, 1, make_invalid_utf8},
    {"cr-only", "article text with CR line ends only", 16u << 20, 1, make_cr_only},
    {"glued-hosts",
     "a post of hosts glued to accented letters (\"\xC3\xA9"
     "a.\" repeated)",
     8u << 20, 1, make_glued_hosts},
    {"link-closers", "a post with a link followed by 8 MB of \")\"", 8u << 20, 1,
     make_link_closers},
    {"junk-sandwich", "lines between noise lines (12 bytes a line)", 8u << 20, 0,
     make_junk_sandwich},
    {"combining", "a letter with 8 MB of combining marks", 8u << 20, 1, make_combining},
    {"short-lines", "one-letter lines (2 bytes a line)", 8u << 20, 0, make_short_lines},
    {"entities", "character references back to back", 8u << 20, 1, make_entities},
    {"hard-wrapped", "article text hard-wrapped at 70 columns", 16u << 20, 1, make_hard_wrapped},
    {"long-posts", "64 KB posts with an attribution", 16u << 20, 1, make_long_posts},
    {"title-runs", "titles under group headers, counters (25 bytes a line)", 8u << 20, 0,
     make_title_runs},
    {"keyed-alike", "paragraphs alike where repeat detection keys them (1 MB)", 1000000, 1,
     make_keyed_alike},
};

const wns_kind *wns_kinds(size_t *count) {
    *count = COUNT(kinds);
    return kinds;
}

const wns_kind *wns_kind_named(const char *name) {
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}
