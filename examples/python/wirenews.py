"""wirenews - Python binding for libwirenews (ctypes, standard library only).

Parse a plain-text news article into its structure::

    import wirenews
    article = wirenews.parse(open("story.txt", "rb").read())
    print(article.headline, article.published)
    for block in article.blocks:
        print(block.type, block.span, block.text)

The fast path is one ctypes call per article: the library parses and renders
the JSON of OUTPUT.md in C (``wn_parse_to_json``), the buffer is copied and
released at once, and ``json.loads`` decodes it; :class:`Article` and its
:class:`Block` objects are built lazily from that dict. No getter is called
per field, so the binding costs a few microseconds per article on top of
the parse itself.

For callers who want the C handle API instead (for example to read only a
few fields of very large documents), :func:`parse_document` returns a
:class:`Document` that owns a ``wn_doc``; release it with ``close()``, a
``with`` block, or let ``__del__`` do it.

The library is found, in this order: the ``path`` given to
:func:`load_library`, the ``WIRENEWS_LIBRARY`` environment variable, a
``libwirenews`` next to this file, the build tree this file sits in
(``../../build/lib``), and the system loader (``ctypes.util.find_library``,
``LD_LIBRARY_PATH``).

Threads: the library has no global state and ctypes releases the GIL during
the call, so threads parsing different articles run the C part in parallel.

Run as a program, ``python3 wirenews.py [--pretty] [FILE]`` prints the
article's JSON like ``wirenews-parse``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import sys
import threading
from pathlib import Path
from typing import IO, Any, Iterator, NamedTuple, Sequence

__all__ = [
    "Article",
    "Block",
    "Dateline",
    "DocBlock",
    "Document",
    "Library",
    "LibraryNotFoundError",
    "WirenewsError",
    "load_library",
    "parse",
    "parse_document",
    "parse_to_json",
    "strerror",
    "version",
]

# Status codes (wirenews.h). Values only grow.
OK = 0
ERR_INVALID = 1
ERR_NOMEM = 2
ERR_FLAGS = 3
ERR_TOO_LARGE = 4
ERR_WRITE = 5

# Parse option flags.
OPT_DEDUPE = 1 << 0
OPT_DECODE_ENTITIES = 1 << 1
OPT_DEFAULT = OPT_DEDUPE | OPT_DECODE_ENTITIES

# JSON rendering flags.
JSON_PRETTY = 1 << 0

#: Block type names in the order of their WN_BLOCK_* values (1-based).
BLOCK_TYPES: tuple[str, ...] = (
    "headline", "dek", "byline", "timestamp", "paragraph", "subhead",
    "list", "tweet", "related", "caption", "noise",
)

#: Oldest library this binding works with (0.1.0, data model version 1).
MIN_VERSION_NUMBER = 100


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------

class WirenewsError(Exception):
    """A libwirenews call failed.

    ``status`` is the WN_ERR_* code, ``message`` the library's description
    of it (``wn_strerror``).
    """

    def __init__(self, status: int, message: str, context: str | None = None) -> None:
        self.status = status
        self.message = message
        text = f"{context}: {message}" if context else message
        super().__init__(f"{text} (wirenews status {status})")


class LibraryNotFoundError(OSError):
    """libwirenews could not be loaded; the message lists the places tried."""


# --------------------------------------------------------------------------
# C declarations
# --------------------------------------------------------------------------

class WnDoc(ctypes.Structure):
    """Opaque ``wn_doc``."""


class WnBlock(ctypes.Structure):
    """Opaque ``wn_block``."""


class WnAllocator(ctypes.Structure):
    """``wn_allocator``; declared for completeness, the binding passes none."""

    _fields_ = [
        ("malloc", ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)),
        ("realloc", ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                     ctypes.c_size_t)),
        ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)),
        ("ctx", ctypes.c_void_p),
    ]


class WnOptions(ctypes.Structure):
    """``wn_options``: carries its own size; fill it with ``wn_options_init``."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("flags", ctypes.c_uint),
        ("allocator", ctypes.POINTER(WnAllocator)),
    ]


DocP = ctypes.POINTER(WnDoc)
BlockP = ctypes.POINTER(WnBlock)
WriteFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)

_size_p = ctypes.POINTER(ctypes.c_size_t)
_vp = ctypes.c_void_p

