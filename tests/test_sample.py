"""The sample project end to end: what a trainer gets from `handout build`."""

from __future__ import annotations

from pypdf import PdfReader

from conftest import BOOKLET, POSTER, SAMPLE_NAMES, all_text, fonts_in, is_embedded, page_texts


def test_build_writes_one_page_poster_and_booklet_with_every_exercise(sample, cli):
    result = cli("build", cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert "wrote out/ultimate-back-workout-poster.pdf" in result.stdout
    poster, booklet = sample / POSTER, sample / BOOKLET
    assert len(PdfReader(poster).pages) == 1
    assert len(PdfReader(booklet).pages) >= 8
    for pdf in (poster, booklet):
        text = all_text(pdf)
        for name in SAMPLE_NAMES:
            assert name in text, f"{name!r} missing from {pdf.name}"


def test_every_font_is_embedded_and_none_is_base14(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    for pdf in (sample / POSTER, sample / BOOKLET):
        fonts = fonts_in(pdf)
        assert fonts, f"no fonts found in {pdf.name}"
        for name, font in fonts.items():
            assert is_embedded(font), f"{name} is not embedded in {pdf.name}"
            assert "Helvetica" not in name and "Times" not in name and "Courier" not in name
            assert font.get("/Subtype") == "/TrueType", f"{name} is {font.get('/Subtype')}"


def test_same_input_gives_the_same_bytes(sample, cli, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert cli("build", cwd=sample).exit_code == 0
    first = [(sample / f).read_bytes() for f in (POSTER, BOOKLET)]
    assert cli("build", cwd=sample).exit_code == 0
    assert [(sample / f).read_bytes() for f in (POSTER, BOOKLET)] == first


def test_pdf_date_comes_from_source_date_epoch_else_newest_input(sample, cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    assert cli("build", cwd=sample).exit_code == 0
    assert PdfReader(sample / POSTER).metadata["/CreationDate"].startswith("D:20231114221320")

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    import os

    for path in sample.rglob("*"):
        os.utime(path, (1600000000, 1600000000))
    os.utime(sample / "exercises" / "hip-raise.yaml", (1650000000, 1650000000))  # 2022-04-15
    assert cli("build", cwd=sample).exit_code == 0
    assert PdfReader(sample / BOOKLET).metadata["/CreationDate"].startswith("D:20220415")


def test_booklet_footers_count_physical_pages_and_skip_the_cover(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    total = len(pages)
    assert "page 1 of" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"page {number} of {total}" in text


def test_booklet_contents_numbers_are_the_pages_the_exercises_are_on(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    reader = PdfReader(sample / BOOKLET)
    pages = page_texts(sample / BOOKLET)
    contents = pages[1]
    outline = {item.title: reader.get_destination_page_number(item) + 1
               for item in _flatten(reader.outline)}
    for name in SAMPLE_NAMES:
        page = outline[name]
        assert name in pages[page - 1]
        assert f"{name} {page}" in " ".join(contents.split())


def test_booklet_has_metadata_and_asks_for_print_at_100_percent(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    for pdf in (sample / POSTER, sample / BOOKLET):
        reader = PdfReader(pdf)
        assert reader.metadata.title == "Ultimate Back Workout"
        assert reader.metadata.author == "Kannan Murugasan"
        prefs = reader.trailer["/Root"]["/ViewerPreferences"]
        assert prefs["/PrintScaling"] == "/None"


def test_booklet_has_cover_intro_sections_tip_author_and_credits(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    assert "Ultimate Back Workout" in pages[0] and "Kannan Murugasan" in pages[0]
    text = all_text(sample / BOOKLET)
    for expected in ("Contents", "Introduction", "Why your back matters",
                     "Benefits of strength training", "Stretch your hamstrings",
                     "About your trainer", "16 years of experience", "coach@missionfit.example",
                     "Credits", "Elena Khaw"):
        assert expected in text, expected


def test_exercise_page_shows_every_field_that_is_set(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    start = next(i for i, t in enumerate(pages) if "Lying Down Lower Back Extension" in t and i > 1)
    text = " ".join(" ".join(pages[start:start + 2]).split())
    for expected in ("Set-up", "Lie face down", "How to do it", "Raise your upper body",
                     "Tempo", "lift 3 s", "lower 3 s", "Breathing", "Breathe out as you raise",
                     "3 sets × as many as you can", "rest 60 s", "3 times a week",
                     "Take care", "Don't jerk up", "Make it harder", "lower back"):
        assert expected in text, expected


def _flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_video_gets_a_qr_code_and_its_address_in_print(sample, cli):
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "video: https://videos.example.org/hip-raise?t=3\n",
                    encoding="utf-8")
    assert cli("build", cwd=sample).exit_code == 0
    pages = page_texts(sample / BOOKLET)
    page = next(t for t in pages[2:] if "Hip Raise" in t and "Watch the video" in t)
    assert "videos.example.org/hip-raise?t=3" in page
    assert "https://" not in page
    reader = PdfReader(sample / BOOKLET)
    uris = [annot.get_object()["/A"]["/URI"] for p in reader.pages for annot in p.get("/Annots", [])
            if annot.get_object().get("/A", {}).get("/URI")]
    assert "https://videos.example.org/hip-raise?t=3" in uris


def test_pdfs_are_readable_by_others_like_any_new_file(sample, cli):
    import os
    import stat

    old = os.umask(0o022)
    try:
        assert cli("build", cwd=sample).exit_code == 0
    finally:
        os.umask(old)
    for name in (POSTER, BOOKLET):
        assert stat.S_IMODE((sample / name).stat().st_mode) == 0o644
