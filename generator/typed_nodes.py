"""The kinds of value a typed model holds: text, numbers, true/false, fixed choices,
dates, and the markers (`Field`, validators) that constrain them in annotations.

Each node validates in pydantic's lax mode and records errors shaped like pydantic's,
and describes itself as JSON Schema; see typed.py.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()


class ValidationError(ValueError):
    """Every problem found in one input; `errors()` lists them as records."""

    def __init__(self, title: str, errors: list[dict]):
        super().__init__(f"{len(errors)} validation error(s) for {title}")
        self._errors = errors

    def errors(self) -> list[dict]:
        return list(self._errors)


class FieldInfo:
    """A field's default and constraints; inside Annotated, constraints of that type."""

    KEYS = ("ge", "le", "min_length", "max_length", "pattern", "description", "alias", "json_schema_extra")

    def __init__(self, default: Any = MISSING, **kw: Any):
        unknown = set(kw) - set(self.KEYS)
        if unknown:
            raise TypeError(f"Field() does not take {sorted(unknown)}")
        self.default = default
        self.kw = kw
        self.alias: str | None = kw.get("alias")
        self.annotation: Any = None  # set on the class's model_fields

    @property
    def description(self) -> str | None:
        return self.kw.get("description")

    def is_required(self) -> bool:
        return self.default is MISSING


def Field(default: Any = MISSING, **kw: Any) -> Any:  # noqa: N802 - reads like pydantic's
    return FieldInfo(default, **kw)


class BeforeValidator:
    def __init__(self, func, json_schema_input_type: Any = None):
        self.func, self.input_type = func, json_schema_input_type


class AfterValidator:
    def __init__(self, func):
        self.func = func


class Tag:
    def __init__(self, tag: str):
        self.tag = tag


class Discriminator:
    """A union whose member is chosen by `func(value)`, a member's Tag."""

    def __init__(self, func):
        self.func = func


def ConfigDict(**kw: Any) -> dict:  # noqa: N802
    return dict(kw)


def field_validator(*names: str, mode: str = "after"):
    def mark(func):
        target = func.__func__ if isinstance(func, classmethod) else func
        target._validates = (names, mode)
        return func
    return mark


def model_validator(*, mode: str):
    if mode != "after":
        raise TypeError("only after model validators are supported")

    def mark(func):
        func._validates_model = True
        return func
    return mark


def _error(errors: list, kind: str, loc: tuple, value: Any, msg: str, ctx: dict | None = None) -> None:
    record = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx is not None:
        record["ctx"] = ctx
    errors.append(record)


FAIL: Any = type("Fail", (), {})()


def _value_error(errors: list, loc: tuple, value: Any, exc: ValueError) -> Any:
    _error(errors, "value_error", loc, value, f"Value error, {exc}", {"error": exc})
    return FAIL


# --- nodes: one per kind of type, each validates and describes itself ----------------


class Node:
    title_in_field = True  # pydantic leaves the title off a field that holds a model
    description: str | None = None

    def validate(self, value: Any, loc: tuple, errors: list, strict: bool = False) -> Any:
        raise NotImplementedError

    def schema(self, defs: dict) -> dict:
        raise NotImplementedError

    def dump(self, value: Any, json: bool) -> Any:
        return value

    def with_description(self, out: dict) -> dict:
        if self.description:
            out["description"] = self.description
        return out


def _bounds(node, value, loc, errors, *, floats: bool) -> Any:
    checks = (("le", lambda v, b: v <= b, "less_than_equal", "less than or equal to"),
              ("ge", lambda v, b: v >= b, "greater_than_equal", "greater than or equal to"))
    for key, ok, kind, words in checks:
        bound = node.limits.get(key)
        if bound is not None and not ok(value, bound):
            bound = float(bound) if floats else bound
            _error(errors, kind, loc, value, f"Input should be {words} {bound}", {key: bound})
            return FAIL
    return value


class IntNode(Node):
    def __init__(self, limits: dict):
        self.limits = limits

    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, int) and not (strict and isinstance(value, bool)):
            number = int(value)
        elif strict:
            _error(errors, "int_type", loc, value, "Input should be a valid integer")
            return FAIL
        elif isinstance(value, float):
            if not math.isfinite(value):
                _error(errors, "finite_number", loc, value, "Input should be a finite number")
                return FAIL
            if not value.is_integer():
                _error(errors, "int_from_float", loc, value,
                       "Input should be a valid integer, got a number with a fractional part")
                return FAIL
            if abs(value) >= 2**63:
                _error(errors, "int_parsing_size", loc, value,
                       "Unable to parse input string as an integer, exceeded maximum size")
                return FAIL
            number = int(value)
        elif isinstance(value, str):
            try:
                number = int(value.strip())
            except ValueError:
                try:
                    as_float = float(value.strip())
                except ValueError:
                    as_float = math.nan
                if not as_float.is_integer():
                    _error(errors, "int_parsing", loc, value,
                           "Input should be a valid integer, unable to parse string as an integer")
                    return FAIL
                number = int(as_float)
        else:
            _error(errors, "int_type", loc, value, "Input should be a valid integer")
            return FAIL
        return _bounds(self, number, loc, errors, floats=False)

    def schema(self, defs):
        out = {"type": "integer"}
        if "ge" in self.limits:
            out["minimum"] = self.limits["ge"]
        if "le" in self.limits:
            out["maximum"] = self.limits["le"]
        return self.with_description(out)


