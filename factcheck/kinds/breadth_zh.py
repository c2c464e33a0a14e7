"""Chinese relation families that need a little code.

pull_sum: pulls of a complete breakdown add up to the whole's growth (最终消费支出拉动国内生产总值增长1.0个百分点，
资本形成总额拉动…1.5个百分点，净出口拉动…0.5个百分点, with 国内生产总值…增长3.0% earlier). Only a complete
breakdown is checked: the three demand components or the three industries, each pulling the same whole.

paired_share: 其中，A a个，面积b公顷，分别占<total1>和<total2>的p%和q%: each part's share of the total named before
其中, the totals found by the words the 占 phrase uses. Area units convert (1 km² = 100 ha, 1 ha = 15 亩).

remainder: a whole, one part (出手/卖出/用去 …) and the rest (余下/剩余/其余/另外): part + rest = whole, checked with the
intervals the bounds allow (500多 = 300左右 + 200多 holds).
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from ..engine.interval import Interval
from ..model import Quantity

# --- pull_sum ----------------------------------------------------------------------------------------------

_PULL_LEAD = re.compile(r"(?:向下)?拉动(?P<whole>[A-Za-z\u4e00-\u9fff]{0,14}?)(?:经济)?(?:增加值)?增长了?(?P<neg>-|负)?\Z")
_PARTITIONS = (
    ("demand", (("消费", re.compile(r"消费")), ("投资", re.compile(r"资本形成|投资")),
                ("净出口", re.compile(r"净出口|货物和服务净")))),
    ("industry", (("第一产业", re.compile(r"第一产业|一产")), ("第二产业", re.compile(r"第二产业|二产")),
                  ("第三产业", re.compile(r"第三产业|三产")))),
)
_GDP = ("国内生产总值", "地区生产总值", "生产总值", "GDP", "经济")


def _member(subject: str) -> tuple[str, str] | None:
    found = [(pname, mname) for pname, members in _PARTITIONS for mname, rx in members if rx.search(subject)]
    return found[0] if len(found) == 1 else None


def _whole_names(whole: str) -> tuple[str, ...]:
    w = re.sub(r"^(?:全年|全国|全省|全市|全区|全县|本市|本省)", "", whole)
    if w in ("", *_GDP):
        return ("国内生产总值", "地区生产总值", "GDP", "生产总值")
    return (w,)


def _growth_of(ctx, names: tuple[str, ...], before: Quantity) -> Quantity | None:
    """The whole's growth rate stated before the pulls: 国内生产总值…比上年增长3.0% (not its share, not per head)."""
    norm = ctx.doc.norm
    for q in reversed(ctx.quantities[: before.index]):
        if q.type != "percent" or q.unit != "%" or q.furniture or q.bound != "exact":
            continue
        s, _ = ctx.sentence_span(q.start)
        lead = norm[max(s, q.start - 60):q.start]
        if not re.search(r"增长(?:了|为)?\Z", lead):
            continue
        k = max(lead.rfind(n) for n in names)
        if k < 0:
            continue
        between = lead[k:]
        if re.search(r"比重|占|贡献|拉动|人均|[;]", between) or lead[max(0, k - 2):k].endswith("人均"):
            continue
        if any(r.type == "percent" and r.start > s + k for r in ctx.quantities[max(0, q.index - 4):q.index]
               if r.start >= max(s, q.start - 60)):
            continue
        return q
    return None


