"""Flattened pages and page metadata: bylines, dates, outlets and broadcast markers (own synthetic pages)."""

from __future__ import annotations

import pytest

from brief.clean import clean_text
from brief.clean.layout import split_flattened

# ---------------------------------------------------------------- flattened pages without full stops
# A mirror site prints a broadcast transcript on one line and strips every full stop; the title above is
# signed with the broadcaster's name and the day. Compound nouns with 기자 ("시민기자", "명예기자") are
# no one's byline.
UNPUNCTUATED = [
    (
        "장마철 침수 제보 잇따라… '시민기자' 활약 / KBS 2023.07.15.",
        "장마가 시작되자 곳곳에서 침수 피해가 잇따랐습니다 저지대 주택가의 상황을 가장 먼저 알린 건 "
        "시민기자들이었습니다 방송사는 올해 시민기자 2백여 명과 함께하고 있습니다 정하늘 기자의 보도입니다 "
        "[리포트] 새벽 3시 골목에 물이 차오르기 시작했습니다 배수구는 이미 막혀 있었고 "
        "빗줄기는 더 굵어졌습니다 "
        "주민들은 서로 문을 두드려 이웃을 깨웠습니다 주민들은 휴대전화로 현장을 찍어 보냈습니다 "
        '[김철수/시민기자 : "물이 순식간에 무릎까지 올라왔어요 "] 제보 영상은 곧바로 방송에 나갔습니다 '
        "구청은 날이 밝자마자 양수기 열 대를 골목에 보냈고 소방대원들도 함께 물을 퍼냈습니다 "
        "피해를 입은 가구는 모두 서른두 곳으로 집계됐습니다",
        "방송사는 제보자들에게 감사패를 전달할 계획입니다",
        '[이영희/주민 : "그때 정말',
        ("KBS", "정하늘", "2023-07-15"),
    ),
    (
        "명예기자 발대식 열려… 지역 소식 직접 전한다 / MBC 2021.03.02.",
        "지역 소식을 주민이 직접 전하는 명예기자 제도가 올해도 이어집니다 어제 열린 "
        "발대식에는 주민 50여 명이 "
        "참석했습니다 명예 기자들은 한 달에 두 번 마을 소식을 보내게 됩니다 박도윤 기자의 보도입니다 "
        "[리포트] 발대식장은 이른 아침부터 붐볐습니다 참가자들은 촬영 요령과 취재 윤리를 배웠습니다 "
        "강사로 나선 현직 기자들은 현장에서 지켜야 할 안전 수칙을 거듭 강조했습니다 "
        "주민들은 메모를 하며 귀를 기울였습니다 올해 처음 참여하는 대학생도 많았습니다 "
        "지난해 명예기자들이 보낸 제보는 모두 3천 건이 넘었고 그 가운데 "
        "4백여 건이 실제 방송으로 이어졌습니다",
        "방송사는 우수 제보에 상을 줄 예정입니다",
        "[최민수/명예",
        ("MBC", "박도윤", "2021-03-02"),
    ),
    (
        "사진기자가 본 올해의 장면 전시 개막 / SBS 2019.12.20.",
        "한 해를 돌아보는 보도사진 전시회가 오늘 문을 열었습니다 사진기자 30명이 찍은 작품 "
        "120점이 걸렸습니다 "
        "관람객들은 작품 앞에서 오래 발걸음을 멈췄습니다 김나래 기자의 보도입니다 [리포트] 전시장 입구에는 "
        "산불 현장을 담은 사진이 걸려 있습니다 국민기자 부문 수상작도 함께 전시됐습니다 "
        "한 작품에는 구조대원이 아이를 안고 나오는 순간이 담겼습니다 관람객들은 사진 앞에서 "
        "한참을 서 있었습니다 "
        "전시는 다음 달 말까지 이어집니다 주최 측은 전시장에 오지 못하는 사람들을 위해 온라인 전시관도 함께 "
        "열었습니다",
        "관람료는 무료입니다",
        '[정수진/관람객 : "사진 한 장이',
        ("SBS", "김나래", "2019-12-20"),
    ),
]


