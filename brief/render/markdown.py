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
    ModelInfo,
    Quote,
    Speaker,
    TranslatedArticle,
)
from brief.render.escape import escape_inline, one_line, safe_url, slug, yaml_quote

__all__ = ["DEFAULT_PRIORITY", "article_anchor", "render_markdown", "speaker_anchor"]

# Speakers whose quotes come first in "Who said what", in this order; the rest follow.
DEFAULT_PRIORITY: tuple[str, ...] = ("Kim Young-shub", "Satya Nadella", "Cho Won-woo")

_KIND_ORDER = {"person": 0, "org": 1, "term": 2}
_LOCATION_ORDER = {"headline": 0, "subheadline": 1, "body": 2}
_QUOTE_MARKS = "\"'“”‘’「」『』 "


def render_markdown(digest: Digest, *, priority: Sequence[str] = DEFAULT_PRIORITY) -> str:
    """The digest as a Markdown document (YAML front matter first), ending with one newline."""
    return _front_matter(digest) + "\n" + render_body(digest, priority=priority)


def render_body(digest: Digest, *, priority: Sequence[str] = DEFAULT_PRIORITY) -> str:
    """The digest without its front matter (what the HTML page is made from)."""
    return _Page(digest, tuple(priority)).render()


def article_anchor(article_id: str) -> str:
    """The stable anchor of an article's section: ``article-`` plus the start of its id."""
    return slug(article_id[:16], "article")


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
    """The quotes of one speaker, in document order."""

    anchor: str
    heading: str  # escaped
    note: str | None  # escaped
    quotes: tuple[Quote, ...]


