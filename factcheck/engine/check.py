"""Stage 4: judge a candidate relation with interval arithmetic and explain the verdict.

Verdicts: consistent (holds, and the exact arithmetic rounds to the stated figure), rounding (holds only within
the rounding of the stated figures), partial (a list that may not name every part falls short of its whole: what
is left is shown), discrepancy (fails even allowing for rounding), unverifiable (recognised, but the text lacks
what checking needs). Severity: warning for a slip (the figures come within one unit of the stated figure's last
digit: a mis-rounding, 10.26% printed as 10.2%), error for any other discrepancy (a whole unit off, a wrong
count), info otherwise. The words come from wording.py and its templates; this module decides.
"""

from __future__ import annotations

import ast

try:  # CPython's own SHA-1: the digest hashlib gives, without loading OpenSSL (~5 ms of a one-article run)
    from _sha1 import sha1
except ImportError:  # another interpreter
    from hashlib import sha1

from .candidate import Candidate, get_kind
from ..model import Finding, Quantity, QuantityRef
from .context import Context
from .expr import ExprError, evaluate, finite, isolate, parse_relation
from .interval import Interval, fmt
from .wording import (factor_text, say, scale_name, sentences, show_difference, show_range,
                      show_rounded, show_value)

SYMBOL = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "="}
# Scale factors a slip of the scale word (万 for 亿, thousand for million) would explain, by language.
SCALE_FACTORS = {"zh": (1e4, 1e8), "en": (1e3, 1e6, 1e9)}


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
    if not cand.alternatives or first is None or first.verdict in HOLDS:
        return first
    tried = [cand.reading or "as stated"]
    failed = [first] if first.verdict == "discrepancy" else []
    open_ = [] if first.verdict == "discrepancy" else [first]
    for alt in cand.alternatives:
        f = _judge_one(ctx, alt)
        if f is None:
            continue
        tried.append(alt.reading or alt.relation)
        if f.verdict in HOLDS:
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
                                        message=say("unverifiable", f.kind, label=label, stated=what,
                                                    reason=f"{why} ({note})"),
                                        note=f"{why}; {note}"))
    if len(failed) > 1:  # each reading implies its own figure: name them all, and offer no single correction
        note = "readings tried: " + "; ".join(f"{r} (gives {f.expected})" for r, f in zip(tried, failed))
        fix = " " + say("correction", correction=failed[0].correction) if failed[0].correction else ""
        msg = failed[0].message.replace(fix, "") if fix else failed[0].message
        return _add_note(failed[0].model_copy(update=dict(correction="", message=msg)), note)
    return _add_note(failed[0], note)


# Verdicts under which a claim holds (a partial list holds as a bound: nothing in it is wrong by itself).
HOLDS = ("consistent", "rounding", "partial")


def _add_note(f: Finding, note: str) -> Finding:
    if not note:
        return f
    return f.model_copy(update=dict(note="; ".join(x for x in (f.note, note) if x),
                                    message=f.message + sentences([note])))


def _lone(node: ast.expr, slots: dict) -> Quantity | None:
    """The quantity an expression is, when it is just one (a slot, or the sum of a one-item list)."""
    if isinstance(node, ast.Name):
        v = slots.get(node.id)
        return v if isinstance(v, Quantity) else (v[0] if isinstance(v, list) and len(v) == 1 else None)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "sum" and len(node.args) == 1:
        return _lone(node.args[0], slots)
    return None


def _zeroed(node: ast.expr, slots: dict, roles: dict, role: str) -> float | None:
    """The expression's value with every slot of the given role set to 0 (the whole a list of parts is taken
    from, in 'last <= 100 - sum(others)'), or None when it cannot be computed."""
    env = {}
    for name, v in slots.items():
        zero = roles.get(name) == role
        if isinstance(v, list):
            env[name] = [Interval.point(0.0 if zero else q.value) for q in v]
        else:
            env[name] = Interval.point(0.0 if zero else v.value)
    try:
        return evaluate(node, env).mid
    except (ExprError, ZeroDivisionError, ValueError, OverflowError, KeyError):
        return None


