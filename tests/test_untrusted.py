"""Safe on untrusted pull requests (issue 12): each attack of the hostile review, with its exact hostile input,
through the real command line, bounded by a timeout far below what the attack took before.

Before the fix (commit 0eb6ff6): the fake repository's fsmonitor hook ran on `run DIR` and on `--changed-since`;
`-o` replaced devices and links; a committed link put /etc/passwd into the HTML report; a FIFO hung the run; a link
to /dev/zero read for minutes; 100 KB of Latin letters took 96 s; 1,000,000 lines of 增长5% did not finish in
600 s; 8,000 unclosed disable comments took 17 s; an abs() relation kept sympy busy for more than 600 s; a 50 MB
article rule file took 5.5 GB. Every article, rule and config text here is our own.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SENTENCE = "全年投入资金10亿元，其中甲市6亿元、乙市4亿元。"
WRONG = "全年投入资金10亿元，其中甲市6亿元、乙市5亿元。今年共有145人参加，其中97人、占77%。"
SLOW_RELATION = "abs(p-part)+abs(p-base)+abs(p-1)+abs(p-2) = p*2"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def fc(*args: str, cwd: Path, timeout: float = 60, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The real command line. Output is kept as bytes: what reaches a terminal or a CI log is the point."""
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("FACTCHECK_DEBUG", None)
    r = subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args], cwd=cwd,
                       input=stdin, capture_output=True, timeout=timeout, env=env, check=False)
    assert b"Traceback" not in r.stderr, r.stderr.decode("utf-8", "replace")
    return r


def out(r: subprocess.CompletedProcess) -> str:
    return r.stdout.decode("utf-8")


def err(r: subprocess.CompletedProcess) -> str:
    return r.stderr.decode("utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "-c", "init.defaultBranch=main", *args], check=True, capture_output=True)


# 1. No code execution through git ------------------------------------------------------------------------------

def fake_repository(news: Path, marker: Path, with_history: Path | None = None) -> None:
    """The article folder made into a git directory with ordinary files a pull request can add: HEAD, config
    (core.fsmonitor names a command), objects/, refs/ (copied from a real repository when history is wanted)."""
    if with_history is not None:
        for name in ("HEAD", "objects", "refs"):
            src = with_history / ".git" / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, news / name)
    else:
        (news / "objects").mkdir()
        (news / "refs" / "heads").mkdir(parents=True)
        (news / "HEAD").write_text("ref: refs/heads/main\n")
    (news / "config").write_text("[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n"
                                 f'\tfsmonitor = "touch {marker}; echo"\n')


