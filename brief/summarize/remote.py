"""The ``openai`` summarizer: the instruct summarizer's prompts, parsing and guard, with the answers
written by a model on an OpenAI-compatible server (``--summarizer openai:MODEL``).

A chat-completions request cannot portably start the answer for the model (the "prefill" the local
backend uses); the prompts already ask for the format, and an answer that starts with the prefill's
words has them removed so that the parser sees them once. Without the server's tokenizer, prompt
lengths are estimated (three characters a token, an overestimate for English) against a context of
REMOTE_CONTEXT tokens, the smallest default of the common servers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brief.config import BriefConfig
from brief.prompting import AnswerSlot
from brief.records import ModelInfo
from brief.remote import ChatClient, public_url, server_settings
from brief.summarize.extractive import ExtractiveSummarizer
from brief.summarize.guard import GuardMode
from brief.summarize.instruct import DEFAULT_MAX_NEW_TOKENS, MAX_BATCH, MAX_NEW_TOKENS_CAP, InstructSummarizer
from brief.summarize.prompts import PROMPTS_DIR, prompt_hashes
from brief.translate.lines import BLOCK_MARKER

__all__ = ["REMOTE_CONTEXT", "OpenAISummarizer"]

REMOTE_CONTEXT = 4096  # Ollama's default context; llama.cpp's server and vLLM default to more
CHARS_PER_TOKEN = 3


class OpenAISummarizer(InstructSummarizer):
    """Briefs written by a model on an OpenAI-compatible server, parsed and checked like the local ones."""

    def __init__(
        self,
        model: str,
        config: BriefConfig,
        *,
        allowed: Sequence[str] = (),
        guard: GuardMode = "mark",
        prompts_dir: Path = PROMPTS_DIR,
        cache: Any = None,
        client: ChatClient | None = None,
    ) -> None:
        settings = server_settings(config)
        self.client = client or ChatClient(model, settings, role="summarization")
        self.model = model
        self.api_base = public_url(settings.base_url.rstrip("/"))
        self.resolved = None
        self.lazy = None  # type: ignore[assignment]  # no local model: the server has it
        self.info = ModelInfo(role="summarization", name=f"{model} @ {self.api_base}", backend="openai")
        self.extractive = ExtractiveSummarizer(allowed=allowed, guard=guard)
        self.guard = guard
        self.prompts_dir = prompts_dir
        self.prompt_hashes = prompt_hashes(prompts_dir)
        self.max_new_tokens = min(config.max_new_tokens or DEFAULT_MAX_NEW_TOKENS, MAX_NEW_TOKENS_CAP)
        # requests in flight together: the server batches them, not us
        self.batch_size = max(1, config.concurrency, min(config.batch_size, MAX_BATCH))
        self.cache = cache
        self.generated = 0

    @property
    def in_flight_articles(self) -> int:
        """Articles one ``summarize_all`` call needs to keep every concurrent request busy."""
        return self.client.settings.concurrency

    @property
    def context(self) -> int:
        return REMOTE_CONTEXT

    def chat_text(self, messages: list[dict[str, str]], prefill: str = "") -> str:
        """The request as text (messages and the expected start of the answer): the cache key and what
        ``_generate_batch`` sends."""
        return json.dumps({"messages": messages, "prefill": prefill}, ensure_ascii=False, sort_keys=True)

    def _length(self, text: str) -> int:
        return len(text) // CHARS_PER_TOKEN + 1

    def _signature(self) -> str:
        prompts = "".join(h for _, h in self.prompt_hashes)
        return f"summary|openai|api_base={self.api_base}|model={self.model}|prompts={prompts[:64]}|" + (
            f"max_new_tokens={self.max_new_tokens}|decoding=temperature=0,seed"
        )

    def slot(self, base: AnswerSlot) -> AnswerSlot:
        """``base`` ending only at a block marker or its last line: the answer is not prefilled, so a
        line before its first LEDE may be a preamble (the parser skips it), not a second brief; the
        server ends the turn at its own marker."""
        return AnswerSlot(base.prefill, stop=(BLOCK_MARKER,), last_line=base.last_line)

    def _run_batch(self, batch: Sequence[str], slot: AnswerSlot) -> list[str]:
        slot = self.slot(slot)
        requests = [json.loads(text) for text in batch]
        answers = self.client.complete_many(
            [(r["messages"], self.max_new_tokens) for r in requests], stop=slot.stop
        )
        return [slot.trim(_after_prefill(a, r["prefill"])) for a, r in zip(answers, requests, strict=True)]


def _after_prefill(answer: str, prefill: str) -> str:
    """The part of ``answer`` after the prefill's words when it repeats them, else a fresh line
    after the prefill (the parser then reads the answer from its first line)."""
    text = answer.lstrip()
    if prefill and text.startswith(prefill.strip()):
        return text[len(prefill.strip()) :]
    return ("\n" if prefill else "") + text
