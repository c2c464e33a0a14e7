"""The published schemas match the models, and real output validates against them."""

import json
import os

import jsonschema
import yaml

from conftest import EXAMPLE, ROOT, run_cli
from factcheck.schemas import HERE, dumps, generated, write


def test_published_schemas_are_up_to_date():
    if os.environ.get("FACTCHECK_REGEN"):
        write()
    for name, schema in generated().items():
        assert (HERE / name).read_text(encoding="utf-8") == dumps(schema), \
            f"{name} is stale: run python -m factcheck.schemas"


def test_json_report_validates_against_the_report_schema():
    r = run_cli("run", "--format", "json", str(EXAMPLE))
    schema = json.loads((HERE / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(r.stdout), schema)


def test_builtin_rule_files_validate_against_the_rule_schema():
    schema = json.loads((HERE / "rule-file.schema.json").read_text(encoding="utf-8"))
    files = sorted(p for p in (ROOT / "rules").rglob("*.yaml") if not p.name.endswith(".lexicon.yaml"))
    assert files
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        doc = data if "rules" in data else {"rules": [data]}
        jsonschema.validate(doc, schema)


def test_rule_schema_rejects_an_unknown_field():
    schema = json.loads((HERE / "rule-file.schema.json").read_text(encoding="utf-8"))
    bad = {"rules": [{"id": "x.y", "kind": "sum", "language": "zh", "description": "d", "colour": "red",
                      "examples": [{"text": "a", "expect": "consistent"}, {"text": "b", "expect": "none"}]}]}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError as e:
        assert "colour" in str(e)
    else:
        raise AssertionError("an unknown field passed the schema")


def test_builtin_lexicons_validate_against_the_lexicon_schema_and_the_models():
    from factcheck.facts.lexicon import parse_lexicon

    schema = json.loads((HERE / "lexicon.schema.json").read_text(encoding="utf-8"))
    files = sorted((ROOT / "rules").rglob("*.lexicon.yaml"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        jsonschema.validate(yaml.safe_load(text), schema)
        parse_lexicon(text, str(f))  # validated by the models, as `rules validate` does


def test_lexicon_schema_rejects_an_unknown_field():
    schema = json.loads((HERE / "lexicon.schema.json").read_text(encoding="utf-8"))
    bad = {"lexicon": {"language": "zh", "colour": "red"}}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown lexicon field was accepted")
