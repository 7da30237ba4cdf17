"""Figures with their units in Korean text: money, percentages, counts, durations, periods, dates.

Money, headcounts, "N개년", quarters and halves come from the translation stage's number reader
(``brief.translate.numbers``, exact Decimal arithmetic); percentages, counted things and "N년간"
durations are read here. Each figure carries its English value ("KRW 2.4 trillion"), which is also
its identity: two articles that write 2조4000억원 and 2.4조 원 report the same figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.translate.numbers import find_numbers, format_amount, korean_amount

__all__ = ["KIND_WEIGHT", "Figure", "find_figures"]


@dataclass(frozen=True)
class Figure:
    kind: str  # "money" | "percent" | "count" | "duration" | "period" | "date"
    value: str  # English: "KRW 2.4 trillion", "30%", "1,000 people", "five-year", "first quarter"
    ko: str  # as written
    start: int
    end: int
    vague: bool = False  # "수조 원": an order of magnitude, not a figure


# how much a figure of each kind weighs as a key fact (money and shares are what readers look for)
KIND_WEIGHT = {"money": 4.0, "percent": 3.0, "count": 2.0, "duration": 2.0, "period": 1.0, "date": 1.0}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERCENT = re.compile(rf"(?<![\d.,])(?P<n>{_NUM})\s?(?:%|퍼센트|프로)(?!p|포인트)")
# counted things: the counter word and its English noun
_COUNTERS = {
    "개국": "countries",
    "개사": "companies",
    "곳": "sites",
    "건": "cases",
    "대": "units",
    "개": "items",
    "가구": "households",
    "명": "people",
}
_COUNTER_WORDS = "|".join(sorted(_COUNTERS, key=len, reverse=True))
_COUNT = re.compile(
    rf"(?<![\d.,])(?P<n>{_NUM})\s?(?P<big>[천백십]?[만억]?)\s?(?P<unit>{_COUNTER_WORDS})"
    r"(?=$|[^가-힣]|[을를이가은는에의도만과와로으씩])"  # a particle may follow; 대표, 개발, 명령 are words
)
# a date written out with its month: "9월 30일", "2024년 10월 1일" (a bare "30일" names no month: not read)
_DATE = re.compile(
    r"(?<!\d)(?:(?P<year>(?:19|20)\d{2})\s?년\s?)?(?P<month>1[0-2]|0?[1-9])\s?월\s?(?P<day>3[01]|[12]\d|0?[1-9])\s?일"
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DURATION = re.compile(rf"(?<![\d.,])(?P<n>{_NUM})\s?(?P<unit>년|개월|주)\s?(?:간|동안)")
_DURATION_EN = {"년": "year", "개월": "month", "주": "week"}
_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five",
    6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
}  # fmt: skip


def _kind(english: str) -> tuple[str, bool]:
    """The kind of a figure the number reader rendered, and whether it is vague."""
    vague = english.startswith(("trillions", "billions", "millions", "hundreds", "tens", "thousands"))
    if english.endswith("people") or english.endswith("of people"):
        return "count", vague
    if english.endswith("-year"):
        return "duration", False
    if english.endswith(("quarter", "half")):
        return "period", False
    if "percentage point" in english:
        return "percent", False
    if (
        english[:1] == "$"
        or english[:3] in ("KRW", "JPY", "CNY", "EUR")
        or english.endswith(("of won", "of dollars"))
    ):
        return "money", vague
    return "count", vague


def _count_value(n: str, big: str, unit: str) -> str:
    value = korean_amount(f"{n}{big}") if big else korean_amount(n)
    return f"{format_amount(value)} {_COUNTERS[unit]}"


def find_figures(text: str) -> list[Figure]:
    """Every figure with a unit in ``text``, in order, never overlapping (bare numbers are not figures)."""
    found: list[Figure] = []
    taken = [False] * len(text)

    def add(kind: str, value: str, start: int, end: int, vague: bool = False) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = [True] * (end - start)
        found.append(Figure(kind, value, text[start:end], start, end, vague))

    for span in find_numbers(text):
        kind, vague = _kind(span.en)
        value = span.en
        if value.endswith("-year"):  # "5개년" and "5년간" are one figure: five years
            value = value.removesuffix("-year") + " years"
        add(kind, value, span.start, span.end, vague)
    for match in _PERCENT.finditer(text):
        add("percent", f"{match.group('n')}%", *match.span())
    for match in _DURATION.finditer(text):
        n = match.group("n")
        unit = _DURATION_EN[match.group("unit")]
        words = _WORDS.get(int(float(n)), n) if n.replace(",", "").isdigit() else n
        add("duration", f"{words} {unit}{'' if n == '1' else 's'}", *match.span())
    for match in _DATE.finditer(text):
        year, month, day = match.group("year"), int(match.group("month")), int(match.group("day"))
        add("date", f"{day} {_MONTHS[month - 1]}" + (f" {year}" if year else ""), *match.span())
    for match in _COUNT.finditer(text):
        add("count", _count_value(match.group("n"), match.group("big"), match.group("unit")), *match.span())
    found.sort(key=lambda f: f.start)
    return found
