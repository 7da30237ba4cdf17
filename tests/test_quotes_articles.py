"""Quotes on Korean articles written for these tests (tests/data/quotes/), through the whole
clean -> quotes path, against gold lists: every quote, with its speaker, location and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.config import BriefConfig
from brief.people import load_people
from brief.pipeline import load_articles
from brief.quotes import extract_quotes
from brief.records import Quote

DATA = Path(__file__).resolve().parent / "data" / "quotes"

# file -> [(location, kind, speaker English name or None for unknown, start of text_ko)]
Gold = list[tuple[str, str, str | None, str]]
GOLD: dict[str, Gold] = {
    "a_6g_strategy.txt": [
        ("headline", "direct", "Ministry of Science and ICT", "6G 상용화 2028년으로"),
        ("body", "direct", "Lee Jong-ho", "세계 최초 6G 상용화로"),
        ("body", "direct", "Lee Jong-ho", "2028년까지 총 4400억원을"),
        ("body", "direct", "Lee Jong-ho", "민간의 적극적인 투자도"),
        ("body", "direct", "a telecom official", "5G 투자비도"),
        ("body", "direct", "Ryu Young-sang", "6G는 AI와 결합해야"),
        ("body", "direct", "Hong Jin-bae", "주파수 공급 계획도"),
        ("body", "direct", "Hong Jin-bae", "6G 인재 양성에도"),
        ("body", "reported", "Hong Jin-bae", "6G 분야 석박사급 인재를"),
    ],
    "b_nvidia_visit.txt": [
        ("headline", "direct", "Jensen Huang", "한국은 AI 시대 핵심 파트너"),
        ("body", "direct", "Jensen Huang", "한국은 메모리와 제조 역량을"),
        ("body", "direct", "Jensen Huang", "SK하이닉스의 HBM 없이는"),
        ("body", "direct", "Jensen Huang", "협력을 더 넓히겠다"),
        ("body", "direct", "Chey Tae-won", "엔비디아와의 협력은"),
        ("body", "direct", "an analyst", "HBM 공급 부족은"),
        ("body", "direct", "Nvidia", "한국에 AI 연구개발 센터를"),
    ],
    "c_audit.txt": [
        ("headline", "direct", "Yim Jong-yong", "내부통제 다시 세우겠다"),
        ("body", "direct", "Yim Jong-yong", "부당대출 사태에 대해"),
        ("body", "reported", "Yim Jong-yong", "친인척 대출 정보를"),
        ("body", "direct", "Kim Byeong-hwan", "우리금융의 내부통제에"),
        ("body", "direct", "Lee Bok-hyun", "엄정하게 검사하겠다"),  # the table's spelling
        ("body", "direct", "Kim Hyeon-jeong", "금융당국의 책임도"),
        ("body", "direct", "Kim Byeong-hwan", "제도 개선을 서두르겠다"),
        ("body", "direct", "Kim Hyeon-jeong", "말뿐인 약속은"),
    ],
    "d_ixio.txt": [
        ("headline", "direct", None, "AI 통화비서 시대 연다"),
        ("body", "direct", "Hwang Hyeon-sik", "익시오는 고객의 일상을"),
        ("body", "direct", "Hwang Hyeon-sik", "연내 100만 가입자를"),
        ("body", "direct", "a company representative", "당분간 유료화 계획은"),
    ],
    "e_press_conference.txt": [
        ("headline", "direct", "Chung Shin-a", "AI 메이트로 다시 성장"),
        ("body", "direct", "Chung Shin-a", "올해를 AI 서비스"),
        ("body", "direct", "Chung Shin-a", "카나나는 대화의"),
        ("body", "direct", "Chung Shin-a", "이용자 일상 곳곳에"),
        ("body", "direct", "Chung Shin-a", "회사 경영에는"),
        ("body", "direct", "Lee Sang-ho", "자체 언어모델과"),
        ("body", "direct", "Lee Sang-ho", "비용 효율이"),
        ("body", "direct", "Lee Sang-ho", "올해 안에 모델"),
        ("body", "direct", "a brokerage researcher", "결국 이용자가"),
    ],
    "f_assembly.txt": [
        ("headline", "direct", None, "산업 진흥이 우선"),
        ("headline", "direct", None, "규제 공백 우려"),
        ("body", "direct", "Choi Min-hui", "AI 기본법은"),
        ("body", "direct", "Choi Hyeong-du", "산업 진흥이 우선"),
        ("body", "direct", "Choi Hyeong-du", "과도한 규제는"),
        ("body", "direct", "Kim Hyeon", "고위험 AI에"),
        ("body", "direct", "Choi Hyeong-du", "안전장치는"),
        ("body", "direct", "a Ministry of Science and ICT official", "국회 논의를"),
    ],
}

NEVER_QUOTES = (
    "익시오",
    "보이는 전화",
    "통화 요약",
    "구독형",
    "AI 네이티브",
    "세상에 없던 통화 경험",
    "6G 전략 회의",
)


@pytest.fixture(scope="module")
def found() -> dict[str, tuple[Quote, ...]]:
    articles, failures = load_articles([DATA], BriefConfig())
    assert not failures
    people = load_people()
    return {Path(a.source).name: extract_quotes(a, people) for a in articles}


def _row(quote: Quote) -> tuple[str, str, str | None, str]:
    speaker = None if quote.speaker.kind == "unknown" else quote.speaker.en
    return quote.location, quote.kind, speaker, quote.text_ko


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_quote_with_its_speaker(name: str, found: dict[str, tuple[Quote, ...]]) -> None:
    rows = [_row(q) for q in found[name]]
    assert len(rows) == len(GOLD[name]), rows
    for row, (location, kind, speaker, prefix) in zip(rows, GOLD[name], strict=True):
        assert row[:3] == (location, kind, speaker) and row[3].startswith(prefix), row


def test_precision_and_recall(found: dict[str, tuple[Quote, ...]]) -> None:
    hits = total_found = total_gold = 0
    for name, gold in GOLD.items():
        unused = list(gold)
        rows = [_row(q) for q in found[name]]
        total_found += len(rows)
        total_gold += len(gold)
        for row in rows:
            match = next((g for g in unused if g[:3] == row[:3] and row[3].startswith(g[3])), None)
            if match:
                unused.remove(match)
                hits += 1
    assert hits / total_found >= 0.95 and hits / total_gold >= 0.95


def test_quoted_names_of_things_are_not_quotes(found: dict[str, tuple[Quote, ...]]) -> None:
    texts = {q.text_ko for quotes in found.values() for q in quotes}
    assert not texts & set(NEVER_QUOTES)