class FloatNode(IntNode):
    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, (int, float)) and not (strict and isinstance(value, bool)):
            try:
                number = float(value)
            except OverflowError:
                _error(errors, "float_type", loc, value, "Input should be a valid number")
                return FAIL
        elif isinstance(value, str) and not strict:
            try:
                number = float(value.strip())
            except ValueError:
                _error(errors, "float_parsing", loc, value,
                       "Input should be a valid number, unable to parse string as a number")
                return FAIL
        else:
            _error(errors, "float_type", loc, value, "Input should be a valid number")
            return FAIL
        return _bounds(self, number, loc, errors, floats=True)

    def schema(self, defs):
        out = super().schema(defs)
        out["type"] = "number"
        return out

    def dump(self, value, json):
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class StrNode(Node):
    def __init__(self, limits: dict):
        self.limits = limits
        self.pattern = re.compile(limits["pattern"]) if "pattern" in limits else None

    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not strict:
            value = str(value)  # a number where text is expected is that text
        if not isinstance(value, str):
            _error(errors, "string_type", loc, value, "Input should be a valid string")
            return FAIL
        low, high = self.limits.get("min_length"), self.limits.get("max_length")
        if low is not None and len(value) < low:
            _error(errors, "string_too_short", loc, value,
                   f"String should have at least {low} character{'s' * (low != 1)}", {"min_length": low})
            return FAIL
        if high is not None and len(value) > high:
            _error(errors, "string_too_long", loc, value,
                   f"String should have at most {high} character{'s' * (high != 1)}", {"max_length": high})
            return FAIL
        if self.pattern is not None and not self.pattern.search(value):
            pattern = self.limits["pattern"]
            _error(errors, "string_pattern_mismatch", loc, value, f"String should match pattern '{pattern}'",
                   {"pattern": pattern})
            return FAIL
        return value

    def schema(self, defs):
        out = {"type": "string"}
        for key, name in (("max_length", "maxLength"), ("min_length", "minLength"), ("pattern", "pattern")):
            if key in self.limits:
                out[name] = self.limits[key]
        return self.with_description(out)


_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


class BoolNode(Node):
    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
            value = int(value)  # 1.0 reads as 1
        if isinstance(value, (int, float)) and value in (0, 1) and not strict:
            return bool(value)
        if isinstance(value, (int, str)) and not strict:
            word = value.strip().lower() if isinstance(value, str) else None
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
            _error(errors, "bool_parsing", loc, value, "Input should be a valid boolean, unable to interpret input")
            return FAIL
        _error(errors, "bool_type", loc, value, "Input should be a valid boolean")
        return FAIL

    def schema(self, defs):
        return self.with_description({"type": "boolean"})


class LiteralNode(Node):
    def __init__(self, values: tuple):
        self.values = values

    def validate(self, value, loc, errors, strict=False):
        for allowed in self.values:
            if type(value) is type(allowed) and value == allowed:
                return allowed
        shown = [repr(v) for v in self.values]
        expected = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
        _error(errors, "literal_error", loc, value, f"Input should be {expected}", {"expected": expected})
        return FAIL

    def schema(self, defs):
        kinds = {str: "string", int: "integer", bool: "boolean"}
        out = {"enum": list(self.values)}
        kind = {kinds.get(type(v)) for v in self.values}
        if len(kind) == 1 and None not in kind:
            out["type"] = kind.pop()
        return self.with_description(out)


class DateNode(Node):
    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, dt.datetime):
            if value.time() == dt.time(0) and value.tzinfo is None:
                return value.date()
        elif isinstance(value, dt.date):
            return value
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and not strict:
            # A Unix time, in seconds or (when large) milliseconds, as pydantic reads it.
            seconds = round(value / 1000 if abs(value) > 2e10 else value, 6)  # to the microsecond
            if not -62135596800 <= seconds < 253402300800:  # the years Python's dates hold
                problem = (f"dates {'after 9999' if seconds > 0 else 'before 0000'} are not supported "
                           "as unix timestamps")
                _error(errors, "date_from_datetime_parsing", loc, value,
                       f"Input should be a valid date or datetime, {problem}", {"error": problem})
                return FAIL
            if seconds % 86400 == 0 and abs(seconds) < 2e11:
                return dt.date(1970, 1, 1) + dt.timedelta(days=seconds // 86400)
            _error(errors, "date_from_datetime_inexact", loc, value,
                   "Datetimes provided to dates should have zero time - e.g. be exact dates")
            return FAIL
        _error(errors, "date_type", loc, value, "Input should be a valid date")
        return FAIL

    def schema(self, defs):
        return self.with_description({"format": "date", "type": "string"})

    def dump(self, value, json):
        return value.isoformat() if json else value


class InstanceNode(Node):
    """A type kept as given (a Path); text is read as that type."""

    def __init__(self, kind: type):
        self.kind = kind

    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, self.kind):
            return value
        if isinstance(value, str) and self.kind is Path:
            return Path(value)
        _error(errors, "is_instance_of", loc, value, f"Input should be an instance of {self.kind.__name__}",
               {"class": self.kind.__name__})
        return FAIL

    def schema(self, defs):
        raise TypeError(f"no JSON Schema for {self.kind.__name__}")

    def dump(self, value, json):
        return str(value) if json and isinstance(value, Path) else value
