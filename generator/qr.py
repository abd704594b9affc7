"""QR codes for exercise videos and the author's site, drawn once per address and reused.

The squares of each code are kept in the cache as plain numbers, so a build whose
codes are all there never imports ReportLab's barcode package (~15-30 ms).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from hashlib import blake2b
from urllib.parse import urlsplit

import reportlab

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.colors import black  # noqa: E402
from reportlab.platypus import Flowable  # noqa: E402

from . import rendercache  # noqa: E402

_FORMAT = 1  # raise when the entries' layout changes
_LEVEL = "M"  # error correction: a code still reads with 15% of it damaged
_MAX_RECTS = 177 * 177  # the largest code has 177 rows of 177 modules


def short_url(url: str) -> str:
    """The address as a person would type it: host and path, no scheme."""
    parts = urlsplit(url)
    text = parts.netloc + parts.path
    if parts.query:
        text += "?" + parts.query
    return text.rstrip("/")


def qr_drawing(url: str, size: float):
    """The code for `url` as a flowable `size` points square (a new one each time:
    callers align it as they need)."""
    return QrCode(url, size)


class QrCode(Flowable):
    """A QR code: its dark modules filled as one path, black on the page. Drawn with
    the canvas alone, so ReportLab's graphics package is never loaded for it."""

    def __init__(self, url: str, size: float):
        super().__init__()
        self.width = self.height = size
        self.modules = _modules(url, size)

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        path = canv.beginPath()
        for x, y, width, height in self.modules:
            path.rect(x, y, width, height)
        canv.saveState()
        canv.setFillColor(black)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()


@lru_cache(maxsize=256)
def _modules(url: str, size: float) -> tuple[tuple[float, float, float, float], ...]:
    """The dark modules of the code for `url`, scaled to `size` points square."""
    rects = _rects(url)
    x1, y1 = min(r[0] for r in rects), min(r[1] for r in rects)
    x2, y2 = max(r[0] + r[2] for r in rects), max(r[1] + r[3] for r in rects)
    scale = size / max(x2 - x1, y2 - y1)
    return tuple(((x - x1) * scale, (y - y1) * scale, width * scale, height * scale)
                 for x, y, width, height, dark in rects if dark)


def _rects(url: str) -> list[tuple]:
    """The rectangles ReportLab's QR widget draws for `url` (x, y, width, height,
    dark), from the cache when they are there."""
    entry = blake2b(f"{_FORMAT}|{reportlab.Version}|{_LEVEL}|{url}".encode("utf-8", "surrogatepass"),
                    digest_size=20).hexdigest()
    kept = _valid(rendercache.load(entry, "qr"))
    if kept:
        return kept
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(url, barLevel=_LEVEL)
    widget.barBorder = 0
    rects = [(r.x, r.y, r.width, r.height, r.fillColor is not None) for r in widget.draw().contents]
    rendercache.store(entry, json.dumps(rects), "qr")
    return rects


def _valid(text: str | None) -> list[tuple] | None:
    """The rectangles in a cache entry, or None unless every one is four finite
    numbers and a flag: an entry may have been tampered with."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, list) or not 0 < len(data) <= _MAX_RECTS:
        return None
    rects = []
    for item in data:
        if not (isinstance(item, list) and len(item) == 5 and isinstance(item[4], bool)
                and all(type(v) in (int, float) and math.isfinite(v) for v in item[:4])):
            return None
        if item[2] < 0 or item[3] < 0:
            return None
        rects.append(tuple(item))
    if max(r[0] + r[2] for r in rects) <= min(r[0] for r in rects):  # nothing to scale to a size
        return None
    return rects
