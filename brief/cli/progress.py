"""One progress display on stderr (rich): a line per stage with count, total, rate and ETA, model
loading as a step of its own, and the run's one-line summary.

The display is a ``brief.pipeline.Progress`` callback. It draws only on a terminal and never with
--quiet, but it always counts, so a summary or an interrupted run can say what was done.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from brief.events import EVENTS

__all__ = ["STAGES", "ProgressDisplay", "summary_line"]

# stage -> (what the line says, unit)
STAGES: dict[str, tuple[str, str]] = {
    "sources": ("fetching sources", "sources"),
    "pages": ("fetching pages", "pages"),
    "clean": ("reading", "files"),
    "quotes": ("finding quotes", "articles"),
    "translate": ("translating", "sentences"),
    "summarize": ("summarizing", "articles"),
    "merge": ("merging", "steps"),
}


class _EventHandler(logging.Handler):
    def __init__(self, display: ProgressDisplay) -> None:
        super().__init__(level=logging.DEBUG)
        self.display = display

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, "brief_event", None)
        if event is not None:
            self.display.model_event(
                event, getattr(record, "brief_role", ""), getattr(record, "brief_model", "")
            )


def _rate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):  # type: ignore[misc]
        """Items per second, in the task's own unit ("12.3 sentences/s")."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            unit = task.fields.get("unit", "")
            if speed is None or not unit:
                return Text("")
            return Text(f"{speed:,.1f} {unit}/s", style="progress.data.speed", no_wrap=True)

    return RateColumn()


class ProgressDisplay:
    """Stage lines with totals, rate and ETA (and "loading model X"), drawn on stderr when ``enabled``."""

    def __init__(self, enabled: bool, console: Any = None) -> None:
        self.enabled = enabled
        self.done: dict[str, int] = {}  # items finished per stage, counted even when nothing is drawn
        self.started = time.monotonic()
        self._console = console
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        self._stage: str | None = None
        self._handler: _EventHandler | None = None
        self._saved: tuple[int, bool] | None = None

    # ------------------------------------------------------------ lifetime
    def __enter__(self) -> ProgressDisplay:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                SpinnerColumn(finished_text="[green]✓"),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                _rate_column(),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=self._console or Console(stderr=True),
                transient=False,  # finished stages stay on screen, above the summary line
            )
            self._progress.start()
            self._handler = _EventHandler(self)
            self._saved = (EVENTS.level, EVENTS.propagate)
            EVENTS.setLevel(logging.DEBUG)
            EVENTS.propagate = False  # the display shows these; they are not log lines
            EVENTS.addHandler(self._handler)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop drawing (the lines drawn so far stay) and stop listening for model events."""
        if self._handler is not None:
            EVENTS.removeHandler(self._handler)
            self._handler = None
        if self._saved is not None:
            EVENTS.setLevel(self._saved[0])
            EVENTS.propagate = self._saved[1]
            self._saved = None
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    # ------------------------------------------------------------ events
    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        self.done[stage] = self.done.get(stage, 0) + advance
        if self._progress is None:
            return
        if stage != self._stage:
            self._finish(self._stage)
            self._stage = stage
            label, unit = STAGES.get(stage, (stage, ""))
            self._tasks[stage] = self._progress.add_task(label, total=total, unit=unit)
        task = self._tasks[stage]
        self._progress.update(task, advance=advance, total=total)

    def model_event(self, event: str, role: str, model: str) -> None:
        """A model started or finished loading: its own line, between the stages."""
        if self._progress is None:
            return
        key = f"load:{role}:{model}"
        if event == "load-start" and key not in self._tasks:
            what = f"loading {role} model {model}" if role else f"loading model {model}"
            self._tasks[key] = self._progress.add_task(what, total=None, unit="")
        elif event == "load-end" and key in self._tasks:
            self._progress.update(self._tasks[key], total=1, completed=1)

    def _finish(self, stage: str | None) -> None:
        if stage is None or stage not in self._tasks:
            return
        task = self._tasks[stage]
        done = self.done.get(stage, 0)
        self._progress.update(task, total=done, completed=done)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}" if n != 1 else f"1 {word.rstrip('s')}"


def summary_line(
    articles: int,
    quotes: int,
    sentences: int,
    flagged: int,
    skipped: int,
    wrote: Sequence[str],
    seconds: float,
) -> str:
    """'5 articles, 55 quotes, 146 sentences (3 flagged), 1 skipped — wrote briefs/2025-W09.md in 41 s'."""
    parts = [_count(articles, "articles"), _count(quotes, "quotes")]
    parts.append(_count(sentences, "sentences") + (f" ({flagged:,} flagged)" if flagged else ""))
    if skipped:
        parts.append(f"{skipped:,} skipped")
    duration = f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    where = f"wrote {', '.join(wrote)}" if wrote else "wrote nothing"
    return f"{', '.join(parts)} — {where} in {duration}"
