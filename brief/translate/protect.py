"""Glossary and number protection: hide names, terms and amounts from the model behind placeholders.

``protect`` replaces each protected span with a placeholder ("ZX1Q") the model copies through;
``restore`` puts the English forms back and checks the model's output: placeholders that were
mangled ("zx 1 q", "ZX1") are recognised and repaired, extra copies and invented ones are removed,
and a dropped placeholder makes ``restore`` report failure, so the caller retranslates the sentence
with the English forms written into the Korean (``Protected.inline``: models copy Latin names
through well) and notes which forms still did not come out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from brief.translate.glossary import Glossary
from brief.translate.numbers import find_numbers

__all__ = ["Protected", "Restored", "Slot", "placeholder", "protect", "restore"]


def placeholder(number: int) -> str:
    """The placeholder for slot ``number``: upper-case Latin letters around digits, which translation
    models copy unchanged (they treat it like a product code)."""
    return f"ZX{number}Q"


# the exact form, and the damaged forms models produce: lower case, spaces, hyphens, a lost final Q
_ANY_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z0-9])[Zz]\s?[Xx]\s?[-_]?\s?(\d{1,3})\s?[-_]?\s?([Qq])?(?![A-Za-z0-9])"
)


@dataclass(frozen=True)
class Slot:
    """One protected thing: its placeholder, its Korean source and its English form."""

    token: str
    ko: str
    en: str
    kind: str  # "number" or a glossary kind ("org", "person", "term", ...)
    count: int = 1  # how many times the placeholder occurs in the masked sentence


@dataclass(frozen=True)
class Protected:
    """A sentence as the model sees it, and what to put back."""

    source: str
    masked: str
    slots: tuple[Slot, ...]
    inline: str = ""  # the source with the English forms written in, for a retry without placeholders


@dataclass(frozen=True)
class Restored:
    """The English sentence with the protected forms back in, or ``text=None`` when it cannot be
    trusted (a placeholder was dropped), and notes on what was repaired."""

    text: str | None
    notes: tuple[str, ...] = ()


def protect(
    sentence: str,
    glossary: Glossary | None,
    numbers: bool = True,
    names: Mapping[str, str] | None = None,
    named: Iterable[str] = (),
) -> Protected:
    """Replace glossary entries, Korean number expressions and ``names`` (Korean -> English, e.g.
    people of this article who are not in the people table) in ``sentence`` by placeholders.

    A glossary term that is also an ordinary word ("믿음") is replaced only where the sentence marks
    it as a name ('믿음', 믿음(Mi:dm)) or when it is in ``named`` (its article marked it elsewhere).

    The same English form always gets the same placeholder, and "마이크로소프트(MS)" (a name glossed
    by another name with the same English form) becomes one placeholder, not "Microsoft (Microsoft)".
    """
    spans: list[tuple[int, int, str, str, str]] = []  # start, end, ko, en, kind
    taken = [False] * len(sentence)
    if numbers:
        for number in find_numbers(sentence):
            spans.append((number.start, number.end, number.ko, number.en, "number"))
            taken[number.start : number.end] = [True] * (number.end - number.start)
    for match in glossary.find(sentence, named) if glossary is not None else ():
        if not any(taken[match.start : match.end]):
            spans.append(
                (match.start, match.end, sentence[match.start : match.end], match.entry.en, match.entry.kind)
            )
    if names:
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        for found in re.finditer(f"(?<![가-힣])(?:{pattern})", sentence):
            start, end = found.span()
            if not any(taken[start:end]) and not any(s[0] < end and start < s[1] for s in spans):
                spans.append((start, end, found.group(0), names[found.group(0)], "person"))
    spans.sort()
    spans = _merge_glosses(sentence, spans)
    if not spans:
        return Protected(sentence, sentence, (), sentence)
    tokens: dict[str, str] = {}
    slots: dict[str, Slot] = {}
    pieces: list[str] = []
    inline: list[str] = []
    position = 0
    for start, end, ko, en, kind in spans:
        token = tokens.setdefault(en, placeholder(len(tokens) + 1))
        pieces += [sentence[position:start], token]
        inline += [sentence[position:start], en]
        position = end
        old = slots.get(token)
        slots[token] = Slot(token, ko, en, kind, old.count + 1 if old else 1)
    pieces.append(sentence[position:])
    inline.append(sentence[position:])
    return Protected(sentence, "".join(pieces), tuple(slots.values()), "".join(inline))


def _merge_glosses(
    sentence: str, spans: list[tuple[int, int, str, str, str]]
) -> list[tuple[int, int, str, str, str]]:
    """Join "A(B)" into one span when A and B have the same English form."""
    merged: list[tuple[int, int, str, str, str]] = []
    for start, end, ko, en, kind in spans:
        # "MS AI 투어 인 서울(Microsoft AI Tour in Seoul)": the gloss already is the English form
        gloss = re.match(r"\s?\(([^()]{1,80})\)", sentence[end:])
        if gloss and _squash(gloss.group(1)) == _squash(en):
            end += gloss.end()
            ko = sentence[start:end]
        span = (start, end, ko, en, kind)
        if merged:
            prev = merged[-1]
            between = sentence[prev[1] : span[0]]
            after = sentence[span[1] : span[1] + 1]
            if prev[3] == span[3] and between.strip() == "(" and after == ")":
                merged[-1] = (prev[0], span[1] + 1, sentence[prev[0] : span[1] + 1], prev[3], prev[4])
                continue
        merged.append(span)
    return merged


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def restore(protected: Protected, output: str) -> Restored:
    """Put the English forms into the model's ``output``; repair what can be repaired."""
    if not protected.slots:
        return Restored(output)
    by_number = {int(s.token[2:-1]): s for s in protected.slots}
    seen: Counter[str] = Counter()
    notes: list[str] = []

    def put_back(match: re.Match[str]) -> str:
        slot = by_number.get(int(match.group(1)))
        if slot is None:
            notes.append(f"placeholder invented by the model removed: {match.group(0)!r}")
            return ""
        seen[slot.token] += 1
        if seen[slot.token] > slot.count:
            notes.append(f"placeholder repeated by the model removed: {slot.en!r}")
            return ""
        if match.group(0) != slot.token:
            notes.append(f"placeholder repaired: {match.group(0)!r} -> {slot.en!r}")
        return slot.en

    text = _ANY_PLACEHOLDER.sub(put_back, output)
    missing = [s for s in protected.slots if seen[s.token] == 0]
    if missing:
        names = ", ".join(f"{s.ko} -> {s.en}" for s in missing)
        return Restored(None, (*notes, f"placeholder dropped by the model: {names}"))
    return Restored(_tidy(text), tuple(notes))


def _tidy(text: str) -> str:
    """Remove the double spaces and space-before-punctuation left where placeholders were removed."""
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text).strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def unprotected_notes(protected: Protected, english: str) -> tuple[str, ...]:
    """For a sentence retranslated without placeholders: which English forms did not come out."""
    absent = [s for s in protected.slots if s.en.lower() not in english.lower()]
    if not absent:
        return ()
    return (
        "not in the output (retranslated without placeholders): "
        + ", ".join(f"{s.ko} -> {s.en}" for s in absent),
    )
