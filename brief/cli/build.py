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
    API_BASE,
    BATCH_SIZE,
    BEAMS,
    CACHE_DIR,
    CONCURRENCY,
    DEVICE,
    DTYPE,
    GLOSSARY,
    MAX_BYTES,
    MAX_NEW_TOKENS,
    MT_BACKEND,
    MT_MODEL,
    MT_REVISION,
    NO_CACHE,
    PATHS_HELP,
    PEOPLE,
    PER_REQUEST,
    STRICT,
    SUMMARIZER,
    app,
    exit_for,
    fail,
    handle_errors,
    model_config,
    quiet_transformers,
    report_failures,
    strict_exit,
)
from brief.cli.fetch import ALLOW_PRIVATE, INTO, SOURCES_FILE, gather_sources, run_fetch
from brief.errors import ConfigError, InputError
from brief.records import Digest, Failure

__all__ = ["StageBars", "build", "output_paths", "parse_date", "source_date_epoch", "warn_empty_period"]

_STAGES = {
    "sources": ("fetching sources", " sources"),
    "pages": ("fetching pages", " pages"),
    "clean": ("reading", " files"),
    "quotes": ("finding quotes", " articles"),
    "translate": ("translating", " sentences"),
    "summarize": ("summarizing", " articles"),
    "merge": ("merging", ""),
}


class StageBars:
    """Progress bars on stderr, one per pipeline stage (a ``brief.pipeline.Progress`` callback)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._stage: str | None = None
        self._bar: Any = None  # a tqdm bar; tqdm is imported only when bars are shown

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        if stage != self._stage:
            self.close()
            label, unit = _STAGES.get(stage, (stage, ""))
            self._stage = stage
            self._bar = tqdm(
                desc=label, total=total, unit=unit, file=sys.stderr, leave=False, dynamic_ncols=True
            )
        self._bar.update(advance)

    def close(self) -> None:
        """Close the current bar (the pipeline ended or moved on)."""
        if self._bar is not None:
            self._bar.close()
        self._bar = None
        self._stage = None


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


def output_paths(output: Path, html: bool, json_output: bool) -> dict[str, Path]:
    """Where each format goes: the Markdown file, and HTML / JSON beside it with their own suffixes."""
    paths = {"markdown": output}
    if html:
        paths["html"] = output.with_suffix(".html")
    if json_output:
        paths["json"] = output.with_suffix(".json")
    if len(set(paths.values())) != len(paths):
        raise ConfigError(f"-o {output}: name the Markdown file (e.g. digest.md); HTML and JSON go beside it")
    return paths


PATHS = typer.Argument(None, help=PATHS_HELP + " Optional with --sources.")
OUTPUT = typer.Option(
    None, "-o", "--output", help="Markdown file to write (default: briefs/<ISO year>-W<week>.md)."
)
WEEK = typer.Option(None, "--week", help="The digest's week, YYYY-Www (default: of the newest article date).")
SINCE = typer.Option(None, "--since", help="Leave out articles dated before this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Leave out articles dated after this date (YYYY-MM-DD).")
HTML = typer.Option(False, "--html", help="Also write a self-contained HTML page beside it (.html).")
JSON_FILE = typer.Option(False, "--json", help="Also write the whole digest as JSON beside it (.json).")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bars and no 'wrote' lines.")
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
def build(
    paths: list[Path] = PATHS,
    output: Path | None = OUTPUT,
    week: str | None = WEEK,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    html: bool = HTML,
    json_output: bool = JSON_FILE,
    quiet: bool = QUIET,
    priority: list[str] = SPEAKER_FIRST,
    all_quotes: bool = ALL_QUOTES,
    quotes_per_speaker: int = QUOTES_PER_SPEAKER,
    front_matter: bool = FRONT_MATTER,
    mt_model: str | None = MT_MODEL,
    mt_backend: str = MT_BACKEND,
    mt_revision: str | None = MT_REVISION,
    summarizer: str | None = SUMMARIZER,
    device: str = DEVICE,
    dtype: str = DTYPE,
    batch_size: int = BATCH_SIZE,
    beams: int | None = BEAMS,
    max_new_tokens: int | None = MAX_NEW_TOKENS,
    api_base: str | None = API_BASE,
    concurrency: int = CONCURRENCY,
    sentences_per_request: int = PER_REQUEST,
    strict: bool = STRICT,
    no_cache: bool = NO_CACHE,
    cache_dir: Path | None = CACHE_DIR,
    people: list[Path] = PEOPLE,
    glossary: list[Path] = GLOSSARY,
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

    bars = StageBars(enabled=not quiet and sys.stderr.isatty())
    with handle_errors(), quiet_transformers():
        config = model_config(
            mt_model=mt_model,
            mt_backend=mt_backend,
            mt_revision=mt_revision,
            summarizer=summarizer,
            device=device,
            dtype=dtype,
            batch_size=batch_size,
            no_cache=no_cache,
            cache_dir=cache_dir,
            people=people,
            glossary=glossary,
            max_bytes=max_bytes,
            num_beams=beams,
            max_new_tokens=max_new_tokens,
            api_base=api_base,
            concurrency=concurrency,
            sentences_per_request=sentences_per_request,
            strict=strict,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            week=week,
            source_date_epoch=source_date_epoch(os.environ),
            quiet=quiet,
        )
        if output is not None:
            output_paths(output, html, json_output)  # a bad -o fails before hours of translation
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
            digest = build_digest(paths, config, progress=bars)
        finally:
            bars.close()
        digest = dataclasses.replace(digest, failures=(*fetched, *digest.failures))
        # Everything is rendered before anything is written: a failure here leaves no file behind.
        options = RenderOptions(
            priority=tuple(priority) or DEFAULT_PRIORITY,
            quotes_per_speaker=quotes_per_speaker,
            all_quotes=all_quotes,
            front_matter=front_matter,
        )
        targets = output_paths(output or Path("briefs") / f"{digest.week}.md", html, json_output)
        texts = {"markdown": render_markdown(digest, options=options)}
        if html:
            texts["html"] = render_html(digest, options=options)
        if json_output:
            texts["json"] = render_json(digest)
    for kind, path in targets.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, texts[kind])
        except OSError as error:
            fail(InputError(path, f"cannot write the digest: {error.strerror or error}"))
        if not quiet:
            typer.echo(f"brief: wrote {path}", err=True)
    if not quiet:
        warn_empty_period(digest)
    report_failures(digest.failures)
    code = exit_for(len(digest.articles), digest.failures)
    raise typer.Exit(strict_exit(digest.articles, strict, code))
