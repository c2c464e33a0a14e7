"""What the CI formats (sarif, github, junit, rdjsonl) share: positions from offsets, repo-relative paths,
level mapping, a stable order and short rule descriptions. The leading underscore keeps the renderer registry
from loading this module as a format."""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import FileReport, Finding, Report

# SARIF levels, GitHub commands and reviewdog severities, keyed by our severity. The level follows severity
# (not verdict) so that annotations always agree with the exit code that --fail-on computes.
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
_ORDER = {"error": 0, "warning": 1, "info": 2}

KIND_HELP = {
    "sum": "A stated total should equal the sum of its stated parts, within the rounding of each figure.",
    "difference": "A stated difference should equal the gap between the two figures it compares.",
    "share": "A stated share (percentage or fraction) should equal part divided by whole.",
    "growth": "A stated growth rate should equal (new - old) / old for the two stated levels.",
    "cagr": "A stated compound annual growth rate should match the start, end and number of years.",
    "points": "A change stated in percentage points should equal the difference of the two percentages.",
    "multiple": "A stated multiple (times, 倍) should equal the ratio of the two figures.",
    "enumeration_count": "A stated count should match the number of items the text goes on to list.",
    "comparison": "A stated comparison (more, less, highest) should hold for the figures given.",
    "same_fact": "The same fact stated twice should carry the same figure.",
    "product": "A stated product should equal the product of its factors.",
    "expression": "A relation given by a rule's expression should hold for the stated figures.",
    "other": "A relation between stated figures should hold.",
}


def reported(fr: FileReport) -> list[Finding]:
    """Findings worth an annotation: never consistent ones. Errors first, then warnings, then notes (GitHub shows
    only the first annotations of a step), each group in text order."""
    keep = [f for f in fr.findings if f.verdict != "consistent"]
    return sorted(keep, key=lambda f: (_ORDER.get(f.severity, 3), f.start))


def ordered(report: Report) -> list[tuple[FileReport, Finding]]:
    """Every reported finding of the run, most severe first across all files."""
    pairs = [(fr, f) for fr in report.files for f in reported(fr)]
    return sorted(pairs, key=lambda p: _ORDER.get(p[1].severity, 3))


@dataclass(frozen=True)
class Span:
    start_line: int
    start_column: int  # 1-based, Unicode code points
    end_line: int
    end_column: int  # exclusive: the column just after the last character
    start: int
    end: int


_LINE_END = re.compile(r"\r\n|\r|\n")


class Lines:
    """Line starts of a text, for turning code point offsets into 1-based line/column. \\r\\n, \\r and \\n each
    end a line, as in model.py."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.starts = [0]
        if text:
            self.starts += [m.end() for m in _LINE_END.finditer(text)]  # a Python step per character before

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, offset)
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def byte_column(self, offset: int) -> int:
        """1-based column counted in UTF-8 bytes (what reviewdog expects)."""
        line, _ = self.position(offset)
        start = self.starts[line - 1]
        return len(self.text[start:offset].encode("utf-8")) + 1 if self.text else 1

    def span(self, start: int, end: int, line: int = 0, column: int = 0) -> Span:
        """Positions of [start, end). Without the text, trust the given start line/column and assume one line."""
        end = max(end, start)
        if self.text is None:
            line, column = max(line, 1), max(column, 1)
            return Span(line, column, line, column + (end - start), start, end)
        sl, sc = self.position(start)
        el, ec = self.position(end)
        return Span(sl, sc, el, ec, start, end)


def finding_span(f: Finding, lines: Lines) -> Span:
    """The whole claim when the finding has one, else the quantities it involves."""
    start, end = f.start, f.end
    if end <= start and f.quantities:
        start = min(q.start for q in f.quantities)
        end = max(q.end for q in f.quantities)
    return lines.span(start, end, f.line, f.column)


def repo_relative(path: str) -> tuple[str, bool]:
    """The file's path relative to the top-level of the working directory's git repository (else to the working
    directory), with forward slashes. The flag says whether it could be made relative; if not, the absolute path
    comes back. git is never asked about the article's own folder (see gitutil)."""
    from ..gitutil import toplevel

    p = Path(path)
    absolute = Path(os.path.abspath(p))
    real = Path(os.path.realpath(absolute)) if not os.path.islink(absolute) else absolute
    for base in (toplevel(), Path(os.path.realpath(os.getcwd()))):
        if base is None:
            continue
        for candidate in (absolute, real):
            try:
                return candidate.relative_to(base).as_posix(), True
            except ValueError:
                continue
    return absolute.as_posix(), False


def finding_fingerprint(f: Finding, text: str | None) -> str:
    from ..baseline import finding_fingerprint as fp

    return fp(f, text or "")


def title(f: Finding) -> str:
    return f"{f.rule} ({f.kind}, {f.verdict})"
