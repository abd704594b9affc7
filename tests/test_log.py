"""The log at every length: weeks 1-52, 1-14 sessions a week, ticks and sets, every
booklet size, with a client's start date or without; and the frequency words that
set the sessions a week."""

from __future__ import annotations

import datetime as dt
import re
import time
from types import SimpleNamespace

import pytest

from conftest import BOOKLET, page_texts
from generator.frequency import SESSIONS, sessions_per_week
from generator.labels import labels_for, short_date
from generator.models import Dose

START = dt.date(2026, 12, 7)


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
    if log == "sets" and sessions <= 12:  # a page per session while there are few
        assert len(pages) == sessions
        assert f"Session {sessions} " in text and f"Session {sessions + 1} " not in text
    else:
        assert "Week 1 " in text and f"Week {weeks} " in text and f"Week {weeks + 1} " not in text
        # Never hundreds of pages: a year of twice-daily sessions is two pages a week.
        assert len(pages) <= 2 * weeks + 2
    if start and (log == "ticks" or sessions > 12):
        last = short_date(START + dt.timedelta(weeks=weeks - 1), labels_for("en"))
        assert re.search(rf"Week {weeks} (· )?{last}", text)
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

    exercises = [SimpleNamespace(content=SimpleNamespace(name=name, dose=Dose(per_week=n)))
                 for name, n in (("Short", 14), ("A much longer exercise name " * 3, 2))]
    for width in (340.0, 480.0):
        grids = [f for f in tick_log(exercises, 52, make_styles(10), width, PALETTE, labels_for("en"))
                 if isinstance(f, TickGrid)]
        assert grids and all(g.box >= 4 * 2.83 for g in grids)
        assert len({round(h, 3) for g in grids for h in g.row_hs}) == 1
        assert all(g.wrap(width, 1000)[0] <= width for g in grids)
        assert sum(len(g.weeks) for g in grids) == 52
