"""Faithfulness guard: every number and every name in a brief must be found in its source.

The source of an article brief is its translation (headline, body, captions, quotes, speakers), the
Korean original (for numbers only: "2조4000억원" backs "KRW 2.4 trillion"), and the names the user
trusts (the people table and the glossary). A sentence with anything not found is marked unsupported,
with one issue per missing item, or dropped.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from brief.records import ArticleBrief, BriefPoint, TranslatedArticle
from brief.summarize.text import NumberMention, find_names, find_numbers, name_known, numbers_match, word_set

if TYPE_CHECKING:
    from brief.records import GlossaryEntry, Person

__all__ = ["GuardMode", "SourceFacts", "allowed_names", "guard_brief", "guard_point"]

log = logging.getLogger(__name__)

GuardMode = Literal["mark", "drop"]


@dataclass(frozen=True)
class SourceFacts:
    """What a source backs: its numbers and its words (for names)."""

    numbers: tuple[NumberMention, ...]
    vocabulary: frozenset[str]

    @classmethod
    def from_texts(
        cls, texts: Iterable[str], allowed: Iterable[str] = (), numbers_only: Iterable[str] = ()
    ) -> SourceFacts:
        """Facts of English ``texts``, trusted names ``allowed`` and texts read for numbers only."""
        texts = [t for t in texts if t]
        numbers = [m for t in [*texts, *numbers_only] if t for m in find_numbers(t)]
        vocabulary: set[str] = set()
        for text in [*texts, *allowed]:
            vocabulary |= word_set(text)
        return cls(tuple(numbers), frozenset(vocabulary))

    @classmethod
    def from_article(cls, translated: TranslatedArticle, allowed: Iterable[str] = ()) -> SourceFacts:
        """Facts of one translated article plus the trusted names."""
        article = translated.article
        english: list[str] = [translated.headline_en or "", *translated.subheadlines_en]
        english += [*translated.paragraphs_en, *translated.captions_en]
        english += [pair.en for pair in translated.sentences]
        for quote in translated.quotes:
            english += [quote.text_en or "", quote.speaker.en or "", quote.speaker.title or ""]
            english.append(quote.speaker.org or "")
        english += [article.outlet.en or ""]
        english += [r.name_en or "" for r in article.reporters]
        korean = [article.headline or "", *article.subheadlines, *article.paragraphs, *article.captions]
        return cls.from_texts(english, allowed, numbers_only=korean)

    def __or__(self, other: SourceFacts) -> SourceFacts:
        return SourceFacts(self.numbers + other.numbers, self.vocabulary | other.vocabulary)

    def check(self, text: str) -> tuple[str, ...]:
        """What ``text`` claims that this source does not back, one issue per item (empty: supported)."""
        issues: list[str] = []
        for mention in find_numbers(text):
            if not any(numbers_match(mention, s) for s in self.numbers):
                issues.append(f"number not in source: {mention.surface}")
        for run in find_names(text):
            missing = name_known(run, set(self.vocabulary))
            if missing:
                issues.append(f"name not in source: {' '.join(run)}")
        return tuple(dict.fromkeys(issues))


def allowed_names(
    people: Iterable[Person] = (), glossary: Iterable[GlossaryEntry] = (), extra: Iterable[str] = ()
) -> tuple[str, ...]:
    """The English names, titles and organisations a brief may use without finding them in its source."""
    names: list[str] = []
    for person in people:
        names += [person.en, person.title or "", person.org or ""]
    names += [entry.en for entry in glossary]
    names += list(extra)
    return tuple(dict.fromkeys(n for n in names if n))


def guard_point(point: BriefPoint, facts: SourceFacts) -> BriefPoint:
    """``point`` with ``supported`` and ``issues`` set from ``facts``."""
    issues = facts.check(point.text)
    return dataclasses.replace(point, supported=not issues, issues=issues)


def guard_brief(
    brief: ArticleBrief, facts: SourceFacts, mode: GuardMode = "mark", *, fallback_lede: str | None = None
) -> ArticleBrief:
    """Check the lede, bullets and key numbers of ``brief`` against ``facts``.

    Bullets are marked (``mode="mark"``) or dropped (``"drop"``). An unsupported lede is replaced by
    ``fallback_lede`` (the article's own lede sentence, when the caller has it) if that is supported,
    else by the first supported bullet; key numbers not in the source are dropped. Every change is noted.
    """
    notes = list(brief.notes)
    bullets = [guard_point(b, facts) for b in brief.bullets]
    lede = brief.lede
    lede_issues = facts.check(lede)
    if lede_issues and fallback_lede and fallback_lede != lede and not facts.check(fallback_lede):
        notes.append(f"lede replaced by the article's own lede ({'; '.join(lede_issues)}): {lede}")
        bullets = [b for b in bullets if b.text != fallback_lede]
        lede, lede_issues = fallback_lede, ()
    if lede_issues:
        replacement = next((b for b in bullets if b.supported), None)
        if replacement is not None:
            notes.append(f"lede replaced ({'; '.join(lede_issues)}): {lede}")
            bullets.remove(replacement)
            lede, lede_issues = replacement.text, ()
        else:
            notes.append(f"lede unsupported: {'; '.join(lede_issues)}")
    if mode == "drop":
        for bullet in bullets:
            if not bullet.supported:
                notes.append(f"bullet dropped ({'; '.join(bullet.issues)}): {bullet.text}")
        bullets = [b for b in bullets if b.supported]
    key_numbers: list[str] = []
    for number in brief.key_numbers:
        issues = facts.check(number)
        if any(i.startswith("number") for i in issues) or not find_numbers(number):
            notes.append(f"key number dropped (not in source): {number}")
        else:
            key_numbers.append(number)
    supported = (0 if lede_issues else 1) + sum(b.supported for b in bullets)
    if supported < 1 + len(bullets):
        log.info("brief of %s: %d of %d sentences supported", brief.article_id, supported, 1 + len(bullets))
    return dataclasses.replace(
        brief,
        lede=lede,
        bullets=tuple(bullets),
        key_numbers=tuple(key_numbers),
        supported=supported,
        total=1 + len(bullets),
        notes=tuple(notes),
    )


def guard_points(points: Sequence[BriefPoint], facts_by_id: dict[str, SourceFacts]) -> list[BriefPoint]:
    """Check merged points against the union of the sources each one cites."""
    out = []
    for point in points:
        facts = SourceFacts((), frozenset())
        for source in point.sources:
            if source in facts_by_id:
                facts = facts | facts_by_id[source]
        out.append(guard_point(point, facts))
    return out
