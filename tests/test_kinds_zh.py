"""Chinese relation kinds on sentences of our own: each test names the behaviour and fails when it breaks.
Several come from false alarms or misses met on real articles."""

from factcheck.api import check_text


# A family of relations, whichever rule (frame or pattern) finds it: the public kind, or the rule id's prefix.
FAMILIES = {"zh.enumeration": {"enumeration_count"}, "zh.sum": {"sum"}, "zh.share": {"share"},
            "zh.growth": {"growth", "cagr"}, "zh.table": set(), "zh.whole": {"sum"}, "zh.same-fact": set()}


def _findings(text, rule_prefix=""):
    kinds = next((k for p, k in FAMILIES.items() if rule_prefix.startswith(p)), set())
    return [f for f in check_text(text, language="zh").findings
            if f.rule.startswith(rule_prefix) or f.kind in kinds]


def _verdicts(text, rule_prefix=""):
    return [f.verdict for f in _findings(text, rule_prefix)]


# enumeration counts ------------------------------------------------------------------------------------------

def test_tail_of_a_decimal_is_not_a_count():
    text = "消费拉动增长1.0个百分点，投资和净出口拉动增长0.5个百分点。"
    assert _verdicts(text, "zh.enumeration") == []


def test_count_that_is_itself_a_list_item_is_not_checked():
    text = "建成省、市、县三级网络和2个数据中心。"
    assert "discrepancy" not in _verdicts(text, "zh.enumeration")


def test_bare_conjunction_cannot_contradict_a_count():
    assert _verdicts("与北京市及周边五省开展合作。", "zh.enumeration") == []


def test_closed_two_item_list_checks_its_count():
    assert _verdicts("甲基金和乙基金这2只基金净值上涨。", "zh.enumeration") == ["consistent"]
    assert _verdicts("甲基金和乙基金这3只基金净值上涨。", "zh.enumeration") == ["discrepancy"]


def test_numbered_points_run_over_sentences():
    text = "原因主要有三个方面：一是成本下降。二是需求回升。三是政策支持。"
    assert _verdicts(text, "zh.enumeration") == ["consistent"]
    text = "原因主要有两个方面：一是成本下降。二是需求回升。三是政策支持。"
    assert _verdicts(text, "zh.enumeration") == ["discrepancy"]


def test_semicolon_items_after_fenbieshi():
    text = "支出分为3个方面，分别是：用于场馆的支出5亿元；用于交通、通讯的支出3亿元；用于宣传的支出1亿元。"
    assert _verdicts(text, "zh.enumeration") == ["consistent"]


# sums ----------------------------------------------------------------------------------------------------------

def test_distributive_gongji_is_not_a_total():
    text = "一等奖共计有5名，二等奖共计有12名，三等奖共计有30名。"
    assert _verdicts(text, "zh.sum") == []


def test_list_item_is_not_the_total_of_the_next_fenbie_list():
    text = "两家公司上月分别买入50万股和20万股，本月又分别买入10万股和5万股。"
    assert "discrepancy" not in _verdicts(text, "zh.sum")


def test_counted_total_adds_the_figures_just_before_it():
    base = "甲基金持有12万股，乙基金持有8万股，丙基金和丁基金分别持有5万股和3万股，4只基金合计持有{}万股。"
    assert _verdicts(base.format(28), "zh.sum.gongji") == ["consistent"]
    assert _verdicts(base.format(35), "zh.sum.gongji") == ["discrepancy"]


def test_qizhong_list_stops_at_siblings_after_a_semicolon():
    text = ("服务支出50.0亿元，其中，转播费用20.0亿元，住宿餐饮等支出30.0亿元；宣传支出12.0亿元；"
            "人力支出14.0亿元。")
    fs = _findings(text, "zh.sum.qizhong")
    assert [f.verdict for f in fs] == ["consistent"]
    assert {q.text for q in fs[0].quantities} == {"50.0亿元", "20.0亿元", "30.0亿元"}


def test_table_rows_add_up_to_the_total_row():
    table = "指标 | 本月 | 增长% |\n合计 | {} | 5.1 |\n甲类 | 100 | 2.0 |\n乙类 | 200 | 4.5 |\n丙类 | 300 | 7.0 |\n"
    assert _verdicts(table.format(600), "zh.table") == ["consistent"]
    assert _verdicts(table.format(650), "zh.table") == ["discrepancy"]


