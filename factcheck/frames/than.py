"""A figure said to be higher or lower than another given in brackets: 'was 21.6%, slightly lower than for July to
September 2016 (21.7%) and lower than for a year earlier (21.8%)'; '3.9%; lower than a year earlier (4.0%)'.

The bracketed figure is what the first is compared with; the first is the nearest figure of its dimension before
the comparison, in the same sentence. The direction must hold.
"""

from __future__ import annotations

import re

from . import Binding, frame
from .common import describe, same_dimension

_THAN = re.compile(r"\b(?P<dir>higher|lower|more|less|fewer|greater|smaller|larger|bigger|above|below|up|down)\s+"
                   r"(?:than|on|from)\s+(?:for\s+|in\s+|at\s+|with\s+)?(?P<when>[^()\d%]{0,50}?(?:\d{4}[^()]{0,10}?)?)"
                   r"\s*\(\s*\Z", re.I)
_UP = {"higher", "more", "greater", "larger", "bigger", "above", "up"}


@frame("than")
def than(ctx) -> list[Binding]:
    fs = ctx.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    facts = fs.facts
    for i, p in enumerate(facts):
        if i == 0 or not norm[:p.q.start].rstrip().endswith("("):
            continue
        s, _ = fs.sentences[p.sentence]
        m = _THAN.search(norm[max(s, p.q.start - 120):p.q.start])
        if not m or not _CLOSE.match(norm[p.q.end:]):
            continue
        cut = p.q.start - (len(norm[max(s, p.q.start - 120):p.q.start]) - m.start())
        before = [f for f in facts[:i] if f.sentence == p.sentence and f.q.end <= cut and same_dimension(f.q, p.q)
                  and f.role in ("level", "other", "share") and not norm[:f.q.start].rstrip().endswith("(")]
        if not before:
            continue
        x = before[-1]
        between = re.sub(r"\([^()]*\)", " ", norm[x.q.end:cut])  # earlier comparisons of the same figure
        if re.search(r"\.\s|\b(?:was|were|is|are|rose|fell|stood|had|has|reached|totalled|totaled)\b|\d", between):
            continue  # another clause, another figure
        up = m.group("dir").lower() in _UP
        out.append(Binding(slots={"level": x.q, "prior": p.q}, relation="level > prior" if up else "level < prior",
                           how=f"{describe(x)} is said to be {m.group('dir').lower()} than {p.q.text} "
                               f"({m.group('when').strip() or 'the figure in brackets'})", tags={"than"}))
    return out


_CLOSE = re.compile(r"\A\s*\)")
