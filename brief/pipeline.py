"""Runs the stages in order. Each function here is a composition of stages; the stages live in their modules."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from brief.config import BriefConfig
from brief.errors import InputError
from brief.records import Article, Failure

__all__ = ["load_articles"]

log = logging.getLogger(__name__)


def load_articles(paths: Iterable[Path | str], config: BriefConfig) -> tuple[list[Article], list[Failure]]:
    """Read and clean every article under ``paths``. Bad inputs become Failures; the rest go on.

    Raises InputError only when there is nothing at all to read.
    """
    from brief.clean import clean_document
    from brief.ingest import discover, read_document

    files, failures = discover([Path(p) for p in paths])
    articles: list[Article] = []
    for path in files:
        try:
            articles.append(clean_document(read_document(path, max_bytes=config.max_file_bytes)))
        except InputError as error:
            log.warning("%s", error)
            failures.append(Failure(source=str(path), message=error.problem))
    return articles, failures
