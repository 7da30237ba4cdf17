"""The model commands share their model options: each one accepts what the README says they all take."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.errors import EXIT_BAD_INPUT

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


# ---------------------------------------------------------------- one declaration for all three
MODEL_COMMANDS = ("translate", "summarize", "build")


def _model_params(command: str) -> dict[str, tuple[object, ...]]:
    """--option -> (its names, default, help, environment variable, flag?) as the command declares it."""
    import typer.main

    from brief.cli.model_options import ModelChoices

    group = typer.main.get_command(app)
    names = {f.name for f in dataclasses.fields(ModelChoices)}
    found = {}
    for param in group.commands[command].params:  # type: ignore[attr-defined]
        if param.name in names:
            found[param.opts[0]] = (
                tuple(param.opts), param.default, param.help, param.envvar, getattr(param, "is_flag", None)
            )  # fmt: skip
    return found


def test_the_three_commands_declare_the_model_options_alike() -> None:
    from brief.cli.model_options import option_names

    translate, summarize, build = (_model_params(command) for command in MODEL_COMMANDS)
    assert summarize == build
    assert list(build) == list(option_names(summaries=True))
    assert list(translate) == list(option_names(summaries=False))
    assert set(build) - set(translate) == {"--summarizer", "--summarizer-revision"}
    assert all(translate[name] == build[name] for name in translate)
    assert build["--concurrency"][1] == 4 and build["--sentences-per-request"][1] == 8
    assert build["--api-base"][3] == "BRIEF_API_BASE" and build["--mt-model"][3] == "BRIEF_MT_MODEL"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--concurrency", "0"], "--concurrency must be between 1 and 256, got 0"),
        (["--sentences-per-request", "65"], "--sentences-per-request must be between 1 and 64, got 65"),
        (["--device", "gpu"], "--device must be one of auto, cpu, cuda, mps or cuda:N, got 'gpu'"),
        (["--api-base", "localhost:8080"], "--api-base must be an http(s) URL"),
        (["--mt-model", "openai:"], "--mt-model openai: needs the server's model name"),
    ],
)
def test_a_bad_model_option_reads_the_same_in_every_command(
    args: list[str], message: str, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("서울 = 연합뉴스\n\n정부는 예산을 늘렸다.\n", encoding="utf-8")
    errors = set()
    for command in MODEL_COMMANDS:
        result = CliRunner().invoke(app, [command, str(article), *args, "--no-cache"])
        assert result.exit_code == EXIT_BAD_INPUT, (command, result.output)
        assert message in result.stderr, (command, result.stderr)
        errors.add(result.stderr)
    assert len(errors) == 1, errors


def test_a_bad_model_setting_in_the_file_reads_the_same_in_every_command(tmp_path: Path) -> None:
    """The config file sets the option for all three; the check names the file and line the same way."""
    article = tmp_path / "a.txt"
    article.write_text("정부는 예산을 늘렸다.\n", encoding="utf-8")
    config = tmp_path / "brief.toml"
    config.write_text('concurrency = "many"\n', encoding="utf-8")
    for command in MODEL_COMMANDS:
        result = CliRunner().invoke(app, [command, str(article), "--config", str(config)])
        assert result.exit_code != 0
        assert "brief.toml:1: bad value 'many' for 'concurrency'" in result.stderr, (command, result.stderr)


def test_a_model_option_from_the_environment_reaches_every_command(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("정부는 예산을 늘렸다.\n", encoding="utf-8")
    for command in MODEL_COMMANDS:
        result = CliRunner().invoke(app, [command, str(article)], env={"BRIEF_SENTENCES_PER_REQUEST": "0"})
        assert result.exit_code == EXIT_BAD_INPUT, (command, result.output)
        assert "--sentences-per-request must be between 1 and 64, got 0" in result.stderr


def test_the_model_options_default_to_the_library_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from brief.cli.model_options import ModelChoices
    from brief.config import BriefConfig

    monkeypatch.delenv("BRIEF_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert ModelChoices().config() == BriefConfig()


def test_the_backend_option_names_every_registered_translation_kind() -> None:
    from brief.backends import kinds
    from brief.cli.model_options import MT_BACKEND

    assert all(kind in (MT_BACKEND.help or "") for kind in kinds("translation"))
