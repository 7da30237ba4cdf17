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
        "홈 뉴스 로그인 구독",  # section names beside tools
        "스포츠 연예 검색 바로가기",
    ],
)
def test_a_line_of_navigation_phrases_is_furniture(nav: str) -> None:
    assert bp.boilerplate_reason(nav) in ("skip link", "page tool")
    article = clean_text(f"{nav}\n{HEADLINE}\n{LEAD}\n{QUOTE}")
    assert article.headline == HEADLINE
    assert nav not in article.subheadlines


@pytest.mark.parametrize(
    "line",
    [
        "로그인 후 이용하세요 회원가입",
        "본문 바로가기 기능을 새로 만들었다",
        "뉴스 속보 정부 발표",
        "정치 경제",
        HEADLINE,
    ],
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
        "이 기사는 2025년 2월 26일 사아일보 프리미엄 서비스에 먼저 실렸습니다.",
        "※ 이 기사는 자차일보 유료 구독 서비스 '자차플러스'에 2025년 2월 27일 표출된 기사입니다.",
    ],
)
def test_syndication_notes_are_furniture(note: str) -> None:
    page = f"{HEADLINE}\n박민수 기자\n2025.02.27 14:03:11\n{LEAD}\n{QUOTE}\n{note}"
    article = clean_text(page)
    assert article.paragraphs == (LEAD, QUOTE)
    assert [r.name for r in article.reporters] == ["박민수"]
    assert article.date is not None and article.date.isoformat() == "2025-02-27"
    assert article.headline == HEADLINE


# ---------------------------------------------------------------- 3. one long paragraph, cut by the scraper
LONG = (
    "산골 마을의 폐교가 주민 공방으로 다시 태어났다. 교실 네 칸은 목공방과 "
    "도자기 작업실로 바뀌었다. 운동장에는 주민들이 함께 가꾸는 텃밭이 생겼다. "
    "공방을 처음 제안한 사람은 귀촌한 지 오 년 된 목수였다. 그는 비어 있는 "
    "학교를 볼 때마다 아까운 마음이 들었다고 했다. 마을 회의에서 뜻을 모으는 "
    "데는 일 년이 걸렸다. 군청은 낡은 지붕과 배관을 고치는 비용을 보탰다. "
    "주민들은 주말마다 모여 벽을 칠하고 바닥을 닦았다. 문을 연 첫 달에만 이웃 "
    "마을에서 이백 명이 넘는 사람이 찾아왔다. 아이들은 나무로 의자를 만들고 "
    "어른들은 그릇을 빚었다. 공방은 다음 달부터 도시 주민을 위한 주말 체험 "
    "과정을 연다. 수익은 공방을 꾸리는 데 쓰고 남는 돈은 마을 어르신들의 "
    "난방비로 보탤 계획이다. 목수는 학교가 다시 사람들로 북적이는 것을 보니 "
    "꿈만 같다고 말했다. 군청은 다른 폐교 두 곳에도 같은 방식을 적용할 수 "
    "있을지 살펴보고 있다. 다만 공방을 오래 지키려면 젊은 사람들이 마을에 "
    "자리를 잡아야 한다는 목소리도 나온다. 주민들은 빈집을 고쳐 젊은 가족에게 "
    "싸게 빌려주는 방안을 함께 논의하고 있으며 내년 봄까지 구체적인 계획을 "
    "마련해 군청에 제안하기로 뜻을 모았다고 전했는데 이 계획이 실현되려면 예산 "
    "확"
)
TITLE = "폐교가 주민 공방으로…산골 마을에 다시 사람 모여"


@pytest.mark.parametrize(
    "page",
    [
        f"{TITLE}\n{LONG}",  # sentences separated by spaces
        f"{TITLE}\n\n{LONG.replace('다. ', '다.')}",  # glued without spaces, as some scrapers store them
        f"마을 소식\n{TITLE}\n{LONG}\n",  # a section label above the title
    ],
)
def test_a_lone_long_paragraph_cut_mid_word_is_the_body(page: str) -> None:
    article = clean_text(page)
    assert article.headline == TITLE
    text = " ".join(article.paragraphs)
    assert text.startswith("산골 마을의 폐교가")
    assert text.endswith("예산 확")
    assert article.truncated
    assert bp.is_running_prose(LONG) and not bp.is_running_prose(TITLE)


# ---------------------------------------------------------------- 2. menu bars decided by shape
@pytest.mark.parametrize(
    "menu",
    [
        "홈 스토리 피플 트렌드 여행 레시피",
        "소식 모임 장터 갤러리 자료실",
        "동네 맛집 공연 전시 캠핑",
        "Home 브랜드 매장 이벤트 고객센터",
        "정치 경제 사회 국제 문화 스포츠 연예 과학 오피니언 포럼 랭킹",  # eleven words
    ],
)
def test_a_bar_of_bare_short_words_is_never_the_headline(menu: str) -> None:
    assert bp.is_menu_shaped(menu)
    article = clean_text(f"{menu}\n{HEADLINE}\n{LEAD}\n{QUOTE}")
    assert article.headline == HEADLINE
    assert menu not in article.subheadlines
    alone = clean_text(f"{menu}\n\n{LEAD}\n{QUOTE}")  # five words or more: a menu even with no other title
    assert alone.headline != menu or len(menu.split()) < 5


