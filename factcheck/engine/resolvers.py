"""Resolvers find slots a phrasing does not hold: the base a part belongs to, the earlier value a growth rate
starts from. Each is a small named function rules refer to by name (`resolve: {base: {find: container}}`)."""

from __future__ import annotations

import re
from typing import Callable

from .candidate import Candidate
from ..model import Quantity
from .context import Context
from .rules import Resolver, RuleSpec

RESOLVERS: dict[str, Callable[[Context, Candidate, Resolver], Quantity | None]] = {}

_STOP_BIGRAMS = {"比上", "上年", "同比", "增长", "其中", "以上", "累计", "全年", "今年", "去年", "达到", "实现", "共计"}


def resolver(name: str):
    def deco(fn):
        RESOLVERS[name] = fn
        return fn

    return deco


def resolve(ctx: Context, rule: RuleSpec, cand: Candidate) -> bool:
    """Fill the rule's resolved slots; False drops the candidate (nothing to check and nothing worth saying)."""
    for name, spec in rule.resolve.items():
        if name in cand.slots:
            continue
        fn = RESOLVERS.get(spec.find)
        if fn is None:
            raise ValueError(f"{rule.id}: unknown resolver {spec.find!r}")
        q = fn(ctx, cand, spec)
        if q is None:
            if not spec.optional:
                return False
            continue
        cand.slots[name] = q
    return True


def _anchor(cand: Candidate, spec: Resolver) -> Quantity | None:
    v = cand.slots.get(spec.of or "")
    if isinstance(v, list):
        return v[0] if v else None
    return v


def _same_measure(a: Quantity, b: Quantity) -> bool:
    return a.type == b.type and a.unit == b.unit


