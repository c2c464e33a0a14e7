"""English counted lists: "three programs: A, B and C", "the four largest states — A, B, C and D", "two reasons:
first …, second …". The count must match the items listed.

Conservative on purpose: items are split on commas and a final 'and'/'or'; a mismatch is a discrepancy only when
every item is short (a name of at most four words), since longer items may hold commas or 'and' of their own.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from ..model import Quantity

_COUNT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_PAREN = re.compile(r"\s*\([^()]{1,40}\)")
_PAREN_END = re.compile(r"\)\s*[.]?\s*$")
_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def _items(body: str) -> list[str] | None:
    body = body.strip().rstrip(".;")
    if not body or len(body) > 300:
        return None
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", body)]
    if any(not p for p in parts):
        return None
    return parts


@register
class EnList(Kind):
    name = "en_list"
    label = "Count of listed items"

    def validate(self, rule) -> None:
        if not rule.pattern or "(?P<n>" not in rule.pattern or "(?P<body>" not in rule.pattern:
            raise ValueError("en_list needs a pattern with groups (?P<n>...) and (?P<body>...)")

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        from ..engine.pattern import compile_pattern

        regex = compile_pattern(rule.pattern)
        norm = ctx.doc.norm
        gi = regex.groupindex
        for m in regex.finditer(norm):
            ns, ne = m.start(gi["n"]), m.end(gi["n"])
            if ctx.doc.in_furniture(ns, ne):
                continue
            word = norm[ns:ne].lower()
            n = int(word) if word.isdigit() else _COUNT_WORDS.get(word)
            if n is None or not 2 <= n <= 12:
                continue
            body = norm[m.start(gi["body"]):m.end(gi["body"])]
            if re.match(r"(?i)\s*first\b", body):
                para_end = norm.find("\n", m.end(gi["body"]))
                rest = norm[m.start(gi["body"]):para_end if para_end >= 0 else len(norm)][:2000].lower()
                k = 0
                for o in re.finditer(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?\b", rest):
                    if _ORD.index(o.group(1)) == k:
                        k += 1
                items, short = k, True
                how = "points introduced by first, second …"
            elif "(" in body:  # "A ($2 million), B ($3 million) and C ($1 million)": one figure per item
                tags = _PAREN.findall(body)
                parts = _items(_PAREN.sub("", body))
                if parts is None or len(parts) != len(tags) or not _PAREN_END.search(body):
                    continue
                items, short = len(tags), True
                how = "items listed, each with its own figure"
            else:
                parts = _items(body)
                if parts is None:
                    continue
                items = len(parts)
                short = all(len(p.split()) <= 4 for p in parts)
                how = "items listed"
            if items < 2 or (items != n and not short):
                continue
            q = Quantity(index=-1 - ns, text=ctx.doc.text[ns:ne], start=ns, end=ne, value=float(n), lo=float(n),
                         hi=float(n), digits=word, decimals=0, unit="", type="amount")
            yield Candidate(rule=rule, slots={}, relation="", stated="count", start=ns, end=m.end(), stated_override=q,
                            expected_override=(float(items), float(items)),
                            arithmetic=f"{items} {how} after '{q.text}'")
