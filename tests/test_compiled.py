"""Rule data compiled at build time: the same rules as the YAML, plain data only, a new kind of data file plugs in
with one registration, user caches per version and install."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, run_cli
from factcheck import compiled
from factcheck.engine.rules import builtin_rules, builtin_rules_dir, load_rule_file, rule_files


SOME_RULE_FILE = next(f for f in rule_files(builtin_rules_dir()) if f.parent.name == "zh")


def _dump(rules) -> list:
    return [(r.source, r.model_dump()) for r in rules]


def test_compiled_rules_are_the_rules_the_yaml_gives(tmp_path):
    target = compiled.build(tmp_path / "data.pickle", tree=True)
    payload = compiled.loads_plain(target.read_bytes())
    assert payload["fingerprint"] == compiled.tree_fingerprint(builtin_rules_dir())
    root = builtin_rules_dir()
    revived = [r for rel, plain in payload["kinds"]["rules"].items()
               for r in compiled.KINDS["rules"].revive(plain, str(root / rel))]
    parsed = [r for f in rule_files(root) for r in load_rule_file(f)]
    assert len(parsed) > 50 and _dump(revived) == _dump(parsed) == _dump(builtin_rules())


def test_lexicons_are_a_kind_of_compiled_data_not_rule_files(tmp_path):
    from factcheck.facts.lexicon import lexicon, parse_lexicon

    files = compiled.data_files(builtin_rules_dir())
    lexicons = [p.name for p in files["lexicon"]]
    assert "zh.lexicon.yaml" in lexicons and not any(p.name.endswith(".lexicon.yaml") for p in files["rules"])
    payload = compiled.loads_plain(compiled.build(tmp_path / "data.pickle").read_bytes())
    assert "zh/zh.lexicon.yaml" in payload["kinds"]["lexicon"]  # compiled at build time like the rules
    f = builtin_rules_dir() / "zh" / "zh.lexicon.yaml"
    words = parse_lexicon(f.read_text(encoding="utf-8"), str(f)).words
    assert words and all(set(v) <= set(lexicon("zh").spec.words[k]) for k, v in words.items())


def test_a_fresh_install_reads_the_shipped_data_and_writes_no_cache(tmp_path):
    if compiled._shipped() is None:
        pytest.skip("the compiled data is older than this checkout (run `pip install -e .` again)")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "factcheck", "run", "--format", "json", str(EXAMPLE)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    assert not (tmp_path / "cache").exists()  # nothing compiled, nothing cached: the first run is like the second


def test_compiled_data_is_plain_values_only():
    with pytest.raises(pickle.UnpicklingError):
        compiled.loads_plain(pickle.dumps(Path("x")))
    with pytest.raises(pickle.UnpicklingError):
        compiled.dumps_plain({"rule": Path("x")})  # a loader that returns objects fails at build time
    assert compiled.loads_plain(compiled.dumps_plain({"a": [1, 2.5, None], "b": ("x",), "c": {1}})) == \
        {"a": [1, 2.5, None], "b": ("x",), "c": {1}}


def test_a_new_kind_of_data_file_plugs_in_with_one_registration(tmp_path):
    root = tmp_path / "rules"
    (root / "zh").mkdir(parents=True)
    shutil.copyfile(SOME_RULE_FILE, root / "zh" / SOME_RULE_FILE.name)
    (root / "lexicons").mkdir()
    (root / "lexicons" / "measure.yaml").write_text("words: [亩, 公顷]\n", encoding="utf-8")

    def parse(data: bytes, source: str) -> dict:
        import yaml

        data = yaml.safe_load(data.decode("utf-8"))
        if not isinstance(data.get("words"), list):
            raise ValueError(f"{source}: words must be a list")
        return {"words": tuple(data["words"])}

    compiled.register(compiled.DataKind("test-lexicon", parse=parse, globs=("lexicons/*.yaml",),
                                        revive=lambda plain, name: set(plain["words"])))
    try:
        files = compiled.data_files(root)
        assert [p.name for p in files["test-lexicon"]] == ["measure.yaml"]
        assert [p.name for p in files["rules"]] == [SOME_RULE_FILE.name]  # not read as a rule file
        kinds = compiled.compile_tree(root)
        assert kinds["test-lexicon"] == {"lexicons/measure.yaml": {"words": ("亩", "公顷")}}
        assert kinds["rules"][f"zh/{SOME_RULE_FILE.name}"]
        compiled.loads_plain(compiled.dumps_plain(kinds))
    finally:
        del compiled.KINDS["test-lexicon"]


def test_user_caches_are_per_install_and_never_delete_another_installs(tmp_path, monkeypatch):
    from test_robust_batch import EXTRA_RULE

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    rule = tmp_path / "extra.yaml"
    rule.write_text(EXTRA_RULE, encoding="utf-8")
    monkeypatch.setattr(compiled, "install_id", lambda: "install-a")
    first = compiled.user_file("rules", rule.read_bytes(), str(rule))
    monkeypatch.setattr(compiled, "install_id", lambda: "install-b")
    assert _dump(compiled.user_file("rules", rule.read_bytes(), str(rule))) == _dump(first)
    cached = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert len(cached) == 2 and "install-a" in cached[0] and "install-b" in cached[1]
    rule.write_text(EXTRA_RULE.replace("还剩", "剩下"), encoding="utf-8")  # edited: install b compiles it again
    assert "剩下" in compiled.user_file("rules", rule.read_bytes(), str(rule))[0].pattern
    after = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert len(after) == 2 and after[0] == cached[0] and after[1] != cached[1]  # a's file is still there


def test_editing_a_rule_file_makes_the_compiled_tree_stale(tmp_path):
    root = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), root)
    before = compiled.tree_fingerprint(root)
    f = root / "zh" / SOME_RULE_FILE.name
    f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    compiled.tree_fingerprint.cache_clear()
    assert compiled.tree_fingerprint(root) != before


def test_a_broken_rules_option_file_is_still_refused_with_its_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad Id\nkind: share\n", encoding="utf-8")
    for _ in range(2):  # errors are never cached
        r = run_cli("run", "--rules", str(bad), str(EXAMPLE), cwd=ROOT)
        assert r.returncode == 2 and "bad.yaml:1" in r.stderr, r.stderr
