"""English traps: figures that look broken but are not, and real releases that must stay free of false alarms."""

from pathlib import Path

import pytest

from factcheck.api import check_text
from factcheck.engine.rules import load_rule_file, rule_files
from factcheck.extract import extract
from factcheck.read import make_document

ROOT = Path(__file__).resolve().parents[1]
TRAPS = ROOT / "examples" / "en-traps.txt"
DEV = ROOT.parent / "shared" / "articles" / "dev" / "en"
UNKEYED = ["bls_table_a15_may2024_excerpt", "bpc_deficit_tracker_2020_10", "cnn_trump_budget_numbers_2017",
           "eurostat_unemployment_2021_08", "blog_bls_sept2012_group_rates"]


@pytest.fixture(scope="module")
def en_rules():
    return [r for f in rule_files(ROOT / "rules" / "en") for r in load_rule_file(f)]


def check(text, rules):
    return check_text(text, path="t.txt", rules=rules, language="en")


@pytest.fixture(scope="module")
def traps(en_rules):
    text = TRAPS.read_text(encoding="utf-8")
    return check_text(text, path=str(TRAPS), rules=en_rules), text


def _find(rep, text, stated):
    hits = [f for f in rep.findings for q in f.quantities if q.role == "stated" and q.text == stated]
    assert hits, [f.message for f in rep.findings]
    return hits[0]


def test_trap_article_has_no_discrepancy(traps):
    rep, _ = traps
    assert [f.message for f in rep.findings if f.verdict == "discrepancy"] == []


@pytest.mark.parametrize("stated,why", [
    ("1.2 percent", "real"),  # growth after inflation beside nominal levels
    ("0.4 percent", "seasonally"),  # seasonally adjusted change beside an unadjusted level
    ("2.4 percent", "annualised"),  # an annual rate against quarterly levels
])
def test_growth_on_another_basis_is_unverifiable(traps, stated, why):
    rep, text = traps
    f = _find(rep, text, stated)
    assert f.verdict == "unverifiable" and why in f.message


def test_ambiguous_threefold_names_both_readings(traps):
    rep, text = traps
    f = _find(rep, text, "threefold")
    assert f.verdict in ("consistent", "rounding")
    assert "3 or 4 times" in f.binding


@pytest.mark.parametrize("stated", ["nearly doubled", "twice", "5 percent", "5,850", "38 percent", "a quarter"])
def test_trap_article_relations_that_hold(traps, stated):
    rep, text = traps
    hits = [f for f in rep.findings for q in f.quantities if q.role == "stated" and stated.endswith(q.text)]
    assert hits and all(f.verdict in ("consistent", "rounding") for f in hits)


def test_net_change_including_larger_gains_is_not_a_sum(traps):
    rep, text = traps
    start = text.index("Payrolls rose by 1,500")
    end = text.index("The county's 12,400")
    assert not [f for f in rep.findings if start <= f.start < end]


def test_labour_table_identities_hold_within_rounding(traps):
    rep, _ = traps
    table = [f for f in rep.findings if f.rule == "en.table.labour-force"]
    assert len(table) == 6  # two columns: labour force, unemployment rate, participation rate
    assert all(f.verdict in ("consistent", "rounding") for f in table)


def test_labour_table_flags_a_wrong_rate(en_rules):
    text = "SURVEY\n\nCivilian labor force\n398 401\nEmployed\n381 385\nUnemployed\n17 16\nUnemployment rate\n4.3 5.0\n"
    rep = check(text, en_rules)
    bad = [f for f in rep.findings if f.verdict == "discrepancy"]
    assert [q.text for f in bad for q in f.quantities if q.role == "stated"] == ["5.0"]


def test_total_row_flags_the_column_that_does_not_add_up(en_rules):
    text = ("SCHOOL PLACES\n\n2022\n2023\n2024\n\nNorth 310   320   335\nSouth 205   210   221\n"
            "West 118   121   125\nTotal 633   651   721\n")
    rep = check(text, en_rules)
    bad = [f for f in rep.findings if f.verdict == "discrepancy"]
    assert [q.text for f in bad for q in f.quantities if q.role == "stated"] == ["721"]


def test_growth_level_from_an_earlier_sentence_needs_a_prior_period(en_rules):
    ok = "Ferry trips numbered 42,000 in 2022. In 2023 ferry trips rose 8 percent to 45,400."
    bad = "Ferry trips numbered 42,000 in 2022. In 2023 ferry trips rose 18 percent to 45,400."
    undated = "Ferry trips numbered 42,000 on the northern route. Ferry trips rose 18 percent to 45,400."
    assert [f.verdict for f in check(ok, en_rules).findings] == ["consistent"]
    assert [f.verdict for f in check(bad, en_rules).findings] == ["discrepancy"]
    # not bound to the undated figure before: at most recognised as a rate whose earlier level is not stated
    assert [f.verdict for f in check(undated, en_rules).findings] in ([], ["unverifiable"])


def test_counted_list_word_is_not_a_part(en_rules):
    rep = check("The two depots, with 1,300 and 900 trucks, together hold 2,200 trucks.", en_rules)
    assert [(f.verdict, [q.text for q in f.quantities if q.role in ("part", "parts")]) for f in rep.findings] == \
        [("consistent", ["1,300", "900"])]


@pytest.mark.parametrize("name", UNKEYED)
def test_unkeyed_dev_articles_raise_no_false_alarm(en_rules, name):
    path = DEV / f"{name}.txt"
    if not path.exists():
        pytest.skip("shared dev articles are not available")
    rep = check_text(path.read_text(encoding="utf-8"), path=str(path), rules=en_rules)
    assert [f.message for f in rep.findings if f.verdict == "discrepancy"] == []


def _qs(text):
    return extract(make_document(text, language="en"))


def test_a_line_of_figures_is_cells_not_space_grouped_thousands():
    assert [q.text for q in _qs("Employed\n381 385\n")] == ["381", "385"]
    assert [q.text for q in _qs("Unemployed 2,307 2,385 628 793\n")][-2:] == ["628", "793"]
    assert [q.text for q in _qs("Jobless numbers fell by 63 000 in the region.")] == ["63 000"]


@pytest.mark.parametrize("text,needle,lo,hi", [
    ("Sales doubled from 40 to 81.", "doubled", 1.8, 2.2),
    ("Costs were halved from 12 to 6.", "halved", 0.45, 0.55),
    ("Exports increased threefold from 2 to 8.", "threefold", 2.7, 4.4),
    ("It is three times as large as 40.", "three times", 2.7, 3.3),
])
def test_word_multiples_are_read_loosely(text, needle, lo, hi):
    q = next(q for q in _qs(text) if q.text == needle)
    assert q.type == "multiple" and q.lo == pytest.approx(lo) and q.hi == pytest.approx(hi)


def test_a_from_figure_in_another_clause_is_not_the_starting_level(en_rules):
    rep = check("Sales rose 5 percent to $10 billion, while profit fell from $2 billion to $1.5 billion.", en_rules)
    assert [f for f in rep.findings if f.kind == "growth" and f.verdict != "unverifiable"] == []
