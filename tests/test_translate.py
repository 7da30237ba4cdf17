"""The sentence-aligned translator: splitting, alignment, batching, caching, CLI (stub and tiny models)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from translate_stubs import StubBackend
from typer.testing import CliRunner

from brief.config import BriefConfig
from brief.records import Article, Outlet, Quote, Speaker
from brief.translate import SentenceTranslator, make_translator, translate_articles
from brief.translate.core import HEADLINE, caption_paragraph, subheadline_paragraph, trim_repetition
from brief.translate.segment import fit_to_limit, split_sentences

PARAGRAPH = (
    "KT는 26일 MS와 교육 분야에서 협력한다고 밝혔다. 양사는 이날 AI 스킬링 이니셔티브를 논의했다. "
    '김영섭 대표는 "AX 생태계를 확장하겠다"고 말했다.'
)
LONG = (
    '김영섭 대표는 "한국적 AI, KT 시큐어 퍼블릭 클라우드(SPC) 등 MS와의 전략적 파트너십을 '
    "기반으로 한 AX 솔루션 개발이 가시화되고 있으며 앞으로도 양사 협력을 더욱 심화해 나갈 "
    '것이다"며 "AX 액셀러레이터로서 AX가 필요한 기업의 든든한 파트너가 돼 우리나라의 AX '
    '생태계를 확장하겠다"고 말했다.'
)


def article(id_: str = "a", paragraphs: tuple[str, ...] = (PARAGRAPH,), **extra: object) -> Article:
    fields: dict[str, object] = {
        "id": id_,
        "source": f"{id_}.txt",
        "headline": "KT, MS와 AI 동맹",
        "subheadlines": ("5년간 협력", "한국형 AI 개발"),
        "paragraphs": paragraphs,
        "captions": ("김영섭 KT 대표가 발언하고 있다.",),
        "outlet": Outlet(),
        "reporters": (),
        "date": None,
        "date_evidence": None,
    }
    fields.update(extra)
    return Article(**fields)  # type: ignore[arg-type]


def quote(text: str, paragraph: int = 0) -> Quote:
    return Quote(
        article_id="a",
        location="body",
        paragraph=paragraph,
        span=(0, len(text)),
        text_ko=text,
        kind="direct",
        verb="말했다",
        stance="said",
        speaker=Speaker(kind="named", ko="김영섭", en="Kim Young-shub"),
    )


# ---------------------------------------------------------------- segmentation
def test_split_sentences_spans() -> None:
    spans = split_sentences(PARAGRAPH)
    assert [PARAGRAPH[s:e] for s, e in spans] == [
        "KT는 26일 MS와 교육 분야에서 협력한다고 밝혔다.",
        "양사는 이날 AI 스킬링 이니셔티브를 논의했다.",
        '김영섭 대표는 "AX 생태계를 확장하겠다"고 말했다.',
    ]
    assert split_sentences("  ") == []


def test_sentence_splits_are_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brief.translate import segment
    from brief.translate.cache import TranslationCache

    cache = TranslationCache(tmp_path / "cache.sqlite3")
    texts = [PARAGRAPH, "한 문장뿐이다.", "", LONG]
    first = segment.split_many(texts, cache)
    assert [len(spans) for spans in first] == [3, 1, 0, 1]

    def no_kiwi() -> None:
        raise AssertionError("Kiwi was loaded although every split is cached")

    monkeypatch.setattr(segment, "_kiwi", no_kiwi)
    assert segment.split_many(texts, TranslationCache(tmp_path / "cache.sqlite3")) == first


def test_quoted_sentences_stay_with_their_frame() -> None:
    text = '그러면서 "고객은 기다려주지 않는다. 혁신해야 한다"고 했다. 다음 문장이다.'
    assert len(split_sentences(text)) == 2


def _words(text: str) -> int:
    return len(text.split()) + 1


@pytest.mark.parametrize("limit", [3, 6, 10, 20, 40])
def test_fit_to_limit_covers_everything_within_the_limit(limit: int) -> None:
    spans = fit_to_limit(LONG, _words, limit)
    pieces = [LONG[s:e] for s, e in spans]
    assert "".join("".join(p.split()) for p in pieces) == "".join(LONG.split())  # nothing lost, in order
    assert all(_words(p) <= max(limit, 2) for p in pieces)
    assert (len(pieces) == 1) == (_words(LONG) <= limit)


def test_fit_to_limit_prefers_clause_boundaries() -> None:
    pieces = [LONG[s:e] for s, e in fit_to_limit(LONG, _words, 24)]
    assert pieces[0].endswith(("있으며", '것이다"며'))


def test_fit_to_limit_splits_a_word_without_spaces() -> None:
    word = "가" * 50
    spans = fit_to_limit(word, len, 10)
    assert "".join(word[s:e] for s, e in spans) == word


@pytest.mark.parametrize(
    ("text", "expected", "trimmed"),
    [
        ("the the the the deal", "the deal", True),
        ("KT and MS KT and MS KT and MS KT and MS signed", "KT and MS signed", True),
        ("a normal sentence, with a normal ending.", "a normal sentence, with a normal ending.", False),
        ("very very good", "very very good", False),
    ],
)
def test_trim_repetition(text: str, expected: str, trimmed: bool) -> None:
    assert trim_repetition(text) == (expected, trimmed)


# ---------------------------------------------------------------- alignment with a stub backend
def test_every_sentence_is_translated_in_order() -> None:
    translated = SentenceTranslator(StubBackend(), None).translate(article())
    kinds = [p.paragraph for p in translated.sentences]
    assert kinds == [
        HEADLINE,
        subheadline_paragraph(0),
        subheadline_paragraph(1),
        0,
        0,
        0,
        caption_paragraph(0),
    ]
    for pair in translated.sentences:
        assert pair.en == f"EN[{pair.ko}]"
        text = {
            HEADLINE: translated.article.headline,
            caption_paragraph(0): translated.article.captions[0],
        }.get(pair.paragraph)
        if pair.paragraph >= 0:
            text = translated.article.paragraphs[pair.paragraph]
        elif pair.paragraph in (subheadline_paragraph(0), subheadline_paragraph(1)):
            text = translated.article.subheadlines[-2 - pair.paragraph]
        assert text is not None and text[pair.span[0] : pair.span[1]] == pair.ko
    assert [p.index for p in translated.sentences if p.paragraph == 0] == [0, 1, 2]
    assert translated.headline_en == "EN[KT, MS와 AI 동맹]"
    assert translated.subheadlines_en == ("EN[5년간 협력]", "EN[한국형 AI 개발]")
    assert translated.paragraphs_en[0].count("EN[") == 3
    assert translated.captions_en == ("EN[김영섭 KT 대표가 발언하고 있다.]",)


def test_glossary_forms_reach_the_output() -> None:
    from brief.translate.glossary import load_glossary

    translator = SentenceTranslator(StubBackend(lambda s: s), load_glossary())
    translated = translator.translate(
        article(paragraphs=("KT와 마이크로소프트는 2.4조 원 규모의 협력을 한다.",))
    )
    body = translated.paragraphs_en[0]
    assert "Microsoft" in body and "KRW 2.4 trillion" in body and "2.4조" not in body


def test_batch_size_does_not_change_alignment() -> None:
    articles = [article("a"), article("b", paragraphs=(LONG, PARAGRAPH))]
    one = translate_articles(SentenceTranslator(StubBackend(), None, batch_size=1), articles, {})
    seven = translate_articles(SentenceTranslator(StubBackend(), None, batch_size=7), articles, {})
    assert one == seven


def test_batches_are_shared_sorted_and_deduplicated() -> None:
    backend = StubBackend()
    articles = [article("a"), article("b")]  # the same texts twice
    results = SentenceTranslator(backend, None, batch_size=4).translate_many(articles, {})
    assert results[0].sentences == results[1].sentences
    assert len(backend.sentences) == len(set(backend.sentences)) == len(results[0].sentences)
    lengths = [len(s) for s in backend.sentences]
    assert lengths == sorted(lengths)
    assert all(len(batch) <= 4 for batch in backend.batches)


def test_progress_counts_every_article_sentence() -> None:
    seen: list[int] = []
    results = translate_articles(
        SentenceTranslator(StubBackend(), None, batch_size=2),
        [article("a"), article("b", paragraphs=(LONG,))],
        {},
        seen.append,
    )
    assert sum(seen) == sum(len(r.sentences) for r in results)
    assert len(seen) > 1


def test_long_sentence_is_split_never_truncated() -> None:
    backend = StubBackend(max_input_tokens=12)
    translated = SentenceTranslator(backend, None).translate(article(paragraphs=(LONG,)))
    body = [p for p in translated.sentences if p.paragraph == 0]
    assert len(body) == 1
    pair = body[0]
    assert any(n.startswith("split: over model limit") for n in pair.notes)
    assert all(backend.count_tokens(s) <= 12 for s in backend.sentences)
    inside = "".join(re.findall(r"EN\[(.*?)\]", pair.en))
    assert "".join(inside.split()) == "".join(LONG.split())


def test_quotes_get_their_own_translation() -> None:
    quotes = [quote("AX 생태계를 확장하겠다"), quote("첫 문장이다. 둘째 문장이다.")]
    translated = SentenceTranslator(StubBackend(), None).translate(article(), quotes)
    assert [q.text_en for q in translated.quotes] == [
        "EN[AX 생태계를 확장하겠다]",
        "EN[첫 문장이다.] EN[둘째 문장이다.]",
    ]
    assert all(p.paragraph != 1 or p.ko for p in translated.sentences)


def test_empty_output_is_noted() -> None:
    translated = SentenceTranslator(StubBackend(lambda s: ""), None).translate(article())
    assert all("empty output" in p.notes for p in translated.sentences)


# ---------------------------------------------------------------- the tiny Marian model
def _config(model: Path, tmp_path: Path, **extra: object) -> BriefConfig:
    values: dict[str, object] = {
        "mt_model": str(model),
        "cache_dir": tmp_path / "cache",
        "max_new_tokens": 6,
        "num_beams": 1,
        "device": "cpu",
        "batch_size": 8,
    }
    values.update(extra)
    return BriefConfig(**values)  # type: ignore[arg-type]


def test_tiny_marian_translates_every_sentence(tiny_marian: Path, tmp_path: Path) -> None:
    translator = make_translator(_config(tiny_marian, tmp_path, use_cache=False))
    assert translator.info.backend == "seq2seq"
    articles = [article("a"), article("b", paragraphs=(LONG,), subheadlines=(), captions=())]
    results = translate_articles(translator, articles, {})
    for result, source in zip(results, articles, strict=True):
        assert len([p for p in result.sentences if p.paragraph >= 0]) == sum(
            len(split_sentences(t)) for t in source.paragraphs
        )
        assert all(isinstance(p.en, str) for p in result.sentences)
        assert any(p.en for p in result.sentences)
    again = make_translator(_config(tiny_marian, tmp_path, use_cache=False, batch_size=1))
    single = translate_articles(again, articles, {})
    assert [[(p.paragraph, p.index, p.ko) for p in r.sentences] for r in single] == [
        [(p.paragraph, p.index, p.ko) for p in r.sentences] for r in results
    ]


def test_tiny_marian_splits_over_its_limit(tiny_marian: Path, tmp_path: Path) -> None:
    small = tmp_path / "small-marian"
    shutil.copytree(tiny_marian, small)
    settings = json.loads((small / "tokenizer_config.json").read_text(encoding="utf-8"))
    settings["model_max_length"] = 24
    (small / "tokenizer_config.json").write_text(json.dumps(settings), encoding="utf-8")
    translator = make_translator(_config(small, tmp_path, use_cache=False))
    backend = translator.backend
    assert backend.max_input_tokens == 24
    result = translator.translate(article(paragraphs=(LONG,)))
    pair = next(p for p in result.sentences if p.paragraph == 0)
    assert any(n.startswith("split: over model limit") for n in pair.notes)


def test_tiny_marian_cache_hits_make_no_model_call(tiny_marian: Path, tmp_path: Path) -> None:
    first = make_translator(_config(tiny_marian, tmp_path))
    cold = first.translate(article())
    assert first.backend.underlying.calls > 0  # type: ignore[attr-defined]
    second = make_translator(_config(tiny_marian, tmp_path))
    warm = second.translate(article())
    assert warm == cold
    assert second.backend.underlying.calls == 0  # type: ignore[attr-defined]
    assert not second.backend.underlying.lazy.is_loaded  # type: ignore[attr-defined]  # never even loaded
    assert not second.backend.underlying.lazy.has_tokenizer  # type: ignore[attr-defined]  # counts cached


# ---------------------------------------------------------------- the command line
def test_cli_offline_model_exits_2(seeds_dir: Path, tmp_path: Path) -> None:
    from brief.cli import app

    result = CliRunner().invoke(
        app,
        ["translate", str(seeds_dir), "--mt-model", "brief-test/no-such-model", "--cache-dir", str(tmp_path)],
    )
    assert result.exit_code == 2, result.output
    assert "brief-test/no-such-model" in result.output
    assert "brief models pull" in result.output
    assert "Traceback" not in result.output


def test_cli_translates_every_seed_sentence(seeds_dir: Path, tiny_marian: Path, tmp_path: Path) -> None:
    from brief.cli import app

    args = ["translate", str(seeds_dir), "--mt-model", str(tiny_marian), "--json", "--beams", "1"]
    args += ["--max-new-tokens", "2", "--batch-size", "64", "--cache-dir", str(tmp_path), "--device", "cpu"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 5
    for item in data:
        paragraphs = item["article"]["paragraphs"]
        body = [s for s in item["sentences"] if s["paragraph"] >= 0]
        expected = [(i, j) for i, text in enumerate(paragraphs) for j in range(len(split_sentences(text)))]
        assert [(s["paragraph"], s["index"]) for s in body] == expected
        assert all(isinstance(s["en"], str) for s in item["sentences"])
        assert len(item["paragraphs_en"]) == len(paragraphs)
        assert all(q["text_en"] is not None for q in item["quotes"])


def test_non_commercial_licence_is_reported(
    tiny_marian: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model = tmp_path / "nc-marian"
    shutil.copytree(tiny_marian, model)
    (model / "README.md").write_text("---\nlicense: cc-by-nc-4.0\n---\n# a model\n", encoding="utf-8")
    make_translator(_config(model, tmp_path))
    assert "non-commercial" in caplog.text


def _fake_seq2seq(tiny_marian: Path, generate: Callable[..., Any], seen: dict[str, object]) -> Any:
    """A Seq2SeqBackend whose loaded model and tokenizer are stand-ins (generate is ``generate``)."""
    import torch

    from brief.models import LanguagePair, LazyModel, LoadedModel, resolve
    from brief.translate.seq2seq import Seq2SeqBackend

    class Tokenizer:
        model_max_length = 64

        def __call__(self, texts, **kwargs):  # type: ignore[no-untyped-def]
            seen["texts"] = texts
            return _Batch(attention_mask=torch.ones((len(texts), 3), dtype=torch.long))

        def batch_decode(self, output, skip_special_tokens: bool):  # type: ignore[no-untyped-def]
            return [f" {o} " for o in output]

    class Model:
        config = type("Config", (), {"max_position_embeddings": 64})()

        def generate(self, **kwargs):  # type: ignore[no-untyped-def]
            seen["generate"] = kwargs
            return generate(**kwargs)

    resolved = resolve(str(tiny_marian))
    backend = Seq2SeqBackend(resolved, num_beams=3)
    backend.lazy = LazyModel.of(
        LoadedModel(
            model=Model(),
            tokenizer=Tokenizer(),
            device="cpu",
            dtype=torch.float32,
            info=resolved.info("seq2seq"),
            resolved=resolved,
            max_input_tokens=64,
            languages=LanguagePair(None, "en", "<2en> "),
            generate_kwargs={"forced_bos_token_id": 7},
        )
    )
    return backend


def test_language_codes_reach_generate(tiny_marian: Path) -> None:
    """MADLAD's "<2en> " prefix goes before every sentence; forced_bos_token_id (NLLB, M2M100) to generate."""
    seen: dict[str, object] = {}
    backend = _fake_seq2seq(tiny_marian, lambda **kw: ["out"] * len(kw["attention_mask"]), seen)
    assert backend.translate_batch(["가.", "나."]) == ["out", "out"]
    assert seen["texts"] == ["<2en> 가.", "<2en> 나."]
    kwargs = seen["generate"]
    assert isinstance(kwargs, dict)
    assert kwargs["forced_bos_token_id"] == 7
    assert kwargs["num_beams"] == 3
    assert kwargs["no_repeat_ngram_size"] == 4
    assert kwargs["max_new_tokens"] == 2 * 3 + 16


