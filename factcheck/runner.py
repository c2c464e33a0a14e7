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
from .display import clean
from .errors import FactcheckError
from .fileio import write_atomic
from .model import FileReport, Report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
DEFAULT_HTML_DIR = Path("reports")


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


_RULES: dict[tuple[str, ...], list] = {}


def _rules_for(rule_paths: tuple[str, ...]) -> list:
    """The general rules in force, loaded once per process: workers forked after the parent loaded them inherit
    them, so no worker parses a rule file again. Article-specific rule files are read per article by check_file."""
    if rule_paths not in _RULES:
        from .article_rules import is_article_rule_file
        from .api import load_rules

        paths = [Path(r) for r in rule_paths]
        _RULES[rule_paths] = load_rules([p for p in paths if not (p.is_file() and is_article_rule_file(p))])
    return _RULES[rule_paths]


def _check_one(args: tuple) -> tuple[FileReport | None, str | None]:
    """Worker: one article -> its report (or the one-line reason it could not be checked). Never raises: a bug
    on one article is reported as one line for that article, and the batch goes on.

    args: (path, rule paths, language[, keep quantities[, root]]). Only the HTML report shows every quantity;
    dropping them otherwise keeps a batch of thousands of articles small in memory and cheap to send between
    processes. root: the folder no symbolic link of this article may lead out of."""
    from .api import check_file

    path, rule_paths, language = args[:3]
    keep = args[3] if len(args) > 3 else True
    root = Path(args[4]) if len(args) > 4 and args[4] else None
    name = clean(path)
    try:
        if has_undecodable_name(path):
            return None, f"{name}: the file name is not valid UTF-8; rename the file"
        fr = check_file(Path(path), rules=_rules_for(rule_paths),
                        rule_paths=[Path(r) for r in rule_paths] or None, language=language, root=root)
        if not keep:
            fr.quantities = []
        return fr, None
    except FactcheckError as e:
        return None, str(e)
    except RecursionError:
        return None, f"{name}: internal error: nesting too deep to check (please report this article)"
    except MemoryError:
        return None, f"{name}: internal error: out of memory while checking"
    except Exception as e:  # one line, not a traceback that would stop the batch
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return None, f"{name}: internal error: {type(e).__name__}: {e} (please report; FACTCHECK_DEBUG=1 shows more)"


def has_undecodable_name(path: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in str(path))


