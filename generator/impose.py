"""Imposition: the booklet's pages two to a sheet side, in saddle-stitch order.

Printed duplex (flip on the short edge), the stack folds in half and is stapled on
the fold. A5 pages go on A4 sheets, A4 on A3, Letter on Tabloid, landscape.
"""

from __future__ import annotations

import io


def sheet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page numbers, 1-based, for each side of each sheet in turn; None
    is a blank. Pages are padded to a multiple of four."""
    padded = -(-pages // 4) * 4

    def real(n: int) -> int | None:
        return n if n <= pages else None

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
    writer = PdfWriter()
    for left, right in sheet_order(len(reader.pages)):
        sheet = PageObject.create_blank_page(width=2 * width, height=height)
        for number, offset in ((left, 0.0), (right, width)):
            if number is not None:
                sheet.merge_transformed_page(reader.pages[number - 1], Transformation().translate(offset, 0))
        writer.add_page(sheet)
    info = reader.metadata or {}
    writer.add_metadata({k: v for k, v in info.items() if k in ("/Title", "/Author", "/Subject",
                                                                 "/CreationDate", "/ModDate")})
    writer.add_metadata({"/Producer": "Handout", "/Creator": "Handout"})
    writer.create_viewer_preferences().print_scaling = NameObject("/None")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
