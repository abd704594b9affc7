"""Loading a whole project: the project file, every exercise file, their images.

Everything is read and checked before anything is built; every independent problem
is collected so one run reports them all.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path


from .errors import HandoutError, Problem, sort_problems
from .loading import Document, YamlFileError, read_yaml
from .models import MAX_WEEKS, Dose, Exercise, LoadedExercise, Project
from .validation import validate

PROJECT_FILE = "handout.yaml"
CLIENT_FILES = ("clients.yaml", "clients.yml", "clients.csv")  # a client list, where one is kept
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
# Ids go into file names, links and markup: plain letters, digits and hyphens only.
EXERCISE_ID = re.compile(r"[a-z0-9-]+")


@dataclass
class LoadedProject:
    root: Path
    file: Path
    settings: Project
    exercises: list[LoadedExercise]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slugify(self.settings.title)

    def resolve(self, relative: str) -> Path:
        """A file the project names, checked again where it is read: it may have
        been swapped for a link since the project was loaded."""
        problem = outside_problem(self.root, relative)
        if problem:
            raise HandoutError(problem, self.file)
        return self.root / relative

    def select(self, only: list[str] | None) -> list[LoadedExercise]:
        """The exercises `--only` picks, in its order; all of the workout's without it."""
        if not only:
            return list(self.exercises)
        by_id = {ex.id: ex for ex in self.exercises}
        problems = []
        for ex_id in only:
            if ex_id not in by_id:
                close = difflib.get_close_matches(ex_id, list(by_id), n=1, cutoff=0.5)
                hint = f"; did you mean '{close[0]}'?" if close else f"; the workout has: {', '.join(by_id)}"
                problems.append(Problem(self.file, f"--only: no exercise '{ex_id}' in the workout{hint}"))
        if problems:
            raise HandoutError(problems)
        return [by_id[ex_id] for ex_id in dict.fromkeys(only)]

    def groups(self, exercises: list[LoadedExercise] | None = None) -> list[tuple[object, list[LoadedExercise]]]:
        """`exercises` (default: the workout's) in their order, in runs that share a
        block; without blocks:, one run with no block (None). A client's own order
        is kept: their exercises of one block, put apart, make two runs of it."""
        exercises = self.exercises if exercises is None else exercises
        if not self.settings.blocks:
            return [(None, list(exercises))]
        block_of = {ex_id: block for block in self.settings.blocks for ex_id in block.exercises}
        runs: list[tuple[object, list[LoadedExercise]]] = []
        for ex in exercises:
            block = block_of.get(ex.id)
            if runs and runs[-1][0] is block:
                runs[-1][1].append(ex)
            else:
                runs.append((block, [ex]))
        return runs

    def named_at(self, path: Path) -> tuple[Path, int, str, str] | None:
        """Where the project names the picture `path`: (file, line, key, as written)."""
        from .loading import YamlFileError, read_yaml

        s = self.settings
        places = [(ex.path, ("image",), ex.content.image) for ex in self.exercises if ex.image_path == path]
        places += [(self.file, key, value) for key, value in (
            (("cover",), s.cover), (("author", "photo"), s.author.photo if s.author else None),
            (("theme", "logo"), s.theme.logo)) if value and self.root / value == path]
        for file, key, value in places:
            try:
                return file, read_yaml(file).line_of(key), ".".join(key), value
            except YamlFileError:
                continue
        return None

    def input_files(self) -> list[Path]:
        """Every file the outputs are made from, for the build date and the watcher."""
        files = {self.file}
        files.update(ex.path for ex in self.exercises)
        files.update(ex.image_path for ex in self.exercises if ex.image_path)
        s = self.settings
        for extra in (s.cover, s.author.photo if s.author else None, s.theme.logo,
                      *s.theme.fonts.values()):
            if extra:
                files.add(self.resolve(extra))
        return sorted(files)


