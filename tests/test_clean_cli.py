"""``brief clean`` through the CLI: readable and JSON output, bad inputs, exit codes, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()

JSON_FIELDS = {
    "id",
    "source",
    "headline",
    "subheadlines",
    "paragraphs",
    "captions",
    "outlet",
    "reporters",
    "date",
    "date_evidence",
    "headings",
    "removed",
    "encoding",
    "media_type",
}


def test_clean_seeds_readable() -> None:
    result = runner.invoke(app, ["clean", str(SEEDS)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("=== ") == 5
    assert "headline:  (none)" in out  # seed 000 has no headline
    assert "outlet:    아이뉴스24 / iNews24" in out
    assert "reporters: 안세준 <nocount-jun@inews24.com>, 윤소진 <sojin@inews24.com>" in out
    assert "date:      2020-02-20  [epoch_ms: 1582188316000]" in out
    assert "kind:      article" in out
    assert "  ◇ 내년 중으로 이노베이션 센터 공동 설립" in out
    assert "많이 본 뉴스" not in out and "Traceback" not in out


def test_clean_removed_lists_the_rules() -> None:
    result = runner.invoke(app, ["clean", "--removed", str(SEEDS / "003_d59a97863a88a9fb.txt")])
    assert result.exit_code == 0
    assert "  - skip link: 본문으로 바로가기" in result.stdout
    assert "  - portal note: 기사가 속한 카테고리는 언론사가 분류합니다." in result.stdout


def test_clean_json_fields_follow_the_design() -> None:
    result = runner.invoke(app, ["clean", "--json", str(SEEDS)])
    assert result.exit_code == 0
    articles = json.loads(result.stdout)
    assert len(articles) == 5
    for article in articles:
        assert set(article) >= JSON_FIELDS
        assert set(article["outlet"]) == {"ko", "en"}
        assert all({"name", "email"} <= set(r) for r in article["reporters"])
        assert all({"text", "reason"} == set(r) for r in article["removed"])
    by_name = {Path(a["source"]).name: a for a in articles}
    assert by_name["000_7787a1a13554aa61.txt"]["headline"] is None
    assert by_name["000_7787a1a13554aa61.txt"]["date"] is None
    assert by_name["001_de47211a8ef0eb56.txt"]["date"] == "2024-10-01"
    assert by_name["001_de47211a8ef0eb56.txt"]["date_evidence"] == {
        "kind": "image_filename",
        "text": "newhub_20241001141329492045.jpg",
    }
    assert by_name["002_f313c70537ea2578.txt"]["subheadlines"] == [
        "MS, KT와 5년 간 전략적 파트너십 맺어",
        "한국형 AI 기술 개발...내년 1분기 상용화 목표",
    ]


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Bad files and what the message about each must say."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "undecodable.txt").write_bytes(b"caf\xe9 \xff\xff\xfe\xff \x80\x80" * 20)
    (folder / "english.txt").write_text("No Korean here. Only English news text.\n", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    return {
        "empty.txt": "file is empty",
        "binary.txt": "binary file",
        "undecodable.txt": "do not decode",
        "english.txt": "no Korean text",
        "huge.txt": "20.0 MB, over the 5.0 MB limit",
    }


def test_bad_inputs_are_named_and_the_rest_still_cleaned(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_bytes((SEEDS / "000_7787a1a13554aa61.txt").read_bytes())
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    result = runner.invoke(
        app, ["clean", "--json", str(tmp_path), str(tmp_path / "missing.txt"), str(empty_folder)]
    )
    assert result.exit_code == 3, result.output  # partial success
    assert len(json.loads(result.stdout)) == 1
    for name, problem in expected.items():
        assert f"brief: skipped {tmp_path / name}: " in result.stderr
        line = next(
            li for li in result.stderr.splitlines() if li.startswith(f"brief: skipped {tmp_path / name}:")
        )
        assert problem in line
    assert f"brief: skipped {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr
    assert f"brief: skipped {empty_folder}: folder has no .txt, .html or .htm files" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [["does-not-exist.txt"], ["--json", "does-not-exist/"]],
)
def test_nothing_usable_exits_1(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["clean", *[str(tmp_path / a) if "does" in a else a for a in args]])
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.output


def test_all_bad_files_exit_1(tmp_path: Path) -> None:
    _bad_inputs(tmp_path)
    result = runner.invoke(app, ["clean", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.count("brief: skipped ") == 5


def test_max_bytes_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", "--max-bytes", "1000", str(SEEDS / "000_7787a1a13554aa61.txt")])
    assert result.exit_code == 1
    assert "over the 1000 bytes limit" in result.stderr


def test_clean_does_not_import_torch_or_transformers() -> None:
    code = (
        "import sys, time\n"
        "start = time.perf_counter()\n"
        "import brief.cli\n"
        "elapsed = time.perf_counter() - start\n"
        "from brief.cli import app\n"
        f"try:\n    app(['clean', '--json', {str(SEEDS)!r}])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "print(f'import {elapsed:.3f}')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    elapsed = float(done.stdout.strip().splitlines()[-1].split()[1])
    assert elapsed < 2.0  # well under a second on an idle machine; generous for a loaded CI box


def test_issue_repro_one_line_with_a_trailing_byline_is_read(tmp_path: Path) -> None:
    """The one-line page of the issue ends in a bare byline; it used to exit 1 ("no article text")."""
    page = tmp_path / "t.txt"
    page.write_text(
        '정부는 7일 금리를 동결했다. 박 총재는 "경기가 나아질 것"이라고 말했다. 홍길동 기자\n', "utf-8"
    )
    result = runner.invoke(app, ["clean", "--json", str(page)])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)
    assert article["paragraphs"] == ['정부는 7일 금리를 동결했다. 박 총재는 "경기가 나아질 것"이라고 말했다.']
    assert [r["name"] for r in article["reporters"]] == ["홍길동"]
    assert article["kind"] == "article" and article["truncated"] is False
