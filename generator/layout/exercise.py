"""An exercise in the booklet: its picture band, the rule that keeps it on one page
(or one half page), and where it breaks when it cannot be kept.

An exercise is kept whole: the picture gives up height first. Only an exercise taller
than a page goes on to the next one, under its name and "(cont.)", and at least
three lines of text go with that heading: never a lone list heading or a QR code.
"""

from __future__ import annotations

import io
from typing import Callable

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import Flowable, FrameBreak, KeepInFrame, KeepTogether, Paragraph, Table  # noqa: E402
from reportlab.rl_config import _FUZZ  # noqa: E402

from ..images import Picture, PictureBox  # noqa: E402
from ..svgcache import define  # noqa: E402
from . import replay  # noqa: E402
from .blocks import Palette  # noqa: E402

# The picture band's height, as shares of the frame's height: 55-65 mm on A5.
BAND = (0.31, 0.37)
# A photo fills the band (cropped around its focus) when it keeps at least this share
# of its height or width; else the whole photo is shown on a panel.
MIN_KEPT = 0.7
MIN_LINES = 3  # lines of text that go on under a running heading, at least
SHRINK = 1.02  # the most an exercise's page is scaled down to keep it whole
MIN_PIECE = 24.0  # points: the least of a split block worth leaving at a frame's foot


def band_fit(picture: Picture, width: float, frame_h: float, fit: str | None) -> tuple[float, str]:
    """The band's height and fit for `picture` across `width`: as tall as the picture
    at full width, within BAND. `fit` is the exercise's own choice, None when unset."""
    low, high = BAND[0] * frame_h, BAND[1] * frame_h
    height = min(high, max(low, width / picture.aspect))
    if fit is None:
        band = width / height
        kept = min(band, picture.aspect) / max(band, picture.aspect)
        # A drawing is never cropped: its limbs reach its edges.
        fit = "cover" if picture.photo and kept >= MIN_KEPT else "contain"
    return height, fit


class PictureBand(PictureBox):
    """The picture across the full text width. A picture that does not fill the band
    sits on a panel the band's size, so every exercise page has the same frame."""

    def __init__(self, picture: Picture, width, height, fit, focus, palette: Palette, alt=None):
        super().__init__(picture, width, height, fit, focus, alt=alt)
        self.palette = palette

    def wrap(self, avail_w, avail_h):
        self.width = min(self.max_w, avail_w)
        self.height = self.max_h
        return self.width, self.height

    def draw(self):
        canv = self.canv
        if self.fit != "cover":
            canv.saveState()
            canv.setFillColor(self.palette.panel)
            self.palette.panel_rect(canv, 0, 0, self.width, self.height, 6)
            canv.restoreState()
            pad = min(self.width, self.height) * 0.04
            self.picture.draw(canv, pad, pad, self.width - 2 * pad, self.height - 2 * pad, "contain",
                              alt=self.alt)
        else:
            self.picture.draw(canv, 0, 0, self.width, self.height, "cover", self.focus, alt=self.alt)


