"""English phrasing families read as facts in context, on sentences of our own: what each figure measures, for
whom and when, and which relations the frames bind — and the ones they must leave alone."""

import pytest

from factcheck.api import check_text
from factcheck.extract import extract
from factcheck.facts import read_facts
from factcheck.read import make_document


def _findings(text):
    return check_text(text, language="en").findings


def _verdicts(text, kind=None):
    return [f.verdict for f in _findings(text) if kind is None or f.kind == kind]


def _facts(text):
    doc = make_document(text, language="en")
    return {f.q.text: f for f in read_facts(doc, extract(doc)).facts}


# level, prior, change and rate in any order ------------------------------------------------------------------

@pytest.mark.parametrize("good,bad", [
    ("Quarterly profit at Dunmore jumped 76% to $1.13bn from $642m a year earlier.",
     "Quarterly profit at Dunmore jumped 67% to $1.13bn from $642m a year earlier."),
    ("Sales rose 4% to $11.3bn, from $10.9bn.", "Sales rose 9% to $11.3bn, from $10.9bn."),
    ("Rail freight was down 4.1% on the year at 48,200 tonnes, compared with 50,260 tonnes in 2023.",
     "Rail freight was down 6.1% on the year at 48,200 tonnes, compared with 50,260 tonnes in 2023."),
    ("Pre-tax profit of €38.5m was up 32% from €29.1m.", "Pre-tax profit of €38.5m was up 23% from €29.1m."),
    ("Shares in Tolland closed up 56 pence, or 7.6%, at 797p.", "Shares in Tolland closed up 56 pence, or 9.6%, at 797p."),
    ("Hospital admissions reached 14,200, an increase of 1,150, or 8.8% on the year.",
     "Hospital admissions reached 14,200, an increase of 1,150, or 6.8% on the year."),
])
def test_growth_in_any_order(good, bad):
    assert "discrepancy" not in _verdicts(good) and _verdicts(good)
    assert "discrepancy" in _verdicts(bad)


def test_the_facts_of_a_growth_sentence():
    fs = _facts("Quarterly profit at Dunmore jumped 76% to $1.13bn from $642m a year earlier.")
    assert (fs["76%"].role, fs["76%"].sign) == ("rate", 1)
    assert fs["$1.13bn"].role == "level" and fs["$642m"].role == "prior"
    assert fs["76%"].subject == fs["$1.13bn"].index == fs["$642m"].subject
    assert fs["$1.13bn"].key == "profit" and fs["$1.13bn"].scope == "dunmore"
    assert fs["$642m"].compare == "a year earlier"


def test_a_rate_in_the_sentence_after_its_level_needs_the_year_before():
    ok = "Tram journeys numbered 61,000 in 2021. In 2022 tram journeys rose 5 percent to 64,050."
    bad = "Tram journeys numbered 61,000 in 2021. In 2022 tram journeys rose 15 percent to 64,050."
    assert _verdicts(ok, "growth") == ["consistent"]
    assert _verdicts(bad, "growth") == ["discrepancy"]
    # undated: not bound to the figure before; the rate is only recognised, its earlier level not being stated
    assert _verdicts("Tram journeys numbered 61,000 last spring. Tram journeys rose 15 percent to 64,050.") \
        in ([], ["unverifiable"])


def test_an_average_annual_rate_against_dated_levels():
    assert _verdicts("Members rose from 12,000 in 2015 to 19,500 in 2023, an average annual rate of 6.3%.", "cagr") \
        == ["consistent"]
    assert _verdicts("Members rose from 12,000 in 2015 to 19,500 in 2023, an average annual rate of 8.3%.", "cagr") \
        == ["discrepancy"]
    text = ("Library loans reached 2.9 million in 2024. They have grown by an average of 4.0% a year since 2019, when "
            "there were 2.38 million.")
    assert _verdicts(text, "cagr") == ["consistent"]


def test_the_direction_a_verb_gives():
    assert _verdicts("Fare revenue fell to £41.2m from £44.9m.") == ["consistent"]
    assert _verdicts("Fare revenue fell to £47.2m from £44.9m.") == ["discrepancy"]
    # a revision is no fall or rise
    assert _verdicts("The March gain was revised to 1,510 from 1,170.") == []
    # a spread between places is no change
    assert _verdicts("Turnout ranged from 69% in the north down to 31% in the south.") == []


