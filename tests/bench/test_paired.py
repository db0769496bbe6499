#!/usr/bin/env python3
"""Test of the benchmark's paired linearity rounds (wirenews-bench --paired):
on two small generated documents it prints one row per round with three
figures per engine whose ratio is the last of them, alternates which
document goes first, sums each engine up over the rounds, and refuses
wrong arguments with a message that says what is wrong.

    test_paired.py BENCH
"""
import re
import subprocess
import sys

from checks import Checks


def run(bench, *args):
    return subprocess.run([bench] + list(args), capture_output=True, text=True)


def main():
    bench = sys.argv[1]
    check = Checks()

    r = run(bench, "--paired", "3", "--sizes", "0.2,0.6", "--engines", "wn-parse,wn-json")
    check(r.returncode == 0, f"a paired run exits 0, not {r.returncode}", r)
    check("## Linearity, paired rounds" in r.stdout, "the section is printed", r)
    check("gen-0.2MB 3 times and gen-0.6MB once" in r.stdout,
          "the small document is repeated to the large one's size", r)
    rows = re.findall(r"^\| (\d+) \| (small|large) \|(.*)\| [0-9.]+ \|$", r.stdout, re.M)
    check([int(x[0]) for x in rows] == [1, 2, 3], "one row per round", r)
    check([x[1] for x in rows] == ["small", "large", "small"], "odd rounds start large", r)
    for _, _, cells in rows:
        figs = re.findall(r" ([0-9.]+) / ([0-9.]+) / ([0-9.]+) ", cells)
        check(len(figs) == 2, "two engines in each row", r)
        for small, large, ratio in figs:
            small, large, ratio = float(small), float(large), float(ratio)
            check(small > 0 and large > 0, "per-MB times are positive", r)
            check(abs(large / small - ratio) < 0.01 * ratio + 0.002,
                  f"ratio {ratio} is large / small ({large} / {small})", r)
    sums = re.findall(r"^- (.*): median \*\*([0-9.]+)\*\* \(min ([0-9.]+), max ([0-9.]+)\); "
                      r"(\d) of 3 rounds <= 1.1$", r.stdout, re.M)
    check(len(sums) == 2, "a summary line per engine", r)
    for _, med, lo, hi, _ in sums:
        check(float(lo) <= float(med) <= float(hi), "min <= median <= max", r)

    r = run(bench, "--paired", "2", "--sizes", "1,2,3")
    check(r.returncode == 2 and "two sizes" in r.stderr, "three sizes are refused", r)
    r = run(bench, "--paired", "2", "--sizes", "2,1")
    check(r.returncode == 2 and "small first" in r.stderr, "sizes in the wrong order are refused",
          r)
    r = run(bench, "--paired", "2", "--tsv", "out.tsv")
    check(r.returncode == 2 and "--tsv" in r.stderr, "--tsv with --paired is refused", r)
    r = run(bench, "--paired", "0")
    check(r.returncode == 2 and "--paired needs a number of rounds" in r.stderr,
          "zero rounds are refused", r)
    r = run(bench, "--paired", "x3")
    check(r.returncode == 2 and "--paired needs a number of rounds" in r.stderr,
          "a round count that is not a number is refused", r)
    r = run(bench, "--paired", "2", "--sizes", "0.2,0.4", "--engines", "memchr")
    check(r.returncode == 1 and "none of wn-parse, wn-json, md4c-parse" in r.stderr,
          "a paired run with none of its engines says so", r)

    return check.report("wirenews-bench --paired")


if __name__ == "__main__":
    sys.exit(main())
