"""SVG drawings from a project that may come from a stranger.

svglib turns an SVG into a ReportLab Drawing. Around it: the file is read by lxml
with entities and the network off, its elements are counted (stopping at the
limit) before it is parsed for svglib, references to other files must stay inside the project (svglib's
`external_reference_root`, its refusals turned into our error), its size must be a
real one, and raster pictures inside it (a PNG beside it, a `data:` URI) are drawn
as ordinary images under the same pixel limit as photos.
"""

from __future__ import annotations

import logging
import math
import warnings
from pathlib import Path

from . import fonts  # ReportLab settings that must precede platypus, and the family
from reportlab.graphics.shapes import DirectDraw, Image as RasterShape  # noqa: E402

from .pictures import MAX_SIDE_PT, PIXEL_LIMIT, pil_image  # noqa: E402

NODE_LIMIT = 50_000  # elements; a drawing for a handout has hundreds
MAX_COORDINATE = 1e9  # in a viewBox
RASTER_SIDE = 2400  # px: 300 dpi across 20 cm, as much as a printed SVG can show


# svglib logs what it skips; what matters is reported as our own error instead.
_LOG = logging.getLogger("svglib")
_LOG.addHandler(logging.NullHandler())
_LOG.propagate = False
_LOG.setLevel(logging.ERROR)


class SvgError(Exception):
    """Why this SVG cannot be used, in words for the trainer."""


def parse(path: Path, root: Path):
    """The Drawing of the SVG at `path`; references may reach files under `root`."""
    return parse_whole(path, root)[0]


def parse_whole(path: Path, root: Path):
    """The Drawing, and whether the SVG is whole in itself: it names no other file
    (an SVG or picture beside it, found or not), so its bytes alone decide the drawing."""
    from lxml import etree
    from svglib.svglib import SvgRenderer

    if path.stat().st_size == 0:
        raise SvgError("is an empty file (0 bytes)")
    options = dict(remove_comments=True, recover=True, resolve_entities=False, no_network=True)
    try:
        # Counted as the file is read, stopping at the limit: a huge file costs
        # no more than a drawing at the limit.
        for count, _ in enumerate(etree.iterparse(str(path), events=("start",), **options), 1):
            if count > NODE_LIMIT:
                raise SvgError(f"has more than {NODE_LIMIT:,} elements; simplify the drawing "
                               "or save it as a PNG")
        svg = etree.parse(str(path), etree.XMLParser(**options)).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise SvgError(f"is not a readable SVG image ({exc})") from None
    if svg is None or not isinstance(svg.tag, str) or not svg.tag.endswith("svg"):
        raise SvgError("is not an SVG image: it has no <svg> element")
    _check_view_box(svg.get("viewBox"))

    refused = _Refusals()
    _LOG.addHandler(refused)
    try:
        with warnings.catch_warnings():
            # A picture inside the SVG over the pixel limit: an error, not a warning.
            warnings.simplefilter("error", pil_image().DecompressionBombWarning)
            drawing = SvgRenderer(str(path), external_reference_root=str(root)).render(svg)
    except (Warning, pil_image().DecompressionBombError):
        raise SvgError(f"holds a picture over the limit of {PIXEL_LIMIT // 1_000_000} megapixels; "
                       "scale the picture down before placing it in the drawing") from None
    except Exception as exc:  # noqa: BLE001  svglib raises lxml, value and type errors alike
        raise SvgError(f"cannot be drawn: {exc}") from None
    finally:
        _LOG.removeHandler(refused)
    if refused.references:
        listed = ", ".join(f"'{r}'" for r in dict.fromkeys(refused.references))
        raise SvgError(f"refers to {listed}, outside the project; keep the files an SVG "
                       "uses inside the project folder")
    for side, value in (("width", drawing.width), ("height", drawing.height)):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            raise SvgError(f"has no usable {side} ({value}); give the <svg> element a "
                           "width, height or viewBox in ordinary numbers")
        if value > MAX_SIDE_PT:
            raise SvgError(f"is {value / 72 * 0.0254:.3g} m {'wide' if side == 'width' else 'high'}, "
                           "over the limit of 10 m; check its width, height and viewBox")
    _replace_rasters(drawing, path)
    _embeddable_text(drawing)
    where = _not_finite(drawing)
    if where:
        raise SvgError(f"has a number that is not finite ({where}); fix or re-export the drawing")
    return drawing, not _names_files(svg)


