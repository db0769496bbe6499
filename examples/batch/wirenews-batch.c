/*
 * wirenews-batch - parse many articles in parallel: JSON Lines (or files) in,
 * one JSON result per article out, in input order.
 *
 * Structure: the main thread reads records (JSON Lines from standard input or
 * files, or article files found by walking paths) into a ring of slots; N
 * worker threads take slots in order, decode the record, call
 * wn_parse_to_json() and build the output line; one writer thread prints the
 * slots strictly in input order and frees them. The ring is the bounded
 * reorder window: the reader waits when it is full (or when the input bytes
 * in flight pass a budget), so memory stays flat on an endless input.
 *
 * Output, one line per record:
 *   {"id":ID,"result":DOCUMENT}               the article parsed (OUTPUT.md)
 *   {"id":ID,"error":"MESSAGE","line":N}      a bad record (no "line" for files)
 *
 * Exit status: 0 every record parsed, 1 some records failed (0 with
 * --bad-records-ok), 2 usage error, unreadable input or unwritable output.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <wirenews.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char *prog = "wirenews-batch";
static const char *stdin_name = "(standard input)";

#define MAX_DEPTH 512           /* JSON nesting accepted in a record */
#define MAX_WALK_DEPTH 64       /* directory nesting followed (symlink loops) */
#define READ_CHUNK (1u << 20)   /* bytes read from an input at a time */
#define OUT_BUFFER (1u << 20)   /* stdout buffer */
#define PROGRESS_NS 250000000LL /* progress line refresh */

/* ------------------------------------------------------------------------ */
/* Growable byte buffer                                                     */
/* ------------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t len, cap;
    int oom;
} buf;

static int buf_reserve(buf *b, size_t extra) {
    if (b->oom)
        return 0;
    if (b->cap - b->len >= extra)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra) {
        if (cap > SIZE_MAX / 2) {
            b->oom = 1;
            return 0;
        }
        cap *= 2;
    }
    char *np = realloc(b->p, cap);
    if (!np) {
        b->oom = 1;
        return 0;
    }
    b->p = np;
    b->cap = cap;
    return 1;
}

static void buf_add(buf *b, const char *s, size_t n) {
    if (n && buf_reserve(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

static void buf_str(buf *b, const char *s) {
    buf_add(b, s, strlen(s));
}

static void buf_byte(buf *b, char c) {
    if (buf_reserve(b, 1))
        b->p[b->len++] = c;
}

static void buf_utf8(buf *b, uint32_t cp) {
    char e[4];
    size_t n;
    if (cp < 0x80) {
        e[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        e[0] = (char)(0xC0 | (cp >> 6));
        e[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        e[0] = (char)(0xE0 | (cp >> 12));
        e[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        e[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        e[0] = (char)(0xF0 | (cp >> 18));
        e[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        e[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        e[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_add(b, e, n);
}

/* Length of the valid UTF-8 sequence at s (n > 0 bytes), or 0 if invalid. */
static size_t utf8_valid(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    size_t len;
    uint32_t min, cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    cp = c & (0x7Fu >> len);
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Append s as a JSON string; invalid UTF-8 becomes U+FFFD. */
static void buf_json_str(buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    buf_byte(b, '"');
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c == '"' || c == '\\') {
            buf_byte(b, '\\');
            buf_byte(b, (char)c);
            i++;
        } else if (c < 0x20) {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_add(b, e, 6);
            i++;
        } else {
            size_t k = utf8_valid(u + i, n - i);
            if (k) {
                buf_add(b, s + i, k);
                i += k;
            } else {
                buf_str(b, "\\ufffd");
                i++;
            }
        }
    }
    buf_byte(b, '"');
}

/* ------------------------------------------------------------------------ */
/* JSON record reader                                                       */
/* ------------------------------------------------------------------------ */

/*
 * A record is one JSON object. Only two members matter: the id (kept as the
 * raw JSON text of its value, copied to the output unchanged) and the text
 * (a string decoded to UTF-8 bytes: every escape, \uXXXX surrogate pairs
 * joined, a lone surrogate as U+FFFD, raw bytes kept as they are). Every
 * other member is checked for syntax and skipped.
 */
typedef struct {
    const char *p, *start, *end;
    char err[160];
} jreader;

static int jr_fail(jreader *r, const char *what) {
    if (!r->err[0]) {
        if (r->p < r->end)
            snprintf(r->err, sizeof r->err, "not JSON: %s at byte %zu", what,
                     (size_t)(r->p - r->start) + 1);
        else
            snprintf(r->err, sizeof r->err, "not JSON: %s at end of line", what);
    }
    return 0;
}

static void jr_ws(jreader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Read the 4 hex digits after "\u" at r->p. */
static int jr_hex4(jreader *r, uint32_t *out) {
    if (r->end - r->p < 4)
        return jr_fail(r, "short \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(r->p[i]);
        if (h < 0)
            return jr_fail(r, "bad \\u escape");
        v = (v << 4) | (uint32_t)h;
    }
    r->p += 4;
    *out = v;
    return 1;
}

/* After "\u": one code point, joining a surrogate pair; lone halves give U+FFFD. */
static int jr_unicode(jreader *r, uint32_t *cp) {
    if (!jr_hex4(r, cp))
        return 0;
    if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
        *cp = 0xFFFD;
    } else if (*cp >= 0xD800 && *cp <= 0xDBFF) {
        uint32_t lo;
        if (r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
            const char *save = r->p;
            r->p += 2;
            if (!jr_hex4(r, &lo))
                return 0;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
                return 1;
            }
            r->p = save; /* not a low half: decode it on its own next */
        }
        *cp = 0xFFFD;
    }
    return 1;
}

