"""Linking mentions across an article: short forms refer back, titles with a parenthesis, "전" is
"former", a bare name as the topic carries on. Korean sentences written for these tests."""

from __future__ import annotations

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet

# (id, paragraphs, [(speaker Korean name or None for not named, quote start)])
Case = tuple[str, tuple[str, ...], list[tuple[str | None, str]]]

CASES: list[Case] = [
    # a short form refers back to the one named before it; a namesake named later does not matter
    (
        "short-form-refers-back",
        (
            '한빛건설 변호인 김도경 변호사는 "판결을 받아들일 수 없다"고 말했다.',
            '김 변호사는 "즉시 항소하겠다"고 덧붙였다.',
            '함께 변론한 김태오 변호사도 "증거가 부족했다"고 말했다.',
        ),
        [("김도경", "판결을"), ("김도경", "즉시"), ("김태오", "증거가")],
    ),
    (
        "short-form-refers-back-reporter",
        (
            '박서윤 한빛증권 연구원은 "하반기 반등이 예상된다"고 말했다.',
            '박 연구원은 이어 "외국인 매수가 관건"이라고 말했다.',
            '박지호 한빛투자 연구원은 "신중해야 한다"고 말했다.',
        ),
        [("박서윤", "하반기"), ("박서윤", "외국인"), ("박지호", "신중해야")],
    ),
    (
        "short-form-two-before-is-unsure",
        (
            '최가온 한빛전자 사장은 "투자를 늘린다"고 말했다. 최은결 한빛화학 사장은 "감산한다"고 말했다.',
            '최 사장은 "시장이 회복된다"고 말했다.',
        ),
        [("최가온", "투자를"), ("최은결", "감산한다"), (None, "시장이")],
    ),
    # a title followed by a parenthesis with spaces keeps its particle
    (
        "title-with-parenthesis",
        ('정다온 한빛상의 회장(한빛그룹 회장)은 "규제를 풀어야 한다"고 말했다.',),
        [("정다온", "규제를")],
    ),
    (
        "title-with-parenthesis-and-photo",
        ('오하람 한빛대 교수(사진 오른쪽)는 "금리가 내린다"고 말했다.',),
        [("오하람", "금리가")],
    ),
    (
        "name-with-parenthesis-role",
        ('서도윤 한빛시 시장(전 국회의원)은 "예산을 늘리겠다"고 말했다.',),
        [("서도윤", "예산을")],
    ),
    # "전" before a title is "former", never a family name
    (
        "former-not-family-name",
        ('전 장관은 "정책이 옳았다"고 말했다.',),
        [(None, "정책이")],
    ),
    (
        "former-vice-governor",
        ('이 전 부지사 변호인 한서준 변호사는 "받아들일 수 없다"고 말했다.',),
        [("한서준", "받아들일")],
    ),
    (
        "former-president-of-a-company",
        ('전 사장은 "경영 판단이었다"고 해명했다.',),
        [(None, "경영 판단이었다")],
    ),
    # a bare name as the topic: the speaker of the quotes that follow without a subject
    (
        "bare-topic-continues",
        (
            "배우 손하린은 이날 최우수상을 받았다. "
            '무대에 오른 손하린은 "정말 감사하다"며 "더 노력하겠다"고 말했다.',
        ),
        [("손하린", "정말"), ("손하린", "더 노력")],
    ),
    (
        "bare-name-in-another-clause-is-not-the-speaker",
        (
            '김도경 감독은 경기 뒤 "만족한다"고 말했다. '
            '이날 골을 서진우가 넣은 데 대해 "모두 잘했다"고 말했다.',
        ),
        [("김도경", "만족한다"), ("김도경", "모두")],
    ),
    (
        "bare-nominative-does-not-become-he",
        (
            '이한결 감독은 "수비가 좋았다"고 말했다.',
            "주장 박태린이 부상으로 빠진 상태다.",
            '그는 "다음 경기는 이긴다"고 말했다.',
        ),
        [("이한결", "수비가"), ("이한결", "다음")],
    ),
]


MARKS: list[Case] = [
    # a quote closed by the wrong mark, then a linking ending and a new quote: two quotes
    (
        "single-mark-closes-before-myeonseo",
        ("고하준 한빛전자 사장은 “변화를 두려워하지 말자‘면서 “새로운 10년이 시작된다”라고 강조했다.",),
        [("고하준", "변화를"), ("고하준", "새로운")],
    ),
    (
        "single-mark-closes-before-myeo",
        ('남도현 한빛시 시장은 "예산이 부족하다’며 "국비를 더 달라"고 말했다.',),
        [("남도현", "예산이"), ("남도현", "국비를")],
    ),
    (
        "nested-single-quote-is-kept",
        ("고하준 한빛전자 사장은 “사람들이 ‘혁신은 끝났다’고 말한다”면서 “그렇지 않다”고 말했다.",),
        [("고하준", "사람들이 ‘혁신은"), ("고하준", "그렇지")],
    ),
    # the quotative ending left out before a final reporting verb
    (
        "no-quotative-before-final-verb",
        ('강다은 한빛시 대변인은 "시장이 강하게 질책했다" 밝혔습니다.',),
        [("강다은", "시장이")],
    ),
    (
        "no-quotative-before-malhaetda",
        ('윤서아 한빛대 교수는 "금리가 더 내려갈 것" 말했다.',),
        [("윤서아", "금리가")],
    ),
    (
        "no-quotative-before-a-linking-verb-is-not-speech",
        ('어제 "지시를 받았다" 발언해 논란이 된 윤서아 위원장을 겨냥했다는 해석이 나온다.',),
        [],
    ),
    # a short whole sentence with a quotative ending is speech, whatever the verb
    (
        "short-sentence-rago-ulmeogyeotda",
        ('배우 손하린은 "죄송합니다"라고 울먹였다.',),
        [("손하린", "죄송합니다")],
    ),
    (
        "short-sentence-rago-usemyeo",
        ('정세아 한빛부 장관은 "어떻게 되기는요"라고 웃으며 자리를 떴다.',),
        [("정세아", "어떻게")],
    ),
    (
        "a-term-with-rago-is-not-speech",
        ('회사는 새 모델을 "한빛원"이라고 이름 붙였다.',),
        [],
    ),
]


