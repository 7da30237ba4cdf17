"""A persistent translation cache: SQLite in the user's cache folder, shared safely by concurrent runs.

``CachedBackend(underlying, path)`` wraps any SentenceBackend. Keys are the SHA-256 of the backend's
signature (model id, revision, backend, settings) and the exact sentence the model sees (after
protection, so a glossary change never serves a stale name: the English forms are put back after
the cache). Each batch is committed as soon as it is translated, so a run killed mid-way leaves
every finished batch usable. The same file remembers sentence splits of paragraphs and token
counts, so a run served from the cache loads neither the Korean analyser nor the tokenizer.
WAL mode and a busy timeout let two processes share one file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from brief.errors import ModelError
from brief.records import ModelInfo
from brief.translate.base import SentenceBackend, backend_signature

__all__ = ["CachedBackend", "TranslationCache", "default_cache_dir"]

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    signature TEXT NOT NULL,
    created REAL NOT NULL
)
"""
_EXTRA_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, spans TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS token_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL)",
    # model answers to summary prompts, keyed by model, prompt hash and the exact prompt
    "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL, created REAL NOT NULL)",
)
_CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds


def default_cache_dir() -> Path:
    """The user's cache folder for brief (e.g. ~/.cache/brief on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brief"))


class TranslationCache:
    """sentence key -> translation, in one SQLite file. Opened on first use; errors disable it."""

    def __init__(self, path: Path, timeout_s: float = 60.0) -> None:
        self.path = Path(path)
        self.timeout_s = timeout_s
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=self.timeout_s)
            db.execute(f"PRAGMA busy_timeout = {int(self.timeout_s * 1000)}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(_SCHEMA)
            for statement in _EXTRA_SCHEMA:
                db.execute(statement)
            db.commit()
        except (sqlite3.Error, OSError) as error:
            log.warning("translation cache %s cannot be used (%s); translating without it", self.path, error)
            self._broken = True
            return None
        self._db = db
        return db

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        """The cached translations of ``keys`` that exist."""
        return dict(self._select("translations", "target", keys))

    def _select(self, table: str, column: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        """``(key, column)`` rows of ``table`` for the ``keys`` that exist, read in chunks (SQLite's
        limit on bound variables); none, with a warning, when the file cannot be read."""
        db = self._connect()
        if db is None or not keys:
            return []
        found: list[tuple[str, str]] = []
        try:
            for i in range(0, len(keys), _CHUNK):
                chunk = list(keys[i : i + _CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, {column} FROM {table} WHERE key IN ({marks})", chunk)
                found.extend(rows.fetchall())
        except sqlite3.Error as error:
            log.warning("translation cache %s: read failed (%s)", self.path, error)
        return found

    def put_many(self, rows: Sequence[tuple[str, str, str]], signature: str) -> None:
        """Store (key, source, target) rows and commit at once."""
        db = self._connect()
        if db is None or not rows:
            return
        now = time.time()
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO translations (key, source, target, signature, created) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [(key, source, target, signature, now) for key, source, target in rows],
                )
        except sqlite3.Error as error:
            log.warning(
                "translation cache %s: write failed (%s); continuing without storing", self.path, error
            )

    def get_segments(self, keys: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
        """Cached sentence spans of paragraphs (by key)."""
        found: dict[str, list[tuple[int, int]]] = {}
        try:
            for key, spans in self._select("segments", "spans", keys):
                found[key] = [(int(a), int(b)) for a, b in json.loads(spans)]
        except ValueError as error:
            log.warning("translation cache %s: read failed (%s)", self.path, error)
        return found

    def put_segments(self, rows: Mapping[str, Sequence[tuple[int, int]]]) -> None:
        """Store sentence spans of paragraphs (by key)."""
        db = self._connect()
        if db is None or not rows:
            return
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO segments (key, spans) VALUES (?, ?)",
                    [(key, json.dumps(list(spans))) for key, spans in rows.items()],
                )
        except sqlite3.Error as error:
            log.warning("translation cache %s: write failed (%s)", self.path, error)

    def get_answers(self, keys: Sequence[str]) -> dict[str, str]:
        """Cached model answers (of summary prompts) by key."""
        return dict(self._select("answers", "answer", keys))

    def put_answers(self, rows: Mapping[str, str]) -> None:
        """Store model answers by key and commit at once."""
        db = self._connect()
        if db is None or not rows:
            return
        now = time.time()
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO answers (key, answer, created) VALUES (?, ?, ?)",
                    [(key, answer, now) for key, answer in rows.items()],
                )
        except sqlite3.Error as error:
            log.warning("translation cache %s: write failed (%s)", self.path, error)

    def get_count(self, key: str) -> int | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT n FROM token_counts WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return int(row[0]) if row else None

    def put_count(self, key: str, n: int) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.execute("INSERT OR REPLACE INTO token_counts (key, n) VALUES (?, ?)", (key, n))
        except sqlite3.Error as error:
            log.warning("translation cache %s: write failed (%s)", self.path, error)

    def __len__(self) -> int:
        db = self._connect()
        if db is None:
            return 0
        return int(db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Rows per table: translations, sentence splits (segments) and token counts."""
        db = self._connect()
        if db is None:
            return {}
        tables = ("translations", "segments", "token_counts")
        return {t: int(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def clear(self) -> int:
        """Delete every row (safe while another run uses the file) and give the space back; rows deleted."""
        db = self._connect()
        if db is None:
            return 0
        deleted = sum(self.counts().values())
        with db:
            for table in ("translations", "segments", "token_counts"):
                db.execute(f"DELETE FROM {table}")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class CachedBackend:
    """A SentenceBackend that asks ``underlying`` only for sentences not in the cache."""

    def __init__(self, underlying: SentenceBackend, cache: TranslationCache) -> None:
        self.underlying = underlying
        self.cache = cache
        self.hits = 0
        self.misses = 0

    @property
    def info(self) -> ModelInfo:
        return self.underlying.info

    @property
    def max_input_tokens(self) -> int:
        return self.underlying.max_input_tokens

    @property
    def settings(self) -> Mapping[str, str]:
        return self.underlying.settings

    def count_tokens(self, sentence: str) -> int:
        """The underlying count, remembered (so a cached run need not load the tokenizer)."""
        key = self._key(f"tokens|{self.info.name}|{self.info.revision or ''}", sentence)
        count = self.cache.get_count(key)
        if count is None:
            count = self.underlying.count_tokens(sentence)
            self.cache.put_count(key, count)
        return count

    def _key(self, signature: str, sentence: str) -> str:
        return hashlib.sha256(f"{signature}\n{sentence}".encode()).hexdigest()

    @property
    def supports_strict(self) -> bool:
        """Whether the model can be asked again with a stricter prompt (instruct and openai backends)."""
        return callable(getattr(self.underlying, "translate_strict", None))

    def translate_strict(self, sentences: Sequence[str], problems: Sequence[str]) -> list[str]:
        """The underlying ``translate_strict``, cached under the reasons too."""
        signature = backend_signature(self.underlying) + "|strict"
        keys = [self._key(signature, f"{why}\n{s}") for s, why in zip(sentences, problems, strict=True)]
        found = self.cache.get_many(sorted(set(keys)))
        todo = [i for i, k in enumerate(keys) if k not in found]
        if todo:
            answers = self.underlying.translate_strict(  # type: ignore[attr-defined]
                [sentences[i] for i in todo], [problems[i] for i in todo]
            )
            rows = [(keys[i], sentences[i], a) for i, a in zip(todo, answers, strict=True)]
            self.cache.put_many(rows, signature)
            found.update((key, answer) for key, _, answer in rows)
        return [found[k] for k in keys]

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        signature = backend_signature(self.underlying)
        keys = [self._key(signature, s) for s in sentences]
        found = self.cache.get_many(sorted(set(keys)))
        todo = list(dict.fromkeys(s for s, k in zip(sentences, keys, strict=True) if k not in found))
        self.hits += len(sentences) - sum(1 for k in keys if k not in found)
        if todo:
            self.misses += len(todo)
            translated = self.underlying.translate_batch(todo)
            if len(translated) != len(todo):
                raise ModelError(
                    f"{self.info.name}: the {self.info.backend} backend returned {len(translated)} "
                    f"translations for {len(todo)} sentences"
                )
            rows = [(self._key(signature, s), s, t) for s, t in zip(todo, translated, strict=True)]
            self.cache.put_many(rows, signature)
            found.update((key, target) for key, _, target in rows)
        return [found[k] for k in keys]
