"""A rough share in 成 (近六成, 六成有余, 超过三成) beside the exact percentage it rounds (56.8%, 63.4%): the exact
figure must fall in the interval the 成 expression allows. Headlines and leads often give the rough figure and the
body the exact one, so the exact figure is looked for in the same sentence and the next few, introduced by words
the rough one shares. Only agreement is reported: pairing a rough figure with an exact one by shared words is a
guess, and a wrong guess must not become a false alarm.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from .same_fact import _bigrams


def _around(ctx, q, before: int, after: int) -> str:
    s, e = ctx.sentence_span(q.start)
    return ctx.doc.norm[max(s, q.start - before):q.start] + " " + ctx.doc.norm[q.end:min(e, q.end + after)]


def _range(q) -> tuple[float, float]:
    """What a 成 expression allows: 近六成 50-60%, 六成有余/六成多 60-70%, 超过六成 at least 60%, 不足六成 below 60%,
    约六成 55-65%, 六成 55-65%."""
    v = q.value
    if q.bound == "near":
        return v - 10, v
    if q.bound == "more":
        return v, v + 10
    if q.bound == "lower":
        return v, 100.0
    if q.bound == "upper":
        return 0.0, v
    return v - 5, v + 5


@register
class RoughShare(Kind):
    name = "rough_share"
    label = "Rough share"

    def validate(self, rule) -> None:
        return None

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        if rule.params.get("beside"):
            yield from self._beside(ctx, rule)
            return
        sentences = int(rule.params.get("sentences", 2))
        need = int(rule.params.get("min_shared", 2))
        qs = ctx.quantities
        for q in qs:
            if q.unit != "成" or q.furniture:
                continue
            words = _bigrams(_around(ctx, q, 12, 10))
            if len(words) < need:
                continue
            lo = ctx.sentence_range(q.start, 1)[0]
            hi = ctx.sentence_starts[min(len(ctx.sentence_starts) - 1, ctx.sentence_index(q.start) + sentences + 1)]
            if hi <= q.start:
                hi = len(ctx.doc.norm)
            best = None
            for p in qs:
                if p.start < lo or p.start >= hi or p.index == q.index:
                    continue
                if p.unit != "%" or p.bound != "exact" or p.furniture or p.range_with is not None:
                    continue
                shared = words & _bigrams(_around(ctx, p, 12, 6))
                if len(shared) < need:
                    continue
                lo_v, hi_v = _range(q)
                key = (lo_v <= p.value <= hi_v, len(shared), -abs(p.start - q.start))
                if best is None or key > best[0]:
                    best = (key, p)
            if best is None:
                continue
            p = best[1]
            lo_v, hi_v = _range(q)
            if not (lo_v <= p.value <= hi_v):
                continue  # a guessed pairing that disagrees: say nothing
            c = Candidate(rule=rule, slots={"rough": q, "exact": p}, relation="rough = exact", stated="rough",
                          start=min(p.start, q.start), end=max(p.end, q.end))
            c.roles.update(rough="stated", exact="exact")
            c.expected_override = (p.lo, p.hi)
            c.arithmetic = f"{q.text} read as {lo_v:g}% to {hi_v:g}%; the text gives {p.text}"
            c.notes.append(f"{q.text} allows {lo_v:g}% to {hi_v:g}%")
            yield c

    @staticmethod
    def _beside(ctx, rule) -> Iterator[Candidate]:
        """'almost half (47%)', 'more than a third (40.1pc)', '23.9%, still less than a quarter': a share in words
        with the exact percentage right beside it (in brackets after it, or just before it)."""
        qs = [q for q in ctx.quantities if not q.furniture and q.type == "percent"]
        norm = ctx.doc.norm
        for a, b in zip(qs, qs[1:]):
            worded = [q for q in (a, b) if q.digits and q.digits[0].isalpha()]
            if len(worded) != 1:
                continue
            q = worded[0]
            p = b if q is a else a
            if p.bound != "exact" or p.range_with is not None:
                continue
            between = norm[a.end:b.start]
            if q is a and not (re.fullmatch(r"\s*\(\s*", between) and re.match(r"\s*\)", norm[b.end:])):
                continue
            if q is b and not re.fullmatch(r"[^.;()\d%]{0,40}", between):
                continue
            lo_v, hi_v = _range(q)
            if not (lo_v <= p.value <= hi_v):
                continue  # a worded share is loose: only agreement is reported
            c = Candidate(rule=rule, slots={"rough": q, "exact": p}, relation="rough = exact", stated="rough",
                          start=a.start, end=b.end)
            c.roles.update(rough="stated", exact="exact")
            c.expected_override = (p.lo, p.hi)
            c.arithmetic = f"{q.text} read as {lo_v:.4g}% to {hi_v:.4g}%; the text gives {p.text}"
            c.notes.append(f"{q.text} allows {lo_v:.4g}% to {hi_v:.4g}%")
            yield c
