"""Unicode normalisation of Korean news text: NFC, spaces, invisible characters, full-width forms."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["HANGUL", "hangul_count", "normalize_line", "normalize_text"]

HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Characters that are spaces in all but name: no-break, en/em/thin spaces, ideographic space, tab.
_SPACES = dict.fromkeys(
    [0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x3164, 0xFFA0], " "
)
# Invisible characters that only get in the way: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E], None)
# Line breaks of every kind become "\n".
_BREAKS = dict.fromkeys([0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029], "\n")
# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, except the full-width quotes, which stay as written
# so that quote pairing sees exactly what the outlet printed.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp not in (0xFF02, 0xFF07)}
# Other C0/C1 control characters are dropped.
_CONTROLS = dict.fromkeys(
    [cp for cp in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if cp not in (0x0A, 0x85)], None
)

_TABLE: dict[int, str | int | None] = {**_CONTROLS, **_SPACES, **_INVISIBLE, **_BREAKS, **_FULLWIDTH}
_MANY_SPACES = re.compile(r" {2,}")
_MANY_BLANKS = re.compile(r"\n{3,}")


def normalize_line(line: str) -> str:
    """Normalise one line: NFC, plain spaces, no invisible characters, harmless full-width forms."""
    line = unicodedata.normalize("NFC", line).translate(_TABLE)
    return _MANY_SPACES.sub(" ", line).strip()


def normalize_text(text: str) -> str:
    """Normalise a whole document; lines are kept (stripped), runs of blank lines become one.

    Quotes (straight, curly, full-width) and Hanja (重 in 현대重) are left exactly as written.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    lines = [_MANY_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def hangul_count(text: str) -> int:
    """Number of Hangul syllables in ``text``."""
    return len(HANGUL.findall(text))
