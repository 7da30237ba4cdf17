"""The command line: a thin layer from options to config to pipeline. Each command lives in its own module."""

from __future__ import annotations

from brief.cli import build, clean, models, quotes, summarize, translate  # noqa: F401  (registers commands)
from brief.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
