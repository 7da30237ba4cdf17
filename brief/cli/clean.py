"""``brief clean``: show the cleaned articles."""

from __future__ import annotations

from pathlib import Path

import typer

from brief.cli.app import PATHS_HELP, app, emit_json, exit_for, handle_errors, report_failures
from brief.config import BriefConfig
from brief.records import Article


def format_article(article: Article) -> str:
    """A readable plain-text view of one cleaned article."""
    lines = [f"=== {article.source}"]
    lines.append(f"headline:  {article.headline or '(none)'}")
    for sub in article.subheadlines:
        lines.append(f"sub:       {sub}")
    outlet = " / ".join(x for x in (article.outlet.ko, article.outlet.en) if x) or "(unknown)"
    lines.append(f"outlet:    {outlet}")
    reporters = ", ".join(r.name + (f" <{r.email}>" if r.email else "") for r in article.reporters)
    lines.append(f"reporters: {reporters or '(none)'}")
    date = article.date.isoformat() if article.date else "(unknown)"
    if article.date_evidence:
        date += f"  [{article.date_evidence.kind}: {article.date_evidence.text}]"
    lines.append(f"date:      {date}")
    lines.append("")
    headings = {h.before: h.text for h in article.headings}
    for i, paragraph in enumerate(article.paragraphs):
        if i in headings:
            lines.append(f"  ◇ {headings[i]}")
        lines.append(f"  [{i}] {paragraph}")
    if article.captions:
        lines.append("")
        lines.extend(f"  caption: {c}" for c in article.captions)
    lines.append(f"  ({len(article.removed)} lines removed)")
    return "\n".join(lines)


@app.command()
def clean(
    paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
    json_output: bool = typer.Option(False, "--json", help="Print a JSON array, one object per article."),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", help="Skip files larger than this."),
) -> None:
    """Strip site clutter and find headline, outlet, reporters and date."""
    from brief.pipeline import load_articles

    with handle_errors():
        config = BriefConfig(max_file_bytes=max_bytes)
        articles, failures = load_articles(paths, config)
    report_failures(failures)
    if json_output:
        emit_json(articles)
    else:
        typer.echo("\n\n".join(format_article(a) for a in articles))
    raise typer.Exit(exit_for(len(articles), failures))
