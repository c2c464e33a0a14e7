"""Chinese phrasing families on sentences of our own: growth from a prior level stated beside it, completion
rates against a named plan, ratio notation for structures, exhaustive two-way partitions in 其中 lists."""

from factcheck.api import check_text


# A family of relations, whichever rule (frame or pattern) finds it: the public kind, or the rule id's prefix.
FAMILIES = {"zh.sum": {"sum"}, "zh.share": {"share"}, "zh.growth.prior-stated-diff": {"difference"},
            "zh.difference": {"difference"},
            "zh.growth": {"growth", "cagr"}}


def _verdicts(text, rule_prefix=""):
    kinds = next((k for p, k in FAMILIES.items() if rule_prefix.startswith(p)), set())
    return [f.verdict for f in check_text(text, language="zh").findings
            if f.rule.startswith(rule_prefix) or f.kind in kinds]


# growth from a prior level stated in the same clause or the one before ---------------------------------------

def test_prior_level_in_clause():
    assert _verdicts("全年营业收入58.6亿元，较上年同期的49.2亿元增长19.1%。", "zh.growth") == ["consistent"]
    assert _verdicts("全年营业收入58.6亿元，较上年同期的49.2亿元增长21.9%。", "zh.growth") == ["discrepancy"]
    assert _verdicts("全年货运量8.1万吨，比上年的9.0万吨下降10.0%。", "zh.growth") == ["consistent"]


def test_prior_level_difference():
    text = "全年营业收入58.6亿元，较上年同期的49.2亿元增长19.1%，增加9.4亿元。"
    assert "discrepancy" not in _verdicts(text)
    assert _verdicts(text, "zh.growth.prior-stated-diff") == ["consistent"]
    text = "全年营业收入58.6亿元，较上年同期的49.2亿元增长19.1%，增加4.9亿元。"
    assert _verdicts(text, "zh.growth.prior-stated-diff") == ["discrepancy"]


def test_prior_level_clause_before():
    assert _verdicts("本期净利润3.3亿元，上年同期为2.75亿元，同比增长20.0%。", "zh.growth") == ["consistent"]
    assert _verdicts("本期净利润3.3亿元，上年同期为2.75亿元，同比增长12.0%。", "zh.growth") == ["discrepancy"]


def test_compared_with_prior_level():
    text = "全年外贸进出口总额66亿元，与上年的55亿元相比，增长20%。"
    assert _verdicts(text, "zh.growth") == ["consistent"]


def test_comparable_price_growth_is_never_a_discrepancy():
    text = "全年工业增加值126亿元，按可比价格计算，比上年的120亿元增长8.0%。"
    assert "discrepancy" not in _verdicts(text)
    text = "全年工业增加值126亿元，较上年的120亿元增长8.0%(扣除价格因素)。"
    assert "discrepancy" not in _verdicts(text)


def test_prior_level_of_another_measure_is_ignored():
    assert _verdicts("全年接待游客320万人次，较上年同期的80亿元增长5.0%。", "zh.growth") == []


# completion rates and shares with the base named right there -------------------------------------------------

def test_completion_of_named_plan():
    assert _verdicts("全年筹集保障房5376套，完成年度计划4800套的112%。", "zh.share") == ["consistent"]
    assert _verdicts("全年筹集保障房5376套，完成年度计划4800套的102%。", "zh.share") == ["discrepancy"]
    assert _verdicts("全年税收收入268.3亿元，为年初预算260亿元的103.2%。", "zh.share") == ["consistent"]
    assert _verdicts("城镇新增就业6.82万人，完成年度目标6万人的113.7%。", "zh.share") == ["consistent"]


def test_share_of_whole_before_qizhong():
    text = "今年以来共有240只基金参与排名，其中156只收益为正，正收益占比为65.0%。"
    assert _verdicts(text, "zh.share") == ["consistent"]
    text = "今年以来共有240只基金参与排名，其中156只收益为正，正收益占比为56.0%。"
    assert _verdicts(text, "zh.share") == ["discrepancy"]


