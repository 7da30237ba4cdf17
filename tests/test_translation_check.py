"""The check of every translated sentence: each rule on its own (several cases each, clean ones too),
the retry with a stricter prompt, the marks and counts in the digest, and --strict."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.people import load_people
from brief.records import Article, Outlet
from brief.translate.check import FLAG, TranslationChecker, flags_of
from brief.translate.core import SentenceTranslator
from brief.translate.glossary import load_glossary
from tests.translate_stubs import StubBackend

runner = CliRunner()


@pytest.fixture(scope="module")
def checker() -> TranslationChecker:
    people = load_people()
    glossary = load_glossary((), people)
    return TranslationChecker.from_names([*people.english_names, *(e.en for e in glossary.entries)])


# (Korean, English, the kind of finding expected); all sentences written for these tests
FLAGGED = [
    # chatter and meta-commentary
    ("정부는 예산을 늘렸다.", "Here is the translation: The government raised the budget.", "chatter"),
    ("회사는 공장을 지었다.", "Sure! The company built a factory.", "chatter"),
    ("그는 사퇴를 거부했다.", "I'll follow these steps: he refused to resign.", "chatter"),
    ("시장이 흔들렸다.", "The Korean sentence says that the market was shaken.", "chatter"),
    # prompt or delimiter leakage
    ("시장이 흔들렸다.", "The market was shaken. <<<END KOREAL>>>", "leakage"),
    ("수출이 늘었다.", "Exports rose.<|im_end|>", "leakage"),
    ("수출이 늘었다.", "Exports rose by ZX3Q.", "leakage"),
    # Hangul left over
    ("수출이 크게 늘었다.", "Exports 크게 rose.", "Hangul"),
    ("은행은 금리를 내렸다.", "The bank cut 금리.", "Hangul"),
    ("학생들이 모였다.", "학생들이 모였다.", "Hangul"),
    # length far from the source's
    ("정부는 내년부터 반도체 연구개발 예산을 크게 늘리기로 했다고 밝혔다.", "Yes.", "length"),
    ("회사는 올해 안에 새로운 공장을 완공하고 생산을 시작할 계획이다.", "Plan.", "length"),
    ("회의는 길었다고 참석자들이 말했다.", "The meeting " + "went on and on and on " * 10, "length"),
    # numbers, dates, months and years that do not match the Korean
    ("정부는 20일 지원책을 발표했다.", "The government announced support measures on 20th April.", "month"),
    (
        "정부는 20일 지원책을 발표했다.",
        "On December 20th, the government announced support measures.",
        "month",
    ),
    ("삼성전자는 2024년 실적을 발표했다.", "Samsung Electronics announced its results for 2124.", "number"),
    ("은행은 금리를 0.25%포인트 내렸다.", "The bank cut rates by 0.5 percentage points.", "number"),
    ("예산은 3조원이다.", "The budget is KRW 30 trillion.", "number"),
    # capitalised names in neither the Korean, the glossary nor the people table
    ("양사는 협력을 강화하기로 했다.", "The two companies and Yonex agreed to cooperate more.", "name"),
    ("그는 열차를 타고 부산에 갔다.", "He took the KTX to Busan.", "name"),
    ("회사 측은 새 제품을 공개했다.", "The company unveiled a new product with Zorblat Industries.", "name"),
]
CLEAN = [
    ("정부는 20일 반도체 산업에 3조원을 지원한다고 밝혔다.",
     "The government said on the 20th that it would provide KRW 3 trillion to the chip industry."),
    ("삼성전자는 2024년 1분기 실적을 발표했다.",
     "Samsung Electronics announced its results for the first quarter of 2024."),
    ("은행은 대출 금리를 0.2%포인트 낮췄다.", "The bank lowered its lending rate by 0.2 percentage points."),
    ("김영섭 KT 대표는 4월 20일 기자들과 만났다.", "KT CEO Kim Young-shub met reporters on April 20."),
    ("현대자동차는 신차를 공개했다.", "Hyundai Motor unveiled a new car."),
    ("이번 행사에는 3000명이 참석했다.", "About 3,000 people attended the event."),
    ("양사는 협력을 강화하기로 했다.", "The two companies agreed to strengthen their cooperation."),
]  # fmt: skip


@pytest.mark.parametrize(("ko", "en", "kind"), FLAGGED)
def test_each_rule_flags_what_it_should(checker: TranslationChecker, ko: str, en: str, kind: str) -> None:
    found = checker.check(ko, en)
    assert any(kind.lower() in f.lower() for f in found), found


@pytest.mark.parametrize(("ko", "en"), CLEAN)
def test_clean_translations_are_not_flagged(checker: TranslationChecker, ko: str, en: str) -> None:
    assert checker.check(ko, en) == ()


def _article(*sentences: str) -> Article:
    return Article(
        id="a", source="a.txt", headline=None, subheadlines=(), paragraphs=(" ".join(sentences),),
        captions=(), outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip


# one of each kind, and three clean ones
ANSWERS = {FLAGGED[i][0]: FLAGGED[i][1] for i in (0, 4, 7, 10, 13, 15, 18)} | dict(
    CLEAN[i] for i in (0, 2, 5)
)


class StrictStub(StubBackend):
    """A stub that answers a stricter request with a clean sentence, as a model told off might."""

    def __init__(self, rule, strict_rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        self.strict_rule = strict_rule
        self.strict: list[tuple[str, str]] = []

    def translate_strict(self, sentences: Sequence[str], problems: Sequence[str]) -> list[str]:
        self.strict += list(zip(sentences, problems, strict=True))
        return [self.strict_rule(s) for s in sentences]


def _translate(backend: StubBackend, sentences: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    people = load_people()
    translator = SentenceTranslator(backend, load_glossary((), people), people=people, protect_numbers=False)
    pairs = []
    for sentence in sentences:  # one article each: the stub answers by the exact sentence
        translated = translator.translate(_article(sentence))
        pairs += [(p.en, p.notes) for p in translated.sentences]
    return pairs


def test_every_bad_sentence_is_flagged_and_clean_ones_are_not() -> None:
    sentences = list(ANSWERS)
    pairs = _translate(StubBackend(lambda s: ANSWERS.get(s, "?")), sentences)
    flagged = [bool(flags_of(notes)) for _, notes in pairs]
    expected = [True] * 7 + [False] * 3
    assert flagged == expected


def test_a_flagged_sentence_is_asked_again_strictly_once() -> None:
    bad = FLAGGED[0]
    backend = StrictStub(lambda s: bad[1], lambda s: "The government raised the budget.")
    ((en, notes),) = _translate(backend, [bad[0]])
    assert en == "The government raised the budget."
    assert "retranslated with a stricter prompt after the check" in notes
    assert not flags_of(notes)
    assert len(backend.strict) == 1 and "chatter" in backend.strict[0][1]


def test_a_retry_that_is_no_better_keeps_the_flags() -> None:
    bad = FLAGGED[7]  # Hangul left
    backend = StrictStub(lambda s: bad[1], lambda s: "Here is the translation: 수출")
    ((en, notes),) = _translate(backend, [bad[0]])
    assert en == bad[1]
    assert any("Hangul" in f for f in flags_of(notes))
    assert len(backend.strict) == 1


def test_backends_without_a_stricter_prompt_are_flagged_without_retry() -> None:
    ko, en, _ = FLAGGED[15]
    ((out, notes),) = _translate(StubBackend(lambda s: en), [ko])
    assert out == en and any("2124" in f for f in flags_of(notes))
    assert not any("stricter prompt" in n for n in notes)


# ---------------------------------------------------------------- the digest and --strict
@pytest.fixture
def chattering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every translation starts with chatter (a stub translator; the check runs as for any backend)."""
    import brief.translate

    def make(config, people=None, pool=None):  # type: ignore[no-untyped-def]
        return SentenceTranslator(
            StubBackend(lambda s: "Here is the translation: It rose."), load_glossary((), people),
            people=people, batch_size=64,
        )  # fmt: skip

    monkeypatch.setattr(brief.translate, "make_translator", make)


