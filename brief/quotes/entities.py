"""Entity recognition for speakers: whether a word may be a person's name, an organisation, a place.

A name needs evidence. The people table knows it; or a Korean name (family name + one or two
syllables) or a foreign name (several words in Hangul transliteration) stands in a person's
position (the caller checks that: before a title, an organisation and a title, an age "(58)", a
broadcast label). The words themselves must also allow it: a word the analyser knows as a common
noun ("국토부", "재판부", "전문가"), a proper noun that ends like an organisation ("민주당", "청와대"),
an organisation or title of the tables, a place ("미국") or a speaking body ("검찰") is never a name;
nor is a word with a particle or an ending inside ("국민의힘", "이날도").
"""

from __future__ import annotations

import re

from brief.analysis import analyse, analyse_word, word_shape
from brief.knowledge.speakers import SpeakerKnowledge, speaker_knowledge
from brief.people import COMPOUND_FAMILY_NAMES, PeopleTable, romanize_syllables, split_korean_name

__all__ = ["NameEvidence", "looks_transliterated"]

_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]+$")
_EU, _NO_FINAL = 18, 0
# suffixes that derive common words ("전략적", "한국형", "고령화", "전문가들"), not the end of a name
_DERIVING = frozenset({"적", "형", "화", "들", "식", "별", "급", "용"})  # the vowel ㅡ; no final consonant


def looks_transliterated(word: str) -> bool:
    """Whether a Hangul word carries the epenthetic 으 of a transliteration ("도널드", "트럼프"):
    an open syllable with the vowel ㅡ (드, 트, 프, 스, 르 ...), which Korean given names hardly use."""
    for char in word:
        code = ord(char) - 0xAC00
        if 0 <= code <= 11171:
            medial, final = divmod(code % (21 * 28), 28)
            if medial == _EU and final == _NO_FINAL:
                return True
    return False


def _name_in_context(word: str) -> bool:
    """Whether Kiwi reads ``word`` as a person's name where a name stands ("이하람 씨가": 이 + 하람, a
    given name it knows), though alone it splits the word into an odd reading (이하 + 이라고 + 하 + ㅁ)."""
    if len(word) != 3:
        return False
    morphs = analyse(f"{word} 씨가")
    if len(morphs) < 3 or morphs[-2].form != "씨":
        return False
    name = morphs[:-2]
    if len(name) == 1:
        return name[0].tag == "NNP" and name[0].form == word
    return (
        len(name) == 2
        and name[0].form == word[0]
        and name[0].tag in ("NNP", "MM", "NNG")
        and name[1].tag == "NNP"
        and name[1].form == word[1:]
    )


