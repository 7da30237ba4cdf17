"""World figures from the people table keep their English names, and take the title the article gives
when the table gives none (an office that changes with elections)."""

from __future__ import annotations

import pytest

from brief.people import load_people
from brief.quotes import extract_quotes
from brief.records import Article, Outlet

PEOPLE = load_people()


def _first_speaker(text: str) -> tuple[str | None, str | None, str | None, bool]:
    article = Article(
        id="w", source="w.txt", headline=None, subheadlines=(), paragraphs=(text,), captions=(),
        outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    speaker = extract_quotes(article, PEOPLE)[0].speaker
    return speaker.ko, speaker.en, speaker.title, speaker.verified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '도널드 트럼프 미국 대통령은 "무역 협상을 다시 하겠다"고 말했다.',
            ("도널드 트럼프", "Donald Trump", "President", True),
        ),
        (
            '트럼프 대통령은 "동맹도 비용을 내야 한다"고 말했다.',
            ("도널드 트럼프", "Donald Trump", "President", True),
        ),
        (
            '제롬 파월 연준 의장은 "금리 인하를 서두르지 않겠다"고 말했다.',
            ("제롬 파월", "Jerome Powell", "Chairman", True),
        ),
        (
            '일론 머스크 테슬라 최고경영자(CEO)는 "새 공장을 짓는다"고 밝혔다.',
            ("일론 머스크", "Elon Musk", "CEO", True),
        ),
        # a transliterated name the table does not know is romanized letter by letter and not verified
        (
            '그레그 스미스 한빛전자 사장은 "시장을 넓히겠다"고 말했다.',
            ("그레그 스미스", None, "President", False),
        ),
    ],
)
def test_world_figures_by_their_english_names(text: str, expected: tuple[str, str | None, str, bool]) -> None:
    ko, en, title, verified = _first_speaker(text)
    assert (ko, title, verified) == (expected[0], expected[2], expected[3])
    if expected[1] is not None:
        assert en == expected[1]
