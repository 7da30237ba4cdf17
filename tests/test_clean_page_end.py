"""The end of an article: the furniture a page prints under it in sentence-like form (a donation box, a
comment form and its rules, a blog's reply form, a run-together edition menu, a pointer to similar
news) is not body, and the article's last sentence stays its last paragraph. Every page here is written
for the test."""

from __future__ import annotations

import pytest

from brief.clean import clean_text
from brief.clean.boilerplate import boilerplate_reason, is_reader_widget
from brief.records import Article

LEAD = (
    "가나시는 올해 하반기부터 시내버스 노선 12개를 새로 운영한다고 3일 밝혔다.\n\n"
    "시는 출퇴근 시간대 배차 간격을 10분 이내로 줄이고 심야 노선도 2개 늘린다.\n\n"
)
LAST = "시 관계자는 “시민 불편이 없도록 준비하겠다”고 말했다."


def _clean(page: str) -> Article:
    return clean_text(page)


def _ends_with_last(article: Article) -> None:
    assert article.paragraphs[-1] == LAST
    assert not article.truncated


# ---------------------------------------------------------------- 1. lines by shape
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # a comment form's instructions
        ("댓글을 입력해 주세요.", "ui prompt"),
        ("이용 약관에 동의해주세요.", "ui prompt"),
        ("비밀번호를 입력하세요", "ui prompt"),
        ("아래 칸을 채우거나 버튼을 클릭하여 로그 인 하세요:", "ui prompt"),
        # a comment box and its rules
        ("답글 남기기", "comment widget"),
        ("댓글운영규칙", "comment widget"),
        ("댓글 작성 원칙 이에 해당하는 글은 지울 수 있으며 이용이 제한될 수 있습니다.", "comment widget"),
        ("블로그 계정으로 댓글을 남기는 중입니다. 로그아웃 / 바꾸기", "comment widget"),
        # a donation / support box
        ("오늘 기사가 도움이 되셨나요?", "support box"),
        ("이 기사 어떠셨나요?", "support box"),
        ("이 글이 마음에 드셨다면", "support box"),
        ("가나일보 좋은 저널리즘 후원하기", "support box"),
        ("이 기자 응원하러 가기", "support box"),
        ("※ 보내주신 후원금은 취재비로 쓰", "support box"),
        ("독자 여러분의 후원이 좋은 기사를 만듭니다.", "support box"),
        ("여러분의 정기 후원이 독립 언론을 지킵니다. 함께해 주세요.", "support box"),
        ("이 신문은 독자의 후원으로 운영됩니다.", "support box"),
        # an edition menu whose separators were lost
        ("가나시대한뉴스나다시대한뉴스다라시대한뉴스라마시대한뉴스마바시대한뉴스", "navigation run"),
        ("지역 서울특별시부산광역시대구광역시인천광역시광주광역시", "navigation run"),
        # where a re-post came from
        ("from 가나일보 https://example.com/news/123", "source link"),
        ("출처: 나다신문 http://example.org/a?id=5", "source link"),
        ("Advertisements", "advertisement"),
        # other shapes of a comment section's heading, and a blog's share row
        ("댓글 (0)", "comment widget"),
        ("독자의견 3", "comment widget"),
        ("의견쓰기", "comment widget"),
        ("Leave a Reply", "comment widget"),
        ("Share this:", "page tool"),
    ],
)
def test_end_furniture_by_shape(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "그는 시민들에게 투표에 참여해 달라고 호소했다.",
        "구청은 주민들이 온라인으로 신청서를 입력할 수 있게 했다.",
        "경찰은 비밀번호를 바꾸라고 당부했다.",
        "재단은 모인 후원금을 장학금으로 쓰기로 했다.",
        "국민은 새 제도에 동의하는지 묻는 조사에서 찬성이 많았다.",
        "서울특별시와 부산광역시가 함께 사업을 벌인다.",
        "그는 시민들의 후원에 감사드린다고 말했다.",
        "재단은 독자들의 후원으로 장학금을 마련했습니다.",
        "버스 기사들이 기부에 동참하고 있습니다.",
        "시청자 여러분의 후원이 이어지고 있습니다.",
        # an interviewer's question is a turn, not the page asking the reader
        "Q. 기사를 보고 어떠셨나요?",
        "* 확장성 - 결제 속도의 문제",
    ],
)
def test_story_sentences_with_the_same_words_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Similar News:다른 언론사에서 모은 비슷한 기사를 읽을 수도 있습니다.",
        "관련 기사: 이와 유사한 뉴스를 더 읽을 수 있습니다.",
        "이 기사와 관련된 기사를 읽을 수 있습니다.",
    ],
)
def test_pointers_to_similar_news_are_widgets(line: str) -> None:
    assert is_reader_widget(line)


