"""The build's recording of compiled regular expressions (factcheck/regex_cache.py): a recorded pattern comes back
as the same pattern, an unrecorded one compiles as usual, and a recording made by another interpreter is ignored.
Each case runs in a process of its own: installing the lookup changes that process's regex compiler."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

RECORD = """
import re
from pathlib import Path
from factcheck import regex_cache
n = regex_cache.record(lambda: [re.compile(r"(?P<year>(?:19|20)\\d\\d)年|增长(?P<rate>\\d+(?:\\.\\d+)?)%"),
                                re.compile("占[\\u4e00-\\u9fff]{0,6}的", re.I)], Path(PATH))
print(n)
"""

USE = """
import re, sys
from re import _compiler
from pathlib import Path
from factcheck import regex_cache
compiled = []
original = _compiler.compile
def watch(p, flags=0):
    compiled.append(p)
    return original(p, flags)
_compiler.compile = watch
print(regex_cache.install(Path(PATH)))
compiled.clear()  # installing imports modules that compile their own patterns
a = re.compile(r"(?P<year>(?:19|20)\\d\\d)年|增长(?P<rate>\\d+(?:\\.\\d+)?)%")
m = a.search("2019年，收入增长10.2%")
print(m.group("year"), a.search("增长10.2%").group("rate"), a.groupindex["rate"])
b = re.compile("占[\\u4e00-\\u9fff]{0,6}的", re.I)
print(b.flags & re.I != 0, bool(b.search("占全省出口的")))
c = re.compile(r"not recorded \\d+")
print(bool(c.search("not recorded 42")))
print(len(compiled))  # what reached the usual compiler: only the unrecorded pattern
"""


def _py(code: str) -> list[str]:
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout.split("\n")


def test_a_recorded_pattern_is_the_same_pattern_without_compiling(tmp_path: Path) -> None:
    path = tmp_path / "regex.pickle"
    assert _py(RECORD.replace("PATH", repr(str(path))))[0] == "2"
    out = _py(USE.replace("PATH", repr(str(path))))
    assert out[:5] == ["True", "2019 10.2 2", "True True", "True", "1"]


def test_a_recording_of_another_interpreter_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "regex.pickle"
    _py(RECORD.replace("PATH", repr(str(path))))
    payload = pickle.loads(path.read_bytes())
    payload["key"][0] = "2.7.18 (another interpreter)"
    path.write_bytes(pickle.dumps(payload))
    out = _py(USE.replace("PATH", repr(str(path))))
    assert out[0] == "False"
    assert out[1:4] == ["2019 10.2 2", "True True", "True"]
    assert out[4] == "3"  # every pattern compiled the usual way


def test_no_recording_changes_nothing(tmp_path: Path) -> None:
    out = _py(USE.replace("PATH", repr(str(tmp_path / "missing.pickle"))))
    assert out[0] == "False" and out[4] == "3"
