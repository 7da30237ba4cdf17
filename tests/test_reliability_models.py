"""Model faults through ``brief build`` (in process): not a model, the wrong kind of model, the wrong
language direction, running out of GPU memory, and a model that returns nothing for a sentence.

Every fault ends in a clear message naming the model and exit code 2 (and no digest file), or is absorbed
and reported: out of memory halves the batch and retries; an empty translation is kept, with a note.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.errors import EXIT_MODEL, EXIT_OK
from tests.reliability_support import FAST_MODEL_ARGS, GOOD_ARTICLE, SECOND_ARTICLE

RUNNER = CliRunner()


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("model-faults-in")
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    return folder


def build(articles: Path, out: Path, *options: str) -> tuple[int, str]:
    args = [
        "build",
        str(articles),
        "-o",
        str(out),
        "--json-out",
        str(out.with_suffix(".json")),
        "--no-cache",
        *FAST_MODEL_ARGS,
        *options,
    ]
    result = RUNNER.invoke(app, args, catch_exceptions=False)
    return result.exit_code, result.stderr


def _copy(model: Path, to: Path, edit: Callable[[dict[str, Any]], None], file: str = "config.json") -> Path:
    shutil.copytree(model, to)
    data = json.loads((to / file).read_text(encoding="utf-8"))
    edit(data)
    (to / file).write_text(json.dumps(data), encoding="utf-8")
    return to


# ---------------------------------------------------------------- not a model
def _empty(p: Path) -> None:
    p.mkdir()


def _readme_only(p: Path) -> None:
    p.mkdir()
    (p / "README.md").write_text("# not a model\n", encoding="utf-8")


def _broken_config(p: Path) -> None:
    p.mkdir()
    (p / "config.json").write_text("{not json", encoding="utf-8")
    (p / "model.safetensors").write_bytes(b"\0" * 64)


def _no_model_type(p: Path) -> None:
    p.mkdir()
    (p / "config.json").write_text('{"hidden_size": 8}', encoding="utf-8")
    (p / "model.safetensors").write_bytes(b"\0" * 64)


def _text_file(p: Path) -> None:
    p.write_text("not a model", encoding="utf-8")


def _fake_gguf(p: Path) -> None:
    p.write_bytes(b"GGUF" + b"\0" * 60)


NOT_MODELS: dict[str, Callable[[Path], None]] = {
    "missing": lambda p: None,
    "empty-folder": _empty,
    "readme-only": _readme_only,
    "broken-config": _broken_config,
    "no-model-type": _no_model_type,
    "text-file": _text_file,
    "fake.gguf": _fake_gguf,
}


@pytest.mark.parametrize("kind", sorted(NOT_MODELS))
def test_a_path_that_is_not_a_model_exits_2_naming_it(articles: Path, tmp_path: Path, kind: str) -> None:
    model = tmp_path / kind
    NOT_MODELS[kind](model)
    out = tmp_path / "out" / "d.md"
    code, stderr = build(articles, out, "--mt-model", str(model))
    assert code == EXIT_MODEL, stderr
    assert str(model) in stderr
    assert "Traceback" not in stderr
    assert not out.parent.exists()


def test_weights_that_are_garbage_exit_2_naming_the_model(
    articles: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    model = tmp_path / "garbage"
    shutil.copytree(tiny_marian, model)
    (model / "model.safetensors").write_bytes(b"garbage" * 100)
    out = tmp_path / "out" / "d.md"
    code, stderr = build(articles, out, "--mt-model", str(model))
    assert code == EXIT_MODEL, stderr
    assert str(model) in stderr
    assert not out.parent.exists()


# ---------------------------------------------------------------- wrong kind, wrong direction
def test_a_chat_model_forced_onto_the_seq2seq_backend(
    articles: Path, tiny_qwen2: Path, tmp_path: Path
) -> None:
    code, stderr = build(
        articles, tmp_path / "d.md", "--mt-model", str(tiny_qwen2), "--mt-backend", "seq2seq"
    )
    assert code == EXIT_MODEL, stderr
    assert "causal" in stderr and "--mt-backend instruct" in stderr
    assert not (tmp_path / "d.md").exists()


def test_a_translation_model_forced_onto_the_instruct_backend(
    articles: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    code, stderr = build(
        articles, tmp_path / "d.md", "--mt-model", str(tiny_marian), "--mt-backend", "instruct"
    )
    assert code == EXIT_MODEL, stderr
    assert "not a chat model" in stderr
    assert not (tmp_path / "d.md").exists()


def test_an_english_to_korean_marian_is_refused(articles: Path, tiny_marian: Path, tmp_path: Path) -> None:
    def en_ko(tokenizer_config: dict[str, Any]) -> None:
        tokenizer_config.update(source_lang="en", target_lang="ko")

    model = _copy(tiny_marian, tmp_path / "marian-en-ko", en_ko, "tokenizer_config.json")
    code, stderr = build(articles, tmp_path / "d.md", "--mt-model", str(model))
    assert code == EXIT_MODEL, stderr
    assert "en -> ko" in stderr
    assert not (tmp_path / "d.md").exists()


def test_a_marian_named_for_another_pair_is_refused(
    articles: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    def unnamed(tokenizer_config: dict[str, Any]) -> None:
        tokenizer_config.pop("source_lang"), tokenizer_config.pop("target_lang")

    model = _copy(tiny_marian, tmp_path / "opus-mt-ja-en", unnamed, "tokenizer_config.json")
    code, stderr = build(articles, tmp_path / "d.md", "--mt-model", str(model))
    assert code == EXIT_MODEL, stderr
    assert "ja -> en" in stderr


def test_a_summarization_model_is_refused_as_translator(
    articles: Path, tiny_bart: Path, tmp_path: Path
) -> None:
    """bart-large-cnn's config declares its task (task_specific_params: summarization only)."""

    def summarizer(config: dict[str, Any]) -> None:
        config["task_specific_params"] = {
            "summarization": {
                "early_stopping": True,
                "length_penalty": 2.0,
                "max_length": 142,
                "min_length": 56,
            }
        }

    model = _copy(tiny_bart, tmp_path / "bart-large-cnn", summarizer)
    code, stderr = build(articles, tmp_path / "d.md", "--mt-model", str(model))
    assert code == EXIT_MODEL, stderr
    assert "summariz" in stderr and str(model) in stderr
    assert not (tmp_path / "d.md").exists()


