"""Korean CP949 text read as Latin-1 (or Windows-1252) and saved as UTF-8 is decoded again."""

from __future__ import annotations

import pytest

from brief.ingest import MOJIBAKE_ENCODING, decode_bytes, repair_mojibake

KOREAN = [
    "시의회, 내년 예산안 통과\n\n입력 2024.03.05 10:20\n\n"
    "시의회는 5일 본회의를 열어 내년 예산안을 통과시켰다. "
    "의장은 “시민의 뜻을 따랐다”고 말했다.",
    "구립 도서관 야간 개방\n\n도서관이 밤 10시까지 문을 연다. "
    "주민들은 퇴근 뒤에도 책을 빌릴 수 있게 됐다고 반겼다.",
    "똠양꿍 축제 열려… 뷁 먹거리 장터도\n\n가나시 광장에서 세계 음식 축제가 열렸다. 관람객 수천 명이 몰렸다.",
]


def _latin1_mojibake(text: str) -> bytes:
    return text.encode("cp949").decode("latin-1").encode("utf-8")


def _cp1252_mojibake(text: str) -> bytes:
    return text.encode("cp949").decode("cp1252", errors="replace").encode("utf-8")


@pytest.mark.parametrize("text", KOREAN)
def test_latin1_mojibake_is_decoded_again_as_cp949(text: str) -> None:
    decoded, encoding = decode_bytes(_latin1_mojibake(text))
    assert decoded == text
    assert encoding == MOJIBAKE_ENCODING


@pytest.mark.parametrize("text", KOREAN)
def test_windows_1252_mojibake_is_decoded_again(text: str) -> None:
    decoded, _ = decode_bytes(_cp1252_mojibake(text))
    # bytes Windows-1252 leaves undefined (0x81, 0x8D, …) are lost; the rest of the text comes back
    assert sum(a == b for a, b in zip(decoded, text, strict=False)) >= 0.9 * len(text)


NOT_MOJIBAKE = [
    "Le président a annoncé à Genève une réforme de l'été: élèves, écoles et crèches. " * 3,
    "Die Bürger äußerten große Zweifel an der Größe des Gebäudes. Über Änderungen wird später entschieden. "
    * 3,
    "시의회는 5일 본회의를 열어 예산안을 통과시켰다. Café ÀÔ·Â ¼öÁ¤ résumé naïve façade " * 3,
]


@pytest.mark.parametrize("text", NOT_MOJIBAKE)
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert repair_mojibake(text) is None
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
