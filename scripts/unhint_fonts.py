"""Strip the TrueType hinting from the bundled Open Sans faces (run once, by hand).

Hinting (the `fpgm`, `prep` and `cvt ` tables and each glyph's instructions) snaps
outlines to a screen's pixel grid. PDF viewers on phones and computers, and printers
at 300 dpi and more, rasterise the outlines themselves, so the instructions only add
bytes to every PDF: ~30% of each embedded face. The outlines, metrics and kerning
are unchanged. Open Sans is Apache 2.0, which allows the change.

Needs fontTools (`pip install fonttools`), which Handout itself does not use:
    python scripts/unhint_fonts.py assets/fonts/*.ttf
"""

from __future__ import annotations

import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX")


def unhint(path: str) -> None:
    font = TTFont(path, recalcTimestamp=False)
    for table in HINTING_TABLES:
        if table in font:
            del font[table]
    glyphs = font["glyf"]
    for name in glyphs.keys():
        glyph = glyphs[name]
        if hasattr(glyph, "program"):
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b"")
    font.save(path)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        unhint(path)
