"""Fuzzing the whole pipeline in process: hostile pages -> build_digest -> Markdown, HTML and JSON.

The translation model is a stub that answers with hostile English (so the summarizer, the merge and the
renderers meet hostile text too). Every page is either an article of the digest or a named failure;
nothing else may be raised than BriefError (InputError when no page is usable); all three renderings
are produced and the JSON round-trips.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.config import BriefConfig
from brief.errors import BriefError, InputError
from brief.pipeline import build_digest
from brief.render import render_html, render_json, render_markdown
from brief.translate import SentenceTranslator
from tests.reliability_support import GOOD_ARTICLE, SECOND_ARTICLE, any_line, budget, documents
from tests.translate_stubs import StubBackend

CONFIG = BriefConfig(use_cache=False, summarizer="extractive", source_date_epoch=1740646800)
pages = st.one_of(documents(), st.sampled_from([GOOD_ARTICLE, SECOND_ARTICLE]), documents().map(
    lambda noise: GOOD_ARTICLE.replace("정부는", noise[:300] + " 정부는")))  # fmt: skip


def _translator(answer: str) -> Callable[..., SentenceTranslator]:
    def make(config: BriefConfig, people: object = None, pool: object = None) -> SentenceTranslator:
        return SentenceTranslator(StubBackend(lambda s: f"{answer} {s[:40]}"), batch_size=16)

    return make


def check_pipeline(texts: list[str], answer: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, text in enumerate(texts):
            path = Path(folder) / f"page{i}.txt"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            paths.append(path)
        with mock.patch("brief.translate.make_translator", _translator(answer)):
            try:
                digest = build_digest(paths, CONFIG)
            except InputError:
                return
            except BriefError as error:
                raise AssertionError(f"build_digest raised {type(error).__name__}: {error}") from None
        seen = {t.article.source for t in digest.articles} | {f.source for f in digest.failures}
        assert seen == {str(p) for p in paths}
        markdown_text = render_markdown(digest)
        assert markdown_text.startswith("---\n")
        assert "</html>" in render_html(digest)
        assert len(json.loads(render_json(digest))["articles"]) == len(digest.articles)


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    """Load the Korean analysers and tables once, before the first timed example."""
    check_pipeline([GOOD_ARTICLE, SECOND_ARTICLE], "warm up")


CASES = st.lists(pages, min_size=1, max_size=3)
ANSWERS = st.one_of(
    any_line, st.sampled_from(["", "# Evil </details> <script>x</script> [^a1]", "ZX1Q ZX9Q"])
)


@given(texts=CASES, answer=ANSWERS)
@budget(20, deadline_ms=30_000)
def test_pipeline_survives_hostile_pages(texts: list[str], answer: str) -> None:
    check_pipeline(texts, answer)


@pytest.mark.slow
@given(texts=CASES, answer=ANSWERS)
@budget(300, deadline_ms=30_000)
def test_pipeline_survives_hostile_pages_300(texts: list[str], answer: str) -> None:
    check_pipeline(texts, answer)
