"""The weekly digest as CommonMark (with GFM tables and footnotes): front matter, brief, quotes, articles.

Every article-derived string goes through :mod:`brief.render.escape`; everything else on the page is
this module's own fixed text, anchors it builds from slugs, and footnote labels it numbers itself.
Output depends only on the Digest (and the speaker priority list), so the same Digest always gives
the same bytes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from brief.records import (
    ArticleBrief,
    BriefPoint,
    Digest,
    GlossaryEntry,
    Heading,
    ModelInfo,
    Quote,
    Speaker,
    Story,
    StoryFact,
    TranslatedArticle,
)
from brief.render.escape import escape_inline, one_line, safe_url, slug, yaml_quote
from brief.stories.group import first_sentence
from brief.stories.quotes import QuoteEntry, rank_quotes

__all__ = [
    "DEFAULT_PRIORITY",
    "QUOTES_PER_SPEAKER",
    "RenderOptions",
    "article_anchor",
    "render_markdown",
    "speaker_anchor",
    "story_anchor",
]

# Speakers whose quotes come first in "Who said what", in this order; the rest follow.
DEFAULT_PRIORITY: tuple[str, ...] = ("Kim Young-shub", "Satya Nadella", "Cho Won-woo")
QUOTES_PER_SPEAKER = 3  # a speaker's strongest quotes shown up front; the rest are collapsed
FACTS_PER_STORY = 6  # key facts shown per story
POINTS_PER_STORY = 5  # merged-brief points shown per story
_EXCERPT_CHARS = 200  # of the sentence that says what a figure measures

_KIND_ORDER = {"person": 0, "org": 1, "term": 2}
_LOCATION_ORDER = {"headline": 0, "subheadline": 1, "body": 2}
_QUOTE_MARKS = "\"'“”‘’「」『』 "


@dataclass(frozen=True)
class RenderOptions:
    """How the digest is laid out. ``quotes_per_speaker`` quotes of each speaker are shown up front
    (the rest collapsed) unless ``all_quotes``; ``front_matter`` starts the Markdown with YAML."""

    priority: tuple[str, ...] = DEFAULT_PRIORITY
    quotes_per_speaker: int = QUOTES_PER_SPEAKER
    all_quotes: bool = False
    front_matter: bool = True

    def __post_init__(self) -> None:
        if self.quotes_per_speaker < 1:
            raise ValueError(f"quotes_per_speaker must be at least 1, got {self.quotes_per_speaker}")


def render_markdown(
    digest: Digest, *, priority: Sequence[str] = DEFAULT_PRIORITY, options: RenderOptions | None = None
) -> str:
    """The digest as a Markdown document (YAML front matter first, unless turned off), ending with one
    newline. ``options`` (when given) replaces ``priority``."""
    options = options or RenderOptions(priority=tuple(priority))
    body = render_body(digest, options=options)
    return _front_matter(digest) + "\n" + body if options.front_matter else body


def render_body(
    digest: Digest, *, priority: Sequence[str] = DEFAULT_PRIORITY, options: RenderOptions | None = None
) -> str:
    """The digest without its front matter (what the HTML page is made from)."""
    return _Page(digest, options or RenderOptions(priority=tuple(priority))).render()


def article_anchor(article_id: str) -> str:
    """The stable anchor of an article's section: ``article-`` plus the start of its id."""
    return slug(article_id[:16], "article")


def story_anchor(story: Story) -> str:
    """The stable anchor of a story: ``story-`` plus the hash in its id."""
    return slug(story.id.removeprefix("story-"), "story")


def speaker_anchor(speaker: Speaker) -> str:
    """The stable anchor of a speaker's quotes: ``speaker-kim-young-shub``; ``speaker-unknown``."""
    if speaker.kind == "unknown" or not (speaker.en or speaker.ko):
        return "speaker-unknown"
    return slug(speaker.en or speaker.ko or "", "speaker")


