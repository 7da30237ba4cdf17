"""Knowledge about speakers: organisation markers, places, speaking bodies, titles worded by context.

Read from ``brief/data/speakers.toml`` once; see that file for what each table means.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from brief.errors import ConfigError

try:  # Python >= 3.11
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["SpeakerKnowledge", "speaker_knowledge"]

_SOURCE = "brief/data/speakers.toml"
_LONGEST_MARKER = 8  # characters: the longest organisation marker looked for


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one instance per process
class SpeakerKnowledge:
    """The tables of ``speakers.toml``, read-only."""

    org_markers: Mapping[str, str]  # last syllables of an organisation's name -> English ("" for none)
    places: frozenset[str]  # countries and regions
    brands: frozenset[str]  # companies and brands written like a person's name ("신세계", "한겨레")
    bodies: Mapping[str, str]  # speaking bodies ("재판부") -> English ("the court")
    title_context: Mapping[str, Mapping[str, str]]  # title -> organisation kind -> English
    org_kinds: Mapping[str, tuple[str, ...]]  # kind -> markers of an organisation's name
    titles: Mapping[str, str]  # titles the quote stage needs (the title table wins)
    stage_jobs: frozenset[str] = frozenset()  # "가수", "멤버": a name follows ("가수 하늘은")
    stage_groups: frozenset[str] = frozenset()  # "그룹": its members may follow in parentheses

    def org_marker(self, word: str) -> str | None:
        """The longest organisation marker ``word`` ends with (and is longer than), or None."""
        for length in range(min(len(word) - 1, _LONGEST_MARKER), 0, -1):
            if word[-length:] in self.org_markers:
                return word[-length:]
        return None

    def org_kind(self, org: str) -> str | None:
        """ "party", "sport", "film" ... for an organisation's Korean name, or None."""
        return _org_kind(self, "".join(org.split()))

    def title_in_context(self, title: str, org: str | None) -> str | None:
        """The English of ``title`` given the organisation before it, when the title depends on it."""
        table = self.title_context.get(title)
        if table is None:
            return None
        kind = self.org_kind(org) if org else None
        return table.get(kind or "default") or table.get("default")


@functools.lru_cache(maxsize=65536)
def _org_kind(knowledge: SpeakerKnowledge, squashed: str) -> str | None:
    for kind, markers in knowledge.org_kinds.items():
        for marker in markers:
            if (len(marker) > 1 and marker in squashed) or squashed.endswith(marker):
                return kind
    return None


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{_SOURCE}: {where} must be a list of non-empty strings")
    return tuple(value)


def _mapping(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f'{_SOURCE}: [{where}] must be a table of "Korean" = "English" pairs')
    return dict(value)


@functools.cache
def speaker_knowledge() -> SpeakerKnowledge:
    """The built-in speaker knowledge (read once)."""
    text = (resources.files("brief") / "data" / "speakers.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{_SOURCE}: not valid TOML ({error})") from error
    context = data.get("title_context", {})
    if not isinstance(context, dict):
        raise ConfigError(f"{_SOURCE}: [title_context] must hold one table per title")
    kinds = data.get("org_kinds", {})
    if not isinstance(kinds, dict):
        raise ConfigError(f"{_SOURCE}: [org_kinds] must map a kind to a list of markers")
    return SpeakerKnowledge(
        org_markers=MappingProxyType(_mapping(data.get("org_markers", {}), "org_markers")),
        places=frozenset(_strings(data.get("places", {}).get("names", []), "[places] names")),
        brands=frozenset(_strings(data.get("brands", {}).get("names", []), "[brands] names")),
        bodies=MappingProxyType(_mapping(data.get("bodies", {}), "bodies")),
        title_context=MappingProxyType(
            {k: MappingProxyType(_mapping(v, f"title_context.{k}")) for k, v in context.items()}
        ),
        org_kinds=MappingProxyType({k: _strings(v, f"[org_kinds] {k}") for k, v in kinds.items()}),
        titles=MappingProxyType(_mapping(data.get("titles", {}), "titles")),
        stage_jobs=frozenset(_strings(data.get("stage", {}).get("jobs", []), "[stage] jobs")),
        stage_groups=frozenset(_strings(data.get("stage", {}).get("groups", []), "[stage] groups")),
    )
