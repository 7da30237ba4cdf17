"""Every JSON document brief writes validates against its shipped JSON Schema (docs/*.schema.json)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from brief.cli import app
from brief.errors import EXIT_OK
from brief.render import render_json
from brief.schemas import SCHEMA_NAMES, load_schema, schema_text
from tests.reliability_support import FAST_MODEL_ARGS, GOOD_ARTICLE, SECOND_ARTICLE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
RUNNER = CliRunner()
DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)


def _valid(name: str, data: Any) -> None:
    validator = Draft202012Validator(load_schema(name))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _json(args: list[str], **kwargs: Any) -> Any:
    result = RUNNER.invoke(app, args, **kwargs)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schema-in")
    (folder / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    Draft202012Validator.check_schema(load_schema(name))


def test_the_docs_copies_are_the_shipped_schemas() -> None:
    for name in SCHEMA_NAMES:
        assert (ROOT / "docs" / f"{name}.schema.json").read_text(encoding="utf-8") == schema_text(name), name


def test_the_schemas_are_package_data() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["brief"]
    shipped = {p.name for pattern in patterns for p in (ROOT / "brief").glob(pattern)}
    assert {f"{name}.schema.json" for name in SCHEMA_NAMES} <= shipped


def test_the_schemas_match_the_records() -> None:
    """A record field added or renamed without `python tools/make_schemas.py` fails here."""
    pytest.importorskip("pydantic")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_schemas
    finally:
        sys.path.remove(str(ROOT / "tools"))
    for name, schema in make_schemas.build().items():
        assert make_schemas.render(schema) == schema_text(name), f"{name}: run python tools/make_schemas.py"


def test_clean_and_quotes(seeds_dir: Path) -> None:
    _valid("clean", _json(["clean", str(seeds_dir), "--json"]))
    _valid("quotes", _json(["quotes", str(seeds_dir), "--json"]))


def test_translate_summarize_and_the_digest(inbox: Path, tiny_marian: Path, tmp_path: Path) -> None:
    model = ["--mt-model", str(tiny_marian), "--beams", "1", "--max-new-tokens", "4"]
    model += ["--cache-dir", str(tmp_path / "cache")]
    _valid("translate", _json(["translate", str(inbox), "--json", *model]))
    _valid("summarize", _json(["summarize", str(inbox), "--json", "--summarizer", "extractive", *model]))
    out = tmp_path / "d.md"
    json_out = ["--json", "--json-out", str(tmp_path / "d.json")]
    digest = _json(["build", str(inbox), "-o", str(out), *json_out, *model, *FAST_MODEL_ARGS])
    _valid("digest", digest)
    _valid("digest", json.loads((tmp_path / "d.json").read_text(encoding="utf-8")))
    _valid("digest", json.loads(render_json(fx.small_digest())))


def test_models_config_and_cache(tmp_path: Path) -> None:
    _valid("models-list", _json(["models", "list", "--json"]))
    _valid("config-show", _json(["config", "show", "--json"]))
    _valid("cache-info", _json(["cache", "info", "--json", "--cache-dir", str(tmp_path)]))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(surprise=1),  # a field the schema does not know
        lambda d: d.pop("week"),  # a field left out
        lambda d: d["articles"][0]["article"].update(date="soon"),  # a wrong type inside
        lambda d: d.update(schema="brief.digest/2"),
    ],
    ids=["extra-field", "missing-field", "bad-date", "other-version"],
)
def test_a_digest_that_drifted_from_the_schema_fails(change: Any) -> None:
    data = json.loads(render_json(fx.small_digest()))
    change(data)
    validator = Draft202012Validator(
        load_schema("digest"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(data))