def card_marks(groups) -> list[str]:
    """Each card's mark: circuits (blocks done in rounds) are lettered A, B... and their
    cards A1, A2...; every other card is numbered in order, 1, 2..."""
    marks, number, circuit = [], 0, 0
    for block, members in groups:
        if block is not None and block.rounds:
            letter = chr(ord("A") + circuit % 26)
            circuit += 1
            marks += [f"{letter}{i}" for i in range(1, len(members) + 1)]
        else:
            marks += [str(number + i) for i in range(1, len(members) + 1)]
            number += len(members)
    return marks


def outside_problem(root: Path, relative: str) -> str | None:
    """Why the project may not read `relative`: absolute, or leading outside the
    project folder once links are followed. None when it stays inside.

    A project may come from a stranger, so nothing it names may reach other files;
    the message is the same whether or not such a file exists."""
    if os.path.isabs(relative):
        return f"'{relative}' is outside the project; give a path inside the project folder"
    try:
        real = (root / relative).resolve()
        inside = real.is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if inside:
        return None
    return (f"'{relative}' is outside the project; copy the file into the project folder "
            "and give its path from there")


def slugify(title: str) -> str:
    if title.isascii():
        ascii_title = title.lower()
    else:  # anyascii's import reads its tables (~10 ms): only for titles that need it
        from anyascii import anyascii

        ascii_title = anyascii(title).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")
    return slug or "handout"


def find_project_file(where: Path) -> Path:
    if not where.exists():
        raise HandoutError("no such folder or file; give the project's folder (the one holding "
                           f"{PROJECT_FILE}), or start one with `handout new FOLDER`", where)
    path = where / PROJECT_FILE if where.is_dir() else where
    if not path.is_file():
        if where.is_dir() or not where.exists():
            raise HandoutError(
                f"no {PROJECT_FILE} here; give the project's folder or file, "
                "or start a project with `handout new FOLDER`",
                path,
            )
        raise HandoutError("is not a project file", path)
    return path


def load_project(where: Path, strict: bool = False, thorough: bool = False) -> LoadedProject:
    """Read and validate the project at `where`. Raises HandoutError with every problem."""
    file = find_project_file(where)
    root = file.parent
    errors: list[Problem] = []
    warnings: list[Problem] = []

    settings, doc = None, None
    try:
        doc = read_yaml(file)
        settings, problems = validate(doc, Project)
        errors += problems
    except YamlFileError as exc:
        errors.append(exc.problem)

    listed = [ex_id for ex_id, _ in settings.ids] if settings else []
    found, file_problems = _load_exercise_files(root, thorough)
    errors += _template_problems(root)

    for ex_id, problems in file_problems.items():
        if ex_id in listed or settings is None:
            errors += problems
        else:
            warnings += [
                Problem(p.path, f"{p.message} (not in the workout, so not built)", p.line, p.key, True)
                for p in problems
            ]

    exercises: list[LoadedExercise] = []
    if settings is not None:
        assert doc is not None
        errors += _check_project_images(doc, settings, root, thorough)
        errors += _programme_problems(doc, settings)
        seen: set[str] = set()
        for ex_id, where in settings.ids:
            if ex_id in seen:
                errors.append(doc.problem(where, f"'{ex_id}' is listed twice"))
                continue
            seen.add(ex_id)
            if ex_id in found:
                ex, problems = _phased(found[ex_id], settings)
                exercises.append(ex)
                errors += problems
            elif ex_id not in file_problems:
                errors.append(doc.problem(where, _unknown_id(root, ex_id, found)))

    if strict:
        errors += [w.as_error() for w in warnings]
        warnings = []
    if errors:
        raise HandoutError(sort_problems(errors))
    assert settings is not None
    return LoadedProject(root, file, settings, exercises, sort_problems(warnings))


