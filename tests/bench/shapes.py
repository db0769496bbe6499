#!/usr/bin/env python3
"""What a parse costs per line and per byte: articles of the same size made
of paragraphs of different lengths, timed by the bench, one article at a
time.

    python3 tests/bench/shapes.py
    python3 tests/bench/shapes.py --words 8,25,50,120 --mb 20 --engines wn-parse,md4c-parse
    python3 tests/bench/shapes.py --corpus ../shared/corpus/dev   # the dev corpus as a row too

For each paragraph length in --words (words per paragraph) the script
writes a folder of generated articles of about --article-bytes bytes each
(a headline, then paragraphs of that many words from invented sentences,
a blank line between them), runs `wirenews-bench --corpus FOLDER --inputs
corpus --units article` on it, and prints for every engine its MB/s,
articles/s and the time per non-blank line (the time of an article over its
lines). Articles of equal size with shorter paragraphs have more lines, so
the rows separate what a parse pays for each line from what it pays for
each byte: the last lines give the least-squares fit
`time per article = a x lines + b x kilobytes` over the generated rows.

The generated text is the script's own: a fixed vocabulary of invented
words and a fixed seed, so every run writes the same bytes. With --corpus
the folder's *.txt files are a row of their own (measured, not fitted), with
their mean size and non-blank lines per article.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

DEFAULT_BENCH = os.path.join("build", "tests", "bench", "wirenews-bench")
ENGINES = ("wn-parse", "wn-json", "md4c-parse", "md4c-html", "cmark-parse", "cmark-html", "memchr")
SEED = 20261125
WORDS = ("harbour council river bridge plan year budget vote mayor town week report "
         "residents officials school road water power market police court state rail "
         "ferry north south east west new old last first second said says would could "
         "after before during under over more less than about into from with without "
         "while since until against between among across the a an of to in on for and "
         "but or by at as it its their this that these those").split()


def fail(msg):
    print(f"shapes.py: {msg}", file=sys.stderr)
    sys.exit(2)


def sentence(rng, n):
    """n words, the first capitalised, ending in a full stop; a comma after
    some word of a long sentence."""
    w = [rng.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    if n >= 10:
        k = rng.randrange(3, n - 3)
        w[k] += ","
    return " ".join(w) + "."


def paragraph(rng, words):
    """Sentences of 8 to 16 words (the last one shorter when it must be)
    until the paragraph has `words` words."""
    out, left = [], words
    while left > 0:
        n = min(left, rng.randrange(8, 17))
        out.append(sentence(rng, n))
        left -= n
    return " ".join(out)


def article(rng, words, size):
    """A headline of seven capitalised words and paragraphs of `words` words
    until the article holds `size` bytes; returns the text and its number
    of non-blank lines."""
    head = " ".join(rng.choice(WORDS).capitalize() for _ in range(7))
    parts = [head]
    total = len(head)
    while total < size:
        p = paragraph(rng, words)
        parts.append(p)
        total += len(p) + 2
    return "\n\n".join(parts) + "\n", len(parts)


def nonblank_lines(text):
    return sum(1 for line in text.splitlines() if line.strip())


def write_shape(folder, words, articles, size, seed):
    """The folder of one shape; returns (mean bytes, mean lines) a article."""
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):  # articles of an earlier run with --keep
        if old.endswith(".txt"):
            os.remove(os.path.join(folder, old))
    rng = random.Random(seed * 1000 + words)
    nbytes = nlines = 0
    for k in range(articles):
        text, lines = article(rng, words, size)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"a{k:03d}.txt"), "wb") as f:
            f.write(data)
        nbytes += len(data)
        nlines += lines
    return nbytes / articles, nlines / articles


def folder_stats(folder):
    """Mean bytes and non-blank lines of the *.txt files of a folder."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    if not names:
        fail(f"--corpus {folder}: no *.txt files in it")
    nbytes = nlines = 0
    for n in names:
        with open(os.path.join(folder, n), "rb") as f:
            data = f.read()
        nbytes += len(data)
        nlines += nonblank_lines(data.decode("utf-8", errors="replace"))
    return nbytes / len(names), nlines / len(names)