@pytest.mark.parametrize(("title", "body", "last", "cut", "meta"), UNPUNCTUATED)
def test_a_flattened_page_without_full_stops_is_read(
    title: str, body: str, last: str, cut: str, meta: tuple[str, str, str]
) -> None:
    article = clean_text(f"{title}\n\n{title}\n\n{body} {last} {cut}")
    outlet, reporter, date = meta
    assert article.headline == title
    assert article.date is not None and article.date.isoformat() == date
    assert article.outlet.ko == outlet
    assert [r.name for r in article.reporters] == [reporter]
    assert len(article.paragraphs) >= 8
    assert article.paragraphs[-1] == last
    assert not any(p.endswith("기자") or p.startswith("기자") for p in article.paragraphs)
    assert all("보도입니다" not in p for p in article.paragraphs)


# ---------------------------------------------------------------- dates
# a feed copy: the title, an English time stamp and the whole post on one line
ENGLISH_STAMPED = [
    (
        '구단 "새 시즌 우승 노린다" Mar 3rd 2015, 10:20 | 구단은 3일 새 감독을 선임했다. '
        "감독은 첫 훈련을 지휘했다.",
        '구단 "새 시즌 우승 노린다"',
        "2015-03-03",
    ),
    (
        "시청 앞 광장 새 단장 마치고 재개장 September 12, 2018, 7:05 PM | 시는 12일 광장을 다시 열었다. "
        "저녁까지 시민들이 몰렸다.",
        "시청 앞 광장 새 단장 마치고 재개장",
        "2018-09-12",
    ),
    (
        "도서관 야간 개방 확대 Jan 5 2020 21:40 | 구립 도서관이 밤 10시까지 문을 연다. 주민 반응이 좋다.",
        "도서관 야간 개방 확대",
        "2020-01-05",
    ),
]


@pytest.mark.parametrize(("page", "title", "date"), ENGLISH_STAMPED)
def test_an_english_time_stamp_inside_a_line_dates_the_post(page: str, title: str, date: str) -> None:
    article = clean_text(page)
    assert article.headline == title
    assert article.date is not None and article.date.isoformat() == date
    assert article.paragraphs[0].endswith("다.") and "|" not in article.paragraphs[0]


SHORT_YEAR_STAMPS = [
    ("산책하다 본 단풍 사진 올립니다\n\n나무늘보 작성일 13.05.30 22:51:57\n\n", "2013-05-30"),
    ("오늘 다녀온 전시 후기\n\n등록일 : 19-11-02 09:14\n\n", "2019-11-02"),
    ("동네 빵집 추천합니다\n\n글쓴이 빵순이 | 작성일 21/03/07\n\n", "2021-03-07"),
]


@pytest.mark.parametrize(("header", "date"), SHORT_YEAR_STAMPS)
def test_a_labelled_stamp_with_a_two_digit_year_dates_a_post(header: str, date: str) -> None:
    body = "주말에 가족과 함께 공원에 다녀왔다. 날씨가 좋아서 사람이 많았다. 다음에도 또 가고 싶다."
    article = clean_text(header + body)
    assert article.date is not None and article.date.isoformat() == date
    assert article.paragraphs == (body,)


UNLABELLED_SHORT = [
    "3월 경기 결과 13.05.30 기준 순위",
    "버전 21.03.07 배포",
    "나무늘보 13.05.30",
]


@pytest.mark.parametrize("line", UNLABELLED_SHORT)
def test_a_two_digit_year_without_a_label_dates_nothing(line: str) -> None:
    article = clean_text(f"{line}\n\n주말에 가족과 함께 공원에 다녀왔다. 날씨가 좋아서 사람이 많았다.")
    assert article.date is None


