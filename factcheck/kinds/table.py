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
from dataclasses import replace
from typing import Iterator

from . import Candidate, Kind, register
from ..model import Quantity

_ROW = re.compile(r"^[ \t]*(?P<label>[^\W\d][^\n]*?)[ \t]+(?P<nums>[-+(]?[$€£]?\d[^\n]*?)[ \t]*$")
_NUMS_ONLY = re.compile(r"^[-+()$€£\d.,\s]+$|^[-+()$€£\d.,\s]*\d[ \t]+\d[\d.,]*%$|^[-\d\s]*\d{1,3}:\d\d[-\d:\s]*$")  # or with a time played (35:10)
_PLAYED = re.compile(r"(?<![\d:])\d{1,3}:\d\d(?![\d:])")


# a row labelled by a period: 2010 Q1, Q2, 2011, 2012 Jan, March
_PERIOD_ROW = re.compile(r"^[ \t]*(?P<label>(?:(?:19|20)\d\d(?:[ \t]+(?:Q[1-4]|[A-Z][a-z]{2,8}))?|Q[1-4]|"
                         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*))[ \t]+(?P<nums>[-+]?\d[-+\d.,\t ]*)$")
_BULLET = re.compile(r"^[ \t]*[-•*·][ \t]+(?=[^\W\d])")
_SCALE_WORD = re.compile(r"(?<=\d)\s?(?:million|billion|thousand|trillion|bn|m)\b")
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
        if not (rule.params.get("difference_headers") or rule.params.get("receipts") or rule.params.get("labour")
                or rule.params.get("total_labels") or rule.params.get("total_marks") or rule.params.get("inline_totals")
                or rule.params.get("series_headers")):
            raise ValueError("kind table needs params difference_headers or receipts/outlays/balance")

    def candidates(self, ctx, rule) -> Iterator[Candidate]:
        if rule.params.get("series_headers"):
            yield from self._series(ctx, rule)
            return
        if rule.params.get("total_marks"):
            yield from self._marked_totals(ctx, rule)
            return
        if rule.params.get("inline_totals"):
            yield from self._inline_totals(ctx, rule)
            return
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
                if row is None and j + 1 < len(lines):
                    row = self._split_row(lines[j], lines[j + 1], qs_sorted)
                    if row is not None:
                        j += 1
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
        text = _BULLET.sub(lambda b: " " * len(b.group()), text)  # '- General fund: $915.3 million': a row too
        m = _ROW.match(text)
        if not m or not _NUMS_ONLY.match(_SCALE_WORD.sub("", m.group("nums"))):
            return None
        label = m.group("label").strip()
        if len(label) > 40 or not re.search(r"[^\W\d]{3}", label):
            return None
        ns = s + m.start("nums")
        qs = _row_figures(quantities, ns, e, text, s)
        return (label, qs) if qs else None

    @staticmethod
    def _split_row(label_line, nums_line, quantities):
        """A label alone on its line and its figures on the next (releases copied from a web table)."""
        label = label_line[2].strip().rstrip(".: ")
        if not label or len(label) > 60 or re.search(r"\d", label) or not re.search(r"[^\W\d]{3}", label):
            return None
        s, e, text = nums_line
        if not text.strip() or not _NUMS_ONLY.match(text):
            return None
        qs = _row_figures(quantities, s, e, text, s)
        return (label, qs) if qs else None

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
        if p.get("total_labels"):
            yield from self._totals(rule, rows, header)
        rows = _one_unit(rows)
        if p.get("labour"):
            yield from self._labour(rule, rows)
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

    def _series(self, ctx, rule) -> Iterator[Candidate]:
        """Rows labelled by period (2010 Q1, Q2 …; 2011; Jan …) under a header that says the second column is the
        percentage change on the previous period: each row's change is its level over the row before. Read so only
        where most rows fit (a column of absolute changes, or of another series, does not)."""
        heads = _words(rule.params, "series_headers")
        prev = _words(rule.params, "series_previous")
        norm = ctx.doc.norm
        lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*", norm) if m.group().strip()]
        block: list = []
        for k, line in enumerate(lines + [(len(norm), len(norm), "")]):
            m = _PERIOD_ROW.match(line[2])
            qs = _row_figures(ctx.quantities, line[0] + m.start("nums"), line[1]) if m else None
            if qs and len(qs) >= 2:
                block.append((m.group("label").strip(), qs))
                continue
            if len(block) >= 3:
                start = next(i for i, ln in enumerate(lines) if ln[0] <= block[0][1][0].start < ln[1] + 1)
                header = "\n".join(ln[2] for ln in lines[max(0, start - 4):start])
                if heads.search(header) and prev and prev.search(header):
                    yield from self._series_rows(rule, block)
            block = []

    @staticmethod
    def _series_rows(rule, block) -> Iterator[Candidate]:
        pairs = [(block[i - 1], block[i]) for i in range(1, len(block))]
        fit = 0
        for (_, a), (_, b) in pairs:
            lo, hi = (b[0].lo / a[0].hi - 1) * 100, (b[0].hi / a[0].lo - 1) * 100
            fit += _fits(lo, hi, b[1])
        if fit * 3 < len(pairs) * 2:
            return  # the second column is not the first one's change
        for (la, a), (lb, b) in pairs:
            yield Candidate(rule=rule, slots={"a": a[0], "b": b[0], "c": b[1]}, relation="(b / a - 1) * 100 = c",
                            stated="c", start=a[0].start, end=b[1].end, roles={"a": "start", "b": "end", "c": "stated"},
                            notes=[f"row '{lb}': the second column is the percentage change of the first on row '{la}'"])

    def _marked_totals(self, ctx, rule) -> Iterator[Candidate]:
        """A row whose last figure stands after a mark that sets a total apart (Rivertown 21 18 25 30 — 94: a line
        score): the figures before the mark add up to it. One row a line, or one cell a line between | marks (a
        table copied from a web page)."""
        marks = "|".join(re.escape(m) for m in rule.params["total_marks"])
        norm = ctx.doc.norm
        row = re.compile(rf"(?m)^[ \t|]*(?P<label>[^\W\d][^\d\n|]{{1,40}}?)[ \t]*(?P<nums>(?:(?:\n?[ \t|]*)\d{{1,4}}[ \t]*){{2,}})"
                         rf"(?:\n?[ \t|]*)(?:{marks})(?:\n?[ \t|]*)(?P<total>\d{{1,5}})[ \t|]*$")
        yield from self._total_column(ctx, rule)
        for m in row.finditer(norm):
            if re.search(r"\n[ \t]*[^|\s]", m.group()) :
                continue  # cells on several lines only when each line is a cell (| marks)
            parts = _row_figures(ctx.quantities, m.start("nums"), m.end("nums"))
            total = _row_figures(ctx.quantities, m.start("total"), m.end("total"))
            if not parts or not total or len(parts) < 2 or len(total) != 1:
                continue
            if any(q.decimals != 0 or q.unit for q in parts + total):
                continue
            label = m.group("label").strip(" |\t")
            # whole counts (points, goals): exact, not rounded
            parts = [replace(q, lo=q.value, hi=q.value) for q in parts]
            total = [replace(q, lo=q.value, hi=q.value) for q in total]
            yield Candidate(rule=rule, slots={"parts": parts, "total": total[0]}, relation="sum(parts) = total",
                            stated="total", start=parts[0].start, end=total[0].end,
                            roles={"parts": "part", "total": "stated"}, label="Row total",
                            notes=[f"row '{label}': the figure after the mark is the sum of the {len(parts)} "
                                   "before it (whole counts, exact)"])

    def _total_column(self, ctx, rule) -> Iterator[Candidate]:
        """A table with | between cells whose last column is headed as a total (FINAL, Total): in each row under
        it the last figure is the sum of the row's other figures. Only rows of as many cells as the header, all
        whole counts."""
        heads = {w.lower() for w in rule.params.get("total_columns", [])}
        if not heads:
            return
        norm = ctx.doc.norm
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", norm)]
        k = 0
        while k < len(lines):
            at, text = lines[k]
            cells = [c.strip() for c in text.strip().strip("|").split("|")]
            k += 1
            if len(cells) < 4 or cells[-1].lower() not in heads:
                continue
            while k < len(lines) and re.fullmatch(r"[\s|:-]+", lines[k][1]):
                k += 1  # the rule under a header
            while k < len(lines) and "|" in lines[k][1]:
                at2, row = lines[k]
                rcells = [c.strip() for c in row.strip().strip("|").split("|")]
                k += 1
                if len(rcells) != len(cells) or not all(re.fullmatch(r"\d{1,4}", c) for c in rcells[1:]):
                    continue
                qs = _row_figures(ctx.quantities, at2 + len(row) - len(row.lstrip()) + len(rcells[0]), at2 + len(row))
                if not qs or len(qs) != len(rcells) - 1 or any(q.decimals != 0 or q.unit for q in qs):
                    continue
                qs = [replace(q, lo=q.value, hi=q.value) for q in qs]
                yield Candidate(rule=rule, slots={"parts": qs[:-1], "total": qs[-1]}, relation="sum(parts) = total",
                                stated="total", start=qs[0].start, end=qs[-1].end,
                                roles={"parts": "part", "total": "stated"}, label="Row total",
                                notes=[f"row '{rcells[0]}': the column headed '{cells[-1]}' is the sum of the row's "
                                       "other figures (whole counts, exact)"])

    def _inline_totals(self, ctx, rule) -> Iterator[Candidate]:
        """Rows written one after another in a paragraph, a comma between them, then the total row (Ortega 9-15
        4-5 24, Lund 5-11 2-2 13, Barre 4-9 0-0 10. Totals 18-35 6-7 47.): column by column, the rows add up to the
        total. Every row must give as many figures as the total row, and the figures are whole counts."""
        labels = "|".join(re.escape(w) for w in rule.params["inline_totals"])
        norm = ctx.doc.norm
        item = r"[^\W\d][^\d,.;:\n]{0,30}?\.?[ \t]+(?:\d{1,3}(?:-\d{1,3})?[ \t]+){1,6}\d{1,3}"
        para = re.compile(rf"(?P<rows>{item}(?:,[ \t]*{item})+)\.?[ \t]*(?:{labels})[ \t]+"
                          rf"(?P<total>(?:\d{{1,3}}(?:-\d{{1,3}})?[ \t]+){{1,6}}\d{{1,3}})\b")
        one = re.compile(rf"(?P<label>[^\W\d][^\d,.;:\n]{{0,30}}?\.?)[ \t]+(?P<nums>(?:\d{{1,3}}(?:-\d{{1,3}})?[ \t]+){{1,6}}\d{{1,3}})")
        for m in para.finditer(norm):
            total = _row_figures(ctx.quantities, m.start("total"), m.end("total"))
            rows = []
            for r in one.finditer(m.group("rows")):
                a = m.start("rows") + r.start("nums")
                rows.append(_row_figures(ctx.quantities, a, a + len(r.group("nums"))))
            if not total or len(rows) < 2 or any(not r or len(r) != len(total) for r in rows):
                continue
            if any(q.decimals != 0 or q.unit for r in rows + [total] for q in r):
                continue
            for col, tq in enumerate(total):
                parts = [replace(r[col], lo=r[col].value, hi=r[col].value) for r in rows]
                tq = replace(tq, lo=tq.value, hi=tq.value)
                yield Candidate(rule=rule, slots={"parts": parts, "total": tq}, relation="sum(parts) = total",
                                stated="total", start=parts[0].start, end=tq.end,
                                roles={"parts": "part", "total": "stated"}, label="Table total",
                                notes=[f"column {col + 1}: the total row is the sum of the {len(rows)} rows before "
                                       "it (whole counts, exact)"])

    def _labour(self, rule, rows) -> Iterator[Candidate]:
        """Labour-force tables (household survey style): per column, labour force = employed + unemployed,
        population = labour force + not in the labour force, and the rates from their levels (unemployment rate =
        unemployed / labour force; participation rate = labour force / population; employment-population ratio =
        employed / population). Levels are printed rounded (in thousands), and the release computes its rates from
        unrounded levels, so every figure is taken as an interval."""
        spec = rule.params["labour"]
        found: dict[str, list[Quantity]] = {}
        for label, qs in rows:
            key = _norm_label(label)
            for role, words in spec.items():
                if role not in found and key in [_norm_label(w) for w in words]:
                    found[role] = qs
        widths = {len(v) for v in found.values()}
        if len(widths) != 1:
            found = {k: v for k, v in found.items() if len(v) == max(widths)} if widths else {}
        relations = [
            (("lf", "emp", "unemp"), "emp + unemp = lf", "lf", "labour force = employed + unemployed"),
            (("pop", "lf", "nilf"), "pop - lf = nilf", "nilf", "not in the labour force = population - labour force"),
            (("urate", "unemp", "lf"), "unemp / lf * 100 = urate", "urate", "unemployment rate = unemployed / labour force"),
            (("prate", "lf", "pop"), "lf / pop * 100 = prate", "prate", "participation rate = labour force / population"),
            (("epop", "emp", "pop"), "emp / pop * 100 = epop", "epop", "employment-population ratio = employed / population"),
        ]
        for names, rel, stated, what in relations:
            if not all(n in found for n in names):
                continue
            for col, qs in enumerate(zip(*(found[n] for n in names))):
                slots = dict(zip(names, qs))
                yield Candidate(rule=rule, slots=slots, relation=rel, stated=stated,
                                start=min(q.start for q in qs), end=max(q.end for q in qs),
                                roles={n: ("stated" if n == stated else n) for n in names},
                                notes=[f"column {col + 1}: {what}; the levels are rounded as printed"],
                                label="Labour-force table")

    def _totals(self, rule, rows, header: str) -> Iterator[Candidate]:
        """A row labelled Total under rows of parts: each column's total must be the sum of the rows above it, up
        to the table's start or an earlier total. Tables nest (subtotals, 'of which' rows, memo items), so the
        structure is trusted only where most columns add up: with one column, only a sum that holds is reported;
        with several, the columns that fail are flagged only when more columns add up than not."""
        words = [w.lower() for w in rule.params["total_labels"]]
        skip = re.compile(r"(?i)^(?:of which|memo|memorandum|addendum|less:|excluding|including|percent|"
                          r"average|median|change|difference)")
        start = 0
        for k, (label, qs) in enumerate(rows):
            key = _norm_label(label)
            if not any(key == w or key.startswith(w + " ") for w in words):
                continue
            parts = rows[start:k]
            start = k + 1
            if len(parts) < 2 or any(skip.search(lb) for lb, _ in parts):
                continue
            if any(len(pq) != len(qs) for _, pq in parts):
                continue
            if any(pq[col].unit != tq.unit for _, pq in parts for col, tq in enumerate(qs)):
                continue  # the columns do not line up (a count where the total has a share)
            if _RATE_HEAD.search(header) and not any(q.value == 100 for q in qs):
                continue
            cands = []
            held = 0
            for col, tq in enumerate(qs):
                col_parts = [pq[col] for _, pq in parts]
                lo = sum(q.lo for q in col_parts)
                hi = sum(q.hi for q in col_parts)
                ok = _fits(lo, hi, tq) or abs(sum(q.value for q in col_parts) - tq.value) <= 1e-9
                held += ok
                cands.append((ok, Candidate(
                    rule=rule, slots={"parts": col_parts, "total": tq}, relation="sum(parts) = total",
                    stated="total", start=col_parts[0].start, end=tq.end,
                    roles={"parts": "part", "total": "stated"}, label="Table total",
                    notes=[f"column {col + 1}: '{label}' is the sum of the {len(parts)} rows above it"])))
            if held < 1 or (len(qs) > 1 and held <= len(qs) - held):
                continue  # the rows above are not (all) its parts: another structure
            if len(qs) == 1 and held < 1:
                continue
            for ok, c in cands:
                yield c