static int jr_escape(jreader *r, buf *out) {
    char c = *r->p++;
    switch (c) {
    case '"':
    case '\\':
    case '/':
        break;
    case 'b':
        c = '\b';
        break;
    case 'f':
        c = '\f';
        break;
    case 'n':
        c = '\n';
        break;
    case 'r':
        c = '\r';
        break;
    case 't':
        c = '\t';
        break;
    case 'u': {
        uint32_t cp;
        if (!jr_unicode(r, &cp))
            return 0;
        if (out)
            buf_utf8(out, cp);
        return 1;
    }
    default:
        r->p--;
        return jr_fail(r, "bad escape in string");
    }
    if (out)
        buf_byte(out, c);
    return 1;
}

/* The first byte in [p, end) that a JSON string cannot hold as it is: '"',
 * '\\' or a control byte; end when there is none. Most bytes of a record
 * are its text, so sixteen are tested at a time where SSE2 is there. */
static const char *plain_end(const char *p, const char *end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i ctl = _mm_set1_epi8(0x1F);
    for (; end - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        /* a control byte is one that its minimum with 0x1F leaves as it is */
        __m128i m =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return p + __builtin_ctz(bits);
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
        p++;
    return p;
}

/* r->p is at the opening quote. Decode into out (NULL: only check). */
static int jr_string(jreader *r, buf *out) {
    r->p++;
    for (;;) {
        const char *s = r->p;
        r->p = plain_end(r->p, r->end);
        if (out)
            buf_add(out, s, (size_t)(r->p - s));
        if (r->p >= r->end)
            return jr_fail(r, "unterminated string");
        char c = *r->p;
        if (c == '"') {
            r->p++;
            return 1;
        }
        if ((unsigned char)c < 0x20)
            return jr_fail(r, "control character in string");
        r->p++;
        if (r->p >= r->end)
            return jr_fail(r, "unterminated string");
        if (!jr_escape(r, out))
            return 0;
    }
}

static int jr_digits(jreader *r) {
    const char *s = r->p;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        r->p++;
    return r->p > s;
}

static int jr_number(jreader *r) {
    if (*r->p == '-')
        r->p++;
    if (r->p < r->end && *r->p == '0')
        r->p++;
    else if (!jr_digits(r))
        return jr_fail(r, "bad number");
    if (r->p < r->end && *r->p == '.') {
        r->p++;
        if (!jr_digits(r))
            return jr_fail(r, "bad number");
    }
    if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
        r->p++;
        if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
            r->p++;
        if (!jr_digits(r))
            return jr_fail(r, "bad number");
    }
    return 1;
}

static int jr_literal(jreader *r, const char *lit) {
    size_t n = strlen(lit);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, lit, n) != 0)
        return jr_fail(r, "unexpected character");
    r->p += n;
    return 1;
}

static int jr_value(jreader *r, int depth);