# shares ------------------------------------------------------------------------------------------------------

def test_share_of_a_whole_named_after_zhan():
    text = "全年外贸出口总额80.0亿元。其中机电产品出口32.0亿元，增长6%，占出口总额的{}%。"
    assert _verdicts(text.format(40), "zh.share") == ["consistent"]
    assert _verdicts(text.format(48), "zh.share") == ["discrepancy"]


def test_share_among_a_container():
    text = "在30个调查项目中，有12个项目实现盈利，盈利项目的比例为{}%。"
    assert _verdicts(text.format(40), "zh.share") == ["consistent"]
    assert _verdicts(text.format(45), "zh.share") == ["discrepancy"]


def test_breakdown_with_remainder_class_sums_to_100_and_changes_net_to_zero():
    ok = "优良水质比例为60.0%，比上年上升2.0个百分点；轻度污染占30.0%，与上年持平；劣五类占10.0%，下降2.0个百分点。"
    bad = "优良水质比例为60.0%，比上年上升2.0个百分点；轻度污染占30.0%，与上年持平；劣五类占10.0%，下降1.5个百分点。"
    assert _verdicts(ok, "zh.whole") == ["consistent", "consistent"]
    assert sorted(_verdicts(bad, "zh.whole")) == ["consistent", "discrepancy"]


# points and contributions ----------------------------------------------------------------------------------

def test_two_comparisons_with_one_average_must_agree():
    text = "甲行业增长10.0%，增幅高于全市平均水平3.0个百分点；乙行业增长12.0%，高出全市平均水平{}个百分点。"
    assert _verdicts(text.format("5.0"), "zh.points.same-reference") == ["consistent"]
    assert _verdicts(text.format("7.0"), "zh.points.same-reference") == ["discrepancy"]


def test_contribution_pull_uses_the_whole_growth():
    text = "规上工业增加值增长5.0%。新兴产业对规上工业的贡献率为40.0%，拉动规上工业增长{}个百分点。"
    assert _verdicts(text.format("2.0"), "zh.contribution") == ["consistent"]
    assert _verdicts(text.format("3.0"), "zh.contribution") == ["discrepancy"]


# growth and same facts -----------------------------------------------------------------------------------------

def test_headline_and_body_are_not_two_years():
    text = "前7月全省出口3.2亿美元\n今年前7个月，全省出口3.2亿美元，同比增长11%。"
    assert _verdicts(text, "zh.growth") == []


def test_same_words_in_two_years_are_not_one_fact():
    text = "2022年，全区投入帮扶资金9.6亿元。2023年，全区投入帮扶资金11.5亿元，实施项目300个。"
    assert "discrepancy" not in _verdicts(text, "zh.same-fact")


def test_realised_part_of_a_projected_total_is_not_a_restatement():
    text = "其他收入20.0亿元，其中财产处置收入2.4亿元。截至3月底，已实现处置收入1.46亿元。"
    assert "discrepancy" not in _verdicts(text)


def test_restated_figure_agrees():
    text = "今年全省粮食总产量达到653.5万吨。专家指出，全省粮食总产量达到653.5万吨，再创新高。"
    assert _verdicts(text, "zh.same-fact") == ["consistent"]


# readings of nested shares, sub-populations, continued lists (false alarms met on unkeyed articles) ------------

def test_nested_share_may_be_of_the_grand_total():
    text = "全县居民中，老年人为3000人，占25.0%，其中八十岁以上的为600人，占5.0%。"
    fs = _findings(text, "zh.share")
    assert [f.verdict for f in fs] == ["consistent"]
    assert "grand total" in fs[0].note


def test_nested_share_of_its_group_still_holds():
    text = "全县居民中，老年人为3000人，占25.0%，其中八十岁以上的为600人，占20.0%。"
    assert _verdicts(text, "zh.share") == ["consistent"]


def test_nested_share_fails_only_when_every_reading_fails():
    text = "全县居民中，老年人为3000人，占25.0%，其中八十岁以上的为600人，占9.0%。"
    fs = _findings(text, "zh.share")
    assert [f.verdict for f in fs] == ["discrepancy"]
    assert "readings tried" in fs[0].note and fs[0].correction == ""


