"""A margin between two percentages stated beside it: '42% oppose the law, 38% support, a 4-point difference';
'voters 65+ oppose by a 57-point margin, 10% to 67%'. The points are the gap between the two figures next to
them (lexicon words 'margin': margin, lead, gap, difference …), in either order.

Bound only where the two percentages are the figures right before the points, or right after them with nothing
but a few words between; a margin over figures further away (another poll, another group) is left alone.
"""

from __future__ import annotations

import re

from ..facts.lexicon import lexicon
from . import Binding, frame


@frame("margin")
def margin(ctx) -> list[Binding]:
    words = lexicon(ctx.doc.language).words("margin")
    if not words:
        return []
    noun = re.compile(r"\A[\s-]*(?:[a-z]+\s+)?(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    norm = ctx.doc.norm
    facts = ctx.facts.facts
    out: list[Binding] = []
    for i, d in enumerate(facts):
        if d.q.type != "points" or not noun.match(norm[d.q.end:d.q.end + 30]):
            continue
        pair = None
        if i >= 2 and all(_pct(f, d) for f in facts[i - 2:i]):
            pair = facts[i - 2:i]
        elif i + 2 < len(facts) + 1 and len(facts) > i + 2 and all(_pct(f, d) for f in facts[i + 1:i + 3]) and \
                re.fullmatch(r"[^.;\d%]{0,30}", norm[d.q.end:facts[i + 1].q.start]):
            pair = facts[i + 1:i + 3]
        if pair is None:
            continue
        a, b = pair
        out.append(Binding(slots={"a": a.q, "b": b.q, "points": d.q}, tags={"margin"},
                           how=f"{d.q.text} is the gap between {a.q.text} and {b.q.text}, stated beside it"))
    return out


def _pct(f, d) -> bool:
    return f.q.type == "percent" and f.sentence == d.sentence and not f.paren and f.role in ("level", "share", "other")
