"""Fuzzing the translation wrapper (sentence split, glossary and number protection, batching, realignment)
with hostile articles and hostile model answers (stub backends: no model needed).

Every Korean character of every text is inside the span of exactly one aligned sentence (nothing is
dropped), every sentence gets an English side (an empty answer is kept and noted), and quotes get their
English text; the only exception allowed is BriefError.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.errors import BriefError
from brief.people import load_people
from brief.records import Article, Outlet, Quote, Speaker
from brief.translate import SentenceTranslator, load_glossary
from brief.translate.core import HEADLINE, caption_paragraph, subheadline_paragraph
from tests.reliability_support import FAST_EXAMPLES, SLOW_EXAMPLES, any_line, budget, nested_quotes
from tests.translate_stubs import StubBackend, keep_placeholders

GLOSSARY = load_glossary(people=load_people())


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    """Load the Korean analyser before the first timed example (loading it takes seconds, once)."""
    from brief.translate.segment import split_sentences

    split_sentences("정부는 26일 발표했다. 김 대표는 말했다.")


def _answer(kind: str, noise: str) -> object:
    """How the stub model answers: perfectly, with nothing, with noise, or with placeholders mangled."""
    rules = {
        "perfect": keep_placeholders,
        "echo": lambda s: s,
        "empty": lambda s: "",
        "noise": lambda s: noise,
        "drop-placeholders": lambda s: "It says nothing " + noise,
        "double-placeholders": lambda s: keep_placeholders(s) + " " + keep_placeholders(s),
        "repeat-loop": lambda s: "the the the the the the the the " * 20,
    }
    return rules[kind]


texts = st.one_of(any_line, nested_quotes).map(lambda t: t.strip() or "다.")


@st.composite
def cases(draw: st.DrawFn) -> tuple[Article, tuple[Quote, ...], str, str, int, int]:
    paragraphs = tuple(draw(st.lists(texts, min_size=1, max_size=6)))
    article = Article(
        id="fuzz",
        source="fuzz.txt",
        headline=draw(st.one_of(st.none(), texts)),
        subheadlines=tuple(draw(st.lists(texts, max_size=2))),
        paragraphs=paragraphs,
        captions=tuple(draw(st.lists(texts, max_size=1))),
        outlet=Outlet(),
        reporters=(),
        date=None,
        date_evidence=None,
    )
    quotes = tuple(
        Quote("fuzz", "body", 0, (0, len(t)), t, "direct", None, None, Speaker(kind="unknown"))
        for t in draw(st.lists(texts, max_size=2))
    )
    kind = draw(st.sampled_from(["perfect", "echo", "empty", "noise", "drop-placeholders",
                                 "double-placeholders", "repeat-loop"]))  # fmt: skip
    return article, quotes, kind, draw(any_line), draw(st.integers(1, 8)), draw(st.integers(4, 64))


def check_translate(case: tuple[Article, tuple[Quote, ...], str, str, int, int]) -> None:
    article, quotes, kind, noise, batch_size, limit = case
    backend = StubBackend(_answer(kind, noise), max_input_tokens=limit)  # type: ignore[arg-type]
    translator = SentenceTranslator(backend, GLOSSARY, batch_size=batch_size)
    try:
        translated = translator.translate(article, quotes)
    except BriefError:
        return
    assert len(translated.paragraphs_en) == len(article.paragraphs)
    assert len(translated.subheadlines_en) == len(article.subheadlines)
    assert len(translated.captions_en) == len(article.captions)
    assert (translated.headline_en is None) == (article.headline is None)
    sources = {HEADLINE: article.headline or ""}
    sources |= {subheadline_paragraph(i): t for i, t in enumerate(article.subheadlines)}
    sources |= {caption_paragraph(i): t for i, t in enumerate(article.captions)}
    sources |= dict(enumerate(article.paragraphs))
    covered: dict[int, set[int]] = {p: set() for p in sources}
    for pair in translated.sentences:
        text = sources[pair.paragraph]
        start, end = pair.span
        assert text[start:end] == pair.ko
        assert not covered[pair.paragraph] & set(range(start, end)), "two sentences share characters"
        covered[pair.paragraph] |= set(range(start, end))
        if not pair.en:
            assert "empty output" in pair.notes, pair
    for paragraph, text in sources.items():
        missing = [c for i, c in enumerate(text) if not c.isspace() and i not in covered[paragraph]]
        assert not missing, f"characters dropped from paragraph {paragraph}: {missing[:20]}"
    assert len(translated.quotes) == len(quotes)


@given(case=cases())
@budget(FAST_EXAMPLES)
def test_translation_keeps_every_sentence_aligned(case: tuple) -> None:
    check_translate(case)


@pytest.mark.slow
@given(case=cases())
@budget(SLOW_EXAMPLES)
def test_translation_keeps_every_sentence_aligned_1000(case: tuple) -> None:
    check_translate(case)
