"""The log at every length: weeks 1-52, 1-14 sessions a week, ticks and sets, every
booklet size, with a client's start date or without; and the frequency words that
set the sessions a week."""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from types import SimpleNamespace

import pytest

from conftest import BOOKLET, page_texts
from generator.frequency import SESSIONS, sessions_per_week
from generator.labels import labels_for, short_date
from generator.models import Dose

START = dt.date(2026, 12, 7)
MM = 72 / 25.4


def _set_up(sample, weeks: int, per_week: int | None, log: str, size: str, start: bool,
            frequency: str | None = None) -> tuple[str, ...]:
    """The sample with this log; returns the `handout` arguments that build its booklet."""
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + f"booklet: {{weeks: {weeks}, log: {log}, size: {size}}}\n", encoding="utf-8")
    for exercise in (sample / "exercises").glob("*.yaml"):
        text = exercise.read_text(encoding="utf-8")
        dose = ", ".join(part for part in (f"per_week: {per_week}" if per_week else "",
                                           f"frequency: {frequency}" if frequency else "") if part)
        if dose:
            text = re.sub(r"^dose: \{(.*)\}$", lambda m: f"dose: {{{m.group(1)}, {dose}}}", text, flags=re.M)
            if "dose:" not in text:
                text += f"dose: {{{dose}}}\n"
        exercise.write_text(text, encoding="utf-8")
    if not start:
        return ("booklet",)
    (sample / "clients.yaml").write_text(
        f"- name: Ana Novak\n  email: ana@example.com\n  start: {START.isoformat()}\n", encoding="utf-8")
    return ("booklet", "--client", "Ana Novak")


def _pdf(sample, args) -> object:
    return sample / ("out/clients/ultimate-back-workout-ana-novak.pdf" if "--client" in args else BOOKLET)


def _log_pages(pdf) -> list[str]:
    pages = page_texts(pdf)  # pypdf's reading is most of these tests' time: read once
    first = next(i for i, page in enumerate(pages) if page.startswith("Your log"))
    last = next((i for i, page in enumerate(pages) if page.startswith("About your trainer")), len(pages))
    return pages[first:last]


CASES = [  # weeks, sessions a week, log, size, a client's start date
    (1, 1, "ticks", "A5", False),
    (5, 4, "ticks", "A4", True),
    (13, 7, "ticks", "Letter", False),
    (52, 14, "ticks", "A5", True),
    (52, 1, "ticks", "Letter", True),
    (1, 7, "sets", "A5", False),
    (5, 1, "sets", "A4", True),
    (13, 4, "sets", "Letter", True),
    (52, 14, "sets", "A5", True),
    (5, 14, "sets", "A4", False),
]


@pytest.mark.parametrize("weeks, per_week, log, size, start", CASES)
def test_the_log_builds_at_every_length(sample, cli, weeks, per_week, log, size, start):
    args = _set_up(sample, weeks, per_week, log, size, start)
    began = time.process_time()  # CPU time: other work on the machine does not count
    result = cli(*args, cwd=sample)
    took = time.process_time() - began
    assert result.exit_code == 0, result.stderr
    pdf = _pdf(sample, args)
    pages = _log_pages(pdf)
    text = " ".join(pages)
    sessions = weeks * per_week
    if log == "sets" and sessions <= 12:  # a card per session while there are few, two to a page
        assert len(pages) <= math.ceil(sessions / 2)
        assert f"Session {sessions} " in text and f"Session {sessions + 1} " not in text
    else:
        assert "Week 1 " in text and f"Week {weeks} " in text and f"Week {weeks + 1} " not in text
        # Never hundreds of pages: a year of twice-daily sessions is two pages a week.
        assert len(pages) <= 2 * weeks + 2
    if start and (log == "ticks" or sessions > 12):
        last = short_date(START + dt.timedelta(weeks=weeks - 1), labels_for("en"))
        # A week too wide for the page comes in parts, each naming its sessions.
        assert re.search(rf"Week {weeks} (· )?(\d+–\d+ )?{last}", text)
    for name in ("Bent-Over Shoulder Raise", "Hip Raise"):
        assert name in pages[0]
    assert "Notes" in pages[-1] or log == "sets"
    if weeks == 52 and per_week == 14:
        assert took < 8, f"the longest log took {took:.1f} s"  # about 2 s on a quiet machine


