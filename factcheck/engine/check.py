"""Stage 4: judge a candidate relation with interval arithmetic and explain the verdict.

Verdicts: consistent (holds, and the exact arithmetic rounds to the stated figure), rounding (holds only within
the rounding of the stated figures), discrepancy (fails even allowing for rounding), unverifiable (recognised,
but the text lacks what checking needs). Severity: error for a material discrepancy, warning for a slip of at
most `slip_units` in the stated figure's last digit, info otherwise.
"""

from __future__ import annotations

import ast
import hashlib

from .candidate import Candidate, get_kind
from ..model import Finding, Quantity, QuantityRef
from .context import Context
from .expr import ExprError, evaluate, finite, isolate, parse_relation
from .interval import Interval, fmt

SCALE_SLIPS = {1e4: "万", 1e8: "亿", 1e3: "thousand", 1e6: "million", 1e9: "billion"}


def q_interval(q: Quantity) -> Interval:
    return Interval(q.lo, q.hi)


def _env(slots, point: bool) -> dict:
    env = {}
    for name, v in slots.items():
        if isinstance(v, list):
            env[name] = [Interval.point(q.value) if point else q_interval(q) for q in v]
        else:
            env[name] = Interval.point(v.value) if point else q_interval(v)
    return env


def show_value(value: float, like: Quantity, extra: int = 2) -> str:
    """A computed value written like a stated quantity (same scale word and unit), with a little more precision."""
    v = value / (like.scale or 1.0)
    places = max(like.decimals, 0) + extra
    s = f"{v:.{places}f}"
    if "." in s:
        keep = max(like.decimals, 0)
        whole, frac = s.split(".")
        frac = frac.rstrip("0")
        frac = frac + "0" * (keep - len(frac)) if len(frac) < keep else frac
        s = whole + ("." + frac if frac else "")
    return _grouped(s, like) + like.scale_text + _unit_text(like)


def _grouped(s: str, like: Quantity) -> str:
    """Thousands separators when the stated figure has them (125,000), so results read like the text."""
    if "," not in like.text:
        return s
    whole, dot, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}" + (dot + frac if dot else "")


def show_rounded(value: float, like: Quantity) -> str:
    v = value / (like.scale or 1.0)
    if like.decimals >= 0:
        s = f"{v:.{like.decimals}f}"
    else:
        step = 10 ** (-like.decimals)
        s = str(int(round(v / step) * step))
    return _grouped(s, like) + like.scale_text + _unit_text(like)


def _unit_text(q: Quantity) -> str:
    if q.unit == "成":
        return "%"
    return q.unit if q.unit in ("%", "‰") or q.unit.startswith("个百分点") else (" " + q.unit if q.unit.isascii() and q.unit else q.unit)


def _render(node: ast.expr, slots: dict, point: bool = True) -> str:
    """The relation's expression with the quantities' own texts in place of slot names."""

    def r(n: ast.expr, parent_prec: int = 0) -> str:
        if isinstance(n, ast.Constant):
            return fmt(float(n.value))
        if isinstance(n, ast.Name):
            v = slots.get(n.id)
            if isinstance(v, list):
                return " + ".join(q.text for q in v)
            return v.text if v is not None else n.id
        if isinstance(n, ast.UnaryOp):
            return "-" + r(n.operand, 3)
        if isinstance(n, ast.BinOp):
            ops = {ast.Add: ("+", 1), ast.Sub: ("-", 1), ast.Mult: ("×", 2), ast.Div: ("/", 2), ast.Pow: ("^", 3),
                   ast.BitXor: ("^", 3)}
            sym, prec = ops[type(n.op)]
            s = f"{r(n.left, prec)} {sym} {r(n.right, prec + (1 if sym in '-/' else 0))}"
            return f"({s})" if prec < parent_prec else s
        if isinstance(n, ast.Call):
            fn = n.func.id  # type: ignore[attr-defined]
            if fn == "sum" and len(n.args) == 1:
                inner = r(n.args[0], 1)
                return f"({inner})" if parent_prec > 1 else inner
            return f"{fn}({', '.join(r(a) for a in n.args)})"
        return "?"

    return r(node)


