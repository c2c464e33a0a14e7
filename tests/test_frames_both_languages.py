"""Frame capabilities added for English, shown to be language-neutral: the same frame on Chinese and English text.
Chinese rules for the two new frames (shares, conversion) are written here, not shipped: the Chinese pack decides."""

import pytest

from factcheck.api import check_text
from factcheck.engine.rules import load_rules, parse_rule_text

ZH_RULES = """rules:
  - id: zh.test.shares-100
    kind: sum
    language: zh
    frame: shares
    guards: [complete]
    description: shares of one whole that make it up add up to 100
    relation: 'sum(shares) + last = 100'
    stated: last
    examples:
      - {text: 全市常住人口中，男性占51.2%，女性占48.8%。, expect: consistent}
      - {text: 全市常住人口中，男性占51.2%，女性占46.8%。, expect: discrepancy}
  - id: zh.test.conversion
    kind: other
    language: zh
    frame: conversion
    description: conversions in brackets use one rate
    relation: 'converted = amount * ref_converted / ref_amount'
    stated: converted
    examples:
      - {text: 甲投资1.00亿美元(6.80亿元)，乙投资2.00亿美元(13.60亿元)，丙投资3.00亿美元(20.40亿元)。, expect: consistent}
      - {text: 甲投资1.00亿美元(6.80亿元)，乙投资2.00亿美元(13.60亿元)，丙投资3.00亿美元(30.40亿元)。, expect: discrepancy}
"""


def _verdicts(text, language, extra=()):
    rules = list(extra) + list(load_rules(language=language))
    return [(f.kind, f.verdict) for f in check_text(text, language=language, rules=rules).findings]


@pytest.fixture(scope="module")
def zh_extra():
    return parse_rule_text(ZH_RULES, "test")


def test_shares_of_a_partition_add_up_to_100(zh_extra):
    assert ("sum", "consistent") in _verdicts("全市常住人口中，男性占51.2%，女性占48.8%。", "zh", zh_extra)
    assert ("sum", "discrepancy") in _verdicts("全市常住人口中，男性占51.2%，女性占46.8%。", "zh", zh_extra)
    assert ("sum", "consistent") in _verdicts("Of the residents, 51.2% were women and 48.8% men.", "en")
    assert ("sum", "discrepancy") in _verdicts("Of the residents, 51.2% were women and 46.8% men.", "en")


def test_conversions_of_one_text_use_one_rate(zh_extra):
    ok = "甲投资1.00亿美元(6.80亿元)，乙投资2.00亿美元(13.60亿元)，丙投资3.00亿美元(20.40亿元)。"
    assert {v for _, v in _verdicts(ok, "zh", zh_extra)} == {"consistent"}
    assert ("other", "discrepancy") in _verdicts(ok.replace("20.40亿元", "30.40亿元"), "zh", zh_extra)
    en = "It pays $1.00bn (£0.53bn) now, $2.00bn (£1.06bn) later and $3.00bn (£1.59bn) in 2030."
    assert {v for _, v in _verdicts(en, "en")} == {"consistent"}
    assert ("other", "discrepancy") in _verdicts(en.replace("£1.59bn", "£2.59bn"), "en")


@pytest.mark.parametrize("text,language", [
    ("上半年全市财政收入7.6亿元，其中一季度3.0亿元。二季度全市财政收入4.6亿元。", "zh"),
    ("In the first half the deficit totalled €7.6bn, of which €3.0bn came in the first quarter. "
     "The second-quarter deficit was €4.6bn.", "en"),
])
def test_a_part_and_the_rest_of_the_period_make_up_the_whole(text, language):
    assert ("sum", "consistent") in _verdicts(text, language)
    wrong = text.replace("4.6", "5.6")
    assert ("sum", "discrepancy") in _verdicts(wrong, language)


@pytest.mark.parametrize("text,language", [
    ("甲市出口52.4亿元，乙市进口47.1亿元，甲市贸易顺差6.3亿元。", "zh"),
    ("Abel's exports were $52.4bn, Brook's imports were $47.1bn and Abel's trade surplus was $6.3bn.", "en"),
])
def test_a_derived_measure_needs_one_body(text, language):
    assert [v for k, v in _verdicts(text, language) if k == "difference"] == []


def test_the_sources_of_a_derived_measure_may_follow_it():
    assert ("difference", "consistent") in _verdicts(
        "The trade deficit widened to €3.4bn, as imports rose to €40.1bn while exports were flat at €36.7bn.", "en")
    assert ("difference", "consistent") in _verdicts("全年进出口总额91.5亿元，其中出口52.4亿元，进口39.1亿元，贸易顺差13.3亿元。", "zh")
