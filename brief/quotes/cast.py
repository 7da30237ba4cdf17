"""Who is who in one article: everyone named in full with the titles and organisations it gives them,
and the speaker a mention refers to (a short form "김 대표", a pronoun's antecedent is the extractor's,
a broadcast label, a person the people table or a term of office knows).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from brief.knowledge.terms import resolve_by_term
from brief.people import FAMILY_NAMES, PeopleTable, romanize_name, romanize_stage_name, split_korean_name
from brief.quotes.mentions import (
    _ANONYMOUS,
    _ANONYMOUS_GLUED,
    _COUNSEL,
    Mention,
    _matcher,
    find_mentions,
)
from brief.quotes.tokens import EDGE_PUNCT as _EDGE_PUNCT
from brief.quotes.tokens import PAREN as _PAREN
from brief.quotes.tokens import Token, split_particle, tokenize
from brief.records import Person, Speaker, Term

__all__ = ["Cast", "Named", "family_name"]

_TITLE_WORD = re.compile(r"[\s겸()]+")
_OWNER_PAREN = re.compile(r"\((대표|회장|사장|대표이사)\s*([\uac00-\ud7a3]{2,4})\)")


def family_name(name: str) -> str | None:
    """The family name a short form uses for ``name``: "김영섭" -> "김"; a foreign name's last word ("젠슨
    황" is "황 CEO"); None for a word with no family name."""
    if " " in name:
        return name.split()[-1]
    split = split_korean_name(name)
    return split[0] if split else None


@dataclass(frozen=True)
class Named:
    """Someone an article names in full, with the titles and organisations it gives them (Korean)."""

    name: str
    titles: tuple[str, ...]
    orgs: tuple[str, ...]
    speaker: Speaker


@dataclass
class _Entry:
    key: str
    name: str
    person: Person | None
    titles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    first_para: int = -1  # the paragraph that names them first (-1: headline, captions, labels)


