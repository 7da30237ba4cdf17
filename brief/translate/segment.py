"""Korean sentence splitting (kiwipiepy) and splitting of sentences too long for a model.

Spans are kept so every English sentence can point back at its Korean source. A sentence over the
model's token limit is split at clause boundaries (connective endings, commas), then into word
windows; it is never truncated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

__all__ = ["SegmentCache", "fit_to_limit", "segment_key", "split_many", "split_sentences"]

_SAFETY = 8  # special tokens and language codes a backend may add around a sentence
_PUNCT_CUT = re.compile(r"[,;·…]\s+|[)\]」』”’\"']\s*(?:며|고|라며|면서)\s+")


def _kiwi() -> Kiwi:
    """The process's one Kiwi analyser (``brief.analysis.morph.kiwi``), loaded on first use."""
    from brief.analysis.morph import kiwi

    return kiwi()


# a sentence end followed by more text: without one, a text is a single sentence and Kiwi is not needed
_POSSIBLE_END = re.compile(r"[.?!。…][\"'”’」』)\]]*\s+\S|(?:\.{2,}|…)\S|\n\s*\S")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _spans(text: str, sentences: Iterable[Any]) -> list[tuple[int, int]]:
    spans = [span for s in sentences if (span := _trimmed(text, s.start, s.end)) is not None]
    return spans or [span for span in [_trimmed(text, 0, len(text))] if span is not None]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``, in order, without surrounding whitespace."""
    return split_many([text])[0]


def segment_key(text: str) -> str:
    """The cache key of a paragraph's sentence split (changes with the analyser's version)."""
    from importlib.metadata import version

    return hashlib.sha256(f"kiwipiepy {version('kiwipiepy')}\n{text}".encode()).hexdigest()


def split_many(texts: Sequence[str], cache: SegmentCache | None = None) -> list[list[tuple[int, int]]]:
    """Sentence spans of many texts: single sentences by a quick check, the rest from ``cache`` or
    from Kiwi (all at once, so Kiwi can use its worker threads)."""
    result: list[list[tuple[int, int]] | None] = [None] * len(texts)
    todo: list[int] = []
    for i, text in enumerate(texts):
        whole = _trimmed(text, 0, len(text))
        if whole is None:
            result[i] = []
        elif not _POSSIBLE_END.search(text, whole[0], whole[1]):
            result[i] = [whole]
        else:
            todo.append(i)
    if todo and cache is not None:
        keys = {i: segment_key(texts[i]) for i in todo}
        found = cache.get_segments(sorted(set(keys.values())))
        for i in todo:
            result[i] = found.get(keys[i])
        todo = [i for i in todo if result[i] is None]
    if todo:
        analysed = _kiwi().split_into_sents([texts[i] for i in todo])
        new: dict[str, list[tuple[int, int]]] = {}
        for i, sentences in zip(todo, analysed, strict=True):
            result[i] = _spans(texts[i], sentences)
            if cache is not None:
                new[segment_key(texts[i])] = result[i]  # type: ignore[assignment]
        if cache is not None:
            cache.put_segments(new)
    return [r if r is not None else [] for r in result]


class SegmentCache(Protocol):
    """Where sentence splits are remembered between runs (the translation cache)."""

    def get_segments(self, keys: Sequence[str]) -> dict[str, list[tuple[int, int]]]: ...

    def put_segments(self, rows: Mapping[str, Sequence[tuple[int, int]]]) -> None: ...


_STRONG_ENDINGS = ("며", "으며", "면서", "으면서", "지만", "는데", "은데", "고")


def _clause_cuts(sentence: str, tokens: Sequence[Any], strong: bool) -> list[int]:
    """Offsets where a long sentence may be cut, before a space: after commas and quotations, and
    after connective endings (``strong``: only those that join clauses, such as -며, -지만)."""
    cuts = {m.end() for m in _PUNCT_CUT.finditer(sentence)}
    for token in tokens:
        end = token.start + token.len
        if token.tag != "EC" or end >= len(sentence) or not sentence[end].isspace():
            continue
        if strong and token.form not in _STRONG_ENDINGS:
            continue
        if strong and token.form == "고" and sentence[end:].lstrip().startswith("있"):
            continue  # -고 있다 is a progressive, not a clause boundary
        cuts.add(end)
    return sorted(c for c in cuts if 0 < c < len(sentence))


def _word_cuts(sentence: str) -> list[int]:
    return [m.end() for m in re.finditer(r"\s+", sentence)]


def _pack(
    sentence: str, cuts: list[int], fits: Callable[[str], bool], start: int, end: int
) -> list[tuple[int, int]]:
    """Greedily join the pieces between ``cuts`` (inside start..end) into as few spans as fit.

    A single piece over the limit comes back on its own, for a finer level to split."""
    bounds = [c for c in cuts if start < c < end] + [end]
    spans: list[tuple[int, int]] = []
    piece_start = start
    previous = start
    for bound in bounds:
        if previous > piece_start and not fits(sentence[piece_start:bound]):
            spans.append((piece_start, previous))
            piece_start = previous
        previous = bound
    spans.append((piece_start, end))
    return spans


def fit_to_limit(sentence: str, count_tokens: Callable[[str], int], limit: int) -> list[tuple[int, int]]:
    """Spans of ``sentence`` that each fit in ``limit`` tokens; the whole sentence when it fits.

    Clause boundaries are tried first, then any connective ending, then whitespace, then single
    characters. The spans cover every non-space character of the sentence, in order.
    """

    def fits(text: str) -> bool:
        text = text.strip()
        return len(text.encode("utf-8")) + _SAFETY <= limit or count_tokens(text) <= limit

    if fits(sentence):
        return [(0, len(sentence))]
    tokens = _kiwi().tokenize(sentence)
    levels: list[Callable[[], list[int]]] = [
        lambda: _clause_cuts(sentence, tokens, strong=True),
        lambda: _clause_cuts(sentence, tokens, strong=False),
        lambda: _word_cuts(sentence),
        lambda: list(range(1, len(sentence))),
    ]
    cut_lists: dict[int, list[int]] = {}

    def cuts(level: int) -> list[int]:
        if level not in cut_lists:
            cut_lists[level] = levels[level]()
        return cut_lists[level]

    def split(start: int, end: int, level: int) -> list[tuple[int, int]]:
        if fits(sentence[start:end]) or level == len(levels):
            return [(start, end)]
        out: list[tuple[int, int]] = []
        for piece in _pack(sentence, cuts(level), fits, start, end):
            out.extend(split(*piece, level + 1) if not fits(sentence[piece[0] : piece[1]]) else [piece])
        return out

    return [_strip(sentence, s, e) for s, e in split(0, len(sentence), 0) if sentence[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
