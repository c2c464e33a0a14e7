"""An editor can trust every mark (issue 10): no false green, slips that are only mis-roundings, honest distances,
messages a colleague would write, and a terminal report that puts what is wrong first. Everything through the
real command line, on sentences written for these tests."""

import json
import re

import pytest

from conftest import ROOT, run_cli

PARTIAL_LIST = "全年共投入资金18.6亿元，其中：东区5.2亿元、西区6.1亿元、南区4.3亿元、北区2.4亿元。\n"
WHOLE_LIST = "全年共投入资金18.0亿元，其中：东区5.2亿元、西区6.1亿元、南区4.3亿元、北区2.4亿元。\n"
TOO_MANY = "全年共投入资金16.0亿元，其中：东区5.2亿元、西区6.1亿元、南区4.3亿元、北区2.4亿元。\n"
SLIP = "全区农村居民人均可支配收入由2019年的5000元增加到2021年的6057元，年均增长10.0%。\n"  # gives 10.064%
UNIT_OFF = "车间吸纳200人就业，其中贫困户50人、占26%。\n"  # exactly 25%
COUNT_OFF = "全市重点发展种植、养殖、加工、旅游“五大产业”。\n"
INEXACT = "某县今年吸纳就业87人，其中脱贫户58人、占76%。\n"  # 66.667%
SCALE = "公司全年实现营业收入8.52亿元，同比增长12.3%；净利润6235.17亿元，同比增长5.1%。\n"
CUT_LABEL = "甲、乙、丙三市援助干部已经全部到位。\n"
PARTS_OF_PEOPLE = "全县吸纳就业3200人，其中脱贫户800人。\n"


def _json(tmp_path, text, *args, name="a.txt"):
    art = tmp_path / name
    art.write_text(text, encoding="utf-8")
    r = run_cli("run", "--format", "json", *args, str(art))
    assert r.returncode in (0, 1), r.stderr
    return r, json.loads(r.stdout)["files"][0]["findings"]


def _one(findings, kind):
    found = [f for f in findings if f["kind"] == kind]
    assert len(found) == 1, findings
    return found[0]


# 1. No false green -------------------------------------------------------------------------------------------

def test_a_list_short_of_its_total_is_partial_and_says_what_is_left(tmp_path):
    r, findings = _json(tmp_path, PARTIAL_LIST)
    f = _one(findings, "sum")
    assert (f["verdict"], f["severity"]) == ("partial", "info")
    assert "the parts listed add up to 18.0亿元 of 18.6亿元; 0.6亿元 is not accounted for" in f["message"]
    assert "A part not listed, or an error?" in f["message"]
    assert f["arithmetic"] == "5.2亿元 + 6.1亿元 + 4.3亿元 + 2.4亿元 = 18.0亿元 ≤ 18.6亿元"
    assert "18.6亿元" in [q["text"] for q in f["quantities"]]
    assert r.returncode == 0  # not an error: --fail-on error lets it through
    art = tmp_path / "a.txt"
    assert run_cli("run", "--fail-on", "info", str(art)).returncode == 1  # but it is not "nothing"
    text = run_cli("run", str(art)).stdout
    assert "◐ partial" in text and "✓ holds" not in text
    assert "1 partial list" in text.splitlines()[0]


def test_parts_that_make_up_the_total_are_consistent_and_parts_over_it_an_error(tmp_path):
    _, findings = _json(tmp_path, WHOLE_LIST)
    f = _one(findings, "sum")
    assert f["verdict"] == "consistent"
    assert f["arithmetic"] == "5.2亿元 + 6.1亿元 + 4.3亿元 + 2.4亿元 = 18.0亿元"
    _, findings = _json(tmp_path, TOO_MANY)
    f = _one(findings, "sum")
    assert (f["verdict"], f["severity"]) == ("discrepancy", "error")
    assert "2.0亿元 more than the whole" in f["message"]
    assert "It would hold" not in f["message"]  # no scale word makes a total cover its parts


