#!/usr/bin/env python3
"""Test of the benchmark's --in-a-row: the corpus stream holds each article
that many times in a row (so the number of articles is a multiple of it
and of the files), the header says so, and wrong counts are refused.

    test_in_a_row.py BENCH
"""
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks


def run(bench, *args):
    return subprocess.run([bench] + list(args), capture_output=True, text=True)


def articles(tsv):
    with open(tsv, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(head, line.rstrip("\n").split("\t"))) for line in f]
    return [int(r["articles"]) for r in rows if r["unit"] == "article"]


def main():
    bench = sys.argv[1]
    check = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.makedirs(corpus)
        for k in range(3):
            with open(os.path.join(corpus, f"a{k}.txt"), "w") as f:
                f.write(f"Headline Number {k}\n\n" + "A paragraph of words here. " * 40 + "\n")
        tsv = os.path.join(tmp, "run.tsv")
        common = ["--corpus", corpus, "--corpus-mb", "0.05", "--inputs", "corpus", "--units",
                  "article", "--engines", "wn-parse", "--runs", "1", "--no-cli", "--no-heap",
                  "--tsv", tsv]
        r = run(bench, *common)
        check(r.returncode == 0, f"a run in turn exits 0, not {r.returncode}", r)
        check("in a row" not in r.stdout, "articles in turn are not said to be in a row", r)
        turn = articles(tsv) if r.returncode == 0 else []
        r = run(bench, *common, "--in-a-row", "7")
        check(r.returncode == 0, f"a run with --in-a-row 7 exits 0, not {r.returncode}", r)
        check("Each article 7 times in a row in the stream (--in-a-row)" in r.stdout,
              "the header says so", r)
        row = articles(tsv) if r.returncode == 0 else []
        check(len(row) == 1 and row[0] % 21 == 0,
              f"7 copies of each of 3 articles a round, so a multiple of 21 ({row})", r)
        m = re.search(r"repeated (\d+) times", r.stdout)
        check(m is not None and int(m.group(1)) % 7 == 0, "each article repeated 7k times", r)
        check(len(turn) == 1 and len(row) == 1 and row[0] >= turn[0],
              "in a row the stream is at least as long as in turn", r)
    for bad in ("0", "1001", "x"):
        r = run(bench, "--in-a-row", bad)
        check(r.returncode == 2 and "--in-a-row needs a count" in r.stderr,
              f"--in-a-row {bad} is refused", r)
    return check.report("wirenews-bench --in-a-row")


if __name__ == "__main__":
    sys.exit(main())