def test_a_translation_model_is_refused_as_summarizer(
    articles: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    code, stderr = build(
        articles, tmp_path / "d.md", "--mt-model", str(tiny_marian), "--summarizer", str(tiny_marian)
    )
    assert code == EXIT_MODEL, stderr
    assert str(tiny_marian) in stderr
    assert not (tmp_path / "d.md").exists()


# ---------------------------------------------------------------- out of memory
@pytest.fixture
def reference(articles: Path, tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("oom-reference") / "d.md"
    code, stderr = build(articles, out, "--mt-model", str(tiny_marian))
    assert code == EXIT_OK, stderr
    return json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def _oom_generate(monkeypatch: pytest.MonkeyPatch, fail: Callable[[int], bool]) -> list[int]:
    """MarianMTModel.generate raises torch.OutOfMemoryError when ``fail(batch rows)``; returns the calls."""
    import torch
    from transformers import MarianMTModel

    original = MarianMTModel.generate
    calls: list[int] = []

    def generate(self: Any, *args: Any, **kwargs: Any) -> Any:
        rows = int(kwargs["input_ids"].shape[0])
        calls.append(rows)
        if fail(rows):
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB (simulated)")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(MarianMTModel, "generate", generate)
    return calls


def test_out_of_memory_once_halves_the_batch_and_loses_nothing(
    articles: Path,
    tiny_marian: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reference: dict[str, Any],
) -> None:
    calls = _oom_generate(monkeypatch, lambda rows: len(calls) == 1)  # only the first call fails
    out = tmp_path / "d.md"
    code, stderr = build(articles, out, "--mt-model", str(tiny_marian), "--batch-size", "8")
    assert code == EXIT_OK, stderr
    assert calls[0] == 8 and calls[1] == 4 and calls[2] == 4  # halved, both halves retried
    digest = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [a["sentences"] for a in digest["articles"]] == [a["sentences"] for a in reference["articles"]]


def test_out_of_memory_always_is_a_clear_model_error(
    articles: Path, tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _oom_generate(monkeypatch, lambda rows: True)
    out = tmp_path / "d.md"
    code, stderr = build(articles, out, "--mt-model", str(tiny_marian), "--batch-size", "8")
    assert code == EXIT_MODEL, stderr
    assert "out of memory" in stderr and tiny_marian.name in stderr and "--device cpu" in stderr
    assert calls == [8, 4, 2, 1]  # halved down to one sentence, then given up
    assert not out.exists()


@pytest.mark.parametrize("role", ["summarizer", "translator"])
def test_out_of_memory_in_a_chat_model_is_a_clear_model_error(
    articles: Path,
    tiny_marian: Path,
    tiny_qwen2: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    role: str,
) -> None:
    import torch
    from transformers import Qwen2ForCausalLM

    def generate(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise torch.OutOfMemoryError("CUDA out of memory (simulated)")

    monkeypatch.setattr(Qwen2ForCausalLM, "generate", generate)
    out = tmp_path / "d.md"
    models = (
        ["--mt-model", str(tiny_marian), "--summarizer", str(tiny_qwen2)]
        if role == "summarizer"
        else ["--mt-model", str(tiny_qwen2), "--summarizer", "extractive"]
    )
    args = ["build", str(articles), "-o", str(out), "--no-cache", "--max-new-tokens", "4", "--quiet", *models]
    result = RUNNER.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == EXIT_MODEL, result.stderr
    assert "out of memory" in result.stderr and tiny_qwen2.name in result.stderr, result.stderr
    assert "--device cpu" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


# ---------------------------------------------------------------- empty output
def test_an_empty_translation_is_kept_with_a_note(
    articles: Path, tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brief.translate.seq2seq import Seq2SeqBackend

    original = Seq2SeqBackend._generate

    def generate(self: Seq2SeqBackend, sentences: list[str]) -> list[str]:
        english = original(self, sentences)
        return ["" if "청년" in ko else en for ko, en in zip(sentences, english, strict=True)]

    monkeypatch.setattr(Seq2SeqBackend, "_generate", generate)
    out = tmp_path / "d.md"
    code, stderr = build(articles, out, "--mt-model", str(tiny_marian))
    assert code == EXIT_OK, stderr
    digest = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    pairs = [p for a in digest["articles"] for p in a["sentences"]]
    empty = [p for p in pairs if "청년" in p["ko"]]
    assert empty, "the sentences with 청년 are gone from the digest"
    for pair in empty:
        assert pair["en"] == ""
        assert "empty output" in pair["notes"]
    assert all("empty output" not in p["notes"] for p in pairs if "청년" not in p["ko"])
