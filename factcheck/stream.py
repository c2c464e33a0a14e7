"""Reports written as results arrive, so a batch of any size holds one article at a time.

A Stream is one output format in two halves. `piece` runs in a worker process on one article's finished report
and returns something small: the rendered text for that article (or its lines grouped by severity, for formats
that list errors first across the whole run) and a few counts. `add` and `close` run in the parent, in input order:
text goes straight to the output, severity groups to temporary spool files, joined at the end; nothing keeps an
article's report. Output is byte for byte what the renderer gives for the whole report at once (tests/test_stream.py).

The run's Report without files (`meta`: tool, version, generated time, run warnings) is known before the first
article: every page of an HTML folder shows the run's warnings. Formats without a stream here (a renderer from a
plug-in, several articles in one HTML file) hold every report and render once at the end, as before.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from .display import clean, json_escape_invisible, xml_escape_invisible
from .errors import FactcheckError
from .model import FileReport, Report

_SEVERITIES = ("error", "warning", "info")


# --- where text goes -------------------------------------------------------------------------------------------

class StdoutSink:
    """Standard output; like a whole report, what is written ends with a line break."""

    def __init__(self) -> None:
        self.last = ""

    def write(self, s: str) -> None:
        if not s:
            return
        try:
            sys.stdout.write(s)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise FactcheckError(f"cannot write the report to standard output ({e.strerror or e})") from None
        self.last = s[-1]

    def commit(self) -> None:
        if self.last and self.last != "\n":
            self.write("\n")
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise FactcheckError(f"cannot write the report to standard output ({e.strerror or e})") from None

    def abort(self) -> None:
        pass


class Spool:
    """Records (any strings) kept in a temporary file until the end, read back in order."""

    def __init__(self) -> None:
        import tempfile  # here: most reports need no spool (its import costs ~5 ms)

        self.fh = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self.count = 0

    def add(self, record: str) -> None:
        self.fh.write(f"{len(record)}\n{record}")
        self.count += 1

    def records(self) -> Iterator[str]:
        self.fh.seek(0)
        for _ in range(self.count):
            n = int(self.fh.readline())
            yield self.fh.read(n)

    def close(self) -> None:
        self.fh.close()


def _indent(text: str, n: int) -> str:
    pad = " " * n
    return "\n".join(pad + line for line in text.split("\n"))


_HOLE = "\x00factcheck-stream-{}\x00"  # a value the skeleton of a document holds where a streamed list goes


def _split(text: str, hole: str) -> tuple[str, str, int]:
    """text (JSON with the string value `hole` in it) cut around that value, and the indent of its line."""
    marker = json.dumps(hole)
    head, tail = text.split(marker, 1)
    line = head.rsplit("\n", 1)[-1]
    return head, tail, len(line) - len(line.lstrip(" "))


def _json_array(items: Iterator[str], indent: int, write: Callable[[str], None]) -> None:
    """A JSON array of already indented items, as json.dumps(indent=2) writes it at this indent."""
    first = True
    for item in items:
        write(("[\n" if first else ",\n") + item)
        first = False
    write("[]" if first else "\n" + " " * indent + "]")


def _dumps(data: Any) -> str:
    return json_escape_invisible(json.dumps(data, ensure_ascii=False, indent=2))


# --- the formats -----------------------------------------------------------------------------------------------

class Stream:
    """See the module's docstring. total: the number of articles of the run (text and HTML say so)."""

    keep_quantities = False

    def __init__(self, renderer, meta: Report, total: int) -> None:
        self.renderer = renderer
        self.meta = meta
        self.total = total
        self.files = 0

    def piece(self, fr: FileReport, index: int) -> Any:  # worker side; index: the article's place in the run
        raise NotImplementedError

    def open(self, sink) -> None:
        self.sink = sink

    def add(self, piece: Any) -> None:
        self.files += 1

    def close(self) -> None:
        pass

    def _one(self, fr: FileReport) -> Report:
        return Report(tool=self.meta.tool, version=self.meta.version, generated=self.meta.generated, files=[fr])


