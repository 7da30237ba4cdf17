"""``brief config show``: the settings in force for each command and where each comes from."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from brief.cli.app import SETTINGS_KEY, app, emit_json
from brief.cli.settings import CONFIG_NAME, Settings, effective_settings
from brief.display import display_path, one_line

config_app = typer.Typer(
    help="Show the settings in force (brief.toml, BRIEF_* variables, defaults).", no_args_is_help=True
)
app.add_typer(config_app, name="config")


def _toml(value: Any) -> str | None:
    """A value as TOML (None: it has none)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


@config_app.command("show")
def show(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(help="Only this command (build, clean, ... or 'models pull').", show_default=False),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print a JSON object instead.")] = False,
) -> None:
    """Print every command's effective settings and where each came from (flag > env > file > default)."""
    root = ctx.find_root()
    settings: Settings = root.meta.get(SETTINGS_KEY) or Settings()
    rows = effective_settings(root.command, settings, os.environ)
    rows = [r for r in rows if not r.command.startswith("config")]
    if command:
        wanted = " ".join(command)
        rows = [r for r in rows if r.command == wanted]
        if not rows:
            typer.echo(f"brief: error: no command '{one_line(wanted)}'", err=True)
            raise typer.Exit(1)
    if json_output:
        emit_json(
            {
                "config_file": str(settings.path) if settings.path else None,
                "settings": [
                    {"command": r.command, "option": r.key, "value": r.value, "source": r.source}
                    for r in rows
                ],
            }
        )
        return
    lines = ["# brief settings: flags > environment (BRIEF_*) > config file > defaults"]
    if settings.path:
        lines.append(f"# config file: {display_path(Path(settings.path).resolve())}")
    else:
        lines.append(
            f"# config file: none (no --config, BRIEF_CONFIG, ./{CONFIG_NAME} or user {CONFIG_NAME})"
        )
    current = None
    for row in rows:
        if row.command != current:
            current = row.command
            lines += ["", "[" + ".".join(current.split()) + "]"]
        value = _toml(row.value)
        if value is None:
            lines.append(f"# {row.key} = (unset)  # {row.source}")
        else:
            lines.append(f"{row.key} = {value}  # {row.source}")
    typer.echo("\n".join(lines))
