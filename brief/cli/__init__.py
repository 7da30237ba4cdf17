"""The command line: a thin layer from options to config to pipeline. Each command lives in its own module."""

from __future__ import annotations

import sys

from typer import Abort

from brief.cli import (  # noqa: F401  (registers commands)
    build,
    cache,
    clean,
    config,
    fetch,
    models,
    quotes,
    summarize,
    translate,
)
from brief.cli.app import app, setup_logging
from brief.errors import EXIT_BAD_INPUT

try:  # recent typer carries its own copy of click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - typer on plain click
    from click.exceptions import UsageError  # type: ignore[assignment]

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point.

    Click reports usage errors with exit code 2, which brief keeps for "model unavailable";
    here they exit 1 (bad input or usage), as documented.
    """
    setup_logging(verbose=False)  # library warnings (a non-commercial licence...): "brief: WARNING: ..."
    try:
        code = app(standalone_mode=False)
    except UsageError as error:
        error.show()
        code = EXIT_BAD_INPUT
    except Abort:
        sys.stderr.write("brief: interrupted\n")
        code = 130
    sys.exit(code if isinstance(code, int) else 0)
