"""URLs as brief compares them: http(s) only, tracking parameters stripped; and what a page's <head> says."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["HeadHints", "canonical_url", "head_hints", "host_of", "url_problem"]

# Query parameters that say where a click came from, not which page it is.
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_TRACKING = frozenset(
    {"fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HEAD_BYTES = 64 * 1024  # <head> hints are looked for in the first bytes of a page only


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched (not http/https, no host), or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:
        return f"not a valid URL ({error})"
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        if not parts.scheme:
            return "not a URL (write it with https://)"
        return f"only http and https URLs are fetched, not {parts.scheme}:"
    if not parts.hostname:
        return "URL has no host"
    return None


def host_of(url: str) -> str:
    """The host of ``url``, lower-case, without port."""
    return (urlsplit(url).hostname or "").lower()


def canonical_url(url: str, base: str | None = None) -> str:
    """``url`` (resolved against ``base``) as brief keys it: lower-case scheme and host, no default
    port, no fragment, no tracking parameters (utm_*, fbclid, ...), "/" for an empty path."""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{parts.port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _TRACKING and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


class HeadHints:
    """What a page's markup says about itself: <link rel=canonical> and the <meta> charset."""

    def __init__(self, canonical: str | None, meta_charset: str | None) -> None:
        self.canonical = canonical
        self.meta_charset = meta_charset


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link" and self.canonical is None and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href", "").strip() or None
        elif tag == "meta" and self.charset is None:
            if values.get("charset"):
                self.charset = values["charset"].strip()
            elif values.get("http-equiv", "").lower() == "content-type":
                match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", values.get("content", ""), re.IGNORECASE)
                self.charset = match.group(1) if match else None


def head_hints(body: bytes) -> HeadHints:
    """The canonical link and <meta> charset from the first bytes of an HTML page (read as Latin-1:
    the markup is ASCII whatever the page's charset)."""
    parser = _HeadParser()
    try:
        parser.feed(body[:_HEAD_BYTES].decode("latin-1"))
        parser.close()
    except (ValueError, AssertionError):  # badly broken markup: whatever was found so far
        pass
    return HeadHints(parser.canonical, parser.charset)
