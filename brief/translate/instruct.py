"""The instruct backend: a chat model (hub, local folder or GGUF file) translating one sentence per prompt.

Each sentence gets its own prompt (the numbered-lines prompt of ``brief.translate.lines``, with its
worked example), so the output is aligned by construction: one answer per sentence, never merged or
dropped. The Korean text is placed only inside a fenced data block after the instructions, with
anything that could close the block neutralised, so an instruction inside an article cannot change the
task. The answer is prefilled with "1.", generation stops at the end of that line (or at a block
marker or a new turn), and the translation is read from that line only. Prompts are batched (left
padding), decoding is greedy with a bounded length.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import ModelError
from brief.prompting import AnswerSlot, defuse_special_tokens, turn_stops
from brief.translate.lines import (
    PROMPT_FILES,
    STRICT_PROMPT,
    answer_slot,
    clean_answer,
    lines_messages,
    parse_numbered,
    prompt_hash,
    prompt_hashes,
)
from brief.translate.lines import (
    prompts_dir as _default_prompts_dir,
)

if TYPE_CHECKING:
    from brief.config import BriefConfig
    from brief.models import LoadedModel, ModelPool, ResolvedModel

__all__ = [
    "STRICT_PROMPT",
    "TRANSLATE_PROMPTS",
    "InstructBackend",
    "clean_answer",
    "defuse_special_tokens",
    "sentence_limit",
    "translation_messages",
]

log = logging.getLogger(__name__)

TRANSLATE_PROMPTS = PROMPT_FILES  # the prompt files of every chat-model translator
MAX_SENTENCE_TOKENS = 384  # longer sentences are split by the caller: short prompts translate better
NO_REPEAT_NGRAM_SIZE = 6  # chat models repeat short phrases legitimately; a 6-gram repeat is a loop
MIN_SENTENCE_TOKENS = 64  # below this a context is too small for translation prompts at all


def sentence_limit(context: int, prompt_tokens: int) -> int:
    """The longest sentence (in tokens) that fits one prompt: the instructions (``prompt_tokens``), the
    sentence (n) and its answer (at most 3n + 32) within ``context``; at most MAX_SENTENCE_TOKENS.

    Raises ModelError when the context cannot take even a MIN_SENTENCE_TOKENS sentence, rather than
    cutting every sentence into fragments.
    """
    room = (context - prompt_tokens - 32) // 4
    if room < MIN_SENTENCE_TOKENS:
        raise ModelError(
            f"the model's context of {context} tokens leaves room for sentences of only {max(room, 0)} "
            f"tokens after the {prompt_tokens}-token instructions; use a model with a longer context"
        )
    return min(MAX_SENTENCE_TOKENS, room)


def translation_messages(
    sentence: str, directory: Path | None = None, problems: str = ""
) -> list[dict[str, str]]:
    """The chat messages asking for the translation of one Korean sentence (instructions, the worked
    example, the sentence); with ``problems`` (why an earlier answer was rejected), the stricter
    instructions too."""
    return lines_messages([sentence], directory, problems)


class InstructBackend:
    """Translates batches of Korean sentences with a chat model, one prompt each (a SentenceBackend)."""

    def __init__(
        self,
        resolved: ResolvedModel,
        *,
        device: str = "auto",
        dtype: str = "auto",
        max_new_tokens: int | None = None,
        micro_batch: int = 16,
        prompts_dir: Path | None = None,
        generate_overrides: Mapping[str, Any] | None = None,
        pool: ModelPool | None = None,
    ) -> None:
        """``max_new_tokens`` None: three times the sentence's tokens plus 32 (capped at 1,024).
        ``micro_batch``: prompts per ``generate`` call. ``generate_overrides`` go to generate last.
        ``pool``: where the model is loaded, shared with a summarizer naming the same model."""
        from brief.models import model_kind

        if model_kind(resolved) != "instruct":
            raise ModelError(
                f"'{resolved.name}' is an encoder-decoder translation model, not a chat model; "
                "use --mt-backend seq2seq (or auto) for it"
            )
        self.resolved = resolved
        self.info = resolved.info("instruct")
        self.device = device
        self.dtype = dtype
        self.max_new_tokens = max_new_tokens
        self.micro_batch = max(1, micro_batch)
        self.prompts_dir = prompts_dir or _default_prompts_dir()
        self.generate_overrides = dict(generate_overrides or {})
        self._prompt_hash = prompt_hash(self.prompts_dir)
        from brief.models import LazyModel

        self.lazy = LazyModel(resolved, "instruct", device=device, dtype=dtype, pool=pool)
        self._max_input: int | None = None
        self._turn: tuple[str, ...] | None = None  # the chat template's new-turn marker, once read
        self.calls = 0  # model.generate calls, for tests and benchmarks

    @classmethod
    def from_config(
        cls, resolved: ResolvedModel, config: BriefConfig, pool: ModelPool | None = None
    ) -> InstructBackend:
        return cls(
            resolved,
            device=config.device,
            dtype=config.dtype,
            max_new_tokens=config.max_new_tokens,
            micro_batch=min(config.batch_size, 16),
            pool=pool,
        )

    # ------------------------------------------------------------ SentenceBackend
    @property
    def settings(self) -> Mapping[str, str]:
        settings = {
            "prompt": self._prompt_hash[:16],
            "decoding": "greedy",
            "slot": "1.-line",
            "no_repeat_ngram_size": str(NO_REPEAT_NGRAM_SIZE),
            "max_new_tokens": str(self.max_new_tokens or "3x+32"),
        }
        if self.resolved.gguf_file:
            settings["gguf_file"] = self.resolved.gguf_file
        settings.update({f"generate.{k}": repr(v) for k, v in sorted(self.generate_overrides.items())})
        return settings

    @property
    def prompt_hashes(self) -> tuple[tuple[str, str], ...]:
        """(template, sha256) of each translation prompt, for the digest's provenance."""
        return prompt_hashes(self.prompts_dir)

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer (loaded alone until the model is)."""
        return self.lazy.tokenizer

    @property
    def max_input_tokens(self) -> int:
        if self._max_input is None:
            if getattr(self.tokenizer, "chat_template", None):
                instructions = self.prompt("")
            else:  # no template: loading will refuse the model; count the instructions alone
                instructions = "\n".join(m["content"] for m in translation_messages("", self.prompts_dir))
            prompt_tokens = len(self.tokenizer(instructions, add_special_tokens=False)["input_ids"])
            self._max_input = sentence_limit(self.lazy.context, prompt_tokens)
        return self._max_input

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(sentence, add_special_tokens=False)["input_ids"])

    def load(self) -> LoadedModel:
        """Load the chat model (once); ModelError when it has no chat template or is not a chat model."""
        return self.lazy.load()

    @property
    def slot(self) -> AnswerSlot:
        """Where the answer goes: the line "1. ...", ended by line 2, a block marker or a new turn."""
        if self._turn is None:
            self._turn = turn_stops(self.tokenizer)
        return answer_slot(1).with_stops(self._turn)

    def prompt(self, sentence: str, problems: str = "") -> str:
        """The full chat-formatted prompt for one sentence (the model's own chat template), ending with
        the answer's prefill "1."; with ``problems``, the stricter prompt for a sentence whose first
        answer a check rejected."""
        messages = translation_messages(
            defuse_special_tokens(sentence, self.tokenizer), self.prompts_dir, problems
        )
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return str(text) + self.slot.prefill

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        return self._translate(sentences, [""] * len(sentences))

    def translate_strict(self, sentences: Sequence[str], problems: Sequence[str]) -> list[str]:
        """Translations of sentences a check rejected (``problems``: why), with the stricter prompt."""
        return self._translate(sentences, list(problems))

    def _translate(self, sentences: Sequence[str], problems: Sequence[str]) -> list[str]:
        if not sentences:
            return []
        from brief.batching import run_in_halves

        loaded = self.load()
        why = {s: p for s, p in zip(sentences, problems, strict=True) if p}
        # similar lengths together, so little padding; results go back in the caller's order
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        results: list[str] = [""] * len(sentences)
        for start in range(0, len(order), self.micro_batch):
            chunk = order[start : start + self.micro_batch]
            answers = run_in_halves(
                [sentences[i] for i in chunk],
                lambda batch: (
                    self._generate(loaded, batch, problems=[why.get(s, "") for s in batch])
                    if why
                    else self._generate(loaded, batch)
                ),
                model=self.info.name,
                device=loaded.device,
                task="translating one sentence",
            )
            for i, answer in zip(chunk, answers, strict=True):
                results[i] = self.read_slot(answer, sentences[i])
        return results

    def read_slot(self, generated: str, sentence: str) -> str:
        """The translation in the answer's slot (its "1." line), or "" when the slot holds none."""
        lines = parse_numbered(self.slot.text(generated), [sentence], prefilled=True)
        return lines[0] if lines else ""

    def _generate(
        self, loaded: LoadedModel, sentences: Sequence[str], problems: Sequence[str] | None = None
    ) -> list[str]:
        from brief.generation import generate_in_slot

        reasons = problems or [""] * len(sentences)
        prompts = [self.prompt(s, why) for s, why in zip(sentences, reasons, strict=True)]
        longest = max(self.count_tokens(s) for s in sentences)
        overrides = {"no_repeat_ngram_size": NO_REPEAT_NGRAM_SIZE, **self.generate_overrides}
        answers = generate_in_slot(
            loaded, prompts, self.slot, self.max_new_tokens or min(3 * longest + 32, 1024), overrides
        )
        self.calls += 1
        return answers
