"""Styles, and the flowables made from what a template writes.

One type scale, derived from a base size, serves the poster (whose base is chosen to
fit) and the booklet (whose base is fixed by the page size).
"""

from __future__ import annotations

import functools
import hashlib

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable
from html import escape  # not xml.sax.saxutils: it imports urllib.request, http and ssl (~20 ms)

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle  # noqa: E402

from ..fonts import BLACK, BOLD, REGULAR  # noqa: E402
from .names import Name  # noqa: E402
from .para import Paragraph  # noqa: E402


@dataclass(frozen=True)
class Palette:
    """The look of a handout: colours, faces, corners and type scale (see theme.py).

    Text colours (ink, muted, heading, accent_text) read at 4.5:1 on paper, panel and
    tint, and paper reads on ink and accent_text: set text only on those pairs
    (tests/test_contrast.py measures every text in the PDFs)."""

    accent: colors.Color = colors.HexColor("#D9480F")
    ink: colors.Color = colors.HexColor("#1F2933")
    muted: colors.Color = colors.HexColor("#52606D")
    tint: colors.Color = colors.HexColor("#FDF0E9")
    paper: colors.Color = colors.HexColor("#FFFFFF")
    panel: colors.Color = colors.HexColor("#F4F5F7")
    rule: colors.Color = colors.HexColor("#D5DAE0")
    heading: colors.Color = colors.HexColor("#1F2933")  # names and page headings
    # The accent where it is text or carries text: darkened until it reads at 4.5:1
    # on paper, panels and tints (theme.readable). The plain accent is for rules and bands.
    accent_text: colors.Color = colors.HexColor("#C3400D")
    border: colors.Color | None = None  # drawn around cards and boxes when set
    regular: str = REGULAR
    bold: str = BOLD
    black: str = BLACK  # titles and names
    round: bool = True
    scale: float = 1.0  # type size, over the default

    def radius(self, r: float) -> float:
        return r if self.round else 0.0

    def panel_rect(self, canv, x, y, w, h, r, stroke=0, fill=1):
        """A rectangle with this look's corners."""
        if self.round and r > 0:
            canv.roundRect(x, y, w, h, r, stroke=stroke, fill=fill)
        else:
            canv.rect(x, y, w, h, stroke=stroke, fill=fill)


PALETTE = Palette()
NAME_SCALE = 1.6  # exercise names on the poster, over the body size
# Styles set as names and titles: broken at hyphens and stepped down to their `minSize`
# rather than overflowing (a poster's name never below 1.3x the body, DESIGN).
NAME_STYLES = ("name", "h1", "cover_title", "poster_title")


def make_styles(base: float, palette: Palette = PALETTE, tight: bool = False) -> dict[str, ParagraphStyle]:
    """The type scale at body size `base` (points). No style is smaller than `base`
    except `small`, which the booklet uses at its 9 pt floor. `tight` closes up
    leading and spacing, for a crowded poster.

    The dict is the caller's to change; the styles in it are made once per process
    and shared (never change one: derive a new style from it), so that a text's
    parsed markup is reused from one client's booklet or rebuild to the next (para.py)."""
    return dict(_styles(base, palette, tight))


