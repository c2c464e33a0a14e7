"""--changed-since: committed, staged, unstaged and untracked changes against a ref, restricted to the paths."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.gitutil import changed_since


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    r = tmp_path / "repo"
    (r / "news").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    for name in ("a.txt", "b.md", "c.txt", "gone.txt"):
        (r / "news" / name).write_text("旧文。\n", encoding="utf-8")
    (r / "notes.txt").write_text("不在新闻目录。\n", encoding="utf-8")
    git(r, "add", ".")
    git(r, "commit", "-q", "-m", "base")
    git(r, "branch", "base")
    monkeypatch.chdir(r)
    return r


def test_committed_staged_unstaged_and_untracked(repo):
    (repo / "news" / "a.txt").write_text("改过并提交。\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit a")
    (repo / "news" / "b.md").write_text("暂存的修改。\n", encoding="utf-8")
    git(repo, "add", "news/b.md")
    (repo / "news" / "c.txt").write_text("未暂存的修改。\n", encoding="utf-8")
    (repo / "news" / "new.html").write_text("<p>新文章</p>\n", encoding="utf-8")
    (repo / "news" / "picture.png").write_bytes(b"\x89PNG")
    (repo / "notes.txt").write_text("目录外的修改。\n", encoding="utf-8")
    (repo / "news" / "gone.txt").unlink()
    got = changed_since("base", [Path("news")])
    assert got == [Path("news/a.txt"), Path("news/b.md"), Path("news/c.txt"), Path("news/new.html")]
    assert changed_since("base", [Path("notes.txt"), Path("news/picture.png")]) == [
        Path("news/picture.png"), Path("notes.txt")]  # named files are kept whatever their suffix


def test_nothing_changed(repo):
    assert changed_since("base", [Path(".")]) == []


def test_unknown_ref(repo):
    with pytest.raises(FactcheckError, match="unknown git ref 'nope'"):
        changed_since("nope", [Path(".")])


def test_not_a_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(FactcheckError, match="not inside a git repository"):
        changed_since("HEAD", [tmp_path])
