"""``brief translate``: the articles in English, sentence by sentence beside the Korean."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from brief.cli.app import (
    JSON_OUT,
    MAX_BYTES,
    PATHS_HELP,
    app,
    emit_json,
    exit_for,
    handle_errors,
    quiet_transformers,
    read_inputs,
    report_failures,
    strict_exit,
)
from brief.cli.model_options import ModelChoices, model_options
from brief.cli.progress import ProgressDisplay
from brief.display import display_path
from brief.pipeline import translation_progress
from brief.records import SentencePair, TranslatedArticle

PATHS = typer.Argument(..., help=PATHS_HELP)


def _where(paragraph: int) -> str:
    if paragraph == -1:
        return "headline"
    if paragraph <= -1000:
        return f"caption {-1000 - paragraph}"
    if paragraph < 0:
        return f"sub {-2 - paragraph}"
    return f"para {paragraph}"


def format_translation(translated: TranslatedArticle) -> str:
    """A readable view: each Korean sentence with its English translation below it."""
    article = translated.article
    model = translated.model
    lines = [f"=== {display_path(article.source)}", f"model: {model.name} ({model.backend})", ""]
    current: int | None = None
    pair: SentencePair
    for pair in translated.sentences:
        if pair.paragraph != current:
            current = pair.paragraph
            lines.append(f"[{_where(current)}]")
        lines.append(f"  KO {' '.join(pair.ko.split())}")
        lines.append(f"  EN {pair.en}")
        for note in pair.notes:
            lines.append(f"     ({note})")
    if translated.quotes:
        lines += ["", "quotes:"]
        for quote in translated.quotes:
            lines.append(f"  - {quote.speaker.label}: \u201c{quote.text_en or ''}\u201d")
    return "\n".join(lines)


@app.command()
@model_options(summaries=False)
def translate(
    paths: list[Path] = PATHS,
    *,
    models: ModelChoices,
    json_output: bool = JSON_OUT,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Translate articles into English, sentence by sentence, with names, terms and numbers protected."""
    from brief.backends import make_models
    from brief.people import load_people
    from brief.pipeline import load_articles
    from brief.quotes import extract_run
    from brief.translate import translate_articles

    with handle_errors(), quiet_transformers():
        config = models.config(max_bytes=max_bytes)
        table = load_people(config.people_files)
        # fails fast (exit 2) when the model is not here
        translator = make_models(config, table, summaries=False).translator
        articles, failures = load_articles(read_inputs(paths, config.max_file_bytes), config)
        quotes_by_id = extract_run(articles, table)
        with ProgressDisplay(enabled=sys.stderr.isatty()) as display:
            advance, total = translation_progress(display)
            translated = translate_articles(translator, articles, quotes_by_id, progress=advance, total=total)
    report_failures(failures)
    if json_output:
        emit_json(translated)
    else:
        typer.echo("\n\n".join(format_translation(t) for t in translated))
    raise typer.Exit(strict_exit(translated, config.strict, exit_for(len(translated), failures)))