/* Arrays and objects: r->p is at '[' or '{'. */
static int jr_container(jreader *r, int depth) {
    char close = *r->p == '[' ? ']' : '}';
    int object = close == '}';
    if (depth >= MAX_DEPTH)
        return jr_fail(r, "nested too deeply");
    r->p++;
    jr_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return 1;
    }
    for (;;) {
        if (object) {
            if (r->p >= r->end || *r->p != '"')
                return jr_fail(r, "expected a member name");
            if (!jr_string(r, NULL))
                return 0;
            jr_ws(r);
            if (r->p >= r->end || *r->p != ':')
                return jr_fail(r, "expected ':'");
            r->p++;
        }
        if (!jr_value(r, depth + 1))
            return 0;
        jr_ws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            jr_ws(r);
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return 1;
        }
        return jr_fail(r, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

/* Check one value (leading white space allowed). */
static int jr_value(jreader *r, int depth) {
    jr_ws(r);
    if (r->p >= r->end)
        return jr_fail(r, "expected a value");
    switch (*r->p) {
    case '{':
    case '[':
        return jr_container(r, depth);
    case '"':
        return jr_string(r, NULL);
    case 't':
        return jr_literal(r, "true");
    case 'f':
        return jr_literal(r, "false");
    case 'n':
        return jr_literal(r, "null");
    default:
        if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9'))
            return jr_number(r);
        return jr_fail(r, "unexpected character");
    }
}

static const char *json_kind(char c) {
    switch (c) {
    case '{':
        return "an object";
    case '[':
        return "an array";
    case 't':
    case 'f':
        return "a boolean";
    case 'n':
        return "null";
    default:
        return "a number";
    }
}

typedef struct {
    const char *id_field, *text_field;
    size_t id_field_len, text_field_len;
} fields;

typedef struct {
    const char *id; /* raw JSON of the id value, or NULL */
    size_t id_len;
    int has_text;          /* the text member was a string, decoded into text */
    const char *text_kind; /* the text member's kind when it was not a string */
} record;

/* One member "name": value of the top-level object. */
static int jr_member(jreader *r, const fields *f, record *rec, buf *key, buf *text) {
    if (r->p >= r->end || *r->p != '"')
        return jr_fail(r, "expected a member name");
    key->len = 0;
    if (!jr_string(r, key))
        return 0;
    jr_ws(r);
    if (r->p >= r->end || *r->p != ':')
        return jr_fail(r, "expected ':'");
    r->p++;
    jr_ws(r);
    const char *v = r->p;
    int is_text = key->len == f->text_field_len && memcmp(key->p, f->text_field, key->len) == 0;
    int is_id = key->len == f->id_field_len && memcmp(key->p, f->id_field, key->len) == 0;
    if (is_text && v < r->end && *v == '"') {
        text->len = 0;
        if (!jr_string(r, text))
            return 0;
        rec->has_text = 1;
        rec->text_kind = NULL;
    } else {
        if (!jr_value(r, 1))
            return 0;
        if (is_text) {
            rec->has_text = 0;
            rec->text_kind = json_kind(*v);
        }
    }
    if (is_id) {
        rec->id = v;
        rec->id_len = (size_t)(r->p - v);
    }
    return 1;
}

/* Read a whole record line. Returns 1, or 0 with r->err set. */
static int jr_record(jreader *r, const fields *f, record *rec, buf *key, buf *text) {
    memset(rec, 0, sizeof *rec);
    jr_ws(r);
    if (r->p >= r->end || *r->p != '{') {
        if (r->p < r->end &&
            (*r->p == '[' || *r->p == '"' || *r->p == '-' || (*r->p >= '0' && *r->p <= '9') ||
             *r->p == 't' || *r->p == 'f' || *r->p == 'n')) {
            const char *s = r->p;
            if (jr_value(r, 0)) {
                jr_ws(r);
                if (r->p == r->end) {
                    snprintf(r->err, sizeof r->err, "record is %s, not a JSON object",
                             *s == '"' ? "a string" : json_kind(*s));
                    return 0;
                }
            }
        }
        return jr_fail(r, "expected '{'");
    }
    r->p++;
    jr_ws(r);
    if (r->p < r->end && *r->p == '}') {
        r->p++;
    } else {
        for (;;) {
            if (!jr_member(r, f, rec, key, text))
                return 0;
            jr_ws(r);
            if (r->p < r->end && *r->p == ',') {
                r->p++;
                jr_ws(r);
                continue;
            }
            if (r->p < r->end && *r->p == '}') {
                r->p++;
                break;
            }
            return jr_fail(r, "expected ',' or '}'");
        }
    }
    jr_ws(r);
    if (r->p != r->end)
        return jr_fail(r, "text after the record");
    if (key->oom || text->oom) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Configuration and shared state                                           */
/* ------------------------------------------------------------------------ */

typedef struct {
    fields f;
    wn_options opts;
    unsigned jobs;
    size_t window;
    size_t max_record;
    size_t max_inflight;
    const char *ext;
    int jsonl; /* PATHs are JSON Lines files */
    int quiet, force_progress, bad_ok;
    char **paths;
    int npaths;
} config;

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct {
    int state;
    const char *source;      /* input file name (JSONL) */
    unsigned long long line; /* JSONL line number; 0 for article files */
    char *in;                /* JSONL line, or article path */
    size_t in_len;           /* bytes of input the record stands for */
    int pre_err;             /* errno found by the reader (article files) */
    int too_long;            /* JSONL line longer than --max-record */
    char *out;               /* output line, '\n' included */
    size_t out_len;
    int failed;
} slot;

typedef struct {
    const config *cfg;
    pthread_mutex_t mu;
    pthread_cond_t can_fill, has_work, has_done;
    slot *slots;
    unsigned long long filled, taken, written;
    size_t inflight;
    int eof, abort;
    /* Hysteresis, so that threads are not woken once per record: a reader
     * that found the ring full waits until it is down to low_water records
     * (and half the input budget); a writer that caught up is woken when
     * wake_run finished records are ready, or when nothing else is pending. */
    size_t low_water, wake_run;
    int reader_waiting, writer_waiting;
    /* writer's figures */
    unsigned long long failures, done_bytes;
    unsigned long long total_bytes; /* 0: unknown */
    int progress;
    struct timespec t0;
    long long last_progress;
    int fatal; /* an I/O error or out of memory: exit 2 */
} batch;

static long long elapsed_ns(const struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)(t.tv_sec - t0->tv_sec) * 1000000000LL + (t.tv_nsec - t0->tv_nsec);
}

/* ------------------------------------------------------------------------ */
/* Workers                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct {
    batch *b;
    buf key, text, out;
} worker;

/* Read a whole file into a malloc'd buffer. Returns 0 or an errno value. */
static int read_file(const char *path, char **data, size_t *len) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return errno;
    struct stat st;
    size_t want = 64 * 1024;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            close(fd);
            return EISDIR;
        }
        if (S_ISREG(st.st_mode) && st.st_size > 0 && (unsigned long long)st.st_size < SIZE_MAX)
            want = (size_t)st.st_size + 1; /* + 1: the read that sees the end */
    }
    buf b = {0};
    int err = 0;
    for (;;) {
        if (!buf_reserve(&b, b.len < want ? want - b.len : READ_CHUNK)) {
            err = ENOMEM;
            break;
        }
        ssize_t r = read(fd, b.p + b.len, b.cap - b.len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            err = errno;
            break;
        }
        if (r == 0)
            break;
        b.len += (size_t)r;
    }
    close(fd);
    if (err) {
        free(b.p);
        return err;
    }
    *data = b.p;
    *len = b.len;
    return 0;
}

static void put_id(buf *o, const char *id, size_t id_len) {
    buf_str(o, "{\"id\":");
    if (id)
        buf_add(o, id, id_len);
    else
        buf_str(o, "null");
}

static void error_line(worker *w, slot *s, const char *id, size_t id_len, const char *msg) {
    buf *o = &w->out;
    char where[64];
    put_id(o, id, id_len);
    buf_str(o, ",\"error\":");
    buf tmp = {0};
    if (s->line) {
        buf_str(&tmp, s->source);
        snprintf(where, sizeof where, ":%llu: ", s->line);
        buf_str(&tmp, where);
    } else {
        buf_str(&tmp, s->in);
        buf_str(&tmp, ": ");
    }
    buf_str(&tmp, msg);
    if (tmp.oom)
        o->oom = 1;
    buf_json_str(o, tmp.p, tmp.len);
    free(tmp.p);
    if (s->line) {
        snprintf(where, sizeof where, ",\"line\":%llu", s->line);
        buf_str(o, where);
    }
    buf_str(o, "}\n");
    s->failed = 1;
}

