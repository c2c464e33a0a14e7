"""Whatever lands in the articles folder, `factcheck run` gives a correct report or exit 2 with one clear line on
stderr, and never a traceback. Every file here is written by the test from sentences of our own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.read import decode_bytes, make_document
from factcheck.read.decode import MAX_BYTES

SENTENCE = "全年投入资金10亿元，其中甲市6亿元、乙市4亿元。"
TRADITIONAL = "全年投入資金10億元，其中甲市6億元、乙市4億元。"
WRONG = "全年投入资金10亿元，其中甲市6亿元、乙市7亿元。"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args],
                          capture_output=True, text=True, check=False,
                          cwd=cwd, env=env, timeout=120)


def run_json(path: Path) -> tuple[subprocess.CompletedProcess, dict | None]:
    r = run("run", "--format", "json", "--fail-on", "never", str(path))
    assert "Traceback" not in r.stderr
    return r, (json.loads(r.stdout) if r.returncode == 0 else None)


def refused(path: Path, *words: str) -> str:
    r = run("run", "--format", "json", str(path))
    assert r.returncode == 2, r.stdout
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def sum_findings(report: dict) -> list[dict]:
    return [f for fr in report["files"] for f in fr["findings"] if f["kind"] == "sum"]


@pytest.mark.parametrize("name,data", [
    ("utf8", SENTENCE.encode("utf-8")),
    ("utf8-bom", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8")),
    ("gb18030", SENTENCE.encode("gb18030")),
    ("gbk", SENTENCE.encode("gbk")),
    ("big5", TRADITIONAL.encode("big5")),
    ("utf16-le-bom", SENTENCE.encode("utf-16")),
    ("utf16-be-bom", b"\xfe\xff" + SENTENCE.encode("utf-16-be")),
    ("utf32-bom", SENTENCE.encode("utf-32")),
], ids=lambda x: x if isinstance(x, str) else "")
def test_each_encoding_is_decoded_and_checked(tmp_path, name, data):
    f = tmp_path / f"{name}.txt"
    f.write_bytes(data)
    r, report = run_json(f)
    assert r.returncode == 0, r.stderr
    sums = sum_findings(report)
    assert len(sums) == 1 and sums[0]["verdict"] == "consistent"
    assert sums[0]["line"] == 1
    assert sums[0]["column"] == SENTENCE.index("10") + 1  # a BOM is not a column anyone sees


def test_big5_is_not_mistaken_for_gb18030():
    text = "據統計，全年營業收入達到三萬兩千元，較上年增長百分之十二點五。"
    assert decode_bytes(text.encode("big5")) == (text, "big5")


def test_gbk_is_not_mistaken_for_big5():
    text = "据统计，全年营业收入达到三万两千元，较上年增长百分之十二点五。"
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_traditional_text_finds_the_discrepancy(tmp_path):
    f = tmp_path / "trad.txt"
    f.write_bytes("全年投入資金10億元，其中甲市6億元、乙市7億元。".encode("big5"))
    _, report = run_json(f)
    assert [s["verdict"] for s in sum_findings(report)] == ["discrepancy"]


def test_utf16_without_bom_is_refused_with_advice(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("Total 10 million, of which 6 million and 4 million.".encode("utf-16-le"))
    refused(f, "UTF-16", "UTF-8")


def test_broken_utf16_after_a_bom_is_refused(tmp_path):
    f = tmp_path / "bad16.txt"
    f.write_bytes(b"\xff\xfe" + SENTENCE.encode("utf-16-le")[:-1] + b"\x00\xd8")  # a lone surrogate at the end
    refused(f, "UTF-16")


def test_binary_file_is_refused(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(bytes(range(256)) * 40)
    refused(f, "photo.txt", "binary")


def test_nul_bytes_inside_text_are_refused(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(SENTENCE.encode() + b"\x00" + SENTENCE.encode())
    refused(f, "nul.txt", "NUL")


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  "], ids=["zero-bytes", "whitespace"])
def test_empty_file_is_refused(tmp_path, data):
    f = tmp_path / "empty.txt"
    f.write_bytes(data)
    refused(f, "empty.txt", "empty")


def test_file_over_the_size_limit_is_refused_from_its_size(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:  # sparse: 100 MB on paper, no time to write it
        fh.truncate(100 * 1024 * 1024)
    assert f.stat().st_size > MAX_BYTES
    refused(f, "huge.txt", "100 MB", "limit")


def test_a_line_of_a_million_digits_gives_a_report(tmp_path):
    f = tmp_path / "digits.txt"
    f.write_text("1" * 1_000_000 + "\n" + SENTENCE, encoding="utf-8")
    r, report = run_json(f)
    assert r.returncode == 0, r.stderr
    sums = sum_findings(report)
    assert [(s["line"], s["verdict"]) for s in sums] == [(2, "consistent")]


def test_line_and_column_are_right_with_crlf_and_mixed_endings(tmp_path):
    text = "第一行没有数字\r\n" + SENTENCE + "\r\n第三行\r" + "甲地" + WRONG + "\n\n" + SENTENCE
    f = tmp_path / "mixed.txt"
    f.write_bytes(text.encode("utf-8"))
    _, report = run_json(f)
    got = [(s["line"], s["column"], s["verdict"]) for s in sum_findings(report)]
    col = SENTENCE.index("10") + 1
    assert got == [(2, col, "consistent"), (4, col + 2, "discrepancy"), (6, col, "consistent")]
    doc = make_document(text)
    for s in sum_findings(report):  # the offsets in the report point at the figure in the text as decoded
        assert text[s["start"]:s["end"]] == doc.text[s["start"]:s["end"]]


def test_folder_without_articles_is_refused(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    refused(tmp_path, str(tmp_path), "no articles")


def test_missing_file_is_refused(tmp_path):
    refused(tmp_path / "nowhere.txt", "nowhere.txt", "no such file")


def test_one_bad_file_in_a_batch_still_reports_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(WRONG, encoding="utf-8")
    r = run("run", "--format", "json", "--jobs", "1", str(tmp_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"factcheck: {tmp_path / 'b.txt'}: the file is empty"]
    report = json.loads(r.stdout)
    assert [Path(fr["path"]).name for fr in report["files"]] == ["a.txt", "b.txt", "c.txt"]
    assert [fr["error"] for fr in report["files"]] == [None, f"{tmp_path / 'b.txt'}: the file is empty", None]
    assert report["files"][1]["findings"] == [] and report["files"][2]["findings"]


def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path):
    f = tmp_path / "article.txt"
    f.write_text(WRONG, encoding="utf-8")
    before = f.read_bytes()
    r = run("run", "--format", "json", "--output", str(f), str(f))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "refusing to overwrite an input" in r.stderr
    assert f.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]  # no temporary file left behind


def test_report_is_written_whole_to_the_output_file(tmp_path):
    f = tmp_path / "article.txt"
    f.write_text(WRONG, encoding="utf-8")
    out = tmp_path / "out" / "report.json"
    r = run("run", "--format", "json", "--output", str(out), str(f))
    assert r.returncode == 1, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["files"][0]["findings"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.json"]
