"""The programme's shape in the files: blocks and circuits, phases and their doses,
sides, regressions, tracking. Each mistake reads as file:line with the way out."""

from __future__ import annotations

import json

import pytest

from conftest import drop_key

from generator.clients import load_clients, personalise
from generator.project import load_project

BLOCKS = """\
blocks:
  - title: Warm-up
    exercises: [hip-raise]
  - title: Main circuit
    rounds: 3
    rest: 90
    exercises: [lying-superman, superman-on-knees-and-hands, bent-over-shoulder-raise]
  - title: Cool-down
    exercises: [standing-lower-back-extension]
"""


@pytest.fixture(autouse=True)
def plain(sample):
    """The sample without its own sides either: each test adds what it is about."""
    for ex_id in ("lying-superman", "superman-on-knees-and-hands"):
        drop_key(sample / "exercises" / f"{ex_id}.yaml", "side")
    return sample


def _set_list(sample, text: str) -> None:
    """The sample's handout.yaml with its exercises: list replaced by `text`."""
    path = sample / "handout.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("exercises:"))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(("  ", "-"))), len(lines))
    path.write_text("".join(lines[:start]) + text + "".join(lines[end:]), encoding="utf-8")


def _line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_blocks_load_in_order_with_their_rounds(sample):
    _set_list(sample, BLOCKS)
    project = load_project(sample)
    assert [ex.id for ex in project.exercises] == [
        "hip-raise", "lying-superman", "superman-on-knees-and-hands", "bent-over-shoulder-raise",
        "standing-lower-back-extension"]
    circuit = project.settings.blocks[1]
    assert (circuit.title, circuit.rounds, circuit.rest) == ("Main circuit", 3, 90)


def test_an_unknown_id_in_a_block_names_its_line_and_the_right_one(sample, cli):
    _set_list(sample, BLOCKS.replace("[lying-superman,", "[lying-supermann,"))
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    line = _line_of(sample / "handout.yaml", "lying-supermann")
    assert f"handout.yaml:{line}: blocks[2].exercises[1]: no exercise 'lying-supermann'" in result.stderr
    assert "did you mean 'lying-superman'?" in result.stderr


