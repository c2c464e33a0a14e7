"""Tables of figures in the text (cells separated by |, one row a line or one cell a line): the rows under a
total row must add up to it, column by column.

Which rows: a known partition (第一产业/第二产业/第三产业) right under the total must equal it; otherwise the rows
under a 合计/总计 row must equal it, and the rows under any other total (GDP, 全市…) may not exceed it. Columns
whose header speaks of growth or shares (增长, %, 率, 比重) are not summed; without headers, columns with decimals
are taken for rates and skipped.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import Candidate, Kind, register

_NUM = re.compile(r"-?\d+(?:\.\d+)?\Z")
_RATE_HEADER = re.compile(r"%|增长|增速|增幅|下降|率|比重|占比|指数|同比|环比|比上年")
_TOTAL_LABEL = re.compile(r"合计|总计|小计|总额|总量|总值|全部|总体|GDP|生产总值|总产值|总收入|全市|全省|全国|全县|总数")
_SUMMED_LABEL = re.compile(r"合计|总计|小计")
_PARTITIONS = [("第一产业", "第二产业", "第三产业")]


def _cells(norm: str) -> list[list[tuple[str, int]]]:
    """Blocks of table cells: each a list of (text, start offset), in order. A block is a run of lines holding '|'."""
    blocks: list[list[tuple[str, int]]] = []
    cur: list[tuple[str, int]] = []
    pos = 0
    for line in norm.splitlines(keepends=True):
        if "|" in line:
            off = pos
            for piece in line.split("|"):
                t = piece.strip()
                if t:
                    cur.append((t, off + piece.index(t)))
                off += len(piece) + 1
        elif line.strip():
            if cur:
                blocks.append(cur)
            cur = []
        pos += len(line)
    if cur:
        blocks.append(cur)
    return blocks


def _rows(cells: list[tuple[str, int]]):
    """(column headers, rows) where each row is (label, [(text, start) ...]); None when the cells are not a table
    of one label and n figures per row."""
    i = 0
    while i < len(cells) and not _NUM.match(cells[i][0].replace(" ", "")):
        i += 1
    if i == 0 or i == len(cells):
        return None
    head = [c[0].replace(" ", "") for c in cells[: i - 1]]
    rows = []
    j = i - 1
    width = None
    while j < len(cells):
        label = cells[j][0]
        k = j + 1
        vals = []
        while k < len(cells) and _NUM.match(cells[k][0].replace(" ", "")):
            vals.append(cells[k])
            k += 1
        if not vals:
            break
        if width is None:
            width = len(vals)
        elif len(vals) != width:
            return None
        rows.append((label.replace(" ", ""), vals))
        j = k
    if width is None or len(rows) < 3:
        return None
    headers = head[-width:] if len(head) >= width else [""] * width
    return headers, rows


@register
class TableSum(Kind):
    name = "table_sum"
    label = "Table sum"

    def validate(self, rule) -> None:
        pass

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        by_start = {q.start: q for q in ctx.quantities}
        for cells in _cells(ctx.doc.norm):
            parsed = _rows(cells)
            if parsed is None:
                continue
            headers, rows = parsed
            total_label, total_vals = rows[0]
            if not _TOTAL_LABEL.search(total_label):
                continue
            labels = [r[0] for r in rows[1:]]
            groups: list[tuple[list[int], bool, str]] = []
            rest_from = 1
            for part in _PARTITIONS:
                idx = [1 + i for i, lb in enumerate(labels[: len(part)]) if lb.startswith(part[i])] \
                    if len(labels) >= len(part) else []
                if len(idx) == len(part):
                    groups.append((idx, True, f"the rows {'/'.join(part)} make up the total"))
                    rest_from = 1 + len(part)
            rest = list(range(rest_from, len(rows)))
            if len(rest) >= 2:
                if groups:
                    groups.append((rest, False, "a further breakdown of the total, not said to be complete"))
                elif _SUMMED_LABEL.search(total_label):
                    groups.append((rest, True, f"the rows under '{total_label}' are the parts it adds up"))
                else:
                    groups.append((rest, False, "the rows may not cover the whole"))
            for col, header in enumerate(headers):
                column = [r[1][col] for r in rows]
                if header and _RATE_HEADER.search(header):
                    continue
                if not header and any("." in t for t, _ in column):
                    continue
                if any(t.startswith("-") for t, _ in column):
                    continue
                qs = [by_start.get(s) for _, s in column]
                if any(q is None or q.text.replace(",", "") != t for q, (t, _) in zip(qs, column)):
                    continue
                for idx, exhaustive, why in groups:
                    parts = [qs[i] for i in idx]
                    c = Candidate(rule=rule, slots={"parts": parts, "total": qs[0]},
                                  relation="sum(parts) = total" if exhaustive else "sum(parts) <= total",
                                  stated="total", start=qs[0].start, end=parts[-1].end)
                    c.roles.update(parts="part", total="total")
                    c.may_be_partial = not exhaustive
                    c.notes.append(why + (f" (column '{header}')" if header else ""))
                    yield c
