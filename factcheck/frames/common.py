"""What frames share: comparing measures, units and periods of facts, and saying how a figure was bound."""

from __future__ import annotations

from functools import lru_cache

import re

from ..facts.model import Fact
from ..facts.model import in_sentences as window  # noqa: F401  (frames look near a figure)
from ..model import Quantity

_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=65536)
def wordy(text: str) -> bool:
    """Written in words separated by spaces (English), not in characters (Chinese)."""
    return bool(_LATIN.search(text)) and not _CJK.search(text)


def _norm_word(w: str) -> str:
    w = w.lower().strip("'’.,")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def tokens(key: str) -> list[str]:
    """The units a measure is compared in: words for English, characters for Chinese."""
    return list(_tokens(key))


@lru_cache(maxsize=65536)
def _tokens(key: str) -> tuple[str, ...]:
    if wordy(key):
        return tuple(_norm_word(w) for w in key.split())
    return tuple(c for c in key if not c.isspace())


@lru_cache(maxsize=65536)
def holds(text: str, word: str) -> bool:
    """Does the text hold the word (出口 in 机电产品出口; 'export' in 'Exports to Asia', not in 'exporters')? A word
    written 'a|b' is any of its spellings (rise|rose|growth)."""
    if "|" in word:
        return any(holds(text, w) for w in word.split("|") if w)
    if not wordy(word):
        return word in text
    want = _tokens(word)
    have = _tokens(re.sub(r"[^\w\s'’-]", " ", text))
    n = len(want)
    return any(have[i:i + n] == want for i in range(len(have) - n + 1))


def short_name(name: str) -> bool:
    """A bare name of a part (东区, 'the Greens'): a few characters, or a few words."""
    return bool(name) and (len(name.split()) <= 4 if wordy(name) else len(name) <= 8)


def same_dimension(a: Quantity, b: Quantity) -> bool:
    """Both in one unit (scale words aside): 亿元 and 万元 compare, 元 and 人 do not."""
    return a.type == b.type and _unit(a) == _unit(b)


def same_kind(a: Fact, b: Fact) -> bool:
    """One dimension, and where a classifier counts things, the same things (两个对手 and 10.5个篮板 do not compare)."""
    if not same_dimension(a.q, b.q):
        return False
    if wordy(a.noun + b.noun):
        an, bn = a.noun, b.noun  # English: whole words (truck, seat)
        return not (an and bn and an != bn and an not in bn and bn not in an)
    an, bn = a.noun[-2:], b.noun[-2:]
    return not (an and bn and an != bn and an not in b.noun and bn not in a.noun)


def other_measure(lex, a: Fact, b: Fact) -> bool:
    """Do the two figures measure different things by the lexicon's heads (工业总产值 vs 工业增加值, 利润 vs 营业收入)?
    Heads where one holds the other (收入, 营业收入) are one family."""
    def head(f: Fact) -> str:
        hits = [h for h in lex.words("measure_heads") if h in f.measure]
        return max(hits, key=len) if hits else ""
    ha, hb = head(a), head(b)
    return bool(ha and hb and ha not in hb and hb not in ha)


def _unit(q: Quantity) -> str:
    return _canonical_unit(q.unit)


@lru_cache(maxsize=4096)
def _canonical_unit(u: str) -> str:
    from ..extract.numbers import UNIT_FACTOR

    u = {"美元": "美元", "亿美元": "美元", "人次": "人次", "万人次": "人次"}.get(u, u)
    return UNIT_FACTOR.get(u, (u, 1.0))[0]


def chars(key: str) -> set[str]:
    return set(tokens(key))


def named_match(wanted: str, have: str, blocked=lambda w, h: False) -> float:
    """How well a name in the text (a share's base, 出让总面积) finds a figure's measure (土地出让总面积): the same
    words in any order, or the name held whole inside the measure (a shortening), unless the lexicon says the
    measure is a whole that holds the name as one of its parts (出口 never finds 进出口总值)."""
    if not wanted or not have:
        return 0.0
    if blocked(wanted, have):
        return 0.0
    if chars(wanted) == chars(have):
        return 1.0
    if wordy(wanted):
        if chars(wanted) < chars(have):
            return 0.85
    elif len(wanted) >= 2 and wanted in have:
        return 0.85
    return measure_match(wanted, have)


def measure_match(wanted: str, have: str) -> float:
    """How well a measure named in the text (a share's base, a compared figure) names another fact's measure:
    1.0 for the same words in any order (陶瓷出口 ~ 出口陶瓷), less when one holds words the other lacks. A word
    the candidate has and the name lacks costs more than the reverse: 进出口 is not 出口."""
    a, b = chars(wanted), chars(have)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    common = len(a & b)
    if not common:
        return 0.0
    extra_have = len(b - a)
    extra_want = len(a - b)
    return common / (common + 2 * extra_have + 0.5 * extra_want)


def describe(f: Fact) -> str:
    bits = []
    if f.period.known() and f.period.year:
        bits.append(f.period.label())
    if f.scope:
        bits.append(f.scope)
    if f.measure:
        bits.append(f.measure)
    return " ".join(bits + [f.q.text])


def between(ctx, a: Quantity, b: Quantity) -> str:
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return ctx.doc.norm[lo.end:hi.start]
