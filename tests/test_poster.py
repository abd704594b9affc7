"""The poster: one page that fits any ordinary workout at every size, type never
below the floor, no text outside its card, and files a print shop accepts."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from conftest import POSTER, all_text, page_texts, text_lines
from poster_fixture import NAMES, ids, make_project

from generator.errors import HandoutError
from generator.images import ImageStore
from generator.layout.poster import FLOOR, PosterOptions, Poster
from generator.project import load_project
from generator.templates import Templates

MM = 72 / 25.4
MUST_FIT = {"A4": 9, "Letter": 9, "A3": 16, "Tabloid": 16, "A2": 16}


@pytest.fixture(scope="module")
def workout(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("fit") / "workout")
    return root, load_project(root)


def _inside(line, region, slack=1.0):
    return (region.x - slack <= line.x and line.x + line.width <= region.x + region.w + slack
            and region.y - slack <= line.y <= region.y + region.h + slack)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("size", ["A4", "Letter", "A3", "Tabloid", "A2"])
def test_every_count_fits_one_page_above_the_floor_with_text_inside_cards(workout, size, orientation):
    root, project = workout
    for count in range(1, 17):
        poster = Poster(project, Templates(root), ImageStore(),
                        PosterOptions(size=size, orientation=orientation, only=ids(count)))
        try:
            data = poster.build()
        except HandoutError as exc:
            assert count > MUST_FIT[size], f"{count} exercises must fit at {size} {orientation}: {exc}"
            message = str(exc)
            assert "Ways out" in message and any(f"'{name}'" in message for name in NAMES)
            continue
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1, (size, orientation, count)
        page = reader.pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width > height) == (orientation == "landscape")
        text = " ".join(page.extract_text().split())
        for name in NAMES[:count]:
            assert name in text, (size, orientation, count, name)

        lines = text_lines(page)
        cards = [r for r in poster.regions if r.kind == "card"]
        assert len(cards) == count
        for line in lines:
            assert any(_inside(line, region) for region in poster.regions if region.kind != "card text"), (
                f"{size} {orientation} {count}: {line.text!r} at ({line.x:.0f}, {line.y:.0f}) is outside "
                "every card and the header and footer")
            assert line.size >= FLOOR[size] - 0.01, (size, orientation, count, line.text, line.size)
        # Names are the exercise names' lines, in the black face: at least 1.3x the body (DESIGN).
        body = min(line.size for line in lines if line.face == "Handout" and any(_inside(line, c) for c in cards))
        names = [line for line in lines if line.face == "Handout-Black" and any(_inside(line, c) for c in cards)]
        assert names and min(line.size for line in names) >= 1.3 * body - 0.01


def test_too_much_text_for_a4_names_the_exercise_and_the_ways_out(sample, cli):
    long_cue = ("Keep breathing steadily and slowly, never hold your breath, and stop at once "
                "if you feel any pain in your lower back or your knees")
    cues = "".join(f"  - {' '.join([long_cue] * 8)}\n" for _ in range(4))
    (sample / "exercises" / "hip-raise.yaml").write_text(
        f"name: Hip Raise\nimage: assets/images/hip-raise.svg\nsteps: [Raise your hips.]\ncues:\n{cues}"
        f"cautions: [{long_cue}]\n", encoding="utf-8")
    result = cli("poster", "--size", "A4", cwd=sample)
    assert result.exit_code == 1
    assert result.stderr.startswith("exercises/hip-raise.yaml:4: the poster cannot fit 'Hip Raise' on one A4 page")
    for way in ("--size A3", "--orientation", "fewer exercises (--only id,id)", "shorter cues"):
        assert way in result.stderr
    assert not (sample / POSTER).exists()


def test_bleed_and_crop_marks_set_the_print_boxes(sample, cli):
    result = cli("poster", "--size", "A3", "--bleed", "3", "--crop-marks", cwd=sample)
    assert result.exit_code == 0, result.stderr
    page = PdfReader(sample / POSTER).pages[0]

    def size(box):
        return float(box.width) / MM, float(box.height) / MM

    trim, bleed, media = size(page.trimbox), size(page.bleedbox), size(page.mediabox)
    assert trim == pytest.approx((297, 420), abs=0.1)
    assert bleed == pytest.approx((303, 426), abs=0.1)
    assert media == pytest.approx((323, 446), abs=0.1)
    # The boxes are centred on each other.
    assert float(page.trimbox.left) - float(page.bleedbox.left) == pytest.approx(3 * MM, abs=0.01)
    assert float(page.bleedbox.left) - float(page.mediabox.left) == pytest.approx(10 * MM, abs=0.01)


def test_bleed_and_crop_marks_come_from_the_project_file_too(sample, cli):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  size: A3\n", "  size: A3\n  bleed: 5\n  crop_marks: true\n"),
                    encoding="utf-8")
    assert cli("poster", cwd=sample).exit_code == 0
    page = PdfReader(sample / POSTER).pages[0]
    assert float(page.bleedbox.width) - float(page.trimbox.width) == pytest.approx(10 * MM, abs=0.01)
    assert float(page.mediabox.width) - float(page.bleedbox.width) == pytest.approx(20 * MM, abs=0.01)


def test_without_bleed_the_trim_is_the_paper(sample, cli):
    assert cli("poster", "--size", "tabloid", cwd=sample).exit_code == 0
    page = PdfReader(sample / POSTER).pages[0]
    assert [float(v) for v in page.trimbox] == [float(v) for v in page.mediabox] == [0, 0, 792, 1224]


def test_only_picks_and_orders_exercises(sample, cli):
    result = cli("poster", "--only", "hip-raise,lying-superman", cwd=sample)
    assert result.exit_code == 0, result.stderr
    text = all_text(sample / POSTER)
    assert text.index("Hip Raise") < text.index("Lying Superman")
    assert "Bent-Over Shoulder Raise" not in text


def test_only_with_an_unknown_id_suggests_the_nearest(sample, cli):
    result = cli("poster", "--only", "hip-raise,lying-supermen", cwd=sample)
    assert result.exit_code == 1
    assert "--only: no exercise 'lying-supermen' in the workout; did you mean 'lying-superman'?" in result.stderr
    assert not (sample / POSTER).exists()


def test_landscape_from_the_command_line(sample, cli):
    assert cli("poster", "--size", "letter", "--orientation", "landscape", cwd=sample).exit_code == 0
    box = PdfReader(sample / POSTER).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (792, 612)


def test_cards_show_tempo_bar_caution_and_a_video_code(sample, cli):
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "video: https://example.org/v/hip-raise\n", encoding="utf-8")
    assert cli("poster", cwd=sample).exit_code == 0
    text = page_texts(sample / POSTER)[0]
    assert "lift 2 s" in text and "lower 3 s" in text  # the bent-over raise's tempo bar
    assert "Take care: Raise the weights to shoulder height and no higher." in text
    assert "example.org/v/hip-raise" in text


def test_low_resolution_photo_is_a_warning_and_strict_fails(sample, cli):
    from PIL import Image

    Image.new("RGB", (120, 90), (200, 80, 40)).save(sample / "assets" / "images" / "tiny.png")
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("assets/images/hip-raise.svg", "assets/images/tiny.png"),
                    encoding="utf-8")
    result = cli("poster", cwd=sample)
    assert result.exit_code == 0
    assert "assets/images/tiny.png: warning: photo prints at" in result.stderr
    assert "dpi at its placed size (below 150)" in result.stderr
    before = (sample / POSTER).read_bytes()

    strict = cli("poster", "--strict", cwd=sample)
    assert strict.exit_code == 1
    assert "assets/images/tiny.png: photo prints at" in strict.stderr
    assert (sample / POSTER).read_bytes() == before


def test_logo_appears_in_the_poster_header(sample, cli):
    from PIL import Image

    Image.new("RGB", (600, 200), (10, 90, 160)).save(sample / "assets" / "logo.png")
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "theme: {logo: assets/logo.png}\n", encoding="utf-8")
    assert cli("poster", cwd=sample).exit_code == 0
    page = PdfReader(sample / POSTER).pages[0]
    images = [x for x in page["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_the_dose_line_breaks_only_between_its_parts(sample, cli, size):
    # Was: "3× a / week" broken inside, and a line starting with "·".
    result = cli("poster", "--size", size, cwd=sample)
    assert result.exit_code == 0, result.stderr
    lines = [" ".join(line.split()) for line in
             (PdfReader(sample / POSTER).pages[0].extract_text() or "").splitlines()]
    assert not [line for line in lines if line.startswith("·")]
    assert any("3× a week" in line for line in lines)
    assert not [line for line in lines if line.endswith(("3×", "3× a", "rest", "hold"))]
