"""Pictures: SVG drawings kept as vectors, photos downsampled to their placed size.

An `ImageStore` opens each file once per build. A photo is decoded only at the size
it is drawn and only the part that is seen (a covering photo's cropped edges are
left out): JPEG draft mode decodes at a fraction of the pixels, the result is
resampled to the profile's resolution (about 150 dpi for email, 300 for print) and
encoded once, as JPEG (embedded as is) or PNG when it has transparency. That work
runs in threads while layout goes on; each image is defined when the PDF is saved.
Encoded results are kept in a cache keyed by the file's hash, the crop, the size,
the encoder's version and a format number, in the user's cache folder, outside
every project.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.platypus import Flowable  # noqa: E402

from .cache import cache_root, keep, state  # noqa: E402
from .errors import HandoutError, Problem  # noqa: E402
from .layout.replay import called  # noqa: E402
from .pictures import FORMATS, ImageError, _too_many, drawing_of, open_checked  # noqa: E402

# dpi, JPEG quality. Email's quality was chosen by looking at booklet pages at phone
# size and at 150 dpi: 60 shows no blocking on skin or walls, nor ringing round text.
PROFILES = {"email": (150, 60), "print": (300, 92)}
FORMAT = 2  # of a cached photo: raise when what decides its bytes changes
LOW_DPI = 150
_ENCODED: dict[tuple, bytes] = {}  # this process's share of the cache (watch reuses it)
_POOL: tuple | None = None  # (process id, executor)


def cache_dir() -> Path:
    """Where downsampled photos are kept, outside every project."""
    return cache_root() / "images"


@dataclass
class Picture:
    path: Path
    width: float  # natural size, any unit: only the ratio matters
    height: float
    drawing: object | None = None  # an SVG's: svgcache.Vector or svglib's Drawing
    photo: bool = False
    alpha: bool = False
    profile: str = "email"
    lowest_dpi: float = float("inf")  # of the photo's placements so far
    _digest: str | None = None

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
            from .svgcache import place

            canv.translate(x + dx, y + dy)
            canv.scale(scale, scale)
            place(canv, self.drawing)  # one form per PDF, however often it is placed
        else:
            self._place(canv, (x, y, w, h), (x + dx, y + dy, dw, dh))
        canv.restoreState()

    # --- photos ----------------------------------------------------------------------

    def _place(self, canv, box: tuple, placed: tuple) -> None:
        """The part of the photo placed at `placed` (x, y, w, h) that `box` shows, as an
        image of the pixels it needs there. The pixels are made by a worker thread while
        layout goes on; the canvas names the image now and defines it when it saves
        (ReportLab looks XObjects up by name only when it writes the file). Each
        placement decides the photo's pixels: a drawing written again from its
        operators (layout.replay) places its photos again."""
        called(canv, _place_photo, (self, box, placed), {})

    def _place_now(self, canv, box: tuple, placed: tuple) -> None:
        x, y, w, h = box
        px, py, pw, ph = placed
        # Counted: a drawing whose count moved without placing through `called` is not kept.
        canv._handout_photos_placed = canv.__dict__.get("_handout_photos_placed", 0) + 1
        self.lowest_dpi = min(self.lowest_dpi, self.width / (pw / 72))
        # What is seen, as shares of the photo from its top left (as pixels count):
        # a covering photo's cropped parts are never encoded.
        left, right = max(0.0, (x - px) / pw), min(1.0, (x + w - px) / pw)
        top, bottom = max(0.0, (py + ph - y - h) / ph), min(1.0, (py + ph - y) / ph)
        if right <= left or bottom <= top:
            return
        if right - left >= 0.9 and bottom - top >= 0.9:
            # A sliver cut off (a montage's cell): the whole photo, clipped to the box,
            # is the image its other placements use too.
            left, top, right, bottom = 0.0, 0.0, 1.0, 1.0
        crop = tuple(round(share, 4) for share in (left, top, right, bottom))
        seen_w, seen_h = (right - left) * pw, (bottom - top) * ph
        dpi, quality = PROFILES[self.profile]
        # Never more pixels than the file has: upsampling adds bytes, not detail.
        size = (max(1, min(int(self.width * (right - left)), math.ceil(seen_w / 72 * dpi - 0.01))),
                max(1, min(int(self.height * (bottom - top)), math.ceil(seen_h / 72 * dpi - 0.01))))
        kind = "png" if self.alpha else "jpg"
        pending = _pending(canv)
        image = (self.path, crop, quality, kind)
        name, largest, _ = pending.get(image, (f"photo{len(pending) + 1}", (0, 0), None))
        if size[0] * size[1] > largest[0] * largest[1]:
            # One image for each part of a photo that is shown, at the largest size it
            # is placed: a smaller placement (the cover's montage, an exercise page)
            # shows the same pixels. Named by order of first use, so the same input
            # gives the same file wherever the project is.
            pending[image] = (name, size, _pool().submit(self._encoded, crop, size, quality, kind))
        canv.saveState()
        canv.translate(px + left * pw, py + (1 - bottom) * ph)
        canv.scale(seen_w, seen_h)
        canv.doForm(name)
        canv.restoreState()
        canv._currentPageHasImages = 1  # the page's ProcSet then names the image kinds

    def _encoded(self, crop: tuple, size: tuple[int, int], quality: int, kind: str) -> bytes:
        # The file in one read: a worker thread that reads in small pieces (as Pillow
        # parses a file) gives up the GIL at each and waits ~5 ms to get it back from
        # the layout thread.
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise HandoutError(f"cannot be read ({exc.strerror})", self.path) from None
        if self._digest is None:
            self._digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
        key = (self._digest, crop, size, quality, kind)
        if key in _ENCODED:
            return _ENCODED[key]
        cached = cache_dir() / f"{_cache_name(key)}.{kind}"
        data = _read_cached(cached, size, kind)
        if data is None:
            data = self._downsample(raw, crop, size, quality, kind)
            keep(cached, data)
        _ENCODED[key] = data
        return data

    def _downsample(self, raw: bytes, crop: tuple, size: tuple[int, int], quality: int, kind: str) -> bytes:
        from PIL import Image, ImageOps

        left, top, right, bottom = crop
        whole = (math.ceil(size[0] / (right - left)), math.ceil(size[1] / (bottom - top)))
        try:
            with open_checked(image=Image.open(io.BytesIO(raw), formats=FORMATS)) as img:
                turned = img.getexif().get(0x0112, 1) in (5, 6, 7, 8)
                # All the data in one call, which decodes it without holding the GIL.
                img.decodermaxblock = max(img.decodermaxblock, len(raw))
                # JPEG draft mode decodes at 1/2, 1/4 or 1/8 scale: ~5x faster.
                img.draft("RGB", (whole[1], whole[0]) if turned else whole)
                img = ImageOps.exif_transpose(img)
                img.load()
                img = _to_rgb(img, self.alpha)
                w, h = img.size
                img = img.resize(size, Image.Resampling.LANCZOS,
                                 box=(left * w, top * h, right * w, bottom * h))
        except ImageError as exc:
            raise HandoutError(str(exc), self.path) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise HandoutError(f"is damaged or cut short ({exc})", self.path) from None
        except Image.DecompressionBombError:  # it grew since it was loaded
            raise HandoutError(str(ImageError(_too_many(*Image.open(io.BytesIO(raw)).size))),
                               self.path) from None
        out = io.BytesIO()
        if kind == "png":
            img.save(out, "PNG", optimize=False)
        else:
            # Optimised Huffman tables cost nothing to view; progressive files came out
            # larger at these sizes. 4:2:0 chroma: colour edges at 150 dpi hide it.
            img.save(out, "JPEG", quality=quality, optimize=True, progressive=False, subsampling=2)
        return out.getvalue()


def file_key(path: Path | None) -> tuple | None:
    """A picture's file as a key of what is drawn from it: its path and its state, so
    a photo replaced under the same name is drawn anew."""
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return (path, None)
    return (path, *state(stat))


def _place_photo(canv, picture: Picture, box: tuple, placed: tuple) -> None:
    """Place `picture`, or, on a canvas that names its build's pictures (a booklet's),
    that build's picture of the same file: a drawing written again in a later build
    counts its placements (low-resolution warnings) and takes its profile there."""
    store = canv.__dict__.get("_handout_images")
    if store is not None:
        picture = store.get(picture.path)
    picture._place_now(canv, box, placed)


def _pool():
    """Threads for decoding, resampling and encoding, in which Pillow lets go of the GIL."""
    global _POOL
    # A forked worker (client booklets with -j) inherits the executor but not its
    # threads: work given to it would wait for ever. Each process makes its own.
    if _POOL is None or _POOL[0] != os.getpid():
        from concurrent.futures import ThreadPoolExecutor

        _POOL = (os.getpid(), ThreadPoolExecutor(max(1, min(4, os.cpu_count() or 1)),
                                                 thread_name_prefix="photos"))
    return _POOL[1]


def end_pool() -> None:
    """End this process's threads, before it forks processes that go on with its state
    (generator/server.py): a thread holding a lock at the fork would hold it for ever."""
    global _POOL
    if _POOL is not None and _POOL[0] == os.getpid():
        _POOL[1].shutdown(wait=True)
    _POOL = None


def _pending(canv) -> dict:
    """The canvas's photos, placed but not yet defined, by what decides their pixels.
    Its `save` first defines them, in the order they were placed."""
    pending = canv.__dict__.get("_handout_photos")
    if pending is None:
        pending = canv._handout_photos = {}
        save = canv.save

        def save_with_photos():
            for name, _, future in pending.values():
                _define(canv, name, future.result())  # a damaged photo raises here
            pending.clear()
            save()

        canv.save = save_with_photos
    return pending


def _define(canv, name: str, data: bytes) -> None:
    """The image XObject `name` already placed with `doForm`; as drawImage defines one,
    with a JPEG embedded as it is and a PNG's alpha as a soft mask."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference

    doc = canv._doc
    image = PDFImageXObject(name, ImageReader(io.BytesIO(data)), mask="auto")
    image.name = name
    smask = getattr(image, "_smask", None)
    if smask is not None:
        # Masks are named by their content: two photos with the same transparency
        # share one, as ReportLab's drawImage shares it.
        mask_name = doc.getXObjectName(smask.name)
        if mask_name in doc.idToObject:
            image.smask = PDFObjectReference(mask_name)
        else:
            image.smask = doc.Reference(smask, mask_name)
        del image._smask
    doc.Reference(image, doc.getXObjectName(name))


def _cache_name(key: tuple) -> str:
    """The file name of an encoded photo: everything that decides its bytes."""
    import PIL
    from reportlab import Version

    recipe = repr((FORMAT, PIL.__version__, Version, key)).encode()
    return hashlib.blake2b(recipe, digest_size=20).hexdigest()


def _read_cached(path: Path, size: tuple[int, int], kind: str) -> bytes | None:
    """A cached photo, or None when there is none or it is not what this build would
    make (damaged, cut short, swapped): it is then made again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=["PNG" if kind == "png" else "JPEG"]) as img:
            if img.size != size or img.mode not in (("RGBA",) if kind == "png" else ("RGB", "L")):
                return None
            if kind == "png":
                img.load()  # ReportLab decodes it too: a damaged one must fail here
            elif not data.endswith(b"\xff\xd9"):  # embedded as is: it must be whole
                return None
    except Exception:  # noqa: BLE001  (whatever a damaged file makes Pillow raise)
        return None
    return data


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
