"""GitHub Actions workflow commands: one `::error|warning|notice file=…::message` line per finding.

Escaping follows the Actions toolkit: in the message (data) % -> %25, \\r -> %0D, \\n -> %0A; in properties also
: -> %3A and , -> %2C. Before that, every piece that came from input (file names, article text in messages) has
its control, bidi and invisible characters shown as escapes (display.clean), so no input can start a line of its
own in the log or hide what it says. Errors come first, then warnings, then notices, because GitHub shows only the first
annotations of a step. Columns are code points; col/endColumn are given only when the finding sits on one line,
as GitHub accepts columns only then. Consistent findings are skipped.
"""

from __future__ import annotations

from ..display import clean
from ..model import Report
from . import Renderer, register
from ._ci import GITHUB_COMMAND, Lines, finding_span, ordered, repo_relative, title


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, props: dict[str, object], message: str) -> str:
    """One workflow command. The message may hold line breaks of our own; everything else is made safe here."""
    joined = ",".join(f"{k}={escape_property(clean(v))}" for k, v in props.items())
    return f"::{command} {joined}::{escape_data(chr(10).join(clean(part) for part in message.split(chr(10))))}"


def to_commands(report: Report) -> list[str]:
    out = []
    cache: dict[int, Lines] = {}
    for fr, f in ordered(report):
        span = finding_span(f, cache.setdefault(id(fr), Lines(fr.text)))
        props: dict[str, object] = {"file": repo_relative(fr.path)[0], "line": span.start_line,
                                    "endLine": span.end_line}
        if span.start_line == span.end_line:
            props["col"] = span.start_column
            props["endColumn"] = max(span.end_column - 1, span.start_column)  # GitHub's end column is inclusive
        props["title"] = title(f)
        message = f.message + (f"\n{f.arithmetic}" if f.arithmetic else "")
        out.append(annotation(GITHUB_COMMAND.get(f.severity, "warning"), props, message))
    for fr in report.files:
        if fr.error:
            out.append(annotation("error", {"file": repo_relative(fr.path)[0], "title": "factcheck"}, fr.error))
        for w in fr.warnings:
            out.append(annotation("warning", {"file": repo_relative(fr.path)[0], "title": "factcheck"}, w))
    for w in report.warnings:
        out.append(annotation("warning", {"title": "factcheck"}, w))
    return out


@register
class GithubRenderer(Renderer):
    name = "github"
    extension = ".txt"
    description = "GitHub Actions annotations (workflow commands)."

    def render(self, report: Report) -> str:
        lines = to_commands(report)
        return "\n".join(lines) + "\n" if lines else ""
