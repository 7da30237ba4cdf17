"""Body text that the cleaner must keep on scraped pages: items of a roundup of remarks ("○…\"…\" = …"),
a remark on a line of its own over the line that names its speaker, a wire's opening line that goes on
after "기자 =" (with a photo's date and e-mail after it), a paragraph after photo captions credited to a
press pool, a last paragraph cut after a whole quoted remark, and transcript turns. Every page here is
written for the test."""

from __future__ import annotations

import pytest

from brief.clean import clean_text
from brief.clean.boilerplate import boilerplate_reason
from brief.records import Article


def _clean(page: str) -> Article:
    return clean_text(page)


def _removed(article: Article, reason: str) -> list[str]:
    return [r.text for r in article.removed if r.reason == reason]


# ---------------------------------------------------------------- 1. a roundup column of remarks
ROUNDUP_PAGES = [
    (
        '[말말말] 장관들 "예산은 충분하다"\n\n'
        "11일 정부 합동 회견에서 장관들이 한 말들을 모았다.\n\n"
        '○…"예산은 충분하다" = 김민호 장관이 재원 질문에 답하며.\n\n'
        '○…"일정은 반드시 지키겠다" = 박서준 차관이 기자들의 질문에 답하며.\n\n'
        '○…"그건 다음에 말씀드리겠다" = 이수진 장관이 추가 질문을 받고.\n',
        3,
    ),
    (
        "국감장 말말말\n\n"
        "14일 국정감사에서 나온 말들이다.\n"
        "○…“답변 태도가 그게 뭡니까” = 한 의원이 기관장의 답변을 끊으며 한 말.\n"
        "○…“자료는 내일까지 내겠다” = 기관장이 고개를 숙이며.\n",
        2,
    ),
    (
        "선거 유세 현장\n\n"
        "주말 유세에서 후보들이 쏟아낸 말을 정리했다.\n\n"
        '◇…"시민만 보고 가겠다" = 최윤아 후보가 광장 유세에서.\n\n'
        '◇…"끝까지 지켜봐 달라" = 정도윤 후보가 시장 상인들을 만나.\n\n'
        "두 후보는 다음 주 토론회에서 맞붙는다.\n",
        2,
    ),
]


@pytest.mark.parametrize(("page", "items"), ROUNDUP_PAGES)
def test_roundup_items_are_body_paragraphs(page: str, items: int) -> None:
    article = _clean(page)
    kept = [p for p in article.paragraphs if " = " in p]
    assert len(kept) == items
    assert all(("“" in p or '"' in p) for p in kept)
    assert not any(" = " in h.text for h in article.headings)
    assert not any(" = " in r.text for r in article.removed)


def test_a_marked_section_heading_stays_a_heading() -> None:
    page = (
        "시 예산안 발표\n\n시는 내년 예산안을 7일 발표했다.\n\n"
        "○ 복지 예산 늘어\n\n복지 분야 예산은 올해보다 8% 늘었다.\n"
    )
    article = _clean(page)
    assert [h.text for h in article.headings] == ["복지 예산 늘어"]


# ------------------------------------------------------------ 2. a remark over the line naming its speaker
REMARK_PAGES = [
    (
        "대표팀 훈련 첫날\n\n대표팀이 12일 첫 소집 훈련을 했다.\n\n"
        '"끝까지 뛰자"\n'
        "주장 박민이 경기 전 이렇게 말했다. 선수들은 박수로 답했다.\n",
        '"끝까지 뛰자"',
    ),
    (
        "감독 기자회견\n\n평가전을 하루 앞두고 기자회견이 열렸다.\n"
        "“완장은 내가 차도 되지 않나”\n"
        "대표팀 정우진 감독의 말. 주장 선임을 두고 농담을 던졌다.\n",
        "“완장은 내가 차도 되지 않나”",
    ),
    (
        "구청장 현장 점검\n\n구청장이 13일 공사 현장을 찾았다.\n\n"
        '"안전이 먼저입니다"\n\n'
        "현장을 둘러본 한지수 구청장은 작업자들에게 이같이 당부했다.\n",
        '"안전이 먼저입니다"',
    ),
]