def _check_view_box(value: str | None) -> None:
    if not value:
        return
    try:
        numbers = [float(v) for v in value.replace(",", " ").split()]
    except ValueError:
        return  # svglib ignores a malformed viewBox, as the SVG spec says
    if not all(math.isfinite(n) and abs(n) <= MAX_COORDINATE for n in numbers):
        raise SvgError(f"has an absurd viewBox ('{value[:60]}'); use ordinary numbers")


def _names_files(svg) -> bool:
    """Whether an href leads out of the file: anything but `#id` and `data:` URIs."""
    from lxml import etree

    for element in svg.iter(etree.Element):
        for name, value in element.attrib.items():
            if name == "href" or name.endswith("}href"):
                value = value.strip()
                if value and not value.startswith(("#", "data:")):
                    return True
    return False


class _Refusals(logging.Handler):
    """Collects the references svglib refused to follow."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.references: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("Refusing") and record.args:
            self.references.append(str(record.args[0]))


def _nodes(drawing):
    """Every node of the drawing, without recursion (groups nest thousands deep)."""
    stack = [drawing]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(getattr(node, "contents", ()))


def _replace_rasters(drawing, svg_path: Path) -> None:
    """ReportLab draws a Drawing's images inline, which fails without ASCII85 and
    skips our pixel limit: each becomes an ordinary image, decoded once."""
    for node in list(_nodes(drawing)):
        contents = getattr(node, "contents", None) or []
        for index, child in enumerate(contents):
            if isinstance(child, RasterShape):
                contents[index] = _Raster(child, svg_path)


class _Raster(DirectDraw):
    def __init__(self, shape, svg_path: Path):
        super().__init__()
        from reportlab.lib.utils import ImageReader

        self.x, self.y, self.width, self.height = shape.x, shape.y, shape.width, shape.height
        self.reader = ImageReader(_raster(shape.path, svg_path))

    def getBounds(self):
        return (self.x, self.y, self.x + self.width, self.y + self.height)

    def drawDirectly(self, renderer):
        renderer._canvas.drawImage(self.reader, self.x, self.y, self.width, self.height, mask="auto")


def _raster(source, svg_path: Path):
    """The picture inside an SVG, as an RGB(A) Pillow image no larger than needed."""
    from .pictures import ImageError, open_checked

    try:
        # A file beside the SVG (svglib has already kept it inside the project), or
        # the picture of a data: URI.
        img = open_checked(Path(source)) if isinstance(source, str) else open_checked(image=source)
        img.load()
        img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info else "RGB")
        img.thumbnail((RASTER_SIDE, RASTER_SIDE), pil_image().Resampling.LANCZOS)
    except ImageError as exc:
        raise SvgError(f"holds a picture that {exc}") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise SvgError(f"holds a picture that cannot be read ({exc})") from None
    return img


def _not_finite(drawing) -> str | None:
    """Where the drawing holds inf or nan, which would write a broken PDF."""
    for node in _nodes(drawing):
        for name, value in vars(node).items():
            values = value if isinstance(value, (list, tuple)) and name != "contents" else (value,)
            if any(isinstance(v, float) and not math.isfinite(v) for v in values):
                return f"{type(node).__name__}.{name}"
    return None


def _embeddable(name: str) -> bool:
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        return isinstance(getFont(name), TTFont)
    except KeyError:
        return False


def _embeddable_text(drawing) -> None:
    """Text in an SVG (a logo's name, say) in the bundled family. svglib maps font
    families to ReportLab's base-14 fonts, which are never embedded."""
    faces = {(True, True): fonts.FAMILY + "-BoldItalic", (True, False): fonts.BOLD,
             (False, True): fonts.ITALIC, (False, False): fonts.REGULAR}
    for node in _nodes(drawing):
        name = getattr(node, "fontName", None)
        if name and not _embeddable(name):
            bold = "Bold" in name or "Black" in name or "Heavy" in name
            italic = "Italic" in name or "Oblique" in name
            node.fontName = faces[(bold, italic)]
