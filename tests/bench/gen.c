/*
 * gen.c - the benchmark's own wire-style text: deterministic articles of
 * about 5 KB assembled from invented sentences (fictional towns, people and
 * agencies' usual formats), covering every block type wirenews knows:
 * headline, dek, byline, timestamp, dateline paragraphs, body paragraphs,
 * subheads, bullet and numbered lists, embedded posts, related links,
 * photo captions and noise (prompts, counters, separators, repeats).
 * Some articles are hard-wrapped, some use CRLF, some carry HTML character
 * references, non-breaking spaces, or a decomposed accent that needs NFC.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"

uint64_t wnb_rand(wnb_rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

size_t wnb_below(wnb_rng *r, size_t n) {
    return n ? (size_t)(wnb_rand(r) % n) : 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[wnb_below((r), COUNT(a))])

/* ------------------------------------------------------------------ word banks */

static const char *const places[] = {"Millbrook",  "Port Alder", "Keston",       "Lowry Bay",
                                     "Varney",     "Elmsford",   "North Hollis", "Grantham Ford",
                                     "Salt Creek", "Briarwood",  "Oster Point",  "Fennick"};
static const char *const places_caps[] = {
    "MILLBROOK",    "PORT ALDER",    "KESTON",     "LOWRY BAY", "VARNEY",      "ELMSFORD",
    "NORTH HOLLIS", "GRANTHAM FORD", "SALT CREEK", "BRIARWOOD", "OSTER POINT", "FENNICK"};
static const char *const regions[] = {"Ore.", "Mich.", "N.C.", "Calif.", "Maine", "Wis.", "Vt."};
static const char *const agencies[] = {"AP", "Reuters", "AFP"};
static const char *const dashes[] = {" \xE2\x80\x94 ", " - ", " -- ", " \xE2\x80\x93 "};

static const char *const first_names[] = {
    "Jane",        "Tomas", "Priya",  "Olu",  "Marta",  "Kenji",          "Zo\xC3\xAB",
    "Jos\xC3\xA9", "Aino",  "Farid",  "Lena", "Dmitri", "Siobh\xC3\xA1n", "Ines",
    "Caleb",       "Rosa",  "Anders", "Mei",  "Tariq",  "Hannah"};
static const char *const last_names[] = {
    "Doe",       "Brennan",   "Okafor",        "Lindqvist",
    "Haddad",    "Castillo",  "M\xC3\xBCller", "Nguy\xE1\xBB\x85n",
    "Abernathy", "Kowalczyk", "Ferreira",      "Osei",
    "Tanaka",    "Whitlow",   "Dupont",        "Marsh",
    "Ibarra",    "Sandoval",  "Achterberg",    "Quinlan"};
static const char *const roles[] = {"the harbor commissioner",
                                    "a spokesperson for the transit agency",
                                    "who chairs the budget committee",
                                    "a hydrologist at the state university",
                                    "the owner of a bakery on Front Street",
                                    "a retired ferry captain",
                                    "the county's emergency manager",
                                    "a second-grade teacher",
                                    "an economist who studies regional housing",
                                    "the president of the local union"};

static const char *const subjects[] = {"The city council",
                                       "Local officials",
                                       "The harbor commission",
                                       "Two school board members",
                                       "The regional water utility",
                                       "Emergency crews",
                                       "The company",
                                       "Researchers at the state university",
                                       "State regulators",
                                       "The county executive",
                                       "A coalition of neighborhood groups",
                                       "The transit agency",
                                       "Federal inspectors",
                                       "The port authority"};
static const char *const verbs[] = {
    "approved", "delayed",  "announced", "questioned",  "rejected", "expanded", "postponed",
    "reviewed", "defended", "outlined",  "scaled back", "proposed", "paused",   "endorsed"};
static const char *const objects[] = {
    "a plan to rebuild the old ferry terminal", "the proposed budget for next year",
    "a study of flood risk along the river",    "new rules for short-term rentals",
    "a pilot program for electric buses",       "the contract for the new water plant",
    "a proposal to widen the coastal highway",  "changes to the school lunch program",
    "an agreement with the regional hospital",  "a bond measure for three new libraries",
    "the schedule for repaving Main Street",    "a tax break for small grocers"};
