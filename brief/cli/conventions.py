"""How options look in ``--help``, for every command at once: grouped panels and readable metavars.

One table per concern, keyed by the option's long name, applied to the whole command tree when the
app is built; an option missing from a table gets a readable metavar from its type and lands in the
default "Options" panel, so a new option needs no code here (a line in a table, at most).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args, get_origin

from brief.cli.settings import iter_commands, option_key

__all__ = ["HELP_PANELS", "METAVARS", "apply_conventions"]

_INPUT, _OUTPUT, _DIGEST, _MODELS, _CACHE, _FETCH = "Input", "Output", "Digest", "Models", "Cache", "Fetch"

HELP_PANELS: dict[str, str] = {
    "max-bytes": _INPUT,
    "people": _INPUT,
    "glossary": _INPUT,
    "output": _OUTPUT,
    "html": _OUTPUT,
    "json": _OUTPUT,
    "json-out": _OUTPUT,
    "quiet": _OUTPUT,
    "front-matter": _OUTPUT,  # options other branches add: a line here is all they need
    "flavor": _OUTPUT,
    "week": _DIGEST,
    "since": _DIGEST,
    "until": _DIGEST,
    "speaker-first": _DIGEST,
    "mt-model": _MODELS,
    "mt-backend": _MODELS,
    "mt-revision": _MODELS,
    "summarizer": _MODELS,
    "summarizer-revision": _MODELS,
    "device": _MODELS,
    "dtype": _MODELS,
    "batch-size": _MODELS,
    "beams": _MODELS,
    "max-new-tokens": _MODELS,
    "api-base": _MODELS,
    "concurrency": _MODELS,
    "sentences-per-request": _MODELS,
    "no-cache": _CACHE,
    "cache-dir": _CACHE,
    "sources": _FETCH,
    "into": _FETCH,
    "allow-private": _FETCH,
    "fetch-delay": _FETCH,
}

METAVARS: dict[str, str] = {
    "output": "FILE",
    "json-out": "FILE",
    "people": "FILE",
    "glossary": "FILE",
    "cache-dir": "DIR",
    "week": "YYYY-Www",
    "since": "YYYY-MM-DD",
    "until": "YYYY-MM-DD",
    "speaker-first": "NAME",
    "mt-model": "MODEL",
    "summarizer": "MODEL",
    "mt-revision": "REV",
    "summarizer-revision": "REV",
    "revision": "REV",
    "api-base": "URL",
    "flavor": "FLAVOR",
    "mt-backend": "BACKEND",
    "device": "DEVICE",
    "dtype": "DTYPE",
    "max-bytes": "BYTES",
    "sources": "FILE",
    "into": "DIR",
    "fetch-delay": "SECONDS",
    "delay": "SECONDS",
    "timeout": "SECONDS",
    "backoff": "SECONDS",
    "max-page-bytes": "BYTES",
}
_BY_TYPE = {int: "N", float: "X", str: "TEXT", bool: ""}


def _type_metavar(param: Any) -> str | None:
    """A readable metavar from a typer option's Python type (None: leave it to the library)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return None
    annotation = descriptor.annotation
    if get_origin(annotation) is list:
        annotation = (get_args(annotation) or (str,))[0]
    if descriptor.is_path or annotation is Path:
        return "PATH"
    return _BY_TYPE.get(annotation)


def _no_type(ctx: Any) -> None:
    return None


def _switch_help(get_help_option: Any) -> Any:
    """The command's own ``get_help_option``, with ``--help`` shown as the switch it is (no "<bool>")."""

    def wrapped(ctx: Any) -> Any:
        option = get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    return wrapped


def apply_conventions(group: Any) -> None:
    """Panels, metavars and quiet env-var hints for every option of every command under ``group``."""
    for _, command in iter_commands(group):
        command.get_help_option = _switch_help(command.get_help_option)
        for param in command.params:
            key = option_key(param)
            if getattr(param, "param_type_name", "") == "argument":
                if param.metavar is None and param.name:
                    name = param.name.upper()
                    several = param.multiple or param.nargs != 1
                    param.metavar = name[:-1] if several and name.endswith("S") else name  # "{PATH}..."
                    param.display_type_rich = _no_type  # the name says it: no "<list[Path]>" beside it
                continue
            if key is None:
                continue
            if getattr(param, "is_flag", False):
                param.metavar = ""  # a switch takes no value: no "<bool>"
            elif param.metavar is None:
                param.metavar = METAVARS.get(key) or _type_metavar(param)
            if getattr(param, "rich_help_panel", None) is None and key in HELP_PANELS:
                param.rich_help_panel = HELP_PANELS[key]
            param.show_envvar = False  # the epilog names the BRIEF_* scheme once
