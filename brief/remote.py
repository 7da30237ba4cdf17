"""Chat completions from an OpenAI-compatible server (Ollama, llama.cpp's server, vLLM, TGI, LM Studio,
``transformers serve``, hosted APIs), shared by the ``openai`` translation and summary backends.

Built on the ``openai`` package: its client retries 408/409/429/5xx answers and connection errors
with exponential backoff and honours ``Retry-After``. Requests run ``concurrency`` at a time in
threads. Decoding is deterministic (temperature 0 and a fixed seed); ``<think>`` blocks of reasoning
models are dropped. An unreachable server or a model the server does not have is a
``ServerUnavailableError`` (exit 2) that names the URL tried and the fix. The API key is never logged.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from brief.errors import ModelError, ServerUnavailableError

if TYPE_CHECKING:
    from brief.config import BriefConfig

__all__ = [
    "DEFAULT_API_BASE",
    "PREFIX",
    "ChatClient",
    "ServerSettings",
    "drop_thinking",
    "is_remote",
    "public_url",
    "remote_model",
    "server_settings",
]

log = logging.getLogger(__name__)

PREFIX = "openai:"  # --mt-model openai:MODEL, --summarizer openai:MODEL
DEFAULT_API_BASE = "http://127.0.0.1:11434/v1"  # Ollama's; llama.cpp's server is :8080/v1, vLLM's :8000/v1
SEED = 1234
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL | re.IGNORECASE)


def is_remote(name: str) -> bool:
    """Whether a model name asks for the openai backend (``openai:MODEL``)."""
    return name.strip().lower().startswith(PREFIX)


def remote_model(name: str) -> str:
    """The server's model name in ``openai:MODEL``."""
    return name.strip()[len(PREFIX) :].strip()


def public_url(url: str) -> str:
    """``url`` without any user name or password in it (safe for messages, provenance and logs)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def drop_thinking(text: str) -> str:
    """``text`` without ``<think>...</think>`` blocks (an unclosed one runs to the end)."""
    return _THINK.sub(" ", text).strip()


@dataclass(frozen=True)
class ServerSettings:
    """Where the server is and how to talk to it. The key is never shown (``repr=False``)."""

    base_url: str = DEFAULT_API_BASE
    api_key: str | None = field(default=None, repr=False)
    concurrency: int = 4
    timeout_s: float = 120.0
    max_retries: int = 4


def server_settings(config: BriefConfig) -> ServerSettings:
    """The server settings of a run's configuration."""
    return ServerSettings(
        base_url=config.api_base or DEFAULT_API_BASE,
        api_key=config.api_key,
        concurrency=config.concurrency,
        timeout_s=config.api_timeout_s,
        max_retries=config.api_retries,
    )


def _hint(model: str) -> str:
    return (
        "  - is the server running? Ollama: `ollama serve`; llama.cpp: `llama-server -m MODEL.gguf "
        "--port 8080`; vLLM: `vllm serve MODEL`\n"
        f"  - does it have the model? Ollama: `ollama pull {model}`; `curl BASE/models` lists the names\n"
        "  - pass the server's address with --api-base URL (or BRIEF_API_BASE), ending in /v1"
    )


