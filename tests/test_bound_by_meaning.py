"""Figures bound by what they measure, not by where they stand: sentences written for these tests."""

import pytest

from factcheck.api import check_text


def _found(text, language="zh"):
    return [(f.rule, f.verdict) for f in check_text(text, language=language).findings]


def _verdicts(text, language="zh"):
    return {v for _, v in _found(text, language)}


TRADE = ("The Ruritanian trade deficit widened in March to $12.5 billion. March exports were $30.2 billion, while "
         "imports rose to $42.7 billion. The goods deficit rose to $15.0 billion and the petroleum deficit fell to "
         "$4.1 billion. Exports of goods decreased to $22.0 billion. Exports of services increased to $8.2 billion. "
         "Imports of goods increased to $37.0 billion.")


def test_a_trade_release_binds_the_trade_deficit_to_all_exports_and_imports():
    found = _found(TRADE, "en")
    # the trade deficit from all exports and imports; the goods deficit from the goods flows given after it
    assert found.count(("en.derived.difference", "consistent")) == 2
    goods = [f for f in check_text(TRADE, language="en").findings
             if f.rule == "en.derived.difference" and "$15.0 billion" in [q.text for q in f.quantities]]
    assert sorted(q.text for q in goods[0].quantities) == ["$15.0 billion", "$22.0 billion", "$37.0 billion"]
    assert ("en.sum.complete", "consistent") in found  # exports = goods + services
    # the goods and petroleum deficits are never checked against all exports and imports
    assert "discrepancy" not in {v for _, v in found}
    wrong = [f for f in check_text(TRADE.replace("$15.0 billion", "$18.0 billion"), language="en").findings
             if f.verdict == "discrepancy"]
    assert [sorted(q.text for q in f.quantities) for f in wrong] == [["$18.0 billion", "$22.0 billion",
                                                                        "$37.0 billion"]]  # against goods flows


def test_a_wrong_trade_deficit_is_found():
    assert ("en.derived.difference", "discrepancy") in _found(TRADE.replace("$12.5 billion", "$15.5 billion"), "en")


