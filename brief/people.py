"""Who is who: the people table, Korean title and organisation names in English, name romanization.

The built-in tables live in ``brief/data/people.toml`` (with ``officeholders.toml``: people known by
their terms of office), ``titles.toml`` and ``orgs.toml``; users
extend them with TOML files of the same shape (``--people FILE``). People not in any table are
romanized by the Revised Romanization rules and marked unverified by the quotes stage.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from brief.errors import ConfigError
from brief.records import Person, Term

try:  # Python >= 3.11
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "COMPOUND_FAMILY_NAMES",
    "FAMILY_NAMES",
    "PeopleTable",
    "load_people",
    "romanize_name",
    "romanize_syllables",
    "split_korean_name",
]

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- romanization

# Family names as Koreans usually spell them in English (not strict RR: 김 is "Kim", not "Gim").
FAMILY_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "조": "Cho", "강": "Kang",
        "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
        "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu", "유": "Yoo", "홍": "Hong",
        "전": "Jeon", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek",
        "허": "Heo", "남": "Nam", "심": "Shim", "노": "Roh", "하": "Ha", "곽": "Kwak", "성": "Sung",
        "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "진": "Jin", "나": "Na",
        "지": "Ji", "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
        "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo", "도": "Do",
        "소": "So", "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon",
        "위": "Wi", "표": "Pyo", "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Keum",
        "옥": "Ok", "육": "Yook", "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak",
        "국": "Kook", "어": "Eo", "은": "Eun", "편": "Pyeon", "용": "Yong", "예": "Ye", "경": "Kyung",
        "봉": "Bong", "사": "Sa", "부": "Boo", "라": "Ra", "빈": "Bin", "피": "Pi", "동": "Dong",
        "감": "Kam", "범": "Beom", "좌": "Jwa", "팽": "Paeng", "승": "Seung", "갈": "Gal",
    }
)  # fmt: skip

COMPOUND_FAMILY_NAMES: Mapping[str, str] = MappingProxyType(
    {"황보": "Hwangbo", "남궁": "Namgoong", "제갈": "Jegal", "선우": "Sunwoo", "독고": "Dokgo",
     "사공": "Sagong", "서문": "Seomun"}
)  # fmt: skip

_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip
_MEDIALS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
    "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


def _is_hangul_syllable(char: str) -> bool:
    return _HANGUL_FIRST <= ord(char) <= _HANGUL_LAST


def romanize_syllables(text: str) -> str:
    """Revised Romanization of each syllable on its own, as RR prescribes for given names.

    Sound changes between syllables are not transcribed in personal names (RR, section 3.4:
    한복남 Han Bok-nam, 홍빛나 Hong Bit-na), so "석영" is "seokyeong", not "seogyeong".
    Characters that are not Hangul syllables are kept as they are.
    """
    out: list[str] = []
    for char in text:
        if not _is_hangul_syllable(char):
            out.append(char)
            continue
        index = ord(char) - _HANGUL_FIRST
        initial, rest = divmod(index, 21 * 28)
        medial, final = divmod(rest, 28)
        out.append(_INITIALS[initial] + _MEDIALS[medial] + _FINALS[final])
    return "".join(out)


def split_korean_name(ko: str) -> tuple[str, str] | None:
    """Split a Korean personal name into (family name, given name), or None if it does not look like one."""
    name = ko.strip()
    if not 2 <= len(name) <= 5 or not all(_is_hangul_syllable(c) for c in name):
        return None
    compound = name[:2]
    # A compound family name needs a given name after it; with three syllables only the
    # unambiguous ones count (선우 + one syllable is more often 선 + a two-syllable given name).
    if compound in COMPOUND_FAMILY_NAMES and (len(name) >= 4 or (len(name) == 3 and compound != "선우")):
        return compound, name[2:]
    if name[0] in FAMILY_NAMES:
        return name[0], name[1:]
    return None


def _romanize_given(given: str) -> str:
    parts = [romanize_syllables(s) for s in given]
    if not parts:
        return ""
    first, rest = parts[0], "".join(parts[1:])
    text = f"{first}-{rest}" if rest else first
    return text[:1].upper() + text[1:]


def romanize_name(ko: str) -> str:
    """Romanize a Korean name: family name first, given name hyphenated ("김광연" -> "Kim Gwang-yeon").

    Family names take their usual English spelling (김 Kim, 이 Lee, 박 Park ...); the given name follows
    the Revised Romanization rules syllable by syllable. Anything else (a foreign name written in
    Hangul, a name with an unknown family name) is romanized word by word, each word capitalised.
    """
    name = " ".join(ko.split())
    split = split_korean_name(name)
    if split is not None:
        family, given = split
        family_en = COMPOUND_FAMILY_NAMES.get(family) or FAMILY_NAMES[family]
        return f"{family_en} {_romanize_given(given)}".strip()
    words = [romanize_syllables(w) for w in name.split()]
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def romanize_stage_name(ko: str) -> str:
    """Romanize a stage or given name used alone ("하늘" -> "Ha-neul", "도윤" -> "Do-yun"): a three-syllable
    Korean name as a full name, anything else as a given name (syllables apart, hyphenated once)."""
    name = "".join(ko.split())
    if len(name) == 3 and split_korean_name(name) is not None:
        return romanize_name(name)
    if len(name) == 2 and all(_is_hangul_syllable(c) for c in name):
        return _romanize_given(name)
    text = romanize_syllables(name)
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- tables

_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_PERSON_KEYS = {"ko", "en", "title", "org", "title_ko", "org_ko", "aliases", "terms", "context_ko"}
_LIST_KEYS = ("title_ko", "org_ko", "aliases", "context_ko")
_TERM_KEYS = {"title_ko", "org_ko", "from", "to", "title", "org"}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SECTIONS = {"person", "titles", "orgs", "units"}
# Titles built from a unit name: "기술혁신부문장" -> unit "기술혁신부문" -> "head of the <unit>".
_UNIT_TITLE_SUFFIXES = (
    "사업부장", "부문장", "본부장", "센터장", "그룹장", "연구소장", "실장", "팀장", "단장", "랩장",
)  # fmt: skip


def _squash(text: str) -> str:
    """A lookup key: no spaces, lower case (for Latin letters)."""
    return "".join(text.split()).lower()


class PeopleTable:
    """People, titles and organisation names; built by :func:`load_people`, never mutated."""

    __slots__ = (
        "__weakref__", "_by_name", "_cache", "_orgs", "_titles", "_units", "people", "phrases", "sources",
    )  # fmt: skip

    def __init__(
        self,
        people: Iterable[Person],
        titles: Mapping[str, str] | None = None,
        orgs: Mapping[str, str] | None = None,
        units: Mapping[str, str] | None = None,
        sources: Sequence[str] = (),
    ) -> None:
        self.people: tuple[Person, ...] = tuple(people)
        self.sources: tuple[str, ...] = tuple(sources)
        by_name: dict[str, Person] = {}
        for person in self.people:
            for name in self.name_forms(person):
                by_name[_squash(name)] = person
        self._by_name = MappingProxyType(by_name)
        self._titles = MappingProxyType({_squash(k): v for k, v in (titles or {}).items()})
        # titles written as several words ("이사회 의장"), as the table writes them
        spaced = (" ".join(k.split()) for k in (titles or {}))
        self.phrases: frozenset[str] = frozenset(k for k in spaced if " " in k)
        self._cache: dict[tuple[str, str], str | None] = {}  # look-ups are pure: remember them
        self._orgs = MappingProxyType({_squash(k): v for k, v in (orgs or {}).items()})
        self._units = MappingProxyType({_squash(k): v for k, v in (units or {}).items()})

    def __len__(self) -> int:
        return len(self.people)

    def __repr__(self) -> str:
        return f"PeopleTable({len(self.people)} people, {len(self._titles)} titles, {len(self._orgs)} orgs)"

    @staticmethod
    def name_forms(person: Person) -> tuple[str, ...]:
        """The ways ``person`` is named in text: the Korean name and aliases; a name that needs a word
        before it (``context_ko``: "비" only as "가수 비") only with that word, its aliases as they are."""
        if person.context_ko:
            return (*(f"{word} {person.ko}" for word in person.context_ko), *person.aliases)
        return (person.ko, *person.aliases)

    def get(self, ko: str) -> Person | None:
        """The person called ``ko`` (their Korean name or an alias; spaces do not matter), or None."""
        return self._by_name.get(_squash(ko))

    @property
    def names(self) -> tuple[str, ...]:
        """Every Korean name and alias in the table, longest first (for matching in text)."""
        names = {n for p in self.people for n in self.name_forms(p)}
        return tuple(sorted(names, key=lambda n: (-len(n), n)))

    @property
    def title_words(self) -> tuple[str, ...]:
        """Every Korean title the title table knows (spaces removed), longest first."""
        return tuple(sorted(self._titles, key=lambda t: (-len(t), t)))

    @property
    def english_names(self) -> tuple[str, ...]:
        """Every English name, title, organisation and unit the tables hold (what a translation may
        say without the Korean spelling it out)."""
        names = [n for p in self.people for n in (p.en, p.title or "", p.org or "")]
        names += [*self._titles.values(), *self._orgs.values(), *self._units.values()]
        return tuple(dict.fromkeys(n for n in names if n))

    @property
    def org_names(self) -> tuple[str, ...]:
        """Every Korean organisation name the org table knows (spaces removed), longest first."""
        return tuple(sorted(self._orgs, key=lambda t: (-len(t), t)))

    def has_title(self, ko: str) -> bool:
        """Whether ``ko`` is itself an entry of the title table (no composition, no unit rule)."""
        return _squash(ko) in self._titles

    def is_title(self, ko: str) -> bool:
        """Whether ``ko`` is a title the table can translate."""
        return self.translate_title(ko) is not None

    def translate_title(self, ko: str) -> str | None:
        return self._remembered("title", ko, self._translate_title)

    def _remembered(self, kind: str, ko: str, look_up: Callable[[str], str | None]) -> str | None:
        """``look_up(ko)``, remembered (look-ups are pure); bounded so a long run cannot grow it for ever."""
        key = (kind, ko)
        if key not in self._cache:
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = look_up(ko)
        return self._cache[key]

    def _org_and_title(self, part: str) -> str | None:
        """The title of "기획재정부 장관" (an organisation, then its title), or None."""
        words = part.split()
        if len(words) == 2 and self.translate_org(words[0]):
            return self.translate_title(words[1])
        return None

    def _translate_title(self, ko: str) -> str | None:
        """A Korean title in English: "대표" -> "CEO", "사장 겸 이사회 의장" -> "President and Chairman".

        None when the title is not known.
        """
        text = " ".join(ko.split())
        if not text:
            return None
        if "겸" in text.split() or " 겸 " in text:
            parts = [p for p in re.split(r"\s*겸\s*", text) if p]
            # "부총리 겸 기획재정부 장관": a part may name its organisation before the title
            english = [self.translate_title(p) or self._org_and_title(p) for p in parts]
            if parts and all(english):
                unique = list(dict.fromkeys(e for e in english if e))
                return " and ".join(unique)
            return None
        key = _squash(text)
        if key in self._titles:
            return self._titles[key]
        if text.startswith("전 ") or text.startswith("前 "):
            inner = self.translate_title(text[2:])
            return f"former {inner}" if inner else None
        for elect in ("당선인", "당선자"):
            # "시장 당선인", "대통령당선인": someone elected, not yet in office ("mayor-elect")
            if text.endswith(elect) and len(text) > len(elect):
                inner = self.translate_title(text[: -len(elect)].strip())
                if inner:
                    return f"{inner}-elect"
                glued = self._glued_office(text[: -len(elect)].strip())
                return f"{glued}-elect" if glued else None
        words = text.split()
        if 1 < len(words) <= 3:
            # "대표이사 사장", "메모리사업부장 사장": two titles held at once
            english = [self.translate_title(w) for w in words]
            if all(english):
                return " and ".join(dict.fromkeys(e for e in english if e))
        for suffix in _UNIT_TITLE_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                unit = self._units.get(key[:-1])
                if unit:
                    return f"head of the {unit}"
                return self._titles.get(suffix)
        return None

    def _glued_office(self, ko: str) -> str | None:
        """The title of an office glued to its place ("대전시장" -> "Mayor"), for "대전시장 당선인"."""
        for cut in range(1, len(ko) - 1):
            english = self._titles.get(_squash(ko[cut:]))
            if english and len(ko[cut:]) >= 2:
                return english
        return None

    def translate_org(self, ko: str) -> str | None:
        return self._remembered("org", ko, self._translate_org)

    def _translate_org(self, ko: str) -> str | None:
        """A Korean organisation name in English ("한국마이크로소프트" -> "Microsoft Korea"), or None.

        For "삼성전자 네트워크사업부" (an organisation and a unit inside it) the organisation is returned.
        """
        text = " ".join(ko.split())
        if not text:
            return None
        key = _squash(text)
        if key in self._orgs:
            return self._orgs[key]
        words = text.split()
        for end in range(len(words) - 1, 0, -1):
            found = self._orgs.get(_squash(" ".join(words[:end])))
            if found:
                return found
        return None

    @property
    def unit_names(self) -> tuple[str, ...]:
        """Korean names of units inside organisations (spaces removed)."""
        return tuple(self._units)

    def translate_unit(self, ko: str) -> str | None:
        """A unit inside an organisation in English ("네트워크부문" -> "Network Division"), or None."""
        return self._units.get(_squash(ko))


def _fail(source: str, where: str, problem: str) -> ConfigError:
    return ConfigError(
        f"{source}: {where}: {problem}. "
        'Each [[person]] needs ko = "<Korean name>" and en = "<English name>"; optional: title, org '
        "(strings), title_ko, org_ko, aliases, context_ko (lists of strings) and terms (a list of "
        '{ title_ko = [...], org_ko = [...], from = "YYYY-MM[-DD]", to = "YYYY-MM[-DD]" } tables).'
    )


def _term_date(value: Any, end: bool) -> dt.date:
    """A term's date: "YYYY-MM-DD" (or a TOML date) as it is; "YYYY-MM" is the month's first day, or
    its last for the end of a term. Raises ValueError for anything else."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date")
    month = _MONTH.match(value.strip())
    if month is None:
        return dt.date.fromisoformat(value.strip())
    year, number = int(month.group(1)), int(month.group(2))
    first = dt.date(year, number, 1)
    if not end:
        return first
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _parse_terms(value: Any, source: str, where: str) -> tuple[Term, ...]:
    if not isinstance(value, list):
        raise _fail(source, where, "'terms' must be a list of tables")
    terms = []
    for number, term in enumerate(value, 1):
        at = f"terms #{number}"
        if not isinstance(term, dict):
            raise _fail(source, where, f"{at} is not a table")
        unknown = sorted(set(term) - _TERM_KEYS)
        if unknown:
            raise _fail(source, where, f"{at}: unknown key(s) {', '.join(unknown)}")
        lists = {}
        for key in ("title_ko", "org_ko"):
            given = term.get(key)
            items: list[Any] = [given] if isinstance(given, str) else given if isinstance(given, list) else []
            good = bool(items) and all(isinstance(v, str) and v.strip() for v in items)
            if not good:
                raise _fail(source, where, f"{at}: '{key}' must be a non-empty list of non-empty strings")
            lists[key] = tuple(" ".join(v.split()) for v in items)
        if "from" not in term:
            raise _fail(source, where, f"{at}: 'from' is missing")
        try:
            start = _term_date(term["from"], end=False)
            stop = _term_date(term["to"], end=True) if "to" in term else None
        except ValueError as error:
            raise _fail(source, where, f"{at}: a date must be YYYY-MM or YYYY-MM-DD ({error})") from None
        if stop is not None and stop < start:
            raise _fail(source, where, f"{at}: 'to' is before 'from'")
        for key in ("title", "org"):
            if key in term and (not isinstance(term[key], str) or not term[key].strip()):
                raise _fail(source, where, f"{at}: '{key}' must be a non-empty string")
        terms.append(
            Term(
                title_ko=lists["title_ko"],
                org_ko=lists["org_ko"],
                start=start,
                end=stop,
                title=(term.get("title") or "").strip() or None,
                org=(term.get("org") or "").strip() or None,
            )
        )
    return tuple(terms)


