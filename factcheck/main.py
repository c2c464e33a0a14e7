"""The `factcheck` command's entry point.

`factcheck run` with options spelled plainly is parsed here, without typer: importing typer is about a third of a
one-article run. Anything else (--help, --version, the other commands, an option spelled in a way this parser does
not know, a value it would not take, an option given twice) goes to the typer app in cli.py, which parses and
reports errors as it always has. tests/test_main.py holds the two parsers to the same options.
"""

from __future__ import annotations

import sys

# `run`'s options: spelling -> (RunOptions field, what it takes): "flag", "str", "path", "paths" (repeatable),
# "int", or the choices separated by |.
RUN_OPTIONS: dict[str, tuple[str, str]] = {
    "--format": ("format", "str"), "-f": ("format", "str"),
    "--output": ("output", "str"), "-o": ("output", "str"),
    "--rules": ("rules", "paths"),
    "--fail-on": ("fail_on", "error|warning|info|never"),
    "--language": ("language", "str"),
    "--baseline": ("baseline", "path"),
    "--changed-since": ("changed_since", "str"),
    "--warn-unused-ignores": ("warn_unused_ignores", "flag"),
    "--jobs": ("jobs", "int"), "-j": ("jobs", "int"),
    "--verbose": ("verbose", "flag"), "-v": ("verbose", "flag"),
    "--quiet": ("quiet", "flag"), "-q": ("quiet", "flag"),
    "--only": ("only", "errors|problems|all"),
}


def parse_run(args: list[str]) -> dict | None:
    """The keyword arguments of RunOptions for `run ARGS...`, or None when typer should parse them."""
    if not args or args[0] != "run":
        return None
    from pathlib import Path

    opts: dict = {"paths": []}
    i = 1
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            if not arg:
                return None
            opts["paths"].append(Path(arg))
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in RUN_OPTIONS:
            return None
        field, takes = RUN_OPTIONS[name]
        if takes == "flag":
            if eq or field in opts:
                return None
            opts[field] = True
            continue
        if not eq:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        if not value or (value.startswith("-") and value != "-"):
            return None
        if takes == "paths":
            opts.setdefault(field, []).append(Path(value))
            continue
        if field in opts:
            return None  # given twice: typer says what it makes of that
        if takes == "path":
            opts[field] = Path(value)
        elif takes == "int":
            if not (value.isascii() and value.isdigit()):
                return None
            opts[field] = int(value)
        elif takes == "str":
            opts[field] = value
        elif value in takes.split("|"):
            opts[field] = value
        else:
            return None
    return opts if opts["paths"] else None


def main() -> None:
    from . import dataclass_cache, regex_cache

    dataclass_cache.install()  # before any module defines a dataclass
    regex_cache.install()  # before anything compiles a pattern
    opts = parse_run(sys.argv[1:])
    if opts is None:
        from .cli import main as typer_main

        typer_main()
        return
    from .runner import RunOptions, execute

    try:
        code = execute(RunOptions(**opts))
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)
