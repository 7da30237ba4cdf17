"""A chat model's limits come from its GGUF metadata or config; one loaded model serves both roles;
summary answers are cached so an unchanged re-run loads no model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from brief.config import BriefConfig
from brief.errors import ModelError
from brief.models import ModelPool, read_config, resolve
from brief.translate.instruct import InstructBackend, sentence_limit

pytest.importorskip("gguf")

# three Korean sentences of different shapes, each well over 70 tokens for a byte-level tokenizer
LONG_SENTENCES = (
    "산업통상자원부는 올해 하반기부터 전국 17개 시도의 중소 제조업체 3000곳에 스마트공장 구축 비용을 최대 "
    "4억원까지 지원하고, 참여 기업의 생산성과 품질을 해마다 점검하겠다고 29일 발표했다.",
    "정부는 내년부터 인공지능 반도체 연구개발에 5년간 2조4000억원을 투입해 "
    "국내 기업의 경쟁력을 높이겠다고 밝혔다.",
    "회사 측은 새 공장이 완공되면 연간 생산량이 지금보다 두 배 가까이 늘어날 것으로 내다봤다.",
    "전문가들은 금리 인하가 늦어질 경우 중소기업의 자금 사정이 더 나빠질 수 있다고 우려했다.",
)


@pytest.fixture(scope="module")
def tiny_gguf(seed_text: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny GGUF chat model whose tokenizer has seen Korean (as a Korean-capable model's has)."""
    from brief.testing import build_tiny_gguf, build_tiny_qwen2

    folder = tmp_path_factory.mktemp("gguf")
    source = build_tiny_qwen2(folder / "src", texts=[seed_text], vocab_size=2000)
    return build_tiny_gguf(folder / "tiny.gguf", source)


class Recording:
    """A SentenceBackend wrapper that records every sentence sent to the model."""

    def __init__(self, underlying: InstructBackend) -> None:
        self.underlying = underlying
        self.sent: list[str] = []

    @property
    def info(self):  # type: ignore[no-untyped-def]
        return self.underlying.info

    @property
    def max_input_tokens(self) -> int:
        return self.underlying.max_input_tokens

    @property
    def settings(self):  # type: ignore[no-untyped-def]
        return self.underlying.settings

    def count_tokens(self, sentence: str) -> int:
        return self.underlying.count_tokens(sentence)

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        self.sent += sentences
        return self.underlying.translate_batch(sentences)


def test_gguf_context_comes_from_its_metadata(tiny_gguf: Path) -> None:
    resolved = resolve(str(tiny_gguf))
    assert read_config(resolved) == {"model_type": "qwen2", "max_position_embeddings": 2048}
    backend = InstructBackend(resolved, device="cpu", max_new_tokens=4)
    assert backend.tokenizer.model_max_length > 10**20  # the tokenizer alone says "no limit"
    prompt_tokens = len(backend.tokenizer(backend.prompt(""), add_special_tokens=False)["input_ids"])
    assert backend.max_input_tokens == sentence_limit(2048, prompt_tokens)  # (2048 - prompt - 32) // 4
    assert backend.max_input_tokens > 200  # was 16: every sentence cut into fragments


@pytest.mark.parametrize(
    ("context", "prompt", "expected"),
    [(512, 200, 70), (2048, 150, 384), (1024, 300, 173), (32768, 400, 384)],
)
def test_sentence_limit_leaves_room_for_instructions_and_answer(
    context: int, prompt: int, expected: int
) -> None:
    assert sentence_limit(context, prompt) == expected


@pytest.mark.parametrize("context", [128, 256, 300])
def test_a_context_too_small_is_an_error_not_fragments(context: int) -> None:
    with pytest.raises(ModelError, match="longer context"):
        sentence_limit(context, 200)


def test_a_70_token_sentence_is_sent_whole(tiny_gguf: Path) -> None:
    from brief.translate.core import SentenceTranslator

    backend = Recording(InstructBackend(resolve(str(tiny_gguf)), device="cpu", max_new_tokens=3))
    counts = [backend.count_tokens(s) for s in LONG_SENTENCES]
    assert max(counts) >= 70 and min(counts) >= 30, counts
    translator = SentenceTranslator(backend, protect_numbers=False)
    from brief.records import Article, Outlet

    article = Article(
        id="x", source="x.txt", headline=None, subheadlines=(), paragraphs=(" ".join(LONG_SENTENCES),),
        captions=(), outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    translated = translator.translate(article)
    assert sorted(backend.sent) == sorted(LONG_SENTENCES)  # each sentence in one piece
    assert not any("split" in note for pair in translated.sentences for note in pair.notes)


def test_one_loaded_model_serves_both_roles_and_rerun_loads_none(
    tiny_gguf: Path, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import brief.models
    from brief.pipeline import build_digest

    loads: list[str] = []
    real = brief.models.load_causal_lm

    def counting(resolved, device="auto", dtype="auto"):  # type: ignore[no-untyped-def]
        loads.append(resolved.source)
        return real(resolved, device=device, dtype=dtype)

    monkeypatch.setattr(brief.models, "load_causal_lm", counting)
    config = BriefConfig(
        mt_model=f"instruct:{tiny_gguf}",  # transformers, whether or not llama-cpp-python is installed
        summarizer=f"instruct:{tiny_gguf}",
        device="cpu",
        max_new_tokens=3,
        batch_size=64,
        cache_dir=tmp_path,
    )
    first = build_digest([seeds_dir], config)
    assert loads == [str(tiny_gguf)]  # one load for both roles
    splits = [n for t in first.articles for p in t.sentences for n in p.notes if n.startswith("split")]
    assert splits == []  # every seed sentence whole
    second = build_digest([seeds_dir], config)
    assert loads == [str(tiny_gguf)]  # the re-run came from the cache: no model loaded
    assert [b.lede for b in second.briefs] == [b.lede for b in first.briefs]
    assert any("answer" in n or "extractive" in n for b in second.briefs for n in b.notes)


def test_pool_loads_each_model_once(tiny_qwen2: Path) -> None:
    pool = ModelPool()
    resolved = resolve(str(tiny_qwen2))
    first = pool.causal_lm(resolved, device="cpu")
    again = pool.causal_lm(resolve(str(tiny_qwen2), "summarization"), device="cpu")
    assert first is again and pool.loads == 1
    pool.causal_lm(resolved, device="cpu", dtype="bfloat16")
    assert pool.loads == 2  # another dtype is another copy
