"""Data files under rules/, compiled once into plain data: at build time for the built-in files (shipped in the wheel
and written beside the package by an editable install), in the user's cache for --rules files.

Each kind of data file registers a loader here: which files under rules/ it owns (globs; files no kind claims are
rule files), how one file's bytes become plain picklable data (validated on the way: parsing YAML and checking it
is the slow part), an optional check over all files of the kind, and how plain data becomes what the code uses (run
on every load, so keep it cheap). A new kind of data file is one `register(DataKind(...))` in the module that uses
it, with that module named in LOADER_MODULES.

Files given by the user (--rules) are read by the caller, bounded and without following links out of their folder
(fileio.read_limited); only their bytes reach user_file().

Plain data means dicts, lists, tuples, sets, strings, numbers, booleans and None. Compiled files are read with an
unpickler that refuses every class, so reading a cache can never run code.
"""

from __future__ import annotations

import fnmatch
import importlib
import io
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

FORMAT = 1
PACKAGE = Path(__file__).resolve().parent
SHIPPED = PACKAGE / "_compiled_data.pickle"  # written by the build (setup.py); absent in a bare checkout
# Modules that register data kinds (imported before compiling or loading, so every kind is known).
LOADER_MODULES = ("factcheck.engine.rules", "factcheck.facts.lexicon")


@dataclass(frozen=True)
class DataKind:
    name: str
    parse: Callable[[bytes, str], Any]  # (a file's bytes, its name for errors) -> plain data; RuleError when invalid
    revive: Callable[[Any, str], Any] = lambda plain, name: plain  # (plain data, file name) -> what the code uses
    globs: tuple[str, ...] = ()  # files under rules/ this kind owns; () = the files no other kind claims
    check: Callable[[dict[str, Any]], None] | None = None  # over {relative path: plain} of all the kind's files


KINDS: dict[str, DataKind] = {}


def register(kind: DataKind) -> DataKind:
    KINDS[kind.name] = kind
    return kind


def _load_kinds() -> None:
    from . import plugins

    plugins.load()  # rule files name their kind: compiling validates it against the registered kinds
    for mod in LOADER_MODULES:
        importlib.import_module(mod)


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # noqa: ARG002 - every class is refused
        raise pickle.UnpicklingError(f"compiled data may hold plain values only, not {module}.{name}")


def loads_plain(data: bytes) -> Any:
    return _PlainUnpickler(io.BytesIO(data)).load()


def dumps_plain(value: Any) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    loads_plain(data)  # a loader that returned objects fails here, at build time, not on a user's machine
    return data


# --- which files, and the fingerprint that says whether compiled data is still theirs -------------------------

def data_root() -> Path:
    from .datafiles import builtin_rules_dir

    return builtin_rules_dir()


def data_files(root: Path) -> dict[str, list[Path]]:
    """{kind: files} under root. A file belongs to the first kind whose globs match it; the rest are rules."""
    _load_kinds()
    out: dict[str, list[Path]] = {name: [] for name in KINDS}
    default = next((k.name for k in KINDS.values() if not k.globs), None)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.suffix not in (".yaml", ".yml") or any(p.startswith(".") for p in rel.split("/")):
            continue
        owner = next((k.name for k in KINDS.values() if any(fnmatch.fnmatch(rel, g) for g in k.globs)), default)
        if owner is not None:
            out[owner].append(path)
    return out


def _code_files() -> list[str]:
    """The package's own modules: compiled data is only as valid as the code that validated it."""
    top = [e for e in os.scandir(PACKAGE)]
    out = sorted(e.path for e in top if e.name.endswith(".py"))
    for d in sorted((e for e in top if e.is_dir()), key=lambda e: e.name):
        out += sorted(e.path for e in os.scandir(d.path) if e.name.endswith(".py"))
    return out


def _data_files(root: Path) -> list[str]:
    out = []
    for folder, _, names in os.walk(root):
        out += [os.path.join(folder, n) for n in names if os.path.splitext(n)[1] in (".yaml", ".yml")]
    return sorted(out)


@lru_cache(maxsize=4)
def tree_fingerprint(root: Path) -> str:
    """Cheap (names, sizes, modification times) fingerprint of the data files and the code, for a checkout where
    files change under an editable install. An installed wheel's files do not change; see _shipped()."""
    import hashlib

    from . import __version__

    parts = [f"format {FORMAT}", __version__]
    for path in _data_files(root) + _code_files():  # os, not pathlib: this runs on every editable run
        try:
            st = os.stat(path)
        except OSError:
            continue
        parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def install_id() -> str:
    """One id per installed copy of factcheck, so caches of two installs never replace each other's files."""
    import hashlib  # here: a wheel's run reads the compiled data without hashing anything

    return hashlib.sha256(str(PACKAGE).encode()).hexdigest()[:12]


# --- compiling -------------------------------------------------------------------------------------------------

def compile_tree(root: Path) -> dict[str, dict[str, Any]]:
    """{kind: {relative path: plain data}} for every data file under root: parsed, validated, checked."""
    out: dict[str, dict[str, Any]] = {}
    for name, files in data_files(root).items():
        kind = KINDS[name]
        # our own files, shipped with the package: read whole (a user's files come through user_file, bounded)
        plain = {f.relative_to(root).as_posix(): kind.parse(f.read_bytes(), str(f)) for f in files}
        if kind.check:
            kind.check(plain)
        out[name] = plain
    return out


