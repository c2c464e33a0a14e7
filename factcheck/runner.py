"""What `factcheck run` does, between parsing flags and exiting: configuration, the files, checking (in worker
processes for batches), suppressions, baseline, rendering, writing, and the exit code."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from . import __version__
from .display import clean
from .errors import FactcheckError
from .model import FileReport, Report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class RunOptions:
    paths: list[Path]
    format: str | None = None
    output: str | None = None  # a string: a trailing slash means a folder
    rules: list[Path] = field(default_factory=list)
    fail_on: str | None = None
    language: str | None = None
    baseline: Path | None = None
    changed_since: str | None = None
    warn_unused_ignores: bool = False
    jobs: int | None = None
    verbose: bool = False
    quiet: bool = False
    only: str | None = None  # text format: "errors", "problems" or "all"


def _err(msg: str) -> None:
    """One line on stderr; whatever came from input in it is shown escaped (see display.py)."""
    print(f"factcheck: {clean(msg)}", file=sys.stderr)


def execute(o: RunOptions) -> int:
    try:
        return _execute(o)
    except FactcheckError as e:
        _err(str(e))
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except (RecursionError, MemoryError) as e:
        _err(f"internal error: {type(e).__name__} (please report the article that caused it)")
        return 2
    except OSError as e:  # one line, never a traceback (which CI would read as exit code 1, "findings")
        where = f"{clean(e.filename)}: " if e.filename else ""
        _err(f"{where}{e.strerror or e}")
        return 2


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so Python's flush at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


STDIN = "-"


def _execute(o: RunOptions) -> int:
    from .config import discovery_root, load_config, output_root
    from .report import get_renderer

    paths = list(o.paths)
    from_stdin = any(str(p) == STDIN for p in paths)
    if from_stdin and (len(paths) > 1 or o.changed_since):
        raise FactcheckError("- (standard input) cannot be combined with other paths or --changed-since")
    if o.language is not None and o.language not in ("zh", "en", "auto"):
        raise FactcheckError(f"--language {clean(o.language)!r}: choose zh, en or auto")
    if o.jobs is not None and o.jobs < 0:
        raise FactcheckError(f"--jobs {o.jobs}: give a number of worker processes (1 or more; 0 for one per CPU)")
    first = Path(".") if from_stdin or not paths else paths[0]
    stop = discovery_root(first)
    overrides = {"format": o.format, "output": str(o.output) if o.output is not None else None,
                 "fail_on": o.fail_on, "rules": [str(r) for r in o.rules] or None, "language": o.language}
    cfg = load_config(first, overrides, stop)
    fmt = cfg.format or "text"
    fail_on = cfg.fail_on or "error"
    language = None if cfg.language in (None, "auto") else cfg.language
    output, output_from_config = cfg.output, cfg.sources.get("output") not in (None, "default", "command line")
    rule_paths = [Path(r) for r in cfg.rules]
    if fmt != "text" and (o.quiet or o.only):
        raise FactcheckError(f"--quiet and --only shape the terminal report; the {fmt} format always holds every "
                             "finding (filter it with select/ignore in the configuration)")
    to_stdout = output == STDIN or (output is None and fmt != "html")
    renderer = get_renderer(fmt, verbose=o.verbose, quiet=o.quiet, only=o.only,  # unknown formats fail first
                            tty=to_stdout and sys.stdout.isatty(), errors_inline=not to_stdout)
    warnings: list[str] = list(cfg.warnings)

    if o.changed_since:
        from .gitutil import changed_since

        paths = changed_since(o.changed_since, paths)
        if not paths:
            _err(f"no articles changed since {clean(o.changed_since)}")
            empty = Report(version=__version__, generated=_now(), warnings=warnings)
            if fmt != "text":  # an empty SARIF/JUnit/JSON file still tells CI that the run happened
                _write(renderer, fmt, empty, output, output_from_config, output_root())
            return 0
    from .article_rules import is_article_rule_file, load as load_article_rules

    for p in rule_paths:  # a broken rule file fails fast, once, before any article
        if p.is_file() and is_article_rule_file(p):
            load_article_rules(p)
    from . import batch
    from .checker import Checker
    from .stream import Output

    checker = Checker(rule_paths, language)
    rule_ids = {r.id for r in checker.rules}  # a broken rule file fails fast, before any article
    seen_warnings = set(warnings)

    def warn(cfg_) -> None:
        for w in list(getattr(cfg_, "warnings", [])) + _rule_warnings(cfg_, rule_ids):
            if w not in seen_warnings:
                seen_warnings.add(w)
                warnings.append(w)

    warn(cfg)  # the run's own configuration, checked before any article
    baseline = None
    if o.baseline:
        from .baseline import budget
        from .fileio import read_limited

        try:
            data = json.loads(read_limited(o.baseline, MAX_BASELINE_BYTES, what="baseline").decode("utf-8"))
        except (FactcheckError, ValueError) as e:
            raise FactcheckError(f"{clean(o.baseline)}: cannot read baseline ({clean(e)})") from None
        baseline = budget(data)

    if from_stdin:
        return _run_stdin(o, checker, cfg, renderer, fmt, output, output_from_config, warnings, baseline, fail_on,
                          to_stdout)
    items = batch.list_items(paths, stop)
    if not len(items):
        raise FactcheckError(f"{' '.join(clean(p) for p in paths)}: every article here is ignored by .gitignore")
    configs: dict[str, object] = {}  # select/ignore/severity come from the config nearest each article
    for path in items.checkable():
        folder = os.path.dirname(path)
        if folder not in configs:
            configs[folder] = load_config(Path(path), overrides, stop)
            warn(configs[folder])
    progress = len(items) > 1 and sys.stderr.isatty() and fmt != "github"
    meta = Report(version=__version__, generated=_now(), warnings=warnings)
    config_files = [Path(c.path) for c in configs.values() if getattr(c, "path", None)]
    out = Output(fmt, renderer, meta, output, batch.Shown(items),
                 _protect_for(items.checkable, rule_paths, o.baseline, cfg, config_files),
                 output_from_config, output_root())
    job = batch.Job(checker=checker, stream=out.stream, configs={_key(k): v for k, v in configs.items()},
                    baseline=baseline)
    res = batch.run(items, job, out, o.jobs, progress, o.warn_unused_ignores,
                    file_warnings=not (fmt == "text" and to_stdout))
    return _finish(res, warnings, fmt, to_stdout, fail_on)


def _key(folder: str) -> str:
    """How batch.check_one names an article's folder (str(Path(path).parent))."""
    return str(Path(folder or "."))


