"""Configuration for CI runs: `[tool.factcheck]` in pyproject.toml, or top-level keys in factcheck.toml.

Discovery: start in the article's folder (or the given folder) and walk up to the filesystem root. In each folder
factcheck.toml is looked at first, then pyproject.toml. The first file that configures factcheck wins and the
search stops there; files are not merged. A pyproject.toml without a [tool.factcheck] table does not stop the
search (a factcheck.toml always does, even empty). Command-line flags win over the file; a flag left unset (None)
does not.

Keys:
  select    rule id globs to keep (default: all). "zh.*" or just "zh" (a namespace) match "zh.share".
  ignore    rule id globs to drop, applied after select.
  severity  rule glob -> "error" | "warning" | "info" for discrepancies, or a table by verdict
            ({discrepancy = "error", unverifiable = "warning", rounding = "info"}). The last matching glob wins.
  rules     extra rule folders, relative to the config file.
  fail_on   "error" | "warning" | "info" | "never": the lowest severity that makes the exit code 1.
  format, output, language   defaults for the flags of the same name.
  tolerance table of numbers, e.g. {relative = 0.0}; passed through to the checker.
Unknown keys or values of the wrong type are an error naming the file.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path
from typing import Any, Literal

from dataclasses import dataclass, fields

from .errors import FactcheckError
from .model import FileReport, Finding
from .records import Record, field, validate

SeverityName = Literal["error", "warning", "info"]
VerdictName = Literal["discrepancy", "partial", "rounding", "unverifiable"]
FILE_NAMES = ("factcheck.toml", "pyproject.toml")
DEFAULT = "default"
COMMAND_LINE = "command line"


@dataclass
class _Settings(Record):
    """The keys a file or the command line may set, strictly typed (checked by pydantic when a file is read)."""

    __pydantic_config__ = {"extra": "forbid"}

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, SeverityName | dict[VerdictName, SeverityName]] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    format: str | None = None
    output: str | None = None
    tolerance: dict[str, float | int] = field(default_factory=dict)
    language: str | None = None


@dataclass
class Config(_Settings):
    """The effective configuration. `sources` says where each key came from: a config file's path, "default" or
    "command line". `rules` holds absolute folders."""

    path: str | None = field(default=None, description="The config file used, if any.")
    sources: dict[str, str] = field(default_factory=dict)


KEYS = tuple(f.name for f in fields(_Settings))
FAIL_ON = ("error", "warning", "info", "never")


def _read_toml(path: Path) -> dict[str, Any] | None:
    """The factcheck table of a file, or None when the file does not configure factcheck."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError(f"{path}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck")
        if table is not None and not isinstance(table, dict):
            raise FactcheckError(f"{path}: [tool.factcheck] must be a table")
        return table
    return data


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        for name in FILE_NAMES:
            candidate = d / name
            if candidate.is_file():
                table = _read_toml(candidate)
                if table is not None:
                    return candidate, table
    return None


def _validate(values: dict[str, Any], origin: str) -> _Settings:
    from pydantic import ValidationError

    try:
        return validate(_Settings, values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'configuration'}: {e['msg']}" for e in exc.errors()
        )
        raise FactcheckError(f"{origin}: invalid factcheck configuration: {problems}") from None


def _plain(values: dict[str, Any]) -> bool:
    """Flags as the CLI gives them need no pydantic (a cold run never imports it); anything else is validated."""
    for k, v in values.items():
        if k not in KEYS:
            return False
        if k in ("select", "ignore", "rules"):
            if not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
                return False
        elif k == "fail_on":
            if v not in FAIL_ON:
                return False
        elif k in ("format", "output", "language"):
            if not isinstance(v, str):
                return False
        else:
            return False
    return True


def _flag(key: str, value: Any) -> Any:
    """Flags arrive as the CLI parsed them: "a,b" strings, tuples or Paths where the file has lists of strings."""
    if key in ("select", "ignore", "rules"):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, (list, tuple)):
            value = [str(v) for v in value]
    if key == "output" and isinstance(value, Path):
        value = str(value)
    return value


def load_config(start: Path, overrides: dict[str, Any] | None = None) -> Config:
    values: dict[str, Any] = {}
    sources = {k: DEFAULT for k in KEYS}
    found = find_config(start)
    path = None
    if found:
        path, table = found
        _validate(table, str(path))
        for k, v in table.items():
            values[k] = [str((path.parent / r).resolve()) for r in v] if k == "rules" else v
            sources[k] = str(path)
    flags = {k: _flag(k, v) for k, v in (overrides or {}).items() if v is not None}
    if not _plain(flags):
        _validate(flags, COMMAND_LINE)
    for k, v in flags.items():
        values[k] = [str(Path(r).resolve()) for r in v] if k == "rules" else v
        sources[k] = COMMAND_LINE
    settings = _Settings(**values) if found is None and _plain(values) else \
        _validate(values, str(path) if path else COMMAND_LINE)
    return Config(**settings.model_dump(), path=str(path) if path else None, sources=sources)


def matches(rule: str, pattern: str) -> bool:
    """A glob on the rule id; "all" or "*" match everything; a bare namespace ("zh") matches "zh.share"."""
    return pattern in ("all", "*") or fnmatch.fnmatchcase(rule, pattern) or rule.startswith(pattern + ".")


def selected(rule: str, cfg: Config) -> bool:
    if cfg.select is not None and not any(matches(rule, p) for p in cfg.select):
        return False
    return not any(matches(rule, p) for p in cfg.ignore)


def _severity(f: Finding, cfg: Config) -> str:
    if f.verdict == "consistent":
        return f.severity
    chosen = f.severity
    for pattern, value in cfg.severity.items():
        if not matches(f.rule, pattern):
            continue
        if isinstance(value, dict):
            chosen = value.get(f.verdict, chosen)
        elif f.verdict == "discrepancy":
            chosen = value
    return chosen


def apply_config(fr: FileReport, cfg: Config) -> FileReport:
    findings = []
    for f in fr.findings:
        if not selected(f.rule, cfg):
            continue
        severity = _severity(f, cfg)
        findings.append(f if severity == f.severity else f.model_copy(update={"severity": severity}))
    return fr.model_copy(update={"findings": findings})
