"""Chinese quantity extraction: bugs found on real articles, as tests in our own words."""

from factcheck.extract import extract
from factcheck.read import make_document


def _quantities(text):
    return extract(make_document(text, language="zh"))


def _texts(text):
    return [q.text for q in _quantities(text)]


def test_index_names_are_not_quantities():
    qs = _texts("同期沪深300指数下跌12.5%，上证50指数下跌8.1%。")
    assert "300" not in qs and "50" not in qs
    assert "12.5%" in qs and "8.1%" in qs


def test_fund_codes_with_letters_are_not_quantities():
    assert "100" not in _texts("深证100ETF今年以来上涨了15.2%。")


def test_footnote_marks_are_not_quantities():
    qs = _texts("全年地区生产总值[3]5000亿元，增长5.0%。")
    assert "3" not in qs
    assert "5000亿元" in qs


def test_month_range_start_is_a_date():
    qs = _quantities("1-7月，全省对欧盟出口0.8亿美元。")
    first = [q for q in qs if q.text == "1"]
    assert first and first[0].type == "date"
    amounts = [q for q in qs if q.type == "amount"]
    assert [q.text for q in amounts] == ["0.8亿美元"]


def test_scale_of_wan_yi_is_applied():
    (q,) = [q for q in _quantities("房地产用地出让价款2.5万亿元。") if q.type == "amount"]
    assert q.value == 2.5e12


def test_bare_figure_paired_with_points_takes_their_unit():
    from factcheck.api import check_text

    qs = check_text("两项增速分别提高1.5和12个百分点。", language="zh").quantities
    first = [q for q in qs if q.text == "1.5"][0]
    assert first.type == "points" and first.unit == "个百分点"
    qs = check_text("三县的增速分别为3.5、4.2和5.1%。", language="zh").quantities
    assert [q.unit for q in qs if q.text in ("3.5", "4.2")] == ["%", "%"]
    qs = check_text("第1和2个项目已完工。", language="zh").quantities
    assert all(q.type != "percent" for q in qs)
