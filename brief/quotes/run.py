"""Quotes of a whole run of articles: each article's own, then short forms resolved across articles.

An article that only ever writes "윤 사장" gets the label "President Yoon of Hanbit Electronics",
unverified. When another article of the same run names exactly one person of that family with that
title at that organisation ("윤재석 한빛전자 사장"), the short form is that person. Nothing is resolved
without the organisation, and two candidates leave the label as it was.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence

from brief.people import PeopleTable
from brief.quotes.cast import Cast, Named, family_name
from brief.quotes.extract import extract_with_roster
from brief.records import Article, Quote, Speaker

__all__ = ["extract_run", "resolve_across"]

_SHORT_LABEL = re.compile(r"^(\S{1,2}) (\S+)$")  # "윤 사장": a family name and a title


def extract_run(articles: Iterable[Article], people: PeopleTable) -> dict[str, tuple[Quote, ...]]:
    """The quotes of every article (by article id), short forms resolved across the run."""
    quotes: dict[str, tuple[Quote, ...]] = {}
    rosters: dict[str, tuple[Named, ...]] = {}
    for article in articles:
        quotes[article.id], rosters[article.id] = extract_with_roster(article, people)
    return resolve_across(quotes, rosters, people)


def resolve_across(
    quotes: Mapping[str, Sequence[Quote]], rosters: Mapping[str, Sequence[Named]], people: PeopleTable
) -> dict[str, tuple[Quote, ...]]:
    """``quotes`` with each unverified short-form speaker replaced by the one person another article
    names with that family name, a compatible title and the same organisation."""
    cast = Cast(people)  # only for comparing titles
    resolved: dict[str, tuple[Quote, ...]] = {}
    for article_id, article_quotes in quotes.items():
        others = [n for other, roster in rosters.items() if other != article_id for n in roster]
        memo: dict[tuple[str | None, str | None], Speaker | None] = {}
        out = []
        for quote in article_quotes:
            speaker = quote.speaker
            key = (speaker.ko, speaker.org)
            if key not in memo:
                memo[key] = _full_form(speaker, others, cast)
            found = memo[key]
            out.append(dataclasses.replace(quote, speaker=found) if found is not None else quote)
        resolved[article_id] = tuple(out)
    return resolved


def _full_form(speaker: Speaker, others: Sequence[Named], cast: Cast) -> Speaker | None:
    if speaker.kind != "named" or speaker.verified or not speaker.ko or not speaker.org:
        return None
    short = _SHORT_LABEL.match(speaker.ko)
    if short is None:
        return None
    family, title = short.groups()
    candidates = {
        named.name: named
        for named in others
        if family_name(named.name) == family
        and any(cast.compatible(title, t) for t in named.titles)
        and named.speaker.org == speaker.org
    }
    if len(candidates) != 1:
        return None  # nobody, or two people it could be: the label stays
    (named,) = candidates.values()
    return named.speaker
