"""Fuzzing the cleaner: any decoded page -> an Article or an InputError, deterministically, in bounded time.

Pages are built from hostile lines (random Unicode of every script and control class, unbalanced and
nested quote marks of every kind, real article lines with hostile text spliced in), sometimes with one
huge line (up to 60,000 repeats of a piece that regexes might backtrack on), sometimes empty lines only;
as text and wrapped in HTML.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.clean import clean_document
from brief.errors import BriefError, InputError
from brief.records import Article, RawDocument
from tests.reliability_support import FAST_EXAMPLES, SLOW_EXAMPLES, budget, documents


def _as_html(text: str, escape: bool) -> str:
    body = "".join(f"<p>{html.escape(line) if escape else line}</p>\n" for line in text.split("\n"))
    return f"<!doctype html><html><head><title>t</title></head><body><article>{body}</article></body></html>"


def check_clean(text: str, media: str) -> None:
    if media == "html-escaped":
        raw = RawDocument(Path("fuzz.html"), _as_html(text, escape=True), "utf-8", "html", len(text))
    elif media == "html-raw":
        raw = RawDocument(Path("fuzz.html"), _as_html(text, escape=False), "utf-8", "html", len(text))
    else:
        raw = RawDocument(Path("fuzz.txt"), text, "utf-8", "text", len(text))
    try:
        article = clean_document(raw)
    except InputError as error:
        assert error.path == str(raw.path)
        assert error.problem
        return
    except BriefError as error:
        raise AssertionError(
            f"clean_document raised {type(error).__name__}, not InputError: {error}"
        ) from None
    assert isinstance(article, Article)
    assert article.paragraphs, "an article without paragraphs"
    assert all(p.strip() == p and p for p in article.paragraphs)
    assert article.source == str(raw.path)
    assert clean_document(raw) == article  # deterministic, same id


MEDIA = st.sampled_from(["text", "text", "html-escaped", "html-raw"])


@given(text=documents(), media=MEDIA)
@budget(FAST_EXAMPLES)
def test_clean_document_never_raises_anything_but_input_error(text: str, media: str) -> None:
    check_clean(text, media)


@pytest.mark.slow
@given(text=documents(), media=MEDIA)
@budget(SLOW_EXAMPLES)
def test_clean_document_never_raises_anything_but_input_error_1000(text: str, media: str) -> None:
    check_clean(text, media)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n" * 10_000,
        "가" * 200_000,
        ("김영섭 기자 " * 20_000).strip(),
        "“" * 50_000 + "다.",
        "<" * 50_000,
        "\u202e" + "정부는 인공지능에 투자한다고 밝혔다. " * 50 + "\u202c",
        "a@b." * 30_000 + "kr",
        "◇" * 20_000,
        "(" * 30_000 + "서울=연합뉴스" + ")" * 30_000,
        "다." * 30_000,  # found by the fuzzer: the trailing-byline regex was quadratic on one long line
    ],
    ids=[
        "empty",
        "newlines",
        "one-syllable",
        "byline-repeat",
        "quote-marks",
        "angles",
        "rtl",
        "emails",
        "heading-marks",
        "parentheses",
        "sentence-ends",
    ],
)
def test_pathological_pages_finish_quickly(text: str) -> None:
    import time

    for media in ("text", "html-escaped"):
        started = time.perf_counter()
        check_clean(text, media)
        assert time.perf_counter() - started < 10, f"{media}: cleaning took too long"
