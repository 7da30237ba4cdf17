"""Dates only from datelines where a dateline belongs, never from counters or lists (synthetic pages)."""

from __future__ import annotations

import pytest

from brief.clean import clean_text
from brief.clean.dates import dateline_date

BODY = "\n\n시는 이날 새 정책을 발표했다. 정책은 다음 달부터 시행된다.\n\n김나래 기자 nara@example.com"

WEEK_COUNTERS = [
    ("주간 인기 차트\n2025년 11월 2주차\n입력 2025.11.14 09:00" + BODY, "2025-11-14"),
    ("주간 리포트\n2024년 3월 1주차" + BODY, None),
    ("연재 3회\n2023년 5월 2회차 방송\n등록 2023-05-20 10:11" + BODY, "2023-05-20"),
]


@pytest.mark.parametrize(("page", "date"), WEEK_COUNTERS)
def test_week_and_round_counters_are_not_dates(page: str, date: str | None) -> None:
    article = clean_text(page)
    assert (article.date.isoformat() if article.date else None) == date


SHOP_COUNTERS = [
    "2013년 9월 9일 이후 누적수치",
    "2020.01.01 기준 회원 수",
    "2019년 5월 1일부터 집계",
]


@pytest.mark.parametrize("line", SHOP_COUNTERS)
def test_counters_and_periods_are_not_datelines(line: str) -> None:
    assert dateline_date(line) is None
    assert clean_text("가게 소식\n" + line + BODY).date is None


LISTS = [
    "검색 기록\n2024.01.03 11:20\n2024.01.05 09:10\n2024.01.09 18:45" + BODY,
    "최근 본 기사\n2023-07-01\n2023-07-02\n2023-07-03\n2023-07-04" + BODY,
    "보관함\n2022년 3월 1일\n2022년 3월 8일\n2022년 3월 15일" + BODY,
]


@pytest.mark.parametrize("page", LISTS)
def test_a_run_of_dated_lines_is_a_list_not_a_dateline(page: str) -> None:
    article = clean_text(page)
    assert article.date is None
    assert any(r.reason == "list of dates" for r in article.removed)


FAR_BELOW = (
    BODY
    + "\n\n많이 본 뉴스\n다른 기사 제목 하나\n다른 기사 제목 둘\n다른 기사 제목 셋"
    + "\n다른 기사 제목 넷\n2021.04.04"
)


def test_a_dated_line_far_below_the_article_dates_nothing() -> None:
    assert clean_text("정책 발표" + FAR_BELOW).date is None


DATELINES = [
    ("정책 발표\n입력 2024.06.03 14:00" + BODY, "2024-06-03"),
    ("정책 발표\n기사입력 2021-02-10 오전 9:30" + BODY, "2021-02-10"),
    ("정책 발표" + BODY + "\n승인 2020.12.24 17:05", "2020-12-24"),
]


@pytest.mark.parametrize(("page", "date"), DATELINES)
def test_datelines_near_the_headline_or_byline_date_the_article(page: str, date: str) -> None:
    article = clean_text(page)
    assert article.date is not None and article.date.isoformat() == date
    assert article.date_evidence is not None and article.date_evidence.kind == "explicit"


def test_a_glued_timestamp_is_cut_from_the_headline() -> None:
    page = (
        "시의회, 새 교통 정책 발표 입력 2001-06-21 18:42"
        + "2001년 시는 새 정책을 발표했다. 정책은 다음 달부터 시행된다. " * 12
    )
    article = clean_text(page)
    assert article.date is not None and article.date.isoformat() == "2001-06-21"
    assert article.headline == "시의회, 새 교통 정책 발표"


SEARCH_RESULTS = [
    "통합검색\n2024.01.03 11:20 금리 동결 가능성 높아져\n2024.01.05 09:10 한은, 기준금리 동결\n"
    "2024.01.09 18:45 시장은 동결에 안도" + BODY,
    "최근 검색\n2023-05-01 전기차 보조금 확대\n2023-05-02 충전소 늘린다\n2023-05-03 배터리 값 하락" + BODY,
    "보관 기사\n2022.09.01 가을 축제 일정\n2022.09.08 축제 교통 통제\n2022.09.15 축제 성황리 폐막" + BODY,
]


@pytest.mark.parametrize("page", SEARCH_RESULTS)
def test_search_results_with_timestamps_date_nothing_and_are_removed(page: str) -> None:
    article = clean_text(page)
    assert article.date is None
    assert sum(r.reason == "list of dates" for r in article.removed) == 3
    assert article.subheadlines == ()


HEADER_STAMPS = "시청 새 정책\n등록 2024.06.03 14:00\n수정 2024.06.04 09:00\n승인 2024.06.04 10:00" + BODY


def test_labelled_stamps_in_a_header_are_datelines_not_a_list() -> None:
    article = clean_text(HEADER_STAMPS)
    assert article.date is not None and article.date.isoformat() == "2024-06-03"


@pytest.mark.parametrize(
    "line", ["2024.01.03 11:20 금리 동결 가능성 높아져", "2023-05-01 전기차 보조금 확대 방침"]
)
def test_a_dated_headline_is_no_dateline(line: str) -> None:
    assert dateline_date(line) is None


# a dateline with the time written in words ("17시 07분"), bulleted as a page's header field
KOREAN_TIME_DATELINES = [
    ("  • 가나뉴스\n  • 입력 2019년 1월 10일 17시 07분\n", "2019-01-10"),
    ("입력 2024년 2월 26일 오후 1시 16분\n", "2024-02-26"),
    ("• 기사입력 2023년 5월 1일 9시 5분 30초\n", "2023-05-01"),
]


@pytest.mark.parametrize(("header", "date"), KOREAN_TIME_DATELINES)
def test_a_dateline_with_the_time_in_words_dates_the_article(header: str, date: str) -> None:
    page = (
        "시 예산안 발표, 복지 늘어\n\n" + header + "\n시는 내년 예산안을 7일 발표했다. 복지 예산이 늘었다.\n"
    )
    article = clean_text(page)
    assert article.date is not None and article.date.isoformat() == date
    assert not article.subheadlines
    assert all("입력" not in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "line", ["2024년 2월 26일 13시 집회 예정", "2024년 3월 1일 10시부터 접수", "2023년 5월 1일 9시까지 마감"]
)
def test_a_dated_notice_with_a_time_is_no_dateline(line: str) -> None:
    assert dateline_date(line) is None
