"""Sums: parts listed after 其中/分别/包括 against their total.

Equality only when the list is plainly exhaustive: the rule says so (分别 lists), the text states a count that
matches the number of parts (四市 … 其中 four cities), or the parts form a known partition (三次产业); otherwise
the parts must not exceed the total.

Parameters a rule may set:
  exhaustive / exhaustive_reason   the phrasing itself lists every part
  count_units, partitions          other signs that a list is complete
  max_gap                          a list ends at the first gap between parts longer than this many characters
  extend                           keep collecting parts of the same measure to the end of the sentence, each
                                   introduced by a clause break (long items: 甲支出3亿元；乙…支出2亿元)
  counted_total                    a count right before the total (4只基金共持股N) names how many of the nearest
                                   earlier figures it adds up
  distributive_guard               drop the claim when the total's word also introduces each part (甲共计5只，乙共计3只)
"""

from __future__ import annotations

import re

from . import Candidate, Kind, register
from ..model import Quantity

_CHANGE_BEFORE = re.compile(r"(?:比|较|同比|增加(?!值)|增长|减少|下降|提高|增(?!加值)|减|多|少|超|拉动|相当于)[^,;。]{0,4}\Z")
_TOTAL_WORDS = re.compile(r"共计|合计|总计|总共|一共|共有|共")
_COUNT = re.compile(r"([2-9]|1\d|[两二三四五六七八九十])(?:只|个|家|项|类|笔|名|户|座|所|支|条)[\u4e00-\u9fff]{0,8}?"
                    r"(?:共计|合计|总计|总共|一共|共)")
_CN = "两二三四五六七八九十"


def _in_brackets(norm: str, q: Quantity) -> bool:
    k = norm.rfind("(", max(0, q.start - 20), q.start)
    return k >= 0 and ")" not in norm[k:q.start]


def _same_noun(norm: str, total: Quantity, part: Quantity) -> bool:
    """'X只基金中…债券型基金有46只': the thing counted after the total's figure comes back near the part."""
    k = norm.find("中", total.end, part.start)
    noun = norm[total.end:k] if k >= 0 else ""
    words = {noun[i:i + 2] for i in range(len(noun) - 1)}
    near = norm[max(k + 1, part.start - 16):part.end + 6]
    return any(w in near for w in words)


def _level(gap: str) -> int:
    """Strength of the strongest clause break in a stretch of text: 。 3, ； 2, ， 1, none 0."""
    return 3 if "。" in gap else 2 if ";" in gap else 1 if "," in gap else 0


def _same(a: Quantity, b: Quantity) -> bool:
    return a.type == b.type and a.unit == b.unit


def _own_count(region: str, word: str, group: list[str]) -> int:
    """How often word stands in region on its own, not inside a longer word of its group (达标 in 未达标)."""
    return region.count(word) - sum(region.count(v) for v in group if v != word and word in v)