@pytest.fixture
def hostile_repo(tmp_path):
    repo = tmp_path / "repo"
    news = repo / "news"
    news.mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "commit", "-q", "--allow-empty", "-m", "base")
    git(repo, "branch", "base")
    inner = tmp_path / "inner"
    inner.mkdir()
    git(inner, "init", "-q")
    (inner / "f").write_text("x\n")
    git(inner, "add", "f")
    git(inner, "commit", "-q", "-m", "c")
    marker = tmp_path / "PWNED"
    fake_repository(news, marker, with_history=inner)
    (news / "a.txt").write_text(WRONG + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the pull request")
    return repo, marker


@needs_git
@pytest.mark.parametrize("args", [
    ("run", "news"),
    ("run", "--changed-since", "base", "news"),
    ("run", "--changed-since", "main", "news"),  # a ref that exists in the fake repository too
    ("run", "--format", "sarif", "--output", "factcheck.sarif", "--fail-on", "error", "--changed-since", "base",
     "news"),  # the composite Action's own command line
    ("run", "--format", "github", "news/a.txt"),
], ids=["run-dir", "changed-since", "changed-since-ref-in-fake", "action", "github-file"])
def test_fake_repository_in_the_article_folder_runs_nothing(hostile_repo, args):
    repo, marker = hostile_repo
    r = fc(*args, cwd=repo, timeout=60)
    assert not marker.exists(), "the fake repository's core.fsmonitor command ran"
    assert r.returncode in (0, 1), err(r)
    sarif = repo / "factcheck.sarif"
    report = out(r) + (sarif.read_text(encoding="utf-8") if sarif.exists() else "")
    if "base" in args:  # the article the pull request added is found, through the real repository
        assert "a.txt" in report or "a.txt" in err(r)


@needs_git
def test_fake_repository_as_the_working_directory_runs_nothing(hostile_repo):
    repo, marker = hostile_repo
    r = fc("run", ".", cwd=repo / "news", timeout=60)
    assert not marker.exists()
    assert r.returncode == 1 and "a.txt" in out(r)
    r = fc("run", "--changed-since", "main", ".", cwd=repo / "news", timeout=60)
    assert not marker.exists()
    assert r.returncode == 2 and "is itself a git directory" in err(r)


@needs_git
def test_gitignore_still_applies_to_the_working_directorys_repository(hostile_repo):
    repo, marker = hostile_repo
    (repo / ".gitignore").write_text("news/skip.txt\n")
    (repo / "news" / "skip.txt").write_text(WRONG, encoding="utf-8")
    r = fc("run", "--format", "json", "news", cwd=repo)
    assert [Path(f["path"]).name for f in json.loads(out(r))["files"]] == ["a.txt"]
    assert not marker.exists()


# 2. Nothing is overwritten but a report --------------------------------------------------------------------------

@pytest.fixture
def article(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(WRONG, encoding="utf-8")
    return a


def refused_to_write(r: subprocess.CompletedProcess, *words: str) -> None:
    assert r.returncode == 2
    lines = err(r).strip().splitlines()
    assert len(lines) == 1, err(r)
    for w in words:
        assert w in lines[0], lines[0]


def test_output_onto_a_device_node_is_refused(tmp_path, article):
    if os.geteuid() == 0:  # as root, -o /dev/null would replace it: use a device node of our own
        node = tmp_path / "null"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        r = fc("run", "-f", "json", "-o", str(node), str(article), cwd=tmp_path)
        assert stat.S_ISCHR(os.lstat(node).st_mode)
    else:
        r = fc("run", "-f", "json", "-o", "/dev/null", str(article), cwd=tmp_path)
    refused_to_write(r, "character device", "refusing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_onto_a_link_a_fifo_or_a_folder_is_refused(tmp_path, article):
    victim = tmp_path / "victim.json"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(victim)
    os.mkfifo(tmp_path / "fifo.json")
    r = fc("run", "-f", "json", "-o", "link.json", "a.txt", cwd=tmp_path, timeout=20)
    refused_to_write(r, "symbolic link")
    assert victim.read_text(encoding="utf-8") == "keep me" and (tmp_path / "link.json").is_symlink()
    refused_to_write(fc("run", "-f", "json", "-o", "fifo.json", "a.txt", cwd=tmp_path, timeout=20), "FIFO")


def test_output_onto_any_input_of_the_run_is_refused(tmp_path, article):
    (tmp_path / "base.json").write_text('{"tool": "factcheck", "version": 1, "findings": []}\n', encoding="utf-8")
    (tmp_path / "a.txt.factcheck-ignore").write_text("zh.count: the list is cut short on purpose\n",
                                                     encoding="utf-8")
    rules = tmp_path / "house.yaml"
    rules.write_text("rules: []\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for target, extra in (("base.json", ["--baseline", "base.json"]), ("house.yaml", ["--rules", "house.yaml"]),
                          ("a.txt.factcheck-ignore", []), ("a.txt", [])):
        r = fc("run", "-f", "json", "-o", target, *extra, "a.txt", cwd=tmp_path)
        refused_to_write(r, target, "refusing to overwrite an input")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporary file left either


@needs_git
def test_a_configuration_cannot_write_outside_the_repository_or_over_an_article(tmp_path):
    repo = tmp_path / "repo"
    (repo / "news" / "sub").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "news" / "sub" / "a.txt").write_text(WRONG, encoding="utf-8")
    other = repo / "news" / "other.txt"
    other.write_text(SENTENCE, encoding="utf-8")
    outside = tmp_path / "outside.json"
    for output, word in (("../../../outside.json", "leads out of the repository"),
                         (str(outside), "relative path"), ("news/other.txt", "may be an article")):
        (repo / "news" / "sub" / "factcheck.toml").write_text(f'format = "json"\noutput = "{output}"\n')
        r = fc("run", "news/sub", cwd=repo)
        refused_to_write(r, word)
    assert not outside.exists() and other.read_text(encoding="utf-8") == SENTENCE
    (repo / "news" / "sub" / "factcheck.toml").write_text('rules = ["../../../rules"]\n')
    refused_to_write(fc("run", "news/sub", cwd=repo), "rules", "leads out of the repository")


def test_reports_get_the_umask_permissions(tmp_path, article):
    r = subprocess.run(f"umask 022 && {sys.executable} -c 'from factcheck.cli import main; main()' run "
                       f"-f json -o out.json a.txt; {sys.executable} -c 'from factcheck.cli import main; main()' "
                       "run -f html -o pages/ a.txt", shell=True, cwd=tmp_path, capture_output=True, timeout=60)
    assert r.returncode == 1, r.stderr  # findings: the article holds an error
    for p in (tmp_path / "out.json", tmp_path / "pages" / "a.html", tmp_path / "pages" / "index.html"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, p


@pytest.mark.parametrize("target", ["/dev/full", "afile/out.json", "missing-parent-of/a/file/but-a-file"])
def test_unwritable_output_is_one_line_and_exit_2(tmp_path, article, target):
    (tmp_path / "afile").write_text("x")
    (tmp_path / "missing-parent-of").write_text("x")
    r = fc("run", "-f", "json", "-o", target, "a.txt", cwd=tmp_path)
    refused_to_write(r)
    r = subprocess.run(f"{sys.executable} -c 'from factcheck.cli import main; main()' run a.txt > /dev/full",
                       shell=True, cwd=tmp_path, capture_output=True, timeout=60)
    assert r.returncode == 2 and r.stderr.decode().strip().count("\n") == 0, r.stderr
    assert b"standard output" in r.stderr


# 3. Config is found inside the repository only; what a sub-folder switches off is visible -------------------------

@needs_git
def test_config_above_the_repository_is_not_read(tmp_path):
    (tmp_path / "factcheck.toml").write_text('ignore = ["*"]\nfail_on = "never"\n')
    repo = tmp_path / "repo"
    (repo / "news").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "news" / "a.txt").write_text(WRONG, encoding="utf-8")
    r = fc("run", "news", cwd=repo)
    assert r.returncode == 1 and "77%" in out(r)


@needs_git
def test_a_sub_folder_config_that_switches_checks_off_is_a_warning_in_every_format(tmp_path):
    repo = tmp_path / "repo"
    (repo / "news" / "sub").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "news" / "sub" / "a.txt").write_text(WRONG, encoding="utf-8")
    (repo / "news" / "sub" / "factcheck.toml").write_text('ignore = ["*"]\n')
    r = fc("run", "news", cwd=repo)
    assert r.returncode == 0 and "warning:" in out(r) and "switch off every rule" in out(r)
    sarif = json.loads(out(fc("run", "-f", "sarif", "news", cwd=repo)))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["level"] == "warning" and "ignore" in n["message"]["text"] for n in notes)
    r = fc("run", "-f", "github", "news", cwd=repo)
    assert "::warning title=factcheck::" in out(r)
    assert "sub-folder" in json.dumps(json.loads(out(fc("run", "-f", "json", "news", cwd=repo)))["warnings"])
    html = fc("run", "-f", "html", "-o", "r/", "news", cwd=repo)
    assert "switch off every rule" in (repo / "r" / "a.html").read_text(encoding="utf-8")
    assert html.returncode == 0
    (repo / "news" / "sub" / "factcheck.toml").write_text('fail_on = "never"\n')
    r = fc("run", "news", cwd=repo)
    assert 'fail_on = "never"' in out(r)


