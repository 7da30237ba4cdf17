"""Stub sentence backends for the translation tests (no model needed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from brief.records import ModelInfo


class StubBackend:
    """Translates each sentence with ``rule`` (default: "EN[<sentence>]"), counting calls."""

    def __init__(
        self,
        rule: Callable[[str], str] | None = None,
        max_input_tokens: int = 512,
        settings: Mapping[str, str] | None = None,
    ) -> None:
        self.info = ModelInfo(role="translation", name="stub", backend="stub")
        self.max_input_tokens = max_input_tokens
        self.settings = dict(settings or {})
        self.rule = rule or (lambda s: f"EN[{s}]")
        self.calls = 0
        self.sentences: list[str] = []
        self.batches: list[list[str]] = []

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        self.calls += 1
        self.batches.append(list(sentences))
        self.sentences += sentences
        return [self.rule(s) for s in sentences]

    def count_tokens(self, sentence: str) -> int:
        return len(sentence.split()) + 1  # one token per word, plus </s>


PLACEHOLDER = re.compile(r"ZX\d+Q")


def keep_placeholders(sentence: str) -> str:
    """A perfect model: the placeholders, in order, inside English filler."""
    return "It says " + " and ".join(PLACEHOLDER.findall(sentence)) + "."