static const char *const modifiers[] = {"after a three-hour meeting",
                                        "despite objections from neighbors",
                                        "in a 5-4 vote",
                                        "citing rising costs",
                                        "for the second time this year",
                                        "late in the evening",
                                        "without public comment",
                                        "under pressure from state lawmakers",
                                        "as the deadline approached",
                                        "following a months-long review",
                                        "at a packed town hall",
                                        "with little debate"};
static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
static const char *const background[] = {
    "The terminal closed in 2009 after a winter storm damaged its pilings.",
    "Since then, commuters have relied on a single bridge that is often jammed at rush hour.",
    "Critics say the estimate leaves out the cost of dredging the channel.",
    "Supporters argue that the plan will pay for itself within a decade.",
    "The agency has struggled to hire mechanics for several years.",
    "Several residents said they learned about the proposal only last week.",
    "A final decision is expected next month.",
    "The state has set aside money for similar projects in four other towns.",
    "Neither side has said what would happen if the grant does not come through.",
    "The last major upgrade to the system was finished more than thirty years ago.",
    "Business owners along the waterfront have asked for a say in the timeline.",
    "An independent audit is due to be published before the end of the year."};
static const char *const quotes[] = {
    "We have waited a long time for this",
    "Nobody here wants to see the rates go up again",
    "It is not a perfect plan, but it is a start",
    "The numbers simply do not add up",
    "We owe it to the people who ride this line every day",
    "I have lived here for forty years and never seen the water this high",
    "This is about keeping the lights on",
    "We will keep asking questions until we get answers"};

static const char *const h_subjects[] = {"Council",      "Harbor Board",   "Water Utility",
                                         "School Board", "Transit Agency", "County",
                                         "Regulators",   "Port Authority"};
static const char *const h_verbs[] = {"Approves", "Delays", "Rejects", "Weighs",
                                      "Unveils",  "Pauses", "Expands", "Questions"};
static const char *const h_objects[] = {
    "Plan to Rebuild Ferry Terminal",   "Budget for Next Year",
    "New Rules for Short-Term Rentals", "Electric Bus Pilot",
    "Bond Measure for Libraries",       "Coastal Highway Widening",
    "Flood Study Along the River",      "Tax Break for Small Grocers"};
static const char *const deks[] = {
    "The decision ends a long fight over the waterfront, but the money is not yet in place.",
    "Officials say the change will take years to finish and will cost more than first planned.",
    "Neighbors who packed the hearing say they were not consulted before the vote.",
    "The proposal now heads to the state, which must sign off before work can begin.",
    "Supporters call it overdue; opponents say the town cannot afford it."};
static const char *const subheads[] = {
    "What Happens Next",      "A Long Road to the Vote",   "Costs Keep Rising",
    "Why the Plan Matters",   "Questions About the Money", "Neighbors Push Back",
    "The View From the Dock", "Who Pays for It?",          "Lessons From Other Towns"};
static const char *const list_items[] = {
    "A new dock for commuter boats",       "Two electric ferries built in the state",
    "A parking garage with 300 spaces",    "Protected bike lanes on Front Street",
    "A heated waiting room open all year", "Flood gates at the mouth of the creek",
    "Extra buses on weekend evenings",     "A public hearing before each contract",
    "Free fares for riders under 18",      "Repairs to the north seawall"};
static const char *const posts[] = {
    "Crews are clearing the east ramp now, please expect delays",
    "The ferry vote is scheduled for 7 pm tonight, live updates here",
    "Water levels at the north gauge are still rising",
    "Thank you to everyone who came out to the meeting tonight",
    "Service on the harbor line resumes at noon"};
static const char *const post_orgs[] = {"Harbor Transit", "County Emergency Desk",
                                        "Millbrook Council", "River Watch"};
