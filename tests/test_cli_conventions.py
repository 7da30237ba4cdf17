"""What users expect of a CLI: --version, completion, readable grouped help, suggestions, cache
commands, and file names that cannot forge lines on stderr."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief import __version__
from brief.cli import app
from brief.cli.app import OneLineFormatter
from brief.display import display_path, one_line
from brief.errors import EXIT_BAD_INPUT, EXIT_MODEL, EXIT_OK
from brief.translate.cache import TranslationCache

RUNNER = CliRunner()


def test_version() -> None:
    result = RUNNER.invoke(app, ["--version"])
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"brief {__version__}\n"


def test_shell_completion_script_and_answers() -> None:
    script = RUNNER.invoke(app, ["--show-completion", "bash"], prog_name="brief")
    assert script.exit_code == EXIT_OK and "_BRIEF_COMPLETE=complete_bash" in script.stdout

    def complete(words: str) -> list[str]:
        env = {
            "_BRIEF_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        return RUNNER.invoke(app, [], prog_name="brief", env=env).stdout.split()

    assert complete("brief bu") == ["build"]
    assert "--mt-model" in complete("brief build --mt-")
    assert complete("brief cache c") == ["clear"]


def test_help_groups_options_with_readable_metavars_and_defaults() -> None:
    result = RUNNER.invoke(app, ["build", "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == EXIT_OK
    text = result.stdout
    for panel in ("Input", "Output", "Digest", "Models", "Cache"):
        assert re.search(rf"╭─ {panel} ─", text), panel
    assert "<list[Path]>" not in text  # FILE / DIR / N / PATH, not Python types
    assert "<bool>" not in text and "<str>" not in text
    assert re.search(r"--people\s+FILE", text) and re.search(r"--cache-dir\s+DIR", text)
    assert re.search(r"--batch-size\s+N\s", text) and "[default: 32]" in text
    assert "[PATH]..." in text  # optional since build --sources; clean still requires it
    assert "BRIEF_*" in text  # the epilog names the settings scheme
    assert "{PATH}..." in RUNNER.invoke(app, ["clean", "--help"], env={"COLUMNS": "160"}).stdout


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = RUNNER.invoke(app, ["bulid", "x"])
    assert result.exit_code != EXIT_OK
    assert "Did you mean 'build'?" in result.output


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("opus-mt-ko-e", "opus-mt-ko-en"),
        ("opus-mt-tc-big-ko-eng", "opus-mt-tc-big-ko-en"),
        ("nllb-200-distiled-600M", "nllb-200-distilled-600M"),
    ],
)
def test_a_mistyped_preset_gets_a_suggestion(typed: str, meant: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("정부는 26일 발표했다.\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["translate", str(article), "--mt-model", typed], env={"HF_HUB_OFFLINE": "1"})
    assert result.exit_code == EXIT_MODEL
    assert f"did you mean '{meant}'?" in result.stderr


def test_no_suggestion_for_a_name_far_from_every_preset() -> None:
    from brief.models import preset_suggestion

    assert preset_suggestion("someone/their-own-model") == ""
    assert preset_suggestion("extractiv", "summarization") == "; did you mean 'extractive'?"


# ---------------------------------------------------------------- cache
def _filled_cache(folder: Path) -> Path:
    cache = TranslationCache(folder / "translations.sqlite3")
    cache.put_many([(f"k{i}", f"문장 {i}.", f"Sentence {i}.") for i in range(5)], signature="test")
    cache.put_segments({"p1": [(0, 3)]})
    cache.close()
    return folder / "translations.sqlite3"


def test_cache_info_and_clear(tmp_path: Path) -> None:
    _filled_cache(tmp_path)
    info = RUNNER.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path), "--json"])
    assert info.exit_code == EXIT_OK, info.output
    report = json.loads(info.stdout)
    assert report["rows"] == {"translations": 5, "segments": 1, "token_counts": 0}
    assert report["exists"] and report["bytes"] > 0
    assert report["path"] == str(tmp_path / "translations.sqlite3")
    text = RUNNER.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path)]).stdout
    assert "translations: 5" in text
    refused = RUNNER.invoke(app, ["cache", "clear", "--cache-dir", str(tmp_path)], input="")
    assert refused.exit_code == EXIT_BAD_INPUT and "pass --yes" in refused.stderr
    cleared = RUNNER.invoke(app, ["cache", "clear", "--cache-dir", str(tmp_path), "--yes"])
    assert cleared.exit_code == EXIT_OK and "cleared 5 translations" in cleared.stderr
    after = json.loads(RUNNER.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path), "--json"]).stdout)
    assert after["rows"] == {"translations": 0, "segments": 0, "token_counts": 0}


def test_cache_info_creates_nothing(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path / "none")])
    assert result.exit_code == EXIT_OK and "no file yet" in result.stdout
    assert not (tmp_path / "none").exists()


def test_the_cache_folder_comes_from_the_environment_too(tmp_path: Path) -> None:
    _filled_cache(tmp_path)
    result = RUNNER.invoke(app, ["cache", "info", "--json"], env={"BRIEF_CACHE_DIR": str(tmp_path)})
    assert json.loads(result.stdout)["rows"]["translations"] == 5


# ---------------------------------------------------------------- names in messages
FORGED = "brief: skipped FAKE.txt: forged"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\nb.txt", "a\\nb.txt"),
        ("a\rb.txt", "a\\rb.txt"),
        ("a\x1b[2Jb.txt", "a\\x1b[2Jb.txt"),
        ("a\u2028b.txt", "a\\u2028b.txt"),
        ("기사 1.txt", "기사 1.txt"),
    ],
)
def test_display_path_keeps_a_name_on_one_visible_line(name: str, shown: str) -> None:
    assert display_path(Path(name)) == shown
    assert one_line(name).isprintable()


def test_a_file_name_with_a_newline_cannot_forge_a_stderr_line(tmp_path: Path) -> None:
    evil = tmp_path / f"x\n{FORGED}\n.txt"
    evil.write_text("", encoding="utf-8")  # empty: skipped, so its name is printed
    missing = tmp_path / f"gone\n{FORGED}.txt"
    result = RUNNER.invoke(app, ["clean", str(evil), str(missing)])
    assert result.exit_code == EXIT_BAD_INPUT
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"brief: skipped {tmp_path}") for line in lines)
    assert not any(line.startswith(FORGED) for line in lines)
    assert "\\n" in lines[0]


def test_error_messages_escape_names_too(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["quotes", str(tmp_path / "a.txt"), "--people", f"p\n{FORGED}.toml"])
    assert result.exit_code == EXIT_BAD_INPUT
    assert len(result.stderr.splitlines()) == 1 and "p\\nbrief: skipped" in result.stderr


def test_log_lines_are_one_line_each() -> None:
    record = logging.LogRecord("brief", logging.WARNING, __file__, 1, "%s: left out", (f"a\n{FORGED}",), None)
    text = OneLineFormatter("brief: %(levelname)s: %(message)s").format(record)
    assert "\n" not in text and text.startswith("brief: WARNING: a\\nbrief: skipped")
