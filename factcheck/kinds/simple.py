"""Kinds whose candidates come straight from a pattern and whose relation is the rule's own expression."""

from __future__ import annotations

from . import Kind, register


@register
class Difference(Kind):
    name = "difference"
    label = "Difference"


@register
class Share(Kind):
    name = "share"
    label = "Share"


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
