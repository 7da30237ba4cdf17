"""The cleaning stage: raw Korean news pages -> Article records.

An Article holds the text, captions, headline, outlet, reporters and date (with its evidence).

``clean_document(raw)`` is the stage; the helpers below are exported for later stages and for users.
"""

from __future__ import annotations

from brief.clean.dates import resolve_relative_date
from brief.clean.document import article_id, clean_document, clean_page, clean_text
from brief.clean.normalize import normalize_text
from brief.clean.outlets import OutletTable, load_outlets

__all__ = [
    "OutletTable",
    "article_id",
    "clean_document",
    "clean_page",
    "clean_text",
    "load_outlets",
    "normalize_text",
    "resolve_relative_date",
]
