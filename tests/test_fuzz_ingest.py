"""Fuzzing ingest: any bytes on disk -> a RawDocument or an InputError, never another exception.

Inputs: random bytes, random hostile text (Hangul, Hanja, combining marks, RTL and bidi controls,
control characters, every quote mark, huge lines, empty lines only) encoded as UTF-8, UTF-8 with a
BOM, UTF-16, CP949, CP949 cut at any byte (in the middle of a two-byte character too), and files
mixing UTF-8 and CP949. Text that UTF-8 / UTF-16 can carry comes back exactly.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.errors import BriefError, InputError
from brief.ingest import read_document
from tests.reliability_support import FAST_EXAMPLES, SLOW_EXAMPLES, budget, encoded_documents

_counter = itertools.count()
_MAX_BYTES = 1024 * 1024


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-ingest")


def check_read(folder: Path, sample: tuple[bytes, str, str], suffix: str) -> None:
    data, how, text = sample
    path = folder / f"doc{next(_counter)}{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, max_bytes=_MAX_BYTES)
    except InputError as error:
        assert str(path) in str(error)  # the message names the file
        assert error.problem
        exact = how in ("utf-8", "utf-8-sig") and "\x00" not in text[:4096] and text.strip()
        exact = exact and len(data) <= _MAX_BYTES  # a huge line can make a file over the size limit
        assert not exact, f"valid {how} text was refused: {error}"
        return
    except BriefError:
        raise AssertionError("read_document raised a BriefError other than InputError") from None
    finally:
        path.unlink()
    assert doc.text.strip()
    assert doc.size == len(data)
    assert doc.media_type in ("text", "html")
    if how in ("utf-8", "utf-8-sig"):
        assert doc.text == (text[1:] if how == "utf-8" and text.startswith("\ufeff") else text)
    if how == "utf-16" and doc.encoding == "utf-16":
        assert doc.text == text


@given(sample=encoded_documents(), suffix=st.sampled_from([".txt", ".html"]))
@budget(FAST_EXAMPLES)
def test_read_document_never_raises_anything_but_input_error(
    folder: Path, sample: tuple[bytes, str, str], suffix: str
) -> None:
    check_read(folder, sample, suffix)


@pytest.mark.slow
@given(sample=encoded_documents(), suffix=st.sampled_from([".txt", ".html"]))
@budget(SLOW_EXAMPLES)
def test_read_document_never_raises_anything_but_input_error_1000(
    folder: Path, sample: tuple[bytes, str, str], suffix: str
) -> None:
    check_read(folder, sample, suffix)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"\n\n \t\r\n", "whitespace"),
        (b"%PDF-1.7\n\xff\xfe", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"abc\x00def", "NUL"),
        ("가나다라".encode("cp949")[:-1], None),  # truncated in the middle of a character
        (b"\xff\xfe\x00\x00\x00", "UTF-32"),  # a UTF-32 mark that does not decode
        (bytes(range(256)) * 8, None),
    ],
)
def test_known_bad_bytes_are_named_input_errors(folder: Path, data: bytes, problem: str | None) -> None:
    path = folder / "known.txt"
    path.write_bytes(data)
    try:
        with pytest.raises(InputError) as caught:
            read_document(path)
    finally:
        path.unlink()
    assert caught.value.path == str(path)
    if problem is not None:
        assert problem in caught.value.problem
