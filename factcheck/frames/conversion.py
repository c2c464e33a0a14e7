"""Currency conversions in brackets: one fact in two currencies ("$220m (£117m)", "1亿美元（约合6.8亿元人民币）").

A conversion is never a part of anything; what can be checked is that the conversions of one text use one
exchange rate. Each pair is checked against the most precise other pair of the same two currencies:
converted = amount × ref_converted / ref_amount. The binding is certain only when at least two other pairs agree
on the rate between themselves and this pair misses it by more than a twentieth (a typo such as "$220m (£17m)"),
so that a rate that moved between two dates, or loose rounding of small sums, is never called an error.
"""

from __future__ import annotations

from ..facts.model import Fact
from . import Binding, frame

SLACK = 0.05


def _pairs(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    out = []
    prev: Fact | None = None
    for f in facts:
        if f.paren and prev is not None and f.sentence == prev.sentence and f.q.type == "amount" == prev.q.type:
            if f.q.unit and prev.q.unit and f.q.unit != prev.q.unit and prev.q.value > 0 and f.q.value > 0:
                if f.q.bound == "exact" and prev.q.bound in ("exact", "approx", "near", "more", "lower"):
                    out.append((prev, f))
            continue  # ($915,000; £486,000): every bracketed figure converts the figure before the bracket
        prev = f
    return out


def _ratio(a: Fact, b: Fact) -> tuple[float, float]:
    """amount per converted unit, as an interval from the rounding of both."""
    return a.q.lo / b.q.hi, a.q.hi / b.q.lo


@frame("conversion")
def conversion(ctx) -> list[Binding]:
    facts = ctx.facts.facts
    groups: dict[tuple[str, str], list[tuple[Fact, Fact]]] = {}
    for a, b in _pairs(facts):
        if a.q.unit > b.q.unit:
            a, b = b, a  # one orientation per pair of currencies
        groups.setdefault((a.q.unit, b.q.unit), []).append((a, b))
    out: list[Binding] = []
    for pairs in groups.values():
        if len(pairs) < 2:
            continue
        for i, (a, b) in enumerate(pairs):
            others = [p for j, p in enumerate(pairs) if j != i]
            ref = min(others, key=lambda p: _ratio(*p)[1] - _ratio(*p)[0])
            lo, hi = _ratio(a, b)
            # the rate the other pairs agree on, when at least two of them do
            agree_lo = max(_ratio(*p)[0] for p in others)
            agree_hi = min(_ratio(*p)[1] for p in others)
            settled = len(others) >= 2 and agree_lo <= agree_hi
            off = hi < agree_lo * (1 - SLACK) or lo > agree_hi * (1 + SLACK)
            stated = b if b.paren else a
            amount = a if stated is b else b
            ra, rc = (ref[0], ref[1]) if stated is b else (ref[1], ref[0])
            out.append(Binding(
                slots={"amount": amount.q, "converted": stated.q, "ref_amount": ra.q, "ref_converted": rc.q},
                how=f"{stated.q.text} converts {amount.q.text} at the rate of {ra.q.text} = {rc.q.text} stated in the "
                    f"same text", certain=settled and off, tags={"conversion"}))
    return out
