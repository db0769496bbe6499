/*
 * bench.c - the wirenews benchmark driver (run by `meson test --benchmark
 * --suite bench`, never by a plain `meson test`).
 *
 * Inputs: the dev corpus concatenated and repeated to >= 100 MB, and the
 * benchmark's own generated wire-style text at 1, 10, 100 MB (and 1 GB with
 * --full). Each input is timed two ways: as a stream of articles, each
 * parsed on its own (the unit of work of a crawler, ~5 KB), and as one
 * document (to show that the cost per MB stays flat as the input grows).
 *
 * Engines, on the same bytes: wirenews parse only and parse + JSON, the
 * wirenews-parse CLI on files (wall time, its own process), md4c md_parse
 * with no-op callbacks and md_html, cmark parse and parse + HTML, and a
 * memchr line scan as the ceiling. Every measurement is repeated (the runs
 * of the engines interleaved, so that a machine that drifts shifts them
 * alike); the report gives min/median/max MB/s over wall time, the median
 * over CPU time, articles/s, CPU share, peak RSS (with --memory fresh or
 * libc), wirenews' exact heap peak, the 1-minute load average, wirenews'
 * ratios to the others and the scaling figures. 1 MB = 10^6 bytes.
 *
 * Run `wirenews-bench --help` for the options.
 */
#define _DEFAULT_SOURCE

#include <dirent.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <wirenews.h>

#include "bench.h"
#include "wnb_vcs.h"

#define MB 1000000.0
#define MAX_RUNS 64
#define MAX_INPUTS 16
#define WARMUP_BYTES (8u * 1000u * 1000u)
#define CLI_ARTICLE_FILES 100
#define GEN_SEED 0x77697265ull /* "wire" */

#ifndef WNB_BUILD_INFO
#define WNB_BUILD_INFO "unknown"
#endif

/* ------------------------------------------------------------------ options */

typedef struct options {
    int full, smoke;
    int runs, runs_large;
    double corpus_mb;
    double sizes[8];
    int nsizes;
    const char *corpus_dir;
    const char *cli;
    const char *report;
    const char *tsv;
    const char *engines; /* comma-separated filter, NULL: all */
    const char *inputs;  /* comma-separated prefixes, NULL: all */
    const char *units;   /* "article", "whole" or NULL: both */
    const char *tmp_base;
    const char *label; /* free text for the report header */
    double wait_idle;  /* seconds to wait for an idle machine before each measurement */
    int no_cli, no_heap, no_warmup, keep;
    int memory;     /* MEM_*: how the C library hands out and takes back memory */
    int interleave; /* interleave the runs of the engines (-1: the mode's default) */
    int paired;     /* rounds of the paired scaling measurement (--paired), 0: none */
    int in_a_row;   /* each corpus article this many times in a row (--in-a-row), 1: in turn */
} options;

/* Memory modes (--memory). */
enum {
    MEM_REUSE, /* freed memory stays in the process; warm-up on the whole input */
    MEM_FRESH, /* large blocks are always new mappings: first-touch faults every run */
    MEM_LIBC   /* the C library's own adaptive thresholds (depends on history) */
};

static const char *const memory_modes[] = {"reuse", "fresh", "libc"};

static options opt;
static char self_exe[4096];
static char spawn_flag[] = "--spawn-cli";
static char *cli_path; /* a modifiable copy of opt.cli for execv() */
static FILE *report_f, *tsv_f;
static volatile long long sink;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void out(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
    if (report_f) {
        va_start(ap, fmt);
        vfprintf(report_f, fmt, ap);
        va_end(ap);
        fflush(report_f);
    }
}

static void die(const char *what, const char *arg) {
    fprintf(stderr, "wirenews-bench: %s%s%s%s%s\n", what, arg ? " " : "", arg ? arg : "",
            errno ? ": " : "", errno ? strerror(errno) : "");
    exit(2);
}

/* ------------------------------------------------------------------ system */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double load1(void) {
    double l = -1.0;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &l) != 1)
            l = -1.0;
        fclose(f);
    }
    return l;
}

/* Runnable tasks on the whole machine right now (the 4th field of
 * /proc/loadavg, "running/total"), ourselves included; -1 if unknown. */
static int running_tasks(void) {
    int r = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        double a, b, c;
        if (fscanf(f, "%lf %lf %lf %d/", &a, &b, &c, &r) != 4)
            r = -1;
        fclose(f);
    }
    return r;
}

/* With --wait-idle S: wait (at most S seconds) until nothing but this
 * process has been runnable for a second. Returns 1 when it got there. */
static int wait_idle(void) {
    if (opt.wait_idle <= 0)
        return 1;
    double until = now() + opt.wait_idle;
    int quiet = 0;
    while (now() < until) {
        int r = running_tasks();
        if (r < 0)
            return 1;
        quiet = r <= 1 ? quiet + 1 : 0;
        if (quiet >= 5)
            return 1;
        struct timespec ts = {0, 200 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return 0;
}

/* A "Vm...:" field of /proc/self/status in kB, or -1. */
static long status_kb(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long v = -1;
    size_t fl = strlen(field);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, field, fl) == 0 && line[fl] == ':') {
            v = strtol(line + fl + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return v;
}

/* Give freed heap back to the system, then reset the peak RSS (VmHWM) to
 * the current RSS; 0 on success. */
static int reset_peak(void) {
#ifdef __GLIBC__
    if (opt.memory != MEM_REUSE)
        malloc_trim(0);
#endif
    int fd = open("/proc/self/clear_refs", O_WRONLY);
    if (fd < 0)
        return -1;
    ssize_t w = write(fd, "5", 1);
    close(fd);
    return w == 1 ? 0 : -1;
}

/* ------------------------------------------------------------------ temp files */

static char tmpdir[4096];
static char **tmp_files;
static size_t ntmp_files;

static const char *tmp_path(const char *name) {
    static char path[8192];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static void write_file(const char *path, const char *p, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f)
        die("cannot create", path);
    if (n && fwrite(p, 1, n, f) != n)
        die("cannot write", path);
    if (fclose(f) != 0)
        die("cannot write", path);
    char **nf = realloc(tmp_files, (ntmp_files + 1) * sizeof *nf);
    if (!nf)
        abort();
    tmp_files = nf;
    tmp_files[ntmp_files++] = strdup(path);
}

/* Remove the files written so far (unless --keep). */
static void remove_tmp_files(void) {
    for (size_t i = 0; i < ntmp_files; i++) {
        if (!opt.keep)
            unlink(tmp_files[i]);
        free(tmp_files[i]);
    }
    free(tmp_files);
    tmp_files = NULL;
    ntmp_files = 0;
}

/* ------------------------------------------------------------------ CLI spawner */

/* `wirenews-bench --spawn-cli CLI FILE...`: run CLI on each file in turn
 * (output to /dev/null) and print "nanoseconds maxrss_kb failures". The
 * driver starts this mode as a fresh process, so the CLI's peak RSS is not
 * mixed up with the driver's inputs. */
static int spawn_main(int argc, char **argv) {
    long long ns = 0, cpu_us = 0;
    long maxrss = 0;
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        pid_t pid = fork();
        if (pid < 0)
            return 2;
        if (pid == 0) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd >= 0)
                dup2(fd, 1);
            execl(argv[0], argv[0], argv[i], (char *)NULL);
            _exit(127);
        }
        int st = 0;
        struct rusage ru;
        memset(&ru, 0, sizeof ru);
        if (wait4(pid, &st, 0, &ru) < 0)
            return 2;
        clock_gettime(CLOCK_MONOTONIC, &b);
        ns += (long long)(b.tv_sec - a.tv_sec) * 1000000000ll + (b.tv_nsec - a.tv_nsec);
        cpu_us += (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000ll +
                  ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
        if (ru.ru_maxrss > maxrss)
            maxrss = ru.ru_maxrss;
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            bad++;
    }
    printf("%lld %lld %ld %d\n", ns, cpu_us, maxrss, bad);
    return 0;
}

