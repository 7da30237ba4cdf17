"""The seq2seq backend: any Hugging Face encoder-decoder translation model through ``transformers``.

Marian OPUS-MT, M2M100, NLLB-200 and MADLAD-400 (T5). Their language codes (source language on the
tokenizer, forced first target token, "<2en> " prefix) come from ``brief.models``. The model is
loaded on the first batch, so a run served from the cache never loads it. Generation guards against
repetition loops (``no_repeat_ngram_size``) and runaway output (new tokens capped relative to the
input length).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brief.models import LoadedModel, ResolvedModel

__all__ = ["Seq2SeqBackend"]

log = logging.getLogger(__name__)

NO_REPEAT_NGRAM_SIZE = 4  # a 4-gram repeated inside one sentence is almost always a generation loop


class Seq2SeqBackend:
    """Translates batches of Korean sentences with an encoder-decoder model (a SentenceBackend)."""

    def __init__(
        self,
        resolved: ResolvedModel,
        *,
        device: str = "auto",
        dtype: str = "auto",
        num_beams: int | None = None,
        max_new_tokens: int | None = None,
        generate_overrides: Mapping[str, Any] | None = None,
    ) -> None:
        """``num_beams`` None: 4 on a GPU, 2 on the CPU. ``max_new_tokens`` None: twice the input
        length plus 16 (capped by the model). ``generate_overrides`` go to ``model.generate`` last
        (benchmarks use them to fix the output length)."""
        self.resolved = resolved
        self.info = resolved.info("seq2seq")
        self.device = device
        self.dtype = dtype
        self.num_beams = num_beams
        self.max_new_tokens = max_new_tokens
        self.generate_overrides = dict(generate_overrides or {})
        from brief.models import LazyModel

        self.lazy = LazyModel(resolved, "seq2seq", device=device, dtype=dtype)  # loaded on the first batch
        self._max_input: int | None = None
        self.calls = 0  # model.generate calls, for tests and benchmarks

    # ------------------------------------------------------------ SentenceBackend
    @property
    def settings(self) -> Mapping[str, str]:
        settings = {
            "num_beams": str(self.num_beams or "auto"),
            "no_repeat_ngram_size": str(NO_REPEAT_NGRAM_SIZE),
            "max_new_tokens": str(self.max_new_tokens or "2x+16"),
        }
        settings.update({f"generate.{k}": repr(v) for k, v in sorted(self.generate_overrides.items())})
        return settings

    @property
    def max_input_tokens(self) -> int:
        if self._max_input is None:
            # read from the JSON files, so that knowing the limit does not import transformers
            from brief.models import read_config

            limits = []
            positions = read_config(self.resolved).get("max_position_embeddings")
            if isinstance(positions, int) and positions > 0:
                limits.append(positions)
            tokenizer_limit = _json_value(
                self.resolved.local_dir / "tokenizer_config.json", "model_max_length"
            )
            if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < 1_000_000:
                limits.append(tokenizer_limit)
            self._max_input = min(limits) if limits else 512
        return self._max_input

    @property
    def tokenizer(self) -> Any:
        """The tokenizer (loaded alone, before the model, to count tokens)."""
        return self.lazy.tokenizer

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(self._prefix + sentence, verbose=False)["input_ids"])  # no length warning

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """English for ``sentences``; the batch is halved while the device is out of memory."""
        if not sentences:
            return []
        from brief.batching import run_in_halves

        loaded = self.load()
        return run_in_halves(
            sentences,
            self._generate,
            model=self.info.name,
            device=loaded.device,
            task="translating one sentence",
        )

    def _generate(self, sentences: Sequence[str]) -> list[str]:
        import torch

        loaded = self.load()
        tokenizer = loaded.tokenizer
        texts = [self._prefix + s for s in sentences]
        with torch.inference_mode():
            encoded = tokenizer(
                texts, return_tensors="pt", padding=True, truncation=True, max_length=self.max_input_tokens
            ).to(loaded.device)
            input_length = int(encoded["attention_mask"].sum(dim=1).max())
            output = loaded.model.generate(**encoded, **self._generate_kwargs(input_length))
            self.calls += 1
            decoded = tokenizer.batch_decode(output, skip_special_tokens=True)
            del encoded, output
        return [text.strip() for text in decoded]

    # ------------------------------------------------------------ helpers
    @property
    def _prefix(self) -> str:
        from brief.models import find_preset

        if self.lazy.loaded is not None:
            return self.lazy.loaded.languages.prefix
        preset = self.resolved.preset or find_preset(self.resolved.source)
        if preset is not None:
            return preset.languages.prefix
        return "<2en> " if "madlad" in self.resolved.source.lower() else ""

    def load(self) -> LoadedModel:
        """Load the model (once); raises ModelError / ModelUnavailableError with the fix."""
        if not self.lazy.is_loaded:
            loaded = self.lazy.load()
            log.info(
                "translation model %s on %s (%s), beams %d",
                self.info.name, loaded.device, loaded.dtype, self._beams(),
            )  # fmt: skip
        return self.lazy.load()

    def _beams(self) -> int:
        if self.num_beams:
            return self.num_beams
        loaded = self.lazy.loaded
        return 2 if loaded is None or loaded.device == "cpu" else 4

    def _generate_kwargs(self, input_length: int) -> dict[str, Any]:
        loaded = self.load()
        model_config = loaded.model.config
        decoder_limit = getattr(model_config, "max_position_embeddings", None) or 1024
        max_new = self.max_new_tokens or min(2 * input_length + 16, int(decoder_limit))
        kwargs: dict[str, Any] = {
            "num_beams": self._beams(),
            "max_new_tokens": max_new,
            "no_repeat_ngram_size": NO_REPEAT_NGRAM_SIZE,
            "early_stopping": True,
            **loaded.generate_kwargs,
        }
        if kwargs["num_beams"] == 1:
            kwargs.pop("early_stopping")
        kwargs.update(self.generate_overrides)
        return kwargs


def _json_value(path: Path, key: str) -> Any:
    """``key`` of the JSON object in ``path`` (None when the file or key is missing or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get(key) if isinstance(data, dict) else None
