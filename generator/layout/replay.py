"""A shared flowable drawn again from the operators it wrote before.

Client booklets and `watch` rebuilds draw the same exercise pages again: the same
flowable objects (booklet.Shared), laid out the same, in a PDF whose state at that
point is the one before (the same pages came first). Drawing them was the largest
part of a client's booklet after its layout. So a drawing is kept as the operators
it wrote, with the state it began in, and written again only when the canvas's
graphics state, every font's subsets and the forms it places are exactly as they
were then: the bytes are those drawing would write. Links, forms filled in later (a
page number in the contents) and photos (each placement decides the pixels embedded)
are made again by calling what the drawing called, at the same point of its operators
and under the same transform. A drawing that did anything else besides writing
operators, placing forms and using glyphs (a bookmark, a new form or transparency
state) is not kept, and is drawn each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

_GRAPHICS = [name for name in Canvas.STATE_ATTRIBUTES if name != "_extgstate"]


def _fonts_state(doc) -> tuple:
    """Every TrueType face's glyph assignments in this PDF, and the PDF's font names."""
    faces = []
    for font in pdfmetrics._fonts.values():
        if isinstance(font, TTFont):
            state = font.state.get(doc)
            faces.append((font.fontName, None if state is None else (
                state.internalName, state.nextCode, state.frozen, dict(state.assignments),
                [list(subset) for subset in state.subsets])))
    return tuple(faces), dict(doc.fontMapping), list(doc.delayedFonts)


def _set_fonts_state(doc, kept: tuple) -> None:
    faces, mapping, delayed = kept
    for name, saved in faces:
        font = pdfmetrics.getFont(name)
        if saved is None:
            font.state.pop(doc, None)
            continue
        state = font.state.get(doc)
        if state is None:
            state = font.state[doc] = TTFont.State(font._asciiReadable, font)
        state.internalName, state.nextCode, state.frozen = saved[0], saved[1], saved[2]
        state.assignments = dict(saved[3])
        state.subsets = [list(subset) for subset in saved[4]]
    doc.fontMapping.clear()
    doc.fontMapping.update(mapping)
    doc.delayedFonts[:] = delayed


def _graphics(canv) -> tuple:
    gstate = canv._extgstate
    return (tuple(canv.__dict__[name] for name in _GRAPHICS), dict(gstate._d), dict(gstate._c),
            {key: name for key, (_, name) in (canv.__dict__.get("_handout_svg_forms") or {}).items()})


def _effects(canv) -> tuple:
    """How much of what a drawing may add, other than operators, forms placed and glyphs."""
    doc = canv._doc
    return (len(doc.idToObject), len(canv._annotationrefs), len(canv._destinations),
            sum(dest.page is not None for dest in canv._destinations.values()),
            len(doc.outline.destinationnamestotitles), canv.__dict__.get("_handout_photos_placed", 0),
            len(canv.__dict__.get("_handout_svg_forms") or ()), len(canv.__dict__.get("_later") or ()),
            len(canv._extgstate._c), len(canv._colorsUsed), len(canv._shadingUsed))


@dataclass
class Call:
    """A call a drawing made that is made again when it is written again: where in its
    operators and forms it came, the operators it wrote itself (skipped: the call
    writes them again), the transform it was made under."""
    code_at: int
    code_after: int
    forms_at: int
    forms_after: int
    function: Callable  # function(canvas, *args, **kwargs)
    args: tuple
    kwargs: dict
    matrix: tuple
    effects: tuple  # what it added, as _effects counts


def called(canv, function: Callable, args: tuple, kwargs: dict):
    """`function(canv, *args, **kwargs)`, noted when a drawing is being kept: links,
    forms filled in later (HandoutCanvas) and photos placed (images) come through here."""
    calls = canv.__dict__.get("_handout_calls")
    if calls is None:
        return function(canv, *args, **kwargs)
    code_at, forms_at, before, matrix = len(canv._code), len(canv._formsinuse), _effects(canv), canv._currentMatrix
    result = function(canv, *args, **kwargs)
    added = tuple(b - a for a, b in zip(before, _effects(canv)))
    calls.append(Call(code_at, len(canv._code), forms_at, len(canv._formsinuse), function, args, kwargs, matrix,
                      added))
    return result


@dataclass
class Drawn:
    before: tuple  # graphics state, fonts, forms: what the operators were written in
    code: list[str]
    forms_used: list[str]
    fonts_after: tuple
    calls: list[Call]

    def write(self, canv) -> None:
        code, forms = 0, 0
        for call in self.calls:
            canv._code.extend(self.code[code:call.code_at])
            canv._formsinuse.extend(self.forms_used[forms:call.forms_at])
            matrix, canv._currentMatrix = canv._currentMatrix, call.matrix
            try:
                call.function(canv, *call.args, **call.kwargs)
            finally:
                canv._currentMatrix = matrix
            code, forms = call.code_after, call.forms_after
        canv._code.extend(self.code[code:])
        canv._formsinuse.extend(self.forms_used[forms:])
        _set_fonts_state(canv._doc, self.fonts_after)


VARIANTS = 4  # states kept per drawing: a client's name in other letters encodes later pages anew


def draw(kept: dict, key, canv, draw_now) -> None:
    """Draw on `canv` with `draw_now()`, or write again what was drawn under `key` in
    `kept` when the canvas is as it was then."""
    before = (_graphics(canv), _fonts_state(canv._doc))
    variants = kept.setdefault(key, [])
    for drawn in variants:
        if drawn.before == before:
            drawn.write(canv)
            return
    if canv.__dict__.get("_handout_calls") is not None:  # inside a drawing being kept: part of it
        draw_now()
        return
    effects, code_at, forms_at = _effects(canv), len(canv._code), len(canv._formsinuse)
    code, forms = canv._code, canv._formsinuse
    calls: list[Call] = []
    canv._handout_calls = calls
    try:
        draw_now()
    finally:
        canv._handout_calls = None
    # What it added besides its repeatable calls: nothing, or it is not kept.
    added = [b - a for a, b in zip(effects, _effects(canv))]
    for call in calls:
        added = [n - c for n, c in zip(added, call.effects)]
    if canv._code is code and canv._formsinuse is forms and not any(added) and _graphics(canv) == before[0]:
        for call in calls:  # positions within this drawing
            call.code_at, call.code_after = call.code_at - code_at, call.code_after - code_at
            call.forms_at, call.forms_after = call.forms_at - forms_at, call.forms_after - forms_at
        variants.insert(0, Drawn(before, code[code_at:], forms[forms_at:], _fonts_state(canv._doc), calls))
        del variants[VARIANTS:]
