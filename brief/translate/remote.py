"""The ``openai`` translation backend: a model on an OpenAI-compatible server, several sentences a request.

Sentences go as numbered lines (``prompts/translate_lines.*``, with one worked example as an earlier
turn); the answer must have exactly the same numbered lines in order. An answer that does not align
(a line missing, merged, added, or chatter between them) is not guessed at: the batch is split in two
and each half asked again, down to one sentence, whose answer is then taken from its "1." line (or
cleaned of labels and quotes when it has none). Requests run ``concurrency`` at a time, so a server
with continuous batching (vLLM, TGI, llama.cpp with ``--parallel``) stays busy.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from brief.records import ModelInfo
from brief.remote import ChatClient, ServerSettings, public_url
from brief.translate.instruct import MAX_SENTENCE_TOKENS
from brief.translate.lines import (
    BLOCK_MARKER,
    LINES_PROMPTS,
    NumberedLinesBackend,
    lines_messages,
    parse_numbered,
    prompt_hash,
    prompt_hashes,
    translate_in_lines,
)
from brief.translate.lines import (
    prompts_dir as default_prompts_dir,
)

__all__ = ["LINES_PROMPTS", "OpenAIBackend", "parse_numbered", "public_url"]

log = logging.getLogger(__name__)

_STOP = (BLOCK_MARKER,)  # the model starting a block marker has left its slot


class OpenAIBackend(NumberedLinesBackend):
    """A SentenceBackend on an OpenAI-compatible server (``--mt-model openai:MODEL``)."""

    def __init__(
        self,
        model: str,
        settings: ServerSettings,
        *,
        per_request: int = 8,
        max_new_tokens: int | None = None,
        prompts_dir: Path | None = None,
        client: ChatClient | None = None,
    ) -> None:
        """``per_request``: sentences per request (1: one sentence a request). ``max_new_tokens``: the cap
        per sentence (default: twice the sentence's characters plus 16, at most 512)."""
        self.client = client or ChatClient(model, settings, role="translation")
        self.model = model
        self.api_base = public_url(settings.base_url.rstrip("/"))
        self.per_request = max(1, per_request)
        self.max_new_tokens = max_new_tokens
        self.prompts_dir = prompts_dir or default_prompts_dir()
        self._prompt_hash = prompt_hash(self.prompts_dir)
        self.info = ModelInfo(role="translation", name=f"{model} @ {self.api_base}", backend="openai")
        self.realigned = 0  # batches split again because their answer did not align, for tests

    # ------------------------------------------------------------ SentenceBackend
    @property
    def settings(self) -> Mapping[str, str]:
        return {
            "api_base": self.api_base,
            "prompt": self._prompt_hash[:16],
            "per_request": str(self.per_request),
            "decoding": "temperature=0,seed",
            "max_new_tokens": str(self.max_new_tokens or "2c+16"),
        }

    @property
    def prompt_hashes(self) -> tuple[tuple[str, str], ...]:
        """(template, sha256) of each translation prompt, for the digest's provenance."""
        return prompt_hashes(self.prompts_dir)

    @property
    def in_flight_sentences(self) -> int:
        """Sentences a batch needs to keep every concurrent request busy (the translator's batch is at
        least this)."""
        return self.per_request * self.client.settings.concurrency

    @property
    def max_input_tokens(self) -> int:
        return MAX_SENTENCE_TOKENS

    def count_tokens(self, sentence: str) -> int:
        """An upper estimate without the server's tokenizer: one token per character."""
        return len(sentence)

    def messages(self, sentences: Sequence[str], problems: str = "") -> list[dict[str, str]]:
        """The chat messages for ``sentences``: instructions, the worked example, then the sentences.
        ``problems`` (why an earlier answer was rejected) asks for the stricter prompt."""
        return lines_messages(sentences, self.prompts_dir, problems)

    def max_tokens(self, sentences: Sequence[str]) -> int:
        """The answer's token budget: per sentence ``max_new_tokens`` or 2 x its characters + 16."""
        per = [self.max_new_tokens or min(2 * len(s) + 16, 512) for s in sentences]
        return sum(per) + 4 * len(sentences)  # the line numbers

    def translate_checked(self, sentences: Sequence[str], problems: Mapping[int, str]) -> list[str]:
        """Like translate_batch; sentences with ``problems`` (index -> why) get the stricter prompt,
        one a request."""

        def ask(requests: Sequence[tuple[list[str], str]]) -> list[str]:
            asked = [(self.messages(group, why), self.max_tokens(group)) for group, why in requests]
            return self.client.complete_many(asked, stop=_STOP)

        return translate_in_lines(sentences, problems, self.per_request, ask, on_split=self._split)

    def _split(self, size: int) -> None:
        self.realigned += 1
        log.info("%s: %d-line answer did not align; asking in halves", self.model, size)