def test_a_story_sentence_about_reading_stays() -> None:
    assert not is_reader_widget("도서관은 시민들이 다른 책도 읽을 수 있도록 할 계획이다.")


# ---------------------------------------------------------------- 2. whole pages
END_PAGES = [
    # a donation box cut mid-word by the scraper
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n기사가 마음에 드셨나요?\n\n가나일보 좋은 기사 후원하기\n\n"
    "※ 소중한 후원금은 더 나은 기사를 만",
    # a comment box with its rules, one of them a full sentence, and numbered rules
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n교통 기사\n\n댓글\n\n댓글운영규칙\n"
    "댓글을 입력해 주세요.\n더보기\n약관을 동의해주세요.\n닫기\n"
    "댓글 삭제기준 다음의 경우 미리 알리지 않고 삭제하며 이용이 제한될 수 있습니다.\n"
    "1. 다른 사람의 권리를 해치는 경우\n2. 광고를 올리는 게시물\n3. 욕",
    # a blog's reply form after a re-posted article
    "버스 노선 새로 짠다\n\n"
    + LEAD
    + LAST
    + "\n\nfrom 가나일보 https://example.com/view?id=9\n\nAdvertisements\n\n"
    "답글 남기기\n\n아래 항목을 채우거나 아이콘 중 하나를 클릭하여 로그 인 하세요:\n\n"
    "블로그 계정을 사용하여 댓글을 남깁니다. 로그아웃 / 변경 )\n\n"
    "SNS 계정을 사용하여 댓글을 남깁니다. 로그아웃 / 변경 )",
    # an edition menu run together without spaces
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n광역시 가나도나다도다라도라마도마바도바사도사아도\n"
    "가나시대한뉴스나다시대한뉴스다라시대한뉴스라마시대한뉴스마바시대한뉴스바사시대한뉴스",
    # an aggregator's pointer to similar news, then teasers
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n대한민국 최근 뉴스, 대한민국 헤드 라인\n"
    "Similar News:다른 뉴스 소스에서 모은 비슷한 뉴스 기사를 읽을 수도 있습니다.\n"
    "다른 도시도 노선 개편…내년 초 시행 [교통]새 노선에 시민 반",
]


@pytest.mark.parametrize("page", END_PAGES)
def test_furniture_after_the_article_is_not_body(page: str) -> None:
    article = _clean(page)
    _ends_with_last(article)
    assert not article.captions  # a comment form's "로그아웃 / 변경" is no photo caption


# ---------------------------------------------------------------- 3. a stand-up closed after its sign-off
STAND_UP_PAGES = [
    (
        "◀ANC▶\n새해 첫날 시민들의 소망을\n들어봤습니다.\n◀VCR▶\n해돋이를 보러 나온 시민들은\n"
        '저마다 가족의 건강을 빌었습니다.\n(S/U)\n"올해 시민들이 바라는 것은\n'
        '조금씩 다르지만, 건강과 행복을 비는\n마음은 같았습니다.\nSBS 뉴스 김하늘입니다."',
        "건강과 행복을 비는 마음은 같았습니다.",
        "김하늘",
    ),
    (
        '◀VCR▶\n장마가 시작되면서 농민들은\n배수로를 정비하느라 바쁩니다.\n"비가 그치면 피해 규모를\n'
        '정확히 알 수 있겠지만, 당분간은\n긴장을 늦출 수 없습니다.\nMBC뉴스 박서준입니다."',
        "당분간은 긴장을 늦출 수 없습니다.",
        "박서준",
    ),
    (
        "◀VCR▶\n도심 공원에 꽃이 피기 시작하면서 나들이객이\n크게 늘었습니다.\n"
        "“봄을 기다린 시민들의 발걸음은\n주말 내내 이어질 것으로\n보입니다.\n이수진 기자입니다.”",
        "주말 내내 이어질 것으로 보입니다.",
        "이수진",
    ),
]


