"""Translation throughput against a local OpenAI-compatible server at several concurrency levels.

    python bench/server_bench.py [--concurrency 1 4 16] [--sentences 96] [--max-new-tokens 8]
    python bench/server_bench.py --api-base http://127.0.0.1:8080/v1 --model qwen2.5-7b   # your server

Without --api-base it starts ``transformers serve`` (offline, CPU) over a tiny random Qwen2 chat model
from ``brief.testing`` (tokenizer trained on the seeds), so it runs anywhere; pass
``--continuous-batching`` to let that server batch concurrent requests. The seeds' sentences are sent
one per request (the alignment of numbered lines is not what is measured), with no cache, once per
concurrency level, and the report gives sentences/s and each level's ratio to the first, all within
one run (absolute figures depend on the machine and its load; the ratios are the result).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed_sentences(limit: int) -> list[str]:
    from brief.config import BriefConfig
    from brief.pipeline import load_articles
    from brief.translate.segment import split_many

    articles, _ = load_articles([ROOT / "seeds"], BriefConfig())
    texts = [p for a in articles for p in a.paragraphs]
    sentences = [t[s:e] for t, spans in zip(texts, split_many(texts), strict=True) for s, e in spans]
    unique = list(dict.fromkeys(sentences))
    return (unique * (limit // max(1, len(unique)) + 1))[:limit]


def run(base_url: str, model: str, sentences: list[str], levels: list[int], max_new_tokens: int) -> None:
    from brief.remote import ServerSettings
    from brief.translate.remote import OpenAIBackend

    warm = OpenAIBackend(model, ServerSettings(base_url), per_request=1, max_new_tokens=max_new_tokens)
    warm.translate_batch(sentences[:4])  # loads the model on the server, opens connections
    print(f"{len(sentences)} sentences, one a request, max_tokens {max_new_tokens} each, {base_url}")
    print(f"{'concurrency':>11}  {'seconds':>8}  {'sentences/s':>11}  {'vs first':>8}")
    first = None
    for level in levels:
        backend = OpenAIBackend(
            model, ServerSettings(base_url, concurrency=level), per_request=1, max_new_tokens=max_new_tokens
        )
        start = time.perf_counter()
        backend.translate_batch(sentences)
        seconds = time.perf_counter() - start
        rate = len(sentences) / seconds
        first = first or rate
        print(f"{level:>11}  {seconds:>8.2f}  {rate:>11.1f}  {rate / first:>7.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--sentences", type=int, default=96)
    parser.add_argument("--max-new-tokens", type=int, default=8)
    parser.add_argument("--api-base", help="an OpenAI-compatible server (default: start a local one)")
    parser.add_argument("--model", default="tiny", help="the server's model name")
    parser.add_argument("--continuous-batching", action="store_true", help="for the local server")
    args = parser.parse_args()
    sentences = seed_sentences(args.sentences)
    if args.api_base:
        run(args.api_base, args.model, sentences, args.concurrency, args.max_new_tokens)
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from brief.testing import TransformersServer, build_tiny_qwen2

    with tempfile.TemporaryDirectory() as folder:
        seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
        build_tiny_qwen2(Path(folder) / "tiny", texts=[seeds], vocab_size=2000)
        server = TransformersServer(
            Path(folder), extra=["--continuous-batching"] if args.continuous_batching else []
        )
        server.start()
        try:
            run(server.base_url, "tiny", sentences, args.concurrency, args.max_new_tokens)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