def test_every_session_of_a_week_sheet_has_a_column(sample, cli):
    _set_up(sample, 2, 14, "sets", "A5", False)
    assert cli("booklet", cwd=sample).exit_code == 0
    week_1 = " ".join(_log_pages(sample / BOOKLET)[:2])
    assert "Exercise Set 1 2 3 4 5 6 7 " in week_1 and "Exercise Set 8 9 10 11 12 13 14 " in week_1


@pytest.mark.parametrize("words, sessions", [
    ("daily", 7), ("Every day", 7), ("twice a day", 14), ("every other day", 4),
    ("täglich", 7), ("Jeden Tag", 7), ("zweimal täglich", 14), ("jeden zweiten Tag", 4),
    ("tous les jours", 7), ("quotidien", 7), ("deux fois par jour", 14), ("un jour sur deux", 4),
    ("a diario", 7), ("diario", 7), ("todos los dias", 7), ("TODOS LOS DÍAS", 7),
    ("dos veces al día", 14), ("cada dos días", 4), ("días alternos", 4),
    ("after work", 3), ("", 3),
])
def test_frequency_words_set_the_sessions_a_week(words, sessions):
    assert sessions_per_week(Dose(frequency=words or None)) == sessions
    assert sessions_per_week(Dose(frequency=words or None, per_week=2)) == 2  # given, it wins


def test_every_word_in_the_table_is_understood():
    for words, sessions in SESSIONS.items():
        assert sessions_per_week(Dose(frequency=words.upper())) == sessions
    assert sessions_per_week(None) == 3


@pytest.mark.parametrize("language, words, sessions", [
    ("en", "every other day", 4), ("de", "täglich", 7), ("fr", "un jour sur deux", 4),
    ("es", "a diario", 7), ("en", "after work", 3),
])
def test_the_log_has_a_session_for_each_the_words_mean(sample, cli, language, words, sessions):
    _set_up(sample, 1, None, "sets", "A5", False, frequency=f'"{words}"')
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"language: {language}\n", encoding="utf-8")
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 0, result.stderr
    session = labels_for(language)["session"]
    text = " ".join(page_texts(sample / BOOKLET))
    assert f"{session} {sessions} " in text and f"{session} {sessions + 1} " not in text
    assert words in text  # printed as written, on the exercise pages


def test_a_long_name_is_shortened_in_the_log_only(sample, cli):
    hip = sample / "exercises" / "hip-raise.yaml"
    long_name = "Hip Raise " + " ".join(f"variant{i}" for i in range(18))  # 180 characters
    hip.write_text(hip.read_text(encoding="utf-8").replace("name: Hip Raise", f"name: {long_name}"),
                   encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    assert any(long_name in page for page in pages)
    log = _log_pages(sample / BOOKLET)[0]
    assert "Hip Raise variant0" in log and "…" in log and "variant17" not in log


def test_tick_boxes_are_square_and_rows_even():
    from generator.layout.blocks import PALETTE, make_styles
    from generator.layout.log import TickGrid, tick_log

    exercises = [SimpleNamespace(content=SimpleNamespace(name=name, dose=Dose(per_week=n), equipment=[]))
                 for name, n in (("Short", 14), ("A much longer exercise name " * 3, 2))]
    for width in (340.0, 480.0):
        grids = [f for f in tick_log(exercises, 52, make_styles(10), width, PALETTE, labels_for("en"))
                 if isinstance(f, TickGrid)]
        assert grids and all(g.box >= 7 * MM - 0.01 for g in grids)
        assert len({round(g.slot_h, 3) for g in grids}) == 1  # every slot row the same height
        assert all(abs(h - g.slot_h * slots) < 0.01
                   for g in grids for h, (_, _, slots) in zip(g.row_hs, g.rows))
        assert all(g.wrap(width, 1000)[0] <= width for g in grids)
        boxes = [(week, count) for g in grids for week, _, count in g.groups]
        assert {week for week, _ in boxes} == set(range(52))
        assert sum(count for _, count in boxes) == 52 * 7  # a day a column, a week in parts or whole
        assert all(slots == math.ceil(n / 7) for g in grids for _, n, slots in g.rows)


# --- what a user checks with a ruler: read back from the PDF's drawing ------------------


def _drawing(page) -> tuple[list, list]:
    """The rectangles (x, y, w, h) and straight lines (x0, y0, x1, y1, width, grey)
    drawn on a pypdf page, in page coordinates. `grey` is the stroke's lightness 0-1."""
    rects, lines = [], []
    state = {"ctm": (1, 0, 0, 1, 0, 0), "w": 1.0, "grey": 0.0}
    stack, start = [], None

    def at(x, y):
        a, b, c, d, e, f = state["ctm"]
        return a * x + c * y + e, b * x + d * y + f

    for operands, op in page.get_contents().operations:
        if op not in (b"q", b"Q", b"cm", b"w", b"RG", b"G", b"re", b"m", b"l"):
            continue
        args = [float(v) for v in operands]
        if op == b"q":
            stack.append(dict(state))
        elif op == b"Q":
            state = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = args
            A, B, C, D, E, F = state["ctm"]
            state["ctm"] = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                            e * A + f * C + E, e * B + f * D + F)
        elif op == b"w":
            state["w"] = args[0]
        elif op == b"RG":
            state["grey"] = sum(args) / 3
        elif op == b"G":
            state["grey"] = args[0]
        elif op == b"re":
            x, y = at(*args[:2])
            rects.append((x, y, args[2] * state["ctm"][0], args[3] * state["ctm"][3]))
        elif op == b"m":
            start = at(*args)
        elif op == b"l" and start:
            end = at(*args)
            lines.append((*start, *end, state["w"], state["grey"]))
            start = end
    return rects, lines


