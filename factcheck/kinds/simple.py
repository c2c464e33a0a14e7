"""Kinds whose candidates come straight from a pattern and whose relation is the rule's own expression."""

from __future__ import annotations

import dataclasses
import re

from . import Kind, register
from ..model import Quantity

_OWN_SHARE = re.compile(r"[,、(]?(?:占比|占到|占了|占)(?:全部|总数|总量|总人口|全国|全省|全市|总体)?(?:的)?(?:比重|比例)?(?:为|达)?\Z")


_RATE_LEAD = re.compile(r"(?:增长|下降|增加(?!值)|减少|提高|回落|上涨|下跌|增速|增幅)[^,;。]{0,4}\Z")


def _own_share(ctx, q: Quantity) -> Quantity | None:
    """The share a figure states of its own whole right after it (264018766人,占18.70%)."""
    nxt = ctx.quantities[q.index + 1] if q.index + 1 < len(ctx.quantities) else None
    if nxt is None or nxt.type != "percent" or nxt.unit != "%" or nxt.furniture:
        return None
    return nxt if _OWN_SHARE.fullmatch(ctx.doc.norm[q.end:nxt.start]) else None


@register
class Difference(Kind):
    name = "difference"
    label = "Difference"


@register
class Share(Kind):
    name = "share"
    label = "Share"

    def adjust(self, ctx, cand):
        """A list of parts (两者合计占…): only figures of the parts' own measure, and as many as 两者/三者 says.
        A part or whole that is an open bound or one end of a range (月收入6000元以上; 6000~10000元) is a threshold,
        not a count: no share. A whole that states its own share (老年人200万,占20%,其中高龄100万,占10%) gives the
        part's share a second reading: of the grand total the whole's share refers to."""
        for name in ("part", "base"):
            q = cand.slots.get(name)
            if isinstance(q, Quantity) and (q.range_with is not None or q.hi == float("inf")
                                            or q.qualifier in ("以下", "以上", "及以下", "及以上")):
                return None
        part, p = cand.slots.get("part"), cand.slots.get("p")
        if isinstance(part, Quantity) and isinstance(p, Quantity) and part.start < p.start:
            s0, _ = ctx.sentence_span(p.start)
            if part.start < s0 and any(q.type in ("percent", "points") and s0 <= q.start and _RATE_LEAD.search(
                    ctx.doc.norm[max(s0, q.start - 8):q.start]) for q in ctx.quantities[part.index + 1:p.index]):
                return None  # 国有企业100家…。增加值增长8.5%，…民营企业占比为45%: the share is of another measure
        base = cand.slots.get("base")
        if isinstance(base, Quantity) and cand.relation.replace(" ", "") == "part/base*100=p":
            own = _own_share(ctx, base)
            if own is not None:
                alt = dataclasses.replace(cand, slots={**cand.slots, "own": own}, relation="part / base * own = p",
                                          notes=list(cand.notes), alternatives=[], roles=dict(cand.roles),
                                          reading=f"as a share of the grand total that {base.text} is {own.text} of")
                alt.roles["own"] = "base share"
                cand.reading = f"as a share of {base.text}"
                cand.alternatives = [alt]
        parts = cand.slots.get("parts")
        if isinstance(parts, list) and parts:
            last = parts[-1]
            parts = [q for q in parts if q.type == last.type and q.unit == last.unit and q.range_with is None]
            said = ctx.doc.norm[cand.start:cand.end]
            n = 2 if re.search(r"两者|二者|两项", said) else 3 if re.search(r"三者|三项", said) else 0
            if n:
                if len(parts) < n:
                    return None
                parts = parts[-n:]
            cand.slots["parts"] = parts
            cand.roles["parts"] = "part"
        return cand


@register
class Growth(Kind):
    name = "growth"
    label = "Growth rate"


@register
class Cagr(Kind):
    name = "cagr"
    label = "Average annual growth"


@register
class Points(Kind):
    name = "points"
    label = "Percentage-point change"

    def adjust(self, ctx, cand):
        """Slots the relation does not use (the other half of a pair: 分别提高2.8和18个百分点) are not shown: each
        finding names its own figures."""
        return _only_used(cand)


@register
class Multiple(Kind):
    name = "multiple"
    label = "Multiple"


@register
class Comparison(Kind):
    name = "comparison"
    label = "Comparison"


@register
class Expression(Kind):
    """A relation written out in full by the rule (article-specific rules use this)."""

    name = "expression"
    label = "Relation"

    def adjust(self, ctx, cand):
        return _only_used(cand)


def _only_used(cand):
    used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", cand.relation))
    for name in [n for n in cand.slots if n not in used]:
        del cand.slots[name]
    return cand


@register
class Other(Kind):
    name = "other"
    label = "Relation"


_CHANGE_LEAD = re.compile(r"(?:比|较|同比|增加|增长|减少|下降|提高|多|少|超过?|拉动)[^,;。]{0,4}\Z")


@register
class Subset(Kind):
    """A part named inside a whole (财政总收入300亿元，其中地方收入180亿元; 150只基金中…的有93只): the part may not
    exceed the whole. Both must be of one measure; with 'X…中' the part must be the same kind of thing (the noun
    after the whole's figure comes back near the part)."""

    name = "subset"
    label = "Part within its whole"

    def adjust(self, ctx, cand):
        total, part = cand.slots.get("total"), cand.slots.get("part")
        if total is None or part is None or isinstance(total, list) or isinstance(part, list):
            return None
        if total.type != part.type or total.unit != part.unit or part.range_with is not None:
            return None
        norm = ctx.doc.norm
        if cand.rule.params.get("total_first_in_sentence"):
            s0, _ = ctx.sentence_span(total.start)
            if any(q.type == total.type and q.unit == total.unit and s0 <= q.start < total.start
                   for q in ctx.quantities[max(0, total.index - 8):total.index]):
                return None  # 40个行业中有21个…。其中，7月份有23个: 其中 reaches back to the 40, not the 21
        if _CHANGE_LEAD.search(norm[max(total.end, part.start - 8):part.start]):
            return None  # 其中比上年增加20亿元: a change, not a part
        if cand.rule.params.get("same_noun"):
            k = norm.find("中", total.end, part.start)
            noun = norm[total.end:k]
            words = {noun[i:i + 2] for i in range(len(noun) - 1)}
            near = norm[max(k + 1, part.start - 16):part.end + 6]
            if not any(w in near for w in words):
                return None
        nxt = next((q for q in ctx.quantities[part.index + 1: part.index + 4]
                    if q.type == part.type and q.unit == part.unit), None)
        if nxt is not None and re.fullmatch(r"[^。;!?\n]{0,24}", norm[part.end:nxt.start]) \
                and re.search(r"[、,]", norm[part.end:nxt.start]) \
                and not _CHANGE_LEAD.search(norm[max(part.end, nxt.start - 8):nxt.start]):
            return None  # 其中甲3亿元、乙2亿元: a list of parts, which the sum rules check
        cand.roles.update(total="total", part="part")
        return cand


@register
class Product(Kind):
    """Per-unit figure × count = total (平均每份分红0.06元 × 2000亿份 = 120亿元). The per-unit figure and the total
    must share a unit (元), and the count must have one (份, 人, 亩)."""

    name = "product"
    label = "Per-unit × count"

    def adjust(self, ctx, cand):
        n, r, t = (cand.slots.get(k) for k in ("n", "r", "t"))
        if any(not hasattr(x, "unit") for x in (n, r, t)):
            return None
        if r.unit != t.unit or not n.unit or n.unit == r.unit:
            return None
        cand.roles.update(n="count", r="per unit", t="stated")
        return cand