@functools.lru_cache(maxsize=64)
def _styles(base: float, palette: Palette, tight: bool) -> dict[str, ParagraphStyle]:
    p = palette
    accent = p.accent_text

    def style(name, size, font=None, color=p.ink, leading=1.35, **kw):
        font = font or p.regular
        if tight:
            leading = min(leading, 1.16)
            for key in ("spaceBefore", "spaceAfter"):
                if key in kw:
                    kw[key] *= 0.5
        kw.setdefault("bulletFontSize", size)  # ReportLab's default is a fixed 10 pt
        kw.setdefault("bulletFontName", font)
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=round(size * leading, 2), textColor=color, **kw
        )

    b = base
    u = b * (1.16 if tight else 1.3)  # the poster card's unit of rhythm
    return {
        # No paragraph's last line alone at the top of a page ("pain." on a phone page).
        "body": style("body", b, spaceAfter=b * 0.35, allowWidows=0),
        "lead": style("lead", b * 1.1, color=p.muted, spaceAfter=b * 0.6),
        "small": style("small", max(9.0, b * 0.85), color=p.muted),
        # The poster's card keeps to one rhythm: leading of a unit `u` (the body's) and
        # space between parts in quarters of it.
        "name": style("name", b * NAME_SCALE, p.black, color=p.heading, leading=1.5 * u / (b * NAME_SCALE),
                      spaceAfter=u * 0.5, minSize=b * 1.3),
        "h1": style("h1", b * 1.9, p.black, color=p.heading, leading=1.1, spaceAfter=b * 0.5, keepWithNext=1,
                    minSize=b * 1.5),
        "h2": style("h2", b, p.bold, color=accent, spaceBefore=b * 0.6, spaceAfter=b * 0.15,
                    keepWithNext=1),
        "step": style("step", b, leftIndent=b * 1.7, bulletIndent=0, bulletFontName=p.bold,
                      bulletColor=accent, spaceAfter=b * 0.25),
        "bullet": style("bullet", b, leftIndent=b * 1.1, bulletIndent=b * 0.1,
                        bulletColor=accent, spaceAfter=b * 0.25),
        # The cue's text starts past its number, so wrapped lines align with the first.
        "cue": style("cue", b, leading=u / b, leftIndent=b * 1.3, bulletIndent=0,
                     bulletColor=accent, bulletFontName=p.bold, spaceAfter=u * 0.25),
        # The dose as a spec row: sets x reps large and dark, then rest and frequency.
        "dose": style("dose", b * 1.3, p.bold, leading=1.25 * u / (b * 1.3), spaceBefore=u * 0.5),
        # A block's title over its cards ("Main circuit"), then its rounds and rest.
        "block_title": style("block_title", b * 1.3, p.black, color=p.heading, leading=1.25),
        "dose_more": style("dose_more", b, color=p.muted, leading=u / b),
        "tempo_text": style("tempo_text", b, p.bold, leading=u / b, spaceBefore=u * 0.25),
        "meta": style("meta", b, color=p.muted, leading=1.3),
        "strong": style("strong", b, p.bold, leading=1.3),
        "label": style("label", max(9.0, b * 0.9), p.bold, color=accent, leading=1.3,
                       spaceBefore=b * 0.3),
        "caution": style("caution", b, leading=u / b, spaceBefore=u * 0.5),
        "box_title": style("box_title", b, p.bold, color=accent, spaceAfter=b * 0.25),
        # The booklet's exercise page: the spec panel's rows (a label, then its value)
        # and the name repeated over a continuation ("Hip Raise (cont.)").
        # 9.2 pt at least: an exercise page shrunk by 2% to stay whole keeps it over 9.
        "spec_label": style("spec_label", max(9.2, b * 0.85), p.bold, color=accent, leading=1.45),
        "spec": style("spec", b, leading=1.3, leftIndent=b * 6.5, bulletIndent=0, bulletFontName=p.bold,
                      bulletFontSize=max(9.2, b * 0.85), bulletColor=accent, spaceAfter=b * 0.3),
        "spec_strong": style("spec_strong", b, p.bold, leading=1.3, leftIndent=b * 6.5, bulletIndent=0,
                             bulletFontSize=max(9.2, b * 0.85), bulletColor=accent, spaceAfter=b * 0.3),
        "running": style("running", b * 1.35, p.black, color=p.heading, leading=1.2, spaceAfter=b * 0.4),
        "cover_title": style("cover_title", b * 3.4, p.black, color=p.heading, leading=1.05, spaceAfter=b * 0.8,
                             minSize=b * 2),
        "cover_sub": style("cover_sub", b * 1.5, color=p.muted, leading=1.3, spaceAfter=b),
        "cover_author": style("cover_author", b * 1.2, p.bold, leading=1.3),
        "poster_title": style("poster_title", b * 3.2, p.black, color=p.heading, leading=1.05, minSize=b * 2),
        "poster_sub": style("poster_sub", b * 1.3, color=p.muted, leading=1.3, spaceBefore=b * 0.4),
        "poster_trainer": style("poster_trainer", b, p.bold, leading=1.3, alignment=TA_RIGHT),
        "poster_contact": style("poster_contact", b, color=p.muted, leading=1.3, alignment=TA_RIGHT),
        "footer": style("footer", b, color=p.muted, leading=1.3),
        "contents": style("contents", b * 1.1, leading=1.3),
        "contents_page": style("contents_page", b * 1.1, p.bold, color=accent, leading=1.3,
                               alignment=TA_RIGHT),
        "log_head": style("log_head", max(9.0, b * 0.9), p.bold, color=p.muted, leading=1.2),
        "log_name": style("log_name", max(9.0, b * 0.9), p.bold, leading=1.2),
        "center": style("center", b, alignment=TA_CENTER),
        "left": style("left", b, alignment=TA_LEFT),
    }


