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


# -- figures restated in another unit, subjects across a clause, claims that cannot be checked ---------------------

GRAIN = ("今年全县秋粮总产量52.4万吨(10.48亿斤)，比上年增加1.6万吨(0.32亿斤)。秋粮播种面积7.25万公顷(108.75万亩)，"
         "单位面积产量7228公斤/公顷(481.9公斤/亩)。")


def test_a_figure_restated_in_brackets_in_another_unit_must_agree():
    found = _found(GRAIN)
    assert found.count(("zh.other.units", "consistent")) == 4
    wrong = _found(GRAIN.replace("108.75万亩", "10.875万亩"))
    assert ("zh.other.units", "discrepancy") in wrong
    # a bracket that opens with words is an aside, not the same figure in another unit
    assert not any(r == "zh.other.units" for r, _ in _found("全县耕地7.25万公顷(其中水田30万亩)。"))


def test_a_clause_that_opens_with_its_verb_takes_its_subject_from_the_clause_before():
    text = ("全县外贸进出口总值再创历史新高，达到36.0亿元，同比增长20.0%，在全市居第2位。其中出口20.0亿元，增长25.0%；"
            "进口16.0亿元，增长14.3%。")
    found = _found(text)
    assert ("zh.sum.complete", "consistent") in found or any(r.startswith("zh.sum") and v == "consistent"
                                                             for r, v in found)
    assert ("zh.growth.from-parts", "discrepancy") not in found
    assert any(r == "zh.growth.from-parts" for r, _ in found)


def test_points_between_rates_the_text_does_not_give_are_reported_as_unverifiable():
    found = _found("与上年相比，全县城镇人口所占比重上升1.85个百分点，乡村人口所占比重下降1.85个百分点。")
    assert found.count(("zh.points.unstated", "unverifiable")) == 2
    # points between two stated rates are checked, not called unverifiable
    assert ("zh.points.unstated", "unverifiable") not in _found("城镇化率由55.0%提高到56.9%，提高1.9个百分点。")


def test_a_share_of_a_whole_the_text_names_but_does_not_state_is_unverifiable():
    assert ("zh.share.base-unstated", "unverifiable") in _found("全县地方财政收入完成8.2亿元，占年度预算的45.6%。")
    # the whole stated elsewhere in the text: checked, not unverifiable
    found = _found("全县出口总额10.0亿元。其中机电产品出口4.0亿元，占全县出口总额的40.0%。")
    assert ("zh.share.base-unstated", "unverifiable") not in found


CENSUS = ("全县常住人口为250000人，与2010年相比增加12000人。\n"
          "全县常住人口中，男性人口为128000人，占51.20%；女性人口为122000人，占48.80%。\n"
          "全县常住人口中，0—14岁人口为40000人，占16.00%；15—59岁人口为150000人，占60.00%；60岁及以上人口为60000人，"
          "占24.00%，其中65岁及以上人口为45000人，占18.00%。")


def test_a_sentence_that_opens_with_its_whole_binds_its_partition_and_shares():
    found = _found(CENSUS)
    assert found.count(("zh.share.of", "consistent")) >= 5  # each share of the population named by the opening
    sums = [f for f in check_text(CENSUS, language="zh").findings if f.kind == "sum" and f.verdict == "consistent"]
    assert any("128000" in f.message and "250000" in f.message for f in sums)  # 男 + 女
    assert any("40000" in f.message and "60000" in f.message and "45000" not in f.message for f in sums)  # age bands
    assert ("zh.sum.complete", "discrepancy") in _found(CENSUS.replace("女性人口为122000人", "女性人口为132000人")) or \
        "discrepancy" in _verdicts(CENSUS.replace("女性人口为122000人", "女性人口为132000人"))


def test_age_bands_with_a_gap_make_no_complete_list():
    text = CENSUS.replace("15—59岁人口", "16—59岁人口")
    sums = [f for f in check_text(text, language="zh").findings if f.kind == "sum" and "40000" in f.message]
    assert not sums


