"""SVG drawings parsed once: kept on disk as PDF drawing operators, drawn once per PDF.

Parsing an SVG needs svglib, lxml and ReportLab's graphics package (~200 ms to import)
and ~25 ms a drawing. A drawing that is whole in itself (no other file, no picture, no
text: font names are per document) is rendered once into a scratch canvas and what
ReportLab wrote is kept in the cache, keyed by the SVG's bytes and the versions of
everything that turned it into operators. A later build reads the operators back and
imports none of those libraries. A cached entry may have been edited by anyone: it is
plain JSON under a checksum bound to its name (never pickle), and every token is
checked against the few path, colour and state operators a drawing writes; anything
else, or any doubt, is a miss.

Every drawing, cached or not, becomes one Form XObject per PDF, placed at each use.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .cache import cache_folder, keep
from .pictures import MAX_SIDE_PT

FORMAT = 1  # bump when what is stored, or how a drawing is turned into it, changes
_PARTS = ("svglib", "lxml")  # libraries that shape a drawing, besides ReportLab

# The operators ReportLab's renderPDF writes for paths: state, colour, path building,
# painting, clipping and named alpha states. No text, image, shading or form.
_OPERATORS = frozenset(
    "q Q cm w J j M d gs rg RG g G k K m l c v y h re n S s f F f* B B* b b* W W*".split())
_NUMBER = re.compile(r"-?(?:\d{1,12}(?:\.\d{0,12})?|\.\d{1,12})")  # no exponent, no absurd length
_DASH = re.compile(r"\[[\d.\s]*\]")  # a dash array, as `[3 2] 0 d` writes it
_STATE_NAME = re.compile(r"gRLs\d{1,4}")
_ALPHAS = ("ca", "CA")  # the only ExtGState keys a drawing may name: fill and stroke alpha


@dataclass(frozen=True)
class Vector:
    """A drawing as the operators that paint it, in its own points, (0, 0) bottom left."""

    width: float
    height: float
    ops: str
    alphas: tuple[tuple[str, str, float], ...] = ()  # (state name, key, value)


def load(path: Path, root: Path):
    """The SVG at `path` as a Vector from the cache, else parsed: a Vector when it is
    whole in itself (and now cached), else svglib's Drawing. A file that cannot be
    used raises ImageError, as a parse does; the cache holds only files that parsed."""
    from .pictures import ImageError

    digest, folder = _digest(path), cache_folder("svg")
    entry = folder / f"{digest}.ops" if digest and folder else None
    if entry is not None:
        vector = _read(entry, digest)
        if vector is not None:
            return vector
    from .svg import SvgError, parse_whole

    try:
        drawing, whole = parse_whole(path, root)
    except SvgError as exc:
        raise ImageError(str(exc)) from None
    text = _record(drawing, digest) if whole and digest else None
    if text is None:
        return drawing
    if entry is not None:
        keep(entry, text.encode("ascii"))
    # Read back as a warm build reads it: the same numbers, the same PDF bytes.
    return _parse_entry(text, digest) or drawing


def place(canv, drawing) -> None:
    """Paint `drawing` at the origin of the current transformation, as a form that is
    defined in this PDF the first time it is placed. Call it after drawing something
    on the page (Picture.draw has saved the state): ReportLab keeps the page's own
    code aside while it writes a form only when there is some."""
    canv.doForm(define(canv, drawing))


def define(canv, drawing) -> str:
    """The name of `drawing`'s form in this PDF, written the first time it is asked for
    (see `place`)."""
    forms = canv.__dict__.setdefault("_handout_svg_forms", {})
    if id(drawing) not in forms:
        name = f"svg{len(forms) + 1}"
        forms[id(drawing)] = (drawing, name)  # the drawing is kept, so its id stays its own
        # The form's box is the drawing's with its own size to spare on every side:
        # strokes and stray points a little outside the viewBox show as before.
        w, h = drawing.width, drawing.height
        canv.beginForm(name, -w, -h, 2 * w, 2 * h)
        if isinstance(drawing, Vector):
            canv._code.append(drawing.ops)
            # The form's own alpha states, under the names the operators use.
            for state, key, value in drawing.alphas:
                canv._extgstate._c[(key, value)] = state
        else:
            from reportlab.graphics import renderPDF

            renderPDF.draw(drawing, canv, 0, 0)
        canv.endForm(Resources=_resources(canv))
    return forms[id(drawing)][1]


def _resources(canv):
    """The resources of the form being written. ReportLab's own leave out the alpha
    states (and colour spaces, shadings) a form uses, so a faint fill would print solid."""
    from reportlab.pdfbase.pdfdoc import PDFResourceDictionary

    resources = PDFResourceDictionary()
    resources.basicFonts()  # the document's fonts, for text in a drawing not cached
    resources.allProcs()
    if canv._formsinuse:  # pictures inside the SVG
        resources.XObject = canv._doc.xobjDict(canv._formsinuse)
    resources.ExtGState = canv._extgstate.getState() or {}
    resources.setColorSpace(canv._colorsUsed)
    resources.setShading(canv._shadingUsed)
    return resources


# --- the cache entry -------------------------------------------------------------------


def _versions() -> str:
    """What turns SVG bytes into operators, found without importing svglib or lxml."""
    import importlib.util

    import reportlab

    from . import __version__

    found = [f"format {FORMAT}", f"handout {__version__}", f"reportlab {reportlab.Version}"]
    for package in _PARTS:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.origin:
            found.append(f"{package} absent")
            continue
        site = Path(spec.origin).parent.parent
        try:
            names = sorted(n for n in os.listdir(site)
                           if n.startswith(package + "-") and n.endswith((".dist-info", ".egg-info")))
        except OSError:
            names = []
        if names:
            found.append(names[-1])
        else:  # not installed the usual way: its file's size and time stand for a version
            stat = Path(spec.origin).stat()
            found.append(f"{package} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(found)


_VERSIONS: list[str] = []  # found once a process


def _digest(path: Path) -> str | None:
    """blake2b of the file's bytes and the versions; None when it cannot be read
    (the parse then says why)."""
    if not _VERSIONS:
        _VERSIONS.append(_versions())
    try:
        with open(path, "rb") as file:
            digest = hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=20))
    except OSError:
        return None
    digest.update(b"\0" + _VERSIONS[0].encode())
    return digest.hexdigest()


def _record(drawing, digest: str) -> str | None:
    """The drawing's operators as ReportLab writes them on a fresh canvas, as the
    cache entry named `digest`; None if they use anything but paths, colours and alpha."""
    import io

    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    scratch = Canvas(io.BytesIO())
    renderPDF.draw(drawing, scratch, 0, 0)
    if scratch._formsinuse or scratch._annotationrefs or scratch._colorsUsed or scratch._shadingUsed:
        return None
    alphas = [[name, key, value] for (key, value), name in sorted(scratch._extgstate._c.items(),
                                                                  key=lambda item: item[1])]
    body = json.dumps({"format": FORMAT, "width": drawing.width, "height": drawing.height,
                       "ops": "\n".join(scratch._code), "alphas": alphas}, ensure_ascii=True)
    text = f"{_check(body, digest)}\n{body}"
    return text if _parse_entry(text, digest) else None


def _check(body: str, digest: str) -> str:
    """A checksum of the entry bound to its name: an entry edited by hand, cut short,
    or copied under another SVG's name is a miss."""
    return hashlib.blake2b(body.encode("ascii"), key=digest.encode("ascii")[:64], digest_size=16).hexdigest()


