"""Cleaning rules that must hold on unseen real pages: navigation lines, menus by shape, a lone cut
paragraph, listings with split dates, reader widgets, broadcast video pages, syndication notes
(synthetic pages written for these tests)."""

from __future__ import annotations

import pytest

from brief.clean import boilerplate as bp
from brief.clean import clean_text

HEADLINE = "구립 수영장 새 단장 마치고 다시 문 열어"
LEAD = "나라구는 석 달 동안 고친 구립 수영장을 15일 다시 연다고 밝혔다. 탈의실과 샤워실을 새로 꾸몄다."
QUOTE = '구 관계자는 "주민들이 더 편하게 쓰도록 하겠다"고 말했다.'


# ---------------------------------------------------------------- 1. lines made of navigation phrases
@pytest.mark.parametrize(
    "nav",
    [
        "본문으로 바로가기 주메뉴 바로가기",
        "검색 바로가기 하위메뉴 바로가기 본문 바로가기",
        "전체메뉴 로그인 회원가입",
        "로그인 | 구독 | 전체 메뉴",
    ],
)
def test_a_line_of_navigation_phrases_is_furniture(nav: str) -> None:
    assert bp.boilerplate_reason(nav) in ("skip link", "page tool")
    article = clean_text(f"{nav}\n{HEADLINE}\n{LEAD}\n{QUOTE}")
    assert article.headline == HEADLINE
    assert nav not in article.subheadlines


@pytest.mark.parametrize(
    "line", ["로그인 후 이용하세요 회원가입", "본문 바로가기 기능을 새로 만들었다", HEADLINE]
)
def test_lines_with_other_words_are_not_navigation(line: str) -> None:
    assert bp.nav_phrases_reason(line) is None


# ---------------------------------------------------------------- 5. widgets addressed to the reader
@pytest.mark.parametrize(
    "widget",
    [
        "이 요약은 인공지능 기술로 기사 내용을 세 줄로 요약한 결과입니다. "
        "빠진 내용이 있을 수 있으니 본문 전체를 읽어 주세요.",
        "이 기사를 친구에게 공유해 보세요.",
        "이 콘텐츠가 마음에 드셨다면 구독하세요.",
        "자동 요약된 내용은 기사 내용과 다를 수 있습니다. 정확한 내용은 본문 읽기를 권장합니다.",
    ],
)
def test_reader_widgets_are_furniture(widget: str) -> None:
    assert bp.is_reader_widget(widget) or bp.boilerplate_reason(widget) is not None
    article = clean_text(f"{HEADLINE}\n{LEAD}\n{QUOTE}\n{widget}")
    assert article.paragraphs == (LEAD, QUOTE)


@pytest.mark.parametrize(
    "sentence",
    [
        "이용자는 월 9천 원에 음악 구독 서비스를 쓸 수 있습니다.",
        '그는 "이 글을 널리 공유해 주세요"라고 말했다.',
        "회사는 뉴스 요약 서비스를 다음 달 내놓는다고 밝혔다.",
    ],
)
def test_sentences_about_sharing_in_the_story_stay(sentence: str) -> None:
    assert not bp.is_reader_widget(sentence)


# ---------------------------------------------------------------- 7. syndication notes, byline blocks
@pytest.mark.parametrize(
    "note",
    [
        "이 기사는 2025년 02월 27일 14시 03분 가나일보 유료콘텐츠서비스 가나플러스에 표출된 기사입니다.",
        "이 기사는 2024년 5월 1일 다라경제 프리미엄 서비스에 먼저 게재된 기사입니다.",
        "본 기사는 2023년 12월 3일 마바신문 유료 구독자에게 먼저 공개된 기사입니다.",
    ],
)
def test_syndication_notes_are_furniture(note: str) -> None:
    page = f"{HEADLINE}\n박민수 기자\n2025.02.27 14:03:11\n{LEAD}\n{QUOTE}\n{note}"
    article = clean_text(page)
    assert article.paragraphs == (LEAD, QUOTE)
    assert [r.name for r in article.reporters] == ["박민수"]
    assert article.date is not None and article.date.isoformat() == "2025-02-27"
    assert article.headline == HEADLINE
