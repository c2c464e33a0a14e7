"""Regular expressions compiled at build time, so that a first run does not spend most of its start-up compiling
them (about 250 patterns, 0.15 s: the lexicon's word lists make large alternations).

Python keeps compiled patterns only for the life of a process. The build (setup.py) runs the checker on the
examples once and records what CPython's regex compiler hands to its C engine for each pattern: the engine's code
(a list of integers), the group names and the flags. The command line then installs a lookup in front of the
compiler: a recorded pattern goes straight to the engine, anything else compiles as usual. The patterns are the
same objects either way; only the time to build them differs.

This leans on two CPython internals, re._compiler.compile(pattern, flags) and _sre.compile(pattern, flags, code,
groups, groupindex, indexgroup) (3.11 to 3.13). The recording is keyed by the interpreter's exact version and the
engine's magic number, so a build made by another Python is simply not used; the engine validates every code
before using it; the file is read with compiled.loads_plain (plain values only) from the package's own folder,
never from a user's cache.
"""

from __future__ import annotations

import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent / "_compiled_regex.pickle"


def _key() -> list:
    import _sre

    return [sys.version, _sre.MAGIC, _sre.CODESIZE, _typecode()]


def _typecode() -> str:
    """The array type whose items are the engine's code words (stored as bytes: a list of ints loads slowly)."""
    import _sre
    from array import array

    return next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)


def install(path: Path = PATH) -> bool:
    """Put the recorded patterns in front of the regex compiler. False (and nothing changed) when there is no
    recording, or it was made by another interpreter."""
    try:
        import _sre
        from array import array
        from re import _compiler

        from .compiled import loads_plain

        payload = loads_plain(path.read_bytes())
        if not isinstance(payload, dict) or payload.get("key") != _key():
            return False
        codes = payload["patterns"]
        typecode = payload["key"][3]
    except Exception:  # no recording, an unreadable one, or an interpreter without these internals
        return False
    if getattr(_compiler.compile, "_factcheck", False):
        return True  # installed already, or recording (where every pattern must reach the compiler)
    original = _compiler.compile

    def compile(p, flags=0):
        if type(p) is str:
            args = codes.get((p, flags))
            if args is not None:
                try:
                    return _sre.compile(p, args[0], array(typecode, args[1]).tolist(), args[2], args[3], tuple(args[4]))
                except Exception:  # not a code this engine takes: compile it the usual way
                    pass
        return original(p, flags)

    compile._factcheck = True
    _compiler.compile = compile
    return True


def record(run, path: Path = PATH) -> int:
    """Call run() with the compiler watched, and write what it compiled to path. Returns the number of patterns."""
    from array import array
    from re import _compiler

    from .compiled import dumps_plain

    seen: dict[tuple[str, int], tuple] = {}
    original, engine = _compiler.compile, _compiler._sre
    wanted: list[tuple[str, int]] = []

    class Engine:  # the C engine, with its compile() watched
        def __getattr__(self, name):
            return getattr(engine, name)

        @staticmethod
        def compile(pattern, flags, code, groups, groupindex, indexgroup):
            if wanted and type(pattern) is str:
                seen[wanted[-1]] = (int(flags), array(_typecode(), [int(c) for c in code]).tobytes(), groups,
                                    dict(groupindex), list(indexgroup))
            return engine.compile(pattern, flags, code, groups, groupindex, indexgroup)

    def compile(p, flags=0):
        wanted.append((p, int(flags)) if type(p) is str else None)
        try:
            return original(p, flags)
        finally:
            wanted.pop()

    compile._factcheck = True
    _compiler.compile, _compiler._sre = compile, Engine()
    try:
        run()
    finally:
        _compiler.compile, _compiler._sre = original, engine
    path.write_bytes(dumps_plain({"key": _key(), "patterns": seen}))
    return len(seen)


def _examples(paths: list[str] = ()) -> None:
    """What the build records: the package's modules imported, and the checker run on a few sentences of each
    language and on the checkout's example articles (paths)."""
    from factcheck.api import check_text
    from factcheck.dataclass_cache import import_all

    import_all()
    check_text("2019年，全省共有贫困人口145万人，其中97人、占77%。收入由2016年的6323元增加到2018年的7687元，年均增长10.2%。"
               "四市资金分别为26.82亿元、6.73亿元、12.38亿元和8.41亿元，共计54.33亿元，比上年增长16.2%。")
    for path in paths:
        check_text(Path(path).read_text(encoding="utf-8"))
    try:  # the numeral library the reader falls back on: its import is mostly compiling patterns (0.3 s)
        import cn2an

        for numeral in ("五十四亿三千三百万", "二三十万"):
            try:
                cn2an.cn2an(numeral, "normal")
            except ValueError:
                pass
    except ImportError:
        pass
    check_text("Sales rose 12% to $4.5bn in 2019, up from $4.0bn a year earlier. Of the 318 firms, 212 (67%) "
               "reported a profit; exports were £1.9bn and imports £7.7bn, a total of £9.6bn.")


if __name__ == "__main__":
    n = record(lambda: _examples(sys.argv[2:]), Path(sys.argv[1]) if len(sys.argv) > 1 else PATH)
    print(f"factcheck: recorded {n} compiled regular expressions")
