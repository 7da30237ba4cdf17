"""Mentions of people and organisations in Korean text (entity recognition; who they are is
``brief.quotes.cast``).

A mention is one of: a named person ("김영섭 KT 대표", "KT 김영섭 대표", "사티아 나델라 MS 최고경영자(CEO)
겸 이사회 의장", "김영섭(왼쪽) KT 대표"), a short form ("김 대표", "나델라 CEO"), a pronoun ("그는"), an
unnamed source ("KT 관계자", "MS 측") or an organisation ("KT는"). Each carries the particle that
follows it, which tells whether it is the subject of its clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from brief.analysis import analyse_word, word_shape
from brief.people import (
    COMPOUND_FAMILY_NAMES,
    FAMILY_NAMES,
    PeopleTable,
    split_korean_name,
)
from brief.quotes.entities import NameEvidence, looks_transliterated
from brief.quotes.tokens import (
    ALSO,
    NOMINATIVE,
    TOPIC,
    Token,
    split_particle,
    tokenize,
)
from brief.quotes.tokens import EDGE_PUNCT as _EDGE_PUNCT
from brief.records import Person

__all__ = [
    "Mention",
    "Token",
    "declared_names",
    "find_mentions",
    "subject_rank",
    "tokenize",
]

MentionKind = Literal["person", "short", "pronoun", "unnamed", "org"]

# unnamed sources and how they are described in English
_SOURCES = {
    "관계자": "official", "관계자들": "officials", "측": "representative", "대변인": "spokesperson",
    "전문가": "expert", "전문가들": "experts", "임원": "executive", "고위 관계자": "senior official",
    "애널리스트": "analyst", "애널리스트들": "analysts", "연구원": "researcher", "기자": "reporter",
    "기자들": "reporters", "당국자": "official", "당국자들": "officials",
}  # fmt: skip
_SOURCE_WORDS = ("관계자", "당국자", "측", "대변인", "전문가", "애널리스트", "임원", "연구원", "기자")
_GENERIC_SOURCES = {
    "업계": "industry ", "정부": "government ", "회사": "company ", "당국": "government ",
    "학계": "academic ", "금융권": "financial-sector ", "재계": "business ", "통신사": "telecom ",
    "이통사": "telecom ", "통신업계": "telecom industry ", "증권가": "brokerage ", "증권사": "brokerage ",
    "카드사": "card company ", "은행권": "banking-sector ", "정치권": "political ", "여권": "ruling-party ",
    "야권": "opposition ",
}  # fmt: skip
_LATIN = re.compile(r"[A-Za-z]")
_ORG_SUFFIXES = (
    "부", "부문", "사업부", "본부", "그룹", "전자", "은행", "금융", "지주", "대", "대학교", "원",
    "청", "처", "위원회", "공사", "센터", "실", "팀", "랩", "연구소", "재단", "협회", "연합회",
    "클라우드", "텔레콤", "증권", "보험", "카드", "코리아", "홀딩스", "산업", "중공업", "자동차",
    "통신", "병원", "학회", "당", "시", "도", "군", "구", "국",
)  # fmt: skip
# "NAME 측 변호사": a lawyer for NAME
_COUNSEL = re.compile(r"(\S+?)\s*측\s*(?:변호사|변호인|변호인단|대리인)")
# last syllables of derived common words ("전문가", "정치권", "신제품"), not of a name after a title
_DERIVING_ENDS = frozenset("들적형화식별급용가권품층자원")
# titles of a company's head, which follow a company's name as often as a person's
_COMPANY_HEADS = frozenset(
    {"대표", "대표이사", "사장", "회장", "부회장", "부사장", "CEO", "최고경영자", "창업자", "의장"}
)
# one Latin capital for a person the text withholds, with 씨 or before a title: "A씨는", "B 총경"
_ANONYMOUS = re.compile(r"^([A-Z])(씨)?(께서는|께서|은|는|이|가|도|의)?$")
_ANONYMOUS_GLUED = re.compile(r"^([A-Z])([\uac00-\ud7a3]{2,8})$")
PARTICLES_OF_SUBJECT_OR_NONE = frozenset({"", "은", "는", "이", "가", "도", "께서는", "께서"})
_HANGUL_ONLY = re.compile(r"^[\uac00-\ud7a3]+$")
_AGE = re.compile(r"^[\uac00-\ud7a3]{2,4}\(\s*\d{1,3}\s*(?:세)?\s*\)")


_SUBJECT_ENDS = frozenset("은는이가")
_FORMER = frozenset({"전", "현"})  # "전 장관": a former minister, not Minister Jeon
_DETERMINERS = frozenset({"한", "이", "그", "각", "두", "세", "전", "현"})  # also family names


def _noun_with_particle(word: str) -> bool:
    """Whether Kiwi reads ``word`` as nouns and a subject or topic particle ("손흥민은"), not as a verb
    form ("구현하는": 구현 + 하 + 는)."""
    morphs = analyse_word(word)
    return (
        len(morphs) >= 2
        and morphs[-1].tag in ("JX", "JKS")
        and all(m.tag in ("NNP", "NNG", "NNB", "XSN", "MM") or m.oov for m in morphs[:-1])
    )


def _unknown_noun(base: str, core: str) -> bool:
    """Kiwi reads a name it does not know, alone, in odd ways ("채지우는": 채 + 지우 + 는): a word it
    reads as one unknown noun without its particle is a noun with a particle, unless a verb form
    ("구현하는")."""
    return (
        word_shape(base) == "oov"
        and base[-1] not in "하되"
        and not any(m.tag in ("XSV", "XSA") for m in analyse_word(core))
    )


def _aged(raw: str) -> bool:
    """Whether a word is a name with an age after it ("김철수(58)"): strong evidence of a person."""
    return _AGE.match(raw) is not None


@dataclass(frozen=True)
class Mention:
    """A person, pronoun, unnamed source or organisation in the text."""

    kind: MentionKind
    start: int  # character span in the text
    end: int
    first: int  # token indices [first, last]
    last: int
    particle: str  # "는", "가", "역시", "" ...
    text: str  # as written, e.g. "김영섭 KT 대표"
    name: str | None = None  # Korean name (person) or family name (short) or alias
    title: str | None = None  # Korean title as written
    org: str | None = None  # Korean organisation as written
    person: Person | None = None  # the table entry, when the name is in the table
    description: str | None = None  # English description of an unnamed source or organisation
    weak: bool = False  # a bare name with no title ("손흥민은"): a speaker only right before its quote

    @property
    def bare_text(self) -> str:
        """The mention as written, without its particle ("KT 관계자는" -> "KT 관계자")."""
        return _bare(self)


def _bare(mention: Mention) -> str:
    text = mention.text
    if mention.particle and text.endswith(mention.particle):
        return text[: -len(mention.particle)].rstrip()
    return text


def subject_rank(mention: Mention, adjacent: bool = False) -> int:
    """How strongly the mention is the subject of its clause: 3 topic, 2 "also", 1 nominative,
    0 bare (counts only right before a quote in a headline), -1 not a subject."""
    if mention.particle in TOPIC:
        return 3
    if mention.particle in ALSO:
        return 2
    if mention.particle in NOMINATIVE:
        return 1
    if mention.particle == "" and adjacent:
        return 0
    return -1


class _Matcher:
    """Mention matching for one PeopleTable (its names and titles), reused across articles."""

    def __init__(self, table: PeopleTable) -> None:
        self.table = table
        self.evidence = NameEvidence(table)
        self.phrase_starts = frozenset(p.split()[0] for p in table.phrases)
        self.unit_names = table.unit_names
        self.names: dict[str, Person] = {}
        self.name_starts: set[str] = set()  # first words of names written with a space ("사티아")
        surnames: dict[str, list[Person]] = {}
        for person in table.people:
            for name in table.name_forms(person):  # "가수 비", never "비" alone
                self.names["".join(name.split())] = person
                if " " in name.strip():
                    self.name_starts.add(name.split()[0])
                    if name not in person.aliases and person.context_ko:
                        continue  # a job word and a stage name: the name's last word is not a surname
                    surnames.setdefault(name.split()[-1], []).append(person)
        # a foreign name's last word alone ("쿡 CEO" for 팀 쿡), when it names one person of the table and
        # is not a Korean family name (those are short forms: "황 CEO")
        for surname, persons in surnames.items():
            unique = {p.ko for p in persons}
            if len(unique) == 1 and surname not in self.names and surname not in FAMILY_NAMES:
                self.names[surname] = persons[0]
        self._starts: dict[str, int] = {}
        self._phrase_starters: dict[str, bool] = {}
        self._titles: dict[str, bool] = {}

    # -- pieces
    def title_at(self, tokens: Sequence[Token], j: int) -> tuple[int, str, str] | None:
        """The longest title starting at token j: (last token index, title as written, particle); a title
        followed by 당선인/당선자 ("시장 당선인은") takes it in."""
        found = self._title_at(tokens, j)
        if found is None or found[2] or found[0] + 1 >= len(tokens) or tokens[found[0]].raw.endswith(","):
            return found
        for base, particle in split_particle(tokens[found[0] + 1].core):
            if base in ("당선인", "당선자"):
                return found[0] + 1, f"{found[1]} {base}", particle
        return found

    def _title_at(self, tokens: Sequence[Token], j: int) -> tuple[int, str, str] | None:
        first = tokens[j].core
        if not first:
            return None
        if not tokens[j].raw.endswith(",") and self._may_start_phrase(first):
            window = [t.core for t in tokens[j + 1 : j + 6]]
            longest = 6 if "겸" in window else 3
            for length in range(min(longest, len(tokens) - j), 1, -1):
                seq = tokens[j : j + length]
                if any(t.raw.endswith(",") or not t.core for t in seq[:-1]):
                    continue
                words = [t.core for t in seq[:-1]]
                for base, particle in split_particle(seq[-1].core):
                    phrase = " ".join([*words, base])
                    if base and self._multiword_title(phrase) and not self._is_org(words[0]):
                        return j + length - 1, phrase, particle
        for base, particle in split_particle(first):
            if base and self.table.translate_title(base) is not None and not self._is_org(base):
                return j, base, particle
        for base, particle in split_particle(first):
            if base and len(base) >= 4 and self.evidence.glued_title(base) is not None:
                return j, base, particle  # "서울경찰청장": an organisation and its title in one word
        return None

    def _may_start_phrase(self, word: str) -> bool:
        """Whether a title of several words can start with ``word``."""
        known = self._phrase_starters.get(word)
        if known is None:
            known = word in self.phrase_starts or self.table.translate_title(word) is not None
            known = known or (len(word) >= 2 and any(unit.startswith(word) for unit in self.unit_names))
            if len(self._phrase_starters) > 200_000:
                self._phrase_starters.clear()
            self._phrase_starters[word] = known
        return known

    def _multiword_title(self, phrase: str) -> bool:
        """A title of several words: a table entry ("이사회 의장"), titles joined by 겸 ("최고경영자(CEO) 겸
        이사회 의장"), or a known unit and its head ("네트워크 부문장")."""
        table = self.table
        if table.has_title(phrase):
            return True
        parts = [p for p in re.split(r"\s*겸\s*", phrase) if p]
        if len(parts) > 1:
            return all(
                table.has_title(p) or (" " not in p and table.is_title(p)) or self._org_title(p)
                for p in parts
            )
        words = phrase.split()
        if 1 < len(words) <= 3 and all(table.has_title(w) for w in words[1:]) and table.is_title(words[0]):
            return True  # "대표이사 사장", "메모리사업부장 사장"
        english = table.translate_title(phrase) or ""
        return len(words) == 2 and english.startswith("head of the")

    def _org_title(self, part: str) -> bool:
        """An organisation and its title, after 겸: "부총리 겸 기획재정부 장관"."""
        words = part.split()
        return len(words) == 2 and self._is_org(words[0]) and self.table.is_title(words[1])

    def _org_like(self, token: Token, loose: bool) -> bool:
        """Whether a word between a name and a title can be (part of) an organisation's name."""
        if token.raw != token.core:
            return False  # punctuation or a parenthesis: not part of "NAME ORG TITLE"
        word = token.core
        if self.table.translate_org(word) or self.table.translate_unit(word) or _LATIN.search(word):
            return True
        if self.evidence.is_org_word(word):
            return True
        return loose or word.endswith(_ORG_SUFFIXES)

    def _is_org(self, word: str) -> bool:
        return self.table.translate_org(word) is not None and self.table.get(word) is None

    def person_name_at(self, tokens: Sequence[Token], i: int) -> tuple[int, str, Person | None, str] | None:
        """A person's name starting at token i: (last token index, name, table entry, particle)."""
        if i + 1 < len(tokens) and not tokens[i].raw.endswith(","):
            for base, particle in split_particle(tokens[i + 1].core):
                joined = tokens[i].core + base
                if joined in self.names and " " not in tokens[i].core:
                    return i + 1, f"{tokens[i].core} {base}", self.names[joined], particle
        for base, particle in split_particle(tokens[i].core):
            if base in self.names:
                return i, base, self.names[base], particle
        foreign = self._foreign_name_at(tokens, i) or self._foreign_surname_at(tokens, i)
        if foreign is not None:
            return foreign
        core = tokens[i].core
        if not _HANGUL_ONLY.match(core):
            return None
        split = split_korean_name(core)
        if core[-1] in "에의를을와과로":
            return None  # a word with a particle, not a name ("구분에")
        if split is None or (len(core) == 4 and split[0] not in COMPOUND_FAMILY_NAMES):
            return None
        if len(core) == 2:
            # "김현 의원": a two-syllable name only right before its title, and never a common word
            # that looks like one ("신임 사장", "전임 대표")
            if i + 1 >= len(tokens) or tokens[i].raw != core:
                return None
            title = self.title_at(tokens, i + 1)
            if title is None or title[0] != i + 1:
                return None
        elif len(core) != 3 and len(core) != 4:
            return None
        # a two-syllable name needs more than its title: an age, or its organisation before it
        # ("더불어민주당 김현 의원"); most two-syllable words before a title are short forms ("연준 의장")
        strong = _aged(tokens[i].raw) or (
            len(core) == 2 and i > 0 and tokens[i - 1].raw == tokens[i - 1].core
            and (self._is_org(tokens[i - 1].core) or self.evidence.is_org_word(tokens[i - 1].core))
        )  # fmt: skip
        if not self.evidence.korean_name(core, strong=strong):
            return None  # an organisation, a place, a dictionary word: never a name
        return i, core, None, ""

    def _foreign_surname_at(
        self, tokens: Sequence[Token], i: int
    ) -> tuple[int, str, Person | None, str] | None:
        """A foreign surname alone right before a title that is not a company head's ("로이스터 감독은",
        "트럼프 대통령은"): one word of Hangul transliteration (with the epenthetic 으: 스, 트, 프 ...)
        that no table knows as an organisation or a place."""
        token = tokens[i]
        core = token.core
        if token.raw != core or i + 1 >= len(tokens) or len(core) < 3 or not _HANGUL_ONLY.match(core):
            return None
        if not looks_transliterated(core) or core[-1] in "의를을와과로에":
            return None
        title = self.title_at(tokens, i + 1)
        if title is None or title[0] != i + 1 or title[1] in _COMPANY_HEADS:
            return None  # "스타트업 대표": a company's head follows a company's name
        if not self.evidence.foreign_word(core) or self.evidence.is_org_word(core):
            return None
        return i, core, None, ""

    def _foreign_name_at(self, tokens: Sequence[Token], i: int) -> tuple[int, str, Person | None, str] | None:
        """A foreign name the table does not know: two or three words of Hangul transliteration, then a
        place or an organisation, then a title ("도널드 트럼프 미국 대통령은")."""
        if i + 3 >= len(tokens) or not any(self._titleish(t.core) for t in tokens[i + 3 : i + 6]):
            return None  # no title where one must follow (remembered per word: cheap)
        evidence = self.evidence
        for n in (3, 2):  # the shape first (cheap table look-ups), the words' analysis last
            j = i + n
            words = tokens[i:j]
            if j >= len(tokens) or any(t.raw != t.core or not _HANGUL_ONLY.match(t.core) for t in words):
                continue
            k = j
            while k < min(j + 2, len(tokens)) and tokens[k].raw == tokens[k].core:
                if not evidence.is_org_word(tokens[k].core):
                    break
                k += 1
            if k == j or k >= len(tokens) or self.title_at(tokens, k) is None:
                continue
            if all(evidence.foreign_word(t.core) for t in tokens[i:j]):
                return j - 1, " ".join(t.core for t in tokens[i:j]), None, ""
        return None

    # -- mentions
    def find(
        self, tokens: Sequence[Token], text: str, declared: frozenset[str] = frozenset()
    ) -> list[Mention]:
        mentions: list[Mention] = []
        i = 0
        starter = self._starter
        n = len(tokens)
        while i < n:
            found = self._declared_at(tokens, i, text, declared) if declared else None
            kind = starter(tokens[i].core) if found is None else 0
            if kind == 2 and not any(self._titleish(t.core) for t in tokens[i + 1 : i + 5]):
                kind = 0  # a word that looks like a name, but no title follows it
            found = found or (self._mention_at(tokens, i, text) if kind else None)
            if found is None and tokens[i].core[-1:] in _SUBJECT_ENDS and len(tokens[i].core) <= 10:
                found = self._subject_word_at(tokens, i)
            if found is None and i + 1 < n and tokens[i + 1].core in ("역시", "또한"):
                token = tokens[i]  # "장하늘 역시 "…"": a bare name marked "also"
                if token.raw == token.core and len(token.core) == 3 and self.evidence.bare_name(token.core):
                    found = Mention("person", token.start, token.end, i, i, "", token.core, name=token.core,
                                    weak=True)  # fmt: skip
            if found is None:
                i += 1
                continue
            # "KT 김영섭 대표": an organisation right before the name belongs to the mention
            bare_org_before = mentions and mentions[-1].kind == "org" and not mentions[-1].particle
            if bare_org_before and mentions[-1].last == i - 1 and found.kind in ("person", "short"):
                mentions.pop()
            while mentions and mentions[-1].last >= found.first:
                mentions.pop()  # "KT 관계자": the organisation word is part of the unnamed source
            named = found.kind in ("person", "short")
            if named and found.org is None and i > 0 and mentions_end(mentions) < i - 1:
                before = tokens[i - 1]
                is_org = self._is_org(before.core) or self.evidence.is_org_word(before.core)
                if before.core == before.raw and is_org:
                    found = _replace(found, start=before.start, first=i - 1, org=before.core,
                                     text=text[before.start : found.end])  # fmt: skip
            # "김 대표 역시": a following 역시/또한 marks the subject
            if found.particle == "" and found.last + 1 < len(tokens) and tokens[found.last + 1].core in ALSO:
                found = _replace(found, particle=tokens[found.last + 1].core)
            mentions.append(found)
            i = found.last + 1
        return mentions

    def _declared_at(
        self, tokens: Sequence[Token], i: int, text: str, declared: frozenset[str]
    ) -> Mention | None:
        """A name the article declared ("가수 하늘은" earlier): a person, with its title when one follows."""
        token = tokens[i]
        for base, particle in split_particle(token.core):
            if base not in declared or token.raw.lstrip(_EDGE_PUNCT)[: len(base)] != base:
                continue
            if not self.evidence.stage_name(base) and not _clause_start(tokens, i):
                continue  # a listed name that is also a word ("정하는"): only where a clause begins
            if particle == "" and i + 1 < len(tokens) and not token.raw.endswith(","):
                title = self.title_at(tokens, i + 1)
                if title is not None and title[0] == i + 1:
                    end, title_ko, particle = title
                    said = text[token.start : tokens[end].end]
                    return Mention("person", token.start, tokens[end].end, i, end, particle, said,
                                   name=base, title=title_ko)  # fmt: skip
            if particle in _NAME_PARTICLES or (particle == "" and token.raw == token.core):
                return Mention("person", token.start, token.end, i, i, particle, token.core, name=base)
        return None

    def _starter(self, core: str) -> int:
        """Whether a mention can start with this word: 0 no, 1 yes, 2 only if a title follows (a name
        not in the table). A cheap, remembered test that skips most words."""
        known = self._starts.get(core)
        if known is None:
            known = self._can_start(core)
            if len(self._starts) > 200_000:
                self._starts.clear()
            self._starts[core] = known
        return known

    def _can_start(self, core: str) -> int:
        if not core:
            return 0
        if core in FAMILY_NAMES or core in COMPOUND_FAMILY_NAMES or core.startswith("그"):
            return 1
        if _ANONYMOUS.match(core) or _ANONYMOUS_GLUED.match(core):
            return 1  # "A씨는", "B 총경", "C교수는"
        if core == "고위" or any(word in core for word in _SOURCE_WORDS):
            return 1
        for base, _particle in split_particle(core):
            if base in self.names or base in self.name_starts or self._is_org(base):
                return 1
        split = split_korean_name(core)
        if split is None:
            # maybe the first word of a foreign name ("도널드 트럼프 미국 대통령")
            return 2 if _HANGUL_ONLY.match(core) and 2 <= len(core) <= 5 else 0
        return 2 if 2 <= len(core) <= 4 else 0

    def _titleish(self, core: str) -> bool:
        """Whether a word is, or may start, a title (remembered)."""
        known = self._titles.get(core)
        if known is None:
            known = self._may_start_phrase(core) or any(
                base and self.table.translate_title(base) is not None for base, _p in split_particle(core)
            )
            known = known or any(
                len(base) >= 4 and self.evidence.glued_title(base) is not None
                for base, _p in split_particle(core)
            )
            if len(self._titles) > 200_000:
                self._titles.clear()
            self._titles[core] = known
        return known

    def _mention_at(self, tokens: Sequence[Token], i: int, text: str) -> Mention | None:
        token = tokens[i]
        core = token.core
        if not core:
            return None
        # a person's name, maybe followed by organisation words and a title
        name = self.person_name_at(tokens, i)
        if name is not None:
            last, ko, person, particle = name
            if particle == "" and not tokens[last].raw.endswith(","):
                for j in range(last + 1, min(last + 5, len(tokens))):
                    between = tokens[last + 1 : j]
                    # an organisation the tables do not know ("이동훈 한빛바이오 회장"): one word, right
                    # after a name that cannot be a word with a particle, and not itself a verb form
                    loose = person is not None or (
                        len(between) == 1 and token.raw[:1] == core[:1] and _unknown_org_ok(ko, between[0])
                    )
                    # "권도윤 서강대 경제학과 교수": an organisation of several words, nouns only
                    loose = loose or all(self.evidence.org_part(t.raw) for t in between)
                    if between and not self._org_like(between[-1], loose=loose):
                        break
                    title = self.title_at(tokens, j)
                    former = None
                    if title is None and tokens[j].raw == "전" and j + 1 < len(tokens):
                        # "박하늘 전 서울시의원은", "김도윤 전 한빛전자 사장": a former post
                        former = self.title_at(tokens, j + 1)
                        if former is None and j + 2 < len(tokens) and self._org_like(tokens[j + 1], loose):
                            former = self.title_at(tokens, j + 2)
                            if former is not None:
                                between = [*between, tokens[j + 1]]
                        if former is not None:
                            title = (former[0], f"전 {former[1]}", former[2])
                    if title is not None:
                        end, title_ko, particle = title
                        org = " ".join(t.core for t in between) or None
                        start, stop = tokens[i].start, tokens[end].end
                        return Mention(
                            "person", start, stop, i, end, particle, text[start:stop],
                            name=ko, title=title_ko, org=org, person=person,
                        )  # fmt: skip
            if person is not None:
                return Mention("person", tokens[i].start, tokens[last].end, i, last, particle,
                               text[tokens[i].start : tokens[last].end], ko, None, None, person)  # fmt: skip
        # a person the text does not name: "A씨는", "B 총경은", "C 교수가"
        anonymous = _ANONYMOUS.match(core)
        if anonymous is not None:
            letter, particle = anonymous.group(1), anonymous.group(3) or ""
            if anonymous.group(2):
                return Mention("short", token.start, token.end, i, i, particle, core, letter, "씨")
            title = self.title_at(tokens, i + 1) if core == token.raw and i + 1 < len(tokens) else None
            if title is not None:
                end, title_ko, particle = title
                return Mention("short", token.start, tokens[end].end, i, end, particle,
                               text[token.start : tokens[end].end], letter, title_ko)  # fmt: skip
        glued = _ANONYMOUS_GLUED.match(core) if core == token.raw or "(" in token.raw else None
        if glued is not None:
            # "A총경은", "B교수가": the letter and the title written as one word
            for base, particle in split_particle(glued.group(2)):
                if particle in PARTICLES_OF_SUBJECT_OR_NONE and self.table.translate_title(base) is not None:
                    letter = glued.group(1)
                    return Mention("short", token.start, token.end, i, i, particle, core, letter, base)
        # a short form: family name and title ("김 대표는", "구 사장", "장 차관은")
        if (
            (core in FAMILY_NAMES or core in COMPOUND_FAMILY_NAMES)
            and core == token.raw
            and core not in _FORMER
            and i + 1 < len(tokens)
        ):
            title = self.title_at(tokens, i + 1)
            # "한 애널리스트는", "이 관계자는": an analyst, this official; "김 연구원은": Kim, a researcher
            if title is not None and (title[1] not in _SOURCES or core not in _DETERMINERS):
                end, title_ko, particle = title
                return Mention("short", token.start, tokens[end].end, i, end, particle,
                               text[token.start : tokens[end].end], core, title_ko)  # fmt: skip
        for base, particle in split_particle(core):
            # pronouns
            if base in ("그", "그녀") and particle in TOPIC | NOMINATIVE | {"도"}:
                return Mention("pronoun", token.start, token.end, i, i, particle, core, base)
            # unnamed sources: "KT 관계자", "업계 관계자", "MS 측", "MS측"
            if base in _SOURCES or (base.endswith("측") and len(base) > 1):
                described = self._unnamed(tokens, i, base)
                if described is not None:
                    first, org, description = described
                    start = tokens[first].start
                    return Mention(
                        "unnamed", start, token.end, first, i, particle, text[start : token.end],
                        title=base, org=org, description=description,
                    )  # fmt: skip
            # organisations as subjects: "KT는", "MS가"
            if self._is_org(base) and (particle or token.raw == core):
                english = self.table.translate_org(base)
                start, stop = token.start, token.end
                return Mention("org", start, stop, i, i, particle, base, org=base, description=english)
        return None

    def _subject_word_at(self, tokens: Sequence[Token], i: int) -> Mention | None:
        """A one-word subject with 은/는/이/가 and no title: a speaking body ("재판부는", "검찰은"), an
        organisation only its ending tells ("부국증권은"), a bare name ("손흥민은") or "김철수(58)씨는"."""
        token = tokens[i]
        core = token.core
        evidence = self.evidence
        for base, particle in split_particle(core):
            if particle not in TOPIC and particle not in NOMINATIVE:
                continue
            english = evidence.body_or_org(base)
            if english is not None:
                start, end = token.start, token.end
                return Mention("org", start, end, i, i, particle, base, org=base, description=english)
            # a bare name ("손흥민은"), or a name Kiwi splits into words ("배우 한가람은": 한 + 가람; only a
            # title right before it somewhere in the article makes it one, which Cast.speaker asks for)
            named = len(base) == 3 and (evidence.bare_name(base) or self._loose_name(tokens, i, base))
            if named and (_noun_with_particle(core) or _unknown_noun(base, core)):
                return Mention("person", token.start, token.end, i, i, particle, core, name=base, weak=True)
            if base.endswith("씨") and (token.raw.startswith(base[:-1]) or "(" in token.raw):
                name = base[:-1]
                if 3 <= len(name) <= 4 and evidence.korean_name(name, strong=True):
                    return Mention("person", token.start, token.end, i, i, particle, core, name=name)
        return None

    def _loose_name(self, tokens: Sequence[Token], i: int, base: str) -> bool:
        """A word that may be a name only with a title right before it somewhere in the article ("배우
        한가람은"): the cast asks for that evidence before it names anyone."""
        evidence = self.evidence
        if not _HANGUL_ONLY.match(base) or split_korean_name(base) is None or looks_transliterated(base):
            return False
        if evidence.is_org_word(base) or self.table.is_title(base) or base[-1] in _DERIVING_ENDS:
            return False
        return word_shape(base) in ("compound", "inflected") and not any(
            m.tag in ("XSV", "XSA", "XSN", "EP") for m in analyse_word(base)
        )

    def _unnamed(self, tokens: Sequence[Token], i: int, base: str) -> tuple[int, str | None, str] | None:
        """An unnamed source ending at token i: (first token, Korean org, English description)."""
        if base.endswith("측") and base != "측":  # "MS측은"
            org_ko = base[:-1]
            org = self.table.translate_org(org_ko)
            return (i, org_ko, _described(org, "representative")) if org else None
        prev = tokens[i - 1].core if i > 0 and not tokens[i - 1].raw.endswith(",") else ""
        senior = prev == "고위"
        first = i - 1 if senior else i
        if senior:
            prev = tokens[i - 2].core if i > 1 and not tokens[i - 2].raw.endswith(",") else ""
        role = _SOURCES[base]
        if senior:
            role = f"senior {role}"
        plural = base.endswith("들")
        generic = _GENERIC_SOURCES.get(prev)
        if generic is None and prev.endswith("업계") and len(prev) > 2:
            generic = "industry"  # "뷰티업계", "반도체업계"
        if generic:  # "업계 관계자", "뷰티업계 관계자": an industry official
            owner = generic.strip()
            if senior:  # "정부 고위 관계자": a senior government official
                owner, role = f"senior {owner}", role[len("senior ") :]
            return first - 1, None, _described(owner, role, plural)
        org = self.table.translate_org(prev) if prev else None
        if org:  # "KT 관계자": a KT official
            if role.startswith("senior "):
                owner = org[4:] if org.startswith("the ") else org  # "a senior presidential office official"
                return first - 1, prev, _described(f"senior {owner}", role[len("senior ") :], plural)
            return first - 1, prev, _described(org, role, plural)
        if base == "측":
            return None  # "이 측", "양측": no source to name
        if prev == "한":  # "한 관계자": an official
            return first - 1, None, _described("", role, plural)
        return first, None, _described("", role, plural)


# last syllables of a word that is an inflected form or carries a particle, not an organisation's name
_NOT_ORG_ENDINGS = (
    "한", "된", "는", "은", "을", "를", "던", "고", "며", "서", "의", "에", "와", "과", "가", "도",
    "만",
    "다", "인", "할", "될", "적",
)  # fmt: skip
# last syllables that make an unknown name more likely a word with a particle ("오늘은", "이들이")
_PARTICLE_SYLLABLES = ("은", "는", "이", "가", "도", "을", "를", "의", "에", "로")


def _unknown_org_ok(name: str, word: Token) -> bool:
    """Whether ``word`` may be the organisation of an unknown person ``name`` ("한빛바이오")."""
    core = word.core
    if word.raw != core or len(core) < 2:
        return False
    if not re.fullmatch(r"[\uac00-\ud7a3A-Za-z0-9&]+", core) or core.endswith(_NOT_ORG_ENDINGS):
        return False
    if len(core) == 3 and split_korean_name(core) is not None:
        return False  # "[인터뷰] 정유진 루나AI 대표": that word is the name, not an organisation
    return " " in name or not name.endswith(_PARTICLE_SYLLABLES)


def _described(owner: str, role: str, plural: bool = False) -> str:
    """A description such as "a KT official", "an industry expert" or "KT officials"."""
    if owner.startswith("the "):
        owner = owner[4:]
    text = f"{owner} {role}".strip()
    return text if plural else f"{_article(text)} {text}"


def _article(word: str) -> str:
    you = word.startswith(("Uni", "Eu", "US", "UN", "UK", "U.S.", "Ukr"))  # read with a "you" sound
    return "an" if word[:1].lower() in "aeiou" and not you else "a"


def _replace(mention: Mention, **changes: object) -> Mention:
    from dataclasses import replace

    return replace(mention, **changes)  # type: ignore[arg-type]


def mentions_end(mentions: Sequence[Mention]) -> int:
    return mentions[-1].last if mentions else -1


_MATCHERS: dict[int, tuple[PeopleTable, _Matcher]] = {}


def _matcher(table: PeopleTable) -> _Matcher:
    cached = _MATCHERS.get(id(table))
    if cached is None or cached[0] is not table:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        cached = (table, _Matcher(table))
        _MATCHERS[id(table)] = cached
    return cached[1]


def name_evidence(table: PeopleTable) -> NameEvidence:
    """The name evidence the mentions of ``table`` use (shared, remembered)."""
    return _matcher(table).evidence


def find_mentions(
    tokens: Sequence[Token], text: str, table: PeopleTable, declared: frozenset[str] = frozenset()
) -> list[Mention]:
    """Mentions among ``tokens`` (words of ``text``), left to right, not overlapping. ``declared``: names
    the article itself shows to be people's (see ``declared_names``)."""
    return _matcher(table).find(tokens, text, declared)


_MEMBER_LIST = re.compile(r"(\S+)\s+\S{1,20}?\(([^()]{4,80})\)")


def declared_names(texts: Sequence[str], table: PeopleTable) -> frozenset[str]:
    """Names an article shows to be people's without any family-name shape: the word after a job word
    ("가수 하늘은", "리더 도윤은") and the members listed after a group ("그룹 별빛(도윤, 하람, 시우)")."""
    evidence = _matcher(table).evidence
    jobs, groups = evidence.knowledge.stage_jobs, evidence.knowledge.stage_groups
    found: set[str] = set()
    for text in texts:
        if not any(job in text for job in jobs) and not any(group in text for group in groups):
            continue
        tokens = tokenize(text)
        for k, token in enumerate(tokens[:-1]):
            if token.core in jobs and token.raw == token.core:
                readings = split_particle(tokens[k + 1].core)
                # "하람은" is 하람 + 은; the word as it stands only when no particle can end it
                named = [b for b, p in readings[1:] if p in _NAME_PARTICLES and evidence.stage_name(b)]
                if not named and len(readings) == 1 and evidence.stage_name(readings[0][0]):
                    named = [readings[0][0]]
                found.update(named[:1])
        for match in _MEMBER_LIST.finditer(text):
            if match.group(1) not in groups:
                continue
            items = [item.strip(_EDGE_PUNCT + " ") for item in re.split(r"[,·、]", match.group(2))]
            if len(items) >= 2 and all(evidence.stage_name(item, listed=True) for item in items):
                found.update(items)
    return frozenset(found)


_OPENERS = frozenset(
    {"이어", "이어서", "또", "또한", "끝으로", "마지막으로", "이날", "한편", "그리고", "특히", "반면"}
)


def _clause_start(tokens: Sequence[Token], i: int) -> bool:
    """Whether token i begins a clause: the sentence's first word, after a comma or an opener ("이어")."""
    if i == 0:
        return True
    before = tokens[i - 1]
    return before.raw.endswith((",", ".")) or before.core in _OPENERS or before.ends_sentence


_NAME_PARTICLES = frozenset({"", "은", "는", "이", "가", "도", "의", "과", "와", "께서는", "께서", "이가"})
