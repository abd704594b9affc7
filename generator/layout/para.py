"""ReportLab's paragraph, broken into lines once per width.

Platypus wraps one paragraph again and again at the same width: an exercise page is
measured, its box (a table) wraps its cells to size the rows and again to draw them,
and a name steps down in size. Breaking the lines is most of a booklet's layout
time, so the last result is kept while the width, the text and the style are the
ones it was made for.
"""

from __future__ import annotations

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.platypus import paragraph  # noqa: E402


class Paragraph(paragraph.Paragraph):
    def wrap(self, avail_w, avail_h):
        kept = self.__dict__.get("_wrapped")
        # The objects themselves are kept, so `is` cannot meet a new object at an old
        # one's address; the lines must still be there (a split may drop them).
        if (kept is not None and kept[0] == avail_w and kept[1] is self.frags and kept[2] is self.style
                and kept[3] is self.__dict__.get("blPara")):
            self.width, self.height = kept[4]
            return kept[4]
        size = super().wrap(avail_w, avail_h)
        self._wrapped = (avail_w, self.frags, self.style, self.blPara, size)
        return size
