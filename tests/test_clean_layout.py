"""Layout repair: hard-wrapped lines joined, flattened pages cut, sign-offs split off (synthetic pages)."""

from __future__ import annotations

import pytest

from brief.clean import clean_text
from brief.clean.layout import (
    join_wrapped,
    repair_layout,
    split_glued_credit,
    split_read_more,
    split_sign_off,
    strip_html_residue,
)

# a quotation broken over two lines stays whole
QUOTE_SPLIT = [
    (
        ['김 장관은 "예산을 다시 짜야', '할 때가 왔습니다"라고 말했다.'],
        '김 장관은 "예산을 다시 짜야 할 때가 왔습니다"라고 말했다.',
    ),
    (
        ["박 의원은 “이번 합의는", "시작일 뿐”이라며 “끝까지 지켜보겠다”고 밝혔다."],
        "박 의원은 “이번 합의는 시작일 뿐”이라며 “끝까지 지켜보겠다”고 밝혔다.",
    ),
    (
        ['시민 이모씨는 "버스가 끊기면', '출근을 못 한다"고 했다.'],
        '시민 이모씨는 "버스가 끊기면 출근을 못 한다"고 했다.',
    ),
]


@pytest.mark.parametrize(("lines", "joined"), QUOTE_SPLIT)
def test_quote_across_a_line_break_is_kept_whole(lines: list[str], joined: str) -> None:
    assert join_wrapped(lines) == [joined]


# a short line ending in a particle or a connective ending continues on the next line
PARTICLE_SPLIT = [
    (["시청 관계자는", "도로 공사가 다음 주에 끝난다고 설명했습니다."], 1),
    (["태풍이 지나간 뒤에도", "주민들은 복구 작업에 나섰습니다."], 1),
    (["읽어주기 기능은 크롬 기반의", "브라우저에서만 쓸 수 있습니다."], 1),
]


@pytest.mark.parametrize(("lines", "count"), PARTICLE_SPLIT)
def test_line_ending_in_a_particle_continues(lines: list[str], count: int) -> None:
    assert len(join_wrapped(lines)) == count


# a broadcast script wrapped at short widths, first line included
SCRIPTS = [
    "경북대학교 공과대학 화학공학과\n김민수, 이영희 교수 연구팀은\n"
    "값싼 촉매로 수소를 만드는 방법을 찾았습니다.\n이 방법은 기존 방식보다\n"
    "전기를 절반만 쓰는\n장점이 있다고 연구진은 설명했습니다.",
    "올해 첫 눈이 내린 가운데 강원 산간에는\n최대 10센티미터의 눈이\n쌓일 것으로 보여요.\n"
    "기상청은 출근길 빙판에\n각별히 주의해 달라고 당부했어요.",
    "지역 축제가 주말 동안 열리는 가운데 시는\n임시 주차장 세 곳을\n새로 마련했습니다.\n"
    "방문객들은 셔틀버스를\n이용해 달라고 시는 밝혔습니다.",
]


@pytest.mark.parametrize("script", SCRIPTS)
def test_wrapped_script_becomes_paragraphs(script: str) -> None:
    article = clean_text(script)
    assert article.headline is None
    assert len(article.paragraphs) == 2
    assert all(p.endswith(".") for p in article.paragraphs)


# an archive text wrapped at a fixed column, breaking words: joined without a space there
FIXED = [
    "가나다라 업계는 올해 수출 목표를 작년보다 크게 늘려 잡\n"
    "고 있어 전체 수출액이 사상 최대에 이를 것으로 보인다고\n"
    "관계자들은 전했다. 또 주요 품목의 평균 증가율도 지난해\n"
    "보다 높아질 것으로 예상되며 특히 선박과 기계 부문이 두\n"
    "드러질 것으로 전망됐다.",
    "시는 내년부터 공공 자전거 대여소를 두 배로 늘리기로 하\n"
    "고 관련 예산을 확보했다고 밝혔다. 새 대여소는 지하철역\n"
    "과 버스 정류장 주변에 우선 설치되며 요금은 지금과 같은\n"
    "수준으로 유지될 예정이라고 시 관계자는 설명했다 이어\n"
    "운영 시간도 늘어난다.",
    "협회는 회원사들의 올해 생산 계획을 집계한 결과 전체 생산\n"
    "량이 작년보다 이십 퍼센트 가량 늘어날 것으로 나타났다고\n"
    "밝혔다. 협회는 특히 수출용 제품의 비중이 커지고 있다고\n"
    "분석했으며 내수 시장의 회복은 더딜 것으로 내다봤다고 덧\n"
    "붙였다.",
]


