"""Round trip of the Python binding against the C JSON on the shared corpus.

For every article of the dev corpus (and the blobs beside it), with every
option combination: parse() gives exactly the JSON wirenews-parse prints
(WIRENEWS_PARSE) or, without it, what the C renderer gives through the
handle API; the Article's fields and blocks mirror that JSON; and the handle
API's getters, one per field, rebuild the same document. The corpus is read
at test time from WN_CORPUS_DIR; without it the test says so and exits 77
(skipped).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "python"))
import wirenews  # noqa: E402

CORPUS = Path(os.environ.get("WN_CORPUS_DIR", ROOT.parent / "shared" / "corpus" / "dev"))
PARSE = os.environ.get("WIRENEWS_PARSE", "")
FLAGS: dict[int, list[str]] = {
    wirenews.OPT_DEFAULT: [],
    wirenews.OPT_DECODE_ENTITIES: ["--no-dedupe"],
    wirenews.OPT_DEDUPE: ["--no-entities"],
    0: ["--no-dedupe", "--no-entities"],
}


def articles() -> list[Path]:
    """The corpus articles and the blobs next to them."""
    found = sorted(CORPUS.glob("*.txt"))
    return found + sorted((CORPUS.parent / "blobs").glob("*.txt"))


def c_json(path: Path, data: bytes, flags: int) -> bytes:
    """The C side's JSON for an article: wirenews-parse when built, else the
    handle API's wn_render_json."""
    if PARSE and os.path.exists(PARSE):
        out = subprocess.run([PARSE, *FLAGS[flags], str(path)], capture_output=True,
                             check=True).stdout
        return out.rstrip(b"\n")
    with wirenews.Document(data, flags=flags) as d:
        return d.to_json().encode()


class CorpusRoundTrip(unittest.TestCase):
    def test_every_article(self) -> None:
        paths = articles()
        self.assertTrue(paths)
        for path in paths:
            data = path.read_bytes()
            for flags in FLAGS:
                with self.subTest(article=path.name, flags=flags):
                    want = c_json(path, data, flags)
                    a = wirenews.parse(data, flags=flags)
                    self.assertEqual(a.to_json().encode(), want)
                    doc = json.loads(want)
                    self.assertEqual(a.to_dict(), doc)
                    self.assertEqual(a.headline, doc["headline"])
                    self.assertEqual(a.dek, doc["dek"])
                    self.assertEqual(a.byline, doc["byline"])
                    self.assertEqual(a.published, doc["published"])
                    self.assertEqual(a.dateline and a.dateline._asdict(), doc["dateline"])
                    self.assertEqual([b.to_dict() for b in a.blocks], doc["blocks"])
                    self.assertEqual(len(a.tweets), sum(b["type"] == "tweet"
                                                        for b in doc["blocks"]))
                    self.assertEqual(len(a.related), sum(b["type"] == "related"
                                                         for b in doc["blocks"]))
                    with wirenews.Document(data, flags=flags) as d:
                        self.assertEqual(d.to_dict(), doc)
                    # str input: the same document when the bytes are UTF-8
                    try:
                        text = data.decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                    self.assertEqual(wirenews.parse(text, flags=flags), a)
        print(f"round trip: {len(paths)} articles x {len(FLAGS)} option sets from {CORPUS}")


if __name__ == "__main__":
    if not CORPUS.is_dir() or not articles():
        print(f"test_corpus: {CORPUS} not found, skipping (the shared corpus is not beside "
              f"this checkout)")
        sys.exit(77)
    unittest.main(verbosity=2)
