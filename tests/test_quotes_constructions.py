"""Each quote construction, on Korean sentences written for these tests (not taken from the seeds)."""

from __future__ import annotations

import itertools

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes, stance_of
from brief.records import Article, Outlet, Quote
from tests.quotes_cases import DIRECT, HEADLINES, NOT_QUOTES, REPORTED, UNKNOWN, UNNAMED, Case


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


def make_article(
    paragraphs: tuple[str, ...], headline: str | None = None, subheadlines: tuple[str, ...] = ()
) -> Article:
    return Article(
        id="test",
        source="test.txt",
        headline=headline,
        subheadlines=subheadlines,
        paragraphs=paragraphs,
        captions=(),
        outlet=Outlet(),
        reporters=(),
        date=None,
        date_evidence=None,
    )


def _triples(quotes: tuple[Quote, ...]) -> list[tuple[str | None, str, str]]:
    return [(q.speaker.en if q.speaker.kind != "unknown" else None, q.kind, q.text_ko) for q in quotes]


def _check(case: Case, people: PeopleTable) -> tuple[Quote, ...]:
    _name, paragraphs, expected = case
    quotes = extract_quotes(make_article(paragraphs), people)
    got = _triples(quotes)
    assert len(got) == len(expected), got
    for (speaker, kind, text), (want_speaker, want_kind, prefix) in zip(got, expected, strict=False):
        assert (speaker, kind) == (want_speaker, want_kind), got
        assert text.startswith(prefix), got
    for quote in quotes:  # the span points at the text
        assert (
            make_article(paragraphs).paragraphs[quote.paragraph][quote.span[0] : quote.span[1]]
            == quote.text_ko
        )
    return quotes


@pytest.mark.parametrize("case", DIRECT, ids=[c[0] for c in DIRECT])
def test_direct_quotes(case: Case, people: PeopleTable) -> None:
    _check(case, people)


@pytest.mark.parametrize("case", UNNAMED, ids=[c[0] for c in UNNAMED])
def test_unnamed_sources(case: Case, people: PeopleTable) -> None:
    quotes = _check(case, people)
    assert all(q.speaker.kind == "unnamed" for q in quotes)


@pytest.mark.parametrize("case", UNKNOWN, ids=[c[0] for c in UNKNOWN])
def test_unsure_means_unknown_speaker(case: Case, people: PeopleTable) -> None:
    _check(case, people)


@pytest.mark.parametrize(("name", "paragraphs"), NOT_QUOTES, ids=[c[0] for c in NOT_QUOTES])
def test_quoted_terms_are_not_quotes(name: str, paragraphs: tuple[str, ...], people: PeopleTable) -> None:
    assert extract_quotes(make_article(paragraphs), people) == ()
    # not in a headline either
    assert extract_quotes(make_article(("본문.",), headline=paragraphs[0]), people) == ()


@pytest.mark.parametrize("case", REPORTED, ids=[c[0] for c in REPORTED])
def test_reported_speech(case: Case, people: PeopleTable) -> None:
    _check(case, people)


