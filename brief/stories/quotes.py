"""The order of quotes in "Who said what": the same statement reported by several outlets becomes one
entry with all its sources, and a speaker's strongest statements come first.

Strength, in this order of weight: a direct quote over reported speech; a stance verb that takes a
position (강조 "stressed", 반박 "rebutted", 일축 "dismissed", ...) over a neutral "said"; a statement
that carries a figure (money, a share, a count); the number of outlets that report it; a quote the
headline chose; a very short quote counts a little less. Ties keep
the digest's article order, so the result never depends on anything but the quotes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from brief.records import Quote
from brief.stories.figures import find_figures

__all__ = ["STRONG_STANCES", "QuoteEntry", "rank_quotes", "same_statement"]

# English stances (from the quotes stage's verb table) that take a position rather than just report
STRONG_STANCES = frozenset(
    {
        "stressed", "rebutted", "dismissed", "asserted", "claimed", "promised", "pointed out", "urged",
        "warned", "criticized", "criticised", "denied", "vowed", "insisted", "expressed confidence",
        "predicted", "forecast", "argued", "demanded", "called for", "refuted",
    }
)  # fmt: skip
SAME_STATEMENT = 0.6  # character-bigram overlap at which two Korean quotes are one statement
_SHORT = 5  # Korean characters: a shorter quote ("좋다") says little on its own
_WEIGHTY = frozenset({"money", "percent", "count"})  # figures that make a statement a fact
_NOT_TEXT = re.compile(r"[\s\"'“”‘’「」『』.,!?…·]+")


@dataclass(frozen=True)
class QuoteEntry:
    """One statement: the quote shown, and the same statement as other articles (or places) report it."""

    quote: Quote
    also: tuple[Quote, ...]
    strength: float

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return (self.quote, *self.also)


def _bigrams(text: str) -> set[str]:
    flat = _NOT_TEXT.sub("", text)
    return {flat[i : i + 2] for i in range(len(flat) - 1)} or {flat}


def same_statement(a: Quote, b: Quote) -> bool:
    """Whether two quotes of one speaker are the same statement: their Korean words mostly overlap
    (the shorter one contained in the longer, or a high Jaccard)."""
    x, y = _bigrams(a.text_ko), _bigrams(b.text_ko)
    common = len(x & y)
    return common / min(len(x), len(y)) >= 0.8 or common / len(x | y) >= SAME_STATEMENT


def _strength(entry: Sequence[Quote], outlets: int) -> float:
    quote = entry[0]
    score = 0.0
    if any(q.kind == "direct" for q in entry):
        score += 3
    if any((q.stance or "").lower() in STRONG_STANCES for q in entry):
        score += 2
    if any(f.kind in _WEIGHTY and not f.vague for f in find_figures(quote.text_ko)):
        score += 1.5
    score += outlets - 1
    if any(q.location in ("headline", "subheadline") for q in entry):
        score += 0.5
    if len(_NOT_TEXT.sub("", quote.text_ko)) < _SHORT:
        score -= 1
    return score


def rank_quotes(
    quotes: Sequence[Quote], order: Mapping[str, int], outlet_of: Mapping[str, str] | None = None
) -> list[QuoteEntry]:
    """One speaker's quotes as entries, strongest first. ``order`` gives each article's place in the
    digest; ``outlet_of`` its outlet (articles of one outlet count once)."""
    outlet_of = outlet_of or {}

    def place(q: Quote) -> tuple[int, int, int, int]:
        where = {"headline": 0, "subheadline": 1}.get(q.location, 2)
        return (order.get(q.article_id, len(order)), where, q.paragraph, q.span[0])

    groups: list[list[Quote]] = []
    for quote in sorted(quotes, key=place):
        for group in groups:
            if same_statement(group[0], quote):
                group.append(quote)
                break
        else:
            groups.append([quote])
    entries = []
    for group in groups:
        # shown: the direct form when there is one, else the longest wording, else the first
        shown = max(
            group, key=lambda q: (q.kind == "direct", q.location == "body", len(q.text_ko), -group.index(q))
        )
        also = tuple(q for q in group if q is not shown)
        outlets = len({outlet_of.get(q.article_id, q.article_id) for q in group})
        entries.append((QuoteEntry(shown, also, _strength(group, outlets)), place(group[0])))
    entries.sort(key=lambda e: (-e[0].strength, e[1]))
    return [entry for entry, _ in entries]