class _Page:
    """Renders one digest body. Holds the article numbering that footnotes and anchors share."""

    def __init__(self, digest: Digest, priority: tuple[str, ...]) -> None:
        self.digest = digest
        self.priority = priority
        self.articles = digest.articles
        self.index = {t.article.id: i for i, t in enumerate(self.articles)}
        self.anchors = _unique([article_anchor(t.article.id) for t in self.articles])
        self.briefs: dict[str, ArticleBrief] = {}
        for article_brief in digest.briefs:
            self.briefs.setdefault(article_brief.article_id, article_brief)
        self.footnotes: dict[str, str] = {}  # label -> escaped definition, in order of first use

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
        blocks += self._who_said_what()
        blocks += self._article_sections()
        blocks += self._glossary()
        blocks += self._skipped()
        blocks += self._provenance()
        blocks += [f"[^{label}]: {text}" for label, text in self.footnotes.items()]
        return "\n\n".join(block for block in blocks if block) + "\n"

    def _overview(self) -> str:
        articles = [t.article for t in self.articles]
        outlets = {a.outlet.en or a.outlet.ko for a in articles if a.outlet.en or a.outlet.ko}
        dates = sorted(a.date for a in articles if a.date)
        parts = [f"{_count(len(articles), 'article')} from {_count(len(outlets), 'outlet')}"]
        if dates:
            parts[0] += f", {dates[0].isoformat()}" + (
                f" to {dates[-1].isoformat()}" if dates[-1] != dates[0] else ""
            )
        undated = len(articles) - len(dates)
        if undated:
            parts.append(f"{undated} undated")
        speakers = {speaker_anchor(q.speaker) for q in self.digest.quotes}
        parts.append(f"{_count(len(self.digest.quotes), 'quote')} from {_count(len(speakers), 'speaker')}")
        return "; ".join(parts) + "."

    def _this_week(self) -> list[str]:
        merged = self.digest.merged
        blocks = ["## This week"]
        if merged.what_is_new.strip():
            blocks.append(escape_inline(merged.what_is_new))
        if merged.points:
            blocks.append("\n".join(f"- {self._point(point)}" for point in merged.points))
            blocks.append(_verified(merged.supported, merged.total))
        else:
            blocks.append("No points this week.")
        blocks += [f"Note: {escape_inline(note)}" for note in merged.notes]
        return blocks

    def _point(self, point: BriefPoint) -> str:
        text = escape_inline(point.text)
        if not point.supported:
            text += " (unverified)"
        ids = sorted({s for s in point.sources if s in self.index}, key=self.index.__getitem__)
        return text + "".join(f"[^{label}]" for label in map(self._label, ids) if label)

    def _who_said_what(self) -> list[str]:
        blocks = ["## Who said what"]
        groups = self._groups()
        if not groups:
            blocks.append("No attributed quotes this week.")
        for group in groups:
            blocks.append(f"### {_anchor(group.anchor)}{group.heading}")
            if group.note:
                blocks.append(group.note)
            blocks.append("\n".join(self._quote(q) for q in group.quotes))
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
            ordered = tuple(sorted(quotes, key=self._quote_order))
            groups.append(_Group(anchor, heading, note, ordered))
        return groups

    def _quote_order(self, quote: Quote) -> tuple[int, int, int, int, int]:
        return (
            self.index.get(quote.article_id, len(self.index)),
            _LOCATION_ORDER.get(quote.location, 3),
            quote.paragraph,
            quote.span[0],
            quote.span[1],
        )

    def _quote(self, quote: Quote) -> str:
        stance = one_line(quote.stance) or "said"
        kind = "direct quote" if quote.kind == "direct" else "reported speech"
        english = one_line(quote.text_en).strip(_QUOTE_MARKS)
        if not english:
            text = "(not translated)"
        elif quote.kind == "direct":
            text = f"“{escape_inline(english)}”"
        else:
            text = escape_inline(english)
        label = self._quote_label(quote)
        line = f"- **{escape_inline(stance[:1].upper() + stance[1:])}** ({kind}): {text}"
        if label:
            line += f"[^{label}]"
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
        blocks = [f"### {_anchor(self.anchors[i])}{_headline(translated)}"]
        facts = []
        if article.headline:
            facts.append(f"- **Korean headline:** {escape_inline(article.headline)}")
        facts.append(f"- **Outlet:** {_bilingual(article.outlet.en, article.outlet.ko) or 'unknown'}")
        facts.append(f"- **Date:** {article.date.isoformat() if article.date else 'undated'}")
        reporters = ", ".join(_bilingual(r.name_en, r.name) for r in article.reporters)
        facts.append(f"- **Reporters:** {reporters or 'not named'}")
        facts.append(f"- **Source:** {_source(article.source)}")
        blocks.append("\n".join(facts))
        brief = self.briefs.get(article.id)
        if brief is not None:
            if brief.lede.strip():
                blocks.append(escape_inline(brief.lede))
            if brief.bullets:
                blocks.append("\n".join(f"- {_bullet(point)}" for point in brief.bullets))
            if brief.key_numbers:
                numbers = "; ".join(escape_inline(n) for n in brief.key_numbers)
                blocks.append(f"Key numbers: {numbers}.")
            blocks += [f"Note: {escape_inline(note)}" for note in brief.notes]
        blocks += _flagged_sentences(translated)
        blocks.append(self._translation(translated))
        return blocks

    def _translation(self, translated: TranslatedArticle) -> str:
        # markdown="1": Python-Markdown (MkDocs, our HTML page) with md_in_html renders the Markdown
        # inside; GitHub and GitLab drop the attribute and render it anyway (CommonMark HTML block rules).
        parts = ['<details markdown="1">\n<summary>Full English translation</summary>']
        parts += [f"Subheadline: {escape_inline(s)}" for s in translated.subheadlines_en if one_line(s)]
        parts += [escape_inline(p) for p in translated.paragraphs_en if one_line(p)]
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
        return ["## Provenance", "\n".join(items)]


# ---------------------------------------------------------------- small pieces
def _anchor(name: str) -> str:
    """An empty link target: ``id`` for HTML5 renderers, ``name`` for wikis that keep only that."""
    return f'<a id="{name}" name="{name}"></a>'


def _headline(translated: TranslatedArticle) -> str:
    """The escaped English headline, else the Korean one, else a placeholder."""
    text = one_line(translated.headline_en) or one_line(translated.article.headline)
    return escape_inline(text) or "(untitled article)"


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


def _flagged_sentences(translated: TranslatedArticle) -> list[str]:
    """The article's translated sentences the translation check flagged, each marked, with why."""
    from brief.translate.check import flagged, flags_of

    found = [p for p in translated.sentences if flagged(p.notes)]
    if not found:
        return []
    head = f"⚠ Translation check: {_count(len(found), 'sentence')} flagged, kept as the model wrote them:"
    items = [f"- ⚠ {escape_inline(p.en)} ({escape_inline('; '.join(flags_of(p.notes)))})" for p in found]
    return [head + "\n\n" + "\n".join(items)]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _unique(anchors: list[str]) -> list[str]:
    """Anchors made unique by numbering repeats (-2, -3, ...) in order."""
    seen: dict[str, int] = {}
    out = []
    for anchor in anchors:
        n = seen.get(anchor, 0) + 1
        seen[anchor] = n
        out.append(anchor if n == 1 else f"{anchor}-{n}")
    return out
