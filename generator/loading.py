"""Reading YAML files into plain data, remembering the line of every key.

The line map lets validation errors point at ``file:line`` for any key path. Text is
NFC-normalised here so that everything later sees one form of each letter.

Every file is input from a stranger (projects travel as zip files), so the loader
bounds what one file may cost: its size, and the number of values it expands to
(aliases can make a small file stand for billions of values). Nothing YAML can say
becomes a Python traceback: each failure is a `Problem` at its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lazyre import compiled_when_used

with compiled_when_used():
    import yaml

from .cache import state
from .errors import Problem

MAX_FILE_BYTES = 1_000_000
# An alias (*name) repeats a list or keys written once (&name); repeats inside repeats
# multiply ("billion laughs"). Content needs few: past these bounds a file is a bomb.
MAX_ALIASES = 100
MAX_VALUES = 250_000

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader without YAML 1.1's dates: `2024-02-30` and `2024-02-01` stay
    text, and a date field (a client's `start:`) parses the string itself."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }


# Characters XML 1.0 cannot carry, so no PDF page can print them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What PyYAML's reader refuses in a file's raw text (it allows them only as escapes):
# everything but \t \n \r, printable ASCII, NEL and \xa0-\ud7ff, \ue000-\ufffd and the
# planes above, written as the characters refused (the complement compiles in 1 ms,
# the negated class of what is allowed in 9 ms, in every process).
_NOT_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

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
    """`steps[3]` for the third step: trainers count list entries from 1."""
    out = ""
    for part in keypath:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


_PARSED: dict[tuple, Document] = {}  # by path and state (cache.state): `watch` reparses only what changed


def read_yaml(path: Path) -> Document:
    """Parse one YAML file. Raises YamlFileError for anything that stops parsing."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise YamlFileError(Problem(path, f"cannot read the file: {exc.strerror}")) from None
    if stat.st_size > MAX_FILE_BYTES:
        raise YamlFileError(Problem(
            path, f"the file is {stat.st_size:,} bytes; at most {MAX_FILE_BYTES:,} are read: "
                  "split it or shorten its text", 1))
    key = (path, *state(stat))
    if key not in _PARSED:
        _PARSED[key] = _parse(path)
    return _PARSED[key]


def _parse(path: Path) -> Document:
    try:
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
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
    bad = _NOT_YAML.search(text)
    if bad:
        raise YamlFileError(_bad_character(path, bad.group(), text.count("\n", 0, bad.start()) + 1))

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(path, exc, text)) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(path, f"YAML syntax error: {exc}", 1)) from None
    finally:
        loader.dispose()

    doc = Document(path, None, {(): 1})
    builder = _Builder(loader, path, doc.lines)
    try:
        doc.data = builder.build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(path, exc, text)) from None
    if builder.duplicates:
        raise YamlFileError(builder.duplicates[0])
    return doc


def _bad_character(path: Path, char: str, line: int) -> Problem:
    name = unicodedata.name(char, "a control character") if not 0xD800 <= ord(char) <= 0xDFFF \
        else "half of a surrogate pair"
    return Problem(path, f"the invisible character U+{ord(char):04X} ({name.lower()}) cannot be "
                         "printed; delete it (retype the text around it if you cannot see it)", line)


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    # A tab in the indentation upsets the parser in several ways; each means the same fix.
    tabbed = next((n for n, row in enumerate(text.splitlines()[:line], 1)
                   if re.match(r" *\t", row)), None)
    if tabbed is not None:
        return Problem(path, f"YAML indents with spaces, not tabs: replace the tab at line {tabbed}",
                       tabbed)
    column = f" (column {mark.column + 1})" if mark else ""
    what = exc.problem or "YAML syntax error"
    if exc.context:
        what = f"{exc.context}: {what}"
    if "invalid Unicode character escape" in what:  # "\ud800": half of a surrogate pair
        what += "; the escape names no printable character: delete it"
    if "mapping values are not allowed" in what:
        what += ("; text with ': ' in it needs quotes around it, "
                 "e.g. - \"Rushing: take your time\"")
    return Problem(path, f"YAML syntax error{column}: {what}", line)


class _Builder:
    """Plain data from the node graph, recording each key's line, counting every value
    built so that aliases repeated inside aliases cannot expand without bound."""

    def __init__(self, loader, path: Path, lines: dict[KeyPath, int]):
        self.loader, self.path, self.lines = loader, path, lines
        self.duplicates: list[Problem] = []
        self.count = 0
        self.seen: set[int] = set()  # ids of the lists and mappings already built once
        self.aliases = 0

    def problem(self, node, message: str, keypath: KeyPath = ()) -> YamlFileError:
        return YamlFileError(Problem(self.path, message, node.start_mark.line + 1,
                                     dotted(keypath) or None))

    def build(self, node, keypath: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.problem(node, f"the file expands to more than {MAX_VALUES:,} values "
                                     "(aliases, *names, repeated inside each other); "
                                     "write the content out instead", keypath)
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.seen:
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise self.problem(node, f"the list or keys written here (&name) are repeated by "
                                             f"aliases (*name) more than {MAX_ALIASES} times; "
                                             "write the content out instead")
            self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, keypath)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                sub = keypath + (index,)
                self.lines[sub] = item.start_mark.line + 1
                items.append(self.build(item, sub))
            return items
        return self._scalar(node, keypath)

    def _mapping(self, node, keypath: KeyPath) -> dict:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.problem(key_node, "'<<' merge keys are not read; write the keys out",
                                   keypath)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.problem(key_node, "a key must be a word, not a list or keys with values; "
                                             "put quotes around it if it is text", keypath)
            key = self._scalar(key_node, keypath)
            if not isinstance(key, str):  # `1:` or `yes:` are keys as written, not numbers
                key = key_node.value
            sub = keypath + (key,)
            if key in out:
                self.duplicates.append(Problem(
                    self.path, f"the key '{key}' appears twice; keep one",
                    key_node.start_mark.line + 1, dotted(sub)))
            self.lines[sub] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, sub)
        return out

    def _scalar(self, node, keypath: KeyPath) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, OverflowError, TypeError) as exc:
            if re.fullmatch(r"[-+]?[0-9_,.]{100,}", node.value.strip()):
                raise self.problem(node, f"a number of {len(node.value):,} digits is too long; "
                                         "write a smaller number, or put quotes around it "
                                         "if it is text", keypath) from None
            raise self.problem(node, f"cannot read '{node.value[:40]}' ({exc}); put quotes "
                                     "around it if it is text", keypath) from None
        if isinstance(value, str):
            value = unicodedata.normalize("NFC", value)
            bad = _NOT_XML.search(value)
            if bad:
                problem = _bad_character(self.path, bad.group(), node.start_mark.line + 1)
                raise YamlFileError(Problem(problem.path, problem.message, problem.line,
                                            dotted(keypath) or None))
        return value