@pytest.mark.parametrize(
    "headline",
    [
        "정부가 내일 부동산 대책 발표",  # a particle
        "시, 출퇴근 버스 증편 결정",  # punctuation
        "기준금리 3.5% 동결",  # a number
        "새 도서관 문 열었다",  # a verb ending
        "하천 둑 일부 무너져",  # a verb ending without a full stop
        HEADLINE,
    ],
)
def test_headlines_are_not_menu_shaped(headline: str) -> None:
    assert not bp.is_menu_shaped(headline)
    assert clean_text(f"{headline}\n{LEAD}\n{QUOTE}").headline == headline


# ---------------------------------------------------------------- 6. broadcast video pages
def _video_page(title: str, context: list[str], bites: list[tuple[str, str]], closing: str) -> str:
    lines = [title, title, "입력 2025-03-14 19:20 | 수정 2025-03-14 19:40", "재생목록"]
    lines += [f"    {line}" for line in context]
    for label, said in bites:
        lines += [label, said]
    return "\n".join([*lines, closing]) + "\n"


VIDEO_PAGES = [
    (
        "법원, 전직 구청장 뇌물 혐의 1심 유죄",
        ["2025년 3월 14일", "나라지방법원", "전 구청장 징역 3년", "뇌물 2억 원 인정", '"업자 편의 봐줬다"'],
        [
            ("[김철수/전 구청장]", '"재판부 판단을 존중하지만 항소하겠습니다."'),
            ("[이영희/나라지방법원 공보판사]", '"뇌물을 받은 사실이 충분히 입증됐다고 봤습니다."'),
        ],
        "재판부는 전 구청장에게 징역 3년과 벌금 2억 원을 선고했다.",
    ),
    (
        "폭우에 하천 범람…주민 120명 대피",
        ["3월 14일 밤", "가나군 다라천", "하천 둑 일부 무너져", "주민 120명 대피", "인명 피해 없어"],
        [
            ("[박영수 / 가나군 주민]", "“물이 순식간에 마당까지 들어왔어요.”"),
            ("[최민지 / 가나군청 재난안전과장]", "“둑 복구를 밤새 서두르고 있습니다.”"),
        ],
        "군은 이재민들에게 임시 숙소와 식사를 제공하고 있다.",
    ),
    (
        "새벽 화재로 창고 두 동 전소",
        ["오늘 새벽", "마바시 물류단지", "창고 두 동 불타", "소방관 80명 투입", "화재 원인 조사 중"],
        [("[정우성/마바소방서 대응팀장]", '"불길이 강해 진화에 세 시간이 걸렸습니다."')],
        "소방 당국은 전기 합선 가능성을 살펴보고 있다.",
    ),
]


@pytest.mark.parametrize(("title", "context", "bites", "closing"), VIDEO_PAGES)
def test_broadcast_video_page(title: str, context: list[str], bites: list, closing: str) -> None:
    article = clean_text(_video_page(title, context, bites, closing))
    assert article.headline == title
    assert article.paragraphs[0] == bites[0][0]  # the body starts at the first speaker label
    assert article.paragraphs[1] == bites[0][1]
    assert article.paragraphs[-1] == closing
    assert title not in article.paragraphs and "재생목록" not in article.paragraphs
    assert set(context[1:]) <= set(article.subheadlines)  # the short context lines head the page
    assert article.date is not None and article.date.isoformat() == "2025-03-14"
    if len(bites) >= 2:
        assert article.kind == "broadcast"


# ---------------------------------------------------------------- 4. listings separated by date stamps
TEASERS = [
    "시립미술관이 지역 작가 스무 명의 작품을 모은 가을 기획전을 열었다. 전시는 두 달 동안 이어진다...",
    "시는 하천 산책로 3km 구간에 야간 조명을 새로 달았다고 밝혔다. 주민 요청이 이어진 데 따른 것이다...",
    "교육청은 청소년 진로 박람회를 열고 직업 체험 부스 마흔 곳을 운영했다. 학생 삼천 명이 다녀갔다...",
    "시는 전통시장 두 곳에 공영 주차장을 새로 짓는다고 밝혔다. 내년 봄에 완공될 예정이다...",
]
STAMPS = [("09.11", "2025"), ("09.10", "2025"), ("09.09", "2025"), ("09.08", "2025")]


