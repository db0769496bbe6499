/*
 * test-corpus.c - parse every article of the shared gold corpus (and the
 * blobs that lost their line breaks) and check the invariants on each, with
 * every option combination. The corpus is read from ../shared when it
 * exists (WN_CORPUS_DIR); without it the test says so and is skipped.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wirenews.h>

#include "wntest.h"

static void parse_article(const char *name, const char *text, size_t len, void *ctx) {
    (void)ctx;
    ck_assert_msg(text != NULL, "cannot read %s", name);
    char err[256];
    size_t blocks = 0;
    ck_assert_msg(wnt_parse_check_options(text, len, &blocks, err, sizeof err), "%s: %s", name,
                  err);
    ck_assert_msg(blocks > 0, "%s: no blocks", name);
}

static int parse_dir(const char *dir) {
    return wnt_each_article(dir, parse_article, NULL);
}

static int skipped = 0;

START_TEST(dev_corpus) {
    const char *dir = getenv("WN_CORPUS_DIR");
    int n = dir ? parse_dir(dir) : -1;
    if (n < 0) {
        printf("corpus: %s not found, skipping (the shared corpus is not beside this checkout)\n",
               dir ? dir : "WN_CORPUS_DIR unset");
        skipped = 1;
        return;
    }
    printf("corpus: %d articles parsed and checked in %s\n", n, dir);
    ck_assert_int_gt(n, 0);
    /* the blobs next to it: articles that lost every line break */
    char blobs[4096];
    snprintf(blobs, sizeof blobs, "%s/../blobs", dir);
    int b = parse_dir(blobs);
    if (b >= 0)
        printf("corpus: %d blobs parsed and checked\n", b);
}
END_TEST

int main(void) {
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, dev_corpus);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (failed)
        return EXIT_FAILURE;
    return skipped ? 77 : EXIT_SUCCESS; /* 77: meson reports the test as skipped */
}
