"""Lexicons: the words that tell a figure's role, measure, scope and period, as data (rules/<lang>/*.lexicon.yaml).

A lexicon file is validated against its schema when it is compiled: the built-in ones at build time, as a kind of
data file (factcheck/compiled.py), so a run reads plain data and never parses YAML. The compiled form used while
checking (word lists sorted longest first, regular expressions built from them) is built once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..errors import RuleError
from ..records import Record, field, validate

_FORBID = {"extra": "forbid"}


@dataclass
class Partition(Record):
    """Parts that make up a whole between them (第一产业, 第二产业, 第三产业)."""

    __pydantic_config__ = _FORBID
    name: str = field(description="A name for people (三次产业).")
    parts: list[str] = field(description="The words that name each part.")
    whole: str = field(default="", description="The word that names the whole, when it has one (进出口).")


@dataclass
class Derived(Record):
    """A measure defined by two others: 顺差 from 出口 and 进口 with relation a - b = d."""

    __pydantic_config__ = _FORBID
    name: str
    # 'from' is a Python keyword: the YAML key is mapped onto this field by the loader
    sources: list[str] = field(description="The two measures it is computed from, as a and b.")
    relation: str = field(description="Over a, b and d (the derived figure), e.g. 'a - b = d'.")


@dataclass
class Within(Record):
    """A measure that cannot exceed another of the same entity and period (净利润 within 营业收入)."""

    __pydantic_config__ = _FORBID
    part: str
    whole: str


@dataclass
class Ratio(Record):
    """A ratio named by a word: 存贷比 = 贷款 / 存款 × 100."""

    __pydantic_config__ = _FORBID
    name: str
    num: str
    den: str = ""
    scale: float = 1.0
    rest: str = field(default="", description="Instead of den: what the denominator adds to num (the unemployment "
                      "rate = unemployed / (unemployed + employed)); several words joined by |.")


@dataclass
class Product(Record):
    """A measure that is the product of two others: 产量 = 面积 × 单产 (each named by words, a|b for spellings)."""

    __pydantic_config__ = _FORBID
    total: str = field(description="Words that name the product (产量).")
    factors: list[str] = field(description="Words that name the two factors, the extensive one first (面积, 单产).")
    not_total: str = field(default="", description="Words that, held by a figure, say it is no product (单产|单位面积产量).")


@dataclass
class PerUnit(Record):
    """What an average is taken per: 人均 -> 人."""

    __pydantic_config__ = _FORBID
    average: str
    unit: str


@dataclass
class LexiconSpec(Record):
    __pydantic_config__ = _FORBID
    language: str = field(description="zh or en.")
    words: dict[str, list[str]] = field(default_factory=dict, description="Named word lists.")
    markers: dict[str, list[str]] = field(default_factory=dict, description="Structure words as regular expressions "
                                          "(breakdown, container, total_after, respectively ...), read by frames.")
    partitions: list[Partition] = field(default_factory=list)
    derived: list[Derived] = field(default_factory=list)
    within: list[Within] = field(default_factory=list)
    per_unit: list[PerUnit] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    synonyms: list[list[str]] = field(default_factory=list, description="Names of one measure, the first being the "
                                      "one keys use ([地区生产总值, GDP, 国内生产总值]): 占GDP的比重 is a share of "
                                      "地区生产总值.")


class Lexicon:
    """A language's lexicon, compiled: word lists and the regular expressions the fact reader uses."""

    def __init__(self, spec: LexiconSpec):
        self.spec = spec
        self.language = spec.language
        self._words: dict[str, list[str]] = {}
        self._alts: dict[str, str] = {}

    def words(self, name: str) -> list[str]:
        if name not in self._words:
            self._words[name] = sorted(set(self.spec.words.get(name, [])), key=lambda w: (-len(w), w))
        return self._words[name]

    def alt(self, name: str) -> str:
        """An alternation of the list's words, longest first (regex-escaped)."""
        if name not in self._alts:
            ws = self.words(name)
            self._alts[name] = "(?:" + "|".join(re.escape(w) for w in ws) + ")" if ws else "(?!)"
        return self._alts[name]

    @cached_property
    def partitions(self) -> list[Partition]:
        return list(self.spec.partitions)

    @cached_property
    def derived(self) -> list[Derived]:
        return list(self.spec.derived)

    @cached_property
    def within(self) -> list[Within]:
        return list(self.spec.within)

    def holds_as_part(self, wanted: str, have: str) -> bool:
        """Does `have` name a whole that holds `wanted` as one of its parts (进出口 holds 出口)?"""
        for p in self.partitions:
            whole = p.whole or ""
            if whole and whole in have and whole not in wanted and any(w in wanted for w in p.parts):
                return True
        return False

    def names_total(self, name: str) -> bool:
        """出口总额, 总收入: a name for the whole total of a measure."""
        return any(t in name for t in self.words("total"))

    def narrowed(self, wanted: str, have: str) -> bool:
        """Is `have` narrowed by a qualifier `wanted` lacks (私营企业出口 is only a part of 出口)?"""
        return any(q in have and q not in wanted for q in self.words("part_qualifier"))

    @cached_property
    def _synonyms(self) -> tuple[re.Pattern | None, dict[str, str]]:
        to = {w: group[0] for group in self.spec.synonyms for w in group[1:] if w != group[0]}
        if not to:
            return None, {}
        return re.compile("|".join(re.escape(w) for w in sorted(to, key=lambda w: (-len(w), w)))), to

    def canonical(self, name: str) -> str:
        """The name with each synonym replaced by the name keys use (占GDP -> 占地区生产总值)."""
        pat, to = self._synonyms
        return pat.sub(lambda m: to[m.group()], name) if pat is not None else name

    def has_marker(self, name: str) -> bool:
        return bool(self.spec.markers.get(name))

    def marker(self, name: str) -> re.Pattern:
        """A structure marker: the alternation of its patterns ((?!) when the language has none)."""
        pats = self.spec.markers.get(name, [])
        return _marker(self.language, name, tuple(pats))

    def regex(self, template: str) -> re.Pattern:
        """A regex from a template in which {name} stands for the alternation of a word list."""
        return _compile(self, template)


