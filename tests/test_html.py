"""HTML report: built from hand-made FileReports (sentences written for these tests), rendered without a browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytest.importorskip("jinja2")

from factcheck.model import Coverage, FileReport, Finding, QuantityRef, Report  # noqa: E402
from factcheck.report import get_renderer  # noqa: E402
from factcheck.report.html import build_marks, page_names  # noqa: E402

SAMPLE = (
    "某市去年投入帮扶资金30亿元,其中甲县12亿元、乙县9亿元、丙县8亿元。\n"
    "甲县资金占全市的41%。\n"
    "全市常住人口由120万人增加到126万人,增长5%。\n"
    "人均收入由5000元增加到5630元,增长13%,比全省增速高1.4个百分点。\n"
)

HOSTILE = (
    "<script>window.__pwned=1;alert(1)</script>报告称总额为10亿元,其中甲为4亿元、乙为5亿元。\n"
    '"><img src=x onerror="window.__pwned=2;alert(2)">结尾。\n'
)
EVIL = '<script>window.__pwned=3</script>"><img src=x onerror="window.__pwned=4">'


def ref(text: str, needle: str, role: str = "", nth: int = 0) -> QuantityRef:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return QuantityRef(text=needle, start=start, end=start + len(needle), role=role)


def finding(text: str, kind: str, verdict: str, severity: str, refs: list[tuple[str, str]], **kw) -> Finding:
    qs = [ref(text, t, role) for t, role in refs]
    return Finding(
        rule=kw.pop("rule", f"zh.{kind}"), kind=kind, verdict=verdict, severity=severity,
        message=kw.pop("message", f"{kind} check"), quantities=qs,
        start=min(q.start for q in qs), end=max(q.end for q in qs), **kw,
    )


def sample_file(path: str = "articles/sample-zh.txt") -> FileReport:
    t = SAMPLE
    findings = [
        # Deliberately not in text order: the renderer must sort.
        finding(t, "growth", "rounding", "info", [("5000元", "start"), ("5630元", "end"), ("13%", "stated")],
                message="增长率 13% 是 12.6% 四舍五入的结果", arithmetic="(5630 − 5000) / 5000 = 12.6%",
                expected="12.6%", stated="13% [12.5%, 13.5%)", note="Rounded to whole percent."),
        finding(t, "sum", "discrepancy", "error", [("30亿元", "total"), ("12亿元", "part"), ("9亿元", "part"),
                                                   ("8亿元", "part")],
                message="分项之和 29亿元 与总数 30亿元 不符", arithmetic="12 + 9 + 8 = 29 亿元",
                expected="29亿元", stated="30亿元 [29.5, 30.5) 亿元", correction="30亿元 → 29亿元"),
        finding(t, "share", "discrepancy", "warning", [("12亿元", "part"), ("30亿元", "total"), ("41%", "stated")],
                message="占比应为 40%", arithmetic="12 / 30 = 40%", expected="40%", stated="41% [40.5%, 41.5%)",
                correction="41% → 40%"),
        finding(t, "growth", "consistent", "info", [("120万人", "start"), ("126万人", "end"), ("5%", "stated")],
                message="增长 5% 与 120万→126万 相符", arithmetic="(126 − 120) / 120 = 5%"),
        finding(t, "points", "unverifiable", "info", [("1.4个百分点", "stated")],
                message="全省增速未给出", note="The province-wide rate is not in the text."),
    ]
    return FileReport(path=path, language="zh", findings=findings, text=t,
                      coverage=Coverage(numbers_found=14, numbers_checked=12, numbers_unchecked=2))


def hostile_file() -> FileReport:
    t = HOSTILE
    f = finding(t, EVIL, "discrepancy", "error", [("10亿元", "total"), ("4亿元", "part"), ("5亿元", "part")],
                rule=EVIL, message=EVIL, arithmetic=EVIL, expected=EVIL, stated=EVIL, correction=EVIL, note=EVIL)
    return FileReport(path=f'evil/{EVIL}.txt', language="zh", findings=[f], text=t)


def english_file() -> FileReport:
    t = "Sales rose from 200 units to 230 units, up 15%.\n"
    f = finding(t, "growth", "consistent", "info", [("200 units", "start"), ("230 units", "end"), ("15%", "stated")],
                arithmetic="(230 − 200) / 200 = 15%")
    return FileReport(path="news/sales.txt", language="en", findings=[f], text=t)


def make_report(*files: FileReport) -> Report:
    return Report(version="9.9.9-test", generated="2024-05-01T08:00:00Z", files=list(files))


def render(*files: FileReport) -> str:
    return get_renderer("html").render(make_report(*files))


class Tags(HTMLParser):
    """Collects start tags with attributes, to assert on structure instead of string fragments."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str, name: str, **want: str) -> list[dict]:
    p = Tags()
    p.feed(html)
    return [a for t, a in p.tags if t == name and all(a.get(k) == v for k, v in want.items())]


