"""Runs the stages in order. Each function here composes stages; the stages live in their own modules."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brief._version import __version__
from brief.config import BriefConfig
from brief.errors import BriefError, InputError, ModelError
from brief.ingest import StreamInput
from brief.records import (
    Article,
    ArticleBrief,
    Digest,
    Failure,
    GlossaryEntry,
    MergedBrief,
    ModelInfo,
    Provenance,
    Quote,
    TranslatedArticle,
)

if TYPE_CHECKING:
    from brief.people import PeopleTable
    from brief.translate.glossary import Glossary

__all__ = [
    "Progress",
    "build_digest",
    "digest_period",
    "digest_week",
    "generated_at",
    "load_articles",
    "translation_progress",
]

# progress(stage, advance, total): ``advance`` more items of ``stage`` are done; ``total`` is the stage's
# size when known (translation: None while the articles are split into sentences, then the number of
# sentences, first announced with advance 0). Stages, in order: "clean" (files), "quotes" (articles),
# "translate" (sentences), "summarize" (articles), "merge".
Progress = Callable[[str, int, "int | None"], None]

SUMMARY_CHUNK = 8  # articles per summarize_all call: model backends batch within it, progress between

log = logging.getLogger(__name__)


def load_articles(
    paths: Iterable[Path | str | StreamInput],
    config: BriefConfig,
    progress: Progress | None = None,
    *,
    split_listings: bool = True,
) -> tuple[list[Article], list[Failure]]:
    """Read and clean every article under ``paths`` (and any given as bytes, e.g. standard input).
    Bad inputs become Failures; the rest go on. ``progress`` hears of each file ("clean" stage).
    ``split_listings``: a listing page gives one article per teaser (for translation, summaries and the
    digest) or, when False, one record of kind "listing" with its teasers as sections (``brief clean``).

    Raises InputError only when there is nothing at all to read.
    """
    from brief.clean import clean_page
    from brief.ingest import discover, read_document, read_stream

    given = list(paths)
    files, failures = discover([Path(p) for p in given if not isinstance(p, StreamInput)])
    inputs: list[Path | StreamInput] = [*files, *(p for p in given if isinstance(p, StreamInput))]
    articles: list[Article] = []
    report = progress or _no_progress
    total = len(failures) + len(inputs)
    report("clean", len(failures), total)  # the paths discovery already turned down count as done
    for path in inputs:
        try:
            if isinstance(path, StreamInput):
                raw = read_stream(path, max_bytes=config.max_file_bytes)
            else:
                raw = read_document(path, max_bytes=config.max_file_bytes)
            articles.extend(clean_page(raw, split_listings=split_listings))
        except InputError as error:  # returned as a Failure: the caller reports it, once
            log.debug("%s", error)
            failures.append(Failure(source=_name(path), message=error.problem))
        except OSError as error:  # vanished or unreadable between discovery and reading
            failures.append(Failure(source=_name(path), message=f"cannot read: {error.strerror or error}"))
        except Exception as error:  # a bug in a stage must not cost the other articles
            log.debug("unexpected error on %s", path, exc_info=True)
            message = f"internal error ({type(error).__name__}: {error}); please report it with this file"
            failures.append(Failure(source=_name(path), message=message))
        report("clean", 1, total)
    return articles, failures


def _name(path: Path | StreamInput) -> str:
    return path.name if isinstance(path, StreamInput) else str(path)


def build_digest(
    paths: Iterable[Path | str | StreamInput], config: BriefConfig, progress: Progress | None = None
) -> Digest:
    """Run every stage over the articles under ``paths`` and return the week's Digest.

    clean -> quotes -> translate -> summarize -> merge. The models are resolved first, so a missing
    model raises ModelUnavailableError before any article is read. Inputs that cannot be used (and
    articles a stage fails on) become ``Digest.failures``; model errors are raised. Articles dated
    outside ``config.since`` / ``config.until`` are left out; undated articles are always kept.
    Raises InputError when no article is left.
    """
    from brief.backends import make_models
    from brief.people import load_people
    from brief.quotes.cast import Named
    from brief.quotes.extract import extract_with_roster
    from brief.quotes.run import resolve_across
    from brief.stories import build_stories
    from brief.translate import load_glossary, translate_articles

    inputs: list[Path | StreamInput] = [p if isinstance(p, StreamInput) else Path(p) for p in paths]
    report = progress or _no_progress
    people = load_people(config.people_files)
    glossary = load_glossary(config.glossary_files, people)
    built = make_models(config, people)  # one loaded copy of a chat model named for both roles
    translator = built.translator
    summarizer = built.summarizer
    assert summarizer is not None  # make_models builds one unless told not to

    articles, failures = load_articles(inputs, config, report)
    kept = _in_range(articles, config)
    if not kept:
        where = ", ".join(_name(p) for p in inputs) or "(no paths)"
        raise InputError(where, _nothing_left(articles, failures, config))
    kept = sorted((_with_english_reporters(a, people) for a in kept), key=_article_order)

    quotes_by_id: dict[str, tuple[Quote, ...]] = {}
    rosters: dict[str, tuple[Named, ...]] = {}
    usable: list[Article] = []
    for article in kept:
        try:
            quotes_by_id[article.id], rosters[article.id] = extract_with_roster(article, people)
            usable.append(article)
        except ModelError:
            raise
        except BriefError as error:
            failures.append(_stage_failure(article, "quotes", error))
        report("quotes", 1, len(kept))
    quotes_by_id = resolve_across(quotes_by_id, rosters, people)  # "윤 사장" named in full elsewhere

    advance, announce = translation_progress(report)
    translated = translate_articles(translator, usable, quotes_by_id, progress=advance, total=announce)
    translated = _with_headings(translator, translated, lambda n: None)  # a few lines, not in the count
    briefs: list[ArticleBrief] = []
    # a model server answers --concurrency articles at once: a chunk holds at least that many
    size = max(SUMMARY_CHUNK, getattr(summarizer, "in_flight_articles", 0))
    for start in range(0, len(translated), size):
        chunk = translated[start : start + size]
        briefs += summarizer.summarize_all(chunk)
        report("summarize", len(chunk), len(translated))
    merged = summarizer.merge(briefs, translated)
    _log_notes(briefs, merged, translated)

    week = digest_week(config, [t.article for t in translated])
    period = digest_period(config, week)
    stories = build_stories(
        translated, quotes_by_id, find_names=_name_finder(glossary), period=period, points=merged.points
    )
    report("merge", 1, 1)
    if not any(story.in_period for story in stories):  # `brief build` says it on stderr, unless --quiet
        log.info(
            "no article is dated between %s and %s; its %d article(s) are under 'Also in this batch'",
            period[0],
            period[1] or "now",
            len(translated),
        )
    models = _models([t.model for t in translated] + [summarizer.info])
    return Digest(
        title=f"Korean news brief {week}",
        week=week,
        generated_at=generated_at(config),
        articles=tuple(translated),
        briefs=tuple(briefs),
        merged=merged,
        quotes=tuple(q for t in translated for q in t.quotes),
        glossary=_glossary_used(glossary, people, translated),
        provenance=Provenance(
            version=__version__,
            models=models,
            prompt_hashes=_translation_prompt_hashes(translator) + tuple(summarizer.prompt_hashes),
            settings=(*_settings(config, glossary), _flag_count(translated)),
        ),
        failures=tuple(failures),
        stories=stories,
        period_start=period[0],
        period_end=period[1],
    )


def translation_progress(report: Progress) -> tuple[Callable[[int], None], Callable[[int], None]]:
    """The ``progress`` and ``total`` callbacks of ``translate_articles`` as "translate" stage reports."""
    known: list[int] = []  # the number of sentences, once the articles are split

    def total(n: int) -> None:
        known.append(n)
        report("translate", 0, n)

    def advance(n: int) -> None:
        report("translate", n, known[0] if known else None)

    return advance, total


def digest_period(config: BriefConfig, week: str) -> tuple[_dt.date | None, _dt.date | None]:
    """The dates "This week" covers: ``--since``/``--until`` where given, else the digest's ISO week.
    A ``--since`` after that week with no ``--until`` leaves the end open (None)."""
    year, _, number = week.partition("-W")
    try:
        monday = _dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError as error:
        raise InputError(week, f"not an ISO week like 2025-W09: {error}") from None
    start = config.since or monday
    end = config.until or monday + _dt.timedelta(days=6)
    if config.until is None and end < start:
        return (start, None)
    return (start, end)


def _name_finder(glossary: Glossary) -> Callable[[str], list[tuple[str, str, str]]]:
    """(kind, English, Korean as written) of the glossary's names and terms in a Korean text."""

    def find(text: str) -> list[tuple[str, str, str]]:
        return [(m.entry.kind, m.entry.en, text[m.start : m.end]) for m in glossary.find(text)]

    return find


