"""Stage 4: relation frames over facts, language-neutral.

A frame looks at facts (role, measure, scope, period), never at the characters between two numbers, and binds the
figures of one relation: a level with its prior, change and rate; a whole with its parts; a share with its part and
base. Each binding says how its figures were bound and whether the binding is certain (stated by the syntax, or
the only reading the context allows). Rule files (kind + frame + relation + stated + guards) say which relation is
checked over which binding, so the arithmetic stays data.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..model import Quantity

if TYPE_CHECKING:
    from ..engine.context import Context

FRAMES: dict[str, Callable[["Context"], list["Binding"]]] = {}


@dataclass
class Binding:
    slots: dict[str, "Quantity | list[Quantity]"]
    how: str  # how the figures were bound, for the report ("prior level: 2016年 6323元, from 由…增加到…")
    certain: bool = True  # a discrepancy is reported only over a certain binding
    tags: set[str] = field(default_factory=set)  # what guards test: complete, partial, ref-missing, …
    extra: list[Quantity] = field(default_factory=list)  # shown with the finding, not computed with
    label: str = ""
    roles: dict[str, str] = field(default_factory=dict)  # slot -> role name in the report
    alternatives: list["Binding"] = field(default_factory=list)
    reading: str = ""
    # for claims whose other side is not a figure (a count of listed items): the claimed figure, what the text
    # gives for it, and how that was found
    relation: str = ""  # a relation of the binding's own, when a reading computes the claim otherwise
    stated: Quantity | None = None
    expected: tuple[float, float] | None = None
    arithmetic: str = ""

    def quantities(self) -> list[Quantity]:
        out: list[Quantity] = []
        for v in self.slots.values():
            out.extend(v if isinstance(v, list) else [v])
        return out


def frame(name: str):
    def deco(fn):
        FRAMES[name] = fn
        return fn

    return deco


_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for mod in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{mod.name}")


def frame_names() -> list[str]:
    _load()
    return sorted(FRAMES)


def bindings(ctx: "Context", name: str) -> list[Binding]:
    """A frame's bindings over one document, computed once per document."""
    _load()
    cache = ctx.__dict__.setdefault("_frame_cache", {})
    if name not in cache:
        fn = FRAMES.get(name)
        cache[name] = fn(ctx) if fn is not None else []
    return cache[name]