@pytest.mark.parametrize("text", FIXED)
def test_fixed_width_text_is_joined(text: str) -> None:
    joined = repair_layout(text)
    assert "\n" not in joined
    assert "  " not in joined


def test_fixed_width_break_inside_a_word_is_joined_without_space() -> None:
    assert "전망됐다" in repair_layout(FIXED[0]).replace("두드러질", "") or "두드러질" in repair_layout(
        FIXED[0]
    )
    assert "덧붙였다" in repair_layout(FIXED[2])


# headlines and sub-headlines are never glued to each other or to the body
HEADERS = [
    '정부 "내년 예산 5% 늘린다"\n재정 건전성 우려도\n\n기획재정부는 3일 내년 예산안을 발표했다.',
    "[단독] 시청 앞 광장 새 단장\n'시민 쉼터' 9월 완공\n공사비 40억 투입\n시는 광장을 고친다고 밝혔다.",
    '한은 총재 "물가 잡혔다"…금리 인하 시사\n\n이 총재는 10일 "물가가 안정됐다"고 말했다.',
]


@pytest.mark.parametrize("page", HEADERS)
def test_headline_lines_are_not_joined(page: str) -> None:
    assert repair_layout(page) == page


# a sign-off glued to the last sentence is split off; the paragraph stays
SIGN_OFFS = [
    ("시장은 다음 달 결정된다고 말했다. 김철수 기자 kim@example.co.kr", "김철수 기자 kim@example.co.kr"),
    ("경찰은 수사를 이어갈 예정이다. / 이영희 기자", "이영희 기자"),
    ("구단은 재계약을 검토하고 있다. <가나일보>", "<가나일보>"),
    (
        "행사는 다음 주까지 열린다. 박민수 기자 park@example.com 사진=시청 제공",
        "박민수 기자 park@example.com",
    ),
]


@pytest.mark.parametrize(("line", "sign_off"), SIGN_OFFS)
def test_sign_off_is_split_from_the_paragraph(line: str, sign_off: str) -> None:
    pieces = split_sign_off(line)
    assert pieces[0].endswith(".")
    assert pieces[1] == sign_off


CAPTIONS = [
    "김 대표가 본사에서 인터뷰하고 있다. 2024.11.19/가나뉴스 ⓒ 가나뉴스 이민호 기자",
    "시민들이 광장에서 행진하고 있다. [사진=시청]",
    "Copyright ⓒ 가나일보. All rights reserved.",
]


@pytest.mark.parametrize("line", CAPTIONS)
def test_captions_and_copyright_lines_are_not_split(line: str) -> None:
    assert split_sign_off(line) == [line]


# the repro, and other one-line pages: the article never vanishes
ONE_LINERS = [
    '정부는 7일 금리를 동결했다. 박 총재는 "경기가 나아질 것"이라고 말했다. 홍길동 기자',
    "시는 8일 새 버스 노선을 발표했다. 노선은 다음 달부터 운행된다. 교통팀 취재팀",
    "회사는 9일 신제품을 공개했다. 대표는 판매 목표를 밝혔다. 김영수 기자 ys@example.com",
]


@pytest.mark.parametrize("page", ONE_LINERS)
def test_one_line_page_with_a_sign_off_is_read(page: str) -> None:
    article = clean_text(page)
    assert article.paragraphs
    assert "기자" not in article.paragraphs[-1]


def test_flattened_page_is_cut_at_datelines_and_sentences() -> None:
    sentence = "시의회는 이날 조례안을 통과시켰다. "
    page = (
        "시의회 조례안 통과 입력 2024.03.05 10:20 "
        + sentence * 20
        + '의장은 "시민의 뜻을 따랐다. 다음은 예산이다"라고 말했다. 김하나 기자 hana@example.com'
    )
    article = clean_text(page)
    assert article.date is not None and article.date.isoformat() == "2024-03-05"
    assert article.headline == "시의회 조례안 통과"
    assert article.paragraphs[-1] == '의장은 "시민의 뜻을 따랐다. 다음은 예산이다"라고 말했다.'
    assert [r.name for r in article.reporters] == ["김하나"]


