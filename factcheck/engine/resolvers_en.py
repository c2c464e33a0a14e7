"""Resolvers for English phrasings: the whole a share is "of", named by the words after it."""

from __future__ import annotations

import re

from ..kinds import Candidate
from ..model import Quantity
from .context import Context
from .resolvers import resolver
from .rules import Resolver

_OF_NAME = re.compile(r"\A\s+of\s+(?:the\s+|all\s+|those\s+|total\s+|overall\s+)*((?:[A-Za-z][A-Za-z-]*\s*){1,3})")
_STOP = {"the", "all", "total", "overall", "number", "of", "and", "in", "for", "who", "which", "that", "were", "was",
         "is", "are", "a", "an", "those", "these", "people", "persons"}


def _stem(w: str) -> str:
    w = w.lower()
    for suf in ("ies", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _name_words(text: str) -> list[str]:
    m = _OF_NAME.match(text)
    if not m:
        return []
    words = []
    for w in m.group(1).split():
        if w.lower() in _STOP:
            if words:
                break
            continue
        words.append(_stem(w))
    return words


@resolver("named_whole")
def named_whole(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole a share is "of": "accounted for 41.9 percent of the unemployed" looks back (spec.sentences) for
    an amount of the part's measure, at least as large, that the text introduced with the same word ("the number
    of unemployed persons (12.7 million)"). The nearest such amount; none when no earlier amount is so named."""
    stated = cand.slots.get(cand.stated)
    part = cand.slots.get(spec.of or "")
    if not isinstance(stated, Quantity) or not isinstance(part, Quantity):
        return None
    words = _name_words(ctx.doc.norm[stated.end: stated.end + 60])
    if not words:
        return None
    head = words[0]
    lo, _ = ctx.sentence_range(part.start, spec.sentences)
    for q in reversed(ctx.quantities[: part.index]):
        if q.start < lo:
            break
        if q.furniture or q.range_with is not None or q.type != part.type or q.unit != part.unit:
            continue
        if q.hi < part.lo or q.bound != "exact":
            continue
        s, _ = ctx.sentence_span(q.start)
        lead = ctx.doc.norm[max(s, q.start - 50): q.start]
        lead_words = {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]*", lead)}
        if head in lead_words:
            return q
    return None
