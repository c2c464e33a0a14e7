"""English families of results releases, on sentences of our own: trade balances from exports and imports, vote
counts with their shares, and release bullet points read as text (not as page furniture)."""

import pytest

from factcheck.api import check_text
from factcheck.read import make_document


def _verdicts(text, rule=None):
    return [f.verdict for f in check_text(text, language="en").findings if rule is None or rule in f.rule]


# trade balances: a bare deficit or surplus from the exports and imports beside it -----------------------------

def test_bare_deficit_from_exports_and_imports():
    good = "March exports of $101.4 billion and imports of $139.0 billion left a deficit of $37.6 billion."
    bad = "March exports of $101.4 billion and imports of $139.0 billion left a deficit of $47.6 billion."
    assert _verdicts(good, "derived") == ["consistent"]
    assert _verdicts(bad, "derived") == ["discrepancy"]


def test_qualified_balance_needs_qualified_sources():
    # the services surplus is not total exports minus total imports
    text = ("Exports were $180.2 billion and imports $230.5 billion. The goods deficit fell to $71.3 billion and "
            "the services surplus was $21.0 billion.")
    assert "discrepancy" not in _verdicts(text)


def test_goods_balance_from_goods_flows_a_few_sentences_later():
    text = ("The goods deficit narrowed by $2.1 billion to $58.4 billion. The services surplus was flat. Petroleum "
            "exports rose. Exports of goods increased $1.9 billion to $120.6 billion. Imports of goods decreased "
            "$0.2 billion to $179.0 billion.")
    assert _verdicts(text, "derived") == ["consistent"]
    assert _verdicts(text.replace("$58.4 billion", "$68.4 billion"), "derived") == ["discrepancy"]


# vote counts with their shares ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Quill won 1,204 votes, or 55.1%, and Brennan took 981 votes, or 44.9%.",
    "Harlow drew about 41% of the vote, or 512 votes. Dunn came next with about 37%, or 460 votes, and Ocampo "
    "had 22%, or 275 votes.",
    "In District 4 Yates had 3,318 votes (62.0%) and Kim 2,034 votes (38.0%).",
])
def test_vote_shares_of_a_complete_race(text):
    vs = _verdicts(text, "split")
    assert vs and set(vs) == {"consistent"}


def test_vote_share_wrong_for_its_count():
    text = ("Harlow drew 41% of the vote, or 512 votes. Dunn came next with 37%, or 560 votes, and Ocampo had 22%, "
            "or 275 votes.")
    vs = _verdicts(text, "split")
    assert vs == ["discrepancy"]  # only Dunn's figures miss the whole the other two agree on


@pytest.mark.parametrize("text", [
    # a partial list: other candidates are not given
    "Quill won 14.2%, or 1,204 votes, and Brennan 11.5%, or 981 votes, in the 9-candidate field.",
    # two races whose shares happen to add up to 100
    "In Ward 1 Hale won 70%, or 700 votes. In Ward 2 Ortiz won 30%, or 90 votes.",
    # a growth rate after an amount is no share
    "Sales rose to $4.1bn, up 12%, and costs to $3.0bn, up 88%.",
])
def test_no_vote_shares_bound(text):
    assert _verdicts(text, "split") == []


# bullet points of a release are text --------------------------------------------------------------------------

def test_bullet_sentence_is_read():
    text = ("Job changes\n\n  • The change in employment for May was revised down by 6,000 from +190,000 to "
            "+184,000.\n")
    doc = make_document(text, language="en")
    i = text.index("+190,000")
    assert not doc.in_furniture(i, i + 8)
    assert "consistent" in _verdicts(text)


def test_bullet_link_list_stays_furniture():
    text = "Most read\n• Ten cheap flights for 2025\n• Mortgage rates hit 5%\n\nThe body of the story starts here.\n"
    doc = make_document(text, language="en")
    i = text.index("5%")
    assert doc.in_furniture(i, i + 2)


# sports: a line score's periods add up to the final score; made of tried and its percentage ---------------------

def test_line_score_rows():
    good = "Final\nRivertown 21 18 25 30 — 94\nLakeside 19 24 20 22 — 85\n"
    assert _verdicts(good, "marked-total") == ["consistent", "consistent"]
    assert _verdicts(good.replace("— 85", "— 88"), "marked-total") == ["consistent", "discrepancy"]


def test_made_of_tried():
    assert _verdicts("Ortega hit 9/12 from deep, good for 75 percent.", "made-of") == ["consistent"]
    assert _verdicts("Ortega hit 9/12 from deep, good for 65 percent.", "made-of") == ["discrepancy"]
    assert _verdicts("3-Point Goals: 8-21, .381 (Ortega 4-8, Lund 3-9).", "made-of") == ["consistent"]


@pytest.mark.parametrize("text", [
    "Turnout among voters aged 18-24 (12%) was the lowest.",  # a range, not made of tried
    "The index rose 4/5 (3%) on the week.",
    "The Owls are 8-12, .400 on the season.",  # a record won-lost: its proportion is 8 of 20
])
def test_made_of_tried_left_alone(text):
    assert "discrepancy" not in _verdicts(text, "made-of")


def test_counts_joined_by_of_are_read():
    doc = make_document("The Hawks went 14-of-19 from the line.", language="en")
    from factcheck.extract import extract
    assert [q.text for q in extract(doc)] == ["14", "19"]


