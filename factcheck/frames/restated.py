"""The same fact stated twice: a headline and the body, or a figure repeated later. They must agree (within the
headline's rounding and qualifiers: 超过一千二百万人次 holds for 1236.5万人次).

A headline is the text's first line when it is short and has no sentence end. Elsewhere a figure counts as
restated only with the same measure, scope and explicit period, the same role and direction.
"""

from __future__ import annotations

from ..facts.model import Fact
from . import Binding, frame
from .common import describe, measure_match, named_match, same_dimension, tokens, wordy

_ROLES = ("level", "rate", "share", "change", "cagr", "points")


def _same(a: Fact, b: Fact, headline: bool = False) -> float:
    if a.role != b.role or a.q.type != b.q.type or not same_dimension(a.q, b.q):
        return 0.0
    if a.sign and b.sign and a.sign != b.sign:
        return 0.0
    if not a.key or not b.key or a.additive != b.additive:
        return 0.0  # a total is not a price per share
    score = min(measure_match(a.key, b.key), measure_match(b.key, a.key))
    if headline and wordy(a.key):
        score = max(score, named_match(a.key, b.key) * 0.8)  # a headline shortens: 'profit' for 'net profit'
    return score


def _headline(ctx) -> int | None:
    """The sentence index of the headline, when the text opens with one."""
    fs = ctx.facts
    if not fs.sentences:
        return None
    s, e = fs.sentences[0]
    line = ctx.doc.norm[s:e].strip()
    longest = 110 if wordy(line) else 60  # English words are longer than Chinese characters
    if 4 <= len(line) <= longest and not line.endswith(("。", "!", "?", ".", "！", "？")) and "\n" in ctx.doc.norm[s:e + 1]:
        return 0
    return None


def _same_figure(facts: list[Fact], h: Fact, head: int, last: int) -> list[Fact]:
    return [b for b in facts if head < b.sentence <= last and b.q.type == h.q.type and not b.paren
            and same_dimension(b.q, h.q) and b.q.value == h.q.value and b.q.digits == h.q.digits]


def _digits(f: Fact) -> str:
    return "".join(ch for ch in f.q.text if ch.isdigit()).strip("0")


def _slip_apart(a: Fact, b: Fact) -> bool:
    """Could one figure be the other miswritten (934 and 943, 934 and 93.4, 934 and 984)? Figures further apart than
    a slip (934万辆 and 111万辆) say that the reading of their measure was short of words (新能源汽车…新注册登记),
    not that the text erred: then only their agreement is reported."""
    lo, hi = sorted((abs(a.q.value), abs(b.q.value)))
    if lo and hi / lo <= 2:
        return True
    return sorted(_digits(a)) == sorted(_digits(b))


def _forecast(ctx, f: Fact) -> bool:
    """Is the figure said as an expectation (analysts expected, 预计) in its sentence, before it?"""
    from ..facts.lexicon import lexicon

    start = ctx.facts.sentences[f.sentence][0]
    return bool(lexicon(ctx.doc.language).marker("forecast").search(ctx.doc.norm, start, f.q.start))


@frame("restated")
def restated(ctx) -> list[Binding]:
    facts = ctx.facts.facts
    out: list[Binding] = []
    head = _headline(ctx)
    en = ctx.doc.language == "en"  # (English scopes are names, compared as written; Chinese ones are not)
    if head is not None:
        for h in [f for f in facts if f.sentence == head and f.role in _ROLES]:
            # the same figure again in the opening sentences (in English, else once anywhere in the body): the
            # body states what the headline sums up
            same = _same_figure(facts, h, head, head + 3)
            if not same and (en or h.q.unit):
                # past a byline (作者…来源…发布时间) or a lead of other figures: the one body figure of that value
                far = _same_figure(facts, h, head, len(ctx.facts.sentences))
                same = far if len(far) == 1 else []
            if len(same) == 1 and h.q.value and (h.q.unit or h.q.type != "amount" or h.q.value >= 20):
                out.append(Binding(slots={"body": same[0].q, "headline": h.q},
                                   how=f"the headline's {h.q.text} is stated again in the body", tags={"headline"}))
                continue
            if same:
                continue
            if h.q.type == "amount" and not h.q.unit:
                continue  # a bare count in a headline (Guantanamo four) names a group more often than a figure
            if any(o is not h and o.sentence == head and o.role == h.role and o.q.value != h.q.value
                   and (_same(h, o, True) >= 0.6 or wordy(h.key) and set(tokens(h.key)) & set(tokens(o.key)))
                   for o in facts):
                continue  # two figures of one measure in the headline (one area's surplus, another's): which body
                #           figure each restates is for their scopes to say, not for the measure
            scored = sorted(((_same(h, b, True), b) for b in facts if b.sentence > head and b.role in _ROLES
                             and not (en and h.scope and b.scope and h.scope != b.scope)),  # another firm's
                            key=lambda t: (-t[0], t[1].index))
            if not scored or scored[0][0] < 0.6:
                continue
            if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1].q.value != scored[0][1].q.value:
                continue  # two body figures read alike: which one the headline restates is open
            b = scored[0][1]
            if en and not h.scope and any(o.scope and o.scope != b.scope and sc >= 0.6 for sc, o in scored[1:]):
                continue  # a round-up: the headline names no body, and bodies of several read alike
            out.append(Binding(slots={"body": b.q, "headline": h.q},
                               how=f"the headline restates {describe(b)}", tags={"headline"}))
    seen = set()
    # the same measure, scope and period stated again: Chinese only, English measures read too loosely for it
    # (segment revenues, forecasts; see 'repeated')
    for i, a in enumerate([] if en else facts):
        if a.role not in ("level",) or not a.period_explicit or len(a.key) < 4 or not a.q.unit:
            continue
        if a.period.year is None or (a.period.year >= 9000 and a.period.span not in ("", "Y")):
            continue  # a period the text names (2009年8月, 今年), not a bare month or day
        if not a.own_measure or "measure-after" in a.cues or _forecast(ctx, a):
            continue  # a measure read from the words after the figure (… to 10.7% in the euro area) names no fact
        for b in facts[i + 1:]:
            if (b.sentence == a.sentence or b.role != a.role or not b.own_measure or "measure-after" in b.cues
                    or _forecast(ctx, b)):
                continue  # (analysts expected revenue of $17.18 billion: a forecast, not the figure restated)
            if b.period != a.period or (a.scope or "") != (b.scope or "") or a.key != b.key:
                continue
            if not same_dimension(a.q, b.q) or (a.index, b.index) in seen:
                continue
            seen.add((a.index, b.index))
            out.append(Binding(slots={"body": a.q, "headline": b.q}, tags={"again"}, certain=_slip_apart(a, b),
                               how=f"{describe(b)} restates {a.q.text} (same measure, scope and period)"))
            break
    return out
