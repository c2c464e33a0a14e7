"""HTML report in a real headless Chromium (Debian's /usr/bin/chromium via Playwright; never a downloaded browser).

Screenshots (desktop 1280 wide, phone 390 wide) go to tests/_artifacts/ for a human to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

from factcheck.report import get_renderer  # noqa: E402
from test_html import english_file, hostile_file, make_report, sample_file  # noqa: E402

ARTIFACTS = Path(__file__).parent / "_artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
GANSU = Path(__file__).resolve().parents[2] / "shared" / "articles" / "gansu-2019.txt"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "zh-example.txt"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs = []
    pg.requests = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    yield pg
    ctx.close()


def write_pages(tmp_path: Path, *files) -> dict[str, Path]:
    out = {}
    for name, html in get_renderer("html").render_pages(make_report(*files)).items():
        (tmp_path / name).write_text(html, encoding="utf-8")
        out[name] = tmp_path / name
    return out


def open_sample(page, tmp_path):
    pages = write_pages(tmp_path, sample_file())
    page.goto(pages["sample-zh.html"].as_uri())
    return pages


def mark(page, text):
    return page.locator("button.q", has=page.locator(".qt", has_text=text)).first


def shoot(page, name, width, full=True):
    """Desktop: the whole page. Phone (full=False): what the reader sees, e.g. the explanation sheet."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
    page.screenshot(path=str(ARTIFACTS / name), full_page=full)


def test_discrepancy_is_highlighted(page, tmp_path):
    open_sample(page, tmp_path)
    m = mark(page, "30亿元")
    assert "v-discrepancy" in m.get_attribute("class")
    bg = m.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = page.locator(".text").evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg != plain
    assert m.locator(".badge").inner_text() == "✗"  # an icon and a label, not colour alone
    assert m.locator(".sr").text_content() == " (discrepancy)"
    assert not page.errors


def test_clicking_reveals_arithmetic_and_partners(page, tmp_path):
    open_sample(page, tmp_path)
    panel = page.locator(".panel-body")
    assert "12 + 9 + 8" not in panel.inner_text()
    mark(page, "9亿元").click()
    assert "12 + 9 + 8 = 29 亿元" in panel.inner_text()
    assert "30亿元 → 29亿元" in panel.inner_text()
    assert panel.is_visible()
    related = page.locator("button.q.related .qt").all_inner_texts()
    assert sorted(related) == sorted(["30亿元", "12亿元", "8亿元"])
    assert "selected" in mark(page, "9亿元").get_attribute("class")
    # 30亿元 takes part in the sum and the share: both are explained.
    mark(page, "30亿元").click()
    text = panel.inner_text()
    assert "12 + 9 + 8" in text and "12 / 30 = 40%" in text
    assert sorted(page.locator("button.q.related .qt").all_inner_texts()) == ["12亿元", "41%", "8亿元", "9亿元"]
    shoot(page, "sample-desktop.png", 1280)
    shoot(page, "sample-phone.png", 390, full=False)
    assert page.locator(".filterbox").evaluate("d => d.open") is False  # folded on a phone
    assert page.locator(".panel").evaluate("e => getComputedStyle(e).position") == "sticky"
    page.get_by_role("button", name="Close").click()
    assert "12 + 9 + 8" not in panel.inner_text()
    assert page.locator("button.q.selected, button.q.related").count() == 0
    assert not page.errors


def test_keyboard_selects_a_quantity(page, tmp_path):
    open_sample(page, tmp_path)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('q')"):
            break
    assert page.evaluate("document.activeElement.textContent").startswith("30亿元")
    page.keyboard.press("Enter")
    assert "12 + 9 + 8" in page.locator(".panel-body").inner_text()
    page.keyboard.press("Escape")
    assert "12 + 9 + 8" not in page.locator(".panel-body").inner_text()


CONTRAST = """els => els.map(e => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const st = getComputedStyle(e);
  const a = lum(rgb(st.color)), b = lum(rgb(st.backgroundColor));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})"""


