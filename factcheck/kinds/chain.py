"""Claims that share an unstated figure.

points_ref: two rates each compared with the same reference (增幅高于全市平均水平2.25个百分点 … 高出全市平均水平
36.5个百分点): each implies the reference (rate ∓ points); the implied references must agree.

contribution: a part's contribution rate c% to a whole growing g% pulls the whole by c·g/100 points (贡献率35.2%，
拉动…增长2.2个百分点). g is the whole's growth as named after 拉动 earlier in the text, or, when the text only gives
it as the reference of a 比全市平均水平高d个百分点 claim in the same sentence, that implied average (with a note).
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from ..engine.interval import Interval
from ..model import Quantity

_HIGH = "高出|高于|快于|高|快|多"
_LOW = "低于|慢于|低|慢|少"
_CMP_AFTER = re.compile(rf"(?:比|较)(?P<label>[\u4e00-\u9fff]{{2,12}}?)(?P<dir>{_HIGH}|{_LOW})了?\Z")
_CMP_BEFORE = re.compile(r"(?P<dir>高出|高于|快于|低于|慢于)(?P<label>[\u4e00-\u9fff]{2,12}?)\Z")
_RATE_LEAD = re.compile(r"(?:增长|增幅|增速|下降|降幅|上涨|提高)(?:了|为|达|达到)?\Z")


def _iv(q: Quantity) -> Interval:
    return Interval(q.lo, q.hi)


def _reference_claims(ctx) -> list[tuple[Quantity, Quantity, str, int]]:
    """(rate, points, reference label, +1 higher / -1 lower) for every 'rate … 比<label>高d个百分点' in the text."""
    norm = ctx.doc.norm
    out = []
    qs = ctx.quantities
    for q in qs:
        if q.type != "points" or q.furniture or q.bound != "exact":
            continue
        s, _ = ctx.sentence_span(q.start)
        lead = norm[max(s, q.start - 20):q.start]
        m = _CMP_AFTER.search(lead) or _CMP_BEFORE.search(lead)
        if not m:
            continue
        label = m.group("label")
        if re.search(r"上年|去年|同期|上月|上期|[\d]|月份", label):
            continue  # a change over time, not a reference level
        sign = -1 if m.group("dir") in _LOW.split("|") else 1
        rate = None
        for r in reversed(qs[: q.index]):
            if r.start < s or r.start < q.start - 60:
                break
            if r.type == "percent" and r.unit == "%" and _RATE_LEAD.search(norm[max(s, r.start - 6):r.start]):
                rate = r
                break
            if r.type not in ("points", "percent", "year", "date", "duration"):
                break
        if rate is None or rate.bound != "exact":
            continue
        out.append((rate, q, label, sign))
    return out


def _paragraph(ctx, offset: int) -> int:
    return ctx.doc.paragraph_index(offset)


@register
class PointsRef(Kind):
    name = "points_ref"
    label = "Two comparisons with one reference"

    def validate(self, rule) -> None:
        pass

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        claims = _reference_claims(ctx)
        for i, (r2, d2, label2, s2) in enumerate(claims):
            for r1, d1, label1, s1 in reversed(claims[:i]):
                if label1 != label2 or _paragraph(ctx, r1.start) != _paragraph(ctx, d2.start):
                    continue
                if d2.start - r1.start > 800:
                    break
                ref = _iv(r1) - Interval(s1, s1) * _iv(d1) if s1 > 0 else _iv(r1) + _iv(d1)
                expected = (_iv(r2) - ref) if s2 > 0 else (ref - _iv(r2))
                point_ref = r1.value - s1 * d1.value
                c = Candidate(rule=rule, slots={}, relation="", stated="d", start=r1.start, end=d2.end,
                              stated_override=d2, expected_override=(expected.lo, expected.hi),
                              arithmetic=(f"{label2} implied by {r1.text} {'−' if s1 > 0 else '+'} {d1.text} = "
                                          f"{point_ref:.4g}%; {r2.text} {'−' if s2 > 0 else '+'} that = "
                                          f"{s2 * (r2.value - point_ref):.4g}个百分点"))
                c.extra_quantities.extend([r1, d1, r2])
                c.notes.append(f"both claims compare with {label2}; the figure it must have is taken from the first")
                yield c
                break


_PULL = re.compile(r"贡献率(?:为|达|达到|是)?\Z")


@register
class Contribution(Kind):
    name = "contribution"
    label = "Contribution to growth"

    def adjust(self, ctx, cand: Candidate) -> Candidate | None:
        c, d = cand.slots.get("c"), cand.slots.get("d")
        if not isinstance(c, Quantity) or not isinstance(d, Quantity):
            return None
        norm = ctx.doc.norm
        m = re.search(r"拉动([\u4e00-\u9fff]{2,12}?)(?:经济)?(?:增加值)?增长", norm[c.end:d.start])
        whole = m.group(1) if m else ""
        g, how = None, ""
        if whole:
            for q in reversed(ctx.quantities[: c.index]):
                if q.type != "percent" or q.unit != "%" or q.furniture or q.bound != "exact":
                    continue
                s, _ = ctx.sentence_span(q.start)
                lead = norm[max(s, q.start - 16):q.start]
                if whole in lead and re.search(r"增长(?:了|为)?\Z", lead) and not re.search(r"贡献率|比重|占", lead):
                    g, how = _iv(q), q
                    break
        if g is None:
            s, _ = ctx.sentence_span(c.start)
            for rate, pts, label, sign in _reference_claims(ctx):
                if s <= rate.start and pts.end <= c.start and "平均" in label:
                    g = _iv(rate) - _iv(pts) if sign > 0 else _iv(rate) + _iv(pts)
                    how = (rate, pts, label, sign)
        if g is None:
            cand.unverifiable = "the growth of the whole it pulls is not given in the text"
            return cand
        expected = _iv(c) * g / 100.0
        cand.stated_override = d
        cand.expected_override = (expected.lo, expected.hi)
        if isinstance(how, Quantity):
            cand.extra_quantities.append(how)
            cand.arithmetic = f"{c.text} × {how.text} = {c.value * how.value / 100:.4g}个百分点"
        else:
            rate, pts, label, sign = how
            gv = rate.value - sign * pts.value
            cand.extra_quantities.extend([rate, pts])
            cand.arithmetic = f"{c.text} × ({rate.text} {'−' if sign > 0 else '+'} {pts.text}) = {c.value * gv / 100:.4g}个百分点"
            cand.notes.append(f"the whole's growth is not stated; read as {label} implied by {rate.text} and {pts.text} "
                              f"({gv:.4g}%)")
        cand.roles.update(c="contribution rate", d="stated")
        return cand
