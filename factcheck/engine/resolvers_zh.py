"""Chinese guards and resolvers for the families of growth from a stated prior level (较上年同期的X增长p%),
completion rates against a named plan (完成年度计划X的p%) and ratio notation (8.6∶40.1∶51.3)."""

from __future__ import annotations

import re

from .candidate import Candidate
from ..model import Quantity
from .context import Context
from .resolvers import resolver
from .rules import Resolver


def _slot(cand: Candidate, name: str) -> Quantity | None:
    v = cand.slots.get(name)
    if isinstance(v, list):
        return v[0] if v else None
    return v if isinstance(v, Quantity) else None


@resolver("zh_same_measure")
def zh_same_measure(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard, not a slot: the amounts named in spec.markers (slot names) must be of one measure (same type and
    unit, none a range end, none in page furniture), else the candidate is dropped. With 'exact' among the
    markers every one must also be stated exactly (a 近/约/以上 figure is not the level a rate was computed from)."""
    names = [m for m in spec.markers if m != "exact"]
    qs = [_slot(cand, n) for n in names]
    if any(q is None for q in qs):
        return None
    first = qs[0]
    for q in qs:
        if q.type != "amount" or q.unit != first.unit or q.range_with is not None or q.furniture:
            return None
        if "exact" in spec.markers and q.bound != "exact":
            return None
    return first


_RATIO_SEP = re.compile(r"\A\s*[:\u2236比]\s*\Z")


@resolver("zh_ratio_terms")
def zh_ratio_terms(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard for ratio notation (8.6∶40.1∶51.3): the terms (slot names in spec.markers, in order) must be joined
    by ratio signs only, at least three of them, all bare numbers (or all percentages) summing to roughly 100.
    Two-term ratios (撬动比1∶7.1) and proportions (1∶1∶1) are never a breakdown of 100."""
    terms = [_slot(cand, n) for n in spec.markers]
    if len(terms) < 3 or any(q is None for q in terms):
        return None
    last = terms[-1]
    norm = ctx.doc.norm
    for a, b in zip(terms, terms[1:]):
        if not _RATIO_SEP.match(norm[a.end:b.start]):
            return None
    for q in terms:
        if q.unit not in ("", "%") or q.unit != last.unit or q.scale != 1.0 or q.bound != "exact" or q.furniture:
            return None
        if q.range_with is not None or q.value > 100:
            return None
    if re.match(r"\s*[:\u2236比]\s*\d", norm[last.end:last.end + 4]) or re.search(r"[:\u2236]\s*\Z", norm[max(0, terms[0].start - 2):terms[0].start]):
        return None  # a term more on either side: not the three-way breakdown the rule reads
    if not 50 <= sum(q.value for q in terms) <= 150:
        return None  # 1∶1∶1 配套, 2∶3∶5: proportions, not percentages of one whole
    return last


@resolver("zh_shared_name")
def zh_shared_name(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard, not a slot: the two figures named in spec.markers must be introduced by a shared word pair
    (上年同期营业收入为A。本季度营业收入B: 营业, 收入), so a rate is not read between two different things."""
    from .resolvers import _context_words

    a, b = (_slot(cand, n) for n in spec.markers[:2])
    if a is None or b is None:
        return None
    return a if _context_words(ctx, a) & _context_words(ctx, b) else None
