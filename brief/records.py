"""Frozen records that flow between the stages, and their JSON form.

Data moves one way: RawDocument -> Article -> Quote / TranslatedArticle -> ArticleBrief -> Digest.
Records are never mutated; a later stage makes a new record (``dataclasses.replace``).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "Article",
    "ArticleBrief",
    "BriefPoint",
    "DateEvidence",
    "Digest",
    "Failure",
    "FigureDispute",
    "GlossaryEntry",
    "Heading",
    "MergedBrief",
    "ModelInfo",
    "Outlet",
    "PageKind",
    "Person",
    "Provenance",
    "Quote",
    "RawDocument",
    "RemovedLine",
    "Reporter",
    "SentencePair",
    "Speaker",
    "Story",
    "StoryFact",
    "StoryLink",
    "Term",
    "TranslatedArticle",
    "WebSource",
    "to_jsonable",
]

MediaType = Literal["text", "html"]
PageKind = Literal["article", "broadcast", "interview", "listing", "forum", "blog"]


# ---------------------------------------------------------------- ingest
@dataclass(frozen=True)
class WebSource:
    """Where a fetched page came from: its sidecar (``brief fetch``), as evidence for the cleaned article."""

    requested_url: str
    final_url: str  # after redirects
    fetched_at: str  # ISO 8601, UTC
    status: int
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None  # the codec the page was read with (HTTP header, <meta>, then detection)
    charset_note: str | None = None  # set when the header, the <meta> and the bytes disagree
    feed_title: str | None = None  # the feed or sitemap entry that listed the page
    feed_date: str | None = None  # as the entry printed it
    listed_by: str | None = None  # URL of that feed or sitemap
    canonical_url: str | None = (
        None  # the page's <link rel=canonical>, else its URL without tracking parameters
    )


@dataclass(frozen=True)
class RawDocument:
    """One input file, decoded."""

    path: Path
    text: str
    encoding: str  # e.g. "utf-8", "utf-8-sig", "utf-16", "cp949"
    media_type: MediaType
    size: int  # bytes on disk
    web: WebSource | None = None  # set for pages stored by ``brief fetch`` (read from their sidecar)


# ---------------------------------------------------------------- clean
@dataclass(frozen=True)
class Outlet:
    ko: str | None = None
    en: str | None = None


@dataclass(frozen=True)
class Reporter:
    name: str  # Korean name as printed, e.g. "안세준"
    email: str | None = None
    name_en: str | None = None  # romanized, when known


@dataclass(frozen=True)
class DateEvidence:
    """Why an article has the date it has."""

    kind: str  # "epoch_ms" | "image_filename" | "explicit" | "html_meta" | ...
    text: str  # the snippet the date was read from


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped, and the rule that dropped it (for auditing)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Heading:
    """A section heading inside the body ("◇ ..."), placed before paragraph ``before``."""

    text: str
    before: int


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text, all of it, and nothing else."""

    id: str  # stable: hash of the cleaned body
    source: str  # path (or URL) it came from
    headline: str | None
    subheadlines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    outlet: Outlet
    reporters: tuple[Reporter, ...]
    date: _dt.date | None
    date_evidence: DateEvidence | None
    headings: tuple[Heading, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    encoding: str = "utf-8"
    media_type: MediaType = "text"
    kind: PageKind = "article"  # what the page is (see brief/clean/kinds.py)
    truncated: bool = False  # the last paragraph stops mid-sentence (the page was cut off)


# ---------------------------------------------------------------- people and quotes
@dataclass(frozen=True)
class Term:
    """A term of office: one of ``title_ko`` at one organisation (``org_ko``: its Korean names), from
    ``start`` to ``end`` (both days included; ``end`` None while in office)."""

    title_ko: tuple[str, ...]  # ("장관",)
    org_ko: tuple[str, ...]  # ("보건복지부", "복지부")
    start: _dt.date
    end: _dt.date | None = None
    title: str | None = None  # English title, when the title table's would not do ("Governor")
    org: str | None = None  # English organisation, when the organisation table's would not do

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day`` falls inside the term."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    """An entry of the people table (brief/data/people.toml plus user files)."""

    ko: str  # "김영섭"
    en: str  # "Kim Young-shub", as the English-language press writes it
    title: str | None = None  # "CEO"
    org: str | None = None  # "KT"
    title_ko: tuple[str, ...] = ()  # titles this person is called by in Korean: ("대표",)
    org_ko: tuple[str, ...] = ()  # ("KT",)
    aliases: tuple[str, ...] = ()  # other Korean spellings
    terms: tuple[Term, ...] = ()  # offices held, with their dates (short mentions resolve through them)
    # a name that is also an ordinary word or a single syllable ("비"): it counts only right after one
    # of these words (a job or a group: "가수 비는")
    context_ko: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """Who said a quote. ``kind`` is "named", "unnamed" ("a KT official") or "unknown"."""

    kind: Literal["named", "unnamed", "unknown"]
    ko: str | None = None  # Korean name or description ("KT 관계자")
    en: str | None = None  # "Kim Young-shub" / "a KT official" / None for unknown
    title: str | None = None  # English title: "CEO"
    org: str | None = None  # English organisation: "KT"
    verified: bool = False  # True when taken from the people table

    @property
    def label(self) -> str:
        """A one-line English label: "Kim Young-shub, CEO of KT" / "unknown speaker"."""
        if self.kind == "unknown" or not self.en:
            return "unknown speaker"
        if self.title and self.org:
            return f"{self.en}, {self.title} of {_with_article(self.org)}"
        if self.title:
            return f"{self.en}, {self.title}"
        return self.en


def _with_article(org: str) -> str:
    """'Ministry of Science and ICT' reads 'the Ministry of ...' after 'of'; company names take none."""
    first = org.split(" ", 1)[0]
    return f"the {org}" if first in _ORG_WORDS_TAKING_THE else org


_ORG_WORDS_TAKING_THE = frozenset(
    {
        "Ministry",
        "Office",
        "National",
        "Presidential",
        "Bank",
        "Financial",
        "Fair",
        "Board",
        "Committee",
        "Federation",
        "Association",
        "Supreme",
        "Constitutional",
    }
)


@dataclass(frozen=True)
class Quote:
    """A direct or reported statement in an article."""

    article_id: str
    location: Literal["body", "headline", "subheadline"]
    paragraph: int  # index into Article.paragraphs (or subheadlines); 0 for the headline
    span: tuple[int, int]  # character span of text_ko inside that paragraph
    text_ko: str
    kind: Literal["direct", "reported"]
    verb: str | None  # Korean reporting verb as written, e.g. "강조했다"
    stance: str | None  # its English stance: "stressed"
    speaker: Speaker
    text_en: str | None = None  # filled by the translation stage


# ---------------------------------------------------------------- translation
@dataclass(frozen=True)
class ModelInfo:
    """A model used for a stage, for provenance."""

    role: str  # "translation" | "summarization"
    name: str  # hub id, local path or backend name ("extractive")
    backend: str  # "seq2seq" | "instruct" | "ctranslate2" | "extractive" | ...
    revision: str | None = None
    licence: str | None = None


@dataclass(frozen=True)
class SentencePair:
    """One Korean sentence and its English translation."""

    paragraph: int  # -1 headline, -2 - i for subheadline i, -1000 - i for caption i, else body index
    index: int  # sentence index within that paragraph
    ko: str
    en: str
    span: tuple[int, int] = (0, 0)  # character span of ``ko`` in its paragraph
    notes: tuple[str, ...] = ()  # e.g. "split: over model limit", "placeholder repaired", "empty output"


@dataclass(frozen=True)
class TranslatedArticle:
    article: Article
    headline_en: str | None
    subheadlines_en: tuple[str, ...]
    paragraphs_en: tuple[str, ...]
    sentences: tuple[SentencePair, ...]
    quotes: tuple[Quote, ...]  # with text_en filled
    model: ModelInfo
    captions_en: tuple[str, ...] = ()
    headings_en: tuple[str, ...] = ()  # English of article.headings, in order (empty when not translated)


# ---------------------------------------------------------------- summaries and digest
@dataclass(frozen=True)
class BriefPoint:
    text: str
    sources: tuple[str, ...]  # article ids
    supported: bool = True  # passed the faithfulness guard
    date: _dt.date | None = None
    issues: tuple[str, ...] = ()  # what the guard could not find in the source


@dataclass(frozen=True)
class ArticleBrief:
    article_id: str
    lede: str
    bullets: tuple[BriefPoint, ...]
    key_numbers: tuple[str, ...]
    quotes: tuple[Quote, ...]
    supported: int
    total: int
    model: ModelInfo
    # what the summarizer did that a reader should know: "instruct output did not parse: ...; extractive
    # used", "input chunked into 3 windows", "lede replaced: name not in source: ..."
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MergedBrief:
    points: tuple[BriefPoint, ...]
    what_is_new: str
    supported: int
    total: int
    model: ModelInfo
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    ko: str
    en: str
    kind: str = "term"  # "person" | "org" | "term"


@dataclass(frozen=True)
class Failure:
    """An input that could not be used, and why (the run goes on without it)."""

    source: str
    message: str


@dataclass(frozen=True)
class Provenance:
    version: str
    models: tuple[ModelInfo, ...]
    prompt_hashes: tuple[tuple[str, str], ...] = ()  # (prompt file, sha256)
    settings: tuple[tuple[str, str], ...] = ()

    @property
    def signature(self) -> str:
        """A compact one-line signature, like sacrebleu's."""
        parts = [f"brief:{self.version}"]
        parts += [f"{m.role}:{m.name}@{m.revision or 'latest'}" for m in self.models]
        parts += [f"{k}:{v}" for k, v in self.settings]
        return "|".join(parts)


# ---------------------------------------------------------------- stories
@dataclass(frozen=True)
class StoryFact:
    """A figure a story's articles report (money, a percentage, a count, a duration), with its sources."""

    kind: str  # "money" | "percent" | "count" | "duration" | "period"
    value: str  # English figure with its unit: "KRW 2.4 trillion", "30%", "five years"
    sources: tuple[str, ...]  # ids of the articles that report it
    ko: str  # as first written in Korean: "2.4조 원"
    context_ko: str  # the Korean sentence it was read from
    context_en: str | None = None  # that sentence in English (what the figure measures), when aligned
    measure: tuple[str, ...] = ()  # Korean nouns just before it in its clause ("협력", "규모")
    vague: bool = False  # an order of magnitude ("수조 원"), not an exact figure


@dataclass(frozen=True)
class FigureDispute:
    """Outlets that give different figures for what reads as the same measure."""

    kind: str
    measure: tuple[str, ...]  # the Korean nouns the figures share
    facts: tuple[StoryFact, ...]  # each differing figure with the articles that give it


@dataclass(frozen=True)
class StoryLink:
    """Why two articles are in one story: what their Korean texts share."""

    articles: tuple[str, str]  # article ids
    score: float  # weighted overlap, 0..1
    shared: tuple[str, ...]  # strongest first: "person: Kim Young-shub (김영섭)", "figure: KRW 2.4 trillion"


@dataclass(frozen=True)
class Story:
    """Articles about the same event or announcement, from one or several outlets."""

    id: str  # stable: from its articles' ids
    title: str  # one line of English
    articles: tuple[str, ...]  # article ids, the lead article first
    outlets: tuple[str, ...]  # English (else Korean) outlet names, each once
    first_date: _dt.date | None
    last_date: _dt.date | None
    in_period: bool  # some article is dated inside the digest's period ("This week")
    facts: tuple[StoryFact, ...] = ()  # key figures, the weightiest first
    disputes: tuple[FigureDispute, ...] = ()
    links: tuple[StoryLink, ...] = ()  # the overlaps that joined its articles
    points: tuple[BriefPoint, ...] = ()  # the merged brief's points drawn from its articles
    names: tuple[str, ...] = ()  # who: people and organisations its articles name, the most named first


@dataclass(frozen=True)
class Digest:
    title: str
    week: str  # "2024-W40"
    generated_at: str  # ISO 8601, UTC
    articles: tuple[TranslatedArticle, ...]
    briefs: tuple[ArticleBrief, ...]
    merged: MergedBrief
    quotes: tuple[Quote, ...]
    glossary: tuple[GlossaryEntry, ...]
    provenance: Provenance
    failures: tuple[Failure, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)
    stories: tuple[Story, ...] = ()  # ranked: "This week" stories first, then the rest of the batch
    period_start: _dt.date | None = None  # the dates "This week" covers (the week, or --since/--until)
    period_end: _dt.date | None = None


# ---------------------------------------------------------------- JSON
def to_jsonable(obj: Any) -> Any:
    """Turn records (and tuples, dates, paths, enums) into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (_dt.date, _dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, Enum):
        return obj.value
    return obj
