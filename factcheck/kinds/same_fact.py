"""The same figure stated twice: a headline and its body, a text and its table.

Within the text: two figures of one measure whose introducing words overlap strongly (or identical figures with at
least three significant digits) are read as one fact stated twice; they must agree within both intervals. Only
agreement is reported as such; a disagreement is reported only when the two are introduced by nearly the same words
and neither is marked as a plan, a forecast, a realised part or another period (计划, 预计, 实现, 累计, 当月…), and
then as a discrepancy with a note that they may differ in scope.

Text and table: a figure in the prose (444.8亿元) whose sentence names a table row (…新能源产业…当月…) and whose
words pick a column (当月/本月, 累计) must round from that cell. The table's unit comes from its header ((万元));
when the header gives none, 万元 is assumed and only agreement is reported.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from . import Candidate, Kind, register
from ..engine.interval import Interval
from ..model import Quantity
from .pipe_table import _cells, _rows

_CJK = re.compile(r"[\u4e00-\u9fff]+")
_STOP = {"比上", "上年", "同比", "增长", "其中", "以上", "今年", "去年", "达到", "实现", "共计", "全年", "累计", "完成"}
_SCOPE = re.compile(r"计划|预计|预算|目标|实现|实际|累计|当月|本月|同期|去年|上年|其中|平均|人均|每|最高|最低|新增|增加|减少")
_HEADER_UNIT = {"万元": 1e4, "亿元": 1e8, "元": 1.0, "千元": 1e3}
_SYNONYMS = {"GDP": "生产总值"}


@lru_cache(maxsize=1024)  # asked once per pair of figures, for the same few words: keep linear in length
def _bigrams(s: str) -> frozenset[str]:
    out: set[str] = set()
    for run in _CJK.findall(s):
        out |= {run[i:i + 2] for i in range(len(run) - 1)}
    return frozenset(out - _STOP)


def _sig_digits(q: Quantity) -> int:
    d = q.digits.replace(",", "").replace(".", "").lstrip("0")
    return len(d.rstrip("0")) if "." not in q.digits else len(d)


def _prefix(ctx, q: Quantity, width: int = 30) -> str:
    s, _ = ctx.sentence_span(q.start)
    return ctx.doc.norm[max(s, q.start - width):q.start]


def _near_prefix(ctx, q: Quantity) -> str:
    p = _prefix(ctx, q, 16)
    for sep in (",", ";", ":"):
        k = p.rfind(sep)
        if 0 <= k < len(p) - 1:
            p = p[k + 1:]
    return p


NEAREST = 16  # earlier figures looked at per shared word, value or introduction


class _Features:
    """What pairing needs to know about one figure, computed once."""

    __slots__ = ("sentence", "words", "intro", "intro_words", "sig")

    def __init__(self, ctx, q: Quantity) -> None:
        self.sentence = ctx.sentence_index(q.start)
        self.words = frozenset(_bigrams(_prefix(ctx, q)))
        self.intro = _near_prefix(ctx, q)
        self.intro_words = frozenset(_bigrams(self.intro))
        self.sig = _sig_digits(q)


def _nearest(positions: list[int] | None, qs: list[Quantity], lowest_start: int) -> list[int]:
    """The last NEAREST positions of an index list whose figures start at or after lowest_start."""
    if not positions:
        return []
    tail = positions[-NEAREST:]
    return [i for i in tail if qs[i].start >= lowest_start]


@register
class SameFact(Kind):
    name = "same_fact"
    label = "Same figure stated twice"

    def validate(self, rule) -> None:
        pass

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        yield from self._text_pairs(ctx, rule)
        yield from self._table_pairs(ctx, rule)

    def _text_pairs(self, ctx, rule) -> Iterator[Candidate]:
        """Each figure against the earlier figures of its measure that could be the same fact: those sharing a
        word (bigram) of their introductions, the same value, or the same introduction. They are found through
        indexes, nearest first and at most NEAREST per key, and each figure's words are computed once: the number
        of comparisons per figure is bounded, so a text of a million figures takes linear time (a plain scan of
        every earlier figure within max_distance made a million lines of 增长5% run for hours)."""
        qs = [q for q in ctx.quantities if not q.furniture and q.type in ("amount", "percent") and q.unit
              and q.range_with is None and q.unit not in ("个", "年")]
        max_back = int(rule.params.get("max_distance", 3000))
        feats = [_Features(ctx, q) for q in qs]
        # (unit, type) -> key -> [positions in qs], in text order
        by_word: dict[tuple, dict[str, list[int]]] = {}
        by_value: dict[tuple, dict[tuple, list[int]]] = {}
        by_intro: dict[tuple, dict[str, list[int]]] = {}
        for j, b in enumerate(qs):
            fb = feats[j]
            bucket = (b.unit, b.type)
            words, values, intros = (by_word.setdefault(bucket, {}), by_value.setdefault(bucket, {}),
                                     by_intro.setdefault(bucket, {}))
            near: set[int] = set()
            for g in fb.words:
                near.update(_nearest(words.get(g), qs, b.start - max_back))
            near.update(_nearest(values.get((b.value, b.decimals)), qs, b.start - max_back))
            if len(fb.intro) >= 8:
                near.update(_nearest(intros.get(fb.intro), qs, b.start - max_back))
            first = None
            for i in sorted(near, reverse=True):
                a, fa = qs[i], feats[i]
                if fa.sentence == fb.sentence:
                    continue
                if a.type == "amount" and max(a.value, b.value) / (a.scale or 1) < 10 and a.scale == 1:
                    continue  # 两只, 三次: small counts recur without being one fact
                same_text = a.digits == b.digits and a.scale == b.scale and fa.sig >= 3
                if (a.bound != "exact" or b.bound != "exact") and not same_text:
                    continue  # a bound agrees with too much to say it is the same figure
                shared = fa.words & fb.words
                near_shared = fa.intro_words & fb.intro_words
                # one must hold the other's value: intervals that merely touch (84% and 85%) are two figures
                agree = a.lo <= b.value <= a.hi or b.lo <= a.value <= b.hi
                identical = a.value == b.value and a.decimals == b.decimals and fa.sig >= 3
                if agree and (len(near_shared) >= 2 or len(shared) >= 5 or identical):
                    first = (a, near_shared or shared)  # keep looking: a restatement is checked against the first
                    continue
                na, nb = fa.intro, fb.intro
                if first is None and not agree and na == nb and len(na) >= 8 and not _SCOPE.search(na) \
                        and self._same_period(ctx, a, b):
                    c = self._cand(rule, a, b, "differ", shared)
                    c.notes.append("read as the same fact because both are introduced by the same words; "
                                   "if they count different scopes the text should say so")
                    yield c
                    first = None
                    break
            if first is not None:
                yield self._cand(rule, first[0], b, "consistent", first[1])
            for g in fb.words:
                words.setdefault(g, []).append(j)
            if fb.sig >= 3:
                values.setdefault((b.value, b.decimals), []).append(j)
            if len(fb.intro) >= 8:
                intros.setdefault(fb.intro, []).append(j)

    @staticmethod
    def _same_period(ctx, a: Quantity, b: Quantity) -> bool:
        """Neither sentence dates its figure differently from the other (2019年… / 2020年…, 比上年…)."""
        sa, ea = ctx.sentence_span(a.start)
        sb, eb = ctx.sentence_span(b.start)
        ta, tb = ctx.doc.norm[sa:ea], ctx.doc.norm[sb:eb]
        ya = set(re.findall(r"(?:19|20)\d\d年|[一二三四]季度|上半年|下半年|\d{1,2}月", ta[: a.start - sa]))
        yb = set(re.findall(r"(?:19|20)\d\d年|[一二三四]季度|上半年|下半年|\d{1,2}月", tb[: b.start - sb]))
        if ya != yb:
            return False
        return not re.search(r"比上年|比去年|同比|较上年|增长|下降", ta + tb)

    @staticmethod
    def _cand(rule, a: Quantity, b: Quantity, how: str, shared: set[str]) -> Candidate:
        c = Candidate(rule=rule, slots={"first": a, "again": b}, relation="again = first", stated="again",
                      start=a.start, end=b.end)
        c.roles.update(first="first statement", again="stated")
        if how == "consistent" and shared:
            c.notes.append(f"both introduced by {'、'.join(sorted(shared)[:4])}")
        return c

    def _table_pairs(self, ctx, rule) -> Iterator[Candidate]:
        norm = ctx.doc.norm
        by_start = {q.start: q for q in ctx.quantities}
        for cells in _cells(norm):
            parsed = _rows(cells)
            if parsed is None:
                continue
            headers, rows = parsed
            first_cell = cells[0][1]
            header_text = " ".join(h for h in headers)
            scale, assumed = 1e4, True
            for word, f in _HEADER_UNIT.items():
                if f"({word})" in header_text or f"（{word}）" in header_text:
                    scale, assumed = f, False
                    break
            amount_cols = [i for i, h in enumerate(headers) if not re.search(r"%|增长|增速|率|比重", h)]
            if not amount_cols:
                continue
            for q in ctx.quantities:
                if q.start >= first_cell or q.furniture or q.type != "amount" or q.unit != "元" or q.scale < 1e4:
                    continue
                s, _ = ctx.sentence_span(q.start)
                before = norm[s:q.start]
                row, pos = None, -1
                for label, vals in rows:
                    core = re.sub(r"合计|总计|小计|业$", "", _SYNONYMS.get(label, label))
                    k = before.rfind(core[:4]) if len(core) >= 2 else -1
                    if k > pos:
                        row, pos = (label, vals), k
                if row is None:
                    continue
                col = None
                if len(amount_cols) == 1:
                    col = amount_cols[0]
                else:
                    near = before[pos:]
                    best = -1
                    for i in amount_cols:
                        h = headers[i]
                        words = ("本月", "当月") if ("本月" in h or "当月" in h) else ("累计",) if "累计" in h else ()
                        k = max((near.rfind(w) for w in words), default=-1)
                        if k > best:
                            col, best = i, k
                if col is None:
                    continue
                text, start = row[1][col]
                cell = by_start.get(start)
                if cell is None:
                    continue
                cell_iv = Interval((cell.lo) * scale, (cell.hi) * scale)
                if not Interval(q.lo, q.hi).meets(cell_iv) and assumed:
                    continue  # with an assumed unit, only agreement says anything
                c = Candidate(rule=rule, slots={"cell": cell, "text": q}, relation="text = cell", stated="text",
                              start=q.start, end=cell.end,
                              expected_override=(cell_iv.lo, cell_iv.hi),
                              arithmetic=f"table row '{row[0]}', column '{headers[col]}': {text}"
                                         f"{'万' if scale == 1e4 else ''}元 = {cell.value * scale / q.scale:.6g}{q.scale_text}元")
                c.roles.update(cell="table cell", text="stated")
                if assumed:
                    c.notes.append("the table does not give its unit; read as 万元, the usual unit of such tables")
                yield c
