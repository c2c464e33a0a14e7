"""Fuzz targets for what a pull request brings besides article text: rule files, article rule files
(<article>.factcheck.yaml), suppression sidecars (.factcheck-ignore), configuration (factcheck.toml) and file names.
Used by bench/fuzz.py (`--targets`); each target takes a random generator and a scratch folder and returns nothing,
or raises. What counts as a failure:

  - any exception but factcheck's own one-sentence errors (FactcheckError and its kinds);
  - a rendered report (text, github, json, sarif, junit, rdjsonl, html) that carries a raw control, bidi or
    invisible character, a line a CI runner would read as a command (`::…` not written by us), or JSON that does
    not parse;
  - an input that takes longer than SLOW seconds (counted apart, with the slowest time).

Every text here is generated: sentences of our own, mutated.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

from factcheck.display import UNSAFE

SENTENCE = "全年投入资金10亿元，其中甲市6亿元、乙市5亿元。今年共有145人参加，其中97人、占77%。"
RULE = """\
rules:
  - id: fuzz.share
    kind: share
    language: zh
    description: a share of a whole introduced with 其中
    pattern: '{part:amount}{~3}[、,]?占{p:percent}'
    resolve:
      base: {find: container, of: part, markers: [其中]}
    relation: "part / base * 100 = p"
    stated: p
    examples:
      - text: 车间招工300人，其中本村村民60人、占20%。
        expect: consistent
      - text: 车间招工300人，其中本村村民60人、占30%。
        expect: discrepancy
"""
ARTICLE_RULES = """\
quantities:
  total: {text: 10亿元, before: 全年}
  a: {text: 6亿元, before: 甲市}
  b: {text: 5亿元, after: 。}
relations:
  - id: total
    kind: sum
    relation: a + b = total
    stated: total
    tolerance: 0
"""
SIDECAR = """\
# suppressions
zh.sum: the parts exclude a district
zh.share "占77%": the share is of another base
all: reviewed
"""
CONFIG = """\
select = ["zh"]
ignore = ["zh.same-fact"]
fail_on = "warning"
format = "json"
language = "zh"
tolerance = { relative = 0.0 }

