"""Themes: the project's `theme:` turned into a Palette for the layout.

`default` is the house style; `bold` puts the accent on names and headings and tints
the cards; `high-contrast` is large print, black on white, with ruled cards instead
of grey panels, for older clients and for photocopies. `accent` and `text` override
the colours, `fonts` the faces, `corners` the rounding. Whatever the colours given,
every text reads at 4.5:1 or more on what it sits on (WCAG AA; 7:1 in high-contrast).
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


AA = 4.5  # WCAG AA, for body text: the floor for every text (DESIGN)
AAA = 7.0  # WCAG AAA: the high-contrast theme's aim, for older eyes and photocopies


def readable(color: colors.Color, backgrounds: list[colors.Color], ratio: float = AA) -> colors.Color:
    """`color`, darkened just enough to read at `ratio` on every background: a trainer's
    orange stays orange, only deeper. The margin survives rounding to 8-bit colour."""
    for step in range(101):
        candidate = mix(color, 1 - step * 0.01, BLACK_INK)
        if all(contrast(candidate, back) >= ratio + 0.05 for back in backgrounds):
            return candidate
    return BLACK_INK


def palette_for(theme: Theme, root: Path) -> Palette:
    accent = colors.toColor(theme.accent) if theme.accent else PALETTE.accent
    ink = colors.toColor(theme.text) if theme.text else PALETTE.ink
    if theme.name == "high-contrast":
        accent = accent if theme.accent else BLACK_INK
        ink = ink if theme.text else BLACK_INK
        palette = replace(PALETTE, tint=WHITE, panel=WHITE, scale=1.25)
    elif theme.name == "bold":
        palette = replace(PALETTE, tint=mix(accent, 0.12), panel=mix(accent, 0.08),
                          rule=mix(accent, 0.35))
    else:
        palette = replace(PALETTE, tint=mix(accent, 0.09))
    # Every colour that is text, or carries text (the badge, the tempo bar), reads at
    # 4.5:1 (7:1 in high-contrast) on every surface text sits on; a trainer's pale
    # accent or grey `text:` is deepened for text only: bands and rules keep it as given.
    backgrounds = [palette.paper, palette.panel, palette.tint]
    aim = AAA if theme.name == "high-contrast" else AA
    ink = readable(ink, backgrounds, aim)
    muted = {"high-contrast": ink, "bold": mix(ink, 0.8)}.get(theme.name, mix(ink, 0.75))
    heading = accent if theme.name == "bold" else ink
    palette = replace(palette, accent=accent, ink=ink, muted=readable(muted, backgrounds, aim),
                      heading=readable(heading, backgrounds, aim),
                      accent_text=readable(accent, backgrounds, aim))
    if theme.name == "high-contrast":
        palette = replace(palette, rule=ink, border=ink)
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
