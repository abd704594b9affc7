"""The poster: one page, a card per exercise, pictures first.

The type is the paper's normal size and the pictures take the room (layout/grid.py
chooses the grid from what is measured here). Nothing is ever clipped or sent to a
second page: if the text cannot fit at the floor, the build fails naming the exercise
whose text is the longest.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.pagesizes import A2, A3, A4, LETTER, TABLOID, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import Frame, Spacer  # noqa: E402
from markupsafe import escape  # noqa: E402

from ..errors import HandoutError, Problem  # noqa: E402
from ..images import ImageStore, file_key  # noqa: E402
from ..markup import sentence  # noqa: E402
from ..models import LoadedExercise  # noqa: E402
from ..output import HandoutCanvas  # noqa: E402
from ..project import LoadedProject, card_marks  # noqa: E402
from ..qr import qr_drawing, short_url  # noqa: E402
from ..templates import Templates  # noqa: E402
from .grid import FLOOR, NORMAL, Density, Grid, Page, Refusal, choose, sizes  # noqa: E402
from .blocks import PALETTE, Palette, flowables, make_styles, markup_key, tempo_flowable, tempo_key  # noqa: E402
from .measures import Measures  # noqa: E402
from .names import lines  # noqa: E402
from .para import Paragraph  # noqa: E402
from . import replay  # noqa: E402
from ..svgcache import define  # noqa: E402

SIZES = {"A4": A4, "A3": A3, "A2": A2, "Letter": LETTER, "Tabloid": TABLOID}
CROP_MARGIN = 10 * mm  # room outside the bleed for crop marks
SAFE_EDGE = 5 * mm  # office printers leave 4-5 mm unprinted: nothing is drawn nearer the edge
NAME_LEAST = 1.3  # a name's least size, over the body (DESIGN)
TRAINER_SHARE = 0.42  # the most of the header's width the trainer's lines take


def poster_cues(ex: LoadedExercise) -> list[str]:
    """The cues a card shows: as given, or the first sentence of up to four steps."""
    content = ex.content
    return list(content.cues) if content.cues else [sentence(s) for s in content.steps[:4]]


def _text_line(ex: LoadedExercise) -> int | None:
    """The line of the text a trainer would shorten: the cues, else the steps."""
    from ..loading import YamlFileError, read_yaml

    try:
        doc = read_yaml(ex.path)  # parsed already: the loader keeps it
    except YamlFileError:
        return None
    return doc.line_of(("cues",) if ex.content.cues else ("steps",))


@dataclass
class Region:
    """A rectangle of the trimmed page that holds text (for tests and preflight)."""

    kind: str
    x: float
    y: float
    w: float
    h: float


@dataclass
class PosterOptions:
    size: str | None = None
    orientation: str | None = None
    bleed_mm: float | None = None
    crop_marks: bool | None = None
    only: list[str] | None = None


class Poster:
    def __init__(self, project: LoadedProject, templates: Templates, images: ImageStore,
                 options: PosterOptions | None = None, palette: Palette = PALETTE):
        options = options or PosterOptions()
        s = project.settings
        self.project, self.settings, self.palette, self.images = project, s, palette, images
        self.size = options.size or s.poster.size
        orientation = options.orientation or s.poster.orientation
        self.pagesize = SIZES[self.size] if orientation == "portrait" else landscape(SIZES[self.size])
        self.bleed = (s.poster.bleed if options.bleed_mm is None else options.bleed_mm) * mm
        self.crop_marks = s.poster.crop_marks if options.crop_marks is None else options.crop_marks
        # Blocks group the cards under their titles; cards picked with --only stand alone.
        self.groups = project.groups() if not options.only else [(None, project.select(options.only))]
        self.exercises = [ex for _, members in self.groups for ex in members]
        self.marks = card_marks(self.groups)
        self.t = templates.t

        w, h = self.pagesize
        self.short_side = min(w, h)
        # DESIGN's normal size and floor; a large-print theme raises both.
        self.normal = NORMAL[self.size] * palette.scale
        self.floor = FLOOR[self.size] * palette.scale
        self.gap = self.short_side * 0.022
        self.margin = max(self.short_side * 0.045, SAFE_EDGE + 3 * mm)
        self.header = templates.render("poster_header.xml", title=s.poster.title or s.title,
                                       subtitle=s.subtitle)
        self.trainer = templates.render("poster_trainer.xml", author=s.author)
        self.footer = templates.render("poster_footer.xml", footer=s.poster.footer, credits=s.credits)
        self.block_titles = [templates.render("poster_block.xml", block=block) if block else []
                             for block, _ in self.groups]
        # A dose that changes with the phases is shown as the first phase's, named.
        first_phase = s.phases[0].name if s.phases else None
        self.cards = [templates.render("poster_card.xml", ex=ex.content, id=ex.id, cues=poster_cues(ex),
                                       phase=first_phase if ex.phase_doses else None)
                      for ex in self.exercises]
        self.pictures = [images.get(ex.image_path) if ex.image_path else None for ex in self.exercises]
        self.logo = images.get(project.resolve(s.theme.logo)) if s.theme.logo else None
        self.regions: list[Region] = []
        self._flows = _CARD_FLOWS
        self._chrome_cache: dict[float, tuple[float, float, float]] = {}
        # What a measurement depends on besides its size and width: the faces, the
        # type scale and the words (labels) the layout adds, then each card's text.
        self.measures = Measures(f"poster|{project.file.resolve()}|{self.size}|{orientation}")
        self._sig = (palette.regular, palette.bold, palette.black, palette.scale,
                     hashlib.blake2b(repr(sorted(self.t.items())).encode(), digest_size=16).hexdigest())
        self._card_text = [(markup_key(card), tempo_key(ex.content.tempo), ex.content.video, bool(ex.content.dose))
                           for card, ex in zip(self.cards, self.exercises)]
        self._look = (repr(palette), self._sig)  # what a card's flowables are drawn with

    # --- measuring ----------------------------------------------------------------

    def _card_flows(self, index: int, base: float, density: Density) -> list:
        """The card's flowables at this size, made once per size and look, and kept
        for the next build in this process (`watch`): only an edited card is made anew."""
        key = (self._look, self._card_text[index], base, density)
        if key not in self._flows:
            if len(self._flows) > 5000:
                self._flows.clear()
            ex = self.exercises[index].content
            styles = self._card_styles(base, density)
            show_tempo = ex.tempo and not (density.crowded and ex.dose)
            fill = {
                # A tight card names the tempo in a line of text instead of a bar.
                "tempo": lambda el: [tempo_flowable(ex.tempo, self.t, styles, self.palette,
                                                    bar=not density.tight)] if show_tempo else [],
                "qr": lambda el: self._qr(ex.video, base, styles) if ex.video else [],
            }
            self._flows[key] = flowables(self.cards[index], styles, fill, self.palette)
        return self._flows[key]

    def _card_styles(self, base: float, density: Density) -> dict:
        styles = make_styles(base, self.palette, tight=density.tight)
        if density.crowded:  # the name at its least size, lists closed up
            name, cue = styles["name"], styles["cue"]
            styles["name"] = ParagraphStyle("name", parent=name, fontSize=name.minSize,
                                            leading=name.leading * name.minSize / name.fontSize)
            styles["cue"] = ParagraphStyle("cue", parent=cue, spaceAfter=0)
        return styles

    def _qr(self, url: str, base: float, styles) -> list:
        code = qr_drawing(url, max(20 * mm, base * 5))
        code.hAlign = "LEFT"
        return [Spacer(1, base * 0.4), code, Spacer(1, base * 0.2),
                Paragraph(str(escape(short_url(url))), styles["meta"])]

    def measure(self, index: int, base: float, density: Density, width: float) -> float:
        width = round(width, 2)
        return self.measures.get(
            ("card", self._sig, self._card_text[index], base, density, width),
            lambda: _stack_height(self._card_flows(index, base, density), width))

    def names_fit(self, base: float, width: float) -> bool:
        """Every name fits `width` at its least size (1.3x `base`) without a cut word."""
        width = round(width, 2)
        names = tuple(ex.content.name for ex in self.exercises)
        return self.measures.get(
            ("names", self._sig, names, base, width),
            lambda: all(lines(name, self.palette.black, base * NAME_LEAST, width) is not None
                        for name in names))

    def title_height(self, group: int, base: float) -> float:
        """The height of a block's title band over its cards (0 when it has none)."""
        if not self.block_titles[group]:
            return 0.0
        width = self.pagesize[0] - 2 * self.margin

        def measured() -> float:
            flows = flowables(self.block_titles[group], make_styles(base, self.palette), palette=self.palette)
            return _stack_height(flows, width) + self.gap * 0.5

        return self.measures.get(("title", self._sig, markup_key(self.block_titles[group]), base, width,
                                  self.gap), measured)

    def _chrome_styles(self, base: float):
        return make_styles(base, self.palette)

    def _chrome(self, base: float) -> tuple[float, float, float]:
        """The header's height, the footer's and the trainer column's width at this size."""
        if base not in self._chrome_cache:
            inner = self.pagesize[0] - 2 * self.margin
            parts = ("chrome", self._sig, markup_key(self.header), markup_key(self.trainer), markup_key(self.footer),
                     self.logo is not None, base, inner, self.gap)
            self._chrome_cache[base] = tuple(self.measures.get(parts, lambda: self._measure_chrome(base)))
        return self._chrome_cache[base]

    def _measure_chrome(self, base: float) -> tuple[float, float, float]:
        styles = self._chrome_styles(base)
        inner = self.pagesize[0] - 2 * self.margin
        trainer = flowables(self.trainer, styles, palette=self.palette)
        # The trainer's lines are each kept whole: the column is as wide as the
        # longest, up to a share of the header.
        trainer_w = min(max((f.minWidth() for f in trainer), default=0.0) + 1,
                        inner * TRAINER_SHARE)
        if self.logo:
            trainer_w = max(trainer_w, inner * 0.2)
        title_w = inner - (trainer_w + self.gap if trainer_w > 1 else 0)
        head = max(_stack_height(flowables(self.header, styles, palette=self.palette), title_w),
                   _stack_height(trainer, trainer_w) + (self._logo_height(styles) if self.logo else 0))
        foot = (_stack_height(flowables(self.footer, styles, palette=self.palette), inner)
                if self.footer else 0)
        return head, foot, trainer_w

    def _logo_height(self, styles) -> float:
        return styles["body"].fontSize * 3.2

    def _band(self) -> float:
        return max(2.5 * mm, self.pagesize[1] * 0.006)

    def room(self, base: float, density: Density) -> tuple[float, float]:
        """The width and height the grid of cards has at this body size."""
        head, foot, _ = self._chrome(base)
        w, h = self.pagesize
        top = self._grid_top(head)
        bottom = self.margin + (foot + self.gap if foot else 0)
        return w - 2 * self.margin, top - bottom

    def _grid_top(self, head: float) -> float:
        return self.pagesize[1] - self.margin - head - self.gap * 1.4

    def fit(self) -> Grid:
        aspects = tuple(p.aspect if p is not None else None for p in self.pictures)
        page = Page(self.room, self.gap, aspects, sizes(self.normal, self.floor), self.names_fit,
                    tuple(len(members) for _, members in self.groups), self.title_height)
        grid = choose(page, self.measure)
        if self.measures.recalled and not self._confirmed(grid):
            # A kept measurement was wrong (the cache damaged or edited): the chosen
            # cards, or the refusal, are measured afresh before anything is drawn.
            self.measures.distrust()
            self._chrome_cache.clear()
            grid = choose(page, self.measure)
        if isinstance(grid, Refusal):
            self._fail(grid.card)
        return grid

    def _confirmed(self, grid: Grid | Refusal) -> bool:
        """Whether the cards measure now what they were remembered to (a refusal is
        never taken from memory)."""
        if isinstance(grid, Refusal):
            return False
        width = round(grid.text_w, 2)
        return all(abs(_stack_height(self._card_flows(i, grid.base, grid.density), width) - need) < 0.01
                   for i, need in enumerate(grid.needs))

    def _fail(self, index: int):
        ex = self.exercises[index]
        w, h = SIZES[self.size]
        bigger = {"A4": "A3", "Letter": "Tabloid", "A3": "A2", "Tabloid": "A2"}.get(self.size)
        ways = []
        if bigger:
            ways.append(f"a larger size (--size {bigger})")
        ways.append("the other orientation (--orientation)")
        ways += ["fewer exercises (--only id,id)", "shorter cues (at most 4, about 40 characters each)"]
        message = (
            f"the poster cannot fit '{' '.join(ex.content.name.split())}' on one {self.size} page with text of at least "
            f"{self.floor:g} pt: its text is the longest of {len(self.exercises)}. Ways out: "
            + "; ".join(ways)
        )
        raise HandoutError([Problem(ex.path, message, _text_line(ex))])

    # --- drawing --------------------------------------------------------------------

    def build(self) -> bytes:
        grid = self.fit()
        styles = self._card_styles(grid.base, grid.density)
        chrome = self._chrome_styles(grid.base)
        m = self.margin
        head, foot, trainer_w = self._chrome(grid.base)
        w, h = self.pagesize
        gap, bleed = self.gap, self.bleed
        offset = bleed + (CROP_MARGIN if self.crop_marks else 0)

        buffer = io.BytesIO()
        canv = HandoutCanvas(buffer, pagesize=(w + 2 * offset, h + 2 * offset), images=self.images)
        s = self.settings
        canv.setTitle(s.poster.title or s.title)
        canv.setAuthor(s.author.name if s.author else "")
        canv.setSubject(s.subtitle or "")
        canv.setTrimBox((offset, offset, offset + w, offset + h))
        canv.setBleedBox((offset - bleed, offset - bleed, offset + w + bleed, offset + h + bleed))
        if self.crop_marks:
            self._crop_marks(canv, offset, w, h)
        canv.translate(offset, offset)
        self.regions = []

        # A band of the accent along the top: run into the bleed when the print shop
        # trims, else inside the edge an office printer leaves blank.
        band = self._band()
        canv.setFillColor(self.palette.accent)
        if bleed:
            canv.rect(-bleed, h - band, w + 2 * bleed, band + bleed, stroke=0, fill=1)
        else:
            canv.rect(SAFE_EDGE, h - SAFE_EDGE - band, w - 2 * SAFE_EDGE, band, stroke=0, fill=1)

        inner_w = w - 2 * m
        top = h - m
        title_w = inner_w - (trainer_w + gap if trainer_w > 1 else 0)
        self._frame(canv, self.header, chrome, m, top - head, title_w, head, "header")
        trainer_x = m + inner_w - trainer_w
        trainer_top = top
        if self.logo:
            logo_h = self._logo_height(chrome)
            self.logo.draw(canv, trainer_x, top - logo_h, trainer_w, logo_h * 0.85, align=1.0)
            trainer_top -= logo_h
        if trainer_w > 1:
            self._frame(canv, self.trainer, chrome, trainer_x, top - head, trainer_w,
                        head - (top - trainer_top), "trainer")
        rule_y = top - head - gap * 0.7
        canv.setFillColor(self.palette.accent)
        canv.rect(m, rule_y, inner_w, max(2.0, grid.base * 0.22), stroke=0, fill=1)

        top = self._grid_top(head)
        group = 0
        for row, cards in enumerate(grid.row_cards):
            if grid.titles[row]:  # a block starts: its title across the page
                while not self.block_titles[group]:
                    group += 1
                self._frame(canv, self.block_titles[group], make_styles(grid.base, self.palette), m,
                            top - grid.titles[row] + self.gap * 0.5, inner_w,
                            grid.titles[row] - self.gap * 0.5, "block")
                top -= grid.titles[row]
                group += 1
            card_h = grid.row_heights[row]
            for col, index in enumerate(cards):
                x = m + col * (grid.cell_w + grid.gap)
                self._card(canv, index, styles, grid, x, top - card_h, card_h)
            top -= card_h + grid.gap

        if self.footer:
            self._frame(canv, self.footer, chrome, m, m, inner_w, foot, "footer")
        canv.showPage()
        canv.save()
        self.measures.save()
        return buffer.getvalue()

    def _frame(self, canv, elements, styles, x, y, width, height, kind, story=None):
        frame = Frame(x, y, width, height + 1, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, showBoundary=0)
        story = story if story is not None else flowables(elements, styles, palette=self.palette)
        if kind is not None:
            self.regions.append(Region(kind, x, y, width, height + 1))
        frame.addFromList(story, canv)
        if story:  # measured to fit, so this is a bug, not bad content
            raise RuntimeError("poster text did not fit the space measured for it")

    def _card(self, canv, index, styles, grid: Grid, x, y, h):
        """A card, drawn, or written again from what the same card drew where it stood in
        the last build (replay): a `watch` rebuild draws only the card edited."""
        img, text = grid.boxes(index, x, y, h)
        picture = self.pictures[index]
        if picture is not None and picture.drawing is not None:
            define(canv, picture.drawing)  # its form first, so the card only places it
        content = self.exercises[index].content
        key = (self._look, self._card_text[index], grid.base, grid.density, grid.pad, grid.cell_w,
               self.marks[index], x, y, h, tuple(img), tuple(text),
               None if picture is None else (file_key(picture.path), picture.photo),
               content.image_fit, tuple(content.image_focus), content.image_alt)
        if len(_CARDS_DRAWN) > 2000:
            _CARDS_DRAWN.clear()
        self.regions += [Region("card", x, y, grid.cell_w, h), Region("card text", *text[:3], text[3] + 1)]
        replay.draw(_CARDS_DRAWN, key, canv, lambda: self._draw_card(canv, index, styles, grid, x, y, h))

    def _draw_card(self, canv, index, styles, grid: Grid, x, y, h):
        pad = grid.pad
        canv.saveState()
        canv.setFillColor(self.palette.panel)
        if self.palette.border:
            canv.setStrokeColor(self.palette.border)
            canv.setLineWidth(max(1.0, grid.base * 0.1))
        self.palette.panel_rect(canv, x, y, grid.cell_w, h, min(pad, grid.base * 0.7),
                                stroke=1 if self.palette.border else 0)
        canv.restoreState()

        img, text = grid.boxes(index, x, y, h)
        picture = self.pictures[index]
        if picture is not None:
            content = self.exercises[index].content
            picture.draw(canv, *img, fit=content.image_fit, focus=content.image_focus,
                         valign=0.5, alt=content.image_alt)
        self._badge(canv, self.marks[index], x + pad * 0.6, y + h - pad * 0.6, grid.base)
        story = list(self._card_flows(index, grid.base, grid.density))
        self._frame(canv, None, styles, *text, kind=None, story=story)  # its region: see _card

    def _badge(self, canv, mark: str, left: float, top: float, base: float):
        """The exercise's place in the workout ("3", or "A2" in a circuit), in an accent
        disc at the card's corner; a pill when the mark is wider than a disc."""
        r = base * 1.05
        size = base * 1.1
        text_w = stringWidth(mark, self.palette.bold, size)
        w = max(2 * r, text_w + base * 0.8)
        canv.saveState()
        canv.setFillColor(self.palette.accent_text)
        canv.roundRect(left, top - 2 * r, w, 2 * r, r, stroke=0, fill=1)
        canv.setFillColor(self.palette.paper)
        canv.setFont(self.palette.bold, size)
        canv.drawCentredString(left + w / 2, top - r - base * 0.38, mark)
        canv.restoreState()

    def _crop_marks(self, canv, offset: float, w: float, h: float):
        """Marks at the trim's corners, outside the bleed, in registration black."""
        start = self.bleed + 2 * mm  # keep clear of the bleed
        length = CROP_MARGIN - 2 * mm
        canv.saveState()
        canv.setStrokeColorCMYK(1, 1, 1, 1)
        canv.setLineWidth(0.25)
        for cx in (offset, offset + w):
            for cy in (offset, offset + h):
                dx = -1 if cx == offset else 1
                dy = -1 if cy == offset else 1
                canv.line(cx + dx * start, cy, cx + dx * (start + length), cy)
                canv.line(cx, cy + dy * start, cx, cy + dy * (start + length))
        canv.restoreState()


_CARD_FLOWS: dict[tuple, list] = {}  # see Poster._card_flows
_CARDS_DRAWN: dict[tuple, list] = {}  # see Poster._card


def _stack_height(flows: list, width: float) -> float:
    """The height a frame of this width needs for these flowables, as Frame measures:
    space before the first one does not count."""
    total = 0.0
    for position, flow in enumerate(flows):
        _, h = flow.wrap(width, 100_000)
        total += h + flow.getSpaceAfter() + (flow.getSpaceBefore() if position else 0)
    return total