class Anchored(Name):
    """A heading that marks its page: a link target, an outline entry, a page number.

    Drawing is the only moment the page is known, so the bookkeeping happens here.
    """

    def __init__(self, text, style, key: str, title: str, level: int, pages: dict[str, int]):
        super().__init__(text, style)
        self.key, self.title, self.level, self.pages = key, title, level, pages

    def draw(self):
        if self.__dict__.pop("marked", None) is not self.canv:
            self.mark(self.canv)
        super().draw()

    def mark(self, canv) -> None:
        """The bookkeeping, which whatever holds the heading may do before drawing it
        (an exercise does, so that its drawing can be written again: see replay)."""
        canv.bookmarkPage(self.key)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=True)
        self.pages[self.key] = canv.getPageNumber()
        self.marked = canv

    def split(self, avail_w, avail_h):
        return []  # a heading never splits; it moves to the next frame whole


Fill = Callable[[ET.Element], list[Flowable]]


_MARKUP: dict[int, tuple[ET.Element, str]] = {}  # by element: rendered texts share theirs (templates)


def inner_markup(element: ET.Element) -> str:
    """The element's content as paragraph markup (its text and child tags)."""
    kept = _MARKUP.get(id(element))
    if kept is not None and kept[0] is element:  # the element is kept: its id is not reused
        return kept[1]
    text = ET.tostring(element, encoding="unicode")
    start = text.find(">") + 1
    end = text.rfind("</")
    markup = text[start:end] if end > start else ""
    if len(_MARKUP) >= 20_000:
        _MARKUP.clear()
    _MARKUP[id(element)] = (element, markup)
    return markup


def markup_key(elements: list[ET.Element]) -> str:
    """What a template wrote, as one string: the key of what is made from it. The
    text it was read from, when the elements are a template's whole output as
    rendered (templates.Rendered): the same text always makes the same elements."""
    text = getattr(elements, "text", None)
    if text is not None:
        return "text:" + text
    return "".join(ET.tostring(el, encoding="unicode") for el in elements)


def tempo_key(tempo) -> tuple | None:
    """A tempo's seconds, as a key of what is drawn from it."""
    return None if tempo is None else tuple(getattr(tempo, k) for k in ("lower", "pause", "lift", "hold"))


