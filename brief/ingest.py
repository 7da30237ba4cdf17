"""Find input files and decode them: UTF-8 (BOM or not), UTF-16 with BOM, CP949 / EUC-KR; text or HTML."""

from __future__ import annotations

import codecs
import logging
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from brief.errors import InputError
from brief.fetch.sidecar import read_sidecar
from brief.records import Failure, MediaType, RawDocument

__all__ = [
    "STDIN_NAME",
    "SUFFIXES",
    "StreamInput",
    "decode_bytes",
    "discover",
    "read_document",
    "read_stream",
    "sniff_media_type",
]

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_SUPPORTED = "UTF-8, UTF-16 with a byte-order mark, or CP949/EUC-KR"

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of binary formats people drop into folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
)
# charset-normalizer names -> the codec we decode with and report. CP949 is a superset of EUC-KR.
_KOREAN_CODECS = {"cp949": "cp949", "euc_kr": "cp949", "johab": "johab", "utf_8": "utf-8", "ascii": "utf-8"}
_URL_AS_PATH = re.compile(r"^(https?):/(?!/)", re.IGNORECASE)
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)"
    rb"|<(?:p|div|article|h1|br|span|table|script)[\s>/]",
    re.IGNORECASE,
)


STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class StreamInput:
    """An article that is not a file: bytes already read (standard input), and the name to show."""

    data: bytes
    name: str = STDIN_NAME