# name: (restype, argtypes). Strings borrowed from a document come back as
# c_void_p and are read with their length; static strings as c_char_p.
_PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "wn_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    "wn_version": (ctypes.c_char_p, []),
    "wn_version_number": (ctypes.c_int, []),
    "wn_free": (None, [_vp]),
    "wn_options_init": (None, [ctypes.POINTER(WnOptions)]),
    "wn_parse": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(WnOptions),
                                ctypes.POINTER(DocP)]),
    "wn_doc_free": (None, [DocP]),
    "wn_doc_block_count": (ctypes.c_size_t, [DocP]),
    "wn_doc_block": (BlockP, [DocP, ctypes.c_size_t]),
    "wn_doc_input_size": (ctypes.c_size_t, [DocP]),
    "wn_doc_headline": (_vp, [DocP, _size_p]),
    "wn_doc_dek": (_vp, [DocP, _size_p]),
    "wn_doc_byline": (_vp, [DocP, _size_p]),
    "wn_doc_published": (_vp, [DocP, _size_p]),
    "wn_doc_dateline": (BlockP, [DocP]),
    "wn_block_type": (ctypes.c_int, [BlockP]),
    "wn_block_type_name": (ctypes.c_char_p, [ctypes.c_int]),
    "wn_block_start": (ctypes.c_size_t, [BlockP]),
    "wn_block_end": (ctypes.c_size_t, [BlockP]),
    "wn_block_text": (_vp, [BlockP, _size_p]),
    "wn_block_reason": (_vp, [BlockP, _size_p]),
    "wn_block_value": (_vp, [BlockP, _size_p]),
    "wn_block_has_dateline": (ctypes.c_int, [BlockP]),
    "wn_block_dateline_place": (_vp, [BlockP, _size_p]),
    "wn_block_dateline_agency": (_vp, [BlockP, _size_p]),
    "wn_block_author": (_vp, [BlockP, _size_p]),
    "wn_block_handle": (_vp, [BlockP, _size_p]),
    "wn_block_date": (_vp, [BlockP, _size_p]),
    "wn_block_attribution": (_vp, [BlockP, _size_p]),
    "wn_block_links_count": (ctypes.c_size_t, [BlockP]),
    "wn_block_links_at": (_vp, [BlockP, ctypes.c_size_t, _size_p]),
    "wn_block_label": (_vp, [BlockP, _size_p]),
    "wn_block_title": (_vp, [BlockP, _size_p]),
    "wn_block_url": (_vp, [BlockP, _size_p]),
    "wn_block_credit": (_vp, [BlockP, _size_p]),
    "wn_block_authors_count": (ctypes.c_size_t, [BlockP]),
    "wn_block_authors_at": (_vp, [BlockP, ctypes.c_size_t, _size_p]),
    "wn_block_items_count": (ctypes.c_size_t, [BlockP]),
    "wn_block_items_at": (_vp, [BlockP, ctypes.c_size_t, _size_p]),
    "wn_block_ordered": (ctypes.c_int, [BlockP]),
    "wn_render_json": (ctypes.c_int, [DocP, ctypes.c_uint, ctypes.POINTER(_vp), _size_p]),
    "wn_render_json_to": (ctypes.c_int, [DocP, ctypes.c_uint, WriteFn, _vp]),
    "wn_parse_to_json": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t,
                                        ctypes.POINTER(WnOptions), ctypes.c_uint,
                                        ctypes.POINTER(_vp), _size_p]),
}


# --------------------------------------------------------------------------
# Loading the library
# --------------------------------------------------------------------------

def _library_names() -> list[str]:
    if sys.platform == "darwin":
        return ["libwirenews.0.dylib", "libwirenews.dylib"]
    if sys.platform == "win32":
        return ["wirenews-0.dll", "libwirenews-0.dll", "wirenews.dll", "libwirenews.dll"]
    return ["libwirenews.so.0", "libwirenews.so"]