def test_out_of_memory_halves_the_batch(tiny_marian: Path) -> None:
    import torch

    from brief.errors import ModelError

    sizes: list[int] = []

    def generate(**kwargs: Any) -> list[str]:
        size = len(kwargs["attention_mask"])
        sizes.append(size)
        if size > 2:
            raise torch.OutOfMemoryError("CUDA out of memory")
        return ["ok"] * size

    backend = _fake_seq2seq(tiny_marian, generate, {})
    assert backend.translate_batch(["가.", "나.", "다.", "라.", "마."]) == ["ok"] * 5
    assert sizes == [5, 2, 3, 1, 2]  # 5 fails, 2 works, 3 fails, then 1 and 2

    def always(**kwargs: Any) -> list[str]:
        raise torch.OutOfMemoryError("CUDA out of memory")

    with pytest.raises(ModelError, match="ran out of memory"):
        _fake_seq2seq(tiny_marian, always, {}).translate_batch(["가."])


class _Batch(dict):  # type: ignore[type-arg]
    def to(self, device: str) -> _Batch:
        return self


# ---------------------------------------------------------------- the seeds, with a copying "model"
@pytest.fixture(scope="module")
def seeds_copied(seeds_dir: Path, kt_glossary_file: Path) -> list[Any]:
    """The cleaned seeds "translated" by a model that copies its input: what protection leaves
    (with the seeds' opt-in glossary, brief/data/examples/kt_microsoft.toml)."""
    from brief.people import load_people
    from brief.pipeline import load_articles
    from brief.translate.glossary import load_glossary

    articles, failures = load_articles([seeds_dir], BriefConfig())
    assert not failures
    glossary = load_glossary([kt_glossary_file], people=load_people())
    translator = SentenceTranslator(StubBackend(lambda s: s), glossary)
    return translate_articles(translator, articles, {})


