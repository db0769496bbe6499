/*
 * fuzz-parse.c - libFuzzer target for the parse entry point and the JSON
 * renderers. Every input is parsed with the default options and must give
 * a document whose spans cover every non-space byte exactly once, whose
 * strings are valid UTF-8, whose JSON (compact and pretty, buffered and
 * streamed) is valid and agrees key by key with the getters, and which
 * wn_parse_to_json() renders to the same bytes.
 */
#include <stddef.h>
#include <stdint.h>

#include <wirenews.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char err[256];
    if (!wnf_check_input((const char *)data, size, NULL, err, sizeof err))
        wnf_die("fuzz-parse", err, size);
    return 0;
}
