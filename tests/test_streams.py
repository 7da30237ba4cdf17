"""Standard streams: `-` reads an article from stdin, `-o -` writes the digest to stdout, --json is stdout."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import brief.pipeline
from brief.cli import app
from brief.cli.build import JSON_NOTICE, json_notice
from brief.config import BriefConfig
from brief.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL
from brief.records import Digest
from brief.render import render_json, render_markdown
from tests.reliability_support import GOOD_ARTICLE

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

RUNNER = CliRunner()
HTML_ARTICLE = (
    "<!DOCTYPE html><html><head><title>테스트</title></head><body><article>"
    "<h1>정부, 반도체 지원 확대</h1>"
    "<p>정부는 3일 반도체 산업에 3조원을 지원한다고 밝혔다.</p>"
    '<p>최상목 부총리는 "지원을 아끼지 않겠다"고 말했다.</p>'
    "</article></body></html>"
)


def _clean_json(args: list[str], stdin: bytes | str) -> list[dict[str, object]]:
    result = RUNNER.invoke(app, ["clean", *args, "--json"], input=stdin)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("stdin", "media_type", "encoding"),
    [
        (GOOD_ARTICLE.encode(), "text", "utf-8"),
        (HTML_ARTICLE.encode(), "html", "utf-8"),
        (GOOD_ARTICLE.encode("cp949"), "text", "cp949"),
    ],
    ids=["text", "html", "cp949"],
)
def test_a_dash_reads_one_article_from_stdin(stdin: bytes, media_type: str, encoding: str) -> None:
    [article] = _clean_json(["-"], stdin)
    assert article["source"] == "<stdin>"
    assert article["media_type"] == media_type
    assert article["encoding"] == encoding
    assert article["headline"]


def test_stdin_goes_with_files_and_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    articles = _clean_json([str(tmp_path), "-", "-"], HTML_ARTICLE)
    assert [a["source"] for a in articles] == [str(tmp_path / "a.txt"), "<stdin>"]


def test_quotes_read_stdin_too() -> None:
    result = RUNNER.invoke(app, ["quotes", "-", "--json"], input=HTML_ARTICLE)
    assert result.exit_code == EXIT_OK, result.output
    [article] = json.loads(result.stdout)
    assert article["source"] == "<stdin>" and article["quotes"]


def test_empty_or_oversized_stdin_is_a_named_failure(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["clean", "-"], input=b"")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "brief: skipped <stdin>: nothing was read" in result.stderr
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = RUNNER.invoke(
        app, ["clean", str(tmp_path / "a.txt"), "-", "--max-bytes", "2000"], input="가" * 1000
    )
    assert result.exit_code == EXIT_PARTIAL
    assert "brief: skipped <stdin>: input is over the" in result.stderr


# ---------------------------------------------------------------- build, around a hand-built digest
@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[object]:
    """``brief build`` with build_digest replaced by the small fixture digest; records its inputs."""
    seen: list[object] = []

    def fake(paths: list[object], config: BriefConfig, progress: object = None) -> Digest:
        seen.extend(paths)
        return fx.small_digest()  # type: ignore[no-any-return]

    monkeypatch.setattr(brief.pipeline, "build_digest", fake)
    monkeypatch.chdir(tmp_path)
    return seen


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_dash_o_dash_writes_the_digest_to_stdout_and_no_file(
    fake_build: list[object], tmp_path: Path
) -> None:
    result = RUNNER.invoke(app, ["build", "-", "-o", "-"], input=GOOD_ARTICLE)
    assert result.exit_code == EXIT_PARTIAL  # the fixture digest has one skipped input
    assert result.stdout == render_markdown(fx.small_digest())
    assert "brief: skipped" in result.stderr  # logs stay on stderr
    assert "— wrote the digest to stdout in" in result.stderr
    assert _files(tmp_path) == []  # no file named "-", no briefs/
    assert [type(p).__name__ for p in fake_build] == ["StreamInput"]


def test_build_json_prints_the_digest_json_and_json_out_writes_a_file(
    fake_build: list[object], tmp_path: Path
) -> None:
    result = RUNNER.invoke(app, ["build", "in/", "-o", "d.md", "--json", "--quiet"])
    assert json.loads(result.stdout) == json.loads(render_json(fx.small_digest()))
    assert _files(tmp_path) == ["d.md"]
    result = RUNNER.invoke(app, ["build", "in/", "-o", "-", "--json-out", "out/d.json", "--quiet"])
    assert result.stdout == render_markdown(fx.small_digest())
    assert (tmp_path / "out" / "d.json").read_text(encoding="utf-8") == render_json(fx.small_digest())


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-o", "-", "--html"], "--html writes a page beside the Markdown file"),
        (["-o", "-", "--json"], "--json and -o - both write to stdout"),
        (["-o", "d.md", "--json-out", "d.md"], "name the Markdown file"),
    ],
)
def test_conflicting_streams_are_usage_errors(fake_build: list[object], args: list[str], words: str) -> None:
    result = RUNNER.invoke(app, ["build", "in/", *args])
    assert result.exit_code == EXIT_BAD_INPUT
    assert words in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_json_migration_note_shows_only_on_a_terminal() -> None:
    assert json_notice(_Terminal(), quiet=False) == JSON_NOTICE
    assert json_notice(_Terminal(), quiet=True) is None
    assert json_notice(io.StringIO(), quiet=False) is None  # piped: the script wanted the JSON


def test_a_dash_with_nothing_piped_in_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from brief.cli.app import read_inputs
    from brief.errors import ConfigError

    monkeypatch.setattr("sys.stdin", _Terminal())
    with pytest.raises(ConfigError, match="none is piped in"):
        read_inputs([Path("-")], 100)
    assert read_inputs([Path("a.txt")], 100) == [Path("a.txt")]  # stdin untouched without a dash