class Exercise(Flowable):
    """One exercise in the booklet, never a fragment without its name.

    `make()` gives its flowables, `picture` (one of them, or inside one) its picture.
    When they are a little too tall for the frame, the picture gives up height first
    (down to the last of SCALES), never the text. Longer, it fills the frame and goes
    on in the next one under `heading` ("Bridge (cont.)"); a keep-with-next heading
    and a <keep> block move along whole.
    """

    SCALES = (1.0, 0.85, 0.7, 0.55, 0.45)  # the last is the floor

    def __init__(self, make: Callable[[], list[Flowable]], heading: Paragraph,
                 lead: list[Flowable] | None = None, picture: PictureBox | None = None,
                 drawn: dict | None = None, part: int = 0, full_h: float | None = None):
        super().__init__()
        self.make, self.heading, self.lead, self.picture = make, heading, lead or [], picture
        # What it drew and where it broke before, shared by the exercises made of the same
        # flowables (replay); `part` counts the frames it went on to.
        self.drawn = drawn if drawn is not None else {}
        self.part = part
        self.full_h = full_h if full_h is not None else picture.max_h if picture is not None else 0.0
        self.built: list[Flowable] | None = None
        self.items: list[Flowable] = []
        self.inner: Flowable | None = None

    def wrap(self, avail_w, avail_h):
        if self.built is None:  # made once; only the picture's height changes below
            self.built = self.lead + self.make()
        items = self.built
        # What holds the picture is measured at each scale; the rest once.
        moving = _holding(items, self.picture)
        sizes: dict[int, tuple[float, float]] = {}  # each item's last wrap, by id
        for scale in self.SCALES if self.picture is not None else (1.0,):
            self._scale(scale)
            # The last item's space below falls off the frame's foot; a hair too tall
            # is shrunk by KeepInFrame, too little to see, rather than split.
            height = _stacked_height(items, avail_w, avail_h, self.canv, sizes, moving) \
                - items[-1].getSpaceAfter()
            if height <= avail_h * SHRINK:
                opened = _opened(items)
                if height <= avail_h and all(id(item) in sizes for item in opened):
                    self.inner = _Stack(opened, sizes)  # as measured: not wrapped again
                else:
                    self.inner = KeepInFrame(avail_w, avail_h, opened, mode="shrink")
                self.width, self.height = self.inner.wrapOn(self.canv, avail_w, avail_h)
                picture_h = self.picture.max_h if self.picture is not None else None
                self.laid_out = (self.part, avail_w, avail_h, picture_h, type(self.inner), self.width,
                                 self.height)
                return self.width, self.height
        # It breaks whatever the picture does, so the picture keeps its full size.
        self._scale(1.0)
        self.inner, self.items = None, list(items)
        self.width, self.height = avail_w, _stacked_height(self.items, avail_w, avail_h, self.canv)
        return self.width, self.height

    def _scale(self, scale: float) -> None:
        if self.picture is not None:
            self.picture.max_h = self.full_h * scale

    def draw(self):
        if self.inner is None:
            return
        _kept_draw(self.canv, self.drawn, self.laid_out, self.built or [], self.inner,
                   lambda: self.inner.drawOn(self.canv, 0, 0))

    def split(self, avail_w, avail_h):
        if self.inner is not None:
            return [self.inner]
        fixed = len(self.lead)
        # Where the same flowables broke in a frame this size before: the same pieces
        # (the running heading is this booklet's own).
        content = [id(item) for item in self.items[fixed:]]
        kept = self.drawn.get(("split", self.part, avail_w, avail_h))
        if kept is None or kept[0] != content:
            head, rest = _fill(self.items, avail_w, avail_h, fixed, self.canv)
            kept = self.drawn[("split", self.part, avail_w, avail_h)] = (content, head[fixed:], rest, self.items)
        head, rest = self.lead + kept[1], kept[2]
        more = Exercise(lambda: rest, self.heading, [self.heading], drawn=self.drawn,
                        part=self.part + 1) if rest else None
        piece = _Piece(KeepInFrame(avail_w, avail_h, _opened(head), mode="shrink"), head, self.drawn, self.part)
        return [piece] + ([FrameBreak(), more] if more else [])

    def fits(self, avail_w, avail_h) -> bool:
        """Whether the whole exercise fits a frame this size (the picture shrunk if need be)."""
        self.wrapOn(Canvas(io.BytesIO()), avail_w, avail_h)
        return self.inner is not None


class _Piece(Flowable):
    """The part of a split exercise that fills a frame: drawn, or written again from
    what it drew before (replay), as a whole exercise is."""

    def __init__(self, inner: KeepInFrame, items: list[Flowable], drawn: dict, part: int):
        super().__init__()
        self.inner, self.items, self.drawn, self.part = inner, items, drawn, part

    def wrap(self, avail_w, avail_h):
        self.width, self.height = self.inner.wrapOn(self.canv, avail_w, avail_h)
        self.laid_out = ("piece", self.part, avail_w, avail_h, self.width, self.height)
        return self.width, self.height

    def split(self, avail_w, avail_h):
        return self.inner.splitOn(self.canv, avail_w, avail_h)

    def drawOn(self, canv, x, y, _sW=0):
        _kept_draw(canv, self.drawn, self.laid_out + (x, y, _sW), self.items, self.inner,
                   lambda: self.inner.drawOn(canv, x, y, _sW))


def keep_drawings(flowables: list[Flowable], drawn: dict, key: tuple = ()) -> None:
    """Let each of `flowables` be written again from what it drew (replay) by the next
    booklet whose same block is laid out the same: `drawn` is shared by the blocks made
    of the same text, `key` tells the block's parts apart. Only drawing is changed:
    each keeps its class, so the layout sees the flowable it always did."""
    for index, flowable in enumerate(flowables):
        flowable.drawOn = _KeptDrawing(flowable, drawn, key + (index,))