/* Run the CLI over files through a spawner process. Returns 0 on success. */
static int run_cli(char **files, size_t nfiles, double *secs, double *cpu_secs, long *maxrss_kb) {
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    char **argv = calloc(nfiles + 4, sizeof *argv);
    if (!argv)
        abort();
    argv[0] = self_exe;
    argv[1] = spawn_flag;
    argv[2] = cli_path;
    for (size_t i = 0; i < nfiles; i++)
        argv[3 + i] = files[i];
    pid_t pid = fork();
    if (pid < 0) {
        free(argv);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execv(self_exe, argv);
        _exit(127);
    }
    free(argv);
    close(fds[1]);
    char buf[256];
    size_t n = 0;
    ssize_t k;
    while (n < sizeof buf - 1 && (k = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)k;
    buf[n] = '\0';
    close(fds[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    long long ns = 0, cpu_us = 0;
    int bad = 0;
    if (sscanf(buf, "%lld %lld %ld %d", &ns, &cpu_us, maxrss_kb, &bad) != 4 || bad)
        return -1;
    *secs = (double)ns * 1e-9;
    *cpu_secs = (double)cpu_us * 1e-6;
    return 0;
}

/* ------------------------------------------------------------------ results */

typedef struct result {
    char input[64];
    char unit[8];
    char engine[16];
    double bytes;
    size_t articles;
    double mbs[MAX_RUNS];
    int runs;
    double med, lo, hi; /* MB/s, wall clock */
    double cmbs[MAX_RUNS];
    double cmed; /* MB/s over CPU time (user + system), median */
    double cpu;  /* CPU time / wall time, median run */
    double cpus[MAX_RUNS];
    int have_peak;
    long peak_kb, base_kb;
    double load;
    int busy; /* --wait-idle gave up: the machine was busy */
    int ok;
} result;

static result results[512];
static size_t nresults;

/* wirenews heap peaks for one document (the whole input) */
typedef struct heap_result {
    char input[64];
    double bytes;
    size_t parse, json;
} heap_result;

static heap_result heaps[MAX_INPUTS];
static size_t nheaps;

static const heap_result *find_heap(const char *input) {
    for (size_t i = 0; i < nheaps; i++)
        if (strcmp(heaps[i].input, input) == 0)
            return &heaps[i];
    return NULL;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(const double *v, int n) {
    double s[MAX_RUNS];
    memcpy(s, v, (size_t)n * sizeof s[0]);
    qsort(s, (size_t)n, sizeof s[0], cmp_double);
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
}

static void finish(result *r) {
    r->lo = r->hi = r->mbs[0];
    for (int k = 1; k < r->runs; k++) {
        if (r->mbs[k] < r->lo)
            r->lo = r->mbs[k];
        if (r->mbs[k] > r->hi)
            r->hi = r->mbs[k];
    }
    r->med = median(r->mbs, r->runs);
    r->cmed = median(r->cmbs, r->runs);
}

static const result *find(const char *input, const char *unit, const char *engine) {
    for (size_t i = 0; i < nresults; i++)
        if (results[i].ok && strcmp(results[i].input, input) == 0 &&
            strcmp(results[i].unit, unit) == 0 && strcmp(results[i].engine, engine) == 0)
            return &results[i];
    return NULL;
}

static int wanted(const char *list, const char *name, int prefix) {
    if (!list)
        return 1;
    size_t nl = strlen(name);
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k && (prefix ? k <= nl : k == nl) && strncmp(p, name, k) == 0)
            return 1;
        p += k;
        if (*p == ',')
            p++;
    }
    return 0;
}

static void print_row(const result *r, const char *label) {
    double art_s = r->articles / (r->bytes / (r->med * MB));
    char rss[32], delta[32];
    if (r->peak_kb >= 0)
        snprintf(rss, sizeof rss, "%.0f", (double)r->peak_kb / 1024.0);
    else
        snprintf(rss, sizeof rss, "n/a");
    if (r->peak_kb >= 0 && r->base_kb >= 0)
        snprintf(delta, sizeof delta, "%.2f",
                 (double)(r->peak_kb - r->base_kb) * 1024.0 / r->bytes);
    else if (r->peak_kb >= 0)
        snprintf(delta, sizeof delta, "%.2f (total)", (double)r->peak_kb * 1024.0 / r->bytes);
    else
        snprintf(delta, sizeof delta, "n/a");
    char cpu[16];
    if (r->cpu >= 0)
        snprintf(cpu, sizeof cpu, "%.0f%%", r->cpu * 100.0);
    else
        snprintf(cpu, sizeof cpu, "n/a");
    out("| %-40s | %8.1f | %8.1f | %8.1f | %8.1f | %10.0f | %5s | %8s | %12s | %4.2f%s |\n", label,
        r->med, r->lo, r->hi, r->cmed, art_s, cpu, rss, delta, r->load, r->busy ? "!" : "");
    if (tsv_f) {
        fprintf(
            tsv_f,
            "%s\t%s\t%s\t%.0f\t%zu\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.1f\t%.3f\t%ld\t%ld\t%.2f\t%d\n",
            r->input, r->unit, r->engine, r->bytes, r->articles, r->runs, r->lo, r->med, r->hi,
            r->cmed, art_s, r->cpu, r->peak_kb, r->base_kb, r->load, r->busy);
        fflush(tsv_f);
    }
}

static void print_table_head(void) {
    out("| %-40s | %8s | %8s | %8s | %8s | %10s | %5s | %8s | %12s | %4s |\n", "engine", "MB/s med",
        "min", "max", "cpu MB/s", "articles/s", "cpu", "peak RSS", "dRSS/input", "load");
    out("|%.42s|%.10s|%.10s|%.10s|%.10s|%.12s|%.7s|%.10s|%.14s|%.6s|\n",
        "------------------------------------------", "---------:", "---------:", "---------:",
        "---------:", "-----------:", "------:", "---------:", "-------------:", "-----:");
}

/* ------------------------------------------------------------------ measuring */

typedef struct span {
    const char *p;
    size_t n;
} span;

/* Documents of one input in one unit: its articles, or the whole buffer. */
typedef struct docs {
    const wnb_input *in;
    int whole;
    size_t ndocs; /* for warm-up: the first ndocs (article) or prefix bytes (whole) */
    size_t prefix;
} docs;

static long long run_docs(wnb_doc_fn fn, const docs *d, int warm) {
    const wnb_input *in = d->in;
    long long acc = 0;
    if (d->whole) {
        size_t n = warm ? d->prefix : in->text.n;
        long long r = fn(in->text.p, n);
        if (r < 0)
            return -1;
        return r;
    }
    size_t count = warm ? d->ndocs : in->narticles;
    for (size_t i = 0; i < count; i++) {
        long long r = fn(in->text.p + in->off[i], in->off[i + 1] - in->off[i]);
        if (r < 0)
            return -1;
        acc += r;
    }
    return acc;
}

static int runs_for(const wnb_input *in) {
    return in->text.n > 300 * 1000 * 1000 ? opt.runs_large : opt.runs;
}

static double dist(double a, double b) {
    return a > b ? a - b : b - a;
}

/* One measurement in three steps, so that runs of several engines can be
 * interleaved: begin (record, RSS baseline, warm-up), one timed run at a
 * time, end (statistics, peak RSS, the report row). */
static result *measure_begin(const wnb_input *in, const char *unit, const wnb_engine *e,
                             const docs *d) {
    if (nresults == sizeof results / sizeof results[0])
        return NULL;
    result *r = &results[nresults];
    memset(r, 0, sizeof *r);
    snprintf(r->input, sizeof r->input, "%s", in->name);
    snprintf(r->unit, sizeof r->unit, "%s", unit);
    snprintf(r->engine, sizeof r->engine, "%s", e->key);
    r->bytes = (double)in->text.n;
    r->articles = in->narticles;
    r->runs = runs_for(in);
    r->busy = !wait_idle();
    r->load = load1();
    r->have_peak = reset_peak() == 0 && opt.memory != MEM_REUSE;
    r->base_kb = r->have_peak ? status_kb("VmRSS") : -1;
    /* warm-up: a prefix, or in reuse mode everything, so that the timed
     * runs find their memory already mapped */
    if (!opt.no_warmup && run_docs(e->run, d, opt.memory != MEM_REUSE) < 0) {
        out("| %-40s | failed |\n", e->label);
        return NULL;
    }
    nresults++;
    return r;
}

static int measure_one(result *r, const wnb_engine *e, const docs *d, int k) {
    double c0 = cpu_now(), t0 = now();
    long long v = run_docs(e->run, d, 0);
    double t1 = now(), c1 = cpu_now();
    if (v < 0)
        return -1;
    sink += v;
    r->mbs[k] = r->bytes / MB / (t1 - t0);
    r->cmbs[k] = r->bytes / MB / (c1 - c0 > 1e-9 ? c1 - c0 : 1e-9);
    r->cpus[k] = (c1 - c0) / (t1 - t0);
    return 0;
}

static void measure_end(result *r, const wnb_engine *e) {
    r->peak_kb = r->have_peak ? status_kb("VmHWM") : -1;
    if (!r->have_peak && opt.memory != MEM_REUSE) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        r->peak_kb = ru.ru_maxrss;
    }
    finish(r);
    /* the CPU share of the run closest to the median */
    int best = 0;
    for (int k = 1; k < r->runs; k++)
        if (dist(r->mbs[k], r->med) < dist(r->mbs[best], r->med))
            best = k;
    r->cpu = r->cpus[best];
    r->ok = 1;
    print_row(r, e->label);
}

static void measure(const wnb_input *in, const char *unit, const wnb_engine *e, const docs *d) {
    result *r = measure_begin(in, unit, e, d);
    if (!r)
        return;
    for (int k = 0; k < r->runs; k++) {
        if (measure_one(r, e, d, k) != 0) {
            out("| %-40s | failed |\n", e->label);
            return;
        }
    }
    measure_end(r, e);
}

/* The same, with the runs of all engines interleaved (run k of every
 * engine, then run k+1): a machine that speeds up or slows down during the
 * measurement shifts all engines alike, so their ratios hold. */
static void measure_interleaved(const wnb_input *in, const char *unit, const wnb_engine **es,
                                size_t n, const docs *d) {
    result *rs[16];
    if (n > 16)
        n = 16;
    for (size_t j = 0; j < n; j++)
        rs[j] = measure_begin(in, unit, es[j], d);
    int runs = runs_for(in);
    for (int k = 0; k < runs; k++)
        for (size_t j = 0; j < n; j++)
            if (rs[j] && measure_one(rs[j], es[j], d, k) != 0) {
                out("| %-40s | failed |\n", es[j]->label);
                rs[j]->ok = 0;
                rs[j] = NULL;
            }
    for (size_t j = 0; j < n; j++)
        if (rs[j])
            measure_end(rs[j], es[j]);
}

static void measure_cli(const wnb_input *in, const char *unit, char **files, size_t nfiles,
                        double bytes, size_t articles) {
    if (nresults == sizeof results / sizeof results[0])
        return;
    result *r = &results[nresults];
    memset(r, 0, sizeof *r);
    snprintf(r->input, sizeof r->input, "%s", in->name);
    snprintf(r->unit, sizeof r->unit, "%s", unit);
    snprintf(r->engine, sizeof r->engine, "cli");
    r->bytes = bytes;
    r->articles = articles;
    r->runs = runs_for(in);
    r->busy = !wait_idle();
    r->load = load1();
    r->base_kb = -1;
    r->peak_kb = 0;
    double cpu_share[MAX_RUNS];
    for (int k = 0; k < r->runs; k++) {
        double secs = 0, cpu_secs = 0;
        long rss = 0;
        if (run_cli(files, nfiles, &secs, &cpu_secs, &rss) != 0) {
            out("| wirenews-parse CLI | failed on %s |\n", files[0]);
            return;
        }
        r->mbs[k] = bytes / MB / secs;
        r->cmbs[k] = bytes / MB / (cpu_secs > 1e-9 ? cpu_secs : 1e-9);
        cpu_share[k] = cpu_secs / secs;
        if (rss > r->peak_kb)
            r->peak_kb = rss;
    }
    finish(r);
    r->cpu = median(cpu_share, r->runs); /* the CLI processes' own CPU time */
    r->ok = 1;
    nresults++;
    char label[128];
    if (strcmp(unit, "article") == 0)
        snprintf(label, sizeof label, "wirenews-parse CLI, %zu files, 1 process each", nfiles);
    else
        snprintf(label, sizeof label, "wirenews-parse CLI on the whole file");
    print_row(r, label);
}

static void ratio_line(const char *input, const char *unit, const char *a, const char *b,
                       const char *text) {
    const result *x = find(input, unit, a), *y = find(input, unit, b);
    if (!x || !y) {
        /* say so when a comparison is missing from this build; stay quiet
         * when --engines left it out */
        size_t neng;
        const wnb_engine *eng = wnb_engines(&neng);
        for (size_t k = 0; k < neng; k++)
            if (!eng[k].run && (strcmp(eng[k].key, a) == 0 || strcmp(eng[k].key, b) == 0))
                out("- %s: skipped (%s)\n", text, eng[k].why);
        return;
    }
    out("- %s: **%.3f×** wall (%.1f / %.1f MB/s, medians); %.3f× CPU time (%.1f / %.1f)\n", text,
        x->med / y->med, x->med, y->med, x->cmed / y->cmed, x->cmed, y->cmed);
}

static void ratios(const wnb_input *in, const char *unit) {
    out("\nRatios (%s, unit: %s):\n\n", in->name, unit);
    ratio_line(in->name, unit, "wn-parse", "md4c-parse", "wirenews parse / md4c md_parse");
    ratio_line(in->name, unit, "wn-parse", "cmark-parse", "wirenews parse / cmark parse");
    ratio_line(in->name, unit, "wn-parse", "memchr", "wirenews parse / memchr line scan");
    ratio_line(in->name, unit, "wn-json", "md4c-html", "wirenews parse+JSON / md4c HTML");
    ratio_line(in->name, unit, "wn-json", "cmark-html", "wirenews parse+JSON / cmark parse+HTML");
    ratio_line(in->name, unit, "wn-json", "memchr", "wirenews parse+JSON / memchr line scan");
    out("\n");
}

/* Heap accounting and block-type coverage, outside the timed runs. */
static void heap_and_types(const wnb_input *in, int whole) {
    if (opt.no_heap)
        return;
    wnb_heap hp = {0, 0, 0}, hj = {0, 0, 0};
    if (whole) {
        if (wnb_wirenews_heap(in->text.p, in->text.n, 0, &hp) != 0 ||
            wnb_wirenews_heap(in->text.p, in->text.n, 1, &hj) != 0) {
            out("heap accounting failed\n");
            return;
        }
        if (nheaps < MAX_INPUTS) {
            heap_result *h = &heaps[nheaps++];
            snprintf(h->input, sizeof h->input, "%s", in->name);
            h->bytes = (double)in->text.n;
            h->parse = hp.peak;
            h->json = hj.peak;
        }
        out("\nwirenews heap through the allocator hook (one document of %.1f MB): parse peak "
            "%.1f MB (%.2f× input, %zu allocations); parse+JSON peak %.1f MB (%.2f× input)\n",
            (double)in->text.n / MB, (double)hp.peak / MB, (double)hp.peak / (double)in->text.n,
            hp.allocs, (double)hj.peak / MB, (double)hj.peak / (double)in->text.n);
        return;
    }
    /* per article: the largest peak and the mean allocation count */
    size_t maxpeak = 0, maxjson = 0, allocs = 0, n = in->narticles;
    for (size_t i = 0; i < n; i++) {
        const char *p = in->text.p + in->off[i];
        size_t len = in->off[i + 1] - in->off[i];
        hp.peak = hj.peak = 0;
        hp.allocs = 0;
        if (wnb_wirenews_heap(p, len, 0, &hp) != 0 || wnb_wirenews_heap(p, len, 1, &hj) != 0)
            return;
        if (hp.peak > maxpeak)
            maxpeak = hp.peak;
        if (hj.peak > maxjson)
            maxjson = hj.peak;
        allocs += hp.allocs;
        if (i == 2000)
            break; /* enough for a per-article figure */
    }
    size_t counted = n < 2001 ? n : 2001;
    out("\nwirenews heap per article through the allocator hook (first %zu articles): parse "
        "peak at most %.0f KB, parse+JSON peak at most %.0f KB, %.1f allocations per parse\n",
        counted, (double)maxpeak / 1e3, (double)maxjson / 1e3, (double)allocs / (double)counted);

    size_t counts[12];
    memset(counts, 0, sizeof counts);
    size_t bytes = 0;
    for (size_t i = 0; i < n && bytes < 10 * 1000 * 1000; i++) {
        size_t len = in->off[i + 1] - in->off[i];
        wnb_wirenews_types(in->text.p + in->off[i], len, counts);
        bytes += len;
    }
    out("block types found by wirenews in the first %.1f MB:", (double)bytes / MB);
    for (int t = 1; t <= 11; t++)
        out(" %s %zu%s", wn_block_type_name(t), counts[t], t < 11 ? "," : "\n");
}

static void bench_input(wnb_input *in, char **cli_files, size_t ncli_files, double cli_bytes) {
    size_t neng;
    const wnb_engine *eng = wnb_engines(&neng);
    const char *units[2] = {"article", "whole"};
    char whole_path[8192] = "";
    if (!opt.no_cli && opt.cli && (!opt.units || strcmp(opt.units, "whole") == 0)) {
        char name[128];
        snprintf(name, sizeof name, "%s.txt", in->name);
        snprintf(whole_path, sizeof whole_path, "%s", tmp_path(name));
        write_file(whole_path, in->text.p, in->text.n);
    }
    for (int u = 0; u < 2; u++) {
        if (opt.units && strcmp(opt.units, units[u]) != 0)
            continue;
        docs d;
        d.in = in;
        d.whole = u == 1;
        d.ndocs = 0;
        while (d.ndocs < in->narticles && in->off[d.ndocs] < WARMUP_BYTES)
            d.ndocs++;
        d.prefix = in->off[d.ndocs];
        out("\n### %s — %s\n\n", in->name,
            u == 0 ? "stream of articles, each parsed on its own"
                   : "the whole input as one document");
        out("%.1f MB, %zu articles (mean %.0f bytes), %d runs%s; load before: %.2f\n\n",
            (double)in->text.n / MB, in->narticles, (double)in->text.n / (double)in->narticles,
            runs_for(in), opt.no_warmup ? "" : " after a warm-up", load1());
        print_table_head();
        const wnb_engine *todo[16];
        size_t ntodo = 0;
        for (size_t k = 0; k < neng; k++) {
            if (!wanted(opt.engines, eng[k].key, 0))
                continue;
            if (!eng[k].run) {
                out("| %-40s | skipped: %s |\n", eng[k].label, eng[k].why);
                continue;
            }
            if (opt.interleave && ntodo < 16)
                todo[ntodo++] = &eng[k];
            else
                measure(in, units[u], &eng[k], &d);
        }
        if (ntodo)
            measure_interleaved(in, units[u], todo, ntodo, &d);
        if (!opt.no_cli && wanted(opt.engines, "cli", 0)) {
            if (!opt.cli) {
                out("| wirenews-parse CLI | skipped: no --cli given |\n");
            } else if (u == 0 && ncli_files) {
                measure_cli(in, units[u], cli_files, ncli_files, cli_bytes, ncli_files);
            } else if (u == 1) {
                char *f[1] = {whole_path};
                measure_cli(in, units[u], f, 1, (double)in->text.n, in->narticles);
            }
        }
        ratios(in, units[u]);
        if (wanted(opt.engines, "wn-parse", 0))
            heap_and_types(in, u == 1);
    }
}

/* ------------------------------------------------------------------ inputs */

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The dev corpus's *.txt files, sorted. */
static char **corpus_files(size_t *n) {
    *n = 0;
    if (!opt.corpus_dir)
        return NULL;
    DIR *d = opendir(opt.corpus_dir);
    if (!d)
        return NULL;
    char **files = NULL;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
            continue;
        char **nf = realloc(files, (*n + 1) * sizeof *nf);
        if (!nf)
            abort();
        files = nf;
        size_t pl = strlen(opt.corpus_dir) + l + 2;
        files[*n] = malloc(pl);
        if (!files[*n])
            abort();
        snprintf(files[*n], pl, "%s/%s", opt.corpus_dir, de->d_name);
        (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(files, *n, sizeof *files, cmp_str);
    return files;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    wnb_buf b = {0, 0, 0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        wnb_buf_put(&b, tmp, k);
    fclose(f);
    wnb_buf_putc(&b, '\0');
    *len = b.n - 1;
    return b.p;
}

static void build_corpus(wnb_input *in, char **files, size_t nfiles, double target,
                         double *one_round) {
    wnb_buf round = {0, 0, 0};
    size_t *lens = calloc(nfiles, sizeof *lens);
    if (!lens)
        abort();
    for (size_t i = 0; i < nfiles; i++) {
        size_t len;
        char *t = read_file(files[i], &len);
        if (!t)
            die("cannot read", files[i]);
        wnb_buf_put(&round, t, len);
        if (len && t[len - 1] != '\n')
            wnb_buf_putc(&round, '\n');
        wnb_buf_putc(&round, '\n'); /* a blank line between articles */
        lens[i] = len + (len && t[len - 1] != '\n') + 1;
        free(t);
    }
    *one_round = (double)round.n;
    snprintf(in->name, sizeof in->name, "corpus");
    while ((double)in->text.n < target) {
        size_t at = 0;
        for (size_t i = 0; i < nfiles; i++) {
            for (int k = 0; k < opt.in_a_row; k++) {
                wnb_input_add_article(in, round.p + at, lens[i]);
                wnb_input_end_article(in);
            }
            at += lens[i];
        }
    }
    free(lens);
    wnb_buf_free(&round);
}

static void size_name(char *buf, size_t n, double mb) {
    if (mb >= 1000.0)
        snprintf(buf, n, "gen-%.0fGB", mb / 1000.0);
    else
        snprintf(buf, n, "gen-%gMB", mb);
}

/* ------------------------------------------------------------------ report */

static void machine(void) {
    char model[256] = "unknown";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f)) {
            if (strncmp(line, "model name", 10) == 0) {
                char *c = strchr(line, ':');
                if (c) {
                    c += 2;
                    c[strcspn(c, "\n")] = '\0';
                    snprintf(model, sizeof model, "%s", c);
                }
                break;
            }
        }
        fclose(f);
    }
    long mem_kb = -1;
    f = fopen("/proc/meminfo", "r");
    if (f) {
        char line[256];
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "MemTotal: %ld", &mem_kb) == 1)
                break;
        fclose(f);
    }
    struct utsname u;
    memset(&u, 0, sizeof u);
    uname(&u);
    time_t t = time(NULL);
    char when[64];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %Z", localtime(&t));
    out("# wirenews benchmark\n\n");
    out("- date: %s\n", when);
    out("- CPU: %s, %ld online cores; memory %.1f GB; %s %s\n", model,
        sysconf(_SC_NPROCESSORS_ONLN), (double)mem_kb / 1024.0 / 1024.0, u.sysname, u.release);
    out("- compiler: "
#ifdef __VERSION__
        "cc " __VERSION__
#else
        "unknown"
#endif
        "; build: %s\n",
        WNB_BUILD_INFO);
    out("- source: wirenews commit %s%s%s\n", WNB_VCS, opt.label ? "; " : "",
        opt.label ? opt.label : "");
    out("- libraries: wirenews %s, utf8proc %s, md4c %s, cmark %s\n", wn_version(),
        wnb_utf8proc_version(), wnb_md4c_version(), wnb_cmark_version());
    static const char *const memory_notes[] = {
        "reuse (the default): freed memory stays in the process and every measurement is "
        "warmed up on its whole input, so the timed runs take no first-touch page faults; "
        "in-process peak RSS is not measured in this mode (see the heap figures and the CLI)",
        "fresh: blocks of 128 KB and more are new mappings in every run, so a big document "
        "pays first-touch page faults each time (what a one-shot process pays)",
        "libc: the C library's adaptive thresholds, so whether a big document's arrays are "
        "fresh memory depends on what ran before"};
    out("- memory: %s\n", memory_notes[opt.memory]);
    if (opt.paired)
        out("- mode: paired linearity, %d rounds; 1 MB = 10^6 bytes; load average (1 min) at "
            "start: %.2f\n",
            opt.paired, load1());
    else
        out("- mode: %s, %d runs per measurement (%d for inputs over 300 MB), %s; 1 MB = 10^6 "
            "bytes; load average (1 min) at start: %.2f\n",
            opt.smoke  ? "smoke"
            : opt.full ? "full"
                       : "quick",
            opt.runs, opt.runs_large,
            opt.interleave ? "the runs of the engines interleaved" : "one engine at a time",
            load1());
    out("- MB/s (med/min/max) and articles/s are wall-clock; cpu MB/s is the median over process "
        "CPU time (user + system), which a busy machine disturbs less; cpu = CPU time / wall "
        "time of the median run (below ~95%%: the run was preempted, re-run on a quiet "
        "machine). peak RSS is the "
        "process high-water mark during the measurement (VmHWM after resetting it), dRSS/input "
        "the growth over the RSS before it divided by the input size. For the CLI, peak RSS is "
        "the CLI process's own maxrss (it includes its copy of the input). A load marked ! means "
        "--wait-idle gave up waiting for an idle machine.\n");
}