/* Parse the article text; write the result (or the failure) line. */
static void result_line(worker *w, slot *s, const char *id, size_t id_len, const char *text,
                        size_t len) {
    char *json = NULL;
    size_t jlen = 0;
    int st = wn_parse_to_json(text, len, &w->b->cfg->opts, 0, &json, &jlen);
    if (st != WN_OK) {
        char msg[160];
        snprintf(msg, sizeof msg, "cannot parse: %s", wn_strerror(st));
        error_line(w, s, id, id_len, msg);
        return;
    }
    put_id(&w->out, id, id_len);
    buf_str(&w->out, ",\"result\":");
    buf_add(&w->out, json, jlen);
    buf_str(&w->out, "}\n");
    wn_free(json);
}

static void work_jsonl(worker *w, slot *s) {
    const config *c = w->b->cfg;
    char msg[200];
    if (s->too_long) {
        snprintf(msg, sizeof msg, "record longer than --max-record (%zu bytes)", c->max_record);
        error_line(w, s, NULL, 0, msg);
        return;
    }
    jreader r = {s->in, s->in, s->in + s->in_len, {0}};
    record rec;
    if (!jr_record(&r, &c->f, &rec, &w->key, &w->text)) {
        w->key.oom = w->text.oom = 0;
        error_line(w, s, NULL, 0, r.err);
        return;
    }
    if (rec.text_kind) {
        snprintf(msg, sizeof msg, "field \"%s\" is %s, not a string", c->f.text_field,
                 rec.text_kind);
        error_line(w, s, rec.id, rec.id_len, msg);
    } else if (!rec.has_text) {
        snprintf(msg, sizeof msg, "field \"%s\" is missing", c->f.text_field);
        error_line(w, s, rec.id, rec.id_len, msg);
    } else {
        result_line(w, s, rec.id, rec.id_len, w->text.p ? w->text.p : "", w->text.len);
    }
}

static void work_file(worker *w, slot *s) {
    buf id = {0};
    buf_json_str(&id, s->in, strlen(s->in));
    if (id.oom) {
        w->out.oom = 1;
        free(id.p);
        return;
    }
    char *data = NULL;
    size_t len = 0;
    int err = s->pre_err ? s->pre_err : read_file(s->in, &data, &len);
    if (err) {
        char msg[200];
        snprintf(msg, sizeof msg, "cannot read: %s", strerror(err));
        error_line(w, s, id.p, id.len, msg);
    } else {
        result_line(w, s, id.p, id.len, data, len);
    }
    free(data);
    free(id.p);
}

static void work(worker *w, slot *s) {
    w->out.len = 0;
    w->out.oom = 0;
    if (s->source)
        work_jsonl(w, s);
    else
        work_file(w, s);
    free(s->in);
    s->in = NULL;
    if (w->out.oom) {
        s->out = NULL; /* the writer reports it */
        return;
    }
    /* hand over an exact-size copy; the worker keeps its (large) buffer */
    s->out = malloc(w->out.len);
    if (s->out) {
        memcpy(s->out, w->out.p, w->out.len);
        s->out_len = w->out.len;
    }
}

/* Should a finished record wake the waiting writer? (lock held) */
static int writer_should_wake(const batch *b) {
    size_t window = b->cfg->window;
    if (!b->writer_waiting || b->slots[b->written % window].state != SLOT_DONE)
        return 0;
    if (b->taken == b->filled || b->eof)
        return 1; /* nothing else in the works: do not sit on finished output */
    for (size_t k = 1; k < b->wake_run; k++) {
        unsigned long long seq = b->written + k;
        if (seq >= b->filled || b->slots[seq % window].state != SLOT_DONE)
            return 0;
    }
    return 1;
}

static void *worker_main(void *arg) {
    worker *w = arg;
    batch *b = w->b;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        while (b->taken == b->filled && !b->eof && !b->abort)
            pthread_cond_wait(&b->has_work, &b->mu);
        if (b->abort || b->taken == b->filled) {
            pthread_mutex_unlock(&b->mu);
            break;
        }
        unsigned long long seq = b->taken++;
        slot *s = &b->slots[seq % b->cfg->window];
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&b->mu);

        work(w, s);

        pthread_mutex_lock(&b->mu);
        s->state = SLOT_DONE;
        if (writer_should_wake(b))
            pthread_cond_signal(&b->has_done);
        pthread_mutex_unlock(&b->mu);
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Writer                                                                   */
/* ------------------------------------------------------------------------ */

