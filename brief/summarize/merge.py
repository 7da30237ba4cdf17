"""The merged brief: one list of facts across articles, each fact once with all the articles that report it.

Two sentences state the same fact when their content words and their numbers overlap enough
(``point_similarity``); deterministic, no model. Points are ordered by date (undated last).
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from brief.records import ArticleBrief, BriefPoint, MergedBrief, ModelInfo, TranslatedArticle
from brief.summarize.guard import SourceFacts, guard_points
from brief.summarize.text import content_tokens, find_numbers

__all__ = ["SAME_FACT", "merge_briefs", "order_points", "point_similarity", "what_is_new"]

log = logging.getLogger(__name__)

SAME_FACT = 0.5  # similarity at or above which two sentences report the same fact
MAX_POINTS = 12


def _numbers(text: str) -> set[tuple[float, str]]:
    out = set()
    for m in find_numbers(text):
        if m.kind == "ordinal" or (m.kind == "plain" and 1900 <= m.value <= 2100):
            continue  # dates say when, not what
        out.add((m.value, "money" if m.kind.startswith("money") else m.kind))
    return out


# words that belong to a figure ("2.4 trillion won"); the figure itself is compared as a number
_UNIT_WORDS = frozenset(
    """won krw usd dollar euro yen percent per cent thousand million billion trillion mn bn tn""".split()  # noqa: SIM905
)


def point_similarity(a: str, b: str) -> float:
    """0..1: how likely two English sentences report the same fact.

    The mean of the Jaccard and the containment of their content words (numbers aside), plus a bonus
    when they share a figure, and a penalty when they give different figures of the same kind (two
    amounts of money, two percentages): "KRW 2.4 trillion" and "KRW 3 trillion" are two facts.
    """
    ta = {t for t in content_tokens(a) if not t[0].isdigit() and t not in _UNIT_WORDS}
    tb = {t for t in content_tokens(b) if not t[0].isdigit() and t not in _UNIT_WORDS}
    if not ta or not tb:
        return 0.0
    common = len(ta & tb)
    score = 0.5 * common / len(ta | tb) + 0.5 * common / min(len(ta), len(tb))
    na, nb = _numbers(a), _numbers(b)
    for kind in {k for _, k in na} & {k for _, k in nb}:
        if kind != "plain" and not {v for v, k in na if k == kind} & {v for v, k in nb if k == kind}:
            return 0.25 * score  # conflicting figures: never the same fact
    shared = na & nb
    if any(kind != "plain" for _, kind in shared):
        score += 0.3  # the same amount or percentage: strong evidence of the same fact
    elif shared:
        score += 0.1
    return max(0.0, min(1.0, score))


@dataclass
class _Cluster:
    texts: list[tuple[str, str, bool, tuple[str, ...]]]  # (text, article id, supported, issues)
    first: int  # position of its first member in reading order
    lede: bool  # some member is an article's lede
    dates: list[_dt.date] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _date_key(date: _dt.date | None) -> tuple[bool, _dt.date]:
    return (date is None, date or _dt.date.max)


def order_points(points: Sequence[BriefPoint]) -> list[BriefPoint]:
    """Points by date, undated last; ties keep their order."""
    return sorted(points, key=lambda p: _date_key(p.date))


def merge_briefs(
    briefs: Sequence[ArticleBrief],
    articles: Sequence[TranslatedArticle],
    *,
    allowed: Sequence[str] = (),
    model: ModelInfo | None = None,
    max_points: int = MAX_POINTS,
    threshold: float = SAME_FACT,
) -> MergedBrief:
    """Merge article briefs: the same fact from several articles becomes one point citing all of them."""
    by_id = {a.article.id: a for a in articles}
    dates = {a.article.id: a.article.date for a in articles}
    order = {b.article_id: i for i, b in enumerate(briefs)}
    ordered = sorted(briefs, key=lambda b: (_date_key(dates.get(b.article_id)), order[b.article_id]))
    clusters: list[_Cluster] = []
    position = 0
    for brief in ordered:
        members = [(brief.lede, True, True, ())] + [
            (p.text, False, p.supported, p.issues) for p in brief.bullets
        ]
        for text, is_lede, supported, issues in members:
            if not text.strip():
                continue
            best, best_score = None, threshold
            for cluster in clusters:
                if brief.article_id in cluster.sources:
                    continue
                score = max(point_similarity(text, t[0]) for t in cluster.texts)
                if score >= best_score:
                    best, best_score = cluster, score
            if best is None:
                best = _Cluster(texts=[], first=position, lede=is_lede)
                clusters.append(best)
            best.texts.append((text, brief.article_id, supported, issues))
            best.lede = best.lede or is_lede
            if brief.article_id not in best.sources:
                best.sources.append(brief.article_id)
            date = dates.get(brief.article_id)
            if date is not None:
                best.dates.append(date)
            position += 1
    notes = []
    if len(clusters) > max_points:
        keep = sorted(clusters, key=lambda c: (-len(c.sources), not c.lede, c.first))[:max_points]
        notes.append(f"{len(clusters) - max_points} single-source points left out (more than {max_points})")
        clusters = [c for c in clusters if c in keep]
    points = []
    for cluster in clusters:
        text, _, supported, issues = next((t for t in cluster.texts if t[2]), cluster.texts[0])
        points.append(
            BriefPoint(
                text=text,
                sources=tuple(cluster.sources),
                supported=supported,
                date=min(cluster.dates) if cluster.dates else None,
                issues=issues,
            )
        )
    facts = {i: SourceFacts.from_article(a, allowed) for i, a in by_id.items()}
    checked = [p if not set(p.sources) <= facts.keys() else guard_points([p], facts)[0] for p in points]
    checked = order_points(checked)
    n_supported = sum(p.supported for p in checked)
    return MergedBrief(
        points=tuple(checked),
        what_is_new=what_is_new(checked, len(briefs)),
        supported=n_supported,
        total=len(checked),
        model=model or ModelInfo(role="summarization", name="extractive", backend="extractive"),
        notes=tuple(notes),
    )


def what_is_new(points: Sequence[BriefPoint], n_articles: int) -> str:
    """A short paragraph: the most widely reported fact, and the latest development if it is another one."""
    usable = [p for p in points if p.supported] or list(points)
    if not usable:
        return ""
    parts = []
    widest = max(usable, key=lambda p: (len(p.sources), -usable.index(p)))
    if len(widest.sources) > 1:
        parts.append(f"Reported by {len(widest.sources)} of {n_articles} articles: {widest.text}")
    dated = [p for p in usable if p.date is not None]
    if dated:
        latest_date = max(p.date for p in dated if p.date is not None)
        latest = next(p for p in dated if p.date == latest_date)
        if latest is not widest or not parts:
            parts.append(f"Latest ({latest_date.isoformat()}): {latest.text}")
    if not parts:
        parts.append(usable[0].text)
    return " ".join(_closed(part) for part in parts)


def _closed(sentence: str) -> str:
    """``sentence`` ending with a full stop (or its own ?, ! or closing quote), so joined sentences
    never run together."""
    sentence = sentence.strip()
    return sentence if sentence[-1:] in ".?!…\"'”’)" else sentence + "."


def cite(point: BriefPoint, labels: dict[str, str]) -> str:
    """``point.text`` with its sources as labels: "... [A1, A3]"."""
    return f"{point.text} [{', '.join(labels.get(s, s) for s in point.sources)}]"
