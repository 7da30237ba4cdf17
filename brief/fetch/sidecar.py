"""The sidecar beside each fetched page (NAME.json next to NAME.html), and what it adds to the article.

The sidecar is written by ``brief fetch`` and read by ``brief.ingest``; ``complete_article`` lets the
cleaned article take, from where the page was fetched, only what its own text does not say.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import InputError
from brief.records import Article, DateEvidence, WebSource

if TYPE_CHECKING:
    from brief.clean.outlets import OutletTable

__all__ = ["SIDECAR_KIND", "complete_article", "entry_date", "read_sidecar", "sidecar_json", "sidecar_path"]

SIDECAR_KIND = "brief-fetch-page"
_FIELDS = {f.name for f in dataclasses.fields(WebSource)}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def sidecar_path(page: Path) -> Path:
    """``inbox/2026-11-30/x.html`` -> ``inbox/2026-11-30/x.json``."""
    return page.with_suffix(".json")


def sidecar_json(web: WebSource, **extra: Any) -> str:
    """The sidecar's text: the WebSource fields plus ``extra`` (content hash, canonical URL, ...)."""
    record = {"kind": SIDECAR_KIND, "version": 1, **dataclasses.asdict(web), **extra}
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def read_sidecar(page: Path) -> WebSource | None:
    """The WebSource of a fetched page, or None when the page has no brief sidecar beside it.

    A ``.json`` file that is not a brief sidecar (another tool's) is left alone; a brief sidecar that
    cannot be read raises InputError naming it.
    """
    path = sidecar_path(page)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"page sidecar cannot be read ({error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or data.get("kind") != SIDECAR_KIND:
        return None
    fields = {k: v for k, v in data.items() if k in _FIELDS}
    try:
        web = WebSource(**fields)
    except TypeError as error:
        raise InputError(path, f"page sidecar lacks a field ({error}); fetch the page again") from None
    if not isinstance(web.final_url, str) or not isinstance(web.status, int):
        raise InputError(path, "page sidecar has a malformed final_url or status; fetch the page again")
    return web


def entry_date(text: str | None) -> dt.date | None:
    """The calendar date a feed entry prints (RFC 822 or ISO 8601), in the entry's own time zone."""
    if not text or not text.strip():
        return None
    value = text.strip()
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def complete_article(article: Article, web: WebSource, outlets: OutletTable) -> Article:
    """The article with its web evidence: the page's (canonical) URL as its source; the outlet of the host
    (outlets table domains), the feed entry's date and title only where the page itself named none."""
    changes: dict[str, Any] = {"source": web.canonical_url or web.final_url}
    if article.outlet.ko is None and article.outlet.en is None:
        host = web.final_url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        entry = outlets.by_domain(host) if host else None
        if entry is not None:
            changes["outlet"] = entry.outlet
    if article.date is None:
        date = entry_date(web.feed_date)
        if date is not None:
            changes["date"] = date
            changes["date_evidence"] = DateEvidence("feed_entry", web.feed_date or "")
    if article.headline is None and web.feed_title and web.feed_title.strip():
        changes["headline"] = web.feed_title.strip()
    return dataclasses.replace(article, **changes)