RESIDUE = [
    ("정부 &quot;금리 동결&quot;…시장 안도", '정부 "금리 동결"…시장 안도'),
    ("<b>단독</b> 시청 앞 광장 새 단장<br>", "단독 시청 앞 광장 새 단장"),
    ("구단 &#39;새 감독&#39; 선임 &amp; 재계약</p>", "구단 'ㅤ새 감독' 선임 & 재계약".replace("ㅤ", "")),
]


@pytest.mark.parametrize(("line", "clean"), RESIDUE)
def test_html_residue_is_removed_from_text_pages(line: str, clean: str) -> None:
    assert strip_html_residue(line) == clean


@pytest.mark.parametrize("line", ["<헤드라인제주>", "<앵커 멘트>", "A<B 그리고 C>D 조건", "AT&T 주가 상승"])
def test_korean_in_angle_brackets_and_plain_ampersands_stay(line: str) -> None:
    assert strip_html_residue(line) == line


def test_headline_with_html_residue_is_clean() -> None:
    page = "<title>정부 &quot;금리 동결&quot;…시장 안도</title>\n\n"
    article = clean_text(page + "정부는 7일 기준금리를 동결했다. 시장은 이번 결정에 크게 안도했다.")
    assert article.headline == '정부 "금리 동결"…시장 안도'


# broadcast scripts whose label lines ("[앵커]", "<리포트>") break the block still have their lines joined
LABELLED_SCRIPTS = [
    "폭우 피해 복구 총력\n[앵커]\n밤사이 내린 폭우로 저지대 주택\n"
    "수십 채가 물에 잠겼습니다.\n[리포트]\n"
    "마을 입구부터 흙탕물이\n무릎까지 차올랐습니다.\n주민들은 복구 작업을\n서둘렀습니다.",
    "한파 속 출근길\n<앵커 멘트>\n영하 15도까지 떨어진 아침\n"
    "시민들은 두꺼운 옷을 꺼내 입었습니다.\n<리포트>\n"
    "버스 정류장에서는\n발을 동동 구르는 사람들이 보였습니다.\n"
    "기상청은 한파가\n주말까지 이어진다고 밝혔습니다.",
    "항구 축제 개막\n[앵커]\n올해로 열 번째를 맞은\n항구 축제가 오늘 막을 올렸습니다.\n[리포트]\n"
    "갓 잡은 생선을\n맛보려는 관광객들로 붐볐습니다.\n축제는 사흘 동안\n계속됩니다.",
]


@pytest.mark.parametrize("page", LABELLED_SCRIPTS)
def test_labelled_broadcast_script_lines_are_joined(page: str) -> None:
    article = clean_text(page)
    assert article.kind == "broadcast"
    assert article.headline == page.split("\n")[0]
    assert article.subheadlines == ()
    assert len(article.paragraphs) == 3
    assert all(p.endswith(".") for p in article.paragraphs)


# a flattened page: a byline with its e-mail and the related-story list after it are cut off
FLAT_TAILS = [
    " 이수진 기자 sujin@example.com 관련기사 시, 하수관도 손본다 시의회, 예산 승인",
    " 박도윤 기자 (doyun@example.co.kr) 많이 본 뉴스 1 다른 기사 2 또 다른 기사",
    " 최가을 기자 주요뉴스 새 소식 하나 새 소식 둘",
]


@pytest.mark.parametrize("tail", FLAT_TAILS)
def test_flattened_page_byline_and_link_list_are_cut(tail: str) -> None:
    body = "시는 1일 노후 상수관 교체 공사에 들어간다고 밝혔다. 공사는 올해 말까지 이어진다. " * 8
    article = clean_text("시, 노후 상수관 교체 착수 입력 2024.02.01 10:00 " + body.strip() + tail)
    assert article.paragraphs[-1] == "공사는 올해 말까지 이어진다."
    assert len(article.reporters) == 1
    assert not article.truncated


