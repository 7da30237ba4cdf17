"""The structured answer format of the instruction-model summarizer, and its strict parsers.

An article brief answer::

    LEDE: KT and Microsoft will expand their AI partnership.
    - KT will invest KRW 2.4 trillion over five years.
    - ...
    NUMBERS: KRW 2.4 trillion ; five years

A merged brief answer::

    POINT [A1, A3]: KT and Microsoft will expand their AI partnership.
    NEW: ...

A parser returns the parsed record, or raises OutputFormatError saying what is wrong; the caller then
falls back to the extractive brief and notes why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["OutputFormatError", "ParsedBrief", "ParsedMerge", "parse_article_output", "parse_merged_output"]

MAX_LINE_CHARS = 600  # a longer "sentence" is a runaway generation, not a brief


class OutputFormatError(ValueError):
    """A model answer that does not follow the format (internal: the caller falls back)."""


@dataclass(frozen=True)
class ParsedBrief:
    lede: str
    bullets: tuple[str, ...]
    numbers: tuple[str, ...]
    notes: tuple[str, ...] = ()  # tolerated deviations: preamble, trailing text, extra bullets


@dataclass(frozen=True)
class ParsedMerge:
    points: tuple[tuple[tuple[str, ...], str], ...]  # (labels cited, text)
    new: str
    notes: tuple[str, ...] = ()


_FENCE = re.compile(r"^```[\w-]*\s*$")
_LEDE = re.compile(r"^\**\s*LEDE\s*\**\s*:\s*\**\s*(.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+(.*)$")
_NUMBERS = re.compile(r"^\**\s*(?:KEY\s+)?NUMBERS\s*\**\s*:\s*\**\s*(.*)$", re.IGNORECASE)
_POINT = re.compile(r"^\**\s*POINT\s*\**\s*\[([^\]]*)\]\s*:\s*(.*)$", re.IGNORECASE)
_NEW = re.compile(r"^\**\s*NEW\s*\**\s*:\s*(.*)$", re.IGNORECASE)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if not _FENCE.match(line.strip())]


_PLACEHOLDER = re.compile(r"^<[^<>]*>\.?$|^\[[^\[\]]*\]\.?$|^\.{3}$|^…$")


def _sentence(text: str, what: str) -> str:
    text = " ".join(text.split()).strip()
    if not text:
        raise OutputFormatError(f"empty {what}")
    if _PLACEHOLDER.match(text):
        raise OutputFormatError(f"{what} is a placeholder, not content: {text[:60]!r}")
    if len(text) > MAX_LINE_CHARS:
        raise OutputFormatError(f"{what} longer than {MAX_LINE_CHARS} characters")
    return text


def parse_article_output(text: str, *, min_bullets: int = 1, max_bullets: int = 5) -> ParsedBrief:
    """Parse an article brief answer. Text before the LEDE line and after the NUMBERS line is tolerated
    (and noted); any other line that is not a bullet is an error, as are a missing or repeated LEDE and
    fewer than ``min_bullets`` bullets. Bullets beyond ``max_bullets`` are dropped (noted).
    """
    lines = _lines(text)
    notes: list[str] = []
    start = next((i for i, line in enumerate(lines) if _LEDE.match(line)), None)
    if start is None:
        raise OutputFormatError("no 'LEDE:' line")
    if any(lines[:start]):
        notes.append(f"ignored {sum(bool(x) for x in lines[:start])} line(s) before LEDE")
    lede_match = _LEDE.match(lines[start])
    assert lede_match is not None  # matched above
    lede = _sentence(lede_match.group(1), "LEDE")
    bullets: list[str] = []
    numbers: tuple[str, ...] | None = None
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if not line:
            continue
        if numbers is not None:
            notes.append("ignored text after NUMBERS")
            break
        if _LEDE.match(line):
            raise OutputFormatError(f"second 'LEDE:' line (line {number})")
        found = _NUMBERS.match(line)
        if found:
            value = found.group(1).strip().strip("*").strip()
            parts = (
                [p.strip(" .") for p in re.split(r"\s*;\s*", value)]
                if value.lower() not in ("", "none", "n/a")
                else []
            )
            numbers = tuple(p for p in parts if p)
            continue
        bullet = _BULLET.match(line)
        if not bullet:
            raise OutputFormatError(f"line {number} is neither a '- ' bullet nor 'NUMBERS:': {line[:60]!r}")
        bullets.append(_sentence(bullet.group(1), "bullet"))
    unique = list(dict.fromkeys(bullets))
    if len(unique) < len(bullets):
        notes.append(f"dropped {len(bullets) - len(unique)} repeated bullet(s)")
        bullets = unique
    if len(bullets) < min_bullets:
        raise OutputFormatError(f"{len(bullets)} bullet(s), need at least {min_bullets}")
    if len(bullets) > max_bullets:
        notes.append(f"kept the first {max_bullets} of {len(bullets)} bullets")
        bullets = bullets[:max_bullets]
    if numbers is None:
        notes.append("no NUMBERS line")
    return ParsedBrief(lede, tuple(bullets), numbers or (), tuple(notes))


def parse_merged_output(text: str, labels: set[str], *, max_points: int = 12) -> ParsedMerge:
    """Parse a merged brief answer: POINT lines citing known labels, then one NEW line.

    A label that names no article, a POINT without labels, or a line of another kind is an error.
    """
    points: list[tuple[tuple[str, ...], str]] = []
    new: str | None = None
    notes: list[str] = []
    for number, line in enumerate(_lines(text), 1):
        if not line:
            continue
        if new is not None:
            notes.append("ignored text after NEW")
            break
        found = _POINT.match(line)
        if found:
            cited = tuple(dict.fromkeys(x.strip().upper() for x in found.group(1).split(",") if x.strip()))
            if not cited:
                raise OutputFormatError(f"POINT on line {number} cites no article")
            unknown = [c for c in cited if c not in labels]
            if unknown:
                raise OutputFormatError(
                    f"POINT on line {number} cites unknown article(s) {', '.join(unknown)}"
                )
            points.append((cited, _sentence(found.group(2), "POINT")))
            continue
        found = _NEW.match(line)
        if found:
            new = _sentence(found.group(1), "NEW")
            continue
        if not points:
            notes.append("ignored a line before the first POINT")
            continue
        raise OutputFormatError(f"line {number} is neither 'POINT [..]:' nor 'NEW:': {line[:60]!r}")
    if not points:
        raise OutputFormatError("no 'POINT [..]:' line")
    if len(points) > max_points:
        notes.append(f"kept the first {max_points} of {len(points)} points")
        points = points[:max_points]
    if new is None:
        raise OutputFormatError("no 'NEW:' line")
    return ParsedMerge(tuple(points), new, tuple(notes))