class _KeptDrawing:
    """A flowable's drawOn, through replay."""

    def __init__(self, flowable: Flowable, drawn: dict, key: tuple):
        self.flowable, self.drawn, self.key = flowable, drawn, key

    def __call__(self, canv, x, y, _sW=0):
        flowable = self.flowable
        size = tuple(getattr(flowable, name, None) for name in ("width", "height", "_width", "_height"))
        _kept_draw(canv, self.drawn, self.key + (x, y, _sW) + size, [flowable], flowable,
                   lambda: type(flowable).drawOn(flowable, canv, x, y, _sW))


def _kept_draw(canv, drawn: dict, key, items: list[Flowable], inner: Flowable, draw_now) -> None:
    """Draw with `draw_now()`, or write again what was drawn under `key` (replay). The
    drawings among `items` get their forms first and the headings in `inner` their
    bookmarks, so that what is drawn only places them and can be written again."""
    for drawing in _drawings(items):
        define(canv, drawing)
    for anchor in _anchors(inner):
        anchor.mark(canv)
    replay.draw(drawn, key, canv, draw_now)


class _Stack(Flowable):
    """Flowables one under another, as KeepInFrame places content that fits, but with
    the sizes they were measured at: an exercise's text is wrapped once, not thrice."""

    def __init__(self, content: list[Flowable], sizes: dict[int, tuple[float, float]]):
        super().__init__()
        self.content, self.sizes = content, sizes

    def wrap(self, avail_w, avail_h):
        # As reportlab's _listWrapOn: spaces between items merge, empty items are skipped.
        width = height = gap = 0.0
        first = True
        for item in self.content:
            w, h = self.sizes[id(item)]
            if h <= _FUZZ:
                continue
            width, height = max(width, min(w, avail_w)), height + h
            if not first:
                height += max(item.getSpaceBefore() - gap, 0)
            first = False
            gap = item.getSpaceAfter()
            height += gap
        self.width, self.height = width - _FUZZ, height - gap - _FUZZ
        return self.width, self.height

    def drawOn(self, canv, x, y, _sW=0):
        # As reportlab's _Container.drawOn, with the measured sizes.
        y += self.height
        top, gap = y, 0.0
        for item in self.content:
            w, h = self.sizes[id(item)]
            if h < _FUZZ and not getattr(item, "_ZEROSIZE", None):
                continue
            if y != top:
                h += max(item.getSpaceBefore() - gap, 0)
            y -= h
            gap = item.getSpaceAfter()
            item.drawOn(canv, x, y, _sW=self.width - w)
            if item is not self.content[-1]:
                y -= gap


def pair_up(fits_half: list[bool]) -> list[list[int]]:
    """Exercises grouped by page for `layout: half`, as positions: two neighbours that
    both fit a half share a page; any other exercise has a page to itself."""
    groups: list[list[int]] = []
    index = 0
    while index < len(fits_half):
        if fits_half[index] and index + 1 < len(fits_half) and fits_half[index + 1]:
            groups.append([index, index + 1])
            index += 2
        else:
            groups.append([index])
            index += 1
    return groups


def _kept_with_next(item: Flowable) -> bool:
    get = getattr(item, "getKeepWithNext", None)
    return bool(get() if get else getattr(item, "keepWithNext", 0))


def _opened(items: list[Flowable]) -> list[Flowable]:
    """`items` with each KeepTogether replaced by its content (a KeepTogether cannot draw)."""
    out: list[Flowable] = []
    for item in items:
        out += _opened(item._content) if isinstance(item, KeepTogether) else [item]
    return out


def _anchors(item) -> list:
    """The headings with bookkeeping (blocks.Anchored) in what `item` draws, in order."""
    if hasattr(item, "mark") and hasattr(item, "key"):
        return [item]
    inside = item.content if isinstance(item, _Stack) else _children(item)
    return [anchor for child in inside for anchor in _anchors(child)]


def _drawings(items: list) -> list:
    """The SVG drawings of the pictures among `items`, however deep."""
    found = []
    for item in items:
        picture = getattr(item, "picture", None)
        if isinstance(item, PictureBox) and picture is not None and picture.drawing is not None:
            found.append(picture.drawing)
        found += _drawings(_children(item))
    return found


