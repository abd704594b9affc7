"""The booklet: navigation that works on a phone, pages that work on paper, photos
that keep the file small, and an imposed file a copy shop can fold."""

from __future__ import annotations

import random
import re

import pytest
from pypdf import PdfReader

from conftest import BOOKLET, SAMPLE_NAMES, image_placements, page_texts

from generator.impose import sheet_order

IMPOSED = "out/ultimate-back-workout-booklet-imposed.pdf"


def _outline(reader):
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


def test_contents_outline_and_links_agree_on_every_page_number(sample, cli):
    assert cli("booklet", cwd=sample).exit_code == 0, "build failed"
    reader = PdfReader(sample / BOOKLET)
    pages = page_texts(sample / BOOKLET)
    contents = pages[1]
    outline = dict(_outline(reader))
    printed = {}
    for title in ["Introduction", "Why your back matters", "Benefits of strength training", *SAMPLE_NAMES,
                  "Your log", "About your trainer", "Credits"]:
        match = re.search(re.escape(title) + r" (\d+)", contents)
        assert match, f"{title} not in the contents"
        printed[title] = int(match.group(1))
        assert outline[title] == printed[title], title
        assert title in pages[printed[title] - 1], f"{title} is not on page {printed[title]}"

    # Each entry is two links (its title and its number), in the contents' order.
    index = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}
    targets = [index[a.get_object()["/Dest"][0].idnum] for a in reader.pages[1]["/Annots"]]
    entry_pages = targets[::2]
    assert targets[1::2] == entry_pages
    numbers = [int(n) for n in re.findall(r"(?<= )(\d+)(?= |$)", contents.split("Contents", 1)[1])]
    assert entry_pages == [n for n in numbers if n <= len(pages)][:len(entry_pages)]


def test_metadata_outline_panel_and_print_scaling(sample, cli):
    assert cli("booklet", cwd=sample).exit_code == 0
    reader = PdfReader(sample / BOOKLET)
    meta = reader.metadata
    assert meta.title == "Ultimate Back Workout"
    assert meta.author == "Kannan Murugasan"
    assert meta.subject.startswith("Six exercises for a stronger back")
    assert "lower back" in meta["/Keywords"] and "glutes" in meta["/Keywords"]
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/ViewerPreferences"]["/PrintScaling"] == "/None"
    titles = [title for title, _ in _outline(reader)]
    assert titles[:2] == ["Contents", "Introduction"]
    assert all(name in titles for name in SAMPLE_NAMES)


def test_exercise_page_has_the_tempo_bar_and_keeps_name_with_picture(sample, cli):
    assert cli("booklet", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    page = next(t for t in pages[2:] if t.startswith("Bent-Over Shoulder Raise"))  # name first
    assert "lift 2 s" in page and "lower 3 s" in page
    assert "3 sets × 10–12 reps · rest 60 s · 3 times a week" in page


def test_long_exercise_flows_onto_a_second_page_without_an_orphaned_heading(sample, cli):
    path = sample / "exercises" / "hip-raise.yaml"
    steps = "".join(f"  - Step {n}, keep your hips level and your breathing steady, then go on.\n"
                    for n in range(1, 30))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "steps:\n  - Raise your hips slowly.\n", f"steps:\n{steps}"), encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    reader = PdfReader(sample / BOOKLET)
    pages = page_texts(sample / BOOKLET)
    start = dict(_outline(reader))["Hip Raise"]
    assert pages[start - 1].startswith("Hip Raise")
    follow = pages[start]
    assert "Step 2" in pages[start - 1] and "Step 29" in follow
    for page in (pages[start - 1], follow):
        # A heading is never the last thing on a page.
        assert not re.search(r"(How to do it|Take care|Breathing|Common mistakes) Ultimate Back Workout "
                             r"page \d+ of", page)


