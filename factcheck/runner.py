"""What `factcheck run` does, between parsing flags and exiting: configuration, the files, checking (in worker
processes for batches), suppressions, baseline, rendering, writing, and the exit code."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .errors import FactcheckError
from .model import FileReport, Report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
DEFAULT_HTML_DIR = Path("reports")


@dataclass
class RunOptions:
    paths: list[Path]
    format: str | None = None
    output: Path | None = None
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
    print(f"factcheck: {msg}", file=sys.stderr)


_RULES: dict[tuple[str, ...], list] = {}


def _rules_for(rule_paths: tuple[str, ...]) -> list:
    """The general rules in force, loaded once per process: workers forked after the parent loaded them inherit
    them, so no worker parses a rule file again. Article-specific rule files are read per article by check_file."""
    if rule_paths not in _RULES:
        from .article_rules import is_article_rule_file
        from .engine.rules import load_rules

        paths = [Path(r) for r in rule_paths]
        _RULES[rule_paths] = load_rules([p for p in paths if not (p.is_file() and is_article_rule_file(p))])
    return _RULES[rule_paths]


def _check_one(args: tuple) -> tuple[FileReport | None, str | None]:
    """Worker: one article -> its report (or the one-line reason it could not be checked). Never raises: a bug
    on one article is reported as one line for that article, and the batch goes on.

    args: (path, rule paths, language[, keep quantities]). Only the HTML report shows every quantity; dropping
    them otherwise keeps a batch of thousands of articles small in memory and cheap to send between processes."""
    from .api import check_file

    path, rule_paths, language = args[:3]
    keep = args[3] if len(args) > 3 else True
    try:
        fr = check_file(Path(path), rules=_rules_for(rule_paths),
                        rule_paths=[Path(r) for r in rule_paths] or None, language=language)
        if not keep:
            fr.quantities = []
        return fr, None
    except FactcheckError as e:
        return None, str(e)
    except RecursionError:
        return None, f"{path}: internal error: nesting too deep to check (please report this article)"
    except MemoryError:
        return None, f"{path}: internal error: out of memory while checking"
    except Exception as e:  # one line, not a traceback that would stop the batch
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return None, f"{path}: internal error: {type(e).__name__}: {e} (please report; FACTCHECK_DEBUG=1 shows more)"


def check_many(files: list[Path], rule_paths: list[Path], language: str | None, jobs: int | None,
               progress: bool, keep_quantities: bool = True) -> list[tuple[FileReport | None, str | None]]:
    rp = tuple(str(r) for r in rule_paths)
    _rules_for(rp)  # load (and validate) once here; forked workers inherit the result
    args = [(str(f), rp, language, keep_quantities) for f in files]
    n = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    n = min(n, len(files))
    bar = _progress(len(files)) if progress else None
    results: list[tuple[FileReport | None, str | None]] = []
    try:
        if n <= 1 or len(files) < 4:
            for a in args:
                results.append(_check_one(a))
                if bar:
                    bar.advance()
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=n) as pool:
                for res in pool.map(_check_one, args, chunksize=max(1, min(32, len(args) // (n * 8) or 1))):
                    results.append(res)
                    if bar:
                        bar.advance()
    finally:
        if bar:
            bar.close()
    return results


class _progress:
    """A progress bar on stderr, only when stderr is a terminal (never in CI logs)."""

    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.p = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          transient=True, console=_stderr_console())
        self.task = self.p.add_task("check", total=total)
        self.p.start()

    def advance(self) -> None:
        self.p.advance(self.task)

    def close(self) -> None:
        self.p.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def execute(o: RunOptions) -> int:
    try:
        return _execute(o)
    except FactcheckError as e:
        _err(str(e))
        return 2
    except BrokenPipeError:
        return 0
    except (RecursionError, MemoryError) as e:
        _err(f"internal error: {type(e).__name__} (please report the article that caused it)")
        return 2


def _execute(o: RunOptions) -> int:
    from .api import collect_paths
    from .config import apply_config, load_config
    from .engine.rules import load_rules
    from .report import get_renderer

    overrides = {"format": o.format, "output": str(o.output) if o.output else None, "fail_on": o.fail_on,
                 "rules": [str(r) for r in o.rules] or None, "language": o.language}
    cfg = load_config(o.paths[0] if o.paths else Path("."), overrides)
    fmt = cfg.format or "text"
    fail_on = cfg.fail_on or "error"
    output = Path(cfg.output) if cfg.output else None
    rule_paths = [Path(r) for r in cfg.rules]
    if fmt != "text" and (o.quiet or o.only):
        raise FactcheckError(f"--quiet and --only shape the terminal report; the {fmt} format always holds every "
                             "finding (filter it with select/ignore in the configuration)")
    renderer = get_renderer(fmt, verbose=o.verbose, quiet=o.quiet, only=o.only)  # unknown formats fail first

    paths = list(o.paths)
    if o.changed_since:
        from .gitutil import changed_since

        paths = changed_since(o.changed_since, paths)
        if not paths:
            print(f"factcheck: no articles changed since {o.changed_since}", file=sys.stderr)
            empty = Report(version=__version__, generated=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            if fmt != "text":  # an empty SARIF/JUnit/JSON file still tells CI that the run happened
                _write(renderer, fmt, empty, output, set())
            return 0
    files = _drop_ignored(collect_paths(paths), [p for p in paths if p.is_dir()])
    if not files:
        raise FactcheckError(f"{' '.join(map(str, paths))}: every article here is ignored by .gitignore")
    from .article_rules import is_article_rule_file, load as load_article_rules

    for p in rule_paths:  # a broken rule file fails fast, once, before any article
        if p.is_file() and is_article_rule_file(p):
            load_article_rules(p)
    load_rules([p for p in rule_paths if not (p.is_file() and is_article_rule_file(p))])
    progress = len(files) > 1 and sys.stderr.isatty() and fmt != "github"
    results = check_many(files, rule_paths, cfg.language, o.jobs, progress, keep_quantities=fmt == "html")

    reports: list[FileReport] = []
    errors: list[str] = []
    unused: list[str] = []
    from .suppress import apply_suppressions

    per_folder: dict[Path, object] = {}
    for f, (fr, err) in zip(files, results):
        if fr is None:
            errors.append(err or f"{f}: could not be checked")
            continue
        if f.parent not in per_folder:  # select/ignore/severity come from the config nearest each article
            per_folder[f.parent] = load_config(f, overrides)
        fr = apply_config(fr, per_folder[f.parent])
        if fr.text is not None:
            fr, msgs = apply_suppressions(fr, fr.text, f)
            unused.extend(msgs)
        reports.append(fr)
    report = Report(version=__version__, generated=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    files=reports)
    if o.baseline:
        from .baseline import filter_new

        try:
            data = json.loads(o.baseline.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise FactcheckError(f"{o.baseline}: cannot read baseline ({e})") from None
        report = filter_new(report, data)
    if o.warn_unused_ignores:
        for m in unused:
            _err(f"warning: {m}")

    _write(renderer, fmt, report, output, {f.resolve() for f in files})
    for e in errors:
        _err(e)
    if errors:
        return 2
    return exit_code(report, fail_on)


def _drop_ignored(files: list[Path], folders: list[Path]) -> list[Path]:
    """Articles found by walking a folder inside a git work tree, minus those .gitignore ignores. Files named on
    the command line are always checked. Without git, or outside a work tree, nothing is dropped."""
    if not folders:
        return files
    import subprocess

    walked = {f for f in files if any(_under(f, d) for d in folders)}
    ignored: set[str] = set()
    for d in folders:
        mine = [str(f.resolve()) for f in walked if _under(f, d)]
        if not mine:
            continue
        try:
            r = subprocess.run(["git", "-C", str(d), "check-ignore", "--stdin", "-z"],
                               input="\0".join(mine) + "\0", capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return files
        if r.returncode in (0, 1):  # 0: some ignored, 1: none ignored, 128: not a work tree
            ignored.update(x for x in r.stdout.split("\0") if x)
    if not ignored:
        return files
    return [f for f in files if f not in walked or str(f.resolve()) not in ignored]


def _under(f: Path, d: Path) -> bool:
    try:
        f.resolve().relative_to(d.resolve())
        return True
    except ValueError:
        return False


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    for fr in report.files:
        for f in fr.findings:
            if f.verdict != "consistent" and SEVERITY_RANK[f.severity] >= threshold:
                return 1
    return 0


def _write(renderer, fmt: str, report: Report, output: Path | None, inputs: set[Path]) -> None:
    from .fileio import write_atomic

    pages = None
    if fmt == "html" and output is None:
        output = DEFAULT_HTML_DIR
        if len(report.files) == 1:
            output = DEFAULT_HTML_DIR / (Path(report.files[0].path).stem + ".html")
    as_dir = output is not None and (output.is_dir() or str(output).endswith(("/", os.sep))
                                     or (fmt == "html" and len(report.files) > 1 and output.suffix != ".html"))
    if output is None:
        text = renderer.render(report)
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
        return
    if as_dir:
        pages = renderer.render_pages(report)
        if pages is None:
            pages = {f"factcheck-report{renderer.extension}": renderer.render(report)}
        for name, content in pages.items():
            write_atomic(output / name, content, protect=inputs)
        print(f"factcheck: wrote {len(pages)} file(s) to {output}", file=sys.stderr)
        return
    write_atomic(output, renderer.render(report), protect=inputs)
    print(f"factcheck: wrote {output}", file=sys.stderr)