static void fmt_eta(char *out, size_t n, double secs) {
    long s = (long)(secs + 0.5);
    snprintf(out, n, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
}

static void progress_line(batch *b, int final) {
    long long ns = elapsed_ns(&b->t0);
    double secs = (double)ns / 1e9;
    double mb = (double)b->done_bytes / 1e6;
    double rate = secs > 0 ? (double)b->written / secs : 0;
    double mbs = secs > 0 ? mb / secs : 0;
    char eta[48] = "";
    if (!final && b->total_bytes && b->done_bytes && b->done_bytes <= b->total_bytes) {
        char t[32];
        fmt_eta(t, sizeof t,
                secs * (double)(b->total_bytes - b->done_bytes) / (double)b->done_bytes);
        snprintf(eta, sizeof eta, "  %.0f%%  ETA %s",
                 100.0 * (double)b->done_bytes / (double)b->total_bytes, t);
    }
    char failed[48] = "";
    if (b->failures)
        snprintf(failed, sizeof failed, "  %llu failed", b->failures);
    fprintf(stderr, "\r%s: %llu articles  %.1f MB  %.0f articles/s  %.1f MB/s%s%s\033[K%s", prog,
            b->written, mb, rate, mbs, eta, failed, final ? "\n" : "");
    if (final)
        fprintf(stderr, "%s: done in %.1f s\n", prog, secs);
    fflush(stderr);
}

/* Write one finished slot. Returns 0 on success, -1 on a fatal error. */
static int write_slot(const slot *s) {
    if (!s->out) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    if (fwrite(s->out, 1, s->out_len, stdout) != s->out_len) {
        fprintf(stderr, "%s: standard output: %s\n", prog, strerror(errno));
        return -1;
    }
    return 0;
}

static void *writer_main(void *arg) {
    batch *b = arg;
    size_t window = b->cfg->window;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        slot *s = &b->slots[b->written % window];
        if (b->abort || (b->eof && b->written == b->filled))
            break;
        if (b->written == b->filled || s->state != SLOT_DONE) {
            pthread_mutex_unlock(&b->mu);
            if (fflush(stdout) != 0) { /* nothing ready: let the output out */
                fprintf(stderr, "%s: standard output: %s\n", prog, strerror(errno));
                pthread_mutex_lock(&b->mu);
                b->fatal = b->abort = 1;
                break;
            }
            pthread_mutex_lock(&b->mu);
            s = &b->slots[b->written % window];
            b->writer_waiting = 1;
            while (!b->abort && !(b->eof && b->written == b->filled) &&
                   (b->written == b->filled || s->state != SLOT_DONE))
                pthread_cond_wait(&b->has_done, &b->mu);
            b->writer_waiting = 0;
            continue;
        }
        pthread_mutex_unlock(&b->mu);

        int bad = write_slot(s);
        size_t in_len = s->in_len;
        b->failures += (unsigned long long)s->failed;
        b->done_bytes += in_len;
        free(s->out);
        s->out = NULL;

        pthread_mutex_lock(&b->mu);
        s->state = SLOT_FREE;
        b->written++;
        b->inflight -= in_len;
        if (b->reader_waiting &&
            (b->filled == b->written ||
             (b->filled - b->written <= b->low_water && b->inflight <= b->cfg->max_inflight / 2)))
            pthread_cond_signal(&b->can_fill);
        if (bad) {
            b->fatal = b->abort = 1;
            break;
        }
        if (b->progress) {
            long long now = elapsed_ns(&b->t0);
            if (now - b->last_progress >= PROGRESS_NS) {
                b->last_progress = now;
                progress_line(b, 0);
            }
        }
    }
    pthread_cond_broadcast(&b->can_fill);
    pthread_cond_broadcast(&b->has_work);
    pthread_mutex_unlock(&b->mu);
    if (fflush(stdout) != 0 && !b->fatal) {
        fprintf(stderr, "%s: standard output: %s\n", prog, strerror(errno));
        b->fatal = 1;
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Reader side: hand records to the workers                                 */
/* ------------------------------------------------------------------------ */

/* Queue one record (taking ownership of `in`). Returns 0, or -1 when the
 * run is being aborted (the record is dropped). */
static int submit(batch *b, const char *source, unsigned long long line, char *in, size_t in_len,
                  int pre_err, int too_long) {
    const config *c = b->cfg;
    pthread_mutex_lock(&b->mu);
    if (b->filled - b->written >= c->window ||
        (b->filled != b->written && b->inflight + in_len > c->max_inflight)) {
        /* full: wait until the ring has drained to the low-water mark */
        b->reader_waiting = 1;
        while (!b->abort && b->filled != b->written &&
               (b->filled - b->written > b->low_water || b->inflight > c->max_inflight / 2))
            pthread_cond_wait(&b->can_fill, &b->mu);
        b->reader_waiting = 0;
    }
    if (b->abort) {
        pthread_mutex_unlock(&b->mu);
        free(in);
        return -1;
    }
    slot *s = &b->slots[b->filled % c->window];
    memset(s, 0, sizeof *s);
    s->state = SLOT_READY;
    s->source = source;
    s->line = line;
    s->in = in;
    s->in_len = in_len;
    s->pre_err = pre_err;
    s->too_long = too_long;
    b->filled++;
    b->inflight += in_len;
    pthread_cond_signal(&b->has_work);
    pthread_mutex_unlock(&b->mu);
    return 0;
}

/* Is the line nothing but white space? */
static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

/* One finished line of a JSON Lines input. Returns 0 or -1 (aborting). */
static int jsonl_line(batch *b, const char *name, unsigned long long lineno, const char *s,
                      size_t n, int too_long, size_t skipped) {
    if (!too_long && blank(s, n))
        return 0;
    if (too_long)
        return submit(b, name, lineno, NULL, skipped, 0, 1);
    char *copy = malloc(n ? n : 1);
    if (!copy) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    memcpy(copy, s, n);
    return submit(b, name, lineno, copy, n, 0, 0);
}

/*
 * Read JSON Lines from fd, splitting on '\n'. A line longer than
 * --max-record is not kept: its bytes are skipped and it becomes an error
 * record. Returns 0, or 2 on a read error / abort.
 */
static int read_jsonl(batch *b, int fd, const char *name) {
    size_t maxrec = b->cfg->max_record;
    size_t cap = READ_CHUNK, start = 0, end = 0;
    char *data = malloc(cap);
    if (!data) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 2;
    }
    unsigned long long lineno = 0;
    int skipping = 0, first = 1, eof = 0, rc = 0;
    size_t skipped = 0;
    while (rc == 0) {
        char *nl = memchr(data + start, '\n', end - start);
        if (nl || (eof && end > start)) {
            size_t n = nl ? (size_t)(nl - (data + start)) : end - start;
            const char *s = data + start;
            if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
                s += 3; /* a UTF-8 BOM opening the file */
                n -= 3;
            }
            first = 0;
            lineno++;
            if (n && s[n - 1] == '\r')
                n--;
            if (jsonl_line(b, name, lineno, s, n, skipping || n > maxrec, skipped + n) != 0)
                rc = 2;
            skipping = 0;
            skipped = 0;
            start = nl ? (size_t)(nl - data) + 1 : end;
            continue;
        }
        if (eof)
            break;
        if (end - start > maxrec) { /* too long: drop what we have, keep counting */
            skipping = 1;
            skipped += end - start;
            start = end;
        }
        if (start > 0) {
            memmove(data, data + start, end - start);
            end -= start;
            start = 0;
        }
        if (cap - end < READ_CHUNK) {
            char *nd = realloc(data, cap * 2);
            if (!nd) {
                fprintf(stderr, "%s: %s: out of memory (line %llu too long?)\n", prog, name,
                        lineno + 1);
                rc = 2;
                break;
            }
            data = nd;
            cap *= 2;
        }
        ssize_t r = read(fd, data + end, cap - end);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
            rc = 2;
        } else if (r == 0) {
            eof = 1;
        } else {
            end += (size_t)r;
        }
    }
    free(data);
    return rc;
}

