"""The one registry of model backends, for translation and summaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from brief.backends import REGISTRY, backend_class, kinds, split_kind
from brief.errors import ModelError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("openai:qwen2.5:7b-instruct", ("openai", "qwen2.5:7b-instruct")),
        ("OpenAI:tiny", ("openai", "tiny")),
        ("instruct:/models/a.gguf", ("instruct", "/models/a.gguf")),
        ("llamacpp:/models/a.gguf", ("llamacpp", "/models/a.gguf")),
        ("seq2seq:facebook/bart-large-cnn", ("seq2seq", "facebook/bart-large-cnn")),
        ("opus-mt-tc-big-ko-en", (None, "opus-mt-tc-big-ko-en")),
        ("C:/models/x", (None, "C:/models/x")),  # a drive letter is no kind
        ("openai:", (None, "openai:")),  # no model named: left for the config check
    ],
)
def test_a_name_may_force_its_kind(name: str, expected: tuple[str | None, str]) -> None:
    assert split_kind(name) == expected


def test_both_roles_are_in_one_registry() -> None:
    assert kinds("translation") == ("seq2seq", "instruct", "ctranslate2", "openai", "llamacpp")
    assert kinds("summarization") == ("extractive", "seq2seq", "instruct", "openai", "llamacpp")
    import brief.summarize
    import brief.translate

    assert {k: v for (r, k), v in REGISTRY.items() if r == "translation"} == brief.translate.BACKENDS
    assert {k: v for (r, k), v in REGISTRY.items() if r == "summarization"} == brief.summarize.BACKENDS


@pytest.mark.parametrize(("role", "kind"), [key for key in REGISTRY if key[1] != "ctranslate2"])
def test_every_registered_backend_imports(role: str, kind: str) -> None:
    assert backend_class(role, kind).__name__ == REGISTRY[(role, kind)].rpartition(":")[2]  # type: ignore[index]


def test_an_unknown_kind_names_the_choices() -> None:
    with pytest.raises(ModelError, match="extractive, seq2seq, instruct, openai"):
        backend_class("summarization", "magic")


def test_the_registry_imports_no_model_library() -> None:
    code = (
        "import sys, brief.backends, brief.translate, brief.summarize, brief.remote\n"
        "heavy = ('torch', 'transformers', 'openai', 'ctranslate2', 'llama_cpp')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_instruct_prefix_forces_the_translation_backend(tiny_qwen2: Path, tmp_path: Path) -> None:
    from brief.config import BriefConfig
    from brief.translate import make_translator

    translator = make_translator(BriefConfig(mt_model=f"instruct:{tiny_qwen2}", cache_dir=tmp_path))
    assert translator.info.backend == "instruct"
