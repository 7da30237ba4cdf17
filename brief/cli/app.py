"""The Typer application and what every command shares: config building, JSON output, error mapping."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperGroup

from brief.cli.settings import attach_environment, iter_commands, load_settings, split_config_flag
from brief.config import BriefConfig
from brief.display import display_path, one_line
from brief.errors import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    BriefError,
    ConfigError,
    InputError,
    ModelUnavailableError,
)
from brief.records import Failure, to_jsonable

if TYPE_CHECKING:
    from brief.ingest import StreamInput

__all__ = [
    "MAX_BYTES",
    "SETTINGS_KEY",
    "BriefGroup",
    "app",
    "emit_json",
    "exit_for",
    "fail",
    "handle_errors",
    "models_app",
    "quiet_transformers",
    "read_inputs",
    "report_failures",
    "strict_exit",
]

SETTINGS_KEY = "brief.settings"  # where the root context keeps the Settings it loaded (ctx.meta)
SETTINGS_EPILOG = (
    "Every option can also be set in brief.toml or a BRIEF_* environment variable"
    " (flags > environment > file > defaults); --config FILE names the file; see `brief config show`."
)


class BriefGroup(TyperGroup):
    """The root command: every option of every command takes its default from the config file and
    the environment (see ``brief.cli.settings``), whichever command adds it."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        from brief.cli.conventions import apply_conventions

        attach_environment(self)
        apply_conventions(self)
        for _, command in iter_commands(self):
            command.epilog = command.epilog or SETTINGS_EPILOG

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:  # --version, --help and the completion switches take no value: no "<bool>"
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            explicit, args = split_config_flag(list(args))
            settings = load_settings(self, explicit, Path.cwd(), os.environ)
        except BriefError as error:
            if ctx.resilient_parsing:  # shell completion: never print
                return super().parse_args(ctx, args)
            fail(error)
        ctx.meta[SETTINGS_KEY] = settings
        if settings.defaults:
            ctx.default_map = {**(ctx.default_map or {}), **settings.default_map()}
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=BriefGroup,
    name="brief",
    help="Turn Korean news articles into English briefings with attributed quotes.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        from brief._version import __version__

        typer.echo(f"brief {__version__}")
        raise typer.Exit(0)


VERSION = typer.Option(
    False, "--version", is_eager=True, callback=_show_version, help="Print brief's version and exit."
)
CONFIG = typer.Option(  # documented here; BriefGroup.parse_args takes it off the command line first
    None,
    "--config",
    metavar="FILE",
    help="Settings file (default: ./brief.toml, else the user's brief.toml); also after the command.",
)


@app.callback()
def _root(version: bool = VERSION, config: Path | None = CONFIG) -> None:
    """Turn Korean news articles into English briefings with attributed quotes."""


models_app = typer.Typer(help="List, download and check the models brief can use.", no_args_is_help=True)
app.add_typer(models_app, name="models")


def _echo_err(message: str) -> None:
    typer.echo(message, err=True)


def error_text(error: BriefError) -> str:
    """A BriefError as it is printed: names that came from outside (files, models) cannot add lines."""
    if isinstance(error, InputError):
        return f"{display_path(error.path)}: {one_line(error.problem)}"
    if isinstance(error, ModelUnavailableError):  # several lines by design; the name in it is escaped
        return str(error)
    return one_line(str(error))