class Cast:
    """Everyone named in full in one article, with the titles the article gives them."""

    def __init__(self, table: PeopleTable, date: dt.date | None = None) -> None:
        self.table = table
        self.date = date  # the article's date: a short mention resolves through a term of office only with it
        # the words of each paragraph (-1: headline, captions, labels), for the organisations it names
        self.words: dict[int, set[str]] = {}
        self._orgs_seen: dict[tuple[int, ...] | None, tuple[int, dict[str, str], tuple[str, ...]]] = {}
        self.evidence = _matcher(table).evidence
        self.family_words: dict[str, set[str]] = {}
        self.titled_names: dict[str, str] = {}  # bare names with a title right before them somewhere
        self.entries: dict[str, _Entry] = {}
        # (name, title) of words that may be a person with a title but were not read as one ("김동섭
        # 에코프로 사장" when "에코프로" is not taken for an organisation): never a speaker, but a short form
        # ("김 사장") that could be them is unsure
        self.shadows: set[tuple[str, str]] = set()
        self.declared: frozenset[str] = frozenset()  # names the article shows to be people's ("가수 하늘")
        self.beat: str | None = None  # "sport", "film": how a title without an organisation reads

    def add_text(
        self,
        text: str,
        mentions: Sequence[Mention] | None = None,
        tokens: Sequence[Token] | None = None,
        para: int = -1,
    ) -> None:
        """Register the named people of ``text`` (whose ``mentions`` and words may be known already)."""
        if tokens is None:
            tokens = tokenize(text)
        if mentions is None:
            mentions = find_mentions(tokens, text, self.table, self.declared)
        named = set()
        for mention in mentions:
            if mention.kind == "person" and not mention.weak:
                self._add(mention.name or "", mention.person, mention.title, mention.org, para)
                named.add(mention.start)
                if mention.title:
                    named.update(self._add_listed(tokens, mention, para))
            elif mention.kind == "person" and mention.first > 0:
                # "배우 손하린은", "주장 김도윤이": a title right before a bare name is a person's evidence
                before = tokens[mention.first - 1]
                if before.raw == before.core and self.table.is_title(before.core):
                    self.titled_names.setdefault(mention.name or "", before.core)
        self._add_shadows(tokens, named)
        words = self.words.setdefault(para, set())
        words.update(t.core for t in tokens)
        words.update(f"{a.core} {b.core}" for a, b in itertools.pairwise(tokens))
        for token in tokens:  # words that may be someone's full name, for _short_label
            if 3 <= len(token.core) <= 6 and token.core[0] in FAMILY_NAMES:
                self.family_words.setdefault(token.core[0], set()).add(token.core)
        for match in _OWNER_PAREN.finditer(text):  # "KT(대표 김영섭)"
            name = match.group(2)
            owner = text[max(0, match.start() - 30) : match.start()].split()
            if owner and split_korean_name(name) is not None:
                self._add(name, self.table.get(name), match.group(1), owner[-1].strip(_EDGE_PUNCT))

    def _add_listed(self, tokens: Sequence[Token], mention: Mention, para: int) -> list[int]:
        """ "박하늘, 이도윤, 손가람 변호사가": names listed before a titled name share its title (and its
        organisation); each needs a Korean name's shape. Returns where the listed names start."""
        starts = []
        k = mention.first - 1
        while k >= 0 and tokens[k].raw.endswith(",") and tokens[k].raw[:-1] == tokens[k].core:
            name = tokens[k].core
            if len(name) != 3 or not self.evidence.korean_name(name):
                break
            self._add(name, self.table.get(name), mention.title, mention.org, para)
            starts.append(tokens[k].start)
            k -= 1
        return starts

    def _add_shadows(self, tokens: Sequence[Token], named: set[int]) -> None:
        matcher = _matcher(self.table)
        for i, token in enumerate(tokens):
            core = token.core
            if token.start in named or not 2 <= len(core) <= 4 or core[0] not in FAMILY_NAMES:
                continue
            if matcher._starter(core) != 2:
                continue  # only a word that may be a name no table knows
            found = matcher.person_name_at(tokens, i)
            if found is None:
                # the shape alone: a word shaped like a name that the evidence turned down ("한화진 환경부
                # 장관": 한화 looks like a club) may still be the one a short form means; a shadow only ever
                # makes a short form unsure, so shape is enough here
                if len(core) != 3 or token.raw != core or split_korean_name(core) is None:
                    continue
                found = (i, core, None, "")
            last, name = found[0], found[1]
            for j in range(last + 1, min(last + 5, len(tokens))):
                title = matcher.title_at(tokens, j)
                if title is not None:
                    self.shadows.add((name, title[1]))
                    break
                if tokens[j].raw != tokens[j].core:
                    break  # punctuation ends the phrase

    def _add(
        self, name: str, person: Person | None, title: str | None, org: str | None, para: int = -1
    ) -> None:
        key = person.ko if person else name
        fresh = _Entry(key, person.ko if person else name, person, first_para=para)
        entry = self.entries.setdefault(key, fresh)
        if title and title not in entry.titles:
            entry.titles.append(title)
        if org and org not in entry.orgs:
            entry.orgs.append(org)

    def _org_en(self, org_ko: str) -> str | None:
        """An organisation in English: the tables' name, else one its marker tells ("한빛전자" ->
        "Hanbit Electronics"); None for anything else."""
        english = self.table.translate_org(org_ko)
        if english is None and " " not in org_ko and org_ko not in self.evidence.knowledge.bodies:
            english = self.evidence.body_or_org(org_ko)
        return english

    def roster(self) -> tuple[Named, ...]:
        """Everyone named in full in the article (not short forms, not withheld names)."""
        named = []
        for entry in self.entries.values():
            if _ANONYMOUS.match(entry.name) or _ANONYMOUS_GLUED.match(entry.name):
                continue
            if entry.person is None and split_korean_name(entry.name) is None and " " not in entry.name:
                continue  # a stage name: no family name to match a short form with
            speaker = self._speaker_of(entry)
            named.append(Named(entry.name, tuple(entry.titles), tuple(entry.orgs), speaker))
        return tuple(named)

    def compatible(self, short: str, full: str) -> bool:
        """Whether a short mention's title fits a full one (see ``_compatible``)."""
        return self._compatible(short, full)

    def label_speaker(self, label: str) -> Speaker | None:
        """The speaker a broadcast label names: "최원호 / 한화이글스 감독", "이점제(울산시 울주군)",
        "이하상/김용현 전 장관 변호인 (유튜브 …)", "과기정통부 관계자". A label is a speaker's position, so
        a name in it needs no title; None when the label names no one."""
        name_part, slash, role = label.partition("/")
        name = _PAREN.sub("", name_part).strip()
        evidence = self.evidence
        words = name.split()
        person = self.table.get(name)
        is_name = person is not None or (len(words) == 1 and evidence.korean_name(name, strong=True))
        is_name = is_name or (1 < len(words) <= 3 and all(evidence.foreign_word(w) for w in words))
        # "[다리오/백악관 어린이 기자단 : …]": one foreign word before the slash is a given name
        is_name = is_name or bool(
            slash and len(words) == 1 and 2 <= len(name) <= 6 and evidence.foreign_word(name)
            and split_korean_name(name) is None and not evidence.is_org_word(name)
        )  # fmt: skip
        if is_name and (slash or not role):
            role_words = [w.strip(_EDGE_PUNCT) for w in _PAREN.sub(" ", role).split()]
            role_words = [w for w in role_words if w]
            title = org = None
            for k in range(len(role_words) - 1, -1, -1):
                if role_words[k] in ("당선인", "당선자") and k > 0:
                    continue  # "대전시장 당선인": the office before it, then "-elect"
                if self.table.is_title(role_words[k]) or evidence.glued_title(role_words[k]):
                    title, org = role_words[k], " ".join(role_words[:k]) or None
                    if k + 1 < len(role_words) and role_words[k + 1] in ("당선인", "당선자"):
                        title = f"{title} {role_words[k + 1]}"
                    break
            self._add(name, person, title, org)
            return self._speaker_of(self.entries[person.ko if person else name])
        role_label = " ".join(label.split())
        bodies = evidence.knowledge.bodies
        if role_label in bodies:  # "[재판장]", "[특검 측]", "[변호인]"
            return Speaker(kind="unnamed", ko=role_label, en=bodies[role_label])
        counsel = _COUNSEL.fullmatch(role_label)
        if counsel is not None and not slash:
            # "[김서준 측 변호사]": the lawyer of someone the label names, not that person
            client = counsel.group(1)
            client_en = self.table.translate_org(client)
            if client_en is None and evidence.korean_name(client, strong=True):
                client_en = romanize_name(client)
            if client_en:
                return Speaker(kind="unnamed", ko=role_label, en=f"a lawyer for {client_en}")
        # the speaker stands before the slash; what follows it only describes them ("[NAME/백악관 …]" is
        # never the White House speaking)
        text = " ".join((name_part if slash else label).split())
        mentions = find_mentions(tokenize(text), text, self.table)
        mention = mentions[0] if len(mentions) == 1 and mentions[0].kind != "pronoun" else None
        if mention is not None and mention.kind == "person":
            self._add(mention.name or "", mention.person, mention.title, mention.org)
        return self.speaker(mention) if mention is not None else None

    # -- resolution
    def speaker(self, mention: Mention, para: int | None = None) -> Speaker | None:
        """The speaker a person, short-form, unnamed or organisation mention refers to; None if unsure."""
        if mention.kind == "person":
            key = mention.person.ko if mention.person else mention.name or ""
            entry = self.entries.get(key)
            if entry is None and mention.weak and mention.person is None:
                # a bare name ("손하린은") is a person with evidence elsewhere (a title before it: "배우
                # 손하린"), or as the subject right before its own quote (the sieves check that), when it
                # reads as a name: a family name and two syllables that neither the analyser nor the
                # tables know as a common word, an organisation, a brand or a place ("신세계는")
                title = self.titled_names.get(key)
                if title is None and not (len(key) == 3 and self.evidence.bare_name(key)):
                    return None
                self._add(key, None, title, None)
                entry = self.entries[key]
            if entry is None:
                self._add(mention.name or "", mention.person, mention.title, mention.org)
                entry = self.entries[key]
            return self._speaker_of(entry)
        if mention.kind == "short" and _ANONYMOUS.match(mention.name or ""):
            # "A씨", "B 총경": a person the text does not name, called as the text calls them
            ko = mention.bare_text
            if mention.title == "씨":
                return Speaker(kind="named", ko=ko, en=f"{mention.name}", verified=False)
            title_en, _org = self._title_en(mention.title or "", None)
            if not title_en:
                return None
            return Speaker(kind="named", ko=ko, en=mention.name, title=title_en, verified=False)
        if mention.kind == "short":
            entry = self._resolve_short(mention.name or "", mention.title or "", para)
            if entry is not None:
                return self._speaker_of(entry)
            return self._short_label(mention, para)
        if mention.kind in ("unnamed", "org") and mention.description:
            org = self.table.translate_org(mention.org) if mention.org else None
            if mention.kind == "org" and org is None:
                org = mention.description  # a body or an organisation the tables do not know
            return Speaker(kind="unnamed", ko=mention.bare_text, en=mention.description, org=org)
        return None

    def _short_label(self, mention: Mention, para: int | None = None) -> Speaker | None:
        """A speaker the article only ever calls by family name and title ("윤 사장"): "President Yoon"
        (of the organisation written before it), unverified. None when anyone of that family is named in
        full anywhere in the article, read or not: then the short form is unsure, never a label."""
        family, title_ko = mention.name or "", mention.title or ""
        if family not in FAMILY_NAMES or any(e.name.startswith(family) for e in self.entries.values()):
            return None
        if any(name.startswith(family) for name, _title in self.shadows):
            return None
        for word in self.family_words.get(family, ()):
            for base, _particle in split_particle(word):
                if len(base) in (3, 4) and self.evidence.korean_name(base):
                    return None  # "윤재석" somewhere: maybe this 윤 사장, maybe not
        by_term = self._by_term(family, title_ko, mention.org, para)
        if mention.org:
            # the people table names that title at that organisation: "KT 김 대표" is KT's CEO 김영섭 (on
            # a dated article, someone with terms of office counts only through them: by_term)
            known = [
                p for p in self.table.people
                if (split_korean_name(p.ko) or ("", ""))[0] == family
                and mention.org in p.org_ko
                and any(self._compatible(title_ko, t) for t in p.title_ko)
                and (self.date is None or not p.terms)
            ]  # fmt: skip
            if known and by_term is not None:
                return None  # the table knows two people it could be: unsure
            if len(known) == 1:
                self._add(known[0].ko, known[0], title_ko, mention.org)
                return self._speaker_of(self.entries[known[0].ko])
        if by_term is not None:
            return by_term
        title_en, _org = self._title_en(title_ko, mention.org)
        if not title_en:
            return None
        org_en = self._org_en(mention.org) if mention.org else None
        en = f"{title_en[:1].upper()}{title_en[1:]} {FAMILY_NAMES[family]}"
        if org_en:
            en = f"{en} of {org_en}"
        return Speaker(kind="named", ko=f"{family} {title_ko}", en=en, org=org_en, verified=False)

    def _by_term(self, family: str, title_ko: str, org_ko: str | None, para: int | None) -> Speaker | None:
        """The table person who held "``family`` ``title_ko``" on the article's date (a term of office),
        when exactly one did at an organisation the mention carries, or, when it carries none, that the
        headline, the first paragraph, the mention's paragraph or the one before it names; else None. The
        name and its English come from the table, so the speaker counts as verified, as other table
        matches do."""
        if self.date is None or (org_ko is None and para is None):
            return None
        known, unknown = self._organisations(None)
        near = None
        if org_ko is None and para is not None:
            paras = (-1, 0, para - 1, para)
            if self._foreign_place(paras):
                return None  # "북한 … 김 위원장은": the holder may be another state's
            near = self._organisations(paras)[0]
        found = resolve_by_term(
            self.table, self.evidence.knowledge, family, title_ko, self.date,
            mention_org=org_ko, article_orgs=known, near_orgs=near, unknown_orgs=unknown,
        )  # fmt: skip
        if found is None:
            return None
        ko, en = found.person.ko, found.person.en
        return Speaker(kind="named", ko=ko, en=en, title=found.title, org=found.org, verified=True)

    def _foreign_place(self, paras: tuple[int, ...]) -> bool:
        """Whether paragraphs ``paras`` name a country or region abroad ("북한은", "미국의")."""
        places = self.evidence.knowledge.places
        words = (w for p in paras for w in self.words.get(p, ()) if " " not in w)
        return any(b != "한국" and b in places for w in words for b, _particle in split_particle(w))

    def _office_on_day(self, person: Person, entry: _Entry) -> tuple[str | None, str | None] | None:
        """(English title, organisation) of the one term of ``person`` that covers the article's date and
        fits what the article says of them (its titles and organisations, when it gives any); else None."""
        if not person.terms:
            return None
        table = self.table
        theirs = {table.translate_org(o) or o for o in entry.orgs}
        fitting = [
            term for term in person.terms
            if (not entry.titles or any(self._compatible(t, k) for t in entry.titles for k in term.title_ko))
            and (not theirs or theirs & {table.translate_org(o) or o for o in term.org_ko})
        ]  # fmt: skip
        on_day = [term for term in fitting if self.date is not None and term.covers(self.date)]
        if len(on_day) == 1:
            return self._term_title(on_day[0]), on_day[0].org or table.translate_org(on_day[0].org_ko[0])
        if entry.titles and fitting and len({self._term_title(t) for t in fitting}) == 1:
            return self._term_title(fitting[0]), None  # "류중일 감독", no date: a manager, club unknown
        return None

    def _term_title(self, term: Term) -> str | None:
        """A term's title in English: its own, or the title table's worded by the organisation's kind."""
        title = term.title or self.evidence.knowledge.title_in_context(term.title_ko[0], term.org_ko[0])
        return title or self.table.translate_title(term.title_ko[0])

    def _namesake_of_officeholder(self, person: Person, entry: _Entry) -> bool:
        """Whether the article's words for someone with a table person's name (known only by terms of
        office) fit none of their terms: another title at an organisation they never served."""
        if not person.terms or person.org_ko or person.title_ko or not (entry.titles or entry.orgs):
            return False
        table = self.table
        theirs = {table.translate_org(o) or o for o in entry.orgs}
        served = {table.translate_org(o) or o for term in person.terms for o in term.org_ko}
        held = [k for term in person.terms for k in term.title_ko]
        titled = any(self._compatible(t, k) for t in entry.titles for k in held)
        return not titled and not (theirs & served) and bool(theirs)

    def _organisations(self, paras: tuple[int, ...] | None) -> tuple[dict[str, str], tuple[str, ...]]:
        """The organisations the article (or its paragraphs ``paras``) names: {English: Korean} for those
        the tables know, and the words that name one they do not know ("부국증권"); remembered until more
        text is added."""
        chosen = [w for p, ws in self.words.items() if paras is None or p in paras for w in ws]
        seen = self._orgs_seen.get(paras)
        if seen is not None and seen[0] == len(chosen):
            return seen[1], seen[2]
        known: dict[str, str] = {}
        unknown: list[str] = []
        for word in sorted(set(chosen)):
            head, _space, last = word.rpartition(" ")  # one word, or two ("LG 트윈스는")
            for base, _particle in split_particle(last):
                base = f"{head} {base}" if head and base else base
                english = self.table.translate_org(base) if base else None
                if head and english == self.table.translate_org(head):
                    continue  # "LG 트윈스는": only "LG", which the first word names on its own
                if english is not None and self.table.get(base) is None:
                    known.setdefault(english, base)
                elif base and " " not in base and self.evidence.is_org_word(base):
                    unknown.append(base)
        parts = {part for ko in known.values() for part in ko.split() if len(part) > 1}
        found = tuple(w for w in unknown if not any(w.startswith(part) for part in parts))  # "트윈스는"
        if len(self._orgs_seen) > 64:
            self._orgs_seen.clear()
        self._orgs_seen[paras] = (len(chosen), known, found)
        return known, found

    def _resolve_short(self, family: str, title: str, para: int | None = None) -> _Entry | None:
        def family_of(entry: _Entry) -> bool:
            if entry.person is not None and family in entry.person.aliases:
                return True
            return family_name(entry.name) == family

        same_family = [e for e in self.entries.values() if family_of(e)]
        by_article = [e for e in same_family if any(self._compatible(title, t) for t in e.titles)]
        if para is not None and len(by_article) > 1:
            # "김 변호사" refers back: to the one named before it, when only one was; a namesake named
            # later in the article does not make it unsure
            before = [e for e in by_article if e.first_para <= para]
            if len(before) == 1:
                by_article = before
        known = {e.name for e in same_family} | {e.person.ko for e in same_family if e.person}
        for name, shadow_title in self.shadows:
            split = split_korean_name(name.replace(" ", ""))
            if (
                name not in known
                and split is not None
                and split[0] == family
                and self._compatible(title, shadow_title)
            ):
                return None  # someone else of that family and title may be meant: unsure
        if len(by_article) == 1:
            return by_article[0]
        if by_article:
            return None  # two people of that family name and title: unsure
        by_table = [
            e for e in same_family if e.person and any(self._compatible(title, t) for t in e.person.title_ko)
        ]
        return by_table[0] if len(by_table) == 1 else None

    def _compatible(self, short: str, full: str) -> bool:
        """Whether a short mention's title fits a full one: "차관" ~ "2차관", "CEO" ~ "최고경영자 겸 의장"."""
        a, b = "".join(short.split()), "".join(full.split())
        if a == b or b.endswith(a) or a in _TITLE_WORD.split(full):
            return True
        short_en = self.table.translate_title(short)
        full_en = self.table.translate_title(full)
        if not short_en or not full_en:
            return False
        return short_en == full_en or short_en in full_en.split(" and ")

    def _title_en(self, title_ko: str, org_ko: str | None) -> tuple[str | None, str | None]:
        """(English title, Korean organisation) of a title as written, by its organisation's kind
        ("대표" of a party is its leader) and split when glued to its organisation ("서울경찰청장")."""
        glued = self.evidence.glued_title(title_ko) if len(title_ko) >= 4 else None
        if glued is not None and self.table.translate_title(title_ko) is None:
            org_ko, title_ko = org_ko or glued[0], glued[1]
        knowledge = self.evidence.knowledge
        english = knowledge.title_in_context(title_ko, org_ko, self.beat) or self.table.translate_title(
            title_ko
        )
        return english, org_ko

    def _speaker_of(self, entry: _Entry) -> Speaker:
        person, table = entry.person, self.table
        if person is not None and entry.orgs and (person.org_ko or person.org):
            own = {"".join(o.split()) for o in person.org_ko} | {"".join((person.org or "").split())}
            theirs = {"".join(o.split()) for o in entry.orgs}
            english = {table.translate_org(o) for o in entry.orgs} - {None}
            if not (own & theirs) and person.org not in english:
                person = None  # a namesake at another organisation: not the table's person
        if person is not None and self._namesake_of_officeholder(person, entry):
            person = None  # "강호인 한빛증권 연구원": not the minister of that name
        if person is not None:
            title, org = person.title, person.org
            known = [
                t for t in entry.titles if any(self._compatible(k, t) or k == t for k in person.title_ko)
            ]
            if entry.titles and (person.title is None or (person.title_ko and not known)):
                # the article gives a title the table does not know (an earlier or later post), or the
                # table gives none (a head of state's office changes with elections): use the article's
                title = table.translate_title(entry.titles[0]) or title
                org = next((o for o in map(table.translate_org, entry.orgs) if o), None) or org
            office = self._office_on_day(person, entry) if person.title is None else None
            if office is not None:  # "박능후 장관은" on 2019-10-01: Minister of Health and Welfare
                title, org = office[0] or title, office[1] or org
            return Speaker(kind="named", ko=person.ko, en=person.en, title=title, org=org, verified=True)
        org_ko = entry.orgs[0] if entry.orgs else None
        title = None
        for title_ko in entry.titles:
            title, glued_org = self._title_en(title_ko, org_ko)
            org_ko = glued_org
            if title:
                break
        orgs = [*entry.orgs, *([org_ko] if org_ko else [])]
        org = next((o for o in map(self._org_en, orgs) if o), None)
        en = romanize_stage_name(entry.name) if entry.name in self.declared else romanize_name(entry.name)
        return Speaker(kind="named", ko=entry.name, en=en, title=title, org=org)