def _programme_problems(doc: Document, settings: Project) -> list[Problem]:
    """The checks that span keys of the project file: one list of exercises, phases
    with names of their own, and the weeks they add up to."""
    problems = []
    if settings.exercises is not None and settings.blocks is not None:
        problems.append(doc.problem(("blocks",), "the workout has both exercises: and blocks:; keep one "
                                                 "(blocks: holds the exercises in parts)"))
    elif settings.exercises is None and settings.blocks is None:
        problems.append(doc.problem((), "lists no exercises; add 'exercises:' (ids in order) or "
                                        "'blocks:' (the session in parts)"))
    names: set[str] = set()
    for index, phase in enumerate(settings.phases):
        if phase.name in names:
            problems.append(doc.problem(("phases", index, "name"),
                                        f"'{phase.name}' is named twice; give each phase its own name"))
        names.add(phase.name)
    weeks = sum(phase.weeks for phase in settings.phases)
    if weeks > MAX_WEEKS:
        problems.append(doc.problem(("phases",), f"the phases add up to {weeks} weeks; a programme "
                                                 f"is at most {MAX_WEEKS} weeks"))
    if settings.phases and "weeks" in settings.booklet.model_fields_set:
        problems.append(doc.problem(("booklet", "weeks"), f"the log follows the phases ({weeks} weeks in "
                                                          "all); remove booklet.weeks"))
    return problems


