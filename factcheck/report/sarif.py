"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (run.columnKind = "unicodeCodePoints"): a Chinese character counts 1, as in our
offsets. Consistent findings are not results. A result's level follows the finding's severity (error -> error,
warning -> warning, info -> note), so what code scanning shows agrees with the exit code of --fail-on.
"""

from __future__ import annotations

import json
from functools import lru_cache
from urllib.parse import quote

from .. import __version__
from ..display import json_escape_invisible
from ..model import FileReport, Finding, Report
from . import Renderer, register
from ._ci import KIND_HELP, SARIF_LEVEL, Lines, finding_fingerprint, finding_span, ordered, repo_relative

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL_RANK = {"note": 0, "warning": 1, "error": 2}


@lru_cache(maxsize=1)
def information_uri() -> str | None:
    """The project's home page from the installed package metadata ([project.urls] in pyproject.toml)."""
    from importlib import metadata  # lazy: reading package metadata costs milliseconds at start-up

    try:
        meta = metadata.metadata("factcheck")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = entry.partition(",")
        if url.strip().startswith("http"):
            return url.strip()
    home = meta.get("Home-page")
    return home if home and home.startswith("http") else None


def _artifact(fr: FileReport) -> dict:
    rel, ok = repo_relative(fr.path)
    if ok:
        return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}
    return {"uri": "file://" + quote(rel if rel.startswith("/") else "/" + rel, safe="/:")}


def _region(span, lines: Lines) -> dict:
    region = {
        "startLine": span.start_line,
        "startColumn": span.start_column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }
    if lines.text is not None and span.end > span.start:
        region["snippet"] = {"text": lines.text[span.start : span.end]}
    return region


def _message(f: Finding) -> str:
    parts = [f.message]
    for label, value in (("Arithmetic", f.arithmetic), ("Expected", f.expected), ("Stated", f.stated),
                         ("Likely correction", f.correction), ("Note", f.note)):
        if value:
            parts.append(f"{label}: {value}")
    return "\n".join(parts)


def _rule(rule_id: str, kind: str, level: str) -> dict:
    help_text = KIND_HELP.get(kind, KIND_HELP["other"])
    return {
        "id": rule_id,
        "name": rule_id.replace(".", "_").replace("-", "_"),
        "shortDescription": {"text": f"{kind} check ({rule_id})"},
        "fullDescription": {"text": help_text},
        "help": {
            "text": help_text + " Figures are compared as intervals that allow for the rounding of each number.",
            "markdown": f"**{kind}** — {help_text}\n\nFigures are compared as intervals that allow for the "
            "rounding of each stated number, so `54.3` stands for anything in [54.25, 54.35).",
        },
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["arithmetic", kind]},
    }


def sarif_result(fr: FileReport, f: Finding, lines: Lines) -> dict:
    """One result; its ruleIndex (the rule's place in the run's rule list) is -1 until the caller knows it."""
    artifact = _artifact(fr)
    span = finding_span(f, lines)
    result = {
        "ruleId": f.rule,
        "ruleIndex": -1,
        "level": SARIF_LEVEL.get(f.severity, "warning"),
        "message": {"text": _message(f)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(span, lines)}}],
        "partialFingerprints": {"factcheck/v1": finding_fingerprint(f, fr.text)},
        "properties": {"verdict": f.verdict, "kind": f.kind, "severity": f.severity},
    }
    related = []
    for i, q in enumerate(f.quantities, start=1):
        qspan = lines.span(q.start, q.end, q.line, q.column)
        related.append({
            "id": i,
            "message": {"text": f"{q.role}: {q.text}" if q.role else q.text},
            "physicalLocation": {"artifactLocation": artifact, "region": _region(qspan, lines)},
        })
    if related:
        result["relatedLocations"] = related
    return result


def rules_in_order(results: list[tuple[str, str, str]]) -> list[dict]:
    """The run's rule list from (rule id, kind, level) in result order: first appearance, highest level."""
    rules: dict[str, dict] = {}
    for rule_id, kind, level in results:
        known = rules.get(rule_id)
        if known is None:
            rules[rule_id] = _rule(rule_id, kind, level)
        elif _LEVEL_RANK[level] > _LEVEL_RANK[known["defaultConfiguration"]["level"]]:
            known["defaultConfiguration"]["level"] = level
    return list(rules.values())


def file_notes(fr: FileReport) -> tuple[list[dict], list[dict]]:
    """A file's tool notifications: (its error, if it could not be checked; its warnings)."""
    where = [{"physicalLocation": {"artifactLocation": _artifact(fr)}}]
    errors = [{"level": "error", "message": {"text": fr.error}, "locations": where}] if fr.error else []
    return errors, [{"level": "warning", "message": {"text": w}, "locations": where} for w in fr.warnings]


def run_skeleton(version: str, rules: list[dict]) -> dict:
    """The SARIF document without results and invocations."""
    driver = {"name": "factcheck", "version": version or __version__, "rules": rules}
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root (or working folder)."}}},
        "results": [],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def invocation(failed: bool, notes: list[dict]) -> dict:
    out: dict = {"executionSuccessful": not failed}
    if notes:
        out["toolExecutionNotifications"] = notes
    return out


def to_sarif(report: Report) -> dict:
    pairs = ordered(report)
    rules = rules_in_order([(f.rule, f.kind, SARIF_LEVEL.get(f.severity, "warning")) for _, f in pairs])
    index = {r["id"]: i for i, r in enumerate(rules)}

    lines_of: dict[int, Lines] = {}
    results = []
    for fr, f in pairs:
        result = sarif_result(fr, f, lines_of.setdefault(id(fr), Lines(fr.text)))
        result["ruleIndex"] = index[f.rule]
        results.append(result)

    doc = run_skeleton(report.version, rules)
    run = doc["runs"][0]
    run["results"] = results
    errors, warnings = [], []
    for fr in report.files:
        e, w = file_notes(fr)
        errors += e
        warnings += w
    notes = errors + warnings + [{"level": "warning", "message": {"text": w}} for w in report.warnings]
    run["invocations"] = [invocation(bool(errors), notes)]
    return doc


@register
class SarifRenderer(Renderer):
    name = "sarif"
    extension = ".sarif"
    description = "SARIF 2.1.0 for GitHub code scanning (upload-sarif) and SARIF viewers."

    def render(self, report: Report) -> str:
        return json_escape_invisible(json.dumps(to_sarif(report), ensure_ascii=False, indent=2)) + "\n"
