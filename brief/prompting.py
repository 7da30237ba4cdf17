"""What every chat-model prompt shares: untrusted text kept from becoming control tokens, and the answer's
fixed slot (the text it starts with, the strings and the line that end it).

Used by the chat-model translators (``brief.translate.instruct``, ``.llamacpp``, ``.remote``) and
summarizers (``brief.summarize.instruct`` and its subclasses). No torch or transformers import: it only
reads the tokenizer it is given.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["AnswerSlot", "defuse_special_tokens", "turn_stops"]


def defuse_special_tokens(text: str, tokenizer: Any) -> str:
    """``text`` without the model's special-token strings (``<|im_start|>``, ``</s>``, ...): the prompt is
    tokenized as a whole, so such a string in an article would become a real chat-turn marker."""
    specials = {str(t) for t in getattr(tokenizer, "all_special_tokens", ())}
    added = getattr(tokenizer, "added_tokens_decoder", {}) or {}
    specials |= {t.content for t in added.values() if getattr(t, "special", False)}
    for token in sorted((t for t in specials if t), key=len, reverse=True):
        text = text.replace(token, " ")  # a space, so removing one token cannot join the halves of another
    return text


@dataclass(frozen=True)
class AnswerSlot:
    """The fixed place of a model's answer: it starts with ``prefill`` (written at the end of the prompt,
    so the model continues it), and ends at the first of ``stop`` (a delimiter the model should never
    write, a new turn) or at the end of the first line matching ``last_line`` (a regular expression
    matched at the start of a line, case-insensitive). Whatever comes after is outside the slot and is
    never used."""

    prefill: str
    stop: tuple[str, ...] = ()
    last_line: str | None = None

    def with_stops(self, stops: tuple[str, ...]) -> AnswerSlot:
        """This slot, also ending at ``stops`` (e.g. the model's new-turn marker)."""
        extra = tuple(s for s in stops if s and s not in self.stop)
        return dataclasses.replace(self, stop=(*self.stop, *extra))

    def end(self, generated: str) -> int | None:
        """Where the slot ends in ``generated`` (the text after the prefill), or None while it is open."""
        ends = [i for i in (generated.find(s) for s in self.stop) if i >= 0]
        if self.last_line is not None:
            text = self.prefill + generated
            closing = re.search(rf"^[ \t]*(?:{self.last_line})[^\n]*\n", text, re.IGNORECASE | re.MULTILINE)
            if closing is not None:
                ends.append(max(0, closing.end() - 1 - len(self.prefill)))  # the line, without its newline
        return min(ends) if ends else None

    def trim(self, generated: str) -> str:
        """``generated`` up to the slot's end (the prefill not included)."""
        end = self.end(generated)
        return generated if end is None else generated[:end]

    def text(self, generated: str) -> str:
        """The slot's whole text: the prefill and what the model wrote in the slot."""
        return self.prefill + self.trim(generated)


_SENTINELS = ("\x00A\x00", "\x00B\x00", "\x00C\x00")


def turn_stops(tokenizer: Any) -> tuple[str, ...]:
    """The text that opens a new user turn in this model's chat template (e.g. ``<|im_start|>user``),
    as a stop string: a model that starts one has left its answer. Empty when the template does not
    show it plainly."""
    template = getattr(tokenizer, "chat_template", None)
    if not template:
        return ()
    first, answer, second = _SENTINELS
    messages = [
        {"role": "user", "content": first},
        {"role": "assistant", "content": answer},
        {"role": "user", "content": second},
    ]
    try:
        text = str(tokenizer.apply_chat_template(messages, tokenize=False))
    except Exception:  # a template that wants other roles or raises on this exchange: no stop from it
        return ()
    if answer not in text or second not in text:
        return ()
    between = text.split(answer, 1)[1].split(second, 1)[0]
    lines = [line.strip() for line in between.splitlines() if line.strip()]
    return (lines[-1],) if lines else ()