class JsonStream(Stream):
    """The JSON report's own shape, {"tool", ..., "files": [...], "warnings": [...]}, one file entry at a time."""

    def _skeleton(self) -> tuple[str, str, int]:
        doc = self.meta.to_dict()
        doc["files"] = _HOLE.format("files")
        return _split(_dumps(doc), _HOLE.format("files"))

    def open(self, sink) -> None:
        super().open(sink)
        head, _, self.indent = self._skeleton()
        sink.write(head)
        self.first = True

    def piece(self, fr: FileReport, index: int = 0) -> str:
        return _indent(_dumps(fr.to_dict()), self.indent + 2)

    def add(self, piece: str) -> None:
        super().add(piece)
        self.sink.write(("[\n" if self.first else ",\n") + piece)
        self.first = False

    def close(self) -> None:
        _, tail, _ = self._skeleton()  # the run's warnings come after the files
        self.sink.write(("[]" if self.first else "\n" + " " * self.indent + "]") + tail + "\n")


class JsonLinesStream(Stream):
    """One line per article: the same object as an entry of the JSON report's files."""

    def piece(self, fr: FileReport, index: int = 0) -> str:
        return fr.to_json() + "\n"

    def add(self, piece: str) -> None:
        super().add(piece)
        self.sink.write(piece)


class TextStream(Stream):
    def piece(self, fr: FileReport, index: int = 0) -> tuple[str, dict[int, int], bool]:
        return self.renderer.render_file(fr, self.total > 1)

    def open(self, sink) -> None:
        super().open(sink)
        self.totals = {k: 0 for k in range(6)}
        self.printed = False

    def add(self, piece) -> None:
        super().add(piece)
        text, counts, printed = piece
        for k, n in counts.items():
            self.totals[k] += n
        self.printed = self.printed or printed
        self.sink.write(text)

    def close(self) -> None:
        self.sink.write(self.renderer.render_end(self.meta.warnings, self.total, self.totals, self.printed))


class _BySeverity(Stream):
    """Formats that list every finding of the run by severity (errors first), then what each file could not do:
    a spool per severity, and one for the files' own notes, in input order."""

    def open(self, sink) -> None:
        super().open(sink)
        self.spools = {s: Spool() for s in _SEVERITIES}
        self.notes = Spool()

    def add(self, piece: tuple[dict[str, list[str]], list[str]]) -> None:
        super().add(piece)
        by_severity, notes = piece
        for sev, records in by_severity.items():
            for r in records:
                self.spools[sev].add(r)
        for r in notes:
            self.notes.add(r)

    def records(self) -> Iterator[str]:
        for sev in _SEVERITIES:
            yield from self.spools[sev].records()

    def _close_spools(self) -> None:
        for s in (*self.spools.values(), self.notes):
            s.close()


def _by_severity(lines: list[str], fr_pairs: list) -> tuple[dict[str, list[str]], list[str]]:
    """Lines whose first len(fr_pairs) entries belong to those (file, finding) pairs; the rest are file notes."""
    out: dict[str, list[str]] = {s: [] for s in _SEVERITIES}
    for (_, f), line in zip(fr_pairs, lines):
        out[f.severity if f.severity in out else "info"].append(line)
    return out, lines[len(fr_pairs):]


class LinesStream(_BySeverity):
    """github annotations, reviewdog rdjsonl: one line per finding, then the files' errors and warnings."""

    def piece(self, fr: FileReport, index: int = 0) -> tuple[dict[str, list[str]], list[str]]:
        from .report._ci import ordered

        one = self._one(fr)
        if self.renderer.name == "github":
            from .report.github import to_commands

            lines = to_commands(one)
        else:
            from .report.rdjsonl import to_diagnostics

            lines = [json_escape_invisible(json.dumps(d, ensure_ascii=False)) for d in to_diagnostics(one)]
        return _by_severity(lines, ordered(one))

    def close(self) -> None:
        for line in self.records():
            self.sink.write(line + "\n")
        for line in self.notes.records():
            self.sink.write(line + "\n")
        if self.renderer.name == "github":
            from .report.github import annotation

            for w in self.meta.warnings:
                self.sink.write(annotation("warning", {"title": "factcheck"}, w) + "\n")
        self._close_spools()