def read_stream(stream: StreamInput, max_bytes: int = 5 * 1024 * 1024) -> RawDocument:
    """Decode an article given as bytes (text or HTML, told by its content). InputError names it."""
    if not stream.data:
        raise InputError(stream.name, "nothing was read (the input is empty)")
    if len(stream.data) > max_bytes:
        raise InputError(
            stream.name, f"input is over the {_human(max_bytes)} limit (raise it with --max-bytes)"
        )
    text, encoding = decode_bytes(stream.data, stream.name)
    if not text.strip():
        raise InputError(stream.name, "input contains only whitespace")
    path = Path(stream.name)
    return RawDocument(
        path=path,
        text=text,
        encoding=encoding,
        media_type=sniff_media_type(path, text),
        size=len(stream.data),
    )


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Expand files and folders (recursively) into a sorted list of readable inputs.

    A missing path, a file of another type, or a folder without .txt/.html/.htm files becomes a Failure.
    Hidden files and folders (names starting with ".") inside folders are skipped.
    """
    found: dict[Path, None] = {}
    failures: list[Failure] = []
    for path in paths:
        path = Path(path)
        if not path.exists() and _URL_AS_PATH.match(str(path)):  # Path() collapsed the "//"
            url = _URL_AS_PATH.sub(r"\1://", str(path), count=1)
            failures.append(Failure(url, "a URL, not a file: fetch it first (brief fetch URL, or --sources)"))
        elif not path.exists():
            failures.append(Failure(str(path), "no such file or folder"))
        elif path.is_dir():
            candidates = [
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            inside = [p for p in candidates if p.is_file()]
            failures += [  # a .txt that is a broken link, a link loop, a pipe or a device: named, not read
                Failure(str(p), "not a regular file (a broken or looping symbolic link, a pipe or a device)")
                for p in sorted(candidates)
                if not p.is_file() and not p.is_dir()
            ]
            if not inside:
                failures.append(Failure(str(path), "folder has no .txt, .html or .htm files to read"))
            found.update(dict.fromkeys(sorted(inside)))
        elif path.suffix.lower() not in SUFFIXES:
            failures.append(
                Failure(
                    str(path),
                    f"unsupported file type '{path.suffix or '(none)'}'; brief reads .txt, .html and .htm",
                )
            )
        else:
            found[path] = None
    return sorted(found), failures


def read_document(path: Path, max_bytes: int = 5 * 1024 * 1024) -> RawDocument:
    """Read and decode one file. Raises InputError naming the file and the problem."""
    path = Path(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):  # reading a pipe blocks
            raise InputError(path, "not a regular file (a pipe, socket or device); brief reads files")
        size = status.st_size
        if size > max_bytes:
            raise InputError(
                path,
                f"file is {_human(size)}, over the {_human(max_bytes)} limit (raise it with --max-bytes)",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:  # the file grew after stat
        raise InputError(path, f"file is over the {_human(max_bytes)} limit (raise it with --max-bytes)")
    web = read_sidecar(path)  # a page stored by `brief fetch`: its URL, headers and feed entry
    text, encoding = _decode_as(data, web.charset) if web and web.charset else decode_bytes(data, path)
    if not text.strip():
        raise InputError(path, "file is empty" if not data else "file contains only whitespace")
    return RawDocument(
        path=path,
        text=text,
        encoding=encoding,
        media_type=sniff_media_type(path, text),
        size=len(data),
        web=web,
    )


def _decode_as(data: bytes, charset: str) -> tuple[str, str]:
    """Decode with the charset ``brief fetch`` settled on (header, <meta>, detection); else detect again."""
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return decode_bytes(data)
    mended = repair_mojibake(text)
    return (mended, MOJIBAKE_ENCODING) if mended is not None else (text, charset)


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``: byte-order marks first, then strict UTF-8, then charset-normalizer (Korean codecs).

    Returns (text, encoding name). Raises InputError for binary data or bytes no supported codec decodes.
    """
    if not data:
        raise InputError(path, "file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(
                    path,
                    f"starts with a {codec.upper()} byte-order mark but does not decode as {codec.upper()}",
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file (looks like {what}), not a text or HTML article")
    if b"\x00" in data[:4096]:
        raise InputError(
            path, "binary file (contains NUL bytes); if it is UTF-16 text, save it with a byte-order mark"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        mended = repair_mojibake(text)
        if mended is not None:
            log.warning("%s: Korean text saved as Latin-1 mojibake; decoded again as CP949", path)
            return mended, MOJIBAKE_ENCODING
        return text, "utf-8"
    repaired = _nearly_utf8(data)
    if repaired is not None:
        log.warning("%s: a few bytes are not valid UTF-8; they were replaced with U+FFFD", path)
        return repaired, "utf-8"
    detected, encoding = _detect(data)
    if detected is None:
        raise InputError(path, f"bytes do not decode as {_SUPPORTED}; re-save the file as UTF-8")
    if _control_ratio(detected) > 0.05:
        raise InputError(path, "binary file (mostly control characters), not a text or HTML article")
    return detected, encoding


MOJIBAKE_ENCODING = "cp949 (saved as Latin-1 mojibake)"
_HANGUL = re.compile("[\uac00-\ud7a3]")
_LATIN1_LETTER = re.compile(r"[\u00a1-\u00ff]")
_MOJIBAKE_MIN = 20  # Latin-1 letters a page of mojibake shows at the least


def repair_mojibake(text: str) -> str | None:
    """Korean CP949 text that was read as Latin-1 (or Windows-1252) and saved as UTF-8 ("ÀÔ·Â" for "입력"),
    decoded again; None for any other text. Only a text with no Hangul and many Latin-1 letters is
    tried, and the result is kept only when it is clearly Korean: Hangul makes up most of its
    non-ASCII characters and hardly any byte failed to decode."""
    if _HANGUL.search(text) is not None or len(_LATIN1_LETTER.findall(text[:20000])) < _MOJIBAKE_MIN:
        return None
    data = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            data.append(code)
            continue
        try:
            data += ch.encode("cp1252")
        except UnicodeEncodeError:
            data += b"?"  # a character no single-byte reading explains
    mended = bytes(data).decode("cp949", errors="replace")
    hangul = sum(1 for ch in mended if "\uac00" <= ch <= "\ud7a3")
    other = sum(1 for ch in mended if ord(ch) > 127) - hangul
    failed = mended.count("\ufffd")
    if hangul < _MOJIBAKE_MIN or hangul < 2 * other or failed > max(3, hangul // 50):
        return None
    return mended


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 Korean text with a handful of broken bytes (a cut or a bad copy), decoded with
    replacement characters; None when the bytes are not that (CP949 read as UTF-8 has no Hangul)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    return text if bad <= max(3, len(text) // 1000) and hangul >= 20 * bad else None


def _detect(data: bytes) -> tuple[str | None, str]:
    """Ask charset-normalizer, restricted to the Korean codecs, and decode strictly with its answer."""
    from charset_normalizer import from_bytes

    result = from_bytes(data, cp_isolation=["cp949", "euc_kr", "johab", "utf_8"]).best()
    candidates = [] if result is None else [_KOREAN_CODECS.get(result.encoding, result.encoding)]
    candidates += [c for c in ("cp949",) if c not in candidates]
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    return None, ""


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / max(1, len(sample))


def sniff_media_type(path: Path, text: str) -> MediaType:
    """HTML by extension, or by content: a document that starts like HTML or is full of tags."""
    if path.suffix.lower() in _HTML_SUFFIXES:
        return "html"
    head = text[:2048].encode("utf-8", "replace")
    if _HTML_SNIFF.search(head.lstrip()[:200]) or len(re.findall(rb"</?(?:p|div|br|span|a)\b", head)) >= 5:
        return "html"
    return "text"


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"
