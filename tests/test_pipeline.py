"""What build_digest adds between the stages."""

from __future__ import annotations

from pathlib import Path

from brief.config import BriefConfig
from brief.pipeline import build_digest

ARTICLE = (
    "[아이뉴스24 안세준 기자] KT는 26일 마이크로소프트와 협력한다고 밝혔다.\n\n"
    '김영섭 KT 대표는 "협력을 강화하겠다"고 말했다.\n\n'
    "안세준 기자(sejun@inews24.com)\n"
)


def test_reporters_get_romanized_english_names(tmp_path: Path, tiny_marian: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    config = BriefConfig(mt_model=str(tiny_marian), max_new_tokens=4, num_beams=1, cache_dir=tmp_path / "c")
    digest = build_digest([source], config)
    reporters = digest.articles[0].article.reporters
    assert [(r.name, r.name_en) for r in reporters] == [("안세준", "Ahn Se-jun")]
