"""The translation interfaces: the article-level ``Translator`` and the sentence-level ``SentenceBackend``.

A backend only turns a batch of (already split, already protected) Korean sentences into English.
Everything else (sentence splitting, glossary and number protection, caching, alignment) wraps a
backend, so each backend (seq2seq, instruct, ctranslate2) stays small.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from brief.records import Article, ModelInfo, Quote, TranslatedArticle

__all__ = ["SentenceBackend", "Translator", "backend_signature"]


@runtime_checkable
class Translator(Protocol):
    """Translates one article (and the quotes found in it) into English, sentence-aligned."""

    @property
    def info(self) -> ModelInfo:
        """The model, for provenance."""
        ...

    def translate(self, article: Article, quotes: Sequence[Quote] = ()) -> TranslatedArticle:
        """Return the article in English; every Korean sentence has an aligned English sentence."""
        ...


@runtime_checkable
class SentenceBackend(Protocol):
    """A model that translates Korean sentences into English, one output per input, in order.

    The three attributes may be plain attributes or read-only properties.

    - ``info``: the model, for provenance (name, revision, backend, licence).
    - ``max_input_tokens``: the longest input (in the model's own tokens, special tokens included)
      the backend accepts; longer sentences are split by the caller before they get here.
    - ``settings``: everything besides the model that changes the output (beams, prompt hash, ...);
      it is part of the cache key, so two different settings never share cached translations.
    - ``translate_batch``: must return exactly ``len(sentences)`` strings, in the same order. It may
      load the model on first use (so a run served from the cache never loads it).
    - ``count_tokens``: the number of model tokens ``sentence`` becomes, special tokens included.
    """

    @property
    def info(self) -> ModelInfo: ...

    @property
    def max_input_tokens(self) -> int: ...

    @property
    def settings(self) -> Mapping[str, str]: ...

    def translate_batch(self, sentences: Sequence[str]) -> list[str]: ...

    def count_tokens(self, sentence: str) -> int: ...


def backend_signature(backend: SentenceBackend) -> str:
    """A one-line identity of a backend's output: model, revision, backend kind and settings."""
    info = backend.info
    parts = [f"model={info.name}", f"revision={info.revision or ''}", f"backend={info.backend}"]
    parts += [f"{key}={value}" for key, value in sorted(backend.settings.items())]
    return "|".join(parts)
