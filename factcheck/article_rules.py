"""Article-specific rules: `article.factcheck.yaml` beside `article.txt` (or passed with --rules).

A fact-checker names quantities by the words around them and states relations between them, checked with the
same interval arithmetic as built-in rules:

    quantities:
      tianjin:  {text: 34个, before: 天津市}      # the quantity whose text starts with 34个, with 天津市 shortly before
      counties: {text: 58个, before: 全覆盖, occurrence: 1}
    relations:
      - id: counties
        kind: sum
        relation: tianjin + xiamen + fuzhou + qingdao = counties
        stated: counties
        tolerance: 0            # widen the stated figure by this much (absolute), or
        relative_tolerance: 0   # by this fraction of it

`before`/`after` are looked for within `window` characters of the quantity (default 40, same paragraph).
`factcheck init article.txt` writes a starter file listing every quantity with a suggested name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import RuleError
from .model import Finding, Quantity
from .records import Record, field, validate

SUFFIX = ".factcheck.yaml"
_FORBID = {"extra": "forbid"}
_ID = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]+$")


@dataclass
class Selector(Record):
    __pydantic_config__ = _FORBID
    text: str | None = field(default=None, description="The quantity's text, or how it starts (34个, 54.33亿).")
    before: str | None = field(default=None, description="Words shortly before the quantity.")
    after: str | None = field(default=None, description="Words shortly after the quantity.")
    occurrence: int = field(default=1, description="Which match, in text order, when several fit (1 or more).")
    window: int = field(default=40, description="How far before/after to look, in characters (1 to 400).")


@dataclass
class ArticleRelation(Record):
    __pydantic_config__ = _FORBID
    id: str = field(description="A name for the relation (letters, digits, . _ -).")
    relation: str = field(description="An expression over the quantities' names, e.g. a + b = total.")
    stated: str = field(description="The name of the claimed figure.")
    kind: Literal["sum", "difference", "share", "growth", "cagr", "points", "multiple", "enumeration_count",
                  "comparison", "other"] = "other"
    tolerance: float = field(default=0.0, description="Widen the stated figure by this much (absolute).")
    relative_tolerance: float = field(default=0.0, description="Widen the stated figure by this fraction of it.")
    note: str = ""


@dataclass
class ArticleRuleFile(Record):
    """An article-specific rule file (<article>.factcheck.yaml)."""

    __pydantic_config__ = _FORBID
    quantities: dict[str, Selector] = field(description="Names for quantities, each found by its words.")
    relations: list[ArticleRelation] = field(default_factory=list)
    article: str | None = field(default=None, description="The article's file name (informative).")


def _check(spec: ArticleRuleFile) -> None:
    for name, sel in spec.quantities.items():
        if sel.occurrence < 1 or not 1 <= sel.window <= 400:
            raise ValueError(f"quantities.{name}: occurrence must be 1 or more and window 1 to 400")
    for rel in spec.relations:
        if not _ID.match(rel.id):
            raise ValueError(f"relations: id {rel.id!r} may hold only letters, digits and . _ -")
        if rel.tolerance < 0 or not 0 <= rel.relative_tolerance <= 1:
            raise ValueError(f"relations.{rel.id}: tolerance must be 0 or more, relative_tolerance 0 to 1")


def sidecar(article: Path) -> Path:
    return article.with_name(article.stem + SUFFIX)


def is_article_rule_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


MAX_BYTES = 256 * 1024  # a rule file names a few hundred quantities at most: 256 KB is far beyond that
MAX_QUANTITIES = 500
MAX_RELATIONS = 200
MAX_WORK = 10_000_000  # selector x figure comparisons per article: bounds the time of matching (about 10 s)


def clean_name(path) -> str:
    from .display import clean

    return clean(path)


def load(path: Path, root: Path | None = None) -> ArticleRuleFile:
    """Read and validate an article rule file: a regular file of at most MAX_BYTES (no link out of root), YAML
    through the safe loader with the limits on depth and aliases, every relation solvable for its claim."""
    import yaml
    from pydantic import ValidationError

    from .display import clean
    from .yamlsafe import Refused, SafeLimitedLoader
    from .errors import InputError
    from .fileio import read_limited

    name = clean(path)
    try:
        text = read_limited(path, MAX_BYTES, root=root, what="article rule file").decode("utf-8")
    except InputError as e:
        raise RuleError(str(e)) from None
    except UnicodeDecodeError as e:
        raise RuleError(f"{name}: cannot read article rules (not UTF-8 at byte {e.start})") from None
    try:
        data = yaml.load(text, Loader=SafeLimitedLoader)  # a SafeLoader subclass: safe
    except Refused as e:
        raise RuleError(f"{name}:{e.line}: refused: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise RuleError(f"{name}:{mark.line + 1 if mark else 1}: not valid YAML") from None
    try:
        spec = validate(ArticleRuleFile, data or {})
        _check(spec)
    except ValidationError as e:
        err = e.errors()[0]
        raise RuleError(f"{name}: {clean('.'.join(map(str, err['loc'])))}: {err['msg']}") from None
    except ValueError as e:
        raise RuleError(f"{name}: {clean(e)}") from None
    if len(spec.quantities) > MAX_QUANTITIES or len(spec.relations) > MAX_RELATIONS:
        raise RuleError(f"{name}: more than {MAX_QUANTITIES} quantities or {MAX_RELATIONS} relations")
    from .engine.expr import ExprError, check_relation_names, isolate, parse_relation

    for rel in spec.relations:
        try:
            parsed = parse_relation(rel.relation)
            check_relation_names(parsed, set(spec.quantities))
            if rel.stated in parsed.names:
                isolate(parsed, rel.stated)  # a relation that cannot be solved for its claim fails here, loudly
        except ExprError as e:
            raise RuleError(f"{name}: relation {clean(rel.id)}: {clean(e)}") from None
        if rel.stated not in parsed.names:
            raise RuleError(f"{name}: relation {clean(rel.id)}: stated {clean(rel.stated)!r} is not in the relation")
    return spec


def find(sel: Selector, text: str, quantities: list[Quantity]) -> Quantity | None:
    hits = []
    for q in quantities:
        if q.furniture:
            continue
        if sel.text and not (q.text.startswith(sel.text) or sel.text.startswith(q.text)):
            continue
        if sel.before and sel.before not in _para(text, max(0, q.start - sel.window), q.start, keep="end"):
            continue
        if sel.after and sel.after not in _para(text, q.end, q.end + sel.window, keep="start"):
            continue
        hits.append(q)
    return hits[sel.occurrence - 1] if len(hits) >= sel.occurrence else None


def _para(text: str, s: int, e: int, keep: str) -> str:
    """The window, cut at a paragraph break (keeping the side next to the quantity)."""
    chunk = text[s:e]
    parts = re.split(r"\n\s*\n", chunk)
    return parts[-1] if keep == "end" else parts[0]


def check(spec: ArticleRuleFile, source: str, ctx) -> list[Finding]:
    """Findings for each relation of an article rule file, judged like any rule."""
    from .engine.check import judge
    from .engine.rules import RuleSpec, Severity
    from .engine.candidate import Candidate

    text = ctx.doc.text
    if len(spec.quantities) * len(ctx.quantities) > MAX_WORK:
        raise RuleError(f"{clean_name(source)}: {len(spec.quantities)} named quantities in an article of "
                        f"{len(ctx.quantities)} figures is more matching than allowed ({MAX_WORK:,} pairs)")
    found = {name: find(sel, text, ctx.quantities) for name, sel in spec.quantities.items()}
    out: list[Finding] = []
    for rel in spec.relations:
        from .engine.expr import parse_relation

        names = parse_relation(rel.relation).names
        rule = RuleSpec(id=f"article.{rel.id}", kind=rel.kind if rel.kind != "other" else "expression",
                                        language=ctx.doc.language, description=rel.note or rel.relation,
                                        pattern=None, relation=rel.relation, stated=rel.stated, resolve={},
                                        params={}, severity=Severity(), message=None, enabled=True, examples=[],
                                        source=source)
        missing = sorted(n for n in names if found.get(n) is None)
        slots = {n: found[n] for n in names if found.get(n) is not None}
        stated = slots.get(rel.stated)
        widened = stated is not None and bool(rel.tolerance or rel.relative_tolerance)
        if widened:
            widen = rel.tolerance + abs(stated.value) * rel.relative_tolerance
            slots[rel.stated] = stated.model_copy(update={"lo": stated.lo - widen, "hi": stated.hi + widen})
        if stated is None:
            out.append(_not_found(rule, rel, missing, ctx))
            continue
        cand = Candidate(rule=rule, slots=slots, relation=rel.relation, stated=rel.stated, start=stated.start,
                         end=stated.end)
        if missing:
            cand.unverifiable = f"{source} names quantities not found in the text: {', '.join(missing)}"
        f = judge(ctx, cand)
        if f is not None and widened and f.verdict == "rounding":
            # The fact-checker's tolerance, not rounding, is what lets it hold: say so.
            f.verdict = "consistent"
            f.message = f.message.replace("which the rounding of the figures explains",
                                          f"which the tolerance set in {source} allows")
        if f is not None:
            f.kind = rel.kind
            if rel.note:
                f.note = (f.note + "; " if f.note else "") + rel.note
            out.append(f)
    return out


def _not_found(rule, rel: ArticleRelation, missing: list[str], ctx) -> Finding:
    from .model import QuantityRef

    # Nothing to point at but the start of the text: the rule no longer matches the article.
    return Finding(rule=rule.id, kind=rel.kind, verdict="unverifiable", severity="warning",
                   message=f"Article rule {rel.id}: the stated quantity {rel.stated!r} is not in the text "
                           f"(not found: {', '.join(missing)}); has the article changed?",
                   quantities=[QuantityRef(text=ctx.doc.text[:1], start=0, end=1, role="missing", line=1, column=1)],
                   line=1, column=1, start=0, end=1)


def starter(text: str, quantities: list[Quantity], article_name: str) -> str:
    """A starter file: every checkable quantity with a suggested name, and a commented example relation."""
    import yaml

    lines = [f"# Article-specific rules for {article_name}: name quantities by the words around them, then",
             "# state relations between the names. Delete the quantities you do not need.",
             "# Docs: factcheck/article_rules.py; run: factcheck run ARTICLE (this file is found beside it).",
             f"article: {yaml.safe_dump(article_name, allow_unicode=True).splitlines()[0]}",
             "quantities:"]
    used: set[str] = set()
    for q in quantities:
        if q.furniture or q.type in ("year", "date", "ordinal"):
            continue
        before = text[max(0, q.start - 12):q.start].splitlines()[-1] if q.start else ""
        before = re.split(r"[，。,;；:：!?！？、()（）“”\"\s]", before)[-1][-8:]
        name = _suggest(before, q, used)
        sel = {"text": q.text}
        if before:
            sel["before"] = before
        dumped = yaml.safe_dump(sel, allow_unicode=True, default_flow_style=True, width=1000).strip()
        lines.append(f"  {name}: {dumped}")
    lines += ["relations: []",
              "# relations:",
              "#   - id: total",
              "#     kind: sum",
              "#     relation: a + b + c = total",
              "#     stated: total",
              "#     tolerance: 0"]
    return "\n".join(lines) + "\n"


def _suggest(before: str, q: Quantity, used: set[str]) -> str:
    words = re.findall(r"[\u4e00-\u9fffA-Za-z]+", before)
    base = (words[-1][-4:] if words else "q") + "_" + re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]", "_", q.digits)
    base = re.sub(r"_+", "_", base).strip("_") or "q"
    if not re.match(r"[A-Za-z\u4e00-\u9fff]", base):
        base = "q_" + base
    name, i = base, 2
    while name in used:
        name, i = f"{base}_{i}", i + 1
    used.add(name)
    return name
