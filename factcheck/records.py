"""Plain dataclasses for the data that flows on every run; pydantic only where input is validated or a schema
is published, imported then and not before.

Importing pydantic and building model classes costs ~0.2 s, more than checking an article; a CI runs the CLI once
per article. So the models are stdlib dataclasses with the small part of pydantic's API this project uses
(`model_copy`, `model_dump`, `model_fields`), and `validate`/`json_schema` hand the same classes to pydantic's
TypeAdapter when a rule file, a configuration file or a schema is at stake.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from functools import lru_cache
from typing import Any

MISSING = dataclasses.MISSING


def field(default: Any = MISSING, *, description: str = "", default_factory: Any = MISSING) -> Any:
    """A dataclass field with a description for the published schema."""
    kw: dict[str, Any] = {"metadata": {"description": description}}
    if default is not MISSING:
        kw["default"] = default
    if default_factory is not MISSING:
        kw["default_factory"] = default_factory
    return dataclasses.field(**kw)


@lru_cache(maxsize=None)
def _dumped_fields(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass that a dump holds (not marked exclude), looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("exclude"))


_LEAVES = (str, int, bool, type(None))


def _dump(obj: Any, mode: str, exclude: Any) -> Any:
    if type(obj) in _LEAVES:
        return obj  # most of a report: returned as they are (the tests below would each say so, slower)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for name in _dumped_fields(type(obj)):
            if isinstance(exclude, (set, frozenset)) and name in exclude:
                continue
            sub = exclude.get(name) if isinstance(exclude, dict) else None
            if sub is True:
                continue
            out[name] = _dump(getattr(obj, name), mode, sub)
        return out
    if isinstance(obj, (list, tuple)):
        inner = exclude.get("__all__") if isinstance(exclude, dict) else None
        return [_dump(x, mode, inner) for x in obj]
    if isinstance(obj, dict):
        return {k: _dump(v, mode, None) for k, v in obj.items()}
    if mode == "json" and isinstance(obj, float) and not math.isfinite(obj):
        return None  # JSON has no infinity; an open bound is null
    return obj


class Record:
    """The pydantic-like conveniences the code base uses, for stdlib dataclasses."""

    def model_copy(self, update: dict[str, Any] | None = None):
        return dataclasses.replace(self, **(update or {}))

    def model_dump(self, mode: str = "python", exclude: Any = None, include: set[str] | None = None) -> dict:
        out = _dump(self, mode, exclude)
        return {k: v for k, v in out.items() if k in include} if include is not None else out

    @classmethod
    def model_fields_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))


@lru_cache(maxsize=None)
def _adapter(tp: type):
    from pydantic import TypeAdapter

    return TypeAdapter(tp)


def validate(tp: type, data: Any):
    """An instance of the dataclass `tp` from plain data, checked by pydantic (raises pydantic.ValidationError)."""
    return _adapter(tp).validate_python(data)


def json_schema(tp: type) -> dict:
    """The JSON Schema of a dataclass, with each field's description."""
    schema = _adapter(tp).json_schema()
    defs = schema.get("$defs", {})
    seen: set[type] = set()

    def walk(cls: type) -> None:
        if cls in seen or not dataclasses.is_dataclass(cls):
            return
        seen.add(cls)
        target = schema if cls is tp else defs.get(cls.__name__)
        hints = {f.name: f for f in dataclasses.fields(cls)}
        if target is not None:
            if cls.__doc__ and "description" not in target:
                target["description"] = " ".join(cls.__doc__.split())
            for name, prop in target.get("properties", {}).items():
                desc = hints[name].metadata.get("description") if name in hints else ""
                if desc:
                    prop["description"] = desc
        for annotation in typing.get_type_hints(cls).values():
            for sub in _dataclasses_in(annotation):
                walk(sub)

    walk(tp)
    return schema


def _dataclasses_in(annotation: Any) -> list[type]:
    found = []
    stack = [annotation]
    while stack:
        a = stack.pop()
        if dataclasses.is_dataclass(a) and isinstance(a, type):
            found.append(a)
        stack.extend(typing.get_args(a))
    return found