def _with_headings(
    translator: object, translated: Sequence[TranslatedArticle], progress: Callable[[int], None]
) -> list[TranslatedArticle]:
    """The articles with their section headings ("◇ ...") translated, all in one batch."""
    from brief.translate import translate_articles

    with_headings = [t for t in translated if t.article.headings and not t.headings_en]
    if not with_headings:
        return list(translated)
    stand_ins = [
        dataclasses.replace(
            t.article,
            id=f"{t.article.id}-headings",
            headline=None,
            subheadlines=(),
            paragraphs=tuple(h.text for h in t.article.headings),
            captions=(),
            headings=(),
        )
        for t in with_headings
    ]
    english = {
        t.article.id.removesuffix("-headings"): t.paragraphs_en
        for t in translate_articles(translator, stand_ins, {}, progress=progress)  # type: ignore[arg-type]
    }
    return [
        dataclasses.replace(t, headings_en=tuple(english[t.article.id])) if t.article.id in english else t
        for t in translated
    ]


def _log_notes(
    briefs: Sequence[ArticleBrief], merged: MergedBrief, translated: Sequence[TranslatedArticle]
) -> None:
    """What the summarizer noted (fallbacks, truncation, parsing) goes to the log and the provenance."""
    sources = {t.article.id: t.article.source for t in translated}
    for brief in briefs:
        for note in brief.notes:
            log.info("%s: summary: %s", sources.get(brief.article_id, brief.article_id), note)
    for note in merged.notes:
        log.info("merged brief: %s", note)


