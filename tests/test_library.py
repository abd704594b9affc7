"""The library of ready exercises and `handout add`: what a trainer sees when they list
it, copy exercises into a project, mistype an id or add one twice, and what the
project's files look like afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import BOOKLET, REPO, all_text

from generator.library import EXERCISES, IMAGES, catalogue
from generator.library.workout_list import ListError, add_to_list
from generator.loading import read_yaml
from generator.models import Exercise
from generator.validation import validate

REQUIRED = """glute-bridge bird-dog dead-bug clamshell plank side-plank squat split-squat wall-sit
step-up sit-to-stand calf-raise straight-leg-raise heel-slide quad-set hamstring-stretch
hip-flexor-stretch cat-cow thoracic-rotation chin-tuck wall-push-up push-up band-row
band-pull-apart shoulder-external-rotation scapular-squeeze superman hip-hinge
single-leg-balance lunge""".split()


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes, to see that nothing changed."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and "out" not in p.parts}


# --- the library itself ------------------------------------------------------------------


def test_add_list_prints_every_id_with_its_name(cli, tmp_path):
    result = cli("add", "--list", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    rows = [line.split(None, 1) for line in result.stdout.splitlines()]
    assert len(rows) >= 30
    listed = dict(rows)
    assert set(REQUIRED) <= set(listed)
    assert listed["glute-bridge"] == "Glute Bridge"
    assert listed["shoulder-external-rotation"] == "Shoulder External Rotation"


@pytest.mark.parametrize("ex_id", REQUIRED)
def test_each_ready_exercise_is_complete_and_valid(ex_id):
    doc = read_yaml(EXERCISES / f"{ex_id}.yaml")
    exercise, problems = validate(doc, Exercise)
    assert not problems, [str(p) for p in problems]
    for key in ("summary", "setup", "dose", "image_alt"):
        assert getattr(exercise, key), key
    assert exercise.cautions and exercise.progressions and exercise.regressions and len(exercise.steps) >= 3
    assert 1 <= len(exercise.cues) <= 4 and all(len(cue) <= 40 for cue in exercise.cues)
    assert exercise.image == f"images/{ex_id}.svg"
    # Plain language: one short action a step.
    assert all(len(step) <= 90 for step in exercise.steps), exercise.steps


@pytest.mark.parametrize("ex_id", REQUIRED)
def test_each_ready_exercise_has_its_drawing(ex_id):
    assert (IMAGES / f"{ex_id}.svg").is_file(), f"generator/library/images/{ex_id}.svg is missing"



def test_the_wheel_ships_every_ready_exercise_and_drawing(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("handout-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for ex_id in REQUIRED:
        assert f"generator/library/exercises/{ex_id}.yaml" in names
        assert f"generator/library/images/{ex_id}.svg" in names

# --- handout add ---------------------------------------------------------------------------


def test_add_copies_the_file_and_drawing_lists_it_and_the_project_builds(sample, cli):
    before = (sample / "handout.yaml").read_text(encoding="utf-8")
    result = cli("add", "glute-bridge", "side-plank", cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert "exercises/glute-bridge.yaml" in result.stdout

    # The sample keeps its pictures in assets/images, so the copies go there too.
    copied = (sample / "exercises" / "glute-bridge.yaml").read_text(encoding="utf-8")
    assert "image: assets/images/glute-bridge.svg\n" in copied
    assert (sample / "assets" / "images" / "glute-bridge.svg").read_bytes() == \
        (IMAGES / "glute-bridge.svg").read_bytes()
    after = (sample / "handout.yaml").read_text(encoding="utf-8")
    assert after == before + "  - glute-bridge\n  - side-plank\n"

    result = cli("build", cwd=sample)
    assert result.exit_code == 0, result.stderr
    text = all_text(sample / BOOKLET)
    assert "Glute Bridge" in text and "Side Plank" in text and "Hip Raise" in text


def test_add_keeps_the_comments_and_layout_of_handout_yaml(tmp_path, cli):
    cli("new", "p", cwd=tmp_path)
    project = tmp_path / "p"
    text = (project / "handout.yaml").read_text(encoding="utf-8")
    text = text.replace("  - sit-to-stand\n", "  - sit-to-stand    # legs: keep last\n"
                                              "# finish with a stretch\n")
    text += "poster:   # wall copy\n  size: A4\n"
    (project / "handout.yaml").write_text(text, encoding="utf-8")

    result = cli("add", "calf-raise", "p", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    expected = text.replace("# legs: keep last\n", "# legs: keep last\n  - calf-raise\n")
    assert (project / "handout.yaml").read_text(encoding="utf-8") == expected
    assert (project / "images" / "calf-raise.svg").is_file()
    assert cli("check", "p", cwd=tmp_path).exit_code == 0


def test_add_to_a_flow_list_keeps_it_a_flow_list(tmp_path, cli):
    cli("new", "p", cwd=tmp_path)
    project = tmp_path / "p"
    text = (project / "handout.yaml").read_text(encoding="utf-8")
    text = text.replace("exercises:\n  - wall-push-up\n  - sit-to-stand\n",
                        "exercises: [wall-push-up, sit-to-stand]  # the order matters\n")
    (project / "handout.yaml").write_text(text, encoding="utf-8")
    assert cli("add", "plank,squat", cwd=project).exit_code == 0
    assert "exercises: [wall-push-up, sit-to-stand, plank, squat]  # the order matters\n" in \
        (project / "handout.yaml").read_text(encoding="utf-8")


def test_adding_twice_refuses_and_changes_nothing(sample, cli):
    assert cli("add", "plank", cwd=sample).exit_code == 0
    files = snapshot(sample)
    result = cli("add", "plank", cwd=sample)
    assert result.exit_code == 1
    assert "handout.yaml:" in result.stderr and "'plank' is already in the workout" in result.stderr
    assert snapshot(sample) == files


def test_a_file_already_there_is_never_overwritten(sample, cli):
    mine = "name: My Plank\nsteps: [Hold it.]\n"
    (sample / "exercises" / "plank.yaml").write_text(mine, encoding="utf-8")
    files = snapshot(sample)
    result = cli("add", "plank", cwd=sample)
    assert result.exit_code == 1
    assert "exercises/plank.yaml: already exists" in result.stderr
    assert snapshot(sample) == files


def test_a_misspelt_id_suggests_the_right_one_and_writes_nothing(sample, cli):
    files = snapshot(sample)
    result = cli("add", "squat", "glute-brige", cwd=sample)
    assert result.exit_code == 1
    assert "no exercise 'glute-brige' in the library; did you mean 'glute-bridge'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(sample) == files  # squat was fine, but nothing lands unless all can


def test_ids_and_list_together_or_neither_is_a_usage_error(sample, cli):
    assert cli("add", cwd=sample).exit_code == 2
    assert cli("add", "--list", "plank", cwd=sample).exit_code == 2


def test_a_language_project_is_told_to_translate(sample, cli):
    with (sample / "handout.yaml").open("a", encoding="utf-8") as handle:
        handle.write("language: de\n")
    result = cli("add", "wall-sit", cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert "in English: translate" in result.stdout


@pytest.mark.parametrize("link", ["exercises", "images", "handout.yaml"])
def test_links_out_of_a_strangers_project_are_not_written_through(tmp_path, cli, link):
    cli("new", "p", cwd=tmp_path)
    project, outside = tmp_path / "p", tmp_path / "outside"
    outside.mkdir()
    target = project / link
    if target.is_dir():
        for path in target.iterdir():
            os.replace(path, outside / path.name)
        target.rmdir()
        target.symlink_to(outside, target_is_directory=True)
    else:
        os.replace(target, outside / target.name)
        target.symlink_to(outside / target.name)
    files = snapshot(outside)
    result = cli("add", "bird-dog", cwd=project)
    assert result.exit_code == 1
    assert f"cannot write {link}" in result.stderr and "leads outside the project" in result.stderr
    assert snapshot(outside) == files
    assert not (project / "exercises" / "bird-dog.yaml").exists()



def test_a_project_file_linked_inside_the_project_is_written_through(tmp_path, cli):
    cli("new", "p", cwd=tmp_path)
    project = tmp_path / "p"
    (project / "plans").mkdir()
    os.replace(project / "handout.yaml", project / "plans" / "main.yaml")
    (project / "handout.yaml").symlink_to(Path("plans") / "main.yaml")
    assert cli("add", "chin-tuck", cwd=project).exit_code == 0
    assert (project / "handout.yaml").is_symlink()
    assert (project / "plans" / "main.yaml").read_text(encoding="utf-8").endswith("  - chin-tuck\n")

# --- handout new --with -----------------------------------------------------------------


def test_new_with_starts_from_ready_exercises(tmp_path, cli):
    result = cli("new", "p", "--with", "dead-bug,clamshell", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    project = tmp_path / "p"
    assert sorted(p.name for p in (project / "exercises").iterdir()) == ["clamshell.yaml", "dead-bug.yaml"]
    assert sorted(p.name for p in (project / "images").iterdir()) == ["clamshell.svg", "dead-bug.svg"]
    assert "exercises:\n  - dead-bug\n  - clamshell\n" in (project / "handout.yaml").read_text(encoding="utf-8")
    assert cli("build", "p", cwd=tmp_path).exit_code == 0
    text = all_text(project / "out" / "home-strength-starter-booklet.pdf")
    assert "Dead Bug" in text and "Clamshell" in text
    assert "Wall Push-Up" not in text and "two exercises" not in text


def test_new_with_an_unknown_id_makes_no_folder(tmp_path, cli):
    result = cli("new", "p", "--with", "plank,sqat", cwd=tmp_path)
    assert result.exit_code == 1
    assert "did you mean 'squat'?" in result.stderr
    assert not (tmp_path / "p").exists()


def image_xobjects(pdf: Path) -> list[str]:
    """Every raster image in the file, pages and the drawings' forms alike."""
    found = []

    def visit(resources):
        for xobject in (resources or {}).get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append(repr(xobject.get("/Width")))
            elif xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in PdfReader(pdf).pages:
        visit(page.get("/Resources"))
    return found