# ---------------------------------------------------------------- front matter
def _front_matter(digest: Digest) -> str:
    lines = [
        "---",
        f"title: {_yaml(digest.title)}",
        f"week: {_yaml(digest.week)}",
        f"generated_at: {_yaml(digest.generated_at)}",
        f"brief_version: {_yaml(digest.provenance.version)}",
    ]
    sources = [t.article.source for t in digest.articles]
    lines.append("sources:" + ("" if sources else " []"))
    lines += [f"  - {_yaml(source)}" for source in sources]
    models = _unique_models(digest.provenance.models)
    lines.append("models:" + ("" if models else " []"))
    for model in models:
        lines += [
            f"  - role: {_yaml(model.role)}",
            f"    name: {_yaml(model.name)}",
            f"    revision: {_yaml(model.revision)}",
            f"    backend: {_yaml(model.backend)}",
        ]
    lines.append("---")
    return "\n".join(lines) + "\n"


def _yaml(value: str | None) -> str:
    """A front-matter value: one line, double-quoted (``null`` for None)."""
    return "null" if value is None else yaml_quote(one_line(value))


def _unique_models(models: Sequence[ModelInfo]) -> list[ModelInfo]:
    seen: dict[tuple[str, str, str | None, str], ModelInfo] = {}
    for model in models:
        seen.setdefault((model.role, model.name, model.revision, model.backend), model)
    return list(seen.values())


# ---------------------------------------------------------------- the page
@dataclass(frozen=True)
class _Group:
    """The quotes of one speaker as entries, strongest first."""

    anchor: str
    heading: str  # escaped
    note: str | None  # escaped
    entries: tuple[QuoteEntry, ...]


