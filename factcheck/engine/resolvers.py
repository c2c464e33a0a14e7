"""Resolvers find slots a phrasing does not hold: the base a part belongs to, the earlier value a growth rate
starts from. Each is a small named function rules refer to by name (`resolve: {base: {find: container}}`)."""

from __future__ import annotations

import re
from typing import Callable

from ..kinds import Candidate
from ..model import Quantity
from .context import Context
from .rules import Resolver, RuleSpec

RESOLVERS: dict[str, Callable[[Context, Candidate, Resolver], Quantity | None]] = {}

_STOP_BIGRAMS = {"比上", "上年", "同比", "增长", "其中", "以上", "累计", "全年", "今年", "去年", "达到", "实现", "共计"}


def resolver(name: str):
    def deco(fn):
        RESOLVERS[name] = fn
        return fn

    return deco


def resolve(ctx: Context, rule: RuleSpec, cand: Candidate) -> bool:
    """Fill the rule's resolved slots; False drops the candidate (nothing to check and nothing worth saying)."""
    for name, spec in rule.resolve.items():
        if name in cand.slots:
            continue
        fn = RESOLVERS.get(spec.find)
        if fn is None:
            raise ValueError(f"{rule.id}: unknown resolver {spec.find!r}")
        q = fn(ctx, cand, spec)
        if q is None:
            if not spec.optional:
                return False
            continue
        cand.slots[name] = q
    return True


def _anchor(cand: Candidate, spec: Resolver) -> Quantity | None:
    v = cand.slots.get(spec.of or "")
    if isinstance(v, list):
        return v[0] if v else None
    return v


def _same_measure(a: Quantity, b: Quantity) -> bool:
    return a.type == b.type and a.unit == b.unit


@resolver("container")
def container(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole a part belongs to: the nearest earlier quantity of the same measure, at least as large, linked
    to the part by a marker word such as 其中 or 中 (145人就业，其中贫困户97人)."""
    part = _anchor(cand, spec)
    if part is None:
        return None
    lo, _ = ctx.sentence_range(part.start, spec.sentences)
    markers = spec.markers or ["其中", "中"]
    for q in reversed(ctx.quantities[: part.index]):
        if q.start < lo:
            break
        if q.furniture or not _same_measure(q, part) or q.hi < part.lo or q.range_with is not None:
            continue
        gap = ctx.between(q.end, part.start)
        if any(mk in gap for mk in markers):
            return q
        return None  # the nearest same-measure quantity is not linked: do not reach further back
    return None


def _context_words(ctx: Context, q: Quantity, width: int = 20) -> set[str]:
    s, _ = ctx.sentence_span(q.start)
    window = ctx.doc.norm[max(s, q.start - width): q.start]
    words = {window[i:i + 2] for i in range(len(window) - 1)}
    return {w for w in words if all("\u4e00" <= c <= "\u9fff" for c in w)} - _STOP_BIGRAMS


@resolver("earlier_value")
def earlier_value(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The value a growth rate starts from when the text gave it in an earlier sentence: the nearest earlier
    quantity of the same measure that is introduced by a shared word (投入…19.79亿元 … 已投入23亿元)."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    own_start, _ = ctx.sentence_span(cur.start)
    lo, _ = ctx.sentence_range(cur.start, max(1, spec.sentences))
    words = _context_words(ctx, cur)
    if not words:
        return None
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < lo:
            break
        if q.start >= own_start or q.furniture or not _same_measure(q, cur) or q.bound != "exact":
            continue
        if words & _context_words(ctx, q) and _prior_period(ctx, q, cur, spec.markers):
            return q
        return None
    return None


_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _prior_period(ctx: Context, q: Quantity, cur: Quantity, markers: list[str]) -> bool:
    """Is q dated one period before cur? Either its clause says so (去年, 上年…) or its sentence names a year one
    less than the year named in cur's sentence. Without such a sign the two figures may be the same period's
    (a headline and its body) or different things, and a growth rate between them means nothing."""
    s, _ = ctx.sentence_span(q.start)
    lead = ctx.doc.norm[max(s, q.start - 30): q.start]
    if markers and any(m in lead for m in markers):
        return True
    ys = [int(y) for y in _YEAR.findall(ctx.doc.norm[s:q.start])]
    cs, _ = ctx.sentence_span(cur.start)
    yc = [int(y) for y in _YEAR.findall(ctx.doc.norm[cs:cur.start])]
    return bool(ys and yc and ys[-1] == yc[-1] - 1)


@resolver("previous_percent")
def previous_percent(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The nearest earlier percentage in the same sentence (the rate a 'N个百分点' comparison starts from)."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    s, _ = ctx.sentence_span(cur.start)
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < s:
            break
        if q.type == "percent" and not q.furniture:
            return q
    return None


_CHANGE_WORDS = ("超", "多", "增加", "减少", "增长", "下降", "高出", "低", "净增", "提高", "节约", "结余")


@resolver("level_before")
def level_before(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The level a growth rate describes: the nearest earlier amount in the same sentence that is itself a level,
    not a change or an excess (已投入23亿元，超计划4.98亿元，比上年增长16.2%: the level is 23亿元)."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    s, _ = ctx.sentence_span(cur.start)
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < s:
            break
        if q.type != "amount" or q.furniture or q.range_with is not None:
            continue
        lead = ctx.doc.norm[max(s, q.start - 6): q.start]
        if any(w in lead for w in _CHANGE_WORDS):
            continue
        return q if q.bound == "exact" else None
    return None
