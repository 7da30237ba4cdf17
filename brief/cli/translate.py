"""``brief translate``: the articles in English, sentence by sentence beside the Korean."""

from __future__ import annotations

import sys
from pathlib import Path

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
    JSON_OUT,
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
    app,
    emit_json,
    exit_for,
    handle_errors,
    model_config,
    quiet_transformers,
    read_inputs,
    report_failures,
    strict_exit,
)
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
def translate(
    paths: list[Path] = PATHS,
    mt_model: str | None = MT_MODEL,
    mt_backend: str = MT_BACKEND,
    mt_revision: str | None = MT_REVISION,
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
    json_output: bool = JSON_OUT,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Translate articles into English, sentence by sentence, with names, terms and numbers protected."""
    from brief.people import load_people
    from brief.pipeline import load_articles
    from brief.quotes import extract_run
    from brief.translate import make_translator, translate_articles

    with handle_errors(), quiet_transformers():
        config = model_config(
            mt_model=mt_model,
            mt_backend=mt_backend,
            mt_revision=mt_revision,
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
        )
        table = load_people(config.people_files)
        translator = make_translator(config, table)  # fails fast (exit 2) when the model is not here
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
    raise typer.Exit(strict_exit(translated, strict, exit_for(len(translated), failures)))
