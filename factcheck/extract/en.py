"""English language pack: quantities in English news text.

Arabic numerals with thousands separators (125,000; 63 000), decimals and signs (+125,000, -4); currency
($2.7 trillion, US$5bn, €40 million, 9 cents); percentages (9%, 9 percent, 9 per cent); percentage points
("percentage points", basis points, bare "points" beside percentages); scales (thousand, million, billion,
trillion, bn, m); number words (two ... ninety-nine, hundred, "five million"); fractions (half of, a third,
two-thirds, three-quarters, one in five); multiples (twice, three times as); qualifiers (more than, over, nearly,
about, up to, at least, or more ...); ranges (3 to 5 percent, 3-5, between 3 and 5); years (2024, fiscal 2005,
FY2004, 2020-21) and dates (March 2025, Sept. 2012, April 4, 2025, 8:30 a.m.) recognised as such, never counts.
Table rows are plain runs of numbers: each is a quantity. Offsets are code points into the text as decoded.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from ..model import Quantity
from ..read import Document
from . import as_quantities, register
from .numbers import APPROX, LOWER, NEAR, UPPER, arabic, interval_for, trailing_zeros

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DATES = re.compile(
    rf"\b{_MONTH}\s(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?:,?\s\d{{4}}\b)?(?![.,]\d)(?!\s*(?:%|percent|per cent))"  # March 4, 2005
    rf"|\b{_MONTH},?\s\d{{4}}\b"  # March 2025, Sept. 2012
    rf"|\b\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?\b"  # 4 April 2025
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2025-04-04
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[aApP]\.?[mM]\.?)?"  # 8:30 a.m.
    r"|\b(?:19|20)\d{2}(?:-|/)(?:\d{2}|(?:19|20)\d{2})\b(?!-)"  # 2020-21, 2019/20
    r"|\b(?:19|20)\d0s\b"  # the 1990s
    r"|\b(?:FY|CY|Q[1-4]\s?)\s?(?:19|20)?\d{2}\b(?![.,]\d)"  # FY2004, Q2 2024 (the quarter tag; not Q2  97.7)
)
# Each alternative may start only where a run of its characters starts (the lookbehinds): tried at every position
# of a 100 KB run of letters, `[A-Za-z][A-Za-z0-9]*(?:-\d+)` and `\S+@` each rescanned the rest of the run (96 s).
# A code's leading digits (1A-15) are matched but not taken: the `code` group is what is skipped.
_SKIP = re.compile(
    r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b"  # phone numbers
    r"|(?<![A-Za-z0-9])\d*(?P<code>(?!(?:of|for|in)-\d)[A-Za-z][A-Za-z0-9]*+(?:-\d+)+[A-Za-z0-9-]*)"  # codes: A-15, USDL-25-0452, COVID-19 (not 37-of-84)
    r"|\b[A-Za-z]+\d[A-Za-z0-9]*"  # G20, B2B, mp3
    r"|(?<!\S)\S+@\S+|(?:https?://|www\.)\S+"  # addresses
    r"|\b\d+(?:\.\d+)+\.\d+\b"  # version-like 1.2.3
)

_CURRENCY = {"US$": "dollars", "$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "HK$": "Hong Kong dollars",
             "A$": "Australian dollars", "AU$": "Australian dollars", "C$": "Canadian dollars",
             "CA$": "Canadian dollars", "NT$": "Taiwan dollars", "S$": "Singapore dollars", "NZ$": "New Zealand dollars",
             "R$": "reais", "Rs": "rupees", "Rs.": "rupees", "EUR": "euros", "USD": "dollars", "GBP": "pounds",
             "JPY": "yen", "CNY": "yuan", "CHF": "francs"}
_CUR_PREFIX = r"\b(?:US|HK|AU?|CA?|NT|NZ|S|R)\$|\bRs\.?\s?(?=\d)|\b(?:EUR|USD|GBP|JPY|CNY|CHF)\s?(?=\d)|\$|€|£|¥"
# currencies and physical units written after the figure (966m rupees, 48,200 tonnes): the unit each names
_UNIT_WORDS = {"dollars": "dollars", "euros": "euros", "pounds": "pounds", "yen": "yen", "yuan": "yuan",
               "renminbi": "yuan", "rupees": "rupees", "roubles": "roubles", "rubles": "roubles", "francs": "francs",
               "kronor": "kronor", "krona": "kronor", "crowns": "crowns", "pesos": "pesos", "rand": "rand",
               "ringgit": "ringgit", "baht": "baht", "dinars": "dinars", "naira": "naira", "shekels": "shekels",
               "reais": "reais", "dirhams": "dirhams", "won": "won",
               "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes", "barrels": "barrels",
               "ounces": "ounces", "kilograms": "kilograms", "kg": "kilograms", "kilometres": "kilometres",
               "kilometers": "kilometres", "km": "kilometres", "miles": "miles", "acres": "acres",
               "hectares": "hectares", "litres": "litres", "liters": "litres", "gallons": "gallons",
               "megawatts": "megawatts", "mw": "megawatts", "gigawatts": "gigawatts", "gw": "gigawatts",
               "twh": "terawatt hours", "terawatt hours": "terawatt hours", "gwh": "gigawatt hours",
               "kwh": "kilowatt hours"}
_WORDNUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6,
           "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "hundred thousand": 1e5}
_FRACTION = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
FRACTION_WIDTH = 0.05  # "a third" is used for anything from about 31.7% to 35%

_SMALL = "|".join(sorted(list(_WORDNUM) + list(_TENS), key=len, reverse=True))
_WORD_NUM = rf"(?:{'|'.join(_TENS)})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL}"
# "63 000" groups thousands with a space, but not inside a run of figures ("2,385 628 793": three table cells)
_NUM = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d,.] )\d{1,3}(?:[ \u2009\u202f]\d{3})+(?:\.\d+)?(?![\d,.]|[ \t]\d)"
        r"|\d+(?:\.\d+)?|\.\d+")
_UNIT = re.compile(
    r"(?P<pct>\s?%|\s?(?:percent|per\s?cent|pct)\b|pc\b)"
    r"|(?P<pp>\s?(?:percentage[- ]points?|pp|ppts?)\b)"
    r"|(?P<bp>\s?(?:basis[- ]points?|bps?)\b)"
    r"|(?P<pts>\s?(?:points?|pts)\b|-points?\b)"
    r"|(?P<cents>\s?cents?\b)"
    r"|(?P<pence>\s?pence\b|p\b(?!\.?m\b))"
    r"|(?P<cur_after>\s?(?:dollars|euros|pounds|yen|yuan|renminbi|rupees|roubles|rubles|francs|kronor|krona|crowns|"
    r"pesos|rand|ringgit|baht|dinars|naira|shekels|reais|dirhams)\b|\s(?:won)\b(?!\s+(?:the|a|an|by|in|its|their)\b))"
    r"|(?P<measure>\s?(?:tonnes?|tons?|barrels|ounces|kilograms|kilometres|kilometers|miles|acres|hectares|litres|"
    r"liters|gallons|megawatts|gigawatts|terawatt hours|TWh|GWh|kWh|MW|GW|kg|km)\b)"
    r"|(?P<dur>\s?(?:years?|months?|weeks?|days?|hours?|minutes?|quarters?|decades?)(?![-\w]))"
    r"|(?P<times>\s?times\b|-fold\b)"
    r"|(?P<ord>(?<=\d)(?:st|nd|rd|th)\b)")
_SCALE = r"(?P<scale>\s?(?:thousand|million|billion|trillion)\b|(?:k|m|mn|mln|bn|bln|tn)\b|\s(?:bn|bln|mln|tn|mn)\b)"
_TOKEN = re.compile(
    rf"(?P<frac>\b(?P<fnum>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]even|[Nn]ine)(?P<fsep>[- ])"
    rf"(?P<fden>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\b"
    rf"|\b(?<!first )(?<!second )(?<!the )(?<!a )(?<!latter )(?<!this )(?<!that )(?<!every )[Hh]alf"
    rf"(?=\s+(?:of|the|all)\b|\s*\(\s*\d[\d.]*\s*(?:%|per\s?cent|pc)\s*\))(?!\s+(?:of\s+)?(?:the\s+|this\s+|that\s+|next\s+|last\s+)?(?:year|decade|century|season|"
    rf"month|week|day|term|game|match|time|hour|(?:19|20)\d\d)\b)|\b(?P<inn>[Oo]ne|[Tt]wo|[Tt]hree)\s+in\s+"
    rf"(?P<ind>two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\b)"
    rf"|(?P<twice>\b[Tt]wice\b)"
    rf"|(?P<verbmult>\b(?:doubled|tripled|trebled|quadrupled|halved)\b)"
    rf"|(?P<fold>\b(?P<foldn>two|three|four|five|six|seven|eight|nine|ten)fold\b)"
    rf"|(?P<sign>[+\-])?(?P<cur>{_CUR_PREFIX})?(?P<sign2>[+\-])?(?P<num>{_NUM}){_SCALE}?"
    rf"|\b(?P<word>(?:{_WORD_NUM})(?:\s+hundred(?:\s+and\s+(?:{_WORD_NUM}))?)?)\b"
    rf"(?P<wscale>\s(?:thousand|million|billion|trillion)\b)?",
    re.I,
)

_PREFIX = [  # qualifier words directly before a number (case-insensitive, end of the preceding text)
    (re.compile(r"\b(?:about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|an average of"
                r"|or so|upwards of about|~)\s*\Z", re.I), APPROX),
    (re.compile(r"\b(?:nearly|almost|close to|just under|not quite|just shy of|approaching)\s*\Z", re.I), NEAR),
    (re.compile(r"\b(?:more than|over|above|upwards of|in excess of|at least|no fewer than|no less than|just over"
                r"|well over|well above|greater than|exceeding|topping|north of|a minimum of)\s*\Z", re.I), LOWER),
    (re.compile(r"\b(?:less than|fewer than|under|below|up to|at most|no more than|as many as|as much as"
                r"|a maximum of|as high as|not more than)\s*\Z", re.I), UPPER),
]
_POSTFIX = [
    (re.compile(r"\A(?:\s+or\s+(?:more|higher|above|greater)|-plus\b|\+(?!\d))", re.I), LOWER),
    (re.compile(r"\A\s+or\s+(?:less|fewer|lower|below)\b", re.I), UPPER),
    (re.compile(r"\A\s+or\s+so\b", re.I), APPROX),
]
_ADD_UP_TO = re.compile(r"\b(?:add(?:s|ed|ing)?\s+up\s+to|sum(?:s|med|ming)?\s+(?:up\s+)?to|total(?:s|ed|led|ing|ling)?"
                        r"(?:\s+up)?\s+to|come\s+to|comes\s+to|make\s+up)\s*\Z", re.I)
_INDEX_WORDS = re.compile(r"\b(?:index|Dow|S&P|Nasdaq|FTSE|DAX|Nikkei|Hang Seng|CAC|stocks?|shares|score[sd]?|game|"
                          r"lead|led|rebounds|assists|goals?|runs)\b", re.I)
_PERCENT_NEAR = re.compile(r"%|\bper\s?cent\b|\bpercent", re.I)
_COUNT_NOUN_AFTER_YEAR = re.compile(r"\A\s+(?:people|persons|workers|jobs|employees|units|homes|households|students|"
                                    r"cases|deaths|members|residents|troops|soldiers|sites|companies|firms)\b", re.I)
_TIMES_MULTIPLE = re.compile(r"\A\s*(?:as|more|larger|higher|bigger|greater|faster|the|that|what|over|less|"
                             r"smaller|lower|its|their|his|her)\b", re.I)
_COUNTED_AFTER = re.compile(r"[ \t]+(?!(?:percent|per|cent|points?|million|billion|thousand|bn|m|k|years?|months?|"
                            r"weeks?|days?|hours?|times|to|and|or|of|in|on|at|by|from|the|a|an)\b)[a-z][a-z-]+\b")
_MONEY_AFTER = re.compile(r"\s?(?:dollars|euros|pounds|yen|yuan|rupees|roubles|rubles|francs|pesos|rand|tonnes|"
                          r"barrels|ounces)\b", re.I)
_FIGURE_LINE = re.compile(r"(?m)^[ \t]*[-+($€£]?\d[\d,.]*(?:[ \t]+[-+($€£]?\d[\d,.]*%?\)?)+[ \t]*$")
_RANGE_GAP = re.compile(r"\A(?:\s?-\s?|\s+to\s+|\s+and\s+)\Z")
_CHANGE_BEFORE = re.compile(r"\b(?:from|by|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped|slipped|"
                            r"rising|falling|up|down|gained|lost|added|shed|cut|raised|lowered)\s*\Z", re.I)


MULTIPLE_WIDTH = 0.10  # "three times", "doubled": prose rounds ratios loosely (2.7 to 3.3 is "three times")
_TIMES_NAMED = re.compile(r"\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}['’]s?(?:\s|[.,;]|$)")  # 1.3 times Copperhill's
_INCREASE_BEFORE = re.compile(r"\b(?:rose|increased|grew|jumped|climbed|soared|risen|grown|an?)\s*\Z", re.I)


def _word_multiple(s: int, e: int, k: float, digits: str, before: str, increase: bool = False) -> dict:
    """A multiple written in words (twice, doubled, halved, threefold): k within MULTIPLE_WIDTH. 'Increased
    threefold' reads as 3 times the old level or as 3 times more (4 times): the interval covers both readings
    and the qualifier says so."""
    lo, hi = k * (1 - MULTIPLE_WIDTH), k * (1 + MULTIPLE_WIDTH)
    qualifier = ""
    if increase:
        hi = (k + 1) * (1 + MULTIPLE_WIDTH)
        qualifier = f"ambiguous: {k:g} or {k + 1:g} times the earlier level"
    bound, q = _prefix_bound(before)
    if bound == LOWER:
        hi = float("inf")
    elif bound == NEAR:
        lo = k * (1 - 2 * MULTIPLE_WIDTH)
    elif bound == APPROX:
        lo, hi = k * (1 - 2 * MULTIPLE_WIDTH), hi + k * MULTIPLE_WIDTH
    elif bound == UPPER:
        lo = 0.0
    return dict(start=s, end=e, type="multiple", value=k, lo=lo, hi=hi, digits=digits, decimals=0, scale=1.0,
                scale_text="", unit="times", bound=bound, qualifier=qualifier or q, chinese=False)


def _word_value(s: str) -> int | None:
    s = s.lower().replace(" and ", " ")
    total = 0
    cur = 0
    for w in re.split(r"[\s-]+", s):
        if w in _WORDNUM:
            cur += _WORDNUM[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        else:
            return None
    return total + cur


_CHAR_REF = re.compile(r"&#(?:\d{1,7}|[xX][0-9a-fA-F]{1,6});")


@register("en")
def extract_en(doc: Document) -> list[Quantity]:
    norm = doc.norm
    out: list[dict] = []
    # character references left by a scraper (communiqu&#233;, &#8217;) are letters, not figures
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in _CHAR_REF.finditer(norm)] if "&#" in norm else []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in _DATES.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        s, e = m.start(), m.end()
        if m.group().upper().startswith(("FY", "CY")) or m.group()[:4].isdigit() and len(m.group()) in (7, 9):
            typ = "year"
        else:
            typ = "date"
        taken.append((s, e))
        out.append(_calendar(s, e, m.group(), typ))
    for m in _SKIP.finditer(norm):
        s, e = m.span("code") if m.group("code") else m.span()
        if free(s, e):
            taken.append((s, e))
    # On a line of figures only (a table row) a space separates cells, never thousands: "612 615" is two cells.
    tok = _FIGURE_LINE.sub(lambda lm: lm.group().replace(" ", "\t"), norm)
    for m in _TOKEN.finditer(tok):
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        q = _quantity(m, tok)
        if q is None:
            continue
        out.append(q)
    out.sort(key=lambda d: d["start"])
    _link_ranges(out, norm)
    _bracket_units(out, norm)
    return as_quantities(doc, out)


# '18.2 million euros (41.5 million)', 'Turnover 400.3 million euros (Q1/2002: 391.1 million)': a bare figure in
# brackets after one with a unit, written with the same scale word, is in that unit
_BARE_OPEN = re.compile(r"\s*\(\s*(?:(?:Q[1-4]|H[12]|FY|[A-Z][a-z]{2,8})?[/ ]?(?:19|20)?\d{2,4}\s*:\s*)?\Z")


def _bracket_units(out: list[dict], norm: str) -> None:
    figures = [d for d in out if d["type"] in ("amount", "percent")]
    for a, b in zip(figures, figures[1:]):
        if b["unit"] or not a["unit"] or a["type"] != "amount" or b["type"] != "amount" or b["scale"] != a["scale"]:
            continue
        if not (_BARE_OPEN.match(norm[a["end"]:b["start"]]) and re.match(r"\s*\)", norm[b["end"]:b["end"] + 3])):
            continue
        if b["start"] - a["end"] > 24:
            continue
        b["unit"] = a["unit"]


def _calendar(s: int, e: int, digits: str, typ: str) -> dict:
    m = re.search(r"(?:19|20)\d\d" if typ == "date" else r"\d{4}", digits)
    v = float(m.group()) if m else 0.0  # a date's value is its year (September 2024: 2024), for spans of years
    return dict(start=s, end=e, type=typ, value=v, lo=v, hi=v, digits=digits, decimals=0, unit="", bound="exact",
                qualifier="", chinese=False, scale=1.0, scale_text="")


def _quantity(m: re.Match, norm: str) -> dict | None:
    s, e = m.start(), m.end()
    before = norm[max(0, s - 30):s]
    unit = ""
    typ = ""
    scale = 1.0
    scale_text = ""
    if m.group("frac") is not None:
        if m.group("inn"):
            num, den = _WORDNUM[m.group("inn").lower()], m.group("ind").lower()
            den_v = int(den) if den.isdigit() else _WORDNUM.get(den, 0)
        elif m.group("fden"):
            fn = m.group("fnum").lower()
            num = 1 if fn in ("a", "an", "one") else _WORDNUM[fn]
            den_v = _FRACTION[m.group("fden").lower()]
            if fn in ("a", "an") and not re.match(r"\s+of\b", norm[e:e + 4]) and not re.search(
                    r"\b(?:by|than|about|around|nearly|almost|roughly)\s+\Z", before):
                return None  # "a quarter" of a year, "a half-hour": not a share
        else:
            num, den_v = 1, 2
        if not den_v or num >= den_v:
            return None
        value = 100.0 * num / den_v
        w = value * FRACTION_WIDTH
        bound, qualifier = _prefix_bound(before)
        lo, hi = value - w, value + w
        if bound == NEAR:
            lo = value - 2 * w
        elif bound == LOWER:
            lo, hi = value - w, float("inf")
        elif bound == UPPER:
            lo, hi = 0.0, value + w
        elif bound == APPROX:
            lo, hi = value - 2 * w, value + 2 * w
        return dict(start=s, end=e, type="percent", value=value, lo=lo, hi=hi, digits=m.group(), decimals=1,
                    scale=1.0, scale_text="", unit="%", bound=bound, qualifier=qualifier, chinese=False)
    if m.group("twice"):
        if not _TIMES_MULTIPLE.match(norm[e:e + 12]):
            return None
        return _word_multiple(s, e, 2.0, "twice", before)
    if m.group("verbmult"):
        w = m.group("verbmult").lower()
        return _word_multiple(s, e, {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0,
                                     "halved": 0.5}[w], w, before)
    if m.group("fold"):
        k = float(_WORDNUM[m.group("foldn").lower()])
        return _word_multiple(s, e, k, m.group(), before, increase=_INCREASE_BEFORE.search(before) is not None
                              or re.match(r"\s+(?:increase|rise|jump|gain|growth)", norm[e:e + 12]) is not None)
    if m.group("num") is not None:
        num = m.group("num")
        ns = m.start("num")
        sign = m.group("sign") or m.group("sign2") or ""
        if sign:
            sp = m.start("sign") if m.group("sign") else m.start("sign2")
            prev = norm[sp - 1:sp] if sp else ""
            if prev and not (prev.isspace() or prev in "([\"“:=/"):
                # 3-5 is a range, A-1 a code: the dash is no sign
                if m.group("sign"):
                    s = m.start("cur") if m.group("cur") else ns
                    if m.group("sign2"):
                        return None
                sign = ""
        prev = norm[s - 1:s] if s else ""
        if prev and (prev.isalpha() or prev in "_" or prev.isdigit()):
            return None
        if prev == "." and s > 1 and norm[s - 2].isdigit():
            return None
        parsed = arabic(num.replace("\u2009", "").replace("\u202f", ""))
        if parsed is None:
            return None
        v, decimals = parsed
        cur = m.group("cur") or ""
        sc = m.group("scale") or ""
        base_end = m.end("num")
        if sc and sc.strip().lower() == "m" and not cur and not _MONEY_AFTER.match(norm, m.end("scale")):
            sc = ""  # 5m without a currency is metres or minutes as often as millions (966m rupees is not)
        if sc:
            scale, scale_text = _SCALES[sc.strip().lower()], sc
            base_end = m.end("scale")
        ug, um = _unit_at(norm, base_end)
        e = um.end() if um else base_end
        if cur:
            c = cur.strip().rstrip(".")
            unit = _CURRENCY.get(c) or _CURRENCY.get(c.upper().replace("AU$", "A$").replace("CA$", "C$"), "dollars")
        if ug == "pct":
            unit, typ = "%", "percent"
        elif ug == "pp":
            unit, typ = "percentage points", "points"
        elif ug == "bp":
            unit, typ, scale, scale_text = "percentage points", "points", 0.01, " basis points"
        elif ug == "pts":
            if _is_percentage_points(norm, s, e):
                unit, typ = "percentage points", "points"
            else:
                unit, typ = "points", "number"
        elif ug == "cents":
            unit, scale, scale_text = "dollars", 0.01, " cents"
        elif ug == "pence":
            unit, scale, scale_text = "pounds", 0.01, um.group()
        elif ug in ("cur_after", "measure"):
            word = um.group().strip().lower()
            unit = _UNIT_WORDS.get(word, word)
        elif ug == "dur":
            unit, typ = um.group().strip().lower().rstrip("s"), "duration"
        elif ug == "times":
            if (_TIMES_MULTIPLE.match(norm[e:e + 12]) or um.group().startswith("-")
                    or _TIMES_NAMED.match(norm, e) or _INCREASE_BEFORE.search(before)):
                unit, typ = "times", "multiple"
            else:
                e = um.start()
                typ = "number"
        elif ug == "ord":
            typ = "ordinal"
        if not typ:
            digits_only = num.replace(",", "")
            if (not cur and not sc and not sign and len(num) == 4 and digits_only.isdigit()
                    and 1800 <= int(digits_only) <= 2099 and not _COUNT_NOUN_AFTER_YEAR.match(norm[e:e + 16])):
                return _calendar(s, e, digits_only, "year")
            typ = "amount"
        if norm[e:e + 1].isalpha() and typ in ("amount", "number") and not sc and not cur:
            return None  # glued to a word: 3D, 4G, 10x
        if sign == "-":
            v = -v
        value = float(v) * scale
        digits = num
    else:
        word = m.group("word")
        wv = _word_value(word)
        if wv is None or wv < 2:
            return None  # "one" and "zero" are words far more often than counts
        sc = m.group("wscale") or ""
        if sc:
            scale, scale_text = _SCALES[sc.strip().lower()], sc
        e = m.end("wscale") if sc else m.end("word")
        ug, um = _unit_at(norm, e)
        if ug not in ("pct", "pp", "dur", "times"):
            ug, um = None, None
        if norm[e:e + 1] == "-" and ug is None:
            return None  # a two-year plan: an adjective, not a count
        if um:
            e = um.end()
        typ = "amount"
        if ug == "pct":
            unit, typ = "%", "percent"
        elif ug == "pp":
            unit, typ = "percentage points", "points"
        elif ug == "dur":
            unit, typ = um.group().strip().lower().rstrip("s"), "duration"
        elif ug == "times":
            if _TIMES_MULTIPLE.match(norm[e:e + 12]):
                unit, typ = "times", "multiple"
            else:
                e = um.start()
                typ = "number"
        if typ == "multiple":
            return _word_multiple(s, e, float(wv), word, before, increase=_INCREASE_BEFORE.search(before) is not None)
        v = Decimal(wv)
        decimals = -trailing_zeros(v) if wv >= 100 else 0
        if sc:
            decimals = 0
        value = float(v) * scale
        digits = word
    if not math.isfinite(value) or abs(value) > 1e300:
        return None  # a run of hundreds of digits is not a figure (and would overflow below)
    # qualifiers
    bound, qualifier = "exact", ""
    if typ not in ("year", "date", "ordinal"):
        bound, qualifier = _prefix_bound(before)
        for pat, b in _POSTFIX:
            pm = pat.match(norm[e:e + 16])
            if pm and bound == "exact":
                bound, qualifier = b, pm.group().strip()
    place = trailing_zeros(Decimal(abs(int(value / scale)))) if decimals == 0 and value == int(value) else -decimals
    # 8,158,900 employed: a statistic of ten thousand or more that ends in hundreds is rounded to the hundred
    # (its parts are rounded separately and need not add to the last unit)
    stated = -2 if (typ == "amount" and decimals == 0 and scale == 1.0 and abs(value) >= 10000
                    and abs(value) % 100 == 0) else decimals
    iv = interval_for(value, stated, scale, bound, place if bound == "more" else None)
    lo, hi = iv.lo, iv.hi
    if typ == "percent" and value == 100 and bound == "exact" and _ADD_UP_TO.search(before):
        lo = hi = 100.0  # "add up to 100%": the whole, exactly
    if typ == "ordinal":
        lo = hi = value
    if (typ == "amount" and bound == "exact" and not unit and scale == 1.0 and decimals == 0 and 0 < value < 1000
            and _COUNTED_AFTER.match(norm, e)):
        lo = hi = value  # 8 regions, 15 reported growth: a count of things is exact, not rounded
    return dict(start=s, end=e, type=typ, value=value, lo=lo, hi=hi, digits=digits, decimals=decimals, scale=scale,
                scale_text=scale_text, unit=unit, bound=bound, qualifier=qualifier, chinese=False)


def _unit_at(norm: str, pos: int) -> tuple[str | None, re.Match | None]:
    """The unit written right after a number (case-sensitive: "Percent" heading the next table line is not one)."""
    um = _UNIT.match(norm, pos)
    if um is None:
        return None, None
    if ("\n" in um.group() or "\r" in um.group()) and not um.group().strip()[:1].islower():
        return None, None
    return um.lastgroup, um


def _prefix_bound(before: str) -> tuple[str, str]:
    before = re.sub(r"(?:US\$|\$|€|£)\s*\Z", "", before)
    if _ADD_UP_TO.search(before):
        return "exact", ""  # "add up to 100%": a total, not a bound
    before = re.sub(r"\s+an?\s*\Z", " ", before)  # about a 10% increase
    for pat, b in _PREFIX:
        pm = pat.search(before)
        if pm:
            return b, pm.group().strip()
    return "exact", ""


def _is_percentage_points(norm: str, s: int, e: int) -> bool:
    """Bare "points" mean percentage points beside percentages, and index points beside a market index."""
    ls = norm.rfind("\n", 0, s) + 1
    le = norm.find("\n", e)
    le = len(norm) if le < 0 else le
    window = norm[max(ls, s - 200):min(le, e + 120)]
    return bool(_PERCENT_NEAR.search(window)) and not _INDEX_WORDS.search(window)


def _link_ranges(out: list[dict], norm: str) -> None:
    """3-5 percent, 16 to 19 years, between 2 and 3 million: both ends are bounds of one range and the first end
    takes the unit and scale of the second. "from 3 to 5" and "rose 2 to 5" are changes, not ranges."""
    for i, (a, b) in enumerate(zip(out, out[1:])):
        gap = norm[a["end"]:b["start"]]
        if not _RANGE_GAP.match(gap) or a["type"] in ("date", "year", "ordinal") or b["type"] in ("date", "year", "ordinal"):
            continue
        if a.get("range_with") is not None:
            continue
        lead = norm[max(0, a["start"] - 12):a["start"]]
        word = gap.strip()
        if word == "and" and not re.search(r"\bbetween\s*(?:US\$|\$|€|£)?\s*\Z", lead, re.I):
            continue
        if word == "to":
            if _CHANGE_BEFORE.search(lead) or a["unit"] or a["scale"] != 1.0:
                continue
            if not b["unit"] and b["scale"] == 1.0:
                continue
        if word == "-" and (a["value"] < 0 or b["value"] < 0):
            continue
        if a["unit"] and b["unit"] and a["unit"] != b["unit"]:
            continue
        if not a["unit"] or (a["scale"] == 1.0 and b["scale"] != 1.0):
            a["unit"], a["type"] = b["unit"] or a["unit"], b["type"]
            if b["scale"] != 1.0 and a["scale"] == 1.0:
                f = b["scale"]
                a["scale"], a["scale_text"] = f, b["scale_text"]
                a["value"] *= f
                a["lo"] *= f
                a["hi"] *= f
        a["range_with"] = i + 1
        b["range_with"] = i