def test_parts_in_the_next_sentence_that_share_a_qualifier_make_up_their_whole():
    text = ("全行业完成旅客周转量1200.0亿人公里，比上年增长 9.0%。国内航线完成旅客周转量900.0亿人公里，比上年增长8.0%，"
            "国际航线完成旅客周转量300.0亿人公里，比上年增长12.0%。")
    found = _found(text)
    assert ("zh.sum.complete", "consistent") in found
    assert ("zh.sum.complete", "discrepancy") in _found(text.replace("300.0亿人公里", "330.0亿人公里"))


def test_traditional_characters_and_reading_aids_read_like_simplified_text():
    text = ("全國(guó)共銷售彩票846.23億元,比上年同期增長(zhǎng)22.4%。其中,福利彩票機構銷售483.33億元,同比增長(zhǎng)21.1%;"
            "體育彩票機構銷售362.90億元,同比增長(zhǎng)24.2%。")
    found = _found(text)
    assert ("zh.sum.complete", "consistent") in found or any(k == "sum" and v == "consistent" for k, v in
                                                              [(f.kind, f.verdict) for f in check_text(text, language="zh").findings])
    assert not any(v == "discrepancy" for _, v in found)
    # every span still slices back to the text as written
    for f in check_text(text, language="zh").findings:
        for q in f.quantities:
            assert text[q.start:q.end] == q.text


def test_a_list_of_periods_dates_its_own_figures_only():
    text = ("前三季度全市生产总值1000亿元，同比增长6.0%。分季度看，一季度增长5.8%，二季度增长6.0%，三季度增长6.2%。"
            "分产业看，第一产业增加值100亿元，第二产业增加值400亿元，第三产业增加值500亿元。")
    found = _found(text)
    assert any(r.startswith("zh.sum") and v == "consistent" for r, v in found)
    assert any(r.startswith("zh.sum") and v == "discrepancy" for r, v in _found(text.replace("500亿元", "560亿元")))


def test_a_whole_named_as_the_list_of_its_parts_is_complete():
    text = ("全县铁路、公路、水路共发送旅客120.0万人次。其中，铁路发送旅客30.0万人次；公路发送旅客80.0万人次；"
            "水路发送旅客10.0万人次。")
    assert ("zh.sum.complete", "consistent") in _found(text)
    assert ("zh.sum.complete", "discrepancy") in _found(text.replace("水路发送旅客10.0万人次", "水路发送旅客20.0万人次"))


def test_shares_said_respectively_of_a_partition_bind_to_its_parts():
    text = ("全年全县地区生产总值500.0亿元。其中，第一产业增加值50.0亿元，第二产业增加值200.0亿元，第三产业增加值250.0亿元。"
            "三次产业增加值占地区生产总值的比重分别为10.0%、40.0%和50.0%。")
    found = _found(text)
    assert found.count(("zh.share.of", "consistent")) == 3
    assert ("zh.share.of", "discrepancy") in _found(text.replace("40.0%和", "45.0%和"))


def test_an_average_per_household_binds_to_the_total_named_before_it():
    text = "全县共有家庭户10000户，家庭户人口为29000人，平均每个家庭户的人口为2.90人。"
    assert ("zh.product.average", "consistent") in _found(text)
    assert ("zh.product.average", "discrepancy") in _found(text.replace("2.90人", "3.20人"))


def test_a_breakdown_inside_an_item_of_a_semicolon_list_ends_at_the_next_semicolon():
    text = ("全年粮食产量50.0万吨，增长1.0%；油料产量10.0万吨，增长2.0%，其中：油菜籽产量8.0万吨，增长3.0%；"
            "蔬菜产量40.0万吨，增长4.0%。")
    assert "discrepancy" not in _verdicts(text)