[severity]
"zh.share" = "warning"
"zh.sum" = { unverifiable = "warning", discrepancy = "error" }
"""
# Pieces a hostile file would use: YAML and TOML syntax, anchors and aliases, tags, deep nesting, relation
# grammar (and what is outside it), regular expression syntax, controls, bidi, CI commands.
TOKENS = [
    "\n", "  ", "- ", ": ", "{", "}", "[", "]", "&a ", "*a", "!!python/object/apply:os.system ['x']", "!!str ",
    "'", '"', "#", "|", ">", "---", "...", "= ", "==", "<=", "^", "**", "abs(", "min(", "max(", "sqrt(", "sum(",
    "len(", "__import__", "p*p", "p-part", ")", "1e999", "(", "{x:amount}", "{~3}", "(?P<x>", "\\1", ".*", "+",
    "\x00", "\x1b[31m", "\u202e", "\u200b", "\r", "::add-mask::", "::error file=x::", "%0A", "[[[[", "]]]]",
    "[severity]", "[tool.factcheck]", "select", "ignore", "language", "cn", "output", "../../etc/passwd", "/dev/zero",
    "rules", "kind", "relation", "stated", "id", "pattern", "quantities", "relations", "before", "after", "window",
    "occurrence", "9" * 40, "-1", "0", "zh.sum", "all", "*", "：", "“", "”",
]
NAME_PIECES = ["a", "新闻", " ", "\n", "\r", "\t", "\x1b[2J", "\x07", "\u202e", "\u200b", "::add-mask::s", "::error ",
               "%0A", ",", ":", "=", "'", '"', "\\", "<", ">", "&", "-", ".", "..", "~", "$(x)", "`x`"]
SLOW = 5.0


def mutate_text(rng: random.Random, s: str, rounds: int | None = None) -> str:
    chars = list(s)
    for _ in range(rounds if rounds is not None else rng.randint(1, 6)):
        op = rng.random()
        i = rng.randrange(len(chars) + 1)
        if op < 0.35:
            chars[i:i] = list(rng.choice(TOKENS))
        elif op < 0.5 and chars:
            del chars[rng.randrange(len(chars))]
        elif op < 0.65 and chars:
            j = rng.randrange(len(chars))
            chars[i:i] = chars[j:j + rng.randint(1, 40)] * rng.choice([1, 1, 2, 10])
        elif op < 0.75 and chars:
            j = rng.randrange(len(chars))
            chars[j] = chr(rng.randrange(0x20, 0x3000))
        elif op < 0.85:
            chars[i:i] = list(str(rng.choice([0, 1, 7, 10 ** rng.randint(0, 30)])))
        else:
            chars[i:i] = [chr(rng.randrange(0x110000))]
    return "".join(c for c in chars if not 0xD800 <= ord(c) <= 0xDFFF)


PLAIN = "abcxyz0123456789甲乙市亿元万%.-_ *+/()"


def mutate_value(rng: random.Random, s: str) -> str:
    """A gentler mutation that usually keeps the file's structure: a few plain characters changed in the value of
    one line (after its ': ' or '= '), so the code after parsing (validation, matching, judging) is reached."""
    lines = s.split("\n")
    k = rng.randrange(len(lines))
    line = lines[k]
    cut = max(line.find(": "), line.find("= "))
    if cut < 0:
        return s
    head, value = line[:cut + 2], list(line[cut + 2:])
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(value) + 1)
        if value and rng.random() < 0.5:
            value[min(i, len(value) - 1)] = rng.choice(PLAIN)
        else:
            value[i:i] = [rng.choice(PLAIN)]
    lines[k] = head + "".join(value)
    return "\n".join(lines)


def some_mutation(rng: random.Random, s: str) -> str:
    return mutate_value(rng, s) if rng.random() < 0.5 else mutate_text(rng, s)


def random_relation(rng: random.Random, depth: int = 0) -> str:
    """An expression of the grammar over part, base and p, the claim p often more than once (sympy's path)."""
    if depth > 3 or rng.random() < 0.3:
        return rng.choice(["p", "p", "part", "base", str(rng.choice([0, 1, 2, 100, 0.5, 10 ** 15]))])
    form = rng.choice(["{} + {}", "{} - {}", "{} * {}", "{} / {}", "{} ^ {}", "abs({})", "min({}, {})",
                       "max({}, {})", "sqrt({})", "-{}", "({})"])
    return form.format(*(random_relation(rng, depth + 1) for _ in range(form.count("{}"))))


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", errors="surrogatepass")


# --- targets ----------------------------------------------------------------------------------------------------

def rules(rng: random.Random, scratch: Path) -> None:
    from factcheck.engine.rules import load_rule_file
    from factcheck.errors import FactcheckError

    f = scratch / "r.yaml"
    if rng.random() < 0.15:
        relation = f"{random_relation(rng)} {rng.choice(['=', '<=', '>'])} {random_relation(rng)}"
        _write(f, RULE.replace("part / base * 100 = p", relation.replace('"', "")))
    else:
        _write(f, some_mutation(rng, RULE) if rng.random() < 0.9 else
               "".join(rng.choice(TOKENS) for _ in range(60)))
    try:
        load_rule_file(f)
    except FactcheckError:
        return "refused"
    return "accepted"


def article_rules(rng: random.Random, scratch: Path) -> None:
    from factcheck.api import check_text
    from factcheck.errors import FactcheckError

    f = scratch / "a.factcheck.yaml"
    _write(f, some_mutation(rng, ARTICLE_RULES))
    try:
        check_text(SENTENCE, path=str(scratch / "a.txt"), article_rules=[f])
    except FactcheckError:
        return "refused"
    return "accepted"


def sidecars(rng: random.Random, scratch: Path) -> None:
    from factcheck.api import check_text
    from factcheck.errors import FactcheckError
    from factcheck.suppress import apply_suppressions

    article = scratch / "a.txt"
    text = mutate_text(rng, SENTENCE, rounds=1) if rng.random() < 0.3 else SENTENCE
    if rng.random() < 0.3:  # comment directives in the article as well
        text += "\n<!-- factcheck-disable " + mutate_text(rng, "zh.sum: a reason") + " -->\n" + SENTENCE
    _write(article, text)
    _write(scratch / "a.txt.factcheck-ignore", some_mutation(rng, SIDECAR))
    fr = check_text(text, path=str(article), language="zh")
    outcome = "accepted"
    try:
        _, notes = apply_suppressions(fr, text, article, root=scratch)
    except FactcheckError as e:
        notes, outcome = [str(e)], "refused"
    for n in notes:
        _stream_safe(n, "sidecar message")
    return outcome


def config(rng: random.Random, scratch: Path) -> None:
    from factcheck.config import load_config
    from factcheck.errors import FactcheckError

    (scratch / "sub").mkdir(exist_ok=True)
    _write(scratch / "sub" / "factcheck.toml", some_mutation(rng, CONFIG))
    try:
        cfg = load_config(scratch / "sub" / "a.txt", stop=scratch)
    except FactcheckError as e:
        _stream_safe(f"factcheck: {e}", "config error")
        return "refused"
    for w in cfg.warnings:
        _stream_safe(w, "config warning")
    return "accepted"


def names(rng: random.Random, scratch: Path) -> None:
    """A file of a generated name (controls, bidi, CI commands, bytes that are not UTF-8) through reading,
    checking and every renderer."""
    from factcheck.display import clean
    from factcheck.model import FileReport, Report
    from factcheck.report import get_renderer
    from factcheck.batch import check_path
    from factcheck.checker import Checker

    name = "".join(rng.choice(NAME_PIECES) for _ in range(rng.randint(1, 6))).replace("/", "_") or "x"
    raw = os.fsencode(name)
    if rng.random() < 0.3:
        raw += bytes([rng.randrange(0x80, 0x100)])  # not UTF-8
    raw = raw.replace(b"\x00", b"_")[:200] + b".txt"
    if raw in (b".txt", b"..txt"):
        raw = b"x" + raw
    folder = scratch / "news"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = os.path.join(os.fsencode(folder), raw)
    with open(path, "wb") as fh:
        fh.write((SENTENCE + rng.choice(["", "\x1b[8m", "\u202e", "乙市\u200b5亿元"])).encode("utf-8"))
    shown = os.fsdecode(path)
    fr, error = check_path(Checker(), shown, str(folder))
    if fr is None:
        fr = FileReport(path=clean(shown) if any("\udc80" <= c <= "\udcff" for c in shown) else shown,
                        error=error, language="")
    report = Report(version="0", generated="", files=[fr], warnings=[f"warning about {shown}"])
    for fmt in ("text", "github", "json", "sarif", "junit", "rdjsonl", "html"):
        rendered = get_renderer(fmt).render(report)
        if fmt in ("text", "github"):
            for line in rendered.splitlines():
                _stream_safe(line, f"{fmt} output", ours=fmt == "github")
        else:
            bad = [c for c in rendered if c in "\x1b\u202e\u200b\r" or "\ud800" <= c <= "\udfff"]
            if bad:
                raise AssertionError(f"{fmt} output carries {bad[0]!r}")
            if fmt in ("json", "sarif"):
                json.loads(rendered)
            rendered.encode("utf-8")
    if error:
        _stream_safe(f"factcheck: {clean(error)}", "stderr line")
    return "refused" if error else "accepted"


def _stream_safe(line: str, what: str, ours: bool = False) -> None:
    if "\n" in line.rstrip("\n"):
        raise AssertionError(f"{what} spans several lines: {line!r}")
    m = UNSAFE.search(line.rstrip("\n"))
    if m:
        raise AssertionError(f"{what} carries a raw {m.group()!r}: {line!r}")
    if line.startswith("::") and not (ours and line.startswith(("::error ", "::warning ", "::notice "))):
        raise AssertionError(f"{what} would be read as a runner command: {line!r}")


TARGETS = {"rules": rules, "article-rules": article_rules, "sidecars": sidecars, "config": config, "names": names}
