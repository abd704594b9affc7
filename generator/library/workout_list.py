"""Adding ids to the `exercises:` list of a project file by editing its text.

Loading and dumping YAML would drop the trainer's comments and reflow the file, so
the list is found with PyYAML's composer (which knows where every node starts and
ends) and new lines are written in the style of the list's own: a block list gets
`  - id` lines with the same indent after its last entry, a flow list `[a, b]` gets
`, id` before its bracket. The result is read back to make sure it says what was
meant, so a file this cannot handle is refused, never damaged.
"""

from __future__ import annotations

import re

import yaml

KEY = "exercises"
_DASH = re.compile(r"[ \t]*-[ \t]+")
_NULL = "tag:yaml.org,2002:null"


class ListError(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def listed_ids(text: str) -> dict[str, int]:
    """The ids the list holds, each with its line (counted from 1)."""
    return dict(_entries(text))


def _entries(text: str) -> list[tuple[str, int]]:
    _, value = _find(text)
    if not isinstance(value, yaml.SequenceNode):
        return []
    return [(item.value if isinstance(item, yaml.ScalarNode) else "", item.start_mark.line + 1)
            for item in value.value]


def add_to_list(text: str, ids: list[str], *, replace: bool = False) -> str:
    """`text` with `ids` appended to its exercise list (or, with `replace`, as the
    whole list), everything else byte for byte as it was."""
    key, value = _find(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    before = [] if replace else [entry for entry, _ in _entries(text)]
    if isinstance(value, yaml.ScalarNode):  # `exercises:` with nothing after it yet
        colon = text.index(":", key.end_mark.index)
        new = text[:colon + 1] + f" [{', '.join(ids)}]" + text[value.end_mark.index:]
    elif value.flow_style is True:
        new = _flow(text, value, ids, replace)
    else:
        new = _block(text, value, ids, replace, newline)
    if _read_back(new) != before + ids:
        raise ListError(f"could not add to the list in this file's layout; add "
                        f"{', '.join(ids)} to '{KEY}:' by hand", key.start_mark.line + 1)
    return new


def _find(text: str) -> tuple[yaml.Node, yaml.Node]:
    """The key node `exercises` and its value, which must be a list (or still empty)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ListError("the file is not YAML Handout can read; run `handout check`",
                        mark.line + 1 if mark else None) from None
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    found = [(k, v) for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == KEY]
    if not found:
        raise ListError(f"there is no '{KEY}:' list; add one (`{KEY}: []`) and run the command again")
    key, value = found[-1]
    line = key.start_mark.line + 1
    if value.start_mark.index < key.end_mark.index:
        raise ListError(f"'{KEY}:' repeats a list written elsewhere (an alias); write the list out "
                        "here to add to it", line)
    if isinstance(value, yaml.ScalarNode) and value.tag == _NULL:
        return key, value
    if not isinstance(value, yaml.SequenceNode):
        raise ListError(f"expected a list of exercise ids under '{KEY}:'; fix it, then run the "
                        "command again", line)
    return key, value


def _flow(text: str, value: yaml.SequenceNode, ids: list[str], replace: bool) -> str:
    items = ", ".join(ids)
    if replace or not value.value:
        start, end = value.start_mark.index + 1, value.end_mark.index - 1  # inside [ ]
        return text[:start] + items + text[end:]
    at = value.value[-1].end_mark.index
    return text[:at] + ", " + items + text[at:]


def _block(text: str, value: yaml.SequenceNode, ids: list[str], replace: bool, newline: str) -> str:
    first, last = value.value[0], value.value[-1]
    line_start = text.rfind("\n", 0, last.start_mark.index) + 1
    prefix = text[line_start:last.start_mark.index]
    if not _DASH.fullmatch(prefix):
        prefix = " " * value.start_mark.column + "- "
    end = text.find("\n", last.end_mark.index)
    if replace:
        start = text.rfind("\n", 0, first.start_mark.index) + 1
        stop = len(text) if end == -1 else end + 1
        return text[:start] + "".join(prefix + i + newline for i in ids) + text[stop:]
    if end == -1:  # the file ends on the last entry, without a line break
        return text + "".join(newline + prefix + i for i in ids)
    return text[:end + 1] + "".join(prefix + i + newline for i in ids) + text[end + 1:]


def _read_back(text: str) -> list[str] | None:
    """The list as the edited file says it, or None when it no longer reads as one."""
    try:
        return [entry for entry, _ in _entries(text)]
    except ListError:
        return None