def test_a_bound_shows_its_inequality_never_x_equals_x(tmp_path):
    _, findings = _json(tmp_path, PARTS_OF_PEOPLE)
    f = _one(findings, "comparison")
    assert f["verdict"] == "consistent"
    assert f["arithmetic"] == "800人 ≤ 3200人"
    assert f["message"] == "Part within its whole: 800人 ≤ 3200人, as it should be."


def test_no_finding_anywhere_says_x_equals_x():
    r = run_cli("run", "--format", "json", str(ROOT / "examples"))
    for fr in json.loads(r.stdout)["files"]:
        for f in fr["findings"]:
            m = re.fullmatch(r"(.+?) = (.+)", f["arithmetic"])
            assert not (m and m.group(1) == m.group(2)), f
            assert not re.search(r"(?<!\S)(\S+) = \1[,.:]", f["message"]), f["message"]


# 2. A slip is a mis-rounding, nothing else ---------------------------------------------------------------------

def test_a_mis_rounding_is_a_slip_and_does_not_fail_the_build(tmp_path):
    r, findings = _json(tmp_path, SLIP)
    f = _one(findings, "cagr")
    assert (f["verdict"], f["severity"]) == ("discrepancy", "warning")
    assert f["correction"] == "10.1%"
    assert r.returncode == 0
    assert run_cli("run", "--fail-on", "warning", str(tmp_path / "a.txt")).returncode == 1


@pytest.mark.parametrize("text,kind", [(UNIT_OFF, "share"), (COUNT_OFF, "enumeration_count")])
def test_a_whole_unit_off_or_a_wrong_count_is_an_error(tmp_path, text, kind):
    r, findings = _json(tmp_path, text)
    f = _one(findings, kind)
    assert (f["verdict"], f["severity"]) == ("discrepancy", "error")
    assert r.returncode == 1


def test_a_wrong_count_says_counts_have_no_rounding(tmp_path):
    _, findings = _json(tmp_path, COUNT_OFF)
    f = _one(findings, "enumeration_count")
    assert f["correction"] == "4"
    assert "4 items listed before 五大产业, but the text says 5" in f["message"]
    assert "A count has no rounding" in f["message"]


# 3. The real distance -----------------------------------------------------------------------------------------

def test_the_distance_is_what_the_figures_give_against_what_the_text_says(tmp_path):
    _, findings = _json(tmp_path, SLIP)
    msg = _one(findings, "cagr")["message"]
    assert "= 10.064%, but the text says 10.0%: 0.06 percentage points apart" in msg
    assert "they give 10.054% to 10.074%; 10.0% stands for 9.95% to 10.05%" in msg  # the interval, second
    _, findings = _json(tmp_path, UNIT_OFF)
    msg = _one(findings, "share")["message"]
    assert "= 25%, but the text says 26%: 1 percentage point apart" in msg
    assert "off by" not in msg


def test_a_cut_figure_is_never_called_exact(tmp_path):
    _, findings = _json(tmp_path, INEXACT)
    f = _one(findings, "share")
    assert "58人 / 87人 × 100 = 66.667%" in f["message"]
    assert "exactly" not in f["message"] and "exactly" not in f["expected"]
    _, findings = _json(tmp_path, UNIT_OFF)
    assert _one(findings, "share")["expected"] == "exactly 25%"  # 50 / 200 is exactly 25


# 4. Messages a colleague would write --------------------------------------------------------------------------

def test_a_scale_slip_names_both_scale_words(tmp_path):
    _, findings = _json(tmp_path, SCALE)
    f = _one(findings, "comparison")
    assert f["verdict"] == "discrepancy"
    assert "was 亿 written where 万 was meant?" in f["message"]
    assert "万 for 万" not in f["message"]


