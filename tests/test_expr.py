import pytest

from factcheck.engine.expr import ExprError, evaluate, isolate, parse_relation
from factcheck.engine.interval import Interval


def test_relation_with_single_equals_and_caret():
    rel = parse_relation("((b / a) ^ (1 / (y2 - y1)) - 1) * 100 = p")
    expr, op = isolate(rel, "p")
    env = {"a": Interval.point(6323), "b": Interval.point(7687), "y1": Interval.point(2016), "y2": Interval.point(2018)}
    v = evaluate(expr, env)
    assert op == "==" and 10.25 < v.lo <= v.hi < 10.27


def test_sum_over_a_list_slot():
    rel = parse_relation("sum(parts) = total")
    expr, _ = isolate(rel, "total")
    assert evaluate(expr, {"parts": [Interval.point(1), Interval.point(2.5)]}) == Interval(3.5, 3.5)


def test_solving_for_a_slot_not_isolated():
    rel = parse_relation("part / base * 100 = p")
    expr, op = isolate(rel, "part")
    v = evaluate(expr, {"base": Interval.point(200), "p": Interval.point(25)})
    assert op == "==" and abs(v.lo - 50) < 1e-9


@pytest.mark.parametrize("src", [
    "__import__('os').system('true') = 1",
    "a.b = 1",
    "(lambda: 1)() = 1",
    "x[0] = 1",
    "'text' = 1",
    "open('f') = 1",
    "__class__ = 1",
])
def test_hostile_expressions_are_refused(src):
    with pytest.raises(ExprError):
        parse_relation(src)
