"""Running a GGUF chat model through llama.cpp (the optional ``llama-cpp-python`` package,
``pip install "brief[llamacpp]"``): loading it, its chat template, and deterministic completions kept
to the answer's slot.

``LlamaTokenizer`` gives the loaded model the tokenizer interface the prompt code uses (the GGUF's own
chat template, token counts, special-token strings), so the translator and summarizer build exactly
the prompts they build for ``transformers`` models. Decoding is greedy (temperature 0, a fixed seed),
the context is the one the GGUF's metadata gives (at most MAX_CONTEXT), and every core is used.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from brief.errors import ModelError

if TYPE_CHECKING:
    from brief.models import ResolvedModel
    from brief.prompting import AnswerSlot
    from brief.records import ModelInfo

__all__ = [
    "MAX_CONTEXT",
    "SEED",
    "LlamaModel",
    "LlamaTokenizer",
    "available",
    "complete",
    "cores",
    "load_llama",
    "load_llama_tokenizer",
]

log = logging.getLogger(__name__)

SEED = 1234
MAX_CONTEXT = 32768  # the KV cache grows with the context; brief's prompts never need more
INSTALL_HINT = 'GGUF through llama.cpp needs llama-cpp-python: pip install "brief[llamacpp]"'


def available() -> bool:
    """Whether llama-cpp-python is installed (found without importing it)."""
    return importlib.util.find_spec("llama_cpp") is not None


def cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _llama_class() -> Any:
    try:
        from llama_cpp import Llama
    except ImportError as error:
        raise ModelError(f"{INSTALL_HINT} ({error})") from error
    return Llama


def _path(resolved: ResolvedModel) -> str:
    if resolved.gguf_file is None:
        raise ModelError(
            f"'{resolved.name}' is not a GGUF file; llama.cpp runs .gguf models (use the instruct "
            "backend for a model folder)"
        )
    return str(resolved.local_dir / resolved.gguf_file)


class LlamaTokenizer:
    """The tokenizer interface of a llama.cpp model: ``tokenizer(text)["input_ids"]``,
    ``apply_chat_template`` (the GGUF's template), ``chat_template``, ``all_special_tokens``."""

    def __init__(self, llm: Any) -> None:
        self.llm = llm
        metadata = getattr(llm, "metadata", None) or {}
        self.chat_template: str | None = metadata.get("tokenizer.chat_template") or None
        self.bos_token = self._piece(llm.token_bos())
        self.eos_token = self._piece(llm.token_eos())
        self.add_bos = metadata.get("tokenizer.ggml.add_bos_token", "false") == "true"

    def _piece(self, token: int) -> str:
        if token < 0:
            return ""
        return bytes(self.llm.detokenize([token], special=True)).decode("utf-8", errors="replace")

    def __call__(self, text: str, add_special_tokens: bool = False, **_: Any) -> dict[str, list[int]]:
        return {"input_ids": self.encode(text, add_special_tokens)}

    def encode(self, text: str, add_special_tokens: bool = False) -> list[int]:
        """The token ids of ``text`` (special-token strings become special tokens, as in a prompt)."""
        ids: list[int] = self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)
        bos = self.llm.token_bos()
        if add_special_tokens and self.add_bos and bos >= 0 and ids[:1] != [bos]:
            ids = [bos, *ids]
        return ids

    @cached_property
    def all_special_tokens(self) -> list[str]:
        """Every control token's text (read from the vocabulary once: a control token shows its text
        only when special tokens are rendered)."""
        found = []
        for token in range(self.llm.n_vocab()):
            shown = bytes(self.llm.detokenize([token], special=True))
            if shown and not bytes(self.llm.detokenize([token], special=False)):
                found.append(shown.decode("utf-8", errors="replace"))
        return found

    def apply_chat_template(
        self,
        messages: Sequence[dict[str, str]],
        tokenize: bool = False,
        add_generation_prompt: bool = False,
        **_: Any,
    ) -> str:
        """``messages`` through the GGUF's chat template (rendered as transformers renders it)."""
        return str(self._formatter(add_generation_prompt)(messages=list(messages)).prompt)

    @functools.cache  # noqa: B019  (one formatter per tokenizer and flag: the template compiles once)
    def _formatter(self, add_generation_prompt: bool) -> Any:
        if not self.chat_template:
            raise ModelError("this GGUF file has no chat template (tokenizer.chat_template)")
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        return Jinja2ChatFormatter(
            self.chat_template,
            eos_token=self.eos_token,
            bos_token=self.bos_token,
            add_generation_prompt=add_generation_prompt,
        )


