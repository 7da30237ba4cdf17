"""``brief build``: the weekly digest (Markdown, and optionally HTML and JSON) from one command."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
from pathlib import Path
from typing import Any

import typer

from brief.cli.app import (
    MAX_BYTES,
    PATHS_HELP,
    app,
    exit_for,
    fail,
    handle_errors,
    quiet_transformers,
    read_inputs,
    report_failures,
    strict_exit,
)
from brief.cli.fetch import ALLOW_PRIVATE, INTO, SOURCES_FILE, gather_sources, run_fetch
from brief.cli.model_options import ModelChoices, model_options
from brief.cli.progress import ProgressDisplay, summary_line
from brief.config import BriefConfig
from brief.display import display_path
from brief.errors import ConfigError, InputError
from brief.records import Digest, Failure

__all__ = [
    "build",
    "digest_summary",
    "interrupted_message",
    "json_notice",
    "output_paths",
    "parse_date",
    "source_date_epoch",
    "warn_empty_period",
]


def interrupted_message(display: ProgressDisplay, config: BriefConfig) -> str:
    """What a Ctrl-C keeps: the translations finished so far (in the cache, unless --no-cache)."""
    done = display.done.get("translate", 0)
    seconds = f"{display.elapsed:.0f} s"
    if not config.use_cache:
        return f"brief: interrupted after {seconds}; nothing was kept (--no-cache) and no digest was written"
    from brief.translate.cache import default_cache_dir

    cache = Path(config.cache_dir or default_cache_dir()) / "translations.sqlite3"
    what = f"the {done:,} sentences translated so far" if done else "every translated batch"
    return (
        f"brief: interrupted after {seconds}; {what} are kept in the cache ({display_path(cache)}) and the"
        " next run reuses them; no digest was written (an earlier one is untouched)"
    )


def warn_empty_period(digest: Digest) -> None:
    """Say on stderr when no article is dated in the digest's period (the digest says so too)."""
    if digest.stories and not any(story.in_period for story in digest.stories):
        end = digest.period_end or "now"
        typer.echo(
            f"brief: warning: no article is dated between {digest.period_start} and {end}; "
            f"'This week' is empty and the {len(digest.articles)} article(s) are under 'Also in this batch'",
            err=True,
        )


