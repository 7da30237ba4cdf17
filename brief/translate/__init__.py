"""Korean -> English translation, sentence-aligned, glossary-safe, cached.

``make_translator(config, people)`` builds a Translator from the configuration: it resolves the
model (``brief.models.resolve``), picks the backend (seq2seq, instruct or ctranslate2, imported
only when chosen), wraps it in the persistent cache, and adds sentence splitting and glossary /
number protection. ``translate_articles`` translates many articles with shared batches.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.backends import REGISTRY, backend_class, gguf_kind, split_kind
from brief.config import BriefConfig
from brief.records import Article, Quote, TranslatedArticle
from brief.translate.base import SentenceBackend, Translator
from brief.translate.core import SentenceTranslator
from brief.translate.glossary import Glossary, load_glossary

if TYPE_CHECKING:
    from brief.models import ModelPool, ResolvedModel
    from brief.people import PeopleTable

__all__ = [
    "BACKENDS",
    "Glossary",
    "SentenceBackend",
    "SentenceTranslator",
    "Translator",
    "load_glossary",
    "make_backend",
    "make_translator",
    "translate_articles",
]

log = logging.getLogger(__name__)

# the translation backends of the one registry (brief.backends), by kind
BACKENDS: dict[str, str] = {
    kind: target for (role, kind), target in REGISTRY.items() if role == "translation"
}


def _backend_class(name: str) -> Any:
    return backend_class("translation", name)


def make_backend(
    resolved: ResolvedModel, config: BriefConfig, pool: ModelPool | None = None
) -> SentenceBackend:
    """The model backend for ``resolved`` (no cache, no protection), chosen by ``config.mt_backend``.

    "auto" looks at the model: encoder-decoder models (Marian, M2M100, NLLB, MADLAD/T5) run on the
    seq2seq backend, chat models on the instruct backend, GGUF files in llama.cpp when llama-cpp-python
    is installed (else on the instruct backend). ``pool`` holds chat models shared with the summarizer.
    """
    from brief.models import model_kind

    name = config.mt_backend
    if name == "auto":
        name = gguf_kind(resolved.source) if resolved.gguf_file else model_kind(resolved)
    if name == "seq2seq":
        from brief.translate.seq2seq import Seq2SeqBackend

        return Seq2SeqBackend(
            resolved,
            device=config.device,
            dtype=config.dtype,
            num_beams=config.num_beams,
            max_new_tokens=config.max_new_tokens,
        )
    cls = _backend_class(name)
    factory = getattr(cls, "from_config", None)
    if factory is None:
        return cls(resolved, config)  # type: ignore[no-any-return]
    if name in ("instruct", "llamacpp"):
        return factory(resolved, config, pool)  # type: ignore[no-any-return]
    backend: SentenceBackend = factory(resolved, config)
    return backend


def _model_backend(config: BriefConfig, pool: ModelPool | None) -> SentenceBackend:
    """The backend ``config.mt_model`` names: a server's model (``openai:MODEL``) or a local model."""
    from brief.remote import server_settings

    kind, name = split_kind(config.mt_model)
    if kind == "openai" or (kind is None and config.mt_backend == "openai"):
        return backend_class("translation", "openai")(  # type: ignore[no-any-return]
            name,
            server_settings(config),
            per_request=config.sentences_per_request,
            max_new_tokens=config.max_new_tokens,
        )
    from brief.models import resolve

    if kind is not None:  # "instruct:PATH" / "seq2seq:PATH" force the backend, as for summaries
        config = dataclasses.replace(config, mt_model=name, mt_backend=kind)
    resolved = resolve(config.mt_model, "translation", config.mt_revision)
    if resolved.commercial is False and not resolved.from_hub:  # resolve() warns for hub models
        log.warning(
            "%s has a non-commercial licence (%s): its translations may not be used commercially",
            resolved.source, resolved.licence,
        )  # fmt: skip
    return make_backend(resolved, config, pool)


def make_translator(
    config: BriefConfig, people: PeopleTable | None = None, pool: ModelPool | None = None
) -> SentenceTranslator:
    """A Translator for ``config``: model resolved (ModelUnavailableError when it is not here),
    backend chosen, cache and glossary added. The model itself loads on the first uncached batch
    (into ``pool`` when given, so that a summarizer naming the same chat model shares it)."""
    from brief.people import load_people

    backend = _model_backend(config, pool)
    # A model server keeps ``concurrency`` requests of ``sentences_per_request`` in flight only when a
    # batch holds that many sentences: with the default 32, --concurrency 16 at 8 a request sent 4.
    batch_size = max(config.batch_size, getattr(backend, "in_flight_sentences", 0))
    cache = None
    if config.use_cache:
        from brief.translate.cache import CachedBackend, TranslationCache, default_cache_dir

        cache = TranslationCache(Path(config.cache_dir or default_cache_dir()) / "translations.sqlite3")
        backend = CachedBackend(backend, cache)
    if people is None:
        people = load_people(config.people_files)
    glossary = load_glossary(config.glossary_files, people)
    log.info("translating with %s (%s backend), %s", backend.info.name, backend.info.backend, glossary)
    return SentenceTranslator(backend, glossary, batch_size=batch_size, segment_cache=cache, people=people)


def translate_articles(
    translator: Translator,
    articles: Sequence[Article],
    quotes_by_id: Mapping[str, Sequence[Quote]] | None = None,
    progress: Callable[[int], None] | None = None,
    total: Callable[[int], None] | None = None,
) -> list[TranslatedArticle]:
    """Translate ``articles`` (with their quotes), sharing batches across articles when the
    translator can; ``progress(n)`` is called as n more article sentences are done, and
    ``total(n)`` once, before any is translated, with the number of sentences to come (when known)."""
    quotes_by_id = quotes_by_id or {}
    if isinstance(translator, SentenceTranslator):
        return translator.translate_many(articles, quotes_by_id, progress, total)
    results = []
    for article in articles:
        translated = translator.translate(article, quotes_by_id.get(article.id, ()))
        results.append(translated)
        if progress is not None:
            progress(len(translated.sentences))
    return results
