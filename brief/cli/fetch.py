"""``brief fetch``: article URLs, RSS/Atom feeds and sitemaps into a dated inbox folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from brief.cli.app import app, emit_json, exit_for, handle_errors, report_failures
from brief.errors import InputError

__all__ = ["fetch", "gather_sources", "run_fetch"]

SOURCES_ARG = typer.Argument(
    None, help="Article URLs, RSS/Atom feed URLs, sitemap URLs, or text files listing them (one a line)."
)
SOURCES_FILE = typer.Option(
    [], "--sources", help="Text file listing article, feed and sitemap URLs, one a line (repeatable)."
)
INTO = typer.Option(Path("inbox"), "--into", help="Inbox folder; pages go to a dated folder inside it.")
ALLOW_PRIVATE = typer.Option(
    False, "--allow-private", help="Also fetch private, loopback and link-local addresses."
)
DELAY = typer.Option(1.0, "--delay", help="Seconds between two requests to the same host (default 1).")
CONCURRENCY = typer.Option(4, "--concurrency", help="Requests in flight at once, over all hosts.")
TIMEOUT = typer.Option(20.0, "--timeout", help="Seconds a request may take.")
MAX_PAGE_BYTES = typer.Option(5 * 1024 * 1024, "--max-page-bytes", help="Refuse larger pages and feeds.")
RETRIES = typer.Option(3, "--retries", help="Tries after a 429, a 5xx or a dropped connection.")
BACKOFF = typer.Option(2.0, "--backoff", help="Seconds before the first retry, doubled after each.")
MAX_ENTRIES = typer.Option(200, "--max-entries", help="Pages taken from one feed or sitemap.")
JSON_REPORT = typer.Option(False, "--json", help="Print what was fetched, and every failure, as JSON.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bars and no summary line.")


def gather_sources(arguments: list[str], files: list[Path]) -> list[str]:
    """The URLs to fetch: each argument that is a URL, the lines of each list file (argument or --sources)."""
    from brief.fetch import read_source_list

    urls: list[str] = []
    for argument in arguments:
        if "://" not in argument and Path(argument).is_file():
            urls += read_source_list(Path(argument))
        else:
            urls.append(argument)
    for path in files:
        urls += read_source_list(path)
    return list(dict.fromkeys(urls))


def run_fetch(urls: list[str], into: Path, quiet: bool, **settings: Any) -> Any:
    """Fetch ``urls`` into ``into`` with progress bars; print the summary, notes and failures."""
    import sys

    from brief.cli.progress import ProgressDisplay
    from brief.fetch import FetchConfig, fetch_sources

    config = FetchConfig(**settings)
    with ProgressDisplay(enabled=not quiet and sys.stderr.isatty()) as display:
        report = fetch_sources(urls, into, config, progress=display)
    if not quiet:
        for note in report.notes:
            typer.echo(f"brief: note {note.url}: {note.message}", err=True)
        duplicates = f", {len(report.duplicates)} duplicate" + ("s" if len(report.duplicates) != 1 else "")
        typer.echo(
            f"brief: fetched {len(report.stored)} new page{'s' if len(report.stored) != 1 else ''}"
            f" into {report.folder} ({len(report.unchanged)} unchanged{duplicates},"
            f" {len(report.failures)} failed, {report.requests} requests)",
            err=True,
        )
    return report


@app.command()
def fetch(
    sources: list[str] | None = SOURCES_ARG,
    source_files: list[Path] = SOURCES_FILE,
    into: Path = INTO,
    allow_private: bool = ALLOW_PRIVATE,
    delay: float = DELAY,
    concurrency: int = CONCURRENCY,
    timeout: float = TIMEOUT,
    max_page_bytes: int = MAX_PAGE_BYTES,
    retries: int = RETRIES,
    backoff: float = BACKOFF,
    max_entries: int = MAX_ENTRIES,
    json_output: bool = JSON_REPORT,
    quiet: bool = QUIET,
) -> None:
    """Fetch articles, feeds and sitemaps into INBOX/<date>/ (raw page + .json sidecar), politely."""
    with handle_errors():
        urls = gather_sources(list(sources or ()), source_files)
        if not urls:
            raise InputError("brief fetch", "give article, feed or sitemap URLs, or --sources FILE")
        report = run_fetch(
            urls,
            into,
            quiet,
            allow_private=allow_private,
            host_delay=delay,
            concurrency=concurrency,
            timeout=timeout,
            max_bytes=max_page_bytes,
            retries=retries,
            backoff=backoff,
            max_entries=max_entries,
        )
    report_failures(report.failures)
    if json_output:
        emit_json(report)
    raise typer.Exit(exit_for(len(report.pages), report.failures))
