"""Quote extraction and speaker attribution: who said what, in Korean, with speakers in English."""

from __future__ import annotations

from brief.quotes.extract import extract_quotes
from brief.quotes.run import extract_run
from brief.quotes.stance import STANCES, stance_of

__all__ = ["STANCES", "extract_quotes", "extract_run", "stance_of"]
