"""Pictures: SVG drawings kept as vectors, photos downsampled to their placed size.

An `ImageStore` opens each file once per build. A photo is decoded only at the size
it is drawn: JPEG draft mode decodes at a fraction of the pixels, the result is
resampled to the profile's resolution (about 150 dpi for email, 300 for print) and
encoded once, as JPEG (embedded as is) or PNG when it has transparency. Encoded
results are kept in a cache keyed by the file's hash and the target size, in the
user's cache folder, outside every project.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.platypus import Flowable  # noqa: E402

from .cache import cache_root  # noqa: E402
from .errors import HandoutError, Problem  # noqa: E402
from .pictures import ImageError, drawing_of, open_checked  # noqa: E402

PROFILES = {"email": (150, 82), "print": (300, 92)}  # dpi, JPEG quality
LOW_DPI = 150
_ENCODED: dict[tuple, bytes] = {}  # this process's share of the cache (watch reuses it)


def cache_dir() -> Path:
    """Where downsampled photos are kept, outside every project."""
    return cache_root() / "images"


@dataclass
class Picture:
    path: Path
    width: float  # natural size, any unit: only the ratio matters
    height: float
    drawing: object | None = None  # a ReportLab Drawing, for SVG
    photo: bool = False
    alpha: bool = False
    profile: str = "email"
    lowest_dpi: float = float("inf")  # of the photo's placements so far
    _digest: str | None = None
    _readers: dict = field(default_factory=dict)

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def draw(self, canv, x, y, w, h, fit="contain", focus=(0.5, 0.5), valign=0.5, align=0.5,
             alt: str | None = None):
        """Draw into the box (x, y, w, h) in points. `valign` and `align` place a
        contained picture in the spare room: 0 bottom/left, 1 top/right. `alt` is
        written over the picture as invisible text, so search and copy find it."""
        if alt:
            _invisible_text(canv, alt, x, y, w, h)
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

    # --- photos ----------------------------------------------------------------------

    def _reader(self, w_pt: float, h_pt: float):
        from reportlab.lib.utils import ImageReader

        dpi, quality = PROFILES[self.profile]
        self.lowest_dpi = min(self.lowest_dpi, self.width / (w_pt / 72))
        # Never more pixels than the file has: upsampling adds bytes, not detail.
        size = (min(int(self.width), max(1, round(w_pt / 72 * dpi))),
                min(int(self.height), max(1, round(h_pt / 72 * dpi))))
        if size not in self._readers:
            self._readers[size] = ImageReader(io.BytesIO(self._encoded(size, quality)))
        return self._readers[size]

    def _encoded(self, size: tuple[int, int], quality: int) -> bytes:
        kind = "png" if self.alpha else "jpg"
        key = (self.digest, size, quality, kind)
        if key in _ENCODED:
            return _ENCODED[key]
        cached = cache_dir() / f"{self.digest}-{size[0]}x{size[1]}-q{quality}.{kind}"
        try:
            data = cached.read_bytes()
        except OSError:
            data = self._downsample(size, quality, kind)
            _store(cached, data)
        _ENCODED[key] = data
        return data

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = hashlib.blake2b(self.path.read_bytes(), digest_size=16).hexdigest()
        return self._digest

    def _downsample(self, size: tuple[int, int], quality: int, kind: str) -> bytes:
        from PIL import Image, ImageOps

        try:
            with open_checked(self.path) as img:
                turned = img.getexif().get(0x0112, 1) in (5, 6, 7, 8)
                # JPEG draft mode decodes at 1/2, 1/4 or 1/8 scale: ~5x faster.
                img.draft("RGB", (size[1], size[0]) if turned else size)
                img = ImageOps.exif_transpose(img)
                img.load()
                img = _to_rgb(img, self.alpha)
                if img.size != size:
                    img = img.resize(size, Image.Resampling.LANCZOS)
        except ImageError as exc:
            raise HandoutError(str(exc), self.path) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise HandoutError(f"is damaged or cut short ({exc})", self.path) from None
        out = io.BytesIO()
        if kind == "png":
            img.save(out, "PNG", optimize=False)
        else:
            img.save(out, "JPEG", quality=quality, optimize=True, progressive=False)
        return out.getvalue()


def _invisible_text(canv, text: str, x, y, w, h) -> None:
    """`text` in render mode 3 (neither filled nor stroked), wrapped to the box."""
    from reportlab.lib.utils import simpleSplit

    size = max(4.0, min(10.0, h / 6))
    lines = simpleSplit(text, fonts.REGULAR, size, max(w, 20))
    out = canv.beginText(x, y + h - size)
    out.setTextRenderMode(3)
    out.setFont(fonts.REGULAR, size, size * 1.2)
    for line in lines:
        out.textLine(line)
    canv.saveState()  # the render mode is graphics state: Q puts it back for what follows
    canv.drawText(out)
    canv.restoreState()


def _to_rgb(img, alpha: bool):
    """RGB, or RGBA for transparent pictures; CMYK and greyscale converted."""
    if alpha:
        return img.convert("RGBA")
    if img.mode == "CMYK":
        return img.convert("RGB")
    return img if img.mode in ("RGB", "L") else img.convert("RGB")


def _store(path: Path, data: bytes) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


class ImageStore:
    """Opens each image file once per build."""

    def __init__(self, profile: str = "email"):
        self.profile = profile
        self._pictures: dict[Path, Picture] = {}

    def get(self, path: Path) -> Picture:
        if path not in self._pictures:
            try:
                self._pictures[path] = _load(path, self.profile)
            except ImageError as exc:
                raise HandoutError(str(exc), path) from None
        return self._pictures[path]

    def low_dpi_warnings(self) -> list[Problem]:
        """A warning for each photo placed too large for its pixels to print sharply."""
        return [
            Problem(pic.path, f"photo prints at {pic.lowest_dpi:.0f} dpi at its placed size "
                    f"(below {LOW_DPI}); use a larger photo or place it smaller", warning=True)
            for pic in self._pictures.values() if pic.lowest_dpi < LOW_DPI
        ]


def _load(path: Path, profile: str) -> Picture:
    if path.suffix.lower() == ".svg":
        # Parsed when the project was loaded; if not (it changed since), its
        # references may reach no further than its own folder.
        drawing = drawing_of(path, path.parent)
        return Picture(path, drawing.width, drawing.height, drawing=drawing)
    return _load_photo(path, profile)


def _load_photo(path: Path, profile: str) -> Picture:
    """The photo's size and kind, read from its header; pixels are decoded later."""
    try:
        with open_checked(path) as img:
            width, height = img.size
            if img.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # EXIF says: turn 90°
                width, height = height, width
            alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"cannot be read ({exc})") from None
    return Picture(path, width, height, photo=True, alpha=alpha, profile=profile)


class PictureBox(Flowable):
    """A picture as wide as the space it is given, up to `max_w` by `max_h`.

    `contain` keeps the whole picture (the box takes its aspect ratio); `cover` fills
    a box of the full height, cropping around the focus point.
    """

    def __init__(self, picture: Picture, max_w, max_h, fit="contain", focus=(0.5, 0.5), valign=0.5,
                 alt: str | None = None):
        super().__init__()
        self.picture, self.max_w, self.max_h = picture, max_w, max_h
        self.fit, self.focus, self.valign, self.alt = fit, focus, valign, alt
        self.width, self.height = max_w, max_h

    def wrap(self, avail_w, avail_h):
        self.width = min(self.max_w, avail_w)
        if self.fit == "cover":
            self.height = self.max_h
        else:
            self.height = min(self.max_h, self.width / self.picture.aspect)
        return self.width, self.height

    def draw(self):
        self.picture.draw(self.canv, 0, 0, self.width, self.height, self.fit, self.focus, self.valign,
                          alt=self.alt)
