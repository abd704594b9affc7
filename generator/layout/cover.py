"""The booklet's outside pages, composed as a designer would.

The cover: the title block at the top, the art taking the room in between, and the
trainer, their organisation and the logo anchored at the foot (so no quarter of the
page is left blank). The back page: the trainer, how to reach them with a QR code of
their web site, and the credits at the foot.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, Spacer  # noqa: E402

from .para import Paragraph  # noqa: E402
from markupsafe import escape  # noqa: E402

from ..images import PictureBox  # noqa: E402
from ..qr import qr_drawing  # noqa: E402
from .blocks import BOX_PADDING, Palette, columns, flowables  # noqa: E402

if TYPE_CHECKING:
    from .booklet import Booklet

BAND = 5 * mm  # the accent band across the top of the cover and the back page
MARGIN = 18 * mm  # the cover's margin at most: A4's wide text margins would shrink its art
LOGO_H = 16 * mm  # the tallest the logo is drawn at the cover's foot
ART_SHARE = (0.2, 0.62)  # the cover art's least and greatest share of the page's height
PHOTO_SHARE = 0.3  # of the back page's width, for the trainer's photo
LINES_SHARE = 0.7  # of the contact box, for its lines when the QR code sits beside them (back.xml)


def cover_box(page: tuple[float, float], margin: float) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the cover's frame on a page of the booklet's `margin`:
    no footer at the bottom, clear of the band at the top."""
    m = min(margin, MARGIN)
    top = max(m, BAND + 5 * mm)
    return m, m, page[0] - 2 * m, page[1] - m - top


class AtFoot(Flowable):
    """Blocks set at the foot of the frame, the space above them left to what comes
    before. When they do not fit below it, they go to the next page (to its foot);
    taller than a page, they flow as usual."""

    def __init__(self, content: list[Flowable]):
        super().__init__()
        self.content = content
        self.need = 0.0

    def _measure(self, avail_w, avail_h) -> float:
        total = 0.0
        for index, flowable in enumerate(self.content):
            total += flowable.wrap(avail_w, avail_h)[1] + flowable.getSpaceAfter()
            if index:
                total += flowable.getSpaceBefore()
        return total

    def wrap(self, avail_w, avail_h):
        self.need = self._measure(avail_w, avail_h)
        self.width = avail_w
        self.height = max(avail_h - 0.01, self.need)
        return self.width, self.height

    def split(self, avail_w, avail_h):
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
            return []  # to the next page, where there is room at the foot
        return list(self.content)

    def draw(self):
        y = self.need
        for index, flowable in enumerate(self.content):
            if index:
                y -= flowable.getSpaceBefore()
            w, h = flowable.wrap(self.width, self.need)
            y -= h
            x = {"CENTER": (self.width - w) / 2, "RIGHT": self.width - w}.get(
                str(getattr(flowable, "hAlign", "LEFT")).upper(), 0)
            flowable.drawOn(self.canv, x, y)
            y -= flowable.getSpaceAfter()


