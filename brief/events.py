"""Events a display may show, sent as log records: today, a model being loaded.

A stage never knows whether anyone watches; the CLI's progress display listens on the
``brief.events`` logger and shows "loading model X" as a step of its own. Each record carries
``brief_event`` ("load-start" / "load-end") and ``brief_model`` (the model's short name).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["EVENTS", "loading", "model_label"]

EVENTS = logging.getLogger("brief.events")


def model_label(name: str) -> str:
    """A model's name for a display: a hub id as it is, a local path by its last part."""
    return (
        Path(name).name if ("/" in name and name.count("/") > 1) or name.startswith((".", "/", "~")) else name
    )


@contextmanager
def loading(role: str, name: str) -> Iterator[None]:
    """Announce that the ``role`` model ``name`` is loading, and when it is done (or failed)."""
    label = model_label(name)
    extra = {"brief_event": "load-start", "brief_model": label, "brief_role": role}
    EVENTS.debug("loading the %s model %s", role, label, extra=extra)
    try:
        yield
    finally:
        EVENTS.debug("%s model %s ready", role, label, extra={**extra, "brief_event": "load-end"})
