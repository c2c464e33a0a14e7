"""The English pack: what each number in a sentence is, with exact spans."""

import pytest

from factcheck.extract import extract
from factcheck.read import make_document


def quantities(text):
    doc = make_document(text, language="en")
    qs = extract(doc)
    for q in qs:
        assert text[q.start:q.end] == q.text
    return qs


def one(text, needle):
    hits = [q for q in quantities(text) if q.text == needle]
    assert len(hits) == 1, [q.text for q in quantities(text)]
    return hits[0]


@pytest.mark.parametrize("text,needle,value,unit,typ", [
    ("The budget is $2.7 trillion this year.", "$2.7 trillion", 2.7e12, "dollars", "amount"),
    ("Tax receipts were $55 billion.", "$55 billion", 55e9, "dollars", "amount"),
    ("Pay rose by 9 cents an hour.", "9 cents", 0.09, "dollars", "amount"),
    ("Prices rose 9 percent.", "9 percent", 9, "%", "percent"),
    ("Prices rose 9%.", "9%", 9, "%", "percent"),
    ("The rate was 7.5 per cent.", "7.5 per cent", 7.5, "%", "percent"),
    ("It rose 0.3 percentage point.", "0.3 percentage point", 0.3, "percentage points", "points"),
    ("Rates rose 25 basis points.", "25 basis points", 0.25, "percentage points", "points"),
    ("About 5.4 million were jobless.", "5.4 million", 5.4e6, "", "amount"),
    ("Payrolls rose by 125,000 in May.", "125,000", 125000, "", "amount"),
    ("Youth unemployment fell by 63 000 in the euro area.", "63 000", 63000, "", "amount"),
    ("Five million people voted.", "Five million", 5e6, "", "amount"),
    ("Two-thirds of voters agreed.", "Two-thirds", 200 / 3, "%", "percent"),
    ("Half of the staff left.", "Half", 50, "%", "percent"),
    ("A third of the money went to schools.", "A third", 100 / 3, "%", "percent"),
    ("The fund is twice as large.", "twice", 2, "times", "multiple"),
    ("It lasted 12 months.", "12 months", 12, "month", "duration"),
])
def test_values_units_and_types(text, needle, value, unit, typ):
    q = one(text, needle)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.type == typ


def test_signs_are_kept_in_the_span_and_the_value():
    qs = quantities("revised from +125,000 to +111,000; the change was -4 and the deficit -97.")
    assert [(q.text, q.value) for q in qs] == [("+125,000", 125000), ("+111,000", 111000), ("-4", -4), ("-97", -97)]


def test_a_double_dash_is_not_a_minus_sign():
    q = one("CBO estimates--$4 billion less than last year.", "$4 billion")
    assert q.value == 4e9


@pytest.mark.parametrize("text,needle,bound", [
    ("more than 500 people", "500", "lower"),
    ("over 40 percent", "40 percent", "lower"),
    ("nearly $3 billion", "$3 billion", "near"),
    ("almost 20%", "20%", "near"),
    ("about $225 billion", "$225 billion", "approx"),
    ("roughly 1,000 homes", "1,000", "approx"),
    ("some 300 workers", "300", "approx"),
    ("up to 40 jobs", "40", "upper"),
    ("at least 12 schools", "12", "lower"),
    ("less than 5 percent", "5 percent", "upper"),
    ("approximately 7.5 million", "7.5 million", "approx"),
    ("5,000 or more votes", "5,000", "lower"),
    ("about a 10% increase", "10%", "approx"),
])
def test_qualifiers_become_bounds(text, needle, bound):
    assert one(text, needle).bound == bound


def test_add_up_to_100_is_the_exact_whole_not_a_bound():
    q = one("Shares may not add up to 100% because of rounding.", "100%")
    assert q.bound == "exact" and q.lo == q.hi == 100


def test_interval_follows_the_stated_precision():
    q = one("It was 41.9 percent.", "41.9 percent")
    assert (q.lo, q.hi) == pytest.approx((41.85, 41.95))


@pytest.mark.parametrize("text,needle,typ", [
    ("In 2012 the rate fell.", "2012", "year"),
    ("in fiscal 2005, spending", "2005", "year"),
    ("Spending in FY2004 rose.", "FY2004", "year"),
    ("In March 2025 payrolls rose.", "March 2025", "date"),
    ("Data for May 2024 show", "May 2024", "date"),
    ("Released Sept. 2012.", "Sept. 2012", "date"),
    ("Friday, April 4, 2025 at noon", "April 4, 2025", "date"),
    ("At 8:30 a.m. the data came out.", "8:30 a.m.", "date"),
    ("the 2020-21 season", "2020-21", "year"),
])
def test_years_and_dates_are_never_counts(text, needle, typ):
    assert one(text, needle).type == typ


def test_codes_phone_numbers_and_table_refs_are_not_quantities():
    qs = quantities("Call (202) 691-6378 or see table A-15 and USDL-25-0452 on the G20 page.")
    assert qs == []


def test_ranges_link_both_ends_and_share_the_unit():
    qs = quantities("Growth of 3 to 5 percent is expected, between 2 and 3 million jobs.")
    a, b = qs[0], qs[1]
    assert (a.text, a.unit, a.range_with, b.range_with) == ("3", "%", 1, 0)
    c, d = qs[2], qs[3]
    assert (c.value, c.range_with) == (2e6, 3)


def test_from_to_is_a_change_not_a_range():
    qs = quantities("Cases went from 256 to 111 last year.")
    assert all(q.range_with is None for q in qs)


def test_table_rows_give_one_quantity_per_figure():
    qs = quantities("Receipts 201   202   2  \nOutlays 188   194   5  \nDeficit (-) -97   -115   -19\n")
    assert [q.text for q in qs] == ["201", "202", "2", "188", "194", "5", "-97", "-115", "-19"]


def test_a_unit_on_the_next_line_belongs_to_the_number_only_when_the_sentence_goes_on():
    q = one("earnings rose by 9\ncents, or 0.3 percent.", "9\ncents")
    assert q.value == pytest.approx(0.09)
    qs = quantities("Total 12\nPercent change 3.1\n")
    assert qs[0].text == "12" and qs[0].unit == ""


def test_words_that_are_not_counts_are_skipped():
    qs = quantities("One of the two-year plans was the first one.")
    assert qs == []
