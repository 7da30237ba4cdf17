"""``brief clean``: show the cleaned articles (readable, or JSON with ``--json``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

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
from brief.display import display_path, one_line
from brief.errors import EXIT_BAD_INPUT
from brief.records import Article

log = logging.getLogger(__name__)


def format_article(article: Article, show_removed: bool = False) -> str:
    """A readable plain-text view of one cleaned article."""
    source = display_path(article.source)
    lines = [f"=== {source}  ({article.encoding}, {article.media_type}, id {article.id})"]
    lines.append(f"headline:  {article.headline or '(none)'}")
    lines.extend(f"sub:       {sub}" for sub in article.subheadlines)
    outlet = " / ".join(x for x in (article.outlet.ko, article.outlet.en) if x) or "(unknown)"
    lines.append(f"outlet:    {outlet}")
    reporters = ", ".join(r.name + (f" <{r.email}>" if r.email else "") for r in article.reporters)
    lines.append(f"reporters: {reporters or '(none)'}")
    date = article.date.isoformat() if article.date else "(unknown)"
    if article.date_evidence:
        date += f"  [{article.date_evidence.kind}: {article.date_evidence.text}]"
    lines.append(f"date:      {date}")
    lines.append(f"kind:      {article.kind}" + ("  (last paragraph cut off)" if article.truncated else ""))
    lines.append("")
    headings: dict[int, list[str]] = {}
    for heading in article.headings:
        headings.setdefault(heading.before, []).append(heading.text)
    for i, paragraph in enumerate(article.paragraphs):
        lines.extend(f"  ◇ {text}" for text in headings.get(i, ()))
        lines.append(f"  [{i}] {paragraph}")
    if article.captions:
        lines.append("")
        lines.extend(f"  caption: {c}" for c in article.captions)
    lines.append("")
    lines.append(f"  ({len(article.removed)} lines removed{':' if show_removed and article.removed else ''})")
    if show_removed:
        lines.extend(f"  - {r.reason}: {r.text}" for r in article.removed)
    return "\n".join(lines)


@app.command()
def clean(
    paths: Annotated[list[Path], typer.Argument(help=PATHS_HELP)],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON array, one object per article.")
    ] = False,
    max_bytes: int = MAX_BYTES,
    show_removed: Annotated[
        bool, typer.Option("--removed", help="List every removed line and the rule that removed it.")
    ] = False,
) -> None:
    """Strip site clutter; find headline, sub-headlines, captions, outlet, reporters and date."""
    from brief.pipeline import load_articles

    with handle_errors():
        config = BriefConfig(max_file_bytes=max_bytes)
        try:
            articles, failures = load_articles(
                read_inputs(paths, config.max_file_bytes), config, split_listings=False
            )
        except (OSError, ValueError, RuntimeError) as error:  # a bug must not reach the user as a traceback
            log.debug("clean failed", exc_info=True)
            problem = f"{type(error).__name__}: {error}"
            typer.echo(f"brief: error: cleaning failed unexpectedly ({one_line(problem)})", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
    report_failures(failures)
    if json_output:
        emit_json(articles)
    elif articles:
        typer.echo("\n\n".join(format_article(a, show_removed) for a in articles))
    raise typer.Exit(exit_for(len(articles), failures))
