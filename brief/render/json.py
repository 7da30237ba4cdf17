"""The digest as JSON for other programs (the newsletter job); the schema is in docs/digest-schema.md."""

from __future__ import annotations

import json as _json
from typing import Any

from brief.records import Digest, to_jsonable

__all__ = ["SCHEMA", "digest_to_json", "render_json"]

# Bumped when a field is renamed or removed (adding a field keeps it).
SCHEMA = "brief.digest/1"


def digest_to_json(digest: Digest) -> dict[str, Any]:
    """The digest as JSON-ready values: ``schema`` first, then every Digest field."""
    return {"schema": SCHEMA, **to_jsonable(digest)}


def render_json(digest: Digest) -> str:
    """The digest as pretty-printed UTF-8 JSON (fields in record order), ending with one newline."""
    return _json.dumps(digest_to_json(digest), ensure_ascii=False, indent=2) + "\n"
