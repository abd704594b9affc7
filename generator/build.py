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
    booklet_size: str | None = None,
    strict: bool = False,
) -> BuildResult:
    """Build the poster and/or the booklet of the project at `where`.

    `poster_options` is a layout.poster.PosterOptions (size, orientation, bleed,
    crop marks, --only); None takes everything from handout.yaml.
    """
    project = load_project(where, strict=strict)

    # Imported here so that `check` and `--help` never load ReportLab's layout engine.
    from .images import ImageStore
    from .fonts import register_fonts
    from .layout.booklet import Booklet
    from .layout.poster import Poster
    from .output import build_epoch, pdf_date, write_atomic
    from .templates import Templates

    register_fonts()
    templates = Templates(project.root, project.settings.language)
    images = ImageStore()
    out_dir = out_dir or default_out_dir(project)
    outputs: list[tuple[Path, bytes]] = []
    epoch = build_epoch(project.input_files() + _template_files(templates))
    with pdf_date(epoch):
        if poster:
            data = Poster(project, templates, images, poster_options).build()
            outputs.append((poster_file or out_dir / f"{project.slug}-poster.pdf", data))
        if booklet:
            data = Booklet(project, templates, images, booklet_size).build()
            outputs.append((booklet_file or out_dir / f"{project.slug}-booklet.pdf", data))

    project.warnings += images.low_dpi_warnings()
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
