"""A whole's change from its parts' changes: when the parts make up the whole (a complete breakdown, or listed
parts that add up to it), their changes against one comparison make up the whole's change.

  31.8 million in work, 302,000 more than a year earlier; 23.3 million full-time, 218,000 more than a year
  earlier; 8.5 million part-time, 84,000 more than a year earlier                      218,000 + 84,000 = 302,000

Each change is the one change of its level against that comparison (in the level's sentence), each with its
direction; the whole's change says the comparison in the same words as every part's. Round figures (48,000)
are taken as rounded to their last non-zero digit, as releases round each change separately.
"""

from __future__ import annotations

from dataclasses import replace

from ..facts.model import Fact
from . import Binding, bindings, frame
from .parts_growth import _adds_up


def _change(fs, level: Fact, compare: str | None, bare: bool = False) -> Fact | None:
    """The one change of the level against the comparison (or, bare, against none named: a part's change in a
    release that names the comparison once, for the whole)."""
    cands = [f for f in fs.in_sentences(level.sentence, level.sentence) if f.role == "change" and f.sign
             and not f.paren and f.q.type == level.q.type and f.q.unit == level.q.unit
             and (f.subject == level.index or f.subject is None)
             and (f.compare == compare if not bare else not f.compare and f.subject == level.index)]
    own = [f for f in cands if f.subject == level.index]
    cands = own or cands
    return cands[0] if len(cands) == 1 else None


def _round(q):
    """A round figure (48,000) in a release stands for anything that rounds to it: to its last non-zero digit, at
    most to thousands (releases round changes to the thousand while summing the unrounded ones)."""
    if q.decimals > 0 or q.value == 0 or q.value != int(q.value):
        return q
    k, v = 0, int(abs(q.value))
    while k < 3 and v % 10 == 0:
        v //= 10
        k += 1
    half = 10 ** k / 2 if k else 0.5
    return replace(q, lo=min(q.lo, q.value - half), hi=max(q.hi, q.value + half))


@frame("parts_change")
def parts_change(ctx) -> list[Binding]:
    fs = ctx.facts
    out: list[Binding] = []
    seen: set[int] = set()
    for b in bindings(ctx, "parts"):
        parts, total = b.slots.get("parts"), b.slots.get("total")
        if not isinstance(parts, list) or total is None or total.index in seen or not b.certain:
            continue
        if "complete" not in b.tags and not _adds_up(parts, total):
            continue
        whole = fs.by_index.get(total.index)
        members = [fs.by_index.get(p.index) for p in parts]
        if whole is None or any(m is None or m.sentence == whole.sentence for m in members):
            continue  # parts in the whole's own sentence: its changes are not told apart
        for compare in sorted({f.compare for f in fs.sentence_of(whole) if f.role == "change"}):
            wc = _change(fs, whole, compare, bare=not compare)
            pcs = [_change(fs, m, compare) for m in members]
            if wc is not None and all(c is None for c in pcs):
                pcs = [_change(fs, m, compare, bare=True) for m in members]
            if wc is None or any(c is None for c in pcs) or len({c.index for c in pcs + [wc]}) != len(pcs) + 1:
                continue
            seen.add(total.index)
            ups = [_round(c.q) for c in pcs if c.sign == wc.sign]
            downs = [_round(c.q) for c in pcs if c.sign != wc.sign]
            slots = {"change": _round(wc.q), "ups": ups}
            rel = "change = sum(ups)"
            if downs:
                slots["downs"] = downs
                rel += " - sum(downs)"
            out.append(Binding(slots=slots, relation=rel, tags={"complete"} if ups else set(),
                               how=f"the parts make up {total.text}, so their changes {compare} make up its change",
                               label="Sum of changes", roles={"ups": "part", "downs": "part", "change": "stated"}))
    return out
