"""Building outputs: load everything, lay out in memory, then write.

Nothing is written until every requested PDF has been made, so a failed build leaves
the last good files untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import HandoutError, Problem
from .project import LoadedProject, load_project


@dataclass
class BuildResult:
    project: LoadedProject
    written: list[Path] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return self.project.warnings


def default_out_dir(project: LoadedProject) -> Path:
    return project.root / "out"


def build(
    where: Path,
    out_dir: Path | None = None,
    *,
    poster: bool = True,
    booklet: bool = True,
    poster_file: Path | None = None,
    booklet_file: Path | None = None,
    poster_options=None,
    booklet_options=None,
    strict: bool = False,
) -> BuildResult:
    """Build the poster and/or the booklet of the project at `where`.

    `poster_options` is a layout.poster.PosterOptions (size, orientation, bleed,
    crop marks, --only), `booklet_options` a layout.booklet.BookletOptions (size,
    profile, impose); None takes everything from handout.yaml.
    """
    project = load_project(where, strict=strict)

    # Imported here so that `check` and `--help` never load ReportLab's layout engine.
    from .images import ImageStore
    from .fonts import register_fonts
    from .impose import impose
    from .layout.booklet import Booklet, BookletOptions
    from .layout.poster import Poster
    from .output import build_epoch, pdf_date, write_atomic
    from .templates import Templates

    register_fonts()
    templates = Templates(project.root, project.settings.language)
    booklet_options = booklet_options or BookletOptions()
    # The poster goes to a print shop: photos at print resolution. The booklet's
    # profile decides its own.
    poster_images = ImageStore("print")
    booklet_images = ImageStore(booklet_options.profile or project.settings.booklet.profile)
    out_dir = out_dir or default_out_dir(project)
    outputs: list[tuple[Path, bytes]] = []
    epoch = build_epoch(project.input_files() + _template_files(templates))
    with pdf_date(epoch):
        if poster:
            data = Poster(project, templates, poster_images, poster_options).build()
            outputs.append((poster_file or out_dir / f"{project.slug}-poster.pdf", data))
        if booklet:
            data = Booklet(project, templates, booklet_images, booklet_options).build()
            path = booklet_file or out_dir / f"{project.slug}-booklet.pdf"
            outputs.append((path, data))
            if booklet_options.impose:
                outputs.append((path.with_name(f"{path.stem}-imposed.pdf"), impose(data)))

    low = {p.path: p for p in poster_images.low_dpi_warnings() + booklet_images.low_dpi_warnings()}
    project.warnings += list(low.values())
    if strict and project.warnings:
        raise HandoutError([w.as_error() for w in project.warnings])
    result = BuildResult(project)
    for path, data in outputs:
        write_atomic(path, data)
        result.written.append(path)
    return result


def _template_files(templates) -> list[Path]:
    folder = templates.user_dir
    return sorted(folder.rglob("*")) if folder.is_dir() else []


def check(where: Path, strict: bool = False) -> LoadedProject:
    """Load and validate everything; build nothing."""
    return load_project(where, strict=strict)
