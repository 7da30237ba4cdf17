"""The ``llamacpp`` summarizer: the instruct summarizer's prompts, slots, parsing, guard and answer cache,
with the answers written by a GGUF model in llama.cpp (``pip install "brief[llamacpp]"``).

The model is loaded into the run's ModelPool, so a translator naming the same GGUF file shares it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brief.config import BriefConfig
from brief.prompting import AnswerSlot
from brief.summarize.guard import GuardMode
from brief.summarize.instruct import InstructSummarizer
from brief.summarize.prompts import PROMPTS_DIR

__all__ = ["LlamaCppSummarizer"]


class LlamaCppSummarizer(InstructSummarizer):
    """Briefs written by a GGUF chat model in llama.cpp, parsed and checked like the other chat models'."""

    def __init__(
        self,
        resolved: Any,
        config: BriefConfig,
        *,
        allowed: Sequence[str] = (),
        guard: GuardMode = "mark",
        prompts_dir: Path = PROMPTS_DIR,
        pool: Any = None,
        cache: Any = None,
    ) -> None:
        from brief.errors import ModelError
        from brief.llama import INSTALL_HINT, available
        from brief.models import LazyModel

        if not available():
            raise ModelError(INSTALL_HINT)
        super().__init__(
            resolved, config, allowed=allowed, guard=guard, prompts_dir=prompts_dir, pool=pool, cache=cache
        )
        self.lazy = LazyModel(resolved, "llamacpp", pool=pool)
        self.info = dataclasses.replace(self.info, backend="llamacpp")
        self.batch_size = 1  # llama.cpp runs one sequence at a time here

    def _signature(self) -> str:
        return super()._signature() + "|engine=llama.cpp"

    def _run_batch(self, batch: Sequence[str], slot: AnswerSlot) -> list[str]:
        from brief.llama import complete

        model = self.loaded
        slot = self.slot(slot)
        return [complete(model, prompt, slot, self.max_new_tokens) for prompt in batch]
