"""The `sets` log of a programme: it spans the phases' weeks under a heading each,
writes each phase's target in its cells, a left and a right for an exercise done on
each side, and a pain and an effort field per session under `booklet.track`."""

from __future__ import annotations

from conftest import BOOKLET, page_texts
from test_programme_model import PHASES, _phase_dose, plain  # noqa: F401  (autouse)

SETS = "booklet:\n  log: sets\n"
TRACKED = "booklet:\n  log: sets\n  track: [pain, effort]\n"
SHORT_PHASES = "phases:\n  - {name: Protect, weeks: 2}\n  - {name: Build, weeks: 2}\n"  # 12 sessions: cards


def _add(sample, text: str) -> None:
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _log(sample) -> list[str]:
    return _log_of(sample / BOOKLET)


def _log_of(pdf) -> list[str]:
    pages = page_texts(pdf)
    start = next(i for i, page in enumerate(pages) if page.startswith("Your log") or page.startswith("Tu registro"))
    return pages[start:]


def test_the_week_sheets_span_the_phases_weeks_under_a_heading_each(sample, cli):
    _add(sample, PHASES + SETS)  # 8 weeks, 3 sessions a week: a sheet a week
    _phase_dose(sample, "hip-raise", "dose:\n  Protect: {sets: 2, reps: 8}\n  Build: {sets: 4, reps: 15}\n")
    assert cli("booklet", cwd=sample).exit_code == 0
    log = _log(sample)
    assert "Week 8" in " ".join(log) and "Week 9" not in " ".join(log)
    titled = [n for n in range(1, 9) if any(f"Week {n} " in page or page.endswith(f"Week {n}") for page in log)]
    assert titled == list(range(1, 9)), titled
    for heading, first in (("Protect · Week 1–2", "Week 1"), ("Build · Week 3–6", "Week 3"),
                           ("Return · Week 7–8", "Week 7")):
        page = next(page for page in log if heading in page)
        assert page.index(heading) < page.index(first, page.index(heading) + len(heading)), heading
    assert "Hip Raise: 4 sets × 15 reps" in " ".join(log)  # what changes in Build
    # Each phase's target, faint in each set's line of each session: 2 sets of 8, then 4 of 15.
    protect = next(page for page in log if "Protect · Week 1–2" in page)
    build = next(page for page in log if "Build · Week 3–6" in page)
    cells = protect[protect.index("Hip Raise Reps"):].split()
    assert cells.count("8") == 2 * 3 and "15" not in cells
    assert build[build.index("Hip Raise Reps"):].split().count("15") == 4 * 3


def test_session_cards_follow_the_phases_with_a_pain_and_an_effort_field(sample, cli):
    _add(sample, SHORT_PHASES + TRACKED)
    _phase_dose(sample, "hip-raise", "dose:\n  Protect: {sets: 2, reps: 8}\n  Build: {sets: 3, reps: 15}\n")
    assert cli("booklet", cwd=sample).exit_code == 0
    log = " ".join(_log(sample))
    assert "Session 12" in log and "Session 13" not in log  # 2 + 2 weeks, 3 sessions each
    assert log.index("Protect · Week 1–2") < log.index("Session 1 ") < log.index("Build · Week 3–4") \
        < log.index("Session 7 ")
    assert "Pain: 0 is no pain, 10 the worst you can imagine." in log
    assert "Effort (RPE): 0 is rest, 10 the hardest you could possibly work." in log
    assert log.count("Pain 0–10") == 12 and log.count("Effort 0–10") == 12  # a field a session


def test_the_week_sheets_have_a_pain_and_an_effort_row(sample, cli):
    _add(sample, PHASES + TRACKED)
    assert cli("booklet", cwd=sample).exit_code == 0
    log = _log(sample)
    assert sum("Pain 0–10" in page and "Effort 0–10" in page for page in log) == 8  # a sheet a week
    assert "Pain: 0 is no pain" in log[0]


def test_an_exercise_on_each_side_gets_a_left_and_a_right_in_each_set(sample, cli):
    path = sample / "exercises" / "lying-superman.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "side: each\n", encoding="utf-8")
    _add(sample, SETS)  # the sample's 4 weeks: session cards
    assert cli("booklet", cwd=sample).exit_code == 0
    card = next(page for page in _log(sample) if "Session 1 " in page)
    superman = card[card.index("Lying Superman"):card.index("Superman on Knees")]
    assert superman.split().count("L") == 3 and superman.split().count("R") == 3  # 3 sets
    others = card[card.index("Superman on Knees"):card.index("Notes")]  # the first card's other rows
    assert " L " not in others and " R " not in others  # one side: nothing to split


def test_spanish_labels(sample, cli):
    path = sample / "exercises" / "lying-superman.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "side: each\n", encoding="utf-8")
    _add(sample, "language: es\n" + PHASES + TRACKED)
    assert cli("booklet", cwd=sample).exit_code == 0
    log = " ".join(_log(sample))
    for text in ("Protect · Semana 1–2", "Dolor 0–10", "Esfuerzo 0–10", "Izq.", "Der.",
                 "Dolor: 0 es ningún dolor"):
        assert text in log, text


def test_a_client_sees_the_day_each_phase_starts(sample, cli):
    _add(sample, SHORT_PHASES + SETS)
    (sample / "clients.yaml").write_text("- name: Ana Novak\n  email: ana@example.com\n  start: 2026-12-07\n",
                                         encoding="utf-8")
    assert cli("booklets", cwd=sample).exit_code == 0
    log = " ".join(_log_of(sample / "out/clients/ultimate-back-workout-ana-novak.pdf"))
    assert "Protect · Week 1–2 · 7 Dec" in log and "Build · Week 3–4 · 21 Dec" in log