@pytest.mark.parametrize("where", ["flag", "config"])
def test_an_unknown_language_is_an_error(tmp_path, article, where):
    if where == "flag":
        r = fc("run", "--language", "cn", "a.txt", cwd=tmp_path)
    else:
        (tmp_path / "factcheck.toml").write_text('language = "cn"\n')
        r = fc("run", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "cn" in err(r) and "zh" in err(r) and "en" in err(r)


def test_a_chinese_article_flipped_to_english_by_a_line_of_latin_text_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG * 20 + "\n" + "lorem ipsum dolor sit amet " * 400 + "\n",
                                    encoding="utf-8")
    r = fc("run", "a.txt", cwd=tmp_path)
    assert "read as English" in out(r) and "--language zh" in out(r)
    sarif = json.loads(out(fc("run", "-f", "sarif", "a.txt", cwd=tmp_path)))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("read as English" in n["message"]["text"] for n in notes)
    assert fc("run", "--language", "zh", "a.txt", cwd=tmp_path).returncode == 1  # the error is found when told


# 4. No leaks through links; only regular files are read ----------------------------------------------------------

@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="needs /etc/passwd")
def test_a_committed_link_to_etc_passwd_leaks_nothing(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (news / "leak.txt").symlink_to("/etc/passwd")
    (news / "a.txt.factcheck-ignore").unlink(missing_ok=True)
    (news / "b.txt").write_text(SENTENCE, encoding="utf-8")
    (news / "b.txt.factcheck-ignore").symlink_to("/etc/passwd")
    (news / "b.factcheck.yaml").symlink_to("/etc/passwd")
    r = fc("run", "-f", "html", "-o", "out/", "news", cwd=tmp_path)
    assert r.returncode == 2
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir())
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
    assert passwd not in pages and passwd not in err(r)
    assert "leak.txt: a symbolic link that leads out of" in err(r) and "leak.txt" in pages
    for fmt in ("json", "sarif", "junit", "github", "text"):
        assert passwd not in out(fc("run", "-f", fmt, "news", cwd=tmp_path))