def _candidates(path: str | os.PathLike[str] | None) -> list[str]:
    """Places to try, in order (see the module docstring)."""
    if path is not None:
        return [os.fspath(path)]
    env = os.environ.get("WIRENEWS_LIBRARY")
    if env:
        return [env]
    here = Path(__file__).resolve().parent
    found = [str(d / n) for d in (here, here.parent.parent / "build" / "lib")
             for n in _library_names()]
    found = [p for p in found if os.path.exists(p)]
    system = ctypes.util.find_library("wirenews")
    if system:
        found.append(system)
    found.extend(_library_names())  # the plain loader: LD_LIBRARY_PATH, ld.so.cache
    return found


class Library:
    """One loaded libwirenews with every function's prototype declared.

    Most code never needs this class: :func:`parse` and friends use the
    library :func:`load_library` finds. Create one explicitly to use a
    particular build side by side with another.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.cdll = ctypes.CDLL(self.path)
        for name, (restype, argtypes) in _PROTOTYPES.items():
            fn = getattr(self.cdll, name)
            fn.restype = restype
            fn.argtypes = argtypes
        self.version: str = self.cdll.wn_version().decode("ascii")
        self.version_number: int = self.cdll.wn_version_number()
        if self.version_number < MIN_VERSION_NUMBER:
            raise LibraryNotFoundError(
                f"{self.path}: libwirenews {self.version} is too old for this binding "
                f"(needs 0.1.0 or later)")
        # One options struct per flag word, made once. The buffer is larger
        # than WnOptions so that a newer library's wn_options_init cannot
        # write past it; struct_size is then set to what this binding knows,
        # and the library treats later fields as absent.
        self._options: dict[int, tuple[Any, Any]] = {}
        self._parse_to_json = self.cdll.wn_parse_to_json
        self._free = self.cdll.wn_free

    def options(self, flags: int) -> Any:
        """A pointer to a ``wn_options`` with ``flags``, built on first use."""
        entry = self._options.get(flags)
        if entry is None:
            storage = (ctypes.c_uint64 * 32)()
            opts = WnOptions.from_buffer(storage)
            self.cdll.wn_options_init(ctypes.byref(opts))
            opts.struct_size = ctypes.sizeof(WnOptions)
            opts.flags = flags
            entry = (storage, ctypes.pointer(opts))
            self._options[flags] = entry
        return entry[1]

    def strerror(self, status: int) -> str:
        """The library's description of a status code."""
        return self.cdll.wn_strerror(status).decode("utf-8", "replace")

    def check(self, status: int, context: str | None = None) -> None:
        """Raise :class:`WirenewsError` unless ``status`` is WN_OK."""
        if status != OK:
            raise WirenewsError(status, self.strerror(status), context)

    def parse_to_json(self, data: bytes, flags: int = OPT_DEFAULT, json_flags: int = 0) -> bytes:
        """Parse ``data`` and return the document's JSON as UTF-8 bytes.

        One C call; the library's buffer is copied and released before this
        returns, whatever happens.
        """
        out = ctypes.c_void_p()
        out_len = ctypes.c_size_t()
        opts = None if flags == OPT_DEFAULT else self.options(flags)
        status = self._parse_to_json(data, len(data), opts, json_flags,
                                     ctypes.byref(out), ctypes.byref(out_len))
        if status != OK:
            raise WirenewsError(status, self.strerror(status), "cannot parse")
        try:
            return ctypes.string_at(out, out_len.value)
        finally:
            self._free(out)


_loaded: dict[str, Library] = {}
_default: Library | None = None
_lock = threading.Lock()


def load_library(path: str | os.PathLike[str] | None = None) -> Library:
    """Load libwirenews (once per path and process) and return it.

    With no ``path``, the places in the module docstring are tried in order
    and the first that loads becomes the default library used by
    :func:`parse`. Raises :class:`LibraryNotFoundError` naming every place
    tried and why it failed.
    """
    global _default
    with _lock:
        if path is None and _default is not None:
            return _default
        errors = []
        for cand in _candidates(path):
            lib = _loaded.get(cand)
            if lib is None:
                try:
                    lib = Library(cand)
                except OSError as exc:
                    errors.append(f"  {cand}: {exc}")
                    continue
                _loaded[cand] = lib
            if path is None:
                _default = lib
            return lib
        raise LibraryNotFoundError(
            "cannot load libwirenews; tried:\n" + "\n".join(errors)
            + "\nset WIRENEWS_LIBRARY to the library's path (for example "
            "build/lib/libwirenews.so.0) or pass it to load_library()")


