"""Counts with their shares, listed one after another until the shares make up the whole: each share is its count
over the counts together.

  Lee had 941 votes, or 15.2 percent; Diaz had 894 votes (14.5%); ...        votes of one race, shares adding to 100
  Park took 53%, or 21,072 votes, to Cole's 47%, or 18,452 votes             two candidates: the whole race

A pair is a count and a percentage joined by the syntax alone (", or", a bracket). Pairs that follow each other
within a sentence or two make one list when their shares add up to 100 within rounding (so the list is complete and
the counts together are the whole). A list whose counts do not imply one whole (each count over its share) is no
list: different races or wholes that happen to add up to 100 are left alone.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import same_dimension

# count, or share / count (share) / share, or count / share (count): only these words between the two
_JOIN = re.compile(r"\A\s*(?:[a-z]+\s*|of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s*|(?:[a-z]+\s+){0,5}[a-z]+(?=,\s*which))?"
                   r"(?:,\s*or|\(|(?<=votes )for|,\s*(?:or|which\s+is|which\s+was)\s+(?:about|around|roughly|nearly|almost|"
                   r"some|just over|just under)|,\s*which\s+(?:is|was)|\((?:about|around|roughly|nearly|almost|some))\s*\Z", re.I)
_GAP = 2  # sentences between two pairs of one list, at most


def _pairs(ctx) -> list[tuple[Fact, Fact]]:
    facts = ctx.facts.facts
    norm = ctx.doc.norm
    out: list[tuple[Fact, Fact]] = []
    for a, b in zip(facts, facts[1:]):
        if a.sentence != b.sentence or (a.q.type == "percent") == (b.q.type == "percent"):
            continue
        n, p = (b, a) if a.q.type == "percent" else (a, b)
        if n.q.type != "amount" or n.q.value <= 0 or n.q.bound not in ("exact", "approx") or n.q.range_with is not None:
            continue
        if p.role in ("rate", "points", "cagr", "prior", "change") or p.q.unit != "%" or p.q.bound not in ("exact", "approx", "near"):
            continue
        if n.role not in ("level", "other", "base") or n.sign:
            continue
        if not _JOIN.match(norm[a.q.end:b.q.start]):
            continue
        if out and (out[-1][0] is n or out[-1][1] is p or out[-1][0] is p or out[-1][1] is n):
            continue
        out.append((n, p))
    return out


def _coherent(group: list[tuple[Fact, Fact]]) -> tuple[bool, int | None]:
    """Do the counts imply one whole (count / share)? Yes when all are within 10% of each other; or, with three or
    more, when all but one are within rounding of each other (one whole, one wrong figure: only that one is
    checked, the others would only repeat its error)."""
    def whole(n: Fact, p: Fact) -> tuple[float, float]:
        return n.q.lo / max(p.q.hi, 1e-9) * 100, n.q.hi / max(p.q.lo, 1e-9) * 100

    ws = [whole(n, p) for n, p in group]
    mids = [(lo + hi) / 2 for lo, hi in ws]
    if max(mids) <= 1.1 * min(mids):
        return True, None
    if len(group) < 3:
        return False, None
    for skip in range(len(ws)):
        rest = [w for i, w in enumerate(ws) if i != skip]
        if max(lo for lo, _ in rest) <= min(hi for _, hi in rest) * 1.001:
            return True, skip
    return False, None


def _groups(pairs: list[tuple[Fact, Fact]]) -> list[tuple[list[tuple[Fact, Fact]], int | None]]:
    out = []
    i = 0
    while i < len(pairs):
        lo = hi = 0.0
        best = None
        j = i
        while j < len(pairs):
            if j > i and (pairs[j][0].sentence - pairs[j - 1][0].sentence > _GAP
                          or not same_dimension(pairs[j][0].q, pairs[i][0].q)):
                break
            lo += pairs[j][1].q.lo
            hi += pairs[j][1].q.hi
            if lo > 100.0001:
                break
            if j > i and hi >= 99.9999:
                best = j
            j += 1
        if best is not None:
            # one more pair that could still belong (a 0.4% write-in) makes the list's end uncertain
            nxt = best + 1
            if nxt < len(pairs) and pairs[nxt][0].sentence - pairs[best][0].sentence <= _GAP and \
                    lo_of(pairs[i:nxt + 1]) <= 100.0001:
                i += 1
                continue
            group = pairs[i:best + 1]
            ok, odd = _coherent(group)
            if ok:
                out.append((group, odd))
                i = best + 1
                continue
        i += 1
    return out


def lo_of(pairs: list[tuple[Fact, Fact]]) -> float:
    return sum(p.q.lo for _, p in pairs)


def _runs(pairs: list[tuple[Fact, Fact]], grouped: set[int]) -> list[list[tuple[Fact, Fact]]]:
    """Runs of three or more pairs, one after another, in no complete list (other candidates not given)."""
    out, cur = [], []
    for n, p in pairs:
        if n.index in grouped:
            cur = []
            continue
        if cur and (n.sentence - cur[-1][0].sentence > _GAP or not same_dimension(n.q, cur[0][0].q)):
            if len(cur) >= 3:
                out.append(cur)
            cur = []
        cur.append((n, p))
    if len(cur) >= 3:
        out.append(cur)
    return out


@frame("split")
def split(ctx) -> list[Binding]:
    out: list[Binding] = []
    pairs = _pairs(ctx)
    groups = _groups(pairs)
    grouped = {n.index for g, _ in groups for n, _ in g}
    for run in _runs(pairs, grouped):
        ok, odd = _coherent(run)
        if not ok or odd is not None:
            continue
        (n0, p0), rest = run[0], run[1:]
        # a partial list (the others not given): the counts over their shares imply one whole; not certain, as
        # the shares may be of different wholes (one candidate's votes in two counties)
        out.append(Binding(slots={"part": n0.q, "others": [n.q for n, _ in rest],
                                  "others_share": [p.q for _, p in rest], "share": p0.q},
                           tags={"implied"}, certain=False, reading="one whole for all the counts listed",
                           how=f"{len(run)} counts given with their shares, the list not complete: the whole they "
                               "imply, from the others, gives the first share"))
    for group, odd in groups:
        for k, (n, p) in enumerate(group):
            if odd is not None and k != odd:
                continue
            others = [m.q for i, (m, _) in enumerate(group) if i != k]
            out.append(Binding(slots={"part": n.q, "others": others, "share": p.q}, tags={"complete"},
                               how=f"{len(group)} counts given with their shares, which add up to 100: the counts "
                                   f"together are the whole"))
    return out