class _Page:
    """Renders one digest body. Holds the article numbering that footnotes and anchors share."""

    def __init__(self, digest: Digest, options: RenderOptions) -> None:
        self.digest = digest
        self.options = options
        self.priority = options.priority
        self.articles = digest.articles
        self.index = {t.article.id: i for i, t in enumerate(self.articles)}
        self.anchors = _unique([article_anchor(t.article.id) for t in self.articles])
        self.briefs: dict[str, ArticleBrief] = {}
        for article_brief in digest.briefs:
            self.briefs.setdefault(article_brief.article_id, article_brief)
        self.footnotes: dict[str, str] = {}  # label -> escaped definition, in order of first use
        self.story_anchors = _unique([story_anchor(s) for s in digest.stories])

    # -- helpers
    def _label(self, article_id: str) -> str | None:
        """The footnote label citing an article (``a1``), defining it on first use."""
        i = self.index.get(article_id)
        if i is None:
            return None
        label = f"a{i + 1}"
        if label not in self.footnotes:
            self.footnotes[label] = self._cite(i) + _article_facts(self.articles[i])
        return label

    def _refs(self, article_ids: Sequence[str]) -> str:
        """Footnote references to articles, in article order, a space apart ("¹ ²", never "¹²")."""
        ids = sorted({s for s in article_ids if s in self.index}, key=self.index.__getitem__)
        return _join_refs([label for label in map(self._label, ids) if label])

    def _quote_label(self, quote: Quote) -> str | None:
        """The footnote label citing a quote's article and paragraph (``a1-p5``)."""
        i = self.index.get(quote.article_id)
        if i is None:
            return None
        if quote.location == "headline":
            label, where = f"a{i + 1}-h", "headline"
        elif quote.location == "subheadline":
            label, where = f"a{i + 1}-s{quote.paragraph + 1}", f"subheadline {quote.paragraph + 1}"
        else:
            label, where = f"a{i + 1}-p{quote.paragraph + 1}", f"paragraph {quote.paragraph + 1}"
        if label not in self.footnotes:
            self.footnotes[label] = f"{self._cite(i)}, {where}."
        return label

    def _cite(self, i: int) -> str:
        translated = self.articles[i]
        return f"[{_headline(translated)}](#{self.anchors[i]})"

    # -- sections
    def render(self) -> str:
        blocks = [f"# {escape_inline(self.digest.title) or 'Brief'}", self._overview()]
        blocks += self._this_week()
        blocks += self._also_in_this_batch()
        blocks += self._who_said_what()
        blocks += self._article_sections()
        blocks += self._glossary()
        blocks += self._skipped()
        blocks += self._provenance()
        blocks += [f"[^{label}]: {text}" for label, text in self.footnotes.items()]
        return "\n\n".join(block for block in blocks if block) + "\n"

    def _period(self) -> str:
        start, end = self.digest.period_start, self.digest.period_end
        if start and end:
            return f"{start.isoformat()} to {end.isoformat()}"
        if start:
            return f"from {start.isoformat()}"
        if end:
            return f"until {end.isoformat()}"
        return escape_inline(self.digest.week)

    def _overview(self) -> str:
        """A few short sentences, each ending with its full stop: the batch, the period, the quotes."""
        articles = [t.article for t in self.articles]
        outlets = {a.outlet.en or a.outlet.ko for a in articles if a.outlet.en or a.outlet.ko}
        dates = sorted(a.date for a in articles if a.date)
        batch = f"{_count(len(articles), 'article')} from {_count(len(outlets), 'outlet')}"
        if dates:
            batch += f", dated {dates[0].isoformat()}" + (
                f" to {dates[-1].isoformat()}" if dates[-1] != dates[0] else ""
            )
        undated = len(articles) - len(dates)
        if undated:
            batch += f", {undated} undated"
        sentences = [batch + "."]
        stories = self.digest.stories
        if stories:
            current = [s for s in stories if s.in_period]
            sentences.append(
                f"{_count(len(current), 'story', 'stories')} in this period ({self._period()}), "
                f"{len(stories) - len(current)} more in this batch."
            )
        speakers = {speaker_anchor(q.speaker) for q in self.digest.quotes}
        sentences.append(
            f"{_count(len(self.digest.quotes), 'quote')} from {_count(len(speakers), 'speaker')}."
        )
        return " ".join(sentences)

    def _this_week(self) -> list[str]:
        blocks = ["## This week"]
        if not self.digest.stories:
            return blocks + self._merged_points()
        current = [(i, s) for i, s in enumerate(self.digest.stories) if s.in_period]
        if not current:
            blocks.append(
                f"No article is dated in this period ({self._period()}). "
                "The articles of this batch are listed under “Also in this batch”."
            )
        for i, story in current:
            blocks += self._story(i, story)
        return blocks

    def _also_in_this_batch(self) -> list[str]:
        others = [(i, s) for i, s in enumerate(self.digest.stories) if not s.in_period]
        if not others:
            return []
        blocks = [
            "## Also in this batch",
            f"Stories with no article dated in this period ({self._period()}): older or undated articles.",
        ]
        for i, story in others:
            blocks += self._story(i, story)
        return blocks

    def _merged_points(self) -> list[str]:
        """ "This week" for a digest without stories: the merged brief's points."""
        merged = self.digest.merged
        blocks = []
        if merged.what_is_new.strip():
            blocks.append(escape_inline(merged.what_is_new))
        if merged.points:
            blocks.append("\n".join(f"- {self._point(point)}" for point in merged.points))
            blocks.append(_verified(merged.supported, merged.total))
        else:
            blocks.append("No points this week.")
        return blocks

    def _story(self, i: int, story: Story) -> list[str]:
        title = escape_inline(story.title) or "Untitled story"
        blocks = [f"### {_anchor(self.story_anchors[i])}{title}"]
        outlets = ", ".join(escape_inline(o) for o in story.outlets)
        when = _dates(story.first_date, story.last_date)
        undated = sum(1 for a in story.articles if (t := self._article_of(a)) and t.article.date is None)
        if undated:
            when += f"{'; ' if when else ''}{undated} undated"
        line = f"**{_count(len(story.outlets), 'outlet')}** ({outlets})"
        line += f", {_count(len(story.articles), 'article')}"
        blocks.append(line + (f", {when}" if when else "") + "." + self._refs(story.articles))
        if story.names:
            blocks.append("**Who:** " + ", ".join(escape_inline(n) for n in story.names) + ".")
        facts = [f for f in story.facts if not f.vague][:FACTS_PER_STORY] or list(
            story.facts[:FACTS_PER_STORY]
        )
        if facts:
            blocks.append("**Key facts**")
            blocks.append("\n".join(f"- {self._fact(f)}" for f in facts))
        if story.disputes:
            blocks.append("**Figures the outlets give differently**")
            items = []
            for dispute in story.disputes:
                measure = escape_inline(" ".join(dispute.measure))
                figures = " vs ".join(
                    f"**{escape_inline(f.value)}**{self._refs(f.sources)}" for f in dispute.facts
                )
                items.append(f"- {figures} (Korean context: {measure})")
            blocks.append("\n".join(items))
        if story.points:
            blocks.append("**Main points**")
            blocks.append("\n".join(f"- {self._point(p)}" for p in story.points[:POINTS_PER_STORY]))
        if story.links:
            blocks.append(self._why(story))
        return blocks

    def _article_of(self, article_id: str) -> TranslatedArticle | None:
        i = self.index.get(article_id)
        return None if i is None else self.articles[i]

    def _fact(self, fact: StoryFact) -> str:
        text = f"**{escape_inline(fact.value)}**"
        context = _excerpt(fact.context_en) if fact.context_en else ""
        if context:
            text += f": {escape_inline(context)}"
        else:
            text += f" (Korean: “{escape_inline(_excerpt(fact.context_ko))}”)"
        return text + self._refs(fact.sources)

    def _why(self, story: Story) -> str:
        """Why the articles are one story: the overlaps of each link, collapsed."""
        items = []
        for link in story.links:
            a, b = (
                f"[A{self.index[x] + 1}](#{self.anchors[self.index[x]]})" if x in self.index else "an article"
                for x in link.articles
            )
            shared = "; ".join(escape_inline(s) for s in link.shared)
            items.append(f"- {a} and {b} share {shared} (score {link.score:.2f}).")
        return (
            '<details markdown="1">\n<summary>Why these articles are one story</summary>\n\n'
            + "\n".join(items)
            + "\n\n</details>"
        )

    def _point(self, point: BriefPoint) -> str:
        text = escape_inline(point.text)
        if not point.supported:
            text += " (unverified)"
        return text + self._refs(point.sources)

    def _who_said_what(self) -> list[str]:
        blocks = ["## Who said what"]
        groups = self._groups()
        if not groups:
            blocks.append("No attributed quotes this week.")
        limit = None if self.options.all_quotes else self.options.quotes_per_speaker
        for group in groups:
            blocks.append(f"### {_anchor(group.anchor)}{group.heading}")
            if group.note:
                blocks.append(group.note)
            shown, rest = group.entries[:limit], group.entries[limit:] if limit else ()
            blocks.append("\n".join(self._entry(e) for e in shown))
            if rest:
                blocks.append(
                    f'<details markdown="1">\n<summary>{_count(len(rest), "more quote")}</summary>\n\n'
                    + "\n".join(self._entry(e) for e in rest)
                    + "\n\n</details>"
                )
        return blocks

    def _groups(self) -> list[_Group]:
        by_key: dict[tuple[str, str, str], list[Quote]] = {}
        for quote in self.digest.quotes:
            s = quote.speaker
            if s.kind == "unknown" or not (s.en or s.ko):
                key = ("unknown", "", "")
            else:
                key = (s.kind, one_line(s.en or s.ko), one_line(s.ko))
            by_key.setdefault(key, []).append(quote)
        wanted = {name.casefold(): rank for rank, name in enumerate(self.priority)}

        def order(item: tuple[tuple[str, str, str], list[Quote]]) -> tuple[object, ...]:
            (kind, name, ko), quotes = item
            if kind == "named" and name.casefold() in wanted:
                return (0, wanted[name.casefold()], name, ko)
            rank = {"named": 1, "unnamed": 2}.get(kind, 3)
            return (rank, -len(quotes), name.casefold(), name, ko)

        items = sorted(by_key.items(), key=order)
        anchors = _unique([speaker_anchor(quotes[0].speaker) for _, quotes in items])
        outlets = {
            t.article.id: t.article.outlet.en or t.article.outlet.ko or t.article.id for t in self.articles
        }
        groups = []
        for anchor, ((kind, _, ko), quotes) in zip(anchors, items, strict=True):
            speaker = quotes[0].speaker
            if kind == "unknown":
                heading, note = "Unknown speaker", "Quotes whose speaker the article does not make clear."
            else:
                label = one_line(speaker.label)
                heading = escape_inline(label[:1].upper() + label[1:])
                if ko and ko != one_line(speaker.en):
                    heading += f" ({escape_inline(ko)})"
                note = None
                if kind == "named" and not speaker.verified:
                    note = "Not in the people table: name romanized from the Korean, title unverified."
            entries = tuple(rank_quotes(quotes, self.index, outlets))
            groups.append(_Group(anchor, heading, note, entries))
        return groups

    def _entry(self, entry: QuoteEntry) -> str:
        quote = entry.quote
        stance = one_line(quote.stance) or "said"
        kind = "direct quote" if quote.kind == "direct" else "reported speech"
        english = one_line(quote.text_en).strip(_QUOTE_MARKS)
        if not english:
            text = "(not translated)"
        elif quote.kind == "direct":
            text = f"“{escape_inline(english)}”"
        else:
            text = escape_inline(english)
        labels = list(dict.fromkeys(label for q in entry.quotes if (label := self._quote_label(q))))
        line = f"- **{escape_inline(stance[:1].upper() + stance[1:])}** ({kind}): {text}"
        line += _join_refs(labels)
        sources = {q.article_id for q in entry.quotes}
        if len(sources) > 1:
            line += f" (reported by {_count(len(sources), 'article')})"
        korean = f"“{escape_inline(one_line(quote.text_ko).strip(_QUOTE_MARKS))}”"
        if quote.verb:
            korean += f" ({escape_inline(quote.verb)})"
        return line + f"\n    - Korean: {korean}"

    def _article_sections(self) -> list[str]:
        blocks = ["## Articles"]
        if not self.articles:
            blocks.append("No articles.")
        undated = [i for i, t in enumerate(self.articles) if t.article.date is None]
        if undated:
            links = ", ".join(f"[{_headline(self.articles[i])}](#{self.anchors[i]})" for i in undated)
            blocks.append(f"Undated articles (always included, whatever the date filter): {links}.")
        for i, translated in enumerate(self.articles):
            blocks += self._article(i, translated)
        return blocks

    def _article(self, i: int, translated: TranslatedArticle) -> list[str]:
        article = translated.article
        blocks = [f"### {_anchor(self.anchors[i])}A{i + 1}. {_headline(translated)}"]
        facts = []
        if article.headline:
            facts.append(f"- **Korean headline:** {escape_inline(article.headline)}")
        else:
            facts.append("- **Korean headline:** none (titled from its first sentence)")
        facts.append(f"- **Outlet:** {_bilingual(article.outlet.en, article.outlet.ko) or 'unknown'}")
        facts.append(f"- **Date:** {article.date.isoformat() if article.date else 'undated'}")
        reporters = ", ".join(_bilingual(r.name_en, r.name) for r in article.reporters)
        facts.append(f"- **Reporters:** {reporters or 'not named'}")
        facts.append(f"- **Source:** {_source(article.source)}")
        sections = _sections(translated)
        if sections:
            facts.append(f"- **Sections:** {'; '.join(sections)}")
        blocks.append("\n".join(facts))
        brief = self.briefs.get(article.id)
        if brief is not None:
            if brief.lede.strip():
                blocks.append(escape_inline(brief.lede))
            if brief.bullets:
                blocks.append("\n".join(f"- {_bullet(point)}" for point in brief.bullets))
        figures = self._figures(article.id)
        if figures:
            blocks.append("Key figures: " + "; ".join(figures) + ".")
        blocks += _flagged_sentences(translated)
        blocks.append(self._translation(translated))
        return blocks

    def _figures(self, article_id: str) -> list[str]:
        """The article's key figures (read from its Korean text), each with what it measures."""
        out: dict[str, str] = {}
        for story in self.digest.stories:
            for fact in story.facts:
                if article_id in fact.sources and not fact.vague and fact.value not in out:
                    context = _excerpt(fact.context_en or "", 80)
                    out[fact.value] = escape_inline(fact.value) + (
                        f" ({escape_inline(context)})" if context else ""
                    )
        return list(out.values())

    def _translation(self, translated: TranslatedArticle) -> str:
        # markdown="1": Python-Markdown (MkDocs, our HTML page) with md_in_html renders the Markdown
        # inside; GitHub and GitLab drop the attribute and render it anyway (CommonMark HTML block rules).
        parts = ['<details markdown="1">\n<summary>Full English translation</summary>']
        parts += [f"Subheadline: {escape_inline(s)}" for s in translated.subheadlines_en if one_line(s)]
        headings: dict[int, list[str]] = {}
        for heading, english in _headings(translated):
            headings.setdefault(heading.before, []).append(english)
        for p, paragraph in enumerate(translated.paragraphs_en):
            parts += [f"**◇ {escape_inline(h)}**" for h in headings.pop(p, [])]
            if one_line(paragraph):
                parts.append(escape_inline(paragraph))
        parts += [f"**◇ {escape_inline(h)}**" for _, hs in sorted(headings.items()) for h in hs]
        parts += [f"Caption: {escape_inline(c)}" for c in translated.captions_en if one_line(c)]
        if len(parts) == 1:
            parts.append("(no translation)")
        parts.append("</details>")
        return "\n\n".join(parts)

    def _glossary(self) -> list[str]:
        entries = sorted(set(self.digest.glossary), key=_glossary_order)
        if not entries:
            return []
        rows = ["| Korean | English | Kind |", "| --- | --- | --- |"]
        rows += [
            f"| {escape_inline(e.ko)} | {escape_inline(e.en)} | {escape_inline(e.kind)} |" for e in entries
        ]
        return ["## Glossary", "Names and terms that occur in this week's articles.", "\n".join(rows)]

    def _skipped(self) -> list[str]:
        if not self.digest.failures:
            return []
        items = [f"- {escape_inline(f.source)}: {escape_inline(f.message)}" for f in self.digest.failures]
        return ["## Skipped inputs", "\n".join(items)]

    def _provenance(self) -> list[str]:
        provenance = self.digest.provenance
        items = [f"- brief version: {escape_inline(provenance.version)}"]
        for model in _unique_models(provenance.models):
            details = [
                model.backend,
                f"revision {model.revision}" if model.revision else "revision not pinned",
            ]
            if model.licence:
                details.append(f"licence {model.licence}")
            role, name, about = (escape_inline(x) for x in (model.role, model.name, ", ".join(details)))
            items.append(f"- {role} model: {name} ({about})")
        items += [
            f"- prompt {escape_inline(name)}: sha256 {escape_inline(digest)}"
            for name, digest in provenance.prompt_hashes
        ]
        items += [f"- {escape_inline(key)}: {escape_inline(value)}" for key, value in provenance.settings]
        items.append(f"- signature: {escape_inline(provenance.signature)}")
        items.append(f"- generated at: {escape_inline(self.digest.generated_at)}")
        blocks = ["## Provenance", "\n".join(items)]
        notes = self._processing_notes()
        if notes:
            blocks += [
                "Processing notes (how each summary was made; not part of the news):",
                "\n".join(notes),
            ]
        return blocks

    def _processing_notes(self) -> list[str]:
        """What the summarizer noted (parsing, truncation, fallbacks), per article: for auditing only."""
        notes = []
        for i, translated in enumerate(self.articles):
            brief = self.briefs.get(translated.article.id)
            for note in brief.notes if brief else ():
                notes.append(f"- A{i + 1}: {escape_inline(note)}")
        notes += [f"- merged brief: {escape_inline(note)}" for note in self.digest.merged.notes]
        return notes


