"""`handout new`: a starter project with two short exercises of its own, or with
ready exercises from the library (`--with`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import HandoutError
from .schema import schema_json

STARTER = Path(__file__).parent / "starter"
# The starter's words that count its own two exercises, made true of any number.
_ANY_NUMBER = {"Two moves for stronger arms and legs, ten minutes a day": "Ten minutes a day",
               "these two exercises": "these exercises"}


def create(folder: Path, library_ids: list[str] | None = None) -> None:
    """The starter in `folder`; with `library_ids`, those ready exercises instead of
    the starter's two examples."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HandoutError("already exists and is not empty; give a new folder name", folder)
    ignore = ["__pycache__", "*.pyc"]
    if library_ids is not None:
        from . import library

        if not library_ids:
            raise HandoutError("--with: give the ids of ready exercises, such as --with squat,plank "
                               "(`handout add --list` shows them)")
        problems = library.unknown_problems(library_ids)
        if problems:  # checked before the folder is made, so a typo leaves nothing behind
            raise HandoutError(problems)
        ignore += ["*.yaml", "*.svg"]  # the examples; handout.yaml is copied below
    shutil.copytree(STARTER, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*ignore))
    # The files' first lines point editors at these, for completion as one types.
    (folder / "schemas").mkdir()
    for kind in ("project", "exercise"):
        (folder / "schemas" / f"{kind}.schema.json").write_text(schema_json(kind) + "\n", encoding="utf-8")
    if library_ids is not None:
        text = (STARTER / "handout.yaml").read_text(encoding="utf-8")
        for counted, general in _ANY_NUMBER.items():
            text = text.replace(counted, general)
        (folder / "handout.yaml").write_text(text, encoding="utf-8")
        library.add(folder, library_ids, replace=True)