# ---------------------------------------------------------------- name-only captions, bullet bylines
PARAGRAPH_A = "가나군의회가 주민 숙원 사업 예산을 모두 깎자 주민들이 의회 앞에서 항의 집회를 열었다."
PARAGRAPH_B = "주민 대표들은 의원들을 만나 삭감된 예산을 되살려 달라고 요구했다."
PARAGRAPH_C = "의회는 다음 주 임시회를 열어 예산안을 다시 논의하기로 했다."
NAME_CAPTIONS = [
    "▲ 홍길동 가나군 노인회 부회장",
    "▲박서준 주민자치협의회 회장",
    "△ 최민아 가나대학교 행정학과 교수",
]


@pytest.mark.parametrize("caption", NAME_CAPTIONS)
def test_a_name_and_title_under_a_bullet_between_paragraphs_is_a_caption(caption: str) -> None:
    page = f"군의회와 주민 정면충돌\n\n{PARAGRAPH_A}\n\n{caption}\n{PARAGRAPH_B}\n\n{PARAGRAPH_C}"
    article = clean_text(page)
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C)
    assert article.captions == (caption.lstrip("▲△ "),)


def test_a_list_of_names_under_bullets_stays_in_the_body() -> None:
    people = "▲ 홍길동 가나군 노인회 부회장\n▲ 박서준 주민자치협의회 회장\n▲ 최민아 가나대학교 교수"
    page = f"군 자문위원 위촉\n\n{PARAGRAPH_A} 위촉된 위원은 다음과 같다.\n\n{people}\n\n{PARAGRAPH_C}"
    article = clean_text(page)
    assert article.captions == ()
    assert "▲ 박서준 주민자치협의회 회장" in article.paragraphs


BULLET_BYLINES = ["• 문하늘 기자", "- 강바다 기자", "· 윤들판 기자"]


@pytest.mark.parametrize("byline", BULLET_BYLINES)
def test_a_bullet_byline_above_the_article_credits_the_reporter(byline: str) -> None:
    page = f"군의회와 주민 정면충돌\n{byline}\n• 승인 2012.05.24 11:36\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}"
    article = clean_text(page)
    assert [r.name for r in article.reporters] == [byline[2:-3]]
    assert article.subheadlines == ()
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


# ---------------------------------------------------------------- more byline shapes
SIGNED_BYLINES = [
    ("< 오하늘 기자 >", "오하늘", None),
    ("‹ 한바다 기자 ›", "한바다", None),
    ("글 : 정들판  월간조선 기자  deulpan@example.com", "정들판", "월간조선"),
    ("글: 서가람 가나일보 기자", "서가람", "가나일보"),
]


@pytest.mark.parametrize(("byline", "name", "outlet"), SIGNED_BYLINES)
def test_a_byline_line_in_brackets_or_after_a_label_credits_the_reporter(
    byline: str, name: str, outlet: str | None
) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n{byline}")
    assert [r.name for r in article.reporters] == [name]
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)
    if outlet is not None:
        assert article.outlet.ko == outlet


def test_a_turn_label_closed_with_an_angle_bracket_is_no_byline() -> None:
    page = f"{PARAGRAPH_A}\n\n김하늘 앵커>\n{PARAGRAPH_B}\n\n최바다 국민기자>\n{PARAGRAPH_C}"
    article = clean_text(page)
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C)  # the article goes on after it


LEADING_BYLINES = [
    ("[스포츠서울 | 김용수기자] ", "김용수", "스포츠서울"),
    ("[이데일리 스타in 윤가을 기자] ", "윤가을", "이데일리"),
    ("[가나일보 | 나봄 기자] ", "나봄", "가나일보"),
]


