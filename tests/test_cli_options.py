"""The model commands share their model options: each one accepts what the README says they all take."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from brief.cli import app

SHARED = (
    "--mt-model", "--mt-backend", "--mt-revision", "--device", "--dtype", "--batch-size", "--beams",
    "--max-new-tokens", "--no-cache", "--cache-dir", "--people", "--glossary", "--max-bytes", "--summarizer",
)  # fmt: skip


@pytest.mark.parametrize("command", ["summarize", "build"])
def test_model_commands_take_every_shared_option(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    missing = [option for option in SHARED if option not in result.stdout]
    assert not missing, f"brief {command} lacks {missing}"


def test_translate_takes_the_translation_options() -> None:
    result = CliRunner().invoke(app, ["translate", "--help"], env={"COLUMNS": "200"})
    missing = [option for option in SHARED if option != "--summarizer" and option not in result.stdout]
    assert result.exit_code == 0 and not missing, missing
