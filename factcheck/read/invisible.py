"""Figures with an invisible character inside or beside them: reported, never checked.

`5\u200b4.33亿元` shows as 54.33亿元 but reads as 5 and 4.33亿元; a bidi control or an escape sequence beside a figure
changes what a reader sees without changing the bytes a checker reads. Such figures cannot be checked honestly
either way, so they are taken out of checking (a false alarm costs more than a miss) and one warning per place
says where the character is and what to do. Offsets are untouched: the character stays in the text.
"""

from __future__ import annotations

import bisect
import dataclasses

from ..model import Finding, Quantity, QuantityRef
from .document import Document, invisible_spans

RULE_ID = "factcheck.invisible"
MAX_REPORTED = 20  # one warning per place, up to this many; the last one says how many more there are


def _name(c: str) -> str:
    import unicodedata  # only when a text holds an invisible character

    return f"U+{ord(c):04X} {unicodedata.name(c, 'control character').lower()}"


def screen(doc: Document, quantities: list[Quantity]) -> tuple[list[Quantity], list[Finding]]:
    """The quantities still fit to check, and a warning for each place where an invisible character touches a
    figure (the figures there are dropped)."""
    spans = invisible_spans(doc.text)
    if not spans:
        return quantities, []
    starts = [q.start for q in quantities]
    dropped: set[int] = set()
    places: list[tuple[int, int, list[Quantity]]] = []
    text = doc.text
    for off, end in spans:
        near = []
        # quantities that overlap the stretch widened by one character on each side
        i = bisect.bisect_right(starts, end)
        for q in quantities[max(0, i - 8):i]:
            if q.start <= end and off <= q.end:
                near.append(q)
        digit_beside = any(0 <= k < len(text) and text[k].isdigit() for k in (off - 1, end))
        if near or digit_beside:
            dropped.update(q.index for q in near)
            places.append((off, end, near))
    if not places:
        return quantities, []
    findings = []
    for n, (off, end, near) in enumerate(places[:MAX_REPORTED]):
        line, col = doc.line_col(off)
        s = min([off] + [q.start for q in near])
        e = max([end] + [q.end for q in near])
        if not near:  # the figure itself was not even read as one: show what follows up to the next break
            e = min(len(text), end + 8)
        more = len(places) - MAX_REPORTED if n == MAX_REPORTED - 1 and len(places) > MAX_REPORTED else 0
        what = "A terminal escape sequence" if text[off] == "\x1b" else f"An invisible character ({_name(text[off])})"
        message = (f"{what} sits inside or beside the figure "
                   f"{text[s:e]!r}: what a reader sees is not what the text says, so the figures there were not "
                   "checked. Remove the character.")
        if more:
            message += f" ({more} more places like this are not listed.)"
        findings.append(Finding(
            rule=RULE_ID, kind="other", verdict="unverifiable", severity="warning", message=message,
            quantities=[QuantityRef(text=q.text, start=q.start, end=q.end, role="hidden", value=q.value,
                                    unit=q.unit, line=doc.line_col(q.start)[0], column=doc.line_col(q.start)[1])
                        for q in near],
            note="invisible characters beside a figure", start=s, end=e, line=line, column=col))
    kept = [q for q in quantities if q.index not in dropped]
    if len(kept) == len(quantities):
        return quantities, findings
    # Re-index in text order; a range whose other end was dropped is a range no more.
    new_index = {q.index: i for i, q in enumerate(kept)}
    kept = [dataclasses.replace(q, index=new_index[q.index],
                                range_with=new_index.get(q.range_with) if q.range_with is not None else None)
            for q in kept]
    return kept, findings
