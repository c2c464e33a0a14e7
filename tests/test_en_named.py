"""English figures found by the words that name them: shares of named wholes, expectations, two-sentence claims.
Every text here is written for the test; the point is mostly what must stay silent."""

from pathlib import Path

import pytest

from factcheck.api import check_text
from factcheck.engine.rules import load_rule_file, rule_files

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def en_rules():
    return [r for f in rule_files(ROOT / "rules" / "en") for r in load_rule_file(f)]


def _verdicts(text, rules):
    return {(f.rule, f.verdict) for f in check_text(text, language="en", rules=rules).findings}


def _errors(text, rules):
    return [f for f in check_text(text, language="en", rules=rules).findings if f.verdict == "discrepancy"]


SILENT = [
    # "of the total" far from any total: nothing is taken
    "Grants totaled $500 million in 2023. Roads got $200 million. Bridges got $90 million. Parks got $60 million. "
    "Transit got $40 million. Schools got $150 million, or 35 percent of the total.",
    # a segment's revenue is not the company's
    "Revenue was $3.0 billion. Cloud revenue rose to $1.2 billion. Operating income was $450 million, "
    "for an operating margin of 15 percent.",
    # the expectation's word names no earlier figure
    "Profit was $2.1 billion. Analysts had expected sales of $9.0 billion, so the company beat forecasts by $0.3 billion.",
    # two things in two sentences
    "Exports rose by $2 million to $52 million. Imports have increased by 9 percent, from $40 million a year earlier.",
    # the figure before a margin is a segment's revenue, not income
    "Revenue rose 8 percent to $5.4 billion. Its cloud unit had revenue of $2.2 billion, for an operating margin of 22 percent.",
    # answers to a question with other answers left out
    "In the poll, 45 percent said the economy was their top issue, 30 percent said immigration and 15 percent were undecided.",
    # a part of the thing in the sentence before, not the thing itself
    "Exports rose 4 percent to $82 billion. Over the past five years, exports of grain have increased by 30 percent, "
    "from $11 billion.",
    # a breakdown in parentheses is not the rough share's exact value
    "Roughly half (38 percent of men and 61 percent of women) said they would attend.",
    # a multiple-choice question: shares need not add to 100
    "Asked for reasons, 62 percent cited cost, 48 percent cited safety and 37 percent cited speed.",
]


@pytest.mark.parametrize("text", SILENT)
def test_no_false_alarm(text, en_rules):
    assert _errors(text, en_rules) == []


def _kinds(text, rules):
    return {(f.kind, f.verdict) for f in check_text(text, language="en", rules=rules).findings}


def test_named_part_and_whole(en_rules):
    text = ("Tolls totaled $80 million. Trucks paid $30 million and cars $50 million. "
            "Trucks accounted for 37.5 percent of tolls.")
    assert ("share", "consistent") in _kinds(text, en_rules)
    wrong = text.replace("37.5 percent", "47.5 percent")
    assert ("share", "consistent") not in _kinds(wrong, en_rules)  # named in another sentence: never a green tick


def test_named_whole_past_a_bare_connective(en_rules):
    text = ("The number of jobless people rose by 120,000 to 2.40 million in May. Those out of work for a year "
            "numbered 0.60 million, accounting for 25 percent of all jobless people.")
    assert ("share", "consistent") in _kinds(text, en_rules)
    wrong = text.replace("25 percent", "35 percent")
    assert ("share", "discrepancy") in _kinds(wrong, en_rules)