@pytest.mark.parametrize(("byline", "name", "outlet"), LEADING_BYLINES)
def test_a_bracketed_byline_is_cut_from_its_paragraph_even_below_a_summary(
    byline: str, name: str, outlet: str
) -> None:
    summary = "구단은 새 시즌을 앞두고 감독을 바꿨다."  # a portal's summary box above the article
    article = clean_text(f"{summary}\n\n{byline}{PARAGRAPH_A}\n\n{PARAGRAPH_B}")
    assert [r.name for r in article.reporters] == [name]
    assert article.outlet.ko == outlet
    assert PARAGRAPH_A in article.paragraphs
    assert not any(byline.strip() in p for p in article.paragraphs)


# ---------------------------------------------------------------- outlets from copyright lines
COPYRIGHTS = [
    ("저작권자 © BBS NEWS 무단전재 및 재배포 금지", "BBS"),
    ("copyrightⓒ tbs. 무단전재 & 재배포 금지", "tbs"),
    ("Copyright © ABCD 무단 전재 금지", "ABCD"),
]


@pytest.mark.parametrize(("line", "outlet"), COPYRIGHTS)
def test_a_copyright_line_names_the_outlet(line: str, outlet: str) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n{line}")
    assert article.outlet.ko == outlet


PHOTO_CREDITS = ["ⓒ가나프로축구연맹 제공", "© 다라시 제공", "사진 ⓒ 가나구청"]


@pytest.mark.parametrize("credit", PHOTO_CREDITS)
def test_a_photo_credit_with_a_copyright_sign_names_no_outlet(credit: str) -> None:
    caption = "▲ 가나FC 선수들이 결승골을 넣은 뒤 기뻐하고 있다."
    article = clean_text(f"{caption}\n{credit}\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}")
    assert article.outlet.ko is None
    assert article.captions == (caption[2:],)
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


# ---------------------------------------------------------------- caption shapes
TABLE_CAPTIONS = [
    ("| 가수 홍길동(사진=가나엔터테인먼트) |", "가수 홍길동"),
    (
        "| ▲ 농성장을 찾은 의원들이 시장과 이야기를 나누고 있다. |",
        "농성장을 찾은 의원들이 시장과 이야기를 나누고 있다.",
    ),
    ("|시민들이 새로 단장한 광장을 걷고 있다. [사진=가나시]|", "시민들이 새로 단장한 광장을 걷고 있다."),
]


@pytest.mark.parametrize(("cell", "caption"), TABLE_CAPTIONS)
def test_a_caption_in_a_table_cell_loses_the_cell_edges(cell: str, caption: str) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{cell}\n\n{PARAGRAPH_B}")
    assert article.captions == (caption,)
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


@pytest.mark.parametrize(
    "line", ["(가나아트센터 하늘정원 / 다라시 동구)", "(시민공원 / 가나군 북면)", "(옛 역사 광장 / 다라시)"]
)
def test_a_place_in_brackets_is_not_cut_at_its_slash(line: str) -> None:
    from brief.clean.captions import caption_text

    assert caption_text(line) == (line, None)


# ---------------------------------------------------------------- broadcast production marks
MARKED_SCRIPTS = [
    (
        "◀ANC▶\n설 연휴를 앞두고 전통시장이\n오랜만에 활기를 되찾았습니다.\n◀END▶\n◀VCR▶\n"
        "이른 아침부터 시장 골목은\n장을 보러 나온 시민들로 붐볐습니다.\n◀INT▶박가을/상인\n"
        '"오늘처럼 손님이 많은 날은\n정말 오랜만이다."\n(S/U)\n"올해 설 대목은\n'
        '지난해보다 나을 것이라는\n기대가 큽니다.\nMBC뉴스 정하늘입니다."',
        "정하늘",
        '"올해 설 대목은 지난해보다 나을 것이라는 기대가 큽니다.',
    ),
    (
        "◀ANC▶\n폭설로 산간 마을이\n사흘째 고립됐습니다.\n◀END▶\n◀VCR▶\n"
        "마을로 들어가는 길은\n허리까지 쌓인 눈에 막혔습니다.\n◀INT▶김바다/주민\n"
        '"이렇게 눈이 많이 온 건\n처음 본다."\n(S/U)\n"제설 작업은 내일까지\n'
        '이어질 예정입니다.\nKBS 뉴스 오들판입니다."',
        "오들판",
        '"제설 작업은 내일까지 이어질 예정입니다.',
    ),
    (
        "◀ANC▶\n동네 도서관이\n밤 10시까지 문을 엽니다.\n◀END▶\n◀VCR▶\n"
        "퇴근한 직장인들이\n하나둘 열람실을 채웁니다.\n◀INT▶이나래/직장인\n"
        '"퇴근 뒤에도 책을 읽을 수 있어\n좋다."\n(S/U)\n"도서관은 이용자 반응을 보고\n'
        '주말 개방도 늘릴 계획입니다.\nSBS 뉴스 최가람입니다."',
        "최가람",
        '"도서관은 이용자 반응을 보고 주말 개방도 늘릴 계획입니다.',
    ),
]


