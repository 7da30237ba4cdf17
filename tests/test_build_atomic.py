"""Atomic writes: a failed or killed build leaves the old digest (or nothing), never a partial file."""

from __future__ import annotations

import importlib.util
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import brief.fsutil
from brief.cli import app
from brief.fsutil import write_atomic
from brief.records import Digest

DATA = Path(__file__).parent / "data" / "render"
_spec = importlib.util.spec_from_file_location("render_fixtures", DATA / "fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

HAS_TMPFILE = hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir()


@pytest.fixture(params=["unnamed", "named"])
def temp_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of making the temporary file: O_TMPFILE (Linux) and a hidden named file (elsewhere)."""
    if request.param == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not HAS_TMPFILE:
        pytest.skip("no O_TMPFILE here")
    return str(request.param)


def test_writes_exact_bytes_and_leaves_nothing_else(tmp_path: Path, temp_kind: str) -> None:
    target = tmp_path / "digest.md"
    text = "첫 줄\r\nsecond line\n\n"
    assert write_atomic(target, text) == target
    assert target.read_bytes() == text.encode("utf-8")  # no newline translation
    assert write_atomic(target, b"\x00bytes") == target
    assert target.read_bytes() == b"\x00bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, temp_kind: str) -> None:
    target = tmp_path / "digest.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.md"
    write_atomic(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_a_symlink_keeps_pointing_at_the_new_content(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, temp_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "digest.md"
    target.write_text("old digest", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(brief.fsutil.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new digest " * 1000)
    assert target.read_text(encoding="utf-8") == "old digest"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]  # the temporary file is gone


def test_falls_back_to_a_named_file_when_the_unnamed_one_cannot_be_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(fd: int, folder: Path, name: str) -> str:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(brief.fsutil, "_link_unnamed", refuse)
    target = tmp_path / "digest.md"
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]


def test_a_missing_folder_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "such" / "digest.md", "x")
    assert list(tmp_path.iterdir()) == []


_KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    if sys.argv[2] == "named":
        del os.O_TMPFILE
    import brief.fsutil

    def stall(fd):
        print("writing", flush=True)  # every byte is written; the rename has not happened
        time.sleep(60)

    brief.fsutil.os.fsync = stall
    brief.fsutil.write_atomic(sys.argv[1], "new digest\\n" * 200_000)
    """
)


@pytest.mark.parametrize("kind", ["unnamed", "named"])
def test_a_build_killed_while_writing_leaves_the_old_file(tmp_path: Path, kind: str) -> None:
    if kind == "unnamed" and not HAS_TMPFILE:
        pytest.skip("no O_TMPFILE here")
    target = tmp_path / "digest.md"
    target.write_text("old digest\n", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(target), kind], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == "old digest\n"
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name != "digest.md")
    if kind == "unnamed":
        assert leftovers == []  # the unnamed file died with the process
    else:
        assert all(name.startswith(".digest.md.") and name.endswith(".tmp") for name in leftovers)


# ---------------------------------------------------------------- the command
runner = CliRunner()


@pytest.fixture
def fixture_digest(monkeypatch: pytest.MonkeyPatch) -> Digest:
    import brief.pipeline

    digest = fx.small_digest()
    monkeypatch.setattr(brief.pipeline, "build_digest", lambda *args, **kwargs: digest)
    return digest


def test_a_failure_while_rendering_writes_no_file(
    fixture_digest: Digest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import brief.render

    target = tmp_path / "digest.md"
    target.write_text("last week's digest\n", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer crashed half-way")

    monkeypatch.setattr(brief.render, "render_html", broken)
    result = runner.invoke(
        app, ["build", "in/", "-o", str(target), "--html", "--json-out", str(target.with_suffix(".json"))]
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)
    assert target.read_text(encoding="utf-8") == "last week's digest\n"  # Markdown was rendered, not written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]


def test_an_unwritable_folder_is_reported_with_exit_1(fixture_digest: Digest, tmp_path: Path) -> None:
    blocker = tmp_path / "briefs"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = runner.invoke(app, ["build", "in/", "-o", str(blocker / "x.md")])
    assert result.exit_code == 1
    assert "cannot write the digest" in result.stderr