def _log_page(pdf, index: int = 0):
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    first = next(i for i, page in enumerate(pages) if (page.extract_text() or "").startswith("Your log"))
    return pages[first + index]


def _boxes(rects) -> list:
    """Tick boxes: the small rectangles (a box of the grid, not a shaded set cell)."""
    return [r for r in rects if 4 * MM < abs(r[2]) < 12 * MM and 4 * MM < abs(r[3]) < 12 * MM]


@pytest.mark.parametrize("size, theme", [("A5", None), ("A4", None), ("Letter", None),
                                         ("A5", "high-contrast")])
def test_tick_boxes_are_square_pen_sized_and_in_even_rows(sample, cli, size, theme):
    _set_up(sample, 4, None, "ticks", size, False)
    if theme:
        path = sample / "handout.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"theme: {{name: {theme}}}\n", encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    rects, lines = _drawing(_log_page(sample / BOOKLET))
    boxes = _boxes(rects)
    assert len(boxes) == 6 * 3 * 4  # every session of every exercise, on the log's first page
    assert all(abs(abs(w) - abs(h)) < 0.01 and abs(w) >= 7 * MM - 0.01 for _, _, w, h in boxes)
    rows = sorted({round(y, 2) for _, y, _, _ in boxes}, reverse=True)
    assert len(rows) == 6
    pitches = {round(a - b, 1) for a, b in zip(rows, rows[1:])}
    assert len(pitches) == 1, pitches  # every row the same height
    # A hairline grid; stronger week dividers, one after the last week too.
    low, high = min(y for _, y, _, _ in boxes) - 5 * MM, max(y for _, y, _, _ in boxes) + 20 * MM
    grid = [ln for ln in lines if ln[4] <= 0.5 + 1e-6 and low < ln[1] < high]  # not the footer's
    assert grid and all(0.3 < ln[5] < 0.7 or theme for ln in grid)  # mid-grey
    dividers = [ln for ln in lines if ln[4] >= 1 and abs(ln[0] - ln[2]) < 0.01]
    assert len({round(ln[0], 1) for ln in dividers}) == 4 + 1
    right = max(x + w for x, _, w, _ in boxes)
    assert max(ln[0] for ln in dividers) > right  # the last week ends at a divider


def test_sets_log_is_two_sessions_a_page_with_a_drawn_date_line(sample, cli):
    # At HEAD before issue 11 the sample's sets log took 12 pages (a page per session) in
    # a booklet of 22: now two sessions share an A5 page.
    _set_up(sample, 4, None, "sets", "A5", False)
    assert cli("booklet", cwd=sample).exit_code == 0
    pages = _log_pages(sample / BOOKLET)
    assert len(pages) <= 6
    for number, page in enumerate(pages):
        assert f"Session {2 * number + 1} Date" in page and f"Session {2 * number + 2} Date" in page
        assert "_" not in page  # the date is written on a drawn rule, not typed underscores
    rects, lines = _drawing(_log_page(sample / BOOKLET))
    assert [ln for ln in lines if abs(ln[1] - ln[3]) < 0.01 and ln[2] - ln[0] > 30 * MM]


