"""Pattern kinds: code that finds candidates from a rule's phrasing where no frame does yet (tables, and the
phrasings still being moved to frames). Each module registers its kind with the engine's registry."""

from ..engine.candidate import Candidate, Kind, get_kind, register

__all__ = ["Candidate", "Kind", "get_kind", "register"]
