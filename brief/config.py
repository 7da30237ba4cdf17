"""One frozen configuration, built at the entry point and validated once."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from brief.backends import kinds
from brief.errors import ConfigError

__all__ = ["DEFAULT_MT_MODEL", "DEFAULT_SUMMARIZER", "BriefConfig"]

DEFAULT_MT_MODEL = "opus-mt-tc-big-ko-en"  # a preset name from brief.models (or a hub id, or a path)
DEFAULT_SUMMARIZER = "extractive"

_DEVICES = ("auto", "cpu", "cuda", "mps")
_DTYPES = ("auto", "float32", "float16", "bfloat16")
_MT_BACKENDS = ("auto", *kinds("translation"))  # the registry's translation kinds
_WEEK = re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")


@dataclass(frozen=True)
class BriefConfig:
    """Every setting a run uses. Stages read this, never the environment."""

    # input
    max_file_bytes: int = 5 * 1024 * 1024
    people_files: tuple[Path, ...] = ()
    glossary_files: tuple[Path, ...] = ()
    # translation
    mt_model: str = DEFAULT_MT_MODEL
    mt_backend: str = "auto"
    mt_revision: str | None = None
    # summarization
    summarizer: str = DEFAULT_SUMMARIZER
    summarizer_revision: str | None = None
    # running models
    device: str = "auto"
    dtype: str = "auto"
    batch_size: int = 32
    max_new_tokens: int | None = None
    num_beams: int | None = None  # beam search width for translation; None: 4 on a GPU, 2 on the CPU
    # OpenAI-compatible servers (--mt-model openai:MODEL, --summarizer openai:MODEL)
    api_base: str | None = None  # None: Ollama's default address
    api_key: str | None = field(default=None, repr=False)  # never logged, never in provenance
    concurrency: int = 4  # requests in flight at once
    sentences_per_request: int = 8
    api_timeout_s: float = 120.0
    api_retries: int = 4
    # checking translations
    strict: bool = False  # a flagged translation fails the run (exit 3)
    use_cache: bool = True
    cache_dir: Path | None = None  # None: the user's cache folder (platformdirs)
    # digest
    since: _dt.date | None = None
    until: _dt.date | None = None
    week: str | None = None  # "2024-W40"
    source_date_epoch: int | None = None  # reproducible generated_at (SOURCE_DATE_EPOCH)
    quiet: bool = False

    def __post_init__(self) -> None:
        if self.max_file_bytes <= 0:
            raise ConfigError(f"max_file_bytes must be positive, got {self.max_file_bytes}")
        if self.device not in _DEVICES and not self.device.startswith("cuda:"):
            raise ConfigError(f"--device must be one of {', '.join(_DEVICES)} or cuda:N, got {self.device!r}")
        if self.dtype not in _DTYPES:
            raise ConfigError(f"--dtype must be one of {', '.join(_DTYPES)}, got {self.dtype!r}")
        if self.mt_backend not in _MT_BACKENDS:
            raise ConfigError(
                f"--mt-backend must be one of {', '.join(_MT_BACKENDS)}, got {self.mt_backend!r}"
            )
        if not 1 <= self.batch_size <= 4096:
            raise ConfigError(f"--batch-size must be between 1 and 4096, got {self.batch_size}")
        if self.max_new_tokens is not None and self.max_new_tokens < 1:
            raise ConfigError(f"--max-new-tokens must be at least 1, got {self.max_new_tokens}")
        if self.num_beams is not None and not 1 <= self.num_beams <= 16:
            raise ConfigError(f"--beams must be between 1 and 16, got {self.num_beams}")
        if not 1 <= self.concurrency <= 256:
            raise ConfigError(f"--concurrency must be between 1 and 256, got {self.concurrency}")
        if not 1 <= self.sentences_per_request <= 64:
            raise ConfigError(
                f"--sentences-per-request must be between 1 and 64, got {self.sentences_per_request}"
            )
        if self.api_timeout_s <= 0 or self.api_retries < 0:
            raise ConfigError("the API timeout must be positive and the retry count not negative")
        if self.api_base is not None and not re.match(r"^https?://[^/\s]+", self.api_base):
            raise ConfigError(
                f"--api-base must be an http(s) URL such as http://127.0.0.1:11434/v1, got {self.api_base!r}"
            )
        if not self.mt_model.strip():
            raise ConfigError("--mt-model must not be empty")
        if not self.summarizer.strip():
            raise ConfigError("--summarizer must not be empty")
        for option, name in (("--mt-model", self.mt_model), ("--summarizer", self.summarizer)):
            if name.strip().lower().startswith("openai:") and not name.strip()[7:].strip():
                raise ConfigError(f"{option} openai: needs the server's model name, e.g. openai:qwen2.5:7b")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")
        if self.week is not None and not _WEEK.match(self.week):
            raise ConfigError(f"--week must look like 2024-W40, got {self.week!r}")
        for option, files in (("--people", self.people_files), ("--glossary", self.glossary_files)):
            for path in files:
                if not Path(path).is_file():
                    raise ConfigError(f"{option} {path}: no such file")
