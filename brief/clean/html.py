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
    captions: tuple[str, ...] = ()  # <figcaption> and caption-class texts (the extractor drops them)
    extractor: str = "trafilatura"


# trafilatura builds a whole lxml tree, about forty times the page in memory: larger pages are read
# with the streaming tag stripper, and only their <head> goes to trafilatura for the metadata
TREE_LIMIT = 1_500_000  # characters


# a tag that structures a page; text with only inline tags ("…<br /><br />…", <b>, <a>) is no page, and
# trafilatura, reading it as one, can drop its first line as if it were a title
_BLOCK_TAG = re.compile(
    r"<(?:html|head|body|p|div|article|section|main|header|footer|nav|table|ul|ol|li|h[1-6]|title|meta)[\s>/]",
    re.IGNORECASE,
)


def extract_html(html: str) -> HtmlExtract:
    """Main text and metadata of an HTML page; a plain tag stripper when trafilatura finds nothing
    (or when the page is over TREE_LIMIT characters)."""
    images = tuple(re.findall(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", html, re.IGNORECASE))
    if len(html) > TREE_LIMIT:
        return _large_page(html, images)
    if _BLOCK_TAG.search(html) is None:  # text with line-break tags in it, not a page
        stripped = _strip_tags(html)
        return HtmlExtract(text=stripped.text, title=stripped.title, images=images, extractor="html.parser")
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
        except Exception as error:
            log.warning("trafilatura failed on a page (%s); using the plain HTML stripper", error)
            doc = None
    stripped = _strip_tags(html)
    if doc is None:
        return HtmlExtract(
            text=stripped.text,
            title=stripped.title,
            images=images,
            captions=stripped.captions,
            extractor="html.parser",
        )
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
        captions=stripped.captions,
    )


_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)


def _large_page(html: str, images: tuple[str, ...]) -> HtmlExtract:
    """A page too large for a tree: its text from the streaming stripper, its metadata from its <head>."""
    stripped = _strip_tags(html)
    end = _HEAD_END.search(html, 0, 200_000)
    meta = None
    if end is not None:
        try:
            from trafilatura.metadata import extract_metadata

            meta = extract_metadata(html[: end.start()] + "</head><body></body></html>", extensive=False)
        except Exception as error:  # metadata is a hint: a page without it is still read
            log.info("no metadata from the page's head (%s)", error)
    return HtmlExtract(
        text=stripped.text,
        title=(meta.title if meta is not None else None) or stripped.title,
        date=meta.date if meta is not None else None,
        sitename=meta.sitename if meta is not None else None,
        url=meta.url if meta is not None else None,
        images=images[:1000],
        captions=stripped.captions,
        extractor="html.parser",
    )


class _Stripper(HTMLParser):
    """Text of a page, one block a line, without scripts, styles and forms."""

    _BLOCK = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "figure",
            "figcaption",
            "blockquote",
            "dt",
            "dd",
            "pre",
            "hr",
            "nav",
            "aside",
            "title",
        ]
    )
    _SKIP = frozenset(
        {"script", "style", "noscript", "template", "svg", "form", "select", "button", "iframe"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title: str | None = None
        self.captions: list[str] = []
        self._caption: list[str] | None = None  # text of the caption being read
        self._caption_tag: tuple[str, int] | None = None  # its tag and nesting depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        if self._caption_tag is not None and tag == self._caption_tag[0]:
            self._caption_tag = (tag, self._caption_tag[1] + 1)
        elif self._caption_tag is None and _is_caption_element(tag, attrs):
            self._caption, self._caption_tag = [], (tag, 1)
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if self._caption_tag is not None and tag == self._caption_tag[0]:
            depth = self._caption_tag[1] - 1
            self._caption_tag = (tag, depth) if depth else None
            if not depth and self._caption is not None:
                text = " ".join("".join(self._caption).split())
                if text:
                    self.captions.append(text)
                self._caption = None
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if not self.skip:
            self.parts.append(data)
            if self._caption is not None:
                self._caption.append(data)


_CAPTION_CLASS = re.compile(r"caption|img[_-]desc|photo[_-]desc|imgtxt|photo_txt", re.IGNORECASE)


def _is_caption_element(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag == "figcaption":
        return True
    return any(name == "class" and value and _CAPTION_CLASS.search(value) for name, value in attrs)


@dataclass(frozen=True)
class _Stripped:
    text: str
    title: str | None
    captions: tuple[str, ...] = ()


def _strip_tags(html: str) -> _Stripped:
    parser = _Stripper()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t\r\f\v]*\n\s*", "\n", "".join(parser.parts))
    title = parser.title.strip() if parser.title else None
    return _Stripped(text=text.strip(), title=title, captions=tuple(dict.fromkeys(parser.captions)))
