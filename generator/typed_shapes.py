"""The nodes that hold other nodes (optional, unions, lists, tuples, dicts, models,
validators around a type), and the reading of annotations into nodes; see typed.py.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal

from .typed_nodes import (
    FAIL, AfterValidator, BeforeValidator, BoolNode, DateNode, Discriminator, FieldInfo, FloatNode,
    InstanceNode, IntNode, LiteralNode, Node, StrNode, Tag, _error, _value_error,
)

class NullableNode(Node):
    def __init__(self, inner: Node):
        self.inner = inner
        self.title_in_field = inner.title_in_field

    def validate(self, value, loc, errors, strict=False):
        return None if value is None else self.inner.validate(value, loc, errors, strict)

    def schema(self, defs):
        inner = self.inner.schema(defs)
        members = inner["anyOf"] if list(inner) == ["anyOf"] else [inner]  # pydantic flattens a bare anyOf
        return self.with_description({"anyOf": [*members, {"type": "null"}]})

    def dump(self, value, json):
        return None if value is None else self.inner.dump(value, json)


class UnionNode(Node):
    """Smart mode: the first member that takes the value as it is, else the first that
    takes it converted; when none does, every member's errors."""

    def __init__(self, members: list[Node]):
        self.members = members

    def validate(self, value, loc, errors, strict=False):
        for member in self.members:
            found = member.validate(value, loc, [], strict=True)
            if found is not FAIL:
                return found
        failures: list = []
        for member in self.members:
            found = member.validate(value, loc + (type(member).__name__,), failures, strict)
            if found is not FAIL:
                return found
        errors.extend(failures)
        return FAIL

    def schema(self, defs):
        return self.with_description({"anyOf": [m.schema(defs) for m in self.members]})

    def dump(self, value, json):
        for member in self.members:
            if member.validate(value, (), [], strict=True) is not FAIL:
                return member.dump(value, json)
        return value


class ListNode(Node):
    def __init__(self, item: Node, limits: dict, kind: type = list):
        self.item, self.limits, self.kind = item, limits, kind

    def validate(self, value, loc, errors, strict=False):
        if not isinstance(value, (list, tuple)):
            _error(errors, "list_type", loc, value, "Input should be a valid list")
            return FAIL
        high, low = self.limits.get("max_length"), self.limits.get("min_length")
        if high is not None and len(value) > high:
            _error(errors, "too_long", loc, value,
                   f"List should have at most {high} item{'s' * (high != 1)} after validation, not {len(value)}",
                   {"field_type": "List", "max_length": high, "actual_length": len(value)})
            return FAIL
        mine: list = []
        items = [self.item.validate(v, loc + (i,), mine) for i, v in enumerate(value)]
        if mine:
            errors.extend(mine)
            return FAIL
        if low is not None and len(items) < low:
            _error(errors, "too_short", loc, value,
                   f"List should have at least {low} item{'s' * (low != 1)} after validation, not {len(items)}",
                   {"field_type": "List", "min_length": low, "actual_length": len(items)})
            return FAIL
        return items if self.kind is list else self.kind(items)

    def schema(self, defs):
        out = {"items": self.item.schema(defs), "type": "array"}
        if "max_length" in self.limits:
            out["maxItems"] = self.limits["max_length"]
        if "min_length" in self.limits:
            out["minItems"] = self.limits["min_length"]
        return self.with_description(out)

    def dump(self, value, json):
        out = [self.item.dump(v, json) for v in value]
        return out if json or self.kind is list else self.kind(out)


class TupleNode(Node):
    def __init__(self, items: list[Node]):
        self.items = items

    def validate(self, value, loc, errors, strict=False):
        if not isinstance(value, (list, tuple)):
            _error(errors, "tuple_type", loc, value, "Input should be a valid tuple")
            return FAIL
        size = len(self.items)
        if len(value) > size:
            _error(errors, "too_long", loc, value,
                   f"Tuple should have at most {size} item{'s' * (size != 1)} after validation, not {len(value)}",
                   {"field_type": "Tuple", "max_length": size, "actual_length": len(value)})
            return FAIL
        mine: list = []
        out = []
        for i, node in enumerate(self.items):
            if i < len(value):
                out.append(node.validate(value[i], loc + (i,), mine))
            else:
                _error(mine, "missing", loc + (i,), value, "Field required")
        errors.extend(mine)
        return FAIL if mine else tuple(out)

    def schema(self, defs):
        size = len(self.items)
        return self.with_description({"maxItems": size, "minItems": size,
                                      "prefixItems": [n.schema(defs) for n in self.items], "type": "array"})

    def dump(self, value, json):
        out = [n.dump(v, json) for n, v in zip(self.items, value)]
        return out if json else tuple(out)