def test_fifo_device_link_loop_and_undecodable_name_are_one_line_each(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(WRONG, encoding="utf-8")
    os.mkfifo(news / "fifo.txt")
    (news / "zero.txt").symlink_to("/dev/zero")
    (news / "loop1.txt").symlink_to("loop2.txt")
    (news / "loop2.txt").symlink_to("loop1.txt")
    (news / "dangling.txt").symlink_to("nowhere.txt")
    os.close(os.open(os.path.join(os.fsencode(news), b"bad\xff.txt"), os.O_CREAT | os.O_WRONLY, 0o644))
    r = fc("run", "news", cwd=tmp_path, timeout=30)  # before: the FIFO hung for ever, /dev/zero read 14.7 GB/min
    assert r.returncode == 2
    lines = err(r).strip().splitlines()
    assert len(lines) == 6, lines
    text = "\n".join(lines)
    for words in ("fifo.txt: not a regular file (a FIFO)", "zero.txt: a symbolic link that leads out of",
                  "loop1.txt: a loop of symbolic links", "loop2.txt: a loop of symbolic links",
                  "dangling.txt: a symbolic link to nothing", "bad\\xff.txt: the file name is not valid UTF-8"):
        assert words in text, text
    assert "77%" in out(r)  # the good article is still checked and reported
    named = fc("run", str(news / "fifo.txt"), cwd=tmp_path, timeout=30)
    assert named.returncode == 2 and "FIFO" in err(named)


def test_a_link_inside_the_input_tree_is_followed(tmp_path):
    (tmp_path / "news" / "old").mkdir(parents=True)
    (tmp_path / "news" / "old" / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "news" / "a.txt").symlink_to("old/a.txt")
    r = fc("run", "news/a.txt", cwd=tmp_path)
    assert r.returncode == 1 and "77%" in out(r)


# 5. No injection on any stream --------------------------------------------------------------------------------------

INJECT = "x\n::add-mask::secret\n::error file=a.txt::pwned"


def assert_no_raw_commands(stream: str, ours: tuple[str, ...] = ()) -> None:
    for line in stream.splitlines():
        assert not line.startswith("::") or line.startswith(ours), line
        assert "\x1b" not in line and "\r" not in line and "\u202e" not in line, repr(line)


def test_github_format_escapes_file_names_sidecar_keys_and_reasons(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / f"{INJECT}.txt").write_bytes(b"")  # unreadable: its name goes to stderr and to an annotation
    (news / f"b{INJECT}\x1b[31m.txt").write_text(WRONG, encoding="utf-8")
    (news / "c.txt").write_text(WRONG, encoding="utf-8")
    (news / "c.txt.factcheck-ignore").write_text(f"zh.nothing: {INJECT}\x1b[2J\n", encoding="utf-8")
    (news / "d.txt").write_text(WRONG, encoding="utf-8")
    (news / "d.txt.factcheck-ignore").write_text("::add-mask::x: why\n", encoding="utf-8")
    r = fc("run", "--format", "github", "--warn-unused-ignores", "news", cwd=tmp_path)
    assert r.returncode == 2
    assert_no_raw_commands(err(r))
    assert_no_raw_commands(out(r), ours=("::error file=", "::warning file=", "::notice file=", "::warning title="))
    assert "\\n%3A%3Aadd-mask%3A%3Asecret" in out(r)  # the name, escaped, in the file property
    assert "\\n::add-mask::secret" in err(r)  # and on stderr, as visible escapes on one line


def test_text_format_escapes_names_and_article_text(tmp_path):
    (tmp_path / "e\x1b]0;title\x07\x1b[31m.txt").write_text("\x1b[2J" + WRONG + "\u202e", encoding="utf-8")
    r = fc("run", ".", cwd=tmp_path)
    assert_no_raw_commands(out(r))
    assert_no_raw_commands(err(r))
    assert "\\x1b]0;title\\x07" in out(r)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "rdjsonl", "html"])