def test_labels_have_enough_contrast(page, tmp_path):
    open_sample(page, tmp_path)
    ratios = page.locator(".summary .chip, .tag, .sev").evaluate_all(CONTRAST.replace(
        "st.backgroundColor", "(st.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : st.backgroundColor)"))
    assert len(ratios) > 10 and min(ratios) >= 4.5, ratios
    marks = page.locator("button.q .badge").evaluate_all(CONTRAST.replace("st.backgroundColor",
                                                                          "getComputedStyle(e.parentNode).backgroundColor"))
    assert min(marks) >= 4.5, marks


def test_verdict_filter_hides_consistent_findings(page, tmp_path):
    open_sample(page, tmp_path)
    consistent = page.locator("li.finding[data-cls=consistent]")
    assert consistent.is_visible()
    page.locator("input[data-facet=cls][value=consistent]").uncheck()
    assert consistent.is_hidden()
    assert page.locator("li.finding[data-cls=discrepancy]").is_visible()
    assert mark(page, "126万人").is_disabled()  # no longer marked
    assert "of 5 shown" in page.locator(".shown").inner_text()
    page.locator("input[data-facet=severity][value=error]").uncheck()
    # 30亿元 is in the sum (error, now hidden) and the share (slip): it falls back to the slip.
    assert "v-slip" in mark(page, "30亿元").get_attribute("class")
    page.locator("input[data-facet=kind][value=share]").uncheck()
    assert mark(page, "30亿元").is_disabled()


def test_errors_first_by_default_text_order_one_click_away(page, tmp_path):
    open_sample(page, tmp_path)
    order = lambda: page.locator("li.finding").evaluate_all("els => els.map(e => e.dataset.cls)")  # noqa: E731
    assert order() == ["discrepancy", "slip", "rounding", "unverifiable", "consistent"]
    assert page.locator(".order-note").inner_text() == "Errors first."
    page.get_by_role("button", name="Text order").click()
    assert order() == ["discrepancy", "slip", "consistent", "rounding", "unverifiable"]
    assert page.locator(".order-note").inner_text() == "In text order."
    page.get_by_role("button", name="Text order").click()
    assert order() == ["discrepancy", "slip", "rounding", "unverifiable", "consistent"]
    page.locator("li.finding[data-cls=rounding] a[data-finding]").click()
    assert page.evaluate("document.activeElement.textContent").startswith("5000元")
    assert "(5630 − 5000) / 5000" in page.locator(".panel-body").inner_text()
    page.locator(".panel-body .back a").click()
    assert page.evaluate("location.hash") == "#f3"


def test_hostile_article_runs_no_script(page, tmp_path):
    pages = write_pages(tmp_path, hostile_file())
    name = next(n for n in pages if n != "index.html")
    page.goto(pages[name].as_uri())
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=1;alert(1)</script>" in page.locator(".text").inner_text()
    page.locator("button.q").first.click()
    assert "<img src=x" in page.locator(".panel-body").inner_text()
    page.goto(pages["index.html"].as_uri())
    page.wait_for_timeout(200)
    assert page.dialogs == [] and page.evaluate("window.__pwned") is None
    assert all(u.startswith("file://") for u in page.requests)


def test_index_lists_every_article_and_sorts(page, tmp_path):
    pages = write_pages(tmp_path, english_file(), sample_file(), hostile_file())
    page.goto(pages["index.html"].as_uri())
    names = lambda: page.locator("tbody th a").all_inner_texts()  # noqa: E731
    assert len(names()) == 3 and "sample-zh.txt" in names() and "sales.txt" in names()
    # most errors first from the start; a click on the heading turns the order round
    assert page.locator("tbody tr").first.locator("td").first.inner_text() == "1"
    assert page.locator("thead th").nth(1).get_attribute("aria-sort") == "descending"
    page.get_by_role("button", name="Errors").click()
    assert page.locator("tbody tr").first.locator("td").first.inner_text() == "0"
    assert page.locator("thead th").nth(1).get_attribute("aria-sort") == "ascending"
    page.get_by_role("button", name="Article").click()
    assert names() == sorted(names())
    page.get_by_role("button", name="Article").click()
    assert names() == sorted(names(), reverse=True)
    assert page.locator("tfoot td").first.inner_text() == "2"  # total errors, outside the sorted rows
    shoot(page, "index-desktop.png", 1280)
    shoot(page, "index-phone.png", 390)
    page.locator("tbody th a", has_text="sample-zh.txt").click()
    assert page.url.endswith("sample-zh.html")
    page.get_by_role("link", name="← All articles").click()
    assert page.url.endswith("index.html")
    assert not page.errors


