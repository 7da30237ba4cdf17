"""File names and other outside text made safe for one line of a terminal message.

A file may be named ``a\\nbrief: skipped FAKE.txt: ...``; printed as it is, that name forges a line on
stderr, and an escape sequence in it can recolour or clear the terminal. Every name a message shows
goes through ``display_path``: printable characters stay, anything else becomes a visible escape.
"""

from __future__ import annotations

from os import PathLike

__all__ = ["display_path", "one_line"]

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with every character that is not printable (newline, ESC, U+2028, ...) escaped."""
    out = []
    for char in text:
        if char in _NAMED:
            out.append(_NAMED[char])
        elif char.isprintable():
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out)


def display_path(path: str | PathLike[str]) -> str:
    """A file name for a message, on one line whatever it contains."""
    return one_line(str(path))
