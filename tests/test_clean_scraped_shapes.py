"""Shapes of scraped pages that the devset does not show: a reporter-photo widget over a broadcast's
headline, portal summary cards, forum re-posts, pages whose excerpt starts with the body, a body that
opens with a question, wire photo captions inside the body, and broadcast sound-bite labels. Every page
here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.clean import clean_text
from brief.clean.boilerplate import boilerplate_reason
from brief.clean.dates import dateline_date
from brief.records import Article


def _clean(page: str) -> Article:
    return clean_text(page)


# ---------------------------------------------------------------- 1. reporter-photo widget, broadcast titles
BROADCAST_PAGES = [
    (
        "뉴스 홈\n기자이미지 김민수\n"
        '"못 참겠습니다" "그만 하시죠"…국감장 고성 [현장영상]\n기자이미지 김민수\n'
        "오늘 국회 국정감사장에서 여야 의원들이 서로 언성을 높이는 일이 벌어졌습니다.\n"
        "질의 순서를 두고 시작된 말다툼은 30분 넘게 이어졌습니다.\n",
        '"못 참겠습니다" "그만 하시죠"…국감장 고성 [현장영상]',
        "오늘 국회 국정감사장에서",
        "김민수",
    ),
    (
        "기자 이미지 박지현\n"
        '[현장영상] "여기 좀 보세요" "그게 무슨 말입니까"\n'
        "주민들이 시청 앞에 모여 재개발 계획에 항의하고 있습니다\n"
        "일부 주민은 시장과의 면담을 요구하며 청사 안으로 들어가려 했습니다.\n"
        "시는 다음 주 주민 설명회를 다시 열겠다고 밝혔습니다.\n",
        '[현장영상] "여기 좀 보세요" "그게 무슨 말입니까"',
        "주민들이 시청 앞에 모여",
        "박지현",
    ),
    (
        "기자이미지\n이정훈\n"
        '"정말 몰랐다" "책임지겠다"…사장의 사과 [영상]\n보도국 이정훈 기자\n'
        "회사 대표가 오늘 기자회견을 열고 고개를 숙였습니다.\n"
        "유족들은 진정성 있는 사과가 아니라며 반발했습니다.\n",
        '"정말 몰랐다" "책임지겠다"…사장의 사과 [영상]',
        "회사 대표가 오늘",
        "이정훈",
    ),
    (
        "기자 사진\n김하나 기자\n"
        '"그만하세요" "당신이 뭔데" [현장영상]\n'
        "여러분 이 장면 보셨습니까?\n"
        "오늘 오전 서울 도심에서 집회 참가자들과 경찰이 충돌했습니다.\n"
        "참가자들은 도로를 점거하고 구호를 외쳤습니다.\n",
        '"그만하세요" "당신이 뭔데" [현장영상]',
        "여러분 이 장면 보셨습니까?",
        "김하나",
    ),
    (
        # a title of two long quoted remarks, over fifty characters, ending in "!\""
        "기자이미지 홍길동\n"
        '[현장영상] "국민 앞에서 이렇게 하시면 정말 부끄럽지 않습니까?" '
        '"지금 대체 여기서 뭐 하자는 겁니까!"\n'
        "오늘 오전 국회 본회의장에서 여야 의원들이 고성을 주고받았습니다\n"
        "의장은 결국 정회를 선포했습니다\n",
        '[현장영상] "국민 앞에서 이렇게 하시면 정말 부끄럽지 않습니까?" "지금 대체 여기서 뭐 하자는 겁니까!"',
        "오늘 오전 국회 본회의장에서",
        "홍길동",
    ),
    (
        # a transcript written without a single full stop, in plain endings
        "기자이미지 최유리\n"
        '[현장영상] "문 열어라" "못 연다"\n'
        "지금 국회 앞은 말 그대로 아수라장이 됐다\n"
        "시위대 수백 명이 정문 앞에 모여 구호를 외치고 있다\n"
        "경찰은 차벽을 세우고 출입을 막았다\n",
        '[현장영상] "문 열어라" "못 연다"',
        "지금 국회 앞은",
        "최유리",
    ),
    (
        "홍서연 기자 사진\n"
        '[현장영상] 물에 잠긴 도로 "차를 버리고 나왔어요"\n'
        "밤사이 쏟아진 폭우로 시내 도로 곳곳이 물에 잠겼습니다\n"
        "출근길 시민들은 무릎까지 차오른 물을 헤치며 걸어야 했습니다.\n"
        "시는 배수 작업을 서두르고 있다고 밝혔습니다.\n",
        '[현장영상] 물에 잠긴 도로 "차를 버리고 나왔어요"',
        "밤사이 쏟아진 폭우로",
        "홍서연",
    ),
]


@pytest.mark.parametrize(("page", "headline", "first", "reporter"), BROADCAST_PAGES)
def test_reporter_photo_widget_is_no_headline(page: str, headline: str, first: str, reporter: str) -> None:
    article = _clean(page)
    assert article.headline == headline
    assert article.paragraphs[0].startswith(first)  # a spoken first sentence without a full stop stays
    assert [r.name for r in article.reporters] == [reporter]  # the widget names the reporter, not a desk
    assert not any("이미지" in p or "사진" in p for p in article.paragraphs)


# ---------------------------------------------------------------- 2. portal summary cards
SUMMARY_CARDS = [
    (
        "뒤로가기\n3줄 요약\n정부가 내년 예산안을 확정했다\n복지 예산이 가장 많이 늘었다\n"
        "국회 심사는 다음 달 시작된다\n본문전체읽기\n정부 내년 예산 650조원 확정\n"
        "공지사항 문구가 한줄로 들어가는 영역입니다.\n"
        "정부는 29일 국무회의를 열고 내년도 예산안 650조원을 확정했다.\n"
        "예산안은 다음 달 2일 국회에 제출된다.\n이 콘텐츠를 공유하세요.\n목록보기\n",
        "정부 내년 예산 650조원 확정",
        "예산안은 다음 달 2일 국회에 제출된다.",
    ),
    (
        "이전 페이지로\n요약카드\n[요약] 서울 아파트 값이 5주 연속 올랐다.\n전문 보기\n\n"
        "서울 아파트 값 5주 연속 상승\n알림 문구가 한 줄로 노출되는 영역입니다\n"
        "한국부동산원은 서울 아파트 매매가격이 지난주보다 0.1% 올랐다고 4일 밝혔다.\n"
        '전문가들은 "금리 인하 기대가 반영됐다"고 분석했다.\n'
        "이 글을 친구에게 공유해 보세요!\n맨 위로 이동\n",
        "서울 아파트 값 5주 연속 상승",
        '전문가들은 "금리 인하 기대가 반영됐다"고 분석했다.',
    ),
    (
        "뒤로\n세줄 요약\n개막전 5경기가 모두 매진됐다\n관중 10만 명이 입장했다\n잠실에선 연장 승부가 났다\n"
        "KBO 개막전 5경기 전석 매진\n여기에 배너 문구가 들어갑니다.\n"
        "프로야구 개막전 5경기가 모두 매진됐다.\n잠실 경기에서는 홈 팀이 연장 끝에 승리했다.\n"
        "기사 공유하기\n콘텐츠를 공유하려면 링크를 복사하세요.\n카테고리 스포츠\n",
        "KBO 개막전 5경기 전석 매진",
        "잠실 경기에서는 홈 팀이 연장 끝에 승리했다.",
    ),
]


@pytest.mark.parametrize(("page", "headline", "last"), SUMMARY_CARDS)
def test_summary_card_furniture_stays_out_of_the_body(page: str, headline: str, last: str) -> None:
    article = _clean(page)
    assert article.headline == headline
    assert article.paragraphs[-1] == last
    body = "\n".join(article.paragraphs)
    for furniture in ("요약", "뒤로", "읽기", "보기", "공유", "영역", "들어갑니다", "카테고리", "이동"):
        assert furniture not in body


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("뒤로가기", "ui label"),
        ("이전 페이지로", "ui label"),
        ("맨 위로 이동", "ui label"),
        ("본문전체읽기", "ui label"),
        ("기사 전체 보기", "ui label"),
        ("목록보기", "ui label"),
        ("공지 문구가 한 줄로 들어가는 영역입니다.", "template placeholder"),
        ("배너 이미지가 표시되는 자리입니다", "template placeholder"),
        ("이곳에 안내 문구를 입력하세요.", "template placeholder"),
        ("이 콘텐츠를 공유하세요.", "reader widget"),
        ("콘텐츠 공유하기", "ui label"),
        ("음성 기사 옵션 조절 레이어", "ui label"),
        ("공지사항이 한줄로 들어가는 영역입니다", "template placeholder"),
        ("안내 문구 영역입니다", "template placeholder"),
        ("관련자료 0건", "board widget"),
        ("태그: 반도체, 수출", "category label"),
        ("3줄 요약", "portal note"),
        ("한눈에 보는 요약", "portal note"),
    ],
)
def test_ui_strings_are_recognised_by_shape(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "정부는 이날 보고서 본문을 공개했다.",
        "물가가 위로 치솟았다",
        "목록에 오른 기업은 모두 12곳이다.",
        "그는 이 문구가 광고에 들어가는 것을 반대했다.",
        "선수들은 뒤로 물러서지 않았다.",
        "관련 자료를 공개했다.",
    ],
)
def test_story_lines_with_ui_words_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_summary_box_without_blank_lines_keeps_the_article() -> None:
    """A summary box with no blank line after it once swallowed the whole article: its points are the
    lines that repeat the article below them."""
    page = (
        "AI 요약\n코스피가 사흘 연속 상승 마감했다\n반도체 종목이 강세를 보였다\n"
        "코스피가 외국인 매수세에 힘입어 사흘 연속 상승 마감했다. 반도체 종목이 강세를 보였다.\n"
        "증권가는 당분간 상승 흐름이 이어질 것으로 내다봤다.\n"
        '시장 관계자는 "실적 시즌이 분위기를 바꿨다"고 말했다.\n'
        "환율은 소폭 하락했다.\n"
        "채권 금리도 내렸다.\n"
    )
    article = _clean(page)
    assert article.paragraphs[0].startswith("코스피가")
    assert article.paragraphs[-1] == "채권 금리도 내렸다."


# ---------------------------------------------------------------- 3. forum re-posts
FORUM_POSTS = [
    (
        "자유게시판\n삼성전자, 3분기 영업이익 10조원 돌파\nby 달빛나그네 posted Oct 01, 2014\n"
        "삼성전자가 올해 3분기 영업이익이 10조원을 넘었다고 1일 밝혔다.\n"
        '회사 측은 "4분기에도 메모리 수요가 견조할 것"이라고 전망했다.\n'
        "관련자료\n등록된 댓글이 없습니다.\n- 4,397 조회\n작성자 정보\n달빛나그네\n경제\n",
        dt.date(2014, 10, 1),
        '회사 측은 "4분기에도 메모리 수요가 견조할 것"이라고 전망했다.',
    ),
    (
        "[기사] 서울시, 심야버스 노선 5개 늘린다\nposted Mar 15, 2016 by 버스덕후\n"
        "서울시는 심야 올빼미버스 노선을 현재 9개에서 14개로 늘린다고 15일 밝혔다.\n"
        "새 노선은 다음 달 1일부터 운행된다\n"
        "첨부파일\n댓글 0\n조회 1,234\n글쓴이 정보\n버스덕후\n교통·생활\n",
        dt.date(2016, 3, 15),
        "새 노선은 다음 달 1일부터 운행된다",
    ),
    (
        "정부, 미세먼지 저감 대책 발표\n작성자 초록별 | Posted on November 3, 2019 | 조회 892\n"
        "환경부는 3일 미세먼지 계절관리제를 다음 달부터 시행한다고 밝혔다.\n"
        '환경부 장관은 "국민 건강을 최우선으로 하겠다"고 강조했다.\n'
        "관련 자료\n아직 등록된 댓글이 없습니다. 첫 댓글을 남겨주세요.\n추천 12 · 비추천 0\n"
        "- 892 조회\n글쓴이의 다른 글\n사회\n",
        dt.date(2019, 11, 3),
        '환경부 장관은 "국민 건강을 최우선으로 하겠다"고 강조했다.',
    ),
]


@pytest.mark.parametrize(("page", "date", "last"), FORUM_POSTS)
def test_forum_repost_ends_before_board_furniture(page: str, date: dt.date, last: str) -> None:
    article = _clean(page)
    assert article.date == date
    assert article.paragraphs[-1] == last
    assert article.subheadlines == ()  # the posting line is a dateline, not a sub-headline
    body = "\n".join(article.paragraphs)
    for furniture in ("관련", "첨부", "댓글", "조회", "작성자", "글쓴이"):
        assert furniture not in body


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("by 달빛나그네 posted Oct 01, 2014", dt.date(2014, 10, 1)),
        ("Posted 3 Nov 2019 14:02", dt.date(2019, 11, 3)),
        ("posted on September 5th, 2017", dt.date(2017, 9, 5)),
        ("글쓴이 산책왕 | 2021.07.04 | 조회 30", dt.date(2021, 7, 4)),
        ("작성자 달빛나그네 작성일 2014.10.01 조회 4,397", dt.date(2014, 10, 1)),
        ("작성일 2014-10-01 12:00 조회수 12", dt.date(2014, 10, 1)),
    ],
)
def test_forum_posting_dates(line: str, date: dt.date) -> None:
    found = dateline_date(line)
    assert found is not None and found[0] == date


@pytest.mark.parametrize(
    "line",
    [
        "정부는 Oct 1, 2014 발표한 계획을 이번에 전면 수정했다고 밝혔다",
        "삼성전자 | 2014년 3분기 실적 발표 | 반도체 부문 실적이 크게 개선된 배경",
        "정부는 2014.10.01 조회 결과를 발표했다",
        "2014년 10월 1일 추천 도서 목록",
        "작성자 홍길동 2014.10.01 정부 발표 자료를 공유합니다",
    ],
)
def test_english_dates_in_sentences_are_no_datelines(line: str) -> None:
    assert dateline_date(line) is None


# ---------------------------------------------------------------- 4. an excerpt that starts with the body
LEAD_FIRST = [
    (
        "올겨울 첫 한파특보가 내려졌다\n"
        "기상청은 7일 오후 9시를 기해 경기 북부에 한파주의보를 발령했다고 밝혔다.\n"
        '기상청은 "수도관 동파에 대비해야 한다"고 당부했다.\n',
        "올겨울 첫 한파특보가 내려졌다",
    ),
    (
        "물가가 좀처럼 잡히지 않고 있다\n2024.05.02 10:31\n"
        "통계청은 4월 소비자물가가 1년 전보다 2.9% 올랐다고 2일 밝혔다.\n"
        "과일값이 크게 뛰며 전체 물가를 끌어올렸다.\n",
        "물가가 좀처럼 잡히지 않고 있다",
    ),
    (
        "국내 연구진이 상온에서 작동하는 새 배터리 소재를 개발했다\n"
        "연구팀은 상온에서도 안정적으로 작동하는 고체 전해질을 개발했다고 5일 밝혔다.\n"
        "연구팀은 이 소재가 기존보다 두 배 이상 오래 간다고 설명했다.\n",
        "국내 연구진이 상온에서 작동하는 새 배터리 소재를 개발했다",
    ),
    (
        # navigation text above the line is no other candidate for a headline
        "뉴스 홈\n오피니언\n올겨울 첫 한파특보가 내려졌다\n"
        "기상청은 7일 오후 9시를 기해 경기 북부에 한파주의보를 발령했다고 밝혔다.\n",
        "올겨울 첫 한파특보가 내려졌다",
    ),
    (
        "물가가 또 올랐다\n"
        "통계청은 4월 소비자물가가 1년 전보다 2.9% 올랐다고 2일 밝혔다.\n"
        "과일값이 크게 뛰며 전체 물가를 끌어올렸다.\n",
        "물가가 또 올랐다",
    ),
    (
        "반도체 수출이 다시 늘고 있다.\n"
        "산업통상자원부는 지난달 반도체 수출이 1년 전보다 15% 늘었다고 1일 밝혔다.\n"
        '정부는 "하반기에도 증가세가 이어질 것"이라고 내다봤다.\n',
        "반도체 수출이 다시 늘고 있다.",
    ),
]


@pytest.mark.parametrize(("page", "first"), LEAD_FIRST)
def test_a_lone_lead_sentence_is_body_not_headline(page: str, first: str) -> None:
    article = _clean(page)
    assert article.headline is None
    assert article.paragraphs[0] == first


@pytest.mark.parametrize(
    ("teaser", "lead"),
    [
        (
            "정부가 내년 예산안을 650조원 규모로 확정했다…",
            "정부가 내년 예산안을 650조원 규모로 확정했다. 복지 예산이 늘었다.",
        ),
        (
            "서울 아파트값, 5주 연속 상승...",
            "서울 아파트값, 5주 연속 상승세를 이어갔다. 강남 3구가 상승을 이끌었다.",
        ),
        (
            "법원이 전 시장에게 징역 3년을",
            "법원이 전 시장에게 징역 3년을 선고했다. 재판부는 죄질이 무겁다고 봤다.",
        ),
    ],
)
def test_a_teaser_that_repeats_the_lead_is_no_headline(teaser: str, lead: str) -> None:
    page = f'{teaser}\n2024.08.29 10:00\n{lead}\n관계자는 "결과를 존중한다"고 말했다.\n'
    article = _clean(page)
    assert article.headline is None
    assert article.paragraphs[0] == lead
    assert article.date == dt.date(2024, 8, 29)


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        # a headline's marks: a comma after the topic, quotes, an ellipsis
        (
            "다시 뛰는 전통시장, 청년 상인이 답이다\n"
            "부산 지역 전통시장에 청년 상인들이 잇따라 문을 열고 있다.\n"
            "부산시는 올해 청년 점포 40곳에 임대료를 지원했다고 3일 밝혔다.\n",
            "다시 뛰는 전통시장, 청년 상인이 답이다",
        ),
        (
            '시장 "버스 요금 동결"…시민 부담 덜어\n'
            "시는 내년 시내버스 요금을 올리지 않기로 했다고 2일 밝혔다.\n"
            "시장은 물가 부담을 줄이기 위한 결정이라고 설명했다.\n",
            '시장 "버스 요금 동결"…시민 부담 덜어',
        ),
        # a byline between the line and the body: a headline by evidence
        (
            "국내 연구진이 상온에서 작동하는 새 배터리 소재를 개발했다\n김영수 기자\n"
            "연구팀은 상온에서도 안정적으로 작동하는 고체 전해질을 개발했다고 5일 밝혔다.\n"
            "연구팀은 이 소재가 기존보다 두 배 이상 오래 간다고 설명했다.\n",
            "국내 연구진이 상온에서 작동하는 새 배터리 소재를 개발했다",
        ),
        # a noun-phrase headline
        (
            "지하철 2호선 새벽 운행 중단\n"
            "서울교통공사는 선로 점검을 위해 2호선 일부 구간 운행을 중단한다고 밝혔다.\n"
            "공사는 대체 버스를 투입할 계획이다.\n",
            "지하철 2호선 새벽 운행 중단",
        ),
    ],
)
def test_headlines_with_evidence_stay_headlines(page: str, headline: str) -> None:
    assert _clean(page).headline == headline


# ---------------------------------------------------------------- 5. a body that opens with a question
QUESTION_LEADS = [
    (
        "의뢰인에게 불리한 진실, 변호사는 어디까지 말해야 하나\n"
        "변호사는 정말 의뢰인의 비밀을 끝까지 지켜야 할까?\n"
        "법조계에서 오래된 이 물음이 최근 한 재판을 계기로 다시 불거졌다.\n"
        "대한변호사협회는 비밀유지 의무의 범위를 다시 정리하겠다고 밝혔다.\n",
        "변호사는 정말 의뢰인의 비밀을 끝까지 지켜야 할까?",
    ),
    (
        "AI가 쓴 소설의 저작권 논란\n"
        "인공지능이 쓴 글에도 저작권이 있을까?\n"
        "최근 한 출판사가 AI로 쓴 소설을 펴내면서 이 문제가 수면 위로 떠올랐다.\n"
        "현행 저작권법은 사람의 창작물만 보호한다.\n",
        "인공지능이 쓴 글에도 저작권이 있을까?",
    ),
    (
        "[칼럼] 우리는 왜 줄을 서는가\n입력 2023.04.02 09:00\n"
        "사람들은 왜 맛집 앞에서 한 시간씩 기다리는 걸까?\n"
        "줄을 서는 행위 자체가 하나의 경험이 됐기 때문이라는 분석이 나온다.\n"
        "응답자의 절반이 줄 서기를 즐긴다고 답했다.\n",
        "사람들은 왜 맛집 앞에서 한 시간씩 기다리는 걸까?",
    ),
]


@pytest.mark.parametrize(("page", "question"), QUESTION_LEADS)
def test_a_question_that_opens_the_body_is_body(page: str, question: str) -> None:
    article = _clean(page)
    assert article.headline is not None and article.headline != question
    assert article.paragraphs[0] == question
    assert question not in article.subheadlines


def test_a_question_that_is_the_only_title_stays_the_headline() -> None:
    page = (
        "세 회사 대표가 그리는 온라인 게임의 미래는 무엇일까?\n"
        "게임 회사 대표들이 한자리에 모여 앞으로의 계획을 밝혔다.\n"
        "행사는 대본 없이 대화 형식으로 진행됐다.\n"
    )
    assert _clean(page).headline == "세 회사 대표가 그리는 온라인 게임의 미래는 무엇일까?"


# ---------------------------------------------------------------- 6. wire photo captions inside the body
WIRE_CAPTIONS = [
    (
        '가수 A씨 경찰 출석…"성실히 조사받겠다"\n'
        "[서울=가나통신] 김철수 기자 = 가수 A씨가 14일 오전 서울 종로구 경찰청에 출석했다.\n"
        "[서울=가나통신] 이영희 기자 = 가수 A(왼쪽)가 14일 오전 서울 종로구 경찰청에 출석하고 있다. "
        "2019.03.14 photo@ganews.co.kr |\n"
        'A씨는 취재진의 질문에 "성실히 조사받겠다"고 짧게 답했다.\n'
        "경찰은 A씨를 상대로 밤늦게까지 조사를 이어갈 방침이다.\n",
        "가수 A(왼쪽)가 14일",
    ),
    (
        "배우 B씨 영화제 참석\n"
        "(부산=나라뉴스) 박민수 기자 = 배우 B씨가 5일 부산 해운대구에서 열린 개막식에 참석했다.\n"
        "(부산=나라뉴스) 최지우 기자 = 배우 B(가운데)가 5일 부산 해운대구에서 레드카펫을 걷고 있다. "
        "2020.10.05 choi@naranews.com\n"
        "B씨는 이번 영화제에서 감독으로 데뷔작을 선보인다.\n"
        '그는 "관객들의 반응이 가장 궁금하다"고 말했다.\n',
        "배우 B(가운데)가 5일",
    ),
    (
        "정부 청사 앞 집회\n"
        "[세종=라마통신] 오현우 기자 = 시민단체 회원들이 3일 정부세종청사 앞에서 집회를 열었다.\n"
        "[세종=라마통신] 정하늘 기자 = 시민단체 회원들(오른쪽)이 3일 청사 앞에서 구호를 외치고 있다. "
        "2021.06.03 sky@ramanews.kr | 재판매 및 DB 금지\n"
        "경찰은 집회가 평화롭게 끝났다고 밝혔다.\n"
        "단체는 다음 주에도 집회를 이어가겠다고 말했다.\n",
        "시민단체 회원들(오른쪽)이 3일",
    ),
    (
        "항구에 들어온 대형 크루즈\n"
        "[인천=마바뉴스] 윤서진 기자 = 대형 크루즈선이 12일 인천항에 입항했다.\n"
        "[인천=마바뉴스] 윤서진 기자 = 12일 인천 중구 크루즈터미널에 대형 크루즈선이 정박해 있다. "
        "2023.4.12 |\n"
        "시는 올해 크루즈 입항이 40차례로 늘 것으로 내다봤다.\n"
        '관광업계는 "지역 상권에 도움이 될 것"이라고 기대했다.\n',
        "12일 인천 중구 크루즈터미널에",
    ),
]


WIRE_CAPTIONS.append(
    (
        # no dateline tag, a caption that does not say "하고 있다": the photo's date and e-mail say it
        "가수 A씨 경찰 출석\n"
        "가수 A씨가 14일 오전 서울 종로구 경찰청에 출석했다.\n"
        "가수 A가 14일 오전 서울 종로구 경찰청에 출석했다. 2019.03.14 photo@ganews.co.kr |\n"
        'A씨는 취재진의 질문에 "성실히 조사받겠다"고 짧게 답했다.\n'
        "경찰은 A씨를 상대로 밤늦게까지 조사를 이어갈 방침이다.\n",
        "가수 A가 14일",
    )
)


@pytest.mark.parametrize(("page", "caption"), WIRE_CAPTIONS)
def test_wire_photo_caption_inside_the_body_is_a_caption(page: str, caption: str) -> None:
    article = _clean(page)
    assert any(c.startswith(caption) for c in article.captions)
    assert not any(caption in p or "@" in p or "기자 =" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 3  # the paragraphs below the caption are kept
    assert article.date is None  # the photo's date dates the photo, not the article


@pytest.mark.parametrize(
    "credit",
    ["2019.1.10/뉴스1 © News1 한지민 기자", "2024.4.2/뉴스1", "2022. 8. 15/가나일보"],
)
def test_a_photo_credit_date_is_not_the_article_date(credit: str) -> None:
    page = (
        "겨울 축제 개막\n강원 화천군 산천어축제가 10일 개막했다.\n"
        "관광객들이 화천천에서 얼음낚시를 즐기고 있다.\n"
        f"{credit}\n"
        "축제는 이달 말까지 이어진다.\n"
        '군 관계자는 "올해 100만 명이 찾을 것으로 본다"고 말했다.\n'
    )
    article = _clean(page)
    assert article.date is None and article.date_evidence is None
    assert article.captions == ("관광객들이 화천천에서 얼음낚시를 즐기고 있다.",)
    assert article.paragraphs[-1].startswith("군 관계자는")  # the credit does not end the article


# ---------------------------------------------------------------- broadcast sound-bite labels
@pytest.mark.parametrize(
    "label",
    [
        "▶ 인터뷰 : 김민재 / 한빛전자 사장",
        "▶ 인터뷰 : 박소연 / 가나채널 대표",  # a title with a promotion word ("채널")
        "[인터뷰] 이준호/나라시 교통과장",
        "■ 녹취 : 최영수 / 가나군 주민",
    ],
)
def test_sound_bite_labels_stay_in_the_body_as_printed(label: str) -> None:
    page = (
        "시내버스 노선 개편 첫날\n"
        "오늘부터 시내버스 노선이 크게 바뀌었습니다.\n"
        "담당자의 설명을 들어보시죠.\n"
        f"{label}\n"
        '"처음 며칠은 혼란이 있겠지만 곧 익숙해지실 겁니다."\n'
        "시는 한 달 동안 안내 요원을 배치합니다.\n"
    )
    article = _clean(page)
    assert label in article.paragraphs
    assert article.paragraphs[article.paragraphs.index(label) + 1].startswith('"처음 며칠은')
    assert not article.headings


def test_recorded_speech_label_lines_stay_whole() -> None:
    page = (
        "태풍 피해 복구 구슬땀\n"
        "태풍이 지나간 마을에서 복구 작업이 이어지고 있습니다.\n"
        '<녹취> 김순자(가나군 나동면) : "집 안까지 물이 들어와서 아무것도 못 건졌어요."\n'
        "자원봉사자들도 힘을 보탰습니다.\n"
        '<녹취> 이민호(자원봉사자) : "조금이라도 도움이 되고 싶었습니다."\n'
        "복구 작업은 이번 주 내내 계속됩니다.\n"
    )
    article = _clean(page)
    assert sum(1 for p in article.paragraphs if p.startswith("<녹취>")) == 2


def test_a_page_of_sound_bite_labels_is_a_broadcast() -> None:
    page = (
        "개막 앞둔 두 감독의 출사표\n"
        "개막을 앞두고 두 팀 감독이 각오를 밝혔습니다.\n"
        "▶ 인터뷰 : 김태수 / 가나 감독\n"
        '- "첫 경기부터 총력전으로 나서겠습니다."\n'
        "▶ 인터뷰 : 이민규 / 다라 감독\n"
        '- "부상 선수가 돌아와서 자신 있습니다."\n'
    )
    article = _clean(page)
    assert article.kind == "broadcast"
    assert "▶ 인터뷰 : 이민규 / 다라 감독" in article.paragraphs


@pytest.mark.parametrize("label", ["3줄 요약", "세 줄 요약", "AI 요약"])
def test_summary_points_printed_apart_are_removed(label: str) -> None:
    page = (
        f"뒤로가기\n\n{label}\n\n"
        "코스피가 사흘 연속 상승 마감했다\n\n"
        "반도체 종목이 강세를 보였다\n\n"
        "환율은 소폭 하락했다\n\n"
        "본문전체읽기\n\n"
        "코스피 사흘째 상승\n\n"
        "코스피가 외국인 매수세에 힘입어 사흘 연속 상승 마감했다. 반도체 종목이 강세를 보였다.\n\n"
        "원·달러 환율은 소폭 하락했다.\n\n"
        '시장 관계자는 "실적 시즌이 분위기를 바꿨다"고 말했다.\n'
    )
    article = _clean(page)
    assert article.headline == "코스피 사흘째 상승"
    assert article.paragraphs[0].startswith("코스피가 외국인")
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (" 이 콘텐츠를 공유하세요. 목록보기", True),
        (" 기사 공유하기", True),
        (" 맨 위로 이동", True),
        (' 그는 "이 콘텐츠를 공유하세요."라고 말했다.', False),  # a quoted sentence is the story's
    ],
)
def test_furniture_glued_after_the_last_sentence_is_cut(tail: str, kept: bool) -> None:
    last = "예산안은 다음 달 2일 국회에 제출된다."
    page = f"내년 예산안 국무회의 통과\n정부는 29일 국무회의를 열고 내년도 예산안을 확정했다.\n{last}{tail}\n"
    article = _clean(page)
    assert (article.paragraphs[-1] == last) is kept


# ---------------------------------------------------------------- a portal's note under its machine summary
@pytest.mark.parametrize(
    "line",
    [
        "한빛픽의 주요 문장 추출 기술을 사용하여 “가나일보” 기사 내용을 3줄로 요약한 결과입니다.",
        "AI를 활용해 기사를 요약한 내용입니다. 정확한 내용은 본문 전체를 확인해 주세요.",
        "※ 인공지능 모델을 이용하여 원문을 요약한 것입니다. 일부 내용이 빠질 수 있어 원문 읽기를 권합니다.",
    ],
)
def test_a_machine_summary_note_is_furniture(line: str) -> None:
    assert boilerplate_reason(line) == "summary notice"


@pytest.mark.parametrize(
    "line",
    [
        "정부는 신기술을 활용해 보고서를 요약한 결과를 발표했다고 밝혔다.",
        "연구진은 인공지능 기술을 활용하여 진료 기록을 요약한 결과, 오류가 크게 줄었다고 밝혔다.",
        '그는 "기술을 사용하여 요약한 결과입니다"라고 말했다.',
    ],
)
def test_a_story_about_summarising_stays(line: str) -> None:
    assert boilerplate_reason(line) != "summary notice"
