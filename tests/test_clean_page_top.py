"""The top of a page: which line is the headline, where the body starts (synthetic pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.clean import clean_text
from brief.clean.document import clean_page
from brief.clean.layout import repair_layout
from brief.records import RawDocument

# a lead sentence hard-wrapped over three short lines, no title on the page: one paragraph, no headline
WRAPPED_LEADS = [
    (
        "예산안 처리 시한을 앞두고\n시의회 의장이 교섭단체 대표를 불러\n심사 일정을 조율합니다.\n \n"
        "의장은 예산안을 기한 안에 처리해야 한다며\n협조를 당부했습니다.\n \n홍길동 기자 / hong@example.com",
        "예산안 처리 시한을 앞두고 시의회 의장이 교섭단체 대표를 불러 심사 일정을 조율합니다.",
    ),
    (
        "장마철 집중호우에 대비해\n소방당국이 하천 주변 주민들을 찾아\n대피 요령을 안내하고 있습니다.\n \n"
        "당국은 비가 많이 내리는 날에는\n하천 산책로 이용을 자제해 달라고\n당부했습니다.\n",
        "장마철 집중호우에 대비해 소방당국이 하천 주변 주민들을 찾아 대피 요령을 안내하고 있습니다.",
    ),
    (
        "새 학기가 시작되면서\n교육청이 통학로 안전 점검에 나서\n어린이 보호구역 시설을 살폈다.\n\n"
        "교육청은 점검 결과를 바탕으로\n부족한 시설을 보완하겠다고 밝혔다.\n",
        "새 학기가 시작되면서 교육청이 통학로 안전 점검에 나서 어린이 보호구역 시설을 살폈다.",
    ),
]


@pytest.mark.parametrize(("page", "first"), WRAPPED_LEADS)
def test_wrapped_lead_sentence_is_the_body_not_a_title(page: str, first: str) -> None:
    article = clean_text(page)
    assert article.headline is None
    assert article.paragraphs[0] == first


# a title block over a lead stays a title block: no case particle in the title's lines
TITLE_OVER_LEAD = [
    "시의회 예산안 처리 앞두고\n교섭단체 대표 회동\n의장은 예산 심사 일정을 조율합니다.",
    "장마 대비 하천 점검\n주민 대피 요령 안내\n소방당국은 주민들을 찾아 대피 요령을 안내했다.",
    "통학로 안전 점검 나서\n보호구역 시설 보완\n교육청은 시설을 보완하겠다고 밝혔다.",
]


@pytest.mark.parametrize("page", TITLE_OVER_LEAD)
def test_title_lines_without_particles_are_not_joined_to_the_lead(page: str) -> None:
    lead = page.split("\n")[-1]
    assert repair_layout(page).split("\n")[-1] == lead


# a board's "X/Y" category glued before a bracketed title is not part of the headline
CATEGORY_TITLES = [
    ('기사/뉴스 [속보] 가나시 "내년 버스 요금 동결"', '[속보] 가나시 "내년 버스 요금 동결"'),
    ("정치/사회 【단독】 나라당 새 대표 선출 임박", "【단독】 나라당 새 대표 선출 임박"),
    ("연예/방송 [포토] 배우 홍길동, 새 드라마 제작발표회", "[포토] 배우 홍길동, 새 드라마 제작발표회"),
]
BODY = (
    "가나시는 10일 내년 시내버스 요금을 올해와 같은 수준으로 유지하겠다고 밝혔다. "
    "시는 물가 부담을 덜기 위한 조치라고 설명했다."
)


@pytest.mark.parametrize(("title", "headline"), CATEGORY_TITLES)
def test_board_category_before_the_title_is_dropped(title: str, headline: str) -> None:
    article = clean_text(f"{title}\n\n{BODY}")
    assert article.headline == headline
    assert any(r.reason == "category label" for r in article.removed)


def test_slash_in_a_title_without_a_bracket_stays() -> None:
    article = clean_text(f"가나/다라 두 도시 교류 협약 체결\n\n{BODY}")
    assert article.headline == "가나/다라 두 도시 교류 협약 체결"


# a brief that prints its text first, then its title and its "입력" line: the title is the headline
TITLES_BELOW = [
    f"{BODY}\n[지역 소식] 가나시, 버스 요금 동결\n입력 2021-03-05 10:20",
    f"{BODY}\n\n가나시 내년 버스 요금 올해 수준 유지\n\n등록 2022.11.30 09:00\n",
    f"{BODY}\n[단신] 시내버스 요금 동결 결정\n기사입력 2020-01-07 17:45\n무단 전재 및 재배포 금지",
]


@pytest.mark.parametrize("page", TITLES_BELOW)
def test_title_printed_below_a_short_body_is_the_headline(page: str) -> None:
    article = clean_text(page)
    title = page.split("\n")[1] or page.split("\n")[2]
    assert article.headline == title
    assert all(title not in p for p in article.paragraphs)
    assert article.date is not None


@pytest.mark.parametrize("label", ["다음 기사", "이전기사", "관련기사"])
def test_another_story_linked_below_the_text_is_no_headline(label: str) -> None:
    article = clean_text(f"{BODY}\n{label}\n다라시 택시 요금 인상\n입력 2021-03-05 10:20")
    assert article.headline is None


def test_title_below_is_not_taken_when_a_title_stands_above() -> None:
    article = clean_text(f"가나시 버스 요금 동결\n\n{BODY}\n다라시 택시 요금 인상\n입력 2021-03-05 10:20")
    assert article.headline == "가나시 버스 요금 동결"


# a banner that links elsewhere ("… 바로가기") above the title is furniture, not the headline
BANNERS = [
    "2025 시민 정책 박람회 바로가기",
    "가나시 새해 업무계획 보고회 생중계 바로가기",
    "전국 축제 안내 특별 페이지 바로 가기",
]


@pytest.mark.parametrize("banner", BANNERS)
def test_banner_link_above_the_title_is_not_the_headline(banner: str) -> None:
    article = clean_text(f"{banner}\n\n가나시 버스 요금 동결\n등록일 : 2021.03.05\n\n{BODY}")
    assert article.headline == "가나시 버스 요금 동결"
    assert banner not in article.subheadlines


# a listing whose items stand between separator lines: a title over a teaser cut with "..."
def _listing(separator: str, label: str) -> str:
    items = [
        (
            "시장 골목 살리는 청년 상인들",
            "전통시장에 젊은 상인들이 모여듭니다. 빈 점포를 채운 가게들을 둘러봤습니다. 골목 안쪽으로 ...",
        ),
        (
            "도심 하천 되살린 주민 모임",
            "주민들이 직접 하천 청소에 나섰습니다. 물고기가 돌아온 하천을 찾아가 봤습니다. 다리 아래에는...",
        ),
        (
            "폐교가 마을 도서관으로",
            "문을 닫은 초등학교가 도서관으로 바뀌었습니다. 아이들의 웃음소리가 다시 들립니다. 교실 한쪽에는…",
        ),
        (
            "겨울철 독거노인 돌봄 나선 봉사단",
            "추위가 닥치면서 홀로 사는 어르신들의 걱정이 커지고 있습니다. 봉사단이 집집마다 ...",
        ),
    ]
    parts = ["뉴스 홈", "지역 소식"]
    for title, teaser in items:
        parts += [separator, title, label, *teaser.replace(". ", ".\n").split("\n")]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("separator", "label"), [("-", "홍길동 앵커>"), ("----------", "[앵커]"), ("* * *", "")]
)
def test_separated_teasers_are_a_listing(separator: str, label: str) -> None:
    text = _listing(separator, label)
    raw = RawDocument(path=Path("page.txt"), text=text, encoding="utf-8", media_type="text", size=len(text))
    [page] = clean_page(raw, split_listings=False)
    assert page.kind == "listing"
    assert page.headline is None
    titles = [h.text for h in page.headings]
    assert "시장 골목 살리는 청년 상인들" in titles and "폐교가 마을 도서관으로" in titles
    assert not any("청년 상인들" in p for p in page.paragraphs)


def test_sections_between_separators_without_cut_teasers_are_one_article() -> None:
    page = "\n".join(
        [
            "가나시 새해 예산 확정",
            "시의회는 20일 본회의를 열어 새해 예산안을 의결했다.",
            "-",
            "복지 예산 늘어",
            "복지 분야 예산은 지난해보다 8% 늘었다. 노인 일자리 사업이 크게 늘었다.",
            "-",
            "도로 예산 줄어",
            "도로 분야 예산은 지난해보다 5% 줄었다. 대형 공사가 끝났기 때문이다.",
            "-",
            "교육 예산 유지",
            "교육 분야 예산은 지난해 수준을 유지했다. 시는 학교 시설 개선에 힘쓸 계획이다.",
        ]
    )
    article = clean_text(page)
    assert article.kind != "listing"
    assert article.headline == "가나시 새해 예산 확정"


# a Q&A page that opens with a speaker's label: no headline; short answers stay in the body
QA_PAGES = [
    "[홍길동 / 대학생]\nQ. 오늘 날씨 어때요?\n춥죠.\nQ. 어디 가세요?\n도서관에 갑니다.\n"
    "[김영희 / 회사원]\n글쎄요…\nQ. 점심은 드셨어요?\n아직 못 먹었어요. 회의가 길어져서요.",
    "[박철수 / 시장 상인]\n문: 요즘 장사는 어떠세요?\n힘들어요.\n문: 손님이 줄었나요?\n절반은 줄었습니다.\n"
    "[이순자 / 손님]\n비싸요…\n문: 무엇이 제일 올랐나요?\n채소값이 많이 올랐어요. 배추 한 포기가 두 배예요.",
    "[최민수 / 고등학생]\nQ) 수능 끝나면 뭐 할 거예요?\n여행이요!\nQ) 어디로요?\n제주도요.\n"
    "[정하나 / 학부모]\n그냥 쉬었으면…\nQ) 자녀에게 한마디 해 주세요.\n고생 많았다. 이제 푹 쉬어라.",
]


@pytest.mark.parametrize("page", QA_PAGES)
def test_qa_page_opening_with_a_speaker_label(page: str) -> None:
    article = clean_text(page)
    lines = page.split("\n")
    assert article.headline is None
    assert article.paragraphs[0] == lines[1]
    assert article.headings[0].text == lines[0] and article.headings[0].before == 0
    assert lines[2] in article.paragraphs  # the short answer after the question
    assert lines[6] in article.paragraphs  # the answer right after a speaker's label
    assert article.paragraphs[-1] == lines[-1]


def test_label_over_a_quoted_bite_stays_a_paragraph() -> None:
    page = (
        '시장 상인들 "손님 줄었다"\n\n물가가 오르면서 전통시장 손님이 줄고 있습니다.\n'
        '[박철수 / 시장 상인]\n"작년보다 손님이 절반은 줄었습니다."\n상인들은 대책을 요구했습니다.'
    )
    article = clean_text(page)
    assert "[박철수 / 시장 상인]" in article.paragraphs


# a feed copy: title, an English time stamp and the text on one short line
FEED_LINES = [
    ('가나FC 감독 "끝까지 간다"', "Oct 30th 2011, 08:57 |"),
    ("시청 앞 광장 새 단장 마쳐", "March 3rd 2015, 14:20 |"),
    ("다라시 버스 노선 개편", "Dec 1 2019 |"),
]


@pytest.mark.parametrize(("title", "stamp"), FEED_LINES)
def test_feed_line_is_cut_at_its_english_time_stamp(title: str, stamp: str) -> None:
    text = "가나시는 새 계획을 내놓았다.시는 다음 달부터 시행한다고 밝혔다. 시민들의 반응은 엇갈렸다."
    article = clean_text(f"{title} {stamp} {text}\n|\n")
    assert article.headline == title
    assert article.paragraphs[0] == text


# a forum post: its title, its header fields, the title again over the text
FORUM_POSTS = [
    ("[펌]요즘 읽는 뉴스 정리 사이트 모음.", "나그네12 작성일 21.03.05 10:20:11\n댓글 2조회 512추천 1"),
    ("[공유] 동네 도서관 새 단장 소식", "책벌레 | 2022.11.30 09:00\n조회 1,203"),
    ("가나시 버스 노선 개편 정리했습니다.", "글쓴이 : 버스덕후\n추천 5 · 비추천 0\n2020-01-07 17:45"),
]
POST_TEXT = "시내버스 노선이 다음 달부터 바뀐다. 시는 출퇴근 시간 배차 간격을 줄이겠다고 밝혔다."


@pytest.mark.parametrize(("title", "fields"), FORUM_POSTS)
def test_forum_post_title_printed_twice_is_the_headline(title: str, fields: str) -> None:
    plain = title.removeprefix("[펌]").removeprefix("[공유] ")
    article = clean_text(f"{title}\n\n{fields}\n\n{plain}\n\n{POST_TEXT}")
    assert article.headline == title
    assert article.paragraphs == (POST_TEXT,)
    assert article.kind == "forum"


def test_a_sentence_repeated_in_the_text_is_no_post_title() -> None:
    page = f"{POST_TEXT}\n\n2021.03.05\n\n{POST_TEXT}"
    article = clean_text(page)
    assert article.paragraphs[0] == POST_TEXT


# ---------------------------------------------------------------- kinds of broadcast pages
SCRIPTS = [
    "◀ANC▶\n시내 곳곳에서 새해 해맞이 행사가 열렸습니다.\n◀VCR▶\n시민들은 이른 새벽부터 산에 올랐습니다.\n"
    "해가 뜨자 곳곳에서 환호가 터졌습니다.",
    "홍길동 앵커>\n장마가 시작됐습니다.\n김영희 기자>\n하천 주변 산책로가 통제됐습니다.\n"
    "주민들은 불편을 호소했습니다.",
    "【 앵커 】\n전통시장에 손님이 줄고 있습니다.\n【 기자 】\n상인들은 매출이 절반으로 줄었다고 말합니다.\n"
    "시는 지원책을 검토하고 있습니다.",
]


@pytest.mark.parametrize("page", SCRIPTS)
def test_script_marks_make_a_broadcast(page: str) -> None:
    assert clean_text(page).kind == "broadcast"


READ_OUT = [
    "정부가 내년 예산안을 확정했습니다.\n복지 예산이 크게 늘었습니다.\n"
    "국회는 다음 달 심사에 들어갑니다.\n홍길동 기자 / hong@example.com",
    "가나시가 새 버스 노선을 발표했습니다.\n출퇴근 시간 배차 간격이 줄어듭니다.\n"
    "시민들의 반응은 엇갈립니다.\n김영희 기자 kim@example.com",
    "첫눈이 내렸습니다.\n도로 곳곳이 얼어붙었습니다.\n"
    "출근길 교통 안전에 유의하셔야겠습니다.\n박철수 기자 park@example.com",
]


@pytest.mark.parametrize("page", READ_OUT)
def test_a_signed_report_read_out_is_a_broadcast(page: str) -> None:
    assert clean_text(page).kind == "broadcast"
    printed = page.replace("습니다.", "다.").replace("집니다.", "진다.")
    assert clean_text(printed).kind == "article"


def test_sound_bite_labels_are_no_interview_turns() -> None:
    bites = "".join(
        f'주민들의 의견을 들어봤습니다.\n▶ 인터뷰 : {name} / 주민\n- "{said}"\n'
        for name, said in (("홍길동", "좋아요."), ("김영희", "불편해요."), ("박철수", "잘 모르겠어요."))
    )
    article = clean_text(f"새 버스 노선 첫날\n\n시가 새 버스 노선을 시작했습니다.\n{bites}")
    assert article.kind == "broadcast"


# the title right above the article's dateline wins over a banner that page text parts from it
PROMOS = [
    "2025 시민 정책 박람회 개막\n\n공통뷰\n\n가나시, 버스 요금 동결\n등록일 : 2021.03.05\n미니플레이",
    "연말 특집 생방송 안내\n\n위젯영역\n\n가나시, 버스 요금 동결\n입력 2021.03.05 10:20",
    "새해 업무보고 특별 페이지\n광고\n\n재생목록보기\n\n가나시, 버스 요금 동결\n\n등록 2021-03-05",
]


@pytest.mark.parametrize("top", PROMOS)
def test_title_over_the_dateline_wins_over_a_parted_banner(top: str) -> None:
    article = clean_text(f"{top}\n\n{BODY}")
    assert article.headline == "가나시, 버스 요금 동결"
    assert article.subheadlines == ()


def test_subheadline_over_the_dateline_stays_under_its_headline() -> None:
    page = f"가나시, 버스 요금 동결\n물가 부담 덜기 위해 올해 요금 유지\n입력 2021.03.05 10:20\n\n{BODY}"
    article = clean_text(page)
    assert article.headline == "가나시, 버스 요금 동결"
    assert article.subheadlines == ("물가 부담 덜기 위해 올해 요금 유지",)


@pytest.mark.parametrize(
    "answers",
    [
        ["= 네, 많이 기다렸다.", "= 학교 신문사에서 일했다. 올해 졸업한다.", "= 기자가 되고 싶다."],
        ["= 처음엔 어려웠다.", "= 지금은 익숙하다. 동료들이 도와줬다.", "= 계속할 생각이다. (웃음)"],
        ["= 주말마다 산에 간다.", "= 건강 때문이다.", "= 다음 달에는 지리산에 오른다. 벌써 설렌다."],
    ],
)
def test_answers_marked_with_equals_make_an_interview(answers: list[str]) -> None:
    intro = "이번 주 독자 인터뷰의 주인공은 대학생 독자다. 그는 신청서에 긴 사연을 적어 보냈다."
    assert clean_text("\n".join([intro, *answers])).kind == "interview"


@pytest.mark.parametrize(
    "bites",
    [
        (
            "[홍길동/가나시장 (어제): 시민만 보고 가겠습니다]",
            "[김영희/다라당 대표 (지난 3일): 겸손하게 하겠습니다]",
        ),
        ("[박철수/주민 (영상 인터뷰): 너무 불편해요]", "[이순자/상인: 손님이 줄었어요]"),
        ("[최민수/가나대 교수: 대책이 시급합니다]", "[정하나/학부모 (지난달): 아이들이 걱정입니다]"),
    ],
)
def test_labelled_bites_with_a_colon_after_the_role_make_a_broadcast(bites: tuple[str, str]) -> None:
    page = "\n".join(
        ["시민들의 반응은 엇갈렸다.", bites[0], "정치권도 반응했다.", bites[1], "논란은 이어질 전망이다."]
    )
    article = clean_text(page)
    assert article.kind == "broadcast"
    assert all(bite in article.paragraphs for bite in bites)  # speech, never a heading


def test_news_title_printed_twice_around_its_byline_is_no_forum_post() -> None:
    title = "가나시, 버스 요금 동결…물가 부담 고려"
    page = f"{title}\n홍길동 기자\n2021.03.05 10:20\n\n{title}\n\n{BODY}"
    article = clean_text(page)
    assert article.headline == title
    assert article.kind != "forum"
    assert article.paragraphs[0] == BODY
