"""Large pages: HTML over the tree limit is read by the streaming stripper, its metadata from its head."""

from __future__ import annotations

import pytest

from brief.clean import html as html_module
from brief.clean.html import extract_html

HEAD = (
    "<html><head><title>시의회, 새 교통 정책 발표 - 가나일보</title>"
    '<meta property="og:title" content="시의회, 새 교통 정책 발표">'
    '<meta property="article:published_time" content="2024-03-05T10:20:00+09:00">'
    "</head><body><article>"
)
PARAGRAPH = "<p>시의회는 이날 조례안을 통과시켰다. 시민들은 환영했다.</p>\n"


@pytest.mark.parametrize("paragraphs", [50, 200, 800])
def test_a_page_over_the_tree_limit_keeps_its_text_and_metadata(
    monkeypatch: pytest.MonkeyPatch, paragraphs: int
) -> None:
    page = HEAD + PARAGRAPH * paragraphs + "</article></body></html>"
    monkeypatch.setattr(html_module, "TREE_LIMIT", 1000)
    extract = extract_html(page)
    assert extract.extractor == "html.parser"
    assert extract.text.count("시의회는 이날 조례안을 통과시켰다.") == paragraphs
    assert extract.date == "2024-03-05"
    assert extract.title is not None and "시의회, 새 교통 정책 발표" in extract.title