def marks(html: str) -> list[tuple[str, str, str]]:
    """(cls, quantity text, screen-reader label) of every mark, in document order."""
    return re.findall(r'<button type="button" class="q v-(\w+)"[^>]*><span class="qt">(.*?)</span>'
                      r'<span class="badge" aria-hidden="true">.</span><span class="sr">(.*?)</span></button>', html)


def test_registered_as_html_format():
    r = get_renderer("html")
    assert r.name == "html" and r.extension == ".html"


def test_marks_each_verdict_with_a_text_label():
    html = render(sample_file())
    got = {text: (cls, label) for cls, text, label in marks(html)}
    assert got["30亿元"] == ("discrepancy", " (discrepancy)")
    assert got["12亿元"] == ("discrepancy", " (discrepancy)")  # in the sum (error) and the share (slip): worst wins
    assert got["41%"] == ("slip", " (slip)")
    assert got["13%"] == ("rounding", " (rounding)")
    assert got["126万人"] == ("consistent", " (consistent)")
    assert got["1.4个百分点"] == ("unverifiable", " (unverifiable)")
    # Every verdict also has a visible icon, and text outside marks is untouched.
    assert len(got) == 12
    assert "某市去年投入帮扶资金" in html


def test_shared_quantity_is_marked_once_with_all_findings():
    html = render(sample_file())
    buttons = [b for b in tags(html, "button") if "q" in (b.get("class") or "").split()]
    by_text = {}
    for b in buttons:
        by_text.setdefault(b["id"], b)
    twelve = [b for b in buttons if b["data-findings"].count("f") == 2]
    assert len(twelve) == 2  # 30亿元 and 12亿元 take part in the sum and the share
    assert len({b["id"] for b in buttons}) == len(buttons)


