"""``brief summarize``: the whole chain on the seeds, readable and JSON output."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.records import Article, ModelInfo, Quote, SentencePair, TranslatedArticle
from brief.summarize.text import split_sentences

runner = CliRunner()


def _identity(article: Article, quotes: Sequence[Quote]) -> TranslatedArticle:
    """A stand-in translator that copies the Korean: the chain's mechanics without a model."""
    sentences = tuple(
        SentencePair(paragraph=i, index=j, ko=s, en=s)
        for i, paragraph in enumerate(article.paragraphs)
        for j, s in enumerate(split_sentences(paragraph))
    )
    return TranslatedArticle(
        article=article,
        headline_en=article.headline,
        subheadlines_en=article.subheadlines,
        paragraphs_en=article.paragraphs,
        sentences=sentences,
        quotes=tuple(quotes),
        model=ModelInfo(role="translation", name="identity", backend="test"),
    )


@pytest.fixture
def identity_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    import brief.translate

    def translate_articles(
        translator: Any,
        articles: Sequence[Article],
        quotes_by_id: Mapping[str, Sequence[Quote]],
        progress: Any = None,
        total: Any = None,
    ) -> list[TranslatedArticle]:
        return [_identity(a, quotes_by_id.get(a.id, ())) for a in articles]

    monkeypatch.setattr(brief.translate, "make_translator", lambda config, people=None, pool=None: object())
    monkeypatch.setattr(brief.translate, "translate_articles", translate_articles)


def test_summarize_seeds_readable(seeds_dir: Path, identity_translation: None) -> None:
    result = runner.invoke(app, ["summarize", str(seeds_dir), "--summarizer", "extractive"])
    assert result.exit_code == 0, result.output
    assert result.output.count("=== [A") == 5
    assert result.output.count("lede:") == 5
    assert "=== merged brief (5 articles)" in result.output
    assert "what is new:" in result.output
    assert "supported:" in result.output


def test_summarize_seeds_json(seeds_dir: Path, identity_translation: None) -> None:
    result = runner.invoke(app, ["summarize", str(seeds_dir), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    ids = {a["article_id"] for a in document["articles"]}
    assert len(ids) == 5
    for article in document["articles"]:
        brief = article["brief"]
        assert brief["article_id"] == article["article_id"] and brief["lede"]
        assert 0 <= brief["supported"] <= brief["total"]
    merged = document["merged"]
    assert merged["points"] and all(set(p["sources"]) <= ids for p in merged["points"])
    assert document["models"]["summarization"]["name"] == "extractive"
    assert document["models"]["translation"]["name"] == "identity"


def test_summarize_unknown_model_exits_2(seeds_dir: Path, identity_translation: None, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["summarize", str(seeds_dir), "--summarizer", str(tmp_path / "no-such-model")]
    )
    assert result.exit_code == 2, result.output
    assert "summarization model" in result.output and "no-such-model" in result.output


def test_summarize_missing_input_exits_1(tmp_path: Path, identity_translation: None) -> None:
    result = runner.invoke(app, ["summarize", str(tmp_path / "nothing.txt")])
    assert result.exit_code == 1, result.output


@pytest.mark.slow
def test_summarize_seeds_with_tiny_marian(seeds_dir: Path, tiny_marian: Path, tmp_path: Path) -> None:
    """The real chain: tiny (noise-producing) translator, extractive briefs, merged brief."""
    args = [
        "summarize",
        str(seeds_dir),
        "--mt-model",
        str(tiny_marian),
        "--cache-dir",
        str(tmp_path),
        "--json",
    ]
    result = runner.invoke(app, [*args, "--max-new-tokens", "8"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert len(document["articles"]) == 5 and document["merged"]["points"]