class NameEvidence:
    """Name evidence for one people table and the built-in speaker knowledge."""

    def __init__(self, table: PeopleTable, knowledge: SpeakerKnowledge | None = None) -> None:
        self.table = table
        self.knowledge = knowledge or speaker_knowledge()
        self._memo: dict[tuple[str, str], bool] = {}
        self._glued: dict[str, tuple[str, str] | None] = {}

    def clear(self) -> None:
        """Forget what was remembered about words (the analyser's caches are apart)."""
        self._memo.clear()
        self._glued.clear()

    def _remember(self, kind: str, word: str, value: bool) -> bool:
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[(kind, word)] = value
        return value

    def is_org_word(self, word: str) -> bool:
        """An organisation, a place or a speaking body: never a person's name."""
        known = self._memo.get(("org", word))
        if known is not None:
            return known
        table, knowledge = self.table, self.knowledge
        if table.get(word) is not None:
            return self._remember("org", word, False)
        found = (
            table.translate_org(word) is not None
            or word in knowledge.places
            or word in knowledge.brands
            or word in knowledge.bodies
            or self._marked_org(word)
            or (len(word) > 2 and self._ends_like_club(word))  # "라이온즈", "한빛필름"
        )
        return self._remember("org", word, found)

    def _ends_like_club(self, word: str) -> bool:
        """A sports club or a film company by how the word ends ("한빛라이온즈", "가람필름"); a marker inside
        the word does not count ("한화진" is a name, not the club 한화)."""
        kinds = self.knowledge.org_kinds
        return any(
            len(marker) > 1 and word.endswith(marker)
            for kind in ("sport", "film")
            for marker in kinds.get(kind, ())
        )

    def _marked_org(self, word: str) -> bool:
        marker = self.knowledge.org_marker(word)
        if marker is None:
            return False
        if len(marker) > 1:
            return True  # "부국증권", "한빛전자": a company word
        # one syllable ("당", "부", "청"): only a word the analyser knows as one noun ("민주당", "국토부")
        return _HANGUL_WORD.match(word) is not None and word_shape(word) in ("proper", "common")

    def korean_name(self, word: str, strong: bool = False) -> bool:
        """Whether ``word`` may be a Korean personal name the table does not know.

        ``strong``: the text gives evidence beyond a title (an age "(58)", "씨", a broadcast label), which a
        two-syllable name needs: most two-syllable words before a title are short forms of organisations.
        """
        key = "strong" if strong else "name"
        known = self._memo.get((key, word))
        if known is not None:
            return known
        return self._remember(key, word, self._korean_name(word, strong))

    def _korean_name(self, word: str, strong: bool) -> bool:
        if self.table.get(word) is not None:
            return True
        if not _HANGUL_WORD.match(word) or split_korean_name(word) is None:
            return False
        if len(word) == 4 and word[:2] not in COMPOUND_FAMILY_NAMES:
            return False
        if len(word) > 4 or looks_transliterated(word):
            return False
        if word[1:] == "모" or word.endswith(("모씨", "씨")):
            return False  # "김모(45)씨": a name the article withholds; "김철수씨": the name is before 씨
        if self.is_org_word(word) or self.table.is_title(word):
            return False
        shape = word_shape(word)
        if shape in ("common", "other"):
            return False  # a dictionary word ("국토부", "신임")
        morphs = analyse_word(word)
        read_as_name = morphs[0].tag == "NNP" and morphs[0].form[:1] == word[:1]  # "최"+"형두", "김민"+"섭"
        if shape == "inflected" and not read_as_name and not _name_in_context(word):
            return False  # a word with a particle or an ending ("이날도", "국민의힘", "정하")
        if morphs[-1].tag == "XSN" and morphs[-1].form in _DERIVING and not (strong or read_as_name):
            return False  # a derived word ("전략적", "한국형")
        if len(word) == 2:
            return strong
        return True

    def stage_name(self, word: str, listed: bool = False) -> bool:
        """Whether ``word``, right after a job word ("가수 하늘", "리더 도윤") or ``listed`` among a group's
        members in parentheses, may be an entertainer's stage or given name: a Hangul word of two to five
        syllables (or a Latin one) that no table knows as an organisation, a title or a place, and that the
        analyser does not read as a dictionary word ("가수 출신", "배우 겸") unless it is listed."""
        key = "stage+" if listed else "stage"
        known = self._memo.get((key, word))
        if known is not None:
            return known
        ok = bool(re.fullmatch(r"[\uac00-\ud7a3]{2,5}|[A-Z][A-Za-z0-9.&-]{1,15}", word))
        ok = ok and not self.is_org_word(word) and not self.table.is_title(word)
        ok = ok and word not in self.knowledge.stage_jobs and word not in self.knowledge.stage_groups
        if ok and listed and _HANGUL_WORD.match(word):
            ok = word_shape(word) != "common"  # "(사진, 오른쪽)": a photo note, not a list of members
        if ok and _HANGUL_WORD.match(word) and not listed:
            # a dictionary word ("출신", "겸") or a verb form ("정하") is not a name after a job word; a
            # name the analyser splits oddly ("케이" + "나") still is
            shape = word_shape(word)
            verbal = any(m.tag[:1] in ("V", "E") or m.tag in ("XSV", "XSA") for m in analyse_word(word))
            ok = (shape not in ("common", "other") and not verbal) or self.korean_name(word)
        return self._remember(key, word, ok)

    def foreign_word(self, word: str) -> bool:
        """Whether ``word`` may be one word of a foreign name written in Hangul ("도널드", "파월")."""
        known = self._memo.get(("foreign", word))
        if known is not None:
            return known
        ok = (
            _HANGUL_WORD.match(word) is not None
            and len(word) >= 1
            and not self.is_org_word(word)
            and not self.table.is_title(word)
            and word_shape(word) in ("proper", "oov", "compound")
        )
        return self._remember("foreign", word, ok)

    def glued_title(self, word: str) -> tuple[str, str] | None:
        """(organisation, title) of an organisation and its title written as one word: "서울경찰청장"
        (서울경찰청 + 청장), "보건복지부장관" (보건복지부 + 장관); None otherwise."""
        if word in self._glued:
            return self._glued[word]
        found: tuple[str, str] | None = None
        if _HANGUL_WORD.match(word) and len(word) >= 4 and not self.table.has_title(word):
            # the longest title after an organisation or a place ("강남" + "구청장", "보건복지부" + "장관")
            for cut in range(2, len(word) - 1):
                org, title = word[:cut], word[cut:]
                if self.table.has_title(title) and (self.is_org_word(org) or word_shape(org) == "proper"):
                    found = org, title
                    break
            org = word[:-1]
            if found is None and word[-1] == "장" and self.is_org_word(org):
                # "서울경찰청" + "장": the head of that body, by its kind ("청장", "지검장", "원장")
                kinds = [org[-k:] + "장" for k in (2, 1)]
                head = next((t for t in kinds if self.table.has_title(t)), None)
                if head is not None:
                    found = org, head
        if len(self._glued) > 50_000:
            self._glued.clear()
        self._glued[word] = found
        return found

    def body_or_org(self, word: str) -> str | None:
        """The English of a speaking body ("재판부" -> "the court") or of an organisation that only its
        marker tells ("부국증권" -> "Bugukjeunggwon Securities"); None when ``word`` is neither."""
        knowledge = self.knowledge
        if word in knowledge.bodies:
            return knowledge.bodies[word]
        if not _HANGUL_WORD.match(word) or self.table.get(word) is not None:
            return None
        marker = knowledge.org_marker(word)
        if marker is None or len(marker) < 2 or len(word) - len(marker) < 2:
            return None  # one-syllable markers ("부", "원") end too many other words
        if word_shape(word) in ("inflected", "other"):
            return None
        english = knowledge.org_markers[marker]
        stem = romanize_syllables(word[: -len(marker)] if english else word)
        stem = stem[:1].upper() + stem[1:]
        return f"{stem} {english}" if english else stem

    def bare_name(self, word: str) -> bool:
        """A three-syllable Korean name standing alone as a subject ("손흥민은"): the analyser must not
        know it as a common word or split it into dictionary words."""
        if not self.korean_name(word) or self.is_org_word(word):
            return False
        morphs = analyse_word(word)
        read_as_name = morphs[0].tag == "NNP" and morphs[0].form[:1] == word[:1]  # "손하"+"린"
        return word_shape(word) in ("oov", "proper") or read_as_name

    def org_part(self, word: str) -> bool:
        """Whether ``word`` may be one word of an organisation's name between a person's name and a title
        ("서강대", "경제학과"): a noun or nouns, no particle, no ending, not itself a name."""
        if not word or not re.fullmatch(r"[\uac00-\ud7a3A-Za-z0-9&]+", word):
            return False
        if self.is_org_word(word):
            return True
        if self.table.get(word) is not None or self.table.is_title(word):
            return False
        if len(word) == 3 and self.korean_name(word):
            return False  # "[인터뷰] 정유진 루나AI 대표": a second name, not an organisation
        return not _HANGUL_WORD.match(word) or word_shape(word) in ("proper", "common", "compound", "oov")