@resolver("container")
def container(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole a part belongs to: the nearest earlier quantity of the same measure, at least as large, linked
    to the part by a marker word such as 其中 or 中 (145人就业，其中贫困户97人)."""
    part = _anchor(cand, spec)
    if part is None:
        return None
    lo, _ = ctx.sentence_range(part.start, spec.sentences)
    markers = spec.markers or ["其中", "中"]
    for q in reversed(ctx.quantities[: part.index]):
        if q.start < lo:
            break
        if q.furniture or not _same_measure(q, part) or q.hi < part.lo or q.range_with is not None:
            continue
        gap = ctx.between(q.end, part.start)
        if any(mk in gap for mk in markers):
            return q
        return None  # the nearest same-measure quantity is not linked: do not reach further back
    return None


def _context_words(ctx: Context, q: Quantity, width: int = 20) -> set[str]:
    s, _ = ctx.sentence_span(q.start)
    window = ctx.doc.norm[max(s, q.start - width): q.start]
    words = {window[i:i + 2] for i in range(len(window) - 1)}
    return {w for w in words if all("\u4e00" <= c <= "\u9fff" for c in w)} - _STOP_BIGRAMS


@resolver("earlier_value")
def earlier_value(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The value a growth rate starts from when the text gave it in an earlier sentence: the nearest earlier
    quantity of the same measure that is introduced by a shared word (投入…19.79亿元 … 已投入23亿元)."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    own_start, _ = ctx.sentence_span(cur.start)
    lo, _ = ctx.sentence_range(cur.start, max(1, spec.sentences))
    words = _context_words(ctx, cur)
    if not words:
        return None
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < lo:
            break
        if q.start >= own_start or q.furniture or not _same_measure(q, cur) or q.bound != "exact":
            continue
        if words & _context_words(ctx, q) and _prior_period(ctx, q, cur, spec.markers):
            return q
        return None
    return None


_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _prior_period(ctx: Context, q: Quantity, cur: Quantity, markers: list[str]) -> bool:
    """Is q dated one period before cur? Either its clause says so (去年, 上年…) or its sentence names a year one
    less than the year named in cur's sentence. Without such a sign the two figures may be the same period's
    (a headline and its body) or different things, and a growth rate between them means nothing."""
    s, _ = ctx.sentence_span(q.start)
    lead = ctx.doc.norm[max(s, q.start - 30): q.start]
    if markers and any(m in lead for m in markers):
        return True
    ys = [int(y) for y in _YEAR.findall(ctx.doc.norm[s:q.start])]
    cs, _ = ctx.sentence_span(cur.start)
    yc = [int(y) for y in _YEAR.findall(ctx.doc.norm[cs:cur.start])]
    if ys and not yc and re.search(r"今年|本年", ctx.doc.norm[cs:cur.start]):
        return True  # 2018年…投入19.79亿元。今年，已投入23亿元，比上年度增长16.2%: 今年 follows the dated year
    return bool(ys and yc and ys[-1] == yc[-1] - 1)


@resolver("previous_percent")
def previous_percent(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The nearest earlier percentage in the same sentence (the rate a 'N个百分点' comparison starts from)."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    for q in _earlier_in_sentence(ctx, cur):
        if q.type == "percent" and not q.furniture:
            return q
    return None


def _earlier_in_sentence(ctx: Context, cur: Quantity):
    """The quantities before `cur` in its sentence, nearest first."""
    s, _ = ctx.sentence_span(cur.start)
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < s:
            return
        yield q


_CHANGE_WORDS = ("超", "多", "增加", "减少", "增长", "下降", "高出", "低", "净增", "提高", "节约", "结余")


@resolver("level_before")
def level_before(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The level a growth rate describes: the nearest earlier amount in the same sentence that is itself a level,
    not a change or an excess (已投入23亿元，超计划4.98亿元，比上年增长16.2%: the level is 23亿元)."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    s, _ = ctx.sentence_span(cur.start)
    for q in _earlier_in_sentence(ctx, cur):
        if q.type != "amount" or q.furniture or q.range_with is not None:
            continue
        lead = ctx.doc.norm[max(s, q.start - 6): q.start]
        if any(w in lead for w in _CHANGE_WORDS):
            continue
        return q if q.bound == "exact" else None
    return None


# --- named wholes and parts: 占出口总额的95.4%, 第一产业增加值占国内生产总值比重为7.3% ----------------------------

_NAME_TRIM_HEAD = re.compile(r"^(?:到了|到|了|比|同期|同年|当年|全部|整个|全年|全国|全省|全市|全县|本地|当地|总)+")
_NAME_TRIM_TAIL = re.compile(r"(?:的|之|比重|比例|份额|的比重|的比例|为|达|达到|是|约|近|高达|只|也)+$")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _bigrams(s: str) -> set[str]:
    out: set[str] = set()
    for run in _CJK_RUN.findall(s):
        out |= {run[i:i + 2] for i in range(len(run) - 1)}
    return out - _STOP_BIGRAMS


def _lead(ctx: Context, q: Quantity, width: int = 24) -> str:
    """The words that introduce q: back to the previous clause break (or width characters), same sentence."""
    s, _ = ctx.sentence_span(q.start)
    window = ctx.doc.norm[max(s, q.start - width): q.start]
    for sep in (",", ";", ":", "、", "(", ")"):
        k = window.rfind(sep)
        if k >= 0 and k < len(window) - 1:
            window = window[k + 1:]
    return window


def _zhan_phrase(ctx: Context, stated: Quantity) -> str | None:
    """The whole a share is of, as named after 占 (占同期出口总额的 -> 出口总额)."""
    s, _ = ctx.sentence_span(stated.start)
    before = ctx.doc.norm[max(s, stated.start - 30): stated.start]
    k = before.rfind("占")
    if k < 0:
        return None
    name = before[k + 1:]
    if re.search(r"[\ue000-\uf8ff\d,;]", name):
        return None
    name = _NAME_TRIM_TAIL.sub("", _NAME_TRIM_HEAD.sub("", name))
    return name if len(name) >= 2 else None


def _find_named(ctx: Context, name: str, before: Quantity, like: Quantity | None, sentences: int,
                at_least: float | None = None, exclude: set[int] | None = None) -> Quantity | None:
    """The earlier quantity the text introduces with this name: most shared word pairs, exact before bounded,
    nearest last. like: same type and unit."""
    core = re.sub(r"(?:总额|总量|总数|总值|总和|总计|合计|总)$", "", name)
    words = _bigrams(core) or _bigrams(name)
    if not words:
        return None
    need = max(1, (len(words) + 1) // 2)
    lo, _ = ctx.sentence_range(before.start, sentences)
    best, best_key = None, None
    for q in reversed(ctx.quantities[: before.index]):
        if q.start < lo:
            break
        if q.furniture or q.range_with is not None or (exclude and q.index in exclude):
            continue
        if like is not None and not _same_measure(q, like):
            continue
        if at_least is not None and q.hi < at_least:
            continue
        lead = _lead(ctx, q, 30)
        shared = words & _bigrams(lead)
        if len(shared) < need:
            continue
        key = (len(shared), q.bound == "exact", q.value, q.start)  # a whole is at least as large as its parts
        if best_key is None or key > best_key:
            best, best_key = q, key
    return best


@resolver("named_total")
def named_total(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole a share is of, found by the name after 占 (占同期出口总额的95.4% -> the export total given
    earlier). Without 占 (第二产业增加值比重为39.9%) the whole named by an earlier 占…比重 in the sentence."""
    stated = cand.slots.get(cand.stated)
    part = _anchor(cand, spec)
    if not isinstance(stated, Quantity):
        return None
    name = _zhan_phrase(ctx, stated)
    if name is None:
        s, _ = ctx.sentence_span(stated.start)
        m = None
        for m in re.finditer(r"占([\u4e00-\u9fff]{2,16}?)(?:的)?(?:比重|比例)", ctx.doc.norm[s:stated.start]):
            pass
        if m is None:
            return None
        name = _NAME_TRIM_TAIL.sub("", _NAME_TRIM_HEAD.sub("", m.group(1)))
    if part is None:
        return None
    anchor = part if part.start < stated.start else stated
    exclude = {q.index for v in cand.slots.values() for q in (v if isinstance(v, list) else [v])}
    return _find_named(ctx, name, anchor, part, max(spec.sentences, 3), at_least=part.lo, exclude=exclude)


_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:只|也|则|仅|约|已)?(?:占到了|占到|占了|占比|占)[^,;。]{0,20}\Z|"
                      r"([\u4e00-\u9fff]{2,12}?)(?:的)?(?:比重|比例)(?:为|达|达到|是)?\Z")


