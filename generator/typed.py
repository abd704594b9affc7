"""Typed models declared with annotations, without pydantic.

models.py reads as before: fields with `Annotated[..., Field(...)]`, defaults,
`Literal`, `X | None`, lists, dicts, tuples, nested models and validators. What this
module adds is a small validator compiled from those annotations once per class
(lazily, at first use) and the JSON Schema of the same declarations.

Why not pydantic: importing it and building the schemas of our ~15 models cost a
quarter of a cold `handout build`. Why not msgspec: it stops at the first error and
has no before-validators, and a trainer needs every problem of a file at once, each
in words validation.py turns into a message. So errors are records shaped like
pydantic's (`type`, `loc`, `msg`, `ctx`, `input`), and the rules follow its lax mode:
numbers become text where text is expected, "5" and 5.0 become 5, unknown keys are
refused, a union tries every member exactly first and then loosely.

typed_nodes.py holds the scalar kinds and the markers, typed_shapes.py the nodes
that hold others and the reading of annotations; this module the model base.
"""

from __future__ import annotations

import copy
import sys
import typing
from typing import Any

from .typed_nodes import (  # noqa: F401 - the markers models.py declares with
    FAIL, MISSING, AfterValidator, BeforeValidator, ConfigDict, Discriminator, Field, FieldInfo, Tag,
    ValidationError, _error, _value_error, field_validator, model_validator,
)
from .typed_shapes import FuncNode, ModelNode, Node, _node

# --- the model base -----------------------------------------------------------------


def _title(name: str) -> str:
    return name.replace("_", " ").title() if "_" in name else name[:1].upper() + name[1:]


