"""Fingerprints that survive edits elsewhere, and baselines that let only new findings through."""

from __future__ import annotations

import json

import pytest
from ci_samples import TEXT, consistent, count_unverifiable, file_report, report, sum_finding

from factcheck.baseline import create_baseline, filter_new, fingerprint
from factcheck.errors import FactcheckError

EDITED = "编者按：本文数据来自市统计局，第一段已按读者意见修改。\r\n\r\n" + TEXT.replace("同比增长12.5%", "比上年增长12.5%")


def test_fingerprint_survives_edit_to_another_paragraph():
    assert EDITED.index("1,200万") != TEXT.index("1,200万")  # offsets and lines did move
    assert fingerprint(sum_finding(TEXT), TEXT) == fingerprint(sum_finding(EDITED), EDITED)


def test_fingerprint_changes_when_the_sentence_changes():
    changed = TEXT.replace("入境游客80万人次", "境外游客80万人次")
    assert fingerprint(sum_finding(TEXT), TEXT) != fingerprint(sum_finding(changed), changed)


def test_fingerprint_depends_on_rule_and_quantities():
    f = sum_finding()
    assert fingerprint(f, TEXT) != fingerprint(f.model_copy(update={"rule": "zh.sum2"}), TEXT)
    assert fingerprint(f, TEXT) != fingerprint(f.model_copy(update={"quantities": f.quantities[:2]}), TEXT)


def test_old_finding_is_filtered_and_new_one_shows():
    base = create_baseline(report(file_report("news/a.txt", TEXT, [sum_finding(TEXT), consistent(TEXT)])))
    assert json.loads(json.dumps(base)) == base
    assert base["version"] == 1 and [e["rule"] for e in base["findings"]] == ["zh.sum"]  # consistent left out
    after = report(file_report("news/a.txt", EDITED,
                               [sum_finding(EDITED), count_unverifiable(EDITED), consistent(EDITED)]))
    left = filter_new(after, base).files[0].findings
    assert [(f.rule, f.verdict) for f in left] == [("zh.count", "unverifiable"), ("zh.growth", "consistent")]


def test_duplicates_are_counted():
    two = create_baseline(report(file_report("a.txt", TEXT, [sum_finding(), sum_finding()])))
    three = report(file_report("a.txt", TEXT, [sum_finding(), sum_finding(), sum_finding()]))
    assert len(filter_new(three, two).files[0].findings) == 1


def test_match_uses_file_name_not_folder():
    base = create_baseline(report(file_report("repo/news/a.txt", TEXT, [sum_finding()])))
    moved = report(file_report("/ci/checkout/news/a.txt", TEXT, [sum_finding()]))
    other = report(file_report("news/b.txt", TEXT, [sum_finding()]))
    assert filter_new(moved, base).files[0].findings == []
    assert len(filter_new(other, base).files[0].findings) == 1


@pytest.mark.parametrize("bad", [{}, {"version": 99, "findings": []}, {"version": 1, "findings": [{"x": 1}]}])
def test_bad_baseline_is_a_user_error(bad):
    with pytest.raises(FactcheckError):
        filter_new(report(file_report("a.txt")), bad)