@pytest.mark.parametrize(("page", "remark"), REMARK_PAGES)
def test_a_remark_over_its_speaker_is_a_paragraph(page: str, remark: str) -> None:
    article = _clean(page)
    assert remark in article.paragraphs
    assert remark not in [h.text for h in article.headings]


def test_a_quoted_section_heading_over_plain_text_stays_a_heading() -> None:
    page = (
        "청년 정책 인터뷰\n\n김 대표는 7일 청년 정책을 발표했다.\n\n"
        '"청년 일자리부터"\n\n'
        "새 정책의 첫 항목은 청년 고용 지원이다. 예산은 2조원이다.\n"
    )
    article = _clean(page)
    assert '"청년 일자리부터"' in [h.text for h in article.headings]


# ------------------------------------------------------------ 3. a wire's opening line after "기자 ="
WIRE_OPENINGS = [
    (
        '(부산=연합뉴스) 최나래 기자 = 김하준 시장은 "예산을 늘리겠다"고 말했다.\n\n'
        "시는 다음 달 추경안을 시의회에 낸다.\n",
        '김하준 시장은 "예산을 늘리겠다"고 말했다.',
        "최나래",
    ),
    (
        "시장 예산 확대 방침\n\n"
        '(부산=연합뉴스) 최나래 기자 = 김하준 시장은 7일 시청에서 "예산을 늘리겠다"고 말했다. '
        "2025.3.7 photo@yna.co.kr\n\n"
        "시는 다음 달 추경안을 시의회에 낸다.\n",
        '김하준 시장은 7일 시청에서 "예산을 늘리겠다"고 말했다.',
        "최나래",
    ),
    (
        '[광주=뉴시스] 오민석 기자 = 이서영 교육감은 9일 "학교 급식을 무상으로 하겠다"고 밝혔다. '
        "2024.05.09. photo@newsis.com\n\n"
        "교육청은 내년부터 단계적으로 시행한다.\n",
        '이서영 교육감은 9일 "학교 급식을 무상으로 하겠다"고 밝혔다.',
        "오민석",
    ),
]


@pytest.mark.parametrize(("page", "first", "reporter"), WIRE_OPENINGS)
def test_a_wire_opening_line_keeps_its_text(page: str, first: str, reporter: str) -> None:
    article = _clean(page)
    assert article.paragraphs[0] == first
    assert reporter in [r.name for r in article.reporters]
    assert not article.captions


def test_a_wire_photo_caption_that_describes_the_photo_stays_a_caption() -> None:
    page = (
        "시장 예산 확대 방침\n\n"
        "(부산=연합뉴스) 최나래 기자 = 김하준 시장이 7일 시청에서 발언하고 있다. 2025.3.7 photo@yna.co.kr\n\n"
        '김하준 시장은 7일 "예산을 늘리겠다"고 말했다. 시는 다음 달 추경안을 낸다.\n'
    )
    article = _clean(page)
    assert article.captions == ("김하준 시장이 7일 시청에서 발언하고 있다.",)
    assert article.paragraphs[0].startswith("김하준 시장은 7일")


# ------------------------------------------------------------ 4. paragraphs after press-pool photo credits
POOL_PAGES = [
    (
        "나라부 장관이 3일 청사에서 브리핑을 하고 있다.\n대통령실사진기자단\n"
        '대통령은 국무회의에서 "정책을 자주 설명하라"고 말했다.\n'
        "이후 장관 8명이 브리핑룸에 섰다.\n"
        "가나부 장관이 5일 청사에서 업무보고를 하고 있다.\n대통령실사진기자단\n"
        "질의응답은 장관의 재량에 맡겨져 있다. 8명 중 6명이 질문을 받았다.\n",
        '대통령은 국무회의에서 "정책을 자주 설명하라"고 말했다.',
    ),
    (
        "여야 원내대표가 2일 국회에서 회동하고 있다.\n국회사진기자단\n"
        '원내대표들은 "예산안을 기한 안에 처리하겠다"고 밝혔다.\n'
        "본회의는 다음 주에 열린다.\n"
        "의원들이 본회의장에 입장하고 있다.\n국회사진기자단\n"
        "여야는 쟁점 예산을 두고 막판 협상을 벌이고 있다. 합의는 아직이다.\n",
        '원내대표들은 "예산안을 기한 안에 처리하겠다"고 밝혔다.',
    ),
    (
        "두 정상이 회담장에 들어서고 있다.\n사진공동취재단\n"
        "두 정상은 90분 동안 회담했다.\n"
        '정상들은 회담 뒤 "협력을 넓히기로 했다"고 발표했다.\n'
        "정상들이 공동 기자회견을 하고 있다.\n사진공동취재단\n"
        "회담 결과는 다음 달 공동성명으로 나온다. 후속 협의도 이어진다.\n",
        "두 정상은 90분 동안 회담했다.",
    ),
]


