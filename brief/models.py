"""Model presets, finding a model (preset, hub id, local folder or GGUF file) and loading it.

``resolve`` finds the files without importing torch: presets and local folders first, then the
Hugging Face cache; it downloads only when the hub is not switched off (``HF_HUB_OFFLINE``).
``load_seq2seq`` and ``load_causal_lm`` load what ``resolve`` found, on the device ``select_device``
picks, and check that the model is the right kind for the job.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from brief.errors import ModelError, ModelUnavailableError
from brief.fingerprint import local_revision
from brief.records import ModelInfo

__all__ = [
    "PRESETS",
    "LanguagePair",
    "LazyModel",
    "LoadedModel",
    "ModelPool",
    "Preset",
    "ResolvedModel",
    "cached_revision",
    "check_chat_model",
    "find_preset",
    "gguf_config",
    "hub_id_of",
    "language_pair",
    "load_causal_lm",
    "load_seq2seq",
    "load_tokenizer",
    "max_input_tokens",
    "model_kind",
    "preset_suggestion",
    "pull",
    "read_config",
    "resolve",
    "resolve_dtype",
    "select_device",
]

logger = logging.getLogger(__name__)

Role = Literal["translation", "summarization"]
Kind = Literal["seq2seq", "instruct"]
Engine = Literal["seq2seq", "instruct", "llamacpp"]  # how a LazyModel loads: transformers, or llama.cpp


@dataclass(frozen=True)
class LanguagePair:
    """How to ask a (multilingual) translation model for Korean -> English.

    ``src``/``tgt`` are the model's own codes ("ko"/"en" for M2M100, "kor_Hang"/"eng_Latn" for
    NLLB-200); ``prefix`` goes in front of each source sentence (MADLAD-400: "<2en> ").
    """

    src: str | None = None
    tgt: str | None = None
    prefix: str = ""


@dataclass(frozen=True)
class Preset:
    """A model brief knows by name."""

    name: str
    hub_id: str
    roles: tuple[Role, ...]
    backend: Kind
    licence: str
    size: str  # approximate download size
    commercial: bool  # may the output be used commercially under the model's licence?
    family: str  # "marian" | "m2m100" | "nllb" | "madlad" | "qwen2" | "bart"
    languages: LanguagePair = field(default_factory=LanguagePair)
    note: str = ""


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "opus-mt-tc-big-ko-en",
            "Helsinki-NLP/opus-mt-tc-big-ko-en",
            ("translation",),
            "seq2seq",
            "CC-BY-4.0",
            "0.9 GB",
            True,
            "marian",
            note="default translator; FLORES-101 BLEU 27.7 (attribution required)",
        ),
        Preset(
            "opus-mt-ko-en",
            "Helsinki-NLP/opus-mt-ko-en",
            ("translation",),
            "seq2seq",
            "Apache-2.0",
            "0.3 GB",
            True,
            "marian",
            note="smaller and faster, lower quality",
        ),
        Preset(
            "m2m100_418M",
            "facebook/m2m100_418M",
            ("translation",),
            "seq2seq",
            "MIT",
            "1.9 GB",
            True,
            "m2m100",
            LanguagePair("ko", "en"),
        ),
        Preset(
            "nllb-200-distilled-600M",
            "facebook/nllb-200-distilled-600M",
            ("translation",),
            "seq2seq",
            "CC-BY-NC-4.0",
            "2.5 GB",
            False,
            "nllb",
            LanguagePair("kor_Hang", "eng_Latn"),
            note="non-commercial licence",
        ),
        Preset(
            "madlad400-3b-mt",
            "google/madlad400-3b-mt",
            ("translation",),
            "seq2seq",
            "Apache-2.0",
            "12 GB",
            True,
            "madlad",
            LanguagePair(None, "en", "<2en> "),
        ),
        Preset(
            "qwen2.5-7b-instruct",
            "Qwen/Qwen2.5-7B-Instruct",
            ("translation", "summarization"),
            "instruct",
            "Apache-2.0",
            "15 GB",
            True,
            "qwen2",
            note="best quality; wants a GPU",
        ),
        Preset(
            "qwen2.5-1.5b-instruct",
            "Qwen/Qwen2.5-1.5B-Instruct",
            ("summarization", "translation"),
            "instruct",
            "Apache-2.0",
            "3.1 GB",
            True,
            "qwen2",
        ),
        Preset(
            "bart-large-cnn",
            "facebook/bart-large-cnn",
            ("summarization",),
            "seq2seq",
            "MIT",
            "1.6 GB",
            True,
            "bart",
            note="English news summaries (CNN/DailyMail)",
        ),
        Preset(
            "distilbart-cnn-12-6",
            "sshleifer/distilbart-cnn-12-6",
            ("summarization",),
            "seq2seq",
            "Apache-2.0",
            "1.2 GB",
            True,
            "bart",
        ),
    )
}

_NON_COMMERCIAL = re.compile(r"(^|[-_ ])nc([-_ ]|$)|non-?commercial", re.IGNORECASE)
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
_WEIGHTS = ("*.safetensors", "*.bin")
# Files worth downloading: configs, tokenizers, weights (safetensors when the repo has them), card.
_ALLOW = ["*.json", "*.model", "*.spm", "*.txt", "*.tiktoken", "*.jinja", "README.md"]


@dataclass(frozen=True)
class ResolvedModel:
    """Where a model's files are, and what it is.

    ``name`` is what the user gave; ``source`` the hub id or the local path; ``local_dir`` the folder
    holding config and weights; ``revision`` the snapshot's commit hash when it came from the HF cache;
    ``gguf_file`` the file name inside ``local_dir`` for a GGUF model.
    """

    name: str
    source: str
    local_dir: Path
    revision: str | None = None
    preset: Preset | None = None
    gguf_file: str | None = None
    licence: str | None = None
    role: Role = "translation"

    @property
    def from_hub(self) -> bool:
        """True when the files came from the Hugging Face cache (not a folder or file the user named)."""
        return self.revision is not None

    @property
    def commercial(self) -> bool | None:
        """Whether the licence allows commercial use (None when unknown)."""
        if self.preset is not None:
            return self.preset.commercial
        if self.licence:
            return not _NON_COMMERCIAL.search(self.licence)
        return None

    def info(self, backend: str) -> ModelInfo:
        """This model's provenance record for ``backend``.

        A hub model is its id at a commit; a local folder or file is its own name at a fingerprint of
        its content (never the absolute path, which says nothing once the weights change).
        """
        if self.from_hub:
            name, revision = self.source, self.revision
        else:
            path = self.local_dir / self.gguf_file if self.gguf_file else self.local_dir
            name, revision = path.name, local_revision(path)
        return ModelInfo(role=self.role, name=name, backend=backend, revision=revision, licence=self.licence)


@dataclass(frozen=True)
class LoadedModel:
    """A model and its tokenizer, ready to run, plus what a backend needs to drive it."""

    model: Any
    tokenizer: Any
    device: str
    dtype: Any  # torch.dtype
    info: ModelInfo
    resolved: ResolvedModel
    max_input_tokens: int  # longest input the model accepts, special tokens included
    languages: LanguagePair = field(default_factory=LanguagePair)
    generate_kwargs: Mapping[str, Any] = field(default_factory=dict)  # e.g. forced_bos_token_id


# ---------------------------------------------------------------- presets and resolving
def find_preset(name: str) -> Preset | None:
    """The preset called ``name`` (case-insensitive) or whose hub id is ``name``."""
    lowered = name.strip().lower()
    for preset in PRESETS.values():
        if lowered in (preset.name.lower(), preset.hub_id.lower()):
            return preset
    return None


def preset_suggestion(name: str, role: str = "translation") -> str:
    """ "; did you mean 'X'?" for a near miss of a preset name (or of "extractive"), else ""."""
    import difflib

    names = {preset.name.lower(): preset.name for preset in PRESETS.values()}
    if role == "summarization":
        names["extractive"] = "extractive"
    close = difflib.get_close_matches(name.strip().lower(), list(names), n=1, cutoff=0.75)
    return f"; did you mean '{names[close[0]]}'?" if close else ""


def hub_id_of(name: str) -> str | None:
    """The hub id ``name`` stands for (a preset's, or ``name`` itself), or None for a local path."""
    name = name.strip()
    preset = find_preset(name)
    if preset is not None:
        return preset.hub_id
    if Path(name).expanduser().exists() or _looks_like_path(name) or not _HUB_ID.match(name):
        return None
    return name


def _hub_offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def _looks_like_path(name: str) -> bool:
    return (
        name.startswith((".", "/", "~", "\\"))
        or name.lower().endswith(".gguf")
        or name.count("/") > 1
        or bool(re.match(r"^[A-Za-z]:[\\/]", name))
    )


def _readme_licence(folder: Path) -> str | None:
    """The ``license:`` of a model card's YAML front matter, if there is one."""
    readme = folder / "README.md"
    if not readme.is_file():
        return None
    text = readme.read_text(encoding="utf-8", errors="replace")
    front = re.match(r"^---\s*\n(.*?)\n---", text, re.DOTALL)
    if front is None:
        return None
    found = re.search(r"^licen[sc]e:\s*['\"]?([^\s'\"]+)", front.group(1), re.MULTILINE)
    return found.group(1) if found else None


def _has_weights(folder: Path) -> bool:
    return any(any(folder.glob(pattern)) for pattern in _WEIGHTS)


def _resolve_local(name: str, path: Path, role: Role) -> ResolvedModel:
    if not path.exists():
        raise ModelError(
            f"The {role} model path '{name}' does not exist. Pass a model folder (with config.json and "
            "weights), a .gguf file, a hub id or a preset name (see: brief models list)."
        )
    if path.is_file():
        if path.suffix.lower() != ".gguf":
            raise ModelError(
                f"'{name}' is a file but not a .gguf model. Pass the model's folder (the one holding "
                "config.json) or a .gguf file."
            )
        return ResolvedModel(
            name=name, source=str(path), local_dir=path.parent, gguf_file=path.name, role=role
        )
    ggufs = sorted(path.glob("*.gguf"))
    if not (path / "config.json").is_file():
        if len(ggufs) == 1:
            return ResolvedModel(
                name=name, source=str(ggufs[0]), local_dir=path, gguf_file=ggufs[0].name, role=role
            )
        hint = f" It holds {len(ggufs)} .gguf files: pass one of them." if ggufs else ""
        raise ModelError(
            f"'{name}' is not a model folder: it has no config.json.{hint} Pass the folder that holds "
            "config.json and the weights (e.g. a snapshot folder of the Hugging Face cache, or one "
            "written with save_pretrained)."
        )
    if not _has_weights(path):
        raise ModelError(
            f"The model folder '{name}' has a config.json but no weights (*.safetensors or *.bin); "
            "the download may be incomplete."
        )
    return ResolvedModel(
        name=name, source=str(path), local_dir=path, licence=_readme_licence(path), role=role
    )


def cached_revision(repo_id: str, revision: str | None = None) -> Path | None:
    """The snapshot folder of ``repo_id`` in the local HF cache (None when absent or incomplete)."""
    from huggingface_hub import snapshot_download

    try:
        folder = Path(snapshot_download(repo_id, revision=revision, local_files_only=True))
    except Exception:  # LocalEntryNotFoundError, a malformed id, an unreadable cache: not cached
        return None
    if (folder / "config.json").is_file() and _has_weights(folder):
        return folder
    if any(folder.glob("*.gguf")):
        return folder
    return None


def _download_patterns(repo_id: str, revision: str | None) -> list[str]:
    """Files to fetch: safetensors weights when the repo has them, else PyTorch .bin weights.

    One metadata request with a timeout (no retries), so that a machine without network fails fast.
    """
    from huggingface_hub import HfApi

    info = HfApi().model_info(repo_id, revision=revision, timeout=15)
    files = [sibling.rfilename for sibling in info.siblings or ()]
    weights = ["*.safetensors"] if any(f.endswith(".safetensors") for f in files) else ["*.bin"]
    return _ALLOW + weights


def pull(name: str, role: Role = "translation", revision: str | None = None) -> ResolvedModel:
    """Download a preset or hub model into the HF cache (a no-op when it is already there)."""
    preset = find_preset(name)
    repo_id = preset.hub_id if preset else name
    if _hub_offline():
        cached = cached_revision(repo_id, revision)
        if cached is None:
            raise ModelUnavailableError(name, role, "HF_HUB_OFFLINE is set, so nothing can be downloaded")
    else:
        _download(name, repo_id, role, revision)
    return resolve(name, role, revision)


def _download(name: str, repo_id: str, role: Role, revision: str | None) -> Path:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError, RevisionNotFoundError

    logger.info("downloading %s from the Hugging Face hub", repo_id)
    try:
        folder = snapshot_download(
            repo_id, revision=revision, allow_patterns=_download_patterns(repo_id, revision)
        )
    except GatedRepoError as error:
        raise ModelUnavailableError(
            name, role, "the repository is gated: accept its terms and log in"
        ) from error
    except RepositoryNotFoundError as error:
        detail = f"no repository '{repo_id}' on the hub{preset_suggestion(name, role)}"
        raise ModelUnavailableError(name, role, detail) from error
    except RevisionNotFoundError as error:
        raise ModelUnavailableError(name, role, f"no revision '{revision}' of '{repo_id}'") from error
    except Exception as error:  # network errors come from several libraries (httpx, requests, OSError)
        raise ModelUnavailableError(
            name, role, f"download failed: {type(error).__name__}: {error}"
        ) from error
    return Path(folder)


def resolve(name_or_path: str, role: str = "translation", revision: str | None = None) -> ResolvedModel:
    """Find a model by preset name, hub id or local folder/.gguf file.

    Hub models come from the local HF cache; they are downloaded only when the hub is reachable and
    not switched off with ``HF_HUB_OFFLINE``. Raises ModelUnavailableError when the model is not
    here and cannot be fetched, ModelError when a local path is not a usable model.
    """
    if role not in ("translation", "summarization"):
        raise ValueError(f"role must be 'translation' or 'summarization', got {role!r}")
    model_role: Role = "translation" if role == "translation" else "summarization"
    name = name_or_path.strip()
    preset = find_preset(name)
    if hub_id_of(name) is None:
        if revision is not None:
            logger.warning("--revision %s has no effect: %s is a local path", revision, name)
        return _resolve_local(name, Path(name).expanduser(), model_role)
    if preset is not None and model_role not in preset.roles:
        raise ModelError(
            f"'{name}' is a {' and '.join(preset.roles)} model, not a {model_role} model; "
            "see `brief models list` for the models of each role."
        )
    repo_id = preset.hub_id if preset else name
    folder = cached_revision(repo_id, revision)
    if folder is None:
        if _hub_offline():
            detail = "not in the Hugging Face cache, and HF_HUB_OFFLINE is set"
            if preset is None:
                detail += "; it is not a preset name either (brief models list)"
                detail += preset_suggestion(name, model_role)
            raise ModelUnavailableError(name, model_role, detail)
        folder = _download(name, repo_id, model_role, revision)
        if not ((folder / "config.json").is_file() and _has_weights(folder)):
            raise ModelUnavailableError(name, model_role, "the download holds no config.json or no weights")
    gguf_file = None
    if not (folder / "config.json").is_file():
        ggufs = sorted(folder.glob("*.gguf"))
        if len(ggufs) != 1:
            raise ModelError(
                f"'{name}' holds {len(ggufs)} GGUF files ({', '.join(g.name for g in ggufs[:6])}); "
                f"pass the one you want as a path, e.g. {ggufs[0] if ggufs else folder}"
            )
        gguf_file = ggufs[0].name
    licence = preset.licence if preset else _readme_licence(folder)
    resolved = ResolvedModel(
        name=name,
        source=repo_id,
        local_dir=folder,
        revision=folder.name if folder.parent.name == "snapshots" else revision,
        preset=preset,
        gguf_file=gguf_file,
        licence=licence,
        role=model_role,
    )
    if resolved.commercial is False:
        logger.warning(
            "%s has a non-commercial licence (%s): its output may not be used commercially",
            repo_id,
            licence,
        )
    return resolved


# ---------------------------------------------------------------- what a model is
def read_config(resolved: ResolvedModel) -> dict[str, Any]:
    """The model's config.json as a dict; for a GGUF file, what its metadata says of the same keys
    (``model_type``, ``max_position_embeddings``), read without loading the weights."""
    if resolved.gguf_file is not None:
        return gguf_config(resolved.local_dir / resolved.gguf_file)
    config = resolved.local_dir / "config.json"
    if not config.is_file():
        return {}
    try:
        loaded = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{config}: not a readable model configuration ({error})") from error
    if not isinstance(loaded, dict):
        raise ModelError(f"{config}: not a model configuration (expected a JSON object)")
    return loaded


def gguf_config(path: Path) -> dict[str, Any]:
    """``model_type`` and ``max_position_embeddings`` from a GGUF file's metadata (``general.architecture``
    and ``<arch>.context_length``); empty when the file has none. Needs the ``gguf`` package, as loading
    GGUF does; a file it cannot read is a ModelError naming it."""
    try:
        import gguf
    except ImportError as error:
        raise ModelError(
            f"{path}: reading a GGUF file needs the gguf package: pip install 'brief[gguf]'"
        ) from error
    try:
        fields = gguf.GGUFReader(str(path)).fields
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: not a readable GGUF file ({error})") from error

    def value(key: str) -> Any:
        field = fields.get(key)
        return field.contents() if field is not None else None

    config: dict[str, Any] = {}
    arch = value("general.architecture")
    if isinstance(arch, str) and arch:
        config["model_type"] = arch
        context = value(f"{arch}.context_length")
        if isinstance(context, int) and context > 0:
            config["max_position_embeddings"] = context
    return config


_CAUSAL_HINTS = ("ForCausalLM", "LMHeadModel")


def model_kind(resolved: ResolvedModel) -> Kind:
    """ "seq2seq" for encoder-decoder models (Marian, M2M100, NLLB, T5, BART), "instruct" for chat LMs."""
    if resolved.preset is not None:
        return resolved.preset.backend
    if resolved.gguf_file is not None:
        return "instruct"
    config = read_config(resolved)
    if config.get("is_encoder_decoder"):
        return "seq2seq"
    architectures = config.get("architectures") or []
    if any(hint in arch for arch in architectures for hint in _CAUSAL_HINTS):
        return "instruct"
    if config.get("model_type") in ("marian", "m2m_100", "nllb-moe", "t5", "mt5", "bart", "mbart", "pegasus"):
        return "seq2seq"
    return "instruct"


def _check_kind(resolved: ResolvedModel, config: Mapping[str, Any], wanted: Kind) -> None:
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_CAUSAL_LM_MAPPING_NAMES,
        MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES,
    )

    model_type = config.get("model_type")
    if not model_type:
        raise ModelError(
            f"{resolved.local_dir / 'config.json'} has no model_type; it is not a transformers model"
        )
    seq2seq = model_type in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES
    causal = model_type in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES and not config.get("is_encoder_decoder")
    option = "--mt-model" if resolved.role == "translation" else "--summarizer"
    if wanted == "seq2seq" and not seq2seq:
        what = f"a causal (chat) language model ({model_type})" if causal else f"a '{model_type}' model"
        hint = " Use it with --mt-backend instruct." if causal and resolved.role == "translation" else ""
        raise ModelError(
            f"'{resolved.name}' is {what}, not an encoder-decoder {resolved.role} model "
            f"(Marian, M2M100, NLLB, T5, BART).{hint} Or pass another {option}."
        )
    if wanted == "instruct" and not causal:
        what = f"an encoder-decoder model ({model_type})" if seq2seq else f"a '{model_type}' model"
        raise ModelError(
            f"'{resolved.name}' is {what}, not a causal chat model; "
            f"it cannot follow the instruction prompts. Pass a chat model as {option}."
        )


