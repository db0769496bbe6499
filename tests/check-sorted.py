#!/usr/bin/env python3
"""Word lists that the library looks up by bisection must stay sorted.

Finds every `static const char *const NAME[] = {...}` in lib/ whose comment
just above says "sorted", and checks its strings are lower case, unique and
in byte order (the bytes the C compiler makes of them), none empty (the
lookup answers no for empty text without comparing); when the comment
says "no entry a prefix of another", that too. Usage: check-sorted.py LIB_DIR
"""
import os
import re
import sys

ARRAY = re.compile(r"/\*((?:(?!\*/).)*)\*/\s*static const char \*const (\w+)\[\] = \{(.*?)\};",
                   re.S)


def main():
    bad, checked = 0, 0
    for root, _, files in os.walk(sys.argv[1]):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(root, name)
            src = open(path, encoding="utf-8").read()
            for comment, var, body in ARRAY.findall(src):
                if "sorted" not in comment:
                    continue
                items = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
                checked += 1
                # the bytes the C compiler makes of each literal (\xHH escapes)
                keys = [s.encode("latin-1").decode("unicode_escape").encode("latin-1")
                        for s in items]
                for a, b in zip(keys, keys[1:]):
                    if not a < b:
                        print(f"{path}: {var}: {a!r} must come before {b!r}", file=sys.stderr)
                        bad += 1
                if "prefix" in comment:  # "no entry a prefix of another"
                    for a in keys:
                        for b in keys:
                            if a != b and b.startswith(a):
                                print(f"{path}: {var}: {a!r} is a prefix of {b!r}",
                                      file=sys.stderr)
                                bad += 1
                for s in items:
                    if not s:
                        print(f"{path}: {var}: an empty entry", file=sys.stderr)
                        bad += 1
                    if s != s.lower():
                        print(f"{path}: {var}: {s!r} is not lower case", file=sys.stderr)
                        bad += 1
    print(f"{checked} sorted lists checked")
    if checked == 0:
        print("no sorted lists found", file=sys.stderr)
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
