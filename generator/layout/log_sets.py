"""The `sets` log: what a client did in each set, to write by hand.

A card per session, flowing two to an A5 page: the date on a drawn rule, a row per
exercise with a column per set, and in it a line per thing to write, from the dose
and the equipment:
- Reps; or Hold (s) when the dose is a hold with no reps (a wall sit, a stretch). A
  hold inside each rep (`reps: 10, hold: 5`) still counts reps.
- Weight when the equipment names a load, Band when it names a resistance band,
  nothing more for bodyweight (the rule and its words: generator/equipment.py).
Past SESSION_CARDS sessions, a card each would be too many pages, so it becomes a
sheet per week with a column per session and a line per set in each.
With phases, each phase starts under its heading and its cards or sheets follow its
own dose: its set count and, when the dose changes with the phases, its target (reps
or seconds) faint in each set's cell. An exercise done on each side is written twice
a set, left and right. `booklet.track` adds a row a session for pain and for effort.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.enums import TA_CENTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import Flowable, PageBreak, Spacer  # noqa: E402

from .para import Paragraph  # noqa: E402
from markupsafe import escape  # noqa: E402

from ..equipment import load_kind  # noqa: E402
from .blocks import Palette  # noqa: E402
from .log import (HAIRLINE, NOTE_LINE, Grid, grid_grey, least_name_width, sessions_of,  # noqa: E402
                  shade_grey, short_name, text_width, week_label)

WRITE_LINE = 7 * mm  # one number written by hand
MIN_SET_W, MAX_SET_W = 11 * mm, 22 * mm  # a set's cell: "12" or "8 kg" fits
MIN_SESSION_W = 9 * mm  # a week sheet's column for one session
SHEET_SET_W = 7 * mm  # its set numbers, at least
DEFAULT_SETS = 3
SESSION_CARDS = 12  # up to this many sessions in all, the `sets` log is a card per session
SETS_A_ROW = 10  # a row of the week sheet never grows taller than a page
GRID_GAP = 6 * mm  # between two session cards or week sheets
MAX_NOTES = 14  # notes lines under the last card or sheet on a page
HEADING_GAP = 2 * mm  # between a phase's heading and its first session or week


class _Row(NamedTuple):
    """A row of a card or sheet: an exercise's sets (or some of them), or a tracked number."""
    name: Paragraph | None
    labels: list[str] | Paragraph | None  # what to write: a line each on a card, a hint on a sheet
    first: int = 0  # its first set, from 0
    count: int = 1  # its sets
    target: str = ""  # the phase's reps or seconds, faint in each set's cell
    sided: bool = False  # a left and a right half in each set's cell
    tracked: bool = False  # pain or effort: one number a session


def dose_in(ex, phase: int | None):
    """The exercise's dose in a phase (by its place), or its one dose."""
    doses = getattr(ex, "doses", ())  # an exercise as the log tests make it has only its content
    return doses[phase] if phase is not None and doses else ex.content.dose


def _target(ex, dose) -> str:
    """The reps (or seconds held) to write faintly in a set's cell when the dose changes
    with the phases; nothing when it would not fit the cell ("as many as you can")."""
    if not getattr(ex, "phase_doses", None) or dose is None:
        return ""
    text = f"{dose.hold} s" if dose.hold and dose.reps is None else str(dose.reps or "")
    return text if len(text) <= 5 else ""


def _sided(ex) -> bool:
    return getattr(ex.content, "side", None) == "each"


def _draw_halves(canv, x: float, w: float, y: float, h: float, style, palette, t, labels: bool = True):
    """A set's cell for each side: a dotted rule down its middle, "L" and "R" atop."""
    canv.saveState()
    canv.setDash(1, 1.5)
    canv.line(x + w / 2, y, x + w / 2, y + h)
    canv.restoreState()
    if labels:
        size = style.fontSize * 0.75
        canv.setFont(style.fontName, size)
        canv.setFillColor(palette.muted)
        top = y + h - style.fontSize * 0.8
        words = (t["left"], t["right"])
        if max(stringWidth(word, style.fontName, size) for word in words) > w / 2 - 3:
            words = tuple(word[0] for word in words)  # "Izq.", "Der." in a narrow cell: "I", "D"
        for word, left in zip(words, (x, x + w / 2)):
            canv.drawString(left + 1.5, top, word)


def _draw_target(canv, text: str, x: float, w: float, y: float, style, palette):
    """The phase's target in the cell's lower right corner, faint under what is written."""
    canv.setFont(style.fontName, style.fontSize * 0.8)
    canv.setFillColor(grid_grey(palette))
    canv.drawRightString(x + w - 1.5, y + 1.5, text)