static const char *const post_handles[] = {"HarborTransit", "CountyEMDesk", "MillbrookCC",
                                           "RiverWatch_01"};
static const char *const caption_texts[] = {
    "Workers repair the seawall near the old ferry terminal in",
    "Commuters wait for a bus outside the central station in",
    "Volunteers stack sandbags along the river in",
    "A crane lifts a section of the new dock into place in",
    "Residents line up to speak at a council hearing in"};
static const char *const related_labels[] = {
    "RELATED: ", "Read more: ", "SEE ALSO: ", "[Read more: "};
static const char *const noise_lines[] = {"Advertisement",
                                          "Story continues below",
                                          "Share this article",
                                          "Facebook Twitter Email",
                                          "* * *",
                                          "Follow us on Instagram",
                                          "Scroll to continue with content",
                                          "___"};
static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
static const char *const mon_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ------------------------------------------------------------------ article */

typedef struct art {
    wnb_rng *r;
    wnb_buf *b;
    int place;       /* index into places */
    int blank_lines; /* blocks separated by a blank line */
    int wrap;        /* hard-wrap paragraphs at this width, 0: no */
    int entities;    /* use HTML character references now and then */
    int nbsp;        /* non-breaking spaces in amounts */
    int year, month, day;
    size_t para_start[64]; /* earlier paragraphs, for verbatim repeats */
    size_t para_len[64];
    int nparas;
} art;

static void put(art *a, const char *s) {
    wnb_buf_puts(a->b, s);
}

