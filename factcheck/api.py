"""The library face: check a text or files and get a Report. The CLI is a thin layer over this."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .engine.check import judge
from .engine.context import Context
from .engine.match import find_candidates
from . import plugins
from .engine.rules import RuleSpec
from .engine.rules import load_rules as _load_rules
from .display import clean
from .errors import FactcheckError, InputError
from .extract import extract
from .model import Coverage, FileReport, Finding, Report
from .read import make_document, read_path

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text"}
# A statistical bulletin holds a few thousand figures; a text with more than this is not an article, and every
# stage after reading costs time and memory per figure (1,000,000 figures: 70 s and 1.5 GB). Counted as runs of
# digits, before anything else is done.
MAX_FIGURES = 100_000
_DIGIT_RUN = re.compile(r"\d+")
_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_text(text: str, path: str = "<text>", language: str | None = None,
               rules: list[RuleSpec] | None = None, encoding: str = "utf-8",
               rule_paths: list[Path] | None = None, article_rules: list[Path] | None = None,
               root: Path | None = None) -> FileReport:
    from .read.document import language_note
    from .read.invisible import screen

    if language == "auto":
        language = None
    if language not in (None, "zh", "en"):
        raise FactcheckError(f"language {clean(language)!r}: choose zh, en or auto")
    if language is None:
        from .read.decode import foreign_script

        script = foreign_script(text)
        if script:
            raise InputError(f"{clean(path)}: looks like {script} text; factcheck reads Chinese and English articles "
                             "(pass --language zh or en to check it anyway)")
    figures = _DIGIT_RUN.subn("", text)[1]
    if figures > MAX_FIGURES:
        raise InputError(f"{clean(path)}: {figures:,} figures is more than an article holds (the limit is "
                         f"{MAX_FIGURES:,}); refused")
    doc = make_document(text, path=path, encoding=encoding, language=language)
    quantities, hidden = screen(doc, extract(doc))
    warnings = [note] if language is None and (note := language_note(doc.norm, doc.language, doc._scripts)) else []
    ctx = Context(doc, quantities)
    active = rules if rules is not None else load_rules(rule_paths, doc.language)
    active = [r for r in active if r.language == doc.language]
    findings: list[Finding] = list(hidden)
    for cand in find_candidates(ctx, active):
        f = judge(ctx, cand)
        if f is not None:
            findings.append(f)
    for rp in article_rules or []:
        from . import article_rules as ar

        own = rp == ar.sidecar(Path(path))  # found beside the article: no link of it may leave the article's tree
        spec = ar.load(rp, root=root if own else None)
        if spec.article and Path(path).name != spec.article and rp != ar.sidecar(Path(path)):
            continue  # written for another article
        findings.extend(ar.check(spec, str(rp), ctx))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    live = [q for q in quantities if not q.furniture]
    used = {(r.start, r.end) for f in findings for r in f.quantities}
    checked = sum(1 for q in live if (q.start, q.end) in used)
    cov = Coverage(numbers_found=len(live), numbers_checked=checked, numbers_unchecked=len(live) - checked,
                   furniture_numbers=len(quantities) - len(live))
    return FileReport(path=path, language=doc.language, findings=findings, coverage=cov, quantities=quantities,
                      text=text, warnings=warnings)


def check_file(path: Path, rules: list[RuleSpec] | None = None, language: str | None = None,
               rule_paths: list[Path] | None = None, root: Path | None = None) -> FileReport:
    """Check one article file. `root`: the folder it came from; no symbolic link (the article's, or that of its
    <article>.factcheck.yaml) is followed out of it."""
    from .article_rules import is_article_rule_file, sidecar

    text, encoding = read_path(path, root)
    extra = [p for p in rule_paths or [] if p.is_file() and is_article_rule_file(p)]
    regular = [p for p in rule_paths or [] if p not in extra] or None
    own = sidecar(path)
    if os.path.lexists(own) and own not in extra:
        extra.append(own)
    return check_text(text, path=str(path), language=language, rules=rules, encoding=encoding,
                      rule_paths=regular, article_rules=extra, root=root)


def collect_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the articles inside folders (by extension, sorted, hidden folders skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = [f for f, _ in _walk(p)]
            if not found:
                raise InputError(f"{clean(p)}: no articles in this folder (looked for "
                                 f"{', '.join(sorted(ARTICLE_SUFFIXES))})")
            out.extend(found)
        elif not os.path.lexists(p):
            raise InputError(f"{clean(p)}: no such file")
        else:
            out.append(p)
    return out


def _walk(folder: Path) -> list[tuple[Path, str | None]]:
    """Article files under folder, sorted, with a problem for each folder that cannot be listed. Links to folders
    are not followed (a loop of them would never end); links to files are listed and checked when read."""
    found: list[tuple[Path, str | None]] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
        for name in sorted(files):
            f = Path(root) / name
            if f.suffix.lower() in ARTICLE_SUFFIXES and not name.endswith((".expected.json",)):
                found.append((f, None))
    for e in errors:
        if e.filename and os.path.abspath(e.filename) != os.path.abspath(folder):
            found.append((Path(e.filename), f"{clean(e.filename)}: cannot list this folder ({e.strerror or e})"))
        elif e.filename:
            raise InputError(f"{clean(folder)}: cannot list this folder ({e.strerror or e})")
    return sorted(found, key=lambda x: str(x[0]))


@dataclass(frozen=True)
class Input:
    """An article to check: its path as given or found, the folder no symbolic link of it may lead out of, and
    its place in the run."""

    path: Path
    root: Path
    order: int


def collect_inputs(paths: list[Path], repo_root: Path | None = None) -> tuple[list[Input], list[tuple[int, str, str]]]:
    """The articles of a run, and the problems (order, name, message) of the ones that cannot be listed. Articles
    found by walking a folder that .gitignore ignores are left out (git asked about the working directory's
    repository only); files named on the command line are always checked. Inside the repository, links may lead
    anywhere inside it; outside, only inside the folder given (or the named file's folder)."""
    from .fileio import inside
    from .gitutil import ignored, toplevel

    top = toplevel()
    listed: list[tuple[Path, Path, str | None, bool]] = []  # (path, root, problem, walked)
    for p in paths:
        given = Path(os.path.realpath(p)) if os.path.isdir(p) else Path(os.path.realpath(os.path.dirname(
            os.path.abspath(p))))
        root = top if top is not None and inside(given, top) else given
        if os.path.isdir(p):
            found = _walk(p)
            if not found:
                raise InputError(f"{clean(p)}: no articles in this folder (looked for "
                                 f"{', '.join(sorted(ARTICLE_SUFFIXES))})")
            listed += [(f, root, problem, True) for f, problem in found]
        elif not os.path.lexists(p):
            raise InputError(f"{clean(p)}: no such file")
        else:
            listed.append((Path(p), root, None, False))
    real_dirs: dict[Path, Path] = {}  # each folder resolved once, not each file (twice) as before

    def real(f: Path) -> Path:
        d = real_dirs.get(f.parent)
        if d is None:
            d = real_dirs[f.parent] = Path(os.path.realpath(f.parent))
        return d / f.name

    # outside a repository nothing is ignored: no real path is needed (an archive's 20,000 of them would stay as
    # fragments in the memory every worker inherits)
    walked = {n: real(f) for n, (f, _, problem, w) in enumerate(listed) if w and problem is None} if top else {}
    drop = ignored(list(walked.values())) if walked else set()
    inputs: list[Input] = []
    problems: list[tuple[int, str, str]] = []
    for n, (f, root, problem, w) in enumerate(listed):
        if problem is not None:
            problems.append((n, str(f), problem))
        elif w and drop and walked[n] in drop:
            continue
        else:
            inputs.append(Input(f, root, n))
    return inputs, problems


def check_paths(paths: list[Path], rule_paths: list[Path] | None = None, language: str | None = None,
                jobs: int = 1) -> Report:
    inputs, problems = collect_inputs([Path(p) for p in paths])
    if problems:
        raise InputError(problems[0][2])
    # Validate rule files once, before any article, so a bad rule file fails fast.
    from .article_rules import is_article_rule_file

    load_rules([p for p in rule_paths or [] if not is_article_rule_file(p)])
    reports = [check_file(i.path, language=language, rule_paths=rule_paths, root=i.root) for i in inputs]
    return Report(version=__version__, generated=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  files=reports)


def worst(report: Report) -> str | None:
    best = None
    for fr in report.files:
        for f in fr.findings:
            if f.verdict == "consistent":
                continue
            if best is None or _ORDER[f.severity] < _ORDER[best]:
                best = f.severity
    return best


__all__ = ["check_text", "check_file", "check_paths", "collect_paths", "FactcheckError"]


def load_rules(paths=None, language=None):
    """Built-in rules and those in `paths`, with every kind registered first."""
    plugins.load()
    return _load_rules(paths, language)
