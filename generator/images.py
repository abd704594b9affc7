"""Pictures: SVG drawings kept as vectors, photos decoded once and downsampled.

Each image file is decoded once per build (`ImageStore`); each placement draws the
same decoded picture, scaled to its slot with the aspect ratio kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.platypus import Flowable  # noqa: E402

from .errors import HandoutError, Problem  # noqa: E402

EMAIL_DPI = 150


@dataclass
class Picture:
    path: Path
    width: float  # natural size, any unit: only the ratio matters
    height: float
    drawing: object | None = None  # a ReportLab Drawing, for SVG
    image: object | None = None  # a PIL image, for photos
    _scaled: dict = field(default_factory=dict)
    lowest_dpi: float = float("inf")  # of the photo's placements so far

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def draw(self, canv, x, y, w, h, fit="contain", focus=(0.5, 0.5), valign=0.5, align=0.5):
        """Draw into the box (x, y, w, h) in points. `valign` and `align` place a
        contained picture in the spare room: 0 bottom/left, 1 top/right."""
        if fit == "cover":
            scale = max(w / self.width, h / self.height)
        else:
            scale = min(w / self.width, h / self.height)
        dw, dh = self.width * scale, self.height * scale
        if fit == "cover":
            # Keep the focus point as near the middle of the slot as the picture allows.
            dx = min(0, max(w - dw, w / 2 - focus[0] * dw))
            dy = min(0, max(h - dh, h / 2 - (1 - focus[1]) * dh))
        else:
            dx, dy = (w - dw) * align, (h - dh) * valign
        canv.saveState()
        if fit == "cover":
            clip = canv.beginPath()
            clip.rect(x, y, w, h)
            canv.clipPath(clip, stroke=0, fill=0)
        if self.drawing is not None:
            from reportlab.graphics import renderPDF

            canv.translate(x + dx, y + dy)
            canv.scale(scale, scale)
            renderPDF.draw(self.drawing, canv, 0, 0)
        else:
            canv.drawImage(self._reader(dw, dh), x + dx, y + dy, dw, dh, mask="auto")
        canv.restoreState()

    def _reader(self, w_pt: float, h_pt: float):
        """The photo at about EMAIL_DPI for its placed size, made once per size."""
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        px = (max(1, round(w_pt / 72 * EMAIL_DPI)), max(1, round(h_pt / 72 * EMAIL_DPI)))
        dpi = self.image.width / (w_pt / 72)
        self.lowest_dpi = min(self.lowest_dpi, dpi)
        if px not in self._scaled:
            img = self.image
            if img.width > px[0] * 1.1:
                img = img.resize(px, Image.Resampling.LANCZOS)
            self._scaled[px] = ImageReader(img)
        return self._scaled[px]


LOW_DPI = 150


class ImageStore:
    """Decodes each image file once per build."""

    def __init__(self):
        self._pictures: dict[Path, Picture] = {}

    def low_dpi_warnings(self) -> list[Problem]:
        """A warning for each photo placed too large for its pixels to print sharply."""
        return [
            Problem(pic.path, f"photo prints at {pic.lowest_dpi:.0f} dpi at its placed size "
                    f"(below {LOW_DPI}); use a larger photo or place it smaller", warning=True)
            for pic in self._pictures.values() if pic.lowest_dpi < LOW_DPI
        ]

    def get(self, path: Path) -> Picture:
        if path not in self._pictures:
            self._pictures[path] = _load(path)
        return self._pictures[path]


def _load(path: Path) -> Picture:
    if path.suffix.lower() == ".svg":
        return _load_svg(path)
    return _load_photo(path)


def _load_svg(path: Path) -> Picture:
    from svglib.svglib import svg2rlg

    # svglib logs what it skips; a broken file is reported as our own error instead.
    logging.getLogger("svglib").setLevel(logging.CRITICAL)
    try:
        drawing = svg2rlg(str(path))
    except Exception as exc:  # svglib raises lxml and value errors alike
        raise HandoutError(f"cannot read this SVG image: {exc}", path) from None
    if drawing is None or not drawing.width or not drawing.height:
        raise HandoutError("cannot read this SVG image: it has no size or is not SVG", path)
    return Picture(path, drawing.width, drawing.height, drawing=drawing)


def _load_photo(path: Path) -> Picture:
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as opened:
            img = ImageOps.exif_transpose(opened)
            img.load()
    except (OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise HandoutError(f"cannot read this image: {exc}", path) from None
    if img.mode not in ("RGB", "RGBA", "L"):
        img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info else "RGB")
    return Picture(path, img.width, img.height, image=img)


class PictureBox(Flowable):
    """A picture as wide as the space it is given, up to `max_w` by `max_h`.

    `contain` keeps the whole picture (the box takes its aspect ratio); `cover` fills
    a box of the full height, cropping around the focus point.
    """

    def __init__(self, picture: Picture, max_w, max_h, fit="contain", focus=(0.5, 0.5), valign=0.5):
        super().__init__()
        self.picture, self.max_w, self.max_h = picture, max_w, max_h
        self.fit, self.focus, self.valign = fit, focus, valign
        self.width, self.height = max_w, max_h

    def wrap(self, avail_w, avail_h):
        self.width = min(self.max_w, avail_w)
        if self.fit == "cover":
            self.height = self.max_h
        else:
            self.height = min(self.max_h, self.width / self.picture.aspect)
        return self.width, self.height

    def draw(self):
        self.picture.draw(self.canv, 0, 0, self.width, self.height, self.fit, self.focus, self.valign)
