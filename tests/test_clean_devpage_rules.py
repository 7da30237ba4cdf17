"""Cleaning rules met on the team's development pages (tests/data/devpages/)."""

from __future__ import annotations

import pytest

from brief.clean import clean_text
from brief.clean.boilerplate import boilerplate_reason
from brief.clean.captions import caption_text


# wire-photo captions: a "[지역=매체]" tag (and "NAME 기자 =") before, and after the caption the photo's
# source, date, the photo desk's e-mail and the no-resale note
@pytest.mark.parametrize(
    ("line", "caption"),
    [
        (
            "[서울=뉴시스] 경기 평택시 삼성전자 평택캠퍼스 전경. (사진=삼성전자 제공) 2024.11.12. "
            "photo@newsis.com *재판매 및 DB 금지",
            "경기 평택시 삼성전자 평택캠퍼스 전경.",
        ),
        (
            "[세종=뉴시스] 최상목 부총리가 발언하고 있다. 2024.11.12. ppkjm@newsis.com",
            "최상목 부총리가 발언하고 있다.",
        ),
        (
            "[서울=뉴시스] 김선웅 기자 = 12일 서울 중구 하나은행 딜링룸에서 직원이 업무를 보고 있다. "
            "2024.11.12. mangusta@newsis.com *재판매 및 DB 금지",
            "12일 서울 중구 하나은행 딜링룸에서 직원이 업무를 보고 있다.",
        ),
        ("LG에너지솔루션 오창 공장 전경. *재판매 및 DB 금지", "LG에너지솔루션 오창 공장 전경."),
    ],
)
def test_wire_photo_caption(line: str, caption: str) -> None:
    assert caption_text(line)[0] == caption


@pytest.mark.parametrize(
    "line",
    [
        "회사는 2024.11.12. 공시했다. 문의 ir@hanbit.com",  # an e-mail without a photo date
        "재판매 및 DB 금지",  # the note alone has no caption
        "문의는 help@example.com",
    ],
)
def test_not_a_wire_caption(line: str) -> None:
    assert caption_text(line) == (line, None)


@pytest.mark.parametrize(
    "line",
    [
        "[퍼온글] 1/1 <아침뉴스> 시민들 공원 산책 늘어",
        "연재 2/5 바닷가 마을의 겨울나기",
        "3/10 개막 앞둔 봄꽃 축제 준비 한창",
    ],
)
def test_a_count_with_a_slash_is_no_photo_credit(line: str) -> None:
    assert caption_text(line) == (line, None)


def test_wire_caption_leaves_the_body() -> None:
    page = "\n\n".join(
        [
            "【서울=뉴시스】김경록 기자 = 정부가 국내 기업 피해 최소화에 나섰다.",
            "[서울=뉴시스] 경기 평택시 삼성전자 평택캠퍼스 전경. (사진=삼성전자 제공) 2024.11.12. "
            "photo@newsis.com *재판매 및 DB 금지",
            '정부 고위 관계자는 "최선을 다하겠다"고 말했다.',
            "kkr@newsis.com",
        ]
    )
    article = clean_text(page)
    assert article.paragraphs == (
        "정부가 국내 기업 피해 최소화에 나섰다.",
        '정부 고위 관계자는 "최선을 다하겠다"고 말했다.',
    )
    assert article.captions == ("경기 평택시 삼성전자 평택캠퍼스 전경.",)


@pytest.mark.parametrize(
    "line",
    [
        "정연우 기자입니다.",
        "홍길동 기자가 보도합니다.",
        "KBS 뉴스 정연우입니다.",
        "MBC뉴스 이재민입니다.",
        "YTN 김철수입니다.",
        "채널A 뉴스 김민지입니다.",
        "KBS 뉴스는 24시간 여러분의 제보를 기다립니다.",
    ],
)
def test_broadcast_sign_offs_are_clutter(line: str) -> None:
    assert boilerplate_reason(line) == "broadcast sign-off"


