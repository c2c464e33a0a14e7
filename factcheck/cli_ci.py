"""CI sub-commands, added to the main typer app by `register(app)`:

  factcheck baseline create PATH... -o FILE   accept today's findings (see baseline.py)
  factcheck config show [PATH]                the effective configuration and where each value came from

Heavy modules are imported inside the commands so `factcheck --help` stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

baseline_app = typer.Typer(help="Accept the current findings so CI fails only on new ones.", no_args_is_help=True)
config_app = typer.Typer(help="Inspect the configuration factcheck finds.", no_args_is_help=True)


def _fail(exc: Exception) -> None:
    from .display import clean

    typer.echo(f"factcheck: {clean(exc)}", err=True)
    raise typer.Exit(2)


@baseline_app.command("create")
def baseline_create(
    paths: Annotated[list[Path], typer.Argument(help="Articles or folders to check.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write.")] = Path(
        "factcheck-baseline.json"),
) -> None:
    """Check PATHS and write every current finding to a baseline file."""
    import json

    from .baseline import create_baseline
    from .config import apply_config, load_config
    from .errors import FactcheckError
    from .fileio import write_atomic
    from .suppress import apply_suppressions

    try:
        from .api import check_paths
    except ImportError as exc:
        _fail(RuntimeError(f"the checking pipeline is not available: {exc}"))
    try:
        cfg = load_config(paths[0])
        report = check_paths(list(paths), rule_paths=[Path(r) for r in cfg.rules] or None, language=cfg.language)
        files = []
        for fr in report.files:
            fr = apply_config(fr, load_config(Path(fr.path)))
            if fr.text is not None:
                fr, _ = apply_suppressions(fr, fr.text, Path(fr.path))
            files.append(fr)
        baseline = create_baseline(report.model_copy(update={"files": files}))
        protect = {Path(os.path.realpath(p)) for p in paths} | {Path(os.path.abspath(p)) for p in paths}
        for fr in report.files:
            protect |= {Path(os.path.realpath(fr.path)), Path(os.path.abspath(fr.path))}
        write_atomic(output, json.dumps(baseline, ensure_ascii=False, indent=2) + "\n", protect=protect)
    except FactcheckError as exc:
        _fail(exc)
    from .display import clean

    typer.echo(f"wrote {len(baseline['findings'])} finding(s) to {clean(output)}", err=True)


@config_app.command("show")
def config_show(
    path: Annotated[Path | None, typer.Argument(help="Article or folder to start the search from (default: .).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of TOML-like lines.")] = False,
) -> None:
    """Print the effective configuration and where each value came from."""
    import json

    from .config import KEYS, load_config
    from .display import clean, json_escape_invisible
    from .errors import FactcheckError

    try:
        cfg = load_config(path or Path("."))
    except FactcheckError as exc:
        _fail(exc)
    values = cfg.model_dump(include=set(KEYS))
    if as_json:
        typer.echo(json_escape_invisible(json.dumps({"path": cfg.path, "values": values, "sources": cfg.sources},
                                                    ensure_ascii=False, indent=2)))
        return
    typer.echo(clean(f"# config file: {cfg.path or 'none found'}"))
    for key in KEYS:
        typer.echo(clean(f"{key} = {json.dumps(values[key], ensure_ascii=False)}  # {cfg.sources.get(key, 'default')}"))
    for w in cfg.warnings:
        typer.echo(f"# warning: {clean(w)}")


def register(app: typer.Typer) -> None:
    app.add_typer(baseline_app, name="baseline")
    app.add_typer(config_app, name="config")