class SarifStream(_BySeverity):
    """Results by severity, with the rule list built from them at the end; then the invocation: the files' errors
    (executionSuccessful is false when there is one), then their warnings, then the run's."""

    def piece(self, fr: FileReport, index: int = 0) -> tuple[dict[str, list[str]], list[str], list[str]]:
        from .report._ci import SARIF_LEVEL, Lines, reported
        from .report.sarif import file_notes, sarif_result

        lines = Lines(fr.text)
        out: dict[str, list[str]] = {s: [] for s in _SEVERITIES}
        for f in reported(fr):
            level = SARIF_LEVEL.get(f.severity, "warning")
            head = json.dumps([f.rule, f.kind, level], ensure_ascii=False)
            out[f.severity if f.severity in out else "info"].append(head + "\n" + _dumps(sarif_result(fr, f, lines)))
        errors, warnings = file_notes(fr)
        return out, [json.dumps(n, ensure_ascii=False) for n in errors], [json.dumps(n, ensure_ascii=False)
                                                                         for n in warnings]

    def open(self, sink) -> None:
        super().open(sink)
        self.seen: dict[str, dict[str, tuple]] = {s: {} for s in _SEVERITIES}  # first appearance per severity
        self.warned = Spool()

    def add(self, piece) -> None:
        by_severity, errors, warnings = piece
        for sev, records in by_severity.items():
            for r in records:
                rule_id, kind, level = json.loads(r.split("\n", 1)[0])
                self.seen[sev].setdefault(rule_id, (rule_id, kind, level))
        for w in warnings:
            self.warned.add(w)
        super().add((by_severity, errors))

    def close(self) -> None:
        from .report.sarif import invocation, rules_in_order, run_skeleton

        rules = rules_in_order([t for sev in _SEVERITIES for t in self.seen[sev].values()])
        index = {r["id"]: i for i, r in enumerate(rules)}
        doc = run_skeleton(self.meta.version, rules)
        run = doc["runs"][0]
        run["results"] = _HOLE.format("results")
        run["invocations"] = [invocation(self.notes.count > 0, [])]
        if self.notes.count or self.warned.count or self.meta.warnings:
            run["invocations"][0]["toolExecutionNotifications"] = _HOLE.format("notes")
        head, rest, indent = _split(_dumps(doc), _HOLE.format("results"))
        self.sink.write(head)

        def results() -> Iterator[str]:
            for record in self.records():
                meta, body = record.split("\n", 1)
                body = body.replace('"ruleIndex": -1', f'"ruleIndex": {index[json.loads(meta)[0]]}', 1)
                yield _indent(body, indent + 2)

        _json_array(results(), indent, self.sink.write)
        if "toolExecutionNotifications" in run["invocations"][0]:
            middle, rest, indent = _split(rest, _HOLE.format("notes"))
            self.sink.write(middle)

            def notes() -> Iterator[str]:
                for spool in (self.notes, self.warned):
                    for record in spool.records():
                        yield _indent(_dumps(json.loads(record)), indent + 2)
                for w in self.meta.warnings:
                    yield _indent(_dumps({"level": "warning", "message": {"text": w}}), indent + 2)

            _json_array(notes(), indent, self.sink.write)
        self.sink.write(rest + "\n")
        self.warned.close()
        self._close_spools()


class JunitStream(Stream):
    """One <testsuite> per article, spooled; the root element carries the run's totals, so it is written last."""

    def piece(self, fr: FileReport, index: int = 0) -> tuple[str, dict[str, int]]:
        return _suites(self._one(fr))

    def open(self, sink) -> None:
        super().open(sink)
        self.spool = Spool()
        self.totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def add(self, piece) -> None:
        super().add(piece)
        inner, counts = piece
        self.spool.add(inner)
        for k, v in counts.items():
            self.totals[k] += v

    def close(self) -> None:
        import xml.etree.ElementTree as ET

        if self.spool.count == 0:
            self.sink.write(self.renderer.render(Report(version=self.meta.version, warnings=self.meta.warnings)))
            return
        warned, counts = _suites(Report(warnings=self.meta.warnings)) if self.meta.warnings else ("", {})
        for k, v in counts.items():
            self.totals[k] += v
        root = ET.Element("testsuites", name="factcheck")
        for k, v in self.totals.items():
            root.set(k, str(v))
        opening = ET.tostring(root, encoding="unicode")
        opening = opening[: opening.rindex("/>")].rstrip() + ">"
        self.sink.write('<?xml version="1.0" encoding="UTF-8"?>\n' + opening + "\n")
        for inner in self.spool.records():
            self.sink.write(inner + "\n")
        if warned:
            self.sink.write(warned + "\n")
        self.sink.write("</testsuites>\n")
        self.spool.close()


