/*
 * fuzz-common.h - checks shared by the fuzz targets (and the stress tests):
 * the invariants of tests/common/wntest.h, plus a reading of the rendered
 * JSON back into values that must agree, key by key, with the getters.
 */
#ifndef WN_FUZZ_COMMON_H
#define WN_FUZZ_COMMON_H

#include <stddef.h>

#include <wirenews.h>

/*
 * Parse the rendered JSON of `doc` (compact and pretty) and compare it with
 * the getters: version, headline, dek, byline, published, dateline, block
 * count, and for every block its type, span and every field of its type
 * (strings decoded from their JSON escapes, arrays item by item). Returns 1
 * when everything agrees; otherwise 0 with a reason in err.
 */
int wnf_json_matches_doc(const wn_doc *doc, char *err, size_t errlen);

/*
 * Everything a fuzz target asserts about one input parsed with `opts`
 * (NULL for the defaults): the parse succeeds, wnt_check_doc() holds, the
 * JSON agrees with the getters, and wn_parse_to_json() gives the same bytes
 * as parse + render. Returns 1 when all of it holds, 0 with a reason.
 */
int wnf_check_input(const char *in, size_t len, const wn_options *opts, char *err, size_t errlen);

/* Report a broken invariant with the input's size and abort(), so that
 * libFuzzer saves the input as a crash. */
void wnf_die(const char *what, const char *err, size_t len);

#endif
