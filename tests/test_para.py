"""Paragraphs broken into lines once per width (layout/para.py), with the same lines
as ReportLab's own paragraph."""

from __future__ import annotations

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