static void ms_pair(char *buf, size_t n, const result *r) {
    if (r)
        snprintf(buf, n, "%.2f / %.2f", 1e3 / r->med, 1e3 / r->cmed);
    else
        snprintf(buf, n, "n/a");
}

static void scaling(void) {
    out("\n## Scaling (generated text)\n\n");
    out("Per-MB times are ms per MB, wall / CPU time, medians. Heap peaks are wirenews' own "
        "allocations (allocator hook) for one document, as a multiple of the input size (add 1 "
        "for the input itself).\n\n");
    out("| input | articles: parse | whole: parse | whole: parse+JSON | whole: md4c parse "
        "| whole: parse heap / input | whole: parse+JSON heap / input | whole: parse dRSS / input "
        "| load |\n");
    out("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    const result *ref = NULL, *refj = NULL, *big = NULL, *bigj = NULL, *refm = NULL, *bigm = NULL;
    for (int k = 0; k < opt.nsizes; k++) {
        char name[64];
        size_name(name, sizeof name, opt.sizes[k]);
        const result *a = find(name, "article", "wn-parse");
        const result *w = find(name, "whole", "wn-parse");
        const result *j = find(name, "whole", "wn-json");
        const result *m = find(name, "whole", "md4c-parse");
        if (!a && !w)
            continue;
        char ca[48], cw[48], cj[48], cm[48], hp[32] = "n/a", hj[32] = "n/a", dr[32] = "n/a";
        ms_pair(ca, sizeof ca, a);
        ms_pair(cw, sizeof cw, w);
        ms_pair(cj, sizeof cj, j);
        ms_pair(cm, sizeof cm, m);
        const heap_result *h = find_heap(name);
        if (h) {
            snprintf(hp, sizeof hp, "%.2f", (double)h->parse / h->bytes);
            snprintf(hj, sizeof hj, "%.2f", (double)h->json / h->bytes);
        }
        if (w && w->base_kb >= 0)
            snprintf(dr, sizeof dr, "%.2f", (double)(w->peak_kb - w->base_kb) * 1024.0 / w->bytes);
        out("| %s | %s | %s | %s | %s | %s | %s | %s | %.2f |\n", name, ca, cw, cj, cm, hp, hj, dr,
            w ? w->load : (a ? a->load : -1.0));
        if (opt.sizes[k] == 10.0) {
            ref = w;
            refj = j;
            refm = m;
        }
        if (opt.sizes[k] == 1000.0) {
            big = w;
            bigj = j;
            bigm = m;
        }
    }
    if (ref && big)
        out("\nLinearity (per-MB time of the 1 GB document / per-MB time of the 10 MB document, "
            "target <= 1.1): parse **%.3f** wall, %.3f CPU time",
            ref->med / big->med, ref->cmed / big->cmed);
    if (ref && big && refj && bigj)
        out("; parse + JSON **%.3f** wall, %.3f CPU time", refj->med / bigj->med,
            refj->cmed / bigj->cmed);
    /* the fastest run of each size as well: a host that slows down for a
     * while moves the medians of the size measured then, not the best runs */
    if (ref && big)
        out("; fastest runs: parse %.3f", ref->hi / big->hi);
    if (ref && big && refj && bigj)
        out(", parse + JSON %.3f", refj->hi / bigj->hi);
    if (ref && big)
        out("\n");
    /* md4c's cost per MB does not grow with the document: its ratio shows
     * whether the host changed speed between the two sizes */
    if (ref && big && refm && bigm)
        out("Host check: md4c parse on the same two documents %.3f (about 1.0 when the machine "
            "ran at one speed throughout; far from it, re-run)\n",
            refm->med / bigm->med);
    if (!big)
        out("\n(1 GB scaling point not measured: run with --full)\n");
}

/* ------------------------------------------------------------------ paired scaling */

/* Linearity in rounds (--paired): in each round every engine parses the
 * small document (several times, see below) and the large one once,
 * back to back, and the ratio of the two per-MB times is taken within the
 * round. A host that changes speed from one round to the next moves both
 * sides of a ratio alike, which medians of separate measurements of each
 * size do not; odd rounds take the large document first, so that a drift
 * inside a round does not always favour the same side. md4c's ratio in the
 * same round is the host check: its cost per MB does not grow with the
 * document. */
#define PAIRED_SMALL_BYTES (100.0 * MB)

typedef struct paired {
    const wnb_engine *e;
    double small[MAX_RUNS], large[MAX_RUNS], ratio[MAX_RUNS]; /* ms per MB; large / small */
} paired;

/* ms per MB of `reps` parses of the whole input, or -1 when one failed. */
static double time_whole(wnb_doc_fn fn, const wnb_input *in, int reps) {
    double t0 = now();
    for (int r = 0; r < reps; r++) {
        long long v = fn(in->text.p, in->text.n);
        if (v < 0)
            return -1;
        sink += v;
    }
    double t = now() - t0;
    return t * 1e3 / ((double)in->text.n * reps / MB);
}

static void ratio_summary(const char *label, const paired *pe, int rounds) {
    double lo = pe->ratio[0], hi = pe->ratio[0];
    int under = 0;
    for (int k = 0; k < rounds; k++) {
        lo = pe->ratio[k] < lo ? pe->ratio[k] : lo;
        hi = pe->ratio[k] > hi ? pe->ratio[k] : hi;
        under += pe->ratio[k] <= 1.1;
    }
    out("- %s: median **%.3f** (min %.3f, max %.3f); %d of %d rounds <= 1.1\n", label,
        median(pe->ratio, rounds), lo, hi, under, rounds);
}

static int paired_scaling(void) {
    static const char *const keys[] = {"wn-parse", "wn-json", "md4c-parse"};
    size_t neng;
    const wnb_engine *eng = wnb_engines(&neng);
    paired pe[3];
    int npe = 0, md4c = -1;
    for (size_t k = 0; k < 3; k++) {
        const wnb_engine *e = NULL;
        for (size_t j = 0; j < neng; j++)
            if (strcmp(eng[j].key, keys[k]) == 0)
                e = &eng[j];
        if (!e || !wanted(opt.engines, e->key, 0))
            continue;
        if (!e->run) {
            out("- skipped in the paired rounds: %s (%s)\n", e->key, e->why);
            continue;
        }
        if (k == 2)
            md4c = npe;
        memset(&pe[npe], 0, sizeof pe[npe]);
        pe[npe++].e = e;
    }
    if (!npe) {
        fprintf(stderr, "wirenews-bench: --paired: none of wn-parse, wn-json, md4c-parse is "
                        "selected (see --engines)\n");
        return -1;
    }
    wnb_input in[2];
    memset(in, 0, sizeof in);
    for (int s = 0; s < 2; s++) {
        size_name(in[s].name, sizeof in[s].name, opt.sizes[s]);
        double t0 = now();
        wnb_generate(&in[s], (size_t)(opt.sizes[s] * MB), GEN_SEED);
        out("\n%s: generated wire-style text, seed 0x%llx, %.1f MB, %zu articles (%.1f s)\n",
            in[s].name, (unsigned long long)GEN_SEED, (double)in[s].text.n / MB, in[s].narticles,
            now() - t0);
    }
    /* the small side is parsed several times a round, so that its time is
     * not a few milliseconds that one interruption can double: as many
     * bytes as the large side, up to about PAIRED_SMALL_BYTES */
    double small_bytes =
        (double)in[1].text.n < PAIRED_SMALL_BYTES ? (double)in[1].text.n : PAIRED_SMALL_BYTES;
    int reps = (int)(small_bytes / (double)in[0].text.n + 0.5);
    if (reps < 1)
        reps = 1;
    out("\n## Linearity, paired rounds\n\n"
        "%d rounds; each engine parses %s %d times and %s once per round, whole documents, back to "
        "back (odd rounds large first). ms per MB, lower is better; the ratio is large / small "
        "within the round (target <= 1.1).%s\n\n",
        opt.paired, in[0].name, reps, in[1].name,
        opt.memory == MEM_REUSE ? " Each engine warmed up on both documents first." : "");
    for (int p = 0; p < npe; p++)
        for (int s = 0; s < 2; s++)
            if (run_docs(pe[p].e->run, &(docs){&in[s], 1, 0, in[s].text.n}, 0) < 0) {
                fprintf(stderr, "wirenews-bench: %s failed on %s\n", pe[p].e->key, in[s].name);
                wnb_input_free(&in[0]);
                wnb_input_free(&in[1]);
                return -1;
            }
    out("| round | first |");
    for (int p = 0; p < npe; p++)
        out(" %s: small / large / ratio |", pe[p].e->key);
    out(" load |\n|---:|---|");
    for (int p = 0; p < npe; p++)
        out("---:|");
    out("---:|\n");
    for (int k = 0; k < opt.paired; k++) {
        int large_first = k % 2;
        for (int p = 0; p < npe; p++) {
            for (int t = 0; t < 2; t++) {
                int s = t ^ large_first;
                double v = time_whole(pe[p].e->run, &in[s], s == 0 ? reps : 1);
                if (v < 0) {
                    fprintf(stderr, "wirenews-bench: %s failed on %s\n", pe[p].e->key, in[s].name);
                    wnb_input_free(&in[0]);
                    wnb_input_free(&in[1]);
                    return -1;
                }
                (s == 0 ? pe[p].small : pe[p].large)[k] = v;
            }
            pe[p].ratio[k] = pe[p].large[k] / pe[p].small[k];
        }
        out("| %d | %s |", k + 1, large_first ? "large" : "small");
        for (int p = 0; p < npe; p++)
            out(" %.2f / %.2f / %.3f |", pe[p].small[k], pe[p].large[k], pe[p].ratio[k]);
        out(" %.2f |\n", load1());
    }
    out("\n");
    for (int p = 0; p < npe; p++)
        ratio_summary(p == md4c ? "host check (md4c md_parse, about 1.0 on a steady host)"
                                : pe[p].e->label,
                      &pe[p], opt.paired);
    wnb_input_free(&in[0]);
    wnb_input_free(&in[1]);
    return 0;
}

/* ------------------------------------------------------------------ main */

static void usage(void) {
    printf("Usage: wirenews-bench [OPTIONS]\n"
           "\n"
           "Time wirenews against md4c, cmark and a memchr line scan on the same bytes.\n"
           "Extra arguments are also read from the WN_BENCH_ARGS environment variable,\n"
           "so `WN_BENCH_ARGS=--full meson test -C build --benchmark --suite bench` runs it all.\n"
           "\n"
           "  --quick            corpus stream (>= 100 MB) and generated 1, 10, 100 MB,\n"
           "                     5 runs each (the default)\n"
           "  --full             also generated 1 GB; 7 runs (3 for inputs over 300 MB)\n"
           "  --smoke            corpus stream of 2 MB and generated 1 MB, 2 runs (a check)\n"
           "  --corpus DIR       dev corpus directory (*.txt); skipped when missing\n"
           "  --corpus-mb N      size of the corpus stream in MB (default 100)\n"
           "  --in-a-row N       each corpus article N times in a row in the stream\n"
           "                     (default 1: the articles in turn); against the default\n"
           "                     it shows what a parse loses to branches and caches\n"
           "                     that have not learned the article (see BENCHMARKS.md)\n"
           "  --sizes LIST       generated sizes in MB, e.g. 1,10,100,1000\n"
           "  --runs N           runs per measurement (max %d)\n"
           "  --runs-large N     runs for inputs over 300 MB\n"
           "  --cli PATH         the wirenews-parse program, for the CLI path\n"
           "  --engines LIST     only these: wn-parse,wn-json,md4c-parse,md4c-html,\n"
           "                     cmark-parse,cmark-html,memchr,cli\n"
           "  --inputs LIST      only inputs whose names start so: corpus,gen-10MB,...\n"
           "  --units U          article or whole (default both)\n"
           "  --no-cli --no-heap --no-warmup   leave those parts out (for profiling)\n"
           "  --report FILE      also write the report (Markdown) to FILE\n"
           "  --tsv FILE         write one tab-separated line per measurement\n"
           "  --tmpdir DIR       where generated files go (default $TMPDIR or /tmp)\n"
           "  --keep             keep the generated files\n"
           "  --memory MODE      reuse (default): freed memory stays in the process and\n"
           "                     each measurement warms up on its whole input, so runs\n"
           "                     take no first-touch page faults; fresh: big blocks are\n"
           "                     new mappings every run (peak RSS measured); libc: the\n"
           "                     C library's adaptive defaults (see BENCHMARKS.md)\n"
           "  --label TEXT       a note for the report header (which tree, which flags)\n"
           "  --interleave       run 1 of every engine, then run 2, ... (default with\n"
           "                     --memory reuse; --no-interleave: one engine at a time)\n"
           "  --wait-idle S      before each measurement wait up to S seconds until no\n"
           "                     other task is runnable (load marked ! when it gave up)\n"
           "  --paired N         measure only linearity, in N rounds: each round times\n"
           "                     every engine on the small and on the large generated\n"
           "                     document back to back (alternating which goes first),\n"
           "                     and the ratio of their per-MB times is taken within\n"
           "                     the round; sizes 10,1000 unless --sizes gives two\n"
           "                     (max %d rounds)\n",
           MAX_RUNS, MAX_RUNS);
}

static void parse_sizes(const char *s) {
    opt.nsizes = 0;
    while (*s && opt.nsizes < 8) {
        char *e;
        double v = strtod(s, &e);
        if (e == s || v <= 0)
            die("bad --sizes", s);
        opt.sizes[opt.nsizes++] = v;
        s = *e == ',' ? e + 1 : e;
    }
}

static int need_value(const char *name, const char *v) {
    if (!v) {
        fprintf(stderr, "wirenews-bench: %s needs a value\n", name);
        exit(2);
    }
    return 1;
}

static int parse_args(int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define ARG(name) (strcmp(a, name) == 0 && need_value(a, v) && ++i)
        if (strcmp(a, "--quick") == 0) {
            opt.full = opt.smoke = 0;
        } else if (strcmp(a, "--full") == 0) {
            opt.full = 1;
        } else if (strcmp(a, "--smoke") == 0) {
            opt.smoke = 1;
        } else if (strcmp(a, "--no-cli") == 0) {
            opt.no_cli = 1;
        } else if (strcmp(a, "--no-heap") == 0) {
            opt.no_heap = 1;
        } else if (strcmp(a, "--no-warmup") == 0) {
            opt.no_warmup = 1;
        } else if (strcmp(a, "--interleave") == 0) {
            opt.interleave = 1;
        } else if (strcmp(a, "--no-interleave") == 0) {
            opt.interleave = 0;
        } else if (strcmp(a, "--keep") == 0) {
            opt.keep = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            exit(0);
        } else if (ARG("--corpus")) {
            opt.corpus_dir = v;
        } else if (ARG("--corpus-mb")) {
            opt.corpus_mb = strtod(v, NULL);
        } else if (ARG("--sizes")) {
            parse_sizes(v);
        } else if (ARG("--runs")) {
            opt.runs = atoi(v);
        } else if (ARG("--runs-large")) {
            opt.runs_large = atoi(v);
        } else if (ARG("--cli")) {
            opt.cli = v;
        } else if (ARG("--engines")) {
            opt.engines = v;
        } else if (ARG("--inputs")) {
            opt.inputs = v;
        } else if (ARG("--units")) {
            opt.units = v;
        } else if (ARG("--report")) {
            opt.report = v;
        } else if (ARG("--tsv")) {
            opt.tsv = v;
        } else if (ARG("--label")) {
            opt.label = v;
        } else if (ARG("--memory")) {
            int m = -1;
            for (int k = 0; k < 3; k++)
                if (strcmp(v, memory_modes[k]) == 0)
                    m = k;
            if (m < 0) {
                fprintf(stderr, "wirenews-bench: --memory is reuse, fresh or libc\n");
                return -1;
            }
            opt.memory = m;
        } else if (ARG("--wait-idle")) {
            opt.wait_idle = strtod(v, NULL);
        } else if (ARG("--tmpdir")) {
            opt.tmp_base = v;
        } else if (ARG("--paired")) {
            char *e;
            long r = strtol(v, &e, 10);
            if (*e || r < 1 || r > MAX_RUNS) {
                fprintf(stderr, "wirenews-bench: --paired needs a number of rounds, 1..%d\n",
                        MAX_RUNS);
                return -1;
            }
            opt.paired = (int)r;
        } else if (ARG("--in-a-row")) {
            char *e;
            long r = strtol(v, &e, 10);
            if (*e || r < 1 || r > 1000) {
                fprintf(stderr, "wirenews-bench: --in-a-row needs a count, 1..1000\n");
                return -1;
            }
            opt.in_a_row = (int)r;
        } else {
            fprintf(stderr, "wirenews-bench: unknown option %s (see --help)\n", a);
            return -1;
        }
#undef ARG
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "--spawn-cli") == 0)
        return spawn_main(argc - 2, argv + 2);

    opt.runs = -1;
    opt.interleave = -1;
    opt.runs_large = -1;
    opt.corpus_mb = -1;
    opt.in_a_row = 1;
    opt.nsizes = -1;
    if (parse_args(argc - 1, argv + 1) != 0)
        return 2;
    /* extra arguments from the environment (meson benchmark passes it on) */
    const char *env = getenv("WN_BENCH_ARGS");
    if (env && *env) {
        char *copy = strdup(env);
        char *words[64];
        int nw = 0;
        for (char *t = strtok(copy, " \t"); t && nw < 64; t = strtok(NULL, " \t"))
            words[nw++] = t;
        if (parse_args(nw, words) != 0)
            return 2;
    }
    if (opt.paired) {
        if (opt.tsv) {
            fprintf(stderr, "wirenews-bench: --tsv has no columns for --paired rounds (use "
                            "--report)\n");
            return 2;
        }
        if (opt.nsizes < 0) {
            opt.sizes[0] = 10;
            opt.sizes[1] = 1000;
            opt.nsizes = 2;
        } else if (opt.nsizes != 2 || opt.sizes[0] >= opt.sizes[1]) {
            fprintf(stderr, "wirenews-bench: --paired compares two sizes: give --sizes SMALL,LARGE "
                            "(small first) or leave --sizes out for 10,1000\n");
            return 2;
        }
    }
    if (opt.nsizes < 0) {
        static const double quick[] = {1, 10, 100}, full[] = {1, 10, 100, 1000};
        const double *s = opt.full ? full : quick;
        opt.nsizes = opt.smoke ? 1 : opt.full ? 4 : 3;
        for (int k = 0; k < opt.nsizes; k++)
            opt.sizes[k] = s[k];
    }
    if (opt.interleave < 0)
        opt.interleave = opt.memory == MEM_REUSE; /* peak RSS needs one engine at a time */
    if (opt.runs < 0)
        opt.runs = opt.smoke ? 2 : opt.full ? 7 : 5;
    if (opt.runs_large < 0)
        opt.runs_large = opt.smoke ? 1 : 3;
    if (opt.corpus_mb < 0)
        opt.corpus_mb = opt.smoke ? 2 : 100;
    if (opt.runs < 1 || opt.runs > MAX_RUNS || opt.runs_large < 1 || opt.runs_large > MAX_RUNS) {
        fprintf(stderr, "wirenews-bench: --runs must be 1..%d\n", MAX_RUNS);
        return 2;
    }

