"""The contrast of every piece of text in a PDF against what it sits on, measured
from the PDF itself: each character's fill colour as pdfium reads it, and the
background as pdfium draws the page with all text hidden.

Used by tests/test_contrast.py; run it on a file to see the worst runs:
    .venv/bin/python tests/colours.py out.pdf
"""

from __future__ import annotations

import ctypes
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

DPI = 72  # a pixel a point: a 9 pt letter is 9 pixels tall, plenty to find its background
AA = 4.5  # WCAG AA for body text


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an 8-bit sRGB colour."""
    lin = []
    for v in rgb:
        c = v / 255
        lin.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass
class Run:
    """Consecutive characters of one colour on one background."""

    page: int  # from 1
    text: str
    fill: tuple[int, int, int]
    back: tuple[int, int, int]

    @property
    def ratio(self) -> float:
        return ratio(self.fill, self.back)

    def __str__(self) -> str:
        hexes = ["#%02X%02X%02X" % c for c in (self.fill, self.back)]
        return f"page {self.page}: {self.text[:40]!r} {hexes[0]} on {hexes[1]} = {self.ratio:.2f}:1"


def _fill(textpage, index: int) -> tuple[int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    raw.FPDFText_GetFillColor(textpage, index, *(ctypes.byref(v) for v in (r, g, b, a)))
    return r.value, g.value, b.value


def _background(image, box, scale: float, origin: tuple[float, float]) -> tuple[int, int, int]:
    """The most common colour under a character's box (PDF points) in `image`, whose
    top left corner is the page point `origin`."""
    left, bottom, right, top = box
    x, y = origin
    x0, y0 = int((left - x) * scale), int((y - top) * scale)
    x1 = max(x0 + 1, int(round((right - x) * scale)))
    y1 = max(y0 + 1, int(round((y - bottom) * scale)))
    patch = image.crop((x0, y0, x1, y1))
    return max(patch.getcolors(patch.width * patch.height))[1]


def text_runs(pdf: Path | bytes, dpi: int = DPI) -> list[Run]:
    """Every run of visible characters in `pdf` with its fill and background colour."""
    doc = pdfium.PdfDocument(pdf)
    scale = dpi / 72
    runs: list[Run] = []
    try:
        for number, page in enumerate(doc, 1):
            textpage = page.get_textpage()
            chars = []
            space = False  # a space before the next character, for a readable run
            for i in range(textpage.count_chars()):
                char = chr(raw.FPDFText_GetUnicode(textpage, i))
                if char.isspace() or not char.isprintable() or raw.FPDFText_IsGenerated(textpage, i) == 1:
                    space = True
                    continue
                mode = raw.FPDFTextObj_GetTextRenderMode(raw.FPDFText_GetTextObject(textpage, i))
                if mode == raw.FPDF_TEXTRENDERMODE_INVISIBLE:  # an image's alt text, for readers
                    continue
                chars.append((" " + char if space else char, _fill(textpage, i), textpage.get_charbox(i)))
                space = False
            # The same page with every text object (forms included) made invisible.
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
                raw.FPDFTextObj_SetTextRenderMode(obj, raw.FPDF_TEXTRENDERMODE_INVISIBLE)
            image = page.render(scale=scale).to_pil().convert("RGB")
            left, _, _, top = page.get_bbox()  # the rendered box: the crop box
            for char, fill, box in chars:
                back = _background(image, box, scale, (left, top))
                if runs and runs[-1].page == number and runs[-1].fill == fill and runs[-1].back == back:
                    runs[-1].text += char
                else:
                    runs.append(Run(number, char.lstrip(), fill, back))
    finally:
        doc.close()
    return runs


def failures(pdf: Path | bytes, minimum: float = AA) -> list[Run]:
    return [run for run in text_runs(pdf) if run.ratio < minimum]


if __name__ == "__main__":
    for path in sys.argv[1:]:
        found = sorted(text_runs(Path(path)), key=lambda r: r.ratio)
        print(path, len(found), "runs")
        for run in found[:15]:
            print("  ", run)
