"""The instruct backend: a chat model (hub, local folder or GGUF file) translating one sentence per prompt.

Each sentence gets its own prompt (``prompts/translate.system.j2`` and ``translate.user.j2``), so the
output is aligned by construction: one answer per sentence, never merged or dropped. The Korean text
is placed only inside a fenced data block after the instructions, with anything that could close the
block neutralised, so an instruction inside an article cannot change the task. Prompts are batched
(left padding), decoding is greedy with a bounded length, and the answer is cleaned of chatter
("Translation:", echoed markers, surrounding quotes).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import ModelError
from brief.prompting import defuse_special_tokens  # re-exported: it used to live here

if TYPE_CHECKING:
    from brief.config import BriefConfig
    from brief.models import LoadedModel, ModelPool, ResolvedModel

__all__ = [
    "TRANSLATE_PROMPTS",
    "InstructBackend",
    "clean_answer",
    "defuse_special_tokens",
    "sentence_limit",
    "translation_messages",
]

log = logging.getLogger(__name__)

TRANSLATE_PROMPTS = ("translate.system.j2", "translate.user.j2")
STRICT_PROMPT = "translate.strict.j2"  # added to the instructions when a check rejected an answer
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


def _prompts_dir() -> Path:
    from brief.summarize.prompts import PROMPTS_DIR

    return PROMPTS_DIR


def translation_messages(
    sentence: str, directory: Path | None = None, problems: str = ""
) -> list[dict[str, str]]:
    """The chat messages (system, user) asking for the translation of one Korean sentence; with
    ``problems`` (why an earlier answer was rejected), the stricter instructions too."""
    from brief.summarize.prompts import neutralise, render_messages, render_prompt

    folder = directory or _prompts_dir()
    messages = render_messages(TRANSLATE_PROMPTS, {"sentence": neutralise(sentence)}, folder)
    if problems:
        strict = render_prompt(STRICT_PROMPT, {"problems": neutralise(problems)}, folder).strip()
        messages[0] = {**messages[0], "content": messages[0]["content"].rstrip() + "\n" + strict}
    return messages


def prompt_hash(directory: Path | None = None) -> str:
    """sha256 of the two translation templates, for the cache key and provenance."""
    folder = directory or _prompts_dir()
    digest = hashlib.sha256()
    for name in (*TRANSLATE_PROMPTS, STRICT_PROMPT):
        path = folder / name
        if not path.is_file():
            from brief.errors import PromptError

            raise PromptError(f"prompt template {path} is missing; reinstall brief")
        digest.update(path.read_bytes())
    return digest.hexdigest()


_LABEL = re.compile(r"^\s*(?:english(?: translation)?|translation)\s*[:：]\s*", re.IGNORECASE)
_MARKER = re.compile(r"<<<\s*(?:END\s+)?KOREAN\s*>>>", re.IGNORECASE)
_THINKING = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL)
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"))


def clean_answer(answer: str, source: str = "") -> str:
    """The translation inside a chat model's answer: first paragraph, labels, markers and wrapping
    quotes removed (quotes kept when the Korean itself is quoted)."""
    text = _THINKING.sub(" ", answer)  # reasoning models (Qwen3, DeepSeek-R1) think aloud first
    text = _MARKER.sub(" ", text.replace("<|im_end|>", " "))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if not paragraphs:
        return ""
    text = _LABEL.sub("", paragraphs[0]).strip()
    if not text and len(paragraphs) > 1:  # "Translation:" alone on its line
        text = paragraphs[1].strip()
    source_quoted = source.strip()[:1] in "\"“'‘「『"
    for opening, closing in _QUOTES:
        if not source_quoted and len(text) > 1 and text.startswith(opening) and text.endswith(closing):
            text = text[1:-1].strip()
    return " ".join(text.split())


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
        self.prompts_dir = prompts_dir or _prompts_dir()
        self.generate_overrides = dict(generate_overrides or {})
        self._prompt_hash = prompt_hash(self.prompts_dir)
        self._loaded: LoadedModel | None = None
        self._pool = pool
        self._tokenizer: Any = None
        self._max_input: int | None = None
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
        return tuple(
            (name, hashlib.sha256((self.prompts_dir / name).read_bytes()).hexdigest())
            for name in (*TRANSLATE_PROMPTS, STRICT_PROMPT)
        )

    @property
    def tokenizer(self) -> Any:
        if self._loaded is not None:
            return self._loaded.tokenizer
        if self._tokenizer is None:
            from brief.models import load_tokenizer

            self._tokenizer = load_tokenizer(self.resolved)
        return self._tokenizer

    @property
    def max_input_tokens(self) -> int:
        if self._max_input is None:
            from brief.models import max_input_tokens, read_config

            context = max_input_tokens(read_config(self.resolved), self.tokenizer)
            if getattr(self.tokenizer, "chat_template", None):
                instructions = self.prompt("")
            else:  # no template: loading will refuse the model; count the instructions alone
                instructions = "\n".join(m["content"] for m in translation_messages("", self.prompts_dir))
            prompt_tokens = len(self.tokenizer(instructions, add_special_tokens=False)["input_ids"])
            self._max_input = sentence_limit(context, prompt_tokens)
        return self._max_input

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(sentence, add_special_tokens=False)["input_ids"])

    def load(self) -> LoadedModel:
        """Load the chat model (once); ModelError when it has no chat template or is not a chat model."""
        if self._loaded is None:
            from brief.models import ModelPool

            pool = self._pool or ModelPool()
            self._loaded = pool.causal_lm(self.resolved, device=self.device, dtype=self.dtype)
            self._tokenizer = None
        return self._loaded

    def prompt(self, sentence: str, problems: str = "") -> str:
        """The full chat-formatted prompt for one sentence (the model's own chat template); with
        ``problems``, the stricter prompt for a sentence whose first answer a check rejected."""
        messages = translation_messages(
            defuse_special_tokens(sentence, self.tokenizer), self.prompts_dir, problems
        )
        text: str = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return text

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
                results[i] = clean_answer(answer, sentences[i])
        return results

    def _generate(
        self, loaded: LoadedModel, sentences: Sequence[str], problems: Sequence[str] | None = None
    ) -> list[str]:
        import torch

        tokenizer = loaded.tokenizer
        reasons = problems or [""] * len(sentences)
        prompts = [self.prompt(s, why) for s, why in zip(sentences, reasons, strict=True)]
        encoded = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(
            loaded.device
        )
        longest = max(self.count_tokens(s) for s in sentences)
        kwargs: dict[str, Any] = {
            "max_new_tokens": self.max_new_tokens or min(3 * longest + 32, 1024),
            "do_sample": False,
            "no_repeat_ngram_size": NO_REPEAT_NGRAM_SIZE,
            "pad_token_id": tokenizer.pad_token_id,
        }
        kwargs.update(self.generate_overrides)
        with torch.inference_mode():
            output = loaded.model.generate(**encoded, **kwargs)
        self.calls += 1
        new_tokens = output[:, encoded["input_ids"].shape[1] :]
        return list(tokenizer.batch_decode(new_tokens, skip_special_tokens=True))