def fail(error: BriefError) -> NoReturn:
    """Print a BriefError for a person and exit with its code."""
    _echo_err(f"brief: error: {error_text(error)}")
    raise typer.Exit(error.exit_code)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn BriefError into a message and an exit code; never show a traceback for them."""
    try:
        yield
    except BriefError as error:
        fail(error)
    except KeyboardInterrupt:
        _echo_err("brief: interrupted")
        raise typer.Exit(130) from None


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers for the length of a model command, then put its settings back.

    Its "Loading weights" progress bars and its warnings ("Token indices sequence length is longer
    than...", "Both max_new_tokens and max_length...") are about things brief handles itself, and
    they reached stderr even with --quiet. Errors still show. Only the model commands use this, so
    ``brief clean`` / ``brief quotes`` never import transformers; without transformers it does nothing.
    """
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover - model commands then fail with their own clear error
        yield
        return
    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    # GGUF loading draws its "Converting and de-quantizing" bar with plain tqdm, which the switch
    # above does not reach: hand that module a tqdm that is off, for the length of the command.
    gguf_utils: Any = None
    with suppress(ImportError):  # a transformers without GGUF support has no such bar
        import transformers.modeling_gguf_pytorch_utils as gguf_utils
    gguf_tqdm = getattr(gguf_utils, "tqdm", None)
    if gguf_tqdm is not None:
        gguf_utils.tqdm = functools.partial(gguf_tqdm, disable=True)
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
        if gguf_tqdm is not None:
            gguf_utils.tqdm = gguf_tqdm


def report_failures(failures: Sequence[Failure]) -> None:
    """Name each input that was skipped, on stderr."""
    for failure in failures:
        _echo_err(f"brief: skipped {display_path(failure.source)}: {one_line(failure.message)}")


def exit_for(produced: int, failures: Sequence[Failure]) -> int:
    """0 when all went well, 3 when some inputs were skipped, 1 when nothing could be used."""
    if not failures:
        return EXIT_OK
    return EXIT_PARTIAL if produced else EXIT_BAD_INPUT


def strict_exit(translated: Sequence[Any], strict: bool, code: int) -> int:
    """``code``, or 3 (EXIT_PARTIAL) with --strict when the check flagged any translated sentence
    (the output is written first, so the flagged sentences can be read)."""
    from brief.translate.check import flagged

    count = sum(flagged(p.notes) for t in translated for p in t.sentences)
    if strict and count:
        _echo_err(f"brief: error: --strict: the translation check flagged {count} sentence(s)")
        return max(code, EXIT_PARTIAL)
    return code


def emit_json(value: Any) -> None:
    """Write records as JSON on stdout."""
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


class OneLineFormatter(logging.Formatter):
    """Log records on one line each: a file name with a newline or an escape sequence stays visible."""

    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="brief: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    for handler in logging.getLogger().handlers:
        if isinstance(handler.formatter, logging.Formatter) and not isinstance(
            handler.formatter, OneLineFormatter
        ):
            handler.setFormatter(OneLineFormatter(handler.formatter._fmt))


PATHS_HELP = "Article files (.txt, .html) and folders (searched recursively); - reads one from stdin."
STDIN = "-"


def read_inputs(paths: Sequence[Path], max_bytes: int) -> list[Path | StreamInput]:
    """``paths`` with ``-`` replaced by the article on standard input (read once, at most max_bytes + 1)."""
    from brief.ingest import StreamInput

    inputs: list[Path | StreamInput] = []
    for path in paths:
        if str(path) != STDIN:
            inputs.append(path)
        elif not any(isinstance(i, StreamInput) for i in inputs):
            if sys.stdin is None or sys.stdin.isatty():
                raise ConfigError(
                    "- reads an article from standard input, but none is piped in"
                    " (e.g. curl -s URL | brief clean -)"
                )
            inputs.append(StreamInput(sys.stdin.buffer.read(max_bytes + 1)))
    return inputs


JSON_OUT = typer.Option(False, "--json", help="Print a JSON array, one object per article.")
# shared by every command that reads articles (clean, quotes, translate, summarize, build)
DEFAULT_MAX_BYTES = BriefConfig().max_file_bytes
MAX_BYTES = typer.Option(
    DEFAULT_MAX_BYTES,
    "--max-bytes",
    min=1,
    help=f"Skip article files larger than this many bytes (default {DEFAULT_MAX_BYTES:,}).",
    show_default=False,
)
