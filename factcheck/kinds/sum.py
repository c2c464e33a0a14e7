"""Sums: parts listed after 其中/分别/包括 against their total.

Equality only when the list is plainly exhaustive: the rule says so (分别 lists), the text states a count that
matches the number of parts (四市 … 其中 four cities), or the parts form a known partition (三次产业); otherwise
the parts must not exceed the total.
"""

from __future__ import annotations

from . import Candidate, Kind, register
from ..model import Quantity


@register
class Sum(Kind):
    name = "sum"
    label = "Sum"

    def adjust(self, ctx, cand: Candidate) -> Candidate | None:
        total = cand.slots.get("total")
        parts = cand.slots.get("parts")
        if not isinstance(total, Quantity) or not isinstance(parts, list):
            return cand
        parts = [q for q in parts if q.type == total.type and q.unit == total.unit and q.index != total.index
                 and q.range_with is None]
        if len(parts) < int(cand.rule.params.get("min_parts", 2)):
            return None
        cand.slots["parts"] = parts
        cand.roles.update(parts="part", total="total")
        exhaustive, why = self._exhaustive(ctx, cand, total, parts)
        if exhaustive:
            cand.notes.append(why)
        else:
            cand.relation = "sum(parts) <= total"
            cand.notes.append("the list may not be exhaustive, so only checked that the parts do not exceed the total")
        return cand

    def _exhaustive(self, ctx, cand: Candidate, total: Quantity, parts: list[Quantity]) -> tuple[bool, str]:
        params = cand.rule.params
        if params.get("exhaustive"):
            return True, str(params.get("exhaustive_reason", "the list is introduced as complete"))
        s, _ = ctx.sentence_span(total.start)
        for q in ctx.quantities:
            if s <= q.start < parts[0].start and q.type == "amount" and q.unit != total.unit and q.bound == "exact" \
                    and q.value == len(parts) and q.decimals <= 0 and q.unit in params.get("count_units", []):
                cand.extra_quantities.append(q)
                return True, f"the text counts {len(parts)} parts ({q.text})"
        region = ctx.doc.norm[parts[0].start - 12 if parts[0].start > 12 else 0: parts[-1].end]
        for group in params.get("partitions", []):
            if all(word in region for word in group) and len(group) == len(parts):
                return True, f"the parts ({'/'.join(group)}) make up the whole"
        return False, ""