# the noun a figure qualifies; bln; grouped thousands with decimals; a headline with two figures of one measure ---

def _facts(text):
    from factcheck.extract import extract
    from factcheck.facts import read_facts
    doc = make_document(text, language="en")
    return {f.q.text: f for f in read_facts(doc, extract(doc)).facts}


def test_attributive_noun_names_the_measure():
    fs = _facts("Exports were €96.2 billion and imports €88.9 billion. As a result, the region recorded a "
                "€7.3 billion surplus in trade in goods.")
    assert fs["€7.3 billion"].key.endswith("surplus")
    assert "result" not in fs["€7.3 billion"].key


def test_surplus_after_its_figure_from_exports_and_imports():
    text = ("Exports of the region to the rest of the world were €96.2 billion in May. Imports from the rest of the "
            "world stood at €88.9 billion. As a result, the region recorded a €7.3 billion surplus.")
    assert _verdicts(text, "derived") == ["consistent"]
    assert _verdicts(text.replace("€7.3 billion", "€9.3 billion"), "derived") == ["discrepancy"]


def test_bln_and_space_grouped_decimals():
    from factcheck.extract import extract
    doc = make_document("Exports rose to 1 204.6 bln euros, imports to 1 187.2 bln euros.", language="en")
    assert [q.value for q in extract(doc)] == [1204.6e9, 1187.2e9]


def test_two_areas_surpluses_are_not_one_fact():
    text = ("North zone goods surplus 14.2 bln euros; 0.4 bln euros surplus for the union\n\n"
            "The north zone recorded a 14.2 bln euros surplus in July. Later in the year the union recorded a "
            "0.4 bln euros surplus in July.")
    assert "discrepancy" not in _verdicts(text)


# headlines restated in the body ------------------------------------------------------------------------------------

def test_long_english_headline_restated_far_down():
    text = ("Harbour region goods trade surplus 12.4 bln euros in March; exports up 3.1% on the year\n\n"
            "Exports rose. Imports rose too. Trade with neighbours grew. Shipping costs fell. Ports were busy. "
            "The region recorded a 12.4 bln euros surplus in March.")
    fs = check_text(text, language="en").findings
    assert any(f.rule.endswith("restated") and f.verdict == "consistent" for f in fs)


def test_roundup_headline_not_bound_to_another_firm():
    text = ("Earnings: Calder posts $2.1 billion profit\n\n"
            "Calder earned $2.1 billion in the quarter and $2.0 billion a year earlier. Hallam said its profit was "
            "$61.5 million. Brightmart's profit rose to $44.0 million.")
    assert "discrepancy" not in _verdicts(text)


def test_currency_codes_and_compared_period_balances():
    text = ("Exports of the zone in May 2025 were EUR 160.9 bln, down by 2.7% compared with May 2024 (EUR 165.4 bln). "
            "Imports stood at EUR 158.7 bln, down by 1.4% compared with May 2024 (EUR 161.0 bln). As a result, the "
            "zone recorded a EUR 2.2 bln surplus, compared with +EUR 4.4 bln in May 2024.")
    fs = [f for f in check_text(text, language="en").findings if "derived" in f.rule]
    assert sorted(f.verdict for f in fs) == ["consistent", "consistent"]
    bad = text.replace("+EUR 4.4 bln", "+EUR 6.4 bln")
    assert "discrepancy" in [f.verdict for f in check_text(bad, language="en").findings if "derived" in f.rule]


def test_vote_pairs_joined_by_which_is_and_of_the_total():
    text = ("Ames received 2,140 votes, or 48.1%, and Kell got 1,710 ballots cast in her favor, which is nearly 39%. "
            "Pratt got 600 votes, or about 13%.")
    vs = _verdicts(text, "split")
    assert vs and set(vs) == {"consistent"}
    assert _verdicts("She received 8,240 of the total 15,630 votes cast for 52.7 percent of the county.",
                     "made-of") == ["consistent"]
    assert _verdicts("She received 8,240 of the total 15,630 votes cast for 57.7 percent of the county.",
                     "made-of") == ["discrepancy"]


def test_from_a_named_level_is_the_prior():
    fs = _facts("Median pay was $41,200 in 2024, a decrease of 1.9% from the 2023 median of $42,000.")
    assert fs["$42,000"].role == "prior"
    assert _verdicts("Median pay was $41,200 in 2024, a decrease of 1.9% from the 2023 median of $42,000.") == \
        ["consistent"]
    assert "discrepancy" in _verdicts("Median pay was $41,200 in 2024, a decrease of 4.9% from the 2023 median of "
                                      "$42,000.")


def test_goods_and_services_is_one_whole():
    fs = _facts("May exports of $151.2 billion and imports of $190.0 billion resulted in a goods and services deficit "
                "of $38.8 billion.")
    assert fs["$38.8 billion"].key.startswith("good service")
    text = ("The goods and services deficit was $38.8 billion in May. May exports of $151.2 billion and imports of "
            "$190.0 billion resulted in a goods and services deficit of $38.8 billion.")
    fs = [f for f in check_text(text, language="en").findings if "derived" in f.rule]
    assert [f.verdict for f in fs] == ["consistent"] and fs[0].quantities[-1].start > 60  # the body's figure
