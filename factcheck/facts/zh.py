"""Chinese facts: what each figure of a Chinese text measures, where and when, and the part it plays.

The text is cut into sentences and clauses (a comma, semicolon or colon outside brackets ends a clause). A
figure's role comes from the words right before it in its clause (增加368万吨: a change; 增长0.5%: a rate;
占…的7.3%: a share; 比上年提高1.3个百分点: points); its measure from the words that open the clause, with period,
scope, verbs and fillers taken off (全年国内生产总值1210207亿元 -> 国内生产总值). A change, rate or share with no
measure words of its own belongs to the level before it in the sentence (粮食产量68653万吨，比上年增加368万吨，
增长0.5%). Period and scope are carried from the sentence, or from earlier sentences, until replaced.
"""

from __future__ import annotations

import bisect
import re

from ..extract.masked import mask
from ..extract.zh import COUNT_UNITS, MEDAL_UNITS
from ..model import Quantity
from ..read import Document
from . import register
from .lexicon import Lexicon
from .model import Fact, FactSet, Period

CALENDAR = {"year", "date", "duration"}
SENT_END = set("。！？!?\n")
CLAUSE_END = set("，,；;：:")
OPEN, CLOSE = "(（[【〔", ")）]】〕"
PLACEHOLDER = re.compile("[\ue001-\ue00f]")
_BOUNDARY_CHARS = re.compile("[" + "".join(map(re.escape, sorted(SENT_END | CLAUSE_END | set(OPEN + CLOSE)))) + "]")
_STOPS = re.compile("[。！？!?\n]")
_COMPARED_OF = re.compile(r"(?:比|较)[^，。；,;！？\n]{0,14}的\s*\Z")
_CN_NUM = "一二三四五六七八九十"
_MONTH = r"(?:1[0-2]|[1-9]|[一二三四五六七八九十]|十一|十二)"

NOW = 10000  # the year a text calls 今年 when it never names it: 去年 is NOW - 1
_REL_YEAR = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}
_PERIOD = re.compile(
    rf"(?P<year>(?:19|20)\d\d)年(?:度)?(?![0-9一二三四五六七八九十]{{1,2}}月[0-9一二三四五六七八九十]{{1,3}}日)"
    rf"|(?<![比较与同])(?P<rel>今年|本年|当年|去年|上一年|上年(?!同期)|前年|明年)"
    rf"|(?P<span>全年|上半年|下半年|前三季度|前两季度|一季度|二季度|三季度|四季度|第[一二三四]季度|年末|年底|年初|"
    rf"{_MONTH}[-—~～至到]{_MONTH}月(?:份)?|{_MONTH}月(?:份|末|底)?|上月|本月|当月)"
)
_SPAN = {"全年": "Y", "上半年": "H1", "前两季度": "H1", "下半年": "H2", "前三季度": "Q1-3", "一季度": "Q1",
         "二季度": "Q2", "三季度": "Q3", "四季度": "Q4", "第一季度": "Q1", "第二季度": "Q2", "第三季度": "Q3",
         "第四季度": "Q4", "年末": "end", "年底": "end", "年初": "start"}
# a clause that is only a verb before its figure (达到51.4亿元), and the predicate a subject clause may end with
_VERB_ONLY = re.compile(r"\s*(?:已|共|累计|总计|合计|首次|一举)?(?:达到了?|达|为|突破|超过|升至|增至|攀升至|跃升至|增加到|增长到)?\s*")
_RECORD_TAIL = re.compile(r"(?:再次|再|又|均|继续|首次|一举)?(?:创|刷新|突破)[\u4e00-\u9fff]{0,4}(?:新高|纪录|记录|水平|大关)"
                          r"\Z|(?:稳步|平稳|持续|保持|实现|继续|快速)[\u4e00-\u9fff]{0,2}(?:增长|回升|下降|上升)\Z")
# a comparison opened before a year in the same clause (比, 较, 与…相比), so the year is the one compared with
_COMPARED_YEAR = re.compile(r"(?:(?<![占对无类])比(?![重例率值])|较|与|相比|相较)[^,，;；。：:\n\ue001-\ue00f]{0,20}\Z")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|〔\d{1,2}〕|\(\d{1,2}\)")
_PLACE = re.compile(r"^(?!(?:居住在|在)?(?:城镇|乡村|农村|村镇|城乡)(?:的|人口|居民))([\u4e00-\u9fff]{2,6}?(?:省|自治区|市|县|区|州|镇|乡|村)(?!区|县|场|民|委|长|政)|"
                    r"[\u4e00-\u9fff]{1,3}国(?!际|内|外|有|家|债|库|企|资|产|营|务|民|人|际))(?=[\u4e00-\u9fff]{2})")


