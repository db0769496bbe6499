"""Memory of the Python binding: parsing 10 000 documents in a loop leaves the
resident set flat, on the fast path, through the handle API (closed
explicitly, by ``with`` and by ``__del__``) and on the error path.

RSS is read from /proc/self/statm; without it the test exits 77 (skipped).
"""

from __future__ import annotations

import gc
import os
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "python"))
import wirenews  # noqa: E402

STATM = Path("/proc/self/statm")
LOOPS = 10_000
SLACK = 4 * 1024 * 1024  # bytes the RSS may grow by (allocator noise)

# An article written for the test: headline, byline, paragraphs, a list, a
# post, a related link and a repeat, a few kilobytes in all.
ARTICLE = "\n\n".join([
    "Orchard growers count the cost of a late frost",
    "By Mira Kovac, Northern Farm Weekly",
    "March 3, 2024 - 07:45",
    "ELDERTON (NFW) \u2014 Apple and pear growers in the upper valley lost up to a third of "
    "their blossom to two nights of frost last week, the growers' association said.",
    *(f"Grower number {i} said the frost came after a warm fortnight that had pushed the "
      f"buds open early, and that the fans and heaters bought after the 2017 frost were not "
      f"enough to save the lower rows of the orchard." for i in range(12)),
    "- Apples: about 30 percent of blossom lost\n- Pears: about 20 percent\n- Cherries: "
    "little damage",
    "Frost fans running all night again, fingers crossed for the lower rows "
    "pic.twitter.com/Ab12Cd34Ef\n\u2014 Valley Growers (@valleygrowers) March 1, 2024",
    "RELATED: How orchard fans work, and when they do not",
    "Orchard growers count the cost of a late frost",
])
DATA = ARTICLE.encode()


def rss() -> int:
    """Resident set size in bytes."""
    gc.collect()
    return int(STATM.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class FlatMemory(unittest.TestCase):
    def assert_flat(self, name: str, step: object) -> None:
        """Run step 10 000 times after a warm-up; fail if RSS grew past SLACK."""
        for _ in range(500):  # warm up: caches, allocator arenas
            step()  # type: ignore[operator]
        before = rss()
        for _ in range(LOOPS):
            step()  # type: ignore[operator]
        grown = rss() - before
        print(f"{name}: {LOOPS} documents, RSS {before / 2**20:.1f} MiB -> "
              f"{(before + grown) / 2**20:.1f} MiB")
        self.assertLess(grown, SLACK, f"{name}: RSS grew by {grown} bytes over {LOOPS} parses")

    def test_fast_path(self) -> None:
        def step() -> None:
            a = wirenews.parse(DATA)
            for b in a.blocks:
                (b.type, b.span, b.text)
            a.to_json()
        self.assert_flat("parse()", step)

    def test_str_input(self) -> None:
        self.assert_flat("parse(str)", lambda: wirenews.parse(ARTICLE).body_text)

    def test_handle_api(self) -> None:
        state = {"i": 0}

        def step() -> None:
            state["i"] += 1
            d = wirenews.Document(DATA)
            d[0].text  # noqa: B018
            if state["i"] % 3 == 0:
                d.close()
            elif state["i"] % 3 == 1:
                with d:
                    d.headline  # noqa: B018
            # else: released by __del__ when d goes out of scope
        self.assert_flat("Document", step)

    def test_error_path(self) -> None:
        def step() -> None:
            try:
                wirenews.parse(DATA, flags=1 << 9)
            except wirenews.WirenewsError:
                pass
            try:
                wirenews.Document(DATA, flags=1 << 9)
            except wirenews.WirenewsError:
                pass
        self.assert_flat("errors", step)


if __name__ == "__main__":
    if not STATM.exists():
        print("test_memory: /proc/self/statm not available, skipping")
        sys.exit(77)
    unittest.main(verbosity=2)
