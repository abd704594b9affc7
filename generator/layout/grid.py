"""The poster's fit: which grid holds the cards, as pure functions of what was measured.

The rule: body type at the paper's normal size (DESIGN: about 10 pt on A4 and Letter,
13 on A3 and Tabloid, 17 on A2), smaller only toward the floor when the cards cannot
fit, never larger because there are fewer words. Once the type is set, the pictures
take the room: every arrangement (1 to 8 columns, the picture above the text or beside
it) is measured, those whose pictures get less than `PICTURE_SHARE` of the card are
dropped, and the one that shows the smallest picture largest wins.

Nothing here draws or measures text: `choose` is given a function that measures a
card's text at a size and width, and one that says how much of the page the grid has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable

NORMAL = {"A4": 10.0, "Letter": 10.0, "A3": 13.0, "Tabloid": 13.0, "A2": 17.0}
FLOOR = {"A4": 9.0, "Letter": 9.0, "A3": 12.0, "Tabloid": 12.0, "A2": 16.0}
STEP = 0.5  # points between one body size tried and the next
PICTURE_SHARE = 0.45  # of a card's height (picture above) or width (picture beside)
# When even the floor cannot give the pictures PICTURE_SHARE, a crowded poster (nine
# ordinary exercises on A4) takes these, tightest type, before it is refused.
CROWDED_SHARES = (0.35, 0.25, 0.15)
SIDE_SHARE = 0.47  # the picture's share of a card's width when it is beside the text
MAX_COLS = 8


@dataclass(frozen=True)
class Density:
    pad: float  # card padding, in multiples of the body size
    gap: float  # space between cards, as a multiple of the paper's gap
    measure: float  # the narrowest text column, in multiples of the body size
    tight: bool = False  # closer leading; the tempo as a line of text, not a bar
    crowded: bool = False  # names at their least size; the dose or the tempo, not both (DESIGN)


# Roomy first; the tight one only when nothing roomy fits at that size.
DENSITIES = (Density(0.9, 1.0, 13), Density(0.6, 0.6, 10, tight=True))
# The last resort, at the floor, before a smaller share of the card for the pictures.
CROWDED = Density(0.5, 0.5, 9, tight=True, crowded=True)


@dataclass(frozen=True)
class Grid:
    base: float
    density: Density
    cols: int
    rows: int
    side_by_side: bool
    cell_w: float
    gap: float
    pad: float
    row_heights: tuple[float, ...]
    needs: tuple[float, ...]  # each card's text height
    row_cards: tuple[tuple[int, ...], ...] = ()  # the cards of each row, in order
    titles: tuple[float, ...] = ()  # each row's block title above it (0: none)
    aspects: tuple[float | None, ...] = ()  # each card's picture shape (width / height)
    picture_area: float = 0.0  # the smallest area a picture is shown at

    @property
    def text_w(self) -> float:
        return _text_w(self.cell_w, self.pad, self.side_by_side)

    @property
    def picture_gap(self) -> float:
        return self.pad * 0.7

    def row_of(self, index: int) -> int:
        return next(r for r, cards in enumerate(self.row_cards) if index in cards)

    def col_of(self, index: int) -> int:
        return self.row_cards[self.row_of(index)].index(index)

    def boxes(self, index: int, x: float, y: float, h: float):
        """The picture's box and the text's box of card `index`, at (x, y), `h` tall.
        A card whose text is shorter than its row's longest gives its picture the rest."""
        pad, w, need = self.pad, self.cell_w, self.needs[index]
        longest = max(self.needs[i] for i in self.row_cards[self.row_of(index)])
        if self.side_by_side:
            # The row's text blocks sit level with each other, centred on the pictures.
            picture_w = w * SIDE_SHARE
            top = y + h - pad - (h - 2 * pad - longest) / 2
            return ((x + pad, y + pad, picture_w, h - 2 * pad),
                    (x + pad + picture_w + pad, top - need, self.text_w, need))
        # The row's names line up under one band of pictures; a card whose text is
        # shorter lets its picture take the room left, as far as the picture can use it.
        band = h - 2 * pad - self.picture_gap - longest
        most = h - 2 * pad - self.picture_gap - need
        aspect = self.aspects[index] if index < len(self.aspects) else None
        picture_h = min(most, max(band, self.text_w / aspect)) if aspect else band
        text_top = y + h - pad - picture_h - (self.picture_gap if picture_h > 0 else 0)
        return ((x + pad, y + h - pad - picture_h, self.text_w, picture_h),
                (x + pad, text_top - need, self.text_w, need))


def _text_w(cell_w: float, pad: float, side: bool) -> float:
    if side:
        return cell_w * (1 - SIDE_SHARE) - pad * 3
    return cell_w - 2 * pad


def fitted(box_w: float, box_h: float, aspect: float) -> tuple[float, float]:
    """The size of a picture of this aspect (width / height) contained in the box."""
    w = max(0.0, min(box_w, box_h * aspect))
    return w, w / aspect


