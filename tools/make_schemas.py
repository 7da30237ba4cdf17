"""Write the JSON Schemas of brief's JSON outputs: brief/schemas/*.schema.json and the docs/ copies.

    python tools/make_schemas.py          # rewrite them
    python tools/make_schemas.py --check  # exit 1 when a committed file differs (the tests do this too)

The records are frozen dataclasses; pydantic (a dev dependency, through typer) turns their type hints
into draft 2020-12 schemas. brief always writes every field, so every property is required and no
other property is allowed: a field added to a record without regenerating fails the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from typing_extensions import TypedDict

from brief.records import (
    Article,
    ArticleBrief,
    Digest,
    MergedBrief,
    ModelInfo,
    Outlet,
    Quote,
    TranslatedArticle,
)
from brief.render.json import SCHEMA as DIGEST_SCHEMA

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "brief" / "schemas"
DOCS = ROOT / "docs"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class QuotesArticle(TypedDict):
    article_id: str
    source: str
    headline: str | None
    quotes: list[Quote]


class SummarizeArticle(TypedDict):
    article_id: str
    source: str
    headline_en: str | None
    date: Any  # an ISO date or null, fixed below
    outlet: Outlet
    brief: ArticleBrief


class SummarizeModels(TypedDict):
    translation: ModelInfo | None
    summarization: ModelInfo
    prompt_hashes: dict[str, str]


class SummarizeOutput(TypedDict):
    articles: list[SummarizeArticle]
    merged: MergedBrief
    models: SummarizeModels


class ConfigSetting(TypedDict):
    command: str
    option: str
    value: Any
    source: str


class ConfigShow(TypedDict):
    config_file: str | None
    settings: list[ConfigSetting]


class CacheInfo(TypedDict):
    path: str
    exists: bool
    bytes: int
    rows: dict[str, int]


def _strict(schema: Any) -> None:
    """Every object property required, no others allowed; pydantic's titles and defaults dropped."""
    if isinstance(schema, list):
        for item in schema:
            _strict(item)
        return
    if not isinstance(schema, dict):
        return
    schema.pop("title", None)
    schema.pop("default", None)
    if schema.get("type") == "object" and "properties" in schema:
        schema["required"] = list(schema["properties"])
        schema["additionalProperties"] = False
    for key, value in schema.items():
        if key in ("properties", "$defs"):  # name -> schema: the names are data, not keywords
            for child in value.values():
                _strict(child)
        elif key not in ("required", "enum", "const", "description"):
            _strict(value)


def _schema(kind: Any, title: str, description: str) -> dict[str, Any]:
    body = TypeAdapter(kind).json_schema(mode="serialization")
    _strict(body)
    return {"$schema": DIALECT, "$id": f"https://brief.invalid/schemas/{title}.schema.json",
            "title": title, "description": description, **body}  # fmt: skip


def _speaker_label(schema: dict[str, Any]) -> None:
    """The quotes command adds the English ``label`` to each speaker."""
    speaker = schema["$defs"]["Speaker"]
    speaker["properties"]["label"] = {"type": "string"}
    speaker["required"].append("label")


def build() -> dict[str, dict[str, Any]]:
    """Every schema, by name."""
    digest = _schema(Digest, "digest", "brief build --json / --json-out: the whole weekly digest")
    digest["properties"] = {"schema": {"const": DIGEST_SCHEMA}, **digest["properties"]}
    digest["required"] = ["schema", *digest["required"]]
    quotes = _schema(list[QuotesArticle], "quotes", "brief quotes --json: each article's quotes")
    _speaker_label(quotes)
    summarize = _schema(SummarizeOutput, "summarize", "brief summarize --json: each brief and the merged one")
    summarize["$defs"]["SummarizeArticle"]["properties"]["date"] = {
        "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]
    }
    return {
        "digest": digest,
        "clean": _schema(list[Article], "clean", "brief clean --json: the cleaned articles"),
        "quotes": quotes,
        "translate": _schema(
            list[TranslatedArticle], "translate", "brief translate --json: the articles in English"
        ),
        "summarize": summarize,
        "models-list": _models_list(),
        "config-show": _schema(
            ConfigShow, "config-show", "brief config show --json: settings and their sources"
        ),
        "cache-info": _schema(CacheInfo, "cache-info", "brief cache info --json: the translation cache"),
        "fetch": _fetch(),
    }


def _fetch() -> dict[str, Any]:
    from brief.fetch.run import FetchReport

    return _schema(FetchReport, "fetch", "brief fetch --json: the pages fetched and the sources that failed")


def _models_list() -> dict[str, Any]:
    from brief.models import Preset

    return _schema(list[Preset], "models-list", "brief models list --json: the model presets")


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ")
    check = parser.parse_args(argv).check
    stale = []
    for name, schema in build().items():
        text = render(schema)
        for folder in (PACKAGE, DOCS):
            path = folder / f"{name}.schema.json"
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
                if not check:
                    path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if check else 'wrote'}: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
