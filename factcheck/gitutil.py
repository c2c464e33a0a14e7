"""Every call to git, made safe for untrusted pull requests.

git runs only on the repository that the *working directory* belongs to, found once, and then always with its git
dir and work tree passed explicitly, so git never discovers a repository on its own inside the article tree. An
article folder can itself look like a repository (`HEAD`, `config`, `objects/`, `refs/` are ordinary files a pull
request can add), and its `config` could name a program to run (`core.fsmonitor`, `diff.external`, ...). So:
`safe.bareRepository=explicit` (a folder that is itself a git dir is never used), `core.fsmonitor=false`, no
external diff or textconv drivers, `GIT_CEILING_DIRECTORIES` above the top-level, git's own environment
variables dropped, and git's working directory is the top-level, never an article folder.

`changed_since`: what a reviewer would see: every file added, modified or renamed between the merge base of REF
and HEAD and the working tree (committed, staged and unstaged changes), plus untracked files that are not
ignored. Deleted files are left out. Folders given on the command line keep only article files (.txt, .text,
.md, .markdown, .html, .htm); files named explicitly are kept whatever their suffix. CI must fetch enough
history for the merge base (actions/checkout with fetch-depth: 0).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .display import clean
from .errors import FactcheckError
from .fileio import inside

if TYPE_CHECKING:
    import subprocess  # imported where git runs: a run outside a repository never starts a process

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}  # as api.collect_paths
SAFE_CONFIG = ("-c", "core.fsmonitor=false", "-c", "safe.bareRepository=explicit", "-c", "core.hooksPath=/dev/null",
               "-c", "diff.external=", "-c", "core.pager=cat", "-c", "core.untrackedCache=false")
TIMEOUT = 60


@dataclass(frozen=True)
class Repo:
    top: Path  # the work tree's top-level, resolved
    git_dir: Path  # resolved


def _env(ceiling: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    if ceiling is not None:
        env["GIT_CEILING_DIRECTORIES"] = str(ceiling)
    return env


def _run(args: list[str], cwd: Path, ceiling: Path | None, stdin: str | None = None) -> subprocess.CompletedProcess:
    import subprocess

    try:
        return subprocess.run(["git", *SAFE_CONFIG, *args], cwd=cwd, env=_env(ceiling), input=stdin,
                              capture_output=True, text=True, encoding="utf-8", errors="surrogateescape",
                              timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise FactcheckError(f"git {args[0] if args else ''} took more than {TIMEOUT} s") from None
    except OSError as exc:
        raise FactcheckError(f"git is not available: {exc}") from None


_REFUSED: dict[str, str] = {}  # working directory -> why git refused it (a folder that is itself a git dir)


def _may_find_repo(cwd: str) -> bool:
    """Whether git could find a repository from cwd: a folder from cwd up to / holds .git, or may itself be a git
    dir (it holds HEAD). Without either, git would find nothing, and is not run (a process costs a one-article run
    ~10 ms)."""
    d = cwd
    while True:
        if os.path.lexists(os.path.join(d, ".git")) or os.path.lexists(os.path.join(d, "HEAD")):
            return True
        parent = os.path.dirname(d)
        if parent == d:
            return False
        d = parent


@functools.lru_cache(maxsize=8)
def _repo_of(cwd: str) -> Repo | None:
    if not _may_find_repo(cwd):
        return None
    try:
        out = _run(["rev-parse", "--show-toplevel", "--absolute-git-dir"], Path(cwd), None)
    except FactcheckError:
        return None
    lines = out.stdout.splitlines()
    if out.returncode != 0 or len(lines) != 2:
        if "safe.bareRepository" in out.stderr:
            _REFUSED[cwd] = "is itself a git directory (HEAD, config, objects/ ...), which git is not allowed to use"
        return None
    return Repo(Path(os.path.realpath(lines[0])), Path(os.path.realpath(lines[1])))


def repo() -> Repo | None:
    """The repository of the working directory (None outside one, or when git is missing)."""
    return _repo_of(os.getcwd())


def toplevel() -> Path | None:
    r = repo()
    return r.top if r else None


def git(r: Repo, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """git on the repository r, with its git dir and work tree explicit, run from its top-level."""
    return _run([f"--git-dir={r.git_dir}", f"--work-tree={r.top}", *args], r.top, r.top.parent, stdin)


def _out(r: Repo, *args: str) -> str:
    import subprocess

    res = git(r, *args)
    if res.returncode != 0:
        raise subprocess.CalledProcessError(res.returncode, args, res.stdout, res.stderr)
    return res.stdout


def ignored(files: list[Path]) -> set[Path]:
    """Which of these files (resolved paths) .gitignore ignores, in the working directory's repository. Files
    outside it are never ignored; without git nothing is."""
    r = repo()
    if r is None:
        return set()
    mine = [f for f in files if inside(f, r.top) and f != r.top]
    if not mine:
        return set()
    rel = [f.relative_to(r.top).as_posix() for f in mine]
    res = git(r, "check-ignore", "--stdin", "-z", stdin="\0".join(rel) + "\0")
    if res.returncode not in (0, 1):  # 0: some ignored, 1: none ignored
        return set()
    return {(r.top / x) for x in res.stdout.split("\0") if x}


def changed_since(ref: str, paths: list[Path]) -> list[Path]:
    import subprocess

    paths = [Path(p) for p in paths] or [Path(".")]
    r = repo()
    if r is None:
        why = _REFUSED.get(os.getcwd(), "is not inside a git repository")
        raise FactcheckError(f"--changed-since: the working directory {clean(os.getcwd())} {why} (run factcheck "
                             "from the repository's checkout)")
    if ref.startswith("-"):
        raise FactcheckError(f"--changed-since: {clean(ref)!r} is not a git ref")
    for p in paths:
        if not inside(Path(os.path.realpath(p)), r.top):
            raise FactcheckError(f"--changed-since: {clean(p)} is outside the repository {clean(r.top)}")
    try:
        _out(r, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--changed-since: unknown git ref {clean(ref)!r} (is it fetched? use fetch-depth: 0)") \
            from None
    try:
        base = _out(r, "merge-base", "--end-of-options", ref, "HEAD").strip()
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--changed-since: no common history between {clean(ref)!r} and HEAD "
                             "(a shallow clone? fetch more history)") from None
    names = _out(r, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv",
                 "--diff-filter=d", base, "--").split("\0")
    names += _out(r, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    # Paths as git names them, under the top-level: no symlink in them is followed here (reading checks links).
    changed = {r.top / n for n in names if n}

    out: set[Path] = set()
    for p in paths:
        target = Path(os.path.realpath(p))
        if target.is_dir():
            out.update(c for c in changed if c.suffix.lower() in ARTICLE_SUFFIXES and inside(c, target)
                       and c != target)
        elif target in changed or Path(os.path.abspath(p)) in changed:
            out.add(target if target in changed else Path(os.path.abspath(p)))
    cwd = Path(os.path.realpath(os.getcwd()))
    return sorted((c.relative_to(cwd) if inside(c, cwd) and c != cwd else c) for c in out
                  if os.path.lexists(c) and not os.path.isdir(c))
