"""ReportLab's paragraph, its markup parsed once per style and its lines broken once
per width.

Platypus wraps one paragraph again and again at the same width: an exercise page is
measured, its box (a table) wraps its cells to size the rows and again to draw them,
and a name steps down in size. Breaking the lines is most of a booklet's layout
time, so the last result is kept while the width, the text and the style are the
ones it was made for.

The same texts are made into paragraphs again by every client's booklet and every
`watch` rebuild (headings, labels, the contents), and parsing their markup was a third
of making a booklet's blocks: what the parser made is kept by text and style, and each
paragraph gets its own copies of the pieces, which breaking lines may change.
"""

from __future__ import annotations

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.platypus import paragraph  # noqa: E402


_PARSED: dict[tuple, tuple] = {}  # (text, id(style), bullet, case) -> the parser's result
_PARSED_LIMIT = 20_000


class Paragraph(paragraph.Paragraph):
    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is not None or not isinstance(text, str) or not isinstance(bulletText, (str, type(None))):
            super()._setup(text, style, bulletText, frags, cleaner)
            self._pristine = self.frags
            return
        key = (text, id(style), bulletText, self.caseSensitive)
        kept = _PARSED.get(key)
        if kept is None or kept[0] is not style:  # the style itself is kept: its id is not reused
            super()._setup(text, style, bulletText, None, cleaner)
            if len(_PARSED) >= _PARSED_LIMIT:
                _PARSED.clear()
            kept = _PARSED[key] = (style, self.text, self.style, self.frags, self.bulletText)
        _, self.text, self.style, frags, bullet = kept
        self.frags = [f.clone() for f in frags]
        self.bulletText = [f.clone() for f in bullet] if isinstance(bullet, list) else bullet
        self.debug = 0
        self._pristine = self.frags

    def wrap(self, avail_w, avail_h):
        kept = self.__dict__.get("_wrapped")
        # The objects themselves are kept, so `is` cannot meet a new object at an old
        # one's address; the lines must still be there (a split may drop them).
        if (kept is not None and kept[0] == avail_w and kept[1] is self.frags and kept[2] is self.style
                and kept[3] is self.__dict__.get("blPara")):
            self.width, self.height = kept[4]
            return kept[4]
        # Breaking lines replaces the pieces with words, a word too long for this width
        # split in two; wrapped again, ReportLab starts from those, so a narrow trial
        # (the poster measures many widths) would change how a wider one is written.
        # Every width starts from the pieces as made.
        self.frags = self.__dict__.get("_pristine", self.frags)
        size = super().wrap(avail_w, avail_h)
        self._wrapped = (avail_w, self.frags, self.style, self.blPara, size)
        return size