def _refs(ctx: Context, cand: Candidate) -> list[QuantityRef]:
    refs: list[QuantityRef] = []
    seen: set[int] = set()
    stated = cand.stated_override or cand.slots.get(cand.stated)
    items: list[tuple[str, Quantity]] = []
    for name, v in cand.slots.items():
        for q in v if isinstance(v, list) else [v]:
            items.append((cand.roles.get(name, name), q))
    for q in cand.extra_quantities:
        items.append(("context", q))
    if isinstance(stated, Quantity) and stated.index not in {q.index for _, q in items}:
        items.append(("stated", stated))
    for role, q in sorted(items, key=lambda t: t[1].start):
        if q.index in seen and q.index >= 0:
            continue
        seen.add(q.index)
        if isinstance(stated, Quantity) and q.index == stated.index:
            role = "stated"
        line, col = ctx.doc.line_col(q.start)
        refs.append(QuantityRef(text=q.text, start=q.start, end=q.end, role=role, value=q.value, unit=q.unit,
                                line=line, column=col))
    return refs


def _one_digit_slip(stated: str, right: str) -> bool:
    a = "".join(c for c in stated if c.isdigit() or c == ".")
    b = "".join(c for c in right if c.isdigit() or c == ".")
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]])


def judge(ctx: Context, cand: Candidate) -> Finding | None:
    """Judge a candidate; with other readings (cand.alternatives) the claim holds when any reading holds, and is
    a discrepancy only when every reading that can be computed fails."""
    first = _judge_one(ctx, cand)
    if not cand.alternatives or first is None or first.verdict in ("consistent", "rounding"):
        return first
    tried = [cand.reading or "as stated"]
    failed = [first] if first.verdict == "discrepancy" else []
    open_ = [] if first.verdict == "discrepancy" else [first]
    for alt in cand.alternatives:
        f = _judge_one(ctx, alt)
        if f is None:
            continue
        tried.append(alt.reading or alt.relation)
        if f.verdict in ("consistent", "rounding"):
            return _add_note(f, f"read {alt.reading}" if alt.reading else "")
        (failed if f.verdict == "discrepancy" else open_).append(f)
    note = "readings tried: " + "; ".join(tried)
    if open_:
        f = open_[0]
        label = cand.label or get_kind(cand.rule.kind).label or cand.rule.kind
        stated = cand.stated_override or cand.slots.get(cand.stated)
        what = stated.text if isinstance(stated, Quantity) else "the figure"
        why = "no reading that can be computed holds, but another reading cannot be computed"
        if not failed:
            why = "no reading can be computed"
        return f.model_copy(update=dict(verdict="unverifiable", severity="info", correction="",
                                        message=f"{label} claim {what} cannot be checked: {why} ({note}).",
                                        note=f"{why}; {note}"))
    if len(failed) > 1:  # each reading implies its own figure: name them all, and offer no single correction
        note = "readings tried: " + "; ".join(f"{r} (gives {f.expected})" for r, f in zip(tried, failed))
        msg = failed[0].message.split(" Likely correct:")[0]
        return _add_note(failed[0].model_copy(update=dict(correction="", message=msg)), note)
    return _add_note(failed[0], note)


def _add_note(f: Finding, note: str) -> Finding:
    if not note:
        return f
    return f.model_copy(update=dict(note="; ".join(x for x in (f.note, note) if x),
                                    message=f.message + _notes([note])))


