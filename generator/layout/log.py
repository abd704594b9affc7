"""The log at the end of the booklet: something to fill in with a pen.

`ticks` is a grid of square boxes, a row per exercise and a column per session
(sessions a week x `booklet.weeks`, split into blocks that fit the page width);
sessions an exercise does not have are shaded. `sets` is a page per session while
there are few sessions (each set's reps and weight, a line for the date, notes);
past that, a page per week would be hundreds of pages, so it becomes a sheet per week
with a column per session and a line per set in each.

The grids are drawn directly rather than as tables: a year of a twice-daily
programme is thousands of boxes, and a table per box is too slow.
"""

from __future__ import annotations

import datetime as dt

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle  # noqa: E402
from markupsafe import escape  # noqa: E402

from ..frequency import sessions_per_week  # noqa: E402
from .blocks import Palette  # noqa: E402

MIN_BOX, MAX_BOX = 6.5 * mm, 9 * mm  # a tick box a pen can hit, and no bigger than it needs
BOX_GAP = 1.5  # points between neighbouring boxes
DEFAULT_SETS = 3
MAX_NAME_LINES = 3  # a longer name is shortened in the log; its page has it whole
SESSION_PAGES = 12  # up to this many sessions in all, the `sets` log gives each a page
SET_LINE = 5.5 * mm  # one set written by hand
SETS_A_ROW = 10  # a row of the week sheet never grows taller than a page


def _sessions(ex) -> int:
    return sessions_per_week(ex.content.dose)


def _sets(ex) -> int:
    dose = ex.content.dose
    return dose.sets if dose and isinstance(dose.sets, int) and dose.sets > 0 else DEFAULT_SETS


def _week(t, index: int, start) -> str:
    title = f"{escape(t['week'])} {index + 1}"
    if start is None:
        return title
    from ..labels import short_date

    return f"{title}<br/>{escape(short_date(start + dt.timedelta(weeks=index), t))}"


def _name(text: str, style, width: float) -> Paragraph:
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


class _Grid(Flowable):
    """Rows under a repeated header, drawn by hand; splits between rows."""

    def __init__(self, header_h: float, rows: list, row_hs: list[float], width: float, palette: Palette):
        super().__init__()
        self.header_h, self.rows, self.row_hs = header_h, rows, row_hs
        self.width, self.palette = width, palette
        self.height = header_h + sum(row_hs)

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def split(self, avail_w, avail_h):
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop and self.height <= frame._aH:
            return []  # whole on the next page rather than parted
        used, count = self.header_h, 0
        for h in self.row_hs:
            if used + h > avail_h:
                break
            used, count = used + h, count + 1
        if count == 0 or count == len(self.rows):
            return []
        return [self._part(0, count), self._part(count, len(self.rows))]

    def _part(self, first: int, last: int):
        part = self.__class__.__new__(self.__class__)
        part.__dict__.update(self.__dict__)
        for placed in ("_frame", "_postponed"):  # where the whole went, not the part
            part.__dict__.pop(placed, None)
        _Grid.__init__(part, self.header_h, self.rows[first:last], self.row_hs[first:last],
                       self.width, self.palette)
        return part

    def draw(self):
        canv = self.canv
        canv.saveState()
        self.draw_header(canv, self.height)
        y = self.height - self.header_h
        for row, h in zip(self.rows, self.row_hs):
            self.draw_row(canv, row, y - h, h)
            y -= h
        canv.restoreState()

    @staticmethod
    def _text(canv, para, x, y, w, h):
        """A paragraph centred upright in a cell (laid out once: it is drawn on many rows)."""
        if getattr(para, "_log_wrapped", None) is None or para._log_wrapped[0] != w:
            para._log_wrapped = (w, para.wrap(w, h)[1])
        para.drawOn(canv, x, y + (h - para._log_wrapped[1]) / 2)


class TickGrid(_Grid):
    """Some weeks of the ticks log: a name column, then a square box per session."""

    def __init__(self, names, own, weeks, per_week, heads, name_w, week_w, box, row_h, width, palette):
        self.weeks, self.per_week, self.heads = weeks, per_week, heads
        self.name_w, self.week_w, self.box = name_w, week_w, box
        header_h = max(p.wrap(week_w - 2, 1000)[1] for p in heads) + 3
        super().__init__(header_h, list(zip(names, own)), [row_h] * len(names), width, palette)

    def draw_header(self, canv, top):
        for i, para in enumerate(self.heads):
            ph = para.wrap(self.week_w - 2, 1000)[1]
            para.drawOn(canv, self.name_w + i * self.week_w + 3, top - ph - 1)

    def draw_row(self, canv, row, y, h):
        p = self.palette
        name, own = row
        self._text(canv, name, 0, y, self.name_w - 4, h)
        canv.setStrokeColor(p.rule)
        canv.setLineWidth(0.5)
        canv.line(0, y, self.name_w - 2, y)
        slot = self.week_w / self.per_week
        for w in range(len(self.weeks)):
            left = self.name_w + w * self.week_w
            canv.setStrokeColor(p.ink)
            canv.setLineWidth(1.5)
            canv.line(left, y, left, y + h)  # each week starts at a rule
            for s in range(self.per_week):
                rest = s >= own  # a session this exercise does not have
                canv.setFillColor(p.panel)
                canv.setStrokeColor(p.rule if rest else p.ink)
                canv.setLineWidth(0.75)
                x = left + s * slot + (slot - self.box) / 2 + 0.75
                canv.rect(x, y + (h - self.box) / 2, self.box, self.box, stroke=1, fill=1 if rest else 0)


