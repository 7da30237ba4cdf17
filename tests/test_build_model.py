"""``brief build seeds/`` end to end with the tiny random Marian: every section, every format, reproducible.

The tiny model's English is noise; these tests check the mechanics and the structure, never wording.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from brief.cli import app

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

EPOCH = "1740646800"  # 2025-02-27T09:00:00Z
runner = CliRunner()


def _build(tiny_marian: Path, cache: Path, seeds: Path, out: Path, *extra: str) -> object:
    # Short outputs and greedy search keep the random model fast; the shared cache makes reruns instant.
    args = ["build", str(seeds), "-o", str(out), "--mt-model", str(tiny_marian), "--cache-dir", str(cache)]
    args += ["--max-new-tokens", "8", "--beams", "1", "--batch-size", "64", "--quiet", *extra]
    return runner.invoke(app, args, env={"SOURCE_DATE_EPOCH": EPOCH})


@pytest.fixture(scope="module")
def built(tiny_marian: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("build")
    cache = tmp_path_factory.mktemp("mt-cache")
    result = _build(
        tiny_marian, cache, seeds_dir, folder / "X.md", "--html", "--json-out", str(folder / "X.json")
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return {"md": folder / "X.md", "html": folder / "X.html", "json": folder / "X.json", "cache": cache}


def test_markdown_digest_has_every_section(built: dict[str, Path]) -> None:
    text = built["md"].read_text(encoding="utf-8")
    tokens = fx.commonmark().parse(text)
    heads = fx.headings(tokens)
    h2 = [t for tag, t in heads if tag == "h2"]
    assert h2 == ["This week", "Also in this batch", "Who said what", "Articles", "Glossary", "Provenance"]
    assert heads[0] == ("h1", "Korean news brief 2024-W40")  # the newest seed is dated 2024-10-01
    quotes = slice(heads.index(("h2", "Who said what")), heads.index(("h2", "Articles")))
    speakers = [t for tag, t in heads[quotes] if tag == "h3"]
    assert speakers[0].startswith("Kim Young-shub, CEO of KT")  # priority speakers first
    assert speakers[1].startswith("Satya Nadella")
    assert speakers[2].startswith("Cho Won-woo")
    anchors = [
        t.content for t in fx.walk(tokens) if t.type == "html_inline" and t.content.startswith("<a id")
    ]
    assert sum(a.startswith('<a id="article-') for a in anchors) == 5
    blocks = [t.content.split("\n") for t in tokens if t.type == "html_block"]
    assert [b[0] for b in blocks] == ['<details markdown="1">', "</details>"] * (len(blocks) // 2)
    summaries = [b[1] for b in blocks if len(b) > 1]
    assert summaries.count("<summary>Full English translation</summary>") == 5
    assert summaries[0] == "<summary>Why these articles are one story</summary>"
    refs = {t.meta["label"] for t in fx.walk(tokens) if t.type == "footnote_ref"}
    defined = {t.meta["label"] for t in fx.walk(tokens) if t.type == "footnote_open" and "label" in t.meta}
    assert refs and refs == defined
    assert any(label.startswith("a") and "-p" in label for label in refs)  # quotes cite article and paragraph
    assert "(reported speech)" in text and "(direct quote)" in text
    assert text.count("- **Date:** undated") == 3
    assert "| 마이크로소프트 | Microsoft | org |" in text


def test_seeds_stories_with_a_real_model(built: dict[str, Path]) -> None:
    """Whatever the model writes, the four 2024 KT-Microsoft articles are the first story of "This week",
    the 2020 article is outside it, and KRW 2.4 trillion is a key fact of that story with its source."""
    data = json.loads(built["json"].read_text(encoding="utf-8"))
    by_file = {Path(t["article"]["source"]).name[:3]: t["article"]["id"] for t in data["articles"]}
    first = data["stories"][0]
    assert first["in_period"] and len(first["outlets"]) == 4
    assert set(first["articles"]) == {by_file[k] for k in ("000", "001", "002", "004")}
    old = next(s for s in data["stories"] if by_file["003"] in s["articles"])
    assert old["articles"] == [by_file["003"]] and not old["in_period"]
    money = next(f for f in first["facts"] if f["value"] == "KRW 2.4 trillion")
    assert by_file["004"] in money["sources"]
    assert money["context_en"]  # the English sentence the translation stage aligned with it
    text = built["md"].read_text(encoding="utf-8")
    this_week = text.split("## This week", 1)[1].split("## Also in this batch", 1)[0]
    assert "- **KRW 2.4 trillion**" in this_week
    assert "(untitled article)" not in text and "Note:" not in text.split("## Provenance", 1)[0]


def test_front_matter_and_provenance_name_the_model(built: dict[str, Path], tiny_marian: Path) -> None:
    text = built["md"].read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["week"] == "2024-W40"
    assert front["generated_at"] == "2025-02-27T09:00:00Z"
    assert len(front["sources"]) == 5
    assert [m["role"] for m in front["models"]] == ["translation", "summarization"]
    assert front["models"][0]["name"] == tiny_marian.name  # the folder's name, never its absolute path
    assert front["models"][0]["revision"].startswith("local-")  # and a fingerprint of its content
    assert str(tiny_marian) not in text
    assert "- summarization model: extractive" in text


def test_html_and_json_are_written_beside_it(built: dict[str, Path]) -> None:
    page = built["html"].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    data = json.loads(built["json"].read_text(encoding="utf-8"))
    assert data["schema"] == "brief.digest/1"
    assert len(data["articles"]) == len(data["briefs"]) == 5
    assert all(q["text_en"] is not None for q in data["quotes"])


def test_rebuilding_gives_byte_identical_files(
    built: dict[str, Path], tiny_marian: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    result = _build(
        tiny_marian,
        built["cache"],
        seeds_dir,
        tmp_path / "Y.md",
        "--html",
        "--json-out",
        str(tmp_path / "Y.json"),
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    for kind in ("md", "html", "json"):
        assert (tmp_path / f"Y.{kind}").read_bytes() == built[kind].read_bytes(), kind


def test_a_skipped_input_gives_exit_3_and_still_writes(
    built: dict[str, Path], tiny_marian: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((seeds_dir / "000_7787a1a13554aa61.txt").read_bytes())
    (inbox / "notes.txt").write_text("Only English in this file.\n", encoding="utf-8")
    args = ["build", str(inbox), "-o", str(tmp_path / "Z.md"), "--mt-model", str(tiny_marian)]
    args += ["--cache-dir", str(built["cache"]), "--max-new-tokens", "8", "--beams", "1"]
    result = runner.invoke(app, args, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 3, result.output
    assert f"brief: skipped {inbox / 'notes.txt'}" in result.stderr
    text = (tmp_path / "Z.md").read_text(encoding="utf-8")
    assert "## Skipped inputs" in text and "notes.txt" in text
