"""Where factcheck's own data files live: rules/ of the checkout, or the same files installed as the package
factcheck.builtin_rules. Rule files and lexicons both come from here."""

from __future__ import annotations

from pathlib import Path


def builtin_rules_dir() -> Path:
    """rules/ of the checkout, or the same files installed as the package factcheck.builtin_rules."""
    checkout = Path(__file__).resolve().parents[1] / "rules"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "builtin_rules"  # installed: package data beside the package