def _phased(ex: LoadedExercise, settings: Project) -> tuple[LoadedExercise, list[Problem]]:
    """The exercise with a dose for each phase of the programme. A dose given per phase
    must name phases the project defines; a phase it leaves out keeps the dose of the
    one before (the first phases, the first dose given). Its `content.dose` is the first
    phase's, so what shows one dose (the poster) shows where the programme starts."""
    dose = ex.content.dose
    phases = [phase.name for phase in settings.phases]
    if not isinstance(dose, dict):
        return ex.model_copy(update={"doses": tuple(dose for _ in phases)}), []
    problems = []
    doc = read_yaml(ex.path)
    if not phases:
        given = ", ".join(dose)
        return ex, [doc.problem(("dose",), f"gives a dose per phase ({given}) but handout.yaml has no "
                                           "phases:; add them, e.g. phases: [{name: Protect, weeks: 2}], "
                                           "or give one dose")]
    for name in dose:
        if name not in phases:
            close = difflib.get_close_matches(name, phases, n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else f"; the phases are: {', '.join(phases)}"
            problems.append(doc.problem(("dose", name), f"no phase '{name}' in handout.yaml{hint}"))
    if problems:
        return ex, problems
    current = dose[next(name for name in phases if name in dose)]
    doses: list[Dose] = []
    for name in phases:
        current = dose.get(name, current)
        doses.append(current)
    content = ex.content.model_copy(update={"dose": doses[0]})
    return ex.model_copy(update={"content": content, "doses": tuple(doses),
                                 "phase_doses": dict(dose)}), []


def _load_exercise_files(root: Path, thorough: bool = False
                         ) -> tuple[dict[str, LoadedExercise], dict[str, list[Problem]]]:
    found: dict[str, LoadedExercise] = {}
    problems: dict[str, list[Problem]] = {}
    folder = root / "exercises"
    paths = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []
    for path in paths:
        ex_id = path.stem
        refused = _exercise_file_problem(root, path)
        if refused:
            problems[ex_id] = [refused]
            continue
        try:
            doc = read_yaml(path)
        except YamlFileError as exc:
            problems[ex_id] = [exc.problem]
            continue
        content, errs = validate(doc, Exercise)
        # The image is checked even when other keys are wrong: one run, every problem.
        image = doc.data.get("image") if isinstance(doc.data, dict) else None
        image_path, image_errs = _check_image(doc, ("image",), image if isinstance(image, str) else None, root,
                                              thorough)
        errs += image_errs
        if errs:
            problems[ex_id] = errs
        else:
            found[ex_id] = LoadedExercise(id=ex_id, path=path, content=content, image_path=image_path)
    return found, problems


def _exercise_file_problem(root: Path, path: Path) -> Problem | None:
    """An exercise file whose name cannot be an id, or that leads outside the project."""
    if not EXERCISE_ID.fullmatch(path.stem):
        better = slugify(path.stem) if path.stem.strip("-_ .") else "my-exercise"
        return Problem(path, f"'{path.stem}' cannot be an exercise id: use lower-case letters, "
                             f"digits and '-' only; rename the file to "
                             f"exercises/{better}{path.suffix} (and list it so in {PROJECT_FILE})")
    problem = outside_problem(root, f"exercises/{path.name}")
    return Problem(path, problem) if problem else None


def _template_problems(root: Path) -> list[Problem]:
    """The project's templates/ folder and the links in it must stay inside the project,
    and the templates must read as templates that stay in the sandbox."""
    folder = root / "templates"
    if not os.path.lexists(folder):
        return []
    problem = outside_problem(root, "templates")
    if problem or not folder.is_dir():
        return [Problem(folder, problem)] if problem else []
    files = sorted(folder.rglob("*"))
    found = ((p, outside_problem(root, p.relative_to(root).as_posix())) for p in files if p.is_symlink())
    problems = [Problem(p, problem) for p, problem in found if problem]
    if problems:
        return problems
    from .templates import source_problems

    return source_problems([p for p in files if p.suffix in (".xml", ".txt") and p.is_file()])


def _check_image(doc: Document, keypath, value: str | None, root: Path, thorough: bool = False):
    """The picture's path, or the problems with it. It is opened the way the build
    will open it, so that a project that passes `check` builds."""
    if value is None:
        return None, []
    outside = outside_problem(root, value)
    if outside:
        return None, [doc.problem(keypath, outside)]
    path = root / value
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None, [doc.problem(keypath, f"'{value}' is not a PNG, JPEG or SVG image")]
    if not path.is_file():
        hint = _close_files(path)
        return None, [doc.problem(keypath, f"image '{value}' not found{hint}")]
    from .pictures import ImageError, probe

    try:
        probe(path, root, thorough)
    except ImageError as exc:
        return None, [doc.problem(keypath, f"'{value}' {exc}")]
    return path, []


def _check_project_images(doc: Document, settings: Project, root: Path, thorough: bool = False
                          ) -> list[Problem]:
    errs: list[Problem] = []
    for keypath, value in (
        (("cover",), settings.cover),
        (("author", "photo"), settings.author.photo if settings.author else None),
        (("theme", "logo"), settings.theme.logo),
    ):
        errs += _check_image(doc, keypath, value, root, thorough)[1]
    for style, value in settings.theme.fonts.items():
        problem = outside_problem(root, value)
        if problem is None:
            problem = _font_problem(root / value)
            problem = f"'{value}' {problem}" if problem else None
        if problem:
            errs.append(doc.problem(("theme", "fonts", style), problem))
    return errs


def _font_problem(path: Path) -> str | None:
    """Why this file cannot be embedded, or None. ReportLab embeds TrueType outlines
    only: a CFF-flavoured OpenType font ('OTTO') cannot be used. The font is parsed
    as the build will parse it, so a damaged file fails here."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError:
        return "not found" + _close_files(path)
    if magic == b"OTTO":
        return ("is an OpenType font with CFF outlines, which cannot be embedded; "
                "use the TrueType (.ttf) version of the font")
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        return "is not a TrueType font (.ttf)"
    from .fonts import FontError, theme_face

    try:
        theme_face(path)
    except FontError as exc:
        return str(exc)
    return None


def _close_files(path: Path) -> str:
    if not path.parent.is_dir():
        return f" (there is no folder '{path.parent.name}' beside the project file)"
    names = [p.name for p in path.parent.iterdir()]
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _unknown_id(root: Path, ex_id: str, found: dict[str, LoadedExercise]) -> str:
    close = difflib.get_close_matches(ex_id, list(found), n=2, cutoff=0.6)
    message = f"no exercise '{ex_id}': there is no exercises/{ex_id}.yaml"
    if close:
        message += "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    elif not (root / "exercises").is_dir():
        message += " (the folder exercises/ is missing)"
    return message
