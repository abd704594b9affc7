"""The render cache: the markup a template wrote for a context, kept on disk.

An entry is keyed by the content of everything that decides its text: every
template file a name could reach (the project's templates/ and the built-in ones,
whole, since include, extends and import make one template depend on others), the
context as canonical data, the labels and their language, the code of the filters
and of the classes the context holds, the libraries that render (Jinja, MarkupSafe,
markdown-it, Babel's dates), Handout's version and a format number. Old text from a
stale key is the worst failure here, so a value of a kind this module does not know
leaves that render uncached rather than guessed at.

An entry is markup only, never code: templates.py parses and checks it like a fresh
render, and a damaged or unreadable entry is a miss. `load` and `store` keep any
such text entry (qr.py keeps its codes' squares with them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib.util
import json
import os
import sys
import threading
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path, PurePath

from markupsafe import Markup

from . import __version__
from .cache import cache_folder, cache_root, keep
from .labels import Labels

FORMAT = 1  # raise when an entry's layout or the key's recipe changes
_LIBRARIES = ("jinja2", "markupsafe", "markdown_it", "babel")
# The filters and the sandbox run in these; in a checkout the version does not
# change with each edit.
_CODE = ("templates", "sandbox", "markup", "labels", "rendercache")


class _Uncacheable(Exception):
    """A context value whose content this module cannot state."""


def sources_digest(builtin: Path, project: Path) -> tuple[bytes, tuple]:
    """Every template file's path and bytes, the project's and the built-in ones,
    and each file's stamp (see `unchanged`). The digest is b"" when the project's
    folder holds a link (the loader then decides, at each render, what may be read)
    or a file cannot be read."""
    digest = blake2b(digest_size=32)
    try:
        files = _template_files(builtin, project)
        if files is None:
            return b"", ()
        stamps = _stamps(files)  # before reading: an edit during the read shows later
        for origin, relative, path in files:
            data = Path(path).read_bytes()
            digest.update(f"{origin}\0{relative}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
            digest.update(data)
    except OSError:
        return b"", ()
    return digest.digest(), stamps


def unchanged(builtin: Path, project: Path, stamps: tuple) -> bool:
    """No template file came, went or changed since `sources_digest` gave `stamps`:
    what was rendered since then may be kept under that digest."""
    try:
        files = _template_files(builtin, project)
        return files is not None and _stamps(files) == stamps
    except OSError:
        return False


def _template_files(builtin: Path, project: Path) -> list[tuple[str, str, str]] | None:
    """(origin, path in its folder, path) of every file in both folders, in order;
    None when the project's folder is or holds a link."""

    def failed(error: OSError):
        raise error

    found = []
    for origin, folder in (("builtin", builtin), ("project", project)):
        if os.path.islink(folder):
            return None
        if not os.path.isdir(folder):  # a project without templates of its own
            continue
        for where, folders, files in os.walk(folder, onerror=failed):
            folders.sort()
            if any(os.path.islink(os.path.join(where, name)) for name in folders + files):
                return None
            for name in sorted(files):
                path = os.path.join(where, name)
                found.append((origin, os.path.relpath(path, folder), path))
    return found


def _stamps(files: list[tuple[str, str, str]]) -> tuple:
    stats = [os.stat(path) for _, _, path in files]
    return tuple((path, stat.st_mtime_ns, stat.st_size) for (_, _, path), stat in zip(files, stats))


def key(sources: bytes, name: str, context: dict, labels: Labels) -> str | None:
    """The entry's name for template `name` rendered with `context`; None when the
    context holds something whose content cannot be stated."""
    modules: set[str] = set()
    try:
        data = [name, [[k, _data(v, modules)] for k, v in sorted(context.items())]]
    except (_Uncacheable, RecursionError):  # RecursionError: a value that holds itself
        return None
    payload = [FORMAT, _stamp().hex(), sorted((m, _module_digest(m)) for m in modules), data]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return blake2b(sources + labels_digest(labels) + text.encode("utf-8", "surrogatepass"),
                   digest_size=20).hexdigest()


def labels_digest(labels: Labels) -> bytes:
    """The labels and their language, as part of every key: worked out once for a
    Labels, which is never changed once made."""
    kept = labels.__dict__.get("_digest")
    if kept is None:
        text = json.dumps(_data(labels, set()), ensure_ascii=False, separators=(",", ":"))
        kept = labels.__dict__["_digest"] = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()
    return kept