def flowables(
    elements: list[ET.Element],
    styles: dict[str, ParagraphStyle],
    fill: dict[str, Fill] | None = None,
    palette: Palette = PALETTE,
    pages: dict[str, int] | None = None,
) -> list[Flowable]:
    """Flowables for the elements a template wrote, in order (the tags are declared in
    `tags.TAGS` and checked when the template is rendered).

    A heading (<h key=...>) records its page in `pages` when it is drawn; the
    placeholders (<image/>, <tempo/>, <qr/>) become what `fill` makes of them.
    """
    out: list[Flowable] = []
    entries: list[ET.Element] = []
    context = _Context(styles, fill or {}, palette, pages)
    for el in elements:
        if el.tag == "entry":
            entries.append(el)
            continue
        if entries:
            out.append(_contents_table(entries, styles, palette, pages))
            entries = []
        out.extend(HANDLERS[el.tag](el, context))
    if entries:
        out.append(_contents_table(entries, styles, palette, pages))
    return out


@dataclass
class _Context:
    styles: dict[str, ParagraphStyle]
    fill: dict[str, Fill]
    palette: Palette
    pages: dict[str, int] | None

    def style(self, el: ET.Element) -> ParagraphStyle:
        return self.styles[el.get("style", "body")]

    def inside(self, el: ET.Element) -> list[Flowable]:
        return flowables(list(el), self.styles, self.fill, self.palette, self.pages)


def _heading(el, c: _Context) -> list[Flowable]:
    if c.pages is None or not el.get("key"):
        return [_paragraph(inner_markup(el), c.style(el))]
    title = " ".join("".join(el.itertext()).split())
    level = int(el.get("level", "0"))
    return [Anchored(inner_markup(el), c.style(el), el.get("key"), title, level, c.pages)]


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    if style.name in NAME_STYLES:
        return Name(text, style)
    return Paragraph(text, style)


def _columns(el, c: _Context) -> list[Flowable]:
    cols = [col for col in el if col.tag == "col"]
    if not cols:
        return []
    cells = [c.inside(col) for col in cols]
    widths = [col.get("width") or f"{100 / len(cols):.3f}%" for col in cols]
    return [columns(cells, widths, gap=c.styles["body"].fontSize)]


# The handler of each tag; `tags.TAGS` declares the same tags with their attributes.
HANDLERS: dict[str, Callable[[ET.Element, _Context], list[Flowable]]] = {
    "p": lambda el, c: [_paragraph(inner_markup(el), c.style(el))],
    "h": _heading,
    "li": lambda el, c: [Paragraph(inner_markup(el), c.style(el), bulletText=el.get("bullet", "•"))],
    "space": lambda el, c: [Spacer(1, float(el.get("h", "6")))],
    "keep": lambda el, c: [KeepTogether(c.inside(el))],
    "box": lambda el, c: [box(c.inside(el), c.palette, el.get("style", "box"))],
    "columns": _columns,
    "entry": lambda el, c: [],  # gathered into the contents table by `flowables`
    "col": lambda el, c: c.inside(el),  # only ever met inside <columns>
    "image": lambda el, c: c.fill["image"](el) if "image" in c.fill else [],
    "tempo": lambda el, c: c.fill["tempo"](el) if "tempo" in c.fill else [],
    "qr": lambda el, c: c.fill["qr"](el) if "qr" in c.fill else [],
}


class Columns(Table):
    """Blocks side by side. A row of columns cannot split, so when it is taller than
    a whole frame its blocks are stacked instead, each free to split."""

    def __init__(self, cells: list[list[Flowable]], widths: list[str], gap: float):
        super().__init__([cells], colWidths=widths)
        self.cells, self.gap = cells, gap

    def split(self, avail_w, avail_h):
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
            return []  # on to the next page: there it fits, or it is stacked from the top
        stacked: list[Flowable] = []
        for cell in self.cells:
            stacked += cell + [Spacer(1, self.gap * 0.6)]
        return stacked


def columns(cells: list[list[Flowable]], widths: list[str], gap: float) -> Table:
    """Blocks side by side, tops aligned, `gap` points apart."""
    table = Columns(cells, widths, gap)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-2, -1), gap),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.spaceAfter = gap * 0.4
    return table


