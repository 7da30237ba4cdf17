"""Crash safety of ``brief build`` in real child processes (``python -m brief``), tiny random Marian.

- kill -9 while translating: the translation cache is intact (SQLite integrity check), every finished
  batch is kept and reused by the next run (rows not re-translated: their timestamps do not change), and
  no digest file, partial or whole, is left behind;
- kill -9 while rendering: no output file at all; the re-run is served entirely from the cache;
- two builds sharing one cache at once: both finish, with byte-identical digests, equal to the digest of
  the killed-and-resumed run.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability_support import FAST_MODEL_ARGS, SEEDS, brief_command, child_env, run_brief

pytestmark = pytest.mark.slow

MODEL_ARGS = (*FAST_MODEL_ARGS, "--batch-size", "2")  # small batches: many commits to kill between
KILL_AFTER_ROWS = 30  # of the 114 unique sentences of the two seed articles: killed about a quarter in


def _rows(cache: Path) -> dict[str, tuple[str, float]]:
    """key -> (translation, created) of every cached row; {} when there is no cache file yet."""
    path = cache / "translations.sqlite3"
    if not path.exists():
        return {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {key: (target, created) for key, target, created in db.execute(
            "SELECT key, target, created FROM translations")}  # fmt: skip
    except sqlite3.OperationalError:  # the table is not created yet
        return {}
    finally:
        db.close()


def _signal_once_cached(
    child: subprocess.Popen[str] | subprocess.Popen[bytes], cache: Path, signum: int
) -> dict[str, tuple[str, float]]:
    """Send ``signum`` to a running build once its cache holds KILL_AFTER_ROWS rows; the rows seen then."""
    deadline = time.monotonic() + 240
    before: dict[str, tuple[str, float]] = {}
    while time.monotonic() < deadline and child.poll() is None:
        before = _rows(cache)
        if len(before) >= KILL_AFTER_ROWS:
            child.send_signal(signum)
            break
        time.sleep(0.02)
    return before


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-in")
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def _build_args(inputs: Path, out: Path, cache: Path, model: Path) -> list[str | Path]:
    return [
        "build",
        inputs,
        "-o",
        out,
        "--json-out",
        out.with_suffix(".json"),
        "--mt-model",
        model,
        "--cache-dir",
        cache,
        *MODEL_ARGS,
    ]


def _no_digest_files(folder: Path) -> None:
    left = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert left == [], f"files left in the output folder: {left}"


@pytest.fixture(scope="module")
def resumed(inputs: Path, tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Kill a build mid-translation, then run it again to the end; what was seen at each step."""
    root = tmp_path_factory.mktemp("crash-translate")
    cache, out = root / "cache", root / "out" / "digest.md"
    child = subprocess.Popen(
        brief_command(_build_args(inputs, out, cache, tiny_marian)),
        cwd=root, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    before = _signal_once_cached(child, cache, signal.SIGKILL)
    child.wait(timeout=60)
    killed_stderr = child.stderr.read().decode() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL, f"the build ended before it could be killed: {killed_stderr}"
    after_kill = _rows(cache)
    out_after_kill = sorted(p.name for p in out.parent.iterdir()) if out.parent.exists() else []
    rerun = run_brief(_build_args(inputs, out, cache, tiny_marian), cwd=root)
    final = _rows(cache)
    print(
        f"cache rows: {len(before)} seen before the kill, {len(after_kill)} after it, {len(final)} at the end"
    )
    return {
        "before": before, "after_kill": after_kill, "out_after_kill": out_after_kill,
        "rerun": rerun, "final": final, "out": out,
    }  # fmt: skip


def test_kill_during_translation_leaves_no_digest(resumed: dict) -> None:
    assert resumed["out_after_kill"] == []


def test_kill_during_translation_keeps_every_committed_batch(resumed: dict) -> None:
    before, after_kill = resumed["before"], resumed["after_kill"]
    assert before, "nothing was cached before the kill"
    assert set(before) <= set(after_kill)  # committed rows survive the kill (integrity checked in _rows)


def test_rerun_reuses_the_cache_and_finishes(resumed: dict) -> None:
    rerun: subprocess.CompletedProcess[str] = resumed["rerun"]
    assert rerun.returncode == 0, rerun.stderr
    after_kill, final = resumed["after_kill"], resumed["final"]
    assert len(final) > len(after_kill)  # the rest was translated
    # rows from the killed run were served, not translated again (INSERT OR REPLACE would re-stamp them)
    assert {k: final[k] for k in after_kill} == after_kill
    out: Path = resumed["out"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["digest.json", "digest.md"]
    json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def test_kill_during_rendering_leaves_no_file(
    resumed: dict, inputs: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    """The child dies (SIGKILL, sent to itself) inside render_json, after the Markdown was rendered."""
    out = tmp_path / "out" / "digest.md"
    cache = Path(resumed["out"]).parent.parent / "cache"
    rows = _rows(cache)
    script = (
        "import os, signal, sys\n"
        "import brief.render\n"
        "def dying(*args, **kwargs):\n"
        "    open('reached-rendering', 'w').close()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "brief.render.render_json = dying\n"
        "from brief.cli import main\n"
        "sys.argv = ['brief', *sys.argv[1:]]\n"
        "main()\n"
    )
    args = [str(a) for a in _build_args(inputs, out, cache, tiny_marian)]
    child = subprocess.run(
        [brief_command([])[0], "-c", script, *args], cwd=tmp_path, env=child_env(),
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert (tmp_path / "reached-rendering").exists()  # it died while rendering, not before
    _no_digest_files(out.parent)
    assert _rows(cache) == rows  # a run served from the cache writes nothing to it


def test_two_builds_sharing_one_cache_agree(
    resumed: dict, inputs: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "shared-cache"
    outs = [tmp_path / "a" / "digest.md", tmp_path / "b" / "digest.md"]
    children = [
        subprocess.Popen(
            brief_command(_build_args(inputs, out, cache, tiny_marian)),
            cwd=tmp_path,
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in outs
    ]
    for child in children:
        _, stderr = child.communicate(timeout=400)
        assert child.returncode == 0, stderr
    first, second = (out.read_bytes() for out in outs)
    assert first == second
    assert outs[0].with_suffix(".json").read_bytes() == outs[1].with_suffix(".json").read_bytes()
    assert first == Path(resumed["out"]).read_bytes()  # killed and resumed == never interrupted
    assert len(_rows(cache)) == len(resumed["final"])


def test_a_build_killed_beside_another_does_not_harm_it(
    resumed: dict, inputs: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    """Two builds share a fresh cache; one is killed -9 mid-translation; the other finishes unharmed."""
    cache = tmp_path / "shared-cache"
    victim_out, survivor_out = tmp_path / "victim" / "digest.md", tmp_path / "survivor" / "digest.md"
    children = [
        subprocess.Popen(
            brief_command(_build_args(inputs, out, cache, tiny_marian)),
            cwd=tmp_path,
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in (victim_out, survivor_out)
    ]
    victim, survivor = children
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and victim.poll() is None and not _rows(cache):
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=60)
    assert victim.returncode == -signal.SIGKILL, "the victim ended before it could be killed"
    _, stderr = survivor.communicate(timeout=400)
    assert survivor.returncode == 0, stderr
    _no_digest_files(victim_out.parent)
    assert survivor_out.read_bytes() == Path(resumed["out"]).read_bytes()
    assert len(_rows(cache)) == len(resumed["final"])  # integrity checked, every sentence stored once


def test_ctrl_c_during_translation_exits_130_and_keeps_the_cache(
    inputs: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    """SIGINT (Ctrl-C) mid-translation: "brief: interrupted", exit 130, no digest, committed rows kept."""
    cache, out = tmp_path / "cache", tmp_path / "out" / "digest.md"
    child = subprocess.Popen(
        brief_command(_build_args(inputs, out, cache, tiny_marian)), cwd=tmp_path, env=child_env(),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    before = _signal_once_cached(child, cache, signal.SIGINT)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 130, stderr
    assert "brief: interrupted" in stderr and "Traceback" not in stderr
    _no_digest_files(out.parent)
    after = _rows(cache)
    assert {k: after[k] for k in before} == before