def _parse_person(entry: Any, source: str, index: int) -> Person:
    where = f"[[person]] #{index + 1}"
    if not isinstance(entry, dict):
        raise _fail(source, where, "is not a table")
    if isinstance(entry.get("ko"), str):
        where += f" (ko = {entry['ko']!r})"
    unknown = sorted(set(entry) - _PERSON_KEYS)
    if unknown:
        raise _fail(source, where, f"unknown key(s) {', '.join(unknown)}")
    for key in ("ko", "en"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise _fail(source, where, f"'{key}' is missing or not a non-empty string")
    if not _HANGUL_RE.search(entry["ko"]):
        raise _fail(source, where, "'ko' must be the name written in Hangul")
    for key in ("title", "org"):
        if key in entry and not isinstance(entry[key], str):
            raise _fail(source, where, f"'{key}' must be a string")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _fail(source, where, f"'{key}' must be a list of non-empty strings")
        lists[key] = tuple(" ".join(v.split()) for v in value)
    return Person(
        ko=" ".join(entry["ko"].split()),
        en=entry["en"].strip(),
        title=(entry.get("title") or "").strip() or None,
        org=(entry.get("org") or "").strip() or None,
        title_ko=lists["title_ko"],
        org_ko=lists["org_ko"],
        aliases=lists["aliases"],
        terms=_parse_terms(entry.get("terms", []), source, where),
        context_ko=lists["context_ko"],
    )


def _parse_mapping(value: Any, source: str, section: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f'{source}: [{section}] must be a table of "Korean" = "English" pairs')
    for key, english in value.items():
        if not isinstance(english, str) or not english.strip() or not str(key).strip():
            raise ConfigError(f"{source}: [{section}] {key!r}: the English text must be a non-empty string")
    return {str(k): v.strip() for k, v in value.items()}


def _parse_file(text: str, source: str) -> tuple[list[Person], dict[str, dict[str, str]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: not valid TOML ({error}); fix the file or leave it out") from error
    unknown = sorted(set(data) - _SECTIONS)
    if unknown:
        raise ConfigError(
            f"{source}: unknown section(s) {', '.join(unknown)}; a people file holds [[person]] entries "
            "and optionally [titles], [orgs] and [units] tables"
        )
    entries = data.get("person", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{source}: 'person' must be written as [[person]] entries")
    people = [_parse_person(e, source, i) for i, e in enumerate(entries)]
    mappings = {s: _parse_mapping(data[s], source, s) for s in ("titles", "orgs", "units") if s in data}
    return people, mappings


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[Person, ...], dict[str, dict[str, str]]]:
    people: list[Person] = []
    mappings: dict[str, dict[str, str]] = {"titles": {}, "orgs": {}, "units": {}}
    data = resources.files("brief") / "data"
    for name in ("people.toml", "officeholders.toml", "titles.toml", "orgs.toml"):
        found, maps = _parse_file(data.joinpath(name).read_text(encoding="utf-8"), f"brief/data/{name}")
        people += found
        for section, values in maps.items():
            mappings[section].update(values)
    from brief.knowledge.speakers import speaker_knowledge  # here: brief.knowledge imports this module

    for ko, en in speaker_knowledge().titles.items():  # titles the quote stage needs; titles.toml wins
        mappings["titles"].setdefault(ko, en)
    return tuple(people), mappings


def load_people(extra_files: Sequence[Path] = ()) -> PeopleTable:
    """The built-in people, title and organisation tables, extended (and overridden) by ``extra_files``.

    Raises ConfigError naming the file and entry when an extra file is missing or malformed.
    """
    builtin_people, builtin_maps = _builtin()
    people: dict[str, Person] = {_squash(p.ko): p for p in builtin_people}
    maps = {k: dict(v) for k, v in builtin_maps.items()}
    sources = ["brief/data/people.toml", "brief/data/officeholders.toml"]
    for path in extra_files:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise ConfigError(f"--people {path}: no such file") from error
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"--people {path}: cannot be read as UTF-8 text ({error})") from error
        found, file_maps = _parse_file(text, str(path))
        for person in found:
            key = _squash(person.ko)
            if key in people:
                log.info("%s: %s overrides the built-in entry", path, person.ko)
            people[key] = person
        for section, values in file_maps.items():
            maps[section].update(values)
        sources.append(str(path))
    return PeopleTable(
        people.values(), titles=maps["titles"], orgs=maps["orgs"], units=maps["units"], sources=sources
    )
