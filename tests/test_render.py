"""The rendered digest: exact snapshot, structure through a CommonMark parser, HTML and JSON."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from brief.records import Digest, Quote
from brief.render import render_html, render_json, render_markdown
from brief.render.markdown import render_body

DATA = Path(__file__).parent / "data" / "render"
SNAPSHOT = DATA / "small_digest.md"
DOCS = Path(__file__).parent.parent / "docs" / "digest-schema.md"

_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)


@pytest.fixture(scope="module")
def digest() -> Digest:
    return fx.small_digest()


@pytest.fixture(scope="module")
def markdown_text(digest: Digest) -> str:
    return render_markdown(digest)


@pytest.fixture(scope="module")
def tokens(markdown_text: str) -> list:
    return fx.commonmark().parse(markdown_text)


# ---------------------------------------------------------------- exact snapshot
def test_snapshot_is_exact(markdown_text: str) -> None:
    """Any change to the layout shows here. Regenerate on purpose: BRIEF_UPDATE_SNAPSHOTS=1 pytest ..."""
    if os.environ.get("BRIEF_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_bytes(markdown_text.encode("utf-8"))
    assert markdown_text.encode("utf-8") == SNAPSHOT.read_bytes()


def test_rendering_is_deterministic(digest: Digest) -> None:
    assert render_markdown(digest) == render_markdown(fx.small_digest())
    assert render_html(digest) == render_html(fx.small_digest())
    assert render_json(digest) == render_json(fx.small_digest())


def test_order_of_quotes_and_glossary_in_the_digest_does_not_matter(digest: Digest) -> None:
    shuffled = dataclasses.replace(
        digest, quotes=tuple(reversed(digest.quotes)), glossary=tuple(reversed(digest.glossary))
    )
    assert render_markdown(shuffled) == render_markdown(digest)


# ---------------------------------------------------------------- structure
def test_front_matter_is_yaml_with_the_agreed_keys(tokens: list, digest: Digest) -> None:
    front = [t for t in tokens if t.type == "front_matter"]
    assert len(front) == 1
    meta = yaml.safe_load(front[0].content)
    assert meta["title"] == digest.title
    assert meta["week"] == "2025-W09"
    assert meta["generated_at"] == "2025-02-27T09:00:00Z"
    assert meta["brief_version"] == "0.1.0"
    assert meta["sources"] == [
        "seeds/000_7787a1a13554aa61.txt",
        "https://news.example.com/article?id=2&lang=ko",
    ]
    assert meta["models"][0] == {
        "role": "translation",
        "name": "Helsinki-NLP/opus-mt-tc-big-ko-en",
        "revision": "0123abcd",
        "backend": "seq2seq",
    }
    assert meta["models"][1]["revision"] is None


def test_headings_in_order(tokens: list) -> None:
    assert fx.headings(tokens) == [
        ("h1", "Korean news brief 2025-W09"),
        ("h2", "This week"),
        ("h3", "KT strengthens AI partnership with MS"),
        ("h2", "Also in this batch"),
        ("h3", "An older story"),
        ("h2", "Who said what"),
        ("h3", "Kim Young-shub, CEO of KT (김영섭)"),
        ("h3", "Satya Nadella, CEO of Microsoft (사티아 나델라)"),
        ("h3", "Cho Won-woo, head of Korea Microsoft (조원우)"),
        ("h3", "Park Ji-hun (박지훈)"),
        ("h3", "A KT official (KT 관계자)"),
        ("h3", "Unknown speaker"),
        ("h2", "Articles"),
        ("h3", "A1. KT strengthens AI partnership with MS"),
        ("h3", 'A2. Nadella: "Expand AI education"'),
        ("h2", "Glossary"),
        ("h2", "Skipped inputs"),
        ("h2", "Provenance"),
    ]


def test_explicit_anchors_are_stable_slugs(tokens: list) -> None:
    anchors = [t.content for t in fx.walk(tokens) if t.type == "html_inline" and t.content.startswith("<a ")]
    assert anchors == [
        '<a id="story-0123456789ab" name="story-0123456789ab">',
        '<a id="story-ba9876543210" name="story-ba9876543210">',
        '<a id="speaker-kim-young-shub" name="speaker-kim-young-shub">',
        '<a id="speaker-satya-nadella" name="speaker-satya-nadella">',
        '<a id="speaker-cho-won-woo" name="speaker-cho-won-woo">',
        '<a id="speaker-park-ji-hun" name="speaker-park-ji-hun">',
        '<a id="speaker-a-kt-official" name="speaker-a-kt-official">',
        '<a id="speaker-unknown" name="speaker-unknown">',
        '<a id="article-7787a1a13554aa61" name="article-7787a1a13554aa61">',
        '<a id="article-de47211a8ef0eb56" name="article-de47211a8ef0eb56">',
    ]


def test_every_footnote_reference_is_defined_and_every_definition_used(tokens: list) -> None:
    refs = {t.meta["label"] for t in fx.walk(tokens) if t.type == "footnote_ref"}
    defined = {t.meta["label"] for t in fx.walk(tokens) if t.type == "footnote_open" and "label" in t.meta}
    assert refs == defined
    assert {"a1", "a2", "a1-p2", "a1-p3", "a2-h", "a2-p1", "a2-p2", "a2-p3", "a2-p4"} == refs


def test_brief_points_cite_their_articles_in_article_order_markers_apart(markdown_text: str) -> None:
    assert "- KT and Microsoft widen their AI partnership.[^a1] [^a2]\n" in markdown_text
    assert "][^" not in markdown_text  # adjacent markers would read as one number ("¹²")


def test_a_story_shows_its_outlets_who_facts_disputes_points_and_why(markdown_text: str) -> None:
    story = markdown_text.split("## This week", 1)[1].split("## Also in this batch", 1)[0]
    assert "**2 outlets** (Chosun Biz, 전자신문), 2 articles, 2025-02-26; 1 undated.[^a1] [^a2]" in story
    assert "**Who:** Kim Young-shub, Satya Nadella, KT, Microsoft." in story
    assert story.index("- **five years**") < story.index("- **KRW 2.4 trillion**")  # the order given
    assert "- **KRW 2.4 trillion**[^a1] vs **KRW 2 trillion**[^a2]" in story
    assert "- **KRW 2 trillion** (Korean: “협력 규모는 2조 원이다.”)[^a2]" in story  # no English: the Korean
    assert "<summary>Why these articles are one story</summary>" in story


def test_a_digest_without_stories_lists_the_merged_points(digest: Digest) -> None:
    text = render_markdown(dataclasses.replace(digest, stories=()))
    assert "- KT and Microsoft widen their AI partnership.[^a1] [^a2]\n" in text
    assert "- A claim the guard could not find. (unverified)\n" in text


def test_quotes_carry_stance_kind_korean_and_a_paragraph_footnote(markdown_text: str) -> None:
    assert (
        "- **Stressed** (direct quote): “We will lead AX with Korean AI”[^a1-p2]\n"
        "    - Korean: “한국적 AI로 AX를 이끌겠다” (강조했다)"
    ) in markdown_text
    # the headline's "AI 교육 확대" and the body's reported version are one statement, with both sources
    assert "- **Said** (direct quote): “Expanding AI education”[^a2-h] [^a2-p1]\n" in markdown_text
    assert (
        "[^a1-p2]: [KT strengthens AI partnership with MS](#article-7787a1a13554aa61), paragraph 2."
        in markdown_text
    )


def test_articles_show_metadata_lede_bullets_and_a_collapsible_translation(
    tokens: list, markdown_text: str
) -> None:
    blocks = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert (
        blocks[2:]
        == ['<details markdown="1">\n<summary>Full English translation</summary>', "</details>"] * 2
    )
    for needle in (
        "- **Korean headline:** KT, MS와 AI 파트너십 강화",
        "- **Outlet:** Chosun Biz (조선비즈)",
        "- **Date:** 2025-02-26",
        "- **Date:** undated",
        "- **Reporters:** Ahn Se-jun (안세준)",
        "- **Source:** seeds/000\\_7787a1a13554aa61.txt",
        "KT will strengthen its AI partnership with Microsoft.",
        "- The partnership covers 3 areas. (unverified)",
        "Key figures: five years (They will cooperate for five years.); KRW 2.4 trillion",
    ):
        assert needle in markdown_text
    assert "Undated articles (always included, whatever the date filter): [Nadella" in markdown_text


def test_links_go_only_to_own_anchors_or_http_sources(tokens: list) -> None:
    hrefs = {t.attrs["href"] for t in fx.walk(tokens) if t.type == "link_open"}
    assert hrefs == {
        "#article-7787a1a13554aa61",
        "#article-de47211a8ef0eb56",
        "https://news.example.com/article?id=2&lang=ko",
    }


def test_glossary_is_a_table_sorted_people_orgs_terms(tokens: list) -> None:
    rows: list[list[str]] = []
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            rows.append([])
        elif t.type in ("th_open", "td_open"):
            rows[-1].append(tokens[i + 1].content)
    assert rows == [
        ["Korean", "English", "Kind"],
        ["김영섭", "Kim Young-shub (CEO, KT)", "person"],
        ["사티아 나델라", "Satya Nadella (CEO, Microsoft)", "person"],
        ["마이크로소프트", "Microsoft", "org"],
        ["한국적 AI", "Korean-style AI", "term"],
    ]


def test_provenance_lists_models_revisions_prompts_settings(markdown_text: str) -> None:
    section = markdown_text.split("## Provenance", 1)[1]
    for needle in (
        "translation model: Helsinki-NLP/opus-mt-tc-big-ko-en (seq2seq, revision 0123abcd, licence CC-BY-4.0)",  # noqa: E501
        "summarization model: extractive (extractive, revision not pinned)",
        "prompt article\\_brief.user.j2: sha256 ab12cd34",
        "since: 2025-02-20",
        "signature: brief:0.1.0",
    ):
        assert needle in section


@pytest.mark.parametrize(
    ("priority", "first"),
    [
        (
            ("Kim Young-shub", "Satya Nadella", "Cho Won-woo"),
            ["Kim Young-shub", "Satya Nadella", "Cho Won-woo"],
        ),
        (("Cho Won-woo",), ["Cho Won-woo", "Satya Nadella", "Kim Young-shub"]),  # then by quote count, name
        (("satya nadella", "Nobody Here"), ["Satya Nadella", "Cho Won-woo", "Kim Young-shub"]),
        ((), ["Satya Nadella", "Cho Won-woo", "Kim Young-shub"]),
    ],
)
def test_priority_speakers_come_first(digest: Digest, priority: tuple[str, ...], first: list[str]) -> None:
    names = [
        text.split(",")[0]
        for tag, text in fx.headings(fx.commonmark().parse(render_markdown(digest, priority=priority)))
        if tag == "h3"
    ][2:]  # after the two stories
    assert names[:3] == first
    assert names[3:6] == ["Park Ji-hun (박지훈)", "A KT official (KT 관계자)", "Unknown speaker"]


def test_empty_digest_renders_every_section(digest: Digest) -> None:
    empty = dataclasses.replace(
        digest,
        articles=(),
        briefs=(),
        quotes=(),
        glossary=(),
        failures=(),
        merged=dataclasses.replace(digest.merged, points=(), what_is_new="", notes=()),
        stories=(),
    )
    text = render_markdown(empty)
    assert fx.headings(fx.commonmark().parse(text)) == [
        ("h1", "Korean news brief 2025-W09"),
        ("h2", "This week"),
        ("h2", "Who said what"),
        ("h2", "Articles"),
        ("h2", "Provenance"),
    ]
    assert "No attributed quotes this week." in text
    assert "sources: []" in text


def test_quote_of_an_article_not_in_the_digest_has_no_footnote(digest: Digest) -> None:
    stray = dataclasses.replace(digest.quotes[0], article_id="not-here")
    text = render_markdown(dataclasses.replace(digest, quotes=(stray,)))
    tokens = fx.commonmark().parse(text)
    assert {t.meta["label"] for t in fx.walk(tokens) if t.type == "footnote_ref"} == {"a1", "a2"}


# ---------------------------------------------------------------- HTML
class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]


def parse_html(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    return collector


def test_html_is_a_self_contained_page(digest: Digest) -> None:
    page = render_html(digest)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.endswith("</html>\n")
    parsed = parse_html(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "link" not in parsed.tags
    assert parsed.tags.count("details") == 3 and parsed.tags.count("table") == 1
    ids = [v for t, n, v in parsed.attrs if n == "id"]
    assert "article-7787a1a13554aa61" in ids and "speaker-kim-young-shub" in ids
    assert "fn:a1-p2" in ids  # footnotes rendered
    assert "<title>Korean news brief 2025-W09</title>" in page
    assert "<p>KT said on the 26th that it would strengthen its partnership with Microsoft.</p>" in page
    assert "Content-Security-Policy" in page


def test_details_render_markdown_inside_in_python_markdown_too(digest: Digest) -> None:
    import markdown

    body = render_body(digest)
    assert body.count('<details markdown="1">') == 3
    out = markdown.markdown(body, extensions=["md_in_html", "footnotes", "tables"])
    assert "<p>KT said on the 26th that it would strengthen its partnership with Microsoft.</p>" in out


# ---------------------------------------------------------------- JSON
def test_json_is_the_whole_digest(digest: Digest) -> None:
    data = json.loads(render_json(digest))
    assert data["schema"] == "brief.digest/1"
    assert [f.name for f in dataclasses.fields(Digest)] == list(data)[1:]
    assert data["articles"][0]["article"]["date"] == "2025-02-26"
    assert data["articles"][1]["article"]["date"] is None
    assert data["quotes"][1]["speaker"] == {
        "kind": "named",
        "ko": "김영섭",
        "en": "Kim Young-shub",
        "title": "CEO",
        "org": "KT",
        "verified": True,
    }
    assert render_json(digest).endswith("}\n")


def _record_fields(cls: type, seen: set[type]) -> set[tuple[str, str]]:
    """(record name, field name) of a record and of every record it holds."""
    import typing

    if cls in seen or not dataclasses.is_dataclass(cls):
        return set()
    seen.add(cls)
    out = set()
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        out.add((cls.__name__, field.name))
        for arg in re.findall(r"\b[A-Z]\w+", str(hints[field.name])):
            import brief.records as records

            nested = getattr(records, arg, None)
            if isinstance(nested, type):
                out |= _record_fields(nested, seen)
    return out


def test_schema_doc_documents_every_field() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    missing = []
    for record, name in sorted(_record_fields(Digest, set()) | _record_fields(Quote, set())):
        section = re.search(rf"^### `?{record}`?$(.*?)(?=^### |\Z)", doc, re.M | re.S)
        if section is None or f"`{name}`" not in section.group(1):
            missing.append(f"{record}.{name}")
    assert not missing, f"docs/digest-schema.md does not document: {', '.join(missing)}"
