"""Rule files from strangers: each hostile file fails fast, with exit 2 and one line naming the file and the line.

Every case goes through both `factcheck rules validate FILE` and `factcheck run --rules FILE article`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.engine.expr import ExprError, evaluate, isolate, parse_relation
from factcheck.engine.interval import Interval

GOOD = """\
rules:
  - id: test.share
    kind: share
    language: zh
    description: a share of a whole introduced with 其中
    pattern: 'PATTERN'
    resolve:
      base: {find: container, of: part, markers: [其中]}
    relation: "RELATION"
    stated: p
    examples:
      - text: 车间招工300人，其中本村村民60人、占20%。
        expect: consistent
      - text: 车间招工300人，其中本村村民60人、占30%。
        expect: discrepancy
"""
PATTERN = "{part:amount}{~3}[、,]?占{p:percent}"
RELATION = "part / base * 100 = p"
RELATION_LINE = 9
PATTERN_LINE = 6
ARTICLE = "车间招工300人，其中本村村民60人、占20%。"


def rule_text(pattern: str = PATTERN, relation: str = RELATION) -> str:
    return GOOD.replace("PATTERN", pattern).replace("RELATION", relation)


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=60, check=False,
                          env={**os.environ, "FACTCHECK_NO_CACHE": ""})


def assert_refused(tmp_path: Path, name: str, content: str | bytes, line: int, *words: str) -> None:
    f = tmp_path / name
    f.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    for args in (("rules", "validate", name), ("run", "--rules", name, "article.txt")):
        r = cli(*args, cwd=tmp_path)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1, r.stderr
        assert f"{name}:{line}:" in lines[0], lines[0]
        for w in words:
            assert w in lines[0], lines[0]


def test_the_template_rule_is_valid(tmp_path):
    (tmp_path / "ok.yaml").write_text(rule_text(), encoding="utf-8")
    r = cli("rules", "validate", "ok.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_python_object_tag_is_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "pwned"
    content = f"rules:\n  - !!python/object/apply:os.system ['touch {marker}']\n"
    assert_refused(tmp_path, "tag.yaml", content, 2, "python/object/apply")
    assert not marker.exists()


@pytest.mark.parametrize("relation,why", [
    ("__import__('os').system('touch x') = p", "functions"),
    ("part.real / base * 100 = p", "Attribute"),
    ("(lambda: part)() / base * 100 = p", "functions"),
    ("__class__ / base * 100 = p", "__class__"),
    ("part[0] / base * 100 = p", "Subscript"),
    ("'60' / base * 100 = p", "only numbers"),
    ("f'{part}' / base * 100 = p", "JoinedStr"),
    ("[part] / base * 100 = p", "List"),
    ("part if base else p = p", "IfExp"),
    ("part / base * 10**10**10 = p", "power"),
    ("part / base * 2 ** 100000 = p", "exponent"),
    ("part / base * 1e999 = p", "constant"),
    ("part / base * 100000000000000000000 = p", "constant"),
    ("-(" * 60 + "part" + ")" * 60 + " / base * 100 = p", "nested"),
    ("(" * 300 + "part" + ")" * 300 + " / base * 100 = p", "relation"),
    ("part / base * 100 = p = p", "one comparison"),
    ("part / nobody * 100 = p", "unknown name"),
], ids=["import", "attribute", "lambda", "dunder", "subscript", "string", "fstring", "list", "conditional",
        "power-tower", "huge-exponent", "infinite-constant", "huge-constant", "deep-unary", "deep-parens",
        "two-comparisons", "unknown-slot"])
def test_expression_outside_the_grammar_is_refused(tmp_path, relation, why):
    quoted = relation.replace("\\", "\\\\").replace('"', '\\"')
    assert_refused(tmp_path, "expr.yaml", rule_text(relation=quoted), RELATION_LINE, "relation", why)


def test_backreference_pattern_is_refused_by_re2(tmp_path):
    assert_refused(tmp_path, "backref.yaml", rule_text(pattern=r"(\w)\1" + PATTERN), PATTERN_LINE,
                   "RE2", "backreferences")


def test_lookbehind_pattern_is_refused_by_re2(tmp_path):
    assert_refused(tmp_path, "look.yaml", rule_text(pattern="(?<=招工)" + PATTERN), PATTERN_LINE, "RE2")


def test_catastrophic_pattern_runs_in_linear_time(tmp_path):
    """(a+)+$ backtracks exponentially in Python's re; under RE2 the article is checked at once."""
    f = tmp_path / "slow.yaml"
    f.write_text(rule_text(pattern="(?:a+)+$" + PATTERN).replace("test.share", "test.slow"), encoding="utf-8")
    art = tmp_path / "article.txt"
    art.write_text("a" * 5000 + "!\n" + ARTICLE, encoding="utf-8")
    r = cli("run", "--rules", "slow.yaml", "--fail-on", "never", "article.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_billion_laughs_is_refused(tmp_path):
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    levels.append("rules: [*i]")
    assert_refused(tmp_path, "bomb.yaml", "\n".join(levels) + "\n", 5, "alias")


def test_alias_that_contains_itself_is_refused(tmp_path):
    assert_refused(tmp_path, "loop.yaml", "rules: &r [*r]\n", 1, "alias")


def test_deeply_nested_yaml_is_refused(tmp_path):
    assert_refused(tmp_path, "deep.yaml", "rules: " + "[" * 200_000 + "\n", 1, "nested")


def test_ten_megabyte_rule_file_is_refused(tmp_path):
    content = rule_text() + "# padding\n" * 1_000_000
    assert len(content) > 10_000_000
    assert_refused(tmp_path, "big.yaml", content, 1, "limit")


def test_rule_file_not_in_utf8_is_refused_at_the_first_bad_line(tmp_path):
    assert_refused(tmp_path, "gbk.yaml", rule_text().encode("gb18030"), 5, "UTF-8")


def test_rule_file_with_nul_is_refused(tmp_path):
    assert_refused(tmp_path, "nul.yaml", rule_text().replace("a share of", "a\x00share of"), 5, "NUL")


def test_missing_field_names_its_rule_line(tmp_path):
    assert_refused(tmp_path, "nokind.yaml", rule_text().replace("    kind: share\n", ""), 2, "kind")


def test_relation_that_cannot_be_solved_for_its_claim_is_refused(tmp_path):
    assert_refused(tmp_path, "solve.yaml", rule_text(relation="part / base * 100 = 2 ^ p"), RELATION_LINE,
                   "exponent")


# The interpreter itself, below the loader ---------------------------------------------------------------


def test_a_relation_not_isolating_its_claim_is_solved_without_sympy():
    expr, op = isolate(parse_relation("(b / a - 1) * 100 = p"), "a")
    got = evaluate(expr, {"b": Interval.point(121), "p": Interval.point(10)})
    assert op == "==" and abs(got.mid - 110) < 1e-9


def test_overflowing_arithmetic_gives_infinity_not_an_error():
    rel = parse_relation("a ^ 64 = p")
    got = evaluate(rel.left, {"a": Interval.point(1e200)})
    assert got.hi == float("inf")


def test_names_starting_with_underscore_are_refused():
    with pytest.raises(ExprError):
        parse_relation("_secret = p")
