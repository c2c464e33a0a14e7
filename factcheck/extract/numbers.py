"""Language-neutral helpers: from a numeral's text and its qualifiers to a value and an interval."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..engine.interval import Interval

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def _simple_cn(s: str) -> Decimal | None:
    """The common short forms without the library: 三, 十二, 四十, 二十五, 两. None when not simple."""
    if all(c in _CN_DIGIT for c in s) and len(s) == 1:
        return Decimal(_CN_DIGIT[s])
    if len(s) <= 3 and "十" in s and s.count("十") == 1:
        a, _, b = s.partition("十")
        if (not a or a in _CN_DIGIT) and (not b or b in _CN_DIGIT):
            return Decimal((_CN_DIGIT[a] if a else 1) * 10 + (_CN_DIGIT[b] if b else 0))
    return None


@lru_cache(maxsize=4096)
def cn_numeral(s: str) -> Decimal | None:
    """Value of a Chinese numeral (五十四亿三千三百万, 十二点九七, 两). None when it is not one."""
    v = _simple_cn(s)
    if v is not None:
        return v
    if all(c in _CN_DIGIT for c in s.replace("点", "")) and "点" not in s[:1]:
        # digit-by-digit forms: 二〇一九, 一点五
        whole, _, frac = s.partition("点")
        try:
            return Decimal("".join(str(_CN_DIGIT[c]) for c in whole) + ("." + "".join(str(_CN_DIGIT[c]) for c in frac) if frac else ""))
        except (KeyError, InvalidOperation):
            return None
    v = _positional_cn(s)
    if v is not None:
        return v
    if len(s) > 40:
        return None
    import cn2an  # lazy: ~0.35 s to import; only for forms the parser above does not read


    try:
        out = cn2an.cn2an(s.replace("两", "二"), "normal")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    try:
        return Decimal(str(out))
    except InvalidOperation:
        return None


_CN_BIG = {"万": 4, "亿": 8}


def _positional_cn(s: str) -> Decimal | None:
    """The standard written forms: 五十四亿三千三百万, 三万亿, 二十万零五百, 十二点九七, 一万二 (12000).
    None for anything else (then cn2an is asked). Linear in the length; exact (Decimal, no floats)."""
    whole, dot, frac = s.partition("点")
    if dot and (not frac or any(c not in _CN_DIGIT for c in frac)):
        return None
    total = 0  # finished 亿 groups
    section = 0  # below the current big unit
    digit: int | None = None
    last_small = 10**5  # the last small unit used in this section, to refuse 十百 and similar
    prev = ""
    for c in whole:
        if c in _CN_DIGIT:
            if prev in _CN_DIGIT and not (prev in "零〇"):
                return None  # 三四: two digits in a row is a range or a code, not a numeral of this kind
            digit = _CN_DIGIT[c] if c not in "零〇" else None
            if c in "零〇":
                last_small = 10**5
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= last_small:
                return None
            section += (digit if digit is not None else (1 if unit == 10 else -10**9)) * unit
            if section < 0:
                return None  # 百 or 千 with no digit before it
            digit = None
            last_small = unit
        elif c in _CN_BIG:
            exp = _CN_BIG[c]
            if digit is None and section == 0 and not (prev in _CN_BIG and exp == 8):
                return None
            if exp == 8:
                total = (total + section + (digit or 0)) * 10**8
                section = 0
            else:
                section = (section + (digit or 0)) * 10**4
            digit = None
            last_small = 10**5
        else:
            return None
        prev = c
    if digit is not None and prev in _CN_DIGIT and len(whole) >= 2:
        before = whole[-2]
        if before in _CN_SMALL and _CN_SMALL[before] >= 100:  # 三千五: the digit counts in the next place down
            digit *= _CN_SMALL[before] // 10
        elif before in _CN_BIG:  # 一万二: the digit counts in thousands
            digit *= 10 ** (_CN_BIG[before] - 1)
    value = total + section + (digit or 0)
    if not whole or (value == 0 and whole not in ("零", "〇")):
        return None
    if dot:
        return Decimal(f"{value}.{''.join(str(_CN_DIGIT[c]) for c in frac)}")
    return Decimal(value)


def cn_place(s: str, value: Decimal) -> int:
    """Decimal exponent of the last significant place a Chinese numeral states (五十四亿 -> 8, 十二点九七 -> -2)."""
    if "点" in s:
        return -len(s.split("点", 1)[1])
    return trailing_zeros(value)


def trailing_zeros(value: Decimal) -> int:
    """Zeros at the end of an integer's digits (5400 -> 2). Linear in the digits: a figure of a million
    digits must not make int() and repeated division quadratic."""
    if not value.is_finite() or value.is_zero() or value != value.to_integral_value():
        return 0
    _, digits, exp = value.as_tuple()
    z = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return z + exp  # exp >= -z here: the value is an integer


def arabic(s: str) -> tuple[Decimal, int] | None:
    """(value, decimals) of an Arabic numeral with optional thousands separators."""
    t = s.replace(",", "").replace(" ", "")
    try:
        v = Decimal(t)
    except InvalidOperation:
        return None
    dec = len(t.split(".", 1)[1]) if "." in t else 0
    return v, dec


# Units of one dimension: the base unit and how many of it one unit is.
UNIT_FACTOR = {"平方公里": ("平方米", 1e6), "公顷": ("平方米", 1e4), "亩": ("平方米", 10000 / 15), "平方米": ("平方米", 1.0),
               "公里": ("米", 1e3), "千米": ("米", 1e3), "米": ("米", 1.0), "吨": ("千克", 1e3), "公斤": ("千克", 1.0),
               "千克": ("千克", 1.0), "克": ("千克", 1e-3), "斤": ("千克", 0.5), "市斤": ("千克", 0.5),
               "千公顷": ("平方米", 1e7), "立方米": ("立方米", 1.0), "m3": ("立方米", 1.0), "m³": ("立方米", 1.0),
               "金": ("枚", 1.0), "银": ("枚", 1.0), "铜": ("枚", 1.0),  # a medal tally counts medals
               # yields per unit of area (5515.7公斤/公顷 is 367.7公斤/亩)
               "公斤/公顷": ("千克/平方米", 1e-4), "千克/公顷": ("千克/平方米", 1e-4),
               "公斤/亩": ("千克/平方米", 15 / 10000), "千克/亩": ("千克/平方米", 15 / 10000),
               "斤/亩": ("千克/平方米", 0.5 * 15 / 10000)}


LOWER = "lower"
UPPER = "upper"
APPROX = "approx"
NEAR = "near"  # just under: 近, 将近, nearly, almost
ABOUT_WIDTH = 0.10  # "about X" admits X ± 10 %


def interval_for(value: float, decimals: int, scale: float, bound: str, place: int | None = None) -> Interval:
    """The interval a stated figure stands for.

    decimals: digits after the point as written; place: exponent of the last significant digit for 余/多
    (6万余 -> place 0 with scale 1e4 -> [6万, 7万)).
    """
    iv = Interval.rounded(value, decimals, scale)
    if bound == "more":  # 余 / 多 / 有余: at least the figure, less than one more unit of its last place
        unit = 10.0 ** (place if place is not None else -decimals) * scale
        return Interval(value, value + unit)
    if bound == LOWER:
        return Interval(iv.lo, float("inf"))
    if bound == UPPER:
        return Interval(min(0.0, iv.lo), iv.hi)
    if bound == APPROX:
        w = abs(value) * ABOUT_WIDTH
        return Interval(min(iv.lo, value - w), max(iv.hi, value + w))
    if bound == NEAR:
        w = abs(value) * ABOUT_WIDTH
        return Interval(min(iv.lo, value - w), iv.hi)
    return iv