def _sets(dose) -> int:
    return dose.sets if dose and isinstance(dose.sets, int) and dose.sets > 0 else DEFAULT_SETS


def measures(content, t, dose=None) -> list[str]:
    """What a client writes for each set of this exercise: the row labels of its card."""
    dose = dose or content.dose
    held = dose is not None and dose.hold and dose.reps is None
    kind = load_kind(content.equipment)
    return [t["hold_head"] if held else t["reps_head"]] + ([t[kind]] if kind else [])


class _WriteLine(Flowable):
    """A title at the left (or none) and a label with a drawn rule to write on: the
    session and its date, or "Notes"."""

    def __init__(self, title: str | None, label: str, styles, width: float, palette: Palette,
                 rule_min: float = 30 * mm):
        super().__init__()
        self.width, self.palette = width, palette
        head, small = styles["h2"], styles["log_head"]
        self.title = Paragraph(title, head) if title else None
        self.label = Paragraph(escape(label), small)
        self.title_w = text_width(title, head) + 8 if title else 0
        self.label_w = text_width(label, small) + 4
        # Beside the title when the rule gets room to write a date, else under it.
        self.below = title is not None and width - self.title_w - self.label_w < rule_min
        self.title_h = self.title.wrap(width, 1000)[1] if title else 0
        self.label_h = self.label.wrap(self.label_w + 1, 1000)[1]
        self.height = (self.title_h + self.label_h + 4 if self.below
                       else max(self.title_h, self.label_h + 4))
        self.descent = head.fontSize * 0.25 if title and not self.below else 2

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        if self.title:
            self.title.drawOn(canv, 0, self.height - self.title_h)
        x = 0 if self.below or not self.title else self.title_w
        # The label sits on the title's baseline; the rule runs under both.
        self.label.drawOn(canv, x, self.descent)
        canv.setStrokeColor(grid_grey(self.palette))
        canv.setLineWidth(HAIRLINE)
        canv.line(x + self.label_w, self.descent, self.width, self.descent)


