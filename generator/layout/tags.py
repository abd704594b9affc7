"""The tag language templates write, declared once: each tag, what it is for, its
attributes and the type of their values. `check` holds a template's output to it,
so an unknown tag, attribute or style, or a value of the wrong kind, is an error
naming the template line; `blocks.HANDLERS` turns each tag into flowables.
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .blocks import BOX_KINDS, HANDLERS, make_styles

_STYLE_SAMPLE = make_styles(10.0)
STYLES = tuple(_STYLE_SAMPLE)  # the names every size of the type scale has


@dataclass(frozen=True)
class Value:
    """What an attribute takes: `describe` for people, `ok` to test a value."""

    describe: str
    pattern: str = ""
    choices: tuple[str, ...] = ()
    noun: str = ""  # what one of the choices is called

    def ok(self, value: str) -> bool:
        if self.choices:
            return value in self.choices
        return re.fullmatch(self.pattern, value.strip()) is not None if self.pattern else True


TEXT = Value("text")
POINTS = Value("a number of points, such as 6", r"\d{1,4}(\.\d+)?")
LEVEL = Value("an outline level: 0, 1 or 2", r"[012]")
WIDTH = Value("a share of the width, such as 40%", r"(100|\d{1,2}(\.\d+)?)%")
PAGE = Value("a page number, or nothing", r"\d*")
STYLE = Value("a style", choices=STYLES, noun="style")
BOX = Value("a kind of box", choices=BOX_KINDS, noun="kind of box")


@dataclass(frozen=True)
class Tag:
    does: str
    attrs: dict[str, Value] = field(default_factory=dict)
    text: bool = False  # holds paragraph text and inline markup (INLINE)
    parent: str | None = None  # only ever inside this tag
    children: tuple[str, ...] = ()  # holds only these tags (empty: any block tag)
    empty: bool = False  # holds nothing


TAGS: dict[str, Tag] = {
    "p": Tag("a paragraph", {"style": STYLE}, text=True),
    "h": Tag("a heading; with `key`, a link target and an outline entry at `level`",
             {"style": STYLE, "key": TEXT, "level": LEVEL}, text=True),
    "li": Tag("a list item, with its bullet (a character or a number such as `1.`)",
              {"style": STYLE, "bullet": TEXT}, text=True),
    "box": Tag("its content on a panel with an accent rule; splits across pages",
               {"style": BOX}),
    "keep": Tag("its content kept on one page (split when taller than a page)"),
    "columns": Tag("blocks side by side (stacked when taller than a page)", children=("col",)),
    "col": Tag("one column of `<columns>`", {"width": WIDTH}, parent="columns"),
    "space": Tag("vertical space of `h` points", {"h": POINTS}, empty=True),
    "entry": Tag("a line of the contents: a link to `href` and its page",
                 {"href": TEXT, "page": PAGE, "level": LEVEL}, text=True),
    "image": Tag("the place of the picture", empty=True),
    "tempo": Tag("the place of the tempo bar", empty=True),
    "qr": Tag("the place of the video's QR code", empty=True),
}
assert set(TAGS) == set(HANDLERS), "every tag has a handler and every handler a tag"

# ReportLab's paragraph markup that a text tag may hold, with the attributes each takes.
# (`img` is left out on purpose: it reads a file named in the template.)
INLINE: dict[str, tuple[str, ...]] = {
    "b": (), "strong": (), "i": (), "em": (), "u": (), "strike": (), "br": (), "nobr": (),
    "super": (), "sup": (), "sub": (),
    "a": ("href", "color", "name"), "link": ("href", "color"),
    "font": ("name", "face", "size", "color", "backcolor"),
    "span": ("name", "face", "size", "color", "backcolor"),
}


@dataclass(frozen=True)
class Misuse:
    """One thing a template wrote wrong: the element, the message, and a piece of
    text to look for on the template's line."""

    element: ET.Element
    message: str
    token: str


def check(elements: list[ET.Element], parent: str | None = None) -> list[Misuse]:
    """Everything in `elements` (and inside them) that the tag language does not allow."""
    found: list[Misuse] = []
    for el in elements:
        tag = TAGS.get(el.tag)
        if tag is None:
            found.append(Misuse(el, f"unknown tag <{el.tag}>{_hint(el.tag, TAGS)}; "
                                    f"the tags are {_listed(TAGS)}", f"<{el.tag}"))
            continue
        if tag.parent and tag.parent != parent:
            found.append(Misuse(el, f"<{el.tag}> belongs inside <{tag.parent}>", f"<{el.tag}"))
        found += _check_attrs(el, tag)
        if tag.text:
            found += _check_inline(el)
        elif tag.empty and (len(el) or (el.text or "").strip()):
            found.append(Misuse(el, f"<{el.tag}/> holds nothing: write it as <{el.tag}/>", f"<{el.tag}"))
        else:
            if tag.children:
                found += [Misuse(child, f"<{el.tag}> holds only {_listed(tag.children)}, not <{child.tag}>",
                                 f"<{child.tag}") for child in el if child.tag not in tag.children]
            found += check([c for c in el if not tag.children or c.tag in tag.children], el.tag)
    return found


def _check_attrs(el: ET.Element, tag: Tag) -> list[Misuse]:
    found = []
    for name, value in el.attrib.items():
        kind = tag.attrs.get(name)
        if kind is None:
            takes = f"it takes {_listed(tag.attrs)}" if tag.attrs else "it takes none"
            found.append(Misuse(el, f"<{el.tag}> has no attribute '{name}'{_hint(name, tag.attrs)}; {takes}",
                                f"{name}="))
        elif not kind.ok(value):
            if kind.choices:
                message = (f"unknown {kind.noun} '{value}' on <{el.tag}>{_hint(value, kind.choices)}; "
                           f"use one of {_listed(kind.choices)}")
            else:
                message = f"<{el.tag} {name}=\"{value}\">: expected {kind.describe}, got '{value}'"
            found.append(Misuse(el, message, f"{name}="))
    return found


def _check_inline(el: ET.Element) -> list[Misuse]:
    found = []
    for inner in el.iter():
        if inner is el:
            continue
        allowed = INLINE.get(inner.tag)
        if allowed is None:
            found.append(Misuse(el, f"<{inner.tag}> cannot be used inside <{el.tag}>"
                                    f"{_hint(inner.tag, INLINE)}; text takes {_listed(INLINE)}",
                                f"<{inner.tag}"))
            continue
        for name in inner.attrib:
            if name not in allowed:
                takes = f"it takes {_listed(allowed)}" if allowed else "it takes none"
                found.append(Misuse(el, f"<{inner.tag}> has no attribute '{name}'; {takes}", f"{name}="))
    if not found and any(inner.attrib for inner in el.iter() if inner is not el):
        found += _check_values(el)  # a colour or size ReportLab cannot read
    return found


def _check_values(el: ET.Element) -> list[Misuse]:
    from reportlab.platypus import Paragraph

    from .blocks import inner_markup

    try:
        Paragraph(inner_markup(el), _STYLE_SAMPLE["body"])
    except ValueError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else "not readable"
        return [Misuse(el, f"bad markup inside <{el.tag}>: {reason.split(' caused exception ')[-1]}",
                       f"<{next(i.tag for i in el.iter() if i is not el and i.attrib)}")]
    return []



def _hint(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _listed(names) -> str:
    return ", ".join(names)
