"""Trainers' text to ReportLab paragraph markup.

Only `**bold**` and `*italic*` are understood (by markdown-it, not by regular
expressions); everything else prints as written, so `&`, `<` and `>` are escaped.
Blank lines separate paragraphs.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

_TAGS = {
    "strong_open": "<b>",
    "strong_close": "</b>",
    "em_open": "<i>",
    "em_close": "</i>",
    "softbreak": " ",
    "hardbreak": "<br/>",
}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # "zero" turns every rule off; these are the only ones a trainer needs.
    return MarkdownIt("zero").enable(["emphasis", "escape", "newline"])


def prepare() -> None:
    """Load the parser ahead of need (see templates.prepare_all)."""
    _parser()


# Text without these, and with no character but printable ones, spaces and line
# breaks, has nothing for the parser to do: it is split as the parser would split it,
# without importing it (~30 ms). A test holds the two ways to the same output.
_MARKS = frozenset("*_\\")


def _plain(text: str) -> bool:
    return _MARKS.isdisjoint(text) and text.replace("\n", "").isprintable()


def _plain_paragraphs(text: str) -> tuple[Markup, ...]:
    """What markdown-it makes of plain text: paragraphs at blank lines, each
    stripped; a line ending in two spaces breaks ("<br/>"), any other line break
    is a space, with the spaces around it dropped."""
    out, lines = [], []
    for line in [*text.split("\n"), ""]:
        if line.strip(" "):
            lines.append(line)
            continue
        if not lines:
            continue
        lines[0] = lines[0].lstrip(" ")
        lines[-1] = lines[-1].rstrip(" ")
        parts = []
        for index, line in enumerate(lines):
            if index:
                line = line.lstrip(" ")
            if index + 1 == len(lines):
                parts.append(str(escape(line)))
            elif line.endswith("  "):
                parts.append(str(escape(line.rstrip(" "))) + "<br/>")
            else:
                parts.append(str(escape(line.removesuffix(" "))) + " ")
        out.append(Markup("".join(parts)))
        lines = []
    return tuple(out)


@lru_cache(maxsize=4096)
def paragraphs(text: str) -> tuple[Markup, ...]:
    """Each paragraph of `text` as safe paragraph markup."""
    text = str(text)
    if _plain(text):
        return _plain_paragraphs(text)
    out: list[Markup] = []
    for token in _parser().parse(text):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or ():
            if child.type == "text":
                parts.append(str(escape(child.content)))
            else:
                parts.append(_TAGS.get(child.type, ""))
        out.append(Markup("".join(parts)))
    return tuple(out)


def inline(text: str) -> Markup:
    """`text` as one run of markup; paragraph breaks become line breaks."""
    return Markup("<br/><br/>").join(paragraphs(text))


def sentence(text: str) -> str:
    """The first sentence of `text` (for poster cues derived from steps)."""
    for index, char in enumerate(text):
        if char in ".!?" and (index + 1 == len(text) or text[index + 1] == " "):
            return text[: index + 1] if char != "." else text[:index]
    return text
