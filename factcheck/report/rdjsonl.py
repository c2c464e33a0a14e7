"""reviewdog rdjsonl: one Diagnostic JSON object per line.

reviewdog counts columns in UTF-8 bytes (a Chinese character is 3) and its range end is exclusive, so columns
here are bytes, unlike SARIF's code points. Consistent findings are skipped.
"""

from __future__ import annotations

import json

from ..display import json_escape_invisible
from ..model import Report
from . import Renderer, register
from ._ci import RDJSON_SEVERITY, Lines, finding_span, ordered, repo_relative


def to_diagnostics(report: Report) -> list[dict]:
    out = []
    cache: dict[int, Lines] = {}
    for fr, f in ordered(report):
        lines = cache.setdefault(id(fr), Lines(fr.text))
        span = finding_span(f, lines)
        if lines.text is not None:
            start_col, end_col = lines.byte_column(span.start), lines.byte_column(span.end)
        else:  # without the text, code points are the best we have
            start_col, end_col = span.start_column, span.end_column
        message = f.message + (f"\n{f.arithmetic}" if f.arithmetic else "")
        diag = {
            "message": message,
            "location": {
                "path": repo_relative(fr.path)[0],
                "range": {
                    "start": {"line": span.start_line, "column": start_col},
                    "end": {"line": span.end_line, "column": end_col},
                },
            },
            "severity": RDJSON_SEVERITY.get(f.severity, "WARNING"),
            "source": {"name": "factcheck"},
            "code": {"value": f.rule},
        }
        out.append(diag)
    for fr in report.files:  # what could not be checked, and what the reader must know, on the file's first line
        for message, severity in ([(fr.error, "ERROR")] if fr.error else []) + [(w, "WARNING") for w in fr.warnings]:
            out.append({"message": message, "location": {"path": repo_relative(fr.path)[0],
                                                         "range": {"start": {"line": 1, "column": 1}}},
                        "severity": severity, "source": {"name": "factcheck"}, "code": {"value": "factcheck"}})
    return out


@register
class RdjsonlRenderer(Renderer):
    name = "rdjsonl"
    extension = ".jsonl"
    description = "reviewdog diagnostics, one JSON object per line (reviewdog -f=rdjsonl)."

    def render(self, report: Report) -> str:
        return json_escape_invisible("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in to_diagnostics(report)))
