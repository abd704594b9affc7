"""Every piece of text reads at 4.5:1 (WCAG AA) against what it sits on, in every
theme, with pale and dark accents and with the trainer's own `text:` colour. The
ratios come from the PDF: each character's fill colour and the rendered page under it
(tests/colours.py)."""

from __future__ import annotations

import io

import pytest
import yaml
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from colours import AA, failures, text_runs
from conftest import BOOKLET, POSTER
from generator import fonts, theme
from generator.models import Theme

ACCENTS = (None, "#FFD400", "#00A3FF", "#7CFC00", "#FF69B4", "#333333")
THEMES = ("default", "bold", "high-contrast")


def set_theme(project, **settings):
    path = project / "handout.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["theme"] = {key: value for key, value in settings.items() if value is not None}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def build_failures(cli, project) -> list[str]:
    """Each pair of colours that fails in the poster or the booklet, with its first text."""
    result = cli("build", str(project))
    assert result.exit_code == 0, result.stderr
    found = {}
    for name in (POSTER, BOOKLET):
        for run in failures(project / name):
            found.setdefault((name, run.fill, run.back), f"{name}: {run}")
    return list(found.values())


def test_the_checker_reads_fill_and_background_from_the_page():
    """Known pairs drawn by hand come back with their ratios; invisible text (an
    image's alt text) is not read as text."""
    pairs = [("#999999", "#FFFFFF"), ("#FFFFFF", "#D9480F"), ("#000000", "#1F2933"),
             ("#1F2933", "#FDF0E9")]
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(300, 300))
    for row, (fore, back) in enumerate(pairs):
        y = 260 - row * 50
        canv.setFillColor(colors.HexColor(back))
        canv.rect(10, y - 10, 280, 36, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor(fore))
        canv.setFont(fonts.REGULAR, 14)
        canv.drawString(20, y, f"Row{row}")
    hidden = canv.beginText(20, 40)
    hidden.setTextRenderMode(3)
    hidden.setFont(fonts.REGULAR, 14)
    hidden.setFillColor(colors.HexColor("#F0F0F0"))
    hidden.textLine("Hidden")
    canv.drawText(hidden)
    canv.save()

    runs = text_runs(buffer.getvalue())
    assert [run.text for run in runs] == ["Row0", "Row1", "Row2", "Row3"]
    for run, (fore, back) in zip(runs, pairs):
        expected = theme.contrast(colors.HexColor(fore), colors.HexColor(back))
        assert run.ratio == pytest.approx(expected, abs=0.05), str(run)
    assert [run.text for run in failures(buffer.getvalue())] == ["Row0", "Row1", "Row2"]


def test_a_low_contrast_palette_is_caught(cli, sample, monkeypatch):
    """Without darkening, a yellow accent as text fails: the check below can fail."""
    monkeypatch.setattr(theme, "readable", lambda color, backgrounds, ratio=AA: color)
    set_theme(sample, accent="#FFD400")
    found = build_failures(cli, sample)
    assert any("#FFD400 on #FFFFFF" in line for line in found), found
    assert any(POSTER in line for line in found) and any(BOOKLET in line for line in found)


# The trainer's own text colour rides along with two of the accents: it changes the
# ink, never the accent's colour, so the two are tested together.
COLOURS = [(accent, {"#00A3FF": "#888888", "#333333": "#5A3E2B"}.get(accent)) for accent in ACCENTS]


@pytest.mark.parametrize("accent, text", COLOURS)
@pytest.mark.parametrize("name", THEMES)
def test_every_text_reads_on_its_background(cli, sample, name, accent, text):
    set_theme(sample, name=name, accent=accent, text=text)
    assert build_failures(cli, sample) == []


def test_the_other_shapes_read_too(cli, sample):
    """The sets log, the half-page layout and a landscape A4 poster with bleed and crop
    marks (a page larger than the paper), with a pale accent."""
    set_theme(sample, name="bold", accent="#7CFC00")
    path = sample / "handout.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["booklet"] = {"log": "sets", "layout": "half"}
    data["poster"] = {"size": "A4", "orientation": "landscape", "bleed": 3, "crop_marks": True}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert build_failures(cli, sample) == []


@pytest.mark.parametrize("text", [None, "#888888", "#FFFFFF", "#5A3E2B"])
@pytest.mark.parametrize("accent", ACCENTS + ("#FFFFFF", "#000000"))
@pytest.mark.parametrize("name", THEMES)
def test_palette_pairs_read(tmp_path, name, accent, text):
    """Every text colour on every surface, and paper on the colours that carry text
    (the badge's number, the tempo bar's lift and hold), at 4.5:1 in theory too; the
    large-print theme aims at 7:1 (WCAG AAA)."""
    p = theme.palette_for(Theme(name=name, accent=accent, text=text), tmp_path)
    aim = theme.AAA if name == "high-contrast" else theme.AA
    for fore in (p.ink, p.muted, p.heading, p.accent_text):
        for back in (p.paper, p.panel, p.tint):
            assert theme.contrast(fore, back) >= aim, (fore, back)
    for back in (p.accent_text, p.ink):
        assert theme.contrast(p.paper, back) >= aim


def test_an_accent_is_deepened_only_as_far_as_it_must():
    """The trainer's yellow stays a yellow-brown, not black; a dark accent is kept."""
    p = theme.palette_for(Theme(accent="#FFD400"), None)
    red, green, blue = p.accent_text.rgb()
    assert red > 0.35 and green > 0.3 and blue < 0.05  # still the accent's hue
    assert min(theme.contrast(p.accent_text, back) for back in (p.paper, p.panel, p.tint)) < 4.7
    assert p.accent.hexval() == "0xffd400"  # bands and rules keep the colour as given
    dark = theme.palette_for(Theme(accent="#1D4ED8"), None)
    assert dark.accent_text.hexval() == "0x1d4ed8"