_TRANSLATION_ONLY = ("marian", "m2m_100")  # model types that only translate (Marian, M2M100, NLLB)


def _check_task(resolved: ResolvedModel, config: Mapping[str, Any]) -> None:
    """Refuse an encoder-decoder model whose config says it does the other job (e.g. bart-large-cnn,
    whose task_specific_params name only summarization, given as the translation model)."""
    tasks = set(config.get("task_specific_params") or {})
    translates = any(task.startswith("translation") for task in tasks)
    if resolved.role == "translation" and "summarization" in tasks and not translates:
        raise ModelError(
            f"'{resolved.name}' is a summarization model (its config names only that task), not a "
            "Korean -> English translation model; pass one as --mt-model (e.g. opus-mt-tc-big-ko-en)."
        )
    if resolved.role != "translation" and config.get("model_type") in _TRANSLATION_ONLY:
        raise ModelError(
            f"'{resolved.name}' is a translation model ({config.get('model_type')}), not a summarizer; "
            "pass a summarization or chat model as --summarizer, or --summarizer extractive."
        )


_OPUS_PAIR = re.compile(
    r"opus-mt-(?:tc-(?:big|base)-)?([a-z]{2,3}(?:_[a-zA-Z]+)?)-([a-z]{2,3}(?:_[a-zA-Z]+)?)$"
)
_KO = {"ko", "kor", "kor_Hang"}
_EN = {"en", "eng", "eng_Latn"}


