"""A result against its forecast: 'The earnings beat the expectations of analysts, who were looking for 76 cents a
share'; 'sales were below the $20.92 billion expected'. The reader marks the forecast (cue 'expected'); the words
before it in its sentence say which way the result went (lexicon words 'beat' and 'miss'), and the result is the
nearest figure of the same kind stated before it (a total for a total, a per-share figure for a per-share one).

Which figure is the result is a reading, not certain: the binding only ever reports agreement.
"""

from __future__ import annotations

import re

from ..facts.lexicon import lexicon
from . import Binding, frame
from .common import describe, same_dimension


@frame("expected")
def expected(ctx) -> list[Binding]:
    lex = lexicon(ctx.doc.language)
    beat, miss = lex.words("beat"), lex.words("miss")
    if not beat or not miss:
        return []
    up = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in beat) + r")\b", re.I)
    down = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in miss) + r")\b", re.I)
    fs = ctx.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    for e in fs.facts:
        if "expected" not in e.cues:
            continue
        s, _ = fs.sentences[e.sentence]
        lead = norm[s:e.q.start]
        u, d = bool(up.search(lead)), bool(down.search(lead))
        if u == d:
            continue
        actual = [f for f in fs.in_sentences(e.sentence - 2, e.sentence) if f.index < e.index and f.role == "level"
                  and "expected" not in f.cues and not f.paren and same_dimension(f.q, e.q) and f.additive == e.additive]
        if not actual:
            continue
        a = actual[-1]
        out.append(Binding(slots={"actual": a.q, "expected": e.q}, relation="actual > expected" if u else "actual < expected",
                           certain=False, tags={"expected"},
                           how=f"{describe(a)} against the forecast {e.q.text}, the nearest result of its kind before it"))
    return out