# a byline glued to the last sentence without a space
GLUED = [
    "반도체 수출이 석 달 연속 늘었다. 업계는 증가세가 이어질 것으로 본다.오현경 기자 ohk@example.com",
    "시는 축제를 연다고 밝혔다. 축제는 사흘 동안 열린다.김나래 기자",
    '구단은 "재계약은 없다"고 말했다. 팬들은 크게 아쉬워했다./이도윤 기자 doyun@example.com',
]


@pytest.mark.parametrize("page", GLUED)
def test_byline_glued_without_a_space_is_split_off(page: str) -> None:
    article = clean_text(page)
    assert "기자" not in article.paragraphs[-1]
    assert len(article.reporters) == 1


@pytest.mark.parametrize(
    ("line", "text", "link"),
    [
        (
            "구청은 5일 산책로를 넓힌다고 밝혔다. 공사는 봄에 끝난다... read full story",
            "구청은 5일 산책로를 넓힌다고 밝혔다. 공사는 봄에 끝난다...",
            "read full story",
        ),
        (
            "시의회는 조례안을 통과시켰다. 시행은 내년부터다. [기사 전문 보기]",
            "시의회는 조례안을 통과시켰다. 시행은 내년부터다.",
            "[기사 전문 보기]",
        ),
        ("선수단은 내일 귀국합니다… 더보기 ›", "선수단은 내일 귀국합니다…", "더보기 ›"),
        (
            "구단은 3일 새 감독을 발표했다. 감독은 다음 주부터 선수단을 이끌고 전지훈련에... Read more",
            "구단은 3일 새 감독을 발표했다. 감독은 다음 주부터 선수단을 이끌고 전지훈련에...",
            "Read more",
        ),
        (
            "The council met on Monday. 회의는 두 시간 이어졌다. Continue reading",
            "The council met on Monday. 회의는 두 시간 이어졌다.",
            "Continue reading",
        ),
    ],
)
def test_a_read_more_link_glued_to_the_text_is_split_off(line: str, text: str, link: str) -> None:
    assert split_read_more(line) == [text, link]


@pytest.mark.parametrize(
    "line",
    [
        "관련기사 더보기",  # a header of its own, nothing glued
        "이번 조치로 자세히 보기 어려웠던 자료가 공개된다",  # the words inside a sentence
        "시 누리집 더보기 메뉴에서 신청서를 내려받을 수 있다",  # the words inside a sentence
    ],
)
def test_no_read_more_link_is_split_from_other_lines(line: str) -> None:
    assert split_read_more(line) == [line]


@pytest.mark.parametrize(
    ("line", "credit", "text"),
    [
        (
            "▲ 사진=가나군 가나군은 오는 9월 22일부터 사흘 동안 군민의 날 행사를 운동장에서 연다고 밝혔다.",
            "사진=가나군",
            "가나군은 오는 9월 22일부터 사흘 동안 군민의 날 행사를 운동장에서 연다고 밝혔다.",
        ),
        (
            "▲ 사진=다라시다라시 새마을부녀회는 지난 14일 홀몸 어르신 50가구에 김치를 전달했다고 밝혔다.",
            "사진=다라시",
            "다라시 새마을부녀회는 지난 14일 홀몸 어르신 50가구에 김치를 전달했다고 밝혔다.",
        ),
        (
            "사진: 마바구청 마바구는 주민 참여 예산으로 만든 작은 도서관 세 곳을 다음 달부터 연다고 전했다.",
            "사진:마바구청",
            "마바구는 주민 참여 예산으로 만든 작은 도서관 세 곳을 다음 달부터 연다고 전했다.",
        ),
    ],
)
def test_a_photo_credit_glued_before_the_lead_is_split_off(line: str, credit: str, text: str) -> None:
    assert split_glued_credit(line) == [credit, text]


@pytest.mark.parametrize(
    "line",
    [
        "▲ 사진=가나군 제공",  # a credit alone
        "사진=가나군 군민의 날 행사 모습",  # a caption, no lead
        "사진 속 인물은 가나군 군수로, 행사에 참석한 주민들과 인사를 나누고 있다고 군은 설명했다.",
    ],
)
def test_no_glued_credit_is_split_from_other_lines(line: str) -> None:
    assert split_glued_credit(line) == [line]
