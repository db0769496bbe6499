"""dask_corpus.py - parse a directory of articles with wirenews on a Dask cluster.

    python3 dask_corpus.py CORPUS_DIR --output parsed/                 # LocalCluster
    python3 dask_corpus.py CORPUS_DIR --output parsed/ --scheduler tcp://sched:8786

Every article file (``*.txt`` by default, searched recursively) becomes one
record, written as JSON Lines (``parsed/part-00000.jsonl``, ... in input
order, the same shape as wirenews-batch: ``{"id": "relative/path.txt",
"result": {...}}`` or ``{"id": ..., "error": "..."}``) or as Parquet (one row
per article with its main fields and the document's JSON; needs pyarrow or
fastparquet). A summary (articles, tweets, related links, errors, speed) is
printed and written to ``parsed/_summary.json``.

Each worker process imports the binding (sent to it with
``Client.upload_file``) and loads libwirenews once, on its first task;
every article is then one ctypes call. On a real cluster the articles must
be readable at the same path on every worker (a shared file system) and
libwirenews installed there (``--library`` gives its path on the workers).

Needs dask and distributed (Debian 12: ``apt-get install python3-dask
python3-distributed``, for ``/usr/bin/python3``). Exit status: 0 all
articles parsed, 1 some failed, 2 usage or setup error.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import wirenews  # noqa: E402

PARQUET_ENGINES = ("pyarrow", "fastparquet")


def find_articles(root: Path, pattern: str) -> list[str]:
    """Paths of the articles under ``root`` matching ``pattern``, relative to
    ``root``, sorted; hidden files and folders are left out."""
    found = []
    for p in root.rglob(pattern):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or p.is_dir():
            continue
        found.append(rel.as_posix())
    return sorted(found)


def parse_partition(rel_paths: Iterable[str], root: str, library: str | None,
                    flags: int) -> list[dict[str, Any]]:
    """Parse a partition of articles on a worker: one record per article.

    The binding caches the loaded library per process, so a worker loads it
    once whatever the number of partitions it runs.
    """
    import wirenews as wn  # the copy uploaded to the worker

    lib = wn.load_library(library)
    pid, lib_id = os.getpid(), id(lib)
    records = []
    for rel in rel_paths:
        rec: dict[str, Any] = {"id": rel, "pid": pid, "lib": lib_id, "bytes": 0, "error": None,
                               "headline": None, "dek": None, "byline": None, "published": None,
                               "blocks": 0, "tweets": 0, "related": 0, "document": None}
        try:
            data = Path(root, rel).read_bytes()
            rec["bytes"] = len(data)
            raw = lib.parse_to_json(data, flags)
        except (OSError, wn.WirenewsError) as exc:
            rec["error"] = f"{rel}: {exc.strerror if isinstance(exc, OSError) else exc}"
            records.append(rec)
            continue
        article = wn.Article(json.loads(raw), raw)
        rec.update(headline=article.headline, dek=article.dek, byline=article.byline,
                   published=article.published, blocks=len(article),
                   tweets=len(article.tweets), related=len(article.related),
                   document=article.to_json())
        records.append(rec)
    return records


def jsonl_line(rec: dict[str, Any]) -> str:
    """A record as one JSON Lines line (the wirenews-batch shape)."""
    head = '{"id":' + json.dumps(rec["id"], ensure_ascii=False)
    if rec["error"] is not None:
        return head + ',"error":' + json.dumps(rec["error"], ensure_ascii=False) + "}"
    return head + ',"result":' + rec["document"] + "}"


PARQUET_COLUMNS = [("id", "object"), ("ok", "bool"), ("error", "object"), ("headline", "object"),
                   ("dek", "object"), ("byline", "object"), ("published", "object"),
                   ("blocks", "int64"), ("tweets", "int64"), ("related", "int64"),
                   ("bytes", "int64"), ("document", "object")]


def parquet_row(rec: dict[str, Any]) -> dict[str, Any]:
    """A record as a Parquet row."""
    row = {name: rec[name] for name, _ in PARQUET_COLUMNS if name != "ok"}
    row["ok"] = rec["error"] is None
    return row


def summarize(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts over one partition's records."""
    s: dict[str, Any] = {"articles": 0, "errors": 0, "tweets": 0, "related": 0, "blocks": 0,
                         "bytes": 0, "loads": set(), "first_errors": []}
    for r in records:
        s["articles"] += 1
        s["bytes"] += r["bytes"]
        s["loads"].add((r["pid"], r["lib"]))
        if r["error"] is not None:
            s["errors"] += 1
            if len(s["first_errors"]) < 10:
                s["first_errors"].append(r["error"])
        else:
            s["tweets"] += r["tweets"]
            s["related"] += r["related"]
            s["blocks"] += r["blocks"]
    return s


