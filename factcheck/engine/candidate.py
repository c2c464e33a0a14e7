"""Candidates and kinds: what the engine judges and the small fixed set of code that finds candidates.

A candidate is one relation the text asserts, with its figures bound to the slots of the relation. Frames
(factcheck/frames) and the remaining pattern kinds (factcheck/kinds) produce them; the judge (check.py) turns each
into a finding. Kinds register themselves by name when the application imports them (factcheck.plugins).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from ..errors import RuleError

if TYPE_CHECKING:
    from ..model import Quantity
    from .context import Context
    from .rules import RuleSpec  # noqa: F401 - for the annotations only

KINDS: dict[str, "Kind"] = {}


@dataclass
class Candidate:
    rule: "RuleSpec"
    slots: dict[str, "Quantity | list[Quantity]"]
    relation: str
    stated: str
    start: int
    end: int
    notes: list[str] = field(default_factory=list)
    unverifiable: str = ""  # why the claim cannot be checked, when it cannot
    roles: dict[str, str] = field(default_factory=dict)  # slot -> role name for the report
    extra_quantities: list["Quantity"] = field(default_factory=list)  # shown, not computed with (e.g. a count)
    stated_override: "Quantity | None" = None  # for kinds whose claim is not a slot (enumeration counts)
    expected_override: tuple[float, float] | None = None
    expected_point: float | None = None  # the exact arithmetic behind expected_override (else its midpoint)
    arithmetic: str = ""
    label: str = ""  # what the finding calls the relation, when not the kind's own label
    # Other readings of the same claim (a nested part's share of its group or of the grand total): the claim
    # holds when any reading holds; a discrepancy only when every computable reading fails.
    alternatives: list["Candidate"] = field(default_factory=list)
    reading: str = ""  # how this reading understands the claim, for the note ("of the 60+ group")
    # The relation is parts <= whole over a list that may not name every part (no 共/四市/分别 says it is
    # complete). Parts that make up the whole are judged as an equality; parts that fall short beyond rounding
    # get the verdict "partial" (what they account for and what is left), never a plain "consistent".
    may_be_partial: bool = False
    binding: str = ""  # how the figures were bound ("prior level: 2016 6323元, stated in the same sentence")
    certain: bool = True  # a discrepancy is reported only when the binding is certain


class Kind:
    name = ""
    label = ""
    implicit_slots: tuple[str, ...] = ()

    def validate(self, rule: "RuleSpec") -> None:
        if rule.pattern is None:
            raise ValueError(f"kind {self.name} needs a pattern")
        if rule.relation is None or rule.stated is None:
            raise ValueError(f"kind {self.name} needs a relation and a stated slot")

    def candidates(self, ctx: "Context", rule: "RuleSpec") -> Iterator[Candidate] | None:
        """The kind's own candidates, or None to take the rule's pattern and resolvers (the usual case)."""
        return None

    def adjust(self, ctx: "Context", cand: Candidate) -> Candidate | None:
        """Last look at a candidate before judging; None drops it."""
        return cand


def register(cls: type[Kind]) -> type[Kind]:
    KINDS[cls.name] = cls()
    return cls


def get_kind(name: str) -> Kind:
    if name not in KINDS:
        raise RuleError(f"unknown rule kind {name!r}; known kinds: {', '.join(sorted(KINDS))}")
    return KINDS[name]
