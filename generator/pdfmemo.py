"""What ReportLab computes again for every PDF of a process, kept: a stream's
compressed bytes, and a font subset's file.

Client booklets and `watch` rebuilds write the same pages, drawings and font subsets
again and again: 49 of a client booklet's 50 streams are byte-identical to the
previous client's, and compressing them and cutting the subsets was ~5 ms of its
~55. Both are pure functions of their input, so the kept result is the very bytes
ReportLab would make. Imported by output.py, which every PDF goes through.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfdoc, ttfonts

_LIMIT = 64 * 1024 * 1024  # bytes of input kept, at most, before starting afresh
_COMPRESSED: dict[bytes, bytes] = {}
_kept = 0
_compress = pdfdoc.PDFZCompress.encode


def _compressed(text) -> bytes:
    global _kept
    data = text.encode("utf8") if isinstance(text, str) else bytes(text)
    out = _COMPRESSED.get(data)
    if out is None:
        out = _compress(data)
        if _kept + len(data) > _LIMIT:
            _COMPRESSED.clear()
            _kept = 0
        _COMPRESSED[data] = out
        _kept += len(data)
    return out


# The one Flate filter ReportLab uses for pages, forms, fonts and their maps.
pdfdoc.PDFZCompress.encode = _compressed

_SUBSETS: dict[tuple, tuple] = {}  # (id(face), glyphs) -> (face, the subset's file)
_make_subset = ttfonts.TTFontFace.makeSubset


def _subset(face, subset):
    key = (id(face), tuple(subset))
    kept = _SUBSETS.get(key)
    if kept is None or kept[0] is not face:  # the face itself is kept: its id is not reused
        if len(_SUBSETS) > 512:
            _SUBSETS.clear()
        kept = _SUBSETS[key] = (face, _make_subset(face, subset))
    return kept[1]


ttfonts.TTFontFace.makeSubset = _subset
