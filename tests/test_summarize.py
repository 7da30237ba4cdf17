"""The extractive summarizer, the merged brief and the library API (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from summarize_samples import KT_MS_1, SAMSUNG, articles

import brief
from brief.config import BriefConfig
from brief.records import ArticleBrief, BriefPoint, ModelInfo
from brief.summarize import english_article, make_summarizer, summarize_articles, summarize_text
from brief.summarize.extractive import ExtractiveSummarizer, key_numbers, select_quotes
from brief.summarize.merge import merge_briefs, point_similarity
from brief.summarize.text import split_sentences


@pytest.fixture(scope="module")
def briefs() -> list[ArticleBrief]:
    return ExtractiveSummarizer().summarize_all(articles())


def test_article_brief_shape(briefs: list[ArticleBrief]) -> None:
    first = briefs[0]
    assert first.article_id == "kt1"
    assert first.lede == split_sentences(KT_MS_1)[0]  # the news lede comes first in a news article
    assert 3 <= len(first.bullets) <= 5
    assert first.lede not in [b.text for b in first.bullets]
    assert all(b.sources == ("kt1",) and b.date == dt.date(2025, 3, 26) for b in first.bullets)
    assert "KRW 2.4 trillion" in first.key_numbers
    assert (first.supported, first.total) == (1 + len(first.bullets), 1 + len(first.bullets))
    assert first.model.backend == "extractive"


def test_bullets_keep_article_order_and_pick_the_figures(briefs: list[ArticleBrief]) -> None:
    sentences = split_sentences(KT_MS_1)
    positions = [sentences.index(b.text) for b in briefs[0].bullets]
    assert positions == sorted(positions)
    assert any("2.4 trillion" in b.text for b in briefs[0].bullets)


def test_extractive_is_deterministic() -> None:
    assert ExtractiveSummarizer().summarize_all(articles()) == ExtractiveSummarizer().summarize_all(
        articles()
    )


def test_quotes_prefer_named_verified_speakers(briefs: list[ArticleBrief]) -> None:
    assert [q.speaker.en for q in briefs[0].quotes] == ["Kim Young-shub"]  # the unknown speaker's is left out
    unknown_only = [q for q in articles()[0].quotes if q.speaker.kind == "unknown"]
    assert select_quotes(unknown_only) == tuple(unknown_only)  # better than nothing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KT will invest KRW 2.4 trillion in AI over five years.", ("KRW 2.4 trillion",)),
        ("Profit rose 12.5 percent in 2024, on the 25th.", ("12.5 percent",)),
        ("It sold 60 million smartphones and 3 tablets.", ("60 million smartphones", "3 tablets")),
    ],
)
def test_key_numbers(text: str, expected: tuple[str, ...]) -> None:
    assert key_numbers([text]) == expected


def test_first_sentence_is_the_lede_without_a_headline() -> None:
    from summarize_samples import KT_MS_2

    assert summarize_text(KT_MS_2).lede == split_sentences(KT_MS_2)[0]


def test_short_article_gives_what_it_has() -> None:
    result = summarize_text(
        "KT and Microsoft signed an AI partnership in Seoul on Monday.", headline="KT deal"
    )
    assert result.lede.startswith("KT and Microsoft")
    assert result.bullets == ()
    empty = summarize_text("", headline="Only a headline")
    assert empty.lede == "Only a headline"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "KT will invest KRW 2.4 trillion in AI and cloud over five years under the partnership.",
            "Under the partnership signed in September, KT is investing 2.4 trillion won over five years.",
            True,
        ),
        (
            "KT and Microsoft agreed to expand their AI partnership into education, KT said.",
            "KT and Microsoft will expand their artificial intelligence partnership into education, KT said.",
            True,
        ),
        (
            "KT will invest KRW 2.4 trillion in AI and cloud over five years.",
            "KT will invest KRW 3 trillion in AI and cloud over five years.",
            False,  # same words, different figure: two facts
        ),
        (
            "Samsung Electronics said its operating profit rose 12.5 percent in the first quarter.",
            "KT and Microsoft agreed to expand their AI partnership into education.",
            False,
        ),
    ],
)
def test_point_similarity(a: str, b: str, same: bool) -> None:
    assert (point_similarity(a, b) >= 0.5) is same


def test_merge_says_each_fact_once_with_all_sources(briefs: list[ArticleBrief]) -> None:
    merged = merge_briefs(briefs, articles())
    partnership = [p for p in merged.points if "education" in p.text]
    assert len(partnership) == 1
    assert set(partnership[0].sources) == {"kt1", "kt2", "kt3"}
    investment = [p for p in merged.points if "2.4 trillion" in p.text]
    assert len(investment) == 1 and set(investment[0].sources) == {"kt1", "kt2", "kt3"}
    samsung = [p for p in merged.points if "Samsung" in p.text]
    assert samsung and all(p.sources == ("sam",) for p in samsung)
    assert merged.total == len(merged.points) and merged.supported == merged.total


def test_merge_orders_by_date_undated_last_and_cites(briefs: list[ArticleBrief]) -> None:
    merged = merge_briefs(briefs, articles())
    dates = [p.date for p in merged.points]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated)
    assert dates.index(None) == len(dated)  # undated points come last
    assert merged.points[0].date == dt.date(2025, 3, 25)  # kt3 is the earliest article
    assert all(p.sources for p in merged.points)
    # a fact's date is the earliest date among the articles citing it
    partnership = next(p for p in merged.points if "education" in p.text)
    assert partnership.date == dt.date(2025, 3, 25)


def test_what_is_new_names_the_widest_and_latest(briefs: list[ArticleBrief]) -> None:
    merged = merge_briefs(briefs, articles())
    assert merged.what_is_new.startswith("Reported by 3 of 4 articles:")
    assert "Latest (2025-03-27)" in merged.what_is_new


def test_merge_keeps_unsupported_marks() -> None:
    model = ModelInfo(role="summarization", name="t", backend="t")
    arts = [english_article(SAMSUNG, article_id="sam")]
    brief_ = ArticleBrief(
        article_id="sam",
        lede="Samsung Electronics said its operating profit rose 12.5 percent in the first quarter.",
        bullets=(BriefPoint(text="Apple bought Samsung.", sources=("sam",)),),
        key_numbers=(),
        quotes=(),
        supported=1,
        total=2,
        model=model,
    )
    merged = merge_briefs([brief_], arts)
    assert [p.supported for p in merged.points] == [True, False]
    assert merged.points[1].issues == ("name not in source: Apple",)
    assert (merged.supported, merged.total) == (1, 2)


def test_merge_caps_points_keeping_shared_facts(briefs: list[ArticleBrief]) -> None:
    merged = merge_briefs(briefs, articles(), max_points=3)
    assert len(merged.points) == 3
    assert any(len(p.sources) == 3 for p in merged.points)
    assert merged.notes and "left out" in merged.notes[0]


def test_library_api_from_brief() -> None:
    assert {"summarize_text", "summarize_articles", "make_summarizer", "english_article"} <= set(
        brief.__all__
    )
    result = brief.summarize_text(KT_MS_1, headline="KT and Microsoft expand AI partnership")
    assert isinstance(result, ArticleBrief) and result.bullets
    briefs_, merged = summarize_articles([KT_MS_1, SAMSUNG])
    assert len(briefs_) == 2 and merged.points


def test_make_summarizer_default_is_extractive() -> None:
    summarizer = make_summarizer(BriefConfig(), people=(), glossary=())
    assert isinstance(summarizer, ExtractiveSummarizer)
    assert summarizer.info.name == "extractive" and summarizer.prompt_hashes == ()


def test_drop_mode_through_the_library() -> None:
    text = KT_MS_1 + "\nApple will buy KT for $99 billion, analysts at Goldman said."
    kept = summarize_text(text, guard="mark")
    dropped = summarize_text(text, guard="drop")
    assert all(b.supported for b in dropped.bullets)
    assert len(dropped.bullets) <= len(kept.bullets)
