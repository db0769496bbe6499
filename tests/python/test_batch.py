"""Tests of the batch tool (examples/batch/wirenews-batch).

Covers: output in input order with ids carried through, for -j 1, 2 and 4
and a tiny reorder window; results equal to wirenews-parse's; every JSON
string escape; bad records (not JSON, field missing, not a string, too
long) as error records with the run going on; the exit status (0, 1,
--bad-records-ok, 2); files and directories; custom field names; blank
lines, CRLF and a BOM; write errors; and flat memory on a long input.

The tool is WIRENEWS_BATCH, the reference WIRENEWS_PARSE (both set by
meson). Article text is written for the test.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path
from typing import Any

BATCH = os.environ.get("WIRENEWS_BATCH", "")
PARSE = os.environ.get("WIRENEWS_PARSE", "")

PLACES = ["ASHFORD", "BRAMLEY", "COLDWATER", "DUNMORE", "EASTWICK"]


def article(i: int) -> str:
    """A small article written for the test; i picks one of 25 variants."""
    place = PLACES[i % 5]
    return (f"Council number {i % 25} approves a plan for the {place.title()} riverside\n"
            f"By Ada Brenner {i % 3}, County Mirror\n\n"
            f"{place} (Mirror) \u2014 The council voted {i % 25} to 2 on Tuesday to turn the "
            f"old warehouses into homes and a park.\n\n"
            f"Work is due to begin next spring, a spokesperson said, and to take two years.\n")


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run the batch tool."""
    return subprocess.run([BATCH, *args], input=stdin, capture_output=True, timeout=300)


def lines(out: bytes) -> list[dict[str, Any]]:
    """Decode JSON Lines output; every line must be JSON."""
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


_reference: dict[str, Any] = {}


def reference(text: str) -> Any:
    """wirenews-parse's document for a text (cached)."""
    if text not in _reference:
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            f.write(text.encode("utf-8", "surrogatepass"))
            f.flush()
            out = subprocess.run([PARSE, f.name], capture_output=True, check=True).stdout
        _reference[text] = json.loads(out)
    return _reference[text]


class Ordering(unittest.TestCase):
    def test_order_and_ids_for_any_job_count(self) -> None:
        ids: list[Any] = [i if i % 4 else {"n": i, "tag": "x\"y"} for i in range(600)]
        ids[5] = None
        ids[6] = "caf\u00e9 \U0001F600"
        ids[7] = [1, 2.5e3, True]
        recs = b"".join(json.dumps({"text": article(i), "id": ids[i], "other": [i]}).encode()
                        + b"\n" for i in range(600))
        outputs = []
        for args in (["-j", "1"], ["-j", "2"], ["--jobs=4", "--window", "3"], ["-j2", "-q"]):
            r = run(args, recs)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stderr, b"")  # not a terminal: quiet
            outputs.append(r.stdout)
        self.assertTrue(all(o == outputs[0] for o in outputs))
        got = lines(outputs[0])
        self.assertEqual([g["id"] for g in got], ids)
        for i in (0, 1, 7, 24, 599):
            self.assertEqual(got[i]["result"], reference(article(i)))
        self.assertEqual(sorted(got[0]), ["id", "result"])

    def test_results_equal_wirenews_parse(self) -> None:
        texts = [article(i) for i in range(25)]
        recs = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
        got = lines(run([], recs.encode()).stdout)
        self.assertEqual([g["result"] for g in got], [reference(t) for t in texts])


