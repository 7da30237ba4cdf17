"""``brief quotes`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from brief.cli.app import app

runner = CliRunner()


def test_json_output_on_seeds(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["quotes", str(seeds_dir), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 5
    quotes = [q for article in data for q in article["quotes"]]
    assert quotes
    for quote in quotes:
        assert set(quote) >= {"speaker", "text_ko", "kind", "verb", "stance", "paragraph", "span", "location"}
        assert set(quote["speaker"]) >= {"ko", "en", "title", "org", "verified", "kind", "label"}
    labels = {q["speaker"]["label"] for q in quotes}
    assert "Kim Young-shub, CEO of KT" in labels
    assert "Satya Nadella, Chairman and CEO of Microsoft" in labels
    assert "Cho Won-woo, CEO of Microsoft Korea" in labels


def test_text_output_and_direct_only(seeds_dir: Path) -> None:
    seed = seeds_dir / "001_de47211a8ef0eb56.txt"
    result = runner.invoke(app, ["quotes", str(seed)])
    assert result.exit_code == 0, result.output
    assert "- Kim Young-shub, CEO of KT (direct, para 2) [말했다 -> said]: 지난 1년간" in result.output
    assert "(reported, para 3)" in result.output
    direct = runner.invoke(app, ["quotes", str(seed), "--direct-only"])
    assert "(reported" not in direct.output and "(direct, para 2)" in direct.output


def test_user_people_file(seeds_dir: Path, tmp_path: Path) -> None:
    extra = tmp_path / "people.toml"
    extra.write_text('[[person]]\nko = "장석영"\nen = "Jang Seok-yeong"\ntitle = "Vice Minister"\n', "utf-8")
    seed = seeds_dir / "003_d59a97863a88a9fb.txt"
    result = runner.invoke(app, ["quotes", str(seed), "--people", str(extra)])
    assert result.exit_code == 0, result.output
    assert "Jang Seok-yeong, Vice Minister (direct, para 8)" in result.output


def test_bad_people_file_is_a_usage_error(seeds_dir: Path, tmp_path: Path) -> None:
    extra = tmp_path / "people.toml"
    extra.write_text('[[person]]\nko = "장석영"\n', "utf-8")
    result = runner.invoke(app, ["quotes", str(seeds_dir), "--people", str(extra)])
    assert result.exit_code == 1
    assert str(extra) in result.output and "[[person]] #1" in result.output
    missing = runner.invoke(app, ["quotes", str(seeds_dir), "--people", str(tmp_path / "none.toml")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_quotes_imports_no_torch(seeds_dir: Path) -> None:
    """`brief quotes` (Kiwi included) never imports torch or transformers."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from brief.cli.app import app\n"
        f"result = CliRunner().invoke(app, ['quotes', {str(seeds_dir)!r}, '--json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
