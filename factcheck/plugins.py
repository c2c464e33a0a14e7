"""The plug-ins the engine is filled in with: the pattern kinds (factcheck.kinds) register themselves with the
engine's registry when imported. The application imports them before it loads rules; the engine never imports up."""

from __future__ import annotations


def load() -> None:
    from . import kinds  # noqa: F401 - importing registers every kind
