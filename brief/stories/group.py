"""Articles grouped into stories by what their Korean texts share, ranked for the digest.

Two articles are linked when the weighted cosine of their features (``features.py``) reaches
``LINK``, and share at least one name, figure or date besides common words; a story is a connected
group of links. Weights: the feature's kind, its rarity in the batch (a word every article uses
says nothing), and how often the article uses it. Deterministic: no model, no randomness, and every
link keeps the overlaps that made it.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from brief.records import BriefPoint, Quote, Story, StoryLink, TranslatedArticle
from brief.stories.facts import fact_weight, story_facts
from brief.stories.features import ArticleFeatures, Feature, NameFinder, batch_features

__all__ = ["LINK", "build_stories", "link_score", "rank_key"]

LINK = 0.12  # weighted cosine at or above which two articles report the same story
_KIND = {"person": 3.0, "org": 2.0, "figure": 2.5, "date": 1.5, "name": 1.0, "term": 0.5}
_WEAK = frozenset({"name", "term"})  # words: a link needs more than these
MAX_GAP_DAYS = 14  # two dated articles further apart than this report different events
_EXPLAIN = 6
_NAMES = 6  # people and organisations named per story  # overlaps named per link
_TITLE_CHARS = 120
# "[뉴스메이커]", "[Newsmaker]", "(종합)", "(Comprehensive)": labels of the page, not of the story
_TAG = re.compile(r"^\s*[\[【<(][^\]】>)]{1,24}[\]】>)]\s*|\s*[\[(][^\])]{1,24}[\])]\s*$")


def _weights(features: Sequence[ArticleFeatures]) -> list[dict[Feature, float]]:
    n = len(features)
    df: Counter[Feature] = Counter()
    for f in features:
        df.update(f.counts.keys())
    return [
        {
            feature: _KIND[feature[0]] * math.log(1 + n / df[feature]) * (1 + math.log(count))
            for feature, count in f.counts.items()
        }
        for f in features
    ]


def link_score(a: Mapping[Feature, float], b: Mapping[Feature, float]) -> tuple[float, list[Feature]]:
    """The weighted cosine of two articles' features, and the shared features, strongest first."""
    shared = [f for f in a if f in b]
    if not shared:
        return 0.0, []
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    shared.sort(key=lambda f: (-a[f] * b[f], f))
    return sum(a[f] * b[f] for f in shared) / norm, shared


def _pair_scores(
    weights: Sequence[Mapping[Feature, float]], dates: Sequence[_dt.date | None]
) -> dict[tuple[int, int], float]:
    """The weighted cosine of every pair of articles that share a name, figure or date (not only
    words) and are close enough in time; through an inverted index, so unrelated pairs cost nothing."""
    norms = [math.sqrt(sum(w * w for w in ws.values())) or 1.0 for ws in weights]
    holders: dict[Feature, list[int]] = {}
    for i, ws in enumerate(weights):
        for feature in ws:
            holders.setdefault(feature, []).append(i)
    dots: dict[tuple[int, int], float] = {}
    anchored: set[tuple[int, int]] = set()
    for feature, members in holders.items():
        if len(members) < 2:
            continue
        strong = feature[0] not in _WEAK
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                dots[(i, j)] = dots.get((i, j), 0.0) + weights[i][feature] * weights[j][feature]
                if strong:
                    anchored.add((i, j))
    return {
        (i, j): dot / (norms[i] * norms[j])
        for (i, j), dot in dots.items()
        if (i, j) in anchored and not _too_far_apart(dates[i], dates[j])
    }


