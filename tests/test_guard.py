"""The faithfulness guard: numbers and names in a brief must be found in its source."""

from __future__ import annotations

import dataclasses

import pytest
from summarize_samples import KT_MS_1, articles

from brief.records import ArticleBrief, BriefPoint, GlossaryEntry, ModelInfo, Person
from brief.summarize.guard import SourceFacts, allowed_names, guard_brief
from brief.summarize.text import find_names, find_numbers, numbers_match

MODEL = ModelInfo(role="summarization", name="test", backend="test")


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("KRW 2.4 trillion", 2.4e12, "money:KRW"),
        ("2.4 trillion won", 2.4e12, "money:KRW"),
        ("2조4000억원", 2.4e12, "money:KRW"),
        ("2조 4000억 원", 2.4e12, "money:KRW"),
        ("3000억", 3e11, "plain"),
        ("$1.5 billion", 1.5e9, "money:USD"),
        ("1,500 million dollars", 1.5e9, "money:USD"),
        ("the 25th", 25, "ordinal"),
        ("30%", 30, "percent"),
        ("30 percent", 30, "percent"),
        ("12.5 per cent", 12.5, "percent"),
        ("in 2024", 2024, "plain"),
        ("five years", 5, "plain"),
        ("1,000 people", 1000, "plain"),
    ],
)
def test_numbers_are_normalised(text: str, value: float, kind: str) -> None:
    mentions = find_numbers(text)
    assert [(m.value, m.kind) for m in mentions] == [(value, kind)]


@pytest.mark.parametrize(
    ("claim", "source", "backed"),
    [
        ("KRW 2.4 trillion", "2.4 trillion won", True),
        ("2.4 trillion won", "2조4000억원", True),
        ("2.4 trillion won", "2,400 billion won", True),
        ("$2.4 trillion", "2.4 trillion won", False),  # wrong currency
        ("2.5 trillion won", "2.4 trillion won", False),
        ("the 25th", "25", True),
        ("25", "the 25th", True),
        ("30%", "30 people", False),  # a percentage needs a percentage
        ("2.4 trillion", "2.4 trillion won", True),  # a bare figure may drop the unit
    ],
)
def test_numbers_match(claim: str, source: str, backed: bool) -> None:
    (c,) = find_numbers(claim)
    assert any(numbers_match(c, s) for s in find_numbers(source)) is backed


def test_names_found_and_sentence_openers_ignored() -> None:
    runs = find_names(
        "The deal was signed by Satya Nadella. Meanwhile KT's CEO Kim Young-shub spoke in Seoul."
    )
    assert ("Satya", "Nadella") in runs
    assert ("KT", "CEO", "Kim", "Young-shub") in runs
    assert all(run[0] not in ("The", "Meanwhile") for run in runs)


SOURCE = SourceFacts.from_texts([KT_MS_1], numbers_only=["25일 2조4000억원을 투자한다"])


@pytest.mark.parametrize(
    ("sentence", "issue"),
    [
        ("KT will invest KRW 2.4 trillion over five years.", None),
        ("KT will invest 2.4 trillion won over five years.", None),
        ("KT CEO Kim Young-shub met Satya Nadella on the 25th.", None),
        # planted wrong numbers
        ("KT will invest KRW 3.4 trillion over five years.", "number not in source: KRW 3.4 trillion"),
        ("KT will invest $2.4 trillion over five years.", "number not in source: $2.4 trillion"),
        ("KT will invest KRW 2.4 trillion over seven years.", "number not in source: seven"),
        ("The partnership grew 40% last year.", "number not in source: 40%"),
        ("KT met Microsoft on the 24th.", "number not in source: 24th"),
        # planted wrong names
        ("Samsung chairman Lee Jae-yong met Satya Nadella.", "name not in source: Samsung"),
        ("KT CEO Koo Hyun-mo met Satya Nadella on the 25th.", "name not in source: KT CEO Koo Hyun-mo"),
        ("Google and KT will expand their partnership.", "name not in source: Google"),
    ],
)
def test_planted_errors_are_caught(sentence: str, issue: str | None) -> None:
    issues = SOURCE.check(sentence)
    if issue is None:
        assert issues == ()
    else:
        assert issue in issues


def test_allowed_names_from_people_and_glossary() -> None:
    people = [Person(ko="구현모", en="Koo Hyun-mo", title="CEO", org="KT")]
    glossary = [GlossaryEntry(ko="구글", en="Google", kind="org")]
    facts = SourceFacts.from_texts([KT_MS_1], allowed_names(people, glossary))
    assert facts.check("Koo Hyun-mo of Google met Satya Nadella.") == ()


def _brief(lede: str, bullets: list[str], numbers: tuple[str, ...] = ()) -> ArticleBrief:
    return ArticleBrief(
        article_id="kt1",
        lede=lede,
        bullets=tuple(BriefPoint(text=b, sources=("kt1",)) for b in bullets),
        key_numbers=numbers,
        quotes=(),
        supported=0,
        total=0,
        model=MODEL,
    )


def test_guard_marks_drops_and_counts() -> None:
    facts = SourceFacts.from_article(articles()[0])
    brief = _brief(
        "KT and Microsoft agreed to expand their AI partnership into education.",
        [
            "KT will invest KRW 2.4 trillion in AI and cloud.",
            "KT will invest KRW 9 trillion in chips.",
            "Lee Jae-yong attended the meeting.",
        ],
        numbers=("KRW 2.4 trillion", "KRW 9 trillion"),
    )
    marked = guard_brief(brief, facts, "mark")
    assert [b.supported for b in marked.bullets] == [True, False, False]
    assert marked.bullets[1].issues == ("number not in source: KRW 9 trillion",)
    assert marked.bullets[2].issues == ("name not in source: Lee Jae-yong",)
    assert (marked.supported, marked.total) == (2, 4)
    assert marked.key_numbers == ("KRW 2.4 trillion",)
    dropped = guard_brief(brief, facts, "drop")
    assert [b.text for b in dropped.bullets] == ["KT will invest KRW 2.4 trillion in AI and cloud."]
    assert (dropped.supported, dropped.total) == (2, 2)
    assert any("bullet dropped" in n for n in dropped.notes)


def test_unsupported_lede_is_replaced_by_a_supported_bullet() -> None:
    facts = SourceFacts.from_article(articles()[0])
    brief = _brief("Apple bought KT for $5 billion.", ["KT will invest KRW 2.4 trillion in AI and cloud."])
    checked = guard_brief(brief, facts)
    assert checked.lede == "KT will invest KRW 2.4 trillion in AI and cloud."
    assert checked.bullets == ()
    assert checked.notes and checked.notes[0].startswith("lede replaced")
    assert (checked.supported, checked.total) == (1, 1)


def test_unsupported_lede_prefers_the_articles_own_lede() -> None:
    facts = SourceFacts.from_article(articles()[0])
    own = "KT will invest KRW 2.4 trillion in AI and cloud over five years."
    brief = _brief("Shinobisai Motors met KT.", ["The meeting was a private event."])
    checked = guard_brief(brief, facts, fallback_lede=own)
    assert checked.lede == own
    assert [b.text for b in checked.bullets] == ["The meeting was a private event."]
    assert (
        "lede replaced by the article's own lede (name not in source: Shinobisai Motors)" in checked.notes[0]
    )


def test_guard_accepts_numbers_of_the_korean_original() -> None:
    article = articles()[0]
    korean = dataclasses.replace(article.article, paragraphs=("KT는 3조원을 투자한다",))
    facts = SourceFacts.from_article(dataclasses.replace(article, article=korean))
    assert facts.check("KT will invest 3 trillion won.") == ()
