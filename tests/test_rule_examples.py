"""Every built-in rule's examples, one test case each: `pytest -k zh.share.zhan` selects a rule."""

import pytest

from factcheck.engine.examples import example_verdicts
from factcheck.engine.rules import builtin_rules

CASES = [
    pytest.param(rule, ex, id=f"{rule.id}::{'pass' if ex.expect in ('consistent', 'rounding') else 'fail'}-{i}")
    for rule in builtin_rules()
    for i, ex in enumerate(rule.examples, 1)
]


@pytest.mark.parametrize("rule,example", CASES)
def test_rule_example(rule, example):
    got = example_verdicts(rule, example.text)
    if example.expect == "none":
        assert got == [], f"{rule.id} should stay silent on: {example.text}"
    else:
        assert example.expect in got, f"{rule.id} on {example.text!r}: expected {example.expect}, got {got}"


def test_every_rule_has_a_passing_and_a_failing_example():
    for rule in builtin_rules():
        kinds = {ex.expect for ex in rule.examples}
        if rule.params.get("missing") and not kinds & {"consistent", "rounding", "partial"}:
            # a rule that can only say a claim cannot be checked shows that, and where it stays silent
            assert {"unverifiable", "none"} <= kinds, rule.id
            continue
        assert kinds & {"consistent", "rounding"}, rule.id
        assert kinds & {"discrepancy", "unverifiable", "none"}, rule.id
