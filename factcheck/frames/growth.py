"""Level, prior, change and rate of one measure: any two or three of them bind the rest.

  由A增加到B，增长p%        level B, prior A, rate p        (B / A − 1) × 100 = p
  从A减少到B，累计减少D      level B, prior A, change D      A − B = D
  产量X，比上年增加D，增长p%  level X, change D, rate p       D / (X − D) × 100 = p
  由2016年的A增加到2018年的B，年均增长p%                     ((B / A)^(1/2) − 1) × 100 = p
  比重由a%提高到b%，提高d个百分点                             b − a = d
  增速比上年回落d个百分点 (last year's rate not given)       unverifiable: the reference is missing

Bindings in one sentence are certain (the syntax states them). A prior from an earlier sentence is bound only when
its measure reads the same and its period is the one the rate is compared with (上年 of a 2019 figure: a 2018
figure), and only one such figure exists.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .change_rate import change_rate
from .common import describe, measure_match, same_dimension, window

LOOK_BACK = 12  # sentences


def _tag(f: Fact) -> str:
    return "down" if f.sign < 0 else "up"


def _attached(facts: list[Fact], level: Fact, role: str, by_subject: dict | None = None) -> list[Fact]:
    pool = by_subject.get(level.index, ()) if by_subject is not None else facts
    return [f for f in pool if f.subject == level.index and f.role == role and not f.paren]


def _by_subject(facts: list[Fact]) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = {}
    for f in facts:
        if f.subject is not None:
            out.setdefault(f.subject, []).append(f)
    return out


def _stated_with(priors: list[Fact], claim: Fact) -> Fact | None:
    """Of a level's priors, the one stated with the claim: in its clause, else in its sentence, else the last (an
    average rate 'since 2018-19, when it was C$10.5bn' has its own prior, not the year-earlier one)."""
    if not priors:
        return None
    if claim.role == "cagr":
        priors = [p for p in priors if p.year_q is not None] or priors  # an average rate runs from a dated level
    for same in (lambda p: p.sentence == claim.sentence and p.clause == claim.clause,
                 lambda p: p.sentence == claim.sentence):
        found = [p for p in priors if same(p)]
        if found:
            return min(found, key=lambda p: (abs(p.index - claim.index), -p.index))  # the nearest
    return priors[-1]


def _compatible(rate: Fact, level: Fact, prior: Fact) -> bool:
    """A rate against 上年 cannot be checked against a prior two years back."""
    if rate.sentence != prior.sentence and rate.compare and prior.compare and rate.compare != prior.compare:
        return False  # …66 million tonnes a year earlier. It fell 2 per cent from the September quarter: another base
    cp = rate.compare_period
    if cp is None or not prior.period.known() or prior.period.year is None or not prior.period_explicit:
        return True
    return cp.year == prior.period.year


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)
            if all("\u4e00" <= c <= "\u9fff" for c in text[i:i + 2])} - _STOP_BIGRAMS


_STOP_BIGRAMS = {"比上", "上年", "同比", "增长", "其中", "以上", "累计", "全年", "今年", "去年", "达到", "实现", "共计",
                 "年度", "上年度", "增加", "下降", "减少", "完成", "已经"}


def _latest_years(facts: list[Fact]) -> dict[int, int | None]:
    """For each fact (by index) of a list in text order, the latest year the facts before it name explicitly."""
    out: dict[int, int | None] = {}
    latest = None
    for f in facts:
        out[f.index] = latest
        if f.period_explicit and f.period.year and f.period.year < 9000:
            latest = f.period.year if latest is None else max(latest, f.period.year)
    return out


def _by_clause_words(ctx, facts: list[Fact], level: Fact, claim: Fact,
                     latest: dict[int, int | None]) -> tuple[Fact, bool] | None:
    """今年已投入23亿元…比上年度增长16.2% after 2018年…投入…财政援助资金19.79亿元: when no figure's measure reads
    the same, the one earlier figure of the dimension, at the year compared with (or the latest year the text
    names, when the claim's own year is 今年), whose clause shares words with the level's clause."""
    cp = claim.compare_period
    if cp is None or cp.year is None:
        return None
    latest_year = latest[level.index] if cp.year >= 9000 else None
    want = cp.year if cp.year < 9000 else (latest_year if latest_year and (level.period.year or 0) >= 9000 else None)
    if want is None:
        return None
    mine = _bigrams(_clause(ctx, level))
    found = []
    for f in window(facts, level.sentence - LOOK_BACK, level.sentence - 1):  # the sentences looked back on
        if f.index >= level.index or f.sentence == level.sentence or f.role not in ("level", "prior"):
            continue
        if f.sentence < level.sentence - LOOK_BACK or not same_dimension(f.q, level.q) or f.paren:
            continue
        if f.period.year != want or not f.period_explicit and f.period.year is None:
            continue
        if cp.span and cp.span != "Y" and f.period.span != cp.span:
            continue  # 12月份…同比增长17.2%: the prior is that month's, never a figure of the whole year
        common = mine & _bigrams(_clause(ctx, f))
        if common:
            found.append((f, len(common)))
    if len(found) != 1:
        return None
    return found[0][0], found[0][1] >= 2


def _clause(ctx, f: Fact) -> str:
    s, _ = ctx.facts.sentences[f.sentence]
    lead = ctx.doc.norm[s:f.q.start]
    return lead[max(lead.rfind(ch) for ch in ",，;；:：") + 1:]


def _prior_elsewhere(facts: list[Fact], level: Fact, claim: Fact) -> Fact | None:
    """The prior level stated in an earlier sentence: same measure (by its words), same dimension, dated to the
    period the claim compares with. None unless exactly one figure qualifies."""
    cp = claim.compare_period
    if cp is None or cp.year is None or len(level.key) < 2:
        return None
    found = []
    for f in window(facts, level.sentence - LOOK_BACK, level.sentence - 1):  # the sentences looked back on
        if f.index >= level.index:
            break
        if f.sentence < level.sentence - LOOK_BACK or f.sentence == level.sentence:
            continue
        if f.role not in ("level", "prior") or f.paren or not same_dimension(f.q, level.q):
            continue
        if f.period.year != cp.year or (cp.span and f.period.span and f.period.span != cp.span):
            continue
        if cp.span and cp.span != "Y" and f.period.span != cp.span:
            continue  # 12月份…同比增长17.2%: the prior is that month's, never a figure of the whole year
        if f.scope and level.scope and f.scope != level.scope:
            continue
        both = min(measure_match(level.key, f.key), measure_match(f.key, level.key))
        if both >= 0.8 or (len(f.key) >= 3 and f.key in level.key):  # 财政总收入 before 财政总收入计划
            found.append(f)
    return found[0] if len(found) == 1 else None


@frame("growth")
def growth(ctx) -> list[Binding]:
    facts = ctx.facts.facts
    by_index = ctx.facts.by_index
    out: list[Binding] = []
    subs = _by_subject(facts)
    latest = _latest_years(facts)
    for level in facts:
        if level.paren or not (level.role == "level" or (level.role == "share" and level.q.type == "percent")):
            continue
        first = len(out)
        priors = _attached(facts, level, "prior", subs)
        prior = _stated_with(priors, level)
        rates = _attached(facts, level, "rate", subs)
        changes = _attached(facts, level, "change", subs)
        cagrs = _attached(facts, level, "cagr", subs)
        points = [f for f in subs.get(level.index, ()) if f.role == "points"]
        how_prior = ""
        if prior is not None and level.q.type == "amount" and prior.additive != level.additive:
            prior = None  # up from $2.2 billion, or 40 cents per share: a total is no prior of a per-share figure
        if prior is not None and same_dimension(prior.q, level.q):
            how_prior = f"prior level {describe(prior)}, stated with {describe(level)} in one sentence"
        elif prior is not None:
            prior = None
        for r in rates:
            p, how, certain = _stated_with(priors, r) if priors else prior, how_prior, True
            if level.q.type == "percent" and (r.clause != level.clause and (p is None or r.clause != p.clause)
                                              or (level.role == "share" and r.own_measure)):
                certain = False  # the population grew by 9%, resulting in 86% of it in cities: another measure's rate
            if p is not None and not same_dimension(p.q, level.q):
                p = None
            if p is not None and not _compatible(r, level, p):
                continue
            if p is None:
                p = _prior_elsewhere(facts, level, r)
                how = (f"prior level {describe(p)}: the same measure, dated to the period the rate compares with"
                       if p is not None else "")
            if p is None and not [d for d in changes if not d.compare or d.compare == r.compare]:
                found = _by_clause_words(ctx, facts, level, r, latest)
                if found is not None:
                    p, certain = found
                    how = f"prior level {describe(p)}: the same words, at the year the rate compares with"
            tags = {_tag(r)} | ({"times"} if r.q.type == "multiple" else set())
            if p is not None:
                out.append(Binding(slots={"level": level.q, "prior": p.q, "rate": r.q}, how=how, certain=certain,
                                   tags=tags))
            else:
                for d in changes:
                    if d.compare and r.compare and d.compare != r.compare:
                        continue
                    if d.compare != r.compare and d.sentence != r.sentence:
                        continue  # …rose 14 cents, or 0.4%. Over the past 12 months, it rose 4.1%: another comparison
                    if d.sign and r.sign and d.sign != r.sign:
                        continue
                    if not same_dimension(d.q, level.q):
                        continue
                    out.append(Binding(
                        slots={"level": level.q, "change": d.q, "rate": r.q},
                        how=f"level {describe(level)} with its change {d.q.text} and rate {r.q.text} in one sentence",
                        tags={_tag(r)}))
        if prior is None:
            for d in changes:
                if rates:
                    continue  # the change-rate relation already binds it
                p = _prior_elsewhere(facts, level, d)
                if p is not None and same_dimension(d.q, level.q):
                    out.append(Binding(slots={"level": level.q, "prior": p.q, "change": d.q}, tags={_tag(d)},
                                       how=f"prior level {describe(p)}: the same measure, dated to the period the "
                                           "change compares with"))
        if prior is not None:
            for d in changes:
                if same_dimension(d.q, level.q) and (not d.compare_period or _compatible(d, level, prior)):
                    out.append(Binding(slots={"level": level.q, "prior": prior.q, "change": d.q}, how=how_prior,
                                       tags={_tag(d)}))
            for g in cagrs:
                pg = _stated_with(priors, g)
                if pg is None or not same_dimension(pg.q, level.q):
                    continue
                years = _years(ctx, by_index, level, pg)
                if years is not None:
                    how = how_prior if pg is prior else f"prior level {describe(pg)}, stated with the average rate"
                    out.append(Binding(slots={"level": level.q, "prior": pg.q, "cagr": g.q, **years},
                                       how=how, tags={"cagr"}))
            if level.q.type == "percent":
                for d in points:
                    out.append(Binding(slots={"level": level.q, "prior": prior.q, "points": d.q}, how=how_prior,
                                       tags={_tag(d)}))
            to_after = [g for g in ctx.facts.sentence_of(prior) if g.index > prior.index and g is not level
                        and same_dimension(g.q, prior.q) and ("to" in g.cues or re.search(
                            r"(?:\bto|到|至)\s*\Z", ctx.doc.norm[prior.q.end:g.q.start][-60:]))]
            if level.sign and not (rates or changes or cagrs or points) and not to_after:
                # 住宅供应量从64.91万平方米减少到21.25万平方米: the direction the text gives must hold (not when another
                # figure is the one the prior runs to: "a $1 fee …, rising from $21.88 … to $23.97")
                out.append(Binding(slots={"level": level.q, "prior": prior.q}, how=how_prior,
                                   tags={"direction", "up" if level.sign > 0 else "down"}))
        elif rates and not changes:
            for r in rates:
                b = _series(ctx, facts, level, r)
                if b is not None:
                    out.append(b)
        elif level.sign and "为到" in level.cues and not (rates or changes or cagrs or points):
            # 2006年，住宅供应量减少到21.25万平方米 after 2005年…64.91万平方米: the direction against the level before
            b = _series(ctx, facts, level, level)
            if b is not None and b.certain:
                out.append(Binding(slots={"level": level.q, "prior": b.slots["prior"]}, how=b.how,
                                   tags={"direction", "up" if level.sign > 0 else "down"}))
        out.extend(_prior_missing(level, rates + changes, out[first:]))
    out.extend(change_rate(ctx))  # a change with its rate in brackets and no level bound (English)
    return out


def _prior_missing(level: Fact, claims: list[Fact], bound: list[Binding]) -> list[Binding]:
    """Sales rose 12% to $3.88bn; an increase of 3.4 million tonnes from the previous year: a rate or change whose
    level is stated and whose earlier level is not. Rules that name 'prior' as missing report it unverifiable."""
    used = {id(q) for b in bound for q in b.quantities()}
    out = []
    for c in claims:
        if id(c.q) in used or c.paren or not c.sign or (c.role == "change" and not same_dimension(c.q, level.q)):
            continue
        if "to" not in level.cues and c.index < level.index:
            continue  # 'gains of 900 in health care and 800 in construction': 800 is no level the 900 ran to
        slot = "rate" if c.role == "rate" else "change"
        out.append(Binding(slots={"level": level.q, slot: c.q}, certain=False, tags={_tag(c), "prior-missing"},
                           how=f"{c.q.text} against an earlier level of {describe(level)} that the text does not give"))
    return out


def _series(ctx, facts: list[Fact], level: Fact, r: Fact) -> Binding | None:
    """A rate after two levels of one measure at two times, with no prior stated beside it (1月…13533元，到8月则为
    18502元，上涨幅度为36.7%; 价格最高时为5385元…今天的价格为1888元，比最高时下降了64%). The earlier level is the
    nearest one before, within two sentences, of the same dimension and measure, at another time or named by
    the rate's comparison; certain only when the comparison names it or both periods are explicit."""
    cands = []
    for f in reversed([f for f in window(facts, level.sentence - 2, level.sentence) if f.index < level.index]):
        if f.role not in ("level", "prior") or f.paren or not same_dimension(f.q, level.q):
            continue
        if f.additive != level.additive:
            continue  # a price per unit is no earlier level of a total
        if f.sentence == level.sentence and re.fullmatch(r"\s*(?:和|、|与|及|and|,)\s*",
                                                          ctx.doc.norm[f.q.end:level.q.start]):
            continue  # 营收和净利润分别为195.47亿元和95.08亿元: two figures of one list, not a level and its past
        if f.subject is not None and f.subject != level.index and f.role == "prior":
            continue
        score = measure_match(level.key, f.key) if level.key and f.key else (0.6 if not level.own_measure else 0.0)
        named = bool(r.compare) and _names(ctx, f, r.compare)
        timed = f.period_explicit and level.period_explicit and f.period != level.period
        if r.compare and not named and not (r.compare_period and f.period == r.compare_period and f.period_explicit):
            continue  # 比前周下降2.52%: compared with a time the text does not give a figure for
        if named or (score >= (0.5 if not level.own_measure else 0.8) and (timed or not level.own_measure)):
            cands.append((f, named, timed, score))
            break
    if not cands:
        return None
    f, named, timed, score = cands[0]
    # certain when the comparison names the earlier level, or both are dated and the measure reads the same (or is
    # carried on in the same sentence: 1月…为13533元，到8月则为18502元)
    certain = named or (timed and (score >= 0.8 or (f.sentence == level.sentence and not level.own_measure)))
    if named and level.own_measure and f.own_measure and score < 0.5 and _GENERIC_PERIOD.search(r.compare):
        certain = False  # 'the prior year period' names revenue's earlier level too: not operating income's
    how = (f"earlier level {describe(f)}" + (f", named by '{r.compare}'" if named else ", the same measure at an earlier time"))
    return Binding(slots={"level": level.q, "prior": f.q, "rate": r.q}, how=how, certain=certain,
                   tags={_tag(r)} | ({"times"} if r.q.type == "multiple" else set()))


# a comparison that names only a period, which every measure of the text has (not 最高时, a state of one measure)
_GENERIC_PERIOD = re.compile(r"year|quarter|month|period|week|同期|上年|去年|上月|上季|前年|上周", re.I)


def _names(ctx, f: Fact, compare: str) -> bool:
    """Does the clause of f hold the words the comparison names (比最高时 -> 价格最高时为5385元)?"""
    ref = compare.lstrip("比较与同")
    if len(ref) < 2:
        return False
    s, _ = ctx.facts.sentences[f.sentence]
    lead = ctx.doc.norm[s:f.q.start]
    clause = lead[max(lead.rfind(ch) for ch in ",，;；:：") + 1:]
    k = clause.find(ref)
    return k >= 0 and not clause[:k].endswith(("比", "较", "与", "同", "相比"))


def _years(ctx, by_index, level: Fact, prior: Fact) -> dict | None:
    if level.year_q is None or prior.year_q is None:
        return None
    a, b = ctx.quantities[prior.year_q], ctx.quantities[level.year_q]
    if b.value <= a.value:
        return None
    return {"start_year": a, "end_year": b}


@frame("points_ref")
def points_ref(ctx) -> list[Binding]:
    """Points against a rate: the stated rate with the one it is compared with (stated, or missing)."""
    facts = ctx.facts.facts
    by_index = ctx.facts.by_index
    out: list[Binding] = []
    pools: dict = {}
    for d in facts:
        ref = by_index.get(d.subject) if d.role == "points" and d.subject is not None else None
        if ref is not None and ref.paren and ref.q.type == "percent":
            b = _bracketed_reference(ctx, facts, d, ref)  # 增长8.4%，比全省(7.7%)高0.7个百分点
            if b is not None:
                out.append(b)
            continue
        if d.role == "points" and d.subject is None and d.own_measure:
            b = _named_points(ctx, facts, d)
            if b is not None:
                out.append(b)
            continue
        if d.role != "points" or d.subject is None or not d.compare:
            continue
        rate = by_index.get(d.subject)
        if rate is None or rate.q.type != "percent":
            continue
        if rate.role == "level" and any(f.role == "prior" and f.subject == rate.index for f in facts):
            continue  # from a% to b%, d points: the growth frame binds it
        between = _prior_between(facts, rate, d)
        ref = between or _reference(_reference_pool(facts, pools, d), rate, d)
        slots = {"rate": rate.q, "points": d.q}
        if ref is not None:
            slots["ref"] = ref.q
            # a reference found by scope alone (全市整体增幅) for a rate whose measure is not known may be another
            # measure's (全市进出口, not 全市出口): only agreement is reported then
            out.append(Binding(slots=slots, how=f"compared rate {describe(ref)}, named by '{d.compare}'",
                               tags={_tag(d)}, certain=bool(between or (rate.key and ref.key))))
        else:
            out.append(Binding(slots=slots, how=f"{rate.q.text} compared {d.compare}", tags={_tag(d), "ref-missing"},
                               certain=False))
    return out


def _bracketed_reference(ctx, facts: list[Fact], d: Fact, ref: Fact) -> Binding | None:
    """增长8.4%，比全省(7.7%)和全国(7.0%)分别高0.7、1.4个百分点: the rate before 比 against each reference in brackets."""
    from ..facts.lexicon import lexicon

    rates = [f for f in ctx.facts.sentence_of(d) if f.index < ref.index and not f.paren
             and f.q.type == "percent" and f.role in ("rate", "level")]
    if not rates or not d.sign:
        return None
    rate = rates[-1]
    if not lexicon(ctx.doc.language).marker("than").search(ctx.doc.norm[rate.q.end:ref.q.start]):
        return None
    return Binding(slots={"rate": rate.q, "ref": ref.q, "points": d.q}, tags={_tag(d)},
                   how=f"{rate.q.text} against {ref.q.text}, stated in brackets after what it is compared with")


def _prior_between(facts: list[Fact], rate: Fact, d: Fact) -> Fact | None:
    """增速比一季度的10.5%回落1.1个百分点: the rate compared with stands between the rate and its points."""
    ps = [f for f in window(facts, d.sentence, d.sentence) if rate.index < f.index < d.index and f.role == "prior"
          and f.q.type == "percent" and f.subject in (None, rate.index)]
    return ps[-1] if len(ps) == 1 else None


def _reference_pool(facts: list[Fact], pools: dict, d: Fact) -> list[Fact]:
    """The figures _reference may choose from, in text order: the percent levels, rates and priors, only those of
    the year compared with when the points name one (grouped once per text, so that each look-up stays short)."""
    if not pools:
        pools["all"] = [f for f in facts if f.q.type == "percent" and f.role in ("level", "rate", "prior")]
        for f in pools["all"]:
            pools.setdefault(("year", f.period.year), []).append(f)
    cp = d.compare_period
    if cp is not None and (cp.year is not None or cp.span):
        return pools.get(("year", cp.year), [])
    return pools["all"]


def _reference(facts: list[Fact], rate: Fact, d: Fact) -> Fact | None:
    """The rate a points figure compares with: the same measure in the compared period or scope."""
    cp = d.compare_period
    found = []
    for f in facts:
        if f.q.type != "percent" or f.index == rate.index or f.role not in ("level", "rate", "prior"):
            continue
        if f.role != rate.role and not (f.role == "prior" and rate.role == "level"):
            continue
        if cp is not None and (cp.year is not None or cp.span):
            if f.period.year != cp.year or (cp.span and f.period.span and f.period.span != cp.span):
                continue  # another year, or another quarter or month of it
        elif not (f.scope and f.scope in d.compare) and not (f.measure and f.measure in d.compare):
            continue
        if rate.key and f.key and measure_match(rate.key, f.key) < 0.8:
            continue
        found.append(f)
    return found[0] if len(found) == 1 else None


def _named_points(ctx, facts: list[Fact], d: Fact) -> Binding | None:
    """与2010年的15.07%相比，60岁及以上人口的比重上升5.21个百分点: the rate named by the points' own measure, against
    the rate the sentence compares it with."""
    key = ctx.facts.key_of(d.measure)[1]
    key = key.replace("比重", "").replace("占比", "").replace("比例", "")
    rates = [f for f in facts if f.q.type == "percent" and f.role in ("share", "level") and f.index < d.index
             and f.sentence >= d.sentence - 6 and key and measure_match(key, f.key) >= 0.8]
    priors = [f for f in window(facts, d.sentence, d.sentence) if f.q.type == "percent" and f.role == "prior"
              and f.index < d.index]
    if len(rates) < 1 or len(priors) != 1:
        return None
    rate, prior = rates[-1], priors[0]
    slots = {"rate": rate.q, "ref": prior.q, "points": d.q}
    return Binding(slots=slots, how=f"{describe(rate)} (named '{d.measure}') against {describe(prior)}",
                   tags={_tag(d)})


@frame("same_reference")
def same_reference(ctx) -> list[Binding]:
    """甲行业增长10.0%，高于全市平均水平3.0个百分点；乙行业增长12.0%，高出全市平均水平5.0个百分点: the reference
    is not stated, but both claims imply it, and the two must agree (10.0 − 3.0 = 12.0 − 5.0)."""
    facts = ctx.facts.facts
    by_index = ctx.facts.by_index
    # a reference the text names but does not state (全市平均水平), not a period each rate has its own of (去年同期)
    pts = [d for d in facts if d.role == "points" and d.subject is not None and len(d.compare) >= 3
           and d.compare_period is None and not re.search(r"年|同期|月|季度|期|届|上次|上轮|上一", d.compare)]  # 比十一届: each its own term
    out: list[Binding] = []
    for i, a in enumerate(pts):
        for b in pts[i + 1:]:
            if b.compare != a.compare or b.sentence - a.sentence > 2:
                continue
            ra, rb = by_index.get(a.subject), by_index.get(b.subject)
            if ra is None or rb is None or ra.index == rb.index or ra.role != rb.role or ra.q.type != "percent":
                continue
            sa, sb = (1 if a.sign >= 0 else -1), (1 if b.sign >= 0 else -1)
            out.append(Binding(
                slots={"rate_a": ra.q, "points_a": a.q, "rate_b": rb.q, "points_b": b.q},
                relation=f"rate_a - ({sa}) * points_a = rate_b - ({sb}) * points_b",
                how=f"both compare with '{a.compare}', which neither states: each implies it",
                tags={"same-reference"}))
            break
    return out


@frame("points_alone")
def points_alone(ctx) -> list[Binding]:
    """Percentage points that no other frame binds (所占比重上升2.15个百分点, 增幅环比提高0.7个百分点, "up 1.2
    percentage points"): the text states a change between two rates but gives neither, or not both, so the claim
    is reported as one that cannot be checked rather than passed over in silence."""
    from . import bindings

    bound: set[int] = set()
    for name in ("growth", "points_ref", "same_reference", "margin"):
        for b in bindings(ctx, name):
            bound.update(id(q) for q in b.quantities())
    out: list[Binding] = []
    for d in ctx.facts.facts:
        if d.role != "points" or d.q.type != "points" or id(d.q) in bound or d.paren:
            continue
        out.append(Binding(slots={"points": d.q}, tags={_tag(d), "alone"}, certain=False,
                           how=f"{d.q.text} states a change in a rate{' against ' + d.compare if d.compare else ''}; "
                               f"the rates themselves are not both given"))
    return out
