"""The seq2seq and instruct summarizers on tiny random models: mechanics, never wording."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from summarize_samples import KT_MS_1, articles

from brief.config import BriefConfig
from brief.errors import ModelError
from brief.summarize import english_article, make_summarizer
from brief.summarize.instruct import InstructSummarizer
from brief.summarize.seq2seq import Seq2SeqSummarizer, chunk_token_ids
from brief.summarize.text import split_sentences

LONG = " ".join([KT_MS_1.replace("\n", " ")] * 4)  # well over the tiny BART's 128 positions


# ---------------------------------------------------------------- chunking
@given(
    pieces=st.lists(st.lists(st.integers(0, 999), min_size=0, max_size=40), max_size=30),
    limit=st.integers(1, 50),
)
def test_chunks_lose_and_repeat_no_token(pieces: list[list[int]], limit: int) -> None:
    windows, split = chunk_token_ids(pieces, limit)
    assert [t for w in windows for t in w] == [t for p in pieces for t in p]
    assert all(0 < len(w) <= limit for w in windows)
    assert split == sum(len(p) > limit for p in pieces)


@pytest.mark.parametrize(
    ("pieces", "limit", "expected"),
    [
        ([[1, 2], [3, 4], [5]], 4, [[1, 2, 3, 4], [5]]),
        ([[1, 2, 3], [4, 5]], 4, [[1, 2, 3], [4, 5]]),  # sentences stay whole where they fit
        ([[1], [2, 3, 4, 5, 6], [7]], 2, [[1], [2, 3], [4, 5], [6, 7]]),  # an over-long sentence is split
    ],
)
def test_chunks_known_answers(pieces: list[list[int]], limit: int, expected: list[list[int]]) -> None:
    assert chunk_token_ids(pieces, limit)[0] == expected


# ---------------------------------------------------------------- seq2seq
@pytest.fixture(scope="module")
def seq2seq(tiny_bart: Path) -> Seq2SeqSummarizer:
    config = BriefConfig(summarizer=str(tiny_bart), device="cpu", max_new_tokens=8)
    summarizer = make_summarizer(config, people=(), glossary=())
    assert isinstance(summarizer, Seq2SeqSummarizer)
    return summarizer


def test_windows_of_a_real_tokenizer_cover_the_text_exactly(seq2seq: Seq2SeqSummarizer) -> None:
    sentences = split_sentences(LONG)
    windows, _ = seq2seq.windows(sentences)
    whole = seq2seq.tokenizer(" ".join(sentences), add_special_tokens=False)["input_ids"]
    assert len(windows) > 1
    assert [t for w in windows for t in w] == list(whole)
    assert all(len(seq2seq.prefix) + len(w) + len(seq2seq.suffix) <= 128 for w in windows)


def test_seq2seq_long_article_is_chunked_and_reduced(seq2seq: Seq2SeqSummarizer) -> None:
    long_article = english_article(LONG, headline="KT and Microsoft", article_id="long")
    short_article = articles()[3]
    briefs = seq2seq.summarize_all([long_article, short_article])
    long_brief, short_brief = briefs
    assert any("windows of at most" in n for n in long_brief.notes)
    assert not any("windows of at most" in n for n in short_brief.notes)
    for brief in briefs:
        assert brief.lede
        assert brief.total == 1 + len(brief.bullets) and 0 <= brief.supported <= brief.total
    assert long_brief.model.backend == "seq2seq" and long_brief.model.role == "summarization"
    merged = seq2seq.merge(briefs, [long_article, short_article])
    assert merged.model.backend == "seq2seq" and merged.points


def test_t5_style_task_prefix_and_settings(
    seq2seq: Seq2SeqSummarizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = {"summarization": {"prefix": "summarize: ", "num_beams": 1, "no_repeat_ngram_size": 2}}
    monkeypatch.setattr(seq2seq.loaded.model.config, "task_specific_params", task, raising=False)
    t5_like = Seq2SeqSummarizer(None, BriefConfig(max_new_tokens=8), loaded=seq2seq.loaded)
    prefix_ids = seq2seq.tokenizer("summarize: ", add_special_tokens=False)["input_ids"]
    assert t5_like.prefix == seq2seq.prefix + prefix_ids
    assert t5_like.window == seq2seq.window - len(prefix_ids)
    assert t5_like.task_kwargs == {"num_beams": 1, "no_repeat_ngram_size": 2}
    assert t5_like.summarize(articles()[3]).lede


# ---------------------------------------------------------------- instruct
@pytest.fixture(scope="module")
def instruct(tiny_qwen2: Path) -> InstructSummarizer:
    config = BriefConfig(summarizer=str(tiny_qwen2), device="cpu", max_new_tokens=12)
    summarizer = make_summarizer(config, people=(), glossary=())
    assert isinstance(summarizer, InstructSummarizer)
    return summarizer


def test_instruct_prompt_uses_the_chat_template(instruct: InstructSummarizer) -> None:
    prompt, notes = instruct.article_prompt(articles()[0])
    assert prompt.startswith("<|im_start|>system\n")
    assert prompt.endswith("<|im_start|>assistant\nLEDE:")  # the answer is started for the model
    assert prompt.index("data to summarize") < prompt.index("<|im_start|>user") < prompt.index("KT CEO Kim")
    # the worked example is an earlier turn; the article is in the last user turn only
    last_user = prompt.rindex("<|im_start|>user")
    assert prompt.index("Daejeon") < prompt.index("<|im_start|>assistant\nLEDE: Daejeon") < last_user
    assert prompt.index("KT CEO Kim") > last_user
    assert notes == []
    assert dict(instruct.prompt_hashes).keys() == {
        "article_brief.system.j2",
        "article_brief.user.j2",
        "article_brief.example.txt",
        "article_brief.example_answer.txt",
        "merged_brief.system.j2",
        "merged_brief.user.j2",
    }


def test_instruct_random_answer_falls_back_and_says_so(instruct: InstructSummarizer) -> None:
    arts = articles()
    briefs = instruct.summarize_all(arts)
    assert len(briefs) == len(arts)
    for brief in briefs:
        assert brief.model.backend == "extractive"
        assert any("answer did not parse" in n and "extractive brief used" in n for n in brief.notes)
    merged = instruct.merge(briefs, arts)
    assert any("merged answer did not parse" in n for n in merged.notes)
    assert merged.points


def test_instruct_parsed_answer_is_guarded(instruct: InstructSummarizer) -> None:
    answer = (
        "LEDE: KT and Microsoft agreed to expand their AI partnership into education.\n"
        "- KT will invest KRW 2.4 trillion over five years.\n"
        "- KT will invest KRW 7 trillion in robots.\n"
        "- Tim Cook met Kim Young-shub in Seoul.\n"
        "NUMBERS: KRW 2.4 trillion ; KRW 7 trillion"
    )
    brief = instruct.brief_from_answer(articles()[0], answer, [])
    assert brief.model.backend == "instruct"
    assert any("answer parsed" in n for n in brief.notes)
    assert [b.supported for b in brief.bullets] == [True, False, False]
    assert brief.bullets[2].issues == ("name not in source: Tim Cook",)
    assert brief.key_numbers == ("KRW 2.4 trillion",)
    assert (brief.supported, brief.total) == (2, 4)


def test_instruct_short_answer_is_topped_up(instruct: InstructSummarizer) -> None:
    answer = (
        "LEDE: KT and Microsoft agreed to expand their AI partnership.\n"
        "- Nadella met Kim Young-shub.\nNUMBERS: none"
    )
    brief = instruct.brief_from_answer(articles()[0], answer, [])
    assert len(brief.bullets) == 3
    assert any("added from the extractive brief" in n for n in brief.notes)


def test_instruct_long_article_is_reduced_not_cut(instruct: InstructSummarizer) -> None:
    small = dataclasses.replace(instruct.loaded, max_input_tokens=12 + 2200)
    reduced = InstructSummarizer(None, BriefConfig(max_new_tokens=12), loaded=small)
    prompt, notes = reduced.article_prompt(english_article(LONG, headline="KT"))
    assert notes and "best of 24 sentences" in notes[0]
    assert 1500 < reduced._length(prompt) <= 2200
    # named once in the system prompt, then closing the worked example's block and the article's
    assert prompt.count("<<<END ARTICLE>>>") == 3
    tiny = dataclasses.replace(instruct.loaded, max_input_tokens=12 + 200)
    (brief,) = InstructSummarizer(None, BriefConfig(max_new_tokens=12), loaded=tiny).summarize_all(
        articles()[:1]
    )
    assert brief.model.backend == "extractive"
    assert any("prompt too long" in n for n in brief.notes)


def test_instruct_merged_answer_cites_sources(
    instruct: InstructSummarizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts = articles()
    briefs = instruct.extractive.summarize_all(arts)
    # labels follow date order: kt3 (25th) A1, kt1 (26th) A2, kt2 (27th) A3, undated sam A4
    answer = (
        "POINT [A4]: Samsung Electronics said its operating profit rose 12.5 percent.\n"
        "POINT [A1, A2, A3]: KT and Microsoft agreed to expand their AI partnership into education.\n"
        "POINT [A2]: KT will invest KRW 9 trillion.\n"
        "NEW: KT and Microsoft agreed to expand their AI partnership."
    )
    prefill = "POINT ["  # the prompt starts the answer; the model writes the rest
    monkeypatch.setattr(
        instruct, "generate", lambda prompts, slot=None: [answer.removeprefix(prefill) for _ in prompts]
    )
    merged = instruct.merge(briefs, arts)
    assert [p.sources for p in merged.points] == [("kt3", "kt1", "kt2"), ("kt1",), ("sam",)]
    assert [p.supported for p in merged.points] == [True, False, True]
    assert merged.points[1].issues == ("number not in source: KRW 9 trillion",)
    assert merged.what_is_new == "KT and Microsoft agreed to expand their AI partnership."
    assert (merged.supported, merged.total) == (2, 3)


def test_backend_can_be_forced_and_is_checked(tiny_bart: Path) -> None:
    with pytest.raises(ModelError, match="not a causal chat model"):
        make_summarizer(BriefConfig(summarizer=f"instruct:{tiny_bart}", device="cpu"), people=(), glossary=())