def _with_english_reporters(article: Article, people: PeopleTable) -> Article:
    """Give each reporter an English name: the people table's, else the romanized Korean name."""
    from brief.people import romanize_name

    reporters = tuple(
        r
        if r.name_en
        else dataclasses.replace(
            r, name_en=(person.en if (person := people.get(r.name)) else romanize_name(r.name))
        )
        for r in article.reporters
    )
    return dataclasses.replace(article, reporters=reporters) if reporters != article.reporters else article


def _translation_prompt_hashes(translator: object) -> tuple[tuple[str, str], ...]:
    """The prompt hashes of an instruct translation backend, looked up through the wrappers around it."""
    backend = getattr(translator, "backend", None)
    while backend is not None:
        hashes = getattr(backend, "prompt_hashes", None)
        if hashes:
            return tuple(hashes)
        backend = getattr(backend, "underlying", None)
    return ()


def _flag_count(translated: Sequence[TranslatedArticle]) -> tuple[str, str]:
    """How many translated sentences the check flagged, for the provenance."""
    from brief.translate.check import flagged

    pairs = [p for t in translated for p in t.sentences]
    return ("flagged_translations", f"{sum(flagged(p.notes) for p in pairs)} of {len(pairs)} sentences")


def _no_progress(stage: str, advance: int, total: int | None) -> None:
    """The default progress callback: nothing."""


def _today(config: BriefConfig) -> _dt.date:
    if config.source_date_epoch is not None:
        return _dt.datetime.fromtimestamp(config.source_date_epoch, tz=_dt.timezone.utc).date()
    return _dt.datetime.now(tz=_dt.timezone.utc).date()