def test_a_whole_said_respectively_with_another_measure_is_no_certain_whole():
    text = ("上半年全国汽车产销分别完成1500.0万辆和1510.0万辆。其中，乘用车产销分别完成1300.0万辆和1305.0万辆；"
            "商用车产销分别完成200.0万辆和205.0万辆。")
    assert "discrepancy" not in _verdicts(text)


# -- false alarms met on held-out text, as sentences of our own ----------------------------------------------------

def test_a_forecast_and_a_period_named_by_the_comparison_bind_nothing_else():
    text = ("For the quarter ended March 31, Acme reported quarterly revenue of $12.40 billion, marking a six percent "
            "increase from the prior year period which was $11.70 billion. Operating income was $4.10 billion, up 12 "
            "percent from the prior year period. Analysts expected earnings of 58 cents a share and revenue of "
            "$12.10 billion.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_a_fee_beside_a_price_that_rises_from_one_figure_to_another_is_no_direction_claim():
    text = ("Officials also recommend a 5% increase and a $1 emergency fee in the waste services, rising from $21.88 "
            "in FY 2024-25 to $23.97 this upcoming year.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_a_rate_of_the_population_is_no_growth_of_its_share():
    text = ("The population of the region grew by 8% from 2010 to 2020, resulting in 62% of residents living in "
            "cities in 2020, compared to 60% in 2010.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_rates_in_brackets_and_a_phrase_naming_two_parts_make_no_shares_list():
    text = ("Enrolment at public two-year colleges rose sharply (2.4%), while public and private four-year colleges "
            "grew less (0.5% for both).")
    assert "discrepancy" not in _verdicts(text, "en")


def test_character_references_and_model_numbers_are_no_figures_restated():
    from factcheck.read import make_document
    from factcheck.extract import extract

    text = "The communiqu&#233; was signed. The summit's communiqu&#233; followed. Boeing 777 jets flew; the 777 order."
    qs = [q.text for q in extract(make_document(text, path="x.txt", encoding="utf-8"))]
    assert "233" not in qs
    assert not any(f.rule == "en.same-fact.repeated" for f in check_text(text, language="en").findings)


RETAIL = ("一季度，全县社会消费品零售总额86.40亿元，同比增长5.1%，其中限额以上单位零售额21.72亿元。\n"
          "按经营单位所在地分，一季度，城镇消费品零售额61.25亿元，增长5.3%，其中县城消费品零售额40.06亿元。"
          "乡村消费品零售额25.15亿元，增长4.6%。\n"
          "按消费类型分，一季度，批发零售业零售额74.32亿元，增长4.9%；住宿餐饮业零售额12.08亿元，增长6.4%。")


def test_a_topic_breaks_down_its_paragraph_and_the_total_before_it():
    found = check_text(RETAIL).findings
    sums = sorted(sorted(q.text for q in f.quantities) for f in found if f.kind == "sum")
    # both topics break down the county total, not the figure before their opener; the nested 县城 part stays out
    assert ["25.15亿元", "61.25亿元", "86.40亿元"] in sums
    assert ["12.08亿元", "74.32亿元", "86.40亿元"] in sums
    assert not any("40.06亿元" in s and "86.40亿元" in s and len(s) == 3 for s in sums)
    wrong = check_text(RETAIL.replace("25.15亿元", "27.15亿元")).findings
    assert [f.verdict for f in wrong if "27.15亿元" in [q.text for q in f.quantities] and f.kind == "sum"] == [
        "discrepancy"]


def test_a_medal_tally_adds_up_to_its_medals():
    text = "代表团以12金9银7铜共28枚奖牌位列第三；东道主队17金11银14铜42枚奖牌居首。"
    sums = [(sorted(q.text for q in f.quantities), f.verdict) for f in check_text(text).findings if f.kind == "sum"]
    assert (["12金", "28枚", "7铜", "9银"], "consistent") in sums
    assert (["11银", "14铜", "17金", "42枚"], "consistent") in sums
    wrong = check_text(text.replace("42枚", "44枚")).findings
    assert "discrepancy" in [f.verdict for f in wrong if f.kind == "sum"]


def test_a_metal_that_begins_a_word_is_no_medal():
    # every figure the text holds, not only those some finding binds
    quantities = check_text("3金融机构和5银行各出资100万元，2铜矿停产。").quantities
    assert len(quantities) == 4 and not any(q.unit in ("金", "银", "铜") for q in quantities)


INCOME = ("全年全市居民人均可支配收入32189元，比上年增长6.3%。按收入来源分，人均工资性收入18035元，增长6.1%；"
          "人均经营净收入5312元，增长5.2%；人均财产净收入2716元，增长4.4%；人均转移净收入6126元，增长8.4%。")


def test_averages_add_up_over_the_sources_of_one_income():
    sums = [(sorted(q.text for q in f.quantities), f.verdict) for f in check_text(INCOME).findings if f.kind == "sum"]
    assert sums == [(["18035元", "2716元", "32189元", "5312元", "6126元"], "consistent")]
    wrong = check_text(INCOME.replace("2716元", "3716元")).findings
    assert "discrepancy" in [f.verdict for f in wrong if f.kind == "sum"]


def test_averages_of_other_populations_never_add_up():
    text = "全市居民人均可支配收入32189元，其中城镇居民人均可支配收入41205元，农村居民人均可支配收入19873元。"
    assert not [f for f in check_text(text).findings if f.kind == "sum"]


# Causes of the false alarms a blind set (heldout5) showed, each on sentences written for the test.

def test_last_year_in_a_headline_is_the_level_not_its_prior():
    text = ("去年全国办理离婚登记210.3万对，比上年下降8.2%\n"
            "民政部发布统计公报。去年全国办理离婚登记210.3万对，比上年下降8.2%。")
    assert "discrepancy" not in _verdicts(text)


def test_a_months_rate_never_takes_the_years_total_as_prior():
    text = "2022年，全省快递业务收入累计完成580.2亿元。\n2023年12月份，全省快递业务收入完成61.4亿元，同比增长10.3%。"
    assert "discrepancy" not in _verdicts(text)


def test_figures_far_apart_are_no_restatement_slip():
    text = ("2023年一季度全市新注册登记机动车21.6万辆。\n2023年一季度新注册登记21.6万辆。\n"
            "新能源汽车保有量达18.2万辆，2023年一季度新注册登记3.4万辆。")
    assert "discrepancy" not in _verdicts(text)


def test_a_count_that_names_a_group_is_its_figures_scope():
    text = ("全省总用水量182.6亿立方米。按流域分区统计，东部3区用水量101.2亿立方米，占全省总用水量的55.4%，"
            "其中生活用水、工业用水分别占全省同类用水的61.0%、70.2%；西部5区用水量81.4亿立方米，"
            "占全省总用水量的44.6%，其中生活用水、工业用水分别占全省同类用水的39.0%、29.8%。")
    found = check_text(text).findings
    assert "discrepancy" not in {f.verdict for f in found}
    shares = [sorted(q.text for q in f.quantities) for f in found if f.kind == "share" and f.verdict == "consistent"]
    assert ["101.2亿立方米", "182.6亿立方米", "55.4%"] in shares


def test_points_against_an_earlier_term_are_each_measures_own():
    text = ("本届代表中，妇女代表412名，占代表总数的24.6%，比上届提高1.9个百分点；"
            "少数民族代表183名，占代表总数的10.9%，比上届提高0.4个百分点。")
    assert "discrepancy" not in _verdicts(text)


def test_a_sibling_is_never_the_whole_a_share_names():
    text = "全市载客汽车保有量为182万辆。载货汽车保有量达24万辆，占汽车总量的11.6%。"
    assert "discrepancy" not in _verdicts(text)


def test_parts_that_may_overlap_are_no_error_when_they_exceed_the_whole():
    text = ("全省水资源总量512.4亿立方米，其中地表水资源量498.1亿立方米，地下水资源量132.6亿立方米，"
            "地下水与地表水资源不重复量为14.3亿立方米。")
    assert "discrepancy" not in _verdicts(text)


def test_a_cricket_score_is_no_level():
    text = "The visitors slipped from 96 for 1 to 104 for 4 before a late partnership took them past 250."
    assert "discrepancy" not in _verdicts(text, "en")


def test_a_rate_against_another_quarter_is_not_checked_against_a_year_earlier():
    text = ("Copper output for the three months to December was 412,000 tonnes, compared with 398,000 tonnes a "
            "year earlier. It fell 3 per cent from the September quarter.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_a_share_in_brackets_belongs_to_the_list():
    text = ("Most new members (58 per cent) came from the north, with 35.5 per cent from other regions and 6.5 per "
            "cent from abroad.")
    assert "discrepancy" not in _verdicts(text, "en")


def test_output_is_area_times_yield_in_any_units():
    text = ("一、全省油菜籽播种面积412.6千公顷，比上年增加5.2千公顷。二、全省油菜籽单位面积产量2206.4公斤/公顷。"
            "三、全省油菜籽总产量91.0万吨，比上年增长3.1%。")
    found = [(f.rule, f.verdict) for f in check_text(text).findings]
    assert ("zh.product.yield", "rounding") in found or ("zh.product.yield", "consistent") in found
    assert ("zh.product.yield", "discrepancy") in _found(text.replace("91.0万吨", "97.0万吨"))


def test_shares_of_a_known_partition_of_water_use_make_up_100():
    text = "全市用水总量18.3亿立方米。其中，生活用水占总用水量的14.2%；工业用水占21.9%；农业用水占60.4%；生态环境补水占3.5%。"
    assert ("zh.sum.shares-100", "consistent") in _found(text) or "consistent" in _verdicts(text)
    assert "discrepancy" in _verdicts(text.replace("60.4%", "66.4%"))


RND = ("2023年，全市共投入研究与试验发展经费612.4亿元，比上年增长9.8%。分活动类型看，基础研究经费41.3亿元，比上年增长15.2%；"
       "应用研究经费66.8亿元，比上年增长8.1%；试验发展经费504.3亿元，比上年增长9.6%。"
       "基础研究、应用研究和试验发展经费所占比重分别为6.7%、10.9%和82.3%。")


def test_a_list_before_respectively_names_each_shares_part():
    found = check_text(RND).findings
    shares = {tuple(sorted(q.text for q in f.quantities)): f.verdict for f in found if f.kind == "share"}
    assert shares.get(("41.3亿元", "6.7%", "612.4亿元")) == "consistent"
    assert shares.get(("10.9%", "612.4亿元", "66.8亿元")) == "consistent"
    # parts that each compare with 上年 are one list: the comparison names no new period
    sums = [sorted(q.text for q in f.quantities) for f in found if f.kind == "sum"]
    assert ["41.3亿元", "504.3亿元", "612.4亿元", "66.8亿元"] in sums
    # the shares making up 100 say the list is complete: a part off makes the sum wrong
    assert "discrepancy" in _verdicts(RND.replace("试验发展经费504.3亿元", "试验发展经费524.3亿元"))


def test_packed_regions_before_respectively_make_up_the_whole():
    text = "2023年，东中西部地区生产总值占比分别为52.1%、22.4%和25.5%。"
    assert ("zh.sum.shares-100", "consistent") in _found(text) or _verdicts(text) == {"consistent"}
    assert "discrepancy" in _verdicts(text.replace("22.4%", "24.4%"))


def test_a_count_is_named_by_the_noun_it_counts():
    text = ("大会确认选举产生的1250名代表的代表资格有效。其中妇女代表318名，占代表总数的25.4%；"
            "少数民族代表96名，占代表总数的7.7%。")
    shares = [(sorted(q.text for q in f.quantities), f.verdict) for f in check_text(text).findings if f.kind == "share"]
    assert (["1250名", "25.4%", "318名"], "consistent") in shares
    assert "discrepancy" in _verdicts(text.replace("7.7%", "9.7%"))


def test_a_topic_opener_may_carry_pinyin_or_say_statistics():
    for opener in ("按經(jīng)營(yíng)單位所在地分", "按经营地统计"):
        text = (f"全年社会消费品零售总额412.36亿元，比上年增长7.2%。{opener}，城镇消费品零售额351.20亿元，"
                f"增长7.0%；乡村消费品零售额61.16亿元，增长8.3%。")
        sums = [sorted(q.text for q in f.quantities) for f in check_text(text).findings if f.kind == "sum"]
        assert ["351.20亿元", "412.36亿元", "61.16亿元"] in sums, opener


def test_a_topic_paragraph_breaks_down_each_period_it_names():
    text = ("8月份，全市社会消费品零售总额86.52亿元，同比增长6.1%。1-8月份，全市社会消费品零售总额671.30亿元，同比增长5.8%。\n"
            "按经营单位所在地分，8月份，城镇消费品零售额74.10亿元，增长6.0%；乡村消费品零售额12.42亿元，增长6.7%。"
            "1-8月份，城镇消费品零售额576.84亿元，增长5.7%；乡村消费品零售额94.46亿元，增长6.4%。")
    sums = [sorted(q.text for q in f.quantities) for f in check_text(text).findings if f.kind == "sum"]
    assert ["12.42亿元", "74.10亿元", "86.52亿元"] in sums
    assert ["576.84亿元", "671.30亿元", "94.46亿元"] in sums
    assert "discrepancy" in _verdicts(text.replace("94.46亿元", "98.46亿元"))


def test_a_packed_pair_breaks_down_each_of_its_measures():
    text = ("1-9月，汽车产销分别完成2150.4万辆和2162.8万辆。其中，乘用车产销分别完成1852.0万辆和1860.5万辆；"
            "商用车产销分别完成298.4万辆和302.3万辆。")
    sums = [(sorted(q.text for q in f.quantities), f.verdict) for f in check_text(text).findings if f.kind == "sum"]
    assert (["1852.0万辆", "2150.4万辆", "298.4万辆"], "consistent") in sums
    assert (["1860.5万辆", "2162.8万辆", "302.3万辆"], "consistent") in sums
    assert "discrepancy" in _verdicts(text.replace("302.3万辆", "312.3万辆"))


def test_small_full_stops_and_commas_are_decimal_points_and_thousands():
    report = check_text("净利息收入上升1﹒3%至1﹐121﹒55亿元，非利息收入上升28﹒4%至412﹒11亿元。")
    values = sorted(q.value for q in report.quantities)
    assert any(abs(v - 1121.55e8) < 1 for v in values) and any(abs(v - 412.11e8) < 1 for v in values)


def test_contributions_to_a_rate_are_no_change_of_it():
    text = ("The Consumer Prices Index (CPI) rose by 4.8% in the 12 months to May 2023, up from 4.1% in April.\n\n"
            "The largest upward contributions to the annual CPI rate in May 2023 came from food (0.92 percentage "
            "points, principally from bread) and energy (0.91 percentage points, principally from fuels).")
    found = check_text(text, language="en").findings
    # each is a contribution (a pull), not a change in the rate: never checked against 4.1% and 4.8%
    assert not [f for f in found if f.kind == "points"]


def test_a_stray_space_after_a_decimal_point_keeps_the_figure_whole():
    text = "全市道路交通事故万车死亡率为3.6，同比减少0. 4；上年为4.0。"
    assert "discrepancy" not in _verdicts(text)
    values = sorted(q.value for q in check_text(text).quantities)
    assert 0.4 in values
