"""Relation expressions from rule files: parsed under a whitelisted grammar, evaluated with intervals.

Nothing from a rule file is ever passed to eval, exec or sympify. The text is parsed by Python's own parser into
a syntax tree (parsing runs no code), every node is checked against a whitelist, and the tree is then walked by
our own interpreter over Interval values. A relation that does not already have its stated slot alone on one side
is solved by inverting the operations around the slot's single occurrence (our own code, no imports); only when
the slot occurs more than once is sympy asked, in a child process with a hard time budget (engine/solve.py), and
its answer is checked again.

Bounds that keep a hostile rule from hanging or exhausting anything: 500 characters, 200 syntax nodes, nesting
depth 50, constants finite and at most 1e15 in magnitude, no power towers (an exponent may not itself contain a
power) and constant exponents of at most 64 in magnitude. Arithmetic is on floats, so it cannot grow without bound.

Grammar: numbers, slot names, + - * / ^ (or **), unary minus, parentheses, one comparison (= == <= >= < >),
and the functions sum, len, abs, min, max, sqrt.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .interval import Interval, imax, imin, isum

FUNCTIONS = {"sum", "len", "abs", "min", "max", "sqrt"}
MAX_EXPR_CHARS = 500
MAX_NODES = 200
MAX_DEPTH = 50
MAX_CONSTANT = 1e15
MAX_EXPONENT = 64
COMPARE = {ast.Eq: "==", ast.LtE: "<=", ast.GtE: ">=", ast.Lt: "<", ast.Gt: ">"}
_NAME = re.compile(r"[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*\Z")


class ExprError(ValueError):
    """An expression outside the grammar. The message says what was refused."""


@dataclass(frozen=True)
class Relation:
    """`left op right`, e.g. sum(parts) == total."""

    source: str
    left: ast.expr
    op: str
    right: ast.expr

    @property
    def names(self) -> set[str]:
        return _relation_names(self)


@lru_cache(maxsize=1024)
def _relation_names(rel: "Relation") -> frozenset[str]:
    """The slot names of a relation, computed once (relations are parsed once and shared)."""
    return frozenset(_names(rel.left) | _names(rel.right))


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id not in FUNCTIONS}


def _depth(node: ast.AST, limit: int) -> int:
    """Nesting depth, iteratively (a deeply nested tree must not exhaust the stack while we measure it)."""
    stack = [(node, 1)]
    deepest = 0
    while stack:
        n, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        stack.extend((c, d + 1) for c in ast.iter_child_nodes(n))
    return deepest


def _check(node: ast.AST) -> None:
    count = 0
    if _depth(node, MAX_DEPTH) > MAX_DEPTH:
        raise ExprError(f"expression nested more than {MAX_DEPTH} levels deep")
    for n in ast.walk(node):
        count += 1
        if count > MAX_NODES:
            raise ExprError("expression too long")
        if isinstance(n, (ast.Expression, ast.Load, ast.operator, ast.unaryop, ast.cmpop)):
            if isinstance(n, ast.operator) and not isinstance(n, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow,
                                                                    ast.BitXor)):
                raise ExprError(f"operator {type(n).__name__} is not allowed")
            if isinstance(n, ast.unaryop) and not isinstance(n, (ast.USub, ast.UAdd)):
                raise ExprError(f"operator {type(n).__name__} is not allowed")
            if isinstance(n, ast.cmpop) and type(n) not in COMPARE:
                raise ExprError(f"comparison {type(n).__name__} is not allowed")
            continue
        if isinstance(n, ast.Constant):
            if not isinstance(n.value, (int, float)) or isinstance(n.value, bool):
                raise ExprError(f"only numbers are allowed as constants, not {n.value!r}"[:120])
            if not abs(n.value) <= MAX_CONSTANT:  # also refuses inf and nan (1e999 parses as inf)
                raise ExprError(f"constant {str(n.value)[:20]} is larger than {MAX_CONSTANT:g}")
        elif isinstance(n, ast.Name):
            if n.id.startswith("_") or not _NAME.match(n.id):
                raise ExprError(f"name {n.id!r} is not allowed")
        elif isinstance(n, ast.Call):
            if not isinstance(n.func, ast.Name) or n.func.id not in FUNCTIONS:
                raise ExprError(f"only the functions {', '.join(sorted(FUNCTIONS))} may be called")
            if n.keywords:
                raise ExprError("keyword arguments are not allowed")
        elif isinstance(n, ast.BinOp):
            if isinstance(n.op, (ast.Pow, ast.BitXor)):
                if any(isinstance(m, ast.BinOp) and isinstance(m.op, (ast.Pow, ast.BitXor))
                       for m in ast.walk(n.right)):
                    raise ExprError("a power may not have a power in its exponent")
                e = n.right.operand if isinstance(n.right, ast.UnaryOp) else n.right
                if isinstance(e, ast.Constant) and isinstance(e.value, (int, float)) and abs(e.value) > MAX_EXPONENT:
                    raise ExprError(f"exponent {e.value} is larger than {MAX_EXPONENT}")
        elif isinstance(n, (ast.UnaryOp, ast.Compare)):
            pass
        else:
            raise ExprError(f"{type(n).__name__} is not allowed in an expression")


@lru_cache(maxsize=1024)
def parse_expression(src: str) -> ast.expr:
    if len(src) > MAX_EXPR_CHARS:
        raise ExprError("expression too long")
    try:
        # ^ means power here; Python would read it as xor with a lower precedence than -, so rewrite it first
        tree = ast.parse(src.strip().replace("^", "**"), mode="eval")
    except SyntaxError as e:
        raise ExprError(f"not a valid expression: {e.msg}") from None
    _check(tree)
    return tree.body


_SINGLE_EQ = re.compile(r"(?<![<>=!])=(?!=)")


@lru_cache(maxsize=1024)
def parse_relation(src: str) -> Relation:
    body = parse_expression(_SINGLE_EQ.sub("==", src))
    if not isinstance(body, ast.Compare) or len(body.ops) != 1:
        raise ExprError("a relation needs exactly one comparison, e.g. 'sum(parts) = total'")
    for side in (body.left, body.comparators[0]):
        if any(isinstance(n, ast.Compare) for n in ast.walk(side)):
            raise ExprError("only one comparison is allowed")
    return Relation(src, body.left, COMPARE[type(body.ops[0])], body.comparators[0])


Value = Interval | list[Interval]


def evaluate(node: ast.expr, env: dict[str, Value]) -> Interval:
    """Evaluate a checked tree over intervals. Unknown names raise KeyError."""
    if isinstance(node, ast.Constant):
        return Interval.point(float(node.value))
    if isinstance(node, ast.Name):
        v = env[node.id]
        if isinstance(v, list):
            raise ExprError(f"{node.id} is a list: use sum({node.id}) or len({node.id})")
        return v
    if isinstance(node, ast.UnaryOp):
        v = evaluate(node.operand, env)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = evaluate(node.left, env), evaluate(node.right, env)
        op = node.op
        if isinstance(op, ast.Add):
            return a + b
        if isinstance(op, ast.Sub):
            return a - b
        if isinstance(op, ast.Mult):
            return a * b
        if isinstance(op, ast.Div):
            return a / b
        return a**b  # Pow or ^
    if isinstance(node, ast.Call):
        fn = node.func.id  # type: ignore[attr-defined]
        if fn in ("sum", "len") and len(node.args) == 1 and isinstance(node.args[0], ast.Name):
            v = env[node.args[0].id]
            items = v if isinstance(v, list) else [v]
            return isum(items) if fn == "sum" else Interval.point(float(len(items)))
        args = [evaluate(a, env) for a in node.args]
        if not args:
            raise ExprError(f"{fn}() needs arguments")
        if fn == "sum":
            return isum(args)
        if fn == "len":
            return Interval.point(float(len(args)))
        if fn == "abs":
            return abs(args[0])
        if fn == "min":
            return imin(*args)
        if fn == "max":
            return imax(*args)
        if fn == "sqrt":
            return args[0] ** 0.5
    raise ExprError(f"cannot evaluate {type(node).__name__}")


def isolate(rel: Relation, target: str) -> tuple[ast.expr, str]:
    """An expression for `target` in terms of the other names, and the comparison read from target's side.

    Cheap when the rule already isolates the target; otherwise sympy solves (linear or simple power relations).
    """
    if isinstance(rel.right, ast.Name) and rel.right.id == target:
        return rel.left, _flip(rel.op)
    if isinstance(rel.left, ast.Name) and rel.left.id == target:
        return rel.right, rel.op
    return _isolate(rel.source, target)


def _count(node: ast.AST, target: str) -> int:
    return sum(1 for n in ast.walk(node) if isinstance(n, ast.Name) and n.id == target)


@lru_cache(maxsize=256)
def _isolate(src: str, target: str) -> tuple[ast.expr, str]:
    rel = parse_relation(src)
    in_left, in_right = _count(rel.left, target), _count(rel.right, target)
    if in_left + in_right == 0:
        raise ExprError(f"{target} does not occur in the relation")
    if rel.op != "==":
        raise ExprError(f"cannot solve an inequality for {target}: write it with {target} alone on one side")
    if in_left + in_right > 1:
        return _solve(src, target)
    side, other = (rel.left, rel.right) if in_left else (rel.right, rel.left)
    return _invert(side, other, target), "=="


def _invert(side: ast.expr, other: ast.expr, target: str) -> ast.expr:
    """Peel the operations around the one occurrence of target: `side == other` becomes `target == expr`."""
    steps = 0
    while not (isinstance(side, ast.Name) and side.id == target):
        steps += 1
        if steps > MAX_NODES:
            raise ExprError(f"cannot solve the relation for {target}")
        if isinstance(side, ast.UnaryOp):
            other = ast.UnaryOp(op=ast.USub(), operand=other) if isinstance(side.op, ast.USub) else other
            side = side.operand
        elif isinstance(side, ast.BinOp):
            a, b, op = side.left, side.right, side.op
            left_has = _count(a, target) > 0
            if isinstance(op, ast.Add):
                side, other = (a, _bin(other, ast.Sub(), b)) if left_has else (b, _bin(other, ast.Sub(), a))
            elif isinstance(op, ast.Sub):
                side, other = (a, _bin(other, ast.Add(), b)) if left_has else (b, _bin(a, ast.Sub(), other))
            elif isinstance(op, ast.Mult):
                side, other = (a, _bin(other, ast.Div(), b)) if left_has else (b, _bin(other, ast.Div(), a))
            elif isinstance(op, ast.Div):
                side, other = (a, _bin(other, ast.Mult(), b)) if left_has else (b, _bin(a, ast.Div(), other))
            elif left_has:  # a ^ b = r  ->  a = r ^ (1 / b)
                side, other = a, _bin(other, ast.Pow(), _bin(ast.Constant(1), ast.Div(), b))
            else:
                raise ExprError(f"cannot solve for {target} in an exponent: write it with {target} alone on one side")
        elif isinstance(side, ast.Call) and side.func.id == "sqrt" and len(side.args) == 1:  # type: ignore[attr-defined]
            side, other = side.args[0], _bin(other, ast.Pow(), ast.Constant(2))
        else:
            raise ExprError(f"cannot solve for {target} inside a function: write it with {target} alone on one side")
    return ast.fix_missing_locations(ast.Expression(other)).body


def _bin(a: ast.expr, op: ast.operator, b: ast.expr) -> ast.expr:
    return ast.BinOp(left=a, op=op, right=b)


def _flip(op: str) -> str:
    return {"<=": ">=", ">=": "<=", "<": ">", ">": "<"}.get(op, op)


_UNSOLVED: dict[tuple[str, str], str] = {}


@lru_cache(maxsize=256)
def _solve(src: str, target: str) -> tuple[ast.expr, str]:
    rel = parse_relation(src)
    if rel.op != "==":
        raise ExprError(f"cannot solve an inequality for {target}: write it with {target} alone on one side")
    for n in ast.walk(rel.left), ast.walk(rel.right):
        for m in n:
            if isinstance(m, ast.BinOp) and isinstance(m.op, (ast.Pow, ast.BitXor)) and not (
                    isinstance(m.right, ast.Constant) and float(m.right.value).is_integer() and abs(m.right.value) <= 4):
                raise ExprError(f"{target} occurs more than once with a power: write it with {target} alone on one side")
    from .solve import SolveError, solve  # sympy, in a child process with a hard time budget

    if (src, target) in _UNSOLVED:  # a failure is remembered too: it is not tried (and timed out) again
        raise ExprError(_UNSOLVED[(src, target)])
    try:
        text = solve(src, target)
    except SolveError as e:
        _UNSOLVED[(src, target)] = str(e)
        raise ExprError(str(e)) from None
    text = re.sub(r"\b(sum|len)__(\w+)", r"\1(\2)", text).replace("Abs(", "abs(").replace("Min(", "min(")
    text = text.replace("Max(", "max(")
    try:
        solved = parse_expression(text)  # the answer is checked under the same whitelist as the rule itself
    except ExprError:
        raise ExprError(f"cannot solve the relation for {target}: write it with {target} alone on one side") from None
    if _names(solved) - (rel.names - {target}):
        raise ExprError(f"cannot solve the relation for {target}: write it with {target} alone on one side")
    return solved, "=="


def check_relation_names(rel: Relation, known: set[str]) -> None:
    unknown = rel.names - known
    if unknown:
        raise ExprError(f"unknown name(s) {', '.join(sorted(unknown))}: not a slot of this rule")


def finite(iv: Interval) -> bool:
    return not (math.isinf(iv.lo) or math.isinf(iv.hi) or math.isnan(iv.lo) or math.isnan(iv.hi))
