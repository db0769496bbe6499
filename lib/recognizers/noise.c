/*
 * noise.c - lines that are not part of the story, recognizable on their
 * own: separators ("___", "* * *", a lone "-"), counters ("0", "7k SHARES",
 * "4,101 Retweets"), share and follow prompts ("Share this article",
 * "Follow X on Twitter", "Subscribe to ..."), and boilerplate
 * ("Advertisement", "Story Continued Below", a lone "Read more", a bare URL
 * or e-mail address, affiliate and cookie notices, a row of share buttons).
 * Noise that needs neighbours to be seen is found by context.c.
 */
#include "recognizers.h"
#include "tables.h"

/* clang-format off */
/* Whole-line boilerplate (compared without trailing punctuation). Lower
 * case, sorted (tests/check-sorted.py keeps it so): looked up by bisection. */
static const char *const boilerplate_lines[] = {
    "ad", "ads", "advertisement", "advertisement - scroll to continue", "advertisements",
    "advertising", "all rights reserved", "also on", "article continues after advertisement",
    "article continues below", "author", "authors", "autoplay", "back to top", "caption",
    "captions", "click here", "close", "comment", "comments", "continue reading",
    "continue reading after advertisement", "continue reading below",
    "continue reading the main story", "cookie policy", "don't miss", "dont miss",
    "editor's picks", "editors' picks", "email", "embed", "enlarge", "enlarge this image",
    "expand", "expand image", "filed under", "flipboard", "full screen", "fullscreen", "gallery",
    "hide caption", "hide thumbnails", "image", "latest", "latest news", "launch gallery",
    "leave a comment", "linkedin", "listen", "loading", "loading...", "log in", "menu",
    "more news", "more stories", "most popular", "most read", "must read", "mute", "next",
    "next slide", "open gallery", "paid content", "paid post", "photo", "photos", "pin", "play",
    "previous", "previous slide", "print", "privacy policy", "read more", "read more below",
    "read the full story", "recommended", "recommended for you", "reddit", "register", "related",
    "related articles", "related content", "related coverage", "related links", "related stories",
    "related topics", "related video", "related videos", "replay", "scroll down for video",
    "scroll to continue", "scroll to continue with content", "search", "share",
    "share on facebook", "share on twitter", "share this", "share this article",
    "share this story", "show caption", "show comments", "show thumbnails", "sign in",
    "skip advertisement", "sponsored", "sponsored content", "story continued below",
    "story continues", "story continues below", "subscribe", "tags", "terms of service",
    "terms of use", "the story continues below", "this article is more than 1 year old",
    "toggle caption", "top", "top stories", "topics", "trending", "trending now", "tweet",
    "unmute", "video", "view caption", "view comments", "view gallery", "watch", "whatsapp",
    "you may also like", "you might also like",
};
WN_SORTED_KEYS(boilerplate_lines, WN_KEYS_BOILERPLATE_LINES);
/* clang-format on */

/* Phrases that make a short line boilerplate wherever they stand. */
static const char *const boilerplate_phrases[] = {"affiliate link",
                                                  "all rights reserved",
                                                  "use of cookies",
                                                  "uses cookies",
                                                  "cookie policy",
                                                  "privacy policy",
                                                  "terms of service",
                                                  "this newsletter",
                                                  "our newsletter",
                                                  "add your name",
                                                  "sign the petition",
                                                  "follow us on",
                                                  "follow him on",
                                                  "follow her on",
                                                  "follow them on",
                                                  "follow me on",
                                                  "like us on facebook",
                                                  "copyright ©",
                                                  "© copyright",
                                                  "external links",
                                                  "will open in a new window",
                                                  "appears in print on",
                                                  "order reprints",
                                                  "originally published",
                                                  "original article on",
                                                  "view this post on",
                                                  "view this video on",
                                                  "view this image on",
                                                  "post shared by",
                                                  "continues below",
                                                  "trust principles",
                                                  "continues after the ad",
                                                  "continues after advertisement",
                                                  NULL};

