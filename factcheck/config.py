"""Configuration for CI runs: `[tool.factcheck]` in pyproject.toml, or top-level keys in factcheck.toml.

Discovery: start in the article's folder (or the given folder) and walk up, but never out of the repository: the
search stops at the git top-level of the working directory's repository, or, outside a repository, at the folder
of the first input. In each folder factcheck.toml is looked at first, then pyproject.toml. The first file that
configures factcheck wins and the search stops there; files are not merged. A pyproject.toml without a
[tool.factcheck] table does not stop the search (a factcheck.toml always does, even empty). Command-line flags win
over the file; a flag left unset (None) does not.

Keys:
  select    rule id globs to keep (default: all). "zh.*" or just "zh" (a namespace) match "zh.share".
  ignore    rule id globs to drop, applied after select.
  severity  rule glob -> "error" | "warning" | "info" for discrepancies, or a table by verdict
            ({discrepancy = "error", unverifiable = "warning", rounding = "info"}). The last matching glob wins.
  rules     extra rule folders, relative to the config file and inside the repository.
  fail_on   "error" | "warning" | "info" | "never": the lowest severity that makes the exit code 1.
  format, output, language   defaults for the flags of the same name (language: zh, en or auto; output: a
            relative path inside the repository).
  tolerance table of numbers, e.g. {relative = 0.0}; passed through to the checker.
Unknown keys or values of the wrong type are an error naming the file. A configuration file below the top of the
search (a sub-folder's) may add checks, but what it switches off is said in a warning, never silently.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any, Literal

from dataclasses import dataclass, fields

from .display import clean
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
    language: Literal["zh", "en", "auto"] | None = None


@dataclass
class Config(_Settings):
    """The effective configuration. `sources` says where each key came from: a config file's path, "default" or
    "command line". `rules` holds absolute folders."""

    path: str | None = field(default=None, description="The config file used, if any.")
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


KEYS = tuple(f.name for f in fields(_Settings))
FAIL_ON = ("error", "warning", "info", "never")
LANGUAGES = ("zh", "en", "auto")
FORMATS = ("text", "json", "jsonl", "html", "sarif", "github", "junit", "rdjsonl")  # built in; plug-ins are looked up
MAX_CONFIG_BYTES = 256 * 1024
# Keys with which a sub-folder's configuration narrows what is checked or what fails the run.
NARROWING = ("select", "ignore", "severity", "language")


def _read_toml(path: Path, root: Path | None = None) -> dict[str, Any] | None:
    """The factcheck table of a file, or None when the file does not configure factcheck."""
    import tomllib  # here: most runs find no configuration file to parse

    from .errors import InputError
    from .fileio import read_limited

    try:
        text = read_limited(path, MAX_CONFIG_BYTES, root=root, what="configuration file").decode("utf-8")
        data = tomllib.loads(text)
    except InputError as exc:
        raise FactcheckError(f"cannot read configuration: {exc}") from None
    except UnicodeDecodeError as exc:
        raise FactcheckError(f"{clean(path)}: cannot read configuration: not UTF-8 (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{clean(path)}: invalid TOML: {clean(exc)}") from None
    except RecursionError:
        raise FactcheckError(f"{clean(path)}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("factcheck") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise FactcheckError(f"{clean(path)}: [tool.factcheck] must be a table")
        return table
    return data


def discovery_root(first: Path) -> Path:
    """Where the search for a configuration stops: the git top-level of the working directory's repository when
    `first` lies inside it, else the folder of `first` (a file's folder, or the folder itself)."""
    from .fileio import inside
    from .gitutil import toplevel

    real = Path(os.path.realpath(first))
    folder = real if real.is_dir() else real.parent
    top = toplevel()
    return top if top is not None and inside(folder, top) else folder


def output_root() -> Path:
    """Where a report whose path nobody typed (a config's output, the default reports/) may go: the working
    directory's repository, or outside one the working directory."""
    from .gitutil import toplevel

    return toplevel() or Path(os.path.realpath(os.getcwd()))


def find_config(start: Path, stop: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    from .fileio import inside

    stop = Path(os.path.realpath(stop)) if stop is not None else discovery_root(start)
    real = Path(os.path.realpath(start))
    folder = real if real.is_dir() else real.parent
    for d in (folder, *folder.parents):
        if not inside(d, stop):
            break
        for name in FILE_NAMES:
            candidate = d / name
            if os.path.lexists(candidate) and not os.path.isdir(candidate):
                table = _read_toml(candidate, stop)
                if table is not None:
                    return candidate, table
    return None


def _validate(values: dict[str, Any], origin: str) -> _Settings:
    from pydantic import ValidationError

    try:
        return validate(_Settings, values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'configuration'}: {e['msg']}"
            + (f" (got {clean_value(e['input'])})" if isinstance(e.get("input"), (str, int, float)) else "")
            for e in exc.errors()
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
        elif k == "language":
            if v not in LANGUAGES:
                return False
        elif k in ("format", "output"):
            if not isinstance(v, str):
                return False
        else:
            return False
    return True


def _check_format(value: Any, origin: str) -> None:
    if not isinstance(value, str) or value in FORMATS:
        return
    from .report import available

    if value not in available():
        raise FactcheckError(f"{origin}: unknown format {clean_value(value)}; choose from {', '.join(available())}")


def clean_value(value: Any) -> str:
    import json

    return clean(json.dumps(value, ensure_ascii=False))


def _inside_repo(value: str, base: Path, root: Path, key: str, origin: str) -> Path:
    """A path a configuration file gives: relative, and inside the repository once links are followed."""
    from .fileio import inside

    if not value or Path(value).is_absolute() or value.startswith("~"):
        raise FactcheckError(f"{origin}: {key}: {clean_value(value)} must be a relative path inside the repository")
    target = Path(os.path.realpath(base / value))
    if not inside(target, root):
        raise FactcheckError(f"{origin}: {key}: {clean_value(value)} leads out of the repository ({clean_value(str(root))})")
    return target


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


def load_config(start: Path, overrides: dict[str, Any] | None = None, stop: Path | None = None) -> Config:
    """The effective configuration for `start` (an article or a folder). `stop`: where discovery ends (see
    discovery_root, the default)."""
    values: dict[str, Any] = {}
    sources = {k: DEFAULT for k in KEYS}
    stop = Path(os.path.realpath(stop)) if stop is not None else discovery_root(start)
    found = find_config(start, stop)
    path = None
    warnings: list[tuple[str, str]] = []
    if found:
        path, table = found
        origin = clean(path)
        _validate(table, origin)
        _check_format(table.get("format"), origin)
        for k, v in table.items():
            if k == "rules":
                values[k] = [str(_inside_repo(r, path.parent, stop, "rules", origin)) for r in v]
            elif k == "output":
                _inside_repo(v, Path(os.path.realpath(os.getcwd())), output_root(), "output", origin)
                values[k] = v
            else:
                values[k] = v
            sources[k] = str(path)
        if Path(os.path.realpath(path.parent)) != stop:
            warnings += _narrowing(table, origin)
    flags = {k: _flag(k, v) for k, v in (overrides or {}).items() if v is not None}
    if not _plain(flags):
        _validate(flags, COMMAND_LINE)
    _check_format(flags.get("format"), COMMAND_LINE)
    for k, v in flags.items():
        values[k] = [str(Path(r).resolve()) for r in v] if k == "rules" else v
        sources[k] = COMMAND_LINE
    settings = _Settings(**values) if found is None and _plain(values) else \
        _validate(values, str(path) if path else COMMAND_LINE)
    cfg = Config(**settings.model_dump(), path=str(path) if path else None, sources=sources)
    cfg.warnings = [message for key, message in warnings if sources.get(key) != COMMAND_LINE]
    return cfg


def _narrowing(table: dict[str, Any], origin: str) -> list[tuple[str, str]]:
    """(key, warning) for each thing a sub-folder's configuration switches off or narrows."""
    out = []
    for key in NARROWING:
        if key in table:
            out.append((key, f"{origin} (a sub-folder's configuration) sets {key} = {clean_value(table[key])}"))
    if table.get("fail_on") == "never":
        out.append(("fail_on", f"{origin} (a sub-folder's configuration) sets fail_on = \"never\": no finding "
                               "fails the run"))
    return out


def switched_off(cfg: Config, rule_ids: set[str]) -> str | None:
    """A warning when select/ignore leave no rule at all: the run would report nothing, silently."""
    if cfg.select is None and not cfg.ignore:
        return None
    if rule_ids and not any(selected(r, cfg) for r in rule_ids):
        where = cfg.path or COMMAND_LINE
        return (f"{clean(where)}: select = {clean_value(cfg.select)}, ignore = {clean_value(cfg.ignore)} "
                "switch off every rule: nothing is checked")
    return None


def unknown_patterns(cfg: Config, rule_ids: set[str]) -> list[tuple[str, str]]:
    """(key, glob) for the select, ignore and severity globs that match no rule in force (a typo that would
    silently check nothing, or change nothing)."""
    out = []
    for key, patterns in (("select", cfg.select or []), ("ignore", cfg.ignore), ("severity", list(cfg.severity))):
        for p in patterns:
            if p in ("all", "*") or p.startswith("factcheck") or p.startswith("article"):
                continue
            if not any(matches(r, p) for r in rule_ids):
                out.append((key, clean_value(p)))
    return out


def matches(rule: str, pattern: str) -> bool:
    """A glob on the rule id; "all" or "*" match everything; a bare namespace ("zh") matches "zh.share"."""
    return pattern in ("all", "*") or fnmatch.fnmatchcase(rule, pattern) or rule.startswith(pattern + ".")


def selected(rule: str, cfg: Config) -> bool:
    if rule.startswith("factcheck."):  # factcheck's own warnings (hidden characters, suppressions) go only by name
        return not any(p.startswith("factcheck") and matches(rule, p) for p in cfg.ignore)
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
