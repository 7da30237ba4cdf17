"""What a Korean article is about, as features two articles can share: people, organisations, figures,
dates and distinctive terms. Computed on the Korean text, so grouping never depends on a translation.

A feature is ``(kind, key)``: ``("person", "Kim Young-shub")``, ``("org", "Microsoft")``,
``("figure", "KRW 2.4 trillion")``, ``("date", "30 September")``, ``("term", "파트너십")``. Names go through
the glossary (so 마이크로소프트 and MS are one organisation); figures through their English value (so
2조4000억원 and 2.4조 원 are one figure).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from brief.records import Article, Quote
from brief.stories.figures import find_figures

__all__ = ["ArticleFeatures", "Feature", "NameFinder", "article_features", "article_texts", "batch_features"]

Feature = tuple[str, str]  # (kind, key)
# finds (kind, English name, Korean name) of known people, organisations, places and terms in a text
NameFinder = Callable[[str], Iterable[tuple[str, str, str]]]

# Kiwi tags of words that can carry a story: proper and common nouns, foreign words ("AX", "KT")
_NOUN_TAGS = frozenset({"NNP", "NNG", "SL"})
_NAME_TAGS = frozenset({"NNP", "SL"})  # proper nouns and Latin words carry a story; common nouns less
_MIN_TERM_CHARS = 2
TERM_PARAGRAPHS = 4  # paragraphs after the lead whose words are read too
LEAD_WEIGHT = 3  # a word in the headline or first paragraph says more about the story than one below
_GLOSSARY_KINDS = {"person": "person", "org": "org", "place": "org", "term": "term"}


@dataclass(frozen=True)
class ArticleFeatures:
    """The features of one article, counted, and the Korean words behind each (for explanations)."""

    article_id: str
    counts: Counter[Feature]
    labels: dict[Feature, str]  # feature -> how to show it ("Microsoft (마이크로소프트)")
    forms: dict[Feature, set[str]]  # feature -> the Korean words it was read from


def article_texts(article: Article) -> list[str]:
    """Every Korean text of an article a reader sees: headline, sub-headlines, first paragraph, the
    other paragraphs, then section headings."""
    texts = [article.headline or "", *article.subheadlines, *article.paragraphs]
    return [t for t in (*texts, *(h.text for h in article.headings)) if t.strip()]


def _lead_count(article: Article) -> int:
    """How many of ``article_texts`` make the lead: headline, sub-headlines and the first paragraph."""
    lead = [article.headline or "", *article.subheadlines, *article.paragraphs[:1]]
    return sum(1 for t in lead if t.strip())


def _kiwi_tokens(texts: Sequence[str]) -> list[list[tuple[str, str]]]:
    """(form, tag) of every morpheme of each text, consecutive proper nouns joined ("김"+"영섭")."""
    from brief.analysis.morph import kiwi  # one Kiwi for the whole run

    out: list[list[tuple[str, str]]] = []
    for tokens in kiwi().tokenize(list(texts)):
        words: list[tuple[str, str]] = []
        end = -1
        for token in tokens:
            if token.tag == "NNP" and words and words[-1][1] == "NNP" and token.start == end:
                words[-1] = (words[-1][0] + token.form, "NNP")
            else:
                words.append((token.form, token.tag))
            end = token.start + token.len
        out.append(words)
    return out


def batch_features(
    articles: Sequence[Article],
    quotes: Mapping[str, Sequence[Quote]],
    find_names: NameFinder | None = None,
) -> list[ArticleFeatures]:
    """``article_features`` of every article, the morphological analysis done in one batch."""
    tops = [_top(a) for a in articles]
    words = _kiwi_tokens([t for top in tops for t in top])
    out, start = [], 0
    for article, top in zip(articles, tops, strict=True):
        out.append(
            article_features(article, quotes.get(article.id, ()), find_names, words[start : start + len(top)])
        )
        start += len(top)
    return out


def _top(article: Article) -> list[str]:
    """The texts whose words are read: the top of the article (the morphological analysis is the
    costly part, and the top says what the story is); names, figures and dates come from all of it."""
    return article_texts(article)[: _lead_count(article) + TERM_PARAGRAPHS]


def article_features(
    article: Article,
    quotes: Sequence[Quote] = (),
    find_names: NameFinder | None = None,
    words: Sequence[Sequence[tuple[str, str]]] | None = None,
) -> ArticleFeatures:
    """The features of ``article``: named people (quote speakers, people table), organisations and
    terms of the glossary, figures with units, written-out dates, and nouns. Reporters are left out:
    one reporter writing two stories does not make them one. ``words`` are the analysed ``_top``
    texts when the caller has them already."""
    counts: Counter[Feature] = Counter()
    labels: dict[Feature, str] = {}
    forms: dict[Feature, set[str]] = {}
    reporters = {r.name for r in article.reporters}
    texts = article_texts(article)
    lead = _lead_count(article)  # the first ``lead`` texts: headline, sub-headlines, first paragraph
    named: set[str] = set()  # Korean words already counted as a name

    def add(feature: Feature, label: str, form: str, in_lead: bool) -> None:
        counts[feature] += LEAD_WEIGHT if in_lead else 1
        labels.setdefault(feature, label)
        forms.setdefault(feature, set()).add(form)

    for quote in quotes:
        speaker = quote.speaker
        if speaker.kind == "named" and speaker.ko and speaker.ko not in reporters:
            add(("person", speaker.en or speaker.ko), _both(speaker.en, speaker.ko), speaker.ko, False)
            named.add(speaker.ko)
    for position, text in enumerate(texts):
        in_lead = position < lead
        if find_names is not None:
            for kind, en, ko in find_names(text):
                if ko in reporters:
                    continue
                add((_GLOSSARY_KINDS.get(kind, "term"), en), _both(en, ko), ko, in_lead)
                named.add(ko.replace(" ", ""))
        for figure in find_figures(text):
            if figure.kind == "date":  # "1 October" and "1 October 2024" are one day for grouping
                add(("date", " ".join(figure.value.split()[:2])), figure.value, figure.ko, in_lead)
            else:
                add(("figure", figure.value), figure.value, figure.ko, in_lead)
    if words is None:
        words = _kiwi_tokens(_top(article))
    for position, text_words in enumerate(words):
        for form, tag in text_words:
            if tag not in _NOUN_TAGS or len(form) < _MIN_TERM_CHARS or form in named or form in reporters:
                continue
            key = form.upper() if tag == "SL" else form
            add(("name" if tag in _NAME_TAGS else "term", key), form, form, position < lead)
    return ArticleFeatures(article.id, counts, labels, forms)


def _both(en: str | None, ko: str | None) -> str:
    if en and ko and en != ko:
        return f"{en} ({ko})"
    return en or ko or ""
