"""The poster's grid: how roomy it is, and where each card's picture and text go."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Density:
    image_share: float  # a stacked card's picture gets at least this share of its height
    measure: float  # the narrowest text column, in multiples of the body size
    pad: float = 0.9  # card padding, in multiples of the body size
    gap: float = 1.0  # space between cards, as a multiple of the roomy gap
    tight: bool = False  # tighter leading; the tempo bar only when there is no dose
    margin: float = 0.05  # page margin, as a share of the paper's short side


# Roomy first: big pictures and ~30-character lines. Denser only when that cannot fit;
# the tightest shows the dose or the tempo, as DESIGN allows, not both.
DENSITIES = (
    Density(0.33, 15),
    Density(0.22, 12),
    Density(0.10, 10, pad=0.6, gap=0.6, tight=True, margin=0.035),
)


def fitted_area(box_w: float, box_h: float, aspect: float) -> float:
    """The area a picture of this aspect ratio covers when contained in the box."""
    w = max(0.0, min(box_w, box_h * aspect))
    return w * (w / aspect)


@dataclass(frozen=True)
class Grid:
    base: float
    cols: int
    rows: int
    cell_w: float
    gap: float
    pad: float
    side_by_side: bool  # picture left of the text
    density: Density
    row_heights: tuple[float, ...] = ()  # each row as tall as its longest card needs
    image_h: float = 0.0  # the height of every stacked card's picture box
    picture_area: float = 0.0  # the smallest area a picture is shown at

    @property
    def text_w(self) -> float:
        if self.side_by_side:
            return self.cell_w * 0.55 - self.pad * 1.5
        return self.cell_w - 2 * self.pad

    def boxes(self, x: float, y: float, h: float):
        """The picture's box and the text's box in the card at (x, y), `h` tall."""
        pad, w = self.pad, self.cell_w
        if self.side_by_side:
            return ((x + pad, y + pad, w * 0.45 - pad, h - 2 * pad),
                    (x + w * 0.45 + pad * 0.5, y + pad, self.text_w, h - 2 * pad))
        # Every card's picture has the same height, so the names line up across a row.
        return ((x + pad, y + h - pad - self.image_h, self.text_w, self.image_h),
                (x + pad, y + pad, self.text_w, h - 2 * pad - self.image_h - pad * 0.6))
