"""The openai backend against a real local server (``transformers serve`` over the tiny Qwen2, one per
session) and the fault-injecting proxy in front of it (see tests/model_server.py).

The tiny model's English is noise: these tests check mechanics. Where a test needs answers a random
model cannot give (aligned numbered lines, chatter), the proxy scripts them, and the test says so.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.config import BriefConfig
from brief.errors import ServerUnavailableError
from brief.remote import ChatClient, ServerSettings, drop_thinking
from brief.translate.remote import OpenAIBackend, parse_numbered, public_url
from tests.model_server import FaultProxy, TransformersServer, free_port, numbered_korean

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1740646800"
SECRET = "sk-test-never-written-0123456789"
KOREAN = [
    "정부는 올해 연구개발 예산을 5% 늘리기로 했다.",
    "회사는 새 공장을 내년 3월에 완공할 계획이다.",
    "전문가들은 수출이 회복될 것으로 내다봤다.",
    "시장은 금리 결정을 기다리고 있다.",
    "그는 기자회견에서 사퇴하지 않겠다고 말했다.",
    "이번 행사에는 3000명이 참석했다.",
    "은행은 대출 금리를 0.2%포인트 낮췄다.",
    "학생들은 새 학기를 준비하고 있다.",
    "날씨가 추워지면서 난방 수요가 늘었다.",
    "회의는 두 시간 동안 이어졌다.",
]


@pytest.fixture
def one_seed(seed_files: list[Path], tmp_path: Path) -> Path:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(seed_files[0], folder)
    return folder


def _english(ko: str) -> str:
    """A stand-in translation, different for each sentence, that passes the check (no digits)."""
    return f"English of line {'abcdefghij'[KOREAN.index(ko)]}" if ko in KOREAN else "Something else"


def aligned(request: dict[str, Any]) -> str:
    """Scripted by the proxy: a correct numbered answer for every Korean line."""
    return "\n".join(f"{i}. {_english(ko)}" for i, ko in enumerate(numbered_korean(request), 1))


def _translation_requests(proxy: FaultProxy) -> int:
    """Requests that asked for translations (not the one-token probe of a model not yet loaded)."""
    return sum("<<<KOREAN>>>" in b["messages"][-1]["content"] for b in proxy.bodies)


# ---------------------------------------------------------------- units
@pytest.mark.parametrize(
    ("answer", "n", "expected"),
    [
        ("1. One.\n2. Two.", 2, ["One.", "Two."]),
        ("1) One.\n\n2) Two.\n3) Three.", 3, ["One.", "Two.", "Three."]),
        ("1. One.", 2, None),  # a line missing
        ("1. One.\n2. Two.\n3. Three.", 2, None),  # a line added
        ("2. Two.\n1. One.", 2, None),  # out of order
        ("Here are the translations:\n1. One.\n2. Two.", 2, None),  # chatter between the slots
        ("1. One.\nand more\n2. Two.", 2, None),
        ('"Only one sentence."', 1, ["Only one sentence."]),  # one sentence: taken whole, cleaned
        ("", 1, None),
    ],
)
def test_numbered_answers_must_align(answer: str, n: int, expected: list[str] | None) -> None:
    assert parse_numbered(answer, ["회사는 밝혔다."] * n) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<think>plan the answer</think>The answer.", "The answer."),
        ("<THINK>\nlong\nthoughts\n</THINK>\n1. A", "1. A"),
        ("1. A <think>never closed", "1. A"),
    ],
)
def test_thinking_is_dropped(text: str, expected: str) -> None:
    assert drop_thinking(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://user:pw@host:8000/v1", "http://host:8000/v1"),
        ("https://api.example.com/v1", "https://api.example.com/v1"),
        ("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1"),
    ],
)
def test_urls_in_provenance_lose_credentials(url: str, expected: str) -> None:
    assert public_url(url) == expected


# ---------------------------------------------------------------- against the real server
def test_build_seeds_with_a_real_server_for_both_roles(
    proxy: FaultProxy, seeds_dir: Path, tmp_path: Path
) -> None:
    """`brief build seeds/ --mt-model openai:tiny --summarizer openai:tiny --api-base URL`, then again
    from the cache without a single request; the API key is never written anywhere."""
    out, cache = tmp_path / "digest.md", tmp_path / "cache"
    args = ["build", str(seeds_dir), "-o", str(out), "--mt-model", "openai:tiny", "--summarizer"]
    args += ["openai:tiny", "--api-base", proxy.base_url, "--max-new-tokens", "4", "--quiet"]
    args += ["--sentences-per-request", "1", "--cache-dir", str(cache)]
    env = {"SOURCE_DATE_EPOCH": EPOCH, "BRIEF_API_KEY": SECRET}
    first = runner.invoke(app, args, env=env)
    assert first.exit_code == 0, first.output
    text = out.read_text(encoding="utf-8")
    assert f"tiny @ {proxy.base_url}" in text and "openai" in text
    assert proxy.requests > 100  # every seed sentence and each summary went to the server
    summaries = [b for b in proxy.bodies if "<<<KOREAN>>>" not in b["messages"][-1]["content"]]
    assert len(summaries) >= 5
    odd = [b for b in proxy.bodies if b.get("temperature") != 0 or "seed" not in b]
    assert not odd, odd[:1]
    assert all(b["max_tokens"] <= 8 for b in proxy.bodies)  # small max tokens keep this fast
    first_requests = proxy.requests
    again = runner.invoke(app, args, env=env)
    assert again.exit_code == 0, again.output
    assert proxy.requests == first_requests  # translations and summary answers from the cache
    assert out.read_text(encoding="utf-8") == text
    written = b"".join(p.read_bytes() for p in [out, *cache.rglob("*")] if p.is_file())
    assert SECRET.encode() not in written
    assert SECRET not in first.output + again.output


@pytest.mark.parametrize("concurrency", [1, 4])
def test_requests_run_concurrently(
    proxy: FaultProxy, model_server: TransformersServer, concurrency: int
) -> None:
    backend = OpenAIBackend(
        "tiny", ServerSettings(proxy.base_url, concurrency=concurrency), per_request=1, max_new_tokens=2
    )
    answers = backend.translate_batch(KOREAN[:8])
    assert len(answers) == 8
    assert _translation_requests(proxy) == 8
    assert proxy.max_in_flight == concurrency


PLANS = ("새 계획", "예산안", "보고서", "일정")
WORDS = ("red", "blue", "green", "north", "south", "old", "new", "small", "large", "main", "city")


def _word(korean: str) -> str:
    import zlib

    return WORDS[zlib.crc32(korean.encode()) % len(WORDS)]


def test_the_translator_keeps_every_concurrent_request_busy(proxy: FaultProxy, tmp_path: Path) -> None:
    """--concurrency 8 at 2 sentences a request needs batches of 16 sentences: a batch of --batch-size 4
    would send only 2 requests at a time. Scripted answers, held 0.3 s by the proxy so that requests sent
    together are seen together."""
    from brief.records import Article, Outlet
    from brief.translate import make_translator

    def plain(request: dict[str, Any]) -> str:  # scripted: a clean answer the check passes
        count = len(numbered_korean(request))
        return "\n".join(f"{i}. The office announced the plan." for i in range(1, count + 1))

    proxy.script, proxy.latency_s = plain, 0.3
    config = BriefConfig(
        mt_model="openai:tiny", api_base=proxy.base_url, concurrency=8, sentences_per_request=2,
        batch_size=4, cache_dir=tmp_path,
    )  # fmt: skip
    translator = make_translator(config)
    assert translator.batch_size == 16
    sentences = [f"{who}는 {what}을 발표했다." for who in ("정부", "회사", "학교", "은행") for what in PLANS]
    article = Article(
        id="x", source="x.txt", headline=None, subheadlines=(), paragraphs=(" ".join(sentences),),
        captions=(), outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    translated = translator.translate(article)
    assert not [p.notes for p in translated.sentences if p.notes]  # no strict retries in the count
    assert _translation_requests(proxy) == 8
    assert proxy.max_in_flight == 8


def test_summaries_keep_every_concurrent_request_busy(proxy: FaultProxy, tmp_path: Path) -> None:
    """`brief build` summarizes in chunks of 8 articles; with --concurrency 12 and 10 articles on a model
    server, all 10 summary requests go out together. Scripted answers (the summaries' do not parse and
    fall back, which is not what is measured); the script holds each summary request 0.3 s and counts
    how many it holds at once."""
    import threading

    from brief.pipeline import build_digest

    held = {"now": 0, "most": 0}
    lock = threading.Lock()

    def script(request: dict[str, Any]) -> str:
        if "<<<KOREAN>>>" in request["messages"][-1]["content"]:
            lines = numbered_korean(request)  # a different English sentence for each Korean one
            answers = (f"{i}. The {_word(ko)} office announced the plan." for i, ko in enumerate(lines, 1))
            return "\n".join(answers)
        with lock:
            held["now"] += 1
            held["most"] = max(held["most"], held["now"])
        time.sleep(0.3)
        with lock:
            held["now"] -= 1
        return "No brief."

    folder = tmp_path / "in"
    folder.mkdir()
    subjects = ("정부", "회사", "학교", "은행", "시청", "법원", "병원", "공항", "항구", "극장")
    for n, who in enumerate(subjects):
        text = " ".join(f"{who}는 {when} {what}을 {verb}." for what in PLANS for when in ("오늘", "어제")
                        for verb in ("발표했다", "공개했다"))  # fmt: skip
        (folder / f"{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    proxy.script = script
    config = BriefConfig(
        mt_model="openai:tiny", summarizer="openai:tiny", api_base=proxy.base_url, concurrency=12,
        cache_dir=tmp_path / "cache",
    )  # fmt: skip
    digest = build_digest([folder], config)
    assert len(digest.briefs) == 10
    summaries = [b for b in proxy.bodies if "<<<KOREAN>>>" not in b["messages"][-1]["content"]]
    assert len([b for b in summaries if b["max_tokens"] > 1]) == 11  # a brief each, and the merged one
    assert held["most"] == 10


def test_aligned_lines_take_one_request(proxy: FaultProxy) -> None:
    proxy.script = aligned  # scripted by the proxy: a model that keeps the numbered format
    backend = OpenAIBackend("tiny", ServerSettings(proxy.base_url), per_request=5)
    assert backend.translate_batch(KOREAN) == [_english(ko) for ko in KOREAN]
    assert _translation_requests(proxy) == 2 and backend.realigned == 0


@pytest.mark.parametrize(
    "broken",
    [
        lambda lines: lines[:-1],  # a line dropped
        lambda lines: [*lines, f"{len(lines) + 1}. Extra."],  # a line added
        lambda lines: ["Here you go:", *lines],  # chatter before the lines
    ],
)
def test_misaligned_answers_split_the_batch(proxy: FaultProxy, broken: Any) -> None:
    def script(request: dict[str, Any]) -> str:  # scripted: breaks every answer of several lines
        lines = aligned(request).splitlines()
        return "\n".join(broken(lines) if len(lines) > 1 else lines)

    proxy.script = script
    backend = OpenAIBackend("tiny", ServerSettings(proxy.base_url), per_request=4)
    assert backend.translate_batch(KOREAN[:4]) == [_english(ko) for ko in KOREAN[:4]]
    assert backend.realigned == 3  # 4 -> 2 + 2 -> 1 + 1 + 1 + 1
    assert _translation_requests(proxy) == 7


# ---------------------------------------------------------------- faults from the proxy
def _client(proxy: FaultProxy, **settings: Any) -> ChatClient:
    return ChatClient("tiny", ServerSettings(proxy.base_url, **settings))


MESSAGES = [{"role": "user", "content": "Hello"}]


def test_429_waits_as_long_as_retry_after_says(proxy: FaultProxy) -> None:
    client = _client(proxy, max_retries=2)
    client.check()
    proxy.faults = ["429:2"]
    start = time.monotonic()
    client.complete(MESSAGES, 2)
    assert time.monotonic() - start >= 2.0
    assert proxy.requests == 1


def test_500s_are_retried(proxy: FaultProxy) -> None:
    client = _client(proxy, max_retries=3)
    client.check()
    proxy.faults = ["500", "500"]
    client.complete(MESSAGES, 2)
    assert proxy.requests == 1 and not proxy.faults


def test_a_slow_answer_times_out_and_is_retried(proxy: FaultProxy) -> None:
    client = _client(proxy, max_retries=2, timeout_s=1.0)
    client.check()
    proxy.faults = ["slow:3"]
    start = time.monotonic()
    client.complete(MESSAGES, 2)
    assert 1.0 <= time.monotonic() - start < 6.0
    assert proxy.requests >= 1


def test_a_server_that_keeps_failing_is_exit_2_material(proxy: FaultProxy) -> None:
    client = _client(proxy, max_retries=1)
    client.check()
    proxy.faults = ["500"] * 5
    with pytest.raises(ServerUnavailableError, match="HTTP 500") as caught:
        client.complete(MESSAGES, 2)
    assert proxy.base_url in str(caught.value)


def test_unreachable_server_exits_2_with_the_url_and_the_fix(one_seed: Path, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    result = runner.invoke(
        app, ["translate", str(one_seed), "--mt-model", "openai:tiny", "--api-base", url, "--no-cache"]
    )
    assert result.exit_code == 2, result.output
    assert url in result.output and "cannot connect" in result.output and "ollama serve" in result.output


def test_unknown_model_exits_2_with_the_pull_hint(one_seed: Path, model_server: TransformersServer) -> None:
    args = ["translate", str(one_seed), "--mt-model", "openai:no-such-model", "--no-cache"]
    result = runner.invoke(app, [*args, "--api-base", model_server.base_url])
    assert result.exit_code == 2, result.output
    assert "ollama pull no-such-model" in result.output and model_server.base_url in result.output


def test_a_server_lost_mid_run_loses_nothing(proxy: FaultProxy, one_seed: Path, tmp_path: Path) -> None:
    """The server goes away after 10 answers (the proxy stops answering): the run fails with exit-2
    material, the finished batches are in the cache, and the re-run asks only for the rest."""
    from brief.pipeline import build_digest
    from brief.translate.cache import TranslationCache

    config = BriefConfig(
        mt_model="openai:tiny", api_base=proxy.base_url, api_retries=1, batch_size=4,
        sentences_per_request=1, concurrency=2, max_new_tokens=2, cache_dir=tmp_path,
    )  # fmt: skip

    def go_down(count: int) -> None:
        if count >= 10:
            proxy.down = True

    proxy.after = go_down
    with pytest.raises(ServerUnavailableError, match="re-run continues"):
        build_digest([one_seed], config)
    cache = TranslationCache(tmp_path / "translations.sqlite3")
    kept = len(cache)
    assert kept >= 8  # the batches finished before the server went away
    proxy.reset()  # the server is back
    digest = build_digest([one_seed], config)
    asked = [b for b in proxy.bodies if "<<<KOREAN>>>" in b["messages"][-1]["content"]]
    assert len(asked) == len(cache) - kept  # only what was missing
    assert digest.articles and all(p.en for p in digest.articles[0].sentences)


def test_flagged_answers_are_asked_again_with_the_stricter_prompt(proxy: FaultProxy, tmp_path: Path) -> None:
    """Scripted by the proxy: numbered answers that chatter and invent a year, until the request carries
    the stricter instructions; the check flags the first answers, and the strict retry clears them."""
    from brief.config import BriefConfig
    from brief.records import Article, Outlet
    from brief.translate import make_translator

    def script(request: dict[str, Any]) -> str:
        strict = "rejected by a check" in request["messages"][0]["content"]
        lines = numbered_korean(request)
        if strict:
            return "\n".join(f"{i}. {_english(ko)}." for i, ko in enumerate(lines, 1))
        return "\n".join(f"{i}. Sure! {_english(ko)} in 2124." for i, ko in enumerate(lines, 1))

    proxy.script = script
    config = BriefConfig(mt_model="openai:tiny", api_base=proxy.base_url, cache_dir=tmp_path)
    translator = make_translator(config)
    article = Article(
        id="x", source="x.txt", headline=None, subheadlines=(), paragraphs=(" ".join(KOREAN[2:5]),),
        captions=(), outlet=Outlet(), reporters=(), date=None, date_evidence=None,
    )  # fmt: skip
    translated = translator.translate(article)
    assert [p.en for p in translated.sentences] == [f"{_english(ko)}." for ko in KOREAN[2:5]]
    assert all("retranslated with a stricter prompt after the check" in p.notes for p in translated.sentences)
    assert not any(n.startswith("flagged: ") for p in translated.sentences for n in p.notes)
    strict = [b for b in proxy.bodies if "rejected by a check" in b["messages"][0]["content"]]
    assert len(strict) == 3 and "chatter" in strict[0]["messages"][0]["content"]
    asked = proxy.requests
    again = make_translator(config).translate(article)  # the strict answers are cached too
    assert again.sentences == translated.sentences and proxy.requests == asked


@pytest.mark.slow
def test_a_real_server_stopped_mid_run_and_restarted(
    one_seed: Path, tmp_path: Path, seed_text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A second `transformers serve` (not the session's) is stopped once the cache holds 8 translations:
    the run fails with exit-2 material; the server is started again on the same port and the re-run
    finishes, asking only for what the cache lacks."""
    import threading

    from brief.pipeline import build_digest
    from brief.testing import build_tiny_qwen2
    from brief.translate.cache import TranslationCache

    folder = tmp_path_factory.mktemp("restart")
    build_tiny_qwen2(folder / "tiny", texts=[seed_text], vocab_size=2000)
    server = TransformersServer(folder)
    server.start()
    config = BriefConfig(
        mt_model="openai:tiny", api_base=server.base_url, api_retries=1, batch_size=4,
        sentences_per_request=1, concurrency=2, max_new_tokens=2, cache_dir=tmp_path,
    )  # fmt: skip
    cache_file = tmp_path / "translations.sqlite3"

    def stop_when_cached() -> None:
        while server.process is not None:
            if cache_file.exists() and len(TranslationCache(cache_file)) >= 8:
                server.stop()
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=stop_when_cached, daemon=True)
    watcher.start()
    try:
        with pytest.raises(ServerUnavailableError):
            build_digest([one_seed], config)
        watcher.join(30)
        kept = len(TranslationCache(cache_file))
        assert kept >= 8
        server.start()  # the same port
        digest = build_digest([one_seed], config)
    finally:
        server.stop()
    assert all(p.en for p in digest.articles[0].sentences)
    assert len(TranslationCache(cache_file)) > kept


def test_the_server_bench_reports_both_modes_and_what_was_in_flight(
    model_server: TransformersServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """bench/server_bench.py's measurement against the session's server, small: every level of both
    modes, with the client's (and, behind the latency proxy, the proxy's) count of requests in flight."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("server_bench", ROOT / "bench" / "server_bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.run(model_server.base_url, "tiny", KOREAN[:6], [1, 3], 2, 0.05)
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[2:]]
    assert [(row[0], row[-6], row[-2]) for row in rows] == [
        ("direct", "1", "1"), ("direct", "3", "3"), ("latency", "1", "1/1"), ("latency", "3", "3/3"),
    ]  # fmt: skip
    assert rows[0][-3] == "1.00x" and rows[2][-3] == "1.00x"
