"""Rule files: the pydantic models (their JSON Schema is published), loading through a safe YAML loader, validation.

A rule picks a kind (code: how candidates are found and judged) and fills in its parameters (data: the phrasing
pattern, the relation, which slot is the claim, examples). See docs/rules.md.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..errors import FactcheckError, RuleError
from ..records import Record, field, json_schema, validate
from .expr import ExprError, check_relation_names, isolate, parse_relation
from .pattern import PatternError, compile_pattern, slot_names

# Rule specs are dataclasses: validated by pydantic (lazily, see records.py) when a YAML file is parsed, rebuilt
# from compiled data without it (compiled.py). Unknown keys are refused at every level.
_FORBID = {"extra": "forbid"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass
class Example(Record):
    __pydantic_config__ = _FORBID
    text: str = field(description="A sentence of your own in which the rule must (or must not) fire.")
    expect: Literal["consistent", "rounding", "partial", "discrepancy", "unverifiable", "none"] = field(
        description="The verdict the rule must give on it; 'none' means the rule must stay silent.")
    note: str = ""


@dataclass
class Resolver(Record):
    """How to find a slot the phrasing does not contain (a base named in an earlier clause, say)."""

    __pydantic_config__ = _FORBID
    find: str = field(description="Resolver name: container, earlier_value, previous_percent.")
    of: str | None = field(default=None, description="The slot it relates to.")
    markers: list[str] = field(default_factory=list, description="Words that must link the two (其中, 中).")
    sentences: int = field(default=0, description="How many earlier sentences to search.")
    optional: bool = field(default=False, description="When not found: the claim is unverifiable, not skipped.")


@dataclass
class Severity(Record):
    __pydantic_config__ = _FORBID
    slip_units: float = field(default=1.0, description="Figures that come within less than this many units of "
                                                       "the stated figure's last digit are a slip (a mis-rounding: "
                                                       "warning); a whole unit or more is an error.")
    level: Literal["error", "warning", "info"] | None = field(default=None, description="Force one severity.")


@dataclass
class RuleSpec(Record):
    __pydantic_config__ = _FORBID
    id: str = field(description="Unique id, e.g. zh.share.zhan (lower case letters, digits, . _ -).")
    kind: str = field(description="sum, difference, share, growth, cagr, points, multiple, enumeration_count, "
                                  "comparison, expression ...")
    language: Literal["zh", "en"] = field(description="The language of the texts the rule reads.")
    description: str = field(description="What the rule checks, for people.")
    pattern: str | None = field(default=None, description="The phrasing: a regular expression (RE2 syntax) over "
                                "the text, with {name:type} slots for quantities. Types: amount, percent, "
                                "points, multiple, year, date, duration, number, any; amount+ for a list.")
    relation: str | None = field(default=None, description="The relation between slots, e.g. 'part / base * 100 "
                                 "= p'. Grammar: numbers, slot names, + - * / ^, = <= >= < >, sum len abs min max.")
    stated: str | None = field(default=None, description="The slot holding the claimed figure.")
    resolve: dict[str, Resolver] = field(default_factory=dict, description="Slots found outside the phrasing.")
    frame: str | None = field(default=None, description="A relation frame over facts (growth, parts, share ...) "
                              "that binds the relation's slots instead of a pattern.")
    guards: list[str] = field(default_factory=list, description="Conditions on a frame's binding: a tag it must "
                              "carry (complete, up, down, times, ref-missing ...), or one it must not with a leading !.")
    params: dict[str, Any] = field(default_factory=dict, description="Kind-specific parameters.")
    severity: Severity = field(default_factory=Severity, description="How a discrepancy is graded.")
    message: str | None = None
    enabled: bool = True
    examples: list[Example] = field(default_factory=list, description="At least one example that passes and one "
                                    "that fails; the test suite runs them all.")
    source: str = dataclasses.field(default="", metadata={"exclude": True})  # file:line, set by the loader


@dataclass
class RuleFile(Record):
    """A YAML rule file: one rule, or `rules: [...]`."""

    __pydantic_config__ = _FORBID
    rules: list[RuleSpec]


def _reports_only_missing(rule: RuleSpec) -> bool:
    """A rule that explains figures as missing from the text and has no passing example (points between two rates
    the text does not give; a share of a whole it names but does not state) only ever says that a claim cannot be
    checked: its examples show that instead."""
    return bool((rule.params or {}).get("missing")) and not any(
        e.expect in ("consistent", "rounding", "partial") for e in rule.examples)


def check_spec(rule: RuleSpec) -> None:
    """The constraints a type cannot say: the id's form and the examples that must pass and fail."""
    if not ID_PATTERN.match(rule.id):
        raise ValueError(f"id {rule.id!r}: use lower case letters, digits and . _ - (e.g. zh.share.zhan)")
    if len(rule.examples) < 2:
        raise ValueError("examples: needs at least two examples, one that passes and one that fails")
    if _reports_only_missing(rule):
        if not any(e.expect == "unverifiable" for e in rule.examples):
            raise ValueError("examples: a rule that only reports claims it cannot check needs an example that is "
                             "unverifiable")
    elif not any(e.expect in ("consistent", "rounding", "partial") for e in rule.examples):
        raise ValueError("examples: needs at least one example that passes (expect: consistent, rounding or "
                         "partial)")
    if not any(e.expect in ("discrepancy", "unverifiable", "none") for e in rule.examples):
        raise ValueError("examples: needs at least one example that fails (expect: discrepancy, unverifiable or none)")


