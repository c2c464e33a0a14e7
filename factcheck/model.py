"""The data that flows between stages, as plain dataclasses (see records.py for why not pydantic models).
The JSON report and its published schema come from here.

Stages: read -> Document; extract -> list[Quantity]; match+check -> list[Finding]; report -> FileReport/Report.
Field names in Finding/FileReport/Report are a public contract (see README "JSON report"): add, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .records import Record, field

Verdict = Literal["consistent", "rounding", "partial", "discrepancy", "unverifiable"]
Severity = Literal["error", "warning", "info"]
Kind = Literal[
    "sum", "difference", "share", "growth", "cagr", "points", "multiple", "enumeration_count", "comparison",
    "same_fact", "product", "expression", "other",
]
# What a quantity is, for matching: an amount (money, people, things), a percentage, percentage points,
# a multiple (倍), a calendar year or date, a duration, an ordinal (第三), or a bare number.
QuantityType = Literal["amount", "percent", "points", "multiple", "year", "date", "duration", "ordinal", "number"]
Bound = Literal["exact", "more", "lower", "upper", "approx", "near"]

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
VERDICTS: tuple[Verdict, ...] = ("discrepancy", "partial", "rounding", "unverifiable", "consistent")


@dataclass(frozen=True)
class Quantity(Record):
    """One number found in the text, with everything checking needs to know about it."""

    index: int = field(description="Position of the quantity in the document, 0-based, in text order.")
    text: str = field(description="The exact text of the quantity, as in the file.")
    start: int = field(description="Start offset, 0-based Unicode code points into the decoded file.")
    end: int = field(description="End offset, exclusive.")
    value: float = field(description="The stated value in base units (scale applied; 54.33亿 -> 5.433e9).")
    lo: float = field(description="Lower end of the interval the stated precision and qualifiers imply.")
    hi: float = field(description="Upper end of that interval.")
    digits: str = field(description="The numeral as written, normalised (54.33, 五十四).")
    decimals: int = field(description="Stated decimals of the numeral; negative for round tens, hundreds...")
    scale: float = field(default=1.0, description="Multiplier from 万/亿/million/billion...")
    scale_text: str = ""
    unit: str = field(default="", description="Base unit: 元, 人, %, 个百分点, 倍, 年 ... ('' when none).")
    type: QuantityType = "amount"
    bound: Bound = "exact"
    qualifier: str = field(default="", description="The qualifier word as written: 余, 多, 约, 超过, more than ...")
    range_with: int | None = field(default=None, description="Index of the other end when part of a range.")
    chinese: bool = field(default=False, description="Written with Chinese numerals.")
    furniture: bool = field(default=False, description="In scraped page furniture (link lists, breadcrumbs).")


@dataclass
class QuantityRef(Record):
    """A quantity as it takes part in a finding."""

    text: str
    start: int
    end: int
    role: str = field(default="", description="part, total, base, start, end, stated, count ...")
    value: float | None = None
    unit: str = ""
    line: int = 0
    column: int = 0


@dataclass
class Finding(Record):
    rule: str = field(description="Id of the rule that recognised the relation.")
    kind: str = field(description="sum, difference, share, growth, cagr, points, multiple, enumeration_count, ...")
    verdict: Verdict
    severity: Severity
    message: str = field(description="One readable sentence: what was checked and what came out.")
    quantities: list[QuantityRef]
    arithmetic: str = field(default="", description="The computation spelled out.")
    expected: str = field(default="", description="What the other figures imply for the stated one.")
    stated: str = field(default="", description="The stated figure, with the interval its rounding allows.")
    correction: str = field(default="", description="A likely correction, when one stands out.")
    note: str = field(default="", description="Why the verdict: rounding, reading chosen, what is missing.")
    binding: str = field(default="", description="How the figures were bound to each other (the syntax that "
                         "states it, or the measure and period that name a figure stated elsewhere).")
    start: int = field(default=0, description="Start of the whole claim in the text.")
    end: int = field(default=0, description="End of the whole claim in the text.")
    line: int = 0
    column: int = 0
    fingerprint: str = ""


@dataclass
class Coverage(Record):
    numbers_found: int = 0
    numbers_checked: int = 0
    numbers_unchecked: int = 0
    furniture_numbers: int = 0


@dataclass
class FileReport(Record):
    path: str
    language: str = "zh"
    findings: list[Finding] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    quantities: list[Quantity] = field(default_factory=list, description="Every quantity found, in text order.")
    text: str | None = field(default=None, description="The decoded article (kept for HTML; omitted in JSON).")
    error: str | None = field(default=None, description="Why the file could not be checked (then no findings).")
    warnings: list[str] = field(default_factory=list, description="What the reader must know about this file's "
                                "check: a language read from mixed text, characters hidden beside figures.")

    def to_dict(self) -> dict:
        """This file's entry of the JSON report (files[i]): plain JSON data, without the text and quantities."""
        return self.model_dump(mode="json", exclude={"text", "quantities"})

    def to_json(self, indent: int | None = None) -> str:
        """This entry as JSON, one line unless indent is given (a line of --format jsonl)."""
        return _dumps(self.to_dict(), indent)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.verdict] = out.get(f.verdict, 0) + 1
            out[f.severity] = out.get(f.severity, 0) + 1
        return out


@dataclass
class Report(Record):
    tool: str = "factcheck"
    version: str = ""
    generated: str = ""
    files: list[FileReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list, description="What the reader must know about the whole run: "
                                "a configuration that switches checks off, and the like.")

    def to_dict(self) -> dict:
        """The JSON report as plain data: {"tool", "version", "generated", "files": [...], "warnings"}."""
        return self.model_dump(mode="json", exclude={"files": {"__all__": {"text", "quantities"}}})

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON report (what --format json writes, without its final newline)."""
        return _dumps(self.to_dict(), indent)


def _dumps(data: dict, indent: int | None) -> str:
    """JSON with bidi controls and other invisible characters written as \\u escapes (the same data)."""
    import json

    from .display import json_escape_invisible

    return json_escape_invisible(json.dumps(data, ensure_ascii=False, indent=indent))