static int read_jsonl_inputs(batch *b) {
    const config *c = b->cfg;
    if (c->npaths == 0)
        return read_jsonl(b, 0, stdin_name);
    for (int i = 0; i < c->npaths; i++) {
        const char *path = c->paths[i];
        int stdin_input = strcmp(path, "-") == 0;
        int fd = stdin_input ? 0 : open(path, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
            return 2;
        }
        int rc = read_jsonl(b, fd, stdin_input ? stdin_name : path);
        if (!stdin_input)
            close(fd);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- article files: walk the paths ---------------------------------- */

typedef struct {
    batch *b;
    int count_only;
    unsigned long long files, bytes;
} walker;

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(walker *w, const char *path, int top, int depth);

/* One article file (or a path that could not be read). */
static int visit_file(walker *w, const char *path, int err, size_t size) {
    if (w->count_only) {
        w->files++;
        w->bytes += size;
        return 0;
    }
    char *copy = strdup(path);
    if (!copy) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    return submit(w->b, NULL, 0, copy, size, err, 0);
}

/* Sorted names of a directory's entries, hidden ones left out. */
static char **list_dir(DIR *d, size_t *count) {
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e = NULL;
    while (names && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **nn = realloc(names, 2 * cap * sizeof *names);
            if (!nn)
                break;
            names = nn;
            cap *= 2;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    if (names && e != NULL) { /* stopped early: out of memory */
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return NULL;
    }
    if (names)
        qsort(names, n, sizeof *names, cmp_names);
    *count = n;
    return names;
}

static int walk_dir(walker *w, const char *path, int depth) {
    DIR *d = opendir(path);
    if (!d)
        return visit_file(w, path, errno, 0);
    size_t n = 0;
    char **names = list_dir(d, &n);
    closedir(d);
    if (!names) {
        fprintf(stderr, "%s: %s: out of memory\n", prog, path);
        return -1;
    }
    int rc = 0;
    size_t plen = strlen(path);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0) {
            size_t len = plen + 1 + strlen(names[i]) + 1;
            char *child = malloc(len);
            if (!child) {
                fprintf(stderr, "%s: out of memory\n", prog);
                rc = -1;
            } else {
                int slash = plen && path[plen - 1] == '/';
                snprintf(child, len, "%s%s%s", path, slash ? "" : "/", names[i]);
                rc = walk(w, child, 0, depth + 1);
                free(child);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static int walk(walker *w, const char *path, int top, int depth) {
    struct stat st;
    if (stat(path, &st) != 0)
        return top ? visit_file(w, path, errno, 0) : 0; /* dangling link inside a dir: skip */
    if (S_ISDIR(st.st_mode)) {
        if (depth >= MAX_WALK_DEPTH)
            return visit_file(w, path, ELOOP, 0);
        return walk_dir(w, path, depth);
    }
    if (!top && (!S_ISREG(st.st_mode) || !ends_with(path, w->b->cfg->ext)))
        return 0;
    return visit_file(w, path, 0, (size_t)st.st_size);
}

static int read_files(batch *b) {
    walker w = {b, 0, 0, 0};
    for (int i = 0; i < b->cfg->npaths; i++)
        if (walk(&w, b->cfg->paths[i], 1, 0) != 0)
            return 2;
    return 0;
}

/* Total input size for the ETA, or 0 when it cannot be known up front. */
static unsigned long long total_size(batch *b) {
    const config *c = b->cfg;
    struct stat st;
    if (!c->jsonl && c->npaths > 0) {
        walker w = {b, 1, 0, 0};
        for (int i = 0; i < c->npaths; i++)
            walk(&w, c->paths[i], 1, 0);
        return w.bytes;
    }
    if (c->npaths == 0)
        return fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (unsigned long long)st.st_size : 0;
    unsigned long long sum = 0;
    for (int i = 0; i < c->npaths; i++) {
        int ok = strcmp(c->paths[i], "-") == 0 ? fstat(0, &st) == 0 : stat(c->paths[i], &st) == 0;
        if (!ok || !S_ISREG(st.st_mode))
            return 0;
        sum += (unsigned long long)st.st_size;
    }
    return sum;
}

/* ------------------------------------------------------------------------ */
/* Command line                                                             */
/* ------------------------------------------------------------------------ */

static void usage(FILE *f) {
    fprintf(f,
            "Usage: %s [OPTIONS]                  < records.jsonl > results.jsonl\n"
            "       %s [OPTIONS] --jsonl FILE...  > results.jsonl\n"
            "       %s [OPTIONS] PATH...          > results.jsonl\n"
            "\n"
            "Parse many plain-text news articles with wirenews, in parallel, and write one\n"
            "JSON result per article as JSON Lines, in input order.\n"
            "\n"
            "Input:\n"
            "  With no PATH, JSON Lines records are read from standard input, one object per\n"
            "  line: {\"id\": ..., \"text\": \"article text\"}. The id may be any JSON value; it\n"
            "  is copied to the output unchanged (null when the record has none). Blank\n"
            "  lines are skipped; a UTF-8 BOM and CRLF line ends are accepted.\n"
            "  With --jsonl, the FILEs are read as JSON Lines instead (- is standard input).\n"
            "  Otherwise every PATH is an article file, and directories are walked\n"
            "  recursively in name order, taking files whose name ends in EXT (hidden\n"
            "  entries skipped); the id is the file's path.\n"
            "\n"
            "Output, one line per record, in input order:\n"
            "  {\"id\":ID,\"result\":{...}}\n"
            "      the article's structure, exactly as wirenews-parse prints it\n"
            "  {\"id\":ID,\"error\":\"WHERE: REASON\",\"line\":N}\n"
            "      a bad record: not JSON, the text field missing or not a string, a line\n"
            "      over --max-record, an unreadable file (\"line\" only for JSON Lines)\n"
            "\n"
            "Options:\n"
            "      --jsonl            read the PATHs as JSON Lines files, not as articles\n"
            "      --id-field NAME    member holding the record's id (default: id)\n"
            "      --text-field NAME  member holding the article text (default: text)\n"
            "      --ext EXT          file name ending taken from directories (default: .txt;\n"
            "                         --ext '' takes every file)\n"
            "      --max-record SIZE  longest JSON Lines record kept (default: 64M); a longer\n"
            "                         line becomes an error record without being buffered\n"
            "      --no-dedupe        keep verbatim repeats instead of marking them as noise\n"
            "      --no-entities      leave HTML character references undecoded\n"
            "  -j, --jobs N           parser threads (default: the number of online CPUs)\n"
            "      --window N         records in flight at most, the reorder window\n"
            "                         (default: 64 per thread); with the 64M input budget it\n"
            "                         bounds memory whatever the length of the input\n"
            "  -q, --quiet            no progress line, no summary, no failure count\n"
            "      --progress         show the progress line even when stderr is not a\n"
            "                         terminal (it is shown on a terminal by default)\n"
            "      --bad-records-ok   exit 0 even when some records failed (for Hadoop\n"
            "                         Streaming and Spark, which fail a task on exit 1)\n"
            "  -h, --help             show this help and exit\n"
            "  -V, --version          show the program and library versions and exit\n"
            "\n"
            "SIZE takes a K, M or G suffix (powers of 1024).\n"
            "\n"
            "Exit status: 0 every record parsed; 1 some records failed (they are in the\n"
            "output as error records, and their count is printed on stderr); 2 a usage\n"
            "error, an input that cannot be read or an output that cannot be written.\n"
            "\n"
            "Examples:\n"
            "  %s -j 4 < articles.jsonl > parsed.jsonl\n"
            "  %s --text-field body --id-field url --jsonl crawl-*.jsonl > parsed.jsonl\n"
            "  %s corpus/ > parsed.jsonl\n"
            "  parallel --pipe --block 64M -k %s -q -j 1 < big.jsonl > parsed.jsonl\n",
            prog, prog, prog, prog, prog, prog, prog);
}

/* Print "wirenews-batch: MSG['ARG'] (try --help)"; returns the usage status. */
static int usage_error(const char *msg, const char *arg) {
    if (arg)
        fprintf(stderr, "%s: %s '%s' (try --help)\n", prog, msg, arg);
    else
        fprintf(stderr, "%s: %s (try --help)\n", prog, msg);
    return 2;
}

/* Parse a positive count or size ("64M"). Returns 0 on error. */
static size_t parse_size(const char *s, int suffixes) {
    if (!s || *s < '0' || *s > '9')
        return 0;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return 0;
    unsigned long long mult = 1;
    if (suffixes && *end) {
        switch (*end) {
        case 'k':
        case 'K':
            mult = 1ULL << 10;
            break;
        case 'm':
        case 'M':
            mult = 1ULL << 20;
            break;
        case 'g':
        case 'G':
            mult = 1ULL << 30;
            break;
        default:
            return 0;
        }
        end++;
    }
    if (*end || v == 0 || v > SIZE_MAX / mult)
        return 0;
    return (size_t)(v * mult);
}

/* "--name VALUE", "--name=VALUE" or "-jVALUE": the value, or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *lng, const char *shrt) {
    const char *a = argv[*i];
    size_t n = strlen(lng);
    if (strncmp(a, lng, n) == 0 && a[n] == '=')
        return a + n + 1;
    if (shrt && strncmp(a, shrt, 2) == 0 && a[2] != '\0')
        return a + 2;
    if (strcmp(a, lng) == 0 || (shrt && strcmp(a, shrt) == 0)) {
        if (*i + 1 >= argc)
            return NULL;
        return argv[++*i];
    }
    return NULL;
}

static int is_opt(const char *a, const char *lng, const char *shrt) {
    size_t n = strlen(lng);
    if (strncmp(a, lng, n) == 0 && (a[n] == '\0' || a[n] == '='))
        return 1;
    return shrt && strncmp(a, shrt, 2) == 0;
}

static int option_error(const char *msg) {
    usage_error(msg, NULL);
    return -1;
}

/* Options that take a value. Returns 1 handled, 0 not this kind, -1 error. */
static int value_option(config *c, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    const char *v;
    size_t n;
    if (is_opt(a, "--jobs", "-j")) {
        if (!(v = opt_value(argc, argv, i, "--jobs", "-j")) || !(n = parse_size(v, 0)) || n > 1024)
            return option_error("-j/--jobs needs a number of threads from 1 to 1024");
        c->jobs = (unsigned)n;
    } else if (is_opt(a, "--window", NULL)) {
        if (!(v = opt_value(argc, argv, i, "--window", NULL)) || !(n = parse_size(v, 0)))
            return option_error("--window needs a positive number of records");
        c->window = n;
    } else if (is_opt(a, "--max-record", NULL)) {
        if (!(v = opt_value(argc, argv, i, "--max-record", NULL)) || !(n = parse_size(v, 1)))
            return option_error("--max-record needs a size such as 64M");
        c->max_record = n;
    } else if (is_opt(a, "--id-field", NULL)) {
        if (!(v = opt_value(argc, argv, i, "--id-field", NULL)))
            return option_error("--id-field needs a member name");
        c->f.id_field = v;
    } else if (is_opt(a, "--text-field", NULL)) {
        if (!(v = opt_value(argc, argv, i, "--text-field", NULL)))
            return option_error("--text-field needs a member name");
        c->f.text_field = v;
    } else if (is_opt(a, "--ext", NULL)) {
        if (!(v = opt_value(argc, argv, i, "--ext", NULL)))
            return option_error("--ext needs a file name ending such as .txt");
        c->ext = v;
    } else {
        return 0;
    }
    return 1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(config *c, int argc, char **argv) {
    int only_paths = 0;
    c->paths = malloc((size_t)argc * sizeof *c->paths);
    if (!c->paths) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            c->paths[c->npaths++] = argv[i];
            continue;
        }
        int r = value_option(c, argc, argv, &i);
        if (r < 0)
            return 2;
        if (r > 0)
            continue;
        if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "--jsonl") == 0) {
            c->jsonl = 1;
        } else if (strcmp(a, "--no-dedupe") == 0) {
            c->opts.flags &= ~WN_OPT_DEDUPE;
        } else if (strcmp(a, "--no-entities") == 0) {
            c->opts.flags &= ~WN_OPT_DECODE_ENTITIES;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            c->quiet = 1;
        } else if (strcmp(a, "--progress") == 0) {
            c->force_progress = 1;
        } else if (strcmp(a, "--bad-records-ok") == 0) {
            c->bad_ok = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("%s %s (libwirenews %s)\n", prog, WN_VERSION_STRING, wn_version());
            return 0;
        } else {
            return usage_error("unknown option", a);
        }
    }
    if (c->jsonl && c->npaths == 0)
        c->jsonl = 0; /* --jsonl without FILEs: standard input, as by default */
    if (!c->jsonl && c->npaths == 1 && strcmp(c->paths[0], "-") == 0)
        c->npaths = 0; /* a lone "-": JSON Lines on standard input */
    c->f.id_field_len = strlen(c->f.id_field);
    c->f.text_field_len = strlen(c->f.text_field);
    return -1;
}

static unsigned online_cpus(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > 1024 ? 1024u : (unsigned)n;
}

/* ------------------------------------------------------------------------ */
/* Main                                                                     */
/* ------------------------------------------------------------------------ */

static int run(batch *b) {
    const config *c = b->cfg;
    unsigned nw = c->jobs;
    pthread_t *tids = calloc(nw, sizeof *tids);
    worker *ws = calloc(nw, sizeof *ws);
    pthread_t wtid;
    unsigned started = 0;
    int rc = 0;
    if (!tids || !ws) {
        fprintf(stderr, "%s: out of memory\n", prog);
        free(tids);
        free(ws);
        return 2;
    }
    if (pthread_create(&wtid, NULL, writer_main, b) != 0) {
        fprintf(stderr, "%s: cannot start a thread\n", prog);
        free(tids);
        free(ws);
        return 2;
    }
    for (; started < nw; started++) {
        ws[started].b = b;
        if (pthread_create(&tids[started], NULL, worker_main, &ws[started]) != 0) {
            fprintf(stderr, "%s: cannot start thread %u\n", prog, started + 1);
            rc = 2;
            break;
        }
    }
    if (rc == 0 && started > 0)
        rc = (c->npaths > 0 && !c->jsonl) ? read_files(b) : read_jsonl_inputs(b);
    pthread_mutex_lock(&b->mu);
    b->eof = 1;
    if (started == 0)
        b->abort = 1;
    pthread_cond_broadcast(&b->has_work);
    pthread_cond_broadcast(&b->has_done);
    pthread_mutex_unlock(&b->mu);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    pthread_join(wtid, NULL);
    for (unsigned i = 0; i < nw; i++) {
        free(ws[i].key.p);
        free(ws[i].text.p);
        free(ws[i].out.p);
    }
    free(tids);
    free(ws);
    return rc;
}

int main(int argc, char **argv) {
    config c;
    memset(&c, 0, sizeof c);
    wn_options_init(&c.opts);
    c.f.id_field = "id";
    c.f.text_field = "text";
    c.ext = ".txt";
    c.max_record = 64u << 20;
    c.max_inflight = 64u << 20;
    int st = parse_args(&c, argc, argv);
    if (st >= 0) {
        free(c.paths);
        return st;
    }
    if (!c.jobs)
        c.jobs = online_cpus();
    if (!c.window)
        c.window = 64 * (size_t)c.jobs;

    batch b;
    memset(&b, 0, sizeof b);
    b.cfg = &c;
    b.low_water = c.window / 2;
    b.wake_run = c.window / 4 < 1 ? 1 : c.window / 4 > 16 ? 16 : c.window / 4;
    b.slots = calloc(c.window, sizeof *b.slots);
    if (!b.slots) {
        fprintf(stderr, "%s: out of memory (--window %zu)\n", prog, c.window);
        free(c.paths);
        return 2;
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.can_fill, NULL);
    pthread_cond_init(&b.has_work, NULL);
    pthread_cond_init(&b.has_done, NULL);
    b.progress = !c.quiet && (c.force_progress || isatty(2));
    if (b.progress)
        b.total_bytes = total_size(&b);
    clock_gettime(CLOCK_MONOTONIC, &b.t0);
    static char outbuf[OUT_BUFFER];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    int rc = run(&b);

    if (b.progress)
        progress_line(&b, 1);
    else if (b.failures && !c.quiet)
        fprintf(stderr, "%s: %llu of %llu records failed (see the \"error\" lines of the output)\n",
                prog, b.failures, b.written);
    for (size_t i = 0; i < c.window; i++) {
        free(b.slots[i].in);
        free(b.slots[i].out);
    }
    free(b.slots);
    free(c.paths);
    if (rc || b.fatal)
        return 2;
    return b.failures && !c.bad_ok ? 1 : 0;
}
