"""The CTranslate2 backend with the tiny Marian model: conversion once, atomically; batches in order."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ctranslate2")

from brief.errors import ModelError
from brief.models import resolve
from brief.translate.ct2 import CT2Backend, converted_model_dir

SENTENCES = ["정부는 5개년 계획을 발표했다.", "안녕하세요.", "KT클라우드와 한국마이크로소프트가 협력한다."]


@pytest.fixture(scope="module")
def ct2_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ct2")


def test_translates_a_batch_in_order(tiny_marian: Path, ct2_root: Path) -> None:
    backend = CT2Backend(
        resolve(str(tiny_marian)), device="cpu", num_beams=1, max_new_tokens=12, root=ct2_root
    )
    assert backend.info.backend == "ctranslate2"
    assert backend.settings["compute_type"] == "int8"
    assert backend.max_input_tokens == 128
    assert backend.count_tokens("안녕하세요.") >= 2
    english = backend.translate_batch(SENTENCES)
    assert len(english) == len(SENTENCES)
    assert all(text for text in english)
    # one sentence alone gives the same output as in the batch (greedy decoding is per sentence)
    assert backend.translate_batch(SENTENCES[1:2]) == english[1:2]
    assert backend.translate_batch([]) == []
    assert backend.calls == 2


def test_converts_once_and_atomically(tiny_marian: Path, ct2_root: Path) -> None:
    resolved = resolve(str(tiny_marian))
    first = CT2Backend(resolved, device="cpu", num_beams=1, root=ct2_root)
    first.translate_batch(SENTENCES[:1])
    folder = converted_model_dir(resolved, "int8", ct2_root)
    model_bin = folder / "model.bin"
    assert model_bin.is_file()
    stamp = model_bin.stat().st_mtime_ns
    second = CT2Backend(resolved, device="cpu", num_beams=1, root=ct2_root)
    second.translate_batch(SENTENCES[:1])
    assert model_bin.stat().st_mtime_ns == stamp  # not converted again
    assert not list(ct2_root.glob(".converting-*"))  # no temporary folder left behind
    assert "int8" in folder.name


def test_fixed_output_length(tiny_marian: Path, ct2_root: Path) -> None:
    backend = CT2Backend(
        resolve(str(tiny_marian)),
        device="cpu",
        num_beams=1,
        root=ct2_root,
        decode_overrides={"min_decoding_length": 6, "max_decoding_length": 6, "no_repeat_ngram_size": 0},
    )
    english = backend.translate_batch(SENTENCES)
    assert all(text for text in english)
    assert "decode.max_decoding_length" in backend.settings


def test_refuses_a_chat_model(tiny_qwen2: Path, ct2_root: Path) -> None:
    with pytest.raises(ModelError, match="instruct"):
        CT2Backend(resolve(str(tiny_qwen2)), device="cpu", root=ct2_root)


def test_refuses_a_missing_gpu(tiny_marian: Path, ct2_root: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a GPU")
    with pytest.raises(ModelError, match="no CUDA GPU"):
        CT2Backend(resolve(str(tiny_marian)), device="cuda", root=ct2_root)


def test_make_translator_dispatches_to_ctranslate2(tiny_marian: Path, tmp_path: Path) -> None:
    from brief.config import BriefConfig
    from brief.records import Article, Outlet
    from brief.translate import make_translator, translate_articles

    config = BriefConfig(
        mt_model=str(tiny_marian), mt_backend="ctranslate2", cache_dir=tmp_path, use_cache=False, num_beams=1
    )
    translator = make_translator(config)
    assert translator.info.backend == "ctranslate2"
    article = Article(
        id="a1", source="a1.txt", headline="정부, 새 계획 발표", subheadlines=(),
        paragraphs=("정부는 계획을 발표했다. 기업들은 환영했다.", "시장은 성장할 것이다."),
        captions=(), outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    [translated] = translate_articles(translator, [article])
    assert len(translated.paragraphs_en) == 2
    assert all(pair.en for pair in translated.sentences)
    assert (tmp_path / "ct2").is_dir()
