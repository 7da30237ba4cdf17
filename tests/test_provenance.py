"""The digest's provenance names every prompt that shaped it, the translator's included."""

from __future__ import annotations

import hashlib
from pathlib import Path

from brief.config import BriefConfig
from brief.pipeline import build_digest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = 'KT는 26일 마이크로소프트와 협력한다고 밝혔다.\n\n김영섭 KT 대표는 "협력을 강화하겠다"고 말했다.\n'


def test_instruct_translation_prompts_are_in_the_provenance(tmp_path: Path, tiny_qwen2: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    config = BriefConfig(
        mt_model=str(tiny_qwen2), mt_backend="instruct", max_new_tokens=4, cache_dir=tmp_path / "cache"
    )
    digest = build_digest([source], config)
    hashes = dict(digest.provenance.prompt_hashes)
    expected = hashlib.sha256((ROOT / "prompts" / "translate_lines.system.j2").read_bytes()).hexdigest()
    assert hashes.get("translate_lines.system.j2") == expected
    assert "translate_lines.user.j2" in hashes
    assert "translate_lines.example.txt" in hashes  # the worked example shapes the answers too


def test_seq2seq_translation_adds_no_prompt(tmp_path: Path, tiny_marian: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    config = BriefConfig(
        mt_model=str(tiny_marian), max_new_tokens=4, num_beams=1, cache_dir=tmp_path / "cache"
    )
    digest = build_digest([source], config)
    assert not any(name.startswith("translate.") for name, _ in digest.provenance.prompt_hashes)
