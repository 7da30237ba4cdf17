"""The speaker rules as ordered tables: each named rule on sentences written for it."""

from __future__ import annotations

import pytest

from brief.people import PeopleTable, load_people
from brief.quotes import extract_quotes
from brief.quotes.extract import _Extractor
from brief.quotes.sieves import SUBJECT_RULES, is_predicate_word
from brief.records import Article, Outlet


def test_rule_order() -> None:
    assert [name for name, _rule in SUBJECT_RULES] == [
        "explicit-owner", "subject-before", "subject-after", "sentence-topic",
    ]  # fmt: skip
    assert [name for name, _rule in _Extractor._NO_SUBJECT_RULES] == [
        "told-by-next", "unread-subject", "previous-speaker", "recent-topic",
    ]  # fmt: skip


# (rule, paragraphs, Korean name of the speaker of the LAST quote, or None for unknown)
CASES: list[tuple[str, tuple[str, ...], str | None]] = [
    ("explicit-owner", ('"규제를 풀어야 한다"는 게 한도윤 한빛상의 회장의 설명이다.',), "한도윤"),
    ("explicit-owner", ('"필요하면 더 하겠다"는 것이 배지훈 한빛은행 회장의 말이다.',), "배지훈"),
    ("explicit-owner", ('"언제 끝나느냐"는 질문에 답이 없었다.',), "질문자"),
    ("subject-before", ('정우현 한빛전자 사장은 "투자를 늘린다"고 말했다.',), "정우현"),
    ("subject-before", ('토트넘 주장 손흥민은 "팀이 자랑스럽다"고 말했다.',), "손흥민"),
    ("subject-before", ('이번 대회에서 우승한 김하진 한빛FC 감독이 "선수들 덕분"이라고 말했다.',), "김하진"),
    (
        "subject-before",  # the subject right before the quote wins over a stronger one further back
        ('한도윤 의원은 "한도윤입니다"라는 글을, 김서진 의원도 "국회 요원 김서진입니다"라며 글을 올렸다.',),
        "김서진",
    ),
    (
        "subject-before",
        ('정우현 사장은 회의를 열었고 이수진 부사장이 "반대한다"고 말했다.',),
        "이수진",
    ),
    (
        "subject-before",
        ('오하람 교수는 자료를 냈고, 이어 권도윤 한빛대 교수도 "그 의견에 전적으로 동의한다"며 거들었다.',),
        "권도윤",
    ),
    ("subject-after", ('"투자를 늘린다"고 정우현 한빛전자 사장은 말했다.',), "정우현"),
    ("subject-after", ('"곧 발표하겠다"고 권도윤 한빛대 총장이 밝혔다.',), "권도윤"),
    ("subject-after", ('"예산이 모자란다"고 오세진 강남구청장은 말했다.',), "오세진"),
    ("sentence-topic", ('오하람 한빛대 교수는 자료를 내놓았고, "금리가 내린다"고 말했다.',), "오하람"),
    (
        "sentence-topic",
        ('유하늘 한빛이글스 감독은 "부담스럽지 않았냐"는 질문을 받자 "아니다"라고 답했다.',),
        "유하늘",
    ),
    ("sentence-topic", ('남도현 한빛시 시장은 회견을 열었고, 이어 "예산을 늘린다"고 밝혔다.',), "남도현"),
    ("told-by-next", ('"시장이 바닥을 쳤다."', "윤재훈 한빛증권 연구원은 이같이 말했다."), "윤재훈"),
    ("told-by-next", ('"올해가 고비입니다."', "최가온 한빛화학 사장은 간담회에서 이렇게 말했다."), "최가온"),
    ("told-by-next", ('"다시 뛰어서 꼭 이기겠습니다."', "이한결 한빛FC 감독은 이같이 밝혔다."), "이한결"),
    (
        "unread-subject",
        ('정우현 한빛전자 사장은 "투자를 늘린다"고 말했다.', '전 장관은 "동의한다"고 말했다.'),
        None,
    ),
    (
        "unread-subject",
        ('정우현 한빛전자 사장은 "투자를 늘린다"고 말했다.', '노조원들은 "반대한다"고 말했다.'),
        None,
    ),
    (
        "unread-subject",
        ('정우현 한빛전자 사장은 "투자를 늘린다"고 말했다.', '주주들은 "환영한다"고 했다.'),
        None,
    ),
    (
        "previous-speaker",
        ('정우현 한빛전자 사장은 "투자를 늘린다"고 말했다.', '이어 "인력도 뽑는다"고 말했다.'),
        "정우현",
    ),
    (
        "previous-speaker",
        ('정우현 한빛전자 사장은 "투자를 늘린다"고 말했다.', '그러면서 "공장도 짓는다"고 했다.'),
        "정우현",
    ),
    ("previous-speaker", ('정우현 한빛전자 사장은 "투자를 늘린다"며', '"공장도 짓는다"고 했다.'), "정우현"),
    ("recent-topic", ("정우현 한빛전자 사장은 연단에 섰다.", '"투자를 늘린다"고 말했다.'), "정우현"),
    ("recent-topic", ("권도윤 한빛대 교수는 자료를 냈다.", '"집값이 오른다"고 내다봤다.'), "권도윤"),
    (
        "recent-topic",
        ("권도윤 한빛대 교수는 자료를 냈다.", "아무 말도 없었다.", "시간이 흘렀다.", '"오른다"고 했다.'),
        None,
    ),
]


@pytest.fixture(scope="module")
def people() -> PeopleTable:
    return load_people()


@pytest.mark.parametrize(
    ("rule", "paragraphs", "speaker"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule(rule: str, paragraphs: tuple[str, ...], speaker: str | None, people: PeopleTable) -> None:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=paragraphs, captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    quotes = extract_quotes(article, people)
    assert quotes, rule
    last = quotes[-1].speaker
    got = last.ko if last.kind == "named" or last.ko == "질문자" else None
    assert got == speaker, (rule, [(q.speaker.ko, q.text_ko) for q in quotes])


PREDICATES = [("처리한", True), ("관련해", True), ("빠져있는", True), ("질문에", False), ("이날", False)]


@pytest.mark.parametrize(("word", "predicate"), PREDICATES)
def test_predicate_words(word: str, predicate: bool) -> None:
    assert is_predicate_word(word) is predicate