def _marian_direction(resolved: ResolvedModel, tokenizer: Any) -> LanguagePair:
    """Check that a Marian model translates Korean into English, and find its target token if any."""
    src = getattr(tokenizer, "source_lang", None)
    tgt = getattr(tokenizer, "target_lang", None)
    match = _OPUS_PAIR.search(resolved.source.rstrip("/").lower())
    if match and not (src and tgt):
        src, tgt = match.group(1), match.group(2)
    korean_source = src is not None and (src.split("_")[0] in _KO or src == "mul")
    english_target = tgt is not None and tgt.split("_")[0] in _EN
    if src and tgt and not (korean_source and english_target):
        raise ModelError(
            f"'{resolved.name}' translates {src} -> {tgt}; brief needs a Korean -> English model "
            "(e.g. opus-mt-tc-big-ko-en)."
        )
    codes = getattr(tokenizer, "supported_language_codes", None) or []
    prefix = ">>eng<< " if ">>eng<<" in codes else ""
    return LanguagePair(src, tgt, prefix)


def language_pair(
    resolved: ResolvedModel, tokenizer: Any, config: Mapping[str, Any] | None = None
) -> LanguagePair:
    """How to ask ``resolved`` for Korean -> English; sets the tokenizer's source language if it has one.

    Raises ModelError for a Marian model of another language pair.
    """
    languages = _languages(resolved, read_config(resolved) if config is None else config, tokenizer)
    if languages.src and hasattr(tokenizer, "src_lang"):
        tokenizer.src_lang = languages.src
    return languages


