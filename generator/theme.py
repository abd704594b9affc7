"""Themes: the project's `theme:` turned into a Palette for the layout.

`default` is the house style; `bold` puts the accent on names and headings and tints
the cards; `high-contrast` is large print, black on white, with ruled cards instead
of grey panels, for older clients and for photocopies. `accent` and `text` override
the colours, `fonts` the faces, `corners` the rounding.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib import colors  # noqa: E402

from .layout.blocks import PALETTE, Palette  # noqa: E402
from .models import Theme  # noqa: E402

WHITE = colors.white
BLACK_INK = colors.HexColor("#000000")


def mix(color: colors.Color, share: float, other: colors.Color = WHITE) -> colors.Color:
    """`share` of `color`, the rest `other`."""
    return colors.Color(*(share * a + (1 - share) * b for a, b in
                          zip(color.rgb(), other.rgb())))


def contrast(a: colors.Color, b: colors.Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    def luminance(c: colors.Color) -> float:
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c.rgb()]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: colors.Color, backgrounds: list[colors.Color], ratio: float = 4.5) -> colors.Color:
    """`color`, darkened just enough to read at `ratio` on every background: a trainer's
    orange stays orange, only deeper (DESIGN: every text at least 4.5:1)."""
    for step in range(21):
        candidate = mix(color, 1 - step * 0.05, BLACK_INK)
        if all(contrast(candidate, back) >= ratio + 0.05 for back in backgrounds):
            return candidate
    return BLACK_INK


def palette_for(theme: Theme, root: Path) -> Palette:
    palette = PALETTE
    accent = colors.toColor(theme.accent) if theme.accent else palette.accent
    ink = colors.toColor(theme.text) if theme.text else palette.ink
    if theme.name == "high-contrast":
        ink = colors.toColor(theme.text) if theme.text else BLACK_INK
        accent = colors.toColor(theme.accent) if theme.accent else BLACK_INK
        palette = replace(palette, accent=accent, ink=ink, muted=ink, heading=ink, tint=WHITE,
                          panel=WHITE, rule=ink, border=ink, scale=1.25)
    elif theme.name == "bold":
        palette = replace(palette, accent=accent, ink=ink, muted=mix(ink, 0.8), heading=accent,
                          tint=mix(accent, 0.12), panel=mix(accent, 0.08), rule=mix(accent, 0.35))
    else:
        palette = replace(palette, accent=accent, ink=ink, muted=mix(ink, 0.75), heading=ink,
                          tint=mix(accent, 0.09))
    backgrounds = [palette.paper, palette.panel, palette.tint]
    palette = replace(palette, accent_text=readable(palette.accent, backgrounds),
                      heading=readable(palette.heading, backgrounds),
                      muted=readable(palette.muted, backgrounds))
    if theme.fonts:
        palette = replace(palette, **_faces(theme, root))
    return replace(palette, round=theme.corners == "round")


def _faces(theme: Theme, root: Path) -> dict[str, str]:
    """Register the theme's .ttf files as a family; a missing style falls back."""
    from reportlab.lib.fonts import addMapping

    from .errors import HandoutError
    from .project import outside_problem

    names = {}
    for style, relative in theme.fonts.items():
        # Checked when the project was loaded; again here, where the file is read.
        problem = outside_problem(root, relative)
        if problem:
            raise HandoutError(problem, root / relative)
        try:
            names[style] = fonts.theme_face(root / relative)
        except fonts.FontError as exc:
            raise HandoutError(f"'{relative}' {exc}", root / relative) from None
    regular = names["regular"]  # required by the model when fonts are given
    bold = names.get("bold") or regular
    italic = names.get("italic") or regular
    bold_italic = names.get("bold_italic") or bold
    for b, i, face in ((0, 0, regular), (1, 0, bold), (0, 1, italic), (1, 1, bold_italic)):
        addMapping(regular, b, i, face)
    return {"regular": regular, "bold": bold, "black": bold}
