"""brief: Korean news articles in, attributed English briefings out.

The public API is listed in ``__all__``. Names are imported on first use, so ``import brief``
stays fast and never imports torch or transformers.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from brief._version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "BriefConfig": "brief.config",
    "BriefError": "brief.errors",
    "InputError": "brief.errors",
    "ModelError": "brief.errors",
    "ModelUnavailableError": "brief.errors",
    "Article": "brief.records",
    "Quote": "brief.records",
    "Speaker": "brief.records",
    "TranslatedArticle": "brief.records",
    "ArticleBrief": "brief.records",
    "MergedBrief": "brief.records",
    "Digest": "brief.records",
    "to_jsonable": "brief.records",
    "load_articles": "brief.pipeline",
    "BriefPoint": "brief.records",
    "Summarizer": "brief.summarize",
    "make_summarizer": "brief.summarize",
    "summarize_text": "brief.summarize",
    "summarize_articles": "brief.summarize",
    "english_article": "brief.summarize",
    "Translator": "brief.translate",
    "make_translator": "brief.translate",
    "translate_articles": "brief.translate",
    "load_glossary": "brief.translate",
    "clean_document": "brief.clean",
    "clean_page": "brief.clean",
    "clean_text": "brief.clean",
    "resolve_relative_date": "brief.clean",
    "read_document": "brief.ingest",
    "build_digest": "brief.pipeline",
    "render_markdown": "brief.render",
    "render_html": "brief.render",
    "render_json": "brief.render",
    "write_atomic": "brief.fsutil",
    "extract_quotes": "brief.quotes",
    "load_people": "brief.people",
    "PeopleTable": "brief.people",
    "Person": "brief.records",
    "romanize_name": "brief.people",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'brief' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
