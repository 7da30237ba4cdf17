"""The one place that makes article-derived text safe to place inside a Markdown digest.

Every string that comes from an article (headline, quote, speaker, outlet, reporters, translation,
brief) goes through :func:`escape_inline` before it reaches the digest, so it can only ever be text:
never raw HTML, a link or image, a heading, a list, a table cell break, a footnote, emphasis, a code
span, math, or a front-matter fence. The escaped text must read the same in the two Markdown dialects
the digest is rendered with: CommonMark/GFM (GitHub, GitLab, markdown-it) and Python-Markdown (our
HTML page, MkDocs). So it uses only escapes both understand: a backslash before ASCII punctuation
that both accept, and HTML character references for the rest (``<`` ``>`` ``&`` ``~`` ``$``).

Values of the YAML front matter go through :func:`yaml_quote`; heading anchors through :func:`slug`;
links to sources through :func:`safe_url`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote, urlsplit

__all__ = ["break_schemes", "escape_inline", "one_line", "safe_url", "slug", "yaml_quote"]

# Characters that become another character in every dialect: backslash escapes that both CommonMark
# and Python-Markdown (with its tables extension) accept, and character references for the others
# (Python-Markdown keeps "\<" as a backslash plus raw HTML, and does not know "\~" or "\$").
_INLINE = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "{": "\\{",  # Python-Markdown attribute lists: {: onclick=...}
    "}": "\\}",
    "[": "\\[",  # links, images, footnote references and definitions, [TOC]
    "]": "\\]",
    "#": "\\#",  # ATX headings and their closing sequence
    "|": "\\|",  # table cells
    "<": "&lt;",  # raw HTML and autolinks
    ">": "&gt;",  # block quotes
    "&": "&amp;",  # character references stay literal text
    "~": "&#126;",  # GFM strikethrough (and fenced code with ~~~)
    "$": "&#36;",  # GitHub math
}
_INLINE_TABLE = str.maketrans(_INLINE)

# A line that starts like a list item, a thematic break or a setext underline ("1.5%" does not).
_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)])(?=\s|$))")

# Line breaks of every kind, and whitespace runs: a single-line field must stay on one line.
_BREAKS = re.compile(r"[\s\u0085\u2028\u2029]+")
# Bidirectional overrides and isolates ("Trojan source"), the BOM, and other invisible controls.
_INVISIBLE = {0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def one_line(text: str | None) -> str:
    """``text`` on one line: every line break and whitespace run becomes one space; controls go."""
    if not text:
        return ""
    kept = []
    for char in text:
        code = ord(char)
        if code in _INVISIBLE:
            continue
        if unicodedata.category(char) == "Cc" and not char.isspace() and char != "\u0085":
            continue  # NUL, ESC and friends: never meaningful in news text
        kept.append(char)
    return _BREAKS.sub(" ", "".join(kept)).strip()


# Script URL schemes written out in text: no link on the page, but linkifiers downstream (a wiki, a
# mail client showing the newsletter) could make one, so the colon becomes a character reference.
_SCRIPT_SCHEME = re.compile(r"(?i)(javascript|vbscript)(\s*):")


def break_schemes(escaped: str) -> str:
    """``escaped`` (Markdown or HTML text) with ``javascript:`` / ``vbscript:`` no longer spelled out."""
    return _SCRIPT_SCHEME.sub(r"\1\2&#58;", escaped)


def escape_inline(text: str | None) -> str:
    """``text`` as literal Markdown text on one line: safe in a paragraph, list item, heading, table cell."""
    flat = one_line(text)
    escaped = flat.translate(_INLINE_TABLE)

    def _start(match: re.Match[str]) -> str:
        if match.group(1):
            return "\\" + match.group(1) if match.group(1) != "=" else "&#61;"
        return match.group(2) + "\\" + match.group(3)

    return break_schemes(_LINE_START.sub(_start, escaped, count=1))


# Also "<" and ">": the value is the same, but tools that paste front-matter values into HTML unescaped
# (some wiki themes do, for the title) never see a tag.
_YAML_ESCAPED = {0x2028, 0x2029, ord("<"), ord(">"), *_INVISIBLE}


def yaml_quote(text: str | None) -> str:
    """A double-quoted YAML scalar holding ``text`` on one line (``null`` for None); JSON-compatible."""
    if text is None:
        return "null"
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or code in _YAML_ESCAPED:
            out.append(f"\\u{code:04x}")  # line breaks, tabs and controls never reach the file raw
        else:
            out.append(char)
    out.append('"')
    return _SCRIPT_SCHEME.sub(r"\1\2\\u003a", "".join(out))


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str, prefix: str) -> str:
    """A stable anchor: ``prefix-`` plus lower-case ASCII words of ``text`` (a hash when none are left).

    "Kim Young-shub" -> "speaker-kim-young-shub"; "김영섭" -> "speaker-" + 8 hex digits of its hash.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")[:48].strip("-")
    if not words:
        words = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{words}"


_URL_SAFE = "/:?=&%#.,;@!+-_~"


def safe_url(url: str | None) -> str | None:
    """``url`` ready for a Markdown link destination when it is a plain http(s) URL, else None.

    Characters that could end the destination or the link (spaces, parentheses, angle brackets,
    quotes, backslashes) are percent-encoded; any other scheme (``javascript:``, ``data:``) gives None.
    """
    if not url:
        return None
    flat = one_line(url)
    if " " in flat:
        return None
    try:
        parts = urlsplit(flat)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(flat, safe=_URL_SAFE)
