"""JSON: the machine contract. {"files": [{"path", "findings": [{"rule", "kind", "verdict", "severity", "message",
"quantities": [{"text", "start", "end"}, ...]}, ...]}, ...]} plus more fields; the schema is published. The
document is Report.to_json() (model.py), the same the library API gives."""

from __future__ import annotations

from ..model import Report
from . import Renderer, register


@register
class JsonRenderer(Renderer):
    name = "json"
    extension = ".json"
    description = "the JSON report (schema: factcheck/schemas/report.schema.json)"

    def render(self, report: Report) -> str:
        return report.to_json() + "\n"
