"""A change with its rate in brackets and no level bound to it ("Revenues were $342 billion (or 10 percent)
higher"; "rose by $372 billion (or 7 percent)"): the rate is the change over the level before it.

When one level of the same measure stands in that sentence or the one before, it is taken as the level, but not
as certain (a reading: the level may be another period's); otherwise the pair is recognised and said to be
unverifiable, never checked against a guess.
"""

from __future__ import annotations

from . import Binding
from .common import describe, same_dimension


def change_rate(ctx) -> list[Binding]:
    """Bindings for the growth frame's change-rate rules (level absent: the rules say why it is missing)."""
    fs = ctx.facts
    facts = fs.facts
    out: list[Binding] = []
    for a, b in zip(facts, facts[1:]):
        if a.role != "change" or b.role != "rate" or "rate-of-change" not in b.cues or a.sentence != b.sentence:
            continue
        if a.subject is not None and b.subject == a.subject:
            continue  # the growth frame binds the three with the level the reader gave them
        levels = [f for f in fs.in_sentences(a.sentence - 1, a.sentence) if f.role == "level" and f.key
                  and f.key == a.key and same_dimension(f.q, a.q) and not f.paren and f.index < a.index]
        if len(levels) == 1:
            lv = levels[0]
            out.append(Binding(slots={"change": a.q, "rate": b.q, "level": lv.q}, certain=False,
                               tags={"up" if a.sign > 0 else "down"}, reading=f"the level {describe(lv)}",
                               how=f"{b.q.text} is the rate of the change {a.q.text}; level: {describe(lv)}, "
                                   "the one figure of that measure before it"))
            continue
        out.append(Binding(slots={"change": a.q, "rate": b.q}, tags={"up" if a.sign > 0 else "down"},
                           how=f"{b.q.text} is the rate of the change {a.q.text} (in brackets right after it)"))
    return out
