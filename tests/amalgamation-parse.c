/* amalgamation-parse - parse files with the amalgamated wirenews.c compiled
 * into this program, and print one compact JSON document per line. */
#include <stdio.h>
#include <stdlib.h>

#include WN_AMALGAMATION_HEADER

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        size_t cap = 1 << 16, n = 0;
        char *buf = malloc(cap);
        size_t r;
        while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
            n += r;
            if (n == cap) {
                char *nb = realloc(buf, cap *= 2);
                if (!nb) {
                    free(buf);
                    buf = NULL;
                }
                buf = nb;
            }
        }
        fclose(f);
        if (!buf)
            return 1;
        char *json = NULL;
        int st = wn_parse_to_json(buf, n, NULL, 0, &json, NULL);
        free(buf);
        if (st != WN_OK) {
            fprintf(stderr, "%s: %s\n", argv[i], wn_strerror(st));
            return 1;
        }
        puts(json);
        wn_free(json);
    }
    return 0;
}
