"""Page kinds, listings split into teasers, body text beside photo credits, cut-off last paragraphs
(synthetic pages written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.clean import clean_document, clean_page, clean_text
from brief.clean.kinds import listing_items
from brief.errors import InputError
from brief.records import RawDocument

BROADCASTS = [
    "태풍 피해 복구 한창\n[앵커]\n태풍이 지나간 마을에서 복구 작업이 이어지고 있습니다.\n"
    '[리포트]\n주민들이 쓰러진 나무를 치우고 있습니다.\n<녹취> 김순자(마을 주민) : "다 쓸려 갔어요."\n'
    "피해 집계는 내일 나옵니다.",
    "시장 물가 들썩\n<앵커 멘트>\n채소 값이 크게 올랐습니다.\n박하늘 기자입니다.\n<리포트>\n"
    "배추 한 포기가 만 원을 넘었습니다.\n상인들은 손님이 줄었다고 말합니다.",
    "개막전 앞둔 각오\n선수들이 새 시즌 각오를 밝혔습니다.\n"
    "[이민재 / 가나 구단 감독 : 올해는 꼭 가을 야구를 하겠습니다.]\n"
    "[최도윤 / 다라 구단 주장 : 팬들과 약속을 지키겠습니다.]\n구단들은 개막전 준비에 한창입니다.",
]


@pytest.mark.parametrize("page", BROADCASTS)
def test_broadcast_transcripts_are_recognised(page: str) -> None:
    assert clean_text(page).kind == "broadcast"


INTERVIEWS = [
    "가나전자 대표 인터뷰\n\n● 기자: 올해 목표는 무엇입니까?\n\n● 김대표: 수출을 두 배로 늘리는 것입니다.\n\n"
    "● 기자: 어려움은 없나요?\n\n● 김대표: 인력이 부족합니다.",
    "기자간담회 전문\n\n사 회 자 - 지금부터 간담회를 시작하겠습니다. 먼저 총재의 설명을 듣겠습니다.\n\n"
    "총 재 - 안녕하십니까? 오늘 위원회는 기준금리를 동결하기로 결정하였습니다.",
    "신인 작가와의 대화\n\nQ. 첫 책을 낸 소감은 어떻습니까?\n\nA. 아직도 실감이 나지 않습니다.\n\n"
    "Q. 다음 작품은 무엇인가요?\n\nA. 바다 이야기를 쓰고 있습니다.",
]


@pytest.mark.parametrize("page", INTERVIEWS)
def test_interviews_are_recognised(page: str) -> None:
    assert clean_text(page).kind == "interview"


FORUMS = [
    "가나커뮤니티\n- 자유롭게 글을 쓰는 게시판입니다.\nName 바람돌이\nSubject [잡담] 요즘 전기차 어떤가요\n\n"
    "전기차를 살까 고민하고 있습니다.\n충전이 불편하다는 얘기를 많이 들었습니다.\n새로운 댓글이 없습니다.",
    "다라 게시판\n작성자 산책왕\n제목 : 동네 공원 산책로 추천합니다\n\n주말마다 공원을 걷습니다.\n"
    "아침 일찍 가면 사람이 적어서 좋습니다.\n조회 120",
    "라마 동호회\n- 회원끼리 정보를 나누는 곳입니다.\n글쓴이 자전거맨\nSubject 한강 자전거길 후기\n\n"
    "어제 한강을 따라 자전거를 탔습니다.\n바람이 시원해서 달리기 좋았습니다.",
]


@pytest.mark.parametrize("page", FORUMS)
def test_board_posts_are_forum_pages_titled_by_their_subject(page: str) -> None:
    article = clean_text(page)
    assert article.kind == "forum"
    assert article.headline is not None and "Subject" not in article.headline
    assert "게시판" not in article.paragraphs[0] and "회원끼리" not in article.paragraphs[0]
    assert not any(
        word in " ".join(article.paragraphs) for word in ("Name", "작성자", "글쓴이", "새로운 댓글")
    )


# a board post whose title stands right above its header fields, under the board's own menus and help
TITLED_BY_FIELDS = [
    (
        "게시판 목록\n글쓰기 도움말\n아이콘을 끌어서 순서를 바꿀 수 있습니다.\n"
        "동네 도서관 야간 개방 시작했네요\n글번호 : free_20931\n작성자 : 책벌레\n추천 : 12\n"
        "조회수 : 880회\n등록시간 : 2021/03/02 21:10:05\n\n"
        "동네 도서관이 이번 주부터 밤 10시까지 문을 엽니다.\n퇴근하고 들르기 좋겠습니다.",
        "동네 도서관 야간 개방 시작했네요",
    ),
    (
        "마을카페를 홈 화면에 추가\n로그인 하기\n\n수다방\n\n"
        "[후기] 시장 떡볶이 집 다녀왔어요\n... 조회수 : 1,204\n작성일 : 2019-10-11 13:45:20\n\n"
        "시장 입구 떡볶이 집에 다녀왔습니다. 줄이 길었지만 기다릴 만했습니다.",
        "[후기] 시장 떡볶이 집 다녀왔어요",
    ),
    (
        "즐겨찾는 게시판\n편집\n\n주말 등산 모임 후기 올립니다\n작성자 : 산사나이\n댓글수 : 3개\n"
        "조회 : 210\n\n토요일에 회원 여덟 명이 북한산에 올랐습니다. 날씨가 맑아 멀리까지 보였습니다.",
        "주말 등산 모임 후기 올립니다",
    ),
]


@pytest.mark.parametrize(("page", "title"), TITLED_BY_FIELDS)
def test_a_board_post_is_titled_by_the_line_above_its_fields(page: str, title: str) -> None:
    article = clean_text(page)
    assert article.kind == "forum"
    assert article.headline == title
    body = " ".join(article.paragraphs)
    assert article.paragraphs[0].startswith(("동네 도서관이", "시장 입구", "토요일에"))
    assert not any(word in body for word in ("글번호", "작성자", "추천 :", "댓글수", "아이콘", "로그인"))


BLOGS = [
    "오늘의 산책 기록\n\n아침에 강변을 걸었습니다\n물안개가 피어 있어서 참 예뻤어요\n"
    "다음에는 친구와 같이 오려고요",
    "주말 요리 일기\n\n처음으로 김치찌개를 끓여 봤습니다\n생각보다 맛있게 되어서 뿌듯했어요\n"
    "다음엔 된장찌개에 도전해요",
    "여행 사진 정리\n\n지난달 다녀온 섬 사진을 정리했습니다\n바다 색이 정말 파랬어요\n또 가고 싶은 곳이에요",
]


@pytest.mark.parametrize("page", BLOGS)
def test_posts_without_byline_or_full_stops_are_blogs(page: str) -> None:
    article = clean_text(page)
    assert article.kind == "blog"
    assert article.headline is not None


ARTICLES = [
    "시, 버스 노선 개편\n\n입력 2024.05.02 09:00\n\n시는 2일 버스 노선을 바꾼다고 밝혔다.\n"
    "새 노선은 다음 달부터 운행된다.\n\n김가람 기자 garam@example.com",
    "[가나일보 이하늘 기자] 정부는 3일 새 주택 정책을 발표했다. 청년 주택 공급을 늘리는 내용이다.",
    "경제 지표 개선\n\n수출이 석 달 연속 늘었다고 정부가 4일 밝혔다. 반도체가 증가를 이끌었다.",
]


@pytest.mark.parametrize("page", ARTICLES)
def test_plain_articles_stay_articles(page: str) -> None:
    assert clean_text(page).kind == "article"


def _raw(text: str) -> RawDocument:
    return RawDocument(path=Path("page.txt"), text=text, encoding="utf-8", media_type="text", size=len(text))


TITLED_LISTING = (
    "• 가수 하늘, 새 앨범 '바람' 발표\n"
    '가수 하늘이 새 앨범을 냈다. 소속사는 "열 곡이 실렸다"고 밝혔다...\n'
    "• 배우 구름, 영화제 신인상 수상\n"
    '배우 구름이 신인상을 받았다. 그는 "더 노력하겠다"고 말했다...\n'
    "• 밴드 별빛, 전국 투어 시작\n"
    "밴드 별빛이 전국 투어에 나선다. 첫 공연은 부산에서 열린다...\n"
)
BYLINED_LISTING = (
    "[ 가나신문 - 정우진 기자 ] 구청은 지난 3일 방재 교육을 열었다. 주민 50명이 참석했다.\n\n"
    '[ 가나신문 - 정우진 기자 ] 구청은 음식점 정리 사업을 마쳤다. 구 관계자는 "위생이 나아졌다"고 말했다.\n\n'
    "[ 가나신문 - 정우진 기자 ] 구청은 어르신 건강 강좌를 연다. 신청은 다음 달까지 받는다.\n"
)
NUMBERED_LISTING = (
    "- 시의회, 예산안 통과\n시의회가 내년 예산안을 통과시켰다. 총액은 2조 원이다...\n\n"
    "- 교육청, 급식 개선안 발표\n교육청이 급식 개선안을 내놨다. 친환경 식재료를 늘린다...\n\n"
    "- 소방서, 겨울철 화재 주의보\n소방서가 화재 주의보를 내렸다. 난방기 사용에 주의해야 한다...\n\n"
    "- 도서관, 야간 개관 확대\n도서관이 밤 10시까지 문을 연다. 시민 요청에 따른 것이다...\n"
)


@pytest.mark.parametrize(
    ("page", "items"), [(TITLED_LISTING, 3), (BYLINED_LISTING, 3), (NUMBERED_LISTING, 4)]
)
def test_listing_pages_are_split_into_their_teasers(page: str, items: int) -> None:
    articles = clean_page(_raw(page))
    assert len(articles) == items
    assert all(a.kind == "listing" for a in articles)
    assert [a.source for a in articles] == [f"page.txt#{n}" for n in range(1, items + 1)]
    assert all(len(a.paragraphs) == 1 or "정우진" not in " ".join(a.paragraphs) for a in articles)
    bodies = [" ".join(a.paragraphs) for a in articles]
    assert len(set(bodies)) == items  # never merged


# titles without bullets, each right over a teaser cut with "..." (a section page's "축제 소식")
PAIRED_LISTINGS = [
    "지역 축제\n\n"
    "군 단위 농산물 장터 성황\n\n"
    "- 사흘간 3만 명 다녀가 - 박지원 기자 park@example.com 군은 농산물 장터에 사흘 동안 3만 명이 다녀갔다고 "
    "밝혔다...\n\n"
    "바닷가 모래 조각 축제 개막\n\n"
    "해변에서 모래 조각 축제가 막을 올렸다. 올해는 작품 40점이 전시된다...\n\n"
    "산골 마을 별빛 음악회 열려\n\n"
    "마을 주민들이 직접 준비한 음악회가 폐교 운동장에서 열렸다. 관객은 200명을 넘었다...\n",
    "오늘의 소식\n"
    "시립미술관, 청년 작가 공모\n"
    "시립미술관이 청년 작가 공모전을 연다고 밝혔다. 접수는 다음 달 말까지이며 수상작은 전시된다...\n"
    "공원 야간 조명 교체\n"
    "구청은 공원 가로등 120개를 밝은 조명으로 바꾸는 공사를 이번 주에 모두 마쳤다고 전했다...\n"
    "버스 노선 일부 조정\n"
    "다음 주부터 시내버스 세 개 노선의 운행 경로가 바뀐다. 자세한 내용은 정류장에...\n"
    "하천 정화 활동 참가자 모집\n"
    "환경단체가 주말 하천 정화 활동에 함께할 시민 100명을 모집한다고 9일 알렸다...\n",
    "체육 소식\n\n"
    "유소년 축구 대회 개막\n전국 유소년 축구 대회가 48개 팀이 참가한 가운데 6일 막을 올렸다...\n\n"
    "생활체육 배드민턴 교실 개강\n"
    "구민 체육관에서 초보자를 위한 배드민턴 교실이 다음 주 월요일 문을 열었다...\n\n"
    "마라톤 대회 교통 통제 안내\n일요일 오전 마라톤 대회로 도심 도로 일부가 통제된다고 시가 밝혔다...\n",
]


def test_teasers_cut_with_an_ellipsis_character_make_a_listing_too() -> None:
    page = PAIRED_LISTINGS[1].replace("...", "…")
    items = listing_items(page.split("\n"))
    assert items is not None and len(items) == 4
    assert items[0][0] == "시립미술관, 청년 작가 공모"


@pytest.mark.parametrize("page", PAIRED_LISTINGS)
def test_titles_over_cut_teasers_make_a_listing(page: str) -> None:
    articles = clean_page(_raw(page))
    assert len(articles) >= 3
    assert all(a.kind == "listing" for a in articles)
    assert all(a.headline and not a.headline.endswith((".", "…")) for a in articles)
    assert clean_page(_raw(page), split_listings=False)[0].headline is None


@pytest.mark.parametrize("page", [TITLED_LISTING, BYLINED_LISTING, NUMBERED_LISTING])
def test_clean_document_refuses_a_listing_with_the_reason(page: str) -> None:
    with pytest.raises(InputError, match=r"listing page, \d+ teasers"):
        clean_document(_raw(page))


def test_titled_teasers_keep_their_titles_as_headlines() -> None:
    articles = clean_page(_raw(TITLED_LISTING))
    assert [a.headline for a in articles] == [
        "가수 하늘, 새 앨범 '바람' 발표",
        "배우 구름, 영화제 신인상 수상",
        "밴드 별빛, 전국 투어 시작",
    ]


def test_bylined_teasers_each_credit_the_reporter() -> None:
    articles = clean_page(_raw(BYLINED_LISTING))
    assert all([r.name for r in a.reporters] == ["정우진"] for a in articles)


def test_an_article_page_is_one_article() -> None:
    assert len(clean_page(_raw(ARTICLES[0]))) == 1


# a paragraph right above a photo credit stays body unless it reads as a caption
ABOVE_CREDIT = [
    (
        '시장은 "교통 대책을 서두르겠다"고 말했다.\n[사진=가나시청 제공]',
        '시장은 "교통 대책을 서두르겠다"고 말했다.',
    ),
    ("다음 공연은 12월 3일 열린다.\n(사진=다라기획 제공)", "다음 공연은 12월 3일 열린다."),
    ("신제품은 이달 말 출시된다.\n사진=가나전자", "신제품은 이달 말 출시된다."),
]


@pytest.mark.parametrize(("tail", "last"), ABOVE_CREDIT)
def test_paragraph_above_a_photo_credit_stays_body(tail: str, last: str) -> None:
    page = "정책 발표\n\n정부는 5일 새 정책을 내놓았다. 관련 예산도 늘렸다.\n" + tail
    article = clean_text(page)
    assert article.paragraphs[-1] == last
    assert last not in article.captions


CAPTIONS_ABOVE_CREDIT = [
    "김 시장이 시청에서 발언하고 있다.\n[사진=가나시청 제공]",
    "가나전자 신제품\n(사진=가나전자 제공)",
    "관람객들이 전시장을 둘러보고 있다.\n사진=다라박물관",
]


@pytest.mark.parametrize("tail", CAPTIONS_ABOVE_CREDIT)
def test_caption_above_a_photo_credit_is_a_caption(tail: str) -> None:
    page = (
        "정책 발표\n\n정부는 5일 새 정책을 내놓았다. 관련 예산도 늘렸다.\n"
        + tail
        + "\n예산은 내년에 집행된다."
    )
    article = clean_text(page)
    caption = tail.split("\n")[0]
    assert caption in article.captions
    assert caption not in article.paragraphs


# a last paragraph cut mid-sentence by the scraper stays, marked truncated
CUT = [
    '정부는 6일 대책을 내놨다.\n\n장관은 "물가를 잡겠다. 이번 달 안에 추가 대책을',
    "회사는 실적을 발표했다.\n\n매출은 늘었다. 다만 영업이익은 시장 예상보다 적은 수준에 머물러 "
    "투자자들의 실망",
    "시는 축제를 연다.\n\n축제는 사흘 동안 열린다. 시는 방문객을 위해 임시 주차장을 마련하고 "
    "셔틀버스를\ufffd",
]


@pytest.mark.parametrize("page", CUT)
def test_cut_last_paragraph_stays_marked_truncated(page: str) -> None:
    article = clean_text(page)
    assert article.truncated
    assert len(article.paragraphs) == 2
    assert not article.paragraphs[-1].endswith("\ufffd")


@pytest.mark.parametrize("page", ARTICLES)
def test_whole_articles_are_not_truncated(page: str) -> None:
    assert not clean_text(page).truncated


QA = [
    "가나그룹 회장 인터뷰\n\n회장을 본사에서 만났다. 그는 기업가 정신을 강조했다.\n\n"
    "-요즘 경기를 어떻게 보나.\n\n"
    '"어렵다. 하지만 기회도 있다."\n\n-가장 큰 고민은.\n\n"인재다. 사람이 없다."',
    "신임 교육감에게 듣는다\n\n교육감을 집무실에서 만났다. 그는 기초 학력을 강조했다.\n\n"
    "-첫 과제는 무엇인가?\n\n"
    '"기초 학력 회복이다."\n\n-교사들의 부담은?\n\n"행정 업무를 줄이겠다."',
    "배우 하늘과의 대화\n\n배우 하늘을 촬영장에서 만났다. 그는 새 작품 이야기를 꺼냈다.\n\n"
    "-이번 역할은 어땠나.\n\n"
    '"가장 힘들었다."\n\n-다음 계획은?\n\n"잠시 쉬려고 한다."',
]


@pytest.mark.parametrize("page", QA)
def test_question_and_answer_pages_are_interviews(page: str) -> None:
    assert clean_text(page).kind == "interview"


@pytest.mark.parametrize(
    ("page", "items"), [(TITLED_LISTING, 3), (BYLINED_LISTING, 3), (NUMBERED_LISTING, 4)]
)
def test_a_listing_page_as_one_record_keeps_its_teasers_apart(page: str, items: int) -> None:
    teasers = clean_page(_raw(page))
    (record,) = clean_page(_raw(page), split_listings=False)
    assert record.kind == "listing" and record.source == "page.txt"
    assert record.headline is None and record.date is None  # a page of teasers has neither of its own
    assert record.paragraphs == tuple(p for t in teasers for p in t.paragraphs)
    starts = [h.before for h in record.headings]
    assert len(starts) == items and starts[0] == 0  # each teaser a section of its own
    assert starts == sorted(set(starts))


def test_no_speaker_carries_over_from_one_teaser_to_the_next() -> None:
    from brief.people import load_people
    from brief.quotes import extract_quotes

    page = (
        "• 가수 하늘, 새 앨범 발표\n"
        '가수 하늘은 새 앨범을 냈다. 그는 "열 곡을 담았다"고 말했다...\n'
        "• 시청, 공원 새 단장\n"
        '시청은 공원을 새로 꾸몄다. "주민이 쉴 곳이 늘었다"고 말했다...\n'
        "• 도서관 야간 개관\n"
        '도서관이 밤에도 문을 연다. 이어 "시민 요청에 따른 것"이라고 덧붙였다...\n'
    )
    (record,) = clean_page(_raw(page), split_listings=False)
    quotes = extract_quotes(record, load_people())
    later = [q for q in quotes if q.paragraph >= record.headings[1].before]
    assert later and all(q.speaker.kind != "named" for q in later)


@pytest.mark.parametrize(
    "outlet",
    ["가나신문", "다라일보", "마바뉴스"],
)
def test_long_bylined_teasers_stay_a_listing(outlet: str) -> None:
    # each teaser one long line that the layout repair cuts at sentence ends: the bracketed byline
    # "[ OUTLET - NAME 기자 ]" must stay whole, or the page no longer reads as a listing
    sentences = " ".join(
        f"구청은 {n}번째 사업을 마쳤다고 밝혔다. 주민 {n}0명이 참여했다." for n in range(1, 12)
    )
    teaser = f"[ {outlet} - 정우진 기자 ] {sentences}"
    page = "\n".join([teaser] * 3)  # three long lines: a page the layout repair reads as flattened
    (record,) = clean_page(_raw(page), split_listings=False)
    assert record.kind == "listing" and len(record.headings) == 3
    assert all(not p.startswith("]") for p in record.paragraphs)
