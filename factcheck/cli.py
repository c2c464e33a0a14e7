"""Command line: parse options, call the library, render, compute the exit code. Kept thin on purpose.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, input or rule-file error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

from . import regex_cache

regex_cache.install()  # before anything compiles a pattern: the build's compiled patterns, when it left them

import typer  # noqa: E402

from . import __version__  # noqa: E402
from .errors import FactcheckError  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Check the arithmetic of news articles: sums, shares, growth rates, differences, counts.")
rules_app = typer.Typer(no_args_is_help=True, help="List, validate and describe rule files.")
app.add_typer(rules_app, name="rules")

FAIL_ORDER = {"info": 0, "warning": 1, "error": 2}


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Only(str, Enum):
    errors = "errors"
    problems = "problems"
    all = "all"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    pass


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="Articles (.txt, .md, .html) or folders of them; - reads one "
                                                "article from standard input."),
    format: Optional[str] = typer.Option(None, "--format", "-f",
                                         help="text (default), json, jsonl, html, sarif, github, junit, rdjsonl."),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="File, or folder (a trailing / or an existing folder), to write to; "
                                              "- for standard output (html defaults to reports/)."),
    rules: Optional[list[Path]] = typer.Option(None, "--rules", help="Extra rule files or folders."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1."),
    language: Optional[str] = typer.Option(None, "--language",
                                           help="zh, en or auto (default: auto, detected per article)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", help="Only articles changed since a git ref."),
    warn_unused_ignores: bool = typer.Option(False, "--warn-unused-ignores", help="Warn about unused suppressions."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default or 0: CPU count)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Text format: spell out consistent findings too."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Text format: only what needs fixing (errors, slips, partial lists); "
                                    "nothing for an article without any."),
    only: Optional[Only] = typer.Option(None, "--only",
                                        help="Text format: list only errors, only problems (errors, slips, "
                                             "partial lists), or all findings (default)."),
) -> None:
    """Check articles and report every arithmetic relation found, with its verdict."""
    from .runner import RunOptions, execute

    opts = RunOptions(paths=paths, format=format, output=output, rules=rules or [], fail_on=fail_on.value if fail_on else None,
                      language=language, baseline=baseline, changed_since=changed_since,
                      warn_unused_ignores=warn_unused_ignores, jobs=jobs, verbose=verbose, quiet=quiet,
                      only=only.value if only else None)
    raise typer.Exit(execute(opts))


@rules_app.command("list")
def rules_list(
    rules: Optional[list[Path]] = typer.Option(None, "--rules", help="Extra rule files or folders."),
    language: Optional[str] = typer.Option(None, "--language", help="Only rules for zh or en."),
) -> None:
    """List the rules in force: id, kind, language and what each checks."""
    from .display import clean
    from .api import load_rules

    if language not in (None, "zh", "en"):
        raise FactcheckError(f"--language {clean(language)!r}: choose zh or en")
    for r in sorted(load_rules(rules or [], language), key=lambda r: r.id):
        typer.echo(clean(f"{r.id:34s} {r.kind:18s} {r.language}  {' '.join(r.description.split())[:90]}"))


@rules_app.command("validate")
def rules_validate(paths: list[Path] = typer.Argument(..., help="Rule files or folders.")) -> None:
    """Validate rule files against the schema and run their examples."""
    from .display import clean
    from .engine.examples import run_examples
    from . import plugins
    from .engine.rules import load_rule_file, rule_files

    plugins.load()

    failures = 0
    count = lexicons = 0
    for p in paths:
        if p.is_file() and p.name.endswith(".lexicon.yaml"):
            lexicons += 1
            from .facts.lexicon import parse_lexicon

            parse_lexicon(p.read_text(encoding="utf-8"), str(p))  # raises a RuleError naming the line at fault
            typer.echo(f"{p}: lexicon valid")
            continue
        for f in rule_files(p):
            for rule in load_rule_file(f, root=p if p.is_dir() else None):
                count += 1
                for problem in run_examples(rule):
                    failures += 1
                    typer.echo(clean(f"{rule.source}: {rule.id}: {problem}"), err=True)
    if failures:
        typer.echo(f"{failures} example(s) failed in {count} rule(s)", err=True)
        raise typer.Exit(1)
    if count or not lexicons:
        typer.echo(f"{count} rule(s) valid, all examples pass")


@rules_app.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files."""
    from .engine.rules import schema_json

    typer.echo(schema_json())


def _register_extras() -> None:
    for name in ("cli_ci", "cli_init"):
        try:
            mod = __import__(f"factcheck.{name}", fromlist=["register"])
        except ImportError:
            continue
        mod.register(app)


_register_extras()


def main() -> None:
    try:
        app(standalone_mode=True)
    except FactcheckError as e:
        from .display import clean

        typer.echo(f"factcheck: {clean(e)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(130)
