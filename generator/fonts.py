"""The bundled type family, and the ReportLab settings that must precede platypus.

ReportLab embeds TrueType fonts only and never the base-14 ones, so every piece of
text, table cells included, must use a registered .ttf face.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab import rl_config

from .lazyre import compiled_when_used

FAMILY = "Handout"
FACES = {
    FAMILY: "OpenSans-Regular.ttf",
    f"{FAMILY}-Bold": "OpenSans-Bold.ttf",
    f"{FAMILY}-Italic": "OpenSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "OpenSans-BoldItalic.ttf",
    f"{FAMILY}-Black": "OpenSans-ExtraBold.ttf",
}
REGULAR, BOLD, ITALIC, BLACK = FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic", f"{FAMILY}-Black"
# Read when first asked for: parsing a face costs ~5 ms, and only a trainer's
# *italic* uses these.
ON_DEMAND = (ITALIC, f"{FAMILY}-BoldItalic")

# Table cells and a fresh canvas start in this font; were it Helvetica, the file would
# reference an unembedded base-14 font. Must be set before platypus is imported.
rl_config.canvas_basefontname = FAMILY
rl_config.defaultGraphicsFontName = FAMILY  # svglib drawings start in it
# ASCII85 makes files 25% larger and photo builds ~70x slower.
rl_config.useA85 = 0
# A fixed document ID and dates taken from SOURCE_DATE_EPOCH (see output.py).
rl_config.invariant = 1


def font_dir() -> Path:
    """Fonts ship inside the wheel as generator/fonts; in a checkout, in assets/fonts."""
    here = Path(__file__).parent
    packaged = here / "fonts"
    return packaged if packaged.is_dir() else here.parent / "assets" / "fonts"


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the family. Runs when this module is imported, because importing
    reportlab.lib.styles already looks up the family of `canvas_basefontname`."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_dir()
    for name, filename in FACES.items():
        if name not in ON_DEMAND:
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, f"{FAMILY}-BoldItalic")):
        addMapping(FAMILY, bold, italic, face)
    # <b> inside a black heading stays black.
    for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(BLACK, bold, italic, BLACK)
    # ReportLab asks this function for a name it has not registered: the faces read
    # on demand are registered then, by their name, as if they had been all along.
    others = pdfmetrics.findFontAndRegister

    def find_font(name):
        if name in ON_DEMAND:
            pdfmetrics.registerFont(TTFont(name, str(folder / FACES[name])))
            return pdfmetrics.getFont(name)
        return others(name)

    pdfmetrics.findFontAndRegister = find_font


register_fonts()


# Imported here, before anything uses it, so that its slow patterns wait for their first use.
with compiled_when_used():
    import reportlab.platypus.paragraph  # noqa: E402, F401


class FontError(Exception):
    """Why a theme's font cannot be used, worded to follow its name."""


def theme_face(path: Path) -> str:
    """Parse a theme's .ttf once and register it; the name it is registered under.
    The name changes with the file, so an edited font is read again."""
    import hashlib

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    real = path.resolve()
    stat = real.stat()
    key = f"{real}|{stat.st_mtime_ns}|{stat.st_size}".encode()
    name = f"Theme-{hashlib.blake2b(key, digest_size=6).hexdigest()}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            face = TTFont(name, str(real))
        except Exception as exc:  # noqa: BLE001  a damaged file fails in struct, TTFError, IndexError...
            raise FontError(f"is damaged or not a complete TrueType font ({exc})") from None
        pdfmetrics.registerFont(face)
    return name
