"""The settings of one fetch run: politeness, limits and safety, validated once."""

from __future__ import annotations

from dataclasses import dataclass

from brief._version import __version__
from brief.errors import ConfigError

__all__ = ["USER_AGENT", "FetchConfig"]

# Names brief and its version; robots.txt rules for "brief" (or "*") apply to it.
USER_AGENT = f"brief/{__version__} (Korean news briefings; fetches only what it is given, honours robots.txt)"
ROBOTS_TOKEN = "brief"


@dataclass(frozen=True)
class FetchConfig:
    """Every setting ``brief fetch`` uses. Tests shrink the delays; people keep the defaults."""

    user_agent: str = USER_AGENT
    host_delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay, if longer)
    concurrency: int = 4  # requests in flight at once, over all hosts
    timeout: float = 20.0  # seconds for connecting, for each read, and for a whole response
    max_bytes: int = 5 * 1024 * 1024  # a larger page (or feed) is refused as "too large"
    max_redirects: int = 5
    retries: int = 3  # more tries after a 429, a 5xx or a dropped connection
    backoff: float = 2.0  # seconds before the first retry; doubled each time (Retry-After wins)
    max_retry_after: float = 300.0  # a longer Retry-After gives up rather than waits
    max_entries: int = 200  # pages taken from one feed or sitemap (the first ones it lists)
    max_sitemaps: int = 20  # nested sitemaps followed from one sitemap index
    allow_private: bool = False  # fetch private, loopback and link-local addresses (tests; intranets)

    def __post_init__(self) -> None:
        if self.host_delay < 0:
            raise ConfigError(f"--delay must be zero or more seconds, got {self.host_delay}")
        if not 1 <= self.concurrency <= 64:
            raise ConfigError(f"--concurrency must be between 1 and 64, got {self.concurrency}")
        if self.timeout <= 0:
            raise ConfigError(f"--timeout must be positive, got {self.timeout}")
        if self.max_bytes <= 0:
            raise ConfigError(f"--max-page-bytes must be positive, got {self.max_bytes}")
        if not 0 <= self.max_redirects <= 20:
            raise ConfigError(f"max_redirects must be between 0 and 20, got {self.max_redirects}")
        if not 0 <= self.retries <= 10:
            raise ConfigError(f"--retries must be between 0 and 10, got {self.retries}")
        if self.backoff < 0 or self.max_retry_after < 0:
            raise ConfigError("backoff and max_retry_after must be zero or more seconds")
        if self.max_entries < 1:
            raise ConfigError(f"--max-entries must be at least 1, got {self.max_entries}")
        if self.max_sitemaps < 0:
            raise ConfigError(f"max_sitemaps must be zero or more, got {self.max_sitemaps}")
        if not self.user_agent.strip():
            raise ConfigError("the User-Agent must not be empty")
