"""Build step: compile the built-in data files under rules/ (YAML parsed and validated) into plain data shipped
with the package, so the first run on a fresh install is as fast as the second. Metadata lives in pyproject.toml.

A wheel gets factcheck/_compiled_data.pickle; an editable install (`pip install -e .`) writes the same file into
the checkout (git-ignored), stamped with the rule files' fingerprint so that editing a rule drops it, and compiles
the package's bytecode once (environments that set PYTHONDONTWRITEBYTECODE would otherwise recompile every module
on every run)."""

import compileall
import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        editable = getattr(self, "editable_mode", False)
        sys.path.insert(0, str(HERE))  # the factcheck being built, not one installed elsewhere
        try:
            for name in [m for m in sys.modules if m == "factcheck" or m.startswith("factcheck.")]:
                del sys.modules[name]
            from factcheck import compiled
        finally:
            sys.path.remove(str(HERE))
        if editable:
            target = HERE / "factcheck" / compiled.SHIPPED.name
        else:
            target = Path(self.build_lib) / "factcheck" / compiled.SHIPPED.name
        compiled.build(target, root=HERE / "rules", tree=editable)
        print(f"factcheck: compiled the built-in rule data into {target}")
        # the regular expressions too (factcheck/regex_cache.py), in a process of their own that imports the
        # package just built; a failure only means a slower first run
        lib = target.parent.parent.resolve()  # the package just built is imported from here (cwd comes first)
        env = {**os.environ, "FACTCHECK_NO_CACHE": "1",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(lib), os.environ.get("PYTHONPATH")]))}
        subprocess.run([sys.executable, "-m", "factcheck.regex_cache", str(lib / "factcheck" / "_compiled_regex.pickle"),
                        *map(str, sorted((HERE / "examples").glob("*.txt")))], env=env, cwd=lib, check=False)
        # and the methods dataclasses writes for the package's classes (factcheck/dataclass_cache.py), likewise
        subprocess.run([sys.executable, "-m", "factcheck.dataclass_cache",
                        str(lib / "factcheck" / "_compiled_dataclasses.marshal")], env=env, cwd=lib, check=False)
        if editable:
            compileall.compile_dir(str(HERE / "factcheck"), quiet=1)

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if not getattr(self, "editable_mode", False):
            outputs.append(str(Path(self.build_lib) / "factcheck" / "_compiled_data.pickle"))
            outputs.append(str(Path(self.build_lib) / "factcheck" / "_compiled_regex.pickle"))
            outputs.append(str(Path(self.build_lib) / "factcheck" / "_compiled_dataclasses.marshal"))
        return outputs


setup(cmdclass={"build_py": BuildPyWithData})
