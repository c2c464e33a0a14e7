"""Stage 3: quantities -> facts. Each language pack registers a reader that gives every figure its role, measure,
scope and period (see model.py); the lexicons it reads with are data (rules/<lang>/*.lexicon.yaml)."""

from __future__ import annotations

import importlib
from typing import Callable

from ..model import Quantity
from ..read import Document
from .lexicon import Lexicon, lexicon
from .model import Fact, FactSet, Period

READERS: dict[str, Callable[[Document, list[Quantity], Lexicon], FactSet]] = {}


def register(language: str):
    def deco(fn):
        READERS[language] = fn
        return fn

    return deco


def read_facts(doc: Document, quantities: list[Quantity]) -> FactSet:
    if doc.language not in READERS:
        try:
            importlib.import_module(f"{__name__}.{doc.language}")
        except ModuleNotFoundError:
            return FactSet(facts=[], by_index={}, sentences=[])
    return READERS[doc.language](doc, quantities, lexicon(doc.language))


__all__ = ["Fact", "FactSet", "Period", "read_facts", "register"]
