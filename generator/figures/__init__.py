"""Exercise drawings made from one posed body.

`body` holds the figure (fixed human proportions, posed by joint angles), `figure`
turns a pose into drawable parts, `render` writes a drawing (poses, muscles,
movement, props) as a plain SVG. `sample` and `library` are the drawings themselves,
as data; `python -m generator.figures` writes every one of them.
"""

from __future__ import annotations

from pathlib import Path

from .render import Drawing, svg

PACKAGE = Path(__file__).resolve().parent.parent  # generator/
REPOSITORY = PACKAGE.parent


def destinations() -> dict[Path, Drawing]:
    """Every drawing file the repository holds, by where it is written."""
    from .library import LIBRARY
    from .sample import SAMPLE, STARTER

    out = {}
    for folder, drawings in ((REPOSITORY / "assets" / "images", SAMPLE),
                             (PACKAGE / "starter" / "images", STARTER),
                             (PACKAGE / "library" / "images", LIBRARY)):
        out.update({folder / f"{d.id}.svg": d for d in drawings})
    return out


def write_all() -> list[Path]:
    """(Re)writes every drawing; returns the files that changed."""
    changed = []
    for path, drawing in destinations().items():
        text = svg(drawing)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