def _suites(report: Report) -> tuple[str, dict[str, int]]:
    """The <testsuite> elements JUnit gives for this report, indented as in the whole document, and its totals."""
    import xml.etree.ElementTree as ET

    from .report.junit import to_xml

    root = to_xml(report)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    inner = text[text.index(">") + 1:text.rindex("</testsuites>")].strip("\n")
    return xml_escape_invisible(inner), {k: int(root.get(k, "0")) for k in ("tests", "failures", "errors", "skipped")}


@dataclass
class IndexRow:
    """What the HTML index needs of one article (the template reads these names), instead of its report."""

    name: str
    href: str
    lang: str
    counts: dict[str, int]
    file: Any


@dataclass
class _IndexFile:
    path: str
    coverage: Any
    error: str | None = None


class HtmlPagesStream(Stream):
    """--format html into a folder: each article's page written as it arrives, the index from small rows."""

    keep_quantities = True

    def __init__(self, renderer, meta: Report, total: int, folder: Path, names: list[str],
                 protect: set[Path]) -> None:
        super().__init__(renderer, meta, total)
        self.folder, self.names, self.protect = folder, names, protect

    def piece(self, fr: FileReport, index: int) -> tuple[str, IndexRow]:
        from .report.html import build_view

        name = self.names[index]
        view = build_view(fr, "", href=name)
        page = self.renderer._page("article.html.j2", self.meta, [view], index_href="index.html", combined=False)
        row = IndexRow(name=view.name, href=name, lang=view.lang, counts=view.counts,
                       file=_IndexFile(path=fr.path, coverage=fr.coverage, error=fr.error))
        return page, row

    def open(self, sink) -> None:
        super().open(sink)
        self.rows: list[IndexRow] = []

    def add(self, piece) -> None:
        from .fileio import write_atomic

        super().add(piece)
        page, row = piece
        write_atomic(self.folder / row.href, page, protect=self.protect)
        self.rows.append(row)

    def close(self) -> None:
        from .fileio import write_atomic

        index = self.renderer._page("index.html.j2", self.meta, self.rows, page_lang="en")
        write_atomic(self.folder / "index.html", index, protect=self.protect)


class HoldAll(Stream):
    """No stream for this output: keep every report, render once at the end (plug-in renderers, several articles
    combined into one HTML file)."""

    def __init__(self, renderer, meta: Report, total: int, write: Callable[[Report], None]) -> None:
        super().__init__(renderer, meta, total)
        self.write_all = write
        self.keep_quantities = renderer.name == "html"

    def piece(self, fr: FileReport, index: int = 0) -> FileReport:
        return fr

    def open(self, sink) -> None:
        super().open(sink)
        self.reports: list[FileReport] = []

    def add(self, piece: FileReport) -> None:
        super().add(piece)
        self.reports.append(piece)

    def close(self) -> None:
        self.write_all(self.meta.model_copy(update={"files": self.reports}))


STREAMS: dict[str, type[Stream]] = {"json": JsonStream, "jsonl": JsonLinesStream, "text": TextStream,
                                    "github": LinesStream, "rdjsonl": LinesStream, "sarif": SarifStream,
                                    "junit": JunitStream}
DEFAULT_HTML_DIR = Path("reports")
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
_REPORT_MARK = b'<meta name="generator" content="factcheck'


