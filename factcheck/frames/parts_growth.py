"""A whole's growth from its parts' levels and growth rates (customs, fiscal and energy releases):

  进出口总值4613.9亿元，增长11.4%。其中出口2910.1亿元，增长10.3%；进口1703.8亿元，增长13.3%

Each part's level a year earlier is level / (1 + rate); the whole grew by Σ levels / Σ earlier levels − 1. Only a
breakdown known to be all of its whole (a complete list, or listed parts that add up to it) is used, and only when
the whole and every part state one growth rate against the same comparison.
"""

from __future__ import annotations

from ..facts.model import Fact
from . import Binding, bindings, frame


def _rate(facts: list[Fact], level: Fact) -> Fact | None:
    """The one percent growth rate the level carries (增长10.3%, down 2.1%)."""
    rates = [f for f in facts if f.subject == level.index and f.role == "rate" and f.q.type == "percent"
             and f.q.bound in ("exact", "approx")]
    return rates[0] if len(rates) == 1 else None


def _adds_up(parts, total) -> bool:
    return sum(p.lo for p in parts) <= total.hi and sum(p.hi for p in parts) >= total.lo


@frame("parts_growth")
def parts_growth(ctx) -> list[Binding]:
    fs = ctx.facts
    facts = fs.facts
    out: list[Binding] = []
    seen: set[int] = set()
    by_subject: dict[int, list[Fact]] = {}  # each level's own figures, in text order: _rate looks at those only
    for f in facts:
        if f.subject is not None:
            by_subject.setdefault(f.subject, []).append(f)
    for b in bindings(ctx, "parts"):
        parts, total = b.slots.get("parts"), b.slots.get("total")
        if not isinstance(parts, list) or total is None or total.index in seen or not b.certain:
            continue
        if "complete" not in b.tags and not _adds_up(parts, total):
            continue  # a list that may be partial says nothing of the whole's growth
        whole = fs.by_index.get(total.index)
        members = [fs.by_index.get(p.index) for p in parts]
        if whole is None or any(m is None for m in members):
            continue
        g = _rate(by_subject.get(whole.index, ()), whole)
        rs = [_rate(by_subject.get(m.index, ()), m) for m in members]
        if g is None or any(r is None for r in rs):
            continue
        compares = {r.compare for r in rs + [g] if r.compare}
        if len(compares) > 1 or not g.sign or not all(r.sign for r in rs):
            continue  # 同比 and 环比 mixed, or a direction the text leaves open
        slots = {"t": total, "g": g.q}
        now, before = [], []
        for i, (m, r) in enumerate(zip(members, rs)):
            slots[f"p{i}"], slots[f"r{i}"] = m.q, r.q
            now.append(f"p{i}")
            before.append(f"p{i} / (1 {'+' if r.sign > 0 else '-'} r{i} / 100)")
        ratio = f"({' + '.join(now)}) / ({' + '.join(before)})"
        relation = f"{ratio} * 100 - 100 = g" if g.sign > 0 else f"100 - {ratio} * 100 = g"
        seen.add(total.index)
        out.append(Binding(slots=slots, relation=relation, tags={"growth-from-parts"},
                           how=f"{whole.q.text}'s growth from its {len(parts)} parts' levels and growth rates "
                               f"({b.how})"))
    return out