# Patterns of the reader's steps, compiled once (re's own cache is a lookup on every call, and _clean and
# _fact run for every figure).
_THIS_YEAR = re.compile(r"今年|本年")
_PAREN_LEAD = re.compile(r"[(（]\s*(?:占|约占|其中)?[^\ue001-\ue00f)）]{0,6}\Z")
_PAREN_OPEN = re.compile(r"[(（]\Z")
_JOINED = re.compile(r"\s*(?:和|、|与|及|以及)\s*")
_CMP_END = re.compile(r"(?:比|较|与|同)$")
_INLINE_BASE = re.compile(r"(?:占|完成|达到|相当于|是|为)[^\ue001-\ue00f,，;；。]{0,20}[\ue001]的\Z")
_BASE_ONLY_BI = re.compile(r"(?:比|比重|比例)?")
_OF_END = re.compile(r"(?:的|之)\Z")
_FROM_TAIL = re.compile(r"(?:由|从)[^\ue001-\ue00f]*\Z")
_BOUND_WORD = re.compile(r"(?:以上|以下|左右|多|余)")
_HIGH_LOW = re.compile(r"(?P<cue>高|低|快|慢)(?:了|出)?\Z")
_INLINE_MULTIPLE = re.compile(r"(?:是|为|相当于|等于)[^\ue001-\ue00f,，;；。]{0,12}[\ue001][^\ue001-\ue00f,，;；。]{0,2}的\Z")
_BASE_LEAD = re.compile(r"(?:是|为|相当于|等于|占|完成|达到)[^\ue001-\ue00f,，;；。]{0,20}\Z")
_WITH_LEAD = re.compile(r"(?:与|和|同|较之|跟)[^\ue001-\ue00f,，;；。]{0,20}\Z")
_THAN_LEAD = re.compile(r"(?:比|较)[^\ue001-\ue00f,，;；。比较]{0,12}\Z")
_THAN = re.compile(r"比|较")
_YEAR4 = re.compile(r"(?:19|20)\d\d")
_MONTH_SPAN = re.compile(r"M(\d+)")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_CLOSE = re.compile(r"[)）]")
_QUOTES = re.compile(r"[\"“”‘’'《》〈〉<>]")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d年?")
_DURATION_WORD = re.compile(r"[一二三四五六七八九十两\d]+(?:年|个月|天)(?:间|来|内|中|以来)?|以来|期间|时期")
_AVERAGE_END = re.compile(r"(?:年均|平均每年|年平均|每年平均)\Z")
_FROM_END = re.compile(r"(?:由|从)(?:的)?\Z")
_PREP_BEFORE_PLACE = re.compile(r"^(?:向|在|对|为|给|从|到|与|和|使|让|把|将)(?=[\u4e00-\u9fff]{2,}(?:省|市|县|区|州))")
_LINK_END = re.compile(r"(?:[,，、;；:：\s()（）]|(?:由|从|较|与|同|跟)(?:的)?)+\Z")
_CONJ_START = re.compile(r"^(?:和|与|及|以及|或|而|则|但)(?=[\u4e00-\u9fff]{2})")
_PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|自治区|市|县|区|州)")
_PLACE_NOUN_END = re.compile(r"(?:城|都|超|股|楼|车|上|门)市\Z|(?:地|社|园|景|小|城|辖|市|校)区\Z")
_NAME_FILLERS = re.compile(r"(?:同期|同类|当期|全部)")
_DASHES = re.compile(r"[—–~～至到]")
_PER = re.compile(r"\A(?:每|/)")
_MARKS_START = re.compile(r"^[^\u4e00-\u9fffA-Za-z0-9]+")

_UPTO_PLACEHOLDER = re.compile(r".*[\ue001-\ue00f]", re.S)


def _last_placeholder(s: str) -> int:
    """Where the last figure's placeholder is in s (-1: none), found in one match, not a test per character."""
    m = _UPTO_PLACEHOLDER.match(s)
    return m.end() - 1 if m else -1


def _month(s: str) -> int:
    if s.isdigit():
        return int(s)
    return {"十一": 11, "十二": 12, "十": 10}.get(s) or (_CN_NUM.index(s) + 1 if s in _CN_NUM else 0)


def parse_period(text: str, now: int | None = None, relative: bool = True,
                 compared: bool = True) -> tuple[int | None, str]:
    """(year, span) of the last period expression in text; (None, '') when there is none. 今年/去年 count from
    `now` (the year the text last named, or NOW when it named none). compared=False passes over a year compared
    with (比2020年增加): it dates the figure after it, not the figures that follow."""
    year, span = None, ""
    for m in _PERIOD.finditer(text):
        if m.group("year"):
            if not compared and _COMPARED_YEAR.search(text, max(0, m.start() - 24), m.start()):
                continue  # 比2020年增加, 与2015年的480万人相比: the year compared with, not the figure's period
            year, span = int(m.group("year")), span if span else ""
        elif m.group("rel"):
            if relative:
                year = (now if now is not None else NOW) + _REL_YEAR[m.group("rel")]
        else:
            s = m.group("span")
            if s in _SPAN:
                span = _SPAN[s]
            elif "月" in s:
                ms = re.findall(_MONTH, s.replace("月份", "月"))
                nums = [_month(x) for x in ms if _month(x)]
                if len(nums) >= 2:
                    span = f"M{nums[0]}-{nums[1]}"
                elif nums:
                    span = f"M{nums[0]}"
    return year, span


