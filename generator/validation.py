"""Turning validation errors (records shaped like pydantic's) into problems a trainer
can act on.

Each error names its key path and line, says what was expected and what was found,
and for an unknown key suggests the nearest known one.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from .typed import Model as BaseModel, ValidationError

from .errors import Problem
from .loading import Document, KeyPath

_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
    "tuple_type": "a list of two numbers, such as [0.5, 0.3]",
    "dict_type": "keys with values (key: value lines)",
    "model_type": "keys with values (key: value lines)",
    "model_attributes_type": "keys with values (key: value lines)",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


_SECONDS_KEYS = {"lift", "hold", "lower", "pause", "rest"}  # the keys that hold seconds


def validate(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """The model built from `doc`, or None and every problem in it."""
    if not isinstance(doc.data, dict):
        found = _describe(doc.data)
        return None, [doc.problem((), f"expected keys with values (key: value lines), got {found}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, _problems(doc, model, exc)


def _problems(doc: Document, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    # One key can fail several ways when its type is a union (a number or text);
    # gather them so the message reads "expected a number or text".
    grouped: dict[KeyPath, list[dict]] = {}
    for err in exc.errors():
        path = _data_path(doc.data, err["loc"], err["type"])
        grouped.setdefault(path, []).append(err)

    problems = []
    for path, errs in grouped.items():
        problems.append(doc.problem(path, _message(doc, model, path, errs)))
    return problems


def _data_path(data: Any, loc: tuple, kind: str) -> KeyPath:
    """The part of an error's location that names keys in the file.

    The location also names union members and tags; those
    are not keys in the file, so they are dropped by walking the data.
    """
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif kind == "missing" and isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            break
    return tuple(path)


def _message(doc: Document, model: type[BaseModel], path: KeyPath, errs: list[dict]) -> str:
    first = errs[0]
    kind = first["type"]
    value = _value_at(doc.data, path)
    if kind == "extra_forbidden":
        return _unknown_key(model, path)
    if kind == "missing":
        return f"is missing; add '{path[-1]}:'" if path else "a required key is missing"
    expected = [_EXPECTED.get(e["type"]) for e in errs]
    if all(expected):
        wanted = " or ".join(dict.fromkeys(expected))  # keep order, drop repeats
        message = f"expected {wanted}, got {_describe(value)}"
        if "text" in expected and isinstance(value, dict):
            # The classic: "Rushing: take your time" reads as a key and a value.
            message += "; text with ': ' in it needs quotes around it"
        return message
    # The error that is not a type mismatch says more (a range, a choice).
    err = next(e for e in errs if e["type"] not in _EXPECTED)
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "literal_error":
        return f"expected {ctx.get('expected', 'one of the listed values')}, got {_describe(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"expected at least {_number(ctx.get('ge', ctx.get('gt')))}, got {_describe(value)}"
    if kind in ("less_than_equal", "less_than"):
        unit = " seconds (1 hour)" if path and path[-1] in _SECONDS_KEYS else ""
        return f"expected at most {_number(ctx.get('le', ctx.get('lt')))}{unit}, got {_describe(value)}"
    if kind == "too_short":
        if isinstance(value, str):
            return "is empty; write some text or remove the key"
        wanted = ctx.get("min_length", 1)
        return "is empty; it needs at least one entry" if wanted == 1 else f"needs at least {wanted} entries"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} are allowed"
    if kind == "string_too_short":
        return "is empty; write some text or remove the key"
    if kind == "string_too_long":
        return (f"is {len(value):,} characters long; at most {ctx.get('max_length'):,}: "
                "shorten it or split it in two" if isinstance(value, str) else err["msg"])
    if kind == "string_pattern_mismatch":
        return f"expected a web address starting with https://, got {_describe(value)}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
    return f"{err['msg']}, got {_describe(value)}"


def _unknown_key(model: type[BaseModel], path: KeyPath) -> str:
    key = path[-1]
    known = _known_keys(model, path[:-1])
    message = f"unknown key '{key}'"
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    if known:
        return f"{message}; known keys here: {', '.join(known)}"
    return message


def _known_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The field names of the model found at `path` inside `model`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = _item_type(current)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        current._compile()  # resolves the fields' annotations
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        field = fields.get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    """The BaseModel (or list of one) inside an Optional/Annotated annotation."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
        return None
    if origin is list:
        return annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _item_type(annotation: Any) -> Any:
    if typing.get_origin(annotation) is list:
        return _model_in(typing.get_args(annotation)[0])
    return None


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        value = " ".join(value.split())  # one problem, one line
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys with values"
    return type(value).__name__


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