def test_the_digest_marks_and_counts_flagged_sentences(
    chattering: None, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "d.md"
    result = runner.invoke(app, ["build", str(seeds_dir), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count("⚠ Translation check:") == 5  # every article
    assert "- ⚠ Here is the translation: It rose. (chatter:" in text
    counted = text.split("flagged\\_translations: ")[1].split(" of ")
    assert int(counted[0]) > 100 and counted[0] == counted[1].split()[0]  # all of them


def test_strict_makes_a_flag_exit_3(chattering: None, seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.md"
    result = runner.invoke(app, ["build", str(seeds_dir), "-o", str(out), "--quiet", "--strict"])
    assert result.exit_code == 3
    assert "--strict" in result.output and out.is_file()


def test_strict_with_clean_translations_exits_0(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import brief.translate

    def make(config, people=None, pool=None):  # type: ignore[no-untyped-def]
        return SentenceTranslator(StubBackend(_plain_english), load_glossary((), people), people=people)

    monkeypatch.setattr(brief.translate, "make_translator", make)
    result = runner.invoke(
        app, ["build", str(seeds_dir), "-o", str(tmp_path / "d.md"), "--quiet", "--strict"]
    )
    assert result.exit_code == 0, result.output


WORDS = [
    "the",
    "market",
    "rose",
    "while",
    "exports",
    "grew",
    "and",
    "officials",
    "said",
    "that",
    "prices",
    "would",
    "stay",
    "firm",
    "as",
    "demand",
    "held",
    "up",
    "across",
    "many",
    "sectors",
    "during",
    "a",
    "busy",
    "quarter",
    "for",
    "local",
    "firms",
]


def _plain_english(korean: str) -> str:
    """Lower-case English words, about as long as a translation of ``korean`` would be."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(max(2, len(korean) // 2))) + "."


def test_flag_notes_carry_the_prefix() -> None:
    assert flags_of([FLAG + "chatter: 'Sure'", "split: over model limit (2 parts)"]) == ["chatter: 'Sure'"]


@pytest.mark.parametrize("command", ["translate", "summarize"])
def test_strict_applies_to_translate_and_summarize(
    chattering: None, seed_files: list[Path], command: str
) -> None:
    result = runner.invoke(app, [command, str(seed_files[0]), "--strict"])
    assert result.exit_code == 3
    assert "the translation check flagged" in result.output
    loose = runner.invoke(app, [command, str(seed_files[0])])
    assert loose.exit_code == 0, loose.output
