#!/usr/bin/env python3
"""Test of tests/bench/shapes.py: on small generated articles it prints a
row per paragraph length whose sizes and line counts are those of the
articles it wrote, a row for a folder given with --corpus, the fit of each
engine, and refuses wrong arguments with messages that name what is wrong.

    test_shapes.py SHAPES_PY BENCH
"""
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks


def run(shapes, *args):
    return subprocess.run([sys.executable, shapes] + list(args), capture_output=True, text=True)


def rows(out):
    """The table's rows: name -> (bytes, lines, [figures])."""
    got = {}
    for m in re.finditer(r"^\| ([^|]+) \| ([0-9]+) \| ([0-9.]+) \|(.*)\|$", out, re.M):
        figs = [float(x) for x in re.findall(r"[0-9.]+", m.group(4))]
        got[m.group(1)] = (int(m.group(2)), float(m.group(3)), figs)
    return got


def folder_lines(folder):
    """Mean bytes and non-blank lines of the *.txt files of a folder."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    nbytes = nlines = 0
    for n in names:
        with open(os.path.join(folder, n), "rb") as f:
            data = f.read()
        nbytes += len(data)
        nlines += sum(1 for line in data.decode("utf-8").splitlines() if line.strip())
    return nbytes / len(names), nlines / len(names), len(names)


def main():
    shapes, bench = sys.argv[1:3]
    check = Checks()

    # the fit recovers the two costs of times made from them
    spec = importlib.util.spec_from_file_location("shapes", shapes)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pts = [(lines, kb, 180.0 * lines + 70.0 * kb) for lines, kb in ((100, 5), (30, 5.1), (9, 5.4))]
    a, b = mod.fit(pts)
    check(abs(a - 180) < 1e-6 and abs(b - 70) < 1e-6, f"fit gives 180 and 70, not {a} and {b}")
    check(mod.fit(pts[:1]) is None, "one point gives no fit")
    summary = mod.fit_summary("wn-parse", pts)
    check(summary.startswith("- wn-parse: about 180 ns a line + 70 ns a KB")
          and "below zero" not in summary, f"the fit's line gives both costs: {summary}")
    # times that grow with bytes and shrink with lines (noise, or a
    # sanitizer's build) fit to a cost below zero, which the line explains
    noisy = [(45, 2.0, 46000.0), (10, 2.1, 67000.0)]
    summary = mod.fit_summary("wn-parse", noisy)
    check(re.match(r"- wn-parse: about -[0-9]+ ns a line", summary) is not None
          and "below zero" in summary and "--runs" in summary,
          f"a cost below zero is printed and explained: {summary}")
    small = ["--bench", bench, "--mb", "1", "--runs", "1", "--articles", "3", "--cpu", "-1",
             "--engines", "wn-parse"]

    with tempfile.TemporaryDirectory() as tmp:
        keep = os.path.join(tmp, "kept")
        corpus = os.path.join(tmp, "mine")
        os.makedirs(corpus)
        # a folder of two articles of 2 and 4 non-blank lines
        with open(os.path.join(corpus, "one.txt"), "w") as f:
            f.write("A Headline Written For The Test\n\nOne paragraph of words here.\n")
        with open(os.path.join(corpus, "two.txt"), "w") as f:
            f.write("Another Headline\n\nFirst line.\n  \nSecond line.\nThird line.\n")
        r = run(shapes, *small, "--words", "8,40", "--article-bytes", "2000", "--keep", keep,
                "--corpus", corpus)
        check(r.returncode == 0, f"a run exits 0, not {r.returncode}", r)
        got = rows(r.stdout)
        for w in (8, 40):
            name = f"paragraphs of {w} words"
            check(name in got, f"a row for {name}", r)
            folder = os.path.join(keep, f"words-{w}")
            check(os.path.isdir(folder), f"--keep wrote {folder}", r)
            if name in got and os.path.isdir(folder):
                size, lines, n = folder_lines(folder)
                check(n == 3, f"--articles 3 wrote 3 articles of {w} words, not {n}", r)
                check(2000 <= size < 2000 + 40 * 12, f"articles of about 2000 bytes ({size})", r)
                check(got[name][0] == round(size), f"the row gives the articles' size ({size})",
                      r)
                check(abs(got[name][1] - lines) < 0.05,
                      f"the row gives the articles' non-blank lines ({lines})", r)
                mbs, ns = got[name][2][:2]
                check(mbs > 0 and ns > 0, "MB/s and ns/line are positive", r)
        if "paragraphs of 8 words" in got and "paragraphs of 40 words" in got:
            check(got["paragraphs of 8 words"][1] > 2 * got["paragraphs of 40 words"][1],
                  "shorter paragraphs make more lines", r)
        mine = [k for k in got if k.startswith("mine")]
        check(len(mine) == 1, "a row for the --corpus folder", r)
        if mine:
            check(got[mine[0]][1] == 3.0, "its articles have 3 non-blank lines on average", r)
        check(re.search(r"^- wn-parse: about -?[0-9]+ ns a line \+ -?[0-9]+ ns a KB", r.stdout,
                        re.M) is not None, "the fit of wn-parse is printed", r)

        fewer = [a if a != "3" else "2" for a in small]
        r = run(shapes, *fewer, "--words", "8", "--keep", keep)
        left = sorted(os.listdir(os.path.join(keep, "words-8")))
        check(r.returncode == 0 and left == ["a000.txt", "a001.txt"],
              f"--keep into the same folder leaves only this run's articles ({left})", r)

        r = run(shapes, *small, "--words", "30")
        check(r.returncode == 0 and "do not separate lines from bytes" in r.stdout,
              "one paragraph length gives no fit, and says so", r)

        r = run(shapes, *small, "--words", "0,10")
        check(r.returncode == 2 and "--words 0,10" in r.stderr and "1 to 2000" in r.stderr,
              "a length of 0 words is refused", r)
        r = run(shapes, *small[:-2], "--engines", "wn-parse,wn-pars")
        check(r.returncode == 2 and "wn-pars is not one of" in r.stderr,
              "an engine the bench does not have is named", r)
        r = run(shapes, *small, "--words", "ten")
        check(r.returncode == 2 and "not a comma-separated list" in r.stderr,
              "a length that is not a number is refused", r)
        missing = os.path.join(tmp, "no-such-bench")
        r = run(shapes, "--bench", missing)
        check(r.returncode == 2 and missing in r.stderr, "a missing bench binary is named", r)
        r = run(shapes, *small, "--corpus", os.path.join(tmp, "nowhere"))
        check(r.returncode == 2 and "nowhere" in r.stderr, "a missing --corpus folder is named",
              r)
        empty = os.path.join(tmp, "empty")
        os.makedirs(empty)
        r = run(shapes, *small, "--corpus", empty)
        check(r.returncode == 2 and "no *.txt files" in r.stderr,
              "a --corpus folder without articles is refused", r)

    return check.report("shapes.py")


if __name__ == "__main__":
    sys.exit(main())