def rule_from_dict(d: dict[str, Any]) -> RuleSpec:
    """A rule from trusted data (our own cache): no validation, no pydantic."""
    d = dict(d)
    d["resolve"] = {k: Resolver(**v) for k, v in (d.get("resolve") or {}).items()}
    d["severity"] = Severity(**(d.get("severity") or {}))
    d["examples"] = [Example(**e) for e in d.get("examples") or []]
    return RuleSpec(**d)


def rule_file_schema() -> dict:
    schema = json_schema(RuleFile)
    spec = schema["$defs"]["RuleSpec"]
    spec["properties"].pop("source", None)
    spec["properties"]["id"]["pattern"] = ID_PATTERN.pattern
    spec["properties"]["examples"]["minItems"] = 2
    if "examples" not in spec.get("required", []):
        spec.setdefault("required", []).append("examples")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://factcheck.invalid/schemas/rule-file.schema.json"
    schema["title"] = "factcheck rule file"
    return schema


MAX_RULE_FILE_BYTES = 256 * 1024  # parsing YAML costs ~20 s a megabyte: a rule file is a few KB
MAX_EXTRA_RULE_BYTES = 1024 * 1024  # all extra rule files of a run together


def _strip_lines(obj):
    if isinstance(obj, dict):
        return {k: _strip_lines(v) for k, v in obj.items() if k not in ("__line__", "__lines__")}
    if isinstance(obj, list):
        return [_strip_lines(v) for v in obj]
    return obj


def parse_rule_text(text: str, source: str) -> list[RuleSpec]:
    import yaml  # lazy: a cold run with cached built-in rules parses no YAML at all

    from ..yamlsafe import Refused, SafeLineLoader

    try:
        data = yaml.load(text, Loader=SafeLineLoader)  # a SafeLoader subclass: safe
    except Refused as e:
        raise RuleError(f"{source}:{e.line}: refused: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleError(f"{source}{where}: not valid YAML for a rule file ({getattr(e, 'problem', None) or e})") from None
    if data is None:
        return []
    items = data.get("rules") if isinstance(data, dict) and "rules" in data else [data] if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise RuleError(f"{source}:1: a rule file holds a rule (a mapping) or 'rules:' with a list of them")
    rules = []
    for item in items:
        line = item.get("__line__", 1) if isinstance(item, dict) else 1
        from pydantic import ValidationError

        try:
            rule = validate(RuleSpec, _strip_lines(item))
        except ValidationError as e:
            err = e.errors()[0]
            loc = ".".join(str(x) for x in err["loc"])
            raise RuleError(f"{source}:{_line_of(item, err['loc'], line)}: {loc}: {err['msg']}") from None
        rule.source = f"{source}:{line}"
        try:
            check_spec(rule)
        except ValueError as e:
            key = str(e).split(" ", 1)[0].rstrip(":")
            raise RuleError(f"{source}:{_line_of(item, (key,), line)}: {e}") from None
        try:
            validate_rule(rule)
        except (ExprError, PatternError, ValueError) as e:
            field = "relation" if isinstance(e, ExprError) else "pattern"
            raise RuleError(f"{source}:{_line_of(item, (field,), line)}: {rule.id}: {field}: {e}") from None
        rules.append(rule)
    return rules


def _line_of(item: Any, loc: tuple, default: int) -> int:
    node = item
    for key in loc:
        if isinstance(node, dict) and key in node.get("__lines__", {}):
            default = node["__lines__"][key]
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            break
        if isinstance(node, dict) and "__line__" in node:
            default = node["__line__"]
    return default


def validate_rule(rule: RuleSpec) -> None:
    from .candidate import get_kind  # kinds register themselves; unknown kinds are refused here

    kind = get_kind(rule.kind)
    names: set[str] = set()
    if rule.frame is not None:
        from ..frames import frame_names

        if rule.frame not in frame_names():
            raise ValueError(f"unknown frame {rule.frame!r}; known frames: {', '.join(frame_names())}")
        if rule.pattern is not None:
            raise ValueError("a rule takes its figures from a pattern or from a frame, not both")
        if rule.relation is None or rule.stated is None:
            raise ValueError("a frame rule needs a relation and a stated slot")
        isolate(parse_relation(rule.relation), rule.stated)
        return
    if rule.pattern is not None:
        compile_pattern(rule.pattern)
        names |= slot_names(rule.pattern)
    names |= set(rule.resolve)
    names |= set(kind.implicit_slots)
    if rule.relation is not None:
        rel = parse_relation(rule.relation)
        if names:
            check_relation_names(rel, names)
        if rule.stated and rule.stated not in rel.names:
            raise ExprError(f"stated slot {rule.stated!r} does not occur in the relation")
        if rule.stated:
            isolate(rel, rule.stated)  # a relation we cannot solve for its claim fails here, not silently later
    kind.validate(rule)


def read_rule_bytes(path: Path, root: Path | None = None) -> bytes:
    """A rule file's bytes: a regular file of at most MAX_RULE_FILE_BYTES, no link followed out of root."""
    from ..display import clean
    from ..errors import InputError
    from ..fileio import read_limited

    name = clean(path)
    try:
        return read_limited(path, MAX_RULE_FILE_BYTES, root=root, what="rule file")
    except InputError as e:
        msg = str(e)
        raise RuleError(f"{name}:1: {msg[len(name) + 2:]}" if msg.startswith(name + ": ") else msg) from None


def parse_rule_bytes(data: bytes, name: str) -> list[RuleSpec]:
    """A rule file's bytes -> its rules: UTF-8, no NUL, validated. `name` (shown escaped) is cited in errors."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise RuleError(f"{name}:{line}: rule files must be UTF-8 (byte {e.start} is not)") from None
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise RuleError(f"{name}:{line}: a rule file cannot contain NUL characters")
    return parse_rule_text(text, name)


def load_rule_file(path: Path, root: Path | None = None) -> list[RuleSpec]:
    """A rule file: a regular file of at most MAX_RULE_FILE_BYTES (no link out of root), UTF-8, validated."""
    from ..display import clean

    return parse_rule_bytes(read_rule_bytes(path, root), clean(path))


def rule_files(path: Path) -> list[Path]:
    """Rule files in a folder (article-specific *.factcheck.yaml files are not rule files; see article_rules)."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")
                      and not p.name.endswith((".factcheck.yaml", ".lexicon.yaml")))
    if path.exists():
        return [path]
    raise RuleError(f"{path}: no such rule file or folder")


