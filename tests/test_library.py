"""The library API for pipelines: factcheck.check_text, a picklable Checker, and the dask example giving the same
findings as the command line on a few hundred real articles."""

from __future__ import annotations

import importlib.util
import json
import pickle
import shutil

import pytest

import factcheck
from conftest import ROOT, SHARED, run_cli

SHARE = "车间吸纳200人就业，其中贫困户50人、占35%。"


def test_check_text_at_the_top_level_returns_the_report_with_json():
    report = factcheck.check_text(SHARE, language="zh")
    share = [f for f in report.findings if f.kind == "share"]
    assert [(f.verdict, f.severity) for f in share] == [("discrepancy", "error")]
    entry = json.loads(report.to_json())
    assert entry["language"] == "zh" and "text" not in entry and "quantities" not in entry
    assert {"rule", "kind", "verdict", "severity", "message", "quantities"} <= set(entry["findings"][0])


def test_the_same_text_gives_the_same_entry_as_the_cli(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SHARE, encoding="utf-8")
    cli = json.loads(run_cli("run", "--format", "json", str(f)).stdout)["files"][0]
    assert factcheck.Checker().check_file(f).to_dict() == cli


def test_a_checker_pickles_as_its_settings_and_checks_the_same_after(tmp_path):
    from test_robust_batch import EXTRA_RULE

    rule = tmp_path / "extra.yaml"
    rule.write_text(EXTRA_RULE, encoding="utf-8")
    checker = factcheck.Checker(rules=[rule], language="zh")
    text = "仓库存粮500吨，用去120吨，还剩390吨。"
    before = checker.check_text(text).to_dict()
    assert [f["verdict"] for f in before["findings"] if f["rule"] == "extra.remainder"] == ["discrepancy"]
    data = pickle.dumps(checker)
    assert len(data) < 400  # settings only: no rules, patterns or regexes travel
    again = pickle.loads(data)
    assert again.language == "zh" and again.check_text(text).to_dict() == before


def _dask_example():
    spec = importlib.util.spec_from_file_location("dask_check", ROOT / "examples" / "dask_check.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_dask_example_gives_the_same_findings_as_the_cli(tmp_path):
    wild = SHARED / "wild" / "thucnews"
    if not wild.is_dir():
        pytest.skip("../shared/articles/wild is not beside the checkout")
    for i, src in enumerate(sorted(wild.glob("*.txt"))):
        if i % 3 == 0:  # every third article: a few hundred, from every category
            shutil.copyfile(src, tmp_path / src.name)
    n = len(list(tmp_path.glob("*.txt")))
    assert n >= 300
    cli = run_cli("run", "--format", "json", "--jobs", "2", "--fail-on", "never", str(tmp_path))
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)["files"]
    got = _dask_example().check_folder(tmp_path, scheduler="processes", workers=2)
    assert len(got) == len(expected) == n
    assert got == expected
    assert sum(len(f["findings"]) for f in got) > 50  # real articles, real findings: not an empty comparison
