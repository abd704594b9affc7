"""A contact sheet of drawings (each with its id under it) as a PNG, drawn through
the product's own SVG loader so it shows what a booklet shows. Needs pypdfium2 (a
test dependency) to turn the page into pixels."""

from __future__ import annotations

import tempfile
from pathlib import Path

COLUMNS, CELL, LABEL = 6, 150.0, 14.0  # points


def contact_sheet(files: list[Path], out: Path, scale: float = 2.0) -> Path:
    import pypdfium2
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen import canvas

    from ..fonts import REGULAR  # registers the bundled family
    from ..svg import parse

    rows = (len(files) + COLUMNS - 1) // COLUMNS
    width, height = COLUMNS * CELL, rows * (CELL + LABEL)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sheet.pdf"
        page = canvas.Canvas(str(pdf), pagesize=(width, height), invariant=1)
        for index, path in enumerate(files):
            drawing = parse(path, path.parent)
            fit = min((CELL - 16) / drawing.width, (CELL - 16) / drawing.height)
            drawing.scale(fit, fit)
            col, row = index % COLUMNS, index // COLUMNS
            left = col * CELL + (CELL - drawing.width * fit) / 2
            top = height - row * (CELL + LABEL)
            renderPDF.draw(drawing, page, left, top - 8 - (CELL - 16 + drawing.height * fit) / 2)
            page.setFont(REGULAR, 9)
            page.drawCentredString(col * CELL + CELL / 2, top - CELL - 6, path.stem)
        page.save()
        document = pypdfium2.PdfDocument(str(pdf))
        image = document[0].render(scale=scale).to_pil()
        document.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").save(out, optimize=True)
    return out


def library_sheet(out: Path) -> Path:
    from . import PACKAGE

    return contact_sheet(sorted((PACKAGE / "library" / "images").glob("*.svg")), out)