def _listing(layout: str) -> str:
    lines = ["지역 소식 모아보기"]
    for (day, year), teaser in zip(STAMPS, TEASERS, strict=True):
        if layout == "split":
            lines += [day, year, teaser]
        elif layout == "one line":
            lines += [f"{year}.{day}", teaser]
        else:  # the stamp after the teaser
            lines += [teaser, f"{year}-{day.replace('.', '-')}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", ["split", "one line", "after"])
def test_teasers_separated_by_date_stamps_are_a_listing(layout: str) -> None:
    from brief.clean.kinds import listing_items

    items = listing_items(_listing(layout).split("\n"))
    assert items is not None and len(items) == 4
    texts = [" ".join(body) for _, body in items]
    assert texts[1:] == TEASERS[1:]
    assert texts[0].endswith(TEASERS[0])  # the page's own title stays with the first teaser printed above it


def test_a_dated_listing_is_split_or_skipped_with_the_reason(tmp_path) -> None:
    from brief.clean.document import clean_document, clean_page
    from brief.errors import InputError
    from brief.ingest import read_document

    page = tmp_path / "listing.txt"
    page.write_text(_listing("split"), encoding="utf-8")
    articles = clean_page(read_document(page))
    assert [a.kind for a in articles] == ["listing"] * 4
    assert articles[1].paragraphs == (TEASERS[1],)
    with pytest.raises(InputError, match="listing page, 4 teasers"):
        clean_document(read_document(page))


def test_an_article_with_a_dated_list_of_titles_is_no_listing() -> None:
    from brief.clean.kinds import listing_items

    related = [
        "2025.09.10",
        "시립미술관 가을 기획전 열려",
        "2025.09.09",
        "하천 산책로에 조명",
        "2025.09.08",
        "진로 박람회",
    ]
    page = [HEADLINE, LEAD, QUOTE, LEAD.replace("15일", "16일"), *related]
    assert listing_items(page) is None
    assert clean_text("\n".join(page)).paragraphs[0] == LEAD


# ---------------------------------------------------------------- 5. a machine summary above its disclaimer
STORY = [
    "바다시는 섬 지역을 잇는 새 여객선이 다음 달 취항한다고 밝혔다. "
    "새 여객선은 기존 배보다 두 배 많은 승객을 태운다.",
    "시는 여객선 운항 횟수도 하루 네 번에서 여섯 번으로 늘린다.",
    '시 관계자는 "섬 주민들의 불편이 크게 줄 것"이라고 말했다.',
]
SUMMARY = [
    "새 여객선이 다음 달 취항한다.",
    "기존 배보다 두 배 많은 승객을 태운다.",
    "운항 횟수도 하루 여섯 번으로 늘린다.",
]
DISCLAIMER = (
    "이 요약은 인공지능 기술로 기사 내용을 세 줄로 요약한 결과입니다. "
    "일부 내용이 빠져 있을 수 있으니 본문 전체를 읽어 주세요."
)


@pytest.mark.parametrize(
    "box",
    [
        [*SUMMARY, DISCLAIMER],
        ["AI 요약", *SUMMARY, DISCLAIMER, "이 콘텐츠를 공유하세요."],
        ["", *SUMMARY[:2], "", DISCLAIMER, "이 기사를 친구에게 공유해 보세요."],
    ],
)
def test_a_summary_box_at_the_end_is_no_body(box: list[str]) -> None:
    article = clean_text("\n".join(["여객선 새로 뜬다", *STORY, *box]))
    assert article.paragraphs == tuple(STORY)


def test_a_new_last_paragraph_above_a_disclaimer_stays() -> None:
    last = "한편 시는 내년에 여객선 터미널도 새로 짓기로 했다."
    article = clean_text("\n".join(["여객선 새로 뜬다", *STORY, last, DISCLAIMER]))
    assert article.paragraphs == (*STORY, last)


@pytest.mark.parametrize("lone", ["홍보팀", "정책기획과", "문의처 안내"])
def test_a_lone_short_line_under_the_headline_is_no_sub_headline(lone: str) -> None:
    article = clean_text(f"{HEADLINE}\n\n{lone}\n\n{LEAD}\n{QUOTE}")
    assert article.headline == HEADLINE
    assert lone not in article.subheadlines


def test_a_syndication_note_dates_nothing() -> None:
    note = "이 기사는 2025년 2월 26일 사아일보 프리미엄 서비스에 먼저 실렸습니다."
    article = clean_text(f"{HEADLINE}\n{note}\n{LEAD}\n{QUOTE}")
    assert article.date is None
    assert article.paragraphs == (LEAD, QUOTE)


@pytest.mark.parametrize("field", ["기자명 박민수", "• 기자명 박민수", "작성기자: 박민수"])
def test_a_reporter_field_names_the_reporter(field: str) -> None:
    article = clean_text(f"{HEADLINE}\n{field}\n입력 2025.02.27 14:03\n{LEAD}\n{QUOTE}")
    assert [r.name for r in article.reporters] == ["박민수"]
    assert article.subheadlines == ()
    assert article.paragraphs == (LEAD, QUOTE)
