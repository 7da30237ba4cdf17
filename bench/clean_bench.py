"""Cleaning throughput: articles per second on one core (target: at least 200/s for text pages).

    python bench/clean_bench.py [--seconds 3] [PATH ...]

Defaults to the five seeds (text) and the synthetic HTML test pages. Files are read and decoded once;
the timed loop runs ``clean_document`` only (HTML pages include trafilatura's extraction), with the
remembered furniture lines forgotten before each page, so no page is faster for having been seen.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from brief.clean import clean_document
from brief.clean.boilerplate import boilerplate_reason
from brief.ingest import discover, read_document
from brief.records import RawDocument

ROOT = Path(__file__).resolve().parent.parent


def _rate(docs: list[RawDocument], seconds: float) -> tuple[float, float, int]:
    """Articles per second of CPU time and of wall time over ``seconds`` of repeated cleaning.

    CPU time (this process, pinned to one core) is the figure to compare: wall time also counts
    the time other programs on a busy machine take the core away.
    """
    for doc in docs:  # warm-up: imports, regex compilation, the outlet table
        clean_document(doc)
    done = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        for doc in docs:
            boilerplate_reason.cache_clear()  # each page as if first seen: no line remembered from before
            clean_document(doc)
        done += len(docs)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return done / cpu, done / wall, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per group (default 3)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    paths = args.paths or [ROOT / "seeds", ROOT / "tests" / "data" / "clean"]
    files, failures = discover(paths)
    for failure in failures:
        print(f"skipped {failure.source}: {failure.message}")
    docs = [read_document(p) for p in files]
    groups = {
        "text": [d for d in docs if d.media_type == "text"],
        "html": [d for d in docs if d.media_type == "html"],
    }
    for name, group in groups.items():
        if not group:
            continue
        cpu_rate, wall_rate, done = _rate(group, args.seconds)
        kib = sum(d.size for d in group) / len(group) / 1024
        print(
            f"clean {name:4}: {cpu_rate:7.1f} articles/s of CPU time on one core "
            f"(wall clock {wall_rate:.1f}/s; {done} cleanings of {len(group)} files, {kib:.1f} KiB avg)"
        )


if __name__ == "__main__":
    main()