def test_a_booklet_of_the_whole_library_builds_with_every_drawing_vector(tmp_path, cli):
    every = [ex_id for ex_id, _ in catalogue()]
    assert cli("new", "all", "--with", ",".join(every), cwd=tmp_path).exit_code == 0
    pdf = tmp_path / "library.pdf"
    result = cli("booklet", "all", "-o", str(pdf), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    text = all_text(pdf)
    for _, name in catalogue():
        assert name in text, name
    assert image_xobjects(pdf) == []


# --- the list editing, case by case ---------------------------------------------------------


@pytest.mark.parametrize("before, after", [
    ("exercises:\n  - a\n", "exercises:\n  - a\n  - x\n"),
    ("exercises:\n- a\n- b", "exercises:\n- a\n- b\n- x"),  # no line break at the end
    ("exercises:\r\n    -   a\r\ntitle: T\r\n", "exercises:\r\n    -   a\r\n    -   x\r\ntitle: T\r\n"),
    ("exercises: []\n", "exercises: [x]\n"),
    ("exercises:\ntitle: T\n", "exercises: [x]\ntitle: T\n"),
    ("exercises: [\n  a,\n  b,\n]\n", "exercises: [\n  a,\n  b, x,\n]\n"),
])
def test_the_list_grows_in_its_own_style(before, after):
    assert add_to_list(before, ["x"]) == after


@pytest.mark.parametrize("text, says", [
    ("title: T\n", "there is no 'exercises:' list"),
    ("exercises: squat\n", "expected a list of exercise ids"),
    ("base: &list [a]\nexercises: *list\n", "an alias"),
])
def test_a_list_that_cannot_be_edited_is_refused(text, says):
    with pytest.raises(ListError, match=says):
        add_to_list(text, ["x"])



@pytest.mark.parametrize("language, easier, harder", [
    ("en", "Make it easier", "Make it harder"), ("de", "Erleichterung", "Steigerung"),
    ("fr", "Pour simplifier", "Pour progresser"), ("es", "Para facilitar", "Para progresar")])
def test_easier_and_harder_versions_sit_side_by_side_in_every_language(tmp_path, cli, language, easier, harder):
    from conftest import text_lines

    assert cli("new", "p", "--with", "glute-bridge", cwd=tmp_path).exit_code == 0
    project = tmp_path / "p"
    path = project / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"language: {language}\n", encoding="utf-8")
    assert cli("booklet", cwd=project).exit_code == 0
    reader = PdfReader(project / BOOKLET.replace("ultimate-back-workout", _slug(project)))
    page = next(p for p in reader.pages if easier in p.extract_text())
    lines = {" ".join(line.text.split()): line for line in text_lines(page)}
    assert lines[easier].y == pytest.approx(lines[harder].y, abs=1)  # one row, two columns
    assert lines[easier].x < lines[harder].x
    assert "Lift only until the tailbone leaves the floor." in page.extract_text().replace("\n", " ")


def _slug(project: Path) -> str:
    from generator.project import load_project

    return load_project(project).slug
