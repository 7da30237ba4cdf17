"""Fuzzing quote extraction: any article text -> well-formed quotes (or none), never an exception.

Articles are made of hostile paragraphs: random Unicode, unbalanced and nested quote marks of every kind
(" “ ” ‘ ’ ' ` 「 」 『 』 « » 〈 〉 《 》), real article lines with hostile text spliced in, and huge lines.
Every quote returned must point at exactly its text (location, paragraph and span) and have a speaker of a
known kind; an unknown speaker is never given a name.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import event as hypothesis_event
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from brief.errors import BriefError
from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet
from tests.reliability_support import (
    FAST_EXAMPLES,
    QUOTE_MARKS,
    SLOW_EXAMPLES,
    any_line,
    budget,
    documents,
    huge_lines,
    nested_quotes,
)

PEOPLE: PeopleTable = load_people()


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    """Load the Korean analyser before the first timed example (loading it takes seconds, once)."""
    from brief.translate.segment import split_sentences

    split_sentences("정부는 26일 발표했다. 김 대표는 말했다.")


def event(name: str) -> None:
    """Count ``name`` in hypothesis's statistics (a no-op outside a hypothesis test)."""
    if currently_in_test_context():
        hypothesis_event(name)


def _article(headline: str | None, subheadlines: list[str], paragraphs: list[str]) -> Article:
    return Article(
        id="fuzz",
        source="fuzz.txt",
        headline=headline,
        subheadlines=tuple(subheadlines),
        paragraphs=tuple(paragraphs),
        captions=(),
        outlet=Outlet(),
        reporters=(),
        date=None,
        date_evidence=None,
    )


def check_quotes(article: Article) -> None:
    try:
        quotes = extract_quotes(article, PEOPLE)
    except BriefError:
        event("BriefError")
        return  # a BriefError is a reported failure (the pipeline leaves the article out, named)
    event(f"quotes found: {min(len(quotes), 3)}{'+' if len(quotes) >= 3 else ''}")
    texts = {
        "body": article.paragraphs,
        "headline": (article.headline or "",),
        "subheadline": article.subheadlines,
    }
    for quote in quotes:
        assert quote.article_id == article.id
        assert quote.kind in ("direct", "reported")
        where = texts[quote.location]
        assert 0 <= quote.paragraph < len(where)
        start, end = quote.span
        assert 0 <= start <= end <= len(where[quote.paragraph])
        assert where[quote.paragraph][start:end] == quote.text_ko
        assert quote.speaker.kind in ("named", "unnamed", "unknown")
        if quote.speaker.kind == "unknown":
            assert quote.speaker.label == "unknown speaker"
    assert extract_quotes(article, PEOPLE) == quotes  # deterministic


paragraphs = st.lists(st.one_of(any_line, nested_quotes), min_size=1, max_size=12).map(
    lambda lines: [line.strip() or "다." for line in lines]
)
articles = st.builds(
    _article,
    st.one_of(st.none(), any_line, nested_quotes),
    st.lists(st.one_of(any_line, nested_quotes), max_size=2),
    paragraphs,
)


@given(article=articles)
@budget(FAST_EXAMPLES)
def test_extract_quotes_returns_well_formed_quotes(article: Article) -> None:
    check_quotes(article)


@pytest.mark.slow
@given(article=articles)
@budget(SLOW_EXAMPLES)
def test_extract_quotes_returns_well_formed_quotes_1000(article: Article) -> None:
    check_quotes(article)


@pytest.mark.slow
@given(line=huge_lines, before=st.sampled_from(["", '김영섭 대표는 "', "「", "“AI를"]))
@budget(50)
def test_one_huge_paragraph_finishes(line: str, before: str) -> None:
    check_quotes(_article(None, [], [before + line + "라고 말했다."]))


@pytest.mark.parametrize("mark", QUOTE_MARKS)
def test_every_mark_unbalanced_alone_and_doubled(mark: str) -> None:
    for text in (
        f"김영섭 대표는 {mark}AI 전환을 이끌겠다고 말했다.",
        f"김영섭 대표는 AI 전환을 이끌겠다{mark}고 말했다.",
        f"김영섭 대표는 {mark}{mark}AI{mark} 전환을 {mark}이끌겠다{mark}{mark}고 말했다.",
        mark * 5_000 + "고 말했다.",
    ):
        started = time.perf_counter()
        check_quotes(_article(text, [text], [text, text]))
        assert time.perf_counter() - started < 10


def check_chain(text: str) -> None:
    """clean -> quotes on a whole hostile page, as the pipeline runs them."""
    from brief.clean import clean_text
    from brief.errors import InputError

    try:
        article = clean_text(text, source="fuzz.txt")
    except InputError:
        event("clean: InputError")
        return
    check_quotes(article)


@given(text=documents())
@budget(FAST_EXAMPLES // 2)
def test_clean_then_quotes_on_hostile_pages(text: str) -> None:
    check_chain(text)


@pytest.mark.slow
@given(text=documents())
@budget(SLOW_EXAMPLES)
def test_clean_then_quotes_on_hostile_pages_1000(text: str) -> None:
    check_chain(text)