def _judge_one(ctx: Context, cand: Candidate) -> Finding | None:
    rule = cand.rule
    kind = get_kind(rule.kind)
    stated = cand.stated_override or cand.slots.get(cand.stated)
    if not isinstance(stated, Quantity):
        return None
    refs = _refs(ctx, cand)
    label = cand.label or kind.label or rule.kind
    severity_policy = rule.severity
    base = dict(rule=rule.id, kind=_public_kind(rule.kind), quantities=refs,
                start=min(r.start for r in refs), end=max(r.end for r in refs))
    line, col = ctx.doc.line_col(base["start"])
    base.update(line=line, column=col)
    stated_txt = f"{stated.text} (covers {show_value(stated.lo, stated)} to {show_value(stated.hi, stated)})"

    def finish(**kw) -> Finding:
        f = Finding(**base, binding=cand.binding, **kw)
        f.fingerprint = hashlib.sha1(
            f"{f.rule}|{f.kind}|{'|'.join(r.text for r in refs)}".encode("utf-8")).hexdigest()[:16]
        return f

    rel = None
    missing = ""
    if cand.expected_override is None:
        try:
            rel = parse_relation(cand.relation)
        except ExprError:
            return None
        missing_names = sorted(n for n in rel.names if n not in cand.slots)
        if missing_names:
            why = rule.params.get("missing", {})
            missing = "; ".join(why.get(n, f"the text does not state {n}") for n in missing_names)
    reason = cand.unverifiable or missing
    if reason:
        return finish(verdict="unverifiable", severity="info", stated=stated_txt,
                      message=f"{label} claim {stated.text} cannot be checked: {reason}.", note=reason)

    if cand.expected_override is not None:
        expected = Interval(*cand.expected_override)
        point = expected.mid if cand.expected_point is None else cand.expected_point
        op = "=="
        if expected.hi == float("inf") and expected.lo != float("-inf"):
            op, point = ">=", expected.lo  # at least: a list of examples (甲、乙等) bounds its count from below
        arithmetic = cand.arithmetic
    else:
        assert rel is not None
        try:
            expr, op = isolate(rel, cand.stated)
            expected = evaluate(expr, _env(cand.slots, point=False))
            point = evaluate(expr, _env(cand.slots, point=True)).mid
        except (ExprError, ZeroDivisionError, ValueError, OverflowError, KeyError):
            return None
        arithmetic = f"{_render(expr, cand.slots)} = {show_value(point, stated)}"
    if not finite(expected) and op == "==":
        return finish(verdict="unverifiable", severity="info", stated=stated_txt, arithmetic=arithmetic,
                      message=f"{label} claim {stated.text} cannot be checked: the figures leave it open.",
                      note="the other figures are bounds, so any value would fit")
    s_iv = q_interval(stated)
    holds = {
        "==": s_iv.meets(expected),
        "<=": s_iv.lo <= expected.hi + 1e-9 * abs(expected.hi),
        ">=": s_iv.hi >= expected.lo - 1e-9 * abs(expected.lo),
        "<": s_iv.lo < expected.hi,
        ">": s_iv.hi > expected.lo,
    }[op]
    lo_txt, hi_txt = show_value(expected.lo, stated), show_value(expected.hi, stated)
    if op != "==":
        exp_txt = f"{_opword(op)} {show_value(point, stated)}"
    else:
        exp_txt = f"exactly {lo_txt}" if lo_txt == hi_txt else f"{lo_txt} to {hi_txt}"
    notes = list(cand.notes)
    if holds:
        exact = stated.bound == "exact" and op == "=="
        rounds_to = show_rounded(point, stated)
        if exact and not stated.chinese and abs(point - stated.value) > 0.5 * (10.0 ** -stated.decimals) * stated.scale * (1 + 1e-9) and rounds_to != stated.text:
            verdict = "rounding"
            msg = (f"{label}: {arithmetic}, stated {stated.text}: holds within rounding. The stated figures allow "
                   f"{exp_txt}, which {stated.text} meets; the exact arithmetic gives {show_value(point, stated)}.")
            severity = "info"
        else:
            verdict = "consistent"
            if op == "==":
                msg = f"{label}: {arithmetic}, stated {stated.text}: consistent."
            else:
                msg = f"{label}: {arithmetic}, and {stated.text} is {_opword(op)} that: consistent."
            severity = "info"
        return finish(verdict=verdict, severity=severity, message=msg + _notes(notes), arithmetic=arithmetic,
                      expected=exp_txt, stated=stated_txt, note="; ".join(notes))

    if not cand.certain:
        return None  # the figures disagree, but nothing binds them for certain: say nothing (a false alarm costs more)
    # discrepancy, unless the text itself says why the figures need not agree (a trap)
    from .traps import excuse

    why = excuse(ctx, cand)
    approx = [q for q in _all_quantities(cand) if q.bound in ("approx", "near")]
    if not why and approx and gap_rel(expected, s_iv) < 0.1:
        why = (f"{approx[0].text} is an approximate figure ({approx[0].qualifier or 'about'}), and the figures "
               "miss each other by less than a tenth")
    if why:
        notes.append(why)
        return finish(verdict="unverifiable", severity="info", stated=stated_txt, arithmetic=arithmetic,
                      expected=exp_txt, note="; ".join(notes),
                      message=f"{label}: {arithmetic}, stated {stated.text}: they do not agree, but {why}.")
    # A slip: the figure the arithmetic rounds to is at most slip_units steps of the stated last digit away
    # (10.2% where 10.26% rounds to 10.3%); anything further is material.
    unit_step = (10.0 ** -stated.decimals) * (stated.scale or 1.0)
    rounded = round(point / unit_step) * unit_step if unit_step else point
    off_units = abs(rounded - stated.value) / unit_step if unit_step else float("inf")
    if severity_policy.level:
        severity = severity_policy.level
    else:
        severity = "warning" if off_units <= severity_policy.slip_units + 1e-9 else "error"
    correction = ""
    if op == "==" and finite(expected):
        right = show_rounded(point, stated)
        correction = right
        if _one_digit_slip(stated.text, right):
            notes.append(f"a one-digit slip for {right}?")
        slip = _scale_slip(stated, expected)
        if slip:
            notes.append(slip)
    elif op in ("<=", "<", ">=", ">"):
        for factor, word in ((1e4, "万"), (1e8, "亿")):
            f = 1 / factor if op in ("<=", "<") else factor
            if (op in ("<=", "<") and stated.lo * f <= expected.hi) or (op in (">=", ">") and stated.hi * f >= expected.lo):
                if stated.scale_text in ("亿", "万亿") or op in (">=", ">"):
                    notes.append(f"it would hold with a figure {fmt(factor)} times smaller: a likely scale slip "
                                 f"({stated.scale_text or word} for {'万' if stated.scale_text == '亿' else word}?)")
                    break
    gap = expected.gap(s_iv)
    msg = (f"{label}: {arithmetic}, but the text states {stated.text}. Even allowing for rounding the figures give "
           f"{exp_txt}; {stated.text} covers {show_value(stated.lo, stated)} to {show_value(stated.hi, stated)} "
           f"(off by {show_value(gap, stated).replace('%', ' percentage points')}).")
    if correction:
        msg += f" Likely correct: {correction}."
    return finish(verdict="discrepancy", severity=severity, message=msg + _notes(notes), arithmetic=arithmetic,
                  expected=exp_txt, stated=stated_txt, correction=correction, note="; ".join(notes))


