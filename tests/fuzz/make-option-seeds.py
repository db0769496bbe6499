#!/usr/bin/env python3
"""Write seeds for fuzz-options: articles from tests/fuzz/seeds with the four
control bytes fuzz-options reads from the end of its input (see the comment
at the top of fuzz-options.c), one file per article and variant.

Usage: make-option-seeds.py SEED_DIR OUT_DIR
"""
import os
import sys

# c3 c2 c1 c0 -- c0 is the last byte of the input
VARIANTS = {
    'plain': (0x00, 0x00, 0x00, 0x03),      # default flags, no failure
    'pretty': (0x00, 0x00, 0x00, 0x07),     # pretty JSON
    'noflags': (0x00, 0x00, 0x00, 0x00),    # no dedupe, no entities
    'fail7': (0x00, 0x00, 0x07, 0x03),      # fail the 7th allocation of the parse
    'failfrom3': (0x40, 0x00, 0x03, 0x01),  # fail every allocation from the 3rd on
    'fail300': (0x00, 0x81, 0x2C, 0x03),    # fail the 300th allocation (1 * 256 + 44)
    'render2': (0x02, 0x00, 0x00, 0x02),    # fail the 2nd rendering allocation and write
    'oldstruct': (0x00, 0x00, 0x00, 0x0B),  # an options struct without the allocator
    'badflags': (0x00, 0x00, 0x05, 0x73),   # an unknown flag bit
    'tiny': (0x00, 0x00, 0x00, 0x83),       # a struct too small for the flags
}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), 'rb') as f:
            data = f.read()
        stem = name.rsplit('.', 1)[0]
        for variant, tail in VARIANTS.items():
            with open(os.path.join(out, '%s-%s.bin' % (stem, variant)), 'wb') as f:
                f.write(data + bytes(tail))


if __name__ == '__main__':
    main()
