"""``brief quotes``: who said what, in Korean, with speakers in English."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from brief.cli.app import (
    MAX_BYTES,
    PATHS_HELP,
    app,
    emit_json,
    exit_for,
    handle_errors,
    read_inputs,
    report_failures,
)
from brief.config import BriefConfig
from brief.display import display_path
from brief.records import Article, Quote, to_jsonable


def format_quote(quote: Quote) -> str:
    """One readable line: speaker (kind, where) [verb -> stance]: text."""
    speaker = quote.speaker
    label = speaker.label
    if speaker.kind == "named" and not speaker.verified:
        label += " (name romanized, not in the people table)"
    if speaker.kind == "unknown" and speaker.ko:
        label += f" ({speaker.ko}?)"
    where = quote.location if quote.location != "body" else f"para {quote.paragraph}"
    verb = f" [{quote.verb} -> {quote.stance or '?'}]" if quote.verb else ""
    return f"- {label} ({quote.kind}, {where}){verb}: {quote.text_ko}"


def quote_json(quote: Quote) -> dict[str, Any]:
    """A quote as JSON, its speaker with a ready-made English ``label``."""
    data: dict[str, Any] = to_jsonable(quote)
    data["speaker"]["label"] = quote.speaker.label
    return data


def article_json(article: Article, quotes: tuple[Quote, ...]) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "source": article.source,
        "headline": article.headline,
        "quotes": [quote_json(q) for q in quotes],
    }


@app.command()
def quotes(
    paths: Annotated[list[Path], typer.Argument(help=PATHS_HELP)],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON array, one object per article.")
    ] = False,
    people: Annotated[
        list[Path] | None, typer.Option("--people", help="Extra people table (TOML); may be repeated.")
    ] = None,
    direct_only: Annotated[
        bool, typer.Option("--direct-only", help="Leave out reported (indirect) speech.")
    ] = False,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Find direct and reported speech and resolve each speaker."""
    from brief.people import load_people
    from brief.pipeline import load_articles
    from brief.quotes import extract_run

    with handle_errors():
        config = BriefConfig(people_files=tuple(people or ()), max_file_bytes=max_bytes)
        table = load_people(config.people_files)
        articles, failures = load_articles(
            read_inputs(paths, config.max_file_bytes), config, split_listings=False
        )
        found = []
        by_id = extract_run(articles, table)  # short forms resolved across the files given together
        for article in articles:
            quotes = by_id[article.id]
            if direct_only:
                quotes = tuple(q for q in quotes if q.kind == "direct")
            found.append((article, quotes))
    report_failures(failures)
    if json_output:
        emit_json([article_json(a, qs) for a, qs in found])
    else:
        for article, qs in found:
            typer.echo(f"=== {display_path(article.source)} ({len(qs)} quotes)")
            for q in qs:
                typer.echo(format_quote(q))
            typer.echo("")
    raise typer.Exit(exit_for(len(articles), failures))
