"""Kinds whose candidates come straight from a pattern and whose relation is the rule's own expression."""

from __future__ import annotations

import re

from . import Kind, register


@register
class Difference(Kind):
    name = "difference"
    label = "Difference"


@register
class Share(Kind):
    name = "share"
    label = "Share"

    def adjust(self, ctx, cand):
        """A list of parts (两者合计占…): only figures of the parts' own measure, and as many as 两者/三者 says."""
        parts = cand.slots.get("parts")
        if isinstance(parts, list) and parts:
            last = parts[-1]
            parts = [q for q in parts if q.type == last.type and q.unit == last.unit and q.range_with is None]
            said = ctx.doc.norm[cand.start:cand.end]
            n = 2 if re.search(r"两者|二者|两项", said) else 3 if re.search(r"三者|三项", said) else 0
            if n:
                if len(parts) < n:
                    return None
                parts = parts[-n:]
            cand.slots["parts"] = parts
            cand.roles["parts"] = "part"
        return cand


@register
class Growth(Kind):
    name = "growth"
    label = "Growth rate"


@register
class Cagr(Kind):
    name = "cagr"
    label = "Average annual growth"


@register
class Points(Kind):
    name = "points"
    label = "Percentage-point change"


@register
class Multiple(Kind):
    name = "multiple"
    label = "Multiple"


@register
class Comparison(Kind):
    name = "comparison"
    label = "Comparison"


@register
class Expression(Kind):
    """A relation written out in full by the rule (article-specific rules use this)."""

    name = "expression"
    label = "Relation"


@register
class Other(Kind):
    name = "other"
    label = "Relation"
