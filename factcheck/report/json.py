"""JSON: the machine contract. {"files": [{"path", "findings": [{"rule", "kind", "verdict", "severity", "message",
"quantities": [{"text", "start", "end"}, ...]}, ...]}, ...]} plus more fields; the schema is published."""

from __future__ import annotations

import json

from ..display import json_escape_invisible
from ..model import Report
from . import Renderer, register

EXCLUDE = {"files": {"__all__": {"text", "quantities"}}}


def report_dict(report: Report) -> dict:
    return report.model_dump(mode="json", exclude=EXCLUDE)


@register
class JsonRenderer(Renderer):
    name = "json"
    extension = ".json"
    description = "the JSON report (schema: factcheck/schemas/report.schema.json)"

    def render(self, report: Report) -> str:
        return json_escape_invisible(json.dumps(report_dict(report), ensure_ascii=False, indent=2)) + "\n"