def _equip(sample, exercise: str, equipment: str | None, dose: str | None = None) -> None:
    path = sample / "exercises" / f"{exercise}.yaml"
    text = re.sub(r"^equipment: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    if equipment:
        text += f"equipment: [{equipment}]\n"
    if dose:
        text = re.sub(r"^dose: .*$", f"dose: {dose}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


def test_sets_columns_come_from_the_dose_and_the_equipment(sample, cli):
    _set_up(sample, 1, 1, "sets", "A5", False)
    _equip(sample, "bent-over-shoulder-raise", None)  # the only load in the sample, gone
    _equip(sample, "hip-raise", "kettlebell")
    _equip(sample, "lying-superman", "resistance band")
    _equip(sample, "standing-lower-back-extension", None, "{sets: 2, hold: 30, per_week: 1}")
    assert cli("booklet", cwd=sample).exit_code == 0
    log = _log_pages(sample / BOOKLET)[0]
    assert "Session 2" not in log
    assert "Bent-Over Shoulder Raise Reps Lying" in log  # bodyweight: reps, no weight
    assert "Hip Raise Reps Weight" in log
    assert "Lying Superman Reps Band" in log
    assert "Standing Lower Back Extension Hold (s)" in log  # a hold: seconds, not reps
    assert log.count("Weight") == 1 and log.count("Hold (s)") == 1


def test_no_weight_column_when_nothing_is_lifted(sample, cli):
    _set_up(sample, 1, 1, "sets", "A5", False)
    _equip(sample, "bent-over-shoulder-raise", None)
    assert cli("booklet", cwd=sample).exit_code == 0
    log = _log_pages(sample / BOOKLET)[0]
    assert "Reps" in log and "Weight" not in log


def test_week_sheets_say_what_to_write_for_each_exercise(sample, cli):
    _set_up(sample, 5, 4, "sets", "A5", False)  # 20 sessions: a sheet per week
    _equip(sample, "standing-lower-back-extension", None, "{sets: 2, hold: 30}")
    assert cli("booklet", cwd=sample).exit_code == 0
    week_1 = _log_pages(sample / BOOKLET)[0]
    assert "Bent-Over Shoulder Raise Reps · Weight" in week_1
    assert "Standing Lower Back Extension Hold (s)" in week_1


def test_labels_of_the_sets_log_in_every_language(sample, cli):
    _set_up(sample, 1, 1, "sets", "A5", False)
    _equip(sample, "standing-lower-back-extension", None, "{sets: 2, hold: 30}")
    _equip(sample, "lying-superman", "Theraband")
    path = sample / "handout.yaml"
    base = path.read_text(encoding="utf-8")
    for language in ("de", "fr", "es"):
        path.write_text(base + f"language: {language}\n", encoding="utf-8")
        assert cli("booklet", cwd=sample).exit_code == 0
        t = labels_for(language)
        log = " ".join(page_texts(sample / BOOKLET))
        assert t["hold_head"] in log and t["band"] in log and t["weight"] in log


@pytest.mark.parametrize("equipment, kind", [
    (["light dumbbells"], "weight"), (["Kurzhantel"], "weight"), (["mancuernas"], "weight"),
    (["haltères"], "weight"), (["cable machine"], "weight"), (["ankle weights"], "weight"),
    (["Theraband (gelb)", "Handtuchrolle"], "band"), (["Widerstandsbänder"], "band"),
    (["banda elástica"], "band"), (["élastique"], "band"), (["resistance bands"], "band"),
    (["bodyweight"], None), (["Körpergewicht"], None), (["poids du corps"], None),
    (["mat"], None), (["toalla o cinta"], None), (["Kniebandage"], None), ([], None), (None, None),
])
def test_what_counts_as_a_load(equipment, kind):
    from generator.equipment import load_kind

    assert load_kind(equipment) == kind


@pytest.mark.parametrize("per_week", [1, 3, 7, 14])
@pytest.mark.parametrize("width_mm", [70, 90, 120, 174, 190])
def test_the_log_fits_any_page_from_70_mm(per_week, width_mm):
    """The phone page and narrower: boxes and set cells keep a pen's size; fewer fit a row."""
    from generator.layout.blocks import PALETTE, make_styles
    from generator.layout.log import TickGrid, tick_log
    from generator.layout.log_sets import SetsCard, WeekSheet, sets_log

    width = width_mm * MM

    def exercises(per_week):
        return [SimpleNamespace(content=SimpleNamespace(
            name=name, dose=Dose(per_week=per_week, sets=sets), equipment=equipment))
            for name, sets, equipment in (("Hüftbeuger-Dehnung im Kniestand", 3, ["Kurzhantel"]),
                                          ("Wall Sit", 6, []), ("Row", 12, ["band"]))]

    t, styles = labels_for("de"), make_styles(10)
    made = (tick_log(exercises(per_week), 3, styles, width, PALETTE, t)
            + sets_log(exercises(1), 2, styles, width, PALETTE, t)  # session cards
            + sets_log(exercises(per_week), 13, styles, width, PALETTE, t, START))  # week sheets
    made = [f for flowable in made for f in getattr(flowable, "_content", [flowable])]
    grids = [f for f in made if isinstance(f, (TickGrid, WeekSheet, SetsCard))]
    assert {type(g) for g in grids} == {TickGrid, WeekSheet, SetsCard}
    for g in grids:
        assert g.wrap(width, 1000)[0] <= width + 0.01
    for g in grids:
        if isinstance(g, TickGrid):
            assert 7 * MM - 0.01 <= g.box <= 9 * MM + 0.01
            assert g.name_w >= 20 * MM - 0.01
        elif isinstance(g, SetsCard):
            assert g.set_w >= 11 * MM - 0.01
        else:
            assert g.col_w >= 9 * MM - 0.01
    sessions = {(w, slot * g.columns + first + s) for g in grids if isinstance(g, TickGrid)
                for w, first, count in g.groups for s in range(count)
                for slot in range(max(r[2] for r in g.rows))}
    assert sessions == {(w, s) for w in range(3) for s in range(per_week)}


# --- a twice-daily exercise: a row per slot, a day a column ------------------------------


@pytest.fixture(scope="module")
def rodilla_booklet(tmp_path_factory):
    """The Spanish knee programme (8 weeks, 8 exercises, one twice a day) as a built A5 booklet."""
    import shutil
    from pathlib import Path

    from click.testing import CliRunner
    from photos import phone_photo

    from generator.cli import main

    root = tmp_path_factory.mktemp("log") / "rodilla"
    shutil.copytree(Path(__file__).parent / "programmes" / "rodilla", root)
    (root / "fotos").mkdir(exist_ok=True)
    for seed, name in enumerate(["cuadriceps", "pierna-recta", "talon", "puente", "sentadilla", "escalon",
                                 "talones", "isquios"]):
        phone_photo(root / "fotos" / f"{name}.jpg", seed, size=(800, 600), orientation=1)
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["booklet"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return root / "out" / "rodilla-fuerte-en-8-semanas-booklet.pdf"


def _spanish_log(pdf) -> tuple[list, int]:
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    texts = [page.extract_text() or "" for page in pages]
    first = next(i for i, text in enumerate(texts) if text.startswith("Tu registro"))
    last = next(i for i, text in enumerate(texts) if text.startswith("Tu entrenador"))
    return pages[first:last], first


def test_a_twice_daily_programme_logs_in_five_pages(rodilla_booklet):
    # Before: a week of 14 sessions was split in two ("Semana 1 · 1–7", "Semana 1 · 8–14")
    # and the log took 11 A5 pages.
    pages, _ = _spanish_log(rodilla_booklet)
    text = " ".join(page.extract_text() for page in pages)
    assert len(pages) <= 5
    assert "Semana 8" in text and "Semana 9" not in text and "8–14" not in text
    assert "Notas" in pages[-1].extract_text()


def test_fourteen_a_week_is_two_rows_of_seven_square_boxes(rodilla_booklet):
    pages, _ = _spanish_log(rodilla_booklet)
    rects, _ = _drawing(pages[0])
    boxes = _boxes(rects)
    assert boxes and all(abs(abs(w) - abs(h)) < 0.01 and abs(w) >= 7 * MM - 0.01 for _, _, w, h in boxes)
    rows = sorted({round(y, 1) for _, y, _, _ in boxes}, reverse=True)
    assert len(rows) >= 9  # week 1 whole on the first page: 8 exercises, one of them in two rows
    assert all(sum(1 for _, y, _, _ in boxes if round(y, 1) == row) == 7 for row in rows)  # a day a column
    pitches = {round(a - b, 1) for a, b in zip(rows[:9], rows[1:9])}
    assert len(pitches) == 1, pitches  # the two slot rows are spaced as every other row
    text = pages[0].extract_text()
    # The twice-daily exercise's rows are numbered by the one name, not named twice a week.
    assert re.search(r"Deslizamiento de talón\s*1\s*2|1\s*Deslizamiento de talón\s*2", text), text
    assert text.count("Deslizamiento de talón") <= text.count("Semana ")
