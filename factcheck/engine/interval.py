"""Interval arithmetic: the one place where 'what a stated figure can mean' is computed with.

A figure stated with k decimals stands for [v - 0.5*10^-k, v + 0.5*10^-k] (XBRL Calculations 1.1). Bounds are
closed; comparisons allow a relative epsilon so float noise never decides a verdict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf
EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    @classmethod
    def point(cls, v: float) -> "Interval":
        return cls(v, v)

    @classmethod
    def rounded(cls, v: float, decimals: int, scale: float = 1.0) -> "Interval":
        half = 0.5 * 10.0 ** (-decimals) * scale
        return cls(v - half, v + half)

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.lo if math.isinf(self.hi) else self.hi
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> float:
        return self.hi - self.lo

    def _tol(self, other: "Interval") -> float:
        mags = [abs(x) for x in (self.lo, self.hi, other.lo, other.hi) if not math.isinf(x)]
        return EPS * max(mags + [1.0])

    def meets(self, other: "Interval") -> bool:
        """Do the two intervals share a point (within float noise)?"""
        t = self._tol(other)
        return self.lo <= other.hi + t and other.lo <= self.hi + t

    def within(self, other: "Interval") -> bool:
        t = self._tol(other)
        return other.lo - t <= self.lo and self.hi <= other.hi + t

    def gap(self, other: "Interval") -> float:
        """Distance between the intervals; 0 when they meet."""
        if self.meets(other):
            return 0.0
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    def contains(self, x: float) -> bool:
        return self.meets(Interval.point(x))

    # arithmetic ---------------------------------------------------------------------------------------
    def __add__(self, o: "Interval | float") -> "Interval":
        o = _iv(o)
        return Interval(self.lo + o.lo, self.hi + o.hi)

    __radd__ = __add__

    def __neg__(self) -> "Interval":
        return Interval(-self.hi, -self.lo)

    def __sub__(self, o: "Interval | float") -> "Interval":
        return self + (-_iv(o))

    def __rsub__(self, o: "Interval | float") -> "Interval":
        return _iv(o) - self

    def __mul__(self, o: "Interval | float") -> "Interval":
        o = _iv(o)
        ps = [_mul(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Interval(min(ps), max(ps))

    __rmul__ = __mul__

    def __truediv__(self, o: "Interval | float") -> "Interval":
        o = _iv(o)
        if o.lo <= 0 <= o.hi:
            if o.lo == 0 == o.hi:
                raise ZeroDivisionError("division by an interval that is exactly zero")
            if o.lo == 0 and self.lo >= 0:
                return Interval(self.lo / o.hi if o.hi else 0.0, INF)
            return Interval(-INF, INF)
        return self * Interval(1 / o.hi, 1 / o.lo)

    def __rtruediv__(self, o: "Interval | float") -> "Interval":
        return _iv(o) / self

    def __pow__(self, o: "Interval | float") -> "Interval":
        o = _iv(o)
        if self.lo < 0:
            if o.lo == o.hi and float(o.lo).is_integer():
                n = int(o.lo)
                ps = [a**n for a in (self.lo, self.hi)]
                lo = 0.0 if self.lo <= 0 <= self.hi and n % 2 == 0 else min(ps)
                return Interval(lo, max(ps))
            raise ValueError("a negative base needs an integer exponent")
        ps = [_pow(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Interval(min(ps), max(ps))

    def __abs__(self) -> "Interval":
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        return Interval(0.0, max(-self.lo, self.hi))

    def hull(self, o: "Interval") -> "Interval":
        return Interval(min(self.lo, o.lo), max(self.hi, o.hi))

    def intersect(self, o: "Interval") -> "Interval | None":
        lo, hi = max(self.lo, o.lo), min(self.hi, o.hi)
        return Interval(lo, hi) if lo <= hi + self._tol(o) else None

    def __str__(self) -> str:
        return f"[{fmt(self.lo)}, {fmt(self.hi)}]"


def _iv(x: "Interval | float | int") -> Interval:
    return x if isinstance(x, Interval) else Interval(float(x), float(x))


def _mul(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0  # 0 * inf is 0 here: an exact zero factor wins
    return a * b


def _pow(a: float, b: float) -> float:
    if a == 0:
        return 0.0 if b > 0 else INF
    try:
        return a**b
    except OverflowError:
        return INF


def imin(*xs: Interval) -> Interval:
    return Interval(min(x.lo for x in xs), min(x.hi for x in xs))


def imax(*xs: Interval) -> Interval:
    return Interval(max(x.lo for x in xs), max(x.hi for x in xs))


def isum(xs) -> Interval:
    total = Interval(0.0, 0.0)
    for x in xs:
        total = total + x
    return total


def fmt(x: float, digits: int = 6) -> str:
    """A number for people: no float noise, no needless trailing zeros."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    places = max(0, digits - 1 - mag)
    s = f"{x:.{min(places, 10)}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s
