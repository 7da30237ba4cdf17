"""Quote extraction speed: articles per second on one core, without torch.

    python bench/quotes_bench.py [PATH ...] [--seconds 3]

Cleans the articles once (not timed), then runs extract_quotes over them again and again for about
``--seconds`` and reports articles/s and quotes/s, per second of this process's CPU time (one core,
whatever else the machine runs) and per wall-clock second. Target: at least 100 articles/s. With
``--cold`` every remembered word analysis (Kiwi) is forgotten before each pass.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="forget every remembered word analysis before each pass: the speed on text never seen before",
    )
    args = parser.parse_args(argv)

    from brief.analysis import clear_caches
    from brief.config import BriefConfig
    from brief.people import load_people
    from brief.pipeline import load_articles
    from brief.quotes import extract_quotes
    from brief.quotes.mentions import name_evidence

    articles, failures = load_articles(args.paths, BriefConfig())
    if not articles:
        print(f"no articles under {args.paths}: {failures}", file=sys.stderr)
        return 1
    people = load_people()

    def forget() -> None:
        clear_caches()
        name_evidence(people).clear()

    for article in articles:  # warm up (the people table's matchers are built once)
        extract_quotes(article, people)

    done = quotes = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        if args.cold:
            forget()
        for article in articles:
            quotes += len(extract_quotes(article, people))
        done += len(articles)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # CPU time of this one process: robust to a busy machine
    torch_loaded = "torch" in sys.modules
    print(f"articles: {len(articles)} distinct, {done} extracted in {elapsed:.2f} s wall, {cpu:.2f} s CPU")
    print(f"articles/s (one core, CPU time{', cold' if args.cold else ''}): {done / cpu:.0f} (target >= 100)")
    print(f"articles/s (wall clock): {done / elapsed:.0f}")
    print(f"quotes/s (CPU time): {quotes / cpu:.0f} ({quotes / done:.1f} quotes per article)")
    print(f"torch imported: {torch_loaded}")
    return 1 if torch_loaded else 0


if __name__ == "__main__":
    raise SystemExit(main())
