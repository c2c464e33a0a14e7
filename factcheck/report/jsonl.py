"""JSON Lines: one line per article, each the same object as an entry of the JSON report's "files". For archives:
a batch of any size is written as it is checked, and each line can be read (or skipped) on its own. The run's
warnings are not lines (they go to standard error, as with every machine format)."""

from __future__ import annotations

from ..model import Report
from . import Renderer, register


@register
class JsonLinesRenderer(Renderer):
    name = "jsonl"
    extension = ".jsonl"
    description = "one JSON object per article per line (an entry of the JSON report's files)"

    def render(self, report: Report) -> str:
        return "".join(fr.to_json() + "\n" for fr in report.files)