def parse_date(value: str | None, option: str) -> _dt.date | None:
    """``2025-02-24`` as a date; ConfigError naming the option otherwise."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{option} must be a date like 2025-02-24, got {value!r}") from None


def source_date_epoch(environ: dict[str, str] | os._Environ[str]) -> int | None:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC) from the environment, for reproducible digests."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ConfigError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value!r}")
    return int(value)


def output_paths(output: Path, html: bool, json_out: Path | None = None) -> dict[str, Path]:
    """Where each format goes: the Markdown file (``-``: stdout), HTML beside it, JSON where named."""
    to_stdout = str(output) == STDOUT
    if to_stdout and html:
        raise ConfigError(
            "--html writes a page beside the Markdown file; with -o - there is none: give -o FILE.md"
        )
    paths = {"markdown": output}
    if html:
        paths["html"] = output.with_suffix(".html")
    if json_out is not None:
        paths["json"] = json_out
    if len(set(paths.values())) != len(paths):
        raise ConfigError(f"-o {output}: name the Markdown file (e.g. digest.md); HTML and JSON go elsewhere")
    return paths


JSON_NOTICE = (
    "brief: note: build --json prints the digest as JSON on stdout, as every command's --json does;"
    " --json-out FILE writes it to a file (before, --json wrote FILE.json beside the digest)"
)


def json_notice(stdout: Any, quiet: bool) -> str | None:
    """The migration note for --json, shown when the JSON lands on a terminal (a script wants the JSON)."""
    isatty = getattr(stdout, "isatty", None)
    return JSON_NOTICE if not quiet and isatty is not None and isatty() else None


PATHS = typer.Argument(None, help=PATHS_HELP + " Optional with --sources.")
STDOUT = "-"
OUTPUT = typer.Option(
    None,
    "-o",
    "--output",
    help="Markdown file to write, or - for stdout (default: briefs/<ISO year>-W<week>.md).",
)
WEEK = typer.Option(None, "--week", help="The digest's week, YYYY-Www (default: of the newest article date).")
SINCE = typer.Option(None, "--since", help="Leave out articles dated before this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Leave out articles dated after this date (YYYY-MM-DD).")
HTML = typer.Option(False, "--html", help="Also write a self-contained HTML page beside it (.html).")
JSON_STDOUT = typer.Option(
    False, "--json", help="Print the whole digest as JSON on stdout (the Markdown file is still written)."
)
JSON_FILE = typer.Option(None, "--json-out", help="Also write the whole digest as JSON to this file.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress display and no summary line.")
ALL_QUOTES = typer.Option(False, "--all-quotes", help="Show every quote of every speaker, none collapsed.")
QUOTES_PER_SPEAKER = typer.Option(
    3,
    "--quotes-per-speaker",
    min=1,
    help="Quotes of each speaker shown up front, strongest first; the rest collapsed.",
)
FRONT_MATTER = typer.Option(
    True,
    "--front-matter/--no-front-matter",
    help="Start the Markdown with YAML front matter (GitHub, GitLab, MkDocs); off for plain-Markdown wikis.",
)
FETCH_DELAY = typer.Option(
    1.0, "--fetch-delay", help="With --sources: seconds between two requests to the same host."
)
SPEAKER_FIRST = typer.Option(
    [], "--speaker-first", help="Speaker whose quotes come first (repeatable; default: the built-in list)."
)


@app.command()
@model_options(summaries=True)
def build(
    paths: list[Path] = PATHS,
    *,
    output: Path | None = OUTPUT,
    week: str | None = WEEK,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    html: bool = HTML,
    json_output: bool = JSON_STDOUT,
    json_out: Path | None = JSON_FILE,
    quiet: bool = QUIET,
    priority: list[str] = SPEAKER_FIRST,
    all_quotes: bool = ALL_QUOTES,
    quotes_per_speaker: int = QUOTES_PER_SPEAKER,
    front_matter: bool = FRONT_MATTER,
    models: ModelChoices,
    max_bytes: int = MAX_BYTES,
    sources: list[Path] = SOURCES_FILE,
    into: Path = INTO,
    allow_private: bool = ALLOW_PRIVATE,
    fetch_delay: float = FETCH_DELAY,
) -> None:
    """Build the weekly digest: clean, find quotes, translate, summarize, merge, render.

    With --sources, the listed articles, feeds and sitemaps are fetched into the inbox first (as
    ``brief fetch`` does) and every page they list now is built, with the paths given.
    """
    from brief.fsutil import write_atomic
    from brief.pipeline import build_digest
    from brief.render import DEFAULT_PRIORITY, RenderOptions, render_html, render_json, render_markdown

    display = ProgressDisplay(enabled=not quiet and sys.stderr.isatty())
    with handle_errors(), quiet_transformers():
        config = models.config(
            max_bytes=max_bytes,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            week=week,
            source_date_epoch=source_date_epoch(os.environ),
            quiet=quiet,
        )
        if json_output and output is not None and str(output) == STDOUT:
            raise ConfigError("--json and -o - both write to stdout; write the JSON with --json-out FILE")
        if output is not None:
            output_paths(output, html, json_out)  # a bad -o fails before hours of translation
        paths = list(paths or ())
        fetched: tuple[Failure, ...] = ()
        if sources:
            report = run_fetch(
                gather_sources([], sources), into, quiet, allow_private=allow_private, host_delay=fetch_delay
            )
            paths += report.pages
            fetched = report.failures
            if not paths:
                report_failures(fetched)
                raise InputError(", ".join(map(str, sources)), "no page could be fetched from these sources")
        elif not paths:
            raise InputError("brief build", "give article files or folders, or --sources FILE")
        elif into != Path("inbox") or allow_private or fetch_delay != 1.0:
            typer.echo("brief: warning: --into, --allow-private and --fetch-delay need --sources", err=True)
        try:
            with display:
                digest = build_digest(read_inputs(paths, config.max_file_bytes), config, progress=display)
        except KeyboardInterrupt:
            typer.echo(interrupted_message(display, config), err=True)
            raise typer.Exit(130) from None
        digest = dataclasses.replace(digest, failures=(*fetched, *digest.failures))
        # Everything is rendered before anything is written: a failure here leaves no file behind.
        options = RenderOptions(
            priority=tuple(priority) or DEFAULT_PRIORITY,
            quotes_per_speaker=quotes_per_speaker,
            all_quotes=all_quotes,
            front_matter=front_matter,
        )
        targets = output_paths(output or Path("briefs") / f"{digest.week}.md", html, json_out)
        texts = {"markdown": render_markdown(digest, options=options)}
        if html:
            texts["html"] = render_html(digest, options=options)
        if json_out is not None or json_output:
            texts["json"] = render_json(digest)
    wrote = []
    for kind, path in targets.items():
        if str(path) == STDOUT:
            sys.stdout.write(texts[kind])
            sys.stdout.flush()
            wrote.append("the digest to stdout")
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, texts[kind])
        except OSError as error:
            fail(InputError(display_path(path), f"cannot write the digest: {error.strerror or error}"))
        wrote.append(display_path(path))
    if json_output:
        notice = json_notice(sys.stdout, quiet)
        if notice:
            typer.echo(notice, err=True)
        sys.stdout.write(texts["json"])
    if not quiet:
        warn_empty_period(digest)
    report_failures(digest.failures)
    if not quiet:
        typer.echo(f"brief: {digest_summary(digest, wrote, display.elapsed)}", err=True)
    code = exit_for(len(digest.articles), digest.failures)
    raise typer.Exit(strict_exit(digest.articles, config.strict, code))


def digest_summary(digest: Digest, wrote: list[str], seconds: float) -> str:
    """The run in one line: articles, quotes, sentences (flagged by the translation check), skipped."""
    from brief.translate.check import flagged

    sentences = [pair for t in digest.articles for pair in t.sentences]
    return summary_line(
        articles=len(digest.articles),
        quotes=len(digest.quotes),
        sentences=len(sentences),
        flagged=sum(1 for pair in sentences if flagged(pair.notes)),
        skipped=len(digest.failures),
        wrote=wrote,
        seconds=seconds,
    )
