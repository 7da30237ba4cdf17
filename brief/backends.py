"""The one registry of model backends, for translation and for summaries.

A (role, kind) names a ``"module:Class"`` that is imported only when chosen, so ``brief clean`` never
imports torch, ctranslate2 or openai. A model name may force its kind with a prefix: ``openai:MODEL``
(a model server), ``instruct:PATH``, ``seq2seq:PATH``.
"""

from __future__ import annotations

import importlib
from typing import Any, Literal

from brief.errors import ModelError

__all__ = ["PREFIXED_KINDS", "REGISTRY", "Role", "backend_class", "kinds", "split_kind"]

Role = Literal["translation", "summarization"]

REGISTRY: dict[tuple[Role, str], str] = {
    ("translation", "seq2seq"): "brief.translate.seq2seq:Seq2SeqBackend",
    ("translation", "instruct"): "brief.translate.instruct:InstructBackend",
    ("translation", "ctranslate2"): "brief.translate.ct2:CT2Backend",
    ("translation", "openai"): "brief.translate.remote:OpenAIBackend",
    ("summarization", "extractive"): "brief.summarize.extractive:ExtractiveSummarizer",
    ("summarization", "seq2seq"): "brief.summarize.seq2seq:Seq2SeqSummarizer",
    ("summarization", "instruct"): "brief.summarize.instruct:InstructSummarizer",
    ("summarization", "openai"): "brief.summarize.remote:OpenAISummarizer",
}
PREFIXED_KINDS = ("openai", "instruct", "seq2seq")  # kinds a model name may start with ("openai:X")
_HINTS = {
    "ctranslate2": 'the ctranslate2 backend needs CTranslate2: pip install "brief[fast]"',
    "openai": "the openai backend needs the openai package: pip install openai",
}


def kinds(role: Role) -> tuple[str, ...]:
    """The backend kinds of ``role``, in registry order."""
    return tuple(kind for (r, kind) in REGISTRY if r == role)


def split_kind(name: str) -> tuple[str | None, str]:
    """("openai", "qwen2.5:7b") for "openai:qwen2.5:7b"; (None, name) when no kind prefixes it."""
    head, sep, rest = name.strip().partition(":")
    if sep and head.lower() in PREFIXED_KINDS and rest.strip():
        return head.lower(), rest.strip()
    return None, name.strip()


def backend_class(role: Role, kind: str) -> Any:
    """The class registered for (role, kind), imported now; ModelError with an install hint when its
    optional package is missing."""
    try:
        module_name, _, class_name = REGISTRY[(role, kind)].partition(":")
    except KeyError:
        raise ModelError(
            f"no {role} backend called {kind!r}; choose one of {', '.join(kinds(role))}"
        ) from None
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        hint = _HINTS.get(kind, "it could not be imported")
        raise ModelError(f"the {kind} {role} backend: {hint} ({error})") from error
    return getattr(module, class_name)