def test_qizhong_subgroup_is_not_a_class_of_the_partition():
    text = ("全县居民中，少年为1500人，占12.5%；成年人为7500人，占62.5%；六十岁以上的为3000人，占25.0%，"
            "其中八十岁以上的为600人，占5.0%。")
    fs = _findings(text, "zh.whole")
    assert [f.verdict for f in fs] == ["consistent"]
    assert "5.0%" not in [q.text for q in fs[0].quantities]


def test_classes_inside_a_subpopulation_make_up_its_share():
    text = "在24%家中有车的受访者里，一辆车的占15.5%，两辆车的占6.0%，三辆及以上的占2.5%。"
    assert _verdicts(text, "zh.whole") == ["consistent"]
    text = "在24%家中有车的受访者里，一辆车的占15.5%，两辆车的占6.0%，三辆及以上的占4.5%。"
    assert _verdicts(text, "zh.whole") == ["discrepancy"]


def test_threshold_amounts_are_not_parts_of_a_share():
    text = "七成受访者月薪在8000元以下，其中月薪在4000元以下的占比为40.2%。"
    assert _verdicts(text, "zh.share") == []


def test_list_continues_after_yiji():
    text = "参与试点的学校增至6所，分别为东一中、西二中、南三中、北四中，以及今年新加入的实验中学和外国语学校。"
    assert _verdicts(text, "zh.enumeration") == ["consistent"]
    text = "参与试点的学校增至5所，分别为东一中、西二中、南三中、北四中，以及今年新加入的实验中学和外国语学校。"
    assert _verdicts(text, "zh.enumeration") == ["discrepancy"]


# traps: the text says why figures need not agree -------------------------------------------------------------

def test_real_growth_in_comparable_prices_is_not_a_discrepancy():
    text = "2022年全县生产总值为200亿元。2023年全县生产总值为230亿元，按可比价格计算，比上年增长5.5%。"
    assert "discrepancy" not in _verdicts(text)
    assert "unverifiable" in _verdicts(text, "zh.growth")


def test_total_including_a_category_the_parts_omit_is_unverifiable():
    text = "全省户籍人口为800万人（含驻军），其中城镇人口500万人，乡村人口290万人。"
    assert _verdicts(text, "zh.sum") == ["unverifiable"]
    text = "全省户籍人口为800万人，其中城镇人口500万人，乡村人口290万人。"
    assert _verdicts(text, "zh.sum") == ["discrepancy"]


def test_share_named_in_a_growth_sentence_is_not_of_an_earlier_count():
    text = "全区有企业400家，其中外资企业100家。工业产值增长6.0%，外资企业占比为40%。"
    assert "discrepancy" not in _verdicts(text, "zh.share")


def test_approximate_total_missed_narrowly_is_unverifiable():
    text = "全年共引进人才近500人，其中博士280人，硕士230人。"
    assert _verdicts(text, "zh.sum") == ["unverifiable"]
    text = "全年共引进人才近500人，其中博士280人，硕士330人。"
    assert _verdicts(text, "zh.sum") == ["discrepancy"]


def test_paired_point_changes_against_last_year_are_unverifiable_each():
    text = "甲县投资增长15.5%，其中民间投资增长20.3%，比去年同期分别提高1.5和12个百分点。"
    fs = _findings(text, "zh.points")
    assert [f.verdict for f in fs] == ["unverifiable", "unverifiable"]
    assert [[q.text for q in f.quantities if q.role == "stated"] for f in fs] == [["1.5"], ["12个百分点"]]


def test_rate_clauses_after_a_lead_in_confirm_a_count():
    text = "据统计，今年前三季度，全县税收增长9.1%，其中地方税收增长6.4%，两项增速均高于全省。"
    assert _verdicts(text, "zh.enumeration") == ["consistent"]


def test_rough_share_in_cheng_agrees_with_the_exact_figure_nearby():
    text = "近七成村庄通了公交。全镇40个村庄中27个村庄通了公交，通车率为67.5%。"
    fs = _findings(text, "zh.rough")
    assert [f.verdict for f in fs] == ["consistent"]
    assert {q.text for q in fs[0].quantities} == {"七成", "67.5%"}


