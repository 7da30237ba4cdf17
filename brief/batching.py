"""Running a model over a batch, and halving the batch when the device runs out of memory.

One helper for every model backend (seq2seq and instruct translation, seq2seq and instruct
summarization): a batch that does not fit is split in two and each half retried, down to a single
item; when even one item does not fit, a ModelError names the model, the device and the fix.
No torch import at module level: torch is imported only when an error has to be classified.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

from brief.errors import ModelError

__all__ = ["is_out_of_memory", "run_in_halves"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def is_out_of_memory(error: BaseException) -> bool:
    """True for torch's OutOfMemoryError and for the RuntimeErrors backends raise on exhausted memory
    ("CUDA out of memory", "MPS backend out of memory", "DefaultCPUAllocator: can't allocate memory")."""
    try:
        import torch
    except ImportError:  # pragma: no cover - only model backends call this, and they need torch
        return False
    if isinstance(error, torch.OutOfMemoryError):
        return True
    if isinstance(error, RuntimeError):
        message = str(error).lower()
        return any(m in message for m in ("out of memory", "can't allocate memory", "failed to allocate"))
    return False


def _free_cache(device: str) -> None:
    import torch

    if device.startswith("cuda") and torch.cuda.is_available():
        torch.cuda.empty_cache()
    elif device.startswith("mps") and hasattr(torch, "mps") and hasattr(torch.mps, "empty_cache"):
        torch.mps.empty_cache()


def run_in_halves(
    items: Sequence[T],
    run: Callable[[Sequence[T]], list[R]],
    *,
    model: str,
    device: str,
    task: str,
) -> list[R]:
    """``run(items)``; on out of memory, ``run`` on each half (recursively), results in order.

    ``model`` and ``device`` name what ran out of memory; ``task`` says what one item was
    (e.g. "translating one sentence"). Errors that are not out of memory pass through unchanged.
    """
    if not items:
        return []
    try:
        return run(items)
    except (RuntimeError, MemoryError) as error:
        if not (isinstance(error, MemoryError) or is_out_of_memory(error)):
            raise
        if len(items) == 1:
            raise ModelError(
                f"{model} ran out of memory on {device} {task}; "
                "use --device cpu, or a smaller model (brief models list)"
            ) from error
    # outside the except block, so the failed attempt's tensors (held by the traceback) can be freed
    _free_cache(device)
    half = len(items) // 2
    log.warning("%s: out of memory with %d at once on %s; retrying in halves", model, len(items), device)
    first = run_in_halves(items[:half], run, model=model, device=device, task=task)
    return first + run_in_halves(items[half:], run, model=model, device=device, task=task)
