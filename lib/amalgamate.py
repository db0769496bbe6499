#!/usr/bin/env python3
"""Build the single-file amalgamation of libwirenews: wirenews.c + wirenews.h.

    amalgamate.py OUTDIR SOURCE_ROOT VERSION_HEADER

wirenews.h is include/wirenews.h with wirenews_version.h inlined; wirenews.c
is every source of lib/ in pipeline order with the private headers inlined
once. Compile wirenews.c with utf8proc into your own program:

    cc -c wirenews.c $(pkg-config --cflags libutf8proc)
"""
import os
import re
import sys

ORDER = [
    "mem.c", "lex.c", "hash.c", "entities.c", "clean.c", "dates.c", "urls.c", "lines.c",
    "wrap.c", "units.c",
    "recognizers/common.c", "recognizers/tweet.c", "recognizers/timestamp.c",
    "recognizers/noise.c", "recognizers/caption.c", "recognizers/related.c",
    "recognizers/byline.c", "recognizers/list.c", "recognizers/repeat.c",
    "recognizers/context.c", "recognizers/headline.c", "recognizers/subhead.c",
    "recognizers/dateline.c", "assemble.c", "doc.c", "json.c", "api.c",
]
LOCAL = re.compile(r'^\s*#\s*include\s+"([^"]+)"\s*$')


def inline(path, seen, out, search):
    """Append path to out, inlining local includes found in `search` once."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LOCAL.match(line)
            if not m:
                out.append(line)
                continue
            name = os.path.basename(m.group(1))
            target = next((os.path.join(d, name) for d in search
                           if os.path.exists(os.path.join(d, name))), None)
            if target is None:
                raise SystemExit(f"amalgamate: {path}: cannot find {m.group(1)}")
            if name in seen:
                continue
            seen.add(name)
            out.append(f"/* ---- {name} ---- */\n")
            inline(target, seen, out, search)


def main():
    outdir, root, version_h = sys.argv[1], sys.argv[2], sys.argv[3]
    lib = os.path.join(root, "lib")
    search = [os.path.dirname(version_h), os.path.join(root, "include"), lib,
              os.path.join(lib, "recognizers")]
    head = ["/* wirenews.h - amalgamated public header of libwirenews (generated). */\n"]
    inline(os.path.join(root, "include", "wirenews.h"), {"wirenews.h"}, head, search)
    with open(os.path.join(outdir, "wirenews.h"), "w", encoding="utf-8") as f:
        f.writelines(head)
    body = ["/* wirenews.c - amalgamation of libwirenews (generated from lib/; do not edit). */\n",
            "#ifndef WN_BUILDING\n#define WN_BUILDING 1\n#endif\n"]
    seen = {"wirenews.h", "wirenews_version.h"}
    body.append('#include "wirenews.h"\n')
    for name in ORDER:
        body.append(f"/* ==== lib/{name} ==== */\n")
        inline(os.path.join(lib, name), seen, body, search)
    sources = set(ORDER)
    found = {os.path.relpath(os.path.join(dp, fn), lib) for dp, _, fns in os.walk(lib)
             for fn in fns if fn.endswith(".c")}
    if found != sources:
        raise SystemExit(f"amalgamate: lib/ sources and ORDER differ: {sorted(found ^ sources)}")
    with open(os.path.join(outdir, "wirenews.c"), "w", encoding="utf-8") as f:
        f.writelines(body)


if __name__ == "__main__":
    main()