@pytest.mark.parametrize(("page", "paragraph"), POOL_PAGES)
def test_body_after_a_press_pool_credit_is_kept(page: str, paragraph: str) -> None:
    article = _clean(page)
    assert paragraph in article.paragraphs
    assert not _removed(article, "page text before the article")
    assert not _removed(article, "desk credit")
    assert all(not c.endswith("기자단") for c in article.captions)


# ------------------------------------------------------------ 5. a last paragraph cut after a whole remark
CUT_PAGES = [
    (
        "시장 마을회관 1박\n\n시장이 마을회관에서 하룻밤을 묵었다.\n\n"
        "주민들은 민원 해결을 당부했다.\n\n"
        "등곡리 정만수(71) 이장은 “시장이 와서 자고 가는 건 처음”이라며",
        "“시장이 와서 자고 가는 건 처음”이라며",
    ),
    (
        "전 의원 페이스북 글\n\n전 의원이 11일 페이스북에 글을 올렸다.\n\n"
        '그는 "후배로서 부끄러웠다"며 "질문하는 것만으로 영광이라는 말은 제 평생',
        '"후배로서 부끄러웠다"며',
    ),
    (
        "구단 감독 인터뷰\n\n감독이 경기 뒤 인터뷰를 했다.\n"
        '이어 "선수들이 끝까지 잘 싸웠다"고 말한 뒤 다음 경기',
        '"선수들이 끝까지 잘 싸웠다"고',
    ),
]


CUT_PAGES.append(
    (
        "국감장 말말말\n\n14일 국정감사에서 나온 말들이다.\n\n"
        '○…"자료는 내일까지 내겠다" = 기관장이 고개를 숙이며.\n\n'
        '○…"답변 태도가 그게 뭡니까" = 한 의원이',
        '○…"답변 태도가 그게 뭡니까" = 한 의원이',
    )
)


@pytest.mark.parametrize(("page", "remark"), CUT_PAGES)
def test_a_cut_last_paragraph_with_a_whole_remark_stays_truncated(page: str, remark: str) -> None:
    article = _clean(page)
    assert remark in article.paragraphs[-1]
    assert article.truncated


@pytest.mark.parametrize(
    "tail",
    ['박 변호사가 "기록도 저렇게 중', "편집팀", "구인모"],
)
def test_a_cut_last_line_without_a_whole_remark_goes(tail: str) -> None:
    page = "시 예산안 발표\n\n시는 내년 예산안을 7일 발표했다. 복지 예산이 늘었다.\n\n" + tail
    article = _clean(page)
    assert article.paragraphs[-1].endswith("늘었다.")


@pytest.mark.parametrize(
    "tail",
    [
        "지난달 접수된 민원 가운데 절반은 구청이 아직 처리",
        "이에 따라 시는 다음 달부터 버스 노선을 조정하고, 배차 간격을 줄이는 방안을 검토할 예",
        "업계에서는 이번 조치가 중소 납품업체의 부담을 덜어줄 것으로 기대하고 있",
    ],
)
def test_a_cut_running_sentence_at_the_end_stays_truncated(tail: str) -> None:
    page = "시 예산안 발표\n\n시는 내년 예산안을 7일 발표했다. 복지 예산이 늘었다.\n\n" + tail
    article = _clean(page)
    # it stays with the sentence before it, so the last paragraph holds the last complete sentence too
    assert article.paragraphs[-1] == "시는 내년 예산안을 7일 발표했다. 복지 예산이 늘었다. " + tail
    assert article.truncated


