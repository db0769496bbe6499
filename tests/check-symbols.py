#!/usr/bin/env python3
"""Fail if libwirenews exports any symbol not prefixed wn_ (or a version node).

Usage: check-symbols.py LIBWIRENEWS.so [LIBWIRENEWS.a]
"""
import subprocess
import sys


def defined_globals(path):
    if path.endswith(".a"):
        args = ["nm", "-g", "--defined-only", path]
    else:
        args = ["nm", "-D", "--defined-only", path]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue  # archive member headers and blank lines
        kind, name = parts[-2], parts[-1]
        yield kind, name.split("@")[0]


def main():
    bad = []
    for path in sys.argv[1:]:
        names = list(defined_globals(path))
        if not any(n.startswith("wn_parse") for _, n in names):
            print(f"{path}: wn_parse is not exported", file=sys.stderr)
            return 1
        for kind, name in names:
            if name.startswith("wn_") or (kind == "A" and name.startswith("WIRENEWS_")):
                continue
            if name.startswith("__odr_asan.wn_"):
                continue  # AddressSanitizer's ODR indicator of a wn_ global (-fsanitize=address)
            bad.append(f"{path}: {kind} {name}")
        print(f"{path}: {len(names)} exported symbols checked")
    for b in bad:
        print("unprefixed symbol:", b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
