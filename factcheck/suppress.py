"""Suppressions, each with a written reason.

In Markdown or HTML (and any article that carries HTML comments):
    <!-- factcheck-disable zh.share: the agency rounds each part separately -->
    ... findings that start here are suppressed ...
    <!-- factcheck-enable -->
RULE is a rule id glob, a namespace (zh) or `all`; several may be given, separated by commas. A disable without a
matching enable runs to the end of the file; `<!-- factcheck-enable RULE -->` ends only the regions for RULE.

For plain text, where comments would change the article, a sidecar file beside it named after the whole file
name: `article.txt` -> `article.txt.factcheck-ignore` (so article.md and article.txt keep separate lists).
One suppression a line, `#` starts a comment line:
    zh.sum: the parts exclude Hong Kong
    zh.share "占全省的" : the share is of a different base
The optional quoted fragment (straight or Chinese quotes) limits the suppression to findings whose claim (or one
of whose figures) overlaps an occurrence of that text; without it, the line covers the whole file.

A suppression without a reason does not suppress: it becomes a warning finding (rule `factcheck.suppression`)
so the original finding still counts. Suppressions that suppress nothing come back as messages, for
--warn-unused-ignores.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .config import matches
from .display import clean
from .errors import FactcheckError
from .model import FileReport, Finding
from .report._ci import Lines

SUFFIX = ".factcheck-ignore"
RULE_ID = "factcheck.suppression"
# The body stops at the first --> and never runs past the next <!--, so an unclosed comment costs one scan to the
# next comment, not one to the end of the text (8,000 unclosed comments were quadratic).
_COMMENT = re.compile(r"<!--\s*factcheck-(disable|enable)\b((?:(?!-->|<!--).)*)-->", re.DOTALL)
_OPENING = re.compile(r"<!--\s*factcheck-(?:disable|enable)\b")
MAX_SIDECAR_BYTES = 64 * 1024
MAX_SIDECAR_LINES = 500
MAX_PROBLEMS = 20  # malformed directives reported one by one, up to this many
_SIDECAR_LINE = re.compile(r'^(?P<rules>[^\s:"“”]+)\s*(?:["“](?P<frag>[^"“”]*)["”]\s*)?(?::\s*(?P<reason>.*))?$')


@dataclass
class Directive:
    rules: list[str]
    reason: str
    where: str  # "file:line", for messages
    regions: list[tuple[int, int]]  # [start, end) offsets; findings overlapping (sidecar) or starting in (comment)
    overlap: bool = False
    used: bool = False
    _starts: list[int] | None = None

    def covers(self, f: Finding) -> bool:
        if not any(matches(f.rule, r) for r in self.rules):
            return False
        start, end = _span(f)
        if self.overlap:  # the fragment touches the claim or one of its figures
            spans = [(start, end)] + [(q.start, q.end) for q in f.quantities]
            return any(self._overlaps(a, max(b, a + 1)) for a, b in spans)
        return any(s <= start < e for s, e in self.regions)

    def _overlaps(self, a: int, b: int) -> bool:
        """Whether [a, b) overlaps a region. The regions of a fragment are its occurrences: sorted, apart and of
        one length, so only the last one starting before b can reach a (a bisection, not a scan)."""
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and a < self.regions[i][1]

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [s for s, _ in self.regions]
        return self._starts


def _span(f: Finding) -> tuple[int, int]:
    if f.end > f.start or not f.quantities:
        return f.start, f.end
    return min(q.start for q in f.quantities), max(q.end for q in f.quantities)


def _split_rules(s: str) -> list[str]:
    return [r.strip() for r in s.split(",") if r.strip()]


def sidecar_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + SUFFIX)


def _problem(message: str, start: int, end: int, lines: Lines) -> Finding:
    line, column = lines.position(start)
    return Finding(rule=RULE_ID, kind="other", verdict="unverifiable", severity="warning", message=message,
                   quantities=[], start=start, end=end, line=line, column=column)


def _comment_directives(text: str, path: Path | None, lines: Lines) -> tuple[list[Directive], list[Finding]]:
    directives: list[Directive] = []
    problems: list[Finding] = []
    open_: list[Directive] = []
    closed: set[int] = set()
    name = clean(path) if path is not None else "<stdin>"
    for m in _COMMENT.finditer(text):
        closed.add(m.start())
        action, body = m.group(1), m.group(2).strip()
        line = lines.position(m.start())[0]
        if action == "enable":
            names = set(_split_rules(body))
            for d in list(open_):
                if not names or names & set(d.rules):
                    d.regions[0] = (d.regions[0][0], m.start())
                    open_.remove(d)
            continue
        rules_part, colon, reason = body.partition(":")
        rules, reason = _split_rules(rules_part), reason.strip()
        if not rules or not colon or not reason:
            problems.append(_problem(
                f"factcheck-disable needs a rule and a reason, as in "
                f"<!-- factcheck-disable {clean(rules_part.strip()) or 'RULE'}: why -->; this one suppresses nothing",
                m.start(), m.end(), lines))
            continue
        d = Directive(rules, reason, f"{name}:{line}", [(m.end(), len(text))])
        directives.append(d)
        open_.append(d)
    for m in _OPENING.finditer(text):
        if m.start() not in closed:
            problems.append(_problem("a factcheck-disable/enable comment is not closed with -->; it suppresses "
                                     "nothing", m.start(), m.end(), lines))
    if len(problems) > MAX_PROBLEMS:
        extra = len(problems) - MAX_PROBLEMS + 1
        problems = problems[:MAX_PROBLEMS - 1] + [_problem(f"{extra} more malformed factcheck comments (not listed); "
                                                            "none of them suppresses anything",
                                                            problems[MAX_PROBLEMS - 1].start,
                                                            problems[MAX_PROBLEMS - 1].end, lines)]
    return directives, problems


def _sidecar_directives(text: str, path: Path | None, lines: Lines,
                        root: Path | None = None) -> tuple[list[Directive], list[Finding], list[str]]:
    if path is None:
        return [], [], []
    side = sidecar_path(path)
    if not os.path.lexists(side) or os.path.isdir(side):
        return [], [], []
    from .errors import InputError
    from .fileio import read_limited

    try:
        content = read_limited(side, MAX_SIDECAR_BYTES, root=root, what="suppression file").decode("utf-8-sig")
    except InputError as exc:
        raise FactcheckError(f"cannot read suppressions: {exc}") from None
    except UnicodeDecodeError as exc:
        raise FactcheckError(f"{clean(side)}: cannot read: not UTF-8 (byte {exc.start})") from None
    directives, problems, notes = [], [], []
    count = 0
    for n, raw in enumerate(content.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        count += 1
        if count > MAX_SIDECAR_LINES:
            raise FactcheckError(f"{clean(side)}:{n}: more than {MAX_SIDECAR_LINES} suppressions in one file")
        m = _SIDECAR_LINE.match(line)
        if not m:
            raise FactcheckError(f'{clean(side)}:{n}: expected `RULE: reason` or `RULE "text": reason`, '
                                 f'got {clean(line[:200])!r}')
        reason = (m.group("reason") or "").strip()
        if not reason:
            problems.append(_problem(f"{clean(side.name)}:{n}: suppression of {clean(m.group('rules'))} needs a "
                                     f"reason (RULE: why); it suppresses nothing", 0, 0, lines))
            continue
        frag = m.group("frag")
        if frag is None:
            regions = [(0, len(text) + 1)]
        else:
            regions = [(i.start(), i.start() + len(frag)) for i in re.finditer(re.escape(frag), text)] if frag else []
            if not regions:
                notes.append(f"{clean(side)}:{n}: text {clean(frag)!r} not found in {clean(path.name)}; the "
                             "suppression matches nothing")
                continue
        directives.append(Directive(_split_rules(m.group("rules")), reason, f"{clean(side)}:{n}", regions,
                                    overlap=frag is not None))
    return directives, problems, notes


def apply_suppressions(fr: FileReport, text: str, path: Path | None,
                       root: Path | None = None) -> tuple[FileReport, list[str]]:
    """The report without suppressed findings, plus messages about unused suppressions. path None: no file, so
    no sidecar (standard input). root: no link of the sidecar may lead out of it."""
    lines = Lines(text)
    path = Path(path) if path is not None else None
    directives, problems = _comment_directives(text, path, lines)
    side, side_problems, notes = _sidecar_directives(text, path, lines, root)
    directives += side
    kept = []
    for f in fr.findings:
        hits = [d for d in directives if f.verdict != "consistent" and d.covers(f)]
        for d in hits:
            d.used = True
        if not hits:
            kept.append(f)
    kept += problems + side_problems
    unused = notes + [f"{d.where}: unused suppression of {clean(', '.join(d.rules))} ({clean(d.reason)})"
                      for d in directives if not d.used]
    return fr.model_copy(update={"findings": kept}), unused