def _read(entry: Path, digest: str) -> Vector | None:
    try:
        return _parse_entry(entry.read_text(encoding="ascii"), digest)
    except (OSError, ValueError):  # missing, unreadable, not ASCII: a miss
        return None


def _parse_entry(text: str, digest: str) -> Vector | None:
    """The Vector in a cache entry, or None unless every part of it is as written."""
    check, _, body = text.partition("\n")
    if check != _check(body, digest):
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != {"format", "width", "height", "ops", "alphas"}:
        return None
    width, height, ops, alphas = data["width"], data["height"], data["ops"], data["alphas"]
    if data["format"] != FORMAT or not (_side(width) and _side(height)) or not isinstance(ops, str):
        return None
    if not isinstance(alphas, list) or not all(_alpha(a) for a in alphas):
        return None
    names = {a[0] for a in alphas}
    if len(names) != len(alphas) or not _operators_only(ops, names):
        return None
    return Vector(float(width), float(height), ops, tuple((n, k, float(v)) for n, k, v in alphas))


def _side(value) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and 0 < value <= MAX_SIDE_PT)


def _alpha(item) -> bool:
    return (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
            and _STATE_NAME.fullmatch(item[0]) is not None and item[1] in _ALPHAS
            and isinstance(item[2], (int, float)) and not isinstance(item[2], bool)
            and 0 <= item[2] <= 1)


def _operators_only(ops: str, names: set[str]) -> bool:
    """Numbers, dash arrays, the drawing's own alpha names and the allowed operators,
    with every saved state restored."""
    flat = _DASH.sub(" ", ops)
    if "[" in flat or "]" in flat:
        return False
    tokens = flat.split()
    for token in set(tokens) - _OPERATORS:  # few distinct ones: checked once each
        if not (_NUMBER.fullmatch(token) or (token[0] == "/" and token[1:] in names)):
            return False
    depth = 0
    for token in tokens:
        if token == "q":
            depth += 1
        elif token == "Q":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


