"""The translation glossary: Korean names and terms and the one English form brief uses for each.

Built from ``brief/data/glossary.toml``, the user's ``--glossary`` files, the people table and the
organisation table of the quotes stage. ``Glossary.find`` locates entries in Korean text (longest
match first, spaces and Latin case ignored) so the protection layer can hide them from the model.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import ConfigError
from brief.records import GlossaryEntry

if TYPE_CHECKING:
    from brief.people import PeopleTable

try:  # Python >= 3.11
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["Glossary", "GlossaryMatch", "load_glossary", "marked_as_name"]

log = logging.getLogger(__name__)

_SECTIONS = {"orgs": "org", "terms": "term", "places": "place", "people": "person"}
_HANGUL = "가-힣"
# particles and suffixes that may follow a Korean name without making it part of another word
_PARTICLES = (
    "으로", "에서", "에게", "까지", "부터", "처럼", "보다", "와의", "과의", "이라는", "라는", "이란",
    "이다", "였다", "라고", "이라고", "다", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과",
    "도", "로", "만", "측", "란",
)  # fmt: skip
# organisation-table entries that are ordinary words rather than names
_GENERIC_ORGS = {"정부", "국회", "청와대", "대통령실", "삼성", "메타", "애플"}


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


@dataclass(frozen=True)
class GlossaryMatch:
    """An occurrence of a glossary entry in a text."""

    start: int
    end: int
    entry: GlossaryEntry


# keys this short match a space inside a word only where they are written with one: "한전" must not
# match "한 전 총리" (former Prime Minister Han), while "한국마이크로소프트" matches "한국 마이크로소프트"
_SHORT_KEY = 3


def _pattern(ko: str) -> str:
    """A regex for ``ko`` that ignores spaces (inside words of short keys: only the key's own) and
    respects word edges."""
    chars = [c for c in ko if not c.isspace()]

    def char(c: str) -> str:
        return f"[{c.upper()}{c.lower()}]" if c.isascii() and c.isalpha() else re.escape(c)

    inside = "" if len(chars) <= _SHORT_KEY else r"\s?"
    body = r"\s?".join(inside.join(char(c) for c in word) for word in ko.split())
    first, last = chars[0], chars[-1]
    left = right = ""
    if first.isascii() and first.isalnum():
        left = r"(?<![A-Za-z0-9])"
    elif re.match(f"[{_HANGUL}]", first):
        left = f"(?<![{_HANGUL}])"
    if last.isascii() and last.isalnum():
        right = r"(?![A-Za-z0-9])"
    elif re.match(f"[{_HANGUL}]", last):
        right = f"(?=[^{_HANGUL}]|$|{'|'.join(_PARTICLES)})"
    return left + body + right


class Glossary:
    """Entries in order of precedence; the first entry for a Korean key (spaces ignored) wins.

    ``ordinary_words`` are keys of entries that are also ordinary Korean words ("믿음" is KT's model
    Mi:dm and also "trust"): they are protected only where the text marks them as a name (see
    :func:`marked_as_name`) or where ``find`` is told the article has done so (``named``).
    """

    def __init__(
        self,
        entries: Iterable[GlossaryEntry],
        sources: Sequence[str] = (),
        ordinary_words: Iterable[str] = (),
    ) -> None:
        unique: dict[str, GlossaryEntry] = {}
        for entry in entries:
            key = _squash(entry.ko)
            if key and entry.en.strip() and key not in unique:
                unique[key] = entry
        self.entries: tuple[GlossaryEntry, ...] = tuple(unique.values())
        self.sources: tuple[str, ...] = tuple(sources)
        self.ordinary_words: frozenset[str] = frozenset(_squash(k) for k in ordinary_words) & set(unique)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self.entries)} entries, version {self.version})"

    @cached_property
    def version(self) -> str:
        """A short hash of the entries: changes whenever any English form (or name-only mark) does."""
        text = "\n".join(
            f"{e.kind}\t{e.ko}\t{e.en}" + ("\tname-only" if _squash(e.ko) in self.ordinary_words else "")
            for e in sorted(self.entries, key=lambda e: e.ko)
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    @cached_property
    def _by_first_char(self) -> dict[str, tuple[GlossaryEntry, ...]]:
        """Entries by the first character of their key (Latin lower-cased), longest key first.

        Looking up candidates by the character under the cursor keeps ``find`` linear in the text
        whatever the size of the tables (one alternation of a thousand entries is not).
        """
        index: dict[str, list[GlossaryEntry]] = {}
        for entry in sorted(self.entries, key=lambda e: (-len(_squash(e.ko)), e.ko)):
            index.setdefault(_squash(entry.ko)[0], []).append(entry)
        return {first: tuple(entries) for first, entries in index.items()}

    def find(self, text: str, named: Iterable[str] = ()) -> list[GlossaryMatch]:
        """Non-overlapping occurrences of entries in ``text``, left to right, longest first.

        An ordinary-word entry counts only where ``text`` marks it as a name, or when its key is in
        ``named`` (keys the same article marks as a name elsewhere, from :meth:`named_in`).
        """
        index = self._by_first_char
        allowed = {_squash(n) for n in named}
        found: list[GlossaryMatch] = []
        position, length = 0, len(text)
        while position < length:
            for entry in index.get(text[position].lower(), ()):
                match = _compiled(entry.ko).match(text, position)
                if match is None or match.end() == position:
                    continue
                key = _squash(entry.ko)
                ordinary = key in self.ordinary_words and key not in allowed
                if ordinary and not marked_as_name(text, position, match.end()):
                    continue
                found.append(GlossaryMatch(position, match.end(), entry))
                position = match.end()
                break
            else:
                position += 1
        return found

    def named_in(self, texts: Iterable[str]) -> frozenset[str]:
        """Keys of ordinary-word entries that one of ``texts`` marks as a name (an article's texts:
        once it has written '믿음' or 믿음(Mi:dm), its other uses of 믿음 are that name too)."""
        if not self.ordinary_words:
            return frozenset()
        return frozenset(
            _squash(match.entry.ko)
            for text in texts
            for match in self.find(text)
            if _squash(match.entry.ko) in self.ordinary_words
        )

    def get(self, ko: str) -> GlossaryEntry | None:
        """The entry for ``ko`` (spaces and Latin case ignored), or None."""
        return self._by_key.get(_squash(ko))

    @cached_property
    def _by_key(self) -> dict[str, GlossaryEntry]:
        return {_squash(e.ko): e for e in self.entries}


_OPENING_MARKS = "'\"‘“`「『《〈<["
_CLOSING_MARKS = "'\"’”`」』》〉>]"
# what may stand between a quoted name and its closing mark: a version or a Latin model suffix
# ("'믿음 2.0'", "‘믿음 mini’"), never another Korean word
_NAME_SUFFIX = re.compile(r"[\sA-Za-z0-9.:+-]{0,12}")
# a parenthesised Latin form right after the term: 믿음(Mi:dm), 믿음 (Midm)
_LATIN_GLOSS = re.compile(r"\s?\((?=[^()]*[A-Za-z])[^()\uac00-\ud7a3]{1,40}\)")


def marked_as_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is marked as a name: in quote marks or brackets of its own
    ("'믿음'을", "“믿음 2.0”", "《믿음》"), or followed by its Latin form in parentheses ("믿음(Mi:dm)")."""
    if _LATIN_GLOSS.match(text, end):
        return True
    if start == 0 or text[start - 1] not in _OPENING_MARKS:
        return False
    suffix = _NAME_SUFFIX.match(text, end)
    close = suffix.end() if suffix else end
    return close < len(text) and text[close] in _CLOSING_MARKS


@lru_cache(maxsize=16384)
def _compiled(ko: str) -> re.Pattern[str]:
    return re.compile(_pattern(ko))


_ENTRY_KEYS = {"en", "ordinary_word"}


def _parse(text: str, source: str) -> list[tuple[GlossaryEntry, bool]]:
    """The entries of a glossary file, each with whether it is marked as an ordinary word."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: not valid TOML ({error}); fix the file or leave it out") from error
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise ConfigError(
            f"{source}: unknown section(s) {', '.join(unknown)}; a glossary file holds "
            '[orgs], [terms], [places] and [people] tables of "Korean" = "English" pairs'
        )
    entries = []
    for section, kind in _SECTIONS.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ConfigError(f'{source}: [{section}] must be a table of "Korean" = "English" pairs')
        for ko, value in table.items():
            en, ordinary = _parse_value(value, source, f"[{section}] {ko!r}")
            if not ko.strip():
                raise ConfigError(f"{source}: [{section}] {ko!r}: the Korean term must be non-empty text")
            entries.append((GlossaryEntry(ko=" ".join(ko.split()), en=en, kind=kind), ordinary))
    return entries


def _parse_value(value: Any, source: str, where: str) -> tuple[str, bool]:
    """ "English" or { en = "English", ordinary_word = true }."""
    ordinary: Any = False
    if isinstance(value, dict):
        unknown = sorted(set(value) - _ENTRY_KEYS)
        if unknown:
            raise ConfigError(
                f"{source}: {where}: unknown key(s) {', '.join(unknown)}; write "
                '"Korean" = "English" or "Korean" = { en = "English", ordinary_word = true }'
            )
        ordinary = value.get("ordinary_word", False)
        if not isinstance(ordinary, bool):
            raise ConfigError(f"{source}: {where}: ordinary_word must be true or false")
        value = value.get("en")
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{source}: {where}: the English form must be non-empty text")
    return value.strip(), ordinary


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[GlossaryEntry, bool], ...]:
    text = (resources.files("brief") / "data" / "glossary.toml").read_text(encoding="utf-8")
    return tuple(_parse(text, "brief/data/glossary.toml"))


def _people_entries(people: PeopleTable) -> list[GlossaryEntry]:
    entries = []
    for person in people.people:
        # a stage name that is also a word ("비"): not protected (it would turn every shower into Rain)
        for name in person.aliases if person.context_ko else (person.ko, *person.aliases):
            if len(_squash(name)) >= 2:
                entries.append(GlossaryEntry(ko=name, en=person.en, kind="person"))
    for name in people.org_names:
        english = people.translate_org(name)
        if not english or name in _GENERIC_ORGS or english.startswith("the "):
            continue
        if _squash(english) == name:  # "KT" = "KT": the model copies it anyway
            continue
        entries.append(GlossaryEntry(ko=name, en=english, kind="org"))
    return entries


def load_glossary(extra_files: Sequence[Path] = (), people: PeopleTable | None = None) -> Glossary:
    """The built-in glossary, overridden by ``extra_files`` (a later file wins), then ``people``.

    Raises ConfigError naming the file when an extra file is missing or malformed.
    """
    layers: list[list[tuple[GlossaryEntry, bool]]] = []
    sources = ["brief/data/glossary.toml"]
    for path in extra_files:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise ConfigError(f"--glossary {path}: no such file") from error
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"--glossary {path}: cannot be read as UTF-8 text ({error})") from error
        layers.insert(0, _parse(text, str(path)))
        sources.append(str(path))
    marked = [pair for layer in layers for pair in layer]
    marked += _builtin()
    entries = [entry for entry, _ in marked]
    # the layer that wins a key decides whether it is an ordinary word
    ordinary: dict[str, bool] = {}
    for entry, is_ordinary in marked:
        ordinary.setdefault(_squash(entry.ko), is_ordinary)
    if people is not None:
        entries += _people_entries(people)
        sources += list(people.sources)
    return Glossary(entries, sources, ordinary_words=[k for k, v in ordinary.items() if v])
