"""Streamed batches write, byte for byte, what each renderer gives for the whole report at once, with worker
processes, in input order."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import ROOT, run_cli
from factcheck.checker import Checker
from factcheck.model import Report
from factcheck.report import get_renderer
from test_robust_batch import make_batch


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    make_batch(root, n=9)
    for name in ("zh-example.txt", "en-example.txt", "en-traps.txt"):  # errors, slips and notes in both languages
        shutil.copyfile(ROOT / "examples" / name, root / name)
    return root


def _whole(fmt: str, reports, keep_quantities: bool = False) -> str:
    for fr in reports:
        if not keep_quantities:
            fr.quantities = []
    return get_renderer(fmt, tty=False).render(Report(version="0.1.0", files=reports))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "junit", "github", "rdjsonl", "text"])
def test_a_streamed_batch_is_the_whole_report(batch, tmp_path, fmt):
    root = batch
    out = tmp_path / f"report.{fmt}"
    r = run_cli("run", "--format", fmt, "--jobs", "2", "--fail-on", "never", "-o", str(out), str(root))
    assert r.returncode == 0, r.stderr
    got = out.read_text(encoding="utf-8")
    from factcheck.api import collect_paths

    want = _whole(fmt, [Checker().check_file(f) for f in collect_paths([root])])
    if fmt == "json":
        got, want = json.loads(got), json.loads(want)
        got.pop("generated"), want.pop("generated")
        assert len(got["files"]) == 12
    assert got == want
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed into place


def test_stdout_gets_the_json_document_in_its_usual_shape(batch):
    root = batch
    r = run_cli("run", "--format", "json", "--jobs", "2", str(root))
    doc = json.loads(r.stdout)
    assert list(doc) == ["tool", "version", "generated", "files", "warnings"]
    assert [f["path"] for f in doc["files"]] == sorted(f["path"] for f in doc["files"])


def test_html_pages_are_written_one_by_one_and_the_index_is_the_same(batch, tmp_path):
    root = batch
    r = run_cli("run", "--format", "html", "--jobs", "2", "-o", str(tmp_path / "pages") + "/", str(root))
    assert r.returncode == 1, r.stderr
    from factcheck.api import collect_paths

    reports = [Checker().check_file(f) for f in collect_paths([root])]
    want = get_renderer("html").render_pages(Report(version="0.1.0", generated="T", files=reports))
    got = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "pages").iterdir()}
    assert sorted(got) == sorted(want) and len(got) == 13

    def same(s: str) -> str:
        return re.sub(r"Checked [^ <]* with", "Checked T with", s)

    for name in want:
        assert same(got[name]) == same(want[name]), name


def test_an_interrupted_report_leaves_no_file_behind(tmp_path):
    from factcheck.fileio import AtomicFile

    target = tmp_path / "r.json"
    sink = AtomicFile(target, set())
    sink.write("{")
    sink.abort()
    assert list(tmp_path.iterdir()) == []