class DictNode(Node):
    def __init__(self, key: Node, value: Node):
        self.key, self.value = key, value
        self.extra: dict = {}

    def validate(self, value, loc, errors, strict=False):
        if not isinstance(value, dict):
            _error(errors, "dict_type", loc, value, "Input should be a valid dictionary")
            return FAIL
        mine: list = []
        out = {}
        for k, v in value.items():
            key = self.key.validate(k, loc + (k, "[key]"), mine)
            item = self.value.validate(v, loc + (k,), mine)
            out[key] = item
        errors.extend(mine)
        return FAIL if mine else out

    def schema(self, defs):
        out = {"additionalProperties": self.value.schema(defs), "type": "object"}
        names = self.key.schema(defs)
        names.pop("type", None)
        if names:
            out["propertyNames"] = names
        return self.with_description(out)

    def dump(self, value, json):
        return {self.key.dump(k, json): self.value.dump(v, json) for k, v in value.items()}


class FuncNode(Node):
    """A before- or after-validator around a type."""

    def __init__(self, inner: Node, func, before: bool, input_node: Node | None = None):
        self.inner, self.func, self.before, self.input_node = inner, func, before, input_node
        self.title_in_field = inner.title_in_field

    def validate(self, value, loc, errors, strict=False):
        if self.before:
            try:
                value = self.func(value)
            except ValueError as exc:
                return _value_error(errors, loc, value, exc)
            return self.inner.validate(value, loc, errors, strict)
        found = self.inner.validate(value, loc, errors, strict)
        if found is FAIL:
            return FAIL
        try:
            return self.func(found)
        except ValueError as exc:
            return _value_error(errors, loc, found, exc)

    def schema(self, defs):
        out = (self.input_node or self.inner).schema(defs)
        return self.with_description(out)

    def dump(self, value, json):
        return self.inner.dump(value, json)


class TaggedNode(Node):
    def __init__(self, choose, members: dict[str, Node]):
        self.choose, self.members = choose, members

    def validate(self, value, loc, errors, strict=False):
        tag = self.choose(value)
        return self.members[tag].validate(value, loc + (tag,), errors, strict)

    def schema(self, defs):
        return self.with_description({"oneOf": [m.schema(defs) for m in self.members.values()]})

    def dump(self, value, json):
        for node in self.members.values():
            if isinstance(node, ModelNode) == hasattr(value, "model_dump"):
                return node.dump(value, json)
        return value


class ModelNode(Node):
    title_in_field = False

    def __init__(self, cls):
        self.cls = cls

    def validate(self, value, loc, errors, strict=False):
        if isinstance(value, self.cls):
            return value
        if not isinstance(value, dict):
            _error(errors, "model_type", loc, value,
                   f"Input should be a valid dictionary or instance of {self.cls.__name__}",
                   {"class_name": self.cls.__name__})
            return FAIL
        return self.cls._build(value, loc, errors)

    def schema(self, defs):
        name = self.cls.__name__
        if name not in defs:
            defs[name] = None  # a placeholder against recursion
            defs[name] = self.cls._own_schema(defs)
        return self.with_description({"$ref": f"#/$defs/{name}"})

    def dump(self, value, json):
        return value.model_dump(mode="json" if json else "python") if hasattr(value, "model_dump") else value


# --- from annotations to nodes --------------------------------------------------------


def _node(annotation: Any, owner: type) -> Node:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _annotated(args[0], args[1:], owner)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        node = UnionNode([_node(a, owner) for a in members]) if len(members) > 1 else _node(members[0], owner)
        return NullableNode(node) if len(members) < len(args) else node
    if origin is Literal:
        return LiteralNode(args)
    if origin is list:
        return ListNode(_node(args[0], owner), {})
    if origin is tuple and args[-1] is Ellipsis:
        return ListNode(_node(args[0], owner), {}, tuple)
    if origin is tuple:
        return TupleNode([_node(a, owner) for a in args])
    if origin is dict:
        return DictNode(_node(args[0], owner), _node(args[1], owner))
    simple = {str: StrNode, int: IntNode, float: FloatNode}
    if annotation in simple:
        return simple[annotation]({})
    if annotation is bool:
        return BoolNode()
    if annotation is dt.date:
        return DateNode()
    if isinstance(annotation, type) and hasattr(annotation, "_build"):  # a typed.Model
        return ModelNode(annotation)
    if isinstance(annotation, type):
        return InstanceNode(annotation)
    raise TypeError(f"{owner.__name__}: cannot validate {annotation!r}")


def _annotated(base: Any, metadata: tuple, owner: type) -> Node:
    discriminator = next((m for m in metadata if isinstance(m, Discriminator)), None)
    if discriminator is not None:
        members = {}
        for member in typing.get_args(base):
            inner, *tags = typing.get_args(member)
            members[next(t.tag for t in tags if isinstance(t, Tag))] = _node(inner, owner)
        node: Node = TaggedNode(discriminator.func, members)
    else:
        node = _node(base, owner)
    for meta in metadata:
        if isinstance(meta, FieldInfo):
            limits = {k: v for k, v in meta.kw.items() if k in ("ge", "le", "min_length", "max_length", "pattern")}
            if limits:
                node.limits = {**node.limits, **limits}
                if isinstance(node, StrNode):
                    node = StrNode(node.limits)
            if meta.description:
                node.description = meta.description
        elif isinstance(meta, BeforeValidator):
            shown = _node(meta.input_type, owner) if meta.input_type is not None else None
            node = FuncNode(node, meta.func, True, shown)
        elif isinstance(meta, AfterValidator):
            node = FuncNode(node, meta.func, False)
    return node
