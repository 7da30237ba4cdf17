"""Unbalanced and nested quote marks, quotes running to the end, very long paragraphs: never a crash,
never a hang (no catastrophic backtracking: time grows linearly with the text)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.quotes.marks import find_quote_spans
from brief.records import Article, Outlet

PIECES = [
    '"', "“", "”", "'", "‘", "’", "`", "「", "」", "『", "』", " ", ".", ",", "…",
    "김영섭 KT 대표는 ", "김 대표는 ", "그는 ", "KT 관계자는 ", "KT는 ", "구 사장은 ", "이어 ",
    "그러면서 ", "협력이 중요하다", "고 말했다", "라고 강조했다", "며 ", "면서 ", "다고 밝혔다", "이라며 ",
    "(CEO)", "이같이 답했다", "KT(대표 김영섭)", "(", ")",
    "AI", "한국적 AI", "KT's", "'믿음'", "\n",
]  # fmt: skip


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


def _article(paragraphs: list[str], headline: str | None = None) -> Article:
    return Article(
        id="fuzz",
        source="fuzz.txt",
        headline=headline,
        subheadlines=tuple(paragraphs[:1]),
        paragraphs=tuple(paragraphs),
        captions=(),
        outlet=Outlet(),
        reporters=(),
        date=None,
        date_evidence=None,
    )


text_strategy = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_strategy, min_size=1, max_size=4), st.one_of(st.none(), text_strategy))
def test_never_crashes_and_spans_are_true(paragraphs: list[str], headline: str | None) -> None:
    people = load_people()
    article = _article(paragraphs, headline)
    for quote in extract_quotes(article, people):
        if quote.location == "body":
            source = article.paragraphs[quote.paragraph]
        elif quote.location == "headline":
            source = article.headline or ""
        else:
            source = article.subheadlines[quote.paragraph]
        start, end = quote.span
        assert 0 <= start < end <= len(source)
        assert source[start:end] == quote.text_ko
        assert quote.speaker.kind in ("named", "unnamed", "unknown")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("\"“”‘’'`「」『』가나 ."), max_size=200))
def test_quote_spans_are_ordered_and_disjoint(text: str) -> None:
    spans = find_quote_spans(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert span.start < span.inner_start <= span.inner_end <= span.end
        previous_end = span.end


@pytest.mark.parametrize(
    "paragraph",
    [
        '김 대표는 "끝나지 않는 인용',
        '김 대표는 "',
        '"',
        '""',
        "“”",
        "‘",
        '김영섭 KT 대표는 "A"며 "B"며 "C"며',
        "김영섭 KT 대표는 “중첩된 ‘인용’과 “다시 열린 인용",
        '"""""',
        "''''",
        "KT's 'AI",
        "그는 ",
        "",
    ],
)
def test_odd_marks(paragraph: str, people: PeopleTable) -> None:
    extract_quotes(_article([paragraph]), people)


def _timed(text: str, people: PeopleTable, tries: int = 3) -> float:
    """The best of ``tries`` runs, in CPU seconds of this process: other jobs on a shared machine
    slow the wall clock, not the CPU time the extraction itself uses."""
    article = _article([text])
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        extract_quotes(article, people)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        '김영섭 KT 대표는 "협력이 중요하다"며 ',  # an endless chain of quotes
        '"',  # nothing but straight marks
        "“",  # openers that never close
        "‘한국적 AI ",  # single marks that never close
        "김 대표는 그 어느 때보다 협력이 필요한 시대라고 강조했다 ",  # one sentence with no full stop
        "가" * 50 + " ",  # one long word after another
    ],
)
def test_long_paragraphs_take_linear_time(unit: str, people: PeopleTable) -> None:
    times = max(1, 4000 // len(unit))
    small, large = unit * times, unit * (8 * times)  # about 4,000 and 32,000 characters
    _timed(small, people, tries=1)  # warm up caches
    t_small = max(_timed(small, people), 2e-2)  # floor: a tiny time makes a noisy denominator
    t_large = _timed(large, people)
    assert t_large < 10.0  # CPU seconds; the quadratic pattern this guards against took 16 s on 15,000
    # best-of-three CPU times on both sides: 8x the text is 8x the time when linear, 64x when
    # quadratic; the bound 24x leaves a 3x margin for noise (cache misses, frequency scaling)
    assert t_large / t_small < 8 * 3
