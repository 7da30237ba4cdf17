"""Fetching articles from the web: URLs, RSS/Atom feeds and sitemaps into a dated inbox, politely.

``fetch_sources(sources, inbox, config)`` is the stage. The HTTP client (httpx) and the feed parser
(feedparser) are imported only when it runs, so reading a fetched page's sidecar costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from brief.fetch.config import FetchConfig

if TYPE_CHECKING:
    from brief.fetch.run import FetchReport, fetch_sources, read_source_list

__all__ = ["FetchConfig", "FetchReport", "fetch_sources", "read_source_list"]


def __getattr__(name: str) -> Any:
    if name in ("FetchReport", "fetch_sources", "read_source_list"):
        from brief.fetch import run

        return getattr(run, name)
    raise AttributeError(name)