BOX_KINDS = ("box", "tip", "caution", "dose")  # the `style` of a <box>: caution is tinted
BOX_PADDING = 10  # points, left and right of a box's content


class Box(Table):
    """A one-cell table that splits in its row. When its content fits and only the
    bottom padding does not, ReportLab leaves an empty panel for the next page (a page
    blank but for the rule); that part is dropped instead."""

    def split(self, avail_w, avail_h):
        parts = super().split(avail_w, avail_h)
        if len(parts) == 2 and not parts[1]._cellvalues[0][0]:
            return parts[:1]
        return parts


def box(content: list[Flowable], palette: Palette, kind: str = "box") -> Table:
    """Content set apart on a tinted panel with an accent rule on its left. It splits
    across pages like text (`splitInRow`), each part with its panel and rule."""
    table = Box([[content]], colWidths=["100%"], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), palette.tint if kind == "caution" else palette.panel),
                ("BOX", (0, 0), (-1, -1), 1, palette.border or palette.panel),
                ("LINEBEFORE", (0, 0), (0, -1), 3, palette.accent),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 5, 6
    return table


def _contents_table(entries: list[ET.Element], styles, palette: Palette, pages: dict[str, int] | None) -> Table:
    rows = []
    for el in entries:
        href = el.get("href", "")
        title = inner_markup(el)
        level = int(el.get("level", "0"))
        style = styles["contents"] if level == 0 else styles["body"]
        link = f'<a href="{href}">{title}</a>' if href else title
        page = el.get("page", "")
        if not page and href.startswith("#") and pages is not None:
            number = PageRef(href[1:], styles["contents_page"], pages)
        else:
            number = Paragraph(f'<a href="{href}">{page}</a>' if href and page else page, styles["contents_page"])
        indent = "&nbsp;" * 4 * level
        rows.append([Paragraph(indent + link, style), number])
    table = Table(rows, colWidths=["86%", "14%"])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, palette.rule),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


class PageRef(Flowable):
    """The page a link target lands on, in the contents. It is known only once the
    whole document is laid out, so the number is a form filled in then
    (HandoutCanvas.later); the cell is a link to the target."""

    def __init__(self, key: str, style: ParagraphStyle, pages: dict[str, int]):
        super().__init__()
        self.key, self.style, self.pages = key, style, pages

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, self.style.leading
        return self.width, self.height

    def draw(self):
        key, width, height = self.key, self.width, self.height

        def number(canv):
            text = Paragraph(str(self.pages.get(key, "")), self.style)
            text.wrap(width, height * 2)
            text.drawOn(canv, 0, 0)

        name = "page" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
        self.canv.later(name, (0, 0, width, height), number)
        self.canv.linkRect("", key, (0, 0, width, height), relative=1, thickness=0)


