"""What matching needs to know about one document: its quantities, the masked text, sentence boundaries."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Quantity
from ..read import Document
from .pattern import Masked, mask

_SENTENCE_END = {"zh": re.compile(r"[。！？!?]+[”’\"]?\s*|\n\s*"),
                 "en": re.compile(r"(?<=[a-z0-9%)\]])[.!?]+[\"”’]?\s+(?=[A-Z\"“(])|\n\s*")}
# A line break inside a sentence (hard-wrapped releases): the next line goes on in lower case, or with a figure
# after a word. Such breaks read as spaces for matching and sentence splitting (one for one, offsets unchanged).
_SOFT_WRAP = {"en": re.compile(r"(?<=[^\s.!?:;])\n(?=[a-z$+(]|(?<=[a-z,]\n)\d)")}


def unwrapped(doc: Document) -> str:
    pat = _SOFT_WRAP.get(doc.language)
    return pat.sub(" ", doc.norm) if pat else doc.norm


@dataclass
class Context:
    doc: Document
    quantities: list[Quantity]
    used: set[int] = field(default_factory=set)

    @cached_property
    def masked(self) -> Masked:
        return mask(unwrapped(self.doc), self.quantities)

    @cached_property
    def sentence_starts(self) -> list[int]:
        pat = _SENTENCE_END.get(self.doc.language, _SENTENCE_END["zh"])
        starts = [0]
        for m in pat.finditer(unwrapped(self.doc)):
            starts.append(m.end())
        return starts

    def sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def sentence_span(self, offset: int) -> tuple[int, int]:
        i = self.sentence_index(offset)
        s = self.sentence_starts[i]
        e = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.doc.norm)
        return s, e

    def sentence_range(self, offset: int, back: int) -> tuple[int, int]:
        """From the start of `back` sentences before the one holding offset, to the end of that one."""
        i = self.sentence_index(offset)
        s = self.sentence_starts[max(0, i - back)]
        return s, self.sentence_span(offset)[1]

    @cached_property
    def facts(self):
        """Every figure as a fact (role, measure, scope, period), read once per document."""
        from ..facts import read_facts

        return read_facts(self.doc, self.quantities)

    def between(self, a: int, b: int) -> str:
        return self.doc.norm[a:b]

    def live(self, q: Quantity) -> bool:
        return not q.furniture
