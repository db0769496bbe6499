/*
 * wirenews-parse - print the structure of a plain-text news article as JSON.
 *
 * A small program on the public API: read the article (a file or standard
 * input), wn_parse() it, stream wn_render_json_to() to standard output.
 *
 * Exit status: 0 success, 1 the article could not be parsed, 2 usage or
 * I/O error (with a one-line message naming the file and the reason).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <wirenews.h>

static const char *prog = "wirenews-parse";

static void usage(FILE *f) {
    fprintf(f,
            "Usage: %s [OPTIONS] [FILE|-]\n"
            "\n"
            "Parse one news article delivered as plain text (UTF-8; LF, CRLF or CR\n"
            "line ends) and print its structure as JSON: headline, dek, byline,\n"
            "dateline, publication time, and every block of the text in order\n"
            "(paragraph, subhead, list, tweet, related link, caption, noise, ...).\n"
            "With no FILE, or when FILE is -, the article is read from standard input.\n"
            "\n"
            "Options:\n"
            "  -p, --pretty        indent the JSON (two spaces, one key per line)\n"
            "      --no-dedupe     keep verbatim repeats instead of marking them as\n"
            "                      noise with reason \"duplicate\"\n"
            "      --no-entities   leave HTML character references (&mdash; &#8217;)\n"
            "                      as they are instead of decoding them\n"
            "  -h, --help          show this help and exit\n"
            "  -V, --version       show the program and library versions and exit\n"
            "\n"
            "Exit status: 0 on success, 1 if the article could not be parsed (out of\n"
            "memory), 2 on a usage error or when FILE cannot be read or the output\n"
            "cannot be written.\n"
            "\n"
            "Example:\n"
            "  %s --pretty article.txt\n"
            "  curl -s https://example.com/story.txt | %s - | jq .headline\n",
            prog, prog, prog);
}

/* Read all of fd into a malloc'd buffer. Returns 0 or an errno value. */
static int read_all(int fd, char **out, size_t *out_len) {
    struct stat st;
    size_t cap = 64 * 1024;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return EISDIR;
        if (S_ISREG(st.st_mode) && st.st_size > 0)
            cap = (size_t)st.st_size + 1;
    }
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap > ((size_t)-1) / 2) {
                free(buf);
                return EFBIG;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *out = buf;
    *out_len = n;
    return 0;
}

static int write_stdout(void *ctx, const char *data, size_t len) {
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

int main(int argc, char **argv) {
    const char *path = NULL;
    unsigned json_flags = 0;
    wn_options opts;
    wn_options_init(&opts);
    int only_files = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--") == 0) {
                only_files = 1;
            } else if (strcmp(a, "-p") == 0 || strcmp(a, "--pretty") == 0) {
                json_flags |= WN_JSON_PRETTY;
            } else if (strcmp(a, "--no-dedupe") == 0) {
                opts.flags &= ~WN_OPT_DEDUPE;
            } else if (strcmp(a, "--no-entities") == 0) {
                opts.flags &= ~WN_OPT_DECODE_ENTITIES;
            } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
                usage(stdout);
                return 0;
            } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
                printf("%s %s (libwirenews %s)\n", prog, WN_VERSION_STRING, wn_version());
                return 0;
            } else {
                fprintf(stderr, "%s: unknown option '%s' (try --help)\n", prog, a);
                return 2;
            }
            continue;
        }
        if (path) {
            fprintf(stderr, "%s: only one FILE may be given (got '%s' and '%s')\n", prog, path, a);
            return 2;
        }
        path = a;
    }

    const char *name = (!path || strcmp(path, "-") == 0) ? "(standard input)" : path;
    int fd = 0;
    if (path && strcmp(path, "-") != 0) {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
            return 2;
        }
    }
    char *data = NULL;
    size_t len = 0;
    int err = read_all(fd, &data, &len);
    if (fd != 0)
        close(fd);
    if (err) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(err));
        return 2;
    }

    wn_doc *doc = NULL;
    int st = wn_parse(data, len, &opts, &doc);
    free(data);
    if (st != WN_OK) {
        fprintf(stderr, "%s: %s: cannot parse: %s\n", prog, name, wn_strerror(st));
        return 1;
    }
    st = wn_render_json_to(doc, json_flags, write_stdout, NULL);
    wn_doc_free(doc);
    if (st == WN_OK && !(json_flags & WN_JSON_PRETTY) && fputc('\n', stdout) == EOF)
        st = WN_ERR_WRITE;
    if (st == WN_OK && fflush(stdout) != 0)
        st = WN_ERR_WRITE;
    if (st == WN_ERR_WRITE) {
        fprintf(stderr, "%s: standard output: %s\n", prog, errno ? strerror(errno) : "write error");
        return 2;
    }
    if (st != WN_OK) {
        fprintf(stderr, "%s: %s: cannot render: %s\n", prog, name, wn_strerror(st));
        return 1;
    }
    return 0;
}
