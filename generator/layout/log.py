"""The log at the end of the booklet: something to fill in with a pen.

`ticks` is a grid of boxes, a row per exercise and a column per session
(`dose.per_week` x `booklet.weeks`); sessions an exercise does not have are shaded.
`sets` is a page per session, with a row per set of each exercise to write the reps
and the weight, a line for the date and lines for notes.
"""

from __future__ import annotations

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle  # noqa: E402
from markupsafe import escape  # noqa: E402

from .blocks import Palette  # noqa: E402

MIN_BOX = 6.5 * mm  # a tick box a pen can hit
DEFAULT_SETS = 3


def sessions_per_week(exercises) -> int:
    return max((ex.content.dose.per_week if ex.content.dose else 3) for ex in exercises)


def tick_log(exercises, weeks: int, styles, width: float, palette: Palette, t, start=None) -> list:
    """Tables of tick boxes; the weeks are split across tables when one would make
    the boxes too small to tick. With a `start` date, each week says when it begins."""
    per_week = sessions_per_week(exercises)
    name_w = width * 0.34
    weeks_per_table = max(1, int((width - name_w) // (MIN_BOX * per_week)))
    mixed = any((ex.content.dose.per_week if ex.content.dose else 3) < per_week for ex in exercises)
    help_text = t["log_ticks_help"] + (" " + t["log_ticks_shaded"] if mixed else "")
    out: list = [Paragraph(escape(help_text), styles["meta"]), Spacer(1, 4 * mm)]
    for first in range(0, weeks, weeks_per_table):
        block = range(first, min(weeks, first + weeks_per_table))
        cols = per_week * len(block)
        box = min((width - name_w) / cols, 9 * mm)
        head = [""] + [
            Paragraph(_week(t, w, start) if s == 0 else "", styles["log_head"])
            for w in block for s in range(per_week)
        ]
        rows = [head]
        shaded = []
        for r, ex in enumerate(exercises, start=1):
            own = ex.content.dose.per_week if ex.content.dose else 3
            rows.append([Paragraph(escape(ex.content.name), styles["log_name"])] + [""] * cols)
            shaded += [(1 + i * per_week + s, r) for i in range(len(block)) for s in range(own, per_week)]
        # A row is a box tall, or as tall as its exercise's name needs.
        heights = [max(box, 8 * mm, row[0].wrap(name_w - 4, 1000)[1] + 6) for row in rows[1:]]
        table = Table(rows, colWidths=[name_w] + [box] * cols, repeatRows=1,
                      rowHeights=[None] + heights, hAlign="LEFT")
        style = [
            ("GRID", (1, 1), (-1, -1), 0.75, palette.ink),
            ("LINEBELOW", (0, 1), (0, -1), 0.5, palette.rule),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for w in range(len(block)):
            start = 1 + w * per_week
            style.append(("SPAN", (start, 0), (start + per_week - 1, 0)))
            style.append(("LINEBEFORE", (start, 0), (start, -1), 2, palette.ink))
        style += [("BACKGROUND", cell, cell, palette.panel) for cell in shaded]
        table.setStyle(TableStyle(style))
        out += [table, Spacer(1, 6 * mm)]
    out.append(_notes(4, styles, width, palette, t))
    return out


def _week(t, index: int, start) -> str:
    title = f"{escape(t['week'])} {index + 1}"
    if start is None:
        return title
    import datetime as dt

    from ..labels import short_date

    return f"{title}<br/>{escape(short_date(start + dt.timedelta(weeks=index), t))}"


def _notes(lines: int, styles, width: float, palette: Palette, t) -> KeepTogether:
    """A "Notes" heading with ruled lines, never parted."""
    return KeepTogether([Paragraph(escape(t["notes"]), styles["log_head"])]
                        + [_Rule(width, palette) for _ in range(lines)])


def sets_log(exercises, weeks: int, styles, width: float, palette: Palette, t, heading) -> list:
    """A page per session: the date, each exercise's sets with reps and weight, notes.
    `heading(n)` makes the flowables that open session n's page."""
    sessions = sessions_per_week(exercises) * weeks
    out: list = []
    for n in range(1, sessions + 1):
        if n > 1:
            out.append(PageBreak())
        out += heading(n)
        out.append(Paragraph(f"{escape(t['date'])}: ______________________", styles["body"]))
        out.append(Spacer(1, 3 * mm))
        rows = [[Paragraph(escape(t[k]), styles["log_head"]) for k in ("exercise", "set", "reps_head", "weight")]]
        spans = []
        for ex in exercises:
            dose = ex.content.dose
            count = dose.sets if dose and dose.sets else DEFAULT_SETS
            first = len(rows)
            for s in range(1, count + 1):
                name = Paragraph(escape(ex.content.name), styles["log_name"]) if s == 1 else ""
                rows.append([name, Paragraph(str(s), styles["log_name"]), "", ""])
            spans.append((first, len(rows) - 1))
        table = Table(rows, colWidths=[width * 0.42, width * 0.12, width * 0.23, width * 0.23],
                      rowHeights=[None] + [6.5 * mm] * (len(rows) - 1), repeatRows=1, hAlign="LEFT")
        style = [
            ("GRID", (1, 1), (-1, -1), 0.5, palette.ink),
            ("LINEBELOW", (0, 0), (-1, 0), 1, palette.ink),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ]
        for first, last in spans:
            style += [("SPAN", (0, first), (0, last)), ("VALIGN", (0, first), (0, last), "TOP"),
                      ("LINEBELOW", (0, last), (0, last), 0.5, palette.ink)]
        table.setStyle(TableStyle(style))
        out += [table, Spacer(1, 4 * mm), _notes(1, styles, width, palette, t)]
    return out


class _Rule(Table):
    """A ruled line to write on."""

    def __init__(self, width: float, palette: Palette):
        super().__init__([[""]], colWidths=[width], rowHeights=[8 * mm])
        self.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, palette.muted)]))