class ZhReader:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        r = lex.regex
        particles = r"(?:了|为|达到了|达到|达|约为|约|近|超过|逾|高达|仅为|仅|只有|是|幅度为|幅度达|幅度|\s)*"
        self.up_end = r(rf"(?P<cue>{{up}}){particles}\Z")
        self.down_end = r(rf"(?P<cue>{{down}}){particles}\Z")
        self.rate_up_end = r(rf"(?P<cue>{{rate_up}}){particles}\Z")
        self.rate_down_end = r(rf"(?P<cue>{{rate_down}}){particles}\Z")
        self.share_end = r(r"(?P<cue>占|约占|仅占)(?P<base>[^\ue001-\ue00f]{0,24}?)(?:的|之)?"
                           r"(?:比重|比例|份额)?(?:为|达到|达|约为|约|近|超过|逾|仅为|高达|的)*\Z")
        self.share_noun_end = r(r"(?P<cue>{share_nouns})(?:为|达到|达|约为|约|近|超过|仅为|是|已达|已|高达)*\Z")
        self.ratio_end = r(r"(?:是|为|相当于|等于)(?P<base>[^\ue001-\ue00f]{1,24}?)的\Z")
        self.cagr = r(r"{cagr}")
        self.avg_rate = r(r"{avg_rate}")
        self.compare = r(r"(?P<cmp>{compare})")
        # 比最高时下降了64%, 比全省平均水平高3.2个百分点: what a change is measured against, up to the change word
        self.compare_free = r(r"(?:相比|相较|比|较|与|同)(?P<ref>[^\ue001-\ue00f,;:，；：]{1,16}?)(?:相比|相较|比较)?[,，]?"
                              r"(?:(?:都|又|还|仍|已|共|分别|累计)?(?:{up}|{down}|高|低|快|慢)(?:了|出|为|达|约|近|超过)*)?\Z")
        self.prior_lead = r(r"(?:{prior})(?:同期)?(?:的|为|是|有|达|共|仅|只有|约|达到)*\Z")
        self.from_lead = re.compile(r"(?:由|从)(?:[^\ue001-\ue00f]{0,14})\Z")
        self.to_between = re.compile(r"\A[^\ue001-\ue00f,;，；。]{0,12}?(?:增加|增长|提高|提升|上升|上涨|扩大|下降|减少|降低|"
                                     r"下跌|回落|缩小|降|减|增|升|跌)?(?:到|至|为)[^\ue001-\ue00f]{0,14}\Z")
        # 累计减少贫困人口145万人: the verb before the measure
        self.verb_measure = r(r"\A(?:{fillers}|[,，\s])*(?P<cue>增加|增长|减少|下降|提高|降低|净增|减收|增收|增产|减产)"
                              r"(?P<m>[\u4e00-\u9fff]{2,12})\Z")
        self.to_lead = re.compile(r"\A[^\ue001-\ue00f]{0,6}?(?:增加|增长|提高|提升|上升|上涨|扩大|下降|减少|降低|下跌|回落|"
                                  r"缩小|降|减|增|升|跌|变)?(?:到|至)(?:了)?[^\ue001-\ue00f]{0,14}\Z")
        # 高于全市平均水平3.0个百分点: above a reference by so much (the reference named after the cue)
        self.over_ref = re.compile(r"(?P<cue>高于|低于|快于|慢于|高出|低出|超过|超出)(?P<ref>[^\ue001-\ue00f,，;；:：]{2,16}?)"
                                   r"(?:了)?\Z")
        self.over_plan = re.compile(r"(?:超|超出|超过|高出)[^\ue001-\ue00f,，;；:：]{0,8}?(?:计划|目标|预算|预期|任务)(?:数|额|值)?"
                                    r"(?:了)?\Z")
        self.rate_noun_only = r(r"(?:{rate_up}|{rate_down}|两项增幅|增幅|增速)")
        self.to_level = r(r"(?P<cue>{up}|{down})(?:为|至|到)(?:了)?\Z")
        self.up_word = r(r"(?:{up})(?:到|至)")
        self.down_word = r(r"(?:{down})(?:到|至)")
        # the noun a classifier counts: up to the next particle, verb or clause break (519个城市报告了… -> 城市)
        self.noun_after = r(r"([\u4e00-\u9fff]{1,8}?)(?=中|里|内|[的,，。;；、:：)（(]|$|和|与|及|共|分别|占|比|同比|"
                            r"{up}|{down}|{verbs})")
        self.verb_start = r(r"(?:{verbs}|{up}|{down})")
        self.change_start = r(r"\A(?:的)?(?:实现|又|还|再)?(?:{up}|{down})")
        self.pull = re.compile(r"拉动|贡献|带动[^\ue001-\ue00f]{0,20}增长")
        self.verbs_end = r(r"(?:{level_verbs})+\Z")
        self.fillers_start = r(r"\A(?:{fillers}|[,，、:：;；\s])+")
        self.scope_start = r(r"\A(?P<scope>{scopes})")
        self.non_additive = r(r"{non_additive}")
        self.generic = r(r"{generic}")
        self.rank_before = r(r"(?:{rank_before})\Z")
        self.rank_after = r(r"\A(?:{rank_after})")
        self.cues_any = r(r"(?:{up}|{down}|{rate_up}|{rate_down}|{compare})")

    # -- structure -----------------------------------------------------------------------------------------
    def read(self, doc: Document, quantities: list[Quantity]) -> FactSet:
        live = [q for q in quantities if not q.furniture]
        figures = [q for q in live if q.type not in CALENDAR]
        m = mask(doc.norm, figures)
        t = m.text
        qpos = {q_index: pos for pos, q_index in m.pos_to_q.items()}
        sent_starts, clause_starts = self._boundaries(t)
        self.clause_starts = clause_starts
        self.t, self.m, self._qpos = t, m, qpos
        self.years = [q for q in live if q.type == "year"]
        self._year_ends = [y.end for y in self.years]  # in text order: _date finds the year before a figure by bisection
        self._years_sorted = all(a <= b for a, b in zip(self._year_ends, self._year_ends[1:]))
        self._stops = [m.start() for m in _STOPS.finditer(t)]  # sentence stops, for _named_here
        self.doc_norm = doc.norm
        self._prev_from = False
        self._prev_in_clause: Fact | None = None
        facts: list[Fact] = []
        context_period = before_sentence = Period()
        spans_named: set = set()
        last_sentence, scanned = -1, 0
        sentence_period: dict[int, Period] = {}
        for q in figures:
            p = qpos[q.index]
            s = bisect.bisect_right(sent_starts, p) - 1
            c = bisect.bisect_right(clause_starts, p) - 1
            if s != last_sentence:
                if len(spans_named) > 1:
                    # 分季度看，一季度…，二季度…，三季度…: a list of periods dates its own figures only; the
                    # sentences after it go on in the period before the list
                    context_period = before_sentence
                last_sentence, scanned, named = s, sent_starts[s], Period()
                sentence_period[s] = context_period
                before_sentence, spans_named = context_period, set()
            # a period named earlier in the sentence (2018年，东部四市…19.79亿元) holds for the figures after it and,
            # until replaced, for the sentences that follow; 上年 counts from a year the same sentence names
            # 上年为641.3亿元 dates that figure only: relative words do not move the sentence's period, except 今年
            year, span = parse_period(t[scanned:p], self._now(named), relative=False, compared=False)
            if year is None and _THIS_YEAR.search(t[scanned:p]):
                year = NOW
            scanned = p
            if year is not None or span:
                if year is None:
                    year = context_period.year
                context_period = Period(year, span or ("Y" if year and not span else span))
                sentence_period[s] = context_period
                named = context_period
                spans_named.add((context_period.year, context_period.span))
            self.sentence_start = sent_starts[s]
            f = self._fact(q, p, s, c, clause_starts[c], sentence_period[s])
            facts.append(f)
        self._link(facts)
        self._respectively(facts)
        self._count_qualifiers(facts)
        by_index = {f.index: f for f in facts}
        sentences = [(m.to_orig[a], m.to_orig[b] if b < len(m.to_orig) else len(doc.norm))
                     for a, b in zip(sent_starts, sent_starts[1:] + [len(t)])]
        from .zh_lists import find_counts

        return FactSet(facts=facts, by_index=by_index, sentences=sentences, key_of=self.name_key,
                       counts=find_counts(doc.norm, doc.in_furniture), count_in=stated_count)

    def _boundaries(self, t: str) -> tuple[list[int], list[int]]:
        sents, clauses = [0], [0]
        depth = 0
        for m in _BOUNDARY_CHARS.finditer(t):  # only these characters do anything below: skip the rest quickly
            i, ch = m.start(), m.group()
            if ch in OPEN:
                depth += 1
            elif ch in CLOSE:
                depth = max(0, depth - 1)
            if ch == "\n" or (ch in SENT_END and depth == 0):
                depth = 0 if ch == "\n" else depth
                if sents[-1] != i + 1:
                    sents.append(i + 1)
                if clauses[-1] != i + 1:
                    clauses.append(i + 1)
            elif ch in CLAUSE_END and depth == 0:
                clauses.append(i + 1)
        return sents, clauses

    # -- one figure ----------------------------------------------------------------------------------------
    def _fact(self, q: Quantity, p: int, s: int, c: int, cstart: int, period: Period) -> Fact:
        t = self.t
        zone = t[cstart:p]  # the clause up to the figure
        k = _last_placeholder(zone)
        local = zone[k + 1:]  # after the clause's previous figure
        tail = t[p + 1:p + 12]
        f = Fact(q=q, sentence=s, clause=c)
        f.paren = bool(_PAREN_LEAD.search(local)) and k >= 0 or (
            bool(_PAREN_OPEN.search(local)))
        year, span = parse_period(zone, self._now(period if self._named_here(cstart, period) else Period()))
        self._date(f, q, cstart)
        f.period_explicit = year is not None or bool(span)
        if year is not None or span:
            f.period = Period(year if year is not None else period.year, span or "Y")
        else:
            f.period = period
        f.role, f.sign, cue = self._role(q, local, zone, tail, self._prev_from)
        prev = self._prev_in_clause
        if (prev is not None and prev.clause == c and _JOINED.fullmatch(local)
                and prev.role in ("change", "rate", "points", "share") and q.type == prev.q.type
                and f.role in ("level", "other")):
            # 分别比去年增长20.2亿元和10.8亿元: the second of a joined pair plays the first one's part
            f.role, f.sign, cue = prev.role, prev.sign, (prev.cues[0] if prev.cues else "")
            f.compare, f.cues = prev.compare, list(prev.cues)
        self._prev_from = f.role == "prior" and cue == "从"
        self._prev_in_clause = f
        if cue == "到":
            f.cues.append("to")
        if cue:
            f.cues.append(cue)
        cm = None
        for cm in self.compare.finditer(local):
            pass
        if cm is not None:
            f.compare = cm.group("cmp")
        else:
            fm = None
            for fm in self.compare_free.finditer(local):
                pass
            if fm is not None and f.role in ("change", "rate", "points", "multiple"):
                f.compare = fm.group("ref")
        if f.role == "points" and not f.compare:
            ov = self.over_ref.search(local)
            if ov:
                f.compare = ov.group("ref")
        if cue == "超":
            f.compare = self.over_plan.search(local).group()  # against the plan, not the year before
        f.compare_period = self._compare_period(f)
        measure_zone = local
        # measure words stand before the cue (规模以上工业增加值同比增长3.8%)
        if f.role in ("change", "rate", "points", "cagr", "avg_rate", "pull") and cue:
            i = local.rfind(cue)
            measure_zone = local[:i] if i >= 0 else local
            for pat in (self.cagr, self.avg_rate):
                am = pat.search(measure_zone)
                if am:
                    measure_zone = measure_zone[:am.start()]
            if f.compare:
                j = measure_zone.rfind(f.compare)
                if j >= 0:
                    measure_zone = measure_zone[:j]
            measure_zone = _CMP_END.sub("", measure_zone)
        elif f.role == "share":
            im = _INLINE_BASE.search(zone)
            if im and not self.share_end.search(local):
                f.cues.append("inline-base")
                measure_zone = zone[:im.start()]
                measure_zone = measure_zone[_last_placeholder(measure_zone) + 1:]
            mm = self.share_end.search(local)
            if mm is None or _BASE_ONLY_BI.fullmatch(mm.group("base") or ""):
                mm = self.share_noun_end.search(local) or mm  # 占比为65.0%: a noun, not 占 with a base named 比
            if mm:
                measure_zone = local[:mm.start()]
                if "base" in mm.groupdict() and mm.group("base"):
                    f.base = _OF_END.sub("", mm.group("base")).strip()  # as named: key_of reads it
        elif f.role == "ratio":
            mm = self.ratio_end.search(local)
            if mm:
                measure_zone = local[:mm.start()]
                f.base = self._clean(mm.group("base"))[0]
        elif "to" in f.cues or cue == "相比":
            measure_zone = ""
        elif cue == "为到":
            measure_zone = local[:self.to_level.search(local).start()]
        elif f.role == "multiple":
            mm = self.ratio_end.search(local)
            if cue == "inline-base":
                f.cues.append("inline-base")
                measure_zone = ""
            elif mm:
                measure_zone = local[:mm.start()]
                f.base = self._clean(mm.group("base"))[0] or mm.group("base")
        elif f.role == "prior":
            measure_zone = _FROM_TAIL.sub("", local)
            measure_zone = self.prior_lead.sub("", measure_zone)
        f.measure, f.scope = self._clean(measure_zone)
        if f.role == "level" and not f.measure and k < 0 and _VERB_ONLY.fullmatch(local) and c > 0:
            # 进出口总值创历史新高，达到51.4亿元: a clause that opens with its verb reaches back to the subject that
            # the clause before it names, when that clause holds no figure of its own
            prev = t[self.clause_starts[c - 1]:cstart - 1]
            if self.clause_starts[c - 1] >= self.sentence_start and not PLACEHOLDER.search(prev):
                f.measure, f.scope = self._clean(_RECORD_TAIL.sub("", prev))
                f.scope = f.scope or ""
        if f.role == "points" and self.rate_noun_only.fullmatch(f.measure):
            f.measure = ""  # 增速比上年回落3个百分点: the rate just stated
        if q.unit in MEDAL_UNITS:
            f.measure = MEDAL_UNITS[q.unit]  # 9金4银2铜: each figure counts the medals its unit names
        f.own_measure = bool(f.measure)
        f.key = self.key(f.measure)
        f.additive = self._additive(q, f, tail)
        if q.unit in COUNT_UNITS and q.type == "amount":
            after = self.t[p + 1:p + 14]
            nm = self.noun_after.match(after)
            verb_first = self.verb_start.match(after)
            if nm and not _BOUND_WORD.match(nm.group(1)) and not verb_first and not re.match(
                    r"(?:为|是|达|超过|低于|高于|不足)", after[len(nm.group(1)):]):
                # 156只收益为正: 收益 is what is said of them, not what is counted
                f.noun = nm.group(1)
                if not f.measure:
                    f.measure, f.key = nm.group(1), self.key(nm.group(1))  # 70只分红的基金: the measure after the count
        return f

    def _named_here(self, cstart: int, period: Period) -> bool:
        """Does the figure's sentence name the year of the period it holds (so that 上年 counts from it)?"""
        if period.year is None:
            return False
        i = bisect.bisect_left(self._stops, cstart)  # the last stop before cstart (rfind, without a scan)
        k = (self._stops[i - 1] if i else -1) + 1
        return str(period.year) in self.t[k:cstart + 40]

    @staticmethod
    def _now(period: Period) -> int | None:
        """今年 and 去年 count from the year the text speaks of when it names one (2023年…上年为: 2022), else from the
        time of writing, which a text rarely names: NOW stands for it."""
        return period.year if period.year is not None and period.year < 9000 else None

    def _date(self, f: Fact, q: Quantity, cstart: int) -> None:
        """The year figure in the figure's clause just before it (由2016年的6323元), for spans of years."""
        lo = self.m.to_orig[cstart]
        # the last year that ends before the figure (years are in text order), found by bisection
        n = bisect.bisect_right(self._year_ends, q.start) if self._years_sorted else len(self.years)
        for y in (self.years[j] for j in range(n - 1, -1, -1)):
            if y.end <= q.start and y.start >= lo:
                gap = self.doc_norm[y.end:q.start]
                if len(gap) <= 12 and not PLACEHOLDER.search(gap):
                    f.year_q = y.index
                return
            if y.end <= q.start and y.start < lo:
                return

    def _role(self, q: Quantity, local: str, zone: str, tail: str, k_prev_from: bool = False) -> tuple[str, int, str]:
        typ = q.type
        if typ == "ordinal" or (self.rank_before.search(local) and self.rank_after.match(tail)) or (
                local.endswith("前") and q.chinese):
            return "rank", 0, ""
        if typ == "number":
            return "other", 0, ""
        if typ == "amount" and _COMPARED_OF.search(zone):
            return "prior", 0, "比的"  # 比2020年末的31.52万户年均增长10.3%: the level compared with
        up = self.up_end.search(local)
        down = self.down_end.search(local)
        rate_up = self.rate_up_end.search(local)
        rate_down = self.rate_down_end.search(local)
        if k_prev_from and self.to_lead.match(local):
            sign = 1 if self.up_word.search(local) else -1 if self.down_word.search(local) else 0
            return "level", sign, "到"
        if typ in ("percent", "amount") and self.from_lead.search(local) and self._followed_by_to(q):
            return "prior", 0, "从"
        if typ == "percent" and self._compared_with(local, tail):
            return "prior", 0, "相比"
        if typ == "percent" and self.prior_lead.search(local):
            return "prior", 0, ""
        if typ == "percent":
            tm = self.to_level.search(local)
            if tm and not self.cagr.search(local):
                return "level", (1 if tm.group("cue") in self.lex.words("up") else -1), "为到"
            if self.cagr.search(local) and (up or rate_up):
                return "cagr", 1, (up or rate_up).group("cue")
            if self.avg_rate.search(local) and (up or down or rate_up or rate_down):
                return "avg_rate", 0, ""
            for mm, sign in ((rate_down, -1), (rate_up, 1), (down, -1), (up, 1)):
                if mm and not self._blocked(mm.group("cue"), local, q):
                    return "rate", sign, mm.group("cue")
            if self.share_end.search(local) or self.share_noun_end.search(local) or (
                    _INLINE_BASE.search(zone)
                    and local == "的"):
                return "share", 0, "占"
            if self.ratio_end.search(local):
                return "ratio", 0, "的"
            return "level", 0, ""
        if typ == "points":
            if self.pull.search(local):
                return "pull", 1, "拉动"
            for mm, sign in ((rate_down, -1), (rate_up, 1), (down, -1), (up, 1)):
                if mm:
                    return "points", sign, mm.group("cue")
            hl = _HIGH_LOW.search(local)
            if hl:
                return "points", 1 if hl.group("cue") in "高快" else -1, hl.group("cue")
            ov = self.over_ref.search(local)
            if ov:  # 增幅高于全市平均水平3.0个百分点
                return "points", 1 if ov.group("cue")[0] in "高快超" else -1, ov.group("cue")
            return "points", 0, ""
        if typ == "multiple":
            if q.unit == "倍" and q.digits.startswith("翻"):
                return "multiple", 0, "翻番"
            if (up or rate_up) and not self.ratio_end.search(local):
                return "rate", 1, (up or rate_up).group("cue")  # 增长2.8倍: a rate of 280%
            if _INLINE_MULTIPLE.search(zone):
                return "multiple", 0, "inline-base"
            return "multiple", 0, "倍"
        # amounts
        if self.over_plan.search(local):
            return "change", 1, "超"  # 超年度计划数4.98亿元: by how much the level exceeds a plan, not a level
        tm = self.to_level.search(local)
        if tm and not self._blocked(tm.group("cue"), local[:tm.end("cue")], q):
            # 下调为3468元, 增至5000万元: the level reached, not the size of the change
            return "level", (1 if tm.group("cue") in self.lex.words("up") else -1), "为到"
        vm = self.verb_measure.match(local)
        if vm and not self._blocked(vm.group("cue"), local[:vm.end("cue")], q):
            return "change", 1 if vm.group("cue") in self.lex.words("up") else -1, vm.group("cue")
        for mm, sign in ((down, -1), (up, 1)):
            if mm and not self._blocked(mm.group("cue"), local, q):
                return "change", sign, mm.group("cue")
        if self.prior_lead.search(local) or (self.from_lead.search(local) and self._followed_by_to(q)):
            return "prior", 0, ""
        if self._compared_with(local, tail):
            return "prior", 0, "相比"
        if _BASE_LEAD.search(local) and re.match(
                r"[^\ue001-\ue00f,，;；。]{0,2}的[\ue002\ue004]", tail):
            return "base", 0, "的"  # 是2013年312万人次的4.1倍: the figure a multiple or share is taken of
        return "level", 0, ""

    def _compared_with(self, local: str, tail: str) -> bool:
        """与2010年的452.17万人相比 / 比2013年的21.4亿元增长4.6倍: the figure is what the change or rate next to it is
        measured against."""
        if _WITH_LEAD.search(local) and re.match(
                r"[^\ue001-\ue00f,，;；。]{0,10}?(?:相比|相较|比较)", tail):
            return True
        return bool(_THAN_LEAD.search(local)) and bool(
            self.change_start.match(tail))

    def _blocked(self, cue: str, local: str, q: Quantity) -> bool:
        """Cue words that are something else here: 新增 names a flow (新增就业120万人), 多/少/高 need a comparison
        (比上年多5家) or they are plain words (多达, 不少)."""
        before = local[: local.rfind(cue)]
        if cue in ("增", "增加") and before.endswith(("新", "净")):
            return cue == "增" or before.endswith("新")
        if cue in ("多", "少", "高出", "超出") and not _THAN.search(before):
            return True
        if cue in ("升",) and before.endswith(("提", "上", "回", "攀", "飙", "跃")):
            return False
        if cue in ("至", "到"):
            return True
        return False

    def _followed_by_to(self, q: Quantity) -> bool:
        """由A…到B: the text after A reaches another figure through 到/至/为 before the clause ends."""
        p = self._qpos[q.index]
        rest = self.t[p + 1:p + 30]
        k = PLACEHOLDER.search(rest)
        if not k:
            return False
        return bool(self.to_between.match(rest[:k.start()]))

    def _compare_period(self, f: Fact) -> Period | None:
        cmp = f.compare
        if not cmp:
            return None
        m = _YEAR4.search(cmp)
        if m:
            return Period(int(m.group()), "Y")
        year = f.period.year if f.period.year is not None else NOW
        if any(w in cmp for w in ("上年", "去年", "同比", "上一年", "前一年", "同期")):
            return Period(year - 1, f.period.span)
        if any(w in cmp for w in ("环比", "上月")):
            m = _MONTH_SPAN.fullmatch(f.period.span or "")
            if m and int(m.group(1)) > 1:
                return Period(year, f"M{int(m.group(1)) - 1}")
        if f.period.year is None:
            return None
        if any(w in cmp for w in ("上年", "去年", "同比", "上一年", "前一年", "同期")):
            return Period(f.period.year - 1, f.period.span)
        if "年初" in cmp:
            return Period(f.period.year, "start")
        return None

    # -- measures ------------------------------------------------------------------------------------------
    def _clean(self, zone: str) -> tuple[str, str]:
        """Measure words and scope from the words before a figure: periods, fillers, verbs and scope taken off."""
        z = _FOOTNOTE.sub("", zone)
        z = PLACEHOLDER.sub("", z)
        z = _ASIDE.sub("", z)  # asides in brackets
        z = _CLOSE.split(z)[-1]
        z = _QUOTES.sub("", z)
        z = _PERIOD.sub("", z)
        z = _YEAR_WORD.sub("", z)
        z = _DURATION_WORD.sub("", z)
        z = self.compare.sub("", z)
        z = self.cagr.sub("", self.avg_rate.sub("", z))
        z = _AVERAGE_END.sub("", z)
        z = _FROM_END.sub("", z)
        z = _PREP_BEFORE_PLACE.sub("", z)
        scope = ""
        z = _MARKS_START.sub("", z)  # ① 全行业…: list marks before the scope
        for _ in range(4):
            before = z
            z = self.fillers_start.sub("", z)
            m = self.scope_start.match(z)
            if m:
                scope = scope or m.group("scope")
                z = z[m.end():]
            pm = _PLACE.match(z)
            if pm and not scope:
                scope = pm.group(1)
                z = z[pm.end():]
            z = self.verbs_end.sub("", z)
            z = _LINK_END.sub("", z)
            z = "" if z == "比" else z  # 比上年的X: the connective alone (存贷比 keeps its 比)
            if z == before:
                break
        z = _MARKS_START.sub("", z)
        z = _CONJ_START.sub("", z)
        if (not scope and _PLACE_ONLY.fullmatch(z) and "的" not in z
                and not _PLACE_NOUN_END.search(z)):
            return "", z  # 临川市增长9.4%: a place, not a measure (城市, 股市, 社区 are nouns)
        return z[-24:], scope

    def name_key(self, name: str) -> tuple[str, str]:
        """A measure named in the text (占全省出口额的 -> 全省, 出口) as (scope, key) to compare with facts."""
        k = _NAME_FILLERS.sub("", name)
        measure, scope = self._clean(k)
        return scope, self.key(measure) or k

    def key(self, measure: str) -> str:
        k = _DASHES.sub("-", self.lex.canonical(measure))
        k = self.generic.sub("", k)
        k = k.replace("的", "")
        return k or measure

    def _additive(self, q: Quantity, f: Fact, tail: str) -> bool:
        if q.type != "amount":
            return False
        if self.non_additive.search(f.measure):
            return False
        if _PER.match(tail):
            return False  # 26703元每平方米: a price
        return True

    # -- links within a sentence ---------------------------------------------------------------------------
    def _link(self, facts: list[Fact]) -> None:
        """A change, rate, share or points with no measure words of its own belongs to the figure before it in the
        sentence (the level it qualifies); a compare phrase carries over to the next change in the sentence."""
        subject: Fact | None = None
        share_subject: Fact | None = None
        last_percent: Fact | None = None
        last_compare = ""
        sentence = -1
        prev: Fact | None = None
        for f in facts:
            if f.sentence != sentence:
                subject, last_percent, last_compare, sentence, prev = None, None, "", f.sentence, None
                share_subject = None
            if "to" in f.cues and prev is not None and prev.role == "prior":
                f.measure, f.key, f.scope = prev.measure, prev.key, f.scope or prev.scope
                f.own_measure = prev.own_measure
                prev.subject = f.index
                f.compare_period = prev.period if prev.period.known() else None
                f.additive = prev.additive if f.q.type == "amount" else False
            if f.role in ("level", "rate", "cagr") and f.q.type == "percent":
                pass
            prev = f
            if f.role == "points" and last_percent is not None and not f.own_measure:
                f.subject = last_percent.index
                f.measure, f.key = last_percent.measure, last_percent.key
                if f.q.type == "points":
                    last_percent = last_percent
                continue
            if f.q.type == "percent" and f.role in ("level", "rate", "cagr", "avg_rate", "share"):
                last_percent = f
            if f.role == "share" and f.q.type == "percent" and not f.paren:
                share_subject = f
            if f.role == "prior" and f.q.type == "percent" and not f.own_measure and share_subject is not None \
                    and (subject is None or share_subject.index > subject.index):
                f.measure, f.key, f.subject = share_subject.measure, share_subject.key, share_subject.index
                continue
            if (f.role == "level" and not f.own_measure and f.period_explicit and subject is not None
                    and subject.period_explicit and f.period != subject.period and f.q.type == subject.q.type
                    and f.q.unit == subject.q.unit and any(g.subject == subject.index for g in facts[:facts.index(f)]
                                                           if g.role in ("rate", "change"))):
                # 产量2.86万辆，环比增长12.6%，8月份为2.54万辆: the same measure at the period compared with
                f.role, f.measure, f.key, f.subject = "prior", subject.measure, subject.key, subject.index
                continue
            if f.role in ("level", "prior") and not f.paren:
                if f.own_measure or subject is None or f.role == "level":
                    if not f.own_measure and subject is not None and f.role == "level" and f.clause == subject.clause:
                        pass
                if f.role == "prior" and not f.own_measure and subject is not None:
                    f.measure, f.key, f.scope = subject.measure, subject.key, f.scope or subject.scope
                    f.subject = subject.index
                if f.role == "level":
                    subject = f
                continue
            if f.role in ("change", "rate", "points", "cagr", "avg_rate", "share", "ratio", "multiple", "pull"):
                if f.compare:
                    last_compare = f.compare
                elif f.role in ("change", "rate", "points") and last_compare:
                    f.compare = last_compare
                    f.compare_period = self._compare_period(f)
                if subject is not None and (not f.own_measure or self.same_measure(f, subject)):
                    f.subject = subject.index
                    if not f.own_measure:
                        f.measure, f.key = subject.measure, subject.key
                        f.scope = f.scope or subject.scope
                    if f.period.year is None and subject.period.year is not None and f.compare:
                        # 去年办理结婚登记683.5万对，比上年下降10.6%: 上年 counts back from the level's year, not now
                        f.period = subject.period
                        f.compare_period = self._compare_period(f)
                elif subject is not None and f.own_measure and f.role in ("change", "rate"):
                    # 冬小麦面积22602千公顷，增加79千公顷；夏杂粮面积增加约73千公顷，增长1.5%: a change of another
                    # measure ends the level's reach; the rate after it is that measure's
                    subject = None

    def _respectively(self, facts: list[Fact]) -> None:
        """分别比去年增长20.2亿元和10.8亿元 after two levels; 分别占A和B的11.9%和61.2%: the i-th figure of a list after
        分别 belongs to the i-th level before it in the sentence (and, for shares, to the i-th base named)."""
        t = self.t
        qpos = {i: p for p, i in self.m.pos_to_q.items()}
        i = 0
        while i < len(facts):
            f = facts[i]
            group = [f]
            j = i + 1
            while (j < len(facts) and facts[j].sentence == f.sentence and facts[j].role in (f.role, "level", "other")
                   and facts[j].q.type == f.q.type
                   and re.fullmatch(r"\s*(?:和|、|与|及)\s*", t[qpos[group[-1].index] + 1:qpos[facts[j].index]])):
                group.append(facts[j])
                j += 1
            i = j if len(group) > 1 else i + 1
            if len(group) == 2 and f.role == "level" and group[1].role == "level":
                self._packed_pair(group)
            if len(group) < 2 or f.role not in ("change", "rate", "points", "share"):
                continue
            zone = t[:qpos[f.index]]
            k = zone.rfind("分别")
            if k < 0 or re.search(r"[。!?！？\n]|[,，;；](?![^,，;；]*分别)", zone[k:]):
                continue
            lead = re.split(r"[,，;；:：。!?！？\n]", zone[:k])[-1]
            lead = re.sub(r"(?:所占|占)?(?:的)?(?:比重|比例|占比|份额)\Z", "", re.sub(r"\A(?:其中|而|并且|并)", "", lead))
            items = [x for x in re.split(r"、|和|与|及|以及", lead) if x]
            packed = re.search(r"([东中西南北]{2,4})(部|地区)", lead)
            if len(items) == 1 and packed and len(packed.group(1)) == len(group):
                items = [ch + packed.group(2) for ch in packed.group(1)]  # 东中西部…分别为: 东部、中部、西部
            if len(items) > 1:
                # 基础研究、应用研究和试验发展经费: the head the last item carries is every item's (基础研究经费), when
                # the text names them so
                for n in (2, 3, 4):
                    head = items[-1][-n:]
                    if len(items[-1]) - n >= 2 and all(not x.endswith(head) and x + head in t for x in items[:-1]):
                        items = [x + head for x in items[:-1]] + items[-1:]
                        break
            if len(items) == len(group) and all(len(x) >= 2 and not PLACEHOLDER.search(x) for x in items):
                # 其中生活用水、工业用水…分别占…66.2%、75.9%; 基础研究、应用研究和试验发展经费所占比重分别为…: the list
                # before 分别 names each figure's measure
                for g, item in zip(group, items):
                    g.role, g.sign, g.compare, g.compare_period = f.role, f.sign, f.compare, f.compare_period
                    g.subject, g.own_measure = None, True
                    g.measure, g.key = item, self.key(item)
                    if g.role == "share" and re.fullmatch(r"(?:所占|占)?(?:比重|比例|占比|比)?(?:分别)?(?:为|是)?", g.base or ""):
                        g.base = ""  # 所占比重分别为: no base named, the whole the parts narrow
                continue
            subjects = [g for g in facts if g.sentence == f.sentence and g.index < f.index and not g.paren
                        and g.role == "level" and g.q.type != "percent" or (
                            g.sentence == f.sentence and g.index < f.index and f.role == "points"
                            and g.q.type == "percent" and g.role in ("level", "rate"))]
            if len(subjects) < len(group):
                continue
            subjects = subjects[-len(group):]
            bases = []
            if f.role == "share" and f.base:
                bases = [b for b in re.split(r"和|与|及|、", f.base) if b]
            for n, (g, subj) in enumerate(zip(group, subjects)):
                g.role, g.sign, g.compare = f.role, f.sign, f.compare
                g.compare_period = f.compare_period
                g.subject = subj.index
                g.measure, g.key, g.own_measure = subj.measure, subj.key, False
                if len(bases) == len(group):
                    g.base = bases[n] if len(bases[n]) > 2 or n == 0 else (bases[0][:-len(bases[n])] + bases[n])

    def _packed_pair(self, group: list[Fact]) -> None:
        """汽车产销分别完成1562.1万辆和1565.3万辆: a measure that packs two (产销: 产量 and 销量, lexicon 'packed')
        names the first figure by the first and the second by the second."""
        a, b = group
        for entry in self.lex.words("packed"):
            packed, first, second = entry.split(":")
            k = a.measure.rfind(packed)
            if k < 0 or not a.measure.endswith(packed):
                continue
            stem = a.measure[:k]
            a.measure, a.key = stem + first, self.key(stem + first)
            b.measure, b.key, b.scope = stem + second, self.key(stem + second), b.scope or a.scope
            b.own_measure = a.own_measure = True
            return

    def _count_qualifiers(self, facts: list[Fact]) -> None:
        """南方4区用水量3314.7亿立方米: a count run straight into a figure of another dimension, with only a measure's
        words between, says whose figure it is. The figure's scope is the counted group (南方4区)."""
        t = self.t
        qpos = {i: p for p, i in self.m.pos_to_q.items()}
        for f, g in zip(facts, facts[1:]):
            if (f.q.unit not in COUNT_UNITS or f.q.type != "amount" or g.clause != f.clause or g.q.type != "amount"
                    or g.q.unit == f.q.unit or not g.q.unit or g.scope):
                continue
            if re.fullmatch(r"[\u4e00-\u9fff]{1,8}", t[qpos[f.index] + 1:qpos[g.index]]):
                g.scope = (f.scope or "") + f.measure + f.q.text
                f.cues.append("names-next")

    def same_measure(self, a: Fact, b: Fact) -> bool:
        return bool(a.key) and a.key == b.key


@register("zh")
def read_zh(doc: Document, quantities: list[Quantity], lex: Lexicon) -> FactSet:
    reader = _READERS.get(id(lex))
    if reader is None:  # one reader per lexicon: its regular expressions are built once per process
        reader = _READERS[id(lex)] = ZhReader(lex)
    return reader.read(doc, quantities)


_READERS: dict[int, ZhReader] = {}


_COUNT = re.compile(r"(?P<n>[2-9]|1\d|[两二三四五六七八九十]|十[一二三四五六七八九])"
                    r"(?P<unit>个|家|所|座|支|条|项|类|只|名|位|户|市|县|区|省|州|国|地|镇|乡|村|大|批|部门|方面|行业)")


def stated_count(text: str) -> int | None:
    """The last count of things in a stretch of text (东部四市 -> 4), or None."""
    from ..extract.numbers import cn_numeral

    found = None
    for m in _COUNT.finditer(text):
        v = int(m.group("n")) if m.group("n").isdigit() else cn_numeral(m.group("n"))
        if v is not None:
            found = int(v)
    return found