def _languages(resolved: ResolvedModel, config: Mapping[str, Any], tokenizer: Any) -> LanguagePair:
    if resolved.preset is not None and resolved.preset.family != "marian":
        return resolved.preset.languages
    model_type = config.get("model_type")
    lowered = resolved.source.lower()
    if model_type == "marian":
        return _marian_direction(resolved, tokenizer)
    if "nllb" in lowered or "Nllb" in type(tokenizer).__name__:
        return LanguagePair("kor_Hang", "eng_Latn")
    if model_type == "m2m_100":
        return LanguagePair("ko", "en")
    if "madlad" in lowered:
        return LanguagePair(None, "en", "<2en> ")
    return LanguagePair()


def _generate_kwargs(languages: LanguagePair, tokenizer: Any) -> dict[str, Any]:
    """Point multilingual models at English: source language on the tokenizer, forced first token."""
    if languages.tgt and not languages.prefix:
        if hasattr(tokenizer, "get_lang_id"):  # M2M100
            return {"forced_bos_token_id": tokenizer.get_lang_id(languages.tgt)}
        token_id = tokenizer.convert_tokens_to_ids(languages.tgt)
        if isinstance(token_id, int) and token_id != tokenizer.unk_token_id:  # NLLB
            return {"forced_bos_token_id": token_id}
    return {}


