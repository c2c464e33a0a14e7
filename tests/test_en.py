"""What factcheck finds in the English example article (examples/en-example.txt): verdicts and exact spans."""

from pathlib import Path

import pytest

from factcheck.api import check_text
from factcheck.engine.rules import load_rule_file, rule_files

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "en-example.txt"


@pytest.fixture(scope="module")
def en_rules():
    return [r for f in rule_files(ROOT / "rules" / "en") for r in load_rule_file(f)]


@pytest.fixture(scope="module")
def report(en_rules):
    text = EXAMPLE.read_text(encoding="utf-8")
    return check_text(text, path=str(EXAMPLE), rules=en_rules), text


def _by_stated(report):
    rep, _ = report
    out = {}
    for f in rep.findings:
        stated = [q for q in f.quantities if q.role == "stated"]
        assert len(stated) == 1, f
        out[(stated[0].text, stated[0].start)] = f
    return out


def test_example_is_read_as_english(report):
    rep, _ = report
    assert rep.language == "en"


def test_every_quantity_span_is_its_text(report):
    rep, text = report
    for q in rep.quantities:
        assert text[q.start:q.end] == q.text
    for f in rep.findings:
        for q in f.quantities:
            assert text[q.start:q.end] == q.text


def test_payroll_drop_is_flagged_with_its_correction(report):
    f = _by_stated(report)[("310", 510)]
    assert f.verdict == "discrepancy"
    assert f.kind == "difference"
    assert [(q.text, q.start, q.end) for q in f.quantities] == [("310", 510, 513), ("8,940", 520, 525),
                                                               ("8,730", 529, 534)]
    assert f.correction == "210"


def test_survey_shares_short_of_a_whole_are_flagged(report):
    f = _by_stated(report)[("100%", 1433)]
    assert f.verdict == "discrepancy"
    assert f.kind == "sum"
    assert [q.text for q in f.quantities] == ["100%", "46.5%", "31.2%", "14.8%", "6.3%"]


@pytest.mark.parametrize("stated,start,kind", [
    ("$42 million", 154, "difference"),  # deficit = outlays - revenue
    ("14.0 percent", 338, "growth"),  # rose by $6.3 million, or 14.0 percent, to $51.3 million
    ("460,000", 473, "difference"),  # from 2.45 million to 2.91 million
    ("30 percent", 727, "share"),
    ("0.6 percentage point", 801, "points"),
    ("$2.4 million", 952, "difference"),  # revised down by
    ("$1.1 million", 1063, "difference"),
    ("$3.5 million", 1177, "sum"),  # revisions combined
    ("6", 1306, "other"),  # table rows: Actual - Budget = Difference
    ("7", 1326, "other"),
    ("4", 1344, "other"),
])
def test_relations_that_hold_are_consistent(report, stated, start, kind):
    f = _by_stated(report)[(stated, start)]
    assert f.verdict == "consistent", f.message
    assert f.kind == kind


def test_a_list_short_of_its_total_is_partial_not_consistent(report):
    f = _by_stated(report)[("8,730", 610)]  # of whom 2,620 ... and 1,480 ...: the rest is not accounted for
    assert (f.verdict, f.severity, f.kind) == ("partial", "info", "sum")
    assert "add up to 4,100 of 8,730; 4,630 is not accounted for" in f.message
    assert f.arithmetic == "2,620 + 1,480 = 4,100 ≤ 8,730"


def test_nothing_else_is_flagged(report):
    rep, _ = report
    flagged = sorted(q.text for f in rep.findings if f.verdict == "discrepancy" for q in f.quantities
                     if q.role == "stated")
    assert flagged == ["100%", "310"]
    assert len(rep.findings) == 14


def test_dates_and_years_are_never_counts(report):
    rep, _ = report
    kinds = {q.text: q.type for q in rep.quantities}
    assert kinds["Nov. 14"] == "date"
    assert kinds["2024"] == "year"
