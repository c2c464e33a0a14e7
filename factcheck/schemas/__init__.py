"""Published JSON Schemas, generated from the pydantic models: `python -m factcheck.schemas` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def generated() -> dict[str, dict]:
    from ..article_rules import ArticleRuleFile
    from ..engine.rules import rule_file_schema
    from ..model import Report
    from ..records import json_schema

    report = json_schema(Report)
    report["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    report["title"] = "factcheck JSON report"
    article = json_schema(ArticleRuleFile)
    article["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    article["title"] = "factcheck article-specific rule file (<article>.factcheck.yaml)"
    from ..facts.lexicon import lexicon_file_schema

    return {"report.schema.json": report, "rule-file.schema.json": rule_file_schema(),
            "article-rules.schema.json": article, "lexicon.schema.json": lexicon_file_schema()}


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write() -> None:
    for name, schema in generated().items():
        (HERE / name).write_text(dumps(schema), encoding="utf-8")