def load(entry: str, kind: str = "render") -> str | None:
    """The text kept under `entry` in the cache's folder `kind`, or None: absent,
    unreadable or damaged."""
    try:
        data = (cache_root() / kind / f"{entry}.txt").read_bytes()
    except OSError:
        return None
    header, newline, body = data.partition(b"\n")
    if not newline or header != _header(body):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def store(entry: str, text: str, kind: str = "render") -> None:
    """Keep `text` under `entry` in the cache's folder `kind`, written whole or not at all."""
    folder = cache_folder(kind)
    if folder is None:
        return
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: nothing to gain from keeping it
        return
    keep(folder / f"{entry}.txt", _header(body) + b"\n" + body)


_WRITERS: list[threading.Thread] = []


def store_soon(entries: dict[str, str], still_valid: Callable[[], bool]) -> None:
    """Store `entries` on a thread of their own, if `still_valid()` holds when it runs:
    a long booklet's first build creates hundreds of entries (~100 ms of file creation
    at 300 pages), and they are written while its pages are laid out. `drain` waits."""

    def run():
        if still_valid():
            for entry, text in entries.items():
                store(entry, text)

    thread = threading.Thread(target=run, name="handout-render-cache", daemon=True)
    thread.start()
    _WRITERS.append(thread)


def drain() -> None:
    """Wait until every entry being stored is written."""
    while _WRITERS:
        _WRITERS.pop().join()


def _header(body: bytes) -> bytes:
    """The first line of an entry: a truncated or altered body no longer matches it."""
    return f"handout-entry {FORMAT} {blake2b(body, digest_size=20).hexdigest()}".encode()


def _data(value, modules: set[str]):
    """`value` as JSON data that differs whenever a template could see a difference:
    types are named, dictionaries keep their order, objects list their fields."""
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind in (list, tuple):
        return {kind.__name__: [_data(v, modules) for v in value]}
    if kind is dict:
        return {"dict": [[_data(k, modules), _data(v, modules)] for k, v in value.items()]}
    if kind is Markup:  # safe text prints unescaped: not the same as the str
        return {"markup": str(value)}
    if kind in (dt.date, dt.datetime, dt.time):
        return {kind.__name__: value.isoformat()}
    if isinstance(value, PurePath):
        return {"path": str(value)}
    if kind is Labels:
        return {"labels": [value.language, value.date_locale, [[k, v] for k, v in value.items()]]}
    fields = _fields(value)
    if fields is None:
        raise _Uncacheable(kind)
    # Its properties and methods are code a template may call, in its class or a base.
    modules.update(base.__module__ for base in kind.__mro__ if base.__module__ != "builtins")
    # Which fields were written, not defaulted: a template could ask (model_fields_set).
    written = getattr(value, "model_fields_set", None)
    return {"object": f"{kind.__module__}.{kind.__qualname__}",
            "fields": [[n, _data(getattr(value, n), modules)] for n in fields],
            "set": sorted(written) if isinstance(written, (set, frozenset)) else None}


def _fields(value) -> list[str] | None:
    """The names of the fields that make up a content object (a dataclass, a typed
    model, a named tuple); None for anything else."""
    kind = type(value)
    if dataclasses.is_dataclass(kind):
        return [f.name for f in dataclasses.fields(kind)]
    declared = getattr(kind, "model_fields", None)
    if isinstance(declared, dict):
        if getattr(value, "model_extra", None):  # keys beyond the declared fields
            return None
        return list(declared)
    if isinstance(value, tuple) and isinstance(getattr(kind, "_fields", None), tuple):
        return list(kind._fields)
    return None


@functools.cache
def _stamp() -> bytes:
    """Handout's version, the code of the filters and the libraries' own files (each
    states its version), read once a process."""
    digest = blake2b(f"{__version__}|{sys.version_info[:2]}".encode(), digest_size=20)
    for name in _CODE:
        digest.update(_module_digest(f"{__package__}.{name}").encode())
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec else None
        digest.update(library.encode())
        digest.update(Path(origin).read_bytes() if origin and os.path.isfile(origin) else b"absent")
    return digest.digest()


@functools.cache
def _module_digest(module: str) -> str:
    """The digest of a module's source file, found without importing it anew."""
    loaded = sys.modules.get(module)
    path = getattr(loaded, "__file__", None)
    if path is None:
        spec = importlib.util.find_spec(module)
        path = spec.origin if spec else None
    try:
        return blake2b(Path(path).read_bytes(), digest_size=20).hexdigest() if path else "unknown"
    except OSError:
        return "unknown"
