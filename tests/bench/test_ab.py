#!/usr/bin/env python3
"""Test of tests/bench/ab.py: an A/A run of the build's library on a small
generated input gives a row per engine, and wrong arguments fail with
messages that name what is wrong.

    test_ab.py AB_PY BENCH LIBDIR
"""
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks


def run(ab, *args):
    return subprocess.run([sys.executable, ab] + list(args), capture_output=True, text=True)


def main():
    ab, bench, libdir = sys.argv[1:4]
    check = Checks()

    r = run(ab, "--a", libdir, "--b", libdir, "--bench", bench, "--input", "gen", "--mb", "1",
            "--runs", "1", "-n", "2", "--engines", "wn-parse,wn-json", "--cpu", "-1")
    check(r.returncode == 0, f"A/A run exits 0, not {r.returncode}", r)
    check("an A/A run" in r.stdout, "an A/A run is named as one", r)
    check("2 alternations (ABBA order)" in r.stdout, "the order and count are printed", r)
    for e in ("wn-parse", "wn-json"):
        m = re.search(r"^\| " + e + r" \| ([0-9.]+) .*\| ([0-9.]+) \| ([0-9.]+) \(", r.stdout, re.M)
        check(m is not None, f"a row for {e}", r)
        if m:
            check(0.2 < float(m.group(2)) < 5, f"{e}: B/A of medians is a ratio", r)

    with tempfile.TemporaryDirectory() as empty:
        r = run(ab, "--a", empty, "--b", libdir, "--bench", bench, "--input", "gen")
        check(r.returncode == 2 and empty in r.stderr and "libwirenews.so.0" in r.stderr,
              "a folder without the library is named", r)
    missing = os.path.join(libdir, "no-such-folder")
    r = run(ab, "--a", missing, "--b", libdir, "--bench", bench, "--input", "gen")
    check(r.returncode == 2 and missing in r.stderr and "no such folder" in r.stderr,
          "a missing folder is named", r)
    r = run(ab, "--a", libdir, "--b", libdir, "--bench", bench, "--input", "gen", "--mb", "1",
            "--runs", "1", "-n", "1", "--engines", "wn-nothing", "--cpu", "-1")
    check(r.returncode == 2 and "wn-nothing" in r.stderr, "an unknown engine is named", r)
    r = run(ab, "--a", libdir, "--b", libdir, "--bench", os.path.join(libdir, "no-bench"))
    check(r.returncode == 2 and "no-bench" in r.stderr, "a missing bench binary is named", r)

    return check.report("ab.py")


if __name__ == "__main__":
    sys.exit(main())
