"""The ``openai`` translation backend: a model on an OpenAI-compatible server, several sentences a request.

Sentences go as numbered lines (``prompts/translate_lines.*``, with one worked example as an earlier
turn); the answer must have exactly the same numbered lines in order. An answer that does not align
(a line missing, merged, added, or chatter between them) is not guessed at: the batch is split in two
and each half asked again, down to one sentence, whose answer is then taken from its "1." line (or
cleaned of labels and quotes when it has none). Requests run ``concurrency`` at a time, so a server
with continuous batching (vLLM, TGI, llama.cpp with ``--parallel``) stays busy.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from brief.records import ModelInfo
from brief.remote import ChatClient, ServerSettings, public_url
from brief.translate.instruct import MAX_SENTENCE_TOKENS, STRICT_PROMPT, clean_answer

__all__ = ["LINES_PROMPTS", "OpenAIBackend", "parse_numbered", "public_url"]

log = logging.getLogger(__name__)

LINES_PROMPTS = ("translate_lines.system.j2", "translate_lines.user.j2")
LINES_EXAMPLE = "translate_lines.example.txt"
_NUMBERED = re.compile(r"^\s*(?:\*\*)?(\d{1,3})(?:\*\*)?\s*[.):]\s*(.*?)\s*$")
_STOP = ("<<<",)  # the model starting a block marker has left its slot


def _prompts_dir() -> Path:
    from brief.summarize.prompts import PROMPTS_DIR

    return PROMPTS_DIR


def parse_numbered(answer: str, sources: Sequence[str]) -> list[str] | None:
    """The numbered lines of ``answer`` ("1. ...", ..., "n. ..."), one per source sentence, or None when
    the answer does not have exactly those lines, in order, and nothing else (a one-sentence answer
    without a number is taken whole, cleaned)."""
    n = len(sources)
    lines = [line for line in answer.splitlines() if line.strip()]
    found: list[str] = []
    for line in lines:
        match = _NUMBERED.match(line)
        if match is None or int(match.group(1)) != len(found) + 1:
            if n == 1 and not found:
                return [clean_answer(answer, sources[0])] if answer.strip() else None
            return None
        found.append(match.group(2))
    if len(found) != n:
        return None
    return [clean_answer(text, source) for text, source in zip(found, sources, strict=True)]


class OpenAIBackend:
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
        self.prompts_dir = prompts_dir or _prompts_dir()
        self._prompt_hash = self._hash_prompts()
        self.info = ModelInfo(role="translation", name=f"{model} @ {self.api_base}", backend="openai")
        self.realigned = 0  # batches split again because their answer did not align, for tests

    def _hash_prompts(self) -> str:
        digest = hashlib.sha256()
        for name in (*LINES_PROMPTS, LINES_EXAMPLE, STRICT_PROMPT):
            path = self.prompts_dir / name
            if not path.is_file():
                from brief.errors import PromptError

                raise PromptError(f"prompt template {path} is missing; reinstall brief")
            digest.update(path.read_bytes())
        return digest.hexdigest()

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
        return tuple(
            (name, hashlib.sha256((self.prompts_dir / name).read_bytes()).hexdigest())
            for name in (*LINES_PROMPTS, LINES_EXAMPLE, STRICT_PROMPT)
        )

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
        from brief.summarize.prompts import neutralise, render_prompt

        system_file, user_file = LINES_PROMPTS
        example = self._example()
        system = render_prompt(system_file, {}, self.prompts_dir).strip()
        if problems:
            system += "\n" + render_prompt(STRICT_PROMPT, {"problems": problems}, self.prompts_dir).strip()
        shown = render_prompt(user_file, {"sentences": [ko for ko, _ in example]}, self.prompts_dir).strip()
        answer = "\n".join(f"{i}. {en}" for i, (_, en) in enumerate(example, 1))
        asked = render_prompt(user_file, {"sentences": [neutralise(s) for s in sentences]}, self.prompts_dir)
        return [
            {"role": "system", "content": system},
            {"role": "user", "content": shown},
            {"role": "assistant", "content": answer},
            {"role": "user", "content": asked.strip()},
        ]

    def _example(self) -> list[tuple[str, str]]:
        text = (self.prompts_dir / LINES_EXAMPLE).read_text(encoding="utf-8")
        pairs = [line.split("\t", 1) for line in text.splitlines() if "\t" in line]
        return [(ko.strip(), en.strip()) for ko, en in pairs]

    def max_tokens(self, sentences: Sequence[str]) -> int:
        """The answer's token budget: per sentence ``max_new_tokens`` or 2 x its characters + 16."""
        per = [self.max_new_tokens or min(2 * len(s) + 16, 512) for s in sentences]
        return sum(per) + 4 * len(sentences)  # the line numbers

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        return self.translate_checked(sentences, {})

    def translate_strict(self, sentences: Sequence[str], problems: Sequence[str]) -> list[str]:
        """Translations of sentences a check rejected (``problems``: why), with the stricter prompt."""
        return self.translate_checked(sentences, dict(enumerate(problems)))

    def translate_checked(self, sentences: Sequence[str], problems: Mapping[int, str]) -> list[str]:
        """Like translate_batch; sentences with ``problems`` (index -> why) get the stricter prompt,
        one a request."""
        results: list[str | None] = [None] * len(sentences)
        pending = [[i] for i in problems]
        plain = [i for i in range(len(sentences)) if i not in problems]
        pending += [plain[k : k + self.per_request] for k in range(0, len(plain), self.per_request)]
        while pending:
            requests = [
                (
                    self.messages([sentences[i] for i in group], problems.get(group[0], "")),
                    self.max_tokens([sentences[i] for i in group]),
                )
                for group in pending
            ]
            answers = self.client.complete_many(requests, stop=_STOP)
            again: list[list[int]] = []
            for group, answer in zip(pending, answers, strict=True):
                lines = parse_numbered(answer, [sentences[i] for i in group])
                if lines is None and len(group) > 1:
                    self.realigned += 1
                    log.info("%s: %d-line answer did not align; asking in halves", self.model, len(group))
                    half = len(group) // 2
                    again += [group[:half], group[half:]]
                    continue
                for i, line in zip(group, lines or [""], strict=True):
                    results[i] = line
            pending = again
        return [r or "" for r in results]