def test_half_layout_puts_two_exercises_on_a_page(tmp_path, cli):
    root = tmp_path / "short"
    (root / "exercises").mkdir(parents=True)
    names = ["Wall Sit", "Heel Raise", "Shoulder Roll", "Neck Turn", "Ankle Circle"]
    for n, name in enumerate(names):
        (root / "exercises" / f"e{n}.yaml").write_text(
            f"name: {name}\nsteps: [Get ready., Do it slowly., Rest.]\ndose: {{sets: 2, reps: 10}}\n"
            "tempo: {lift: 2, lower: 2}\ncautions: [Stop if it hurts.]\n", encoding="utf-8")
    listed = "".join(f"  - e{n}\n" for n in range(len(names)))
    (root / "handout.yaml").write_text(f"title: Short\nbooklet: {{layout: half}}\nexercises:\n{listed}",
                                       encoding="utf-8")
    assert cli("booklet", str(root), cwd=tmp_path).exit_code == 0
    reader = PdfReader(root / "out" / "short-booklet.pdf")
    starts = dict(_outline(reader))
    assert [starts[name] for name in names] == [starts["Wall Sit"]] * 2 + [starts["Wall Sit"] + 1] * 2 + [
        starts["Wall Sit"] + 2]
    page = page_texts(root / "out" / "short-booklet.pdf")[starts["Wall Sit"] - 1]
    assert page.index("Wall Sit") < page.index("Heel Raise")


