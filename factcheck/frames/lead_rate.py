"""A rate stated in the lead without its levels, and the levels given a few sentences later under another word for
the same measure ("Quarterly profit plunged 29 percent … Cisco earned $3.05 billion … down from $4.3 billion a year
earlier"): words the lexicon lists as one measure (measure_family).

A reading, never certain: the nearest later amount named by a word of the family, with the compared amount of its
sentence or the next; the rate holds for them or is left unchecked.
"""

from __future__ import annotations

from . import Binding, bindings, frame
from .common import describe, holds, same_dimension


def _family(lex, text: str) -> str | None:
    for fam in lex.words("measure_family"):
        words = fam.split("|")
        if any(holds(text.lower(), w) for w in words):
            return fam
    return None


@frame("lead_rate")
def lead_rate(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    if ctx.doc.language != "en":
        return []
    lex = lexicon("en")
    fs = ctx.facts
    out: list[Binding] = []
    restated = {b.slots["headline"].index for b in bindings(ctx, "restated") if "headline" in b.slots}
    for r in fs.facts:
        if r.role != "rate" or not r.sign or r.subject is not None or r.q.type != "percent":
            continue
        if r.index in restated:
            continue  # a headline the body restates: checked there
        fam = _family(lex, r.measure)
        if fam is None:
            continue
        later = [f for f in fs.in_sentences(r.sentence, r.sentence + 4) if f.index > r.index]
        levels = [f for f in later if f.role == "level" and f.q.unit and f.additive and abs(f.q.value) >= 1e6
                  and _family(lex, f.measure) == fam]
        if not levels:
            continue
        lv = levels[0]
        priors = [f for f in fs.in_sentences(lv.sentence, lv.sentence + 1) if f.index > lv.index
                  and f.role in ("prior", "level") and same_dimension(f.q, lv.q) and abs(f.q.value) >= 1e6
                  and (f.role == "prior" or f.sentence > lv.sentence and _family(lex, f.measure) is None)]
        priors = [f for f in priors if f.role == "prior"] or priors
        if not priors:
            continue
        p = priors[0]
        rel = "(level / prior - 1) * 100 = rate" if r.sign > 0 else "(1 - level / prior) * 100 = rate"
        out.append(Binding(slots={"level": lv.q, "prior": p.q, "rate": r.q}, relation=rel, certain=False,
                           reading=f"{lv.q.text} and {p.q.text}", tags={"lead-rate"},
                           how=f"{r.q.text} ({r.measure}) read against {describe(lv)} and {p.q.text}, the first "
                               "such amounts after it"))
    return out