QUESTIONS: list[Case] = [
    # a quoted question belongs to whoever asked it; the one asked answers
    (
        "question-then-answer-by-the-topic",
        ('유하늘 한빛이글스 감독은 "부담스럽지 않았냐"는 질문을 받자 "전혀 아니다"라고 답했다.',),
        [("질문자", "부담스럽지"), ("유하늘", "전혀")],
    ),
    (
        "question-to-a-bare-name",
        ('가수 손하린은 "결혼 계획은 없느냐"는 질문에 "아직 없다"고 답했다.',),
        [("질문자", "결혼 계획은"), ("손하린", "아직")],
    ),
    (
        "question-first-then-the-speaker",
        ('"왜 떠났느냐"는 질문에 박서진 한빛FC 감독은 "새 도전이 필요했다"고 말했다.',),
        [("질문자", "왜 떠났느냐"), ("박서진", "새 도전이")],
    ),
]


LABELS: list[Case] = [
    # a speaker the article only calls by family name and title: labelled, unverified; never when
    # someone of that family is named in full anywhere in the article
    ("short-form-only", ('윤 사장은 "합병은 없다"고 말했다.',), [("윤 사장", "합병은")]),
    (
        "short-form-only-with-organisation",
        ('KT 윤 사장은 "합병은 없다"고 말했다.', '윤 사장은 "곧 발표한다"고 덧붙였다.'),
        [("윤 사장", "합병은"), ("윤 사장", "곧")],
    ),
    (
        "short-form-with-a-namesake-in-full-is-unsure",
        ('윤 사장은 "합병은 없다"고 말했다.', "윤재석 한빛물산 고문은 회의에 나오지 않았다."),
        [(None, "합병은")],
    ),
]


WRITTEN: list[Case] = [
    # written statements: posted, written, left on social media
    (
        "facebook-rago-sseotda",
        ('김하진 의원은 페이스북에 "국민을 무시하는 처사"라고 썼다.',),
        [("김하진", "국민을")],
    ),
    (
        "blog-go-jeogeotda",
        ('이수진 한빛대 교수는 자신의 블로그에 "연구 결과를 곧 공개하겠다"고 적었다.',),
        [("이수진", "연구 결과를")],
    ),
    (
        "sns-neun-geureul-ollyeotda",
        ('박도현 한빛FC 감독은 SNS에 "팬들께 죄송하다"는 글을 올렸다.',),
        [("박도현", "팬들께")],
    ),
    ("a-word-called-geul-is-no-statement", ('"글"이라는 단어는 쉽다.',), []),
]

ALL = CASES + MARKS + QUESTIONS + LABELS + WRITTEN


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


@pytest.mark.parametrize("case", ALL, ids=[c[0] for c in ALL])
def test_links(case: Case, people: PeopleTable) -> None:
    _name, paragraphs, expected = case
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=paragraphs, captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    quotes = extract_quotes(article, people)
    got = [
        (q.speaker.ko if q.speaker.kind == "named" or q.speaker.ko == "질문자" else None, q.text_ko)
        for q in quotes
    ]
    assert len(got) == len(expected), got
    for (speaker, text), (want, start) in zip(got, expected, strict=True):
        assert speaker == want and text.startswith(start), got


def test_short_form_label_in_english(people: PeopleTable) -> None:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(),
        paragraphs=('KT 윤 사장은 "합병은 없다"고 말했다.',), captions=(), outlet=Outlet(), reporters=(),
        date=None, date_evidence=None,
    )  # fmt: skip
    speaker = extract_quotes(article, people)[0].speaker
    assert (speaker.en, speaker.org, speaker.verified) == ("President Yoon of KT", "KT", False)
    assert speaker.label == "President Yoon of KT"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('KT 김 대표는 "AI에 투자한다"고 말했다.', ("Kim Young-shub", True)),  # the table: KT's CEO
        ('KT 박 대표는 "AI에 투자한다"고 말했다.', ("CEO Park of KT", False)),  # no such person in the table
        ('김 대표는 "AI에 투자한다"고 말했다.', ("CEO Kim", False)),  # no organisation: no look-up
    ],
)
def test_short_form_by_the_people_table(
    sentence: str, expected: tuple[str, bool], people: PeopleTable
) -> None:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=(sentence,), captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    speaker = extract_quotes(article, people)[0].speaker
    assert (speaker.en, speaker.verified) == expected
