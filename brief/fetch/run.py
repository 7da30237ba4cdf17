"""``fetch_sources``: sources (article URLs, feeds, sitemaps) -> new pages in today's inbox folder.

First every source is fetched and read (a feed or sitemap gives its entries; an HTML page is a page),
then every listed page. Requests run in a small thread pool; the inbox is updated from this thread
only, in the order the sources list the pages, so the outcome does not depend on timing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from brief.errors import BriefError, InputError
from brief.fetch.charset import choose_charset
from brief.fetch.config import FetchConfig
from brief.fetch.http import Fetched, Fetcher, FetchFailed
from brief.fetch.sources import Entry, classify, parse_feed, parse_sitemap, read_source_list, unpack
from brief.fetch.store import Inbox, StoredPage
from brief.fetch.urls import canonical_url, head_hints, url_problem
from brief.records import Failure, RawDocument, WebSource

__all__ = ["Duplicate", "FetchReport", "Note", "fetch_sources", "read_source_list"]

log = logging.getLogger(__name__)

# progress(stage, advance, total): stage "sources" then "pages"
Progress = Callable[[str, int, "int | None"], None]


@dataclass(frozen=True)
class Duplicate:
    """A URL whose article was already in the inbox (found by its canonical URL or by its text)."""

    url: str
    same_as: Path
    found_by: str  # "canonical URL" | "same text"


@dataclass(frozen=True)
class Note:
    url: str
    message: str


@dataclass(frozen=True)
class FetchReport:
    """What one run did. ``pages`` are all the pages the sources list now (new or stored before)."""

    folder: Path  # today's dated folder in the inbox
    stored: tuple[Path, ...] = ()  # new pages written by this run
    unchanged: tuple[Path, ...] = ()  # pages stored before (304 Not Modified, or the same text again)
    duplicates: tuple[Duplicate, ...] = ()
    pages: tuple[Path, ...] = ()
    failures: tuple[Failure, ...] = ()
    notes: tuple[Note, ...] = ()  # charset disagreements and other things worth a look
    requests: int = 0  # HTTP requests sent, robots.txt included


@dataclass
class _Tally:
    stored: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    pages: dict[Path, None] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # canonical URLs handled in this run


def fetch_sources(
    sources: Sequence[str],
    inbox: Path,
    config: FetchConfig,
    *,
    progress: Progress | None = None,
    today: dt.date | None = None,
    fetcher: Fetcher | None = None,
) -> FetchReport:
    """Fetch ``sources`` into ``inbox/<today>/``; failures are returned, not raised.

    Raises InputError only for an unusable inbox (a file, a damaged state file).
    """
    store = Inbox(inbox)
    day = (today or dt.datetime.now(dt.timezone.utc).date()).isoformat()
    report = progress or (lambda stage, advance, total: None)
    tally = _Tally()
    own = fetcher is None
    client = fetcher or Fetcher(config)
    pool = ThreadPoolExecutor(max_workers=config.concurrency, thread_name_prefix="brief-fetch")
    finished = False
    try:
        run = _Run(store, client, pool, config, day, tally, report)
        listed = run.sources([Entry(url.strip()) for url in sources])
        run.pages(listed)
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)  # Ctrl-C: queued requests are dropped at once
        store.save()  # what was stored before an interruption is known to the next run
        if own and finished:
            client.close()
    return FetchReport(
        folder=Path(inbox) / day,
        stored=tuple(tally.stored),
        unchanged=tuple(tally.unchanged),
        duplicates=tuple(tally.duplicates),
        pages=tuple(tally.pages),
        failures=tuple(tally.failures),
        notes=tuple(tally.notes),
        requests=client.requests,
    )


@dataclass
class _Run:
    store: Inbox
    fetcher: Fetcher
    pool: ThreadPoolExecutor
    config: FetchConfig
    day: str
    tally: _Tally
    report: Progress

    # ------------------------------------------------------------ sources
    def sources(self, entries: list[Entry]) -> list[Entry]:
        """Fetch each source; return the pages its feeds and sitemaps list (HTML sources are handled here)."""
        listed: list[Entry] = []
        queue, seen, nested = entries, set(), 0
        total = len(entries)
        while queue:
            batch = []
            for entry in queue:
                problem = url_problem(entry.url)
                if problem:
                    self._fail(entry.url, problem)
                    self.report("sources", 1, total)
                    continue
                key = canonical_url(entry.url)
                if key not in seen:
                    seen.add(key)
                    batch.append((entry, key))
            queue = []
            futures = [self._submit(entry.url, self._source_validators(key)) for entry, key in batch]
            for (entry, key), future in zip(batch, futures, strict=True):
                try:
                    more = self._source(entry, key, future)
                except (BriefError, OSError):
                    raise
                except Exception as error:  # a bug on one source must not cost the others
                    self._internal(entry.url, error)
                    more = []
                for found in more:
                    if not found.is_sitemap:
                        listed.append(found)
                    elif nested < self.config.max_sitemaps:
                        nested += 1
                        total += 1
                        queue.append(found)
                self.report("sources", 1, total)
        return listed

    def _source_validators(self, key: str) -> dict[str, str]:
        feed = self.store.feed(key)
        if feed is not None:
            return feed[0]
        known = self.store.lookup(key)
        return known.validators() if known else {}

    def _source(self, entry: Entry, key: str, future: Future[Fetched]) -> list[Entry]:
        try:
            fetched = future.result()
        except FetchFailed as failed:
            self._fail(entry.url, failed.reason)
            return []
        if fetched.status == 304:
            feed = self.store.feed(key)
            if feed is not None:
                return feed[1]
            self._page(entry, fetched)
            return []
        if fetched.status != 200:
            self._fail(entry.url, f"HTTP {fetched.status}")
            return []
        try:
            body = unpack(fetched.body, self.config.max_bytes)
        except ValueError as error:
            self._fail(entry.url, str(error))
            return []
        kind = classify(body, fetched.content_type)
        try:
            if kind == "feed":
                entries = parse_feed(body, fetched.final_url, fetched.content_type, self.config.max_entries)
            elif kind == "sitemap":
                entries = parse_sitemap(body, fetched.final_url, self.config.max_entries)
            elif kind == "html":
                self._page(entry, fetched)
                return []
            else:
                self._fail(entry.url, f"not HTML, a feed or a sitemap (Content-Type: {fetched.content_type})")
                return []
        except ValueError as error:
            self._fail(entry.url, str(error))
            return []
        self.store.remember_feed(
            key, fetched.headers.get("etag"), fetched.headers.get("last-modified"), entries
        )
        return entries

    # ------------------------------------------------------------ pages
    def pages(self, entries: list[Entry]) -> None:
        todo: list[tuple[Entry, str]] = []
        for entry in entries:
            key = canonical_url(entry.url)
            if key in self.tally.done:
                continue
            self.tally.done.add(key)
            todo.append((entry, key))
        futures = []
        for entry, key in todo:
            known = self.store.lookup(key)
            futures.append(self._submit(entry.url, known.validators() if known else {}))
        for (entry, _), future in zip(todo, futures, strict=True):
            try:
                self._page(entry, future.result())
            except FetchFailed as failed:
                self._fail(entry.url, failed.reason)
            except (BriefError, OSError):
                raise
            except Exception as error:  # a bug on one page must not cost the others
                self._internal(entry.url, error)
            self.report("pages", 1, len(todo))

    def _page(self, entry: Entry, fetched: Fetched) -> None:
        """Store a fetched page unless the inbox has it already (same URL, canonical URL or text)."""
        key = canonical_url(entry.url)
        urls = {key, canonical_url(fetched.final_url)}
        self.tally.done.update(urls)  # a feed listing the page again does not fetch it twice
        known = next((p for p in map(self.store.lookup, sorted(urls)) if p is not None), None)
        if fetched.status == 304:
            if known is None:
                self._fail(entry.url, "HTTP 304 for a page that is not in the inbox")
            else:
                self._unchanged(known)
            return
        if fetched.status != 200:
            self._fail(entry.url, f"HTTP {fetched.status}")
            return
        if classify(fetched.body, fetched.content_type) != "html":
            self._fail(entry.url, f"not HTML (Content-Type: {fetched.content_type or 'none'})")
            return
        hints = head_hints(fetched.body)
        charset = choose_charset(fetched.body, fetched.content_type, hints.meta_charset)
        content_hash = _content_hash(fetched.body, charset.codec)
        canonical = canonical_url(hints.canonical, base=fetched.final_url) if hints.canonical else None
        if canonical and url_problem(canonical):
            canonical = None
        if canonical:
            self.tally.done.add(canonical)
        etag, modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
        if known is not None and known.content_hash == content_hash:
            self.store.alias(urls | ({canonical} if canonical else set()), known)
            self._unchanged(self.store.refresh(known, etag, modified))
            return
        if known is None:  # a new URL: is it an article the inbox already has?
            if canonical and canonical not in urls and (same := self.store.lookup(canonical)):
                self._duplicate(entry.url, urls, same, "canonical URL")
                return
            if same := self.store.by_hash(content_hash):
                self._duplicate(entry.url, urls, same, "same text")
                return
        if charset.note:
            self.tally.notes.append(Note(fetched.final_url, f"charset: {charset.note}"))
        web = WebSource(
            requested_url=entry.url,
            final_url=fetched.final_url,
            fetched_at=fetched.fetched_at,
            status=fetched.status,
            content_type=fetched.content_type,
            etag=etag,
            last_modified=modified,
            charset=charset.codec,
            charset_note=charset.note,
            feed_title=entry.title,
            feed_date=entry.date,
            listed_by=entry.listed_by,
            canonical_url=canonical or canonical_url(fetched.final_url),
        )
        keys = urls | ({canonical} if canonical else set())
        page = self.store.add(self.day, canonical or key, fetched.body, web, content_hash, keys)
        path = self.store.file(page)
        self.tally.stored.append(path)
        self.tally.pages[path] = None

    # ------------------------------------------------------------ outcomes
    def _submit(self, url: str, validators: dict[str, str]) -> Future[Fetched]:
        return self.pool.submit(self.fetcher.get, url, validators)

    def _fail(self, url: str, reason: str) -> None:
        log.info("%s: %s", url, reason)
        self.tally.failures.append(Failure(source=url, message=reason))

    def _internal(self, url: str, error: Exception) -> None:
        log.debug("unexpected error on %s", url, exc_info=True)
        self._fail(url, f"internal error ({type(error).__name__}: {error}); please report it with this URL")

    def _unchanged(self, page: StoredPage) -> None:
        path = self.store.file(page)
        self.tally.unchanged.append(path)
        self.tally.pages[path] = None

    def _duplicate(self, url: str, urls: set[str], same: StoredPage, found_by: str) -> None:
        self.store.alias(urls, same)
        path = self.store.file(same)
        self.tally.duplicates.append(Duplicate(url, path, found_by))
        self.tally.pages[path] = None


def _content_hash(body: bytes, codec: str) -> str:
    """The cleaned article's id (a hash of its body text); for a page that is no article, of its bytes."""
    from brief.clean import clean_document

    text = body.decode(codec, errors="replace")
    try:
        return clean_document(RawDocument(Path("page.html"), text, codec, "html", len(body))).id
    except InputError:
        return "raw-" + hashlib.sha256(body).hexdigest()[:16]