@register
class PullSum(Kind):
    name = "pull_sum"
    label = "Pulls adding up to growth"

    def validate(self, rule) -> None:
        pass

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        norm = ctx.doc.norm
        pulls: list[tuple[Quantity, str, str, str, int]] = []  # (points, whole, partition, member, sign)
        prev_end = 0
        for q in ctx.quantities:
            if q.type != "points" or q.furniture or q.bound != "exact":
                continue
            s, _ = ctx.sentence_span(q.start)
            lead = norm[max(s, q.start - 30):q.start]
            m = _PULL_LEAD.search(lead)
            if not m:
                continue
            k = q.start - len(lead) + m.start()
            start = max(s, prev_end, norm.rfind(";", s, k) + 1)
            subject = norm[start:k]
            prev_end = q.end
            mem = _member(subject)
            if mem is None:
                pulls.append((q, m.group("whole"), "", "", 1))
                continue
            sign = -1 if (m.group("neg") or "向下" in m.group(0) or norm[q.start - 1:q.start] == "-") else 1
            pulls.append((q, m.group("whole"), mem[0], mem[1], sign))
        i = 0
        while i < len(pulls):
            q0, whole, part, _, _ = pulls[i]
            if not part:
                i += 1
                continue
            members = dict(next(m for p, m in _PARTITIONS if p == part))
            group = [pulls[i]]
            j = i + 1
            while j < len(pulls) and len(group) < len(members):
                q, w, p, mem, _ = pulls[j]
                if (w != whole or p != part or mem in {g[3] for g in group}
                        or ctx.sentence_index(q.start) - ctx.sentence_index(group[-1][0].start) > 1
                        or "\n" in norm[group[-1][0].end:q.start]):
                    break
                group.append(pulls[j])
                j += 1
            if len(group) == len(members):
                g = _growth_of(ctx, _whole_names(whole), q0)
                if g is not None:
                    total = Interval(0.0, 0.0)
                    for q, *_rest, sign in group:
                        total = total + (Interval(q.lo, q.hi) if sign > 0 else Interval(-q.hi, -q.lo))
                    parts = [q for q, *_ in group]
                    c = Candidate(rule=rule, slots={}, relation="", stated="g", start=g.start, end=parts[-1].end,
                                  stated_override=g, expected_override=(total.lo, total.hi))
                    terms = " + ".join(("−" if sg < 0 else "") + q.text for q, *_x, sg in group)
                    point = sum(q.value * sg for q, *_x, sg in group)
                    c.expected_point = point
                    c.arithmetic = f"{terms} = {point:.{max(g.decimals, 0)}f}%"
                    c.extra_quantities.extend(parts)
                    c.notes.append("the pulls of every " + ("demand component" if part == "demand" else "industry")
                                   + " add up to the whole's growth")
                    yield c
                i = j
            else:
                i += 1


# --- paired_share ------------------------------------------------------------------------------------------

_AREA_HA = {"平方公里": 100.0, "公顷": 1.0, "亩": 1 / 15, "平方米": 1e-4}
_SCOPE = re.compile(r"全国|全省|全市|全县|全区|全球|世界|全行业")
_STOP = {"其中", "分别", "全国", "全省", "全市", "总数", "总量", "总额", "合计"}


def _bigrams(s: str) -> set[str]:
    out: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", s):
        out |= {run[i:i + 2] for i in range(len(run) - 1)}
    return out - _STOP


def _factor(a: Quantity, b: Quantity) -> float | None:
    """How many of b's units one of a's units is, when the two measure the same thing (1 平方公里 = 100 公顷)."""
    if a.type != "amount" or b.type != "amount":
        return None
    if a.unit == b.unit:
        return 1.0
    if a.unit in _AREA_HA and b.unit in _AREA_HA:
        return _AREA_HA[a.unit] / _AREA_HA[b.unit]
    return None


