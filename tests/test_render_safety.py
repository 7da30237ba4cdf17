"""Article-derived text cannot inject structure into the digest (Markdown, HTML or front matter)."""

from __future__ import annotations

import dataclasses
import html
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown as python_markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.records import Digest
from brief.render import render_html, render_markdown
from brief.render.escape import escape_inline, one_line, safe_url, slug, yaml_quote

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

PARSER = fx.commonmark()
HOSTILE: tuple[str, ...] = fx.HOSTILE
_TEXT_TYPES = {"text", "softbreak"}


def _inline_text(children: list) -> str:
    assert {c.type for c in children} <= _TEXT_TYPES, [c.type for c in children if c.type not in _TEXT_TYPES]
    return "".join(c.content for c in children)


# ---------------------------------------------------------------- one string at a time
@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize(
    ("prefix", "suffix", "container"),
    [("", "", "paragraph"), ("- ", "", "bullet_list"), ("## ", "", "heading"), ("1. ", "", "ordered_list")],
)
def test_escaped_text_is_only_text_in_commonmark(text: str, prefix: str, suffix: str, container: str) -> None:
    tokens = PARSER.parse(prefix + escape_inline(text) + suffix)
    assert tokens[0].type == f"{container}_open"
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(inlines) == 1
    assert {t.type for t in tokens} <= {
        f"{container}_open", f"{container}_close", "list_item_open", "list_item_close",
        "paragraph_open", "paragraph_close", "inline",
    }  # fmt: skip
    assert _inline_text(inlines[0].children) == one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_stays_in_its_table_cell(text: str) -> None:
    cell = escape_inline(text)
    tokens = PARSER.parse(f"| a | b |\n| --- | --- |\n| {cell} | x |\n")
    cells = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 2
    assert _inline_text(cells[0].children) == one_line(text)
    assert cells[1].content == "x"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_only_text_in_python_markdown(text: str) -> None:
    """The same escapes hold in the other dialect (our HTML page, MkDocs)."""
    out = python_markdown.markdown(
        escape_inline(text), extensions=["tables", "footnotes", "toc", "md_in_html"]
    )
    assert re.fullmatch(r"<p>[^<>]*</p>", out), out
    assert html.unescape(out[3:-4]) == one_line(text)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("#*_`[]()<>!|\\-+=.:~$^{}&;/ \n\tax1가\u202e\x00")), max_size=40)
)
def test_escaping_round_trips_any_text(text: str) -> None:
    for prefix in ("", "- ", "### "):
        tokens = PARSER.parse(prefix + escape_inline(text))
        inline = [t for t in tokens if t.type == "inline"]
        if not one_line(text):
            continue
        assert len(inline) == 1
        assert _inline_text(inline[0].children) == one_line(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_yaml_values_round_trip(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_quote(text)}\n") == {"key": text}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Young-shub", "speaker-kim-young-shub"),
        ("a KT official", "speaker-a-kt-official"),
        ("Ahn Se-jun <script>", "speaker-ahn-se-jun-script"),
        ("김영섭", None),  # no ASCII left: 8 hex digits of the name's hash
        ("", None),
    ],
)
def test_slugs_are_ascii_and_stable(text: str, expected: str | None) -> None:
    result = slug(text, "speaker")
    if expected is None:
        assert re.fullmatch(r"speaker-[0-9a-f]{8}", result)
        assert result != slug(text + "x", "speaker")
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.com/a?id=1&x=2", "https://news.example.com/a?id=1&x=2"),
        ("http://example.com/a b", None),
        ("https://example.com/a)(<b>", "https://example.com/a%29%28%3Cb%3E"),
        ("https://example.com/기사", "https://example.com/%EA%B8%B0%EC%82%AC"),
        ("javascript:alert(1)", None),
        ("JavaScript://example.com/%0aalert(1)", None),
        ("data:text/html,<script>", None),
        ("seeds/000.txt", None),
        ("//example.com/x", None),
    ],
)
def test_only_plain_http_urls_become_links(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


# ---------------------------------------------------------------- a whole hostile digest
@pytest.fixture(scope="module")
def hostile() -> Digest:
    return fx.hostile_digest()


@pytest.fixture(scope="module")
def hostile_tokens(hostile: Digest) -> list:
    return PARSER.parse(render_markdown(hostile))


def test_hostile_digest_has_exactly_the_expected_headings(hostile_tokens: list) -> None:
    bad = one_line("\n".join(HOSTILE))
    tags = [t.tag for t in hostile_tokens if t.type == "heading_open"]
    assert tags == ["h1", "h2", "h3", "h2", "h3", "h3", "h2", "h3", "h2", "h2", "h2"]
    texts = fx.headings(hostile_tokens)
    assert texts[0] == ("h1", bad)  # the title, every character kept as text
    assert [text for tag, text in texts if tag == "h2"] == [
        "This week", "Who said what", "Articles", "Glossary", "Skipped inputs", "Provenance",
    ]  # fmt: skip
    assert texts[2] == ("h3", bad)  # the story's title
    assert texts[5] == ("h3", "Unknown speaker")
    assert texts[7] == ("h3", "A1. " + bad)  # the article's headline


def test_hostile_digest_has_only_our_html_links_and_footnotes(hostile_tokens: list) -> None:
    tokens = list(fx.walk(hostile_tokens))
    types = {t.type for t in tokens}
    forbidden = {"image", "code_inline", "code_block", "fence", "hr", "blockquote_open", "s_open", "em_open"}
    assert not forbidden & types, forbidden & types
    assert "ordered_list_open" not in types
    blocks = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert blocks[:2] == [
        '<details markdown="1">\n<summary>Why these articles are one story</summary>',
        "</details>",
    ]
    assert re.fullmatch(r'<details markdown="1">\n<summary>\d+ more quotes</summary>', blocks[2])
    assert blocks[3:] == [
        "</details>",
        '<details markdown="1">\n<summary>Full English translation</summary>',
        "</details>",
    ]
    inline_html = [t.content for t in tokens if t.type == "html_inline"]
    assert all(
        re.fullmatch(r'<a id="((?:speaker|article|story)-[a-z0-9-]+)" name="\1">|</a>', h)
        for h in inline_html
    ), inline_html
    assert len(inline_html) == 8  # one story, two speakers and one article, open and close
    hrefs = {t.attrs["href"] for t in tokens if t.type == "link_open"}
    assert all(re.fullmatch(r"#article-[a-z0-9-]+", h) for h in hrefs), hrefs
    labels = {t.meta["label"] for t in tokens if t.type == "footnote_ref"}
    assert all(re.fullmatch(r"a1(-h|-s\d+|-p\d+)?", label) for label in labels), labels
    defined = [t.meta["label"] for t in tokens if t.type == "footnote_open" and "label" in t.meta]
    assert sorted(defined) == sorted(labels)  # no injected definitions
    assert [t.type for t in tokens].count("table_open") == 1
    assert [t.type for t in tokens].count("tr_open") == 2  # header and the one glossary entry
    assert [t.type for t in tokens].count("td_open") == 3


def test_hostile_front_matter_keeps_values_as_strings(hostile: Digest, hostile_tokens: list) -> None:
    fronts = [t for t in hostile_tokens if t.type == "front_matter"]
    assert len(fronts) == 1
    meta = yaml.safe_load(fronts[0].content)
    assert set(meta) == {"title", "week", "generated_at", "brief_version", "sources", "models"}
    assert meta["title"] == one_line(hostile.title)
    assert meta["sources"] == ["javascript:alert(10)"]
    markdown_text = render_markdown(hostile)
    assert markdown_text.count("\n---\n") == 1  # the closing fence only (the opening one starts the file)


def test_hostile_markdown_never_spells_out_script_urls(hostile: Digest) -> None:
    text = render_markdown(hostile).lower()
    assert "javascript:" not in text
    assert "<script" not in text
    assert "<img" not in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_hostile_html_has_no_script_handlers_or_script_urls(hostile: Digest) -> None:
    page = render_html(hostile)
    assert "<script" not in page.lower()
    assert "javascript:" not in page.lower()
    parsed = _Tags()
    parsed.feed(page)
    assert not {"script", "img", "iframe", "object", "embed", "form", "svg", "math"} & set(parsed.tags)
    assert parsed.tags.count("style") == 1  # ours, in <head>
    assert parsed.tags.count("details") == 3 and parsed.tags.count("h3") == 4
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name)
        if name in ("href", "src"):
            assert urlsplit(value).scheme in ("", "http", "https", "mailto"), value
    assert parsed.title == one_line(hostile.title)


