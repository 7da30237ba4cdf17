"""A real OpenAI-compatible server for the tests (``transformers serve`` over a tiny local model), and a
small fault-injecting proxy in front of it.

The server runs on 127.0.0.1 on a free port, offline, with one thread, and is killed when the session
ends or after LIFETIME_S, whichever comes first. The proxy forwards requests unchanged, except that it
can (a) answer the next requests with faults a real server will not produce on demand (429 with
Retry-After, 500, a slow answer, a dropped connection), (b) go down and come back up, (c) replace
the model's answer with a scripted one (``script``), for tests that need a model that aligns lines,
chatters or invents numbers: those answers come from the proxy, not from the model, and say so,
(d) list scripted model names (``models``) as Ollama or vLLM do (``transformers serve`` lists none), and
(e) hold every chat request for a fixed ``latency_s`` before forwarding it, as the network and queue of
a remote server would (``bench/server_bench.py --latency``). It notes when each chat request came in and
was answered (``spans``), to show how many were in flight at once.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from brief.testing import TransformersServer, free_port  # noqa: F401  (re-exported for the tests)


class FaultProxy:
    """Forwards HTTP to ``upstream``; injects faults, goes down, or scripts answers on demand."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")  # http://127.0.0.1:PORT
        self.faults: list[str] = []  # "429:SECONDS", "500", "slow:SECONDS", "drop": one request each
        self.script: Callable[[dict[str, Any]], str] | None = None  # request -> answer content
        self.down = False
        self.requests = 0  # chat requests answered with 200
        self.bodies: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.after: Callable[[int], None] | None = None  # called with the count after each answer
        self.models: list[str] | None = None  # GET /models answers these names (None: the server's)
        self.latency_s = 0.0  # added in front of every chat request
        self.spans: list[tuple[float, float]] = []  # (arrived, answered), time.monotonic(), chat requests
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def reset(self) -> None:
        with self._lock:
            self.faults, self.script, self.down, self.after = [], None, False, None
            self.requests, self.bodies, self.in_flight, self.max_in_flight = 0, [], 0, 0
            self.models, self.latency_s, self.spans = None, 0.0, []

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._forward(None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._forward(self.rfile.read(length))

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _forward(self, body: bytes | None) -> None:
                if proxy.down:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                chat = body is not None and self.path.endswith("/chat/completions")
                if body is None and self.path.endswith("/models") and proxy.models is not None:
                    listed = [{"id": name, "object": "model", "owned_by": "proxy"} for name in proxy.models]
                    self._send(200, json.dumps({"object": "list", "data": listed}).encode())
                    return
                arrived = time.monotonic()
                with proxy._lock:
                    fault = proxy.faults.pop(0) if (chat and proxy.faults) else None
                    proxy.in_flight += 1
                    proxy.max_in_flight = max(proxy.max_in_flight, proxy.in_flight)
                try:
                    if chat and proxy.latency_s:
                        time.sleep(proxy.latency_s)
                    if fault is not None and self._fault(fault):
                        return
                    request = json.loads(body) if chat and body else None
                    if request is not None and proxy.script is not None:
                        answer = proxy.script(request)
                        status, data = 200, _completion(request, answer)
                        time.sleep(0.02)  # a little time in flight, as a server takes
                    else:
                        status, data = self._upstream(body)
                    count = 0
                    if request is not None and status == 200:
                        # counted before the answer goes out: a test reads the count as soon as its
                        # client has the answer, which can be before this thread runs on
                        with proxy._lock:
                            proxy.requests += 1
                            proxy.bodies.append(request)
                            proxy.spans.append((arrived, time.monotonic()))
                            count = proxy.requests
                    self._send(status, data)
                    if count and proxy.after is not None:
                        proxy.after(count)
                finally:
                    with proxy._lock:
                        proxy.in_flight -= 1

            def _fault(self, fault: str) -> bool:
                kind, _, arg = fault.partition(":")
                if kind == "429":
                    self._send(429, b'{"error": {"message": "slow down"}}', {"Retry-After": arg or "1"})
                    return True
                if kind == "500":
                    self._send(500, b'{"error": {"message": "injected failure"}}')
                    return True
                if kind == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return True
                if kind == "slow":
                    time.sleep(float(arg or 2))
                return False

            def _upstream(self, body: bytes | None) -> tuple[int, bytes]:
                request = urllib.request.Request(
                    proxy.upstream + self.path,
                    data=body,
                    method="POST" if body is not None else "GET",
                    headers={"Content-Type": "application/json"},
                )
                try:
                    with urllib.request.urlopen(request, timeout=300) as response:
                        return response.status, response.read()
                except urllib.error.HTTPError as error:
                    return error.code, error.read()

        return Handler


def _completion(request: dict[str, Any], content: str) -> bytes:
    return json.dumps(
        {
            "id": "scripted",
            "object": "chat.completion",
            "created": 0,
            "model": request.get("model", ""),
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
    ).encode()


def numbered_korean(request: dict[str, Any]) -> list[str]:
    """The Korean lines of the last user message of a translation request (scripts answer them)."""
    text = request["messages"][-1]["content"]
    block = text.split("<<<KOREAN>>>", 1)[-1].split("<<<END KOREAN>>>", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    return [line.split(". ", 1)[1] if ". " in line else line for line in lines]
