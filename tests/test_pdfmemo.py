"""Compressed streams and font subsets kept within a process (pdfmemo.py) are the
bytes ReportLab itself makes; a booklet made after others is the booklet made alone."""

from __future__ import annotations

import zlib

from hypothesis import given, settings, strategies as st
from reportlab.pdfbase import pdfdoc, pdfmetrics

from generator import fonts, pdfmemo


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=4000), st.text(max_size=2000)))
def test_a_kept_stream_is_what_zlib_makes(data):
    raw = data.encode("utf8") if isinstance(data, str) else data
    assert pdfdoc.PDFZCompress.encode(data) == zlib.compress(raw)
    assert pdfdoc.PDFZCompress.encode(data) == zlib.compress(raw)  # the second time, kept


def test_the_kept_streams_start_afresh_past_the_limit(monkeypatch):
    monkeypatch.setattr(pdfmemo, "_LIMIT", 10_000)
    monkeypatch.setattr(pdfmemo, "_COMPRESSED", {})
    monkeypatch.setattr(pdfmemo, "_kept", 0)
    for n in range(20):
        pdfdoc.PDFZCompress.encode(bytes([n]) * 1000)
    assert pdfmemo._kept <= 10_000 and len(pdfmemo._COMPRESSED) <= 10


def test_a_kept_subset_is_the_faces_own_and_no_other_faces():
    regular = pdfmetrics.getFont(fonts.REGULAR).face
    bold = pdfmetrics.getFont(fonts.BOLD).face
    glyphs = [ord(c) for c in "Hold 30 s – übung ×"]
    made = pdfmemo._make_subset(regular, glyphs)
    assert regular.makeSubset(glyphs) == made
    assert regular.makeSubset(list(glyphs)) == made  # kept
    assert bold.makeSubset(glyphs) == pdfmemo._make_subset(bold, glyphs) != made


_VALUES = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
                    st.text(alphabet=st.characters(codec="latin-1"), max_size=40), st.booleans(), st.binary(max_size=20),
                    st.builds(lambda s: pdfdoc.PDFString(s), st.text(max_size=20)))


@settings(max_examples=300, deadline=None)
@given(st.lists(_VALUES, min_size=1, max_size=6))
def test_kept_words_are_the_bytes_reportlab_writes(values):
    document = pdfdoc.PDFDocument()
    for value in values * 2:  # the second time, kept
        assert _outcome(pdfdoc.format, value, document) == _outcome(pdfmemo._format, value, document)


def _outcome(format, value, document):
    """The bytes, or the error ReportLab raises (a control character has no PDFDocEncoding; fp_str refuses 1e20)."""
    try:
        return format(value, document)
    except (UnicodeEncodeError, ValueError) as exc:
        return type(exc)


@given(st.text(max_size=30))
def test_a_kept_name_is_reportlabs(name):
    assert pdfdoc.PDFName(name) == pdfdoc.PDFName.__wrapped__(name)
    assert pdfdoc.PDFName(name) == pdfdoc.PDFName.__wrapped__(name)


def test_a_bool_and_a_one_are_not_the_same_word():
    document = pdfdoc.PDFDocument()
    assert pdfdoc.format(1, document) == b"1"
    assert pdfdoc.format(True, document) == b"True"  # ReportLab's own, kept apart from 1
    assert pdfdoc.format(1.0, document) == b"1"
