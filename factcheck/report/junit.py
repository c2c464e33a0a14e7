"""JUnit XML for GitLab, Jenkins and other test report viewers.

One <testsuite> per article, one <testcase> per finding:
- discrepancy  -> <failure type=SEVERITY> (the arithmetic does not hold);
- unverifiable -> <skipped> (the relation was seen but could not be checked);
- partial      -> <skipped> (a list that may be partial falls short of its whole: not wrong, not confirmed);
- rounding and consistent -> a passing test case (the figures agree within rounding), so the report also shows
  what was checked.
An article that could not be read gets one test case with <error>. classname + name are unique in a run
(GitLab merges test cases that share them): the name carries the rule id, line:column and a short hash.
<system-out> holds the arithmetic.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET

from ..display import xml_escape_invisible
from ..model import Finding, Report
from . import Renderer, register
from ._ci import Lines, finding_fingerprint, finding_span, repo_relative

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(s: str) -> str:
    return _INVALID_XML.sub("\ufffd", s)


def _details(f: Finding) -> str:
    rows = [("verdict", f.verdict), ("severity", f.severity), ("kind", f.kind), ("arithmetic", f.arithmetic),
            ("expected", f.expected), ("stated", f.stated), ("correction", f.correction), ("note", f.note)]
    rows += [(q.role or "quantity", q.text) for q in f.quantities]
    return _clean("\n".join(f"{k}: {v}" for k, v in rows if v))


def to_xml(report: Report) -> ET.Element:
    root = ET.Element("testsuites", name="factcheck")
    seen: set[tuple[str, str]] = set()
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for fr in report.files:
        rel = repo_relative(fr.path)[0]
        classname = _clean("factcheck." + rel)
        suite = ET.SubElement(root, "testsuite", name=_clean(rel))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        lines = Lines(fr.text)
        if fr.error:
            case = ET.SubElement(suite, "testcase", classname=classname, name="read")
            ET.SubElement(case, "error", message=_clean(fr.error), type="input")
            counts["tests"] += 1
            counts["errors"] += 1
        for f in sorted(fr.findings, key=lambda f: f.start):
            span = finding_span(f, lines)
            digest = hashlib.sha1(finding_fingerprint(f, fr.text).encode()).hexdigest()[:7]
            name = _clean(f"{f.rule} {span.start_line}:{span.start_column} [{digest}]")
            n = 2
            unique = name
            while (classname, unique) in seen:  # the same claim twice at one place: still two test cases
                unique, n = f"{name} #{n}", n + 1
            seen.add((classname, unique))
            case = ET.SubElement(suite, "testcase", classname=classname, name=unique,
                                 file=_clean(rel), line=str(span.start_line))
            counts["tests"] += 1
            if f.verdict == "discrepancy":
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.severity)
                failure.text = _details(f)
                counts["failures"] += 1
            elif f.verdict in ("unverifiable", "partial"):
                ET.SubElement(case, "skipped", message=_clean(f.message))
                counts["skipped"] += 1
            out = ET.SubElement(case, "system-out")
            out.text = _clean(f.message + "\n" + _details(f))
        if fr.warnings:
            ET.SubElement(suite, "system-err").text = _clean("\n".join(f"warning: {w}" for w in fr.warnings))
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    if report.warnings:  # run-wide warnings (a configuration that switches checks off): one skipped case each
        suite = ET.SubElement(root, "testsuite", name="factcheck")
        for n, w in enumerate(report.warnings, start=1):
            case = ET.SubElement(suite, "testcase", classname="factcheck", name=f"warning {n}")
            ET.SubElement(case, "skipped", message=_clean(w))
        suite.set("tests", str(len(report.warnings)))
        suite.set("skipped", str(len(report.warnings)))
        suite.set("failures", "0")
        suite.set("errors", "0")
        totals["tests"] += len(report.warnings)
        totals["skipped"] += len(report.warnings)
    for k, v in totals.items():
        root.set(k, str(v))
    return root


@register
class JunitRenderer(Renderer):
    name = "junit"
    extension = ".xml"
    description = "JUnit XML test report (GitLab artifacts:reports:junit, Jenkins)."

    def render(self, report: Report) -> str:
        root = to_xml(report)
        ET.indent(root)
        return xml_escape_invisible('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
                                    + "\n")
