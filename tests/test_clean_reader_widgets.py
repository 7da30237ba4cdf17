"""Lines that speak to the reader about the page: a summary box cut off by the scraper, a pointer to the
video; and story sentences with the same words, which stay."""

from __future__ import annotations

import pytest

from brief.clean.boilerplate import is_reader_widget


@pytest.mark.parametrize(
    "line",
    [
        # a machine summary's disclaimer whose last sentence the scraper cut
        "이 서비스는 자동 추출 기술로 기사 내용을 세 줄로 요약한 결과입니다. "
        "빠진 내용이 있을 수 있으니 본문 전체를 읽어",
        "본 요약은 인공지능이 기사 내용을 정리한 결과입니다. 정확한 이해를 위해 원문 읽기를 권",
        # a broadcast page's pointer to its video
        "※ 자세한 내용은 동영상으로 확인하실 수 있습니다.",
        "자세한 소식은 영상에서 확인하세요.",
        "※자세한 내용은 영상을 통해 확인하시기 바랍니다.",
    ],
)
def test_reader_widgets_are_furniture(line: str) -> None:
    assert is_reader_widget(line)


@pytest.mark.parametrize(
    "line",
    [
        "정부는 자세한 내용은 다음 주에 발표할 수 있다고 밝혔다.",
        "그는 영상으로 확인할 수 있다고 말했다.",
        "경찰은 사고 당시 영상을 확보해 자세한 내용은 조사 중이라고 밝혔다.",
        # a cut last sentence does not make a story sentence a widget
        "회사는 이 기사 내용과 관련해 공식 입장을 내지 않았다. 다만 내부 검토를 진행하고",
    ],
)
def test_story_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_reader_widget(line)
