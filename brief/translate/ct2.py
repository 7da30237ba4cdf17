"""The CTranslate2 backend: Marian / M2M100 / NLLB / MADLAD models converted on first use, int8 on CPU.

CTranslate2 runs these encoder-decoder models several times faster than ``transformers`` on a laptop
CPU. The Hugging Face model is converted once (``TransformersConverter``, offline, from the local
folder) into a folder beside the HF cache keyed by model, revision and quantization; the conversion
is written to a temporary folder and renamed into place, under a file lock, so concurrent or killed
runs never leave a half-written model behind. Needs the optional extra: ``pip install "brief[fast]"``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import ModelError
from brief.fingerprint import fingerprint
from brief.translate.seq2seq import NO_REPEAT_NGRAM_SIZE

if TYPE_CHECKING:
    from brief.config import BriefConfig
    from brief.models import LanguagePair, ResolvedModel

__all__ = ["CT2Backend", "converted_model_dir", "default_ct2_root"]

log = logging.getLogger(__name__)

_SUPPORTED = ("marian", "m2m_100", "t5", "mt5", "bart", "mbart")
_TOKENIZER_FILES = (
    "source.spm", "target.spm", "vocab.json", "target_vocab.json", "tokenizer_config.json",
    "special_tokens_map.json", "sentencepiece.bpe.model", "spiece.model", "tokenizer.json",
)  # fmt: skip


def _import_ct2() -> Any:
    try:
        import ctranslate2
    except ImportError as error:
        raise ModelError(
            'the ctranslate2 backend needs CTranslate2: pip install "brief[fast]" '
            "(or use --mt-backend seq2seq)"
        ) from error
    return ctranslate2


def _available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def default_ct2_root() -> Path:
    """Where converted models live: ``brief-ct2`` beside the Hugging Face hub cache."""
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE).parent / "brief-ct2"


def converted_model_dir(resolved: ResolvedModel, quantization: str, root: Path) -> Path:
    """The folder the converted model of ``resolved`` goes to (keyed by model, revision, quantization)."""
    key = resolved.revision or fingerprint(resolved.local_dir)
    name = re.sub(r"[^A-Za-z0-9._-]+", "--", resolved.source.strip("/"))[-80:].strip("-")
    return root / f"{name}--{key[:16]}--{quantization}"


def _convert(resolved: ResolvedModel, quantization: str, target: Path) -> Path:
    """Convert ``resolved`` into ``target`` once, atomically (temp folder + rename, under a lock)."""
    from filelock import FileLock

    ct2 = _import_ct2()
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if (target / "model.bin").is_file():
            return target
        log.info("converting %s for CTranslate2 (%s), once", resolved.source, quantization)
        copy = [str(resolved.local_dir / f) for f in _TOKENIZER_FILES if (resolved.local_dir / f).is_file()]
        work = Path(tempfile.mkdtemp(prefix=".converting-", dir=target.parent))
        try:
            converter = ct2.converters.TransformersConverter(str(resolved.local_dir), copy_files=copy)
            converter.convert(str(work / "model"), quantization=quantization, force=True)
            (work / "model").replace(target)
        except ModelError:
            raise
        except Exception as error:  # the converter raises many kinds (ValueError, NotImplementedError, ...)
            raise ModelError(
                f"CTranslate2 cannot convert '{resolved.name}' ({type(error).__name__}: {error}); "
                "use --mt-backend seq2seq"
            ) from error
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return target


class CT2Backend:
    """Translates batches of Korean sentences with CTranslate2 (a SentenceBackend)."""

    def __init__(
        self,
        resolved: ResolvedModel,
        *,
        device: str = "auto",
        dtype: str = "auto",
        num_beams: int | None = None,
        max_new_tokens: int | None = None,
        root: Path | None = None,
        threads: int | None = None,
        decode_overrides: Mapping[str, Any] | None = None,
    ) -> None:
        """``root``: where converted models go (default: beside the HF cache). ``decode_overrides`` go
        to ``Translator.translate_batch`` last (benchmarks fix the output length with them)."""
        from brief.models import model_kind, read_config

        if resolved.gguf_file is not None or model_kind(resolved) != "seq2seq":
            raise ModelError(
                f"'{resolved.name}' is not an encoder-decoder translation model; the ctranslate2 backend "
                "runs Marian, M2M100, NLLB and MADLAD models. Use --mt-backend instruct for chat models."
            )
        model_type = read_config(resolved).get("model_type")
        if model_type not in _SUPPORTED:
            raise ModelError(
                f"the ctranslate2 backend cannot run '{model_type}' models; use --mt-backend seq2seq"
            )
        self.resolved = resolved
        self.info = resolved.info("ctranslate2")
        self.device, self.compute_type = self._placement(device, dtype)
        self.device_index = int(device.partition(":")[2] or 0) if device.startswith("cuda:") else 0
        self.num_beams = num_beams or (2 if self.device == "cpu" else 4)
        self.max_new_tokens = max_new_tokens
        self.root = root or default_ct2_root()
        self.threads = threads or _available_cores()
        self.decode_overrides = dict(decode_overrides or {})
        self._translator: Any = None
        self._tokenizer: Any = None
        self._languages: LanguagePair | None = None
        self._max_input: int | None = None
        self.calls = 0  # translate_batch calls on the model, for tests and benchmarks

    @classmethod
    def from_config(cls, resolved: ResolvedModel, config: BriefConfig) -> CT2Backend:
        """The backend for ``config`` (device, dtype, beams, output cap; conversions under cache_dir)."""
        return cls(
            resolved,
            device=config.device,
            dtype=config.dtype,
            num_beams=config.num_beams,
            max_new_tokens=config.max_new_tokens,
            root=config.cache_dir / "ct2" if config.cache_dir else None,
        )

    @staticmethod
    def _placement(device: str, dtype: str) -> tuple[str, str]:
        """CTranslate2's device and compute type: int8 on the CPU, float16/bfloat16 on CUDA."""
        ct2 = _import_ct2()
        gpus = ct2.get_cuda_device_count()
        if device in ("mps",):
            raise ModelError("CTranslate2 has no Apple GPU support; use --device cpu or --mt-backend seq2seq")
        if device.startswith("cuda") and gpus == 0:
            raise ModelError(
                f"--device {device} was asked for, but CTranslate2 sees no CUDA GPU; use --device cpu"
            )
        chosen = "cuda" if device.startswith("cuda") or (device == "auto" and gpus > 0) else "cpu"
        named = {"float32": "float32", "float16": "float16", "bfloat16": "bfloat16"}
        if dtype in named:
            return chosen, named[dtype]
        return chosen, ("int8" if chosen == "cpu" else "float16")

    # ------------------------------------------------------------ SentenceBackend
    @property
    def settings(self) -> Mapping[str, str]:
        settings = {
            "num_beams": str(self.num_beams),
            "no_repeat_ngram_size": str(NO_REPEAT_NGRAM_SIZE),
            "max_new_tokens": str(self.max_new_tokens or "2x+16"),
            "compute_type": self.compute_type,
        }
        settings.update({f"decode.{k}": repr(v) for k, v in sorted(self.decode_overrides.items())})
        return settings

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            from brief.models import load_tokenizer

            self._tokenizer = load_tokenizer(self.resolved)
        return self._tokenizer

    @property
    def languages(self) -> LanguagePair:
        if self._languages is None:
            from brief.models import language_pair

            self._languages = language_pair(self.resolved, self.tokenizer)
        return self._languages

    @property
    def max_input_tokens(self) -> int:
        if self._max_input is None:
            from brief.models import max_input_tokens, read_config

            self._max_input = max_input_tokens(read_config(self.resolved), self.tokenizer)
        return self._max_input

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(self.languages.prefix + sentence)["input_ids"])

    def load(self) -> Any:
        """Convert the model (first use only) and load it into CTranslate2."""
        if self._translator is None:
            from brief.events import loading

            ct2 = _import_ct2()
            quantization = self.compute_type
            with loading(self.resolved.role, self.resolved.name):
                folder = _convert(
                    self.resolved, quantization, converted_model_dir(self.resolved, quantization, self.root)
                )
                self._translator = ct2.Translator(
                    str(folder),
                    device=self.device,
                    device_index=self.device_index,
                    compute_type=self.compute_type,
                    intra_threads=self.threads,
                )
            log.info("CTranslate2 model %s on %s (%s)", folder, self.device, self.compute_type)
        return self._translator

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        if not sentences:
            return []
        translator = self.load()
        tokenizer = self.tokenizer
        languages = self.languages
        sources = [
            tokenizer.convert_ids_to_tokens(tokenizer(languages.prefix + s)["input_ids"]) for s in sentences
        ]
        longest = max(len(tokens) for tokens in sources)
        options: dict[str, Any] = {
            "beam_size": self.num_beams,
            "max_decoding_length": self.max_new_tokens or min(2 * longest + 16, self.max_input_tokens),
            "no_repeat_ngram_size": NO_REPEAT_NGRAM_SIZE,
            "max_input_length": self.max_input_tokens,
            "max_batch_size": len(sentences),
        }
        prefix_token = self._target_prefix_token()
        if prefix_token is not None:
            options["target_prefix"] = [[prefix_token]] * len(sentences)
        options.update(self.decode_overrides)
        results = translator.translate_batch(sources, **options)
        self.calls += 1
        texts = []
        for result in results:
            tokens = result.hypotheses[0]
            if prefix_token is not None and tokens[:1] == [prefix_token]:
                tokens = tokens[1:]
            ids = tokenizer.convert_tokens_to_ids(tokens)
            texts.append(tokenizer.decode(ids, skip_special_tokens=True).strip())
        return texts

    def _target_prefix_token(self) -> str | None:
        """The forced first target token of M2M100 ("__en__") and NLLB ("eng_Latn") models."""
        languages = self.languages
        if not languages.tgt or languages.prefix:
            return None
        tokenizer = self.tokenizer
        if hasattr(tokenizer, "get_lang_token"):  # M2M100
            token: str = tokenizer.get_lang_token(languages.tgt)
            return token
        if tokenizer.convert_tokens_to_ids(languages.tgt) not in (None, tokenizer.unk_token_id):  # NLLB
            return languages.tgt
        return None
