"""Reading YAML files into plain data, remembering the line of every key.

The line map lets validation errors point at ``file:line`` for any key path. Text is
NFC-normalised here so that everything later sees one form of each letter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file's data and where each key path sits in it."""

    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, keypath: KeyPath) -> int:
        """The line of the deepest part of `keypath` the file has (1 for the file)."""
        keypath = tuple(keypath)
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            keypath = keypath[:-1]
        return self.lines.get((), 1)

    def problem(self, keypath: KeyPath, message: str, warning: bool = False) -> Problem:
        return Problem(self.path, message, self.line_of(keypath), dotted(keypath), warning)


def dotted(keypath: KeyPath) -> str:
    out = ""
    for part in keypath:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


_PARSED: dict[tuple, Document] = {}  # by (path, mtime, size): `watch` reparses only what changed


def read_yaml(path: Path) -> Document:
    """Parse one YAML file. Raises YamlFileError for anything that stops parsing."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise YamlFileError(Problem(path, f"cannot read the file: {exc.strerror}")) from None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        _PARSED[key] = _parse(path)
    return _PARSED[key]


def _parse(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlFileError(Problem(path, f"cannot read the file: {exc.strerror}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            Problem(
                path,
                f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8 in your editor",
                line,
            )
        ) from None
    if not text.strip():
        raise YamlFileError(Problem(path, "the file is empty; fill it in or delete it", 1))

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(path, exc)) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(path, f"YAML syntax error: {exc}", 1)) from None
    finally:
        loader.dispose()

    doc = Document(path, None, {(): 1})
    duplicates: list[Problem] = []
    try:
        doc.data = _build(loader, node, (), doc.lines, duplicates, path)
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(path, exc)) from None
    if duplicates:
        raise YamlFileError(duplicates[0])
    return doc


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = f" (column {mark.column + 1})" if mark else ""
    what = exc.problem or "YAML syntax error"
    if exc.context:
        what = f"{exc.context}: {what}"
    return Problem(path, f"YAML syntax error{column}: {what}", line)


def _build(loader, node, keypath: KeyPath, lines, duplicates, path) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, str):
                key = unicodedata.normalize("NFC", key)
            sub = keypath + (key,)
            if key in out:
                duplicates.append(
                    Problem(
                        path,
                        f"the key '{key}' appears twice; keep one",
                        key_node.start_mark.line + 1,
                        dotted(sub),
                    )
                )
            lines[sub] = key_node.start_mark.line + 1
            out[key] = _build(loader, value_node, sub, lines, duplicates, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            sub = keypath + (index,)
            lines[sub] = item.start_mark.line + 1
            items.append(_build(loader, item, sub, lines, duplicates, path))
        return items
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
    return value
