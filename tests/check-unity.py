#!/usr/bin/env python3
"""Check that libwirenews is compiled as one unit.

    check-unity.py BUILD_ROOT SOURCE...

lib/meson.build builds the library with meson's unity build (one generated
file that #includes every source), so that the recognizers' calls into
lex.c, common.c and the other helpers can be inlined: about 3 % of a
parse (BENCHMARKS.md). Losing it costs nothing visible but time, so this
test reads meson's introspection data and fails when a wirenews library
target compiles its sources one by one, or when its unity file leaves out
one of SOURCE (the library's sources, as lib/meson.build lists them).
"""
import json
import os
import re
import sys


def fail(msg):
    print(f"check-unity: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) < 3:
        fail("usage: check-unity.py BUILD_ROOT SOURCE...")
    root, sources = sys.argv[1], sys.argv[2:]
    intro = os.path.join(root, "meson-info", "intro-targets.json")
    try:
        with open(intro, encoding="utf-8") as f:
            targets = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{intro}: cannot read meson's introspection data ({e})")
    libs = [t for t in targets
            if t["name"] == "wirenews" and t["type"] in ("shared library", "static library")]
    if not libs:
        fail(f"{intro}: no wirenews library target")
    want = {os.path.realpath(s) for s in sources}
    for t in libs:
        name = f"{t['name']} ({t['type']})"
        plain = [s for ts in t["target_sources"] for s in ts.get("sources", [])
                 if s.endswith(".c")]
        unity = [s for ts in t["target_sources"] for s in ts.get("generated_sources", [])
                 if re.search(r"-unity\d+\.c$", s)]
        if plain:
            fail(f"{name} compiles {len(plain)} sources one by one "
                 f"(e.g. {os.path.basename(plain[0])}): lib/meson.build should build "
                 "it with override_options : ['unity=on', ...]")
        if not unity:
            # with default_library=both the static library is made of the
            # shared one's objects and compiles nothing of its own
            print(f"{name}: compiles nothing (the other library's objects)")
            continue
        if len(unity) != 1:
            fail(f"{name}: {len(unity)} unity files, want one (unity_size below the "
                 "number of sources?)")
        with open(unity[0], encoding="utf-8") as f:
            text = f.read()
        included = {os.path.realpath(m)
                    for m in re.findall(r"#include\s*[<\"]([^>\"]+)[>\"]", text)}
        missing = sorted(os.path.basename(s) for s in want - included)
        if missing:
            fail(f"{name}: {unity[0]} does not include {', '.join(missing)}")
        print(f"{name}: one unit of {len(included)} sources")


if __name__ == "__main__":
    main()
