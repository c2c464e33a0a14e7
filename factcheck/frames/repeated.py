"""The same figure stated again a few sentences later ('… 425,000 more than a year earlier. This annual increase of
425,000 was mainly …'; a lead repeated in the body): one fact, stated twice.

Bound only when the two are the same value in the same unit and part, at most three sentences apart, and their
measures do not name different things (one holds the other's words, or one names none). A figure that is too small to be
told apart from a count (3, 12) is left alone, and so is a forecast or a target beside the figure itself.
Different values are never bound here: which figure restates which is then not certain.
"""

from __future__ import annotations

import re

from . import Binding, frame
from .common import describe, same_dimension, tokens

_ROLES = ("level", "change", "rate", "share", "prior", "points")


def _distinct(q) -> bool:
    # a bare number under 1,000 is as often a model, a code or a name (Boeing 777, &#233;) as a figure
    return bool(q.unit) or q.decimals > 0 or abs(q.value) >= 1000 or q.scale != 1.0


def _clause(ctx, f) -> str:
    s, e = ctx.facts.sentences[f.sentence]
    return ctx.doc.norm[s:e]


_CHANGE_NOUN = re.compile(r"\b(?:increase|rise|gain|growth|fall|drop|decline|decrease|reduction)\b[^,;]*\Z", re.I)


def _change_named(ctx, a, b) -> bool:
    """A change restated as a noun ('rose by 318,000' … 'the annual rise in employment of 318,000')."""
    roles = {a.role, b.role}
    if roles != {"change", "level"}:
        return False
    lv = a if a.role == "level" else b
    s, _ = ctx.facts.sentences[lv.sentence]
    return bool(_CHANGE_NOUN.search(ctx.doc.norm[s:lv.q.start]))


@frame("repeated")
def repeated(ctx) -> list[Binding]:
    if ctx.doc.language != "en":
        return []
    from .restated import _headline

    from ..facts.lexicon import lexicon

    fs = ctx.facts
    expected = lexicon(ctx.doc.language).marker("forecast")  # a forecast or target of a figure is another fact
    out: list[Binding] = []
    taken: set[int] = set()
    head = _headline(ctx)  # a headline's figures are the restated frame's
    for b in fs.facts:
        if b.role not in _ROLES or not _distinct(b.q) or not b.q.value:
            continue
        for a in reversed(fs.in_sentences(b.sentence - 3, b.sentence - 1)):
            if a.index in taken or a.sentence == head or a.q.type != b.q.type or not same_dimension(a.q, b.q):
                continue
            if a.role != b.role and not _change_named(ctx, a, b):
                continue
            if a.q.value != b.q.value or a.q.bound != b.q.bound:
                continue
            ka, kb = set(tokens(a.key)), set(tokens(b.key))
            if ka and kb and not (ka <= kb or kb <= ka):
                continue  # exports of services and imports of services: both rose $0.1 billion
            if a.sign and b.sign and a.sign != b.sign:
                continue
            if bool(expected.search(_clause(ctx, a))) != bool(expected.search(_clause(ctx, b))):
                continue  # revenue of $12.2 billion; analysts expected $12.2 billion
            taken.add(a.index)
            out.append(Binding(slots={"first": a.q, "again": b.q}, tags={"repeated"},
                               how=f"{b.q.text} states again {describe(a)} ({b.sentence - a.sentence} "
                                   "sentence(s) before)"))
            break
    return out