def _library(library: Library | None) -> Library:
    if library is not None:
        return library
    return _default if _default is not None else load_library()


def version(library: Library | None = None) -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _library(library).version


def strerror(status: int, library: Library | None = None) -> str:
    """The library's description of a status code (``wn_strerror``)."""
    return _library(library).strerror(status)


# --------------------------------------------------------------------------
# Input and options
# --------------------------------------------------------------------------

def _as_bytes(text: str | bytes | bytearray | memoryview) -> bytes:
    """The article as the bytes the library will see.

    ``str`` is encoded as UTF-8; lone surrogates made by the
    ``surrogateescape`` error handler become the bytes they stand for again,
    any other lone surrogate is written as (invalid) UTF-8, which the
    library reads as U+FFFD. Spans are offsets into these bytes.
    """
    if type(text) is bytes:
        return text
    if isinstance(text, str):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            try:
                return text.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"article text must be str or bytes, not {type(text).__name__}")


def _flags(dedupe: bool, decode_entities: bool, flags: int | None) -> int:
    if flags is not None:
        return flags
    return (OPT_DEDUPE if dedupe else 0) | (OPT_DECODE_ENTITIES if decode_entities else 0)


# --------------------------------------------------------------------------
# Article and Block: the fast path's result
# --------------------------------------------------------------------------

class Dateline(NamedTuple):
    """A paragraph's dateline: ``place`` ("WASHINGTON") and ``agency`` ("AP")."""

    place: str | None
    agency: str | None


def _dateline(value: Any) -> Dateline | None:
    if value is None:
        return None
    return Dateline(value.get("place"), value.get("agency"))


