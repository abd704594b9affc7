"""Opening a project's pictures the way the build will, within limits.

`check` calls `probe` on every picture a project names, so that a project that
passes `check` builds: a photo is opened as PNG or JPEG under one pixel limit and
read through (a truncated file fails here), an SVG is parsed in full and its drawing
kept for the build (or found in the cache, which holds only SVGs that parsed: see
svgcache). ReportLab's layout engine is not needed for any of it.
"""

from __future__ import annotations

from pathlib import Path

from .cache import state

# One limit for every picture, photo or inside an SVG: 50 megapixels is four times
# a phone's photo and already ~200 MB decoded.
PIXEL_LIMIT = 50_000_000
MAX_SIDE_PT = 10_000 / 25.4 * 72  # an SVG's width or height: 10 metres is a mistake or an attack
FORMATS = ("PNG", "JPEG")


class ImageError(Exception):
    """Why a picture cannot be used, worded to follow its name: "'x.png' is empty"."""


def pil_image():
    """Pillow's Image module, its bomb warning moved down to our pixel limit."""
    from PIL import Image
    # Opening with formats=FORMATS makes Pillow import every plugin it has (~60 ms)
    # unless those two are already there: the file's extension brings only its own.
    from PIL import JpegImagePlugin, PngImagePlugin  # noqa: F401

    Image.MAX_IMAGE_PIXELS = PIXEL_LIMIT
    return Image


def open_checked(path: Path | None = None, image=None):
    """The picture at `path` (or an opened `image`), opened as PNG or JPEG with its
    size read from the header; over the pixel limit is an error, never a warning."""
    Image = pil_image()
    if image is None:
        try:
            if path.stat().st_size == 0:
                raise ImageError("is an empty file (0 bytes)")
            # Only the header is read here, and the size is checked just below, so
            # Pillow's own bomb check (a warning, then an error) is not needed.
            Image.MAX_IMAGE_PIXELS = None
            image = Image.open(path, formats=FORMATS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageError(f"is not a PNG or JPEG image that can be read ({_reason(exc)})") from None
        finally:
            Image.MAX_IMAGE_PIXELS = PIXEL_LIMIT
    width, height = image.size
    # No format: a picture svglib has already converted from a palette PNG.
    problem = (f"is a {image.format} image; save it as PNG or JPEG"
               if image.format is not None and image.format not in FORMATS
               else _too_many(width, height) if width * height > PIXEL_LIMIT else None)
    if problem:
        image.close()
        raise ImageError(problem)
    return image


def _too_many(width: int, height: int) -> str:
    return (f"is {width:,} × {height:,} pixels ({width * height / 1e6:.0f} megapixels), over the "
            f"limit of {PIXEL_LIMIT // 1_000_000}; scale it down (12 megapixels print sharply at A3)")


def _reason(exc: Exception) -> str:
    text = str(exc)
    return "not an image, or a damaged one" if text.startswith("cannot identify") else text


def probe(path: Path, root: Path, thorough: bool = False) -> None:
    """Open the picture as the build will: an SVG is parsed in full (and kept for the
    build), a photo's header is read with the size limits. `thorough` (for `check`,
    which promises the build) also reads a photo's data through; the build decodes it
    anyway and reports a damaged one itself, so it need not pay twice (~60 ms a
    12 MP photo)."""
    stat = path.stat()
    key = (path, *state(stat))
    if key in _PROBED or (not thorough and key in _OPENED):
        return
    if path.suffix.lower() == ".svg":
        drawing_of(path, root)
        _PROBED.add(key)
    elif thorough:
        _verify_photo(path)
        _PROBED.add(key)
    else:
        with open_checked(path):
            pass
        _OPENED.add(key)


_PROBED: set[tuple] = set()  # pictures found sound, by path and state
_OPENED: set[tuple] = set()  # photos whose header was found sound


def _verify_photo(path: Path) -> None:
    """Read the whole file: a truncated or damaged photo fails here, not in the build."""
    with open_checked(path) as img:
        try:
            if img.format == "PNG":
                img.verify()  # every chunk and its checksum, without decoding pixels
            else:
                img.draft("RGB", (max(1, img.size[0] // 8), max(1, img.size[1] // 8)))
                img.load()  # JPEG at 1/8 scale: every byte read, few pixels made
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageError(f"is damaged or cut short ({exc})") from None


_DRAWINGS: dict[tuple, object] = {}  # SVGs by path and state: watch reuses them


def drawing_of(path: Path, root: Path):
    """The SVG's drawing (svgcache.Vector, or svglib's Drawing), read once a process
    and parsed once a version of the file. `root` is where its references may lead:
    the project (from `check`), or the SVG's own folder when it was not checked."""
    from .svgcache import load

    stat = path.stat()
    key = (path, *state(stat))
    if key not in _DRAWINGS:
        _DRAWINGS[key] = load(path, root)
    return _DRAWINGS[key]
