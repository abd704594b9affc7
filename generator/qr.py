"""QR codes for exercise videos, drawn once per address and reused."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402


def short_url(url: str) -> str:
    """The address as a person would type it: host and path, no scheme."""
    parts = urlsplit(url)
    text = parts.netloc + parts.path
    if parts.query:
        text += "?" + parts.query
    return text.rstrip("/")


@lru_cache(maxsize=256)
def qr_drawing(url: str, size: float) -> Drawing:
    """A `size`-point square drawing of the code for `url`, made once: the widget's
    modules are turned into plain shapes, so drawing it again computes nothing."""
    widget = QrCodeWidget(url, barLevel="M")
    widget.barBorder = 0
    x1, y1, x2, y2 = widget.getBounds()
    scale = size / max(x2 - x1, y2 - y1)
    drawing = Drawing(size, size, transform=[scale, 0, 0, scale, -x1 * scale, -y1 * scale])
    drawing.add(widget.draw())
    return drawing