# ---------------------------------------------------------------- small pieces
def _anchor(name: str) -> str:
    """An empty link target: ``id`` for HTML5 renderers, ``name`` for wikis that keep only that."""
    return f'<a id="{name}" name="{name}"></a>'


def _headline(translated: TranslatedArticle) -> str:
    """The escaped English headline, else the Korean one, else the article's first sentence."""
    text = one_line(translated.headline_en) or one_line(translated.article.headline)
    if not text:
        text = _excerpt(first_sentence(translated), 120)
    if not text:
        text = _excerpt(next((p for p in translated.article.paragraphs if p.strip()), ""), 120)
    return escape_inline(text) or f"Article from {escape_inline(translated.article.source)}"


def _excerpt(text: str | None, limit: int = _EXCERPT_CHARS) -> str:
    """``text`` on one line, cut at a word boundary with "…" when longer than ``limit``."""
    flat = one_line(text)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def _join_refs(labels: Sequence[str]) -> str:
    """Footnote references a space apart, so renderers never run them together into one number."""
    return "".join(f"{' ' if n else ''}[^{label}]" for n, label in enumerate(labels))


def _dates(first: _dt.date | None, last: _dt.date | None) -> str:
    if first is None or last is None:
        return ""
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _headings(translated: TranslatedArticle) -> list[tuple[Heading, str]]:
    """Each section heading with its English (the Korean when it was not translated)."""
    english = translated.headings_en
    return [
        (h, one_line(english[n]) if n < len(english) and one_line(english[n]) else one_line(h.text))
        for n, h in enumerate(translated.article.headings)
    ]


