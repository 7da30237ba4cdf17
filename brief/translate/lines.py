"""The numbered-lines translation prompt every chat-model translator shares (local instruct, llama.cpp,
OpenAI-compatible servers): instructions, one worked example as an earlier turn, the Korean sentences
as numbered lines; the answer's slot (prefilled with "1." where the backend can start the answer,
ending at the line after the last sentence's or at a block marker), and its strict parsing.

An answer is read only from its slot: exactly the numbered lines "1. ...", ..., "n. ...", in order.
Text after the n-th line is outside the slot and dropped; a missing, merged or out-of-order line makes
the whole answer unaligned (None), and the caller asks again in smaller batches.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from brief.errors import PromptError
from brief.prompting import AnswerSlot

__all__ = [
    "LINES_EXAMPLE",
    "LINES_PROMPTS",
    "PREFILL",
    "PROMPT_FILES",
    "STRICT_PROMPT",
    "NumberedLinesBackend",
    "answer_slot",
    "clean_answer",
    "lines_messages",
    "parse_numbered",
    "prompt_hash",
    "prompt_hashes",
    "prompts_dir",
    "read_example",
    "translate_in_lines",
]

log = logging.getLogger(__name__)

# asks a model for the answers to requests, each (sentences, problems): one answer text per request
Ask = Callable[[Sequence[tuple[list[str], str]]], list[str]]

LINES_PROMPTS = ("translate_lines.system.j2", "translate_lines.user.j2")
LINES_EXAMPLE = "translate_lines.example.txt"  # Korean <TAB> English, one pair a line
STRICT_PROMPT = "translate.strict.j2"  # added to the instructions when a check rejected an answer
PROMPT_FILES = (*LINES_PROMPTS, LINES_EXAMPLE, STRICT_PROMPT)
PREFILL = "1."  # the answer's first line number, written for the model where the backend allows it
BLOCK_MARKER = "<<<"  # a model that starts a block marker has left its slot
_NUMBERED = re.compile(r"^\s*(?:\*\*)?(\d{1,3})(?:\*\*)?\s*[.):]\s*(.*?)\s*$")


def prompts_dir() -> Path:
    """The folder of brief's own prompt files."""
    from brief.summarize.prompts import PROMPTS_DIR

    return PROMPTS_DIR


def prompt_hashes(directory: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(file, sha256) of each translation prompt file, for the digest's provenance; PromptError when one
    is missing."""
    folder = directory or prompts_dir()
    out = []
    for name in PROMPT_FILES:
        path = folder / name
        if not path.is_file():
            raise PromptError(f"prompt template {path} is missing; reinstall brief")
        out.append((name, hashlib.sha256(path.read_bytes()).hexdigest()))
    return tuple(out)


def prompt_hash(directory: Path | None = None) -> str:
    """One sha256 over every translation prompt file, for cache keys and settings."""
    return hashlib.sha256("".join(h for _, h in prompt_hashes(directory)).encode()).hexdigest()


def read_example(directory: Path | None = None) -> list[tuple[str, str]]:
    """The worked example's (Korean, English) pairs."""
    path = (directory or prompts_dir()) / LINES_EXAMPLE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PromptError(f"prompt file {path} cannot be read ({error}); reinstall brief") from None
    pairs = [line.split("\t", 1) for line in text.splitlines() if "\t" in line]
    if not pairs:
        raise PromptError(f"{path}: needs at least one 'Korean<TAB>English' line")
    return [(ko.strip(), en.strip()) for ko, en in pairs]


def lines_messages(
    sentences: Sequence[str], directory: Path | None = None, problems: str = ""
) -> list[dict[str, str]]:
    """The chat messages for ``sentences``: instructions, the worked example (a user turn and its
    answer), then the sentences as numbered lines inside the data block (neutralised, so no sentence can
    close it). ``problems`` (why an earlier answer was rejected) adds the stricter instructions."""
    from brief.summarize.prompts import neutralise, render_prompt

    folder = directory or prompts_dir()
    system_file, user_file = LINES_PROMPTS
    example = read_example(folder)
    system = render_prompt(system_file, {}, folder).strip()
    if problems:
        system += "\n" + render_prompt(STRICT_PROMPT, {"problems": neutralise(problems)}, folder).strip()
    shown = render_prompt(user_file, {"sentences": [ko for ko, _ in example]}, folder).strip()
    answer = "\n".join(f"{i}. {en}" for i, (_, en) in enumerate(example, 1))
    asked = render_prompt(user_file, {"sentences": [neutralise(s) for s in sentences]}, folder)
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": shown},
        {"role": "assistant", "content": answer},
        {"role": "user", "content": asked.strip()},
    ]


