"""Korean number units rendered exactly: known answers, table-driven."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.translate.numbers import find_numbers, format_amount, korean_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.4조 원", "KRW 2.4 trillion"),
        ("2조4000억원", "KRW 2.4 trillion"),
        ("2조 4000억 원", "KRW 2.4 trillion"),
        ("1조 2천억 원", "KRW 1.2 trillion"),
        ("3000억원", "KRW 300 billion"),
        ("1,000억 원", "KRW 100 billion"),
        ("12억 원", "KRW 1.2 billion"),
        ("3억 원", "KRW 300 million"),
        ("1억4000만원", "KRW 140 million"),
        ("5000만원", "KRW 50 million"),
        ("150만원", "KRW 1.5 million"),
        ("50만원", "KRW 500,000"),
        ("1만5000원", "KRW 15,000"),
        ("3천원", "KRW 3,000"),
        ("0.5조 원", "KRW 500 billion"),
        ("1조2345억 원", "KRW 1,234.5 billion"),
        ("100억 달러", "$10 billion"),
        ("1억2000만 명", "120 million people"),
        ("200만", "2 million"),
        ("5만", "50,000"),
        ("수조원", "trillions of won"),
        ("수조 원", "trillions of won"),
        ("수천억 원", "hundreds of billions of won"),
        ("수백억 원", "tens of billions of won"),
        ("수십억 원", "billions of won"),
        ("수억 원", "hundreds of millions of won"),
        ("수천만 원", "tens of millions of won"),
        ("수만 명", "tens of thousands of people"),
        ("5개년", "five-year"),
        ("10개년", "ten-year"),
        ("12개년", "12-year"),
        ("1분기", "first quarter"),
        ("2분기", "second quarter"),
        ("4분기", "fourth quarter"),
        ("상반기", "first half"),
        ("하반기", "second half"),
        ("1.5%p", "1.5 percentage points"),
        ("1%포인트", "1 percentage point"),
    ],
)
def test_whole_expression(text: str, expected: str) -> None:
    found = find_numbers(text)
    assert [(n.ko, n.en) for n in found] == [(text, expected)]


@pytest.mark.parametrize(
    ("text", "ko", "en"),
    [
        ("KT에 따르면 양사 협력 규모만 2.4조 원에 달한다.", "2.4조 원", "KRW 2.4 trillion"),
        ("AI·클라우드 분야에서 수조원 규모 전략적 파트너십을 체결했다", "수조원", "trillions of won"),
        ("향후 5개년 수조 원 규모 파트너십 체결", "5개년", "five-year"),
        ("내년 1분기 상용화 목표", "1분기", "first quarter"),
        ("신한은행, 취약계층에 의료비 최대 50만원 지원", "50만원", "KRW 500,000"),
        ("모친 유산 1억4000만원 돌려받는다", "1억4000만원", "KRW 140 million"),
    ],
)
def test_inside_sentences(text: str, ko: str, en: str) -> None:
    found = {n.ko: n.en for n in find_numbers(text)}
    assert found[ko] == en
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.ko


@pytest.mark.parametrize(
    "text",
    [
        "30% 늘었다",
        "제3조에 따라",
        "3년 만에 처음",
        "할 수만 있다면",
        "수조에 물을 채웠다",
        "2002년 민영화된 기업",
        "김명준 ETRI 원장",
        "AI 원팀 결성",
        "6세대 이동통신(6G)",
        "지난달 30일",
    ],
)
def test_left_alone(text: str) -> None:
    assert find_numbers(text) == []


def test_several_in_order_without_overlap() -> None:
    text = "올해 2분기 매출 3000억원, 순이익 5000만원, 5개년 계획"
    found = find_numbers(text)
    assert [n.en for n in found] == ["second quarter", "KRW 300 billion", "KRW 50 million", "five-year"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(
    ("ko", "value"),
    [("2조4000억", Decimal("2.4e12")), ("1억2000만", Decimal(120_000_000)), ("2천", Decimal(2000))],
)
def test_korean_amount(ko: str, value: Decimal) -> None:
    assert korean_amount(ko) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal(10) ** 12, "1 trillion"),
        (Decimal("1234567"), "1,234,567"),  # 1.234567 million would need six decimals
        (Decimal("2500000"), "2.5 million"),
        (Decimal("999999"), "999,999"),
    ],
)
def test_format_amount(value: Decimal, text: str) -> None:
    assert format_amount(value) == text


def _korean(value: int) -> str:
    """Write ``value`` (a multiple of 10,000) the way Korean newspapers do: "2조4000억", "1억2000만"."""
    parts = []
    for unit, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        count, value = divmod(value, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)


@given(st.integers(min_value=1, max_value=10**16 // 10**4).map(lambda n: n * 10**4))
def test_amounts_are_exact(value: int) -> None:
    text = _korean(value) + "원"
    found = find_numbers(text)
    assert [n.ko for n in found] == [text]
    assert korean_amount(text[:-1]) == value
    figure, _, scale = found[0].en.removeprefix("KRW ").partition(" ")
    multiplier = {"trillion": 10**12, "billion": 10**9, "million": 10**6, "": 1}[scale]
    assert Decimal(figure.replace(",", "")) * multiplier == value
