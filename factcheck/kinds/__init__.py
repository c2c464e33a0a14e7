"""Pattern kinds: code that finds candidates from a rule's phrasing where no frame does yet (tables, and the
phrasings still being moved to frames). Each module registers its kind with the engine's registry."""

import importlib
import pkgutil

from ..engine.candidate import Candidate, Kind, get_kind, register

for _mod in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_mod.name}")

__all__ = ["Candidate", "Kind", "get_kind", "register"]
