"""Running a rule's own examples: each sentence must give the expected verdict with that rule alone."""

from __future__ import annotations

from .rules import RuleSpec


def example_verdicts(rule: RuleSpec, text: str) -> list[str]:
    from ..api import check_text

    report = check_text(text, path=f"<example of {rule.id}>", language=rule.language, rules=[rule])
    return [f.verdict for f in report.findings if f.rule == rule.id]


def run_examples(rule: RuleSpec) -> list[str]:
    """Problems, one line each; empty when every example behaves."""
    problems = []
    for i, ex in enumerate(rule.examples, 1):
        got = example_verdicts(rule, ex.text)
        if ex.expect == "none":
            if got:
                problems.append(f"example {i} should give no finding, got {', '.join(got)}: {ex.text}")
        elif ex.expect not in got:
            problems.append(f"example {i} should be {ex.expect}, got {', '.join(got) or 'no finding'}: {ex.text}")
    return problems