def test_real_example_article(page, tmp_path):
    """The founding example, checked by the lead's pipeline when it exists."""
    try:
        from factcheck.api import check_text
    except ImportError:
        pytest.skip("factcheck.api is not there yet")
    if not GANSU.exists():
        pytest.skip(f"{GANSU} is missing")
    fr = check_text(GANSU.read_text(encoding="utf-8"), path=str(GANSU))
    pages = write_pages(tmp_path, fr)
    page.goto(pages["gansu-2019.html"].as_uri())
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("li.finding").count() == len(fr.findings)
    if fr.findings:
        page.locator("button.q").first.click()
        assert page.locator(".panel-body .explain").count() >= 1
    if fr.coverage.numbers_unchecked:
        uq = page.locator(".text .uq").first
        assert uq.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dotted"
        page.locator("input.show-unchecked").uncheck()
        assert uq.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"
        page.locator("input.show-unchecked").check()
    shoot(page, "gansu-desktop.png", 1280)
    shoot(page, "gansu-phone.png", 390, full=False)
    assert not page.errors


def test_project_example_report(page, tmp_path):
    """The project's own example article: its share error is marked, selecting it shows the arithmetic and lights
    up the base and the part, and the consistent filter hides what holds."""
    from factcheck.api import check_file

    fr = check_file(EXAMPLE)
    pages = write_pages(tmp_path, fr)
    page.goto(pages["zh-example.html"].as_uri())
    error = mark(page, "48%")
    assert "discrepancy" in (error.get_attribute("class") or "")
    error.click()
    panel = page.locator(".panel-body")
    assert "186人 / 320人" in panel.inner_text() and "58%" in panel.inner_text()
    assert sorted(page.locator("button.q.related .qt").all_inner_texts()) == ["186人", "320人"]
    shoot(page, "example-desktop.png", 1280)
    shoot(page, "example-phone.png", 390, full=False)
    assert not page.errors


def test_cli_writes_one_page_per_article_and_an_index(page, tmp_path):
    """`factcheck run A B --format html --output DIR` through the real CLI, then opened in the browser."""
    import subprocess
    import sys

    try:
        import factcheck.cli  # noqa: F401
    except ImportError:
        pytest.skip("factcheck.cli is not there yet")
    from test_html import SAMPLE

    (tmp_path / "in").mkdir()
    for name in ("first.txt", "second.txt"):
        (tmp_path / "in" / name).write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-c", "from factcheck.cli import main; main()", "run", str(tmp_path / "in" / "first.txt"),
         str(tmp_path / "in" / "second.txt"), "--format", "html", "--output", str(out) + "/"],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent.parent)
    assert run.returncode in (0, 1), run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["first.html", "index.html", "second.html"]
    page.goto((out / "index.html").as_uri())
    assert page.locator("tbody th a").all_inner_texts() == ["first.txt", "second.txt"]
    page.locator("tbody th a", has_text="second.txt").click()
    assert page.locator("h1").inner_text().endswith("second.txt")
    assert "某市去年投入帮扶资金" in page.locator(".text").inner_text()
    assert not page.errors


# Issue 10: the page opens on what is wrong ---------------------------------------------------------------------

def _cli(*args, cwd=None):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, timeout=300, cwd=cwd or Path(__file__).parent.parent)