# points and percent ---------------------------------------------------------------------------------------

def test_points_between_two_rates():
    assert _verdicts("The jobless rate fell 0.3 percentage points to 4.9%, from 5.2%.") == ["consistent"]
    assert _verdicts("Tarn Bank cut its stake from 80% to 55%, a reduction of 25 percentage points.") == ["consistent"]
    assert _verdicts("Tarn Bank cut its stake from 80% to 55%, a reduction of 20 percentage points.") == ["discrepancy"]


def test_percent_for_points_is_caught_and_a_true_relative_rise_is_not():
    assert _verdicts("The share of pupils walking to school rose 6 percent, from 30% to 36%.") == ["discrepancy"]
    assert _verdicts("The share of pupils walking to school rose 20 percent, from 30% to 36%.") == ["consistent"]


# shares -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("good,bad", [
    ("Revenue was $4.4bn. The cloud unit brought in $1.1bn, or 25% of revenue.",
     "Revenue was $4.4bn. The cloud unit brought in $1.1bn, or 35% of revenue."),
    ("Two-thirds of growers, 240 of the 360 surveyed, expect a poor harvest.",
     "Two-thirds of growers, 140 of the 360 surveyed, expect a poor harvest."),
    ("Turnout was 62.0%, with 1.55 million of the 2.50 million registered voters casting ballots.",
     "Turnout was 72.0%, with 1.55 million of the 2.50 million registered voters casting ballots."),
    ("Schools take 30% of the town's $70m budget, or $21m.", "Schools take 40% of the town's $70m budget, or $21m."),
    ("Permits totalled 48,000 in May, and almost one in four, 11,900, were for extensions.",
     "Permits totalled 48,000 in May, and almost one in four, 15,900, were for extensions."),
])
def test_shares_of_a_named_or_stated_base(good, bad):
    assert "consistent" in _verdicts(good, "share") or "rounding" in _verdicts(good, "share")
    assert "discrepancy" in _verdicts(bad, "share")


def test_a_share_of_the_total_broken_down_before():
    text = ("The fund will spend $12.0bn over ten years. Of this amount, $5.0bn goes to roads, $3.0bn to rail and "
            "the rest, $4.0bn, to water. Roughly a third of the total, $4.1bn, goes to the north.")
    assert "discrepancy" not in _verdicts(text)
    assert "consistent" in _verdicts(text, "share")


def test_one_firms_part_is_no_share_of_another_firms_revenue():
    text = "Abel Foods' revenue was $5.0bn. Brook Dairy's exports were $2.0bn, or 20% of revenue."
    assert "discrepancy" not in _verdicts(text)


# parts and wholes ---------------------------------------------------------------------------------------

def test_a_breakdown_that_ends_with_the_rest():
    text = "Grants came to £9.0m. Of this amount, £4.5m went to schools, £2.5m to clinics and the rest, £2.0m, to parks."
    assert _verdicts(text, "sum") == ["consistent"]
    assert _verdicts(text.replace("£2.0m, to parks", "£3.0m, to parks"), "sum") == ["discrepancy"]


def test_a_container_and_a_known_partition():
    assert _verdicts("Of the 24 branches surveyed, 15 reported growth, 2 were unchanged and 7 saw a fall.", "sum") \
        == ["consistent"]
    assert _verdicts("Of the 24 branches surveyed, 15 reported growth, 4 were unchanged and 7 saw a fall.", "sum") \
        == ["discrepancy"]
    # rose and fell alone need not be all: some may have stayed the same
    assert _verdicts("Of the 24 branches surveyed, 15 reported growth and 7 saw a decline.", "sum") == ["partial"]
    assert _verdicts("Of the firms surveyed, 30% saw orders rise and 27% saw them fall.") == []


def test_instalments_of_a_sum_stated_before():
    text = "Corran Oil agreed to pay $360m to settle the claims. It will pay $160m now and another $200m over five years."
    assert _verdicts(text, "sum") == ["consistent"]
    assert _verdicts(text.replace("$200m", "$250m"), "sum") == ["discrepancy"]
    # assets and liabilities after the instalments are no third instalment
    text2 = ("The firm offered to repay $220m (£117m) of the $550m it lost. It hoped to pay $100m now and another $120m "
             "over eight years. With assets of $200m and liabilities of $648m, it needs its creditors' backing.")
    assert "discrepancy" not in _verdicts(text2)


