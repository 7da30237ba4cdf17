"""``brief cache info|clear``: where the translation cache is, how big, and emptying it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from brief.cli.app import app, emit_json, handle_errors
from brief.cli.model_options import CACHE_DIR
from brief.display import display_path
from brief.errors import ConfigError

cache_app = typer.Typer(
    help="Where the translation cache is, how big it is, and emptying it.", no_args_is_help=True
)
app.add_typer(cache_app, name="cache")

CACHE_FILE = "translations.sqlite3"


def _cache_file(cache_dir: Path | None) -> Path:
    from brief.translate.cache import default_cache_dir

    return Path(cache_dir or default_cache_dir()) / CACHE_FILE


def _size(path: Path) -> int:
    """Bytes of the SQLite file and its write-ahead log."""
    parts = (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    return sum(p.stat().st_size for p in parts if p.is_file())


def _human(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size}"  # pragma: no cover


def cache_report(cache_dir: Path | None) -> dict[str, Any]:
    """The cache file, its size and rows (nothing is created when there is no cache yet)."""
    from brief.translate.cache import TranslationCache

    path = _cache_file(cache_dir)
    report: dict[str, Any] = {"path": str(path), "exists": path.is_file(), "bytes": 0, "rows": {}}
    if path.is_file():
        cache = TranslationCache(path)
        try:
            report["rows"] = cache.counts()
        finally:
            cache.close()
        report["bytes"] = _size(path)
    return report


@cache_app.command("info")
def info(
    cache_dir: Path | None = CACHE_DIR,
    json_output: Annotated[bool, typer.Option("--json", help="Print a JSON object instead.")] = False,
) -> None:
    """Where the translation cache is, its size and how many translations it holds."""
    with handle_errors():
        report = cache_report(cache_dir)
    if json_output:
        emit_json(report)
        return
    typer.echo(f"translation cache: {display_path(report['path'])}")
    if not report["exists"]:
        typer.echo("  empty (no file yet: the first translating run creates it)")
        return
    rows = report["rows"]
    typer.echo(f"  size:         {_human(report['bytes'])}")
    typer.echo(f"  translations: {rows.get('translations', 0):,}")
    typer.echo(
        f"  sentence splits: {rows.get('segments', 0):,}, token counts: {rows.get('token_counts', 0):,}"
    )


@cache_app.command("clear")
def clear(
    cache_dir: Path | None = CACHE_DIR,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask; needed when stdin is not a terminal.")
    ] = False,
) -> None:
    """Delete every cached translation (the next runs translate again). Safe while another run uses it."""
    from brief.translate.cache import TranslationCache

    with handle_errors():
        report = cache_report(cache_dir)
        where = display_path(report["path"])
        if not report["exists"]:
            typer.echo(f"brief: nothing to clear: {where} does not exist", err=True)
            return
        count = report["rows"].get("translations", 0)
        if not yes:
            if not sys.stdin.isatty():
                raise ConfigError(
                    f"brief cache clear would delete {count:,} translations in {where}; pass --yes"
                )
            typer.confirm(f"Delete {count:,} cached translations in {where}?", abort=True, err=True)
        cache = TranslationCache(Path(report["path"]))
        try:
            cache.clear()
        finally:
            cache.close()
        after = _size(Path(report["path"]))
    typer.echo(
        f"brief: cleared {count:,} translations from {where} ({_human(report['bytes'])} -> {_human(after)})",
        err=True,
    )