class Decoding(unittest.TestCase):
    def test_string_escapes(self) -> None:
        text = ("Quotes \" and \\ and / \b\f\ttab\r\nline two caf\u00e9 \u2014 \U0001F600 "
                "end.\n")
        # ensure_ascii: every non-ASCII character as \\u escapes, astral as pairs
        rec = json.dumps({"id": 1, "text": text}, ensure_ascii=True).replace("/", "\\/")
        got = lines(run([], rec.encode() + b"\n").stdout)
        self.assertEqual(got[0]["result"], reference(text))
        # the same text with raw UTF-8 in the record
        got = lines(run([], json.dumps({"id": 1, "text": text}, ensure_ascii=False)
                        .encode() + b"\n").stdout)
        self.assertEqual(got[0]["result"], reference(text))

    def test_special_bytes_at_every_offset(self) -> None:
        # each kind of byte a string cannot hold as it is, after 0..40 plain
        # bytes: the reader tests many bytes at a time, and must stop at the
        # first special one wherever it falls in a step
        specials = ["\"", "\\", "\n", "\u2014", "caf\u00e9"]
        texts = [("Plain words come first " * 2)[:k] + sp + " and the story goes on to its end.\n"
                 for sp in specials for k in range(41)]
        recs = b"".join(json.dumps({"id": i, "text": t}, ensure_ascii=a).encode() + b"\n"
                        for a in (True, False) for i, t in enumerate(texts))
        r = run([], recs)
        self.assertEqual(r.returncode, 0, r.stderr)
        got = lines(r.stdout)
        self.assertEqual([g["result"] for g in got], [reference(t) for t in texts] * 2)
        # a raw control byte is an error that names its byte, at any offset
        head = b'{"id":0,"text":"'
        for k in range(41):
            rec = head + b"x" * k + b"\x01" + b"y" * 20 + b'"}\n'
            g = lines(run([], rec).stdout)[0]
            self.assertIn(f"control character in string at byte {len(head) + k + 1}", g["error"])

    def test_lone_surrogates_become_replacement(self) -> None:
        rec = b'{"id":1,"text":"Lone \\ud800 high and \\udc00 low; pair \\ud83d\\ude00."}\n'
        got = lines(run([], rec).stdout)
        self.assertEqual(got[0]["result"],
                         reference("Lone \ufffd high and \ufffd low; pair \U0001F600."))

    def test_blank_lines_crlf_and_bom(self) -> None:
        recs = (b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": article(1)}).encode()
                + b"\r\n\r\n   \n" + json.dumps({"id": "b", "text": article(2)}).encode())
        r = run([], recs)  # no newline at the very end either
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([g["id"] for g in lines(r.stdout)], ["a", "b"])

    def test_field_names(self) -> None:
        recs = json.dumps({"url": "https://example.org/x", "body": article(3),
                           "text": 5}).encode() + b"\n"
        r = run(["--id-field", "url", "--text-field=body"], recs)
        self.assertEqual(r.returncode, 0, r.stderr)
        got = lines(r.stdout)[0]
        self.assertEqual(got["id"], "https://example.org/x")
        self.assertEqual(got["result"], reference(article(3)))


class BadRecords(unittest.TestCase):
    BAD = [
        (b"this is not json", "not JSON"),
        (b'{"id": 2}', 'field "text" is missing'),
        (b'{"id": 3, "text": 42}', 'field "text" is a number, not a string'),
        (b'{"id": 4, "text": null}', 'field "text" is null, not a string'),
        (b'{"id": 5, "text": ["a"]}', 'field "text" is an array, not a string'),
        (b'["id", 6]', "record is an array, not a JSON object"),
        (b'{"id": 7, "text": "unterminated', "unterminated string"),
        (b'{"id": 8, "text": "ok"} trailing', "text after the record"),
        (b'{"id": 9, "text": "bad \\x escape"}', "bad escape"),
        (b'{"id": 10, "text": "raw \x01 control"}', "control character"),
        (b'{"id": 11 "text": "x"}', "expected ',' or '}'"),
        (b'{"id": 12, "text": "x", "deep": ' + b"[" * 600 + b"]" * 600 + b"}", "nested too deeply"),
    ]

    def test_error_records_and_exit_status(self) -> None:
        good = json.dumps({"id": "good", "text": article(0)}).encode()
        recs = b"\n".join([good] + [b for b, _ in self.BAD] + [good]) + b"\n"
        r = run([], recs)
        self.assertEqual(r.returncode, 1)
        got = lines(r.stdout)
        self.assertEqual(len(got), len(self.BAD) + 2)
        self.assertIn("result", got[0])
        self.assertIn("result", got[-1])
        for k, ((_, reason), g) in enumerate(zip(self.BAD, got[1:-1])):
            line = k + 2
            self.assertEqual(sorted(g), ["error", "id", "line"], g)
            self.assertIn(reason, g["error"])
            self.assertTrue(g["error"].startswith(f"(standard input):{line}: "), g["error"])
            self.assertEqual(g["line"], line)
        # the id is carried through when the record could be read
        self.assertEqual([g["id"] for g in got[1:4]], [None, 2, 3])
        self.assertIn(f"{len(self.BAD)} of {len(self.BAD) + 2} records failed".encode(), r.stderr)
        # --bad-records-ok: same output, exit 0; -q: nothing on stderr
        r2 = run(["--bad-records-ok", "-q"], recs)
        self.assertEqual((r2.returncode, r2.stdout, r2.stderr), (0, r.stdout, b""))

    def test_too_long_record(self) -> None:
        long = json.dumps({"id": "long", "text": "word " * 5000}).encode()
        recs = b"\n".join([json.dumps({"id": 1, "text": article(1)}).encode(), long,
                           json.dumps({"id": 3, "text": article(3)}).encode()]) + b"\n"
        r = run(["--max-record", "4K"], recs)
        self.assertEqual(r.returncode, 1)
        got = lines(r.stdout)
        self.assertEqual(["result" in g for g in got], [True, False, True])
        self.assertIn("longer than --max-record", got[1]["error"])
        self.assertEqual(got[1]["line"], 2)
        # a line longer than the read buffer, streamed through a pipe
        huge = json.dumps({"id": "h", "text": "word " * 600_000}).encode()
        r = run(["--max-record", "1M"], huge + b"\n" + recs)
        self.assertEqual([("error" in g) for g in lines(r.stdout)], [True, False, False, False])


