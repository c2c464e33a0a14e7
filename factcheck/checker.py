"""The library face for pipelines: a Checker loads the rules once and checks texts or files; it pickles as its
settings alone, so a process pool, dask or Spark can ship it to workers, where it loads the rules once again (from
the data compiled at build time: milliseconds, no YAML).

    from factcheck import Checker
    checker = Checker()                       # built-in rules; Checker(rules=["my-rules/"]) adds rule files
    report = checker.check_text(text)         # a FileReport: .findings, .coverage, .to_json(), .to_dict()
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .model import FileReport

# Rules in force per set of --rules paths, loaded once per process and shared by every Checker in it.
_RULES: dict[tuple[str, ...], list] = {}


class Checker:
    def __init__(self, rules: Iterable[str | Path] = (), language: str | None = None) -> None:
        self.rule_paths: tuple[str, ...] = tuple(str(p) for p in rules)
        self.language = language

    # Pickled as settings only: rules, patterns and compiled regexes stay behind and are loaded where it lands.
    def __getstate__(self) -> dict:
        return {"rule_paths": self.rule_paths, "language": self.language}

    def __setstate__(self, state: dict) -> None:
        self.rule_paths = tuple(state["rule_paths"])
        self.language = state["language"]

    def __repr__(self) -> str:
        return f"Checker(rules={list(self.rule_paths)!r}, language={self.language!r})"

    @property
    def rules(self) -> list:
        """The general rules in force (built-in plus --rules files), validated once per process. Article-specific
        rule files (*.factcheck.yaml) are not general rules: check_file reads them per article."""
        if self.rule_paths not in _RULES:
            from .article_rules import is_article_rule_file
            from .api import load_rules  # registers the pattern kinds first

            paths = [Path(r) for r in self.rule_paths]
            _RULES[self.rule_paths] = load_rules([p for p in paths if not (p.is_file() and is_article_rule_file(p))])
        return _RULES[self.rule_paths]

    def warm(self) -> "Checker":
        """Load the rules and import what checking needs, now: a parent that forks workers afterwards does this
        once for all of them. Patterns are compiled where they are used (a compiled pattern's caches grow in each
        worker as it matches; compiled in the parent they would only be copied)."""
        from . import api  # noqa: F401 - the checking modules
        from .kinds import get_kind

        for rule in self.rules:
            get_kind(rule.kind)
        return self

    def check_text(self, text: str, path: str = "<text>", language: str | None = None) -> FileReport:
        from .api import check_text

        return check_text(text, path=path, language=language or self.language, rules=self.rules)

    def check_file(self, path: str | Path, language: str | None = None, root: str | Path | None = None) -> FileReport:
        """An article on disk: read as the CLI reads it (a regular file within the size limit; no symbolic link
        followed out of `root`), with its sidecar rules (article.factcheck.yaml)."""
        from .api import check_file

        return check_file(Path(path), rules=self.rules, language=language or self.language,
                          rule_paths=[Path(r) for r in self.rule_paths] or None,
                          root=Path(root) if root is not None else None)

    def __call__(self, text: str) -> FileReport:
        return self.check_text(text)
