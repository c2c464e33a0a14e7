"""The methods that dataclasses writes for our classes (__init__, __repr__, __eq__, ...), compiled at build time.

dataclasses makes each method by compiling a few lines of source text with exec(): for the ~45 classes a run
defines, 30-50 ms of a one-article run. The build (setup.py) imports the package's modules once with that exec()
watched and keeps the code compiled from each text; the command line then puts a lookup in front of dataclasses'
exec(): a recorded text runs its stored code, any other text is compiled as usual. The methods are the same
either way (the same text, compiled the way exec() compiles it); only the time to make them differs.

This leans on one detail of the standard library: dataclasses calls exec() on the source text it writes (3.11 to
3.13). The file holds code objects in marshal form, as a .pyc does, in the package's own folder (never a user's
cache), keyed by the interpreter's exact version and optimisation level: a build by another Python is not used.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent / "_compiled_dataclasses.marshal"


def _key() -> tuple:
    return (sys.version, sys.implementation.cache_tag, sys.flags.optimize)


def _compile(source: str):
    # as exec() compiles a text: file name <string>, no __future__ flags of the caller (dataclasses has none)
    return compile(source, "<string>", "exec", dont_inherit=True)


def install(path: Path = PATH) -> bool:
    """Put the recorded methods in front of dataclasses' exec(). False (and nothing changed) when there is no
    recording, or it was made by another interpreter."""
    try:
        import dataclasses

        with open(path, "rb") as fh:
            payload = marshal.load(fh)
        if not isinstance(payload, dict) or payload.get("key") != _key():
            return False
        codes = payload["codes"]
        if not isinstance(codes, dict):
            return False
    except Exception:  # no recording, an unreadable one
        return False
    if "exec" in vars(dataclasses):
        return True  # installed already, or recording

    def exec_(source, globals=None, locals=None):
        code = codes.get(source) if type(source) is str else None
        return builtins.exec(source if code is None else code, globals, locals)

    dataclasses.exec = exec_
    return True


def record(run, path: Path = PATH) -> int:
    """Call run() with dataclasses' exec() watched, and write the code of the package's classes' methods to path.
    Returns the number of texts recorded."""
    import dataclasses

    codes: dict[str, object] = {}

    def exec_(source, globals=None, locals=None):
        if type(source) is str:
            code = _compile(source)
            if str((globals or {}).get("__name__", "")).startswith("factcheck"):
                codes[source] = code
            return builtins.exec(code, globals, locals)
        return builtins.exec(source, globals, locals)

    dataclasses.exec = exec_
    try:
        run()
    finally:
        del dataclasses.exec
    path.write_bytes(marshal.dumps({"key": _key(), "codes": codes}))
    return len(codes)


def import_all() -> None:
    """Every module of the package imported (what both build-time recordings run first)."""
    import importlib
    import pkgutil

    import factcheck

    for m in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if m.name.endswith("__main__"):
            continue  # runs the command line
        try:
            importlib.import_module(m.name)
        except Exception:  # a module that needs what the build does not have (the command line's typer)
            pass


if __name__ == "__main__":
    n = record(import_all, Path(sys.argv[1]) if len(sys.argv) > 1 else PATH)
    print(f"factcheck: recorded the methods of dataclasses ({n} texts)")
