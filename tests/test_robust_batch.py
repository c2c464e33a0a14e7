"""Batches: a folder walked by extension, .gitignore respected, worker processes, the same report in the same
order whatever the number of workers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SENTENCES = [
    "全年投入资金10亿元，其中甲市6亿元、乙市4亿元。",
    "车间吸纳200人就业，其中贫困户50人、占35%。",
    "合作社社员由2018年的120户增加到今年的205户，增加了95户。",
    "2022年，全市投入治理资金80万元。2023年，全市投入治理资金100万元，比上年增长25%。",
]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=300, check=False)


def make_batch(root: Path, n: int = 24) -> None:
    for i in range(n):
        sub = root / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        text = "\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 4))
        (sub / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")
    (root / "part0" / "data.csv").write_text("1,2,3\n", encoding="utf-8")  # not an article: not by extension


def without_timestamp(out: str) -> dict:
    report = json.loads(out)
    report.pop("generated", None)
    return report


def test_one_worker_and_two_workers_give_the_same_report(tmp_path):
    make_batch(tmp_path)
    one = cli("run", "--format", "json", "--jobs", "1", str(tmp_path))
    two = cli("run", "--format", "json", "--jobs", "2", str(tmp_path))
    assert one.returncode == two.returncode == 1, (one.stderr, two.stderr)
    assert "Traceback" not in one.stderr + two.stderr
    assert without_timestamp(one.stdout) == without_timestamp(two.stdout)
    paths = [fr["path"] for fr in json.loads(one.stdout)["files"]]
    assert len(paths) == 24 and paths == sorted(paths)
    assert not any(p.endswith(".csv") for p in paths)


EXTRA_RULE = """\
rules:
  - id: extra.remainder
    kind: difference
    language: zh
    description: A用去B还剩C：what is left must be A - B.
    pattern: '{a:amount}{~6}用去{b:amount}{~4}还剩{d:amount}'
    relation: 'a - b = d'
    stated: d
    examples:
      - text: 仓库存粮500吨，用去120吨，还剩380吨。
        expect: consistent
      - text: 仓库存粮500吨，用去120吨，还剩390吨。
        expect: discrepancy
"""


def test_extra_rule_file_is_used_by_every_worker(tmp_path):
    arts = tmp_path / "articles"
    make_batch(arts, n=8)
    for i in range(8):
        (arts / f"part{i % 3}" / f"store-{i}.txt").write_text(f"仓库存粮500吨，用去120吨，还剩{380 + i % 2 * 10}吨。",
                                                              encoding="utf-8")
    (tmp_path / "extra.yaml").write_text(EXTRA_RULE, encoding="utf-8")
    r = cli("run", "--format", "json", "--jobs", "2", "--rules", str(tmp_path / "extra.yaml"), str(arts))
    assert "Traceback" not in r.stderr
    found = [(Path(fr["path"]).name, f["verdict"]) for fr in json.loads(r.stdout)["files"] for f in fr["findings"]
             if f["rule"] == "extra.remainder"]
    assert sorted(found) == sorted((f"store-{i}.txt", "discrepancy" if i % 2 else "consistent") for i in range(8))


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_articles_ignored_by_gitignore_are_skipped_when_walking(tmp_path):
    make_batch(tmp_path, n=6)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("part1/\narticle-003.txt\n", encoding="utf-8")
    r = cli("run", "--format", "json", "--fail-on", "never", str(tmp_path), cwd=tmp_path)
    names = sorted(Path(fr["path"]).name for fr in json.loads(r.stdout)["files"])
    assert names == ["article-000.txt", "article-002.txt", "article-005.txt"]
    # named on the command line, an ignored file is still checked
    r = cli("run", "--format", "json", "--fail-on", "never", str(tmp_path / "part0" / "article-003.txt"),
            cwd=tmp_path)
    assert [Path(fr["path"]).name for fr in json.loads(r.stdout)["files"]] == ["article-003.txt"]


def test_a_worker_crash_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    from factcheck import batch
    from factcheck.checker import Checker
    from factcheck.stream import JsonLinesStream

    def boom(*a, **k):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr("factcheck.api.check_file", boom)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    f = tmp_path / "a.txt"
    f.write_text(SENTENCES[0], encoding="utf-8")
    batch._init(batch.Job(checker=Checker(), stream=JsonLinesStream(None, None, 1), configs={}))
    res = batch.check_one(batch.Item(0, str(f), str(tmp_path)))
    assert res.report is None
    assert res.error.startswith(f"{f}: internal error: ZeroDivisionError: simulated bug") and "\n" not in res.error


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    make_batch(tmp_path, n=6)
    r = cli("run", "--format", "json", "--output", str(tmp_path / "out.json"), str(tmp_path))
    assert r.stderr.strip().splitlines() == [f"factcheck: wrote {tmp_path / 'out.json'}"]
    assert os.path.getsize(tmp_path / "out.json") > 0


def test_the_compact_list_of_articles_gives_back_every_path_root_and_problem():
    from factcheck.batch import Items, Shown

    entries = [("a.txt", "/r", None), ("/r/sub/b.txt", "/r", None), ("/r/sub/c\udcff.txt", "/r", None),
               ("/r/locked", "", "/r/locked: cannot list this folder (Permission denied)"),
               ("/r/sub/d.md", "/other", None), ("/r/sub/é.txt", "/r", None)]
    items = Items(entries)
    assert len(items) == len(entries)
    assert [(i.index, i.path, i.root, i.problem) for i in items] == [(k, *e) for k, e in enumerate(entries)]
    assert list(items.checkable()) == ["a.txt", "/r/sub/b.txt", "/r/sub/c\udcff.txt", "/r/sub/d.md", "/r/sub/é.txt"]
    assert list(Shown(items))[2] != entries[2][0] and "\udcff" not in list(Shown(items))[2]
    items.shared = {4}
    assert [i.parent_baseline for i in items] == [False, False, False, False, True, False]


def test_a_folder_listed_in_a_child_process_gives_the_same_articles(tmp_path):
    from factcheck import batch

    make_batch(tmp_path, 7)
    (tmp_path / "one.txt").write_text(SENTENCES[0], encoding="utf-8")
    forked = batch.list_items([tmp_path, tmp_path / "one.txt"], None)
    here = batch._listed([tmp_path, tmp_path / "one.txt"], None)
    assert [(i.path, i.root) for i in forked] == [(i.path, i.root) for i in here]
    assert len(forked) == 8 + 1 and forked[8].path == str(tmp_path / "one.txt")
    with pytest.raises(Exception, match="no such file"):
        batch.list_items([tmp_path, tmp_path / "missing.txt"], None)
