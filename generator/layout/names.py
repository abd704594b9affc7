"""Names that fit their column: broken at hyphens, then set smaller, never refused.

German and Dutch exercise names are long compounds ("Hüftbeuger-Dehnung"). ReportLab
breaks lines only at spaces, so a compound wider than a poster's column either
overflows or is chopped at a letter. A name here is broken where a typesetter would:
at spaces, then after a hyphen; a word still too wide steps the size down, to
the style's `minSize` (else
80% of its size); past that, and only then, the word is split between
letters with a hyphen, so one long word never refuses a poster.
"""

from __future__ import annotations

import html
import re

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from .para import Paragraph  # noqa: E402
from markupsafe import escape  # noqa: E402

SIZE_STEP = 0.05  # of the style's size, between one size tried and the next
_MARKUP = re.compile(r"<[^>]+>")


def pieces(text: str, hyphens: bool = True) -> list[str]:
    """The unbreakable runs of `text`: words, split after each inner hyphen (a hyphen
    keeps to the piece before it) when `hyphens`. A space follows a piece that ends a
    word."""
    out: list[str] = []
    for word in text.split():
        parts = re.split(r"(?<=[\-\u2010])(?=\w)", word) if hyphens else [word]
        out += [p for p in parts[:-1]] + [parts[-1] + " "]
    if out:
        out[-1] = out[-1].rstrip()
    return out


def lines(text: str, font: str, size: float, width: float, strict: bool = True) -> list[str] | None:
    """`text` broken into lines no wider than `width` at spaces and after hyphens. A
    piece wider than `width` on its own makes it None, or with `strict` off, a line
    of its own."""
    # Words are broken at their hyphens only when one is too wide whole: "Band
    # Pull-Apart" breaks at its space, "Hüftbeuger-Dehnung" in a narrow column after "-".
    whole = all(stringWidth(w, font, size) <= width for w in text.split())
    result: list[str] = []
    line = ""
    for piece in pieces(text, hyphens=not whole):
        if stringWidth(piece.rstrip(), font, size) > width:
            if strict:
                return None
            result += [line.rstrip(), piece.rstrip()] if line.strip() else [piece.rstrip()]
            line = ""
            continue
        trial = line + piece
        if line and stringWidth(trial.rstrip(), font, size) > width:
            result.append(line.rstrip())
            line = piece
        else:
            line = trial
    if line.strip():
        result.append(line.rstrip())
    return result


def split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for any line, cut between letters, each cut marked with a hyphen."""
    out, rest = [], word
    while stringWidth(rest, font, size) > width and len(rest) > 1:
        cut = len(rest) - 1
        while cut > 1 and stringWidth(rest[:cut] + "-", font, size) > width:
            cut -= 1
        out.append(rest[:cut] + "-")
        rest = rest[cut:]
    return out + [rest]


class Name(Paragraph):
    """A name or heading laid out by `lines`: it steps down in size to hold its longest
    word, to its style's `minSize`. Markup in the text (a template's own <b> or
    <font>) is kept as ReportLab lays it out."""

    def __init__(self, text: str, style: ParagraphStyle, **kw):
        self.source, self.full_style = text, style
        self.min_scale = getattr(style, "minSize", style.fontSize * 0.8) / style.fontSize
        self._laid: tuple[float, str, ParagraphStyle] | None = None
        super().__init__(text, style, **kw)

    def _layout(self, width: float) -> tuple[str, ParagraphStyle]:
        if _MARKUP.search(self.source):
            return self.source, self.full_style
        plain = html.unescape(self.source)
        style = self.full_style
        scale = 1.0
        while True:
            size = style.fontSize * scale
            found = lines(plain, style.fontName, size, width)
            if found is not None or scale - SIZE_STEP < self.min_scale - 1e-9:
                break
            scale -= SIZE_STEP
        if found is None:  # still too wide at the smallest size: cut between letters
            found = []
            for line in lines(plain, style.fontName, size, width, strict=False):
                found += split_word(line, style.fontName, size, width)
        if scale < 1.0:
            style = ParagraphStyle(style.name, parent=style, fontSize=size,
                                   leading=style.leading * scale)
        return "<br/>".join(str(escape(line)) for line in found), style

    def wrap(self, avail_w, avail_h):
        if self._laid is None or abs(self._laid[0] - avail_w) > 0.01:
            text, style = self._layout(avail_w)
            self._laid = (avail_w, text, style)
            Paragraph.__init__(self, text, style, bulletText=self.bulletText)
        return super().wrap(avail_w, avail_h)

