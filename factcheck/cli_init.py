"""`factcheck init ARTICLE`: a starter article-specific rule file listing every quantity with a suggested name."""

from __future__ import annotations

import os
from pathlib import Path

import typer


def init(
    article: Path = typer.Argument(..., help="The article to write a rule file for."),
    output: Path = typer.Option(None, "--output", "-o", help="Where to write (default: ARTICLE.factcheck.yaml "
                                                             "beside it, i.e. <stem>.factcheck.yaml)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing rule file."),
) -> None:
    """Write <stem>.factcheck.yaml beside ARTICLE: its quantities, named, ready for relations."""
    from .article_rules import sidecar, starter
    from .display import clean
    from .errors import FactcheckError
    from .extract import extract
    from .fileio import write_atomic
    from .read import make_document, read_path

    try:
        text, enc = read_path(article)
        target = output or sidecar(article)
        if os.path.lexists(target) and not force:
            raise FactcheckError(f"{clean(target)}: already exists (use --force to overwrite)")
        doc = make_document(text, path=str(article), encoding=enc)
        write_atomic(target, starter(text, extract(doc), article.name),
                     protect={Path(os.path.realpath(article)), Path(os.path.abspath(article))})
    except FactcheckError as e:
        typer.echo(f"factcheck: {clean(e)}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {clean(target)}")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
