"""Words of Korean text outside quotes, and the particles that may end them.

A token is a word with its span, as written and without edge punctuation or a parenthetical glued to it
("김영섭(왼쪽)" -> "김영섭"); ``split_particle`` gives the ways to read a word as a base and a particle.
The quote stage reads mentions, subjects and verbs off these tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "ALSO",
    "EDGE_PUNCT",
    "NOMINATIVE",
    "PAREN",
    "PARTICLES",
    "TOPIC",
    "Token",
    "split_particle",
    "tokenize",
]

# Particles, longest first. Subject and topic particles make a mention the subject of its clause.
PARTICLES = (
    "께서는", "에게는", "에서는", "으로는", "이라는", "에서도", "께서", "에게", "에서", "으로",
    "와의", "과의", "이나", "이며", "이고", "에는", "은", "는", "이", "가", "도", "의", "와", "과",
    "을", "를", "에", "로", "만",
)  # fmt: skip
TOPIC = frozenset({"은", "는", "께서는"})
ALSO = frozenset({"도", "역시", "또한"})
NOMINATIVE = frozenset({"이", "가", "께서"})

EDGE_PUNCT = "'\"“”‘’`「」『』,.;:!?·…~-—|/[]{}<>"
PAREN = re.compile(r"\([^()]*\)")
# a word; a parenthesis glued to it stays with it even when it holds spaces ("회장(SK그룹 회장)은")
_TOKEN = re.compile(r"(?:[^\s…(]|\((?=[^()]{0,30}\))[^()]*\))+|\(")


class Token(NamedTuple):
    """A word of the text outside quotes: its span, its text, and its text without edge punctuation
    and parentheticals ("김영섭(왼쪽)" -> "김영섭")."""

    start: int
    end: int
    raw: str
    core: str

    @property
    def ends_clause(self) -> bool:
        """Whether a comma after a connective ending closes a clause here ("…했고,", "…이며,")."""
        return self.raw.endswith(",") and self.core[-1:] in ("고", "며", "만", "데", "서", "나")

    @property
    def ends_sentence(self) -> bool:
        text = self.raw.rstrip("'\"”’)]」』")
        return (text.endswith((".", "!", "?")) and not text.endswith("..")) or text.endswith("다.")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with spans relative to ``text``."""
    stop = len(text) if end is None else end
    tokens = []
    strip = EDGE_PUNCT
    for match in _TOKEN.finditer(text, start, stop):
        raw = match.group()
        if "(" in raw:
            core = PAREN.sub("", raw).strip(strip)
            if "(" in core:
                core = core.split("(")[0]
        else:
            core = raw.strip(strip)
        tokens.append(Token(match.start(), match.end(), raw, core))
    return tokens


@lru_cache(maxsize=65536)
def split_particle(word: str) -> tuple[tuple[str, str], ...]:
    """Ways to read ``word`` as base + particle, the bare word first."""
    readings = [(word, "")]
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            readings.append((word[: -len(particle)], particle))
    return tuple(readings)
