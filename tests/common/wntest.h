/*
 * wntest.h - checks shared by the test suites, the fuzz targets and the
 * benchmarks: the invariants every parse must satisfy, whatever the input.
 */
#ifndef WNTEST_H
#define WNTEST_H

#include <stddef.h>

#include <wirenews.h>

/* Write a reason into err (when err is not NULL and errlen not 0) and
 * return 0, so that a check can end with `return wnt_fail(...)`. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int wnt_fail(char *err, size_t errlen, const char *fmt, ...);

/* Is [s, s+n) strictly valid UTF-8 (no surrogates, no overlongs)? */
int wnt_utf8_valid(const char *s, size_t n);

/* Is [s, s+n) one valid JSON value (RFC 8259) and nothing else? On failure
 * writes a reason into err (if not NULL). */
int wnt_json_valid(const char *s, size_t n, char *err, size_t errlen);

/* Is the code point white space in the sense of the coverage rule
 * (Python's str.isspace(), the Zs separators, U+200B and U+FEFF)? */
int wnt_is_blank_cp(unsigned long cp);

/*
 * Check a parsed document against its input:
 *  - spans lie inside the input, in order, and never overlap;
 *  - together they contain every byte that is not white space;
 *  - every string the getters return is valid UTF-8, NUL-terminated at its
 *    length, and its length matches strlen() (no NUL inside);
 *  - the getters agree with the block count and types;
 *  - the JSON rendering (compact and pretty) is valid JSON, both renderings
 *    through a buffer and through the callback agree.
 * Returns 1 when everything holds; otherwise 0 with a reason in err.
 */
int wnt_check_doc(const char *in, size_t len, const wn_doc *doc, char *err, size_t errlen);

/* Parse with the default options and run wnt_check_doc(). */
int wnt_parse_check(const char *in, size_t len, char *err, size_t errlen);

/* wnt_parse_check() with every combination of the option flags (the
 * failing one named in err); *blocks, when given, gets the block count
 * with the default options. */
int wnt_parse_check_options(const char *in, size_t len, size_t *blocks, char *err, size_t errlen);

/* Read a whole file; returns a malloc'd buffer (NUL-terminated) or NULL. */
char *wnt_read_file(const char *path, size_t *len);

/* Call fn for each article (a file named *.txt) in dir with its name and
 * bytes (text NULL when the file cannot be read). Returns the number of
 * articles, or -1 when dir cannot be listed. */
typedef void (*wnt_article_fn)(const char *name, const char *text, size_t len, void *ctx);
int wnt_each_article(const char *dir, wnt_article_fn fn, void *ctx);

/* An allocator hook over malloc that counts the blocks and bytes it has
 * live (and their peak since the last arm) and can
 * refuse the fail_at-th malloc/realloc call (or, with fail_on, every call
 * from that one on). Set it up with wnt_hook_arm(), hand out
 * wnt_hook_allocator(). A call with another context aborts. */
typedef struct wnt_hook {
    unsigned magic;
    long calls;   /* malloc and realloc calls since the last arm */
    long fail_at; /* 0: never */
    int fail_on;  /* refuse every call from fail_at on */
    long failed;  /* calls refused since the last arm */
    long live;    /* blocks handed out and not freed */
    size_t bytes; /* usable bytes of those blocks (malloc_usable_size) */
    size_t peak;  /* the most bytes live at once since the last arm */
} wnt_hook;
void wnt_hook_arm(wnt_hook *h, long fail_at, int fail_on);
wn_allocator wnt_hook_allocator(wnt_hook *h);

/* main() of a Check test program running the one suite suite_fn() builds. */
#define WN_UNIT_MAIN(suite_fn)                                                                     \
    int main(void) {                                                                               \
        SRunner *sr = srunner_create(suite_fn());                                                  \
        srunner_run_all(sr, CK_NORMAL);                                                            \
        int failed = srunner_ntests_failed(sr);                                                    \
        srunner_free(sr);                                                                          \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                                               \
    }

#endif
