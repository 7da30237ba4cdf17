"""What every chat-model prompt shares: keeping untrusted text from becoming the model's control tokens.

Used by the instruct translator (``brief.translate.instruct``) and the instruct summarizer
(``brief.summarize.instruct``). No torch or transformers import: it only reads the tokenizer it is given.
"""

from __future__ import annotations

from typing import Any

__all__ = ["defuse_special_tokens"]


def defuse_special_tokens(text: str, tokenizer: Any) -> str:
    """``text`` without the model's special-token strings (``<|im_start|>``, ``</s>``, ...): the prompt is
    tokenized as a whole, so such a string in an article would become a real chat-turn marker."""
    specials = {str(t) for t in getattr(tokenizer, "all_special_tokens", ())}
    added = getattr(tokenizer, "added_tokens_decoder", {}) or {}
    specials |= {t.content for t in added.values() if getattr(t, "special", False)}
    for token in sorted((t for t in specials if t), key=len, reverse=True):
        text = text.replace(token, " ")  # a space, so removing one token cannot join the halves of another
    return text