def test_a_count_quotes_its_label_whole_not_cut(tmp_path):
    _, findings = _json(tmp_path, CUT_LABEL)
    f = _one(findings, "enumeration_count")
    assert f["message"] == "Count of listed items: 3 items listed before 三市, and the text counts 3."
    assert [q["text"] for q in f["quantities"]] == ["三市"]


def test_readme_sample_output_is_what_the_tool_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"```\n\$ (factcheck run examples/zh-example\.txt)\n(.*?)```", readme, re.S)
    assert m, "the README shows a sample run of the example article"
    r = run_cli(*m.group(1).split()[1:])
    assert r.returncode == 1
    assert m.group(2).rstrip("\n") == r.stdout.rstrip("\n")


# 7. The terminal: --quiet, --only errors, one line per article with nothing wrong -------------------------------

def _folder(tmp_path):
    d = tmp_path / "batch"
    d.mkdir(exist_ok=True)
    (d / "a-clean.txt").write_text(WHOLE_LIST + PARTS_OF_PEOPLE, encoding="utf-8")
    (d / "b-error.txt").write_text(UNIT_OFF + WHOLE_LIST + SLIP, encoding="utf-8")
    (d / "c-clean.txt").write_text(CUT_LABEL, encoding="utf-8")
    return d


def test_batch_gives_one_line_per_article_with_nothing_wrong(tmp_path):
    r = run_cli("run", str(_folder(tmp_path)))
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    clean = [ln for ln in lines if "a-clean.txt" in ln or "c-clean.txt" in ln]
    assert len(clean) == 2, r.stdout
    assert all(ln.startswith("✓ ") and "nothing wrong" in ln for ln in clean)
    assert "✓ holds" not in r.stdout  # counted, not listed, in a batch
    assert "✗ error" in r.stdout and "! slip" in r.stdout
    assert lines[-1] == "3 articles: 1 error, 1 slip, 5 holding"


def test_only_errors_lists_errors_alone(tmp_path):
    r = run_cli("run", "--only", "errors", str(_folder(tmp_path) / "b-error.txt"))
    assert r.returncode == 1
    assert "✗ error" in r.stdout
    assert "! slip" not in r.stdout and "✓ holds" not in r.stdout
    assert "1 error, 1 slip, 2 holding" in r.stdout.splitlines()[0]  # the heading still counts everything


def test_quiet_prints_only_what_needs_fixing(tmp_path):
    folder = _folder(tmp_path)
    r = run_cli("run", "--quiet", str(folder))
    assert r.returncode == 1
    assert "clean" not in r.stdout and "numbers:" not in r.stdout and "✓" not in r.stdout
    assert "✗ error" in r.stdout and "! slip" in r.stdout
    r = run_cli("run", "-q", str(folder / "a-clean.txt"), str(folder / "c-clean.txt"))
    assert (r.returncode, r.stdout) == (0, "")


def test_quiet_and_only_are_refused_for_machine_formats(tmp_path):
    r = run_cli("run", "--format", "json", "--quiet", str(_folder(tmp_path)))
    assert r.returncode == 2
    assert "--quiet and --only shape the terminal report" in r.stderr
    r = run_cli("run", "--only", "everything", str(_folder(tmp_path)))
    assert r.returncode == 2


# 8. The README tells a newcomer what they need ----------------------------------------------------------------

def test_readme_quick_start_has_a_virtual_environment_the_python_version_and_a_user_install():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[readme.index("## Quick start"):]
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1).splitlines()
    assert block[0] == "python3 -m venv .venv && . .venv/bin/activate"
    assert block[1:] == ["pip install -e '.[test]' && factcheck run examples/zh-example.txt", "python -m pytest"]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'requires-python = ">=(\d+\.\d+)"', pyproject).group(1)
    assert f"Python {version} or newer" in readme
    assert "`pip install .`" in readme
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    reason = re.search(r'pytest\.skip\("([^"]+)"\)', conftest).group(1)
    assert f'"{reason}"' in readme  # the README quotes the skip reason the tests really give
