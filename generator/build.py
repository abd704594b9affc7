"""Building outputs: load everything, lay out in memory, then write.

Nothing is written until every requested PDF has been made, so a failed build leaves
the last good files untouched.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import HandoutError, Problem
from .project import CLIENT_FILES, LoadedProject, load_project


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
    transform=None,
) -> BuildResult:
    """Build the poster and/or the booklet of the project at `where`.

    `poster_options` is a layout.poster.PosterOptions (size, orientation, bleed,
    crop marks, --only), `booklet_options` a layout.booklet.BookletOptions (size,
    profile, impose, client); None takes everything from handout.yaml. `transform`
    changes the loaded project before layout (a client's exercises and doses).
    """
    project = load_project(where, strict=strict)
    if transform is not None:  # one client's plan, say
        project = transform(project)

    # Imported here so that `check` and `--help` never load ReportLab's layout engine.
    from .images import ImageStore
    from .fonts import register_fonts
    from .impose import impose
    from .layout.booklet import Booklet, BookletOptions
    from .layout.poster import Poster
    from .output import build_epoch, pdf_date, project_inputs, safe_target, write_all
    from .templates import templates_for

    register_fonts()
    from .theme import palette_for

    templates = templates_for(project.root, project.settings.language, project.settings.labels)
    palette = palette_for(project.settings.theme, project.root)
    booklet_options = booklet_options or BookletOptions()
    # The poster goes to a print shop: photos at print resolution. The booklet's
    # profile decides its own.
    poster_images = ImageStore("print")
    booklet_images = ImageStore(booklet_options.profile or project.settings.booklet.profile)
    # Where each PDF goes is settled before the slow part, so a bad -o fails at once.
    chosen_dir = out_dir is not None
    out_dir = out_dir or default_out_dir(project)
    inputs = project_inputs(project)

    def target(path: Path, chosen: bool) -> Path:
        return safe_target(project.root, path, inputs, chosen=chosen, magic=b"%PDF")

    poster_path = target(poster_file or out_dir / f"{project.slug}-poster.pdf",
                         poster_file is not None or chosen_dir) if poster else None
    booklet_path = target(booklet_file or out_dir / f"{project.slug}-booklet.pdf",
                          booklet_file is not None or chosen_dir) if booklet else None
    imposed_path = target(booklet_path.with_name(f"{booklet_path.stem}-imposed.pdf"),
                          booklet_file is not None or chosen_dir) \
        if booklet and booklet_options.impose else None

    outputs: list[tuple[Path, bytes]] = []
    epoch = build_epoch(project.input_files() + _template_files(templates))
    with pdf_date(epoch), _pictures_located(project):
        if poster:
            with _made(poster_path, outputs) as made:
                made(Poster(project, templates, poster_images, poster_options, palette).build())
        if booklet:
            maker = Booklet(project, templates, booklet_images, booklet_options, palette)
            with _made(booklet_path, outputs) as made:
                data = made(maker.build())
            if imposed_path:
                with _made(imposed_path, outputs) as made:
                    made(impose(data))

    low = {p.path: p for p in poster_images.low_dpi_warnings() + booklet_images.low_dpi_warnings()}
    project.warnings += list(low.values())
    if strict and project.warnings:
        raise HandoutError([w.as_error() for w in project.warnings])
    result = BuildResult(project)
    write_all(outputs)  # every file renamed into place only once all are written
    templates.flush()  # what was rendered, for the next build
    result.written = [path for path, _ in outputs]
    return result


@contextlib.contextmanager
def _made(path: Path, outputs: list[tuple[Path, bytes]]):
    """Make one PDF; refuse it when it would be broken, naming the file it was for."""
    from .output import BrokenPdf, check_pdf, finite_numbers

    def keep(data: bytes) -> bytes:
        check_pdf(data)
        outputs.append((path, data))
        return data

    try:
        with finite_numbers():
            yield keep
    except BrokenPdf as exc:
        raise exc.for_file(path) from None


@contextlib.contextmanager
def _pictures_located(project: LoadedProject):
    """A picture found damaged while it is drawn (`check` reads photos through; the
    build only their headers, and decodes them once) is reported where the project
    names it, as `check` would."""
    try:
        yield
    except HandoutError as exc:
        problems = []
        for problem in exc.problems:
            place = project.named_at(problem.path) if problem.path else None
            if place:
                file, line, key, value = place
                problem = Problem(file, f"'{value}' {problem.message}", line, key)
            problems.append(problem)
        raise HandoutError(problems) from None


def _template_files(templates) -> list[Path]:
    folder = templates.user_dir
    return sorted(folder.rglob("*")) if folder.is_dir() else []


def check(where: Path, strict: bool = False) -> tuple[LoadedProject, int | None]:
    """Load and validate everything, the client list too when there is one; build
    nothing. Returns the project and how many clients it has (None: no list)."""
    project = load_project(where, strict=strict, thorough=True)
    if not any((project.root / name).is_file() for name in CLIENT_FILES):
        return project, None
    from .clients import load_clients

    return project, len(load_clients(project).clients)
