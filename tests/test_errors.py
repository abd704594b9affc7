"""Bad input: a message naming the file and line, exit 1, no traceback, and the last
good PDFs left exactly as they were."""

from __future__ import annotations

import pytest

from conftest import BOOKLET, POSTER, run_process

CASES = {
    "syntax error": (
        "exercises/hip-raise.yaml", "name: Hip Raise\nsteps: [one, two\ncues: []\n",
        "exercises/hip-raise.yaml:3: YAML syntax error",
    ),
    "wrong type": (
        "exercises/hip-raise.yaml", "name: Hip Raise\nsteps: [Raise your hips]\ndose:\n  sets: three\n",
        "exercises/hip-raise.yaml:4: dose.sets: expected a whole number, got 'three'",
    ),
    "unknown key": (
        "exercises/hip-raise.yaml", "name: Hip Raise\nsteps: [Raise your hips]\ncautons: [Go slow]\n",
        "exercises/hip-raise.yaml:3: cautons: unknown key 'cautons'; did you mean 'cautions'?",
    ),
    "missing image": (
        "exercises/hip-raise.yaml", "name: Hip Raise\nsteps: [Raise your hips]\nimage: assets/images/hip-rise.svg\n",
        "exercises/hip-raise.yaml:3: image: image 'assets/images/hip-rise.svg' not found; "
        "did you mean 'hip-raise.svg'?",
    ),
    "empty file": (
        "exercises/hip-raise.yaml", "\n  \n",
        "exercises/hip-raise.yaml:1: the file is empty",
    ),
    "non-UTF-8 file": (
        "exercises/hip-raise.yaml", "name: Hip Raise\nsteps: [Lift caf\xe9]\n".encode("latin-1"),
        "exercises/hip-raise.yaml:2: is not UTF-8 text (byte 0xe9); save it as UTF-8",
    ),
    "missing required key": (
        "exercises/hip-raise.yaml", "name: Hip Raise\n",
        "exercises/hip-raise.yaml:1: steps: is missing; add 'steps:'",
    ),
}


def _build_good(sample):
    first = run_process("build", cwd=sample)
    assert first.exit_code == 0, first.stderr
    return {f: (sample / f).read_bytes() for f in (POSTER, BOOKLET)}


def _assert_untouched(sample, before):
    for name, data in before.items():
        assert (sample / name).read_bytes() == data, f"{name} changed after a failed build"
    assert not [p for p in (sample / "out").iterdir() if p.name.startswith(".")], "temp file left"


@pytest.mark.parametrize("case", list(CASES))
def test_bad_exercise_file_reports_file_and_line(sample, case):
    before = _build_good(sample)
    relative, content, expected = CASES[case]
    target = sample / relative
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")

    result = run_process("build", cwd=sample)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    _assert_untouched(sample, before)


def test_unknown_id_in_the_workout_names_the_close_match(sample):
    before = _build_good(sample)
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    (sample / "handout.yaml").write_text(text.replace("  - hip-raise\n", "  - hip-rise\n"), encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l == "  - hip-raise")

    result = run_process("build", cwd=sample)
    assert result.exit_code == 1
    assert (f"handout.yaml:{line}: exercises[6]: no exercise 'hip-rise': there is no "
            "exercises/hip-rise.yaml; did you mean 'hip-raise'?") in result.stderr
    assert "Traceback" not in result.stderr
    _assert_untouched(sample, before)


def test_two_broken_files_are_both_reported_in_one_run(sample):
    before = _build_good(sample)
    (sample / "exercises" / "hip-raise.yaml").write_text("name: [\n", encoding="utf-8")
    superman = sample / "exercises" / "lying-superman.yaml"
    superman.write_text(superman.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    (sample / "handout.yaml").write_text(
        (sample / "handout.yaml").read_text(encoding="utf-8") + "pster: {size: A4}\n", encoding="utf-8")

    result = run_process("build", cwd=sample)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(l.startswith("exercises/hip-raise.yaml:2: YAML syntax error") for l in lines), lines
    assert any(l.startswith("exercises/lying-superman.yaml:") and "unknown key 'colour'" in l for l in lines)
    assert any(l.startswith("handout.yaml:") and "did you mean 'poster'?" in l for l in lines)
    assert "Traceback" not in result.stderr
    _assert_untouched(sample, before)


def test_missing_project_file_is_exit_1_with_a_way_forward(tmp_path):
    result = run_process("build", cwd=tmp_path)
    assert result.exit_code == 1
    assert "handout.yaml: no handout.yaml here" in result.stderr
    assert "handout new" in result.stderr


def test_bad_command_line_is_exit_2(sample):
    result = run_process("poster", "--size", "B5", cwd=sample)
    assert result.exit_code == 2
    assert "B5" in result.stderr


def test_broken_file_outside_the_workout_is_a_warning_and_strict_makes_it_an_error(sample, cli):
    (sample / "exercises" / "draft.yaml").write_text("name: Draft\nstepz: [x]\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 0
    assert "exercises/draft.yaml:2: stepz: warning: unknown key 'stepz'; did you mean 'steps'?" in result.stderr

    strict = cli("check", "--strict", cwd=sample)
    assert strict.exit_code == 1
    assert "exercises/draft.yaml:2: stepz: unknown key 'stepz'" in strict.stderr
    assert "warning" not in strict.stderr


def test_duplicate_key_is_reported(sample, cli):
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text("name: Hip Raise\nsteps: [a]\nname: Bridge\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "exercises/hip-raise.yaml:3: name: the key 'name' appears twice" in result.stderr


def test_text_with_a_colon_gets_a_hint_about_quotes(sample, cli):
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text("name: Hip Raise\nsteps:\n  - Note: go slow\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "exercises/hip-raise.yaml:3: steps[1]: expected text, got keys with values; text with ': '" in result.stderr
