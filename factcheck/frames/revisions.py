"""Revisions: a figure revised from one estimate to another, and what the revisions come to together.

  November was revised down from +252,000 to +216,000, and December up from +148,000 to +160,000. With these
  revisions, November and December combined were 24,000 less than previously reported.

The change is said against what was reported before ('than previously reported', 'than first estimated'); the
revisions are the prior → level pairs of the sentence before it or of its own sentence before it. Two or more
pairs are summed only when the change says they are taken together (combined, together, in total); one pair
alone is the change.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import same_dimension
from .parts_change import _round

_PREVIOUSLY = re.compile(r"\A\s+(?P<dir>more|less|fewer|higher|lower|above|below)\s+than\s+(?:was\s+|had\s+been\s+)?"
                         r"(?:previously|originally|first|initially|earlier)\s+(?:reported|estimated|published|"
                         r"stated|thought)", re.I)
_TOGETHER = re.compile(r"\b(?:combined|together|in total|taken together|between them)\b", re.I)


def _stated_change(fs, lv: Fact) -> Fact | None:
    """The size of a revision stated beside it (revised down by 15,000, from … to …), with its direction."""
    for f in fs.in_sentences(lv.sentence, lv.sentence):
        if f.role == "change" and f.subject == lv.index and f.sign and not f.paren:
            return f
    return None


@frame("revisions")
def revisions(ctx) -> list[Binding]:
    fs = ctx.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    for d in fs.facts:
        if d.q.type != "amount" or d.paren or d.role not in ("change", "level", "other"):
            continue
        m = _PREVIOUSLY.match(norm[d.q.end:])
        if not m:
            continue
        sign = 1 if m.group("dir").lower() in ("more", "higher", "above") else -1
        pairs: list[tuple[Fact, Fact]] = []
        for f in fs.in_sentences(d.sentence - 1, d.sentence):
            if f.index >= d.index or f.role != "prior" or f.subject is None or f.paren:
                continue
            lv = fs.by_index.get(f.subject)
            if lv is None or lv.sentence != f.sentence or lv.index <= f.index or not same_dimension(f.q, d.q) \
                    or not same_dimension(lv.q, d.q):
                continue
            pairs.append((f, lv))
        if not pairs:
            continue
        s, e = fs.sentences[d.sentence]
        together = _TOGETHER.search(norm[s:d.q.start])
        if len(pairs) >= 2 and not together:
            continue
        if len(pairs) == 1 and together:
            continue  # combined, but only one revision found: the other is not a pair here
        periods = [lv.period for _, lv in pairs if lv.period.known() and lv.period_explicit]
        if len(set(periods)) != len(periods):
            continue  # two pairs of one month: a revision and something else
        how = (f"{len(pairs)} revision{'s' if len(pairs) > 1 else ''} (from → to: "
               + ", ".join(f"{p.q.text} → {lv.q.text}" for p, lv in pairs) + ") against what was reported before")
        changes = [_stated_change(fs, lv) for _, lv in pairs]
        if all(changes):
            # each revision says its size (revised down by 15,000): the sizes, with their directions, add up
            ups = [_round(c.q) for c in changes if c.sign > 0]
            downs = [_round(c.q) for c in changes if c.sign < 0]
            if len(ups) + len(downs) == len(changes):
                terms = [("+", "sum(ups)")] * bool(ups) + [("-", "sum(downs)")] * bool(downs)
                if sign < 0:
                    terms = [("-" if t == "+" else "+", x) for t, x in terms]
                terms.sort(key=lambda t: t[0] != "+")
                rel = "d = " + ("" if terms[0][0] == "+" else "-") + terms[0][1] + \
                    "".join(f" {t} {x}" for t, x in terms[1:])
                slots = {"d": _round(d.q)}
                if ups:
                    slots["ups"] = ups
                if downs:
                    slots["downs"] = downs
                out.append(Binding(slots=slots, relation=rel, how=how + ", each revised by the figure stated",
                                   label="Revisions", roles={"ups": "part", "downs": "part", "d": "stated"}))
                continue
        priors = [_round(p.q) for p, _ in pairs]  # revisions are summed unrounded, published rounded
        levels = [_round(lv.q) for _, lv in pairs]
        rel = "d = sum(levels) - sum(priors)" if sign > 0 else "d = sum(priors) - sum(levels)"
        out.append(Binding(slots={"levels": levels, "priors": priors, "d": _round(d.q)}, relation=rel, how=how,
                           label="Revisions", roles={"levels": "revised", "priors": "previous", "d": "stated"}))
    return out
