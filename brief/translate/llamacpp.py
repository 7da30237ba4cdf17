"""The ``llamacpp`` translation backend: a GGUF chat model run by llama.cpp (``pip install
"brief[llamacpp]"``), several sentences a prompt.

The prompt is the one every chat-model translator shares (``brief.translate.lines``: instructions, a
worked example, the sentences as numbered lines), rendered with the GGUF's own chat template and
prefilled with "1."; generation is greedy and stops where the answer's slot ends (after the last line,
or at a block marker or a new turn). An answer that does not align is asked again in halves, as the
``openai`` backend does. The per-sentence checks run on the result like on every backend's.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brief.prompting import AnswerSlot, defuse_special_tokens, turn_stops
from brief.translate.instruct import MAX_SENTENCE_TOKENS, sentence_limit
from brief.translate.lines import (
    NumberedLinesBackend,
    answer_slot,
    lines_messages,
    prompt_hash,
    prompt_hashes,
    translate_in_lines,
)
from brief.translate.lines import prompts_dir as default_prompts_dir

if TYPE_CHECKING:
    from brief.config import BriefConfig
    from brief.llama import LlamaModel
    from brief.models import ModelPool, ResolvedModel

__all__ = ["LlamaCppBackend"]

log = logging.getLogger(__name__)


class LlamaCppBackend(NumberedLinesBackend):
    """A SentenceBackend on a GGUF file in llama.cpp (``--mt-model llamacpp:FILE.gguf``, or any .gguf
    file when llama-cpp-python is installed)."""

    def __init__(
        self,
        resolved: ResolvedModel,
        *,
        per_request: int = 8,
        max_new_tokens: int | None = None,
        prompts_dir: Path | None = None,
        pool: ModelPool | None = None,
    ) -> None:
        """``per_request``: sentences per prompt. ``max_new_tokens``: the cap per sentence (default:
        three times its tokens plus 16, at most 512). ``pool``: shared with a summarizer of the same
        file, so that it is loaded once."""
        from brief.llama import available
        from brief.models import LazyModel

        if not available():
            from brief.errors import ModelError
            from brief.llama import INSTALL_HINT

            raise ModelError(INSTALL_HINT)
        self.resolved = resolved
        self.info = resolved.info("llamacpp")
        self.per_request = max(1, per_request)
        self.max_new_tokens = max_new_tokens
        self.prompts_dir = prompts_dir or default_prompts_dir()
        self._prompt_hash = prompt_hash(self.prompts_dir)
        self.lazy = LazyModel(resolved, "llamacpp", pool=pool)
        self._max_input: int | None = None
        self._turn: tuple[str, ...] | None = None  # the chat template's new-turn marker, once read
        self.calls = 0  # completions run, for tests and benchmarks
        self.realigned = 0  # batches asked again in halves because their answer did not align

    @classmethod
    def from_config(
        cls, resolved: ResolvedModel, config: BriefConfig, pool: ModelPool | None = None
    ) -> LlamaCppBackend:
        return cls(
            resolved,
            per_request=config.sentences_per_request,
            max_new_tokens=config.max_new_tokens,
            pool=pool,
        )

    # ------------------------------------------------------------ SentenceBackend
    @property
    def settings(self) -> Mapping[str, str]:
        return {
            "engine": "llama.cpp",
            "prompt": self._prompt_hash[:16],
            "per_request": str(self.per_request),
            "decoding": "greedy",
            "max_new_tokens": str(self.max_new_tokens or "3x+16"),
            "gguf_file": self.resolved.gguf_file or "",
        }

    @property
    def prompt_hashes(self) -> tuple[tuple[str, str], ...]:
        """(template, sha256) of each translation prompt, for the digest's provenance."""
        return prompt_hashes(self.prompts_dir)

    @property
    def tokenizer(self):  # type: ignore[no-untyped-def]
        """The GGUF's tokenizer (its vocabulary alone until the model is loaded)."""
        return self.lazy.tokenizer

    @property
    def max_input_tokens(self) -> int:
        """The longest sentence one prompt takes (the instructions, the example and its answer fit)."""
        if self._max_input is None:
            prompt_tokens = len(self.tokenizer.encode(self.prompt([""])))
            limit = sentence_limit(self.lazy.context, prompt_tokens)
            self._max_input = min(limit, MAX_SENTENCE_TOKENS)
        return self._max_input

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer.encode(sentence))

    def load(self) -> LlamaModel:
        """The model in llama.cpp (loaded once)."""
        model: LlamaModel = self.lazy.load()
        return model

    def slot(self, n: int) -> AnswerSlot:
        """The answer's slot for ``n`` sentences, also ended by the model's new-turn marker."""
        if self._turn is None:
            self._turn = turn_stops(self.tokenizer)
        return answer_slot(n).with_stops(self._turn)

    def prompt(self, sentences: Sequence[str], problems: str = "") -> str:
        """The chat prompt for ``sentences`` (the GGUF's template), ending with the prefill "1."."""
        tokenizer = self.tokenizer
        clean = [defuse_special_tokens(s, tokenizer) for s in sentences]
        messages = lines_messages(clean, self.prompts_dir, problems)
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return str(text) + answer_slot(len(sentences)).prefill

    def max_tokens(self, sentences: Sequence[str]) -> int:
        """The answer's token budget: per sentence ``max_new_tokens`` or 3 x its tokens + 16."""
        per = [self.max_new_tokens or min(3 * self.count_tokens(s) + 16, 512) for s in sentences]
        return sum(per) + 4 * len(sentences)  # the line numbers

    def translate_checked(self, sentences: Sequence[str], problems: Mapping[int, str]) -> list[str]:
        """Like translate_batch; sentences with ``problems`` (index -> why) get the stricter prompt,
        one a prompt."""
        if not sentences:
            return []
        from brief.llama import complete

        model = self.load()

        def ask(requests: Sequence[tuple[list[str], str]]) -> list[str]:
            answers = []
            for group, why in requests:
                slot, prompt, budget = self.slot(len(group)), self.prompt(group, why), self.max_tokens(group)
                if len(group) > 1 and len(self.tokenizer.encode(prompt)) + budget > model.max_input_tokens:
                    answers.append("")  # over the context: unaligned, so it is asked again in halves
                    continue
                answers.append(slot.text(complete(model, prompt, slot, budget)))
                self.calls += 1
            return answers

        return translate_in_lines(
            sentences, problems, self.per_request, ask, prefilled=True, on_split=self._split
        )

    def _split(self, size: int) -> None:
        self.realigned += 1
        log.info("%s: %d-line answer did not align; asking in halves", self.info.name, size)