/* Sorted, lower case, no entry a prefix of another (tests/check-sorted.py):
 * looked up by bisection. */
static const char *const share_leads[] = {"click here",       "click to email", "click to share",
                                          "copy link",        "copy this link", "download our",
                                          "download the",     "email this",     "follow us",
                                          "get our",          "get the latest", "join our",
                                          "join us on",       "like us on",     "share on",
                                          "share or comment", "share the",      "share this",
                                          "share via",        "share:",         "sign up for",
                                          "sign up to",       "subscribe for",  "subscribe to",
                                          "tap here",         "tweet this"};

/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const networks[] = {
    "bluesky",   "copy",    "e-mail",    "email",   "embed",    "facebook", "flipboard",
    "google",    "google+", "instagram", "link",    "linkedin", "mastodon", "messenger",
    "pinterest", "plus",    "print",     "reddit",  "share",    "snapchat", "telegram",
    "threads",   "tiktok",  "tumblr",    "twitter", "whatsapp", "x",        "youtube"};
WN_SORTED_KEYS(networks, WN_KEYS_NETWORKS);

/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const counter_words[] = {
    "article",  "comment", "comments", "email",     "facebook", "followers", "like",   "likes",
    "linkedin", "min",     "mins",     "minute",    "minutes",  "pin",       "plays",  "points",
    "post",     "print",   "quotes",   "reactions", "read",     "reads",     "reddit", "replies",
    "reply",    "retweet", "retweets", "save",      "share",    "shares",    "story",  "this",
    "tweet",    "twitter", "view",     "views",     "votes",    "whatsapp"};
WN_SORTED_KEYS(counter_words, WN_KEYS_COUNTER_WORDS);

static WN_ALWAYS_INLINE int is_number_word(wn_word w) {
    size_t i = 0, digits = 0;
    if (w.n && w.p[0] == '+') /* "+5" photos in a gallery */
        i++;
    while (i < w.n && (wn_is_digit((unsigned char)w.p[i]) || w.p[i] == ',' || w.p[i] == '.')) {
        digits += wn_is_digit((unsigned char)w.p[i]);
        i++;
    }
    if (!digits)
        return 0;
    if (i < w.n &&
        (w.p[i] == 'k' || w.p[i] == 'K' || w.p[i] == 'm' || w.p[i] == 'M' || w.p[i] == '+'))
        i++;
    return i == w.n;
}

/* "0", "4419915", "7k SHARES SHARE THIS STORY", "4,101 Retweets", and a
 * gallery position "3 of 12" */
static int is_counter(const wn_unit *u) {
    if (u->nwords > 8)
        return 0;
    size_t pos = 0;
    wn_word w;
    if (!wn_next_word(u->text, u->len, &pos, &w) || !is_number_word(w))
        return 0;
    if (u->nwords == 3) {
        size_t p2 = pos;
        wn_word of, total;
        if (wn_next_word(u->text, u->len, &p2, &of) && wn_ci_eq(of.p, of.n, "of") &&
            wn_next_word(u->text, u->len, &p2, &total) && is_number_word(total))
            return 1;
    }
    while (wn_next_word(u->text, u->len, &pos, &w)) {
        wn_word c = wn_word_core(w);
        if (c.n && !WN_SORTED_IN(c.p, c.n, counter_words) && !is_number_word(c))
            return 0;
    }
    return 1;
}

/* The tables of this file's word lists, built when compiling (tables.h,
 * from tables-gen.py; the tests "generated-tables" and
 * generated_tables_are_current keep them in step with the lists). */
#define WN_NET_LEN 16
typedef struct noise_sets {
    wn_phrases phrases; /* of boilerplate_phrases */
    /* by length, the first letters (bit 0: 'a') of the networks' names;
     * any_net: some name has no place here, so every word may be one */
    uint32_t net_initials[WN_NET_LEN];
    int any_net;
    wn_lead_pairs share; /* of share_leads */
} noise_sets;

