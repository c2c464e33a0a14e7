"""Made out of tried, and the percentage that says the same: shots, attempts, passes, tests.

  went 26/40 from the line, good for 65 percent        12-of-17 (70.6%)        shot 44 percent (37 of 84)
  3-Point Goals: 13-35, .371                                                   (a proportion written as in box scores)

Bound by the syntax alone: the two counts joined by '/', '-of-', '-for-' or ' of ', the percentage in brackets
right after or before them, or after ', good for' / ', or'. A plain hyphen (13-35) is a range or a score as often
as a count made, so it binds only a proportion written with a leading point (.371), which nothing else writes.
The counts are whole, so they are taken as exact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts.model import Fact
from . import Binding, frame

_JOIN = re.compile(r"\A(?:/|-of-|-for-|\s+of\s+(?:the\s+(?:total\s+|all\s+)?)?|\s+for\s+)\Z")
_HYPHEN = re.compile(r"\A-\Z")
_AFTER = re.compile(r"\A(?:\s+(?:from|at|on|in)\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?(?=,))?"  # from the line, good for
                    r"\s*(?:\(\s*|,\s*(?:good|enough)\s+for\s+(?:just\s+|only\s+|a\s+)?|,\s*or\s+)\Z"
                    # 10,979 of the 20,178 votes cast for 54.4 percent: what is counted, then for / or
                    r"|\A\s+[a-z]+(?:\s+[a-z]+){0,2}\s*,?\s+(?:for|or)\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+)?\Z")
_AFTER_PROP = re.compile(r"\A\s*[,(]\s*\Z")
_BEFORE = re.compile(r"\A\s*\(\s*\Z")
_CLOSE = re.compile(r"\A\s*\)")


def _whole(q) -> bool:
    return q.type == "amount" and not q.unit and q.decimals == 0 and q.value >= 0 and q.bound == "exact"


def _proportion(q, text: str) -> bool:
    return q.type == "amount" and not q.unit and text.startswith(".") and 0 <= q.value <= 1


@frame("made")
def made(ctx) -> list[Binding]:
    norm = ctx.doc.norm
    facts: list[Fact] = ctx.facts.facts
    out: list[Binding] = []
    for i in range(len(facts) - 1):
        a, b = facts[i], facts[i + 1]
        if not (_whole(a.q) and _whole(b.q)) or a.q.value > b.q.value or b.q.value == 0:
            continue
        if any(f.role not in ("level", "other", "base") or f.sign for f in (a, b)):
            continue  # rose 4/5: a change, or a date
        join = norm[a.q.end:b.q.start]
        plain = _JOIN.match(join)
        if not plain and not _HYPHEN.match(join):
            continue
        p = None
        how = ""
        if i + 2 < len(facts):
            c = facts[i + 2]
            gap = norm[b.q.end:c.q.start]
            if plain and c.q.type == "percent" and c.role not in ("rate", "points", "change") and _AFTER.match(gap):
                p, how = c, "the percentage right after the counts"
            elif _proportion(c.q, c.q.text) and _AFTER_PROP.match(gap):
                p, how = c, "the proportion right after the counts"
        if p is None and plain and i >= 1:
            c = facts[i - 1]
            if c.q.type == "percent" and c.role not in ("rate", "points", "change") and \
                    _BEFORE.match(norm[c.q.end:a.q.start]) and _CLOSE.match(norm[b.q.end:]):
                p, how = c, "the counts in brackets after the percentage"
        if p is None:
            continue
        made_q = replace(a.q, lo=a.q.value, hi=a.q.value)
        tried_q = replace(b.q, lo=b.q.value, hi=b.q.value)
        rel = "made / tried = pct" if p.q.type != "percent" else "made / tried * 100 = pct"
        binding = Binding(slots={"made": made_q, "tried": tried_q, "pct": p.q}, relation=rel,
                          how=f"{a.q.text} made of {b.q.text} tried ({join.strip() or '-'}), {how}; whole counts, "
                              "exact", roles={"made": "part", "tried": "base", "pct": "stated"})
        if not plain:
            # 8-12, .400 is also a record (won 8, lost 12): either reading may hold
            binding.alternatives = [Binding(slots=dict(binding.slots), relation="made / (made + tried) = pct",
                                            how=f"a record of {a.q.text} won and {b.q.text} lost, {how}",
                                            reading="a record won-lost", roles=dict(binding.roles))]
        out.append(binding)
    return out
