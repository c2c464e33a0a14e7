"""A total followed by its breakdown in brackets, name by name: '3-Point Goals: 13-35, .371 (Bazley 3-4, Paul 3-8,
Ferguson 2-3, …)'; 'Fouls: 21 (Ortega 4, Lund 3, …)'.

Each item is a name and figures of the total's shape (made-tried, or one count). A bracket may list only the
leaders, so the items bound the total (they cannot add up to more); when they add up to it, the list is whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import Binding, frame

_NUMS = r"\d{1,4}(?:-\d{1,4})?"
_ITEM = rf"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s+{_NUMS}"
_LISTED = re.compile(rf"(?P<total>{_NUMS})(?:,\s*\.\d{{3}})?\s*\((?P<items>{_ITEM}(?:,\s*{_ITEM})+)\)")
_ONE = re.compile(rf"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s+(?P<n>{_NUMS})")


@frame("listed")
def listed(ctx) -> list[Binding]:
    norm = ctx.doc.norm
    by_start = {f.q.start: f.q for f in ctx.facts.facts}
    out: list[Binding] = []
    for m in _LISTED.finditer(norm):
        def figures(a: int, text: str):
            qs, k = [], 0
            for part in text.split("-"):
                q = by_start.get(a + k)
                if q is None or q.text != part or q.unit or q.decimals != 0:
                    return None
                qs.append(replace(q, lo=q.value, hi=q.value))  # whole counts
                k += len(part) + 1
            return qs

        total = figures(m.start("total"), m.group("total"))
        if not total:
            continue
        rows = []
        for it in _ONE.finditer(m.group("items")):
            r = figures(m.start("items") + it.start("n"), it.group("n"))
            if r is None or len(r) != len(total):
                rows = []
                break
            rows.append(r)
        if len(rows) < 2:
            continue
        for col, tq in enumerate(total):
            out.append(Binding(slots={"parts": [r[col] for r in rows], "total": tq}, tags={"partial"},
                               how=f"the {len(rows)} names in brackets after {m.group('total')} with their figures "
                                   "(a bracket may list only some)", label="Listed total"))
    return out