def test_rough_share_never_flags_a_guessed_pairing():
    text = "近七成村庄通了公交。全镇40个村庄中30个村庄通了公交，通车率为75.0%。"
    assert _verdicts(text, "zh.rough") == []


def test_shangshu_count_refers_to_the_list_in_the_clause_before():
    text = "入选的学校有东城小学、西城小学和南城小学，上述3所学校将获得专项资金。"
    assert _verdicts(text, "zh.enumeration") == ["consistent"]
    text = "入选的学校有东城小学、西城小学、北城小学和南城小学，上述3所学校将获得专项资金。"
    assert _verdicts(text, "zh.enumeration") == ["discrepancy"]


# pulls adding up to growth, paired shares of named totals, part and remainder -----------------------------------

def test_pulls_of_every_demand_component_add_up_to_growth():
    lead = "上半年全省生产总值同比增长4.5%。"
    pulls = "最终消费支出拉动全省生产总值增长2.5个百分点，资本形成总额拉动全省生产总值增长{}个百分点，净出口拉动全省生产总值增长0.3个百分点。"
    assert _verdicts(lead + pulls.format("1.7"), "zh.sum.pulls") == ["consistent"]
    assert _verdicts(lead + pulls.format("2.7"), "zh.sum.pulls") == ["discrepancy"]


def test_pulls_of_part_of_a_breakdown_are_not_summed():
    text = "上半年全省生产总值同比增长4.5%。最终消费支出拉动全省生产总值增长2.5个百分点，资本形成总额拉动全省生产总值增长0.7个百分点。"
    assert _verdicts(text, "zh.sum.pulls") == []


def test_pulls_do_not_take_growth_per_head():
    text = "全省人均生产总值增长9.0%。最终消费支出拉动生产总值增长2.5个百分点，资本形成总额拉动生产总值增长1.7个百分点，净出口拉动生产总值增长0.3个百分点。"
    assert _verdicts(text, "zh.sum.pulls") == []


def test_paired_shares_convert_area_units():
    text = ("全县共有林场50个，林地总面积约3000平方公里。其中，国有林场12个，面积9万公顷，分别占全县林场总数和林地总面积的"
            "{}%和30.0%。")
    assert _verdicts(text.format("24.0"), "zh.share.paired") == ["consistent", "consistent"]
    assert _verdicts(text.format("34.0"), "zh.share.paired") == ["discrepancy", "consistent"]


def test_paired_shares_of_another_scope_are_not_checked():
    text = "全县共有林场50个。其中，国有林场12个，面积9万公顷，分别占全国林场总数和面积的0.2%和0.1%。"
    # the country's totals are named but not stated: the shares cannot be checked, never against the county's
    assert set(_verdicts(text, "zh.share.paired")) <= {"unverifiable"}


def test_remainder_with_bounds_holds():
    text = "展会准备了400多个展位，第一天订出250个左右。此后几天，余下100多个展位陆续订完。"
    assert _verdicts(text, "zh.sum.remainder") == ["consistent"]
    text = "展会准备了400个展位，第一天订出250个，剩余的100个展位陆续订完。"
    assert _verdicts(text.replace("订出", "售出"), "zh.sum.remainder") == ["discrepancy"]


def test_parts_after_a_change_split_the_level():
    text = "年末全区常住人口80.00万人，比上年末增加1.20万人。其中，城镇人口50.00万人，乡村人口30.00万人。"
    assert _verdicts(text, "zh.sum") == ["consistent"]


def test_a_change_after_two_levels_is_not_their_total():
    text = "今年全镇有学生3200人，与五年前的3500人相比，共减少300人。"
    assert "discrepancy" not in _verdicts(text, "zh.sum")


def test_share_of_the_rest_after_an_excluded_part():
    text = "调查共走访了200户，仅有30户未接入宽带，宽带入户的比例为{}%。"
    assert _verdicts(text.format("85.0"), "zh.share.complement") == ["consistent"]
    assert _verdicts(text.format("75.0"), "zh.share.complement") == ["discrepancy"]
    assert _verdicts(text.format("15.0"), "zh.share.complement") == ["consistent"]  # the excluded part's own share
