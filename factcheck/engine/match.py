"""Stage 3: find the relations a text asserts. Runs every rule's kind over the document and hands candidates on."""

from __future__ import annotations

import re
from typing import Iterator

from .candidate import Candidate, get_kind
from ..frames import bindings
from ..model import Quantity
from .context import Context
from .expr import parse_relation
from .pattern import TYPE_CHAR, compile_pattern, list_slots
from .resolvers import resolve
from .rules import RuleSpec

_CHAR_TYPES = {}
for _t, _c in TYPE_CHAR.items():
    _CHAR_TYPES.setdefault(_c, _t)


def pattern_candidates(ctx: Context, rule: RuleSpec) -> Iterator[Candidate]:
    assert rule.pattern is not None
    regex = compile_pattern(rule.pattern)
    lists = list_slots(rule.pattern)
    masked = ctx.masked
    groups = dict(regex.groupindex)  # RE2 matches take group numbers only
    for m in regex.finditer(masked.text):
        slots: dict[str, Quantity | list[Quantity]] = {}
        for name, gi in groups.items():
            if m.start(gi) < 0:
                continue
            s, e = m.start(gi), m.end(gi)
            if name in lists:
                chars = set(masked.text[s])  # the list's type is that of its first element
                slots[name] = [ctx.quantities[masked.pos_to_q[i]] for i in range(s, e)
                               if i in masked.pos_to_q and masked.text[i] in chars]
            elif s in masked.pos_to_q:
                slots[name] = ctx.quantities[masked.pos_to_q[s]]
        start, end = masked.to_orig[m.start()], masked.to_orig[m.end()]
        if end > start and m.end() > m.start() and (m.end() - 1) in masked.pos_to_q:
            end = ctx.quantities[masked.pos_to_q[m.end() - 1]].end
        cand = Candidate(rule=rule, slots=slots, relation=rule.relation or "", stated=rule.stated or "",
                         start=start, end=end)
        if resolve(ctx, rule, cand):
            yield cand


def frame_candidates(ctx: Context, rule: RuleSpec) -> Iterator[Candidate]:
    """Candidates from a frame's bindings: those whose tags pass the rule's guards and which bind every slot of
    its relation (or all but one the rule explains as missing: the claim is then unverifiable)."""
    names = parse_relation(rule.relation or "").names  # cached per relation text
    missing_ok = set(rule.params.get("missing", {}))
    for b in bindings(ctx, rule.frame or ""):
        if not _guards_pass(rule.guards, b.tags):
            continue
        absent = (parse_relation(b.relation).names if b.relation else names) - set(b.slots)
        if b.expected is None and (absent - missing_ok or rule.stated in absent):
            continue
        qs = b.quantities() + b.extra + ([b.stated] if b.stated is not None else [])
        start, end = min(q.start for q in qs), max(q.end for q in qs)
        cand = _candidate(rule, b, start, end)
        cand.alternatives = [_candidate(rule, alt, start, end) for alt in b.alternatives]
        yield cand


def _candidate(rule: RuleSpec, b, start: int, end: int) -> Candidate:
    return Candidate(rule=rule, slots=dict(b.slots), relation=b.relation or rule.relation or "", stated=rule.stated or "",
                     start=start, end=end, binding=b.how, certain=b.certain, label=b.label, roles=dict(b.roles),
                     extra_quantities=list(b.extra), reading=b.reading, stated_override=b.stated,
                     expected_override=b.expected, arithmetic=b.arithmetic,
                     may_be_partial="partial" in b.tags)


def _guards_pass(guards: list[str], tags: set[str]) -> bool:
    for g in guards:
        if g.startswith("!"):
            if g[1:] in tags:
                return False
        elif g not in tags:
            return False
    return True


def find_candidates(ctx: Context, rules: list[RuleSpec]) -> list[Candidate]:
    out: list[Candidate] = []
    for rule in rules:
        if rule.frame:
            out.extend(frame_candidates(ctx, rule))
            continue
        kind = get_kind(rule.kind)
        found = kind.candidates(ctx, rule)
        for cand in found if found is not None else pattern_candidates(ctx, rule):
            cand = kind.adjust(ctx, cand)
            if cand is not None:
                out.append(cand)
    return dedupe(out)


def _key_quantities(c: Candidate) -> frozenset[int]:
    qs: set[int] = set()
    for v in c.slots.values():
        for q in v if isinstance(v, list) else [v]:
            qs.add(q.index)
    return frozenset(qs)


def dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two rules that recognise the same claim (same kind, same stated quantity) give one finding: the one that
    binds more quantities, then the one listed first."""
    best: dict[tuple, Candidate] = {}
    order: list[tuple] = []
    for c in cands:
        stated = c.stated_override or c.slots.get(c.stated)
        sid = stated.index if isinstance(stated, Quantity) else (c.start, c.end)
        key = (c.rule.kind, sid)
        if key in best and _key_quantities(best[key]) != _key_quantities(c) and (
                best[key].rule.id == c.rule.id
                or not (_key_quantities(best[key]) & _key_quantities(c)) - {stated.index if isinstance(stated, Quantity) else -1}):
            # one figure, two claims: two breakdowns of one total (出口 and 进口; 民营, 外商, 国有), by one rule or two
            key = (c.rule.kind, sid, _key_quantities(c))
        if key not in best:
            best[key] = c
            order.append(key)
        elif len(_key_quantities(c)) > len(_key_quantities(best[key])) and not c.unverifiable:
            best[key] = c
    return [best[k] for k in order]


_WORD = re.compile(r"[\u4e00-\u9fff]{2}")
