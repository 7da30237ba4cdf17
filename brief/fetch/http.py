"""Polite, safe HTTP GETs: robots.txt, a per-host delay, conditional requests, redirects checked hop by
hop, a size limit, timeouts, and retries with backoff on 429/5xx that honour Retry-After."""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from brief.fetch.config import ROBOTS_TOKEN, FetchConfig
from brief.fetch.urls import url_problem

__all__ = ["FetchFailed", "Fetched", "Fetcher"]

log = logging.getLogger(__name__)

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchFailed(Exception):
    """A URL that could not be fetched; ``reason`` says why in a few words ("HTTP 404", "timeout")."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """One response: 200 with its body, or 304 (not modified, no body)."""

    requested_url: str
    final_url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    fetched_at: str = ""  # ISO 8601, UTC

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


class _HostGate:
    """At most one request per ``delay`` seconds to each host; each waits for its own slot."""

    def __init__(self, delay: float, sleep: Callable[[float], None]) -> None:
        self._delay = delay
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._extra: dict[str, float] = {}
        self._lock = threading.Lock()

    def slow_down(self, host: str, delay: float) -> None:
        """A longer delay for one host (its robots.txt Crawl-delay)."""
        with self._lock:
            self._extra[host] = max(self._extra.get(host, 0.0), delay)

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + max(self._delay, self._extra.get(host, 0.0))
        if slot > now:
            self._sleep(slot - now)


class Fetcher:
    """GETs URLs for one run. Thread-safe: the run calls ``get`` from a pool of ``concurrency`` threads."""

    def __init__(
        self,
        config: FetchConfig,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], str] | None = None,
        transport: Any = None,
    ) -> None:
        import httpx

        self.config = config
        self._sleep = sleep
        self._clock = clock or _utc_now
        self._gate = _HostGate(config.host_delay, sleep)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        timeout = httpx.Timeout(config.timeout)
        self._client = httpx.Client(
            headers={"User-Agent": config.user_agent},
            timeout=timeout,
            follow_redirects=False,  # each hop is checked (scheme, address, robots.txt) before it is taken
            trust_env=False,  # no proxies or .netrc from the environment
            transport=transport,
        )
        self.requests = 0  # GETs sent, robots.txt included

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ the one public call
    def get(self, url: str, validators: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url`` (conditionally, given a stored ETag / Last-Modified). Raises FetchFailed."""
        current, response = self._follow(url, validators or {}, check_robots=True)
        return Fetched(url, current, response.status, response.headers, response.body, response.fetched_at)

    def _follow(
        self, url: str, validators: Mapping[str, str], *, check_robots: bool
    ) -> tuple[str, _Response]:
        """GET ``url``, following at most ``max_redirects`` redirects, each hop checked like the first."""
        current = url
        for _ in range(self.config.max_redirects + 1):
            try:
                self._check(current)
                response = self._get_with_retries(current, validators, check_robots=check_robots)
            except FetchFailed as failed:
                if current == url:
                    raise
                raise FetchFailed(url, f"redirected to {current}: {failed.reason}") from None
            if response.status not in _REDIRECTS:
                return current, response
            location = response.headers.get("location")
            if not location:
                raise FetchFailed(url, f"HTTP {response.status} without a Location")
            current = urljoin(current, location)
        raise FetchFailed(url, f"too many redirects (more than {self.config.max_redirects})")

    # ------------------------------------------------------------ checks
    def _check(self, url: str) -> None:
        problem = url_problem(url)
        if problem:
            raise FetchFailed(url, problem)
        if not self.config.allow_private:
            host = urlsplit(url).hostname or ""
            address = _private_address(host, urlsplit(url).port or 443)
            if address:
                raise FetchFailed(
                    url,
                    f"{host} is a private or loopback address ({address}); pass --allow-private to fetch it",
                )

    def _allowed(self, url: str) -> bool:
        """robots.txt of the URL's origin, fetched once a run (RFC 9309: 4xx allows all, 5xx or
        unreachable disallows all)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, parts.hostname or "")
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchFailed(url, f"robots.txt unreachable ({rules}), so not fetched")
        return rules.can_fetch(ROBOTS_TOKEN, url)

    def _load_robots(self, origin: str, host: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            _, response = self._follow(origin + "/robots.txt", {}, check_robots=False)
        except FetchFailed as failed:
            return failed.reason
        if 200 <= response.status < 300:
            parser.parse(response.body.decode("utf-8", "replace").splitlines())
            delay = parser.crawl_delay(ROBOTS_TOKEN)
            if delay:
                self._gate.slow_down(host, float(delay))
        elif 400 <= response.status < 500:
            parser.parse([])  # no robots.txt: everything is allowed
        else:
            return f"HTTP {response.status}"
        return parser

    # ------------------------------------------------------------ one request, retried
    def _get_with_retries(self, url: str, validators: Mapping[str, str], *, check_robots: bool) -> _Response:
        if check_robots and not self._allowed(url):
            raise FetchFailed(url, "robots.txt disallows it")
        headers = {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        host = (urlsplit(url).hostname or "").lower()
        attempt = 0
        while True:
            self._gate.wait(host)
            try:
                response = self._request(url, headers)
            except FetchFailed as failed:
                if not failed.reason.startswith("connection failed") or attempt >= self.config.retries:
                    raise
                wait = self.config.backoff * 2**attempt
            else:
                if response.status not in _RETRY_STATUSES:
                    return response
                if attempt >= self.config.retries:
                    tries = f" after {attempt} {'retry' if attempt == 1 else 'retries'}" if attempt else ""
                    raise FetchFailed(url, f"HTTP {response.status}{tries}")
                wait = self.config.backoff * 2**attempt
                asked = _retry_after(response.headers.get("retry-after"))
                if asked is not None:
                    if asked > self.config.max_retry_after:
                        raise FetchFailed(
                            url,
                            f"HTTP {response.status}; Retry-After asks for {asked:.0f} s, more than the"
                            f" {self.config.max_retry_after:.0f} s brief waits",
                        )
                    wait = max(wait, asked) if asked > 0 else wait
            attempt += 1
            log.info("retrying %s in %.2f s (try %d)", url, wait, attempt + 1)
            self._sleep(wait)

    def _request(self, url: str, headers: Mapping[str, str]) -> _Response:
        import httpx

        limit = self.config.max_bytes
        deadline = time.monotonic() + self.config.timeout
        with self._lock:
            self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                fetched_at = self._clock()
                declared = response.headers.get("content-length", "")
                if response.status_code == 200 and declared.isdigit() and int(declared) > limit:
                    raise FetchFailed(
                        url, f"too large ({_human(int(declared))}, over the {_human(limit)} limit)"
                    )
                chunks: list[bytes] = []
                size = 0
                if response.status_code == 200:
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise FetchFailed(url, f"too large (over the {_human(limit)} limit)")
                        if time.monotonic() > deadline:
                            raise FetchFailed(url, f"timeout (over {self.config.timeout:g} s)")
                        chunks.append(chunk)
                return _Response(
                    response.status_code,
                    {k.lower(): v for k, v in response.headers.items()},
                    b"".join(chunks),
                    fetched_at,
                )
        except httpx.TimeoutException:
            raise FetchFailed(url, f"timeout (over {self.config.timeout:g} s)") from None
        except httpx.TransportError as error:
            raise FetchFailed(url, f"connection failed ({type(error).__name__}: {error})") from None
        except httpx.InvalidURL as error:
            raise FetchFailed(url, f"not a valid URL ({error})") from None
        except httpx.HTTPError as error:  # e.g. a body that does not decompress as its Content-Encoding says
            raise FetchFailed(url, f"bad response ({type(error).__name__}: {error})") from None


@dataclass(frozen=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str


def _private_address(host: str, port: int) -> str | None:
    """The first address of ``host`` that is not on the public internet, or None."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return None  # the request itself then fails with "connection failed"
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            return str(address)
    return None


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _utc_now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"