@register
class PairedShare(Kind):
    name = "paired_share"
    label = "Share"

    def validate(self, rule) -> None:
        if rule.pattern is None:
            raise ValueError("kind paired_share needs a pattern with slots a, b, pa, pb")

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        from ..engine.match import pattern_candidates

        norm = ctx.doc.norm
        sentences = int(rule.params.get("sentences", 2))
        for cand in pattern_candidates(ctx, rule):
            a, b, pa, pb = (cand.slots.get(k) for k in ("a", "b", "pa", "pb"))
            if not all(isinstance(x, Quantity) for x in (a, b, pa, pb)):
                continue
            if any(x.range_with is not None or x.bound not in ("exact", "approx") for x in (a, b)):
                continue
            if any(x.unit != "%" for x in (pa, pb)):
                continue
            k = norm.rfind("其中", max(0, a.start - 30), a.start)
            if k < 0:
                continue
            named = norm[b.end:pa.start]
            words = _bigrams(named)
            scope = _SCOPE.search(named)
            lo, _ = ctx.sentence_range(k, sentences)
            used: set[int] = set()
            for part, p in ((a, pa), (b, pb)):
                base = None
                for q in reversed(ctx.quantities[: a.index]):
                    if q.start < lo:
                        break
                    if q.start >= k or q.furniture or q.range_with is not None or q.index in used:
                        continue
                    f = _factor(q, part)
                    if f is None or q.hi * f < part.lo:
                        continue
                    s, _ = ctx.sentence_span(q.start)
                    own = _SCOPE.findall(norm[s:q.start])
                    if scope and own and scope.group() not in own:
                        break  # 占全国…的p% against a province's total: another whole
                    if words & _bigrams(norm[max(s, q.start - 20):q.start]):
                        base = (q, f)
                    break
                if base is None:
                    continue
                q, f = base
                used.add(q.index)
                iv = Interval(part.lo, part.hi) / Interval(q.lo * f, q.hi * f) * 100.0
                c = Candidate(rule=rule, slots={"part": part, "base": q, "p": p}, relation="", stated="p",
                              start=q.start, end=p.end, stated_override=p, expected_override=(iv.lo, iv.hi))
                c.roles.update(part="part", base="base")
                c.expected_point = part.value / (q.value * f) * 100
                conv = q.value * f / (part.scale or 1.0)
                unit = f" ({q.text} = {conv:,.6g}{part.scale_text}{part.unit})" if f != 1.0 else ""
                c.arithmetic = f"{part.text} / {q.text} × 100 = {c.expected_point:.4g}%{unit}"
                yield c


# --- remainder ---------------------------------------------------------------------------------------------


@register
class Remainder(Kind):
    name = "remainder"
    label = "Part and remainder"

    def adjust(self, ctx, cand: Candidate) -> Candidate | None:
        total, part, rest = (cand.slots.get(k) for k in ("total", "part", "rest"))
        if not all(isinstance(x, Quantity) for x in (total, part, rest)):
            return None
        if total.type != "amount" or part.type != "amount" or rest.type != "amount":
            return None
        units = {x.unit for x in (total, part, rest)} - {""}
        if len(units) != 1 or not total.unit:
            return None  # one measure: a bare figure (余下200多房间) takes the whole's unit, nothing else mixes
        if any(x.range_with is not None for x in (total, part, rest)):
            return None
        if any(q.unit == total.unit and q.type == "amount" for q in ctx.quantities[part.index + 1:rest.index]):
            return None  # another figure of the same measure between: the rest may be left over from that
        cand.roles.update(total="total", part="part", rest="part")
        return cand


# --- complement_share --------------------------------------------------------------------------------------

_EXCLUDED = re.compile(r"亏损|下跌|下降|负收益|未|没有|没|不|除")


@register
class ComplementShare(Kind):
    """共有N只，只有M只出现了亏损，获得正收益的比例为p%: the share is of the rest, (N − M) / N. The part's clause must
    say it is excluded (亏损, 未…, 没有…, 除…); M / N is kept as a second reading, so a discrepancy needs both to
    fail."""

    name = "complement_share"
    label = "Share of the rest"

    def adjust(self, ctx, cand: Candidate) -> Candidate | None:
        base, part, p = (cand.slots.get(k) for k in ("base", "part", "p"))
        if not all(isinstance(x, Quantity) for x in (base, part, p)):
            return None
        if base.type != "amount" or part.unit != base.unit or p.unit != "%" or not base.unit:
            return None
        if any(x.range_with is not None or x.bound != "exact" for x in (base, part)) or part.value > base.value:
            return None
        norm = ctx.doc.norm
        clause = norm[part.end:p.start]
        k = clause.find(",")
        own, rest = (clause[:k], clause[k:]) if k >= 0 else (clause, "")
        if not _EXCLUDED.search(norm[max(base.end, part.start - 4):part.start] + own) or _EXCLUDED.search(rest):
            return None
        import dataclasses

        alt = dataclasses.replace(cand, relation="part / base * 100 = p", alternatives=[], notes=list(cand.notes),
                                  reading=f"as the share of {part.text} itself")
        cand.reading = f"as the share of the rest, {base.text} − {part.text}"
        cand.alternatives = [alt]
        cand.roles.update(base="base", part="excluded part")
        return cand
