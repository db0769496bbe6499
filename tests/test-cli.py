#!/usr/bin/env python3
"""wirenews-parse as a user meets it: output, options, exit status, messages.

Usage: test-cli.py PATH/TO/wirenews-parse SAMPLE_ARTICLE
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

PROG = sys.argv[1] if len(sys.argv) > 1 else "build/examples/wirenews-parse"
SAMPLE = sys.argv[2] if len(sys.argv) > 2 else "examples/sample-article.txt"


def run(*args, stdin=b""):
    return subprocess.run([PROG, *args], input=stdin, capture_output=True, timeout=60)


class Cli(unittest.TestCase):
    def test_sample_article(self):
        r = run(SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["version"], 1)
        self.assertTrue(doc["headline"])
        types = {b["type"] for b in doc["blocks"]}
        for t in ("headline", "byline", "timestamp", "paragraph", "tweet", "related", "caption"):
            self.assertIn(t, types)
        self.assertEqual(r.stdout.count(b"\n"), 1)  # compact: one line

    def test_pretty_equals_compact(self):
        a = json.loads(run(SAMPLE).stdout)
        b = run("--pretty", SAMPLE)
        self.assertEqual(b.returncode, 0)
        self.assertGreater(b.stdout.count(b"\n"), 20)
        self.assertEqual(a, json.loads(b.stdout))

    def test_stdin(self):
        data = open(SAMPLE, "rb").read()
        for args in ((), ("-",)):
            r = run(*args, stdin=data)
            self.assertEqual(r.returncode, 0)
            self.assertEqual(json.loads(r.stdout), json.loads(run(SAMPLE).stdout))

    def test_options(self):
        text = b"Prices rose &mdash; again.\nPrices rose &mdash; again.\n"
        plain = json.loads(run(stdin=text).stdout)
        self.assertEqual(plain["blocks"][1]["type"], "noise")
        self.assertIn("\u2014", plain["blocks"][0]["text"])
        kept = json.loads(run("--no-dedupe", "--no-entities", stdin=text).stdout)
        self.assertEqual([b["type"] for b in kept["blocks"]], ["paragraph", "paragraph"])
        self.assertIn("&mdash;", kept["blocks"][0]["text"])

    def test_help_and_version(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        for word in (b"Usage:", b"--pretty", b"--no-dedupe", b"--no-entities", b"Exit status"):
            self.assertIn(word, r.stdout)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^wirenews-parse \d+\.\d+\.\d+ \(libwirenews \d+\.\d+\.\d+\)")

    def test_errors_name_the_file_and_reason(self):
        missing = os.path.join(tempfile.gettempdir(), "no-such-wirenews-article.txt")
        r = run(missing)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"")
        msg = r.stderr.decode()
        self.assertIn(missing, msg)
        self.assertIn("No such file", msg)
        self.assertEqual(msg.count("\n"), 1)
        with tempfile.TemporaryDirectory() as d:
            r = run(d)
            self.assertEqual(r.returncode, 2)
            self.assertIn(d, r.stderr.decode())
            self.assertIn("directory", r.stderr.decode())
        r = run("--bogus")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--bogus", r.stderr.decode())
        r = run(SAMPLE, SAMPLE)
        self.assertEqual(r.returncode, 2)

    @unittest.skipIf(os.geteuid() == 0, "root can read any file")
    def test_unreadable(self):
        with tempfile.NamedTemporaryFile() as f:
            os.chmod(f.name, 0)
            r = run(f.name)
            self.assertEqual(r.returncode, 2)
            self.assertIn("Permission denied", r.stderr.decode())

    def test_write_error(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "wb") as full:
            r = subprocess.run([PROG, SAMPLE], stdout=full, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"standard output", r.stderr)

    def test_hostile_input_never_crashes(self):
        for data in (b"", b"\x00" * 1000, bytes(range(256)) * 40, b"\r" * 5000, b"(@" * 50000,
                     b"\xff\xfe" * 3000, b"- " * 20000):
            r = run(stdin=data)
            self.assertEqual(r.returncode, 0)
            json.loads(r.stdout)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
