"""Speakers the family-name rules cannot see, and the subjects that keep or break a chain of quotes.

* stage and given names an article shows to be people's: after a job word ("가수 하늘은", "리더 도윤은")
  or listed after a group ("그룹 별빛(도윤, 하람, 시우)"); a dictionary word after a job word ("가수 출신")
  never is one, and a listed name that is also a verb form ("정하는") counts only where a clause begins;
* a person the text withholds, the letter glued to the title ("A총경은", "B교수가");
* the one asked a question stays the topic ("김 감독은 "…냐"는 질문을 받자 웃었다. "…"는 설명이었다");
* a title as the subject ("배우는", "감독은") and a speaker we could not name break the chain.

Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest

from brief.people import load_people, romanize_stage_name
from brief.quotes import extract_quotes
from brief.records import Article, Outlet, Quote


@pytest.fixture(scope="module")
def people():
    return load_people()


def _quotes(paragraphs: list[str], people) -> list[Quote]:
    article = Article(
        id="t", source="t.txt", headline=None, subheadlines=(), paragraphs=tuple(paragraphs), captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    return list(extract_quotes(article, people))


def _who(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.ko if q.speaker.kind == "named" else None for q in quotes]


# ---------------------------------------------------------------- names after a job word
@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["가수 케이나가 새 싱글을 냈다.", '케이나는 "겨울에 어울리는 노래"라고 소개했다.'], ["케이나"]),
        (['래퍼 도담은 "무대가 그리웠다"고 말했다.'], ["도담"]),
        (['배우 하윤슬이 시상식에 섰다. 하윤슬은 "함께한 동료 덕분"이라고 말했다.'], ["하윤슬"]),
        (["방송인 하루나가 진행을 맡는다.", '하루나는 "첫 회부터 긴장된다"고 말했다.'], ["하루나"]),
    ],
)
def test_a_name_after_a_job_word_is_a_person(paragraphs, expected, people) -> None:
    assert _who(_quotes(paragraphs, people)) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        ['가수 출신 배우는 "노래가 그립다"고 했다.'],
        ['배우 겸 감독은 "두 일 모두 즐겁다"고 말했다.'],
        ['모델 활동을 마친 그녀의 동료는 "쉬고 싶다"고 말했다.'],
    ],
)
def test_a_dictionary_word_after_a_job_word_is_no_name(paragraphs, people) -> None:
    assert _who(_quotes(paragraphs, people)) == [None]


# ---------------------------------------------------------------- members listed after a group
GROUP = "보이그룹 은하수(도윤, 하람, 시우, 정하)가 두 번째 앨범을 냈다."


def test_members_listed_after_a_group_are_people(people) -> None:
    quotes = _quotes(
        [
            GROUP,
            '리더 도윤은 "더 큰 무대에 서겠다"고 말했다. 이어 하람은 "팬들 덕분"이라고 했고, '
            '시우는 "쉬지 않겠다"라고 말했다. 정하는 "응원해 달라"고 덧붙였다.',
        ],
        people,
    )
    assert _who(quotes) == ["도윤", "하람", "시우", "정하"]
    assert [q.speaker.en for q in quotes] == ["Do-yun", "Ha-ram", "Si-u", "Jeong-ha"]
    assert not any(q.speaker.verified for q in quotes)  # the text's names, not the people table's


@pytest.mark.parametrize(
    "sentence",
    [
        '일정을 정하는 "회의가 길어졌다"는 말이 나왔다.',
        '순서를 정하는 "제비뽑기가 공정하다"고 관계자는 말했다.',
        '무대 순서를 정하는 "방식이 바뀌었다"는 설명이 이어졌다.',
    ],
)
def test_a_listed_name_that_is_also_a_verb_counts_only_where_a_clause_begins(sentence, people) -> None:
    quotes = _quotes([GROUP, sentence], people)
    assert "정하" not in _who(quotes)


@pytest.mark.parametrize(
    "listing",
    [
        "그룹 별빛(사진, 오른쪽)이 무대에 올랐다.",  # a photo note, not members: its words are no names
        "밴드 하늘소(2019년 데뷔)가 공연했다.",
        "듀오 물결(서울)이 공연했다.",
    ],
)
def test_a_parenthesis_that_lists_no_members_declares_no_names(listing, people) -> None:
    from brief.quotes.mentions import declared_names

    assert declared_names([listing], people) == frozenset()


def test_stage_names_are_romanized_as_given_names() -> None:
    assert romanize_stage_name("하람") == "Ha-ram"
    assert romanize_stage_name("하윤슬") == "Ha Yun-seul"  # a family name and two syllables
    assert romanize_stage_name("케이나") == "Keina"


# ---------------------------------------------------------------- a withheld name glued to its title
@pytest.mark.parametrize(
    ("sentence", "ko", "title"),
    [
        ('조사를 마친 A총경은 "성실히 답했다"고 말했다.', "A총경", "Senior Superintendent"),
        ('B교수는 "연구는 계속된다"라고 밝혔다.', "B교수", "Professor"),
        ('법정에 나온 C부장이 "지시를 따랐을 뿐"이라고 말했다.', "C부장", None),
    ],
)
def test_a_letter_glued_to_a_title_is_the_texts_own_label(sentence, ko, title, people) -> None:
    (quote,) = _quotes([sentence], people)
    assert quote.speaker.kind == "named" and quote.speaker.ko == ko
    assert not quote.speaker.verified
    if title is not None:
        assert (quote.speaker.title or "").lower() == title.lower()


# ---------------------------------------------------------------- the one asked stays the topic
@pytest.mark.parametrize(
    "paragraph",
    [
        '한빛 유하준 감독은 "부담되지 않느냐"는 질문을 받자 웃었다. "늘 있는 일"이라는 설명이었다.',
        '유하준 감독은 "언제 복귀하느냐"는 물음에 고개를 저었다. "아직 이르다"고 했다.',
        '유하준 감독(사진)은 "계획이 뭐냐"는 질문에 잠시 생각했다. "하나씩 하겠다"는 답이었다.',
    ],
)
def test_the_one_asked_a_question_answers_next(paragraph, people) -> None:
    quotes = _quotes([paragraph], people)
    assert quotes[0].speaker.kind != "named"  # the question is the asker's
    assert quotes[-1].speaker.ko == "유하준"


# ---------------------------------------------------------------- what breaks a chain
@pytest.mark.parametrize(
    "paragraphs",
    [
        ['유하준 감독은 "이길 수 있다"고 말했다.', '배우는 "촬영이 힘들었다"고 했다.'],
        ['유하준 감독은 "이길 수 있다"고 말했다.', '감독은 "선수들이 잘했다"고 말했다.'],
        [
            '유하준 감독은 "이길 수 있다"고 말했다.',
            '한빛전자 D전무는 "실적이 좋다"고 했다. 이어 "투자를 늘리겠다"고 했다.',
        ],
    ],
)
def test_another_subject_breaks_the_chain(paragraphs, people) -> None:
    quotes = _quotes(paragraphs, people)
    assert quotes[0].speaker.ko == "유하준"
    assert all(q.speaker.ko != "유하준" for q in quotes[1:])


def test_an_unnamed_speaker_in_between_is_not_skipped_over(people) -> None:
    quotes = _quotes(
        [
            '유하준 감독은 경기 전 "이길 수 있다"고 말했다.',
            '한 시민은 "응원하러 왔다"고 했다. 이어 "꼭 이기길 바란다"고 덧붙였다.',
        ],
        people,
    )
    assert quotes[0].speaker.ko == "유하준"
    assert all(q.speaker.ko != "유하준" for q in quotes[1:])
