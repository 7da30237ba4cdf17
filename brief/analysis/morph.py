"""Morphemes of Korean text (kiwipiepy): forms, Sejong tags, spans, and what a single word is.

Kiwi is loaded on first use (about a second), never at import. Analyses are remembered in bounded
caches: a word such as "국토부" is analysed once per process, however many articles name it.

Tags are Kiwi's (Sejong): NNG common noun, NNP proper noun, NNB bound noun, NP pronoun, JKS subject
particle, JX topic/auxiliary particle, JKQ quotative particle, EC connective ending, EF final
ending, VV verb, XSV verb-deriving suffix ... A morpheme Kiwi does not know is flagged ``oov``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

__all__ = ["Morph", "WordShape", "analyse", "analyse_word", "clear_caches", "kiwi", "word_shape"]

WordShape = Literal["oov", "proper", "common", "compound", "inflected", "other"]

_NOMINAL = frozenset({"NNG", "NNP", "NNB", "NR", "XSN", "XPN", "SN", "SL", "SH", "MM"})


class Morph(NamedTuple):
    """One morpheme: its form, tag, character span in the analysed text, and whether Kiwi knew it."""

    form: str
    tag: str
    start: int
    end: int
    oov: bool

    @property
    def lemma(self) -> str:
        """The dictionary form of a verb or adjective stem ("쓰" -> "쓰다"), else the form."""
        return self.form + "다" if self.tag in ("VV", "VA", "VX", "XSV", "XSA") else self.form


@functools.cache
def kiwi() -> Kiwi:
    """The process's one Kiwi analyser (quotes, sentence splitting, story features), loaded on first use."""
    from kiwipiepy import Kiwi

    return Kiwi()


@functools.lru_cache(maxsize=16384)
def analyse(text: str) -> tuple[Morph, ...]:
    """The morphemes of ``text`` in order, with spans into ``text``."""
    if not text.strip():
        return ()
    return tuple(
        Morph(t.form, t.tag, t.start, t.start + t.len, bool(getattr(t, "oov", False) or t.id == 2))
        for t in kiwi().tokenize(text)
    )


@functools.lru_cache(maxsize=65536)
def analyse_word(word: str) -> tuple[Morph, ...]:
    """The morphemes of one word standing alone (remembered)."""
    return analyse(word)


@functools.lru_cache(maxsize=65536)
def word_shape(word: str) -> WordShape:
    """What a bare word is to the analyser.

    ``oov`` one morpheme Kiwi does not know (most unknown names: "권대중"); ``proper`` one known proper
    noun ("김광민", "민주당", "트럼프"); ``common`` one known common noun ("국토부", "재판부", "전문가");
    ``compound`` nouns only, several of them ("이용"+"표", "부국"+"증권"); ``inflected`` a particle,
    ending or verb inside ("국민"+"의"+"힘", "정하"); ``other`` anything else.
    """
    morphs = analyse_word(word)
    if not morphs:
        return "other"
    if len(morphs) == 1:
        only = morphs[0]
        if only.oov:
            return "oov"
        if only.tag == "NNP":
            return "proper"
        if only.tag == "NNG":
            return "common"
        return "other" if only.tag in _NOMINAL else "inflected"
    if all(m.tag in _NOMINAL for m in morphs):
        return "compound"
    return "inflected"


def clear_caches() -> None:
    """Forget every remembered analysis (for measuring speed on text never seen before)."""
    analyse.cache_clear()
    analyse_word.cache_clear()
    word_shape.cache_clear()
