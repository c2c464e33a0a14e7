"""Facts: a quantity with its context — what it measures, where, when, and what part it plays (XBRL's concept,
entity, period and unit). Relations are found between facts, never between raw numbers.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right

from dataclasses import dataclass, field
from typing import Callable

from ..model import Quantity

# What part a figure plays in its sentence.
#   level     the amount of a measure (GDP 1210207亿元, 97人, an unemployment rate of 5.2%)
#   prior     the same measure's level at the period it is compared with (上年, from A to B's A, "a year earlier")
#   change    a signed difference (增加368万吨, "up 12,400")
#   rate      a relative change in percent (增长0.5%, "rose 2%"); cagr: an average annual rate (年均增长)
#   share     a part's share of a whole (占7.3%, "two-thirds of")
#   points    a difference of two rates (提高1.3个百分点); pull: a contribution to growth (拉动…1.0个百分点)
#   multiple  a ratio (是…的3倍)
#   count     how many items a phrase names (三大产业) — found by the count frame, not here
#   rank, name, calendar, approx, avg_rate: figures that take part in no arithmetic here
ROLES = ("level", "prior", "change", "rate", "cagr", "avg_rate", "share", "points", "pull", "multiple", "ratio",
         "rank", "name", "calendar", "approx", "other")


@dataclass(frozen=True)
class Period:
    """When a figure holds: a year and a span of it (Y whole year, H1, Q3, Q1-3, M8, M1-8, end, start, day)."""

    year: int | None = None
    span: str = ""

    def label(self) -> str:
        if self.year is None and not self.span:
            return ""
        return f"{self.year or '?'}{'' if self.span in ('', 'Y') else ' ' + self.span}"

    def known(self) -> bool:
        return self.year is not None or bool(self.span)


@dataclass
class Fact:
    q: Quantity
    role: str = "level"
    sign: int = 0  # +1 up, -1 down, 0 not a change or unknown
    measure: str = ""  # the words that name what is measured, as written (trimmed)
    key: str = ""  # the measure normalised for matching (scope, period and filler words removed)
    scope: str = ""  # 全省, 城镇, "the euro area"
    period: Period = field(default_factory=Period)
    compare: str = ""  # what a change/rate/points is against: 上年, 2015年, 全省平均, "a year earlier"
    compare_period: Period | None = None
    base: str = ""  # a share's base as named (占全省出口的 -> 全省出口)
    sentence: int = 0
    clause: int = 0
    own_measure: bool = False  # the measure words stand in the figure's own clause (not carried over)
    cues: list[str] = field(default_factory=list)  # the words that decided the role, for explanations
    additive: bool = True  # amounts and counts add up; averages, per-capita figures, prices, rates never do
    subject: int | None = None  # index of the level fact a change/rate/share/points belongs to
    paren: bool = False  # stands in brackets after another figure (a restatement or an aside)
    period_explicit: bool = False  # its own clause dates it (not only the sentence or context)
    noun: str = ""  # what a classifier counts, when the noun follows it (70只分红的基金 -> 基金)
    year_q: int | None = None  # index of the year figure that dates it (2016年 in 由2016年的6323元)
    base_q: int | None = None  # index of the figure a share or multiple is taken of, stated in its own phrase
    # ("41% of the 1,200 firms", "1.6 times the €4.7bn"), or the whole a part is said to be of ("212 of the 318")

    @property
    def index(self) -> int:
        return self.q.index

    def describe(self) -> str:
        bits = [self.role + ("+" if self.sign > 0 else "-" if self.sign < 0 else "")]
        if self.measure:
            bits.append(f"measure={self.measure}")
        if self.scope:
            bits.append(f"scope={self.scope}")
        if self.period.known():
            bits.append(f"period={self.period.label()}")
        if self.compare:
            bits.append(f"vs={self.compare}")
        if self.base:
            bits.append(f"base={self.base}")
        if not self.additive:
            bits.append("non-additive")
        return " ".join(bits)


def _plain(name: str) -> tuple[str, str]:
    return "", name


@dataclass
class FactSet:
    """Every figure of one document as a fact (furniture left out), in text order, with the sentence spans, and
    the language pack's way of turning a name in the text (a share's base) into a measure key."""

    facts: list[Fact]
    by_index: dict[int, Fact]
    sentences: list[tuple[int, int]]
    key_of: Callable[[str], tuple[str, str]] = _plain  # a name in the text -> (scope, measure key)
    counts: list = field(default_factory=list)  # counted lists (count phrase + the list it counts), see zh_lists
    count_in: Callable[[str], int | None] = lambda text: None  # a count of things stated in a stretch of text

    def sentence_of(self, f: Fact) -> list[Fact]:
        return self.in_sentences(f.sentence, f.sentence)

    def in_sentences(self, first: int, last: int) -> list[Fact]:
        """The facts of sentences first..last, in text order."""
        return in_sentences(self.facts, first, last)


_SENTENCES = threading.local()  # per thread (a library caller may check texts in threads): the last list seen


def sentence_numbers(facts: list[Fact]) -> list[int]:
    """The sentence of each fact of a list in text order, computed once per list."""
    cached = getattr(_SENTENCES, "pair", None)
    if cached is None or cached[0] is not facts or len(cached[1]) != len(facts):
        cached = (facts, [f.sentence for f in facts])
        _SENTENCES.pair = cached
    return cached[1]


def in_sentences(facts: list[Fact], first: int, last: int) -> list[Fact]:
    """The facts of sentences first..last, from a list in text order, by binary search: whatever looks only near
    each figure stays linear in the length of the text."""
    sents = sentence_numbers(facts)
    return facts[bisect_left(sents, first):bisect_right(sents, last)]
