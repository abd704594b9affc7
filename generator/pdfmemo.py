"""What ReportLab computes again for every PDF of a process, kept: a stream's
compressed bytes, a font subset's file, and the bytes of the names, numbers and
words every PDF object is written with.

Client booklets and `watch` rebuilds write the same pages, drawings and font subsets
again and again: 49 of a client booklet's 50 streams are byte-identical to the
previous client's, and compressing them and cutting the subsets was ~5 ms of its
~55. Both are pure functions of their input, so the kept result is the very bytes
ReportLab would make. Imported by output.py, which every PDF goes through.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
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


# Writing a PDF formats every name, number and word of every object one at a time:
# ~3,000 of them for a 13-page booklet, mostly the same few hundred (/Type, widths,
# coordinates), each through isinstance checks and a codec lookup. The same value is
# formatted to the same bytes, so they are kept. pdfdoc's own functions call these by
# their module-level names, which is what is replaced here.
_format = pdfdoc.format
_WORDS: dict = {}


def _format_kept(element, document, toplevel=0):
    kind = type(element)
    if kind is str or kind is int or kind is float:  # not bool, not a subclass: ReportLab's order
        out = _WORDS.get((kind is str, element))
        if out is None:
            if len(_WORDS) > 65536:
                _WORDS.clear()
            text = element if kind is str else fp_str(element)  # fp_str: -0.0, 0 and 0.0 alike
            out = _WORDS[kind is str, element] = text.encode("extpdfdoc")
        return out
    if kind is bytes:
        return element
    return _format(element, document, toplevel)


pdfdoc.format = _format_kept
pdfdoc.PDFName = lru_cache(maxsize=4096)(pdfdoc.PDFName)