@pytest.mark.parametrize(("script", "reporter", "last"), MARKED_SCRIPTS)
def test_production_marks_are_removed_and_the_stand_up_is_one_paragraph(
    script: str, reporter: str, last: str
) -> None:
    article = clean_text(script)
    assert not any(mark in p for p in article.paragraphs for mark in ("◀ANC▶", "◀END▶", "◀VCR▶", "(S/U)"))
    assert any(p.startswith("◀INT▶") and "/" in p and len(p) < 20 for p in article.paragraphs)
    assert article.paragraphs[-1] == last
    assert [r.name for r in article.reporters] == [reporter]
    assert {r.reason for r in article.removed} >= {"broadcast label", "broadcast sign-off"}


# ---------------------------------------------------------------- reporters credited in the text
ANCHOR_LEADS = [
    ("먼저 강하늘 기자가 소개합니다.", "강하늘"),
    ("올해 활약한 시니어 기자들을 박들판 국민기자가 돌아봤습니다.", "박들판"),
    ("금리 인하가 왜 늦어지는지 최바다 기자가 알아봤습니다.", "최바다"),
    ("현장에 윤가람 특파원이 다녀왔습니다.", None),  # 특파원이: no subject marker 가, not read
]


@pytest.mark.parametrize(("lead", "name"), ANCHOR_LEADS)
def test_the_anchor_lead_credits_the_reporter(lead: str, name: str | None) -> None:
    article = clean_text(f"{PARAGRAPH_A} {lead}\n\n{PARAGRAPH_B}\n\n{PARAGRAPH_C}")
    assert [r.name for r in article.reporters] == ([name] if name else [])
    assert lead in article.paragraphs[0]  # the lead stays as the anchor said it


NOT_CREDITS = [
    "현장 기자가 다녀왔습니다.",  # no name
    "시민 기자가 소개합니다.",  # a role, no name
    "김하늘 기자가 말했습니다.",  # not a hand-over
]


@pytest.mark.parametrize("sentence", NOT_CREDITS)
def test_other_sentences_with_a_reporter_credit_no_one(sentence: str) -> None:
    article = clean_text(f"{PARAGRAPH_A} {sentence}\n\n{PARAGRAPH_B}")
    assert article.reporters == ()


LONE_NAMES = [
    ("고대 병원 당뇨 연구 맡아\n\n강하늘\n발행날짜: 2005-05-31 15:54:30\n\n{a}\n\n{b}", "강하늘"),
    ("{a}\n\n{b}\n이서윤\n\n자료사진\n당신의 의견을 남겨주세요", "이서윤"),
    ("시의회 예산 논란\n입력 2024.03.05 10:20\n박지훈\n\n{a}\n\n{b}", "박지훈"),
]


@pytest.mark.parametrize(("page", "name"), LONE_NAMES)
def test_a_name_alone_where_a_byline_stands_is_the_reporter(page: str, name: str) -> None:
    article = clean_text(page.format(a=PARAGRAPH_A, b=PARAGRAPH_B))
    assert [r.name for r in article.reporters] == [name]
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)
    assert name not in article.subheadlines


