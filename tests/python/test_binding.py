"""Tests of the ctypes binding (examples/python/wirenews.py) that need no corpus.

Run by meson with WIRENEWS_LIBRARY set to the built shared library; by hand:
    WIRENEWS_LIBRARY=build/lib/libwirenews.so.0 python3 tests/python/test_binding.py
Article text here is written for the tests (plus the project's own
examples/sample-article.txt).
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import subprocess
import sys
import threading
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "python"))
import wirenews  # noqa: E402

SAMPLE = (ROOT / "examples" / "sample-article.txt").read_bytes()

STORY = (
    "Lantern festival lights up the old canal\n"
    "By Petra Lindqvist, Valley Courier\n"
    "\n"
    "RIVERTON (Courier) \u2014 Hundreds of paper lanterns drifted along the old canal on "
    "Saturday evening as the town held its first festival of light since the locks were "
    "repaired.\n"
    "\n"
    "Volunteers spent three weeks folding the lanterns from recycled paper, said organiser "
    "Jonas Weller.\n"
    "\n"
    "Volunteers spent three weeks folding the lanterns from recycled paper, said organiser "
    "Jonas Weller.\n"
    "\n"
    "Tickets cost &pound;5 &mdash; children went free.\n"
)


def covered(data: bytes, spans: list[tuple[int, int]]) -> bool:
    """Do the spans leave no non-space byte uncovered, and not overlap?"""
    mask = bytearray(len(data))
    for start, end in spans:
        if not 0 <= start <= end <= len(data):
            return False
        for i in range(start, end):
            if mask[i]:
                return False
            mask[i] = 1
    return all(mask[i] or data[i:i + 1].isspace() for i in range(len(data)))


class LibraryTest(unittest.TestCase):
    def test_loaded_from_environment(self) -> None:
        lib = wirenews.load_library()
        if os.environ.get("WIRENEWS_LIBRARY"):
            self.assertEqual(lib.path, os.environ["WIRENEWS_LIBRARY"])
        self.assertIs(wirenews.load_library(), lib)  # loaded once per process

    def test_version(self) -> None:
        lib = wirenews.load_library()
        major, minor, patch = (int(x) for x in wirenews.version().split("."))
        self.assertEqual(lib.version_number, major * 10000 + minor * 100 + patch)
        self.assertGreaterEqual(lib.version_number, wirenews.MIN_VERSION_NUMBER)

    def test_options_struct_matches_abi(self) -> None:
        lib = wirenews.load_library()
        storage = (ctypes.c_uint64 * 32)()
        opts = wirenews.WnOptions.from_buffer(storage)
        lib.cdll.wn_options_init(ctypes.byref(opts))
        self.assertEqual(opts.struct_size, ctypes.sizeof(wirenews.WnOptions))
        self.assertEqual(opts.flags, wirenews.OPT_DEFAULT)
        self.assertFalse(opts.allocator)

    def test_every_function_declared(self) -> None:
        header = (ROOT / "include" / "wirenews.h").read_text()
        import re
        declared = set(re.findall(r"WN_EXPORT[^;(]*?\b(wn_\w+)\s*\(", header))
        self.assertTrue(declared)
        self.assertEqual(declared - set(wirenews._PROTOTYPES), set())
        lib = wirenews.load_library()
        for name in declared:
            self.assertIsNotNone(getattr(lib.cdll, name).argtypes, name)

    def test_missing_library(self) -> None:
        with self.assertRaises(wirenews.LibraryNotFoundError) as cm:
            wirenews.load_library("/nonexistent/libwirenews.so.0")
        self.assertIn("/nonexistent/libwirenews.so.0", str(cm.exception))

    def test_strerror(self) -> None:
        self.assertEqual(wirenews.strerror(999), "unknown wirenews status")
        self.assertNotEqual(wirenews.strerror(wirenews.ERR_FLAGS), "unknown wirenews status")


class ParseTest(unittest.TestCase):
    def test_sample_article(self) -> None:
        a = wirenews.parse(SAMPLE)
        self.assertEqual(a.version, 1)
        self.assertEqual(a.headline, a.to_dict()["headline"])
        self.assertIsNotNone(a.headline)
        self.assertEqual(a.dateline, wirenews.Dateline("MILLBROOK", "Ledger"))
        self.assertEqual(a.published, "2021-06-04T09:15")
        types = [b.type for b in a.blocks]
        self.assertTrue(set(types) <= set(wirenews.BLOCK_TYPES))
        self.assertEqual(len(a), len(types))
        self.assertEqual([b.type for b in a.tweets], ["tweet"] * len(a.tweets))
        self.assertEqual(len(a.tweets), types.count("tweet"))
        self.assertEqual(len(a.related), types.count("related"))
        self.assertGreaterEqual(len(a.tweets), 1)
        self.assertGreaterEqual(len(a.related), 1)
        self.assertTrue(covered(SAMPLE, [b.span for b in a.blocks]))

    def test_blocks_mirror_the_json(self) -> None:
        a = wirenews.parse(SAMPLE)
        for raw, b in zip(json.loads(a.to_json())["blocks"], a.blocks):
            self.assertEqual(b.to_dict(), raw)
            self.assertEqual(list(b.span), raw["span"])
            self.assertEqual(b.keys(), list(raw))
            for key, value in raw.items():
                if key == "span":
                    continue
                if key == "dateline":
                    self.assertEqual(b.dateline, wirenews.Dateline(**value))
                else:
                    self.assertEqual(getattr(b, key), value, key)
                self.assertEqual(b[key], value)
            if "author" not in raw:
                self.assertIsNone(b.author)
        with self.assertRaises(AttributeError):
            a.blocks[0].no_such_key  # noqa: B018

    def test_tweet_and_related_fields(self) -> None:
        a = wirenews.parse(SAMPLE)
        t = a.tweets[0]
        self.assertEqual(t.handle, "HarbourFerries")
        self.assertEqual(t.date, "2021-06-01")
        self.assertTrue(all(isinstance(x, str) for x in t.links))
        r = a.related[0]
        self.assertEqual(r.label, "RELATED")
        self.assertIsNone(r.text)
        self.assertTrue(r.title)

    def test_body_text(self) -> None:
        a = wirenews.parse(SAMPLE)
        body = a.body_text
        for b in a.blocks:
            if b.type in ("paragraph", "subhead"):
                self.assertIn(b.text, body)
            elif b.type == "list":
                for item in b.items:
                    self.assertIn(item, body)
            elif b.type == "noise":
                self.assertNotIn(b.text, body.split("\n\n"))
        self.assertNotIn(a.headline, body)

    def test_to_json_is_the_library_output(self) -> None:
        a = wirenews.parse(SAMPLE)
        raw = wirenews.parse_to_json(SAMPLE)
        self.assertEqual(a.to_json().encode(), raw)
        self.assertEqual(json.loads(a.to_json(pretty=True)), a.to_dict())
        self.assertEqual(json.loads(wirenews.parse_to_json(SAMPLE, pretty=True)), a.to_dict())
        self.assertEqual(wirenews.Article.from_json(a.to_json()), a)

    def test_pickle_and_copy(self) -> None:
        import copy
        import pickle
        a = wirenews.parse(SAMPLE)
        a.blocks  # noqa: B018  (cached blocks must not get in the way)
        b = pickle.loads(pickle.dumps(a))
        self.assertEqual(b, a)
        self.assertEqual(b.to_json(), a.to_json())
        self.assertEqual(pickle.loads(pickle.dumps(a.blocks[4])), a.blocks[4])
        self.assertEqual(copy.deepcopy(a.blocks[1]), a.blocks[1])
        self.assertEqual(copy.copy(a), a)

    def test_str_and_bytes_agree(self) -> None:
        self.assertEqual(wirenews.parse(SAMPLE.decode("utf-8")).to_dict(),
                         wirenews.parse(SAMPLE).to_dict())
        self.assertEqual(wirenews.parse(bytearray(SAMPLE)), wirenews.parse(SAMPLE))
        self.assertEqual(wirenews.parse(memoryview(SAMPLE)), wirenews.parse(SAMPLE))

    def test_spans_are_utf8_offsets_of_str(self) -> None:
        a = wirenews.parse(STORY)
        data = STORY.encode("utf-8")
        self.assertTrue(covered(data, [b.span for b in a.blocks]))
        para = next(b for b in a.blocks if b.type == "paragraph")
        start, end = para.span
        self.assertIn("lanterns", data[start:end].decode("utf-8"))

    def test_non_utf8_input(self) -> None:
        data = ("Caf\xe9 owners cheer the new market hall\n\nThe market opens on Monday "
                "with forty stalls and a caf\xe9.\n").encode("latin-1")
        a = wirenews.parse(data)
        text = " ".join(b.text or "" for b in a.blocks)
        self.assertIn("\ufffd", text)
        self.assertTrue(covered(data, [b.span for b in a.blocks]))
        # the same bytes through str with surrogateescape give the same document
        s = data.decode("utf-8", "surrogateescape")
        self.assertEqual(wirenews.parse(s), a)
        # other lone surrogates are accepted too (read as U+FFFD)
        self.assertIn("\ufffd", wirenews.parse("Odd \ud800 text here.\n").blocks[0].text)

    def test_nul_and_empty_input(self) -> None:
        a = wirenews.parse(b"")
        self.assertEqual(a.blocks, ())
        self.assertIsNone(a.headline)
        self.assertEqual(a.body_text, "")
        b = wirenews.parse(b"A line with a \x00 byte in it.\n")
        self.assertEqual(len(b.blocks), 1)

    def test_options(self) -> None:
        dup = [b for b in wirenews.parse(STORY).blocks if b.reason == "duplicate"]
        self.assertEqual(len(dup), 1)
        kept = wirenews.parse(STORY, dedupe=False).blocks
        self.assertFalse([b for b in kept if b.reason == "duplicate"])
        decoded = wirenews.parse(STORY).body_text
        self.assertIn("\u00a35 \u2014", decoded)
        raw = wirenews.parse(STORY, decode_entities=False).body_text
        self.assertIn("&pound;5 &mdash;", raw)
        self.assertEqual(wirenews.parse(STORY, flags=0), wirenews.parse(
            STORY, dedupe=False, decode_entities=False))

    def test_errors(self) -> None:
        with self.assertRaises(wirenews.WirenewsError) as cm:
            wirenews.parse(SAMPLE, flags=1 << 7)
        self.assertEqual(cm.exception.status, wirenews.ERR_FLAGS)
        self.assertEqual(cm.exception.message, wirenews.strerror(wirenews.ERR_FLAGS))
        self.assertIn(cm.exception.message, str(cm.exception))
        with self.assertRaises(wirenews.WirenewsError):
            wirenews.parse_document(SAMPLE, flags=1 << 30)
        for bad in (None, 42, ["text"]):
            with self.assertRaises(TypeError):
                wirenews.parse(bad)  # type: ignore[arg-type]

    def test_threads(self) -> None:
        texts = [SAMPLE, STORY.encode(), b"Short note.\n"] * 20
        want = [wirenews.parse(t).to_dict() for t in texts]
        got: list[object] = [None] * len(texts)

        def work(k: int) -> None:
            for i in range(k, len(texts), 4):
                got[i] = wirenews.parse(texts[i]).to_dict()

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(got, want)


class DocumentTest(unittest.TestCase):
    def test_getters_match_json(self) -> None:
        for text in (SAMPLE, STORY, b"", "Just one line.\n"):
            with wirenews.parse_document(text) as d:
                self.assertEqual(d.to_dict(), wirenews.parse(text).to_dict())
                self.assertEqual(d.to_json(), wirenews.parse(text).to_json())
                self.assertEqual(d.input_size, len(wirenews._as_bytes(text)))

    def test_fields(self) -> None:
        a = wirenews.parse(SAMPLE)
        with wirenews.Document(SAMPLE) as d:
            self.assertEqual(d.headline, a.headline)
            self.assertEqual(d.dek, a.dek)
            self.assertEqual(d.byline, a.byline)
            self.assertEqual(d.published, a.published)
            self.assertEqual(d.dateline, a.dateline)
            self.assertEqual(len(d), len(a))
            self.assertEqual(d[-1].span, a.blocks[-1].span)
            self.assertEqual(d[0].type_code, 1 + wirenews.BLOCK_TYPES.index(d[0].type))
            with self.assertRaises(IndexError):
                d[len(d)]  # noqa: B018

    def test_write_json_streams(self) -> None:
        with wirenews.Document(SAMPLE) as d:
            out = io.BytesIO()
            d.write_json(out)
            self.assertEqual(out.getvalue().decode(), d.to_json())
            out = io.BytesIO()
            d.write_json(out, pretty=True)
            self.assertEqual(out.getvalue().decode(), d.to_json(pretty=True))

            class Broken(io.RawIOBase):
                def write(self, b: object) -> int:
                    raise OSError("disk full")

            with self.assertRaises(OSError):
                d.write_json(Broken())  # type: ignore[arg-type]

    def test_lifetime(self) -> None:
        d = wirenews.Document(SAMPLE)
        block = d[0]
        d.close()
        d.close()  # twice is fine
        self.assertTrue(d.closed)
        for use in (lambda: d.headline, lambda: len(d), lambda: block.text, d.to_json):
            with self.assertRaises(ValueError):
                use()
        self.assertEqual(repr(d), "<Document closed>")
        # __del__ releases a document nobody closed
        e = wirenews.Document(SAMPLE)
        del e

    def test_to_article(self) -> None:
        with wirenews.Document(SAMPLE) as d:
            self.assertEqual(d.to_article(), wirenews.parse(SAMPLE))


class CommandLineTest(unittest.TestCase):
    def test_cli_prints_the_library_json(self) -> None:
        sample = ROOT / "examples" / "sample-article.txt"
        out = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "wirenews.py"),
                              str(sample)], capture_output=True, check=True).stdout
        self.assertEqual(out, wirenews.parse_to_json(SAMPLE) + b"\n")
        parse = os.environ.get("WIRENEWS_PARSE")
        if parse and os.path.exists(parse):
            self.assertEqual(out, subprocess.run([parse, str(sample)], capture_output=True,
                                                 check=True).stdout)

    def test_cli_errors(self) -> None:
        r = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "wirenews.py"),
                            "/nonexistent/story.txt"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("/nonexistent/story.txt", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