@pytest.mark.parametrize(
    ("seed", "must_contain", "must_not_contain"),
    [
        ("000_", ["Kim Young-shub", "Microsoft", "Satya Nadella", "Korean-style AI", "second quarter"],
         ["한국적 AI"]),
        ("001_", ["trillions of won", "Mi:dm", "GSMA", "Ministry of Science and ICT", "Samsung Electronics"],
         ["수조원"]),
        ("002_", ["Korea-specific AI", "first quarter", "first half"], ["1분기", "상반기"]),
        ("003_", ["AI One Team", "KAIST", "ETRI", "Hyundai Heavy Industries Holdings", "SK Telecom", "Kakao"],
         []),
        ("004_", ["KRW 2.4 trillion", "five-year", "KT Cloud", "Azure", "Microsoft Korea",
                  "Secure Public Cloud"], ["2.4조", "5개년", "애저"]),
    ],
)  # fmt: skip
def test_seed_names_terms_and_numbers_come_out_in_table_form(
    seeds_copied: list[Any], seed: str, must_contain: list[str], must_not_contain: list[str]
) -> None:
    translated = next(t for t in seeds_copied if Path(t.article.source).name.startswith(seed))
    english = "\n".join(p.en for p in translated.sentences)
    for text in must_contain:
        assert text in english
    for text in must_not_contain:
        assert text not in english
    assert not re.search(r"ZX\d", english)
    # the stub copies the Korean, which the translation check flags (Hangul left); nothing else is noted
    notes = [n for p in translated.sentences for n in p.notes if not n.startswith("flagged: ")]
    assert all("split" in n for n in notes)
    assert all(any("Hangul left" in n for n in p.notes) for p in translated.sentences if p.en != p.ko or p.ko)


def test_people_missing_from_the_table_are_romanized_consistently(seeds_dir: Path) -> None:
    from brief.people import PeopleTable, load_people
    from brief.pipeline import load_articles

    full = load_people()
    no_people = PeopleTable(  # the title and organisation tables, but nobody in the people table
        (),
        titles={t: full.translate_title(t) or "" for t in full.title_words},
        orgs={o: full.translate_org(o) or "" for o in full.org_names},
    )
    articles, _ = load_articles([seeds_dir], BriefConfig())
    translator = SentenceTranslator(StubBackend(lambda s: s), None, people=no_people)
    results = {Path(t.article.source).name[:3]: t for t in translate_articles(translator, articles, {})}
    english = {key: "\n".join(p.en for p in t.sentences) for key, t in results.items()}
    assert "Song Chang-hyeon" in english["000"] and "송창현" not in english["000"]
    assert "Koo Hyeon-mo" in english["003"] and "구현모" not in english["003"]
    assert "Choi Ji-ung" in english["004"]
    assert "Na Del-ra" not in english["000"]  # 사티아 나델라 is a foreign name, left to the model
    assert "Han Da-neun" not in english["003"]  # "한다는 구 사장": a verb, not a name