def test_a_name_the_story_mentions_is_no_byline() -> None:
    a = "홍길동 의원은 이날 본회의에서 예산 삭감을 강하게 비판하며 재심의를 요구했다."
    article = clean_text(f"{a}\n\n{PARAGRAPH_B}\n홍길동\n\n자료사진")
    assert article.reporters == ()


@pytest.mark.parametrize("label", ["김하늘 앵커>", "최바다 국민기자>", "박들판 기자>"])
def test_a_turn_label_credits_the_anchor_or_reporter(label: str) -> None:
    article = clean_text(f"{label}\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}")
    assert [r.name for r in article.reporters] == [label[:3]]
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


SIGN_OFFS = [
    ("KBS 뉴스 김하늘입니다.", "KBS", None),
    ("MBC뉴스 박바다입니다.", "MBC", None),
    (
        "MBC뉴스 박바다입니다.",
        "대구MBC",
        "Copyright © Daegu Munhwa Broadcasting Corporation. All rights reserved.",
    ),
]


@pytest.mark.parametrize(("sign_off", "outlet", "copyright"), SIGN_OFFS)
def test_a_broadcast_sign_off_names_the_network_unless_an_affiliate_signs_the_page(
    sign_off: str, outlet: str, copyright: str | None
) -> None:
    page = f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n{sign_off}" + (f"\n\n{copyright}" if copyright else "")
    article = clean_text(page)
    assert article.outlet.ko == outlet
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


@pytest.mark.parametrize(
    "credit", ["입력 2024.03.05 10:20 시민 기자", "명예기자입니다.", "가나일보 기자 kim@example.com"]
)
def test_a_role_or_outlet_word_before_기자_is_never_a_reporter(credit: str) -> None:
    article = clean_text(f"{credit}\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}")
    assert not any(r.name in ("시민", "명예", "가나일보") for r in article.reporters)


@pytest.mark.parametrize("cells", [" | | |", " | |", "  |  |  |  |"])
def test_empty_table_cells_after_the_last_sentence_are_cut(cells: str) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}{cells}")
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


SOURCE_LINKS = [
    ("from 시사IN http://www.example.com/news/123", "시사IN"),
    ("출처: 한겨레 https://www.example.org/a/1", "한겨레"),
    ("원문 : 가나타임스 https://gana.example.com/article/9", "가나타임스"),
    ("▶ 기사 원문 : http://www.ytn.co.kr/_ln/0101_123", "YTN"),
    ("• 출처: https://www.hani.co.kr/arti/1.html", "한겨레"),
]


@pytest.mark.parametrize(("line", "outlet"), SOURCE_LINKS)
def test_a_linked_source_line_names_the_outlet_and_leaves_the_body(line: str, outlet: str) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n{line}")
    assert article.outlet.ko == outlet
    assert article.paragraphs == (PARAGRAPH_A, PARAGRAPH_B)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(한국경제신문 1996년 11월 19일자).", "한국경제"),
        ("(한겨레 2008.05.10)", "한겨레"),
        ("[동아일보 2001년 3월 2일자]", "동아일보"),
    ],
)
def test_a_dated_issue_line_names_the_paper(line: str, outlet: str) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n{line}")
    assert article.outlet.ko == outlet
    assert article.date is not None