def tick_log(exercises, weeks: int, styles, width: float, palette: Palette, t, start=None) -> list:
    """Blocks of tick boxes, as many weeks to a block as fit the width. With a `start`
    date, each week says when it begins."""
    own = [_sessions(ex) for ex in exercises]
    per_week = max(own)
    head_style = styles["log_head"]
    heads = [Paragraph(_week(t, w, start), head_style) for w in range(weeks)]
    label_w = max(stringWidth(line, head_style.fontName, head_style.fontSize)
                  for p in heads for line in _plain_lines(p)) + 6
    # The names give up width (down to a quarter) before the boxes shrink under a pen's size.
    name_w = min(width * 0.34, max(width * 0.25, width - per_week * MIN_BOX))
    avail = width - name_w
    # As many weeks to a block as fit with pen-sized boxes; then the boxes take the room.
    narrowest = min(avail, max(per_week * MIN_BOX, label_w))
    per_block = min(weeks, max(1, int(avail // narrowest)))
    week_w = min(avail / per_block, max(per_week * (MAX_BOX + BOX_GAP), label_w))
    box = max(4 * mm, min(MAX_BOX, week_w / per_week - BOX_GAP))
    names = [_name(ex.content.name, styles["log_name"], name_w - 4) for ex in exercises]
    row_h = max(box + 2 * mm, max(n.wrap(name_w - 4, 1000)[1] for n in names) + 4)
    mixed = any(n < per_week for n in own)
    help_text = t["log_ticks_help"] + (" " + t["log_ticks_shaded"] if mixed else "")
    out: list = [Paragraph(escape(help_text), styles["meta"]), Spacer(1, 4 * mm)]
    for first in range(0, weeks, per_block):
        block = range(first, min(weeks, first + per_block))
        out += [TickGrid(names, own, block, per_week, heads[first:first + len(block)], name_w, week_w,
                         box, row_h, width, palette), Spacer(1, 6 * mm)]
    out.append(_notes(4, styles, width, palette, t))
    return out


def _plain_lines(para: Paragraph) -> list[str]:
    import re

    return [re.sub(r"<[^>]+>", "", line) for line in para.text.split("<br/>")]


def _notes(lines: int, styles, width: float, palette: Palette, t) -> KeepTogether:
    """A "Notes" heading with ruled lines, never parted."""
    return KeepTogether([Paragraph(escape(t["notes"]), styles["log_head"])]
                        + [_Rule(width, palette) for _ in range(lines)])


def sets_log(exercises, weeks: int, styles, width: float, palette: Palette, t, heading, start=None) -> list:
    """The sets log. `heading(title)` makes the flowables that open a page titled so
    (the first one carries the log's own heading)."""
    per_week = max(_sessions(ex) for ex in exercises)
    if per_week * weeks <= SESSION_PAGES:
        return _session_pages(exercises, per_week * weeks, styles, width, palette, t, heading)
    name_w = width * (0.3 if per_week > 4 else 0.36)  # the names give way to many sessions
    rows = _sheet_rows(exercises, styles, name_w, t)
    out: list = []
    for week in range(weeks):
        if week:
            out.append(PageBreak())
        out += heading(_week(t, week, start).replace("<br/>", " · "))
        if week == 0:
            hint = f"{t['reps_head']} × {t['weight']}"
            out.append(Paragraph(escape(hint), styles["meta"]))
        out.append(Spacer(1, 2 * mm))
        for first in range(0, per_week, 7):  # a week of twice-daily sessions is two sheets
            sessions = range(first, min(per_week, first + 7))
            out += [WeekSheet(rows, sessions, name_w, styles, width, palette, t), Spacer(1, 4 * mm)]
    return out


def _sheet_rows(exercises, styles, name_w: float, t) -> tuple[list, list[float]]:
    """The rows of every week sheet, made once: (name, first set, sets) and heights."""
    rows = [(Paragraph(escape(t["date"]), styles["log_head"]), 0, 1)]
    for ex in exercises:  # many sets run on in rows of their own
        name = _name(ex.content.name, styles["log_name"], name_w - 4)
        rows += [(name if first == 0 else None, first, min(SETS_A_ROW, _sets(ex) - first))
                 for first in range(0, _sets(ex), SETS_A_ROW)]
    heights = [max(SET_LINE * count, n.wrap(name_w - 4, 1000)[1] + 4 if n else 0) for n, _, count in rows]
    return rows, heights


def _session_pages(exercises, sessions: int, styles, width, palette, t, heading) -> list:
    """A page per session: the date, each exercise's sets with reps and weight, notes."""
    out: list = []
    for n in range(1, sessions + 1):
        if n > 1:
            out.append(PageBreak())
        out += heading(f"{escape(t['session'])} {n}")
        out.append(Paragraph(f"{escape(t['date'])}: ______________________", styles["body"]))
        out.append(Spacer(1, 3 * mm))
        rows = [[Paragraph(escape(t[k]), styles["log_head"])
                 for k in ("exercise", "set", "reps_head", "weight")]]
        heights: list = [None]
        ends = []
        for ex in exercises:
            # No spanned name cell, so that the table can split between any rows: the name
            # runs down over the empty cells under it, and its rows share the height it needs.
            name = _name(ex.content.name, styles["log_name"], width * 0.42 - 6)
            row_h = max(6.5 * mm, (name.wrap(width * 0.42 - 6, 1000)[1] + 6) / _sets(ex))
            for s in range(1, _sets(ex) + 1):
                rows.append([name if s == 1 else "", Paragraph(str(s), styles["log_name"]), "", ""])
                heights.append(row_h)
            ends.append(len(rows) - 1)
        table = Table(rows, colWidths=[width * 0.42, width * 0.12, width * 0.23, width * 0.23],
                      rowHeights=heights, repeatRows=1, hAlign="LEFT")
        style = [
            ("GRID", (1, 1), (-1, -1), 0.5, palette.ink),
            ("LINEBELOW", (0, 0), (-1, 0), 1, palette.ink),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 1), (0, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ]
        style += [("LINEBELOW", (0, last), (0, last), 0.5, palette.ink) for last in ends]
        table.setStyle(TableStyle(style))
        out += [table, Spacer(1, 4 * mm), _notes(1, styles, width, palette, t)]
    return out


class WeekSheet(_Grid):
    """Some sessions of a week: a row per exercise, a line per set in each session's
    column, and a first row for each session's date."""

    def __init__(self, rows, sessions, name_w, styles, width, palette, t):
        self.sessions, self.styles, self.name_w = sessions, styles, name_w
        head = styles["log_head"]
        # As wide as its heading in the language ("Satz", "Série"), never broken in it.
        label = stringWidth(t["set"], head.fontName, head.fontSize) + 5
        self.set_w = max(7 * mm, label)
        self.col_w = (width - self.name_w - self.set_w) / len(sessions)
        self.heads = [Paragraph(escape(t["exercise"]), head), Paragraph(escape(t["set"]), head)] + [
            Paragraph(str(s + 1), head) for s in sessions]
        header_h = max(p.wrap(self.name_w - 4, 1000)[1] for p in self.heads) + 4
        super().__init__(header_h, rows[0], rows[1], width, palette)

    def draw_header(self, canv, top):
        h = self.header_h
        xs = [0, self.name_w] + [self.name_w + self.set_w + i * self.col_w for i in range(len(self.sessions))]
        ws = [self.name_w, self.set_w] + [self.col_w] * len(self.sessions)
        for para, x, w in zip(self.heads, xs, ws):
            self._text(canv, para, x + 2, top - h, w - 4, h)
        canv.setStrokeColor(self.palette.ink)
        canv.setLineWidth(1)
        canv.line(0, top - h, self.width, top - h)

    def draw_row(self, canv, row, y, h):
        p = self.palette
        name, first, count = row
        if name is not None:
            self._text(canv, name, 2, y, self.name_w - 4, h)
        line_h = h / count
        left = self.name_w + self.set_w
        canv.setFillColor(p.muted)
        canv.setFont(self.styles["log_name"].fontName, self.styles["log_name"].fontSize * 0.8)
        for s in range(count):
            mid = y + h - (s + 0.5) * line_h
            if count > 1 or first:
                canv.drawCentredString(self.name_w + self.set_w / 2, mid - 3, str(first + s + 1))
            if s:
                canv.setStrokeColor(p.rule)
                canv.setLineWidth(0.5)
                canv.line(left, y + h - s * line_h, self.width, y + h - s * line_h)
        canv.setStrokeColor(p.ink)
        canv.setLineWidth(0.75)
        canv.line(0, y, self.width, y)
        for i in range(len(self.sessions) + 1):
            canv.line(left + i * self.col_w, y, left + i * self.col_w, y + h)


class _Rule(Table):
    """A ruled line to write on."""

    def __init__(self, width: float, palette: Palette):
        super().__init__([[""]], colWidths=[width], rowHeights=[8 * mm])
        self.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, palette.muted)]))
