"""``brief models``: list the presets, download one into the HF cache, check what works offline, and
check a model on an OpenAI-compatible server (``openai:MODEL``)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer

from brief.cli.app import emit_json, handle_errors, models_app
from brief.cli.model_options import API_BASE
from brief.config import DEFAULT_MT_MODEL, DEFAULT_SUMMARIZER, BriefConfig
from brief.display import display_path, one_line
from brief.errors import EXIT_MODEL, BriefError, ServerUnavailableError

if TYPE_CHECKING:
    from brief.models import ResolvedModel

NAMES = typer.Argument(
    None,
    help="Models to check (presets, hub ids, paths, or openai:MODEL on the --api-base server); "
    "default: every preset.",
)
PROBE_SENTENCE = "정부는 올해 연구개발 예산을 5% 늘리기로 했다."  # the one sentence sent to a server
_COLUMNS = ("name", "hub id", "role", "backend", "licence", "size", "commercial")


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


@models_app.command("list")
def list_models(
    json_output: bool = typer.Option(False, "--json", help="Print the presets as a JSON array."),
) -> None:
    """Show the model presets: hub id, role, licence, approximate size, commercial use."""
    from brief.models import PRESETS

    if json_output:
        emit_json(list(PRESETS.values()))
        return
    rows: list[tuple[str, ...]] = [_COLUMNS]
    for preset in PRESETS.values():
        name = preset.name + (" (default)" if preset.name == DEFAULT_MT_MODEL else "")
        rows.append(
            (
                name,
                preset.hub_id,
                "/".join(preset.roles),
                preset.backend,
                preset.licence,
                preset.size,
                "yes" if preset.commercial else "NO (non-commercial licence)",
            )
        )
    typer.echo(_table(rows))
    typer.echo(
        f"\nThe default translator is {DEFAULT_MT_MODEL}; the default summarizer is {DEFAULT_SUMMARIZER} "
        "(no model). Any Hugging Face hub id or local folder works too; sizes are approximate downloads."
    )


@models_app.command("pull")
def pull_model(
    name: str = typer.Argument(..., help="A preset name (brief models list) or a Hugging Face hub id."),
    revision: str | None = typer.Option(None, "--revision", help="Hub revision: commit, tag or branch."),
) -> None:
    """Download a model into the Hugging Face cache, so that brief can use it offline."""
    from brief.models import find_preset, pull

    preset = find_preset(name)
    role = preset.roles[0] if preset else "translation"
    with handle_errors():
        resolved = pull(name, role, revision)
    source, folder = display_path(resolved.source), display_path(resolved.local_dir)
    typer.echo(f"{source} is ready: {folder} (revision {resolved.revision or 'local'})")
    if resolved.commercial is False:
        typer.echo(f"note: {source} has a non-commercial licence ({resolved.licence})", err=True)


@dataclass(frozen=True)
class ServerProbe:
    """What ``brief models check openai:MODEL`` found on the server."""

    base_url: str  # without credentials
    listed: tuple[str, ...]  # the models the server lists (empty: it lists none and loads on demand)
    english: str  # its translation of PROBE_SENTENCE
    seconds: float  # the translation request's round trip
    problems: tuple[str, ...]  # what the translation check found wrong with it (empty: nothing)


def probe_server(model: str, api_base: str | None) -> ServerProbe:
    """Ask the server for its models, then for one short translation, timed; ServerUnavailableError
    (exit 2, with the URL tried and the fix) when it cannot be reached or does not have ``model``.
    The key comes from BRIEF_API_KEY or OPENAI_API_KEY and is never shown."""
    from brief.remote import ChatClient, ServerSettings, public_url, server_settings
    from brief.translate.check import TranslationChecker
    from brief.translate.remote import OpenAIBackend

    config = BriefConfig(
        api_base=api_base,
        api_key=os.environ.get("BRIEF_API_KEY") or os.environ.get("OPENAI_API_KEY") or None,
    )
    settings: ServerSettings = server_settings(config)
    client = ChatClient(model, settings, role="translation")
    client.check()  # the model list (or a one-token request when the server lists none)
    backend = OpenAIBackend(model, settings, per_request=1, max_new_tokens=32, client=client)
    start = time.perf_counter()
    english = backend.translate_batch([PROBE_SENTENCE])[0]
    seconds = time.perf_counter() - start
    problems = TranslationChecker().check(PROBE_SENTENCE, english)
    return ServerProbe(public_url(client.base_url), client.listed or (), english, seconds, problems)


def _server_row(name: str, api_base: str | None) -> tuple[tuple[str, ...], list[str], bool]:
    """The table row for ``openai:MODEL``, the lines to show under the table, and whether it works."""
    from brief.backends import split_kind
    from brief.remote import DEFAULT_API_BASE, public_url

    _, model = split_kind(name)
    try:
        found = probe_server(model, api_base)
    except ServerUnavailableError as error:
        where = public_url(api_base or DEFAULT_API_BASE)
        text = str(error)
        unknown = "has no such model" in text or "may not have this model" in text
        status = "not served" if unknown else "unreachable" if "cannot connect" in text else "failed"
        return (name, status, where), [str(error)], False
    served = "listed" if model in found.listed else "answered; the server lists no models"
    status = f"ready ({served}; one sentence in {found.seconds:.2f} s round trip)"
    shown = one_line(found.english)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    verdict = f"flagged: {'; '.join(found.problems)}" if found.problems else "passed"
    detail = [f"{name}: {PROBE_SENTENCE} -> {shown!r} ({found.seconds:.2f} s; translation check {verdict})"]
    return (name, status, found.base_url), detail, True


def _llamacpp_problem(resolved: ResolvedModel) -> str | None:
    """Why ``llamacpp:`` cannot run this model (not a GGUF file, or llama-cpp-python missing), or None."""
    from brief import llama

    if not resolved.gguf_file:
        return "the llamacpp backend runs a .gguf file; this model has none"
    if not llama.available():
        return llama.INSTALL_HINT
    return None


@models_app.command("check")
def check_models(
    names: list[str] | None = NAMES,
    api_base: str | None = API_BASE,
) -> None:
    """Say which models are usable offline (in the HF cache or on disk); never downloads.

    openai:MODEL asks the --api-base server (default: Ollama's) whether it serves MODEL, times one
    short translation and runs the translation check on it. Exits 0 when checking the presets; with
    NAMES, exits 2 when one is unusable.
    """
    from brief.backends import split_kind
    from brief.models import PRESETS, cached_revision, find_preset, hub_id_of, resolve

    rows: list[tuple[str, ...]] = [("model", "status", "where")]
    if not names:
        for preset in PRESETS.values():
            folder = cached_revision(preset.hub_id)
            status = f"ready (revision {folder.name[:12]})" if folder else "not cached"
            where = str(folder) if folder else f"brief models pull {preset.name}"
            rows.append((preset.name, status, where))
        typer.echo(_table(rows))
        return
    missing = 0
    notes: list[str] = []
    problems: list[str] = []
    for name in names:
        kind, model = split_kind(name)
        if kind == "openai":
            with handle_errors():  # a bad --api-base is a ConfigError, as in the other commands
                row, lines, works = _server_row(name, api_base)
            rows.append(row)
            (notes if works else problems).extend(lines)
            missing += not works
            continue
        found = find_preset(model)
        role = found.roles[0] if found else "translation"
        repo_id = hub_id_of(model)
        if repo_id is not None and cached_revision(repo_id) is None:  # never download here
            rows.append((name, "not cached", f"brief models pull {model}"))
            missing += 1
            continue
        try:
            resolved = resolve(model, role)
        except BriefError as error:
            rows.append((name, "unusable", str(error).splitlines()[0]))
            missing += 1
            continue
        unusable = _llamacpp_problem(resolved) if kind == "llamacpp" else None
        if unusable is not None:
            rows.append((name, "unusable", unusable))
            missing += 1
            continue
        revision = (resolved.revision or "local")[:12]
        rows.append((name, f"ready (revision {revision})", str(resolved.local_dir)))
    typer.echo(_table(rows))
    for line in notes:
        typer.echo(line)
    for problem in problems:
        typer.echo(f"brief: error: {problem}", err=True)
    if missing:
        raise typer.Exit(EXIT_MODEL)
