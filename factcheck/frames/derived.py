"""Derived measures (lexicon: derived): 贸易顺差 = 出口 − 进口, 收支缺口 = 支出 − 收入.

The derived figure and its two sources must be levels of one dimension in the same sentence or the sentences
just before it, the sources named by the measure words alone (出口, not 机电产品出口 nor 进出口).
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import describe, same_dimension, tokens, wordy


def _named_nearest(ctx, d: Fact, name: str) -> bool:
    """English: the nearest mention of the name's head before the figure is the name itself (the goods and services
    deficit reflected a decrease in the goods deficit of … to $75.1 billion: the figure is the goods deficit's)."""
    if not wordy(name):
        return True
    start = ctx.facts.sentences[d.sentence][0]
    text = ctx.doc.norm[start:d.q.start]
    head = name.split()[-1]
    at = text.lower().rfind(head)
    if at < 0:
        return True  # named by the reader from elsewhere (the sentence before): nothing nearer contradicts it
    near = set(tokens(text[max(0, at - len(name) - 12):at + len(head)]))
    return set(tokens(name)) <= near


_TO_FIGURE = re.compile(r"\s+(?:to|into)\s+[$€£¥]?\s?\d")


def _sources(fs, d: Fact, word: str, lex) -> list[tuple[str, Fact]]:
    """Levels before d (nearest first) whose measure holds the word, with the qualifier around it (一般公共预算收入 ->
    一般公共预算)."""
    out = []
    # before it (出口…进口…顺差), or after it in its sentence (the deficit widened to €4.6bn, as imports rose to …)
    # (English releases give the breakdown a few sentences after the lead: the goods deficit …, then exports of
    # goods …, imports of goods …; the qualifier must match, see _pair)
    window = fs.in_sentences(d.sentence - 4, d.sentence + (5 if wordy(d.key) else 3))
    near = [f for f in window if f.index < d.index]
    # … or in the sentences that follow a lead (the deficit was $40.8bn. Exports were …, imports …)
    near = list(reversed(near)) + [f for f in window if f.index > d.index]
    for f in near:
        if f.role != d.role or f.paren or not same_dimension(f.q, d.q):
            continue  # levels from levels; a compared period's balance from that period's exports and imports
        if d.role == "prior" and not (f.period_explicit and d.period_explicit):
            pass  # a compared figure carries its level's period unless it names its own: nothing to compare
        elif f.period.span and d.period.span and f.period.span != d.period.span or (
                f.period.year and d.period.year and f.period.year != d.period.year):
            continue  # another period's exports
        m = f.key if not (f.noun and wordy(f.noun)) else (f.key + " " + f.noun).strip()  # 813,200 births
        if word not in m or any(word != w and word in w and w in m for w in _longer(lex, word)):
            continue  # 进出口 holds 出口
        out.append((m.replace(word, "", 1), f))
    return out


def _pair(fs, d, spec, lex, vocab: set[str], split_cache: dict) -> tuple[Fact, Fact] | None:
    """The nearest two sources with the same qualifier (出口 and 进口; 一般公共预算收入 and 一般公共预算支出), a qualifier
    the derived figure carries too (the goods deficit from exports and imports of goods, not from all exports);
    of several, the one that shares most with it."""
    if not wordy(d.key):
        for ra, a in _sources(fs, d, spec.sources[0], lex):  # Chinese: the nearest pair of one qualifier
            for rb, b in _sources(fs, d, spec.sources[1], lex):
                if ra == rb and a.index != b.index and _one_body(a, b, d):
                    return a, b
        return None
    own = set(tokens(d.key.replace(spec.name, " ", 1)))
    for p in lex.partitions:  # goods and services together name the whole, not a part
        parts = [set(tokens(w)) for w in p.parts if "|" not in w]
        if len(parts) >= 2 and all(t and t <= own for t in parts):
            own -= set().union(*parts)
    required = own & vocab
    best, score = None, -1
    for ra, a in _sources(fs, d, spec.sources[0], lex):
        for rb, b in _sources(fs, d, spec.sources[1], lex):
            if ra == rb and a.index != b.index and _one_body(a, b, d):
                q = set(tokens(ra))
                if not q <= own or not required <= q:
                    continue
                if " " not in spec.name and not own <= q:
                    continue  # a bare 'deficit' is anyone's: each word the figure adds (services, petroleum) the sources carry
                if len(q) > score:
                    best, score = (a, b), len(q)
    if best is None and " " not in spec.name:
        if id(spec) not in split_cache:
            split_cache[id(spec)] = _breakdown_words(fs, spec, lex)
        best = _loose_pair(fs, d, spec, lex, own, split_cache[id(spec)])
    return best


def _loose_pair(fs, d: Fact, spec, lex, own: set[str], split: set[str]) -> tuple[Fact, Fact] | None:
    """English sources are worded freely (euro area exports of goods to the rest of the world … imports from the
    rest of the world): a bare deficit or surplus takes the nearest exports and imports, stated within two
    sentences of each other, when they split the same way as the figure on the breakdowns the text uses (goods
    and services: only where both are named) and carry every word the figure adds (services, petroleum)."""
    want = own & split
    best, dist = None, None
    for ra, a in _sources(fs, d, spec.sources[0], lex):
        qa = set(tokens(ra))
        if qa & split != want:
            continue
        for rb, b in _sources(fs, d, spec.sources[1], lex):
            qb = set(tokens(rb))
            if a.index == b.index or qb & split != want or abs(a.sentence - b.sentence) > 2:
                continue
            if not own <= qa | qb or not _one_body(a, b, d):
                continue
            if a.period.span and b.period.span and a.period.span != b.period.span or (
                    a.period.year and b.period.year and a.period.year != b.period.year):
                continue  # one month's exports, another's imports
            dd = abs(a.index - d.index) + abs(b.index - d.index)
            if dist is None or dd < dist:
                best, dist = (a, b), dd
    return best