def _children(item: Flowable) -> list:
    """What a container holds: a keep's content, a table's cells (flowables or not)."""
    if isinstance(item, (KeepTogether, KeepInFrame)):
        return item._content
    if isinstance(item, Table):
        return [inner for row in item._cellvalues for cell in row
                for inner in (cell if isinstance(cell, (list, tuple)) else [cell])]
    return []


def _holding(items: list[Flowable], target: Flowable | None) -> set[int]:
    """The ids of `target` and of every item that holds it, however deep."""
    found: set[int] = set()

    def visit(item) -> bool:
        inside = item is target
        for child in _children(item):
            inside = visit(child) or inside
        if inside:
            found.add(id(item))
        return inside

    if target is not None:
        for item in items:
            visit(item)
    return found


def _height(item: Flowable, avail_w, avail_h, canv, known: dict | None = None,
            moving: set[int] = frozenset()) -> float:
    """The item's height; with `known` ({id: (width, height)} of the last wrap), an
    item that does not hold the picture (`moving`) is wrapped once and remembered."""
    if known is not None and id(item) not in moving and id(item) in known:
        return known[id(item)][1]
    if isinstance(item, KeepTogether):  # its own wrap claims a huge height, to force a split
        return _stacked_height(item._content, avail_w, avail_h, canv, known, moving)
    width, height = item.wrapOn(canv, avail_w, avail_h)
    if known is not None:
        known[id(item)] = (width, height)
    return height


def _stacked_height(items: list[Flowable], avail_w, avail_h, canv, known: dict | None = None,
                    moving: set[int] = frozenset()) -> float:
    total = 0.0
    for index, item in enumerate(items):
        h = _height(item, avail_w, avail_h, canv, known, moving)
        total += h + item.getSpaceAfter() + (item.getSpaceBefore() if index else 0)
    return total


def _lines(item: Flowable) -> int:
    """Lines of text in a wrapped flowable (a picture or a code has none)."""
    if isinstance(item, Paragraph):
        para = getattr(item, "blPara", None)
        return len(para.lines) if para is not None else 1
    return sum(_lines(inner) for inner in _children(item) if isinstance(inner, Flowable))


def _fill(items: list[Flowable], avail_w, avail_h, fixed: int, canv) -> tuple[list, list]:
    """The items that fill a frame `avail_h` tall, and the rest. The first `fixed`
    items (the running heading) are placed whatever happens; past them, at least
    something of the content is, so every frame moves the exercise on."""
    items = list(items)
    head: list[Flowable] = []
    room = avail_h
    index = 0
    while index < len(items):
        item = items[index]
        before = item.getSpaceBefore() if head else 0
        h = _height(item, avail_w, max(room - before, 0), canv)
        need = before + h + item.getSpaceAfter()
        if need <= room or index < fixed:
            head.append(item)
            room -= need
            index += 1
            continue
        if isinstance(item, KeepTogether):
            if len(head) > fixed:
                break  # the block starts on the next page, whole
            items[index:index + 1] = list(item._content)  # taller than a page: opened up
            continue
        if isinstance(item, Table) and len(head) > fixed and h <= avail_h:
            break  # a box (a caution) that fits a page starts the next one, whole
        pieces = item.splitOn(canv, avail_w, room - before) if room - before > MIN_PIECE else []
        # A sliver (a box's empty top, one line of a list) waits for the next frame.
        if len(pieces) > 1 and _height(pieces[0], avail_w, room - before, canv) >= MIN_PIECE:
            head.append(pieces[0])
            items[index:index + 1] = pieces[1:]
        break
    rest = items[index:]
    # What goes on under the running heading is worth a page: some lines of text,
    # not a lone list heading or a code.
    if rest:
        for item in rest:
            _height(item, avail_w, avail_h, canv)  # wrapped, so its lines are counted
        while len(head) > fixed + 1 and sum(_lines(item) for item in rest) < MIN_LINES:
            rest.insert(0, head.pop())
    # A heading never ends a frame: it goes on with what it heads.
    while rest and len(head) > fixed + 1 and _kept_with_next(head[-1]):
        rest.insert(0, head.pop())
    if len(head) == fixed and rest:  # nothing fits a whole frame: shrunk, but placed
        head.append(rest.pop(0))
    return head, rest
