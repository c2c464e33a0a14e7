"""Config discovery, overrides, validation and how select/ignore/severity change a file's findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from ci_samples import consistent, count_unverifiable, file_report, growth_rounding, sum_finding

from factcheck.config import apply_config, load_config, matches
from factcheck.errors import FactcheckError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_factcheck_toml_found_upward_from_article(tmp_path):
    cfg_file = write(tmp_path / "factcheck.toml", 'fail_on = "warning"\nselect = ["zh.*"]\n')
    article = write(tmp_path / "news" / "2023" / "a.txt", "正文")
    cfg = load_config(article, stop=tmp_path)
    assert cfg.fail_on == "warning" and cfg.select == ["zh.*"]
    assert cfg.path == str(cfg_file.resolve())
    assert cfg.sources["fail_on"] == str(cfg_file.resolve()) and cfg.sources["ignore"] == "default"


def test_pyproject_without_table_does_not_stop_search(tmp_path):
    write(tmp_path / "factcheck.toml", 'language = "zh"\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')
    cfg = load_config(tmp_path / "site", stop=tmp_path)
    assert cfg.language == "zh" and cfg.path == str((tmp_path / "factcheck.toml").resolve())


def test_nearer_pyproject_table_wins_and_files_are_not_merged(tmp_path):
    write(tmp_path / "factcheck.toml", 'language = "zh"\nfail_on = "info"\n')
    near = write(tmp_path / "site" / "pyproject.toml", '[tool.factcheck]\nignore = ["zh.count"]\n')
    cfg = load_config(tmp_path / "site" / "a.md", stop=tmp_path)
    assert cfg.path == str(near.resolve())
    assert cfg.ignore == ["zh.count"] and cfg.language is None and cfg.fail_on == "error"


def test_factcheck_toml_beats_pyproject_in_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nlanguage = "en"\n')
    write(tmp_path / "factcheck.toml", 'language = "zh"\n')
    assert load_config(tmp_path).language == "zh"


def test_flags_win_and_none_is_ignored(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail_on = "warning"\nformat = "sarif"\n')
    cfg = load_config(tmp_path, {"fail_on": "error", "format": None, "select": "zh.sum,zh.share"})
    assert cfg.fail_on == "error" and cfg.format == "sarif" and cfg.select == ["zh.sum", "zh.share"]
    assert cfg.sources["fail_on"] == "command line"
    assert cfg.sources["format"] == str((tmp_path / "factcheck.toml").resolve())


def test_rule_folders_are_relative_to_config_file(tmp_path):
    write(tmp_path / "cfg" / "factcheck.toml", 'rules = ["my-rules"]\ntolerance = {relative = 0.0}\n')
    cfg = load_config(tmp_path / "cfg" / "deep")
    assert cfg.rules == [str((tmp_path / "cfg" / "my-rules").resolve())]
    assert cfg.tolerance == {"relative": 0.0}


@pytest.mark.parametrize("body, word", [
    ('colour = "red"\n', "colour"),
    ('select = "zh.sum"\n', "select"),
    ('fail_on = "sometimes"\n', "fail_on"),
    ('severity = {"zh.*" = "fatal"}\n', "severity"),
    ('tolerance = {relative = "small"}\n', "tolerance"),
    ('fail_on = \n', "invalid TOML"),
])
def test_bad_config_names_the_file(tmp_path, body, word):
    bad = write(tmp_path / "factcheck.toml", body)
    with pytest.raises(FactcheckError) as err:
        load_config(tmp_path)
    assert str(bad.resolve()) in str(err.value) and word in str(err.value)


def test_bad_flag_is_reported_as_command_line(tmp_path):
    with pytest.raises(FactcheckError, match="command line"):
        load_config(tmp_path, {"fail_on": "often"})


def test_matches_globs_namespaces_and_all():
    assert matches("zh.share", "zh.*") and matches("zh.share", "zh") and matches("zh.share", "all")
    assert not matches("zh.share", "zh.sum") and not matches("zhx.share", "zh")


def test_apply_config_select_and_ignore(tmp_path):
    write(tmp_path / "factcheck.toml", 'select = ["zh"]\nignore = ["zh.count"]\n')
    fr = file_report("a.txt")
    out = apply_config(fr, load_config(tmp_path))
    assert sorted({f.rule for f in out.findings}) == ["zh.growth", "zh.sum"]
    assert len(fr.findings) == 4  # the input is left alone


def test_severity_override_touches_discrepancies_only_unless_a_table(tmp_path):
    write(tmp_path / "factcheck.toml",
          '[severity]\n"zh.*" = "warning"\n"zh.count" = {unverifiable = "error"}\n')
    fr = file_report("a.txt", findings=[sum_finding(), growth_rounding(), consistent(), count_unverifiable()])
    got = {(f.rule, f.verdict): f.severity for f in apply_config(fr, load_config(tmp_path)).findings}
    assert got == {("zh.sum", "discrepancy"): "warning", ("zh.growth", "rounding"): "info",
                   ("zh.growth", "consistent"): "info", ("zh.count", "unverifiable"): "error"}
