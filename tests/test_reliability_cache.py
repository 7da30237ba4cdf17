"""A damaged translation cache never stops a run or corrupts a digest (``brief build``, in process).

The cache file is garbage, a truncated copy of a real cache, or a folder; the cache folder is a file.
Each run exits 0 with the same digest as a run without any cache.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.errors import EXIT_OK
from tests.reliability_support import FAST_MODEL_ARGS, GOOD_ARTICLE, SECOND_ARTICLE

RUNNER = CliRunner()


def _build(articles: Path, out: Path, model: Path, *cache: str) -> str:
    args = ["build", str(articles), "-o", str(out), "--mt-model", str(model), *FAST_MODEL_ARGS, *cache]
    result = RUNNER.invoke(app, args, catch_exceptions=False, env={"SOURCE_DATE_EPOCH": "1740646800"})
    assert result.exit_code == EXIT_OK, result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache-in")
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(articles: Path, tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _build(articles, tmp_path_factory.mktemp("cache-ref") / "d.md", tiny_marian, "--no-cache")


@pytest.fixture(scope="module")
def real_cache(articles: Path, tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache-real")
    _build(articles, folder / "d.md", tiny_marian, "--cache-dir", str(folder / "cache"))
    return folder / "cache" / "translations.sqlite3"


def _garbage(cache: Path, real: Path) -> None:
    cache.mkdir()
    (cache / "translations.sqlite3").write_bytes(b"this is not a database\n" * 100)


def _truncated(cache: Path, real: Path) -> None:
    cache.mkdir()
    data = real.read_bytes()
    (cache / "translations.sqlite3").write_bytes(data[: len(data) // 2])


def _folder_instead_of_file(cache: Path, real: Path) -> None:
    (cache / "translations.sqlite3").mkdir(parents=True)


def _file_instead_of_folder(cache: Path, real: Path) -> None:
    cache.write_text("not a folder", encoding="utf-8")


def _copied(cache: Path, real: Path) -> None:  # a healthy cache, for comparison
    cache.mkdir()
    shutil.copy(real, cache / "translations.sqlite3")


DAMAGE: dict[str, Callable[[Path, Path], None]] = {
    "garbage": _garbage,
    "truncated": _truncated,
    "folder-instead-of-file": _folder_instead_of_file,
    "file-instead-of-folder": _file_instead_of_folder,
    "healthy": _copied,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_gives_the_same_digest(
    articles: Path, tiny_marian: Path, tmp_path: Path, reference: str, real_cache: Path, damage: str
) -> None:
    cache = tmp_path / "cache"
    DAMAGE[damage](cache, real_cache)
    assert _build(articles, tmp_path / "d.md", tiny_marian, "--cache-dir", str(cache)) == reference