def _judge_one(ctx: Context, cand: Candidate) -> Finding | None:
    rule = cand.rule
    kind = get_kind(rule.kind)
    stated = cand.stated_override or cand.slots.get(cand.stated)
    if not isinstance(stated, Quantity):
        return None
    refs = _refs(ctx, cand)
    label = cand.label or kind.label or rule.kind
    severity_policy = rule.severity
    public = _public_kind(rule.kind)
    base = dict(rule=rule.id, kind=public, quantities=refs,
                start=min(r.start for r in refs), end=max(r.end for r in refs))
    line, col = ctx.doc.line_col(base["start"])
    base.update(line=line, column=col)
    stated_range = show_range(stated.lo, stated.hi, stated)
    stated_txt = stated.text if stated.lo == stated.hi else f"{stated.text} (stands for {stated_range})"

    def finish(**kw) -> Finding:
        f = Finding(**base, binding=cand.binding, **kw)
        f.fingerprint = sha1(
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
                      message=say("unverifiable", public, label=label, stated=stated.text, reason=reason),
                      note=reason)

    other: Quantity | None = None
    if cand.expected_override is not None:
        expected = Interval(*cand.expected_override)
        point = expected.mid if cand.expected_point is None else cand.expected_point
        op = "=="
        if expected.hi == float("inf") and expected.lo != float("-inf"):
            op, point = ">=", expected.lo  # at least: a list of examples (甲、乙等) bounds its count from below
        arithmetic = equality = cand.arithmetic
        bound = ""
    else:
        assert rel is not None
        try:
            expr, op = isolate(rel, cand.stated)
            expected = evaluate(expr, _env(cand.slots, point=False))
            point = evaluate(expr, _env(cand.slots, point=True)).mid
        except (ExprError, ZeroDivisionError, ValueError, OverflowError, KeyError):
            return None
        other = _lone(expr, cand.slots)
        side = _render(expr, cand.slots)
        if other is None:
            side = f"{side} = {show_value(point, stated)}"
        equality = side if other is None else f"{stated.text} against {other.text}"
        bound = ""
        if op != "==":  # shown the way the relation is written: parts = 18.0亿元 ≤ 18.6亿元, 800人 ≤ 3200人
            on_right = isinstance(rel.right, ast.Name) and rel.right.id == cand.stated
            sym = SYMBOL[rel.op]
            bound = f"{side} {sym} {stated.text}" if on_right else f"{stated.text} {sym} {side}"
        arithmetic = bound or equality
    value = show_value(point, stated)
    facts = dict(label=label, arithmetic=arithmetic, value=value, stated=stated.text, stated_range=stated_range,
                 stated_value=fmt(stated.value), other=other.text if other else "", bound=bound)
    if not finite(expected) and op == "==":
        return finish(verdict="unverifiable", severity="info", stated=stated_txt, arithmetic=arithmetic,
                      message=say("unverifiable_open", public, **facts),
                      note="the other figures are bounds, so any value would fit")
    s_iv = q_interval(stated)
    holds = {
        "==": s_iv.meets(expected),
        "<=": s_iv.lo <= expected.hi + 1e-9 * abs(expected.hi),
        ">=": s_iv.hi >= expected.lo - 1e-9 * abs(expected.lo),
        "<": s_iv.lo < expected.hi,
        ">": s_iv.hi > expected.lo,
    }[op]
    exp_txt = f"{_opword(op)} {value}" if op != "==" else show_range(expected.lo, expected.hi, stated)
    facts["expected"] = exp_txt
    notes = list(cand.notes)
    same = "_same" if other is not None and op == "==" else ""
    if holds and op != "==" and cand.may_be_partial and not s_iv.meets(expected):
        return _partial(cand, finish, public, stated, point, expr, op, facts, notes, stated_txt)
    if holds and (op == "==" or (cand.may_be_partial and s_iv.meets(expected))):
        # An equality, or a list that may be partial but whose parts do make up the whole.
        if op != "==":
            same = "_same" if other is not None else ""
            arithmetic = facts["arithmetic"] = equality
            exp_txt = facts["expected"] = show_range(expected.lo, expected.hi, stated)
        unit = 0.5 * (10.0 ** -stated.decimals) * stated.scale
        if stated.bound == "exact" and not stated.chinese and abs(point - stated.value) > unit * (1 + 1e-9) \
                and show_rounded(point, stated) != stated.text:
            verdict = "rounding"
            facts["difference"] = show_difference(point - stated.value, stated)
        else:
            verdict = "consistent"
        return finish(verdict=verdict, severity="info", message=say(verdict + same, public, **facts) + sentences(notes),
                      arithmetic=arithmetic, expected=exp_txt, stated=stated_txt, note="; ".join(notes))
    if holds:
        return finish(verdict="consistent", severity="info",
                      message=say("consistent_bound", public, **facts) + sentences(notes),
                      arithmetic=arithmetic, expected=exp_txt, stated=stated_txt, note="; ".join(notes))

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
                      expected=exp_txt, note="; ".join(notes), message=say("excused", public, why=why, **facts))
    # A slip is a mis-rounding: the figures come within one unit of the stated figure's last digit (10.26% printed
    # as 10.2%). A whole unit or more (25% printed as 26%, four items called five) is an error.
    unit_step = (10.0 ** -stated.decimals) * (stated.scale or 1.0)
    slip = abs(point - stated.value) < severity_policy.slip_units * unit_step * (1 - 1e-9)
    severity = severity_policy.level or ("warning" if slip else "error")
    facts["difference"] = show_difference(point - stated.value, stated)
    correction = ""
    if op == "==" and finite(expected):
        correction = show_rounded(point, stated)
        if correction == stated.text:
            correction = ""
        elif abs(point - stated.value) >= 1.5 * unit_step and _one_digit_slip(stated.text, correction):
            # 77% for 67%: a wrong digit explains it; a last digit one step off (26% for 25%) needs no guess
            notes.append(say("typo", public, stated=stated.text, correction=correction))
        scale = _scale_slip(ctx, stated, expected)
        if scale:
            notes.append(scale)
    elif op != "==":
        scale = _scale_slip_bound(ctx, stated, expected, op)
        if scale:
            notes.append(scale)
    if op == "==":
        point_only = expected.lo == expected.hi or show_value(expected.lo, stated) == show_value(expected.hi, stated)
        facts["range"] = say("range_point" if point_only else "range_exact" if stated.lo == stated.hi else "range",
                             public, **facts)
        msg = say(("slip" if slip else "error") + same, public, **facts)
    elif cand.may_be_partial and op in (">=", ">"):
        msg = say("error_parts", public, **facts)
    else:
        facts["limit"] = other.text if other is not None else value
        msg = say("error_over" if op in ("<=", "<") else "error_under", public, **facts)
    if correction:
        msg += " " + say("correction", public, correction=correction)
    notes = [n for n in notes if n]
    return finish(verdict="discrepancy", severity=severity, message=msg + sentences(notes), arithmetic=arithmetic,
                  expected=exp_txt, stated=stated_txt, correction=correction, note="; ".join(notes))