@pytest.mark.parametrize(("page", "ending", "reporter"), STAND_UP_PAGES)
def test_a_wrapped_stand_up_is_one_last_paragraph(page: str, ending: str, reporter: str) -> None:
    article = _clean(page)
    assert article.paragraphs[-1].endswith(ending)
    assert not article.headings
    assert [r.name for r in article.reporters] == [reporter]
    assert not any("입니다" in p and reporter in p for p in article.paragraphs)


# ---------------------------------------------------------------- 4. a portal's summary box above the article
BODY_A = (
    "가나구청은 다음 달부터 모든 공영주차장 요금을 30분에 500원으로 내린다고 5일 밝혔다.\n\n"
    "구청은 주차난이 심한 전통시장 주변 주차장 세 곳의 운영 시간도 밤 11시까지 늘린다.\n\n"
    "구청 관계자는 요금 인하로 시장을 찾는 손님이 늘 것으로 기대한다고 설명했다.\n"
)
SUMMARY_PAGES = [
    (
        "공영주차장 요금 내린다\n\n홍길동 입력 2024. 03. 05. 10:00\n\n"
        "가나구청은 다음 달부터 모든 공영주차장 요금을 30분에 500원으로 내린다고 5일 밝혔다.\n\n"
        "구청은 주차난이 심한 전통시장 주변 주차장 세 곳의 운영 시간도 밤 11시까지 늘린다.\n\n"
        "상인회는 이번 조치로 주말 매출이 두 배 가까이 늘 것이라며 반겼다.\n\n"
        "기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다. "
        "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.\n"
        "번역할 언어 선택\n\n" + BODY_A
    ),
    (
        "공영주차장 요금 내린다\n\n"
        "가나구청이 모든 공영주차장 요금을 다음 달부터 30분에 500원으로 내린다.\n"
        "전통시장 주변 주차장 세 곳은 운영 시간을 밤 11시까지 늘린다.\n"
        "이 요약은 인공지능 기술을 활용해 기사 내용을 자동으로 요약한 것입니다.\n\n"
        "기사 도구 모음\n\n" + BODY_A
    ),
    (
        "공영주차장 요금 내린다\n\n"
        "가나구청은 다음 달부터 모든 공영주차장 요금을 30분에 500원으로 내린다.\n\n"
        "구청 관계자는 요금 인하로 시장을 찾는 손님이 늘 것으로 기대한다고 설명했다.\n\n"
        "※ 본 요약은 자동 요약 기술로 만든 것으로 본문과 다를 수 있습니다.\n\n" + BODY_A
    ),
]


@pytest.mark.parametrize("page", SUMMARY_PAGES)
def test_a_summary_box_above_the_article_is_not_body(page: str) -> None:
    article = _clean(page)
    assert article.paragraphs == tuple(p for p in BODY_A.split("\n") if p)
    assert not article.subheadlines


def test_sentences_above_a_disclaimer_that_the_page_does_not_repeat_stay() -> None:
    page = (
        "공영주차장 요금 내린다\n\n" + BODY_A + "\n기사 제목과 주요 문장으로 자동요약한 결과입니다.\n\n"
        "다른 구청도 요금 인하를 검토하고 있다고 한 관계자가 전했다.\n"
    )
    article = _clean(page)
    assert article.paragraphs[:3] == tuple(p for p in BODY_A.split("\n") if p)


# ---------------------------------------------------------------- 5. a body printed twice
REPEATED_PAGES = [
    # the whole body again after the byline the page did not mark
    "[인물] 새 구단주 취임\n"
    "김가나 구단주가 취임한 지 한 달이 지났다.\n"
    "그는 선수단과 매주 만나 의견을 듣고 있다.\n"
    "구단은 올해 유소년 팀을 새로 만들기로 했다.\n"
    "< 박나다 기자 >\n"
    "그는 선수단과 매주 만나 의견을 듣고 있다.\n"
    "구단은 올해 유소년 팀을 새로 만들기로 했다.\n",
    # a paragraph printed again further down, not next to itself
    "새 구단주 취임\n\n"
    "김가나 구단주가 취임한 지 한 달이 지났다.\n\n"
    "그는 선수단과 매주 만나 의견을 듣고 있다.\n\n"
    "구단은 올해 유소년 팀을 새로 만들기로 했다.\n\n"
    "그는 선수단과 매주 만나 의견을 듣고 있다.\n",
    # the copy spaced differently
    "새 구단주 취임\n\n"
    "김가나 구단주가 취임한 지 한 달이 지났다.\n\n"
    "그는 선수단과 매주 만나 의견을 듣고 있다.\n\n"
    "구단은 올해 유소년 팀을 새로 만들기로 했다.\n\n"
    "김가나 구단주가  취임한 지 한 달이 지났다.\n\n"
    "그는 선수단과 매주 만나  의견을 듣고 있다.\n\n"
    "구단은 올해 유소년 팀을 새로 만들기로 했다.\n",
]


