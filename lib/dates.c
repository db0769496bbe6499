/*
 * dates.c - date and time expressions as news pages write them: "March 18,
 * 2025", "Mar. 18, 2025", "18 March 2025", "2025-03-18", "11/18/2019",
 * ISO 8601 date-times, "4:14 p.m.", "20:39", "10 p.m.", "07.13", with the
 * words that go around them ("Published", "Updated at", "Monday,", "PT",
 * "5 hours ago"). Used by the timestamp and tweet recognizers.
 */
#include "internal.h"
#include "recognizers/tables.h"

static int digits_at(const char *s, size_t n, size_t i, size_t *len) {
    size_t k = i;
    int v = 0;
    while (k < n && k - i < 4 && wn_is_digit((unsigned char)s[k])) {
        v = v * 10 + (s[k] - '0');
        k++;
    }
    *len = k - i;
    return v;
}

static int days_in_month(int y, int m) {
    static const int d[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2)
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return d[m - 1];
}

static int valid_date(int y, int m, int d) {
    return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int word_boundary(const char *s, size_t n, size_t i) {
    if (i >= n)
        return 1;
    unsigned char c = (unsigned char)s[i];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

/* "+01:00", "-0500", "Z" after an ISO time. */
static size_t iso_tz(const char *s, size_t n, size_t i, wn_when *w) {
    if (i < n && s[i] == 'Z') {
        memcpy(w->tz, "Z", 2);
        return 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        size_t l1, l2;
        int hh = digits_at(s, n, i + 1, &l1);
        if (l1 == 2 && hh <= 14) {
            size_t k = i + 3;
            if (k < n && s[k] == ':')
                k++;
            int mm = digits_at(s, n, k, &l2);
            if (l2 == 2 && mm < 60) {
                w->tz[0] = s[i];
                w->tz[1] = s[i + 1];
                w->tz[2] = s[i + 2];
                w->tz[3] = ':';
                w->tz[4] = s[k];
                w->tz[5] = s[k + 1];
                w->tz[6] = '\0';
                return k + 2 - i;
            }
        }
    }
    return 0;
}

/* 2025-03-18 with an optional THH:MM[:SS][tz]. */
static size_t parse_iso(const char *s, size_t n, wn_when *w) {
    size_t l;
    int y = digits_at(s, n, 0, &l);
    if (l != 4 || l + 6 > n || (s[4] != '-' && s[4] != '/'))
        return 0;
    char sep = s[4];
    size_t lm, ld;
    int m = digits_at(s, n, 5, &lm);
    if (lm != 2 || 5 + lm >= n || s[7] != sep)
        return 0;
    int d = digits_at(s, n, 8, &ld);
    if (ld != 2 || !valid_date(y, m, d))
        return 0;
    size_t k = 10;
    w->year = y;
    w->month = m;
    w->day = d;
    if (sep == '-' && k < n && (s[k] == 'T' || s[k] == ' ') && k + 6 <= n) {
        size_t lh, lmi;
        int hh = digits_at(s, n, k + 1, &lh);
        if (lh == 2 && s[k + 3] == ':') {
            int mi = digits_at(s, n, k + 4, &lmi);
            if (lmi == 2 && hh < 24 && mi < 60) {
                w->hour = hh;
                w->minute = mi;
                k += 6;
                if (k + 2 < n && s[k] == ':') {
                    size_t ls;
                    int ss = digits_at(s, n, k + 1, &ls);
                    if (ls == 2 && ss < 61) {
                        w->second = ss;
                        k += 3;
                        if (k < n && s[k] == '.') { /* fractions are dropped */
                            k++;
                            while (k < n && wn_is_digit((unsigned char)s[k]))
                                k++;
                        }
                    }
                }
                k += iso_tz(s, n, k, w);
            }
        }
    }
    return word_boundary(s, n, k) ? k : 0;
}

/* 11/18/2019 (US order unless the first number cannot be a month). */
static size_t parse_slashed(const char *s, size_t n, wn_when *w) {
    size_t l1, l2, l3;
    int a = digits_at(s, n, 0, &l1);
    if (l1 < 1 || l1 > 2 || l1 >= n || (s[l1] != '/' && s[l1] != '.'))
        return 0;
    char sep = s[l1];
    int b = digits_at(s, n, l1 + 1, &l2);
    if (l2 < 1 || l2 > 2 || l1 + 1 + l2 >= n || s[l1 + 1 + l2] != sep)
        return 0;
    int y = digits_at(s, n, l1 + 2 + l2, &l3);
    if (l3 != 4)
        return 0;
    int m = a, d = b;
    if (a > 12 || sep == '.') { /* 18/11/2019, 18.11.2019 */
        m = b;
        d = a;
    }
    if (!valid_date(y, m, d))
        return 0;
    size_t k = l1 + 2 + l2 + l3;
    if (!word_boundary(s, n, k))
        return 0;
    w->year = y;
    w->month = m;
    w->day = d;
    return k;
}

/* A word of letters (and a trailing '.') at i; returns its length. */
static WN_ALWAYS_INLINE size_t alpha_word(const char *s, size_t n, size_t i) {
    size_t k = i;
    while (k < n && (((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z'))
        k++;
    if (k > i && k < n && s[k] == '.')
        k++;
    return k - i;
}

static size_t skip_spaces_commas(const char *s, size_t n, size_t k) {
    while (k < n && (s[k] == ' ' || s[k] == ','))
        k++;
    return k;
}

/* Day number with an optional ordinal suffix ("18", "18th", "1st"). */
static int day_at(const char *s, size_t n, size_t i, size_t *len) {
    size_t l;
    int d = digits_at(s, n, i, &l);
    if (l < 1 || l > 2)
        return 0;
    size_t k = i + l;
    if (k + 1 < n && (wn_ci_prefix(s + k, n - k, "st") || wn_ci_prefix(s + k, n - k, "nd") ||
                      wn_ci_prefix(s + k, n - k, "rd") || wn_ci_prefix(s + k, n - k, "th")))
        k += 2;
    if (!word_boundary(s, n, k))
        return 0;
    *len = k - i;
    return d;
}

/* The four-digit year at s[k] that closes a date of month m, day d: fills
 * *w and returns the offset after it, or 0. */
static size_t finish_date(const char *s, size_t n, size_t k, int m, int d, wn_when *w) {
    size_t ly;
    int y = digits_at(s, n, k, &ly);
    if (ly != 4 || !valid_date(y, m, d) || !word_boundary(s, n, k + ly))
        return 0;
    w->year = y;
    w->month = m;
    w->day = d;
    return k + ly;
}

size_t wn_parse_date(const char *s, size_t n, wn_when *w) {
    size_t k;
    if (n == 0)
        return 0;
    if (wn_is_digit((unsigned char)s[0])) {
        if ((k = parse_iso(s, n, w)) != 0)
            return k;
        if ((k = parse_slashed(s, n, w)) != 0)
            return k;
        /* 18 March 2025 */
        size_t ld;
        int d = day_at(s, n, 0, &ld);
        if (!d)
            return 0;
        k = skip_spaces_commas(s, n, ld);
        size_t lm = alpha_word(s, n, k);
        int m = wn_month(s + k, lm);
        if (!m)
            return 0;
        return finish_date(s, n, skip_spaces_commas(s, n, k + lm), m, d, w);
    }
    /* March 18, 2025 */
    size_t lm = alpha_word(s, n, 0);
    int m = wn_month(s, lm);
    if (!m)
        return 0;
    k = lm;
    if (k < n && s[k] == ' ')
        k++;
    else
        return 0;
    size_t ld;
    int d = day_at(s, n, k, &ld);
    if (!d)
        return 0;
    return finish_date(s, n, skip_spaces_commas(s, n, k + ld), m, d, w);
}

/* "4:14 p.m.", "20:39", "04:05 pm", "10 p.m.", "07.13" (the last only when
 * `dotted` is allowed). Returns bytes consumed. */
static size_t parse_time(const char *s, size_t n, size_t i, wn_when *w, int dotted) {
    size_t lh, lm = 0, k;
    int h = digits_at(s, n, i, &lh);
    if (lh < 1 || lh > 2)
        return 0;
    k = i + lh;
    int m = 0, has_min = 0, sec = -1;
    if (k + 2 < n + 0 && (s[k] == ':' || (dotted && s[k] == '.' && lh == 2))) {
        m = digits_at(s, n, k + 1, &lm);
        if (lm == 2 && m < 60) {
            has_min = 1;
            k += 3;
            if (s[k - 3] == ':' && k + 2 < n && s[k] == ':') {
                size_t ls;
                int ss = digits_at(s, n, k + 1, &ls);
                if (ls == 2 && ss < 61) {
                    sec = ss;
                    k += 3;
                }
            }
        }
    }
    size_t q = k;
    if (q < n && s[q] == ' ')
        q++;
    int ampm = 0;
    size_t la;
    if ((la = wn_ci_prefix(s + q, n - q, "a.m.")) || (la = wn_ci_prefix(s + q, n - q, "am")))
        ampm = 1;
    else if ((la = wn_ci_prefix(s + q, n - q, "p.m.")) || (la = wn_ci_prefix(s + q, n - q, "pm")))
        ampm = 2;
    if (ampm && word_boundary(s, n, q + la) && h >= 1 && h <= 12) {
        k = q + la;
        h = (h % 12) + (ampm == 2 ? 12 : 0);
    } else {
        ampm = 0;
        if (!has_min || h > 23)
            return 0;
        if (s[i + lh] == '.' && !word_boundary(s, n, k))
            return 0;
    }
    if (!word_boundary(s, n, k) && !(k < n && s[k] == '.'))
        return 0;
    w->hour = h;
    w->minute = m;
    w->second = sec;
    return k - i;
}

/* Sorted, lower case (tests/check-sorted.py): looked up by bisection. */
static const char *const filler[] = {
    "aedt",    "aest",     "ago",    "akdt",    "akst",     "am",     "and",  "at",    "bst",
    "cdt",     "cest",     "cet",    "cst",     "ct",       "date",   "day",  "days",  "edt",
    "eest",    "eet",      "est",    "et",      "first",    "gmt",    "hkt",  "hour",  "hours",
    "hrs",     "hst",      "ist",    "jst",     "just",     "kst",    "last", "local", "mdt",
    "min",     "mins",     "minute", "minutes", "modified", "months", "msk",  "mst",   "mt",
    "now",     "of",       "on",     "pdt",     "pm",       "posted", "pst",  "pt",    "published",
    "seconds", "sgt",      "time",   "today",   "updated",  "utc",    "week", "weeks", "wet",
    "wib",     "yesterday"};
WN_SORTED_KEYS(filler, WN_KEYS_FILLER);

int wn_parse_timestamp_line(const char *s, size_t n, wn_when *w) {
    memset(w, 0, sizeof *w);
    w->hour = -1;
    w->second = -1;
    if (n == 0 || n > 160)
        return 0;
    /* every date, time and "5 hours ago" has a digit */
    int digit = 0;
    for (size_t k = 0; k < n && !digit; k++)
        digit = s[k] >= '0' && s[k] <= '9';
    if (!digit)
        return 0;
    int have_date = 0, have_time = 0, have_number = 0, have_relative = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == ',' || c == '|' || c == '-' || c == '(' || c == ')' || c == ':' ||
            c == '/' || c == '.' || c == '@' || c == 0xC2 /* nbsp remnants cannot occur */) {
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
            i += 3; /* en and em dashes */
            continue;
        }
        wn_when t;
        memset(&t, 0, sizeof t);
        t.hour = -1;
        t.second = -1;
        size_t k;
        if ((k = wn_parse_date(s + i, n - i, &t)) != 0) {
            if (have_date) { /* a second date ("UPDATED: ..."): the first one counts */
                i += k;
                continue;
            }
            w->year = t.year;
            w->month = t.month;
            w->day = t.day;
            if (t.hour >= 0 && !have_time) {
                w->hour = t.hour;
                w->minute = t.minute;
                w->second = t.second;
                memcpy(w->tz, t.tz, sizeof w->tz);
                have_time = 1;
            }
            have_date = 1;
            i += k;
            continue;
        }
        if ((k = parse_time(s, n, i, &t, 1)) != 0) {
            if (!have_time) {
                w->hour = t.hour;
                w->minute = t.minute;
                w->second = t.second;
                have_time = 1;
            }
            i += k;
            continue;
        }
        if (wn_is_digit(c)) { /* "5 hours ago" */
            size_t l;
            digits_at(s, n, i, &l);
            if (l <= 2 && word_boundary(s, n, i + l)) {
                have_number = 1;
                i += l;
                continue;
            }
            return 0;
        }
        size_t l = alpha_word(s, n, i);
        if (l == 0)
            return 0;
        size_t core = s[i + l - 1] == '.' ? l - 1 : l;
        if (wn_ci_eq(s + i, core, "ago"))
            have_relative = have_number;
        if (!wn_weekday(s + i, l) && !WN_SORTED_IN(s + i, core, filler) && !wn_month(s + i, l))
            return 0;
        i += l;
    }
    return have_date || have_time || have_relative;
}

static void put2(char *o, int v) {
    o[0] = (char)('0' + v / 10);
    o[1] = (char)('0' + v % 10);
}

size_t wn_when_iso(const wn_when *w, int with_time, char *out) {
    if (!w->year || !w->month || !w->day)
        return 0;
    size_t k = 0;
    put2(out, w->year / 100);
    put2(out + 2, w->year % 100);
    out[4] = '-';
    put2(out + 5, w->month);
    out[7] = '-';
    put2(out + 8, w->day);
    k = 10;
    if (with_time && w->hour >= 0) {
        out[k++] = 'T';
        put2(out + k, w->hour);
        out[k + 2] = ':';
        put2(out + k + 3, w->minute);
        k += 5;
        if (w->second >= 0) {
            out[k++] = ':';
            put2(out + k, w->second);
            k += 2;
        }
        size_t tl = strlen(w->tz);
        memcpy(out + k, w->tz, tl);
        k += tl;
    }
    out[k] = '\0';
    return k;
}
