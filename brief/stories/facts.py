"""A story's key facts: the figures its articles report, each once with every article that reports it,
and the figures outlets disagree on. Read from the Korean text; the English sentence that carries a
figure (aligned by the translation stage) says what it measures."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from brief.records import FigureDispute, StoryFact, TranslatedArticle
from brief.stories.figures import KIND_WEIGHT, Figure, find_figures

__all__ = ["MAX_FACTS", "fact_weight", "story_facts"]

MAX_FACTS = 8  # key facts kept per story, the weightiest first
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"'”’」』)\]]*\s+")
_CLAUSE_START = re.compile(r".*[,;·…]\s*|.*(?:며|고|면서|는데)\s+", re.DOTALL)
_MEASURE_TAGS = frozenset({"NNG", "NNP"})
_MEASURE_NOUNS = 3  # nouns kept before a figure
_DISPUTED_KINDS = frozenset({"money", "percent", "count"})


@dataclass(frozen=True)
class _Found:
    figure: Figure
    article_id: str
    order: int  # position in reading order across the story
    sentence_ko: str
    sentence_en: str | None
    clause_ko: str  # the Korean words before the figure, within its clause


def _sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a Korean text."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start() + len(match.group(0).rstrip())))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _texts(translated: TranslatedArticle) -> list[tuple[int | str, str]]:
    """(paragraph code of the translation stage, or the heading's English, Korean text) of every text
    a reader sees. Headings are translated whole, not sentence by sentence."""
    article = translated.article
    english = translated.headings_en
    texts: list[tuple[int | str, str]] = [(-1, article.headline or "")]
    texts += [(-2 - i, s) for i, s in enumerate(article.subheadlines)]
    texts += [(english[n] if n < len(english) else "", h.text) for n, h in enumerate(article.headings)]
    texts += list(enumerate(article.paragraphs))
    return [(code, text) for code, text in texts if text.strip()]


def _english(translated: TranslatedArticle, code: int | str, sentence: str, start: int) -> str | None:
    """The English sentence aligned with the Korean sentence at ``start`` of text ``code``."""
    if isinstance(code, str):  # a heading: its whole English
        return code.strip() or None
    pairs = [p for p in translated.sentences if p.paragraph == code]
    for pair in pairs:
        if pair.span != (0, 0) and pair.span[0] <= start < pair.span[1] and pair.en.strip():
            return pair.en.strip()
    for pair in pairs:  # records built without spans: match the Korean text itself
        if pair.ko.strip() and (pair.ko.strip() in sentence or sentence in pair.ko) and pair.en.strip():
            return pair.en.strip()
    return None


def _find(articles: Sequence[TranslatedArticle]) -> list[_Found]:
    found: list[_Found] = []
    for translated in articles:
        for code, text in _texts(translated):
            for start, end in _sentences(text):
                sentence = text[start:end].strip()
                for figure in find_figures(sentence):
                    clause = _CLAUSE_START.sub("", sentence[: figure.start])
                    english = _english(translated, code, sentence, start + figure.start)
                    found.append(_Found(figure, translated.article.id, len(found), sentence, english, clause))
    return found


def _measures(clauses: Sequence[str]) -> list[tuple[str, ...]]:
    """The last few nouns of each clause: what the figure after it measures ("협력", "규모")."""
    from brief.analysis.morph import kiwi

    out = []
    for tokens in kiwi().tokenize(list(clauses)):
        nouns = [t.form for t in tokens if t.tag in _MEASURE_TAGS and len(t.form) >= 2]
        out.append(tuple(nouns[-_MEASURE_NOUNS:]))
    return out


def story_facts(
    articles: Sequence[TranslatedArticle], relevant: frozenset[str] = frozenset()
) -> tuple[tuple[StoryFact, ...], tuple[FigureDispute, ...]]:
    """The key figures of a story's ``articles`` and the figures they disagree on.

    With several articles, a figure counts when two articles report it or its sentence names one of
    the ``relevant`` Korean words (what joined the story), so a "most read" line left in one page
    brings no figure. Facts are ordered by ``fact_weight``: kind, then how many articles report them.
    """
    found = [f for f in _find(articles) if f.figure.value]
    if len(articles) > 1:
        reported: dict[tuple[str, str], set[str]] = {}
        for f in found:
            reported.setdefault((f.figure.kind, f.figure.value), set()).add(f.article_id)
        found = [
            f
            for f in found
            if len(reported[(f.figure.kind, f.figure.value)]) > 1 or any(w in f.sentence_ko for w in relevant)
        ]
    measures = _measures([f.clause_ko for f in found]) if found else []
    facts: dict[tuple[str, str], StoryFact] = {}
    first: dict[tuple[str, str], int] = {}
    for f, measure in zip(found, measures, strict=True):
        key = (f.figure.kind, f.figure.value)
        fact = facts.get(key)
        if fact is None:
            facts[key] = StoryFact(
                kind=f.figure.kind,
                value=f.figure.value,
                sources=(f.article_id,),
                ko=f.figure.ko,
                context_ko=f.sentence_ko,
                context_en=f.sentence_en,
                measure=measure,
                vague=f.figure.vague,
            )
            first[key] = f.order
        elif f.article_id not in fact.sources:
            facts[key] = dataclasses.replace(
                fact, sources=(*fact.sources, f.article_id), measure=fact.measure or measure
            )
    ranked = sorted(facts.values(), key=lambda x: (-fact_weight(x), first[(x.kind, x.value)]))
    return tuple(ranked[:MAX_FACTS]), _disputes(list(facts.values()))


def fact_weight(fact: StoryFact) -> float:
    """How much a fact matters: its kind (money and shares first), raised by every further article
    that reports it; an order of magnitude ("수조 원") counts a quarter."""
    weight = KIND_WEIGHT.get(fact.kind, 1.0) * (1 + 0.5 * (len(fact.sources) - 1))
    return weight / 4 if fact.vague else weight


def _disputes(facts: Sequence[StoryFact]) -> tuple[FigureDispute, ...]:
    """Exact figures of one kind and one measure that different articles give differently."""
    out: list[FigureDispute] = []
    used: set[int] = set()
    exact = [f for f in facts if f.kind in _DISPUTED_KINDS and not f.vague and f.measure]
    for i, a in enumerate(exact):
        if i in used:
            continue
        group, shared = [a], set(a.measure)
        for j in range(i + 1, len(exact)):
            b = exact[j]
            common = shared & set(b.measure)
            if j in used or b.kind != a.kind or not common:
                continue
            if any(set(b.sources) & set(g.sources) for g in group):
                continue  # one article giving two figures is two facts, not a dispute
            group.append(b)
            shared = common
            used.add(j)
        if len(group) > 1:
            used.add(i)
            ordered = tuple(sorted(group, key=lambda f: (-len(f.sources), f.value)))
            out.append(FigureDispute(kind=a.kind, measure=tuple(sorted(shared)), facts=ordered))
    return tuple(out)
