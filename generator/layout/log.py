"""The log at the end of the booklet: something to fill in with a pen.

`ticks` is a grid of square boxes (7 to 9 mm, a pen's size at any page width): a row
per exercise, all rows the same height, and a strip of boxes per week (`booklet.weeks`
of them, as many weeks to a block as the width holds). A week is at most a day a
column: an exercise done more often than that (twice a day) has a row per daily slot,
labelled 1, 2, ... under its name; a week too wide for a narrow page is split in
parts. Sessions an exercise does not have are shaded.
Under each week label is its date when the client's start date is known, else a
drawn rule to write it on. A hairline mid-grey grid; a stronger rule parts the weeks,
after the last one too. `sets` is in log_sets.py; the pieces both use are here.

The grids are drawn directly rather than as tables: a year of a twice-daily
programme is thousands of boxes, and a table per box is too slow.
"""

from __future__ import annotations

import datetime as dt
import math

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.colors import linearlyInterpolatedColor  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import Flowable, KeepTogether, Spacer  # noqa: E402

from .para import Paragraph  # noqa: E402
from markupsafe import escape  # noqa: E402

from ..frequency import sessions_per_week  # noqa: E402
from .blocks import Palette  # noqa: E402

MIN_BOX, MAX_BOX = 7 * mm, 9 * mm  # a tick box a pen can hit, and no bigger than it needs
WEEK_PAD = 1 * mm  # between a week's divider and its boxes
HAIRLINE, DIVIDER = 0.5, 1.25  # points: the grid, and the rules that part weeks
MIN_NAME_W = 20 * mm
MAX_NAME_LINES = 3  # a longer name is shortened in the log; its page has it whole
NOTE_LINE = 8 * mm
NOTE_LINES = (3, 12)  # the ticks log's notes: at least, and at most (filling the page)
PAGE_RATIO = 1.4  # a page's frame is about this many widths tall (A5, A4, Letter, phone)
DAYS = 7  # a week's columns at most: a day a column; more sessions take more rows


def sessions_of(ex) -> int:
    return sessions_per_week(ex.content.dose)


def grid_grey(palette: Palette):
    """The hairline grid's mid-grey, from the theme's own ink."""
    return linearlyInterpolatedColor(palette.paper, palette.ink, 0, 1, 0.5)


def shade_grey(palette: Palette):
    return linearlyInterpolatedColor(palette.paper, palette.ink, 0, 1, 0.12)


def week_label(t, index: int, start) -> str:
    title = f"{escape(t['week'])} {index + 1}"
    if start is None:
        return title
    from ..labels import short_date

    return f"{title}<br/>{escape(short_date(start + dt.timedelta(weeks=index), t))}"


def text_width(text: str, style) -> float:
    return stringWidth(text, style.fontName, style.fontSize)


def least_name_width(exercises, style, width: float) -> float:
    """The name column's least width: MIN_NAME_W, or a name's longest word, which is
    never broken ("Deslizamiento"), up to 45% of the page."""
    words = [word for ex in exercises for word in ex.content.name.split()]
    return min(width * 0.45, max([MIN_NAME_W] + [text_width(word, style) + 6 for word in words]))


