"""SARIF, GitHub annotations, JUnit and rdjsonl from hand-built reports (CRLF lines, CJK text, full-width
punctuation)."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from ci_samples import TEXT, consistent, count_unverifiable, file_report, report, sum_finding

from factcheck.report import get_renderer
from factcheck.report._ci import Lines

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LINE2 = TEXT.split("\r\n")[1]
LINE4 = TEXT.split("\r\n")[3]


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def render(fmt: str, rep) -> str:
    return get_renderer(fmt).render(rep)


# --- positions -----------------------------------------------------------------------------------------------

def test_lines_count_code_points_and_all_line_ends():
    lines = Lines("甲乙\r\n丙\r丁\n戊")
    assert lines.position(0) == (1, 1)
    assert lines.position(1) == (1, 2)
    assert lines.position(4) == (2, 1)  # after \r\n
    assert lines.position(6) == (3, 1)  # after a lone \r
    assert lines.position(8) == (4, 1)  # after \n
    assert lines.byte_column(1) == 4  # one CJK character is 3 UTF-8 bytes


# --- SARIF ---------------------------------------------------------------------------------------------------

def test_sarif_validates_against_official_schema(in_tmp):
    assert SCHEMA["$schema"].startswith("http://json-schema.org/draft-04/")
    doc = json.loads(render("sarif", report(file_report("a.txt"))))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert doc["version"] == "2.1.0"


def test_sarif_skips_consistent_and_maps_levels(in_tmp):
    run = json.loads(render("sarif", report(file_report("a.txt"))))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    levels = [(r["ruleId"], r["level"], r["properties"]["verdict"]) for r in run["results"]]
    assert levels == [("zh.sum", "error", "discrepancy"), ("zh.count", "warning", "unverifiable"),
                      ("zh.growth", "note", "rounding")]
    rules = run["tool"]["driver"]["rules"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["partialFingerprints"]["factcheck/v1"]
    for rule in rules:
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["tool"]["driver"]["name"] == "factcheck"


def test_sarif_region_on_crlf_cjk_line(in_tmp):
    run = json.loads(render("sarif", report(file_report("a.txt"))))["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "zh.sum")
    region = result["locations"][0]["physicalLocation"]["region"]
    start_col = LINE2.index("1,200万") + 1
    end_col = LINE2.index("1,250万") + len("1,250万") + 1  # exclusive
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        2, start_col, 2, end_col)
    assert region["snippet"]["text"].startswith("1,200万") and region["snippet"]["text"].endswith("1,250万")
    assert TEXT[region["charOffset"]: region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    related = [loc["physicalLocation"]["region"] for loc in result["relatedLocations"]]
    assert [r["snippet"]["text"] for r in related] == ["1,200万", "80万", "1,250万"]
    assert related[1]["startColumn"] == LINE2.index("80万") + 1


def test_sarif_column_after_long_cjk_run(in_tmp):
    run = json.loads(render("sarif", report(file_report("a.txt"))))["runs"][0]
    region = next(r for r in run["results"] if r["ruleId"] == "zh.count")["locations"][0]["physicalLocation"][
        "region"]
    assert region["startLine"] == 4
    assert region["startColumn"] == LINE4.index("36场") + 1 == 43
    assert region["endColumn"] == 43 + len("36场")


def test_sarif_uri_relative_to_git_toplevel(in_tmp):
    repo = in_tmp / "repo"
    (repo / "新闻").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    article = repo / "新闻" / "a b.txt"
    article.write_text(TEXT, encoding="utf-8")
    import os

    os.chdir(repo / "新闻")  # cwd in a sub-folder of the repository: the git top-level is the base
    loc = json.loads(render("sarif", report(file_report(str(article)))))["runs"][0]["results"][0]["locations"][0]
    artifact = loc["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "%E6%96%B0%E9%97%BB/a%20b.txt", "uriBaseId": "%SRCROOT%"}
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)  # cwd outside: git is asked about the working directory's repository only, never the article's
    loc = json.loads(render("sarif", report(file_report(str(article)))))["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")


def test_sarif_uri_relative_to_cwd_outside_git(in_tmp):
    (in_tmp / "sub").mkdir()
    rep = report(file_report(str(in_tmp / "sub" / "b.txt")))
    uri = json.loads(render("sarif", rep))["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert uri == "sub/b.txt"


def test_sarif_empty_report_is_valid(in_tmp):
    doc = json.loads(render("sarif", report(file_report("a.txt", findings=[consistent()]))))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert doc["runs"][0]["results"] == []


def test_sarif_file_error_becomes_notification(in_tmp):
    fr = file_report("a.txt", findings=[])
    fr.error = "cannot decode a.txt"
    doc = json.loads(render("sarif", report(fr)))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"] == "cannot decode a.txt"


# --- GitHub annotations --------------------------------------------------------------------------------------

def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::")
    head, sep, data = line[2:].partition("::")
    assert sep
    command, _, props = head.partition(" ")
    parsed = {}
    for item in props.split(","):
        key, _, value = item.partition("=")
        parsed[key] = value
    return command, parsed, data


def _unescape(s: str, prop: bool = False) -> str:
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_github_escapes_commas_colons_percent_newlines(in_tmp):
    text = "第一段：说明。\r\n增幅为15%，其中：甲、乙合计100人，分别为30人,60人。\r\n"
    f = sum_finding(TEXT).model_copy(update={
        "message": "合计不符：30+60=90，不是100；差10%\n第二行", "arithmetic": "30 + 60 = 90",
        "quantities": [], "start": text.index("100人"), "end": text.index("100人") + 4,
    })
    out = render("github", report(file_report("报告,2023:版.txt", text, [f]))).splitlines()
    assert len(out) == 1
    line = out[0]
    assert "\n" not in line and "\r" not in line
    command, props, data = _parse_command(line)
    assert command == "error"
    assert set(props) == {"file", "line", "endLine", "col", "endColumn", "title"}
    assert props["file"] == "报告%2C2023%3A版.txt" and _unescape(props["file"], True) == "报告,2023:版.txt"
    assert _unescape(props["title"], True) == "zh.sum (sum, discrepancy)"
    assert data == "合计不符：30+60=90，不是100；差10%25%0A第二行%0A30 + 60 = 90"
    assert _unescape(data) == "合计不符：30+60=90，不是100；差10%\n第二行\n30 + 60 = 90"
    line2 = text.split("\r\n")[1]
    assert props["line"] == props["endLine"] == "2"
    assert props["col"] == str(line2.index("100人") + 1)
    assert props["endColumn"] == str(line2.index("100人") + 4)  # inclusive: the last character


def test_github_orders_errors_warnings_notices_and_skips_consistent(in_tmp):
    out = render("github", report(file_report("a.txt"))).splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::error", "::warning", "::notice"]


def test_github_multiline_finding_has_no_columns(in_tmp):
    f = sum_finding().model_copy(update={"start": 0, "end": TEXT.index("其中") + 3})
    _, props, _ = _parse_command(render("github", report(file_report("a.txt", findings=[f]))).strip())
    assert (props["line"], props["endLine"]) == ("1", "2")
    assert "col" not in props and "endColumn" not in props


# --- JUnit ---------------------------------------------------------------------------------------------------

def test_junit_parses_and_names_are_unique(in_tmp):
    twice = [sum_finding(), sum_finding(), count_unverifiable(), consistent()]
    rep = report(file_report("a.txt", findings=twice), file_report("sub/a.txt"))
    root = ET.fromstring(render("junit", rep).encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    keys = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(keys) == len(set(keys)) == 8
    assert all(c.get("name").startswith(("zh.sum 2:", "zh.count 4:", "zh.growth")) for c in cases)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "sub/a.txt"]
    assert (suites[0].get("tests"), suites[0].get("failures"), suites[0].get("skipped")) == ("4", "2", "1")
    assert root.get("failures") == "3"


def test_junit_failure_carries_arithmetic_and_escapes(in_tmp):
    root = ET.fromstring(render("junit", report(file_report("a.txt"))).encode("utf-8"))
    case = next(c for c in root.iter("testcase") if c.find("failure") is not None)
    failure = case.find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message") == sum_finding().message
    assert "1200 + 80 = 1280 ≠ 1250 <> & check" in case.find("system-out").text
    skipped = [c for c in root.iter("testcase") if c.find("skipped") is not None]
    assert len(skipped) == 1 and "36场" in skipped[0].find("skipped").get("message")


def test_junit_drops_characters_xml_cannot_hold(in_tmp):
    f = sum_finding().model_copy(update={"message": "控制字符\x0b在这里"})
    root = ET.fromstring(render("junit", report(file_report("a.txt", findings=[f]))).encode("utf-8"))
    assert root.find(".//failure").get("message") == "控制字符\ufffd在这里"


# --- rdjsonl -------------------------------------------------------------------------------------------------

def test_rdjsonl_lines_and_byte_columns(in_tmp):
    out = render("rdjsonl", report(file_report("a.txt"))).splitlines()
    diags = [json.loads(line) for line in out]
    assert [d["severity"] for d in diags] == ["ERROR", "WARNING", "INFO"]
    first = diags[0]
    assert first["code"] == {"value": "zh.sum"} and first["source"] == {"name": "factcheck"}
    assert first["location"]["path"] == "a.txt"
    prefix = LINE2[: LINE2.index("1,200万")]
    start = first["location"]["range"]["start"]
    assert start == {"line": 2, "column": len(prefix.encode("utf-8")) + 1}
    end_prefix = LINE2[: LINE2.index("1,250万") + len("1,250万")]
    assert first["location"]["range"]["end"] == {"line": 2, "column": len(end_prefix.encode("utf-8")) + 1}
