"""A difference stated as 'N more A than B' ('254,400 more births than deaths', '1,200 fewer arrivals than
departures'): N is A's figure minus B's, both stated a few sentences before (or in the same sentence).

Bound only when the text gives exactly one figure for each of A and B in that stretch, of one dimension with N, and
neither is a change or a rate.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import describe, same_dimension, tokens
from .parts_change import _round

_MORE = re.compile(r"\A\s+(?P<dir>more|fewer|less)\s+(?P<a>[a-z][a-z-]+)\s+than\s+(?:the\s+)?(?P<b>[a-z][a-z-]+)\b", re.I)
_BACK = 10  # sentences


def _named(f: Fact, word: str) -> bool:
    want = tokens(word)[0]
    return f.noun == want or want in tokens(f.key)


@frame("more_than")
def more_than(ctx) -> list[Binding]:
    fs = ctx.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    for d in fs.facts:
        if d.q.type != "amount" or d.paren:
            continue
        m = _MORE.match(norm[d.q.end:])
        if not m or m.group("a").lower() == m.group("b").lower():
            continue
        pool = [f for f in fs.in_sentences(d.sentence - _BACK, d.sentence) if f.index < d.index and f.role == "level"
                and not f.paren and same_dimension(f.q, d.q)]
        a = [f for f in pool if _named(f, m.group("a"))]
        b = [f for f in pool if _named(f, m.group("b"))]
        if len(a) != 1 or len(b) != 1 or a[0].index == b[0].index:
            continue
        more = m.group("dir").lower() == "more"
        big, small = (a[0], b[0]) if more else (b[0], a[0])
        out.append(Binding(slots={"a": _round(big.q), "b": _round(small.q), "diff": _round(d.q)},
                           how=f"'{m.group()[1:]}': {describe(big)} minus {describe(small)}",
                           label="Difference"))
    return out


# April exports were $2.2 billion more than March exports of $173.4 billion
_THAN_OF = re.compile(r"\A\s+(?P<dir>more|less|higher|lower|above|below)\s+than\s+(?:the\s+)?(?P<what>[A-Za-z][\w' -]{0,40}?)"
                      r"\s+(?:of|at)\s*\Z", re.I)
_UPWORDS = {"more", "higher", "above"}


@frame("than_of")
def than_of(ctx) -> list[Binding]:
    """'April exports were $2.2 billion more than March exports of $173.4 billion': the figure after 'of' is the
    compared level, and the level compared is the one figure of the same measure stated just before (April's
    $175.6 billion), in its sentence or the two before."""
    fs = ctx.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    facts = fs.facts
    for i, d in enumerate(facts[:-1]):
        p = facts[i + 1]
        if d.q.type != "amount" or p.q.type != "amount" or d.sentence != p.sentence or not d.key:
            continue
        m = _THAN_OF.match(norm[d.q.end:p.q.start])
        if not m or not same_dimension(d.q, p.q) or d.key not in tokens(m.group("what").lower()) and \
                not set(tokens(d.key)) <= set(tokens(m.group("what").lower())):
            continue
        levels = [f for f in fs.in_sentences(d.sentence - 2, d.sentence) if f.index < d.index and f.role == "level"
                  and f.key == d.key and not f.paren and same_dimension(f.q, d.q)]
        if len(levels) != 1:
            continue
        lv = levels[0]
        up = m.group("dir").lower() in _UPWORDS
        a, b = (lv, p) if up else (p, lv)
        out.append(Binding(slots={"a": _round(a.q), "b": _round(b.q), "diff": _round(d.q)}, label="Difference",
                           how=f"{d.q.text} {m.group('dir').lower()} than {m.group('what')} of {p.q.text}: "
                               f"{describe(lv)}, the one such figure just before"))
    return out