def _partial(cand, finish, public: str, stated: Quantity, point: float, expr, op: str, facts: dict, notes: list[str],
             stated_txt: str) -> Finding:
    """Parts of a list that may be partial fall short of their whole: say what they account for and what is left.
    Either the whole is the stated figure (parts = 18.0 ≤ 18.6亿元) or the stated figure is the last part
    (12% ≤ 100 − 30% − 40%): then the whole is the bound with every part taken out."""
    if op in (">=", ">"):
        whole, whole_txt, accounted = stated.value, stated.text, point
    else:
        total = next((v for n, v in cand.slots.items() if cand.roles.get(n) == "total" and isinstance(v, Quantity)),
                     None)
        zero = _zeroed(expr, cand.slots, cand.roles, "part")
        whole = total.value if total is not None else (zero if zero is not None else point)
        whole_txt = total.text if total is not None else show_value(whole, stated)
        accounted = whole - (point - stated.value)
    rest = whole - accounted
    facts.update(accounted=show_value(accounted, stated), whole=whole_txt, rest=show_difference(rest, stated))
    notes = notes + ["the list is not said to be complete, so parts that fall short of the whole are not an "
                     "error by themselves"]
    return finish(verdict="partial", severity="info", message=say("partial", public, **facts)
                  + sentences(notes[:-1]), arithmetic=facts["arithmetic"], expected=facts["expected"],
                  stated=stated_txt, note="; ".join(notes))


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


def _factors(ctx: Context) -> tuple[float, ...]:
    return SCALE_FACTORS["en" if ctx.doc.language == "en" else "zh"]


def _scale_slip(ctx: Context, stated: Quantity, expected: Interval) -> str:
    """A stated figure that would agree if its scale word were another (亿 written for 万): say which."""
    for factor in _factors(ctx):
        for f in (factor, 1 / factor):
            if Interval(stated.lo * f, stated.hi * f).meets(expected):
                written = scale_name(stated.scale, ctx.doc.language)
                meant = scale_name(stated.scale * f, ctx.doc.language)
                if written and meant:
                    return say("scale_factor", factor=factor_text(factor), written=written, meant=meant)
                return ""
    return ""


def _scale_slip_bound(ctx: Context, stated: Quantity, expected: Interval, op: str) -> str:
    """A bound that would hold with another scale word (净利润4735.38亿元 within 营业收入5.74亿元: 万 meant)."""
    smaller = op in ("<=", "<")
    if smaller and stated.scale_text not in ("亿", "万亿"):
        return ""
    for factor in _factors(ctx):
        f = 1 / factor if smaller else factor
        # the rescaled figure must land near the limit, not anywhere past it (any total times 10,000 covers its parts)
        if (smaller and expected.hi / 100 <= stated.lo * f <= expected.hi) or \
                (not smaller and expected.lo <= stated.hi * f <= expected.lo * 100):
            written = scale_name(stated.scale, ctx.doc.language)
            meant = scale_name(stated.scale * f, ctx.doc.language)
            if written and meant:
                return say("scale_bound", factor=factor_text(factor), direction="smaller" if smaller else "larger",
                           written=written, meant=meant)
            return ""
    return ""


def _opword(op: str) -> str:
    return {"<=": "at most", ">=": "at least", "<": "less than", ">": "more than", "==": "equal to"}[op]


def _public_kind(kind: str) -> str:
    return kind if kind in _PUBLIC_KINDS else _PUBLIC_AS.get(kind, "other")


# Kinds of our own that report as one of the public kinds the JSON contract names.
_PUBLIC_AS = {"rough_share": "comparison", "whole": "sum", "table_sum": "sum", "subset": "comparison", "points_ref": "points",
              "contribution": "other", "same_fact": "other", "product": "other", "en_list": "enumeration_count",
              "pull_sum": "sum", "paired_share": "share", "remainder": "sum",
              "complement_share": "share"}

_PUBLIC_KINDS = {"sum", "difference", "share", "growth", "cagr", "points", "multiple", "enumeration_count",
                 "comparison", "other"}
