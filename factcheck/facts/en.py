"""English facts: what each figure of an English text measures, for whom, when, and the part it plays.

English puts the words that decide a figure's role right before it ("rose 2%", "to $11.1bn", "from $10.9bn",
"an increase of 12,400", "accounted for 41%") or right after it ("a 15% rise", "41% of revenue", "12.6% lower than",
"27% a year on average"); the measure is the subject of the clause ("Quarterly profit jumped 76% to $1.13bn from
$639m a year earlier"), the noun phrase a figure is "of" ("a pre-tax profit of €38.5m"), or the words after it
("48,200 tonnes of copper", "$7.6bn will go to roads"). The figures of one clause that share a subject form a group:
its level (the figure after "to"/"at", or the plain one) takes the group's prior, change, rate, points, multiple and
share. A group with no level of its own ("It has grown by 6.2% a year since 2018-19, when it was C$10.5bn") belongs
to the level of the same measure stated in the sentences just before.

Scope is the company, country or body a figure belongs to (a possessive, a proper name that opens the sentence,
"at Brightmart", "in Carrow province"); "It"/"The company" carry the scope of the sentence before. Periods come from
years, fiscal years, quarters, halves, "the three months to December", "in July"; comparisons ("a year earlier",
"the previous quarter") date what a change is measured against. A figure in brackets after another is a
restatement (a currency conversion) or an aside, never a part.
"""

from __future__ import annotations

import bisect
import re

from ..extract.masked import mask
from ..model import Quantity
from ..read import Document
from . import register
from .lexicon import Lexicon
from .model import Fact, FactSet, Period, in_sentences, sentence_numbers

CALENDAR = {"year", "date", "duration"}
_PH = "\ue001-\ue00f"
PLACEHOLDER = re.compile(f"[{_PH}]")
NOW = 10000  # the year a text calls "this year" when it never names it: "last year" is NOW - 1
ZONE = 400  # how far around a figure its words are read (a clause is rarely longer; bounded for linear time)
_FIGURE_CHARS = [chr(c) for c in range(0xE001, 0xE010)]

_SOFT_WRAP = re.compile(r"(?<=[^\s.!?:;])\n(?=[a-z$+(]|(?<=[a-z,]\n)\d)")
_SENT_END = re.compile(rf"[.!?]+[\"”’)]?\s+(?=[A-Z\"“‘({_PH}$£€])|\n\s*")
_ABBR = {"mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "jr", "sr", "vs", "no", "gov", "sen", "rep",
         "gen", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
         "est", "fig", "p", "pp", "ft", "mt", "messrs", "u.s", "u.k", "e.g", "i.e"}
# a clause ends at a semicolon or colon, and before a conjunction that opens a new statement
_CLAUSE_END = re.compile(r"[;:]\s*|,\s+(?=(?:while|whereas|but|although|though|and|with|as)\b)|\s+(?=(?:while|whereas)\b)"
                         r"|\s+(?=(?:after|as|because|since|despite|when|although|though|but)\s+(?:it|they|the|its|their|"
                         r"he|she|we|[A-Z]\w*)\b)"
                         # '... of 1,300,000 and is 7.4 percent above ...': a second predicate of the same subject
                         rf"|\s+(?=and\s+(?:is|was|are|were)\s+(?:\w+\s+)?[{_PH}])")
_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MON_ABBR = {m[:3]: i for m, i in _MONTHS.items()}
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_QUARTER_OF = {3: "Q1", 6: "Q2", 9: "Q3", 12: "Q4"}
_PERIOD = re.compile(
    rf"(?P<fy>\b(?:fiscal(?: year)?|financial year|FY)\s?(?P<fyy>(?:19|20)\d\d)(?:[-/]\d\d(?:\d\d)?)?)"
    rf"|(?P<y>\b(?:19|20)\d\d)(?:[-/](?:\d\d){{1,2}})?\b(?!\s*(?:%|percent|per cent|-))"
    rf"|(?P<rel>\b(?:last|this|next) year\b|\ba year (?:earlier|ago|before)\b|\bthe (?:previous|prior) year\b)"
    rf"|(?P<q>\b(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b|\bQ(?P<qd>[1-4])\b)"
    rf"|(?P<h>\b(?P<hn>first|second)[- ]half\b|\bhalf[- ]year\b|\binterim\b)"
    rf"|(?P<m9>\b(?:first )?nine months\b)"
    rf"|(?P<to>\b(?P<ton>three|six|nine|twelve|3|6|9|12) months (?:to|ended|ending|through|until) (?:the end of )?"
    rf"(?P<tom>{_MONTH_RE}))"
    rf"|(?P<yto>\b(?:year|twelve months|12 months) (?:to|ended|ending|through) (?:the end of )?{_MONTH_RE})"
    rf"|(?P<full>\bfull[- ]year\b|\bthe (?:whole|full) year\b|\bfor the year\b)"
    rf"|(?P<mon>\b(?:in|during|for|of) (?P<monn>{_MONTH_RE})(?!\s*\d{{1,2}}\b))",
    re.I)
# 'from' a level named by what it is (the 2019 median of, its peak of, last year's total of): the compared level
_FROM_NAMED = re.compile(r"\b(?:down|up|fell|rose|declined|increased|decreased|dropped|climbed|slipped|decrease|"
                         r"increase|decline|rise|fall|drop)?[\w\s.%,-]{0,30}?\bfrom\s+(?:the|its|their|a|an|last\s+year['’]s)\s+"
                         r"(?:(?:19|20)\d\d(?:-\d\d)?\s+|previous\s+|prior\s+|all-time\s+|record\s+)?"
                         r"(?:median|average|mean|peak|high|low|record|level|total|figure|estimate|rate|amount)\s+"
                         r"(?:of|at)\s*\Z", re.I)
# 'from/above/than the previous week's unrevised level of', 'exceeding the previous year's production of',
# 'above the revised December rate of': a noun phrase that names a compared figure by its time or standing
_NAMED_PRIOR = re.compile(
    r"\b(?:from|above|below|than|compared\s+(?:with|to)|against|versus|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|"
    r"outstrip(?:s|ped|ping)?|top(?:s|ped|ping))\s+(?P<np>(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+['’]?s?\s+){0,6}?)"
    r"(?P<head>[a-z-]+)\s+(?:of|at)\s*\Z", re.I)
_PRIOR_WORDS = re.compile(rf"\b(?:previous|prior|preceding|last|earlier|record|revised|unrevised|year-earlier|year-ago|"
                          rf"same|average|peak|(?:19|20)\d\d|{_MONTH_RE})\b|['’]s?\s", re.I)
# a heading in capitals run into the sentence after it
_CAPS_HEADING = re.compile(r"\A\s*(?:[A-Z][A-Z&'’-]+\s+){1,6}[A-Z][A-Z&'’-]+(?:\s*\([A-Z][A-Z\s&-]*\))?\s+(?=[A-Z][a-z])")
# a margin of error in brackets after a figure: 7.4 percent (±1.2 percent) above
_MARGIN = re.compile(r"\A\s*\(\s*(?:±|\+/-|\+/−)[^()]*\)\*?")
_REAL = re.compile(r"\b(?:in real terms|real terms|adjusted for inflation|adjusting for inflation|inflation[- ]adjusted|"
                   r"after inflation|at constant prices|constant[- ]price|in constant|like[- ]for[- ]like|real)\b", re.I)
# how a figure is stated, not what it measures (on a seasonally adjusted basis, in real terms, at an annual rate)
_ADVERBIAL = re.compile(r"\b(?:as\s+a\s+result|on\s+an?\s+[\w\s-]{0,30}?basis|in\s+(?:real|nominal|cash|dollar|sterling|euro|"
                        r"local[- ]currency|constant[- ]price)\s+terms|at\s+an?\s+(?:annual|annualised|annualized)\s+"
                        r"(?:rate|pace)|(?:seasonally|inflation)[- ]adjusted|after\s+adjusting\s+for\s+\w+)", re.I)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:\.\d+)?")
# (a connector joins two capitalised words: Bank of England, not 'Cancer and circulatory disease')
_PROPER = re.compile(r"(?:[A-Z][A-Za-z&'’.\-]*|(?:of|and|de|du|van|von)\b|&)"
                     r"(?:\s+(?:(?:of|and|de|du|van|von)\s+|&\s+)?[A-Z][A-Za-z&'’.\-]*)*")
_CORP = re.compile(r"\s+(?:Inc|Corp|Corporation|Co|Ltd|plc|PLC|AG|SA|NV|Group|Holdings|Holding|Limited|LLC)\.?$")
_POSSESSIVE = re.compile(r"(?P<name>(?:[A-Z][A-Za-z&.\-]*\s+){0,3}[A-Z][A-Za-z&.\-]*)['’]s?\b(?!\s*(?:\d|[{_PH}]))"
                         .replace("{_PH}", _PH))
_PLURAL_NOUN = re.compile(r"\A\s*(?:(?:new|more|extra|additional|full-time|part-time|registered|eligible|small|"
                          r"listed|active|other|foreign|local|\w+-\w+)\s+)?(?P<noun>[a-z]{3,}s|men|women|people|children|staff)\b")


def _month(s: str) -> int:
    s = s.lower().rstrip(".")
    return _MONTHS.get(s) or _MON_ABBR.get(s[:3], 0)