from ..datafiles import builtin_rules_dir  # noqa: E402 - re-exported: where the built-in rules live


@lru_cache(maxsize=8)
def builtin_rules(language: str | None = None) -> tuple[RuleSpec, ...]:
    """Built-in rules, from the data compiled at build time (see factcheck/compiled.py)."""
    return tuple(r for r in _load_builtin() if language is None or r.language == language)


@lru_cache(maxsize=1)
def _load_builtin() -> tuple[RuleSpec, ...]:
    from .. import compiled

    return tuple(r for rules in compiled.builtin("rules").values() for r in rules)


# Rule files as a kind of data file: YAML parsed and validated once (at build time for the built-in ones, once per
# content in the user's cache for --rules files), kept as plain dicts, rebuilt as RuleSpecs without pydantic.
def _parse_rule_file(data: bytes, name: str) -> list[dict]:
    return [{"at": r.source[len(name):], "rule": r.model_dump()} for r in parse_rule_bytes(data, name)]


def _revive_rules(plain: list[dict], name: str) -> list[RuleSpec]:
    out = []
    for item in plain:
        rule = rule_from_dict(item["rule"])
        rule.source = name + item["at"]
        out.append(rule)
    return out


def _check_all_rules(files: dict[str, list[dict]]) -> None:
    _check_unique([r for name, plain in files.items() for r in _revive_rules(plain, name)])


def _register() -> None:
    from .. import compiled

    compiled.register(compiled.DataKind("rules", parse=_parse_rule_file, revive=_revive_rules,
                                        check=_check_all_rules))


_register()


def _check_unique(rules: list[RuleSpec]) -> None:
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise RuleError(f"{r.source}: rule id {r.id!r} already defined at {seen[r.id]}")
        seen[r.id] = r.source


def load_rules(extra: list[Path] | None = None, language: str | None = None) -> list[RuleSpec]:
    rules = list(builtin_rules(language))
    from .. import compiled
    from ..display import clean

    total = 0
    for p in extra or []:
        p = Path(p)
        folder = p.is_dir()
        for f in rule_files(p):
            if total > MAX_EXTRA_RULE_BYTES:
                raise RuleError(f"{f}: the extra rule files of this run come to more than "
                                f"{MAX_EXTRA_RULE_BYTES // 1024} KB; refused")
            data = read_rule_bytes(f, root=p if folder else None)
            rules.extend(r for r in compiled.user_file("rules", data, clean(f))
                         if language is None or r.language == language)
            total += len(data)
    _check_unique(rules)
    return [r for r in rules if r.enabled]


def schema_json() -> str:
    return json.dumps(rule_file_schema(), ensure_ascii=False, indent=2)
