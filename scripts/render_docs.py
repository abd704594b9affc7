"""Render the README's pictures from the sample project: `python scripts/render_docs.py`.

Builds the sample into a temporary folder and writes PNGs of the poster and of some
booklet pages into docs/, using pypdfium2 (no system tools needed).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def render(pdf: Path, page_index: int, out: Path, width_px: int) -> None:
    document = pdfium.PdfDocument(str(pdf))
    page = document[page_index]
    scale = width_px / page.get_width()
    page.render(scale=scale).to_pil().convert("RGB").save(out, optimize=True)
    print(f"wrote {out.relative_to(REPO)}")


def booklet_page(pdf: Path, text: str) -> int:
    """The index of the first page after the contents whose text has `text`."""
    document = pdfium.PdfDocument(str(pdf))
    for index in range(2, len(document)):
        if text in document[index].get_textpage().get_text_range():
            return index
    raise SystemExit(f"no page with {text!r} in {pdf}")


def main() -> None:
    sys.path.insert(0, str(REPO))
    from generator.build import build
    from generator.layout.poster import PosterOptions

    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        build(REPO, out)
        poster = out / "ultimate-back-workout-poster.pdf"
        booklet = out / "ultimate-back-workout-booklet.pdf"
        render(poster, 0, DOCS / "poster-a3.png", 900)
        landscape = out / "letter-landscape.pdf"
        build(REPO, booklet=False, poster_file=landscape,
              poster_options=PosterOptions(size="Letter", orientation="landscape"))
        render(landscape, 0, DOCS / "poster-letter-landscape.png", 900)
        render(booklet, 0, DOCS / "booklet-cover.png", 420)
        render(booklet, 1, DOCS / "booklet-contents.png", 420)
        render(booklet, booklet_page(booklet, "Lying Superman"), DOCS / "booklet-exercise.png", 420)
        render(booklet, booklet_page(booklet, "Tick a box"), DOCS / "booklet-log.png", 420)
        render(booklet, len(pdfium.PdfDocument(str(booklet))) - 1, DOCS / "booklet-back.png", 420)
        # The phone booklet at a phone's width: 390 px, as a client sees it.
        from generator.layout.booklet import BookletOptions

        phone = out / "phone.pdf"
        build(REPO, poster=False, booklet_file=phone, booklet_options=BookletOptions(size="phone"))
        render(phone, booklet_page(phone, "Lying Superman"), DOCS / "booklet-phone.png", 390)
        render(high_contrast(out), 0, DOCS / "poster-high-contrast.png", 600)
        # The programme: the sample in blocks, with its phases (handout.yaml) and a log
        # that tracks pain and effort.
        poster_pdf, booklet_pdf = programme(out)
        render(poster_pdf, 0, DOCS / "programme-poster.png", 600)
        render(booklet_pdf, booklet_page(booklet_pdf, "Start, Week 1"), DOCS / "programme-exercise.png", 420)
        render(booklet_pdf, booklet_page(booklet_pdf, "Pain 0"), DOCS / "programme-log.png", 420)


def high_contrast(out: Path) -> Path:
    """The sample's poster in the large-print, black-on-white theme."""
    import shutil

    from generator.build import build

    project = out / "high-contrast"
    project.mkdir()
    shutil.copytree(REPO / "exercises", project / "exercises")
    shutil.copytree(REPO / "assets" / "images", project / "assets" / "images")
    text = (REPO / "handout.yaml").read_text(encoding="utf-8")
    (project / "handout.yaml").write_text(text + "theme: {name: high-contrast}\n", encoding="utf-8")
    pdf = out / "high-contrast.pdf"
    build(project, booklet=False, poster_file=pdf)
    return pdf


def programme(out: Path) -> tuple[Path, Path]:
    """The sample as a session in blocks (a warm-up, a circuit, a cool-down), tracked."""
    import shutil

    from generator.build import build

    project = out / "programme"
    project.mkdir()
    shutil.copytree(REPO / "exercises", project / "exercises")
    shutil.copytree(REPO / "assets" / "images", project / "assets" / "images")
    text = (REPO / "handout.yaml").read_text(encoding="utf-8")
    start = text.index("exercises:\n")
    end = text.index("\n", text.index("  - hip-raise", start)) + 1
    blocks = """blocks:
  - title: Warm-up
    exercises: [standing-lower-back-extension]
  - title: Main circuit
    rounds: 3
    rest: 90
    exercises: [lying-superman, superman-on-knees-and-hands, hip-raise]
  - title: Back and shoulders
    exercises: [lying-lower-back-extension, bent-over-shoulder-raise]
booklet:
  track: [pain, effort]
"""
    (project / "handout.yaml").write_text(text[:start] + blocks + text[end:], encoding="utf-8")
    poster_pdf, booklet_pdf = out / "programme-poster.pdf", out / "programme-booklet.pdf"
    build(project, poster_file=poster_pdf, booklet_file=booklet_pdf)
    return poster_pdf, booklet_pdf


if __name__ == "__main__":
    main()
