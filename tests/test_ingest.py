"""Ingest: finding files in folders, decoding every supported encoding, and refusing bad input clearly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from brief.errors import InputError
from brief.ingest import decode_bytes, discover, read_document, sniff_media_type

KOREAN = (
    '김영섭 KT 대표는 "협업을 통해 AI 주권을 확보해야 한다"고 말했다. 현대重·카이스트와 ‘AI 원팀’을 꾸렸다.'
)


# ---------------------------------------------------------------- discover
def test_discover_recurses_sorts_and_filters(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in (
        "z.txt",
        "a.HTML",
        "b/c.htm",
        "b/deep/d.txt",
        "notes.md",
        "image.jpg",
        ".hidden/x.txt",
        ".y.txt",
    ):
        (tmp_path / name).write_text(KOREAN, encoding="utf-8")
    files, failures = discover([tmp_path])
    assert failures == []
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a.HTML",
        "b/c.htm",
        "b/deep/d.txt",
        "z.txt",
    ]


def test_discover_reports_missing_unsupported_and_empty_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(KOREAN, encoding="utf-8")
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    (empty_folder / "readme.md").write_text("x", encoding="utf-8")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    files, failures = discover([tmp_path / "missing.txt", empty_folder, pdf, good, good])
    assert files == [good]  # duplicates collapse
    messages = {Path(f.source).name: f.message for f in failures}
    assert messages["missing.txt"] == "no such file or folder"
    assert "no .txt, .html or .htm files" in messages["empty"]
    assert "unsupported file type '.pdf'" in messages["paper.pdf"]


# ---------------------------------------------------------------- decoding
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (KOREAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + KOREAN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"), "utf-16"),
        (KOREAN.replace("重", "중").replace("‘", "'").replace("’", "'").encode("cp949"), "cp949"),
        (KOREAN.replace("重", "중").replace("‘", "'").replace("’", "'").encode("euc-kr"), "cp949"),
        ("똠방각하 펲시콜라 햏자 뷁".encode("cp949"), "cp949"),  # CP949-only syllables (not in EUC-KR)
    ],
)
def test_decode_supported_encodings(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert "\ufeff" not in text
    assert "김영섭" in text or "똠방각하" in text


def test_cp949_page_with_html(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(f"<html><body><p>{KOREAN.replace('重', '중')}</p></body></html>".encode("cp949"))
    raw = read_document(page)
    assert raw.encoding == "cp949" and raw.media_type == "html" and "김영섭" in raw.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (looks like a PNG image)"),
        (b"%PDF-1.7\n" + bytes(200), "binary file (looks like a PDF document)"),
        (b"abc\x00\x01\x02\x00def" * 10, "binary file (contains NUL bytes)"),
        (b"caf\xe9 \xff\xff\xfe\xff \x80\x80" * 20, "do not decode"),
    ],
)
def test_decode_refuses_bad_bytes(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert problem in info.value.problem
    assert info.value.path == "bad.txt"
    assert str(info.value).startswith("bad.txt: ")


def test_utf8_with_a_few_broken_bytes_is_not_read_as_cp949() -> None:
    data = (KOREAN * 3).encode("utf-8")
    broken = data[:50] + b"\xff" + data[50:]
    text, encoding = decode_bytes(broken)
    assert encoding == "utf-8"
    assert text.count("\ufffd") == 1 and "김영섭" in text


# ---------------------------------------------------------------- read_document
def test_read_document_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(KOREAN.encode("utf-8"))
    raw = read_document(path)
    assert raw.path == path and raw.text == KOREAN and raw.encoding == "utf-8"
    assert raw.media_type == "text" and raw.size == len(KOREAN.encode("utf-8"))


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "file is empty"), (b"  \n\t\r\n ", "only whitespace"), (codecs.BOM_UTF8, "only whitespace")],
)
def test_read_document_empty(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_document(path)


def test_read_document_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # a sparse 20 MB file: cheap to make, never read
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=5 * 1024 * 1024)
    assert "20.0 MB, over the 5.0 MB limit" in info.value.problem
    assert "--max-bytes" in info.value.problem


def test_read_document_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)


# ---------------------------------------------------------------- HTML or text
@pytest.mark.parametrize(
    ("name", "text", "media_type"),
    [
        ("a.html", KOREAN, "html"),
        ("a.HTM", KOREAN, "html"),
        ("a.txt", "<!DOCTYPE html><html><body><p>기사</p></body></html>", "html"),
        ("a.txt", "  <html lang='ko'><p>기사</p>", "html"),
        ("a.txt", "<div><p>기사</p><p>본문</p><br><span>끝</span><a href='#'>링크</a></div>", "html"),
        ("a.txt", KOREAN, "text"),
        ("a.txt", "<이미지를 클릭하시면 크게 보실 수 있습니다>\n" + KOREAN, "text"),
        ("a.txt", "부등호 a < b 와 c > d 는 태그가 아니다.", "text"),
    ],
)
def test_sniff_media_type(name: str, text: str, media_type: str) -> None:
    assert sniff_media_type(Path(name), text) == media_type