# ---------------------------------------------------------------- devices and dtypes
def select_device(requested: str = "auto") -> str:
    """The torch device to run on: "auto" picks CUDA, then MPS (Apple), then CPU."""
    import torch

    wanted = requested.strip().lower()
    has_mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if wanted == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "mps" if has_mps else "cpu"
    if wanted == "cpu":
        return "cpu"
    if wanted == "mps":
        if not has_mps:
            raise ModelError(
                "--device mps was asked for, but this machine has no Apple GPU; use --device auto"
            )
        return "mps"
    if wanted == "cuda" or re.fullmatch(r"cuda:\d+", wanted):
        if not torch.cuda.is_available():
            raise ModelError(
                f"--device {requested} was asked for, but torch sees no CUDA GPU (no GPU, no driver, or a "
                "CPU-only torch build); use --device cpu or --device auto"
            )
        index = int(wanted.partition(":")[2] or 0)
        if index >= torch.cuda.device_count():
            raise ModelError(
                f"--device {requested}: there are only {torch.cuda.device_count()} CUDA device(s)"
            )
        return wanted
    raise ModelError(f"--device must be auto, cpu, cuda, cuda:N or mps, got {requested!r}")


def resolve_dtype(dtype: str, device: str) -> Any:
    """The torch dtype for ``dtype`` ("auto": bf16 on CUDA when supported, else fp16; fp32 on CPU)."""
    import torch

    named = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
    if dtype in named:
        chosen = named[dtype]
        if device == "cpu" and chosen == torch.float16:
            logger.warning("float16 on the CPU is slow and often inaccurate; consider --dtype float32")
        return chosen
    if dtype != "auto":
        raise ModelError(f"--dtype must be auto, float32, float16 or bfloat16, got {dtype!r}")
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32