def test_text_is_reproduced_exactly_with_line_breaks():
    html = render(sample_file())
    body = re.search(r'<div class="text" [^>]*>(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r'<span class="badge".*?</span>|<span class="sr">.*?</span>|<[^>]+>', "", body)
    assert plain == SAMPLE


def test_findings_list_errors_first_with_text_order_kept_and_anchors():
    html = render(sample_file())
    items = [li for li in tags(html, "li") if "finding" in li["class"].split()]
    kinds = [(i["data-kind"], i["data-cls"]) for i in items]
    assert kinds == [("sum", "discrepancy"), ("share", "slip"), ("growth", "rounding"), ("points", "unverifiable"),
                     ("growth", "consistent")]
    assert [i["data-n"] for i in items] == ["1", "2", "4", "5", "3"]  # the text order, for the toggle
    ids = {b["id"] for b in tags(html, "button") if b.get("data-findings")}
    for li in items:
        for mark_id in li["data-marks"].split():
            assert mark_id in ids
    back = tags(html, "a", **{"data-finding": "f0"})
    assert back and back[0]["href"] == "#" + items[0]["data-marks"].split()[0]


def test_explanation_shows_arithmetic_and_correction_without_hovering():
    html = render(sample_file())
    assert "12 + 9 + 8 = 29 亿元" in html
    assert re.search(r"Likely correction</dt><dd>30亿元 → 29亿元</dd>", html)
    assert 'aria-live="polite"' in html
    assert "title=" not in html  # nothing hides behind a tooltip


def test_page_header_counts_coverage_and_lang():
    html = render(sample_file())
    assert html.startswith("<!DOCTYPE html>")
    assert tags(html, "html")[0]["lang"] == "zh-CN"
    assert "9.9.9-test" in html and "2024-05-01T08:00:00Z" in html
    assert re.search(r"✗</span> discrepancy <b>1</b>", html)
    assert re.search(r"error <b>1</b>", html) and re.search(r"info <b>3</b>", html)
    assert "<b>14</b> numbers found, <b>12</b> checked, <b>2</b> unchecked" in html
    for landmark in ("header", "main", "nav", "aside"):
        assert f"<{landmark}" in html
    assert tags(render(english_file()), "html")[0]["lang"] == "en"


def test_filters_cover_verdict_severity_and_kind():
    html = render(sample_file())
    boxes = [b for b in tags(html, "input", type="checkbox") if "data-facet" in b]
    facets = {(b["data-facet"], b["value"]) for b in boxes}
    assert tags(html, "input", type="checkbox", **{"class": "show-unchecked"})
    assert {("cls", "discrepancy"), ("cls", "slip"), ("cls", "consistent"), ("severity", "warning"),
            ("kind", "share"), ("kind", "points")} <= facets


def test_hostile_text_is_escaped():
    html = render(hostile_file())
    assert "<script>window" not in html and "<img" not in html
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html
    assert "onerror=&#34;window.__pwned=2" in html
    assert html.count("<script>") == 1  # only the report's own script
    # The kind lands in a data attribute and a filter value, still escaped.
    assert [li["data-kind"] for li in tags(html, "li") if li.get("data-kind")] == [EVIL]
    assert [b["value"] for b in tags(html, "input", **{"data-facet": "kind"})] == [EVIL]


def test_csp_blocks_network_and_foreign_scripts():
    html = render(sample_file())
    csp = tags(html, "meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    assert "default-src 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert "unsafe-inline" not in csp and "http" not in csp
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=", html)


def test_csp_hash_matches_inline_script():
    import base64
    import hashlib

    html = render(sample_file())
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = tags(html, "meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    assert f"script-src 'sha256-{digest}'" in csp


def test_without_text_only_findings_are_listed():
    f = sample_file()
    f.text = None
    html = render(f)
    assert not marks(html) and "The article text is not part of this report" in html
    assert len([li for li in tags(html, "li") if "finding" in li["class"]]) == 5


def test_render_pages_gives_one_page_per_article_and_an_index():
    files = [sample_file("a/report.txt"), sample_file("b/report.txt"), english_file(), sample_file("index.txt")]
    pages = get_renderer("html").render_pages(make_report(*files))
    assert sorted(pages) == ["index-2.html", "index.html", "report-2.html", "report.html", "sales.html"]
    index = pages["index.html"]
    links = [a["href"] for a in tags(index, "a")]
    assert links == ["index-2.html", "report.html", "report-2.html", "sales.html"]  # most errors first, then name
    assert '<a href="index.html">' in pages["report.html"]


def test_index_table_counts():
    index = get_renderer("html").render_pages(make_report(sample_file(), english_file()))["index.html"]
    rows = re.findall(r"<tr>(.*?)</tr>", index, re.S)[1:]
    cells = [re.findall(r'<td data-label="[^"]*" data-sort="([^"]*)"', r) for r in rows]
    assert cells[0][:6] == ["1", "1", "0", "1", "1", "1"]  # errors, warnings, partial, rounding, unverifiable, ok
    assert cells[1][:6] == ["0", "0", "0", "0", "0", "1"]
    footer = re.search(r"<tfoot>(.*?)</tfoot>", index, re.S).group(1)
    assert re.findall(r"<td[^>]*>([^<]*)</td>", footer)[:3] == ["1", "1", "0"]


def test_combined_page_for_several_files_has_unique_ids():
    html = render(sample_file(), english_file(), hostile_file())
    all_ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(all_ids) == len(set(all_ids))
    assert html.count('class="article"') == 3
    assert "<script>window" not in html


def test_overlapping_spans_merge():
    text = "总额54.33亿元。"
    inner = QuantityRef(text="54.33", start=2, end=7)
    outer = QuantityRef(text="54.33亿元", start=2, end=9)
    fs = [Finding(rule="r", kind="sum", verdict="consistent", severity="info", message="m", quantities=[inner]),
          Finding(rule="r", kind="share", verdict="rounding", severity="info", message="m", quantities=[outer])]
    marks_, per = build_marks(text, fs, "")
    assert [(m.start, m.end, m.findings, m.cls) for m in marks_] == [(2, 9, [0, 1], "rounding")]
    assert per == {0: ["q0"], 1: ["q0"]}


def test_wrong_offsets_fall_back_to_the_quoted_text():
    text = "甲为3人,乙为3人。"
    q = QuantityRef(text="3人", start=8, end=10)  # off by one; the nearest occurrence starts at 7
    fs = [Finding(rule="r", kind="sum", verdict="consistent", severity="info", message="m", quantities=[q])]
    marks_, _ = build_marks(text, fs, "")
    assert [(m.start, m.end) for m in marks_] == [(7, 9)]


def test_page_names_are_safe():
    names = page_names(make_report(FileReport(path="../x/../../etc/passwd"), FileReport(path="a b?.txt"),
                                   FileReport(path=".hidden.txt")))
    assert names == ["passwd.html", "a_b_.html", "hidden.html"]
    assert all("/" not in n for n in names)


def test_importing_the_renderer_does_not_load_jinja2():
    import subprocess
    import sys

    code = "import sys, factcheck.report.html; print('jinja2' in sys.modules, 'markupsafe' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_unchecked_numbers_are_underlined_not_marked():
    from factcheck.model import Quantity

    text = "共有3个项目,其中甲2个、乙1个。另有7人参加,网页第9页。"

    def qty(needle: str, **kw) -> Quantity:
        i = text.index(needle)
        return Quantity(index=0, text=needle, start=i, end=i + len(needle), value=1, lo=1, hi=1, digits="1",
                        decimals=0, **kw)

    f = finding(text, "sum", "consistent", "info", [("3个", "total"), ("2个", "part"), ("1个", "part")])
    fr = FileReport(path="x.txt", findings=[f], text=text,
                    quantities=[qty("3个"), qty("2个"), qty("1个"), qty("7人"), qty("9页", furniture=True)])
    html = render(fr)
    assert re.findall(r'<span class="uq">(.*?)</span>', html) == ["like this", "7人"]  # the legend, then 7人
    assert [t for _, t, _ in marks(html)] == ["3个", "2个", "1个"]
    body = re.search(r'<div class="text" [^>]*>(.*?)</div>', html, re.S).group(1)
    assert re.sub(r'<span class="badge".*?</span>|<span class="sr">.*?</span>|<[^>]+>', "", body) == text


def test_summary_counts_the_errors_and_lists_the_problems_worst_first():
    html = render(sample_file())
    headline = re.sub(r"<[^>]+>", "", re.search(r'<p class="headline[^"]*"[^>]*>(.*?)</p>', html, re.S).group(1))
    assert " ".join(headline.split()).startswith("1 error, 1 slip (mis-rounding).")
    problems = re.findall(r'<li class="problem v-(\w+)">.*?class="problem-link">(.*?)</a>', html, re.S)
    assert problems == [("discrepancy", "分项之和 29亿元 与总数 30亿元 不符"), ("slip", "占比应为 40%")]
    clean = render(english_file())
    assert "Nothing wrong found: every relation checked holds." in " ".join(clean.split())
