"""``brief models``: list the presets, download one into the HF cache, check what works offline."""

from __future__ import annotations

import typer

from brief.cli.app import emit_json, handle_errors, models_app
from brief.config import DEFAULT_MT_MODEL, DEFAULT_SUMMARIZER
from brief.display import display_path
from brief.errors import EXIT_MODEL, BriefError

NAMES = typer.Argument(None, help="Models to check (presets, hub ids or paths); default: every preset.")
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


@models_app.command("check")
def check_models(
    names: list[str] | None = NAMES,
) -> None:
    """Say which models are usable offline (in the HF cache or on disk); never downloads.

    Exits 0 when checking the presets; with NAMES, exits 2 when one of them is unusable.
    """
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
    for name in names:
        found = find_preset(name)
        role = found.roles[0] if found else "translation"
        repo_id = hub_id_of(name)
        if repo_id is not None and cached_revision(repo_id) is None:  # never download here
            rows.append((name, "not cached", f"brief models pull {name}"))
            missing += 1
            continue
        try:
            resolved = resolve(name, role)
        except BriefError as error:
            rows.append((name, "unusable", str(error).splitlines()[0]))
            missing += 1
            continue
        revision = (resolved.revision or "local")[:12]
        rows.append((name, f"ready (revision {revision})", str(resolved.local_dir)))
    typer.echo(_table(rows))
    if missing:
        raise typer.Exit(EXIT_MODEL)
