"""The persistent translation cache: hits, keys, crash safety and sharing between processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from translate_stubs import StubBackend

from brief.translate.cache import CachedBackend, TranslationCache


def _cached(tmp_path: Path, backend: StubBackend | None = None) -> tuple[CachedBackend, StubBackend]:
    backend = backend or StubBackend()
    return CachedBackend(backend, TranslationCache(tmp_path / "cache.sqlite3")), backend


def test_second_run_makes_no_backend_call(tmp_path: Path) -> None:
    cached, backend = _cached(tmp_path)
    sentences = ["하나.", "둘.", "셋.", "하나."]
    first = cached.translate_batch(sentences)
    assert first == ["EN[하나.]", "EN[둘.]", "EN[셋.]", "EN[하나.]"]
    assert backend.sentences == ["하나.", "둘.", "셋."]  # duplicates asked once
    again, backend2 = _cached(tmp_path)  # a new process would open the file again
    assert again.translate_batch(list(reversed(sentences))) == list(reversed(first))
    assert backend2.calls == 0
    assert again.hits == 4


def test_only_missing_sentences_reach_the_backend(tmp_path: Path) -> None:
    cached, backend = _cached(tmp_path)
    cached.translate_batch(["가.", "나."])
    cached.translate_batch(["나.", "다.", "가."])
    assert backend.batches == [["가.", "나."], ["다."]]


def test_settings_and_model_are_part_of_the_key(tmp_path: Path) -> None:
    cached, _ = _cached(tmp_path)
    cached.translate_batch(["가."])
    other, backend = _cached(tmp_path, StubBackend(lambda s: "other", settings={"num_beams": "1"}))
    assert other.translate_batch(["가."]) == ["other"]
    assert backend.calls == 1


def test_a_killed_run_leaves_finished_batches(tmp_path: Path) -> None:
    def fail_on_second(s: str) -> str:
        if s == "boom.":
            raise KeyboardInterrupt
        return f"EN[{s}]"

    cached, _ = _cached(tmp_path, StubBackend(fail_on_second))
    cached.translate_batch(["가.", "나."])
    with pytest.raises(KeyboardInterrupt):
        cached.translate_batch(["boom."])
    again, backend = _cached(tmp_path)
    assert again.translate_batch(["가.", "나."]) == ["EN[가.]", "EN[나.]"]
    assert backend.calls == 0


def test_unusable_cache_translates_anyway(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cached = CachedBackend(StubBackend(), TranslationCache(blocker / "cache.sqlite3"))
    assert cached.translate_batch(["가."]) == ["EN[가.]"]
    assert "cannot be used" in caplog.text


def _worker(path: str, worker: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    cached = CachedBackend(StubBackend(), TranslationCache(Path(path)))
    for batch in range(20):
        sentences = [f"문장 {worker}-{batch}-{i}." for i in range(10)] + [f"공유 {batch}."]
        cached.translate_batch(sentences)
    out.put(worker)


def test_two_processes_share_one_cache(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_worker, args=(str(path), w, queue)) for w in (1, 2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=60)
    assert sorted(queue.get(timeout=5) for _ in workers) == [1, 2]
    assert all(p.exitcode == 0 for p in workers)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == 2 * 20 * 10 + 20
