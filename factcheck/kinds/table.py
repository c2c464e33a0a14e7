"""Tables in plain text: a label, then figures in columns, one row a line.

Two checks, both only where the table says what its columns and rows are:
- a last column headed Difference / Change (the rule lists the words): in every row of three figures the last is
  the second minus the first;
- rows labelled as receipts, outlays and a balance (surplus / deficit; the rule lists the words): in every column
  the balance is receipts minus outlays (a deficit written as a positive figure is outlays minus receipts).

The header is the block of short lines right above the first row. Language-neutral: the words come from the rule.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register
from ..model import Quantity

_ROW = re.compile(r"^[ \t]*(?P<label>[^\W\d][^\n]*?)[ \t]+(?P<nums>[-+(]?[$€£]?\d[^\n]*?)[ \t]*$")
_NUMS_ONLY = re.compile(r"^[-+()$€£\d.,\s]+$")


_RATE_HEAD = re.compile(r"(?i)percent|per cent|%|\bpct\b|\brate\b|\bratio\b")


def _fits(lo: float, hi: float, c: Quantity) -> bool:
    return lo <= c.hi and c.lo <= hi


def _words(params: dict, key: str) -> re.Pattern | None:
    ws = params.get(key) or []
    if not ws:
        return None
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in ws) + r")\b")


@register
class Table(Kind):
    name = "table"
    label = "Table"

    def validate(self, rule) -> None:
        if not (rule.params.get("difference_headers") or rule.params.get("receipts")):
            raise ValueError("kind table needs params difference_headers or receipts/outlays/balance")

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        norm = ctx.doc.norm
        lines = []  # (start, end, text)
        for m in re.finditer(r"[^\n]*", norm):
            if m.start() == m.end() and lines and lines[-1][1] == m.start():
                continue
            lines.append((m.start(), m.end(), m.group().rstrip("\r")))
        by_start = {q.start: q for q in ctx.quantities}
        qs_sorted = ctx.quantities
        i = 0
        while i < len(lines):
            rows = []
            j = i
            while j < len(lines):
                row = self._row(lines[j], qs_sorted)
                if row is None:
                    break
                rows.append(row)
                j += 1
            if len(rows) >= 2:
                header = self._header(lines, i)
                yield from self._check(ctx, rule, header, rows)
                i = j
            else:
                i += 1
        del by_start

    @staticmethod
    def _row(line, quantities):
        s, e, text = line
        m = _ROW.match(text)
        if not m or not _NUMS_ONLY.match(m.group("nums")):
            return None
        label = m.group("label").strip()
        if len(label) > 40 or not re.search(r"[^\W\d]{3}", label):
            return None
        ns = s + m.start("nums")
        qs = [q for q in quantities if ns <= q.start and q.end <= e]
        if len(qs) < 2 or any(q.type not in ("amount", "number") or q.furniture for q in qs):
            return None
        if len({q.unit for q in qs}) > 1:
            return None
        return label, qs

    @staticmethod
    def _header(lines, i) -> str:
        """Short lines right above the table, up to a blank-free stretch of prose or another table."""
        out = []
        k = i - 1
        while k >= 0 and len(out) < 12:
            t = lines[k][2].strip()
            if len(t) > 60 or (re.search(r"\d", t) and not re.fullmatch(r"(?:FY|CY)?\s?\d{4}|\(.*\)", t)):
                break
            if t:
                out.append(t)
            k -= 1
        return "\n".join(reversed(out))

    def _check(self, ctx, rule, header: str, rows) -> Iterator[Candidate]:
        p = rule.params
        diff = _words(p, "difference_headers")
        head_lines = [h for h in header.split("\n") if h.strip()]
        last = head_lines[-1] if head_lines else ""
        if diff and diff.search(last) and not _RATE_HEAD.search(last):
            rows3 = [(label, qs) for label, qs in rows if len(qs) == 3]
            # Columns may run newer first: read the table the way most of its rows fit.
            fwd = sum(_fits(b.lo - a.hi, b.hi - a.lo, c) for _, (a, b, c) in rows3)
            back = sum(_fits(a.lo - b.hi, a.hi - b.lo, c) for _, (a, b, c) in rows3)
            rel, order = ("a - b = c", "the first figure minus the second") if back > fwd else \
                ("b - a = c", "the second figure minus the first")
            for label, (a, b, c) in rows3:
                yield Candidate(rule=rule, slots={"a": a, "b": b, "c": c}, relation=rel, stated="c",
                                start=a.start, end=c.end, roles={"a": "start", "b": "end", "c": "stated"},
                                notes=[f"row '{label}': the column headed '{last}' is {order}"])
        rec, out, bal = _words(p, "receipts"), _words(p, "outlays"), _words(p, "balance")
        if not (rec and out and bal):
            return
        r = next(((lb, qs) for lb, qs in rows if rec.search(lb)), None)
        o = next(((lb, qs) for lb, qs in rows if out.search(lb)), None)
        b = next(((lb, qs) for lb, qs in rows if bal.search(lb)), None)
        if not (r and o and b) or not len(r[1]) == len(o[1]) == len(b[1]):
            return
        deficit = _words(p, "deficit_words")
        for col, (rq, oq, bq) in enumerate(zip(r[1], o[1], b[1])):
            if deficit and deficit.search(b[0]) and bq.value > 0:
                rel, note = "o - r = s", f"'{b[0]}' is written as a positive figure: outlays minus receipts"
            else:
                rel, note = "r - o = s", f"'{b[0]}' is receipts minus outlays"
            yield Candidate(rule=rule, slots={"r": rq, "o": oq, "s": bq}, relation=rel, stated="s",
                            start=rq.start, end=bq.end, roles={"r": "receipts", "o": "outlays", "s": "stated"},
                            notes=[f"column {col + 1}: {note}"])