def merge(parts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Add up the partitions' counts."""
    total = summarize([])
    for p in parts:
        for key in ("articles", "errors", "tweets", "related", "blocks", "bytes"):
            total[key] += p[key]
        total["loads"] |= p["loads"]
        total["first_errors"] = (total["first_errors"] + p["first_errors"])[:10]
    return total


def parquet_engine() -> str | None:
    """The first Parquet writer that can be imported, or None."""
    for name in PARQUET_ENGINES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def fail(message: str) -> int:
    """Print an error and return the setup-error status."""
    print(f"dask_corpus.py: {message}", file=sys.stderr)
    return 2


def prepare_output(out: Path, overwrite: bool) -> str | None:
    """Make sure ``out`` can be written; returns an error message or None."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        if not overwrite:
            return f"{out}: exists and is not empty (choose another --output or add --overwrite)"
        shutil.rmtree(out) if out.is_dir() else out.unlink()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"{out}: {exc.strerror}"
    return None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    ap = argparse.ArgumentParser(
        prog="dask_corpus.py",
        description="Parse a directory of plain-text news articles with wirenews on a Dask "
                    "cluster and write the results as JSON Lines or Parquet plus a summary.",
        epilog="Exit status: 0 all articles parsed, 1 some failed (see the error records), "
               "2 usage or setup error.")
    ap.add_argument("directory", type=Path, help="folder of articles (searched recursively)")
    ap.add_argument("-o", "--output", type=Path, required=True,
                    help="output folder: part-NNNNN.jsonl (or Parquet files) and _summary.json")
    ap.add_argument("--format", choices=("auto", "jsonl", "parquet"), default="auto",
                    help="output format (default: Parquet when pyarrow or fastparquet can be "
                         "imported, else JSON Lines)")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: start a "
                         "LocalCluster on this machine)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="LocalCluster worker processes (default: all cores)")
    ap.add_argument("--pattern", default="*.txt", help="article file names (default: *.txt)")
    ap.add_argument("--partition-size", type=int, default=256,
                    help="articles per task (default: 256)")
    ap.add_argument("--library", help="libwirenews path on the workers (default: the one the "
                                      "binding finds; with a LocalCluster, this machine's)")
    ap.add_argument("--no-dedupe", action="store_true", help="keep verbatim repeats")
    ap.add_argument("--no-entities", action="store_true", help="leave HTML entities undecoded")
    ap.add_argument("--overwrite", action="store_true", help="replace an existing --output")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the job; returns the exit status."""
    args = parse_args(argv)
    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:
        return fail(f"needs dask and distributed ({exc}); on Debian 12: "
                    "apt-get install python3-dask python3-distributed, then run it with "
                    "/usr/bin/python3")
    fmt = args.format
    engine = parquet_engine()
    if fmt == "parquet" and engine is None:
        return fail("--format parquet needs pyarrow or fastparquet, and neither can be "
                    "imported (Debian 12 packages neither; use --format jsonl)")
    if fmt == "auto":
        fmt = "parquet" if engine else "jsonl"
    if args.partition_size < 1 or args.workers < 1:
        return fail("--partition-size and --workers must be at least 1")
    if not args.directory.is_dir():
        return fail(f"{args.directory}: not a directory")
    root = args.directory.resolve()
    paths = find_articles(root, args.pattern)
    if not paths:
        return fail(f"{args.directory}: no files matching {args.pattern}")
    library = args.library
    if args.scheduler is None:
        try:  # the same machine: hand the workers the library found here
            library = wirenews.load_library(library).path
        except OSError as exc:
            return fail(str(exc))
    error = prepare_output(args.output, args.overwrite)
    if error:
        return fail(error)
    flags = (0 if args.no_dedupe else wirenews.OPT_DEDUPE) | \
        (0 if args.no_entities else wirenews.OPT_DECODE_ENTITIES)

    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
        where = args.scheduler
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        where = f"LocalCluster with {args.workers} worker processes"
    try:
        client.upload_file(str(HERE / "wirenews.py"))
        say(f"dask_corpus.py: {len(paths)} articles from {root} in "
            f"{-(-len(paths) // args.partition_size)} tasks on {where}; output {fmt}")
        t0 = time.perf_counter()
        records = db.from_sequence(paths, partition_size=args.partition_size).map_partitions(
            parse_partition, str(root), library, flags)
        if fmt == "jsonl":
            writes = records.map(jsonl_line).to_textfiles(
                str(args.output / "part-*.jsonl"), name_function=lambda i: f"{i:05d}",
                encoding="utf-8", last_endline=True, compute=False)
        else:
            writes = [records.map(parquet_row).to_dataframe(meta=PARQUET_COLUMNS).to_parquet(
                str(args.output), engine=engine, write_index=False, compute=False)]
        summary_item = records.reduction(summarize, merge)
        *_, totals = dask.compute(*writes, summary_item)
        seconds = time.perf_counter() - t0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    pids = {pid for pid, _ in totals["loads"]}
    summary = {
        "articles": totals["articles"],
        "parsed": totals["articles"] - totals["errors"],
        "errors": totals["errors"],
        "tweets": totals["tweets"],
        "related": totals["related"],
        "blocks": totals["blocks"],
        "bytes": totals["bytes"],
        "seconds": round(seconds, 3),
        "articles_per_s": round(totals["articles"] / seconds, 1),
        "mb_per_s": round(totals["bytes"] / 1e6 / seconds, 2),
        "workers": len(pids),
        "library_loads": len(totals["loads"]),
        "format": fmt,
        "output": str(args.output),
        "first_errors": totals["first_errors"],
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    (args.output / "_summary.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