def answer_slot(n: int, prefill: str = PREFILL) -> AnswerSlot:
    """The slot of an answer to ``n`` sentences: it ends with the n-th numbered line (or where line
    n + 1 or a block marker starts)."""
    return AnswerSlot(
        prefill=prefill, stop=(f"\n{n + 1}.", BLOCK_MARKER), last_line=rf"(?:\*\*)?{n}(?:\*\*)?\s*[.):]"
    )


def parse_numbered(answer: str, sources: Sequence[str], *, prefilled: bool = False) -> list[str] | None:
    """The numbered lines of ``answer`` ("1. ...", ..., "n. ..."), one per source sentence, cleaned; None
    when the answer does not have exactly those lines, in order.

    ``prefilled``: the answer started in the slot (it holds the prefill), so lines after the n-th are
    outside the slot and dropped, and an answer without numbers is never taken. Otherwise (a server's
    answer) nothing else may come between or after the lines, and a one-sentence answer without a
    number is taken whole, cleaned.
    """
    n = len(sources)
    lines = [line for line in answer.splitlines() if line.strip()]
    found: list[str] = []
    for line in lines:
        if prefilled and len(found) == n:
            break
        match = _NUMBERED.match(line)
        if match is None or int(match.group(1)) != len(found) + 1:
            if n == 1 and not found and not prefilled:
                return [clean_answer(answer, sources[0])] if answer.strip() else None
            return None
        found.append(match.group(2))
    if len(found) != n:
        return None
    return [clean_answer(text, source) for text, source in zip(found, sources, strict=True)]


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


def translate_in_lines(
    sentences: Sequence[str],
    problems: Mapping[int, str],
    per_request: int,
    ask: Ask,
    *,
    prefilled: bool = False,
    on_split: Callable[[int], None] | None = None,
) -> list[str]:
    """Translations of ``sentences``, ``per_request`` numbered lines a request; sentences with
    ``problems`` (index -> why an earlier answer was rejected) go one a request, with that reason.

    ``ask`` answers a list of requests at once (a server answers them concurrently). An answer that does
    not align is never guessed at: its batch is asked again in halves (``on_split(size)`` is told), down
    to one sentence, whose unreadable answer becomes "" (the check then flags it).
    """
    results: list[str | None] = [None] * len(sentences)
    step = max(1, per_request)
    pending = [[i] for i in problems]
    plain = [i for i in range(len(sentences)) if i not in problems]
    pending += [plain[k : k + step] for k in range(0, len(plain), step)]
    while pending:
        answers = ask([([sentences[i] for i in group], problems.get(group[0], "")) for group in pending])
        again: list[list[int]] = []
        for group, answer in zip(pending, answers, strict=True):
            lines = parse_numbered(answer, [sentences[i] for i in group], prefilled=prefilled)
            if lines is None and len(group) > 1:
                if on_split is not None:
                    on_split(len(group))
                half = len(group) // 2
                again += [group[:half], group[half:]]
                continue
            for i, line in zip(group, lines or [""], strict=True):
                results[i] = line
        pending = again
    return [r or "" for r in results]


class NumberedLinesBackend:
    """What the chat backends that ask for numbered lines share: a batch is one call of
    ``translate_checked`` with no problems; the stricter retry passes each sentence's problem."""

    def translate_checked(self, sentences: Sequence[str], problems: Mapping[int, str]) -> list[str]:
        raise NotImplementedError

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        return self.translate_checked(sentences, {})

    def translate_strict(self, sentences: Sequence[str], problems: Sequence[str]) -> list[str]:
        """Translations of sentences a check rejected (``problems``: why), with the stricter prompt."""
        return self.translate_checked(sentences, dict(enumerate(problems)))
