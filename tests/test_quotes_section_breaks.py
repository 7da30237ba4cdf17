"""Section headings inside the body: a heading ends a label's hold on the quoted lines below it and any
continuation of the previous speaker; a bracketed label the cleaner took for a heading is still a label."""

from __future__ import annotations

import pytest

from brief.people import load_people
from brief.quotes import extract_quotes
from brief.records import Article, Heading, Outlet

PEOPLE = load_people()


def _article(paragraphs: list[str], headings: list[Heading]) -> Article:
    return Article(
        id="sections", source="sections.txt", headline=None, subheadlines=(), paragraphs=tuple(paragraphs),
        captions=(), outlet=Outlet(), reporters=(), date=None, date_evidence=None, headings=tuple(headings),
    )  # fmt: skip


def _speakers(article: Article) -> list[tuple[str, str | None]]:
    return [(q.speaker.kind, q.speaker.ko) for q in extract_quotes(article, PEOPLE)]


@pytest.mark.parametrize(
    ("paragraphs", "headings", "expected"),
    [
        # a role label taken for a heading still owns the quoted line under it (not the lawyer above)
        (
            [
                "[박지훈/한빛전자 측 변호사]",
                '"자료를 조금만 더 기다려 주십시오."',
                '"이 부분은 다음 기일에 다루겠습니다."',
            ],
            [Heading("[재판장]", 2)],
            [("named", "박지훈"), ("unnamed", "재판장")],
        ),
        (
            ['"피고인 측은 준비가 되었습니까?"'],
            [Heading("[재판장]", 0)],
            [("unnamed", "재판장")],
        ),
        # a heading that names no one ends the label above it: the next quoted line has no known speaker
        (
            [
                "[최유나 / 서울 마포구]",
                '"물가가 너무 올라서 장보기가 겁나요."',
                '"정부가 이번 달 안에 대책을 내놓는대요."',
            ],
            [Heading("◇ 정부 대책은", 2)],
            [("named", "최유나"), ("unknown", None)],
        ),
        # a subjectless continuation never reaches across a section heading
        (
            [
                '정하늘 한빛전자 사장은 "올해 매출은 두 배로 늘 것"이라고 말했다.',
                '이어 "공장은 내년에 짓는다"고 덧붙였다.',
            ],
            [Heading("◇ 남은 과제", 1)],
            [("named", "정하늘"), ("unknown", None)],
        ),
        # the same continuation without the heading does continue (the rule the heading switches off)
        (
            [
                '정하늘 한빛전자 사장은 "올해 매출은 두 배로 늘 것"이라고 말했다.',
                '이어 "공장은 내년에 짓는다"고 덧붙였다.',
            ],
            [],
            [("named", "정하늘"), ("named", "정하늘")],
        ),
    ],
)
def test_headings_break_labels_and_continuations(
    paragraphs: list[str], headings: list[Heading], expected: list[tuple[str, str | None]]
) -> None:
    assert _speakers(_article(paragraphs, headings)) == expected
