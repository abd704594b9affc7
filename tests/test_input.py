"""What a trainer types, odd or hostile: each refused at its file and line with the fix,
never a traceback or a hang; and the trainers' notation read the way they mean it."""

from __future__ import annotations

import time

import pytest

from conftest import BOOKLET, POSTER, all_text

EXERCISE = "exercises/hip-raise.yaml"
HEAD = "name: Hip Raise\nsteps: [Raise your hips]\n"


def _laughs(levels: int = 9, width: int = 10) -> str:
    """Nine levels of ten aliases each: a few hundred bytes that stand for 10^9 values."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return HEAD + "\n".join(lines) + "\n"


# What the file says, and the whole line `handout check` and `build` must print for it.
CASES = {
    "tab indent": (
        "name: Hip Raise\nsteps:\n\t- Raise your hips\n",
        f"{EXERCISE}:3: YAML indents with spaces, not tabs: replace the tab at line 3"),
    "tab under a key": (
        "name: Hip Raise\nsteps: [Raise]\ndose:\n  sets: 3\n\treps: 10\n",
        f"{EXERCISE}:5: YAML indents with spaces, not tabs: replace the tab at line 5"),
    "colon in text": (
        "name: Hip Raise\nsteps: [Raise]\nsummary: Rushing: take your time\n",
        f"{EXERCISE}:3: YAML syntax error (column 17): mapping values are not allowed in this "
        "context; text with ': ' in it needs quotes around it, e.g. - \"Rushing: take your time\""),
    "billion laughs": (
        _laughs(),
        f"{EXERCISE}:3: the list or keys written here (&name) are repeated by aliases (*name) "
        "more than 100 times; write the content out instead"),
    "5,000-digit name": (
        "name: " + "9" * 5000 + "\nsteps: [Raise]\n",
        f"{EXERCISE}:1: name: a number of 5,000 digits is too long; write a smaller number, "
        "or put quotes around it if it is text"),
    "5,000-digit reps": (
        HEAD + "dose: {sets: 3, reps: " + "1" * 5000 + "}\n",
        f"{EXERCISE}:3: dose.reps: a number of 5,000 digits is too long; write a smaller number, "
        "or put quotes around it if it is text"),
    "list as a key": (
        HEAD + "[a, b]: x\n",
        f"{EXERCISE}:3: a key must be a word, not a list or keys with values; "
        "put quotes around it if it is text"),
    "escaped control character": (
        HEAD + 'summary: "Hip\\x01\\x0b Raise"\n',
        f"{EXERCISE}:3: summary: the invisible character U+0001 (a control character) cannot be "
        "printed; delete it (retype the text around it if you cannot see it)"),
    "raw control character": (
        HEAD + "cautions:\n  - Go\x01 slow\n",
        f"{EXERCISE}:4: the invisible character U+0001 (a control character) cannot be printed; "
        "delete it (retype the text around it if you cannot see it)"),
    "noncharacter U+FFFF": (
        HEAD + "breathing: out\uffff\n",
        f"{EXERCISE}:3: the invisible character U+FFFF"),
    "lone surrogate escape": (
        HEAD + 'summary: "Hip \\ud800 Raise"\n',
        f"{EXERCISE}:3: YAML syntax error (column 17): while parsing a quoted scalar: found invalid "
        "Unicode character escape code; the escape names no printable character: delete it"),
    "escaped noncharacter": (
        HEAD + 'summary: "Hip \\uFFFE"\n',
        f"{EXERCISE}:3: summary: the invisible character U+FFFE"),
    "text too long": (
        "name: Hip Raise\nsteps:\n  - Raise\n  - " + "x" * 6123 + "\n",
        f"{EXERCISE}:4: steps[2]: is 6,123 characters long; at most 5,000: "
        "shorten it or split it in two"),
    "name too long": (
        "name: " + "Hip " * 60 + "\nsteps: [Raise]\n",
        f"{EXERCISE}:1: name: is 239 characters long; at most 200"),
    "ambiguous tempo": (
        HEAD + "tempo: 3-1-3\n",
        f"{EXERCISE}:3: tempo: '3-1-3' has three numbers, so it can be read two ways; write "
        "tempo: {lift: 3, hold: 1, lower: 3} or tempo: \"3-1-3-0\" (lower, pause, lift, hold)"),
    "tempo not numbers": (
        HEAD + "tempo: slow\n",
        f"{EXERCISE}:3: tempo: 'slow' is not a tempo Handout can read: the unit is seconds; "
        "write tempo: \"3-1-2-0\" (lower, pause, lift, hold) or tempo: {lift: 2, lower: 3}"),
    "rest in words": (
        HEAD + "dose:\n  sets: 3\n  rest: a short while\n",
        f"{EXERCISE}:5: dose.rest: 'a short while' is not a time Handout can read; the unit is "
        "seconds: write 45, 45 s, 1.5 min or 1:30"),
    "reps range going down": (
        HEAD + "dose: {reps: 12-10}\n",
        f"{EXERCISE}:3: dose.reps: '12-10' goes down; write the smaller number first: 10\u201312"),
    "third step of the wrong type": (
        "name: Hip Raise\nsteps:\n  - Raise\n  - Hold\n  - Lower: slowly\n",
        f"{EXERCISE}:5: steps[3]: expected text, got keys with values"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_odd_exercise_file_is_refused_at_its_line_with_the_fix(sample, cli, case):
    content, expected = CASES[case]
    (sample / EXERCISE).write_text(content, encoding="utf-8")
    for command in ("check", "build"):
        result = cli(command, cwd=sample)
        assert result.exit_code == 1, result.stdout
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert not (sample / POSTER).exists()


def test_billion_laughs_fails_well_under_a_second(tmp_path):
    """The loader alone: `check` around it spends its own seconds on pictures and fonts."""
    from generator.loading import YamlFileError, read_yaml

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(_laughs(), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(YamlFileError, match="repeated by aliases"):
        read_yaml(bomb)
    assert time.perf_counter() - started < 0.3


def test_a_project_file_over_a_megabyte_is_refused_before_reading(sample, cli):
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    (sample / "handout.yaml").write_text(text + "#" * 1_100_000 + "\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "handout.yaml:1: the file is 1,1" in result.stderr
    assert "bytes; at most 1,000,000 are read: split it or shorten its text" in result.stderr


def test_dates_in_text_stay_text(sample, cli):
    """YAML 1.1 would make these dates (and the impossible one a traceback)."""
    (sample / EXERCISE).write_text(
        "name: 2024-02-01\nsteps: [Raise]\nsummary: 2024-02-30\n", encoding="utf-8")
    assert cli("check", cwd=sample).exit_code == 0


def test_a_failed_build_leaves_the_last_good_pdfs_alone(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    before = {name: (sample / name).read_bytes() for name in (POSTER, BOOKLET)}
    (sample / EXERCISE).write_text(HEAD + "summary: \"\\x01\"\n", encoding="utf-8")
    result = cli("build", cwd=sample)
    assert result.exit_code == 1 and f"{EXERCISE}:3: summary:" in result.stderr
    assert {name: (sample / name).read_bytes() for name in (POSTER, BOOKLET)} == before


def _one_exercise_project(folder, exercise: str):
    (folder / "exercises").mkdir(parents=True)
    (folder / "handout.yaml").write_text("title: Notation\nexercises: [squat]\n", encoding="utf-8")
    (folder / "exercises" / "squat.yaml").write_text(exercise, encoding="utf-8")
    return folder


def test_trainers_notation_is_read_as_they_mean_it(tmp_path, cli):
    folder = _one_exercise_project(tmp_path / "p", (
        "name: Goblet Squat\nsteps: [Sit down between your heels]\n"
        "tempo: \"3-1-2-0\"\n"
        "dose:\n  sets: 3\n  reps: 10 to 12\n  hold: 2s\n  rest: 1:30\n"))
    result = cli("build", cwd=folder)
    assert result.exit_code == 0, result.stderr
    booklet = all_text(folder / "out" / "notation-booklet.pdf").replace("\u00a0", " ")
    assert "3 sets \u00d7 10\u201312 reps \u00b7 hold 2 s \u00b7 rest 90 s" in booklet
    poster = all_text(folder / "out" / "notation-poster.pdf").replace("\u00a0", " ")
    assert "lift 2 s lower 3 s pause 1 s" in poster  # the tempo bar: no hold, as it is 0


@pytest.mark.parametrize("written,seconds", [
    ("45", 45), ("45s", 45), ("45 s", 45), ("90 sec", 90), ("1 min", 60), ("1.5 min", 90),
    ("1:30", 90)])
def test_rest_is_read_in_the_units_trainers_write(written, seconds):
    from generator.models import Dose

    assert Dose(rest=written).rest == seconds


@pytest.mark.parametrize("written", ["3-1-2-0", "3120", "3 1 2 0", 3120])
def test_four_number_tempo_is_lower_pause_lift_hold(written):
    from generator.models import Tempo, read_tempo

    assert Tempo.model_validate(read_tempo(written)) == Tempo(lower=3, pause=1, lift=2, hold=0)


@pytest.mark.parametrize("written", ["10 to 12", "10-12", "10\u201312", "10 - 12"])
def test_a_reps_range_is_one_range(written):
    from generator.models import Dose

    assert Dose(reps=written).reps == "10\u201312"
