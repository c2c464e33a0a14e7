"""Suppressions with reasons: HTML comments in Markdown/HTML, a sidecar file for plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from ci_samples import ref

from factcheck.errors import FactcheckError
from factcheck.model import FileReport, Finding
from factcheck.suppress import RULE_ID, apply_suppressions, sidecar_path

MD = (
    "# 某市旅游\r\n"
    "国内游客1,200万人次，入境游客80万人次，合计1,250万人次。\r\n"
    "<!-- factcheck-disable zh.sum, zh.diff: 统计局口径不同，合计含港澳台游客 -->\r\n"
    "分区游客：东区300万人次，西区400万人次，合计800万人次。\r\n"
    "<!-- factcheck-enable -->\r\n"
    "南区200万人次，北区100万人次，合计350万人次。\r\n"
)


def finding(text: str, total: str, rule: str = "zh.sum", verdict: str = "discrepancy", claim: str = "") -> Finding:
    q = ref(text, total, "total")
    start = text.index(claim) if claim else q.start  # the whole claim, when given
    return Finding(rule=rule, kind="sum", verdict=verdict, severity="error", message=f"合计{total}不符",
                   quantities=[q], start=start, end=q.end)


def run(text: str, path: Path, findings: list[Finding]):
    fr = FileReport(path=str(path), text=text, findings=findings)
    out, unused = apply_suppressions(fr, text, path)
    return [f.quantities[0].text if f.quantities else f.rule for f in out.findings], out, unused


def test_comment_region_suppresses_only_inside(tmp_path):
    kept, _, unused = run(MD, tmp_path / "a.md",
                          [finding(MD, "1,250万"), finding(MD, "800万"), finding(MD, "350万")])
    assert kept == ["1,250万", "350万"]
    assert unused == []


def test_region_only_matches_its_rules(tmp_path):
    kept, _, unused = run(MD, tmp_path / "a.md", [finding(MD, "800万", rule="zh.share")])
    assert kept == ["800万"]
    assert len(unused) == 1 and "a.md:3: unused suppression of zh.sum, zh.diff" in unused[0]


def test_all_and_globs_and_open_region_to_end(tmp_path):
    text = MD.replace("<!-- factcheck-enable -->", "").replace("zh.sum, zh.diff:", "all:")
    kept, _, _ = run(text, tmp_path / "a.md", [finding(text, "800万", rule="en.share"), finding(text, "350万")])
    assert kept == []
    text = MD.replace("zh.sum, zh.diff:", "zh.s*:")
    kept, _, _ = run(text, tmp_path / "a.md", [finding(text, "800万", rule="zh.share")])
    assert kept == []


def test_consistent_findings_do_not_use_a_suppression(tmp_path):
    kept, _, unused = run(MD, tmp_path / "a.md", [finding(MD, "800万", verdict="consistent")])
    assert kept == ["800万"] and len(unused) == 1


def test_disable_without_reason_suppresses_nothing_and_is_reported(tmp_path):
    text = MD.replace(": 统计局口径不同，合计含港澳台游客", "")
    kept, out, unused = run(text, tmp_path / "a.md", [finding(text, "800万")])
    assert kept == ["800万", RULE_ID]
    problem = out.findings[-1]
    assert problem.severity == "warning" and "reason" in problem.message
    assert (problem.line, problem.column) == (3, 1)
    assert unused == []


def test_sidecar_whole_file_and_fragment(tmp_path):
    article = tmp_path / "a.txt"
    text = MD.replace("<!--", "").replace("-->", "")  # plain text: comments are not directives any more
    article.write_text(text, encoding="utf-8")
    assert sidecar_path(article).name == "a.txt.factcheck-ignore"
    sidecar_path(article).write_text(
        "# 为什么忽略\n"
        'zh.sum “西区400万人次”: 西区数字含流动人口\n'
        "zh.count: 列举不完整是有意的\n"
        'zh.sum "不存在的句子": 过时\n',
        encoding="utf-8",
    )
    kept, _, unused = run(text, article, [finding(text, "1,250万"), finding(text, "800万", claim="东区"),
                                          finding(text, "350万", rule="zh.count")])
    assert kept == ["1,250万"]
    missing = f"{sidecar_path(article)}:4: text '不存在的句子' not found in a.txt; the suppression matches nothing"
    assert unused == [missing]


def test_sidecar_line_without_reason_is_reported(tmp_path):
    article = tmp_path / "b.txt"
    text = "南区200万人次，北区100万人次，合计350万人次。"
    sidecar_path(article).write_text("zh.sum\n", encoding="utf-8")
    kept, _, _ = run(text, article, [finding(text, "350万")])
    assert kept == ["350万", RULE_ID]


def test_sidecar_garbage_is_a_user_error(tmp_path):
    article = tmp_path / "c.txt"
    sidecar_path(article).write_text('zh.sum "没有结束的引号: 原因\n', encoding="utf-8")
    with pytest.raises(FactcheckError, match="c.txt.factcheck-ignore:1"):
        run("正文", article, [])
