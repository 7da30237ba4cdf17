"""Terms of office: who held a title at an organisation on a given day.

A short mention ("박 장관", "이 총재") that the article never resolves itself names a person of the
people table only when the table leaves no doubt: exactly one person of that family name held a
compatible title, at an organisation the mention carries or the article names, on the article's date;
and, when the mention carries no organisation, no other organisation of the same kind that the article
names may have had a holder of that family the table does not know. Anything less is no answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from brief.knowledge.speakers import SpeakerKnowledge
from brief.people import PeopleTable, split_korean_name
from brief.records import Person, Term

__all__ = ["TermMatch", "org_class", "resolve_by_term"]

_FORMER = frozenset({"전", "前", "전임", "초대", "당시"})  # "박 전 장관": not who holds it on the day


@dataclass(frozen=True)
class TermMatch:
    """The one person a short mention names through a term of office, with that term's English."""

    person: Person
    term: Term
    title: str | None
    org: str | None


def org_class(knowledge: SpeakerKnowledge, ko: str) -> str:
    """What kind of organisation ``ko`` is, as far as its name tells: a kind ("sport", "party"), the
    ending that marks it ("부" for a ministry, "은행", "전자"), or "" when the name tells nothing."""
    squashed = "".join(ko.split())
    return knowledge.org_kind(squashed) or knowledge.org_marker(squashed) or ""


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def resolve_by_term(
    table: PeopleTable,
    knowledge: SpeakerKnowledge,
    family: str,
    title_ko: str,
    day: dt.date | None,
    mention_org: str | None = None,
    article_orgs: Mapping[str, str] | None = None,
    near_orgs: Mapping[str, str] | None = None,
    unknown_orgs: tuple[str, ...] = (),
) -> TermMatch | None:
    """The person "``family`` ``title_ko``" names on ``day``, through a term of office, or None.

    The mention's title must be one of the term's titles, or mean the same in English ("당대표" and
    "대표" of a party; never "사장" for "부사장"). ``mention_org`` is the
    organisation written in the mention ("복지부 박 장관"); ``article_orgs`` maps each organisation the
    article names (English, from the organisation table) to its Korean name, ``near_orgs`` those named
    near the mention (only these may be its organisation; default: all); ``unknown_orgs`` are words of
    the article that name an organisation the table does not know.
    """
    if day is None or not title_ko.strip() or title_ko.split()[0] in _FORMER:
        return None
    article_orgs = article_orgs or {}

    def key(ko: str) -> str:
        return table.translate_org(ko) or _squash(ko)

    def keys(term: Term) -> set[str]:
        return {key(o) for o in term.org_ko}

    def same_title(a: str, b: str) -> bool:
        if _squash(a) == _squash(b):
            return True
        english = table.translate_title(a)
        return english is not None and english == table.translate_title(b)

    def holds(term: Term) -> bool:
        return any(same_title(title_ko, t) for t in term.title_ko)

    wanted = {key(mention_org)} if mention_org else set(article_orgs if near_orgs is None else near_orgs)
    matches = [
        (person, term)
        for person in table.people
        if person.terms and (split_korean_name(person.ko) or ("", ""))[0] == family
        for term in person.terms
        if term.covers(day) and holds(term) and keys(term) & wanted
    ]
    if len({person.ko for person, _term in matches}) != 1:
        return None  # nobody, or two people of that family held it then: unsure
    person, term = matches[0]
    if not mention_org:
        own, kind = keys(term), org_class(knowledge, term.org_ko[0])
        held = [(p, t) for p in table.people for t in p.terms if holds(t)]
        ever = {k for _p, t in held for k in keys(t)}
        families: dict[str, set[str]] = {}  # organisation -> family names of its holders on the day
        for p, t in held:
            if t.covers(day):
                for k in keys(t):
                    families.setdefault(k, set()).add((split_korean_name(p.ko) or (p.ko, ""))[0])
        named = dict(article_orgs)
        for english in article_orgs:  # "NC" on a sports page may be the club the table knows as "NC Dinos"
            named.update({k: k for k in ever if k.startswith(f"{english} ") and k not in named})
        for english, ko in named.items():
            if english in own or english.startswith("the "):
                continue  # the organisation itself; "the government", "the police": no such office
            if english in article_orgs and any(o.startswith(f"{english} ") for o in own):
                continue  # its owner, or the short name sports pages give the club: "한화" for 한화 이글스
            rival = english in ever or org_class(knowledge, ko) == kind
            if rival and (english not in families or family in families[english]):
                return None  # another ministry (club, party) the article names: its holder may be them
        if kind and any(org_class(knowledge, word) == kind for word in unknown_orgs):
            return None  # an organisation of that kind the tables do not know
    org = term.org or table.translate_org(term.org_ko[0])
    title_en = term.title or knowledge.title_in_context(term.title_ko[0], term.org_ko[0])
    title_en = title_en or table.translate_title(term.title_ko[0])
    return TermMatch(person, term, title_en, org)
