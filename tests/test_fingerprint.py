"""A local model is known by its content: new weights at the same path never get the old translations."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from brief.config import BriefConfig
from brief.fingerprint import fingerprint, local_revision
from brief.models import resolve

ARTICLE = 'KT는 26일 마이크로소프트와 협력한다고 밝혔다.\n\n김영섭 KT 대표는 "협력을 강화하겠다"고 말했다.\n'


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    (folder / "tokenizer_config.json").write_text("{}", encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"\0" * 64)
    return folder


def test_the_fingerprint_is_stable_for_unchanged_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert fingerprint(folder) == fingerprint(folder)
    assert len(fingerprint(folder)) == 16


@pytest.mark.parametrize(
    "change",
    [
        lambda f: (f / "model.safetensors").write_bytes(b"\1" * 65),  # new weights, new size
        lambda f: os.utime(f / "model.safetensors", ns=(1, 1)),  # same size, rewritten later
        lambda f: (f / "config.json").write_text('{"model_type": "bart"}', encoding="utf-8"),
        lambda f: (f / "tokenizer_config.json").write_text('{"a":1}', encoding="utf-8"),
        lambda f: (f / "source.spm").write_bytes(b"a new vocabulary file"),
    ],
    ids=["weights-size", "weights-mtime", "config", "tokenizer", "added-file"],
)
def test_any_change_to_weights_config_or_tokenizer_changes_it(tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    before = fingerprint(folder)
    change(folder)
    assert fingerprint(folder) != before


def test_a_config_edit_of_the_same_size_and_time_changes_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    config = folder / "config.json"
    stat = config.stat()
    before = fingerprint(folder)
    config.write_text('{"model_type": "mariam"}', encoding="utf-8")  # same length
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert fingerprint(folder) != before


def test_hidden_folders_do_not_count(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = fingerprint(folder)
    (folder / ".cache").mkdir()
    (folder / ".cache" / "lock").write_text("x", encoding="utf-8")
    assert fingerprint(folder) == before


def test_a_local_model_is_recorded_by_name_and_fingerprint_never_its_path(tiny_marian: Path) -> None:
    info = resolve(str(tiny_marian)).info("seq2seq")
    assert info.name == tiny_marian.name
    assert info.revision == local_revision(tiny_marian)
    assert info.revision.startswith("local-")
    assert str(tiny_marian.parent) not in f"{info.name} {info.revision}"


def test_a_gguf_file_is_recorded_by_file_name(tmp_path: Path) -> None:
    gguf = tmp_path / "folder" / "model-q4.gguf"
    gguf.parent.mkdir()
    gguf.write_bytes(b"GGUF" + b"\0" * 60)
    resolved = resolve(str(gguf))
    info = resolved.info("instruct")
    assert (info.name, info.revision) == ("model-q4.gguf", local_revision(gguf))


def _rows(cache_dir: Path) -> int:
    with sqlite3.connect(cache_dir / "translations.sqlite3") as db:
        return int(db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])


def test_new_weights_at_the_same_path_are_not_served_from_the_cache(
    tmp_path: Path, tiny_marian: Path
) -> None:
    from brief.pipeline import build_digest

    model = tmp_path / "my-model"
    shutil.copytree(tiny_marian, model)
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    config = BriefConfig(mt_model=str(model), max_new_tokens=4, num_beams=1, cache_dir=tmp_path / "cache")
    first = build_digest([source], config)
    rows = _rows(tmp_path / "cache")
    assert rows > 0
    build_digest([source], config)
    assert _rows(tmp_path / "cache") == rows  # same weights: all from the cache

    from transformers import MarianMTModel

    weights = MarianMTModel.from_pretrained(model)
    for parameter in weights.parameters():
        parameter.data.mul_(-1.0)
    weights.save_pretrained(model)  # the same path, other weights
    second = build_digest([source], config)
    assert _rows(tmp_path / "cache") > rows  # translated again, not served the old model's rows
    first_model = first.provenance.models[0]
    second_model = second.provenance.models[0]
    assert first_model.name == second_model.name == "my-model"
    assert first_model.revision != second_model.revision
    assert str(tmp_path) not in first.provenance.signature
    assert "@latest" not in first.provenance.signature.split("summarization")[0]
