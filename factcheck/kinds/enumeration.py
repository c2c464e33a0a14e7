"""Enumeration counts: 六大产业 after 牛、羊、菜、果、薯、药; 四个方面：A、B、C、D. The count must match the items.

The rule's pattern (RE2, over the plain text, not the masked one) finds the count phrase; it must have a group
`n` holding the numeral. Items are counted in the list directly before the phrase (…、…、…[等]“N大X”) or directly
after it (N大X：A、B、C / N个方面：一是…二是…).
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from ..extract.numbers import cn_numeral
from ..model import Quantity

_BOUNDARY = re.compile(r"[,;:。!?！？；：\n()（）”“\"]")
_CONJ = re.compile(r"(?<=[\u4e00-\u9fff])(?:和|及|与|以及)(?=[\u4e00-\u9fff])")
_ORDINALS = "一二三四五六七八九十"
_CONTINUE = re.compile(r"\s*(?:以及|还有)(?![\d一二两三四五六七八九十])")


def _count_items(segment: str) -> int:
    """Items in 甲、乙和丙 (3). A conjunction inside an earlier item starts the list afresh: in
    主任某某和甲、乙、丙 the list is 甲、乙、丙. An empty item means this is not one list: 0."""
    segment = segment.strip()
    if not segment:
        return 0
    items = segment.split("、")
    for i in range(len(items) - 2, -1, -1):
        parts = _CONJ.split(items[i])
        if len(parts) > 1:
            items = [parts[-1]] + items[i + 1:]
            break
    if any(not it.strip() for it in items):
        return 0
    n = len(items)
    if _CONJ.search(items[-1][1:]):
        n += 1
    return n


_RATE_CLAUSE = re.compile(r"[\u4e00-\u9fff()]{2,20}?(?:增长|下降|增加|减少|上涨|下跌)了?-?\d+(?:\.\d+)?%")


def _clause_items(norm: str, i: int) -> int:
    """Items given as clauses right before the count, one figure each (甲业增长9.1%，乙业增长5.2%，丙业增长3.3%，
    三大行业合计…): the clauses between the sentence start and the count's own clause, all of one shape."""
    start = max(norm.rfind("。", 0, i), norm.rfind("\n", 0, i)) + 1
    pieces = norm[start:i].split(",")
    if len(pieces) < 3 or pieces[-1].strip():
        return 0  # the count must open its own clause
    n = 0
    for piece in reversed(pieces[:-1]):
        if _RATE_CLAUSE.fullmatch(re.sub(r"^(?:其中|同时|而|另外)", "", piece.strip())):
            n += 1
        else:
            break
    if n == len(pieces) - 1:
        return n
    return -n if n >= 2 else 0  # after a lead-in (最新数据显示，2009年8月，): the list may start earlier


