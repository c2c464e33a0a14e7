"""Article-specific rule files: quantities named by the words around them, relations checked like any rule."""

import json
import shutil

from conftest import run_cli

COUNTIES = """\
article: {name}
quantities:
  tianjin: {{text: 34个, before: 天津}}
  xiamen: {{text: 8县, before: 厦门}}
  fuzhou: {{text: 7个, before: 福州}}
  qingdao: {{before: 青岛市帮扶}}
  counties: {{text: 58个, before: 区县对}}
relations:
  - id: counties
    kind: sum
    relation: tianjin + xiamen + fuzhou + qingdao = counties
    stated: counties
"""


def _article_findings(stdout):
    return [f for f in json.loads(stdout)["files"][0]["findings"] if f["rule"].startswith("article.")]


def test_seed_county_relation_holds_and_breaks_when_a_count_changes(seed_article, tmp_path):
    art = tmp_path / "seed.txt"
    shutil.copy(seed_article, art)
    (tmp_path / "seed.factcheck.yaml").write_text(COUNTIES.format(name="seed.txt"), encoding="utf-8")
    r = run_cli("run", "--format", "json", str(art))
    (f,) = _article_findings(r.stdout)
    assert (f["kind"], f["verdict"]) == ("sum", "consistent")
    text = art.read_text(encoding="utf-8")
    q = {x["role"]: x for x in f["quantities"]}
    assert text[q["stated"]["start"]:q["stated"]["end"]] == "58个"

    changed = text.replace("青岛市帮扶陇南市9个", "青岛市帮扶陇南市11个", 1)
    assert changed != text
    art.write_text(changed, encoding="utf-8")
    r = run_cli("run", "--format", "json", str(art))
    (f,) = _article_findings(r.stdout)
    assert f["verdict"] == "discrepancy" and r.returncode == 1
    assert "60个" in f["message"] or "60" in f["expected"]


def test_rule_file_passed_with_rules_flag(tmp_path):
    art = tmp_path / "note.txt"
    art.write_text("甲镇出资120万元，乙镇出资80万元，两镇合作修路共投入210万元。\n", encoding="utf-8")
    rules = tmp_path / "roads.factcheck.yaml"
    rules.write_text("""\
quantities:
  a: {text: 120万元, before: 甲镇}
  b: {text: 80万元, before: 乙镇}
  total: {text: 210万元}
relations:
  - {id: road-total, kind: sum, relation: a + b = total, stated: total}
""", encoding="utf-8")
    r = run_cli("run", "--format", "json", "--rules", str(rules), str(art))
    (f,) = _article_findings(r.stdout)
    assert f["verdict"] == "discrepancy" and f["correction"] == "200万元"


def test_tolerance_widens_the_stated_figure(tmp_path):
    art = tmp_path / "note.txt"
    art.write_text("甲镇出资120万元，乙镇出资80万元，两镇合作修路共投入205万元。\n", encoding="utf-8")
    (tmp_path / "note.factcheck.yaml").write_text("""\
quantities:
  a: {text: 120万元}
  b: {text: 80万元}
  total: {text: 205万元}
relations:
  - {id: road-total, relation: a + b = total, stated: total, relative_tolerance: 0.05}
""", encoding="utf-8")
    (f,) = _article_findings(run_cli("run", "--format", "json", str(art)).stdout)
    assert f["verdict"] == "consistent"
    assert "5万元 apart, which the tolerance set in" in f["message"], f["message"]


def test_a_name_that_no_longer_matches_is_reported(tmp_path):
    art = tmp_path / "note.txt"
    art.write_text("全年招聘100人。\n", encoding="utf-8")
    (tmp_path / "note.factcheck.yaml").write_text("""\
quantities:
  total: {text: 120人}
  part: {text: 100人}
relations:
  - {id: gone, relation: part = total, stated: total}
""", encoding="utf-8")
    r = run_cli("run", "--format", "json", "--fail-on", "warning", str(art))
    (f,) = _article_findings(r.stdout)
    assert f["verdict"] == "unverifiable" and "total" in f["message"] and r.returncode == 1


def test_bad_article_rule_file_is_a_clear_error(tmp_path):
    art = tmp_path / "note.txt"
    art.write_text("全年招聘100人。\n", encoding="utf-8")
    rules = tmp_path / "x.factcheck.yaml"
    rules.write_text("quantities: {a: {text: 1}}\nrelations:\n  - {id: r, relation: \"__import__('os') = a\", stated: a}\n",
                     encoding="utf-8")
    r = run_cli("run", "--rules", str(rules), str(art))
    assert r.returncode == 2 and str(rules) in r.stderr and "Traceback" not in r.stderr


def test_init_writes_a_starter_that_loads(tmp_path):
    art = tmp_path / "note.txt"
    art.write_text("甲镇出资120万元，乙镇出资80万元，两镇合作修路共投入200万元。\n", encoding="utf-8")
    r = run_cli("init", str(art))
    assert r.returncode == 0, r.stderr
    starter = (tmp_path / "note.factcheck.yaml").read_text(encoding="utf-8")
    assert "120万元" in starter and "before: 甲镇出资" in starter
    assert run_cli("init", str(art)).returncode == 2  # never overwrites without --force
    r = run_cli("run", "--format", "json", str(art))
    assert r.returncode == 0, r.stderr