def _breakdown_words(fs, spec, lex) -> set[str]:
    """The words of a known partition (goods / services) of which the text qualifies sources with two or more."""
    used: set[str] = set()
    for f in fs.facts:
        if f.role == "level" and f.key and any(w in f.key for w in spec.sources):
            used |= set(tokens(f.key))
    out: set[str] = set()
    for p in lex.partitions:
        parts = [set(tokens(w)) for w in p.parts if "|" not in w]
        hit = [t for t in parts if t and t <= used]
        if len(hit) >= 2:
            for t in hit:
                out |= t
    return out


_THAN = re.compile(r"\A\s+(?:more|less|larger|smaller|higher|lower|bigger|greater)\s+than\s+(?:the\s+|that\s+|its\s+)?"
                   r"(?P<name>[a-z]+(?:\s+[a-z]+){0,2})", re.I)


def _change_of(ctx, d: Fact, lex, used: set) -> list[Binding]:
    """English: a derived measure's change from its sources' changes, stated together (the deficit was $118
    billion less than a year earlier: revenues were $342 billion higher and outlays $225 billion higher). The
    change names the measure itself or by what it is compared with ('$109 billion more than the deficit recorded
    …'); the sources' changes follow within two sentences, every figure with its direction."""
    fs = ctx.facts
    tm = _THAN.match(ctx.doc.norm[d.q.end:])
    named = d.measure + " " + (tm.group("name") if tm else "")
    if not d.sign:
        return []
    for spec in lex.derived:
        if " " in spec.name or not holds_word(named, spec.name):
            continue
        near = [f for f in fs.in_sentences(d.sentence, d.sentence + 2) if f.index > d.index and f.role == "change"
                and not f.paren and f.sign and same_dimension(f.q, d.q)]
        pick = []
        for word in spec.sources:
            hits = [f for f in near if f.key and word in f.key.split()]
            if len(hits) != 1:
                break  # none, or two revenue changes (a total and a part): which one is open
            pick.append(hits[0])
        if len(pick) != 2 or pick[0].index == pick[1].index or (pick[0].index, pick[1].index) in used:
            continue
        if abs(pick[0].sentence - pick[1].sentence) > 1:
            continue
        a, b = pick
        used.add((a.index, b.index))
        ca, cb = d.sign * a.sign, -d.sign * b.sign  # derived = ca·a + cb·b, each ±1
        terms = sorted([(ca, "a"), (cb, "b")], key=lambda t: -t[0])
        rel = "derived = " + ("" if terms[0][0] > 0 else "-") + terms[0][1] + \
            (" + " if terms[1][0] > 0 else " - ") + terms[1][1]
        return [Binding(slots={"a": a.q, "b": b.q, "derived": d.q}, relation=rel,
                        how=f"change in {spec.name} = change in {spec.sources[0]} − change in {spec.sources[1]}: "
                            f"{describe(a)}, {describe(b)}", tags={"derived"}, label=f"{spec.name} change")]
    return []


def holds_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}", text, re.I) is not None


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
    used: set[tuple[int, int]] = set()
    vocab: dict[int, set[str]] = {}
    split_cache: dict[int, set[str]] = {}  # per spec, once per document (a scan of every figure)
    for d in facts:
        if d.role == "change" and not d.paren and wordy(d.key or d.measure or "x"):
            out.extend(_change_of(ctx, d, lex, used))
            continue
        if d.role not in ("level", "prior") or d.paren or (d.role == "prior" and not wordy(d.key)):
            continue
        if _TO_FIGURE.match(ctx.doc.norm, d.q.end):
            continue  # a decrease … of $0.8 billion to $75.1 billion: a change or a start, not the derived level
        for spec in lex.derived:
            if spec.name not in d.measure or not _named_nearest(ctx, d, spec.name):
                continue
            if id(spec) not in vocab:
                # the words that qualify a source anywhere in the text (goods, services): those the derived figure
                # carries, its sources must carry too
                vocab[id(spec)] = {t for f in facts if f.role == "level" and f.key for w in spec.sources
                                   if w in f.key for t in tokens(f.key.replace(w, " ", 1))}
            pair = _pair(ctx.facts, d, spec, lex, vocab[id(spec)], split_cache)
            if pair is None or (pair[0].index, pair[1].index) in used:
                continue  # one pair of sources makes one derived figure (not also the half-year's or the oil deficit)
            a, b = pair
            if wordy(d.key) and d.sentence not in (a.sentence, b.sentence) and any(
                    f.index > d.index and f.role == d.role and f.q.value == d.q.value and f.q.unit == d.q.unit
                    for f in ctx.facts.in_sentences(min(a.sentence, b.sentence), max(a.sentence, b.sentence))):
                continue  # a lead restated beside its sources: the figure there is the one they make
            used.add((a.index, b.index))
            out.append(Binding(slots={"a": a.q, "b": b.q, "derived": d.q},
                               how=f"{spec.name} = {spec.sources[0]} − {spec.sources[1]}: {describe(a)}, {describe(b)}",
                               tags={"derived"}, label=f"{spec.name}"))
    return out