static const noise_sets noise_tables = {.phrases = WN_BOILERPLATE_PHRASES,
                                        .net_initials = WN_NETWORK_INITIALS,
                                        .any_net = WN_NETWORK_ANY,
                                        .share = WN_SHARE_LEAD_PAIRS};

int wn_noise_tables_current(void) {
    noise_sets built;
    memset(&built, 0, sizeof built);
    wn_phrases_init(&built.phrases, boilerplate_phrases);
    WN_LEAD_PAIRS_INIT(&built.share, share_leads);
    for (size_t k = 0; k < sizeof networks / sizeof networks[0]; k++) {
        size_t len = strlen(networks[k]);
        unsigned first = (unsigned char)networks[k][0] - 'a';
        if (len < WN_NET_LEN && first < 26)
            built.net_initials[len] |= 1u << first;
        else
            built.any_net = 1;
    }
    return wn_phrases_equal(&built.phrases, &noise_tables.phrases) &&
           memcmp(built.net_initials, noise_tables.net_initials, sizeof built.net_initials) == 0 &&
           built.any_net == noise_tables.any_net &&
           wn_lead_pairs_equal(&built.share, &noise_tables.share);
}

/* Can the word be a network's name, by its length and its first letter?
 * Turns away most last words of a paragraph before the bisection. */
static int maybe_network(const noise_sets *sets, wn_word c) {
    if (sets->any_net)
        return 1;
    unsigned first = ((unsigned char)c.p[0] | 0x20u) - 'a';
    return c.n < WN_NET_LEN && first < 26 && ((sets->net_initials[c.n] >> first) & 1u);
}

/* A line made of share-button labels: "Facebook Twitter Email", or ending
 * in three or more of them ("...Facebook Twitter Google Plus Embed").
 * Counted from the end of the line. */
static int share_buttons(const wn_unit *u, const noise_sets *sets) {
    if (u->nwords > 40)
        return 0;
    size_t end = u->len, run = 0;
    while (end > 0) {
        size_t sp = wn_last_byte(u->text, end, ' ');
        size_t start = sp == SIZE_MAX ? 0 : sp + 1;
        wn_word w = {u->text + start, end - start};
        wn_word c = wn_word_core(w);
        if (!c.n || !maybe_network(sets, c) || !WN_SORTED_IN(c.p, c.n, networks))
            break;
        run++;
        end = start ? start - 1 : 0;
    }
    return (run >= 3) || (run == u->nwords && (run >= 2 || u->nwords == 1));
}

/* "Follow Datoc on Twitter", "Follow Newsbeat on Instagram, Facebook ..." */
static int follow_prompt(const wn_unit *u) {
    static const char *const follow[] = {"follow", NULL};
    if (u->nwords > 30 || (u->text[0] | 0x20) != 'f' || !wn_lead_in(u->text, u->len, follow))
        return 0;
    size_t on = wn_ci_find(u->text, u->len < 64 ? u->len : 64, " on ");
    if (on == SIZE_MAX || on > 60)
        return 0;
    size_t pos = on + 4;
    wn_word w;
    if (!wn_next_word(u->text, u->len, &pos, &w))
        return 0;
    wn_word c = wn_word_core(w);
    return c.n && WN_SORTED_IN(c.p, c.n, networks);
}

/* Headers of a group of links to the site's other stories. */
static const char *const promo_header_leads[] = {"more from",      "more stories from", "also on",
                                                 "more news from", "latest from",       NULL};

static const char *const link_box_leads[] = {"related", "more on", NULL};

static const char *const contact_leads[] = {"write to", "email",     "e-mail", "contact",
                                            "reach",    "send tips", NULL};

/* A breadcrumb trail: "Home » News » World", "News > Local > Courts".
 * Two or more separators, a few words between each. */