def parse_period(text: str, now: int | None = None) -> tuple[int | None, str]:
    """(year, span) of the period expressions in text (the last of each); (None, '') when there is none."""
    year, span = None, ""
    base = now if now is not None else NOW
    for m in _PERIOD.finditer(text):
        g = m.lastgroup
        if m.group("fy"):
            year = int(m.group("fyy"))
        elif m.group("y"):
            year = int(m.group("y"))
        elif m.group("rel"):
            w = m.group("rel").lower()
            year = base + (1 if w.startswith("next") else 0 if w.startswith("this") else -1)
        elif m.group("q"):
            span = f"Q{_ORD[m.group('qn').lower()] if m.group('qn') else m.group('qd')}"
        elif m.group("h"):
            span = "H2" if (m.group("hn") or "").lower() == "second" else "H1"
        elif m.group("m9"):
            span = "Q1-3"
        elif m.group("to"):
            n = {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get(m.group("ton").lower()) or int(m.group("ton"))
            end = _month(m.group("tom"))
            if n == 3 and end in _QUARTER_OF:
                span = _QUARTER_OF[end]
            elif n == 6 and end in (6, 12):
                span = "H1" if end == 6 else "H2"
            elif n == 9 and end == 9:
                span = "Q1-3"
            elif n == 12:
                span = "Y"
            else:
                span = f"M{end - n + 1}-{end}" if end - n + 1 >= 1 else span
        elif m.group("yto") or m.group("full"):
            span = "Y"
        elif m.group("mon"):
            span = f"M{_month(m.group('monn'))}"
        del g
    return year, span


def _w(words: list[str]) -> str:
    """An alternation of phrases as whole words, longest first (spaces match any run of spaces)."""
    ws = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")" if ws else "(?!)"


def _stem(w: str) -> str:
    w = w.lower().strip("'’-")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 6 and w.endswith("ing") and w not in ("spending", "earnings", "housing", "building", "funding",
                                                      "lending", "borrowing", "shipping", "banking", "pricing"):
        return w[:-3]  # starting ~ starts
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics", "ews")):
        return w[:-1]
    return w


class EnReader:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        W = lambda name: _w(lex.words(name))  # noqa: E731
        # (and a compound adjective: rose a higher-than-expected 14%)
        self.qual = rf"(?:\s+(?:{W('qualifiers')}|[a-z]+(?:-[a-z]+){{1,4}}))*"
        q = self.qual
        self.up_end = re.compile(rf"\b(?P<cue>{W('up')}){q}\s*\Z", re.I)
        self.down_end = re.compile(rf"\b(?P<cue>{W('down')}){q}\s*\Z", re.I)
        self.up_by_end = re.compile(rf"\b(?P<cue>{W('up_by')})\b[^{_PH},;]{{0,40}}?\bby{q}\s*\Z", re.I)
        self.down_by_end = re.compile(rf"\b(?P<cue>{W('down_by')})\b[^{_PH},;]{{0,40}}?\bby{q}\s*\Z", re.I)
        self.up_by_pct = re.compile(rf"\b(?P<cue>{W('up_by')}){q}\s*\Z", re.I)
        self.down_by_pct = re.compile(rf"\b(?P<cue>{W('down_by')}){q}\s*\Z", re.I)
        self.up_noun_end = re.compile(rf"\b(?P<cue>{W('up_noun')})\s+of{q}\s*\Z", re.I)
        self.down_noun_end = re.compile(rf"\b(?P<cue>{W('down_noun')})\s+of{q}\s*\Z", re.I)
        self.up_noun_after = re.compile(rf"\A(?:-|\s)(?P<cue>{W('up_noun')})\b", re.I)
        self.down_noun_after = re.compile(rf"\A(?:-|\s)(?P<cue>{W('down_noun')})\b", re.I)
        self.more_after = re.compile(r"\A\s+(?P<cue>more|higher|up|greater|larger|bigger|above|ahead)\s+(?:than|on|from|compared)\b"
                                     r"|\A\s+(?P<cue3>above)\s+(?:the|its|their|last)\b"
                                     r"|\A\s+(?P<cue2>more|higher)\b", re.I)
        self.less_after = re.compile(r"\A\s+(?P<cue>less|fewer|lower|down|smaller|below|short)\s+(?:than|on|from|of|compared)\b"
                                     r"|\A\s+(?P<cue3>below)\s+(?:the|its|their|last)\b"
                                     r"|\A\s+(?P<cue2>fewer|lower)\b", re.I)
        self.cagr_end = re.compile(rf"\b(?P<cue>{W('cagr')}){q}\s*\Z", re.I)
        self.cagr_after = re.compile(rf"\A\s+(?P<cue>{W('cagr_after')})\b(?!\s+(?:earlier|ago|before)\b)", re.I)
        self.level_end = re.compile(rf"\b(?P<cue>{W('level_lead')}){q}\s*\Z", re.I)
        self.prior_end = re.compile(rf"(?:^|\b|(?<=[,(]))(?P<cue>{W('prior_lead')}){q}\s*\Z", re.I)
        self.share_end = re.compile(rf"\b(?P<cue>{W('share_lead')}){q}\s*\Z", re.I)
        self.of_after = re.compile(rf"\A\s+of\s+(?P<base>[^{_PH},;:.()–—]{{1,60}}?)(?=\s*(?:[,;:.()–—{_PH}]|\s(?:and|while|but|in|on|at|for|from|to|with|was|were|is|are|has|have|had|will|would|by|a|last|this|up|down|than|compared)\b|$))", re.I)
        self.of_the_figure = re.compile(rf"\A\s+(?:of|out of)\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
                                        rf"(?:(?!(?:and|or|but|while|with|to|from|than|against)\b)[a-z][a-z'’\-]*\s+){{0,3}}?\Z", re.I)
        self.compare = re.compile(rf"\b(?P<cmp>{W('compare')})\b", re.I)
        self.times_the = re.compile(rf"\A\s*(?:times|-fold)?\s*(?:as\s+(?:many|much|large|big|high)\s+as\s+)?"
                                    rf"(?:the|that of|those of|what|its|their)?\s*\Z", re.I)
        self.times_as = re.compile(r"\A\s+(?:as\s+(?:many|much|large|big|high)\s+as|more\s+than|the\s+(?:size|level)\s+of|that\s+of)"
                                   r"\s+(?P<base>[^,;.]{1,50})", re.I)
        self.times_named = re.compile(r"\A\s+(?P<base>(?:(?:the|its|their)\s+)?(?:[A-Z][\w&\-]*\s+){0,3}[A-Z][\w&\-]*['’]s?"
                                      r"|(?:its|their)\s+(?:(?:19|20)\d\d\s+)?(?:level|size|value|total)(?:\s+(?:in|of)\s+(?:19|20)\d\d)?"
                                      r"|(?:the\s+)?(?:level|figure|total)\s+(?:in|of|for)\s+(?:19|20)\d\d"
                                      r"|(?:that|those)\s+of\s+[^,;.]{1,40})", re.U)
        # two parts of a known partition joined by 'and' name one whole (goods and services, men and women)
        pairs = [p.parts for p in lex.partitions if len(p.parts) == 2 and all("|" not in w for w in p.parts)]
        self.pair_and = re.compile(r"\b(?:" + "|".join(rf"{re.escape(a)}s?\s+and\s+{re.escape(b)}s?" for a, b in pairs)
                                   + r")\b", re.I) if pairs else re.compile(r"(?!)")
        self.change_word = re.compile(rf"\b(?:{W('up')}|{W('down')}|{W('up_by')}|{W('down_by')})\b", re.I)
        self.reporting = re.compile(rf"\b(?:{W('reporting')})\b(?:\s+(?:that|on|in\s+a\s+statement))?", re.I)
        self.non_additive = re.compile(rf"\b(?:{W('non_additive')})\b", re.I)
        self.per_after = re.compile(r"\A\s*(?!an?\s+(?:day|week|month|year|quarter)\s+(?:ago|earlier|before)\b)"
                                    r"(?:a|an|per|each|/)\s*(?:share|head|person|capita|day|week|month|year|hour|"
                                    r"barrel|litre|liter|tonne|ton|ounce|gallon|kilo|kg|unit|household|worker|pupil|"
                                    r"employee|passenger|night|visit|mile|square)\b|\A\s+each\b|\A\s*/", re.I)
        self.expected_end = re.compile(r"\b(?:expected|forecast|forecasts|predicted|predictions?|estimates?|expectations?|"
                                       r"consensus|target|targets|goal|anticipated|projected|projection|hoped(?:\s+for)?)"
                                       rf"(?:\s+(?:of|for|at|was|were|had\s+been|to\s+be)){q}\s*\Z", re.I)
        self.expected_after = re.compile(r"\A\s+(?:(?:that|which)\s+(?:had\s+been|was|were)\s+)?(?:widely\s+|had\s+been\s+)?"
                                         r"(?:expected|forecast|predicted|anticipated|projected|targeted)\b", re.I)
        self.expect_clause = re.compile(rf"\b(?:expected|expect|expects|forecast|forecasts|forecasting|predicted|projected|"
                                        rf"anticipated|looking\s+for)\b(?![^{_PH}]*\b(?:but|while|whereas|however|"
                                        rf"instead|actually|came\s+in|reported|posted)\b)[^.;]*\Z", re.I)
        self.rank_before = re.compile(rf"\b(?:{W('rank_before')})\s*\Z", re.I)
        self.hypothetical = re.compile(r"\b(?:would|could|might)\s+(?:have|be)\b[^.;]*\Z", re.I)
        # aged from 16 to 64, ages 25-54, between the ages of 18 and 24: the bounds of an age band, not figures
        self.age_band = re.compile(rf"\b(?:{W('age_before')})\s+(?:from\s+|between\s+)?(?:(?:\d+|[{_PH}])\s*(?:to|and|-|–)\s*)?\Z",
                                   re.I)
        self.anaphora = re.compile(rf"\A\s*(?:{W('anaphora')})\b", re.I)
        self.stop = {w.lower() for w in lex.words("stop")}
        self.generic = {w.lower() for w in lex.words("generic")}
        self.period_words = {w.lower() for w in lex.words("period_words")}
        self.cue_words = {w.lower() for name in ("up", "down", "up_by", "down_by", "up_noun", "down_noun")
                          for w in lex.words(name) if " " not in w}
        self.number_words = set("one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
                                "fifty hundred thousand million billion half quarter third thirds quarters".split())
        self.verb = re.compile(rf"\b(?P<v>{W('verbs')})\b", re.I)
        self.light_verbs = {w.lower() for w in lex.words("light_verbs")}
        self.lemma = dict(w.split(":", 1) for w in lex.words("lemma"))
        self.agents = {w.lower() for a in lex.words("anaphora") for w in a.split()} | {
            w.lower() for w in lex.words("agents")}

    # -- structure -----------------------------------------------------------------------------------------
    def read(self, doc: Document, quantities: list[Quantity]) -> FactSet:
        norm = _SOFT_WRAP.sub(" ", doc.norm)
        live = [q for q in quantities if not q.furniture]
        figures = [q for q in live if q.type not in CALENDAR]
        m = mask(norm, figures)
        t = m.text
        self.t, self.m, self.norm = t, m, norm
        self.quantities = quantities
        # capitalised words where no sentence starts: names (Calder, Brightmart), not common words (Frozen)
        self.names = {m.group() for m in re.finditer(r"(?<=[a-z,;] )[A-Z][A-Za-z&\-]+", norm)} | {
            m.group(1) for m in re.finditer(r"\b([A-Z][A-Za-z&\-]+)(?:['’]s\b|\s+(?:said|says|reported|reports|announced|"
                                            r"posted|has|had|will|plans|expects)\b)", norm)}
        self.years = [q for q in live if q.type in ("year", "date")]
        qpos = {qi: pos for pos, qi in m.pos_to_q.items()}
        self.qpos = qpos
        self.raw: dict[int, str] = {}  # the subject words of each figure as written, prepositions kept
        sent_starts = self._sentences(t)
        clause_starts = self._clauses(t, sent_starts)
        self.sent_starts, self.clause_starts = sent_starts, clause_starts
        facts: list[Fact] = []
        context = Period()
        scope_ctx = ""
        last_s = -1
        sent_period: dict[int, Period] = {}
        sent_scope: dict[int, str] = {}
        for q in figures:
            p = qpos[q.index]
            s = bisect.bisect_right(sent_starts, p) - 1
            c = bisect.bisect_right(clause_starts, p) - 1
            if s != last_s:
                ss = sent_starts[s]
                se = sent_starts[s + 1] if s + 1 < len(sent_starts) else len(t)
                lead = t[ss:p]
                year, span = parse_period(_strip_compare(lead))
                if year is not None or span:
                    context = Period(year if year is not None else context.year, span or ("Y" if year else ""))
                sent_period[s] = context
                sc = self._sentence_scope(t[ss:se])
                if sc is None:
                    sc = scope_ctx  # It / The company: the body named before
                scope_ctx = sc or scope_ctx
                sent_scope[s] = sc
                last_s = s
            f = self._fact(q, p, s, c, clause_starts[c], sent_period[s], sent_scope[s])
            facts.append(f)
        for a, b in zip(facts, facts[1:]):
            if a.role == "pull" and b.sentence == a.sentence and b.role == "points":
                b.role, b.subject = "pull", None  # …came from housing (1.49 points) and transport (1.47 points)
        self._shared_nouns(facts)
        self._group(facts)
        self._change_rates(facts, own=True)
        self._across(facts)
        self._change_rates(facts)
        by_index = {f.index: f for f in facts}
        sentences = [(m.to_orig[a], m.to_orig[b] if b < len(m.to_orig) else len(doc.norm))
                     for a, b in zip(sent_starts, sent_starts[1:] + [len(t)])]
        from .en_lists import find_counts, stated_count

        return FactSet(facts=facts, by_index=by_index, sentences=sentences, key_of=self.name_key,
                       counts=find_counts(norm, doc.in_furniture), count_in=stated_count)

    def _sentences(self, t: str) -> list[int]:
        starts = [0]
        depth = 0
        for m in _SENT_END.finditer(t):
            i = m.start()
            if m.group().startswith("\n") or "\n" in m.group():
                if m.end() > starts[-1]:
                    starts.append(m.end())
                continue
            word = re.search(r"([A-Za-z.]+)\Z", t[max(0, i - 12):i])
            if word and (word.group(1).lower().rstrip(".") in _ABBR or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word.group(1))):
                continue
            if i and not (t[i - 1].isalnum() or t[i - 1] in "%)]'’\"”" or PLACEHOLDER.match(t[i - 1])):
                continue
            del depth
            depth = 0
            if m.end() > starts[-1]:
                starts.append(m.end())
        return starts

    def _clauses(self, t: str, sents: list[int]) -> list[int]:
        out = set(sents)
        depth = 0
        for i, ch in enumerate(t):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch == "\n":
                depth = 0
        for m in _CLAUSE_END.finditer(t):
            # a colon that opens a list of figures keeps them in the clause of what they break down
            if m.group().startswith(":"):
                continue
            i = m.start()
            if (m.group().startswith(";") and t.rfind("(", max(0, i - 60), i) > max(t.rfind(")", 0, i), t.rfind("\n", 0, i))
                    and self.norm[self.m.to_orig[m.end()]:self.m.to_orig[m.end()] + 1] in ("+", "-", "−")):
                continue  # (+43,000; +0.7%): a signed change and its rate in one bracket are one clause
            out.add(m.end())
        return sorted(out)

    def _sentence_scope(self, sent: str) -> str | None:
        """The body a sentence is about: a proper name or possessive that opens it; None when it opens with It/The
        company (the body named before); '' when it names none."""
        sent = _CAPS_HEADING.sub("", sent)  # SEASONALLY ADJUSTED ESTIMATES (MONTHLY CHANGE) Employment …: a heading
        if self.anaphora.match(sent):
            return None
        lead = sent[:80]
        pm = _POSSESSIVE.match(lead.lstrip())
        if pm and (self._is_name(pm.group("name")) or not _common(pm.group("name").split()[0])):
            return _norm_scope(pm.group("name"))
        m = _PROPER.match(lead.lstrip())
        if m and self._is_name(m.group().strip()):
            return _norm_scope(m.group())
        return None  # no body named: the one named before still holds

    # -- one figure ----------------------------------------------------------------------------------------
    def _fact(self, q: Quantity, p: int, s: int, c: int, cstart: int, period: Period, scope: str) -> Fact:
        t = self.t
        zone = t[max(cstart, p - ZONE):p]  # the clause up to the figure (its last ZONE characters: linear time)
        k = max(zone.rfind(ch) for ch in _FIGURE_CHARS)
        local = zone[k + 1:]
        cend = self.clause_starts[c + 1] if c + 1 < len(self.clause_starts) else len(t)
        rest = t[p + 1:min(cend, p + 1 + ZONE)]
        mg = _MARGIN.match(rest)
        if mg:
            rest = rest[mg.end():]
        nk = PLACEHOLDER.search(rest)
        tail = rest[:nk.start()] if nk else rest
        self._tail_next = bool(nk)
        f = Fact(q=q, sentence=s, clause=c)
        f.paren = bool(re.search(r"\(\s*(?:or|about|around|roughly|some|equal to|equivalent to|worth)?\s*\Z", local)) and k >= 0
        if f.paren and q.type == "percent" and re.search(r"\(\s*or\s*\Z", local) and zone[k] != "\ue002":
            f.paren = False  # $8 billion (or 9 percent) more: the rate of the change, not a restatement
        f.role, f.sign, cue = self._role(q, local, tail, rest, zone)
        if cue:
            f.cues.append(cue)
        if cue == "signed":
            f.paren = False  # (+$0.99 to $31.06): a change in brackets, not a restatement of the figure before
        if f.role in ("level", "other") and not cue and q.type in ("percent", "amount") and re.search(
                r"(?:^|,)\s*and\s+(?:for|in|at|among)\s+[^,;]{1,40}?\s+by\s*\Z", zone, re.I):
            sign = self._sentence_sign(p, s)
            if sign:  # 'income increased 4.7pc to €929.01, and for individuals by 5.5pc to €478.79': the verb is
                #       the sentence's
                f.role, f.sign = ("rate" if q.type == "percent" else "change"), sign
                f.cues.append("gapped")
        if k >= 0 and self._bracket_prior(q, zone, k, local, rest):
            f.paren, f.role, f.sign = False, "prior", 0
            f.cues.append("bracket-prior")
        if f.paren and _COMPARED_PAREN.search(local) and f.role in ("level", "other") and q.type != "percent":
            # €194.1bn, up 4.5% compared with July 2017 (€185.8bn): the bracket gives the compared period's level
            f.paren, f.role, f.sign = False, "prior", 0
            f.cues.append("compared-paren")
        # period: the words right after the figure (48,350 in 2024), else its clause up to it, else the sentence
        tail_period = re.split(r"[,;]|\band\b|\bwhile\b", tail, maxsplit=1)[0]
        if re.match(r"\s*\(", tail_period) and ")" not in tail_period:
            tail_period = ""  # (Q1/2002: 391.1 million): the period of the figure in the brackets, not this one's
        ty, tspan = parse_period(_strip_compare(tail_period))
        ly, lspan = parse_period(_strip_compare(local))
        if ly is None and not lspan:
            ly, lspan = parse_period(_strip_compare(PLACEHOLDER.sub(" ", zone)))  # In 2024 visitor spending rose 5% to …
            if f.role == "prior":
                ly = None  # a prior is of the year compared with, not the clause's (its month may be the clause's)
        year = ty if ty is not None else ly
        span = tspan or lspan
        f.period_explicit = year is not None or bool(span)
        if f.period_explicit:
            f.period = Period(year if year is not None else period.year, span or ("Y" if year else period.span))
        else:
            f.period = period
        if "compared-paren" in f.cues:
            pm = re.search(r"\bcompared\s+(?:with|to)\s+([^()]{1,40}?)\s*\(\s*\Z", local)
            py, pspan = parse_period(pm.group(1)) if pm else (None, "")
            if py is not None:  # compared with July 2017 (€185.8bn): the bracket's figure is July 2017's
                f.period, f.period_explicit = Period(py, pspan or f.period.span), True
        self._date(f, q, p)
        cm = None
        for cm in self.compare.finditer(local + " " + tail_period):
            pass
        if cm is not None and f.role in ("change", "rate", "points", "prior", "multiple"):
            f.compare = re.sub(r"^(?:from|on) (?=a |the )", "", re.sub(r"\s+", " ", cm.group("cmp").lower()))
        f.compare_period = self._compare_period(f)
        if f.role in ("rate", "change", "cagr", "level") and _REAL.search(self.t[max(cstart, p - ZONE):min(cend, p + ZONE)]):
            f.cues.append("real")  # in real terms: not the nominal levels beside it
        f.measure, own_scope = self._measure(f, local, tail, cue, k >= 0)
        tm = re.match(r"\A\s+(?:in|at)\s+(?:the\s+)?(?P<name>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})", tail)
        if tm and not own_scope and self._is_name(tm.group("name")) and not re.match(_MONTH_RE, tm.group("name")):
            own_scope = _norm_scope(tm.group("name"))  # compared with 12.1% in Germany
        f.scope = own_scope or scope
        f.own_measure = bool(f.measure) and "measure-after" not in f.cues
        f.key = self.key(f.measure)
        nm = _PLURAL_NOUN.match(tail) if q.type == "amount" and not q.unit else None
        if nm and nm.group("noun") not in ("years", "months", "days", "weeks", "times", "points", "percent"):
            f.noun = _stem(nm.group("noun"))
        f.additive = self._additive(q, f, local, tail)
        return f

    def _sentence_sign(self, p: int, s: int) -> int:
        """The direction of the one change verb the sentence states before position p (0 if none or both)."""
        lead = PLACEHOLDER.sub(" ", self.t[self.sent_starts[s]:p])
        ups = bool(re.search(rf"\b(?:{_w(self.lex.words('up'))})\b", lead, re.I))
        downs = bool(re.search(rf"\b(?:{_w(self.lex.words('down'))})\b", lead, re.I))
        return 0 if ups == downs else (1 if ups else -1)

    def _bracket_prior(self, q: Quantity, zone: str, k: int, local: str, rest: str) -> bool:
        """'weakened by 56.1 per cent to 18.2 million euros (41.5 million)'; 'Turnover 400.3 million euros
        (Q1/2002: 391.1 million)': a bare figure in brackets after a level of its unit is the earlier period's, when
        a period labels it or a change word governs the figure before it."""
        if q.type != "amount" or not re.match(r"\s*\)", rest):
            return False
        pm = re.fullmatch(r"\s*\(\s*(?P<label>(?:Q[1-4]|H[12]|FY|[A-Z][a-z]{2,8})?[/ ]?(?:19|20)?\d{2,4}\s*:\s*)?", local)
        prev = self.quantities[self.m.pos_to_q[self.qpos[q.index] - len(zone) + k]] if pm else None
        if prev is None or prev.type != "amount" or prev.unit != q.unit or prev.scale != q.scale or prev.value == q.value:
            return False
        if prev.value * q.value < 0 or re.search(r"\bloss(?:es)?\b|\bdeficit\b", zone, re.I):
            return False  # 'the operating loss weakened to 27.1m (-3.1m)': a loss and a profit, signed two ways
        return bool(pm.group("label")) or bool(self.change_word.search(zone[:k][-80:]))

    def _date(self, f: Fact, q: Quantity, p: int) -> None:
        """The year figure that dates f: right after it (from $410m in 2025), or just before it in its clause
        (in 2019, when there were 38,100)."""
        after = [y for y in self.years if y.start >= q.end and y.start - q.end <= 24]
        if after and re.fullmatch(r"\s*(?:in|of|for|during|at the end of|at end-)?\s*(?:fiscal\s+|the\s+)?",
                                  self.norm[q.end:after[0].start], re.I):
            f.year_q = after[0].index
            return
        before = [y for y in self.years if y.end <= q.start and q.start - y.end <= 40]
        if before:
            gap = self.norm[before[-1].end:q.start]
            if not any(PLACEHOLDER.match(ch) for ch in gap) and re.search(r"\bwhen\b|^\s*,?\s*$", gap):
                f.year_q = before[-1].index
                return
        # the year or date that opens the sentence dates it (In the 2023-24 fiscal year, … reached C$14.2bn;
        # revenue for the fiscal year to September 2024 rose 31% to $6.84bn)
        s0 = self.m.to_orig[self.sent_starts[f.sentence]]
        lead = [y for y in self.years if s0 <= y.start and y.end <= q.start and y.value >= 1800]
        if lead and not re.search(r"\b(?:since|from|compared|than|when)\b", self.norm[lead[0].start - 30:lead[0].start], re.I):
            f.year_q = lead[0].index

    def _role(self, q: Quantity, local: str, tail: str, rest: str, zone: str = "") -> tuple[str, int, str]:
        typ = q.type
        k0 = len(zone) - len(local) - 1  # where the figure before this one stands in zone (-1: none)
        k0 = k0 if k0 >= 0 else len(zone)
        if typ == "ordinal" or (self.rank_before.search(local) and typ in ("amount", "number")):
            return "rank", 0, ""
        if typ == "points" and re.search(r"\bcontribut(?:ion|ions|ed|ing|es)\b", zone, re.I):
            return "pull", 0, "contribution"  # contributions to the rate came from transport (1.47 points): a pull
        if re.search(r"(?:±|\+/-|\+/−)\s*\Z", local):
            return "other", 0, "margin"  # (±1.2 percent): the margin of error of the figure before
        if not q.unit and self.age_band.search(zone):
            return "rank", 0, ""
        if not q.unit and typ in ("amount", "number") and (re.match(rf"\A\s*for\s*[{_PH}]", rest)
                                                           or re.search(rf"[{_PH}]\s*for\s*\Z", zone)):
            return "score", 0, ""  # 124 for 2, 132-5 (runs for wickets): a score, neither figure a level alone
        if typ == "percent" and q.text[:1] == "+" and q.value > 0 and re.search(r"[,;(]\s*\Z", local):
            return "rate", 1, "signed"  # …rose to €163.4bn, +6.5% compared with … (a minus sign is the value's own)
        if typ == "percent" and q.text[:1] in "-−" and re.search(r"\(\s*[-−]\$?[\d,.]+\s*;\s*\Z",
                                                                self.norm[max(0, q.start - 30):q.start]):
            return "rate", -1, "signed"  # (-36,000; -0.5%): the rate of the change before it
        if typ == "amount" and re.search(r"\(\s*\Z", local) and (q.text[:1] == "+" or q.text[:1] in "-−" and re.match(
                r"\s*;\s*[-−]\d", self.norm[q.end:q.end + 8])):
            return "change", (1 if q.text[:1] == "+" else -1), "signed"  # (+43,000; +0.7%), (+$0.99 to $31.06)
        if self.hypothetical.search(zone):
            return "other", 0, ""  # if Alltel were included, revenue would have risen 0.6%: not what happened
        if typ == "number" or q.range_with is not None:
            return "other", 0, ""  # a range (6-6.5%, 11-14 euros) states no one figure to check
        em = self.expected_end.search(local)
        if em and re.search(r"\b(?:revised|unrevised|advance|preliminary|final|flash|initial|official|latest|record|"
                            r"record-breaking|"
                            rf"previous|earlier|{_MONTH_RE})\s+(?:[\w-]+\s+){{0,2}}?estimates?\s+of\s*\Z", local, re.I):
            em = None  # the revised December estimate of 1,209,000: a statistic's own estimate, not a forecast
        if not em and re.search(r"\b(?:of|at|for)\s*(?:about|around|roughly|some)?\s*\Z", local) and self.expect_clause.search(
                zone) and not (self.up_noun_end.search(local) or self.down_noun_end.search(local)):
            em = True  # Analysts expected earnings of 68 cents a share on revenue of $23.67bn: both are forecasts
        if em or (self.expected_after.match(tail) and (
                typ != "percent" or re.match(r"\A\s+(?:widely|had\s+been|was|were)\b|\A\s+\w+\s*(?:[,.;)]|by\b|$)", tail))):
            return "other", 0, "expected"  # the $54bn widely expected: a forecast, not the figure itself
        nm = re.match(rf"\A-[a-z]+\s+(?:(?P<up>{_w(self.lex.words('up_noun'))})|{_w(self.lex.words('down_noun'))})\b", tail, re.I)
        if typ == "amount" and nm:
            return "change", (1 if nm.group("up") else -1), "compound"  # This 175,828-enrollee increase
        if typ == "amount" and re.match(r"\A-(?:[a-z]+)", tail):
            return "other", 0, ""  # a 120-seat assembly, a 30-year bond: part of a name
        if typ == "amount" and q.digits and q.digits[0].isalpha() and q.value < 20 and re.search(
                r"\b(?:the|its|their|these|those|both|all|our)\s*\Z", local, re.I) and _PLURAL_NOUN.match(tail):
            return "count", 0, "count"  # the two hospitals, its three divisions: how many things, not an amount
        if typ in ("percent", "amount") and re.search(r"\bthan\s+(?:the|its|their|a)\s+[\w\s'’-]{0,40}?\s+(?:of|at)\s*\Z", local, re.I):
            return "prior", 0, "than"
        if typ == "amount" and zone[k0:k0 + 1] and re.fullmatch(r"\s+(?:more|fewer|less|higher|lower)\s+than\s+(?:[A-Z][\w&.-]*\s+){0,3}"
                                                              r"[A-Z][\w&.-]*['’]s?\s*", local):
            return "prior", 0, "than-named"  # 11,129 votes, 97 more than Showalter's 11,032: the figure compared with
        if typ in ("percent", "amount") and _FROM_NAMED.search(local):
            return "prior", 0, "from"  # a decrease of 2.9% from the 2019 median of $69,560; from its peak of
        if typ == "amount" and re.search(r"\b(?:from|than|compared\s+(?:with|to))\s+[^,;]{1,40}?\s+(?:which|that)\s+"
                                         r"(?:was|were|had\s+been|stood\s+at)\s*\Z", local, re.I):
            return "prior", 0, "from"  # up 6% from the prior year period, which was $16.43bn
        if typ in ("percent", "amount") and re.search(r"\b(?:up|down)\s+from\s+(?:the|its|their)\s+[\w\s'’-]{1,40}?\s+"
                                                   r"(?:of|at)\s*\Z", local, re.I):
            return "prior", 0, "from"  # down from the Primary of 43,819
        nm = _NAMED_PRIOR.search(local)
        if typ in ("percent", "amount") and nm and _PRIOR_WORDS.search(nm.group("np") + " ") and not (
                nm.group("head").lower() in self.cue_words):  # 'compared with an average monthly gain of': a change
            return "prior", 0, "from"  # above the revised December rate of; from the previous week's level of
        if self.prior_end.search(local) and typ == "percent" and (self.up_noun_after.match(tail) or self.down_noun_after.match(tail)):
            mm = self.up_noun_after.match(tail) or self.down_noun_after.match(tail)
            return "rate", (1 if self.up_noun_after.match(tail) else -1), mm.group("cue").lower()  # compared with a 0.3% slide in
        if self.prior_end.search(local):
            cue = self.prior_end.search(local).group("cue").lower()
            if re.search(r"\b(?:rang\w*|var(?:y|ies|ied|ying)|spann\w*|stretch\w*)\s+from\b", local, re.I):
                return "other", 0, "range"  # ranged from 69% in X … down to 10% in Y: a spread, not a change
            if cue == "than" and re.search(r"\b(?:more|less|fewer|greater)\s+than\s*\Z", local, re.I):
                pass  # more than 11bn: a bound on the figure, not a comparison
            elif cue not in ("against", "than") or not re.search(r"[a-z]{3,}\s+(?:of\s+)?(?:against|than)", local[-30:]) \
                    or re.search(r"(?:compared|measured|set|up|down|higher|lower|bigger|smaller)\s+(?:against|than)", local[-30:]):
                return "prior", 0, "from" if "from" in cue else cue
        if typ == "multiple":
            return "multiple", 0, "times"
        up = self.up_end.search(local)
        down = self.down_end.search(local)
        if re.search(r"\b(?:made|make|makes|making)\s+up" + self.qual + r"\s*\Z", local, re.I):
            # women make up more than half of graduates; chips made up $2.91bn, or 43% of revenue
            return ("share", 0, "made up") if typ == "percent" else ("level", 0, "")
        pm = re.search(r"\b(?P<cue>premium|discount|mark-?up)\s+of" + self.qual + r"\s*\Z", local, re.I)
        if pm and typ == "percent":
            return "rate", (-1 if pm.group("cue").lower() == "discount" else 1), "premium"  # a premium of 32% to …
        if typ == "amount" and re.search(r"\b(?:premium|discount)\s+of\s+[\ue002]\s+(?:to|over|on)\b[^\ue001-\ue00f]{0,40}\Z", zone, re.I):
            return "prior", 0, "premium-to"  # … to Friday's closing price of 64.5p
        if typ == "percent" and re.search(r"\b(?:than|compared\s+with|compared\s+to)\s+(?:the|a|an)\s*\Z", local, re.I) and (
                self.up_noun_after.match(tail) or self.down_noun_after.match(tail)):
            return "other", 0, "compared-rate"  # less than the 4.3% rise seen a year earlier: another period's rate
        if typ in ("percent", "points"):
            if self.cagr_end.search(local) or (self.cagr_after.match(tail) and (up or down or re.search(r"\bby\s*\Z", local))):
                return ("cagr" if typ == "percent" else "points"), (-1 if down else 1), "cagr"
            for mm, sign in ((down, -1), (up, 1), (self.down_noun_end.search(local), -1),
                             (self.up_noun_end.search(local), 1), (self.down_by_pct.search(local), -1),
                             (self.up_by_pct.search(local), 1), (self.down_by_end.search(local), -1),
                             (self.up_by_end.search(local), 1)):
                if mm:
                    role = "rate" if typ == "percent" else "points"
                    cue = mm.group("cue").lower()
                    if typ == "percent" and cue in ("growth",) and re.search(r"\bgrowth\s+of\W*\w*\s*\Z", local, re.I):
                        return "level", 0, "growth-rate"  # growth of 3.6% (a growth rate stated as a level)
                    if typ == "percent" and cue in ("lost", "loses") and re.match(r"\A\s+of\b", tail):
                        return "rate", -1, cue  # lost a quarter of their value
                    return role, sign, cue
            for mm, sign in ((self.down_noun_after.match(tail), -1), (self.up_noun_after.match(tail), 1)):
                if mm:
                    return ("rate" if typ == "percent" else "points"), sign, mm.group("cue").lower()
            lm, mm = self.less_after.match(tail), self.more_after.match(tail)
            if lm or mm:
                return ("rate" if typ == "percent" else "points"), (-1 if lm else 1), "than"
            if typ == "points":
                return "points", 0, ""
            if self.level_end.search(local) and not re.search(r"\bof\s*\Z", local, re.I):
                return "level", 0, "to" if re.search(r"\b(?:to|at)\b", self.level_end.search(local).group("cue"), re.I) else ""
            if re.match(r"\A\s+of\s", tail) and not re.search(r"\b(?:rate|rates|level|increase|rise|fall|growth)\s+of\s*\Z", local, re.I):
                return "share", 0, "of"
            if self.share_end.search(local):
                return "share", 0, self.share_end.search(local).group("cue").lower()
            if q.digits and not q.digits[0].isdigit():
                return "share", 0, "fraction"  # one in five, 9,700, were …; education, at C$9.9bn, about a quarter
            return "level", 0, ""
        # amounts
        if re.fullmatch(r"\s*(?:(?:in|during|for)\s+[^,;]{1,20}\s+)?by" + self.qual + r"\s*", local, re.I) and re.search(
                rf"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outstrip(?:s|ped|ping)?|top(?:s|ped|ping))\s[^{_PH}]*[{_PH}]"
                rf"[^{_PH}]*\Z", zone, re.I):
            return "change", 1, "exceeds-by"
        if re.search(r"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outstrip(?:s|ped|ping)?)\s+(?:the|its|their)\s+"
                     r"[^,;]{1,60}?\s+by" + self.qual + r"\s*\Z", local, re.I):
            return "change", 1, "exceeds-by"  # surpassing the previous year's figure by 2.5 million: the figure unstated
        for pat, sign in ((self.down_noun_end, -1), (self.up_noun_end, 1), (self.down_by_end, -1), (self.up_by_end, 1)):
            mm = pat.search(local)
            if mm:
                return "change", sign, mm.group("cue").lower()
        if (down or up) and not re.search(r"\b(?:to|at)\s*\Z", local, re.I):
            cue = (down or up).group("cue").lower()
            if cue not in ("higher", "lower", "ahead"):
                return "change", -1 if down else 1, cue
        tail = re.sub(r"\A\s*\([^()]*\)", "", rest) if re.match(r"\A\s*\(", rest) else tail  # $8 billion (or 9 percent) more than
        lm, mm = self.less_after.match(tail), self.more_after.match(tail)
        if (lm or mm) and re.match(r"\A\s+(?:more|fewer)\s+[a-z]", tail) and re.search(
                r"\bthere\s+(?:were|was|are|is|have\s+been|had\s+been)" + self.qual + r"\s*\Z", local, re.I):
            return "change", -1 if lm else 1, "more-noun"  # there were 890 more deaths (not: 9 recorded more starts)
        if (lm or mm) and not re.match(r"\A\s+(?:more|fewer)\s+[a-z]", tail) or (lm or mm) and re.search(r"\bthan\b", (lm or mm).group()):
            return "change", -1 if lm else 1, "than"
        lv = self.level_end.search(local)
        if lv:
            cue = lv.group("cue").lower()
            return "level", 0, "to" if cue in ("to", "at", "reaching", "reached", "reach", "hitting", "hit") else ""
        if re.search(r"\bwhen\s+(?:it|they|there|the\s+\w+)\s+(?:was|were|had|stood|made|reported)\b[^{}]*\Z".format(_PH), local, re.I):
            return "prior", 0, "when"
        return "level", 0, ""

    def _compare_period(self, f: Fact) -> Period | None:
        cmp = f.compare
        if not cmp:
            return None
        year = f.period.year
        if year is not None and year > NOW - 100:
            year = None  # 'last year' of a text that never says which year it is
        if "year" in cmp or cmp in ("last year",):
            if year is None:
                return None  # a year before a year the text does not give
            return Period(year - 1, f.period.span)
        if "quarter" in cmp or "three months" in cmp:
            sp = f.period.span
            if sp in ("Q2", "Q3", "Q4"):
                return Period(year, f"Q{int(sp[1]) - 1}")
            if sp == "Q1":
                return Period(year - 1 if year is not None else None, "Q4")
            return Period(None, "prev-quarter")
        if "month" in cmp:
            sp = f.period.span
            mm = re.fullmatch(r"M(\d+)", sp or "")
            if mm:
                n = int(mm.group(1))
                return Period(year, f"M{n - 1}") if n > 1 else Period(year - 1 if year is not None else None, "M12")
            return Period(None, "prev-month")
        return None

    # -- measures ------------------------------------------------------------------------------------------
    def _measure(self, f: Fact, local: str, tail: str, cue: str, after_figure: bool) -> tuple[str, str]:
        if cue == "compound":  # This 175,828-enrollee increase: the noun in the compound names what changed
            return re.match(r"\A-(?P<m>[a-z]+)", tail).group("m"), self._scope_of(local)
        if cue == "more-noun":  # there were 890 more deaths: the noun names what changed
            return re.match(r"\A\s+\w+\s+(?P<m>[a-z][\w-]*)", tail).group("m"), self._scope_of(local)
        if f.q.type == "amount":
            om = re.match(r"\A\s+of\s+(?!(?:the|its|their|a|an|this|that|which|whom|it|them)\b)(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
                          tail)
            if om:
                words = self._tail_words(" " + om.group("m"))
                if words:  # $238 billion of revenue; 48,200 tonnes of copper: the noun after 'of' names it
                    f.cues.append("of-noun")
                    return " ".join(words), self._scope_of(local)
        if f.q.type == "amount" and f.role == "level" and re.search(r"\b(?:a|an)\s+(?:euros?\s+|dollars?\s+|pounds?\s+)?\Z", local, re.I):
            am = re.match(r"\A[\s-]+(?P<m>[a-z][\w-]*(?:\s+(?!of\b|in\b|on\b|for\b|with\b|to\b|from\b|at\b|and\b|by\b)"
                          r"[a-z][\w-]*){0,2})", tail)
            if am and am.group("m").split()[0].lower() not in self.cue_words | self.stop:
                words = self._tail_words(" " + am.group("m"))
                if words:  # the euro area recorded a €23.6 billion surplus: the noun the figure qualifies names
                    #         it, after whose it is (the subject: the euro area's, not the EU's)
                    before, scope = self._measure_before(f, local, tail, cue, after_figure)
                    if "measure-after" in f.cues:  # nothing before names it: the noun alone
                        f.cues.remove("measure-after")
                        before = ""
                    f.cues.append("attributive")
                    return " ".join(before.split()[-4:] + words), scope or self._scope_of(local)
        return self._measure_before(f, local, tail, cue, after_figure)

    def _measure_before(self, f: Fact, local: str, tail: str, cue: str, after_figure: bool) -> tuple[str, str]:
        """The words that name what f measures, and a scope its own words give (a possessive, 'at Brightmart').
        The subject of the clause names it (Quarterly profit jumped 76%); an agent's verb and object name it when
        the subject is a company or a pronoun (The government will spend $18.4bn on infrastructure; made a pre-tax
        profit of); the words after the figure name it when nothing before does ($7.6bn will go to roads)."""
        if f.role in ("rate", "change", "points") and (self.up_noun_after.match(tail) or self.down_noun_after.match(tail)):
            im = re.match(r"\A[\s-]*\w+\s+in\s+(?P<m>[^,;{0}]+?)(?=\s+(?:to|from|at|for|of)\b|[,;{0}]|\Z)".format(_PH), tail)
            if im:  # a 15% rise in half-year profit to £318m: the measure follows the rate
                words = self._content(im.group("m"), "")
                if words:
                    return " ".join(words[-6:]), self._scope_of(im.group("m"))
        z = _CAPS_HEADING.sub(" ", local)  # LABOUR MARKET (QUARTERLY CHANGE) Unemployment rose …: a heading
        z = re.sub(r"\s[–—-]\s[^–—]*?\s[–—-]\s", " ", z)  # an aside between dashes
        z = re.sub(r"^\s*(?:Among|Of|Out of|For|In)\s+[^,]{1,40},\s*(?=\S*\s*\Z)", " ", z)  # Among retailers, 41% …: a group
        z = re.sub(r"\([^()]*\)", " ", z)
        z = re.sub(r",\s+(?:the|a|an|its|their)\s+[^,{0}]{{1,40}},".format(_PH), " ", z)  # Exports to the US, the largest market,
        if after_figure:
            z = self.pair_and.sub(lambda m: re.sub(r"\s+and\s+", " ", m.group()), z)  # goods and services: one name
            z = re.split(r"[,;:]|\band\b", z)[-1]  # the words before belong to the figure before
        z = PLACEHOLDER.sub(" ", z)
        cm = self._cue_at(f, z)
        if cm is not None:
            z = z[:cm]
        z = self.compare.sub(" ", z)
        z = _ADVERBIAL.sub(" ", z)
        z = _PERIOD.sub(" ", z)
        z = re.sub(r"\b(?:(?:the|its|their)\s+)?(?:(?:first|last|past|next|previous)\s+)?(?:one|two|three|four|five|six|"
                   r"seven|eight|nine|ten|twelve|\d+)\s+(?:years?|months?|quarters?|weeks?|days?)\b", " ", z, flags=re.I)
        rm = None
        for rm in self.reporting.finditer(z):
            pass
        scope = ""
        if rm is not None:
            scope = self._scope_of(z[:rm.start()], True)
            z = z[rm.end():]
        subject, verb, pred = self._split_verb(z)
        self.raw[f.index] = subject
        scope = self._scope_of(subject, True) or scope
        content = self._content(subject, scope)
        if content and not self._agent(content, subject, scope):
            if verb and verb.lower() in self.light_verbs and re.search(r"\bof\s*\Z", local):
                obj = self._content(pred, scope)
                if obj:  # the euro area recorded a surplus of …: the area's surplus
                    return " ".join((content + obj)[-6:]), scope
            return " ".join(content[-6:]), scope
        if verb:
            words = self._content(pred, scope)
            lemma = self.lemma.get(verb.lower(), "")
            if verb.lower() in self.light_verbs or not lemma and verb.lower() in self.stop:
                if words:
                    return " ".join(words[-6:]), scope
            else:
                obj = self._tail_words(tail) if not words else words
                return " ".join(([lemma or verb.lower()] + obj)[:6]), scope
        if f.role in ("level", "change", "share", "base"):
            words = self._tail_words(tail)
            if words:
                f.cues.append("measure-after")
                return " ".join(words), scope
        return "", scope

    def _content(self, z: str, scope: str) -> list[str]:
        sw = scope_words(scope) if scope else set()
        return [w for w in _WORDS.findall(z) if w.lower() not in self.stop and w.lower() not in self.period_words
                and not w[0].isdigit() and w not in sw and w.lower() not in self.cue_words and w.lower() not in
                self.number_words and not w.endswith(("'s", "’s", "'", "’"))]

    def _content_keep(self, z: str) -> list[str]:
        """Content words with their prepositions (Exports to the United States -> Exports to United States)."""
        preps = {"to", "from", "in", "at", "for", "of", "by", "on", "with"}
        return [w for w in _WORDS.findall(z) if w.lower() in preps or (w.lower() not in self.stop and not w[0].isdigit())]

    def _agent(self, content: list[str], subject: str, scope: str) -> bool:
        """A subject that names who acts, not what is measured (The government, Calder, It)."""
        if self.anaphora.fullmatch(subject.strip()) or not content:
            return True
        return all(w.lower() in self.agents for w in content)

    def _split_verb(self, z: str) -> tuple[str, str, str]:
        m = self.verb.search(z)
        if m is None:
            return z, "", ""
        return z[:m.start()], m.group("v"), z[m.end():]

    def _tail_words(self, tail: str) -> list[str]:
        tw = re.split(r"[,;:.(]|\s(?:and|while|but|compared|up|down|from|a year|than)\b", tail.lstrip(" ,"), maxsplit=1)[0]
        tw = re.sub(r"\A\s*(?:of|in|on|for|worth|to)\s+", " ", tw)
        tw = re.sub(r"\A\s*(?:will|would|were|was|are|is)\s+(?:go|went|be|been)?\s*(?:to|on|for|in)?\s+", " ", tw)
        words = _WORDS.findall(tw)[:6]
        keep = {"more", "fewer", "less", "higher", "lower", "same"}  # 9 recorded more starts and 5 fewer
        return [w for w in words if (w.lower() in keep or w.lower() not in self.stop) and w.lower() not in
                self.period_words and not w[0].isdigit() and w.lower() not in self.number_words
                and w.lower() not in self.generic]

    def _cue_at(self, f: Fact, z: str) -> int | None:
        """Where the words that gave f its role start in z (the measure stands before them)."""
        pats = {"rate": (self.up_end, self.down_end, self.up_noun_end, self.down_noun_end, self.up_by_pct,
                         self.down_by_pct, self.cagr_end),
                "cagr": (self.cagr_end, self.up_end, self.down_end),
                "points": (self.up_end, self.down_end, self.up_noun_end, self.down_noun_end, self.up_by_pct,
                           self.down_by_pct),
                "change": (self.up_noun_end, self.down_noun_end, self.up_by_end, self.down_by_end, self.up_end,
                           self.down_end),
                "prior": (self.prior_end,), "level": (self.level_end,), "share": (self.share_end,),
                "multiple": ()}.get(f.role, ())
        for pat in pats:
            m = pat.search(z)
            if m:
                k = m.start("cue") if "cue" in pat.groupindex else m.start()
                if f.role in ("rate", "cagr", "change", "points"):
                    # 'rose by an average of': the whole verb phrase goes
                    vm = re.search(r"\b(?:has|have|had|will|would|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?\Z", z[:k])
                    if vm:
                        k = vm.start()
                return k
        return None

    def _tail_next_is_group(self, tail: str) -> bool:
        return False

    def _scope_of(self, z: str, lead: bool = False) -> str:
        """A scope named in the words before a figure: a possessive (Copperhill's mines), 'at X', 'in X', or a
        name that opens them."""
        pm = None
        for pm in _POSSESSIVE.finditer(z):
            pass
        if pm is not None and (self._is_name(pm.group("name")) or not _common(pm.group("name").split()[0])):
            return _norm_scope(pm.group("name"))
        am = re.search(r"\b(?:at|in)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&.\-]*\s*){1,4}(?:(?:province|state|county|region|"
                       r"city|district|area|island|islands)\b)?)", z)
        if am and self._is_name(am.group("name").split()[0]) and not re.match(_MONTH_RE, am.group("name")):
            return _norm_scope(am.group("name"))
        if lead:
            pm2 = _PROPER.match(z.strip())
            if pm2 and self._is_name(pm2.group().strip()):
                return _norm_scope(pm2.group())
        return ""

    def _is_name(self, name: str) -> bool:
        words = [w for w in name.split() if w not in ("province", "state", "county", "region", "city", "district", "area")]
        if not words or words[0].lower() in self.stop or _common(words[0]):
            return False
        if len(words) >= 2:
            return True
        # one capitalised word: a name when the text writes it capitalised where a sentence does not start
        return words[0].strip(".,'’") in self.names

    def key(self, measure: str) -> str:
        words = [self.lemma.get(w) or _stem(w) for w in _WORDS.findall(measure.lower())]
        words = [w for w in words if w not in self.stop and w not in self.generic and w not in self.period_words
                 and not w[0].isdigit()]
        return " ".join(words)

    def name_key(self, name: str) -> tuple[str, str]:
        """A measure named in the text (a share's base, 'the province's budget') as (scope, key)."""
        name = PLACEHOLDER.sub(" ", name)
        scope = ""
        pm = _POSSESSIVE.search(name)
        if pm:
            scope = _norm_scope(pm.group("name"))
            name = name[:pm.start()] + name[pm.end():]
        k = self.key(name)
        return scope, k

    def _additive(self, q: Quantity, f: Fact, local: str, tail: str) -> bool:
        if q.type != "amount":
            return False
        if self.per_after.match(tail):
            return False  # 85 pence a share, $60 a barrel: a price
        own = re.split(r"[,;(]", local)[-1][-40:]  # (', or 78 cents per share, from $6.38bn': the per is the aside's)
        if self.non_additive.search(f.measure) or re.search(r"\baverage\b|\bmedian\b|\bper\b", own, re.I):
            return False
        return True

    # -- groups within a clause ----------------------------------------------------------------------------
    def _group(self, facts: list[Fact]) -> None:
        """The figures of a clause that share a subject: a new group starts at a figure with subject words of its
        own, once the group holds a level (or a figure of the same role)."""
        groups: list[list[Fact]] = []
        cur: list[Fact] = []
        self.facts_so_far = facts
        for f in facts:
            if cur and (f.clause != cur[-1].clause or self._starts_group(f, cur)):
                groups.append(cur)
                cur = []
            cur.append(f)
        if cur:
            groups.append(cur)
        for g in groups:
            self._link_group(g)
        self._pronoun_subjects(groups)

    def _change_rates(self, facts: list[Fact], own: bool = False) -> None:
        """'Revenues were $342 billion (or 10 percent) higher', 'rose by $372 billion (or 7 percent)': a percentage
        in brackets with 'or' right after a change is that change's rate, whatever the words after it."""
        for a, b in zip(facts, facts[1:]):
            if a.role != "change" or not a.sign or b.q.type != "percent" or b.role not in ("share", "level", "other", "rate"):
                continue
            between = self.t[self.qpos[a.index] + 1:self.qpos[b.index]]
            paired = "signed" in a.cues and "signed" in b.cues and re.fullmatch(r"\s*;\s*", between)
            if a.sentence != b.sentence or (b.subject is not None and not paired) or b.base:
                continue
            if own != (b.role == "rate"):
                continue  # a rate of its own is paired first, before a continuation takes it; a bracket after
            if b.role == "rate":
                # (+43,000; +0.7%); down 476 – a decrease of 3.3%: a rate stated as the change's own
                if b.sign != a.sign or not re.fullmatch(r"\s*;\s*|\s*[–—-]\s*(?:an?\s+)?(?:\w+\s+)?(?:increase|rise|gain|jump|"
                                                        r"decrease|decline|drop|fall|reduction)\s+of\s+", between):
                    continue
            elif not re.fullmatch(r"\s*\(\s*(?:or\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?", between):
                continue  # (or 10 percent), and a bare bracket: 'higher by 16.37 million tonnes (6.37 per cent)'
            elif "or" not in between and not re.match(r"\s*\)", self.t[self.qpos[b.index] + 1:]):
                continue
            b.role, b.sign, b.subject, b.paren = "rate", a.sign, a.subject, False
            b.measure, b.key = a.measure, a.key
            b.cues.append("rate-of-change")

    def _shared_nouns(self, facts: list[Fact]) -> None:
        """'with 1,300 and 900 trucks': the noun after the last figure of a pair counts the first one too."""
        for a, b in zip(facts, facts[1:]):
            if a.noun or not b.noun or a.q.type != "amount" or not _same_dim(a.q, b.q) or a.sentence != b.sentence:
                continue
            if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", self.t[self.qpos[a.index] + 1:self.qpos[b.index]]):
                a.noun = b.noun
                if not a.measure or "measure-after" in a.cues:
                    a.measure, a.key = b.measure, b.key
                    a.cues.append("measure-after")

    def _pronoun_subjects(self, groups: list[list[Fact]]) -> None:
        """'In May it rose 0.3 points to 2.9%': a group whose subject is a pronoun and whose verb is a change
        measures what the sentence before measured (the first figure there of the same kind)."""
        for g in groups:
            if any(f.measure for f in g):
                continue
            first = g[0]
            p = self.qpos[first.index]
            lead = self.t[max(self.clause_starts[first.clause], p - ZONE):p]
            if not re.search(r"(?:^|[\s,])(?:it|they|this|that)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?"
                             rf"(?:{_w(self.lex.words('up') + self.lex.words('down'))})\b", lead, re.I):
                continue
            level = next((f for f in g if f.role == "level"), first)
            prev = [h for h in self.facts_so_far if first.sentence - 2 <= h.sentence < first.sentence and h.measure
                    and h.q.type == level.q.type and h.role in ("level", "share")]
            if not prev:
                continue
            src = prev[0] if prev[0].sentence == prev[-1].sentence else [h for h in prev if h.sentence == prev[-1].sentence][0]
            for f in g:
                f.measure, f.key = src.measure, src.key
                f.scope = f.scope or src.scope
                f.cues.append("pronoun")

    def _starts_group(self, f: Fact, cur: list[Fact]) -> bool:
        if f.paren or f.role in ("prior",) or ("to" in f.cues and not f.own_measure):
            return False
        if "to" in f.cues and cur[-1].role in ("rate", "change") and (
                self.up_noun_after.match(self.t[self.qpos[cur[-1].index] + 1:]) or
                self.down_noun_after.match(self.t[self.qpos[cur[-1].index] + 1:])):
            return False  # a 15% rise in half-year profit to £318m
        if "premium" in f.cues:
            return False
        p = self.qpos[f.index]
        prev = self.qpos[cur[-1].index]
        between = self.t[prev + 1:p]
        if "to" in f.cues and any(g.role in ("rate", "change", "points") for g in cur) and not self.verb.search(
                PLACEHOLDER.sub(" ", between)):
            return False  # grew at a 2.4% annual rate in the fourth quarter to $52.3bn: no new verb, one statement
        if re.fullmatch(r"[\s,]*(?:or|and|an?|up|down|compared|which|representing|equivalent|accounting|"
                        r"(?:an?\s+)?(?:increase|rise|gain|drop|fall|decline|decrease|reduction|cut|jump)\s+of|"
                        r"taking|bringing|giving|marking|indicating|showing|reflecting|signalling|signaling|"
                        r"to|at|of|by|from|[\s,])*(?:\s\S+)?\s*", between, re.I) and \
                not re.search(r"[A-Za-z]{3,}\s+(?:was|were|is|are|rose|fell|grew|won|took|had)\b", between):
            return False
        if not f.own_measure:
            return False
        return any(g.role in ("level", "rate", "change", "share") for g in cur)

    def _link_group(self, g: list[Fact]) -> None:
        levels = [f for f in g if f.role == "level" and not f.paren]
        to_levels = [f for f in levels if "to" in f.cues]
        level = to_levels[-1] if to_levels else (levels[0] if levels else None)
        priors = [f for f in g if f.role == "prior" and not f.paren]
        if level is None:
            shares = [f for f in g if f.role == "share" and f.q.type == "percent" and not f.paren]
            if shares and any(f.role in ("prior", "points") for f in g):
                level = shares[0]  # It took 38.4% of the vote, up 4.2 points from 34.2%
        if level is None:
            rates = [f for f in g if f.role == "rate" and f.q.type == "percent"]
            if rates and priors and priors[-1].q.type == "percent" and len(rates) == 1:
                level = rates[0]  # inflation rose 2.7% ..., down from 3.1%: the rate is the level of a rate
                level.role, level.cues, level.sign = "level", level.cues + ["rate-level"], 0
        if level is None:
            return
        # 'an increase of 150, or 6%': a percentage after a change is its rate, not a share
        for a, b in zip(g, g[1:]):
            if a.role == "change" and b.role == "share" and b.q.type == "percent" and "or" in b.cues:
                b.role, b.sign = "rate", a.sign
        # the direction the verb gives a level (climbed to 48,350 from 43,950)
        if ("to" in level.cues or priors) and not level.sign:
            signs = [f.sign for f in g if f.role in ("rate", "change", "points") and f.sign]
            start = self.qpos[g[0].index]
            c0 = max(self.clause_starts[level.clause], start - ZONE)
            lead = self.t[c0:max(self.qpos[level.index], self.qpos[g[-1].index])][:2 * ZONE]
            lead = lead[:max(0, start - c0)] + PLACEHOLDER.sub(" ", lead[max(0, start - c0):])
            if signs:
                level.sign = signs[0]
            elif any("up from" in " ".join(p.cues) for p in priors) or re.search(r"\bup\s+from\b", lead, re.I):
                level.sign = 1
            elif any("down from" in " ".join(p.cues) for p in priors) or re.search(r"\bdown\s+from\b", lead, re.I):
                level.sign = -1
            else:
                level.sign = self._direction(lead)
        # the group's measure: the subject words of its first figure (not words found after a figure)
        own = [f for f in g if f.measure and "measure-after" not in f.cues and not f.paren]
        first = own[0] if own else (level if level.measure else None)
        if first is not None and first is not level and (not level.measure or "measure-after" in level.cues
                                                          or first.index < level.index):
            level.measure, level.key = first.measure, first.key
            level.scope = first.scope or level.scope
            level.own_measure = True
        for f in g:
            if f is level or f.paren:
                continue
            if f.role == "level" and f is not level:
                if "to" in level.cues and not f.own_measure and not level.own_measure:
                    pass
                continue
            if f.role == "multiple" and f.base_q is None and not f.base and priors:
                f.cues.append("prior-base")  # rose 2.5 times to 7,000 from 2,000; tripled to $1.26bn from $420m
            if f.role in ("prior", "change", "rate", "points", "cagr", "multiple", "share"):
                if f.role == "share" and (f.index < level.index or f.own_measure or not self._share_of(level, f)):
                    continue  # a share takes the level before it only when nothing but its cue stands between
                if f.role == "prior" and f.scope != level.scope and f.scope and "than-named" not in f.cues and f.cues and f.cues[0] in (
                        "compared with", "compared to", "against", "versus", "vs", "vs.", "than"):
                    f.role = "other"  # compared with 12.1% in Germany: another body, not an earlier level
                    continue
                if f.role in ("change", "prior") and not _same_dim(f.q, level.q):
                    continue
                f.subject = level.index
                if not f.own_measure or f.role in ("prior", "change", "rate", "points", "cagr", "multiple"):
                    f.measure, f.key = level.measure, level.key
                    f.scope = level.scope or f.scope
                if f.role == "prior" and f.period_explicit is False and level.period_explicit:
                    f.period = Period(None, "")
                if f.role in ("change", "rate", "points", "cagr", "multiple"):
                    if level.period_explicit and not f.period_explicit:
                        f.period = level.period  # rose 1.1 points to 6.2% in the second quarter
                    if not f.compare:
                        f.compare = next((h.compare for h in g if h.compare), "")
                    f.compare_period = self._compare_period(f)
                    if (f.compare_period is None and not f.compare and f.role in ("rate", "change")
                            and level.period_explicit and level.period.year and level.period.year < NOW - 100
                            and level.period.span in ("", "Y") and not priors):
                        # In 2023 ferry trips rose 8% to 45,400: against the year before, as the text dates it
                        f.compare_period = Period(level.period.year - 1, level.period.span)
                        f.cues.append("implied-year")
        if level.q.type == "percent" and level.role == "level":
            # a share the group states as a level (narrow to 3.1% of GDP): its base is named after it
            pass
        # a fraction with its figure in apposition (one in five, 9,700, were ...; two-thirds of X, 212 of the 318)
        for i, f in enumerate(g):
            if f.role == "share" and f.q.type == "percent" and i + 1 < len(g):
                nxt = g[i + 1]
                between = self.t[self.qpos[f.index] + 1:self.qpos[nxt.index]]
                if nxt.q.type == "amount" and re.fullmatch(r"[^,;]{0,40},\s*", between):
                    f.subject = nxt.index
                    nxt.role = "level"

    def _direction(self, text: str) -> int:
        """The direction the last change word of a clause gives (fell from 7.3% to 6.9%; cut its stake from 75% to
        60%; increased from £79.60 to £105.45), 0 when it names none or names both."""
        best, sign = -1, 0
        for name, sg in (("up", 1), ("down", -1), ("up_by", 1), ("down_by", -1)):  # verbs: 'growth' names a measure
            for m in re.finditer(rf"\b(?:{_w(self.lex.words(name))})\b", text, re.I):
                if m.group().lower() in ("up", "down") and re.match(r"\s+(?:to|from)\b", text[m.end():]):
                    pass
                if m.start() > best:
                    best, sign = m.start(), sg
        if best < 0:
            return 0
        # the change word must govern the from/to pair: nothing but its object stands between them (not 'The
        # February gain was revised to 1,510 from 1,170', where another verb governs)
        rest = text[best:]
        rest = rest[:rest.find(" from ")] if " from " in rest else rest
        rest = re.sub(r",\s*or\s+[^,;]{0,40},", " ", rest)  # climbed to $6.56bn, or 78 cents a share, from …
        if re.search(r"[,;:]|\b(?:while|but|and|after|before|which|that|who)\b", rest):
            return 0
        if self.verb.search(rest[len(re.match(r"\S*", rest).group()):]):
            return 0
        return sign

    def _share_of(self, level: Fact, share: Fact) -> bool:
        """'$1.34bn, or 41% of revenue' / '$41bn - or 40% of the total' / '9,700 (21%)': only the share's cue
        stands between a level and the share that qualifies it."""
        between = self.t[self.qpos[level.index] + 1:self.qpos[share.index]]
        return bool(re.fullmatch(r"(?:\s+[a-z]+){0,2}[\s,(–—-]*(?:(?:or|which\s+is|which\s+was|(?:which|that)\s+"
                                 r"(?:accounts?|accounted)\s+for|(?:which|that)\s+(?:represents?|represented|makes?\s+up|"
                                 r"made\s+up)|representing|accounting\s+for|equal\s+to|equivalent\s+to|"
                                 r"some|about|around|nearly|almost|roughly|just|over|under|more\s+than|less\s+than|"
                                 r"close\s+to|a|an)\s+)*", between, re.I))

    def _across(self, facts: list[Fact]) -> None:
        """Links a phrase makes across figures: 'X of the Y' (a part and its whole), 'k times the Y' (a multiple and
        its base), a share whose part and base follow it ('Turnout was 71.2%, with 2.46 million of the 3.45 million
        registered voters'), and a group with no level of its own that continues a level stated just before."""
        t = self.t
        by_pos = sorted(facts, key=lambda f: self.qpos[f.index])
        for a, b in zip(by_pos, by_pos[1:]):
            between = t[self.qpos[a.index] + 1:self.qpos[b.index]]
            if a.sentence != b.sentence:
                continue
            if a.q.type == "multiple" and self.times_the.fullmatch(between) and b.q.type == "amount":
                b.role, b.cues = "base", b.cues + ["times-the"]
                a.base_q = b.index
                a.cues.append("inline-base")
                continue
            if ((a.q.type == "amount" and b.q.type == "amount") or (a.q.type == "percent" and b.q.type == "amount")) \
                    and self.of_the_figure.fullmatch(between):
                # 212 of the 318 surveyed; 41% of the 1,200 firms: the second figure is the whole
                b.role, b.cues = "base", b.cues + ["of-the"]
                a.base_q = b.index
                if a.role == "share" or a.q.type == "percent":
                    a.role = "share"
                    # 40% of the city's $5.5bn budget, or $2.2bn: the part follows
                    nxt = next((g for g in by_pos if self.qpos[g.index] > self.qpos[b.index]), None)
                    if nxt is not None and nxt.sentence == a.sentence and nxt.q.type == "amount" and re.fullmatch(
                            r"[^,;]{0,40},\s*(?:or|about|around|some|roughly|nearly|almost)?\s*",
                            t[self.qpos[b.index] + 1:self.qpos[nxt.index]]):
                        a.subject = nxt.index
                        nxt.role = "level"
                else:
                    a.cues.append("part-of")
        for f in facts:
            if f.q.type == "multiple" and f.base_q is None:
                p = self.qpos[f.index]
                after = t[p + 1:p + 80]
                nm = self.times_named.match(after) or self.times_as.match(after)
                if nm:
                    f.base = nm.group("base").strip()
                elif re.search(r"\b(?:doubled|tripled|trebled|quadrupled|halved)\b", f.q.text, re.I):
                    f.cues.append("prior-base")
        by_index = {f.index: f for f in facts}
        for a, b in zip(by_pos, by_pos[1:]):
            # About 2,000 of the 9,000 contract workers, or nearly a quarter, are part-time
            if b.q.type == "percent" and b.role == "share" and b.subject is None and a.role == "base" and b.sentence == a.sentence:
                part = next((g for g in by_pos if g.base_q == a.index and "part-of" in g.cues), None)
                if part is not None and re.fullmatch(r"[^,;{0}]{{0,40}},\s*or\s+(?:\w+\s+)?".format(_PH),
                                                     t[self.qpos[a.index] + 1:self.qpos[b.index]]):
                    b.subject, b.base_q = part.index, a.index
        for f in facts:
            if f.role == "share" and f.base_q is None and f.subject in by_index and by_index[f.subject].base_q is not None:
                f.base_q = by_index[f.subject].base_q  # two-thirds of farmers, 330 of the 495 surveyed
        # a share figure followed by 'X of the Y' with nothing else said: Y is its base, X its part
        for f in facts:
            if f.q.type != "percent" or f.role not in ("level", "share") or f.subject is not None:
                continue
            parts = [g for g in facts if g.sentence == f.sentence and g.index > f.index and "part-of" in g.cues
                     and g.base_q is not None]
            others = [g for g in facts if g.sentence == f.sentence and g.index > f.index and g.q.type == "percent"]
            if len(parts) == 1 and not others:
                between = t[self.qpos[f.index] + 1:self.qpos[parts[0].index]]
                if re.fullmatch(r"\s*,?\s*(?:with|or|as|after|:|–|—|-)\s*(?:some|about|around|nearly|almost|just|only)?\s*", between):
                    f.role = "share"
                    f.subject = parts[0].index
                    f.base_q = parts[0].base_q
        # 'X, or p% of the total': a generic base is the whole the part belongs to
        for f in facts:
            if f.role == "share" and f.base:
                continue
        self._participle_shares(facts)
        self._generic_bases(facts)
        self._continuations(facts)
        parts = {h.subject for h in facts if h.role == "share"}
        for f in facts:
            # Approvals totalled 61,300 in March, …, and almost one in three, 18,900, were for remortgaging
            if f.role != "share" or f.base or f.base_q is not None or f.subject not in by_index:
                continue
            part = by_index[f.subject]
            if part.index < f.index:
                continue  # not a figure in apposition after the share
            lead = [g for g in in_sentences(facts, f.sentence, f.sentence) if g.index < f.index and g.role == "level"
                    and not g.paren and _same_dim(g.q, part.q) and g.index != part.index and g.index not in parts]
            if lead:
                f.base_q = lead[0].index
                f.cues.append("sentence-base")

    def _participle_shares(self, facts: list[Fact]) -> None:
        """'Some 1,846 deaths were due to Covid-19, the CSO stated, accounting for 19.3pc of deaths': a share in a
        participle clause is the share of the figure just before it in its sentence."""
        for a, b in zip(facts, facts[1:]):
            if b.role != "share" or b.subject is not None or a.sentence != b.sentence or a.role != "level":
                continue
            if a.q.type != "amount" or a.paren or b.q.type != "percent":
                continue
            lead = self.t[self.qpos[a.index] + 1:self.qpos[b.index]]
            if re.search(r",\s*(?:accounting\s+for|representing|making\s+up|comprising)" + self.qual + r"\s*\Z", lead, re.I):
                b.subject = a.index
                b.cues.append("participle")

    def _generic_bases(self, facts: list[Fact]) -> None:
        by_index = {f.index: f for f in facts}
        for f in facts:
            if f.role != "share" or f.base_q is not None:
                continue
            p = self.qpos[f.index]
            after = self.t[p + 1:p + 90]
            if "or" in f.cues and re.match(r"\A\s*\)\s+of\s", after):
                after = after[after.index(")") + 1:]  # 4,759 (or 49.8pc) of deaths: the base follows the bracket
            om = self.of_after.match(after)
            if not om:
                continue
            base = om.group("base").strip()
            if PLACEHOLDER.search(base):
                continue
            if self.key(base) == "":
                part = by_index.get(f.subject) if f.subject is not None else None
                whole = self._whole_before(facts, f, part)
                if whole is not None:
                    f.base_q = whole.index  # a third of the total: the whole broken down just before
                    f.cues.append("whole-base")
                    continue
                raw = self.raw.get(part.index if part is not None else f.index, "")
                head = _head(" ".join(self._content_keep(raw))) or _head(part.measure if part is not None else f.measure)
                f.base = head
                f.cues.append("generic-base")
            else:
                f.base = base

    def _whole_before(self, facts: list[Fact], f: Fact, part: Fact | None) -> Fact | None:
        """The latest level in the sentences just before whose breakdown follows it ('$18.4bn … Of this amount, …')."""
        norm = self.norm
        sents = sentence_numbers(facts)  # text order: a window by binary search keeps this linear
        lo, hi = bisect.bisect_left(sents, f.sentence - 3), bisect.bisect_right(sents, f.sentence)
        for k in range(hi - 1, lo - 1, -1):
            g = facts[k]
            if g.index >= f.index:
                continue
            if g.role != "level" or g.paren or (part is not None and (g.index == part.index or not _same_dim(g.q, part.q))):
                continue
            nxt = facts[k + 1] if k + 1 < len(facts) else None
            gap = norm[g.q.end:nxt.q.start if nxt is not None else g.q.end + 80]
            after = re.split(r"(?<=[.!?])\s+", gap, maxsplit=1)
            if self.lex.marker("breakdown").search(gap) or (len(after) > 1 and self.lex.marker("breakdown_back").search(after[1])):
                return g
        return None

    def _continuations(self, facts: list[Fact]) -> None:
        """A group with no level of its own (Health spending has grown by an average of 6.2% a year since 2018-19,
        when it was C$10.5bn) belongs to the latest level of the same measure in the two sentences before."""
        generic = {"rate", "annual", "figure", "level", "total", "number", "it", "measure", "index", "inflation"}
        for f in facts:
            if f.subject is not None or f.role not in ("cagr", "rate", "change", "points", "prior", "multiple"):
                continue
            if "real" in f.cues:
                continue  # a real rate never belongs to nominal levels
            same = [g for g in facts if g.sentence == f.sentence and g.role == "level" and not g.paren
                    and g.index < f.index]
            if same:
                # 'down from 3.1%, as the annual rate eased by 0.4 points': the rate just stated
                want = [g for g in same if (g.q.type == "percent") == (f.role == "points" or f.q.type == "points")]
                if f.role in ("cagr", "multiple"):
                    # 'rose 31% to $6.84bn, and has grown by 27% a year since fiscal 2020'; '…, and nearly doubled'
                    want = [g for g in same if g.q.type != "percent"]
                if want and (set(f.key.split()) <= generic or (f.key and f.key == want[-1].key)) and f.role in (
                        "points", "change", "rate", "cagr", "multiple"):
                    f.subject = want[-1].index
                    f.measure, f.key = want[-1].measure, want[-1].key
                    f.cues.append("continues")
                    if f.role == "multiple" and f.base_q is None and not f.base:
                        f.cues.append("prior-base")
                continue
            if any(g.sentence == f.sentence and g.role == "level" and not g.paren for g in facts):
                continue
            anaphoric = bool(self.anaphora.match(self.t[self.sent_starts[f.sentence]:self.sent_starts[f.sentence] + 30]))
            cands = [g for g in facts if g.role == "level" and not g.paren and f.sentence - 2 <= g.sentence < f.sentence
                     and (g.q.type == "amount" if f.role in ("cagr", "rate") and f.q.type == "percent" else True)]
            if not cands:
                continue
            if f.key:
                cands = [g for g in cands if g.key and (g.key == f.key or set(f.key.split()) <= set(g.key.split()))]
            elif not anaphoric:
                continue
            if f.scope and not (anaphoric and not f.key):  # 'This is 7.4 percent above …' carries the scope before
                cands = [g for g in cands if not g.scope or g.scope == f.scope]
            if not cands:
                continue
            level = cands[-1]
            if f.role == "prior" and not _same_dim(f.q, level.q):
                continue
            if f.role == "change" and not _same_dim(f.q, level.q):
                continue
            f.subject = level.index
            f.cues.append("continues")
            f.measure, f.key = level.measure, level.key
            f.scope = f.scope or level.scope
        # the prior of a continued group is the prior of that level too
        by_index = {f.index: f for f in facts}
        for f in facts:
            if f.role == "prior" and f.subject is None:
                mates = [g for g in facts if g.sentence == f.sentence and g.subject is not None and "continues" in g.cues]
                if mates:
                    level = by_index[mates[-1].subject]
                    if _same_dim(f.q, level.q):
                        f.subject = level.index
                        f.measure, f.key, f.scope = level.measure, level.key, f.scope or level.scope
                        f.additive = level.additive  # 'the December rate of' names the same annual-rate level


