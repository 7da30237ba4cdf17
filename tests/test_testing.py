"""brief.testing: the tiny models load like hub models and run through brief's loaders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief.models import load_causal_lm, load_seq2seq, resolve
from brief.testing import bart_large_cnn_config, opus_mt_ko_en_config, qwen2_5_1_5b_config


@pytest.mark.parametrize(
    ("fixture", "files"),
    [
        (
            "tiny_marian",
            [
                "config.json",
                "model.safetensors",
                "source.spm",
                "target.spm",
                "vocab.json",
                "tokenizer_config.json",
                "generation_config.json",
            ],
        ),
        ("tiny_bart", ["config.json", "model.safetensors", "tokenizer.json", "generation_config.json"]),
        ("tiny_qwen2", ["config.json", "model.safetensors", "tokenizer.json", "generation_config.json"]),
    ],
)
def test_saved_like_a_hub_model(request: pytest.FixtureRequest, fixture: str, files: list[str]) -> None:
    folder: Path = request.getfixturevalue(fixture)
    for name in files:
        assert (folder / name).is_file(), name
    assert not list(folder.glob("*.bin")), "weights must be safetensors"


def test_tiny_marian_tokenizes_korean_without_unknowns(tiny_marian: Path, seed_text: str) -> None:
    loaded = load_seq2seq(resolve(str(tiny_marian)), device="cpu")
    tokenizer = loaded.tokenizer
    assert type(tokenizer).__name__ == "MarianTokenizer"
    sentence = "한국마이크로소프트와 KT클라우드가 2.4조 원을 투자한다."
    ids = tokenizer(sentence).input_ids
    assert tokenizer.unk_token_id not in ids
    assert ids[-1] == tokenizer.eos_token_id == 0
    # a rare character still becomes byte pieces, not <unk>
    assert tokenizer.unk_token_id not in tokenizer("뷁").input_ids
    assert loaded.max_input_tokens == 128
    assert loaded.languages.src == "ko"
    assert loaded.languages.tgt == "en"


def test_tiny_marian_generates_english_pieces(tiny_marian: Path) -> None:
    import torch

    loaded = load_seq2seq(resolve(str(tiny_marian)), device="cpu")
    batch = loaded.tokenizer(["정부는 발표했다.", "안녕하세요"], return_tensors="pt", padding=True)
    with torch.inference_mode():
        out = loaded.model.generate(**batch)
    texts = loaded.tokenizer.batch_decode(out, skip_special_tokens=True)
    assert len(texts) == 2
    for text in texts:
        assert text.strip()
        assert not any("\uac00" <= ch <= "\ud7a3" for ch in text), text  # output is not Korean


def test_tiny_marian_is_deterministic(tmp_path: Path) -> None:
    from brief.testing import build_tiny_marian

    a = build_tiny_marian(tmp_path / "a", ["가나다 라마바"], seed=3)
    b = build_tiny_marian(tmp_path / "b", ["가나다 라마바"], seed=3)
    assert (a / "vocab.json").read_text() == (b / "vocab.json").read_text()
    assert (a / "model.safetensors").read_bytes() == (b / "model.safetensors").read_bytes()


def test_tiny_bart_has_bart_large_cnn_settings(tiny_bart: Path) -> None:
    loaded = load_seq2seq(resolve(str(tiny_bart), "summarization"), device="cpu")
    config = json.loads((tiny_bart / "config.json").read_text())
    assert config["model_type"] == "bart"
    assert loaded.max_input_tokens == 128
    generation = loaded.model.generation_config
    assert generation.num_beams == 4
    assert generation.no_repeat_ngram_size == 3
    ids = loaded.tokenizer("The company said on Monday.").input_ids
    assert ids[0] == 0
    assert ids[-1] == 2
    assert loaded.tokenizer.decode(ids, skip_special_tokens=True) == "The company said on Monday."


def test_tiny_qwen2_chat_template_and_generation(tiny_qwen2: Path) -> None:
    import torch

    loaded = load_causal_lm(resolve(str(tiny_qwen2), "summarization"), device="cpu")
    tokenizer = loaded.tokenizer
    prompt = tokenizer.apply_chat_template(
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "요약해 주세요"}],
        tokenize=False,
        add_generation_prompt=True,
    )
    assert prompt == (
        "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n요약해 주세요<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    assert tokenizer.eos_token == "<|im_end|>"
    assert tokenizer.padding_side == "left"
    batch = tokenizer([prompt, "<|im_start|>user\nhi<|im_end|>\n"], return_tensors="pt", padding=True)
    with torch.inference_mode():
        out = loaded.model.generate(**batch, max_new_tokens=5)
    assert out.shape[0] == 2
    assert out.shape[1] <= batch.input_ids.shape[1] + 5


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (
            opus_mt_ko_en_config,
            {
                "model_type": "marian",
                "d_model": 512,
                "vocab_size": 65001,
                "encoder_layers": 6,
                "pad_token_id": 65000,
                "max_position_embeddings": 512,
            },
        ),
        (
            bart_large_cnn_config,
            {
                "model_type": "bart",
                "d_model": 1024,
                "vocab_size": 50264,
                "encoder_layers": 12,
                "max_position_embeddings": 1024,
            },
        ),
        (
            qwen2_5_1_5b_config,
            {
                "model_type": "qwen2",
                "hidden_size": 1536,
                "vocab_size": 151936,
                "num_hidden_layers": 28,
                "num_key_value_heads": 2,
            },
        ),
    ],
)
def test_real_architecture_configs(factory: object, expected: dict[str, object]) -> None:
    config = factory().to_dict()  # type: ignore[operator]
    for key, value in expected.items():
        assert config[key] == value, key
