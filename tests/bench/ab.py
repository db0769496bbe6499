#!/usr/bin/env python3
"""A/B of two builds of libwirenews on the same bench binary and bytes.

    python3 tests/bench/ab.py --a /tmp/libA --b build/lib
    python3 tests/bench/ab.py --a /tmp/libA --b build/lib --engines wn-parse,wn-json -n 40

--a and --b are folders holding libwirenews.so.0 (a build's lib/ folder, or
a copy of one: `mkdir -p /tmp/libA && cp -a build/lib/libwirenews.so* /tmp/libA/`
before a change). The bench binary finds its library through
LD_LIBRARY_PATH, which comes before its own RUNPATH, so one binary times
both; the script checks with ldd that each side loads the library it names.

Each alternation runs the bench once for A and once for B, in the order
A B, then B A, then A B, ... (--order abba, the default), so that whatever
drifts within a pair (the host's speed, caches, the clock) weighs on both
sides alike.

Printed for each engine: the median MB/s of each side over the
alternations, their range, B/A of the medians, and the median and
quartiles of the alternations' own ratios B_k/A_k. The paired ratio is the
figure to read: the host of this project has slow phases of minutes, in
which both sides of a pair slow down together; the medians of the sides
then move apart by chance (an A/A run in such a phase gave 0.973 for the
medians and 0.998 for the paired ratio). Run an A/A (the same folder for
--a and --b) to see the noise at the time: on a steady host two A/Bs of 30
alternations agree within about half a per cent.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

DEFAULT_BENCH = os.path.join("build", "tests", "bench", "wirenews-bench")
DEFAULT_CORPUS = os.path.join("..", "shared", "corpus", "dev")
LIBNAME = "libwirenews.so.0"


def fail(msg):
    print(f"ab.py: {msg}", file=sys.stderr)
    sys.exit(2)


def check_libdir(side, d):
    if not os.path.isdir(d):
        fail(f"--{side} {d}: no such folder")
    if not os.path.exists(os.path.join(d, LIBNAME)):
        fail(f"--{side} {d}: holds no {LIBNAME} (copy a build's lib/libwirenews.so* there)")
    return os.path.realpath(d)


def resolved_lib(bench, libdir):
    """Where the dynamic loader finds libwirenews for the bench with
    LD_LIBRARY_PATH=libdir, or None when ldd is not there to ask."""
    ldd = shutil.which("ldd")
    if not ldd:
        return None
    env = dict(os.environ, LD_LIBRARY_PATH=libdir)
    out = subprocess.run([ldd, bench], env=env, capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == LIBNAME and len(parts) >= 3:
            return os.path.realpath(parts[2])
    return ""


def bench_args(args, tsv):
    a = [args.bench, "--engines", args.engines, "--runs", str(args.runs), "--no-cli",
         "--no-heap", "--tsv", tsv]
    if args.input == "corpus":
        a += ["--corpus", args.corpus, "--corpus-mb", str(args.mb), "--inputs", "corpus",
              "--units", "article"]
    else:
        a += ["--sizes", str(args.mb), "--inputs", f"gen-{args.mb}MB", "--units", args.units]
    return a


def run_side(args, libdir, tsv):
    cmd = bench_args(args, tsv)
    if args.cpu is not None and shutil.which("taskset"):
        cmd = ["taskset", "-c", str(args.cpu)] + cmd
    env = dict(os.environ, LD_LIBRARY_PATH=libdir)
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        fail(f"the bench failed (exit {r.returncode}) with LD_LIBRARY_PATH={libdir}: "
             f"{r.stderr.strip()[-500:]}")
    got = {}
    with open(tsv, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            got[row["engine"]] = float(row["mbs_median"])
    return got


def quartiles(xs):
    if len(xs) < 2:
        return xs[0], xs[0]
    q = statistics.quantiles(xs, n=4)
    return q[0], q[2]


def main():
    ap = argparse.ArgumentParser(
        description="A/B of two builds of libwirenews: one bench binary, the library "
                    "swapped by LD_LIBRARY_PATH, sides alternated in ABBA order.",
        epilog="Example: mkdir -p /tmp/libA && cp -a build/lib/libwirenews.so* /tmp/libA/; "
               "(change, rebuild); python3 tests/bench/ab.py --a /tmp/libA --b build/lib")
    ap.add_argument("--a", required=True, help="folder with the A side's libwirenews.so.0")
    ap.add_argument("--b", required=True, help="folder with the B side's libwirenews.so.0")
    ap.add_argument("--bench", default=DEFAULT_BENCH,
                    help=f"the wirenews-bench binary (default {DEFAULT_BENCH})")
    ap.add_argument("--input", choices=["corpus", "gen"], default="corpus",
                    help="the dev corpus, one article at a time (default), or generated text")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS,
                    help=f"dev corpus folder for --input corpus (default {DEFAULT_CORPUS})")
    ap.add_argument("--mb", type=int, default=10, help="MB of input a run (default 10)")
    ap.add_argument("--units", choices=["article", "whole"], default="whole",
                    help="for --input gen: articles or one document (default whole)")
    ap.add_argument("--engines", default="wn-parse",
                    help="comma-separated, e.g. wn-parse,wn-json (default wn-parse)")
    ap.add_argument("-n", "--alternations", type=int, default=30,
                    help="A-B pairs (default 30; two A/Bs of 30 settle about 0.5 %%)")
    ap.add_argument("--runs", type=int, default=3, help="bench runs a side (default 3)")
    ap.add_argument("--cpu", type=int, default=0,
                    help="vCPU to pin the bench to with taskset (default 0; -1: none)")
    ap.add_argument("--order", choices=["abba", "ab"], default="abba",
                    help="abba (default) alternates which side goes first; ab always runs A "
                         "first (as the A/Bs in BENCHMARKS.md before f503279 did)")
    args = ap.parse_args()
    if args.cpu < 0:
        args.cpu = None
    if args.alternations < 1 or args.runs < 1 or args.mb < 1:
        fail("--alternations, --runs and --mb must be at least 1")
    if not os.access(args.bench, os.X_OK):
        fail(f"--bench {args.bench}: not an executable file (build first: ninja -C build)")
    if args.input == "corpus" and not os.path.isdir(args.corpus):
        fail(f"--corpus {args.corpus}: no such folder (or use --input gen)")
    dirs = {"A": check_libdir("a", args.a), "B": check_libdir("b", args.b)}
    for side, d in dirs.items():
        where = resolved_lib(args.bench, d)
        if where == "":
            fail(f"ldd does not show {LIBNAME} for {args.bench}")
        if where is not None and os.path.dirname(where) != d:
            fail(f"with LD_LIBRARY_PATH={d} the bench loads {where}, not the {side} side's "
                 f"library (is it linked statically, or with an RPATH?)")
    same = os.path.samefile(os.path.join(dirs["A"], LIBNAME), os.path.join(dirs["B"], LIBNAME))
    engines = [e for e in args.engines.split(",") if e]

    res = {"A": [], "B": []}
    with tempfile.TemporaryDirectory(prefix="wn-ab-") as tmp:
        tsv = os.path.join(tmp, "run.tsv")
        for k in range(args.alternations):
            order = "AB" if args.order == "ab" or k % 2 == 0 else "BA"
            for side in order:
                got = run_side(args, dirs[side], tsv)
                missing = [e for e in engines if e not in got]
                if missing:
                    fail(f"the bench reported no {', '.join(missing)} "
                         f"(engines it knows: see wirenews-bench --help)")
                res[side].append(got)
            print(f"\ralternation {k + 1}/{args.alternations}", end="", file=sys.stderr,
                  flush=True)
    print(file=sys.stderr)

    what = (f"{args.mb} MB of the dev corpus, one article at a time" if args.input == "corpus"
            else f"generated {args.mb} MB, units: {args.units}")
    print(f"A: {dirs['A']}\nB: {dirs['B']}" + ("  (the same library: an A/A run)" if same else ""))
    print(f"{args.alternations} alternations ({args.order.upper()} order) of {args.runs} runs a "
          f"side, {what}" + (f", pinned to vCPU {args.cpu}" if args.cpu is not None else ""))
    print("| engine | A median MB/s (min-max) | B median MB/s (min-max) | B/A of medians "
          "| B_k/A_k median (quartiles) |")
    print("|---|---:|---:|---:|---:|")
    for e in engines:
        a = [r[e] for r in res["A"]]
        b = [r[e] for r in res["B"]]
        ratios = [y / x for x, y in zip(a, b)]
        ma, mb = statistics.median(a), statistics.median(b)
        q1, q3 = quartiles(ratios)
        print(f"| {e} | {ma:.1f} ({min(a):.1f}-{max(a):.1f}) | {mb:.1f} ({min(b):.1f}-"
              f"{max(b):.1f}) | {mb / ma:.4f} | {statistics.median(ratios):.4f} "
              f"({q1:.4f}-{q3:.4f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
