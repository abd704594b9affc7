"""The other commands: check, new, schema, and the help a trainer reads."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, strategies as st
from pypdf import PdfReader

from conftest import all_text


def test_check_validates_and_writes_nothing(sample, cli):
    result = cli("check", cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert "ok: 6 exercises in 'Ultimate Back Workout'" in result.stdout
    assert not (sample / "out").exists()


def test_project_may_be_given_as_a_folder_or_a_file(sample, cli, tmp_path):
    assert cli("check", str(sample), cwd=tmp_path).exit_code == 0
    assert cli("check", str(sample / "handout.yaml"), cwd=tmp_path).exit_code == 0


def test_poster_and_booklet_alone_with_size_and_output(sample, cli):
    result = cli("poster", "--size", "letter", "-o", "wall.pdf", cwd=sample)
    assert result.exit_code == 0, result.stderr
    page = PdfReader(sample / "wall.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    assert not (sample / "out" / "ultimate-back-workout-booklet.pdf").exists()

    result = cli("booklet", "--size", "A4", cwd=sample)
    assert result.exit_code == 0, result.stderr
    page = PdfReader(sample / "out" / "ultimate-back-workout-booklet.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


@pytest.mark.parametrize("size,points", [("A4", (595, 842)), ("A3", (842, 1191)), ("A2", (1191, 1684)),
                                         ("Letter", (612, 792)), ("Tabloid", (792, 1224))])
def test_sample_poster_is_one_page_at_every_size(sample, cli, size, points):
    result = cli("poster", "--size", size, cwd=sample)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(sample / "out" / "ultimate-back-workout-poster.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_output_folder_option(sample, cli, tmp_path):
    out = tmp_path / "elsewhere"
    assert cli("build", "-o", str(out), cwd=sample).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "ultimate-back-workout-booklet.pdf", "ultimate-back-workout-poster.pdf"]


def test_new_makes_a_starter_project_that_builds(tmp_path, cli):
    result = cli("new", "my-workout", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    project = tmp_path / "my-workout"
    assert (project / "handout.yaml").is_file()
    assert sorted(p.name for p in (project / "exercises").iterdir()) == ["sit-to-stand.yaml", "wall-push-up.yaml"]
    result = cli("build", "my-workout", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    text = all_text(project / "out" / "home-strength-starter-booklet.pdf")
    assert "Wall Push-Up" in text and "Sit to Stand" in text
    assert "Superman" not in text  # the starter does not copy the article


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, cli):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("new", "busy", cwd=tmp_path)
    assert result.exit_code == 1
    assert "busy: already exists and is not empty" in result.stderr
    assert (tmp_path / "busy" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_new_accepts_an_empty_folder(tmp_path, cli):
    (tmp_path / "empty").mkdir()
    assert cli("new", "empty", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "empty" / "handout.yaml").is_file()


@pytest.mark.parametrize("kind,required", [("project", ["title"]), ("exercise", ["name", "steps"])])
def test_schema_is_json_schema_for_editors(cli, kind, required, tmp_path):
    result = cli("schema", kind, cwd=tmp_path)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert sorted(schema["required"]) == sorted(required)
    if kind == "project":  # one list of exercises: exercises or blocks, not both
        assert schema["oneOf"] == [{"required": ["exercises"]}, {"required": ["blocks"]}]
    assert schema["additionalProperties"] is False


def test_every_command_has_help(cli, tmp_path):
    for command in ("build", "poster", "booklet", "check", "new", "schema"):
        result = cli(command, "--help", cwd=tmp_path)
        assert result.exit_code == 0
        assert "Usage: " in result.stdout


def test_check_and_help_do_not_load_the_layout_engine(sample):
    # `check` parses every SVG in full, as the build will (svglib needs ReportLab's
    # graphics, which load platypus): a project without SVGs stays light.
    for path in (sample / "exercises").glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.startswith("image")), encoding="utf-8")
    code = ("import sys; from generator.cli import main\n"
            "try:\n    main(['check', '.'])\nexcept SystemExit:\n    pass\n"
            "print('reportlab.platypus' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=sample, capture_output=True, text=True)
    assert proc.stdout.strip().endswith("False"), proc.stdout + proc.stderr


@pytest.mark.parametrize("title,slug", [
    ("Ultimate Back Workout", "ultimate-back-workout"),
    ("  Rücken & Schultern!  ", "rucken-schultern"),
    ("Упражнения для спины", "uprazhneniya-dlya-spiny"),
    ("Άσκηση πλάτης", "askisi-platis"),
    ("!!!", "handout"),
])
def test_slug(title, slug):
    from generator.project import slugify

    assert slugify(title) == slug


def test_sample_files_point_editors_at_schemas_that_match_handout_schema(cli, tmp_path):
    from conftest import REPO

    for kind in ("project", "exercise"):
        result = cli("schema", kind, cwd=tmp_path)
        committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == result.stdout, f"schemas/{kind}.schema.json is stale: rerun handout schema {kind}"
    assert (REPO / "handout.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schemas/project.schema.json\n")
    for path in (REPO / "exercises").glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schemas/exercise.schema.json\n"), path.name


def test_new_project_has_its_schemas(tmp_path, cli):
    assert cli("new", "mine", cwd=tmp_path).exit_code == 0
    schema = json.loads((tmp_path / "mine" / "schemas" / "exercise.schema.json").read_text(encoding="utf-8"))
    assert "steps" in schema["properties"]
    first = (tmp_path / "mine" / "exercises" / "wall-push-up.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/exercise.schema.json"


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_an_ascii_title_slugs_as_anyascii_would_slug_it(title):
    # Plain-ASCII titles skip anyascii's import; the slug must be the same.
    from anyascii import anyascii

    from generator.project import slugify

    expected = re.sub(r"[^a-z0-9]+", "-", anyascii(title).lower()).strip("-") or "handout"
    assert slugify(title) == expected
