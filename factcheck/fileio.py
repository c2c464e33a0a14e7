"""Writing reports safely: a temporary file in the target folder, then an atomic rename. Inputs are never written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import FactcheckError


def write_atomic(path: Path, text: str, protect: set[Path] | None = None) -> None:
    path = Path(path)
    if protect and path.resolve() in protect:
        raise FactcheckError(f"{path}: refusing to overwrite an input file with a report")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