class Block:
    """One block of an article, a read-only view of its JSON object.

    ``type`` and ``span`` are always there; the other attributes follow
    OUTPUT.md and are None when the block's type does not have them (a
    paragraph has no ``author``). Keys a later data model adds are readable
    as attributes and with ``block["key"]``.
    """

    __slots__ = ("_d",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._d = data

    # every block
    @property
    def type(self) -> str:
        """"headline", "paragraph", "tweet", ... (see BLOCK_TYPES)."""
        return self._d["type"]

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` byte offsets into the input as given."""
        s = self._d["span"]
        return (s[0], s[1])

    # text-bearing blocks (all but list and related)
    @property
    def text(self) -> str | None:
        """Cleaned text; None for list and related blocks."""
        return self._d.get("text")

    @property
    def reason(self) -> str | None:
        """Noise: duplicate, counter, share, boilerplate or separator."""
        return self._d.get("reason")

    @property
    def value(self) -> str | None:
        """Timestamp: ISO 8601 value, or None."""
        return self._d.get("value")

    @property
    def dateline(self) -> Dateline | None:
        """Paragraph: the dateline taken out of its text, or None."""
        return _dateline(self._d.get("dateline"))

    @property
    def authors(self) -> list[str] | None:
        """Byline: author names."""
        return self._d.get("authors")

    @property
    def author(self) -> str | None:
        """Tweet: the poster's display name."""
        return self._d.get("author")

    @property
    def handle(self) -> str | None:
        """Tweet: the handle without "@"."""
        return self._d.get("handle")

    @property
    def date(self) -> str | None:
        """Tweet: YYYY-MM-DD."""
        return self._d.get("date")

    @property
    def links(self) -> list[str] | None:
        """Tweet: links found in the post's text."""
        return self._d.get("links")

    @property
    def attribution(self) -> str | None:
        """Tweet: the attribution line as written."""
        return self._d.get("attribution")

    @property
    def label(self) -> str | None:
        """Related: the lead-in ("RELATED", "Read more") or None."""
        return self._d.get("label")

    @property
    def title(self) -> str | None:
        """Related: the linked story's title."""
        return self._d.get("title")

    @property
    def url(self) -> str | None:
        """Related: the link target, or None."""
        return self._d.get("url")

    @property
    def credit(self) -> str | None:
        """Caption: the photographer/agency credit, or None."""
        return self._d.get("credit")

    @property
    def items(self) -> list[str] | None:
        """List: the items, markers stripped."""
        return self._d.get("items")

    @property
    def ordered(self) -> bool | None:
        """List: True for a numbered list."""
        return self._d.get("ordered")

    def __getattr__(self, name: str) -> Any:
        # only reached for names that are not properties: keys added later.
        # Private and special names never fall through to the dict (pickle
        # and copy look them up on objects whose _d is not set yet).
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._d[name]
        except KeyError:
            raise AttributeError(
                f"{self._d.get('type', 'block')!r} block has no attribute {name!r}") from None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Block, (self._d,))

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __contains__(self, key: object) -> bool:
        return key in self._d

    def get(self, key: str, default: Any = None) -> Any:
        """The JSON value of ``key``, or ``default``."""
        return self._d.get(key, default)

    def keys(self) -> list[str]:
        """The block's JSON keys, in the library's order."""
        return list(self._d)

    def to_dict(self) -> dict[str, Any]:
        """The block's JSON object (the article's own dict, not a copy)."""
        return self._d

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Block) and other._d == self._d

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        extra = self._d.get("text")
        if extra is None:
            extra = self._d.get("title", self._d.get("items"))
        shown = repr(extra)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"<Block {self.type} {list(self.span)} {shown}>"


#: Block types whose text makes up the story's body.
BODY_TYPES = frozenset({"paragraph", "subhead", "list"})


class Article:
    """A parsed article: the document of OUTPUT.md, read lazily from its dict.

    ``headline``, ``dek``, ``byline`` and ``published`` are strings or None,
    ``dateline`` a :class:`Dateline` or None, ``blocks`` a tuple of
    :class:`Block` in input order (built on first access). ``to_dict()``
    gives the decoded JSON, ``to_json()`` the JSON text. An Article holds no
    C memory: the library's buffer is released before :func:`parse` returns.
    """

    __slots__ = ("_d", "_raw", "_blocks")

    def __init__(self, data: dict[str, Any], raw: bytes | None = None) -> None:
        self._d = data
        self._raw = raw
        self._blocks: tuple[Block, ...] | None = None

    @classmethod
    def from_json(cls, text: str | bytes) -> "Article":
        """An Article from JSON the library (or this class) wrote."""
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls(json.loads(raw), raw)

    @property
    def version(self) -> int:
        """The data model's version (1)."""
        return self._d["version"]

    @property
    def headline(self) -> str | None:
        """Text of the first headline block."""
        return self._d["headline"]

    @property
    def dek(self) -> str | None:
        """Text of the first dek block (standfirst, subtitle)."""
        return self._d["dek"]

    @property
    def byline(self) -> str | None:
        """Text of the first byline block."""
        return self._d["byline"]

    @property
    def dateline(self) -> Dateline | None:
        """Dateline of the first paragraph that opens with one."""
        return _dateline(self._d["dateline"])

    @property
    def published(self) -> str | None:
        """ISO 8601 value of the first timestamp block."""
        return self._d["published"]

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block in input order."""
        if self._blocks is None:
            self._blocks = tuple(Block(b) for b in self._d["blocks"])
        return self._blocks

    def blocks_of(self, *types: str) -> list[Block]:
        """The blocks whose type is one of ``types``, in input order."""
        return [b for b in self.blocks if b.type in types]

    @property
    def tweets(self) -> list[Block]:
        """The embedded posts (tweet blocks)."""
        return self.blocks_of("tweet")

    @property
    def related(self) -> list[Block]:
        """The links to other stories (related blocks)."""
        return self.blocks_of("related")

    @property
    def body_text(self) -> str:
        """The story's body: paragraph and subhead text and list items, in
        order; blocks separated by a blank line, list items one per line."""
        parts = []
        for b in self._d["blocks"]:
            t = b["type"]
            if t == "list":
                parts.append("\n".join(b["items"]))
            elif t in BODY_TYPES and b.get("text"):
                parts.append(b["text"])
        return "\n\n".join(parts)

    def __len__(self) -> int:
        return len(self._d["blocks"])

    def __reduce__(self) -> tuple[Any, ...]:
        return (Article, (self._d, self._raw))

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def to_dict(self) -> dict[str, Any]:
        """The document as decoded JSON (the article's own dict, not a copy)."""
        return self._d

    def to_json(self, pretty: bool = False) -> str:
        """The document as JSON text; compact output is exactly the library's."""
        if not pretty and self._raw is not None:
            return self._raw.decode("utf-8")
        if pretty:
            return json.dumps(self._d, ensure_ascii=False, indent=2)
        return json.dumps(self._d, ensure_ascii=False, separators=(",", ":"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Article) and other._d == self._d

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Article {self.headline!r}, {len(self)} blocks>"


def parse(text: str | bytes, *, dedupe: bool = True, decode_entities: bool = True,
          flags: int | None = None, library: Library | None = None) -> Article:
    """Parse one article.

    ``text`` is the article as ``bytes`` (any encoding problems are the
    library's to handle: invalid UTF-8 becomes U+FFFD) or ``str`` (encoded
    as UTF-8; spans are offsets into that encoding). ``dedupe`` and
    ``decode_entities`` switch the library's options; ``flags`` gives the
    raw WN_OPT_* word instead. Raises :class:`WirenewsError` when the
    library fails (unknown flags, out of memory) and :class:`TypeError` for
    anything but str or bytes.
    """
    lib = library if library is not None else (_default or load_library())
    raw = lib.parse_to_json(_as_bytes(text), _flags(dedupe, decode_entities, flags))
    return Article(json.loads(raw), raw)


def parse_to_json(text: str | bytes, *, dedupe: bool = True, decode_entities: bool = True,
                  flags: int | None = None, pretty: bool = False,
                  library: Library | None = None) -> bytes:
    """Parse one article and return the library's JSON (UTF-8 bytes) undecoded:
    the fastest way to store results. Arguments as for :func:`parse`."""
    lib = library if library is not None else (_default or load_library())
    return lib.parse_to_json(_as_bytes(text), _flags(dedupe, decode_entities, flags),
                             JSON_PRETTY if pretty else 0)


# --------------------------------------------------------------------------
# Document: the handle-based API
# --------------------------------------------------------------------------

class Document:
    """A ``wn_doc`` owned by Python: one C getter per field, nothing copied
    until asked for.

    Release it with :meth:`close` (or a ``with`` block); ``__del__`` closes
    it too. Using it, or a :class:`DocBlock` taken from it, after that
    raises ValueError.
    """

    def __init__(self, text: str | bytes, *, dedupe: bool = True, decode_entities: bool = True,
                 flags: int | None = None, library: Library | None = None) -> None:
        self._ptr: Any = None  # set first: __del__ runs even if __init__ fails
        self._lib = _library(library)
        data = _as_bytes(text)
        doc = DocP()
        opts = self._lib.options(_flags(dedupe, decode_entities, flags))
        self._lib.check(self._lib.cdll.wn_parse(data, len(data), opts, ctypes.byref(doc)),
                        "cannot parse")
        self._ptr = doc

    # lifetime
    def close(self) -> None:
        """Release the C document (idempotent)."""
        ptr, self._ptr = self._ptr, None
        if ptr:
            self._lib.cdll.wn_doc_free(ptr)

    @property
    def closed(self) -> bool:
        """True once the document has been released."""
        return self._ptr is None

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass

    def _handle(self) -> Any:
        if self._ptr is None:
            raise ValueError("wirenews Document is closed")
        return self._ptr

    def _string(self, fn: Any, *args: Any) -> str | None:
        n = ctypes.c_size_t()
        p = fn(*args, ctypes.byref(n))
        if not p:
            return None
        return ctypes.string_at(p, n.value).decode("utf-8")

    # document fields
    @property
    def input_size(self) -> int:
        """Length in bytes of the input."""
        return self._lib.cdll.wn_doc_input_size(self._handle())

    @property
    def headline(self) -> str | None:
        """Text of the first headline block."""
        return self._string(self._lib.cdll.wn_doc_headline, self._handle())

    @property
    def dek(self) -> str | None:
        """Text of the first dek block."""
        return self._string(self._lib.cdll.wn_doc_dek, self._handle())

    @property
    def byline(self) -> str | None:
        """Text of the first byline block."""
        return self._string(self._lib.cdll.wn_doc_byline, self._handle())

    @property
    def published(self) -> str | None:
        """ISO 8601 value of the first timestamp block."""
        return self._string(self._lib.cdll.wn_doc_published, self._handle())

    @property
    def dateline(self) -> Dateline | None:
        """Dateline of the first paragraph that opens with one."""
        b = self._lib.cdll.wn_doc_dateline(self._handle())
        if not b:
            return None
        return DocBlock(self, b).dateline

    def __len__(self) -> int:
        return self._lib.cdll.wn_doc_block_count(self._handle())

    def __getitem__(self, index: int) -> "DocBlock":
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("block index out of range")
        return DocBlock(self, self._lib.cdll.wn_doc_block(self._handle(), index))

    def __iter__(self) -> Iterator["DocBlock"]:
        for i in range(len(self)):
            yield self[i]

    @property
    def blocks(self) -> list["DocBlock"]:
        """Every block in input order."""
        return list(self)

    # rendering
    def to_json(self, pretty: bool = False) -> str:
        """The JSON of OUTPUT.md (``wn_render_json``)."""
        out = ctypes.c_void_p()
        n = ctypes.c_size_t()
        lib = self._lib
        lib.check(lib.cdll.wn_render_json(self._handle(), JSON_PRETTY if pretty else 0,
                                          ctypes.byref(out), ctypes.byref(n)), "cannot render")
        try:
            return ctypes.string_at(out, n.value).decode("utf-8")
        finally:
            lib.cdll.wn_free(out)

    def write_json(self, stream: IO[bytes], pretty: bool = False) -> None:
        """Stream the JSON to a binary file object in bounded pieces
        (``wn_render_json_to``), without building it whole in memory."""
        failure: list[BaseException] = []

        def write(_ctx: Any, data: Any, length: int) -> int:
            try:
                stream.write(ctypes.string_at(data, length))
                return 0
            except BaseException as exc:  # stop rendering, re-raise below
                failure.append(exc)
                return 1

        callback = WriteFn(write)
        status = self._lib.cdll.wn_render_json_to(self._handle(), JSON_PRETTY if pretty else 0,
                                                  callback, None)
        if failure:
            raise failure[0]
        self._lib.check(status, "cannot render")

    def to_article(self) -> Article:
        """An :class:`Article` (rendered once in C, decoded once)."""
        return Article.from_json(self.to_json())

    def to_dict(self) -> dict[str, Any]:
        """The document rebuilt from the getters, in the shape of the JSON."""
        dl = self.dateline
        return {
            "version": 1,
            "headline": self.headline,
            "dek": self.dek,
            "byline": self.byline,
            "dateline": dl._asdict() if dl else None,
            "published": self.published,
            "blocks": [b.to_dict() for b in self],
        }

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<Document closed>"
        return f"<Document {self.headline!r}, {len(self)} blocks>"


class DocBlock:
    """A block borrowed from a :class:`Document`; every attribute is one C
    getter call. Valid while its document is open."""

    __slots__ = ("_doc", "_ptr")

    def __init__(self, doc: Document, ptr: Any) -> None:
        self._doc = doc
        self._ptr = ptr

    def _h(self) -> Any:
        self._doc._handle()  # raises once the document is closed
        return self._ptr

    def _s(self, name: str) -> str | None:
        return self._doc._string(getattr(self._doc._lib.cdll, name), self._h())

    def _list(self, count: str, at: str) -> list[str]:
        cdll = self._doc._lib.cdll
        h = self._h()
        n = getattr(cdll, count)(h)
        fn = getattr(cdll, at)
        return [self._doc._string(fn, h, i) or "" for i in range(n)]

    @property
    def type_code(self) -> int:
        """The WN_BLOCK_* number."""
        return self._doc._lib.cdll.wn_block_type(self._h())

    @property
    def type(self) -> str:
        """The type's name as in the JSON."""
        name = self._doc._lib.cdll.wn_block_type_name(self.type_code)
        return name.decode("ascii") if name else "unknown"

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` byte offsets into the input."""
        cdll, h = self._doc._lib.cdll, self._h()
        return (cdll.wn_block_start(h), cdll.wn_block_end(h))

    text = property(lambda self: self._s("wn_block_text"), doc="Cleaned text, or None.")
    reason = property(lambda self: self._s("wn_block_reason"), doc="Noise reason, or None.")
    value = property(lambda self: self._s("wn_block_value"), doc="Timestamp value, or None.")
    author = property(lambda self: self._s("wn_block_author"), doc="Tweet author, or None.")
    handle = property(lambda self: self._s("wn_block_handle"), doc="Tweet handle, or None.")
    date = property(lambda self: self._s("wn_block_date"), doc="Tweet date, or None.")
    attribution = property(lambda self: self._s("wn_block_attribution"),
                           doc="Tweet attribution line, or None.")
    label = property(lambda self: self._s("wn_block_label"), doc="Related label, or None.")
    title = property(lambda self: self._s("wn_block_title"), doc="Related title, or None.")
    url = property(lambda self: self._s("wn_block_url"), doc="Related URL, or None.")
    credit = property(lambda self: self._s("wn_block_credit"), doc="Caption credit, or None.")
    links = property(lambda self: self._list("wn_block_links_count", "wn_block_links_at"),
                     doc="Tweet links.")
    authors = property(lambda self: self._list("wn_block_authors_count", "wn_block_authors_at"),
                       doc="Byline authors.")
    items = property(lambda self: self._list("wn_block_items_count", "wn_block_items_at"),
                     doc="List items.")

    @property
    def ordered(self) -> bool:
        """List: True for a numbered list."""
        return bool(self._doc._lib.cdll.wn_block_ordered(self._h()))

    @property
    def dateline(self) -> Dateline | None:
        """Paragraph: its dateline, or None."""
        if not self._doc._lib.cdll.wn_block_has_dateline(self._h()):
            return None
        return Dateline(self._s("wn_block_dateline_place"), self._s("wn_block_dateline_agency"))

    def to_dict(self) -> dict[str, Any]:
        """The block's JSON object, rebuilt from the getters."""
        t = self.type
        d: dict[str, Any] = {"type": t, "span": list(self.span)}
        if t == "list":
            d["items"] = self.items
            d["ordered"] = self.ordered
        elif t == "related":
            d.update(label=self.label, title=self.title, url=self.url)
        else:
            d["text"] = self.text
        if t == "byline":
            d["authors"] = self.authors
        elif t == "timestamp":
            d["value"] = self.value
        elif t == "paragraph":
            dl = self.dateline
            if dl is not None:
                d["dateline"] = dl._asdict()
        elif t == "tweet":
            d.update(author=self.author, handle=self.handle, date=self.date, links=self.links,
                     attribution=self.attribution)
        elif t == "caption":
            d["credit"] = self.credit
        elif t == "noise":
            d["reason"] = self.reason
        return d

    def __repr__(self) -> str:
        return f"<DocBlock {self.type} {list(self.span)}>"


def parse_document(text: str | bytes, *, dedupe: bool = True, decode_entities: bool = True,
                   flags: int | None = None, library: Library | None = None) -> Document:
    """Parse one article into a :class:`Document` (the handle API); use it in
    a ``with`` block or call ``close()``. Arguments as for :func:`parse`."""
    return Document(text, dedupe=dedupe, decode_entities=decode_entities, flags=flags,
                    library=library)


# --------------------------------------------------------------------------
# Command line: python3 wirenews.py [--pretty] [FILE|-]
# --------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """Print one article's JSON, like wirenews-parse. Exit status 0, 1 (the
    library failed) or 2 (usage, library not found, unreadable file)."""
    import argparse

    ap = argparse.ArgumentParser(
        prog="wirenews.py",
        description="Parse one plain-text news article and print its structure as JSON "
                    "(the same output as wirenews-parse).")
    ap.add_argument("file", nargs="?", default="-", help="article file, or - for standard input")
    ap.add_argument("-p", "--pretty", action="store_true", help="indent the JSON")
    ap.add_argument("--no-dedupe", action="store_true", help="keep verbatim repeats")
    ap.add_argument("--no-entities", action="store_true",
                    help="leave HTML character references undecoded")
    ap.add_argument("--library", help="path of libwirenews (default: see WIRENEWS_LIBRARY)")
    args = ap.parse_args(argv)
    try:
        lib = load_library(args.library)
        if args.file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as f:
                data = f.read()
    except OSError as exc:
        print(f"wirenews.py: {exc}", file=sys.stderr)
        return 2
    try:
        out = parse_to_json(data, dedupe=not args.no_dedupe,
                            decode_entities=not args.no_entities, pretty=args.pretty,
                            library=lib)
    except WirenewsError as exc:
        print(f"wirenews.py: {args.file}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(out if args.pretty else out + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
