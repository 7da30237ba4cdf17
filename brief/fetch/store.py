"""The inbox: pages as fetched (raw bytes plus a sidecar) in dated folders, and what the last runs saw
(validators for conditional GETs, content hashes, feed entries) in one hidden state file."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief.errors import InputError
from brief.fetch.sidecar import sidecar_json, sidecar_path
from brief.fetch.sources import Entry
from brief.fsutil import write_atomic
from brief.records import WebSource

__all__ = ["STATE_FILE", "Inbox", "StoredPage"]

STATE_FILE = ".brief-fetch.json"  # hidden: `brief build inbox/` reads only .html/.txt files anyway
_STATE_VERSION = 1
_UNSAFE = re.compile(r"[^a-z0-9.-]+")


@dataclass(frozen=True)
class StoredPage:
    path: str  # relative to the inbox
    content_hash: str
    etag: str | None = None
    last_modified: str | None = None

    def validators(self) -> dict[str, str]:
        return {k: v for k, v in (("etag", self.etag), ("last_modified", self.last_modified)) if v}


class Inbox:
    """One inbox folder. Used from one thread; ``save`` writes the state atomically."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.state_path = self.root / STATE_FILE
        self._pages: dict[str, StoredPage] = {}
        self._urls: dict[str, str] = {}  # canonical URL -> page path
        self._hashes: dict[str, str] = {}  # content hash -> page path
        self._feeds: dict[str, dict[str, Any]] = {}
        self._load()

    # ------------------------------------------------------------ state
    def _load(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise InputError(self.root, "is a file; --into names the inbox folder")
        try:
            text = self.state_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(self.state_path, f"fetch state cannot be read ({error})") from None
        try:
            data = json.loads(text)
            if data.get("version") != _STATE_VERSION:
                raise ValueError(f"unknown version {data.get('version')!r}")
            self._pages = {p: StoredPage(p, **fields) for p, fields in data["pages"].items()}
            self._urls = dict(data["urls"])
            self._hashes = dict(data["hashes"])
            self._feeds = dict(data["feeds"])
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise InputError(
                self.state_path,
                f"fetch state is damaged ({error}); delete it to fetch everything again (stored pages stay)",
            ) from None

    def save(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._write()
        except OSError as error:
            raise InputError(
                self.state_path, f"cannot save the fetch state: {error.strerror or error}"
            ) from None

    def _write(self) -> None:
        pages = {
            p: {"content_hash": s.content_hash, "etag": s.etag, "last_modified": s.last_modified}
            for p, s in sorted(self._pages.items())
        }
        data = {
            "version": _STATE_VERSION,
            "pages": pages,
            "urls": dict(sorted(self._urls.items())),
            "hashes": dict(sorted(self._hashes.items())),
            "feeds": dict(sorted(self._feeds.items())),
        }
        write_atomic(self.state_path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    # ------------------------------------------------------------ pages
    def lookup(self, url: str) -> StoredPage | None:
        """The page stored for ``url`` (canonical form) by an earlier run, if its file is still there."""
        return self._existing(self._urls.get(url))

    def by_hash(self, content_hash: str) -> StoredPage | None:
        return self._existing(self._hashes.get(content_hash))

    def _existing(self, path: str | None) -> StoredPage | None:
        page = self._pages.get(path) if path else None
        return page if page is not None and (self.root / page.path).is_file() else None

    def file(self, page: StoredPage) -> Path:
        return self.root / page.path

    def alias(self, urls: set[str], page: StoredPage) -> None:
        """Remember that these URLs lead to ``page`` (a duplicate under another address)."""
        for url in urls:
            self._urls[url] = page.path

    def refresh(self, page: StoredPage, etag: str | None, last_modified: str | None) -> StoredPage:
        """New validators for an unchanged page (a 200 with the same content)."""
        updated = StoredPage(page.path, page.content_hash, etag, last_modified)
        self._pages[page.path] = updated
        return updated

    def add(
        self,
        day: str,
        key: str,
        body: bytes,
        web: WebSource,
        content_hash: str,
        urls: set[str],
    ) -> StoredPage:
        """Store a new page under ``day``: the sidecar first, then the page, each written atomically."""
        folder = self.root / day
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(folder, f"cannot make the inbox folder: {error.strerror or error}") from None
        host = _UNSAFE.sub("-", key.split("//", 1)[-1].split("/", 1)[0].lower()).strip("-.") or "page"
        stem = f"{host[:60]}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"
        name, n = f"{stem}.html", 1
        while (folder / name).exists():  # the same article, changed, fetched again on the same day
            n += 1
            name = f"{stem}-{n}.html"
        page_path = folder / name
        try:
            write_atomic(sidecar_path(page_path), sidecar_json(web, content_hash=content_hash))
            write_atomic(page_path, body)
        except OSError as error:
            raise InputError(page_path, f"cannot store the fetched page: {error.strerror or error}") from None
        page = StoredPage(f"{day}/{name}", content_hash, web.etag, web.last_modified)
        self._pages[page.path] = page
        self._hashes.setdefault(content_hash, page.path)
        self.alias(urls, page)
        return page

    # ------------------------------------------------------------ feeds and sitemaps
    def feed(self, url: str) -> tuple[dict[str, str], list[Entry]] | None:
        """The validators and entries of a feed or sitemap as the last run saw it; None if never seen."""
        known = self._feeds.get(url)
        if known is None:
            return None
        validators = {k: known[k] for k in ("etag", "last_modified") if known.get(k)}
        entries = [Entry(**e) for e in known.get("entries", ())]
        return validators, entries

    def remember_feed(
        self, url: str, etag: str | None, last_modified: str | None, entries: list[Entry]
    ) -> None:
        self._feeds[url] = {
            "etag": etag,
            "last_modified": last_modified,
            "entries": [
                {
                    "url": e.url,
                    "title": e.title,
                    "date": e.date,
                    "listed_by": e.listed_by,
                    "is_sitemap": e.is_sitemap,
                }
                for e in entries
            ],
        }
