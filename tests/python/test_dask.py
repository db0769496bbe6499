"""Test of examples/python/dask_corpus.py: the dev corpus parsed on a Dask
LocalCluster of two worker processes gives, article for article, what the
binding gives in this process; the summary adds up; each worker loads the
library once; errors are records and set the exit status; a missing Parquet
writer is reported before any work starts.

Runs under Debian's /usr/bin/python3 (python3-dask, python3-distributed).
Without Dask or without the shared corpus it says so and exits 77 (skipped).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "python" / "dask_corpus.py"
sys.path.insert(0, str(ROOT / "examples" / "python"))
import wirenews  # noqa: E402

CORPUS = Path(os.environ.get("WN_CORPUS_DIR", ROOT.parent / "shared" / "corpus" / "dev"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the example with this interpreter."""
    return subprocess.run([sys.executable, str(EXAMPLE), *args], capture_output=True, text=True,
                          timeout=540)


def read_jsonl(out: Path) -> list[dict[str, Any]]:
    """Every record of the part files, in part order."""
    recs = []
    for part in sorted(out.glob("part-*.jsonl")):
        recs += [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines()]
    return recs


class DaskCorpus(unittest.TestCase):
    def test_dev_corpus(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp, "parsed")
            r = run(str(CORPUS), "--output", str(out), "--workers", "2", "--partition-size",
                    "8", "--format", "jsonl")
            self.assertEqual(r.returncode, 0, r.stderr)
            summary = json.loads(r.stdout)
            self.assertEqual(summary, json.loads((out / "_summary.json").read_text()))
            recs = read_jsonl(out)

        names = sorted(p.name for p in CORPUS.glob("*.txt"))
        self.assertEqual([rec["id"] for rec in recs], names)  # input order
        tweets = related = blocks = 0
        for rec in recs:
            want = wirenews.parse((CORPUS / rec["id"]).read_bytes())
            self.assertEqual(rec["result"], want.to_dict(), rec["id"])
            tweets += len(want.tweets)
            related += len(want.related)
            blocks += len(want)
        self.assertEqual(summary["articles"], len(names))
        self.assertEqual((summary["parsed"], summary["errors"]), (len(names), 0))
        self.assertEqual((summary["tweets"], summary["related"], summary["blocks"]),
                         (tweets, related, blocks))
        self.assertEqual(summary["bytes"], sum((CORPUS / n).stat().st_size for n in names))
        self.assertGreaterEqual(summary["workers"], 1)
        self.assertEqual(summary["library_loads"], summary["workers"])  # once per worker
        print(f"dask: {summary['articles']} articles, {summary['tweets']} tweets, "
              f"{summary['related']} related, {summary['workers']} workers, "
              f"{summary['seconds']} s")

    def test_errors_are_records(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp, "src")
            (src / "sub").mkdir(parents=True)
            (src / "a.txt").write_text("Night market returns to the square\n\nStalls open "
                                       "at six on Fridays from next week, the council said.\n")
            (src / "sub" / "b.txt").write_text("A second short story about a bakery.\n")
            (src / "gone.txt").symlink_to(src / "nowhere.txt")
            out = Path(tmp, "out")
            r = run(str(src), "-o", str(out), "--workers", "1", "--format", "jsonl", "-q")
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertEqual(r.stderr, "")
            summary = json.loads(r.stdout)
            self.assertEqual((summary["articles"], summary["errors"]), (3, 1))
            recs = read_jsonl(out)
            self.assertEqual([x["id"] for x in recs], ["a.txt", "gone.txt", "sub/b.txt"])
            self.assertIn("gone.txt: No such file", recs[1]["error"])
            # an output folder that is not empty is refused unless --overwrite
            r = run(str(src), "-o", str(out), "--format", "jsonl")
            self.assertEqual(r.returncode, 2)
            self.assertIn("--overwrite", r.stderr)

    def test_parquet_without_writer(self) -> None:
        import importlib.util
        if any(importlib.util.find_spec(m) for m in ("pyarrow", "fastparquet")):
            self.skipTest("a Parquet writer is installed")
        with tempfile.TemporaryDirectory() as tmp:
            r = run(str(CORPUS), "-o", str(Path(tmp, "p")), "--format", "parquet")
        self.assertEqual(r.returncode, 2)
        self.assertIn("pyarrow or fastparquet", r.stderr)


if __name__ == "__main__":
    try:
        import dask  # noqa: F401
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        print(f"test_dask: Dask is not installed for {sys.executable} ({exc}); skipping "
              f"(Debian: apt-get install python3-dask python3-distributed)")
        sys.exit(77)
    if not CORPUS.is_dir() or not any(CORPUS.glob("*.txt")):
        print(f"test_dask: {CORPUS} not found, skipping (the shared corpus is not beside "
              f"this checkout)")
        sys.exit(77)
    unittest.main(verbosity=2)