@pytest.mark.parametrize(("name", "headline", "expected"), HEADLINES, ids=[c[0] for c in HEADLINES])
def test_headline_quotes_are_kept_apart(
    name: str, headline: str, expected: list[tuple[str | None, str]], people: PeopleTable
) -> None:
    article = make_article(("본문에는 인용이 없다.",), headline=headline, subheadlines=(headline,))
    quotes = extract_quotes(article, people)
    assert [q.location for q in quotes] == ["headline"] * len(expected) + ["subheadline"] * len(expected)
    got = [(q.speaker.en if q.speaker.kind != "unknown" else None, q.text_ko) for q in quotes]
    assert got == expected * 2
    assert all(headline[q.span[0] : q.span[1]] == q.text_ko for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "verb", "stance"),
    [
        ('김영섭 KT 대표는 "협력이 중요하다"고 말했다.', "말했다", "said"),
        ('김영섭 KT 대표는 "협력이 중요하다"고 강조했다.', "강조했다", "stressed"),
        ('김영섭 KT 대표는 "협력이 중요하다"고 거듭 강조했다.', "강조했다", "stressed"),
        ('김영섭 KT 대표는 "그렇지 않다"며 일축했다.', "일축했다", "dismissed"),
        ('김영섭 KT 대표는 "협력이 중요하다"고 주장했다.', "주장했다", "claimed"),
        ('김영섭 KT 대표는 "협력이 중요하다"고 덧붙였다.', "덧붙였다", "added"),
        ('김영섭 KT 대표는 "협력이 중요하다"고 힘을 보탰다.', "힘을 보탰다", "added"),
        ('김영섭 KT 대표는 "투자 축소는 없다"고 선을 그었다.', "선을 그었다", "drew the line"),
        ('김영섭 KT 대표는 "협력이 중요하다"고 당부했다.', "당부했다", "urged"),
        ('김영섭 KT 대표는 "꼭 해내겠다"고 약속했다.', "약속했다", "promised"),
        ('김영섭 KT 대표는 "시장이 커질 것"이라고 전망했다.', "전망했다", "forecast"),
        ('김영섭 KT 대표는 "충분히 이긴다"고 자신했다.', "자신했다", "expressed confidence"),
    ],
)
def test_reporting_verb_and_stance(sentence: str, verb: str, stance: str, people: PeopleTable) -> None:
    (quote,) = extract_quotes(make_article((sentence,)), people)
    assert (quote.verb, quote.stance) == (verb, stance)
    assert quote.speaker.en == "Kim Young-shub"


def test_unknown_person_is_romanized_and_unverified(people: PeopleTable) -> None:
    (quote,) = extract_quotes(make_article(('김광연 한양대 교수는 "AI 교육이 시급하다"고 말했다.',)), people)
    speaker = quote.speaker
    assert (speaker.kind, speaker.en, speaker.title, speaker.org, speaker.verified) == (
        "named",
        "Kim Gwang-yeon",
        "Professor",
        "Hanyang University",
        False,
    )
    assert speaker.ko == "김광연"


def test_known_person_is_verified_with_table_title(people: PeopleTable) -> None:
    (quote,) = extract_quotes(make_article(('조원우 한국마이크로소프트 대표는 "좋다"고 말했다.',)), people)
    assert quote.speaker.verified
    assert quote.speaker.label == "Cho Won-woo, CEO of Microsoft Korea"


def test_quotes_are_in_text_order_and_never_overlap(people: PeopleTable) -> None:
    paragraphs = DIRECT[3][1] + DIRECT[7][1] + REPORTED[0][1]
    quotes = extract_quotes(make_article(paragraphs), people)
    keys = [(q.paragraph, q.span) for q in quotes]
    assert keys == sorted(keys)
    for a, b in itertools.pairwise(quotes):
        if a.paragraph == b.paragraph:
            assert a.span[1] <= b.span[0]


@pytest.mark.parametrize(
    ("verb", "stance"),
    [
        ("말했다", "said"), ("밝혔다", "stated"), ("강조했다", "stressed"), ("설명했다", "explained"),
        ("덧붙였다", "added"), ("답했다", "answered"), ("전했다", "said"), ("주장했다", "claimed"),
        ("일축했다", "dismissed"), ("단언했다", "asserted"), ("언급했다", "mentioned"), ("당부했다", "urged"),
        ("약속했다", "promised"), ("지적했다", "pointed out"), ("내다봤다", "predicted"),
        ("전망했다", "forecast"),
        ("자신했다", "expressed confidence"), ("평가했다", "assessed"), ("독려했다", "encouraged"),
        ("피력했다", "expressed"), ("소개했다", "introduced"), ("꼽았다", "cited"), ("했다", "said"),
        ("강조하며", "stressed"), ("말했고", "said"), ("답변했다", "answered"), ("전해졌다", None),
        ("밝혀졌다", None), ("출범했다", None), ("답답했다", None),
    ],
)  # fmt: skip
def test_stance_table(verb: str, stance: str | None) -> None:
    assert stance_of(verb) == stance
