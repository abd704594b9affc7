"""The poster: one page, a card per exercise, the largest type that fits.

The grid is chosen by measuring: for each column count, the largest body size at
which every card's text fits beside or under a picture of useful size. The layout
with the largest type wins; on a tie, the one with the larger pictures. Nothing is
ever clipped or sent to a second page: if the text cannot fit above the size floor,
the build fails naming the exercise that is too long.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.pagesizes import A2, A3, A4, LETTER, TABLOID  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Frame  # noqa: E402

from ..errors import HandoutError, Problem  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402

from ..fonts import BLACK, BOLD  # noqa: E402
from ..images import ImageStore  # noqa: E402
from ..markup import sentence  # noqa: E402
from ..models import LoadedExercise  # noqa: E402
from ..output import HandoutCanvas  # noqa: E402
from ..project import LoadedProject  # noqa: E402
from ..templates import Templates  # noqa: E402
from .blocks import NAME_SCALE, PALETTE, Palette, flowables, make_styles  # noqa: E402

SIZES = {"A4": A4, "A3": A3, "A2": A2, "Letter": LETTER, "Tabloid": TABLOID}
# DESIGN's floor for body text, and a ceiling so one exercise is not shouted.
FLOOR = {"A4": 9.0, "Letter": 9.0, "A3": 12.0, "Tabloid": 12.0, "A2": 16.0}
CEILING = {"A4": 16.0, "Letter": 16.0, "A3": 22.0, "Tabloid": 22.0, "A2": 30.0}
STEP = 0.25
HEADER_GROWTH = 1.4  # the header's body size stops growing at this multiple of the floor
MIN_IMAGE_SHARE = 0.33  # a card's picture gets at least this share of the card
MIN_MEASURE = 15  # the narrowest text column, in multiples of the body size


def poster_cues(ex: LoadedExercise) -> list[str]:
    """The cues a card shows: as given, or the first sentence of up to four steps."""
    content = ex.content
    return list(content.cues) if content.cues else [sentence(s) for s in content.steps[:4]]


def _fitted_area(box_w: float, box_h: float, aspect: float) -> float:
    """The area a picture of this aspect ratio covers when contained in the box."""
    w = min(box_w, box_h * aspect)
    return w * (w / aspect)


@dataclass(frozen=True)
class Grid:
    base: float
    cols: int
    rows: int
    cell_w: float
    cell_h: float
    side_by_side: bool  # picture left of the text, for wide cells
    image_h: float  # the height of every card's picture box
    picture_area: float  # the smallest area a picture is shown at


class Poster:
    def __init__(self, project: LoadedProject, templates: Templates, images: ImageStore,
                 size: str | None = None, palette: Palette = PALETTE):
        self.project = project
        self.settings = project.settings
        self.size = size or self.settings.poster.size
        self.pagesize = SIZES[self.size]
        self.palette = palette
        self.images = images
        self.exercises = project.exercises
        w, h = self.pagesize
        self.margin = min(w, h) * 0.05
        self.gap = min(w, h) * 0.022
        s = self.settings
        author = s.author
        self.header = templates.render("poster_header.xml", title=s.poster.title or s.title,
                                       subtitle=s.subtitle)
        self.trainer = templates.render("poster_trainer.xml", author=author)
        self.footer = templates.render("poster_footer.xml", footer=s.poster.footer, credits=s.credits)
        self.cards = [templates.render("poster_card.xml", ex=ex.content, id=ex.id, cues=poster_cues(ex))
                      for ex in self.exercises]
        self.pictures = [images.get(ex.image_path) if ex.image_path else None for ex in self.exercises]
        self._name_words: float | None = None
        self._aspects = [p.aspect for p in self.pictures if p is not None] or [4 / 3]
        self._tallest_aspect = min(self._aspects)

    # --- measuring ----------------------------------------------------------------

    def _card_pad(self, base: float) -> float:
        return base * 0.9

    def _text_height(self, elements, styles, width: float) -> float:
        total = 0.0
        for flow in flowables(elements, styles, palette=self.palette):
            _, h = flow.wrap(width, 10_000)
            total += h + flow.getSpaceBefore() + flow.getSpaceAfter()
        return total

    def _chrome_styles(self, base: float):
        # The header grows with the cards only so far: a short workout gets large
        # cards, not a title that fills a third of the page.
        return make_styles(min(base, FLOOR[self.size] * HEADER_GROWTH), self.palette)

    def _chrome(self, base: float):
        """Header and footer heights at this base size."""
        styles = self._chrome_styles(base)
        w, _ = self.pagesize
        inner = w - 2 * self.margin
        head = max(self._text_height(self.header, styles, inner * 0.64),
                   self._text_height(self.trainer, styles, inner * 0.34))
        foot = self._text_height(self.footer, styles, inner) if self.footer else 0
        return head, foot

    def _try(self, base: float, cols: int) -> tuple[Grid | None, int, float]:
        """The grid at this size and column count, or None with the index of the card
        that overflows most and by how much (points)."""
        styles = make_styles(base, self.palette)
        head, foot = self._chrome(base)
        w, h = self.pagesize
        n = len(self.cards)
        rows = math.ceil(n / cols)
        inner_w = w - 2 * self.margin
        inner_h = h - 2 * self.margin - head - self.gap * 1.4 - (foot + self.gap if foot else 0)
        cell_w = (inner_w - (cols - 1) * self.gap) / cols
        cell_h = (inner_h - (rows - 1) * self.gap) / rows
        pad = self._card_pad(base)
        side = cell_w > cell_h * 1.55
        if side:
            text_w = cell_w * 0.52 - pad * 1.5
            room = cell_h - 2 * pad
        else:
            text_w = cell_w - 2 * pad
            room = cell_h - 2 * pad - max(cell_h * MIN_IMAGE_SHARE, 0) - pad * 0.6
        # Lines of fewer than ~28 characters read as a ladder of broken words.
        if text_w < base * MIN_MEASURE or room <= 0:
            return None, 0, float("inf")
        if self._longest_word(base) > text_w:
            return None, 0, float("inf")
        worst, worst_over, need_max = 0, -float("inf"), 0.0
        for index, card in enumerate(self.cards):
            need = self._text_height(card, styles, text_w)
            need_max = max(need_max, need)
            if need - room > worst_over:
                worst, worst_over = index, need - room
        if worst_over > 0:
            return None, worst, worst_over
        if side:
            box_w, box_h = cell_w * 0.48 - pad, cell_h - 2 * pad
        else:
            # One picture height for the grid, no taller than the tallest picture
            # needs, so the names line up and spare room falls below the text.
            box_w = text_w
            box_h = min(cell_h - 2 * pad - need_max - pad * 0.6, box_w / self._tallest_aspect)
        shown = min(_fitted_area(box_w, box_h, aspect) for aspect in self._aspects)
        return Grid(base, cols, rows, cell_w, cell_h, side, box_h, shown), worst, worst_over

    def _longest_word(self, base: float) -> float:
        """The widest single word of any exercise name at the name size."""
        if self._name_words is None:
            words = {w for ex in self.exercises for w in ex.content.name.split()}
            self._name_words = max((stringWidth(w, BLACK, 1.0) for w in words), default=0.0)
        return self._name_words * base * NAME_SCALE

    def fit(self) -> Grid:
        floor, ceiling = FLOOR[self.size], CEILING[self.size]
        n = len(self.cards)
        best: Grid | None = None
        blame: tuple[float, int] = (float("inf"), 0)
        for cols in range(1, min(n, 6) + 1):
            grid, worst, over = self._try(floor, cols)
            if grid is None:
                if over < blame[0]:
                    blame = (over, worst)
                continue
            lo, hi = floor, ceiling  # lo fits; find the largest size that fits
            top, *_ = self._try(hi, cols)
            if top is not None:
                grid = top
            else:
                while hi - lo > STEP:
                    mid = round((lo + hi) / 2 / STEP) * STEP
                    if mid in (lo, hi):
                        break
                    found, *_ = self._try(mid, cols)
                    if found is not None:
                        lo, grid = mid, found
                    else:
                        hi = mid
            if best is None or (grid.base, grid.picture_area) > (best.base, best.picture_area):
                best = grid
        if best is None:
            self._fail(blame[1])
        return best

    def _fail(self, index: int):
        ex = self.exercises[index]
        bigger = {"A4": "A3", "Letter": "Tabloid", "A3": "A2", "Tabloid": "A2"}.get(self.size)
        ways = []
        if bigger:
            ways.append(f"a larger size (--size {bigger})")
        ways += ["fewer exercises in the workout", "shorter cues (at most 4, about 40 characters each)"]
        message = (
            f"the poster cannot fit '{ex.content.name}' on one {self.size} page with text of at least "
            f"{FLOOR[self.size]:g} pt; its text is the longest. Ways out: " + "; ".join(ways)
        )
        raise HandoutError([Problem(ex.path, message)])

    # --- drawing --------------------------------------------------------------------

    def build(self) -> bytes:
        grid = self.fit()
        styles = make_styles(grid.base, self.palette)
        chrome = self._chrome_styles(grid.base)
        head, foot = self._chrome(grid.base)
        w, h = self.pagesize
        m, gap = self.margin, self.gap
        buffer = io.BytesIO()
        canv = HandoutCanvas(buffer, pagesize=self.pagesize)
        s = self.settings
        canv.setTitle(s.poster.title or s.title)
        if s.author:
            canv.setAuthor(s.author.name)
        canv.setSubject(s.subtitle or "")

        inner_w = w - 2 * m
        top = h - m
        self._frame(canv, self.header, chrome, m, top - head, inner_w * 0.64, head)
        self._frame(canv, self.trainer, chrome, m + inner_w * 0.66, top - head, inner_w * 0.34, head)
        rule_y = top - head - gap * 0.7
        canv.setFillColor(self.palette.accent)
        canv.rect(m, rule_y, inner_w, max(2.0, grid.base * 0.22), stroke=0, fill=1)

        grid_top = rule_y - gap * 0.7
        for index, card in enumerate(self.cards):
            row, col = divmod(index, grid.cols)
            x = m + col * (grid.cell_w + gap)
            y = grid_top - (row + 1) * grid.cell_h - row * gap
            self._card(canv, index, card, styles, grid, x, y)

        if self.footer:
            self._frame(canv, self.footer, chrome, m, m, inner_w, foot)
        canv.showPage()
        canv.save()
        return buffer.getvalue()

    def _frame(self, canv, elements, styles, x, y, width, height):
        frame = Frame(x, y, width, height + 1, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, showBoundary=0)
        story = flowables(elements, styles, palette=self.palette)
        frame.addFromList(story, canv)
        if story:  # measured to fit, so this is a bug, not bad content
            raise RuntimeError("poster text did not fit the space measured for it")

    def _card(self, canv, index, card, styles, grid: Grid, x, y):
        pad = self._card_pad(grid.base)
        p = self.palette
        canv.saveState()
        canv.setFillColor(p.panel)
        canv.roundRect(x, y, grid.cell_w, grid.cell_h, pad * 0.8, stroke=0, fill=1)
        canv.restoreState()

        if grid.side_by_side:
            text_w = grid.cell_w * 0.52 - pad * 1.5
            img = (x + pad, y + pad, grid.cell_w * 0.48 - pad, grid.cell_h - 2 * pad)
            text = (x + grid.cell_w * 0.48 + pad * 0.5, y + pad, text_w, grid.cell_h - 2 * pad)
        else:
            # Every card's picture has the same height, so the names line up across a row.
            text_w = grid.cell_w - 2 * pad
            img = (x + pad, y + grid.cell_h - pad - grid.image_h, text_w, grid.image_h)
            text = (x + pad, y + pad, text_w, grid.cell_h - 2 * pad - grid.image_h - pad * 0.6)
        picture = self.pictures[index]
        if picture is not None:
            content = self.exercises[index].content
            picture.draw(canv, *img, fit=content.image_fit, focus=content.image_focus,
                         valign=1.0 if grid.side_by_side else 0.5)
        self._badge(canv, index + 1, x + pad * 0.6, y + grid.cell_h - pad * 0.6, grid.base)
        self._frame(canv, card, styles, *text)

    def _badge(self, canv, number: int, left: float, top: float, base: float):
        """The exercise's number in the workout, in an accent disc at the card's corner."""
        r = base * 1.05
        canv.saveState()
        canv.setFillColor(self.palette.accent)
        canv.circle(left + r, top - r, r, stroke=0, fill=1)
        canv.setFillColor(self.palette.paper)
        canv.setFont(BOLD, base * 1.1)
        canv.drawCentredString(left + r, top - r - base * 0.38, str(number))
        canv.restoreState()
