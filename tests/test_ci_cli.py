"""End to end through the real command: SARIF from `factcheck run`, the CI sub-commands, and the pre-commit hook
through `pre-commit try-repo`. Skipped, with the reason, while the pipeline or the command is not there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# Our own sentences: two parts and a total that is off by ten; the fixed version adds up.
BROKEN = "第一段：某地概况。\r\n甲县人口30万人，乙县人口50万人，两县合计90万人。\r\n"
FIXED = BROKEN.replace("合计90万人", "合计80万人")


def _command() -> str:
    try:
        import factcheck.api  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"factcheck.api is not available yet: {exc}")
    exe = shutil.which("factcheck")
    if exe is None:
        pytest.skip("the `factcheck` command is not installed (pip install -e .)")
    probe = subprocess.run([exe, "run", "--help"], check=False, capture_output=True, text=True)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"`factcheck run` is not available yet: {last}")
    return exe


@pytest.fixture
def factcheck_cmd():
    return _command()


def run(cmd: list[str], cwd: Path, check: bool = False, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=check, **kw)


def test_run_writes_schema_valid_sarif(factcheck_cmd, tmp_path):
    (tmp_path / "a.txt").write_bytes(BROKEN.encode("utf-8"))
    out = run([factcheck_cmd, "run", "--format", "sarif", "--output", "out.sarif", "a.txt"], tmp_path)
    assert out.returncode == 1, out.stderr
    doc = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    results = doc["runs"][0]["results"]
    assert results and results[0]["level"] == "error"
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 2
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"

    (tmp_path / "a.txt").write_bytes(FIXED.encode("utf-8"))
    out = run([factcheck_cmd, "run", "--format", "sarif", "--output", "out.sarif", "a.txt"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []


def test_baseline_create_then_run_passes(factcheck_cmd, tmp_path):
    (tmp_path / "a.txt").write_bytes(BROKEN.encode("utf-8"))
    out = run([factcheck_cmd, "baseline", "create", "a.txt", "-o", "base.json"], tmp_path)
    assert out.returncode == 0, out.stderr
    base = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in base["findings"]] == ["a.txt"]
    out = run([factcheck_cmd, "run", "--format", "github", "--baseline", "base.json", "a.txt"], tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr


def test_config_show_names_the_source(factcheck_cmd, tmp_path):
    (tmp_path / "factcheck.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    out = run([factcheck_cmd, "config", "show", "--json", "."], tmp_path)
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["values"]["fail_on"] == "warning"
    assert shown["sources"]["fail_on"].endswith("factcheck.toml") and shown["sources"]["select"] == "default"
    (tmp_path / "factcheck.toml").write_text("colour = 1\n", encoding="utf-8")
    out = run([factcheck_cmd, "config", "show", "."], tmp_path)
    assert out.returncode == 2 and "factcheck.toml" in out.stderr


def test_precommit_hook_fails_then_passes(factcheck_cmd, tmp_path):
    precommit = shutil.which("pre-commit")
    if precommit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs the project as a git repository")
    repo = tmp_path / "articles"
    repo.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    run([*git, "init", "-q"], repo, env=env, check=True)
    (repo / "news.txt").write_bytes(BROKEN.encode("utf-8"))
    run([*git, "add", "news.txt"], repo, env=env, check=True)
    hook = [precommit, "try-repo", str(ROOT), "factcheck", "--files", "news.txt", "--verbose"]
    first = run(hook, repo, env=env, timeout=900)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout and "90万人" in first.stdout
    (repo / "news.txt").write_bytes(FIXED.encode("utf-8"))
    second = run(hook, repo, env=env, timeout=900)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def _app():
    pytest.importorskip("factcheck.api", reason="factcheck.api (the checking pipeline) is not available yet")
    import typer

    from factcheck import cli_ci

    app = typer.Typer()

    @app.command()
    def run() -> None:  # a stand-in so typer keeps sub-command mode; the real one is in cli.py
        pass

    cli_ci.register(app)
    return app


def test_cli_ci_baseline_create_without_main_cli(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    app = _app()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(BROKEN.encode("utf-8"))
    (tmp_path / "a.txt.factcheck-ignore").write_text("zh.nothing: 示例\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["baseline", "create", "a.txt", "-o", "base.json"])
    assert result.exit_code == 0, result.output
    base = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert base["version"] == 1 and len(base["findings"]) >= 1
    assert {e["path"] for e in base["findings"]} == {"a.txt"}
    result = CliRunner().invoke(app, ["baseline", "create", "missing.txt", "-o", "base.json"])
    assert result.exit_code == 2


def test_cli_ci_config_show_without_main_cli(tmp_path):
    from typer.testing import CliRunner

    app = _app()
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nignore = ["zh.share"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["config", "show", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f'ignore = ["zh.share"]  # {(tmp_path / "pyproject.toml").resolve()}' in result.output
    assert 'fail_on = "error"  # default' in result.output


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-v"]))
