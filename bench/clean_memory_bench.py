"""Cleaning memory and time on large pages: peak memory <= 60 MB + 20x the input, 5 MB in < 10 s.

    python bench/clean_memory_bench.py [--mb 5] [--large]

Writes synthetic pages (made up here, no real text) of about ``--mb`` megabytes in four layouts: one
million short lines, paragraphs, a page flattened onto one line, and HTML of short paragraphs
(``--large`` adds a 20 MB HTML page). Each page is cleaned in a fresh process pinned to one core,
which reports its CPU time and its peak resident memory (ru_maxrss, interpreter and imports
included). Exit status 1 when a page breaks the budget.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_MB, FACTOR, SECONDS_PER_5MB = 60.0, 20.0, 10.0
_WORDS = [
    "정부는",
    "오늘",
    "새로운",
    "정책을",
    "발표했다",
    "시민들은",
    "환영했다",
    "관계자는",
    "말했다",
    "예산이",
]

_CHILD = """
import json, os, resource, sys, time
from pathlib import Path
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
t0 = time.process_time()
from brief.clean import clean_page
from brief.ingest import read_document
doc = read_document(Path(sys.argv[1]), max_bytes=100_000_000)
articles = clean_page(doc)
print(json.dumps({
    "cpu_s": time.process_time() - t0,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "articles": len(articles),
    "paragraphs": sum(len(a.paragraphs) for a in articles),
}))
"""


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 9))) + "."


def _write(path: Path, head: str, piece, size: int) -> None:  # type: ignore[no-untyped-def]
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        written = len(head.encode())
        while written < size:
            chunk = piece()
            out.write(chunk)
            written += len(chunk.encode())


def make_pages(folder: Path, megabytes: float, large: bool) -> list[Path]:
    rng = random.Random(7)
    size = int(megabytes * 1_000_000)
    pages = {
        "short_lines.txt": ("정부 새 정책 발표 소식\n", lambda: _sentence(rng)[: rng.randint(3, 12)] + "\n"),
        "paragraphs.txt": (
            "정부 새 정책 발표 소식\n\n",
            lambda: " ".join(_sentence(rng) for _ in range(5)) + "\n\n",
        ),
        "one_line.txt": ("", lambda: _sentence(rng) + " "),
        "short_paragraphs.html": (
            "<html><head><title>정부 새 정책 발표 소식</title></head><body><article>",
            lambda: "<p>" + _sentence(rng) + "</p>\n",
        ),
    }
    paths = []
    for name, (head, piece) in pages.items():
        path = folder / name
        _write(path, head, piece, size)
        paths.append(path)
    if large:
        head, piece = pages["short_paragraphs.html"]
        path = folder / "large_20mb.html"
        _write(path, head, piece, 20_000_000)
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each page in MB (default 5)")
    parser.add_argument("--large", action="store_true", help="also a 20 MB HTML page")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for path in make_pages(Path(tmp), args.mb, args.large):
            size_mb = path.stat().st_size / 1_000_000
            run = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={"PYTHONPATH": str(ROOT), "PATH": ""},
                check=False,
            )
            if run.returncode != 0:
                print(f"{path.name}: failed: {run.stderr.strip()[-300:]}")
                failed = True
                continue
            got = json.loads(run.stdout)
            budget_mb = BASE_MB + FACTOR * size_mb
            budget_s = SECONDS_PER_5MB * size_mb / 5
            ok = got["peak_mb"] <= budget_mb and got["cpu_s"] <= budget_s
            failed |= not ok
            print(
                f"{path.name:24} {size_mb:5.1f} MB  {got['cpu_s']:5.1f} s cpu (budget {budget_s:.0f})  "
                f"peak {got['peak_mb']:4.0f} MB (budget {budget_mb:.0f})  "
                f"{got['articles']} article(s), {got['paragraphs']} paragraphs  {'ok' if ok else 'OVER'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