def _all_quantities(cand: Candidate) -> list[Quantity]:
    out = [q for v in cand.slots.values() for q in (v if isinstance(v, list) else [v]) if isinstance(q, Quantity)]
    if isinstance(cand.stated_override, Quantity):
        out.append(cand.stated_override)
    return out


def gap_rel(expected: Interval, stated: Interval) -> float:
    """How far apart two intervals are, relative to the larger magnitude (0 when they meet)."""
    g = expected.gap(stated)
    m = max(abs(stated.lo), abs(stated.hi) if stated.hi != float("inf") else 0, abs(expected.lo),
            abs(expected.hi) if expected.hi != float("inf") else 0, 1e-12)
    return abs(g) / m


def _scale_slip(stated: Quantity, expected: Interval) -> str:
    for factor, word in SCALE_SLIPS.items():
        for f in (factor, 1 / factor):
            if Interval(stated.lo * f, stated.hi * f).meets(expected):
                return f"off by a factor of {fmt(f)}: a likely scale slip ({word})"
    return ""


def _notes(notes: list[str]) -> str:
    return (" " + " ".join(n[0].upper() + n[1:] + ("" if n.endswith((".", "?")) else ".") for n in notes)) if notes else ""


def _opword(op: str) -> str:
    return {"<=": "at most", ">=": "at least", "<": "less than", ">": "more than", "==": "equal to"}[op]


def _flip(op: str) -> str:
    return {"<=": ">=", ">=": "<=", "<": ">", ">": "<"}.get(op, op)


def _public_kind(kind: str) -> str:
    return kind if kind in _PUBLIC_KINDS else _PUBLIC_AS.get(kind, "other")


# Kinds of our own that report as one of the public kinds the JSON contract names.
_PUBLIC_AS = {"rough_share": "comparison", "whole": "sum", "table_sum": "sum", "subset": "comparison", "points_ref": "points",
              "contribution": "other", "same_fact": "other", "product": "other", "en_list": "enumeration_count",
              "pull_sum": "sum", "paired_share": "share", "remainder": "sum",
              "complement_share": "share"}

_PUBLIC_KINDS = {"sum", "difference", "share", "growth", "cagr", "points", "multiple", "enumeration_count",
                 "comparison", "other"}
