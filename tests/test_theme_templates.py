"""Brand themes and template overrides: a gym's colours, logo and fonts, and its own
words on the cards, without touching Python."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

from conftest import BOOKLET, POSTER, all_text, fonts_in


def _streams(pdf) -> bytes:
    """Every content stream of every page, decompressed."""
    reader = PdfReader(pdf)
    return b"".join(page.get_contents().get_data() for page in reader.pages)


def _add(sample, text):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_theme_accent_colour_is_used_on_both_outputs(sample, cli):
    _add(sample, "theme: {accent: '#1A7F5A'}\n")
    assert cli("build", cwd=sample).exit_code == 0
    green = b".101961 .498039 .352941 rg"  # #1A7F5A as ReportLab writes a fill
    for pdf in (POSTER, BOOKLET):
        assert green in _streams(sample / pdf), pdf


def test_css_colour_names_work_and_a_bad_colour_names_its_line(sample, cli):
    _add(sample, "theme:\n  name: bold\n  accent: teal\n  text: navy\n")
    assert cli("build", cwd=sample).exit_code == 0
    assert b"0 .501961 .501961 rg" in _streams(sample / POSTER)  # teal

    path = sample / "handout.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index("  accent: teal") + 1
    path.write_text(path.read_text(encoding="utf-8").replace("accent: teal", "accent: tael"), encoding="utf-8")
    before = (sample / POSTER).read_bytes()
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert (f"handout.yaml:{line}: theme.accent: expected a colour such as '#D9480F' or 'teal', "
            "got 'tael'; did you mean 'teal'?") in result.stderr
    assert (sample / POSTER).read_bytes() == before


def test_high_contrast_is_black_on_white_and_larger(sample, cli):
    assert cli("booklet", cwd=sample).exit_code == 0
    default_pages = len(PdfReader(sample / BOOKLET).pages)
    _add(sample, "theme: {name: high-contrast}\n")
    assert cli("build", cwd=sample).exit_code == 0
    streams = _streams(sample / POSTER)
    assert b".956863 .960784 .968627 rg" not in streams  # no grey card panels
    assert b"0 0 0 RG" in streams  # cards ruled in black instead
    assert len(PdfReader(sample / BOOKLET).pages) > default_pages  # larger type, more pages


def test_logo_on_the_poster_and_the_booklet_cover(sample, cli):
    shutil.copy(sample / "assets" / "images" / "hip-raise.svg", sample / "assets" / "logo.svg")
    from PIL import Image

    Image.new("RGB", (300, 100), (0, 90, 160)).save(sample / "assets" / "logo.png")
    _add(sample, "theme: {logo: assets/logo.png}\n")
    assert cli("build", cwd=sample).exit_code == 0
    for pdf, page in ((POSTER, 0), (BOOKLET, 0)):
        xobjects = PdfReader(sample / pdf).pages[page]["/Resources"].get("/XObject", {})
        assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values()), pdf


def test_theme_fonts_are_embedded_and_a_cff_font_is_refused(sample, cli):
    fonts = sample / "fonts"
    fonts.mkdir()
    from generator.fonts import font_dir

    shutil.copy(font_dir() / "OpenSans-Italic.ttf", fonts / "Brand-Regular.ttf")
    shutil.copy(font_dir() / "OpenSans-BoldItalic.ttf", fonts / "Brand-Bold.ttf")
    _add(sample, "theme:\n  fonts:\n    regular: fonts/Brand-Regular.ttf\n    bold: fonts/Brand-Bold.ttf\n")
    result = cli("build", cwd=sample)
    assert result.exit_code == 0, result.stderr
    names = set(fonts_in(sample / POSTER))
    assert any("OpenSans-Italic" in n for n in names) and any("OpenSans-BoldItalic" in n for n in names)

    (fonts / "Brand-Regular.ttf").write_bytes(b"OTTO" + b"\0" * 200)
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert "theme.fonts.regular: 'fonts/Brand-Regular.ttf' is an OpenType font with CFF outlines" in result.stderr
    assert "use the TrueType (.ttf) version" in result.stderr


def test_square_corners_change_the_cards(sample, cli):
    assert cli("poster", cwd=sample).exit_code == 0
    rounded = _streams(sample / POSTER)
    _add(sample, "theme: {corners: square}\n")
    assert cli("poster", cwd=sample).exit_code == 0
    square = _streams(sample / POSTER)
    # Rounded rectangles are drawn with Bézier curves ("c"); square ones are not.
    assert rounded.count(b" c\n") > square.count(b" c\n")


def test_a_project_template_replaces_the_card(sample, cli):
    (sample / "templates").mkdir()
    (sample / "templates" / "poster_card.xml").write_text(
        '<p style="name">{{ ex.name | upper }}</p>\n<p style="cue">Ask your coach &amp; go.</p>\n',
        encoding="utf-8")
    assert cli("poster", cwd=sample).exit_code == 0
    text = all_text(sample / POSTER)
    assert "HIP RAISE" in text and "Ask your coach & go." in text
    assert "Knees bent, feet flat" not in text


def test_a_project_template_extends_the_builtin_one(sample, cli):
    (sample / "templates").mkdir()
    (sample / "templates" / "poster_card.xml").write_text(
        '{% extends "builtin/poster_card.xml" %}\n'
        '{% block extra %}<p style="meta">Ask Kannan at the desk.</p>{% endblock %}\n', encoding="utf-8")
    assert cli("poster", cwd=sample).exit_code == 0
    text = all_text(sample / POSTER)
    assert text.count("Ask Kannan at the desk.") == 6
    assert "Knees bent, feet flat" in text  # the built-in blocks are still there


def test_template_errors_name_the_file_and_line(sample, cli):
    templates = sample / "templates"
    templates.mkdir()
    assert cli("build", cwd=sample).exit_code == 0
    before = (sample / POSTER).read_bytes()
    cases = {
        "poster_card.xml": ('<p style="name">{{ ex.name }}</p>\n{% if ex.dose %}\n<p>x</p>\n',
                            "templates/poster_card.xml:3: template error: Unexpected end of template"),
        "poster_header.xml": ('<p style="poster_title">{{ title }}</p>\n<p>{{ sub_title }}</p>\n',
                              "templates/poster_header.xml:2: template error: 'sub_title' is undefined"),
        "poster_footer.xml": ('<p style="footer">ok</p>\n<p style="footer"><b>bold</p>\n',
                              "templates/poster_footer.xml:2: template error: the markup it writes is not "
                              "well-formed (mismatched tag)"),
    }
    for name, (source, expected) in cases.items():
        (templates / name).write_text(source, encoding="utf-8")
        result = cli("build", cwd=sample)
        assert result.exit_code == 1, name
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert (sample / POSTER).read_bytes() == before
        (templates / name).unlink()


@pytest.mark.parametrize("name", ["default", "bold", "high-contrast"])
@pytest.mark.parametrize("accent", [None, "#FFCC00", "teal", "#D9480F", "pink"])
def test_every_text_colour_reads_at_four_and_a_half_to_one(name, accent):
    # DESIGN: every text at least 4.5:1 against its background; the default orange was
    # 3.9:1 on the grey cards.
    from pathlib import Path

    from generator.layout.blocks import make_styles
    from generator.models import Theme
    from generator.theme import contrast, palette_for

    palette = palette_for(Theme(name=name, accent=accent), Path("."))
    for style in make_styles(10, palette).values():
        for colour in (style.textColor, getattr(style, "bulletColor", style.textColor)):
            for back in (palette.paper, palette.panel, palette.tint):
                assert contrast(colour, back) >= 4.5, (style.name, colour, back)
