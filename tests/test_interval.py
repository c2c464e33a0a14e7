import math

from factcheck.engine.interval import Interval, fmt, isum


def test_rounded_interval_of_two_decimals():
    iv = Interval.rounded(54.33, 2)
    assert math.isclose(iv.lo, 54.325) and math.isclose(iv.hi, 54.335)


def test_sum_of_rounded_parts_meets_total_within_rounding():
    parts = [Interval.rounded(v, 2) for v in (26.82, 6.73, 12.38, 8.41)]
    total = isum(parts)
    assert math.isclose(total.lo, 54.32) and math.isclose(total.hi, 54.36)
    assert total.meets(Interval.rounded(54.33, 2))
    assert not total.meets(Interval.rounded(54.5, 2))


def test_division_and_power():
    share = Interval.rounded(97, 0) / Interval.rounded(145, 0) * 100
    assert 66.3 < share.lo < share.hi < 67.5
    growth = (Interval.point(7687) / Interval.point(6323)) ** 0.5
    assert 1.1025 < growth.lo <= growth.hi < 1.1027


def test_division_by_interval_containing_zero_is_unbounded():
    iv = Interval(1, 2) / Interval(-1, 1)
    assert math.isinf(iv.lo) and math.isinf(iv.hi)


def test_fmt_drops_float_noise():
    assert fmt(498000000.00000006) == "498000000"
    assert fmt(0.1 + 0.2) == "0.3"
