"""The command line as a user meets it: reports, exit codes, one clear line for bad input."""

import json

from conftest import EXAMPLE, run_cli


def test_example_article_reports_its_error_and_exits_1():
    r = run_cli("run", str(EXAMPLE))
    assert r.returncode == 1
    assert "share" in r.stdout and "Likely correct: 58%" in r.stdout
    assert "Traceback" not in r.stderr


def test_json_report_follows_the_contract():
    r = run_cli("run", "--format", "json", str(EXAMPLE))
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    (f,) = doc["files"]
    assert f["path"] == str(EXAMPLE)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert f["findings"], "the example has findings"
    for finding in f["findings"]:
        assert {"rule", "kind", "verdict", "severity", "message", "quantities"} <= finding.keys()
        for q in finding["quantities"]:
            assert text[q["start"]:q["end"]] == q["text"]
    assert f["coverage"]["numbers_found"] == f["coverage"]["numbers_checked"] + f["coverage"]["numbers_unchecked"]
    verdicts = {(x["kind"], x["verdict"], x["severity"]) for x in f["findings"]}
    assert ("share", "discrepancy", "error") in verdicts
    assert ("cagr", "discrepancy", "warning") in verdicts
    assert ("sum", "rounding", "info") in verdicts
    assert ("points", "unverifiable", "info") in verdicts


def test_fail_on_levels():
    assert run_cli("run", "--fail-on", "never", str(EXAMPLE)).returncode == 0
    assert run_cli("run", "--fail-on", "warning", str(EXAMPLE)).returncode == 1


def test_clean_article_exits_0(tmp_path):
    a = tmp_path / "ok.txt"
    a.write_text("全县贫困人口从2018年底的5.2万人减少到2020年底的0.7万人，累计减少4.5万人。\n", encoding="utf-8")
    r = run_cli("run", str(a))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "holds" in r.stdout


def _one_clear_line(r):
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


def test_missing_file(tmp_path):
    assert "no such file" in _one_clear_line(run_cli("run", str(tmp_path / "nope.txt")))


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert "empty" in _one_clear_line(run_cli("run", str(p)))


def test_binary_file(tmp_path):
    p = tmp_path / "img.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _one_clear_line(run_cli("run", str(p)))


def test_undecodable_bytes(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"plain start " + bytes([0xFF, 0xFE, 0xFD, 0x80, 0x81]) * 20 + b" end")
    assert "not valid UTF-8" in _one_clear_line(run_cli("run", str(p)))


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"x")
    assert "no articles" in _one_clear_line(run_cli("run", str(tmp_path)))


def test_gb18030_article_is_decoded(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("车间吸纳200人就业，其中贫困户50人、占35%。".encode("gb18030"))
    r = run_cli("run", "--format", "json", str(p))
    assert r.returncode == 1
    (finding,) = [f for f in json.loads(r.stdout)["files"][0]["findings"] if f["kind"] == "share"]
    assert finding["verdict"] == "discrepancy"


def test_unknown_format_is_a_usage_error():
    r = run_cli("run", "--format", "pdf", str(EXAMPLE))
    assert r.returncode == 2 and "unknown format" in r.stderr


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("factcheck ")


def test_rules_list_and_validate():
    r = run_cli("rules", "list")
    assert r.returncode == 0 and "zh.share.of" in r.stdout
    r = run_cli("rules", "validate", "rules")
    assert r.returncode == 0, r.stderr
    assert "all examples pass" in r.stdout


def test_rules_validate_reports_a_failing_example(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("""\
id: my.share
kind: share
language: zh
description: test
pattern: '{part:amount}、占{p:percent}'
resolve:
  base: {find: container, of: part}
relation: 'part / base * 100 = p'
stated: p
examples:
  - {text: "招聘100人，其中女性40人、占40%。", expect: discrepancy}
  - {text: "招聘100人，其中女性40人、占50%。", expect: discrepancy}
""", encoding="utf-8")
    r = run_cli("rules", "validate", str(bad))
    assert r.returncode != 0
    assert "needs at least one example that passes" in r.stderr
    assert f"{bad}:" in r.stderr


def test_html_goes_to_reports_folder_by_default(tmp_path):
    a = tmp_path / "art.txt"
    a.write_text("车间吸纳200人就业，其中贫困户50人、占35%。\n", encoding="utf-8")
    r = run_cli("run", "--format", "html", str(a), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    page = (tmp_path / "reports" / "art.html").read_text(encoding="utf-8")
    assert "<html" in page and "35%" in page


def test_output_may_not_overwrite_the_input(tmp_path):
    a = tmp_path / "art.txt"
    body = "车间吸纳200人就业，其中贫困户50人、占25%。\n"
    a.write_text(body, encoding="utf-8")
    r = run_cli("run", "--format", "json", "--output", str(a), str(a))
    assert r.returncode == 2
    assert a.read_text(encoding="utf-8") == body
