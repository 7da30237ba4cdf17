"""Greedy answers of a transformers chat model, each kept to its slot (``brief.prompting.AnswerSlot``).

The prompts already end with the slot's prefill. Generation stops for each prompt as soon as its slot
has ended (a stop string, a new turn, the slot's last line complete), and the answer is cut there:
text the model writes after its slot is never returned. Imports torch and transformers: call only from
model backends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brief.models import LoadedModel
    from brief.prompting import AnswerSlot

__all__ = ["generate_in_slot", "slot_stopping"]


def slot_stopping(slot: AnswerSlot, tokenizer: Any, prompt_length: int) -> Any:
    """A transformers StoppingCriteria that marks a row done once its slot has ended in the tokens
    generated after the first ``prompt_length`` (the padded prompt)."""
    import torch
    from transformers import StoppingCriteria

    class SlotEnded(StoppingCriteria):  # type: ignore[misc]
        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            texts = tokenizer.batch_decode(input_ids[:, prompt_length:], skip_special_tokens=True)
            done = [slot.end(text) is not None for text in texts]
            return torch.tensor(done, dtype=torch.bool, device=input_ids.device)

    return SlotEnded()


def generate_in_slot(
    loaded: LoadedModel,
    prompts: Sequence[str],
    slot: AnswerSlot,
    max_new_tokens: int,
    overrides: Mapping[str, Any] | None = None,
) -> list[str]:
    """Greedy answers to ``prompts`` (chat text ending with ``slot.prefill``), batched with left padding,
    each trimmed to its slot (the prefill not included)."""
    import torch
    from transformers import StoppingCriteriaList

    tokenizer = loaded.tokenizer
    encoded = tokenizer(list(prompts), return_tensors="pt", padding=True, add_special_tokens=False)
    encoded = {k: v.to(loaded.device) for k, v in encoded.items()}
    length = encoded["input_ids"].shape[1]
    kwargs: dict[str, Any] = {
        "max_new_tokens": max_new_tokens,
        "do_sample": False,
        "num_beams": 1,
        "pad_token_id": tokenizer.pad_token_id,
        "stopping_criteria": StoppingCriteriaList([slot_stopping(slot, tokenizer, length)]),
    }
    kwargs.update(overrides or {})
    with torch.inference_mode():
        output = loaded.model.generate(**encoded, **kwargs)
    texts = tokenizer.batch_decode(output[:, length:], skip_special_tokens=True)
    return [slot.trim(text) for text in texts]
