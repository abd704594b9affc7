"""The library of ready exercises, and `handout add`: copying them into a project.

Each ready exercise is `exercises/<id>.yaml` beside this file, with its drawing in
`images/<id>.svg` (made by `generator.figures`). Adding one copies both into the
project and appends its id to the project file's list, editing that list's lines in
place so the trainer's comments and layout stay as they were (see `workout_list`).

The project may be a stranger's: every file is written through `safe_target`, so a
link cannot carry a copy outside the project, and nothing is written until every id
has been checked. All of it lands, or none of it.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError, Problem, display_path
from ..loading import YamlFileError, read_yaml
from ..output import safe_target, write_all
from ..project import find_project_file, outside_problem, slugify
from .workout_list import ListError, add_to_list, listed_ids

LIBRARY = Path(__file__).parent
EXERCISES = LIBRARY / "exercises"
IMAGES = LIBRARY / "images"
DEFAULT_IMAGE_FOLDER = "images"  # the starter's; used when no exercise shows the project's own
_IMAGE_LINE = re.compile(r"^image:[^\n]*\n", re.M)
_ALT_LINE = re.compile(r"^image_alt:[^\n]*\n", re.M)


def ids() -> list[str]:
    return sorted(p.stem for p in EXERCISES.glob("*.yaml"))


def catalogue() -> list[tuple[str, str]]:
    """(id, name) of every ready exercise, by id."""
    return [(ex_id, read_yaml(EXERCISES / f"{ex_id}.yaml").data["name"]) for ex_id in ids()]


def drawing(ex_id: str) -> Path | None:
    """The exercise's drawing, when it has been made."""
    path = IMAGES / f"{ex_id}.svg"
    return path if path.is_file() else None


def listing() -> list[str]:
    """`id  Name` a line, the names in one column."""
    entries = catalogue()
    width = max(len(ex_id) for ex_id, _ in entries)
    return [f"{ex_id:<{width}}  {name}" for ex_id, name in entries]


def split_ids(text: str) -> list[str]:
    """Ids as typed: `a,b`, `a b` or `a, b`."""
    return [part for part in re.split(r"[,\s]+", text) if part]


def split_arguments(args: tuple[str, ...]) -> tuple[list[str], Path]:
    """`ID... [PROJECT]`: the last argument is the project when it is no id of the
    library and names a folder or file; else the project is the current folder."""
    args = list(args)
    project = Path(".")
    if len(args) > 1 and args[-1] not in ids() and Path(args[-1]).exists():
        project = Path(args.pop())
    return split_ids(",".join(args)), project


def unknown_problems(wanted: list[str], project_hint: bool = False) -> list[Problem]:
    """A problem for each id the library does not have, with the nearest ids."""
    known = ids()
    problems = []
    for ex_id in wanted:
        if ex_id in known:
            continue
        close = difflib.get_close_matches(slugify(ex_id), known, n=2, cutoff=0.6)
        listing = "`handout add --list` shows them all"
        if close:
            hint = "; did you mean " + " or ".join(f"'{c}'" for c in close) + f"? ({listing})"
        else:
            hint = f"; {listing}"
        if project_hint and os.path.exists(ex_id):
            hint += f"; to add to the project in '{ex_id}', give its folder last, after the ids"
        problems.append(Problem(None, f"no exercise '{ex_id}' in the library{hint}"))
    return problems


@dataclass
class Added:
    """What `add` did, for the command to report."""

    project_file: Path
    ids: list[str]
    files: list[Path] = field(default_factory=list)
    language: str = "en"

    def report(self) -> list[str]:
        lines = [f"wrote {display_path(path)}" for path in self.files]
        lines.append(f"added {', '.join(self.ids)} to the end of the exercises in "
                     f"{display_path(self.project_file)}")
        if self.language != "en":
            lines.append(f"the library's exercises are in English: translate their text in "
                         f"exercises/ for this project's language ({self.language})")
        return lines