# ---------------------------------------------------------------- loading
def max_input_tokens(config: Mapping[str, Any], tokenizer: Any) -> int:
    """The longest input the model takes: its position limit and its tokenizer's, whichever is less."""
    limits = []
    positions = config.get("max_position_embeddings")
    if isinstance(positions, int) and positions > 0:
        limits.append(positions)
    tokenizer_limit = getattr(tokenizer, "model_max_length", None)
    if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < 1_000_000:
        limits.append(tokenizer_limit)
    return min(limits) if limits else 512


def load_tokenizer(resolved: ResolvedModel) -> Any:
    """The model's tokenizer alone (fast to load: enough to count tokens before the model is needed)."""
    from transformers import AutoTokenizer

    kwargs: dict[str, Any] = {"trust_remote_code": False}
    if resolved.gguf_file is not None:
        kwargs["gguf_file"] = resolved.gguf_file
    try:
        return AutoTokenizer.from_pretrained(str(resolved.local_dir), **kwargs)
    except (OSError, ValueError, KeyError, TypeError, ImportError) as error:
        raise ModelError(
            f"Cannot load the tokenizer of '{resolved.name}' from {resolved.local_dir}: {error}"
        ) from error


def _load(resolved: ResolvedModel, auto_class: str, device: str, dtype: str) -> tuple[Any, Any, str, Any]:
    import transformers
    from safetensors import SafetensorError  # corrupt or truncated weights

    from brief.events import loading

    chosen_device = select_device(device)
    torch_dtype = resolve_dtype(dtype, chosen_device)
    with loading(resolved.role, resolved.name):
        tokenizer = load_tokenizer(resolved)
        kwargs: dict[str, Any] = {"trust_remote_code": False, "dtype": torch_dtype}
        if resolved.gguf_file is not None:
            kwargs["gguf_file"] = resolved.gguf_file
        elif any(resolved.local_dir.glob("*.safetensors")):
            kwargs["use_safetensors"] = True
        try:
            model = getattr(transformers, auto_class).from_pretrained(str(resolved.local_dir), **kwargs)
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            RuntimeError,
            ImportError,
            SafetensorError,
        ) as error:
            raise ModelError(f"Cannot load '{resolved.name}' from {resolved.local_dir}: {error}") from error
        model = model.to(chosen_device).eval()
    logger.info(
        "loaded %s on %s (%s)", resolved.source, chosen_device, str(torch_dtype).replace("torch.", "")
    )
    return model, tokenizer, chosen_device, torch_dtype


