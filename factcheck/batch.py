"""Checking many articles: worker processes do each article's steps (the file-name check, reading within its root,
checking, the configuration of its folder, its suppressions, the baseline) and render its piece of the report
(stream.py); the parent writes pieces in input order as they come back, with a bounded number of articles in flight,
so memory stays flat however many articles there are. An article that cannot be checked is an error entry in the
stream, in its place.

Workers are forked from the parent, which has loaded the rules and found every folder's configuration (so no
worker does that again); where processes are spawned instead, the Job is pickled and each worker loads the rules
once.
"""

from __future__ import annotations

import os
import time
from array import array
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .checker import Checker
from .display import clean
from .errors import FactcheckError
from .model import FileReport

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Job:
    """Everything a worker needs, the same for every article of the run."""

    checker: Checker
    stream: Any  # stream.Stream: its worker half renders one article's piece
    configs: dict[str, Any]  # folder (as the article's path names it) -> its configuration
    baseline: dict[str, Counter] | None = None  # file name -> fingerprints still accepted


@dataclass(slots=True)
class Item:
    """One article of the run: its place, its path as found, the folder no link of it may lead out of (""
    for none), and why it could not even be listed (then it is an error entry)."""

    index: int
    path: str
    root: str = ""
    problem: str | None = None
    parent_baseline: bool = False  # the parent applies the baseline: other files of the run share this file name


class Items:
    """The run's articles in input order, held compactly: the file names in one block of bytes (with offsets), the
    folder and root of each by number, the rare problems by place. An archive's 20,000 Item objects and path strings
    would stay in the parent, and every forked worker would inherit them; an Item is made when a chunk needs it."""

    def __init__(self, entries: Iterable[tuple[str, str, str | None]] = ()) -> None:
        blob = bytearray()
        ends = array("Q")
        self.group = array("I")  # each article's (folder, root) as a number into self.groups
        self.groups: list[tuple[str, str]] = []
        self.problems: dict[int, str] = {}
        self.shared: set[int] = set()  # parent_baseline: the parent applies the baseline to these
        numbers: dict[tuple[str, str], int] = {}
        for k, (path, root, problem) in enumerate(entries):
            folder, sep, name = path.rpartition("/")
            blob += (sep + name).encode("utf-8", "surrogatepass")  # any str (undecodable names too) comes back
            ends.append(len(blob))
            if (folder, root) not in numbers:
                numbers[folder, root] = len(self.groups)
                self.groups.append((folder, root))
            self.group.append(numbers[folder, root])
            if problem is not None:
                self.problems[k] = problem
        self.blob = bytes(blob)
        self.ends = array("I", ends) if len(blob) < 2 ** 32 else ends

    def __len__(self) -> int:
        return len(self.ends)

    def path(self, k: int) -> str:
        name = self.blob[self.ends[k - 1] if k else 0:self.ends[k]].decode("utf-8", "surrogatepass")
        return self.groups[self.group[k]][0] + name

    def __getitem__(self, k: int) -> Item:
        if not 0 <= k < len(self):
            raise IndexError(k)
        return Item(k, self.path(k), self.groups[self.group[k]][1], self.problems.get(k), k in self.shared)

    def __iter__(self) -> Iterator[Item]:
        return (self[k] for k in range(len(self)))

    def paths(self) -> Iterator[str]:
        return (self.path(k) for k in range(len(self)))

    def checkable(self) -> Iterator[str]:
        """The paths of the articles that could be listed."""
        return (self.path(k) for k in range(len(self)) if k not in self.problems)


class Shown(Sequence):
    """The articles' paths as a report shows them (a name that is not UTF-8 escaped), made when asked for."""

    def __init__(self, items: Items) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if not 0 <= k < len(self):
            raise IndexError(k)
        path = self.items.path(k)
        return clean(path) if has_undecodable_name(path) else path


