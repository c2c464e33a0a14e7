"""Phrasing patterns: regular expressions over a *masked* text in which each quantity is one placeholder character.

`{part:amount}占{p:percent}` becomes `(?P<part>\\ue001)占(?P<p>\\ue002)`, run with RE2 (linear time: a rule from
a stranger cannot make a CI job hang) over the text with every quantity replaced by the character of its type.
A list slot `{parts:amount+}` takes a run of amounts separated by short stretches of words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.masked import HIDDEN, TYPE_CHAR, Masked, mask  # noqa: F401 - re-exported

ANY = "[\ue001-\ue008]"
SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*):([a-z|]+)(\+?)\}")
GAP = re.compile(r"\{~(\d{1,3})\}")  # {~12}: up to 12 words or dates/years, but no other quantity, same sentence
GAP_CLASS = "[^\ue001-\ue004\ue00f。!?！？\\n]"


class PatternError(ValueError):
    pass


def _class(types: str) -> str:
    chars = []
    for t in types.split("|"):
        if t == "any":
            return ANY
        if t not in TYPE_CHAR:
            raise PatternError(f"unknown slot type {t!r}; use one of {', '.join(sorted(TYPE_CHAR))}, any")
        chars.append(TYPE_CHAR[t])
    return "[" + "".join(dict.fromkeys(chars)) + "]"


def translate(pattern: str) -> str:
    seen: set[str] = set()

    def repl(m: re.Match) -> str:
        name, types, plus = m.groups()
        if name in seen:
            raise PatternError(f"slot {name!r} appears twice")
        seen.add(name)
        c = _class(types)
        if plus:  # between list items: words and other kinds of figures (dates, growth rates), not the list's own
            sep = "[^" + c[1:-1] + "\ue00f。!?！？\\n]{0,24}?"
            return f"(?P<{name}>{c}(?:{sep}{c})*)"
        return f"(?P<{name}>{c})"

    out = SLOT.sub(repl, pattern)
    return GAP.sub(lambda m: f"{GAP_CLASS}{{0,{m.group(1)}}}?", out)


def slot_names(pattern: str) -> set[str]:
    return {m.group(1) for m in SLOT.finditer(pattern)}


def list_slots(pattern: str) -> set[str]:
    return {m.group(1) for m in SLOT.finditer(pattern) if m.group(3)}


@lru_cache(maxsize=512)
def compile_pattern(pattern: str):
    import re2  # RE2: guaranteed linear time, no backtracking

    if len(pattern) > 2000:
        raise PatternError("pattern longer than 2000 characters")
    src = translate(pattern)
    opts = re2.Options()
    opts.log_errors = False  # RE2 would otherwise print its own lines to stderr; our error says it once
    # RE2's memory budget bounds the compiled program and the DFA states it caches while matching: with 8 MB per
    # pattern a process checking an archive grows by tens of MB for no gain in speed. 1 MB first; a pattern too
    # large for that gets the old 8 MB.
    for budget in (1 << 20, 8 << 20):
        opts.max_mem = budget
        try:
            return re2.compile(src, opts)
        except Exception as e:  # noqa: BLE001 - re2.error, and plain errors on some inputs
            if budget == 8 << 20 or "too large" not in _why(e):
                raise PatternError(f"not a valid RE2 pattern ({_why(e)}); backreferences and lookaround are not "
                                   "supported, so that every pattern runs in linear time") from None


def _why(e: Exception) -> str:
    msg = e.args[0] if e.args else str(e)
    return msg.decode("utf-8", "replace") if isinstance(msg, bytes) else str(msg)


