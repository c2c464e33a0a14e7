"""Currency conversions in brackets: one fact in two currencies ("$220m (£117m)", "1亿美元（约合6.8亿元人民币）").

A conversion is never a part of anything; what can be checked is that the conversions of one text use one
exchange rate. Each pair is checked against the most precise other pair of the same two currencies:
converted = amount × ref_converted / ref_amount. The binding is certain only when at least two other pairs agree
on the rate between themselves and this pair misses it by more than a twentieth (a typo such as "$220m (£17m)"),
so that a rate that moved between two dates, or loose rounding of small sums, is never called an error.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame

SLACK = 0.05


def _pairs(facts: list[Fact], units: set[str]) -> list[tuple[Fact, Fact]]:
    """Amounts with a bracketed amount in another unit right after them; only units the lexicon lists as
    convertible, when it lists any (匹兹堡大学(1.42万美元) after 前五位 is no conversion)."""
    out = []
    prev: Fact | None = None
    for f in facts:
        if f.paren and prev is not None and f.sentence == prev.sentence and f.q.type == "amount" == prev.q.type:
            if f.q.unit and prev.q.unit and f.q.unit != prev.q.unit and prev.q.value > 0 and f.q.value > 0 and (
                    not units or {f.q.unit, prev.q.unit} <= units):
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
    from ..facts.lexicon import lexicon

    for a, b in _pairs(facts, set(lexicon(ctx.doc.language).words("convertible"))):
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


# what may stand between a bracket and a figure that restates the figure before it in another unit
_RESTATE_LEAD = re.compile(r"\s*[(（]\s*(?:约合|折合|约|合|即|相当于|or|about|around|roughly|equal to|equivalent to)?\s*")


@frame("units")
def units(ctx) -> list[Binding]:
    """A figure restated in brackets in another unit of the same dimension (14582万吨(2916亿斤), 2643.8万公顷
    (39657万亩)): the factor is fixed, so the two must agree up to their rounding. Figures carry their value in one
    base unit per dimension (the extractor's unit table), so the relation is plain equality. Certain only when the
    bracket opens with the figure (or 约合/折合/即 before it): 100万亩(其中水田30万亩) is a part, not a restatement."""
    from ..extract.numbers import UNIT_FACTOR

    text = ctx.doc.norm
    out: list[Binding] = []
    for a, b in _pairs(ctx.facts.facts, set()):
        ua, ub = UNIT_FACTOR.get(a.q.unit), UNIT_FACTOR.get(b.q.unit)
        if not ua or not ub or ua[0] != ub[0]:
            continue
        if not _RESTATE_LEAD.fullmatch(text, a.q.end, b.q.start):
            continue
        out.append(Binding(
            slots={"amount": a.q, "converted": b.q},
            how=f"{b.q.text} restates {a.q.text} in another unit, in brackets right after it", tags={"units"}))
    return out
