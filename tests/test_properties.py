"""Properties that must hold for every input, checked on generated ones (hypothesis)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.api import check_text
from factcheck.extract import extract
from factcheck.read import make_document

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news: Chinese words, figures, units, punctuation and line breaks, mixed with anything.
_PIECES = st.sampled_from(["全年", "其中", "占", "增长", "下降", "比上年", "合计", "共", "亿元", "万元", "人", "%", "个百分点",
                           "倍", "约", "超过", "余", "，", "。", "、", "\n", "\r\n", "五十四亿三千三百万", "百分之十二点五",
                           "54.33", "1,234", "０１２", "２０１９年", "3至5个", "800——1000人", "-", ".", "…"])
NEWSY = st.lists(st.one_of(_PIECES, st.integers(0, 10**12).map(str), st.text(max_size=4)), max_size=40).map("".join)


@FAST
@given(st.text(max_size=300))
def test_extraction_never_crashes_on_any_unicode(text):
    doc = make_document(text)
    for q in extract(doc):
        assert doc.text[q.start:q.end] == q.text
        assert 0 <= q.start < q.end <= len(doc.text)


@FAST
@given(NEWSY)
def test_every_quantity_span_slices_back_to_its_text(text):
    doc = make_document(text)
    quantities = extract(doc)
    for q in quantities:
        assert doc.text[q.start:q.end] == q.text
        assert q.lo <= q.value <= q.hi or q.lo != q.lo  # the stated value lies in its own interval
    starts = [q.start for q in quantities]
    assert starts == sorted(starts)


@FAST
@given(NEWSY)
def test_checking_never_crashes_and_findings_point_into_the_text(text):
    report = check_text(text)
    for f in report.findings:
        assert f.verdict in ("consistent", "rounding", "discrepancy", "unverifiable")
        for r in f.quantities:
            assert text[r.start:r.end] == r.text


# One amount, three spellings -------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    """0 < n < 10000 in Chinese numerals, with 零 for skipped places (三千零五)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += _DIGITS[d] + unit
            zero = False
        else:
            zero = True
    return out


def to_chinese(n: int) -> str:
    """Our own spelling of a positive integer below 10**16, for the test (五十四亿三千三百万)."""
    assert 0 < n < 10**12
    groups = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, gap = "", False
    for g, unit in groups:
        if g:
            if out and (gap or g < 1000):
                out += "零"
            out += _section(g) + unit
            gap = False
        elif out:
            gap = True
    return out[1:] if out.startswith("一十") else out  # 十二, 十万: how papers write it


@FAST
@given(st.integers(1, 9999), st.integers(0, 4))
def test_an_amount_in_yi_arabic_and_chinese_numerals_has_one_value(mantissa, zeros):
    """54.33亿 = 5433000000 = 五十四亿三千三百万, and their intervals share that value."""
    n = mantissa * 10**zeros * 10**4  # a whole number of 万, so it can be written in 亿 with 4 decimals at most
    yi = Decimal(n) / Decimal(10**8)
    forms = [f"{yi.normalize():f}亿元", f"{n}元", f"{to_chinese(n)}元"]
    found = []
    for form in forms:
        text = f"全年营业收入{form}。"
        qs = [q for q in extract(make_document(text)) if q.type == "amount"]
        assert len(qs) == 1, (form, qs)
        found.append(qs[0])
    for q in found:
        assert abs(q.value - n) <= 1e-6 * n, (q.text, q.value, n)
        assert q.lo <= n <= q.hi, (q.text, q.lo, q.hi)
    for a in found:
        for b in found:
            assert a.lo <= b.hi and b.lo <= a.hi


# Consistent relations, rounded as a newspaper would, are never called discrepancies ----------------------


def rounded(x: Decimal, places: int) -> str:
    q = Decimal(1).scaleb(-places)
    return f"{x.quantize(q, rounding=ROUND_HALF_UP):f}"


def verdicts(text: str, kind: str) -> list[str]:
    return [f.verdict for f in check_text(text).findings if f.kind == kind]


PART = st.integers(1, 99_999).map(lambda v: Decimal(v) / 100)  # 0.01 .. 999.99 (亿元)


@FEWER
@given(st.lists(PART, min_size=2, max_size=5), st.integers(0, 2), st.integers(0, 2))
def test_a_rounded_consistent_sum_is_never_a_discrepancy(parts, part_places, total_places):
    total = sum(parts)
    names = "甲乙丙丁戊"
    listing = "、".join(f"{names[i]}市{rounded(p, part_places)}亿元" for i, p in enumerate(parts))
    text = f"全年投入资金{rounded(total, total_places)}亿元，其中{listing}。"
    assert set(verdicts(text, "sum")) <= {"consistent", "rounding", "unverifiable"}


@FEWER
@given(st.integers(20, 5000), st.floats(0.01, 1.0), st.integers(0, 2))
def test_a_rounded_consistent_share_is_never_a_discrepancy(base, fraction, places):
    part = max(1, int(base * fraction))
    share = Decimal(part) * 100 / Decimal(base)
    text = f"车间吸纳{base}人就业，其中贫困户{part}人、占{rounded(share, places)}%。"
    assert set(verdicts(text, "share")) <= {"consistent", "rounding", "unverifiable"}


@FEWER
@given(st.integers(100, 99_999), st.integers(100, 99_999), st.integers(0, 2))
def test_a_rounded_consistent_growth_rate_is_never_a_discrepancy(before, after, places):
    rate = (Decimal(after) / Decimal(before) - 1) * 100
    word = "增长" if rate >= 0 else "下降"
    text = (f"2022年，全市投入治理资金{before}万元。2023年，全市投入治理资金{after}万元，"
            f"比上年{word}{rounded(abs(rate), places)}%。")
    assert set(verdicts(text, "growth")) <= {"consistent", "rounding", "unverifiable"}


DIFFERENCE = "全市粮食产量由去年的{a}万吨增加到今年的{b}万吨，增加了{d}万吨。"


@FEWER
@given(st.integers(1, 99_999), st.integers(1, 99_999), st.integers(0, 2))
def test_a_rounded_consistent_difference_is_never_a_discrepancy(a_cents, d_cents, places):
    a = Decimal(a_cents) / 100
    b = a + Decimal(d_cents) / 100
    text = DIFFERENCE.format(a=rounded(a, places), b=rounded(b, places), d=rounded(b - a, places))
    assert set(verdicts(text, "difference")) <= {"consistent", "rounding", "unverifiable"}


def test_the_templates_above_are_recognised_and_can_fail():
    """The relation properties would pass vacuously if no rule read their sentences: make sure rules do, and
    that a wrong figure in the same sentence is caught."""
    cases = {
        "sum": ("全年投入资金10亿元，其中甲市6亿元、乙市4亿元。", "全年投入资金10亿元，其中甲市6亿元、乙市7亿元。"),
        "share": ("车间吸纳200人就业，其中贫困户50人、占25%。", "车间吸纳200人就业，其中贫困户50人、占35%。"),
        "growth": ("2022年，全市投入治理资金80万元。2023年，全市投入治理资金100万元，比上年增长25%。",
                   "2022年，全市投入治理资金80万元。2023年，全市投入治理资金100万元，比上年增长35%。"),
        "difference": (DIFFERENCE.format(a="120", b="205", d="85"), DIFFERENCE.format(a="120", b="205", d="95")),
    }
    for kind, (good, bad) in cases.items():
        assert verdicts(good, kind) and set(verdicts(good, kind)) <= {"consistent", "rounding"}, (kind, good)
        assert "discrepancy" in verdicts(bad, kind), (kind, bad)