@pytest.mark.parametrize(
    "line",
    [
        "이것이 사실입니다.",
        "가짜 뉴스 문제입니다.",
        "SK 회장입니다.",
        "AI 시대입니다.",
        "저는 경제부 기자입니다.",
    ],
)
def test_sentences_ending_in_imnida_are_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_broadcast_transcript_keeps_only_the_report() -> None:
    page = "\n\n".join(
        [
            "[앵커]",
            "이동통신 3사가 알뜰폰 지원을 줄이기로 했습니다.",
            "정연우 기자입니다.",
            "[리포트]",
            "알뜰폰 업계는 요금 인상이 불가피하다고 말합니다.",
            "KBS 뉴스 정연우입니다.",
            "KBS 뉴스는 24시간 여러분의 제보를 기다립니다.",
        ]
    )
    assert clean_text(page).paragraphs == (
        "이동통신 3사가 알뜰폰 지원을 줄이기로 했습니다.",
        "알뜰폰 업계는 요금 인상이 불가피하다고 말합니다.",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[앵커]", "broadcast label"),
        ("[리포트]", "broadcast label"),
        ("<앵커 멘트>", "broadcast label"),
        ("[기자]", "broadcast label"),
        ("글씨 크게/작게", "page tool"),
        ("폰트 작게", "page tool"),
    ],
)
def test_broadcast_labels_and_page_tools(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", ["[기자수첩]", "[인터뷰]", "[단독] 통신 3사 지원 축소"])
def test_other_bracketed_lines_are_not_broadcast_labels(line: str) -> None:
    assert boilerplate_reason(line) != "broadcast label"


def test_newsroom_tip_address_is_no_reporter_email() -> None:
    page = "\n\n".join(
        [
            "통신 3사, 알뜰폰 지원 축소",
            "정연우 기자",
            "글씨 크게/작게",
            "[리포트]",
            "이동통신 3사가 알뜰폰 업체 지원을 줄이기로 했습니다.",
            "KBS 뉴스 정연우입니다.",
            "▷ 이메일 : kbs1234@kbs.co.kr",
            "Copyright ⓒ KBS. All rights reserved.",
        ]
    )
    article = clean_text(page)
    assert [(r.name, r.email) for r in article.reporters] == [("정연우", None)]
    assert article.subheadlines == () and article.headings == ()
    assert article.paragraphs == ("이동통신 3사가 알뜰폰 업체 지원을 줄이기로 했습니다.",)


def test_reporter_email_line_is_still_the_reporters() -> None:
    page = "\n\n".join(
        [
            "【서울=뉴시스】김경록 기자 = 정부가 반도체 기업의 피해를 줄이기 위한 대책을 내놨다.",
            "산업통상자원부는 다음 달까지 기업별 영향을 점검하기로 했다.",
            "◎공감언론 뉴시스 kkr@newsis.com",
        ]
    )
    assert [(r.name, r.email) for r in clean_text(page).reporters] == [("김경록", "kkr@newsis.com")]


def test_caption_bullet_goes_with_its_credit() -> None:
    page = "\n\n".join(
        [
            "네이버, 기업용 AI 출시",
            "▲ 최수연 네이버 대표가 27일 기조연설을 하고 있다. <네이버 제공>",
            "네이버가 기업 고객을 위한 초대규모 인공지능 서비스를 내놨다.",
            '최수연 네이버 대표는 "기업 업무 전반에 쓰도록 하겠다"고 밝혔다.',
        ]
    )
    assert clean_text(page).captions == ("최수연 네이버 대표가 27일 기조연설을 하고 있다.",)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("김가나 시장(왼쪽)과 이다라 의장이 협약서를 들어 보이고 있다.", True),
        ("선수들(앞줄 가운데)이 우승컵을 들고 기념촬영을 하고 있다. 구단 제공", True),
        ("박마바 장관(오른쪽 둘째)이 현장을 둘러보며 설명을 듣고 있다.", True),
        ("김가나 시장(왼쪽)은 이날 협약의 의미를 설명했다.", False),  # no action the photo shows
        ("시는 공원 왼쪽 산책로를 넓히고 있다.", False),  # a place, not a person's place in a photo
    ],
)
def test_a_persons_place_in_the_photo_marks_a_caption(line: str, caption: bool) -> None:
    from brief.clean.captions import is_caption_like

    assert is_caption_like(line) is caption