class Montage(Flowable):
    """The exercises' pictures in a grid on a panel: the cover when none is given."""

    def __init__(self, pictures, width, height, palette: Palette):
        super().__init__()
        self.pictures, self.width, self.height, self.palette = pictures, width, height, palette

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def _grid(self, pad: float) -> tuple[int, int]:
        """(columns, rows) that give each picture the largest square cell."""
        n = len(self.pictures)

        def cell(cols: int) -> float:
            rows = -(-n // cols)
            return min((self.width - pad * (cols + 1)) / cols, (self.height - pad * (rows + 1)) / rows)

        cols = max(range(1, n + 1), key=cell)
        return cols, -(-n // cols)

    def draw(self):
        canv = self.canv
        canv.setFillColor(self.palette.panel)
        self.palette.panel_rect(canv, 0, 0, self.width, self.height, 8)
        if not self.pictures:
            return
        pad = 8
        cols, rows = self._grid(pad)
        cell_w = (self.width - pad * (cols + 1)) / cols
        cell_h = (self.height - pad * (rows + 1)) / rows
        # The grid is centred on the panel: a last row that is not full is centred too.
        for index, picture in enumerate(self.pictures):
            row, col = divmod(index, cols)
            in_row = min(cols, len(self.pictures) - row * cols)
            left = (self.width - in_row * cell_w - (in_row - 1) * pad) / 2
            x = left + col * (cell_w + pad)
            y = self.height - (row + 1) * (cell_h + pad)
            # Photos fill their cells (a tidy grid); drawings are shown whole.
            picture.draw(canv, x, y, cell_w, cell_h, fit="cover" if picture.photo else "contain")


class Listing(Flowable):
    """The exercises' names, numbered, on a panel of the art's size: as large as the
    panel allows (up to twice the contents' size), centred in it."""

    def __init__(self, names: list[str], width, height, style: ParagraphStyle, palette: Palette):
        super().__init__()
        self.names, self.width, self.height, self.style, self.palette = names, width, height, style, palette

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.setFillColor(self.palette.panel)
        self.palette.panel_rect(canv, 0, 0, self.width, self.height, 8)
        pad = self.style.fontSize * 1.6
        room_w, room_h = self.width - 2 * pad, self.height - 2 * pad
        for step in range(10, 3, -1):  # 2x down to 0.8x the contents' size
            style = self._style(self.style.fontSize * step / 5)
            lines, heights = [], []
            for n, name in enumerate(self.names, 1):  # no more than fill the panel
                lines.append(Paragraph(name, style, bulletText=f"{n}."))
                heights.append(lines[-1].wrap(room_w, room_h)[1] + style.spaceAfter)
                if sum(heights) > room_h:
                    break
            if sum(heights) <= room_h:
                break
        y = self.height - (self.height - sum(heights)) / 2
        for line, h in zip(lines, heights):
            if y - h < pad * 0.5:  # too many to show: the rest are in the contents
                break
            line.drawOn(canv, pad, y - h + style.spaceAfter)
            y -= h

    def _style(self, size: float) -> ParagraphStyle:
        return ParagraphStyle("listing", parent=self.style, fontSize=size, leading=size * 1.3,
                              leftIndent=size * 1.8, bulletIndent=0, bulletFontSize=size,
                              bulletFontName=self.palette.bold, bulletColor=self.palette.accent_text,
                              spaceAfter=size * 0.5)


def _stack_height(story: list[Flowable], width: float, height: float) -> float:
    return sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)


def _scaled(styles: dict[str, ParagraphStyle], scale: float) -> dict[str, ParagraphStyle]:
    """The styles with the title and subtitle at `scale`, never under the body size."""
    styles = dict(styles)
    for name in ("cover_title", "cover_sub"):
        base = styles[name]
        size = max(styles["body"].fontSize, base.fontSize * scale)
        styles[name] = ParagraphStyle(name, parent=base, fontSize=size,
                                      leading=size * base.leading / base.fontSize)
    return styles


def front(b: Booklet) -> list[Flowable]:
    """The cover page's flowables. What cover.xml writes before <image/> is the title
    block, at the top; what it writes after is the foot, at the bottom beside the logo;
    the art takes the height between."""
    s = b.settings
    width, height = cover_box(b.pagesize, b.margin)[2:]
    elements = b._render("cover", "cover.xml", title=s.title, subtitle=s.subtitle, author=s.author,
                         client=b.client)
    cut = next((i for i, el in enumerate(elements) if el.tag == "image"), None)
    head, tail = (elements, []) if cut is None else (elements[:cut], elements[cut + 1:])
    gap = b.styles["body"].fontSize * 1.6
    # The page is one page: the art gives up height to the text it must hold, then the
    # title and subtitle step down in size; past that, all of it shrinks.
    for scale in (1.0, 0.7, 0.45):
        styles = _scaled(b.styles, scale)
        top = flowables(head, styles, {}, b.palette)
        foot = _foot(flowables(tail, styles, {}, b.palette), b, width, gap)
        room = height - _stack_height(top + foot, width, height) - 2 * gap - 2
        if cut is None or room >= height * ART_SHARE[0]:
            art = [] if cut is None else [Spacer(1, gap), _art(b, width, min(room, height * ART_SHARE[1]))]
            return top + art + ([AtFoot(foot)] if foot else [])
    story = top + [Spacer(1, gap), _art(b, width, height * ART_SHARE[0])] + foot
    return [KeepInFrame(width, height - 1, story, mode="shrink")]


def _art(b: Booklet, width: float, height: float) -> Flowable:
    """The cover picture, or else a montage of the exercises' pictures, or else (none
    has one) the list of exercises on the panel, so the middle of the page is not bare."""
    s = b.settings
    if s.cover:
        return PictureBox(b.images.get(b.project.resolve(s.cover)), width, height, fit="cover")
    pictures = [b.images.get(ex.image_path) for ex in b.project.exercises if ex.image_path]
    if pictures:
        return Montage(pictures[:9], width, height, b.palette)
    names = [escape(ex.content.name) for ex in b.project.exercises]
    return Listing(names, width, height, b.styles["contents"], b.palette)


def _foot(content: list[Flowable], b: Booklet, width: float, gap: float) -> list[Flowable]:
    """The cover's foot: a rule, then the trainer's lines with the logo at the right."""
    logo = b.settings.theme.logo
    logo = b.images.get(b.project.resolve(logo)) if logo else None
    if not content and not logo:
        return []
    rule = HRFlowable(width="100%", thickness=0.75, color=b.palette.rule, spaceBefore=0,
                      spaceAfter=gap * 0.6)
    if not logo:
        return [rule] + content
    logo_w = min(width * 0.34, LOGO_H * logo.aspect)
    box = PictureBox(logo, logo_w, LOGO_H, valign=0.0)
    box.hAlign = "RIGHT"
    share = 100 * (logo_w + gap) / width
    row = columns([content, [box]], [f"{100 - share:.2f}%", f"{share:.2f}%"], gap)
    row.setStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    row.spaceAfter = 0
    return [rule, row]


def web_address(web: str) -> str:
    """author.web as a web link: https:// added when the trainer wrote only the host
    (and to anything else, so the link and the code only ever open a web page)."""
    return web if re.match(r"https?://", web, re.IGNORECASE) else f"https://{web}"


def back(b: Booklet, pages: dict[str, int]) -> list[Flowable]:
    """The back page's flowables: back.xml (the trainer, their contact and a QR code
    of their web site), then credits.xml at the foot of the page."""
    s = b.settings
    story: list[Flowable] = []
    if s.author:
        web = web_address(s.author.web) if s.author.web else None
        beside = _lines_fit_beside_code(b)
        elements = b._render("author", "back.xml", key="author", author=s.author, web=web, beside=beside)
        fill = {"image": lambda el: _photo(b), "qr": lambda el: _web_code(b, web, beside) if web else []}
        story += flowables(elements, b.styles, fill, b.palette, pages)
    if s.credits:
        elements = b._render("credits", "credits.xml", key="credits", credits=s.credits)
        credits = flowables(elements, b.styles, {}, b.palette, pages)
        if story:
            rule = HRFlowable(width="100%", thickness=0.5, color=b.palette.rule, spaceBefore=0,
                              spaceAfter=b.styles["body"].fontSize * 0.5)
            credits = [AtFoot([rule] + credits)]
        story += credits
    return story


def _photo(b: Booklet) -> list[Flowable]:
    author = b.settings.author
    if not author.photo:
        return []
    size = b.frame_w * PHOTO_SHARE
    box = PictureBox(b.images.get(b.project.resolve(author.photo)), size, size, fit="cover")
    box.hAlign = "LEFT"
    return [box]


def _lines_fit_beside_code(b: Booklet) -> bool:
    """Whether every contact line fits, unbroken, in the column beside the QR code (on
    a phone's page a long address would break mid-word: the code goes under it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    author, body = b.settings.author, b.styles["body"]
    room = (b.frame_w - 2 * BOX_PADDING) * LINES_SHARE - body.fontSize  # the columns' gap
    lines = [line for line in (author.email, author.phone, author.web) if line]
    return all(stringWidth(line, body.fontName, body.fontSize) <= room for line in lines)


def _web_code(b: Booklet, url: str, beside: bool) -> list[Flowable]:
    """The code alone: the address is printed beside it, in the contact lines."""
    code = qr_drawing(url, min(24 * mm, (b.frame_w - 2 * BOX_PADDING) * (1 - LINES_SHARE)))
    code.hAlign = "RIGHT" if beside else "LEFT"
    return [code]
