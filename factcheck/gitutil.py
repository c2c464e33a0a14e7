"""Which articles changed since a git ref, for `factcheck run --changed-since REF`.

"Changed" means what a reviewer would see: every file added, modified or renamed between the merge base of REF
and HEAD and the working tree (committed, staged and unstaged changes), plus untracked files that are not
ignored. Deleted files are left out. Folders given on the command line keep only article files (.txt, .text, .md,
.markdown, .html, .htm); files named explicitly are kept whatever their suffix. CI must fetch enough history
for the merge base (actions/checkout with fetch-depth: 0).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import FactcheckError

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}  # as api.collect_paths


def _git(cwd: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise FactcheckError(f"--changed-since needs git: {exc}") from None
    if out.returncode != 0:
        raise subprocess.CalledProcessError(out.returncode, args, out.stdout, out.stderr)
    return out.stdout


def changed_since(ref: str, paths: list[Path]) -> list[Path]:
    paths = [Path(p) for p in paths] or [Path(".")]
    first = paths[0].resolve()
    anchor = first if first.is_dir() else first.parent
    try:
        top = Path(_git(anchor, "rev-parse", "--show-toplevel").strip()).resolve()
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--changed-since: {anchor} is not inside a git repository") from None
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--changed-since: unknown git ref {ref!r} (is it fetched? use fetch-depth: 0)") from None
    try:
        base = _git(top, "merge-base", ref, "HEAD").strip()
    except subprocess.CalledProcessError:
        raise FactcheckError(f"--changed-since: no common history between {ref!r} and HEAD "
                             "(a shallow clone? fetch more history)") from None
    names = _git(top, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--").split("\0")
    names += _git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    changed = {(top / n).resolve() for n in names if n}

    out: set[Path] = set()
    for p in paths:
        target = p.resolve()
        if target.is_dir():
            out.update(c for c in changed if c.suffix.lower() in ARTICLE_SUFFIXES and target in c.parents)
        elif target in changed:
            out.add(target)
    cwd = Path.cwd().resolve()
    return sorted((c.relative_to(cwd) if cwd in c.parents else c) for c in out if c.is_file())
