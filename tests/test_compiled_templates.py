"""The built-in templates run from code compiled ahead (scripts/compile_templates.py):
the modules are up to date, the same for every language, give the same bytes as
compiling at build time, and a template whose text changed is compiled from its text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from conftest import BOOKLET, POSTER, REPO, all_text, copy_sample
from generator import sandbox, templates
from generator.build import build

sys.path.insert(0, str(REPO / "scripts"))
import compile_templates  # noqa: E402


def test_the_compiled_modules_are_up_to_date_with_the_templates():
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "compile_templates.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_what_is_compiled_does_not_depend_on_the_language():
    # Labels reach the templates when they run (`t`), never when they are compiled.
    assert compile_templates.compiled("es") == compile_templates.compiled("de") == compile_templates.compiled("en")


@pytest.fixture
def parses(monkeypatch):
    """The names of the templates Jinja parsed from their text in this test."""
    parsed: list[str] = []
    parse = sandbox._Sandbox._parse

    def counting(self, source, name, filename):
        parsed.append(name)
        return parse(self, source, name, filename)

    monkeypatch.setattr(sandbox._Sandbox, "_parse", counting)
    templates._TEMPLATES.clear()
    yield parsed
    templates._TEMPLATES.clear()


def test_a_first_build_parses_no_built_in_template(sample, parses, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "empty-cache"))
    build(sample)
    assert parses == []
    assert "Hip Raise" in all_text(sample / BOOKLET)


def test_the_compiled_code_makes_the_bytes_compiling_here_makes(sample, parses, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache-a"))
    build(sample, tmp_path / "ahead")
    assert parses == []
    templates._TEMPLATES.clear()
    monkeypatch.setattr(sandbox, "_compiled_code", lambda env, name, source: None)
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache-b"))
    build(sample, tmp_path / "here")
    assert "exercise.xml" in parses
    for name in (Path(BOOKLET).name, Path(POSTER).name):
        assert (tmp_path / "ahead" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name


def test_a_built_in_template_whose_text_changed_is_compiled_from_its_text(sample, parses, tmp_path, monkeypatch):
    edited = tmp_path / "builtin"
    shutil.copytree(templates.builtin_dir(), edited)
    tip = edited / "tip.xml"
    text = tip.read_text(encoding="utf-8")
    tip.write_text(text.replace("{{", "EDITED-TIP {{", 1), encoding="utf-8")
    monkeypatch.setattr(templates, "builtin_dir", lambda: edited)
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    build(sample)
    assert parses == ["tip.xml"]
    assert "EDITED-TIP" in all_text(sample / BOOKLET)


def test_a_project_override_that_includes_the_built_in_template_still_works(tmp_path, parses, monkeypatch):
    project = copy_sample(tmp_path / "p")
    (project / "templates").mkdir()
    (project / "templates" / "tip.xml").write_text(
        '{% include "builtin/tip.xml" %}\n<p style="body">OVERRIDE-NOTE</p>\n', encoding="utf-8")
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    build(project)
    # Only the project's own file is parsed (and checked by the sandbox); the built-in
    # one it includes runs compiled.
    assert set(parses) == {"tip.xml"}
    text = all_text(project / BOOKLET)
    assert "OVERRIDE-NOTE" in text and "Tip: " in text


def test_a_runtime_error_in_compiled_code_names_the_template_file(tmp_path):
    env = templates.Templates(tmp_path).env
    template = env.get_template("tip.xml")
    assert template.filename == str(templates.builtin_dir() / "tip.xml")
    with pytest.raises(jinja2.UndefinedError) as caught:
        template.render()
    frames = [frame.filename for frame in __import__("traceback").extract_tb(caught.value.__traceback__)]
    assert str(templates.builtin_dir() / "tip.xml") in frames
