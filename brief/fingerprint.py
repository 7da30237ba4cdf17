"""A content fingerprint of a local model folder or file, so caches and provenance follow the weights.

A path says where a model is, not what it is: replacing the weights at the same path must not serve
translations of the old model. Weight files (large) count by name, size and modification time; every
other file (config, tokenizer, vocabulary: small) counts by the SHA-256 of its bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["WEIGHT_SUFFIXES", "fingerprint", "local_revision"]

WEIGHT_SUFFIXES = frozenset(
    {".safetensors", ".bin", ".gguf", ".pt", ".pth", ".ckpt", ".h5", ".msgpack", ".onnx", ".npz"}
)
_LENGTH = 16  # hex digits kept: 64 bits tell folders apart


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    found = []
    for item in sorted(path.rglob("*")):
        relative = item.relative_to(path)
        if any(part.startswith(".") for part in relative.parts):  # .cache, .git, editor files
            continue
        if item.is_file():
            found.append(item)
    return found


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(path: Path) -> str:
    """A short hex hash of a model folder (or single file, e.g. GGUF) that changes with its content."""
    root = Path(path)
    digest = hashlib.sha256()
    for item in _files(root):
        name = item.name if root.is_file() else item.relative_to(root).as_posix()
        stat = item.stat()
        if item.suffix.lower() in WEIGHT_SUFFIXES:
            digest.update(f"w {name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
        else:
            digest.update(f"f {name} {stat.st_size} {_file_digest(item)}\n".encode())
    return digest.hexdigest()[:_LENGTH]


def local_revision(path: Path) -> str:
    """The revision a local model is recorded under: ``local-`` and its fingerprint."""
    return f"local-{fingerprint(path)}"