static int breadcrumb(const wn_unit *u) {
    /* the separators' last bytes: '>', and those of U+00BB and U+203A */
    if (u->nwords > 16 || u->endc == WN_END_PERIOD || !wn_any_of3(u->text, u->len, '>', 0xBB, 0xBA))
        return 0;
    static const char *const seps[] = {" \xC2\xBB ", " \xE2\x80\xBA ", " > "};
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t pos = 0, count = 0, len = strlen(seps[k]);
        for (;;) {
            size_t f = wn_find(u->text + pos, u->len - pos, seps[k]);
            size_t seg = f == SIZE_MAX ? u->len - pos : f;
            if (seg == 0 || wn_count_words_upto(u->text + pos, seg, 4) > 4)
                break;
            if (f == SIZE_MAX)
                return count >= 2;
            count++;
            pos += f + len;
        }
    }
    return 0;
}

static int boilerplate_line(const wn_unit *u, const noise_sets *sets) {
    const char *s = u->text;
    size_t n = u->len;
    /* the trailing punctuation matters to the tests of short lines only */
    if (u->nwords <= 25)
        while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == ' '))
            n--;
    if (u->nwords <= 8 && WN_SORTED_IN(s, n, boilerplate_lines))
        return 1;
    if (u->nwords <= 6 && u->endc != WN_END_PERIOD && wn_lead_in(s, n, promo_header_leads))
        return 1;
    /* the header of a box of links: "Related Internet Links", "More on this story" */
    if (u->nwords <= 4 && u->endc == WN_END_WORD && wn_lead_in(s, n, link_box_leads) &&
        ((u->feat & WN_UF_CAPS) || wn_title_case(u)))
        return 1;
    /* "Story continues below advertisement", "Advertisement - Scroll to Read" */
    if (u->nwords <= 6 && u->endc != WN_END_PERIOD && wn_ci_find(s, n, "advertise") != SIZE_MAX)
        return 1;
    /* a phrase anywhere in a short line; in a longer one (a promo with a
     * follow prompt) near its start or its end */
    if (u->nwords <= 30 && wn_phrases_find(&sets->phrases, u->text, u->len))
        return 1;
    if (u->nwords > 30 && u->nwords <= 60) {
        size_t head = u->len < 80 ? u->len : 80, tail = u->len > 120 ? u->len - 120 : 0;
        if (wn_phrases_find(&sets->phrases, u->text, head) ||
            wn_phrases_find(&sets->phrases, u->text + tail, u->len - tail))
            return 1;
    }
    if ((u->feat & WN_UF_URLONLY) || breadcrumb(u))
        return 1;
    /* a lone e-mail address, or a line telling readers how to reach the
     * author ("Write to Jane Doe at jane@example.com") */
    size_t at = u->nwords <= 25 ? wn_find(s, n, "@") : SIZE_MAX;
    if (at != SIZE_MAX && at > 0 && s[at - 1] != ' ' && wn_find(s + at, n - at, ".") != SIZE_MAX &&
        (u->nwords == 1 || wn_lead_in(s, n, contact_leads)))
        return 1;
    return 0;
}

void wn_rec_noise(wn_parser *p) {
    const noise_sets *sets = &noise_tables;
    for (size_t i = p->near_from; i < p->near_to; i++) {
        wn_fetch_text_ahead(p, i);
        wn_unit *u = &p->units[i];
        if (!wn_free_unit(u))
            continue;
        if (u->feat & WN_UF_NOALNUM) {
            wn_mark_noise(p, i, WN_REASON_SEPARATOR);
        } else if (is_counter(u)) {
            wn_mark_noise(p, i, WN_REASON_COUNTER);
        } else if ((u->nwords <= 30 && wn_lead_pairs_may(&sets->share, u->text, u->len) &&
                    WN_SORTED_LEAD_IN(u->text, u->len, share_leads)) ||
                   follow_prompt(u) || share_buttons(u, sets)) {
            wn_mark_noise(p, i, WN_REASON_SHARE);
        } else if (!(u->feat & WN_UF_GARBLED) && boilerplate_line(u, sets)) {
            wn_mark_noise(p, i, WN_REASON_BOILERPLATE);
        }
    }
}