@pytest.mark.parametrize(
    "tail",
    [
        "[단독] 시의회, 예산 심사 앞두고 여야 신경전",
        "시, 복지 예산 늘려…청년 주거 지원 확대",
        "사회부 기동취재팀 제보는 카카오톡으로",
    ],
)
def test_a_teaser_or_desk_line_after_the_article_is_not_a_cut_sentence(tail: str) -> None:
    page = "시 예산안 발표\n\n시는 내년 예산안을 7일 발표했다. 복지 예산이 늘었다.\n\n" + tail
    article = _clean(page)
    assert article.paragraphs[-1].endswith("늘었다.")
    assert not article.truncated


# ---------------------------------------------------------------- 6. transcript turns and bracketed answers
TRANSCRIPTS = [
    (
        "[라디오 인터뷰 전문]\n\n"
        "▶김진행 : 자, 오늘도 기자 한 분 모셨습니다. 안녕하세요.\n\n"
        "▷박손님 : 네. 안녕하세요.\n\n"
        "▶김진행 : 이번 회견을 외신은 어떻게 봤습니까?\n\n"
        "▷박손님 : 네. 대체로 차분하게 전했습니다.\n",
        ["▷박손님 : 네. 안녕하세요.", "▷박손님 : 네. 대체로 차분하게 전했습니다."],
    ),
    (
        "주민 전화 연결\n\n"
        "섬 주민과 전화 연결이 되어 있습니다. 지금 상황은 어떻습니까?\n\n"
        "[정미숙/섬 주민, 전화연결 : 아직 큰 소리는 들리지 않습니다.]\n\n"
        "주민 대피령이 내려졌다고 들었습니다.\n\n"
        "[네.]\n\n"
        "대피소에는 몇 분이나 계십니까?\n\n"
        "[네, 마을 분들 대부분이 와 계세요.]\n",
        ["[네.]", "[네, 마을 분들 대부분이 와 계세요.]"],
    ),
    (
        "현장 연결\n\n"
        "현장에 나가 있는 시민과 연결합니다. 물은 많이 빠졌습니까?\n\n"
        "[오지훈/시민 : 아직 무릎까지 차 있습니다.]\n\n"
        "복구 작업은 시작됐습니까?\n\n"
        "[아니요, 아직입니다.]\n\n"
        "언제쯤 시작된다고 합니까?\n\n"
        "[내일 아침부터라고 들었어요.]\n",
        ["[아니요, 아직입니다.]", "[내일 아침부터라고 들었어요.]"],
    ),
]


@pytest.mark.parametrize(("page", "lines"), TRANSCRIPTS)
def test_transcript_turns_stay_body_lines(page: str, lines: list[str]) -> None:
    article = _clean(page)
    for line in lines:
        assert line in article.paragraphs
    assert not any(h.text in lines for h in article.headings)


# ------------------------------------------------------------ forum furniture around a re-posted transcript
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("IP : 110.70.xxx.203", "forum field"),
        ("IP: 211.36.***.12", "forum field"),
        ("IP : 1.234.56.xx", "forum field"),
        ("9 개의 댓글이 있습니다.", "comment widget"),
        ("12개의 댓글이 있습니다", "comment widget"),
        ("1,204 개의 댓글이 있습니다.", "comment widget"),
        ("[이전 글]", "page tool"),
        ("다음 글", "page tool"),
        ("[다음 게시물]", "page tool"),
        ("Views: 118", "page region"),
        ("views 1,204", "page region"),
        ("Views : 12", "page region"),
        ("... 조회수 : 2,021", "board widget"),
        ("조회수: 15", "board widget"),
        ("… 조회수 : 33", "board widget"),
    ],
)
def test_forum_furniture_is_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "이전 글에서 밝혔듯이 정부는 예산을 늘렸다.",
        "IP 주소를 바꿨다는 의혹이 나왔다.",
        "댓글이 있습니다만 확인은 못 했다.",
    ],
)
def test_story_lines_about_posts_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "* 내용 인용 시 [가나다의 아침뉴스] 인터뷰 내용임을 밝혀 주시기 바랍니다.",
        "※ 인터뷰 인용 보도 시 프로그램명 '라디오 <아침 쇼>'를 정확히 밝혀주시기 바랍니다.",
        "인터뷰를 인용하실 때는 출처를 밝혀 주십시오",
        "※ 아래 텍스트는 실제 방송 내용과 차이가 있을 수 있으니 정확한 내용은 방송으로 확인하시기 바랍니다.",
        "* 본 내용은 방송 내용과 다를 수 있습니다. 정확한 내용은 방송으로 확인해 주세요.",
    ],
)
def test_a_transcripts_citation_note_is_furniture(line: str) -> None:
    assert boilerplate_reason(line) == "transcript note"