def load_seq2seq(resolved: ResolvedModel, device: str = "auto", dtype: str = "auto") -> LoadedModel:
    """Load an encoder-decoder model (Marian, M2M100, NLLB, MADLAD/T5, BART) and its tokenizer.

    Raises ModelError when the model is of another kind (e.g. a chat model given as a translator) or,
    for Marian models, translates another language pair.
    """
    if resolved.gguf_file is not None:
        raise ModelError(
            f"'{resolved.name}' is a GGUF file; GGUF holds chat models. Use --mt-backend instruct, "
            "or pass an encoder-decoder model folder."
        )
    config = read_config(resolved)
    _check_kind(resolved, config, "seq2seq")
    _check_task(resolved, config)
    model, tokenizer, chosen_device, torch_dtype = _load(resolved, "AutoModelForSeq2SeqLM", device, dtype)
    translating = resolved.role == "translation"
    languages = language_pair(resolved, tokenizer, config) if translating else LanguagePair()
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        device=chosen_device,
        dtype=torch_dtype,
        info=resolved.info("seq2seq"),
        resolved=resolved,
        max_input_tokens=max_input_tokens(config, tokenizer),
        languages=languages,
        generate_kwargs=_generate_kwargs(languages, tokenizer),
    )


def check_chat_model(resolved: ResolvedModel) -> None:
    """ModelError unless ``resolved`` is a causal (chat) model, read from its config without loading it."""
    if resolved.gguf_file is None:
        _check_kind(resolved, read_config(resolved), "instruct")


def load_causal_lm(resolved: ResolvedModel, device: str = "auto", dtype: str = "auto") -> LoadedModel:
    """Load a causal chat model (a folder or a GGUF file) and its tokenizer (with a chat template)."""
    check_chat_model(resolved)
    model, tokenizer, chosen_device, torch_dtype = _load(resolved, "AutoModelForCausalLM", device, dtype)
    if model.config.is_encoder_decoder:
        raise ModelError(f"'{resolved.name}' is an encoder-decoder model, not a causal chat model")
    if not getattr(tokenizer, "chat_template", None):
        raise ModelError(
            f"'{resolved.name}' has no chat template, so it cannot follow instructions; pass an "
            "instruction-tuned ('-Instruct' / '-chat') model, not a base model."
        )
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "left"  # batched generation continues each prompt at its end
    config = model.config.to_dict()
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        device=chosen_device,
        dtype=torch_dtype,
        info=resolved.info("instruct"),
        resolved=resolved,
        max_input_tokens=max_input_tokens(config, tokenizer),
    )


