"""A text in which each quantity is one placeholder character of its type, with the map back to offsets.

Matching (rule patterns) and reading facts both look at the words between figures; masking makes a figure one
character so that neither has to care how it was written.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Quantity

TYPE_CHAR = {"amount": "\ue001", "percent": "\ue002", "points": "\ue003", "multiple": "\ue004", "year": "\ue005",
             "date": "\ue006", "duration": "\ue007", "ordinal": "\ue008", "number": "\ue001"}
HIDDEN = "\ue00f"  # quantities in page furniture: never matched
@dataclass
class Masked:
    """The normalised text with quantities masked, and the map from masked positions back to quantities."""

    text: str
    pos_to_q: dict[int, int]  # masked position -> quantity index
    to_orig: list[int]  # masked position -> original offset (len(text) + 1 entries)

    def quantities_in(self, start: int, end: int) -> list[int]:
        return [self.pos_to_q[i] for i in range(start, end) if i in self.pos_to_q]


def mask(norm: str, quantities: list[Quantity]) -> Masked:
    parts: list[str] = []
    pos_to_q: dict[int, int] = {}
    to_orig: list[int] = []
    cur = 0
    for q in quantities:
        if q.start < cur:
            continue
        parts.append(norm[cur:q.start])
        to_orig.extend(range(cur, q.start))
        pos_to_q[len(to_orig)] = q.index
        parts.append(HIDDEN if q.furniture else TYPE_CHAR.get(q.type, HIDDEN))
        to_orig.append(q.start)
        cur = q.end
    parts.append(norm[cur:])
    to_orig.extend(range(cur, len(norm) + 1))
    return Masked("".join(parts), pos_to_q, to_orig)
