"""A project from a colleague: a German shoulder programme (tests/programmes/schulter)
arrives as a zip file, with phone photos, its own poster template that extends the
built-in one, a label override and a semicolon-separated clients.csv. It must build
as it is; the same project with one hostile change must be refused, with nothing run,
read from or written outside it."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import all_text, page_texts
from photos import phone_photo

PROGRAMME = Path(__file__).parent / "programmes" / "schulter"
PHOTOS = ["aussenrotation", "innenrotation", "rudern", "schulterblatt", "wand", "pendeln"]
SLUG = "schulter-stabil-heimprogramm"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The colleague's zip: the programme and its photos, as a phone saves them."""
    folder = tmp_path_factory.mktemp("zip")
    photos = folder / "fotos"
    for seed, name in enumerate(PHOTOS):
        phone_photo(photos / f"{name}.jpg", 100 + seed, orientation=6)
    path = folder / "schulter.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for file in sorted(PROGRAMME.rglob("*")):
            zf.write(file, Path("schulter") / file.relative_to(PROGRAMME))
        for file in sorted(photos.iterdir()):
            zf.write(file, Path("schulter") / "fotos" / file.name)
    return path


@pytest.fixture
def project(archive, tmp_path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "inbox")
    return tmp_path / "inbox" / "schulter"


def test_the_colleagues_project_builds_as_it_came(project, cli):
    assert cli("check", cwd=project).exit_code == 0
    result = cli("build", cwd=project)
    assert result.exit_code == 0, result.stderr
    poster = project / "out" / f"{SLUG}-poster.pdf"
    booklet = project / "out" / f"{SLUG}-booklet.pdf"
    assert len(PdfReader(poster).pages) == 1
    assert "Fragen? Sprich mich im Training an." in all_text(poster)  # its own template, sandboxed
    text = all_text(booklet)
    assert "Deine Physiotherapeutin" in text and "Außenrotation mit Theraband" in text
    log = " ".join(p for p in page_texts(booklet) if "Woche" in p)
    assert "Woche 6" in log and "Satz" in log  # the sets log, its headings whole


def test_its_clients_get_german_dates_from_a_semicolon_csv(project, cli):
    result = cli("booklets", "-j", "1", cwd=project)
    assert result.exit_code == 0, result.stderr
    cover = page_texts(project / "out" / "clients" / f"{SLUG}-jurgen-weiss.pdf")[0]
    assert "Jürgen Weiß" in cover and "11. Januar 2027" in cover


def _template_runs_a_command(root: Path, outside: Path) -> None:
    (root / "templates" / "poster_card.xml").write_text(
        '{% extends "builtin/poster_card.xml" %}\n{% block extra %}'
        "{{ cycler.__init__.__globals__.os.popen('touch " + str(outside / "ran") + "').read() }}"
        "{% endblock %}\n", encoding="utf-8")


def _photo_folder_links_out(root: Path, outside: Path) -> None:
    shutil.move(root / "fotos", outside / "fotos")
    (root / "fotos").symlink_to(outside / "fotos")


def _image_names_a_file_outside(root: Path, outside: Path) -> None:
    phone_photo(outside / "private.jpg", 7, size=(800, 600))
    path = root / "exercises" / "pendeln.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "fotos/pendeln.jpg", "../../outside/private.jpg"), encoding="utf-8")


def _out_links_out(root: Path, outside: Path) -> None:
    (root / "out").symlink_to(outside)


HOSTILE = {
    "a template that runs a command": (_template_runs_a_command, "templates/poster_card.xml:2: "),
    "the photo folder is a link out": (_photo_folder_links_out, "is outside the project"),
    "an image path that climbs out": (_image_names_a_file_outside, "exercises/pendeln.yaml:3: image: "),
    "out/ is a link out": (_out_links_out, "leads outside the project"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_one_hostile_change_is_refused(project, cli, tmp_path, case):
    outside = tmp_path / "outside"
    outside.mkdir()
    change, expected = HOSTILE[case]
    change(project, outside)
    before = sorted(p.name for p in outside.rglob("*"))
    result = cli("build", cwd=project)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in outside.rglob("*")) == before  # nothing run or written there
    assert not (project / "out").is_dir() or not list((project / "out").glob("*.pdf"))