def _sections(translated: TranslatedArticle) -> list[str]:
    """ "◇ English (◇ Korean)" for each section heading, escaped."""
    out = []
    for heading, english in _headings(translated):
        korean = one_line(heading.text)
        text = f"◇ {escape_inline(english)}"
        if korean != english:
            text += f" (◇ {escape_inline(korean)})"
        out.append(text)
    return out


def _bilingual(en: str | None, ko: str | None) -> str:
    """ "Chosun Biz (조선비즈)", or whichever of the two exists, escaped."""
    en, ko = one_line(en), one_line(ko)
    if en and ko and en != ko:
        return f"{escape_inline(en)} ({escape_inline(ko)})"
    return escape_inline(en or ko)


def _source(source: str) -> str:
    url = safe_url(source)
    if url is None:
        return escape_inline(source)
    return f"[{escape_inline(source)}]({url})"


def _bullet(point: BriefPoint) -> str:
    return escape_inline(point.text) + ("" if point.supported else " (unverified)")


def _article_facts(translated: TranslatedArticle) -> str:
    article = translated.article
    outlet = _bilingual(article.outlet.en, article.outlet.ko) or "unknown outlet"
    date = article.date.isoformat() if isinstance(article.date, _dt.date) else "undated"
    return f", {outlet}, {date}."