@pytest.mark.parametrize("page", REPEATED_PAGES)
def test_a_copy_of_the_body_is_dropped(page: str) -> None:
    article = _clean(page)
    assert article.paragraphs == (
        "김가나 구단주가 취임한 지 한 달이 지났다.",
        "그는 선수단과 매주 만나 의견을 듣고 있다.",
        "구단은 올해 유소년 팀을 새로 만들기로 했다.",
    )


def test_a_copy_takes_its_short_lines_with_it() -> None:
    page = (
        "대변인 브리핑\n\n대변인은 오늘 정례 브리핑에서 새 예산안의 방향을 설명했습니다.\n"
        "장관은 어제 국회에 나와 추가 예산이 필요하다고 말했습니다.\n직접 들어보시죠.\n"
        "장관은 어제 국회에 나와 추가 예산이 필요하다고 말했습니다.\n직접 들어보시죠.\n"
    )
    assert _clean(page).paragraphs == (
        "대변인은 오늘 정례 브리핑에서 새 예산안의 방향을 설명했습니다.",
        "장관은 어제 국회에 나와 추가 예산이 필요하다고 말했습니다.",
        "직접 들어보시죠.",
    )


def test_a_short_answer_said_twice_stays() -> None:
    page = (
        "주민 인터뷰\n\n기자는 주민들에게 새 공원이 마음에 드는지 물었다.\n\n"
        "네, 정말 좋습니다.\n\n다른 주민에게도 같은 질문을 했다.\n\n네, 정말 좋습니다.\n"
    )
    assert _clean(page).paragraphs.count("네, 정말 좋습니다.") == 2


# ---------------------------------------------------------------- 6. a quotation of sentences over lines
QUOTE_LINES_PAGES = [
    '새 앵커 일주일\n그가 9시 뉴스를 맡은 지 일주일이 지났다.\n"생각보다 훨씬 어렵습니다.\n'
    '매일 오후가 되면 긴장이 됩니다.\n그래도 하루하루 배우고 있습니다"\n그는 웃으며 말을 마쳤다.\n',
    "새 감독 첫 훈련\n감독은 첫 훈련을 마치고 선수들을 모았다.\n“오늘은 시작일 뿐입니다.\n"
    "모두 한 걸음씩 나아갑시다”\n선수들은 박수로 답했다.\n",
    '주민 설명회\n구청장은 설명회에서 주민들 앞에 섰다.\n"공사는 내년 봄에 끝납니다.\n'
    '소음은 최대한 줄이겠습니다.\n불편을 드려 죄송합니다."\n주민들은 일정을 다시 물었다.\n',
]


@pytest.mark.parametrize("page", QUOTE_LINES_PAGES)
def test_a_quotation_of_several_sentences_is_one_paragraph(page: str) -> None:
    article = _clean(page)
    assert len(article.paragraphs) == 3
    assert not article.headings
    assert article.paragraphs[1].startswith(('"', "“")) and article.paragraphs[1].endswith(('"', "”"))


# ---------------------------------------------------------------- 7. an article ending without a full stop
RELATED = "관련기사\n<저작권자 ⓒ 가나경제, 무단 전재 및 재배포 금지>"
UNSTOPPED = [
    ("앱 개발자 창업 늘어", "개인 개발자들이 시장에 뛰어들고 있는 것이다", RELATED),
    ("새 노선 운행", "시는 내년부터 노선을 두 배로 늘릴 계획이다", "ⓒ 가나일보 무단전재 금지\n맨 위로"),
    ("공원 새 단장", "구는 공사를 마치는 대로 시민들에게 공원을 돌려준다", "많이 본 뉴스\n1. 다른 기사 제목"),
]
OPENING = "가나시는 올해 새 사업을 시작한다고 3일 밝혔다. 사업비는 모두 20억 원이다."


