"""Bad files end to end through ``brief build`` (in process, tiny random Marian, greedy, 4 new tokens).

One folder holds two good articles next to every kind of bad input: an empty file, a binary file, CP949
cut in the middle of a character, a 50 MB file, a directory loop through symlinks, a file-level symlink
loop, a named pipe, a file that cannot be read (permission denied) and a file that vanishes between
discovery and reading. Each bad input is named on stderr with its problem, the good articles still make
the digest, and the exit code is 3 (partial success).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.errors import EXIT_BAD_INPUT, EXIT_PARTIAL
from tests.reliability_support import FAST_MODEL_ARGS, GOOD_ARTICLE, SECOND_ARTICLE

RUNNER = CliRunner()
BIG = 50 * 1024 * 1024


def _run(args: list[str]) -> tuple[int, str]:
    result = RUNNER.invoke(app, args, catch_exceptions=False)
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("bad-inputs") / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND_ARTICLE, encoding="cp949")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    cp949 = SECOND_ARTICLE.encode("cp949")
    (folder / "truncated.txt").write_bytes(cp949[:41] + b"\xb0")  # ends inside a two-byte character
    with (folder / "big.txt").open("wb") as handle:
        chunk = ("가나다라마바사 " * 4096).encode("utf-8")
        while handle.tell() < BIG:
            handle.write(chunk)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)  # in/sub/up -> in: a loop
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    yield folder
    (folder / "big.txt").unlink()  # pytest keeps the temporary folders of the last runs


BAD = {
    "empty.txt": "file is empty",
    "binary.txt": "binary file",
    "truncated.txt": "",  # decoded as far as it goes (or refused): too little text left either way
    "big.txt": "over the 5.0 MB limit",
    "loop-a.txt": "not a regular file",
    "loop-b.txt": "not a regular file",
    "pipe.txt": "not a regular file",
}


@pytest.fixture(scope="module")
def bad_run(
    bad_folder: Path, tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[int, str, Path]:
    out = tmp_path_factory.mktemp("bad-out") / "digest.md"
    cache = tmp_path_factory.mktemp("bad-cache")
    code, stderr = _run(
        ["build", str(bad_folder), "-o", str(out), "--json-out", str(out.with_suffix(".json")),
         "--mt-model", str(tiny_marian), "--cache-dir", str(cache), *FAST_MODEL_ARGS]
    )  # fmt: skip
    return code, stderr, out


def test_partial_success_exit_code(bad_run: tuple[int, str, Path]) -> None:
    code, stderr, _ = bad_run
    assert code == EXIT_PARTIAL, stderr


@pytest.mark.parametrize(("name", "problem"), sorted(BAD.items()))
def test_each_bad_input_is_named_with_its_problem(
    bad_run: tuple[int, str, Path], bad_folder: Path, name: str, problem: str
) -> None:
    _, stderr, _ = bad_run
    lines = [line for line in stderr.splitlines() if line.startswith(f"brief: skipped {bad_folder / name}:")]
    assert len(lines) == 1, stderr
    assert problem in lines[0]


def test_good_articles_make_the_digest_once_each(bad_run: tuple[int, str, Path], bad_folder: Path) -> None:
    _, _, out = bad_run
    import json

    digest = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    sources = sorted(a["article"]["source"] for a in digest["articles"])
    # the symlink loop in/sub/up -> in is not followed: each article is there once
    assert sources == [str(bad_folder / "good.txt"), str(bad_folder / "second.txt")]
    assert {f["source"] for f in digest["failures"]} == {str(bad_folder / n) for n in BAD}
    assert out.read_text(encoding="utf-8").startswith("---\n")


def test_the_size_hint_names_an_option_build_has(bad_run: tuple[int, str, Path]) -> None:
    _, stderr, _ = bad_run
    hinted = re.findall(r"--[a-z-]+", "\n".join(line for line in stderr.splitlines() if "big.txt" in line))
    options = RUNNER.invoke(app, ["build", "--help"]).stdout
    assert hinted and all(option in options for option in hinted), (hinted, options)


@pytest.mark.parametrize("command", ["clean", "quotes", "translate", "summarize", "build"])
def test_every_command_that_reads_articles_has_max_bytes(command: str) -> None:
    result = RUNNER.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "--max-bytes" in result.stdout, result.stdout


def _two_sizes(tmp_path: Path) -> tuple[Path, Path, Path, int]:
    """A folder with the two good articles; the larger is over the returned limit, the smaller is not."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND_ARTICLE, encoding="cp949")
    small, large = sorted(folder.iterdir(), key=lambda p: p.stat().st_size)
    assert small.stat().st_size < large.stat().st_size
    return folder, small, large, small.stat().st_size