def test_data_formats_carry_no_raw_controls(tmp_path, fmt):
    (tmp_path / "f\u202etxt.txt").write_text(WRONG + "乙市\u202e5亿元", encoding="utf-8")
    r = fc("run", "-f", fmt, "-o", f"out.{fmt}", ".", cwd=tmp_path)
    assert r.returncode == 1, err(r)
    data = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    assert "\u202e" not in data and "\x1b" not in data
    if fmt in ("json", "sarif"):
        json.loads(data)


# 6. Bounded time and memory -----------------------------------------------------------------------------------------

def test_a_100_kb_run_of_latin_letters_is_fast(tmp_path):
    import random

    rng = random.Random(1)
    (tmp_path / "a.txt").write_text("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(100_000)))
    r = fc("run", "a.txt", cwd=tmp_path, timeout=20)  # before: 96 s
    assert r.returncode == 0


def test_a_million_lines_of_growth_rates_finish(tmp_path):
    (tmp_path / "a.txt").write_text("增长5%\n" * 1_000_000, encoding="utf-8")
    r = fc("run", "a.txt", cwd=tmp_path, timeout=60)  # before: not finished in 600 s
    assert r.returncode == 2 and "figures is more than an article holds" in err(r)
    (tmp_path / "b.txt").write_text("增长5%\n" * 90_000, encoding="utf-8")  # under the cap: checked, linearly
    r = fc("run", "-f", "json", "b.txt", cwd=tmp_path, timeout=60)
    assert r.returncode == 0 and json.loads(out(r))["files"][0]["coverage"]["numbers_found"] == 90_000


@pytest.mark.parametrize("line,language", [
    ("全国人口9万人。男性人口5万人，占5%；出口5亿元，增长5%；进口3亿元，下降2%，比全省(5%)高3个百分点。"
     "企业有80家，其中62%的企业盈利。贸易逆差2亿元。", "zh"),
    ("Exports rose 5% to $5bn and the deficit was $2bn. Exports of goods were $3bn and exports of services $2bn, "
     "or 40% of the total.", "en"),
])
def test_eighty_thousand_figures_of_every_family_finish(tmp_path, line, language):
    # frames look near each figure through an index: before, some scanned every figure for each (hours here)
    (tmp_path / "a.txt").write_text((line + "\n") * 7000, encoding="utf-8")
    r = fc("run", "-f", "json", "--language", language, "a.txt", cwd=tmp_path, timeout=120)
    assert r.returncode in (0, 1) and json.loads(out(r))["files"][0]["coverage"]["numbers_found"] > 40_000


def test_eight_thousand_unclosed_disable_comments(tmp_path):
    (tmp_path / "a.md").write_text(WRONG + "\n" + "<!--factcheck-disable\n" * 8000, encoding="utf-8")
    # 136,000 Latin letters of comments would read as English: the language is given (and the flip is warned about)
    assert "read as English" in out(fc("run", "a.md", cwd=tmp_path, timeout=10))
    r = fc("run", "-f", "json", "--language", "zh", "a.md", cwd=tmp_path, timeout=10)  # before: 17 s, quadratic
    findings = json.loads(out(r))["files"][0]["findings"]
    problems = [f for f in findings if f["rule"] == "factcheck.suppression"]
    assert len(problems) == 20 and "not closed" in problems[0]["message"]
    assert any(f["verdict"] == "discrepancy" for f in findings)  # nothing was suppressed


def slow_rule(tmp_path: Path) -> str:
    (tmp_path / "slow.yaml").write_text(f"""\
id: house.slow
kind: expression
language: zh
description: a relation sympy cannot solve in reasonable time
pattern: "{{part:amount}}、{{base:amount}}、{{p:amount}}"
relation: {SLOW_RELATION}
stated: p
examples:
  - {{text: "6亿元、10亿元、4亿元", expect: consistent}}
  - {{text: "6亿元、10亿元、5亿元", expect: discrepancy}}
""", encoding="utf-8")
    return "slow.yaml"


SLOW_ARTICLE_RULES = f"""\
quantities:
  part: {{text: 6亿元}}
  base: {{text: 10亿元}}
  p: {{text: 4亿元}}
relations:
  - id: slow
    relation: {SLOW_RELATION}
    stated: p
"""


@pytest.mark.parametrize("how", ["validate", "run", "article-rules", "auto-discovered"])
def test_a_relation_sympy_cannot_solve_is_refused_in_bounded_time(tmp_path, how):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    if how == "validate":
        r = fc("rules", "validate", slow_rule(tmp_path), cwd=tmp_path, timeout=45)
    elif how == "run":
        r = fc("run", "--rules", slow_rule(tmp_path), "a.txt", cwd=tmp_path, timeout=45)
    elif how == "article-rules":
        (tmp_path / "slow.factcheck.yaml").write_text(SLOW_ARTICLE_RULES, encoding="utf-8")
        r = fc("run", "--rules", "slow.factcheck.yaml", "a.txt", cwd=tmp_path, timeout=45)
    else:
        (tmp_path / "a.factcheck.yaml").write_text(SLOW_ARTICLE_RULES, encoding="utf-8")
        r = fc("run", "a.txt", cwd=tmp_path, timeout=45)
    assert r.returncode == 2  # before: more than 600 s
    lines = err(r).strip().splitlines()
    assert len(lines) == 1 and "write it with p alone on one side" in lines[0], lines


def test_a_relation_sympy_raises_on_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.factcheck.yaml").write_text(SLOW_ARTICLE_RULES.replace(SLOW_RELATION, "min(p, part) + p = base"),
                                               encoding="utf-8")
    r = fc("run", "a.txt", cwd=tmp_path, timeout=45)
    assert r.returncode == 2 and "cannot solve the relation for p" in err(r)
    assert "NotImplementedError" not in err(r)


