"""A fetched page's charset: the HTTP header, then the page's <meta>, then detection, with a note when
they disagree (EUC-KR pages served as UTF-8 happen)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from brief.errors import InputError
from brief.ingest import decode_bytes

__all__ = ["CharsetChoice", "choose_charset", "header_charset"]

# The Korean legacy charsets are read as CP949, the superset browsers use for all of them.
_KOREAN = {"euc_kr": "cp949", "cp949": "cp949", "ks_c_5601-1987": "cp949", "iso2022_kr": "iso2022_kr"}


@dataclass(frozen=True)
class CharsetChoice:
    codec: str  # what the page is read with
    http: str | None  # as the Content-Type header named it
    meta: str | None  # as the page's <meta> named it
    note: str | None  # why the choice differs from what the page or server said, when it does


def header_charset(content_type: str | None) -> str | None:
    """``text/html; charset=EUC-KR`` -> ``EUC-KR``."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip("\"'"):
            return value.strip().strip("\"'")
    return None


def _codec(name: str | None) -> str | None:
    """The Python codec for a charset label, Korean ones folded into CP949; None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return _KOREAN.get(codec, "utf-8" if codec in ("utf-8", "ascii") else codec)


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def choose_charset(body: bytes, content_type: str | None, meta: str | None) -> CharsetChoice:
    """The first of header, <meta> and detection that decodes ``body`` strictly.

    A single-byte Western charset (ISO-8859-1, windows-1252: a common server default) decodes any
    bytes, so it proves nothing: when the bytes hold Korean in another charset, that one is used.
    """
    http = header_charset(content_type)
    said = [(label, name, _codec(name)) for label, name in (("HTTP header", http), ("<meta>", meta)) if name]
    for label, name, codec in said:
        if not codec or not _decodes(body, codec):
            continue
        if _single_byte(codec) and max(body, default=0) >= 0x80:
            korean = _detect_korean(body)
            if korean and korean != codec:
                return CharsetChoice(korean, http, meta, f"{label} says {name}, but the bytes are {korean}")
        others = [f"{other} says {n or '(nothing)'}" for other, n, c in said if c != codec]
        note = f"{label} says {name}, " + ", ".join(others) + f"; read as {codec}" if others else None
        if label != "HTTP header" and http:
            why = (
                f"names an unknown charset {http}" if _codec(http) is None else f"says {http}, not the bytes'"
            )
            note = f"HTTP header {why}; read as {codec} from the <meta>"
        return CharsetChoice(codec, http, meta, note)
    try:
        _, detected = decode_bytes(body, "<page>")
    except InputError:
        detected = "utf-8"  # not text: the page is refused later, when it is read
    named = ", ".join(f"{label} says {name}" for label, name, _ in said)
    note = f"{named}, but the bytes are not that; detected {detected}" if named else None
    return CharsetChoice(detected, http, meta, note)


def _single_byte(codec: str) -> bool:
    return codec in ("latin-1", "iso8859-1") or codec.startswith(("iso8859", "cp125", "latin"))


def _detect_korean(body: bytes) -> str | None:
    """The codec detection settles on, if the text it gives holds Hangul."""
    try:
        text, detected = decode_bytes(body, "<page>")
    except InputError:
        return None
    return detected if any("\uac00" <= ch <= "\ud7a3" for ch in text) else None