def _run_stdin(o: RunOptions, checker, cfg, renderer, fmt, output, output_from_config, warnings, baseline,
               fail_on, to_stdout) -> int:
    """`factcheck run -`: one article from standard input, checked here, written through the same Output."""
    from . import batch
    from .config import apply_config, output_root
    from .stream import Output
    from .suppress import apply_suppressions

    fr, err = _check_stdin(checker, [Path(r) for r in checker.rule_paths])
    res = batch.Outcome()
    if fr is None:
        res.errors.append(err or "<stdin>: could not be checked")
        fr = FileReport(path="<stdin>", error=res.errors[-1], language="")
    else:
        fr = apply_config(fr, cfg)
        if fr.text is not None:
            fr, _ = apply_suppressions(fr, fr.text, None)
        if baseline is not None:
            from collections import Counter

            from .baseline import file_name, filter_file

            fr = filter_file(fr, Counter(baseline.get(file_name(fr.path), ())))
        res.worst = batch.worst_rank(fr)
        if not (fmt == "text" and to_stdout):
            res.warnings = [f"{clean(fr.path)}: {w}" for w in fr.warnings]
    meta = Report(version=__version__, generated=_now(), warnings=warnings)
    out = Output(fmt, renderer, meta, output, ["<stdin>"],
                 _protect_for(list, [Path(r) for r in checker.rule_paths], o.baseline, cfg, []),
                 output_from_config, output_root())
    if not out.stream.keep_quantities:
        fr.quantities = []
    out.open()
    try:
        out.stream.add(out.stream.piece(fr, 0))
    except BaseException:
        out.abort()
        raise
    out.close()
    return _finish(res, warnings, fmt, to_stdout, fail_on)


