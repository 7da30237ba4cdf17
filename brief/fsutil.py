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
    until it is complete, so a process killed while writing leaves nothing behind; elsewhere it is a
    hidden ``.NAME.*.tmp`` file that is removed on any error. Text is written exactly as given (no
    newline translation). A symbolic link at ``path`` is kept and its target replaced. The folder
    must exist. A replaced file keeps its permission bits; a new one gets the usual umask-based mode.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    folder = target.parent
    mode = _mode_for(target)

    fd, temp_name = _open_temp(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            fd = -1  # owned by the file object now
            handle.write(payload)
            handle.flush()
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
            if temp_name is None:  # unnamed: give it a name in the folder, then move it into place
                temp_name = _link_unnamed(handle.fileno(), folder, target.name)
        os.replace(temp_name, target)  # noqa: PTH105  (the atomic rename itself, named as such)
        temp_name = None
    finally:
        if fd != -1:
            os.close(fd)
        if temp_name is not None:
            with contextlib.suppress(FileNotFoundError):
                Path(temp_name).unlink()
    _fsync_folder(folder)
    return target


def _open_temp(folder: Path, name: str) -> tuple[int, str | None]:
    """An fd open for writing in ``folder``: unnamed when the OS can (name None), else a named temp file."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and Path("/proc/self/fd").is_dir():
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
        except OSError as error:  # e.g. a file system without O_TMPFILE support
            log.debug("O_TMPFILE unavailable in %s (%s); using a named temporary file", folder, error)
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    return fd, temp_name


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
