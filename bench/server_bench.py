"""Translation throughput against an OpenAI-compatible server at several concurrency levels, twice:
straight to the server, and with a fixed latency in front of it (a remote or hosted server).

    python bench/server_bench.py [--concurrency 1 4 16] [--sentences 96] [--max-new-tokens 8]
                                 [--latency 0.5] [--continuous-batching]
    python bench/server_bench.py --api-base http://127.0.0.1:8080/v1 --model qwen2.5-7b   # your server

Without --api-base it starts ``transformers serve`` (offline, CPU) over a tiny random Qwen2 chat model
from ``brief.testing`` (tokenizer trained on the seeds), so it runs anywhere; ``--continuous-batching``
lets that server batch concurrent requests (without it, it runs one ``generate`` at a time).

Two modes, each at every concurrency level, all within one run:

- **direct**: brief's client straight to the server. Throughput rises with concurrency only when the
  server can work on several requests at once (continuous batching, spare cores or a GPU).
- **latency**: the same server behind the tests' pass-through proxy (``tests/model_server.py``), which
  holds every request ``--latency`` seconds before forwarding it, as the network and queue of a remote
  or hosted server do (the proxy's own forwarding, a few tens of milliseconds here, comes on top).
  Concurrency hides that wait, up to what the server can do.

The client notes when each request left and its answer came back: the report gives the most requests in
flight at once (brief's client really sending ``concurrency`` at a time; in the latency mode the proxy's
own count follows after a slash) and the mean time a request took (when it grows with concurrency while
throughput stays flat, the server is answering one request at a time).

The seeds' sentences go one per request (the alignment of numbered lines is not what is measured), with
no cache. Each row gives sentences/s and its ratio to the first level of the same mode; absolute figures
depend on the machine and its load, the ratios within one run are the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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


def timed_client(model: str, settings: Any) -> Any:
    """A ChatClient that notes each request's span and the most requests in flight at once."""
    from brief.remote import ChatClient

    class TimedClient(ChatClient):
        def __init__(self) -> None:
            super().__init__(model, settings)
            self.spans: list[float] = []
            self.in_flight = self.max_in_flight = 0
            self._count = threading.Lock()

        def complete(self, messages: Any, max_tokens: int, stop: Any = None) -> str:
            with self._count:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            start = time.perf_counter()
            try:
                return super().complete(messages, max_tokens, stop)
            finally:
                with self._count:
                    self.in_flight -= 1
                    self.spans.append(time.perf_counter() - start)

    return TimedClient()


def _translate(base_url: str, model: str, sentences: list[str], level: int, max_new_tokens: int) -> Any:
    """Translate ``sentences`` one a request, ``level`` requests at a time: (seconds, the timed client)."""
    from brief.remote import ServerSettings
    from brief.translate.remote import OpenAIBackend

    settings = ServerSettings(base_url, concurrency=level)
    client = timed_client(model, settings)
    client.check()  # the model list: not part of the timing
    backend = OpenAIBackend(model, settings, per_request=1, max_new_tokens=max_new_tokens, client=client)
    start = time.perf_counter()
    backend.translate_batch(sentences)
    return time.perf_counter() - start, client


def run(
    base_url: str, model: str, sentences: list[str], levels: list[int], max_new_tokens: int, latency: float
) -> None:
    from tests.model_server import FaultProxy

    _translate(base_url, model, sentences[:4], 1, max_new_tokens)  # loads the model on the server
    parts = urlsplit(base_url)
    proxy = FaultProxy(f"{parts.scheme}://{parts.netloc}")
    proxy_url = f"http://127.0.0.1:{proxy.port}{parts.path}"  # it forwards the path unchanged
    print(f"{len(sentences)} sentences, one a request, max_tokens {max_new_tokens} each, {base_url}")
    header = f"{'mode':<14}  {'concurrency':>11}  {'seconds':>8}  {'sentences/s':>11}  {'vs first':>8}"
    print(f"{header}  {'in flight':>9}  {'mean request s':>14}")
    modes = [("direct", base_url, 0.0)]
    if latency > 0:
        modes.append((f"latency {latency:g} s", proxy_url, latency))
    try:
        for mode, url, held in modes:
            first = None
            for level in levels:
                proxy.reset()
                proxy.latency_s = held
                seconds, client = _translate(url, model, sentences, level, max_new_tokens)
                rate = len(sentences) / seconds
                first = first or rate
                line = f"{mode:<14}  {level:>11}  {seconds:>8.2f}  {rate:>11.1f}  {rate / first:>7.2f}x"
                flight = str(client.max_in_flight) + (f"/{proxy.max_in_flight}" if url == proxy_url else "")
                mean = sum(client.spans) / max(1, len(client.spans))
                print(f"{line}  {flight:>9}  {mean:>14.2f}")
    finally:
        proxy.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--sentences", type=int, default=96)
    parser.add_argument("--max-new-tokens", type=int, default=8)
    held = "seconds held before each request (0: only the no-latency mode)"
    parser.add_argument("--latency", type=float, default=0.5, help=held)
    parser.add_argument("--api-base", help="an OpenAI-compatible server (default: start a local one)")
    parser.add_argument("--model", default="tiny", help="the server's model name")
    parser.add_argument("--continuous-batching", action="store_true", help="for the local server")
    args = parser.parse_args()
    sentences = seed_sentences(args.sentences)
    measure = (sentences, args.concurrency, args.max_new_tokens, args.latency)
    if args.api_base:
        run(args.api_base, args.model, *measure)
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
            run(server.base_url, "tiny", *measure)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
