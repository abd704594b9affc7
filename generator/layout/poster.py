"""The poster: one page, a card per exercise, the largest type that fits.

The grid is chosen by measuring: for each column count and card arrangement
(picture above the text, or beside it), a binary search finds the largest body size
at which every card's text fits with a picture of useful size. The layout with the
largest type wins; on a tie, the one that shows the pictures largest. Roomy layouts
are tried before dense ones (smaller pictures, narrower columns), so a short workout
gets big pictures and a long one still fits. Nothing is ever clipped or sent to a
second page: if the text cannot fit above the floor, the build fails naming the
exercise whose text is the longest.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, replace

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.pagesizes import A2, A3, A4, LETTER, TABLOID, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import Frame, Paragraph, Spacer  # noqa: E402
from markupsafe import escape  # noqa: E402

from ..errors import HandoutError, Problem  # noqa: E402
from ..images import ImageStore  # noqa: E402
from ..markup import sentence  # noqa: E402
from ..models import LoadedExercise  # noqa: E402
from ..output import HandoutCanvas  # noqa: E402
from ..project import LoadedProject  # noqa: E402
from ..qr import qr_drawing, short_url  # noqa: E402
from ..templates import Templates  # noqa: E402
from .grid import DENSITIES, Density, Grid, fitted_area
from .blocks import NAME_SCALE, PALETTE, Palette, TempoBar, flowables, make_styles  # noqa: E402

SIZES = {"A4": A4, "A3": A3, "A2": A2, "Letter": LETTER, "Tabloid": TABLOID}
# DESIGN's floor for body text, and a ceiling so one exercise is not shouted.
FLOOR = {"A4": 9.0, "Letter": 9.0, "A3": 12.0, "Tabloid": 12.0, "A2": 16.0}
CEILING = {"A4": 16.0, "Letter": 16.0, "A3": 22.0, "Tabloid": 22.0, "A2": 30.0}
STEP = 0.25
HEADER_GROWTH = 1.4  # the header's body size stops growing at this multiple of the floor
CROP_MARGIN = 10 * mm  # room outside the bleed for crop marks


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
        self.exercises = project.select(options.only)
        self.t = templates.env.globals["t"]

        w, h = self.pagesize
        self.short_side = min(w, h)
        # DESIGN's floor; a large-print theme raises it.
        self.floor = FLOOR[self.size] * palette.scale
        self.gap = min(w, h) * 0.022
        self.header = templates.render("poster_header.xml", title=s.poster.title or s.title,
                                       subtitle=s.subtitle)
        self.trainer = templates.render("poster_trainer.xml", author=s.author)
        self.footer = templates.render("poster_footer.xml", footer=s.poster.footer, credits=s.credits)
        self.cards = [templates.render("poster_card.xml", ex=ex.content, id=ex.id, cues=poster_cues(ex))
                      for ex in self.exercises]
        self.pictures = [images.get(ex.image_path) if ex.image_path else None for ex in self.exercises]
        self.logo = images.get(project.resolve(s.theme.logo)) if s.theme.logo else None
        self.regions: list[Region] = []
        # The title takes the whole width when there is no trainer block beside it.
        self._title_share = 0.64 if (self.trainer or self.logo) else 1.0

        # The widest single word of any name, per point of size, and whose it is: a name
        # is never broken inside a word, so that word sets the narrowest column.
        widths = [(stringWidth(w, palette.black, 1.0), i) for i, ex in enumerate(self.exercises)
                  for w in ex.content.name.split()]
        self._widest_name_word, self._widest_name = max(widths, default=(0.0, 0))
        self._aspects = [p.aspect for p in self.pictures if p is not None] or [4 / 3]
        self._tallest_aspect = min(self._aspects)
        self._heights: dict[tuple, float] = {}
        self._flows: dict[tuple, list] = {}
        self._chrome_cache: dict[tuple, tuple[float, float]] = {}

    # --- measuring ----------------------------------------------------------------

    def _card_flows(self, index: int, base: float, styles, tight: bool) -> list:
        """The card's flowables at this size (made once per size, re-wrapped freely)."""
        key = (index, base, tight)
        if key not in self._flows:
            ex = self.exercises[index].content
            show_tempo = ex.tempo and not (tight and ex.dose)
            fill = {
                "tempo": lambda el: [TempoBar(ex.tempo, self.t, styles["strong"], self.palette)]
                if show_tempo else [],
                "qr": lambda el: self._qr(ex.video, base, styles) if ex.video else [],
            }
            self._flows[key] = flowables(self.cards[index], styles, fill, self.palette)
        return self._flows[key]

    def _qr(self, url: str, base: float, styles) -> list:
        code = qr_drawing(url, max(20 * mm, base * 5))
        code.hAlign = "LEFT"
        return [Spacer(1, base * 0.4), code, Spacer(1, base * 0.2),
                Paragraph(str(escape(short_url(url))), styles["meta"])]

    def _card_height(self, index: int, base: float, styles, width: float, tight: bool) -> float:
        key = (index, base, round(width, 2), tight)
        if key not in self._heights:
            self._heights[key] = _stack_height(self._card_flows(index, base, styles, tight), width)
        return self._heights[key]

    def _chrome_styles(self, base: float):
        # The header grows with the cards only so far: a short workout gets large
        # cards, not a title that fills a third of the page.
        return make_styles(min(base, self.floor * HEADER_GROWTH), self.palette)

    def _chrome(self, base: float, margin: float) -> tuple[float, float]:
        """Header and footer heights at this base size and page margin."""
        key = (base, margin)
        if key not in self._chrome_cache:
            self._chrome_cache[key] = self._measure_chrome(base, margin)
        return self._chrome_cache[key]

    def _measure_chrome(self, base: float, margin: float) -> tuple[float, float]:
        styles = self._chrome_styles(base)
        inner = self.pagesize[0] - 2 * margin
        head = max(_stack_height(flowables(self.header, styles, palette=self.palette),
                                 inner * self._title_share),
                   self._trainer_height(styles, inner * 0.34))
        foot = _stack_height(flowables(self.footer, styles, palette=self.palette), inner) if self.footer else 0
        return head, foot

    def _trainer_height(self, styles, width: float) -> float:
        text = _stack_height(flowables(self.trainer, styles, palette=self.palette), width)
        return text + (self._logo_height(styles) if self.logo else 0)

    def _logo_height(self, styles) -> float:
        return styles["body"].fontSize * 3.2

    def _try(self, base: float, cols: int, side: bool, density: Density):
        """The grid at this size, or None and (index of the card that overflows most,
        by how much)."""
        styles = make_styles(base, self.palette, tight=density.tight)
        margin = self.short_side * density.margin
        head, foot = self._chrome(base, margin)
        w, h = self.pagesize
        n = len(self.cards)
        rows = math.ceil(n / cols)
        gap = self.gap * density.gap
        inner_w = w - 2 * margin
        inner_h = h - 2 * margin - head - self.gap * 1.4 - (foot + self.gap if foot else 0)
        cell_w = (inner_w - (cols - 1) * gap) / cols
        height = inner_h - (rows - 1) * gap  # for all the rows together
        grid = Grid(base, cols, rows, cell_w, gap, base * density.pad, side, density)
        pad, text_w = grid.pad, grid.text_w
        if side and cell_w < height / rows * 1.2:
            return None, (0, math.inf)
        if text_w < base * density.measure:
            return None, (0, math.inf)
        if self._widest_name_word * base * NAME_SCALE > text_w:
            over = self._widest_name_word * base * NAME_SCALE - text_w
            return None, (self._widest_name, over)

        needs = [self._card_height(i, base, styles, text_w, density.tight) for i in range(n)]
        row_needs = [max(needs[r * cols:(r + 1) * cols]) for r in range(rows)]
        # Rows are as tall as their longest card; what is left goes to the pictures,
        # one height for every picture so the poster reads as one grid.
        text_total = sum(need + (2 * pad if side else 2.6 * pad) for need in row_needs)
        if side:
            least = max(text_total, rows * (height / rows) * 0.5)
            over = text_total - height
            worst = max(range(n), key=lambda i: needs[i])
            if over > 0 or least > height:
                return None, (worst, max(over, least - height))
            spare = (height - text_total) / rows
            heights = tuple(need + 2 * pad + spare for need in row_needs)
            box_w, box_h = cell_w * 0.45 - pad, min(heights) - 2 * pad
            image_h = 0.0
        else:
            picture = (height - text_total) / rows
            wanted = height / rows * density.image_share
            worst = max(range(n), key=lambda i: needs[i])
            if picture < wanted:
                return None, (worst, (wanted - picture) * rows)
            # No taller than the tallest picture needs; the rest falls below the text.
            image_h = min(picture, text_w / self._tallest_aspect)
            spare = picture - image_h
            heights = tuple(need + 2.6 * pad + image_h + spare for need in row_needs)
            box_w, box_h = text_w, image_h
        shown = min(fitted_area(box_w, box_h, aspect) for aspect in self._aspects)
        return replace(grid, row_heights=heights, image_h=image_h, picture_area=shown), (worst, 0)

    def fit(self) -> Grid:
        floor, ceiling = self.floor, CEILING[self.size] * self.palette.scale
        n = len(self.cards)
        blame: tuple[int, float] = (0, math.inf)
        for density in DENSITIES:
            best: Grid | None = None
            for cols in range(1, min(n, 8) + 1):
                for side in (False, True):
                    grid, (worst, over) = self._try(floor, cols, side, density)
                    if grid is None:
                        if over < blame[1]:
                            blame = (worst, over)
                        continue
                    grid = self._largest(grid, cols, side, density, ceiling)
                    if best is None or (grid.base, grid.picture_area) > (best.base, best.picture_area):
                        best = grid
            if best is not None:
                return best
        self._fail(blame[0])

    def _largest(self, fits: Grid, cols: int, side: bool, density: Density, ceiling: float) -> Grid:
        """The largest size, at most `ceiling`, at which this arrangement still fits."""
        top, _ = self._try(ceiling, cols, side, density)
        if top is not None:
            return top
        lo, hi = fits.base, ceiling
        while hi - lo > STEP:
            mid = math.floor((lo + hi) / 2 / STEP) * STEP
            if mid <= lo:
                break
            found, _ = self._try(mid, cols, side, density)
            if found is not None:
                lo, fits = mid, found
            else:
                hi = mid
        return fits

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
        styles = make_styles(grid.base, self.palette, tight=grid.density.tight)
        chrome = self._chrome_styles(grid.base)
        m = self.short_side * grid.density.margin
        head, foot = self._chrome(grid.base, m)
        w, h = self.pagesize
        gap, bleed = self.gap, self.bleed
        offset = bleed + (CROP_MARGIN if self.crop_marks else 0)

        buffer = io.BytesIO()
        canv = HandoutCanvas(buffer, pagesize=(w + 2 * offset, h + 2 * offset))
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

        # A band of the accent along the top edge, run into the bleed.
        band = max(3 * mm, h * 0.008)
        canv.setFillColor(self.palette.accent)
        canv.rect(-bleed, h - band, w + 2 * bleed, band + bleed, stroke=0, fill=1)

        inner_w = w - 2 * m
        top = h - m
        self._frame(canv, self.header, chrome, m, top - head, inner_w * self._title_share, head, "header")
        trainer_x, trainer_w = m + inner_w * 0.66, inner_w * 0.34
        trainer_top = top
        if self.logo:
            logo_h = self._logo_height(chrome)
            self.logo.draw(canv, trainer_x, top - logo_h, trainer_w, logo_h * 0.85, align=1.0)
            trainer_top -= logo_h
        self._frame(canv, self.trainer, chrome, trainer_x, top - head, trainer_w,
                    head - (top - trainer_top), "trainer")
        rule_y = top - head - gap * 0.7
        canv.setFillColor(self.palette.accent)
        canv.rect(m, rule_y, inner_w, max(2.0, grid.base * 0.22), stroke=0, fill=1)

        grid_top = rule_y - gap * 0.7
        row_tops = [grid_top - sum(grid.row_heights[:r]) - r * grid.gap for r in range(grid.rows)]
        for index in range(len(self.cards)):
            row, col = divmod(index, grid.cols)
            h = grid.row_heights[row]
            x = m + col * (grid.cell_w + grid.gap)
            self._card(canv, index, styles, grid, x, row_tops[row] - h, h)

        if self.footer:
            self._frame(canv, self.footer, chrome, m, m, inner_w, foot, "footer")
        canv.showPage()
        canv.save()
        return buffer.getvalue()

    def _frame(self, canv, elements, styles, x, y, width, height, kind, story=None):
        frame = Frame(x, y, width, height + 1, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, showBoundary=0)
        story = story if story is not None else flowables(elements, styles, palette=self.palette)
        self.regions.append(Region(kind, x, y, width, height + 1))
        frame.addFromList(story, canv)
        if story:  # measured to fit, so this is a bug, not bad content
            raise RuntimeError("poster text did not fit the space measured for it")

    def _card(self, canv, index, styles, grid: Grid, x, y, h):
        pad = grid.pad
        canv.saveState()
        canv.setFillColor(self.palette.panel)
        if self.palette.border:
            canv.setStrokeColor(self.palette.border)
            canv.setLineWidth(max(1.0, grid.base * 0.1))
        self.palette.panel_rect(canv, x, y, grid.cell_w, h, min(pad, grid.base * 0.7),
                                stroke=1 if self.palette.border else 0)
        canv.restoreState()
        self.regions.append(Region("card", x, y, grid.cell_w, h))

        img, text = grid.boxes(x, y, h)
        picture = self.pictures[index]
        if picture is not None:
            content = self.exercises[index].content
            picture.draw(canv, *img, fit=content.image_fit, focus=content.image_focus,
                         valign=1.0 if grid.side_by_side else 0.5, alt=content.image_alt)
        self._badge(canv, index + 1, x + pad * 0.6, y + h - pad * 0.6, grid.base)
        story = list(self._card_flows(index, grid.base, styles, grid.density.tight))
        self._frame(canv, None, styles, *text, kind="card text", story=story)

    def _badge(self, canv, number: int, left: float, top: float, base: float):
        """The exercise's number in the workout, in an accent disc at the card's corner."""
        r = base * 1.05
        canv.saveState()
        canv.setFillColor(self.palette.accent_text)
        canv.circle(left + r, top - r, r, stroke=0, fill=1)
        canv.setFillColor(self.palette.paper)
        canv.setFont(self.palette.bold, base * 1.1)
        canv.drawCentredString(left + r, top - r - base * 0.38, str(number))
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


def _stack_height(flows: list, width: float) -> float:
    """The height a frame of this width needs for these flowables, as Frame measures:
    space before the first one does not count."""
    total = 0.0
    for position, flow in enumerate(flows):
        _, h = flow.wrap(width, 100_000)
        total += h + flow.getSpaceAfter() + (flow.getSpaceBefore() if position else 0)
    return total
