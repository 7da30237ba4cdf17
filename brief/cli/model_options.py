"""The model options of ``brief translate``, ``brief summarize`` and ``brief build``, declared once.

Each option is one field of ``ModelChoices``: its name, type, default, help and role (translation,
summaries, or both) live on that one line. ``@model_options(summaries=...)`` gives a command every
option of its roles, where its ``models: ModelChoices`` parameter stands, and hands the command the
chosen values as one ``ModelChoices``; ``ModelChoices.config`` turns them into the run's ``BriefConfig``
(validated once, so a bad value reads the same in every command). An option added here appears in all
three commands with the same name, help, default, ``BRIEF_*`` variable and config-file key (those two
are read off the command tree by ``brief.cli.settings``).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, get_type_hints

import typer

from brief.config import BriefConfig

__all__ = ["CACHE_DIR", "MODEL_PANEL", "ModelChoices", "model_options", "option_names"]

F = TypeVar("F", bound=Callable[..., Any])
Role = Literal["translation", "summarization", "both"]
MODEL_PANEL = "Models"

MT_MODEL = typer.Option(
    None,
    "--mt-model",
    help="Translation model: a preset (brief models list), a hub id, a local folder/GGUF file, or "
    "openai:MODEL on an OpenAI-compatible server (--api-base).",
)
MT_BACKEND = typer.Option(
    "auto", "--mt-backend", help="auto, seq2seq, instruct, ctranslate2, llamacpp (a GGUF file) or openai."
)
MT_REVISION = typer.Option(None, "--mt-revision", help="Hub revision (commit, tag or branch) of the model.")
SUMMARIZER = typer.Option(
    None,
    "--summarizer",
    help="extractive (no model), a preset, a hub id, a local folder/GGUF file, or openai:MODEL.",
)
SUMMARIZER_REVISION = typer.Option(
    None, "--summarizer-revision", help="Hub revision of the summarizer model."
)
DEVICE = typer.Option("auto", "--device", help="auto (CUDA, then MPS, then CPU), cpu, cuda, cuda:N or mps.")
DTYPE = typer.Option(
    "auto", "--dtype", help="auto (bf16/fp16 on GPU, fp32 on CPU), float32, float16, bfloat16."
)
BATCH_SIZE = typer.Option(32, "--batch-size", help="Sentences per model call.")
BEAMS = typer.Option(None, "--beams", help="Beam search width (default: 4 on a GPU, 2 on the CPU).")
MAX_NEW_TOKENS = typer.Option(
    None,
    "--max-new-tokens",
    help="Cap on generated tokens per model call: each translated sentence (default: twice the input"
    " plus 16) and, where a summarizer model runs, each summary.",
)
API_BASE = typer.Option(
    None,
    "--api-base",
    envvar="BRIEF_API_BASE",
    help="OpenAI-compatible server for openai:MODEL (default: Ollama's http://127.0.0.1:11434/v1). "
    "The key comes from BRIEF_API_KEY or OPENAI_API_KEY.",
)
CONCURRENCY = typer.Option(4, "--concurrency", help="Requests in flight at once to the model server.")
PER_REQUEST = typer.Option(
    8, "--sentences-per-request", help="Sentences per request to the model server (1: one at a time)."
)
STRICT = typer.Option(
    False, "--strict", help="Fail (exit 3) when any translated sentence is flagged by the checks."
)
NO_CACHE = typer.Option(False, "--no-cache", help="Do not read or write the translation cache.")
CACHE_DIR = typer.Option(
    None, "--cache-dir", help="Translation cache folder (default: the user's cache folder)."
)  # `brief cache` takes it too
PEOPLE = typer.Option([], "--people", help="Extra people table (TOML); may be repeated.")
GLOSSARY = typer.Option([], "--glossary", help="Extra glossary (TOML); may be repeated.")


def _option(option: Any, role: Role = "both") -> Any:
    """The ``field()`` of a ModelChoices option: the typer option (its default is the field's) and the
    role of the commands that take it. (It returns a ``field()``, so ruff's RUF009, which cannot tell,
    is silenced where the field's type is mutable.)"""
    metadata = {"option": option, "role": role}
    if isinstance(option.default, list):
        return field(default_factory=list, metadata=metadata)
    return field(default=option.default, metadata=metadata)


@dataclass(frozen=True)
class ModelChoices:
    """The model options as a command received them (flag, environment, config file or default).

    One field per option, in the order ``--help`` shows them; the role says which commands take it:
    "translation" and "both" options are on all three, "summarization" ones on summarize and build."""

    mt_model: str | None = _option(MT_MODEL, "translation")
    mt_backend: str = _option(MT_BACKEND, "translation")
    mt_revision: str | None = _option(MT_REVISION, "translation")
    summarizer: str | None = _option(SUMMARIZER, "summarization")
    summarizer_revision: str | None = _option(SUMMARIZER_REVISION, "summarization")
    device: str = _option(DEVICE)
    dtype: str = _option(DTYPE)
    batch_size: int = _option(BATCH_SIZE)
    beams: int | None = _option(BEAMS)
    max_new_tokens: int | None = _option(MAX_NEW_TOKENS)
    api_base: str | None = _option(API_BASE)
    concurrency: int = _option(CONCURRENCY)
    sentences_per_request: int = _option(PER_REQUEST)
    strict: bool = _option(STRICT)
    no_cache: bool = _option(NO_CACHE)
    cache_dir: Path | None = _option(CACHE_DIR)  # noqa: RUF009
    people: list[Path] = _option(PEOPLE)  # noqa: RUF009
    glossary: list[Path] = _option(GLOSSARY)  # noqa: RUF009

    def config(self, *, max_bytes: int | None = None, **rest: Any) -> BriefConfig:
        """The run's configuration from these choices (None keeps a default) and the command's own
        settings (``rest``: BriefConfig fields). ConfigError names the option when a value is bad.

        The model server's API key is read here, from BRIEF_API_KEY or OPENAI_API_KEY: never an option
        (a command line is visible to every user of the machine) and never logged."""
        chosen: dict[str, Any] = {
            "api_key": os.environ.get("BRIEF_API_KEY") or os.environ.get("OPENAI_API_KEY") or None,
            "mt_backend": self.mt_backend,
            "mt_revision": self.mt_revision,
            "summarizer_revision": self.summarizer_revision,
            "device": self.device,
            "dtype": self.dtype,
            "batch_size": self.batch_size,
            "num_beams": self.beams,
            "max_new_tokens": self.max_new_tokens,
            "api_base": self.api_base,
            "concurrency": self.concurrency,
            "sentences_per_request": self.sentences_per_request,
            "strict": self.strict,
            "use_cache": not self.no_cache,
            "cache_dir": self.cache_dir,
            "people_files": tuple(self.people),
            "glossary_files": tuple(self.glossary),
            **rest,
        }
        if self.mt_model:
            chosen["mt_model"] = self.mt_model
        if self.summarizer:
            chosen["summarizer"] = self.summarizer
        if max_bytes is not None:
            chosen["max_file_bytes"] = max_bytes
        return BriefConfig(**chosen)


def _fields(summaries: bool) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(ModelChoices) if summaries or f.metadata["role"] != "summarization"]


def option_names(summaries: bool) -> tuple[str, ...]:
    """The long option names a command gets (``--mt-model``, ...), in declaration order."""
    return tuple(
        next(d for d in f.metadata["option"].param_decls if d.startswith("--")) for f in _fields(summaries)
    )


PARAMETER = "models"  # the parameter of a command that receives the ModelChoices


def model_options(*, summaries: bool) -> Callable[[F], F]:
    """Give a command the model options (the summarizer's too when ``summaries``) in place of its
    ``models: ModelChoices`` parameter, and call it with the chosen values as one ModelChoices."""
    chosen = _fields(summaries)
    hints = get_type_hints(ModelChoices)

    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        if PARAMETER not in signature.parameters:
            raise TypeError(f"{command.__name__} needs a '{PARAMETER}: ModelChoices' parameter")
        parameters: list[inspect.Parameter] = []
        for parameter in signature.parameters.values():
            if parameter.name != PARAMETER:
                parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY))
                continue
            parameters += [
                inspect.Parameter(
                    f.name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=f.metadata["option"],
                    annotation=hints[f.name],
                )
                for f in chosen
            ]

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> Any:
            values = {f.name: kwargs.pop(f.name) for f in chosen}
            return command(**kwargs, **{PARAMETER: ModelChoices(**values)})

        wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
        return wrapper  # type: ignore[return-value]

    return decorate