def check_many(files: list[Path], rule_paths: list[Path], language: str | None, jobs: int | None,
               progress: bool, keep_quantities: bool = True,
               roots: list[Path | None] | None = None) -> list[tuple[FileReport | None, str | None]]:
    rp = tuple(str(r) for r in rule_paths)
    _rules_for(rp)  # load (and validate) once here; forked workers inherit the result
    roots = roots or [None] * len(files)
    args = [(str(f), rp, language, keep_quantities, str(r) if r else "") for f, r in zip(files, roots)]
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
    from .api import collect_inputs
    from .config import apply_config, discovery_root, load_config, output_root
    from .api import load_rules
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
                _write(renderer, fmt, empty, output, set(), output_from_config, output_root())
            return 0
    from .article_rules import is_article_rule_file, load as load_article_rules

    for p in rule_paths:  # a broken rule file fails fast, once, before any article
        if p.is_file() and is_article_rule_file(p):
            load_article_rules(p)
    rules = load_rules([p for p in rule_paths if not (p.is_file() and is_article_rule_file(p))])
    rule_ids = {r.id for r in rules}
    for w in _rule_warnings(cfg, rule_ids):  # the run's own configuration, checked before any article
        if w not in warnings:
            warnings.append(w)

    if from_stdin:
        inputs, results = [], [_check_stdin(rule_paths, language)]
        names = ["<stdin>"]
    else:
        inputs, problems = collect_inputs(paths, stop)
        if not inputs and not problems:
            raise FactcheckError(f"{' '.join(clean(p) for p in paths)}: every article here is ignored by .gitignore")
        progress = len(inputs) > 1 and sys.stderr.isatty() and fmt != "github"
        checked = check_many([i.path for i in inputs], rule_paths, language, o.jobs, progress,
                             keep_quantities=fmt == "html", roots=[i.root for i in inputs])
        # the files that could not even be listed (names not UTF-8, loops) keep their place in the order
        results, names = [], []
        order = sorted([(i.order, "ok", k) for k, i in enumerate(inputs)] + [(order, "bad", k) for k, (order, _, _)
                                                                          in enumerate(problems)])
        for _, what, k in order:
            if what == "ok":
                results.append(checked[k])
                names.append(str(inputs[k].path))
            else:
                results.append((None, problems[k][2]))
                names.append(problems[k][1])

    reports: list[FileReport] = []
    errors: list[str] = []
    unused: list[str] = []
    from .suppress import apply_suppressions

    per_folder: dict[Path, object] = {}
    seen_warnings = set(warnings)
    for k, (name, (fr, err)) in enumerate(zip(names, results)):
        shown = clean(name) if has_undecodable_name(name) else name
        if fr is None:
            errors.append(err or f"{clean(name)}: could not be checked")
            reports.append(FileReport(path=shown, error=errors[-1], language=""))
            continue
        f = Path(name)
        folder = f.parent
        if from_stdin:
            fcfg = cfg
        else:
            if folder not in per_folder:  # select/ignore/severity come from the config nearest each article
                per_folder[folder] = load_config(f, overrides, stop)
            fcfg = per_folder[folder]
        for w in list(getattr(fcfg, "warnings", [])) + _rule_warnings(fcfg, rule_ids):
            if w not in seen_warnings:
                seen_warnings.add(w)
                warnings.append(w)
        fr = apply_config(fr, fcfg)
        if fr.text is not None and not from_stdin:
            try:
                fr, msgs = apply_suppressions(fr, fr.text, f, root=inputs[_index_of(inputs, f)].root)
            except FactcheckError as e:
                errors.append(str(e))
                reports.append(FileReport(path=shown, error=str(e), language=fr.language))
                continue
            unused.extend(msgs)
        elif fr.text is not None:
            fr, msgs = apply_suppressions(fr, fr.text, None)
        reports.append(fr)
    report = Report(version=__version__, generated=_now(), files=reports, warnings=warnings)
    if o.baseline:
        from .baseline import filter_new
        from .fileio import read_limited

        try:
            data = json.loads(read_limited(o.baseline, MAX_BASELINE_BYTES, what="baseline").decode("utf-8"))
        except (FactcheckError, ValueError) as e:
            raise FactcheckError(f"{clean(o.baseline)}: cannot read baseline ({clean(e)})") from None
        report = filter_new(report, data)
    if o.warn_unused_ignores:
        for m in unused:
            _err(f"warning: {m}")

    configs = [Path(c.path) for c in per_folder.values() if getattr(c, "path", None)]
    protect = _inputs_of_run([i.path for i in inputs], rule_paths, o.baseline, cfg, configs)
    _write(renderer, fmt, report, output, protect, output_from_config, output_root())
    if not (fmt == "text" and to_stdout):  # the text report shows them in place; elsewhere stderr is where a CI log shows them
        for w in report.warnings + [f"{clean(fr.path)}: {w}" for fr in report.files for w in fr.warnings]:
            _err(f"warning: {w}")
    for e in errors:
        _err(e)
    if errors:
        return 2
    return exit_code(report, fail_on)


MAX_BASELINE_BYTES = 64 * 1024 * 1024


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _index_of(inputs, f: Path) -> int:
    for k, i in enumerate(inputs):
        if i.path == f:
            return k
    raise KeyError(f)


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


def _check_stdin(rule_paths: list[Path], language: str | None) -> tuple[FileReport | None, str | None]:
    """`factcheck run -`: the article on standard input (no sidecars: there is no file beside it)."""
    from .api import check_text
    from .read.decode import read_stream

    try:
        text, encoding = read_stream(sys.stdin.buffer)
        regular = [p for p in rule_paths if not p.name.endswith(".factcheck.yaml")]
        extra = [p for p in rule_paths if p.name.endswith(".factcheck.yaml")]
        return check_text(text, path="<stdin>", language=language, rules=_rules_for(tuple(map(str, regular))),
                          encoding=encoding, article_rules=extra), None
    except FactcheckError as e:
        return None, str(e)


