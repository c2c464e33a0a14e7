"""The build's recording of the methods dataclasses writes (factcheck/dataclass_cache.py): with it, every class of
the package gets the very methods it gets without it, none compiled; a recording made by another interpreter is
ignored. Each case runs in a process of its own: installing changes that process's dataclasses."""

from __future__ import annotations

import marshal
import subprocess
import sys
import textwrap
from pathlib import Path

RECORD = """
from pathlib import Path
from factcheck import dataclass_cache
print(dataclass_cache.record(dataclass_cache.import_all, Path(PATH)))
"""

# every dataclass of the package, each generated method as its code, annotations and defaults
METHODS = """
import builtins, dataclasses, marshal, sys
from pathlib import Path
from factcheck import dataclass_cache
installed = dataclass_cache.install(Path(PATH)) if USE else False
print(installed)
compiled = []
if installed:
    inner = dataclasses.exec
    def watch(source, globals=None, locals=None):
        original = builtins.exec
        def counting(code, *a):
            if type(code) is str:
                compiled.append(code)  # a text exec() has to compile
            return original(code, *a)
        builtins.exec = counting
        try:
            return inner(source, globals, locals)
        finally:
            builtins.exec = original
    dataclasses.exec = watch
dataclass_cache.import_all()
rows = []
for name, mod in sorted(sys.modules.items()):
    if not name.startswith("factcheck"):
        continue
    for cname, cls in sorted(vars(mod).items()):
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name:
            for meth, f in sorted(vars(cls).items()):
                if callable(f) and hasattr(f, "__code__") and f.__code__.co_filename == "<string>":
                    rows.append((name, cname, meth, marshal.dumps(f.__code__).hex(), repr(f.__annotations__),
                                 len(f.__defaults__ or ())))
print(len(rows), len(compiled))
print(hash(tuple(rows)))
"""


def _py(code: str, **subst) -> list[str]:
    for k, v in subst.items():
        code = code.replace(k, repr(v))
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120,
                       env={"PYTHONHASHSEED": "0", "FACTCHECK_NO_CACHE": "1", "PATH": ""})
    assert r.returncode == 0, r.stderr
    return r.stdout.split("\n")


def test_recorded_methods_are_the_same_methods_without_compiling(tmp_path: Path) -> None:
    path = tmp_path / "dataclasses.marshal"
    assert int(_py(RECORD, PATH=str(path))[0]) > 100
    plain = _py(METHODS, PATH=str(path), USE=False)
    cached = _py(METHODS, PATH=str(path), USE=True)
    assert plain[0] == "False" and cached[0] == "True"
    rows, compiled = map(int, cached[1].split())
    assert rows > 100 and compiled == 0  # every method of the package came from the recording
    assert plain[1].split()[0] == cached[1].split()[0] and plain[2] == cached[2]


def test_a_recording_of_another_interpreter_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "dataclasses.marshal"
    _py(RECORD, PATH=str(path))
    payload = marshal.loads(path.read_bytes())
    payload["key"] = ("2.7.18 (elsewhere)",) + tuple(payload["key"][1:])
    path.write_bytes(marshal.dumps(payload))
    assert _py(METHODS, PATH=str(path), USE=True)[0] == "False"
    path.write_bytes(b"not marshal data")
    assert _py(METHODS, PATH=str(path), USE=True)[0] == "False"
