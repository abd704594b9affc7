"""The models without pydantic: loading stays light, files mean what they meant."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from generator.loading import read_yaml
from generator.models import Dose, Exercise, Project
from generator.typed import ValidationError
from generator.validation import validate

from generated import projects

ROOT = Path(__file__).resolve().parent.parent


def test_loading_a_project_never_imports_pydantic(sample):
    code = ("import sys, generator.build, generator.project\n"
            f"generator.project.load_project(__import__('pathlib').Path({str(sample)!r}))\n"
            "print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def _check(tmp_path: Path, text: str, model=Exercise) -> list[str]:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    found, problems = validate(read_yaml(path), model)
    return [str(p) for p in problems] if problems else found


def test_every_problem_of_a_file_is_reported_with_its_line(tmp_path):
    problems = _check(tmp_path, "name: Squat\nsteps: []\nimage_focus: [0.5]\ncues: [a, b, c, d, e]\n"
                                "dose: {sets: 0, reps: [1], rest: 2 hours}\nsied: each\n")
    text = "\n".join(problems)
    assert "file.yaml:2: steps: is empty; it needs at least one entry" in text
    assert "cues: has 5 items; at most 4 are allowed" in text
    assert "file.yaml:5: dose.sets: expected at least 1, got the number 0" in text
    assert "dose.reps: expected a whole number or text, got a list" in text
    assert "dose.rest: '2 hours' is not a time Handout can read" in text
    assert "file.yaml:6: sied: unknown key 'sied'; did you mean 'side'?" in text
    assert len(problems) == 7  # image_focus misses its second number too


def test_values_are_read_as_trainers_write_them(tmp_path):
    ex = _check(tmp_path, "name: 12\nsteps: [Stand, 3]\ndose: {sets: '3', reps: 10 to 12, rest: '1:30', "
                          "per_week: 2.0}\ntempo: 3-1-2-0\nside: each\n")
    assert ex.name == "12" and ex.steps == ["Stand", "3"]
    assert (ex.dose.sets, ex.dose.reps, ex.dose.rest, ex.dose.per_week) == (3, "10\u201312", 90, 2)
    assert (ex.tempo.lower, ex.tempo.pause, ex.tempo.lift, ex.tempo.hold) == (3, 1, 2, 0)
    assert ex.image_focus == (0.5, 0.5) and ex.model_fields_set == {"name", "steps", "dose", "tempo", "side"}
    assert Dose.model_validate({"reps": 12.5}).reps == "12.5"  # not a whole number: kept as text
    assert Dose.model_validate({"reps": 0}).reps == "0"


def test_a_dose_per_phase_and_its_problems(tmp_path):
    ex = _check(tmp_path, "name: Squat\nsteps: [Stand]\ndose: {Protect: {sets: 2}, Build: {sets: 3, reps: 15}}\n")
    assert {name: d.sets for name, d in ex.dose.items()} == {"Protect": 2, "Build": 3}
    problems = _check(tmp_path, "name: Squat\nsteps: [Stand]\ndose:\n  Protect: {sets: 2}\n  Build: {sest: 3}\n")
    assert len(problems) == 1 and problems[0].endswith("file.yaml:5: dose.Build.sest: unknown key 'sest'")


def test_models_are_frozen_records():
    dose = Dose.model_validate({"sets": 2, "rest": "45 s"})
    with pytest.raises(TypeError):
        dose.sets = 3
    more = dose.model_copy(update={"sets": 4})
    assert (more.sets, dose.sets, more.rest) == (4, 2, 45)
    assert more.model_fields_set == {"sets", "rest"}
    assert dose == Dose.model_validate({"sets": 2, "rest": 45}) and dose != more
    assert dose.model_dump(exclude_unset=True) == {"sets": 2, "rest": 45.0}
    assert json.dumps(Exercise.model_validate({"name": "a", "steps": ["b"]}).model_dump(mode="json"))
    with pytest.raises(ValidationError) as caught:
        Dose.model_validate({"sets": "many", "per_week": 20})
    assert [e["type"] for e in caught.value.errors()] == ["int_parsing", "less_than_equal"]


SCHEMA = json.loads((ROOT / "schemas" / "project.schema.json").read_text(encoding="utf-8"))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(projects(max_exercises=4))
def test_generated_projects_are_accepted_and_keep_what_they_say(generated):
    project = Project.model_validate(generated["project"])
    assert set(generated["project"]) <= set(SCHEMA["properties"])  # the schema names every key we accept
    for content in generated["exercises"].values():
        ex = Exercise.model_validate(content)
        again = Exercise.model_validate(ex.model_dump(mode="json", exclude_unset=True))
        assert again == ex
    assert Project.model_validate(project.model_dump(mode="json", exclude_unset=True)) == project
