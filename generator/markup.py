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


@lru_cache(maxsize=4096)
def paragraphs(text: str) -> tuple[Markup, ...]:
    """Each paragraph of `text` as safe paragraph markup."""
    out: list[Markup] = []
    for token in _parser().parse(str(text)):
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
