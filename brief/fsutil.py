"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never a partial one."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]

log = logging.getLogger(__name__)


def write_atomic(path: Path | str, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically and durably; return the path written.

    The bytes go to a temporary file in the same folder, are flushed and fsynced, and the file is
    renamed over ``path`` with ``os.replace``. On Linux the temporary file is unnamed (``O_TMPFILE``)
    until it is complete, so a process killed while writing leaves nothing behind; elsewhere (or when
    the file system refuses) it is a hidden ``.NAME.*.tmp`` file, removed on any error. Text is written
    exactly as given (no newline translation). A symbolic link at ``path`` is kept and its target
    replaced. The folder must exist. A replaced file keeps its permission bits; a new one gets the
    usual umask-based mode.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    mode = _mode_for(target)
    temp_name = None
    if getattr(os, "O_TMPFILE", 0) and Path("/proc/self/fd").is_dir():
        try:
            temp_name = _write_unnamed(target, payload, mode)
        except OSError as error:  # e.g. a file system without O_TMPFILE: try the portable way
            log.debug("unnamed temporary file failed next to %s (%s); using a named one", target, error)
    if temp_name is None:
        temp_name = _write_named(target, payload, mode)
    try:
        os.replace(temp_name, target)  # noqa: PTH105  (the atomic rename itself, named as such)
    except BaseException:
        _remove(temp_name)
        raise
    _fsync_folder(target.parent)
    return target


def _write_unnamed(target: Path, payload: bytes, mode: int) -> str:
    """Write ``payload`` to an unnamed file next to ``target``, then give it a hidden temporary name."""
    fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o600)
    try:
        _fill(fd, payload, mode)
        return _link_unnamed(fd, target.parent, target.name)
    finally:
        os.close(fd)


def _write_named(target: Path, payload: bytes, mode: int) -> str:
    """Write ``payload`` to a hidden named temporary file next to ``target``; remove it on error."""
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        try:
            _fill(fd, payload, mode)
        finally:
            os.close(fd)
    except BaseException:
        _remove(temp_name)
        raise
    return temp_name


def _fill(fd: int, payload: bytes, mode: int) -> None:
    """Write all of ``payload`` to ``fd``, set its mode and fsync it."""
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
        os.fchmod(fd, mode)
    os.fsync(fd)


def _link_unnamed(fd: int, folder: Path, name: str) -> str:
    """Give the unnamed file behind ``fd`` a hidden temporary name in ``folder``; return that name."""
    # A src_dir_fd makes os.link call linkat(..., AT_SYMLINK_FOLLOW), which links the open file itself
    # (plain link() on the /proc symlink fails with EXDEV).
    proc_fd = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        for attempt in range(100):
            candidate = folder / f".{name}.{os.getpid()}.{attempt}.tmp"
            try:
                os.link(str(fd), candidate, src_dir_fd=proc_fd, follow_symlinks=True)
            except FileExistsError:
                continue
            return str(candidate)
    finally:
        os.close(proc_fd)
    raise FileExistsError(f"could not create a temporary file next to {folder / name}")


def _remove(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        Path(name).unlink()


def _mode_for(target: Path) -> int:
    """The permission bits the written file should have."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every OS lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