def generated_at(config: BriefConfig) -> str:
    """ISO 8601 UTC time of the build: ``config.source_date_epoch`` when set (reproducible), else now."""
    if config.source_date_epoch is not None:
        moment = _dt.datetime.fromtimestamp(config.source_date_epoch, tz=_dt.timezone.utc)
    else:
        moment = _dt.datetime.now(tz=_dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def digest_week(config: BriefConfig, articles: Sequence[Article]) -> str:
    """``config.week``, else the ISO week of the newest article date, else of today (UTC)."""
    if config.week:
        return config.week
    dates = [a.date for a in articles if a.date is not None]
    year, week, _ = (max(dates) if dates else _today(config)).isocalendar()
    return f"{year}-W{week:02d}"


def _in_range(articles: Sequence[Article], config: BriefConfig) -> list[Article]:
    """The articles dated within since..until (inclusive), and every undated one."""
    kept = []
    for article in articles:
        date = article.date
        if date is not None and (
            (config.since is not None and date < config.since)
            or (config.until is not None and date > config.until)
        ):
            log.info("%s: dated %s, outside the date filter; left out", article.source, date)
            continue
        kept.append(article)
    return kept


def _nothing_left(articles: Sequence[Article], failures: Sequence[Failure], config: BriefConfig) -> str:
    if articles:
        return (
            f"none of the {len(articles)} article(s) is dated between {config.since or 'the start'} and "
            f"{config.until or 'now'}; widen --since/--until"
        )
    reasons = "; ".join(f"{f.source}: {f.message}" for f in failures[:5])
    more = f" (and {len(failures) - 5} more)" if len(failures) > 5 else ""
    return f"no article could be read ({reasons}{more})" if failures else "no article found"


def _article_order(article: Article) -> tuple[bool, _dt.date, str, str]:
    """Oldest first, undated last; then by source and id, so the order never depends on the file system."""
    return (article.date is None, article.date or _dt.date.max, article.source, article.id)


def _stage_failure(article: Article, stage: str, error: BriefError) -> Failure:
    log.warning("%s: %s stage failed, article left out: %s", article.source, stage, error)
    return Failure(source=article.source, message=f"{stage}: {error}")


def _models(models: Iterable[ModelInfo]) -> tuple[ModelInfo, ...]:
    """Each model once, in first-use order."""
    return tuple(dict.fromkeys(models))


def _glossary_used(
    glossary: Glossary, people: PeopleTable, translated: Sequence[TranslatedArticle]
) -> tuple[GlossaryEntry, ...]:
    """Glossary and people-table entries whose Korean form occurs in the articles, people with their role."""
    found: dict[tuple[str, str], GlossaryEntry] = {}
    for t in translated:
        a = t.article
        for text in (a.headline or "", *a.subheadlines, *a.paragraphs, *a.captions):
            for match in glossary.find(text):
                entry = match.entry
                if entry.kind == "person":
                    person = people.get(entry.ko)
                    role = ", ".join(x for x in (person.title, person.org) if x) if person else ""
                    if role:
                        entry = GlossaryEntry(ko=entry.ko, en=f"{entry.en} ({role})", kind="person")
                found.setdefault((entry.kind, entry.ko), entry)
    return tuple(sorted(found.values(), key=lambda e: (e.kind, e.en.casefold(), e.ko)))


def _settings(config: BriefConfig, glossary: Glossary) -> tuple[tuple[str, str], ...]:
    """The settings that shape the digest, as (name, value) text; paths by file name only."""
    values: list[tuple[str, object]] = [
        ("mt_backend", config.mt_backend),
        ("device", config.device),
        ("dtype", config.dtype),
        ("batch_size", config.batch_size),
        ("num_beams", config.num_beams or "auto"),
        ("max_new_tokens", config.max_new_tokens or "auto"),
        ("since", config.since or "-"),
        ("until", config.until or "-"),
        ("week", config.week or "auto"),
        ("glossary", f"{glossary.version} ({len(glossary)} entries)"),
    ]
    values += [("people_file", Path(p).name) for p in config.people_files]
    values += [("glossary_file", Path(p).name) for p in config.glossary_files]
    return tuple((name, str(value)) for name, value in values)