def compile_tables() -> dict[str, Any]:
    """Tables read from the data files of dependencies, as plain data: {name: table}."""
    from .read.document import opencc_pairs

    return {"opencc_ts": opencc_pairs()}


def build(target: Path, root: Path | None = None, tree: bool = False) -> Path:
    """Compile the built-in data files into `target` (called by setup.py). tree=True: the files stay where they
    are (an editable install), so the compiled data records their fingerprint and is dropped when they change."""
    from . import __version__

    root = root or data_root()
    payload = {"format": FORMAT, "version": __version__, "fingerprint": tree_fingerprint(root) if tree else None,
               "kinds": compile_tree(root), "tables": compile_tables()}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(dumps_plain(payload))
    os.replace(tmp, target)
    return target


# --- loading ---------------------------------------------------------------------------------------------------

_BUILTIN: dict[str, dict[str, Any]] | None = None


def builtin(kind: str) -> dict[str, Any]:
    """{relative path: revived data} of one kind of built-in data file: from the data compiled at build time when
    it is there and still matches, else from the user's cache, else compiled now (and cached)."""
    global _BUILTIN
    if _BUILTIN is None:
        _load_kinds()
        _BUILTIN = _shipped() or _cached_tree() or _compile_and_cache()
    if kind not in KINDS:
        raise KeyError(f"no data kind {kind!r}; known: {', '.join(sorted(KINDS))}")
    root = data_root()
    return {rel: KINDS[kind].revive(plain, str(root / rel)) for rel, plain in _BUILTIN.get(kind, {}).items()}


def _read(path: Path) -> dict | None:
    _load_kinds()
    try:
        payload = loads_plain(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError, KeyError):
        return None
    from . import __version__

    if not isinstance(payload, dict) or payload.get("format") != FORMAT or payload.get("version") != __version__:
        return None
    if not isinstance(payload.get("kinds"), dict) or set(payload["kinds"]) != set(KINDS):
        return None  # compiled before a kind was added (or by another version of the code)
    return payload


_SHIPPED_PAYLOAD: list = []  # the build's compiled data, read once: [payload or None]


def _shipped_payload() -> dict | None:
    if not _SHIPPED_PAYLOAD:
        payload = _read(SHIPPED)
        if payload is not None and payload["fingerprint"] is not None and \
                payload["fingerprint"] != tree_fingerprint(data_root()):
            payload = None  # an editable install whose files changed since it was built
        _SHIPPED_PAYLOAD.append(payload)
    return _SHIPPED_PAYLOAD[0]


def _shipped() -> dict | None:
    payload = _shipped_payload()
    return payload["kinds"] if payload is not None else None


def table(name: str) -> Any | None:
    """A table the build read from a dependency's data files (compile_tables), or None when the build left none
    (a bare checkout, an older build, the dependency missing at build time): the caller reads it itself."""
    payload = _shipped_payload()
    tables = payload.get("tables") if payload is not None else None
    return tables.get(name) if isinstance(tables, dict) and tables.get(name) else None


def cache_dir() -> Path | None:
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "factcheck"


def _tree_cache_path() -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    from . import __version__

    return d / f"builtin-{__version__}-{install_id()}-{tree_fingerprint(data_root())}.pickle"


def _cached_tree() -> dict | None:
    path = _tree_cache_path()
    payload = _read(path) if path else None
    return payload["kinds"] if payload else None


def _compile_and_cache() -> dict:
    from . import __version__

    kinds = compile_tree(data_root())
    path = _tree_cache_path()
    if path is not None:
        _write_cache(path, {"format": FORMAT, "version": __version__, "fingerprint": None, "kinds": kinds},
                     stale=f"builtin-{__version__}-{install_id()}-*.pickle")
    return kinds


def _write_cache(path: Path, payload: Any, stale: str | None = None) -> None:
    """Write a cache file atomically; remove older files of *this* install and version only (`stale` glob).
    Any failure (read-only home, full disk) just means the next run compiles again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if stale:
            for old in path.parent.glob(stale):
                if old != path:
                    old.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(dumps_plain(payload))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError):
        pass


def user_file(kind: str, data: bytes, name: str) -> Any:
    """One data file given by the user (--rules), as bytes already read (bounded) by the caller, revived; compiled
    once per content and version and kept in the user's cache. Errors are never cached: a broken file fails the
    same way every time."""
    import hashlib

    from . import __version__

    _load_kinds()
    k = KINDS[kind]
    d = cache_dir()
    if d is None:
        return k.revive(k.parse(data, name), name)
    key = hashlib.sha256(b"\0".join([str(FORMAT).encode(), kind.encode(), name.encode(), data])).hexdigest()[:32]
    where = hashlib.sha256(f"{kind}\0{name}\0{os.getcwd()}".encode()).hexdigest()[:12]
    prefix = f"file-{__version__}-{install_id()}-{where}-"  # one live file per (install, user file)
    cache = d / f"{prefix}{key}.pickle"
    try:
        payload = loads_plain(cache.read_bytes())
        if isinstance(payload, dict) and payload.get("key") == key:
            return k.revive(payload["plain"], name)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError, KeyError):
        pass
    plain = k.parse(data, name)
    _write_cache(cache, {"key": key, "plain": plain}, stale=prefix + "*.pickle")
    return k.revive(plain, name)
