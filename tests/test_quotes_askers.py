"""A quoted question belongs to its asker; a subject marked "also" (도, 역시) is someone new; bare names
in entertainment and sport. Sentences written for these tests."""

from __future__ import annotations

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from tests.test_quotes_constructions import make_article


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


def _speakers(paragraphs: tuple[str, ...], people: PeopleTable) -> list[tuple[str, str | None]]:
    quotes = extract_quotes(make_article(paragraphs), people)
    return [(q.speaker.kind, q.speaker.ko if q.speaker.kind == "named" else q.speaker.en) for q in quotes]


QUESTIONS = [
    # (paragraphs, speakers in order: (kind, named ko or English))
    (
        ('한빛일보 기자가 "증세는 언제 결정됩니까"라고 묻자 홍재석 수석은 "정해진 바 없다"고 답했다.',),
        [("unnamed", "a reporter"), ("named", "홍재석")],
    ),
    (
        ('한 기자가 "후보 사퇴를 검토하느냐"고 질문하자 김민호 대표는 "전혀 사실이 아니다"라고 말했다.',),
        [("unnamed", "a reporter"), ("named", "김민호")],
    ),
    (
        ('김철호 장관은 "예산은 충분하다"고 말했다.', '"부족하지 않느냐"고 묻자 "충분히 검토했다"고 답했다.'),
        [("named", "김철호"), ("unnamed", "a questioner"), ("named", "김철호")],
    ),
    (
        (
            '김철호 장관은 "예산은 충분하다"고 말했다.',
            '"지역 예산은 왜 줄었느냐"고 질문하자 김 장관은 "효율화 때문"이라고 답했다.',
        ),
        [("named", "김철호"), ("unnamed", "a questioner"), ("named", "김철호")],
    ),
    (
        ('오세린 감독은 "준비는 끝났다"고 말했다.', '"부상 선수는 없느냐"는 물음에 "모두 건강하다"고 했다.'),
        [("named", "오세린"), ("unnamed", "a questioner"), ("named", "오세린")],
    ),
    (
        (
            '김철호 장관은 "예산은 충분하다"고 말했다.',
            '이어 "재원 대책이 있느냐"라는 기자의 질문에 "국채 발행은 없다"고 답했다.',
        ),
        [("named", "김철호"), ("unnamed", "a reporter"), ("named", "김철호")],
    ),
    (
        ('"왜 출마했느냐"는 사회자의 질문에 박소연 후보는 "변화를 위해서"라고 답했다.',),
        [("unnamed", "the moderator"), ("named", "박소연")],
    ),
    (
        ('"예산이 부족하지 않느냐"는 질문에 김도윤 장관은 "충분히 검토했다"고 답했다.',),
        [("unnamed", "a questioner"), ("named", "김도윤")],
    ),
]

ALSO = [
    # a new subject with 도 / 역시 never continues the last speaker
    ('김도윤 장관은 "충분히 검토했다"고 말했다.', '배우 한가람도 "정말 기쁜 하루였다"고 말했다.'),
    ('김도윤 장관은 "충분히 검토했다"고 말했다.', '박민지 역시 "준비가 잘 됐다"고 말했다.'),
    ('정해솔 감독은 "선수들이 잘해줬다"고 말했다.', '가수 윤새봄도 "무대가 즐거웠다"고 했다.'),
    ('이현우 대표는 "실적이 좋다"고 밝혔다.', '모가람 역시 "다음 분기도 기대된다"고 말했다.'),
]


@pytest.mark.parametrize(("paragraphs", "expected"), QUESTIONS)
def test_a_question_belongs_to_its_asker(
    paragraphs: tuple[str, ...], expected: list, people: PeopleTable
) -> None:
    assert _speakers(paragraphs, people) == expected


@pytest.mark.parametrize("paragraphs", ALSO)
def test_also_marks_a_new_subject(paragraphs: tuple[str, ...], people: PeopleTable) -> None:
    got = _speakers(paragraphs, people)
    assert len(got) == 2, got
    assert got[0][0] == "named"
    assert got[1] != got[0], got  # never the previous speaker


BARE = [
    (
        (
            '유하린은 "이번 앨범은 오래 준비했다"고 말했다. 채도윤은 "무대에 서니 떨렸다"라고 했으며, '
            '허남규는 "다음 공연도 기대해달라"라고 했다.',
        ),
        ["유하린", "채도윤", "허남규"],
    ),
    (('정서율은 경기 후 "팀원들 덕분에 이겼다"고 말했다.',), ["정서율"]),
    (('골을 넣은 허남규는 "동료들에게 고맙다"고 말했다.',), ["허남규"]),
]