def _inputs_of_run(files: list[Path], rule_paths: list[Path], baseline: Path | None, cfg,
                   configs: list[Path] = ()) -> set[Path]:
    """Everything this run reads, as absolute and as real paths: no report may be written over any of it."""
    from .article_rules import sidecar as rules_sidecar
    from .engine.rules import rule_files
    from .suppress import sidecar_path

    out: set[Path] = set()
    extra: list[Path] = []
    for f in files:
        extra += [f, sidecar_path(f), rules_sidecar(f)]
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
        out.add(Path(os.path.abspath(p)))
        out.add(Path(os.path.realpath(p)))
    return out


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    for fr in report.files:
        for f in fr.findings:
            if f.verdict != "consistent" and SEVERITY_RANK[f.severity] >= threshold:
                return 1
    return 0


ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
_REPORT_MARK = b'<meta name="generator" content="factcheck'


def _write(renderer, fmt: str, report: Report, output: str | None, inputs: set[Path], from_config: bool,
           repo_root: Path) -> None:
    """Render and write: to stdout (no output, or `-`), to a file, or to a folder (a trailing slash, an existing
    folder, or several HTML pages). Only regular files or nothing are replaced, never an input of the run; an HTML
    page only replaces an earlier factcheck report, and output a configuration file names stays in the
    repository."""
    if output == STDIN or (output is None and fmt != "html"):
        text = renderer.render(report)
        try:
            sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise FactcheckError(f"cannot write the report to standard output ({e.strerror or e})") from None
        return
    default = output is None
    if default:  # html without -o: reports/
        output = str(DEFAULT_HTML_DIR) + os.sep
        if len(report.files) == 1:
            output = str(DEFAULT_HTML_DIR / (_stem(report.files[0].path) + ".html"))
    target = Path(output)
    as_dir = (output.endswith(("/", os.sep)) or (os.path.isdir(target) and not os.path.islink(target))
              or (fmt == "html" and len(report.files) > 1 and target.suffix != ".html"))
    if default or from_config:  # a path nobody typed: it must stay inside the repository
        from .fileio import inside

        real = Path(os.path.realpath(target))
        if not inside(real, repo_root):
            raise FactcheckError(f"{clean(output)}: the report would be written outside {clean(repo_root)} "
                                 f"(to {clean(real)}); refused")
    if as_dir:
        pages = renderer.render_pages(report)
        if pages is None:
            pages = {f"factcheck-report{renderer.extension}": renderer.render(report)}
        for name in pages:
            _check_overwrite(target / name, from_config)
        for name, content in pages.items():
            write_atomic(target / name, content, protect=inputs)
        print(f"factcheck: wrote {len(pages)} file(s) to {clean(target)}", file=sys.stderr)
        return
    _check_overwrite(target, from_config)
    write_atomic(target, renderer.render(report), protect=inputs)
    print(f"factcheck: wrote {clean(target)}", file=sys.stderr)


def _stem(path: str) -> str:
    stem = Path(path).stem
    return "stdin" if path == "<stdin>" else stem


def _check_overwrite(path: Path, from_config: bool) -> None:
    """An existing file that may be an article (.txt, .md, .html ...) is replaced only when it is an earlier
    factcheck HTML report, or when the command line named it (a configuration file may not)."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES or not os.path.isfile(path) or os.path.islink(path):
        return
    if path.suffix.lower() in (".html", ".htm"):
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096)
        except OSError:
            return  # write_atomic says what is wrong
        if _REPORT_MARK in head:
            return
        raise FactcheckError(f"{clean(path)}: exists and is not a factcheck report; refusing to overwrite it")
    if from_config:
        raise FactcheckError(f"{clean(path)}: exists and may be an article; a configuration file may not name it "
                             "as the output (pass -o on the command line to overwrite it)")