static void putf(art *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(art *a, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k > 0)
        wnb_buf_put(a->b, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

static void end_block(art *a) {
    put(a, a->blank_lines ? "\n\n" : "\n");
}

static void name(art *a) {
    put(a, PICK(a->r, first_names));
    put(a, " ");
    put(a, PICK(a->r, last_names));
}

static void apostrophe(art *a) {
    put(a, a->entities && wnb_below(a->r, 3) == 0 ? "&#8217;" : "\xE2\x80\x99");
}

/* One sentence of body text. */
static void sentence(art *a) {
    switch (wnb_below(a->r, 7)) {
    case 0:
    case 1: {
        const char *s = PICK(a->r, subjects);
        put(a, s);
        put(a, " ");
        put(a, PICK(a->r, verbs));
        put(a, " ");
        put(a, PICK(a->r, objects));
        put(a, " ");
        put(a, PICK(a->r, modifiers));
        if (wnb_below(a->r, 3) == 0) {
            put(a, " on ");
            put(a, PICK(a->r, weekdays));
        }
        put(a, ".");
        break;
    }
    case 2:
        put(a, "\xE2\x80\x9C");
        put(a, PICK(a->r, quotes));
        put(a, ",\xE2\x80\x9D said ");
        name(a);
        put(a, ", ");
        put(a, PICK(a->r, roles));
        put(a, ".");
        break;
    case 3:
        putf(a, "The project is expected to cost about $%d.", 2 + (int)wnb_below(a->r, 40));
        putf(a, "%d", (int)wnb_below(a->r, 10));
        put(a, a->nbsp ? "\xC2\xA0" : " ");
        put(a, "million, according to the ");
        put(a, places[a->place]);
        put(a, " finance office.");
        break;
    case 4:
        putf(a, "Ridership fell %d percent last year, and the agency",
             3 + (int)wnb_below(a->r, 30));
        apostrophe(a);
        put(a, "s board has asked for a new forecast.");
        break;
    case 5:
        putf(a, "About %d,", 1 + (int)wnb_below(a->r, 60));
        putf(a, "%03d households in ", (int)wnb_below(a->r, 1000));
        put(a, places[a->place]);
        put(a, a->entities && wnb_below(a->r, 2) ? " &amp; nearby towns" : " and nearby towns");
        put(a, " lost power during the storm, the utility said.");
        break;
    default:
        put(a, PICK(a->r, background));
        break;
    }
}

/* Append [start, end) of the buffer hard-wrapped at a->wrap columns. */
static void rewrap(art *a, size_t start) {
    wnb_buf *b = a->b;
    size_t col = 0, last_space = SIZE_MAX;
    for (size_t i = start; i < b->n; i++) {
        unsigned char c = (unsigned char)b->p[i];
        if ((c & 0xC0) != 0x80)
            col++;
        if (c == ' ')
            last_space = i;
        if (col > (size_t)a->wrap && last_space != SIZE_MAX) {
            b->p[last_space] = '\n';
            col = 0;
            for (size_t k = last_space + 1; k <= i; k++)
                col += ((unsigned char)b->p[k] & 0xC0) != 0x80;
            last_space = SIZE_MAX;
        }
    }
}

static void paragraph(art *a, int sentences) {
    size_t start = a->b->n;
    for (int k = 0; k < sentences; k++) {
        if (k)
            put(a, " ");
        sentence(a);
    }
    if (a->nparas < (int)COUNT(a->para_start)) {
        a->para_start[a->nparas] = start;
        a->para_len[a->nparas] = a->b->n - start;
        a->nparas++;
    }
    if (a->wrap)
        rewrap(a, start);
    end_block(a);
}

static void headline_words(art *a) {
    put(a, places[a->place]);
    put(a, " ");
    put(a, PICK(a->r, h_subjects));
    put(a, " ");
    put(a, PICK(a->r, h_verbs));
    put(a, " ");
    put(a, PICK(a->r, h_objects));
}

static void byline(art *a) {
    put(a, "By ");
    name(a);
    switch (wnb_below(a->r, 4)) {
    case 0:
        put(a, " and ");
        name(a);
        put(a, ", Associated Press");
        break;
    case 1:
        put(a, " | Staff Writer");
        break;
    case 2:
        put(a, ", ");
        name(a);
        put(a, " and ");
        name(a);
        break;
    default:
        break;
    }
    end_block(a);
}

static void timestamp(art *a) {
    int h = 1 + (int)wnb_below(a->r, 12), m = (int)wnb_below(a->r, 60);
    switch (wnb_below(a->r, 4)) {
    case 0:
        put(a, "Updated ");
        put(a, PICK(a->r, weekdays));
        put(a, ", ");
        put(a, months[a->month - 1]);
        putf(a, " %d, ", a->day);
        putf(a, "%d, ", a->year);
        putf(a, "%02d:", h);
        putf(a, "%02d ", m);
        put(a, wnb_below(a->r, 2) ? "am PT" : "pm PT");
        break;
    case 1:
        put(a, mon_abbr[a->month - 1]);
        putf(a, " %d, ", a->day);
        putf(a, "%d - ", a->year);
        putf(a, "%02d:", h + 8);
        putf(a, "%02d", m);
        break;
    case 2:
        putf(a, "%d-", a->year);
        putf(a, "%02d-", a->month);
        putf(a, "%02dT", a->day);
        putf(a, "%02d:", h);
        putf(a, "%02d:00Z", m);
        break;
    default:
        put(a, "Published ");
        put(a, months[a->month - 1]);
        putf(a, " %d, ", a->day);
        putf(a, "%d", a->year);
        break;
    }
    end_block(a);
}

static void dateline(art *a) {
    switch (wnb_below(a->r, 3)) {
    case 0:
        put(a, places_caps[a->place]);
        put(a, " (");
        put(a, PICK(a->r, agencies));
        put(a, ")");
        break;
    case 1:
        put(a, places_caps[a->place]);
        put(a, ", ");
        put(a, PICK(a->r, regions));
        put(a, " (");
        put(a, PICK(a->r, agencies));
        put(a, ")");
        break;
    default:
        put(a, places_caps[a->place]);
        put(a, ", ");
        put(a, mon_abbr[a->month - 1]);
        putf(a, ". %d", a->day);
        break;
    }
    put(a, PICK(a->r, dashes));
}

static void caption(art *a) {
    put(a, PICK(a->r, caption_texts));
    put(a, " ");
    put(a, places[a->place]);
    put(a, " on ");
    put(a, PICK(a->r, weekdays));
    put(a, ".");
    switch (wnb_below(a->r, 3)) {
    case 0:
        put(a, " (Photo by ");
        name(a);
        put(a, "/Reuters)");
        break;
    case 1:
        put(a, " (AP Photo/");
        name(a);
        put(a, ")");
        break;
    default:
        put(a, " Credit: ");
        name(a);
        put(a, "/AFP");
        break;
    }
    end_block(a);
}

static void slug(art *a, size_t from) {
    wnb_buf *b = a->b;
    size_t end = b->n;
    for (size_t i = from; i < end; i++) {
        char c = b->p[i];
        if (c >= 'A' && c <= 'Z')
            wnb_buf_putc(b, (char)(c + 32));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            wnb_buf_putc(b, c);
        else if (c == ' ')
            wnb_buf_putc(b, '-');
    }
}

static void related(art *a) {
    const char *label = PICK(a->r, related_labels);
    put(a, label);
    size_t title = a->b->n;
    headline_words(a);
    size_t title_end = a->b->n;
    if (label[0] == '[') {
        put(a, "]");
    } else if (wnb_below(a->r, 2)) {
        put(a, " https://news.example.org/");
        putf(a, "%d/", a->year);
        /* slug from the title just written */
        wnb_buf tmp = {0, 0, 0};
        wnb_buf_put(&tmp, a->b->p + title, title_end - title);
        size_t at = a->b->n;
        wnb_buf_put(a->b, tmp.p, tmp.n);
        slug(a, at);
        memmove(a->b->p + at, a->b->p + at + tmp.n, a->b->n - at - tmp.n);
        a->b->n -= tmp.n;
        wnb_buf_free(&tmp);
    }
    end_block(a);
}

static void tweet(art *a) {
    size_t who = wnb_below(a->r, COUNT(post_orgs));
    put(a, PICK(a->r, posts));
    put(a, " https://t.co/");
    for (int k = 0; k < 10; k++) {
        static const char al[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        wnb_buf_putc(a->b, al[wnb_below(a->r, sizeof al - 1)]);
    }
    put(a, "\n\xE2\x80\x94 ");
    put(a, post_orgs[who]);
    put(a, " (@");
    put(a, post_handles[who]);
    put(a, ") ");
    put(a, months[a->month - 1]);
    putf(a, " %d, ", a->day);
    putf(a, "%d", a->year);
    end_block(a);
}

static void list(art *a) {
    put(a, "The plan includes:");
    end_block(a);
    int kind = (int)wnb_below(a->r, 3), items = 3 + (int)wnb_below(a->r, 4);
    for (int k = 0; k < items; k++) {
        if (kind == 0)
            put(a, "- ");
        else if (kind == 1)
            put(a, "\xE2\x80\xA2 ");
        else
            putf(a, "%d. ", k + 1);
        put(a, PICK(a->r, list_items));
        put(a, "\n");
    }
    if (a->blank_lines)
        put(a, "\n");
}

static void noise(art *a) {
    if (wnb_below(a->r, 4) == 0) {
        putf(a, "%d,", 1 + (int)wnb_below(a->r, 9));
        putf(a, "%03d Shares", (int)wnb_below(a->r, 1000));
    } else {
        put(a, PICK(a->r, noise_lines));
    }
    end_block(a);
}

static void repeat_paragraph(art *a) {
    if (!a->nparas)
        return;
    size_t k = wnb_below(a->r, (size_t)a->nparas);
    /* copy through a temporary: the buffer may move while growing */
    wnb_buf tmp = {0, 0, 0};
    wnb_buf_put(&tmp, a->b->p + a->para_start[k], a->para_len[k]);
    wnb_buf_put(a->b, tmp.p, tmp.n);
    wnb_buf_free(&tmp);
    end_block(a);
}

static void subhead(art *a) {
    put(a, PICK(a->r, subheads));
    end_block(a);
}

static void sign_off(art *a) {
    switch (wnb_below(a->r, 3)) {
    case 0:
        put(a, "Reporting by ");
        name(a);
        put(a, "; Editing by ");
        name(a);
        break;
    case 1:
        put(a, "Associated Press writer ");
        name(a);
        put(a, " in ");
        put(a, places[(a->place + 1) % (int)COUNT(places)]);
        put(a, " contributed to this report.");
        break;
    default:
        put(a, "Contributing: ");
        name(a);
        break;
    }
    end_block(a);
}

static void trailer(art *a) {
    if (wnb_below(a->r, 2)) {
        put(a, "Related Coverage");
        end_block(a);
        for (int k = 0; k < 3; k++) {
            a->place = (a->place + 1) % (int)COUNT(places);
            headline_words(a);
            put(a, "\n");
        }
    } else {
        put(a, "Facebook Twitter Email\n");
    }
}

/* One article into b (LF line ends). */
static void article(wnb_rng *r, wnb_buf *b) {
    art a;
    memset(&a, 0, sizeof a);
    a.r = r;
    a.b = b;
    a.place = (int)wnb_below(r, COUNT(places));
    a.blank_lines = wnb_below(r, 10) < 7;
    a.wrap = wnb_below(r, 10) == 0 ? 68 + (int)wnb_below(r, 9) : 0;
    a.entities = wnb_below(r, 10) == 0;
    a.nbsp = wnb_below(r, 5) == 0;
    a.year = 2019 + (int)wnb_below(r, 7);
    a.month = 1 + (int)wnb_below(r, 12);
    a.day = 1 + (int)wnb_below(r, 28);
    if (a.wrap)
        a.blank_lines = 1;

    if (wnb_below(r, 5) == 0)
        noise(&a); /* a stray prompt above the headline */
    headline_words(&a);
    end_block(&a);
    if (wnb_below(r, 10) < 7) {
        put(&a, PICK(r, deks));
        end_block(&a);
    }
    if (wnb_below(r, 10) < 8)
        byline(&a);
    if (wnb_below(r, 10) < 8)
        timestamp(&a);
    if (wnb_below(r, 4) == 0)
        caption(&a);

    dateline(&a);
    paragraph(&a, 2 + (int)wnb_below(r, 3));
    if (wnb_below(r, 50) == 0) {
        /* a decomposed accent (e + U+0301) that only NFC can fix */
        put(&a, "The meeting moved to the Cafe\xCC\x81 Marin on the harbor.");
        end_block(&a);
    }
    int body = 7 + (int)wnb_below(r, 10);
    for (int k = 0; k < body; k++) {
        unsigned extra = (unsigned)wnb_below(r, 24);
        switch (extra) {
        case 0:
        case 1:
            subhead(&a);
            break;
        case 2:
            list(&a);
            break;
        case 3:
            tweet(&a);
            break;
        case 4:
            related(&a);
            break;
        case 5:
            caption(&a);
            break;
        case 6:
        case 7:
            noise(&a);
            break;
        case 8:
            repeat_paragraph(&a);
            break;
        default:
            break;
        }
        paragraph(&a, 2 + (int)wnb_below(r, 4));
    }
    sign_off(&a);
    if (wnb_below(r, 3) == 0)
        trailer(&a);
}

void wnb_generate(wnb_input *in, size_t bytes, uint64_t seed) {
    wnb_rng r = {seed};
    wnb_buf tmp = {0, 0, 0};
    while (in->text.n < bytes) {
        tmp.n = 0;
        article(&r, &tmp);
        int crlf = wnb_below(&r, 10) == 0;
        if (crlf) {
            for (size_t i = 0; i < tmp.n; i++) {
                if (tmp.p[i] == '\n')
                    wnb_input_add_article(in, "\r\n", 2);
                else
                    wnb_input_add_article(in, tmp.p + i, 1);
            }
        } else {
            wnb_input_add_article(in, tmp.p, tmp.n);
        }
        wnb_input_add_article(in, "\n", 1); /* a blank line between articles */
        wnb_input_end_article(in);
    }
    wnb_buf_free(&tmp);
}
