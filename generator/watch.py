"""`handout watch`: build, then rebuild whenever a project file changes.

A broken save reports its problems and leaves the last good PDFs in place; the next
good save rebuilds. Parsed files, decoded pictures, QR codes and compiled templates
are kept between rebuilds, and an edit that can only change one output (a poster
template, say) rebuilds only that one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from .build import build
from .errors import HandoutError
from .project import find_project_file

WATCHED = {".yaml", ".yml", ".png", ".jpg", ".jpeg", ".svg", ".ttf", ".xml"}
BOOKLET_TEMPLATES = {"cover.xml", "contents.xml", "section.xml", "tip.xml", "exercise.xml",
                     "back.xml", "credits.xml"}

Report = Callable[[str, bool], None]  # (message, is_error)


def watch(where: Path, out_dir: Path | None, report: Report, *, debounce_ms: int = 120) -> None:
    """Build, then rebuild on every change, until Ctrl-C."""
    from watchfiles import watch as changes_of

    root = find_project_file(where).parent.resolve()
    out = (out_dir or root / "out").resolve()

    def wanted(change, path: str) -> bool:
        p = Path(path)
        if out in p.parents or p.name.startswith("."):
            return False
        # A new folder is watched too (each folder is watched alone).
        return p.suffix.lower() in WATCHED or (p.is_dir() and not p.is_symlink())

    try:
        _rebuild(where, out_dir, report, poster=True, booklet=True)
        from .templates import prepare_all

        # A build from the render cache loaded no Jinja: the first save would wait for
        # it. Before the message, since a save made before the watcher starts is missed.
        prepare_all()
        report(f"watching {root} for changes; press Ctrl-C to stop", False)
        folders = project_folders(root, out)
        while folders:
            watching, folders = folders, None
            for changes in changes_of(*watching, watch_filter=wanted, recursive=False,
                                      debounce=debounce_ms, step=30, raise_interrupt=False,
                                      ignore_permission_denied=True):
                paths = {Path(path) for _, path in changes if Path(path).suffix.lower() in WATCHED}
                if paths:
                    poster, booklet = outputs_affected(paths)
                    _rebuild(where, out_dir, report, poster=poster, booklet=booklet)
                now = project_folders(root, out)
                if now != watching:  # a folder came or went: watch the new set
                    folders = now
                    break
    except KeyboardInterrupt:  # Ctrl-C during a build
        pass


def project_folders(root: Path, out: Path) -> list[Path]:
    """The folders to watch: the project's own, each watched alone. Links are not
    followed (a shared project's link to / would have the watcher walk the disk),
    and the output folder and hidden folders are left out."""
    found = []
    for folder, subfolders, _ in os.walk(root):  # os.walk does not enter linked folders
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".")
                               and Path(folder, name).resolve() != out)
        found.append(Path(folder))
    return found


def outputs_affected(paths: set[Path]) -> tuple[bool, bool]:
    """(poster, booklet): which outputs these changed files can change."""
    templates = [p for p in paths if p.parent.name == "templates" and p.suffix == ".xml"]
    if templates and len(templates) == len(paths):
        poster = any(p.name.startswith("poster_") or p.name not in BOOKLET_TEMPLATES for p in templates)
        booklet = any(not p.name.startswith("poster_") for p in templates)
        return poster, booklet
    return True, True


def _rebuild(where: Path, out_dir: Path | None, report: Report, *, poster: bool, booklet: bool) -> None:
    start = time.perf_counter()
    try:
        result = build(where, out_dir, poster=poster, booklet=booklet)
    except HandoutError as exc:
        report(exc.message, True)
        report("kept the last good PDFs; fix the file and save to rebuild", True)
        return
    for warning in result.warnings:
        report(str(warning), True)
    names = ", ".join(p.name for p in result.written)
    report(f"{time.strftime('%H:%M:%S')} wrote {names} in {(time.perf_counter() - start) * 1000:.0f} ms",
           False)
