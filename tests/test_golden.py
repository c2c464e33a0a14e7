"""Golden reports of the example article in reports/: a change in output must be deliberate.

Regenerate after an intended change with:  FACTCHECK_REGEN=1 python -m pytest tests/test_golden.py
"""

import os

import pytest

from conftest import ROOT
from factcheck.api import check_file
from factcheck.model import Report
from factcheck.report import get_renderer

GOLDEN = ROOT / "reports"


def _report() -> Report:
    fr = check_file(ROOT / "examples" / "zh-example.txt")
    fr.path = "examples/zh-example.txt"
    return Report(version="0.0.0", generated="2000-01-01T00:00:00+00:00", files=[fr])


@pytest.mark.parametrize("fmt,name", [("json", "zh-example.json"), ("html", "zh-example.html"),
                                      ("sarif", "zh-example.sarif")])
def test_golden_report(fmt, name, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = get_renderer(fmt).render(_report())
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_REGEN"):
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"{name} is missing: create it with FACTCHECK_REGEN=1"
    assert out == path.read_text(encoding="utf-8"), f"{name} changed: regenerate with FACTCHECK_REGEN=1 if intended"
