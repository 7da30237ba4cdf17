"""``brief quotes``: who said what, in Korean, with speakers in English."""

from __future__ import annotations

from pathlib import Path

import typer

from brief.cli.app import (
    JSON_OUT,
    PATHS_HELP,
    PEOPLE,
    app,
    emit_json,
    exit_for,
    handle_errors,
    report_failures,
)
from brief.config import BriefConfig


@app.command()
def quotes(
    paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
    json_output: bool = JSON_OUT,
    people: list[Path] = PEOPLE,
) -> None:
    """Find direct and reported speech and resolve each speaker."""
    from brief.people import load_people
    from brief.pipeline import load_articles
    from brief.quotes import extract_quotes

    with handle_errors():
        config = BriefConfig(people_files=tuple(people))
        table = load_people(config.people_files)
        articles, failures = load_articles(paths, config)
        found = [(a, extract_quotes(a, table)) for a in articles]
    report_failures(failures)
    if json_output:
        emit_json([{"article_id": a.id, "source": a.source, "quotes": qs} for a, qs in found])
    else:
        for article, qs in found:
            typer.echo(f"=== {article.source} ({len(qs)} quotes)")
            for q in qs:
                where = q.location if q.location != "body" else f"para {q.paragraph}"
                verb = f" [{q.verb} -> {q.stance}]" if q.verb else ""
                typer.echo(f"- {q.speaker.label} ({q.kind}, {where}){verb}: {q.text_ko}")
            typer.echo("")
    raise typer.Exit(exit_for(len(articles), failures))