# ratio notation ------------------------------------------------------------------------------------------------

def test_structure_ratio_sums_to_100():
    assert _verdicts("全县三次产业结构为12.4∶35.2∶52.4。", "zh.sum.ratio") == ["consistent"]
    assert _verdicts("全县三次产业结构为12.4:35.2:52.4。", "zh.sum.ratio") == ["consistent"]
    assert _verdicts("全县三次产业结构为12.4∶35.2∶56.4。", "zh.sum.ratio") == ["discrepancy"]


def test_two_term_ratio_is_never_a_sum():
    assert _verdicts("财政资金撬动比达1∶7.1，带动社会投资8.5亿元。") == []
    assert _verdicts("按1:1:1的比例配套资金。") == []


def test_ratio_of_decimals_is_not_a_time():
    from factcheck.read.document import normalise  # noqa: F401 - the extractor reads normalised text
    text = "产业结构由9.1:39.8:51.1调整为8.6:40.1:51.3。"
    assert _verdicts(text, "zh.sum.ratio") == ["consistent", "consistent"]


# two-way partitions ------------------------------------------------------------------------------------------

def test_two_way_partition_must_add_up():
    assert _verdicts("全年转移就业5.2万人，其中跨省3.1万人、省内2.1万人。", "zh.sum") == ["consistent"]
    assert _verdicts("全年转移就业5.2万人，其中跨省3.1万人、省内1.5万人。", "zh.sum") == ["discrepancy"]
    assert _verdicts("全县常住人口52.0万人，其中男26.4万人、女25.6万人。", "zh.sum") == ["consistent"]


def test_other_lists_stay_parts_at_most_total():
    # not said to be complete: parts short of the total are a partial list (what is left is shown), not an error
    assert _verdicts("全年转移就业5.2万人，其中务工3.1万人、创业1.5万人。", "zh.sum") == ["partial"]
    assert _verdicts("全年转移就业5.2万人，其中务工3.1万人、创业2.1万人。", "zh.sum") == ["consistent"]
    assert _verdicts("全年转移就业5.2万人，其中务工3.1万人、创业2.6万人。", "zh.sum") == ["discrepancy"]


def test_word_inside_its_partner_does_not_complete_a_list():
    text = "全市监测断面120个，其中未达标8个，轻度污染断面10个。"
    assert "discrepancy" not in _verdicts(text, "zh.sum")


def test_prior_level_after_the_rate_and_other_periods():
    assert _verdicts("扣非净利润3.0亿元，同比增长25.0%，上年同期为2.4亿元。", "zh.growth") == ["consistent"]
    assert _verdicts("扣非净利润3.0亿元，同比增长15.0%，上年同期为2.4亿元。", "zh.growth") == ["discrepancy"]
    text = "年末存款余额2035亿元，较年初的1850亿元增加185亿元，增幅为10.0%。"
    assert _verdicts(text, "zh.growth") == ["consistent"] and _verdicts(text, "zh.difference") == ["consistent"]
    # a level with its change and rate: the rate is the change over the level before it (0.6 / 4.0 = 15%)
    assert _verdicts("营业收入4.6亿元，比上年增加0.6亿元，增长15.0%。", "zh.growth") == ["consistent"]
    assert _verdicts("营业收入4.6亿元，比上年增加0.6亿元，增长25.0%。", "zh.growth") == ["discrepancy"]


def test_rose_to_with_comparable_prices_is_excused():
    text = "规上工业增加值由上年同期的1000亿元增至1050亿元，按可比价格计算，同比增长8.0%。"
    assert _verdicts(text, "zh.growth") == ["unverifiable"]


def test_count_before_latin_name_is_a_count():
    text = "纳入统计的200只QDII基金中，其中150只收益为正，正收益占比为75.0%。"
    assert _verdicts(text, "zh.share") == ["consistent"]


def test_share_of_long_named_whole_with_zhong():
    text = "纳入统计的400只混合型基金(按主代码计)中，有300只取得正收益，占比75.0%。"
    assert _verdicts(text, "zh.share") == ["consistent"]