@lru_cache(maxsize=256)
def _marker(lang: str, name: str, pats: tuple) -> re.Pattern:
    return re.compile("(?:" + "|".join(pats) + ")" if pats else "(?!)")


_NAME = re.compile(r"\{([a-z_]+)\}")  # {up}: a word list; {0,24} stays a quantifier


@lru_cache(maxsize=256)
def _compile_cached(lang: str, template: str, alts: tuple) -> re.Pattern:
    table = dict(alts)
    return re.compile(_NAME.sub(lambda m: table[m.group(1)], template))


def _compile(lex: Lexicon, template: str) -> re.Pattern:
    names = _NAME.findall(template)
    alts = tuple((n, lex.alt(n)) for n in dict.fromkeys(names))
    return _compile_cached(lex.language, template, alts)


def parse_lexicon(text: str, source: str) -> LexiconSpec:
    import yaml

    from ..yamlsafe import Refused, SafeLineLoader

    try:
        data = yaml.load(text, Loader=SafeLineLoader)
    except Refused as e:
        raise RuleError(f"{source}:{e.line}: refused: {e}") from None
    except yaml.YAMLError as e:
        raise RuleError(f"{source}: not valid YAML for a lexicon ({getattr(e, 'problem', None) or e})") from None
    data = _strip(data)
    if not isinstance(data, dict) or not isinstance(data.get("lexicon"), dict):
        raise RuleError(f"{source}:1: a lexicon file holds 'lexicon:' with language, words, partitions, derived")
    body = dict(data["lexicon"])
    body["derived"] = [_derived(d) for d in body.get("derived") or []]
    from pydantic import ValidationError

    try:
        return validate(LexiconSpec, body)
    except ValidationError as e:
        err = e.errors()[0]
        raise RuleError(f"{source}: {'.'.join(str(x) for x in err['loc'])}: {err['msg']}") from None


def _from_dict(body: dict) -> LexiconSpec:
    kinds = {"partitions": Partition, "derived": Derived, "within": Within, "per_unit": PerUnit, "ratios": Ratio,
             "products": Product}
    kw = {k: v for k, v in body.items() if k not in kinds}
    for k, cls in kinds.items():
        kw[k] = [cls(**x) for x in body.get(k) or []]
    return LexiconSpec(**kw)


def _derived(d):
    if isinstance(d, dict) and "from" in d:
        d = dict(d)
        d["sources"] = d.pop("from")
    return d


def _strip(obj):
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items() if k not in ("__line__", "__lines__")}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


def merge(specs: list[LexiconSpec], language: str) -> LexiconSpec:
    words: dict[str, list[str]] = {}
    out = LexiconSpec(language=language)
    for s in specs:
        for k, v in s.words.items():
            words.setdefault(k, []).extend(v)
        out.partitions.extend(s.partitions)
        for k, v in s.markers.items():
            out.markers.setdefault(k, []).extend(v)
        out.derived.extend(s.derived)
        out.within.extend(s.within)
        out.per_unit.extend(s.per_unit)
        out.ratios.extend(s.ratios)
        out.products.extend(s.products)
    out.words = words
    return out


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    """The built-in lexicon of a language: its files (rules/<language>/*.lexicon.yaml) merged, from compiled data."""
    from .. import compiled

    files = compiled.builtin("lexicon")
    return Lexicon(merge([files[rel] for rel in sorted(files) if rel.startswith(language + "/")], language))


# Lexicon files as a kind of data file (compiled.py): validated once, kept as plain dicts, revived without pydantic.
def _parse_lexicon_file(data: bytes, name: str) -> dict:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RuleError(f"{name}: lexicon files must be UTF-8 (byte {e.start} is not)") from None
    return parse_lexicon(text, name).model_dump()


def _register() -> None:
    from .. import compiled

    compiled.register(compiled.DataKind("lexicon", parse=_parse_lexicon_file, globs=("*/*.lexicon.yaml",),
                                        revive=lambda plain, _name: _from_dict(plain)))


_register()


def lexicon_file_schema() -> dict:
    """The JSON Schema of a lexicon file: `lexicon:` with the fields of LexiconSpec ('from' for derived sources)."""
    from ..records import json_schema

    spec = json_schema(LexiconSpec)
    defs = spec.pop("$defs", {})
    derived = defs.get("Derived", {})
    if "sources" in derived.get("properties", {}):
        derived["properties"]["from"] = derived["properties"].pop("sources")
        derived["required"] = ["from" if r == "sources" else r for r in derived.get("required", [])]
    for d in defs.values():
        d["additionalProperties"] = False
    spec["additionalProperties"] = False
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://factcheck.invalid/schemas/lexicon.schema.json",
            "title": "factcheck lexicon file (rules/<lang>/*.lexicon.yaml)",
            "type": "object", "properties": {"lexicon": spec}, "required": ["lexicon"],
            "additionalProperties": False, "$defs": defs}
