"""A check of every translated sentence against its Korean, for every backend.

Each rule is small and named, and returns what it found wrong (empty: nothing). Together they catch
what a small or careless model does that can be caught mechanically: chatter and meta-commentary
("Here is the translation:"), prompt or delimiter leakage ("<<<END KOREAN>>>"), Hangul left over, a
length far from the source's, digits, months and years the Korean does not have ("20일" allows "20th"
but not "20th April"), and capitalised names that are neither in the Korean (as Latin letters or
romanised), nor in the glossary or the people table. A flagged sentence is kept with its notes, each
starting with FLAG, so that the digest can mark and count it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from brief.summarize.text import find_names, find_numbers, name_known, word_set

__all__ = ["FLAG", "RULES", "TranslationChecker", "flagged", "flags_of"]

FLAG = "flagged: "  # the prefix of a check's note on a SentencePair

_CHATTER = re.compile(
    r"^\s*(?:here(?:'s| is| are)\b|sure\b|certainly\b|okay\b|of course\b|i(?:'ll| will| would| am|'m)\b|"
    r"let me\b|as an ai\b|translation\s*:|english\s*:|note\s*:|the (?:english )?translation\b)"
    r"|\b(?:korean (?:sentence|text)|the (?:above|following) (?:sentence|text)|translat(?:e|ed|ion) "
    r"(?:of|from|into) (?:the )?(?:korean|english)|i (?:cannot|can't) translate|follow these steps)\b",
    re.IGNORECASE,
)
_LEAK = re.compile(
    r"<<<|>>>|<\|[a-z_]+\|>|\[/?INST\]|</?s>|\b(?:END )?KOREA[NL]?>|\bZX\d+Q\b"
    r"|^\s*(?:system|user|assistant)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
_MIN_RATIO, _MAX_RATIO = 0.6, 9.0  # English characters per Korean character; most sentences: 1.5-4


def _hangul_free(text: str) -> str:
    return _HANGUL.sub(" ", text)


def chatter(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """The model talked about the task instead of (or besides) translating."""
    found = _CHATTER.search(en)
    return [f"chatter: {found.group(0).strip()!r}"] if found else []


def leakage(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """Prompt markers, chat tokens or placeholders in the answer."""
    found = _LEAK.search(en)
    return [f"prompt leakage: {found.group(0).strip()!r}"] if found else []


def hangul(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """Korean left untranslated."""
    found = _HANGUL.findall(en)
    return [f"Hangul left: {' '.join(found[:3])}"] if found else []


def length(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """An answer much shorter or longer than the Korean: something dropped, or something added."""
    source = len("".join(ko.split()))
    target = len("".join(en.split()))
    if source < 12 or not en.strip():
        return []
    ratio = target / source
    if ratio < _MIN_RATIO:
        return [f"length: {target} characters for {source} Korean (too short)"]
    if ratio > _MAX_RATIO:
        return [f"length: {target} characters for {source} Korean (too long)"]
    return []


def numbers(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """Digits in the English whose value the Korean does not have (after unit conversion)."""
    values = [m.value for m in find_numbers(ko)]
    problems = []
    for mention in find_numbers(_hangul_free(en)):
        if not any(ch.isdigit() for ch in mention.surface):
            continue  # number words ("the two companies") are often right without a Korean digit
        if not any(math.isclose(mention.value, v, rel_tol=1e-6) for v in values):
            problems.append(f"number not in the Korean: {mention.surface}")
    return problems


def months(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """Months in the English that the Korean does not name ("N월")."""
    problems = []
    for match in _MONTH_WORD.finditer(en):
        word = match.group(1)
        if not word[0].isupper():
            continue  # "may", "march": words; months are capitalised
        if word.lower() == "may" and en[: match.start()].strip(" \"“'") == "":
            continue  # "May ..." opening a sentence is the verb more often than the month
        month = _MONTHS[word.lower()]
        if not re.search(rf"(?<!\d){month}\s?월", ko):
            problems.append(f"month not in the Korean: {word}")
    return problems


def names(ko: str, en: str, known: frozenset[str]) -> list[str]:
    """Capitalised names in neither the Korean (Latin letters or romanised), the glossary nor the people
    table."""
    vocabulary = set(known) | word_set(ko)
    romanised = _romanised_skeletons(ko)
    problems = []
    for run in find_names(en):
        if len(run) == 1 and _opens_a_sentence(en, run[0]):
            continue  # a capitalised first word is as often a common word ("Moved", "Officials")
        missing = [w for w in name_known(run, vocabulary) if _skeleton(w) not in romanised]
        missing = [w for w in missing if w.lower() not in _MONTHS]
        if missing:
            problems.append(f"name not in the Korean, glossary or people table: {' '.join(missing)}")
    return problems


def _opens_a_sentence(text: str, word: str) -> bool:
    """Whether ``word`` first occurs at the start of a sentence of ``text``."""
    found = re.search(rf"(?:^|[.!?]\s+)[\"“‘'(\[]*{re.escape(word)}\b", text)
    return found is not None and text.find(word) == found.end() - len(word)


Rule = Callable[[str, str, frozenset[str]], list[str]]
RULES: tuple[tuple[str, Rule], ...] = (
    ("chatter", chatter),
    ("leakage", leakage),
    ("hangul", hangul),
    ("length", length),
    ("numbers", numbers),
    ("months", months),
    ("names", names),
)


# ---------------------------------------------------------------- romanised Korean, loosely
_SKELETON_MAP = str.maketrans({"g": "k", "d": "t", "b": "p", "r": "", "l": "", "j": "c", "h": ""})


def _skeleton(word: str) -> str:
    """The consonants of a Latin word, with the consonant pairs romanisations confuse merged
    (g/k, d/t, b/p, j/ch) and r, l and h dropped: "Samsung" and "samseong" are both "smsnk"."""
    letters = re.sub(r"[^a-z]", "", word.lower()).translate(_SKELETON_MAP)
    consonants = re.sub(r"[aeiouwy]", "", letters)
    return re.sub(r"(.)\1+", r"\1", consonants)


def _romanised_skeletons(ko: str) -> frozenset[str]:
    """Skeletons of every run of one to four Hangul syllables in ``ko``, romanised."""
    from brief.people import romanize_syllables

    found: set[str] = set()
    for run in re.findall(r"[\uac00-\ud7a3]+", ko):
        for size in range(1, 5):
            for start in range(0, max(0, len(run) - size) + 1):
                skeleton = _skeleton(romanize_syllables(run[start : start + size]))
                if skeleton:
                    found.add(skeleton)
    return frozenset(found)


# ---------------------------------------------------------------- the checker
@dataclass(frozen=True)
class TranslationChecker:
    """Runs RULES over sentence pairs; ``known`` are the lower-cased words of trusted English names."""

    known: frozenset[str] = field(default_factory=frozenset)
    rules: tuple[tuple[str, Rule], ...] = RULES

    @classmethod
    def from_names(cls, names: Iterable[str]) -> TranslationChecker:
        """A checker trusting the English ``names`` (glossary, people, titles, organisations)."""
        known: set[str] = set()
        for name in names:
            known |= word_set(name)
        return cls(frozenset(known))

    def check(self, ko: str, en: str) -> tuple[str, ...]:
        """What is wrong with ``en`` as the translation of ``ko`` (empty: nothing found)."""
        if not en.strip():
            return ()  # an empty answer is noted by the translator itself
        problems: list[str] = []
        for _, rule in self.rules:
            problems += rule(ko, en, self.known)
        return tuple(dict.fromkeys(problems))


def flags_of(notes: Iterable[str]) -> list[str]:
    """The check's findings among a sentence's notes."""
    return [n[len(FLAG) :] for n in notes if n.startswith(FLAG)]


def flagged(notes: Iterable[str]) -> bool:
    """Whether a sentence's notes hold a finding of the check."""
    return any(n.startswith(FLAG) for n in notes)