def test_both_exercises_and_blocks_is_an_error_at_blocks(sample, cli):
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    (sample / "handout.yaml").write_text(text + BLOCKS, encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    line = _line_of(sample / "handout.yaml", "blocks:")
    assert f"handout.yaml:{line}: blocks: the workout has both exercises: and blocks:; keep one" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_workout_with_no_list_says_what_to_add(sample, cli):
    _set_list(sample, "")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "lists no exercises; add 'exercises:'" in result.stderr


def test_rest_without_rounds_is_explained(sample, cli):
    _set_list(sample, BLOCKS.replace("    rounds: 3\n", ""))
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "blocks[2]: rest is the rest between rounds: add rounds" in result.stderr


PHASES = "phases:\n  - {name: Protect, weeks: 2}\n  - {name: Build, weeks: 4}\n  - {name: Return, weeks: 2}\n"


def _phase_dose(sample, ex_id: str, dose: str) -> None:
    path = sample / "exercises" / f"{ex_id}.yaml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)]
    start = next(i for i, line in enumerate(lines) if line.startswith("dose:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    path.write_text("".join(lines[:start]) + dose + "".join(lines[end:]), encoding="utf-8")


def test_a_dose_per_phase_carries_on_into_the_phases_it_leaves_out(sample):
    (sample / "handout.yaml").write_text((sample / "handout.yaml").read_text(encoding="utf-8") + PHASES,
                                         encoding="utf-8")
    _phase_dose(sample, "hip-raise", "dose:\n  Protect: {sets: 2, reps: 8}\n  Build: {sets: 3, reps: 15}\n")
    project = load_project(sample)
    hip = next(ex for ex in project.exercises if ex.id == "hip-raise")
    assert [(d.sets, d.reps) for d in hip.doses] == [(2, 8), (3, 15), (3, 15)]
    assert (hip.content.dose.sets, hip.content.dose.reps) == (2, 8)  # the programme starts in Protect
    assert project.settings.weeks == 8
    other = next(ex for ex in project.exercises if ex.id == "lying-superman")
    assert len(other.doses) == 3 and len(set(map(id, other.doses))) == 1  # one dose for all phases


def test_an_undefined_phase_names_the_exercise_line_and_suggests(sample, cli):
    (sample / "handout.yaml").write_text((sample / "handout.yaml").read_text(encoding="utf-8") + PHASES,
                                         encoding="utf-8")
    _phase_dose(sample, "hip-raise", "dose:\n  Protect: {sets: 2, reps: 8}\n  Biuld: {sets: 3, reps: 15}\n")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    line = _line_of(sample / "exercises" / "hip-raise.yaml", "Biuld")
    assert (f"exercises/hip-raise.yaml:{line}: dose.Biuld: no phase 'Biuld' in handout.yaml; "
            "did you mean 'Build'?") in result.stderr


def test_a_dose_per_phase_without_phases_says_to_add_them(sample, cli):
    _phase_dose(sample, "hip-raise", "dose:\n  Protect: {sets: 2, reps: 8}\n")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "exercises/hip-raise.yaml:" in result.stderr
    assert "gives a dose per phase (Protect) but handout.yaml has no phases:" in result.stderr


def test_a_typo_inside_one_dose_still_suggests_the_key(sample, cli):
    _phase_dose(sample, "hip-raise", "dose:\n  sets: 3\n  rep: 10\n")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "dose.rep: unknown key 'rep'; did you mean 'reps'?" in result.stderr


@pytest.mark.parametrize("extra, message", [
    ("booklet:\n  weeks: 6\n", "booklet.weeks: the log follows the phases (8 weeks in all); remove booklet.weeks"),
    ("", None),
])
def test_booklet_weeks_beside_phases(sample, cli, extra, message):
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    (sample / "handout.yaml").write_text(text + PHASES + extra, encoding="utf-8")
    result = cli("check", cwd=sample)
    if message:
        assert result.exit_code == 1 and message in result.stderr
    else:
        assert result.exit_code == 0, result.stderr


def test_phases_named_twice_or_too_long(sample, cli):
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    phases = "phases:\n  - {name: Build, weeks: 30}\n  - {name: Build, weeks: 30}\n"
    (sample / "handout.yaml").write_text(text + phases, encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "phases[2].name: 'Build' is named twice" in result.stderr
    assert "the phases add up to 60 weeks; a programme is at most 52 weeks" in result.stderr


@pytest.mark.parametrize("key, value, message", [
    ("side", "both", "side: expected 'each', 'left' or 'right', got 'both'"),
    ("regressions", "Do it on a chair", "regressions: expected a list"),
])
def test_side_and_regressions_are_checked(sample, cli, key, value, message):
    path = sample / "exercises" / "lying-superman.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"{key}: {value}\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert message in result.stderr


def test_track_takes_pain_and_effort_once_each(sample, cli):
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    (sample / "handout.yaml").write_text(text + "booklet:\n  track: [pain, pian]\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "booklet.track[2]: expected 'pain' or 'effort', got 'pian'" in result.stderr
    (sample / "handout.yaml").write_text(text + "booklet:\n  track: [pain, pain]\n", encoding="utf-8")
    assert "names one thing twice" in cli("check", cwd=sample).stderr


def test_a_client_works_their_own_side(sample):
    path = sample / "exercises" / "lying-superman.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "side: each\n", encoding="utf-8")
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n  doses:\n    lying-superman: {side: left, reps: 6}\n",
        encoding="utf-8")
    project = load_project(sample)
    client = load_clients(project).clients[0]
    mine = next(ex for ex in personalise(project, client).exercises if ex.id == "lying-superman")
    assert mine.content.side == "left" and mine.content.dose.reps == 6
    theirs = next(ex for ex in project.exercises if ex.id == "lying-superman")
    assert theirs.content.side == "each"


def test_the_schemas_describe_the_new_keys(cli, tmp_path):
    project = json.loads(cli("schema", "project", cwd=tmp_path).stdout)
    exercise = json.loads(cli("schema", "exercise", cwd=tmp_path).stdout)
    for key in ("blocks", "phases", "exercises"):
        assert key in project["properties"]
    assert "track" in json.dumps(project)
    for key in ("side", "regressions", "dose"):
        assert key in exercise["properties"]
    assert "required" not in project or "exercises" not in project["required"]
