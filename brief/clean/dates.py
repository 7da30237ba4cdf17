"""Publication dates from page evidence, and relative dates ("지난달 30일") resolved against them.

A date is never guessed: each finder returns a date only with the snippet it was read from.
Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact for news dates.
"""

from __future__ import annotations

import datetime as dt
import re

from brief.records import DateEvidence

__all__ = [
    "KST",
    "MONTH_STEMS",
    "dateline_date",
    "epoch_ms_dates",
    "filename_date",
    "parse_iso_date",
    "pick_date",
    "resolve_relative_date",
    "starts_with_date",
]

KST = dt.timezone(dt.timedelta(hours=9), "KST")
_MIN_YEAR, _MAX_YEAR = 1990, 2100
# Evidence kinds from the most to the least trustworthy.
_RANK = {"explicit": 0, "html_meta": 1, "epoch_ms": 2, "url": 3, "image_filename": 4}

_EPOCH_MS = re.compile(r"(?<!\d)1\d{12}(?!\d)")  # 2001-09-09 .. 2033-05-18 in milliseconds
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{0,12})(?!\d)")
_PATH_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")
# a full date; not a week or round counter ("2025년 11월 2주차", "2024년 3월 2회차")
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})(?:\s*일)?"
    r"(?!\d|\s*(?:주|차|회|번째|째|분기|호))"
)
# words that make a dated line something other than a dateline: a counter's start, a deadline, a period
_NOT_DATELINE = re.compile(r"이후|이전|부터|까지|기준|현재|누적|마감|예정|시작|종료|개최|동안|기간|검색")
# an English-style date, as forums and blogs print it: "Oct 01, 2014", "October 1, 2014", "1 Oct 2014"
_MONTHS = {
    m: n
    for n, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
MONTH_STEMS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"  # an English month's name begins so
_MONTH_NAME = rf"(?P<mon>{MONTH_STEMS})[a-z]{{0,6}}\.?"
_ENGLISH_DATE = re.compile(
    rf"(?<![A-Za-z\d]){_MONTH_NAME}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"
    rf"|(?<![A-Za-z\d])(?P<d2>\d{{1,2}})\s+{_MONTH_NAME.replace('mon', 'mon2')}"
    r"\s+(?P<y2>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
# the poster named beside a forum post's date: "by NICK posted Oct 01, 2014"
_POSTED_BY = re.compile(r"(?<![A-Za-z])by\s+\S{1,20}", re.IGNORECASE)
# the other fields of a board post's header beside its date: "작성자 NICK", "조회 4,397", "추천 3"
_BOARD_FIELD = re.compile(
    r"(?:작성자|글쓴이|닉네임)\s*[:：]?\s*[^\s|]{1,20}"
    r"|(?:조회|추천|댓글|hits?|views?)\s*수?\s*[:：]?\s*[\d,]+(?!\S)|[\d,]+\s*(?:조회|hits?|views?)(?!\S)",
    re.IGNORECASE,
)
# the fields of a post's header line: "작성자 NICK | Posted on November 3, 2019 | 조회 892"
_FIELD_SEPARATOR = re.compile(r"\s+[|｜]\s+")
_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
# a time of day: "14:13", "오후 2:13", "2:13 PM", "17시 07분", "오후 5시 7분 30초"
_TIME = re.compile(
    r"(?:오전|오후|AM|PM)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?"
    r"|\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?(?:\s*\d{1,2}\s*초)?(?![가-힣]))",
    re.IGNORECASE,
)
_DATELINE_LABEL = re.compile(
    r"(?:기사\s*)?(?:입력|등록|게재|발행|작성|승인|송고|수정|최종\s*수정|업데이트|발행일|등록일|입력일|수정일|"
    r"기사입력|최종수정|작성일|게시일|Posted|Published|Updated|Modified|Date)\s*(?:일시|시간|일)?\s*[:：]?",
    re.IGNORECASE,
)
_LATE_LABELS = re.compile(r"수정|업데이트|Updated|Modified", re.IGNORECASE)
# a board post's labelled stamp with a two-digit year ("작성일 13.05.30 22:51:57"): the label makes it a
# date (never a bare "13.05.30", which may be a score or a version); years 70-99 are 19xx. Korean labels
# only: an English "Date 03/05/13" may be month first
_SHORT_YEAR_STAMP = re.compile(
    r"(?:작성일|등록일|게시일|작성일시|등록일시|날짜)\s*[:：]?\s*"
    r"(?P<y>\d{2})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})(?![\d.\-/])",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def epoch_ms_dates(line: str) -> list[tuple[dt.date, DateEvidence]]:
    """Dates (in Asia/Seoul) of the 13-digit epoch-millisecond numbers on a metadata line."""
    found = []
    for match in _EPOCH_MS.finditer(line):
        stamp = dt.datetime.fromtimestamp(int(match.group(0)) / 1000, tz=KST)
        if _MIN_YEAR <= stamp.year <= _MAX_YEAR:
            found.append((stamp.date(), DateEvidence("epoch_ms", match.group(0))))
    return found


def filename_date(name: str, kind: str = "image_filename") -> tuple[dt.date, DateEvidence] | None:
    """The date in a dated image file name or path (``newhub_20241001141329492045.jpg``, ``/2024/10/01/``).

    ``kind`` names the evidence ("image_filename").
    """
    for pattern in (_FILE_DATE, _PATH_DATE):
        for match in pattern.finditer(name):
            date = _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if date is not None:
                return date, DateEvidence(kind, name.strip())
    return None


def dateline_date(line: str) -> tuple[dt.date, DateEvidence, bool] | None:
    """The date of a dateline ("입력 2024.10.01 14:13", "2024/10/01 14:00 송고", "2024년 10월 1일").

    Only a short line made of labels, dates and times counts; a date inside a sentence is not a dateline.
    Returns (date, evidence, is_update) — ``is_update`` for "수정"/"Updated" stamps — or None.
    """
    if len(line) > 90:
        return None
    compact = _COMPACT_DATE.fullmatch(line.strip())
    if compact is not None:  # "19950711": a broadcast archive's date stamp, alone on its line
        date = _make(int(compact.group(1)), int(compact.group(2)), int(compact.group(3)))
        return (date, DateEvidence("explicit", line.strip()), False) if date else None
    found = _dateline_fields(line)
    if found is not None:
        return found
    dates = list(_DATE.finditer(line))
    if not dates:
        short = _SHORT_YEAR_STAMP.search(line)
        if short is not None:
            return _short_year_date(line, short)
    english = None if dates else _ENGLISH_DATE.search(line)
    if (not dates and english is None) or _NOT_DATELINE.search(line):
        return None
    rest = _DATE.sub(" ", line) if dates else _POSTED_BY.sub(" ", _ENGLISH_DATE.sub(" ", line))
    rest = _BOARD_FIELD.sub(" ", _TIME.sub(" ", rest))
    rest = _DATELINE_LABEL.sub(" ", rest)
    rest = re.sub(r"[|·•:()\[\]<>/,.\-~|]+|기자|\([월화수목금토일]\)|[월화수목금토일]요일|\bon\b", " ", rest)
    if len(rest.split()) > 2 or len("".join(rest.split())) > 12:
        return None  # a name of a reporter or outlet may stand beside the date, not a headline
    if english is not None:
        date, start = _english_date(english), english.start()
    else:
        first = dates[0]
        date, start = _make(int(first.group(1)), int(first.group(2)), int(first.group(3))), first.start()
    if date is None:
        return None
    return date, DateEvidence("explicit", line.strip()), bool(_LATE_LABELS.search(line[:start]))


def _short_year_date(line: str, match: re.Match[str]) -> tuple[dt.date, DateEvidence, bool] | None:
    """The date of a labelled stamp with a two-digit year, on a line with at most a nickname and
    the post's counters beside it ("NICK 작성일 13.05.30 22:51:57")."""
    rest = _BOARD_FIELD.sub(" ", _TIME.sub(" ", line[: match.start()] + " " + line[match.end() :]))
    rest = re.sub(r"[|·•:()\[\]<>/,.\-~]+", " ", rest)
    if len(rest.split()) > 2 or len("".join(rest.split())) > 16:
        return None
    year = int(match.group("y"))
    date = _make(year + (1900 if year >= 70 else 2000), int(match.group("m")), int(match.group("d")))
    return (date, DateEvidence("explicit", line.strip()), False) if date else None


def _english_date(match: re.Match[str]) -> dt.date | None:
    month = _MONTHS[(match.group("mon") or match.group("mon2"))[:3].lower()]
    return _make(
        int(match.group("y") or match.group("y2")), month, int(match.group("d") or match.group("d2"))
    )


def _dateline_fields(line: str) -> tuple[dt.date, DateEvidence, bool] | None:
    """A post's header line of two to five short fields separated by "|", one of them a dateline
    ("작성자 NICK | Posted on November 3, 2019 | 조회 892"): that field's date."""
    fields = _FIELD_SEPARATOR.split(line.strip())
    if not 2 <= len(fields) <= 5 or any(len(f) > 40 for f in fields):
        return None
    for field in fields:
        found = dateline_date(field)
        if found is not None:
            return found
    return None


def starts_with_date(line: str) -> bool:
    """A line that opens with a full date ("2024.01.03 11:20 …"): an entry of a dated list, or a dateline."""
    match = _DATE.match(line.lstrip("[(<-•· "))
    return match is not None


def parse_iso_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD (or longer ISO) string as a date, or None."""
    if not value:
        return None
    match = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value.strip())
    return _make(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def pick_date(candidates: list[tuple[dt.date, DateEvidence]]) -> tuple[dt.date | None, DateEvidence | None]:
    """The best-supported candidate: by kind of evidence, then the earliest (first publication)."""
    if not candidates:
        return None, None
    date, evidence = min(candidates, key=lambda c: (_RANK.get(c[1].kind, 9), c[0]))
    return date, evidence


# ---------------------------------------------------------------- relative dates
_REL_DAY = {
    "그제": -2,
    "그저께": -2,
    "엊그제": -2,
    "어제": -1,
    "전날": -1,
    "오늘": 0,
    "이날": 0,
    "금일": 0,
    "내일": 1,
    "다음날": 1,
    "이튿날": 1,
    "모레": 2,
}
_ABSOLUTE = re.compile(r"((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_YEAR_WORD = r"(?:(?P<yrel>지난해|작년|올해|올|금년|내년|새해)\s*)?"
_MONTH_DAY = re.compile(_YEAR_WORD + r"(?:(?P<pre>지난|오는)\s*)?(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
_REL_MONTH_DAY = re.compile(
    r"(?P<mrel>지난달|전달|전월|이달|이번\s*달|금월|다음\s*달|내달|다음달)\s*(?P<d>\d{1,2})\s*일"
)
_DAY = re.compile(r"(?:(?P<pre>지난|오는)\s*)?(?<![\d.,])(?P<d>\d{1,2})\s*일(?![간째치분])")
_YEAR_SHIFT = {"지난해": -1, "작년": -1, "올해": 0, "올": 0, "금년": 0, "내년": 1, "새해": 1}
_MONTH_SHIFT = {
    "지난달": -1,
    "전달": -1,
    "전월": -1,
    "이달": 0,
    "이번달": 0,
    "금월": 0,
    "다음달": 1,
    "내달": 1,
}


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def resolve_relative_date(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar date a Korean date expression refers to, given the article's publication date.

    Handles "2024년 10월 1일" (absolute), "지난해 9월 30일", "9월 30일", "지난달 30일", "오는 5일",
    "26일" and "어제"/"전날"/"이날". A bare day after the publication day is read as last month
    ("30일" in an article of 1 October is 30 September), unless "오는" marks the future.
    Returns None when there is no publication date or no full date in ``text``: never a guess.
    """
    match = _ABSOLUTE.search(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if published is None:
        return None
    match = _MONTH_DAY.search(text)
    if match:
        month, day = int(match.group("m")), int(match.group("d"))
        year = published.year + _YEAR_SHIFT.get(match.group("yrel") or "", 0)
        if match.group("yrel") is None:
            # "지난 11월 30일" in January is last year; "오는 1월 5일" in December is next year.
            if match.group("pre") == "지난" and (month, day) > (published.month, published.day):
                year -= 1
            elif match.group("pre") == "오는" and (month, day) < (published.month, published.day):
                year += 1
        return _make(year, month, day)
    match = _REL_MONTH_DAY.search(text)
    if match:
        shift = _MONTH_SHIFT[re.sub(r"\s+", "", match.group("mrel"))]
        year, month = _shift_month(published.year, published.month, shift)
        return _make(year, month, int(match.group("d")))
    for word, shift in _REL_DAY.items():
        if re.search(rf"(?<![가-힣]){word}(?!날|을|의)", text):
            return published + dt.timedelta(days=shift)
    match = _DAY.search(text)
    if match:
        day = int(match.group("d"))
        year, month = published.year, published.month
        if match.group("pre") == "오는":
            if day < published.day:
                year, month = _shift_month(year, month, 1)
        elif day > published.day:
            year, month = _shift_month(year, month, -1)
        return _make(year, month, day)
    return None
