#!/usr/bin/env python3
"""The amalgamation compiled into a program must give the library's JSON.

Usage: test-amalgamation.py AMALGAMATION_PARSE WIRENEWS_PARSE SAMPLE [CORPUS_DIR]
"""
import os
import subprocess
import sys


def main():
    amalg, lib, sample = sys.argv[1:4]
    corpus = sys.argv[4] if len(sys.argv) > 4 else ""
    files = [sample]
    if corpus and os.path.isdir(corpus):
        files += sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    else:
        print(f"corpus {corpus!r} not found: comparing on the sample article only")
    got = subprocess.run([amalg, *files], capture_output=True, check=True).stdout.splitlines()
    for path, line in zip(files, got):
        want = subprocess.run([lib, path], capture_output=True, check=True).stdout.strip()
        if line != want:
            print(f"{path}: amalgamation output differs from the library's", file=sys.stderr)
            return 1
    if len(got) != len(files):
        print("amalgamation-parse printed the wrong number of documents", file=sys.stderr)
        return 1
    print(f"{len(files)} articles: amalgamation and library agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