@register
class Enumeration(Kind):
    name = "enumeration_count"
    label = "Count of listed items"

    def validate(self, rule) -> None:
        if not rule.pattern or "(?P<n>" not in rule.pattern:
            raise ValueError("enumeration_count needs a pattern with a group (?P<n>...) for the numeral")
        from ..engine.pattern import compile_pattern

        compile_pattern(rule.pattern)

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        from ..engine.pattern import compile_pattern

        regex = compile_pattern(rule.pattern)
        norm = ctx.doc.norm
        etc_gap = int(rule.params.get("max_gap_after_etc", 8))
        for m in regex.finditer(norm):
            s, e = m.start(), m.end()
            if ctx.doc.in_furniture(s, e):
                continue
            digits = m.group(regex.groupindex["n"])
            if s and (norm[s - 1].isdigit() or norm[s - 1] == "."):
                continue  # the tail of 0.5个百分点 or 12个: not a count of its own
            if re.match(r"个?百分点|%", norm[m.start(regex.groupindex["n"]) + len(digits):][:4].lstrip("个")) \
                    or norm[e:e + 3].startswith("百分点"):
                continue
            value = float(digits) if digits.isdigit() else cn_numeral(digits)
            if value is None or not 2 <= float(value) <= 20:
                continue
            n = int(value)
            before = self._before(norm, s, etc_gap)
            after = self._after(norm, e)
            if before is not None and (after is None or "、" in norm[max(0, s - 60):s]):
                items, partial, where = before[0], before[1], "before"
            elif after is not None:
                items, partial, where = after, False, "after"
            else:
                continue
            if items < 2:
                continue
            if partial and items < n:
                continue  # 甲、乙等七市 or 甲、乙等边区9县: 等 may end a list of examples, not of all
            if e < len(norm) and "\u4e00" <= norm[e] <= "\u9fff":
                # the label runs on past the phrase (四市援甘前方机构, 4个甘肃省特色产品): the count is the numeral
                # and its measure word alone, so no finding quotes a word cut in half
                ne = m.end(regex.groupindex["n"])
                mw = re.match(r"部分|方面|[个项类种条层只家所座支位名批市县区省国]", norm[ne:e])
                if mw:
                    e = ne + mw.end()
            q = Quantity(index=-1 - s, text=ctx.doc.text[s:e], start=s, end=e, value=float(n), lo=float(n),
                         hi=float(n), digits=digits, decimals=0, unit="", type="amount", chinese=not digits.isdigit())
            cand = Candidate(rule=rule, slots={}, relation="", stated="count", start=s, end=e, stated_override=q,
                             expected_override=(float(items), float(items)),
                             arithmetic=f"{items} items listed {where} {q.text}")
            yield cand

    @staticmethod
    def _before(norm: str, s: int, etc_gap: int) -> tuple[int, bool] | None:
        i = s
        if i and norm[i - 1] in "“\"「":
            i -= 1
        window = norm[max(0, i - etc_gap - 1):i]
        partial = False
        closed = False
        k = window.rfind("等")
        if k >= 0:
            gap = window[k + 1:]
            if gap and not re.fullmatch(r"[“”\"「」\u4e00-\u9fff]{0,%d}" % etc_gap, gap):
                return None
            partial = True  # 等 may close a complete list or stand for 'and others': only too many items is wrong
            i = i - len(window) + k
        elif norm[max(0, i - 1):i] in ("这", "共", "此"):
            i -= 1
            closed = True
        elif re.search(r"(?:上述|前述|以上)的?\Z", norm[max(0, i - 3):i]):
            # 甲、乙和丙，上述3只基金: the list is the clause before; it may hold other words, so only a list
            # longer than the count is reported
            k = norm.rfind("上述", max(0, i - 3), i)
            k = k if k >= 0 else norm.rfind("前述", max(0, i - 3), i)
            k = k if k >= 0 else norm.rfind("以上", max(0, i - 3), i)
            i = k
            if norm[i - 1:i] != ",":
                return None
            i -= 1
            partial = True
        clauses = _clause_items(norm, i)
        if clauses >= 2 and not partial:
            return clauses, False
        if clauses <= -2 and not partial:
            return -clauses, True  # clauses after a lead-in: too few may mean the list began earlier
        seg_start = i
        while seg_start > 0 and not _BOUNDARY.match(norm[seg_start - 1]) and i - seg_start < 200:
            seg_start -= 1
        segment = norm[seg_start:i]
        if re.search(r"(?:和|及|与|以及|或)\Z", segment):
            return None  # 甲、乙和3个丙: the count is itself an item of a longer list
        if "、" not in segment:
            if not _CONJ.search(segment):
                return None
            # 甲和乙两部分: a bare conjunction only ever joins two items, and often joins a modifier
            # (北京市及周边五省), so it can confirm a count of two and nothing else.
            if _count_items(segment) != 2:
                return None
            return (2, not closed)  # 甲和乙这2只: 这/此 closes the list, so any other count is wrong
        return _count_items(segment), partial

    @staticmethod
    def _after(norm: str, e: int) -> int | None:
        j = e
        m = re.match(r"[\u4e00-\u9fff]{0,6}?(?::|,即|,分别是|,分别为|,包括|:即|,主要是|是)", norm[j:j + 12])
        if not m:
            return None
        j += m.end()
        end = j
        while end < len(norm) and norm[end] not in "。\n" and end - j < 400:
            end += 1
        body = norm[j:end]
        if re.match(r"\s*(?:一是|首先|第一)", body):
            # 两大原因：一是…。二是…。 The points may run over several sentences, up to the paragraph's end;
            # they must come in order, and the list ends where the order breaks.
            para_end = norm.find("\n", j)
            para = norm[j:para_end if para_end >= 0 else len(norm)][:3000]
            n = 0
            for om in re.finditer(r"(?:^|[,;。:!?])\s*([一二三四五六七八九十])是", para):
                k = _ORDINALS.index(om.group(1)) + 1
                if k == n + 1:
                    n = k
                elif k == 1 and n:
                    break  # a second 一是 starts another list
            return n or None
        ords = re.findall(r"(?:^|[,;。])\s*([一二三四五六七八九十])是", body)
        if ords:
            return max(_ORDINALS.index(o) + 1 for o in ords)
        if re.search(r"(?:分别是|分别为|:)\Z", m.group()):
            # 八个方面，分别是：A…；B…；C…。 Items are the clauses between semicolons, up to the sentence's end.
            stop = norm.find("。", j)
            sentence = norm[j:stop if stop >= 0 else len(norm)]
            if len(sentence) <= 2000 and ";" in sentence:
                segs = [x for x in sentence.split(";") if x.strip()]
                if len(segs) >= 2:
                    return len(segs)
        pieces = re.split(r"[,;:。]", body)
        first = pieces[0]
        if "、" in first:
            n = _count_items(first)
            # 分别为甲、乙、丙，以及去年成立的丁和戊: the list goes on after a clause break opened by 以及/还有
            for more in pieces[1:]:
                m2 = _CONTINUE.match(more)
                if not m2:
                    break
                rest = more[m2.end():]
                k = _count_items(rest) if "、" in rest else (2 if _CONJ.search(rest[1:]) else 1)
                if not k:
                    return None
                n += k
            return n
        return None
