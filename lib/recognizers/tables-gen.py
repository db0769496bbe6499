#!/usr/bin/env python3
"""Generate lib/recognizers/tables.h: lookup tables of word lists, built
when compiling instead of once per document.

The lists stay where they are read (noise.c, byline.c, related.c, and for
the keys of the sorted lists also common.c, urls.c, dates.c, units.c);
this script reads them from the C sources, computes what
wn_phrases_init(), wn_lead_pairs_init(), wn_sorted_keys() and the
networks' initials would build at run time (the same folding, hash and
insertion order as lib/lex.c), and prints the header. Run after changing
one of the lists:

    python3 lib/recognizers/tables-gen.py lib > lib/recognizers/tables.h

With --check it compares instead and fails when the header is out of date
(the test "generated-tables").
"""
import os
import re
import sys

PHRASE_KEY = 8        # WN_PHRASE_KEY
PHRASE_HASH_BITS = 10  # WN_PHRASE_HASH_BITS
PHRASE_FILTER_BITS = 13  # WN_PHRASE_FILTER_BITS
PHRASE_NIB = 6        # WN_PHRASE_NIB
MAX_PHRASES = 200     # WN_MAX_PHRASES
NET_LEN = 16          # WN_NET_LEN (noise.c)
MASK64 = (1 << 64) - 1


def c_strings(body):
    """The byte strings of a C array initializer: escapes decoded as the
    compiler does, adjacent literals joined, comments skipped."""
    body = re.sub(rb"/\*.*?\*/", b"", body, flags=re.S)
    out, cur, i, in_entry = [], b"", 0, False
    while i < len(body):
        c = body[i:i + 1]
        if c == b'"':
            i += 1
            while body[i:i + 1] != b'"':
                if body[i:i + 1] == b"\\":
                    e = body[i + 1:i + 2]
                    if e == b"x":
                        j = i + 2
                        while j < len(body) and body[j:j + 1] in b"0123456789abcdefABCDEF":
                            j += 1
                        v = int(body[i + 2:j], 16)
                        if v > 0xFF:
                            raise SystemExit(f"tables-gen: hex escape out of range: {body[i:j]!r}")
                        cur += bytes([v])
                        i = j
                        continue
                    cur += {b"n": b"\n", b"t": b"\t", b"\\": b"\\", b'"': b'"',
                            b"'": b"'"}[e]
                    i += 2
                    continue
                cur += body[i:i + 1]
                i += 1
            i += 1
            in_entry = True
        elif c == b",":
            if in_entry:
                out.append(cur)
            cur, in_entry = b"", False
            i += 1
        else:
            i += 1
    if in_entry:
        out.append(cur)
    return out


def c_list(lib, source, name):
    src = open(os.path.join(lib, "recognizers", source), "rb").read()
    m = re.search(rb"static const char \*const " + name.encode() + rb"\[\] = \{(.*?)\};", src, re.S)
    if not m:
        raise SystemExit(f"tables-gen: no list {name} in {source}")
    return c_strings(m.group(1))


