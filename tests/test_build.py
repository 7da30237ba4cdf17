"""build_digest and ``brief build`` without a model: a stand-in translator, the real other stages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

import brief
from brief.cli import app
from brief.config import BriefConfig
from brief.errors import InputError, ModelUnavailableError
from brief.pipeline import build_digest, digest_week, generated_at
from brief.records import Article, Digest, ModelInfo, Quote, TranslatedArticle

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

# Seeds as the cleaner dates them: two dated, three undated.
DATED = {
    "seeds/003_d59a97863a88a9fb.txt": dt.date(2020, 2, 20),
    "seeds/001_de47211a8ef0eb56.txt": dt.date(2024, 10, 1),
}
UNDATED_KOREAN = (
    '김영섭 KT 대표는 "AI 전환을 이끌겠다"고 말했다.\n\n마이크로소프트와 협력을 확대한다고 밝혔다.\n'
)


class StandInTranslator:
    """Marks Korean as "EN ..." instead of translating; enough to exercise every other stage."""

    info = ModelInfo(role="translation", name="stand-in", backend="test", revision="r1")

    def translate(self, article: Article, quotes: Sequence[Quote] = ()) -> TranslatedArticle:
        return TranslatedArticle(
            article=article,
            headline_en=f"EN {article.headline}" if article.headline else None,
            subheadlines_en=tuple(f"EN {s}" for s in article.subheadlines),
            paragraphs_en=tuple(f"EN {p}" for p in article.paragraphs),
            sentences=(),
            quotes=tuple(dataclasses.replace(q, text_en=f"EN {q.text_ko}") for q in quotes),
            model=self.info,
        )


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    import brief.translate

    monkeypatch.setattr(
        brief.translate, "make_translator", lambda config, people=None, pool=None: StandInTranslator()
    )


def _sources(digest: Digest) -> list[str]:
    return [Path(t.article.source).name for t in digest.articles]


# ---------------------------------------------------------------- build_digest
def test_build_digest_runs_every_stage(stand_in: None, seeds_dir: Path) -> None:
    stages: list[str] = []
    digest = build_digest(
        [seeds_dir], BriefConfig(source_date_epoch=0), progress=lambda s, n, t: stages.append(s)
    )
    assert len(digest.articles) == len(digest.briefs) == 5
    assert [b.article_id for b in digest.briefs] == [t.article.id for t in digest.articles]
    assert digest.quotes and all(q.text_en and q.text_en.startswith("EN ") for q in digest.quotes)
    assert {q.speaker.en for q in digest.quotes} >= {"Kim Young-shub", "Satya Nadella"}
    assert digest.merged.points
    assert ("마이크로소프트", "Microsoft") in {(e.ko, e.en) for e in digest.glossary}
    assert any(e.kind == "person" and e.en.startswith("Kim Young-shub (") for e in digest.glossary)
    assert list(dict.fromkeys(stages)) == ["clean", "quotes", "translate", "summarize", "merge"]
    assert digest.failures == ()


def test_articles_are_oldest_first_then_undated_by_source(stand_in: None, seeds_dir: Path) -> None:
    digest = build_digest([seeds_dir], BriefConfig(source_date_epoch=0))
    assert _sources(digest) == [
        "003_d59a97863a88a9fb.txt",  # 2020-02-20
        "001_de47211a8ef0eb56.txt",  # 2024-10-01
        "000_7787a1a13554aa61.txt",  # undated, by source
        "002_f313c70537ea2578.txt",
        "004_c0a49f039d25af57.txt",
    ]


@pytest.mark.parametrize(
    ("since", "until", "left"),
    [
        (None, None, 5),
        (dt.date(2024, 1, 1), None, 4),  # the 2020 article goes; undated stay
        (None, dt.date(2024, 9, 30), 4),  # the 2024-10-01 article goes
        (dt.date(2021, 1, 1), dt.date(2024, 9, 30), 3),  # only the undated ones
        (dt.date(2024, 10, 1), dt.date(2024, 10, 1), 4),  # inclusive
    ],
)
def test_date_filters_use_article_dates_and_keep_undated(
    stand_in: None, seeds_dir: Path, since: dt.date | None, until: dt.date | None, left: int
) -> None:
    digest = build_digest([seeds_dir], BriefConfig(since=since, until=until, source_date_epoch=0))
    assert len(digest.articles) == left
    assert sum(t.article.date is None for t in digest.articles) == 3


def test_nothing_in_range_is_bad_input(stand_in: None, seeds_dir: Path, tmp_path: Path) -> None:
    only = tmp_path / "a.txt"
    only.write_text((seeds_dir / "003_d59a97863a88a9fb.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="widen --since/--until"):
        build_digest([only], BriefConfig(since=dt.date(2025, 1, 1)))


@pytest.mark.parametrize(
    ("week", "dates", "epoch", "expected"),
    [
        ("2025-W09", [dt.date(2024, 10, 1)], 0, "2025-W09"),  # --week wins
        (None, [dt.date(2020, 2, 20), dt.date(2024, 10, 1), None], 0, "2024-W40"),  # newest date
        (None, [dt.date(2021, 1, 1)], 0, "2020-W53"),  # ISO year differs from the calendar year
        (None, [None], 1_740_614_400, "2025-W09"),  # no date: today, from SOURCE_DATE_EPOCH (2025-02-27)
    ],
)
def test_digest_week(week: str | None, dates: list[dt.date | None], epoch: int, expected: str) -> None:
    articles = [dataclasses.replace(fx.small_digest().articles[0].article, date=d) for d in dates]
    assert digest_week(BriefConfig(week=week, source_date_epoch=epoch), articles) == expected


def test_generated_at_honours_source_date_epoch() -> None:
    assert generated_at(BriefConfig(source_date_epoch=1_740_646_800)) == "2025-02-27T09:00:00Z"
    now = generated_at(BriefConfig())
    assert now.endswith("Z") and now[:4] >= "2025"


def test_unreadable_inputs_and_stage_failures_become_failures(
    stand_in: None, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "english.txt").write_text("No Korean here at all.\n", encoding="utf-8")
    (tmp_path / "bad_quotes.txt").write_text(UNDATED_KOREAN, encoding="utf-8")
    import brief.quotes.extract

    real = brief.quotes.extract.extract_with_roster

    def flaky(article: Article, people: object) -> tuple[tuple[Quote, ...], tuple[object, ...]]:
        if article.source.endswith("bad_quotes.txt"):
            raise InputError(article.source, "quote marks do not pair up")
        return real(article, people)  # type: ignore[arg-type]

    monkeypatch.setattr(brief.quotes.extract, "extract_with_roster", flaky)
    digest = build_digest(
        [seeds_dir / "000_7787a1a13554aa61.txt", tmp_path], BriefConfig(source_date_epoch=0)
    )
    assert _sources(digest) == ["000_7787a1a13554aa61.txt"]
    failed = {Path(f.source).name: f.message for f in digest.failures}
    assert set(failed) == {"empty.txt", "english.txt", "bad_quotes.txt"}
    assert failed["bad_quotes.txt"].startswith("quotes: ")


def test_no_usable_article_names_the_reasons(stand_in: None, tmp_path: Path) -> None:
    (tmp_path / "english.txt").write_text("No Korean here at all.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no article could be read .*english\.txt"):
        build_digest([tmp_path], BriefConfig())


def test_missing_model_fails_before_any_article_is_read(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    import brief.pipeline

    def must_not_run(*args: object) -> None:
        raise AssertionError("articles were read before the model was resolved")

    monkeypatch.setattr(brief.pipeline, "load_articles", must_not_run)
    with pytest.raises(ModelUnavailableError, match="some-org/not-cached"):
        build_digest([seeds_dir], BriefConfig(mt_model="some-org/not-cached"))


def test_provenance_names_models_settings_and_version(stand_in: None, seeds_dir: Path) -> None:
    config = BriefConfig(source_date_epoch=1_740_646_800, since=dt.date(2020, 1, 1), batch_size=16)
    digest = build_digest([seeds_dir], config)
    provenance = digest.provenance
    assert provenance.version == brief.__version__
    assert [(m.role, m.name, m.revision) for m in provenance.models] == [
        ("translation", "stand-in", "r1"),
        ("summarization", "extractive", None),
    ]
    settings = dict(provenance.settings)
    assert settings["since"] == "2020-01-01" and settings["until"] == "-" and settings["batch_size"] == "16"
    assert "entries" in settings["glossary"]
    assert digest.generated_at == "2025-02-27T09:00:00Z"
    assert digest.title == "Korean news brief 2024-W40"


def test_same_inputs_give_byte_identical_output(stand_in: None, seeds_dir: Path) -> None:
    config = BriefConfig(source_date_epoch=1_740_646_800)
    first = build_digest([seeds_dir], config)
    backwards = sorted(seeds_dir.glob("*.txt"), reverse=True)  # files named one by one, in another order
    again = build_digest(backwards, config)
    assert brief.render_markdown(first) == brief.render_markdown(again)


def test_library_api_is_exported() -> None:
    assert "build_digest" in brief.__all__ and "render_markdown" in brief.__all__
    assert brief.build_digest is build_digest


# ---------------------------------------------------------------- the command, around a hand-built digest
@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> list[BriefConfig]:
    """``brief build`` with build_digest replaced by the small fixture digest; records the configs."""
    import brief.pipeline

    seen: list[BriefConfig] = []

    def fake(paths: object, config: BriefConfig, progress: object = None) -> Digest:
        seen.append(config)
        return fx.small_digest()

    monkeypatch.setattr(brief.pipeline, "build_digest", fake)
    return seen


runner = CliRunner()


def test_cli_default_output_is_briefs_week_md(
    fake_build: list[BriefConfig], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740646800")
    result = runner.invoke(
        app,
        [
            "build",
            "in/",
            "--html",
            "--json-out",
            "briefs/2025-W09.json",
            "--since",
            "2025-02-20",
            "--week",
            "2025-W09",
        ],
    )
    assert result.exit_code == 3  # the fixture digest has one skipped input
    assert "brief: skipped seeds/broken.txt: no Korean text found" in result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["briefs/2025-W09.html", "briefs/2025-W09.json", "briefs/2025-W09.md"]
    assert (tmp_path / "briefs/2025-W09.md").read_text(encoding="utf-8") == brief.render_markdown(
        fx.small_digest()
    )
    assert json.loads((tmp_path / "briefs/2025-W09.json").read_text(encoding="utf-8"))["week"] == "2025-W09"
    last = result.stderr.splitlines()[-1]  # the summary comes last, after the "skipped" lines
    assert "— wrote briefs/2025-W09.md, briefs/2025-W09.html, briefs/2025-W09.json in " in last
    config = fake_build[0]
    assert (config.source_date_epoch, config.since, config.week) == (
        1_740_646_800,
        dt.date(2025, 2, 20),
        "2025-W09",
    )


def test_cli_quiet_and_exit_0_without_failures(
    fake_build: list[BriefConfig], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import brief.pipeline

    monkeypatch.setattr(
        brief.pipeline, "build_digest", lambda *a, **k: dataclasses.replace(fx.small_digest(), failures=())
    )
    result = runner.invoke(app, ["build", "in/", "-o", str(tmp_path / "x.md"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (tmp_path / "x.md").is_file()


def test_cli_speaker_first_reorders_quotes(fake_build: list[BriefConfig], tmp_path: Path) -> None:
    runner.invoke(app, ["build", "in/", "-o", str(tmp_path / "x.md"), "--speaker-first", "Park Ji-hun", "-q"])
    text = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert text.index('<a id="speaker-park-ji-hun"') < text.index('<a id="speaker-kim-young-shub"')


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--since", "last week"], {}, "--since must be a date like 2025-02-24"),
        (["--until", "2025-13-01"], {}, "--until must be a date"),
        (["--week", "2025-9"], {}, "--week must look like 2024-W40"),
        (["--html", "-o", "digest.html"], {}, "name the Markdown file"),
        ([], {"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH must be a whole number"),
        (["--since", "2025-03-01", "--until", "2025-02-01"], {}, "is after --until"),
    ],
)
def test_cli_bad_options_exit_1_and_write_nothing(
    fake_build: list[BriefConfig],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = runner.invoke(app, ["build", "in/", *args])
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert not fake_build  # stopped before the pipeline
    assert list(tmp_path.iterdir()) == []


def test_cli_model_unavailable_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = runner.invoke(
        app, ["build", str(seeds_dir), "--mt-model", "some-org/not-cached", "--html", "--json-out", "x.json"]
    )
    assert result.exit_code == 2, result.output
    assert "The translation model 'some-org/not-cached' is not available" in result.stderr
    assert "brief models pull some-org/not-cached" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no briefs/ folder, no file


def test_cli_progress_bars_only_on_a_terminal() -> None:
    from brief.cli.progress import ProgressDisplay

    with ProgressDisplay(enabled=False) as silent:
        silent("translate", 3, None)
    assert silent._progress is None and silent.done == {"translate": 3}


_REPRO_SCRIPT = """
import dataclasses, sys
import brief, brief.translate
from brief.records import ModelInfo, TranslatedArticle

class StandIn:
    info = ModelInfo(role="translation", name="stand-in", backend="test")
    def translate(self, article, quotes=()):
        return TranslatedArticle(article=article, headline_en=article.headline, subheadlines_en=(),
                                 paragraphs_en=article.paragraphs, sentences=(), model=self.info,
                                 quotes=tuple(dataclasses.replace(q, text_en=q.text_ko) for q in quotes))

brief.translate.make_translator = lambda config, people=None, pool=None: StandIn()
digest = brief.build_digest([sys.argv[1]], brief.BriefConfig(source_date_epoch=0))
sys.stdout.write(brief.render_markdown(digest) + brief.render_json(digest))
"""


def test_output_does_not_depend_on_the_hash_seed(seeds_dir: Path) -> None:
    """Two processes with different PYTHONHASHSEED (set and dict-of-str order) give the same bytes."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _REPRO_SCRIPT, str(seeds_dir)], env=env, capture_output=True, check=True
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert b"## Who said what" in outputs[0]
