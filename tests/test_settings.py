"""Option defaults from brief.toml and BRIEF_* variables: precedence, discovery, errors, `config show`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from brief.cli import app
from brief.cli.app import BriefGroup
from brief.errors import EXIT_BAD_INPUT, EXIT_OK
from tests.reliability_support import GOOD_ARTICLE

RUNNER = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SIZE = len(GOOD_ARTICLE.encode())


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(GOOD_ARTICLE, encoding="utf-8")
    return path


def _config(folder: Path, text: str, name: str = "settings.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _clean(*args: str, env: dict[str, str] | None = None) -> int:
    return RUNNER.invoke(app, ["clean", *args], env=env).exit_code


# max-bytes decides the outcome: below the article's size it is skipped (exit 1), above it is read (0)
SMALL, LARGE = "10", str(SIZE * 10)


@pytest.mark.parametrize(
    ("file", "env", "flag", "expected"),
    [
        (None, None, None, EXIT_OK),  # built-in default: 5 MB
        (SMALL, None, None, EXIT_BAD_INPUT),  # the file beats the default
        (SMALL, LARGE, None, EXIT_OK),  # the environment beats the file
        (LARGE, SMALL, None, EXIT_BAD_INPUT),
        (SMALL, SMALL, LARGE, EXIT_OK),  # the flag beats both
        (LARGE, LARGE, SMALL, EXIT_BAD_INPUT),
    ],
)
def test_flags_beat_environment_beat_file_beat_defaults(
    tmp_path: Path, article: Path, file: str | None, env: str | None, flag: str | None, expected: int
) -> None:
    args = [str(article)]
    if file is not None:
        args += ["--config", str(_config(tmp_path, f"max-bytes = {file}\n"))]
    if flag is not None:
        args += ["--max-bytes", flag]
    assert _clean(*args, env={"BRIEF_MAX_BYTES": env} if env else None) == expected


def test_a_command_table_wins_over_the_top_level(tmp_path: Path, article: Path) -> None:
    config = _config(tmp_path, f"max-bytes = {LARGE}\n\n[clean]\nmax-bytes = {SMALL}\n\n[quotes]\n")
    assert _clean(str(article), "--config", str(config)) == EXIT_BAD_INPUT
    result = RUNNER.invoke(app, ["quotes", str(article), "--config", str(config)])
    assert result.exit_code == EXIT_OK  # quotes keeps the top-level value


def test_config_may_come_before_the_command_too(tmp_path: Path, article: Path) -> None:
    config = _config(tmp_path, f"max-bytes = {SMALL}\n")
    assert RUNNER.invoke(app, ["--config", str(config), "clean", str(article)]).exit_code == EXIT_BAD_INPUT
    assert RUNNER.invoke(app, ["clean", f"--config={config}", str(article)]).exit_code == EXIT_BAD_INPUT


def test_brief_toml_in_the_working_folder_then_the_user_folder(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, user = tmp_path / "work", tmp_path / "xdg"
    work.mkdir()
    (user / "brief").mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user))
    assert _clean(str(article)) == EXIT_OK  # neither file exists
    _config(user / "brief", f"max-bytes = {SMALL}\n", "brief.toml")
    assert _clean(str(article)) == EXIT_BAD_INPUT  # the user's file
    _config(work, f"max-bytes = {LARGE}\n", "brief.toml")
    assert _clean(str(article)) == EXIT_OK  # the working folder's file comes first
    monkeypatch.setenv("BRIEF_CONFIG", str(user / "brief" / "brief.toml"))
    assert _clean(str(article)) == EXIT_BAD_INPUT  # BRIEF_CONFIG names one


def test_a_boolean_flag_from_the_environment_and_the_file(tmp_path: Path, article: Path) -> None:
    def speech_kinds(*args: str, env: dict[str, str] | None = None) -> set[str]:
        result = RUNNER.invoke(app, ["quotes", str(article), "--json", *args], env=env)
        assert result.exit_code == EXIT_OK, result.output
        return {q["kind"] for a in json.loads(result.stdout) for q in a["quotes"]}

    extra = "김영섭 KT 대표는 데이터센터 투자를 크게 늘리겠다고 밝혔다.\n\n홍길동 기자"
    article.write_text(GOOD_ARTICLE.replace("홍길동 기자 hong", extra + " hong"), encoding="utf-8")
    assert speech_kinds() == {"direct", "reported"}
    assert speech_kinds(env={"BRIEF_DIRECT_ONLY": "1"}) == {"direct"}
    assert speech_kinds("--config", str(_config(tmp_path, "direct-only = true\n"))) == {"direct"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("max-bytes = 10\n\nmt-modle = 'x'\n", 3, ["unknown setting 'mt-modle'", "did you mean 'mt-model'"]),
        ("[clean]\nmax-bytes = 10\nmt-model = 'x'\n", 3, ["'clean' has no option 'mt-model'"]),
        ("# weekly\n[buidl]\nquiet = true\n", 2, ["unknown table 'buidl'", "did you mean 'build'"]),
        ("[build]\nbatch-size = 'many'\n", 2, ["bad value 'many' for 'batch-size'"]),
        ("[models.pul]\nrevision = 'x'\n", 1, ["unknown table 'pul'", "did you mean 'pull'"]),
    ],
)
def test_bad_settings_name_the_file_and_line(
    tmp_path: Path, article: Path, text: str, line: int, words: list[str]
) -> None:
    config = _config(tmp_path, text)
    result = RUNNER.invoke(app, ["clean", str(article), "--config", str(config)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"{config}:{line}: " in result.stderr
    for word in words:
        assert word in result.stderr


def test_invalid_toml_and_a_missing_file_are_errors(tmp_path: Path, article: Path) -> None:
    broken = _config(tmp_path, "max-bytes = = 3\n")
    result = RUNNER.invoke(app, ["clean", str(article), "--config", str(broken)])
    assert (
        result.exit_code == EXIT_BAD_INPUT and "not valid TOML" in result.stderr and "line 1" in result.stderr
    )
    result = RUNNER.invoke(app, ["clean", str(article), "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == EXIT_BAD_INPUT and "none.toml: no such file" in result.stderr


def test_relative_paths_are_relative_to_the_config_file(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    (folder / "people.toml").write_text("", encoding="utf-8")
    config = _config(folder, 'people = ["people.toml"]\n')
    monkeypatch.chdir(tmp_path)  # people.toml is not in the working folder
    result = RUNNER.invoke(app, ["quotes", str(article), "--config", str(config)])
    assert result.exit_code == EXIT_OK, result.stderr


def test_config_show_prints_each_value_and_its_source(tmp_path: Path) -> None:
    config = _config(tmp_path, 'mt-model = "my-model"\n\n[build]\nquiet = true\n')
    result = RUNNER.invoke(
        app,
        ["config", "show", "build", "--config", str(config)],
        env={"BRIEF_DEVICE": "cpu", "BRIEF_GLOSSARY": "a.toml:b.toml"},
    )
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert f'mt-model = "my-model"  # file {config}:1' in lines
    assert f"quiet = true  # file {config}:4" in lines
    assert 'device = "cpu"  # env BRIEF_DEVICE' in lines
    assert 'glossary = ["a.toml", "b.toml"]  # env BRIEF_GLOSSARY' in lines
    assert "batch-size = 32  # default" in lines
    data = json.loads(RUNNER.invoke(app, ["config", "show", "--json", "--config", str(config)]).stdout)
    by_command = {(s["command"], s["option"]): s for s in data["settings"]}
    assert by_command["translate", "mt-model"]["source"] == f"file {config}:1"  # top level: every command
    assert by_command["clean", "max-bytes"]["source"] == "default"


def test_an_option_a_command_gains_later_is_covered_without_more_code(tmp_path: Path) -> None:
    later = typer.Typer(cls=BriefGroup)
    seen: list[tuple[str, int]] = []

    @later.command()
    def newer(colour: str = typer.Option("red", "--colour"), count: int = 1) -> None:
        seen.append((colour, count))

    @later.command()
    def other() -> None:  # a second command, so that the group keeps its command names
        pass

    config = _config(tmp_path, '[newer]\ncolour = "blue"\n')
    assert RUNNER.invoke(later, ["newer", "--config", str(config)]).exit_code == 0
    assert RUNNER.invoke(later, ["newer"], env={"BRIEF_COLOUR": "green", "BRIEF_COUNT": "3"}).exit_code == 0
    assert seen == [("blue", 1), ("green", 3)]


def test_the_example_config_file_is_valid(tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "brief.toml", tmp_path / "brief.toml")
    for name in ("people.toml", "glossary.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    result = RUNNER.invoke(app, ["config", "show", "build", "--config", str(tmp_path / "brief.toml")])
    assert result.exit_code == EXIT_OK, result.output
    assert f"html = true  # file {tmp_path / 'brief.toml'}:" in result.stdout
    assert f'people = ["{tmp_path / "people.toml"}"]' in result.stdout


def test_the_weekly_cron_line_runs_with_no_other_flags(
    tmp_path: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    _config(
        tmp_path,
        f'mt-model = "{tiny_marian}"\nmax-new-tokens = 4\nbeams = 1\ncache-dir = "cache"\n\n'
        "[build]\nhtml = true\nquiet = true\nweek = '2025-W09'\n",
        "brief.toml",
    )
    monkeypatch.chdir(tmp_path)
    result = RUNNER.invoke(app, ["build", "inbox/", "--config", "brief.toml"])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == ""
    assert (tmp_path / "briefs" / "2025-W09.md").is_file() and (
        tmp_path / "briefs" / "2025-W09.html"
    ).is_file()
    assert (tmp_path / "cache" / "translations.sqlite3").is_file()  # relative to the file


def test_config_show_never_prints_a_secret(tmp_path: Path) -> None:
    from brief.cli.settings import REDACTED, Settings, effective_settings

    later = typer.Typer(cls=BriefGroup)

    @later.command()
    def remote(
        api_key: str = typer.Option("", "--api-key"), api_base: str = typer.Option("", "--api-base")
    ) -> None:
        pass

    @later.command()
    def other() -> None:
        pass

    root = typer.main.get_command(later)
    environ = {"BRIEF_API_KEY": "sk-very-secret", "BRIEF_API_BASE": "http://127.0.0.1:8000"}
    shown = {s.key: s.value for s in effective_settings(root, Settings(), environ)}
    assert shown == {"api-key": REDACTED, "api-base": "http://127.0.0.1:8000"}
