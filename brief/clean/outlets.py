"""The outlet table (brief/data/outlets.toml plus user files): names and domains -> Outlet(ko, en)."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from brief.errors import ConfigError
from brief.records import Outlet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["OutletEntry", "OutletTable", "load_outlets"]


@dataclass(frozen=True)
class OutletEntry:
    ko: str
    en: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    @property
    def outlet(self) -> Outlet:
        return Outlet(ko=self.ko, en=self.en)


@dataclass(frozen=True)
class OutletTable:
    """Lookup of outlets by printed name and by (e-mail or web) domain."""

    entries: tuple[OutletEntry, ...]
    _by_name: dict[str, OutletEntry] = field(default_factory=dict, compare=False, repr=False)
    _by_domain: dict[str, OutletEntry] = field(default_factory=dict, compare=False, repr=False)
    _name_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for name in (entry.ko, *entry.aliases, entry.en):
                self._by_name.setdefault(_key(name), entry)
            for domain in entry.domains:
                self._by_domain.setdefault(domain.lower(), entry)
        names = sorted(
            {n for e in self.entries for n in (e.ko, *e.aliases) if len(n) >= 2}, key=len, reverse=True
        )
        pattern = "|".join(re.escape(n) for n in names)
        object.__setattr__(
            self, "_name_pattern", re.compile(f"(?<![가-힣A-Za-z])(?:{pattern})") if names else None
        )

    def by_name(self, name: str) -> OutletEntry | None:
        """The entry printed as ``name`` (Korean name, alias or English name), or None."""
        return self._by_name.get(_key(name))

    def by_domain(self, domain_or_email: str) -> OutletEntry | None:
        """The entry owning a domain (``fun3503@chosunbiz.com``, ``www.mk.co.kr``, ``news.mk.co.kr``)."""
        domain = domain_or_email.rsplit("@", 1)[-1].lower().strip(". ")
        while domain:
            if domain in self._by_domain:
                return self._by_domain[domain]
            if "." not in domain:
                return None
            domain = domain.split(".", 1)[1]
        return None

    def find_in(self, text: str) -> OutletEntry | None:
        """The first known outlet name (longest match at a position) inside ``text``."""
        if self._name_pattern is None:
            return None
        match = self._name_pattern.search(text)
        return self._by_name.get(_key(match.group(0))) if match else None

    def outlet_for(self, name: str) -> Outlet:
        """Outlet(ko, en) for a printed name; unknown names keep their Korean name and no English one."""
        entry = self.by_name(name)
        return entry.outlet if entry else Outlet(ko=name.strip(), en=None)


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def _parse(data: dict[str, object], source: str) -> list[OutletEntry]:
    rows = data.get("outlet", [])
    if not isinstance(rows, list):
        raise ConfigError(f"{source}: expected [[outlet]] tables")
    entries = []
    for i, row in enumerate(rows):
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("ko"), str)
            or not isinstance(row.get("en"), str)
        ):
            raise ConfigError(f"{source}: outlet #{i + 1} needs string fields 'ko' and 'en'")
        entries.append(
            OutletEntry(
                ko=row["ko"],
                en=row["en"],
                aliases=tuple(str(a) for a in row.get("aliases", ())),
                domains=tuple(str(d).lower() for d in row.get("domains", ())),
            )
        )
    return entries


@lru_cache(maxsize=8)
def load_outlets(extra_files: Sequence[Path] = ()) -> OutletTable:
    """The built-in outlet table, then each extra TOML file (entries of later files win)."""
    text = resources.files("brief").joinpath("data/outlets.toml").read_text(encoding="utf-8")
    entries = _parse(tomllib.loads(text), "brief/data/outlets.toml")
    for path in extra_files:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"outlet table {path}: {error}") from None
        entries = _parse(data, str(path)) + entries
    return OutletTable(tuple(entries))