# sentences whose ends only morphology finds: contracted past tenses ("왔다", "잡혔다", "열린다"), and
# words that end like a sentence but are not one ("고요" the noun, "올해보다", "날마다", "바다")
UNMARKED_SENTENCES = [
    [
        "바닷가 마을에 올해도 겨울이 왔다",
        "어민들은 날마다 새벽 바다로 나가 그물을 걷었다",
        "올해는 지난해보다 고기가 적게 잡혔다",
        "마을 이장은 수온이 올라 어장이 바뀌었다고 했다",
        "젊은 어민들은 새 어종을 기르는 방법을 배우고 있다",
        "군청은 양식장을 짓는 데 필요한 돈을 보태기로 했다",
        "첫 양식장은 내년 봄 마을 앞바다에 들어선다",
        "주민들은 설명회에서 궁금한 점을 꼼꼼히 물었다",
        "일부 주민은 바다가 더 오염될까 걱정했다",
        "군청은 수질 검사를 매달 하겠다고 약속했다",
        "마을 사람들은 다음 달 다시 모여 의견을 정리한다",
        "이장은 모두가 함께 결정하겠다고 말했다",
    ],
    [
        "산골 마을의 밤은 고요 그 자체였다",
        "주민들은 해가 지면 일찍 잠자리에 든다",
        "마을 회관에서는 매주 한 번 영화를 튼다",
        "이번 주에는 가족 영화가 상영된다",
        "아이들은 벌써부터 기대에 차 있었다",
        "회관 관리는 부녀회가 돌아가며 맡는다",
        "겨울에는 난방비가 많이 들어 걱정이 크다",
        "면사무소는 올해 난방비 일부를 지원했다",
        "주민들은 남은 돈으로 의자를 새로 샀다",
        "새 의자는 지난주 회관에 들어왔다",
        "노인들은 허리가 편해졌다며 반겼다",
        "다음 상영작은 주민 투표로 정한다",
    ],
    [
        "요즘 동네 도서관이 밤 늦게까지 문을 열어요",
        "퇴근하고 들르기 좋지요",
        "책을 빌리는 사람도 지난달보다 늘었다고 해요",
        "조용한 열람실이 필요한 학생들도 많이 와요",
        "관장은 주말 프로그램도 늘릴 계획이라고 하죠",
        "토요일 오전에는 그림책 읽기 모임이 있어요",
        "아이들과 부모가 함께 참여할 수 있어요",
        "신청은 도서관 누리집에서 받는대요",
        "자리가 금방 차니까 서두르는 게 좋아요",
        "일요일에는 어르신을 위한 스마트폰 교실도 열려요",
        "강사는 대학생 자원봉사자들이 맡고 있어요",
        "도서관은 다음 달부터 무인 반납기도 들여놓는대요",
    ],
]


@pytest.mark.parametrize("sentences", UNMARKED_SENTENCES)
def test_sentence_ends_without_full_stops_are_found_by_morphology(sentences: list[str]) -> None:
    """A page flattened onto one line whose full stops the site stripped is cut where Kiwi's analysis
    ends a sentence, not wherever a word ends in "다" or "요"."""
    line = " ".join(sentences)
    assert len(line) >= 200
    assert split_flattened(line, whole_page=True) == sentences