def _no_sideways_scroll(page, selector="html"):
    return page.locator(selector).first.evaluate("e => e.scrollWidth <= e.clientWidth + 1")


def test_seed_report_opens_on_its_errors_and_one_key_reaches_the_first(page, tmp_path):
    """The founding example through the real CLI: the summary counts and lists the error first, the findings are
    errors first, the legend reads as a legend, and E (one key) selects the first error."""
    if not GANSU.exists():
        pytest.skip(f"{GANSU} is missing")
    out = tmp_path / "gansu.html"
    r = _cli("run", GANSU, "--format", "html", "--output", out)
    assert r.returncode == 1, r.stderr
    page.goto(out.as_uri())
    headline = page.locator(".headline").inner_text()
    assert headline.startswith("1 error, 1 slip (mis-rounding).")
    problems = page.locator("ol.problems > li")
    assert problems.count() == 2
    assert "v-discrepancy" in problems.nth(0).get_attribute("class") and "77%" in problems.nth(0).inner_text()
    assert "Likely correct: 67%" in problems.nth(0).inner_text()
    assert "v-slip" in problems.nth(1).get_attribute("class") and "10.2%" in problems.nth(1).inner_text()
    assert page.locator("li.finding").first.get_attribute("data-cls") == "discrepancy"
    legend = page.locator(".filters fieldset", has=page.locator("input.show-unchecked"))
    assert legend.inner_text().split() == "Numbers not checked underline them like this".split()
    shoot(page, "seed-desktop.png", 1280)
    # one key from the top of the page: the first error is selected, explained, and has the focus
    page.keyboard.press("e")
    focused = page.evaluate("document.activeElement.className")
    assert "q" in focused.split() and "v-discrepancy" in focused
    assert "97人 / 145人 × 100 = 66.897%" in page.locator(".panel-body").inner_text()
    page.keyboard.press("e")  # the next problem: the slip
    assert "v-slip" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Shift+E")
    assert "v-discrepancy" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Escape")
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "seed-phone.png", 390, full=False)
    assert _no_sideways_scroll(page)
    assert not page.errors


def test_batch_index_sorts_by_errors_totals_and_fits_a_phone(page, tmp_path):
    """A batch through the real CLI: the index opens with the most errors first, says how many errors there are,
    has a totals row, and on a 390 px phone shows every column without a hidden sideways scroll."""
    root = Path(__file__).resolve().parents[1]
    clean = tmp_path / "clean.txt"
    clean.write_text("全县常住人口52.0万人，其中男26.4万人、女25.6万人。\n", encoding="utf-8")
    articles = [clean, root / "examples" / "en-traps.txt", root / "examples" / "zh-example.txt",
                root / "examples" / "en-example.txt"] + ([GANSU] if GANSU.exists() else [])
    out = tmp_path / "out"
    r = _cli("run", *articles, "--format", "html", "--output", str(out) + "/")
    assert r.returncode == 1, r.stderr
    page.goto((out / "index.html").as_uri())
    errors = [int(x) for x in page.locator("tbody td[data-label=Errors]").all_inner_texts()]
    assert errors == sorted(errors, reverse=True) and errors[0] >= 1
    total = int(page.locator("tfoot td[data-label=Errors]").inner_text())
    assert total == sum(errors)
    assert page.locator(".headline").inner_text().startswith(f"{total} error")
    assert page.locator("thead th").nth(1).get_attribute("aria-sort") == "descending"
    shoot(page, "batch-index-desktop.png", 1280)
    page.set_viewport_size({"width": 390, "height": 844})
    assert _no_sideways_scroll(page) and _no_sideways_scroll(page, ".table-wrap")
    cell = page.locator("tbody tr").first.locator("td[data-label=Partial\\ lists]")
    assert cell.is_visible()
    assert "Partial lists" in cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert page.locator("tfoot th").is_visible()
    shoot(page, "batch-index-phone.png", 390)
    page.locator("tbody th a").first.click()
    assert page.locator("li.finding").first.get_attribute("data-cls") == "discrepancy"
    assert not page.errors
