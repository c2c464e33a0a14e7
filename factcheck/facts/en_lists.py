"""English counted lists: a count and the list in apposition to it.

  its three divisions – frozen, chilled and ambient –      the list between dashes after the count
  12 stores across 4 regions: the North East, … and Wales  the list after a colon
  Prices fell in 3 of the 12 categories: clothing, …       the first count of 'N of the M'
  Two of the firms, Abel and Brook, were fined             the list in commas after 'N of the X'

Items are split at commas and a final 'and'/'or'. A count that the list does not give is a discrepancy only when
every item is short (a name of at most four words): longer items may hold commas or 'and' of their own. A list
that says it gives examples ('including', 'such as', 'among them') bounds the count from below.
"""

from __future__ import annotations

import re

from .zh_lists import CountClaim

_NUM_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
# the count in lower case (a capital Six inside a name is no count), the noun in lower case
_N = r"(?P<n>(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve)|[2-9]|1[0-2])"
_NOUN = r"(?P<np>(?:[A-Za-z][a-z-]*\s+){0,3}?(?:[a-z][a-z-]*s|[A-Z]{2,}s|people|children|staff|media|criteria|data))"
_COUNT = re.compile(
    rf"(?<![\w$£€.,-])(?P<count>{_N}\s+(?P<of>of\s+(?:the|its|their)\s+(?:\d+\s+)?(?:[a-z][a-z-]*\s+){{0,2}}?)?{_NOUN})"
    r"(?P<lead>\s*:\s*|\s+[–—]\s+|\s+-{1,2}\s+|,\s+(?=(?:the\s+)?[A-Z]))")
_EXAMPLES = re.compile(r"(?i)\b(?:including|such as|among them|among others|for example|e\.g\.|like)\b")
_BAD_BEFORE = re.compile(r"(?i)(?:\b(?:top|first|last|next|past|previous|latest|about|some|around|nearly|almost|over|"
                         r"under|than|least|most|to|from|and|or|another|every|each|no|(?:one|any|each|none|either|neither)\s+of"
                         r"(?:\s+(?:the|its|their|these|those))?)\s+|[-/]\s*)\Z")
_ITEM_MAX_WORDS = 4
_WORDS_NUM = re.compile(r"(?<![A-Za-z])\d[\d,.]*(?![A-Za-z])|%|\$|£|€")


def _value(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _NUM_WORDS.get(w)


def _items(body: str) -> list[str] | None:
    body = body.strip().rstrip(".;,")
    if not body or len(body) > 300:
        return None
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", body)]
    if any(not p for p in parts):
        return None
    return parts


def find_counts(norm: str, furniture) -> list[CountClaim]:
    out: list[CountClaim] = []
    for m in _COUNT.finditer(norm):
        s, e = m.start("count"), m.end("count")
        if furniture(s, e) or _BAD_BEFORE.search(norm[max(0, s - 16):s]):
            continue
        n = _value(m.group("n"))
        if n is None or not 2 <= n <= 12:
            continue
        if m.group("n")[0].isupper() and s and not re.search(r"(?:^|[.!?]\s+|\n\s*)\Z", norm[max(0, s - 4):s]):
            continue  # Precious Six Garments: a capital inside a sentence is part of a name
        lead = m.group("lead")
        if "," in lead and not m.group("of"):
            continue  # 'three Welsh quangos, education and training body Elwa, …': no list, an aside

        j = m.end()
        if ":" in lead:
            stop = re.compile(r"[.;!?\n](?:\s|$)|\.$")
        elif "," in lead:
            stop = re.compile(r",\s+(?!and\b|or\b)(?=[a-z])|[.;:!?\n–—(]")
        else:
            stop = re.compile(r"\s[–—-]{1,2}\s|[.;:!?\n(]")
        sm = stop.search(norm, j, min(len(norm), j + 400))
        if sm is None:
            continue
        body = norm[j:sm.start()]
        if "," in lead and not re.search(r"\band\b", body):
            continue  # 'Two of the firms, Abel, were …': no list
        if re.search(r"\bor\b", body):
            continue  # 'one of the four banks - A or B': alternatives, not the list
        examples = bool(_EXAMPLES.search(body))
        body = _EXAMPLES.sub("", body)
        if _WORDS_NUM.search(body) or re.match(r"(?i)\s*(?:first|firstly|one is)\b", body):
            continue  # items with figures of their own, or points numbered first, second …
        parts = _items(body)
        if parts is None or len(parts) < 2:
            continue
        short = all(len(p.split()) <= _ITEM_MAX_WORDS for p in parts)
        if len(parts) != n and not short:
            continue
        readings = [(len(parts), "items split at commas and 'and'")]
        if "," in body:
            # 'professional and business services, and health care': an 'and' inside a name is no joint
            whole = [p.strip() for p in re.split(r",\s*(?:and\s+)?", body.strip().rstrip(".;,")) if p.strip()]
            if len(whole) != len(parts):
                readings.append((len(whole), "items split at commas only"))
        claim = CountClaim(start=s, end=e, numeral_end=m.end("n"), n=n, examples=examples,
                           readings=readings, where="after")
        out.append(claim)
    return out


_STATED = re.compile(r"(?i)\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])\s+"
                     r"(?:[a-z-]+\s+){0,2}?[a-z-]+s\b")


def stated_count(text: str) -> int | None:
    """The last count of things in a stretch of text (the four regions -> 4), or None."""
    found = None
    for m in _STATED.finditer(text):
        found = _value(m.group("n"))
    return found