class ModelPool:
    """The models of one run, each loaded once: when the translator and the summarizer name the same
    model (and device and dtype), both get the one loaded copy. ``loads`` counts real loads."""

    def __init__(self) -> None:
        self._models: dict[tuple[str, ...], Any] = {}
        self.loads = 0

    def get(self, key: tuple[str, ...], load: Callable[[], Any]) -> Any:
        """The model stored under ``key``, made with ``load()`` the first time it is asked for."""
        if key not in self._models:
            self._models[key] = load()
            self.loads += 1
        return self._models[key]

    def causal_lm(self, resolved: ResolvedModel, device: str = "auto", dtype: str = "auto") -> LoadedModel:
        """``load_causal_lm(resolved, device, dtype)``, or the copy already loaded."""
        key = ("causal_lm", *_identity(resolved), device, dtype)
        loaded: LoadedModel = self.get(key, lambda: load_causal_lm(resolved, device=device, dtype=dtype))
        return loaded


def _identity(resolved: ResolvedModel) -> tuple[str, str, str]:
    """What makes two resolved models the same weights (whatever name or role they were asked by)."""
    return str(resolved.local_dir), resolved.gguf_file or "", resolved.revision or ""


class LazyModel:
    """One model a backend runs, loaded on first use: its tokenizer alone before then (enough to count
    tokens), its context length, and the loaded model (from a ModelPool when given, so that a translator
    and a summarizer naming the same chat model share one copy).

    ``kind`` is "instruct" (a causal chat model in transformers), "seq2seq" (an encoder-decoder model)
    or "llamacpp" (a GGUF chat model in llama.cpp, a ``brief.llama.LlamaModel``); ``loaded`` wraps a
    model already loaded (tests, library users).
    """

    def __init__(
        self,
        resolved: ResolvedModel,
        kind: Engine = "instruct",
        *,
        device: str = "auto",
        dtype: str = "auto",
        pool: ModelPool | None = None,
        loaded: LoadedModel | None = None,
    ) -> None:
        self.resolved = resolved
        self.kind = kind
        self.device = device
        self.dtype = dtype
        self._pool = pool
        self._loaded = loaded
        self._tokenizer: Any = None
        self._context: int | None = None

    @classmethod
    def of(cls, loaded: LoadedModel) -> LazyModel:
        """A holder of a model already loaded."""
        kind: Engine = "seq2seq" if loaded.info.backend == "seq2seq" else "instruct"
        return cls(loaded.resolved, kind, device=loaded.device, loaded=loaded)

    @property
    def is_loaded(self) -> bool:
        """Whether the model itself is loaded (a run served from the cache never loads it)."""
        return self._loaded is not None

    @property
    def has_tokenizer(self) -> bool:
        """Whether a tokenizer was loaded (alone or with the model)."""
        return self._loaded is not None or self._tokenizer is not None

    def load(self) -> Any:
        """The loaded model (loaded now, once): a LoadedModel, or a LlamaModel for "llamacpp";
        ModelError / ModelUnavailableError with the fix."""
        if self._loaded is None:
            if self.kind == "seq2seq":
                self._loaded = load_seq2seq(self.resolved, device=self.device, dtype=self.dtype)
            elif self.kind == "llamacpp":
                from brief import llama

                pool = self._pool or ModelPool()
                key = ("llamacpp", *_identity(self.resolved))
                self._loaded = pool.get(key, lambda: llama.load_llama(self.resolved))
            else:
                pool = self._pool or ModelPool()
                self._loaded = pool.causal_lm(self.resolved, device=self.device, dtype=self.dtype)
            self._tokenizer = None
        return self._loaded

    @property
    def loaded(self) -> Any:
        """The loaded model, or None while it is not loaded (asking never loads it)."""
        return self._loaded

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer: the loaded model's, or loaded alone (without the weights)."""
        if self._loaded is not None:
            return self._loaded.tokenizer
        if self._tokenizer is None:
            if self.kind == "llamacpp":
                from brief.llama import load_llama_tokenizer

                self._tokenizer = load_llama_tokenizer(self.resolved)
            else:
                self._tokenizer = load_tokenizer(self.resolved)
        return self._tokenizer

    @property
    def context(self) -> int:
        """The longest input the model takes, in tokens (from its config or GGUF metadata and its
        tokenizer; the loaded model's figure once it is loaded)."""
        if self._loaded is not None:
            return int(self._loaded.max_input_tokens)
        if self._context is None:
            if self.kind == "llamacpp":
                from brief.llama import context_of

                self._context = context_of(self.resolved)
            else:
                self._context = max_input_tokens(read_config(self.resolved), self.tokenizer)
        return self._context