def test_tick_log_has_a_row_per_exercise_and_a_column_per_session(sample, cli):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "booklet: {weeks: 3}\n", encoding="utf-8")
    hip = sample / "exercises" / "hip-raise.yaml"
    hip.write_text(hip.read_text(encoding="utf-8").replace("rest: 45}", "rest: 45, per_week: 2}"), encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    log = next(p for p in page_texts(sample / BOOKLET) if p.startswith("Your log"))
    assert "Week 1 Week 2 Week 3" in log and "Week 4" not in log
    assert "Shaded boxes are rest days" in log
    for name in SAMPLE_NAMES:
        assert name in log


def test_sets_log_is_two_sessions_a_page_with_date_sets_and_notes(sample, cli):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "booklet: {log: sets, weeks: 2}\n", encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    sessions = [p for p in pages if re.match(r"(Your log )?Session \d+ Date", p)]
    assert len(sessions) == 3  # issue 11: two sessions to an A5 page
    assert sum(len(re.findall(r"Session \d+ Date", p)) for p in sessions) == 3 * 2
    first = sessions[0]
    for word in ("Date", "Exercise", "Set", "Reps", "Weight", "Notes", "Hip Raise"):
        assert word in first


def test_impose_writes_sheets_in_saddle_stitch_order(sample, cli):
    result = cli("booklet", "--impose", cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert "wrote out/ultimate-back-workout-booklet-imposed.pdf" in result.stdout
    booklet, imposed = PdfReader(sample / BOOKLET), PdfReader(sample / IMPOSED)
    n = len(booklet.pages)
    padded = -(-n // 4) * 4
    assert len(imposed.pages) == padded // 2
    sheet = imposed.pages[0].mediabox
    # A5 pages on A4 paper exactly (297 x 210 mm), landscape, the spread centred.
    assert (float(sheet.width), float(sheet.height)) == pytest.approx((297 / 25.4 * 72, 210 / 25.4 * 72), abs=0.5)
    for index, (left, right) in enumerate(sheet_order(n)):
        halves = _footers_by_half(sample / IMPOSED, index, float(sheet.width) / 2)
        assert halves == ({left} - {None, 1}, {right} - {None, 1})
    first = (sample / IMPOSED).read_bytes()
    assert cli("booklet", "--impose", cwd=sample).exit_code == 0
    assert (sample / IMPOSED).read_bytes() == first  # the same bytes for the same input


def _footers_by_half(pdf, index, width):
    """The 'page X of' numbers printed on each half of an imposed side, read where
    they are drawn (pdfium places text inside forms within forms, as a viewer does)."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[index]
    text = page.get_textpage()
    height = page.get_height()
    return tuple({int(n) for n in re.findall(r"page (\d+) of", text.get_text_bounded(x0, 0, x1, height))}
                 for x0, x1 in ((0, width), (width, page.get_width())))


@pytest.mark.parametrize("pages,expected", [
    (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
    (12, [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]),
    # Padded with blanks before the back page, which stays the outside back.
    (6, [(6, 1), (2, None), (None, 3), (4, 5)]),
    (5, [(5, 1), (2, None), (None, 3), (4, None)]),
    (1, [(None, 1), (None, None)]),
])
def test_sheet_order(pages, expected):
    assert sheet_order(pages) == expected


def _photo(path, seed):
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.effect_noise((4000, 3000), 40).convert("RGB")
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(12):
        x, y = rng.randrange(4000), rng.randrange(3000)
        r = rng.randrange(200, 900)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randrange(256), rng.randrange(256),
                                                         rng.randrange(256), 160))
    img.save(path, quality=90)


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photos")
    paths = []
    for n in range(7):
        path = folder / f"photo-{n}.jpg"
        _photo(path, n)
        paths.append(path)
    return paths


def _with_photos(sample, photos):
    import shutil

    for photo in photos:
        shutil.copy(photo, sample / "assets" / "images" / photo.name)
    for n, path in enumerate(sorted((sample / "exercises").glob("*.yaml"))):
        text = re.sub(r"image: \S+", f"image: assets/images/photo-{n}.jpg", path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
    project = sample / "handout.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "cover: assets/images/photo-6.jpg\n",
                       encoding="utf-8")


def test_seven_phone_photos_make_a_small_email_booklet(sample, cli, photos):
    _with_photos(sample, photos)
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 0, result.stderr
    size = (sample / BOOKLET).stat().st_size
    assert size < 600 * 1024, f"{size / 1024:.0f} KB"
    assert len(_placed_images(sample / BOOKLET)) >= 7


def test_print_profile_embeds_at_least_290_dpi(sample, cli, photos):
    _with_photos(sample, photos)
    result = cli("booklet", "--profile", "print", cwd=sample)
    assert result.exit_code == 0, result.stderr
    placed = _placed_images(sample / BOOKLET)
    assert len(placed) >= 7
    for pixels_w, pixels_h, width_pt, height_pt in placed:
        assert pixels_w / (width_pt / 72) >= 290
        assert pixels_h / (height_pt / 72) >= 290


def _placed_images(pdf):
    """(pixel width, pixel height, placed width pt, placed height pt) of every image."""
    return [(image["/Width"], image["/Height"], (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5,
             (ctm[2] ** 2 + ctm[3] ** 2) ** 0.5) for _, image, ctm in image_placements(pdf)]


def test_a_hundred_exercises_build_with_the_right_pages_and_outline(tmp_path, cli):
    root = tmp_path / "big"
    (root / "exercises").mkdir(parents=True)
    for n in range(100):
        (root / "exercises" / f"ex-{n:03d}.yaml").write_text(
            f"name: Exercise {n:03d}\nsteps: [Stand tall., Move slowly., Breathe.]\n"
            "dose: {sets: 2, reps: 10}\n", encoding="utf-8")
    listed = "".join(f"  - ex-{n:03d}\n" for n in range(100))
    (root / "handout.yaml").write_text(f"title: Big Plan\nexercises:\n{listed}", encoding="utf-8")
    assert cli("booklet", str(root), cwd=tmp_path).exit_code == 0
    reader = PdfReader(root / "out" / "big-plan-booklet.pdf")
    outline = _outline(reader)
    exercise_pages = [page for title, page in outline if title.startswith("Exercise ")]
    assert len(exercise_pages) == 100
    assert exercise_pages == list(range(exercise_pages[0], exercise_pages[0] + 100))
    # Cover, contents, a page per exercise, then the log, whose table runs on over
    # pages that repeat its week headings.
    log_start = dict(outline)["Your log"]
    assert log_start == exercise_pages[-1] + 1
    pages = page_texts(root / "out" / "big-plan-booklet.pdf")
    log_pages = pages[log_start - 1:]
    assert all("Week 1 Week 2 Week 3 Week 4" in page for page in log_pages if "Exercise " in page)
    assert sum(page.count("Exercise ") for page in log_pages) == 100
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    assert "Notes" in pages[-1]  # its heading goes with its lines


@pytest.mark.parametrize("size, sheet_mm", [("A4", (420, 297)), ("Letter", (17 * 25.4, 11 * 25.4))])
def test_imposed_sheets_are_the_paper_size(sample, cli, size, sheet_mm):
    result = cli("booklet", "--size", size, "--impose", cwd=sample)
    assert result.exit_code == 0, result.stderr
    for side in PdfReader(sample / IMPOSED).pages:
        box = side.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(
            (sheet_mm[0] / 25.4 * 72, sheet_mm[1] / 25.4 * 72), abs=0.5)