@dataclass(frozen=True)
class LlamaModel:
    """A GGUF model loaded in llama.cpp, and what the backends need to drive it."""

    llm: Any  # llama_cpp.Llama
    tokenizer: LlamaTokenizer
    info: ModelInfo
    resolved: ResolvedModel
    max_input_tokens: int  # the context (prompt and answer), from the GGUF metadata
    threads: int
    device: str = "cpu"


def context_of(resolved: ResolvedModel) -> int:
    """The context to run ``resolved`` with: its GGUF metadata's, at most MAX_CONTEXT (2048 when the
    metadata has none)."""
    from brief.models import read_config

    trained = read_config(resolved).get("max_position_embeddings")
    return min(int(trained), MAX_CONTEXT) if isinstance(trained, int) and trained > 0 else 2048


def load_llama_tokenizer(resolved: ResolvedModel) -> LlamaTokenizer:
    """The model's tokenizer alone (its vocabulary, without the weights)."""
    try:
        llm = _llama_class()(model_path=_path(resolved), vocab_only=True, verbose=False)
    except (ValueError, RuntimeError, OSError) as error:
        raise ModelError(f"llama.cpp cannot read '{_path(resolved)}': {error}") from error
    return LlamaTokenizer(llm)


def load_llama(resolved: ResolvedModel, threads: int | None = None) -> LlamaModel:
    """Load a GGUF file into llama.cpp with its metadata's context and ``threads`` (default: every
    core); ModelError when it cannot be loaded or has no chat template."""
    from brief.events import loading

    n_threads = threads or cores()
    context = context_of(resolved)
    with loading(resolved.role, resolved.name):
        try:
            llm = _llama_class()(
                model_path=_path(resolved),
                n_ctx=context,
                n_threads=n_threads,
                n_threads_batch=n_threads,
                seed=SEED,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as error:
            raise ModelError(f"llama.cpp cannot load '{_path(resolved)}': {error}") from error
    tokenizer = LlamaTokenizer(llm)
    if not tokenizer.chat_template:
        raise ModelError(
            f"'{resolved.name}' has no chat template, so it cannot follow instructions; pass an "
            "instruction-tuned ('-Instruct' / '-chat') model, not a base model."
        )
    log.info("loaded %s in llama.cpp (context %d, %d threads)", resolved.source, context, n_threads)
    return LlamaModel(
        llm=llm,
        tokenizer=tokenizer,
        info=resolved.info("llamacpp"),
        resolved=resolved,
        max_input_tokens=context,
        threads=n_threads,
    )


def complete(model: LlamaModel, prompt: str, slot: AnswerSlot, max_tokens: int) -> str:
    """The greedy continuation of ``prompt`` (chat text ending with ``slot.prefill``), stopped where the
    slot ends and trimmed to it (the prefill not included)."""
    from llama_cpp import StoppingCriteriaList

    llm = model.llm
    ids = model.tokenizer.encode(prompt, add_special_tokens=True)
    start = len(ids)
    room = model.max_input_tokens - start
    if room < 1:
        raise ModelError(f"a prompt of {start} tokens does not fit {model.info.name}'s context")

    budget = max(1, min(max_tokens, room))

    def done(tokens: Any, logits: Any) -> bool:
        # the token budget is enforced here too: llama-cpp-python skips its own max_tokens check while
        # the text ends inside a multi-byte character, and a model emitting byte tokens can then run
        # to the end of the context
        if len(tokens) - start >= budget:
            return True
        if slot.last_line is None:
            return False
        generated = bytes(llm.detokenize(list(tokens[start:]))).decode("utf-8", errors="ignore")
        return slot.end(generated) is not None

    try:
        result = llm.create_completion(
            ids,
            max_tokens=budget,
            temperature=0.0,
            top_k=1,
            repeat_penalty=1.0,
            seed=SEED,
            stop=list(slot.stop),
            stopping_criteria=StoppingCriteriaList([done]),
        )
    except RuntimeError as error:  # llama_decode failed (out of memory for the KV cache, ...)
        raise ModelError(f"llama.cpp failed on {model.info.name}: {error}") from error
    return slot.trim(str(result["choices"][0]["text"]))
