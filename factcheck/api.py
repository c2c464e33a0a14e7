"""The library face: check a text or files and get a Report. The CLI is a thin layer over this."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .engine.check import judge
from .engine.context import Context
from .engine.match import find_candidates
from .engine.rules import RuleSpec, load_rules
from .errors import FactcheckError, InputError
from .extract import extract
from .model import Coverage, FileReport, Finding, Report
from .read import make_document, read_path

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text"}
_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_text(text: str, path: str = "<text>", language: str | None = None,
               rules: list[RuleSpec] | None = None, encoding: str = "utf-8",
               rule_paths: list[Path] | None = None, article_rules: list[Path] | None = None) -> FileReport:
    doc = make_document(text, path=path, encoding=encoding, language=language)
    quantities = extract(doc)
    ctx = Context(doc, quantities)
    active = rules if rules is not None else load_rules(rule_paths, doc.language)
    active = [r for r in active if r.language == doc.language]
    if os.environ.get("FC_FRAMES_ONLY"):  # TEMP experiment switch
        active = [r for r in active if r.frame]
    findings: list[Finding] = []
    for cand in find_candidates(ctx, active):
        f = judge(ctx, cand)
        if f is not None:
            findings.append(f)
    for rp in article_rules or []:
        from . import article_rules as ar

        spec = ar.load(rp)
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
                      text=text)


def check_file(path: Path, rules: list[RuleSpec] | None = None, language: str | None = None,
               rule_paths: list[Path] | None = None) -> FileReport:
    from .article_rules import is_article_rule_file, sidecar

    text, encoding = read_path(path)
    extra = [p for p in rule_paths or [] if p.is_file() and is_article_rule_file(p)]
    regular = [p for p in rule_paths or [] if p not in extra] or None
    own = sidecar(path)
    if own.is_file() and own not in extra:
        extra.append(own)
    return check_text(text, path=str(path), language=language, rules=rules, encoding=encoding,
                      rule_paths=regular, article_rules=extra)


def collect_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the articles inside folders (by extension, sorted, hidden folders skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in ARTICLE_SUFFIXES and not name.endswith((".expected.json",)):
                        found.append(f)
            if not found:
                raise InputError(f"{p}: no articles in this folder (looked for {', '.join(sorted(ARTICLE_SUFFIXES))})")
            out.extend(sorted(found))
        elif not p.exists():
            raise InputError(f"{p}: no such file")
        else:
            out.append(p)
    return out


def check_paths(paths: list[Path], rule_paths: list[Path] | None = None, language: str | None = None,
                jobs: int = 1) -> Report:
    files = collect_paths([Path(p) for p in paths])
    # Validate rule files once, before any article, so a bad rule file fails fast.
    from .article_rules import is_article_rule_file

    load_rules([p for p in rule_paths or [] if not is_article_rule_file(p)])
    reports = [check_file(f, language=language, rule_paths=rule_paths) for f in files]
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
