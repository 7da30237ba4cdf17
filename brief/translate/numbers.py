"""Korean number expressions (조, 억, 만, 수조원, 5개년, 1분기, ...) rendered in English, exactly.

``find_numbers(text)`` returns each expression with its character span and English form, so the
protection layer can replace it by a placeholder and the model never sees (or mangles) it.
Arithmetic is done with ``Decimal``: "2조4000억원" is exactly KRW 2.4 trillion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NumberSpan", "find_numbers", "format_amount", "korean_amount"]


@dataclass(frozen=True)
class NumberSpan:
    """A number expression in Korean text and its English rendering."""

    start: int
    end: int
    ko: str
    en: str


_BIG = {"조": Decimal(10) ** 12, "억": Decimal(10) ** 8, "만": Decimal(10) ** 4}
_SMALL = {"천": Decimal(1000), "백": Decimal(100), "십": Decimal(10)}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
_CURRENCY = {"원": "KRW {}", "달러": "${}", "엔": "JPY {}", "위안": "CNY {}", "유로": "EUR {}"}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five",
    6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# one group: "2.4", "2천", "4000", each optionally followed by a big unit; at least one unit overall
_UNITS = r"(?:원|달러|엔|위안|유로|명)(?!장|팀|칙)"
_GROUP = rf"(?:{_NUM})\s?[천백십]?\s?[조억만]"
_AMOUNT = re.compile(
    rf"(?<![\d.,제])(?P<amount>{_GROUP}(?:\s?(?:{_NUM})\s?[천백십]?\s?[조억만])*"
    rf"(?:\s?(?:{_NUM})\s?[천백십]?(?=\s?{_UNITS}))?)"
    rf"(?:\s?(?P<unit>{_UNITS}))?"
)
_PLAIN_MONEY = re.compile(
    rf"(?<![\d.,제])(?P<amount>(?:{_NUM})\s?[천백십]?)\s?(?P<unit>원|달러|엔|위안|유로)(?!장|팀|칙)"
)
# 수조원 / 수천억 원 / 수백만 명: "several" amounts
_VAGUE = re.compile(
    r"(?<![가-힣])수\s?(?P<small>[십백천])?\s?(?P<big>[조억만])(?:\s?(?P<unit>원|달러|명))?(?!장|팀|칙)"
)
_YEARS = re.compile(r"(?<![\d.])(?P<n>\d+)\s?개년")
_QUARTER = re.compile(r"(?<![\d.])(?P<n>[1-4])\s?분기")
_HALF = re.compile(r"(?<![가-힣])(?P<which>상|하)반기")
_POINTS = re.compile(rf"(?<![\d.])(?P<n>{_NUM})\s?(?:%p|%포인트|퍼센트포인트)")

# vague amounts: (small multiplier, big unit) -> English order of magnitude
_VAGUE_EN = {
    (None, "조"): "trillions", ("십", "조"): "tens of trillions", ("백", "조"): "hundreds of trillions",
    ("천", "조"): "thousands of trillions",
    (None, "억"): "hundreds of millions", ("십", "억"): "billions", ("백", "억"): "tens of billions",
    ("천", "억"): "hundreds of billions",
    (None, "만"): "tens of thousands", ("십", "만"): "hundreds of thousands", ("백", "만"): "millions",
    ("천", "만"): "tens of millions",
}  # fmt: skip
_VAGUE_UNIT = {"원": " of won", "달러": " of dollars", "명": " of people"}


def korean_amount(text: str) -> Decimal:
    """The value of a Korean amount such as "2조4000억", "1조 2천억", "1억2000만" or "2천"."""
    total = Decimal(0)
    pending = Decimal(0)
    for number, small, big in re.findall(rf"({_NUM})\s?([천백십]?)\s?([조억만]?)", text):
        value = Decimal(number.replace(",", ""))
        if small:
            value *= _SMALL[small]
        pending += value
        if big:
            total += pending * _BIG[big]
            pending = Decimal(0)
    return total + pending


def _plain(value: Decimal) -> str:
    """1234567 -> "1,234,567"; 1.50 -> "1.5"."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    text = f"{value.normalize():f}"
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}"


def format_amount(value: Decimal) -> str:
    """An amount in English: 2.4e12 -> "2.4 trillion", 3e11 -> "300 billion", 5e5 -> "500,000".

    A scale is used only when it keeps at most three decimals, so the figure stays exact.
    """
    for scale, word in _SCALES:
        if value >= scale:
            scaled = (value / scale).normalize()
            exponent = scaled.as_tuple().exponent
            if isinstance(exponent, int) and exponent >= -3:
                return f"{_plain(scaled)} {word}"
    return _plain(value)


def _money(amount: str, unit: str | None) -> str:
    figure = format_amount(korean_amount(amount))
    if unit in _CURRENCY:
        return _CURRENCY[unit].format(figure)
    if unit == "명":
        return f"{figure} people"
    return figure


def _add(found: list[NumberSpan], taken: list[bool], match: re.Match[str], en: str) -> None:
    start, end = match.span()
    if any(taken[start:end]):
        return
    for i in range(start, end):
        taken[i] = True
    found.append(NumberSpan(start, end, match.group(0), en))


def find_numbers(text: str) -> list[NumberSpan]:
    """Every Korean number expression brief renders itself, in text order, never overlapping."""
    found: list[NumberSpan] = []
    taken = [False] * len(text)
    for match in _VAGUE.finditer(text):
        if match.group("small") is None and match.group("big") != "억" and not match.group("unit"):
            continue  # bare 수조 / 수만 are also ordinary words ("water tank", "if only")
        en = _VAGUE_EN[(match.group("small"), match.group("big"))]
        _add(found, taken, match, en + _VAGUE_UNIT.get(match.group("unit") or "", ""))
    for match in _AMOUNT.finditer(text):
        _add(found, taken, match, _money(match.group("amount"), match.group("unit")))
    for match in _PLAIN_MONEY.finditer(text):
        _add(found, taken, match, _money(match.group("amount"), match.group("unit")))
    for match in _YEARS.finditer(text):
        years = int(match.group("n"))
        _add(found, taken, match, f"{_WORDS.get(years, str(years))}-year")
    for match in _QUARTER.finditer(text):
        _add(found, taken, match, f"{_ORDINALS[int(match.group('n'))]} quarter")
    for match in _HALF.finditer(text):
        _add(found, taken, match, "first half" if match.group("which") == "상" else "second half")
    for match in _POINTS.finditer(text):
        points = match.group("n")
        _add(found, taken, match, f"{points} percentage point" + ("" if points == "1" else "s"))
    found.sort(key=lambda span: span.start)
    return found
