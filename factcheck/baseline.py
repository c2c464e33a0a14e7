"""Baselines: accept today's findings, fail only on new ones.

A fingerprint must survive edits elsewhere in the article, so it hashes no offsets and no line numbers: only the
rule, the kind, the quantities' texts and a short normalised window of text on each side of each quantity. The
window stops at line breaks, so rewriting another paragraph (or adding one above) leaves it unchanged, while
editing the sentence that holds the figures makes the finding new.

Matching: a baseline entry matches a finding in a file with the same *file name* (folder ignored, so a baseline
made at the repository root still works when CI runs from elsewhere) and the same fingerprint. Entries are
counted: two identical entries suppress two findings, not more.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path, PurePath
from typing import Any

from .errors import FactcheckError
from .model import FileReport, Finding, Report
from .report._ci import repo_relative

VERSION = 1
WINDOW = 8  # characters kept on each side of a quantity, after normalising
_SPACE = re.compile(r"\s+")


def _normalise(s: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", s)).casefold()


def _window(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to WINDOW normalised characters before and after [start, end), within the same line."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    stops = [i for i in (text.find("\n", end), text.find("\r", end)) if i != -1]
    line_end = min(stops) if stops else len(text)
    before = _normalise(text[line_start:start])[-WINDOW:]
    after = _normalise(text[end:line_end])[:WINDOW]
    return before, after


def fingerprint(finding: Finding, text: str) -> str:
    parts = [finding.rule, finding.kind]
    for q in finding.quantities:
        parts.append(_normalise(q.text))
        if text and 0 <= q.start <= q.end <= len(text):
            parts.extend(_window(text, q.start, q.end))
    if not finding.quantities:
        parts.append(_normalise(finding.message))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _text_of(path: str, text: str | None) -> str:
    """The article's text: the report's, else the file's (a regular file within the size limit; a FIFO or a link to
    a device is never opened for it)."""
    if text is not None:
        return text
    from .read.decode import MAX_BYTES
    from .fileio import read_limited

    try:
        return read_limited(Path(path), MAX_BYTES).decode("utf-8-sig")
    except (FactcheckError, UnicodeDecodeError):
        return ""


def finding_fingerprint(finding: Finding, text: str) -> str:
    return finding.fingerprint or fingerprint(finding, text)


def create_baseline(report: Report) -> dict[str, Any]:
    """Every non-consistent finding of the report, sorted so that re-creating a baseline diffs cleanly."""
    entries = []
    for fr in report.files:
        text = _text_of(fr.path, fr.text)
        rel = repo_relative(fr.path)[0]
        for f in fr.findings:
            if f.verdict == "consistent":
                continue
            entries.append({"path": rel, "rule": f.rule, "fingerprint": finding_fingerprint(f, text),
                            "message": f.message})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return {"tool": "factcheck", "version": VERSION, "findings": entries}


def _key(path: str, fp: str) -> tuple[str, str]:
    return PurePath(path.replace("\\", "/")).name, fp


def budget(baseline: dict[str, Any]) -> dict[str, Counter[str]]:
    """{file name: Counter of fingerprints} of a baseline, validated."""
    if not isinstance(baseline, dict) or baseline.get("version") != VERSION or not isinstance(
        baseline.get("findings"), list
    ):
        raise FactcheckError(f"baseline: not a factcheck baseline of version {VERSION}")
    out: dict[str, Counter[str]] = {}
    for entry in baseline["findings"]:
        try:
            name, fp = _key(entry["path"], entry["fingerprint"])
        except (KeyError, TypeError, AttributeError):
            raise FactcheckError(f"baseline: entry without path or fingerprint: {entry!r}") from None
        out.setdefault(name, Counter())[fp] += 1
    return out


def filter_file(fr: FileReport, left: Counter[str]) -> FileReport:
    """One file's report without the findings its baseline entries (`left`, for its file name) hold; the entries
    used up are taken out of `left`, so files of the same name share them in order."""
    if not fr.findings:
        return fr
    text = _text_of(fr.path, fr.text)
    kept = []
    for f in fr.findings:
        fp = finding_fingerprint(f, text)
        if f.verdict != "consistent" and left[fp] > 0:
            left[fp] -= 1
            continue
        kept.append(f)
    return fr.model_copy(update={"findings": kept})


def file_name(path: str) -> str:
    """The part of a path a baseline entry is matched by."""
    return _key(path, "")[0]


def filter_new(report: Report, baseline: dict[str, Any]) -> Report:
    """The report without the findings the baseline already holds; consistent findings pass through."""
    left = budget(baseline)
    files = [filter_file(fr, left.setdefault(file_name(fr.path), Counter())) for fr in report.files]
    return report.model_copy(update={"files": files})
