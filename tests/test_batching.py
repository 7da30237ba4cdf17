"""brief.batching: a batch that runs out of memory is halved, down to one item, then a clear ModelError."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from brief.batching import is_out_of_memory, run_in_halves
from brief.errors import EXIT_MODEL, ModelError


def _runner(fail: Callable[[int], bool], error: Callable[[], BaseException]) -> tuple[Any, list[int]]:
    calls: list[int] = []

    def run(items: Sequence[int]) -> list[int]:
        calls.append(len(items))
        if fail(len(items)):
            raise error()
        return [i * 10 for i in items]

    return run, calls


def _oom() -> BaseException:
    import torch

    return torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")


@pytest.mark.parametrize(
    ("n", "limit", "calls"),
    [
        (8, 8, [8]),  # fits: one call
        (8, 4, [8, 4, 4]),
        (8, 2, [8, 4, 2, 2, 4, 2, 2]),
        (5, 2, [5, 2, 3, 1, 2]),  # odd sizes: the second half is the larger
        (1, 1, [1]),
    ],
)
def test_halves_until_it_fits_and_keeps_the_order(n: int, limit: int, calls: list[int]) -> None:
    run, seen = _runner(lambda rows: rows > limit, _oom)
    assert run_in_halves(list(range(n)), run, model="m", device="cuda:0", task="doing one") == [
        i * 10 for i in range(n)
    ]
    assert seen == calls


def test_one_item_out_of_memory_is_a_model_error_naming_model_device_and_fix() -> None:
    run, seen = _runner(lambda rows: True, _oom)
    with pytest.raises(ModelError) as caught:
        run_in_halves([1, 2, 3, 4], run, model="/models/x", device="cuda:0", task="translating one sentence")
    assert seen == [4, 2, 1]
    message = str(caught.value)
    assert "/models/x ran out of memory on cuda:0 translating one sentence" in message
    assert "--device cpu" in message
    assert caught.value.exit_code == EXIT_MODEL


def test_other_errors_pass_through_untouched() -> None:
    run, seen = _runner(lambda rows: True, lambda: RuntimeError("shape mismatch"))
    with pytest.raises(RuntimeError, match="shape mismatch"):
        run_in_halves([1, 2, 3, 4], run, model="m", device="cpu", task="t")
    assert seen == [4]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (lambda: _oom(), True),
        (lambda: RuntimeError("MPS backend out of memory (MPS allocated: 1 GB)"), True),
        (
            lambda: RuntimeError("DefaultCPUAllocator: can't allocate memory: you tried to allocate 1 GB"),
            True,
        ),
        (lambda: RuntimeError("expected scalar type Float but found Half"), False),
        (lambda: ValueError("out of memory"), False),
    ],
)
def test_is_out_of_memory(error: Callable[[], BaseException], expected: bool) -> None:
    assert is_out_of_memory(error()) is expected


def test_empty_batch_runs_nothing() -> None:
    run, seen = _runner(lambda rows: True, _oom)
    assert run_in_halves([], run, model="m", device="cpu", task="t") == []
    assert seen == []


def test_seq2seq_summarizer_halves_its_batch_on_out_of_memory(
    tiny_bart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summarizers use the same helper: the first generate call fails, both halves are retried."""
    import torch
    from summarize_samples import articles

    from brief.config import BriefConfig
    from brief.summarize import make_summarizer
    from brief.summarize.seq2seq import Seq2SeqSummarizer

    config = BriefConfig(summarizer=str(tiny_bart), device="cpu", max_new_tokens=8, batch_size=4)
    summarizer = make_summarizer(config, people=(), glossary=())
    assert isinstance(summarizer, Seq2SeqSummarizer)
    model = summarizer.loaded.model
    original = model.generate
    rows: list[int] = []

    def generate(*args: Any, **kwargs: Any) -> Any:
        rows.append(int(kwargs["input_ids"].shape[0]))
        if len(rows) == 1:
            raise torch.OutOfMemoryError("CUDA out of memory (simulated)")
        return original(*args, **kwargs)

    monkeypatch.setattr(model, "generate", generate)
    sample = articles()[:4]
    briefs = summarizer.summarize_all(sample)
    assert len(briefs) == len(sample)
    assert rows[0] > 1 and rows[1] + rows[2] == rows[0]