class ChatClient:
    """One model on one OpenAI-compatible server: single and concurrent chat requests."""

    def __init__(self, model: str, settings: ServerSettings, role: str = "translation") -> None:
        if not model:
            raise ModelError(f"openai: name the server's model, e.g. {PREFIX}qwen2.5:7b-instruct")
        self.model = model
        self.settings = settings
        self.role = role
        self.base_url = settings.base_url.rstrip("/")
        self._client: Any = None
        self._checked = False
        self.listed: tuple[str, ...] | None = None  # the server's model names, once checked (): none
        self._lock = threading.Lock()
        self.requests = 0  # answered requests, for tests and benchmarks

    # ------------------------------------------------------------ the client, made on first use
    def _openai(self) -> Any:
        if self._client is None:
            try:
                import openai
            except ImportError as error:  # pragma: no cover - a declared dependency
                raise ModelError(
                    f"the openai backend needs the openai package: pip install openai ({error})"
                ) from error
            self._client = openai.OpenAI(
                base_url=self.base_url,
                api_key=self.settings.api_key or "not-needed",  # local servers take any key
                timeout=self.settings.timeout_s,
                max_retries=self.settings.max_retries,
            )
        return self._client

    def _unavailable(self, what: str) -> ServerUnavailableError:
        return ServerUnavailableError(
            f"The {self.role} model '{self.model}' on {public_url(self.base_url)}: {what}.\n"
            + _hint(self.model)
        )

    def check(self) -> None:
        """Make sure the server answers and has the model (once); ServerUnavailableError otherwise.

        The model list is asked first; a server that lists models but not this one is answered at
        once; one that lists nothing (it loads on demand) gets a one-token request.
        """
        with self._lock:
            if self._checked:
                return
        import openai

        client = self._openai().with_options(max_retries=1, timeout=min(self.settings.timeout_s, 30.0))
        try:
            listed = [m.id for m in client.models.list()]
        except openai.APIConnectionError as error:
            raise self._unavailable(f"cannot connect ({type(error).__name__}: {error})") from error
        except openai.AuthenticationError as error:
            raise self._unavailable("the server refused the API key (set BRIEF_API_KEY)") from error
        except openai.APIStatusError as error:
            log.debug(
                "GET %s/models answered %s; probing the model instead", self.base_url, error.status_code
            )
            listed = []
        if listed and self.model not in listed:
            shown = ", ".join(listed[:10]) + (" ..." if len(listed) > 10 else "")
            raise self._unavailable(f"the server has no such model (it lists: {shown})")
        if not listed:
            try:
                client.chat.completions.create(
                    model=self.model,
                    messages=[{"role": "user", "content": "Hi"}],
                    max_tokens=1,
                    temperature=0,
                    seed=SEED,
                )
            except openai.APIConnectionError as error:
                raise self._unavailable(f"cannot connect ({type(error).__name__}: {error})") from error
            except openai.APIStatusError as error:
                raise self._unavailable(
                    f"a one-token request for the model failed with HTTP {error.status_code} "
                    f"({_short(error)}); the server may not have this model"
                ) from error
        with self._lock:
            self.listed = tuple(listed)
            self._checked = True

    # ------------------------------------------------------------ requests
    def complete(
        self, messages: Sequence[dict[str, str]], max_tokens: int, stop: Sequence[str] | None = None
    ) -> str:
        """The model's answer to ``messages`` (``<think>`` blocks dropped), retried on 429/5xx and
        connection errors; ServerUnavailableError when the server stays unreachable."""
        import openai

        self.check()
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": list(messages),
            "max_tokens": max(1, int(max_tokens)),
            "temperature": 0,
            "seed": SEED,
        }
        if stop:
            kwargs["stop"] = list(stop)
        try:
            response = self._openai().chat.completions.create(**kwargs)
        except openai.APIConnectionError as error:
            raise self._unavailable(
                f"the server stopped answering ({type(error).__name__}: {error}); finished answers are "
                "cached, so a re-run continues where this one stopped"
            ) from error
        except openai.NotFoundError as error:
            raise self._unavailable(f"HTTP 404 ({_short(error)})") from error
        except openai.APIStatusError as error:
            raise self._unavailable(
                f"HTTP {error.status_code} after {self.settings.max_retries} retries ({_short(error)})"
            ) from error
        with self._lock:
            self.requests += 1
        choices = getattr(response, "choices", None) or []
        content = (choices[0].message.content if choices else None) or ""
        return drop_thinking(content)

    def complete_many(
        self,
        requests: Sequence[tuple[Sequence[dict[str, str]], int]],
        stop: Sequence[str] | None = None,
    ) -> list[str]:
        """Answers to (messages, max_tokens) requests, ``concurrency`` at a time, in order."""
        if not requests:
            return []
        self.check()
        if len(requests) == 1 or self.settings.concurrency <= 1:
            return [self.complete(m, n, stop) for m, n in requests]
        with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(requests))) as pool:
            futures = [pool.submit(self.complete, m, n, stop) for m, n in requests]
            return [f.result() for f in futures]


def _short(error: Any) -> str:
    """A server error's message, shortened (never the request, which may carry article text)."""
    body = getattr(error, "body", None)
    message = body.get("message") or body.get("detail") if isinstance(body, dict) else None
    text = str(message or getattr(error, "message", "") or error)
    return " ".join(text.split())[:200]