@pytest.mark.parametrize("word", ["이미지", "조회수", "인기글", "안내문", "홍보팀"])
def test_a_page_word_alone_after_the_article_is_no_reporter(word: str) -> None:
    article = clean_text(f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n{word}\n\n자료사진")
    assert article.reporters == ()


@pytest.mark.parametrize("stamp", ["Date 03/05/13", "Posted 11/02/19 09:14", "날짜 없음 13.05"])
def test_an_english_or_incomplete_two_digit_stamp_dates_nothing(stamp: str) -> None:
    article = clean_text(f"동네 빵집 추천합니다\n\n{stamp}\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}")
    assert article.date is None


def test_an_english_date_inside_a_sentence_is_not_cut_out() -> None:
    text = (
        "가나시는 해외 투자 설명회를 Sep 5, 2023 10:00 뉴욕에서 연다고 밝혔다. "
        "시는 기업 20곳이 참가한다고 설명했다. 설명회에는 시장이 직접 나선다."
    )
    article = clean_text(text)
    assert article.paragraphs[0].startswith("가나시는 해외 투자 설명회를 Sep 5, 2023 10:00 뉴욕에서")
    assert article.date is None


@pytest.mark.parametrize("credit", ["제공 | 가나프로축구연맹", "사진 | 가나시청", "자료 | 가나통계청"])
def test_a_credit_with_a_bar_is_a_photo_credit(credit: str) -> None:
    article = clean_text(f"구단 첫 승\n{credit}\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}")
    assert article.subheadlines == ()
    assert ("photo credit", credit) in {(r.reason, r.text) for r in article.removed}


@pytest.mark.parametrize(
    ("sign_off", "name"),
    [
        ("홍길동 의학전문기자 hong@example.com", "홍길동"),
        ("김가나 경제전문기자", "김가나"),
        ("이다라 국제전문기자 dara@example.com", "이다라"),
    ],
)
def test_a_specialist_reporters_field_is_no_name(sign_off: str, name: str) -> None:
    article = clean_text(
        f"정부, 기준금리 석 달째 동결\n\n정부는 7일 금리를 동결했다고 밝혔다. 시장은 차분했다.\n\n{sign_off}"
    )
    assert [r.name for r in article.reporters] == [name]


@pytest.mark.parametrize(
    ("profile", "name"),
    [
        ("가나일보 산업부 IT 담당 홍길동 기자입니다.", "홍길동"),
        ("다라경제 금융팀 김가나 기자입니다", "김가나"),
        ("국회 출입 이다라 선임기자입니다.", "이다라"),
    ],
)
def test_a_reporters_profile_under_the_article_ends_it_and_credits_them(profile: str, name: str) -> None:
    body = "정부는 7일 금리를 동결했다고 밝혔다. 시장은 차분했다."
    page = f"정부, 기준금리 석 달째 동결\n\n{body}\n\n{profile}\n\n이 기자의 다른기사 보기 >"
    article = clean_text(page)
    assert article.paragraphs[-1].endswith("차분했다.")
    assert [r.name for r in article.reporters] == [name]


@pytest.mark.parametrize(
    ("line", "outlet", "name"),
    [
        ("[가나일보ㅣ홍길동 기자] 시의회는 7일 예산안을 통과시켰다.", "가나일보", "홍길동"),
        ("[다라뉴스 ㅣ 김가나 기자] 구청은 새 공원을 열었다.", "다라뉴스", "김가나"),
        ("[마바경제│이다라 기자] 수출이 석 달 연속 늘었다.", "마바경제", "이다라"),
    ],
)
def test_a_bracketed_byline_with_a_hangul_bar(line: str, outlet: str, name: str) -> None:
    from brief.clean.metadata import leading_byline

    led = leading_byline(line)
    assert led is not None
    byline, rest = led
    assert byline.outlet == outlet and [n for n, _ in byline.reporters] == [name]
    assert rest == line.split("] ", 1)[1]


@pytest.mark.parametrize(
    ("photo", "byline", "lead", "writer"),
    [
        (
            "7일 시의회 본회의장에서 예산안이 가결됐다. /홍길동 기자",
            "[가나일보ㅣ김가나 기자]",
            "시의회는 예산안을 통과시켰다.",
            "김가나",
        ),
        (
            "구청 앞 광장에 새 분수가 설치됐다. / 이다라 기자",
            "[다라뉴스 박마바 기자]",
            "구청은 광장 정비를 마쳤다.",
            "박마바",
        ),
        (
            "선수들이 우승 트로피를 들어 올렸다. /최사아 기자",
            "[마바스포츠=정아자 기자]",
            "구단이 정상에 올랐다.",
            "정아자",
        ),
    ],
)
def test_a_photographers_caption_over_the_bylined_lead_is_a_caption(
    photo: str, byline: str, lead: str, writer: str
) -> None:
    article = clean_text(f"시의회 예산안 통과\n\n{photo}\n\n{byline} {lead}\n\n그 밖의 내용은 다음과 같다.")
    assert article.paragraphs[0] == lead
    assert any(photo.startswith(caption) for caption in article.captions)
    assert writer in {r.name for r in article.reporters}
