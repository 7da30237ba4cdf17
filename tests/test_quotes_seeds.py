"""Quotes on the five seed articles, against a gold list written by hand from reading them.

Every body direct quote of every seed is listed with its speaker; precision and recall over
(speaker, quote) pairs must be at least 0.95, and no quoted term may become a quote.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.config import BriefConfig
from brief.people import PeopleTable, load_people
from brief.pipeline import load_articles
from brief.quotes import extract_quotes
from brief.records import Article, Quote

# seed file prefix -> [(speaker as the English-language press writes it, or None: unknown), quote start]
GOLD_BODY_DIRECT: dict[str, list[tuple[str | None, str]]] = {
    "000": [
        ("Kim Young-shub", "한국적 AI, KT 시큐어 퍼블릭 클라우드(SPC)"),
        ("Kim Young-shub", "AX 액셀러레이터로서 AX가 필요한"),
    ],
    "001": [
        ("Kim Young-shub", "지난 1년간 AI를 기반으로"),
        ("Kim Young-shub", "빅테크 기업들이 첨단 통신"),
        ("Kim Young-shub", "혁신을 이끌기 위해서는"),
        ("Kim Young-shub", "하나의 기술만으로"),
        ("Satya Nadella", "KT의 전문성과 마이크로소프트의 기술력을"),
        ("Kim Young-shub", "AI 시대 빅테크 기업들과"),
        ("Kim Young-shub", "독립성과 협업이 함께"),
        ("Kim Young-shub", "통신사들은 AI 기술·데이터에"),
        ("Kim Young-shub", "KT도 자체 보유한 하이퍼스케일"),
        ("Kim Young-shub", "'AI 에브리웨어(AI everywhere)' 시대에"),
        ("Kim Young-shub", "6세대 이동통신(6G)과 같은"),
    ],
    "002": [
        ("Kim Young-shub", "통신·데이터센터 등 주요 인프라"),
        ("a KT official", "한국의 규제·보안 등"),
        ("a KT official", "이를 통해 그간 제한적인"),
        ("Kim Young-shub", "KT는 글로벌 파트너십으로"),
    ],
    "003": [
        ("a KT official", "구 사장은 AI를 KT 상품과"),
        ("Koo Hyun-mo", "KT가 갖고 있는 통신망과"),
        ("Jang Seok-young", "국내 AI 경쟁력 확보와"),
    ],
    "004": [
        ("Kim Young-shub", "KT클라우드 역할 축소에 대한 걱정들이"),
        ("Kim Young-shub", "전혀 그렇지 않다"),
        ("Kim Young-shub", "하드웨어적인 인프라만을"),
        ("Kim Young-shub", "KT클라우드가 스스로 할 수도"),
        ("Kim Young-shub", "우리의 고객들은 그렇게"),
        ("Kim Young-shub", "완전히 다른 길로"),
        ("Choi Ji-woong", "KT클라우드의 역할 축소가 아닌"),
        ("Choi Ji-woong", "데이터센터의 애저(azure)"),
        ("Choi Ji-woong", "기존에 있었던 서비스"),
        ("Choi Ji-woong", "고객에게 조금 더 많은"),
        ("Oh Seung-pil", "믿음 같은 경우에는"),
        ("Oh Seung-pil", "믿음은 SLM(경량화"),
        ("Oh Seung-pil", "MS와의 협업을 통해서"),
        ("Oh Seung-pil", "여러 가지 협업을 통해서"),
        ("Seo Chang-seok", "MS 파트너십과 관련되서"),
        ("Seo Chang-seok", "KT가 중요하게 생각하는 것은"),
        ("a Microsoft representative", "MS도 한국형 AI 모델에"),
        ("Cho Won-woo", "저희의 AI 전략은"),
        ("Cho Won-woo", "한국형 AI라고 하는 것은"),
        ("Cho Won-woo", "MS는 국내에서 역량을"),
        ("Cho Won-woo", "한국을 통해서 고도화된"),
        ("Kim Young-shub", "신설하고자 하는 전문기업은"),
        ("Kim Young-shub", "KT가 갖고 있는 클라우드나"),
    ],
}

GOLD_HEADLINE: dict[str, list[tuple[str, str | None, str]]] = {
    "001": [("headline", "Kim Young-shub", "협업 통해 AI·데이터 주권 확보해야")],
    "004": [
        ("headline", "Kim Young-shub", "KT클라우드 역할 축소? 그렇지 않다"),
        ("subheadline", "Choi Ji-woong", "KT-MS 협력, 역으로"),
        ("subheadline", "KT", "MS와 협업 통해 노하우 흡수"),
        ("subheadline", None, "MS와 협력 통해 KT 인재 역량 고도화"),
    ],
}

# reported speech that must be found, with its speaker
GOLD_REPORTED: dict[str, list[tuple[str, str]]] = {
    "000": [("Satya Nadella", "KT와 함께 전국적인 ‘AI 스킬링 이니셔티브’를 추진한다")],
    "001": [
        ("Kim Young-shub", "그 어느 때보다 기업들 간 협력이 필요한 시대"),
        ("Kim Young-shub", "그런 점에서 최근 MS와의 협력에 큰 의미가 있다"),
        ("Kim Young-shub", "외부 협력에만 전적으로 의존해서는 안 된다"),
    ],
}

# quoted terms in the seeds that must never become quotes
TERMS = (
    "한국적 AI", "AX 리더 써밋", "AI 원팀", "AI 원 팀", "믿음", "AI 동맹", "큰 손", "한국형 AI", "KT 자회사",
    "AI 스킬링 이니셔티브", "AI 리터러시", "AI 교육 센터", "AX DNA", "M360 APAC", "협력적 소버린 모델",
    "소버린 클라우드·AI", "AI 교육 플랫폼", "AI 인재 플랫폼", "인공지능 전환(AX) 액셀러레이터",
)  # fmt: skip


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


@pytest.fixture(scope="module")
def seed_quotes(seed_files: list[Path], people: PeopleTable) -> dict[str, tuple[Article, tuple[Quote, ...]]]:
    articles, failures = load_articles(seed_files, BriefConfig())
    assert not failures
    return {Path(a.source).name[:3]: (a, extract_quotes(a, people)) for a in articles}


def _speaker(quote: Quote) -> str | None:
    return None if quote.speaker.kind == "unknown" else quote.speaker.en


def _score(found: list[tuple[str | None, str]], gold: list[tuple[str | None, str]]) -> tuple[int, int, int]:
    """(true positives, found, gold) where a found pair matches an unused gold pair with the same speaker
    whose quote start it begins with."""
    unused = list(gold)
    hits = 0
    for speaker, text in found:
        for pair in unused:
            if pair[0] == speaker and text.startswith(pair[1]):
                unused.remove(pair)
                hits += 1
                break
    return hits, len(found), len(gold)


def test_body_direct_quotes_precision_and_recall(
    seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]],
) -> None:
    hits = found = gold = 0
    misses: list[str] = []
    for key, expected in GOLD_BODY_DIRECT.items():
        _article, quotes = seed_quotes[key]
        pairs = [(_speaker(q), q.text_ko) for q in quotes if q.location == "body" and q.kind == "direct"]
        h, f, g = _score(pairs, expected)
        hits, found, gold = hits + h, found + f, gold + g
        if h < max(f, g):
            misses.append(f"{key}: found {pairs} expected {expected}")
    precision, recall = hits / found, hits / gold
    assert precision >= 0.95 and recall >= 0.95, "\n".join(misses)


@pytest.mark.parametrize("key", sorted(GOLD_BODY_DIRECT))
def test_every_body_quote_of_each_seed(
    key: str, seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]
) -> None:
    _article, quotes = seed_quotes[key]
    pairs = [(_speaker(q), q.text_ko) for q in quotes if q.location == "body" and q.kind == "direct"]
    assert len(pairs) == len(GOLD_BODY_DIRECT[key])
    for (speaker, text), (want, prefix) in zip(pairs, GOLD_BODY_DIRECT[key], strict=False):
        assert speaker == want and text.startswith(prefix), (speaker, text)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_headline_quotes(key: str, seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]) -> None:
    _article, quotes = seed_quotes[key]
    got = [(q.location, _speaker(q), q.text_ko) for q in quotes if q.location != "body"]
    expected = GOLD_HEADLINE.get(key, [])
    assert len(got) == len(expected), got
    for (loc, speaker, text), (want_loc, want, prefix) in zip(got, expected, strict=False):
        assert (loc, speaker) == (want_loc, want) and text.startswith(prefix)


@pytest.mark.parametrize("key", sorted(GOLD_REPORTED))
def test_reported_speech_on_seeds(
    key: str, seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]
) -> None:
    _article, quotes = seed_quotes[key]
    reported = [(_speaker(q), q.text_ko) for q in quotes if q.kind == "reported"]
    for pair in GOLD_REPORTED[key]:
        assert pair in reported, reported


def test_reported_speech_is_never_an_organisation_statement(
    seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]],
) -> None:
    for _article, quotes in seed_quotes.values():
        for quote in quotes:
            if quote.kind == "reported":
                assert quote.speaker.kind == "named" or "official" in (quote.speaker.en or ""), quote


def test_no_quoted_term_is_a_quote(seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]) -> None:
    for _article, quotes in seed_quotes.values():
        texts = {q.text_ko for q in quotes if q.kind == "direct"}
        assert not texts & set(TERMS)
        assert all(len(t) >= 8 for t in texts), texts


def test_spans_point_at_the_quote(seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]) -> None:
    for article, quotes in seed_quotes.values():
        for q in quotes:
            if q.location == "body":
                source = article.paragraphs[q.paragraph]
            elif q.location == "headline":
                source = article.headline or ""
            else:
                source = article.subheadlines[q.paragraph]
            assert source[q.span[0] : q.span[1]] == q.text_ko


def test_seed_speakers_are_verified_people(seed_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]) -> None:
    for _article, quotes in seed_quotes.values():
        for q in quotes:
            if q.speaker.kind == "named":
                assert q.speaker.verified, q.speaker