@pytest.mark.parametrize(
    "line",
    [
        "그는 보고서를 인용하며 출처를 밝혀 달라고 말했다.",
        '방송 내용과 다를 수 있다는 지적에 그는 "사실이 아니다"라고 말했다.',
        "의원은 기사를 인용할 때 출처를 밝혀야 한다고 주장했다.",
    ],
)
def test_sentences_about_citing_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


# ------------------------------------------------------------ a last caption whose credit the page end cut
@pytest.mark.parametrize(
    ("tail", "caption"),
    [
        ("다나부 장관이 브리핑룸에 입장하고 있다. 대통령실사진", "다나부 장관이 브리핑룸에 입장하고 있다."),
        ("여야 대표가 악수하고 있다. 국회사진기", "여야 대표가 악수하고 있다."),
        ("시장이 주민들과 기념촬영을 하고 있다. 사진=", "시장이 주민들과 기념촬영을 하고 있다."),
    ],
)
def test_a_last_caption_with_a_cut_credit_is_a_caption(tail: str, caption: str) -> None:
    page = "시 예산안 발표\n\n시는 내년 예산안을 7일 발표했다. 복지 예산이 늘었다.\n\n" + tail
    article = _clean(page)
    assert article.paragraphs[-1].endswith("늘었다.")
    assert caption in article.captions
    assert not article.truncated


def test_a_last_sentence_cut_before_a_word_with_photo_in_it_stays() -> None:
    page = "시 예산안 발표\n\n시는 내년 예산안을 7일 발표했다.\n\n시는 예산을 늘렸다고 밝혔다. 이어 사진전"
    article = _clean(page)
    assert article.paragraphs[-1] == "시는 예산을 늘렸다고 밝혔다. 이어 사진전"
    assert article.truncated