@pytest.mark.parametrize("size", [5_000_000, 50_000_000])
@pytest.mark.parametrize("kind", ["rules", "article-rules", "config", "sidecar"])
def test_huge_rule_config_and_sidecar_files_are_refused_from_what_is_read(tmp_path, size, kind):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    line = "  q: {text: 10亿元, before: 全年}\n" if kind != "config" else '"zh.sum",\n'
    body = {"rules": "rules:\n", "article-rules": "quantities:\n", "config": "select = [\n",
            "sidecar": ""}[kind]
    if kind == "sidecar":
        line = "zh.sum: a reason\n"
    content = (body + line * (size // len(line.encode()) + 1)).encode()[:size]
    name = {"rules": "big.yaml", "article-rules": "a.factcheck.yaml", "config": "factcheck.toml",
            "sidecar": "a.txt.factcheck-ignore"}[kind]
    (tmp_path / name).write_bytes(content)
    args = ("run", "--rules", name, "a.txt") if kind == "rules" else ("run", "a.txt")
    r = fc(*args, cwd=tmp_path, timeout=15)  # before: 5 MB 15 s and 587 MB; 50 MB 5.5 GB
    assert r.returncode == 2 and "limit" in err(r) and name in err(r)


# 7. Right or refused, never garbage -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, text", [
    ("shift_jis", "東京都の人口は約1400万人で、前年より0.5%増加した。予算は8兆円、うち教育に1兆2千億円。"),
    ("euc_jp", "東京都の人口は約1400万人で、前年より0.5%増加した。予算は8兆円、うち教育に1兆2千億円。"),
    ("euc_kr", "서울시 인구는 약 940만 명이며 전년보다 0.5% 감소했다. 예산은 47조 원이고 그중 교육에 8조 원이다."),
    ("utf-8", "東京都の人口は約1400万人で、前年より0.5%増加した。予算は8兆円、うち教育に1兆2千億円。"),
])
def test_japanese_and_korean_are_refused_not_read_as_chinese(tmp_path, encoding, text):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    r = fc("run", "-f", "json", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert json.loads(out(r))["files"][0]["findings"] == []
    assert "Japanese" in err(r) or "Korean" in err(r)


@pytest.mark.parametrize("hidden", ["\u200b", "\u202e", "\u2066", "\x1b[8m", "\u00ad"])
def test_an_invisible_character_in_a_figure_is_reported_not_misread(tmp_path, hidden):
    (tmp_path / "a.txt").write_text(f"全年共投入资金54.33亿元，其中：甲市26.82亿元、乙市6.73亿元、丙市12.38亿元、"
                                    f"丁市8.41亿元。全年共投入资金5{hidden}4.33亿元。", encoding="utf-8")
    report = json.loads(out(fc("run", "-f", "json", "--fail-on", "never", "a.txt", cwd=tmp_path)))
    findings = report["files"][0]["findings"]
    assert not [f for f in findings if f["verdict"] == "discrepancy"], findings  # before: "4.33亿元 … scale slip"
    (warn,) = [f for f in findings if f["rule"] == "factcheck.invisible"]
    assert warn["severity"] == "warning" and warn["line"] == 1


# 8. Failures are visible in every format ------------------------------------------------------------------------

def test_an_unreadable_file_is_visible_in_every_format(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    sarif = json.loads(out(fc("run", "-f", "sarif", ".", cwd=tmp_path)))
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "b.txt" in inv["toolExecutionNotifications"][0]["message"]["text"]
    junit = out(fc("run", "-f", "junit", ".", cwd=tmp_path))
    assert "<error" in junit and "b.txt" in junit
    doc = json.loads(out(fc("run", "-f", "json", ".", cwd=tmp_path)))
    assert [f["error"] is not None for f in doc["files"]] == [False, True]
    assert "b.txt" in out(fc("run", "-f", "rdjsonl", ".", cwd=tmp_path))
    assert "::error file=b.txt" in out(fc("run", "-f", "github", ".", cwd=tmp_path))
    r = fc("run", "-f", "html", "-o", "site/", ".", cwd=tmp_path)
    assert r.returncode == 2
    assert "not checked" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Could not check this file" in (tmp_path / "site" / "b.html").read_text(encoding="utf-8")