def add(where: Path, wanted: list[str], *, replace: bool = False) -> Added:
    """Copy the library's exercises `wanted` (and their drawings) into the project at
    `where` and list them in its project file; with `replace`, they become the whole
    list (for `handout new --with`). Raises HandoutError, having written nothing, when
    an id is unknown or already in the project, or a file cannot be written."""
    wanted = list(dict.fromkeys(wanted))
    problems = unknown_problems(wanted, project_hint=True)
    try:
        file = find_project_file(where)
    except HandoutError as exc:
        raise HandoutError(problems + exc.problems) from None
    root = file.parent
    text, bom = _read_project_text(file)
    try:
        present = {} if replace else listed_ids(text)
    except ListError as exc:
        raise HandoutError([Problem(file, exc.message, exc.line, "exercises")]) from None

    folder = _image_folder(root)
    known = set(ids())
    outputs: list[tuple[Path, bytes]] = []
    for ex_id in wanted:
        if ex_id not in known:
            continue
        if ex_id in present:
            problems.append(Problem(file, f"'{ex_id}' is already in the workout; nothing was added",
                                    present[ex_id], "exercises"))
            continue
        picture = drawing(ex_id)
        targets = [(root / "exercises" / f"{ex_id}.yaml", _exercise_text(ex_id, folder, picture).encode())]
        if picture is not None:
            targets.append((root / _join(folder, f"{ex_id}.svg"), picture.read_bytes()))
        for path, data in targets:
            problem = _taken(path, ex_id)
            if problem:
                problems.append(problem)
            else:
                outputs.append((safe_target(root, path), data))
    if problems:
        raise HandoutError(problems)

    try:
        new_text = add_to_list(text, wanted, replace=replace)
    except ListError as exc:
        raise HandoutError([Problem(file, exc.message, exc.line, "exercises")]) from None
    safe_target(root, file)
    # A project file that is a link (inside the project) is written through, not replaced.
    outputs.append((file.resolve() if file.is_symlink() else file, _encode(new_text, bom)))
    write_all(outputs)
    return Added(file, wanted, [path for path, _ in outputs[:-1]], _language(file))


def _read_project_text(file: Path) -> tuple[str, bool]:
    try:
        read_yaml(file)  # its bounds and its messages for a file that is not YAML
    except YamlFileError as exc:
        raise HandoutError([exc.problem]) from None
    raw = file.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    return raw.decode("utf-8-sig"), bom


def _encode(text: str, bom: bool) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _taken(path: Path, ex_id: str) -> Problem | None:
    """Why the copy may not go to `path`: a file (or a link) is already there."""
    siblings = [path] + ([path.with_suffix(".yml")] if path.suffix == ".yaml" else [])
    for existing in siblings:
        if os.path.lexists(existing):
            return Problem(existing, f"already exists, so '{ex_id}' was not added and nothing was "
                                     "overwritten; rename or remove that file to add the library's")
    return None


def _image_folder(root: Path) -> str:
    """Where the project keeps its exercise pictures: the folder most of its exercise
    files name (assets/images in the sample), else images/ as in the starter."""
    folders: Counter[str] = Counter()
    exercises = root / "exercises"
    if exercises.is_dir() and not outside_problem(root, "exercises"):
        for path in sorted(exercises.glob("*.y*ml")):
            if outside_problem(root, f"exercises/{path.name}"):
                continue
            try:
                data = read_yaml(path).data
            except YamlFileError:
                continue
            image = data.get("image") if isinstance(data, dict) else None
            if isinstance(image, str) and not outside_problem(root, image):
                folders[image.rpartition("/")[0]] += 1  # "" for pictures beside handout.yaml
    return max(sorted(folders), key=folders.__getitem__) if folders else DEFAULT_IMAGE_FOLDER


def _exercise_text(ex_id: str, folder: str, picture: Path | None) -> str:
    """The library file as the project will hold it: its picture in the project's
    folder, or no picture while the drawing has not been made."""
    text = (EXERCISES / f"{ex_id}.yaml").read_text(encoding="utf-8")
    if picture is None:
        return _ALT_LINE.sub("", _IMAGE_LINE.sub("", text))
    return _IMAGE_LINE.sub(f"image: {_join(folder, ex_id + '.svg')}\n", text)


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _language(file: Path) -> str:
    data = read_yaml(file).data
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else "en"

