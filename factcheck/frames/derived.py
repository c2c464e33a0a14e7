"""Derived measures (lexicon: derived): 贸易顺差 = 出口 − 进口, 收支缺口 = 支出 − 收入.

The derived figure and its two sources must be levels of one dimension in the same sentence or the sentences
just before it, the sources named by the measure words alone (出口, not 机电产品出口 nor 进出口).
"""

from __future__ import annotations

from ..facts.model import Fact
from . import Binding, frame
from .common import describe, same_dimension


def _sources(facts: list[Fact], d: Fact, word: str, lex) -> list[tuple[str, Fact]]:
    """Levels before d (nearest first) whose measure holds the word, with the qualifier around it (一般公共预算收入 ->
    一般公共预算)."""
    out = []
    # before it (出口…进口…顺差), or after it in its sentence (the deficit widened to €4.6bn, as imports rose to …)
    near = [f for f in facts if f.index < d.index and f.sentence >= d.sentence - 4]
    near = list(reversed(near)) + [f for f in facts if f.index > d.index and f.sentence == d.sentence]
    for f in near:
        if f.role != "level" or f.paren or not same_dimension(f.q, d.q):
            continue
        m = f.key
        if word not in m or any(word != w and word in w and w in m for w in _longer(lex, word)):
            continue  # 进出口 holds 出口
        out.append((m.replace(word, "", 1), f))
    return out


def _pair(facts, d, spec, lex) -> tuple[Fact, Fact] | None:
    """The nearest two sources with the same qualifier (出口 and 进口; 一般公共预算收入 and 一般公共预算支出)."""
    for ra, a in _sources(facts, d, spec.sources[0], lex):
        for rb, b in _sources(facts, d, spec.sources[1], lex):
            if ra == rb and a.index != b.index and _one_body(a, b, d):
                return a, b
    return None


def _one_body(*fs: Fact) -> bool:
    """The figures belong to one body (a country's exports and imports, not one firm's and another's)."""
    return len({f.scope for f in fs if f.scope}) <= 1


def _longer(lex, word: str) -> set[str]:
    out = set()
    for p in lex.partitions:
        for w in p.parts + ([p.whole] if p.whole else []):
            if word in w and w != word:
                out.add(w)
    return out


@frame("derived")
def derived(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    facts = ctx.facts.facts
    out: list[Binding] = []
    for d in facts:
        if d.role != "level" or d.paren:
            continue
        for spec in lex.derived:
            if spec.name not in d.measure:
                continue
            pair = _pair(facts, d, spec, lex)
            if pair is None:
                continue
            a, b = pair
            out.append(Binding(slots={"a": a.q, "b": b.q, "derived": d.q},
                               how=f"{spec.name} = {spec.sources[0]} − {spec.sources[1]}: {describe(a)}, {describe(b)}",
                               tags={"derived"}, label=f"{spec.name}"))
    return out
