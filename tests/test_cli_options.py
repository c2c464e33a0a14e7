"""Options and outputs an editor can trust (issue 10, items 5, 6 and the input part of 7), through the real CLI:
every option and config key is checked (a typo is an error, never a silent "0 findings"), `-o reports/` means a
folder, reports are readable by others, `factcheck run -` reads standard input, and a Word or PDF file gets advice
instead of "NUL bytes". Every article here is our own."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

WRONG = "全年投入资金10亿元，其中甲市6亿元、乙市5亿元。今年共有145人参加，其中97人、占77%。"


def fc(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args], cwd=cwd,
                       input=stdin, capture_output=True, timeout=60, check=False)
    assert b"Traceback" not in r.stderr, r.stderr.decode()
    return r


@pytest.fixture
def article(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    return tmp_path / "a.txt"


@pytest.mark.parametrize("args, words", [
    (("--language", "cn"), ("--language", "cn", "zh, en or auto")),
    (("--language", "EN"), ("--language", "EN")),
    (("--format", "sarif2"), ("unknown format", "sarif2")),
    (("--jobs", "-3"), ("--jobs",)),
    (("--fail-on", "sometimes"), ("sometimes",)),
    (("--baseline", "missing.json"), ("missing.json",)),
    (("--rules", "missing-rules"), ("missing-rules",)),
])
def test_a_bad_option_is_an_error_not_a_silent_pass(tmp_path, article, args, words):
    r = fc("run", *args, "a.txt", cwd=tmp_path)
    assert r.returncode == 2, r.stdout
    for w in words:
        assert w in r.stderr.decode(), r.stderr


@pytest.mark.parametrize("body, words", [
    ('language = "cn"\n', ("language", "cn")),
    ('format = "sarif2"\n', ("unknown format", "sarif2")),
    ('select = ["zh.sun"]\n', ("select", "zh.sun", "matches no rule")),
    ('output = "/tmp/elsewhere.json"\n', ("output", "relative path")),
    ('rules = ["/etc"]\n', ("rules", "relative path")),
    ('colour = "red"\n', ("colour",)),
])
def test_a_bad_config_key_is_an_error_naming_the_file(tmp_path, article, body, words):
    (tmp_path / "factcheck.toml").write_text(body, encoding="utf-8")
    r = fc("run", "a.txt", cwd=tmp_path)
    assert r.returncode == 2, r.stdout
    assert "factcheck.toml" in r.stderr.decode()
    for w in words:
        assert w in r.stderr.decode(), r.stderr


def test_language_auto_is_accepted(tmp_path, article):
    assert fc("run", "--language", "auto", "a.txt", cwd=tmp_path).returncode == 1
    (tmp_path / "factcheck.toml").write_text('language = "auto"\n', encoding="utf-8")
    assert fc("run", "a.txt", cwd=tmp_path).returncode == 1


def test_an_ignore_or_severity_glob_that_matches_nothing_is_a_warning(tmp_path, article):
    (tmp_path / "factcheck.toml").write_text('ignore = ["zh.sun"]\n[severity]\n"zh.shar" = "info"\n')
    r = fc("run", "a.txt", cwd=tmp_path)
    assert r.returncode == 1
    assert 'ignore: "zh.sun" matches no rule' in r.stdout.decode()
    assert 'severity: "zh.shar" matches no rule' in r.stdout.decode()


@pytest.mark.parametrize("fmt, name", [("json", "factcheck-report.json"), ("sarif", "factcheck-report.sarif"),
                                       ("html", "a.html")])
def test_output_with_a_trailing_slash_or_an_existing_folder_is_a_folder(tmp_path, article, fmt, name):
    r = fc("run", "-f", fmt, "-o", "reports/", "a.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert (tmp_path / "reports").is_dir() and (tmp_path / "reports" / name).is_file()
    (tmp_path / "existing").mkdir()
    assert fc("run", "-f", fmt, "-o", "existing", "a.txt", cwd=tmp_path).returncode == 1
    assert (tmp_path / "existing" / name).is_file()


def test_output_dash_is_standard_output(tmp_path, article):
    r = fc("run", "-f", "json", "-o", "-", "a.txt", cwd=tmp_path)
    assert r.returncode == 1 and json.loads(r.stdout)["files"][0]["findings"]
    assert not (tmp_path / "-").exists()


def test_outputs_are_readable_by_others_under_the_umask(tmp_path, article):
    old = os.umask(0o022)
    try:
        r = fc("run", "-f", "html", "-o", "site/", "a.txt", cwd=tmp_path)
        r2 = fc("run", "-f", "sarif", "-o", "out.sarif", "a.txt", cwd=tmp_path)
    finally:
        os.umask(old)
    assert r.returncode == r2.returncode == 1
    for p in (tmp_path / "site" / "a.html", tmp_path / "site" / "index.html", tmp_path / "out.sarif"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, (p, oct(p.stat().st_mode))


def test_dash_reads_the_article_from_standard_input(tmp_path):
    r = fc("run", "-f", "json", "-", cwd=tmp_path, stdin=WRONG.encode("utf-8"))
    assert r.returncode == 1
    (fr,) = json.loads(r.stdout)["files"]
    assert fr["path"] == "<stdin>" and any(f["verdict"] == "discrepancy" for f in fr["findings"])
    r = fc("run", "-", cwd=tmp_path, stdin=WRONG.encode("gb18030"))
    assert r.returncode == 1 and "<stdin>" in r.stdout.decode() and "77%" in r.stdout.decode()
    r = fc("run", "-f", "html", "-", cwd=tmp_path, stdin=WRONG.encode("utf-8"))
    assert r.returncode == 1 and (tmp_path / "reports" / "stdin.html").is_file()
    r = fc("run", "-", cwd=tmp_path, stdin=b"")
    assert r.returncode == 2 and "<stdin>: the file is empty" in r.stderr.decode()
    r = fc("run", "-", "a.txt", cwd=tmp_path, stdin=b"")
    assert r.returncode == 2 and "standard input" in r.stderr.decode()


@pytest.mark.parametrize("name, data, what", [
    ("story.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 64, "a Word document"),
    ("story.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + b"\x00" * 16, "a PDF document"),
    ("story.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "a Word (.doc) document"),
])
def test_word_and_pdf_files_get_advice_not_nul_bytes(tmp_path, name, data, what):
    (tmp_path / name).write_bytes(data)
    r = fc("run", name, cwd=tmp_path)
    assert r.returncode == 2
    line = r.stderr.decode().strip()
    assert line == f"factcheck: {name}: {what}, not text: save it as text (or pass the HTML)"