class Model:
    """A frozen record validated from a dict; see the module's docstring."""

    model_config: dict = {}
    model_fields: dict[str, FieldInfo] = {}
    __slots__ = ("__dict__", "_set")

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        config = {}
        for base in reversed(cls.__mro__):
            config.update(base.__dict__.get("model_config", {}))
        cls.model_config = config
        cls.__compiled = None  # compiled at first use: reading a class costs nothing
        hints = {}
        for base in reversed(cls.__mro__[:-1]):
            hints.update({name: (hint, base.__module__)
                          for name, hint in base.__dict__.get("__annotations__", {}).items()})
        fields: dict[str, FieldInfo] = {}
        for name, hint in hints.items():
            if name.startswith("_") or name.startswith("model_"):
                continue
            declared = getattr(cls, name, MISSING)
            if not isinstance(declared, FieldInfo):
                parent = next((b.model_fields[name] for b in cls.__mro__[1:]
                               if name in getattr(b, "model_fields", {})), None)
                declared = FieldInfo(declared) if declared is not MISSING or parent is None else parent
            info = FieldInfo(declared.default, **declared.kw)
            info.annotation = hint  # (text, module) until resolved at first use
            fields[name] = info
            if name in cls.__dict__:
                delattr(cls, name)
        cls.model_fields = fields
        validators: dict[str, list] = {}
        model_checks = []
        for base in reversed(cls.__mro__):
            for attr in base.__dict__.values():
                func = attr.__func__ if isinstance(attr, classmethod) else attr
                marks = getattr(func, "_validates", None)
                if marks:
                    for name in marks[0]:
                        validators.setdefault(name, []).append((func, marks[1]))
                if getattr(func, "_validates_model", False):
                    model_checks.append(func)
        cls._field_validators = validators
        cls._model_checks = model_checks

    @classmethod
    def _compile(cls) -> dict[str, Node]:
        compiled = cls.__dict__.get("_Model__compiled")
        if compiled is None:
            compiled = {}
            for name, info in cls.model_fields.items():
                hint, module = info.annotation if isinstance(info.annotation, tuple) else (info.annotation, None)
                if isinstance(hint, str):  # declared under `from __future__ import annotations`
                    hint = eval(hint, vars(sys.modules[module]))  # noqa: S307 - our own source
                info.annotation = hint
                node = _node(hint, cls)
                for func, mode in cls._field_validators.get(name, []):
                    node = FuncNode(node, lambda v, f=func: f(cls, v), mode == "before")
                compiled[name] = node
            cls.__compiled = compiled
        return compiled

    @classmethod
    def _build(cls, data: dict, loc: tuple, errors: list):
        nodes = cls._compile()
        by_name = cls.model_config.get("populate_by_name", False)
        mine: list = []
        values: dict = {}
        given: set = set()
        used: set = set()
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key in data:
                raw = data[key]
                used.add(key)
            elif by_name and info.alias and name in data:
                raw, key = data[name], name
                used.add(name)
            elif info.is_required():
                _error(mine, "missing", loc + (key,), data, "Field required")
                continue
            else:
                values[name] = copy.copy(info.default)
                continue
            found = nodes[name].validate(raw, loc + (key,), mine)
            values[name] = found
            given.add(name)
        if cls.model_config.get("extra") == "forbid":
            for key in data:
                if key not in used:
                    _error(mine, "extra_forbidden", loc + (key,), data[key], "Extra inputs are not permitted")
        if mine:
            errors.extend(mine)
            return FAIL
        made = cls._make(values, given)
        for check in cls._model_checks:
            try:
                made = check(made)
            except ValueError as exc:
                return _value_error(errors, loc, data, exc)
        return made

    @classmethod
    def _make(cls, values: dict, given: set):
        made = object.__new__(cls)
        object.__setattr__(made, "__dict__", values)
        object.__setattr__(made, "_set", frozenset(given))
        return made

    @classmethod
    def model_validate(cls, data: Any):
        if isinstance(data, cls):
            return data
        errors: list = []
        made = ModelNode(cls).validate(data, (), errors)
        if errors:
            raise ValidationError(cls.__name__, errors)
        return made

    def __init__(self, **data: Any):
        errors: list = []
        made = type(self)._build(data, (), errors)
        if errors:
            raise ValidationError(type(self).__name__, errors)
        object.__setattr__(self, "__dict__", made.__dict__)
        object.__setattr__(self, "_set", made._set)

    @property
    def model_fields_set(self) -> set[str]:
        return set(self._set)

    model_extra = None

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen; use model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def model_copy(self, *, update: dict | None = None):
        values = {**self.__dict__, **(update or {})}
        return type(self)._make(values, set(self._set) | set(update or {}))

    def model_dump(self, *, mode: str = "python", exclude: set | None = None, exclude_unset: bool = False,
                   by_alias: bool = False) -> dict:
        nodes = type(self)._compile()
        out = {}
        for name, info in type(self).model_fields.items():
            if (exclude and name in exclude) or (exclude_unset and name not in self._set):
                continue
            value = self.__dict__[name]
            if exclude_unset and isinstance(value, Model):
                dumped = value.model_dump(mode=mode, exclude_unset=True, by_alias=by_alias)
            else:
                dumped = nodes[name].dump(value, mode == "json")
            out[(info.alias or name) if by_alias else name] = dumped
        return out

    def __eq__(self, other: Any) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self),) + tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self)._make, (dict(self.__dict__), set(self._set)))

    # --- JSON Schema, in pydantic's spelling so the committed schemas stay the same -----

    @classmethod
    def _own_schema(cls, defs: dict) -> dict:
        nodes = cls._compile()
        properties, required = {}, []
        for name, info in cls.model_fields.items():
            node = nodes[name]
            prop = node.schema(defs)
            key = info.alias or name
            if node.title_in_field:
                prop["title"] = _title(key)
            if info.description:
                prop["description"] = info.description
            if info.is_required():
                required.append(key)
            else:
                prop["default"] = _jsonable(info.default)
            extra = info.kw.get("json_schema_extra")
            if extra:
                prop.update(extra)
            properties[key] = prop
        out: dict = {"properties": properties, "title": cls.__name__, "type": "object"}
        if cls.model_config.get("extra") == "forbid":
            out["additionalProperties"] = False
        if cls.__doc__ and "__doc__" in cls.__dict__:
            out["description"] = typing.cast(str, _clean_doc(cls.__doc__))
        if required:
            out["required"] = required
        out.update(cls.model_config.get("json_schema_extra") or {})
        return out

    @classmethod
    def model_json_schema(cls) -> dict:
        defs: dict = {}
        own = cls._own_schema(defs)
        if defs:
            own["$defs"] = defs
        return _sorted(own)


def _jsonable(value: Any) -> Any:
    """A default as pydantic shows it: as written, except a model (dumped) and tuples."""
    if isinstance(value, Model):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _clean_doc(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)


def _sorted(value: Any, parent: str | None = None) -> Any:
    """Keys in order, as pydantic writes them, except a model's properties and defaults."""
    if parent == "default":
        return value
    if isinstance(value, dict):
        keys = value if parent == "properties" else sorted(value)
        return {k: _sorted(value[k], None if parent == "properties" else k) for k in keys}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value