#ifdef __GLIBC__
    if (opt.memory == MEM_REUSE) {
        mallopt(M_MMAP_MAX, 0);        /* every block from the heap ... */
        mallopt(M_TRIM_THRESHOLD, -1); /* ... which never shrinks */
    } else if (opt.memory == MEM_FRESH) {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024); /* fixed: no adaptive raise */
        mallopt(M_TRIM_THRESHOLD, 128 * 1024);
    }
#endif
    ssize_t sl = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
    if (sl > 0)
        self_exe[sl] = '\0';
    else
        snprintf(self_exe, sizeof self_exe, "%s", argv[0]);
    if (opt.cli && access(opt.cli, X_OK) != 0) {
        fprintf(stderr, "wirenews-bench: %s is not executable; the CLI path is skipped\n", opt.cli);
        opt.cli = NULL;
    }
    if (opt.cli && !(cli_path = strdup(opt.cli)))
        abort();
    if (opt.report && !(report_f = fopen(opt.report, "w")))
        die("cannot write", opt.report);
    if (opt.tsv) {
        if (!(tsv_f = fopen(opt.tsv, "w")))
            die("cannot write", opt.tsv);
        fprintf(tsv_f, "input\tunit\tengine\tbytes\tarticles\truns\tmbs_min\tmbs_median\tmbs_"
                       "max\tmbs_cpu_median"
                       "\tarticles_per_s\tcpu_share\tpeak_rss_kb\tbase_rss_kb\tload1\tbusy\n");
    }
    const char *base = opt.tmp_base ? opt.tmp_base : getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/wn-bench-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpdir))
        die("cannot create a temporary directory in", base ? base : "/tmp");

    machine();
    out("- temporary files: %s (removed at the end%s)\n", tmpdir, opt.keep ? "; kept: --keep" : "");
    size_t neng;
    const wnb_engine *eng = wnb_engines(&neng);
    for (size_t k = 0; k < neng; k++)
        if (!eng[k].run)
            out("- skipped comparison %s: %s\n", eng[k].key, eng[k].why);
    if (opt.paired) {
        int st = paired_scaling();
        if (report_f)
            fclose(report_f);
        if (tsv_f)
            fclose(tsv_f);
        rmdir(tmpdir);
        return st == 0 ? (sink == 42 ? 3 : 0) : 1;
    }
    if (!opt.cli)
        out("- skipped: the CLI path (no wirenews-parse given with --cli)\n");

    /* the dev corpus, repeated */
    size_t nfiles = 0;
    char **files = corpus_files(&nfiles);
    if (!wanted(opt.inputs, "corpus", 1)) {
        /* filtered out */
    } else if (!nfiles) {
        out("\n(dev corpus not found at %s: the corpus input is skipped)\n",
            opt.corpus_dir ? opt.corpus_dir : "(no --corpus given)");
    } else {
        wnb_input in;
        memset(&in, 0, sizeof in);
        double round = 0;
        double t0 = now();
        build_corpus(&in, files, nfiles, opt.corpus_mb * MB, &round);
        out("\n## Input: dev corpus\n\n%zu files from %s (%.3f MB, mean %.0f bytes per article), "
            "repeated %.0f times to %.1f MB (built in %.1f s)\n",
            nfiles, opt.corpus_dir, round / MB, round / (double)nfiles,
            (double)in.narticles / (double)nfiles, (double)in.text.n / MB, now() - t0);
        if (opt.in_a_row > 1)
            out("\nEach article %d times in a row in the stream (--in-a-row), not the articles "
                "in turn\n",
                opt.in_a_row);
        /* the CLI reads the original files: their sizes, without separators */
        double cli_bytes = 0;
        for (size_t i = 0; i < nfiles; i++) {
            struct stat st;
            if (stat(files[i], &st) == 0)
                cli_bytes += (double)st.st_size;
        }
        bench_input(&in, files, nfiles, cli_bytes);
        wnb_input_free(&in);
    }

    /* generated wire-style text */
    for (int k = 0; k < opt.nsizes; k++) {
        wnb_input in;
        memset(&in, 0, sizeof in);
        size_name(in.name, sizeof in.name, opt.sizes[k]);
        if (!wanted(opt.inputs, in.name, 1))
            continue;
        double t0 = now();
        wnb_generate(&in, (size_t)(opt.sizes[k] * MB), GEN_SEED);
        out("\n## Input: %s\n\ngenerated wire-style text, seed 0x%llx: %.1f MB, %zu articles "
            "(generated in %.1f s)\n",
            in.name, (unsigned long long)GEN_SEED, (double)in.text.n / MB, in.narticles,
            now() - t0);
        /* the CLI per article: the first articles, one file each */
        char *cli_files[CLI_ARTICLE_FILES];
        size_t ncli = 0;
        double cli_bytes = 0;
        if (!opt.no_cli && opt.cli) {
            for (size_t i = 0; i < in.narticles && ncli < CLI_ARTICLE_FILES; i++) {
                char name[128];
                snprintf(name, sizeof name, "%s-a%03zu.txt", in.name, i);
                size_t len = in.off[i + 1] - in.off[i];
                write_file(tmp_path(name), in.text.p + in.off[i], len);
                cli_files[ncli++] = strdup(tmp_path(name));
                cli_bytes += (double)len;
            }
        }
        bench_input(&in, cli_files, ncli, cli_bytes);
        for (size_t i = 0; i < ncli; i++)
            free(cli_files[i]);
        wnb_input_free(&in);
        remove_tmp_files(); /* large files go as soon as they are done */
    }
    scaling();
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    remove_tmp_files();
    if (!opt.keep)
        rmdir(tmpdir);
    if (report_f)
        fclose(report_f);
    if (tsv_f)
        fclose(tsv_f);
    return sink == 42 ? 3 : 0; /* the sink keeps results alive */
}