@pytest.mark.parametrize(("paragraphs", "names"), BARE)
def test_bare_names_speak(paragraphs: tuple[str, ...], names: list[str], people: PeopleTable) -> None:
    got = _speakers(paragraphs, people)
    named = [ko for kind, ko in got if kind == "named"]
    assert all(n in names for n in named), got  # never someone else
    assert len(named) >= len(names) - 1, got  # at most one left unknown


DOCUMENTS = [
    # an institution speaking through a document, continued by 이어/또 in the same paragraph
    (
        '한은 금융통화위원회는 통화정책방향 의결문에서 "물가 오름세가 둔화하고 있다"고 평가했다. '
        '이어 "성장 경로의 불확실성이 크다"고 덧붙였다.',
        "Monetary Policy Board",
    ),
    (
        '기획재정부는 보도자료에서 "수출이 회복되고 있다"고 밝혔다. 또 "내수는 여전히 부진하다"고 진단했다.',
        "Ministry of Economy and Finance",
    ),
    (
        '정의당은 논평을 내고 "책임자를 문책해야 한다"고 주장했다. 이어 "재발 방지책도 내놓으라"고 요구했다.',
        "Justice Party",
    ),
]


@pytest.mark.parametrize(("paragraph", "english"), DOCUMENTS)
def test_an_institution_speaks_through_a_document(paragraph: str, english: str, people: PeopleTable) -> None:
    assert _speakers((paragraph,), people) == [("unnamed", english)] * 2


LABELS = [
    # a bracketed label line, then the quoted lines it owns until the next label
    (
        (
            "[재판장]",
            '"피고인은 최후 진술을 하세요."',
            "[김서준 측 변호사]",
            '"혐의를 전면 부인합니다."',
            '"증거가 조작됐습니다."',
        ),
        [("unnamed", "the presiding judge")] + [("unnamed", "a lawyer for Kim Seo-jun")] * 2,
    ),
    (
        ("[특검 측]", '"증거는 충분합니다."', "[검찰 측]", '"징역 5년을 구형합니다."'),
        [("unnamed", "the special counsel's team"), ("unnamed", "the prosecution")],
    ),
    (
        ("[박하윤 / 서울 마포구]", '"물가가 너무 올라서 장보기가 겁나요."'),
        [("named", "박하윤")],
    ),
    (
        ("[사진]", '"이 정도면 충분하다고 봅니다."'),  # not a speaker's label: nobody is named
        [("unknown", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), LABELS)
def test_a_label_line_owns_the_quotes_below_it(
    paragraphs: tuple[str, ...], expected: list, people: PeopleTable
) -> None:
    assert _speakers(paragraphs, people) == expected


FOREIGN_SURNAMES = [
    ('한빛 베어스 로스버그 감독은 "불펜이 버텨줬다"고 말했다.', [("named", "로스버그")]),
    ('브루크너 대사는 "관세를 올리겠다"고 말했다.', [("named", "브루크너")]),
    # a surname the people table knows names that person in full
    ('트럼프 대통령은 "관세를 올리겠다"고 말했다.', [("named", "도널드 트럼프")]),
    ('슈미트 교수는 "표본이 너무 작다"고 지적했다.', [("named", "슈미트")]),
    # a company's head after a transliterated word is the company's head, not a person named so
    ('스타트업 대표는 "투자가 얼어붙었다"고 말했다.', [("unknown", None)]),
    ('크로스핏 회장은 "회원이 늘었다"고 말했다.', [("unknown", None)]),
    ('포스트 시즌 감독은 "좋은 경기였다"고 말했다.', [("unknown", None)]),
]


@pytest.mark.parametrize(("paragraph", "expected"), FOREIGN_SURNAMES)
def test_a_foreign_surname_before_a_title(paragraph: str, expected: list, people: PeopleTable) -> None:
    assert _speakers((paragraph,), people) == expected


TITLED_ELSEWHERE = [
    # Kiwi splits these names into words; a title right before them somewhere names them
    (('배우 한가람은 "정말 기쁜 하루였다"고 말했다.',), [("named", "한가람")]),
    (
        ('가수 유하람은 "앨범을 오래 준비했다"고 말했다.', '유하람은 "팬들 덕분"이라고 덧붙였다.'),
        [("named", "유하람")] * 2,
    ),
    (('선수 모가람이 "이길 수 있다"고 말했다.',), [("named", "모가람")]),
    # no title anywhere: not named, and not the previous speaker either
    (('한가람은 "정말 기쁜 하루였다"고 말했다.',), [("unknown", None)]),
    (
        ('김철호 장관은 "예산은 충분하다"고 말했다.', '전세계는 "위기"라고 말한다.'),
        [("named", "김철호"), ("unknown", None)],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), TITLED_ELSEWHERE)
def test_a_title_elsewhere_names_a_split_name(
    paragraphs: tuple[str, ...], expected: list, people: PeopleTable
) -> None:
    assert _speakers(paragraphs, people) == expected