@pytest.mark.parametrize(("title", "last", "furniture"), UNSTOPPED)
def test_an_article_ending_without_a_full_stop_before_furniture_is_not_truncated(
    title: str, last: str, furniture: str
) -> None:
    article = _clean(f"{title}\n\n{OPENING} {last}\n\n{furniture}\n")
    assert article.paragraphs[-1].endswith(last)
    assert not article.truncated


def test_a_sentence_cut_mid_word_before_furniture_is_still_truncated() -> None:
    page = (
        "경기 전망 어두워\n\n한국은행은 올해 우리나라 경제 성장률 전망을 2.1%로 낮췄다고 밝혔다.\n\n"
        "한은은 수출이 줄었다고 설명했다. 수출 둔화로 내년에도 경기가 어려울 전망입니\n\n" + RELATED + "\n"
    )
    assert _clean(page).truncated


# ---------------------------------------------------------------- 8. a layout table's empty cells
@pytest.mark.parametrize("tail", [" | | |", " |", "  |  | "])
def test_empty_table_cells_after_the_last_sentence_go(tail: str) -> None:
    article = _clean("버스 노선 새로 짠다\n\n" + LEAD + LAST + tail + "\n")
    _ends_with_last(article)


# ---------------------------------------------------------------- 9. readers' comments under the article
COMMENT_PAGES = [
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n댓글 3\n\n바람소리 2024.03.06 09:12\n"
    "드디어 우리 동네에도 버스가 다니네요. 정말 반가운 소식입니다.\n산들강 2024.03.07 11:40\n"
    "배차 간격이 줄어든다니 출근길이 편해지겠어요.\n",
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n전체 댓글 2개\n\n심야 노선이 생긴다니 다행입니다.\n"
    "2024-03-06 18:20\n노선표는 언제 나오나요? 빨리 알려 주세요.\n",
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n댓글쓰기\n\n좋은 소식 감사합니다. 기다리던 노선이에요.\n"
    "작성일 2024.03.08\n",
    # a blog's reply form: its consent line and spam note read as sentences
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\nShare this:\n\n트위터\n\n페이스북\n\n답글 남기기\n\n"
    "다음 번 댓글 작성을 위해 이 브라우저에 이름, 이메일, 웹사이트를 저장합니다.\n\n"
    "이 사이트는 스팸을 줄이는 도구를 사용합니다. 2024-03-09 게시됨\n",
    "버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n독자의견 (2)\n\n"
    "노선이 늘어난다니 반갑습니다.\n2024.03.10\n우리 동네도 포함되면 좋겠네요.\n",
]


@pytest.mark.parametrize("page", COMMENT_PAGES)
def test_readers_comments_under_the_comment_heading_are_not_body(page: str) -> None:
    article = _clean(page)
    _ends_with_last(article)
    assert article.date is None  # a comment's stamp does not date the article


def test_the_articles_dateline_above_the_comments_still_dates_it() -> None:
    comments = COMMENT_PAGES[0].split(LAST, 1)[1]
    article = _clean("버스 노선 새로 짠다\n\n" + LEAD + LAST + "\n\n입력 2024.03.05 10:00" + comments)
    _ends_with_last(article)
    assert str(article.date) == "2024-03-05"


def test_a_comment_counter_under_the_lead_does_not_end_the_article() -> None:
    page = (
        "버스 노선 새로 짠다\n\n가나시는 올해 하반기부터 시내버스 노선 12개를 새로 운영한다고 3일 밝혔다.\n\n"
        "댓글 0\n\n시는 출퇴근 시간대 배차 간격을 10분 이내로 줄이고 심야 노선도 늘린다.\n\n" + LAST + "\n"
    )
    _ends_with_last(_clean(page))


def test_the_same_question_put_to_two_people_stays() -> None:
    page = (
        "시민들에게 물었다\n\n새해를 맞아 시민들에게 올해 소망을 물었다.\n\n"
        "Q. 올해 가장 이루고 싶은 소망은 무엇인가요?\n\nA. 가족 모두 건강하게 지내는 것입니다.\n\n"
        "Q. 올해 가장 이루고 싶은 소망은 무엇인가요?\n\nA. 원하는 회사에 꼭 취업하고 싶습니다.\n"
    )
    assert _clean(page).paragraphs.count("Q. 올해 가장 이루고 싶은 소망은 무엇인가요?") == 2
