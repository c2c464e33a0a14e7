"""Stage 5: renderers. Each format is a small module that registers itself by name; nothing here picks formats
with an if/elif chain. Third-party renderers register through the entry-point group `factcheck.renderers`."""

from __future__ import annotations

import importlib
import pkgutil

from ..errors import FactcheckError
from ..model import Report

RENDERERS: dict[str, type["Renderer"]] = {}


class Renderer:
    """Turns a Report into text. `render` gives one document for the whole run (what stdout or --output FILE
    receives); `render_pages` may give one document per article plus an index (HTML) for --output DIR."""

    name = ""
    extension = ".txt"
    description = ""

    def __init__(self, **options) -> None:
        self.options = options

    def render(self, report: Report) -> str:
        raise NotImplementedError

    def render_pages(self, report: Report) -> dict[str, str] | None:
        return None


def register(cls: type[Renderer]) -> type[Renderer]:
    RENDERERS[cls.name] = cls
    return cls


_loaded = False


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")
    from importlib.metadata import entry_points  # lazy: ~20 ms that a run with a built-in format never needs

    for ep in entry_points(group="factcheck.renderers"):
        register(ep.load())


def get_renderer(name: str, **options) -> Renderer:
    if name not in RENDERERS:
        try:
            importlib.import_module(f"{__name__}.{name}")  # fast path: the module named like the format
        except ImportError:
            pass
    if name not in RENDERERS:
        _load_all()
    if name not in RENDERERS:
        raise FactcheckError(f"unknown format {name!r}; choose from {', '.join(sorted(available()))}")
    return RENDERERS[name](**options)


def available() -> list[str]:
    _load_all()
    return sorted(RENDERERS)