def phrase_table(phrases):
    slot = [0] * (1 << PHRASE_HASH_BITS)
    filt = [0] * ((1 << PHRASE_FILTER_BITS) // 64)
    nib = [[0] * 16 for _ in range(PHRASE_NIB)]
    nxt, keys, idx, shorter = [], [], [], []
    for np, ph in enumerate(phrases[:MAX_PHRASES]):
        if len(ph) < PHRASE_KEY:
            shorter.append(np)
            continue
        key = int.from_bytes(ph[:PHRASE_KEY], "little") | 0x2020202020202020
        product = (key * 0x9E3779B97F4A7C15) & MASK64
        h = product >> (64 - PHRASE_HASH_BITS)
        f = product >> (64 - PHRASE_FILTER_BITS)
        filt[f // 64] |= 1 << (f % 64)
        for b in range(PHRASE_NIB):  # the bucket: WN_PHRASE_BUCKET
            nib[b][(key >> (8 * b)) & 15] |= 1 << ((key >> 8) & 7)
        keys.append(key)
        idx.append(np)
        nxt.append(slot[h])
        slot[h] = len(keys)
    return filt, nib, slot, nxt, keys, idx, shorter


def lead_pairs(entries):
    second, any_ = [0] * 26, 0
    for e in entries:
        a = e[0] - ord("a")
        b = (e[1] - ord("a")) if 0 <= a < 26 and len(e) > 1 else -1
        if 0 <= b < 26:
            second[a] |= 1 << b
        else:
            any_ = 1
    return second, any_


def initials(names):
    first_by_len, any_ = [0] * NET_LEN, 0
    for e in names:
        first = e[0] - ord("a")
        if len(e) < NET_LEN and 0 <= first < 26:
            first_by_len[len(e)] |= 1 << first
        else:
            any_ = 1
    return first_by_len, any_


def sparse(values, fmt="{}"):
    items = [f"[{k}] = " + fmt.format(v) for k, v in enumerate(values) if v]
    return "{" + ", ".join(items) + "}" if items else "{0}"


def dense(values, fmt="{}"):
    return "{" + ", ".join(fmt.format(v) for v in values) + "}" if values else "{0}"


# The lists looked up with WN_SORTED_IN (lib/internal.h), by the source
# beside the recognizers that holds each: the first two bytes of every
# entry, which the bisection reads instead of the entries.
SORTED_LISTS = [
    ("../urls.c", "generic_tlds"), ("../dates.c", "filler"), ("../units.c", "abbreviations"),
    ("common.c", "agencies"), ("noise.c", "counter_words"), ("noise.c", "networks"),
    ("noise.c", "boilerplate_lines"), ("related.c", "strong_labels"),
    ("related.c", "weak_labels"), ("byline.c", "org_words"), ("byline.c", "role_words"),
]


def pair_keys(entries):
    """wn_pair_key() of each entry: its first byte, then its second (0 after
    a one-byte entry)."""
    return [e[0] << 8 | (e[1] if len(e) > 1 else 0) for e in entries]


def header(lib):
    phrases = c_list(lib, "noise.c", "boilerplate_phrases")
    filt, nib, slot, nxt, keys, idx, shorter = phrase_table(phrases)
    share, share_any = lead_pairs(c_list(lib, "noise.c", "share_leads"))
    reporters, reporters_any = lead_pairs(c_list(lib, "byline.c", "reporter_leads"))
    labels, labels_any = lead_pairs(c_list(lib, "related.c", "strong_labels") +
                                    c_list(lib, "related.c", "weak_labels"))
    nets, nets_any = initials(c_list(lib, "noise.c", "networks"))
    lines = [
        "/* Generated by lib/recognizers/tables-gen.py from the word lists of lib/;",
        " * do not edit. After changing one of those lists run",
        " *   python3 lib/recognizers/tables-gen.py lib > lib/recognizers/tables.h",
        " * (the test \"generated-tables\" fails while this file is out of date). */",
        "/* clang-format off */",
        "",
        "/* wn_phrases of boilerplate_phrases (noise.c) */",
        "#define WN_BOILERPLATE_PHRASES { \\",
        "    .list = boilerplate_phrases, \\",
        f"    .filter = {sparse(filt, '0x{:X}ull')}, \\",
        "    .nib = {" + ", ".join(dense(b, "0x{:02X}") for b in nib) + "}, \\",
        f"    .slot = {sparse(slot)}, \\",
        f"    .next = {dense(nxt)}, \\",
        f"    .key = {dense(keys, '0x{:016X}ull')}, \\",
        f"    .idx = {dense(idx)}, \\",
        f"    .shorter = {dense(shorter)}, \\",
        f"    .nkeys = {len(keys)}, .nshort = {len(shorter)}}}",
        "",
        "/* wn_lead_pairs of share_leads (noise.c) and of reporter_leads (byline.c) */",
        f"#define WN_SHARE_LEAD_PAIRS {{{dense(share, '0x{:X}u')}, {share_any}}}",
        f"#define WN_REPORTER_LEAD_PAIRS {{{dense(reporters, '0x{:X}u')}, {reporters_any}}}",
        "/* wn_lead_pairs of strong_labels and weak_labels together (related.c) */",
        f"#define WN_LABEL_LEAD_PAIRS {{{dense(labels, '0x{:X}u')}, {labels_any}}}",
        "",
        "/* by length, the first letters of networks (noise.c); whether some name",
        " * has no place there */",
        f"#define WN_NETWORK_INITIALS {sparse(nets)}",
        f"#define WN_NETWORK_ANY {nets_any}",
        "",
        "/* the first two bytes of each entry of the lists looked up by bisection",
        " * (WN_SORTED_KEYS in internal.h) */",
    ]
    for source, name in SORTED_LISTS:
        keys = pair_keys(c_list(lib, source, name))
        lines.append(f"#define WN_KEYS_{name.upper()} {dense(keys, '0x{:04X}')} /* {source.lstrip('./')} */")
    lines += [
        "/* clang-format on */",
        "",
    ]
    return "\n".join(lines)


def main():
    args = sys.argv[1:]
    check = bool(args) and args[0] == "--check"
    if check:
        args = args[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    lib = args[0]
    text = header(lib)
    if not check:
        sys.stdout.write(text)
        return 0
    path = os.path.join(lib, "recognizers", "tables.h")
    have = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if have != text:
        print(f"{path} is out of date with the lists it is built from; run\n"
              f"  python3 lib/recognizers/tables-gen.py lib > lib/recognizers/tables.h",
              file=sys.stderr)
        return 1
    print(f"{path} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
