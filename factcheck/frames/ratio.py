"""Ratios.

  三次产业结构为9.0:37.8:53.2     a structure in ratio notation: the terms add up to 100, and each is the share of
                                 the matching part of the complete breakdown stated just before (in its order)
  存贷比为80.9%                   a ratio the lexicon defines (存贷比 = 贷款 / 存款 × 100) against the two figures
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, bindings, frame
from .common import describe, same_dimension, window


def _groups(ctx, facts: list[Fact], join) -> list[list[Fact]]:
    norm = ctx.doc.norm
    out, cur = [], []
    for f in facts:
        if cur and f.sentence == cur[-1].sentence and join.fullmatch(norm[cur[-1].q.end:f.q.start]):
            cur.append(f)
            continue
        if len(cur) >= 2:
            out.append(cur)
        cur = [f]
    if len(cur) >= 2:
        out.append(cur)
    return out


def _parts(ctx) -> set[int]:
    out = set()
    for b in bindings(ctx, "parts"):
        for q in b.slots.get("parts") or ([b.slots["part"]] if "part" in b.slots else []):
            out.add(q.index)
    return out


@frame("ratio")
def ratio(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    facts = ctx.facts.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    for g in _groups(ctx, [f for f in facts if not f.q.unit and f.q.type in ("amount", "number")],
                     lex.marker("ratio_join")):
        s, _ = ctx.facts.sentences[g[0].sentence]
        lead = norm[s:g[0].q.start]
        lead = lead[max(lead.rfind(ch) for ch in ",，;；。") + 1:]  # the clause before the ratio
        word = lex.marker("structure").search(lead)
        if len(g) < 3 or not word:
            continue
        total = sum(f.q.value for f in g)
        if any(f.q.value >= 100 for f in g) or (word.group() not in ("结构", "构成") and abs(total - 100) > 20):
            continue  # not a structure in percent
        out.append(Binding(slots={"terms": [f.q for f in g[:-1]], "last": g[-1].q}, tags={"structure"},
                           how=f"the terms of a structure ({lead.strip()[-12:]}) make up 100"))
        for b in bindings(ctx, "parts"):
            parts = b.slots.get("parts")
            if "complete" not in b.tags or not isinstance(parts, list) or len(parts) != len(g):
                continue
            whole = b.slots["total"]
            if whole.start > g[0].q.start or ctx.facts.by_index[whole.index].sentence < g[0].sentence - 3:
                continue
            for part, term in zip(parts, g):
                out.append(Binding(slots={"part": part, "base": whole, "share": term.q}, tags={"term"},
                                   how=f"term {term.q.text} of the structure is {part.text}'s share of {whole.text}"))
            break
    out.extend(_statistics(facts, lex))
    for spec in lex.spec.ratios:
        if spec.rest:
            out.extend(_of_sum(ctx, facts, spec))
            continue
        for r in facts:
            if spec.name not in r.measure or r.role not in ("level", "share") or "(" in r.measure or "（" in r.measure:
                continue  # 性别比(以女性为100): a figure inside brackets defines the scale, it is not the ratio
            near = [f for f in window(facts, r.sentence - 3, r.sentence) if f.index < r.index and f.role == "level"
                    and f.q.unit]
            parts = _parts(ctx)
            num = [f for f in near if spec.num in f.measure and spec.den not in f.measure]
            den = [f for f in near if spec.den in f.measure and spec.num not in f.measure]
            # of several, the whole rather than a part of it (各项存款, not 其中住户存款)
            num = [f for f in num if f.index not in parts] or num
            den = [f for f in den if f.index not in parts] or den
            if not num or not den or not same_dimension(num[-1].q, den[-1].q):
                continue
            n, d = num[-1], den[-1]
            qual = re.sub(r"\A(?:总|全部|整体)", "", r.measure[:r.measure.index(spec.name)])
            if qual and not all(qual in f.scope + f.measure for f in (n, d)):
                continue  # 出生人口性别比 is not the ratio of all men to all women
            out.append(Binding(slots={"num": n.q, "den": d.q, "ratio": r.q}, tags={"named", f"x{spec.scale:g}"},
                               how=f"{spec.name} = {spec.num} / {spec.den}: {describe(n)}, {describe(d)}"))
    return out


def _of_sum(ctx, facts: list[Fact], spec) -> list[Binding]:
    """A rate the lexicon defines as a part over itself and the rest (the unemployment rate: the unemployed over
    the unemployed and the employed), from the nearest level of each before it. Certain within three sentences;
    further back, a reading only."""
    out = []
    rest = [w for w in spec.rest.lower().split("|") if w]
    for r in facts:
        if r.q.type != "percent" or r.role not in ("level", "share") or spec.name not in r.measure.lower():
            continue
        near = [f for f in window(facts, r.sentence - 8, r.sentence) if f.index < r.index and f.role == "level"
                and f.q.type == "amount" and not f.paren and not (f.period_explicit and r.period_explicit
                                                                   and f.period != r.period)]
        # the whole of each, named by the word alone: not 'unemployed women' nor 'working part-time'
        num = [f for f in near if f.measure.lower().strip() in spec.num.lower().split("|")]
        oth = [f for f in near if f.measure.lower().strip() in rest]
        if not num or not oth or not same_dimension(num[-1].q, oth[-1].q):
            continue
        n, o = num[-1], oth[-1]
        far = r.sentence - min(n.sentence, o.sentence) > 3
        out.append(Binding(slots={"num": n.q, "rest": o.q, "ratio": r.q}, tags={"named-rest"}, certain=not far,
                           reading="the nearest figures before it" if far else "",
                           how=f"{spec.name} = {spec.num} / ({spec.num} + {spec.rest}): {describe(n)}, {describe(o)}"))
    return out


def _statistics(facts: list[Fact], lex) -> list[Binding]:
    """中位数是平均数的84.3%: one statistic of a measure against its mean. The median is the figure of the clause
    before that names it (居民人均可支配收入中位数); the mean is the measure itself, stated before under its own name."""
    out = []
    stats, means = lex.words("statistic"), lex.words("mean")
    for r in facts:
        if r.role not in ("ratio", "share") or r.q.type != "percent" or not r.base:
            continue
        stat = next((w for w in stats if w in r.measure), "")
        if not stat or not any(w in r.base for w in means):
            continue
        part = next((f for f in reversed(window(facts, r.sentence, r.sentence)) if f.index < r.index
                     and f.role == "level" and f.q.type == "amount" and stat in f.measure), None)
        if part is None:
            continue
        mean_name = part.measure.replace(stat, "")
        base = next((f for f in reversed(window(facts, r.sentence - 10, r.sentence)) if f.index < part.index
                     and f.role == "level" and f.measure == mean_name and same_dimension(f.q, part.q)), None)
        if base is None:
            continue
        out.append(Binding(slots={"part": part.q, "base": base.q, "share": r.q}, tags={"statistic"},
                           how=f"{stat} {describe(part)} against the mean of the same measure, {describe(base)}"))
    return out
