"""Who said a direct quote: ordered tables of named rules (sieves); the first rule that answers wins.

The subject rules read the quote's own sentence:

1. ``explicit-owner``  the construction names its owner ("…"라는 게 김 대표의 설명이다; a question's asker)
2. ``subject-before``  the subject of the quote's clause, before it ("김 대표는 "…"고 말했다")
3. ``subject-after``   the subject between the quote and its verb (""…"고 김 대표는 말했다")
4. ``sentence-topic``  a topic (은/는) earlier in the sentence carries over its clauses ("A는 …했고, "…"")

A bare name with no title ("손흥민은") is a subject only when no other predicate stands between it and
its quote or verb ("서진우가 넣은 골에 대해 "…"": 서진우 is the subject of 넣은, not of the speech).

When none answers, the extractor's no-subject rules follow, in order: ``told-by-next`` (a quote alone
in its paragraph, told by the next one's "이같이 말했다"), ``unread-subject`` (a noun with 은/는 we could
not read stops the rest), ``previous-speaker`` (the one who spoke in this or the previous paragraph,
unless someone else became the subject since), ``recent-topic`` (the person who is the topic); else
the speaker is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.analysis import analyse_word
from brief.quotes.mentions import TOPIC, Mention, Token, subject_rank

__all__ = ["SUBJECT_RULES", "QuoteSite", "find_subject", "pick_subject"]


@dataclass(frozen=True)
class QuoteSite:
    """Where a group of quotes stands in its sentence."""

    tokens: Sequence[Token]  # the sentence's words outside quotes
    mentions: Sequence[Mention]  # the sentence's mentions, left to right
    first: int  # index of the first token after the quote's opening (the quote starts before it)
    verb: int  # index of the reporting verb (or of the first token after the quote)
    before: Sequence[Mention]  # mentions of the quote's clause, before it
    after: Sequence[Mention]  # mentions between the quote and its verb
    owner: Mention | None  # a mention the construction itself names as the owner


def pick_subject(mentions: Sequence[Mention], adjacent_to: int | None = None) -> Mention | None:
    """The subject among ``mentions``: the strongest particle first, then the one nearest the quote."""
    best: Mention | None = None
    best_rank = -1
    for mention in mentions:
        adjacent = adjacent_to is not None and adjacent_to - mention.end <= 2
        rank = subject_rank(mention, adjacent)
        if rank < 0:
            continue
        if rank > best_rank or (rank == best_rank and best is not None and mention.start > best.start):
            best, best_rank = mention, rank
    return best


def _speaks_directly(site: QuoteSite, subject: Mention) -> bool:
    """Whether no other predicate stands between a subject and its quote (before it) or its verb (after
    it): "손흥민은 "…"" yes; "서진우가 넣은 골에 대해 "…"" no."""
    if subject.last < site.first:
        between = site.tokens[subject.last + 1 : site.first]
    else:
        between = site.tokens[subject.last + 1 : site.verb]
    return not any(is_predicate_word(t.core) for t in between)


def is_predicate_word(word: str) -> bool:
    """A word that holds a verb, an adjective or an ending ("처리한", "관련해", "빠져있는")."""
    if not word:
        return False
    return any(m.tag[0] in "VE" or m.tag in ("XSV", "XSA") for m in analyse_word(word))


def _usable(site: QuoteSite, subject: Mention | None) -> Mention | None:
    if subject is not None and subject.weak and not _speaks_directly(site, subject):
        return None
    return subject


def explicit_owner(site: QuoteSite) -> Mention | None:
    return site.owner


def subject_before(site: QuoteSite) -> Mention | None:
    # "A 의원은 "…"라는 글을, B 의원도 "…"라며": the subject right before a quote is its speaker,
    # whatever stronger subject stands further back
    adjacent = [m for m in site.before if m.last == site.first - 1 and subject_rank(m) >= 1]
    if not adjacent:
        adjacent = _introduced(site)
    return _usable(site, adjacent[-1] if adjacent else pick_subject(site.before))


def _introduced(site: QuoteSite) -> list[Mention]:
    """ "류하준 감독, "…"라며": a person named with their title and a comma right before the quote, the
    one person of the clause (broadcast copy introduces a sound bite so)."""
    people = [m for m in site.before if m.kind in ("person", "short", "pronoun")]
    if len(people) != 1:
        return []
    mention = people[0]
    last = site.tokens[mention.last] if mention.last < len(site.tokens) else None
    introduced = (
        mention.particle == ""
        and mention.title is not None
        and mention.last == site.first - 1
        and last is not None
        and last.raw.endswith(",")
    )
    return [mention] if introduced else []


def subject_after(site: QuoteSite) -> Mention | None:
    return _usable(site, pick_subject(site.after))


def sentence_topic(site: QuoteSite) -> Mention | None:
    topics = [m for m in site.mentions if m.last < site.first and m.particle in TOPIC]
    return topics[-1] if topics else None


SubjectRule = Callable[[QuoteSite], "Mention | None"]
SUBJECT_RULES: tuple[tuple[str, SubjectRule], ...] = (
    ("explicit-owner", explicit_owner),
    ("subject-before", subject_before),
    ("subject-after", subject_after),
    ("sentence-topic", sentence_topic),
)


def find_subject(site: QuoteSite) -> tuple[str, Mention] | None:
    """(the rule's name, the subject) of the first subject rule that answers, or None."""
    for name, rule in SUBJECT_RULES:
        found = rule(site)
        if found is not None:
            return name, found
    return None