class TempoBar(Flowable):
    """The tempo of one repetition as a bar: a segment per phase, as long as its
    seconds, each named ("lift 2 s"). Distinct tones, so it survives a black-and-white
    copy. Where the words do not fit, the catalogue's short forms ("sub. 2 s") are
    tried, then numbered segments with a key under the bar: a phase is always named."""

    PHASES = ("lift", "hold", "lower", "pause")
    # Each way of naming the phases, tried in order until the bar holds it.
    NAMINGS = ("word", "short", "key")

    def __init__(self, tempo, labels: Mapping[str, str], style: ParagraphStyle, palette: Palette = PALETTE):
        super().__init__()
        self.phases = [(p, getattr(tempo, p, None)) for p in self.PHASES if getattr(tempo, p, None)]
        self.labels, self.style, self.palette = labels, style, palette
        self.size = style.fontSize
        self.bar_h = self.size * 1.9
        self.height = self.bar_h
        self.width = 0.0
        self.naming = "word"
        self.key: Paragraph | None = None
        self.spaceBefore, self.spaceAfter = self.size * 0.35, self.size * 0.35

    def _texts(self, naming: str) -> list[str]:
        names = {
            "word": [self.labels[p] for p, _ in self.phases],
            "short": [self.labels[f"{p}_short"] for p, _ in self.phases],
            "key": [f"{n}:" for n in range(1, len(self.phases) + 1)],
        }[naming]
        return [f"{name}\u00a0{_secs(s)}\u00a0s" for name, (_, s) in zip(names, self.phases)]

    def _fits(self, texts: list[str], width: float) -> bool:
        return sum(self._text_w(t) + self.size for t in texts) + 2 * (len(texts) - 1) <= width

    def _text_w(self, text: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, self.palette.bold, self.size)

    def wrap(self, avail_w, avail_h):
        if not self.phases:
            self.width = 0
            return 0, 0
        self.width = avail_w
        self.naming = next((n for n in self.NAMINGS if self._fits(self._texts(n), avail_w)), "key")
        self.height = self.bar_h
        self.key = None
        if self.naming == "key":
            words = [f"{n}:\u00a0{escape(self.labels[p], quote=False)}" for n, (p, _) in enumerate(self.phases, 1)]
            key_style = ParagraphStyle("tempo_key", parent=self.style, fontName=self.palette.regular,
                                       fontSize=self.size, leading=self.size * 1.2, textColor=self.palette.ink)
            self.key = Paragraph(" \u00b7 ".join(words), key_style)
            _, key_h = self.key.wrap(avail_w, avail_h)
            self.height = self.bar_h + self.size * 0.3 + key_h
        return self.width, self.height

    def _widths(self, texts: list[str]) -> list[float]:
        gap = 2.0 * (len(texts) - 1)
        mins = [self._text_w(t) + self.size for t in texts]
        total = sum(s for _, s in self.phases)
        room = self.width - gap
        widths = [max(m, room * s / total) for m, (_, s) in zip(mins, self.phases)]
        # Segments widened to hold their label are paid for by the others.
        excess = sum(widths) - room
        if excess > 0:
            slack = [w - m for w, m in zip(widths, mins)]
            spare = sum(slack)
            if spare > 0:
                widths = [w - excess * s / spare for w, s in zip(widths, slack)]
        return widths

    def draw(self):
        if not self.phases:
            return
        canv, p = self.canv, self.palette
        texts = self._texts(self.naming)
        fills = {"lift": (p.accent_text, p.paper), "hold": (p.ink, p.paper), "lower": (p.tint, p.ink),
                 "pause": (p.paper, p.ink)}
        outlined = ("lower", "pause")  # pale fills keep an edge on white paper
        x = 0.0
        bottom = self.height - self.bar_h
        radius = p.radius(self.bar_h * 0.22)
        for (phase, _), text, width in zip(self.phases, texts, self._widths(texts)):
            back, fore = fills[phase]
            canv.setFillColor(back)
            canv.setStrokeColor(p.accent)
            canv.setLineWidth(0.8)
            p.panel_rect(canv, x, bottom, width, self.bar_h, radius, stroke=1 if phase in outlined else 0)
            canv.setFillColor(fore)
            canv.setFont(p.bold, self.size)
            canv.drawCentredString(x + width / 2, bottom + self.bar_h / 2 - self.size * 0.36, text)
            x += width + 2.0
        if self.key is not None:
            self.key.drawOn(canv, 0, 0)


def tempo_flowable(tempo, labels: Mapping[str, str], styles, palette: Palette = PALETTE,
                   bar: bool = True) -> Flowable:
    """The tempo as a bar when it has two phases or more and `bar` allows, else as a
    line of text ("hold 5 s"): a bar of one phase says nothing a line does not."""
    shape = TempoBar(tempo, labels, styles["strong"], palette)
    if bar and len(shape.phases) >= 2:
        return shape
    return Paragraph("\u00a0\u00b7 ".join(shape._texts("word")), styles["tempo_text"])


def _secs(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
