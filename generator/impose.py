"""Imposition: the booklet's pages two to a sheet side, in saddle-stitch order.

Printed duplex (flip on the short edge), the stack folds in half and is stapled on
the fold. A5 pages go on A4 sheets, A4 on A3, Letter on Tabloid, landscape.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A3, A4, A5, LETTER, TABLOID, landscape
from reportlab.lib.units import mm

from .errors import HandoutError

# The sheet each page size is printed on, two pages a side (DESIGN: A5 on A4, A4 on A3,
# Letter on Tabloid). A5 is 148 mm wide and A4 297 mm, so the sheet is the paper's own
# size, not twice the page: a print shop's paper, with the spread centred on it.
SHEETS = [(A5, landscape(A4)), (A4, landscape(A3)), (LETTER, landscape(TABLOID))]


def sheet_for(width: float, height: float) -> tuple[float, float]:
    """The sheet (width, height) in points for pages of this size. A phone booklet has
    none: it is read on a screen, and no print shop stocks paper to fold it onto."""
    for page, sheet in SHEETS:
        if abs(page[0] - width) < 1 and abs(page[1] - height) < 1:
            return sheet
    raise HandoutError(f"--impose: a {width / mm:.0f} × {height / mm:.0f} mm booklet has no sheet to "
                       "print and fold it on (the phone size is read on screen); impose an A5, A4 "
                       "or Letter booklet: handout booklet --size A5 --impose")


def sheet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page numbers, 1-based, for each side of each sheet in turn; None
    is a blank. Pages are padded to a multiple of four, the blanks before the last page:
    the back page stays the back of the folded booklet, as a print shop expects."""
    padded = -(-pages // 4) * 4

    def real(n: int) -> int | None:
        if n == padded and pages > 1:
            return pages
        return n if n < pages or (n == pages and pages in (1, padded)) else None

    sides = []
    for sheet in range(padded // 4):
        outer, inner = 2 * sheet + 1, padded - 2 * sheet
        sides.append((real(inner), real(outer)))  # front: last | first
        sides.append((real(outer + 1), real(inner - 1)))  # back: second | second-last
    return sides


def impose(pdf: bytes) -> bytes:
    """The imposed PDF for the booklet `pdf`."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(pdf))
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    sheet_w, sheet_h = sheet_for(width, height)
    # The two pages meet at the fold, in the middle of the sheet.
    fold, bottom = sheet_w / 2, (sheet_h - height) / 2
    writer = PdfWriter()
    for left, right in sheet_order(len(reader.pages)):
        sheet = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        for number, offset in ((left, fold - width), (right, fold)):
            if number is not None:
                sheet.merge_transformed_page(reader.pages[number - 1],
                                             Transformation().translate(offset, bottom))
        writer.add_page(sheet)
    info = reader.metadata or {}
    writer.add_metadata({k: v for k, v in info.items() if k in ("/Title", "/Author", "/Subject",
                                                                 "/CreationDate", "/ModDate")})
    writer.add_metadata({"/Producer": "Handout", "/Creator": "Handout"})
    writer.create_viewer_preferences().print_scaling = NameObject("/None")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