def _clusters(n: int, scores: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-link grouping: merge the two groups whose mean pairwise score (0 for pairs that share
    no name, figure or date) is highest, while it reaches ``threshold``. One strong pair cannot chain
    two stories together through a third article that mentions both in passing. Ties go to the groups
    holding the earliest articles, so the result never depends on anything but the scores."""
    members = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}  # group -> other group -> score sum
    for (i, j), score in scores.items():
        sums[i][j] = sums[j][i] = score
    while True:
        best: tuple[float, int, int] | None = None
        for x, others in sums.items():
            for y, total in others.items():
                if x < y:
                    mean = total / (len(members[x]) * len(members[y]))
                    if mean >= threshold and (best is None or (mean, -x, -y) > (best[0], -best[1], -best[2])):
                        best = (mean, x, y)
        if best is None:
            return sorted(sorted(group) for group in members.values())
        _, x, y = best  # y joins x
        members[x] += members.pop(y)
        for z, total in sums.pop(y).items():
            if z == x:
                continue
            sums[x][z] = sums[x].get(z, 0.0) + total
            sums[z][x] = sums[x][z]
            del sums[z][y]
        del sums[x][y]


def _too_far_apart(a: _dt.date | None, b: _dt.date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) > MAX_GAP_DAYS


def _outlet(t: TranslatedArticle) -> str:
    return t.article.outlet.en or t.article.outlet.ko or f"unknown outlet ({t.article.source})"


def _one_line_title(t: TranslatedArticle) -> str:
    """The English headline without page labels, else the first English sentence, on one line."""
    text = " ".join((t.headline_en or "").split())
    stripped = _TAG.sub("", _TAG.sub("", text)).strip()
    text = stripped or text
    if not text:
        text = first_sentence(t)
    if len(text) > _TITLE_CHARS:
        text = text[: _TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def first_sentence(t: TranslatedArticle) -> str:
    """The first English sentence of the body (or the first paragraph), for an article without a headline."""
    body = sorted(
        (p for p in t.sentences if p.paragraph >= 0 and p.en.strip()), key=lambda p: (p.paragraph, p.index)
    )
    if body:
        return " ".join(body[0].en.split())
    paragraph = next((p for p in t.paragraphs_en if p.strip()), "")
    words = " ".join(paragraph.split())
    match = re.search(r"(?<=[.?!])\s", words)
    return words[: match.start()] if match else words


def _in(date: _dt.date | None, start: _dt.date | None, end: _dt.date | None) -> bool:
    return date is not None and (start is None or date >= start) and (end is None or date <= end)


def rank_key(story: Story, fact_weight: float, first: int) -> tuple[object, ...]:
    """This period first; then more outlets, more articles, more recent, weightier facts, batch order."""
    recent = -(story.last_date.toordinal() if story.last_date else 0)
    return (not story.in_period, -len(story.outlets), -len(story.articles), recent, -fact_weight, first)


def build_stories(
    articles: Sequence[TranslatedArticle],
    quotes: Mapping[str, Sequence[Quote]] | None = None,
    *,
    find_names: NameFinder | None = None,
    period: tuple[_dt.date | None, _dt.date | None] = (None, None),
    points: Sequence[BriefPoint] = (),
    threshold: float = LINK,
) -> tuple[Story, ...]:
    """Group ``articles`` into ranked stories. ``quotes`` (by article id) give named speakers;
    ``find_names`` finds glossary names; ``period`` is what "This week" covers; ``points`` (the merged
    brief) are handed to the story that holds most of each point's sources."""
    quotes = quotes or {}
    given = {t.article.id: quotes.get(t.article.id, t.quotes) for t in articles}
    features = batch_features([t.article for t in articles], given, find_names)
    weights = _weights(features)
    scores = _pair_scores(weights, [t.article.date for t in articles])
    links: dict[tuple[int, int], StoryLink] = {}
    for (i, j), score in sorted(scores.items()):
        if score >= threshold:
            _, shared = link_score(weights[i], weights[j])
            labels = tuple(f"{kind}: {features[i].labels[(kind, key)]}" for kind, key in shared[:_EXPLAIN])
            links[(i, j)] = StoryLink(
                (articles[i].article.id, articles[j].article.id), round(score, 3), labels
            )
    stories: list[tuple[Story, float, int]] = []
    for members in _clusters(len(articles), scores, threshold):
        own = [link for (i, j), link in links.items() if i in members and j in members]
        centrality = {
            i: sum(link.score for link in own if articles[i].article.id in link.articles) for i in members
        }
        dates = [d for i in members if (d := articles[i].article.date) is not None]
        lead = min(
            members,
            key=lambda i: (
                -centrality[i],
                not articles[i].headline_en,
                -(articles[i].article.date or _dt.date.min).toordinal(),
                i,
            ),
        )
        ordered = [lead] + [i for i in members if i != lead]
        shared_forms = _shared_forms(features, members)
        facts, disputes = story_facts([articles[i] for i in ordered], shared_forms)
        ids = tuple(articles[i].article.id for i in ordered)
        story = Story(
            id="story-" + hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:12],
            title=_one_line_title(articles[lead]),
            articles=ids,
            outlets=tuple(dict.fromkeys(_outlet(articles[i]) for i in ordered)),
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            in_period=any(_in(articles[i].article.date, *period) for i in members),
            facts=facts,
            disputes=disputes,
            links=tuple(own),
            names=_names(features, members),
        )
        weight = sum(fact_weight(f) for f in facts)
        stories.append((story, weight, min(members)))
    ranked = [s for s, w, first in sorted(stories, key=lambda x: rank_key(*x))]
    return tuple(_with_points(ranked, points))


def _names(features: Sequence[ArticleFeatures], members: Sequence[int]) -> tuple[str, ...]:
    """People, then organisations, that the story's articles name: by how many articles name them,
    then how often; with several articles, only those two or more name."""
    reach: Counter[Feature] = Counter()
    weight: Counter[Feature] = Counter()
    for i in members:
        for feature, count in features[i].counts.items():
            if feature[0] in ("person", "org"):
                reach[feature] += 1
                weight[feature] += count
    least = 2 if len(members) > 1 else 1
    ranked = sorted(
        (f for f in reach if reach[f] >= least),
        key=lambda f: (f[0] != "person", -reach[f], -weight[f], f[1]),
    )
    return tuple(f[1] for f in ranked[:_NAMES])


def _shared_forms(features: Sequence[ArticleFeatures], members: Sequence[int]) -> frozenset[str]:
    """The Korean words of names and terms that two or more of the members share."""
    seen: Counter[Feature] = Counter()
    for i in members:
        seen.update(f for f in features[i].counts if f[0] != "figure")
    forms: set[str] = set()
    for feature, n in seen.items():
        if n > 1:
            for i in members:
                forms |= features[i].forms.get(feature, set())
    return frozenset(forms)


def _with_points(stories: Sequence[Story], points: Sequence[BriefPoint]) -> list[Story]:
    """Each merged-brief point given to the story that holds all of its sources. A point whose sources
    span two stories (the merge joined sentences of different events) is left to the JSON's merged brief."""
    given: dict[int, list[BriefPoint]] = {}
    for point in points:
        for i, story in enumerate(stories):
            if point.sources and set(point.sources) <= set(story.articles):
                given.setdefault(i, []).append(point)
                break
    return [dataclasses.replace(s, points=tuple(given.get(i, ()))) for i, s in enumerate(stories)]
