"""``--quiet`` means quiet: transformers' own progress bars and warnings do not reach stderr."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.reliability_support import run_brief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7787a1a13554aa61.txt"


BUILD_ARGS = ("--summarizer", "extractive", "--no-cache", "--beams", "1", "--max-new-tokens", "4", "--quiet")


def test_build_quiet_shows_no_transformers_progress_bar(tiny_marian: Path, tmp_path: Path) -> None:
    """In process (fast): the "Loading weights" bar writes to sys.stderr, which the runner captures."""
    from typer.testing import CliRunner

    from brief.cli import app

    out = tmp_path / "d.md"
    result = CliRunner().invoke(
        app, ["build", str(SEED), "-o", str(out), "--mt-model", str(tiny_marian), *BUILD_ARGS]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert out.is_file()


def test_build_quiet_shows_no_gguf_conversion_bar(tiny_qwen2: Path, tmp_path: Path) -> None:
    """A GGUF model is converted with a tqdm bar of its own, outside transformers' progress switch
    (``instruct:`` keeps it on transformers when llama-cpp-python is installed)."""
    from typer.testing import CliRunner

    from brief.cli import app
    from brief.testing import build_tiny_gguf

    gguf = build_tiny_gguf(tmp_path / "tiny.gguf", tiny_qwen2)
    out = tmp_path / "d.md"
    result = CliRunner().invoke(
        app, ["build", str(SEED), "-o", str(out), "--mt-model", f"instruct:{gguf}", *BUILD_ARGS]
    )
    assert result.exit_code == 0, result.stderr
    assert "de-quantizing" not in result.stderr
    assert result.stderr == ""


@pytest.mark.slow
def test_build_quiet_prints_nothing_on_stderr(tiny_marian: Path, tmp_path: Path) -> None:
    """A real process, so that transformers' tqdm bars and logging handler write to the real stderr."""
    out = tmp_path / "d.md"
    result = run_brief(["build", SEED, "-o", out, "--mt-model", tiny_marian, *BUILD_ARGS], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no "Loading weights" bar, no transformers warning, no "wrote" line
    assert out.is_file()


def test_quiet_transformers_restores_the_settings_after_the_command() -> None:
    from transformers.utils import logging as hf_logging

    from brief.cli.app import quiet_transformers

    before = (hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled())
    hf_logging.set_verbosity_info()
    hf_logging.enable_progress_bar()
    try:
        with quiet_transformers():
            assert hf_logging.get_verbosity() == hf_logging.ERROR
            assert not hf_logging.is_progress_bar_enabled()
        assert hf_logging.get_verbosity() == hf_logging.INFO
        assert hf_logging.is_progress_bar_enabled()
    finally:
        hf_logging.set_verbosity(before[0])
        (hf_logging.enable_progress_bar if before[1] else hf_logging.disable_progress_bar)()


def test_importing_the_cli_does_not_touch_transformers() -> None:
    """Library and CLI modules change no global state at import: transformers is not even imported."""
    import subprocess

    code = "import brief.cli, brief.cli.build, sys; print('transformers' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