_PIECES = [*"#*_`[]()<>!|\\-+=.:~$^{}&;/\"' \n\t1a가", "</details>", "[^a1]", "---\n", "javascript:"]
_DANGEROUS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=40, deadline=None)
@given(headline=_DANGEROUS, quote=_DANGEROUS, name=_DANGEROUS, outlet=_DANGEROUS, point=_DANGEROUS)
def test_any_article_text_keeps_the_digest_structure(
    headline: str, quote: str, name: str, outlet: str, point: str
) -> None:
    base = fx.small_digest()
    first = base.articles[0]
    article = dataclasses.replace(
        first.article, headline=headline, outlet=dataclasses.replace(first.article.outlet, en=outlet)
    )
    speaker = dataclasses.replace(base.quotes[1].speaker, en=name or "x", ko=name or "x")
    quotes = (
        dataclasses.replace(base.quotes[1], text_en=quote, text_ko=quote, speaker=speaker),
        *base.quotes[2:],
    )
    digest = dataclasses.replace(
        base,
        articles=(dataclasses.replace(first, article=article, headline_en=headline,
                                      paragraphs_en=(quote, point)), base.articles[1]),
        quotes=quotes,
        merged=dataclasses.replace(base.merged, what_is_new=point,
                                   points=(dataclasses.replace(base.merged.points[0], text=point),)),
    )  # fmt: skip
    tokens = PARSER.parse(render_markdown(digest))
    all_tokens = list(fx.walk(tokens))
    tags = [t.tag for t in tokens if t.type == "heading_open"]
    assert tags.count("h1") == 1 and tags.count("h2") == 7
    blocks = [t.content.split("\n")[0] for t in tokens if t.type == "html_block"]
    assert blocks == ['<details markdown="1">', "</details>"] * 3  # why one story, two translations
    assert all(re.fullmatch(r'<a id="([a-z0-9-]+)" name="\1">|</a>', t.content)
               for t in all_tokens if t.type == "html_inline")  # fmt: skip
    assert {t.type for t in all_tokens}.isdisjoint({"image", "code_inline", "fence", "code_block", "hr"})
    assert sum(t.type == "front_matter" for t in tokens) == 1
