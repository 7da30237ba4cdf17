"""Summarization: a brief per article and a merged brief across articles, checked against the sources.

Backends, chosen by ``BriefConfig.summarizer`` (``--summarizer``):

- ``extractive`` (default): the article's own best sentences; no model, deterministic.
- a seq2seq model (BART / PEGASUS / T5: a preset, hub id or local folder): long inputs are chunked by
  sentence and summarized map-reduce style, never cut.
- an instruction-tuned chat model (hub id, local folder or ``.gguf`` file) driven by ``prompts/``; its
  output is parsed strictly, and the extractive brief is used (and noted) when it does not parse. A
  ``.gguf`` file runs in llama.cpp when llama-cpp-python is installed.

A name can force the backend: ``seq2seq:PATH``, ``instruct:PATH``, ``llamacpp:FILE.gguf``,
``openai:MODEL``. Every brief passes the
faithfulness guard (``brief.summarize.guard``). Library use needs no CLI::

    from brief import summarize_text
    brief = summarize_text(english_text, headline="...")           # extractive
    brief = summarize_text(english_text, summarizer="instruct:/models/smollm2.gguf")
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from brief.backends import REGISTRY, backend_class, gguf_kind, split_kind
from brief.config import BriefConfig
from brief.records import (
    Article,
    ArticleBrief,
    MergedBrief,
    ModelInfo,
    Outlet,
    Quote,
    SentencePair,
    TranslatedArticle,
)
from brief.summarize.guard import GuardMode, SourceFacts, allowed_names
from brief.summarize.prompts import prompt_hashes
from brief.summarize.text import split_sentences

if TYPE_CHECKING:
    from brief.models import ModelPool
    from brief.records import GlossaryEntry, Person
    from brief.translate.cache import TranslationCache

__all__ = [
    "BACKENDS",
    "SourceFacts",
    "Summarizer",
    "english_article",
    "make_summarizer",
    "prompt_hashes",
    "summarize_articles",
    "summarize_text",
]

log = logging.getLogger(__name__)

# the summary backends of the one registry (brief.backends), by kind
BACKENDS: dict[str, str] = {
    kind: target for (role, kind), target in REGISTRY.items() if role == "summarization"
}


@runtime_checkable
class Summarizer(Protocol):
    """Turns translated articles into briefs. ``info`` names the model for provenance."""

    info: ModelInfo
    prompt_hashes: tuple[tuple[str, str], ...]  # (prompt file, sha256); empty when no prompt is used

    def summarize(self, translated: TranslatedArticle) -> ArticleBrief:
        """The brief of one article."""
        ...

    def summarize_all(self, articles: Sequence[TranslatedArticle]) -> list[ArticleBrief]:
        """Briefs of several articles, in order (model backends batch across articles)."""
        ...

    def merge(self, briefs: Sequence[ArticleBrief], articles: Sequence[TranslatedArticle]) -> MergedBrief:
        """One brief across articles: each fact once, citing every article that reports it."""
        ...


def _backend_class(backend: str) -> type:
    return backend_class("summarization", backend)  # type: ignore[no-any-return]


def _trusted_names(
    config: BriefConfig, people: Iterable[Person] | None, glossary: Iterable[GlossaryEntry] | None
) -> tuple[str, ...]:
    """Names from the people table and glossary; tables that are not installed count as empty."""
    if people is None:
        try:
            from brief.people import load_people

            people = load_people(config.people_files).people
        except ImportError:  # pragma: no cover - the people stage is optional for library users
            people = ()
    if glossary is None:
        try:
            from brief.translate.glossary import load_glossary

            glossary = load_glossary(config.glossary_files).entries
        except ImportError:
            log.info("no glossary module; the guard trusts the people table and the source only")
            glossary = ()
    return allowed_names(people, glossary)


def make_summarizer(
    config: BriefConfig | None = None,
    people: Iterable[Person] | None = None,
    glossary: Iterable[GlossaryEntry] | None = None,
    *,
    guard: GuardMode = "mark",
    pool: ModelPool | None = None,
) -> Summarizer:
    """The summarizer ``config.summarizer`` names: "extractive", "seq2seq:X", "instruct:X", or a model X.

    ``people`` and ``glossary`` (records) are the names the guard trusts besides the source; by default
    they are loaded from the tables and ``config``'s extra files. Unsupported bullets are marked
    (``guard="mark"``) or dropped (``"drop"``). Raises ModelUnavailableError / ModelError for models.
    A chat model loads on its first answer not in the cache, into ``pool`` (shared with the translator).
    """
    config = config or BriefConfig()
    name = config.summarizer.strip()
    allowed = _trusted_names(config, people, glossary)
    if name == "extractive":
        summarizer: Summarizer = _backend_class("extractive")(allowed=allowed, guard=guard)
        return summarizer
    kind, name = split_kind(name)
    if kind == "openai":
        log.info("summarizer: %s on an OpenAI-compatible server", name)
        return _backend_class("openai")(  # type: ignore[no-any-return]
            name, config, allowed=allowed, guard=guard, cache=answer_cache(config)
        )
    backend = kind or "auto"
    from brief.models import model_kind, resolve

    resolved = resolve(name, "summarization", revision=config.summarizer_revision)
    if backend == "auto":
        backend = gguf_kind(resolved.source) if resolved.gguf_file else model_kind(resolved)
    log.info("summarizer: %s (%s)", name, backend)
    if backend in ("instruct", "llamacpp"):
        return _backend_class(backend)(  # type: ignore[no-any-return]
            resolved, config, allowed=allowed, guard=guard, pool=pool, cache=answer_cache(config)
        )
    return _backend_class(backend)(resolved, config, allowed=allowed, guard=guard)  # type: ignore[no-any-return]


def answer_cache(config: BriefConfig) -> TranslationCache | None:
    """The cache file model answers are kept in (the translation cache's), or None with --no-cache."""
    if not config.use_cache:
        return None
    from pathlib import Path

    from brief.translate.cache import TranslationCache, default_cache_dir

    return TranslationCache(Path(config.cache_dir or default_cache_dir()) / "translations.sqlite3")


# ---------------------------------------------------------------- library API
def english_article(
    text: str,
    *,
    headline: str | None = None,
    article_id: str | None = None,
    date: _dt.date | None = None,
    source: str = "<text>",
    outlet: str | None = None,
    quotes: Sequence[Quote] = (),
) -> TranslatedArticle:
    """Wrap English text (paragraphs separated by blank lines or newlines) as a TranslatedArticle.

    The "original" is the English text itself, so the guard checks against exactly what was given.
    """
    paragraphs = tuple(" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n") if p.strip())
    digest = hashlib.sha256("\n".join([headline or "", *paragraphs]).encode("utf-8")).hexdigest()[:16]
    article = Article(
        id=article_id or digest,
        source=source,
        headline=headline,
        subheadlines=(),
        paragraphs=paragraphs,
        captions=(),
        outlet=Outlet(en=outlet),
        reporters=(),
        date=date,
        date_evidence=None,
    )
    sentences = tuple(
        SentencePair(paragraph=i, index=j, ko=s, en=s)
        for i, paragraph in enumerate(paragraphs)
        for j, s in enumerate(split_sentences(paragraph))
    )
    return TranslatedArticle(
        article=article,
        headline_en=headline,
        subheadlines_en=(),
        paragraphs_en=paragraphs,
        sentences=sentences,
        quotes=tuple(quotes),
        model=ModelInfo(role="translation", name="none (English input)", backend="identity"),
    )


