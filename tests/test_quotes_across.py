"""Short forms resolved across the articles of one run ("윤 사장" here, "윤재석 한빛전자 사장" there), and
only when one person fits: the same family name, a compatible title, the same organisation.
Every sentence here was written for this test."""

from __future__ import annotations

import pytest

from brief.people import load_people
from brief.quotes import extract_run
from brief.records import Article, Outlet


@pytest.fixture(scope="module")
def people():
    return load_people()


def _article(ident: str, *paragraphs: str) -> Article:
    return Article(
        id=ident, source=f"{ident}.txt", headline=None, subheadlines=(), paragraphs=paragraphs, captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip


SHORT = _article("short", '한빛전자 윤 사장은 "투자를 늘리겠다"고 말했다.', '그는 "함께 가겠다"고 덧붙였다.')


@pytest.mark.parametrize(
    "full",
    [
        '윤재석 한빛전자 사장은 "매출을 두 배로 늘리겠다"고 말했다.',
        '한빛전자 윤재석 사장이 신제품을 공개했다. 윤 사장은 "자신 있다"고 말했다.',
        "한빛전자는 윤재석 사장 주재로 회의를 열었다. 윤재석 한빛전자 사장은 회의를 이끌었다.",
    ],
)
def test_a_short_form_takes_the_full_name_another_article_gives(full, people) -> None:
    quotes = extract_run([_article("full", full), SHORT], people)["short"]
    assert [q.speaker.ko for q in quotes] == ["윤재석", "윤재석"]
    assert quotes[0].speaker.org == "Hanbit Electronics" and not quotes[0].speaker.verified


def test_alone_the_short_form_keeps_its_label(people) -> None:
    (first, _second) = extract_run([SHORT], people)["short"]
    assert first.speaker.ko == "윤 사장" and first.speaker.en == "President Yoon of Hanbit Electronics"


@pytest.mark.parametrize(
    "others",
    [
        # two people of that family and title at that company: unsure
        ['윤재석 한빛전자 사장은 "좋다"고 말했다.', '윤도현 한빛전자 사장은 "좋다"고 말했다.'],
        # the same family and title at another company
        ['윤재석 가람전자 사장은 "좋다"고 말했다.'],
        # the same family at that company, another title
        ['윤재석 한빛전자 노조위원장은 "반대한다"고 말했다.'],
    ],
)
def test_no_single_fit_leaves_the_label(others, people) -> None:
    articles = [_article(f"o{k}", text) for k, text in enumerate(others)]
    quotes = extract_run([*articles, SHORT], people)["short"]
    assert all(q.speaker.ko == "윤 사장" for q in quotes)


def test_a_short_form_with_no_organisation_is_never_resolved(people) -> None:
    bare = _article("bare", '윤 사장은 "투자를 늘리겠다"고 말했다.')
    full = _article("full", '윤재석 한빛전자 사장은 "좋다"고 말했다.')
    quotes = extract_run([full, bare], people)["bare"]
    assert all(q.speaker.ko != "윤재석" for q in quotes)
