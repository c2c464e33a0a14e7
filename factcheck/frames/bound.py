"""A figure and a bound the text sets on it in the same breath (milestones and targets):

  2021年突破110万亿元，达114.4万亿元        114.4 ≥ 110 (the bound, then the figure it reached)
  达到12551美元，连续3年超过1万美元          12551 ≥ 1万 (the figure, then the bound)
  城镇新增就业1206万人，超额完成1100万人的目标   1206 ≥ 1100 (a target exceeded)

Only a bound and a figure side by side, joined by the words that tie them (达, 为, 超额完成 …的目标), are bound:
the syntax says they speak of one quantity.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import same_dimension

_REACHED = re.compile(r"\s*[,，]?\s*(?:达到了?|达|为|至|升至|增至|实现)\s*")
# the bound after its figure must say it speaks of that figure (连续3年超过, 首次突破): a bare 超过60% after a
# figure is another count (整体收益为-0.11%、超过60%收益为负)
_OVER = re.compile(r"\s*[,，]\s*(?:已|并|且)?(?:连续[\d一二三四五六七八九十两]+年|首次|一举|再次|历史性地?)\s*")
_TARGET = re.compile(r"\s*[,，]?\s*(?:超额完成|超过|超出|高于)(?:了)?\s*(?:全年|年度|年初|预期)?\s*")
_TARGET_AFTER = re.compile(r"(?:的)?(?:全年|年度|年初)?(?:预期|计划|既定)?(?:目标|任务|计划)")


def _pair(a: Fact, b: Fact) -> bool:
    return (a.sentence == b.sentence and a.q.type == b.q.type and same_dimension(a.q, b.q)
            and a.role in ("level", "other") and b.role in ("level", "other") and not a.paren and not b.paren)


@frame("bound")
def bound(ctx) -> list[Binding]:
    norm = ctx.doc.norm
    facts = ctx.facts.facts
    out: list[Binding] = []
    for i, f in enumerate(facts):
        nxt = facts[i + 1] if i + 1 < len(facts) else None
        prev = facts[i - 1] if i > 0 else None
        if f.q.bound == "lower" and nxt is not None and _pair(f, nxt) and nxt.q.bound in ("exact", "approx") and \
                _REACHED.fullmatch(norm, f.q.end, nxt.q.start):
            out.append(Binding(slots={"bound": f.q, "level": nxt.q}, tags={"lower"},
                               how=f"{f.q.qualifier or '超过'}{f.q.text}, then the figure it reached, {nxt.q.text}"))
        elif f.q.bound == "lower" and prev is not None and _pair(f, prev) and prev.q.bound in ("exact", "approx") \
                and _OVER.fullmatch(norm, prev.q.end, f.q.start - len(f.q.qualifier or "")):
            out.append(Binding(slots={"bound": f.q, "level": prev.q}, tags={"lower"},
                               how=f"{prev.q.text}, then the bound the text sets on it, {f.q.qualifier}{f.q.text}"))
        elif f.q.bound == "exact" and prev is not None and _pair(f, prev) and prev.q.bound in ("exact", "approx") \
                and _TARGET.fullmatch(norm, prev.q.end, f.q.start) and _TARGET_AFTER.match(norm, f.q.end):
            out.append(Binding(slots={"bound": f.q, "level": prev.q}, tags={"lower", "target"},
                               how=f"{prev.q.text} exceeds the target {f.q.text} the text names"))
    return out