def _finish(res, warnings: list[str], fmt: str, to_stdout: bool, fail_on: str) -> int:
    """After the report is written: what goes to standard error, and the exit code."""
    for m in res.unused:
        _err(f"warning: {m}")
    if not (fmt == "text" and to_stdout):  # the text report shows them in place; elsewhere stderr is where a CI log shows them
        for w in warnings + res.warnings:
            _err(f"warning: {w}")
    for e in res.errors:
        _err(e)
    if res.errors:
        return 2
    if fail_on == "never":
        return 0
    return 1 if res.worst >= SEVERITY_RANK[fail_on] else 0


MAX_BASELINE_BYTES = 64 * 1024 * 1024


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _rule_warnings(cfg, rule_ids: set[str]) -> list[str]:
    """Warnings for a configuration's rule globs; a select glob that matches no rule is an error (a typo there
    would silently check nothing)."""
    from .config import switched_off, unknown_patterns

    where = clean(cfg.path) if cfg.path else "command line"
    out = []
    for key, pattern in unknown_patterns(cfg, rule_ids):
        if key == "select":
            raise FactcheckError(f"{where}: select: {pattern} matches no rule (see factcheck rules list)")
        out.append(f"{where}: {key}: {pattern} matches no rule")
    off = switched_off(cfg, rule_ids)
    if off:
        out.append(off)
    if cfg.tolerance:
        out.append(f"{where}: tolerance is read but not used by this version of factcheck")
    return out


def _check_stdin(checker, rule_paths: list[Path]) -> tuple[FileReport | None, str | None]:
    """`factcheck run -`: the article on standard input (no sidecars: there is no file beside it)."""
    from .api import check_text
    from .read.decode import read_stream

    try:
        text, encoding = read_stream(sys.stdin.buffer)
        extra = [p for p in rule_paths if p.name.endswith(".factcheck.yaml")]
        return check_text(text, path="<stdin>", language=checker.language, rules=checker.rules,
                          encoding=encoding, article_rules=extra), None
    except FactcheckError as e:
        return None, str(e)


def _protect_for(files: Callable[[], Iterable[str]], rule_paths: list[Path], baseline: Path | None, cfg,
                 configs: list[Path] = ()):
    """A function from the folders a report is written into to what this run reads there, as absolute and as real
    paths: no report may be written over any of it (files(): the run's articles). Only the articles in those folders are kept (an archive's
    list would be copied into every worker); a folder's real path is found once."""
    from .article_rules import sidecar as rules_sidecar
    from .engine.rules import rule_files
    from .suppress import sidecar_path

    def protect(folders: list[Path]) -> set[Path]:
        targets = {str(p) for d in folders for p in (os.path.abspath(d), os.path.realpath(d))}
        real_dirs: dict[str, str] = {}
        out: set[Path] = set()

        def add(p: Path) -> None:
            out.add(Path(os.path.abspath(p)))
            out.add(Path(os.path.realpath(p)))

        for f in files():
            folder = os.path.dirname(f) or "."
            if folder not in real_dirs:
                real_dirs[folder] = os.path.realpath(folder)
            real = real_dirs[folder]
            if (real not in targets and os.path.abspath(folder) not in targets
                    and not (os.path.islink(f) and os.path.dirname(os.path.realpath(f)) in targets)):
                continue
            for p in (Path(f), sidecar_path(Path(f)), rules_sidecar(Path(f))):
                add(p)
        extra: list[Path] = []
        for r in rule_paths:
            try:
                extra += rule_files(r) if r.is_dir() else [r]
            except FactcheckError:
                extra.append(r)
        if baseline is not None:
            extra.append(baseline)
        if cfg.path:
            extra.append(Path(cfg.path))
        extra += list(configs)
        for p in extra:
            add(p)
        return out

    return protect


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    for fr in report.files:
        for f in fr.findings:
            if f.verdict != "consistent" and SEVERITY_RANK[f.severity] >= threshold:
                return 1
    return 0


def _write(renderer, fmt: str, report: Report, output: str | None, from_config: bool, repo_root: Path) -> None:
    """A report without articles (nothing changed): the same outputs as a batch."""
    from .stream import Output

    out = Output(fmt, renderer, report, output, [], lambda folders: set(), from_config, repo_root)
    out.open()
    out.close()
