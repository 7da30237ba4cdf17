"""Korean morphology for the quote stage, on kiwipiepy: morphemes with tags, and what a word is."""

from __future__ import annotations

from brief.analysis.morph import Morph, analyse, analyse_word, clear_caches, word_shape

__all__ = ["Morph", "analyse", "analyse_word", "clear_caches", "word_shape"]
