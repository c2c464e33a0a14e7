"""The Chinese facts stage on sentences of our own: what each figure measures, the part it plays, its period, and
which level a change, rate or share belongs to."""

from factcheck.extract import extract
from factcheck.facts import read_facts
from factcheck.read import make_document


def _facts(text):
    doc = make_document(text, path="<test>", language="zh")
    fs = read_facts(doc, extract(doc))
    return {f.q.text: f for f in fs.facts}, fs


def test_level_change_and_rate_share_the_level_measure():
    fs, _ = _facts("全年粮食总产量6865万吨，比上年增加368万吨，增长5.7%。")
    assert fs["6865万吨"].role == "level" and fs["6865万吨"].measure == "粮食总产量"
    assert fs["368万吨"].role == "change" and fs["368万吨"].sign == 1
    assert fs["5.7%"].role == "rate" and fs["5.7%"].measure == "粮食总产量"
    assert fs["368万吨"].subject == fs["5.7%"].subject == fs["6865万吨"].index


def test_added_value_is_a_measure_not_a_change():
    fs, _ = _facts("第一产业增加值88345亿元，增长4.1%。")
    assert fs["88345亿元"].role == "level" and fs["88345亿元"].measure == "第一产业增加值"


def test_new_jobs_are_a_level_of_a_flow():
    fs, _ = _facts("全年城镇新增就业120万人，完成目标的109.1%。")
    assert fs["120万人"].role == "level"


def test_from_to_makes_the_first_a_prior_of_the_second():
    fs, _ = _facts("贫困人口从2016年底的256万人减少到2018年底的111万人。")
    prior, level = fs["256万人"], fs["111万人"]
    assert prior.role == "prior" and level.role == "level" and prior.subject == level.index
    assert prior.period.year == 2016 and level.period.year == 2018 and level.sign == -1


def test_a_prior_stated_after_the_rate():
    fs, _ = _facts("扣非净利润3.0亿元，同比增长25.0%，上年同期为2.4亿元。")
    assert fs["2.4亿元"].role == "prior" and fs["2.4亿元"].subject == fs["3.0亿元"].index


def test_compared_with_a_value_is_a_prior():
    fs, _ = _facts("旅游总收入98.6亿元，比2013年的21.4亿元增长3.6倍。")
    assert fs["21.4亿元"].role == "prior" and fs["3.6倍"].role == "rate"


def test_share_names_its_base():
    fs, _ = _facts("机电产品出口20亿元，占全市出口额的40%。")
    assert fs["40%"].role == "share" and fs["40%"].base == "全市出口额"
    assert fs["40%"].subject == fs["20亿元"].index


def test_points_name_their_comparison():
    fs, _ = _facts("全市城镇化率为63.0%，比全省平均水平高2.5个百分点。")
    d = fs["2.5个百分点"]
    assert d.role == "points" and d.sign == 1 and d.compare == "全省平均水平"


def test_share_figure_inside_the_phrase_is_its_base():
    fs, _ = _facts("六大产业实现产值1280亿元，占全区工业总产值1770.4亿元的72.3%。")
    assert fs["1770.4亿元"].role == "base" and fs["72.3%"].subject == fs["1280亿元"].index


def test_rank_and_count_nouns():
    fs, _ = _facts("该市排名第三。全市70只基金中，债券型基金有46只。")
    assert fs["三"].role == "rank" if "三" in fs else True
    assert fs["70只"].noun.endswith("基金")


def test_period_carried_from_an_earlier_sentence():
    fs, _ = _facts("2023年，全县粮食产量52.6万吨。其中，夏粮18.3万吨，秋粮34.3万吨。")
    assert fs["18.3万吨"].period.year == 2023


def test_relative_years_count_from_the_year_the_text_names():
    fs, _ = _facts("2023年全县生产总值682.5亿元，上年为641.3亿元。")
    assert fs["641.3亿元"].role == "prior" and fs["641.3亿元"].period.year == 2022


def test_respectively_maps_figures_to_levels_in_order():
    fs, _ = _facts("全市财政总收入360亿元，其中地方财政收入190.9亿元，分别比去年增长20.2亿元和10.8亿元。")
    assert fs["20.2亿元"].subject == fs["360亿元"].index
    assert fs["10.8亿元"].subject == fs["190.9亿元"].index and fs["10.8亿元"].role == "change"


def test_counted_list_in_apposition():
    _, facts = _facts("重点发展牛、羊、菜、果“四大产业”。")
    (claim,) = facts.counts
    assert claim.n == 4 and claim.readings[0][0] == 4


def test_no_count_for_ranks_names_or_article_numbers():
    for text in ("该校排名前五位。", "玩家可在《热血三国》中选择魏、蜀、吴。", "依据第十八条规定。", "推出了几十种产品。"):
        _, facts = _facts(text)
        assert facts.counts == [], text
