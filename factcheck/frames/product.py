"""Averages and totals, and measures bounded by others.

  约2200亿份基金分红，平均单位分红金额为0.29元，分红总额约380亿元     total = count × average (per unit: 份)
  营业收入5.74亿元；净利润4735.38亿元                             净利润 within 营业收入 (lexicon: within)

The average, the total and the count stand in one sentence; the average and the total name the same measure
once the average's and the total's words are taken off (平均单位分红金额 and 分红总额: 分红); the count is in the
unit the average is taken per (lexicon: per_unit).
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import describe, same_dimension, window


def _strip(pattern, key: str) -> str:
    return pattern.sub("", key).replace("金额", "")


@frame("product")
def product(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    avg_pat, tot_pat = lex.marker("average"), lex.marker("total")
    facts = ctx.facts.facts
    out: list[Binding] = []
    for a in facts:
        if a.role != "level" or not avg_pat.search(a.measure):
            continue
        per = next((p for p in lex.spec.per_unit if p.average in a.measure), None)
        if per is None:
            continue
        head = _strip(avg_pat, a.key).removeprefix("个")  # 平均每个家庭户的人口: 家庭户人口
        if len(head) < 2:
            continue
        same = window(facts, a.sentence, a.sentence)
        # the total after the average, named a total (分红总额), or before it, named as the average is (家庭户人口
        # 501694人，平均每个家庭户的人口为2.90人)
        totals = [t for t in same if t.index > a.index and t.role == "level" and same_dimension(t.q, a.q)
                  and tot_pat.search(t.measure) and _strip(tot_pat, t.key) == head] or [
            t for t in same if t.index < a.index and t.role == "level" and same_dimension(t.q, a.q)
            and t.key == head and not tot_pat.search(t.measure)]
        counts = [n for n in same if n.index < a.index and n.role == "level" and n.q.unit == per.unit
                  and n.index not in {t.index for t in totals}]
        if len(totals) != 1 or not counts:
            continue
        t, n = totals[0], counts[-1]
        out.append(Binding(slots={"count": n.q, "average": a.q, "total": t.q},
                           how=f"{describe(t)} = {n.q.text} × {a.q.text} ({per.average}: per {per.unit})"))
    return out


@frame("within")
def within(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    facts = ctx.facts.facts
    out: list[Binding] = []
    for spec in lex.spec.within:
        for p in facts:
            if p.role != "level" or spec.part not in p.measure:
                continue
            ws = [w for w in window(facts, p.sentence - 1, p.sentence + 1) if w.role == "level" and spec.whole in w.measure
                  and same_dimension(w.q, p.q) and w.period == p.period
                  and (w.scope == p.scope or not w.scope or not p.scope)]
            if len(ws) != 1:
                continue
            w = ws[0]
            out.append(Binding(slots={"part": p.q, "whole": w.q},
                               how=f"{spec.part} cannot exceed {spec.whole} ({describe(w)})",
                               certain=w.sentence == p.sentence))
    return out


@frame("yield_product")
def yield_product(ctx) -> list[Binding]:
    """棉花播种面积3352.3千公顷…单产1818.3公斤/公顷…总产量609.6万吨: a product the lexicon names (产量 = 面积 × 单产)
    against its two factors, all of one subject (棉花) and period, the units multiplying out (公斤/公顷 × 千公顷 =
    吨). The figures stand within a few sentences of each other, the nearest of each taken."""
    from ..facts.lexicon import lexicon
    from .common import _canonical_unit, holds

    lex = lexicon(ctx.doc.language)
    facts = ctx.facts.facts
    out: list[Binding] = []
    for spec in lex.spec.products:
        word_a, word_b = spec.factors
        for t in facts:
            if t.role != "level" or t.paren or not holds(t.measure.lower(), spec.total):
                continue
            if spec.not_total and holds(t.measure.lower(), spec.not_total):
                continue
            near = [f for f in window(facts, t.sentence - 4, t.sentence + 1) if f.role == "level" and not f.paren
                    and f.index != t.index and f.period == t.period]
            areas = [f for f in near if holds(f.measure.lower(), word_a) and not holds(f.measure.lower(), word_b)
                     and f.index < t.index]  # (单位面积产量 names an area too)
            rates = [f for f in near if holds(f.measure.lower(), word_b)]
            if not areas or not rates:
                continue
            a, r = areas[-1], min(rates, key=lambda f: abs(f.index - t.index))
            ua, ur, ut = (_canonical_unit(f.q.unit) for f in (a, r, t))
            if not ua or not ut or ur != f"{ut}/{ua}":
                continue  # the units must multiply out: 千克/平方米 × 平方米 = 千克
            subject = _subject(t.measure, spec)
            if subject and any(_subject(f.measure, spec) not in ("", subject) for f in (a, r)):
                continue  # 棉花 output against 粮食 area
            out.append(Binding(slots={"area": a.q, "rate": r.q, "total": t.q},
                               how=f"{describe(t)} = {describe(a)} × {r.q.text} ({spec.total} = "
                                   f"{word_a} × {word_b})"))
    return out


def _subject(measure: str, spec) -> str:
    words = [w for x in (spec.total, *spec.factors, spec.not_total) for w in x.split("|") if w]
    out = measure.lower()
    for w in sorted(words, key=len, reverse=True):
        out = out.replace(w, "")
    return re.sub(r"\A[一二三四五六七八九十]+、|全国|全省|全市|种植|播种|单位|总|的|\s", "", out)