def _norm_label(label: str) -> str:
    label = re.sub(r"\.{2,}.*$", "", label)  # dot leaders
    label = re.sub(r"\s*\([^)]*\)\s*", " ", label)  # (thousands), (percent)
    return re.sub(r"[\s,:]+", " ", label).strip().lower()


def _row_figures(quantities, s: int, e: int, text: str = "", at: int = 0):
    """The figures of one table row between s and e: plain amounts of one unit, none in page furniture. A time
    played (35:10, 240:00) in the row's text (starting at offset at) is no amount: left out of every row alike, so
    the columns still line up."""
    qs = [q for q in quantities if s <= q.start and q.end <= e]
    played = [(at + m.start(), at + m.end()) for m in _PLAYED.finditer(text)] if text else []
    qs = [q for q in qs if not any(a <= q.start and q.end <= b for a, b in played)]
    if not qs or any(q.type not in ("amount", "number", "percent") or q.furniture for q in qs):
        return None
    units = {q.unit for q in qs}
    if len(units) > 1 and not (len(units) == 2 and "%" in units and all(q.type != "percent" or q.unit == "%"
                                                                            for q in qs)):
        return None  # a count and its share (3,962 15.7%) may share a row; other units may not
    return qs


def _one_unit(rows):
    """The rows whose figures are all in one unit (the checks that read columns as one quantity)."""
    return [(label, qs) for label, qs in rows if len({q.unit for q in qs}) == 1 and qs[0].unit != "%"]
