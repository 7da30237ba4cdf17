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

__all__ = ["Glossary", "GlossaryMatch", "load_glossary"]

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


def _pattern(ko: str) -> str:
    """A regex for ``ko`` that ignores spaces and respects word edges."""
    chars = [c for c in ko if not c.isspace()]
    body = r"\s?".join(
        f"[{c.upper()}{c.lower()}]" if c.isascii() and c.isalpha() else re.escape(c) for c in chars
    )
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
    """Entries in order of precedence; the first entry for a Korean key (spaces ignored) wins."""

    def __init__(self, entries: Iterable[GlossaryEntry], sources: Sequence[str] = ()) -> None:
        unique: dict[str, GlossaryEntry] = {}
        for entry in entries:
            key = _squash(entry.ko)
            if key and entry.en.strip() and key not in unique:
                unique[key] = entry
        self.entries: tuple[GlossaryEntry, ...] = tuple(unique.values())
        self.sources: tuple[str, ...] = tuple(sources)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self.entries)} entries, version {self.version})"

    @cached_property
    def version(self) -> str:
        """A short hash of the entries: changes whenever any English form does."""
        text = "\n".join(f"{e.kind}\t{e.ko}\t{e.en}" for e in sorted(self.entries, key=lambda e: e.ko))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        ordered = sorted(self.entries, key=lambda e: (-len(_squash(e.ko)), e.ko))
        if not ordered:
            return None
        self._by_group = ordered
        return re.compile("|".join(f"({_pattern(e.ko)})" for e in ordered))

    def find(self, text: str) -> list[GlossaryMatch]:
        """Non-overlapping occurrences of entries in ``text``, left to right, longest first."""
        regex = self._regex
        if regex is None:
            return []
        found = []
        for match in regex.finditer(text):
            index = match.lastindex
            if index is None or match.start() == match.end():
                continue
            found.append(GlossaryMatch(match.start(), match.end(), self._by_group[index - 1]))
        return found

    def get(self, ko: str) -> GlossaryEntry | None:
        """The entry for ``ko`` (spaces and Latin case ignored), or None."""
        key = _squash(ko)
        return next((e for e in self.entries if _squash(e.ko) == key), None)


def _parse(text: str, source: str) -> list[GlossaryEntry]:
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
        for ko, en in table.items():
            if not isinstance(en, str) or not en.strip() or not ko.strip():
                raise ConfigError(f"{source}: [{section}] {ko!r}: the English form must be non-empty text")
            entries.append(GlossaryEntry(ko=" ".join(ko.split()), en=en.strip(), kind=kind))
    return entries


@lru_cache(maxsize=1)
def _builtin() -> tuple[GlossaryEntry, ...]:
    text = (resources.files("brief") / "data" / "glossary.toml").read_text(encoding="utf-8")
    return tuple(_parse(text, "brief/data/glossary.toml"))


def _people_entries(people: PeopleTable) -> list[GlossaryEntry]:
    entries = []
    for person in people.people:
        for name in (person.ko, *person.aliases):
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
    layers: list[list[GlossaryEntry]] = []
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
    entries = [e for layer in layers for e in layer]
    entries += _builtin()
    if people is not None:
        entries += _people_entries(people)
        sources += list(people.sources)
    return Glossary(entries, sources)
