"""`brief models list | pull | check` through Typer's CliRunner (offline)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.models import PRESETS

runner = CliRunner()


def test_list_shows_every_preset_with_licence() -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0, result.output
    for preset in PRESETS.values():
        assert preset.name in result.output
        assert preset.hub_id in result.output
    nllb = next(line for line in result.output.splitlines() if line.startswith("nllb-200"))
    assert "CC-BY-NC-4.0" in nllb
    assert "NO (non-commercial" in nllb
    assert "opus-mt-tc-big-ko-en (default)" in result.output


def test_list_json() -> None:
    result = runner.invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [row["name"] for row in rows] == list(PRESETS)
    assert rows[0]["licence"] == "CC-BY-4.0"


def test_pull_offline_fails_fast_with_the_fix() -> None:
    result = runner.invoke(app, ["models", "pull", "opus-mt-ko-en"])
    assert result.exit_code == 2
    assert "opus-mt-ko-en" in result.output
    assert "brief models pull opus-mt-ko-en" in result.output
    assert "--mt-model /path/to/model-folder" in result.output
    assert "Traceback" not in result.output


def test_check_lists_presets_and_exits_0() -> None:
    result = runner.invoke(app, ["models", "check"])
    assert result.exit_code == 0
    for name in PRESETS:
        assert name in result.output
    assert "not cached" in result.output


def test_check_named_models(tiny_marian: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["models", "check", str(tiny_marian)])
    assert result.exit_code == 0, result.output
    assert "ready" in result.output
    result = runner.invoke(app, ["models", "check", str(tiny_marian), "opus-mt-ko-en", str(tmp_path)])
    assert result.exit_code == 2
    assert "not cached" in result.output
    assert "no config.json" in result.output


def test_pull_and_check_a_cached_model(
    tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    commit = "a" * 40
    repo = tmp_path / "models--Helsinki-NLP--opus-mt-ko-en"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    shutil.copytree(tiny_marian, repo / "snapshots" / commit)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    result = runner.invoke(app, ["models", "pull", "opus-mt-ko-en"])
    assert result.exit_code == 0, result.output
    assert commit in result.output
    result = runner.invoke(app, ["models", "check"])
    line = next(line for line in result.output.splitlines() if line.startswith("opus-mt-ko-en"))
    assert "ready (revision aaaaaaaaaaaa)" in line