def list_items(paths: list[Path], repo_root: Path | None) -> Items:
    """The run's articles (api.collect_inputs), with the files that could not even be listed (names not UTF-8,
    loops) in their place. A folder is walked in a forked child that sends back only the compact Items: the Path
    objects of an archive's listing would otherwise leave megabytes of heap in the parent that every worker
    inherits."""
    import pickle

    if not any(os.path.isdir(p) for p in paths) or not hasattr(os, "fork"):
        return _listed(paths, repo_root)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, whatever happens
        code = 0
        try:
            os.close(r)
            try:
                got: Any = _listed(paths, repo_root)
            except BaseException as e:  # raised again in the parent
                got = e
            with os.fdopen(w, "wb") as fh:
                pickle.dump(got, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    try:
        with os.fdopen(r, "rb") as fh:
            got = pickle.load(fh)
    except (EOFError, pickle.UnpicklingError):
        got = None
    finally:
        os.waitpid(pid, 0)
    if got is None:  # the child died (out of memory?): list here instead
        return _listed(paths, repo_root)
    if isinstance(got, BaseException):
        raise got
    return got


def _listed(paths: list[Path], repo_root: Path | None) -> Items:
    from .api import collect_inputs

    inputs, problems = collect_inputs(paths, repo_root)
    roots: dict[Path, str] = {}
    order = sorted([(i.order, str(i.path), roots.setdefault(i.root, str(i.root)), None) for i in inputs] +
                   [(n, name, "", problem) for n, name, problem in problems])
    return Items((path, root, problem) for _, path, root, problem in order)


@dataclass
class Result:
    index: int
    error: str | None = None
    piece: Any = None
    worst: int = -1  # highest severity rank of the findings that count (-1: none)
    unused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the article's own, for standard error
    report: FileReport | None = None  # only when the parent must finish it (a baseline shared by file name)


_JOB: Job | None = None


def _init(job: Job) -> None:
    global _JOB
    _JOB = job


def has_undecodable_name(path: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in str(path))


def check_one(item: Item) -> Result:
    """Worker: one article -> its Result. Never raises: a bug on one article is one line for that article (and an
    error entry in the report), and the batch goes on."""
    job = _JOB
    assert job is not None, "batch worker without a job"
    name = item.path
    shown = clean(name) if has_undecodable_name(name) else name
    error = item.problem
    fr: FileReport | None = None
    if error is None:
        fr, error = check_path(job.checker, item.path, item.root or None)
    unused: list[str] = []
    if fr is not None:
        from .config import apply_config
        from .suppress import apply_suppressions

        fr = apply_config(fr, job.configs[str(Path(name).parent)])
        if fr.text is not None:
            try:
                fr, unused = apply_suppressions(fr, fr.text, Path(name), root=Path(item.root) if item.root else None)
            except FactcheckError as e:
                fr, error = FileReport(path=shown, error=str(e), language=fr.language), str(e)
    if fr is None:
        error = error or f"{clean(name)}: could not be checked"
        fr = FileReport(path=shown, error=error, language="")
    if not job.stream.keep_quantities:
        fr.quantities = []  # only the HTML report shows every quantity
    if job.baseline is not None and fr.error is None:
        if item.parent_baseline:
            return Result(item.index, report=fr, unused=unused, warnings=fr.warnings)
        from .baseline import file_name, filter_file

        fr = filter_file(fr, Counter(job.baseline.get(file_name(fr.path), ())))
    return Result(item.index, error=error, piece=job.stream.piece(fr, item.index), worst=worst_rank(fr),
                  unused=unused, warnings=fr.warnings)


def check_path(checker: Checker, path: str, root: str | None) -> tuple[FileReport | None, str | None]:
    """One article checked, or the one-line reason it could not be."""
    name = clean(path)
    try:
        if has_undecodable_name(path):
            return None, f"{name}: the file name is not valid UTF-8; rename the file"
        return checker.check_file(path, root=root), None
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


def worst_rank(fr: FileReport) -> int:
    return max((SEVERITY_RANK[f.severity] for f in fr.findings if f.verdict != "consistent"), default=-1)


def _run_chunk(items: list[Item]) -> list[Result]:
    return [check_one(i) for i in items]


# Articles a worker checks before a fresh fork replaces it. A worker's caches (RE2's DFA states above all) grow
# with every new text for thousands of articles; replacing workers keeps a run of any length at the size of the
# first thousand, for a pause of about one chunk at each change.
RECYCLE = 1000


def ordered_map(fn: Callable[[list], list], items: Iterable, jobs: int, job: Job, chunk: int,
                started: Callable[[], None] = lambda: None) -> Iterator:
    """fn over chunks of items in worker processes, results yielded in input order, at most a few chunks per worker
    in flight (so results never pile up in the parent), workers replaced every RECYCLE articles each."""
    chunks = _chunks(items, chunk)
    if jobs <= 1:
        _init(job)
        started()
        for c in chunks:
            yield from fn(c)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    per_pool = max(jobs * 4, RECYCLE * jobs // chunk)
    first = True
    while True:
        share = islice(chunks, per_pool)
        head = list(islice(share, jobs * 4))
        if not head:
            return
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(job,)) as pool:
            pending = deque(pool.submit(fn, c) for c in head)
            if first:
                started()
                first = False
            while pending:
                results = pending.popleft().result()
                nxt = next(share, None)
                if nxt is not None:
                    pending.append(pool.submit(fn, nxt))
                yield from results


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while c := list(islice(it, size)):
        yield c


@dataclass
class Outcome:
    worst: int = -1  # the highest severity rank that counts (-1: none)
    errors: list[str] = field(default_factory=list)  # one line for each article that could not be checked
    warnings: list[str] = field(default_factory=list)  # "path: warning" of each article, for standard error
    unused: list[str] = field(default_factory=list)  # unused suppressions (only when asked for)


def run(items: Items, job: Job, output, jobs: int | None, progress: bool, warn_unused: bool,
        file_warnings: bool) -> Outcome:
    """Check every article and write the report through `output` (stream.Output)."""
    n = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    n = min(n, len(items)) if len(items) >= 4 else 1
    left: dict[str, Counter] = {}
    if job.baseline is not None:
        from .baseline import file_name

        names = Counter(file_name(p) for p in items.paths())
        items.shared = {k for k, p in enumerate(items.paths()) if names[file_name(p)] > 1}
        left = {name: Counter(job.baseline.get(name, ())) for name, k in names.items() if k > 1}
    if n > 1:
        job.checker.warm()  # before forking: every worker inherits rules, kinds and imported modules
    chunk = max(1, min(16, len(items) // (n * 8) or 1))
    bar = None
    out = Outcome()
    output.open()
    try:
        def started() -> None:
            nonlocal bar
            if progress:
                bar = Progress(len(items))

        for res in ordered_map(_run_chunk, items, n, job, chunk, started):
            if res.report is not None:  # the baseline is shared with other files of this name: in order, here
                from .baseline import file_name, filter_file

                fr = filter_file(res.report, left[file_name(res.report.path)])
                res.piece, res.worst = job.stream.piece(fr, res.index), worst_rank(fr)
            output.stream.add(res.piece)
            if res.error is not None:
                out.errors.append(res.error)
            out.worst = max(out.worst, res.worst)
            if warn_unused:
                out.unused += res.unused
            if file_warnings and res.warnings:
                path = items.path(res.index)
                shown = clean(path)
                out.warnings += [f"{shown}: {w}" for w in res.warnings]
            if bar:
                bar.advance(len(out.errors))
    except BaseException:
        if bar:
            bar.close()
            bar = None
        output.abort()
        raise
    if bar:
        bar.close()
    output.close()
    return out


class Progress:
    """Articles checked, articles per second, articles that failed so far and the time left, on stderr, only when
    stderr is a terminal (never in CI logs)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

        self.start = time.perf_counter()
        # Refreshed from advance(), not by rich's own thread: workers are forked while the bar is up.
        self.p = Bar(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                     TextColumn("{task.fields[rate]} articles/s"), TextColumn("{task.fields[errors]}"),
                     TextColumn("ETA"), TimeRemainingColumn(), transient=True, auto_refresh=False,
                     console=Console(stderr=True))
        self.task = self.p.add_task("check", total=total, rate="–", errors="")
        self.done = 0
        self.shown = 0.0
        self.p.start()

    def advance(self, errors: int) -> None:
        self.done += 1
        now = time.perf_counter()
        rate = self.done / max(1e-9, now - self.start)
        self.p.update(self.task, advance=1, rate=f"{rate:.0f}",
                      errors=f"{errors} could not be checked" if errors else "")
        if now - self.shown > 0.1:
            self.shown = now
            self.p.refresh()

    def close(self) -> None:
        self.p.stop()
