"""Shares of one whole that make it up between them: they add up to 100.

  It took 38.4% of the vote; the Alliance won 33.1%, the Greens 11.7% and others 16.8%    the last is what remains
  64% said costs had risen, 27% said they were unchanged and 9% reported a fall          a known partition (lexicon)
  男性占51.2%，女性占48.8%                                                               a known partition

The shares stand in one sentence, are percentages of the same base (named once, or not named again), and are not
rates, priors or shares of a part stated beside them. Only a complete list is checked: one that ends with what
remains (others, the rest, 其余), or whose parts name a partition the lexicon knows.
"""

from __future__ import annotations

from ..facts.model import Fact
from . import Binding, frame
from .parts import _partition


def _members(facts: list[Fact], norm: str = "") -> list[Fact]:
    """The percentages of one sentence that may be shares of one whole."""
    out = []
    for f in facts:
        if norm and norm[max(0, f.q.start - 2):f.q.start].rstrip().endswith(("(", "（")):
            continue  # rose significantly (2.6%): an aside in brackets, not a share of the list
        if f.q.type != "percent" or f.paren:
            continue
        if f.role not in ("share", "level") or f.subject is not None or f.base_q is not None:
            continue
        if not any(c.isdigit() for c in f.q.text):
            continue  # 一半, half: a word, not a share measured and rounded
        if "rate-level" in f.cues or "growth-rate" in f.cues or f.q.bound not in ("exact", "approx"):
            continue
        out.append(f)
    return out


@frame("shares")
def shares(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    if not lex.has_marker("remainder"):
        rest = None
    else:
        rest = lex.marker("remainder")
    facts = ctx.facts.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:
        if f.q.type == "percent":
            by_sentence.setdefault(f.sentence, []).append(f)
    for s in sorted(by_sentence):
        ms = _members(by_sentence[s], norm)
        if len(ms) < 2:
            continue
        if any(f.role in ("share", "level") and f.subject is None and (f.paren or norm[max(0, f.q.start - 2):f.q.start]
               .rstrip().endswith(("(", "（"))) for f in by_sentence[s] if f.index < ms[-1].index):
            continue  # The majority (62 per cent) were…, 32.2 per cent… and 5.8 per cent…: a share in brackets is one of
            #           the list too, so the list read without it is not the whole
        bases = {ctx.facts.key_of(f.base)[1] for f in ms if f.base}
        if len(bases) > 1:
            continue  # shares of different wholes (69% of over-55s … 17% of the young)
        if any(f.role == "share" and not f.base for f in ms[:1]) and not bases:
            pass
        how = ""
        last = ms[-1]
        if rest is not None and rest.search(norm[ms[-2].q.end:last.q.end]):
            how = f"{len(ms)} shares of one whole, the last being what remains"
        else:
            p = _partition(lex, ms)
            if p is not None:
                how = f"the shares name the whole partition {p.name} ({', '.join(p.parts)})"
        if not how:
            continue
        out.append(Binding(slots={"shares": [f.q for f in ms[:-1]], "last": ms[-1].q}, tags={"complete"}, how=how))
    return out