class FilesAndErrors(unittest.TestCase):
    def test_files_and_directories(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "b" / "deeper").mkdir(parents=True)
            (root / "b" / "2.txt").write_text(article(2))
            (root / "b" / "deeper" / "3.txt").write_text(article(3))
            (root / "a.txt").write_text(article(1))
            (root / "notes.json").write_text("{}")
            (root / ".hidden.txt").write_text(article(4))
            (root / "single.dat").write_text(article(5))
            r = run([str(root), str(root / "single.dat"), str(root / "missing.txt")])
            self.assertEqual(r.returncode, 1)
            got = lines(r.stdout)
            self.assertEqual([g["id"] for g in got], [
                str(root / "a.txt"), str(root / "b" / "2.txt"), str(root / "b/deeper/3.txt"),
                str(root / "single.dat"), str(root / "missing.txt")])
            self.assertEqual(got[0]["result"], reference(article(1)))
            self.assertEqual(got[3]["result"], reference(article(5)))
            self.assertIn("missing.txt: cannot read: No such file", got[4]["error"])
            self.assertNotIn("line", got[4])
            r = run(["--ext", "", "-q", str(root)])
            self.assertEqual(len(lines(r.stdout)), 5)  # every visible file, notes.json too

    def test_jsonl_files(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            one, two = Path(tmp, "one.jsonl"), Path(tmp, "two.jsonl")
            one.write_text(json.dumps({"id": 1, "text": article(1)}) + "\n")
            two.write_text(json.dumps({"id": 2, "text": article(2)}) + "\nnot json\n")
            stdin = json.dumps({"id": "stdin", "text": article(9)}).encode() + b"\n"
            r = run(["--jsonl", str(one), "-", str(two)], stdin)
            self.assertEqual(r.returncode, 1)
            got = lines(r.stdout)
            self.assertEqual([g["id"] for g in got], [1, "stdin", 2, None])
            self.assertEqual(got[3]["error"], f"{two}:2: not JSON: unexpected character at byte 1")
            r = run(["--jsonl", str(one), str(Path(tmp, "absent.jsonl"))])
            self.assertEqual(r.returncode, 2)
            self.assertIn(b"absent.jsonl: No such file or directory", r.stderr)

    def test_usage(self) -> None:
        r = run(["--help"])
        self.assertEqual(r.returncode, 0)
        for word in (b"--jobs", b"--id-field", b"--text-field", b"Exit status", b"\"error\""):
            self.assertIn(word, r.stdout)
        for args in (["--frobnicate"], ["-j", "0"], ["-j"], ["--window", "x"],
                     ["--max-record", "12Q"]):
            r = run(args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(b"try --help", r.stderr)
        self.assertIn(b"libwirenews", run(["--version"]).stdout)

    @unittest.skipUnless(os.path.exists("/dev/full"), "no /dev/full")
    def test_write_error(self) -> None:
        recs = b"".join(json.dumps({"id": i, "text": article(i)}).encode() + b"\n"
                        for i in range(200))
        with open("/dev/full", "wb") as full:
            r = subprocess.run([BATCH], input=recs, stdout=full, stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"standard output: No space left on device", r.stderr)


class Memory(unittest.TestCase):
    def peak_rss_kib(self, records: int, jobs: str) -> int:
        """Stream `records` records through the tool; its peak RSS in KiB."""
        proc = subprocess.Popen([BATCH, "-q", "-j", jobs], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE)
        chunk = b"".join(json.dumps({"id": i, "text": article(i)}).encode() + b"\n"
                         for i in range(100))

        def feed() -> None:
            assert proc.stdin is not None
            for _ in range(records // 100):
                proc.stdin.write(chunk)
            proc.stdin.close()

        def drain(count: list[int]) -> None:
            assert proc.stdout is not None
            for _ in proc.stdout:
                count[0] += 1
            proc.stdout.close()

        count = [0]
        threads = [threading.Thread(target=feed), threading.Thread(target=drain, args=(count,))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(count[0], records)
        return usage.ru_maxrss

    def test_memory_is_flat(self) -> None:
        small = self.peak_rss_kib(1_000, "2")
        large = self.peak_rss_kib(40_000, "2")
        print(f"peak RSS: 1 000 records {small} KiB, 40 000 records {large} KiB")
        self.assertLess(large, small + 8 * 1024)


if __name__ == "__main__":
    if not BATCH or not os.path.exists(BATCH) or not PARSE or not os.path.exists(PARSE):
        print("test_batch: WIRENEWS_BATCH and WIRENEWS_PARSE must name the built programs; "
              "skipping")
        sys.exit(77)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    unittest.main(verbosity=2)