def _same_dim(a: Quantity, b: Quantity) -> bool:
    return a.type == b.type and a.unit == b.unit


def _strip_compare(text: str) -> str:
    """Comparison phrases name the period compared with, not the figure's own (a year earlier)."""
    return re.sub(r"\b(?:a year (?:earlier|ago|before)|the (?:previous|prior|same) (?:year|period|quarter|month)"
                  r"(?: last year| a year earlier)?|since\s+(?:fiscal\s+)?(?:19|20)\d\d(?:[-/]\d\d)?|"
                  r"(?:compared (?:with|to)|from|than|against|since|when)\b[^,;]*)", " ", text, flags=re.I)


def _cut_at_verb(z: str, cue_words: set[str]) -> str:
    """The subject of a clause: the words before its verb (Quarterly profit | jumped 76%; Revenue | was up 9%)."""
    m = re.search(r"\b(?:was|were|is|are|has|have|had|will|would|could|should|may|might|rose|fell|grew|jumped|"
                  r"climbed|dropped|declined|increased|decreased|slipped|slumped|soared|surged|totalled|totaled|"
                  r"reached|stood|amounted|came|made|brought|took|won|accounted|represented|leaves|left|"
                  r"comprised|hit|topped|gained|lost|added|cut|raised|reported|posted|saw|earned|paid|raised|spent|"
                  r"invested|produced|sold|bought|received|generated|expects|expected|plans|agreed|"
                  r"up|down|of|at|to|from|by|on|against|compared|than|with)\b", z, re.I)
    if m and m.start() > 0 and z[:m.start()].strip():
        head = z[:m.start()]
        if m.group().lower() in ("of", "at", "to", "from", "by", "on", "with") and len(_WORDS.findall(head)) <= 1:
            # 'revenue of $3bn' / 'a profit of' keep their noun; 'shares in Calder' keeps its noun
            return head
        return head
    # no subject before the verb: the object after the last verb names the figure (made a pre-tax profit of)
    vm = None
    for vm in re.finditer(r"\b(?:made|posted|reported|recorded|earned|paid|spent|invested|raised|produced|sold|"
                          r"received|generated|saw|had|leaves|left|booked|delivered|achieved|announced|won|took|"
                          r"brought in|took in)\b", z, re.I):
        pass
    if vm is not None:
        obj = z[vm.end():]
        obj = re.sub(r"\s(?:of|at|to|by|from|worth|totalling|totaling|amounting to)\s*\Z", "", obj, flags=re.I)
        if re.search(r"[A-Za-z]{3,}", obj):
            return obj
        return vm.group()
    return re.sub(r"\s(?:of|at|to|by|from|worth)\s*\Z", "", z, flags=re.I)


