"""``brief summarize``: a brief per article and a merged brief across them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
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
    emit_json,
    exit_for,
    handle_errors,
    model_config,
    quiet_transformers,
    read_inputs,
    report_failures,
    strict_exit,
)
from brief.display import display_path
from brief.records import ArticleBrief, MergedBrief, TranslatedArticle

PATHS = typer.Argument(..., help=PATHS_HELP)
JSON_SUMMARY = typer.Option(
    False,
    "--json",
    help="Print JSON: {articles: [{article_id, source, headline_en, date, outlet, brief}], merged, models}.",
)
SUMMARIZER_REVISION = typer.Option(
    None, "--summarizer-revision", help="Hub revision of the summarizer model."
)
DROP = typer.Option(
    False, "--drop-unsupported", help="Drop bullets the faithfulness guard cannot back (default: mark them)."
)


def _mark(supported: bool) -> str:
    return "+" if supported else "!"


def format_brief(translated: TranslatedArticle, brief: ArticleBrief, label: str) -> str:
    """A readable view of one article brief; unsupported bullets are marked "!" with what was not found."""
    article = translated.article
    date = article.date.isoformat() if article.date else "undated"
    outlet = article.outlet.en or article.outlet.ko or "unknown outlet"
    lines = [f"=== [{label}] {display_path(article.source)}  ({outlet}, {date})"]
    lines.append(f"headline: {translated.headline_en or '(none)'}")
    lines.append(f"lede:     {brief.lede}")
    for bullet in brief.bullets:
        lines.append(f"  {_mark(bullet.supported)} {bullet.text}")
        if bullet.issues:
            lines.append(f"      not in source: {'; '.join(i.split(': ', 1)[-1] for i in bullet.issues)}")
    if brief.key_numbers:
        lines.append(f"numbers:  {' ; '.join(brief.key_numbers)}")
    for quote in brief.quotes:
        lines.append(f"  \u201c{quote.text_en}\u201d \u2014 {quote.speaker.label}")
    lines.append(
        f"supported: {brief.supported}/{brief.total}   summarizer: {brief.model.name} ({brief.model.backend})"
    )
    lines.extend(f"note: {note}" for note in brief.notes)
    return "\n".join(lines)


def format_merged(merged: MergedBrief, labels: dict[str, str]) -> str:
    """A readable view of the merged brief: what is new, then the points in date order with their sources."""
    lines = [f"=== merged brief ({len(labels)} articles)", f"what is new: {merged.what_is_new}", ""]
    for point in merged.points:
        date = point.date.isoformat() if point.date else "undated"
        cited = ", ".join(labels.get(s, s) for s in point.sources)
        lines.append(f"  {_mark(point.supported)} [{date}] {point.text}  [{cited}]")
        if point.issues:
            lines.append(f"      not in source: {'; '.join(i.split(': ', 1)[-1] for i in point.issues)}")
    lines.append(
        f"supported: {merged.supported}/{merged.total}   "
        f"summarizer: {merged.model.name} ({merged.model.backend})"
    )
    lines.extend(f"note: {note}" for note in merged.notes)
    return "\n".join(lines)


def summary_json(
    translated: Sequence[TranslatedArticle], briefs: Sequence[ArticleBrief], merged: MergedBrief, models: Any
) -> dict[str, Any]:
    """The JSON document of ``brief summarize --json``."""
    return {
        "articles": [
            {
                "article_id": t.article.id,
                "source": t.article.source,
                "headline_en": t.headline_en,
                "date": t.article.date,
                "outlet": t.article.outlet,
                "brief": b,
            }
            for t, b in zip(translated, briefs, strict=True)
        ],
        "merged": merged,
        "models": models,
    }


@app.command()
def summarize(
    paths: list[Path] = PATHS,
    mt_model: str | None = MT_MODEL,
    mt_backend: str = MT_BACKEND,
    mt_revision: str | None = MT_REVISION,
    summarizer: str | None = SUMMARIZER,
    summarizer_revision: str | None = SUMMARIZER_REVISION,
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
    drop_unsupported: bool = DROP,
    json_output: bool = JSON_SUMMARY,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Brief each article (lede, bullets, numbers, quotes) and merge the briefs, checked against sources."""
    from brief.cli.progress import ProgressDisplay
    from brief.models import ModelPool
    from brief.people import load_people
    from brief.pipeline import load_articles, translation_progress
    from brief.quotes import extract_run
    from brief.summarize import make_summarizer
    from brief.translate import make_translator, translate_articles
    from brief.translate.glossary import load_glossary

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
            summarizer=summarizer,
            summarizer_revision=summarizer_revision,
            num_beams=beams,
            max_new_tokens=max_new_tokens,
            api_base=api_base,
            concurrency=concurrency,
            sentences_per_request=sentences_per_request,
            strict=strict,
        )
        table = load_people(config.people_files)
        # both models fail fast (exit 2) before any article is read when they are not here
        pool = ModelPool()  # one loaded copy when translator and summarizer name the same chat model
        translator = make_translator(config, table, pool)
        chosen = make_summarizer(
            config,
            people=table.people,
            glossary=load_glossary(config.glossary_files, table).entries,
            guard="drop" if drop_unsupported else "mark",
            pool=pool,
        )
        articles, failures = load_articles(read_inputs(paths, config.max_file_bytes), config)
        quotes_by_id = extract_run(articles, table)
        with ProgressDisplay(enabled=sys.stderr.isatty()) as display:
            advance, total = translation_progress(display)
            translated = translate_articles(translator, articles, quotes_by_id, progress=advance, total=total)
            briefs = chosen.summarize_all(translated)
            display("summarize", len(briefs), len(briefs))
        merged = chosen.merge(briefs, translated)
    report_failures(failures)
    labels = {t.article.id: f"A{i}" for i, t in enumerate(translated, 1)}
    if json_output:
        models = {
            "translation": translated[0].model if translated else None,
            "summarization": chosen.info,
            "prompt_hashes": dict(chosen.prompt_hashes),
        }
        emit_json(summary_json(translated, briefs, merged, models))
    else:
        views = [format_brief(t, b, labels[t.article.id]) for t, b in zip(translated, briefs, strict=True)]
        if translated:
            views.append(format_merged(merged, labels))
        typer.echo("\n\n".join(views))
    raise typer.Exit(strict_exit(translated, strict, exit_for(len(briefs), failures)))