class Output:
    """Where a run's report goes, decided before the first article: standard output; a file; a folder (one report
    file in it, or HTML pages and an index). Only a regular file or nothing is replaced, never an input of the run
    (`protect_for(folders)` gives those that lie in the folders written to); an existing article-like file only
    when it is an earlier factcheck HTML report or the command line named it; output that nobody typed (the default
    reports/, a configuration's) stays inside the repository.

    names: the articles' paths as the report shows them, in order (their number decides some targets, and HTML
    pages are named after them)."""

    def __init__(self, fmt: str, renderer, meta: Report, output: str | None, names: list[str],
                 protect_for: Callable[[list[Path]], set[Path]], from_config: bool, repo_root: Path) -> None:
        n = len(names)
        self.renderer, self.from_config = renderer, from_config
        self.message: str | None = None
        self.sink = None
        self.file: Path | None = None  # one report file, streamed into place
        self.folder: Path | None = None  # pages written at the end by a renderer without a stream
        self.protect: set[Path] = set()
        ours = type(renderer).__module__.startswith("factcheck.report.")
        builtin = fmt in STREAMS and ours
        if output == "-" or (output is None and fmt != "html"):
            self.stdout = True
            self.stream = STREAMS[fmt](renderer, meta, n) if builtin else HoldAll(renderer, meta, n, self._write_all)
            return
        self.stdout = False
        default = output is None
        if default:  # html without -o: reports/
            output = str(DEFAULT_HTML_DIR) + os.sep
            if n == 1:
                output = str(DEFAULT_HTML_DIR / (_stem(names[0]) + ".html"))
        target = Path(output)
        as_dir = (output.endswith(("/", os.sep)) or (os.path.isdir(target) and not os.path.islink(target))
                  or (fmt == "html" and n > 1 and target.suffix != ".html"))
        if default or from_config:  # a path nobody typed: it must stay inside the repository
            from .fileio import inside

            real = Path(os.path.realpath(target))
            if not inside(real, repo_root):
                raise FactcheckError(f"{clean(output)}: the report would be written outside {clean(repo_root)} "
                                     f"(to {clean(real)}); refused")
        self.protect = protect_for([target if as_dir else target.parent])
        if as_dir and fmt == "html" and ours:
            from .report.html import names_for

            pages = names_for(names)
            for name in pages + ["index.html"]:
                check_overwrite(target / name, from_config)
            self.stream = HtmlPagesStream(renderer, meta, n, target, pages, self.protect)
            self.message = f"factcheck: wrote {n + 1} file(s) to {clean(target)}"
            return
        if as_dir and not builtin:  # the renderer may give pages (render_pages): all written at the end
            self.folder = target
            self.stream = HoldAll(renderer, meta, n, self._write_pages)
            return
        self.file = target / f"factcheck-report{renderer.extension}" if as_dir else target
        check_overwrite(self.file, from_config)
        self.stream = STREAMS[fmt](renderer, meta, n) if builtin else HoldAll(renderer, meta, n, self._write_all)
        self.message = (f"factcheck: wrote 1 file(s) to {clean(target)}" if as_dir
                        else f"factcheck: wrote {clean(target)}")

    def open(self) -> None:
        from .fileio import AtomicFile

        if self.stdout:
            self.sink = StdoutSink()
        elif self.file is not None:
            self.sink = AtomicFile(self.file, self.protect)
        self.stream.open(self.sink)

    def _write_all(self, report: Report) -> None:
        self.sink.write(self.renderer.render(report))

    def _write_pages(self, report: Report) -> None:
        from .fileio import write_atomic

        pages = self.renderer.render_pages(report) or {
            f"factcheck-report{self.renderer.extension}": self.renderer.render(report)}
        for name in pages:
            check_overwrite(self.folder / name, self.from_config)
        for name, content in pages.items():
            write_atomic(self.folder / name, content, protect=self.protect)
        self.message = f"factcheck: wrote {len(pages)} file(s) to {clean(self.folder)}"

    def close(self) -> None:
        self.stream.close()
        if self.sink is not None:
            self.sink.commit()
        if self.message:
            print(self.message, file=sys.stderr)

    def abort(self) -> None:
        if self.sink is not None:
            self.sink.abort()


def _stem(path: str) -> str:
    return "stdin" if path == "<stdin>" else Path(path).stem


def check_overwrite(path: Path, from_config: bool) -> None:
    """An existing file that may be an article (.txt, .md, .html ...) is replaced only when it is an earlier
    factcheck HTML report, or when the command line named it (a configuration file may not)."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES or not os.path.isfile(path) or os.path.islink(path):
        return
    if path.suffix.lower() in (".html", ".htm"):
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096)
        except OSError:
            return  # writing says what is wrong
        if _REPORT_MARK in head:
            return
        raise FactcheckError(f"{clean(path)}: exists and is not a factcheck report; refusing to overwrite it")
    if from_config:
        raise FactcheckError(f"{clean(path)}: exists and may be an article; a configuration file may not name it "
                             "as the output (pass -o on the command line to overwrite it)")
