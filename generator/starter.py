"""`handout new`: a starter project with two short exercises of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import HandoutError
from .schema import schema_json

STARTER = Path(__file__).parent / "starter"


def create(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HandoutError("already exists and is not empty; give a new folder name", folder)
    shutil.copytree(STARTER, folder, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # The files' first lines point editors at these, for completion as one types.
    (folder / "schemas").mkdir()
    for kind in ("project", "exercise"):
        (folder / "schemas" / f"{kind}.schema.json").write_text(schema_json(kind) + "\n", encoding="utf-8")