def run_bench(args, folder, tsv):
    cmd = [args.bench, "--corpus", folder, "--corpus-mb", str(args.mb), "--inputs", "corpus",
           "--units", "article", "--engines", args.engines, "--runs", str(args.runs),
           "--no-cli", "--no-heap", "--tsv", tsv]
    if args.cpu is not None and shutil.which("taskset"):
        cmd = ["taskset", "-c", str(args.cpu)] + cmd
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        fail(f"the bench failed (exit {r.returncode}) on {folder}: {r.stderr.strip()[-500:]}")
    got = {}
    with open(tsv, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            got[row["engine"]] = (float(row["mbs_median"]), float(row["articles_per_s"]))
    return got


def fit(points):
    """Least squares of t = a * lines + b * kb through the origin; points
    are (lines, kb, t). Returns (a, b), or None when the shapes do not
    separate the two."""
    sll = sum(l * l for l, _, _ in points)
    skk = sum(k * k for _, k, _ in points)
    slk = sum(l * k for l, k, _ in points)
    slt = sum(l * t for l, _, t in points)
    skt = sum(k * t for _, k, t in points)
    det = sll * skk - slk * slk
    if len(points) < 2 or abs(det) < 1e-9 * sll * skk:
        return None
    return (slt * skk - skt * slk) / det, (skt * sll - slt * slk) / det


def fit_summary(engine, points):
    """The report's line for the fit of one engine's points (see fit())."""
    ab = fit(points)
    if ab is None:
        return (f"- {engine}: the generated rows do not separate lines from bytes (give "
                f"--words two lengths or more)")
    a, b = ab
    resid = [t - (a * l + b * k) for l, k, t in points]
    worst = max(abs(r) / t for r, (_, _, t) in zip(resid, points))
    line = (f"- {engine}: about {a:.0f} ns a line + {b:.0f} ns a KB (least squares over the "
            f"generated rows; the worst row is {100 * worst:.1f} % off the fit)")
    if a < 0 or b < 0:
        # a cost below zero is noise or a build whose costs are not those
        # of a parse (a sanitizer's): the reader is told, not misled
        line += ("; a cost below zero means these timings do not separate lines from bytes: "
                 "give more --runs and --mb, pin with --cpu, and use an optimized build")
    return line


def parse_words(text):
    try:
        words = [int(x) for x in text.split(",") if x]
    except ValueError:
        fail(f"--words {text}: not a comma-separated list of numbers")
    if not words or any(w < 1 or w > 2000 for w in words):
        fail(f"--words {text}: each length must be 1 to 2000 words")
    return sorted(set(words))


def main():
    ap = argparse.ArgumentParser(
        description="Time a parse on articles of one size made of paragraphs of different "
                    "lengths, and split its cost into a part per line and a part per byte.",
        epilog="Example: python3 tests/bench/shapes.py --corpus ../shared/corpus/dev")
    ap.add_argument("--bench", default=DEFAULT_BENCH,
                    help=f"the wirenews-bench binary (default {DEFAULT_BENCH})")
    ap.add_argument("--words", default="8,25,50,120",
                    help="words per paragraph, one generated row each (default 8,25,50,120)")
    ap.add_argument("--article-bytes", type=int, default=4900,
                    help="size of a generated article (default 4900, the dev corpus's mean)")
    ap.add_argument("--articles", type=int, default=40,
                    help="generated articles per row, repeated to --mb (default 40)")
    ap.add_argument("--mb", type=int, default=20, help="MB of articles a measurement (default 20)")
    ap.add_argument("--runs", type=int, default=5, help="bench runs a row (default 5)")
    ap.add_argument("--engines", default="wn-parse,wn-json,md4c-parse",
                    help="comma-separated bench engines (default wn-parse,wn-json,md4c-parse)")
    ap.add_argument("--corpus", help="a folder of *.txt articles to measure as a row as well")
    ap.add_argument("--cpu", type=int, default=0,
                    help="vCPU to pin the bench to with taskset (default 0; -1: none)")
    ap.add_argument("--keep", metavar="DIR",
                    help="write the generated articles to DIR and keep them (for profiling)")
    args = ap.parse_args()
    if args.cpu < 0:
        args.cpu = None
    words = parse_words(args.words)
    if args.article_bytes < 100 or args.articles < 1 or args.mb < 1 or args.runs < 1:
        fail("--article-bytes must be at least 100, --articles, --mb and --runs at least 1")
    if not os.access(args.bench, os.X_OK):
        fail(f"--bench {args.bench}: not an executable file (build first: ninja -C build)")
    corpus_stats = None
    if args.corpus:
        if not os.path.isdir(args.corpus):
            fail(f"--corpus {args.corpus}: no such folder")
        corpus_stats = folder_stats(args.corpus)
    engines = [e for e in args.engines.split(",") if e]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown or not engines:
        fail(f"--engines {args.engines}: {', '.join(unknown) or 'none'} is not one of "
             f"{', '.join(ENGINES)}")

    rows = []  # (name, words or None, bytes, lines, {engine: (MB/s, articles/s)})
    with tempfile.TemporaryDirectory(prefix="wn-shapes-") as tmp:
        base = args.keep or tmp
        tsv = os.path.join(tmp, "run.tsv")
        todo = [(f"paragraphs of {w} words", w) for w in words]
        if args.corpus:
            todo.append((f"{os.path.basename(os.path.normpath(args.corpus))} (measured)", None))
        for k, (name, w) in enumerate(todo):
            print(f"\rrow {k + 1}/{len(todo)}: {name}", end="", file=sys.stderr, flush=True)
            if w is None:
                folder = args.corpus
                size, lines = corpus_stats
            else:
                folder = os.path.join(base, f"words-{w}")
                size, lines = write_shape(folder, w, args.articles, args.article_bytes, SEED)
            got = run_bench(args, folder, tsv)
            missing = [e for e in engines if e not in got]
            if missing:
                print(f"\nshapes.py: the bench reported no {', '.join(missing)} (not built "
                      f"with it?): left out", file=sys.stderr)
                engines = [e for e in engines if e in got]
                if not engines:
                    fail("no engine left to report")
            rows.append((name, w, size, lines, got))
        print(file=sys.stderr)

    pin = f", pinned to vCPU {args.cpu}" if args.cpu is not None else ""
    print(f"{args.mb} MB a row, one article at a time, median of {args.runs} runs{pin}; "
          f"ns/line is an article's time over its non-blank lines")
    print("| articles | bytes | lines | " +
          " | ".join(f"{e} MB/s | {e} ns/line" for e in engines) + " |")
    print("|---|---:|---:|" + "---:|---:|" * len(engines))
    for name, _, size, lines, got in rows:
        cells = []
        for e in engines:
            mbs, aps = got[e]
            per_line = f"{1e9 / aps / lines:.0f}" if lines and aps else "-"
            cells.append(f"{mbs:.1f} | {per_line}")
        print(f"| {name} | {size:.0f} | {lines:.1f} | " + " | ".join(cells) + " |")
    generated = [r for r in rows if r[1] is not None]
    for e in engines:
        pts = [(lines, size / 1000.0, 1e9 / got[e][1]) for _, _, size, lines, got in generated]
        print(fit_summary(e, pts))
    if len(engines) > 1 and "wn-parse" in engines:
        for e in engines:
            if e.startswith("md4c"):
                ratio = ", ".join(f"{got['wn-parse'][0] / got[e][0]:.2f}x" for *_, got in rows)
                print(f"- wn-parse / {e} MB/s, row by row: {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
