"""The founding example, read at run time from ../shared (never copied): the four checks the brief names."""

from factcheck.api import check_file


def _by_stated(report, text):
    out = [f for f in report.findings if any(q.text == text and q.role == "stated" for q in f.quantities)]
    assert out, f"no finding states {text}"
    return out[0]


def test_seed_verdicts(seed_article):
    r = check_file(seed_article)
    funds = _by_stated(r, "54.33亿元")
    assert (funds.kind, funds.verdict, funds.severity) == ("sum", "rounding", "info")
    assert "54.34" in funds.arithmetic
    reduction = _by_stated(r, "145万人")
    assert (reduction.kind, reduction.verdict) == ("difference", "consistent")
    share = _by_stated(r, "77%")
    assert (share.kind, share.verdict, share.severity) == ("share", "discrepancy", "error")
    assert share.correction == "67%"
    cagr = _by_stated(r, "10.2%")
    assert (cagr.kind, cagr.verdict, cagr.severity) == ("cagr", "discrepancy", "warning")
    assert cagr.correction == "10.3%"


def test_seed_furniture_is_never_checked(seed_article):
    r = check_file(seed_article)
    furniture_start = r.text.index("精彩推荐")
    assert all(f.start < furniture_start for f in r.findings)
    assert r.coverage.furniture_numbers > 0
