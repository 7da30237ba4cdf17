"""Headlines by evidence: never furniture, a timestamp, a caption or the first paragraph (synthetic pages)."""

from __future__ import annotations

import pytest

from brief.clean import clean_text

LEAD = "시는 10일 새 교통 대책을 발표했다. 대책은 다음 달부터 시행된다."
HEADLINE = "시, 출퇴근 버스 증편…다음 달 시행"

FURNITURE = [
    "컨텐츠 바로가기",
    "기사 본문 영역",
    "현재위치 : > 뉴스 > 사회 > 교통",
    "동영상영역 시작",
    "• 퍼가기",
    "05.18 (토)",
    "주소복사가 완료되었습니다",
    "읽어주기 기능은 일부 브라우저에서만 사용하실 수 있습니다.",
]


@pytest.mark.parametrize("furniture", FURNITURE)
def test_page_furniture_is_never_the_headline(furniture: str) -> None:
    article = clean_text(f"{furniture}\n\n{HEADLINE}\n\n{LEAD}")
    assert article.headline == HEADLINE
    assert furniture not in " ".join(article.paragraphs)


CAPTIONS = [
    "▲ 김민호 가나시 시장",
    "▲ 버스 정류장에 줄을 선 시민들",
    "△ 새로 도입되는 전기 버스",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_above_the_article_is_not_the_headline(caption: str) -> None:
    article = clean_text(f"{caption}\n{LEAD}")
    assert article.headline is None
    assert caption[2:] in article.captions
    assert article.paragraphs[0] == LEAD


NO_HEADLINE = [
    LEAD,
    f"{LEAD}\n\n두 번째 문단도 있다. 시민 반응은 좋았다.",
    f"가나일보\n\n{LEAD}",
]


@pytest.mark.parametrize("page", NO_HEADLINE)
def test_no_headline_means_none_and_the_first_paragraph_stays(page: str) -> None:
    article = clean_text(page)
    assert article.headline is None
    assert article.paragraphs[0] == LEAD


QUESTIONS = [
    "가나전자와 다라전자 대표가 함께 그리는 미래의 가전 시장은 과연 어떤 모습일까?",
    "올겨울 난방비 폭탄, 정부의 새 지원책으로 서민들의 부담을 얼마나 덜 수 있을까?",
    "세 구단 감독이 한자리에 모여 털어놓은 올 시즌 우승 전략, 그 결말은 어떻게 될까?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_first_line_that_asks_is_the_headline(question: str) -> None:
    article = clean_text(f"{question}\n{LEAD}\n두 번째 문단도 있다. 시민 반응은 좋았다.")
    assert article.headline == question
    assert article.paragraphs[0] == LEAD


SIGNED = [
    ('개막 앞둔 감독들 입담 대결…"올해는 우승" / YTN', "YTN"),
    ("새 교통 대책 발표…버스 증편 / KBS", "KBS"),
    ("가을 축제 개막, 관광객 몰려 / MBC", "MBC"),
]


@pytest.mark.parametrize(("title", "site"), SIGNED)
def test_a_title_signed_with_the_site_name_is_the_headline(title: str, site: str) -> None:
    article = clean_text(f"{title}\n\n{LEAD}")
    assert article.headline == title
    assert article.captions == ()


def test_a_byline_over_a_title_block_credits_the_reporter_and_stays_out_of_the_body() -> None:
    page = f"{HEADLINE}\n\n[가나뉴스 정하늘 기자] 2024년 5월\n\n간담회 전문\n\n{LEAD}"
    article = clean_text(page)
    assert [r.name for r in article.reporters] == ["정하늘"]
    assert article.paragraphs[0] == LEAD


MENUS = ["정치 경제 사회 국제 문화", "홈 | 뉴스 | 스포츠 | 연예", "전체기사 · 정치 · 경제 · 사회"]


@pytest.mark.parametrize("menu", MENUS)
def test_a_menu_bar_is_never_the_headline(menu: str) -> None:
    article = clean_text(f"{menu}\n\n{HEADLINE}\n\n{LEAD}")
    assert article.headline == HEADLINE
    assert any(r.reason == "menu" for r in article.removed)
