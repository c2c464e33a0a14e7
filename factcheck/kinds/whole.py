"""Shares of one whole: percentages of a breakdown (比例分别为55.0%、24.2%和20.8%; 一级占4.0%，二级占72.8%…，劣于
三级占1.4%) must add up to 100 when the breakdown is complete, and never exceed it.

The breakdown counts as complete when its last class is a remainder class (劣…, 其他, 其余, …以下/以上 as the
rule's params list: `remainder_markers`). Otherwise only 'at most 100' is checked. When every class also states its
change since an earlier period (上升7.6个百分点; 与上年持平; 下降7.1个百分点) the changes of a complete breakdown
must net to zero: a second finding.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from ..model import Quantity

_UP = re.compile(r"(?:上升|提高|增加|上涨|增长|升高)了?\Z")
_DOWN = re.compile(r"(?:下降|降低|减少|回落|下跌|下滑)了?\Z")
_FLAT = re.compile(r"(?:与|同|和|较|比)(?:上年|去年|上一年|上期|上年同期|同期)(?:相比)?(?:基本)?(?:持平|相当|不变)|无变化|保持不变")


_NESTED = re.compile(r"其中|内含|当中")
_SUBPOP = re.compile(r"[^。;!?\n%]{0,40}?(?:中|里|之中|当中)[,:][^。;!?\n%]{0,24}\Z")


def _subpopulation(ctx, first: Quantity) -> Quantity | None:
    """The share of a sub-population the classes divide, when their sentence opens with one (在19%…的人中，甲占…):
    the nearest percentage before the classes' first figure in the same sentence, the stretch between them closed
    by 中 and holding no other percentage."""
    s, _ = ctx.sentence_span(first.start)
    norm = ctx.doc.norm
    for q in reversed(ctx.quantities[max(0, first.index - 6):first.index]):
        if q.start < s:
            return None
        if q.type != "percent":
            continue
        if q.unit != "%" or q.furniture or q.bound != "exact" or "占" in norm[max(s, q.start - 3):q.start]:
            return None
        return q if _SUBPOP.fullmatch(norm[q.end:first.start]) else None
    return None


@register
class Whole(Kind):
    name = "whole"
    label = "Shares of a whole"

    def validate(self, rule) -> None:
        if rule.pattern is None or "{parts:percent+}" not in rule.pattern:
            raise ValueError("kind whole needs a pattern with a list slot {parts:percent+}")

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        from ..engine.match import pattern_candidates

        min_parts = int(rule.params.get("min_parts", 3))
        markers = rule.params.get("remainder_markers", [])
        norm = ctx.doc.norm
        for cand in pattern_candidates(ctx, rule):
            parts = [q for q in cand.slots.get("parts", []) if q.type == "percent" and q.unit == "%"]
            for i in range(1, len(parts)):
                if _NESTED.search(norm[parts[i - 1].end:parts[i].start]):
                    parts = parts[:i]  # …占18.70%,其中65岁以上…占13.50%: a sub-group, never a class of its own
                    break
            if len(parts) < min_parts or any(q.bound != "exact" for q in parts):
                continue
            if any(q.value > 100 for q in parts):
                continue
            last_gap = norm[parts[-2].end:parts[-1].start]
            labels = norm[max(0, parts[0].start - 40):parts[0].start]  # 甲、乙和劣五类…比例分别为a、b、c
            complete = any(mk in last_gap for mk in markers) or (
                "分别" in labels and any(mk in labels.rsplit("。", 1)[-1] for mk in markers))
            if not complete and rule.params.get("only_complete"):
                continue  # separate 占 clauses may be shares of different wholes: only a full breakdown is checked
            others, last = parts[:-1], parts[-1]
            sub = _subpopulation(ctx, parts[0])
            if sub is not None:
                # 在19%月收入6000元以上的人中，甲占10.1%，乙占5.8%，丙占3.1%: shares of all, making up the 19%
                c = Candidate(rule=rule, slots={"others": others, "last": last, "whole": sub},
                              relation="last = whole - sum(others)" if complete else "last <= whole - sum(others)",
                              stated="last", start=cand.start, end=cand.end)
                c.roles.update(others="part", last="part", whole="total")
                c.may_be_partial = not complete
                c.notes.append(f"the classes divide a group that is itself {sub.text} of all, so they make up "
                               f"{sub.text}, not 100%" if complete else
                               f"the classes divide a group that is {sub.text} of all")
                yield c
                continue
            c = Candidate(rule=rule, slots={"others": others, "last": last},
                          relation="last = 100 - sum(others)" if complete else "last <= 100 - sum(others)",
                          stated="last", start=cand.start, end=cand.end)
            c.roles.update(others="part", last="part")
            c.may_be_partial = not complete
            if complete:
                c.notes.append("the last class is the remainder, so the classes make up the whole (100%)")
            yield c
            if complete:
                net = self._net_change(ctx, rule, parts, cand)
                if net is not None:
                    yield net

    @staticmethod
    def _net_change(ctx, rule, parts: list[Quantity], cand: Candidate) -> Candidate | None:
        """Changes of every class of a complete breakdown (in points) must net to zero."""
        norm = ctx.doc.norm
        ups: list[Quantity] = []
        downs: list[Quantity] = []
        flats = 0
        for i, p in enumerate(parts):
            stop = parts[i + 1].start if i + 1 < len(parts) else ctx.sentence_span(p.start)[1]
            stop = min(stop, p.end + 30)
            change = None
            for q in ctx.quantities[p.index + 1:]:
                if q.start >= stop:
                    break
                if q.type == "points":
                    lead = norm[p.end:q.start]
                    if _UP.search(lead):
                        change = ("up", q)
                    elif _DOWN.search(lead):
                        change = ("down", q)
                    break
            if change is None:
                if _FLAT.search(norm[p.end:stop]):
                    flats += 1
                    continue
                return None  # a class without a stated change: nothing to net
            (ups if change[0] == "up" else downs).append(change[1])
        if not ups or not downs:
            return None  # all one way: a complete breakdown cannot move like that, but a class may be missing
        stated = downs[-1] if downs[-1].start > ups[-1].start else ups[-1]
        rest_up = [q for q in ups if q.index != stated.index]
        rest_down = [q for q in downs if q.index != stated.index]
        plus, minus = (rest_up, rest_down) if stated in downs else (rest_down, rest_up)
        slots: dict = {"stated": stated}
        terms = []
        if plus:
            slots["plus"] = plus
            terms.append("sum(plus)")
        if minus:
            slots["minus"] = minus
            terms.append("- sum(minus)" if terms else "0 - sum(minus)")
        relation = "stated = " + " ".join(terms)
        c = Candidate(rule=rule, slots=slots, relation=relation, stated="stated", start=cand.start, end=cand.end)
        c.roles.update(plus="change", minus="change", stated="stated")
        # the shares themselves are not listed: this finding is about the changes alone
        c.notes.append("the classes make up the whole, so their changes (a class 与上年持平 counts 0) must net "
                       "to zero")
        c.label = "Changes of a whole"
        return c