@register
class Sum(Kind):
    name = "sum"
    label = "Sum"

    def adjust(self, ctx, cand: Candidate) -> Candidate | None:
        total = cand.slots.get("total")
        parts = cand.slots.get("parts")
        if not isinstance(total, Quantity) or not isinstance(parts, list):
            return cand
        params = cand.rule.params
        norm = ctx.doc.norm
        parts = [q for q in parts if _same(q, total) and q.index != total.index and q.range_with is None]
        loose = [q for q in parts if not _in_brackets(norm, q)]  # 46只(A、B算两只): an aside, not a part
        if loose:  # every part in brackets (good (46%), fair (31%)): the brackets are the list's own style
            parts = loose
        if not parts:
            return None
        if total.start < parts[0].start and self._is_change(ctx, total) and not self._is_change(ctx, parts[0]):
            level = self._level_before(ctx, total)
            if level is None:
                return None  # 比上年增加2.85万人。其中，城镇348.72万人…: the parts split the level, not the change
            total = level
            cand.slots["total"] = total
        if total.start > parts[-1].start and self._is_change(ctx, total) and not self._is_change(ctx, parts[-1]):
            return None  # 现有A人，与十年前的B人相比，共减少C人: a change between the figures, not their total
        if params.get("same_noun") and not _same_noun(norm, total, parts[0]):
            return None
        max_gap = params.get("max_gap")
        if max_gap is not None:
            kept = [parts[0]]
            for q in parts[1:]:
                if q.start - kept[-1].end > int(max_gap):
                    break
                kept.append(q)
            parts = kept
        suffix = params.get("part_suffix")
        if suffix:
            parts = [q for q in parts if re.match(suffix, norm[q.end:q.end + 8])]
        if params.get("extend"):
            parts = self._extend(ctx, parts, total)
        if params.get("distributive_guard"):
            if any(_TOTAL_WORDS.search(norm[a.end:b.start]) for a, b in zip(parts, parts[1:])):
                return None  # 甲共计5只，乙共计3只，丙共计9只: each 共计 belongs to its own item
        if params.get("total_not_in_list") and self._in_list(ctx, total):
            return None  # 分别新进了A和B；又分别增持了C和D: A is one of a list, not a total
        counted_ok = False
        if params.get("counted_total") and total.start > parts[-1].start:
            counted = self._counted(ctx, parts, total)
            if counted is False:
                return None
            if counted:
                parts, why = counted
                cand.notes.append(why)
                counted_ok = True
        if len(parts) < int(params.get("min_parts", 2)):
            return None
        cand.slots["parts"] = parts
        cand.roles.update(parts="part", total="total")
        exhaustive, why = self._exhaustive(ctx, cand, total, parts)
        if counted_ok:
            exhaustive, why = True, ""
        if exhaustive:
            if why:
                cand.notes.append(why)
        else:
            cand.relation = "sum(parts) <= total"
            cand.may_be_partial = True
        return cand

    @staticmethod
    def _is_change(ctx, q: Quantity) -> bool:
        s, _ = ctx.sentence_span(q.start)
        return bool(_CHANGE_BEFORE.search(ctx.doc.norm[max(s, q.start - 8):q.start]))

    @staticmethod
    def _level_before(ctx, change: Quantity) -> Quantity | None:
        """The level a change belongs to (常住人口523.60万人，比上年末增加2.85万人 -> 523.60万人): the nearest earlier
        figure of the same measure in the sentence that is neither a change nor the figure compared with."""
        norm = ctx.doc.norm
        s, _ = ctx.sentence_span(change.start)
        for q in reversed(ctx.quantities[: change.index]):
            if q.start < s:
                return None
            if not _same(q, change) or q.furniture or q.range_with is not None:
                continue
            lead = norm[max(s, q.start - 12):q.start]
            if _CHANGE_BEFORE.search(lead[-8:]) or re.search(r"(?:比|较|同比)[^,;。]{0,10}\Z", lead):
                return None
            return q
        return None

    @staticmethod
    def _in_list(ctx, q: Quantity) -> bool:
        norm = ctx.doc.norm
        for o in ctx.quantities[max(0, q.index - 1): q.index + 2]:
            if o.index == q.index or not _same(o, q):
                continue
            gap = norm[o.end:q.start] if o.start < q.start else norm[q.end:o.start]
            if len(gap) <= 2 and re.fullmatch(r"[和、及与,]|以及", gap):
                return True
        return False

    @staticmethod
    def _extend(ctx, parts: list[Quantity], total: Quantity) -> list[Quantity]:
        """Parts to the end of the list. The list ends at a clause break stronger than the one that opened it:
        after '总额A，其中，B，C；' the items after the semicolon are the total's siblings, not its parts."""
        norm = ctx.doc.norm
        level = _level(norm[total.end:parts[0].start]) if total.start < parts[0].start else 2
        out = [parts[0]]
        for q in parts[1:]:
            if _level(norm[out[-1].end:q.start]) > level:
                return out
            if _CHANGE_BEFORE.search(norm[max(out[-1].end, q.start - 12):q.start]):
                return out  # 其中乙190亿元，分别比去年增长20亿元和10亿元: changes, not parts
            out.append(q)
        _, send = ctx.sentence_span(parts[-1].start)
        for q in ctx.quantities[parts[-1].index + 1:]:
            if q.start >= send:
                break
            gap = norm[out[-1].end:q.start]
            if _level(gap) > level:
                break
            if not _same(q, total) or q.furniture or q.range_with is not None:
                continue
            lead = norm[max(out[-1].end, q.start - 12):q.start]
            if not re.search(r"[;,]", gap) or _CHANGE_BEFORE.search(lead):
                continue
            out.append(q)
        return out

    def _counted(self, ctx, parts: list[Quantity], total: Quantity):
        """(parts, note) when a count right before the total says how many figures it adds; False when the count
        contradicts the list and the figures it would need are not there; None when there is no count."""
        norm = ctx.doc.norm
        window = norm[max(parts[-1].end, total.start - 20):total.start]
        m = None
        for m in _COUNT.finditer(window):
            pass
        if m is None:
            return None
        d = m.group(1)
        n = int(d) if d.isdigit() else _CN.index(d) + 2 if d != "十" else 10
        if d == "两":
            n = 2
        if n == len(parts):
            return parts, f"the text counts {n} parts"
        if n < len(parts) or n > 12:
            return False
        lo, _ = ctx.sentence_range(total.start, 2)
        pool = [q for q in ctx.quantities[: total.index] if q.start >= lo and _same(q, total) and not q.furniture
                and q.range_with is None and not _CHANGE_BEFORE.search(norm[max(lo, q.start - 8):q.start])]
        if len(pool) < n:
            return False
        return pool[-n:], f"the text counts {n} parts, the {n} figures just before the total"

    def _exhaustive(self, ctx, cand: Candidate, total: Quantity, parts: list[Quantity]) -> tuple[bool, str]:
        params = cand.rule.params
        if params.get("exhaustive"):
            return True, str(params.get("exhaustive_reason", "the list is introduced as complete"))
        s, _ = ctx.sentence_span(total.start)
        for q in ctx.quantities:
            if s <= q.start < parts[0].start and q.type == "amount" and q.unit != total.unit and q.bound == "exact" \
                    and q.value == len(parts) and q.decimals <= 0 and q.unit in params.get("count_units", []):
                cand.extra_quantities.append(q)
                return True, f"the text counts {len(parts)} parts ({q.text})"
        markers = params.get("remainder_markers", [])
        if len(parts) >= 2 and any(mk in ctx.doc.norm[parts[-2].end:parts[-1].start] for mk in markers):
            return True, "the last part is the remainder class, so the parts make up the whole"
        region = ctx.doc.norm[parts[0].start - 12 if parts[0].start > 12 else 0: parts[-1].end]
        for group in params.get("partitions", []):
            if all(_own_count(region, w, group) > 0 for w in group) and len(group) == len(parts):
                return True, f"the parts ({'/'.join(group)}) make up the whole"
        return False, ""
