"""The progress display: totals, rate and ETA per stage, model loading as its own step, the summary
line, what Ctrl-C keeps, and clean output off a terminal."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import brief.pipeline
from brief.cli import app
from brief.cli.progress import ProgressDisplay, summary_line
from brief.config import BriefConfig
from brief.events import loading
from brief.records import Digest
from tests.reliability_support import GOOD_ARTICLE, SECOND_ARTICLE

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

RUNNER = CliRunner()


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=150, color_system=None), out


def test_the_summary_line_reads_as_in_the_issue() -> None:
    line = summary_line(5, 55, 146, 3, 1, ["briefs/2025-W09.md"], 41.2)
    assert (
        line
        == "5 articles, 55 quotes, 146 sentences (3 flagged), 1 skipped — wrote briefs/2025-W09.md in 41 s"
    )
    assert summary_line(1, 0, 1, 0, 0, ["a.md", "a.html"], 2.25) == (
        "1 article, 0 quotes, 1 sentence — wrote a.md, a.html in 2.2 s"
    )


def test_each_stage_shows_count_total_rate_and_eta_and_loading_is_a_step() -> None:
    console, out = _terminal()
    with ProgressDisplay(enabled=True, console=console) as display:
        display("clean", 5, 5)
        display("quotes", 5, 5)
        display("translate", 0, 146)
        with loading("translation", "/models/opus-mt-ko-en"):
            pass
        display("translate", 100, 146)
        display("translate", 46, 146)
        display("summarize", 5, 5)
    text = out.getvalue()
    assert "loading translation model opus-mt-ko-en" in text  # a local path by its last part
    assert "146/146" in text and "5/5" in text
    assert re.search(r"[\d.,]+ sentences/s", text)
    assert "eta" in text and "100%" in text
    assert display.done == {"clean": 5, "quotes": 5, "translate": 146, "summarize": 5}


def test_model_events_are_not_log_lines(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    with caplog.at_level(logging.INFO), loading("translation", "m"):
        pass
    assert not [r for r in caplog.records if r.levelno >= logging.INFO]


def test_the_pipeline_announces_the_sentence_total_before_translating(
    tmp_path: Path, tiny_marian: Path
) -> None:
    for name, text in (("a.txt", GOOD_ARTICLE), ("b.txt", SECOND_ARTICLE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    calls: list[tuple[str, int, int | None]] = []
    config = BriefConfig(mt_model=str(tiny_marian), max_new_tokens=4, num_beams=1, use_cache=False)
    console, out = _terminal()
    with ProgressDisplay(enabled=True, console=console) as display:

        def record(stage: str, advance: int, total: int | None) -> None:
            calls.append((stage, advance, total))
            display(stage, advance, total)

        digest = brief.pipeline.build_digest([tmp_path], config, progress=record)
    assert [c for c in calls if c[0] == "clean"] == [("clean", 0, 2), ("clean", 1, 2), ("clean", 1, 2)]
    translate = [(advance, total) for stage, advance, total in calls if stage == "translate"]
    sentences = sum(len(t.sentences) for t in digest.articles)
    assert translate[0] == (0, sentences)  # the total comes first, before any sentence is done
    assert all(total == sentences for _, total in translate)
    assert sum(advance for advance, _ in translate) == sentences
    text = out.getvalue()
    assert f"loading translation model {tiny_marian.name}" in text  # the real load, as its own line
    assert f"{sentences}/{sentences}" in text


# ---------------------------------------------------------------- the command
@pytest.fixture
def interrupted_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``build_digest`` that translates 40 sentences, then gets Ctrl-C."""

    def fake(paths: object, config: BriefConfig, progress: brief.pipeline.Progress | None = None) -> Digest:
        assert progress is not None
        progress("translate", 0, 146)
        progress("translate", 40, 146)
        raise KeyboardInterrupt

    monkeypatch.setattr(brief.pipeline, "build_digest", fake)
    monkeypatch.chdir(tmp_path)


def test_ctrl_c_says_what_the_cache_kept(interrupted_build: None, tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["build", "in/", "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 130
    message = result.stderr.strip()
    assert message.startswith("brief: interrupted after ")
    assert f"the 40 sentences translated so far are kept in the cache ({tmp_path / 'c'}" in message
    assert "next run reuses them; no digest was written" in message
    assert not (tmp_path / "briefs").exists()


def test_ctrl_c_without_a_cache_says_nothing_was_kept(interrupted_build: None) -> None:
    result = RUNNER.invoke(app, ["build", "in/", "--no-cache"])
    assert result.exit_code == 130
    assert "nothing was kept (--no-cache)" in result.stderr


def test_a_run_off_a_terminal_prints_only_plain_lines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        brief.pipeline, "build_digest", lambda paths, config, progress=None: fx.small_digest()
    )
    monkeypatch.chdir(tmp_path)
    result = RUNNER.invoke(app, ["build", "in/", "-o", "d.md"])
    assert "\x1b" not in result.stderr and "\r" not in result.stderr  # no bars, no cursor movement
    assert result.stderr.splitlines() == [
        "brief: skipped seeds/broken.txt: no Korean text found",
        result.stderr.splitlines()[-1],
    ]
    assert re.fullmatch(
        r"brief: 2 articles, 7 quotes, 7 sentences, 1 skipped — wrote d\.md in [\d.]+ s",
        result.stderr.splitlines()[-1],
    )
    quiet = RUNNER.invoke(app, ["build", "in/", "-o", "d.md", "--quiet"])
    assert quiet.stderr == "brief: skipped seeds/broken.txt: no Korean text found\n"