# ------------------------------------------------------------ a labelled sound bite as the last line
@pytest.mark.parametrize(
    "bite",
    [
        "[최다온/가나시장 당선인 : 시민만 보고 가겠습니다…]",
        "[한결/나라당 대표 (어제) : 겸손하게 하겠습니다]",
        "[정미숙/섬 주민 : 아직은 조용해요…]",
    ],
)
def test_a_labelled_sound_bite_at_the_end_stays(bite: str) -> None:
    page = (
        "지방선거 결과\n\n[앵커]\n\n여당이 광역단체장 12곳을 가져왔습니다. 당선인들은 소감을 밝혔습니다.\n\n"
        + bite
        + "\n\n[오민재/다라도지사 당선인 : 윤"
    )
    article = _clean(page)
    assert article.paragraphs[-1] == bite
    assert "[오민재/다라도지사 당선인 : 윤" in [r.text for r in article.removed]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("영상취재 : 김가나", "production credit"),
        ("- 내레이션 이다라 아나운서 (인턴) -", "production credit"),
        ("촬영기자: 박마바 영상편집: 최사아", "production credit"),
        ('"기준금리"에 대한 통합검색 결과', "search header"),
        ("검색결과 총 1,204건", "search header"),
        ("통합검색(222) 뉴스(31) 블로그(12)", "search header"),
    ],
)
def test_production_credits_and_search_headers_are_furniture(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "영상취재 결과를 보면 사고 직전 신호가 바뀐 것으로 나타났다.",
        "연출을 맡은 김가나 감독은 배우들의 호흡이 좋았다고 말했다.",
        "검색 결과에 따르면 올해 가장 많이 찾은 단어는 금리였다.",
    ],
)
def test_sentences_about_credits_or_searches_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("평일 오전 10시 10분", "air time"),
        ("매주 토요일 밤 9시", "air time"),
        ("월~금 오후 6시 30분", "air time"),
        ("앵커 홍길동", "anchor credit"),
        ("진행 : 김가나 아나운서", "anchor credit"),
        ("키보드 단축키 안내", "page tool"),
    ],
)
def test_a_programme_box_over_the_title_is_furniture(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


def test_the_programmes_anchor_is_credited_and_the_title_stays_the_headline() -> None:
    article = _clean(
        "평일 오전 10시 10분\n앵커 이하늘\n경찰, 공원 방화 용의자 검거\n2024-11-04\n김가나 기자\n"
        "경찰이 공원 방화 용의자를 붙잡아 조사하고 있습니다. 경찰은 자세한 경위를 조사하고 있습니다."
    )
    assert article.headline == "경찰, 공원 방화 용의자 검거"
    assert {r.name for r in article.reporters} == {"이하늘", "김가나"}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("• 이메일보내기", "page tool"),
        ("이 글자크기로 변경됩니다.", "page tool"),
        ("(예시) 빠르고 정확한 소식을 가나뉴스에서 만나보세요.", "page tool"),
        ("댓글 많은 뉴스", "navigation header"),
        ("공감 많은 기사", "navigation header"),
    ],
)
def test_font_size_share_and_list_widgets_are_furniture(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


def test_an_example_in_an_explainer_stays() -> None:
    assert boilerplate_reason("(예시) 연봉이 3천만원이면 공제액은 150만원이다.") is None


SUMMARY_BEFORE_ARTICLE = [
    (
        "구청, 공원 산책로 두 배로 넓힌다",
        [
            "구청이 공원 산책로를 두 배로 넓힌다.",
            "공사는 다음 달 시작해 내년 봄에 끝난다.",
            "구청장은 주민 의견을 들었다고 했다.",
        ],
        "[서울=가나뉴스]김하늘 기자 = 구청이 공원 산책로를 두 배로 넓힌다. "
        "공사는 다음 달 시작해 내년 봄에 끝난다.",
    ),
    (
        "시의회, 내년 예산안 통과",
        ["시의회가 내년 예산안을 통과시켰다.", "총액은 올해보다 5% 늘었다.", "복지 예산이 가장 크게 늘었다."],
        "[서울=다라통신]이바다 기자 = 시의회가 내년 예산안을 통과시켰다. 총액은 올해보다 5% 늘었다.",
    ),
    (
        "구단, 새 감독 선임",
        ["구단이 새 감독을 선임했다.", "감독은 수비를 먼저 다지겠다고 했다.", "팬들은 기대를 드러냈다."],
        "[부산=마바뉴스]최산 기자 = 구단이 새 감독을 선임했다. 감독은 수비를 먼저 다지겠다고 했다.",
    ),
]


@pytest.mark.parametrize(("title", "points", "lead"), SUMMARY_BEFORE_ARTICLE)
def test_a_summary_under_its_note_before_the_article_goes_with_its_last_point(
    title: str, points: list[str], lead: str
) -> None:
    """A portal prints its machine summary under a note sending the reader to the whole text, then its
    font-size widget, then the article. The points the article repeats go, and so does the last point,
    which the cut page does not repeat, since the widget ends the box."""
    page = "\n".join(
        [
            title,
            "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.",
            *points,
            "이 글자크기로 변경됩니다.",
            "(예시) 빠른 뉴스와 다양한 정보를 만나보세요. 가나포털은 주요 소식을 전합니다.",
            lead,
            "자세한 내용은 다음과 같다.",
        ]
    )
    article = _clean(page)
    assert article.paragraphs[0] == lead.split("= ", 1)[1]
    assert not any(point in article.paragraphs for point in points)
    assert "(예시)" not in " ".join(article.paragraphs)
