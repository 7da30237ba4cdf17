"""JSON Schemas (draft 2020-12) of every JSON document brief writes, shipped with the package.

``digest`` is ``brief build --json`` / ``--json-out`` (and ``brief.render_json``); the others are the
``--json`` output of the command they are named after. They are generated from the records by
``tools/make_schemas.py``; copies live in ``docs/`` for readers. ``load_schema("digest")`` reads one.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

__all__ = ["SCHEMA_NAMES", "load_schema", "schema_text"]

SCHEMA_NAMES = (
    "digest",
    "clean",
    "quotes",
    "translate",
    "summarize",
    "models-list",
    "config-show",
    "cache-info",
    "fetch",
)


def schema_text(name: str) -> str:
    """The schema file ``<name>.schema.json`` as text."""
    if name not in SCHEMA_NAMES:
        raise KeyError(f"no schema '{name}'; there are {', '.join(SCHEMA_NAMES)}")
    return files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """The schema ``name`` as a dict, e.g. for ``jsonschema.validate(data, load_schema("digest"))``."""
    return json.loads(schema_text(name))  # type: ignore[no-any-return]