def _head(measure: str) -> str:
    """The head of a measure before its qualifiers (Exports to the United States -> Exports; Online sales -> sales)."""
    words = measure.split()
    for i, w in enumerate(words):
        if w.lower() in ("to", "from", "in", "at", "for", "of", "by", "on", "with") and i:
            return " ".join(words[:i])
    return words[-1] if words else ""


_COMMON = {"the", "a", "an", "in", "on", "at", "for", "of", "its", "their", "his", "her", "this", "that", "these",
           "those", "it", "they", "we", "he", "she", "but", "and", "or", "so", "yet", "after", "before", "while",
           "when", "as", "since", "although", "however", "meanwhile", "shares", "sales", "profits", "profit",
           "revenue", "revenues", "prices", "total", "net", "pre-tax", "annual", "quarterly", "overall", "online",
           "store", "average", "consumer", "house", "mortgage", "vacancies", "exports", "imports", "spending",
           "health", "education", "earnings", "income", "turnout", "cargo", "passenger", "petrol", "food",
           "almost", "nearly", "about", "around", "some", "more", "less", "over", "under", "only", "just", "two",
           "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "one", "economic", "economists",
           "analysts", "investors", "government", "official", "officials", "figures", "data", "unemployment",
           "inflation", "growth", "output", "demand", "production", "manufacturing", "retail", "industrial",
           "first", "second", "third", "fourth", "last", "next", "previous", "new", "other", "among", "of", "by",
           "from", "with", "without", "during", "last", "quarterly", "fiscal", "spending", "rival", "chief",
           "mr", "mrs", "ms", "according", "despite", "including", "excluding", "compared", "under", "between",
           "both", "each", "every", "all", "most", "many", "much", "such", "if", "what", "how", "why", "where",
           "who", "which", "there", "here", "then", "now", "still", "also", "even", "already", "instead", "thus",
           "in", "out", "up", "down", "interest", "tax", "trade", "jobless", "retail", "sterling", "oil", "gold"}


def _common(word: str) -> bool:
    return word.lower().strip(",.") in _COMMON or bool(re.match(_MONTH_RE + r"\Z", word))


def _norm_scope(name: str) -> str:
    name = re.sub(r"^(?:The|the)\s+", "", name.strip())
    name = _CORP.sub("", name)
    return name.strip().lower()


def scope_words(scope: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z][\w&.\-]*", scope)} | {w.capitalize() for w in scope.split()} | set(scope.split()) | {
        w.upper() for w in scope.split()}


@register("en")
def read_en(doc: Document, quantities: list[Quantity], lex: Lexicon) -> FactSet:
    return EnReader(lex).read(doc, quantities)


_COMPARED_PAREN = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|from)\s+(?:the\s+same\s+\w+\s+(?:of|in|a)\s+)?"
                             r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{4}|last\s+year|a\s+year\s+(?:earlier|ago))\s*\(\s*\Z")
