"""What a fetched source is (an RSS/Atom feed, a sitemap, an HTML page) and the pages a feed or sitemap
lists. Feeds are parsed by feedparser, sitemaps by lxml with entities and network access turned off."""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin

from brief.errors import InputError
from brief.fetch.urls import url_problem

__all__ = ["Entry", "SourceKind", "classify", "parse_feed", "parse_sitemap", "read_source_list", "unpack"]

log = logging.getLogger(__name__)

SourceKind = Literal["feed", "sitemap", "html", "other"]

_FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_XML_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class Entry:
    """A page (or, in a sitemap index, another sitemap) a source lists."""

    url: str
    title: str | None = None
    date: str | None = None  # as printed: a feed's <pubDate>/<published>, a news sitemap's publication_date
    listed_by: str | None = None
    is_sitemap: bool = False


def read_source_list(path: Path) -> list[str]:
    """URLs from a text file, one a line; blank lines and ``#`` comments are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such file (--sources names a text file with one URL a line)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read as a UTF-8 list of URLs ({error})") from None
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        problem = url_problem(line)
        if problem:
            raise InputError(path, f"line {number}: {line!r}: {problem}")
        urls.append(line)
    if not urls:
        raise InputError(path, "lists no URLs (one http:// or https:// URL a line)")
    return urls


def unpack(body: bytes, limit: int) -> bytes:
    """A gzip-compressed body (a sitemap.xml.gz) uncompressed, refusing more than ``limit`` bytes."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, limit + 1)
    except zlib.error as error:
        raise ValueError(f"broken gzip data ({error})") from None
    if len(data) > limit:
        raise ValueError("too large once uncompressed")
    return data


def classify(body: bytes, content_type: str | None) -> SourceKind:
    """HTML page, feed or sitemap, by the markup itself (servers label feeds every which way)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if _HTML_START.match(head):
        return "html"
    if head.startswith((b"<?xml", b"<")) or "xml" in kind or "rss" in kind or "atom" in kind:
        for match in _XML_ROOT.finditer(head):
            root = match.group(1).decode("ascii", "replace").lower()
            if root in _FEED_ROOTS:
                return "feed"
            if root in _SITEMAP_ROOTS:
                return "sitemap"
            if root != "xml-stylesheet":
                break
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    return "other"


def parse_feed(body: bytes, url: str, content_type: str | None, limit: int) -> list[Entry]:
    """The entries of an RSS or Atom feed: link, title and date as printed."""
    import feedparser

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed: Any = feedparser.parse(body, response_headers=headers)  # bytes: feedparser never fetches
    if not parsed.entries and parsed.get("bozo"):
        raise ValueError(f"feed cannot be parsed ({parsed.get('bozo_exception')})")
    entries = []
    for item in parsed.entries:
        link = _entry_link(item)
        if not link or url_problem(link):
            continue
        date = item.get("published") or item.get("updated") or item.get("dc_date")
        entries.append(Entry(link, _text(item.get("title")), _text(date), url))
        if len(entries) >= limit:
            break
    return entries


def _entry_link(item: Any) -> str | None:
    for link in item.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"]).strip()
    link = item.get("link") or item.get("id")
    return str(link).strip() if link else None


def parse_sitemap(body: bytes, url: str, limit: int) -> list[Entry]:
    """The pages (or nested sitemaps) a sitemap lists, with a news sitemap's title and date."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"sitemap cannot be parsed ({error})") from None
    if root is None:
        raise ValueError("sitemap is empty")
    nested = etree.QName(root).localname == "sitemapindex"
    entries = []
    for item in _children(root, "sitemap" if nested else "url"):
        loc = _child_text(item, "loc")
        if not loc:
            continue
        link = urljoin(url, loc.strip())
        if url_problem(link):
            continue
        news = item.find(f"{{{_NEWS_NS}}}news")
        title = _child_text(news, "title", _NEWS_NS) if news is not None else None
        date = _child_text(news, "publication_date", _NEWS_NS) if news is not None else None
        entries.append(Entry(link, title, date, url, is_sitemap=nested))
        if len(entries) >= limit:
            break
    return entries


def _children(root: Any, name: str) -> Iterable[Any]:
    return [el for el in root if isinstance(el.tag, str) and el.tag in (name, f"{{{_SITEMAP_NS}}}{name}")]


def _child_text(element: Any, name: str, namespace: str = _SITEMAP_NS) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and child.tag in (name, f"{{{namespace}}}{name}"):
            return (child.text or "").strip() or None
    return None


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value else None