def short_name(text: str, style, width: float) -> Paragraph:
    """The exercise's name in at most MAX_NAME_LINES lines, shortened with "…"."""
    para = Paragraph(escape(text), style)
    limit = style.leading * MAX_NAME_LINES + 1
    if para.wrap(width, 10_000)[1] <= limit:
        return para
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that fit with the ellipsis
        mid = (low + high + 1) // 2
        if Paragraph(escape(" ".join(words[:mid])) + "…", style).wrap(width, 10_000)[1] <= limit:
            low = mid
        else:
            high = mid - 1
    short = " ".join(words[:low]) if low else text[: max(1, int(width // style.fontSize))]
    return Paragraph(escape(short) + "…", style)


class Grid(Flowable):
    """Rows under a repeated header, drawn by hand; splits between rows. A subclass may
    draw a lead above the first part (a title, `lead_h` tall) and a tail under the
    last (notes, `tail_h`)."""

    keep_whole = True  # moves whole to the next page when it fits there, rather than parted
    lead_h = tail_h = 0.0

    def __init__(self, header_h: float, rows: list, row_hs: list[float], width: float, palette: Palette,
                 lead: bool = True, tail: bool = True):
        super().__init__()
        self.header_h, self.rows, self.row_hs = header_h, rows, row_hs
        self.width, self.palette = width, palette
        self.lead, self.tail = lead, tail
        self.height = self._height()

    def _height(self) -> float:
        return (self.lead_h if self.lead else 0) + self.header_h + sum(self.row_hs) + (
            self.tail_h if self.tail else 0)

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def split(self, avail_w, avail_h):
        used, count = (self.lead_h if self.lead else 0) + self.header_h, 0
        for h in self.row_hs:
            if used + h > avail_h:
                break
            used, count = used + h, count + 1
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop and self.height <= frame._aH:
            if self.keep_whole or count < 3:
                return []  # whole on the next page rather than parted
        if count == len(self.rows) and count > 1:
            count -= 1  # every row fits but not the notes under them: the last row goes on with them
        if count == 0 or count == len(self.rows):
            return []
        if len(self.rows) - count == 1 and count > 2:
            count -= 1  # no row alone under a header on the next page
        return [self._part(0, count), self._part(count, len(self.rows))]

    def _part(self, first: int, last: int):
        part = self.__class__.__new__(self.__class__)
        part.__dict__.update(self.__dict__)
        for placed in ("_frame", "_postponed"):  # where the whole went, not the part
            part.__dict__.pop(placed, None)
        Grid.__init__(part, self.header_h, self.rows[first:last], self.row_hs[first:last],
                      self.width, self.palette, lead=self.lead and first == 0,
                      tail=self.tail and last == len(self.rows))
        return part

    def draw(self):
        canv = self.canv
        canv.saveState()
        top = self.height
        if self.lead:
            self.draw_lead(canv, top)
            top -= self.lead_h
        self.draw_header(canv, top)
        y = top - self.header_h
        for row, h in zip(self.rows, self.row_hs):
            self.draw_row(canv, row, y - h, h)
            y -= h
        self.draw_over(canv, top - self.header_h)
        if self.tail:
            self.draw_tail(canv, y)
        canv.restoreState()

    def draw_lead(self, canv, top):
        """Above the first part's header."""

    def draw_tail(self, canv, top):
        """Under the last part's rows."""

    def draw_over(self, canv, top):
        """Rules that run through every row (drawn last, over the rows)."""

    def _hairline(self, canv):
        canv.setStrokeColor(grid_grey(self.palette))
        canv.setLineWidth(HAIRLINE)

    @staticmethod
    def _text(canv, para, x, y, w, h):
        """A paragraph centred upright in a cell (laid out once: it is drawn on many rows)."""
        if getattr(para, "_log_wrapped", None) is None or para._log_wrapped[0] != w:
            para._log_wrapped = (w, para.wrap(w, h)[1])
        para.drawOn(canv, x, y + (h - para._log_wrapped[1]) / 2)


# --- ticks ----------------------------------------------------------------------------


class TickGrid(Grid):
    """Some weeks of the ticks log: a name column, then a strip of square boxes per
    week (or part of a week) between strong dividers. A row of the grid is an
    exercise: `slots` rows of boxes (`slot_h` each) under one name, so that an
    exercise's slots never part across pages."""

    keep_whole = False  # a block parts when three rows fit: no half-empty page

    def __init__(self, names, own, slots, groups, heads, name_w, group_w, box, slot_h, dated, palette,
                 columns: int, slot_labels=(), label_w: float = 0.0):
        self.groups, self.heads, self.dated = groups, heads, dated  # groups: (week, first column, columns)
        self.name_w, self.group_w, self.box, self.slot_h = name_w, group_w, box, slot_h
        self.columns, self.slot_labels, self.label_w = columns, list(slot_labels), label_w
        head_h = max(p.wrap(group_w - 2, 1000)[1] for p in heads)
        line = heads[0].style.leading
        header_h = max(head_h, 2 * line) + 3  # the label and its date, or a rule for it
        width = name_w + len(groups) * group_w
        super().__init__(header_h, list(zip(names, own, slots)), [slot_h * n for n in slots], width, palette)

    def draw_header(self, canv, top):
        for i, para in enumerate(self.heads):
            left = self.name_w + i * self.group_w
            height = para.wrap(self.group_w - 2, 1000)[1]
            para.drawOn(canv, left + WEEK_PAD, top - height - 1)
            if not self.dated:  # a rule to write the week's first date on
                line = para.style.leading
                canv.setStrokeColor(grid_grey(self.palette))
                canv.setLineWidth(HAIRLINE)
                y = top - 2 * line - 1
                canv.line(left + WEEK_PAD, y, left + self.group_w - WEEK_PAD, y)

    def draw_row(self, canv, row, y, h):
        name, own, slots = row
        label_w = self.label_w if slots > 1 else 0.0  # only a name over slots gives room to numbers
        self._text(canv, name, 0, y, self.name_w - 4 - label_w, h)  # across all its slots
        shade = shade_grey(self.palette)
        self._hairline(canv)
        canv.line(0, y, self.width, y)
        for slot in range(slots):
            sy = y + h - (slot + 1) * self.slot_h
            if slots > 1:
                if slot:  # a slot parts from the one above only where the boxes are
                    self._hairline(canv)
                    canv.line(self.name_w - label_w, sy + self.slot_h, self.width, sy + self.slot_h)
                self._text(canv, self.slot_labels[slot], self.name_w - label_w, sy, label_w - 2, self.slot_h)
                self._hairline(canv)
            by = sy + (self.slot_h - self.box) / 2
            for i, (_, first, count) in enumerate(self.groups):
                x0 = self.name_w + i * self.group_w + (self.group_w - count * self.box) / 2
                for c in range(count):
                    rest = slot * self.columns + first + c >= own  # a session this exercise does not have
                    canv.setFillColor(shade)
                    canv.rect(x0 + c * self.box, by, self.box, self.box, stroke=1, fill=1 if rest else 0)

    def draw_over(self, canv, top):
        canv.setStrokeColor(self.palette.ink)
        canv.setLineWidth(DIVIDER)
        bottom = top - sum(self.row_hs)
        for i in range(len(self.groups) + 1):  # the last week ends at a divider too
            x = self.name_w + i * self.group_w
            canv.line(x, bottom, x, top)


def _tick_layout(per_week: int, weeks: int, width: float, name_least: float, name_need: float,
                 label_w: float, rows: int, row_height) -> tuple[int, int, float, float, float]:
    """(columns to a strip, strips to a block, box, name width, row height): of the
    ways to lay `per_week` columns a week out with pen-sized boxes, the one that takes
    least paper. `rows` counts slot rows; `row_height(name_w, box)` is a slot row's
    height with names that wide."""
    name_min = max(name_least, min(width * 0.22, name_need))

    def strip(count, box=MIN_BOX):
        return max(count * box, label_w) + 2 * WEEK_PAD

    parts = 1
    if strip(per_week) > width - name_min:  # a week wider than the page: in even parts
        fits = max(1, int((width - name_min - 2 * WEEK_PAD) // MIN_BOX))
        parts = math.ceil(per_week / fits)
    count = math.ceil(per_week / parts)
    strips = weeks * parts
    fewest = math.ceil(strips / max(1, int((width - name_min) // strip(count))))
    best = None
    for blocks in range(fewest, min(strips, fewest + 2) + 1):
        per_block = math.ceil(strips / blocks)  # blocks of even length
        blocks = math.ceil(strips / per_block)
        # The names take the room they need (to 45%), then the boxes grow, then the names;
        # but bigger boxes are taller rows, so a log longer than a page keeps the least box.
        spare = width - per_block * strip(count)
        name_w = max(name_min, min(name_need, width * 0.45, spare))
        grown = min(MAX_BOX, max(MIN_BOX, ((width - name_w) / per_block - 2 * WEEK_PAD) / count))
        for box in (grown, MIN_BOX):
            name_w = max(name_min, width - per_block * strip(count, box))
            row_h = row_height(name_w, box)
            paper = blocks * (row_h * rows + 14 * mm)  # with a header and the space under it
            if paper <= width * PAGE_RATIO:
                break
        if best is None or paper < best[0] - 1:
            best = (paper, (count, per_block, box, name_w, row_h))
    return best[1]


def tick_log(exercises, weeks: int, styles, width: float, palette: Palette, t, start=None,
             phases=(), track=()) -> list:
    """Blocks of tick boxes, as many weeks to a block as fit the width. With a `start`
    date, each week says when it begins; without, it has a rule to write it on. With
    `phases` ((title, weeks, what changes), in order, their weeks adding up to `weeks`),
    each phase's weeks start a block under its title. `track` ("pain", "effort") adds
    a row of boxes under the exercises, a number from 0 to 10 a day."""
    own = [sessions_of(ex) for ex in exercises]
    columns = min(max(own), DAYS)
    slots = [math.ceil(n / columns) for n in own]
    head_style, name_style = styles["log_head"], styles["log_name"]
    # A row per slot is numbered at its start, in the name column.
    slot_labels = [Paragraph(str(i + 1), head_style) for i in range(max(slots))] if max(slots) > 1 else []
    slot_w = text_width(str(max(slots)), head_style) + 5 if slot_labels else 0.0
    room = [slot_w if k > 1 else 0.0 for k in slots]  # beside a name over slots: their numbers
    name_need = max(text_width(ex.content.name, name_style) + 6 + r for ex, r in zip(exercises, room))
    name_least = max(least_name_width([ex], name_style, width) + r for ex, r in zip(exercises, room))
    dates = [week_label(t, week, start).split("<br/>")[1] for week in range(weeks)] if start else [""]
    date_w = max(text_width(date, head_style) for date in dates)

    def label_w(parts: int) -> float:
        suffix = f" · {columns}–{columns}" if parts > 1 else ""
        return max(text_width(f"{t['week']} {weeks}{suffix}", head_style), date_w) + 4

    made: dict[float, list[Paragraph]] = {}  # the layouts tried share name widths

    def names_at(name_w: float) -> list[Paragraph]:
        if name_w not in made:
            made[name_w] = [short_name(ex.content.name, name_style, name_w - 4 - r)
                            for ex, r in zip(exercises, room)]
        return made[name_w]

    def row_height(name_w: float, box: float) -> float:
        """A slot's height: a box, and room for a name over its slots."""
        tallest = max(n.wrap(name_w - 4 - r, 1000)[1] / k for n, k, r in zip(names_at(name_w), slots, room))
        return max(box + 1.5 * mm, tallest + 4)

    def layout(parts: int):
        return _tick_layout(columns, weeks, width, name_least, name_need, label_w(parts), sum(slots),
                            row_height)

    count, per_block, box, name_w, row_h = layout(1)
    if count < columns:  # a week in parts: its label names the days it holds
        count, per_block, box, name_w, row_h = layout(2)
    parts = math.ceil(columns / count)
    groups = [(w, p * count, min(count, columns - p * count)) for w in range(weeks) for p in range(parts)]
    group_w = max(box * count, label_w(parts)) + 2 * WEEK_PAD
    names = names_at(name_w)
    mixed = any(n < k * columns for n, k in zip(own, slots))
    help_text = t["log_ticks_help"] + (" " + t["log_ticks_shaded"] if mixed else "")
    out: list = [Paragraph(escape(help_text), styles["meta"])]
    out += [Paragraph(escape(t[f"{key}_help"]), styles["meta"]) for key in track]
    out.append(Spacer(1, 4 * mm))
    # What the client tracks: a row each, a box a day for a number.
    names = names + [short_name(t[key], name_style, name_w - 4) for key in track]
    own, slots = own + [columns] * len(track), slots + [1] * len(track)
    spans, first_week = [], 0
    for title, length, changes in phases or [(None, weeks, [])]:
        spans.append((title, changes, [g for g in groups if first_week <= g[0] < first_week + length]))
        first_week += length
    blocks = []
    for title, changes, members in spans:
        for first in range(0, len(members), per_block):
            blocks.append((title if first == 0 else None, changes if first == 0 else [],
                           members[first:first + per_block]))
    for title, changes, block in blocks:
        # A phase begins: its name, weeks and the doses that change in it, kept with its grid.
        lead = ([Paragraph(title, styles["h2"])] + [Paragraph(line, styles["meta"]) for line in changes]
                + [Spacer(1, 2 * mm)]) if title else []
        heads = []
        for week, column, n in block:
            label = week_label(t, week, start)
            if parts > 1:
                title, _, date = label.partition("<br/>")
                label = f"{title} · {column + 1}–{column + n}" + (f"<br/>{date}" if date else "")
            heads.append(Paragraph(label, head_style))
        grid = TickGrid(names, own, slots, block, heads, name_w, group_w, box, row_h, start is not None,
                        palette, columns, slot_labels, slot_w)
        out += [KeepTogether(lead + [grid]) if lead else grid, Spacer(1, 6 * mm)]
    out.append(_Notes(styles, width, palette, t))
    return out


class _Notes(Flowable):
    """A "Notes" heading and ruled lines to the foot of the page (at least a few)."""

    def __init__(self, styles, width: float, palette: Palette, t):
        super().__init__()
        self.head = Paragraph(escape(t["notes"]), styles["log_head"])
        self.width, self.palette = width, palette
        self.head_h = self.head.wrap(width, 1000)[1]
        self.lines = NOTE_LINES[0]

    def wrap(self, avail_w, avail_h):
        fits = int((avail_h - self.head_h - 1) // NOTE_LINE)
        self.lines = max(NOTE_LINES[0], min(NOTE_LINES[1], fits))
        self.height = self.head_h + self.lines * NOTE_LINE
        return self.width, self.height

    def split(self, avail_w, avail_h):
        return []  # never parted: whole on the next page

    def draw(self):
        canv = self.canv
        self.head.drawOn(canv, 0, self.height - self.head_h)
        canv.setStrokeColor(grid_grey(self.palette))
        canv.setLineWidth(HAIRLINE)
        for i in range(self.lines):
            y = self.height - self.head_h - (i + 1) * NOTE_LINE
            canv.line(0, y, self.width, y)
