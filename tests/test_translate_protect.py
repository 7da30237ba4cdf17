"""Placeholder protection: damage done by the model is detected and repaired (stub backends)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from translate_stubs import PLACEHOLDER, StubBackend, keep_placeholders

from brief.records import Article, Outlet
from brief.translate.core import SentenceTranslator
from brief.translate.glossary import Glossary, load_glossary
from brief.translate.protect import protect, restore

SENTENCE = "KT는 마이크로소프트(MS)와 2.4조 원 규모의 5개년 파트너십을 맺고 '믿음'을 키운다."
EXPECTED = ["Microsoft", "KRW 2.4 trillion", "five-year", "Mi:dm"]


@pytest.fixture(scope="module")
def glossary(kt_glossary_file: Path) -> Glossary:
    return load_glossary([kt_glossary_file])


def test_protect_hides_terms_and_numbers(glossary: Glossary) -> None:
    protected = protect(SENTENCE, glossary)
    assert [s.en for s in protected.slots] == EXPECTED
    for hidden in ("마이크로소프트", "MS", "2.4조", "5개년", "믿음"):
        assert hidden not in protected.masked
    assert protected.masked.count("ZX1Q") == 1  # "마이크로소프트(MS)" is one placeholder, not two


def test_same_english_shares_a_placeholder(glossary: Glossary) -> None:
    protected = protect("MS는 마이크로소프트다.", glossary)
    assert len(protected.slots) == 1
    assert protected.slots[0].count == 2
    assert restore(protected, "ZX1Q is ZX1Q.").text == "Microsoft is Microsoft."


def _article(*paragraphs: str) -> Article:
    return Article(
        id="t",
        source="t.txt",
        headline=None,
        subheadlines=(),
        paragraphs=paragraphs,
        captions=(),
        outlet=Outlet(),
        reporters=(),
        date=None,
        date_evidence=None,
    )


def _translate(rule, glossary: Glossary) -> tuple[str, tuple[str, ...], StubBackend]:  # type: ignore[no-untyped-def]
    backend = StubBackend(rule)
    translator = SentenceTranslator(backend, glossary)
    pair = translator.translate(_article(SENTENCE)).sentences[0]
    return pair.en, pair.notes, backend


def test_intact_placeholders_restore_exact_forms(glossary: Glossary) -> None:
    english, notes, backend = _translate(keep_placeholders, glossary)
    assert english == "It says " + " and ".join(EXPECTED) + "."
    assert notes == ()
    assert backend.calls == 1


def test_moved_placeholders_restore_by_identity(glossary: Glossary) -> None:
    def reorder(s: str) -> str:
        return "Moved: " + ", ".join(reversed(PLACEHOLDER.findall(s))) + "."

    english, notes, _ = _translate(reorder, glossary)
    assert english == "Moved: " + ", ".join(reversed(EXPECTED)) + "."
    assert notes == ()


@pytest.mark.parametrize(
    ("mangle", "note"),
    [
        (lambda t: t.lower(), "placeholder repaired"),
        (lambda t: " ".join(t), "placeholder repaired"),  # "Z X 1 Q"
        (lambda t: t[:-1], "placeholder repaired"),  # final Q lost
        (lambda t: t[:2] + "-" + t[2:], "placeholder repaired"),  # "ZX-1Q"
    ],
)
def test_mangled_placeholders_are_repaired(glossary: Glossary, mangle, note: str) -> None:  # type: ignore[no-untyped-def]
    def damage(s: str) -> str:
        return PLACEHOLDER.sub(lambda m: mangle(m.group(0)), keep_placeholders(s))

    english, notes, _ = _translate(damage, glossary)
    assert english == "It says " + " and ".join(EXPECTED) + "."
    assert any(n.startswith(note) for n in notes)


def test_duplicated_and_invented_placeholders_are_removed(glossary: Glossary) -> None:
    def duplicate(s: str) -> str:
        tokens = PLACEHOLDER.findall(s)
        return f"{tokens[0]} {tokens[0]} {tokens[0]} and " + " ".join(tokens[1:]) + " ZX77Q."

    english, notes, _ = _translate(duplicate, glossary)
    assert english.count("Microsoft") == 1
    assert all(form in english for form in EXPECTED)
    assert "ZX" not in english
    assert any("repeated" in n for n in notes)
    assert any("invented" in n for n in notes)


def test_dropped_placeholder_is_detected_and_sentence_retranslated(glossary: Glossary) -> None:
    def drop_second(s: str) -> str:
        tokens = PLACEHOLDER.findall(s)
        if not tokens:  # the retry, without placeholders: a faithful "model" output
            return "KT signs a five-year partnership worth KRW 2.4 trillion with Microsoft to grow Mi:dm."
        return "Only " + " ".join(t for i, t in enumerate(tokens) if i != 1) + "."

    english, notes, backend = _translate(drop_second, glossary)
    assert english.startswith("KT signs")
    assert "retranslated without placeholders" in notes
    assert any("dropped" in n and "KRW 2.4 trillion" in n for n in notes)
    assert backend.calls == 2
    # the retry sees the sentence with the English forms written in
    inline = "KT는 Microsoft와 KRW 2.4 trillion 규모의 five-year 파트너십을 맺고 'Mi:dm'을 키운다."
    assert backend.batches[1] == [inline]


def test_retranslation_reports_forms_missing_from_output(glossary: Glossary) -> None:
    english, notes, _ = _translate(lambda s: "Nothing useful." if not PLACEHOLDER.search(s) else "", glossary)
    assert english == "Nothing useful."
    missing = next(n for n in notes if n.startswith("not in the output"))
    for form in EXPECTED:
        assert form in missing


def test_no_placeholder_survives_in_any_output(glossary: Glossary) -> None:
    def chaos(s: str) -> str:
        tokens = PLACEHOLDER.findall(s)
        return " ".join(t.lower() + " " + t for t in reversed(tokens)) + " zx 9 q."

    english, _, _ = _translate(chaos, glossary)
    assert not re.search(r"(?i)z\s?x\s?-?\d", english)


def test_english_gloss_in_parentheses_is_absorbed(glossary: Glossary) -> None:
    protected = protect("MS AI 투어 인 서울(Microsoft AI Tour in Seoul)에 앞서", glossary)
    assert protected.masked == "ZX1Q에 앞서"
    assert restore(protected, "Ahead of ZX1Q").text == "Ahead of Microsoft AI Tour in Seoul"


# ---------------------------------------------------------------- a term that is also an ordinary word
def test_ordinary_word_is_protected_only_where_marked(glossary: Glossary) -> None:
    assert [s.en for s in protect("KT의 '믿음'이 공공 시장에 들어간다.", glossary).slots] == ["Mi:dm"]
    assert protect("두 회사 사이의 믿음이 깊어졌다.", glossary).slots == ()
    assert protect("신뢰와 믿음을 쌓는 데 10년이 걸렸다.", glossary, numbers=False).slots == ()
    assert [s.en for s in protect("믿음은 경량 모델이다.", glossary, named={"믿음"}).slots] == ["Mi:dm"]


def test_translator_names_the_term_across_an_article_that_marks_it(glossary: Glossary) -> None:
    translator = SentenceTranslator(StubBackend(lambda s: s), glossary)
    story = translator.translate(_article("KT는 ‘믿음’을 새로 내놨다.", "믿음은 작은 모델이다."))
    assert all("Mi:dm" in p.en and "믿음" not in p.en for p in story.sentences)
    plain = translator.translate(_article("고객의 믿음이 가장 중요하다.", "그 믿음은 쉽게 깨진다."))
    assert all("믿음" in p.en and "Mi:dm" not in p.en for p in plain.sentences)
