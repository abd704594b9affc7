"""Paragraphs broken into lines once per width (layout/para.py), with the same lines
as ReportLab's own paragraph."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph

from generator.fonts import REGULAR
from generator.layout.para import Paragraph

TEXT = "Lie on your back with your knees bent and your feet flat on the floor, hip-width apart. " * 3
STYLE = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13)


def _lines(para) -> list:
    return [(line.words if hasattr(line, "words") else line[1]) for line in para.blPara.lines]


def test_the_same_lines_and_height_as_reportlab(monkeypatch):
    ours, theirs = Paragraph(TEXT, STYLE), paragraph.Paragraph(TEXT, STYLE)
    for width in (120, 300, 120):
        assert ours.wrap(width, 1000) == theirs.wrap(width, 1000)
        assert [str(x) for x in _lines(ours)] == [str(x) for x in _lines(theirs)]


def test_lines_are_broken_again_only_when_the_width_or_style_changes(monkeypatch):
    broken = []
    original = paragraph.Paragraph.breakLines
    monkeypatch.setattr(paragraph.Paragraph, "breakLines",
                        lambda self, widths: broken.append(widths) or original(self, widths))
    para = Paragraph(TEXT, STYLE)
    para.wrap(200, 1000)
    para.wrap(200, 50)  # the height offered does not change the lines
    assert len(broken) == 1
    para.wrap(150, 1000)
    assert len(broken) == 2
    para.style = ParagraphStyle("bigger", parent=STYLE, fontSize=14, leading=18)
    height = para.wrap(150, 1000)[1]
    assert len(broken) == 3 and height > 0


def test_a_split_paragraph_still_draws(monkeypatch):
    para = Paragraph(TEXT, STYLE)
    height = para.wrap(200, 1000)[1]
    parts = para.split(200, height / 2)
    assert len(parts) == 2
    for part in parts:
        assert part.wrap(200, 1000)[1] > 0
    # Too little room: ReportLab drops the lines and moves the paragraph on whole.
    assert para.split(200, 5) == []
    assert para.wrap(200, 1000)[1] == height


MIXED = "<b>Hold</b> for 30\u00a0s, then <i>breathe out</i> as you lower. " * 4


def _drawn(para, width: float) -> bytes:
    """What the paragraph draws at `width`, as PDF operators."""
    from reportlab.pdfgen.canvas import Canvas

    canv = Canvas(None)
    para.wrap(width, 1000)
    para.drawOn(canv, 0, 0)
    return "\n".join(canv._code).encode()


def test_a_text_is_parsed_once_per_style_and_each_paragraph_has_its_own_pieces(monkeypatch):
    parsed = []
    original = paragraph.ParaParser.parse
    monkeypatch.setattr(paragraph.ParaParser, "parse",
                        lambda self, text, style: parsed.append(text) or original(self, text, style))
    first, second = Paragraph(MIXED, STYLE), Paragraph(MIXED, STYLE)
    assert len(parsed) == 1
    assert first.frags is not second.frags and first.frags[0] is not second.frags[0]
    other = ParagraphStyle("other", parent=STYLE, fontSize=12, leading=15)
    Paragraph(MIXED, other)
    assert len(parsed) == 2
    # Breaking and splitting one paragraph leaves the next one made from the text as
    # ReportLab's own paragraph is.
    first.wrap(90, 1000)
    first.split(90, 40)
    theirs = paragraph.Paragraph(MIXED, STYLE)
    for width in (90, 260):
        assert _drawn(second, width) == _drawn(theirs, width)
        assert _drawn(Paragraph(MIXED, STYLE), width) == _drawn(theirs, width)


def test_booklets_share_style_objects_but_not_the_dict():
    from generator.layout.blocks import make_styles

    one, two = make_styles(10.0), make_styles(10.0)
    assert one is not two and one["body"] is two["body"]
    one["body"] = ParagraphStyle("changed", parent=one["body"], fontSize=20)
    assert make_styles(10.0)["body"].fontSize != 20


def test_a_block_rendered_again_shares_its_elements_and_their_markup(tmp_path, monkeypatch):
    """The next client's booklet reads a block it rendered before neither from the
    cache nor from its text again: the same elements, the same markup."""
    import xml.etree.ElementTree as ET

    from generator import templates as module
    from generator.layout.blocks import inner_markup

    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "project").mkdir()
    templates = module.templates_for(tmp_path / "project")
    context = dict(key="intro", title="Einführung", body="Stärke *zählt* – jeden Tag.", lead=True)
    first = templates.render("section.xml", **context)
    templates.flush()  # checked and kept, as a build ends
    monkeypatch.setattr(module, "_parse", lambda text: pytest.fail("read again"))
    again, third = templates.render("section.xml", **context), templates.render("section.xml", **context)
    assert again.text == first.text and [id(el) for el in first] == [id(el) for el in again] == [id(el) for el in third]
    for element in (e for el in again for e in el.iter()):
        whole = ET.tostring(element, encoding="unicode")
        expected = whole[whole.find(">") + 1:whole.rfind("</")] if whole.rfind("</") > whole.find(">") else ""
        assert inner_markup(element) == inner_markup(element) == expected


def _drawn(para, width: float) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(None)
    para.wrap(width, 1000)
    para.drawOn(canvas, 0, 0)
    return "\n".join(canvas._code).encode("latin-1")


def test_a_narrow_trial_does_not_change_how_a_wider_width_is_written():
    """The poster measures a card at many widths: a word split to fit a narrow one
    (a video's address) must not stay split, written in pieces, at the width chosen,
    or a rebuild that tries other widths first would write other bytes."""
    address = "vimeo.example/123?t=4&amp;x=&lt;y&gt;"
    tried = Paragraph(address, STYLE)
    for width in (20, 60):
        tried.wrap(width, 1000)
    assert _drawn(tried, 300) == _drawn(Paragraph(address, STYLE), 300)
    assert "(x=)" in _drawn(tried, 300).decode("latin-1")
