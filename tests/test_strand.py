"""An exercise never strands lines on a page without its name (DESIGN.md, issue 11):
a little too tall, its picture gives up height; far too tall, it goes on under
"Name (cont.)"; the video's code and its address share a page."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, copy_sample, page_texts

sys.path.insert(0, str(Path(__file__).parent))
from photos import phone_photo  # noqa: E402

PHOTOS = ["cuadriceps", "pierna-recta", "talon", "puente", "sentadilla", "escalon", "talones", "isquios"]


def _rodilla(dest: Path) -> Path:
    shutil.copytree(REPO / "tests" / "programmes" / "rodilla", dest)
    for index, name in enumerate(PHOTOS):
        phone_photo(dest / "fotos" / f"{name}.jpg", index, orientation=6 if index % 3 else 1)
    return dest


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("strand")
    return {"rodilla": _rodilla(base / "rodilla"), "sample": copy_sample(base / "sample")}


def _with_booklet(root: Path, dest: Path, size: str, layout: str) -> Path:
    """A copy of the project at `root` whose booklet has this size and layout."""
    shutil.copytree(root, dest)
    path = dest / "handout.yaml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings.setdefault("booklet", {}).update(size=size, layout=layout)
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return dest


def _build(root: Path, cli) -> Path:
    assert cli("booklet", str(root), cwd=root).exit_code == 0
    return next((root / "out").glob("*-booklet.pdf"))


def _names(root: Path) -> list[str]:
    return [yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (root / "exercises").glob("*.yaml")]


def _exercise_pages(pdf: Path) -> list[str]:
    """The text of every page from the first exercise's to the one before the log."""
    reader = PdfReader(pdf)
    top = reader.outline  # ..., "Exercises", [one entry per exercise], "Log", ...
    at = next(i for i, item in enumerate(top) if isinstance(item, list))
    first = reader.get_destination_page_number(top[at][0])
    log = reader.get_destination_page_number(top[at + 1])
    return page_texts(pdf)[first:log]


CASES = [("rodilla", "A5", "full"), ("rodilla", "A5", "half"), ("sample", "A5", "full"),
         ("sample", "A5", "half"), ("rodilla", "A4", "full"), ("rodilla", "Letter", "half")]


@pytest.mark.parametrize("project,size,layout", CASES)
def test_every_exercise_page_shows_an_exercise_name(projects, tmp_path, cli, project, size, layout):
    root = _with_booklet(projects[project], tmp_path / project, size, layout)
    names = _names(root)
    pages = _exercise_pages(_build(root, cli))
    assert len(pages) >= len(names) // (2 if layout == "half" else 1)
    for number, text in enumerate(pages, 1):
        assert any(name in text for name in names), f"exercise page {number} has no name: {text[:120]}"


@pytest.mark.parametrize("layout", ["full", "half"])
def test_a_long_exercise_goes_on_under_its_name_and_cont(projects, tmp_path, cli, layout):
    root = _with_booklet(projects["sample"], tmp_path / "long", "A5", layout)
    hip = root / "exercises" / "hip-raise.yaml"
    data = yaml.safe_load(hip.read_text(encoding="utf-8"))
    data["steps"] = [f"Step {n}: press both heels into the floor, breathe out slowly and keep the "
                     f"ribs down while the hips rise a little further than last time." for n in range(1, 31)]
    hip.write_text(yaml.safe_dump(data), encoding="utf-8")
    pages = _exercise_pages(_build(root, cli))
    continued = [text for text in pages if "Hip Raise (cont.)" in text]
    assert continued, "the long exercise never shows its running heading"
    assert any("Step 30:" in text for text in continued)
    names = _names(root)
    for text in pages:
        assert any(name in text for name in names)


def test_the_video_address_shares_a_page_with_its_code(projects, tmp_path, cli):
    root = _with_booklet(projects["rodilla"], tmp_path / "qr", "A5", "full")
    pdf = _build(root, cli)
    reader = PdfReader(pdf)
    address = "fisionervion.example/videos/puente-de-gluteos"
    pages = [n for n, text in enumerate(page_texts(pdf)) if address in text]
    assert pages
    for n in pages:
        # The code is drawn as many small filled squares: one `re` operator each.
        content = reader.pages[n].get_contents().get_data()
        assert content.count(b" re") > 100, f"page {n + 1} has the address without its code"