def _as_summarizer(summarizer: str | Summarizer, config: BriefConfig | None, guard: GuardMode) -> Summarizer:
    if isinstance(summarizer, str):
        base = config or BriefConfig()
        from dataclasses import replace

        return make_summarizer(replace(base, summarizer=summarizer), guard=guard)
    return summarizer


def summarize_text(
    text: str,
    *,
    headline: str | None = None,
    summarizer: str | Summarizer = "extractive",
    config: BriefConfig | None = None,
    date: _dt.date | None = None,
    guard: GuardMode = "mark",
) -> ArticleBrief:
    """The brief of one English text with the chosen backend ("extractive", a model name, or a Summarizer).

    Models named here are loaded for this call; pass a ``make_summarizer(...)`` result to reuse one.
    """
    return _as_summarizer(summarizer, config, guard).summarize(
        english_article(text, headline=headline, date=date)
    )


def summarize_articles(
    articles: Sequence[TranslatedArticle | str],
    *,
    summarizer: str | Summarizer = "extractive",
    config: BriefConfig | None = None,
    guard: GuardMode = "mark",
) -> tuple[list[ArticleBrief], MergedBrief]:
    """Briefs of several articles (TranslatedArticles or English texts) and their merged brief."""
    records = [a if isinstance(a, TranslatedArticle) else english_article(a) for a in articles]
    chosen = _as_summarizer(summarizer, config, guard)
    briefs = chosen.summarize_all(records)
    return briefs, chosen.merge(briefs, records)
