"""Finding quoted spans in one paragraph: pairs of quote marks, nested quotes, unclosed quotes.

One left-to-right pass, no backtracking: each mark is looked at a bounded number of times, so a
paragraph of any length with any mix of marks is scanned in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["DOUBLE_OPENERS", "SINGLE_OPENERS", "QuoteSpan", "find_quote_spans"]

# opener -> the closers that may end it (typists mix straight and curly marks)
DOUBLE_OPENERS = {'"': '"”', "“": '”"', "「": "」", "『": "』", "″": "″”"}
SINGLE_OPENERS = {"'": "'’", "‘": "’'", "`": "`'’"}
# Particles that follow a closing mark: a straight quote followed by one of these closes a quote
# even when a space precedes it ("…다 "고 말했다" is a typo, but common).
_CLOSER_FOLLOWERS = ("고", "라고", "이라고", "며", "라며", "이라며", "면서", "라는", "이라는", "는", "란")
_OPENING_MARKS = "".join(DOUBLE_OPENERS) + "".join(SINGLE_OPENERS)
_ALL_MARKS = frozenset(_OPENING_MARKS + "”’」』")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")
# A single-quoted term longer than this is taken for a stray apostrophe, not a quote.
_MAX_SINGLE = 300


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch of a paragraph. ``start``/``end`` include the marks; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str  # the opening mark
    double: bool  # a double (speech) mark rather than a single (term) mark
    closed: bool  # False when the closing mark is missing and the quote runs on

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


def _looks_like_opener(text: str, i: int) -> bool:
    """A straight quote at ``i`` opens a quote when it follows a space (or starts the text) and is
    followed by a non-space character, unless a quotative particle follows it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if text.startswith(_CLOSER_FOLLOWERS, i + 1) and not before.isspace():
        return False
    return before.isspace() or before in "([{<…·,:;/|\u3000-—▲△▶▷○●■□◆◇※"  # "○…"…"", "▲"…""


def _closes_here(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` is followed by what usually follows a closing mark."""
    rest = text[i + 1 : i + 5]
    return rest.startswith(_CLOSER_FOLLOWERS) or not rest or rest[0] in ".,;:!?)…" or rest[0].isspace()


class _Marks:
    """Positions of every quote mark in a text, for O(log n) look-ups of the next one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        openers: list[int] = []
        for match in _MARK_RE.finditer(text):
            i, char = match.start(), match.group()
            self.at.setdefault(char, []).append(i)
            if char in "“「『" or (char == '"' and _looks_like_opener(text, i)):
                openers.append(i)
        self.openers = openers

    def next_of(self, chars: str, after: int) -> int:
        """The first position > ``after`` holding one of ``chars``, or -1."""
        best = -1
        for char in chars:
            positions = self.at.get(char)
            if not positions:
                continue
            k = bisect_right(positions, after)
            if k < len(positions) and (best < 0 or positions[k] < best):
                best = positions[k]
        return best

    def next_opener(self, after: int) -> int:
        """Where an unclosed quote stops: the next mark that opens a double quote, else the end."""
        k = bisect_right(self.openers, after)
        return self.openers[k] if k < len(self.openers) else len(self.text)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted spans of ``text`` in order. Marks nested inside a quote belong to it.

    A double quote with no closing mark runs to the next opening double mark or the end of the text
    (``closed=False``). A single mark with no partner is ignored (an apostrophe, not a quote).
    """
    spans: list[QuoteSpan] = []
    if _MARK_RE.search(text) is None:
        return spans
    marks = _Marks(text)
    i, n = 0, len(text)
    while i < n:
        nxt = marks.next_of(_OPENING_MARKS, i - 1)
        if nxt < 0:
            break
        i = nxt
        char = text[i]
        if char in DOUBLE_OPENERS:
            glued = char == '"' and i > 0 and not text[i - 1].isspace() and not _looks_like_opener(text, i)
            if glued and not _is_opening_glued(text, i):
                i += 1  # a stray straight mark glued to a word that nothing opened: skip it
                continue
            closers = DOUBLE_OPENERS[char]
            # the matching mark first: “ … "AI 원팀" … ” must not end at the inner straight mark
            close = marks.next_of(closers[0], i)
            if close < 0 and len(closers) > 1:
                close = marks.next_of(closers[1:], i)
            if (
                close >= 0
                and text[close] == '"'
                and _looks_like_opener(text, close)
                and not _closes_here(text, close)
            ):
                close = -1  # the next straight mark opens a new quote: this one was never closed
            if char == "“":
                # "…먼저“라고": an opening mark typed where the closing one belongs (glued to the word
                # before it, a quotative ending after it)
                wrong = marks.next_of("“", i)
                if (
                    wrong > i + 1
                    and (close < 0 or wrong < close)
                    and not text[wrong - 1].isspace()
                    and text.startswith(_CLOSER_FOLLOWERS, wrong + 1)
                ):
                    close = wrong
            if close < 0:
                stop = marks.next_opener(i)
                spans.append(QuoteSpan(i, stop, i + 1, stop, char, True, False))
                i = stop
                continue
            close = _mismatched_close(text, i, close)
            spans.append(QuoteSpan(i, close + 1, i + 1, close, char, True, True))
            i = close + 1
            continue
        if char in "'`" and i > 0 and text[i - 1].isascii() and text[i - 1].isalnum():
            i += 1  # an apostrophe inside a Latin word ("KT's")
            continue
        close = marks.next_of(SINGLE_OPENERS[char], i)
        if i + 1 < close <= i + 1 + _MAX_SINGLE:
            spans.append(QuoteSpan(i, close + 1, i + 1, close, char, False, True))
            i = close + 1
            continue
        i += 1
    return spans


def _is_opening_glued(text: str, i: int) -> bool:
    """A straight double mark right after a non-space character may still open a quote
    ("…KT…"협업…" glues the mark to the ellipsis)."""
    if text[i - 1] in "…·,:;([{<":
        return True
    if i + 1 >= len(text) or text[i + 1].isspace():
        return False
    if text[i - 1] in ".]":
        return True
    # "…는 질문에"…"고 답했다": glued to the word before it, yet the next straight mark closes it
    if "\uac00" <= text[i - 1] <= "\ud7a3" and not text.startswith(_CLOSER_FOLLOWERS, i + 1):
        close = text.find('"', i + 1)
        return close > i + 1 and _closes_here(text, close)
    return False


# a wrong mark closing a quote: "…싶다‘면서 “…" (closed with ‘, then a linking ending and a new quote)
_WRONG_CLOSE = re.compile(r"[‘’'](?=(?:이?라고|고|이?라며|며|면서)\s+[“\"])")


def _mismatched_close(text: str, start: int, close: int) -> int:
    """Where a double quote opened at ``start`` really closes: at a single mark followed by a linking
    ending and a new double quote, when that mark does not close a single quote opened inside; else at
    ``close``."""
    for match in _WRONG_CLOSE.finditer(text, start + 1, close):
        inside = text[start + 1 : match.start()]
        if sum(inside.count(m) for m in "‘’'") % 2 == 0:
            return match.start()
    return close