class _Noted(Grid):
    """A grid with notes under it: one line, or lines to the foot of the page when
    what follows starts on the next page. What follows is a grid as tall as this one
    (the next session, the week's next sheet), unless `ends_page`."""

    def __init__(self, header_h, rows, row_hs, width, palette, t, styles, ends_page: bool):
        self.notes_line = _WriteLine(None, t["notes"], styles, width, palette)
        self.ends_page, self.notes = ends_page, 1
        self.tail_h = self._tail(1, ends_page)
        super().__init__(header_h, rows, row_hs, width, palette)

    def _tail(self, lines: int, filled: bool) -> float:
        """Notes in `lines` lines, and the gap to the next grid unless this one fills
        its page."""
        return 2 * mm + self.notes_line.height + (lines - 1) * NOTE_LINE + (0 if filled else GRID_GAP)

    def wrap(self, avail_w, avail_h):
        self.notes, self.tail_h = 1, self._tail(1, self.ends_page)
        fits = self.tail and self._height() <= avail_h  # the whole, or its last part
        smallest = self._height() - (0 if self.ends_page else GRID_GAP)  # the next, filling its page
        if fits and (self.ends_page or avail_h - self._height() < smallest):
            self.tail_h = self._tail(1, True)
            spare = avail_h - self._height()
            self.notes = 1 + max(0, min(MAX_NOTES - 1, int(spare // NOTE_LINE)))
            self.tail_h = self._tail(self.notes, True)
        self.height = self._height()
        return self.width, self.height

    def draw_tail(self, canv, top):
        y = top - 2 * mm - self.notes_line.height
        self.notes_line.drawOn(canv, 0, y)
        self._hairline(canv)
        for i in range(1, self.notes):
            line = y + self.notes_line.descent - i * NOTE_LINE
            canv.line(0, line, self.width, line)


class SetsCard(_Noted):
    """One session: a phase's heading when it starts one, the session's title and date;
    a row per exercise (or per SETS_A_ROW sets of it), a column per set, a written line
    per measure (reps or hold, weight or band); a row per tracked number; then notes."""

    def __init__(self, title: str, rows, heights, columns, name_w, measure_w, styles, width,
                 palette, t, last: bool = False, heading: tuple = ()):
        self.columns, self.name_w, self.measure_w = columns, name_w, measure_w
        self.title_line = _WriteLine(title, t["date"], styles, width, palette)
        self.heading = [(para, para.wrap(width, 1000)[1]) for para in heading]
        self.lead_h = self.title_line.height + 2 * mm + sum(h for _, h in self.heading) + (
            HEADING_GAP if heading else 0)
        self.set_w = (width - name_w - measure_w) / columns
        self.styles, self.t = styles, t
        head = styles["log_head"]
        self.heads = [Paragraph(escape(t["exercise"]), head), Paragraph(escape(t["set"]), head)]
        self.numbers = [str(n + 1) for n in range(columns)]
        header_h = max(p.wrap(max(measure_w, name_w) - 4, 1000)[1] for p in self.heads) + 4
        super().__init__(header_h, rows, heights, width, palette, t, styles, ends_page=last)

    def draw_lead(self, canv, top):
        for para, h in self.heading:
            para.drawOn(canv, 0, top - h)
            top -= h
        top -= HEADING_GAP if self.heading else 0
        self.title_line.drawOn(canv, 0, top - self.title_line.height)

    def draw_header(self, canv, top):
        h = self.header_h
        self._text(canv, self.heads[0], 0, top - h, self.name_w - 4, h)
        self._text(canv, self.heads[1], self.name_w, top - h, self.measure_w - 4, h)
        style = self.styles["log_head"]
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        left = self.name_w + self.measure_w
        for i, number in enumerate(self.numbers):
            canv.drawCentredString(left + (i + 0.5) * self.set_w, top - h / 2 - style.fontSize * 0.35, number)
        canv.setStrokeColor(self.palette.ink)
        canv.setLineWidth(0.75)
        canv.line(0, top - h, self.width, top - h)

    def draw_row(self, canv, row: _Row, y, h):
        style, left = self.styles["log_head"], self.name_w + self.measure_w
        if row.tracked:  # "Pain 0–10": its label, then a space for one number
            self._text(canv, row.name, 0, y, left - 4, h)
            self._hairline(canv)
            canv.line(0, y, self.width, y)
            canv.line(left, y, left, y + h)
            return
        self._text(canv, row.name, 0, y, self.name_w - 4, h)
        line_h = h / len(row.labels)
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        for i, label in enumerate(row.labels):
            mid = y + h - (i + 0.5) * line_h
            canv.drawString(self.name_w + 2, mid - style.fontSize * 0.35, label)
        canv.setFillColor(shade_grey(self.palette))
        for c in range(row.count, self.columns):  # sets this exercise does not have
            canv.rect(left + c * self.set_w, y, self.set_w, h, stroke=0, fill=1)
        self._hairline(canv)
        for c in range(row.count):  # the first line (reps or hold) is the one that has a side and a target
            x = left + c * self.set_w
            if row.sided:
                _draw_halves(canv, x, self.set_w, y + h - line_h, line_h, style, self.palette, self.t)
            for half in ((0, 0.5) if row.sided else (0,)) if row.target else ():
                _draw_target(canv, row.target, x + half * self.set_w,
                             self.set_w / (2 if row.sided else 1), y + h - line_h, style, self.palette)
        for i in range(1, len(row.labels)):
            canv.line(self.name_w, y + h - i * line_h, self.width, y + h - i * line_h)
        canv.line(0, y, self.width, y)
        for c in range(self.columns + 1):
            canv.line(left + c * self.set_w, y, left + c * self.set_w, y + h)


def _card_rows(exercises, phase, styles, width: float, t, track):
    """The rows of every session card in a phase, made once, and the card's column widths."""
    head, name_style = styles["log_head"], styles["log_name"]
    doses = [dose_in(ex, phase) for ex in exercises]
    kinds = [measures(ex.content, t, dose) for ex, dose in zip(exercises, doses)]
    measure_w = max(text_width(label, head) for labels in kinds for label in labels + [t["set"]]) + 6
    most = max(_sets(dose) for dose in doses)
    name_need = max(text_width(ex.content.name, name_style) for ex in exercises) + 6
    name_room = min(max(name_need, least_name_width(exercises, name_style, width)), width * 0.55)
    # Every set in one row while names keep 30% of the width; they wrap before sets do.
    least = max(least_name_width(exercises, name_style, width), width * 0.3)
    fits = int((width - measure_w - least) // MIN_SET_W)
    columns = max(1, min(most, SETS_A_ROW, fits))
    set_w = min(MAX_SET_W, max(MIN_SET_W, (width - measure_w - name_room) / columns))
    name_w = width - measure_w - columns * set_w
    rows, heights = [], []
    for ex, dose, labels in zip(exercises, doses, kinds):
        sets = _sets(dose)
        name = short_name(ex.content.name, name_style, name_w - 4)
        for first in range(0, sets, columns):  # more sets than columns run on in rows of their own
            count = min(columns, sets - first)
            if first:
                name = Paragraph(f"{escape(t['set'])} {first + 1}–{first + count}", styles["log_head"])
            rows.append(_Row(name, labels, first, count, _target(ex, dose), _sided(ex)))
            # A side each: the first line takes its "L R" over the number written.
            heights.append(max(WRITE_LINE * len(labels) + (2 * mm if _sided(ex) else 0),
                               name.wrap(name_w - 4, 1000)[1] + 4))
    for key in track:
        rows.append(_Row(short_name(t[key], name_style, name_w + measure_w - 4), None, tracked=True))
        heights.append(WRITE_LINE)
    return rows, heights, columns, name_w, measure_w


def _spans(weeks: int, phases) -> list[tuple]:
    """(phase's place, its weeks, its heading and changes) in order; one span without phases."""
    return [(i, length, (title, changes)) for i, (title, length, changes) in enumerate(phases)] or [
        (None, weeks, None)]


def _heading(titled, styles) -> list[Paragraph]:
    if not titled:
        return []
    title, changes = titled
    return [Paragraph(title, styles["h2"])] + [Paragraph(line, styles["meta"]) for line in changes]


def sets_log(exercises, weeks: int, styles, width: float, palette: Palette, t, start=None,
             phases=(), track=()) -> list:
    """The sets log: session cards, or past SESSION_CARDS sessions a sheet per week. With
    `phases` ((title, weeks, what changes) as the tick log takes them), each phase's
    cards or weeks start under its title; `track` ("pain", "effort") adds a row each."""
    per_week = max(sessions_of(ex) for ex in exercises)
    out: list = [Paragraph(escape(t[f"{key}_help"]), styles["meta"]) for key in track]
    if per_week * weeks <= SESSION_CARDS:
        return out + _session_cards(exercises, per_week, _spans(weeks, phases), styles, width, palette, t, track)
    name_w = max(width * (0.3 if per_week > 4 else 0.36),  # the names give way to many sessions
                 least_name_width(exercises, styles["log_name"], width))
    # Up to a week of days to a sheet, fewer on a narrow page: a column a pen can write in.
    fits = max(1, int((width - name_w - SHEET_SET_W) // MIN_SESSION_W))
    chunk = math.ceil(per_week / math.ceil(per_week / min(7, fits)))
    week = 0
    for phase, length, titled in _spans(weeks, phases):
        rows = _sheet_rows(exercises, phase, styles, name_w, t, track)
        for _ in range(length):
            if week:
                out.append(PageBreak())
            label = week_label(t, week, start).replace("<br/>", " · ")
            lead = (_heading(titled, styles) + [Spacer(1, HEADING_GAP), Paragraph(label, styles["strong"])] if titled
                    else [Paragraph(label, styles["h2"])])
            titled = None  # the phase's heading over its first week only
            for first in range(0, per_week, chunk):  # a week of twice-daily sessions is two sheets
                sessions = range(first, min(per_week, first + chunk))
                out.append(WeekSheet(lead, rows, sessions, name_w, styles, width, palette, t,
                                     ends_page=sessions[-1] == per_week - 1))
            week += 1
    return out


def _session_cards(exercises, per_week: int, spans, styles, width, palette, t, track) -> list:
    """A card per session, each kept whole when it fits a page."""
    out: list = []
    n, sessions = 0, per_week * sum(length for _, length, _ in spans)
    for phase, length, titled in spans:
        rows, heights, columns, name_w, measure_w = _card_rows(exercises, phase, styles, width, t, track)
        for i in range(per_week * length):
            n += 1
            title = f"{escape(t['session'])} {n}"
            out.append(SetsCard(title, rows, heights, columns, name_w, measure_w, styles, width, palette, t,
                                last=n == sessions, heading=_heading(titled, styles) if i == 0 else ()))
    return out


def _sheet_rows(exercises, phase, styles, name_w: float, t, track) -> tuple[list, list[float]]:
    """The rows of every week sheet in a phase, made once, and their heights."""
    head, name_style = styles["log_head"], styles["log_name"]
    rows = [_Row(Paragraph(escape(t["date"]), head), None)]
    for ex in exercises:  # many sets run on in rows of their own
        dose = dose_in(ex, phase)
        name = short_name(ex.content.name, name_style, name_w - 4)
        hint = Paragraph(escape(" · ".join(measures(ex.content, t, dose))), head)
        sets, target, sided = _sets(dose), _target(ex, dose), _sided(ex)
        rows += [_Row(name if first == 0 else None, hint if first == 0 else None, first,
                      min(SETS_A_ROW, sets - first), target, sided) for first in range(0, sets, SETS_A_ROW)]
    rows += [_Row(short_name(t[key], name_style, name_w - 4), None, tracked=True) for key in track]
    heights = [max(WRITE_LINE * row.count, sum(p.wrap(name_w - 4, 1000)[1] for p in (row.name, row.labels) if p) + 6)
               for row in rows]
    return rows, heights


class WeekSheet(_Noted):
    """Some sessions of a week: a row per exercise, a line per set in each session's
    column, and a first row for each session's date; the week's title above (on each of
    its sheets, under its phase's heading when the week starts one), notes under."""

    def __init__(self, lead: list[Paragraph], rows, sessions, name_w, styles, width, palette, t, ends_page: bool):
        self.titles = [(para, para.wrap(width, 1000)[1]) for para in lead]
        self.lead_h = sum(h for _, h in self.titles) + 2 * mm
        self.sessions, self.styles, self.name_w, self.t = sessions, styles, name_w, t
        head = styles["log_head"]
        # As wide as its heading in the language ("Satz", "Série"), never broken in it.
        self.set_w = max(SHEET_SET_W, text_width(t["set"], head) + 5)
        self.col_w = (width - self.name_w - self.set_w) / len(sessions)
        centred = ParagraphStyle("log_number", parent=head, alignment=TA_CENTER)
        self.heads = [Paragraph(escape(t["exercise"]), head), Paragraph(escape(t["set"]), head)] + [
            Paragraph(str(s + 1), centred) for s in sessions]
        header_h = max(p.wrap(self.name_w - 4, 1000)[1] for p in self.heads) + 4
        super().__init__(header_h, rows[0], rows[1], width, palette, t, styles, ends_page)

    def draw_lead(self, canv, top):
        for para, h in self.titles:
            para.drawOn(canv, 0, top - h)
            top -= h

    def draw_header(self, canv, top):
        h = self.header_h
        xs = [0, self.name_w] + [self.name_w + self.set_w + i * self.col_w for i in range(len(self.sessions))]
        ws = [self.name_w, self.set_w] + [self.col_w] * len(self.sessions)
        for para, x, w in zip(self.heads, xs, ws):
            self._text(canv, para, x + 2, top - h, w - 4, h)
        canv.setStrokeColor(self.palette.ink)
        canv.setLineWidth(0.75)
        canv.line(0, top - h, self.width, top - h)

    def draw_row(self, canv, row: _Row, y, h):
        p, style = self.palette, self.styles["log_head"]
        parts = [para for para in (row.name, row.labels) if para is not None]
        if parts:  # the name, and under it what to write: "Reps · Weight", "Hold (s)"
            sizes = [para.wrap(self.name_w - 4, 1000)[1] for para in parts]
            top = y + (h + sum(sizes)) / 2
            for para, size in zip(parts, sizes):
                para.drawOn(canv, 2, top - size)
                top -= size
        line_h = h / row.count
        left = self.name_w + self.set_w
        canv.setFillColor(p.muted)
        canv.setFont(self.styles["log_name"].fontName, self.styles["log_name"].fontSize)  # 9 pt at least
        self._hairline(canv)
        for s in range(row.count):
            mid = y + h - (s + 0.5) * line_h
            if row.count > 1 or row.first:
                canv.setFillColor(p.muted)
                canv.setFont(self.styles["log_name"].fontName, self.styles["log_name"].fontSize)
                canv.drawCentredString(self.name_w + self.set_w / 2, mid - 3, str(row.first + s + 1))
            if s:
                canv.line(left, y + h - s * line_h, self.width, y + h - s * line_h)
            for i in range(len(self.sessions)):
                x, cell_y = left + i * self.col_w, y + h - (s + 1) * line_h
                if row.sided:  # "L R" over the first set only: the rule down the middle says the rest
                    _draw_halves(canv, x, self.col_w, cell_y, line_h, style, p, self.t, labels=s == 0 and not row.first)
                for half in ((0, 0.5) if row.sided else (0,)) if row.target else ():
                    _draw_target(canv, row.target, x + half * self.col_w, self.col_w / (2 if row.sided else 1),
                                 cell_y, style, p)
        canv.line(0, y, self.width, y)
        for i in range(len(self.sessions) + 1):
            canv.line(left + i * self.col_w, y, left + i * self.col_w, y + h)
