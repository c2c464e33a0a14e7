"""Multiples: 是2013年312万人次的4.1倍, 是2018年的2.3倍, 由3.2万亩增至6.4万亩，翻了一番.

The level is the figure the multiple qualifies; the base is the figure inside the phrase (是…X的k倍), the figure
the phrase names by its measure or period (是2018年的: the same measure in 2018), or the level's prior (由A增至B，
翻了一番). level / base = k.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import describe, measure_match, same_dimension, window, wordy


def _prior_of(facts: list[Fact], level: Fact) -> Fact | None:
    ps = [f for f in facts if f.role == "prior" and f.subject == level.index]
    return ps[-1] if ps else None


_MORE_AFTER = re.compile(r"\s*(?:多|余|有余|以上|or more|and more)")


@frame("multiple")
def multiple(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    fs = ctx.facts
    facts = fs.facts
    out: list[Binding] = []
    for m in facts:
        if m.role != "multiple" or m.subject is None:
            continue
        level = fs.by_index.get(m.subject)
        if level is None or level.role != "level" or not (level.q.unit or (level.key and wordy(level.key))):
            continue  # 3.3倍光学变焦: a bare number's multiple is a product's name, not arithmetic
        base, how = None, ""
        if m.base_q is not None and m.base_q in fs.by_index:
            b = fs.by_index[m.base_q]
            base, how = b, f"base {b.q.text}, stated in the multiple's own phrase"
        elif "inline-base" in m.cues:
            prev = [f for f in window(facts, m.sentence, m.sentence) if f.index < m.index and f.role == "base"]
            if prev and same_dimension(prev[-1].q, level.q):
                base, how = prev[-1], f"base {prev[-1].q.text}, stated in the multiple's own phrase"
        elif m.base and lex.marker("period_name").fullmatch(m.base):
            p = _prior_of(facts, level)
            if p is not None:
                base, how = p, f"base {describe(p)}, the earlier level of the same measure"
        elif m.base:
            scope, key = fs.key_of(m.base)
            cands = [f for f in facts if f.index < m.index and f.role in ("level", "prior") and f.index != level.index
                     and same_dimension(f.q, level.q) and measure_match(key, f.key) >= 0.8
                     and f.sentence >= m.sentence - 3]
            if not key and scope:
                # 1.3 times Copperhill's: the same measure of the body the text names
                cands = [f for f in facts if f.index != level.index and f.role in ("level", "prior")
                         and f.scope == scope and same_dimension(f.q, level.q) and f.sentence >= m.sentence - 3
                         and f.index < m.index]
            if len(cands) > 1:
                cands = [f for f in cands if f.role == "level"] or cands  # the level, not its own earlier level
            if len(cands) == 1:
                base, how = cands[0], f"base {describe(cands[0])}, named in the text ('{m.base}')"
        elif "翻番" in m.cues or "prior-base" in m.cues:
            p = _prior_of(facts, level)
            if p is not None:
                base, how = p, f"from {p.q.text} to {level.q.text}"
        if base is None or not same_dimension(base.q, level.q):
            continue
        if m.q.qualifier.startswith("ambiguous"):
            how += f" ({m.q.qualifier})"  # increased threefold: 3 or 4 times the earlier level
        # 翻了一番多, more than tripled: a bound the figure does not carry itself; only agreement is reported
        more = bool(_MORE_AFTER.match(ctx.doc.norm, m.q.end)) and m.q.bound == "exact"
        out.append(Binding(slots={"level": level.q, "base": base.q, "multiple": m.q},
                           how=f"level {level.q.text}; {how}" + (" (the text says more than this)" if more else ""),
                           certain=not more))
    return out