def _glossary_order(entry: GlossaryEntry) -> tuple[int, str, str, str, str]:
    return (_KIND_ORDER.get(entry.kind, 3), entry.kind, entry.en.casefold(), entry.en, entry.ko)


def _verified(supported: int, total: int) -> str:
    """How many brief points passed the faithfulness guard (numbers and names), in words."""
    what = "numbers and names found in the English translations of their sources"
    if supported >= total:
        return f"All {_count(total, 'point')} checked: {what}."
    verified = f"{supported} of {_count(total, 'point')} checked: {what}"
    return verified + "; the others are marked (unverified)."


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _flagged_sentences(translated: TranslatedArticle) -> list[str]:
    """The article's translated sentences the translation check flagged, each marked, with why."""
    from brief.translate.check import flagged, flags_of

    found = [p for p in translated.sentences if flagged(p.notes)]
    if not found:
        return []
    head = f"⚠ Translation check: {_count(len(found), 'sentence')} flagged, kept as the model wrote them:"
    items = [f"- ⚠ {escape_inline(p.en)} ({escape_inline('; '.join(flags_of(p.notes)))})" for p in found]
    return [head + "\n\n" + "\n".join(items)]


def _unique(anchors: list[str]) -> list[str]:
    """Anchors made unique by numbering repeats (-2, -3, ...) in order."""
    seen: dict[str, int] = {}
    out = []
    for anchor in anchors:
        n = seen.get(anchor, 0) + 1
        seen[anchor] = n
        out.append(anchor if n == 1 else f"{anchor}-{n}")
    return out
