"""bench_binding.py - throughput of the wirenews Python binding on one thread.

Reads every ``*.txt`` article of a directory into memory, repeats the set
until it holds at least ``--mb`` megabytes, and times, on one thread:

  call      one ctypes call per article (wn_parse_to_json, copy, wn_free):
            the C library plus the bare cost of crossing into it
  parse     wirenews.parse(): the call plus json.loads and an Article
  blocks    parse() and reading every block's type, span and text
  getters   the handle API, one ctypes call per field (Document.to_dict());
            the design the fast path avoids, for comparison

and prints MB/s and articles/s for each, the binding's own cost per article
(parse minus call) and the throughput that cost alone would allow.

Rates are computed from the thread's CPU time (``time.thread_time``), which
other processes competing for the cores do not inflate; the wall-clock rate
is shown beside it. Both are the best of ``--rounds`` passes.

    python3 examples/python/bench_binding.py ../shared/corpus/dev --mb 50
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wirenews  # noqa: E402


def load_corpus(directory: Path, megabytes: float) -> list[bytes]:
    """The directory's .txt files, repeated to at least ``megabytes`` MB."""
    texts = [p.read_bytes() for p in sorted(directory.rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"bench_binding.py: {directory}: no .txt articles found")
    size = sum(map(len, texts))
    reps = max(1, int(megabytes * 1e6 / size + 0.999))
    return texts * reps


def run(name: str, fn: Callable[[bytes], object], texts: list[bytes], rounds: int) -> float:
    """Time ``fn`` over all texts ``rounds`` times; print the best pass and
    return its CPU seconds."""
    total = sum(map(len, texts))
    cpu = wall = float("inf")
    for _ in range(rounds):
        c0, w0 = time.thread_time(), time.perf_counter()
        for t in texts:
            fn(t)
        cpu = min(cpu, time.thread_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    print(f"  {name:<8} {total / 1e6 / cpu:8.1f} MB/s {len(texts) / cpu:9.0f} articles/s "
          f"{cpu / len(texts) * 1e6:8.1f} us/article   (wall: {total / 1e6 / wall:6.1f} MB/s)")
    return cpu


def main() -> int:
    """Parse the arguments, run the timings, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path, help="folder of .txt articles (searched recursively)")
    ap.add_argument("--mb", type=float, default=50.0, help="input size per pass (default 50)")
    ap.add_argument("--rounds", type=int, default=3, help="passes per variant; best kept")
    ap.add_argument("--library", help="libwirenews to load (default: WIRENEWS_LIBRARY, build/)")
    ap.add_argument("--skip-getters", action="store_true", help="skip the slow getter variant")
    args = ap.parse_args()

    lib = wirenews.load_library(args.library)
    texts = load_corpus(args.directory, args.mb)
    total = sum(map(len, texts))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"libwirenews {lib.version} ({lib.path}), Python {sys.version.split()[0]}")
    print(f"{len(texts)} articles, {total / 1e6:.1f} MB (mean {total / len(texts):.0f} bytes), "
          f"one thread, best of {args.rounds}; load average {load:.2f}")

    def blocks(t: bytes) -> None:
        for b in wirenews.parse(t, library=lib).blocks:
            (b.type, b.span, b.text)

    def getters(t: bytes) -> None:
        with wirenews.Document(t, library=lib) as d:
            d.to_dict()

    call = run("call", lib.parse_to_json, texts, args.rounds)
    parse = run("parse", lambda t: wirenews.parse(t, library=lib), texts, args.rounds)
    run("blocks", blocks, texts, args.rounds)
    if not args.skip_getters:
        run("getters", getters, texts[: max(1, len(texts) // 10)], 1)
    extra = (parse - call) / len(texts)
    print(f"binding cost over the call: {extra * 1e6:.1f} us/article "
          f"({(parse / call - 1) * 100:.1f}% of the C time); that cost alone would allow "
          f"{total / len(texts) / extra / 1e6:.0f} MB/s" if extra > 0 else
          "binding cost over the call: below measurement noise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
