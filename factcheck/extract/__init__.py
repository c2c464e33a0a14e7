"""Stage 2: Document -> quantities. One module per language pack, each registering itself by language code."""

from __future__ import annotations

import importlib
from typing import Callable

from ..model import Quantity
from ..read import Document

EXTRACTORS: dict[str, Callable[[Document], list[Quantity]]] = {}


def register(language: str):
    def deco(fn: Callable[[Document], list[Quantity]]):
        EXTRACTORS[language] = fn
        return fn

    return deco


def as_quantities(doc: Document, found: list[dict]) -> list[Quantity]:
    """Extracted figures (dicts, sorted by start) as Quantity records, indexed in text order, furniture marked."""
    out = []
    for i, d in enumerate(found):
        d["furniture"] = doc.in_furniture(d["start"], d["end"])
        out.append(Quantity(index=i, text=doc.text[d["start"]:d["end"]], **d))
    return out


def extract(doc: Document) -> list[Quantity]:
    if doc.language not in EXTRACTORS:
        try:
            importlib.import_module(f"{__name__}.{doc.language}")
        except ModuleNotFoundError:
            return []  # no language pack yet: nothing found, nothing claimed
    return EXTRACTORS[doc.language](doc)
