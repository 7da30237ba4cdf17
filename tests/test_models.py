"""brief.models: presets, resolving (local, cache, offline), loaders, devices."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief.errors import EXIT_MODEL, ModelError, ModelUnavailableError
from brief.models import (
    PRESETS,
    find_preset,
    load_causal_lm,
    load_seq2seq,
    model_kind,
    resolve,
    resolve_dtype,
    select_device,
)


def test_presets_are_complete() -> None:
    for name, preset in PRESETS.items():
        assert preset.name == name
        assert "/" in preset.hub_id
        assert preset.roles
        assert preset.licence
    assert PRESETS["nllb-200-distilled-600M"].commercial is False
    assert PRESETS["nllb-200-distilled-600M"].languages.tgt == "eng_Latn"
    assert PRESETS["madlad400-3b-mt"].languages.prefix == "<2en> "
    assert PRESETS["opus-mt-tc-big-ko-en"].licence == "CC-BY-4.0"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("opus-mt-ko-en", "opus-mt-ko-en"),
        ("Helsinki-NLP/opus-mt-ko-en", "opus-mt-ko-en"),
        ("BART-LARGE-CNN", "bart-large-cnn"),
        ("someone/else", None),
    ],
)
def test_find_preset(name: str, expected: str | None) -> None:
    preset = find_preset(name)
    assert (preset.name if preset else None) == expected


def test_offline_uncached_hub_model_says_how_to_fix() -> None:
    with pytest.raises(ModelUnavailableError) as caught:
        resolve("opus-mt-ko-en", "translation")
    message = str(caught.value)
    assert "opus-mt-ko-en" in message
    assert "brief models pull opus-mt-ko-en" in message
    assert "--mt-model /path/to/model-folder" in message
    assert caught.value.exit_code == EXIT_MODEL


def test_offline_uncached_summarizer_mentions_extractive() -> None:
    with pytest.raises(ModelUnavailableError) as caught:
        resolve("someone/some-model", "summarization")
    message = str(caught.value)
    assert "someone/some-model" in message
    assert "--summarizer extractive" in message


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda tmp: tmp / "missing", "does not exist"),
        (lambda tmp: tmp, "no config.json"),
        (lambda tmp: (tmp / "notes.txt", (tmp / "notes.txt").write_text("x"))[0], "not a .gguf"),
        (lambda tmp: (tmp, (tmp / "a.gguf").touch(), (tmp / "b.gguf").touch())[0], "2 .gguf files"),
    ],
)
def test_not_a_model_path(tmp_path: Path, make: object, fragment: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(ModelError, match=fragment) as caught:
        resolve(str(path), "translation")
    assert str(path) in str(caught.value)


def test_config_without_weights(tmp_path: Path, tiny_marian: Path) -> None:
    shutil.copy(tiny_marian / "config.json", tmp_path / "config.json")
    with pytest.raises(ModelError, match="no weights"):
        resolve(str(tmp_path))


def test_wrong_kind_is_reported(tiny_qwen2: Path, tiny_marian: Path) -> None:
    with pytest.raises(ModelError, match="--mt-backend instruct"):
        load_seq2seq(resolve(str(tiny_qwen2)), device="cpu")
    with pytest.raises(ModelError, match="not a causal chat model"):
        load_causal_lm(resolve(str(tiny_marian)), device="cpu")
    with pytest.raises(ModelError, match="summarization model, not a translation"):
        resolve("bart-large-cnn", "translation")


def test_model_kind(tiny_marian: Path, tiny_bart: Path, tiny_qwen2: Path) -> None:
    assert model_kind(resolve(str(tiny_marian))) == "seq2seq"
    assert model_kind(resolve(str(tiny_bart), "summarization")) == "seq2seq"
    assert model_kind(resolve(str(tiny_qwen2))) == "instruct"


def test_wrong_language_pair_is_reported(tmp_path: Path) -> None:
    from brief.testing import build_tiny_marian

    folder = build_tiny_marian(tmp_path / "en-de", ["Hallo Welt"], source_lang="en", target_lang="de")
    with pytest.raises(ModelError, match="en -> de"):
        load_seq2seq(resolve(str(folder)), device="cpu")


def test_chat_model_without_template(tmp_path: Path) -> None:
    from brief.testing import build_tiny_qwen2

    folder = build_tiny_qwen2(tmp_path / "base", chat_template=None)
    with pytest.raises(ModelError, match="no chat template"):
        load_causal_lm(resolve(str(folder)), device="cpu")


def _fake_cache(cache: Path, repo_id: str, source: Path, commit: str) -> None:
    repo = cache / ("models--" + repo_id.replace("/", "--"))
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    shutil.copytree(source, repo / "snapshots" / commit)


def test_hub_model_from_the_cache(tmp_path: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    _fake_cache(tmp_path, "Helsinki-NLP/opus-mt-ko-en", tiny_marian, commit)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    resolved = resolve("opus-mt-ko-en", "translation")
    assert resolved.source == "Helsinki-NLP/opus-mt-ko-en"
    assert resolved.revision == commit
    assert resolved.preset is PRESETS["opus-mt-ko-en"]
    assert resolved.licence == "Apache-2.0"
    loaded = load_seq2seq(resolved, device="cpu")
    assert loaded.info.revision == commit
    assert loaded.info.name == "Helsinki-NLP/opus-mt-ko-en"
    assert loaded.info.licence == "Apache-2.0"
    # the same model by hub id
    assert resolve("Helsinki-NLP/opus-mt-ko-en").local_dir == resolved.local_dir


def test_non_commercial_licence_is_logged(
    tmp_path: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from huggingface_hub import constants

    _fake_cache(tmp_path, "facebook/nllb-200-distilled-600M", tiny_marian, "f" * 40)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    with caplog.at_level("WARNING", logger="brief.models"):
        resolved = resolve("nllb-200-distilled-600M")
    assert resolved.commercial is False
    assert "non-commercial" in caplog.text


@pytest.mark.parametrize(("requested", "expected"), [("auto", "cpu"), ("cpu", "cpu"), ("CPU", "cpu")])
def test_select_device_on_a_cpu_machine(requested: str, expected: str) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    assert select_device(requested) == expected


@pytest.mark.parametrize("requested", ["cuda", "cuda:0", "cuda:3", "tpu"])
def test_select_device_refuses_what_is_not_there(requested: str) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(ModelError, match="--device"):
        select_device(requested)


@pytest.mark.parametrize(
    ("dtype", "device", "expected"),
    [("auto", "cpu", "float32"), ("bfloat16", "cpu", "bfloat16"), ("float32", "cuda", "float32")],
)
def test_resolve_dtype(dtype: str, device: str, expected: str) -> None:
    assert str(resolve_dtype(dtype, device)) == f"torch.{expected}"


class _FakeTokenizer:
    """Just enough of a tokenizer for the language-code logic."""

    unk_token_id = 3

    def __init__(self, **attributes: object) -> None:
        self.__dict__.update(attributes)

    def convert_tokens_to_ids(self, token: str) -> int:
        return {"eng_Latn": 256047}.get(token, self.unk_token_id)


class _M2MTokenizer(_FakeTokenizer):
    def get_lang_id(self, code: str) -> int:
        return {"en": 128022}[code]


def _resolved(source: str, preset: str | None = None) -> object:
    from brief.models import ResolvedModel

    found = find_preset(preset or "")
    return ResolvedModel(name=source, source=source, local_dir=Path("/nowhere"), preset=found)


@pytest.mark.parametrize(
    ("source", "preset", "tokenizer", "config", "pair", "kwargs"),
    [
        ("facebook/m2m100_418M", "m2m100_418M", _M2MTokenizer(src_lang=None), {"model_type": "m2m_100"},
         ("ko", "en", ""), {"forced_bos_token_id": 128022}),
        ("facebook/nllb-200-distilled-600M", "nllb-200-distilled-600M", _FakeTokenizer(src_lang=None),
         {"model_type": "m2m_100"}, ("kor_Hang", "eng_Latn", ""), {"forced_bos_token_id": 256047}),
        ("someone/my-nllb-finetune", None, _FakeTokenizer(src_lang=None), {"model_type": "m2m_100"},
         ("kor_Hang", "eng_Latn", ""), {"forced_bos_token_id": 256047}),
        ("google/madlad400-3b-mt", "madlad400-3b-mt", _FakeTokenizer(), {"model_type": "t5"},
         (None, "en", "<2en> "), {}),
        ("Helsinki-NLP/opus-mt-tc-big-ko-en", None, _FakeTokenizer(), {"model_type": "marian"},
         ("ko", "en", ""), {}),
        ("Helsinki-NLP/opus-mt-mul-en", None, _FakeTokenizer(supported_language_codes=[">>eng<<", ">>deu<<"]),
         {"model_type": "marian"}, ("mul", "en", ">>eng<< "), {}),
    ],
)  # fmt: skip
def test_language_codes(
    source: str,
    preset: str | None,
    tokenizer: _FakeTokenizer,
    config: dict[str, str],
    pair: tuple[str | None, str, str],
    kwargs: dict[str, int],
) -> None:
    from brief.models import _generate_kwargs, language_pair

    languages = language_pair(_resolved(source, preset), tokenizer, config)  # type: ignore[arg-type]
    assert (languages.src, languages.tgt, languages.prefix) == pair
    assert _generate_kwargs(languages, tokenizer) == kwargs
    if hasattr(tokenizer, "src_lang"):
        assert tokenizer.src_lang == pair[0]


@pytest.mark.parametrize("source", ["Helsinki-NLP/opus-mt-en-de", "Helsinki-NLP/opus-mt-tc-big-en-ko"])
def test_marian_of_another_language_pair(source: str) -> None:
    from brief.models import language_pair

    with pytest.raises(ModelError, match="brief needs a Korean -> English model"):
        language_pair(_resolved(source), _FakeTokenizer(), {"model_type": "marian"})  # type: ignore[arg-type]
