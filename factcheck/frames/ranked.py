"""A ranking stated as a list: 'the lowest rates were recorded in Austria (4.2%), the Netherlands (4.9%) and
Germany (5.7%)'; 'California was the most populous state (39.5 million), followed by Texas (29.1 million)'.

After a superlative (lexicon markers rank_high, rank_low) each item names its figure in brackets; the figures must
run in the order the superlative gives, item by item. Only the first figure of each bracket is the item's (an aside
after it, 'compared with 9.2% in August', is another period's); a bracket with two figures of its own ('14.3% to
21.0%') ranks by something else, and the list is left alone. The order is certain only when the text says so
('followed by'); a bare list after a superlative may be in any order, so it is checked for agreement only.
"""

from __future__ import annotations

import re

from ..facts.lexicon import lexicon
from . import Binding, frame
from .common import same_dimension

# what may follow the item's figure inside its bracket: a date, or another period's figure it is compared with
_ASIDE = re.compile(r"\A(?:\s+(?:in|at|for)\s+[^(),\d]{0,30}(?:\d{4})?)?\s*(?:\)|,\s*(?:compared|against|versus|up|down|"
                    r"from|stable|unchanged)\b[^()]*\))")


@frame("ranked")
def ranked(ctx) -> list[Binding]:
    lex = lexicon(ctx.doc.language)
    if not (lex.has_marker("rank_high") and lex.has_marker("rank_low")):
        return []
    high, low, nxt = lex.marker("rank_high"), lex.marker("rank_low"), lex.marker("rank_next")
    norm = ctx.doc.norm
    fs = ctx.facts
    out: list[Binding] = []
    for si, (s, e) in enumerate(fs.sentences):
        text = norm[s:e]
        cues = sorted([(m.start() + s, 1) for m in high.finditer(text)] + [(m.start() + s, -1) for m in low.finditer(text)])
        if not cues:
            continue
        facts = fs.in_sentences(si, si)
        for k, (at, order) in enumerate(cues):
            stop = cues[k + 1][0] if k + 1 < len(cues) else e
            items = _items(norm, [f for f in facts if at < f.q.start < stop])
            if items is None or len(items) < 2:
                continue
            stated_order = bool(nxt.search(norm[at:stop]))
            for a, b in zip(items, items[1:]):
                out.append(Binding(slots={"a": a.q, "b": b.q}, relation="a >= b" if order > 0 else "a <= b",
                                   certain=stated_order, tags={"ranked"},
                                   how=f"items of a list after '{norm[at:at + 30].split(',')[0].strip()}', "
                                       f"{'in the order it states' if stated_order else 'read in the order given'}"))
    return out


def _items(norm: str, facts: list) -> list | None:
    """The first figure of each bracket, or None when a bracket holds a figure of its own beside it."""
    items = []
    for f in facts:
        before = norm[:f.q.start].rstrip()
        if before.endswith("("):
            if not _ASIDE.match(norm[f.q.end:f.q.end + 80]):
                return None  # (14.3% to 21.0%): two figures, another ranking
            items.append(f)
        elif not items or not _inside(norm, items[-1].q.end, f.q.start):
            return None  # a figure outside the brackets: not a plain ranked list
    if any(not same_dimension(items[0].q, f.q) for f in items):
        return None
    return items


def _inside(norm: str, a: int, b: int) -> bool:
    """Is b still inside the bracket that holds a?"""
    return ")" not in norm[a:b]
