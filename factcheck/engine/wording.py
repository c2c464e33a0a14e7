"""How the judge says what it found: computed figures written like the text's own (same scale word and unit),
distances between figures, and the message templates in messages.json (data: wording changes need no code).

check.py decides the verdict; this module only words it. Every number it prints is honest about its precision:
a figure is called exact only when it is ("exactly 25%"), never when it was cut short (66.897% is not 66.9%).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ..model import Quantity

# Scale words by magnitude, for naming a likely 万/亿 (or thousand/million) slip.
SCALE_WORDS = {"zh": {1.0: "", 1e4: "万", 1e8: "亿", 1e12: "万亿"},
               "en": {1.0: "", 1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}}


@lru_cache(maxsize=1)
def templates() -> dict:
    # beside this module (not through importlib.resources, whose import costs every run ~5 ms)
    return json.loads((Path(__file__).parent / "messages.json").read_text(encoding="utf-8"))


def say(key: str, kind: str = "", **facts) -> str:
    """The template `key` (the kind's own when it has one) filled with facts, on one line. An empty template
    says nothing."""
    t = templates()
    own = t.get("kinds", {}).get(kind, {})
    text = own[key] if key in own else t[key]
    return " ".join(text.format_map(facts).split()) if text else ""


def sentences(notes: list[str]) -> str:
    """Notes as sentences after a message: capitalised, each ending with a full stop (or its own ?)."""
    out = []
    for n in notes:
        n = n.strip()
        if n:
            out.append(n[0].upper() + n[1:] + ("" if n.endswith((".", "?", "!")) else "."))
    return (" " + " ".join(out)) if out else ""


def _exact(v: float, s: str) -> bool:
    return abs(float(s) - v) <= 1e-9 * max(1.0, abs(v))


def _digits(v: float, places: int, keep: int) -> str:
    """v with `places` decimals; trailing zeros dropped (down to `keep`) only when that loses nothing, so that a
    figure cut short keeps its zeros (66.90, not 66.9, for 66.897)."""
    s = f"{v:.{places}f}"
    if not _exact(v, s) and _exact(v, f"{v:.{places + 1}f}"):
        s = f"{v:.{places + 1}f}"  # 58.125 in full rather than cut to 58.13
    if "." in s and _exact(v, s):
        whole, frac = s.split(".")
        frac = frac.rstrip("0")
        frac = frac + "0" * (keep - len(frac)) if len(frac) < keep else frac
        s = whole + ("." + frac if frac else "")
    return s


def unit_text(q: Quantity) -> str:
    if q.unit == "成":
        return "%"
    if q.unit in ("%", "‰") or q.unit.startswith("个百分点"):
        return q.unit
    return " " + q.unit if q.unit.isascii() and q.unit else q.unit


def grouped(s: str, like: Quantity) -> str:
    """Thousands separators when the stated figure has them (125,000), so results read like the text."""
    if "," not in like.text:
        return s
    whole, dot, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}" + (dot + frac if dot else "")


def _places(v: float, keep: int, extra: int) -> int:
    """Two decimals more than the stated figure has, and at least five significant digits (66.897, not 66.90)."""
    mag = math.floor(math.log10(abs(v))) if v and math.isfinite(v) else 0
    return min(max(keep + extra, 4 - mag), keep + 6)


def show_value(value: float, like: Quantity, extra: int = 2) -> str:
    """A computed value written like a stated quantity (same scale word and unit), with a little more precision."""
    keep = max(like.decimals, 0)
    v = value / (like.scale or 1.0)
    s = _digits(v, _places(v, keep, extra), keep)
    return grouped(s, like) + like.scale_text + unit_text(like)


def is_exact(value: float, like: Quantity, extra: int = 2) -> bool:
    """Whether show_value prints value without cutting it short."""
    keep = max(like.decimals, 0)
    v = value / (like.scale or 1.0)
    return _exact(v, f"{v:.{_places(v, keep, extra) + 1}f}")


def show_rounded(value: float, like: Quantity) -> str:
    """value rounded the way the stated figure is (its last digit): what the text should have said."""
    v = value / (like.scale or 1.0)
    if like.decimals >= 0:
        s = f"{v:.{like.decimals}f}"
    else:
        step = 10 ** (-like.decimals)
        s = str(int(round(v / step) * step))
    return grouped(s, like) + like.scale_text + unit_text(like)


def show_range(lo: float, hi: float, like: Quantity) -> str:
    if math.isinf(hi) or math.isinf(lo):  # a one-sided bound (more than 50%)
        return f"at least {show_value(lo, like)}" if math.isinf(hi) else f"at most {show_value(hi, like)}"
    a, b = show_value(lo, like), show_value(hi, like)
    if a != b:
        return f"{a} to {b}"
    return f"exactly {a}" if lo == hi and is_exact(lo, like) else a


def show_difference(d: float, like: Quantity) -> str:
    """A distance between two figures of like's measure: one decimal more than the stated figure has, in
    percentage points for percentages ("0.06 percentage points", "1 percentage point")."""
    d = abs(d)
    keep = max(like.decimals, 0)
    v = d / (like.scale or 1.0)
    s = "0"
    for places in range(keep + 1, keep + 6):
        s = _trim(f"{v:.{places}f}", keep)
        if float(s) != 0:
            break
    if like.unit in ("%", "成"):
        return f"{grouped(s, like)} percentage point{'' if float(s) == 1 else 's'}"
    return grouped(s, like) + like.scale_text + unit_text(like)


def _trim(s: str, keep: int) -> str:
    """Trailing zeros off, down to `keep` decimals (2.0亿元 stays 2.0 like the text's 18.0亿元)."""
    if "." not in s:
        return s
    whole, frac = s.split(".")
    frac = frac.rstrip("0")
    frac = frac + "0" * (keep - len(frac))
    return whole + ("." + frac if frac else "")


def scale_name(scale: float, language: str) -> str | None:
    words = SCALE_WORDS["en" if language == "en" else "zh"]
    for k, w in words.items():
        if abs(scale - k) <= 1e-9 * k:
            return w or say("no_scale_word")
    return None


def factor_text(f: float) -> str:
    return f"{f:,.0f}" if f >= 1 else f"1/{1 / f:,.0f}"
