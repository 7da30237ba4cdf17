"""Quote constructions met on the team's development pages (tests/data/devpages/),
each as a general rule on new sentences: table-driven, expected (speaker or None, kind, text start)."""

from __future__ import annotations

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet

Case = tuple[str, tuple[str, ...], list[tuple[str | None, str, str]]]


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


def _article(paragraphs: tuple[str, ...], headline: str | None = None) -> Article:
    return Article(
        id="t", source="t.txt", headline=headline, subheadlines=(), paragraphs=paragraphs, captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip


def _rows(paragraphs: tuple[str, ...], people: PeopleTable, headline: str | None = None) -> list[tuple]:
    quotes = extract_quotes(_article(paragraphs, headline), people)
    return [(q.speaker.en if q.speaker.kind != "unknown" else None, q.kind, q.text_ko) for q in quotes]


def _check(case: Case, people: PeopleTable) -> None:
    _name, paragraphs, expected = case
    got = _rows(paragraphs, people)
    assert len(got) == len(expected), got
    for row, (speaker, kind, prefix) in zip(got, expected, strict=True):
        assert row[:2] == (speaker, kind) and row[2].startswith(prefix), got


# "NAME ORG TITLE" where the organisation is in no table and has no organisation-like ending
UNKNOWN_ORG: list[Case] = [
    (
        "unknown-company-chairman",
        ('이동훈 한빛바이오 회장은 "내년을 미국 진출의 원년으로 삼겠다"고 말했다.',),
        [("Lee Dong-hun", "direct", "내년을 미국")],
    ),
    (
        "unknown-company-president-then-short",
        ('박태오 루미노텍 사장은 "수율을 끌어올리겠다"고 말했다.', '박 사장은 "증설도 검토한다"고 덧붙였다.'),
        [("Park Tae-o", "direct", "수율을"), ("Park Tae-o", "direct", "증설도")],
    ),
    (
        "unknown-company-then-pronoun",
        ('최은서 에코그린 대표는 "흑자 전환이 목표"라고 밝혔다. 그는 "내년이 고비"라고 말했다.',),
        [("Choi Eun-seo", "direct", "흑자 전환이"), ("Choi Eun-seo", "direct", "내년이 고비")],
    ),
    (
        "a-word-with-particle-is-no-name",
        ('오늘은 회사 대표가 "신제품을 공개한다"고 말했다.',),
        [(None, "direct", "신제품을")],
    ),
    (
        "an-inflected-word-is-no-organisation",
        ('한동안 조용했던 대표는 "조직을 정비하겠다"고 말했다.',),
        [(None, "direct", "조직을")],
    ),
    (
        "two-kims-with-unknown-companies-stay-unknown",
        (
            '김동섭 에코프로비엠 사장은 "생산을 줄인다"고 말했다.',
            '김민호 포스코퓨처엠 사장은 "원가를 낮춘다"고 말했다.',
            '김 사장은 "경쟁이 가장 큰 과제"라고 강조했다.',
        ),
        [
            ("Kim Dong-seop", "direct", "생산을"),
            ("Kim Min-ho", "direct", "원가를"),
            (None, "direct", "경쟁이"),
        ],
    ),
]


@pytest.mark.parametrize("case", UNKNOWN_ORG, ids=[c[0] for c in UNKNOWN_ORG])
def test_person_of_an_unknown_organisation(case: Case, people: PeopleTable) -> None:
    _check(case, people)


def test_bracketed_tag_before_a_name_is_not_a_name(people: PeopleTable) -> None:
    got = _rows(("본문.",), people, headline='[인터뷰] 정유진 루나AI 대표 "3년 안에 대안 될 것"')
    assert got == [("Jung Yu-jin", "direct", "3년 안에 대안 될 것")]


# "…"면서도 "…", "…"라면서도 "…": a concession still chains two quotes of one speaker
CHAINS: list[Case] = [
    (
        "myeonseodo-chain",
        ('유상임 과학기술정보통신부 장관은 "조정은 불가피했다"면서도 "현장의 어려움은 안다"고 답했다.',),
        [("Yoo Sang-im", "direct", "조정은"), ("Yoo Sang-im", "direct", "현장의 어려움은")],
    ),
    (
        "ramyeonseodo-chain",
        ('한도윤 다온소프트 대표는 "쉽지 않은 결정"이라면서도 "방향은 맞다"고 말했다.',),
        [("Han Do-yun", "direct", "쉽지 않은"), ("Han Do-yun", "direct", "방향은 맞다")],
    ),
]


@pytest.mark.parametrize("case", CHAINS, ids=[c[0] for c in CHAINS])
def test_concessive_chain(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# "고위" goes before the whole description: "a senior government official", not "a government senior …"
SENIOR: list[Case] = [
    (
        "senior-government-official",
        ('정부 고위 관계자는 "실무 협의를 이어가고 있다"고 말했다.',),
        [("a senior government official", "direct", "실무 협의를")],
    ),
    (
        "senior-industry-official",
        ('업계 고위 관계자는 "감산은 불가피하다"고 전했다.',),
        [("a senior industry official", "direct", "감산은")],
    ),
    (
        "senior-ministry-official",
        ('산업통상자원부 고위 관계자는 "지원을 검토한다"고 밝혔다.',),
        [("a senior Ministry of Trade, Industry and Energy official", "direct", "지원을")],
    ),
]


@pytest.mark.parametrize("case", SENIOR, ids=[c[0] for c in SENIOR])
def test_senior_unnamed_sources(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# titles of researchers, economists and party officers that name a speaker
TITLES: list[Case] = [
    (
        "research-fellow",
        ('김양팽 산업연구원 전문연구원은 "대체 움직임이 빨라질 것"이라고 분석했다.',),
        [("Kim Yang-paeng", "direct", "대체 움직임이")],
    ),
    (
        "senior-research-fellow",
        ('오태민 한국개발연구원 선임연구위원은 "성장률이 둔화될 것"이라고 말했다.',),
        [("Oh Tae-min", "direct", "성장률이")],
    ),
    (
        "chief-economist",
        ('배지수 하나금융연구소 수석이코노미스트는 "금리 인하가 이어질 것"이라고 내다봤다.',),
        [("Bae Ji-su", "direct", "금리 인하가")],
    ),
    (
        "floor-leader",
        ('민주당 윤성호 원내대표는 "예산안을 단독 처리하겠다"고 밝혔다.',),
        [("Yoon Seong-ho", "direct", "예산안을")],
    ),
]


@pytest.mark.parametrize("case", TITLES, ids=[c[0] for c in TITLES])
def test_more_titles(case: Case, people: PeopleTable) -> None:
    _check(case, people)


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("전문연구원", "research fellow"),
        ("수석이코노미스트", "chief economist"),
        ("원내대표", "floor leader"),
    ],
)
def test_title_translations(ko: str, en: str, people: PeopleTable) -> None:
    assert people.translate_title(ko) == en


# a paragraph that is only a quote, told by the next paragraph's "이같이 말했다" sentence, even when
# that sentence names an event in quote marks
LEAD_QUOTES: list[Case] = [
    (
        "this-way-with-a-quoted-event-name",
        (
            '"경쟁은 이제 속도전입니다. 늦으면 뒤처집니다."',
            "곽노정 SK하이닉스 사장은 23일 '반도체대전(SEDEX) 2024' 기조연설에서 이같이 말했다.",
        ),
        [("Kwak No-jeong", "direct", "경쟁은 이제 속도전입니다. 늦으면")],
    ),
    (
        "this-way-with-a-double-quoted-event-name",
        (
            '"올해는 반드시 흑자를 내겠습니다."',
            '한도윤 다온소프트 대표는 "다온 데이 2024" 행사에서 이렇게 강조했다.',
        ),
        [("Han Do-yun", "direct", "올해는 반드시")],
    ),
    (
        "next-paragraph-with-speech-of-its-own-tells-nothing",
        (
            '"올해는 반드시 흑자를 내겠습니다."',
            '한도윤 다온소프트 대표는 이같이 말하며 "내년에도 이어가겠다"고 덧붙였다.',
        ),
        [(None, "direct", "올해는 반드시"), ("Han Do-yun", "direct", "내년에도")],
    ),
]


@pytest.mark.parametrize("case", LEAD_QUOTES, ids=[c[0] for c in LEAD_QUOTES])
def test_lead_quote_told_this_way(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# the last word of a foreign name in the table is that person ("쿡 CEO" is 팀 쿡), as for "나델라 CEO"
SURNAMES: list[Case] = [
    (
        "foreign-surname-and-title",
        (
            "팀 쿡 애플 최고경영자(CEO)가 10일 서울을 찾았다.",
            '쿡 CEO는 한국어 지원에 대해 "내년 중 가능하도록 준비하고 있다"고 말했다.',
        ),
        [("Tim Cook", "direct", "내년 중")],
    ),
    (
        "foreign-surname-alone",
        ('쿡은 "한국 개발자들이 놀랍다"고 말했다.',),
        [("Tim Cook", "direct", "한국 개발자들이")],
    ),
]


@pytest.mark.parametrize("case", SURNAMES, ids=[c[0] for c in SURNAMES])
def test_foreign_surname(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# a quote that opens a paragraph as a statement of its own, told by "이같이/이렇게 말했다" in the same
# paragraph; the reporting verbs 요구했다 (demanded) and 조언했다 (advised)
THIS_WAY_SAME_PARAGRAPH: list[Case] = [
    (
        "quote-then-this-way-sentence",
        (
            "팀 쿡 애플 CEO가 10일 방한했다.",
            '"한국 개발자들의 창의성은 세계 최고 수준입니다." 쿡 CEO는 이날 간담회에서 이같이 말했다.',
        ),
        [("Tim Cook", "direct", "한국 개발자들의 창의성은")],
    ),
    (
        "quote-then-this-way-demanded",
        ('"정부가 차등 적용을 더는 미뤄서는 안 됩니다." 정영수 편의점주협의회 회장은 이같이 요구했다.',),
        [("Jung Yeong-su", "direct", "정부가 차등 적용을")],
    ),
    (
        "a-short-quoted-term-is-not-told-this-way",
        ('"AI 원팀." 김 대표는 이같이 말했다.',),
        [],
    ),
    (
        "no-this-way-no-quote",
        ('"한국 개발자들의 창의성은 세계 최고 수준입니다." 쿡 CEO는 이날 간담회를 열었다.',),
        [],
    ),
    (
        "advised",
        ('이경민 대신증권 연구원은 "보수적으로 접근해야 한다"고 조언했다.',),
        [("Lee Gyeong-min", "direct", "보수적으로")],
    ),
]


@pytest.mark.parametrize("case", THIS_WAY_SAME_PARAGRAPH, ids=[c[0] for c in THIS_WAY_SAME_PARAGRAPH])
def test_quote_told_this_way_in_its_paragraph(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# every ministry (and its short form), the main agencies, think tanks, unions and business lobbies
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('고용노동부는 "현장 의견을 충분히 듣겠다"고 밝혔다.', "Ministry of Employment and Labor"),
        (
            '국토부 관계자는 "공급 대책을 서두르겠다"고 말했다.',
            "a Ministry of Land, Infrastructure and Transport official",
        ),
        ('복지부 관계자는 "의료 공백을 막겠다"고 말했다.', "a Ministry of Health and Welfare official"),
        ('식약처는 "허가 심사를 앞당기겠다"고 밝혔다.', "Ministry of Food and Drug Safety"),
        (
            '대한상의 관계자는 "규제 완화가 시급하다"고 말했다.',
            "a Korea Chamber of Commerce and Industry official",
        ),
    ],
)
def test_government_and_associations(sentence: str, speaker: str, people: PeopleTable) -> None:
    assert _rows((sentence,), people)[0][0] == speaker


def test_organisation_of_a_named_person(people: PeopleTable) -> None:
    quotes = extract_quotes(_article(('박은정 민주노총 대변인은 "실질임금은 줄었다"고 반박했다.',)), people)
    assert quotes[0].speaker.org == "Korean Confederation of Trade Unions"


# broadcast transcripts: "[인터뷰] NAME/ORG TITLE : "…"" sound bites, with or without quote marks
SOUND_BITES: list[Case] = [
    (
        "tagged-name-org-title",
        ('[인터뷰] 김형진/세종텔레콤 회장 : "도매 대가가 오르면 요금제를 유지하기 어렵습니다."',),
        [("Kim Hyeong-jin", "direct", "도매 대가가")],
    ),
    (
        "tagged-unnamed-source",
        ('[녹취] 과기정통부 관계자 : "필요하면 중재에 나서겠습니다."',),
        [("a Ministry of Science and ICT official", "direct", "필요하면")],
    ),
    (
        "no-quote-marks-known-person",
        ("[인터뷰] 김영섭/KT 대표 : 고객 신뢰를 회복하겠습니다.",),
        [("Kim Young-shub", "direct", "고객 신뢰를 회복하겠습니다.")],
    ),
    (
        "untagged-slash-label",
        ('김형진/세종텔레콤 회장: "저가 요금제가 사라질 수 있습니다."',),
        [("Kim Hyeong-jin", "direct", "저가 요금제가")],
    ),
    (
        "citizen-named-by-the-label",
        ('[인터뷰] 이수진/서울 마포구 : "요금이 너무 많이 올라요."',),
        [("Lee Su-jin", "direct", "요금이 너무")],
    ),
    ("a-colon-line-is-no-sound-bite", ("일시: 2024년 10월 1일 오후 2시",), []),
]


@pytest.mark.parametrize("case", SOUND_BITES, ids=[c[0] for c in SOUND_BITES])
def test_broadcast_sound_bites(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# a quote said by people joined with 와/과 has no one speaker: unknown, never the last of them
JOINT: list[Case] = [
    (
        "two-presidents-in-unison",
        (
            '문동권 신한카드 사장과 이창권 KB국민카드 사장은 "더 이상 인하할 여력이 없다"고 입을 모았다.',
            '문 사장은 "이미 적자를 보고 있다"고 말했다.',
        ),
        [(None, "direct", "더 이상"), ("Moon Dong-gwon", "direct", "이미 적자를")],
    ),
    (
        "known-and-unknown-person",
        ('김영섭 KT 대표와 박태오 루미노텍 사장은 "협력을 넓히겠다"고 밝혔다.',),
        [(None, "direct", "협력을")],
    ),
    (
        "joint-reported-speech-is-skipped",
        ("김영섭 KT 대표와 유영상 SK텔레콤 대표는 투자를 늘려야 한다고 말했다.",),
        [],
    ),
    (
        "a-company-after-gwa-is-not-a-second-speaker",
        ('김영섭 KT 대표는 SK텔레콤과 "협력하겠다"고 말했다.',),
        [("Kim Young-shub", "direct", "협력하겠다")],
    ),
    (
        "met-with-someone-then-spoke",
        ('김영섭 KT 대표는 유영상 SK텔레콤 대표와 만나 "협력하겠다"고 말했다.',),
        [("Kim Young-shub", "direct", "협력하겠다")],
    ),
]


@pytest.mark.parametrize("case", JOINT, ids=[c[0] for c in JOINT])
def test_joint_speakers_are_unknown(case: Case, people: PeopleTable) -> None:
    _check(case, people)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('한 뷰티업계 관계자는 "판로가 넓어질 것"이라고 기대했다.', "an industry official"),
        ('반도체업계 고위 관계자는 "투자를 미룰 수 없다"고 말했다.', "a senior industry official"),
        ('통신업계 관계자는 "요금 인하는 어렵다"고 말했다.', "a telecom industry official"),
    ],
)
def test_compound_industry_sources(sentence: str, speaker: str, people: PeopleTable) -> None:
    assert _rows((sentence,), people)[0][0] == speaker


# written statements: "페이스북에 "…"라고 적었다/썼다" is speech when it is a sentence, not a word
WRITTEN: list[Case] = [
    (
        "wrote-on-facebook",
        ('김영섭 KT 대표는 페이스북에 "고객께 죄송하다"라고 적었다.',),
        [("Kim Young-shub", "direct", "고객께 죄송하다")],
    ),
    (
        "wrote-long-statement",
        ('유영상 SK텔레콤 대표는 사내 게시판에 "AI 피라미드 전략을 끝까지 밀고 가겠다"고 썼다.',),
        [("Ryu Young-sang", "direct", "AI 피라미드")],
    ),
    ("a-word-written-down-is-no-quote", ('김영섭 KT 대표는 칠판에 "AI 원팀"이라고 썼다.',), []),
]


@pytest.mark.parametrize("case", WRITTEN, ids=[c[0] for c in WRITTEN])
def test_written_statements(case: Case, people: PeopleTable) -> None:
    _check(case, people)


# "부총리 겸 기획재정부 장관": a double title whose second part names its ministry
def test_double_title_with_ministry(people: PeopleTable) -> None:
    paragraphs = (
        '최상목 부총리 겸 기획재정부 장관은 "물가를 잡겠다"고 말했다.',
        '최 부총리는 "추경은 없다"고 말했다.',
    )
    quotes = extract_quotes(_article(paragraphs), people)
    assert [(q.speaker.en, q.speaker.title) for q in quotes] == [
        ("Choi Sang-mok", "Deputy Prime Minister and Minister"),
    ] * 2
    assert people.translate_title("부총리 겸 기획재정부 장관") == "Deputy Prime Minister and Minister"


# a short form is unsure when the article has another person of that family and title, even one whose
# full mention could not be read ("김동섭 새로 뽑힌 사장"): never the one Kim that was read
SHADOWS: list[Case] = [
    (
        "unread-second-kim-makes-short-form-unsure",
        (
            '김동섭 새로 뽑힌 사장은 "감산한다"고 말했다.',
            '김민섭 에코프로비엠 사장은 "증설한다"고 말했다.',
            '김 사장은 "시장이 회복된다"고 말했다.',
        ),
        [(None, "direct", "감산한다"), ("Kim Min-seop", "direct", "증설한다"), (None, "direct", "시장이")],
    ),
    (
        "organisation-ending-in-ro",
        (
            '김동섭 에코프로 사장은 "감산한다"고 말했다.',
            '김민섭 에코프로비엠 사장은 "증설한다"고 말했다.',
            '김 사장은 "시장이 회복된다"고 말했다.',
        ),
        [
            ("Kim Dong-seop", "direct", "감산한다"),
            ("Kim Min-seop", "direct", "증설한다"),
            (None, "direct", "시장이"),
        ],
    ),
    (
        "one-kim-still-resolves",
        ('김민섭 에코프로비엠 사장은 "증설한다"고 말했다.', '김 사장은 "시장이 회복된다"고 말했다.'),
        [("Kim Min-seop", "direct", "증설한다"), ("Kim Min-seop", "direct", "시장이")],
    ),
    (
        "a-kim-of-another-title-does-not-matter",
        (
            '김동섭 새로 뽑힌 부장은 "감산한다"고 말했다.',
            '김민섭 에코프로비엠 사장은 "증설한다"고 말했다.',
            '김 사장은 "시장이 회복된다"고 말했다.',
        ),
        [
            (None, "direct", "감산한다"),
            ("Kim Min-seop", "direct", "증설한다"),
            ("Kim Min-seop", "direct", "시장이"),
        ],
    ),
]


@pytest.mark.parametrize("case", SHADOWS, ids=[c[0] for c in SHADOWS])
def test_short_form_unsure_with_an_unread_namesake(case: Case, people: PeopleTable) -> None:
    _check(case, people)
