"""The poster laid out pictures first: type at the paper's normal size, never growing,
pictures that take the room, names that break at hyphens, a dose row that reads.

Positions and sizes are read back from the PDF, as a print designer would measure them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from conftest import image_placements, text_lines
from photos import phone_photo
from poster_fixture import CUES, ids, make_project

from generator.images import ImageStore
from generator.layout.blocks import TempoBar
from generator.layout.poster import Poster, PosterOptions
from generator.project import load_project
from generator.templates import Templates

MM = 72 / 25.4
# German names, as a physiotherapist writes them: long compounds joined by hyphens.
LONG_NAMES = [
    "Hüftbeuger-Dehnung", "Oberschenkel-Dehnung", "Schulterblatt-Zusammenführung",
    "Wadenmuskel-Kräftigung", "Rumpfstabilisations-Übung", "Brustwirbelsäulen-Rotation",
    "Kniestreck-Übung im Sitzen", "Beckenboden-Aktivierung", "Seitstütz-Variation",
    "Gesäßmuskel-Brücke", "Einbeinstand-Gleichgewicht", "Schultergelenk-Außenrotation",
    "Halswirbelsäulen-Retraktion", "Unterarmstütz-Halteübung", "Ausfallschritt-Kombination",
    "Zehenspitzen-Stand",
]


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> Path:
    """Sixteen phone photos (smaller than 12 MP: the layout only needs their shape),
    half of them held upright."""
    folder = tmp_path_factory.mktemp("photos")
    for n in range(16):
        phone_photo(folder / f"p{n:02d}.jpg", n, size=(800, 600), orientation=6 if n % 2 else 1)
    return folder


def _photo_project(root: Path, photos: Path, names: list[str] | None = None) -> Path:
    make_project(root)
    for n, path in enumerate(sorted((root / "exercises").glob("ex-*.yaml"))):
        text = path.read_text(encoding="utf-8")
        text = text.replace(text.split("\n")[1], f"image: photos/p{n:02d}.jpg")
        if names:
            text = text.replace(text.split("\n")[0], f"name: {names[n]}")
        path.write_text(text, encoding="utf-8")
    shutil.copytree(photos, root / "photos")
    return root


def _poster(root: Path, size: str, count: int, orientation: str = "portrait") -> tuple[Poster, Path]:
    project = load_project(root)
    poster = Poster(project, Templates(root), ImageStore(),
                    PosterOptions(size=size, orientation=orientation, only=ids(count)))
    out = root / f"poster-{size}-{orientation}-{count}.pdf"
    out.write_bytes(poster.build())
    return poster, out


def _photo_short_sides(pdf: Path) -> list[float]:
    return [min(abs(m[0]) + abs(m[2]), abs(m[1]) + abs(m[3])) / MM for _, _, m in image_placements(pdf)]


@pytest.mark.parametrize("count, least", [(12, 30), (8, 45)])
def test_phone_photos_on_a3_are_large_enough_to_see(tmp_path, photos, count, least):
    root = _photo_project(tmp_path / "w", photos)
    _, pdf = _poster(root, "A3", count)
    sides = _photo_short_sides(pdf)
    assert len(sides) == count
    assert min(sides) >= least, sorted(round(s) for s in sides)


def _card_body_size(poster: Poster, pdf: Path) -> float:
    """The size of the regular text inside the cards (the cues)."""
    cards = [r for r in poster.regions if r.kind == "card"]
    lines = text_lines(PdfReader(pdf).pages[0])
    sizes = [line.size for line in lines if line.face == "Handout"
             and any(c.x <= line.x <= c.x + c.w and c.y <= line.y <= c.y + c.h for c in cards)]
    return max(set(sizes), key=sizes.count)


@pytest.mark.parametrize("size, normal", [("A4", 10.0), ("A3", 13.0), ("A2", 17.0)])
def test_body_type_starts_at_the_normal_size_and_never_grows_with_fewer_words(tmp_path, size, normal):
    root = make_project(tmp_path / "w")
    seen = []
    for count in (1, 2, 4, 6, 9) + ((12, 16) if size != "A4" else ()):
        poster, pdf = _poster(root, size, count)
        seen.append(_card_body_size(poster, pdf))
    assert seen[0] == pytest.approx(normal)
    assert seen == sorted(seen, reverse=True), seen  # more exercises: the same or smaller


@pytest.mark.parametrize("size", ["A3", "A2"])
def test_sixteen_long_hyphenated_names_fit(tmp_path, photos, size):
    root = _photo_project(tmp_path / "w", photos, LONG_NAMES)
    poster, pdf = _poster(root, size, 16)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    # A name broken at its hyphen reads back as "Hüftbeuger- Dehnung": joined again,
    # every name is there, never cut between two letters.
    text = " ".join(reader.pages[0].extract_text().split()).replace("- ", "-")
    for name in LONG_NAMES:
        assert name in text, name
    lines = text_lines(reader.pages[0])
    names = [line for line in lines if line.face == "Handout-Black" and line.y < pdf_height(reader) * 0.85]
    assert names and min(n.size for n in names) >= 1.3 * _card_body_size(poster, pdf) - 0.01


def pdf_height(reader) -> float:
    return float(reader.pages[0].mediabox.height)


def test_a_name_breaks_at_its_hyphen_not_inside_a_word(tmp_path):
    root = make_project(tmp_path / "w")
    path = root / "exercises" / "ex-00.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Goblet Squat",
                                                               "name: Oberschenkelrückseiten-Dehnung"),
                    encoding="utf-8")
    # On A4 with nine cards the column is narrower than the whole compound.
    _, pdf = _poster(root, "A4", 9)
    lines = [line.text.strip() for line in text_lines(PdfReader(pdf).pages[0])]
    assert "Oberschenkelrückseiten-" in lines and "Dehnung" in lines, lines


def test_the_dose_reads_as_a_row_and_no_phrase_is_split(tmp_path):
    root = make_project(tmp_path / "w")
    for count, size in ((16, "A3"), (9, "A4"), (3, "A4")):
        _, pdf = _poster(root, size, count)
        lines = [" ".join(line.text.split()) for line in text_lines(PdfReader(pdf).pages[0])]
        assert not [line for line in lines if line.startswith("·")]
        assert not [line for line in lines if line.endswith(("3×", "3× a", "rest", "rest 60"))]
        assert sum("3× a week" in line for line in lines) == count
        # The amount is the large, dark part of the row.
        amounts = [line for line in text_lines(PdfReader(pdf).pages[0]) if line.text.strip() == "3 × 10–12 reps"]
        cues = [line for line in text_lines(PdfReader(pdf).pages[0]) if line.text.strip() == CUES[1]]
        assert len(amounts) == count and amounts[0].size > cues[0].size


def test_a_tempo_of_one_phase_is_a_line_of_text_not_a_bar(tmp_path):
    root = make_project(tmp_path / "w")
    path = root / "exercises" / "ex-00.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("tempo: {lift: 2, hold: 1, lower: 3}",
                                                               "tempo: {hold: 5}"), encoding="utf-8")
    poster, pdf = _poster(root, "A3", 2)
    grid = poster.fit()
    one = poster._card_flows(0, grid.base, grid.density)
    two = poster._card_flows(1, grid.base, grid.density)
    assert not any(isinstance(f, TempoBar) for f in one)
    assert "hold 5 s" in PdfReader(pdf).pages[0].extract_text().replace("\u00a0", " ")
    if not grid.density.tight:
        assert any(isinstance(f, TempoBar) for f in two)


def test_wrapped_cue_lines_start_where_the_first_line_starts(tmp_path):
    root = make_project(tmp_path / "w")
    _, pdf = _poster(root, "A3", 16)  # narrow columns: the first cue wraps
    lines = text_lines(PdfReader(pdf).pages[0])
    first = [line for line in lines if line.text.startswith("Feet shoulder-width")]
    rest = [line for line in lines if line.text.strip() == "slightly out"]
    assert first and rest
    for line in rest:
        above = min(first, key=lambda f: abs(f.x - line.x) + abs(f.y - line.y))
        assert abs(above.x - line.x) < 0.5, (above, line)


def test_the_trainer_lines_are_whole_and_the_band_clears_the_printer_edge(sample, cli):
    assert cli("poster", "--size", "A4", cwd=sample).exit_code == 0
    pdf = sample / "out" / "ultimate-back-workout-poster.pdf"
    lines = [" ".join(line.text.split()) for line in text_lines(PdfReader(pdf).pages[0])]
    for whole in ("Kannan Murugasan", "Personal Fitness Trainer", "Mission Fit"):
        assert whole in lines, lines
    # Nothing printed within 5 mm of the paper's edge when there is no bleed.
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=2).to_pil().convert("L")
    edge = int(5 * MM * 2) - 1
    w, h = image.size
    for box in ((0, 0, w, edge), (0, 0, edge, h), (w - edge, 0, w, h), (0, h - edge, w, h)):
        assert image.crop(box).getextrema()[0] >= 250, box