def test_quotes_max_bytes_skips_the_larger_file(tmp_path: Path) -> None:
    folder, small, large, limit = _two_sizes(tmp_path)
    code, stderr = _run(["quotes", str(folder), "--max-bytes", str(limit)])
    assert code == EXIT_PARTIAL, stderr
    assert f"brief: skipped {large}: file is" in stderr and "--max-bytes" in stderr
    assert str(small) not in stderr
    code, stderr = _run(["quotes", str(folder), "--max-bytes", str(limit * 10)])
    assert code == 0, stderr


def test_build_max_bytes_reaches_the_pipeline(tiny_marian: Path, tmp_path: Path) -> None:
    import json

    folder, small, large, limit = _two_sizes(tmp_path)
    out = tmp_path / "d.md"
    code, stderr = _run(
        ["build", str(folder), "-o", str(out), "--json-out", str(out.with_suffix(".json")),
         "--mt-model", str(tiny_marian), "--no-cache",
         "--max-bytes", str(limit), *FAST_MODEL_ARGS]
    )  # fmt: skip
    assert code == EXIT_PARTIAL, stderr
    assert f"brief: skipped {large}: file is" in stderr
    digest = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [a["article"]["source"] for a in digest["articles"]] == [str(small)]


def test_max_bytes_must_be_positive() -> None:
    code, stderr = _run(["build", "x.txt", "--max-bytes", "0"])
    assert code == 2 and "--max-bytes" in stderr  # click's usage error, before anything is read


# ---------------------------------------------------------------- faults that need a hand
def test_permission_denied_is_named(
    tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 where it works (not as root); else the read raises PermissionError as the OS would."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    locked = folder / "locked.txt"
    locked.write_text(SECOND_ARTICLE, encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: raise the error the OS gives everyone else
        original = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        code, stderr = _run(
            ["build", str(folder), "-o", str(tmp_path / "d.md"), "--mt-model", str(tiny_marian),
             "--cache-dir", str(tmp_path / "cache"), *FAST_MODEL_ARGS]
        )  # fmt: skip
    finally:
        locked.chmod(0o644)
    assert code == EXIT_PARTIAL, stderr
    assert f"brief: skipped {locked}: permission denied" in stderr
    assert (tmp_path / "d.md").is_file()


def test_a_file_that_vanishes_mid_run_is_named(
    tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is found, then deleted before it is read (another job cleaned the folder)."""
    import brief.ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    gone = folder / "gone.txt"
    gone.write_text(SECOND_ARTICLE, encoding="utf-8")
    discover = brief.ingest.discover

    def discover_then_delete(paths: list[Path]) -> tuple[list[Path], list]:
        found = discover(paths)
        gone.unlink()
        return found

    monkeypatch.setattr(brief.ingest, "discover", discover_then_delete)
    code, stderr = _run(
        ["build", str(folder), "-o", str(tmp_path / "d.md"), "--mt-model", str(tiny_marian),
         "--cache-dir", str(tmp_path / "cache"), *FAST_MODEL_ARGS]
    )  # fmt: skip
    assert code == EXIT_PARTIAL, stderr
    assert f"brief: skipped {gone}: no such file" in stderr
    assert (tmp_path / "d.md").is_file()


def test_only_bad_inputs_is_bad_input_and_writes_nothing(
    bad_folder: Path, tiny_marian: Path, tmp_path: Path
) -> None:
    out = tmp_path / "d.md"
    code, stderr = _run(
        ["build", str(bad_folder / "empty.txt"), str(bad_folder / "binary.txt"), str(bad_folder / "pipe.txt"),
         "-o", str(out), "--mt-model", str(tiny_marian), "--cache-dir", str(tmp_path / "c"), *FAST_MODEL_ARGS]
    )  # fmt: skip
    assert code == EXIT_BAD_INPUT, stderr
    assert "empty.txt" in stderr and "binary.txt" in stderr and "pipe.txt" in stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "c"] or not any(
        p.suffix == ".md" for p in tmp_path.iterdir()
    )