def test_shares_of_one_whole_add_up_to_100():
    text = "The Left took 38.4% of the vote; the Centre won 33.1%, the Greens 11.7% and others 16.8%."
    assert "consistent" in _verdicts(text, "sum")
    assert "discrepancy" in _verdicts(text.replace("16.8%", "19.8%"), "sum")
    # answers to a question that allows several
    assert _verdicts("Asked why, 62% cited cost, 48% cited safety and 37% cited speed.", "sum") == []


def test_two_firms_profits_are_not_a_sum():
    text = "Calder Water reported a profit of £318m. Rival Severn Utilities posted a profit of £295m for the period."
    assert _verdicts(text) == []


# derived measures, multiples, counted lists, headlines --------------------------------------------------

def test_deficit_from_spending_and_revenue_in_either_order():
    assert _verdicts("Spending of $61.2bn against revenue of $55.0bn leaves a deficit of $6.2bn.", "difference") \
        == ["consistent"]
    text = "The trade deficit widened to €3.4bn, as imports rose to €40.1bn while exports were flat at €36.7bn."
    assert _verdicts(text, "difference") == ["consistent"]
    assert _verdicts(text.replace("€3.4bn", "€4.4bn"), "difference") == ["discrepancy"]


@pytest.mark.parametrize("good,bad", [
    ("Fennick invested £624m, 2.4 times the £260m it spent in 2019.",
     "Fennick invested £624m, 3.4 times the £260m it spent in 2019."),
    ("Online orders doubled to 84,000 from 42,000.", "Online orders tripled to 84,000 from 42,000."),
    ("Corra's mines produced 40,000 tonnes. Dunmore's output of 52,000 tonnes is 1.3 times Corra's.",
     "Corra's mines produced 40,000 tonnes. Dunmore's output of 52,000 tonnes is 1.8 times Corra's."),
])
def test_multiples(good, bad):
    assert _verdicts(good, "multiple") == ["consistent"]
    assert _verdicts(bad, "multiple") == ["discrepancy"]


def test_counted_lists_in_apposition():
    assert _verdicts("Its three divisions – frozen, chilled and ambient – grew.", "enumeration_count") == ["consistent"]
    assert _verdicts("Its four divisions – frozen, chilled and ambient – grew.", "enumeration_count") == ["discrepancy"]
    assert _verdicts("It was one of the four big banks - Abel Bank or Corra Finance - that failed.") == []


def test_headline_restated_in_the_body():
    text = "Tolland profit jumps 41%\n\nTolland said net profit for the year jumped 41% to $212m from $150m."
    assert "consistent" in _verdicts(text, "other")
    assert "discrepancy" in _verdicts(text.replace("jumps 41%", "jumps 14%"), "other")


def test_conversions_use_one_rate():
    text = "It pays $220m (£117m) now and $550m (£292m) later. Its debt is $940m (£500m)."
    assert set(_verdicts(text)) <= {"consistent", "rounding"}
    assert "discrepancy" in _verdicts(text.replace("(£117m)", "(£17m)"))
    # a conversion is never a part: $220m and £117m are one sum
    fs = _facts(text)
    assert fs["£117m"].paren and not fs["$220m"].paren


# traps: figures on another basis, expectations, other bodies ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Median pay rose 1.2 percent after adjusting for inflation, to $74,600 from $70,800.",
    "Retail sales rose 0.4 percent on a seasonally adjusted basis to $7.1 billion from $6.8 billion unadjusted.",
    "The economy grew at a 2.4 percent annual rate in the fourth quarter to $52.3 billion from $52.0 billion.",
])
def test_rates_on_another_basis_are_never_errors(text):
    assert "discrepancy" not in _verdicts(text)


def test_a_forecast_and_a_rate_elsewhere_are_no_earlier_level():
    assert _verdicts("The deficit - far bigger than the $54bn widely expected - was $60.3bn.") == []
    text = "The jobless rate rose to 4.7% from 4.6%, compared with 12.1% in Germany."
    assert _verdicts(text) == ["consistent"]
