"""HTML pages -> text plus page metadata, through trafilatura (imported only when a page is HTML)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["HtmlExtract", "extract_html"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlExtract:
    """The article text of a page (one paragraph a line) and what the page's metadata says."""

    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD as the page's metadata gives it
    sitename: str | None = None
    url: str | None = None
    images: tuple[str, ...] = ()  # image sources of the page (dated file names are date evidence)
    extractor: str = "trafilatura"


def extract_html(html: str) -> HtmlExtract:
    """Main text and metadata of an HTML page; falls back to a plain tag stripper if trafilatura finds nothing."""
    images = tuple(re.findall(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", html, re.IGNORECASE))
    try:
        import trafilatura
    except ImportError as error:  # pragma: no cover - trafilatura is a dependency
        log.warning("trafilatura is not usable (%s); using the plain HTML stripper", error)
        doc = None
    else:
        try:
            doc = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                favor_recall=True,
                deduplicate=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as error:  # noqa: BLE001 - a third-party parser may fail in many ways
            log.warning("trafilatura failed on a page (%s); using the plain HTML stripper", error)
            doc = None
    stripped = _strip_tags(html)
    if doc is None:
        return HtmlExtract(text=stripped.text, title=stripped.title, images=images, extractor="html.parser")
    get = doc.get if isinstance(doc, dict) else (lambda key: getattr(doc, key, None))
    text = get("text") or ""
    if len(text.strip()) < 50:
        log.info("trafilatura found no article text; using the plain HTML stripper")
        text = stripped.text
    return HtmlExtract(
        text=text,
        title=get("title") or stripped.title,
        date=get("date"),
        sitename=get("sitename"),
        url=get("url"),
        images=images,
    )


class _Stripper(HTMLParser):
    """Text of a page, one block a line, without scripts, styles and forms."""

    _BLOCK = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer figure figcaption "
        "blockquote dt dd pre hr nav aside title".split()
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "form", "select", "button", "iframe"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if not self.skip:
            self.parts.append(data)


@dataclass(frozen=True)
class _Stripped:
    text: str
    title: str | None


def _strip_tags(html: str) -> _Stripped:
    parser = _Stripper()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t\r\f\v]*\n\s*", "\n", "".join(parser.parts))
    return _Stripped(text=text.strip(), title=parser.title.strip() if parser.title else None)
