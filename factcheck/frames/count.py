"""Counted lists: a count phrase and the list in apposition to it (the language pack finds both). The count
must be what the list gives under some reading; a list ending in 等 ('and others') may be shorter."""

from __future__ import annotations

from ..model import Quantity
from . import Binding, frame


@frame("count")
def count(ctx) -> list[Binding]:
    out = []
    doc = ctx.doc
    for c in ctx.facts.counts:
        q = Quantity(index=-1 - c.start, text=doc.text[c.start:c.end], start=c.start, end=c.end, value=float(c.n),
                     lo=float(c.n), hi=float(c.n), digits=str(c.n), decimals=0, unit="", type="amount")
        readings = c.readings
        if c.examples:
            # 甲、乙等七市: the list may give examples only: any count at least as large as the list holds
            lo = min(n for n, _ in readings)
            b = Binding(slots={}, how=f"the list before {q.text} ends with 等 and may name only some",
                        stated=q, expected=(float(lo), float("inf")),
                        arithmetic=f"{lo} items listed (with 等: at least {lo})", tags={"examples"})
            out.append(b)
            continue
        alts = [Binding(slots={}, how=how, stated=q, expected=(float(n), float(n)), reading=how,
                        arithmetic=f"{n} items listed {c.where} {q.text}") for n, how in readings]
        first, rest = alts[0], alts[1:]
        first.alternatives = rest
        first.how = f"the list stands in apposition to {q.text} ({c.where} it)"
        out.append(first)
    return out
