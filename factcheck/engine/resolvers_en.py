"""Resolvers for English phrasings: the whole a share is "of", named by the words after it."""

from __future__ import annotations

import re

from .candidate import Candidate
from ..model import Quantity
from .context import Context
from .resolvers import resolver
from .rules import Resolver

_OF_NAME = re.compile(r"\A\s+of\s+(?:the\s+|all\s+|those\s+|total\s+|overall\s+)*((?:[A-Za-z][A-Za-z-]*\s*){1,3})")
_STOP = {"the", "all", "total", "overall", "number", "of", "and", "in", "for", "who", "which", "that", "were", "was",
         "is", "are", "a", "an", "those", "these", "people", "persons"}


def _stem(w: str) -> str:
    w = w.lower()
    for suf in ("ies", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _name_words(text: str) -> list[str]:
    m = _OF_NAME.match(text)
    if not m:
        return []
    words = []
    for w in m.group(1).split():
        if w.lower() in _STOP:
            if words:
                break
            continue
        words.append(_stem(w))
    return words


@resolver("named_whole")
def named_whole(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole a share is "of": "accounted for 41.9 percent of the unemployed" looks back (spec.sentences) for
    an amount of the part's measure, at least as large, that the text introduced with the same word ("the number
    of unemployed persons (12.7 million)"). The nearest such amount; none when no earlier amount is so named."""
    stated = cand.slots.get(cand.stated)
    part = cand.slots.get(spec.of or "")
    if not isinstance(stated, Quantity) or not isinstance(part, Quantity):
        return None
    words = _name_words(ctx.doc.norm[stated.end: stated.end + 60])
    if not words:
        return None
    head = words[0]
    lo, _ = ctx.sentence_range(part.start, spec.sentences)
    for q in reversed(ctx.quantities[: part.index]):
        if q.start < lo:
            break
        if q.furniture or q.range_with is not None or q.type != part.type or q.unit != part.unit:
            continue
        if q.hi < part.lo or q.bound != "exact":
            continue
        s, _ = ctx.sentence_span(q.start)
        lead = ctx.doc.norm[max(s, q.start - 50): q.start]
        lead_words = {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]*", lead)}
        if head in lead_words:
            return q
    return None


_YEAR_EN = re.compile(r"\b((?:19|20)\d\d)\b")
_PRIOR_WORDS = re.compile(r"(?i)\b(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|the\s+(?:previous|prior|preceding)\s+"
                          r"(?:year|month|quarter)|a\s+month\s+(?:earlier|ago|before)|the\s+year[- ]earlier|"
                          r"a\s+quarter\s+(?:earlier|ago))\b")
_PRONOUN_LEAD = re.compile(r"(?i)^\s*(?:[A-Z][a-z]+\s+\S+,\s*)?(?:it|they|that|this|the\s+figure|the\s+total)\b")
_CONTENT = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
_LEVEL_STOP = {"were", "was", "from", "with", "than", "that", "this", "year", "month", "percent", "billion", "million",
               "thousand", "trillion", "rose", "fell", "increased", "decreased", "grew", "about", "nearly", "last",
               "earlier", "their", "there", "which", "compared", "rate", "total", "dollars", "quarter", "after",
               "before", "according", "said", "says", "reported", "report", "also", "into", "over", "under"}


def _words_before(ctx: Context, start: int, pos: int) -> set[str]:
    return {_stem(w) for w in _CONTENT.findall(ctx.doc.norm[start:pos])} - _LEVEL_STOP


def _words_after(ctx: Context, q: Quantity) -> set[str]:
    """The noun a figure counts ("19.8 million passengers"): up to three words right after it."""
    m = re.match(r"(?:\s+[A-Za-z][A-Za-z-]*){1,3}", ctx.doc.norm[q.end:q.end + 40])
    return {_stem(w) for w in _CONTENT.findall(m.group())} - _LEVEL_STOP if m else set()


@resolver("earlier_level")
def earlier_level(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The level a change started from, stated in an earlier sentence ("Revenue was $50 billion in 2023. … rose
    10 percent to $55 billion in 2024"). Taken only when all of these hold: it is the last figure of the same
    measure before the claim (spec.sentences back at most, never in the claim's own sentence); it is exact and
    within a factor of two of the new level; its sentence is dated one period earlier (a year one less than the
    claim's, or 'a year earlier', 'last year' ...); and the claim names the same thing (a shared word) or opens
    with 'it' / 'they'. Otherwise nothing is taken and the rule stays silent."""
    cur = cand.slots.get(spec.of or "")
    if not isinstance(cur, Quantity):
        return None
    own_start, _ = ctx.sentence_span(cur.start)
    lo, _ = ctx.sentence_range(cur.start, max(1, spec.sentences))
    for q in reversed(ctx.quantities[: cur.index]):
        if q.start < lo:
            return None
        if q.furniture or q.type != cur.type or q.unit != cur.unit:
            continue
        if q.start >= own_start:
            return None  # a figure of the same measure in the claim's own sentence: its rules decide
        if q.bound != "exact" or q.range_with is not None or not (0.5 <= cur.value / q.value <= 2 if q.value else False):
            return None
        qs, qe = ctx.sentence_span(q.start)
        q_sent = ctx.doc.norm[qs:qe]
        c_sent = ctx.doc.norm[own_start:cand.end]
        qy = [int(y) for y in _YEAR_EN.findall(q_sent)]
        cy = [int(y) for y in _YEAR_EN.findall(ctx.doc.norm[own_start:ctx.sentence_span(cur.start)[1]])]
        dated = (qy and cy and qy[-1] == cy[-1] - 1 and cy.count(cy[-1]) == len(cy)) or bool(_PRIOR_WORDS.search(q_sent))
        if not dated:
            return None
        verb = cand.start
        same = (_words_before(ctx, qs, q.start) | _words_after(ctx, q)) & \
            (_words_before(ctx, own_start, verb) | _words_after(ctx, cur))
        if not same and not _PRONOUN_LEAD.match(c_sent):
            return None
        cand.notes.append(f"the earlier level {q.text} is taken from an earlier sentence")
        return q
    return None


# Signs that the figures of a claim are not measured alike: a discrepancy there says nothing about the text.
TRAPS = {
    "real": (re.compile(r"(?i)\b(?:adjust(?:ed|ing)\s+for\s+inflation|inflation[- ]adjusted|after\s+(?:accounting\s+for\s+)?"
                        r"inflation|in\s+real\s+terms|real\s+(?:terms|GDP|growth|wages?|earnings|incomes?|spending|"
                        r"output|value|prices?)|in\s+constant\s+(?:\d{4}\s+)?(?:dollars|prices|euros|pounds)|"
                        r"constant[- ](?:dollar|price|currency)|chained\s+(?:\d{4}\s+)?dollars|volume\s+terms)\b"),
             "the change is stated in real (inflation-adjusted) terms while the levels may be nominal"),
    "seasonal": (re.compile(r"(?i)\b(?:seasonally\s+adjusted|annuali[sz]ed|(?:seasonally\s+adjusted\s+)?annual\s+rate|"
                            r"not\s+seasonally\s+adjusted|working[- ]day\s+adjusted)\b"),
                 "one of the figures is seasonally adjusted or annualised and the others may not be"),
    "basis": (re.compile(r"(?i)\b(?:constant[- ]currency|organic(?:ally)?|like[- ]for[- ]like|same[- ]store|"
                         r"comparable[- ]store|excluding|ex-|on\s+a\s+comparable\s+basis|currency[- ]neutral|"
                         r"per\s+share|pro\s+forma|restated)\b"),
              "the change is measured on another basis (excluding items, constant currency, restated figures)"),
    "fiscal": (re.compile(r"(?i)\bfiscal\b[^.;]{0,80}\bcalendar\b|\bcalendar\b[^.;]{0,80}\bfiscal\b"),
               "fiscal-year and calendar-year figures are mixed"),
}


@resolver("en_traps")
def en_traps(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """Not a slot: a guard. When the claim's sentence (spec.sentences before it too) shows a trap named in
    spec.markers (real, seasonal, basis, fiscal) and the arithmetic fails, the claim is unverifiable, with the
    reason, instead of a discrepancy. Always returns None (the rule lists it as optional)."""
    s, _ = ctx.sentence_range(cand.start, spec.sentences)
    _, e = ctx.sentence_span(max(cand.start, cand.end - 1))
    text = ctx.doc.norm[s:e]
    hits = [TRAPS[m][1] for m in spec.markers or list(TRAPS) if m in TRAPS and TRAPS[m][0].search(text)]
    if not hits or cand.unverifiable:
        return None
    from .check import judge  # judging needs every slot; the guard runs last

    f = judge(ctx, cand)
    if f is not None and f.verdict == "discrepancy":
        cand.unverifiable = hits[0]
    return None


@resolver("en_reading")
def en_reading(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """Not a slot: says which reading of an ambiguous multiple was used ('increased threefold': three times the
    old level, or three times more). The multiple's interval covers both, so the verdict is the lenient one."""
    q = cand.slots.get(spec.of or "")
    if isinstance(q, Quantity) and q.qualifier.startswith("ambiguous"):
        cand.notes.append(f"'{q.text}' is {q.qualifier.split(': ', 1)[1]}; both readings were allowed")
    return None


@resolver("en_list_parts")
def en_list_parts(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """Not a slot: tidies a list of parts. A count in words that names the list ("the two hospitals, with 3,200
    and 2,650 staff") is not one of its parts; when it matches the number of parts left, it confirms the list."""
    parts = cand.slots.get(spec.of or "parts")
    if not isinstance(parts, list) or len(parts) < 3:
        return None
    head = parts[0]
    if head.digits.replace("-", "").isalpha() and head.value < 20 and head.value == int(head.value):
        rest = parts[1:]
        if all(not q.digits.replace("-", "").isalpha() for q in rest):
            cand.slots[spec.of or "parts"] = rest
            if head.value == len(rest):
                cand.extra_quantities.append(head)
                cand.notes.append(f"the text counts {head.text} parts")
    return None


_CLAUSE_BREAK = re.compile(r"(?i)\b(?:while|whereas|but|although|though|and|which|who|when|after|before|as|compared\s+"
                           r"with\s+an?|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped|gained|"
                           r"slipped|shrank|sank|edged|ticked|was|were|is|are|had|has)\b|[;:]")


@resolver("en_one_clause")
def en_one_clause(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard, not a slot: the figures named in spec.markers (two slot names) must sit in one clause. Between
    them no second verb or conjunction ('Sales rose 5 percent to $10 billion, while profit fell from $2
    billion'), or the later figure belongs to another claim and the candidate is dropped."""
    a, b = (cand.slots.get(n) for n in spec.markers[:2])
    if not isinstance(a, Quantity) or not isinstance(b, Quantity):
        return a if isinstance(a, Quantity) else None
    lo, hi = sorted((a, b), key=lambda q: q.start)
    gap = ctx.doc.norm[lo.end:hi.start]
    gap = re.sub(r"(?i)\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b", " ", gap)
    return None if _CLAUSE_BREAK.search(gap) else a


# --- figures named by words: "Income taxes accounted for 43.9 percent of all receipts" -------------------------

_SUBJ_VERB = re.compile(r"(?i)\b(?:accounted|accounts|account|accounting|equaled|equalled|equals|equal|made|makes|"
                        r"make|represented|represents|amounted|amounts|was|were|is|are|came|comes)\b")
_SUBJ_STOP = _STOP | {"together", "combined", "its", "their", "his", "her", "this", "that", "last", "year", "month",
                      "alone", "also", "meanwhile", "however"}
_LEAD_BAD = re.compile(r"(?i)\b(?:by|from|up|down|than|about|over|under|nearly|almost|roughly)\s*$")
_TOTAL_WORDS = {"total", "totaled", "totalled", "totaling", "totalling", "overall", "combined", "altogether"}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


_BARE_WORDS = {"to", "at", "of", "was", "were", "is", "are", "reached", "hit", "stood", "totaled", "rose", "fell", "by",
               "and", "a", "an", "the", "new", "record", "in", "grew", "climbed", "increased", "decreased", "declined",
               "jumped", "dropped", "widened", "narrowed", "which", "then", "but", "has", "had", "have", "since",
               "then", "it", "they", "this", "year", "last", "while"}


class _Bare:
    """Connectives and verbs only ("rose by 514,000 to", "in 2022 and", ", grew to"): the words that name the
    figure stand before the one before it."""

    @staticmethod
    def match(text: str) -> bool:
        return all(w.lower() in _BARE_WORDS for w in _WORD.findall(text))


_BARE_LEAD = _Bare()


def _lead(ctx: Context, q: Quantity) -> str:
    """The words between the figure before q in its sentence (amounts and percentages only) and q; when those are
    bare connectives ("rose by 514,000 to 6.35 million"), the words before that figure too."""
    s, _ = ctx.sentence_span(q.start)
    start, end = s, q.start
    for p in reversed(ctx.quantities[: q.index]):
        if p.start < s:
            break
        if p.type in ("amount", "percent", "points", "multiple") and not p.furniture:
            if start == s and _BARE_LEAD.match(ctx.doc.norm[p.end:end]):
                end = p.start  # look past one bare connective to the words that name the figure
                continue
            start = p.end
            break
    return ctx.doc.norm[start:end] + " " + ctx.doc.norm[end:q.start] if end != q.start else ctx.doc.norm[start:q.start]


def _noun_after(ctx: Context, q: Quantity) -> set[str]:
    m = re.match(r"(?:\s+[A-Za-z][A-Za-z-]*){1,2}", ctx.doc.norm[q.end:q.end + 30])
    return {_stem(w) for w in _WORD.findall(m.group())} if m else set()


def _find_named(ctx: Context, words: set[str], before: Quantity, back: int, unit, at_least: float | None,
                any_word: bool = False, skip: Quantity | None = None, largest: bool = False) -> Quantity | None:
    if not words:
        return None
    best = None
    lo, _ = ctx.sentence_range(before.start, back)
    for q in reversed(ctx.quantities[: before.index]):
        if q.start < lo:
            break
        if q.furniture or q.range_with is not None or q.type != "amount" or q.unit != unit or q.bound != "exact":
            continue
        if q is skip or (at_least is not None and q.hi < at_least):
            continue
        lead = _lead(ctx, q)
        if _LEAD_BAD.search(lead):
            continue
        have = {_stem(w) for w in _WORD.findall(lead)} | _noun_after(ctx, q)
        if (words & have) if any_word else words <= have:
            if not largest:
                return q
            if best is None or q.lo > best.lo:
                best = q
    return best


@resolver("en_named_part")
def en_named_part(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The part a share is of, named by the sentence's subject ("Income taxes accounted for 44 percent of ..."):
    the nearest earlier amount (spec.sentences back) introduced with all the subject's words ("Individual income
    taxes brought in $21.3 billion"), exact and not a change (after by / from / up / down / than). None otherwise."""
    stated = cand.slots.get(cand.stated)
    if not isinstance(stated, Quantity):
        return None
    s, _ = ctx.sentence_span(stated.start)
    head = ctx.doc.norm[s:stated.start]
    m = _SUBJ_VERB.search(head)
    if not m:
        return None
    subj = [w for w in _WORD.findall(head[: m.start()]) if w.lower() not in _SUBJ_STOP and len(w) >= 3]
    if not subj or len(subj) > 4:
        return None
    words = {_stem(w) for w in subj[-2:]}
    base = cand.slots.get(spec.of or "") if spec.of else None
    unit = base.unit if isinstance(base, Quantity) else None
    lo, _ = ctx.sentence_range(stated.start, spec.sentences)
    for q in reversed(ctx.quantities[: stated.index]):
        if q.start < lo:
            break
        if q.furniture or q.range_with is not None or q.type != "amount" or q.bound != "exact":
            continue
        if unit is not None and q.unit != unit:
            continue
        lead = _lead(ctx, q)
        if _LEAD_BAD.search(lead):
            continue
        if words <= {_stem(w) for w in _WORD.findall(lead)}:
            return q
    return None


@resolver("en_named_base")
def en_named_base(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The whole a share is "of", named by the words after it ("of all receipts", "of revenue") or, with markers,
    by any of those words ("margin" → revenue, sales): the nearest earlier exact amount of the part's unit, at least
    the part, introduced with that word ("Receipts totaled $48.6 billion"). "of the total" takes only an amount
    introduced as a total (totaled, in total). None otherwise."""
    stated = cand.slots.get(cand.stated)
    part = cand.slots.get(spec.of or "")
    if not isinstance(stated, Quantity) or not isinstance(part, Quantity):
        return None
    back = spec.sentences
    largest = False
    if spec.markers:  # a margin's revenue: the whole company's, the largest so named (segments are smaller)
        words, any_word, largest = {_stem(w) for w in spec.markers}, True, True
    else:
        after = ctx.doc.norm[stated.end: stated.end + 60]
        if re.match(r"(?i)\s+of\s+(?:the|its|their)\s+total\b", after):
            words, any_word, back = _TOTAL_WORDS, True, min(back, 1)  # "the total": only one just given
        else:
            words, any_word = set(_name_words(after)[:1]), False
    return _find_named(ctx, words, stated, back, part.unit, part.lo, any_word, skip=part, largest=largest)


_EXPECT_STOP = {"expected", "expect", "expects", "expecting", "forecast", "forecasts", "forecasting", "projected",
                "estimated", "predicted", "anticipated", "analysts", "analyst", "economists", "economist", "polled",
                "surveyed", "had", "have", "gain", "data", "provider", "consensus", "before", "release"}


@resolver("en_actual")
def en_actual(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """The actual figure an expectation is compared with ("had expected revenue of $4.75 billion, so it beat the
    consensus by ..."): among exact amounts of the same unit in the sentence or spec.sentences before, named with a
    word of the expectation ("revenue", "jobs") and not a change or an earlier level, the one closest in value, and
    within a half of it. None otherwise."""
    e = cand.slots.get(spec.of or "")
    if not isinstance(e, Quantity):
        return None
    words = ({_stem(w) for w in _WORD.findall(_lead(ctx, e)) if len(w) >= 4} | _noun_after(ctx, e))
    words -= {_stem(w) for w in _EXPECT_STOP} | _LEVEL_STOP | _STOP
    if not words:
        return None
    lo, _ = ctx.sentence_range(e.start, spec.sentences)
    mid = (e.lo + e.hi) / 2
    best, gap = None, None
    for q in reversed(ctx.quantities[: e.index]):
        if q.start < lo:
            break
        if q.furniture or q.range_with is not None or q.type != "amount" or q.unit != e.unit or q.bound != "exact":
            continue
        lead = _lead(ctx, q)
        if _LEAD_BAD.search(lead) or re.search(r"(?i)\b(?:expected|forecast|estimated|projected)\b", lead):
            continue
        have = {_stem(w) for w in _WORD.findall(lead)} | _noun_after(ctx, q)
        if not words & have or mid <= 0:
            continue
        g = abs((q.lo + q.hi) / 2 - mid) / mid
        if g <= 0.5 and (gap is None or g < gap):
            best, gap = q, g
    return best


_PERIOD_WORDS = {"month", "months", "year", "years", "quarter", "quarters", "week", "weeks", "past", "over", "since",
                 "have", "has", "had", "been", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "twelve", "nearly", "almost", "more", "than"}


@resolver("en_same_subject")
def en_same_subject(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard for claims whose figures sit in two sentences (spec.markers: two slot names, the earlier first): every
    content word before the later figure in its sentence must also stand before the earlier one in its sentence
    ("Average hourly earnings rose ... to $33.82. ... average hourly earnings have increased by 4.3 percent");
    otherwise the figures may describe two things ("exports" and "exports of grain") and the candidate is
    dropped."""
    a, b = (cand.slots.get(n) for n in spec.markers[:2])
    if not isinstance(a, Quantity) or not isinstance(b, Quantity):
        return None

    def words(q: Quantity) -> set[str]:
        s, _ = ctx.sentence_span(q.start)
        ws = {_stem(w) for w in _WORD.findall(ctx.doc.norm[s:q.start]) if len(w) >= 3 and w.lower() not in _PERIOD_WORDS}
        return ws - {_stem(w) for w in _LEVEL_STOP | _STOP | _PERIOD_WORDS | _SUBJ_STOP | {"its", "nearly", "almost"}}

    first, later = words(a), words(b)
    # the later sentence names nothing the first does not: "exports of grain" is not "exports"
    return a if later and later <= first else None


@resolver("en_word_fraction")
def en_word_fraction(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard: the slot spec.of must be a share in words (half, two-thirds, one in five), not digits."""
    q = cand.slots.get(spec.of or "")
    if not isinstance(q, Quantity) or any(c.isdigit() for c in ctx.doc.norm[q.start:q.end]):
        return None
    return q


@resolver("en_comparable")
def en_comparable(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard: the two levels a change runs between (spec.markers) must be of one scale (within a factor of five),
    or one is per share, per person or otherwise of another measure and the candidate is dropped."""
    a, b = (cand.slots.get(n) for n in spec.markers[:2])
    if not isinstance(a, Quantity) or not isinstance(b, Quantity) or a.unit != b.unit:
        return None
    x, y = abs(a.value), abs(b.value)
    if x <= 0 or y <= 0 or max(x, y) / min(x, y) > 5:
        return None
    return a


_NOUN_SKIP = {"in", "on", "at", "a", "an", "the", "and", "or", "of", "for", "to", "that", "when", "which", "last", "this",
              "year", "years", "ago", "earlier", "before", "then"}


@resolver("en_same_noun")
def en_same_noun(ctx: Context, cand: Candidate, spec: Resolver) -> Quantity | None:
    """A guard: when both figures (spec.markers) are followed by the thing they count, it must be the same thing
    ("84 miles ... when it had 42 miles", not "900 officers ... when it had 300 patrol cars")."""
    a, b = (cand.slots.get(n) for n in spec.markers[:2])
    if not isinstance(a, Quantity) or not isinstance(b, Quantity):
        return None
    na = _noun_after(ctx, a) - {_stem(w) for w in _NOUN_SKIP}
    nb = _noun_after(ctx, b) - {_stem(w) for w in _NOUN_SKIP}
    return a if not na or not nb or na & nb else None