@resolver("named_part")
def named_part(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The part a share is about when the share names it instead of standing next to it (债券型基金有46只，偏股型
    基金24只，债券型基金占到了全部的65.7%): the earlier quantity in the sentence (or the ones before, up to
    `sentences`) introduced by the same name."""
    stated = _anchor(cand, spec)
    if stated is None:
        return None
    s, _ = ctx.sentence_span(stated.start)
    before = ctx.doc.norm[s:stated.start]
    m = _SUBJECT.search(before)
    if not m:
        return None
    subject = m.group(1) or m.group(2)
    # the subject is the end of the clause: drop what precedes a clause-internal verb or the 中 of a container
    for cut in ("中", "其中", "而"):
        k = subject.rfind(cut)
        if 0 <= k < len(subject) - 2:
            subject = subject[k + len(cut):]
    if len(subject) < 2:
        return None
    lo, _ = ctx.sentence_range(stated.start, spec.sentences)
    words = _bigrams(subject)
    for q in reversed(ctx.quantities[: stated.index]):
        if q.start < lo:
            break
        if q.furniture or q.type != "amount" or q.range_with is not None:
            continue
        lead = _lead(ctx, q, 24)
        if subject in lead or (len(words) >= 2 and len(words & _bigrams(lead)) >= len(words) - 1 and
                               lead.find(subject[:2]) >= 0):
            return q
    return None


@resolver("series_base")
def series_base(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole of a series of parts each followed by its share in brackets (519个城市…一级21个(占4.0%)，二级
    378个(占72.8%)): the nearest earlier quantity of the same measure in the sentence that is not itself such a
    part."""
    part = _anchor(cand, spec)
    if part is None:
        return None
    lo, _ = ctx.sentence_range(part.start, spec.sentences)
    norm = ctx.doc.norm
    for q in reversed(ctx.quantities[: part.index]):
        if q.start < lo:
            break
        if q.furniture or not _same_measure(q, part) or q.range_with is not None:
            continue
        if norm[q.end:q.end + 3].startswith("(占") or norm[q.end:q.end + 2] == "占":
            continue
        return q if q.hi >= part.lo else None
    return None


@resolver("among_base")
def among_base(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole named with 中 a sentence or two before (37个行业中21个增长…。其中，7月份有23个…): the nearest
    earlier quantity of the same measure that opens an 'X个…中' phrase."""
    part = _anchor(cand, spec)
    if part is None:
        return None
    lo, _ = ctx.sentence_range(part.start, max(1, spec.sentences))
    norm = ctx.doc.norm
    for q in reversed(ctx.quantities[: part.index]):
        if q.start < lo:
            break
        if q.furniture or not _same_measure(q, part) or q.range_with is not None:
            continue
        m = re.match(r"([\u4e00-\u9fff()]{0,10})中", norm[q.end:q.end + 11])
        if m and q.hi >= part.lo:
            noun = _bigrams(m.group(1))
            near = _bigrams(norm[max(0, part.start - 8):part.end + 8])
            if not noun or noun & near:
                return q
            return None
    return None


from . import resolvers_en  # noqa: E402,F401 - English resolvers register themselves


@resolver("compared_label")
def compared_label(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The figure a 比<label> comparison points back to (价格为1888元，比最高时下降了64% -> the figure introduced by
    最高时 earlier): the nearest earlier quantity of the same measure whose introducing words hold the label.
    Period words (上年, 去年, 同期) are left to the growth rules, which need a sign of the earlier period."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    stated = cand.slots.get(cand.stated)
    end = stated.start if isinstance(stated, Quantity) else cand.end
    m = re.search(r"比([\u4e00-\u9fff]{2,6}?)(?:的)?(?:下降|降低|减少|下跌|上涨|增长|增加|提高|上升|低|高)", ctx.doc.norm[cur.end:end])
    if not m:
        return None
    label = m.group(1)
    if re.search(r"上年|去年|同期|上月|上期|平均|全国|全省|全市|上一", label):
        return None
    lo, _ = ctx.sentence_range(cur.start, max(1, spec.sentences))
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < lo:
            break
        if q.furniture or not _same_measure(q, cur):
            continue
        if label in _lead(ctx, q, 16):
            return q
    return None


@resolver("named_earlier")
def named_earlier(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The same thing's figure for an earlier period, named the same way in an earlier sentence (2008年财政总收入
    339.8亿元。…2009年财政总收入计划为360亿元，比去年增长20.2亿元 -> 339.8亿元). The earlier sentence must be dated
    one period before (a year one less) or say 去年/上年."""
    cur = _anchor(cand, spec)
    if cur is None:
        return None
    name = re.sub(r"(?:计划|预计|目标|完成|实现|达到|为|达|是|的)+$", "", _lead(ctx, cur, 20))
    name = re.sub(r"^(?:其中|全市|全省|全县|全国|今年|明年|\d+年)+", "", name)
    if len(name) < 3:
        return None
    own, _ = ctx.sentence_span(cur.start)
    prior = [q for q in ctx.quantities[: cur.index] if q.start < own]
    if not prior:
        return None
    q = _find_named(ctx, name, prior[-1], cur, max(1, spec.sentences))
    if q is None or q.start >= own:
        q = None
        for cand_q in reversed(prior):
            if cand_q.start < ctx.sentence_range(cur.start, max(1, spec.sentences))[0]:
                break
            if _same_measure(cand_q, cur) and _lead(ctx, cand_q, 20).endswith(name):
                q = cand_q
                break
    if q is None or not _prior_period(ctx, q, cur, ["去年", "上年", "上一年"]):
        return None
    return q
from . import resolvers_zh  # noqa: E402,F401 - Chinese family resolvers register themselves
