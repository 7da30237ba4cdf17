"""The one registry of model backends, for translation and for summaries.

A (role, kind) names a ``"module:Class"`` that is imported only when chosen, so ``brief clean`` never
imports torch, ctranslate2 or openai. A model name may force its kind with a prefix: ``openai:MODEL``
(a model server), ``llamacpp:FILE.gguf`` (llama.cpp), ``instruct:PATH``, ``seq2seq:PATH``. A GGUF file
with no prefix runs in llama.cpp when llama-cpp-python is installed (``gguf_kind``), else in
transformers.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from brief.errors import ModelError

if TYPE_CHECKING:
    from brief.config import BriefConfig
    from brief.people import PeopleTable
    from brief.summarize import Summarizer
    from brief.translate.core import SentenceTranslator

__all__ = [
    "PREFIXED_KINDS",
    "REGISTRY",
    "Models",
    "Role",
    "backend_class",
    "gguf_kind",
    "kinds",
    "make_models",
    "split_kind",
]

log = logging.getLogger(__name__)

Role = Literal["translation", "summarization"]

REGISTRY: dict[tuple[Role, str], str] = {
    ("translation", "seq2seq"): "brief.translate.seq2seq:Seq2SeqBackend",
    ("translation", "instruct"): "brief.translate.instruct:InstructBackend",
    ("translation", "ctranslate2"): "brief.translate.ct2:CT2Backend",
    ("translation", "openai"): "brief.translate.remote:OpenAIBackend",
    ("translation", "llamacpp"): "brief.translate.llamacpp:LlamaCppBackend",
    ("summarization", "extractive"): "brief.summarize.extractive:ExtractiveSummarizer",
    ("summarization", "seq2seq"): "brief.summarize.seq2seq:Seq2SeqSummarizer",
    ("summarization", "instruct"): "brief.summarize.instruct:InstructSummarizer",
    ("summarization", "openai"): "brief.summarize.remote:OpenAISummarizer",
    ("summarization", "llamacpp"): "brief.summarize.llamacpp:LlamaCppSummarizer",
}
PREFIXED_KINDS = (
    "openai",
    "llamacpp",
    "instruct",
    "seq2seq",
)  # kinds a model name may start with ("openai:X")
_HINTS = {
    "ctranslate2": 'the ctranslate2 backend needs CTranslate2: pip install "brief[fast]"',
    "openai": "the openai backend needs the openai package: pip install openai",
    "llamacpp": 'the llamacpp backend needs llama-cpp-python: pip install "brief[llamacpp]"',
}
_noted: set[str] = set()


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


def gguf_kind(path: str) -> str:
    """The backend kind for a GGUF file named with no kind: "llamacpp" when llama-cpp-python is
    installed, else "instruct" (transformers, which dequantises the weights: slower), noted once."""
    if importlib.util.find_spec("llama_cpp") is not None:
        return "llamacpp"
    if path not in _noted:
        _noted.add(path)
        log.warning(
            "%s runs through transformers (slow: weights dequantised); for llama.cpp's speed: "
            'pip install "brief[llamacpp]"',
            path,
        )
    return "instruct"


@dataclass(frozen=True)
class Models:
    """The translator and (when asked for) the summarizer of one run, sharing one loaded chat model."""

    translator: SentenceTranslator
    summarizer: Summarizer | None = None


def make_models(
    config: BriefConfig,
    people: PeopleTable,
    *,
    summaries: bool = True,
    guard: Literal["mark", "drop"] = "mark",
) -> Models:
    """The translator ``config.mt_model`` names and, with ``summaries``, the summarizer
    ``config.summarizer`` names, both from this registry. A chat model named for both roles is loaded
    once (one ModelPool). Both fail fast (ModelUnavailableError, ServerUnavailableError: exit 2)
    before any article is read; the models themselves load on first use."""
    from brief.models import ModelPool
    from brief.summarize import make_summarizer
    from brief.translate import load_glossary, make_translator

    pool = ModelPool()
    translator = make_translator(config, people, pool)
    if not summaries:
        return Models(translator)
    glossary = load_glossary(config.glossary_files, people)
    summarizer = make_summarizer(config, people.people, glossary.entries, guard=guard, pool=pool)
    return Models(translator, summarizer)