def test_a_rate_over_another_span_is_no_rate_of_the_change():
    text = ("Average hourly earnings increased by 14 cents, or 0.4%, to $34.91. Over the past 12 months, average "
            "hourly earnings increased 4.1%.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_a_change_of_another_measure_ends_the_levels_reach():
    text = "其中冬小麦播种面积22602千公顷，增加79千公顷，增长0.3%；夏杂粮面积增加约73千公顷，增长1.5%。"
    assert "discrepancy" not in _verdicts(text)


def test_an_average_yield_is_no_part_of_another():
    assert "discrepancy" not in _verdicts("全国夏粮单产每公顷4582公斤。其中冬小麦单产每公顷4902公斤。")


def test_traditional_characters_name_the_same_wholes():
    text = ("同期，民營企業進出口102億元，增長18.7%。全市傳統勞動密集型產品出口45.7億元，增長30%，占出口總值的44.4%。")
    assert "discrepancy" not in _verdicts(text)


def test_a_scoped_figure_is_no_whole_of_a_partition():
    text = "居住在城镇的人口为547299人，占94.51%。男性人口为276626人，女性人口为302475人。"
    assert "discrepancy" not in _verdicts(text)


def test_the_bounds_of_an_age_band_are_no_levels():
    text = ("There were 8.86 million people aged from 16 to 64 who were economically inactive, 31,000 fewer than "
            "for the previous quarter.")
    assert _found(text, "en") == []


def test_a_per_share_figure_has_no_total_for_its_prior():
    text = ("The firm earned $2.5 billion, or 46 cents per share, in the quarter. That is up from $2.2 billion, "
            "or 40 cents per share, a year ago.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_three_industries_are_not_all_of_electricity_use():
    # 三次产业 make up 生产总值; electricity use has a fourth part, households
    text = ("4月份，全社会用电量5217亿千瓦时。分产业看，第一产业用电量55亿千瓦时；第二产业用电量3698亿千瓦时；"
            "第三产业用电量777亿千瓦时；城乡居民生活用电量688亿千瓦时。")
    assert "discrepancy" not in _verdicts(text)


def test_another_period_total_is_not_the_whole_of_a_topic_block():
    text = ("4月份，全社会用电量5217亿千瓦时。1-4月，全社会用电量累计21094亿千瓦时。分产业看，第一产业用电量205亿千瓦时；"
            "第二产业用电量14252亿千瓦时；第三产业用电量3377亿千瓦时；城乡居民生活用电量3260亿千瓦时。")
    assert "discrepancy" not in _verdicts(text)


def test_value_added_is_no_part_of_gross_output():
    text = "上半年，全市完成工业总产值103.8亿元，其中规模以上工业总产值95.4亿元；实现工业增加值40.6亿元，增长15%。"
    assert "discrepancy" not in _verdicts(text)


def test_named_groups_of_industries_may_overlap():
    text = ("上半年，全市规上工业增加值252.32亿元。主要行业中，电气机械制造业、金属制品业分别实现增加值63.46亿元、17.77亿元。"
            "规上战略性新兴产业、装备制造业、高新技术产业分别实现增加值109.78亿元、122.52亿元、167.99亿元。")
    assert "discrepancy" not in _verdicts(text)


def test_tax_and_non_tax_revenue_complete_the_budget_revenue():
    text = ("全区一般公共预算收入316580万元，其中：税收收入238998万元，非税收入77582万元；政府性基金预算收入1616万元；"
            "国有资本经营收入1868万元。")
    assert ("zh.sum.complete", "consistent") in _found(text)
    assert "discrepancy" not in _verdicts(text)


@pytest.mark.parametrize("text,verdict", [
    ("全镇男性人口为5120人，女性人口为4875人，出生人口性别比为110.2。", None),
    ("全镇男性人口为5120人，女性人口为4875人，总人口性别比为105.03。", "consistent"),
])
def test_a_named_ratio_with_its_own_qualifier_is_another_ratio(text, verdict):
    got = _verdicts(text)
    assert (verdict in got) if verdict else not got


def test_a_share_of_a_count_is_a_whole_number_of_things():
    assert ("zh.share.of-count", "discrepancy") in _found("今年新开业的便利店有80家，其中62.4%的便利店已实现盈利。")
    assert _found("今年新开业的便利店有80家，其中62.5%的便利店已实现盈利。") == [("zh.share.of-count", "consistent")]
    # the count right before is a part, not the whole the share is of
    assert _found("全市共有37个行业，有4个行业增速加快，7个行业降幅收窄，43.2%的行业实现增长。") == []


def test_a_total_named_by_a_share_is_never_a_part_narrowed_by_a_qualifier():
    text = ("前7个月，全省出口陶瓷3.2亿美元。其中一般贸易方式出口2.9亿美元；加工贸易出口790万美元。"
            "对欧盟出口0.8亿美元；对美国出口0.7亿美元。两者合计占同期出口总额的46.9%。")
    found = _found(text)
    assert ("zh.share.of", "consistent") in found or ("zh.share.of", "rounding") in found
    assert "discrepancy" not in {v for _, v in found}


def test_what_would_have_happened_is_no_figure_of_what_did():
    text = ("Revenue rose 10 percent to $27.3 billion from $24.75 billion. If the merger had counted a year earlier, "
            "revenue would have risen by 0.6 percent.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_an_and_inside_a_listed_name_is_no_joint():
    text = "Gains were strongest in two categories: professional and business services, and health care."
    assert _found(text, "en") == [("en.enumeration.apposition", "consistent")]
    assert ("en.enumeration.apposition", "discrepancy") in _found(text.replace("two", "four"), "en")


def test_two_figures_of_one_list_are_no_level_and_its_past():
    text = "二季度营收和净利润分别为195.47亿元和95.08亿元，同比增速为9.5%和8.9%，环比分别下滑20%和27%。"
    assert "discrepancy" not in _verdicts(text)


def test_a_reference_named_only_by_scope_reports_only_agreement():
    text = ("全市进出口总额274亿美元，同比增长12%。其中出口142.7亿美元，同比增长16%。我市对欧盟、香港出口同比分别增长23.7%和"
            "50.7%，分别高于全市整体增幅7.7和34.7个百分点。")
    assert "discrepancy" not in _verdicts(text)


@pytest.mark.parametrize("text,verdict", [
    ("Exports of goods in March were €104.0bn, an increase of 4.0% compared with March 2023 (€100.0bn).", "consistent"),
    ("Exports of goods in March were €104.0bn, an increase of 9.0% compared with March 2023 (€100.0bn).",
     "discrepancy"),
    ("Trade within the bloc rose to €52.0bn in March, +4.0% compared with March 2023 (€50.0bn).", "consistent"),
])
def test_a_bracketed_figure_after_compared_with_is_the_earlier_level(text, verdict):
    assert ("en.growth.levels-rate", verdict) in _found(text, "en")


def test_the_goods_and_services_deficit_is_imports_less_exports():
    text = ("The goods and services deficit was $42.5 billion in March. March exports were $150.0 billion, "
            "$2.0 billion less than February exports. March imports were $192.5 billion.")
    assert ("en.derived.difference", "consistent") in _found(text, "en")
    assert ("en.derived.difference", "discrepancy") in _found(text.replace("$42.5", "$47.5"), "en")
    # the goods deficit, named nearer to its figure, is another measure
    later = text + " The decrease in the goods and services deficit reflected a fall in the goods deficit to $60.1 billion."
    assert "discrepancy" not in _verdicts(later, "en")


def test_a_figure_after_bi_de_is_the_level_compared_with():
    text = ("年末实有市场主体42.35万户，比2020年末的31.52万户年均增长10.3%。"
            "其中，企业13.62万户，个体工商户28.73万户。")
    assert "discrepancy" not in _verdicts(text)  # before: the parts were summed against 31.52万户


def test_doubling_said_in_words_is_a_round_figure():
    assert _found("进出口总额865亿元，比2018年的412亿元翻了一番多。") == [("zh.multiple.of", "consistent")]
    assert ("zh.multiple.of", "discrepancy") in _found("进出口总额1265亿元，比2018年的412亿元翻了一番。")


def test_the_same_period_is_no_narrower_measure():
    text = "上半年，南岭市进出口765.3亿元。其中，进口302.6亿元，出口462.7亿元。全省同期出口803.8亿元，南岭市占57.6%。"
    assert "discrepancy" not in _verdicts(text)


def test_of_the_remainder_points_at_no_figure_before_it():
    text = ("The budget totals ¥486bn. Welfare accounts for ¥162bn, or a third of the total. Of the remainder, "
            "¥98bn goes to education, ¥121bn to roads and ¥106bn to other items.")
    assert "discrepancy" not in _verdicts(text, "en")
