"""The project's one exception root, and the problems it carries.

Library code raises `HandoutError`; Click turns it into exit status 1 and prints each
problem on its own line as ``PATH:LINE: key.path: message``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True)
class Problem:
    path: Path | None
    message: str
    line: int | None = None
    key: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        parts = []
        if self.path is not None:
            where = display_path(self.path)
            if self.line is not None:
                where += f":{self.line}"
            parts.append(where)
        if self.key:
            parts.append(self.key)
        parts.append(("warning: " if self.warning else "") + self.message)
        return ": ".join(parts)

    def as_error(self) -> Problem:
        return Problem(self.path, self.message, self.line, self.key, warning=False)


def display_path(path: Path) -> str:
    """Paths relative to the current folder, as a trainer typed them."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith(".." + os.sep + "..") else rel


class HandoutError(click.ClickException):
    """Something in the project is wrong. Carries every problem found."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | str, path: Path | None = None):
        if isinstance(problems, str):
            problems = [Problem(path, problems)]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file=None) -> None:
        click.echo(self.message, err=True)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.path or ""), p.line or 0))