@dataclass(frozen=True)
class Page:
    """What the search knows of the poster: the room for the grid at each body size, the
    space between cards, each card's picture shape (None: no picture) and the sizes."""

    room: Callable[[float, Density], tuple[float, float]]  # (width, height) of the grid
    gap: float
    aspects: tuple[float | None, ...]
    sizes: tuple[float, ...]  # body sizes to try, largest first
    # Whether every name fits this column width at this size without being cut between
    # letters (it may break at spaces and hyphens, and step down to 1.3x the body).
    names_fit: Callable[[float, float], bool] = lambda base, width: True
    # The cards of each block, in order (one block: all of them), and the height of a
    # block's title at a body size (0: it has none). Each block starts a row.
    groups: tuple[int, ...] = ()
    title: Callable[[int, float], float] = lambda group, base: 0.0
    pictures: bool = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "pictures", any(a for a in self.aspects))


Measure = Callable[[int, float, Density, float], float]  # (card, size, density, width) -> height


def sizes(normal: float, floor: float) -> tuple[float, ...]:
    """The body sizes to try: the paper's normal size, then down to the floor."""
    count = int(round((normal - floor) / STEP))
    return tuple(normal - STEP * k for k in range(count + 1)) if normal > floor else (floor,)


@dataclass(frozen=True)
class Refusal:
    """No grid fits: `card` is the one whose text is longest where it came closest."""

    card: int
    base: float


def choose(page: Page, measure: Measure) -> Grid | Refusal:
    """The grid for these cards: the largest body size, up to the normal one, at which
    some arrangement fits; among those, the one that shows the pictures largest."""
    floor = page.sizes[-1]
    tries = [(base, density, PICTURE_SHARE, False) for base in page.sizes for density in DENSITIES]
    tries += [(floor, CROWDED, share, False) for share in (PICTURE_SHARE,) + CROWDED_SHARES]
    # Last, a name's longest word may be cut between letters: one word never refuses.
    tries += [(floor, CROWDED, share, True) for share in (PICTURE_SHARE,) + CROWDED_SHARES]
    closest = (math.inf, 0)
    for base, density, share, cut in tries:
        best: tuple | None = None
        for cols in range(1, min(len(page.aspects), MAX_COLS) + 1):
            for side in (False, True):
                grid, short = arrange(page, measure, base, density, cols, side, share, cut)
                if grid is None:
                    closest = min(closest, short)
                    continue
                score = _score(grid, page)
                if best is None or score > best[0]:
                    best = (score, replace(grid, picture_area=score[0]))
        if best is not None:
            return best[1]
    return Refusal(closest[1], page.sizes[-1])


def arrange(page: Page, measure: Measure, base: float, density: Density, cols: int,
            side: bool, share: float = PICTURE_SHARE,
            cut: bool = True) -> tuple[Grid | None, tuple[float, int]]:
    """This arrangement at this size, or None and (how far short it fell, the card with
    the longest text)."""
    n = len(page.aspects)
    width, height = page.room(base, density)
    gap = page.gap * density.gap
    pad = base * density.pad
    row_cards: list[tuple[int, ...]] = []
    titles: list[float] = []
    first = 0
    for group, size in enumerate(page.groups or (n,)):
        for start in range(first, first + size, cols):
            row_cards.append(tuple(range(start, min(start + cols, first + size))))
            titles.append(page.title(group, base) if start == first else 0.0)
        first += size
    rows = len(row_cards)
    height -= sum(titles)
    cell_w = (width - (cols - 1) * gap) / cols
    text_w = _text_w(cell_w, pad, side)
    if text_w < base * density.measure or not (cut or page.names_fit(base, text_w)):
        return None, (math.inf, 0)
    needs = tuple(measure(i, base, density, text_w) for i in range(n))
    longest = max(range(n), key=lambda i: needs[i])
    row_text = [max(needs[i] for i in cards) for cards in row_cards]
    cards_h = height - (rows - 1) * gap
    if side:
        fixed = sum(t + 2 * pad for t in row_text)
        spare = cards_h - fixed
        if spare < 0:
            return None, (-spare, longest)
        heights = tuple(t + 2 * pad + spare / rows for t in row_text)
        if page.pictures and min(heights) < cell_w * SIDE_SHARE * 0.5:
            return None, (math.inf, longest)  # a letterbox, not a card
    else:
        chrome = 2 * pad + (pad * 0.7 if page.pictures else 0)
        band = (cards_h - sum(t + chrome for t in row_text)) / rows  # every row's picture
        heights = tuple(t + chrome + band for t in row_text)
        least = max(t + chrome for t in row_text) * share / (1 - share)
        if band < 0 or (page.pictures and band < least):
            return None, (max(least, 0) - band if band >= 0 else -band + least, longest)
    grid = Grid(base, density, cols, rows, side, cell_w, gap, pad, heights, needs, tuple(row_cards),
                tuple(titles), page.aspects)
    return grid, (0.0, longest)


def _score(grid: Grid, page: Page) -> tuple[float, float]:
    """The smallest picture's area, then the mean: the weakest card decides."""
    areas = []
    for index, aspect in enumerate(page.aspects):
        if not aspect:
            continue
        _, _, w, h = grid.boxes(index, 0, 0, grid.row_heights[grid.row_of(index)])[0]
        pw, ph = fitted(w, h, aspect)
        areas.append(pw * ph)
    if not areas:
        # Text only: the widest comfortable column, fewest rows.
        return (-grid.rows, grid.text_w)
    return (min(areas), sum(areas) / len(areas))
