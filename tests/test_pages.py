"""The booklet's exercise pages (issue 11): the picture across the text width, every
page from the first exercise to the log naming an exercise, `half` pairing two short
exercises, and lines of running text short enough to read on A4."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from reportlab.lib.units import mm

from conftest import image_placements, page_texts, text_lines

sys.path.insert(0, str(Path(__file__).parent))
from photos import phone_photo, real_programmes  # noqa: E402



@pytest.fixture(scope="module")
def programmes(tmp_path_factory) -> dict[str, Path]:
    """The sample, and the Spanish and German programmes with their phone photos."""
    return real_programmes(tmp_path_factory.mktemp("pages"))


def _variant(root: Path, dest: Path, **booklet) -> Path:
    """A copy of the project at `root` with these booklet settings."""
    shutil.copytree(root, dest)
    path = dest / "handout.yaml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings.setdefault("booklet", {}).update(booklet)
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return dest


def _build(root: Path, cli) -> Path:
    result = cli("booklet", str(root), cwd=root)
    assert result.exit_code == 0, result.stderr
    return next((root / "out").glob("*-booklet.pdf"))


def _names(root: Path) -> list[str]:
    return [yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (root / "exercises").glob("*.yaml")]


def _outline(reader: PdfReader) -> tuple[dict[str, int], int]:
    """Each exercise's first page (1-based) and the log's page, from the outline."""
    top = reader.outline
    at = next(i for i, item in enumerate(top) if isinstance(item, list))
    starts = {item.title: reader.get_destination_page_number(item) + 1 for item in top[at]}
    return starts, reader.get_destination_page_number(top[at + 1]) + 1


@pytest.mark.parametrize("project,size,layout", [
    ("sample", "A5", "full"), ("rodilla", "A5", "full"), ("schulter", "A4", "full"),
    ("rodilla", "A5", "half"), ("schulter", "A5", "half"), ("sample", "Letter", "full"),
    ("rodilla", "phone", "full"),
])
def test_every_page_from_the_first_exercise_to_the_log_names_one(programmes, tmp_path, cli, project, size,
                                                                   layout):
    root = _variant(programmes[project], tmp_path / project, size=size, layout=layout, log="ticks")
    pdf = _build(root, cli)
    starts, log = _outline(PdfReader(pdf))
    texts = page_texts(pdf)
    names = _names(root)
    for number in range(min(starts.values()), log):
        assert any(name in texts[number - 1] for name in names), \
            f"page {number} names no exercise: {texts[number - 1][:100]}"


def test_an_exercise_that_goes_on_carries_its_name_and_three_lines(programmes, tmp_path, cli):
    root = _variant(programmes["sample"], tmp_path / "long", size="A5")
    hip = root / "exercises" / "hip-raise.yaml"
    data = yaml.safe_load(hip.read_text(encoding="utf-8"))
    data["steps"] = [f"Step {n}: press both heels into the floor and breathe out slowly." for n in range(1, 25)]
    data["progressions"] = ["Hold the top for five seconds."]
    hip.write_text(yaml.safe_dump(data), encoding="utf-8")
    pdf = _build(root, cli)
    reader = PdfReader(pdf)
    starts, log = _outline(reader)
    follow = reader.pages[starts["Hip Raise"]]  # the page after its first
    assert page_texts(pdf)[starts["Hip Raise"]].startswith("Hip Raise (cont.)")
    # Under the running heading, more than a lone list heading: three lines or more.
    body = [line for line in text_lines(follow) if line.y > 25 * mm and "Hip Raise" not in line.text]
    assert len(body) >= 3


@pytest.mark.parametrize("min_lines", [3, 0])
def test_a_continuation_never_holds_a_lone_heading_or_code(monkeypatch, min_lines):
    """A page's worth of text, then the video's heading and its code: what goes on to
    the next page is three lines or more, not the heading and the code alone."""
    import io

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from generator.layout import exercise
    from generator.layout.blocks import make_styles
    from generator.qr import qr_drawing

    monkeypatch.setattr(exercise, "MIN_LINES", min_lines)  # 0: the rule switched off
    styles = make_styles(10.0)
    width = 120 * mm
    items = [Paragraph(f"Step {n}: press both heels into the floor and breathe out.", styles["step"],
                       bulletText=f"{n}.") for n in range(1, 21)]
    items += [Paragraph("Watch the video", styles["h2"]),
              KeepTogether([qr_drawing("https://example.org/v", 26 * mm), Spacer(1, 3),
                            Paragraph("example.org/v", styles["meta"])])]
    canv = Canvas(io.BytesIO())
    # The frame holds all the steps and not the code: the code alone would go on.
    room = exercise._stacked_height(items[:-1], width, 1000, canv) + 5
    head, rest = exercise._fill(items, width, room, 0, canv)
    lines = sum(exercise._lines(item) for item in rest)
    assert (lines >= 3) == (min_lines == 3), [getattr(item, "text", item) for item in rest]
    assert len(head) + len(rest) == len(items)  # nothing lost or repeated


def _short_exercises(root: Path, names: list[str], long: set[str] = frozenset()) -> Path:
    (root / "exercises").mkdir(parents=True)
    for n, name in enumerate(names):
        steps = [f"Step {k}: move slowly, breathe out and keep the back long and still." for k in range(1, 16)] \
            if name in long else ["Get ready.", "Do it slowly.", "Rest."]
        (root / "exercises" / f"e{n}.yaml").write_text(yaml.safe_dump(
            {"name": name, "steps": steps, "dose": {"sets": 2, "reps": 10}, "tempo": {"lift": 2, "lower": 2}}),
            encoding="utf-8")
    listed = "".join(f"  - e{n}\n" for n in range(len(names)))
    (root / "handout.yaml").write_text(f"title: Short\nbooklet: {{layout: half}}\nexercises:\n{listed}",
                                       encoding="utf-8")
    return root


def test_half_pairs_two_short_exercises_and_gives_a_long_one_its_page(tmp_path, cli):
    names = ["Wall Sit", "Heel Raise", "Long Plank", "Neck Turn", "Ankle Circle", "Side Step"]
    root = _short_exercises(tmp_path / "short", names, long={"Long Plank"})
    pdf = _build(root, cli)
    starts, log = _outline(PdfReader(pdf))
    first = starts["Wall Sit"]
    # Two short ones share a page; the long one has its own; the rest pair up again.
    assert [starts[name] - first for name in names] == [0, 0, 1, 2, 2, 3]
    texts = page_texts(pdf)
    page = texts[first - 1]
    assert page.index("Wall Sit") < page.index("Heel Raise")
    # Never one exercise across halves: each name on one page only.
    for name in names:
        assert sum(name in text for text in texts[first - 1:log - 1]) == 1, name


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_a4_and_letter_running_text_stays_under_90_characters(programmes, tmp_path, cli, size):
    root = _variant(programmes["rodilla"], tmp_path / "wide", size=size)
    pdf = _build(root, cli)
    reader = PdfReader(pdf)
    starts, log = _outline(reader)
    lines = [line.text.strip() for page in reader.pages[1:log - 1] for line in text_lines(page)]
    assert any(len(text) > 60 for text in lines), "no running text found"
    longest = max(lines, key=len)
    assert len(longest) <= 90, longest


def test_the_picture_spans_the_text_width_55_to_65_mm_tall_on_a5(tmp_path, cli, programmes):
    root = _variant(programmes["sample"], tmp_path / "wide", size="A5")
    hip = root / "exercises" / "hip-raise.yaml"
    phone_photo(root / "assets" / "images" / "wide.jpg", 3, size=(4000, 2000), orientation=1)
    data = yaml.safe_load(hip.read_text(encoding="utf-8"))
    data["image"] = "assets/images/wide.jpg"
    # A page of ordinary length: with the sample's three phases of doses, the hip raise
    # is just long enough that its band gives up height to keep the page whole (the
    # rule the next tests check). The band is measured by the pixels drawn, now that a
    # covering photo is cropped to it (before, the uncropped photo's 60 mm was read).
    for longer in ("cautions", "setup"):
        data.pop(longer, None)
    hip.write_text(yaml.safe_dump(data), encoding="utf-8")
    pdf = _build(root, cli)
    starts, _ = _outline(PdfReader(pdf))
    placed = [ctm for page, _, ctm in image_placements(pdf) if page == starts["Hip Raise"]]
    assert len(placed) == 1
    width, height = placed[0][0] / mm, placed[0][3] / mm
    assert width == pytest.approx(148 - 2 * 14, abs=1.5)  # A5 less its margins
    assert 55 <= height <= 65


def test_a_narrow_page_stacks_the_spec_in_one_column(programmes, tmp_path, cli, monkeypatch):
    from generator.layout import booklet

    # A phone-width frame (~78 mm), whatever size name the phone page gets.
    monkeypatch.setitem(booklet.MARGIN, "A5", (148 - 78) / 2 * mm)
    root = _variant(programmes["rodilla"], tmp_path / "narrow", size="A5")
    pdf = _build(root, cli)
    reader = PdfReader(pdf)
    starts, log = _outline(reader)
    texts = page_texts(pdf)
    names = _names(root)
    right = (148 + 78) / 2 * mm + 1
    for number in range(min(starts.values()), log):
        assert any(name in texts[number - 1] for name in names)
        for line in text_lines(reader.pages[number - 1]):
            assert line.x + line.width <= right, f"page {number}: {line.text!r} runs past the margin"
    # The labels sit over their values: "Volumen" starts a line of its own.
    page = reader.pages[starts["Puente de glúteos"] - 1]
    assert any(line.text.strip() == "Volumen" for line in text_lines(page))
