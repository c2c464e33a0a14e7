"""The entry point's own parser for `factcheck run` (factcheck/main.py) gives the options typer gives, and leaves
to typer whatever it does not take."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import main as entry
from factcheck.runner import RunOptions

from conftest import EXAMPLE


def _typer_options(args: list[str], monkeypatch) -> RunOptions:
    import factcheck.runner
    from factcheck import cli

    got: list[RunOptions] = []
    monkeypatch.setattr(factcheck.runner, "execute", lambda o: got.append(o) or 0)
    try:
        cli.app(args, standalone_mode=False)
    except SystemExit:
        pass
    assert got, f"typer did not run `{' '.join(args)}`"
    return got[0]


AGREED = [
    ["run", "a.txt"],
    ["run", "a.txt", "b.md", "folder"],
    ["run", "-"],
    ["run", "a.txt", "--format", "json", "-o", "out.json"],
    ["run", "--format=sarif", "--output=-", "a.txt"],
    ["run", "-f", "json", "-o", "-", "a.txt"],
    ["run", "a.txt", "--rules", "r1.yaml", "--rules", "r2/", "--language", "zh"],
    ["run", "a.txt", "--fail-on", "warning", "--baseline", "base.json", "--changed-since", "origin/main"],
    ["run", "a.txt", "--jobs", "2", "-v", "--warn-unused-ignores"],
    ["run", "a.txt", "-j", "0", "-q", "--only", "problems"],
    ["run", "a.txt", "--fail-on=never", "--only=errors", "--quiet", "--verbose"],
]


@pytest.mark.parametrize("args", AGREED, ids=" ".join)
def test_the_quick_parser_gives_what_typer_gives(args, monkeypatch) -> None:
    quick = entry.parse_run(args)
    assert quick is not None
    assert RunOptions(**quick) == _typer_options(args, monkeypatch)


@pytest.mark.parametrize("args", [
    [], ["--help"], ["--version"], ["rules", "list"], ["run"], ["run", "--help"], ["run", "a.txt", "-h"],
    ["run", "a.txt", "--jobs", "x"], ["run", "a.txt", "--jobs", "-1"], ["run", "a.txt", "--fail-on", "Error"],
    ["run", "a.txt", "--only", "some"], ["run", "a.txt", "-vq"], ["run", "a.txt", "-fjson"],
    ["run", "a.txt", "--format"], ["run", "a.txt", "--format", "--verbose"], ["run", "a.txt", "--verbose=1"],
    ["run", "a.txt", "-f", "json", "-f", "text"], ["run", "a.txt", "-v", "-v"], ["run", "--", "a.txt"],
    ["run", "-x.txt"], ["run", "a.txt", "--no-such-option"], ["run", ""],
], ids=lambda a: " ".join(a) or "(none)")
def test_anything_else_is_left_to_typer(args) -> None:
    assert entry.parse_run(args) is None


def test_every_option_of_run_is_known_to_the_quick_parser() -> None:
    """A new option of `run` in cli.py must be added to main.RUN_OPTIONS too (until then it would only be slow)."""
    import typer.main

    from factcheck import cli

    command = typer.main.get_command(cli.app).commands["run"]
    spellings = {o for p in command.params if p.param_type_name == "option" for o in p.opts if o != "--help"}
    assert spellings == set(entry.RUN_OPTIONS)
    fields = {p.name for p in command.params}
    assert fields == {f for f, _ in entry.RUN_OPTIONS.values()} | {"paths"}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_the_entry_point_runs_a_check_without_importing_typer(tmp_path) -> None:
    code = ("import sys, runpy; sys.argv = ['factcheck', 'run', '--format', 'json', %r]\n"
            "try:\n    runpy.run_module('factcheck', run_name='__main__')\n"
            "except SystemExit as e:\n    print('exit', e.code, 'typer' in sys.modules, file=sys.stderr)\n"
            % str(EXAMPLE))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert '"findings"' in r.stdout
    assert r.stderr.strip().splitlines()[-1] == "exit 1 False"  # findings at error level: exit code 1


def test_errors_and_help_are_typer_s(tmp_path) -> None:
    r = _run("run", str(EXAMPLE), "--jobs", "x", cwd=tmp_path)
    assert r.returncode == 2 and "Invalid value for '--jobs'" in r.stderr
    r = _run("run", "--help", cwd=tmp_path)
    assert r.returncode == 0 and "--fail-on" in r.stdout
    r = _run("run", str(tmp_path / "missing.txt"), cwd=tmp_path)
    assert r.returncode == 2 and "no such file" in r.stderr
